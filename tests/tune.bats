#!/usr/bin/env bats
# pipelines/tune.sh: successive halving over dnntrain settings, trials as
# children of one MLflow parent run (milldir-tune(1)).  The tiny network
# at 32x32 on 45 frames: a trial rung takes a second or two.

load test_helper
load dnn_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	tune=$MILLDIR_SRCDIR/pipelines/tune.sh
	cat >space <<'END'
# a tiny search
lr       loguniform 0.005 0.2
batch    choice 8 16
momentum uniform 0.8 0.95
decay    loguniform 1e-5 1e-3
policy   choice constant poly
net      choice tiny
size     choice 32
augment  choice none --brightness=0.1+--contrast=0.1
END
}

@test "tune: the draws are seeded, within the space, and the same on a re-run" {
	dnncheck gendata 45 1 32 32 >data.mdf
	# one rung of one epoch: the draws only
	"$tune" -n 6 -r 1 -S store -d a space data.mdf >/dev/null 2>&1
	"$tune" -n 6 -r 1 -S store -d b -s 2 space data.mdf >/dev/null 2>&1
	for t in a/t00[1-6]; do
		awk -F= '$1 == "lr" { exit !($2 >= 0.005 && $2 <= 0.2) }' "$t/settings"
		awk -F= '$1 == "decay" { exit !($2 >= 1e-5 && $2 <= 1e-3) }' "$t/settings"
		grep -Eq '^batch=(8|16)$' "$t/settings"
		grep -Eq '^augment=(none|--brightness=0.1 --contrast=0.1)$' "$t/settings"
		grep -q '^seed=1$' "$t/settings"
	done
	# not all alike, and another seed draws others
	[ "$(cat a/t00?/settings | grep '^lr=' | sort -u | wc -l)" -eq 6 ]
	! cmp -s a/t001/settings b/t001/settings
	# a directory drawn with another seed is refused
	run -65 --separate-stderr "$tune" -n 6 -r 1 -S store -d a -s 3 space data.mdf
	[[ $stderr == "tune.sh: "*"/a/t001: drawn with other settings (another seed or space): use another --dir" ]]
}

@test "tune: a rung's best continue from their own weights, the rest stop; best picks across all trials" {
	dnncheck gendata 45 1 32 32 >data.mdf
	run -0 --separate-stderr "$tune" -n 4 -r 1,2 --eta 2 -j 2 -S store space data.mdf
	best=$output
	parent=$(cat tune.d/parent)
	# 4 trials at rung 0, the best 2 at rung 1, all children of the parent
	[ "$(metriclog runs -s store --parent "$parent" | tail -n +2 | wc -l)" -eq 6 ]
	[ "$(ls -d tune.d/t00?/r0 | wc -l)" -eq 4 ]
	[ "$(ls -d tune.d/t00?/r1 | wc -l)" -eq 2 ]
	# the two that went on are the two best of rung 0
	for t in $(head -n 2 tune.d/rung0.scores | cut -d' ' -f2); do
		[ -f "tune.d/$t/r1/score" ]
	done
	# rung 1: one more epoch (to 2) from rung 0's weights
	[ "$(grep -c "tune.d/t[0-9]*' 1 1 0 " tune.d/rung1.mk)" -eq 2 ]
	# continued, not restarted: rung 1 trained one epoch from rung 0's weights
	t=$(head -n 1 tune.d/rung1.scores | cut -d' ' -f2)
	metriclog show -s store "$t-r1" | grep -q '^param	epochs	1$'
	# the parent is finished; best is the best child by validation F1
	metriclog show -s store "$parent" | grep -q '^status	FINISHED$'
	[ "$best" = "$(metriclog best -s store --parent "$parent")" ]
	[ -f "$best/best.weights" ]
	# which is a run of the highest score of any rung
	top=$(cat tune.d/rung*.scores | sort -gr | head -n 1 | cut -d' ' -f1)
	id=$(basename "$(dirname "$(dirname "$best")")")
	metriclog show -s store "$id" | grep -q "^metric	val_f1	$top" ||
	    metriclog show -s store "$id" | awk -F'\t' -v t="$top" '$2 == "val_f1" && $3 + 0 >= t - 1e-6 { f = 1 } END { exit !f }'
	# every child carries its settings
	metriclog show -s store "$t-r1" | grep -q "^param	tune.trial	$t$"
	# a re-run trains nothing more
	"$tune" -n 4 -r 1,2 --eta 2 -j 2 -S store space data.mdf >again 2>err
	[ ! -s err ]
	[ "$(cat again)" = "$best" ]
	[ "$(metriclog runs -s store --parent "$parent" | tail -n +2 | wc -l)" -eq 6 ]
}

@test "tune: an interrupted rung is run again, a failing trial scores 0" {
	dnncheck gendata 45 1 32 32 >data.mdf
	printf 'lr choice 1e30\nnet choice tiny\n' >bad
	run -65 --separate-stderr "$tune" -n 2 -r 2 -S store -d bad.d bad data.mdf
	[[ $stderr == *"tune.sh: no trial finished training (their logs: "*"/bad.d/t*/r*/log)" ]]
	[ "$(cut -d' ' -f1 bad.d/rung0.scores | sort -u)" = 0 ]
	grep -q 'loss diverged' bad.d/t001/r0/log
	# their runs failed
	[ "$(metriclog runs -s store --parent "$(cat bad.d/parent)" | tail -n +2 | cut -f4 | sort -u)" = FAILED ]
	# a rung without its score is redone, the others are not
	rm bad.d/t002/r0/score
	run -65 --separate-stderr "$tune" -n 2 -r 2 -S store -d bad.d bad data.mdf
	[[ $stderr == *"TRIAL    t002 rung 0"* ]]
	[[ $stderr != *"TRIAL    t001"* ]]
}

@test "tune: bad usage and bad spaces are refused" {
	run -64 "$tune"
	run -0 "$tune" --help
	[[ ${lines[0]} == "Usage: tune.sh [OPTION]... SPACE DATA" ]]
	: >data.mdf
	printf 'lr gaussian 0 1\n' >s1
	run -65 --separate-stderr "$tune" s1 data.mdf
	[ "$stderr" = "tune.sh: s1: line 1: want KEY loguniform|uniform|int LOW HIGH or KEY choice V..." ]
	printf 'colour choice red\n' >s2
	run -65 --separate-stderr "$tune" s2 data.mdf
	[ "$stderr" = "tune.sh: s2: line 1: unknown setting colour" ]
	run -66 --separate-stderr "$tune" missing data.mdf
	run -64 --separate-stderr "$tune" -r 3,1 space data.mdf
}
