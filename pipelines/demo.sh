#!/bin/sh
# pipelines/demo.sh: the whole milldir workflow, end to end, on generated parts.
#
#   sh pipelines/demo.sh            (what `make demo` runs)
#
#  1. partgen makes labelled training parts of both its styles (1 mm voxel
#     parts and CAD-grade parts from Open CASCADE: round, filleted,
#     chamfered, thin and pre-shaped stock) and, with other seeds,
#     held-out parts of both styles that training never sees;
#  2. the two models' data sets from the same parts, the training parts
#     augmented with rotations of the cube (which remap the labels):
#       image:     pipelines/dataset.mk renders meta-images
#                  (normrender | metagrid);
#       embedding: normembed's face-normal histogram with reach(1)'s
#                  figures, one vector a part;
#  3. dnntrain trains both (NET on the images, EMB_NET on the vectors),
#     every epoch logged by metriclog to one MLflow experiment;
#  4. metriclog best picks the best finished run of the experiment by
#     validation F1 (not the latest): that model serves;
#  5. evaluate.sh scores every trained model, prepared as it records, on
#     the held-out generated parts and on parts another program made
#     (CAD_PARTS: the OpenSCAD parts of eval/cad, `make eval-parts`);
#  6. a summary: both models side by side, then the serving model's
#     held-out accuracy on generated and on CAD parts, its confusion
#     matrix and the time of every stage; meta-image PNGs are left under
#     $DEMO to look at.
#
# Every setting is an environment variable (defaults in brackets):
#   DEMO        output directory [demo]
#   PARTS HELD  training and held-out voxel parts [120 60]
#   CAD_TRAIN CAD_HELD  training and held-out CAD-style parts [300 60]
#   CAD_PARTS   labelled folder of parts another program made, scored
#               at the end (empty: skipped) [eval/cad/stl]
#   DISTRACTORS partgen --distractors: features cut from other sides [0.5]
#   VIEWS SIZE  views per part and their pixel size [10x10 32]
#   INPUT       side of the network input and the meta-image [64]
#   AUGMENT     augment options for the training parts
#               [-n 3 --keep-original --rotations cube]
#   NET         image network name or cfg (empty: no image model)
#               [efficientnet-lite0]
#   EPOCHS BATCH LR  image training [12 16 and the cfg's rate]
#   POLICY      learning-rate policy [poly: decays to 0 at the last epoch]
#   PATIENCE    stop after this many epochs without a better F1 [10]
#   EMB_NET     embedding network (empty: no embedding model) [normmlp]
#   EMB_EPOCHS  its epochs [300]
#   BINS FEATURES  normembed --bins and --features
#               [18 mean,moments,bbox,offset,reach]
#   THREADS     OpenBLAS threads [2]
#   EXPERIMENT  MLflow experiment [milldir-demo]
#   MIN_ACCURACY  exit 1 when either held-out accuracy of the serving
#               model is lower [0.90]
# The tools are taken from PATH; networks from MILLDIR_NETS.
set -eu

: "${DEMO:=demo}"
: "${PARTS:=120}" "${HELD:=60}" "${DISTRACTORS:=0.5}"
: "${CAD_TRAIN:=300}" "${CAD_HELD:=60}" "${CAD_PARTS=eval/cad/stl}"
: "${VIEWS:=10x10}" "${SIZE:=32}" "${INPUT:=64}"
: "${AUGMENT:=-n 3 --keep-original --rotations cube}"
: "${NET=efficientnet-lite0}" "${EPOCHS:=12}" "${BATCH:=16}" "${LR:=}"
: "${EMB_NET=normmlp}" "${EMB_EPOCHS:=300}" "${BINS:=18}"
: "${FEATURES:=mean,moments,bbox,offset,reach}"
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

for tool in partgen stl2norm normrender metagrid normembed reach augment dnntrain dnnpredict \
    metriclog mdf; do
	command -v "$tool" >/dev/null ||
		{ echo "demo: $tool not found on PATH (run ./bootstrap first)" >&2; exit 1; }
done

[ -n "$NET$EMB_NET" ] || { echo "demo: NET and EMB_NET are both empty" >&2; exit 64; }
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

rm -rf "$store"

# A network at the demo's input size: the same layers, another [net] size.
if [ -n "$NET" ]; then
	cfg=$NET
	case $NET in
	*.cfg) ;;
	*)	cfg=${MILLDIR_NETS:-$here/nets}/$NET.cfg
		[ -f "$cfg" ] || cfg=$here/nets/$NET.cfg ;;
	esac
	[ -f "$cfg" ] || { echo "demo: $cfg: no such network" >&2; exit 1; }
	net=$DEMO/$(basename "$cfg" .cfg)-$INPUT.cfg
	sed -e "s/^width=.*/width=$INPUT/" -e "s/^height=.*/height=$INPUT/" "$cfg" >"$net"

	stage "render meta-images"
	make -s -f "$here/dataset.mk" PARTS="$DEMO/parts" OUT="$DEMO/data" \
		VIEWS="$VIEWS" SIZE="$SIZE" RESIZE="${INPUT}x$INPUT" AUGMENT="$AUGMENT" -j2 \
		>"$DEMO/dataset.log"
	stage_end

	# A few meta-images to look at, full size.
	mkdir -p "$DEMO/png"
	for p in part-0001 part-0002 part-0003; do
		stl2norm -l "$(grep "^$p	" "$DEMO/parts/labels.tsv" | cut -f2)" \
			"$DEMO/parts/$p.stl" |
			normrender --views "$VIEWS" --size 64 | metagrid | mdf png "$DEMO/png"
	done

	stage "train $NET"
	rm -rf "$DEMO/model"
	# shellcheck disable=SC2086
	dnntrain --net "$net" --epochs "$EPOCHS" --batch "$BATCH" ${LR:+--lr "$LR"} \
		--policy "$POLICY" --patience "$PATIENCE" --threads "$THREADS" \
		--val-split 0.2 --seed 1 --out "$DEMO/model" <"$DEMO/data/dataset.mdf" |
		metriclog --store "$store" --experiment "$EXPERIMENT" --run-name "train-$NET" \
			--artifact-root "$DEMO" -q
	stage_end
fi

# The embedding: one vector a part, from the same (augmented) meshes.
if [ -n "$EMB_NET" ]; then
	stage "embed parts"
	rm -rf "$DEMO/emb-model"
	find "$DEMO/parts" -maxdepth 1 -name '*.stl' | sort | tr '\n' '\0' |
		xargs -0 stl2norm -q --labels "$DEMO/parts/labels.tsv" |
		{ if [ -n "$AUGMENT" ]; then
			# shellcheck disable=SC2086
			augment --seed 1 $AUGMENT
		else cat; fi; } |
		normembed --normalize --bins "$BINS" --features "$FEATURES" >"$DEMO/embedding.mdf"
	stage_end

	stage "train $EMB_NET"
	dnntrain --net "$EMB_NET" --epochs "$EMB_EPOCHS" --batch 32 --patience 60 \
		--threads 1 --val-split 0.2 --seed 1 --out "$DEMO/emb-model" \
		<"$DEMO/embedding.mdf" |
		metriclog --store "$store" --experiment "$EXPERIMENT" \
			--run-name "train-$EMB_NET" --artifact-root "$DEMO" -q
	stage_end
fi

stage "select the best run"
best=$(metriclog best --store "$store" --experiment "$EXPERIMENT" --metric val_f1)
echo "demo: best model: $best" >&2
stage_end

# Every model on both held-out sets, prepared as it records (evaluate.sh);
# the predictions logged as runs of the experiment too.
score() { # KIND MODEL SET PARTS -> accuracy and macro F1 in $DEMO/eval/KIND-SET.txt
	sh "$here/evaluate.sh" -m "$2" -o "$DEMO/eval/$1-$3" "$4" >"$DEMO/eval/$1-$3.txt"
	metriclog --store "$store" --experiment "$EXPERIMENT" --run-name "$3-$1" -q \
		<"$DEMO/eval/$1-$3/predictions.mdf"
}
field() { sed -n "s/^$2 *//p" "$DEMO/eval/$1.txt" | head -n 1; }
rm -rf "$DEMO/eval"
mkdir -p "$DEMO/eval"
kinds=
[ -z "$NET" ] || kinds="image:$DEMO/model"
[ -z "$EMB_NET" ] || kinds="$kinds embedding:$DEMO/emb-model"
serving=
for km in $kinds; do
	kind=${km%%:*} dir=${km#*:}
	# the store holds a copy of the model directory (--artifact-root)
	! cmp -s "$dir/best.weights" "$best/best.weights" || serving=$kind
	stage "score the $kind model"
	score "$kind" "$dir" held "$DEMO/held"
	[ -z "$CAD_PARTS" ] || score "$kind" "$dir" cad "$CAD_PARTS"
	stage_end
done
[ -n "$serving" ] || { echo "demo: $best is none of this demo's models" >&2; exit 70; }

echo
echo "milldir demo: $PARTS voxel + $CAD_TRAIN CAD training parts," \
	"$HELD + $CAD_HELD held-out parts${CAD_PARTS:+, and the parts of $CAD_PARTS}"
printf '%-10s %-28s %8s %10s %10s\n' model network "val F1" generated CAD
for km in $kinds; do
	kind=${km%%:*} dir=${km#*:}
	case $kind in
	image) what="$NET ${INPUT}x$INPUT" ;;
	*) what="$EMB_NET $BINS bins" ;;
	esac
	printf '%-10s %-28s %8.4f %10.4f %10s\n' "$kind" "$what" \
		"$(sed -n 's/^best_val_f1=//p' "$dir/model.meta")" "$(field "$kind-held" accuracy)" \
		"$([ -z "$CAD_PARTS" ] && echo - || printf '%.4f' "$(field "$kind-cad" accuracy)")"
done
echo
echo "serving: the $serving model ($best), the best validation F1 of the experiment"
accuracy=$(field "$serving-held" accuracy)
printf 'held-out accuracy (generated parts) %.4f\n' "$accuracy"
printf 'held-out macro F1 (generated parts) %.4f\n' "$(field "$serving-held" 'macro F1')"
cad_accuracy=
if [ -n "$CAD_PARTS" ]; then
	cad_accuracy=$(field "$serving-cad" accuracy)
	printf 'held-out accuracy (CAD parts) %.4f   (%s; details in %s)\n' \
		"$cad_accuracy" "$CAD_PARTS" "$DEMO/eval/$serving-cad.txt"
fi
echo
sed -n '/^confusion matrix/,/^$/p' "$DEMO/eval/$serving-held.txt"
for f in "$DEMO/eval/$serving-held"/mlruns/*/*/artifacts/confusion.png; do
	[ ! -f "$f" ] || cp "$f" "$DEMO/confusion.png"
done
echo "time per stage (s)"
column -t -s '	' "$timings" 2>/dev/null || cat "$timings"
echo
echo "look at: $DEMO/confusion.png${NET:+, $DEMO/png/*.png (meta-images)}"
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
