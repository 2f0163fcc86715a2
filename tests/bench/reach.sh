#!/bin/sh
# Benchmark of reach (run by `make bench`).
#
# Time per part for all six sides on one thread (reach -j 1), against
# normrender | metagrid of the same part in the same run (10x10 views of
# 64 px, one thread, resized to 224x224: the meta-image a learned model
# needs first), for a ~10k-triangle sphere (9940; the goal: at most 5 ms;
# with the default --stock auto every axis holds it as a bar, the worst
# case of the stock's search), a ~100k one and a partgen part with
# distractors; at the default 256
# samples a side and at 128 (-r 128: on 600 partgen parts the same
# labels).  Streams of 40 copies (10 of the 100k sphere), so process
# start-up is shared and /usr/bin/time's 10 ms CPU ticks are at most
# 0.25 ms a part (1 ms for the 100k sphere); best of
# 3, wall and CPU.
# Prints its figures and ratios; fails only when a tool fails.
set -eu

B=${MILLDIR_BUILDDIR:?set by make bench}
PATH="$B/bin:$B/tests:$PATH"
export PATH
T=$(mktemp -d "${TMPDIR:-/tmp}/reach-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

[ -x "$B/tests/mkmesh" ] || make -s -C "$B" tests/mkmesh >/dev/null

# the tools themselves, not libtool's wrapper scripts (5-15 ms each)
if [ -x "$B/bin/.libs/reach" ] && [ -d "$B/lib/.libs" ]; then
	mkdir "$T/bin"
	ln -s "$B/bin/.libs/reach" "$B/bin/.libs/normrender" \
	    "$B/bin/.libs/metagrid" "$T/bin/"
	PATH="$T/bin:$PATH"
	LD_LIBRARY_PATH="$B/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	export LD_LIBRARY_PATH
fi

now() { date +%s%N; }
# best of 3 wall times of the shell command string $1, in ms
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
# best of 3 CPU times (user + system) of $1, in ms
cpu_ms() {
	if [ ! -x /usr/bin/time ]; then
		echo 0
		return
	fi
	best=
	for _ in 1 2 3; do
		/usr/bin/time -f '%U %S' -o "$T/time" sh -c "$1"
		c=$(awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$T/time")
		if [ -z "$best" ] || [ "$c" -lt "$best" ]; then best=$c; fi
	done
	echo "$best"
}

mkmesh sphere 71 -- part=sphere10k >"$T/p10k.mdf"
mkmesh sphere 224 -- part=sphere100k >"$T/p100k.mdf"
partgen -n 1 -s 1 -d 1 >"$T/part.mdf"
for p in p10k p100k part; do
	: >"$T/$p.x10"
	k=40
	[ "$p" = p100k ] && k=10
	i=0
	while [ "$i" -lt "$k" ]; do cat "$T/$p.mdf" >>"$T/$p.x10"; i=$((i + 1)); done
	echo "$k" >"$T/$p.copies"
done

echo "ms per part (streams of 40 copies, 10 of sphere100k; best of 3), all six sides on one thread:"
echo "reach -j 1 against normrender -j 1 | metagrid --resize 224x224"
printf '%-12s %9s %10s %10s %10s %12s %12s %8s\n' part triangles samples "reach" \
    "reach CPU" "render+tile" "render CPU" ratio
for p in p10k p100k part; do
    for px in 256 128; do
	tris=$(mdf get triangles "$T/$p.mdf")
	k=$(cat "$T/$p.copies")
	r=$(best_ms "reach -j 1 -r $px <'$T/$p.x10' >/dev/null")
	rc=$(cpu_ms "reach -j 1 -r $px <'$T/$p.x10' >/dev/null")
	n=$(best_ms "normrender -j 1 <'$T/$p.x10' | metagrid --resize 224x224 >/dev/null")
	nc=$(cpu_ms "normrender -j 1 <'$T/$p.x10' | metagrid --resize 224x224 >/dev/null")
	printf '%-12s %9s %10s %10s %10s %12s %12s %8s\n' "$(mdf get part "$T/$p.mdf")" \
	    "$tris" "$px" \
	    "$(echo "$r $k" | awk '{ printf "%.2f", $1 / $2 }')" \
	    "$(echo "$rc $k" | awk '{ printf "%.2f", $1 / $2 }')" \
	    "$(echo "$n $k" | awk '{ printf "%.2f", $1 / $2 }')" \
	    "$(echo "$nc $k" | awk '{ printf "%.2f", $1 / $2 }')" \
	    "$(echo "$n $r" | awk '{ printf "%.1fx", $1 / ($2 > 0 ? $2 : 0.001) }')"
    done
done
echo "goal: at most 5 ms per 10k-triangle part (sphere10k, wall, quiet machine)"
