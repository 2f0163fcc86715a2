#!/usr/bin/env python3
"""Round test parts for reach.bats as ASCII STL on stdout: closed,
outward, N-gon circles with a vertex at angle 0 (N a multiple of 8).

  mkround.py rod L R N [D]    bar along X, x = 0..L, axis y = z = 0,
                              radius R; with D, a flat D deep on +Z
                              (the plane z = R - D along its length)
  mkround.py shaft L1 R1 L2 R2 N
                              stepped shaft along X: radius R1 for
                              x = 0..L1, R2 < R1 for x = L1..L1+L2
  mkround.py disk R H N [A D] disk along Z, z = 0..H, axis x = y = 0;
                              with A D, a square pocket 2A wide and D
                              deep in its +Z end
"""
import math
import sys


def facet(out, a, b, c):
    out.append("facet normal 0 0 0\n outer loop\n")
    for v in (a, b, c):
        out.append("  vertex %.9g %.9g %.9g\n" % v)
    out.append(" endloop\nendfacet\n")


def circle(r, n):
    return [(r * math.cos(2 * math.pi * k / n), r * math.sin(2 * math.pi * k / n))
            for k in range(n)]


def rod(length, r, n, d=None):
    pts = circle(r, n)  # (y, z)
    if d is not None:
        zc = r - d
        c = math.sqrt(r * r - zc * zc)
        poly = []
        for k in range(n):
            p, q = pts[k], pts[(k + 1) % n]
            if p[1] <= zc:
                poly.append(p)
            if (p[1] - zc) * (q[1] - zc) < 0:  # the edge crosses the flat
                t = (zc - p[1]) / (q[1] - p[1])
                poly.append((p[0] + t * (q[0] - p[0]), zc))
        pts = poly
        del c
    out = []
    m = len(pts)
    # ends: fans (the section is convex), x = 0 facing -X, x = L facing +X
    for k in range(1, m - 1):
        a, b, c = pts[0], pts[k], pts[k + 1]
        facet(out, (0, a[0], a[1]), (0, c[0], c[1]), (0, b[0], b[1]))
        facet(out, (length, a[0], a[1]), (length, b[0], b[1]),
              (length, c[0], c[1]))
    for k in range(m):
        p, q = pts[k], pts[(k + 1) % m]
        facet(out, (0, p[0], p[1]), (length, q[0], q[1]), (length, p[0], p[1]))
        facet(out, (0, p[0], p[1]), (0, q[0], q[1]), (length, q[0], q[1]))
    return out


def disk(r, h, n, a=None, d=None):
    outer = circle(r, n)
    out = []
    for k in range(n):  # the round face
        p, q = outer[k], outer[(k + 1) % n]
        facet(out, (p[0], p[1], 0), (q[0], q[1], 0), (q[0], q[1], h))
        facet(out, (p[0], p[1], 0), (q[0], q[1], h), (p[0], p[1], h))
        facet(out, (0, 0, 0), (q[0], q[1], 0), (p[0], p[1], 0))  # bottom
    if a is None:
        for k in range(n):
            p, q = outer[k], outer[(k + 1) % n]
            facet(out, (0, 0, h), (p[0], p[1], h), (q[0], q[1], h))
        return out
    # the pocket's rim: each ray's point on the square (its corners lie
    # on rays, N a multiple of 8), joined to the circle's
    inner = []
    for k in range(n):
        t = 2 * math.pi * k / n
        cx, cy = math.cos(t), math.sin(t)
        s = a / max(abs(cx), abs(cy))
        inner.append((s * cx, s * cy))
    fl = h - d
    for k in range(n):
        p, q = outer[k], outer[(k + 1) % n]
        u, v = inner[k], inner[(k + 1) % n]
        facet(out, (u[0], u[1], h), (p[0], p[1], h), (q[0], q[1], h))
        facet(out, (u[0], u[1], h), (q[0], q[1], h), (v[0], v[1], h))
        # the pocket's wall (facing in) and floor
        facet(out, (u[0], u[1], h), (v[0], v[1], h), (v[0], v[1], fl))
        facet(out, (u[0], u[1], h), (v[0], v[1], fl), (u[0], u[1], fl))
        facet(out, (0, 0, fl), (u[0], u[1], fl), (v[0], v[1], fl))
    return out


def shaft(l1, r1, l2, r2, n):
    big, small = circle(r1, n), circle(r2, n)
    x1, x2 = l1, l1 + l2
    out = []
    for k in range(n):
        p, q = big[k], big[(k + 1) % n]
        u, v = small[k], small[(k + 1) % n]
        facet(out, (0, 0, 0), (0, q[0], q[1]), (0, p[0], p[1]))  # -X end
        facet(out, (0, p[0], p[1]), (0, q[0], q[1]), (x1, q[0], q[1]))
        facet(out, (0, p[0], p[1]), (x1, q[0], q[1]), (x1, p[0], p[1]))
        # the shoulder at x1, facing +X: from the big circle to the small
        facet(out, (x1, p[0], p[1]), (x1, q[0], q[1]), (x1, v[0], v[1]))
        facet(out, (x1, p[0], p[1]), (x1, v[0], v[1]), (x1, u[0], u[1]))
        facet(out, (x1, u[0], u[1]), (x1, v[0], v[1]), (x2, v[0], v[1]))
        facet(out, (x1, u[0], u[1]), (x2, v[0], v[1]), (x2, u[0], u[1]))
        facet(out, (x2, 0, 0), (x2, u[0], u[1]), (x2, v[0], v[1]))  # +X end
    return out


def main():
    args = sys.argv[1:]
    if len(args) in (4, 5) and args[0] == "rod":
        out = rod(float(args[1]), float(args[2]), int(args[3]),
                  float(args[4]) if len(args) == 5 else None)
    elif len(args) == 6 and args[0] == "shaft":
        out = shaft(*(float(x) for x in args[1:5]), int(args[5]))
    elif len(args) in (4, 6) and args[0] == "disk":
        out = disk(float(args[1]), float(args[2]), int(args[3]),
                   *(float(x) for x in args[4:]))
    else:
        sys.exit(__doc__)
    sys.stdout.write("solid round\n" + "".join(out) + "endsolid round\n")


main()
