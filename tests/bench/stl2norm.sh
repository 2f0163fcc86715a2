#!/bin/sh
# Import speed of stl2norm on generated rings of triangles, binary (4
# million, 200 MB) and ASCII (1 million, 250 MB, %e numbers as SolidWorks
# writes them), from the page cache, next to admesh -c (read and print
# statistics, no checks) reading the same files.  Prints MB/s and ratios.
# Goals (issue 3): binary >= 1000 MB/s and >= 5x admesh; ASCII >= 150 MB/s.
# The machine is shared: CPU times are printed beside wall times, and
# only ratios measured in the same run mean much.
set -eu
build=${MILLDIR_BUILDDIR:-$(pwd)}
n=${STL2NORM_BENCH_TRIANGLES:-1000000}
nb=$((4 * n))
# stlgen and importbench are check programs: build them if needed
make -s -C "$build" tests/stlgen tests/importbench bin/stl2norm >/dev/null 2>&1 || true
for p in tests/stlgen tests/importbench bin/stl2norm; do
	[ -x "$build/$p" ] || { echo "stl2norm bench: $build/$p not built" >&2; exit 1; }
done
# run the programs themselves, not libtool's wrapper scripts
tool=$build/bin/stl2norm ib=$build/tests/importbench
if [ -x "$build/bin/.libs/stl2norm" ]; then
	tool=$build/bin/.libs/stl2norm
	LD_LIBRARY_PATH=$build/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
	export LD_LIBRARY_PATH
fi
[ -x "$build/tests/.libs/importbench" ] && ib=$build/tests/.libs/importbench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/stlgen" -s -n "$nb" > "$work/ring.stl"
"$build/tests/stlgen" -a -n "$n" > "$work/ring-ascii.stl"
cat "$work/ring.stl" "$work/ring-ascii.stl" > /dev/null   # into the page cache

# time RUNS CMD...: best wall and CPU seconds of RUNS runs, "WALL CPU"
timeit() {
	runs=$1
	shift
	best=
	i=0
	while [ $i -lt "$runs" ]; do
		/usr/bin/env time -f '%e %U %S' -o "$work/t" "$@" > /dev/null 2>&1 ||
		    { echo "stl2norm bench: $* failed" >&2; exit 1; }
		best=$(awk -v b="${best:-9999 9999}" '{ split(b, o, " ");
		    w = $1 < o[1] ? $1 : o[1]; c = $2 + $3 < o[2] ? $2 + $3 : o[2];
		    print w, c }' "$work/t")
		i=$((i + 1))
	done
	echo "$best"
}

mbs() {  # mbs NAME FILE "WALL CPU"
	echo "$3" | awk -v name="$1" -v bytes="$(wc -c < "$2")" '{
	    printf "%-26s wall %6.3f s %7.0f MB/s   cpu %6.3f s %7.0f MB/s\n",
	    name, $1, bytes / ($1 > 0 ? $1 : 0.01) / 1e6, $2,
	    bytes / ($2 > 0 ? $2 : 0.01) / 1e6 }'
}

echo "parser alone (mdf_import_buffer into a reused frame, best of 5):"
"$ib" "$work/ring.stl" | tee "$work/pb"
"$ib" -r 3 "$work/ring-ascii.stl" | tee "$work/pa"

echo "stl2norm FILE > /dev/null (frame CRC and write included):"
tb=$(timeit 3 "$tool" -q "$work/ring.stl")
ta=$(timeit 2 "$tool" -q "$work/ring-ascii.stl")
mbs "stl2norm binary" "$work/ring.stl" "$tb"
mbs "stl2norm ASCII" "$work/ring-ascii.stl" "$ta"
if command -v admesh > /dev/null; then
	tab=$(timeit 3 admesh -c "$work/ring.stl")
	taa=$(timeit 1 admesh -c "$work/ring-ascii.stl")
	mbs "admesh -c binary" "$work/ring.stl" "$tab"
	mbs "admesh -c ASCII" "$work/ring-ascii.stl" "$taa"
	echo "$tb $tab $ta $taa" | awk '{
	    printf "ratio binary: stl2norm %.1fx faster than admesh (wall), %.1fx (cpu); goal >= 5x\n", $3 / $1, $4 / $2
	    printf "ratio ASCII:  stl2norm %.1fx faster than admesh (wall), %.1fx (cpu)\n", $7 / $5, $8 / $6 }'
	# the one-pass parser into a reused frame (no frame CRC, no fresh
	# output memory), against all of admesh -c
	pb=$(sed 's/.*cpu \([0-9.]*\) s.*/\1/' "$work/pb")
	pa=$(sed 's/.*cpu \([0-9.]*\) s.*/\1/' "$work/pa")
	echo "$pb $tab $pa $taa" | awk '{
	    printf "ratio parser alone (cpu): binary %.1fx admesh, ASCII %.1fx\n", $3 / $1, $6 / $4 }'
	# CPU time to the millisecond where perf works (time(1) counts in
	# 10 ms steps, a sixth of stl2norm's binary run)
	if perf stat -x, -e task-clock true > /dev/null 2>&1; then
		tclock() {  # tclock RUNS CMD...: best task-clock in ms
			runs=$1
			shift
			best=999999
			i=0
			while [ $i -lt "$runs" ]; do
				t=$(perf stat -x, -e task-clock "$@" 2>&1 > /dev/null |
				    awk -F, '/task-clock/ { print $1 }')
				best=$(echo "$t $best" | awk '{ print $1 < $2 ? $1 : $2 }')
				i=$((i + 1))
			done
			echo "$best"
		}
		cb=$(tclock 5 "$tool" -q "$work/ring.stl")
		cab=$(tclock 3 admesh -c "$work/ring.stl")
		echo "$cb $cab" | awk '{ printf "task-clock binary (perf stat, best of 5/3): stl2norm %.1f ms, admesh -c %.1f ms: %.1fx\n", $1, $2, $2 / $1 }'
	fi
else
	echo "admesh not found: no ratio (install the Debian package admesh)"
fi
