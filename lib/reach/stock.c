/*
 * The stock of a part for reach(1): the raw material it was cut from.
 * A box (the bounding box, grown by a margin, or given), or with
 * MDF_STOCK_AUTO a round bar when one holds the part in less volume
 * than its bounding box: turned parts, rods with flats, disks.
 *
 * The round bar along axis A: its radius R0 is the larger half-extent
 * of the bounding box across A, its centre the box's middle in a
 * direction of that full width, and in the other direction (which a
 * flat may have cut short) the middle, min + R0 or max - R0.  A centre
 * is accepted when every vertex lies within R0 (1 + MDF_REACH_ROUND_TOL)
 * of the axis (a tessellated circle's box may be narrower than the
 * circle); the bar's radius is then the largest distance of a vertex
 * from the axis.  Of the accepted bars and the bounding box, the one of
 * least volume is the stock (the box on a tie; among bars the first
 * axis, then the first centre, in the order above).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "milldir/reach.h"
#include "reachint.h"

/* The largest squared distance of a vertex of M from the line along
 * axis A through (CB, CC) in the other two axes B < C; more than LIMIT2
 * as soon as one vertex lies further than that. */
static double
reach2(const struct mdf_mesh *m, int b, int c, double cb, double cc,
    double limit2)
{
	double best = 0;

	for (uint64_t t = 0; t < m->n; t++) {
		const float *p = m->tri + t * MDF_MESH_TRI_FLOATS + 3;

		for (int k = 0; k < 9; k += 3) {
			double db = p[k + b] - cb, dc = p[k + c] - cc;
			double d2 = db * db + dc * dc;

			if (d2 > best) {
				if (d2 > limit2)
					return d2;
				best = d2;
			}
		}
	}
	return best;
}

/* The centres to try across axis A in direction X of half-extent H,
 * the larger half-extent being R0: the middle, and where X is cut
 * short, min + R0 and max - R0. */
static int
centres(const double lo[3], const double hi[3], int x, double h, double r0,
    double out[3])
{
	int n = 0;

	out[n++] = (lo[x] + hi[x]) / 2;
	if (h < r0) {
		out[n++] = lo[x] + r0;
		out[n++] = hi[x] - r0;
	}
	return n;
}

void
reach_round_stock(const struct mdf_mesh *m, const double lo[3],
    const double hi[3], struct mdf_reach *out)
{
	double best = 1;

	for (int a = 0; a < 3; a++)
		best *= hi[a] - lo[a];
	out->round = 0;
	out->stock_volume = best;
	for (int a = 0; a < 3; a++) {
		int b = a == 0 ? 1 : 0, c = a == 2 ? 1 : 2, nb, nc;
		double hb = (hi[b] - lo[b]) / 2, hc = (hi[c] - lo[c]) / 2;
		double r0 = fmax(hb, hc), len = hi[a] - lo[a], cb[3], cc[3];
		double lim2 = r0 * (1 + MDF_REACH_ROUND_TOL);

		/* a vertex at the full width lies R0 from the axis: no bar
		 * along A is smaller than pi R0^2 len */
		if (!(r0 > 0) || !(len > 0) || !(M_PI * r0 * r0 * len < best))
			continue;
		lim2 *= lim2;
		nb = centres(lo, hi, b, hb, r0, cb);
		nc = centres(lo, hi, c, hc, r0, cc);
		for (int i = 0; i < nb; i++) {
			for (int j = 0; j < nc; j++) {
				double d2, v;

				d2 = reach2(m, b, c, cb[i], cc[j], lim2);
				v = M_PI * d2 * len;
				if (d2 > lim2 || !(v < best))
					continue;
				best = v;
				out->round = 1;
				out->axis = a;
				out->centre[a] = 0;
				out->centre[b] = cb[i];
				out->centre[c] = cc[j];
				out->radius = sqrt(d2);
			}
		}
	}
	if (!out->round)
		return;
	out->stock_volume = best;
	for (int k = 0; k < 3; k++) {
		if (k == out->axis) {
			out->lo[k] = lo[k], out->hi[k] = hi[k];
			continue;
		}
		out->lo[k] = out->centre[k] - out->radius;
		out->hi[k] = out->centre[k] + out->radius;
	}
}

int
reach_on_stock(const struct mdf_reach *s, const double p[3],
    const double n[3], double tol)
{
	int a = s->axis;
	double rb, rc, d;
	int b, c;

	for (int k = 0; k < 3; k++) {
		if (s->round && k != a)
			continue;
		if (n[k] > 0.999 && p[k] >= s->hi[k] - tol)
			return 1;
		if (n[k] < -0.999 && p[k] <= s->lo[k] + tol)
			return 1;
	}
	if (!s->round)
		return 0;
	/* on the bar's round face (or a turned bar's profile): far out and
	 * facing away from the axis */
	b = a == 0 ? 1 : 0, c = a == 2 ? 1 : 2;
	rb = p[b] - s->centre[b], rc = p[c] - s->centre[c];
	d = sqrt(rb * rb + rc * rc);
	if (s->nprof && fabs(n[a]) > 0.999) {
		/* a turned shoulder: the profile narrower beyond it, as wide
		 * behind it */
		double sg = n[a] > 0 ? s->res : -s->res;

		return d >= reach_profile_at(s, p[a] + sg) - tol &&
		    d <= reach_profile_at(s, p[a] - sg) + tol;
	}
	return d >= reach_profile_at(s, p[a]) * (1 - MDF_REACH_ROUND_TOL) -
	    tol && n[b] * rb + n[c] * rc > 0.99 * d;
}

int
reach_in_section(const struct mdf_reach *s, int ax, const double p[3])
{
	int a = s->axis, b = a == 0 ? 1 : 0, c = a == 2 ? 1 : 2;
	double rb, rc;

	if (!s->round)
		return 1;
	rb = p[b] - s->centre[b], rc = p[c] - s->centre[c];
	if (ax == a)
		return rb * rb + rc * rc <= s->radius * s->radius;
	/* seen across the bar: the band of the other cross axis (of the
	 * profile's slab) */
	return fabs(ax == b ? rc : rb) < reach_profile_at(s, p[a]);
}

/* Raise the slabs next to the plane at T (in slabs from the bar's end,
 * a whole number) to R. */
static void
raise2(float *prof, uint32_t n, double t, double r)
{
	long k = (long)t;

	if (k - 1 >= 0 && k - 1 < (long)n && r > prof[k - 1])
		prof[k - 1] = (float)r;
	if (k >= 0 && k < (long)n && r > prof[k])
		prof[k] = (float)r;
}

/*
 * The turned profile.  The distance from the axis is convex along a
 * straight line, so its largest value over a triangle's part within a
 * slab lies on a vertex of that part: a vertex of the triangle inside
 * the slab, or where an edge crosses one of the slab's planes.
 */
void
reach_turned_profile(const struct mdf_mesh *m, struct mdf_reach *out,
    float *prof)
{
	const int a = out->axis, b = a == 0 ? 1 : 0, c = a == 2 ? 1 : 2;
	const double t0 = out->lo[a], len = out->hi[a] - t0, res = out->res;
	const double snap = out->radius * (1 - 1e-3);
	double n = ceil(len / res), vol = 0;
	uint32_t nk, full = 0;

	out->nprof = 0, out->prof = NULL, out->turned = 0;
	if (!out->round || !(n >= 1) || n > MDF_REACH_MAX_PIXELS)
		return;
	nk = (uint32_t)n;
	memset(prof, 0, nk * sizeof *prof);
	for (uint64_t t = 0; t < m->n; t++) {
		const float *p = m->tri + t * MDF_MESH_TRI_FLOATS + 3;
		double s[3], r[3];

		for (int k = 0; k < 3; k++) {
			double db = p[3 * k + b] - out->centre[b];
			double dc = p[3 * k + c] - out->centre[c];
			long i;

			s[k] = (p[3 * k + a] - t0) / res;
			r[k] = sqrt(db * db + dc * dc);
			i = (long)floor(s[k]);
			i = i < 0 ? 0 : i >= (long)nk ? (long)nk - 1 : i;
			if (r[k] > prof[i])
				prof[i] = (float)r[k];
		}
		for (int k = 0; k < 3; k++) {
			int j = (k + 1) % 3;
			double lo = fmin(s[k], s[j]), hi = fmax(s[k], s[j]);

			if (!(hi > lo))
				continue;
			for (double q = ceil(lo); q <= hi && q <= nk; q++) {
				double f = (q - s[k]) / (s[j] - s[k]);
				const float *pk = p + 3 * k, *pj = p + 3 * j;
				double db = pk[b] + f * (pj[b] - pk[b]) -
				    out->centre[b];
				double dc = pk[c] + f * (pj[c] - pk[c]) -
				    out->centre[c];

				raise2(prof, nk, q, sqrt(db * db + dc * dc));
			}
		}
	}
	for (uint32_t k = 0; k < nk; k++) {
		double w = k + 1 < nk ? res : len - k * res;

		if (prof[k] >= snap) {
			prof[k] = (float)out->radius;
			full++;
		}
		vol += M_PI * (double)prof[k] * prof[k] * w;
	}
	if (full == nk)
		return;   /* a plain bar */
	out->nprof = nk, out->prof = prof;
	out->turned = out->stock_volume - vol;
	out->stock_volume = vol;
}

double
reach_profile_at(const struct mdf_reach *s, double t)
{
	long k;

	if (!s->nprof)
		return s->radius;
	k = (long)floor((t - s->lo[s->axis]) / s->res);
	if (k < 0 || k >= (long)s->nprof)
		return s->radius;
	return s->prof[k];
}
