#!/usr/bin/env bats
# metagrid: IMAG views of one mesh in, one tiled IMAG meta-image out.

load test_helper

# pixel FILE X Y W: "R G B" of pixel (X, Y) of the first frame, W wide
pixel() {
	mdf payload "$1" | od -An -v -tu1 -j $((($3 * $4 + $2) * 3)) -N3 |
	    awk '{ print $1, $2, $3 }'
}

# grey W H V...: a one-channel IMAG frame of W x H pixels V...
grey() {
	local w=$1 h=$2
	shift 2
	perl -e 'print pack("C*", @ARGV)' -- "$@" |
	    mdf wrap IMAG width="$w" height="$h" channels=1 part=g
}

@test "metagrid: 100 views of a cube become one 640x640 meta-image with the shared metadata" {
	mkmesh cube -- label=+Z | normrender >"$BATS_TEST_TMPDIR/v.mdf"
	metagrid <"$BATS_TEST_TMPDIR/v.mdf" >"$BATS_TEST_TMPDIR/m.mdf"
	id=$(mdf get mesh.id "$BATS_TEST_TMPDIR/v.mdf" | sed -n 1p)
	run mdf ls "$BATS_TEST_TMPDIR/m.mdf"
	assert_output "$(printf '1\tIMAG\t1228800\tpart=cube\tlabel=+Z\tmesh.id=%s\twidth=640\theight=640\tchannels=3\tview.normals=world\tgrid=10x10\ttile=64x64' "$id")"
}

@test "metagrid: column is the azimuth, row the elevation, from the top left" {
	mkmesh cube | normrender | metagrid >"$BATS_TEST_TMPDIR/m.mdf"
	# tile centres: row 0 looks down (+Z), row 9 up (-Z); at elevation
	# 10 (row 4) the columns go round +X, +Y (az 72, 108), -X, -Y
	for t in "0 0 128 128 255" "5 0 128 128 255" "0 9 128 128 0" \
	    "0 4 255 128 128" "2 4 128 255 128" "3 4 128 255 128" \
	    "5 4 0 128 128" "7 4 128 0 128" "8 4 128 0 128"; do
		set -- $t
		run pixel "$BATS_TEST_TMPDIR/m.mdf" $(($1 * 64 + 32)) $(($2 * 64 + 32)) 640
		assert_output "$3 $4 $5"
	done
	# tile (3, 7) is view 73, byte for byte
	mkmesh cube | normrender >"$BATS_TEST_TMPDIR/v.mdf"
	mdf payload -n 74 "$BATS_TEST_TMPDIR/v.mdf" | od -An -v -tu1 -w1 \
	    >"$BATS_TEST_TMPDIR/view73"
	mdf payload "$BATS_TEST_TMPDIR/m.mdf" | od -An -v -tu1 -w1920 |
	    sed -n "$((7 * 64 + 1)),$((8 * 64))p" |
	    awk '{ for (i = 3 * 192 + 1; i <= 4 * 192; i++) printf "%4d\n", $i }' \
	    >"$BATS_TEST_TMPDIR/tile73"
	diff -q "$BATS_TEST_TMPDIR/view73" "$BATS_TEST_TMPDIR/tile73"
}

@test "metagrid: an incomplete group, cut short by another part, is an error naming the part" {
	{
		mkmesh cube -- part=bracket | normrender --views 5x2
		mkmesh cube -- part=flange | normrender
	} >"$BATS_TEST_TMPDIR/v.mdf"
	run -65 --separate-stderr metagrid "$BATS_TEST_TMPDIR/v.mdf"
	[[ $stderr == "metagrid: $BATS_TEST_TMPDIR/v.mdf: frame 11 (byte "*"): part 'bracket' (mesh.id '"*"'): group incomplete: 10 of 100 views (use --allow-partial to tile it anyway)" ]]
	# at the end of the input too
	mkmesh cube -- part=bracket | normrender --views 5x2 >"$BATS_TEST_TMPDIR/v.mdf"
	run -65 --separate-stderr metagrid <"$BATS_TEST_TMPDIR/v.mdf"
	[[ $stderr == "metagrid: -: end of input: part 'bracket' (mesh.id '"*"'): group incomplete: 10 of 100 views"* ]]
}

@test "metagrid: --allow-partial fills missing tiles with the background" {
	mkmesh cube -- part=a | normrender --views 5x2 >"$BATS_TEST_TMPDIR/v.mdf"
	metagrid --allow-partial --background 9,9,9 <"$BATS_TEST_TMPDIR/v.mdf" \
	    >"$BATS_TEST_TMPDIR/m.mdf"
	run mdf get grid.missing "$BATS_TEST_TMPDIR/m.mdf"
	assert_output 90
	run pixel "$BATS_TEST_TMPDIR/m.mdf" 32 32 640
	assert_output "128 128 255"
	run pixel "$BATS_TEST_TMPDIR/m.mdf" 600 600 640
	assert_output "9 9 9"
}

@test "metagrid: views of different sizes in one group are an error" {
	{
		mkmesh cube | normrender --views 2x1
		mkmesh cube | normrender --views 1x1 --size 32 | mdf set view.index=2
	} >"$BATS_TEST_TMPDIR/v.mdf"
	run -65 --separate-stderr metagrid --grid 3x1 "$BATS_TEST_TMPDIR/v.mdf"
	[[ $stderr == "metagrid: $BATS_TEST_TMPDIR/v.mdf: frame 3 (byte "*"): part 'cube': view is 32x32 with 3 channels, the group's first view 64x64 with 3" ]]
}

@test "metagrid: a view.index outside the grid is an error" {
	mkmesh cube | normrender --views 3x1 >"$BATS_TEST_TMPDIR/v.mdf"
	run -65 --separate-stderr metagrid --grid 2x1 "$BATS_TEST_TMPDIR/v.mdf"
	[[ $stderr == *"frame 3 (byte "*"): part 'cube': view.index 2 is outside the 2x1 grid" ]]
}

@test "metagrid: --grid and --gap set the size; gaps are background" {
	mkmesh cube | normrender --views 5x2 >"$BATS_TEST_TMPDIR/v.mdf"
	metagrid --grid 5x2 --gap 3 --background 1,2,3 <"$BATS_TEST_TMPDIR/v.mdf" \
	    >"$BATS_TEST_TMPDIR/m.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/m.mdf"
	assert_output --partial $'width=332\theight=131\tchannels=3'
	assert_output --partial $'grid=5x2\ttile=64x64'
	run pixel "$BATS_TEST_TMPDIR/m.mdf" 65 32 332
	assert_output "1 2 3"
	run pixel "$BATS_TEST_TMPDIR/m.mdf" $((67 + 32)) $((67 + 32)) 332
	refute_output "1 2 3"
}

@test "metagrid: views without view.index are tiled in arrival order" {
	{ grey 1 1 10; grey 1 1 20; grey 1 1 30; grey 1 1 40; } >"$BATS_TEST_TMPDIR/v.mdf"
	metagrid --grid 2x2 <"$BATS_TEST_TMPDIR/v.mdf" >"$BATS_TEST_TMPDIR/m.mdf"
	run bash -c "mdf payload '$BATS_TEST_TMPDIR/m.mdf' | od -An -tu1"
	assert_output "  10  20  30  40"
}

@test "metagrid: --resize averages areas when shrinking and interpolates when growing" {
	{ grey 2 2 0 0 0 0; grey 2 2 255 255 255 255; } >"$BATS_TEST_TMPDIR/v.mdf"
	run bash -c "metagrid --grid 2x1 --resize 2x1 <'$BATS_TEST_TMPDIR/v.mdf' | mdf payload | od -An -tu1"
	assert_output "   0 255"
	run bash -c "metagrid --grid 2x1 --resize 1x1 <'$BATS_TEST_TMPDIR/v.mdf' | mdf payload | od -An -tu1"
	assert_output " 128"
	# 3 -> 2 columns: the middle pixel is shared half and half
	grey 3 1 0 90 180 >"$BATS_TEST_TMPDIR/w.mdf"
	run bash -c "metagrid --grid 1x1 --resize 2x1 <'$BATS_TEST_TMPDIR/w.mdf' | mdf payload | od -An -tu1"
	assert_output "  30 150"
	# 2 -> 4 columns, bilinear on pixel centres, edges clamped
	grey 2 1 0 100 >"$BATS_TEST_TMPDIR/w.mdf"
	run bash -c "metagrid --grid 1x1 --resize 4x1 <'$BATS_TEST_TMPDIR/w.mdf' | mdf payload | od -An -tu1"
	assert_output "   0  25  75 100"
	run bash -c "metagrid --grid 1x1 --resize 4x3 <'$BATS_TEST_TMPDIR/w.mdf' | mdf ls"
	assert_output --partial $'width=4\theight=3\tchannels=1'
	# the 10x10 meta-image to a network's input
	mkmesh cube | normrender | metagrid --resize 224x224 >"$BATS_TEST_TMPDIR/m.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/m.mdf"
	assert_output --partial $'width=224\theight=224\tchannels=3'
	assert_output --partial $'grid=10x10\ttile=64x64'
	run pixel "$BATS_TEST_TMPDIR/m.mdf" 11 11 224
	assert_output "128 128 255"
}

@test "metagrid: two rounds of the same mesh give two meta-images" {
	mkmesh cube >"$BATS_TEST_TMPDIR/c.mdf"
	cat "$BATS_TEST_TMPDIR/c.mdf" "$BATS_TEST_TMPDIR/c.mdf" | normrender --views 2x2 |
	    metagrid --grid 2x2 >"$BATS_TEST_TMPDIR/m.mdf"
	run bash -c "mdf ls '$BATS_TEST_TMPDIR/m.mdf' | cut -f2,3"
	assert_output $'IMAG\t49152\nIMAG\t49152'
}

@test "metagrid: other frames pass through in order" {
	{
		printf a | mdf wrap TEXT
		grey 1 1 1
		printf b | mdf wrap TEXT
		grey 1 1 2
		printf c | mdf wrap TEXT
	} >"$BATS_TEST_TMPDIR/v.mdf"
	run bash -c "metagrid --grid 2x1 <'$BATS_TEST_TMPDIR/v.mdf' | mdf ls | cut -f2,3"
	assert_output $'TEXT\t1\nTEXT\t1\nIMAG\t2\nTEXT\t1'
}

@test "metagrid: acceptance: cube.stl through stl2norm, normrender, metagrid, mdf png is one 640x640 PNG" {
	if [ -x "$MILLDIR_BUILDDIR/bin/stl2norm" ]; then
		stl2norm "$DATA/render/cube.stl" >"$BATS_TEST_TMPDIR/cube.mdf"
	else
		mkmesh cube >"$BATS_TEST_TMPDIR/cube.mdf" # before stl2norm exists
	fi
	mkdir "$BATS_TEST_TMPDIR/out"
	normrender <"$BATS_TEST_TMPDIR/cube.mdf" | metagrid |
	    mdf png "$BATS_TEST_TMPDIR/out"
	run bash -c "ls '$BATS_TEST_TMPDIR/out' | wc -l"
	assert_output 1
	png=$(ls "$BATS_TEST_TMPDIR/out"/*.png)
	run file "$png"
	assert_output --partial "640 x 640, 8-bit/color RGB"
	mdf frompng "$png" >"$BATS_TEST_TMPDIR/back.mdf"
	run pixel "$BATS_TEST_TMPDIR/back.mdf" 32 32 640
	assert_output "128 128 255"
	run pixel "$BATS_TEST_TMPDIR/back.mdf" 32 $((4 * 64 + 32)) 640
	assert_output "255 128 128"
	run pixel "$BATS_TEST_TMPDIR/back.mdf" 32 $((9 * 64 + 32)) 640
	assert_output "128 128 0"
}

@test "metagrid: usage errors exit 64 with a hint" {
	usage_errors metagrid "--grid 0x3" "--grid 3" "--gap -1" "--resize 10" \
	    "--background 1,2,3,4" "--background 256,0,0" "--bogus" "a b"
}

@test "metagrid: dies quietly of SIGPIPE under head" {
	mkmesh cube | normrender >"$BATS_TEST_TMPDIR/v.mdf"
	run -141 --separate-stderr bash -c \
	    "set -o pipefail; metagrid <'$BATS_TEST_TMPDIR/v.mdf' | head -c1 >/dev/null"
	[ -z "$stderr" ]
}
