#!/usr/bin/env bats
# compare: pipelines/compare.sh end to end with small settings (a few
# seconds): three models, the same held-out parts and a second labelled
# set, one experiment, one table whose numbers are the logged ones.

load test_helper

COMPARE="$MILLDIR_SRCDIR/pipelines/compare.sh"

# small: the settings of a quick run, into $BATS_TEST_TMPDIR (voxel parts:
# whole millimetres, on which reach's volumes are exact).
small() {
	PARTGEN_OPTS='--style voxel' TRAIN_PARTS=12 TEST_PARTS=6 SEED=3 IMG_EPOCHS=2 EMB_EPOCHS=5 VIEWS=2x2 \
	    VIEW_SIZE=16 PRED_REPEAT=2 OUT="$BATS_TEST_TMPDIR/out" \
	    STORE="$BATS_TEST_TMPDIR/mlruns" EXPERIMENT=cmp-test "$@"
}

@test "compare: trains, tests and logs three models on two sets, prints one table" {
	local o="$BATS_TEST_TMPDIR/out" t="$BATS_TEST_TMPDIR/table" kind set
	# a second set: four labelled parts of another seed, and a file
	# labels.tsv does not name (left out)
	partgen -n 4 -s 11 --style voxel -o "$BATS_TEST_TMPDIR/cad" >/dev/null
	cp "$BATS_TEST_TMPDIR/cad/part-0001.stl" "$BATS_TEST_TMPDIR/cad/stray.stl"
	# with one turned copy of each training part beside it
	AUGMENT='-k -n 1 --rotations z' small sh "$COMPARE" -c "$BATS_TEST_TMPDIR/cad" \
	    >"$t" 2>"$BATS_TEST_TMPDIR/log" || fail "$(cat "$BATS_TEST_TMPDIR/log")"
	run cat "$t"
	assert_line --index 1 "generated parts (partgen, 6 held out)"
	assert_line --index 2 --regexp '^ +image +embedding +reach$'
	assert_line --index 3 --regexp '^network +tiny +normmlp +geometry$'
	# 18 bins + mean 3 + moments 6 + bbox 3 + offset 18
	assert_line --index 4 --regexp '^input +32x32 meta-image +71 floats +MESH$'
	assert_line --index 17 "second set ($BATS_TEST_TMPDIR/cad, 4 parts)"
	local row
	for row in "held-out accuracy" "held-out macro F1" "time per part \(ms\)" \
	    "training time \(s\)" "input prep per part \(ms\)" "prediction per part \(ms\)" \
	    "predictor start-up \(ms\)" "model size \(KiB\)"; do
		[ "$(grep -cE "^$row +[0-9.e+-]+ +[0-9.e+-]+ +[0-9.e+-]+$" "$t")" -eq 2 ] ||
		    fail "row $row"
	done
	for kind in image embedding reach; do
		[ "$(grep -cE "^$kind +wrong where another is right: [0-9]+" "$t")" -eq 2 ] ||
		    fail "no wrong parts line for $kind"
	done
	# why reach missed: none on the generated parts
	run grep -E '^reach +not the label: ' "$t"
	assert_line --index 0 'reach      not the label: ambiguous 0 (second side opposite 0, perpendicular 0), another side 0 (opposite 0, perpendicular 0)'
	[ "${#lines[@]}" -eq 2 ]

	# the same six held-out parts, none seen in training, predicted by all
	mdf get part "$o/test-mesh.mdf" >"$BATS_TEST_TMPDIR/test-parts"
	[ "$(sort -u "$BATS_TEST_TMPDIR/test-parts" | wc -l)" -eq 6 ]
	for kind in image embedding reach; do
		mdf get part "$o/$kind-test-pred.mdf" | cmp - "$BATS_TEST_TMPDIR/test-parts"
		run mdf get part "$o/$kind-cad-pred.mdf"
		assert_output $'part-0001\npart-0002\npart-0003\npart-0004'
	done
	run comm -12 <(mdf get part "$o/train-mesh.mdf" | sort) <(sort "$BATS_TEST_TMPDIR/test-parts")
	assert_output ""
	# the same training/validation split of the same parts for both, the
	# augmented copies going with their parts
	cmp "$o/image-model/split.txt" "$o/embedding-model/split.txt"
	[ "$(wc -l <"$o/image-model/split.txt")" -eq 12 ]
	grep -q $'\tval$' "$o/image-model/split.txt"
	[ "$(mdf ls "$o/train-mesh.mdf" | wc -l)" -eq 24 ]
	for kind in image embedding; do
		run awk -F= '/^(train|val)_frames=/ { n += $2 } END { print n }' "$o/$kind-model/model.meta"
		assert_output 24
	done

	# the table's accuracy (columns 3 to 5) is the share of PRED frames
	# whose pred.label is the label, model by model and set by set
	local col acc line
	for set in test cad; do
		col=3
		for kind in image embedding reach; do
			acc=$(paste <(mdf get label "$o/$kind-$set-pred.mdf") \
			    <(mdf get pred.label "$o/$kind-$set-pred.mdf") |
			    awk '$1 == $2 { k++ } END { print k / NR }')
			line=$([ $set = test ] && echo 1 || echo 2)
			run awk -v c=$col -v want="$acc" -v l="$line" '/^held-out accuracy/ && ++n == l {
			    d = $c - want; if (d < 0) d = -d; print (d < 1e-4) ? "ok" : $c " != " want }' "$t"
			assert_output ok
			col=$((col + 1))
		done
	done
	# reach labels partgen's parts right (their volumes are exact)
	run awk '/^held-out accuracy/ { print $5 }' "$t"
	assert_output $'1\n1'
	# the wrong parts' list agrees with the predictions
	run awk -F'\t' 'NR > 1 && $5 != $2 && ($3 == $2 || $4 == $2) { n++ } END { print n + 0 }' \
	    "$o/wrong-test.tsv"
	grep -q "^reach      wrong where another is right: $output" "$t"
	# the model size is the weights file's
	run awk '/^model size/ && ++n == 1 { print $4 * 1024, $5 * 1024 }' "$t"
	local wi we
	wi=$(wc -c <"$o/image-model/best.weights")
	we=$(wc -c <"$o/embedding-model/best.weights")
	awk -v a="${output% *}" -v b="${output#* }" -v x="$wi" -v y="$we" \
	    'BEGIN { exit !((a - x < 52 && x - a < 52) && (b - y < 52 && y - b < 52)) }'

	# six runs finished in the one experiment, with the held-out metrics
	run metriclog runs --experiment cmp-test --store "$BATS_TEST_TMPDIR/mlruns"
	assert_success
	[ "$(grep -c $'\tFINISHED\t' <<<"$output")" -eq 6 ]
	for kind in image embedding reach; do
		assert_output --partial $'\t'"$kind-2"
		assert_output --partial $'\t'"$kind-cad-"
	done
	local name
	for name in $(awk -F'\t' 'NR > 1 { print $3 }' <<<"$output"); do
		run metriclog show "$name" --store "$BATS_TEST_TMPDIR/mlruns"
		assert_line --regexp $'^metric\ttest_accuracy\t'
		assert_line --regexp $'^metric\ttest_f1\t'
		assert_line --regexp $'^metric\ttrain_seconds\t'
		assert_line --regexp $'^metric\tpredict_ms_per_part\t'
		assert_line --regexp $'^param\tpipeline\t(image|embedding|reach)$'
		assert_line $'param\taugment\t-k -n 1 --rotations z'
	done
}

@test "compare: misuse is refused with exit 64 and a hint" {
	run -64 --separate-stderr sh "$COMPARE" -x
	assert_equal "${stderr_lines[-1]}" "Try 'compare.sh -h' for more information."
	run -64 --separate-stderr sh "$COMPARE" -n many
	[ "$stderr" = "compare.sh: 'many' is not a whole number" ]
	run -64 --separate-stderr sh "$COMPARE" extra
	[ "${stderr_lines[0]}" = "compare.sh: extra operand 'extra'" ]
	run -64 --separate-stderr env TEST_PARTS=0 sh "$COMPARE"
	run -66 --separate-stderr sh "$COMPARE" -c "$BATS_TEST_TMPDIR/nothing"
	[ "$stderr" = "compare.sh: $BATS_TEST_TMPDIR/nothing/labels.tsv: cannot open the second set's labels" ]
	run sh "$COMPARE" -h
	assert_success
	assert_line --index 0 --partial "Usage: compare.sh"
}

@test "compare: a stage failing inside a pipeline stops the run" {
	# sh has no pipefail: a normrender that fails must still be noticed
	mkdir "$BATS_TEST_TMPDIR/fake"
	printf '#!/bin/sh\necho "normrender: broken" >&2\nexit 70\n' >"$BATS_TEST_TMPDIR/fake/normrender"
	chmod +x "$BATS_TEST_TMPDIR/fake/normrender"
	PATH="$BATS_TEST_TMPDIR/fake:$PATH" run -1 --separate-stderr small sh "$COMPARE"
	assert_equal "${stderr_lines[-1]}" \
	    "compare.sh: $BATS_TEST_TMPDIR/out/image-train.mdf: 0 frames, expected 12 (a stage failed?)"
	[ -z "$output" ]
	[ ! -e "$BATS_TEST_TMPDIR/mlruns" ]
}

@test "compare: a missing tool is named before any work" {
	run -1 --separate-stderr env PATH=/usr/bin:/bin sh "$COMPARE" -o "$BATS_TEST_TMPDIR/o"
	[ "$stderr" = "compare.sh: partgen not found on PATH" ]
	[ ! -e "$BATS_TEST_TMPDIR/o" ]
}
