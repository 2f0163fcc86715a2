#!/bin/sh
# compare.sh: three milling-direction models side by side on the same
# held-out parts: the meta-image classifier, the face-normal embedding
# classifier, and reach(1), the geometric answer that needs no training.
#
#   compare.sh [-n TRAIN] [-t TEST] [-s SEED] [-c DIR] [-o DIR] [-e EXPERIMENT] [-S STORE]
#
# 1. partgen makes TRAIN + TEST labelled parts with one seed; parts
#    1..TRAIN get split=train, the next TEST parts split=test (held out:
#    neither model sees them before prediction).  dnntrain takes its
#    validation parts from the training ones with the same --val-split and
#    --seed for both models, so both validate on the same parts too.
#    With -c DIR, a second held-out set: the labelled parts of DIR (STL,
#    OBJ, PLY or STEP files and DIR/labels.tsv, PART<TAB>LABEL, as
#    partgen -o writes them), for parts that partgen did not make.
# 2. Two data sets from the same MESH frames:
#      image:     normrender | metagrid   (one meta-image per part)
#      embedding: normembed               (one TENS vector per part)
# 3. dnntrain trains IMG_NET on the images and EMB_NET (normmlp, its
#    width set to the embedding's length) on the embeddings.
# 4. dnnpredict classifies the held-out parts with each model; reach
#    measures them (its PRED frames are scored the same way).
# 5. metriclog logs each model as one run of EXPERIMENT in STORE (and each
#    model on the second set as one more): the training metrics, the
#    held-out predictions (test_accuracy, test_f1, ...) and the timings
#    and model size measured here.
# 6. One table on standard output, the three models side by side, per set
#    of parts; then, per set, the parts each model gets wrong that another
#    gets right (all of them in OUT/wrong-SET.tsv).
#
# Every setting is an option or an environment variable (options win);
# the defaults make a quick comparison of a few minutes on two cores.
# The tests run it with tiny settings.  Progress goes to standard error.
# The tools are taken from PATH; the networks are looked up by dnntrain
# (MILLDIR_NETS, the source tree, the installed nets/).
#
# Environment (and defaults):
#   TRAIN_PARTS=300 TEST_PARTS=60 SEED=1   parts, held-out parts, seed
#   PARTGEN_OPTS=                          more partgen options for both
#                                          (e.g. '-d 0.5' for distractors)
#   CAD_PARTS=                             the second set's folder (-c)
#   OUT=compare-out                        working directory (data, models)
#   EXPERIMENT=compare  STORE=mlruns       metriclog experiment and store
#   VAL_SPLIT=0.2                          validation share of train parts
#   IMG_NET=tiny IMG_EPOCHS=30             image network and epochs
#   VIEWS=4x4 VIEW_SIZE=32                 normrender views and pixels
#   RESIZE=                                metagrid --resize (default: the
#                                          image network's width x height)
#   EMB_NET=normmlp EMB_EPOCHS=500         embedding network and epochs
#   BINS=18 FEATURES=mean,moments,bbox,offset,reach   normembed settings
#                                          (18 bins: partgen's voxel faces
#                                          are axis-aligned, finer bins only
#                                          add inputs; the reach channels
#                                          took eval/cad from 0.62 to 0.82
#                                          for a model trained on voxel and
#                                          CAD partgen parts)
#   REACH_OPTS=                            reach(1) options (default: its
#                                          own, 256 samples a side)
#   BATCH=16                               training batch size
#   AUGMENT=                               augment(1) options for the
#                                          training meshes, e.g. AUGMENT=
#                                          '-k -n 2 --rotations z' (none)
#   PRED_REPEAT=20                         timing: predict the held-out
#                                          set this many times over
#
# POSIX sh; needs GNU date (+%s%N) for millisecond timings.

set -eu

prog=${0##*/}

usage() {
	cat <<EOF
Usage: $prog [-n TRAIN] [-t TEST] [-s SEED] [-c DIR] [-o DIR] [-e EXPERIMENT] [-S STORE]
Train the meta-image and the face-normal embedding classifiers on the same
partgen parts; test both, and reach(1), on the same held-out parts (and on
the labelled parts of DIR); log every run with metriclog and print their
scores side by side.

  -n N    training parts (TRAIN_PARTS, default 300)
  -t N    held-out test parts (TEST_PARTS, default 60)
  -s S    seed of parts, split and training (SEED, default 1)
  -c DIR  a second held-out set: DIR/labels.tsv and its parts' files
          (CAD_PARTS)
  -o DIR  working directory (OUT, default compare-out)
  -e NAME metriclog experiment (EXPERIMENT, default compare)
  -S DIR  metriclog store (STORE, default mlruns)
  -h      show this help

Other settings by environment: PARTGEN_OPTS, VAL_SPLIT, IMG_NET, IMG_EPOCHS,
VIEWS, VIEW_SIZE, RESIZE, EMB_NET, EMB_EPOCHS, BINS, FEATURES, REACH_OPTS,
BATCH, AUGMENT, PRED_REPEAT (see the comments at the top of this script).
EOF
}

die() {
	echo "$prog: $*" >&2
	exit 1
}

say() {
	echo "$prog: $*" >&2
}

train_parts=${TRAIN_PARTS:-300}
test_parts=${TEST_PARTS:-60}
seed=${SEED:-1}
cad=${CAD_PARTS:-}
out=${OUT:-compare-out}
experiment=${EXPERIMENT:-compare}
store=${STORE:-mlruns}
val_split=${VAL_SPLIT:-0.2}
img_net=${IMG_NET:-tiny}
img_epochs=${IMG_EPOCHS:-30}
views=${VIEWS:-4x4}
view_size=${VIEW_SIZE:-32}
resize=${RESIZE:-}
emb_net=${EMB_NET:-normmlp}
emb_epochs=${EMB_EPOCHS:-500}
bins=${BINS:-18}
features=${FEATURES:-mean,moments,bbox,offset,reach}
batch=${BATCH:-16}
pred_repeat=${PRED_REPEAT:-20}
augment=${AUGMENT:-}
partgen_opts=${PARTGEN_OPTS:-}
reach_opts=${REACH_OPTS:-}

while getopts n:t:s:c:o:e:S:h opt; do
	case $opt in
	n) train_parts=$OPTARG ;;
	t) test_parts=$OPTARG ;;
	s) seed=$OPTARG ;;
	c) cad=$OPTARG ;;
	o) out=$OPTARG ;;
	e) experiment=$OPTARG ;;
	S) store=$OPTARG ;;
	h) usage; exit 0 ;;
	*) echo "Try '$prog -h' for more information." >&2; exit 64 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -gt 0 ]; then
	echo "$prog: extra operand '$1'" >&2
	echo "Try '$prog -h' for more information." >&2
	exit 64
fi
for v in "$train_parts" "$test_parts" "$seed" "$img_epochs" "$emb_epochs" "$batch" \
    "$pred_repeat"; do
	case $v in
	'' | *[!0-9]*) echo "$prog: '$v' is not a whole number" >&2; exit 64 ;;
	esac
done
[ "$train_parts" -ge 6 ] && [ "$test_parts" -ge 1 ] && [ "$pred_repeat" -ge 1 ] ||
	{ echo "$prog: need at least 6 training parts, 1 test part, PRED_REPEAT 1" >&2; exit 64; }
if [ -n "$cad" ] && [ ! -f "$cad/labels.tsv" ]; then
	echo "$prog: $cad/labels.tsv: cannot open the second set's labels" >&2
	exit 66
fi

for t in partgen mdf augment normrender metagrid normembed dnntrain dnnpredict metriclog \
    reach stl2norm; do
	command -v "$t" >/dev/null 2>&1 || die "$t not found on PATH"
done

# Milliseconds since the epoch (GNU date; whole seconds elsewhere).
now_ms() {
	t=$(date +%s%N)
	case $t in
	*N) echo $(($(date +%s) * 1000)) ;;
	*) echo $((t / 1000000)) ;;
	esac
}

# A network's cfg file: a path, or NAME.cfg where dnntrain looks.
find_cfg() {
	case $1 in
	*/* | *.cfg) [ -f "$1" ] && { echo "$1"; return; } ;;
	esac
	here=$(cd "$(dirname "$0")" && pwd)
	for d in ${MILLDIR_NETS:+"$MILLDIR_NETS"} "$here/nets"; do
		[ -f "$d/$1.cfg" ] && { echo "$d/$1.cfg"; return; }
	done
	die "network '$1' not found (MILLDIR_NETS, $here/nets)"
}

# cfg_key FILE KEY: the value of KEY in the [net] section.
cfg_key() {
	awk -F= -v k="$2" '/^\[/ { n++ } n == 1 && $1 == k { print $2; exit }' "$1"
}

# expect FILE N: FILE holds N frames (sh has no pipefail: a failed
# stage in a pipeline shows up here as missing frames).
expect() {
	got=$(mdf ls "$1" | wc -l | tr -d ' ')
	[ "$got" -eq "$2" ] || die "$1: $got frames, expected $2 (a stage failed?)"
}

# metric RUN KEY: the latest value of metric KEY of run RUN.
metric() {
	metriclog show "$1" --store "$store" |
	    awk -F'\t' -v k="$2" '$1 == "metric" && $2 == k { print $3; exit }'
}

mkdir -p "$out"
stamp=$(date -u +%Y%m%d-%H%M%S)-$$

# --- 1. the parts and the split ------------------------------------------
say "generating $train_parts training and $test_parts held-out parts (seed $seed)"
# shellcheck disable=SC2086
partgen -n "$train_parts" -s "$seed" $partgen_opts | mdf set split=train >"$out/train-mesh.mdf"
# shellcheck disable=SC2086
partgen -n "$test_parts" -s "$seed" --first $((train_parts + 1)) $partgen_opts |
    mdf set split=test >"$out/test-mesh.mdf"
expect "$out/train-mesh.mdf" "$train_parts"
expect "$out/test-mesh.mdf" "$test_parts"
sets="test"
cad_parts=0
if [ -n "$cad" ]; then
	# the labelled parts: PART's file is DIR/PART.stl (or .obj, .ply,
	# .step, .stp), one part a file
	say "reading the second set's parts from $cad"
	awk -F'\t' 'NF >= 2 && $1 != "" && $2 != "" { print $1 }' "$cad/labels.tsv" |
	    while IFS= read -r p; do
		for x in stl STL obj ply step stp; do
			if [ -f "$cad/$p.$x" ]; then
				printf '%s\n' "$cad/$p.$x"
				break
			fi
		done
	    done >"$out/cad-files.txt"
	cad_parts=$(wc -l <"$out/cad-files.txt" | tr -d ' ')
	[ "$cad_parts" -ge 1 ] || die "$cad: no file for any part of labels.tsv"
	tr '\n' '\0' <"$out/cad-files.txt" |
	    xargs -0 stl2norm --labels "$cad/labels.tsv" | mdf set split=test >"$out/cad-mesh.mdf"
	expect "$out/cad-mesh.mdf" "$cad_parts"
	sets="test cad"
fi
# Augmented copies of the training meshes, before both branches: the two
# models learn from the same turned meshes (the held-out ones stay as
# they are).  Copies keep their part's name, so the split stays by part.
train_frames=$train_parts
if [ -n "$augment" ]; then
	say "augmenting the training parts (augment $augment)"
	# shellcheck disable=SC2086
	augment --seed "$seed" $augment <"$out/train-mesh.mdf" >"$out/train-aug.mdf"
	mv "$out/train-aug.mdf" "$out/train-mesh.mdf"
	train_frames=$(mdf ls "$out/train-mesh.mdf" | wc -l | tr -d ' ')
	[ "$train_frames" -ge "$train_parts" ] || die "augment: $train_frames frames"
fi

# count SET: the parts of a held-out set (test or cad)
count() {
	if [ "$1" = test ]; then echo "$test_parts"; else echo "$cad_parts"; fi
}

# --- 2. the models' inputs from the same meshes ------------------------------
img_cfg=$(find_cfg "$img_net")
if [ -z "$resize" ]; then
	resize=$(cfg_key "$img_cfg" width)x$(cfg_key "$img_cfg" height)
fi
render() {
	normrender --views "$views" --size "$view_size" <"$1" |
	    metagrid --grid "$views" --resize "$resize" >"$2"
}
embed() {
	normembed --normalize --bins "$bins" --features "$features" <"$1" >"$2"
}
say "rendering meta-images ($views views of $view_size px, resized to $resize)"
render "$out/train-mesh.mdf" "$out/image-train.mdf"
expect "$out/image-train.mdf" "$train_frames"
say "embedding face normals (--bins $bins --features $features)"
embed "$out/train-mesh.mdf" "$out/embedding-train.mdf"
expect "$out/embedding-train.mdf" "$train_frames"
# the held-out sets, their preparation timed (ms); reach reads the meshes
for set in $sets; do
	t0=$(now_ms)
	render "$out/$set-mesh.mdf" "$out/image-$set.mdf"
	eval "image_prep_$set=\$((\$(now_ms) - t0))"
	t0=$(now_ms)
	embed "$out/$set-mesh.mdf" "$out/embedding-$set.mdf"
	eval "embedding_prep_$set=\$((\$(now_ms) - t0))"
	expect "$out/image-$set.mdf" "$(count "$set")"
	expect "$out/embedding-$set.mdf" "$(count "$set")"
	cp "$out/$set-mesh.mdf" "$out/reach-$set.mdf"
	eval "reach_prep_$set=0"
done

# The embedding network's input width is the embedding's length.
len=$(mdf ls "$out/embedding-test.mdf" | sed -n '1s/.*shape=1x1x\([0-9]*\).*/\1/p')
[ -n "$len" ] || die "$out/embedding-test.mdf: no TENS frame of shape 1x1xL"
sed "s/^width=.*/width=$len/" "$(find_cfg "$emb_net")" >"$out/embedding-net.cfg"

# --- 3.-5. train, predict, log ------------------------------------------------
# predict KIND FILE: KIND's PRED frames for FILE on standard output
predict() {
	if [ "$1" = reach ]; then
		# shellcheck disable=SC2086
		reach $reach_opts <"$2"
	else
		dnnpredict --model "$out/$1-model" <"$2"
	fi
}

# time_parts KIND SET: PRED_MS, the ms per part of predict, and START_MS,
# its start-up, apart from the logged pass: the first part alone
# (start-up, loading the model, plus one part), then the set PRED_REPEAT
# times over; the difference over the extra parts is the cost per part
# without the start-up, measurable even when one part takes much less
# time than the start-up's noise.
time_parts() {
	n=$(count "$2")
	first=$(mdf get part "$out/$1-$2.mdf" | sed -n 1p)
	mdf select part="$first" <"$out/$1-$2.mdf" >"$out/$1-one.mdf"
	one_ms=
	for _ in 1 2 3; do      # the start-up is the noisy part: best of 3
		t0=$(now_ms)
		predict "$1" "$out/$1-one.mdf" >/dev/null
		t=$(($(now_ms) - t0))
		if [ -z "$one_ms" ] || [ "$t" -lt "$one_ms" ]; then one_ms=$t; fi
	done
	i=0
	while [ "$i" -lt "$pred_repeat" ]; do
		cat "$out/$1-$2.mdf"
		i=$((i + 1))
	done >"$out/$1-repeat.mdf"
	t0=$(now_ms)
	predict "$1" "$out/$1-repeat.mdf" >/dev/null
	rep_ms=$(($(now_ms) - t0))
	pred_ms=$(awk -v a="$rep_ms" -v o="$one_ms" -v n=$((n * pred_repeat)) \
	    'BEGIN { if (n < 2) { printf "%.3f", a; exit }
	        d = (a - o) / (n - 1); printf "%.3f", d < 0 ? 0 : d }')
	start_ms=$(awk -v o="$one_ms" -v p="$pred_ms" 'BEGIN { printf "%.0f", o - p }')
	rm -f "$out/$1-one.mdf" "$out/$1-repeat.mdf"
}

# log KIND SET RUN TRAIN_MS: KIND's training metrics (on the first set
# only; reach has none), its predictions of SET and the timings measured
# here, as run RUN.
log() {
	kind=$1 set=$2 name=$3 train_ms=$4
	eval "prep_ms=\$${kind}_prep_$set"
	time_parts "$kind" "$set"
	n=$(count "$set")
	bytes=0
	[ "$kind" = reach ] || bytes=$(wc -c <"$out/$kind-model/best.weights" | tr -d ' ')
	ts=$(now_ms)
	# the measurements as one METR frame (milldir-frame(5))
	{
		printf 'param\tpipeline\t%s\n' "$kind"
		printf 'param\tparts\t%s\n' "$([ "$set" = test ] && echo partgen || echo "$cad")"
		printf 'param\ttrain_parts\t%s\n' "$train_parts"
		printf 'param\ttest_parts\t%s\n' "$n"
		printf 'param\taugment\t%s\n' "${augment:-none}"
		case $kind in
		image)
			printf 'param\tviews\t%s\nparam\tview_size\t%s\nparam\tresize\t%s\n' \
			    "$views" "$view_size" "$resize" ;;
		embedding)
			printf 'param\tembed.bins\t%s\nparam\tembed.features\t%s\n' \
			    "$bins" "$features" ;;
		reach)
			printf 'param\treach.options\t%s\n' "${reach_opts:-default}" ;;
		esac
		printf 'metric\ttrain_seconds\t%s\t0\t%s\n' \
		    "$(awk -v m="$train_ms" 'BEGIN { printf "%.3f", m / 1000 }')" "$ts"
		printf 'metric\tprep_ms_per_part\t%s\t0\t%s\n' \
		    "$(awk -v m="$prep_ms" -v n="$n" 'BEGIN { printf "%.3f", m / n }')" "$ts"
		printf 'metric\tpredict_ms_per_part\t%s\t0\t%s\n' "$pred_ms" "$ts"
		printf 'metric\tpredict_startup_ms\t%s\t0\t%s\n' "$start_ms" "$ts"
		printf 'metric\tmodel_bytes\t%s\t0\t%s\n' "$bytes" "$ts"
	} | mdf wrap METR >"$out/$kind-$set-times.metr"
	{
		if [ "$kind" != reach ] && [ "$set" = test ]; then
			cat "$out/$kind-train.metr"
		fi
		cat "$out/$kind-$set-pred.mdf" "$out/$kind-$set-times.metr"
	} | metriclog --experiment "$experiment" --run-name "$name" \
	    --store "$store" --artifact-root "$out" --quiet
}

# run_name KIND SET: the run of KIND on SET
run_name() {
	if [ "$2" = test ]; then echo "$1-$stamp"; else echo "$1-$2-$stamp"; fi
}

# run KIND [NET EPOCHS]: train KIND on $out/KIND-train.mdf (not reach),
# predict every held-out set and log each as one run.
run() {
	kind=$1
	train_ms=0
	if [ "$kind" != reach ]; then
		rm -rf "$out/$kind-model"
		say "training the $kind model ($2, $3 epochs)"
		t0=$(now_ms)
		dnntrain --net "$2" --val-split "$val_split" --seed "$seed" \
		    --epochs "$3" --batch "$batch" --quiet --out "$out/$kind-model" \
		    <"$out/$kind-train.mdf" >"$out/$kind-train.metr"
		train_ms=$(($(now_ms) - t0))
	fi
	for set in $sets; do
		say "predicting the $set parts with $kind"
		predict "$kind" "$out/$kind-$set.mdf" >"$out/$kind-$set-pred.mdf"
		expect "$out/$kind-$set-pred.mdf" "$(count "$set")"
		log "$kind" "$set" "$(run_name "$kind" "$set")" "$train_ms"
	done
}
run image "$img_net" "$img_epochs"
run embedding "$out/embedding-net.cfg" "$emb_epochs"
run reach

# --- 6. the table --------------------------------------------------------------
# get RUN KEY: the logged value, read back from the store, so the table
# shows what was logged; a missing one is an error, not a blank.
get() {
	v=$(metric "$1" "$2") || v=
	[ -n "$v" ] || die "run $1 in $store: no metric $2"
	echo "$v"
}
row() {
	printf '%-32s %14s %14s %14s\n' "$1" "$2" "$3" "$4"
}
# row_of SET LABEL KEY [SCALE]: the three runs' KEY on SET, divided by
# SCALE if given
row_of() {
	r=
	for kind in image embedding reach; do
		v=$(get "$(run_name "$kind" "$1")" "$3")
		if [ $# -gt 3 ]; then
			v=$(awk -v x="$v" -v s="$4" 'BEGIN { printf "%.1f", x / s }')
		fi
		r="$r $v"
	done
	# shellcheck disable=SC2086
	row "$2" $r
}
# time_row SET: input preparation plus prediction, per part
time_row() {
	r=
	for kind in image embedding reach; do
		n=$(run_name "$kind" "$1")
		r="$r $(awk -v a="$(get "$n" prep_ms_per_part)" \
		    -v b="$(get "$n" predict_ms_per_part)" 'BEGIN { printf "%.3f", a + b }')"
	done
	# shellcheck disable=SC2086
	row "time per part (ms)" $r
}

# wrong SET: the parts each model gets wrong that another gets right:
# all in $out/wrong-SET.tsv (part, label, then each model's label), the
# first ten per model on standard output
wrong() {
	for kind in image embedding reach; do
		mdf get pred.label "$out/$kind-$1-pred.mdf" >"$out/$kind-$1-labels.txt"
	done
	mdf get part "$out/image-$1-pred.mdf" >"$out/$1-parts.txt"
	mdf get label "$out/image-$1-pred.mdf" >"$out/$1-truth.txt"
	{
		printf 'part\tlabel\timage\tembedding\treach\n'
		paste "$out/$1-parts.txt" "$out/$1-truth.txt" "$out/image-$1-labels.txt" \
		    "$out/embedding-$1-labels.txt" "$out/reach-$1-labels.txt"
	} >"$out/wrong-$1.tsv"
	awk -F'\t' 'NR > 1 {
		for (k = 3; k <= 5; k++) {
			if ($k == $2) continue
			other = 0
			for (j = 3; j <= 5; j++) if (j != k && $j == $2) other = 1
			if (!other) continue
			n[k]++
			if (n[k] <= 10) list[k] = list[k] " " $1 "(" $k ")"
		}
	} END {
		split("image embedding reach", name, " ")
		for (k = 3; k <= 5; k++)
			printf("%-10s wrong where another is right: %d%s%s\n", name[k - 2],
			    n[k] + 0, (n[k] ? ":" list[k] : ""), (n[k] > 10 ? " ..." : ""))
	}' "$out/wrong-$1.tsv"
}

# reach_why SET: where reach's label is not the part's label, why: the
# label ambiguous (margin below --min-margin) or another side, and whether
# the side second to reach's best is its opposite (a through feature, or
# round stock whose bounding box's corners both ends reach) or a
# perpendicular one (a step or slot open to that side face)
reach_why() {
	mdf ls "$out/reach-$1-pred.mdf" | awk -F'\t' '
	BEGIN { split("px mx py my pz mz", key, " ") }
	{
		delete m
		for (i = 4; i <= NF; i++) {
			p = index($i, "="); m[substr($i, 1, p - 1)] = substr($i, p + 1)
		}
		if (m["reach.label"] == m["label"]) next
		b = 1; s = 0
		for (k = 2; k <= 6; k++)
			if (m["reach." key[k]] + 0 > m["reach." key[b]] + 0) b = k
		for (k = 1; k <= 6; k++)
			if (k != b && (s == 0 || m["reach." key[k]] + 0 > m["reach." key[s]] + 0)) s = k
		kind = m["reach.label"] == "ambiguous" ? "ambiguous" : "another side"
		n[kind]++
		if (int((b - 1) / 2) == int((s - 1) / 2)) opp[kind]++
	}
	END {
		printf("reach      not the label: ambiguous %d (second side opposite %d, perpendicular %d), another side %d (opposite %d, perpendicular %d)\n",
		    n["ambiguous"], opp["ambiguous"], n["ambiguous"] - opp["ambiguous"],
		    n["another side"], opp["another side"], n["another side"] - opp["another side"])
	}'
}

table=$(
	echo "experiment $experiment, runs *-$stamp"
	for set in $sets; do
		if [ "$set" = test ]; then
			echo "generated parts (partgen, $test_parts held out)"
		else
			echo "second set ($cad, $cad_parts parts)"
		fi
		row "" "image" "embedding" "reach"
		row "network" "$img_net" "$emb_net" "geometry"
		row "input" "$resize meta-image" "$len floats" "MESH"
		row_of "$set" "held-out accuracy" test_accuracy
		row_of "$set" "held-out macro F1" test_f1
		time_row "$set"
		row_of "$set" "training time (s)" train_seconds
		row_of "$set" "input prep per part (ms)" prep_ms_per_part
		row_of "$set" "prediction per part (ms)" predict_ms_per_part
		row_of "$set" "predictor start-up (ms)" predict_startup_ms
		row_of "$set" "model size (KiB)" model_bytes 1024
		wrong "$set"
		reach_why "$set"
	done
)
echo "$table"
