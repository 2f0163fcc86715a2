/*
 * CAD-grade generated workpieces (partgen --style cad): the sampler of
 * lib/cad/cadgen.c draws a stock and machining features as cutting tools,
 * the kernel (cad.h) cuts them, measures what each side removed and
 * tessellates the result.  Private to libmdfcad.
 */
#ifndef MILLDIR_CADGEN_H
#define MILLDIR_CADGEN_H

#include <stddef.h>
#include <stdint.h>

#include "cad/cad.h"
#include "milldir/partgen.h"

struct mdf_frame;

struct mdf_cadpart {
	int label;              /* enum mdf_dir */
	const char *stock;      /* box, plate, bar, disk, cylinder, L, stepped */
	const char *edges;      /* sharp, fillet, chamfer */
	double size[3];         /* stock bounding box, mm */
	double offset[3];       /* where its low corner lies */
	int features, distractors;
	double removed[6];      /* volume removed from each side, mm^3 */
	double stock_volume, volume;
	double margin;          /* removed[label] / the next largest (0: inf) */
	double tolerance, angular; /* the tessellation's deflections */
	char list[512];         /* features, label side first: "pocket,hole;slot" */
	int attempts;
	float *tri;             /* MESH payload layout */
	size_t ntri;
	struct mdf_cad_shape *shape;
};

/* Build part INDEX of G in the CAD style.  MDF_E_INVAL (WHY) for bad
 * settings or no valid part after many attempts, MDF_E_NOMEM. */
int mdf_cadgen_make(const struct mdf_partgen *g, uint64_t index,
    struct mdf_cadpart *p, char *why, size_t whylen);
void mdf_cadpart_free(struct mdf_cadpart *p);

/* The MESH frame of P with partgen's metadata (mdf_part_frame) and
 * part.style=cad, part.stock, part.edges, part.features, part.margin,
 * part.volume, part.tolerance. */
int mdf_cadpart_frame(const struct mdf_partgen *g, const struct mdf_cadpart *p,
    const char *name, uint64_t num, struct mdf_frame *f);

/* Is the mesh closed and consistently wound: every edge (exact vertex
 * coordinates) used once in each direction.  1 yes, 0 no, MDF_E_NOMEM. */
int mdf_cad_mesh_closed(const float *tri, size_t n);

#endif
