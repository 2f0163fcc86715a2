#!/usr/bin/env bats
# augment: label-aware augmentation of MESH and IMAG frames.
load test_helper

# marked LABEL: a two-triangle MESH frame with that label whose bounding
# box is [-1, 1]^3 (so turns about its centre are turns about the origin)
# and whose second triangle starts at the unit vector of LABEL.
marked() {
	local x=0 y=0 z=0
	case $1 in
	+X) x=1 ;; -X) x=-1 ;; +Y) y=1 ;; -Y) y=-1 ;; +Z) z=1 ;; -Z) z=-1 ;;
	esac
	f32 0 0 0 -1 -1 -1 1 1 1 1 -1 1 0 0 0 $x $y $z 0.5 0.5 0.5 0 0 0 |
	    mdf wrap MESH triangles=2 label="$1" part="p$1" note=kept
}

# the six marked frames, in label order
six() {
	local l
	for l in +X -X +Y -Y +Z -Z; do marked "$l"; done
}

# compass LABEL: a MESH frame with that label, the bounding box of marked
# and one triangle for each axis direction, in label order, starting at
# its unit vector
compass() {
	f32 0 0 0 -1 -1 -1 1 1 1 1 -1 1 \
	    0 0 0 1 0 0 0.5 0.5 0.5 0 0 0   0 0 0 -1 0 0 0.5 0.5 0.5 0 0 0 \
	    0 0 0 0 1 0 0.5 0.5 0.5 0 0 0   0 0 0 0 -1 0 0.5 0.5 0.5 0 0 0 \
	    0 0 0 0 0 1 0.5 0.5 0.5 0 0 0   0 0 0 0 0 -1 0.5 0.5 0.5 0 0 0 |
	    mdf wrap MESH triangles=7 label="$1"
}

# needles FILE: where the six direction triangles of compass frame 1 of
# FILE start, "x y z" per line in label order
needles() {
	mdf payload "$1" | od -An -v -tf4 -w12 |
	    awk 'NR > 2 && NR % 4 == 2 { for (i = 1; i <= 3; i++) if ($i == "-0") $i = 0; print $1, $2, $3 }'
}

# floats FILE N: the float32 values of frame N's payload, one per line
floats() {
	mdf payload -n "$2" "$1" | od -An -v -tf4 -w4 | tr -d ' '
}

# markers FILE N: the marker vertex (first vertex of the second triangle)
# of frames 1 to N of FILE, "x y z" per line
markers() {
	local n
	for ((n = 1; n <= $2; n++)); do mdf payload -n $n "$1"; done |
	    od -An -v -tf4 -w12 |
	    awk 'NR % 8 == 6 { for (i = 1; i <= 3; i++) if ($i == "-0") $i = 0; print $1, $2, $3 }'
}

# key FILE N KEY: the value of KEY in frame N (empty if absent)
key() {
	mdf get "$3" "$1" | sed -n "${2}p"
}

# unit vector of an axis label, as "x y z" floats printed by od
vec() {
	case $1 in
	+X) echo "1 0 0" ;; -X) echo "-1 0 0" ;; +Y) echo "0 1 0" ;;
	-Y) echo "0 -1 0" ;; +Z) echo "0 0 1" ;; -Z) echo "0 0 -1" ;;
	esac
}

neg() { case $1 in +*) echo "-${1#+}" ;; -*) echo "+${1#-}" ;; esac; }

# image W H C BYTE: an IMAG frame filled with BYTE (octal escape)
image() {
	head -c $(($1 * $2 * $3)) /dev/zero | tr '\0' "$4" |
	    mdf wrap IMAG width="$1" height="$2" channels="$3" part=img "${@:5}"
}

# The 24 rotations of the cube, each as a sequence of quarter turns
# (right-hand rule, applied left to right) and the images of +X, +Y, +Z
# worked out by hand from x90: Y->Z, Z->-Y; y90: Z->X, X->-Z; z90: X->Y,
# Y->-X.
ROTATIONS='
I        +X +Y +Z
x90      +X +Z -Y
x180     +X -Y -Z
x270     +X -Z +Y
y90      -Z +Y +X
y180     -X +Y -Z
y270     +Z +Y -X
z90      +Y -X +Z
z180     -X -Y +Z
z270     -Y +X +Z
x90,z90  +Y +Z +X
z270,x270 +Z +X +Y
x90,y90  -Z +X -Y
y270,x270 +Y -Z -X
x90,y270 +Z -X -Y
y90,x270 -Y -Z +X
x270,y90 -Z -X +Y
y270,x90 -Y +Z -X
x90,y180 -X -Z -Y
x270,y180 -X +Z +Y
y90,z180 -Z -Y -X
y270,z180 +Z -Y +X
z90,x180 -Y -X -Z
z270,x180 +Y +X -Z
'

@test "augment: the 24 rotations remap every axis label as they turn the mesh" {
	local spec ix iy iz l want n bad=0 names=()
	local -A img vec=([+X]="1 0 0" [-X]="-1 0 0" [+Y]="0 1 0" [-Y]="0 -1 0" [+Z]="0 0 1" [-Z]="0 0 -1")
	local -A neg=([+X]=-X [-X]=+X [+Y]=-Y [-Y]=+Y [+Z]=-Z [-Z]=+Z)
	for l in +X -X +Y -Y +Z -Z; do compass "$l"; done >"$BATS_TEST_TMPDIR/in.mdf"
	while read -r spec ix iy iz; do
		[ -n "$spec" ] || continue
		augment --rotation "$spec" <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
		mapfile -t name < <(mdf get augment.rotation "$BATS_TEST_TMPDIR/out.mdf")
		mapfile -t label < <(mdf get label "$BATS_TEST_TMPDIR/out.mdf")
		mapfile -t orig < <(mdf get augment.label.orig "$BATS_TEST_TMPDIR/out.mdf")
		mapfile -t needle < <(needles "$BATS_TEST_TMPDIR/out.mdf")
		if [ "${name[0]}" != "$ix$iy$iz" ]; then
			echo "$spec: recorded as ${name[0]}, expected $ix$iy$iz"; bad=1
		fi
		names+=("${name[0]}")
		img=([X]=$ix [Y]=$iy [Z]=$iz)
		n=0
		for l in +X -X +Y -Y +Z -Z; do
			want=${img[${l:1}]}
			[ "${l:0:1}" = + ] || want=${neg[$want]}
			[ "${label[n]}" = "$want" ] || { echo "$spec: $l became ${label[n]}, expected $want"; bad=1; }
			[ "${orig[n]}" = "$l" ] || { echo "$spec: label.orig ${orig[n]}, expected $l"; bad=1; }
			# the mesh turned the same way: direction l now points to want
			[ "${needle[n]}" = "${vec[$want]}" ] || { echo "$spec: $l now at ${needle[n]}, label $want"; bad=1; }
			n=$((n + 1))
		done
	done <<<"$ROTATIONS"
	# 24 different rotations: the table is the whole group
	[ "$(printf '%s\n' "${names[@]}" | sort -u | wc -l)" -eq 24 ]
	[ "$bad" -eq 0 ]
}

@test "augment: --rotations cube|axes|z --sequential visits 24, 10 and 4 rotations" {
	marked +Z >"$BATS_TEST_TMPDIR/in.mdf"
	augment --rotations cube --sequential -n 24 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/c.mdf"
	[ "$(mdf ls "$BATS_TEST_TMPDIR/c.mdf" | grep -o 'augment.rotation=[^	]*' | sort -u | wc -l)" -eq 24 ]
	augment --rotations axes --sequential -n 10 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/a.mdf"
	run -0 bash -c "mdf ls '$BATS_TEST_TMPDIR/a.mdf' | grep -o 'augment.rotation=[^	]*' | sort -u | tr '\n' ' '"
	assert_output 'augment.rotation=+X+Y+Z augment.rotation=+X+Z-Y augment.rotation=+X-Y-Z augment.rotation=+X-Z+Y augment.rotation=+Y-X+Z augment.rotation=+Z+Y-X augment.rotation=-X+Y-Z augment.rotation=-X-Y+Z augment.rotation=-Y+X+Z augment.rotation=-Z+Y+X '
	augment --rotations z --sequential -n 8 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/z.mdf"
	run -0 bash -c "mdf ls '$BATS_TEST_TMPDIR/z.mdf' | grep -o 'augment.rotation=[^	]*' | tr '\n' ' '"
	assert_output 'augment.rotation=+X+Y+Z augment.rotation=+Y-X+Z augment.rotation=-X-Y+Z augment.rotation=-Y+X+Z augment.rotation=+X+Y+Z augment.rotation=+Y-X+Z augment.rotation=-X-Y+Z augment.rotation=-Y+X+Z '
	# turns about Z never move a +Z label
	[ "$(mdf ls "$BATS_TEST_TMPDIR/z.mdf" | grep -c 'label=+Z')" -eq 8 ]
}

@test "augment: random cube rotations keep label and geometry in agreement" {
	six >"$BATS_TEST_TMPDIR/in.mdf"
	augment --rotations cube -n 3 --seed 7 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	mapfile -t label < <(mdf get label "$BATS_TEST_TMPDIR/out.mdf")
	mapfile -t marker < <(markers "$BATS_TEST_TMPDIR/out.mdf" 18)
	[ "${#label[@]}" -eq 18 ] && [ "${#marker[@]}" -eq 18 ]
	local n
	for n in $(seq 0 17); do
		[ "${marker[n]}" = "$(vec "${label[n]}")" ] || { echo "frame $((n + 1)): label ${label[n]}, marker at ${marker[n]}"; return 1; }
	done
	# more than one rotation was drawn
	[ "$(mdf get augment.rotation "$BATS_TEST_TMPDIR/out.mdf" | sort -u | wc -l)" -gt 4 ]
}

@test "augment: a label that is not an axis direction is refused with --rotations" {
	marked +X >"$BATS_TEST_TMPDIR/in.mdf"
	local off; off=$(stat -c %s "$BATS_TEST_TMPDIR/in.mdf")
	f32 0 0 0 0 0 0 1 0 0 0 1 0 | mdf wrap MESH triangles=1 label=pocket part=q >>"$BATS_TEST_TMPDIR/in.mdf"
	run -65 --separate-stderr augment --rotations z "$BATS_TEST_TMPDIR/in.mdf"
	assert_equal "$stderr" "augment: $BATS_TEST_TMPDIR/in.mdf: frame 2 (byte $off): label 'pocket' is not an axis direction (+X -X +Y -Y +Z -Z): a rotation cannot remap it (use --keep-label if the label does not depend on orientation)"
	# lowercase and unsigned axis names are not axis labels either
	f32 0 0 0 0 0 0 1 0 0 0 1 0 | mdf wrap MESH triangles=1 label=z >"$BATS_TEST_TMPDIR/z.mdf"
	run -65 --separate-stderr augment --rotation x90 "$BATS_TEST_TMPDIR/z.mdf"
	[[ $stderr == *"label 'z' is not an axis direction"* ]]
	# --keep-label: the label stays, even an axis label
	augment --rotations cube --keep-label -n 3 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	[ "$(mdf ls "$BATS_TEST_TMPDIR/out.mdf" | grep -c 'label=pocket')" -eq 3 ]
	[ "$(mdf ls "$BATS_TEST_TMPDIR/out.mdf" | grep -c 'label=+X	')" -eq 3 ]
	# jitter, scale and noise keep any label
	augment --jitter 5 --scale 0.9:1.1 --noise 0.01 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/j.mdf"
	[ "$(key "$BATS_TEST_TMPDIR/j.mdf" 2 label)" = pocket ]
}

@test "augment: same seed gives the same bytes, another seed other bytes" {
	six >"$BATS_TEST_TMPDIR/in.mdf"
	image 16 12 3 '\144' >>"$BATS_TEST_TMPDIR/in.mdf"
	local ops=(--rotations cube --jitter 10 --scale 0.8:1.2 --anisotropic --noise 0.01
	    --pixel-noise 0.05 --brightness 0.1 --contrast 0.2 --cutout 2 -n 3)
	augment "${ops[@]}" --seed 42 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/a.mdf"
	augment "${ops[@]}" --seed 42 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/b.mdf"
	augment "${ops[@]}" --seed 43 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/c.mdf"
	cmp "$BATS_TEST_TMPDIR/a.mdf" "$BATS_TEST_TMPDIR/b.mdf"
	! cmp -s "$BATS_TEST_TMPDIR/a.mdf" "$BATS_TEST_TMPDIR/c.mdf"
	# every copy differs in its payload, the image's too
	[ "$(for n in $(seq 1 21); do mdf payload -n $n "$BATS_TEST_TMPDIR/a.mdf" | md5sum; done | sort -u | wc -l)" -eq 21 ]
	! cmp -s <(mdf payload -n 19 "$BATS_TEST_TMPDIR/a.mdf") <(mdf payload -n 19 "$BATS_TEST_TMPDIR/c.mdf")
	# a frame's copies depend on the seed and its index, not on what follows
	marked +X | augment "${ops[@]}" --seed 42 >"$BATS_TEST_TMPDIR/one.mdf"
	cmp -n "$(stat -c %s "$BATS_TEST_TMPDIR/one.mdf")" "$BATS_TEST_TMPDIR/one.mdf" "$BATS_TEST_TMPDIR/a.mdf"
}

@test "augment: copies keep part and every other key and record what was done" {
	marked +Z >"$BATS_TEST_TMPDIR/in.mdf"
	augment -n 2 --keep-original --seed 5 --rotation x90 --scale 2:2 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	run -0 mdf ls "$BATS_TEST_TMPDIR/out.mdf"
	assert_line --index 0 $'1\tMESH\t96\ttriangles=2\tlabel=+Z\tpart=p+Z\tnote=kept\taugment.copy=0\taugment.seed=5\taugment.ops=none'
	assert_line --index 1 $'2\tMESH\t96\ttriangles=2\tlabel=-Y\tpart=p+Z\tnote=kept\taugment.copy=1\taugment.seed=5\taugment.scale=2\taugment.rotation=+X+Z-Y\taugment.label.orig=+Z\taugment.matrix=2,0,0,0,0,-2,0,2,0\taugment.center=0,0,0\taugment.ops=scale,rotate'
	assert_line --index 2 --partial $'\taugment.copy=2\t'
	# the original's payload is untouched
	cmp <(mdf payload -n 1 "$BATS_TEST_TMPDIR/out.mdf") <(mdf payload "$BATS_TEST_TMPDIR/in.mdf")
	# doubled about the centre, then turned: (1,1,1) -> (2,-2,2)
	run -0 bash -c "mdf payload -n 2 '$BATS_TEST_TMPDIR/out.mdf' | od -An -v -tf4 -w4 | tr -d ' ' | sed -n '7,9p' | tr '\n' ' '"
	assert_output '2 -2 2 '
	# a second pass replaces the first pass's record
	augment --jitter 1 <"$BATS_TEST_TMPDIR/out.mdf" >"$BATS_TEST_TMPDIR/two.mdf"
	run -0 mdf ls "$BATS_TEST_TMPDIR/two.mdf"
	refute_output --partial 'augment.rotation'
	assert_line --index 1 --partial $'label=-Y\tpart=p+Z'
}

@test "augment: normals follow the transform and stay unit length" {
	# stored normals are wrong on purpose: augment recomputes them
	f32 9 9 9 0 0 0 1 0 0 0 1 0 | mdf wrap MESH triangles=1 >"$BATS_TEST_TMPDIR/in.mdf"
	augment --rotation y90 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	run -0 floats "$BATS_TEST_TMPDIR/out.mdf" 1
	output=$(echo "$output" | sed -n '1,3p' | sed 's/^-0$/0/' | tr '\n' ' ')
	# the +Z face turned by y90 faces +X
	assert_output '1 0 0 '
	augment --scale 0.5:3 --anisotropic --jitter 20 --seed 3 -n 4 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/s.mdf"
	local n
	for n in 1 2 3 4; do
		mdf payload -n $n "$BATS_TEST_TMPDIR/s.mdf" | od -An -v -tf4 -w48 | awk '{
			# unit length, and the same side as (v1 - v0) x (v2 - v0)
			ax = $7 - $4; ay = $8 - $5; az = $9 - $6; bx = $10 - $4; by = $11 - $5; bz = $12 - $6
			cx = ay * bz - az * by; cy = az * bx - ax * bz; cz = ax * by - ay * bx
			l = sqrt($1 * $1 + $2 * $2 + $3 * $3)
			if (l < 0.9999 || l > 1.0001 || $1 * cx + $2 * cy + $3 * cz <= 0) exit 1 }'
	done
}

@test "augment: vertex noise moves shared vertices together" {
	# two triangles sharing the edge (1,0,0)-(0,1,0)
	f32 0 0 0 0 0 0 1 0 0 0 1 0  0 0 0 1 0 0 1 1 0 0 1 0 |
	    mdf wrap MESH triangles=2 label=+Z >"$BATS_TEST_TMPDIR/in.mdf"
	augment --noise 0.05 --seed 9 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	run -0 floats "$BATS_TEST_TMPDIR/out.mdf" 1
	local -a v=($output)
	# (1,0,0) is vertex 1 of the first and vertex 0 of the second triangle
	[ "${v[6]} ${v[7]} ${v[8]}" = "${v[15]} ${v[16]} ${v[17]}" ]
	[ "${v[9]} ${v[10]} ${v[11]}" = "${v[21]} ${v[22]} ${v[23]}" ]
	[ "${v[6]}" != 1 ]
	[ "$(key "$BATS_TEST_TMPDIR/out.mdf" 1 augment.noise)" = 0.05 ]
	[ "$(key "$BATS_TEST_TMPDIR/out.mdf" 1 label)" = +Z ]
}

@test "augment: image operations keep size, type and alpha" {
	local c
	for c in 1 2 3 4; do
		image 20 10 $c '\144' grid=2x1 tile=10 >"$BATS_TEST_TMPDIR/in.mdf"
		augment -n 2 --brightness 0.2 --contrast 0.3 --pixel-noise 0.1 --cutout 3 \
		    --view-dropout 1 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
		run -0 mdf ls "$BATS_TEST_TMPDIR/out.mdf"
		assert_line --index 0 --regexp $'^1\tIMAG\t'$((200 * c))$'\twidth=20\theight=10\tchannels='$c$'\tpart=img\tgrid=2x1\ttile=10\taugment.copy=1\t.*augment.ops=brightness,contrast,pixel_noise,cutout,dropout$'
		assert_line --index 1 --regexp $'^2\tIMAG\t'$((200 * c))$'\twidth=20'
		mdf check "$BATS_TEST_TMPDIR/out.mdf"
	done
	# alpha (100 everywhere) is never noised; blanked pixels get alpha 0
	[ "$(mdf payload "$BATS_TEST_TMPDIR/out.mdf" | od -An -v -tu1 -w4 | awk '$4 != 100 && $4 != 0' | wc -l)" -eq 0 ]
	# the colour was changed
	[ "$(mdf payload "$BATS_TEST_TMPDIR/out.mdf" | od -An -v -tu1 -w4 | awk '$1 != 100' | wc -l)" -gt 100 ]
}

@test "augment: brightness and contrast follow the recorded amounts" {
	image 4 4 3 '\144' >"$BATS_TEST_TMPDIR/in.mdf"
	augment --brightness 0.3 --contrast 0.5 --seed 11 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	local b k want
	b=$(key "$BATS_TEST_TMPDIR/out.mdf" 1 augment.brightness)
	k=$(key "$BATS_TEST_TMPDIR/out.mdf" 1 augment.contrast)
	want=$(awk -v b="$b" -v k="$k" 'BEGIN { v = (100 - 127.5) * k + 127.5 + b; v = int(v + 0.5); print (v < 0 ? 0 : v > 255 ? 255 : v) }')
	run -0 bash -c "mdf payload '$BATS_TEST_TMPDIR/out.mdf' | od -An -v -tu1 -w1 | sort -u | tr -d ' '"
	assert_output "$want"
}

@test "augment: cutout blanks exactly the recorded rectangles with the background" {
	image 32 24 3 '\310' >"$BATS_TEST_TMPDIR/in.mdf"
	augment --cutout 1:0.5 --background 1,2,3 --seed 4 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	local r; r=$(key "$BATS_TEST_TMPDIR/out.mdf" 1 augment.cutout)
	IFS=, read -r x y w h <<<"$r"
	[ "$w" -ge 1 ] && [ "$w" -le 16 ] && [ "$h" -ge 1 ] && [ "$h" -le 12 ]
	mdf payload "$BATS_TEST_TMPDIR/out.mdf" | od -An -v -tu1 -w3 | awk -v x="$x" -v y="$y" -v w="$w" -v h="$h" '
		{ px = (NR - 1) % 32; py = int((NR - 1) / 32)
		  inside = px >= x && px < x + w && py >= y && py < y + h
		  if (inside && ($1 != 1 || $2 != 2 || $3 != 3)) bad++
		  if (!inside && ($1 != 200 || $2 != 200 || $3 != 200)) bad++ }
		END { exit bad > 0 }'
}

@test "augment: view dropout blanks whole tiles of the grid and not the gaps" {
	# 3x2 tiles of 4 px with a 1 px gap: 14x9 pixels, background from metadata
	image 14 9 3 '\310' grid=3x2 tile=4 gap=1 background=10,20,30 >"$BATS_TEST_TMPDIR/in.mdf"
	augment --view-dropout 2 --seed 1 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	local d; d=$(key "$BATS_TEST_TMPDIR/out.mdf" 1 augment.dropout)
	[[ $d =~ ^[0-5],[0-5]$ ]]
	mdf payload "$BATS_TEST_TMPDIR/out.mdf" | od -An -v -tu1 -w3 | awk -v d="$d" '
		BEGIN { split(d, t, ","); drop[t[1]] = 1; drop[t[2]] = 1 }
		{ px = (NR - 1) % 14; py = int((NR - 1) / 14)
		  c = int(px / 5); r = int(py / 5)
		  intile = px % 5 < 4 && py % 5 < 4
		  blank = intile && ((r * 3 + c) in drop)
		  if (blank && ($1 != 10 || $2 != 20 || $3 != 30)) bad++
		  if (!blank && $1 != 200) bad++ }
		END { exit bad > 0 }'
	# a resized meta-image (28x18) keeps its layout, scaled
	image 28 18 1 '\310' grid=3x2 tile=4 gap=1 >"$BATS_TEST_TMPDIR/big.mdf"
	augment --view-dropout 5 <"$BATS_TEST_TMPDIR/big.mdf" >"$BATS_TEST_TMPDIR/big-out.mdf"
	[ "$(mdf payload "$BATS_TEST_TMPDIR/big-out.mdf" | od -An -v -tu1 -w1 | grep -c '^ *0$')" -eq $((5 * 8 * 8)) ]
	# no gap key: the gap that makes the size exact (metagrid writes none)
	image 14 9 3 '\310' grid=3x2 tile=4x4 >"$BATS_TEST_TMPDIR/nogap.mdf"
	augment --view-dropout 2 --seed 1 --background 10,20,30 <"$BATS_TEST_TMPDIR/nogap.mdf" | mdf payload | cmp - <(mdf payload "$BATS_TEST_TMPDIR/out.mdf")
	# no grid, or as many tiles as the grid has: refused
	image 8 8 3 '\310' >"$BATS_TEST_TMPDIR/nogrid.mdf"
	run -65 --separate-stderr augment --view-dropout 1 "$BATS_TEST_TMPDIR/nogrid.mdf"
	assert_equal "$stderr" "augment: $BATS_TEST_TMPDIR/nogrid.mdf: frame 1 (byte 0): view dropout needs a meta-image, but the frame has no 'grid' key"
	run -65 --separate-stderr augment --view-dropout 6 "$BATS_TEST_TMPDIR/in.mdf"
	[[ $stderr == *"--view-dropout 6 would blank every tile of grid 3x2" ]]
}

@test "augment: --flip warns why it corrupts normal maps and mirrors half the copies" {
	# a red left column on black
	{ for y in 1 2 3; do printf '\377\0\0\0\0\0\0\0\0'; done; } |
	    mdf wrap IMAG width=3 height=3 channels=3 >"$BATS_TEST_TMPDIR/in.mdf"
	run -0 --separate-stderr bash -c "augment --flip h -n 16 '$BATS_TEST_TMPDIR/in.mdf' >'$BATS_TEST_TMPDIR/out.mdf'"
	[[ $stderr == "augment: warning: --flip h mirrors the pixels but not the normal colours: in a camera-space normal map the red channel"* ]]
	local flipped; flipped=$(mdf ls "$BATS_TEST_TMPDIR/out.mdf" | grep -c 'augment.flip=h')
	[ "$flipped" -gt 0 ] && [ "$flipped" -lt 16 ]
	local n
	for n in $(seq 1 16); do
		if [ -n "$(key "$BATS_TEST_TMPDIR/out.mdf" $n augment.flip)" ]; then
			mdf payload -n $n "$BATS_TEST_TMPDIR/out.mdf" | cmp - <(for y in 1 2 3; do printf '\0\0\0\0\0\0\377\0\0'; done)
		else
			cmp <(mdf payload -n $n "$BATS_TEST_TMPDIR/out.mdf") <(mdf payload "$BATS_TEST_TMPDIR/in.mdf")
		fi
	done
	run -0 --separate-stderr bash -c "augment --flip v '$BATS_TEST_TMPDIR/in.mdf' >/dev/null"
	[[ $stderr == *"the green channel"* ]]
	# without --flip nothing is mirrored and nothing is said
	run -0 --separate-stderr bash -c "augment --brightness 0.1 -n 4 '$BATS_TEST_TMPDIR/in.mdf' >/dev/null"
	[ -z "$stderr" ]
}

@test "augment: unknown frames and frames without operations pass through in order" {
	{
		printf 'hello' | mdf wrap XTRA a=1
		marked +Z
		image 4 4 3 '\144'
		printf 'bye' | mdf wrap ZZZZ
	} >"$BATS_TEST_TMPDIR/in.mdf"
	augment --rotation x90 -n 2 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	run -0 bash -c "mdf ls '$BATS_TEST_TMPDIR/out.mdf' | cut -f2"
	assert_output $'XTRA\nMESH\nMESH\nIMAG\nZZZZ'
	# byte for byte: the first frame, and the image (no image operation)
	printf 'hello' | mdf wrap XTRA a=1 >"$BATS_TEST_TMPDIR/x.mdf"
	cmp -n "$(stat -c %s "$BATS_TEST_TMPDIR/x.mdf")" "$BATS_TEST_TMPDIR/in.mdf" "$BATS_TEST_TMPDIR/out.mdf"
	cmp <(mdf payload -n 4 "$BATS_TEST_TMPDIR/out.mdf") <(mdf payload -n 3 "$BATS_TEST_TMPDIR/in.mdf")
	[ "$(key "$BATS_TEST_TMPDIR/out.mdf" 4 augment.copy)" = "" ]
	[ "$(key "$BATS_TEST_TMPDIR/out.mdf" 5 "")" = "" ]
	cmp <(mdf payload -n 5 "$BATS_TEST_TMPDIR/out.mdf") <(printf bye)
}

@test "augment: misuse exits 64 with a hint" {
	run -64 --separate-stderr augment </dev/null
	assert_equal "$stderr" "augment: no operation given (see --help for mesh and image operations)
Try 'augment --help' for more information."
	run -64 --separate-stderr augment --rotations sphere </dev/null
	[[ $stderr == "augment: --rotations: expected z, axes or cube, got 'sphere'"* ]]
	run -64 --separate-stderr augment --rotation +X+Y-Z </dev/null
	[[ $stderr == *"(no mirrors), got '+X+Y-Z'"* ]]
	run -64 --separate-stderr augment --jitter 60 </dev/null
	run -64 --separate-stderr augment --scale 2:1 </dev/null
	run -64 --separate-stderr augment --sequential --jitter 1 </dev/null
	run -64 --separate-stderr augment --flip x </dev/null
	run -0 augment --help
	assert_line --partial '--rotations SET'
	run -0 augment --version
	assert_output --regexp '^augment \(milldir\) '
}

@test "augment: bad input is refused with its frame and byte" {
	f32 0 0 0 0 0 0 nan 0 0 0 1 0 | mdf wrap MESH triangles=1 >"$BATS_TEST_TMPDIR/nan.mdf"
	run -65 --separate-stderr augment --jitter 3 "$BATS_TEST_TMPDIR/nan.mdf"
	assert_equal "$stderr" "augment: $BATS_TEST_TMPDIR/nan.mdf: frame 1 (byte 0): triangle 1 has a NaN or infinite coordinate"
	marked +Z | head -c 100 >"$BATS_TEST_TMPDIR/cut.mdf"
	run -65 --separate-stderr augment --jitter 3 "$BATS_TEST_TMPDIR/cut.mdf"
	assert_equal "$stderr" "augment: $BATS_TEST_TMPDIR/cut.mdf: frame 1 (byte 100): truncated payload: stream ends after 28 of 96 bytes"
	run -66 --separate-stderr augment --jitter 3 "$BATS_TEST_TMPDIR/missing.mdf"
	[[ $stderr == "augment: $BATS_TEST_TMPDIR/missing.mdf: No such file or directory" ]]
}

@test "augment: dies quietly of SIGPIPE under head" {
	image 64 64 3 '\144' >"$BATS_TEST_TMPDIR/in.mdf"
	run -141 --separate-stderr bash -c \
	    "set -o pipefail; augment --pixel-noise 0.1 -n 200 '$BATS_TEST_TMPDIR/in.mdf' | head -c1 >/dev/null"
	[ -z "$stderr" ]
}

@test "augment: the man page's table of the 24 rotations is what augment does" {
	local table
	table=$(sed -n '/quarter turns that makes it:/,/^\.EE/p' "$MILLDIR_SRCDIR/man/augment.1" |
	    sed '1,4d;$d' | sed 's/\\-/-/g' | tr -s ' ' '\n' | paste - -)
	[ "$(echo "$table" | wc -l)" -eq 24 ]
	marked +Z >"$BATS_TEST_TMPDIR/in.mdf"
	augment --rotations cube --sequential -n 24 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/seq.mdf"
	local n=0 name spec
	while read -r name spec; do
		n=$((n + 1))
		[ "$(key "$BATS_TEST_TMPDIR/seq.mdf" $n augment.rotation)" = "$name" ] || { echo "row $n: $name"; return 1; }
		augment --rotation "$spec" <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/one.mdf"
		[ "$(key "$BATS_TEST_TMPDIR/one.mdf" 1 augment.rotation)" = "$name" ] || { echo "$spec is not $name"; return 1; }
		augment --rotation "$name" <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/one.mdf"
		[ "$(key "$BATS_TEST_TMPDIR/one.mdf" 1 augment.rotation)" = "$name" ]
	done <<<"$table"
}

@test "augment: directional and geometric keys follow the mesh" {
	f32 0 0 0 -1 -1 -1 1 1 1 1 -1 1 0 0 0 0 0 1 0.5 0.5 0.5 0 0 0 |
	    mdf wrap MESH triangles=2 label=-X bbox=-1,-1,-1:1,1,1 area=3.181981 \
	    removed.px=0 removed.mx=100 removed.py=5 removed.my=0 removed.pz=0 removed.mz=7 \
	    >"$BATS_TEST_TMPDIR/in.mdf"
	augment --rotation z90 --scale 2:2 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	run -0 mdf ls "$BATS_TEST_TMPDIR/out.mdf"
	# z90 takes -X to -Y and +Y to -X; volumes grow 8 times
	assert_output --partial $'\tlabel=-Y\tbbox=-2,-2,-2:2,2,2\tarea=12.72792\tremoved.px=0\tremoved.mx=40\tremoved.py=0\tremoved.my=800\tremoved.pz=0\tremoved.mz=56\t'
}

@test "augment: the man page's example pipelines run" {
	cd "$BATS_TEST_TMPDIR"
	partgen -n 1 -o . >/dev/null
	mv part-0001.stl part.stl
	stl2norm -l +Z part.stl |
	    augment --rotations cube --jitter 3 -n 8 -k --seed 1 |
	    normrender | metagrid >part.mdf
	run -0 mdf ls part.mdf
	[ "${#lines[@]}" -eq 9 ]
	# the meta-images carry the remapped labels and the record
	assert_line --index 0 --regexp $'\tlabel=\\+Z\t.*\taugment.copy=0\t.*\tgrid=10x10\t'
	assert_line --index 1 --regexp $'\taugment.copy=1\t.*\taugment.ops=rotate,jitter\t'
	run -0 bash -c 'stl2norm -l +Z part.stl | augment --rotations cube --sequential -n 24 | mdf get label | sort | uniq -c | tr "\n" " " | tr -s " "'
	assert_output ' 4 +X 4 +Y 4 +Z 4 -X 4 -Y 4 -Z '
	mdf select augment.copy=0 <part.mdf >grids.mdf
	augment --view-dropout 10 --pixel-noise 0.02 -n 2 <grids.mdf | mdf png out/
	[ "$(ls out | wc -l)" -eq 2 ]
}

@test "augment: pixel noise is Gaussian with the recorded deviation" {
	image 256 256 1 '\200' >"$BATS_TEST_TMPDIR/in.mdf"
	augment --pixel-noise 0.1 --seed 3 <"$BATS_TEST_TMPDIR/in.mdf" >"$BATS_TEST_TMPDIR/out.mdf"
	[ "$(key "$BATS_TEST_TMPDIR/out.mdf" 1 augment.pixel_noise)" = 25.5 ]
	# 65536 samples: mean 128 and deviation sqrt(25.5^2 + 1/12) (rounding)
	# within 1 %; 68.3 % of them within 25.5 and 95.2 % within 50.5
	mdf payload "$BATS_TEST_TMPDIR/out.mdf" | od -An -v -tu1 -w1 | awk '
		{ d = $1 - 128; n++; m += d; q += d * d
		  if (d >= -25 && d <= 25) one++; if (d >= -50 && d <= 50) two++ }
		END { sd = sqrt(q / n - (m / n)^2)
		  printf "mean %.3f sd %.3f one %.4f two %.4f\n", m / n, sd, one / n, two / n
		  exit !(m / n > -0.25 && m / n < 0.25 && sd > 25.25 && sd < 25.75 &&
		      one / n > 0.675 && one / n < 0.69 && two / n > 0.945 && two / n < 0.96) }'
}
