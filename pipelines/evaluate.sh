#!/bin/sh
# pipelines/evaluate.sh: score a model on a folder of labelled parts.
#
#   sh pipelines/evaluate.sh [-m MODEL | -x EXPERIMENT] [-o DIR] [-f] PARTS
#
# PARTS holds STL (or STEP, OBJ, PLY: whatever stl2norm reads) files and
# labels.tsv (NAME<TAB>LABEL a line, as partgen writes it).  Each part is
# prepared exactly as the model's training frames were (dnnpredict
# --preparation prints what the model recorded: the views, their size,
# normals and grid, the meta-image's size; or the embedding's bins and
# features), classified by dnnpredict, and scored by metriclog: accuracy,
# macro F1, the confusion matrix, every class's recall, then each part
# it got wrong (part, true, predicted, score).  MODEL is a model
# directory, default the best finished run of EXPERIMENT
# ($MLFLOW_EXPERIMENT_NAME or milldir).  -o keeps the predictions
# (predictions.mdf) and the metrics run (mlruns/) in DIR; -f classifies
# even when the model records no preparation (demo defaults are used).
set -eu

usage() {
	echo "usage: evaluate.sh [-m MODEL | -x EXPERIMENT] [-o DIR] [-f] PARTS" >&2
	exit 64
}
experiment=${MLFLOW_EXPERIMENT_NAME:-milldir} model= out= force=
while getopts m:x:o:f opt; do
	case $opt in
	m) model=$OPTARG ;;
	x) experiment=$OPTARG ;;
	o) out=$OPTARG ;;
	f) force=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
parts=$1
[ -f "$parts/labels.tsv" ] || { echo "evaluate.sh: $parts/labels.tsv: no such file" >&2; exit 66; }
[ -n "$model" ] || model=$(metriclog best --experiment "$experiment")
export LC_ALL=C

if [ -n "$out" ]; then
	mkdir -p "$out"
else
	out=$(mktemp -d "${TMPDIR:-/tmp}/evaluate.XXXXXX")
	trap 'rm -rf "$out"' EXIT
	trap 'exit 130' INT TERM
fi

# The recorded preparation (pipelines/prepare.sh).
. "$(dirname "$0")/prepare.sh"
prep_load "$model" "$out/preparation"
if [ ! -s "$out/preparation" ] && [ -z "$force" ]; then
	echo "evaluate.sh: $model records no preparation of its frames (-f: use the demo's)" >&2
	exit 65
fi

# The parts, in name order; the frames are made in one stream.
find "$parts" -maxdepth 1 -type f \( -name '*.stl' -o -name '*.STL' -o -name '*.step' \
	-o -name '*.stp' -o -name '*.obj' -o -name '*.ply' \) | sort >"$out/files"
[ -s "$out/files" ] || { echo "evaluate.sh: $parts: no parts" >&2; exit 66; }

tr '\n' '\0' <"$out/files" | xargs -0 stl2norm -q --labels "$parts/labels.tsv" |
	prep_run | dnnpredict --model "$model" >"$out/predictions.mdf"

# The scores, by metriclog, as a run of its own in a store of our own.
metriclog --store "$out/mlruns" --experiment evaluate --run-name "$(basename "$parts")" -q \
	<"$out/predictions.mdf"
rundir=$(ls -d "$out"/mlruns/*/*/metrics | head -n 1)
rundir=${rundir%/metrics}
metric() { tail -n 1 "$rundir/metrics/$1" | cut -d' ' -f2; }
n=$(mdf get label "$out/predictions.mdf" | grep -c .)

echo "model:     $model"
echo "parts:     $parts ($n parts)"
printf 'accuracy   %.4f\n' "$(metric accuracy)"
printf 'macro F1   %.4f\n' "$(metric f1)"
echo
echo "confusion matrix (rows: true, columns: predicted)"
column -t -s '	' "$rundir/artifacts/confusion.tsv" 2>/dev/null || cat "$rundir/artifacts/confusion.tsv"
echo
echo "recall per class"
for f in "$rundir"/metrics/recall.*; do
	c=${f##*/recall.}
	printf '  %s %.4f\n' "$(echo "$c" | sed 's/^pos/+/; s/^neg/-/')" "$(metric "recall.$c")"
done
echo
echo "wrong (part, true, predicted, score)"
for k in part label pred.label pred.score; do
	mdf get "$k" "$out/predictions.mdf" >"$out/col.$k"
done
paste "$out/col.part" "$out/col.label" "$out/col.pred.label" "$out/col.pred.score" |
	awk -F'\t' '$2 != $3 { printf "  %s\t%s\t%s\t%s\n", $1, $2, $3, $4; w++ }
		END { if (!w) print "  none" }'
