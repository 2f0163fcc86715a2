#!/usr/bin/env bats
# pipelines/slurm/ on a real Slurm: a throwaway cluster of two slurmd on
# this host (tests/slurmcluster.sh, as root), the data-set, sweep and
# predict arrays and the chain on a few small parts, compared with the
# single-machine pipeline; a failed task, a killed one, a submission again.

load test_helper

S="$MILLDIR_SRCDIR/pipelines/slurm"
VARS=(SIZE=16 RESIZE=32x32)

setup_file() {
	[ "$(id -u)" -eq 0 ] || skip "needs root (slurmd runs the jobs)"
	command -v /usr/sbin/slurmctld >/dev/null || skip "slurm-wlm is not installed"
	# a short path: munge's socket name must fit in sun_path
	CLUSTER=$(mktemp -d /tmp/mdslurm.XXXXXX)
	export CLUSTER
	WATCH_PID=$$ sh "$MILLDIR_SRCDIR/tests/slurmcluster.sh" start "$CLUSTER" 2 >/dev/null
	export SLURM_CONF=$CLUSTER/slurm.conf
	# the parts, and what one machine makes of them
	cd "$BATS_FILE_TMPDIR"
	partgen -n 12 --seed 3 -o parts >/dev/null
	partgen -n 7 --seed 9 -p new -o new >/dev/null
	env -u MAKEFLAGS -u MAKELEVEL make -s -f "$MILLDIR_SRCDIR/pipelines/dataset.mk" \
		PARTS=parts OUT=single "${VARS[@]}" >/dev/null
	env -u MAKEFLAGS -u MAKELEVEL make -s -f "$MILLDIR_SRCDIR/pipelines/dataset.mk" \
		PARTS=new OUT=newsingle "${VARS[@]}" >/dev/null
	printf '%s\n' '# two settings' '--lr 0.05 --batch 8' '' '--lr 0.1 --batch 8' > grid.txt
}

teardown_file() {
	[ -n "${CLUSTER:-}" ] || return 0
	sh "$MILLDIR_SRCDIR/tests/slurmcluster.sh" stop "$CLUSTER"
	rm -rf "$CLUSTER"
}

setup() {
	cd "$BATS_FILE_TMPDIR"
	export MLFLOW_TRACKING_URI=$BATS_FILE_TMPDIR/mlruns
}

# wait_jobs ID...: until none of the jobs is pending or running (90 s at most).
wait_jobs() {
	local ids i
	ids=$(IFS=,; echo "$*")
	for ((i = 0; i < 900; i++)); do
		[ -z "$(squeue -h -j "$ids" -t PD,R,CG,RQ,S 2>/dev/null)" ] && return 0
		sleep 0.1
	done
	squeue -j "$ids" >&3
	fail "jobs $ids still running after 90 s"
}

# job FIELD ID: a field of scontrol show job (JobState, ExitCode, ...); for
# an array, the first element's.
job() {
	scontrol -o show job "$2" | head -1 | tr ' ' '\n' | sed -n "s/^$1=//p"
}

# tasks ID: the array task ids of job ID, in order, each followed by a space
tasks() {
	scontrol -o show job "$1" | grep -o 'ArrayTaskId=[^ ]*' | cut -d= -f2 | sort -n | tr '\n' ' '
}

# jobid STAGE: the job id printed for STAGE in $output
jobid() {
	sed -n "s/^$1 //p" <<<"$output"
}

@test "slurm: dataset.sh builds the data set as an array and a join: the bytes of one make" {
	run --separate-stderr sh "$S/dataset.sh" -n 3 parts data "${VARS[@]}"
	assert_success
	[ "${#lines[@]}" -eq 2 ]
	local arr join
	arr=$(jobid dataset) join=$(jobid dataset-join)
	[ -n "$arr" ] && [ -n "$join" ]
	[ "$(job Dependency "$join")" = "afterok:${arr}_*(unfulfilled)" ] ||
		[ "$(job JobState "$join")" = COMPLETED ]
	wait_jobs "$arr" "$join"
	[ "$(job JobState "$join")" = COMPLETED ]
	cmp single/dataset.mdf data/dataset.mdf
	# per-task logs: three tasks and the join, each task its four parts
	[ "$(ls data/logs | wc -l)" -eq 4 ]
	grep -q 'PART     part-0005' "data/logs/dataset-${arr}_1.out"
	run grep -c '  PART  ' "data/logs/dataset-${arr}_2.out"
	assert_output 4
}

@test "slurm: dataset.sh again runs only the shards that are not done" {
	rm data/frames/part-0006.mdf
	touch parts/part-0011.stl
	run --separate-stderr sh "$S/dataset.sh" -n 3 parts data "${VARS[@]}"
	assert_success
	local arr join
	arr=$(jobid dataset) join=$(jobid dataset-join)
	wait_jobs "$arr" "$join"
	[ "$(tasks "$arr")" = "1 2 " ]
	assert_file_exists "data/logs/dataset-${arr}_1.out"
	assert_file_not_exists "data/logs/dataset-${arr}_0.out"
	cmp single/dataset.mdf data/dataset.mdf
	# nothing left to do: the join only
	run --separate-stderr sh "$S/dataset.sh" -n 3 parts data "${VARS[@]}"
	assert_success
	[ "${#lines[@]}" -eq 1 ]
	wait_jobs "$(jobid dataset-join)"
}

@test "slurm: a task that Slurm requeues while it writes (preemption, a node lost) leaves no partial output" {
	# normrender stalls in its first part, its frame file a temporary
	# (metagrid waits for the rest of a mesh's views), until the test has
	# requeued the task
	mkdir -p stall
	cat > stall/normrender <<-EOF
	#!/bin/sh
	if mkdir "$BATS_FILE_TMPDIR/stalled" 2>/dev/null; then
		"$MILLDIR_BUILDDIR/bin/normrender" "\$@" | head -c 1000
		sleep 60
		exit 1
	fi
	exec "$MILLDIR_BUILDDIR/bin/normrender" "\$@"
	EOF
	chmod +x stall/normrender
	PATH=$PWD/stall:$PATH run --separate-stderr sh "$S/dataset.sh" -n 2 parts rq "${VARS[@]}"
	assert_success
	local arr join i t
	arr=$(jobid dataset) join=$(jobid dataset-join)
	for ((i = 0; i < 300; i++)); do
		t=$(ls rq/frames/*.tmp.* 2>/dev/null | head -1)
		[ -n "$t" ] && [ -d stalled ] && break
		sleep 0.1
	done
	[ -n "$t" ]
	# the element writing it
	i=$(grep -l "PART     $(basename "${t%%.mdf.tmp.*}")" rq/logs/dataset-"${arr}"_*.out)
	i=${i##*_}; i=${i%.out}
	scontrol requeue "${arr}_$i"
	wait_jobs "$arr" "$join"
	[ "$(job JobState "$join")" = COMPLETED ]
	[ "$(job Restarts "${arr}_$i")" = 1 ]
	grep -q 'DUE TO JOB REQUEUE' "rq/logs/dataset-${arr}_$i.out"
	grep -q 'attempt 2' "rq/logs/dataset-${arr}_$i.out"
	cmp single/dataset.mdf rq/dataset.mdf
	run ls rq/frames
	refute_output --partial tmp
}

@test "slurm: a failed task fails its array element, and the join never runs" {
	cp -r parts bad
	head -c 300 parts/part-0002.stl > bad/part-0002.stl
	MILLDIR_RETRIES=0 run --separate-stderr sh "$S/dataset.sh" -n 3 bad baddata "${VARS[@]}"
	assert_success
	local arr join i
	arr=$(jobid dataset) join=$(jobid dataset-join)
	wait_jobs "$arr"
	[ "$(job JobState "${arr}_0")" = FAILED ]
	[ "$(job ExitCode "${arr}_0")" = 2:0 ]       # make's status
	[ "$(job JobState "${arr}_1")" = COMPLETED ]
	grep -q 'stl2norm: bad/part-0002.stl: .*truncated' "baddata/logs/dataset-${arr}_0.out"
	grep -q 'failed with exit status 2' "baddata/logs/dataset-${arr}_0.out"
	for ((i = 0; i < 50; i++)); do
		[ "$(job Reason "$join")" = DependencyNeverSatisfied ] && break
		sleep 0.1
	done
	[ "$(job Reason "$join")" = DependencyNeverSatisfied ]
	scancel "$join"
	assert_file_not_exists baddata/dataset.mdf
	# no temporary taken for a frame file
	run ls baddata/frames
	refute_output --partial part-0002
	refute_output --partial tmp
	# repaired: only the failed shard runs again
	cp parts/part-0002.stl bad/
	run --separate-stderr sh "$S/dataset.sh" -n 3 bad baddata "${VARS[@]}"
	assert_success
	arr=$(jobid dataset) join=$(jobid dataset-join)
	wait_jobs "$arr" "$join"
	[ "$(tasks "$arr")" = "0 " ]
	[ "$(job JobState "$join")" = COMPLETED ]
	[ "$(mdf ls baddata/dataset.mdf | wc -l)" -eq 12 ]
}

@test "slurm: sweep.sh logs one child run per setting under a parent, then selects the best" {
	run --separate-stderr sh "$S/sweep.sh" -g grid.txt -e 2 -x sw single/dataset.mdf sw
	assert_success
	local arr sel parent r
	arr=$(jobid sweep) sel=$(jobid sweep-select)
	wait_jobs "$arr" "$sel"
	[ "$(job JobState "$sel")" = COMPLETED ]
	[ "$(wc -l < sw/grid)" -eq 2 ]
	run metriclog runs --experiment sw
	[ "$(grep -c 'sweep-[01]	FINISHED' <<<"$output")" -eq 2 ]
	assert_file_exists sw/done/0
	assert_file_exists sw/done/1
	# both nested under the parent, which is finished
	parent=$(cat sw/parent)
	[ "$(metriclog runs --experiment sw --parent "$parent" | grep -c FINISHED)" -eq 2 ]
	for r in sweep-0 sweep-1; do
		metriclog show "$r" | grep -qx $'tag\tmlflow.parentRunId\t'"$parent"
	done
	run metriclog show "$parent"
	assert_output --regexp $'status\tFINISHED'
	[ "$(metriclog best --experiment sw --parent "$parent")" = "$(cat sw/best)" ]
	assert_file_exists "$(cat sw/best)/best.weights"
	# the temporary model directories are gone (metriclog copied them)
	[ -z "$(ls sw/models)" ]
	# nothing left to train: the select only
	run --separate-stderr sh "$S/sweep.sh" -g grid.txt -e 2 -x sw single/dataset.mdf sw
	[ "${#lines[@]}" -eq 1 ]
	wait_jobs "$(jobid sweep-select)"
}

@test "slurm: a sweep setting that fails fails its element; SELECT_AFTER=afterany selects among the rest" {
	printf '%s\n' '--lr 0.05 --batch 8' '--lr 0.05 --batch 0' > badgrid.txt
	MILLDIR_RETRIES=0 SELECT_AFTER=afterany run --separate-stderr \
		sh "$S/sweep.sh" -g badgrid.txt -e 1 -x swbad single/dataset.mdf swbad
	assert_success
	local arr sel
	arr=$(jobid sweep) sel=$(jobid sweep-select)
	[ "$(job Dependency "$sel")" = "afterany:${arr}_*(unfulfilled)" ] ||
		[ "$(job JobState "$sel")" = COMPLETED ]
	wait_jobs "$arr" "$sel"
	[ "$(job JobState "${arr}_1")" = FAILED ]
	[ "$(job ExitCode "${arr}_1")" = 64:0 ]      # dnntrain's usage error
	grep -q '^dnntrain: .*batch' "swbad/logs/sweep-${arr}_1.out"
	assert_file_not_exists swbad/done/1
	[ "$(job JobState "$sel")" = COMPLETED ]
	[ "$(metriclog best --experiment swbad --parent "$(cat swbad/parent)")" = "$(cat swbad/best)" ]
	[[ $(cat swbad/best) == */artifacts/sweep-0 ]]
}

@test "slurm: predict.sh predicts in shards: the PRED frames of dnnpredict on one machine" {
	local model arr join
	model=$(cat sw/best)
	run --separate-stderr sh "$S/predict.sh" -m "$model" -n 3 -x sw new pr "${VARS[@]}"
	assert_success
	arr=$(jobid predict) join=$(jobid predict-join)
	wait_jobs "$arr" "$join"
	[ "$(job JobState "$join")" = COMPLETED ]
	dnnpredict --model "$model" < newsingle/dataset.mdf > single.pred
	cmp single.pred pr/predictions.mdf
	# the table: one line per part, in name order, with the true label
	[ "$(wc -l < pr/predictions.tsv)" -eq 7 ]
	[ "$(cut -f1 pr/predictions.tsv | tr '\n' ' ')" = "$(printf 'new-%04d ' 1 2 3 4 5 6 7)" ]
	diff <(cut -f2 pr/predictions.tsv) <(mdf get pred.label single.pred)
	diff <(cut -f1,4 pr/predictions.tsv) <(sort new/labels.tsv)
	# one logged run with the model and the accuracy
	run metriclog show predict
	assert_output --partial $'param\tmodel\t'"$model"
	assert_output --regexp $'accuracy\t'
	assert_file_exists mlruns/*/*/artifacts/predictions.tsv
}

@test "slurm: the chain runs data set, sweep, select and predict, a killed task retried" {
	# normrender killed (SIGKILL) the first time it runs, in whichever task
	mkdir -p fake
	cat > fake/normrender <<-EOF
	#!/bin/sh
	mkdir "$BATS_FILE_TMPDIR/killed" 2>/dev/null && kill -9 \$\$
	exec "$MILLDIR_BUILDDIR/bin/normrender" "\$@"
	EOF
	chmod +x fake/normrender
	PATH=$PWD/fake:$PATH run --separate-stderr sh "$S/chain.sh" -r 2 -s 4 -e 2 -n 2 -x ch -o run \
		parts new "${VARS[@]}"
	assert_success
	[ "${#lines[@]}" -eq 6 ]
	[ "$(cut -d' ' -f1 <<<"$output" | tr '\n' ' ')" = \
		"dataset dataset-join sweep sweep-select predict predict-join " ]
	local ids
	ids=$(cut -d' ' -f2 <<<"$output")
	# each stage waits for the one before
	[ "$(job Dependency "$(jobid sweep)")" = "afterok:$(jobid dataset-join)(unfulfilled)" ]
	[ "$(job Dependency "$(jobid predict)")" = "afterok:$(jobid sweep-select)(unfulfilled)" ]
	wait_jobs $ids
	[ "$(job JobState "$(jobid predict-join)")" = COMPLETED ]
	# the killed task ran again and succeeded
	assert_dir_exists killed
	run grep -l 'attempt 2' run/*/logs/*.out
	echo "$output"; grep -h -e == -e requeue -e failed run/*/logs/*.out
	[ "${#lines[@]}" -eq 1 ]
	grep -q 'requeued for attempt 2' "${lines[0]}"
	# the results: one machine's data set, 2 drawn settings, 7 predictions
	cmp single/dataset.mdf run/data/dataset.mdf
	[ "$(wc -l < run/sweep/grid)" -eq 2 ]
	assert_file_exists "$(cat run/sweep/best)/best.weights"
	dnnpredict --model "$(cat run/sweep/best)" < newsingle/dataset.mdf > chain.pred
	cmp chain.pred run/predict/predictions.mdf
	[ "$(wc -l < run/predict/predictions.tsv)" -eq 7 ]
}

@test "slurm: misuse is refused with exit 64, a missing input with 66" {
	run sh "$S/dataset.sh" parts
	[ "$status" -eq 64 ]
	run sh "$S/sweep.sh" -g grid.txt -r 3 single/dataset.mdf x
	[ "$status" -eq 64 ]
	run sh "$S/predict.sh" new x
	[ "$status" -eq 64 ]
	run sh "$S/chain.sh" -q parts new
	[ "$status" -eq 64 ]
	run --separate-stderr sh "$S/dataset.sh" nonexistent x
	[ "$status" -eq 66 ]
	[ "$stderr" = "dataset.sh: nonexistent: no such directory" ]
	run sh "$S/sweep.sh" -g grid.txt nonexistent.mdf x
	[ "$status" -eq 66 ]
}

@test "slurm: stopping the cluster leaves no daemon running" {
	local pids p i st
	pids=$(cat "$CLUSTER"/*.pid)
	[ -n "$pids" ]
	sh "$MILLDIR_SRCDIR/tests/slurmcluster.sh" stop "$CLUSTER"
	for p in $pids; do
		# gone, or a zombie not yet reaped (1 s at most)
		for ((i = 0; i < 10; i++)); do
			st=$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null) || st=
			[ -z "$st" ] || [ "$st" = Z ] && continue 2
			sleep 0.1
		done
		fail "pid $p still running"
	done
	run pgrep -f "$CLUSTER/"
	assert_failure
}
