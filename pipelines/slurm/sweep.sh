#!/bin/sh
# pipelines/slurm/sweep.sh: a hyper-parameter sweep as a Slurm job array.
#
#   sh pipelines/slurm/sweep.sh [-g GRID | -r N [-s SEED]] [-x EXPERIMENT]
#       [-N NET] [-e EPOCHS] [-m METRIC] [-a JOBID] DATA DIR [DNNTRAIN-OPTION]...
#
# One array task per setting: each trains on DATA (a data set of
# meta-images, dataset.sh's OUT/dataset.mdf) with
#
#   dnntrain --net NET --epochs EPOCHS SETTING DNNTRAIN-OPTION... | metriclog --parent PARENT
#
# into EXPERIMENT, every run a child of one parent run created here (the
# tag mlflow.parentRunId); then a select job (--dependency=afterok on the
# array) writes the model directory of the best child by METRIC (default
# val_f1) to DIR/best and finishes the parent run.  Prints "sweep ID" and
# "sweep-select ID".
#
# The settings: -g GRID, a file of dnntrain options, one setting a line
# ("--lr 0.05 --batch 16"; # comments and blank lines skipped; words
# split on spaces, no quoting); or -r N, N draws seeded by SEED (default
# 1): a learning rate log-uniform in LR_RANGE (default 0.005:0.2) and a
# batch size from BATCHES (default "8 16 32").  The settings are written
# to DIR/grid, line N+1 for array task N.
#
# A setting is done when DIR/done/N exists (written after its run is
# logged): submitting again with the same DIR runs only the settings not
# done, as children of the same parent.  -a JOBID makes the array wait
# for JOBID (afterok), so DATA may not exist yet.  Logs: DIR/logs/.
# SELECT_AFTER=afterany lets the select job run when some settings
# failed, choosing among the runs that finished (default afterok: a
# failed setting stops the sweep, and what depends on it, there).
# Variables: ARRAY_LIMIT, SWEEP_SBATCH (sbatch options of the array; its
# --cpus-per-task become dnntrain's threads), SELECT_SBATCH, and those of
# milldir-slurm(7).
set -eu
ME=sweep.sh
MILLDIR_SLURM=${MILLDIR_SLURM:-$(cd "$(dirname "$0")" && pwd)}
export MILLDIR_SLURM
. "$MILLDIR_SLURM/lib.sh"

usage="usage: sweep.sh [-g GRID | -r N [-s SEED]] [-x EXPERIMENT] [-N NET] [-e EPOCHS] [-m METRIC] [-a JOBID] DATA DIR [DNNTRAIN-OPTION]..."
ms_sweep_defaults
after=
while getopts g:r:s:x:N:e:m:a: opt; do
	case $opt in
	a) after=$OPTARG ;;
	*) ms_sweep_opt "$opt" "${OPTARG-}" || ms_die "$usage" 64 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || ms_die "$usage" 64
[ -n "$grid$draws" ] && { [ -z "$grid" ] || [ -z "$draws" ]; } || ms_die "one of -g GRID and -r N" 64
case $draws in *[!0-9]*) ms_die "-r $draws: not a number" 64 ;; esac
case $seed in '' | *[!0-9]*) ms_die "-s $seed: not a number" 64 ;; esac
data=$1 dir=$2
shift 2
[ -n "$after" ] || [ -f "$data" ] || ms_die "$data: no such file" 66
ms_tracking
mkdir -p "$dir/done" "$dir/models"

if [ -n "$grid" ]; then
	[ -f "$grid" ] || ms_die "$grid: no such file" 66
	sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$grid"
else
	awk -v n="$draws" -v seed="$seed" -v lr="${LR_RANGE:-0.005:0.2}" \
	    -v batches="${BATCHES:-8 16 32}" 'BEGIN {
		srand(seed); split(lr, r, ":"); nb = split(batches, b, " ")
		lo = log(r[1]); hi = log(r[2])
		for (i = 0; i < n; i++) {
			x = exp(lo + (hi - lo) * rand()); k = 1 + int(nb * rand())
			printf "--lr %.4g --batch %s\n", x, b[k]
		}
	}'
fi | ms_write "$dir/grid.new"
n=$(wc -l < "$dir/grid.new")
[ "$n" -ge 1 ] || ms_die "no settings" 65
# other settings than last time: every one runs again
if ! cmp -s "$dir/grid.new" "$dir/grid" 2>/dev/null; then
	rm -f "$dir"/done/*
	mv "$dir/grid.new" "$dir/grid"
else
	rm -f "$dir/grid.new"
fi

# What every task runs besides its setting, one argument a line.
{
	printf '%s\n' "$data" "$experiment" "$metric" --net "$net" --epochs "$epochs"
	for a; do printf '%s\n' "$a"; done
} | ms_write "$dir/args"

# One parent run for the whole sweep (kept on a submission again).
[ -s "$dir/parent" ] ||
	ms_parent_start "$experiment" "sweep-$net" | ms_write "$dir/parent"

todo=$(
	i=0
	while [ "$i" -lt "$n" ]; do
		[ -e "$dir/done/$i" ] || echo "$i"
		i=$((i + 1))
	done | ms_ranges
)
ms_stage sweep "$dir" "$todo" "$after" "${SELECT_AFTER:-afterok}" sweep-select \
	"${SWEEP_SBATCH:-}" "${SELECT_SBATCH:-}"
