#!/bin/sh
# pipelines/demo-full.sh: the original project's 224x224 setting with
# several networks side by side on the same data (what `make demo-full`
# runs).
#
#   NETS='efficientnet-lite0-grid efficientnet-b0-grid' sh pipelines/demo-full.sh
#
# For each network of NETS, pipelines/demo.sh runs the whole workflow in
# DEMO/NETWORK (its settings come from the environment: make demo-full
# sets 224x224 meta-images of 64-pixel views and 600 voxel parts; the
# parts are drawn with the same seeds, so every network sees the same
# training and held-out data), then one table compares them: held-out
# accuracy on generated parts and on CAD parts (CAD_PARTS), training time
# and model size (the weights file).  A network that misses MIN_ACCURACY
# is reported, not fatal: the table is the result.
#
#   DEMO   output directory [demo-full]
#   NETS   networks [efficientnet-lite0-grid efficientnet-b0-grid];
#          vgg16 does not fit the demo's time (40 times the multiply-adds
#          of either EfficientNet: hours on 2 cores; see the README)
# Exit status: 0 when every network ran (whatever its accuracy), 1 if one
# could not.
set -eu

: "${DEMO:=demo-full}"
: "${NETS:=efficientnet-lite0-grid efficientnet-b0-grid}"
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C

mkdir -p "$DEMO"
table=$DEMO/summary.tsv
printf 'network\tgenerated parts\tCAD parts\ttraining (s)\tweights (MB)\n' >"$table"
status=0
for net in $NETS; do
	out=$DEMO/$net
	echo "demo-full: $net (log: $out.txt)" >&2
	rc=0
	# EMB_NET empty: the image network alone, so that demo.sh's held-out
	# lines are this network's
	DEMO=$out NET=$net EMB_NET= EXPERIMENT="milldir-demo-full-$net" sh "$here/demo.sh" \
	    >"$out.txt" 2>"$out.log" || rc=$?
	acc=$(sed -n 's/^held-out accuracy (generated parts) \([0-9.]*\).*/\1/p' "$out.txt")
	cad=$(sed -n 's/^held-out accuracy (CAD parts) \([0-9.]*\).*/\1/p' "$out.txt")
	if [ -z "$acc" ]; then
		# demo.sh stopped before its summary (exit 1 only means an
		# accuracy below MIN_ACCURACY)
		echo "demo-full: $net failed (exit $rc): see $out.log" >&2
		status=1
	fi
	train=$(awk -F'\t' '$1 ~ /^train / { print $2 }' "$out/timings.tsv" 2>/dev/null || true)
	mb=
	[ ! -f "$out/model/best.weights" ] ||
		mb=$(wc -c <"$out/model/best.weights" | awk '{ printf "%.2f", $1 / 1048576 }')
	printf '%s\t%s\t%s\t%s\t%s\n' "$net" "${acc:--}" "${cad:--}" "${train:--}" \
	    "${mb:--}" >>"$table"
done

echo
echo "milldir demo-full: the same parts for every network (details in $DEMO/NETWORK.txt)"
column -t -s '	' "$table" 2>/dev/null || cat "$table"
exit $status
