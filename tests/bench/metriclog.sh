#!/bin/sh
# metriclog throughput: PRED frames evaluated per second (6 classes), METR
# metric values logged per second (one O_APPEND write each), and the time
# of `metriclog runs` and `best` over a store of 200 runs.  No peer: MLflow
# is not installable here (no Debian package, no PyPI), so there is no ratio.
set -eu
build=${MILLDIR_BUILDDIR:-$(pwd)}
make -s -C "$build" bin/metriclog bin/mdf >/dev/null 2>&1 || true
for p in bin/metriclog bin/mdf; do
	[ -x "$build/$p" ] || { echo "metriclog bench: $build/$p not built" >&2; exit 1; }
done
PATH="$build/bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

secs() {  # secs COMMAND...: wall seconds of one run, stdout discarded
	s=$(date +%s.%N)
	"$@" > /dev/null 2>&1
	e=$(date +%s.%N)
	echo "$s $e" | awk '{ printf "%.3f", $2 - $1 }'
}

# 131072 PRED frames by doubling one (frames concatenate)
perl -e 'print pack("f<*", 0.5, 0.1, 0.1, 0.1, 0.1, 0.1)' |
    mdf wrap PRED classes=+X,-X,+Y,-Y,+Z,-Z label=+Y pred.label=+X split=test > p.mdf
for i in $(seq 17); do cat p.mdf p.mdf > p2.mdf; mv p2.mdf p.mdf; done
n=131072
t=$(secs metriclog -q --store s1 p.mdf)
awk -v n=$n -v t="$t" 'BEGIN { printf "PRED frames:   %d in %.3f s = %.0f frames/s\n", n, t, n / t }'

# 20000 metric values in one METR frame
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "metric\tloss\t%.6f\t%d\t%d\n", 1 / (i + 1), i, 1767225600000 + i }' |
    mdf wrap METR > m.mdf
t=$(secs metriclog -q --store s2 m.mdf)
awk -v t="$t" 'BEGIN { printf "metric values: 20000 in %.3f s = %.0f values/s\n", t, 20000 / t }'

# 200 runs of 5 params and 50 metric values each, then the queries
awk 'BEGIN { for (p = 0; p < 5; p++) printf "param\tp%d\t%d\n", p, p;
	for (i = 0; i < 50; i++) printf "metric\tval_f1\t%.4f\t%d\t%d\n", i / 50, i, i }' | mdf wrap METR > r.mdf
i=0
while [ $i -lt 200 ]; do metriclog -q --store s3 -e sweep r.mdf; i=$((i + 1)); done
t=$(secs metriclog runs --store s3)
echo "runs over 200 runs: $t s"
t=$(secs metriclog best --store s3)
echo "best over 200 runs: $t s"
