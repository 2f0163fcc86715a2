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
	o->stock = MDF_STOCK_BBOX;
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
	else if (o->stock < MDF_STOCK_BBOX || o->stock > MDF_STOCK_BOX)
		bad = "unknown stock";
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

/* The stock and the resolution of OUT for a part of box LO..HI. */
static int
stock(const struct mdf_reach_opts *o, const double lo[3], const double hi[3],
    struct mdf_reach *out, char *why, size_t whylen)
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
		longest = fmax(longest, out->hi[a] - out->lo[a]);
	}
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

/* Is point P with normal N on a face of the stock LO..HI (within TOL)? */
static int
on_stock(const double p[3], const double n[3], const double lo[3],
    const double hi[3], double tol)
{
	for (int a = 0; a < 3; a++) {
		if (n[a] > 0.999 && p[a] >= hi[a] - tol)
			return 1;
		if (n[a] < -0.999 && p[a] <= lo[a] + tol)
			return 1;
	}
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

/* The machined samples of mesh M into r->s; their area into
 * out->machined. */
static int
sample_surface(struct mdf_reacher *r, const struct mdf_mesh *m,
    struct mdf_reach *out)
{
	const double res = out->res;
	double machined = 0, cell, total = 0;

	for (uint64_t t = 0; t < m->n; t++) {
		const float *p = m->tri + t * MDF_MESH_TRI_FLOATS + 3;
		double e1[3], e2[3], c[3];

		for (int k = 0; k < 3; k++) {
			e1[k] = (double)p[3 + k] - p[k];
			e2[k] = (double)p[6 + k] - p[k];
		}
		c[0] = e1[1] * e2[2] - e1[2] * e2[1];
		c[1] = e1[2] * e2[0] - e1[0] * e2[2];
		c[2] = e1[0] * e2[1] - e1[1] * e2[0];
		total += sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]) / 2;
	}
	cell = fmax(total / BUDGET, SPACING * SPACING * res * res);
	r->ns = 0;
	for (uint64_t t = 0; t < m->n; t++) {
		const float *p = m->tri + t * MDF_MESH_TRI_FLOATS + 3;
		double a[3], e1[3], e2[3], c[3], len;
		int n;

		for (int k = 0; k < 3; k++) {
			a[k] = p[k];
			e1[k] = (double)p[3 + k] - p[k];
			e2[k] = (double)p[6 + k] - p[k];
		}
		c[0] = e1[1] * e2[2] - e1[2] * e2[1];
		c[1] = e1[2] * e2[0] - e1[0] * e2[2];
		c[2] = e1[0] * e2[1] - e1[1] * e2[0];
		len = sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
		if (len == 0)
			continue;
		for (int k = 0; k < 3; k++)
			c[k] /= len;
		n = (int)fmin(ceil(sqrt(len / 2 / cell)), MAXSUB);
		n = n < 1 ? 1 : n;
		/* sub-triangle centroids: (i + 1/3, j + 1/3) / n for the
		 * n (n + 1) / 2 upright ones, (i + 2/3, j + 2/3) / n for the
		 * n (n - 1) / 2 others */
		double w = len / 2 / ((double)n * n);

		for (int i = 0; i < n; i++) {
			for (int j = 0; i + j < n; j++) {
				for (int up = 0; up < 2; up++) {
					double u, v, q[3];

					if (up == 1 && i + j + 1 >= n)
						break;
					u = (i + (up ? 2.0 : 1.0) / 3) / n;
					v = (j + (up ? 2.0 : 1.0) / 3) / n;
					for (int k = 0; k < 3; k++)
						q[k] = a[k] + u * e1[k] + v * e2[k];
					if (on_stock(q, c, out->lo, out->hi,
					    0.01 * res))
						continue;
					machined += w;
					if (add_sample(r, q, c, w,
					    OFFSET * res) < 0)
						return MDF_E_NOMEM;
				}
			}
		}
	}
	out->machined = machined;
	return 0;
}

/* Side DIR's volume and reach of the samples, from its depth map. */
static void
measure_side(struct mdf_reacher *r, int dir, const struct mdf_depth_map *mp)
{
	struct mdf_reach *out = r->out;
	const uint32_t s = mp->side;
	const double res = mp->res;
	const int ax = dir / 2;
	const double sg = dir % 2 ? -1 : 1;
	/* heights D . p of the stock's near and far faces, less the map's
	 * offset */
	const double top = (sg > 0 ? out->hi[ax] : -out->lo[ax]) - mp->off;
	const double bottom = (sg > 0 ? out->lo[ax] : -out->hi[ax]) - mp->off;
	int ra = 0, ua = 0;
	double rs = 0, us = 0, r1 = 0, u1 = 0, vol = 0, area = 0;
	unsigned char *hit = r->hit + (size_t)dir * r->scap;

	for (int k = 0; k < 3; k++) {
		if (mp->r[k] != 0)
			ra = k, rs = mp->r[k];
		if (mp->u[k] != 0)
			ua = k, us = mp->u[k];
	}
	r1 = rs > 0 ? out->hi[ra] : -out->lo[ra];
	u1 = us > 0 ? out->lo[ua] : -out->hi[ua];
	/* each column's share of a sample inside the stock: all but the
	 * last row and column of the stock's, whose shares are partial */
	double nx = (r1 - mp->r0) / res, ny = (mp->u0 - u1) / res;
	uint32_t cx = (uint32_t)fmin(ceil(nx), s), cy = (uint32_t)fmin(ceil(ny), s);

	for (uint32_t j = 0; j < cy; j++) {
		const float *hr = mp->h + (size_t)j * s;
		double wy = j + 1 < cy ? 1 : ny - j, row = 0;
		float fb = (float)bottom, ft = (float)top;

		for (uint32_t i = 0; i + 1 < cx; i++) {
			float h = hr[i];

			h = h < fb ? fb : h > ft ? ft : h;
			row += (double)(ft - h);
		}
		if (cx > 0) {
			float h = hr[cx - 1];

			h = h < fb ? fb : h > ft ? ft : h;
			row += (nx - (cx - 1)) * (double)(ft - h);
		}
		vol += wy * row;
	}
	out->vol[dir] = vol * res * res;
	/* the samples: open above the offset point, over the 3x3 columns
	 * around it */
	for (size_t i = 0; i < r->ns; i++) {
		const struct sample *sp = r->s + i;
		double nd = sg * sp->n[ax], h, x, y, lowest = HUGE_VAL;
		long ci, cj;

		hit[i] = 0;
		if (nd < -0.3)
			continue; /* turned away from the side */
		h = sg * sp->p[ax] - mp->off;
		x = (rs * sp->p[ra] - mp->r0) / res;
		y = (mp->u0 - us * sp->p[ua]) / res;
		ci = (long)floor(x), cj = (long)floor(y);
		/* outside the stock: open; else the lowest of the columns
		 * around inside the map */
		if (ci < 0 || cj < 0 || ci >= (long)s || cj >= (long)s ||
		    x > (r1 - mp->r0) / res || y > (mp->u0 - u1) / res)
			lowest = -HUGE_VAL;
		else {
			long i0 = ci > 0 ? ci - 1 : 0, i1 = ci + 1 < (long)s ?
			    ci + 1 : ci, j0 = cj > 0 ? cj - 1 : 0;
			long j1 = cj + 1 < (long)s ? cj + 1 : cj;

			for (long jj = j0; jj <= j1; jj++) {
				const float *hr = mp->h + (size_t)jj * s;

				for (long ii = i0; ii <= i1; ii++)
					lowest = hr[ii] < lowest ? hr[ii] :
					    lowest;
			}
		}
		if (h >= lowest - TOL * res) {
			hit[i] = 1;
			area += sp->w;
		}
	}
	out->area[dir] = area;
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
		measure_side(r, dir, &mp);
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
		mdf_render_opts_default(&ro);
		ro.size = side > r->rdside ? side : r->rdside;
		ro.threads = r->o.threads;
		r->rd = mdf_renderer_new(&ro);
		r->rdside = r->rd != NULL ? ro.size : 0;
		if (r->rd == NULL)
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
	    (rc = stock(&r->o, lo, hi, out, why, whylen)) < 0)
		return rc;
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
