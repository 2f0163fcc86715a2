#!/bin/sh
# pipelines/demo.sh: the whole milldir workflow, end to end, on generated parts.
#
#   sh pipelines/demo.sh            (what `make demo` runs)
#
#  1. partgen makes labelled training parts of both its styles (1 mm voxel
#     parts and CAD-grade parts from Open CASCADE: round, filleted,
#     chamfered, thin and pre-shaped stock) and, with other seeds,
#     held-out parts of both styles that training never sees;
#  2. pipelines/dataset.mk renders both into meta-images (the training set
#     augmented with rotations of the cube, which remap the labels);
#  3. dnntrain trains the network, every epoch logged by metriclog to an
#     MLflow file store;
#  4. metriclog best picks the best finished run of the experiment (not the
#     latest), dnnpredict classifies the held-out parts with its model, and
#     metriclog logs those predictions as a run of their own;
#  5. evaluate.sh scores the same model on parts another program made
#     (CAD_PARTS: the OpenSCAD parts of eval/cad, `make eval-parts`);
#  6. a summary: held-out accuracy on generated and on CAD parts, macro F1,
#     the confusion matrix and the time of every stage; meta-image PNGs
#     and the confusion heat map are left under $DEMO to look at.
#
# Every setting is an environment variable (defaults in brackets):
#   DEMO        output directory [demo]
#   PARTS HELD  training and held-out voxel parts [120 60]
#   CAD_TRAIN CAD_HELD  training and held-out CAD-style parts [120 60]
#   CAD_PARTS   labelled folder of parts another program made, scored
#               at the end (empty: skipped) [eval/cad/stl]
#   DISTRACTORS partgen --distractors: features cut from other sides [0.5]
#   VIEWS SIZE  views per part and their pixel size [10x10 32]
#   INPUT       side of the network input and the meta-image [64]
#   AUGMENT     augment options for the training parts
#               [-n 3 --keep-original --rotations cube]
#   NET         network name or cfg [efficientnet-lite0]
#   EPOCHS BATCH LR  training [30 16 and the cfg's rate]
#   POLICY      learning-rate policy [poly: decays to 0 at the last epoch]
#   PATIENCE    stop after this many epochs without a better F1 [10]
#   THREADS     OpenBLAS threads [2]
#   EXPERIMENT  MLflow experiment [milldir-demo]
#   MIN_ACCURACY  exit 1 when either held-out accuracy is lower [0.90]
# The tools are taken from PATH; networks from MILLDIR_NETS.
set -eu

: "${DEMO:=demo}"
: "${PARTS:=120}" "${HELD:=60}" "${DISTRACTORS:=0.5}"
: "${CAD_TRAIN:=120}" "${CAD_HELD:=60}" "${CAD_PARTS=eval/cad/stl}"
: "${VIEWS:=10x10}" "${SIZE:=32}" "${INPUT:=64}"
: "${AUGMENT:=-n 3 --keep-original --rotations cube}"
: "${NET:=efficientnet-lite0}" "${EPOCHS:=30}" "${BATCH:=16}" "${LR:=}"
: "${POLICY:=poly}"
: "${PATIENCE:=10}" "${THREADS:=2}"
: "${EXPERIMENT:=milldir-demo}" "${MIN_ACCURACY:=0.90}"

here=$(cd "$(dirname "$0")" && pwd)
store=$DEMO/mlruns
export LC_ALL=C

# Stage timing: `stage NAME` starts one, `stage_end` records it.
timings=$DEMO/timings.tsv
now() { date +%s.%N; }
stage() { stage_name=$1; stage_t0=$(now); echo "demo: $1" >&2; }
stage_end() {
	awk -v n="$stage_name" -v t0="$stage_t0" -v t1="$(now)" \
		'BEGIN { printf "%s\t%.1f\n", n, t1 - t0 }' >>"$timings"
}

for tool in partgen stl2norm normrender metagrid augment dnntrain dnnpredict metriclog mdf; do
	command -v "$tool" >/dev/null ||
		{ echo "demo: $tool not found on PATH (run ./bootstrap first)" >&2; exit 1; }
done

mkdir -p "$DEMO"
: >"$timings"

stage "generate parts"
# Both styles in one folder each: labels.tsv of the second appended.
gen() { # DIR STYLE COUNT SEED PREFIX
	[ "$3" -gt 0 ] || return 0
	partgen --style "$2" -n "$3" --seed "$4" --distractors "$DISTRACTORS" \
		-p "$5" -o "$DEMO/$5-parts" >/dev/null
	mkdir -p "$1"
	mv "$DEMO/$5-parts"/*.stl "$1"/
	cat "$DEMO/$5-parts/labels.tsv" >>"$1/labels.tsv"
	rm -r "$DEMO/$5-parts"
}
rm -rf "$DEMO/parts" "$DEMO/held"
gen "$DEMO/parts" voxel "$PARTS" 1 part
gen "$DEMO/parts" cad "$CAD_TRAIN" 3 cadpart
gen "$DEMO/held" voxel "$HELD" 2 held
gen "$DEMO/held" cad "$CAD_HELD" 4 cadheld
stage_end

# A network at the demo's input size: the same layers, another [net] size.
cfg=$NET
case $NET in
*.cfg) ;;
*)	cfg=${MILLDIR_NETS:-$here/nets}/$NET.cfg
	[ -f "$cfg" ] || cfg=$here/nets/$NET.cfg ;;
esac
[ -f "$cfg" ] || { echo "demo: $cfg: no such network" >&2; exit 1; }
net=$DEMO/$(basename "$cfg" .cfg)-$INPUT.cfg
sed -e "s/^width=.*/width=$INPUT/" -e "s/^height=.*/height=$INPUT/" "$cfg" >"$net"

stage "render data sets"
make -s -f "$here/dataset.mk" PARTS="$DEMO/parts" OUT="$DEMO/data" \
	VIEWS="$VIEWS" SIZE="$SIZE" RESIZE="${INPUT}x$INPUT" AUGMENT="$AUGMENT" -j2 \
	>"$DEMO/dataset.log"
make -s -f "$here/dataset.mk" PARTS="$DEMO/held" OUT="$DEMO/heldout" \
	VIEWS="$VIEWS" SIZE="$SIZE" RESIZE="${INPUT}x$INPUT" AUGMENT= -j2 \
	>>"$DEMO/dataset.log"
stage_end

# A few meta-images to look at, full size.
mkdir -p "$DEMO/png"
for p in part-0001 part-0002 part-0003; do
	stl2norm -l "$(grep "^$p	" "$DEMO/parts/labels.tsv" | cut -f2)" "$DEMO/parts/$p.stl" |
		normrender --views "$VIEWS" --size 64 | metagrid | mdf png "$DEMO/png"
done

stage "train $NET"
rm -rf "$DEMO/model"
# shellcheck disable=SC2086
dnntrain --net "$net" --epochs "$EPOCHS" --batch "$BATCH" ${LR:+--lr "$LR"} --policy "$POLICY" \
	--patience "$PATIENCE" --threads "$THREADS" --val-split 0.2 --seed 1 \
	--out "$DEMO/model" <"$DEMO/data/dataset.mdf" |
	metriclog --store "$store" --experiment "$EXPERIMENT" --run-name "train-$NET" \
		--artifact-root "$DEMO" -q
stage_end

stage "select the best run"
best=$(metriclog best --store "$store" --experiment "$EXPERIMENT" --metric val_f1)
echo "demo: best model: $best" >&2
stage_end

stage "predict held-out parts"
dnnpredict --model "$best" --threads "$THREADS" <"$DEMO/heldout/dataset.mdf" |
	metriclog --store "$store" --experiment "$EXPERIMENT" --run-name "heldout-$NET" \
		2>"$DEMO/heldout.txt"
stage_end

# The held-out run is the newest run directory of the experiment.
run=$(sed -n "s/^metriclog: run \([0-9a-f]*\) in experiment .*/\1/p" "$DEMO/heldout.txt")
rundir=$(ls -d "$store"/*/"$run")
last() { tail -n 1 "$rundir/metrics/$1" | cut -d' ' -f2; }
accuracy=$(last accuracy)
f1=$(last f1)
cp "$rundir/artifacts/confusion.png" "$rundir/artifacts/confusion.tsv" "$DEMO/"

# Parts another program made, prepared as the model records (evaluate.sh).
cad_accuracy=
if [ -n "$CAD_PARTS" ]; then
	stage "score parts of $CAD_PARTS"
	rm -rf "$DEMO/cad"
	sh "$here/evaluate.sh" -m "$best" -o "$DEMO/cad" "$CAD_PARTS" >"$DEMO/cad.txt"
	cad_accuracy=$(sed -n 's/^accuracy *//p' "$DEMO/cad.txt" | head -n 1)
	stage_end
fi

echo
echo "milldir demo: $NET at ${INPUT}x$INPUT, $PARTS voxel + $CAD_TRAIN CAD training parts," \
	"$HELD + $CAD_HELD held-out parts"
printf 'held-out accuracy (generated parts) %.4f\n' "$accuracy"
printf 'held-out macro F1 (generated parts) %.4f\n' "$f1"
[ -z "$cad_accuracy" ] ||
	printf 'held-out accuracy (CAD parts) %.4f   (%s; details in %s)\n' \
		"$cad_accuracy" "$CAD_PARTS" "$DEMO/cad.txt"
echo
echo "confusion matrix (rows: true direction, columns: predicted)"
column -t -s '	' "$DEMO/confusion.tsv" 2>/dev/null || cat "$DEMO/confusion.tsv"
echo
echo "time per stage (s)"
column -t -s '	' "$timings" 2>/dev/null || cat "$timings"
echo
echo "look at: $DEMO/png/*.png (meta-images), $DEMO/confusion.png"
echo "runs:    metriclog runs --store $store --experiment $EXPERIMENT"

status=0
awk -v a="$accuracy" -v m="$MIN_ACCURACY" 'BEGIN { exit !(a >= m) }' || {
	echo "demo: held-out accuracy (generated parts) $accuracy is below $MIN_ACCURACY" >&2
	status=1
}
[ -z "$cad_accuracy" ] ||
	awk -v a="$cad_accuracy" -v m="$MIN_ACCURACY" 'BEGIN { exit !(a >= m) }' || {
	echo "demo: held-out accuracy (CAD parts) $cad_accuracy is below $MIN_ACCURACY" >&2
	status=1
}
exit $status
