#!/usr/bin/env python3
"""eval/cad/recipes.py: write the evaluation parts' OpenSCAD sources.

Run once by hand (python3 eval/cad/recipes.py [SEED] [COUNT]) to write
eval/cad/parts/*.scad, eval/cad/labels.tsv and eval/cad/parts.tsv; the
sources are committed and make builds the STL files from them
(eval/cad/eval.mk), so neither the build nor the tools run Python.

Written independently of partgen: its own stock shapes (plates, boxes
with sharp, filleted or chamfered edges, bars, round stock along any
axis, disks, turned shafts, L and stepped profiles), its own feature mix
and proportions, sizes 5-500 mm, parts anywhere in space.

Labels are exact: every feature is a prism or cone swept from one face,
no two features (or their clearances) overlap, and each feature lies
wholly inside the stock, so the volume a side removes is the sum of its
features' volumes, computed from the very polygons OpenSCAD builds
(regular $fn-gons starting at angle 0).  A through hole removes material
seen from both ends, so the label must win even when every through hole
is counted for both its sides: the label side's blind volume is at least
MARGIN times any other side's volume counted that way.
"""
import math
import os
import random
import sys

MARGIN = 1.5
CLEAR = 0.04          # clearance between features, fraction of the region
HERE = os.path.dirname(os.path.abspath(__file__))

SIDES = {(1, 0, 0): "+X", (-1, 0, 0): "-X", (0, 1, 0): "+Y",
         (0, -1, 0): "-Y", (0, 0, 1): "+Z", (0, 0, -1): "-Z"}
KEYS = {"+X": "px", "-X": "mx", "+Y": "py", "-Y": "my", "+Z": "pz", "-Z": "mz"}


def f2(x):
    return "%.2f" % x


def vec(v):
    return "[" + ", ".join(f2(c) if isinstance(c, float) else str(c) for c in v) + "]"


# --- polygons as OpenSCAD makes them -----------------------------------------

def circle_pts(cx, cy, r, n):
    return [(cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n))
            for i in range(n)]


def ngon_area(r, n):
    return n / 2 * r * r * math.sin(2 * math.pi / n)


def shoelace(p):
    return abs(sum(p[i][0] * p[i - 1][1] - p[i - 1][0] * p[i][1] for i in range(len(p)))) / 2


def hull(pts):
    pts = sorted(set(pts))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    lo, hi = [], []
    for p in pts:
        while len(lo) >= 2 and cross(lo[-2], lo[-1], p) <= 0:
            lo.pop()
        lo.append(p)
    for p in reversed(pts):
        while len(hi) >= 2 and cross(hi[-2], hi[-1], p) <= 0:
            hi.pop()
        hi.append(p)
    return lo[:-1] + hi[:-1]


def rounded_area(w, l, r, n):
    if r <= 0:
        return w * l
    pts = []
    for x in (r - w / 2, w / 2 - r):
        for y in (r - l / 2, l / 2 - r):
            pts += circle_pts(x, y, r, n)
    return shoelace(hull(pts))


def slot_area(s, r, n):
    return shoelace(hull(circle_pts(-s / 2, 0, r, n) + circle_pts(s / 2, 0, r, n)))


def clip(poly, d, c):
    """The part of convex POLY where dot(p, d) >= c."""
    out = []
    for i in range(len(poly)):
        a, b = poly[i - 1], poly[i]
        da = a[0] * d[0] + a[1] * d[1] - c
        db = b[0] * d[0] + b[1] * d[1] - c
        if da >= 0:
            out.append(a)
        if (da >= 0) != (db >= 0):
            t = da / (da - db)
            out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
    # the loop visits a before b: rotate so the order is kept
    return out


def chord_half(poly, z):
    """Half the width of convex POLY (x, y) on the line y = z (centred)."""
    xs = []
    for i in range(len(poly)):
        a, b = poly[i - 1], poly[i]
        if (a[1] - z) * (b[1] - z) <= 0 and a[1] != b[1]:
            t = (z - a[1]) / (b[1] - a[1])
            xs.append(a[0] + t * (b[0] - a[0]))
    return min(abs(min(xs)), abs(max(xs))) if len(xs) >= 2 else 0.0


# --- rotations -----------------------------------------------------------------

def rotations():
    out = []
    import itertools
    for perm in itertools.permutations(range(3)):
        for signs in itertools.product((1, -1), repeat=3):
            m = [[0] * 3 for _ in range(3)]
            for col in range(3):
                m[perm[col]][col] = signs[col]
            det = (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                   - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                   + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
            if det == 1:
                out.append(m)
    return out


ROTS = rotations()


def apply(m, v):
    return tuple(sum(m[i][j] * v[j] for j in range(3)) for i in range(3))


# --- faces and features ----------------------------------------------------------

class Face:
    """A planar face of the stock: origin, axes, outward normal, region.

    shape 'rect': u in [u0, u1], v in [v0, v1]; 'disk': |(u, v)| <= r;
    'flat': u in [u0, u1], |v| limited by the chord at each depth (CHORD).
    DMAX is the material depth under the face, THRU whether a hole may go
    through (the opposite face then lies at depth DMAX, inside its own
    region)."""

    def __init__(self, o, u, v, n, shape, ext, dmax, thru=False, chord=None, openable=()):
        self.o, self.u, self.v, self.n = o, u, v, n
        self.shape, self.ext, self.dmax, self.thru = shape, ext, dmax, thru
        self.chord, self.openable = chord, openable
        self.parent = None     # index of a cut this face lies on

    def size(self):
        if self.shape == "disk":
            return 2 * self.ext
        if self.shape == "flat":
            return min(self.ext[1] - self.ext[0], 2 * self.chord(0))
        return min(self.ext[1] - self.ext[0], self.ext[3] - self.ext[2])

    def point(self, a, b, c):
        return tuple(self.o[i] + a * self.u[i] + b * self.v[i] + c * self.n[i] for i in range(3))

    def box3(self, cu, cv, hu, hv, d):
        pts = [self.point(cu + su * hu, cv + sv * hv, -sd * d)
               for su in (-1, 1) for sv in (-1, 1) for sd in (0, 1)]
        return [(min(p[i] for p in pts), max(p[i] for p in pts)) for i in range(3)]

    def fits(self, cu, cv, hu, hv, d, clear):
        if self.shape == "rect":
            u0, u1, v0, v1 = self.ext
            return (u0 + clear <= cu - hu and cu + hu <= u1 - clear and
                    v0 + clear <= cv - hv and cv + hv <= v1 - clear)
        if self.shape == "disk":
            r = self.ext - clear
            return all(math.hypot(cu + a * hu, cv + b * hv) <= r for a in (-1, 1) for b in (-1, 1))
        u0, u1 = self.ext[0], self.ext[1]
        half = min(self.chord(0), self.chord(d)) - clear
        return u0 + clear <= cu - hu and cu + hu <= u1 - clear and abs(cv) + hv <= half

    def rand_pos(self, rng, hu, hv, clear):
        if self.shape == "disk":
            r = rng.uniform(0, self.ext)
            a = rng.uniform(0, 2 * math.pi)
            return r * math.cos(a), r * math.sin(a)
        if self.shape == "flat":
            return rng.uniform(self.ext[0], self.ext[1]), rng.uniform(-hu, hu) * 0.2
        u0, u1, v0, v1 = self.ext
        return rng.uniform(u0 + hu + clear, max(u0 + hu + clear, u1 - hu - clear)), \
            rng.uniform(v0 + hv + clear, max(v0 + hv + clear, v1 - hv - clear))


def overlaps(a, b, clear):
    return all(a[i][0] - clear < b[i][1] and b[i][0] - clear < a[i][1] for i in range(3))


class Part:
    def __init__(self, rng, n):
        self.rng, self.n = rng, n
        self.blind = {s: 0.0 for s in SIDES}
        self.thru = {s: 0.0 for s in SIDES}
        self.boxes, self.cuts, self.notes = [], [], []

    def add(self, face, cu, cv, hu, hv, d, vol, scad, thru=False, note="", box=None):
        box = box or face.box3(cu, cv, hu, hv, d)
        clear = CLEAR * face.size() * 0.5
        if any(overlaps(box, b, clear) for k, b in enumerate(self.boxes) if k != face.parent):
            return False
        self.boxes.append(box)
        side = tuple(face.n)
        (self.thru if thru else self.blind)[side] += vol
        self.cuts.append("face(%s, %s, %s, %s) translate([%s, %s, 0]) %s;" % (
                vec(face.o), vec(face.u), vec(face.v), vec(face.n), f2(cu), f2(cv), scad))
        self.notes.append((side, note, vol))
        return True

    def score(self, s):
        opp = tuple(-c for c in s)
        return self.blind[s] + self.thru[s] + self.thru[opp]


def small(part, kind, v):
    """Whether a feature is too small to be a real one (or to see)."""
    m = part.minfeat
    if v["d"] < max(0.2, m / 4):
        return True
    if kind in ("pocket", "rpocket", "pocket2"):
        return min(v["w"], v["l"]) < 2 * m
    if kind == "slot":
        return v["r"] < m / 2 or v["sl"] < m
    if kind == "csink":
        return v["r2"] < m / 2
    return v["r"] < m / 2


def feature(part, face, scale, depth_frac, allow_thru, rng):
    """Try to cut one random feature from FACE, sized SCALE of the face."""
    n = part.n
    s = face.size() * scale
    clear = CLEAR * face.size()
    dmax = face.dmax
    kinds = ["pocket", "rpocket", "circle", "hole", "cbore", "csink", "slot", "pocket2", "pattern"]
    if face.openable:
        kinds += ["step", "openslot"]
    kind = rng.choice(kinds)
    d = dmax * rng.uniform(0.12, depth_frac)
    thru = allow_thru and face.thru and rng.random() < 0.35
    for _ in range(40):
        if kind in ("pocket", "rpocket", "pocket2"):
            w, l = s * rng.uniform(0.25, 0.9), s * rng.uniform(0.25, 0.9)
            r = 0.0 if kind == "pocket" else min(w, l) * rng.uniform(0.08, 0.45)
            hu, hv = w / 2, l / 2
            if kind == "pocket2":
                r = min(w, l) * rng.uniform(0.0, 0.3)
                w2, l2 = w * rng.uniform(0.3, 0.6), l * rng.uniform(0.3, 0.6)
                r2 = min(w2, l2) * rng.uniform(0.0, 0.4)
                du = rng.uniform(-1, 1) * (w - w2) / 2 * 0.6
                dv = rng.uniform(-1, 1) * (l - l2) / 2 * 0.6
                d1 = d * rng.uniform(0.35, 0.6)
                d2 = d - d1
                vol = rounded_area(w, l, r, n) * d1 + rounded_area(w2, l2, r2, n) * d2
                scad = "pocket2(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)" % tuple(
                    map(f2, (w, l, r, d1, w2, l2, r2, d2, du, dv)))
                w, l, r, d1, w2, l2, r2, d2, du, dv = (float(f2(x)) for x in (w, l, r, d1, w2, l2, r2, d2, du, dv))
                vol = rounded_area(w, l, r, n) * d1 + rounded_area(w2, l2, r2, n) * d2
                d = d1 + d2
                note = "pocket in pocket"
            else:
                w, l, r, d = (float(f2(x)) for x in (w, l, r, d))
                vol = rounded_area(w, l, r, n) * d
                scad = "pocket(%s, %s, %s, %s)" % tuple(map(f2, (w, l, r, d)))
                note = "rounded pocket" if r > 0 else "pocket"
        elif kind in ("circle", "hole", "cbore", "csink"):
            r = s * (rng.uniform(0.15, 0.45) if kind == "circle" else rng.uniform(0.04, 0.14))
            dd = dmax + 0.02 if thru and kind != "circle" else d
            hu = hv = r
            if kind == "cbore":
                r2 = r * rng.uniform(1.5, 2.2)
                d2 = min(dd, dmax) * rng.uniform(0.15, 0.35)
                r, r2, d2, dd = (float(f2(x)) for x in (r, r2, d2, dd))
                inside = min(dd, dmax)
                vol = ngon_area(r2, n) * d2 + ngon_area(r, n) * (inside - d2)
                scad = "cbore(%s, %s, %s, %s)" % tuple(map(f2, (r2, d2, r, dd)))
                hu = hv = r2
                note = "counterbore"
            elif kind == "csink":
                r2 = r
                r1 = r2 * rng.uniform(1.6, 2.2)
                d1 = r1 - r2    # 90 degree countersink
                if d1 >= min(dd, dmax) * 0.8:
                    continue
                r1, r2, d1, dd = (float(f2(x)) for x in (r1, r2, d1, dd))
                inside = min(dd, dmax)
                a1, a2 = ngon_area(r1, n), ngon_area(r2, n)
                vol = d1 / 3 * (a1 + a2 + math.sqrt(a1 * a2)) + a2 * (inside - d1)
                scad = "csink(%s, %s, %s, %s)" % tuple(map(f2, (r1, r2, d1, dd)))
                hu = hv = r1
                note = "countersink"
            else:
                r, dd = float(f2(r)), float(f2(dd))
                vol = ngon_area(r, n) * min(dd, dmax)
                scad = "hole(%s, %s)" % (f2(r), f2(dd))
                note = "circular pocket" if kind == "circle" else "hole"
            if thru and kind != "circle":
                note += " through"
            d = min(dd, dmax)
        elif kind == "slot":
            r = s * rng.uniform(0.05, 0.15)
            sl = s * rng.uniform(0.2, 0.7)
            r, sl, d = float(f2(r)), float(f2(sl)), float(f2(d))
            vol = slot_area(sl, r, n) * d
            scad = "slot(%s, %s, %s)" % (f2(sl), f2(r), f2(d))
            hu, hv = sl / 2 + r, r
            note = "slot"
        elif kind == "pattern":
            r = s * rng.uniform(0.03, 0.08)
            k, m = rng.choice([(2, 2), (2, 3), (3, 3), (4, 1), (2, 4), (6, 0)])
            dd = dmax + 0.02 if thru else d
            r, dd = float(f2(r)), float(f2(dd))
            holes = []
            if m == 0:     # bolt circle
                bc = s * rng.uniform(0.2, 0.4)
                if 2 * bc * math.sin(math.pi / k) < 2 * r + max(0.3, r):
                    s *= 0.8
                    continue
                for i in range(k):
                    a = 2 * math.pi * i / k
                    holes.append((bc * math.cos(a), bc * math.sin(a)))
                hu = hv = bc + r
            else:
                pu, pv = s * rng.uniform(0.12, 0.3), s * rng.uniform(0.12, 0.3)
                if min(pu if k > 1 else 1e9, pv if m > 1 else 1e9) < 2 * r + max(0.3, r):
                    r *= 0.7
                    if r < part.minfeat / 2:
                        return 0.0
                    continue
                holes = [((i - (k - 1) / 2) * pu, (j - (m - 1) / 2) * pv) for i in range(k) for j in range(m)]
                hu, hv = (k - 1) / 2 * pu + r, (m - 1) / 2 * pv + r
            holes = [(float(f2(a)), float(f2(b))) for a, b in holes]
            vol = len(holes) * ngon_area(r, n) * min(dd, dmax)
            scad = "{ " + " ".join("translate([%s, %s, 0]) hole(%s, %s);" % (f2(a), f2(b), f2(r), f2(dd))
                                   for a, b in holes) + " }"
            note = "%d holes%s" % (len(holes), " through" if thru else "")
            d = min(dd, dmax)
        else:           # step / open slot along a region edge (sharp stock only)
            u0, u1, v0, v1 = face.ext
            w = (v1 - v0) * rng.uniform(0.12, 0.35)
            if kind == "openslot":
                w = (v1 - v0) * rng.uniform(0.06, 0.18)
            w, d = round(w / 0.02) * 0.02, float(f2(d))    # w / 2 exact in hundredths
            if w < part.minfeat or d < 0.2:
                return 0.0
            L = u1 - u0
            edge = None
            if kind == "step":
                edge = rng.choice(face.openable)
                cv = v0 + w / 2 if edge == "v0" else v1 - w / 2
            else:
                cv = rng.uniform(v0 + w + clear, v1 - w - clear)
            cv = float(f2(cv))
            cu = (u0 + u1) / 2
            vol = L * w * d
            # a step reaches 1 mm past the stock's edges (no coplanar faces)
            grow = {"v0": -1, "v1": 1}.get(edge, 0) if kind == "step" else 0
            scad = "translate([0, %s, 0]) step(%s, %s, %s)" % (f2(grow / 2), f2(L + 2), f2(w + abs(grow)), f2(d))
            box = face.box3(cu, cv, L / 2, w / 2, d)
            if part.add(face, cu, cv, 0, 0, d, vol, scad, note="step" if kind == "step" else "open slot",
                        box=box):
                return vol
            return 0.0
        if small(part, kind, locals()):
            s *= 1.25
            continue
        if 2 * max(hu, hv) > face.size() - 2 * clear or d > dmax + 0.05:
            s *= 0.8
            continue
        cu, cv = face.rand_pos(rng, hu, hv, clear)
        cu, cv = float(f2(cu)), float(f2(cv))
        if not face.fits(cu, cv, hu, hv, d, clear):
            continue
        if part.add(face, cu, cv, hu, hv, d, vol, scad, thru=thru and kind not in ("circle", "slot")
                    and "through" in note, note=note):
            return vol
    return 0.0


# --- stock ----------------------------------------------------------------------

def box_faces(L, W, H, inset, sharp):
    """The six faces of [0,L]x[0,W]x[0,H], regions inset by INSET."""
    i = inset
    ed = ("v0", "v1") if sharp else ()
    return {
        "+Z": Face((0, 0, H), (1, 0, 0), (0, 1, 0), (0, 0, 1), "rect", (i, L - i, i, W - i), H, True, openable=ed),
        "-Z": Face((0, W, 0), (1, 0, 0), (0, -1, 0), (0, 0, -1), "rect", (i, L - i, i, W - i), H, True, openable=ed),
        "+X": Face((L, 0, 0), (0, 1, 0), (0, 0, 1), (1, 0, 0), "rect", (i, W - i, i, H - i), L, True),
        "-X": Face((0, 0, H), (0, 1, 0), (0, 0, -1), (-1, 0, 0), "rect", (i, W - i, i, H - i), L, True),
        "+Y": Face((0, W, H), (1, 0, 0), (0, 0, -1), (0, 1, 0), "rect", (i, L - i, i, H - i), W, True),
        "-Y": Face((0, 0, 0), (1, 0, 0), (0, 0, 1), (0, -1, 0), "rect", (i, L - i, i, H - i), W, True),
    }


def rod_x_flat(part, R, L, n, side, c, x0, x1):
    """A flat milled into the round face of rod_x, from direction SIDE."""
    poly = [(R * math.sin(2 * math.pi * i / n), -R * math.cos(2 * math.pi * i / n)) for i in range(n)]
    d = {"+Z": (0, 1), "-Z": (0, -1), "+Y": (1, 0), "-Y": (-1, 0)}[side]
    area = shoelace(clip(poly, d, c))
    vol = area * (x1 - x0)
    big = R + 1
    L0, L1 = (x0 - 1 if x0 <= 0 else x0), (x1 + 1 if x1 >= L else x1)
    x0, x1 = L0, L1
    if side == "+Z":
        scad = "translate([%s, %s, %s]) cube([%s, %s, %s]);" % tuple(map(f2, (x0, -big, c, x1 - x0, 2 * big, big)))
        box = [(x0, x1), (-R, R), (c, R)]
    elif side == "-Z":
        scad = "translate([%s, %s, %s]) cube([%s, %s, %s]);" % tuple(map(f2, (x0, -big, -big, x1 - x0, 2 * big, big - c)))
        box = [(x0, x1), (-R, R), (-R, -c)]
    elif side == "+Y":
        scad = "translate([%s, %s, %s]) cube([%s, %s, %s]);" % tuple(map(f2, (x0, c, -big, x1 - x0, big, 2 * big)))
        box = [(x0, x1), (c, R), (-R, R)]
    else:
        scad = "translate([%s, %s, %s]) cube([%s, %s, %s]);" % tuple(map(f2, (x0, -big, -big, x1 - x0, big - c, 2 * big)))
        box = [(x0, x1), (-R, -c), (-R, R)]
    box[0] = (max(box[0][0], 0), min(box[0][1], L))
    if any(overlaps(box, b, 0.02 * R) for b in part.boxes):
        return None
    part.boxes.append(box)
    dirv = {"+Z": (0, 0, 1), "-Z": (0, 0, -1), "+Y": (0, 1, 0), "-Y": (0, -1, 0)}[side]
    part.blind[dirv] += vol
    part.cuts.append(scad)
    part.notes.append((dirv, "flat", vol))
    return poly


def rod_z_flat(part, R, n, side, c, z0, z1):
    """A flat milled into the round face of rod_z (axis z), from SIDE."""
    poly = circle_pts(0, 0, R, n)
    d = {"+X": (1, 0), "-X": (-1, 0), "+Y": (0, 1), "-Y": (0, -1)}[side]
    vol = shoelace(clip(poly, d, c)) * (z1 - z0)
    big = R + 1
    lo = {"+X": (c, -big), "-X": (-big, -big), "+Y": (-big, c), "-Y": (-big, -big)}[side]
    sz = {"+X": (big - c, 2 * big), "-X": (big - c, 2 * big), "+Y": (2 * big, big - c), "-Y": (2 * big, big - c)}[side]
    box = [(max(lo[0], -R), min(lo[0] + sz[0], R)), (max(lo[1], -R), min(lo[1] + sz[1], R)), (z0, z1)]
    if any(overlaps(box, b, 0.02 * R) for b in part.boxes):
        return False
    part.boxes.append(box)
    part.blind[(d[0], d[1], 0)] += vol
    part.cuts.append("translate([%s, %s, %s]) cube([%s, %s, %s]);" % tuple(map(f2, (lo[0], lo[1], z0, sz[0], sz[1], z1 - z0))))
    part.notes.append(((d[0], d[1], 0), "flat", vol))
    return True


def logsize(rng):
    return math.exp(rng.uniform(math.log(5), math.log(500)))


def make_part(kind, rng):
    """Stock and label-side (+Z) features of one part; None to redraw."""
    n = rng.choice([16, 20, 24, 28, 32, 40])
    part = Part(rng, n)
    S = logsize(rng)
    part.minfeat = max(0.4, 0.02 * S)
    dists = []         # faces for distractors
    main = []          # faces for the label side's features
    scale = 1.0
    if kind in ("plate", "box", "box_fillet", "box_vfillet", "box_chamfer", "box_topchamfer", "bar"):
        if kind == "plate":
            L, W, H = S, S * rng.uniform(0.55, 1), S * rng.uniform(0.03, 0.12)
        elif kind == "bar":
            L, W, H = S, S * rng.uniform(0.15, 0.4), S * rng.uniform(0.15, 0.4)
            if rng.random() < 0.5:       # the label on a long or an end face
                L, W, H = (W, H, L) if rng.random() < 0.5 else (L, H, W)
        else:
            dims = [S, S * rng.uniform(0.4, 1), S * rng.uniform(0.4, 1)]
            rng.shuffle(dims)
            L, W, H = dims
        L, W, H = float(f2(L)), float(f2(W)), float(f2(H))
        m = min(L, W, H)
        inset, sharp = 0.0, True
        if kind == "box_fillet":
            r = float(f2(m * rng.uniform(0.05, 0.2)))
            stock = "box_fillet(%s, %s, %d)" % (vec((L, W, H)), f2(r), rng.choice([8, 12, 16]))
            inset, sharp = r, False
        elif kind == "box_vfillet":
            r = float(f2(min(L, W) * rng.uniform(0.05, 0.25)))
            stock = "box_vfillet(%s, %s)" % (vec((L, W, H)), f2(r))
            inset, sharp = r, False
        elif kind == "box_chamfer":
            c = float(f2(m * rng.uniform(0.04, 0.15)))
            stock = "box_chamfer(%s, %s)" % (vec((L, W, H)), f2(c))
            inset, sharp = c, False
        elif kind == "box_topchamfer":
            c = float(f2(m * rng.uniform(0.04, 0.2)))
            stock = "box_topchamfer(%s, %s)" % (vec((L, W, H)), f2(c))
            inset, sharp = c, False
        elif kind == "plate" and rng.random() < 0.5:
            r = float(f2(min(L, W) * rng.uniform(0.02, 0.08)))
            stock = "box_vfillet(%s, %s)" % (vec((L, W, H)), f2(r))
            inset, sharp = r, False
        else:
            stock = "box(%s)" % vec((L, W, H))
        faces = box_faces(L, W, H, inset, sharp)
        main = [faces["+Z"]]
        dists = [faces[k] for k in ("+X", "-X", "+Y", "-Y", "-Z")]
        vstock = L * W * H
        edges = {"box": "sharp", "bar": "sharp", "plate": "sharp" if sharp else "round corners"}.get(kind, kind[4:])
    elif kind in ("rod_end", "disk", "shaft"):
        R = float(f2(S / 2))
        if kind == "disk":
            H = float(f2(S * rng.uniform(0.12, 0.6)))
            stock = "rod_z(%s, %s)" % (f2(R), f2(H))
            Rtop = R
        elif kind == "rod_end":
            H = float(f2(S * rng.uniform(1.0, 4.0)))
            R = float(f2(R * rng.uniform(0.5, 1)))
            stock = "rod_z(%s, %s)" % (f2(R), f2(H))
            Rtop = R
        else:
            secs = []
            r0 = R
            for i in range(rng.choice([2, 3])):
                secs.append([float(f2(r0)), float(f2(S * rng.uniform(0.2, 0.8)))])
                r0 *= rng.uniform(0.5, 0.8)
            secs.reverse()           # small end at z=0, the largest on top
            H = sum(h for _, h in secs)
            Rtop = secs[-1][0]
            stock = "shaft_z([%s])" % ", ".join(vec(s) for s in secs)
        Rin = Rtop * math.cos(math.pi / n)
        top = Face((0, 0, H), (1, 0, 0), (0, 1, 0), (0, 0, 1), "disk", Rin, H if kind != "shaft" else secs[-1][1],
                   thru=kind == "disk")
        Rb = Rtop if kind != "shaft" else secs[0][0]
        bot = Face((0, 0, 0), (1, 0, 0), (0, -1, 0), (0, 0, -1), "disk", Rb * math.cos(math.pi / n),
                   H if kind != "shaft" else secs[0][1], thru=kind == "disk")
        main = [top]
        dists = [bot]
        vstock = math.pi * R * R * H
        edges = "turned"
        part.rodz = (Rtop if kind != "shaft" else None, H)
    elif kind == "rod_flat":
        R = float(f2(S / 2 * rng.uniform(0.4, 1)))
        L = float(f2(S * rng.uniform(0.6, 3)))
        stock = "rod_x(%s, %s)" % (f2(R), f2(L))
        c = float(f2(R * rng.uniform(0.2, 0.65)))
        if rng.random() < 0.4:
            x0, x1 = 0.0, L                       # along the whole bar
        else:
            fl = L * rng.uniform(0.3, 0.7)
            x0 = float(f2(rng.uniform(0, L - fl)))
            x1 = float(f2(x0 + fl))
        poly = rod_x_flat(part, R, L, n, "+Z", c, x0, x1)
        polyyz = [(p[0], p[1]) for p in poly]
        flat = Face((x0, 0, c), (1, 0, 0), (0, 1, 0), (0, 0, 1), "flat", (0.0, x1 - x0), c + R * 0.7,
                    chord=lambda dd: chord_half(polyyz, c - dd))
        flat.parent = len(part.boxes) - 1    # features in the flat touch it
        main = [flat]
        ends = [Face((L, 0, 0), (0, 1, 0), (0, 0, 1), (1, 0, 0), "disk", R * math.cos(math.pi / n), L),
                Face((0, 0, 0), (0, 1, 0), (0, 0, -1), (-1, 0, 0), "disk", R * math.cos(math.pi / n), L)]
        dists = ends
        vstock = math.pi * R * R * L
        edges = "turned"
        part.rodx = (R, L, x0, x1, c)
        scale = 1.6
    elif kind in ("lstock", "stepped"):
        dims = [S, S * rng.uniform(0.4, 1), S * rng.uniform(0.4, 1)]
        L, W, H = (float(f2(x)) for x in dims)
        if kind == "lstock":
            a, b = float(f2(W * rng.uniform(0.3, 0.6))), float(f2(H * rng.uniform(0.25, 0.6)))
            stock = "lstock(%s, %s, %s)" % (vec((L, W, H)), f2(a), f2(b))
            regions = [(0.0, a, H), (a, W, b)]
        else:
            a1 = float(f2(W * rng.uniform(0.35, 0.55)))
            a2 = float(f2(a1 + (W - a1) * rng.uniform(0.35, 0.6)))
            b1 = float(f2(H * rng.uniform(0.55, 0.8)))
            b2 = float(f2(b1 * rng.uniform(0.4, 0.75)))
            stock = "stepped(%s, %s, %s, %s, %s)" % (vec((L, W, H)), f2(a1), f2(b1), f2(a2), f2(b2))
            regions = [(0.0, a1, H), (a1, a2, b1), (a2, W, b2)]
        y0, y1, z = rng.choice(regions)
        main = [Face((0, 0, z), (1, 0, 0), (0, 1, 0), (0, 0, 1), "rect", (0.0, L, y0, y1), z, True,
                     openable=("v0",) if y0 == 0 else ())]
        y0, y1, z = regions[0]
        dists = [Face((0, W, 0), (1, 0, 0), (0, -1, 0), (0, 0, -1), "rect", (0.0, L, 0.0, W), regions[-1][2], True),
                 Face((0, 0, 0), (1, 0, 0), (0, 0, 1), (0, -1, 0), "rect", (0.0, L, 0.0, H), regions[0][1], True),
                 Face((L, 0, 0), (0, 1, 0), (0, 0, 1), (1, 0, 0), "rect", (0.0, regions[0][1], 0.0, H), L, True),
                 Face((0, 0, H), (0, 1, 0), (0, 0, -1), (-1, 0, 0), "rect", (0.0, regions[0][1], 0.0, H), L, True)]
        vstock = L * W * H * 0.6
        edges = "sharp"
    # the label side
    target = vstock * rng.uniform(0.03, 0.12)
    got = sum(part.blind.values())
    for _ in range(rng.randint(2, 7)):
        if got >= target:
            break
        got += feature(part, rng.choice(main), scale * rng.uniform(0.4, 1.0), 0.65, True, rng)
    # round stock: distractor flats on the round face
    if kind in ("rod_end", "disk") and rng.random() < 0.5:
        R, H = part.rodz
        side = rng.choice(["+X", "-X", "+Y", "-Y"])
        z0 = float(f2(H * rng.uniform(0.1, 0.4)))
        rod_z_flat(part, R, n, side, float(f2(R * rng.uniform(0.75, 0.95))), z0, float(f2(z0 + H * rng.uniform(0.1, 0.4))))
    if kind == "rod_flat" and rng.random() < 0.4:
        R, L, x0, x1, c = part.rodx
        side = rng.choice(["-Z", "+Y", "-Y"])
        lo = 0 if x0 > L - x1 else x1
        hi = x0 if x0 > L - x1 else L
        if hi - lo > 0.2 * L:
            a = float(f2(lo + (hi - lo) * 0.1))
            rod_x_flat(part, R, L, n, side, float(f2(R * rng.uniform(0.7, 0.9))), a, float(f2(a + (hi - lo) * 0.5)))
    # distractors from other sides
    if dists and rng.random() < 0.75:
        for _ in range(rng.randint(1, 3)):
            f = rng.choice(dists)
            before = dict(part.blind), dict(part.thru), len(part.boxes)
            feature(part, f, rng.uniform(0.15, 0.45), 0.3, False, rng)
            if not ok(part):
                part.blind, part.thru = before[0], before[1]
                part.boxes, part.cuts, part.notes = part.boxes[:before[2]], part.cuts[:before[2]], part.notes[:before[2]]
    lab = (0, 0, 1)
    if part.blind[lab] < 0.015 * vstock or not ok(part):
        return None
    return part, stock, edges, n


def ok(part):
    lab = (0, 0, 1)
    return all(part.blind[lab] >= MARGIN * part.score(s) for s in SIDES if s != lab)


KINDS = (["plate"] * 24 + ["box"] * 20 + ["box_fillet"] * 14 + ["box_vfillet"] * 10 +
         ["box_chamfer"] * 12 + ["box_topchamfer"] * 8 + ["bar"] * 14 + ["rod_end"] * 14 +
         ["disk"] * 18 + ["shaft"] * 10 + ["rod_flat"] * 18 + ["lstock"] * 10 + ["stepped"] * 8)


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 17
    count = int(sys.argv[2]) if len(sys.argv) > 2 else len(KINDS)
    rng = random.Random(seed)
    kinds = (KINDS * (count // len(KINDS) + 1))[:count]
    rng.shuffle(kinds)
    labels = []
    order = []
    while len(order) < count:
        block = list(SIDES.values())
        rng.shuffle(block)
        order += block
    os.makedirs(os.path.join(HERE, "parts"), exist_ok=True)
    rows = []
    for i, (kind, label) in enumerate(zip(kinds, order)):
        while True:
            got = make_part(kind, rng)
            if got:
                break
        part, stock, edges, n = got
        dirv = [k for k, v in SIDES.items() if v == label][0]
        rot = rng.choice([m for m in ROTS if apply(m, (0, 0, 1)) == dirv])
        t = tuple(float(f2(rng.uniform(-300, 300) * rng.random())) for _ in range(3))
        removed = {SIDES[apply(rot, s)]: part.blind[s] + part.thru[s] for s in SIDES}
        canon_score = {SIDES[apply(rot, s)]: part.score(s) for s in SIDES}
        second = max(v for k, v in canon_score.items() if k != label)
        name = "cad-%03d-%s" % (i + 1, kind.replace("_", ""))
        assert max(removed, key=removed.get) == label
        hdr = ["// %s: %s stock (%s edges), label %s" % (name, kind, edges, label),
               "// features: " + "; ".join("%s %s" % (SIDES[apply(rot, s)], t) for s, t, _ in part.notes),
               "// removed mm^3: " + " ".join("%s=%.3f" % (KEYS[k], removed[k]) for k in SIDES.values()),
               "// margin: label blind %.3f >= %.2f x %.3f (through holes counted for both sides)" % (
                   part.blind[(0, 0, 1)], MARGIN, second),
               "// written by eval/cad/recipes.py (seed %d); built by eval/cad/eval.mk" % seed,
               'include <../lib.scad>', "$fn = %d;" % n,
               "place(%s, %s)" % (vec(t), "[" + ", ".join(vec(r) for r in rot) + "]"),
               "part() {", "\t" + stock + ";"]
        hdr += ["\t%s  // %s %.3f" % (c, SIDES[apply(rot, s)], v) for c, (s, _, v) in zip(part.cuts, part.notes)]
        hdr.append("}")
        with open(os.path.join(HERE, "parts", name + ".scad"), "w") as fp:
            fp.write("\n".join(hdr) + "\n")
        labels.append("%s\t%s\n" % (name, label))
        rows.append("\t".join([name, label, kind, edges, str(n), str(len(part.notes))] +
                              ["%.3f" % removed[k] for k in SIDES.values()]) + "\n")
    with open(os.path.join(HERE, "labels.tsv"), "w") as fp:
        fp.writelines(labels)
    with open(os.path.join(HERE, "parts.tsv"), "w") as fp:
        fp.write("part\tlabel\tstock\tedges\tfn\tfeatures\t" + "\t".join("removed." + KEYS[k] for k in SIDES.values()) + "\n")
        fp.writelines(rows)


if __name__ == "__main__":
    main()
