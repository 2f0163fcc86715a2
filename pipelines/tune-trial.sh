#!/bin/sh
# tune-trial.sh TRIAL RUNG EPOCHS PREV DATA PARENT STORE: one rung of one
# trial of pipelines/tune.sh, on its own so that a scheduler (make -j
# here, a Slurm array elsewhere) can run it.
#
#   TRIAL   the trial's directory, holding `settings` (KEY=VALUE lines:
#           lr, batch, momentum, decay, policy, augment, net, size, seed)
#   RUNG    the rung's number; the model goes to TRIAL/rRUNG
#   EPOCHS  epochs to train in this rung
#   PREV    the previous rung's number, whose last.weights it continues
#           from (dnntrain --init), or - to start afresh
#   DATA    the training frames (dnntrain's input)
#   PARENT  the MLflow parent run (metriclog --parent); the rung is logged
#           as its child TRIAL-rRUNG
#   STORE   the metriclog store
#
# Writes TRIAL/rRUNG/score (the best validation F1, 0 when training failed)
# last, so an interrupted rung is run again.  Exits 0 unless it cannot run
# at all: a diverging trial is a result (F1 0), not an error.
set -eu
[ $# -eq 7 ] || { echo "usage: tune-trial.sh TRIAL RUNG EPOCHS PREV DATA PARENT STORE" >&2; exit 64; }
trial=$1 rung=$2 epochs=$3 prev=$4 data=$5 parent=$6 store=$7
here=$(cd "$(dirname "$0")" && pwd)
out=$trial/r$rung
name=$(basename "$trial")-r$rung

get() { sed -n "s/^$1=//p" "$trial/settings" | head -n 1; }
lr=$(get lr) batch=$(get batch) momentum=$(get momentum) decay=$(get decay)
policy=$(get policy) augment=$(get augment) net=$(get net) size=$(get size)
seed=$(get seed)
: "${net:=tiny}" "${seed:=1}"

# the network, at the trial's input size
case $net in
*/* | *.cfg) cfg=$net ;;
*) cfg=${MILLDIR_NETS:-$here/nets}/$net.cfg
   [ -f "$cfg" ] || cfg=$here/nets/$net.cfg ;;
esac
[ -f "$cfg" ] || { echo "tune-trial.sh: $net: no such network" >&2; exit 66; }
mkdir -p "$out"
if [ -n "$size" ]; then
	sed -e "s/^width=.*/width=$size/" -e "s/^height=.*/height=$size/" "$cfg" >"$trial/net.cfg"
else
	cp "$cfg" "$trial/net.cfg"
fi

set -- --net "$trial/net.cfg" --epochs "$epochs" --seed "$seed" --quiet \
	--threads 1 --out "$out"
[ -z "$lr" ] || set -- "$@" --lr "$lr"
[ -z "$batch" ] || set -- "$@" --batch "$batch"
[ -z "$momentum" ] || set -- "$@" --momentum "$momentum"
[ -z "$decay" ] || set -- "$@" --decay "$decay"
[ -z "$policy" ] || set -- "$@" --policy "$policy"
[ "$prev" = - ] || set -- "$@" --init "$trial/r$prev/last.weights"

rm -f "$out/score" "$out/status"
{
	# the trial's settings and rung as parameters of its run
	{
		printf 'param\ttune.trial\t%s\nparam\ttune.rung\t%s\n' "$(basename "$trial")" "$rung"
		sed -e '/^$/d' -e 's/^\([^=]*\)=\(.*\)$/param\ttune.\1\t\2/' "$trial/settings"
	} | mdf wrap METR
	if [ -n "$augment" ] && [ "$augment" != none ]; then
		# shellcheck disable=SC2086 # the options are words
		augment $augment --seed "$seed" <"$data" | dnntrain "$@" 2>"$out/log"
	else
		dnntrain "$@" <"$data" 2>"$out/log"
	fi
	echo $? >"$out/status"
} | metriclog --store "$store" --parent "$parent" --run-name "$name" \
	--artifact-root "$(cd "$trial" && pwd)" --quiet 2>>"$out/log" || true
score=0
if [ "$(cat "$out/status" 2>/dev/null)" = 0 ]; then
	score=$(sed -n 's/^best_val_f1=//p' "$out/model.meta")
else
	# the stream ended cleanly, so metriclog finished the run: it failed
	id=$(metriclog runs --store "$store" --parent "$parent" |
	    awk -F'\t' -v n="$name" '$3 == n { id = $1 } END { print id }')
	[ -z "$id" ] || metriclog end --store "$store" --status failed "$id" >/dev/null 2>&1 || true
fi
echo "${score:-0}" >"$out/score"
