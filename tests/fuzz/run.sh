#!/bin/sh
# run.sh [SECONDS]: build the libFuzzer targets (importers, YAML, cfg,
# frame reader with its typed views, PNG import) with clang and
# fuzz each for SECONDS (default 10) from the seed corpus.  Run it from a
# configured build directory (or set MILLDIR_BUILDDIR).  Exits non-zero
# when a target crashes, leaks or times out.
set -eu
secs=${1:-10}
here=$(cd "$(dirname "$0")" && pwd)
build=${MILLDIR_BUILDDIR:-$PWD}
cd "$build"
make -s fuzz-stl2norm fuzz-metriclog fuzz-dnn fuzz-modeldir fuzz-frame
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for t in stl obj ply yaml cfg labels meta frame png; do
	mkdir -p "$work/$t"
	cp "$here/corpus/$t"/* "$work/$t"/ 2>/dev/null || true
	echo "fuzz_$t: ${secs}s"
	if ! ./tests/fuzz/fuzz_$t -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=0 \
	    -artifact_prefix="$work/" "$work/$t" >"$work/$t.log" 2>&1; then
		tail -40 "$work/$t.log"
		echo "fuzz_$t: FAILED"
		status=1
	fi
done
# the CAD import: seeded with a STEP file of cadmk's and one that
# crashes Open CASCADE's STEP reader (a direction without coordinates);
# the kernel runs in a child process (lib/cad/cadio.c), so its crashes
# and hangs must come back as errors.  Open CASCADE keeps caches for the
# life of the process, which LeakSanitizer would report.
make -s fuzz-cad tests/cadmk
mkdir -p "$work/step"
./tests/cadmk two-blocks "$work/step/two.step"
sed "s/DIRECTION('',([^)]*))/DIRECTION('',())/" "$work/step/two.step" > "$work/step/crash.step"
echo "fuzz_step: ${secs}s"
if ! ASAN_OPTIONS=detect_leaks=0 ./tests/fuzz/fuzz_step -max_total_time="$secs" \
    -timeout=30 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=0 \
    -artifact_prefix="$work/" "$work/step" >"$work/step.log" 2>&1; then
	tail -40 "$work/step.log"
	echo "fuzz_step: FAILED"
	status=1
fi
exit $status
