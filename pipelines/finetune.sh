#!/bin/sh
# pipelines/finetune.sh: a model pretrained on generated parts, fine-tuned on
# a few labelled real parts, scored on the rest of them.
#
#   sh pipelines/finetune.sh -m MODEL [-n N] [-s SEED] [-e EPOCHS] [-r LR]
#       [-a AUGMENT] [-t THREADS] [-o DIR] PARTS
#
# PARTS is a labelled folder (labels.tsv and STL, STEP, OBJ or PLY files,
# as evaluate.sh reads).  N of its parts (default 10), chosen by SEED and
# spread over the labels, are prepared exactly as MODEL's training frames
# were (pipelines/prepare.sh), each in the rotations AUGMENT gives (augment
# remaps the labels), and trained on twice with MODEL's network:
#   fine-tuned    from MODEL's best weights (dnntrain --init), at LR;
#   from scratch  from random weights, at the network's own rate;
# both for EPOCHS epochs on all N parts (no validation split: the last
# epoch's weights).  The pretrained model, the fine-tuned one and the one
# from scratch are then scored by evaluate.sh on the other parts, which
# none of them saw.  Output: one line per model, its accuracy and macro
# F1; DIR (with -o) keeps the split (few/ and rest/: copies of
# the parts and their labels.tsv), the frames, both models and each evaluation.
set -eu

usage() {
	echo "usage: finetune.sh -m MODEL [-n N] [-s SEED] [-e EPOCHS] [-r LR] [-a AUGMENT] [-t THREADS] [-o DIR] PARTS" >&2
	exit 64
}
number() { # NAME VALUE: a whole number, else usage
	case $2 in '' | *[!0-9]*) echo "finetune.sh: $1: want a whole number, not '$2'" >&2; exit 64 ;; esac
}
model='' n=10 seed=1 epochs=8 lr=0.001 threads='' out=''
augment='--rotations cube --sequential -n 24'
while getopts m:n:s:e:r:a:t:o: opt; do
	case $opt in
	m) model=$OPTARG ;;
	n) n=$OPTARG; number -n "$n" ;;
	s) seed=$OPTARG; number -s "$seed" ;;
	e) epochs=$OPTARG; number -e "$epochs" ;;
	r) lr=$OPTARG ;;
	a) augment=$OPTARG ;;
	t) threads=$OPTARG; number -t "$threads" ;;
	o) out=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -n "$model" ] || usage
[ "$n" -ge 1 ] && [ "$epochs" -ge 1 ] || { echo "finetune.sh: -n and -e want at least 1" >&2; exit 64; }
parts=$1
[ -f "$parts/labels.tsv" ] || { echo "finetune.sh: $parts/labels.tsv: no such file" >&2; exit 66; }
for f in net.cfg labels.txt best.weights; do
	[ -f "$model/$f" ] || { echo "finetune.sh: $model/$f: no such file" >&2; exit 66; }
done
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C

if [ -n "$out" ]; then
	mkdir -p "$out"
else
	out=$(mktemp -d "${TMPDIR:-/tmp}/finetune.XXXXXX")
	trap 'rm -rf "$out"' EXIT
	trap 'exit 130' INT TERM
fi
rm -rf "$out/few" "$out/rest" "$out/finetuned" "$out/scratch"
mkdir -p "$out/few" "$out/rest"

# The parts with a label: NAME<TAB>LABEL<TAB>FILE, in name order.
find "$parts" -maxdepth 1 -type f \( -name '*.stl' -o -name '*.STL' -o -name '*.step' \
	-o -name '*.stp' -o -name '*.obj' -o -name '*.ply' \) | sort |
	awk -F'\t' 'NR == FNR { if (NF >= 2) label[$1] = $2; next }
	{ b = $0; sub(/.*\//, "", b); sub(/\.[^.]*$/, "", b)
	  if (b in label) print b "\t" label[b] "\t" $0 }' "$parts/labels.tsv" - >"$out/parts.tsv"
total=$(grep -c . "$out/parts.tsv" || true)
[ "$total" -gt "$n" ] || {
	echo "finetune.sh: $parts: $total labelled parts, want more than -n $n" >&2
	exit 65
}

# The few: every part's key is the CRC of SEED and its name; within each
# label the parts are ranked by key, and the first N by (rank, key) are
# taken, so the labels take turns.
while IFS='	' read -r name label file; do
	key=$(printf '%s %s' "$seed" "$name" | cksum | cut -d' ' -f1)
	printf '%s\t%s\t%s\t%s\n' "$label" "$key" "$name" "$file"
done <"$out/parts.tsv" | sort -t '	' -k1,1 -k2,2n |
	awk -F'\t' '{ r = ($1 == prev) ? r + 1 : 0; prev = $1; print r "\t" $2 "\t" $3 }' |
	sort -t '	' -k1,1n -k2,2n | head -n "$n" | cut -f3 | sort >"$out/few.txt"
awk -F'\t' -v o="$out" 'NR == FNR { few[$1] = 1; next }
	{ print $1 "\t" $2 > (o "/" (($1 in few) ? "few" : "rest") "/labels.tsv") }' \
	"$out/few.txt" "$out/parts.tsv"
while IFS='	' read -r name label file; do
	if grep -qxF -e "$name" "$out/few.txt"; then d=few; else d=rest; fi
	cp "$file" "$out/$d/"
done <"$out/parts.tsv"

# The few parts' frames, prepared as MODEL's and turned as AUGMENT says.
. "$here/prepare.sh"
prep_load "$model" "$out/preparation"
[ -s "$out/preparation" ] || {
	echo "finetune.sh: $model records no preparation of its frames" >&2
	exit 65
}
# shellcheck disable=SC2086
find "$out/few" -type f ! -name labels.tsv | sort | tr '\n' '\0' |
	xargs -0 stl2norm -q --labels "$out/few/labels.tsv" |
	augment $augment --seed "$seed" | prep_run >"$out/few.mdf"

classes=$(paste -sd, "$model/labels.txt")
train() { # NAME [dnntrain options]
	name=$1
	shift
	dnntrain --net "$model/net.cfg" -c "$classes" --epochs "$epochs" --val-split 0 \
		--seed "$seed" ${threads:+--threads "$threads"} --quiet --out "$out/$name" \
		"$@" <"$out/few.mdf" >"$out/$name.metrics.mdf"
}
train finetuned --init "$model/best.weights" --lr "$lr"
train scratch --policy poly

# Each model on the rest.
score() { # LABEL MODEL
	sh "$here/evaluate.sh" -m "$2" -o "$out/eval-$1" "$out/rest" >"$out/eval-$1.txt"
	printf '%-13s %-9s %s\n' "$1" "$(sed -n 's/^accuracy *//p' "$out/eval-$1.txt")" \
		"$(sed -n 's/^macro F1 *//p' "$out/eval-$1.txt")"
}
echo "parts: $parts: $n to fine-tune on ($(paste -sd' ' "$out/few.txt")), $((total - n)) scored"
printf '%-13s %-9s %s\n' model accuracy "macro F1"
score pretrained "$model"
score finetuned "$out/finetuned"
score scratch "$out/scratch"
