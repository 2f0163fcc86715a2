#!/bin/sh
# pipelines/slurm/dataset.sh: the data set as a Slurm job array.
#
#   sh pipelines/slurm/dataset.sh [-n SHARDS] [-a JOBID] PARTS OUT [VARIABLE=value]...
#
# Splits the parts of PARTS (*.stl) into SHARDS shards of consecutive
# names and submits one array task per shard that is not done, each
# running pipelines/dataset.mk on its shard's parts into OUT/frames (a
# shared directory), then a join job (--dependency=afterok on the array)
# that runs dataset.mk once more to write OUT/dataset.mdf: the same bytes
# as `make -f pipelines/dataset.mk PARTS=PARTS OUT=OUT VARIABLE=value...`
# on one machine.  VARIABLE=value arguments go to every make (SIZE=64,
# RESIZE=224x224, AUGMENT=..., see dataset.mk).  Prints one line per job
# submitted: "dataset ID" (the array, absent when every shard is done)
# and "dataset-join ID".
#
# A shard is done when every one of its frame files exists and is newer
# than its STL and the pipeline's options, the rule make applies: after a
# failure, submitting again runs only the shards that are not done.
# -a JOBID makes the array (or the join) wait for JOBID (afterok).
# The jobs run in the current directory, which must be on the file
# system the nodes share.  Logs: OUT/logs/.  Variables: SHARDS (default: one shard per 20 parts,
# at most 1000, Slurm's default MaxArraySize), ARRAY_LIMIT (at most this
# many tasks at once), DATASET_SBATCH and JOIN_SBATCH (sbatch options of
# the array and of the join), and those of milldir-slurm(7).
set -eu
ME=dataset.sh
MILLDIR_SLURM=${MILLDIR_SLURM:-$(cd "$(dirname "$0")" && pwd)}
export MILLDIR_SLURM
. "$MILLDIR_SLURM/lib.sh"
unset MAKEFLAGS MFLAGS MAKELEVEL

usage="usage: dataset.sh [-n SHARDS] [-a JOBID] PARTS OUT [VARIABLE=value]..."
shards=${SHARDS:-} after=
while getopts n:a: opt; do
	case $opt in
	n) shards=$OPTARG ;;
	a) after=$OPTARG ;;
	*) ms_die "$usage" 64 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || ms_die "$usage" 64
case $shards in '' | *[!0-9]*) [ -z "$shards" ] || ms_die "-n $shards: not a number" 64 ;; esac
[ -d "$1" ] || ms_die "$1: no such directory" 66
# PARTS and OUT stay as given (the jobs run in this directory): the
# frames' source keys are the paths a single make would write.
parts=$1 out=$2
shift 2
ms_tracking

ms_shard "$out" "$shards" "$parts" "$@"
todo=$(ms_frames_todo "$out")
ms_stage dataset "$out" "$todo" "$after" afterok dataset-join "${DATASET_SBATCH:-}" \
	"${JOIN_SBATCH:-}"
