#!/usr/bin/env bats
# normrender: MESH frames in, normal-map IMAG views out.
# Test meshes come from tests/mkmesh (cube, box, grid, fan, sphere, nan).

load test_helper

# colours FILE [N]: "R,G,B=COUNT" per colour of frame N's pixels, sorted
colours() {
	mdf payload -n "${2:-1}" "$1" | od -An -v -tu1 -w3 |
	    awk '{ n[$1 "," $2 "," $3]++ } END { for (c in n) print c "=" n[c] }' |
	    sort
}

# holes FILE N W: rows of frame N (W pixels wide) whose non-background
# pixels do not form one run; prints "row Y" for each (none for a convex
# part without holes)
holes() {
	mdf payload -n "$2" "$1" | od -An -v -tu1 -w$(($3 * 3)) | awk '{
		runs = 0; prev = 0
		for (i = 1; i <= NF; i += 3) {
			on = ($i + $(i + 1) + $(i + 2)) > 0
			if (on && !prev) runs++
			prev = on
		}
		if (runs > 1) print "row " NR - 1
	}'
}

@test "normrender: unit cube seen from +Z shows only (128,128,255) inside its silhouette" {
	mkmesh cube >"$BATS_TEST_TMPDIR/cube.mdf"
	normrender --views 1x1 --elevations 90 <"$BATS_TEST_TMPDIR/cube.mdf" \
	    >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	# the half-diagonal sqrt(3)/2 spans 32 px: the face covers centres 14..49
	assert_output $'0,0,0=2800\n128,128,255=1296'
	# and exactly the square of rows and columns 14..49
	run bash -c "mdf payload '$BATS_TEST_TMPDIR/v.mdf' | od -An -v -tu1 -w3 |
	    awk '{ x = (NR - 1) % 64; y = int((NR - 1) / 64)
	           in_sq = x >= 14 && x <= 49 && y >= 14 && y <= 49
	           if (in_sq != (\$3 == 255)) bad++ } END { print bad + 0 }'"
	assert_output 0
}

@test "normrender: each axis view of the cube shows that face's colour" {
	mkmesh cube >"$BATS_TEST_TMPDIR/cube.mdf"
	for v in "0 0 255,128,128" "180 0 0,128,128" "90 0 128,255,128" \
	    "270 0 128,0,128" "0 -90 128,128,0"; do
		set -- $v
		normrender --views 1x1 --az0 "$1" --elevations "$2" \
		    <"$BATS_TEST_TMPDIR/cube.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
		run colours "$BATS_TEST_TMPDIR/v.mdf"
		assert_output "0,0,0=2800"$'\n'"$3=1296"
	done
}

@test "normrender: camera normals colour a face turned to the camera (128,128,255)" {
	mkmesh cube >"$BATS_TEST_TMPDIR/cube.mdf"
	normrender --normals camera --views 1x1 --az0 90 --elevations 0 \
	    <"$BATS_TEST_TMPDIR/cube.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output $'0,0,0=2800\n128,128,255=1296'
	run mdf get view.normals "$BATS_TEST_TMPDIR/v.mdf"
	assert_output camera
}

@test "normrender: default 10x10 views in order with the mesh's metadata" {
	mkmesh cube -- label=+Z source=cube.stl custom.key=kept \
	    >"$BATS_TEST_TMPDIR/cube.mdf"
	normrender <"$BATS_TEST_TMPDIR/cube.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	run mdf get view.index "$BATS_TEST_TMPDIR/v.mdf"
	assert_output "$(seq 0 99)"
	run mdf get view.az "$BATS_TEST_TMPDIR/v.mdf"
	assert_output "$(for e in $(seq 10); do seq 0 36 324; done)"
	run mdf get view.el "$BATS_TEST_TMPDIR/v.mdf"
	assert_output "$(for e in 90 70 50 30 10 -10 -30 -50 -70 -90; do
	    for a in $(seq 10); do echo $e; done; done)"
	run bash -c "mdf ls '$BATS_TEST_TMPDIR/v.mdf' | sed -n 1p"
	assert_output "$(printf '1\tIMAG\t12288\tpart=cube\tlabel=+Z\tsource=cube.stl\tcustom.key=kept\tmesh.id=%s\twidth=64\theight=64\tchannels=3\tview.index=0\tview.az=0\tview.el=90\tview.normals=world' \
	    "$(mdf get mesh.id "$BATS_TEST_TMPDIR/v.mdf" | sed -n 1p)")"
	# one mesh.id for all views, 16 hex digits; no triangles key
	run bash -c "mdf get mesh.id '$BATS_TEST_TMPDIR/v.mdf' | sort -u"
	assert_output --regexp '^[0-9a-f]{16}$'
	run bash -c "mdf get triangles '$BATS_TEST_TMPDIR/v.mdf' | sort -u"
	assert_output ""
}

@test "normrender: a mesh.id already on the mesh is kept; different meshes get different ids" {
	mkmesh cube -- mesh.id=abc >"$BATS_TEST_TMPDIR/a.mdf"
	run bash -c "normrender --views 2x1 <'$BATS_TEST_TMPDIR/a.mdf' | mdf get mesh.id"
	assert_output $'abc\nabc'
	run bash -c "{ mkmesh cube; mkmesh box 1 1 2; } | normrender --views 1x1 |
	    mdf get mesh.id | sort -u | wc -l"
	assert_output 2
}

@test "normrender: --views, --elevations, --az0 and --az-step" {
	mkmesh cube >"$BATS_TEST_TMPDIR/cube.mdf"
	normrender --views 4x3 --elevations 0,45,-45 --az0 10 \
	    <"$BATS_TEST_TMPDIR/cube.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	run bash -c "paste <(mdf get view.az '$BATS_TEST_TMPDIR/v.mdf') \
	    <(mdf get view.el '$BATS_TEST_TMPDIR/v.mdf') | tr '\t\n' ': '"
	assert_output "10:0 100:0 190:0 280:0 10:45 100:45 190:45 280:45 10:-45 100:-45 190:-45 280:-45 "
	run bash -c "normrender --views 3x1 --az-step 200 --az0 -30 \
	    <'$BATS_TEST_TMPDIR/cube.mdf' | mdf get view.az | tr '\n' ' '"
	assert_output "330 170 10 "
	# the list alone sets the elevation count
	run bash -c "normrender --views 2x2 -e 5,6,7 <'$BATS_TEST_TMPDIR/cube.mdf' >/dev/null"
	assert_failure 64
	run bash -c "normrender -e 5,6,7 --views 2x3 <'$BATS_TEST_TMPDIR/cube.mdf' | mdf ls | wc -l"
	assert_output 6
}

@test "normrender: fill rule: a jittered grid of triangles is drawn exactly once everywhere" {
	mkmesh grid 40 >"$BATS_TEST_TMPDIR/grid.mdf"
	# unit square, bounding radius sqrt(2)/2 on 32 px: centres 9..54
	normrender --overdraw --views 1x1 -e 90 <"$BATS_TEST_TMPDIR/grid.mdf" \
	    >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output $'0,0,0=1980\n1,1,1=2116'
	# seen from below (back faces), obliquely, and supersampled
	for o in "-e -90" "-e 55 --az0 17" "-e 30 --az0 200 --ssaa 3" \
	    "-e 70 --perspective 50"; do
		normrender --overdraw --views 1x1 $o <"$BATS_TEST_TMPDIR/grid.mdf" \
		    >"$BATS_TEST_TMPDIR/v.mdf"
		run colours "$BATS_TEST_TMPDIR/v.mdf"
		refute_output --partial "2,2,2"
		run holes "$BATS_TEST_TMPDIR/v.mdf" 1 64
		assert_output ""
	done
	# a fan of 300 slivers meeting at one point
	mkmesh fan 300 | normrender --overdraw --views 1x1 -e 90 \
	    >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output --regexp $'^0,0,0=[0-9]+\n1,1,1=[0-9]+$'
	run holes "$BATS_TEST_TMPDIR/v.mdf" 1 64
	assert_output ""
}

@test "normrender: fill rule holds for triangles of every size (sub-pixel to several pixels)" {
	# the same unit square in 72 to 64800 triangles: boxes of one or two
	# pixel centres, of three or four, and larger ones take different
	# paths in the rasteriser; each must cover every centre exactly once
	for n in 6 11 17 90 180; do
		mkmesh grid "$n" | normrender --overdraw --views 1x1 -e 90 \
		    >"$BATS_TEST_TMPDIR/v.mdf"
		run colours "$BATS_TEST_TMPDIR/v.mdf"
		assert_output $'0,0,0=1980\n1,1,1=2116'
		mkmesh grid "$n" | normrender --overdraw --views 1x1 -e 40 \
		    --az0 25 >"$BATS_TEST_TMPDIR/v.mdf"
		run colours "$BATS_TEST_TMPDIR/v.mdf"
		refute_output --partial "2,2,2"
		run holes "$BATS_TEST_TMPDIR/v.mdf" 1 64
		assert_output ""
	done
}

@test "normrender: a thin wall shows no background holes and no far-side colour" {
	# a wall 1e-4 of its width thick, both sides drawn: only the depth
	# test keeps the far side out
	mkmesh box 1 1 0.0001 >"$BATS_TEST_TMPDIR/wall.mdf"
	normrender --backfaces draw --views 1x1 -e 90 --az0 30 <"$BATS_TEST_TMPDIR/wall.mdf" \
	    >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output $'0,0,0=2048\n128,128,255=2048'
	normrender --backfaces draw --views 10x4 --elevations 80,40,10,-50 \
	    <"$BATS_TEST_TMPDIR/wall.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	for n in $(seq 40); do
		run holes "$BATS_TEST_TMPDIR/v.mdf" "$n" 64
		assert_output ""
	done
	# from above the bottom face (128,128,0) never shows, from below
	# the top face (128,128,255) never does
	run bash -c "for n in \$(seq 30); do mdf payload -n \$n '$BATS_TEST_TMPDIR/v.mdf'; done |
	    od -An -v -tu1 -w3 | grep -c '128 128   0\$'"
	assert_output 0
	run bash -c "for n in \$(seq 31 40); do mdf payload -n \$n '$BATS_TEST_TMPDIR/v.mdf'; done |
	    od -An -v -tu1 -w3 | grep -c '128 128 255\$'"
	assert_output 0
}

@test "normrender: identical bytes with --threads 1, 2 and 3" {
	mkmesh sphere 40 >"$BATS_TEST_TMPDIR/s.mdf"
	mkmesh box 1 0.3 0.01 >>"$BATS_TEST_TMPDIR/s.mdf"
	normrender --threads 1 --ssaa 2 <"$BATS_TEST_TMPDIR/s.mdf" >"$BATS_TEST_TMPDIR/1.mdf"
	normrender --threads 2 --ssaa 2 <"$BATS_TEST_TMPDIR/s.mdf" >"$BATS_TEST_TMPDIR/2.mdf"
	normrender --threads 3 --ssaa 2 <"$BATS_TEST_TMPDIR/s.mdf" >"$BATS_TEST_TMPDIR/3.mdf"
	cmp "$BATS_TEST_TMPDIR/1.mdf" "$BATS_TEST_TMPDIR/2.mdf"
	cmp "$BATS_TEST_TMPDIR/1.mdf" "$BATS_TEST_TMPDIR/3.mdf"
	run bash -c "mdf ls '$BATS_TEST_TMPDIR/1.mdf' | wc -l"
	assert_output 200
}

@test "normrender: the AVX-512 walk gives the bytes of the portable one" {
	# MILLDIR_RENDER_PORTABLE=1 forces the portable walk; without
	# AVX-512 both runs take it.  Boxes of 1 to 4x4 centres, larger and
	# clipped triangles, both windings, every option that changes the walk.
	{
		mkmesh sphere 71; mkmesh sphere 150; mkmesh grid 11
		mkmesh grid 90; mkmesh fan 300; mkmesh box 1 1 0.0001
		mkmesh cube; mkmesh cubeinv
	} >"$BATS_TEST_TMPDIR/m.mdf"
	for o in "" "--backfaces draw" "--backfaces cull" "--perspective 50" \
	    "--perspective 120 --size 16" "--normals camera" "--ssaa 3" \
	    "--overdraw" "--size 200 --az0 13" "--size 7 -b 9,8,7"; do
		normrender -j 1 --views 5x4 $o <"$BATS_TEST_TMPDIR/m.mdf" \
		    >"$BATS_TEST_TMPDIR/a.mdf"
		MILLDIR_RENDER_PORTABLE=1 normrender -j 1 --views 5x4 $o \
		    <"$BATS_TEST_TMPDIR/m.mdf" >"$BATS_TEST_TMPDIR/p.mdf"
		cmp "$BATS_TEST_TMPDIR/a.mdf" "$BATS_TEST_TMPDIR/p.mdf" ||
		    fail "options '$o' differ"
	done
}

@test "normrender: back faces: culling changes nothing on a closed mesh, hides an open one from behind" {
	mkmesh sphere 30 >"$BATS_TEST_TMPDIR/s.mdf"
	mkmesh box 1 0.5 0.01 >>"$BATS_TEST_TMPDIR/s.mdf"
	normrender --backfaces draw <"$BATS_TEST_TMPDIR/s.mdf" >"$BATS_TEST_TMPDIR/draw.mdf"
	normrender --backfaces cull <"$BATS_TEST_TMPDIR/s.mdf" >"$BATS_TEST_TMPDIR/cull.mdf"
	normrender <"$BATS_TEST_TMPDIR/s.mdf" >"$BATS_TEST_TMPDIR/auto.mdf"
	cmp "$BATS_TEST_TMPDIR/draw.mdf" "$BATS_TEST_TMPDIR/cull.mdf"
	cmp "$BATS_TEST_TMPDIR/draw.mdf" "$BATS_TEST_TMPDIR/auto.mdf"
	# a single-sided square seen from below: drawn with its own normal
	mkmesh grid 2 >"$BATS_TEST_TMPDIR/g.mdf"
	normrender --views 1x1 -e -90 <"$BATS_TEST_TMPDIR/g.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output $'0,0,0=1980\n128,128,255=2116'
	normrender --views 1x1 -e -90 --backfaces cull <"$BATS_TEST_TMPDIR/g.mdf" \
	    >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output '0,0,0=4096'
	# an inside-out cube is drawn as it is (auto), seen from +Z its top
	# face points down; culling would show the bottom face instead
	mkmesh cubeinv >"$BATS_TEST_TMPDIR/inv.mdf"
	normrender --views 1x1 -e 90 <"$BATS_TEST_TMPDIR/inv.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output $'0,0,0=2800\n128,128,0=1296'
	normrender --views 1x1 -e 90 --backfaces cull <"$BATS_TEST_TMPDIR/inv.mdf" \
	    >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output $'0,0,0=2800\n128,128,255=1296'
}

@test "normrender: --size, --ssaa and --background" {
	mkmesh cube >"$BATS_TEST_TMPDIR/cube.mdf"
	normrender --views 1x1 -e 90 --size 32 --background 10,20,30 \
	    <"$BATS_TEST_TMPDIR/cube.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/v.mdf"
	assert_output --partial $'\t3072\t'
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output $'10,20,30=700\n128,128,255=324'
	# supersampling blends the silhouette, and only the silhouette
	normrender --views 1x1 -e 90 --az0 20 --ssaa 4 \
	    <"$BATS_TEST_TMPDIR/cube.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	run bash -c "mdf payload '$BATS_TEST_TMPDIR/v.mdf' | od -An -v -tu1 -w3 |
	    awk '\$1 != \$2 || \$3 < 2 * \$1 - 2 || \$3 > 2 * \$1 + 1' | wc -l"
	assert_output 0
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	[ "${#lines[@]}" -gt 10 ]
}

@test "normrender: perspective from +Z still sees only the top face" {
	mkmesh cube | normrender --views 1x1 -e 90 --perspective 40 \
	    >"$BATS_TEST_TMPDIR/v.mdf"
	run colours "$BATS_TEST_TMPDIR/v.mdf"
	assert_output --regexp $'^0,0,0=[0-9]+\n128,128,255=[0-9]+$'
}

@test "normrender: an empty mesh gives background views" {
	mdf wrap MESH triangles=0 part=empty </dev/null >"$BATS_TEST_TMPDIR/e.mdf"
	normrender --views 2x2 <"$BATS_TEST_TMPDIR/e.mdf" >"$BATS_TEST_TMPDIR/v.mdf"
	run bash -c "mdf ls '$BATS_TEST_TMPDIR/v.mdf' | wc -l"
	assert_output 4
	run colours "$BATS_TEST_TMPDIR/v.mdf" 4
	assert_output '0,0,0=4096'
}

@test "normrender: other frames pass through in order" {
	{
		printf 'hello' | mdf wrap TEXT n=1
		mkmesh cube
		printf 'bye' | mdf wrap TEXT n=2
	} >"$BATS_TEST_TMPDIR/in.mdf"
	run bash -c "normrender --views 2x1 <'$BATS_TEST_TMPDIR/in.mdf' | mdf ls | cut -f2"
	assert_output $'TEXT\nIMAG\nIMAG\nTEXT'
}

@test "normrender: a non-finite vertex is reported with frame, byte and triangle" {
	{ printf 'x' | mdf wrap TEXT; mkmesh nan; } >"$BATS_TEST_TMPDIR/nan.mdf"
	run -65 --separate-stderr normrender "$BATS_TEST_TMPDIR/nan.mdf"
	off=$(printf x | mdf wrap TEXT | wc -c)
	assert_equal "$stderr" "normrender: $BATS_TEST_TMPDIR/nan.mdf: frame 2 (byte $off): triangle 4: vertex 1 is not a finite number"
}

@test "normrender: damaged input and a missing file are reported" {
	mkmesh cube | head -c 100 >"$BATS_TEST_TMPDIR/cut.mdf"
	run -65 --separate-stderr normrender "$BATS_TEST_TMPDIR/cut.mdf"
	[[ $stderr == "normrender: $BATS_TEST_TMPDIR/cut.mdf: frame 1"* ]]
	run -66 --separate-stderr normrender "$BATS_TEST_TMPDIR/none.mdf"
	[[ $stderr == "normrender: $BATS_TEST_TMPDIR/none.mdf: "* ]]
}

@test "normrender: usage errors exit 64 with a hint" {
	usage_errors normrender "--views 0x3" "--views 3" "--size 0" "--normals up" \
	    "--elevations 100" "--backfaces maybe" "--perspective 180" \
	    "--ssaa 17" "--background 1,2" "--threads 0" "--bogus" "a b"
}

@test "normrender: dies quietly of SIGPIPE under head" {
	mkmesh cube >"$BATS_TEST_TMPDIR/cube.mdf"
	run -141 --separate-stderr bash -c \
	    "set -o pipefail; normrender <'$BATS_TEST_TMPDIR/cube.mdf' | head -c1 >/dev/null"
	[ -z "$stderr" ]
}

@test "normrender: real CAD parts: every view shows the part, same bytes on 1 and 2 threads" {
	need_real_stl
	[ -x "$MILLDIR_BUILDDIR/bin/stl2norm" ] || skip "stl2norm not built"
	stl2norm -q "$REAL_STL/abc_00000006_trimesh_001.stl" \
	    "$REAL_STL/featurenet_10_1_rectangular_pocket.stl" >"$BATS_TEST_TMPDIR/p.mdf"
	normrender -j 1 <"$BATS_TEST_TMPDIR/p.mdf" >"$BATS_TEST_TMPDIR/1.mdf"
	normrender -j 2 <"$BATS_TEST_TMPDIR/p.mdf" >"$BATS_TEST_TMPDIR/2.mdf"
	cmp "$BATS_TEST_TMPDIR/1.mdf" "$BATS_TEST_TMPDIR/2.mdf"
	# no view is all background
	for n in $(seq 200); do
		run colours "$BATS_TEST_TMPDIR/1.mdf" "$n"
		[ "${#lines[@]}" -gt 1 ] || fail "view $n is empty"
	done
}
