#!/bin/sh
# Benchmark of normembed (run by `make bench`).
#
# Input preparation per part, the two classifiers' inputs measured in the
# same run on the same meshes: normembed (the embedding, all extra
# channels, 66 bins) against normrender | metagrid (10x10 views of 64 px
# resized to 224x224, 2 threads: the meta-image pipeline's defaults),
# for a ~100k-triangle sphere, a ~10k one and a partgen part.  Streams of
# 10 copies, so process start-up is shared; best of 3.
# Prints its figures and ratios; fails only when a tool fails.
set -eu

B=${MILLDIR_BUILDDIR:?set by make bench}
PATH="$B/bin:$B/tests:$PATH"
export PATH
T=$(mktemp -d "${TMPDIR:-/tmp}/normembed-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

[ -x "$B/tests/mkmesh" ] || make -s -C "$B" tests/mkmesh >/dev/null

now() { date +%s%N; }
# best of 3 runs of the shell command string $1, in ms
best_ms() {
	best=
	for _ in 1 2 3; do
		t0=$(now)
		sh -c "$1"
		t1=$(now)
		us=$(( (t1 - t0) / 1000 ))
		if [ -z "$best" ] || [ "$us" -lt "$best" ]; then best=$us; fi
	done
	echo "$best" | awk '{ printf "%.2f", $1 / 1000 }'
}

# CPU ms (user + system) of the shell command string $1, best of 3: wall
# time on a shared, loaded machine says more about the neighbours
cpu_ms() {
	best=
	for _ in 1 2 3; do
		/usr/bin/time -f '%U %S' -o "$T/time" sh -c "$1"
		c=$(awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$T/time")
		if [ -z "$best" ] || [ "$c" -lt "$best" ]; then best=$c; fi
	done
	echo "$best"
}

mkmesh sphere 224 -- part=sphere100k >"$T/p100k.mdf"
mkmesh sphere 71 -- part=sphere10k >"$T/p10k.mdf"
partgen -n 1 -s 1 >"$T/part.mdf"
for p in p100k p10k part; do
	: >"$T/$p.x10"
	for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$T/$p.mdf" >>"$T/$p.x10"; done
done

echo "ms per part (stream of 10, best of 3): normembed -n -f mean,moments,bbox,offset"
echo "against normrender -j 2 | metagrid --resize 224x224 (10x10 views of 64 px)"
echo "(wall ms; normembed's CPU ms and triangles per CPU second beside them)"
printf '%-12s %9s %12s %12s %10s %10s %14s\n' part triangles "normembed" "render+tile" \
    "ratio" "CPU ms" "Mtriangles/s"
for p in p100k p10k part; do
	tris=$(mdf get triangles "$T/$p.mdf")
	e=$(best_ms "normembed -n -f mean,moments,bbox,offset <'$T/$p.x10' >/dev/null")
	r=$(best_ms "normrender -j 2 <'$T/$p.x10' | metagrid --resize 224x224 >/dev/null")
	if [ -x /usr/bin/time ]; then
		c=$(cpu_ms "normembed -n -f mean,moments,bbox,offset <'$T/$p.x10' >/dev/null")
	else
		c=-
	fi
	printf '%-12s %9s %12s %12s %10s %10s %14s\n' "$(mdf get part "$T/$p.mdf")" "$tris" \
	    "$(echo "$e" | awk '{ printf "%.3f", $1 / 10 }')" \
	    "$(echo "$r" | awk '{ printf "%.2f", $1 / 10 }')" \
	    "$(echo "$r $e" | awk '{ printf "%.0fx", $1 / ($2 > 0 ? $2 : 0.001) }')" \
	    "$(echo "$c" | awk '{ printf "%.1f", $1 / 10 }')" \
	    "$(echo "$tris $c" | awk '{ printf "%.1f", ($2 > 0 ? $1 * 10 / $2 / 1000 : 0) }')"
done
