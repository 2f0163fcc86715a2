#!/bin/sh
# pipelines/predict.sh: classify parts with the best model of an experiment.
#
#   sh pipelines/predict.sh [-x EXPERIMENT] [-m MODEL] PART.stl...
#
# Each part is prepared exactly as the model's training frames were (the
# preparation its model.meta records: views, size, normals, meta-image;
# or the embedding; VIEWS, SIZE, RESIZE and NORMALS override it), then
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

tmp=$(mktemp "${TMPDIR:-/tmp}/predict.XXXXXX")
trap 'rm -f "$tmp"' EXIT
. "$(dirname "$0")/prepare.sh"
prep_load "$model" "$tmp"
stl2norm "$@" | prep_run | dnnpredict --model "$model" --text
