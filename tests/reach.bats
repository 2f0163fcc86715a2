#!/usr/bin/env bats
# reach: MESH frames in, what a tool along each axis reaches out.
# Parts from tests/mkvox (unit voxels, corner at the origin), sized so
# that their edges fall on sample edges: the volumes are exact.

load test_helper

# fig FILE KEY...: "KEY=VALUE" of the first frame of FILE, one a line
fig() {
	local f=$1 k
	shift
	for k; do
		echo "$k=$(mdf get "$k" "$f" | sed -n 1p)"
	done
}

VOLS="reach.px reach.mx reach.py reach.my reach.pz reach.mz"
AREAS="reach.area.px reach.area.mx reach.area.py reach.area.my reach.area.pz reach.area.mz"

@test "reach: a cube with one pocket: the pocket's volume on its side only" {
	# 20 mm cube, pocket 10 x 10 x 5 from +Z
	mkvox 20 20 20 cut 5 5 15 15 15 20 | reach -m >"$BATS_TEST_TMPDIR/r.mdf"
	run fig "$BATS_TEST_TMPDIR/r.mdf" $VOLS $AREAS reach.machined \
	    reach.undercut reach.setups reach.label reach.margin reach.stock \
	    reach.resolution
	assert_output "$(printf '%s\n' reach.px=0 reach.mx=0 reach.py=0 \
	    reach.my=0 reach.pz=500 reach.mz=0 reach.area.px=0 reach.area.mx=0 \
	    reach.area.py=0 reach.area.my=0 reach.area.pz=300 reach.area.mz=0 \
	    reach.machined=300 reach.undercut=0 reach.setups=+Z reach.label=+Z \
	    reach.margin=1.0000 reach.stock=0,0,0:20,20,20 \
	    reach.resolution=0.078125)"
	# the same in millimetres a sample
	mkvox 20 20 20 cut 5 5 15 15 15 20 | reach -m -r 0.5mm >"$BATS_TEST_TMPDIR/mm.mdf"
	run fig "$BATS_TEST_TMPDIR/mm.mdf" reach.pz reach.mx reach.area.pz reach.resolution
	assert_output $'reach.pz=500\nreach.mx=0\nreach.area.pz=300\nreach.resolution=0.5'
}

@test "reach: a through hole is reached from both ends: ambiguous, one set-up" {
	mkvox 20 20 20 cut 5 5 0 15 15 20 | reach -m >"$BATS_TEST_TMPDIR/r.mdf"
	run fig "$BATS_TEST_TMPDIR/r.mdf" reach.pz reach.mz reach.px reach.area.pz \
	    reach.area.mz reach.area.px reach.setups reach.label reach.margin
	assert_output "$(printf '%s\n' reach.pz=2000 reach.mz=2000 reach.px=0 \
	    reach.area.pz=800 reach.area.mz=800 reach.area.px=0 reach.setups=+Z \
	    reach.label=ambiguous reach.margin=0.0000)"
	# --min-margin 0 labels a tie with the first side
	mkvox 20 20 20 cut 5 5 0 15 15 20 | reach -m --min-margin 0 >"$BATS_TEST_TMPDIR/r0.mdf"
	run fig "$BATS_TEST_TMPDIR/r0.mdf" reach.label
	assert_output reach.label=+Z
}

@test "reach: an undercut (a T-slot's chamber) is reached by no side" {
	# neck 4 x 4 x 4 from +Z into a chamber 10 x 10 x 4
	mkvox 16 16 16 cut 6 6 12 10 10 16 cut 3 3 8 13 13 12 | reach -m \
	    >"$BATS_TEST_TMPDIR/r.mdf"
	# +Z: the neck's column down to the chamber floor, 4 x 4 x 8;
	# machined: neck walls 64, chamber ceiling 84, walls 160, floor 100;
	# reached: the neck walls and the floor under the neck, 64 + 16
	run fig "$BATS_TEST_TMPDIR/r.mdf" $VOLS reach.machined reach.area.pz \
	    reach.undercut reach.setups reach.label
	assert_output "$(printf '%s\n' reach.px=0 reach.mx=0 reach.py=0 \
	    reach.my=0 reach.pz=128 reach.mz=0 reach.machined=408 \
	    reach.area.pz=80 reach.undercut=328 reach.setups=+Z reach.label=+Z)"
}

@test "reach: pockets on two sides need two set-ups" {
	# 8 x 8 x 4 from +Z, 12 x 4 x 3 from -Z
	mkvox 16 16 16 cut 4 4 12 12 12 16 cut 2 2 0 14 6 3 | reach -m \
	    >"$BATS_TEST_TMPDIR/r.mdf"
	run fig "$BATS_TEST_TMPDIR/r.mdf" reach.pz reach.mz reach.area.pz \
	    reach.area.mz reach.undercut reach.setups reach.label reach.margin
	# margin: 256/400 - 144/400
	assert_output "$(printf '%s\n' reach.pz=256 reach.mz=144 \
	    reach.area.pz=192 reach.area.mz=144 reach.undercut=0 \
	    reach.setups=+Z,-Z reach.label=+Z reach.margin=0.2800)"
}

@test "reach: --stock grows the stock by a margin or to a box" {
	mkvox 20 20 20 cut 5 5 15 15 15 20 >"$BATS_TEST_TMPDIR/p.mdf"
	# margin 1: +X the slab 1 x 20 x 20 over the part and the columns
	# around it, (22^2 - 20^2) x 22; +Z also the pocket; every face is
	# machined
	reach -m --stock 1 -r 0.5mm <"$BATS_TEST_TMPDIR/p.mdf" >"$BATS_TEST_TMPDIR/m.mdf"
	run fig "$BATS_TEST_TMPDIR/m.mdf" reach.px reach.pz reach.mz reach.machined \
	    reach.stock
	assert_output "$(printf '%s\n' reach.px=2248 reach.pz=2748 reach.mz=2248 \
	    reach.machined=2600 reach.stock=-1,-1,-1:21,21,21)"
	# a box above the part: 2 mm more on top, grown to hold the part
	reach -m --stock 2,2,0:18,18,22 -r 0.5mm <"$BATS_TEST_TMPDIR/p.mdf" \
	    >"$BATS_TEST_TMPDIR/b.mdf"
	run fig "$BATS_TEST_TMPDIR/b.mdf" reach.pz reach.px reach.mz reach.stock
	assert_output "$(printf '%s\n' reach.pz=1300 reach.px=800 reach.mz=0 \
	    reach.stock=0,0,0:20,20,22)"
}

# round ROD|DISK ARGS...: a round part from tests/mkround.py as a MESH frame
round() {
	python3 "$MILLDIR_SRCDIR/tests/mkround.py" "$@" >"$BATS_TEST_TMPDIR/round.stl"
	stl2norm "$BATS_TEST_TMPDIR/round.stl"
}

# near A B TOL: |A - B| <= TOL
near() {
	awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d
		if (d > t) { print a " is not " b " within " t; exit 1 } }'
}

@test "reach: round stock: a rod with a flat, the flat's segment on its side only" {
	# rod along X, 40 long, radius 10 (64-gon), a flat 3 deep on +Z: the
	# segment 40 (100 acos(0.7) - 7 sqrt(51)) = 1181.62 above z = 7
	round rod 40 10 64 3 >"$BATS_TEST_TMPDIR/rod.mdf"
	reach -m --through apart <"$BATS_TEST_TMPDIR/rod.mdf" >"$BATS_TEST_TMPDIR/a.mdf"
	run fig "$BATS_TEST_TMPDIR/a.mdf" reach.stock reach.label reach.px reach.mx \
	    reach.setups
	assert_output "$(printf '%s\n' reach.stock=cylinder:X:0,0,10:0,40 \
	    reach.label=+Z reach.px=0 reach.mx=0 reach.setups=+Z)"
	# +Z: the segment and the 64-gon's gap to the circle under the
	# samples (0.4 %); the other sides that gap only
	near "$(mdf get reach.pz "$BATS_TEST_TMPDIR/a.mdf")" 1181.62 8
	for k in py my mz; do
		near "$(mdf get reach.$k "$BATS_TEST_TMPDIR/a.mdf")" 0 12
	done
	# the segment passes the whole bar along X and along Y
	near "$(mdf get reach.through.x "$BATS_TEST_TMPDIR/a.mdf")" 1181.62 8
	near "$(mdf get reach.through.y "$BATS_TEST_TMPDIR/a.mdf")" 1181.62 20
	run fig "$BATS_TEST_TMPDIR/a.mdf" reach.through.z
	assert_output reach.through.z=0
	# counted (the default), it is as removable from +-X and +-Y: ambiguous
	reach -m <"$BATS_TEST_TMPDIR/rod.mdf" >"$BATS_TEST_TMPDIR/c.mdf"
	run fig "$BATS_TEST_TMPDIR/c.mdf" reach.label
	assert_output reach.label=ambiguous
	near "$(mdf get reach.px "$BATS_TEST_TMPDIR/c.mdf")" 1181.62 8
	# half: the segment's side by half its volume
	reach -m --through half <"$BATS_TEST_TMPDIR/rod.mdf" >"$BATS_TEST_TMPDIR/h.mdf"
	run fig "$BATS_TEST_TMPDIR/h.mdf" reach.label
	assert_output reach.label=+Z
	near "$(mdf get reach.px "$BATS_TEST_TMPDIR/h.mdf")" 590.81 4
	# the bounding box as stock: the flat shrinks it and is not seen
	reach -m -s bbox <"$BATS_TEST_TMPDIR/rod.mdf" >"$BATS_TEST_TMPDIR/b.mdf"
	run fig "$BATS_TEST_TMPDIR/b.mdf" reach.stock reach.label
	assert_output $'reach.stock=0,-10,-10:40,10,7\nreach.label=ambiguous'
	# the same bytes for any thread count
	cmp <(reach -j1 <"$BATS_TEST_TMPDIR/rod.mdf") <(reach -j6 <"$BATS_TEST_TMPDIR/rod.mdf")
}

@test "reach: a stepped shaft's stock is its turned profile: shoulders are lathe work" {
	# radius 10 for x = 0..20, 6 for 20..50 (64-gons): the bar's volume
	# outside the profile, pi (100 - 36) 30 = 6031.86, is turned, not milled
	round shaft 20 10 30 6 64 >"$BATS_TEST_TMPDIR/shaft.mdf"
	reach -m <"$BATS_TEST_TMPDIR/shaft.mdf" >"$BATS_TEST_TMPDIR/s.mdf"
	run fig "$BATS_TEST_TMPDIR/s.mdf" reach.stock reach.machined
	assert_output "$(printf '%s\n' reach.stock=cylinder:X:0,0,10:0,50 reach.machined=0)"
	near "$(mdf get reach.turned "$BATS_TEST_TMPDIR/s.mdf")" 6031.86 60
	# what is left on every side: the 64-gons' gaps to their circles and
	# the shoulder's slab (one sample), under 1 % of the turned volume
	for k in px mx py my pz mz; do
		near "$(mdf get reach.$k "$BATS_TEST_TMPDIR/s.mdf")" 0 60
	done
	# a plain rod has no profile
	round rod 40 10 64 >"$BATS_TEST_TMPDIR/rod.mdf"
	reach -m <"$BATS_TEST_TMPDIR/rod.mdf" >"$BATS_TEST_TMPDIR/r.mdf"
	run fig "$BATS_TEST_TMPDIR/r.mdf" reach.turned
	assert_output reach.turned=
}

@test "reach: round stock: a disk with a pocket in one end" {
	# disk along Z, radius 20 (64-gon), 10 thick; pocket 10 x 10 x 4
	# from +Z: 400 on +Z; the 64-gon's gap to the circle, 20.16 x 10,
	# passes the disk along Z
	round disk 20 10 64 5 4 >"$BATS_TEST_TMPDIR/disk.mdf"
	reach -m --through apart <"$BATS_TEST_TMPDIR/disk.mdf" >"$BATS_TEST_TMPDIR/a.mdf"
	run fig "$BATS_TEST_TMPDIR/a.mdf" reach.stock reach.pz reach.mz reach.label \
	    reach.setups reach.machined reach.undercut
	assert_output "$(printf '%s\n' reach.stock=cylinder:Z:0,0,20:0,10 \
	    reach.pz=400 reach.mz=0 reach.label=+Z reach.setups=+Z \
	    reach.machined=260 reach.undercut=0)"
	near "$(mdf get reach.through.z "$BATS_TEST_TMPDIR/a.mdf")" 20.16 2.6
	for k in px mx py my; do
		near "$(mdf get reach.$k "$BATS_TEST_TMPDIR/a.mdf")" 5 5
	done
	# counted, the gap adds to both ends; still +Z
	reach -m <"$BATS_TEST_TMPDIR/disk.mdf" >"$BATS_TEST_TMPDIR/c.mdf"
	run fig "$BATS_TEST_TMPDIR/c.mdf" reach.label
	assert_output reach.label=+Z
	# the box's corners (1600 - 400 pi) x 10 go to every side: ambiguous
	reach -m -s bbox <"$BATS_TEST_TMPDIR/disk.mdf" >"$BATS_TEST_TMPDIR/b.mdf"
	run fig "$BATS_TEST_TMPDIR/b.mdf" reach.stock reach.label
	assert_output $'reach.stock=-20,-20,0:20,20,10\nreach.label=ambiguous'
}

@test "reach: a box stays a box; the pass-through volume of a through hole" {
	# a plain cube and a cube with a pocket: no bar holds them in less
	mkvox 20 20 20 | reach -m -s auto >"$BATS_TEST_TMPDIR/c.mdf"
	mkvox 20 20 20 cut 5 5 15 15 15 20 | reach -m >>"$BATS_TEST_TMPDIR/c.mdf"
	run bash -c "mdf get reach.stock '$BATS_TEST_TMPDIR/c.mdf' | tr '\n' ' '"
	assert_output '0,0,0:20,20,20 0,0,0:20,20,20 '
	# a 10 x 10 hole through 20 passes the stock along Z: 2000
	mkvox 20 20 20 cut 5 5 0 15 15 20 >"$BATS_TEST_TMPDIR/h.mdf"
	reach -m <"$BATS_TEST_TMPDIR/h.mdf" >"$BATS_TEST_TMPDIR/1.mdf"
	reach -m --through half <"$BATS_TEST_TMPDIR/h.mdf" >"$BATS_TEST_TMPDIR/2.mdf"
	reach -m --through apart <"$BATS_TEST_TMPDIR/h.mdf" >"$BATS_TEST_TMPDIR/3.mdf"
	run bash -c "for f in 1 2 3; do for k in reach.pz reach.mz reach.through.x \
	    reach.through.y reach.through.z reach.label; do
	    printf '%s ' \$(mdf get \$k '$BATS_TEST_TMPDIR/'\$f.mdf); done; echo; done"
	assert_output "$(printf '%s\n' '2000 2000 0 0 2000 ambiguous ' \
	    '1000 1000 0 0 2000 ambiguous ' '0 0 0 0 2000 ambiguous ')"
}

@test "reach: a PRED frame scored as dnnpredict's (classes in dnntrain's order)" {
	mkvox 16 16 16 cut 4 4 12 12 12 16 cut 2 2 0 14 6 3 -- part=two label=-Z |
	    reach >"$BATS_TEST_TMPDIR/p.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/p.mdf"
	assert_output --regexp $'^1\tPRED\t24\t'
	run fig "$BATS_TEST_TMPDIR/p.mdf" classes pred.label pred.score label part \
	    triangles reach.pz
	assert_output "$(printf '%s\n' classes=+X,+Y,+Z,-X,-Y,-Z pred.label=+Z \
	    pred.score=0.64 label=-Z part=two triangles= reach.pz=256)"
	# the six shares: 256/400 on +Z, 144/400 on -Z
	run bash -c "mdf payload '$BATS_TEST_TMPDIR/p.mdf' | od -An -v -tf4 -w24 |
	    awk '{ for (i = 1; i <= NF; i++) printf \"%g \", \$i }'"
	assert_output "0 0 0.64 0 0 0.36 "
	# metriclog scores it: label -Z, predicted +Z, then a right one
	mkvox 20 20 20 cut 5 5 15 15 15 20 -- part=pocket label=+Z | reach \
	    >>"$BATS_TEST_TMPDIR/p.mdf"
	run metriclog --experiment reach --store "$BATS_TEST_TMPDIR/ml" --quiet \
	    <"$BATS_TEST_TMPDIR/p.mdf"
	assert_success
	run metriclog runs --experiment reach --store "$BATS_TEST_TMPDIR/ml"
	local id
	id=$(awk -F'\t' 'NR > 1 { print $1; exit }' <<<"$output")
	run metriclog show "$id" --store "$BATS_TEST_TMPDIR/ml"
	assert_line --regexp $'^metric\taccuracy\t0\\.5\t'
	assert_line --regexp $'^metric\trecall.posZ\t1\t'
}

@test "reach: --label writes labels where there are none, --relabel over them" {
	mkvox 20 20 20 cut 5 5 15 15 15 20 -- part=a >"$BATS_TEST_TMPDIR/in.mdf"
	mkvox 20 20 20 cut 5 5 15 15 15 20 -- part=b label=-X >>"$BATS_TEST_TMPDIR/in.mdf"
	mkvox 20 20 20 cut 5 5 0 15 15 20 -- part=c >>"$BATS_TEST_TMPDIR/in.mdf"
	reach -m --label <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/l.mdf"
	run bash -c "mdf get label '$BATS_TEST_TMPDIR/l.mdf' | tr '\n' ,"
	# the ambiguous through hole gets none
	assert_output '+Z,-X,,'
	reach -m --label --relabel <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/r.mdf"
	run bash -c "mdf get label '$BATS_TEST_TMPDIR/r.mdf' | tr '\n' ,"
	assert_output '+Z,+Z,,'
	# the mesh itself is unchanged
	cmp <(mdf payload -n 2 "$BATS_TEST_TMPDIR/in.mdf") \
	    <(mdf payload -n 2 "$BATS_TEST_TMPDIR/r.mdf")
	run -64 --separate-stderr reach --relabel
	[ "${stderr_lines[0]}" = "reach: --relabel needs --label" ] || fail "$stderr"
}

@test "reach: partgen's removed volume on the label side, the same bytes for any thread count" {
	partgen --style voxel -n 12 -d 1 --seed 3 >"$BATS_TEST_TMPDIR/p.mdf"
	reach -j1 <"$BATS_TEST_TMPDIR/p.mdf" >"$BATS_TEST_TMPDIR/1.mdf"
	reach -j2 <"$BATS_TEST_TMPDIR/p.mdf" >"$BATS_TEST_TMPDIR/2.mdf"
	reach -j6 <"$BATS_TEST_TMPDIR/p.mdf" >"$BATS_TEST_TMPDIR/6.mdf"
	cmp "$BATS_TEST_TMPDIR/1.mdf" "$BATS_TEST_TMPDIR/2.mdf"
	cmp "$BATS_TEST_TMPDIR/1.mdf" "$BATS_TEST_TMPDIR/6.mdf"
	# partgen's parts lie on whole millimetres, so 1/4 mm samples are
	# exact: the label side's reach volume is at least partgen's removed
	# volume (more where a distractor from another side lies under a
	# feature), and the side removing the most is the label
	run bash -c "mdf ls '$BATS_TEST_TMPDIR/1.mdf' | awk -F'\t' '{
		for (i = 4; i <= NF; i++) { split(\$i, kv, \"=\"); m[kv[1]] = kv[2] }
		k = m[\"label\"]; sub(/^\\+/, \"p\", k); sub(/^-/, \"m\", k)
		k = tolower(k)
		if (m[\"removed.\" k] > m[\"reach.\" k] + 0 || m[\"pred.label\"] != m[\"label\"])
			print m[\"part\"], m[\"removed.\" k], m[\"reach.\" k]
		if (m[\"removed.\" k] == m[\"reach.\" k]) same++
		n++ } END { print n, same }'"
	assert_output '12 9'
}

@test "reach: text output, one line per part" {
	mkvox 20 20 20 cut 5 5 15 15 15 20 -- part=a label=+Z >"$BATS_TEST_TMPDIR/in.mdf"
	mkvox 20 20 20 cut 5 5 0 15 15 20 -- part=c >>"$BATS_TEST_TMPDIR/in.mdf"
	run reach -t "$BATS_TEST_TMPDIR/in.mdf"
	assert_output $'a\t+Z\t1.0000\t+Z\t0\t+Z\nc\tambiguous\t0.0000\t+Z\t0\t'
}

@test "reach: bad input: exit 65 naming the file, frame and byte" {
	mkvox 4 4 4 >"$BATS_TEST_TMPDIR/bad.mdf"
	local off
	off=$(stat -c %s "$BATS_TEST_TMPDIR/bad.mdf")
	f32 0 0 0  0 0 0  1 0 0  0 1 0   0 0 0  0 0 0  1 0 0  0 nan 0 |
	    mdf wrap MESH triangles=2 >>"$BATS_TEST_TMPDIR/bad.mdf"
	run -65 --separate-stderr bash -c 'reach "$1" >/dev/null' _ "$BATS_TEST_TMPDIR/bad.mdf"
	[ "$stderr" = "reach: $BATS_TEST_TMPDIR/bad.mdf: frame 2 (byte $off): triangle 2: vertex 2 is not a finite number" ] ||
	    fail "$stderr"
	# no triangles, or none with area
	mdf wrap MESH triangles=0 </dev/null >"$BATS_TEST_TMPDIR/empty.mdf"
	run -65 --separate-stderr reach "$BATS_TEST_TMPDIR/empty.mdf"
	[ "$stderr" = "reach: $BATS_TEST_TMPDIR/empty.mdf: frame 1 (byte 0): mesh without area (0 triangles)" ] ||
	    fail "$stderr"
	f32 0 0 0  0 0 0  1 0 0  2 0 0 | mdf wrap MESH triangles=1 >"$BATS_TEST_TMPDIR/flat.mdf"
	run -65 --separate-stderr reach <"$BATS_TEST_TMPDIR/flat.mdf"
	[ "$stderr" = "reach: -: frame 1 (byte 0): mesh without area (1 triangles)" ] ||
	    fail "$stderr"
	# a stock too large for its resolution
	run -65 --separate-stderr reach -r 0.001mm "$BATS_TEST_TMPDIR/flat.mdf"
	# a truncated stream
	head -c 100 "$BATS_TEST_TMPDIR/bad.mdf" >"$BATS_TEST_TMPDIR/cut.mdf"
	run -65 --separate-stderr reach "$BATS_TEST_TMPDIR/cut.mdf"
	[[ "$stderr" == "reach: $BATS_TEST_TMPDIR/cut.mdf: "* ]] || fail "$stderr"
	# other frames pass through
	mdf wrap TEXT part=x </dev/null | reach >"$BATS_TEST_TMPDIR/t.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/t.mdf"
	assert_output --regexp $'^1\tTEXT\t0\tpart=x$'
}

@test "reach: misuse is refused with exit 64" {
	run -64 --separate-stderr reach -r 0
	run -64 --separate-stderr reach -r 0mm
	run -64 --separate-stderr reach -r 5000
	run -64 --separate-stderr reach --stock 1,2
	run -64 --separate-stderr reach --stock 0,0,0:-1,1,1
	run -64 --separate-stderr reach --min-margin 2
	run -64 --separate-stderr reach --stock cylinder:X
	[ "${stderr_lines[0]}" = "reach: --stock: expected auto, bbox, a margin or X0,Y0,Z0:X1,Y1,Z1, got 'cylinder:X'" ] ||
	    fail "$stderr"
	run -64 --separate-stderr reach --through some
	[ "${stderr_lines[0]}" = "reach: --through: expected count, half or apart, got 'some'" ] ||
	    fail "$stderr"
	run -64 --separate-stderr reach -j 7
	run -64 --separate-stderr reach a b
	[ "${stderr_lines[0]}" = "reach: extra operand 'b'" ]
	run reach --help
	assert_success
	assert_line --index 0 "Usage: reach [OPTION]... [FILE]"
	run reach --version
	assert_success
}
