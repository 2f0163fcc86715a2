#!/usr/bin/env bats
# compare: pipelines/compare.sh end to end with small settings (a few
# seconds): both models, the same held-out parts, one experiment, one
# table whose numbers are the logged ones.

load test_helper

COMPARE="$MILLDIR_SRCDIR/pipelines/compare.sh"

# small: the settings of a quick run, into $BATS_TEST_TMPDIR.
small() {
	TRAIN_PARTS=12 TEST_PARTS=6 SEED=3 IMG_EPOCHS=2 EMB_EPOCHS=5 VIEWS=2x2 \
	    VIEW_SIZE=16 PRED_REPEAT=2 OUT="$BATS_TEST_TMPDIR/out" \
	    STORE="$BATS_TEST_TMPDIR/mlruns" EXPERIMENT=cmp-test "$@"
}

@test "compare: trains, tests and logs both models, prints one table" {
	local o="$BATS_TEST_TMPDIR/out" t="$BATS_TEST_TMPDIR/table" kind
	# with one turned copy of each training part beside it
	AUGMENT='-k -n 1 --rotations z' small sh "$COMPARE" >"$t" 2>"$BATS_TEST_TMPDIR/log" ||
	    fail "$(cat "$BATS_TEST_TMPDIR/log")"
	run cat "$t"
	assert_line --index 1 --regexp '^ +image +embedding$'
	assert_line --index 2 --regexp '^network +tiny +normmlp$'
	# 18 bins + mean 3 + moments 6 + bbox 3 + offset 18
	assert_line --index 3 --regexp '^input +32x32 meta-image +48 floats$'
	local row
	for row in "held-out accuracy" "held-out macro F1" "training time \(s\)" \
	    "input prep per part \(ms\)" "prediction per part \(ms\)" \
	    "predictor start-up \(ms\)" "model size \(KiB\)"; do
		assert_line --regexp "^$row +[0-9.e+-]+ +[0-9.e+-]+$"
	done

	# the same six held-out parts, none seen in training, predicted by both
	mdf get part "$o/test-mesh.mdf" >"$BATS_TEST_TMPDIR/test-parts"
	[ "$(sort -u "$BATS_TEST_TMPDIR/test-parts" | wc -l)" -eq 6 ]
	mdf get part "$o/image-pred.mdf" | cmp - "$BATS_TEST_TMPDIR/test-parts"
	mdf get part "$o/embedding-pred.mdf" | cmp - "$BATS_TEST_TMPDIR/test-parts"
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

	# the table's accuracy (columns 3 and 4) is the share of PRED frames
	# whose pred.label is the label, model by model
	local col=3 acc
	for kind in image embedding; do
		acc=$(paste <(mdf get label "$o/$kind-pred.mdf") <(mdf get pred.label "$o/$kind-pred.mdf") |
		    awk '$1 == $2 { k++ } END { print k / NR }')
		run awk -v c=$col -v want="$acc" '/^held-out accuracy/ {
		    d = $c - want; if (d < 0) d = -d; print (d < 1e-4) ? "ok" : $c " != " want }' "$t"
		assert_output ok
		col=$((col + 1))
	done
	# the model size is the weights file's
	run awk '/^model size/ { print $4 * 1024, $5 * 1024 }' "$t"
	local wi we
	wi=$(wc -c <"$o/image-model/best.weights")
	we=$(wc -c <"$o/embedding-model/best.weights")
	awk -v a="${output% *}" -v b="${output#* }" -v x="$wi" -v y="$we" \
	    'BEGIN { exit !((a - x < 52 && x - a < 52) && (b - y < 52 && y - b < 52)) }'

	# both runs finished in the one experiment, with the held-out metrics
	run metriclog runs --experiment cmp-test --store "$BATS_TEST_TMPDIR/mlruns"
	assert_success
	[ "$(grep -c $'\tFINISHED\t' <<<"$output")" -eq 2 ]
	assert_output --partial $'\timage-'
	assert_output --partial $'\tembedding-'
	local name
	for name in $(awk -F'\t' 'NR > 1 { print $3 }' <<<"$output"); do
		run metriclog show "$name" --store "$BATS_TEST_TMPDIR/mlruns"
		assert_line --regexp $'^metric\ttest_accuracy\t'
		assert_line --regexp $'^metric\ttest_f1\t'
		assert_line --regexp $'^metric\ttrain_seconds\t'
		assert_line --regexp $'^metric\tpredict_ms_per_part\t'
		assert_line --regexp $'^param\tpipeline\t(image|embedding)$'
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
