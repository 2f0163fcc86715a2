#!/usr/bin/env bats
# dnntrain: training Darknet-defined networks, and the checks of the
# Darknet glue (tests/dnncheck.c).

load test_helper
load dnn_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "dnntrain: the shipped EfficientNet-Lite0 networks load and train (at 32x32)" {
	gendata 24 1
	for net in efficientnet-lite0 efficientnet-lite0-grid; do
		sed -e 's/^width=.*/width=32/' -e 's/^height=.*/height=32/' \
		    "$MILLDIR_SRCDIR/pipelines/nets/$net.cfg" >"$net.cfg"
		dnntrain --net "./$net.cfg" --epochs 1 --batch 8 --out "m-$net" \
		    data.mdf >"$net.mdf" 2>"$net.err"
		[ ! -s "$net.err" ]
		grep -q '^output=3$' "m-$net/net.cfg"
		assert_file_exists "m-$net/best.weights"
		# a finite, positive training loss
		l=$(metric "$net.mdf" train_loss 1)
		awk -v l="$l" 'BEGIN { exit !(l > 0 && l < 100) }'
	done
	# the grid head keeps the map: a 1x1 convolution to 32 channels and no
	# average pooling before the classifier
	! grep -q '^\[avgpool\]' m-efficientnet-lite0-grid/net.cfg
	grep -q '^\[avgpool\]' m-efficientnet-lite0/net.cfg
}

@test "dnntrain: tiny.cfg learns a separable set (accuracy, loss decreasing)" {
	gendata 90 1
	run -0 --separate-stderr dnntrain --net tiny --epochs 6 --out m data.mdf
	[ -z "$stderr" ]
	dnntrain --net tiny --epochs 6 --out m data.mdf >out.mdf
	metr out.mdf >records
	grep -q '^param	net	tiny$' records
	grep -q '^param	classes	+X,+Y,+Z$' records
	l1=$(metric out.mdf train_loss 1)
	l6=$(metric out.mdf train_loss 6)
	acc=$(metric out.mdf val_accuracy 6)
	echo "loss $l1 -> $l6, accuracy $acc"
	awk -v a="$l1" -v b="$l6" 'BEGIN { exit !(b < a / 2) }'
	# three classes: chance is 0.33
	awk -v a="$acc" 'BEGIN { exit !(a >= 0.8) }'
	for k in val_loss val_precision val_recall val_f1; do
		[ -n "$(metric out.mdf $k 6)" ]
	done
	tail -n1 records | grep -q "^artifact	$BATS_TEST_TMPDIR/m\$"
	for f in net.cfg best.weights last.weights labels.txt model.meta split.txt; do
		assert_file_exists "m/$f"
	done
	[ "$(cat m/labels.txt)" = "$(printf '+X\n+Y\n+Z')" ]
	grep -q '^classes=+X,+Y,+Z$' m/model.meta
	grep -q '^width=32$' m/model.meta
	grep -q '^data_digest=fnv1a64:[0-9a-f]\{16\}$' m/model.meta
	# the classifier was rewritten for three classes, batch set
	grep -q '^output=3$' m/net.cfg
	grep -q '^batch=16$' m/net.cfg
}

@test "dnntrain: a small VGG (Winograd 3x3 convolutions, 2x2 pooling) learns" {
	gendata 90 1
	# 3x3 convolutions of 16 and 32 channels take the Winograd path of
	# lib/dnn/dnconv3.c (the first, of 3 channels, stays on im2col)
	conv3() { printf '[convolutional]\nfilters=%s\nsize=3\nstride=1\npad=1\nactivation=relu\n' "$1"; }
	{
		printf '[net]\nbatch=16\nwidth=32\nheight=32\nchannels=3\n'
		printf 'learning_rate=0.01\nmomentum=0.9\ndecay=0.0005\n'
		conv3 16; conv3 16; printf '[maxpool]\nsize=2\nstride=2\n'
		conv3 32; printf '[maxpool]\nsize=2\nstride=2\n'; conv3 32
		printf '[avgpool]\n[connected]\noutput=3\nactivation=linear\n[softmax]\n'
	} >vgg.cfg
	dnntrain --net ./vgg.cfg --epochs 8 --out m data.mdf >out.mdf
	l1=$(metric out.mdf train_loss 1)
	l8=$(metric out.mdf train_loss 8)
	acc=$(metric out.mdf val_accuracy 8)
	echo "loss $l1 -> $l8, accuracy $acc"
	awk -v a="$l1" -v b="$l8" 'BEGIN { exit !(b < a / 2) }'
	# three classes: chance is 0.33
	awk -v a="$acc" 'BEGIN { exit !(a >= 0.8) }'
}

@test "dnntrain: the split never puts a part on both sides" {
	gendata 90 2
	dnntrain --net tiny --epochs 1 --val-split 0.3 --seed 5 --out m data.mdf >out.mdf
	# every part once, three frames each
	[ "$(cut -f1 m/split.txt | sort | uniq -d)" = "" ]
	[ "$(wc -l <m/split.txt)" -eq 30 ]
	nval=$(grep -c '	val$' m/split.txt)
	[ "$nval" -eq 9 ]
	grep -q "^val_frames=27\$" m/model.meta
	grep -q "^train_frames=63\$" m/model.meta
	# another seed, another draw
	dnntrain --net tiny --epochs 1 --val-split 0.3 --seed 6 --out m2 data.mdf >/dev/null
	! cmp -s m/split.txt m2/split.txt
}

@test "dnntrain: split= metadata decides when --val-split is absent" {
	gendata 90 3 split
	dnntrain --net tiny --epochs 1 --out m data.mdf >/dev/null
	grep -q '^val_frames=27$' m/model.meta
	[ "$(grep -c '	val$' m/split.txt)" -eq 9 ]
	mdf set split=val <data.mdf >allval.mdf
	run -65 --separate-stderr dnntrain --net tiny --epochs 1 --out m3 allval.mdf
	[[ $stderr == "dnntrain: "*"class '+X' has no training frames" ]]
}

@test "dnntrain: --init resumes from saved weights" {
	gendata 90 4
	dnntrain --net tiny --epochs 4 --out m data.mdf >/dev/null
	dnntrain --net tiny --epochs 1 --out fresh data.mdf >fresh.mdf
	dnntrain --net tiny --epochs 1 --init m/last.weights --out resumed data.mdf >resumed.mdf
	f=$(metric fresh.mdf train_loss 1)
	r=$(metric resumed.mdf train_loss 1)
	echo "first-epoch loss fresh $f, resumed $r"
	awk -v f="$f" -v r="$r" 'BEGIN { exit !(r < f / 2) }'
	# weights of another network are refused
	sed "s/^filters=8\$/filters=12/" "$MILLDIR_SRCDIR/pipelines/nets/tiny.cfg" >other.cfg
	run -65 --separate-stderr dnntrain --net other.cfg --epochs 1 \
	    --init m/last.weights --out other data.mdf
	[[ $stderr == "dnntrain: m/last.weights: "*"does not match the network" ]]
}

@test "dnntrain: an unknown network is a usage error" {
	gendata 9 1
	run -64 --separate-stderr dnntrain --net nosuchnet data.mdf
	[[ $stderr == "dnntrain: nosuchnet: unknown network"* ]]
}

@test "dnntrain: a missing cfg file cannot be opened" {
	run -66 --separate-stderr dnntrain --net ./missing.cfg </dev/null
	[[ $stderr == "dnntrain: ./missing.cfg: No such file or directory" ]]
}

@test "dnntrain: bad cfg files are refused before Darknet sees them" {
	gendata 9 1
	cfg_refused a.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[yolo]\n' \
	    "line 5: unknown or unsupported section [yolo]"
	cfg_refused b.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[convolutional]\nsize=3\n[softmax]\n' \
	    "line 5: [convolutional] needs filters="
	printf '[net]\nwidth=8\nheight=8\nchannels=3\n[connected]\noutput=x\n[softmax]\n' >c.cfg
	run -65 --separate-stderr dnntrain --net c.cfg data.mdf
	[[ $stderr == "dnntrain: c.cfg: line 5: [connected] output=x: want a whole number"* ]]
	cfg_refused d.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[connected]\noutput=3\nfoo=1\n[softmax]\n' \
	    "line 7: [connected] does not take 'foo'"
	cfg_refused e.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[convolutional]\nfilters=4\nsize=3\n[shortcut]\nfrom=-3\n[softmax]\n' \
	    "line 8: from=-3 names no earlier layer"
	cfg_refused f.cfg '[net]\nwidth=8\nheight=8\n[connected]\noutput=3\n[softmax]\n' \
	    "line 1: [net] needs channels="
	cfg_refused g.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[connected]\noutput=3\n' \
	    "the last layer must be [softmax]"
}

@test "dnntrain: tensors of mixed sizes are refused" {
	head -c 12288 /dev/zero | mdf wrap TENS shape=3x32x32 label=a >t.mdf
	head -c 3072 /dev/zero | mdf wrap TENS shape=3x16x16 label=b >>t.mdf
	run -65 --separate-stderr dnntrain --net tiny t.mdf
	[[ $stderr == "dnntrain: t.mdf: frame 2 (byte "*"): tensor of shape 3x16x16 cannot be resized to the network input 3x32x32 (CxHxW)" ]]
}

@test "dnntrain: a frame's typed view is decoded once by the reader and follows every change" {
	dnncheck gendata 4 1 40 24 >a.mdf
	run -0 dnncheck typedview <a.mdf
	assert_output "typedview: 4 IMAG frames, views follow changes"
}

@test "dnntrain: images of any size are resized; tensors train" {
	dnncheck gendata 30 1 40 24 >a.mdf
	for i in 1 2 3 4 5 6; do
		head -c 12288 /dev/zero | mdf wrap TENS shape=3x32x32 label=+X part=t$i >>a.mdf
	done
	dnntrain --net tiny --epochs 1 --val-split 0 --out m a.mdf >/dev/null
	grep -q '^train_frames=36$' m/model.meta
}

@test "dnntrain: labels not in --classes are refused" {
	gendata 9 1
	run -65 --separate-stderr dnntrain --net tiny --classes +X,+Y data.mdf
	[[ $stderr == "dnntrain: data.mdf: frame 3 (byte "*"): label '+Z' is not one of --classes" ]]
}

@test "dnntrain: an empty data set is refused" {
	run -65 --separate-stderr dnntrain --net tiny </dev/null
	[ "$stderr" = "dnntrain: -: no IMAG or TENS frames to train on" ]
	head -c 12 /dev/zero | mdf wrap TENS shape=3 >t.mdf
	run -65 --separate-stderr dnntrain --net tiny t.mdf
	[[ $stderr == "dnntrain: t.mdf: frame 1 (byte 0): no label= in the frame" ]]
}

@test "dnntrain: a single class is refused" {
	gendata 9 1
	mdf set label=+X <data.mdf >one.mdf
	run -65 --separate-stderr dnntrain --net tiny one.mdf
	[ "$stderr" = "dnntrain: one.mdf: only one class (+X): nothing to learn" ]
}

@test "dnntrain: bad options are usage errors" {
	run -64 --separate-stderr dnntrain
	[[ $stderr == "dnntrain: --net is required"* ]]
	run -64 --separate-stderr dnntrain --net tiny --val-split 1.5
	[[ $stderr == "dnntrain: --val-split"* ]]
	run -64 --separate-stderr dnntrain --net tiny --policy wobbly
	run -64 --separate-stderr dnntrain --net tiny --epochs 0
	run -0 dnntrain --help
	[[ $output == "Usage: dnntrain --net"* ]]
	run -0 dnntrain --version
	[[ $output == "dnntrain (milldir) "* ]]
}

@test "dnntrain: Darknet's layer table only with --verbose" {
	gendata 9 1
	run -0 --separate-stderr dnntrain --net tiny --epochs 1 --val-split 0 --out m data.mdf
	[ -z "$stderr" ]
	run -0 --separate-stderr dnntrain --net tiny --epochs 1 --val-split 0 --verbose --out m data.mdf
	[[ $stderr == *"conv "* ]]
}

@test "dnntrain: frames of other types pass through ahead of the metrics" {
	gendata 9 1
	printf 'x' | mdf wrap BLOB a=1 >mixed.mdf
	cat data.mdf >>mixed.mdf
	dnntrain --net tiny --epochs 1 --val-split 0 --out m mixed.mdf >out.mdf
	mdf ls out.mdf | head -n1 | grep -q '^1	BLOB	1	a=1$'
}

# --- the Darknet glue: each check also runs with its fix off and must
# then fail, so it can fail.

@test "dnntrain: our gemm is the one Darknet's convolutions call" {
	run -0 dnncheck gemm
	[[ $output == "gemm: a forward pass made "*" calls to milldir's gemm" ]]
}

@test "dnntrain: 1x1 convolution keeps residual gradients (darknet#1229)" {
	run -0 dnncheck gradcheck
	echo "$output"
	run -1 dnncheck gradcheck --nofix
	echo "$output"
}

@test "dnntrain: batch-norm statistics recomputed make evaluation mode work" {
	run -0 dnncheck bncheck
	echo "$output"
	run -1 dnncheck bncheck --nofix
	echo "$output"
}

@test "dnntrain: networks are freed completely" {
	run -0 dnncheck leakcheck
	echo "$output"
	run -1 dnncheck leakcheck --nofix
	echo "$output"
}

@test "dnntrain: evaluation passes leave training untouched" {
	run -0 dnncheck restorecheck
	echo "$output"
}

@test "dnntrain: fast kernels agree with Darknet's (forward and gradients)" {
	run -0 dnncheck kernels
	echo "$output"
}

@test "dnntrain: Winograd 3x3 convolutions and 2x2 pooling agree with Darknet's" {
	run -0 dnncheck conv3
	echo "$output"
	[[ ${lines[0]} == "conv3: 5 Winograd layers, 4x4 tiles: "* ]]
	[[ ${lines[1]} == "conv3: 5 Winograd layers, 2x2 tiles: "* ]]
	[[ ${lines[2]} == "conv3: 5 Winograd layers, 4x4 tiles, batch split: "* ]]
	[[ ${lines[3]} == "conv3: 5 Winograd layers, 2x2 tiles, batch split: "* ]]
}

@test "dnntrain: --lr, --momentum, --decay, --policy and --batch reach net.cfg" {
	gendata 18 1
	for p in constant step exp poly; do
		dnntrain --net tiny --epochs 1 --batch 4 --lr 0.01 --momentum 0.8 \
		    --decay 0.001 --policy $p --out m-$p data.mdf >/dev/null
		grep -q "^policy=$p\$" m-$p/net.cfg
	done
	grep -q '^learning_rate=0.01$' m-poly/net.cfg
	grep -q '^momentum=0.8$' m-poly/net.cfg
	grep -q '^decay=0.001$' m-poly/net.cfg
	grep -q '^batch=4$' m-poly/net.cfg
	[ "$(grep -c '^learning_rate=' m-poly/net.cfg)" -eq 1 ]
	# without them the cfg's own settings stay
	dnntrain --net tiny --epochs 1 --out m data.mdf >/dev/null
	grep -q '^learning_rate=0.05$' m/net.cfg
}

@test "dnntrain: --patience stops early" {
	gendata 45 1
	# a learning rate too small to change anything: no epoch improves
	dnntrain --net tiny --epochs 30 --patience 2 --lr 1e-12 --out m data.mdf >out.mdf
	best=$(sed -n 's/^best_epoch=//p' m/model.meta)
	last=$(metr out.mdf | awk -F'\t' '$1 == "metric" && $2 == "train_loss" { s = $4 } END { print s }')
	echo "best $best, last $last"
	[ "$best" -eq 1 ]
	[ "$last" -eq 3 ]
}

@test "dnntrain: the start-up check notices when Darknet's gemm is in effect" {
	# dnnhidden is dnncheck linked with our definitions kept local
	run -1 dnnhidden gemm
	[ "$output" = "gemm: gemm: Darknet's own definition is in effect, not milldir's (link with -export-dynamic)" ]
}

@test "dnntrain: a progress line on a terminal, none with --quiet" {
	command -v script >/dev/null || skip "script(1) from util-linux not found"
	gendata 18 1
	run -0 script -qec 'dnntrain --net tiny --epochs 2 --out m data.mdf >out.mdf' /dev/null
	[[ $output == *"dnntrain: epoch 2 batch 1/1 "*" img/s  loss "*"  ETA "* ]]
	run -0 script -qec 'dnntrain --quiet --net tiny --epochs 2 --out m data.mdf >out.mdf' /dev/null
	[ -z "$output" ]
}

@test "dnntrain: without --out, a new directory under models/" {
	gendata 9 1
	dnntrain --net tiny --epochs 1 --val-split 0 data.mdf >a.mdf
	dnntrain --net tiny --epochs 1 --val-split 0 data.mdf >b.mdf
	[ "$(ls -d models/dnn-* | wc -l)" -eq 2 ]
	a=$(metr a.mdf | sed -n 's/^artifact\t//p')
	b=$(metr b.mdf | sed -n 's/^artifact\t//p')
	[ "$a" != "$b" ]
	assert_file_exists "$a/best.weights"
	[[ $a == "$BATS_TEST_TMPDIR/models/dnn-"* ]]
}

@test "dnntrain: a label with a comma is refused" {
	head -c 12288 /dev/zero | mdf wrap TENS shape=3x32x32 label=a,b >t.mdf
	run -65 --separate-stderr dnntrain --net tiny t.mdf
	[[ $stderr == "dnntrain: t.mdf: frame 1 (byte 0): label 'a,b' contains a comma" ]]
}

# --- hostile cfgs and data (issue 16: 2, 3, 5, 6) -------------------------

@test "dnntrain: max pooling over NaN or -inf keeps its index inside the window" {
	run -0 dnncheck poolnan
	[ "$output" = "poolnan: every window's maximum lies inside it" ]
}

@test "dnntrain: tensors with NaN or infinities are refused, naming the frame" {
	gendata 9 1
	python3 -c 'import struct, sys; sys.stdout.buffer.write(struct.pack("<3072f", *([0.5] * 1029 + [float("nan")] + [0.5] * 2042)))' |
	    mdf wrap TENS shape=3x32x32 label=+X part=n >n.mdf
	cat data.mdf n.mdf >dn.mdf
	run -65 --separate-stderr dnntrain --net tiny --val-split 0 --out m dn.mdf
	[[ $stderr == "dnntrain: dn.mdf: frame 10 (byte "*"): tensor value 1029 (channel 1, row 0, column 5) is NaN: the networks take finite values only" ]]
	python3 -c 'import struct, sys; sys.stdout.buffer.write(struct.pack("<3072f", *([float("-inf")] * 3072)))' |
	    mdf wrap TENS shape=3x32x32 label=+X part=n >i.mdf
	run -65 --separate-stderr dnntrain --net tiny --val-split 0 --out m i.mdf
	[[ $stderr == *"frame 1 (byte 0): tensor value 0 (channel 0, row 0, column 0) is infinite: "* ]]
}

@test "dnntrain: a diverging loss stops cleanly with exit 70" {
	gendata 9 1
	run -70 --separate-stderr dnntrain --net tiny --epochs 3 --lr 1e30 --val-split 0 --out m data.mdf
	[[ $stderr == "dnntrain: epoch "[12]": the loss diverged (try a smaller --lr)" ]]
}

@test "dnntrain: cfgs Darknet would crash on are refused (CRLF, route, batchnorm, activation)" {
	gendata 9 1
	tiny=$MILLDIR_SRCDIR/pipelines/nets/tiny.cfg
	sed 's/$/\r/' "$tiny" >crlf.cfg
	run -65 --separate-stderr dnntrain --net ./crlf.cfg data.mdf
	[ "$stderr" = "dnntrain: ./crlf.cfg: line 1: carriage return (CRLF line endings): Darknet reads LF line endings only" ]
	cfg_refused ./r.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[convolutional]\nfilters=4\nsize=1\n[route]\nlayers=0,\n[connected]\noutput=3\n[softmax]\n' \
	    "line 8: layers=0,: not a list of earlier layers"
	cfg_refused ./b.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[batchnorm]\n[connected]\noutput=3\n[softmax]\n' \
	    "line 5: unknown or unsupported section [batchnorm]"
	cfg_refused ./a.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[activation]\nactivation=relu\n[connected]\noutput=3\n[softmax]\n' \
	    "line 5: unknown or unsupported section [activation]"
	cfg_refused ./v.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[connected]\noutput=3\nactivation=relu\v\n[softmax]\n' \
	    "line 7: control character 0x0b"
	cfg_refused ./p.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[maxpool]\nsize=2\npadding=3\n[connected]\noutput=3\n[softmax]\n' \
	    "line 5: [maxpool] padding=3: want a whole number in 0..2"
	# a model directory's net.cfg too
	dnntrain --net tiny --epochs 1 --val-split 0 --out m data.mdf >/dev/null
	sed -i 's/$/\r/' m/net.cfg
	run -65 --separate-stderr dnnpredict -m m data.mdf
	[ "$stderr" = "dnnpredict: m/net.cfg: line 1: carriage return (CRLF line endings): Darknet reads LF line endings only" ]
}

@test "dnntrain: what a cfg may ask for is bounded (input, outputs, memory)" {
	gendata 9 1
	tiny=$MILLDIR_SRCDIR/pipelines/nets/tiny.cfg
	sed -e 's/^width=.*/width=4096/' -e 's/^height=.*/height=4096/' "$tiny" >big.cfg
	run -65 --separate-stderr dnntrain --net ./big.cfg data.mdf
	[ "$stderr" = "dnntrain: ./big.cfg: line 6: a 4096x4096 input is over the limit of 1048576 pixels" ]
	sed 's/^output=2/output=1048576/' "$tiny" >c.cfg
	run -65 --separate-stderr dnntrain --net ./c.cfg data.mdf
	[ "$stderr" = "dnntrain: ./c.cfg: line 71: [connected] output=1048576: want a whole number in 1..65536" ]
	# Darknet counts a layer's values in an int
	cfg_refused ./w.cfg '[net]\nbatch=64\nwidth=1024\nheight=1024\nchannels=3\n[connected]\noutput=65536\n[softmax]\n' \
	    "line 6: [connected] is too large for Darknet (65536 outputs and 206158430208 weights, batch 64: over 2^30 values)"
	run -0 dnncheck cost "$tiny" 3 16
	[ "${lines[2]}" = "mem_mib 6" ]
	MILLDIR_DNN_MAX_MB=4 run -65 --separate-stderr dnntrain --net tiny data.mdf
	[ "$stderr" = "dnntrain: $tiny: the network would take some 6 MiB with batch 16, over the limit of 4 MiB (MILLDIR_DNN_MAX_MB)" ]
	# --batch is checked too
	MILLDIR_DNN_MAX_MB=100 run -65 --separate-stderr dnntrain --net tiny --batch 4096 --val-split 0 --out m data.mdf
	[[ $stderr == "dnntrain: m/net.cfg: the network would take some "*" MiB with batch 4096, over the limit of 100 MiB (MILLDIR_DNN_MAX_MB)" ]]
}

@test "dnntrain: --net reads a regular file of at most 1 MiB" {
	run -65 --separate-stderr dnntrain --net /dev/zero </dev/null
	[ "$stderr" = "dnntrain: /dev/zero: not a regular file" ]
	{ cat "$MILLDIR_SRCDIR/pipelines/nets/tiny.cfg"; head -c 1048576 /dev/zero | tr '\0' '#'; } >huge.cfg
	run -65 --separate-stderr dnntrain --net ./huge.cfg </dev/null
	[[ $stderr == "dnntrain: ./huge.cfg: "*" bytes, over the limit of 1048576 for a cfg" ]]
}

@test "dnntrain: what Darknet says while it builds a network is never lost" {
	# unchecked cfgs straight to Darknet: a remark, an error, an abort
	printf '[net]\nwidth=8\nheight=8\nchannels=2\n[connected]\noutput=2\nactivation=swish\n[softmax]\n' >s.cfg
	run -0 --separate-stderr dnncheck open s.cfg
	[ "$stderr" = "dnncheck: s.cfg: Darknet: Couldn't find activation function swish, going with ReLU" ]
	printf '[net]\nwidth=8\nheight=8\nchannels=2\npolicy=wobbly\n[connected]\noutput=2\n[softmax]\n' >p.cfg
	run -0 --separate-stderr dnncheck open p.cfg
	[ "$stderr" = "dnncheck: p.cfg: Darknet: Couldn't find policy wobbly, going with constant" ]
	printf '[convolutional]\n' >n.cfg
	run --separate-stderr dnncheck open n.cfg
	[ "$status" -gt 128 ]
	[[ $stderr == *"First section must be [net] or [network]"* ]]
}

@test "dnntrain: a vector network takes its input width from the data, as the class count" {
	# normmlp.cfg says width=144; these embeddings have 66 values
	partgen -n 12 --seed 3 --frames | normembed -n >e.mdf
	run -0 --separate-stderr dnntrain --net normmlp --epochs 2 --quiet --out m e.mdf
	grep -qx 'width=66' m/model.meta
	grep -qx 'input.shape=1x1x66' m/model.meta
	grep -qx 'input.embed.bins=66' m/model.meta
	[ "$(sed -n '/^\[net\]/,/^\[/s/^width=//p' m/net.cfg)" = 66 ]
	run -0 dnnpredict --model m --text e.mdf
	[ "${#lines[@]}" -eq 12 ]
	# an embedding made otherwise is refused by the model (exit 65)
	partgen -n 2 --seed 4 --frames | normembed >raw.mdf
	run -65 --separate-stderr dnnpredict --model m raw.mdf
	[[ $stderr == *"embed.normalized=0, the model was trained on embed.normalized=1"* ]]
	# an image network keeps its own size
	dnncheck gendata 12 7 16 16 >small.mdf
	run -0 dnntrain --net tiny --epochs 1 --quiet --out t small.mdf
	grep -qx 'width=32' t/model.meta
}
