/*
 * Synthetic machined workpieces with a known milling direction.
 *
 * A part is a stock block of random proportions from which machining
 * features are cut: rectangular and rounded pockets, slots, steps, blind
 * and through holes.  Each feature is a prism cut along one axis from one
 * face, the way a 3-axis mill reaches it from that side.  All features of
 * a part come from its label direction, except optional smaller
 * "distractor" features from other directions; the label is the direction
 * from which the largest volume was removed (a cell cut by several
 * features counts for the first one cut, primary features first).
 *
 * Construction is on a voxel grid of 1 mm cells (see voxel.h), so every
 * part is a closed, consistently oriented mesh.  The same (seed, index)
 * gives the same part, bit for bit, whatever the other parts are.
 */
#ifndef MILLDIR_PARTGEN_H
#define MILLDIR_PARTGEN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Milling directions: the side the tool comes from. */
enum mdf_dir {
	MDF_DIR_PX, MDF_DIR_MX, MDF_DIR_PY, MDF_DIR_MY, MDF_DIR_PZ, MDF_DIR_MZ,
	MDF_NDIRS
};
#define MDF_DIR_ALL 0x3fu

/* "+X", "-X", ..., "-Z" (NULL outside 0..5). */
const char *mdf_dir_name(int dir);
/* Metadata key suffix: "px", "mx", "py", "my", "pz", "mz" ('+' is not a
 * key character). */
const char *mdf_dir_key(int dir);
/* Direction of a "+X"-style label, or MDF_E_INVAL. */
int mdf_dir_parse(const char *s);
/* Parse a comma-separated list of labels into a bit mask (bit d for
 * direction d); MDF_E_INVAL with a reason in WHY for an unknown or
 * repeated label or an empty list. */
int mdf_dir_parse_list(const char *s, unsigned *mask, char *why, size_t whylen);

#define MDF_PARTGEN_RES_MIN 16
#define MDF_PARTGEN_RES_MAX 256

/* partgen --style: CAD-grade parts from a solid modelling kernel
 * (libmdfcad, lib/cad/cadgen.h), or the voxel parts made here. */
enum mdf_partgen_style { MDF_PARTGEN_CAD, MDF_PARTGEN_VOXEL };

struct mdf_partgen {
	uint64_t seed;
	int style;          /* enum mdf_partgen_style */
	double size_min, size_max; /* CAD: longest stock side, mm */
	double tolerance;   /* CAD: linear deflection, mm (0: drawn per part) */
	double angular;     /* CAD: angular deflection, rad (0: drawn) */
	int resolution;     /* cells (mm) along the longest side of the stock */
	double distractors; /* probability that a part gets distractors */
	unsigned classes;   /* bit d set: direction d may be a label */
	int balanced;       /* 1: every run of K parts (K classes) has each
			       label once, in shuffled order; 0: independent
			       draws */
};

struct mdf_part {
	int label;            /* enum mdf_dir */
	int stock[3];         /* stock size in mm along x, y, z */
	int features;         /* features cut from the label direction */
	int distractors;      /* features cut from other directions */
	long removed[MDF_NDIRS]; /* volume removed from each direction, mm^3 */
	float *tri;           /* MESH payload layout, 12 floats a triangle */
	size_t ntri;
};

/* Defaults: seed 1, CAD style, sizes 5-500 mm, tessellation drawn per
 * part, resolution 64 (voxel style), no distractors, all six classes,
 * balanced. */
void mdf_partgen_defaults(struct mdf_partgen *g);

/* Label of part INDEX (0-based) under G, without building it. */
int mdf_partgen_label(const struct mdf_partgen *g, uint64_t index);

/* Build part INDEX.  MDF_E_INVAL (reason in WHY) for bad settings,
 * MDF_E_NOMEM.  Free with mdf_part_free. */
int mdf_partgen_make(const struct mdf_partgen *g, uint64_t index,
    struct mdf_part *p, char *why, size_t whylen);
void mdf_part_free(struct mdf_part *p);

struct mdf_frame;
/* Make F (initialised, emptied) the MESH frame of P, named NAME, number
 * NUM, with its metadata: part, label, source=partgen, units=mm, bbox,
 * area, partgen.seed/index/stock/features/distractors and the
 * removed.px ... removed.mz volumes (see partgen(1)).  MDF_E_NOMEM. */
int mdf_part_frame(const struct mdf_partgen *g, const struct mdf_part *p,
    const char *name, uint64_t num, struct mdf_frame *f);

#ifdef __cplusplus
}
#endif
#endif
