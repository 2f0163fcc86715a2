#!/usr/bin/env bats
# dnnpredict: classifying frames with a model written by dnntrain.

load test_helper
load dnn_helper

setup_file() {
	# one model for the whole file, trained on frames with split= metadata
	cd "$BATS_FILE_TMPDIR"
	dnncheck gendata 90 7 32 32 split >data.mdf
	dnntrain --net tiny --epochs 3 --out model data.mdf >train.mdf
}

setup() {
	cd "$BATS_FILE_TMPDIR"
}

@test "dnnpredict: one PRED frame per image, metadata kept" {
	dnnpredict --model model data.mdf >pred.mdf
	[ "$(mdf ls pred.mdf | wc -l)" -eq 90 ]
	mdf ls pred.mdf | head -n1 >first
	grep -q '^1	PRED	12	label=+X	part=p000	view.index=0	split=val	classes=+X,+Y,+Z	pred.label=+[XYZ]	pred.score=[0-9.e-]*$' first
	# probabilities sum to 1 and pred.score is the largest
	mdf payload -n 1 <pred.mdf | od -An -tf4 -v | awk '{ s = $1 + $2 + $3; exit !(s > 0.999 && s < 1.001) }'
	mdf check pred.mdf
}

@test "dnnpredict: prediction reproduces the validation accuracy of training" {
	mdf select split=val <data.mdf >val.mdf
	dnnpredict --model model --text val.mdf >pred.tsv
	[ "$(wc -l <pred.tsv)" -eq 27 ]
	acc=$(awk -F'\t' '$2 == $4 { ok++ } END { printf "%.6f", ok / NR }' pred.tsv)
	want=$(sed -n 's/^best_val_accuracy=//p' model/model.meta)
	echo "predicted $acc, training reported $want"
	[ "$acc" = "$want" ]
	awk -v a="$acc" 'BEGIN { exit !(a >= 0.8) }'
}

@test "dnnpredict: metriclog's F1 on the validation predictions is training's val_f1" {
	# both use lib/track/metrics.c: macro averages over the classes in the
	# truth or the predictions
	mdf select split=val <data.mdf | dnnpredict --model model |
		metriclog --store "$BATS_TEST_TMPDIR/s" -q
	f1=$(cut -d' ' -f2 "$BATS_TEST_TMPDIR"/s/0/*/metrics/val_f1)
	want=$(sed -n 's/^best_val_f1=//p' model/model.meta)
	echo "metriclog $f1, training reported $want"
	awk -v a="$f1" -v b="$want" 'BEGIN { d = a - b; exit !(d < 1e-6 && d > -1e-6) }'
}

@test "dnnpredict: batch size does not change the predictions" {
	dnnpredict --model model --text --batch 1 data.mdf >a.tsv
	dnnpredict --model model --text --batch 7 data.mdf >b.tsv
	# labels equal; scores equal up to rounding (the classifier's multiply
	# has the batch as one dimension)
	paste a.tsv b.tsv | awk -F'\t' '$2 != $6 || $3 - $7 > 1e-5 || $7 - $3 > 1e-5 { print; bad = 1 } END { exit bad }'
}

@test "dnnpredict: --text writes part, label, score and true label" {
	mdf select part=p001 <data.mdf | dnnpredict -m model -T >p.tsv
	[ "$(wc -l <p.tsv)" -eq 3 ]
	awk -F'\t' 'NF != 4 || $1 != "p001" || $4 != "+Y" || $3 < 0 || $3 > 1 { exit 1 }' p.tsv
}

@test "dnnpredict: frames of other types pass through in order" {
	mdf select part=p000 <data.mdf >in.mdf
	printf 'x' | mdf wrap BLOB a=1 >>in.mdf
	mdf select part=p001 <data.mdf >>in.mdf
	dnnpredict -m model -b 2 in.mdf >out.mdf
	[ "$(mdf ls out.mdf | cut -f2 | tr '\n' ' ')" = "PRED PRED PRED BLOB PRED PRED PRED " ]
}

@test "dnnpredict: images are resized to the network input" {
	dnncheck gendata 6 3 48 40 >big.mdf
	run -0 --separate-stderr dnnpredict -m model -T big.mdf
	[ "${#lines[@]}" -eq 6 ]
}

@test "dnnpredict: bad input is refused" {
	run -66 --separate-stderr dnnpredict --model nosuchdir data.mdf
	[ "$stderr" = "dnnpredict: nosuchdir/net.cfg: No such file or directory" ]
	head -c 3072 /dev/zero | mdf wrap TENS shape=3x16x16 >t.mdf
	run -65 --separate-stderr dnnpredict --model model t.mdf
	[[ $stderr == "dnnpredict: t.mdf: frame 1 (byte 0): tensor of shape 3x16x16 cannot be resized to the network input 3x32x32 (CxHxW)" ]]
	mkdir -p broken && cp model/net.cfg model/labels.txt broken/
	printf 'junk' >broken/best.weights
	run -65 --separate-stderr dnnpredict --model broken data.mdf
	[ "$stderr" = "dnnpredict: broken/best.weights: not a milldir weights file" ]
	run -64 --separate-stderr dnnpredict data.mdf
	[[ $stderr == "dnnpredict: --model is required"* ]]
}

@test "dnnpredict: refuses to write frames to a terminal, --help and --version" {
	run -0 dnnpredict --help
	[[ $output == "Usage: dnnpredict --model DIR"* ]]
	run -0 dnnpredict --version
	[[ $output == "dnnpredict (milldir) "* ]]
}

# copy of the model with FILE's content replaced by the rest (printf format)
badmodel() {
	rm -rf bad && cp -r model bad
	printf "$2" >"bad/$1"
}

@test "dnnpredict: a labels.txt with an oversized line is refused, not copied into PRED frames (issue 16, 10)" {
	rm -rf bad && cp -r model bad
	{ echo +X; head -c 1000000 /dev/zero | tr '\0' a; echo; echo +Z; } >bad/labels.txt
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: longer than 104448 bytes" ]
	[ -z "$output" ]
	{ echo +X; head -c 101 /dev/zero | tr '\0' a; echo; echo +Z; } >bad/labels.txt
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: line 2: label longer than 100 bytes" ]
	# at most 1024 labels
	seq 1 1025 >bad/labels.txt
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: more than 1024 labels" ]
}

@test "dnnpredict: labels.txt with CRLF, a comma, bad UTF-8 or a repeat: exit 65 naming file and line (issue 16, 14)" {
	badmodel labels.txt '+X\r\n+Y\r\n+Z\r\n'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: line 1: carriage return (CRLF line ends are not allowed)" ]
	badmodel labels.txt '+X\n+Y,+W\n+Z\n'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: line 2: comma (labels are joined with commas)" ]
	badmodel labels.txt '+X\n+Y\n+\xff\n'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: line 3: invalid UTF-8 or a C1 control character" ]
	badmodel labels.txt '+X\n+Y\n+X\n'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: line 3: label '+X' repeats line 1" ]
	badmodel labels.txt '+X\n\n+Z\n'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: line 2: empty label" ]
	badmodel labels.txt '+X\n+Y\n+Z'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/labels.txt: the last line has no newline" ]
	# UTF-8 labels are fine
	badmodel labels.txt '+X\n+Y\n\xc3\xbcber\n'
	run -0 dnnpredict --model bad --text data.mdf
	[[ ${lines[0]} == *$'\t+X'* || ${lines[0]} == *$'\t+Y'* || ${lines[0]} == *$'\tüber'* ]]
}

@test "dnnpredict: a model.meta that is not KEY=VALUE lines is refused, naming the line" {
	badmodel model.meta 'classes=+X,+Y,+Z\r\n'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/model.meta: line 1: carriage return (CRLF line ends are not allowed)" ]
	badmodel model.meta 'width=32\nwidth=33\n'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/model.meta: line 2: the key repeats an earlier line" ]
	badmodel model.meta 'width\n'
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/model.meta: line 1: no '=' (lines are KEY=VALUE)" ]
}

@test "dnnpredict: NaN weights are refused with exit 65, never scored nan (issue 16, 14)" {
	rm -rf bad && cp -r model bad
	# the first float of the first layer (after the 12-byte header and
	# the layer's 8-byte type and count)
	printf '\000\000\300\177' | dd of=bad/best.weights bs=1 seek=20 conv=notrunc 2>/dev/null
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[ "$stderr" = "dnnpredict: bad/best.weights: layer 0: parameter 0 of part 1 is not a finite number" ]
	[ -z "$output" ]
	printf '\000\000\200\177' | dd of=bad/best.weights bs=1 seek=20 conv=notrunc 2>/dev/null
	run -65 --separate-stderr dnnpredict --model bad data.mdf
	[[ $stderr == *"is not a finite number" ]]
}
