// eval/cad/lib.scad: the modules the evaluation parts are written with.
//
// A part file (eval/cad/parts/NAME.scad) builds its stock in a canonical
// frame, cuts its features, each placed on a face of the stock by face(),
// and turns the whole part with place() so that its label side is one of
// the six.  Every feature is a prism (or a cone) swept from a face into
// the stock, modelled in the face's own frame: the face is the plane z=0,
// material lies at z<0, and the feature reaches EPS above the face so no
// coplanar faces are left for CGAL.  The per-side removed volumes in each
// part's header comment are computed from the same polygons OpenSCAD
// builds (circles are regular $fn-gons starting at angle 0), so they are
// exact for the mesh, not for ideal circles.
//
// -D STOCK_ONLY=true leaves the features out (to check the volumes: stock
// volume minus part volume is the sum of the removed volumes).

STOCK_ONLY = false;
EPS = 0.01;

// Turn the part: the columns of R are where x, y and z go; then move it.
module place(t, r)
	translate(t) multmatrix([[r[0][0], r[0][1], r[0][2], 0],
	    [r[1][0], r[1][1], r[1][2], 0], [r[2][0], r[2][1], r[2][2], 0],
	    [0, 0, 0, 1]]) children();

// The stock minus its features (children 1..n), or the stock alone.
module part() {
	if (STOCK_ONLY) children(0);
	else difference() { children(0); if ($children > 1) children([1:$children - 1]); }
}

// The frame of a face: origin O, in-face axes U and V, outward normal N.
module face(o, u, v, n)
	multmatrix([[u[0], v[0], n[0], o[0]], [u[1], v[1], n[1], o[1]],
	    [u[2], v[2], n[2], o[2]], [0, 0, 0, 1]]) children();

// --- stock ---------------------------------------------------------------

module box(s) cube(s);
// All twelve edges rounded with radius R (corner spheres of SF facets,
// SF a multiple of 4).  A $fn sphere has no poles: its outermost rings
// lie R cos(180/SF) from its centre, so the centres sit that far in and
// the box spans exactly S, its flat faces holding the rectangle between
// the centres.
module box_fillet(s, r, sf) {
	c = r * cos(180 / sf);
	hull() for (x = [c, s[0] - c], y = [c, s[1] - c], z = [c, s[2] - c])
		translate([x, y, z]) sphere(r = r, $fn = sf);
}
// The four edges parallel to z rounded.
module box_vfillet(s, r)
	linear_extrude(s[2]) hull() for (x = [r, s[0] - r], y = [r, s[1] - r])
		translate([x, y]) circle(r = r);
// All edges chamfered by C (the hull of three boxes).
module box_chamfer(s, c)
	hull() {
		translate([0, c, c]) cube([s[0], s[1] - 2 * c, s[2] - 2 * c]);
		translate([c, 0, c]) cube([s[0] - 2 * c, s[1], s[2] - 2 * c]);
		translate([c, c, 0]) cube([s[0] - 2 * c, s[1] - 2 * c, s[2]]);
	}
// The four top edges chamfered by C.
module box_topchamfer(s, c)
	hull() {
		cube([s[0], s[1], s[2] - c]);
		translate([c, c, 0]) cube([s[0] - 2 * c, s[1] - 2 * c, s[2]]);
	}
// An L profile along x: the box minus the notch y > A, z > B.
module lstock(s, a, b)
	difference() {
		cube(s);
		translate([-1, a, b]) cube([s[0] + 2, s[1], s[2]]);
	}
// A box with two steps along x: (y > A1, z > B1) and (y > A2, z > B2).
module stepped(s, a1, b1, a2, b2)
	difference() {
		cube(s);
		translate([-1, a1, b1]) cube([s[0] + 2, s[1], s[2]]);
		translate([-1, a2, b2]) cube([s[0] + 2, s[1], s[2]]);
	}
// Round stock along z from z=0: radius R, length H, centre (0, 0).
module rod_z(r, h) cylinder(r = r, h = h);
// Round stock along x from x=0, axis on y=z=0.
module rod_x(r, h) rotate([0, 90, 0]) cylinder(r = r, h = h);
// A turned shaft along z: sections [[r, h], ...] stacked from z=0.
module shaft_z(sec, i = 0, z = 0)
	if (i < len(sec)) {
		translate([0, 0, z]) cylinder(r = sec[i][0], h = sec[i][1]);
		shaft_z(sec, i + 1, z + sec[i][1]);
	}

// --- features (in a face frame; depth D into the stock) -------------------

module prism(d) translate([0, 0, -d]) linear_extrude(d + EPS) children();
// A pocket W x L centred on the origin, corner radius R (0: sharp).
module pocket(w, l, r, d)
	prism(d) if (r > 0) hull() for (x = [r - w / 2, w / 2 - r], y = [r - l / 2, l / 2 - r])
		translate([x, y]) circle(r = r);
	else square([w, l], center = true);
module hole(r, d) prism(d) circle(r = r);
// A slot with round ends: centres S apart along u, width 2R.
module slot(s, r, d)
	prism(d) hull() for (x = [-s / 2, s / 2]) translate([x, 0]) circle(r = r);
module cbore(r1, d1, r2, d2) { hole(r1, d1); hole(r2, d2); }
// A countersink: a cone from radius R1 at the face to R2 at depth D1,
// then a hole of radius R2 to depth D2.
module csink(r1, r2, d1, d2) {
	translate([0, 0, -d1])
		cylinder(r1 = r2, r2 = r1 + EPS * (r1 - r2) / d1, h = d1 + EPS);
	hole(r2, d2);
}
// A pocket with a smaller pocket in its floor.
module pocket2(w, l, r, d, w2, l2, r2, d2, du, dv) {
	pocket(w, l, r, d);
	translate([du, dv, -d + EPS]) pocket(w2, l2, r2, d2 + EPS);
}
// A step (or open pocket) W x L: a box from the face down to D.
module step(w, l, d) prism(d) translate([-w / 2, -l / 2]) square([w, l]);
