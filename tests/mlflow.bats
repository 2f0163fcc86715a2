#!/usr/bin/env bats
# metriclog on a tracking server: REST against tests/mlflow-server, a
# stand-in for MLflow's server started on 127.0.0.1 by each test.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	unset MLFLOW_TRACKING_URI MLFLOW_EXPERIMENT_NAME MLFLOW_TRACKING_TOKEN \
	    MLFLOW_TRACKING_USERNAME MLFLOW_TRACKING_PASSWORD
	export USER=tester
	# quick retries for the tests (MLflow's defaults wait minutes)
	export MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR=0.05 MLFLOW_HTTP_REQUEST_MAX_RETRIES=4 \
	    MLFLOW_HTTP_REQUEST_TIMEOUT=2
	export METRICLOG_SPOOL="$BATS_TEST_TMPDIR/spool"
	S="$BATS_TEST_TMPDIR/mlruns"
}

teardown() {
	stop_server
}

# start_server [OPTION]...: tests/mlflow-server on a free port; sets $U.
start_server() {
	rm -f port
	python3 "$MILLDIR_SRCDIR/tests/mlflow-server" --port-file port --state state.json \
	    ${PORT:+--port "$PORT"} "$@" 2>>server.err 3>&- &
	SERVER=$!
	for _ in $(seq 100); do [ -s port ] && break; sleep 0.05; done
	PORT=$(cat port)
	U="http://127.0.0.1:$PORT"
}

stop_server() {
	if [ -n "${SERVER:-}" ]; then
		kill "$SERVER" 2>/dev/null || true
		wait "$SERVER" 2>/dev/null || true
		SERVER=
	fi
}

metr() {
	printf "$1" | mdf wrap METR
}

# the server's state: python3 -c CODE with s = the state
state() {
	python3 -c "import json; s = json.load(open('state.json')); $1"
}

# A stream of 3 epochs, a param, tags, NaN, and a model directory.
stream() {
	mkdir -p m/sub && printf cfg > m/net.cfg && printf w > m/sub/w
	metr 'param\tlr\t0.01\nparam\tnet\ttiny\ntag\tnote\thello world\nmetric\tloss\t0.61\t0\t1767225600001\nmetric\tval_f1\t0.5\t0\t1767225600001\n'
	metr 'metric\tloss\tnan\t1\t1767225600002\nmetric\tval_f1\t0.75\t1\t1767225600002\n'
	metr 'metric\tloss\t0.25\t2\t1767225600003\nmetric\tval_f1\t0.7\t2\t1767225600003\nartifact\tm\n'
}

@test "mlflow: a run over REST holds what the same run holds in a file store; runs, show, best agree" {
	start_server
	stream > in.mdf
	metriclog -q --store "$S" -e demo -n r1 < in.mdf
	metriclog -q --tracking-uri "$U" -e demo -n r1 < in.mdf
	# the server's run: params, tags, every metric value with step and time
	run state 'r = list(s["runs"].values())[0]
print(r["status"], r["run_name"], r["user_id"], r["end_time"] is not None)
print(sorted(r["params"].items()))
print(sorted((k, v) for k, v in r["tags"].items()))
print(sorted((m["key"], m["step"], m["timestamp"], m["value"]) for m in r["metrics"]))
print(sorted(s["art"]))'
	ID=$(state 'print(list(s["runs"])[0])')
	assert_line --index 0 "FINISHED r1 tester True"
	assert_line --index 1 "[('lr', '0.01'), ('net', 'tiny')]"
	assert_line --index 2 "[('milldir.model', 'm'), ('mlflow.runName', 'r1'), ('mlflow.source.name', 'metriclog'), ('mlflow.source.type', 'LOCAL'), ('mlflow.user', 'tester'), ('note', 'hello world')]"
	assert_line --index 3 "[('loss', 0, 1767225600001, 0.61), ('loss', 1, 1767225600002, nan), ('loss', 2, 1767225600003, 0.25), ('val_f1', 0, 1767225600001, 0.5), ('val_f1', 1, 1767225600002, 0.75), ('val_f1', 2, 1767225600003, 0.7)]"
	assert_line --index 4 "['1/$ID/artifacts/m/net.cfg', '1/$ID/artifacts/m/sub/w']"
	# the same histories in the file store
	R=$(ls -d "$S"/1/*/)
	assert_equal "$(cat "$R/metrics/loss")" $'1767225600001 0.61 0\n1767225600002 nan 1\n1767225600003 0.25 2'
	# runs and show print the same, but for ids and where the artifacts are
	run bash -c "metriclog runs --store '$S' | cut -f2-4,6-"
	local f=$output
	run bash -c "metriclog runs --tracking-uri '$U' | cut -f2-4,6-"
	assert_equal "$output" "$f"
	run bash -c "metriclog show r1 --store '$S' | grep -v '^run\|^artifacts\|^start\|^end'"
	f=$output
	run bash -c "metriclog show r1 --tracking-uri '$U' | grep -v '^run\|^artifacts\|^start\|^end'"
	assert_equal "$output" "$f"
	# best: the same run, a local directory or a runs:/ URI
	run metriclog best --tracking-uri "$U" -e demo
	assert_output "runs:/$ID/m"
	run metriclog best --store "$S" -e demo
	[[ $output == "$S/1/"*/artifacts/m ]]
	# MLFLOW_TRACKING_URI works as --tracking-uri does
	run env MLFLOW_TRACKING_URI="$U/" metriclog best -e demo --latest --min -m loss
	assert_output "runs:/$ID/m"
}

# records FILE: every METR record of the frame stream FILE, one a line
records() {
	local n k
	n=$(mdf ls "$1" | wc -l)
	for ((k = 1; k <= n; k++)); do
		mdf payload -n "$k" <"$1"
	done
}

@test "mlflow: eight concurrent dnntrain | metriclog pipelines with faults: one experiment, eight finished runs, no value lost or doubled" {
	# a slow answer outlasts the client's timeout (5 s here): the server
	# acted, the client cannot know, and must not log the values twice
	export MLFLOW_HTTP_REQUEST_TIMEOUT=5 MLFLOW_HTTP_REQUEST_MAX_RETRIES=6
	start_server --fault-every 4 --slow 6
	dnncheck gendata 24 7 32 32 split >data.mdf
	pids=
	for i in 1 2 3 4 5 6 7 8; do
		dnntrain --net tiny --epochs 2 --seed "$i" --out "m$i" data.mdf 2>/dev/null |
			tee "train$i.mdf" | metriclog -q --tracking-uri "$U" -e sweep -n "r$i" 2>"err$i" &
		pids="$pids $!"
	done
	for p in $pids; do wait "$p"; done
	cat err* >&2
	# a run whose retries all met faults went on in the spool: send it
	metriclog sync -q --tracking-uri "$U"
	for i in 1 2 3 4 5 6 7 8; do
		records "train$i.mdf" | awk -F'\t' '$1 == "metric" { print $2, $4, $5, $3 }' >"want$i"
		[ "$(wc -l <"want$i")" -ge 8 ]
	done
	run state 'print(len([e for e in s["exps"].values() if e["name"] == "sweep"]))
rs = list(s["runs"].values())
print(len(rs), sorted(r["status"] for r in rs) == ["FINISHED"] * 8)
for r in sorted(rs, key=lambda r: r["run_name"]):
    want = sorted((k, int(st), int(ts), float(v)) for k, st, ts, v in
                  (l.split() for l in open("want" + r["run_name"][1:])))
    got = sorted((m["key"], m["step"], m["timestamp"], m["value"]) for m in r["metrics"])
    print(r["run_name"], got == want, r["params"]["seed"], r["tags"]["milldir.model"])
    if got != want:
        print(r["run_name"], r["tags"].get("milldir.remoteRunId"), "lost", sorted(set(want) - set(got)),
              "extra", [m for m in got if got.count(m) > want.count(m)], file=open("diff", "a"))'
	[ ! -e diff ] || cat diff >&2
	assert_output "1
8 True
r1 True 1 m1
r2 True 2 m2
r3 True 3 m3
r4 True 4 m4
r5 True 5 m5
r6 True 6 m6
r7 True 7 m7
r8 True 8 m8"
	run --separate-stderr metriclog best --tracking-uri "$U" -e sweep
	[[ $output == runs:/*/m[1-8] ]]
}

@test "mlflow: a server without an artifact proxy is a clear error, not a silent loss" {
	start_server --no-proxy
	run --separate-stderr metriclog -q --tracking-uri "$U" < <(stream)
	[ "$status" -eq 74 ]
	[[ $stderr == *"the server keeps artifacts at 'file:///srv/mlruns/0/"*"/artifacts', not behind its artifact proxy (mlflow-artifacts:); start it with --serve-artifacts"* ]]
	state 'print(list(s["runs"].values())[0]["status"])' | grep -qx FAILED
}

@test "mlflow: bearer and basic auth; secrets in no message and no tag" {
	start_server --token s3cr3t-t0ken
	run --separate-stderr metriclog -q --tracking-uri "$U" < <(metr 'param\tk\t1\n')
	[ "$status" -eq 74 ]
	[[ $stderr == *"HTTP 401 UNAUTHENTICATED"* ]]
	MLFLOW_TRACKING_TOKEN=s3cr3t-t0ken metriclog -q --tracking-uri "$U" < <(metr 'param\tk\t1\n')
	stop_server
	rm state.json
	start_server --basic alice:pa55word
	MLFLOW_TRACKING_USERNAME=alice MLFLOW_TRACKING_PASSWORD=pa55word \
	    metriclog -q --tracking-uri "$U" < <(metr 'param\tk\t1\n')
	# user information in the URL works too, and never shows
	metriclog -q --tracking-uri "http://alice:pa55word@127.0.0.1:$PORT" < <(metr 'param\tk\t2\n')
	run --separate-stderr metriclog runs --tracking-uri "http://alice:wrong@127.0.0.1:$PORT"
	[ "$status" -eq 74 ]
	[[ $stderr != *wrong* && $stderr == *"/api/2.0/mlflow/experiments/search: HTTP 401"* ]]
	! grep -q 'pa55word\|s3cr3t' state.json
}

@test "mlflow: the server away from the start: the run goes to the spool" {
	start_server
	stop_server
	run --separate-stderr metriclog -q --tracking-uri "$U" -e sp -n gone < <(stream)
	assert_success
	[[ $stderr == *"the tracking server could not be reached: the run is in the spool, $BATS_TEST_TMPDIR/spool/1/"* ]]
	R=$(ls -d spool/1/*/)
	assert_equal "$(cat "$R/tags/milldir.trackingUri")" "$U"
	[ ! -e "$R/tags/milldir.remoteRunId" ]
	assert_equal "$(wc -l < "$R/metrics/val_f1")" 3
	assert_file_exists "$R/artifacts/m/net.cfg"
	grep -qx 'status: 3' "$R/meta.yaml"
}

@test "mlflow: a server that dies mid-run: the rest goes to the spool, with the remote run's id" {
	start_server --die-after 6
	run --separate-stderr metriclog -q --tracking-uri "$U" -e sp -n half < <(stream)
	assert_success
	[[ $stderr == *"run is in the spool"* ]]
	R=$(ls -d spool/1/*/)
	ID=$(state 'print(list(s["runs"])[0])')
	assert_equal "$(cat "$R/tags/milldir.remoteRunId")" "$ID"
	# what the server has and what the spool has make the whole run, once
	n=$(state 'print(len(list(s["runs"].values())[0]["metrics"]))')
	m=$(cat "$R"/metrics/* | wc -l)
	[ $((n + m)) -eq 6 ]
}

@test "mlflow: push moves a file store to the server once; sync sends the spool" {
	start_server
	stream > in.mdf
	metriclog -q --store "$S" -e moved -n r1 < in.mdf
	run --separate-stderr metriclog push --store "$S" --tracking-uri "$U"
	assert_success
	assert_equal "$stderr" "metriclog: 1 run sent to $U"
	run state 'r = list(s["runs"].values())[0]
print(r["status"], r["run_name"], len(r["metrics"]), sorted(r["params"].items()), len(s["art"]))'
	assert_output "FINISHED r1 6 [('lr', '0.01'), ('net', 'tiny')] 2"
	# again: nothing
	run --separate-stderr metriclog push --store "$S" --tracking-uri "$U"
	assert_equal "$stderr" "metriclog: 0 runs sent to $U"
	[ "$(state 'print(len(s["runs"]))')" = 1 ]
	# a run half sent before the server died: sync sends the rest, once
	stop_server
	start_server --die-after 6
	metriclog -q --tracking-uri "$U" -e sp -n half < in.mdf 2>/dev/null
	[ -n "$(ls spool/*/*/tags/milldir.remoteRunId)" ]
	stop_server
	start_server
	run --separate-stderr metriclog sync --tracking-uri "$U"
	assert_success
	run state 'r = [r for r in s["runs"].values() if r["run_name"] == "half"]
print(len(r), r[0]["status"], len(r[0]["metrics"]), len(set((m["key"], m["step"]) for m in r[0]["metrics"])))'
	assert_output "1 FINISHED 6 6"
}

# trained RUN EPOCHS: a tiny real dnntrain run (model directory m-RUN) logged
# as run RUN of experiment reg on the server
trained() {
	dnntrain --net tiny --epochs "$2" --out "m-$1" data.mdf |
		metriclog -q --tracking-uri "$U" -e reg -n "$1"
}

@test "mlflow: register moves champion to the best run's model; dnnpredict serves models:/ and runs:/ from a checked cache" {
	start_server --log req.log
	dnncheck gendata 30 7 32 32 split >data.mdf
	trained r1 1
	trained r2 3
	BEST=$(metriclog best --tracking-uri "$U" -e reg)
	ID=${BEST#runs:/}; ID=${ID%%/*}
	run --separate-stderr metriclog register demo --tracking-uri "$U" -e reg
	assert_success
	assert_output "models:/demo/1"
	assert_equal "$stderr" "metriclog: run $ID registered as version 1 of model 'demo'; alias 'champion' -> version 1"
	run state 'm = s["models"]["demo"]
print(m["aliases"], [(v["version"], v["run_id"], v["source"]) for v in m["versions"]])'
	assert_output "{'champion': '1'} [('1', '$ID', 'mlflow-artifacts:/1/$ID/artifacts/${BEST##*/}')]"
	# again: the same version, not a second one; another alias moves too
	run --separate-stderr metriclog register demo --alias prod --tracking-uri "$U" -e reg
	assert_output "models:/demo/1"
	[[ $stderr == *"already was version 1"* ]]
	[ "$(state 'print(len(s["models"]["demo"]["versions"]), s["models"]["demo"]["aliases"])')" = "1 {'champion': '1', 'prod': '1'}" ]
	# dnnpredict from the alias: the best run's model, the same predictions
	export XDG_CACHE_HOME="$BATS_TEST_TMPDIR/cache" MLFLOW_TRACKING_URI="$U"
	dnnpredict --model "${BEST##*/}" --text data.mdf >want.tsv
	dnnpredict --model models:/demo@champion --text data.mdf >a.tsv
	cmp want.tsv a.tsv
	C=$(ls -d cache/milldir/models/*)
	[ "$(ls -A cache/milldir/models | wc -l)" -eq 1 ]
	cmp "${BEST##*/}/best.weights" "$C/best.weights"
	# reused: no artifact is downloaded again
	: >req.log
	dnnpredict --model models:/demo/1 --text data.mdf >b.tsv
	dnnpredict --model "$BEST" --text data.mdf >c.tsv
	cmp want.tsv b.tsv
	cmp want.tsv c.tsv
	grep -q 'GET /api/2.0/mlflow/model-versions/get-download-uri' req.log
	[ "$(grep -c mlflow-artifacts req.log)" -eq 0 ]
	# two processes fetching at once end with one checked copy
	rm -rf cache
	dnnpredict --model models:/demo@prod --text data.mdf >d1.tsv & p1=$!
	dnnpredict --model models:/demo@prod --text data.mdf >d2.tsv & p2=$!
	wait $p1
	wait $p2
	cmp want.tsv d1.tsv
	cmp want.tsv d2.tsv
	assert_equal "$(ls -A cache/milldir/models)" "${C##*/}"
	# references to nothing, malformed ones
	run --separate-stderr dnnpredict --model models:/demo@nope data.mdf
	[ "$status" -eq 66 ]
	[[ $stderr == "dnnpredict: --model: models:/demo@nope: not on the server"* ]]
	run --separate-stderr dnnpredict --model models:/demo/7 data.mdf
	[ "$status" -eq 66 ]
	run --separate-stderr dnnpredict --model models:/demo data.mdf
	[ "$status" -eq 64 ]
	run --separate-stderr dnnpredict --model 'runs:/../../etc/x' data.mdf
	[ "$status" -eq 64 ]
	# a model that fails its checks never enters the cache
	cp -r "${BEST##*/}" bad && echo '+W' >>bad/labels.txt
	printf 'artifact\tbad\n' | mdf wrap METR |
		metriclog -q --tracking-uri "$U" -e broken -n bad
	B=$(state 'print([r["run_id"] for r in s["runs"].values() if r["run_name"] == "bad"][0])')
	run --separate-stderr dnnpredict --model "runs:/$B/bad" data.mdf
	[ "$status" -eq 65 ]
	[[ $stderr == *"fails its checks: "*"labels.txt: 4 labels for a network with 3 outputs"* ]]
	assert_equal "$(ls -A cache/milldir/models)" "${C##*/}"
}

@test "mlflow: register on a file store is a clear error; runs:/ there names the run's own directory" {
	dnncheck gendata 30 7 32 32 split >data.mdf
	dnntrain --net tiny --epochs 1 --out m data.mdf | metriclog -q --store "$S" -e reg -n r1
	run --separate-stderr metriclog register demo --store "$S"
	[ "$status" -eq 64 ]
	[[ $stderr == *"the model registry needs a tracking server"*"(mlruns/models/)"* ]]
	ID=$(basename "$(ls -d "$S"/1/*/)")
	MLFLOW_TRACKING_URI="$S" XDG_CACHE_HOME="$BATS_TEST_TMPDIR/cache" \
	    dnnpredict --model "runs:/$ID/m" --text data.mdf >a.tsv
	dnnpredict --model m --text data.mdf >b.tsv
	cmp a.tsv b.tsv
	[ ! -e cache ]
	run --separate-stderr env MLFLOW_TRACKING_URI="$S" dnnpredict --model models:/demo@champion data.mdf
	[ "$status" -eq 64 ]
	[[ $stderr == *"models:/ URIs need a tracking server"* ]]
}

@test "mlflow: SIGTERM or SIGINT during a run on a server ends it KILLED with its end time, what was logged kept" {
	start_server
	mkfifo fifo
	for sig in TERM INT; do
		metriclog -q --tracking-uri "$U" -e sig -n "t-$sig" <fifo 2>"err-$sig" &
		pid=$!
		exec 4>fifo
		metr 'param\tk\tv\nmetric\tloss\t0.5\t0\t1767225600001\n' >&4
		# the frame reached the server: the run is RUNNING with its value
		for _ in $(seq 100); do
			[ "$(state "print([len(r['metrics']) for r in s['runs'].values() if r['run_name'] == 't-$sig'])" 2>/dev/null)" = "[1]" ] && break
			sleep 0.05
		done
		state "r = [r for r in s['runs'].values() if r['run_name'] == 't-$sig'][0]; print(r['status'])" | grep -qx RUNNING
		kill -s "$sig" "$pid"
		st=0
		wait "$pid" || st=$?
		exec 4>&-
		[ "$st" -eq $((128 + $(kill -l "$sig"))) ]
		run state "r = [r for r in s['runs'].values() if r['run_name'] == 't-$sig'][0]
print(r['status'], r['end_time'] is not None and r['end_time'] >= r['start_time'], len(r['metrics']), r['params'])"
		assert_output "KILLED True 1 {'k': 'v'}"
	done
}

@test "mlflow: register and the model download under faults: one version, one checked copy" {
	start_server
	dnncheck gendata 30 7 32 32 split >data.mdf
	trained r1 1
	stop_server
	# every other request fails: 503, 429, dropped before or after it is
	# handled, answered after the client gave up
	start_server --fault-every 2 --slow 3 --log req.log
	for i in 1 2 3 4 5; do
		run --separate-stderr metriclog register demo -q --tracking-uri "$U" -e reg
		assert_output "models:/demo/1"
	done
	[ "$(grep -c 'POST /api/2.0/mlflow/model-versions/create' req.log)" -ge 1 ]
	[ "$(state 'print(len(s["models"]["demo"]["versions"]), s["models"]["demo"]["aliases"])')" = "1 {'champion': '1'}" ]
	export XDG_CACHE_HOME="$BATS_TEST_TMPDIR/cache" MLFLOW_TRACKING_URI="$U"
	dnnpredict --model models:/demo@champion --text data.mdf >a.tsv
	dnnpredict --model m-r1 --text data.mdf >b.tsv
	cmp a.tsv b.tsv
	[ "$(ls -A cache/milldir/models | wc -l)" -eq 1 ]
}
