#!/bin/sh
# pipelines/slurm/chain.sh: the whole workflow on a cluster in one command.
#
#   sh pipelines/slurm/chain.sh [-g GRID | -r N [-s SEED]] [-x EXPERIMENT] [-N NET]
#       [-e EPOCHS] [-m METRIC] [-n SHARDS] [-o DIR] PARTS NEW-PARTS [VARIABLE=value]...
#
# Submits, each stage waiting for the one before (--dependency=afterok):
#   dataset.sh  -n SHARDS PARTS DIR/data VARIABLE=value...      the data set
#   sweep.sh    -g GRID|-r N DIR/data/dataset.mdf DIR/sweep     the sweep and select
#   predict.sh  -M DIR/sweep/best NEW-PARTS DIR/predict VARIABLE=value...
# and prints the job ids, one "STAGE ID" a line, for squeue and scancel.
# The results: DIR/data/dataset.mdf, DIR/sweep/best (the best model's
# directory in the tracking store), DIR/predict/predictions.tsv and the
# runs of EXPERIMENT (default milldir-sweep).  Without -g or -r, a grid of
# learning rates 0.01 0.05 0.1 by batch sizes 8 16.  DIR defaults to
# slurm-run.  Running it again with the same arguments redoes only what
# is missing (see each stage).
set -eu
ME=chain.sh
MILLDIR_SLURM=${MILLDIR_SLURM:-$(cd "$(dirname "$0")" && pwd)}
export MILLDIR_SLURM
. "$MILLDIR_SLURM/lib.sh"

usage="usage: chain.sh [-g GRID | -r N [-s SEED]] [-x EXPERIMENT] [-N NET] [-e EPOCHS] [-m METRIC] [-n SHARDS] [-o DIR] PARTS NEW-PARTS [VARIABLE=value]..."
ms_sweep_defaults
shards=${SHARDS:-} dir=slurm-run
while getopts g:r:s:x:N:e:m:n:o: opt; do
	case $opt in
	n) shards=$OPTARG ;;
	o) dir=$OPTARG ;;
	*) ms_sweep_opt "$opt" "${OPTARG-}" || ms_die "$usage" 64 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || ms_die "$usage" 64
parts=$1 new=$2
shift 2
[ -d "$parts" ] || ms_die "$parts: no such directory" 66
[ -d "$new" ] || ms_die "$new: no such directory" 66
ms_tracking
mkdir -p "$dir"
if [ -z "$grid$draws" ]; then
	grid=$dir/grid
	printf -- '--lr %s --batch %s\n' 0.01 8 0.01 16 0.05 8 0.05 16 0.1 8 0.1 16 | ms_write "$grid"
fi

# last ID: the id of the last line "STAGE ID" of standard input
last() { tail -n 1 | sed 's/.* //'; }
out=$(sh "$MILLDIR_SLURM/dataset.sh" ${shards:+-n "$shards"} "$parts" "$dir/data" "$@")
echo "$out"
join=$(echo "$out" | last)
out=$(sh "$MILLDIR_SLURM/sweep.sh" ${grid:+-g "$grid"} ${draws:+-r "$draws" -s "$seed"} \
	-x "$experiment" -N "$net" -e "$epochs" -m "$metric" -a "$join" \
	"$dir/data/dataset.mdf" "$dir/sweep")
echo "$out"
select=$(echo "$out" | last)
sh "$MILLDIR_SLURM/predict.sh" -M "$dir/sweep/best" ${shards:+-n "$shards"} -x "$experiment" \
	-a "$select" "$new" "$dir/predict" "$@"
