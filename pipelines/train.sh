#!/bin/sh
# pipelines/train.sh: train a network on a data set and log the run.
#
#   sh pipelines/train.sh [-n NET] [-e EPOCHS] [-x EXPERIMENT] DATASET.mdf [DNNTRAIN-OPTION]...
#
# DATASET.mdf holds labelled meta-images (pipelines/dataset.mk makes it).
# dnntrain writes METR frames: the parameters first, then each epoch's
# training loss and validation metrics, and last the model directory as an
# artifact; metriclog turns them into one MLflow run, copying the model
# into the run's artifacts.  The run's model directory is printed on
# stdout, so that
#
#   model=$(sh pipelines/train.sh data/dataset.mdf)
#
# keeps it.  Options after DATASET.mdf go to dnntrain as they are.
set -eu

net=efficientnet-lite0 epochs=30 experiment=${MLFLOW_EXPERIMENT_NAME:-milldir}
while getopts n:e:x: opt; do
	case $opt in
	n) net=$OPTARG ;;
	e) epochs=$OPTARG ;;
	x) experiment=$OPTARG ;;
	*) echo "usage: train.sh [-n NET] [-e EPOCHS] [-x EXPERIMENT] DATASET.mdf [DNNTRAIN-OPTION]..." >&2
	   exit 64 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "train.sh: missing DATASET.mdf" >&2; exit 64; }
data=$1
shift

# The model directory goes under models/ with a fresh name; metriclog
# prints the run it wrote on stderr ("metriclog: run ID in experiment ...").
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dnntrain --net "$net" --epochs "$epochs" "$@" <"$data" |
	metriclog --experiment "$experiment" --run-name "train-$net" 2>"$log" || {
	cat "$log" >&2
	exit 1
}
run=$(sed -n 's/^metriclog: run \([0-9a-f]*\) .*/\1/p' "$log")
# The run's copy of the model is in its artifacts, under the name that the
# tag milldir.model records.
metriclog show "$run" | awk -F '\t' '
	$1 == "artifacts" { dir = $2 }
	$1 == "tag" && $2 == "milldir.model" { model = $3 }
	END { if (dir == "" || model == "") exit 1; print dir "/" model }'
