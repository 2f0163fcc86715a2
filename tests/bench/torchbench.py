# tests/bench/torchbench.py: PyTorch's side of tests/bench/dnn.sh (bench only:
# no tool or test uses Python or PyTorch).
#
#   python3 torchbench.py BATCH SIZE THREADS STEPS NET...
#
# For each NET, seconds per image of a training step (SGD with momentum,
# cross-entropy) and of a forward pass in eval mode, on BATCH random
# SIZExSIZE RGB images and 6 classes, after one warm-up step of each, on
# THREADS threads: one line "NET SOURCE TRAIN FORWARD", or
# "NET none WHY" when there is nothing to compare with.
#
#   efficientnet-b0   torchvision.models.efficientnet_b0 (source torchvision)
#   vgg16             torchvision.models.vgg16 (source torchvision)
#   efficientnet-lite0  torchvision has no Lite0: the same layers as
#                     pipelines/nets/efficientnet-lite0.cfg written here
#                     with torch.nn (source torch)
import sys
import time

import torch
import torch.nn as nn


def lite0(classes):
    def block(cin, cout, e, k, s):
        mid = cin * e
        layers = []
        if e != 1:
            layers += [nn.Conv2d(cin, mid, 1, bias=False), nn.BatchNorm2d(mid), nn.ReLU6()]
        layers += [nn.Conv2d(mid, mid, k, s, k // 2, groups=mid, bias=False),
                   nn.BatchNorm2d(mid), nn.ReLU6(),
                   nn.Conv2d(mid, cout, 1, bias=False), nn.BatchNorm2d(cout)]
        return nn.Sequential(*layers)

    class MB(nn.Module):
        def __init__(self, cin, cout, e, k, s):
            super().__init__()
            self.b = block(cin, cout, e, k, s)
            self.res = s == 1 and cin == cout

        def forward(self, x):
            return x + self.b(x) if self.res else self.b(x)

    L = [nn.Conv2d(3, 32, 3, 2, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU6()]
    cin = 32
    for e, k, s, c, r in [(1, 3, 1, 16, 1), (6, 3, 2, 24, 2), (6, 5, 2, 40, 2), (6, 3, 2, 80, 3),
                          (6, 5, 1, 112, 3), (6, 5, 2, 192, 4), (6, 3, 1, 320, 1)]:
        for i in range(r):
            L.append(MB(cin, c, e, k, s if i == 0 else 1))
            cin = c
    L += [nn.Conv2d(cin, 1280, 1, bias=False), nn.BatchNorm2d(1280), nn.ReLU6(),
          nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.2), nn.Linear(1280, classes)]
    return nn.Sequential(*L)


def network(name, classes):
    """(model, source) or (None, why)"""
    if name == "efficientnet-lite0":
        return lite0(classes), "torch"
    try:
        import torchvision.models as tvm
    except ImportError:
        return None, "torchvision_not_installed_(Debian_python3-torchvision)"
    if name == "efficientnet-b0":
        return tvm.efficientnet_b0(num_classes=classes), "torchvision"
    if name == "vgg16":
        return tvm.vgg16(num_classes=classes), "torchvision"
    return None, "no_equivalent"


def seconds_per_image(fn, batch, steps):
    fn()
    t = time.perf_counter()
    for _ in range(steps):
        fn()
    return (time.perf_counter() - t) / steps / batch


def main():
    if len(sys.argv) < 6:
        sys.exit("usage: torchbench.py BATCH SIZE THREADS STEPS NET...")
    batch, size, threads, steps = (int(a) for a in sys.argv[1:5])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    for name in sys.argv[5:]:
        m, source = network(name, 6)
        if m is None:
            print(name, "none", source, flush=True)
            continue
        x = torch.rand(batch, 3, size, size)
        y = torch.arange(batch) % 6
        opt = torch.optim.SGD(m.parameters(), lr=0.001, momentum=0.9, weight_decay=0.0005)
        loss = nn.CrossEntropyLoss()

        def step():
            opt.zero_grad()
            loss(m(x), y).backward()
            opt.step()

        def forward():
            with torch.no_grad():
                m(x)

        m.train()
        tr = seconds_per_image(step, batch, steps)
        m.eval()
        fw = seconds_per_image(forward, batch, steps)
        print(name, source, "%.4f" % tr, "%.4f" % fw, flush=True)


main()
