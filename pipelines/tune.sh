#!/bin/sh
# tune.sh [OPTION]... SPACE DATA: hyper-parameter search by successive
# halving, every trial a child of one MLflow parent run.  See
# man/milldir-tune.1.
#
# Draws TRIALS settings from the search space SPACE (seeded), trains them
# all for the first rung's epochs, keeps the best 1/ETA by validation F1,
# trains those on from their own last weights (dnntrain --init) to the
# next rung's epochs, and so on; the rest stop.  The trials of a rung run
# in parallel under make -j; each one is pipelines/tune-trial.sh, which a
# Slurm array can run as well.  Everything lives in DIR: run again with
# the same options and finished trial rungs are skipped.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
usage() {
	cat <<EOF
Usage: tune.sh [OPTION]... SPACE DATA
Search hyper-parameters of dnntrain by successive halving.

  -n, --trials N       settings drawn (default 9)
  -r, --rungs E1,E2..  cumulative epochs of each rung (default 1,3,9)
      --eta K          a rung keeps the best 1/K of its trials (default 3)
  -j, --jobs N         trials trained at once (default 2)
  -s, --seed N         seed of the draws and of dnntrain (default 1)
  -d, --dir DIR        where trials and models go (default tune.d)
  -e, --experiment E   MLflow experiment (default tune)
  -S, --store DIR      metriclog store (default: metriclog's)
  -h, --help           this help
EOF
}
die() { echo "tune.sh: $*" >&2; exit "${code:-64}"; }
trials=9 rungs=1,3,9 eta=3 jobs=2 seed=1 dir=tune.d exp=tune store=${MLFLOW_TRACKING_URI:-mlruns}
while [ $# -gt 0 ]; do
	case $1 in
	-n | --trials) trials=${2:?}; shift ;;
	-r | --rungs) rungs=${2:?}; shift ;;
	--eta) eta=${2:?}; shift ;;
	-j | --jobs) jobs=${2:?}; shift ;;
	-s | --seed) seed=${2:?}; shift ;;
	-d | --dir) dir=${2:?}; shift ;;
	-e | --experiment) exp=${2:?}; shift ;;
	-S | --store) store=${2:?}; shift ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	-*) die "unknown option $1" ;;
	*) break ;;
	esac
	shift
done
[ $# -eq 2 ] || { usage >&2; exit 64; }
space=$1 data=$2
for v in "$trials" "$eta" "$jobs" "$seed"; do
	case $v in '' | *[!0-9]*) die "not a whole number: $v" ;; esac
done
[ "$trials" -ge 1 ] && [ "$eta" -ge 2 ] && [ "$jobs" -ge 1 ] || die "want --trials >= 1, --eta >= 2, --jobs >= 1"
case $rungs in '' | *[!0-9,]* | ,* | *, | *,,*) die "--rungs: want increasing epochs such as 1,3,9" ;; esac
[ -r "$space" ] || code=66 die "$space: cannot read the search space"
[ -r "$data" ] || code=66 die "$data: cannot read the data"
data=$(cd "$(dirname "$data")" && pwd)/$(basename "$data")
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# --- the draws: one settings file per trial ---------------------------
# SPACE: one line per setting, KEY DISTRIBUTION ARGS ('#' comments):
#   KEY loguniform LOW HIGH | uniform LOW HIGH | int LOW HIGH
#   KEY choice V1 V2 ...   ('none' for no augmentation)
# Park-Miller's generator in awk (exact in doubles, the same in every awk).
awk -v seed="$seed" -v n="$trials" -v dir="$dir" '
function rnd() { x = (x * 16807) % 2147483647; return x / 2147483647 }
/^[ \t]*(#|$)/ { next }
{
	if ($2 !~ /^(loguniform|uniform|int|choice)$/ ||
	    ($2 != "choice" && (NF != 4 || $3 + 0 > $4 + 0 ||
	     ($2 == "loguniform" && $3 + 0 <= 0))) || NF < 3) {
		printf "tune.sh: %s: line %d: want KEY loguniform|uniform|int LOW HIGH or KEY choice V...\n", FILENAME, FNR > "/dev/stderr"
		bad = 1; exit 65
	}
	if ($1 !~ /^(lr|batch|momentum|decay|policy|augment|net|size|seed)$/) {
		printf "tune.sh: %s: line %d: unknown setting %s\n", FILENAME, FNR, $1 > "/dev/stderr"
		bad = 1; exit 65
	}
	k[++nk] = $1; d[nk] = $2; line[nk] = $0
	if ($1 == "seed") hasseed = 1
}
END {
	if (bad) exit 65
	x = (seed % 2147483646) + 1
	for (i = 1; i <= 20; i++) rnd()
	for (t = 1; t <= n; t++) {
		f = sprintf("%s/t%03d.settings", dir, t)
		for (j = 1; j <= nk; j++) {
			split(line[j], a, /[ \t]+/)
			u = rnd()
			if (d[j] == "loguniform") v = sprintf("%.3g", exp(log(a[3]) + u * (log(a[4]) - log(a[3]))))
			else if (d[j] == "uniform") v = sprintf("%.3g", a[3] + u * (a[4] - a[3]))
			else if (d[j] == "int") v = int(a[3] + u * (a[4] - a[3] + 1))
			else { m = 0; for (q = 3; q in a; q++) m++; v = a[3 + int(u * m)] }
			if (d[j] == "choice" && k[j] == "augment") gsub(/\+/, " ", v)
			print k[j] "=" v > f
		}
		if (!hasseed) print "seed=" seed > f
		close(f)
	}
}' "$space" || exit 65
for t in $(seq -f 't%03g' 1 "$trials"); do
	mkdir -p "$dir/$t"
	# a trial's settings never change once drawn (a resumed search
	# continues the same trials)
	if [ -f "$dir/$t/settings" ]; then
		cmp -s "$dir/$t.settings" "$dir/$t/settings" ||
			code=65 die "$dir/$t: drawn with other settings (another seed or space): use another --dir"
	else
		mv "$dir/$t.settings" "$dir/$t/settings"
	fi
	rm -f "$dir/$t.settings"
done

# --- the parent run ---------------------------------------------------
if [ ! -s "$dir/parent" ]; then
	metriclog start --store "$store" --experiment "$exp" \
	    --run-name "tune-$(basename "$dir")-seed$seed" >"$dir/parent.new"
	mv "$dir/parent.new" "$dir/parent"
fi
parent=$(cat "$dir/parent")

# --- the rungs ----------------------------------------------------------
alive=$(seq -f 't%03g' 1 "$trials")
prev=- done_epochs=0 r=0
for e in $(echo "$rungs" | tr , ' '); do
	[ "$e" -gt "$done_epochs" ] || die "--rungs: want increasing epochs such as 1,3,9"
	mk=$dir/rung$r.mk
	{
		echo "all:"
		for t in $alive; do
			echo "all: $dir/$t/r$r/score"
			echo "$dir/$t/r$r/score:"
			printf '\t@echo "  TRIAL    %s rung %s (%s epochs)" >&2\n' "$t" "$r" "$e"
			printf "\t@'%s/tune-trial.sh' '%s' %s %s %s '%s' %s '%s'\n" "$here" \
			    "$dir/$t" "$r" "$((e - done_epochs))" "$prev" "$data" "$parent" "$store"
		done
	} >"$mk"
	# its own -j: not an outer make's jobserver (run from `make check -j2`,
	# make would warn that it disables it)
	(unset MAKEFLAGS MFLAGS MAKELEVEL
	 make -s --no-print-directory -j "$jobs" -f "$mk" all >&2)
	# rank by score (best validation F1), ties to the lower trial number
	n=$(echo "$alive" | wc -w)
	keep=$(( (n + eta - 1) / eta ))
	ranked=$(for t in $alive; do echo "$(cat "$dir/$t/r$r/score") $t"; done |
	    sort -k1,1gr -k2,2 | tee "$dir/rung$r.scores" | awk '{ print $2 }')
	alive=$(echo "$ranked" | head -n "$keep")
	prev=$r done_epochs=$e r=$((r + 1))
done
metriclog end --store "$store" "$parent" >/dev/null
metriclog best --store "$store" --parent "$parent" 2>/dev/null ||
	code=65 die "no trial finished training (their logs: $dir/t*/r*/log)"
