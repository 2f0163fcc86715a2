#!/usr/bin/env bats
# The golden bytes: fixed pipelines with fixed seeds, every output's
# SHA-256 compared with tests/data/golden.sha256.  This is what shows that
# a refactoring changed no tool's output: partgen's STL files, stl2norm's
# meshes, augment's seeded copies (meshes and images), normrender's views,
# metagrid's resized meta-images, normembed's embeddings, mdf's text
# outputs, and a tiny network trained and run on one thread.
#
# A change of output that is meant (a new metadata key, a fixed bug)
# rewrites the sums with
#     MILLDIR_GOLDEN_UPDATE=1 make check TESTS=tests/golden.bats
# and the commit says why each changed line changed.  (mdf png is left out
# on purpose: its text chunks are being changed.)

load test_helper

SUMS="$MILLDIR_SRCDIR/tests/data/golden.sha256"

# check NAME: compare the sums of $BATS_TEST_TMPDIR/sums with the lines
# of golden.sha256 that belong to NAME/ (or rewrite them).
check() {
	local name=$1 want
	(cd "$BATS_TEST_TMPDIR/$name" && sha256sum -- $(cat ../order)) |
		sed "s|  |  $name/|" >"$BATS_TEST_TMPDIR/got"
	if [ -n "${MILLDIR_GOLDEN_UPDATE:-}" ]; then
		{ grep -v "  $name/" "$SUMS" || :; cat "$BATS_TEST_TMPDIR/got"; } |
			sort -k2 >"$BATS_TEST_TMPDIR/new"
		cp "$BATS_TEST_TMPDIR/new" "$SUMS"
		return 0
	fi
	want=$(grep "  $name/" "$SUMS" | sort -k2)
	[ -n "$want" ] || fail "$SUMS has no line for $name/"
	diff -u <(echo "$want") <(sort -k2 "$BATS_TEST_TMPDIR/got") ||
		fail "$name: output bytes changed (the lines above)"
}

# outputs FILE...: the files check sums, in order
outputs() {
	printf '%s\n' "$@" >"$BATS_TEST_TMPDIR/order"
}

@test "golden: partgen, stl2norm, augment, normrender, metagrid, normembed, mdf" {
	mkdir "$BATS_TEST_TMPDIR/mesh"
	cd "$BATS_TEST_TMPDIR/mesh"
	partgen --style voxel -n 6 --seed 7 -d 0.5 -o parts
	partgen --style voxel -n 2 --seed 3 --frames >parts-frames.mdf
	stl2norm -L parts/labels.tsv parts/*.stl >parts.mdf
	cp "$DATA/stl2norm/cube.obj" "$DATA/stl2norm/cube.ply" .
	stl2norm --center --unit -l +Z cube.obj cube.ply >cubes.mdf
	augment --rotations cube --jitter 3 -n 2 -k --seed 1 <parts.mdf >aug.mdf
	augment --scale 0.8:1.2 --anisotropic --noise 0.01 --brightness 0.1 -n 1 --seed 5 <parts.mdf >aug2.mdf
	normrender <aug.mdf >views.mdf
	normrender --views 4x1 -e 0 --size 48 --ssaa 2 --perspective 30 <cubes.mdf >cubeviews.mdf
	metagrid --resize 64x64 <views.mdf >grid.mdf
	metagrid --grid 4x1 --gap 4 -b 255,255,255 <cubeviews.mdf >sheet.mdf
	augment --view-dropout 10 --pixel-noise 0.02 --cutout 8 --contrast 0.2 --flip h -n 2 --seed 3 <grid.mdf >gridaug.mdf
	normembed -n -f mean,moments,bbox,offset <aug.mdf >emb.mdf
	normembed -b 18 <parts.mdf >emb18.mdf
	normembed --list-bins -b 18 --rotation x90 >bins.txt
	cat parts.mdf aug.mdf grid.mdf emb.mdf | mdf ls >ls.txt
	mdf get label aug.mdf >labels.txt
	mdf check -v gridaug.mdf >check.txt
	mdf select label=+Z <aug.mdf | mdf set -u bbox split=val >select.mdf
	mdf payload -n 2 emb.mdf >payload.bin
	outputs parts/*.stl parts/labels.tsv parts-frames.mdf parts.mdf cubes.mdf \
		aug.mdf aug2.mdf views.mdf cubeviews.mdf grid.mdf sheet.mdf gridaug.mdf \
		emb.mdf emb18.mdf bins.txt ls.txt labels.txt check.txt select.mdf payload.bin
	check mesh
}

@test "golden: dnntrain and dnnpredict on one thread" {
	# OpenBLAS picks its kernels by processor; these sums are those of
	# its Haswell (AVX2) kernels, pinned here.
	grep -qw avx2 /proc/cpuinfo || skip "no AVX2: the sums are those of OpenBLAS's Haswell kernels"
	export OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1
	mkdir "$BATS_TEST_TMPDIR/dnn"
	cd "$BATS_TEST_TMPDIR/dnn"
	partgen --style voxel -n 12 --seed 7 --frames | normrender --size 32 |
		metagrid --resize 32x32 >data.mdf
	dnntrain --net tiny --epochs 2 --seed 1 --threads 1 -q -o model data.mdf >train.mdf
	# the metric records without their time stamps and the model's path
	n=$(mdf ls train.mdf | wc -l)
	for ((i = 1; i <= n; i++)); do
		mdf payload -n "$i" train.mdf
	done | awk -F'\t' -v OFS='\t' '$1 == "metric" { NF = 3 } $1 == "artifact" { $2 = "-" } 1' >metrics.txt
	dnnpredict -m model -t 1 data.mdf >pred.mdf
	dnnpredict -m model -t 1 -T data.mdf >pred.tsv
	outputs data.mdf model/labels.txt model/model.meta model/net.cfg \
		model/split.txt pred.tsv
	check dnn
	# The weights and the full-precision losses and scores hold only
	# for the flags of a normal build: the sanitizers' instrumentation
	# changes how the kernels are vectorised, and with it the last bits
	# of their sums (pred.tsv's six digits and the accuracy in
	# model.meta stay).
	if ldd "$MILLDIR_BUILDDIR/bin/.libs/dnntrain" 2>/dev/null | grep -q libasan; then
		echo "# sanitizer build: weights and full-precision outputs not compared" >&3
		return 0
	fi
	mkdir -p ../dnn-bits
	cp -r model metrics.txt pred.mdf ../dnn-bits/
	outputs model/best.weights model/last.weights metrics.txt pred.mdf
	check dnn-bits
}
