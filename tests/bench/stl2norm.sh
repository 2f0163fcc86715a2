#!/bin/sh
# Import speed of stl2norm on a generated ring of 1.2 million triangles,
# binary (60 MB) and ASCII, read from the page cache, next to admesh
# reading the same files.  Prints MB/s and the ratios; best of 3 runs.
# Goals (issue 3): binary >= 1000 MB/s and >= 5x admesh; ASCII >= 150 MB/s.
set -eu
build=${MILLDIR_BUILDDIR:-$(pwd)}
n=${STL2NORM_BENCH_TRIANGLES:-1200000}
# stlgen is a check program: build it (and stl2norm) if needed
make -s -C "$build" tests/stlgen bin/stl2norm >/dev/null 2>&1 || true
for p in tests/stlgen bin/stl2norm; do
	[ -x "$build/$p" ] || { echo "stl2norm bench: $build/$p not built" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/stlgen" -s -n "$n" > "$work/ring.stl"
"$build/tests/stlgen" -a -n "$n" > "$work/ring-ascii.stl"
cat "$work/ring.stl" "$work/ring-ascii.stl" > /dev/null   # into the page cache

# best SECONDS of 3 runs of a command (stdout discarded)
best() {
	b=
	for i in 1 2 3; do
		s=$(date +%s.%N)
		"$@" > /dev/null 2>&1
		e=$(date +%s.%N)
		b=$(echo "$s $e ${b:-9999}" | awk '{ t = $2 - $1; print (t < $3) ? t : $3 }')
	done
	echo "$b"
}

report() {  # report NAME FILE SECONDS
	awk -v name="$1" -v bytes="$(wc -c < "$2")" -v t="$3" 'BEGIN {
		printf "%-34s %8.3f s %9.1f MB/s\n", name, t, bytes / t / 1e6 }'
}

tb=$(best "$build/bin/stl2norm" -q "$work/ring.stl")
ta=$(best "$build/bin/stl2norm" -q "$work/ring-ascii.stl")
echo "stl2norm import, $n triangles (to /dev/null, frame CRC included):"
report "stl2norm binary STL" "$work/ring.stl" "$tb"
report "stl2norm ASCII STL" "$work/ring-ascii.stl" "$ta"
if command -v admesh > /dev/null; then
	# admesh -c (--no-check) only reads the file and prints its statistics
	tab=$(best admesh -c "$work/ring.stl")
	taa=$(best admesh -c "$work/ring-ascii.stl")
	report "admesh -c binary STL" "$work/ring.stl" "$tab"
	report "admesh -c ASCII STL" "$work/ring-ascii.stl" "$taa"
	awk -v a="$tab" -v b="$tb" -v c="$taa" -v d="$ta" 'BEGIN {
		printf "ratio binary: stl2norm is %.1fx admesh (goal >= 5x)\n", a / b
		printf "ratio ASCII:  stl2norm is %.1fx admesh\n", c / d }'
else
	echo "admesh not found: no ratio (install the Debian package admesh)"
fi
