/*
 * Orthographic depth maps along the axes (see milldir/render.h): the
 * rasteriser of the views (raster.c, its fill rule and depth roundings)
 * framed on a box at a given resolution rather than on the bounding
 * sphere, its depth keys turned into heights along the axis.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rasterint.h"

/* the views of sides +X -X +Y -Y +Z -Z (az, el) */
static const struct mdf_view axis_view[6] = {
	{ 0, 0 }, { 180, 0 }, { 90, 0 }, { 270, 0 }, { 0, 90 }, { 0, -90 },
};

/* the least and greatest of A . p over box LO..HI */
static void
span(const double a[3], const double lo[3], const double hi[3],
    double *mn, double *mx)
{
	*mn = *mx = 0;
	for (int k = 0; k < 3; k++) {
		double x = a[k] * lo[k], y = a[k] * hi[k];

		*mn += x < y ? x : y;
		*mx += x < y ? y : x;
	}
}

uint32_t
mdf_render_depth_side(int dir, const double lo[3], const double hi[3],
    double res)
{
	struct basis b;
	double r0, r1, u0, u1, n;

	if (dir < 0 || dir > 5 || !(res > 0))
		return 0;
	rast_view_basis(&axis_view[dir], &b);
	span(b.r, lo, hi, &r0, &r1);
	span(b.u, lo, hi, &u0, &u1);
	n = ceil(fmax(r1 - r0, u1 - u0) / res);
	if (!(n <= MDF_RENDER_MAX_SAMPLES))
		return 0;
	return n < 1 ? 1 : (uint32_t)n;
}

int
mdf_render_depth(struct mdf_renderer *rd, unsigned worker, int dir,
    const double lo[3], const double hi[3], double res,
    struct mdf_depth_map *map, char *why, size_t whylen)
{
	unsigned nw = rd->nw < rd->prepared ? rd->nw : (unsigned)rd->prepared;
	uint32_t s = mdf_render_depth_side(dir, lo, hi, res);
	struct rast_frame fr;
	struct basis b;
	struct worker *w;
	double r1, u1, d0, d1;

	if (s == 0 || worker >= nw || rd->o.fov != 0 || rd->o.ssaa != 1 ||
	    s > rd->s) {
		snprintf(why, whylen, "%s", s == 0 ? "bad side or resolution" :
		    worker >= nw ? "no such worker prepared" :
		    s > rd->s ? "the map exceeds the renderer's size" :
		    "depth maps are orthographic without supersampling");
		return MDF_E_INVAL;
	}
	for (int a = 0; a < 3 && rd->nt > 0; a++) {
		if (rd->lo[a] < lo[a] || rd->hi[a] > hi[a]) {
			snprintf(why, whylen, "the mesh leaves the box");
			return MDF_E_INVAL;
		}
	}
	w = &rd->w[worker];
	rast_view_basis(&axis_view[dir], &b);
	span(b.r, lo, hi, &map->r0, &r1);
	span(b.u, lo, hi, &u1, &map->u0);
	span(b.d, lo, hi, &d0, &d1);
	/* the centre such that column 0 starts at r0 and row 0 at u0 */
	for (int k = 0; k < 3; k++)
		fr.c[k] = b.r[k] * (map->r0 + s * res / 2) +
		    b.u[k] * (map->u0 - s * res / 2) + b.d[k] * (d0 + d1) / 2;
	fr.k = ONE / res;
	fr.s = (int32_t)s;
	rast_draw_view(rd, w, &b, &fr, 0);
	/* depth keys are D . p - D . c */
	map->off = b.d[0] * fr.c[0] + b.d[1] * fr.c[1] + b.d[2] * fr.c[2];
	map->h = w->z;
	map->side = s;
	map->res = res;
	memcpy(map->r, b.r, sizeof b.r);
	memcpy(map->u, b.u, sizeof b.u);
	memcpy(map->d, b.d, sizeof b.d);
	return 0;
}
