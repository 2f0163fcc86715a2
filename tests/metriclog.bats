#!/usr/bin/env bats
# metriclog: metrics, the MLflow file store, queries.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	unset MLFLOW_TRACKING_URI MLFLOW_EXPERIMENT_NAME
	export USER=tester
	S="$BATS_TEST_TMPDIR/mlruns"
}

# pred TRUE PREDICTED SPLIT P1 P2 P3: a PRED frame over +X,-X,+Y.
pred() {
	f32 "$4" "$5" "$6" | mdf wrap PRED classes=+X,-X,+Y label="$1" \
	    pred.label="$2" ${3:+split=$3}
}

# metr TEXT: a METR frame whose records are TEXT (printf escapes).
metr() {
	printf "$1" | mdf wrap METR
}

# The only run directory of experiment $1 in $S.
rundir() {
	local d
	for d in "$S/$1"/*/; do
		[ -f "$d/meta.yaml" ] && echo "${d%/}"
	done
}

# The 3-class test set: +Y is never predicted.
#   true\pred  +X -X +Y
#   +X          2  1  0
#   -X          1  2  0
#   +Y          1  1  0
three_class() {
	pred +X +X test 0.5 0.25 0.25
	pred +X +X test 0.5 0.25 0.25
	pred +X -X test 0.25 0.5 0.25
	pred -X -X test 0.25 0.5 0.25
	pred -X -X test 0.25 0.5 0.25
	pred -X +X test 0.5 0.25 0.25
	pred +Y +X test 0.5 0.25 0.25
	pred +Y -X test 0.25 0.5 0.25
}

# metric value of key $2 in run dir $1, printed with 6 decimals
mval() {
	awk '{printf "%.6f\n", $2}' "$1/metrics/$2"
}

@test "metriclog: hand-checked 3-class matrix with a class never predicted" {
	three_class > in.mdf
	run --separate-stderr metriclog --store "$S" < in.mdf
	assert_success
	R=$(rundir 0)
	assert_equal "$(mval "$R" test_accuracy)" 0.500000
	# precision: +X 2/4, -X 2/4, +Y 0/0 -> 0 (zero_division=0)
	assert_equal "$(mval "$R" test_precision.posX)" 0.500000
	assert_equal "$(mval "$R" test_precision.negX)" 0.500000
	assert_equal "$(mval "$R" test_precision.posY)" 0.000000
	assert_equal "$(mval "$R" test_recall.posX)" 0.666667
	assert_equal "$(mval "$R" test_recall.posY)" 0.000000
	# F1 = 2tp/(2tp+fp+fn): 4/7, 4/7, 0
	assert_equal "$(mval "$R" test_f1.negX)" 0.571429
	assert_equal "$(mval "$R" test_f1.posY)" 0.000000
	# macro over the 3 classes, weighted by support 3, 3, 2
	assert_equal "$(mval "$R" test_precision)" 0.333333
	assert_equal "$(mval "$R" test_recall)" 0.444444
	assert_equal "$(mval "$R" test_f1)" 0.380952
	assert_equal "$(mval "$R" test_weighted_precision)" 0.375000
	assert_equal "$(mval "$R" test_weighted_recall)" 0.500000
	assert_equal "$(mval "$R" test_weighted_f1)" 0.428571
	# log-loss: 4 x -ln 0.5 and 4 x -ln 0.25, mean 1.5 ln 2
	assert_equal "$(mval "$R" test_log_loss)" 1.039721
	# scikit-learn's repr of 1/3, one line, step 0
	run cut -d' ' -f2,3 "$R/metrics/test_precision"
	assert_output "0.3333333333333333 0"
	cmp "$R/artifacts/test_confusion.tsv" "$DATA/metriclog/confusion3.tsv"
	run file "$R/artifacts/test_confusion.png"
	assert_output --partial "PNG image data, 175 x 137, 8-bit/color RGB"
	# the summary table on stderr
	[[ $stderr == *"metriclog: test: 8 samples, accuracy 0.5000, log-loss 1.0397"* ]]
	[[ $stderr == *"+Y               0.0000  0.0000  0.0000        2"* ]]
	[[ $stderr == *"macro avg        0.3333  0.4444  0.3810        8"* ]]
}

@test "metriclog: two classes, perfect predictions, no split prefix" {
	{ pred +X +X "" 1 0 0; pred -X -X "" 0 1 0; } > in.mdf
	metriclog -q --store "$S" < in.mdf
	R=$(rundir 0)
	assert_equal "$(cat "$R/metrics/accuracy" | cut -d' ' -f2-)" "1.0 0"
	# +Y neither true nor predicted: out of the macro average (labels=None)
	assert_equal "$(mval "$R" f1)" 1.000000
	assert_equal "$(mval "$R" f1.posY)" 0.000000
	# clipped at float32 epsilon: -ln(1 - 2^-23 ...) is tiny but finite
	run awk '{print ($2 > 0 && $2 < 1e-6)}' "$R/metrics/log_loss"
	assert_output 1
	assert_file_exists "$R/artifacts/confusion.tsv"
	assert_file_exists "$R/artifacts/confusion.png"
}

@test "metriclog: PRED frames without a label are not counted" {
	{ pred +X +X val 1 0 0; f32 0 1 0 | mdf wrap PRED classes=+X,-X,+Y pred.label=-X split=val; } > in.mdf
	metriclog -q --store "$S" < in.mdf
	R=$(rundir 0)
	assert_equal "$(mval "$R" val_accuracy)" 1.000000
	run cat "$R/artifacts/val_confusion.tsv"
	assert_line --index 1 $'+X\t1\t0\t0'
}

@test "metriclog: exact store layout, byte for byte" {
	metr 'param\tlr\t0.01\nparam\tnet\tvgg16\nmetric\tloss\t0.61\t0\t1767225600001\nmetric\tloss\tnan\t1\t1767225600002\nmetric\tloss\t1\t2\t1767225600003\nmetric\tsub/acc\t1e-05\t3\t1767225600004\ntag\tnote\thello world\n' > in.mdf
	run --separate-stderr metriclog --store "$S" --experiment c-sweep --run-name c-run-1 < in.mdf
	assert_success
	assert_dir_exists "$S/.trash"
	[ -z "$(ls -A "$S/.trash")" ]
	sed -E 's/[0-9]{13}/T/' "$S/0/meta.yaml" > got0
	sed "s|@ROOT@|$S|" "$DATA/metriclog/exp0.yaml" | cmp - got0
	sed -E 's/[0-9]{13}/T/' "$S/1/meta.yaml" > got1
	sed "s|@ROOT@|$S|" "$DATA/metriclog/exp1.yaml" | cmp - got1
	R=$(rundir 1)
	ID=${R##*/}
	[[ $ID =~ ^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$ ]]
	sed -E 's/[0-9a-f]{32}/ID/g; s/[0-9]{13}/T/' "$R/meta.yaml" > gotrun
	sed "s|@ROOT@|$S|" "$DATA/metriclog/run-finished.yaml" | cmp - gotrun
	# params and tags: the value, no newline
	printf 0.01 | cmp - "$R/params/lr"
	printf vgg16 | cmp - "$R/params/net"
	printf 'hello world' | cmp - "$R/tags/note"
	printf c-run-1 | cmp - "$R/tags/mlflow.runName"
	printf tester | cmp - "$R/tags/mlflow.user"
	printf metriclog | cmp - "$R/tags/mlflow.source.name"
	printf LOCAL | cmp - "$R/tags/mlflow.source.type"
	printf '1767225600001 0.61 0\n1767225600002 nan 1\n1767225600003 1.0 2\n' | cmp - "$R/metrics/loss"
	printf '1767225600004 1e-05 3\n' | cmp - "$R/metrics/sub/acc"
	assert_dir_exists "$R/artifacts"
	# nothing else: no temporaries, no stray directories
	run bash -c "cd '$S' && find . | sort"
	assert_output ".
./.metriclog.lock
./.trash
./0
./0/meta.yaml
./1
./1/$ID
./1/$ID/artifacts
./1/$ID/meta.yaml
./1/$ID/metrics
./1/$ID/metrics/loss
./1/$ID/metrics/sub
./1/$ID/metrics/sub/acc
./1/$ID/params
./1/$ID/params/lr
./1/$ID/params/net
./1/$ID/tags
./1/$ID/tags/mlflow.runName
./1/$ID/tags/mlflow.source.name
./1/$ID/tags/mlflow.source.type
./1/$ID/tags/mlflow.user
./1/$ID/tags/note
./1/meta.yaml"
}

@test "metriclog: a second run reuses the experiment, ids are integers" {
	metr 'param\tk\t1\n' | metriclog -q --store "$S" -e a
	metr 'param\tk\t2\n' | metriclog -q --store "$S" -e b
	metr 'param\tk\t3\n' | metriclog -q --store "$S" -e a
	run bash -c "grep -h '^name:' '$S'/*/meta.yaml"
	assert_output $'name: Default\nname: a\nname: b'
	[ "$(ls "$S/1" | grep -c '^[0-9a-f]\{32\}$')" -eq 2 ]
	[ "$(ls "$S/2" | grep -c '^[0-9a-f]\{32\}$')" -eq 1 ]
}

@test "metriclog: names that YAML would misread are quoted" {
	metr 'param\tk\t1\n' | metriclog -q --store "$S" -e 123 -n "it's: yes"
	grep -qx "name: '123'" "$S/1/meta.yaml"
	grep -qx "run_name: 'it''s: yes'" "$(rundir 1)/meta.yaml"
	run metriclog show --store "$S" "it's: yes"
	assert_line --index 1 $'name\tit\'s: yes'
	assert_line --index 2 $'experiment\t123 (1)'
}

@test "metriclog: the name of a deleted experiment is refused, as MLflow does" {
	metr 'param\tk\t1\n' | metriclog -q --store "$S" -e gone
	mv "$S/1" "$S/.trash/1"
	run --separate-stderr metriclog -q --store "$S" -e gone < /dev/null
	[ "$status" -eq 64 ]
	assert_equal "$stderr" "metriclog: experiment 'gone' exists in deleted state: restore it, or purge it from $S/.trash, to use the name again"
	[ -z "$(ls -A "$S" | grep -v '^\.' | grep -vx 0)" ]
	# marked deleted in place (not moved) counts too
	metr 'param\tk\t1\n' | metriclog -q --store "$S" -e also
	sed -i 's/^lifecycle_stage: active$/lifecycle_stage: deleted/' "$S/2/meta.yaml"
	run --separate-stderr metriclog -q --store "$S" -e also < /dev/null
	[ "$status" -eq 64 ]
	[[ $stderr == "metriclog: experiment 'also' exists in deleted state"* ]]
	# purged from .trash: the name is free again, with a new id
	rm -r "$S/.trash/1"
	metr 'param\tk\t1\n' | metriclog -q --store "$S" -e gone
	grep -qx 'name: gone' "$S/3/meta.yaml"
}

@test "metriclog: MLFLOW_TRACKING_URI file: URI and MLFLOW_EXPERIMENT_NAME" {
	mkdir -p "d ir"
	metr 'param\tk\t1\n' | MLFLOW_TRACKING_URI="file://$PWD/d%20ir/store" \
	    MLFLOW_EXPERIMENT_NAME=env-exp metriclog -q
	grep -qx 'name: env-exp' "d ir/store/1/meta.yaml"
	grep -q "^artifact_uri: file://$PWD/d%20ir/store/1/" "d ir/store/1/"*/meta.yaml
	metr 'param\tk\t1\n' | MLFLOW_TRACKING_URI=rel metriclog -q
	assert_file_exists rel/0/meta.yaml
	# --store wins over the environment
	metr 'param\tk\t1\n' | MLFLOW_TRACKING_URI=rel metriclog -q --store other
	assert_file_exists other/0/meta.yaml
	run --separate-stderr env MLFLOW_TRACKING_URI=sqlite:///mlflow.db metriclog runs
	[ "$status" -eq 64 ]
	[[ $stderr == "metriclog: MLFLOW_TRACKING_URI: 'sqlite:///mlflow.db' is not a path, a file: URI or an http(s):// URL"* ]]
}

@test "metriclog: default ./mlruns, Default experiment 0" {
	metr 'param\tk\t1\n' | metriclog -q
	[ -n "$(rundir 0 | sed "s|^$S||")" ]
	run metriclog runs
	assert_line --index 1 --regexp $'^[0-9a-f]{8}\tDefault\tmetriclog-[0-9a-f]{8}\tFINISHED\t20[0-9-]{8}T[0-9:]{8}Z\t1$'
}

@test "metriclog: artifacts are copied recursively; the model directory is tagged" {
	mkdir -p model/sub
	printf 'cfg' > model/net.cfg
	printf 'w' > model/sub/best.weights
	printf 'notes' > notes.txt
	metr 'artifact\tnotes.txt\nartifact\tmodel/\n' | metriclog -q --store "$S"
	R=$(rundir 0)
	cmp notes.txt "$R/artifacts/notes.txt"
	cmp model/net.cfg "$R/artifacts/model/net.cfg"
	cmp model/sub/best.weights "$R/artifacts/model/sub/best.weights"
	printf model | cmp - "$R/tags/milldir.model"
	# a missing artifact fails the run
	run --separate-stderr metriclog --store "$S" -e miss < <(metr 'artifact\tnope\n')
	[ "$status" -eq 66 ]
	[[ $stderr == "metriclog: -: frame 1 (byte 0): line 1: nope: No such file or directory" ]]
	grep -qx 'status: 4' "$(rundir 1)/meta.yaml"
}

@test "metriclog: --tee passes every frame through unchanged and in order" {
	{ metr 'param\ta\t1\n'; pred +X +X "" 1 0 0; printf 'xyz' | mdf wrap note text=hi; } > in.mdf
	metriclog -q --tee --store "$S" < in.mdf > out.mdf
	cmp in.mdf out.mdf
	# without --tee nothing is written to stdout
	metriclog -q --store "$S" < in.mdf > out2
	[ ! -s out2 ]
}

@test "metriclog: a param cannot change; the same value again is fine" {
	metr 'param\tlr\t0.1\nparam\tlr\t0.1\n' | metriclog -q --store "$S" -e same
	grep -qx 'status: 3' "$(rundir 1)/meta.yaml"
	run --separate-stderr metriclog --store "$S" -e chg < <(metr 'param\tlr\t0.1\nparam\tlr\t0.2\n')
	[ "$status" -eq 65 ]
	[[ $stderr == "metriclog: -: frame 1 (byte 0): line 2: param 'lr' already logged as '0.1', cannot change it to '0.2'" ]]
	grep -qx 'status: 4' "$(rundir 2)/meta.yaml"
}

@test "metriclog: bad frames exit 65 and mark the run FAILED" {
	# a truncated second frame
	{ metr 'param\ta\t1\n'; pred +X +X "" 1 0 0 | head -c 40; } > trunc.mdf
	run --separate-stderr metriclog --store "$S" -e t < trunc.mdf
	[ "$status" -eq 65 ]
	[[ $stderr == "metriclog: -: frame 2 (byte "* ]]
	R=$(rundir 1)
	grep -qx 'status: 4' "$R/meta.yaml"
	grep -q '^end_time: [0-9]\{13\}$' "$R/meta.yaml"
	printf 1 | cmp - "$R/params/a"
	# a label that is not a class
	run --separate-stderr metriclog --store "$S" -e t < <(pred +Z +X "" 1 0 0)
	[ "$status" -eq 65 ]
	[[ $stderr == "metriclog: -: frame 1 (byte 0): label '+Z' is not one of the classes '+X,-X,+Y'" ]]
	# classes that change within a split
	run --separate-stderr metriclog --store "$S" -e t < <(pred +X +X "" 1 0 0; f32 1 0 | mdf wrap PRED classes=+X,-X label=+X)
	[ "$status" -eq 65 ]
	[[ $stderr == "metriclog: -: frame 2 (byte "*"): classes '+X,-X' differ from '+X,-X,+Y'"* ]]
	# a METR record MLflow would refuse (path trick in a key)
	run --separate-stderr metriclog --store "$S" -e t < <(metr 'metric\ta/./b\t1\t0\t1\n')
	[ "$status" -eq 65 ]
	[[ $stderr == "metriclog: -: frame 1 (byte 0): line 1: invalid metric name 'a/./b'" ]]
	# not a frame stream at all
	run --separate-stderr metriclog --store "$S" -e t < <(echo hello)
	[ "$status" -eq 65 ]
	run metriclog runs --store "$S" -e t
	[ "$(grep -c $'\tFAILED\t' <<<"$output")" -eq 5 ]
}

@test "metriclog: usage errors exit 64" {
	run --separate-stderr metriclog --bogus
	[ "$status" -eq 64 ]
	[[ $stderr == *"Try 'metriclog --help' for more information." ]]
	run --separate-stderr metriclog runs extra
	[ "$status" -eq 64 ]
	run --separate-stderr metriclog show
	[ "$status" -eq 64 ]
	run --separate-stderr metriclog runs --tee
	[ "$status" -eq 64 ]
	run --separate-stderr metriclog --store "$S" -e "$(printf 'a\tb')" < /dev/null
	[ "$status" -eq 64 ]
	[[ $stderr == "metriclog: invalid experiment name"* ]]
	run --separate-stderr metriclog /nonexistent.mdf --store "$BATS_TEST_TMPDIR/st2"
	[ "$status" -eq 66 ]
	assert_equal "$stderr" "metriclog: /nonexistent.mdf: No such file or directory"
	[ ! -e "$BATS_TEST_TMPDIR/st2" ]
	run metriclog --help
	assert_success
	assert_line --index 0 --partial "Usage: metriclog"
	run metriclog --version
	assert_output --regexp '^metriclog \(milldir\) '
}

@test "metriclog: 8 concurrent writers create one experiment and 8 complete runs" {
	for i in 1 2 3 4 5 6 7 8; do
		metr "param\\ti\\t$i\\nmetric\\tval_f1\\t0.$i\\t0\\t1\\n" > in$i.mdf
	done
	for i in 1 2 3 4 5 6 7 8; do
		metriclog -q --store "$S" -e sweep < in$i.mdf &
	done
	wait
	[ "$(grep -l '^name: sweep$' "$S"/*/meta.yaml | wc -l)" -eq 1 ]
	[ "$(ls "$S" | grep -c .)" -eq 2 ]  # 0 and 1
	[ "$(grep -l '^status: 3$' "$S"/1/*/meta.yaml | wc -l)" -eq 8 ]
	run bash -c "cat '$S'/1/*/params/i | fold -w1 | sort | tr -d '\n'"
	assert_output 12345678
	run --separate-stderr metriclog best --store "$S" -e sweep
	assert_output --regexp "^$S/1/[0-9a-f]{32}/artifacts\$"
	[ "$(cat "${output%/artifacts}/params/i")" = 8 ]
}

@test "metriclog: SIGKILL mid-stream leaves a readable RUNNING run" {
	mkfifo fifo
	metriclog -q --store "$S" -e k < fifo &
	pid=$!
	exec 5> fifo
	metr 'param\ta\t1\nmetric\tloss\t0.5\t0\t1\n' >&5
	for _ in $(seq 100); do
		[ -n "$(ls "$S"/1/*/metrics/loss 2>/dev/null)" ] && break
		sleep 0.1
	done
	kill -9 "$pid"
	wait "$pid" || true
	exec 5>&-
	run metriclog runs --store "$S" -e k
	assert_success
	assert_line --index 1 --regexp $'\tk\tmetriclog-[0-9a-f]{8}\tRUNNING\t.*\t1\t0.5$'
	# the meta.yaml of a live run, byte for byte
	sed -E 's/[0-9a-f]{32}/ID/g; s/[0-9]{13}/T/; s/metriclog-[0-9a-f]{8}/metriclog-NAME/' "$S"/1/*/meta.yaml > got
	sed "s|@ROOT@|$S|" "$DATA/metriclog/run-running.yaml" | cmp - got
	# best ignores it; the store still takes new runs
	run metriclog best --store "$S" --metric loss
	[ "$status" -eq 1 ]
	metr 'param\ta\t2\n' | metriclog -q --store "$S" -e k
	[ "$(grep -l '^status: 3$' "$S"/1/*/meta.yaml | wc -l)" -eq 1 ]
}

@test "metriclog: SIGTERM marks the run KILLED" {
	mkfifo fifo
	metriclog -q --store "$S" < fifo &
	pid=$!
	exec 5> fifo
	metr 'param\ta\t1\n' >&5
	for _ in $(seq 100); do
		[ -n "$(ls "$S"/0/*/params/a 2>/dev/null)" ] && break
		sleep 0.1
	done
	kill -TERM "$pid"
	# closed after the kill: the signal is pending before EOF can be read
	exec 5>&-
	st=0
	wait "$pid" || st=$?
	[ "$st" -eq 143 ]
	grep -qx 'status: 5' "$(rundir 0)/meta.yaml"
}

@test "metriclog: best prefers an older better run to a newer worse one" {
	for r in good bad; do mkdir -p "m-$r"; printf "$r" > "m-$r/net.cfg"; done
	metr 'param\tr\tgood\nmetric\tval_f1\t0.9\t0\t1\nartifact\tm-good\n' | metriclog -q --store "$S" -n older
	sleep 0.01
	metr 'param\tr\tbad\nmetric\tval_f1\t0.7\t0\t2\nartifact\tm-bad\n' | metriclog -q --store "$S" -n newer
	# an unfinished run with a higher score does not count
	metr 'metric\tval_f1\t0.99\t0\t3\n' | metriclog -q --store "$S" -n broken < <(metr 'metric\tval_f1\t0.99\t0\t3\n'; echo junk) || true
	run --separate-stderr metriclog best --store "$S"
	assert_success
	[[ $output == "$S/0/"*/artifacts/m-good ]]
	assert_equal "$(cat "$output/net.cfg")" good
	run metriclog best --store "$S" --min
	assert_equal "$(cat "$output/net.cfg")" bad
	# the latest value (highest step) is the run's value
	run metriclog best --store "$S" --metric val_f1 --experiment Default
	assert_equal "$(cat "$output/net.cfg")" good
	# no such metric / experiment / store: exit 1 with a message
	run --separate-stderr metriclog best --store "$S" --metric nope
	[ "$status" -eq 1 ]
	assert_equal "$stderr" "metriclog: no finished run with metric 'nope'"
	run --separate-stderr metriclog best --store "$S" -e nope
	[ "$status" -eq 1 ]
	run --separate-stderr metriclog best --store "$BATS_TEST_TMPDIR/none"
	[ "$status" -eq 1 ]
}

@test "metriclog: show and compare put params and metrics side by side" {
	metr 'param\tlr\t0.1\nmetric\tacc\t0.5\t0\t1\nmetric\tacc\t0.75\t1\t2\n' | metriclog -q --store "$S" -n one
	metr 'param\tlr\t0.2\nparam\tnet\tvgg\nmetric\tacc\t0.8\t0\t1\n' | metriclog -q --store "$S" -n two
	run metriclog show --store "$S" one
	assert_success
	assert_line --index 0 --regexp $'^run\t[0-9a-f]{32}$'
	assert_line $'param\tlr\t0.1'
	assert_line $'metric\tacc\t0.75\tstep 1\t(2 values, min 0.5, max 0.75)'
	assert_line $'tag\tmlflow.runName\tone'
	run metriclog compare --store "$S" one two
	assert_success
	assert_line --index 1 $'name\tone\ttwo'
	assert_line $'param lr\t0.1\t0.2'
	assert_line $'param net\t-\tvgg'
	assert_line $'metric acc\t0.75\t0.8'
	run metriclog compare --align --store "$S" one two
	assert_line --index 1 'name        one       two'
	assert_line 'param net   -         vgg'
	ID=$(basename "$(rundir 0 | head -1)")
	run metriclog show --store "$S" "${ID:0:6}"
	assert_success
	run --separate-stderr metriclog show --store "$S" nosuch
	[ "$status" -eq 66 ]
	assert_equal "$stderr" "metriclog: no run 'nosuch'"
}

@test "metriclog: the store part of the EXAMPLES pipelines runs" {
	mkdir -p models/m1
	printf x > models/m1/net.cfg
	{ metr 'param\tnet\ttiny\nmetric\tval_f1\t0.8\t0\t1\nartifact\tmodels/m1\n'; three_class; } > run.mdf
	metriclog --experiment demo --run-name tiny-1 < run.mdf 2> err
	grep -q "^metriclog: run [0-9a-f]\{32\} in experiment 'demo' (1) finished$" err
	run metriclog best --experiment demo
	assert_output --regexp "/mlruns/1/[0-9a-f]{32}/artifacts/m1\$"
	run metriclog runs --experiment demo
	assert_line --index 0 $'run\texperiment\tname\tstatus\tstart\tnet\ttest_accuracy\ttest_f1\ttest_log_loss\ttest_precision\ttest_recall\ttest_weighted_f1\ttest_weighted_precision\ttest_weighted_recall\tval_f1'
}

@test "metriclog: best ranks runs by their best epoch, --latest by the last value" {
	mkdir -p ma mb
	# run A peaks at epoch 1 (its best.weights) and ends lower than run B
	metr 'metric\tval_f1\t0.5\t0\t1\nmetric\tval_f1\t0.95\t1\t2\nmetric\tval_f1\t0.6\t2\t3\nartifact\tma\n' |
	    metriclog -q --store "$S" -n a
	metr 'metric\tval_f1\t0.8\t0\t4\nartifact\tmb\n' | metriclog -q --store "$S" -n b
	run metriclog best --store "$S"
	[[ $output == */artifacts/ma ]]
	run metriclog best --store "$S" --latest
	[[ $output == */artifacts/mb ]]
	# --min: the lowest value any run reached
	run metriclog best --store "$S" --min
	[[ $output == */artifacts/ma ]]
	run --separate-stderr metriclog best --latest --store "$S" --tee
	[ "$status" -eq 64 ]
}

@test "metriclog: --tee under head dies of SIGPIPE quietly and marks the run KILLED" {
	pred +X +X "" 1 0 0 > big.mdf
	for _ in $(seq 14); do cat big.mdf big.mdf > b2.mdf; mv b2.mdf big.mdf; done
	run -141 --separate-stderr bash -c "set -o pipefail; metriclog -q --tee --store '$S' < big.mdf | head -c1 > /dev/null"
	[ -z "$stderr" ]
	grep -qx 'status: 5' "$(rundir 0)/meta.yaml"
	grep -q '^end_time: [0-9]\{13\}$' "$(rundir 0)/meta.yaml"
	# nothing but the run's files is left behind
	[ -z "$(ls -A "$(rundir 0)" | grep -v -x -e meta.yaml -e metrics -e params -e tags -e artifacts)" ]
}

@test "metriclog: reads a store as MLflow writes it (folded YAML, legacy lines, deleted runs)" {
	M="$DATA/metriclog/mlflow-store"
	E="a very long experiment name that PyYAML folds onto the next line because it is longer than eighty"
	run --separate-stderr metriclog runs --store "$M"
	assert_success
	# the deleted run, the run without meta.yaml, .trash, models/ and the
	# experiment's tags/ are not runs; 2-field and 5-field lines read
	assert_output "run	experiment	name	status	start	lr	val_f1
aaaa0000	$E	sweep-1	FINISHED	2026-01-01T00:00:00Z	0.01	0.7
bbbb0000	$E	sweep: 2	FINISHED	2026-01-01T00:01:40Z	0.1	0.8
dddd0000	$E	live	RUNNING	2026-01-01T00:05:00Z	-	inf"
	# artifact_uri points to /srv (where MLflow ran), which does not
	# exist here: the run's own artifacts/ is used, as for a moved store
	run --separate-stderr metriclog best --store "$M"
	assert_output "$M/512345678901234567/aaaa0000000000000000000000000001/artifacts/model"
	# no artifacts/ here either (git keeps no empty directory): no model to
	# serve, said so (the URI's path is printed in the message)
	run --separate-stderr metriclog best --store "$M" --latest -e "$E"
	[ "$status" -eq 66 ]
	[ -z "$output" ]
	assert_equal "$stderr" "metriclog: run bbbb0000000000000000000000000002: its model directory /srv/ml runs/512345678901234567/bbbb0000000000000000000000000002/artifacts is gone (No such file or directory); delete the run or restore the directory"
	run metriclog show --store "$M" "sweep: 2"
	assert_line --index 3 $'user\tmlflow \xc3\xa9'
	assert_line $'tag\tmlflow.runName\tsweep: 2'
	run --separate-stderr metriclog show --store "$M" eeee
	[ "$status" -eq 66 ]
	run --separate-stderr metriclog show --store "$M" gone
	[ "$status" -eq 66 ]
	# reading never writes: no lock file appears in the fixture
	[ ! -e "$M/.metriclog.lock" ]
}

@test "metriclog: more classes than a confusion matrix takes is bad input" {
	cls=$(seq -s, -f 'c%g' 0 1024)
	perl -e 'print pack("f<*", (0) x 1025)' | mdf wrap PRED classes="$cls" label=c3 > many.mdf
	run --separate-stderr metriclog --store "$S" < many.mdf
	[ "$status" -eq 65 ]
	[[ $stderr == "metriclog: -: frame 1 (byte 0): 1025 classes, more than the 1024 metrics are kept for" ]]
	# 101 classes: metrics and confusion.tsv, but no heat map
	cls=$(seq -s, -f 'c%g' 0 100)
	perl -e 'print pack("f<*", 1, (0) x 100)' | mdf wrap PRED classes="$cls" label=c0 > some.mdf
	metriclog -q --store "$S" -e some < some.mdf
	R=$(rundir 1)
	assert_file_exists "$R/artifacts/confusion.tsv"
	assert_file_not_exists "$R/artifacts/confusion.png"
	assert_equal "$(mval "$R" accuracy)" 1.000000
}

@test "metriclog: dnntrain | metriclog, then dnnpredict --model \"\$(metriclog best)\"" {
	command -v dnntrain > /dev/null || skip "dnntrain not built"
	# 40 tiny images whose colour gives the class
	for i in $(seq 0 39); do
		if [ $((i % 2)) = 0 ]; then l=+X; c=200; else l=-X; c=30; fi
		perl -e "srand($i); print join('', map { chr(($c + int(rand(40))) % 256) } 1 .. 32 * 32 * 3)" |
		    mdf wrap IMAG width=32 height=32 channels=3 label=$l part=p$i
	done > data.mdf
	dnntrain --net tiny -e 2 -q -o m1 < data.mdf | metriclog -q -e demo -n tiny-1
	run metriclog best -e demo
	assert_success
	[[ $output == "$S/1/"*/artifacts/m1 ]]
	assert_file_exists "$output/net.cfg"
	dnnpredict --model "$output" < data.mdf | metriclog -q -e demo -n eval-1
	run metriclog show eval-1
	assert_line --regexp $'^metric\taccuracy\t[0-9.e-]+\tstep 0$'
	[ "$(ls "$S"/1/*/artifacts/confusion.png | wc -l)" -eq 1 ]
}

@test "metriclog: best still finds the model of a store that was moved" {
	mkdir -p m
	printf c > m/net.cfg
	metr 'metric\tval_f1\t0.9\t0\t1\nartifact\tm\n' | metriclog -q --store "$S"
	mv "$S" moved
	run metriclog best --store moved
	assert_success
	[[ $output == "$PWD/moved/0/"*/artifacts/m ]]
	assert_equal "$(cat "$output/net.cfg")" c
}

@test "metriclog: start, children under --parent, runs/best --parent, end" {
	P=$(metriclog start --store "$S" -e sweep -n parent)
	[[ $P =~ ^[0-9a-f]{32}$ ]]
	grep -qx 'status: 1' "$S/1/$P/meta.yaml"
	grep -qx 'end_time: null' "$S/1/$P/meta.yaml"
	for i in 1 2 3; do
		metr "param\\ti\\t$i\\nmetric\\tval_f1\\t0.$((4 - i))\\t0\\t1\\n" |
		    metriclog -q --store "$S" --parent "${P:0:6}" -n "c$i"
	done
	# another run of the experiment, not a child
	metr 'metric\tval_f1\t0.9\t0\t1\n' | metriclog -q --store "$S" -e sweep -n other
	# children land in the parent's experiment with the parent's full id
	[ "$(grep -l "^$P\$" "$S"/1/*/tags/mlflow.parentRunId | wc -l)" -eq 3 ]
	[ ! -e "$S/1/$P/tags/mlflow.parentRunId" ]
	run metriclog runs --store "$S" --parent "$P"
	assert_equal "${#lines[@]}" 4
	assert_equal "$(printf '%s\n' "${lines[@]}" | cut -f3 | tr '\n' ' ')" "name c1 c2 c3 "
	run --separate-stderr metriclog best --store "$S" --parent "$P"
	[ "$(cat "${output%/artifacts}/params/i")" = 1 ]
	metriclog end "$P" --store "$S"
	grep -qx 'status: 3' "$S/1/$P/meta.yaml"
	grep -Eqx 'end_time: [0-9]{13}' "$S/1/$P/meta.yaml"
	metriclog end parent --status failed --store "$S"
	grep -qx 'status: 4' "$S/1/$P/meta.yaml"
	# a child in another experiment than its parent's is refused
	run --separate-stderr metriclog -q --store "$S" -e other --parent "$P" < /dev/null
	[ "$status" -eq 64 ]
	[[ $stderr == "metriclog: parent run $P is in experiment 'sweep', not 'other'"* ]]
	run --separate-stderr metriclog -q --store "$S" --parent nosuchrun < /dev/null
	[ "$status" -eq 66 ]
	run --separate-stderr metriclog end "$P" --status done --store "$S"
	[ "$status" -eq 64 ]
	run --separate-stderr metriclog show "$P" --parent "$P" --store "$S"
	[ "$status" -eq 64 ]
}

# --- issue 16: full disks, foreign readers, escapes ----------------------

# many TEXT: a METR frame of $1 metric values of one key (25-30 bytes a line)
many() {
	local i
	for i in $(seq "$1"); do printf 'metric\tloss\t0.123456%d\t%d\t1767225600001\n' "$i" "$i"; done |
	    mdf wrap METR
}

# whole_lines FILE: every line of FILE has 3 fields and it ends in a newline
whole_lines() {
	[ "$(tail -c1 "$1" | od -An -c | tr -d ' ')" = '\n' ]
	[ -z "$(awk 'NF != 3 || $1 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+$/' "$1")" ]
}

@test "metriclog: a file size limit mid-append: no torn line, EFBIG, run FAILED (16.8)" {
	many 400 > big.mdf
	run --separate-stderr bash -c 'ulimit -f 4; metriclog -q --store "$1" < big.mdf' _ "$S"
	[ "$status" -eq 74 ]
	R=$(rundir 0)
	[[ $stderr == "metriclog: -: frame 1 (byte 0): line "*": $R/metrics/loss: File too large" ]]
	whole_lines "$R/metrics/loss"
	[ "$(wc -c < "$R/metrics/loss")" -le 4096 ]
	grep -qx 'status: 4' "$R/meta.yaml"
	grep -Eqx 'end_time: [0-9]{13}' "$R/meta.yaml"
}

@test "metriclog: a full disk mid-append: no torn line, ENOSPC, run FAILED (16.8)" {
	unshare -rm true 2>/dev/null || skip "no user and mount namespaces"
	many 3000 > big.mdf
	mkdir mnt
	run --separate-stderr unshare -rm sh -c 'mount -t tmpfs -o size=64k tmpfs mnt &&
	    { metriclog -q --store mnt/st < big.mdf; echo "rc=$?"; } &&
	    cat mnt/st/0/*/meta.yaml > meta.txt && cat mnt/st/0/*/metrics/loss > loss.txt'
	assert_output "rc=74"
	[[ $stderr == "metriclog: -: frame 1 (byte 0): line "*"/metrics/loss: No space left on device" ]]
	whole_lines loss.txt
	[ "$(wc -l < loss.txt)" -gt 100 ]
	grep -qx 'status: 4' meta.txt
	grep -Eqx 'end_time: [0-9]{13}' meta.txt
}

@test "metriclog: names with C1 controls, U+2028, U+FFFE are escaped for YAML (16.9)" {
	N=$(printf 'a\xc2\x80b\xc2\x9f\xc2\x85c\xe2\x80\xa8d\xef\xbf\xbee"f\\g\xe2\x80\xa9h')
	metr 'param\tk\t1\n' | USER=$'u\x01x' metriclog -q --store "$S" -e "$N" -n "r$N"
	grep -qx 'name: "a\\x80b\\x9F\\Nc\\Ld\\uFFFEe\\"f\\\\g\\Ph"' "$S/1/meta.yaml"
	grep -qx 'run_name: "ra\\x80b\\x9F\\Nc\\Ld\\uFFFEe\\"f\\\\g\\Ph"' "$(rundir 1)/meta.yaml"
	grep -qx 'user_id: "u\\x01x"' "$(rundir 1)/meta.yaml"
	# metriclog reads them back as they were (printed with controls escaped)
	run metriclog runs --store "$S"
	assert_equal "$(printf '%b\n' "$(printf '%s\n' "${lines[1]}" | cut -f2,3)")" "$N	r$N"
	[[ ${lines[1]} == *'\xc2\x80b\xc2\x9f\xc2\x85c\xe2\x80\xa8d'* ]]
	# and so does PyYAML, which MLflow reads meta.yaml with
	python3 -c 'import yaml' 2>/dev/null || skip "python3-yaml not installed"
	run python3 -c 'import sys, yaml, glob
e = yaml.safe_load(open(sys.argv[1] + "/1/meta.yaml"))["name"]
r = [yaml.safe_load(open(f)) for f in glob.glob(sys.argv[1] + "/1/*/meta.yaml")][0]
print(e == sys.argv[2], r["run_name"] == "r" + sys.argv[2], r["user_id"] == "u\x01x")' "$S" "$N"
	assert_output "True True True"
}

@test "metriclog: best refuses a milldir.model tag out of the store (16.11)" {
	mkdir -p m
	for bad in ../../../../../../etc /etc m/../../.. ''; do
		rm -rf "$S"
		metr "metric\\tval_f1\\t0.9\\t0\\t1\\nartifact\\tm\\ntag\\tmilldir.model\\t$bad\\n" |
		    metriclog -q --store "$S" 2>/dev/null || true
		R=$(rundir 0)
		printf '%s' "$bad" > "$R/tags/milldir.model"
		run --separate-stderr metriclog best --store "$S"
		[ "$status" -eq 65 ]
		[ -z "$output" ]
		[[ $stderr == "metriclog: run ${R##*/}: its milldir.model tag '$bad' is not a path inside its artifacts" ]]
	done
	# a link in the artifacts that leads out
	ln -s /etc "$R/artifacts/out"
	printf out > "$R/tags/milldir.model"
	run --separate-stderr metriclog best --store "$S"
	[ "$status" -eq 65 ]
	[[ $stderr == *"leads out of its artifacts (to /etc)" ]]
}

@test "metriclog: an artifact record may name only files below the working directory (16.12)" {
	run --separate-stderr metriclog --store "$S" -e a < <(metr 'artifact\t/proc/self/environ\n')
	[ "$status" -eq 65 ]
	[[ $stderr == "metriclog: -: frame 1 (byte 0): line 1: artifact /proc/self/environ is outside the working directory (see --artifact-root)" ]]
	R=$(rundir 1)
	[ -z "$(ls -A "$R/artifacts")" ]
	grep -qx 'status: 4' "$R/meta.yaml"
	# .. and links are resolved first
	mkdir -p w/m && printf c > w/m/net.cfg && ln -s /etc/passwd w/m/pw && ln -s /etc w/etc
	cd w
	run --separate-stderr metriclog --store "$S" -e b < <(metr 'artifact\t../../../../../etc/passwd\n')
	[ "$status" -eq 65 ]
	run --separate-stderr metriclog --store "$S" -e c < <(metr 'artifact\tetc/passwd\n')
	[ "$status" -eq 65 ]
	# a link inside a model directory that leads out of it
	run --separate-stderr metriclog --store "$S" -e d < <(metr 'artifact\tm\n')
	[ "$status" -eq 65 ]
	[[ $stderr == *"m/pw: a symbolic link out of the artifact directory (to /etc/passwd) is not copied" ]]
	rm m/pw
	# not a regular file or directory
	mkfifo fifo
	run --separate-stderr metriclog --store "$S" -e e < <(metr 'artifact\tfifo\n')
	[ "$status" -eq 65 ]
	[[ $stderr == *"artifact fifo is not a regular file or directory" ]]
	# an absolute path below the working directory is fine, and so is
	# one below --artifact-root
	metr "artifact\\t$PWD/m\\n" | metriclog -q --store "$S" -e f
	mkdir -p "$BATS_TEST_TMPDIR/elsewhere/m2" && printf d > "$BATS_TEST_TMPDIR/elsewhere/m2/net.cfg"
	run --separate-stderr metriclog -q --store "$S" -e g < <(metr "artifact\\t$BATS_TEST_TMPDIR/elsewhere/m2\\n")
	[ "$status" -eq 65 ]
	metr "artifact\\t$BATS_TEST_TMPDIR/elsewhere/m2\\n" |
	    metriclog -q --store "$S" -e h --artifact-root "$BATS_TEST_TMPDIR/elsewhere"
	[ "$(cat "$S"/8/*/artifacts/m2/net.cfg)" = d ]
}

@test "metriclog: best on a run whose model directory was deleted exits 66 (16.13)" {
	mkdir -p m && printf c > m/net.cfg
	metr 'metric\tval_f1\t0.9\t0\t1\nartifact\tm\n' | metriclog -q --store "$S"
	R=$(rundir 0)
	rm -r "$R/artifacts/m"
	run --separate-stderr metriclog best --store "$S"
	[ "$status" -eq 66 ]
	[ -z "$output" ]
	assert_equal "$stderr" "metriclog: run ${R##*/}: its model directory $R/artifacts/m is gone (No such file or directory); delete the run or restore the directory"
}

@test "metriclog: runs, show and compare escape control characters of stored names (ESC, U+009B)" {
	# metriclog refuses C0 controls in the names it writes; MLflow (or a
	# hand) may store them: the run as MLflow writes it, its name with ESC
	N=$'r\e]0;owned\a\e[2J\xc2\x9b31mx'
	metr 'param\tk\tv\x1b[1m\ntag\tt\t\xc2\x9bz\n' | metriclog -q --store "$S" -e ok -n placeholder
	R=$(rundir 1)
	sed -i 's/^run_name: .*/run_name: "r\\e]0;owned\\a\\e[2J\\x9B31mx"/' "$R/meta.yaml"
	printf '%s' "$N" >"$R/tags/mlflow.runName"
	grep -q '^run_name: "r\\e' "$R/meta.yaml"
	for cmd in "runs" "show $N" "compare $N"; do
		run --separate-stderr metriclog $cmd --store "$S"
		assert_success
		[[ $output != *$'\e'* && $output != *$'\a'* && $output != *$'\xc2\x9b'* ]]
		[[ $output == *'r\x1b]0;owned\x07\x1b[2J\xc2\x9b31mx'* ]]
	done
	run metriclog show "$N" --store "$S"
	assert_line 'param	k	v\x1b[1m'
	assert_line 'tag	t	\xc2\x9bz'
	# names without controls print as they are
	metr 'param\tk\tv\n' | metriclog -q --store "$S" -e ok -n 'plain é name'
	metriclog show 'plain é name' --store "$S" | grep -qx 'name	plain é name'
}

@test "metriclog: the summary on standard error escapes labels from the stream" {
	L=$'a\e[31m'
	{
		f32 0.75 0.25 | mdf wrap PRED "classes=$L,b" "label=$L" split=t
		f32 0.25 0.75 | mdf wrap PRED "classes=$L,b" label=b split=t
	} >in.mdf
	run --separate-stderr metriclog --store "$S" <in.mdf
	assert_success
	[[ $stderr != *$'\e'* ]]
	[[ $stderr == *'metriclog: t: 2 samples, accuracy 1.0000'* ]]
	[[ $stderr == *$'\na\\x1b[31m        1.0000  1.0000  1.0000        1\n'* ]]
}
