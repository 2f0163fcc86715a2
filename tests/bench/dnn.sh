#!/bin/sh
# make bench: training and prediction speed of efficientnet-lite0,
# efficientnet-b0 and vgg16 (224x224x3, batch 8, 6 classes) in the three
# modes of the Darknet glue (MILLDIR_DNN_MODE): fast (ours), gemm (Darknet
# with only its multiplies on OpenBLAS) and stock (Darknet alone), next to
# the OpenBLAS sgemm rate and PyTorch CPU (2 threads) measured in the same
# run; B0 against torchvision's efficientnet_b0 (Debian python3-torchvision,
# skipped without it).
#
# Each figure is a few batches after one warm-up batch; the machine is
# shared, so compare the ratios, not the absolute times.  Stock VGG16
# and B0 take minutes: set DNN_BENCH_FULL=1 to include them.
set -u
B=${MILLDIR_BUILDDIR:-.}
S=${MILLDIR_SRCDIR:-.}
check="$B/tests/dnncheck"
nets="$S/pipelines/nets"
STEPS=${DNN_BENCH_STEPS:-3}

if [ ! -x "$check" ]; then
	(cd "$B" && make -s tests/dnncheck) || exit 1
fi

gflops=$("$check" sgemm 2048) || exit 1
echo "OpenBLAS sgemm 2048^3: $gflops GFLOPS"
g0=$gflops g1=$gflops

# GFLOP per image of one forward pass (a multiply-add counted as 2)
flop_lite0=0.77
flop_vgg16=30.9
flop_b0=0.78

printf '%-20s %-6s %12s %10s %12s %10s\n' network mode "train s/img" "img/s" "fwd s/img" "img/s"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for net in efficientnet-lite0 efficientnet-b0 vgg16; do
	for mode in fast gemm stock; do
		steps=$STEPS
		if [ "$mode" = stock ]; then
			steps=1
			if [ "$net" != efficientnet-lite0 ] && [ "${DNN_BENCH_FULL:-0}" != 1 ]; then
				printf '%-20s %-6s %12s\n' "$net" "$mode" "skipped (DNN_BENCH_FULL=1)"
				continue
			fi
		fi
		# the sgemm rate just before and after VGG16's own run, for the
		# ratio of its forward pass (the machine's speed drifts)
		[ "$net$mode" != vgg16fast ] || g0=$("$check" sgemm 2048) || exit 1
		out=$("$check" bench "$nets/$net.cfg" "$mode" 8 "$steps") || exit 1
		[ "$net$mode" != vgg16fast ] || g1=$("$check" sgemm 2048) || exit 1
		set -- $out
		echo "$net $mode $1 $2" >>"$results"
		awk -v n="$net" -v m="$mode" -v t="$1" -v f="$2" 'BEGIN {
			printf "%-20s %-6s %12.4f %10.2f %12.4f %10.2f\n", n, m, t, 1 / t, f, 1 / f }'
	done
done

get() { awk -v n="$1" -v m="$2" -v c="$3" '$1 == n && $2 == m { print $c }' "$results"; }

# Debian's python3-torch belongs to the system Python, which need not be
# the first python3 on PATH (PYTHON overrides).
py=${PYTHON:-python3}
[ -n "${PYTHON:-}" ] || ! [ -x /usr/bin/python3 ] || py=/usr/bin/python3
torch=""
if "$py" -c 'import torch' 2>/dev/null; then
	torch=$("$py" - <<'PY'
import time, torch, torch.nn as nn
torch.set_num_threads(2)
def block(cin, cout, e, k, s):
    mid = cin * e
    layers = []
    if e != 1:
        layers += [nn.Conv2d(cin, mid, 1, bias=False), nn.BatchNorm2d(mid), nn.ReLU6()]
    layers += [nn.Conv2d(mid, mid, k, s, k // 2, groups=mid, bias=False), nn.BatchNorm2d(mid), nn.ReLU6(),
               nn.Conv2d(mid, cout, 1, bias=False), nn.BatchNorm2d(cout)]
    return nn.Sequential(*layers)
class MB(nn.Module):
    def __init__(self, cin, cout, e, k, s):
        super().__init__()
        self.b = block(cin, cout, e, k, s)
        self.res = s == 1 and cin == cout
    def forward(self, x):
        return x + self.b(x) if self.res else self.b(x)
def lite0(classes=6):
    L = [nn.Conv2d(3, 32, 3, 2, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU6()]
    cin = 32
    for e, k, s, c, r in [(1,3,1,16,1),(6,3,2,24,2),(6,5,2,40,2),(6,3,2,80,3),(6,5,1,112,3),(6,5,2,192,4),(6,3,1,320,1)]:
        for i in range(r):
            L.append(MB(cin, c, e, k, s if i == 0 else 1)); cin = c
    L += [nn.Conv2d(cin, 1280, 1, bias=False), nn.BatchNorm2d(1280), nn.ReLU6(),
          nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.2), nn.Linear(1280, classes)]
    return nn.Sequential(*L)
def vgg16(classes=6):
    L, cin = [], 3
    for c, n in [(64,2),(128,2),(256,3),(512,3),(512,3)]:
        for i in range(n):
            L += [nn.Conv2d(cin, c, 3, 1, 1), nn.ReLU()]; cin = c
        L.append(nn.MaxPool2d(2))
    L += [nn.Flatten(), nn.Linear(512*7*7, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, classes)]
    return nn.Sequential(*L)
nets = [("efficientnet-lite0", lite0), ("vgg16", vgg16)]
try:
    import torchvision
    nets.insert(1, ("efficientnet-b0", lambda: torchvision.models.efficientnet_b0(num_classes=6)))
except ImportError:
    pass
for name, make in nets:
    m = make(); x = torch.rand(8, 3, 224, 224); y = torch.arange(8) % 6
    opt = torch.optim.SGD(m.parameters(), lr=0.001, momentum=0.9)
    loss = nn.CrossEntropyLoss()
    def step():
        opt.zero_grad(); loss(m(x), y).backward(); opt.step()
    m.train(); step(); t = time.time()
    for _ in range(3): step()
    tr = (time.time() - t) / 24
    m.eval()
    with torch.no_grad():
        m(x); t = time.time()
        for _ in range(3): m(x)
    fw = (time.time() - t) / 24
    print(name, "torch", tr, fw)
PY
) || torch=""
fi
if [ -n "$torch" ]; then
	echo "$torch" >>"$results"
	echo "$torch" | while read -r n m t f; do
		awk -v n="$n" -v t="$t" -v f="$f" 'BEGIN {
			printf "%-20s %-6s %12.4f %10.2f %12.4f %10.2f\n", n, "torch", t, 1 / t, f, 1 / f }'
	done
else
	echo "PyTorch: skipped ($py -c 'import torch' fails; install the Debian package python3-torch)"
fi

echo "ratios (same run):"
for net in efficientnet-lite0 efficientnet-b0 vgg16; do
	ft=$(get "$net" fast 3); ff=$(get "$net" fast 4)
	for peer in gemm stock torch; do
		pt=$(get "$net" "$peer" 3); pf=$(get "$net" "$peer" 4)
		[ -n "$pt" ] || continue
		awk -v n="$net" -v p="$peer" -v ft="$ft" -v ff="$ff" -v pt="$pt" -v pf="$pf" 'BEGIN {
			printf "  %-20s fast vs %-5s: training %.2fx, prediction %.2fx faster\n", n, p, pt / ft, pf / ff }'
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
