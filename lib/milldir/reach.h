/*
 * Reach analysis: what a 3-axis tool moving along each axis can reach of
 * a part (reach(1) has the definitions in full).
 *
 * Per side d of +X -X +Y -Y +Z -Z (enum mdf_dir), from the orthographic
 * depth map of the part seen from d (milldir/render.h, the rasteriser of
 * the views and its fill rule), at RES world units a sample:
 *   - the removable volume: the stock (a round bar holding the part when
 *     one is smaller than its axis-aligned bounding box, that box, the
 *     box grown by a margin, or a given box holding the part)
 *     minus the part, as far as a tool coming from d reaches it: in each
 *     column along d that ends on the part, from the stock's surface on
 *     side d down to the first surface of the part; the columns that
 *     pass the whole stock without touching the part are counted apart
 *     (the pass-through volume);
 *   - the reachable area: the machined surface (the part's surface that
 *     does not lie on a face of the stock) whose points, moved 1.5
 *     samples off the surface along its normal, lie in that removable
 *     region (within half a sample, over the 3x3 samples around);
 * and for the part:
 *   - the set-ups: a smallest set of sides that together reach all of
 *     the machined surface any side reaches (up to a tolerance, a share
 *     of it), ties going to the set that removes the most volume, then
 *     to the first in side order;
 *   - the undercut: the machined area no side reaches;
 *   - the label: the side that removes the most volume; the margin, its
 *     share of the six volumes minus the second's; ambiguous when the
 *     margin is below a minimum (or nothing is removable).
 * The same numbers for any thread count.
 */
#ifndef MILLDIR_REACH_H
#define MILLDIR_REACH_H

#include <stddef.h>
#include <stdint.h>

#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

enum mdf_reach_stock {
	MDF_STOCK_BBOX = 0,   /* the part's bounding box */
	MDF_STOCK_MARGIN = 1, /* the box grown by margin on every side */
	MDF_STOCK_BOX = 2,    /* box lo..hi, grown to hold the part */
	MDF_STOCK_AUTO = 3,   /* a round bar holding the part, when one is
				 smaller than the bounding box (reach(1)) */
};

/* how the columns that pass the whole stock count in a side's volume */
enum mdf_reach_through {
	MDF_THROUGH_APART = 0, /* not at all (only in through[]) */
	MDF_THROUGH_COUNT = 1, /* whole (the default) */
	MDF_THROUGH_HALF = 2,  /* half */
};

/* a round stock holds every vertex within its radius times 1 + this */
#define MDF_REACH_ROUND_TOL 0.05

#define MDF_REACH_DEFAULT_PIXELS 256
#define MDF_REACH_MAX_PIXELS 4096

struct mdf_reach_opts {
	double res;          /* world units a sample; 0: from pixels */
	uint32_t pixels;     /* samples along the stock's longest side */
	int stock;           /* enum mdf_reach_stock */
	double margin;       /* MDF_STOCK_MARGIN */
	double lo[3], hi[3]; /* MDF_STOCK_BOX */
	int count_through;   /* enum mdf_reach_through */
	double min_margin;   /* below: ambiguous (default 0.05) */
	double cover_tol;    /* share of the reachable machined area a set of
				set-ups may leave out (default 0.002) */
	unsigned threads;    /* sides drawn at once (1..6) */
};

struct mdf_reach {
	double lo[3], hi[3]; /* the stock's box */
	int round;           /* the stock is a cylinder in that box: */
	int axis;            /*   along this axis (0 X, 1 Y, 2 Z), */
	double centre[3];    /*   through this point (axis coordinate 0), */
	double radius;       /*   of this radius */
	uint32_t nprof;      /* a turned bar: its radius in each of NPROF
				slabs of RES along the axis from lo[axis]
				(0: a plain bar; owned by the reacher) */
	const float *prof;
	double turned;       /* the bar's volume outside the profile */
	double stock_volume;
	double res;          /* world units a sample */
	uint32_t side;       /* samples along the stock's longest side */
	double vol[6];       /* removable volume per side: the columns that
				end on the part, and the others as
				count_through says */
	double through[6];   /* the columns that pass the whole stock */
	double share[6];     /* vol / the sum of the six (1/6 each if 0) */
	double area[6];      /* reachable machined area per side */
	double machined;     /* machined area */
	double undercut;     /* machined area no side reaches */
	unsigned setups;     /* bit d: side d is a set-up */
	int nsetups;
	int best;            /* the side removing the most */
	int ambiguous;       /* margin below the minimum */
	double margin;       /* best share minus the second */
};

void mdf_reach_opts_default(struct mdf_reach_opts *o);
/* MDF_E_INVAL with a reason for an option out of range. */
int mdf_reach_opts_check(const struct mdf_reach_opts *o, char *why,
    size_t whylen);

struct mdf_reacher;
/* NULL for bad options or no memory. */
struct mdf_reacher *mdf_reacher_new(const struct mdf_reach_opts *o);
void mdf_reacher_free(struct mdf_reacher *r);

/* Measure mesh M (closed and outward for the volumes to mean what they
 * say).  MDF_E_META with a reason naming the triangle for a non-finite
 * vertex, for a mesh without area, or a stock needing more than
 * MDF_REACH_MAX_PIXELS samples a side; MDF_E_NOMEM. */
int mdf_reach(struct mdf_reacher *r, const struct mdf_mesh *m,
    struct mdf_reach *out, char *why, size_t whylen);

/* The set-ups of a part from the machined area of each reach mask (bit d:
 * reached from side d), AREA[0..63], and the side volumes VOL (ties); the
 * mask of the chosen sides.  Used by mdf_reach(). */
unsigned mdf_reach_cover(const double area[64], const double vol[6],
    double tol);

/* Shares, best side, margin and ambiguity of R from its volumes. */
void mdf_reach_label(struct mdf_reach *r, double min_margin);

/* Set the figures as metadata of F: reach.px ... reach.mz, reach.area.px
 * ... reach.area.mz, reach.machined, reach.undercut, reach.setups (a
 * list like "+Z,-X", or "none"), reach.label (a side or "ambiguous"),
 * reach.margin, reach.through.x .y .z (the pass-through volumes),
 * reach.stock (X0,Y0,Z0:X1,Y1,Z1, or cylinder:A:C1,C2,R:A0,A1 for a bar),
 * reach.turned (a turned bar's volume outside its profile) and
 * reach.resolution.
 * MDF_E_NOMEM. */
int mdf_reach_set_meta(struct mdf_frame *f, const struct mdf_reach *r);

#ifdef __cplusplus
}
#endif
#endif
