#!/usr/bin/env bats
# pipelines/finetune.sh: a pretrained model fine-tuned on a few labelled
# parts, against itself and against the same network trained on them from
# scratch, all three scored on the other parts.

load test_helper

P="$MILLDIR_SRCDIR/pipelines"

setup_file() {
	# tiny, two epochs on 8-pixel views in 32x32 meta-images; 12 other parts
	export SHARED="$BATS_FILE_TMPDIR"
	cd "$SHARED"
	partgen --style voxel -r 16 -n 12 --seed 5 -j 1 -o parts >/dev/null
	stl2norm --labels parts/labels.tsv parts/*.stl | normrender --views 4x4 --size 8 \
		--threads 1 | metagrid --grid 4x4 --resize 32x32 >train.mdf
	dnntrain --net tiny --epochs 2 --quiet --val-split 0 --out model <train.mdf >/dev/null
	partgen --style voxel -r 16 -n 12 --seed 9 -j 1 -p held -o held >/dev/null
	sh "$P/finetune.sh" -m model -n 4 -e 2 -t 1 -o ft held >ft.out
}

@test "finetune: three models scored on the parts not trained on" {
	cd "$SHARED"
	run cat ft.out
	[[ ${lines[0]} == "parts: held: 4 to fine-tune on ("*"), 8 scored" ]]
	[ "${lines[1]}" = "model         accuracy  macro F1" ]
	[[ ${lines[2]} =~ ^pretrained\ +[01]\.[0-9]{4}\ +[01]\.[0-9]{4}$ ]]
	[[ ${lines[3]} =~ ^finetuned\ +[01]\.[0-9]{4}\ +[01]\.[0-9]{4}$ ]]
	[[ ${lines[4]} =~ ^scratch\ +[01]\.[0-9]{4}\ +[01]\.[0-9]{4}$ ]]
	[ "${#lines[@]}" -eq 5 ]
	# the split: 4 and 8 parts, disjoint, together the folder
	[ "$(wc -l <ft/few/labels.tsv)" -eq 4 ]
	[ "$(wc -l <ft/rest/labels.tsv)" -eq 8 ]
	[ "$(ls ft/few/*.stl | wc -l)" -eq 4 ]
	[ "$(ls ft/rest/*.stl | wc -l)" -eq 8 ]
	diff <(sort ft/few/labels.tsv ft/rest/labels.tsv) <(sort held/labels.tsv)
	# the few come from four different labels (the labels take turns)
	[ "$(cut -f2 ft/few/labels.tsv | sort -u | wc -l)" -eq 4 ]
	# each of them in the 24 rotations of the cube, labels remapped: every
	# side 4 times per part
	[ "$(mdf ls ft/few.mdf | wc -l)" -eq 96 ]
	[ "$(mdf get label ft/few.mdf | sort | uniq -c | awk '{ print $1 }' | sort -u)" = 16 ]
	[ "$(mdf get label ft/few.mdf | sort -u | wc -l)" -eq 6 ]
	# prepared as the pretrained model's frames, recorded by both new models
	[ "$(mdf get grid ft/few.mdf | sort -u)" = 4x4 ]
	grep -qx 'input.tile=8x8' ft/finetuned/model.meta
	grep -qx 'input.tile=8x8' ft/scratch/model.meta
	grep -qx 'train_frames=96' ft/finetuned/model.meta
	# fine-tuning changed the pretrained weights
	! cmp -s model/best.weights ft/finetuned/best.weights
	# the pretrained line is evaluate.sh's score of the model on the rest
	local acc
	acc=$(sh "$P/evaluate.sh" -m model ft/rest | sed -n 's/^accuracy *//p')
	[[ ${lines[2]} == "pretrained    $acc "* ]]
}

@test "finetune: the seed chooses the parts" {
	cd "$SHARED"
	run -0 sh "$P/finetune.sh" -m model -n 4 -e 1 -t 1 held
	[ "${lines[0]}" = "$(head -n 1 ft.out)" ]
	run -0 sh "$P/finetune.sh" -m model -n 4 -e 1 -t 1 -s 3 held
	[ "${lines[0]}" != "$(head -n 1 ft.out)" ]
	[[ ${lines[0]} == "parts: held: 4 to fine-tune on ("*"), 8 scored" ]]
}

@test "finetune: usage errors, missing files, too few parts" {
	cd "$SHARED"
	run -64 sh "$P/finetune.sh" held
	run -64 sh "$P/finetune.sh" -m model
	run -64 --separate-stderr sh "$P/finetune.sh" -m model -n x held
	[ "$stderr" = "finetune.sh: -n: want a whole number, not 'x'" ]
	run -64 sh "$P/finetune.sh" -m model -e 0 held
	mkdir -p empty
	run -66 --separate-stderr sh "$P/finetune.sh" -m model empty
	[ "$stderr" = "finetune.sh: empty/labels.tsv: no such file" ]
	run -66 sh "$P/finetune.sh" -m nomodel held
	run -65 --separate-stderr sh "$P/finetune.sh" -m model -n 12 held
	[ "$stderr" = "finetune.sh: held: 12 labelled parts, want more than -n 12" ]
}
