#!/usr/bin/env bats
# normembed: the embedding's values (cube symmetry, sums, invariances,
# quarter turns as bin permutations, smoothness under small turns), its
# metadata, bad input and pass-through.

load test_helper

# mesh SHAPE [M00 M01 M02 M10 M11 M12 M20 M21 M22 [SCALE [TX TY TZ]]]:
# the raw float32 triangles of SHAPE, each vertex v turned into
# SCALE * M v + T (normals left 0: normembed recomputes them).
#   cube   unit cube [0,1]^3, 12 triangles, outward winding
#   box    box [0,1]x[0,2]x[0,4]
#   tetra  an irregular tetrahedron (four unrelated normals)
#   tri    one triangle, normal +Z, area 0.5
mesh() {
	perl -e '
	my ($shape, @a) = @ARGV;
	my @m = @a >= 9 ? @a[0..8] : (1,0,0, 0,1,0, 0,0,1);
	my $s = @a >= 10 ? $a[9] : 1;
	my @t = @a >= 13 ? @a[10..12] : (0,0,0);
	my (@v, @f);
	if ($shape eq "cube" || $shape eq "box") {
		my @d = $shape eq "box" ? (1,2,4) : (1,1,1);
		@v = map { my $i = $_; [ ($i & 1) * $d[0], ($i >> 1 & 1) * $d[1],
		    ($i >> 2 & 1) * $d[2] ] } 0..7;
		@f = ([0,2,3],[0,3,1],[4,5,7],[4,7,6],[0,1,5],[0,5,4],
		      [2,6,7],[2,7,3],[0,4,6],[0,6,2],[1,3,7],[1,7,5]);
	} elsif ($shape eq "tetra") {
		@v = ([0,0,0],[1.3,0.2,0.1],[0.3,1.7,0.4],[0.2,0.5,2.1]);
		@f = ([0,2,1],[0,1,3],[0,3,2],[1,2,3]);
	} elsif ($shape eq "tri") {
		@v = ([0,0,0],[1,0,0],[0,1,0]);
		@f = ([0,1,2]);
	} else { die "mesh: unknown shape $shape\n" }
	for my $f (@f) {
		my @out = (0,0,0);
		for my $i (@$f) {
			my $p = $v[$i];
			for my $r (0..2) {
				push @out, $s * ($m[3*$r] * $p->[0] + $m[3*$r+1] * $p->[1]
				    + $m[3*$r+2] * $p->[2]) + $t[$r];
			}
		}
		print pack("f<*", @out);
	}' -- "$@"
}

# mframe SHAPE [ARGS] -- KEY=VALUE...: a MESH frame of SHAPE.
mframe() {
	local args=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	local n
	n=$(mesh "${args[@]}" | wc -c)
	mesh "${args[@]}" | mdf wrap MESH triangles=$((n / 48)) "$@"
}

# vals FILE [N]: the floats of frame N (default 1), one per line.
vals() {
	mdf payload -n "${2:-1}" <"$1" | od -An -v -tf4 | tr -s ' ' '\n' | grep .
}

# l1 A B: L1 distance between two files of one number per line.
l1() {
	paste "$1" "$2" | awk '{ d = $1 - $2; s += d < 0 ? -d : d } END { printf "%.9f\n", s }'
}

# lt X Y: X < Y as numbers.
lt() {
	awk -v x="$1" -v y="$2" 'BEGIN { exit !(x + 0 < y + 0) }'
}

@test "normembed: cube gives each face's area to its axis bin, nothing elsewhere" {
	mframe cube -- part=cube >"$BATS_TEST_TMPDIR/cube.mdf"
	normembed "$BATS_TEST_TMPDIR/cube.mdf" >"$BATS_TEST_TMPDIR/e.mdf"
	vals "$BATS_TEST_TMPDIR/e.mdf" >"$BATS_TEST_TMPDIR/v"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/v")" -eq 66 ]
	# bins 0..5 are +X -X +Y -Y +Z -Z: one unit square each
	run awk 'NR <= 6 && $1 != 1 { print "bin " NR-1 ": " $1 }
	    NR > 6 && $1 != 0 { print "bin " NR-1 ": " $1 }' "$BATS_TEST_TMPDIR/v"
	assert_output ""
}

@test "normembed: raw histogram sums to the total area, a scaled cube to 4 per face" {
	mframe cube 1 0 0 0 1 0 0 0 1 2 -- >"$BATS_TEST_TMPDIR/cube2.mdf"
	normembed "$BATS_TEST_TMPDIR/cube2.mdf" >"$BATS_TEST_TMPDIR/e.mdf"
	[ "$(vals "$BATS_TEST_TMPDIR/e.mdf" | head -6 | paste -sd' ')" = "4 4 4 4 4 4" ]
	[ "$(vals "$BATS_TEST_TMPDIR/e.mdf" | awk '{ s += $1 } END { print s }')" = 24 ]
	mframe tetra -- >"$BATS_TEST_TMPDIR/t.mdf"
	normembed "$BATS_TEST_TMPDIR/t.mdf" >"$BATS_TEST_TMPDIR/et.mdf"
	# area of the tetrahedron, computed independently from its vertices
	area=$(perl -e '
	    my @v = ([0,0,0],[1.3,0.2,0.1],[0.3,1.7,0.4],[0.2,0.5,2.1]); my $s = 0;
	    for my $f ([0,2,1],[0,1,3],[0,3,2],[1,2,3]) {
	        my ($a, $b, $c) = map { $v[$_] } @$f;
	        my @u = map { $b->[$_] - $a->[$_] } 0..2; my @w = map { $c->[$_] - $a->[$_] } 0..2;
	        my @x = ($u[1]*$w[2]-$u[2]*$w[1], $u[2]*$w[0]-$u[0]*$w[2], $u[0]*$w[1]-$u[1]*$w[0]);
	        $s += sqrt($x[0]**2 + $x[1]**2 + $x[2]**2) / 2 }
	    printf "%.9f", $s')
	run awk -v a="$area" '{ s += $1 } END { d = s - a; if (d < 0) d = -d; print (d < 1e-5 * a) ? "ok" : "sum " s " area " a }' \
	    <(vals "$BATS_TEST_TMPDIR/et.mdf")
	assert_output ok
}

@test "normembed: normalised cube has 1/6 at each axis bin and sums to 1" {
	mframe cube -- | normembed -n >"$BATS_TEST_TMPDIR/e.mdf"
	run awk 'NR <= 6 { d = $1 - 1/6; if (d < 0) d = -d; if (d > 1e-7) print "bin " NR-1 ": " $1 }
	    NR > 6 && $1 != 0 { print "bin " NR-1 ": " $1 }
	    { s += $1 } END { d = s - 1; if (d < 0) d = -d; if (d > 1e-6) print "sum " s }' \
	    <(vals "$BATS_TEST_TMPDIR/e.mdf")
	assert_output ""
	mframe tetra -- | normembed -n -b 258 >"$BATS_TEST_TMPDIR/t.mdf"
	run awk '{ s += $1 } END { d = s - 1; if (d < 0) d = -d; print (d < 1e-6) ? "ok" : s }' \
	    <(vals "$BATS_TEST_TMPDIR/t.mdf")
	assert_output ok
}

@test "normembed: normalised embedding is invariant to translation and uniform scale" {
	mframe tetra -- >"$BATS_TEST_TMPDIR/a.mdf"
	mframe tetra 1 0 0 0 1 0 0 0 1 3.7 105.25 -48.5 7.125 -- >"$BATS_TEST_TMPDIR/b.mdf"
	for f in a b; do
		normembed -n -f mean,moments,bbox,bbox-sorted "$BATS_TEST_TMPDIR/$f.mdf" |
		    vals /dev/stdin >"$BATS_TEST_TMPDIR/$f.v"
	done
	[ "$(wc -l <"$BATS_TEST_TMPDIR/a.v")" -eq 81 ]
	run l1 "$BATS_TEST_TMPDIR/a.v" "$BATS_TEST_TMPDIR/b.v"
	lt "$output" 1e-5
	# while the raw histogram grows with the area, 3.7^2 times
	normembed "$BATS_TEST_TMPDIR/a.mdf" | vals /dev/stdin >"$BATS_TEST_TMPDIR/a.raw"
	normembed "$BATS_TEST_TMPDIR/b.mdf" | vals /dev/stdin >"$BATS_TEST_TMPDIR/b.raw"
	run paste -d' ' <(awk '{ s += $1 } END { print s }' "$BATS_TEST_TMPDIR/a.raw") \
	    <(awk '{ s += $1 } END { print s }' "$BATS_TEST_TMPDIR/b.raw")
	run awk '{ r = $2 / $1; d = r - 3.7 * 3.7; if (d < 0) d = -d; print (d < 1e-4) ? "ok" : r }' <<<"$output"
	assert_output ok
}

@test "normembed: a quarter turn about X moves the +Z face's mass to the -Y bin" {
	# x90 takes (x, y, z) to (x, -z, y): the +Z triangle then faces -Y
	mframe tri -- >"$BATS_TEST_TMPDIR/a.mdf"
	mframe tri 1 0 0 0 0 -1 0 1 0 -- >"$BATS_TEST_TMPDIR/b.mdf"
	normembed "$BATS_TEST_TMPDIR/a.mdf" | vals /dev/stdin >"$BATS_TEST_TMPDIR/a.v"
	normembed "$BATS_TEST_TMPDIR/b.mdf" | vals /dev/stdin >"$BATS_TEST_TMPDIR/b.v"
	run awk '$1 != 0 { print NR - 1, $1 }' "$BATS_TEST_TMPDIR/a.v"
	assert_output "4 0.5"
	run awk '$1 != 0 { print NR - 1, $1 }' "$BATS_TEST_TMPDIR/b.v"
	assert_output "3 0.5"
	# and --list-bins --rotation documents the same move
	run normembed --list-bins --rotation x90
	assert_line --index 4 $'4\t0.000000000\t0.000000000\t1.000000000\t3'
}

@test "normembed: a cube rotation permutes every bin as --list-bins --rotation says" {
	local rot m
	# the histogram (bins 0-37) and the offset channel (38-75) alike
	# name and matrix (rows) of two rotations: x90 and z90 then y180
	for rot in "x90:1 0 0 0 0 -1 0 1 0" "z90,y180:0 1 0 1 0 0 0 0 -1"; do
		m=${rot#*:}
		# shellcheck disable=SC2086
		mframe tetra -- | normembed -b 38 -f offset | vals /dev/stdin >"$BATS_TEST_TMPDIR/a.v"
		# shellcheck disable=SC2086
		mframe tetra $m -- | normembed -b 38 -f offset | vals /dev/stdin >"$BATS_TEST_TMPDIR/b.v"
		normembed --list-bins -b 38 --rotation "${rot%%:*}" | cut -f5 >"$BATS_TEST_TMPDIR/perm"
		# at least 3 bins carry mass, so the check is not vacuous
		[ "$(head -38 "$BATS_TEST_TMPDIR/a.v" | awk '$1 > 0' | wc -l)" -ge 3 ]
		[ "$(tail -38 "$BATS_TEST_TMPDIR/a.v" | awk '$1 != 0' | wc -l)" -ge 3 ]
		run awk 'FNR == NR { to[FNR] = $1 + 1; to[FNR + 38] = $1 + 39; next }
		    FILENAME == ARGV[2] { a[FNR] = $1; n++; next }
		    { b[FNR] = $1 }
		    END { if (n != 76) print n " values";
		        for (i in a) { d = a[i] - b[to[i]]; if (d < 0) d = -d;
		        if (d > 1e-6) print "value " i - 1 " -> " to[i] - 1 ": " a[i] " vs " b[to[i]] } }' \
		    "$BATS_TEST_TMPDIR/perm" "$BATS_TEST_TMPDIR/a.v" "$BATS_TEST_TMPDIR/b.v"
		assert_output ""
	done
}

@test "normembed: after augment's rotations and jitter, as documented" {
	local r
	mframe tetra -- part=t label=+Z >"$BATS_TEST_TMPDIR/t.mdf"
	normembed -n -b 18 -f offset "$BATS_TEST_TMPDIR/t.mdf" | vals /dev/stdin >"$BATS_TEST_TMPDIR/a.v"
	for r in x90 z270 +Y+Z+X; do
		augment --rotation "$r" "$BATS_TEST_TMPDIR/t.mdf" |
		    normembed -n -b 18 -f offset | vals /dev/stdin >"$BATS_TEST_TMPDIR/b.v"
		normembed --list-bins -b 18 --rotation "$r" | cut -f5 >"$BATS_TEST_TMPDIR/perm"
		run awk 'FNR == NR { to[FNR] = $1 + 1; to[FNR + 18] = $1 + 19; next }
		    FILENAME == ARGV[2] { a[FNR] = $1; next } { b[FNR] = $1 }
		    END { for (i in a) { d = a[i] - b[to[i]]; if (d < 0) d = -d;
		        if (d > 1e-5) print "value " i - 1 ": " a[i] " vs " b[to[i]] } }' \
		    "$BATS_TEST_TMPDIR/perm" "$BATS_TEST_TMPDIR/a.v" "$BATS_TEST_TMPDIR/b.v"
		assert_output ""
	done
	# a random turn of at most 2 degrees: L1 <= 8 F theta / sqrt(3) (F = 2),
	# the offsets counted too (they move with the same weights, |o| <= 1)
	augment --jitter 2 --keep-label -n 5 --seed 7 "$BATS_TEST_TMPDIR/t.mdf" |
	    normembed -n -b 18 -f offset >"$BATS_TEST_TMPDIR/j.mdf"
	local i
	for i in 1 2 3 4 5; do
		vals "$BATS_TEST_TMPDIR/j.mdf" "$i" >"$BATS_TEST_TMPDIR/j.v"
		run l1 <(head -18 "$BATS_TEST_TMPDIR/a.v") <(head -18 "$BATS_TEST_TMPDIR/j.v")
		lt "$output" "$(awk 'BEGIN { print 8 * 2 / sqrt(3) * 2 * atan2(1, 1) / 45 }')"
		lt 0 "$output"
	done
}

@test "normembed: the man page's training example runs" {
	# normembed(1) EXAMPLES, with fewer parts and epochs
	run --separate-stderr bash -c 'set -o pipefail; partgen -n 12 | augment --rotations cube -n 2 |
	    normembed -n -f mean,moments,bbox,offset |
	    dnntrain --net normmlp --epochs 2 --quiet -o "$1/model" | mdf ls' _ "$BATS_TEST_TMPDIR"
	assert_success
	assert_output --partial $'\tMETR\t'
	grep -qx 'width=144' "$BATS_TEST_TMPDIR/model/model.meta"
	# and the first example, on STL files
	partgen -n 3 -o "$BATS_TEST_TMPDIR/parts"
	stl2norm "$BATS_TEST_TMPDIR"/parts/*.stl | normembed -n -f mean,moments,bbox,offset \
	    >"$BATS_TEST_TMPDIR/emb.mdf"
	run bash -c "mdf ls '$BATS_TEST_TMPDIR/emb.mdf' | grep -c $'\tTENS\t576\t.*shape=1x1x144'"
	assert_output 3
}

@test "normembed: a normal at a listed bin centre puts all its mass in that bin" {
	# F = 3: centres where the 3/4 power matters, e.g. lattice (2, 1, 0)
	normembed --list-bins -b 38 >"$BATS_TEST_TMPDIR/bins"
	# the 24 permutations and signs of (2, 1, 0): 2^(3/4) / sqrt(2^(3/2) + 1)
	run grep -c '0\.859532504' "$BATS_TEST_TMPDIR/bins"
	[ "$output" -eq 24 ]
	local i
	# one triangle (0, u, v) per centre c, u x v = c
	for i in $(seq 0 37); do
		sed -n "$((i + 1))p" "$BATS_TEST_TMPDIR/bins" | perl -ne 'my ($i, @c) = split /\t/;
		    my @a = abs($c[0]) < 0.9 ? (1,0,0) : (0,1,0);
		    my @u = ($a[1]*$c[2]-$a[2]*$c[1], $a[2]*$c[0]-$a[0]*$c[2], $a[0]*$c[1]-$a[1]*$c[0]);
		    my $l = sqrt($u[0]**2 + $u[1]**2 + $u[2]**2); @u = map { $_ / $l } @u;
		    my @v = ($c[1]*$u[2]-$c[2]*$u[1], $c[2]*$u[0]-$c[0]*$u[2], $c[0]*$u[1]-$c[1]*$u[0]);
		    print pack("f<*", 0,0,0, 0,0,0, @u, @v)' | mdf wrap MESH triangles=1 bin=$i
	done | normembed -n -b 38 >"$BATS_TEST_TMPDIR/e.mdf"
	for i in $(seq 0 37); do
		vals "$BATS_TEST_TMPDIR/e.mdf" $((i + 1)) | awk -v want="$i" \
		    '$1 > 0.9999 { hit = NR - 1 } END { if (hit != want) print "bin " want ": mass at " hit }'
	done >"$BATS_TEST_TMPDIR/bad"
	run cat "$BATS_TEST_TMPDIR/bad"
	assert_output ""
}

@test "normembed: a small turn moves a little mass, within the documented bound" {
	local deg F
	# a triangle whose normal turns from +Z to -Y in 1 degree steps
	: >"$BATS_TEST_TMPDIR/sweep.mdf"
	for deg in $(seq 0 45); do
		perl -e '$p = $ARGV[0] * atan2(1, 1) / 45;
		    print pack("f<*", 0,0,0, 0,0,0, 1,0,0, 0,cos($p),sin($p))' "$deg" |
		    mdf wrap MESH triangles=1 >>"$BATS_TEST_TMPDIR/sweep.mdf"
	done
	for F in 2 4; do
		normembed -n -b $((4 * F * F + 2)) "$BATS_TEST_TMPDIR/sweep.mdf" >"$BATS_TEST_TMPDIR/e.mdf"
		for i in $(seq 1 46); do
			vals "$BATS_TEST_TMPDIR/e.mdf" "$i" | paste -sd' '
		done >"$BATS_TEST_TMPDIR/h"
		# L1 between neighbours <= 8 F theta / sqrt(3), theta = 1 degree;
		# a hard (nearest-bin) assignment would jump by 2 somewhere
		run awk -v F="$F" 'NR > 1 { s = 0; for (i = 1; i <= NF; i++) { d = $i - p[i]; s += d < 0 ? -d : d }
		        if (s > max) max = s }
		    NR > 1 && NF != n { print "length changed" } { n = NF; for (i = 1; i <= NF; i++) p[i] = $i }
		    END { bound = 8 * F / sqrt(3) * atan2(1, 1) / 45;
		        if (!(max > 0)) print "nothing moved"; if (max > bound) print "max " max " > " bound }' \
		    "$BATS_TEST_TMPDIR/h"
		assert_output ""
		# half a bin spacing from +Z the mass is shared, not all in one bin
		run awk 'NR == 12 { for (i = 1; i <= NF; i++) if ($i > 0.999) print "hard at bin " i - 1 }' \
		    "$BATS_TEST_TMPDIR/h"
		assert_output ""
	done
}

@test "normembed: extra channels of a 1x2x4 box, in the documented order" {
	# turned by x90 (sides 1, 4, 2 along x, y, z) and moved away
	mframe box 1 0 0 0 0 -1 0 1 0 1 10 20 30 -- |
	    normembed -n -b 6 -f bbox-sorted,moments,mean,bbox >"$BATS_TEST_TMPDIR/e.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/e.mdf"
	assert_output --partial $'shape=1x1x21\tembed.kind=normhist\tembed.bins=6\tembed.features=mean,moments,bbox,bbox-sorted\tembed.normalized=1'
	# faces: +-X 8, +-Y 2, +-Z 4 (total 28)
	run bash -c "od -An -v -tf4 | tr -s ' ' '\n' | grep . | awk '{ printf \"%.6f \", \$1 }'" \
	    < <(mdf payload <"$BATS_TEST_TMPDIR/e.mdf")
	assert_output "0.285714 0.285714 0.071429 0.071429 0.142857 0.142857 0.000000 0.000000 0.000000 0.571429 0.142857 0.285714 0.000000 0.000000 0.000000 0.250000 1.000000 0.500000 1.000000 0.500000 0.250000 "
}

@test "normembed: the offset channel tells a recessed face from the skin" {
	# +Z faces at z = 1 (the top: offset 1) and z = 0.5 (halfway down:
	# offset 0), a -Z face at z = 0 (the bottom: offset 1); area 0.5 each
	f32 0 0 0  0 0 1  1 0 1  0 1 1   0 0 0  2 0 0.5  3 0 0.5  2 1 0.5 \
	    0 0 0  0 0 0  0 1 0  1 0 0 | mdf wrap MESH triangles=3 |
	    normembed -n -b 6 -f offset >"$BATS_TEST_TMPDIR/e.mdf"
	run bash -c "od -An -v -tf4 | tr -s ' ' '\\n' | grep . | awk '{ printf \"%.6f \", \$1 }'" \
	    < <(mdf payload <"$BATS_TEST_TMPDIR/e.mdf")
	# bins +X -X +Y -Y +Z -Z, then their offsets: +Z (0.5 x 1 + 0.5 x 0) / 1.5
	assert_output "0.000000 0.000000 0.000000 0.000000 0.666667 0.333333 0.000000 0.000000 0.000000 0.000000 0.333333 0.333333 "
	# on a cube every face is skin: the offsets equal the histogram
	mframe cube -- | normembed -f offset | vals /dev/stdin >"$BATS_TEST_TMPDIR/c"
	cmp <(head -66 "$BATS_TEST_TMPDIR/c") <(tail -66 "$BATS_TEST_TMPDIR/c")
}

@test "normembed: the reach channels say from where material was taken out" {
	# a 20 mm cube with a 10 x 10 x 5 pocket cut from +Z (tests/mkvox)
	mkvox 20 20 20 cut 5 5 15 15 15 20 | normembed -n -b 6 -f reach >"$BATS_TEST_TMPDIR/e.mdf"
	run bash -c "od -An -v -tf4 | tr -s ' ' '\\n' | grep . | awk '{ printf \"%.6f \", \$1 }'" \
	    < <(mdf payload <"$BATS_TEST_TMPDIR/e.mdf")
	# 6 bins (area 2600: 400 a side, +Z 400 - 100 + 100 floor, walls 200),
	# then the shares (all +Z), the volumes over the stock's (500 / 8000),
	# the reachable machined areas over the part's (walls and floor
	# 300 / 2600), the part's volume over its box's (7500 / 8000), box
	# stock (0), nothing passes the stock along X Y Z
	assert_output "0.173077 0.173077 0.173077 0.173077 0.153846 0.153846 0.000000 0.000000 0.000000 0.000000 1.000000 0.000000 0.000000 0.000000 0.000000 0.000000 0.062500 0.000000 0.000000 0.000000 0.000000 0.000000 0.115385 0.000000 0.937500 0.000000 0.000000 0.000000 0.000000 "
	run mdf get embed.features "$BATS_TEST_TMPDIR/e.mdf"
	assert_output reach
	# a through hole 10 x 10 along Z: 2000 / 8000 passes the stock along
	# Z, counted on both ends (shares 1/2, volumes 1/4)
	mkvox 20 20 20 cut 5 5 0 15 15 20 | normembed -n -b 6 -f reach >"$BATS_TEST_TMPDIR/h.mdf"
	run bash -c "od -An -v -tf4 | tr -s ' ' '\\n' | grep . | sed -n '7,18p;25,29p' | awk '{ printf \"%.6f \", \$1 }'" \
	    < <(mdf payload <"$BATS_TEST_TMPDIR/h.mdf")
	assert_output "0.000000 0.000000 0.000000 0.000000 0.500000 0.500000 0.000000 0.000000 0.000000 0.000000 0.250000 0.250000 0.750000 0.000000 0.000000 0.000000 0.250000 "
	# a round bar: the stock flag
	python3 "$MILLDIR_SRCDIR/tests/mkround.py" disk 20 10 64 5 4 >"$BATS_TEST_TMPDIR/d.stl"
	stl2norm "$BATS_TEST_TMPDIR/d.stl" | normembed -n -b 6 -f reach >"$BATS_TEST_TMPDIR/d.mdf"
	run bash -c "od -An -v -tf4 | tr -s ' ' '\\n' | grep . | sed -n 26p" \
	    < <(mdf payload <"$BATS_TEST_TMPDIR/d.mdf")
	assert_output 1
}

@test "normembed: keeps the mesh's metadata, drops triangles, names the variant" {
	mframe cube -- part=p-0007 label=+Z split=test bbox=0,0,0:1,1,1 area=6 x.custom=kept \
	    >"$BATS_TEST_TMPDIR/c.mdf"
	normembed -b 18 -f mean "$BATS_TEST_TMPDIR/c.mdf" >"$BATS_TEST_TMPDIR/e.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/e.mdf"
	assert_output $'1\tTENS\t84\tpart=p-0007\tlabel=+Z\tsplit=test\tbbox=0,0,0:1,1,1\tarea=6\tx.custom=kept\tshape=1x1x21\tembed.kind=normhist\tembed.bins=18\tembed.features=mean\tembed.normalized=0'
	run mdf check "$BATS_TEST_TMPDIR/e.mdf"
	assert_success
}

@test "normembed: frames of other types pass through unchanged and in order" {
	printf 'hello' | mdf wrap NOTE k=v >"$BATS_TEST_TMPDIR/n1.mdf"
	printf 'world!' | mdf wrap IMAG width=2 height=1 channels=3 >"$BATS_TEST_TMPDIR/n2.mdf"
	mframe cube -- part=c >"$BATS_TEST_TMPDIR/c.mdf"
	cat "$BATS_TEST_TMPDIR/n1.mdf" "$BATS_TEST_TMPDIR/c.mdf" "$BATS_TEST_TMPDIR/n2.mdf" \
	    >"$BATS_TEST_TMPDIR/in.mdf"
	normembed "$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/out.mdf"
	assert_line --index 0 $'1\tNOTE\t5\tk=v'
	assert_line --index 1 --partial $'2\tTENS\t264\tpart=c\tshape=1x1x66'
	assert_line --index 2 $'3\tIMAG\t6\twidth=2\theight=1\tchannels=3'
	# byte for byte: a stream without meshes comes out as it went in
	cat "$BATS_TEST_TMPDIR/n1.mdf" "$BATS_TEST_TMPDIR/n2.mdf" >"$BATS_TEST_TMPDIR/nn.mdf"
	normembed <"$BATS_TEST_TMPDIR/nn.mdf" >"$BATS_TEST_TMPDIR/nn.out"
	cmp "$BATS_TEST_TMPDIR/nn.mdf" "$BATS_TEST_TMPDIR/nn.out"
}

@test "normembed: a NaN vertex is refused with its frame, byte and triangle" {
	local off
	mframe cube -- >"$BATS_TEST_TMPDIR/bad.mdf"
	off=$(stat -c %s "$BATS_TEST_TMPDIR/bad.mdf")
	# the second triangle of the second mesh has a NaN
	f32 0 0 0  0 0 0  1 0 0  0 1 0   0 0 0  0 0 0  1 0 0  0 nan 0 | mdf wrap MESH triangles=2 >>"$BATS_TEST_TMPDIR/bad.mdf"
	run -65 --separate-stderr bash -c 'normembed "$1" >/dev/null' _ "$BATS_TEST_TMPDIR/bad.mdf"
	[ "$stderr" = "normembed: $BATS_TEST_TMPDIR/bad.mdf: frame 2 (byte $off): triangle 2: vertex coordinate is not finite" ]
	f32 0 0 0  0 0 0  1 0 0  0 inf 0 | mdf wrap MESH triangles=1 >"$BATS_TEST_TMPDIR/inf.mdf"
	run -65 --separate-stderr normembed <"$BATS_TEST_TMPDIR/inf.mdf"
	[ "$stderr" = "normembed: -: frame 1 (byte 0): triangle 1: vertex coordinate is not finite" ]
}

@test "normembed: a mesh without area or without triangles is refused" {
	# three points on a line, then a repeated vertex
	f32 0 0 0  0 0 0  1 1 1  2 2 2   0 0 0  1 0 0  1 0 0  0 1 0 |
	    mdf wrap MESH triangles=2 >"$BATS_TEST_TMPDIR/flat.mdf"
	run -65 --separate-stderr normembed "$BATS_TEST_TMPDIR/flat.mdf"
	[ "$stderr" = "normembed: $BATS_TEST_TMPDIR/flat.mdf: frame 1 (byte 0): mesh has no area (2 degenerate triangles)" ]
	mdf wrap MESH triangles=0 </dev/null >"$BATS_TEST_TMPDIR/empty.mdf"
	run -65 --separate-stderr normembed "$BATS_TEST_TMPDIR/empty.mdf"
	[ "$stderr" = "normembed: $BATS_TEST_TMPDIR/empty.mdf: frame 1 (byte 0): mesh has no triangles" ]
	# degenerate triangles among good ones are skipped: the cube is unchanged
	{ mesh cube; f32 0 0 0  5 5 5  5 5 5  6 6 6; } | mdf wrap MESH triangles=13 |
	    normembed -n | vals /dev/stdin >"$BATS_TEST_TMPDIR/c13"
	mframe cube -- | normembed -n | vals /dev/stdin >"$BATS_TEST_TMPDIR/c12"
	cmp "$BATS_TEST_TMPDIR/c12" "$BATS_TEST_TMPDIR/c13"
}

@test "normembed: a damaged stream is reported by frame and byte" {
	mframe cube -- >"$BATS_TEST_TMPDIR/c.mdf"
	head -c 100 "$BATS_TEST_TMPDIR/c.mdf" >"$BATS_TEST_TMPDIR/cut.mdf"
	run -65 --separate-stderr normembed "$BATS_TEST_TMPDIR/cut.mdf"
	[[ $stderr == "normembed: $BATS_TEST_TMPDIR/cut.mdf: frame 1 (byte "*"): truncated payload"* ]]
	run -66 --separate-stderr normembed "$BATS_TEST_TMPDIR/nonexistent.mdf"
	[[ $stderr == "normembed: $BATS_TEST_TMPDIR/nonexistent.mdf: "* ]]
}

@test "normembed: --bins accepts only 4F^2+2, --list-bins prints unit centres" {
	local F n
	for F in 1 2 3 7 64; do
		n=$((4 * F * F + 2))
		run normembed --list-bins --bins "$n"
		assert_success
		[ "${#lines[@]}" -eq "$n" ]
	done
	run normembed --list-bins -b 66
	assert_line --index 0 $'0\t1.000000000\t0.000000000\t0.000000000'
	assert_line --index 5 $'5\t0.000000000\t0.000000000\t-1.000000000'
	run bash -c "normembed --list-bins -b 66 | awk '{ l = \$2 * \$2 + \$3 * \$3 + \$4 * \$4;
	    if (l < 0.999999 || l > 1.000001) print \"not unit: \" \$0; k = \$2 \" \" \$3 \" \" \$4;
	    if (k in seen) print \"twice: \" k; seen[k] = 1 }'"
	assert_output ""
	for n in 0 7 65 16387 x; do
		run -64 --separate-stderr normembed --bins "$n" --list-bins
		[[ $stderr == "normembed: --bins: "* ]]
	done
	run -64 --separate-stderr normembed -f mean,colour
	[ "${stderr_lines[1]}" = "Try 'normembed --help' for more information." ]
	run -64 --separate-stderr normembed --rotation x90
	run -64 --separate-stderr normembed --list-bins --rotation x45
	run -64 --separate-stderr normembed a b
}

@test "normembed: --help, --version, no frames to a terminal, quiet under head" {
	run normembed --help
	assert_success
	assert_line --partial "--bins=N"
	run normembed --version
	assert_output --regexp '^normembed \(milldir\) '
	for i in 1 2 3 4 5 6 7 8; do mframe cube --; done >"$BATS_TEST_TMPDIR/many.mdf"
	run -141 bash -c "set -o pipefail; normembed -b 16386 <'$BATS_TEST_TMPDIR/many.mdf' | head -c1 >/dev/null"
}
