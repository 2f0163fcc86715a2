#!/usr/bin/env bats
# The pipelines of pipelines/: a reduced demo end to end, train.sh,
# predict.sh and the sweep.

load test_helper

P="$MILLDIR_SRCDIR/pipelines"

setup_file() {
	# One small data set for the train/predict/sweep tests.
	export SHARED="$BATS_FILE_TMPDIR"
	cd "$SHARED"
	partgen -n 24 --seed 5 -o parts >/dev/null
	make -s -f "$MILLDIR_SRCDIR/pipelines/dataset.mk" PARTS=parts OUT=data \
		SIZE=16 RESIZE=32x32 -j2 >/dev/null
}

@test "pipelines: the demo runs end to end with tiny.cfg and beats chance" {
	cd "$BATS_TEST_TMPDIR"
	# parts another program made: here partgen's voxel style with another
	# seed stands in for eval/cad (OpenSCAD takes minutes)
	partgen --style voxel -n 6 --seed 9 -p other -o other >/dev/null
	# (the criterion's gate is the next test's: 6 parts scored here)
	run --separate-stderr env DEMO=d NET=tiny PARTS=36 HELD=18 CAD_TRAIN=12 CAD_HELD=6 \
		CAD_PARTS=other SIZE=16 INPUT=32 \
		AUGMENT='-n 1 --keep-original --rotations cube' EPOCHS=25 PATIENCE=0 \
		EMB_EPOCHS=60 MIN_ACCURACY=0 sh "$P/demo.sh"
	echo "$stderr"
	assert_success
	# every stage left valid output
	mdf check d/data/dataset.mdf d/embedding.mdf
	# 36 voxel and 12 CAD parts, 2 copies each, for both models
	[ "$(mdf ls d/data/dataset.mdf | wc -l)" -eq 96 ]
	[ "$(mdf ls d/embedding.mdf | wc -l)" -eq 96 ]
	# the embedding model records how its vectors were made
	grep -qx 'input.type=TENS' d/emb-model/model.meta
	grep -qx 'input.embed.features=mean,moments,bbox,offset,reach' d/emb-model/model.meta
	# 18 + 6 held out, scored by both models
	for k in image embedding; do
		[ "$(mdf get part d/eval/$k-held/predictions.mdf | wc -l)" -eq 24 ]
		[ "$(mdf get part d/eval/$k-held/predictions.mdf | grep -c '^cadheld-')" -eq 6 ]
		# the parts another program made were scored by evaluate.sh
		grep -q '^accuracy' d/eval/$k-cad.txt
		[ "$(mdf get part d/eval/$k-cad/predictions.mdf | grep -c '^other-')" -eq 6 ]
	done
	local cad
	cad=$(sed -n 's/^held-out accuracy (CAD parts) \([0-9.]*\) .*/\1/p' <<<"$output")
	awk -v a="$cad" 'BEGIN { exit !(a >= 0 && a <= 1) }'
	assert_file_exists d/model/best.weights
	assert_file_exists d/emb-model/best.weights
	assert_file_exists d/confusion.png
	[ "$(ls d/png/*.png | wc -l)" -eq 3 ]
	# six finished runs: two trainings, each model on two held-out sets
	[ "$(metriclog runs --store d/mlruns --experiment milldir-demo | grep -c FINISHED)" -eq 6 ]
	# the side-by-side table and the serving model: the better validation F1
	assert_line --regexp '^image +tiny 32x32 +[01]\.[0-9]{4} +[01]\.[0-9]{4} +[01]\.[0-9]{4}$'
	assert_line --regexp '^embedding +normmlp 18 bins +[01]\.[0-9]{4} +[01]\.[0-9]{4} +[01]\.[0-9]{4}$'
	local fi fe want
	fi=$(sed -n 's/^best_val_f1=//p' d/model/model.meta)
	fe=$(sed -n 's/^best_val_f1=//p' d/emb-model/model.meta)
	want=$(awk -v i="$fi" -v e="$fe" 'BEGIN { print (e > i) ? "embedding" : "image" }')
	assert_line --partial "serving: the $want model"
	# the summary: accuracy well above chance (1/6) and a 6x6 confusion matrix
	local acc
	acc=$(sed -n 's/^held-out accuracy (generated parts) *//p' <<<"$output")
	awk -v a="$acc" 'BEGIN { exit !(a > 0.25) }'
	[ "$(grep -c '^[+-][XYZ] ' <<<"$output")" -eq 6 ]
	assert_output --partial "time per stage (s)"
}

@test "pipelines: the demo fails when held-out accuracy is below the criterion" {
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr env DEMO=d NET=tiny PARTS=12 HELD=6 CAD_TRAIN=0 CAD_HELD=0 \
		CAD_PARTS= SIZE=8 INPUT=32 \
		AUGMENT= EPOCHS=1 EMB_NET= PATIENCE=0 MIN_ACCURACY=1.01 sh "$P/demo.sh"
	[ "$status" -eq 1 ]
	[[ $stderr == *"demo: held-out accuracy (generated parts) "*" is below 1.01" ]]
}

@test "pipelines: train.sh logs a run and prints its model, predict.sh uses it" {
	cd "$SHARED"
	run --separate-stderr sh "$P/train.sh" -n tiny -e 3 -x t "$SHARED/data/dataset.mdf" --quiet
	assert_success
	local model=$output
	assert_file_exists "$model/best.weights"
	assert_file_exists "$model/labels.txt"
	[[ $model == "$SHARED/mlruns/"*"/artifacts/"* ]]
	run --separate-stderr env SIZE=16 RESIZE=32x32 sh "$P/predict.sh" -x t parts/part-0001.stl parts/part-0002.stl
	assert_success
	[ "${#lines[@]}" -eq 2 ]
	assert_line --index 0 --regexp $'^part-0001\t[+-][XYZ]\t0\\.[0-9]+'
}

@test "pipelines: train.sh and predict.sh refuse misuse with exit 64" {
	run sh "$P/train.sh"
	[ "$status" -eq 64 ]
	run sh "$P/predict.sh" -q
	[ "$status" -eq 64 ]
}

@test "pipelines: sweep.mk trains every grid point once and prints the best model" {
	# as a user runs it: not as a sub-make of `make check`, whose flags
	# would add "Entering directory" lines to the output
	cd "$SHARED"
	run --separate-stderr env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -f "$P/sweep.mk" DATA=data/dataset.mdf EPOCHS=2 \
		LRS='0.01 0.1' BATCHES=8 EXPERIMENT=sw -j2
	assert_success
	assert_dir_exists "$output"
	[ "$(metriclog runs --experiment sw | grep -c FINISHED)" -eq 2 ]
	# a second sweep with one new point trains only that point
	run --separate-stderr env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -f "$P/sweep.mk" DATA=data/dataset.mdf EPOCHS=2 \
		LRS='0.01 0.1 0.05' BATCHES=8 EXPERIMENT=sw
	assert_success
	[ "$(metriclog runs --experiment sw | grep -c FINISHED)" -eq 3 ]
	# the best is a run with the highest val_f1 reached among the three
	local best_run exp top mine
	best_run=$(metriclog best --experiment sw)
	best_run=${best_run%%/artifacts/*}
	exp=$(dirname "$(grep -l '^name: sw$' "$SHARED"/mlruns/*/meta.yaml)")
	top=$(cat "$exp"/*/metrics/val_f1 | cut -d' ' -f2 | sort -g | tail -n 1)
	mine=$(cut -d' ' -f2 "$best_run/metrics/val_f1" | sort -g | tail -n 1)
	assert_equal "$mine" "$top"
}
