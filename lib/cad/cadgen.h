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
	const char *stock;      /* mdf_cadgen_stock_name */
	const char *edges;      /* sharp, fillet, chamfer */
	char edgeset[16];       /* which: all, along-x, around-+z, some, ends */
	char diameters[64];
	int axis;               /* turned stock: its axis (0 x, 1 y, 2 z) */     /* turned stock: its diameters from the low end */
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

/* Stock kinds, in the order of their names (mdf_cadgen_stock_name);
 * a mask of them has bit k set for kind k. */
enum mdf_cadgen_stock {
	MDF_STOCK_BOX, MDF_STOCK_PLATE, MDF_STOCK_BAR, MDF_STOCK_L,
	MDF_STOCK_STEPPED, MDF_STOCK_DISK, MDF_STOCK_CYLINDER, MDF_STOCK_ROD,
	MDF_STOCK_SHAFT, MDF_NSTOCKS
};
#define MDF_STOCK_ALL ((1u << MDF_NSTOCKS) - 1)

const char *mdf_cadgen_stock_name(int kind);

/* Parse a comma-separated list of stock kind names ("box,shaft") into
 * *MASK.  MDF_E_INVAL with a reason in WHY for an unknown or repeated
 * name. */
int mdf_cadgen_stock_parse(const char *list, unsigned *mask, char *why,
    size_t whylen);

/* Build part INDEX of G in the CAD style, its stock drawn from the kinds
 * of STOCKS (a mask; 0: all) in their usual proportions.  MDF_E_INVAL
 * (WHY) for bad settings or no valid part after many attempts,
 * MDF_E_NOMEM. */
int mdf_cadgen_make(const struct mdf_partgen *g, unsigned stocks,
    uint64_t index, struct mdf_cadpart *p, char *why, size_t whylen);
void mdf_cadpart_free(struct mdf_cadpart *p);

/* The MESH frame of P with partgen's metadata (mdf_part_frame) and
 * part.style=cad, part.stock, part.edges, part.edge_set, part.axis and
 * part.diameters (turned stock), part.features, part.margin,
 * part.volume, part.tolerance. */
int mdf_cadpart_frame(const struct mdf_partgen *g, const struct mdf_cadpart *p,
    const char *name, uint64_t num, struct mdf_frame *f);

/* Is the mesh closed and consistently wound: every edge (exact vertex
 * coordinates) used once in each direction.  1 yes, 0 no, MDF_E_NOMEM. */
int mdf_cad_mesh_closed(const float *tri, size_t n);

#endif
