/*
 * Inside lib/reach: the stock of a part (stock.c), shared by the
 * measurement (reach.c).
 */
#ifndef MILLDIR_REACHINT_H
#define MILLDIR_REACHINT_H

#include "milldir/reach.h"
#include "milldir/types.h"

/* With OUT's box LO..HI the part's bounding box: make OUT's stock the
 * round bar of least volume that holds mesh M, when one is smaller than
 * that box (reach(1), Stock); else leave the box.  Sets round, axis,
 * centre, radius, stock_volume and, for a bar, lo and hi. */
void reach_round_stock(const struct mdf_mesh *m, const double lo[3],
    const double hi[3], struct mdf_reach *out);

/* With OUT a round bar of resolution RES: its turned profile, the
 * largest distance of the part's surface from the axis in each slab of
 * RES along the axis, into PROF (MDF_REACH_MAX_PIXELS floats), and
 * OUT's nprof, prof, turned and stock_volume from it; a profile
 * everywhere at the bar's radius leaves a plain bar (nprof 0). */
void reach_turned_profile(const struct mdf_mesh *m, struct mdf_reach *out,
    float *prof);
/* A turned bar's radius at coordinate T along its axis (its radius
 * outside the profile). */
double reach_profile_at(const struct mdf_reach *s, double t);
/* Does point P with unit normal N lie on the stock's surface S (within
 * TOL): on a face of the box, or on a bar's ends or round face? */
int reach_on_stock(const struct mdf_reach *s, const double p[3],
    const double n[3], double tol);

/* Does point P lie in the cross-section of stock S seen along axis AX
 * (a bar's disk, or the band between its two tangent planes, or for a
 * box anything)? */
int reach_in_section(const struct mdf_reach *s, int ax, const double p[3]);

#endif
