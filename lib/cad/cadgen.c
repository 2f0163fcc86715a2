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
	t->r = r, t->r2 = r2, t->w0 = w0, t->w1 = w1;
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
	f->ru0 = 0, f->ru1 = f->U, f->rv0 = 0, f->rv1 = f->V;
	if (s->kind == MDF_CAD_CYL && s->axis == f->a) {
		double h = f->U / 2 * 0.7071067811865476;

		f->kind = END;
		f->ru0 = f->U / 2 - h, f->ru1 = f->U / 2 + h;
		f->rv0 = f->V / 2 - h, f->rv1 = f->V / 2 + h;
	} else if (s->kind == MDF_CAD_CYL) {
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
	memcpy(t->prof, prof, (size_t)t->np * 2 * sizeof *prof);
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

static void
feat_round_face(struct gen *g, const struct face *f, double k, int small)
{
	/* s: along the cylinder's axis, c: across it; the crest is c = D/2 */
	double Ls = f->along ? f->V : f->U, D = f->along ? f->U : f->V;
	int kind = (int)mdf_rng_below(g->r, small ? 2 : 4);
	double e = f->above, s0, s1, c0, c1, r = 0, d;

	switch (kind) {
	case 0:         /* radial hole */
	case 3: {       /* cross hole, through */
		double rad = D * k * rng(g, 0.06, 0.16);
		double s = place(g, 4 * rad, 0.05 * Ls, 0.95 * Ls) + 2 * rad;
		double u = f->along ? D / 2 : s, v = f->along ? s : D / 2;

		drill(g, f, u, v, rad, kind == 3 ? f->W : D * rng(g, 0.3, small ? 0.4 : 0.7),
		    0, NULL);
		name(g, kind == 3 ? "cross-hole" : "radial-hole");
		return;
	}
	case 1: {       /* flat */
		double len = Ls * k * rng(g, 0.25, 0.7);

		s0 = coin(g, 0.3) && !small ? -e : place(g, len, 0.05 * Ls, 0.95 * Ls);
		s1 = s0 < 0 ? Ls * rng(g, 0.2, 0.5) : s0 + len;
		c0 = -e, c1 = D + e;
		d = D * k * rng(g, 0.08, 0.25);
		name(g, "flat");
		break;
	}
	default: {      /* keyway */
		double ws = D * rng(g, 0.15, 0.3), len = Ls * rng(g, 0.3, 0.7);

		s0 = place(g, len, 0.05 * Ls, 0.95 * Ls);
		s1 = s0 + len;
		c0 = D / 2 - ws / 2, c1 = D / 2 + ws / 2;
		r = ws / 2;
		d = D * rng(g, 0.1, 0.25);
		name(g, "keyway");
		break;
	}
	}
	if (f->along)
		tool(g, MDF_CAD_PRISM, c0, c1, s0, s1, r, 0, -e, d);
	else
		tool(g, MDF_CAD_PRISM, s0, s1, c0, c1, r, 0, -e, d);
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

/* The stock's name. */
static const char *
draw_stock(struct gen *g, int label, double L)
{
	struct mdf_cad_stock *s = &g->st;
	int a = label / 2, kind = (int)mdf_rng_below(g->r, 40);
	const char *nm;

	memset(s, 0, sizeof *s);
	g->leg = 0;
	s->kind = MDF_CAD_BOX;
	if (kind < 14) {                /* box */
		int longest = (int)mdf_rng_below(g->r, 3);

		for (int k = 0; k < 3; k++)
			s->size[k] = k == longest ? L : L * rng(g, 0.45, 1.0);
		nm = "box";
	} else if (kind < 20) {         /* plate: thin, mostly along the label axis */
		int t = coin(g, 0.7) ? a : (int)mdf_rng_below(g->r, 3);

		for (int k = 0; k < 3; k++)
			s->size[k] = k == t ? L * rng(g, 0.06, 0.25) : L * rng(g, 0.5, 1.0);
		s->size[(t + 1 + mdf_rng_below(g->r, 2)) % 3] = L;
		nm = "plate";
	} else if (kind < 26) {         /* bar: long, mostly across the label axis */
		int t = coin(g, 0.75) ? (a + 1 + (int)mdf_rng_below(g->r, 2)) % 3 :
		    (int)mdf_rng_below(g->r, 3);

		for (int k = 0; k < 3; k++)
			s->size[k] = k == t ? L : L * rng(g, 0.12, 0.35);
		nm = "bar";
	} else if (kind < 34) {         /* turned: disk or cylinder */
		int disk = kind < 30, ax = coin(g, disk ? 0.6 : 0.4) ? a :
		    (a + 1 + (int)mdf_rng_below(g->r, 2)) % 3;
		double dia = disk ? L : L * rng(g, 0.25, 0.7);

		s->kind = MDF_CAD_CYL;
		s->axis = ax;
		for (int k = 0; k < 3; k++)
			s->size[k] = k == ax ? (disk ? L * rng(g, 0.1, 0.4) : L) : dia;
		nm = disk ? "disk" : "cylinder";
	} else {                        /* pre-machined L or stepped profile */
		int u = (a + 1) % 3, v = (a + 2) % 3, steps = kind < 37 ? 1 : 2;
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
		return steps == 1 ? "L" : "stepped";
	}
	if (s->kind == MDF_CAD_BOX && !coin(g, 0.4)) {
		double m = fmin(s->size[0], fmin(s->size[1], s->size[2]));
		double p = mdf_rng_uniform(g->r);

		s->edge = coin(g, 0.5) ? MDF_CAD_FILLET : MDF_CAD_CHAMFER;
		s->edge_r = m * rng(g, 0.04, 0.2);
		if (p < 0.2)
			s->edge_mask = 0xfff;
		else if (p < 0.85)  /* the four edges along one axis */
			s->edge_mask = 0xfu << (4 * mdf_rng_below(g->r, 3));
		else
			s->edge_mask = (unsigned)mdf_rng_below(g->r, 0xfff) + 1;
	} else if (s->kind == MDF_CAD_CYL && coin(g, 0.5)) {
		/* rounded ends are rarer: a torus costs the cuts near it */
		s->edge = coin(g, 0.25) ? MDF_CAD_FILLET : MDF_CAD_CHAMFER;
		s->edge_r = s->size[(s->axis + 1) % 3] * rng(g, 0.02, 0.08);
		s->edge_mask = 1 + (unsigned)mdf_rng_below(g->r, 3);
	}
	return nm;
}

/* --- The part -------------------------------------------------------------- */

static double
log_range(struct mdf_rng *r, double lo, double hi)
{
	return exp(mdf_rng_range(r, log(lo), log(hi)));
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
	for (int i = 0; i < nf; i++)
		feature(g, &f, 0);
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
mdf_cadgen_make(const struct mdf_partgen *gs, uint64_t index,
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
		p->stock = draw_stock(&g, p->label, L);
		p->edges = g.st.edge == MDF_CAD_FILLET ? "fillet" :
		    g.st.edge == MDF_CAD_CHAMFER ? "chamfer" : "sharp";
		for (int k = 0; k < 3; k++) {
			p->size[k] = g.st.size[k];
			p->offset[k] = -p->size[k] / 2 + mdf_rng_range(&r, -0.5, 0.5) * L;
		}
		p->tolerance = gs->tolerance > 0 ? gs->tolerance :
		    L * log_range(&r, 1e-4, 1.5e-2);
		p->angular = gs->angular > 0 ? gs->angular : log_range(&r, 0.1, 0.7);
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
