#!/bin/sh
# The busy-machine mark of `make bench`: runs one benchmark script and
# passes its output through, marking each line printed after a
# measurement taken while other processes were using the CPU:
#
#     full build: 5210 ms, 0.087 s per part ...   <-- BUSY (load 1.4)
#
# "load" here is the CPU time that processes outside the benchmark used
# per second of wall time while the figure was measured: the system's busy
# time (/proc/stat) less the CPU time of the script and everything it
# started (/proc/PID/stat, living and waited-for).  /proc/loadavg would
# count the benchmark itself, and its one-minute average lags the
# measurement it should judge.  A line's interval is the time since the
# previous interval ended, at least MIN_INTERVAL seconds (lines that follow
# each other faster share it: a table printed at once), and the line is
# judged by the busier of its interval and the one before it: the load
# before and after its measurement.  The first interval before the script
# is one second of the machine without it.  Lines without a digit are
# never marked.
#
# Usage: busy.sh SCRIPT      (run by `make bench` for every BENCH_RUNS)
# BENCH_BUSY_LOAD: the load above which a figure is marked (default 0.5).
# Exits with the script's status.
set -u
script=$1
limit=${BENCH_BUSY_LOAD:-0.5}
MIN_INTERVAL=0.5

if [ ! -r /proc/stat ]; then
	echo "busy.sh: no /proc/stat: figures are not checked for a busy machine"
	exec "${SHELL:-/bin/sh}" "$script"
fi
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)

# sample: "SECONDS BUSY-TICKS OWN-TICKS": the time, the whole system's
# busy ticks and those of this shell and its descendants (the script, and
# our own sampling)
sample() {
	{
		date +%s.%N
		head -n 1 /proc/stat
		cat /proc/[0-9]*/stat 2>/dev/null
	} | awk -v root="$$" '
	NR == 1 { t = $1; next }
	NR == 2 { busy = $2 + $3 + $4 + $7 + $8 + $9; next }
	{
		pid = $1
		sub(/^.*\) /, "")          # past "PID (COMM) ": the comm may hold blanks
		ppid[pid] = $2
		ticks[pid] = $12 + $13 + $14 + $15  # utime stime cutime cstime
	}
	END {
		own = 0
		for (p in ticks) {
			q = p
			for (n = 0; n < 64 && q != root && q > 1; n++)
				q = ppid[q]
			if (q == root)
				own += ticks[p]
		}
		printf "%s %d %d\n", t, busy, own
	}'
}

# others T0 B0 O0 T1 B1 O1: the others' load between two samples
others() {
	awk -v hz="$hz" -v t0="$1" -v b0="$2" -v o0="$3" -v t1="$4" -v b1="$5" -v o1="$6" 'BEGIN {
		l = ((b1 - b0) - (o1 - o0)) / hz / (t1 - t0)
		printf "%.1f", l < 0 ? 0 : l
	}'
}

# busy LOAD: true when LOAD is above the limit
busy() {
	awk -v l="$1" -v m="$limit" 'BEGIN { exit !(l > m) }'
}

# max A B: the larger of two loads
max() {
	awk -v a="$1" -v b="$2" 'BEGIN { print (a > b) ? a : b }'
}

# the load before: one second of the machine without us
set -- $(sample)
sleep 1
set -- "$@" $(sample)
load=$(others "$@")
t0=$4 b0=$5 o0=$6
prev=$load marked=0 maxload=$load
if busy "$load"; then
	echo "busy.sh: BUSY before the benchmark (load $load): its first figures are marked"
fi

fifo=$(mktemp -u "${TMPDIR:-/tmp}/busy.XXXXXX")
mkfifo "$fifo" || exit 70
trap 'rm -f "$fifo"' EXIT
"${SHELL:-/bin/sh}" "$script" >"$fifo" &
pid=$!
while IFS= read -r line; do
	set -- $(sample)
	if awk -v a="$t0" -v b="$1" -v m="$MIN_INTERVAL" 'BEGIN { exit !(b - a >= m) }'; then
		new=$(others "$t0" "$b0" "$o0" "$1" "$2" "$3")
		# the busier of the interval just past (after) and the one
		# before it
		load=$(max "$prev" "$new")
		prev=$new t0=$1 b0=$2 o0=$3
	fi
	case $line in
	*[0-9]*)
		if busy "$load"; then
			line="$line   <-- BUSY (load $load)"
			marked=$((marked + 1))
			maxload=$(max "$maxload" "$load")
		fi ;;
	esac
	printf '%s\n' "$line"
done <"$fifo"
wait "$pid"
status=$?
if [ "$marked" -gt 0 ]; then
	echo "busy.sh: $marked lines measured on a BUSY machine (others' load up to $maxload):" \
		"only quiet runs count"
fi
exit "$status"
