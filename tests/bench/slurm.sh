#!/bin/sh
# Benchmark of pipelines/slurm/dataset.sh (run by `make bench`, as root):
# the data-set array on a throwaway cluster of 1 and then 2 slurmd on this
# host (tests/slurmcluster.sh; each node offers all the host's CPUs, so 2
# nodes double the slots, not the cores).
#
# For each cluster:
#   noop     an array of N tasks that run `true`: tasks per second and
#            the scheduler's wall time per task (submit to last end / N)
#   dataset  dataset.sh with one part per shard (N tasks and the join),
#            next to `make -f dataset.mk -jSLOTS` of the same parts on this
#            host without Slurm; the overhead per task is
#            (Slurm's wall - make's wall) / N.
# Prints its figures; fails only when a job or a tool fails.  Skips (exit
# 0 with a note) when not root or slurm-wlm is missing.
set -eu

B=${MILLDIR_BUILDDIR:?set by make bench}
S=${MILLDIR_SRCDIR:?set by make bench}
PATH="$B/bin:$PATH:/usr/sbin"
MILLDIR_NETS=$S/pipelines/nets
export PATH MILLDIR_NETS
unset MAKEFLAGS MFLAGS MAKELEVEL
N=${N:-40}

if [ "$(id -u)" -ne 0 ] || ! command -v slurmctld >/dev/null; then
	echo "slurm bench: skipped (needs root and slurm-wlm)"
	exit 0
fi
T=$(mktemp -d /tmp/mdslurm-bench.XXXXXX)
C=$T/cluster
trap 'sh "$S/tests/slurmcluster.sh" stop "$C" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
cd "$T"

now() { date +%s%N; }
# wait_all: until this cluster has no job pending or running
wait_all() {
	while [ -n "$(squeue -h -t PD,R,CG,RQ 2>/dev/null)" ]; do sleep 0.05; done
}
# per ELAPSED_NS COUNT: ms per item, and items per second
per() {
	awk -v t="$1" -v n="$2" 'BEGIN { printf "%8.0f ms/task %8.2f tasks/s", t / 1e6 / n, n / (t / 1e9) }'
}

partgen -n "$N" --seed 11 -o parts >/dev/null
VARS="SIZE=32 RESIZE=64x64"
slots1=$(nproc)
echo "slurm: $N parts, one per shard ($VARS); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
for nodes in 1 2; do
	mkdir -p "$C"
	sh "$S/tests/slurmcluster.sh" start "$C" "$nodes" >/dev/null
	SLURM_CONF=$C/slurm.conf
	export SLURM_CONF
	slots=$((slots1 * nodes))

	t0=$(now)
	sbatch -Q --array=0-$((N - 1)) -o /dev/null --wrap true
	wait_all
	t1=$(now)
	printf '%d node(s), %2d slots  noop     %s\n' "$nodes" "$slots" "$(per $((t1 - t0)) "$N")"

	rm -rf data single
	t0=$(now)
	# shellcheck disable=SC2086
	sh "$S/pipelines/slurm/dataset.sh" -n "$N" parts data $VARS >/dev/null
	wait_all
	t1=$(now)
	[ -f data/dataset.mdf ] || { echo "slurm bench: the data set was not built" >&2; exit 1; }
	t2=$(now)
	# shellcheck disable=SC2086
	make -s -f "$S/pipelines/dataset.mk" PARTS=parts OUT=single -j"$slots" $VARS >/dev/null
	t3=$(now)
	cmp -s single/dataset.mdf data/dataset.mdf || { echo "slurm bench: data sets differ" >&2; exit 1; }
	printf '%d node(s), %2d slots  dataset  %s   make -j%d %6.0f ms, overhead %4.0f ms/task\n' \
		"$nodes" "$slots" "$(per $((t1 - t0)) "$N")" "$slots" \
		"$(echo "($t3 - $t2) / 1000000" | bc)" "$(echo "($t1 - $t0 - ($t3 - $t2)) / 1000000 / $N" | bc)"
	sh "$S/tests/slurmcluster.sh" stop "$C"
	rm -rf "$C"
done
