/*
 * Reach analysis of a mesh (see milldir/reach.h and reach(1)): the stock,
 * the six axis depth maps, the removable volume of each side, and the
 * surface samples whose reach makes the areas and the set-ups.
 *
 * The surface is sampled once per mesh: each triangle is cut into n x n
 * similar triangles (n from its longest edge and the sample spacing) and
 * each of those gives its centroid, weighted by its area.  The sides are
 * jobs: a worker draws the side's depth map, sums its columns and tests
 * every sample against it, so the figures of a side never depend on
 * which thread did it.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/frame.h"
#include "milldir/partgen.h"
#include "milldir/reach.h"
#include "milldir/render.h"
#include "reachint.h"

/* samples off the surface along its normal, and the height tolerance,
 * in samples of the depth map */
#define OFFSET 1.5
#define TOL 0.5
/* the sample budget: a triangle of area a is cut into n x n where
 * n = ceil(sqrt(a / A)), A the larger of the mesh's area / BUDGET and
 * (SPACING samples of the depth map)^2, n at most MAXSUB */
#define BUDGET 8192
#define SPACING 4
#define MAXSUB 64

struct sample {
	float p[3];  /* point 1.5 samples off the surface */
	float n[3];  /* unit normal */
	float w;     /* area */
};

struct mdf_reacher {
	struct mdf_reach_opts o;
	struct mdf_renderer *rd;
	uint32_t rdside;
	struct sample *s;   /* machined samples */
	size_t ns, scap;
	unsigned char *hit; /* 6 x scap: side d reaches sample i */
	float *span;        /* per worker, 2 x rdside: a column's stock */
	float prof[MDF_REACH_MAX_PIXELS];   /* a turned bar's profile */
	/* its distinct radii (nends, ascending) and, for each, the far and
	 * the near end along the axis of the slabs at least that wide */
	float lev[MDF_REACH_MAX_PIXELS];
	double lev2[MDF_REACH_MAX_PIXELS];   /* the radii squared */
	double ends[2 * MDF_REACH_MAX_PIXELS];
	uint32_t nends;
	/* the current job */
	struct mdf_reach *out;
	atomic_int next;
	int rc;
	char why[256];
	pthread_mutex_t lock;
};

void
mdf_reach_opts_default(struct mdf_reach_opts *o)
{
	memset(o, 0, sizeof *o);
	o->pixels = MDF_REACH_DEFAULT_PIXELS;
	o->stock = MDF_STOCK_AUTO;
	o->count_through = MDF_THROUGH_COUNT;
	o->min_margin = 0.05;
	o->cover_tol = 0.002;
	o->threads = 1;
}

int
mdf_reach_opts_check(const struct mdf_reach_opts *o, char *why,
    size_t whylen)
{
	const char *bad = NULL;

	if (!(o->res >= 0 && o->res < HUGE_VAL))
		bad = "resolution must be a positive number of units";
	else if (o->res == 0 && (o->pixels < 1 ||
	    o->pixels > MDF_REACH_MAX_PIXELS))
		bad = "resolution in samples out of range 1..4096";
	else if (o->stock == MDF_STOCK_MARGIN &&
	    !(o->margin >= 0 && o->margin < HUGE_VAL))
		bad = "stock margin must be a finite number >= 0";
	else if (o->stock == MDF_STOCK_BOX &&
	    !(o->lo[0] <= o->hi[0] && o->lo[1] <= o->hi[1] &&
	    o->lo[2] <= o->hi[2] && isfinite(o->lo[0] + o->lo[1] + o->lo[2] +
	    o->hi[0] + o->hi[1] + o->hi[2])))
		bad = "stock box must be finite with X0 <= X1, Y0 <= Y1, Z0 <= Z1";
	else if (o->stock < MDF_STOCK_BBOX || o->stock > MDF_STOCK_AUTO)
		bad = "unknown stock";
	else if (o->count_through < MDF_THROUGH_APART ||
	    o->count_through > MDF_THROUGH_HALF)
		bad = "unknown pass-through rule";
	else if (!(o->min_margin >= 0 && o->min_margin <= 1))
		bad = "minimum margin out of range 0..1";
	else if (!(o->cover_tol >= 0 && o->cover_tol < 1))
		bad = "cover tolerance out of range 0..1";
	else if (o->threads < 1 || o->threads > 6)
		bad = "thread count out of range 1..6";
	if (bad == NULL)
		return 0;
	if (why != NULL)
		snprintf(why, whylen, "%s", bad);
	return MDF_E_INVAL;
}

struct mdf_reacher *
mdf_reacher_new(const struct mdf_reach_opts *o)
{
	struct mdf_reacher *r;

	if (mdf_reach_opts_check(o, NULL, 0) < 0)
		return NULL;
	r = calloc(1, sizeof *r);
	if (r == NULL)
		return NULL;
	r->o = *o;
	if (pthread_mutex_init(&r->lock, NULL) != 0) {
		free(r);
		return NULL;
	}
	return r;
}

void
mdf_reacher_free(struct mdf_reacher *r)
{
	if (r == NULL)
		return;
	mdf_renderer_free(r->rd);
	free(r->s);
	free(r->hit);
	free(r->span);
	pthread_mutex_destroy(&r->lock);
	free(r);
}

/* The part's bounding box into LO, HI; MDF_E_META for a non-finite
 * vertex or a mesh without area. */
static int
part_box(const struct mdf_mesh *m, double lo[3], double hi[3], char *why,
    size_t whylen)
{
	int area = 0;

	for (int a = 0; a < 3; a++)
		lo[a] = HUGE_VAL, hi[a] = -HUGE_VAL;
	for (uint64_t t = 0; t < m->n; t++) {
		const float *p = m->tri + t * MDF_MESH_TRI_FLOATS + 3;
		double e1[3], e2[3];

		for (int k = 0; k < 9; k++) {
			if (!isfinite(p[k])) {
				snprintf(why, whylen, "triangle %llu: vertex %d "
				    "is not a finite number",
				    (unsigned long long)t + 1, k / 3);
				return MDF_E_META;
			}
			lo[k % 3] = p[k] < lo[k % 3] ? p[k] : lo[k % 3];
			hi[k % 3] = p[k] > hi[k % 3] ? p[k] : hi[k % 3];
		}
		for (int k = 0; k < 3 && !area; k++) {
			e1[k] = (double)p[3 + k] - p[k];
			e2[k] = (double)p[6 + k] - p[k];
		}
		if (!area)
			area = e1[1] * e2[2] - e1[2] * e2[1] != 0 ||
			    e1[2] * e2[0] - e1[0] * e2[2] != 0 ||
			    e1[0] * e2[1] - e1[1] * e2[0] != 0;
	}
	if (!area) {
		snprintf(why, whylen, "mesh without area (%llu triangles)",
		    (unsigned long long)m->n);
		return MDF_E_META;
	}
	return 0;
}

/* The stock and the resolution of OUT for part M of box LO..HI. */
static int
stock(const struct mdf_reach_opts *o, const struct mdf_mesh *m,
    const double lo[3], const double hi[3], struct mdf_reach *out, char *why,
    size_t whylen)
{
	double longest = 0, n;

	for (int a = 0; a < 3; a++) {
		out->lo[a] = lo[a], out->hi[a] = hi[a];
		if (o->stock == MDF_STOCK_MARGIN) {
			out->lo[a] -= o->margin, out->hi[a] += o->margin;
		} else if (o->stock == MDF_STOCK_BOX) {
			out->lo[a] = o->lo[a] < lo[a] ? o->lo[a] : lo[a];
			out->hi[a] = o->hi[a] > hi[a] ? o->hi[a] : hi[a];
		}
	}
	out->stock_volume = (out->hi[0] - out->lo[0]) *
	    (out->hi[1] - out->lo[1]) * (out->hi[2] - out->lo[2]);
	if (o->stock == MDF_STOCK_AUTO)
		reach_round_stock(m, lo, hi, out);
	for (int a = 0; a < 3; a++)
		longest = fmax(longest, out->hi[a] - out->lo[a]);
	out->res = o->res > 0 ? o->res : longest / o->pixels;
	n = ceil(longest / out->res);
	if (!(out->res > 0) || !(n <= MDF_REACH_MAX_PIXELS)) {
		snprintf(why, whylen, "a stock of %g units at %g a sample needs "
		    "%.0f samples a side, more than %d", longest, out->res, n,
		    MDF_REACH_MAX_PIXELS);
		return MDF_E_META;
	}
	out->side = n < 1 ? 1 : (uint32_t)n;
	return 0;
}

static int
add_sample(struct mdf_reacher *r, const double p[3], const double n[3],
    double w, double off)
{
	struct sample *s;

	if (r->ns == r->scap) {
		size_t cap = r->scap ? 2 * r->scap : 4096;
		struct sample *ns = realloc(r->s, cap * sizeof *ns);

		if (ns == NULL)
			return MDF_E_NOMEM;
		r->s = ns;
		r->scap = cap;
	}
	s = r->s + r->ns++;
	for (int k = 0; k < 3; k++) {
		s->p[k] = (float)(p[k] + off * n[k]);
		s->n[k] = (float)n[k];
	}
	s->w = (float)w;
	return 0;
}

/* Small triangles (one sample each) merged into one sample: the sum of
 * their areas, area-weighted centroids and normals; the first one's
 * centroid and normal. */
struct group {
	double a, p[3], n[3], p0[3], n0[3];
};

/* Emit group G as a sample (its mean point and normal). */
static int
flush(struct mdf_reacher *r, struct group *g, double off)
{
	double len, p[3], n[3];

	if (g->a == 0)
		return 0;
	len = sqrt(g->n[0] * g->n[0] + g->n[1] * g->n[1] + g->n[2] * g->n[2]);
	for (int k = 0; k < 3; k++) {
		p[k] = g->p[k] / g->a;
		n[k] = len > 0 ? g->n[k] / len : g->n0[k];
	}
	len = g->a;
	g->a = 0;
	return add_sample(r, p, n, len, off);
}

/* Add the triangle of area A, centroid C and unit normal N to group G,
 * first emitting G if the triangle is too far from it, turned from it by
 * more than 20 degrees, or G holds a cell's area. */
static int
merge(struct mdf_reacher *r, struct group *g, double a, const double c[3],
    const double n[3], double cell, double off)
{
	double d2 = 0, dot = 0;

	for (int k = 0; k < 3; k++) {
		d2 += (c[k] - g->p0[k]) * (c[k] - g->p0[k]);
		dot += n[k] * g->n0[k];
	}
	if (g->a > 0 && (d2 > 4 * cell || dot < 0.94 || g->a >= cell) &&
	    flush(r, g, off) < 0)
		return MDF_E_NOMEM;
	if (g->a == 0)
		for (int k = 0; k < 3; k++)
			g->p0[k] = c[k], g->n0[k] = n[k], g->p[k] = g->n[k] = 0;
	g->a += a;
	for (int k = 0; k < 3; k++) {
		g->p[k] += a * c[k];
		g->n[k] += a * n[k];
	}
	return 0;
}

/* Triangle T of M: its cross product (twice its area along its normal)
 * into C, its first corner into A and edges into E1, E2; the length. */
static double
tri_cross(const struct mdf_mesh *m, uint64_t t, double a[3], double e1[3],
    double e2[3], double c[3])
{
	const float *p = m->tri + t * MDF_MESH_TRI_FLOATS + 3;

	for (int k = 0; k < 3; k++) {
		a[k] = p[k];
		e1[k] = (double)p[3 + k] - p[k];
		e2[k] = (double)p[6 + k] - p[k];
	}
	c[0] = e1[1] * e2[2] - e1[2] * e2[1];
	c[1] = e1[2] * e2[0] - e1[0] * e2[2];
	c[2] = e1[0] * e2[1] - e1[1] * e2[0];
	return sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
}

/* The machined samples of mesh M into r->s; their area into
 * out->machined.  A triangle of area a is cut into n x n similar ones,
 * n = ceil(sqrt(a / cell)); those with n = 1 are merged with the
 * triangles next to them in the mesh's order (a group: within a cell's
 * width of its first, turned by at most 20 degrees, up to a cell's
 * area). */
static int
sample_surface(struct mdf_reacher *r, const struct mdf_mesh *m,
    struct mdf_reach *out)
{
	const double res = out->res, off = OFFSET * res;
	double machined = 0, cell, total = 0;
	struct group g = { 0 };

	for (uint64_t t = 0; t < m->n; t++) {
		double a[3], e1[3], e2[3], c[3];

		total += tri_cross(m, t, a, e1, e2, c) / 2;
	}
	cell = fmax(total / BUDGET, SPACING * SPACING * res * res);
	r->ns = 0;
	for (uint64_t t = 0; t < m->n; t++) {
		double a[3], e1[3], e2[3], c[3], len, w, q[3];
		int n;

		if ((len = tri_cross(m, t, a, e1, e2, c)) == 0)
			continue;
		for (int k = 0; k < 3; k++)
			c[k] /= len;
		n = (int)fmin(floor(sqrt(len / 2 / cell) + 0.5), MAXSUB);
		if (n <= 1) {
			for (int k = 0; k < 3; k++)
				q[k] = a[k] + (e1[k] + e2[k]) / 3;
			if (reach_on_stock(out, q, c, 0.01 * res))
				continue;
			machined += len / 2;
			if (merge(r, &g, len / 2, q, c, cell, off) < 0)
				return MDF_E_NOMEM;
			continue;
		}
		/* sub-triangle centroids: (i + 1/3, j + 1/3) / n for the
		 * n (n + 1) / 2 upright ones, (i + 2/3, j + 2/3) / n for the
		 * n (n - 1) / 2 others */
		w = len / 2 / ((double)n * n);
		for (int i = 0; i < n; i++) {
			for (int j = 0; i + j < n; j++) {
				for (int up = 0; up < 2; up++) {
					double u, v;

					if (up == 1 && i + j + 1 >= n)
						break;
					u = (i + (up ? 2.0 : 1.0) / 3) / n;
					v = (j + (up ? 2.0 : 1.0) / 3) / n;
					for (int k = 0; k < 3; k++)
						q[k] = a[k] + u * e1[k] + v * e2[k];
					if (reach_on_stock(out, q, c,
					    0.01 * res))
						continue;
					machined += w;
					if (add_sample(r, q, c, w, off) < 0)
						return MDF_E_NOMEM;
				}
			}
		}
	}
	out->machined = machined;
	return flush(r, &g, off);
}

/* The frame of side DIR's map in the world: the axes of its columns
 * (RA, sign RS) and rows (UA, sign US), and the stock's far corner in
 * columns and rows (NX, NY). */
struct side_frame {
	int ax, ra, ua;
	double sg, rs, us, nx, ny;
	float top, bottom;   /* the stock box's faces, as map heights */
};

static void
side_frame(const struct mdf_reach *out, int dir, const struct mdf_depth_map *mp,
    struct side_frame *f)
{
	double r1, u1;

	f->ax = dir / 2;
	f->sg = dir % 2 ? -1 : 1;
	f->ra = f->ua = 0;
	f->rs = f->us = 0;
	for (int k = 0; k < 3; k++) {
		if (mp->r[k] != 0)
			f->ra = k, f->rs = mp->r[k];
		if (mp->u[k] != 0)
			f->ua = k, f->us = mp->u[k];
	}
	r1 = f->rs > 0 ? out->hi[f->ra] : -out->lo[f->ra];
	u1 = f->us > 0 ? out->lo[f->ua] : -out->hi[f->ua];
	f->nx = (r1 - mp->r0) / mp->res;
	f->ny = (mp->u0 - u1) / mp->res;
	/* heights D . p of the stock's near and far faces, less the map's
	 * offset */
	f->top = (float)((f->sg > 0 ? out->hi[f->ax] : -out->lo[f->ax]) -
	    mp->off);
	f->bottom = (float)((f->sg > 0 ? out->lo[f->ax] : -out->hi[f->ax]) -
	    mp->off);
}

/* The stock's span in the column or row at world coordinate X along
 * axis K (of the map's right or up axis) into TOP, BOT: a bar seen
 * across, where K is its other cross axis; else the box's faces.  0
 * when X lies outside the bar. */
static int
band(const struct mdf_reach *out, const struct side_frame *f,
    const struct mdf_depth_map *mp, int k, double x, float *top, float *bot)
{
	double d, w;

	*top = f->top, *bot = f->bottom;
	if (!out->round || k == out->axis || f->ax == out->axis)
		return 1;
	d = x - out->centre[k];
	if (!(fabs(d) < out->radius))
		return 0;
	w = sqrt(out->radius * out->radius - d * d);
	*top = (float)(f->sg * out->centre[f->ax] + w - mp->off);
	*bot = (float)(f->sg * out->centre[f->ax] - w - mp->off);
	return 1;
}

/* The columns I0 <= i < I1 of the CX whose centre lies within HALF of
 * world coordinate C along the map's right axis. */
static void
chord(const struct side_frame *f, const struct mdf_depth_map *mp,
    uint32_t cx, double c, double half, uint32_t *i0, uint32_t *i1)
{
	/* x(i) = rs (r0 + (i + 1/2) res): |x - c| < half for i in
	 * (a - w, a + w), a = (rs c - r0) / res - 1/2, w = half / res */
	double a = (f->rs * c - mp->r0) / mp->res - 0.5, w = half / mp->res;
	double lo = floor(a - w) + 1, hi = ceil(a + w);

	lo = lo < 0 ? 0 : lo;
	hi = hi > cx ? cx : hi;
	*i0 = (uint32_t)lo;
	*i1 = hi > lo ? (uint32_t)hi : (uint32_t)lo;
}

/* One row's columns I0 <= i < I1: the volume from the stock's span
 * (TOP[i] and BOT[i], or T and B where TOP is NULL) down to the part
 * into *VOL, the columns missing the part into *THR; the last of the
 * CX columns weighs WX. */
static void
row_volume(const float *h, const float *top, const float *bot, float t,
    float b, uint32_t i0, uint32_t i1, uint32_t cx, double wx, double *vol,
    double *thr)
{
	double v = 0, p = 0;
	uint32_t end = i1 == cx ? i1 - 1 : i1;

	for (uint32_t i = i0; i < end; i++) {
		float ti = top ? top[i] : t, bi = top ? bot[i] : b, hi = h[i];
		float hc = hi < bi ? bi : hi > ti ? ti : hi;

		v += (double)(ti - hc);
		p += hi <= bi ? (double)(ti - bi) : 0;
	}
	if (end < i1) {
		float ti = top ? top[end] : t, bi = top ? bot[end] : b;
		float hi = h[end], hc = hi < bi ? bi : hi > ti ? ti : hi;

		v += wx * (double)(ti - hc);
		p += hi <= bi ? wx * (double)(ti - bi) : 0;
	}
	*vol += v;
	*thr += p;
}

static int
cmp_float(const void *x, const void *y)
{
	float a = *(const float *)x, b = *(const float *)y;

	return (a > b) - (a < b);
}

/* The distinct radii of a turned bar's profile, ascending, into
 * r->lev, and for each the far and the near end along the axis of the
 * slabs at least that wide (r->ends[2 j], r->ends[2 j + 1]). */
static void
profile_ends(struct mdf_reacher *r, const struct mdf_reach *out)
{
	const int a = out->axis;
	const double res = out->res, t0 = out->lo[a], t1 = out->hi[a];
	uint32_t n = 0;

	for (uint32_t k = 0; k < out->nprof; k++)
		r->lev[n++] = out->prof[k];
	qsort(r->lev, n, sizeof *r->lev, cmp_float);
	r->nends = 0;
	for (uint32_t k = 0; k < n; k++)
		if (r->nends == 0 || r->lev[k] != r->lev[r->nends - 1])
			r->lev[r->nends++] = r->lev[k];
	for (uint32_t q = 0; q < r->nends; q++) {
		double far = -HUGE_VAL, near = HUGE_VAL;

		for (uint32_t k = 0; k < out->nprof; k++) {
			if (out->prof[k] < r->lev[q])
				continue;
			near = fmin(near, t0 + k * res);
			far = fmax(far, fmin(t1, t0 + (k + 1) * res));
		}
		r->ends[2 * q] = far, r->ends[2 * q + 1] = near;
		r->lev2[q] = (double)r->lev[q] * r->lev[q];
	}
}

/* Side DIR's removable volume VOL and pass-through volume THR, in
 * columns of side RES, counted as COUNT_THROUGH says. */
static void
side_figures(struct mdf_reach *out, int dir, double vol, double thr,
    double res, int count_through)
{
	out->through[dir] = thr * res * res;
	out->vol[dir] = (count_through == MDF_THROUGH_COUNT ? vol :
	    fmax(0, count_through == MDF_THROUGH_HALF ? vol - thr / 2 :
	    vol - thr)) * res * res;
}

/* One column's volume from the stock's span T (top) and B (bottom) down
 * to the part at height H, weighing W, into *VOL, and into *THR when
 * the column misses the part. */
static inline void
column(float h, float t, float b, double w, double *vol, double *thr)
{
	float hc = h < b ? b : h > t ? t : h;

	*vol += w * (double)(t - hc);
	*thr += h <= b ? w * (double)(t - b) : 0;
}

/*
 * side_volume() for a turned bar: each column's span from the profile.
 * Seen along the axis, a column at distance rho from it spans the slabs
 * at least rho wide (a groove between them counts as stock): the level
 * of rho^2 among the squared radii is walked from the column before,
 * as rho changes little from one to the next.  Seen across it, the
 * chord of the slab's circle.  SPAN holds a radius per column.
 */
static void
profile_volume(const struct mdf_reacher *r, int dir,
    const struct mdf_depth_map *mp, const struct side_frame *f, float *span,
    int count_through)
{
	struct mdf_reach *out = r->out;
	const int a = out->axis, o = 3 - a - f->ax;
	const uint32_t s = mp->side, n = r->nends;
	const double res = mp->res, off = mp->off;
	uint32_t cx = (uint32_t)fmin(ceil(f->nx), s);
	uint32_t cy = (uint32_t)fmin(ceil(f->ny), s);
	double vol = 0, thr = 0, wx = f->nx - (cx - 1);
	const double cax = f->sg * out->centre[f->ax];

	if (f->ax != a && f->ra == a) {   /* the profile along the columns */
		for (uint32_t i = 0; i < cx; i++)
			span[i] = (float)reach_profile_at(out, f->rs * (mp->r0 +
			    (i + 0.5) * res));
	}
	for (uint32_t j = 0; j < cy; j++) {
		double wy = j + 1 < cy ? 1 : f->ny - j, v = 0, p = 0;
		double y = f->us * (mp->u0 - (j + 0.5) * res);
		const float *h = mp->h + (size_t)j * s;
		uint32_t q = 0;

		if (f->ax == a) {
			double dy = y - out->centre[f->ua];

			for (uint32_t i = 0; i < cx; i++) {
				double x = f->rs * (mp->r0 + (i + 0.5) * res);
				double dx = x - out->centre[f->ra];
				double rho2 = dx * dx + dy * dy, far, near;

				while (q > 0 && r->lev2[q - 1] >= rho2)
					q--;
				while (q < n && r->lev2[q] < rho2)
					q++;
				if (q >= n)
					continue;
				far = r->ends[2 * q], near = r->ends[2 * q + 1];
				column(h[i], (float)((f->sg > 0 ? far : -near) - off),
				    (float)((f->sg > 0 ? near : -far) - off),
				    i + 1 < cx ? 1 : wx, &v, &p);
			}
		} else {   /* across the axis: the chord of the slab's circle */
			const int along = f->ra == a;   /* the profile in columns */
			double rrow = along ? 0 : reach_profile_at(out, y);
			double urow = y - out->centre[o];

			for (uint32_t i = 0; i < cx; i++) {
				double rt = along ? (double)span[i] : rrow;
				double u = along ? urow : f->rs * (mp->r0 +
				    (i + 0.5) * res) - out->centre[o];
				double rt2 = rt * rt, u2 = u * u, w;

				if (!(u2 < rt2))
					continue;
				w = sqrt(rt2 - u2);
				column(h[i], (float)(cax + w - off),
				    (float)(cax - w - off), i + 1 < cx ? 1 : wx,
				    &v, &p);
			}
		}
		vol += wy * v;
		thr += wy * p;
	}
	side_figures(out, dir, vol, thr, res, count_through);
}

/* Side DIR's removable volume: in each column of the map inside the
 * stock's cross-section, from the stock's surface down to the part;
 * the columns that miss the part also into out->through.  SPAN holds
 * 2 x side floats. */
static void
side_volume(struct mdf_reach *out, int dir, const struct mdf_depth_map *mp,
    const struct side_frame *f, float *span, int count_through)
{
	const uint32_t s = mp->side;
	const double res = mp->res;
	uint32_t cx = (uint32_t)fmin(ceil(f->nx), s);
	uint32_t cy = (uint32_t)fmin(ceil(f->ny), s), c0 = 0, c1 = cx;
	const int disk = out->round && f->ax == out->axis;
	const int across = out->round && !disk && f->ra != out->axis;
	double vol = 0, thr = 0, wx = f->nx - (cx - 1);
	float *top = NULL, *bot = span + s;

	if (across) {   /* the bar seen across, its cross axis the columns' */
		top = span;
		chord(f, mp, cx, out->centre[f->ra], out->radius, &c0, &c1);
		for (uint32_t i = c0; i < c1; i++)
			band(out, f, mp, f->ra, f->rs * (mp->r0 + (i + 0.5) *
			    res), top + i, bot + i);
	}
	for (uint32_t j = 0; j < cy; j++) {
		double wy = j + 1 < cy ? 1 : f->ny - j, v = 0, p = 0;
		double y = f->us * (mp->u0 - (j + 0.5) * res);
		uint32_t i0 = c0, i1 = c1;
		float rt, rb;

		if (!band(out, f, mp, f->ua, y, &rt, &rb))
			continue;
		if (disk) {
			double dy = y - out->centre[f->ua];
			double r2 = out->radius * out->radius - dy * dy;

			if (!(r2 >= 0))
				continue;
			chord(f, mp, cx, out->centre[f->ra], sqrt(r2), &i0,
			    &i1);
		}
		row_volume(mp->h + (size_t)j * s, top, bot, rt, rb, i0, i1, cx,
		    wx, &v, &p);
		vol += wy * v;
		thr += wy * p;
	}
	side_figures(out, dir, vol, thr, res, count_through);
}

/* Side DIR's reach of the samples, from its depth map. */
static void
side_reach(struct mdf_reacher *r, int dir, const struct mdf_depth_map *mp,
    const struct side_frame *f)
{
	struct mdf_reach *out = r->out;
	const uint32_t s = mp->side;
	const double res = mp->res, inv = 1 / res, tol = TOL * res;
	const int ax = f->ax, ra = f->ra, ua = f->ua;
	const double sg = f->sg, rs = f->rs, us = f->us;
	const double xmax = fmin(f->nx, s), ymax = fmin(f->ny, s);
	unsigned char *hit = r->hit + (size_t)dir * r->scap;
	double area = 0;

	/* the samples: open above the offset point, over the 3x3 columns
	 * around it */
	for (size_t i = 0; i < r->ns; i++) {
		const struct sample *sp = r->s + i;
		double h, x, y, lowest = -HUGE_VAL;

		hit[i] = 0;
		if (sg * sp->n[ax] < -0.3)
			continue; /* turned away from the side */
		h = sg * sp->p[ax] - mp->off;
		x = (rs * sp->p[ra] - mp->r0) * inv;
		y = (mp->u0 - us * sp->p[ua]) * inv;
		/* outside the stock: open; else the lowest of the columns
		 * around inside the map */
		if (x >= 0 && y >= 0 && x < xmax && y < ymax) {
			double p[3] = { sp->p[0], sp->p[1], sp->p[2] };
			long ci = (long)x, cj = (long)y;
			long i0 = ci > 0 ? ci - 1 : 0;
			long i1 = ci + 1 < (long)s ? ci + 1 : ci;
			long j0 = cj > 0 ? cj - 1 : 0;
			long j1 = cj + 1 < (long)s ? cj + 1 : cj;
			float lo = HUGE_VALF;

			if (out->round && !reach_in_section(out, ax, p))
				goto open;
			for (long jj = j0; jj <= j1; jj++) {
				const float *hr = mp->h + (size_t)jj * s;

				for (long ii = i0; ii <= i1; ii++)
					lo = hr[ii] < lo ? hr[ii] : lo;
			}
			lowest = lo;
		}
open:
		if (h >= lowest - tol) {
			hit[i] = 1;
			area += sp->w;
		}
	}
	out->area[dir] = area;
}

/* Side DIR's volume and reach of the samples, from its depth map. */
static void
measure_side(struct mdf_reacher *r, unsigned worker, int dir,
    const struct mdf_depth_map *mp)
{
	struct side_frame f;

	side_frame(r->out, dir, mp, &f);
	if (r->out->nprof)
		profile_volume(r, dir, mp, &f, r->span + (size_t)worker * 2 *
		    r->rdside, r->o.count_through);
	else
		side_volume(r->out, dir, mp, &f, r->span + (size_t)worker * 2 *
		    r->rdside, r->o.count_through);
	side_reach(r, dir, mp, &f);
}

struct job {
	struct mdf_reacher *r;
	unsigned worker;
	pthread_t tid;
};

/* Sides handed out dynamically; each is drawn and measured whole by one
 * worker. */
static void *
work(void *arg)
{
	struct job *j = arg;
	struct mdf_reacher *r = j->r;
	int dir;

	while ((dir = atomic_fetch_add(&r->next, 1)) < 6) {
		struct mdf_depth_map mp;
		char why[200];

		if (mdf_render_depth(r->rd, j->worker, dir, r->out->lo,
		    r->out->hi, r->out->res, &mp, why, sizeof why) < 0) {
			pthread_mutex_lock(&r->lock);
			snprintf(r->why, sizeof r->why, "side %s: %s",
			    mdf_dir_name(dir), why);
			r->rc = MDF_E_INVAL;
			pthread_mutex_unlock(&r->lock);
			continue;
		}
		measure_side(r, j->worker, dir, &mp);
	}
	return NULL;
}

/* Draw and measure the six sides on up to o.threads workers (the
 * calling thread is worker 0). */
static int
run_sides(struct mdf_reacher *r, char *why, size_t whylen)
{
	struct job job[6];
	unsigned started = 0;

	r->rc = 0;
	r->why[0] = '\0';
	atomic_store(&r->next, 0);
	for (unsigned i = 0; i < r->o.threads; i++)
		job[i].r = r, job[i].worker = i;
	for (unsigned i = 1; i < r->o.threads; i++) {
		if (pthread_create(&job[i].tid, NULL, work, &job[i]) != 0)
			break;
		started = i;
	}
	work(&job[0]);
	for (unsigned i = 1; i <= started; i++)
		pthread_join(job[i].tid, NULL);
	if (r->rc < 0) {
		snprintf(why, whylen, "%s", r->why);
		return MDF_E_INVAL;
	}
	return 0;
}

/* The renderer for maps of SIDE samples, sized for the largest so far;
 * the sample arrays for the current samples. */
static int
buffers(struct mdf_reacher *r, uint32_t side)
{
	if (r->rd == NULL || side > r->rdside) {
		struct mdf_render_opts ro;

		mdf_renderer_free(r->rd);
		free(r->span);
		r->span = NULL;
		mdf_render_opts_default(&ro);
		ro.size = side > r->rdside ? side : r->rdside;
		ro.threads = r->o.threads;
		r->rd = mdf_renderer_new(&ro);
		r->rdside = r->rd != NULL ? ro.size : 0;
		if (r->rd == NULL)
			return MDF_E_NOMEM;
	}
	if (r->span == NULL) {
		r->span = malloc((size_t)r->o.threads * 2 * r->rdside *
		    sizeof *r->span);
		if (r->span == NULL)
			return MDF_E_NOMEM;
	}
	free(r->hit);
	r->hit = malloc(6 * (r->scap ? r->scap : 1));
	return r->hit == NULL ? MDF_E_NOMEM : 0;
}

int
mdf_reach(struct mdf_reacher *r, const struct mdf_mesh *m,
    struct mdf_reach *out, char *why, size_t whylen)
{
	double lo[3], hi[3], bins[64] = { 0 };
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = part_box(m, lo, hi, why, whylen)) < 0 ||
	    (rc = stock(&r->o, m, lo, hi, out, why, whylen)) < 0)
		return rc;
	reach_turned_profile(m, out, r->prof);
	if (out->nprof)
		profile_ends(r, out);
	if (sample_surface(r, m, out) < 0 || buffers(r, out->side) < 0 ||
	    mdf_render_prepare(r->rd, m, 6, why, whylen) < 0) {
		snprintf(why, whylen, "out of memory");
		return MDF_E_NOMEM;
	}
	r->out = out;
	if ((rc = run_sides(r, why, whylen)) < 0)
		return rc;
	/* the machined area by the sides that reach it */
	for (size_t i = 0; i < r->ns; i++) {
		unsigned mask = 0;

		for (int d = 0; d < 6; d++)
			mask |= (unsigned)r->hit[(size_t)d * r->scap + i] << d;
		bins[mask] += r->s[i].w;
	}
	out->undercut = bins[0];
	out->setups = mdf_reach_cover(bins, out->vol, r->o.cover_tol);
	for (int d = 0; d < 6; d++)
		out->nsetups += (int)(out->setups >> d & 1);
	mdf_reach_label(out, r->o.min_margin);
	return 0;
}
