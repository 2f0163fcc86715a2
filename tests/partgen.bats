#!/usr/bin/env bats
# partgen: labelled synthetic workpieces; lib/geom/voxel.c's closed meshes.

load test_helper

VOX="$MILLDIR_SRCDIR/tests/data/partgen"

# labels_of FILE.mdf: the label of every frame, one a line
labels_of() {
	mdf get label "$1"
}

@test "partgen: -o writes N binary STL files and labels.tsv, balanced" {
	partgen --style voxel -n 60 --seed 1 -o "$BATS_TEST_TMPDIR/parts"
	cd "$BATS_TEST_TMPDIR/parts"
	run ls -A
	assert_equal "${#lines[@]}" 61
	assert_line --index 0 labels.tsv
	assert_line --index 1 part-0001.stl
	assert_line --index 60 part-0060.stl
	run wc -l < labels.tsv
	assert_output 60
	run bash -c "cut -f1 labels.tsv | head -2"
	assert_output $'part-0001\npart-0002'
	run bash -c "cut -f2 labels.tsv | sort | uniq -c | awk '{print \$1, \$2}'"
	assert_output $'10 +X\n10 +Y\n10 +Z\n10 -X\n10 -Y\n10 -Z'
	# every block of six parts holds each class once
	run bash -c "cut -f2 labels.tsv | head -6 | sort -u | wc -l"
	assert_output 6
	# binary STL: 84 + 50 n bytes, header not mistaken for ASCII
	local n size
	n=$(od -An -tu4 -j80 -N4 part-0001.stl | tr -d ' ')
	size=$(stat -c %s part-0001.stl)
	assert_equal "$size" $((84 + 50 * n))
	run head -c 40 part-0001.stl
	assert_output --partial "partgen part-0001 label="
}

@test "partgen: every voxel mesh is closed, outward and not degenerate" {
	partgen --style voxel -n 60 --seed 1 -o "$BATS_TEST_TMPDIR/p"
	run meshcheck "$BATS_TEST_TMPDIR"/p/*.stl
	assert_success
	assert_equal "${#lines[@]}" 60
	refute_output --partial "volume=-"
	partgen --style voxel -n 60 --seed 9 -d 0.7 -r 24 -o "$BATS_TEST_TMPDIR/q"
	run meshcheck "$BATS_TEST_TMPDIR"/q/*.stl
	assert_success
}

@test "partgen: a voxel part has between 100 and 3000 triangles" {
	partgen --style voxel -n 24 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run bash -c "mdf get triangles '$BATS_TEST_TMPDIR/f.mdf' | sort -n | sed -n '1p;\$p'"
	[ "${lines[0]}" -ge 100 ]
	[ "${lines[1]}" -le 3000 ]
}

@test "partgen: admesh finds no holes, flipped normals or degenerate facets" {
	command -v admesh >/dev/null || skip "admesh not installed (Debian package admesh)"
	partgen --style voxel -n 12 --seed 3 -d 0.5 -o "$BATS_TEST_TMPDIR/p"
	partgen -n 12 --seed 3 -d 0.5 -o "$BATS_TEST_TMPDIR/p" -p cad
	local f out
	for f in "$BATS_TEST_TMPDIR"/p/*.stl; do
		out=$(admesh "$f")
		for k in "Number of parts" "Degenerate facets" "Edges fixed" "Facets removed" \
		    "Facets added" "Facets reversed" "Backwards edges" "Normals fixed"; do
			local v
			v=$(sed -n "s/^$k *: *\([0-9]*\).*/\1/p" <<<"$out")
			if [ "$k" = "Number of parts" ]; then
				[ "$v" = 1 ] || fail "$f: $k = $v"
			else
				[ "$v" = 0 ] || fail "$f: $k = $v"
			fi
		done
	done
}

@test "partgen: meshcheck catches a non-manifold edge, the voxel repair removes it" {
	run --separate-stderr meshcheck -X "$VOX/edge-diagonal.vox"
	assert_failure
	[[ $stderr == *"used twice in the same direction"* ]]
	run meshcheck -x "$VOX/edge-diagonal.vox"
	assert_success
	assert_line --index 0 "$VOX/edge-diagonal.vox: filled=1 components=1"
	run meshcheck -x "$VOX/corner-diagonal.vox"
	assert_success
	assert_line --index 0 "$VOX/corner-diagonal.vox: filled=2 components=1"
	# a ring (genus 1) and two separate blocks need no repair
	run meshcheck -x "$VOX/mixed.vox" "$VOX/two-blocks.vox"
	assert_success
	assert_line --index 1 --partial "euler=0 volume=12 ok"
	assert_line --index 2 "$VOX/two-blocks.vox: filled=0 components=2"
	run meshcheck -x "$VOX/cube.vox"
	assert_line --index 1 "$VOX/cube.vox: triangles=12 vertices=8 edges=18 euler=2 volume=1 ok"
}

@test "partgen: meshcheck reports a hole and an inward part" {
	partgen -n 1 -o "$BATS_TEST_TMPDIR/p"
	local f="$BATS_TEST_TMPDIR/p/part-0001.stl" n
	n=$(od -An -tu4 -j80 -N4 "$f" | tr -d ' ')
	# drop the last triangle: a hole
	{ head -c 80 "$f"; perl -e 'print pack("V", $ARGV[0])' $((n - 1));
	  tail -c +85 "$f" | head -c $((50 * (n - 1))); } > "$BATS_TEST_TMPDIR/hole.stl"
	run --separate-stderr meshcheck "$BATS_TEST_TMPDIR/hole.stl"
	assert_failure
	[[ $stderr == *"has no opposite (hole or T-junction)"* ]]
	# every triangle turned over (normal negated, v1 and v2 swapped): inside out
	perl -e 'local $/; $_ = <STDIN>; print substr($_, 0, 84);
	    for (my $o = 84; $o < length; $o += 50) {
	        my @f = unpack("f<12", substr($_, $o, 48));
	        print pack("f<12", -$f[0], -$f[1], -$f[2], @f[3..5], @f[9..11], @f[6..8]), "\0\0";
	    }' < "$f" > "$BATS_TEST_TMPDIR/inside-out.stl"
	run --separate-stderr meshcheck "$BATS_TEST_TMPDIR/inside-out.stl"
	assert_failure
	[[ $stderr == *"is not positive (normals point inward)"* ]]
}

@test "partgen: the same seed gives the same bytes, another seed others" {
	partgen --style voxel -n 12 --seed 5 -d 0.3 -o "$BATS_TEST_TMPDIR/a"
	partgen --style voxel -n 12 --seed 5 -d 0.3 -o "$BATS_TEST_TMPDIR/b"
	partgen --style voxel -n 12 --seed 6 -d 0.3 -o "$BATS_TEST_TMPDIR/c"
	diff -r "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	run cmp -s "$BATS_TEST_TMPDIR/a/part-0001.stl" "$BATS_TEST_TMPDIR/c/part-0001.stl"
	assert_failure
	partgen --style voxel -n 12 --seed 5 -d 0.3 --frames > "$BATS_TEST_TMPDIR/f1"
	partgen --style voxel -n 12 --seed 5 -d 0.3 --frames > "$BATS_TEST_TMPDIR/f2"
	cmp "$BATS_TEST_TMPDIR/f1" "$BATS_TEST_TMPDIR/f2"
}

@test "partgen: a part depends on the seed and its number only" {
	partgen --style voxel -n 10 -o "$BATS_TEST_TMPDIR/a"
	partgen --style voxel -n 2 --first 5 -o "$BATS_TEST_TMPDIR/b"
	cmp "$BATS_TEST_TMPDIR/a/part-0005.stl" "$BATS_TEST_TMPDIR/b/part-0005.stl"
	cmp "$BATS_TEST_TMPDIR/a/part-0006.stl" "$BATS_TEST_TMPDIR/b/part-0006.stl"
	run cat "$BATS_TEST_TMPDIR/b/labels.tsv"
	assert_output "$(sed -n '5,6p' "$BATS_TEST_TMPDIR/a/labels.tsv")"
}

@test "partgen: voxel frames carry part, label, stock and removed volumes; geometry agrees" {
	partgen --style voxel -n 12 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	partgen --style voxel -n 12 -o "$BATS_TEST_TMPDIR/p"
	run mdf check -v "$BATS_TEST_TMPDIR/f.mdf"
	assert_output "$BATS_TEST_TMPDIR/f.mdf: 12 frames ok"
	run bash -c "paste <(mdf get part '$BATS_TEST_TMPDIR/f.mdf') <(mdf get label '$BATS_TEST_TMPDIR/f.mdf')"
	assert_output "$(cat "$BATS_TEST_TMPDIR/p/labels.tsv")"
	run mdf ls "$BATS_TEST_TMPDIR/f.mdf"
	assert_line --index 0 --regexp $'^1\tMESH\t[0-9]+\ttriangles=[0-9]+\tpart=part-0001\tlabel=[-+][XYZ]\tsource=partgen\tunits=mm\tbbox=-?[0-9]+,-?[0-9]+,-?[0-9]+:[0-9]+,[0-9]+,[0-9]+\tarea=[0-9]+\tpartgen.seed=1\tpartgen.index=1\tpartgen.stock=[0-9]+x[0-9]+x[0-9]+\tpartgen.features=[4-7]\tpartgen.distractors=0\tremoved.px=[0-9]+\tremoved.mx=[0-9]+\tremoved.py=[0-9]+\tremoved.my=[0-9]+\tremoved.pz=[0-9]+\tremoved.mz=[0-9]+$'
	# the STL holds the same triangles as the frame
	local n
	n=$(od -An -tu4 -j80 -N4 "$BATS_TEST_TMPDIR/p/part-0003.stl" | tr -d ' ')
	run mdf get triangles "$BATS_TEST_TMPDIR/f.mdf"
	assert_line --index 2 "$n"
	# volume = stock - removed; no undercut from the label side; floors face it
	run meshcheck -l "$BATS_TEST_TMPDIR/f.mdf"
	assert_success
	assert_equal "${#lines[@]}" 12
}

@test "partgen: removed volume is largest from the label direction (voxel)" {
	partgen --style voxel -n 30 -d 1 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	local i=0 line
	while IFS=$'\t' read -r -a f; do
		declare -A kv=()
		for x in "${f[@]:3}"; do kv[${x%%=*}]=${x#*=}; done
		local lab=${kv[label]} key best=0 bestk=
		for key in px mx py my pz mz; do
			if [ "${kv[removed.$key]}" -gt "$best" ]; then
				best=${kv[removed.$key]}; bestk=$key
			fi
		done
		case $lab in +X) k=px ;; -X) k=mx ;; +Y) k=py ;; -Y) k=my ;; +Z) k=pz ;; -Z) k=mz ;; esac
		assert_equal "$bestk" "$k"
		[ "${kv[partgen.distractors]}" -ge 1 ] || fail "part ${kv[part]}: no distractor with -d 1"
		i=$((i + 1))
	done < <(mdf ls "$BATS_TEST_TMPDIR/f.mdf")
	assert_equal "$i" 30
	run meshcheck -l "$BATS_TEST_TMPDIR/f.mdf"
	assert_success
}

@test "partgen: --classes restricts and balances the labels, --random-labels draws them" {
	partgen --style voxel -n 10 -c +Z,-Z --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run bash -c "mdf get label '$BATS_TEST_TMPDIR/f.mdf' | sort | uniq -c | awk '{print \$1, \$2}'"
	assert_output $'5 +Z\n5 -Z'
	partgen --style voxel -n 30 -c +X,-Y,+Z --random-labels --frames > "$BATS_TEST_TMPDIR/r.mdf"
	run bash -c "mdf get label '$BATS_TEST_TMPDIR/r.mdf' | sort -u"
	assert_output $'+X\n+Z\n-Y'
}

@test "partgen: --resolution sets the longest stock side in mm" {
	partgen --style voxel -n 3 -r 32 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run mdf get partgen.stock "$BATS_TEST_TMPDIR/f.mdf"
	local s
	for s in "${lines[@]}"; do
		local max
		max=$(tr x '\n' <<<"$s" | sort -n | tail -1)
		assert_equal "$max" 32
	done
}

@test "partgen: leaves no temporary files behind" {
	partgen -n 3 -o "$BATS_TEST_TMPDIR/p"
	run ls -A "$BATS_TEST_TMPDIR/p"
	assert_output $'labels.tsv\npart-0001.stl\npart-0002.stl\npart-0003.stl'
}

@test "partgen: a name with spaces in the output directory works" {
	partgen -n 2 -p "my part" -o "$BATS_TEST_TMPDIR/with space"
	assert_file_exist "$BATS_TEST_TMPDIR/with space/my part-0002.stl"
	run cut -f1 "$BATS_TEST_TMPDIR/with space/labels.tsv"
	assert_output $'my part-0001\nmy part-0002'
}

@test "partgen: usage errors exit 64 with one line and a hint" {
	run --separate-stderr partgen -c +Q --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --classes: '+Q' is not a direction (+X -X +Y -Y +Z -Z)"
	assert_equal "${stderr_lines[1]}" "Try 'partgen --help' for more information."
	run --separate-stderr partgen -c +Z,+Z --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --classes: direction '+Z' given twice"
	run --separate-stderr partgen -d 1.5 --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --distractors: expected a probability from 0 to 1, got '1.5'"
	run --separate-stderr partgen -r 8 --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --resolution: expected a whole number from 16 to 256, got '8'"
	run --separate-stderr partgen --frames -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --frames and --output exclude each other"
	run --separate-stderr partgen -p a/b -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 64 ]
	run --separate-stderr partgen extra
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: unexpected argument 'extra'"
}

@test "partgen: an output directory that cannot be made exits 74 naming it" {
	run --separate-stderr partgen -n 1 -o /dev/null/parts
	[ "$status" -eq 74 ]
	assert_equal "$stderr" "partgen: /dev/null/parts: cannot create directory: Not a directory"
}

@test "partgen: dies quietly of SIGPIPE under head" {
	run -141 --separate-stderr bash -c 'set -o pipefail; partgen -n 200 --frames | head -c1 >/dev/null'
	[ -z "$stderr" ]
}

@test "partgen: cad parts are closed, outward, one body; the kernel's volumes add up" {
	partgen -n 18 --seed 4 -d 0.5 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run meshcheck -f "$BATS_TEST_TMPDIR/f.mdf"
	assert_success
	assert_equal "${#lines[@]}" 18
	refute_output --partial "volume=-"
	# the mesh's volume is the kernel's within 2 %; volume = stock - removed
	paste <(meshcheck -f "$BATS_TEST_TMPDIR/f.mdf" | sed 's/.*volume=\([^ ]*\).*/\1/') \
	    <(mdf ls "$BATS_TEST_TMPDIR/f.mdf") > "$BATS_TEST_TMPDIR/rows"
	run awk -F'\t' '{
		delete kv
		for (i = 5; i <= NF; i++) { k = $i; sub(/=.*/, "", k); v = $i; sub(/^[^=]*=/, "", v); kv[k] = v }
		sum = kv["removed.px"] + kv["removed.mx"] + kv["removed.py"] + kv["removed.my"] + kv["removed.pz"] + kv["removed.mz"]
		if ((kv["part.stock_volume"] - sum - kv["part.volume"]) ^ 2 > (1e-5 * kv["part.volume"]) ^ 2)
			print kv["part"] ": stock - removed != volume"
		if (($1 - kv["part.volume"]) ^ 2 > (0.02 * kv["part.volume"]) ^ 2)
			print kv["part"] ": mesh volume " $1 " vs " kv["part.volume"]
		if (kv["part.style"] != "cad") print kv["part"] ": no part.style=cad"
	}' "$BATS_TEST_TMPDIR/rows"
	assert_output ""
}

@test "partgen: a cad part's label removes the most, by a margin of 1.5 at least" {
	partgen -n 24 --seed 8 -d 1 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run bash -c "mdf ls '$BATS_TEST_TMPDIR/f.mdf' | awk -F'\t' '{
		delete kv
		for (i = 4; i <= NF; i++) { k = \$i; sub(/=.*/, \"\", k); v = \$i; sub(/^[^=]*=/, \"\", v); kv[k] = v }
		split(\"px mx py my pz mz\", key, \" \"); split(\"+X -X +Y -Y +Z -Z\", lab, \" \")
		best = 0; second = 0
		for (d = 1; d <= 6; d++) { r = kv[\"removed.\" key[d]] + 0
			if (r > best) { second = best; best = r; bl = lab[d] } else if (r > second) second = r }
		if (bl != kv[\"label\"]) print kv[\"part\"] \": label \" kv[\"label\"] \" but most from \" bl
		if (best < 1.5 * second) print kv[\"part\"] \": margin \" best / second
		if (kv[\"partgen.distractors\"] + 0 < 1) print kv[\"part\"] \": no distractor with -d 1\"
		if (kv[\"part.margin\"] != \"inf\" && (kv[\"part.margin\"] - best / second) ^ 2 > 1e-4 * (best / second) ^ 2)
			print kv[\"part\"] \": part.margin \" kv[\"part.margin\"] \" vs \" best / second
	}'"
	assert_success
	assert_output ""
}

@test "partgen: cad metadata names the style, stock, edges and features" {
	partgen -n 40 --seed 2 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run bash -c "mdf get part.stock '$BATS_TEST_TMPDIR/f.mdf' | sort -u | tr '\n' ' '"
	assert_output "L bar box cylinder disk plate rod shaft stepped "
	run bash -c "mdf get part.edges '$BATS_TEST_TMPDIR/f.mdf' | sort -u | tr '\n' ' '"
	assert_output "chamfer fillet sharp "
	run bash -c "mdf get part.features '$BATS_TEST_TMPDIR/f.mdf' | tr ',;' '\n\n' | sort -u | wc -l"
	[ "$output" -ge 15 ]
	run bash -c "mdf get part.features '$BATS_TEST_TMPDIR/f.mdf' | grep -vc '^[a-z-]*\(,[a-z-]*\)*\(;[a-z-]*\(,[a-z-]*\)*\)\?$'"
	assert_output 0
	# the stock is not centred: bounding boxes are not symmetric about 0
	run bash -c "mdf get bbox '$BATS_TEST_TMPDIR/f.mdf' | awk -F'[,:]' '{ if ((\$1 + \$4) ^ 2 < 1e-6) n++ } END { print n + 0 }'"
	assert_output 0
	# sizes 5-500 mm, not whole numbers
	run bash -c "mdf get partgen.stock '$BATS_TEST_TMPDIR/f.mdf' | tr x '\n' | awk '\$1 < 0.2 || \$1 > 500 || \$1 == int(\$1)' | wc -l"
	assert_output 0
}

# fields KEY... of every frame of FILE.mdf, tab-separated, one frame a line
fields() {
	local f=$1
	shift
	mdf ls "$f" | awk -F'\t' -v keys="$*" '{
		delete kv
		for (i = 4; i <= NF; i++) { k = $i; sub(/=.*/, "", k); v = $i; sub(/^[^=]*=/, "", v); kv[k] = v }
		n = split(keys, key, " "); line = ""
		for (j = 1; j <= n; j++) line = line (j > 1 ? "\t" : "") kv[key[j]]
		print line
	}'
}

@test "partgen: stepped shafts: 2-4 diameters along any axis; the turned profile is the stock" {
	partgen -n 24 --seed 11 --stock shaft -d 0.5 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run meshcheck -f "$BATS_TEST_TMPDIR/f.mdf"
	assert_success
	refute_output --partial "volume=-"
	run bash -c "mdf get part.stock '$BATS_TEST_TMPDIR/f.mdf' | sort -u"
	assert_output shaft
	fields "$BATS_TEST_TMPDIR/f.mdf" part label part.axis part.diameters partgen.stock \
	    part.stock_volume part.volume part.features removed.px removed.mx removed.py \
	    removed.my removed.pz removed.mz > "$BATS_TEST_TMPDIR/rows"
	# each shaft: 2-4 distinct diameters, the largest its box's width;
	# the stock is the turned profile (less than the bar it came from,
	# more than its thinnest section), and stock - removed = part
	run awk -F'\t' '{
		n = split($4, d, ","); if (n < 2 || n > 4) print $1 ": " n " diameters"
		max = 0; min = 1e30
		for (i = 1; i <= n; i++) { if (d[i] > max) max = d[i]; if (d[i] < min) min = d[i]
			if (i > 1 && (d[i] - d[i-1]) ^ 2 < (0.05 * max) ^ 2) print $1 ": no step between " d[i-1] " and " d[i] }
		split($5, s, "x"); ax = index("xyz", $3); len = s[ax]; w = s[ax % 3 + 1]
		if ((w - max) ^ 2 > (1e-4 * max) ^ 2) print $1 ": width " w " but largest diameter " max
		bar = 3.14159265 * max * max / 4 * len; thin = 3.14159265 * min * min / 4 * len
		if ($6 >= 0.99 * bar || $6 <= thin) print $1 ": stock volume " $6 " not between " thin " and " bar
		sum = $9 + $10 + $11 + $12 + $13 + $14
		if (($6 - sum - $7) ^ 2 > (1e-5 * $7) ^ 2) print $1 ": stock - removed != volume"
	}' "$BATS_TEST_TMPDIR/rows"
	assert_output ""
	# the axis along every axis; labels at an end (features on the end
	# face) and across the axis (flats, keyways, holes into the round face)
	run bash -c "cut -f3 '$BATS_TEST_TMPDIR/rows' | sort -u | tr -d '\n'"
	assert_output xyz
	run awk -F'\t' '{ a = tolower(substr($2, 2, 1)); print (a == $3 ? "end" : "across") }' "$BATS_TEST_TMPDIR/rows"
	assert_line end
	assert_line across
	run awk -F'\t' 'tolower(substr($2, 2, 1)) != $3 { split($8, f, ";"); print f[1] }' "$BATS_TEST_TMPDIR/rows"
	assert_output --regexp '(flat|keyway|cross-hole|radial-hole)'
}

@test "partgen: rods carry milled flats from the label side, across their axis" {
	partgen -n 12 --seed 12 --stock rod --frames > "$BATS_TEST_TMPDIR/f.mdf"
	meshcheck -f "$BATS_TEST_TMPDIR/f.mdf" > /dev/null
	fields "$BATS_TEST_TMPDIR/f.mdf" part label part.axis part.features part.diameters \
	    partgen.stock > "$BATS_TEST_TMPDIR/rows"
	# the label is across the rod's axis; the rod is long and thin
	run awk -F'\t' '{ if (tolower(substr($2, 2, 1)) == $3) print $1 ": label along the axis"
		split($6, s, "x"); ax = index("xyz", $3)
		if ($5 > 0.31 * s[ax]) print $1 ": diameter " $5 " of a rod " s[ax] " long" }' "$BATS_TEST_TMPDIR/rows"
	assert_output ""
	# most begin with a flat (some with two, some with holes in the flat)
	run bash -c "cut -f4 '$BATS_TEST_TMPDIR/rows' | grep -c '^flat'"
	[ "$output" -ge 8 ] || fail "$output of 12 rods begin with a flat"
}

@test "partgen: stock edges: plates with round corners, vertical-edge fillets, top chamfers" {
	partgen -n 40 --seed 13 --stock box,plate --frames > "$BATS_TEST_TMPDIR/f.mdf"
	meshcheck -f "$BATS_TEST_TMPDIR/f.mdf" > /dev/null
	fields "$BATS_TEST_TMPDIR/f.mdf" part part.stock part.edges part.edge_set \
	    partgen.stock > "$BATS_TEST_TMPDIR/rows"
	# a plate's rounded edges run along its thin axis (its corners)
	run awk -F'\t' '$2 == "plate" && $4 ~ /^along-/ { split($5, s, "x")
		t = 1; if (s[2] < s[t]) t = 2; if (s[3] < s[t]) t = 3
		if (substr("xyz", t, 1) != substr($4, 7)) print $1 ": " $4 " but thin along " t }' "$BATS_TEST_TMPDIR/rows"
	assert_output ""
	run awk -F'\t' '$2 == "plate" && $3 == "fillet" && $4 ~ /^along-/' "$BATS_TEST_TMPDIR/rows"
	[ "${#lines[@]}" -ge 1 ] || fail "no plate with round corners"
	run awk -F'\t' '$2 == "box" { print $3, substr($4, 1, 6) }' "$BATS_TEST_TMPDIR/rows"
	assert_line "fillet along-"
	assert_line --regexp ' around$'
	assert_line "sharp none"
	assert_line --regexp ' all$'
}

@test "partgen: cad parts: same seed, same bytes whatever --jobs; another seed, others" {
	partgen -n 6 --seed 7 -d 0.5 -j 1 --frames > "$BATS_TEST_TMPDIR/a"
	partgen -n 6 --seed 7 -d 0.5 -j 3 --frames > "$BATS_TEST_TMPDIR/b"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	partgen -n 4 --seed 7 -d 0.5 --stock shaft,rod -j 1 --frames > "$BATS_TEST_TMPDIR/t1"
	partgen -n 4 --seed 7 -d 0.5 --stock shaft,rod -j 2 --frames > "$BATS_TEST_TMPDIR/t2"
	cmp "$BATS_TEST_TMPDIR/t1" "$BATS_TEST_TMPDIR/t2"
	partgen -n 2 --first 5 --seed 7 -d 0.5 --frames > "$BATS_TEST_TMPDIR/c"
	run bash -c "mdf get area '$BATS_TEST_TMPDIR/a' | sed -n '5,6p'"
	assert_output "$(mdf get area "$BATS_TEST_TMPDIR/c")"
	partgen -n 1 --seed 8 --frames > "$BATS_TEST_TMPDIR/d"
	run cmp -s <(mdf payload "$BATS_TEST_TMPDIR/a") <(mdf payload "$BATS_TEST_TMPDIR/d")
	assert_failure
}

@test "partgen: --style voxel parts do not depend on --jobs either" {
	partgen --style voxel -n 12 -d 0.5 -j 1 --frames > "$BATS_TEST_TMPDIR/a"
	partgen --style voxel -n 12 -d 0.5 -j 4 --frames > "$BATS_TEST_TMPDIR/b"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	run mdf get part.style "$BATS_TEST_TMPDIR/a"
	assert_output ""
}

@test "partgen: --tolerance and --angular set the tessellation; triangle counts span a wide range" {
	partgen -n 1 --seed 3 --size 100 -t 2 --angular 0.7 --frames > "$BATS_TEST_TMPDIR/coarse"
	partgen -n 1 --seed 3 --size 100 -t 0.01 --angular 0.1 --frames > "$BATS_TEST_TMPDIR/fine"
	local c f
	c=$(mdf get triangles "$BATS_TEST_TMPDIR/coarse")
	f=$(mdf get triangles "$BATS_TEST_TMPDIR/fine")
	[ "$f" -gt $((4 * c)) ] || fail "fine $f, coarse $c triangles"
	run mdf get part.tolerance "$BATS_TEST_TMPDIR/fine"
	assert_output 0.01
	meshcheck -f "$BATS_TEST_TMPDIR/fine" "$BATS_TEST_TMPDIR/coarse"
	# drawn per part by default: a few hundred to many thousands of triangles
	partgen -n 30 --seed 1 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run bash -c "mdf get triangles '$BATS_TEST_TMPDIR/f.mdf' | sort -n | sed -n '1p;\$p'"
	[ "${lines[0]}" -lt 600 ] || fail "fewest triangles ${lines[0]}"
	[ "${lines[1]}" -gt 8000 ] || fail "most triangles ${lines[1]}"
}

@test "partgen: --size bounds the longest stock side" {
	partgen -n 6 --size 20:30 --frames > "$BATS_TEST_TMPDIR/f.mdf"
	run bash -c "mdf get partgen.stock '$BATS_TEST_TMPDIR/f.mdf' | awk -Fx '{ m = \$1; if (\$2 > m) m = \$2; if (\$3 > m) m = \$3; if (m < 20 || m > 30) print }'"
	assert_output ""
}

@test "partgen: --format step and brep write CAD files beside labels.tsv" {
	partgen -n 2 --seed 3 -f step -o "$BATS_TEST_TMPDIR/s"
	partgen -n 2 --seed 3 -f brep -o "$BATS_TEST_TMPDIR/b"
	run ls -A "$BATS_TEST_TMPDIR/s"
	assert_output $'labels.tsv\npart-0001.step\npart-0002.step'
	run head -c 13 "$BATS_TEST_TMPDIR/s/part-0001.step"
	assert_output "ISO-10303-21;"
	run ls "$BATS_TEST_TMPDIR/b"
	assert_output $'labels.tsv\npart-0001.brep\npart-0002.brep'
}

@test "partgen: cad usage errors exit 64" {
	run --separate-stderr partgen --style wood --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --style: expected cad or voxel, got 'wood'"
	run --separate-stderr partgen -r 32 --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --resolution applies to --style voxel"
	run --separate-stderr partgen -f step --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --format step, iges or brep needs --output and --style cad"
	run --separate-stderr partgen --size 30:20 --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --size: expected MIN:MAX in mm, 0.1 <= MIN <= MAX <= 10000, got '30:20'"
	run --separate-stderr partgen -t 0 --frames
	[ "$status" -eq 64 ]
	run --separate-stderr partgen -j 0 --frames
	[ "$status" -eq 64 ]
	run --separate-stderr partgen --stock tube --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --stock: 'tube' is not a stock kind (box plate bar L stepped disk cylinder rod shaft)"
	run --separate-stderr partgen --style voxel --stock rod --frames
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "partgen: --stock applies to --style cad"
}

@test "partgen: --help and --version" {
	run partgen --help
	assert_success
	assert_line --index 0 "Usage: partgen [OPTION]..."
	run partgen --version
	assert_output --regexp '^partgen \(milldir\) '
}

@test "partgen: the man page examples run" {
	cd "$BATS_TEST_TMPDIR"
	partgen -n 6 --seed 2 -p test -d 0.5 -o heldout
	assert_file_exist heldout/test-0006.stl
	run bash -c 'set -o pipefail; partgen -n 4 -c +Z,-Z | normrender | metagrid | mdf png views'
	assert_success
	run ls views
	assert_output "$(printf '%06d-part-%04d.png\n' 1 1 2 2 3 3 4 4)"
	partgen -n 1 -o one && run admesh one/part-0001.stl
	assert_success
	assert_line --regexp '^Backwards edges +: +0$'
}
