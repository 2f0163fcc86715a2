#!/usr/bin/env bats
# pipelines/evaluate.sh: a model scored on a folder of labelled parts,
# its frames prepared as the model recorded; and the recorded preparation
# itself (dnntrain writes it, dnnpredict refuses frames made otherwise).

load test_helper

P="$MILLDIR_SRCDIR/pipelines"

setup_file() {
	# tiny trained for a few epochs on 16x16 views in 32x32 meta-images
	export SHARED="$BATS_FILE_TMPDIR"
	cd "$SHARED"
	partgen -n 12 --seed 5 -o parts >/dev/null
	stl2norm --labels parts/labels.tsv parts/*.stl | normrender --views 4x4 --size 8 \
		--threads 1 | metagrid --grid 4x4 --resize 32x32 >train.mdf
	dnntrain --net tiny --epochs 2 --quiet --val-split 0 --out model <train.mdf >/dev/null
	partgen -n 6 --seed 9 -p held -o held >/dev/null
}

@test "evaluate: the model records how its frames were made" {
	cd "$SHARED"
	grep -qx 'input.type=IMAG' model/model.meta
	grep -qx 'input.grid=4x4' model/model.meta
	grep -qx 'input.tile=8x8' model/model.meta
	grep -qx 'input.width=32' model/model.meta
	grep -qx 'input.view.normals=world' model/model.meta
	run -0 dnnpredict --model model --preparation
	assert_line 'type=IMAG'
	assert_line 'grid=4x4'
	assert_line 'tile=8x8'
}

@test "evaluate: frames made otherwise are refused (exit 65) unless --force" {
	cd "$SHARED"
	stl2norm -l +X parts/part-0001.stl | normrender --views 2x2 --size 16 --threads 1 |
		metagrid --grid 2x2 >other.mdf
	run -65 --separate-stderr dnnpredict --model model other.mdf
	[ "$stderr" = "dnnpredict: other.mdf: frame 1 (byte 0): prepared otherwise than the model's training frames: grid=2x2, the model was trained on grid=4x4 (see model/model.meta; --force to classify it anyway)" ] ||
		{ echo "$stderr"; false; }
	run -0 dnnpredict --model model --force --text other.mdf
	[ "${#lines[@]}" -eq 1 ]
	# the camera-space normals too
	stl2norm -l +X parts/part-0001.stl | normrender --views 4x4 --size 8 --threads 1 \
		--normals camera | metagrid --grid 4x4 >cam.mdf
	run -65 --separate-stderr dnnpredict --model model cam.mdf
	[[ $stderr == *"view.normals=camera, the model was trained on view.normals=world"* ]]
}

@test "evaluate: scores a folder of labelled parts: accuracy, F1, confusion, recall, the wrong parts" {
	cd "$SHARED"
	run -0 --separate-stderr sh "$P/evaluate.sh" -m model -o ev held
	assert_line "parts:     held (6 parts)"
	# the printed accuracy is the fraction of right predictions
	local acc right
	acc=$(sed -n 's/^accuracy *//p' <<<"$output")
	right=$(paste <(mdf get label ev/predictions.mdf) <(mdf get pred.label ev/predictions.mdf) |
		awk -F'\t' '$1 == $2' | wc -l)
	awk -v a="$acc" -v r="$right" 'BEGIN { d = a - r / 6; exit !(d < 1e-4 && d > -1e-4) }'
	assert_line --regexp '^macro F1   [0-9.]+$'
	# every part was prepared as the model's training frames
	[ "$(mdf get grid ev/predictions.mdf | sort -u)" = 4x4 ]
	[ "$(mdf get part ev/predictions.mdf | wc -l)" -eq 6 ]
	# a 6x6 matrix, six recalls, one line per wrong part
	[ "$(grep -c '^[+-][XYZ] ' <<<"$output")" -eq 6 ]
	[ "$(grep -c '^  [+-][XYZ] [0-9.]*$' <<<"$output")" -eq 6 ]
	local wrong
	wrong=$(sed -n '/^wrong/,$p' <<<"$output" | grep -c '^  held-' || true)
	[ "$wrong" -eq $((6 - right)) ]
}

@test "evaluate: usage errors and a folder without labels" {
	cd "$SHARED"
	run -64 sh "$P/evaluate.sh" -m model
	mkdir -p empty
	run -66 sh "$P/evaluate.sh" -m model empty
}
