#!/bin/sh
# compare.sh: the meta-image classifier against the face-normal embedding
# classifier, trained and tested on the same parts.
#
#   compare.sh [-n TRAIN] [-t TEST] [-s SEED] [-o DIR] [-e EXPERIMENT] [-S STORE]
#
# 1. partgen makes TRAIN + TEST labelled parts with one seed; parts
#    1..TRAIN get split=train, the next TEST parts split=test (held out:
#    neither model sees them before prediction).  dnntrain takes its
#    validation parts from the training ones with the same --val-split and
#    --seed for both models, so both validate on the same parts too.
# 2. Two data sets from the same MESH frames:
#      image:     normrender | metagrid   (one meta-image per part)
#      embedding: normembed               (one TENS vector per part)
# 3. dnntrain trains IMG_NET on the images and EMB_NET (normmlp, its
#    width set to the embedding's length) on the embeddings.
# 4. dnnpredict classifies the held-out parts with each model.
# 5. metriclog logs each model as one run of EXPERIMENT in STORE: the
#    training metrics, the held-out predictions (test_accuracy, test_f1,
#    ...) and the timings and model size measured here.
# 6. One table on standard output, the two models side by side.
#
# Every setting is an option or an environment variable (options win);
# the defaults make a quick comparison of a few minutes on two cores.
# The tests run it with tiny settings.  Progress goes to standard error.
# The tools are taken from PATH; the networks are looked up by dnntrain
# (MILLDIR_NETS, the source tree, the installed nets/).
#
# Environment (and defaults):
#   TRAIN_PARTS=300 TEST_PARTS=60 SEED=1   parts, held-out parts, seed
#   OUT=compare-out                        working directory (data, models)
#   EXPERIMENT=compare  STORE=mlruns       metriclog experiment and store
#   VAL_SPLIT=0.2                          validation share of train parts
#   IMG_NET=tiny IMG_EPOCHS=30             image network and epochs
#   VIEWS=4x4 VIEW_SIZE=32                 normrender views and pixels
#   RESIZE=                                metagrid --resize (default: the
#                                          image network's width x height)
#   EMB_NET=normmlp EMB_EPOCHS=500         embedding network and epochs
#   BINS=18 FEATURES=mean,moments,bbox,offset   normembed settings (the
#                                          faces of partgen's voxel parts
#                                          are axis-aligned: finer bins
#                                          only add inputs; 300 parts,
#                                          held-out accuracy 0.93 with 18
#                                          bins, 0.88 with 66)
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
Usage: $prog [-n TRAIN] [-t TEST] [-s SEED] [-o DIR] [-e EXPERIMENT] [-S STORE]
Train the meta-image and the face-normal embedding classifiers on the same
partgen parts, test both on the same held-out parts, log both runs with
metriclog and print their scores side by side.

  -n N    training parts (TRAIN_PARTS, default 300)
  -t N    held-out test parts (TEST_PARTS, default 60)
  -s S    seed of parts, split and training (SEED, default 1)
  -o DIR  working directory (OUT, default compare-out)
  -e NAME metriclog experiment (EXPERIMENT, default compare)
  -S DIR  metriclog store (STORE, default mlruns)
  -h      show this help

Other settings by environment: VAL_SPLIT, IMG_NET, IMG_EPOCHS, VIEWS,
VIEW_SIZE, RESIZE, EMB_NET, EMB_EPOCHS, BINS, FEATURES, BATCH, AUGMENT,
PRED_REPEAT (see the comments at the top of this script).
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
features=${FEATURES:-mean,moments,bbox,offset}
batch=${BATCH:-16}
pred_repeat=${PRED_REPEAT:-20}
augment=${AUGMENT:-}

while getopts n:t:s:o:e:S:h opt; do
	case $opt in
	n) train_parts=$OPTARG ;;
	t) test_parts=$OPTARG ;;
	s) seed=$OPTARG ;;
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

for t in partgen mdf augment normrender metagrid normembed dnntrain dnnpredict metriclog; do
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
partgen -n "$train_parts" -s "$seed" | mdf set split=train >"$out/train-mesh.mdf"
partgen -n "$test_parts" -s "$seed" --first $((train_parts + 1)) |
    mdf set split=test >"$out/test-mesh.mdf"
expect "$out/train-mesh.mdf" "$train_parts"
expect "$out/test-mesh.mdf" "$test_parts"
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

# --- 2. both data sets from the same meshes --------------------------------
img_cfg=$(find_cfg "$img_net")
if [ -z "$resize" ]; then
	resize=$(cfg_key "$img_cfg" width)x$(cfg_key "$img_cfg" height)
fi
say "rendering meta-images ($views views of $view_size px, resized to $resize)"
render() {
	normrender --views "$views" --size "$view_size" <"$1" |
	    metagrid --grid "$views" --resize "$resize" >"$2"
}
render "$out/train-mesh.mdf" "$out/image-train.mdf"
t0=$(now_ms)
render "$out/test-mesh.mdf" "$out/image-test.mdf"
img_prep_ms=$(($(now_ms) - t0))
expect "$out/image-train.mdf" "$train_frames"
expect "$out/image-test.mdf" "$test_parts"

say "embedding face normals (--bins $bins --features $features)"
embed() {
	normembed --normalize --bins "$bins" --features "$features" <"$1" >"$2"
}
embed "$out/train-mesh.mdf" "$out/embedding-train.mdf"
t0=$(now_ms)
embed "$out/test-mesh.mdf" "$out/embedding-test.mdf"
emb_prep_ms=$(($(now_ms) - t0))
expect "$out/embedding-train.mdf" "$train_frames"
expect "$out/embedding-test.mdf" "$test_parts"

# The embedding network's input width is the embedding's length.
len=$(mdf ls "$out/embedding-test.mdf" | sed -n '1s/.*shape=1x1x\([0-9]*\).*/\1/p')
[ -n "$len" ] || die "$out/embedding-test.mdf: no TENS frame of shape 1x1xL"
sed "s/^width=.*/width=$len/" "$(find_cfg "$emb_net")" >"$out/embedding-net.cfg"

# --- 3.-5. train, predict, log ------------------------------------------------
# run KIND NET EPOCHS PREP_MS: train on $out/KIND-train.mdf, predict
# $out/KIND-test.mdf, log both and the timings as run KIND-STAMP.
run() {
	kind=$1 net=$2 epochs=$3 prep_ms=$4
	rm -rf "$out/$kind-model"
	say "training the $kind model ($net, $epochs epochs)"
	t0=$(now_ms)
	dnntrain --net "$net" --val-split "$val_split" --seed "$seed" \
	    --epochs "$epochs" --batch "$batch" --quiet --out "$out/$kind-model" \
	    <"$out/$kind-train.mdf" >"$out/$kind-train.metr"
	train_ms=$(($(now_ms) - t0))
	say "predicting the held-out parts with the $kind model"
	dnnpredict --model "$out/$kind-model" <"$out/$kind-test.mdf" >"$out/$kind-pred.mdf"
	expect "$out/$kind-pred.mdf" "$test_parts"
	# Timing apart from the logged pass: the first part alone (start-up,
	# loading Darknet and the weights, plus one part), then the held-out
	# set PRED_REPEAT times over; the difference over the extra parts is
	# the cost per part without the start-up, measurable even when one
	# part takes much less time than the start-up's noise.
	first=$(mdf get part "$out/$kind-test.mdf" | sed -n 1p)
	mdf select part="$first" <"$out/$kind-test.mdf" >"$out/$kind-one.mdf"
	one_ms=
	for _ in 1 2 3; do      # the start-up is the noisy part: best of 3
		t0=$(now_ms)
		dnnpredict --model "$out/$kind-model" <"$out/$kind-one.mdf" >/dev/null
		t=$(($(now_ms) - t0))
		if [ -z "$one_ms" ] || [ "$t" -lt "$one_ms" ]; then one_ms=$t; fi
	done
	i=0
	while [ "$i" -lt "$pred_repeat" ]; do
		cat "$out/$kind-test.mdf"
		i=$((i + 1))
	done >"$out/$kind-repeat.mdf"
	t0=$(now_ms)
	dnnpredict --model "$out/$kind-model" <"$out/$kind-repeat.mdf" >/dev/null
	rep_ms=$(($(now_ms) - t0))
	pred_ms=$(awk -v a="$rep_ms" -v o="$one_ms" -v n=$((test_parts * pred_repeat)) \
	    'BEGIN { if (n < 2) { printf "%.3f", a; exit }
	        d = (a - o) / (n - 1); printf "%.3f", d < 0 ? 0 : d }')
	start_ms=$(awk -v o="$one_ms" -v p="$pred_ms" 'BEGIN { printf "%.0f", o - p }')
	bytes=$(wc -c <"$out/$kind-model/best.weights" | tr -d ' ')
	ts=$(now_ms)
	# the measurements as one METR frame (milldir-frame(5))
	{
		printf 'param\tpipeline\t%s\n' "$kind"
		printf 'param\ttrain_parts\t%s\n' "$train_parts"
		printf 'param\ttest_parts\t%s\n' "$test_parts"
		printf 'param\taugment\t%s\n' "${augment:-none}"
		if [ "$kind" = image ]; then
			printf 'param\tviews\t%s\nparam\tview_size\t%s\nparam\tresize\t%s\n' \
			    "$views" "$view_size" "$resize"
		else
			printf 'param\tembed.bins\t%s\nparam\tembed.features\t%s\n' \
			    "$bins" "$features"
		fi
		printf 'metric\ttrain_seconds\t%s\t0\t%s\n' \
		    "$(awk -v m="$train_ms" 'BEGIN { printf "%.3f", m / 1000 }')" "$ts"
		printf 'metric\tprep_ms_per_part\t%s\t0\t%s\n' \
		    "$(awk -v m="$prep_ms" -v n="$test_parts" 'BEGIN { printf "%.3f", m / n }')" "$ts"
		printf 'metric\tpredict_ms_per_part\t%s\t0\t%s\n' "$pred_ms" "$ts"
		printf 'metric\tpredict_startup_ms\t%s\t0\t%s\n' "$start_ms" "$ts"
		printf 'metric\tmodel_bytes\t%s\t0\t%s\n' "$bytes" "$ts"
	} | mdf wrap METR >"$out/$kind-times.metr"
	cat "$out/$kind-train.metr" "$out/$kind-pred.mdf" "$out/$kind-times.metr" |
	    metriclog --experiment "$experiment" --run-name "$kind-$stamp" \
	    --store "$store" --quiet
}
run image "$img_net" "$img_epochs" "$img_prep_ms"
run embedding "$out/embedding-net.cfg" "$emb_epochs" "$emb_prep_ms"

# --- 6. the table ------------------------------------------------------------
# get KIND KEY: the logged value, read back from the store, so the table
# shows what was logged; a missing one is an error, not a blank.
get() {
	v=$(metric "$1-$stamp" "$2") || v=
	[ -n "$v" ] || die "run $1-$stamp in $store: no metric $2"
	echo "$v"
}
row() {
	printf '%-32s %14s %14s\n' "$1" "$2" "$3"
}
# row_of LABEL KEY [SCALE]: both runs' KEY, divided by SCALE if given
row_of() {
	a=$(get image "$2")
	b=$(get embedding "$2")
	if [ $# -gt 2 ]; then
		a=$(awk -v x="$a" -v s="$3" 'BEGIN { printf "%.1f", x / s }')
		b=$(awk -v x="$b" -v s="$3" 'BEGIN { printf "%.1f", x / s }')
	fi
	row "$1" "$a" "$b"
}
table=$(
	echo "experiment $experiment, runs image-$stamp and embedding-$stamp ($test_parts held-out parts)"
	row "" "image" "embedding"
	row "network" "$img_net" "$emb_net"
	row "input" "$resize meta-image" "$len floats"
	row_of "held-out accuracy" test_accuracy
	row_of "held-out macro F1" test_f1
	row_of "training time (s)" train_seconds
	row_of "input prep per part (ms)" prep_ms_per_part
	row_of "prediction per part (ms)" predict_ms_per_part
	row_of "predictor start-up (ms)" predict_startup_ms
	row_of "model size (KiB)" model_bytes 1024
)
echo "$table"
