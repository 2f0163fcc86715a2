#!/bin/sh
# pipelines/predict.sh: classify parts with the best model of an experiment.
#
#   sh pipelines/predict.sh [-x EXPERIMENT] [-m MODEL] PART.stl...
#
# Each part is rendered exactly as the training data were made (the same
# views, size and meta-image; override with VIEWS, SIZE and RESIZE), then
# dnnpredict, with the model of the best finished run unless -m names one,
# prints one line per part: part, predicted direction, probability.
set -eu

experiment=${MLFLOW_EXPERIMENT_NAME:-milldir} model=
while getopts x:m: opt; do
	case $opt in
	x) experiment=$OPTARG ;;
	m) model=$OPTARG ;;
	*) echo "usage: predict.sh [-x EXPERIMENT] [-m MODEL] PART.stl..." >&2; exit 64 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "predict.sh: missing PART.stl" >&2; exit 64; }

# "best" means the run with the highest validation F1, not the newest one.
[ -n "$model" ] || model=$(metriclog best --experiment "$experiment")

stl2norm "$@" |
	normrender --views "${VIEWS:-10x10}" --size "${SIZE:-64}" |
	metagrid --resize "${RESIZE:-224x224}" |
	dnnpredict --model "$model" --text
