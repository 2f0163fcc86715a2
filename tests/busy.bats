#!/usr/bin/env bats
# tests/bench/busy.sh, the busy-machine mark of `make bench`.

load test_helper

BUSY="$MILLDIR_SRCDIR/tests/bench/busy.sh"

setup() {
	cat >"$BATS_TEST_TMPDIR/b.sh" <<'SH'
echo "a header"
sleep 0.6
echo "figure: 12 ms"
echo "row 2"
exit 3
SH
}

@test "busy: every line with a figure is marked above the limit, the status kept" {
	run -3 env BENCH_BUSY_LOAD=-1 sh "$BUSY" "$BATS_TEST_TMPDIR/b.sh"
	assert_line --index 0 --regexp '^busy.sh: BUSY before the benchmark \(load [0-9.]+\)'
	assert_line --index 1 "a header"
	assert_line --index 2 --regexp '^figure: 12 ms   <-- BUSY \(load [0-9.]+\)$'
	assert_line --index 3 --regexp '^row 2   <-- BUSY \(load [0-9.]+\)$'
	assert_line --index 4 --regexp "^busy.sh: 2 lines measured on a BUSY machine \(others' load up to [0-9.]+\)"
}

@test "busy: below the limit the output is the script's own" {
	run -3 env BENCH_BUSY_LOAD=1000 sh "$BUSY" "$BATS_TEST_TMPDIR/b.sh"
	assert_output "$(printf 'a header\nfigure: 12 ms\nrow 2')"
}

@test "busy: a process outside the benchmark using a core marks the figure" {
	timeout 4 sh -c 'while :; do :; done' &
	local burner=$!
	run -3 env BENCH_BUSY_LOAD=0.5 sh "$BUSY" "$BATS_TEST_TMPDIR/b.sh"
	kill "$burner" 2>/dev/null || :
	wait "$burner" || :
	assert_line --index 2 --regexp '^figure: 12 ms   <-- BUSY \(load [0-9.]+\)$'
}
