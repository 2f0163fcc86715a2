#!/bin/sh
# make bench: training and prediction speed of efficientnet-lite0,
# efficientnet-b0 and vgg16 (224x224x3, 6 classes) in the modes of the
# Darknet glue (MILLDIR_DNN_MODE): fast (ours), gemm (Darknet with only its
# multiplies on OpenBLAS) and stock (Darknet alone), next to the OpenBLAS
# sgemm rate and PyTorch on the same threads, batch and input size,
# measured in the same run: torchvision's efficientnet_b0 and vgg16
# (Debian python3-torchvision, a bench-only dependency; skipped without
# it), and for Lite0, which torchvision lacks, the same layers in torch.nn.
#
# Each figure is a few batches after one warm-up batch; the machine is
# shared, so compare the ratios, not the absolute times.  Batch 8 (VGG16:
# 2, DNN_BENCH_VGG_BATCH; Darknet multiplies image by image, so its rate
# per image does not depend on the batch), DNN_BENCH_THREADS threads [2].
# A minute or two on a quiet machine: ours in fast mode and PyTorch;
# DNN_BENCH_FULL=1 adds the gemm and stock modes (minutes each; 10 or
# more under load).
set -u
B=${MILLDIR_BUILDDIR:-.}
S=${MILLDIR_SRCDIR:-.}
check="$B/tests/dnncheck"
nets="$S/pipelines/nets"
STEPS=${DNN_BENCH_STEPS:-3}
THREADS=${DNN_BENCH_THREADS:-2}
FULL=${DNN_BENCH_FULL:-0}
# both sides on THREADS threads (dnncheck: OpenMP, and OpenBLAS outside
# fast mode)
export OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS"
batch() { if [ "$1" = vgg16 ]; then echo "${DNN_BENCH_VGG_BATCH:-2}"; else echo 8; fi; }
steps() { if [ "$1" = vgg16 ] && [ "$FULL" != 1 ]; then echo 2; else echo "$STEPS"; fi; }

if [ ! -x "$check" ]; then
	(cd "$B" && make -s tests/dnncheck) || exit 1
fi

gflops=$("$check" sgemm 2048) || exit 1
echo "OpenBLAS sgemm 2048^3: $gflops GFLOPS; $THREADS threads everywhere"
g0=$gflops g1=$gflops

# GFLOP per image of one forward pass (a multiply-add counted as 2)
flop_lite0=0.77
flop_vgg16=30.9
flop_b0=0.78

# PyTorch on the same threads, batch and input size, right after ours for
# each network (tests/bench/torchbench.py): torchvision's efficientnet_b0
# and vgg16; torchvision has no Lite0, so Lite0's peer is the same layers
# written in torch.nn.  Debian's python3-torch and python3-torchvision
# (bench only, in ./bootstrap) belong to the system Python, which need
# not be the first python3 on PATH (PYTHON overrides).
py=${PYTHON:-python3}
[ -n "${PYTHON:-}" ] || ! [ -x /usr/bin/python3 ] || py=/usr/bin/python3
torch=1
"$py" -c 'import torch' 2>/dev/null ||
	{ torch=0; echo "PyTorch: skipped ($py -c 'import torch' fails; ./bootstrap installs python3-torchvision)"; }
torch_row() { # NET
	set -- $("$py" "$S/tests/bench/torchbench.py" "$(batch "$1")" 224 "$THREADS" \
	    "$(steps "$1")" "$1" || echo "$1 none torchbench.py_failed")
	if [ "$2" = none ]; then
		printf '%-24s %-11s %s\n' "$1" torch "none: $(echo "$3" | tr _ ' ')"
		return
	fi
	echo "$1 torch $3 $4 $2" >>"$results"
	awk -v n="$1" -v s="$2" -v t="$3" -v f="$4" 'BEGIN {
		printf "%-24s %-11s %12.4f %10.2f %12.4f %10.2f\n", n, s, t, 1 / t, f, 1 / f }'
	[ "$1" != efficientnet-lite0 ] ||
		echo "(torchvision has no Lite0: its torch row is the same layers in torch.nn)"
}

printf '%-24s %-11s %12s %10s %12s %10s\n' "network (batch)" mode "train s/img" "img/s" "fwd s/img" "img/s"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for net in efficientnet-lite0 efficientnet-b0 vgg16; do
	for mode in fast gemm stock; do
		st=$(steps "$net")
		case $FULL/$mode in
		0/gemm | 0/stock)
			printf '%-24s %-11s %12s\n' "$net" "$mode" "skipped (DNN_BENCH_FULL=1)"
			continue ;;
		1/stock) st=1 ;;
		esac
		# the sgemm rate just before and after VGG16's own run, for the
		# ratio of its forward pass (the machine's speed drifts)
		[ "$net$mode" != vgg16fast ] || g0=$("$check" sgemm 2048) || exit 1
		out=$("$check" bench "$nets/$net.cfg" "$mode" "$(batch "$net")" "$st") || exit 1
		[ "$net$mode" != vgg16fast ] || g1=$("$check" sgemm 2048) || exit 1
		set -- $out
		echo "$net $mode $1 $2" >>"$results"
		awk -v n="$net ($(batch "$net"))" -v m="$mode" -v t="$1" -v f="$2" 'BEGIN {
			printf "%-24s %-11s %12.4f %10.2f %12.4f %10.2f\n", n, m, t, 1 / t, f, 1 / f }'
	done
	[ "$torch" = 0 ] || torch_row "$net"
done

get() { awk -v n="$1" -v m="$2" -v c="$3" '$1 == n && $2 == m { print $c }' "$results"; }

echo "ratios (same run; above 1: ours is faster):"
for net in efficientnet-lite0 efficientnet-b0 vgg16; do
	ft=$(get "$net" fast 3); ff=$(get "$net" fast 4)
	for peer in gemm stock torch; do
		pt=$(get "$net" "$peer" 3); pf=$(get "$net" "$peer" 4)
		[ -n "$pt" ] || continue
		name=$peer
		[ "$peer" != torch ] || name=$(get "$net" torch 5)
		awk -v n="$net" -v p="$name" -v ft="$ft" -v ff="$ff" -v pt="$pt" -v pf="$pf" 'BEGIN {
			printf "  %-20s fast vs %-11s: training %.2fx, prediction %.2fx faster", n, p, pt / ft, pf / ff
			if (p == "torchvision" || p == "torch")
				printf "  (at least as fast: training %s, prediction %s)",
				    (pt >= ft ? "yes" : "no"), (pf >= ff ? "yes" : "no")
			printf "\n" }'
	done
done
vf=$(get vgg16 fast 4)
awk -v f="$vf" -v g0="$g0" -v g1="$g1" -v fl="$flop_vgg16" 'BEGIN {
	r = fl / f; g = (g0 + g1) / 2
	printf "  vgg16 forward: %.1f GFLOPS, %.0f%% of the sgemm rate measured around it (%.1f and %.1f GFLOPS; goal 70%%)\n",
	    r, 100 * r / g, g0, g1 }'
lf=$(get efficientnet-lite0 fast 4)
awk -v f="$lf" -v fl="$flop_lite0" 'BEGIN { printf "  efficientnet-lite0 forward: %.1f GFLOPS\n", fl / f }'
bf=$(get efficientnet-b0 fast 4)
awk -v f="$bf" -v fl="$flop_b0" 'BEGIN { printf "  efficientnet-b0 forward: %.1f GFLOPS\n", fl / f }'
