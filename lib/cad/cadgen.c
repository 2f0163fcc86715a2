/* CAD-grade workpieces: the sampler of stocks and machining features. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cad/cadgen.h"
#include "milldir/frame.h"
#include "milldir/mesh.h"
#include "milldir/rng.h"
#include "milldir/types.h"

/* Tools a part may have; attempts before giving up on distractors and on
 * the part; the label side must remove MARGIN times the next side. */
#define MAXTOOLS 96
#define TRIES_DISTRACT 24
#define TRIES_MAX 96
#define MARGIN 1.5
#define MIN_REMOVED 0.01

static int
fail(char *why, size_t whylen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;

	if (why != NULL && whylen > 0) {
		va_start(ap, fmt);
		vsnprintf(why, whylen, fmt, ap);
		va_end(ap);
	}
	return MDF_E_INVAL;
}

/* One stock face as the sampler sees it: the face frame of cad.h and the
 * region (u0..u1 x v0..v1) where features may be placed. */
enum face_kind { FLAT, END, ROUND };

struct face {
	int side, a, ua, va, kind;
	double U, V, W;           /* extents along u, v and depth */
	double ru0, ru1, rv0, rv1;
	int along;                /* ROUND: 0 cylinder axis along u, 1 along v */
	double above;             /* how far tools start above the face */
	double base;              /* depth of the face below the stock's box */
};

struct gen {
	struct mdf_rng *r;
	struct mdf_cad_stock st;
	struct mdf_cad_tool t[MAXTOOLS];
	size_t nt;
	char list[512];
	size_t len;
	int side;                 /* of the features being drawn */
	int leg;                  /* L and stepped stock: the region's leg */
	double legcut[4];         /* its region u0, u1, v0, v1 */
	/* turned stock: its sections along the axis (usable extent z0, z1
	 * and radius), the radius inside the end chamfers and the length
	 * of the sections at the low [0] and high [1] end */
	int nsec;
	double sec[4][3];
	double rend[2], lend[2];
	int want_flat;            /* rod: the first feature is a flat */
	double base;              /* depth added to the tools being drawn */
};

static double
rng(struct gen *g, double lo, double hi)
{
	return mdf_rng_range(g->r, lo, hi);
}

static int
coin(struct gen *g, double p)
{
	return mdf_rng_uniform(g->r) < p;
}

static void
name(struct gen *g, const char *s)
{
	int n = snprintf(g->list + g->len, sizeof g->list - g->len, "%s%s",
	    g->len == 0 || g->list[g->len - 1] == ';' ? "" : ",", s);

	if (n > 0 && g->len + (size_t)n < sizeof g->list)
		g->len += (size_t)n;
}

static void
tool(struct gen *g, int kind, double u0, double u1, double v0, double v1,
    double r, double r2, double w0, double w1)
{
	struct mdf_cad_tool *t;

	if (g->nt == MAXTOOLS)
		return;
	t = &g->t[g->nt++];
	t->kind = kind;
	t->side = g->side;
	t->u0 = u0, t->u1 = u1, t->v0 = v0, t->v1 = v1;
	t->r = r, t->r2 = r2, t->w0 = w0 + g->base, t->w1 = w1 + g->base;
}

static void
face_of(const struct gen *g, int side, struct face *f)
{
	const struct mdf_cad_stock *s = &g->st;
	double mu, mv, big;

	f->side = side;
	f->a = side / 2;
	f->ua = (f->a + 1) % 3;
	f->va = (f->a + 2) % 3;
	f->U = s->size[f->ua];
	f->V = s->size[f->va];
	f->W = s->size[f->a];
	big = fmax(f->U, fmax(f->V, f->W));
	f->above = 0.05 * big;
	f->kind = FLAT;
	f->base = 0;
	f->ru0 = 0, f->ru1 = f->U, f->rv0 = 0, f->rv1 = f->V;
	if (s->kind != MDF_CAD_BOX && s->axis == f->a) {
		/* an end of turned stock: the square in its circle */
		double h = g->rend[side % 2 == 0] * 0.7071067811865476;

		f->kind = END;
		f->ru0 = f->U / 2 - h, f->ru1 = f->U / 2 + h;
		f->rv0 = f->V / 2 - h, f->rv1 = f->V / 2 + h;
		f->W = g->lend[side % 2 == 0];
	} else if (s->kind != MDF_CAD_BOX) {
		f->kind = ROUND;
		f->along = s->axis == f->va;
	} else if (g->leg && s->nprecut > 0 && side / 2 == s->axis) {
		f->ru0 = g->legcut[0], f->ru1 = g->legcut[1];
		f->rv0 = g->legcut[2], f->rv1 = g->legcut[3];
	}
	/* keep clear of the region's edges and the stock's rounded edges */
	mu = fmax(0.04 * (f->ru1 - f->ru0), 1.3 * s->edge_r);
	mv = fmax(0.04 * (f->rv1 - f->rv0), 1.3 * s->edge_r);
	if (f->ru1 - f->ru0 > 4 * mu)
		f->ru0 += mu, f->ru1 -= mu;
	if (f->rv1 - f->rv0 > 4 * mv)
		f->rv0 += mv, f->rv1 -= mv;
}

/* An interval of length LEN at a random place in [LO, HI] (centred if it
 * does not fit). */
static double
place(struct gen *g, double len, double lo, double hi)
{
	return len >= hi - lo ? (lo + hi - len) / 2 : rng(g, lo, hi - len);
}

static double
minf(double a, double b)
{
	return a < b ? a : b;
}

/* --- Features on a flat face (and the region of a cylinder's end) ----- */

/* A drilled hole of radius RAD at (U, V), DEPTH deep (through if DEPTH
 * reaches the far side), with a 118-degree point when blind. */
/* A turned tool at (U, V): the profile of NP (radius, depth) pairs. */
static void
turn(struct gen *g, double u, double v, int np, const double *prof)
{
	struct mdf_cad_tool *t;

	tool(g, MDF_CAD_TURN, u, 0, v, 0, 0, 0, 0, 0);
	t = &g->t[g->nt - 1];
	t->np = np < MDF_CAD_MAXPROF ? np : MDF_CAD_MAXPROF;
	for (int i = 0; i < t->np; i++)
		t->prof[i][0] = prof[2 * i], t->prof[i][1] = prof[2 * i + 1] + g->base;
}

/* A drilled hole of radius RAD at (U, V), DEPTH deep (through if DEPTH
 * reaches the far side) with a 118-degree point when blind, under an
 * entry of the NE (radius, depth) pairs of ENTRY (a counterbore, a
 * countersink; NE = 0: none). */
static void
drill(struct gen *g, const struct face *f, double u, double v, double rad,
    double depth, int ne, const double *entry)
{
	double prof[MDF_CAD_MAXPROF][2];
	int n = 0;

	if (ne == 0) {
		prof[n][0] = rad, prof[n++][1] = -f->above;
	} else {
		for (int i = 0; i < ne && n < MDF_CAD_MAXPROF - 3; i++)
			prof[n][0] = entry[2 * i], prof[n++][1] = entry[2 * i + 1];
		prof[n][0] = rad, prof[n++][1] = entry[2 * ne - 1];
	}
	if (depth >= f->W) {
		prof[n][0] = rad, prof[n++][1] = f->W + f->above;
	} else {
		prof[n][0] = rad, prof[n++][1] = depth;
		prof[n][0] = 0, prof[n++][1] = depth + 0.6 * rad;
	}
	turn(g, u, v, n, &prof[0][0]);
}

static void
feat_pocket(struct gen *g, const struct face *f, double k, int small)
{
	double RU = f->ru1 - f->ru0, RV = f->rv1 - f->rv0;
	double w = RU * k * rng(g, 0.2, 0.6), h = RV * k * rng(g, 0.2, 0.6);
	double u0 = place(g, w, f->ru0, f->ru1), v0 = place(g, h, f->rv0, f->rv1);
	double d = f->W * k * rng(g, 0.12, small ? 0.3 : 0.5);
	double r = coin(g, 0.15) ? 0 : minf(w, h) * rng(g, 0.06, 0.3);
	int kind = (int)mdf_rng_below(g->r, 4);

	if (small)
		kind = 0;
	if (kind == 1 && r > 0 && d > 0.2 * f->W) {
		/* chamfered rim: a 45-degree flare over the top C of the walls */
		double c = minf(d * rng(g, 0.1, 0.3), minf(w, h) * 0.15);

		tool(g, MDF_CAD_PRISM, u0, u0 + w, v0, v0 + h, r, 0, -f->above, d);
		tool(g, MDF_CAD_FLARE, u0, u0 + w, v0, v0 + h, r, c + f->above,
		    -f->above, c);
		name(g, "chamfered-pocket");
		return;
	}
	tool(g, MDF_CAD_PRISM, u0, u0 + w, v0, v0 + h, r, 0, -f->above, d);
	if (kind == 2 && d < 0.6 * f->W) {
		/* a pocket in the pocket, deeper */
		double w2 = w * rng(g, 0.3, 0.7), h2 = h * rng(g, 0.3, 0.7);
		double a0 = place(g, w2, u0 + 0.1 * w, u0 + 0.9 * w);
		double b0 = place(g, h2, v0 + 0.1 * h, v0 + 0.9 * h);

		tool(g, MDF_CAD_PRISM, a0, a0 + w2, b0, b0 + h2,
		    minf(w2, h2) * rng(g, 0.05, 0.45), 0, -f->above,
		    d + f->W * rng(g, 0.1, 0.3));
		name(g, "pocket-in-pocket");
		return;
	}
	name(g, r == 0 ? "square-pocket" : "pocket");
}

static void
feat_round_pocket(struct gen *g, const struct face *f, double k, int small)
{
	double RU = f->ru1 - f->ru0, RV = f->rv1 - f->rv0;
	double rad = minf(RU, RV) * k * rng(g, 0.12, 0.35);
	double u = place(g, 2 * rad, f->ru0, f->ru1) + rad;
	double v = place(g, 2 * rad, f->rv0, f->rv1) + rad;
	double d = f->W * k * rng(g, 0.12, small ? 0.3 : 0.5);

	if (f->kind == END && coin(g, 0.5))
		u = f->U / 2, v = f->V / 2;
	if (!small && coin(g, 0.3)) {
		tool(g, MDF_CAD_ROUNDRIM, u, 0, v, 0, rad, minf(d, rad) *
		    rng(g, 0.1, 0.3), -f->above, d);
		name(g, "round-pocket-filleted-rim");
	} else if (!small && coin(g, 0.3)) {
		double c = minf(d, rad) * rng(g, 0.1, 0.3);
		double prof[3][2] = { { rad + c + f->above, -f->above }, { rad, c }, { rad, d } };

		turn(g, u, v, 3, &prof[0][0]);
		name(g, "round-pocket-chamfered-rim");
	} else {
		tool(g, MDF_CAD_CONE, u, 0, v, 0, rad, rad, -f->above, d);
		name(g, "round-pocket");
	}
}

static void
feat_hole(struct gen *g, const struct face *f, double k, int small)
{
	double RU = f->ru1 - f->ru0, RV = f->rv1 - f->rv0;
	double rad = minf(RU, RV) * k * rng(g, 0.04, 0.12);
	double u = place(g, 4 * rad, f->ru0, f->ru1) + 2 * rad;
	double v = place(g, 4 * rad, f->rv0, f->rv1) + 2 * rad;
	int kind = small ? 0 : (int)mdf_rng_below(g->r, 5);
	double depth = kind == 1 ? f->W : f->W * rng(g, 0.3, small ? 0.45 : 0.8);

	if (f->kind == END && coin(g, 0.4))
		u = f->U / 2, v = f->V / 2;
	if (kind == 2) {        /* counterbore */
		double cr = rad * rng(g, 1.5, 2.0);
		double e[4] = { cr, -f->above, cr, minf(depth * 0.4, rad * rng(g, 0.8, 1.5)) };

		drill(g, f, u, v, rad, depth, 2, e);
		name(g, "counterbore");
		return;
	} else if (kind == 3) { /* countersink, 90 degrees */
		double cr = rad * rng(g, 1.6, 2.0);
		double prof[4][2] = { { cr + f->above, -f->above }, { rad, cr - rad } };

		if (depth >= f->W) {
			prof[2][0] = rad, prof[2][1] = f->W + f->above;
			turn(g, u, v, 3, &prof[0][0]);
		} else {
			prof[2][0] = rad, prof[2][1] = depth;
			prof[3][0] = 0, prof[3][1] = depth + 0.6 * rad;
			turn(g, u, v, 4, &prof[0][0]);
		}
		name(g, "countersink");
		return;
	} else if (kind == 4) { /* a pattern of 3 to 6 holes */
		int n = 3 + (int)mdf_rng_below(g->r, 4), grid = coin(g, 0.5);
		double pr = rad * rng(g, 0.5, 0.8);
		double cu = (f->ru0 + f->ru1) / 2, cv = (f->rv0 + f->rv1) / 2;
		double ru = RU / 2 - 2 * pr, rv = RV / 2 - 2 * pr;
		double ph = rng(g, 0, 6.283185307179586);

		for (int i = 0; i < n; i++) {
			double x, y;

			if (grid) { /* two rows */
				int cols = (n + 1) / 2;

				x = cu + ru * 0.8 * (cols > 1 ? (2.0 * (i % cols) / (cols - 1) - 1) : 0);
				y = cv + rv * 0.6 * (i < cols ? -1 : 1);
			} else {    /* bolt circle */
				double rr = minf(ru, rv) * 0.75;

				x = cu + rr * cos(ph + 6.283185307179586 * i / n);
				y = cv + rr * sin(ph + 6.283185307179586 * i / n);
			}
			drill(g, f, x, y, pr, depth, 0, NULL);
		}
		name(g, grid ? "hole-grid" : "bolt-circle");
		return;
	}
	drill(g, f, u, v, rad, depth, 0, NULL);
	name(g, depth >= f->W ? "through-hole" : "hole");
}

static void
feat_slot(struct gen *g, const struct face *f, double k, int small)
{
	int along_u = coin(g, 0.5);
	double RU = f->ru1 - f->ru0, RV = f->rv1 - f->rv0;
	double ext = along_u ? RU : RV, lo = along_u ? f->ru0 : f->rv0;
	double cross = along_u ? RV : RU, clo = along_u ? f->rv0 : f->ru0;
	double ws = minf(RU, RV) * k * rng(g, 0.08, 0.22);
	double len = ext * k * rng(g, 0.35, 0.85);
	double s0 = place(g, len, lo, lo + ext), c0 = place(g, ws, clo, clo + cross);
	double d = f->W * k * rng(g, 0.12, 0.45), hi = s0 + len;
	int open = !small && coin(g, 0.4);

	if (open) {     /* runs out of the stock at one end */
		if (coin(g, 0.5))
			s0 = -ws - f->above;
		else
			hi = (along_u ? f->U : f->V) + ws + f->above;
	}
	if (along_u)
		tool(g, MDF_CAD_PRISM, s0, hi, c0, c0 + ws, ws / 2, 0, -f->above, d);
	else
		tool(g, MDF_CAD_PRISM, c0, c0 + ws, s0, hi, ws / 2, 0, -f->above, d);
	name(g, open ? "open-slot" : "slot");
}

static void
feat_step(struct gen *g, const struct face *f)
{
	int side = (int)mdf_rng_below(g->r, 4);
	double e = f->above, band = rng(g, 0.12, 0.3);
	double u0 = -e, u1 = f->U + e, v0 = -e, v1 = f->V + e;
	double d = f->W * rng(g, 0.15, 0.45);

	switch (side) {
	case 0: u1 = f->U * band; break;
	case 1: u0 = f->U * (1 - band); break;
	case 2: v1 = f->V * band; break;
	default: v0 = f->V * (1 - band); break;
	}
	tool(g, MDF_CAD_PRISM, u0, u1, v0, v1, 0, 0, -e, d);
	name(g, "step");
}

/* --- Features into the round face of turned stock ---------------------- */

/* A section of the turned stock, drawn in proportion to its length. */
static int
section(struct gen *g)
{
	double total = 0, x;

	for (int i = 0; i < g->nsec; i++)
		total += g->sec[i][1] - g->sec[i][0];
	x = rng(g, 0, total);
	for (int i = 0; i < g->nsec; i++)
		if ((x -= g->sec[i][1] - g->sec[i][0]) <= 0)
			return i;
	return g->nsec - 1;
}

/* A prism into the round face F: [S0, S1] along the axis, [C0, C1]
 * across it (the crest is at C = W/2), corner radius R, to depth W1. */
static void
round_prism(struct gen *g, const struct face *f, double s0, double s1,
    double c0, double c1, double r, double w1)
{
	if (f->along)
		tool(g, MDF_CAD_PRISM, c0, c1, s0, s1, r, 0, -f->above, w1);
	else
		tool(g, MDF_CAD_PRISM, s0, s1, c0, c1, r, 0, -f->above, w1);
}

/* A drilled hole into the round face F at S along the axis, on the crest. */
static void
round_drill(struct gen *g, const struct face *f, double s, double rad,
    double depth)
{
	double R = f->W / 2;

	drill(g, f, f->along ? R : s, f->along ? s : R, rad, depth, 0, NULL);
}

/* Holes or a slot into the floor of a flat over [SA, SB], at depth WF
 * below the stock's box, HW wide on either side of the crest, the
 * section's far side at depth FAR. */
static void
flat_floor(struct gen *g, const struct face *f, double sa, double sb,
    double wf, double hw, double far)
{
	struct face ff = *f;
	double R = f->W / 2, L = sb - sa;

	ff.W = far - wf;
	g->base = wf;
	if (coin(g, 0.3) && L > 2 * hw) {       /* a slot along the flat */
		double ws = hw * rng(g, 0.5, 1.0), len = L * rng(g, 0.4, 0.8);
		double s0 = place(g, len, sa, sb);

		round_prism(g, &ff, s0, s0 + len, R - ws / 2, R + ws / 2, ws / 2,
		    ff.W * rng(g, 0.15, 0.5));
		name(g, "slot");
	} else {                                /* 1 to 3 holes in a row */
		int n = 1 + (int)mdf_rng_below(g->r, 3), thru = coin(g, 0.5);
		double rad = minf(hw * rng(g, 0.25, 0.6), L / (3.0 * n));
		double depth = thru ? ff.W : ff.W * rng(g, 0.3, 0.7);

		for (int i = 0; i < n; i++)
			round_drill(g, &ff, sa + (i + 0.5) * L / n, rad, depth);
		name(g, thru ? "through-hole" : "hole");
	}
	g->base = 0;
}

/* A flat milled on section I (or the whole length of a plain rod). */
static void
feat_flat(struct gen *g, const struct face *f, double k, int small)
{
	int i = section(g), last = g->nsec - 1;
	double z0 = g->sec[i][0], z1 = g->sec[i][1], r = g->sec[i][2];
	double R = f->W / 2, crest = R - r, e = f->above, len = z1 - z0;
	double Ls = g->st.size[g->st.axis], s0, s1, d, hw;

	if (!small && coin(g, 0.4)) {   /* the whole section */
		s0 = i == 0 ? -e : z0, s1 = i == last ? Ls + e : z1;
	} else {
		double fl = len * k * rng(g, 0.3, 0.8);

		s0 = place(g, fl, z0, z1), s1 = s0 + fl;
		if (!small && coin(g, 0.3) && (i == 0 || i == last)) {
			if (i == 0)     /* runs out at the end */
				s0 = -e;
			else
				s1 = Ls + e;
		}
	}
	d = r * (small ? rng(g, 0.04, 0.15) : exp(rng(g, log(0.06), log(0.7))));
	round_prism(g, f, s0, s1, -e, f->W + e, 0, crest + d);
	name(g, "flat");
	hw = sqrt(d * (2 * r - d));
	if (!small && coin(g, 0.45) && hw > 0.25 * r)
		flat_floor(g, f, fmax(s0, z0) + 0.1 * len, fmin(s1, z1) - 0.1 * len,
		    crest + d, hw * 0.8, R + r);
}

static void
feat_round_face(struct gen *g, const struct face *f, double k, int small)
{
	/* relative frequencies: flat, keyway, cross hole, radial hole, pocket */
	static const int w[5] = { 34, 20, 15, 16, 15 };
	int i, kind, pick, last = g->nsec - 1;
	double z0, z1, r, R = f->W / 2, crest, len, e = f->above;

	pick = (int)mdf_rng_below(g->r, 100);
	for (kind = 0; pick >= w[kind]; kind++)
		pick -= w[kind];
	if (kind == 0) {
		feat_flat(g, f, k, small);
		return;
	}
	if (small && kind == 2)
		kind = 3;
	i = section(g);
	z0 = g->sec[i][0], z1 = g->sec[i][1], r = g->sec[i][2];
	crest = R - r, len = z1 - z0;
	switch (kind) {
	case 1: {       /* keyway: a slot with round ends along the axis */
		double ws = r * rng(g, 0.3, 0.6) * (small ? 0.6 : 1.0);
		double kl = fmax(len * k * rng(g, 0.35, 0.85), 1.3 * ws);
		double s0 = place(g, kl, z0, z1), s1 = s0 + kl;
		int open = !small && coin(g, 0.25) && (i == 0 || i == last);

		if (open && i == 0)
			s0 = -e - ws;
		else if (open)
			s1 = g->st.size[g->st.axis] + e + ws;
		round_prism(g, f, s0, s1, R - ws / 2, R + ws / 2, ws / 2,
		    crest + r * k * rng(g, 0.15, 0.4));
		name(g, open ? "open-keyway" : "keyway");
		return;
	}
	case 2: {       /* cross hole, through */
		double rad = minf(r * k * rng(g, 0.1, 0.3), len / 3);

		round_drill(g, f, place(g, 3 * rad, z0, z1) + 1.5 * rad, rad, f->W);
		name(g, "cross-hole");
		return;
	}
	case 3: {       /* radial hole, blind */
		double rad = minf(r * k * rng(g, 0.08, 0.3), len / 3);

		round_drill(g, f, place(g, 3 * rad, z0, z1) + 1.5 * rad, rad,
		    crest + r * rng(g, 0.3, small ? 0.5 : 1.0));
		name(g, "radial-hole");
		return;
	}
	default: {      /* a pocket with rounded corners */
		double wc = r * k * rng(g, 0.4, 1.1), pl = len * k * rng(g, 0.25, 0.7);
		double s0 = place(g, pl, z0, z1);

		round_prism(g, f, s0, s0 + pl, R - wc / 2, R + wc / 2,
		    minf(wc, pl) * rng(g, 0.1, 0.45), crest + r * k * rng(g, 0.2, 0.5));
		name(g, "pocket");
		return;
	}
	}
}

/* One feature from the side of F; SMALL for a distractor. */
static void
feature(struct gen *g, const struct face *f, int small)
{
	/* relative frequencies: pocket, round pocket, hole, slot, step */
	static const int wflat[5] = { 30, 18, 28, 16, 8 };
	double k = small ? 0.5 : 1.0;
	int pick, type, total = 0;

	g->side = f->side;
	g->base = f->base;
	if (f->kind == ROUND) {
		feat_round_face(g, f, k, small);
		return;
	}
	for (int i = 0; i < 5; i++)
		total += wflat[i];
	pick = (int)mdf_rng_below(g->r, (uint64_t)total);
	for (type = 0; pick >= wflat[type]; type++)
		pick -= wflat[type];
	if (type == 4 && (small || f->kind == END))
		type = 0;
	switch (type) {
	case 0: feat_pocket(g, f, k, small); break;
	case 1: feat_round_pocket(g, f, k, small); break;
	case 2: feat_hole(g, f, k, small); break;
	case 3: feat_slot(g, f, k, small); break;
	default: feat_step(g, f); break;
	}
}

/* --- Stock --------------------------------------------------------------- */

/* The edge mask (cad.h) of the four edges around the face of SIDE. */
static unsigned
face_edges(int side)
{
	int a = side / 2, high = side % 2 == 0;
	unsigned m = 0;

	for (int k = 0; k < 3; k++)
		for (unsigned c = 0; c < 4 && k != a; c++)
			if ((int)((a == (k + 1) % 3 ? c : c >> 1) & 1) == high)
				m |= 1u << (4 * k + c);
	return m;
}

/* Rounded or chamfered edges of box stock: all of them, the four along
 * one axis (THIN for a plate: its corners), the four around one face,
 * or any; sharp with probability SHARP. */
static void
box_edges(struct gen *g, double sharp, int thin)
{
	struct mdf_cad_stock *s = &g->st;
	double m = fmin(s->size[0], fmin(s->size[1], s->size[2]));
	double p = mdf_rng_uniform(g->r);

	if (coin(g, sharp))
		return;
	s->edge = coin(g, 0.5) ? MDF_CAD_FILLET : MDF_CAD_CHAMFER;
	if (thin >= 0 && p < 0.75) {        /* a plate's round corners */
		double c = fmin(s->size[(thin + 1) % 3], s->size[(thin + 2) % 3]);

		s->edge = coin(g, 0.8) ? MDF_CAD_FILLET : MDF_CAD_CHAMFER;
		s->edge_mask = 0xfu << (4 * thin);
		s->edge_r = c * rng(g, 0.02, 0.12);
		return;
	}
	s->edge_r = m * rng(g, 0.04, 0.2);
	if (p < 0.2)
		s->edge_mask = 0xfff;
	else if (p < 0.6)       /* the four edges along one axis */
		s->edge_mask = 0xfu << (4 * mdf_rng_below(g->r, 3));
	else if (p < 0.85) {    /* around one face: mostly a top chamfer */
		s->edge_mask = face_edges((int)mdf_rng_below(g->r, MDF_NDIRS));
		s->edge = coin(g, 0.7) ? MDF_CAD_CHAMFER : MDF_CAD_FILLET;
	}
	else
		s->edge_mask = (unsigned)mdf_rng_below(g->r, 0xfff) + 1;
}

/* Add the point (radius R, position Z) to the shaft's outline. */
static void
outline(struct mdf_cad_stock *s, double r, double z)
{
	if (s->np < MDF_CAD_MAXSHAFT)
		s->prof[s->np][0] = r, s->prof[s->np++][1] = z;
}

/* A stepped shaft along axis AX: 2 to 4 diameters, the largest D, over
 * length L, with chamfered ends and shoulders and relief grooves. */
static void
draw_shaft(struct gen *g, int ax, double L, double D)
{
	struct mdf_cad_stock *s = &g->st;
	int n = 2 + (int)mdf_rng_below(g->r, 3), big;
	double r[4], len[4], tot = 0, z = 0, lo[4], hi[4], c0, c1;

	/* the largest diameter at one end or inside (a bearing seat) */
	big = coin(g, 0.6) ? (coin(g, 0.5) ? 0 : n - 1) :
	    (int)mdf_rng_below(g->r, (uint64_t)n);
	r[big] = D / 2;
	for (int i = big - 1; i >= 0; i--)
		r[i] = r[i + 1] * rng(g, 0.55, 0.88);
	for (int i = big + 1; i < n; i++)
		r[i] = r[i - 1] * rng(g, 0.55, 0.88);
	for (int i = 0; i < n; i++)
		tot += len[i] = rng(g, 0.5, 1.5);
	s->kind = MDF_CAD_SHAFT;
	s->axis = ax;
	for (int k = 0; k < 3; k++)
		s->size[k] = k == ax ? L : D;
	s->np = 0;
	c0 = coin(g, 0.6) ? r[0] * rng(g, 0.04, 0.15) : 0;
	c1 = coin(g, 0.6) ? r[n - 1] * rng(g, 0.04, 0.15) : 0;
	if (c0 > 0)
		outline(s, r[0] - c0, 0);
	outline(s, r[0], c0);
	for (int i = 0; i < n; i++) {
		len[i] *= L / tot;
		lo[i] = z + (i == 0 ? c0 : 0);
		z += len[i];
		hi[i] = i == n - 1 ? L - c1 : z;
	}
	for (int i = 0; i + 1 < n; i++) {
		/* the shoulder at the end of section i: a chamfer on the
		 * larger section's corner, a groove in the smaller one */
		int up = r[i + 1] > r[i], sm = up ? i : i + 1;
		double Z = hi[i], rs = fmin(r[i], r[i + 1]), rb = fmax(r[i], r[i + 1]);
		double cc = coin(g, 0.5) ? fmin((rb - rs) * rng(g, 0.15, 0.5), 0.2 * len[sm == i ? i + 1 : i]) : 0;
		double gw = coin(g, 0.25) ? len[sm] * rng(g, 0.05, 0.15) : 0;
		double gd = rs * rng(g, 0.05, 0.12);

		if (up) {
			if (gw > 0) {
				outline(s, rs, Z - gw);
				outline(s, rs - gd, Z - gw);
				outline(s, rs - gd, Z);
				hi[i] -= gw;
			} else {
				outline(s, rs, Z);
			}
			if (cc > 0)
				outline(s, rb - cc, Z);
			outline(s, rb, Z + cc);
			lo[i + 1] += cc;
		} else {
			outline(s, rb, Z - cc);
			if (cc > 0)
				outline(s, rb - cc, Z);
			hi[i] -= cc;
			if (gw > 0) {
				outline(s, rs - gd, Z);
				outline(s, rs - gd, Z + gw);
				lo[i + 1] += gw;
			}
			outline(s, rs, Z + gw);
		}
	}
	outline(s, r[n - 1], L - c1);
	if (c1 > 0)
		outline(s, r[n - 1] - c1, L);
	g->nsec = n;
	for (int i = 0; i < n; i++) {
		double m = 0.04 * (hi[i] - lo[i]);

		g->sec[i][0] = lo[i] + m, g->sec[i][1] = hi[i] - m, g->sec[i][2] = r[i];
	}
	g->rend[0] = (r[0] - c0) * 0.95, g->rend[1] = (r[n - 1] - c1) * 0.95;
	g->lend[0] = len[0], g->lend[1] = len[n - 1];
}

/* Round stock along AX: a cylinder of length LEN and diameter D, its
 * ends sharp, chamfered or (rarer: a torus costs the cuts near it)
 * rounded. */
static void
draw_round(struct gen *g, int ax, double len, double D)
{
	struct mdf_cad_stock *s = &g->st;
	double m;

	s->kind = MDF_CAD_CYL;
	s->axis = ax;
	for (int k = 0; k < 3; k++)
		s->size[k] = k == ax ? len : D;
	if (coin(g, 0.5)) {
		s->edge = coin(g, 0.25) ? MDF_CAD_FILLET : MDF_CAD_CHAMFER;
		s->edge_r = D * rng(g, 0.02, 0.08);
		s->edge_mask = 1 + (unsigned)mdf_rng_below(g->r, 3);
	}
	m = fmax(0.03 * len, 1.5 * s->edge_r);
	g->nsec = 1;
	g->sec[0][0] = m, g->sec[0][1] = len - m, g->sec[0][2] = D / 2;
	g->rend[0] = g->rend[1] = D / 2;
	g->lend[0] = g->lend[1] = len;
}

/* Pre-machined stock: an L (STEPS 1) or stepped (2) profile across
 * the label axis A. */
static void
draw_profile(struct gen *g, int a, double L, int steps)
{
	struct mdf_cad_stock *s = &g->st;
	int u = (a + 1) % 3, v = (a + 2) % 3;
	int cu = coin(g, 0.5), cv = coin(g, 0.5);
	double e = 0.05 * L, wu = 0, wv;

	for (int k = 0; k < 3; k++)
		s->size[k] = L * rng(g, 0.5, 1.0);
	s->size[(int)mdf_rng_below(g->r, 3)] = L;
	s->axis = a;
	s->nprecut = steps;
	wv = s->size[v] * rng(g, 0.35, 0.6);
	for (int i = 0; i < steps; i++) {
		double *c = s->precut[i];

		/* each step narrower along u and taller along v */
		wu = i == 0 ? s->size[u] * rng(g, 0.4, 0.65) : wu * rng(g, 0.35, 0.65);
		if (i > 0)
			wv = wv + (s->size[v] - wv) * rng(g, 0.3, 0.6);
		c[a] = -e, c[a + 3] = s->size[a] + e;
		c[u] = cu ? s->size[u] - wu : -e;
		c[u + 3] = cu ? s->size[u] + e : wu;
		c[v] = cv ? s->size[v] - wv : -e;
		c[v + 3] = cv ? s->size[v] + e : wv;
	}
	/* features go on the leg of full height along v */
	g->leg = 1;
	wu = s->size[u] - (s->precut[0][u + 3] - s->precut[0][u]) + e;
	g->legcut[0] = cu ? 0 : s->size[u] - wu;
	g->legcut[1] = cu ? wu : s->size[u];
	g->legcut[2] = 0;
	g->legcut[3] = s->size[v];
}

static const char *const stock_names[MDF_NSTOCKS] = {
	"box", "plate", "bar", "L", "stepped", "disk", "cylinder", "rod", "shaft",
};

/* Their weights (of 100), in the order of enum mdf_cadgen_stock; the
 * man page lists them. */
static const int stock_weight[MDF_NSTOCKS] = { 26, 14, 10, 6, 6, 10, 6, 9, 13 };

const char *
mdf_cadgen_stock_name(int kind)
{
	return kind >= 0 && kind < MDF_NSTOCKS ? stock_names[kind] : "?";
}

int
mdf_cadgen_stock_parse(const char *list, unsigned *mask, char *why, size_t whylen)
{
	const char *p = list;

	*mask = 0;
	do {
		size_t n = strcspn(p, ",");
		int k;

		for (k = 0; k < MDF_NSTOCKS; k++)
			if (strlen(stock_names[k]) == n && strncmp(p, stock_names[k], n) == 0)
				break;
		if (k == MDF_NSTOCKS)
			return fail(why, whylen, "'%.*s' is not a stock kind (box plate bar L "
			    "stepped disk cylinder rod shaft)", (int)(n < 40 ? n : 40), p);
		if (*mask >> k & 1)
			return fail(why, whylen, "stock kind '%s' given twice", stock_names[k]);
		*mask |= 1u << k;
		p += n;
	} while (*p++ == ',');
	return MDF_OK;
}

/* Draw the stock for LABEL, longest side L, of a kind in MASK; its kind. */
static int
draw_stock(struct gen *g, int label, double L, unsigned mask)
{
	struct mdf_cad_stock *s = &g->st;
	int a = label / 2, kind, total = 0, pick;
	int across = (a + 1 + (int)mdf_rng_below(g->r, 2)) % 3;

	for (kind = 0; kind < MDF_NSTOCKS; kind++)
		total += mask >> kind & 1 ? stock_weight[kind] : 0;
	pick = (int)mdf_rng_below(g->r, (uint64_t)total);
	for (kind = 0; !(mask >> kind & 1) || pick >= stock_weight[kind]; kind++)
		pick -= mask >> kind & 1 ? stock_weight[kind] : 0;
	memset(s, 0, sizeof *s);
	g->leg = 0;
	g->nsec = 0;
	g->want_flat = 0;
	s->kind = MDF_CAD_BOX;
	switch (kind) {
	case MDF_STOCK_BOX: {
		int longest = (int)mdf_rng_below(g->r, 3);

		for (int k = 0; k < 3; k++)
			s->size[k] = k == longest ? L : L * rng(g, 0.4, 1.0);
		box_edges(g, 0.4, -1);
		break;
	}
	case MDF_STOCK_PLATE: { /* thin, mostly along the label axis */
		int t = coin(g, 0.7) ? a : (int)mdf_rng_below(g->r, 3);

		for (int k = 0; k < 3; k++)
			s->size[k] = k == t ? L * rng(g, 0.04, 0.25) : L * rng(g, 0.5, 1.0);
		s->size[(t + 1 + mdf_rng_below(g->r, 2)) % 3] = L;
		box_edges(g, 0.45, t);
		break;
	}
	case MDF_STOCK_BAR: {   /* long, mostly across the label axis */
		int t = coin(g, 0.75) ? across : (int)mdf_rng_below(g->r, 3);

		for (int k = 0; k < 3; k++)
			s->size[k] = k == t ? L : L * rng(g, 0.12, 0.4);
		box_edges(g, 0.5, -1);
		break;
	}
	case MDF_STOCK_L:
	case MDF_STOCK_STEPPED:
		draw_profile(g, a, L, kind == MDF_STOCK_L ? 1 : 2);
		break;
	case MDF_STOCK_DISK:    /* mostly features on a face */
		draw_round(g, coin(g, 0.8) ? a : across, L * rng(g, 0.08, 0.45), L);
		break;
	case MDF_STOCK_CYLINDER:
		draw_round(g, coin(g, 0.4) ? a : across, L, L * rng(g, 0.25, 0.75));
		break;
	case MDF_STOCK_ROD:     /* long, milled flats across the axis */
		draw_round(g, across, L, L * rng(g, 0.06, 0.3));
		g->want_flat = coin(g, 0.85);
		break;
	default:                /* features on an end or into the round faces */
		draw_shaft(g, coin(g, 0.45) ? a : across, L, L * rng(g, 0.15, 0.55));
		break;
	}
	return kind;
}

/* --- The part -------------------------------------------------------------- */

static double
log_range(struct mdf_rng *r, double lo, double hi)
{
	return exp(mdf_rng_range(r, log(lo), log(hi)));
}

/* Which edges of the stock are rounded or chamfered, and the diameters
 * of turned stock, for the metadata. */
static void
describe(const struct gen *g, struct mdf_cadpart *p)
{
	const struct mdf_cad_stock *s = &g->st;
	size_t n = 0;

	snprintf(p->edgeset, sizeof p->edgeset, "%s", s->edge == MDF_CAD_SHARP ||
	    s->edge_mask == 0 ? "none" : s->kind != MDF_CAD_BOX ? "ends" :
	    s->edge_mask == 0xfff ? "all" : "some");
	for (int k = 0; k < 3 && s->kind == MDF_CAD_BOX && s->edge != MDF_CAD_SHARP; k++)
		if (s->edge_mask == 0xfu << (4 * k))
			snprintf(p->edgeset, sizeof p->edgeset, "along-%c", 'x' + k);
	for (int d = 0; d < MDF_NDIRS && s->kind == MDF_CAD_BOX && s->edge != MDF_CAD_SHARP; d++)
		if (s->edge_mask == face_edges(d))
			snprintf(p->edgeset, sizeof p->edgeset, "around-%c%c",
			    d % 2 == 0 ? '+' : '-', 'x' + d / 2);
	p->diameters[0] = '\0';
	for (int i = 0; i < g->nsec && n + 12 < sizeof p->diameters; i++)
		n += (size_t)snprintf(p->diameters + n, sizeof p->diameters - n, "%s%.5g",
		    i ? "," : "", 2 * g->sec[i][2]);
}

/* Draw features, cut them, check the label; 1 if the part is good. */
static int
attempt(const struct mdf_partgen *gs, struct gen *g, struct mdf_cadpart *p,
    int tries, char *why, size_t whylen)
{
	struct face f;
	int nf, nd = 0, nsol, rc;
	double best = 0;

	g->nt = 0;
	g->len = 0;
	g->list[0] = '\0';
	face_of(g, p->label, &f);
	nf = 2 + (int)mdf_rng_below(g->r, 4);
	for (int i = 0; i < nf; i++) {
		g->side = f.side;
		if (i == 0 && g->want_flat && f.kind == ROUND)
			feat_flat(g, &f, 1.0, 0);
		else
			feature(g, &f, 0);
	}
	if (gs->distractors > 0.0 && tries < TRIES_DISTRACT &&
	    mdf_rng_uniform(g->r) < gs->distractors) {
		nd = 1 + (int)mdf_rng_below(g->r, 2);
		/* distractors follow a ';' */
		if (g->len + 1 < sizeof g->list) {
			g->list[g->len++] = ';';
			g->list[g->len] = '\0';
		}
		for (int i = 0; i < nd; i++) {
			int d = (int)mdf_rng_below(g->r, MDF_NDIRS - 1);

			face_of(g, d >= p->label ? d + 1 : d, &f);
			feature(g, &f, 1);
		}
	}
	mdf_cad_free(p->shape);
	p->shape = NULL;
	rc = mdf_cad_part(&g->st, g->t, g->nt, &p->shape, &p->stock_volume,
	    p->removed, &nsol, why, whylen);
	if (rc == MDF_E_NOMEM)
		return rc;
	if (rc < 0 || nsol != 1)
		return 0;
	p->volume = p->stock_volume;
	for (int d = 0; d < MDF_NDIRS; d++) {
		p->volume -= p->removed[d];
		if (d != p->label && p->removed[d] > best)
			best = p->removed[d];
	}
	if (p->removed[p->label] < MIN_REMOVED * p->stock_volume ||
	    p->removed[p->label] < MARGIN * best)
		return 0;
	p->margin = best > 0 ? p->removed[p->label] / best : 0;
	p->features = nf;
	p->distractors = nd;
	memcpy(p->list, g->list, sizeof p->list);
	return 1;
}

/* Tessellate P; 1 if its mesh is closed, 0 if not, or an error. */
static int
tessellate(struct mdf_cadpart *p, char *why, size_t whylen)
{
	float *tri;
	size_t n;
	int rc;

	free(p->tri);
	p->tri = NULL;
	p->ntri = 0;
	rc = mdf_cad_mesh(p->shape, p->tolerance, p->angular, p->offset, &tri, &n,
	    why, whylen);
	if (rc < 0)
		return rc == MDF_E_NOMEM ? rc : 0;
	mdf_mesh_fix_normals(tri, n);
	n = mdf_mesh_drop_degenerate(tri, n);
	p->tri = tri;
	p->ntri = n;
	return mdf_cad_mesh_closed(tri, n);
}

int
mdf_cadgen_make(const struct mdf_partgen *gs, unsigned stocks, uint64_t index,
    struct mdf_cadpart *p, char *why, size_t whylen)
{
	struct mdf_rng r;
	struct gen g;
	double L;
	int rc = 0;

	memset(p, 0, sizeof *p);
	if (!(gs->distractors >= 0.0 && gs->distractors <= 1.0))
		return fail(why, whylen, "distractor probability outside 0..1");
	if ((gs->classes & MDF_DIR_ALL) == 0 || (gs->classes & ~MDF_DIR_ALL))
		return fail(why, whylen, "no valid class");
	if (!(gs->size_min > 0 && gs->size_min <= gs->size_max && gs->size_max <= 1e5))
		return fail(why, whylen, "stock sizes must satisfy 0 < min <= max <= 100000 mm");
	if (!(gs->tolerance >= 0 && gs->angular >= 0 && gs->angular <= 1.5))
		return fail(why, whylen, "bad tessellation tolerance");
	p->label = mdf_partgen_label(gs, index);
	/* another stream than the voxel style's, so the styles do not
	 * share their draws */
	mdf_rng_seed2(&r, gs->seed ^ 0x6361646361646361ull, 2 * index + 1);
	memset(&g, 0, sizeof g);
	g.r = &r;
	for (p->attempts = 1; p->attempts <= TRIES_MAX; p->attempts++) {
		L = log_range(&r, gs->size_min, gs->size_max);
		p->stock = stock_names[draw_stock(&g, p->label, L,
		    stocks & MDF_STOCK_ALL ? stocks & MDF_STOCK_ALL : MDF_STOCK_ALL)];
		describe(&g, p);
		p->axis = g.st.axis;
		p->edges = g.st.edge == MDF_CAD_FILLET ? "fillet" :
		    g.st.edge == MDF_CAD_CHAMFER ? "chamfer" : "sharp";
		for (int k = 0; k < 3; k++) {
			p->size[k] = g.st.size[k];
			p->offset[k] = -p->size[k] / 2 + mdf_rng_range(&r, -0.5, 0.5) * L;
		}
		p->tolerance = gs->tolerance > 0 ? gs->tolerance :
		    L * log_range(&r, 1.5e-4, 1.5e-2);
		p->angular = gs->angular > 0 ? gs->angular : log_range(&r, 0.08, 0.7);
		if ((rc = attempt(gs, &g, p, p->attempts - 1, why, whylen)) < 0)
			break;
		if (rc == 0)
			continue;
		if ((rc = tessellate(p, why, whylen)) < 0)
			break;
		if (rc == 1)
			return MDF_OK;
	}
	if (rc == 0)
		rc = fail(why, whylen, "no valid part after %d attempts", TRIES_MAX);
	mdf_cadpart_free(p);
	return rc;
}

void
mdf_cadpart_free(struct mdf_cadpart *p)
{
	free(p->tri);
	p->tri = NULL;
	p->ntri = 0;
	mdf_cad_free(p->shape);
	p->shape = NULL;
}

int
mdf_cadpart_frame(const struct mdf_partgen *g, const struct mdf_cadpart *p,
    const char *name, uint64_t num, struct mdf_frame *f)
{
	struct mdf_mesh m;
	int rc;

	if ((rc = mdf_mesh_init(f, p->ntri, &m)) < 0)
		return rc;
	if (p->ntri > 0)
		memcpy(m.tri, p->tri, p->ntri * MDF_MESH_TRI_BYTES);
	if ((rc = mdf_set(f, "part", name)) < 0 ||
	    (rc = mdf_set(f, "label", mdf_dir_name(p->label))) < 0 ||
	    (rc = mdf_set(f, "source", "partgen")) < 0 ||
	    (rc = mdf_set(f, "units", "mm")) < 0 ||
	    (rc = mdf_mesh_set_meta(f, p->tri, p->ntri, NULL, -1.0)) < 0 ||
	    (rc = mdf_setf(f, "partgen.seed", "%llu", (unsigned long long)g->seed)) < 0 ||
	    (rc = mdf_setf(f, "partgen.index", "%llu", (unsigned long long)num)) < 0 ||
	    (rc = mdf_setf(f, "partgen.stock", "%.7gx%.7gx%.7g", p->size[0], p->size[1],
	    p->size[2])) < 0 ||
	    (rc = mdf_setf(f, "partgen.features", "%d", p->features)) < 0 ||
	    (rc = mdf_setf(f, "partgen.distractors", "%d", p->distractors)) < 0)
		return rc;
	for (int d = 0; d < MDF_NDIRS; d++) {
		char key[16];

		snprintf(key, sizeof key, "removed.%s", mdf_dir_key(d));
		if ((rc = mdf_setf(f, key, "%.7g", p->removed[d])) < 0)
			return rc;
	}
	if ((rc = mdf_set(f, "part.style", "cad")) < 0 ||
	    (rc = mdf_set(f, "part.stock", p->stock)) < 0 ||
	    (rc = mdf_set(f, "part.edges", p->edges)) < 0 ||
	    (rc = mdf_set(f, "part.edge_set", p->edgeset)) < 0 ||
	    (p->diameters[0] != '\0' &&
	    ((rc = mdf_setf(f, "part.axis", "%c", 'x' + p->axis)) < 0 ||
	    (rc = mdf_set(f, "part.diameters", p->diameters)) < 0)) ||
	    (rc = mdf_set(f, "part.features", p->list)) < 0 ||
	    (rc = mdf_setf(f, "part.volume", "%.7g", p->volume)) < 0 ||
	    (rc = mdf_setf(f, "part.stock_volume", "%.7g", p->stock_volume)) < 0 ||
	    (rc = (p->margin > 0 ? mdf_setf(f, "part.margin", "%.4g", p->margin) :
	    mdf_set(f, "part.margin", "inf"))) < 0 ||
	    (rc = mdf_setf(f, "part.tolerance", "%.4g", p->tolerance)) < 0 ||
	    (rc = mdf_setf(f, "part.angular", "%.4g", p->angular)) < 0)
		return rc;
	return MDF_OK;
}

/* --- Closed-mesh check ------------------------------------------------ */

struct vkey {
	float p[3];
	uint32_t i;
};

static int
vcmp(const void *a, const void *b)
{
	const struct vkey *x = a, *y = b;

	for (int k = 0; k < 3; k++)
		if (x->p[k] != y->p[k])
			return x->p[k] < y->p[k] ? -1 : 1;
	return 0;
}

static int
ucmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

int
mdf_cad_mesh_closed(const float *tri, size_t n)
{
	struct vkey *v;
	uint32_t *id;
	uint64_t *e;
	size_t nv = 3 * n;
	int ok = 1;

	if (n == 0 || n > UINT32_MAX / 3)
		return 0;
	v = malloc(nv * sizeof *v);
	id = malloc(nv * sizeof *id);
	e = malloc(nv * sizeof *e);
	if (v == NULL || id == NULL || e == NULL) {
		free(v), free(id), free(e);
		return MDF_E_NOMEM;
	}
	for (size_t i = 0; i < nv; i++) {
		memcpy(v[i].p, tri + 12 * (i / 3) + 3 + 3 * (i % 3), sizeof v[i].p);
		v[i].i = (uint32_t)i;
	}
	qsort(v, nv, sizeof *v, vcmp);
	for (size_t i = 0, u = 0; i < nv; i++) {
		if (i > 0 && vcmp(&v[i], &v[i - 1]) != 0)
			u++;
		id[v[i].i] = (uint32_t)u;
	}
	for (size_t t = 0; t < n; t++)
		for (int c = 0; c < 3; c++)
			e[3 * t + c] = (uint64_t)id[3 * t + c] << 32 | id[3 * t + (c + 1) % 3];
	qsort(e, nv, sizeof *e, ucmp);
	for (size_t i = 0; i < nv && ok; i++) {
		uint64_t rev = e[i] << 32 | e[i] >> 32;

		if ((i > 0 && e[i] == e[i - 1]) ||
		    bsearch(&rev, e, nv, sizeof *e, ucmp) == NULL)
			ok = 0;
	}
	free(v), free(id), free(e);
	return ok;
}
