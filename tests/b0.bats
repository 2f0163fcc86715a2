#!/usr/bin/env bats
# EfficientNet-B0 (pipelines/nets/efficientnet-b0.cfg) and milldir's own
# layers it needs, [swish] and [scale_channels] (lib/dnn/dnown.c).

load test_helper
load dnn_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "b0: swish and squeeze-and-excitation agree with independent formulas, finite differences and an SGD step" {
	run -0 dnncheck secheck
	echo "$output"
	[[ $output == "secheck: swish and scale_channels against independent formulas "* ]]
	MILLDIR_DNN_MODE=stock run -0 dnncheck secheck
}

@test "b0: parameters and multiply-adds are the paper's (5.3M, 0.39G with 1000 classes)" {
	run -0 dnncheck cost "$MILLDIR_SRCDIR/pipelines/nets/efficientnet-b0.cfg" 1000
	# torchvision's efficientnet_b0 has 5288548 parameters
	[ "${lines[0]}" = "params 5288548" ]
	macs=${lines[1]#macs }
	awk -v m="$macs" 'BEGIN { exit !(m > 0.99 * 0.39e9 && m < 1.01 * 0.39e9) }'
	# Lite0 for comparison: no squeeze-and-excitation, 4.65M
	run -0 dnncheck cost "$MILLDIR_SRCDIR/pipelines/nets/efficientnet-lite0.cfg" 1000
	[ "${lines[0]}" = "params 4652008" ]
}

@test "b0: the layers are checked like Darknet's" {
	gendata 9 1
	cfg_refused ./a.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[swish]\n[connected]\noutput=3\n[softmax]\n' \
	    "line 5: [swish] cannot be the first layer"
	cfg_refused ./b.cfg '[net]\nwidth=8\nheight=8\nchannels=3\n[convolutional]\nfilters=4\nsize=1\n[avgpool]\n[convolutional]\nfilters=3\nsize=1\n[scale_channels]\nfrom=-3\n[connected]\noutput=3\n[softmax]\n' \
	    "line 12: [scale_channels] scales the 8x8x4 planes of layer 0 by a 1x1x3 input, want 1x1x4"
}

@test "b0: a small EfficientNet-B0 (32x32) learns, and dnnpredict reads its model" {
	dnncheck gendata 60 1 32 32 >data.mdf
	sed -e 's/^width=.*/width=32/' -e 's/^height=.*/height=32/' \
	    "$MILLDIR_SRCDIR/pipelines/nets/efficientnet-b0.cfg" >b0.cfg
	# lr 0.002: at the cfg's 0.01 this B0's training loss does not fall on
	# 48 images, in any build or mode (Darknet's stock kernels too); the
	# 0.82 validation accuracy once required here was one lucky epoch of
	# seed 1 (seeds 2 and 3 stayed at chance in the plain build as well),
	# which the sanitizer build's other rounding did not repeat
	dnntrain --net ./b0.cfg --epochs 6 --batch 8 --lr 0.002 --out m data.mdf >train.mdf 2>err
	[ ! -s err ]
	grep -q '^\[swish\]$' m/net.cfg
	# it learns its training set, in every build: chance is ln 3 = 1.10;
	# measured 0.70-0.77 (plain) and 0.70-0.75 (ASan/UBSan) over the last
	# two epochs, seeds 1 and 2, from 1.16-1.18.  Validation accuracy is
	# not the bar: four parts, which swings between 0 and 0.9 from one
	# epoch to the next for Lite0 as well.
	l1=$(metric train.mdf train_loss 1)
	l5=$(metric train.mdf train_loss 5)
	l6=$(metric train.mdf train_loss 6)
	echo "train loss $l1 -> $l5 $l6"
	awk -v a="$l1" -v b="$l5" -v c="$l6" 'BEGIN { m = (b + c) / 2; exit !(m < 0.9 && m < a) }'
	dnnpredict -m m data.mdf >pred.mdf
	[ "$(mdf ls pred.mdf | grep -c PRED)" -eq 60 ]
}
