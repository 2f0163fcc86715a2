#!/bin/sh
# pipelines/slurm/predict.sh: classify many parts as a Slurm job array.
#
#   sh pipelines/slurm/predict.sh (-m MODEL | -M FILE) [-n SHARDS] [-x EXPERIMENT]
#       [-a JOBID] PARTS DIR [VARIABLE=value]...
#
# Splits the parts of PARTS (*.stl) into shards as dataset.sh does and
# submits one array task per shard: it renders the shard's parts with
# pipelines/dataset.mk into DIR/data/frames (VARIABLE=value as for the
# training data: the same VIEWS, SIZE, RESIZE) and runs dnnpredict with
# MODEL on them, writing DIR/pred/N.mdf (PRED frames) and DIR/pred/N.tsv.
# Then a join job (afterok) concatenates them in name order into
# DIR/predictions.mdf and DIR/predictions.tsv (part, predicted label, its
# probability, the true label when PARTS/labels.tsv gives one: TAB
# separated) and logs one run "predict" in EXPERIMENT with metriclog: the
# params model and parts, predictions.tsv as an artifact, and accuracy,
# F1 and the confusion matrix when the parts are labelled.  Prints
# "predict ID" and "predict-join ID".
#
# MODEL is a model directory (a registered or chosen model, or
# $(metriclog best)); -M FILE names a file that will hold the model
# directory when the tasks start (sweep.sh's DIR/best, with -a on its
# select job).  A shard is done when DIR/pred/N.model holds the same
# model: submitting again runs only the other shards.  While the model is
# not known yet (-M with -a), every shard runs (its rendering is
# incremental).  Logs: DIR/logs/.  Variables: SHARDS, ARRAY_LIMIT,
# PREDICT_SBATCH, JOIN_SBATCH, and those of milldir-slurm(7).
set -eu
ME=predict.sh
MILLDIR_SLURM=${MILLDIR_SLURM:-$(cd "$(dirname "$0")" && pwd)}
export MILLDIR_SLURM
. "$MILLDIR_SLURM/lib.sh"

usage="usage: predict.sh (-m MODEL | -M FILE) [-n SHARDS] [-x EXPERIMENT] [-a JOBID] PARTS DIR [VARIABLE=value]..."
model= modelfile= shards=${SHARDS:-} after= experiment=${MLFLOW_EXPERIMENT_NAME:-milldir-sweep}
while getopts m:M:n:x:a: opt; do
	case $opt in
	m) model=$OPTARG ;;
	M) modelfile=$OPTARG ;;
	n) shards=$OPTARG ;;
	x) experiment=$OPTARG ;;
	a) after=$OPTARG ;;
	*) ms_die "$usage" 64 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || ms_die "$usage" 64
[ -n "$model$modelfile" ] && { [ -z "$model" ] || [ -z "$modelfile" ]; } || ms_die "one of -m MODEL and -M FILE" 64
case $shards in *[!0-9]*) ms_die "-n $shards: not a number" 64 ;; esac
[ -d "$1" ] || ms_die "$1: no such directory" 66
[ -z "$model" ] || [ -d "$model" ] || ms_die "$model: no such model directory" 66
[ -z "$modelfile" ] || [ -n "$after" ] || [ -f "$modelfile" ] || ms_die "$modelfile: no such file" 66
parts=$1 dir=$2
shift 2
ms_tracking
mkdir -p "$dir/pred"
ms_shard "$dir/data" "$shards" "$parts" "$@"
# The model, or the file that will name it, for the tasks.
if [ -n "$model" ]; then
	printf 'model\n%s\n' "$model"
else
	printf 'file\n%s\n' "$modelfile"
fi | ms_write "$dir/model"
printf '%s\n' "$experiment" "$parts" | ms_write "$dir/args"
# a model known now: the shards predicted with it are done
known=$model
[ -n "$known" ] || [ -n "$after" ] || known=$(cat "$modelfile")
todo=$(
	i=0
	while [ "$i" -lt "$ms_nshards" ]; do
		if [ -z "$known" ] || [ "$(cat "$dir/pred/$i.model" 2>/dev/null)" != "$known" ] ||
		   [ ! -f "$dir/pred/$i.mdf" ]; then
			echo "$i"
		fi
		i=$((i + 1))
	done | ms_ranges
)
# outputs of an earlier, larger split
i=$ms_nshards
while [ -e "$dir/pred/$i.mdf" ] || [ -e "$dir/pred/$i.model" ]; do
	rm -f "$dir/pred/$i.mdf" "$dir/pred/$i.tsv" "$dir/pred/$i.model"
	i=$((i + 1))
done

ms_stage predict "$dir" "$todo" "$after" afterok predict-join "${PREDICT_SBATCH:-}" \
	"${JOIN_SBATCH:-}"
