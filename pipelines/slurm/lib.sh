# pipelines/slurm/lib.sh: what the submit commands and the job scripts of
# pipelines/slurm share (sourced, not run).  See milldir-slurm(7).
#
# The submit commands (dataset.sh, sweep.sh, predict.sh, chain.sh) set
# MILLDIR_SLURM to their directory and export it; Slurm runs a copy of
# each job script from its spool directory, so the job scripts find this
# file, and pipelines/dataset.mk beside it, through that variable.

# ms_die MESSAGE [STATUS]: the message on stderr as "NAME: MESSAGE", exit.
ms_die() {
	echo "${ME:-milldir-slurm}: $1" >&2
	exit "${2:-1}"
}

# ms_write FILE: standard input to FILE through a temporary beside it,
# renamed when complete, so that a reader (or a requeued job) never sees
# part of it.  The temporary's name holds the host name and the pid: two
# nodes sharing a file system may run shells with the same pid.
ms_write() {
	set -- "$1" "$1.tmp.$(uname -n).$$"
	cat > "$2" && mv -f "$2" "$1" || { rm -f "$2"; return 1; }
}

# The sweep's options, taken by sweep.sh and by chain.sh (which passes them
# on): ms_sweep_defaults sets the variables grid draws seed experiment net
# epochs metric; ms_sweep_opt LETTER VALUE takes one option of getopts
# (status 1 if LETTER is not a sweep option).
ms_sweep_defaults() {
	grid= draws= seed=1 experiment=${MLFLOW_EXPERIMENT_NAME:-milldir-sweep}
	net=tiny epochs=20 metric=val_f1
}

ms_sweep_opt() {
	case $1 in
	g) grid=$2 ;;
	r) draws=$2 ;;
	s) seed=$2 ;;
	x) experiment=$2 ;;
	N) net=$2 ;;
	e) epochs=$2 ;;
	m) metric=$2 ;;
	*) return 1 ;;
	esac
}

# ms_stage NAME DIR TODO AFTER KIND JOIN ARRAY_OPTS JOIN_OPTS: a stage of
# the workflow.  The array job NAME ($MILLDIR_SLURM/NAME-task.sbatch DIR)
# over the task ranges TODO (none if empty: all done), waiting for job
# AFTER (afterok) if given; then the job JOIN ($MILLDIR_SLURM/JOIN.sbatch
# DIR), waiting for the array (KIND: afterok or afterany), or for AFTER
# when there is no array.  Logs in DIR/logs; ARRAY_OPTS and JOIN_OPTS are
# more sbatch options, split on spaces.  Prints "NAME ID" and "JOIN ID".
ms_stage() {
	_dep=${4:+afterok:$4}
	if [ -n "$3" ]; then
		# shellcheck disable=SC2086
		_id=$(ms_submit "$1" "$2/logs" --array="$3${ARRAY_LIMIT:+%$ARRAY_LIMIT}" \
			${_dep:+--dependency=$_dep} $7 "$MILLDIR_SLURM/$1-task.sbatch" "$2")
		[ -n "$_id" ] || ms_die "sbatch failed"
		echo "$1 $_id"
		_dep=$5:$_id
	fi
	# shellcheck disable=SC2086
	_id=$(ms_submit "$6" "$2/logs" ${_dep:+--dependency=$_dep} $8 \
		"$MILLDIR_SLURM/$6.sbatch" "$2")
	[ -n "$_id" ] || ms_die "sbatch failed"
	echo "$6 $_id"
}

# ms_ranges: the numbers on standard input (ascending, one a line) as a
# Slurm array specification, runs of consecutive numbers as ranges:
# 0 1 2 5 7 8 -> 0-2,5,7-8.
ms_ranges() {
	awk 'function flush() { if (n) s = s (s == "" ? "" : ",") (a == b ? a : a "-" b) }
	     { if (n && $1 == b + 1) b = $1; else { flush(); a = b = $1; n = 1 } }
	     END { flush(); print s }'
}

# ms_tracking: the tracking store every job uses.  MLFLOW_TRACKING_URI
# passes through as it is (an MLflow server's URL, a file: URI or an
# absolute path); unset, it becomes the absolute path of ./mlruns, so
# that every node writes the same store on the shared file system.
ms_tracking() {
	case ${MLFLOW_TRACKING_URI:-} in
	'') MLFLOW_TRACKING_URI=$(pwd)/mlruns ;;
	/* | *:*) ;;
	*) MLFLOW_TRACKING_URI=$(pwd)/$MLFLOW_TRACKING_URI ;;
	esac
	export MLFLOW_TRACKING_URI
}

# ms_submit NAME LOGDIR [SBATCH-OPTION]... SCRIPT [ARG]...: submit a job
# named milldir-NAME, print its id.  Every job gets the environment and
# the working directory of the submit command (PATH, MILLDIR_*, MLFLOW_*;
# the relative paths of the arguments), --requeue (a node failure or a
# preemption runs it again), its log appended to
# LOGDIR/NAME-ARRAYJOB_TASK.out or LOGDIR/NAME-JOB.out (a requeued task
# adds to its first log), and the options of MILLDIR_SBATCH (a partition,
# an account, a time limit) before the caller's.
ms_submit() {
	_name=$1 _logs=$2
	shift 2
	mkdir -p "$_logs"
	case " $* " in
	*" --array="*) _log=$_logs/$_name-%A_%a.out ;;
	*) _log=$_logs/$_name-%j.out ;;
	esac
	# shellcheck disable=SC2086  # MILLDIR_SBATCH: options, split on spaces
	sbatch --parsable --export=ALL --chdir="$(pwd)" --requeue --open-mode=append \
		--job-name="milldir-$_name" --output="$_log" \
		${MILLDIR_SBATCH:-} "$@" | sed 's/;.*//'
}

# ms_shard OUT SHARDS PARTS [VARIABLE=value]...: split the parts for
# pipelines/dataset.mk into OUT/.slurm: make.args (PARTS=, OUT= and the
# variables, one a line, for every job), targets (the per-part frame
# files, from dataset.mk's list target, which also writes OUT/.config,
# OUT/.src and OUT/.parts.mk) and shards/0, shards/1, ... (consecutive
# runs of targets, in name order).  SHARDS empty: one per 20 parts; at
# most 1000 (Slurm's default MaxArraySize is 1001) and at most one per
# part.  Sets ms_nshards.
ms_shard() {
	_out=$1 _n=$2 _parts=$3
	shift 3
	_s=$_out/.slurm
	mkdir -p "$_s" || return 74
	{
		printf 'PARTS=%s\nOUT=%s\n' "$_parts" "$_out"
		for _a; do printf '%s\n' "$_a"; done
	} | ms_write "$_s/make.args"
	set --
	while IFS= read -r _a; do set -- "$@" "$_a"; done < "$_s/make.args"
	(unset MAKEFLAGS MFLAGS MAKELEVEL; make -s -f "$MILLDIR_SLURM/../dataset.mk" "$@" list) |
		ms_write "$_s/targets" || ms_die "dataset.mk list failed" 1
	_t=$(wc -l < "$_s/targets")
	[ "$_t" -gt 0 ] || ms_die "$_parts: no *.stl files" 66
	[ -n "$_n" ] || _n=$(( (_t + 19) / 20 ))
	[ "$_n" -le 1000 ] || _n=1000
	[ "$_n" -le "$_t" ] || _n=$_t
	[ "$_n" -ge 1 ] || _n=1
	rm -rf "$_s/shards.new"
	mkdir "$_s/shards.new"
	awk -v n="$_t" -v s="$_n" -v d="$_s/shards.new" '
		BEGIN { k = int((n + s - 1) / s) }
		{ print > (d "/" int((NR - 1) / k)) }' "$_s/targets"
	rm -rf "$_s/shards"
	mv "$_s/shards.new" "$_s/shards"
	ms_nshards=$(ls "$_s/shards" | wc -l)
}

# ms_frames_todo OUT: the shards of OUT/.slurm/shards that are not done,
# as an array specification (empty when all are).  A shard is done when
# every frame file of it exists and is newer than its STL and the
# pipeline's options, the rule of dataset.mk.
ms_frames_todo() {
	_i=0
	while [ "$_i" -lt "$ms_nshards" ]; do
		while IFS= read -r _t; do
			_e=${_t##*/}
			_src=$1/.src/${_e%.mdf}.stl
			if [ ! -f "$_t" ] || [ "$_src" -nt "$_t" ] || [ "$1/.config" -nt "$_t" ] ||
			   [ "$1/.src/labels.tsv" -nt "$_t" ]; then
				echo "$_i"
				break
			fi
		done < "$1/.slurm/shards/$_i"
		_i=$((_i + 1))
	done | ms_ranges
}

# --- in the jobs ----------------------------------------------------------

# ms_job_start: a first line in the job's log (job, array task, node,
# attempt), and the environment a job needs: no make flags inherited from
# a make that ran the submit command.
ms_job_start() {
	echo "== ${ME:-job} job ${SLURM_JOB_ID:-?} task ${SLURM_ARRAY_TASK_ID:--} on ${SLURMD_NODENAME:-?}," \
		"attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 )), $(date -u '+%Y-%m-%dT%H:%M:%SZ')" >&2
	unset MAKEFLAGS MFLAGS MAKELEVEL
}

# ms_fail STATUS: end a job that failed.  While it has attempts left
# (MILLDIR_RETRIES, default 1: a failed or killed task runs once more), it
# asks Slurm to requeue it, which ends this script and starts it again
# from the top after Slurm's requeue delay (cred_expire, 120 s by
# default); the outputs of the first attempt were temporaries, never
# taken as done.  Otherwise it exits with STATUS, which fails the job or
# its array element, and the jobs that depend on it (afterok) never run.
ms_fail() {
	_st=$1 _n=${SLURM_RESTART_COUNT:-0}
	if [ "$_n" -lt "${MILLDIR_RETRIES:-1}" ] && [ -n "${SLURM_JOB_ID:-}" ]; then
		echo "${ME:-job}: failed with exit status $_st; requeued for attempt $((_n + 2))" >&2
		# an array element by ARRAYJOB_TASK: the last element to start
		# has the array's own id, which would requeue every element
		_id=$SLURM_JOB_ID
		[ -z "${SLURM_ARRAY_TASK_ID:-}" ] || _id=${SLURM_ARRAY_JOB_ID}_$SLURM_ARRAY_TASK_ID
		if scontrol requeue "$_id"; then
			# Slurm signals this script now; do not report success meanwhile
			sleep 60
		fi
	fi
	echo "${ME:-job}: failed with exit status $_st" >&2
	exit "$_st"
}

# ms_run COMMAND [ARG]...: run it; on failure ms_fail with its status.
ms_run() {
	"$@" || ms_fail $?
}

# A submit command stores the extra arguments of its jobs (make
# variables, dnntrain options) one a line; a job reads them back, values
# with spaces intact, with
#   set --; while IFS= read -r a; do set -- "$@" "$a"; done < FILE

# --- tracking: nested runs ---------------------------------------------
# A sweep's runs are the children of one parent run (the tag
# mlflow.parentRunId, as MLflow nests them in its UI): metriclog start
# creates the parent and prints its id, metriclog --parent ID logs a child
# into the parent's experiment, metriclog best --parent ID chooses among
# the children only, and metriclog end ID finishes the parent.

# ms_parent_start EXPERIMENT NAME: create the parent run, print its id.
ms_parent_start() {
	metriclog start --experiment "$1" --run-name "$2"
}

# ms_child_log EXPERIMENT PARENT NAME ARTIFACT-ROOT: log standard input
# (METR frames) as a child run of PARENT; its model directory is below
# ARTIFACT-ROOT.
ms_child_log() {
	metriclog --experiment "$1" --parent "$2" --run-name "$3" --artifact-root "$4" --quiet
}

# ms_best EXPERIMENT PARENT METRIC: the model directory of PARENT's best
# finished child.
ms_best() {
	metriclog best --experiment "$1" --parent "$2" --metric "$3"
}

# ms_parent_end ID [finished|failed]: close the parent run.
ms_parent_end() {
	metriclog end "$1" --status "${2:-finished}"
}
