/*
 * Fixed-length embeddings of a mesh's face normals (normembed(1)).
 *
 * The default embedding is a soft, area-weighted histogram of the face
 * normals over the vertices of a subdivided octahedron ("octasphere" of
 * frequency F: 4F^2 + 2 bin centres).  The octahedron, unlike the
 * icosahedron, is symmetric under the 24 rotations of the cube, so a
 * quarter turn of the part permutes the bins exactly; the labels are
 * cube directions, so that symmetry is the one that matters.
 *
 * A normal d falls in one triangle of the subdivided octahedron and gives
 * its area to that triangle's three corners with barycentric weights, so
 * the embedding is continuous in the mesh's orientation.  The exact rules
 * (the 4/3 power warp that evens out the bin sizes, the bin order) are in
 * normembed(1) and lib/render/embed.c.
 */
#ifndef MILLDIR_EMBED_H
#define MILLDIR_EMBED_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"
#include "rot.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MDF_EMBED_MAX_FREQ 64     /* 16386 bins */
#define MDF_EMBED_DEFAULT_FREQ 4  /* 66 bins */

/* Extra channels after the histogram, always in this order. */
enum mdf_embed_feature {
	MDF_EMBED_MEAN = 1,        /* 3: area-weighted mean normal */
	MDF_EMBED_MOMENTS = 2,     /* 6: mean of n n^T: xx yy zz xy xz yz */
	MDF_EMBED_BBOX = 4,        /* 3: extents / largest extent, x y z */
	MDF_EMBED_BBOX_SORTED = 8, /* 3: the same, largest first */
	MDF_EMBED_OFFSET = 16,     /* one per bin: area x weight x offset of
	                            * the face along its normal (see below) */
	MDF_EMBED_REACH = 32,      /* 23: what a tool along each axis reaches
	                            * (reach(1)): the six removable-volume
	                            * shares, the six volumes and the six
	                            * reachable machined areas as parts of the
	                            * stock's volume and the part's area, the
	                            * part's volume over its box's, 1 for a
	                            * round stock (else 0), and the pass-
	                            * through volumes along X Y Z as parts of
	                            * the stock's volume */
};
#define MDF_EMBED_REACH_LEN 23

struct mdf_embed_opts {
	unsigned freq;      /* subdivision frequency F, 1..MDF_EMBED_MAX_FREQ */
	unsigned features;  /* MDF_EMBED_* bits */
	int normalize;      /* histogram sums to 1, not to the area */
};

/* Number of bins of frequency F: 4F^2 + 2. */
uint64_t mdf_embed_bins(unsigned freq);
/* The frequency whose bin count is BINS, or MDF_E_INVAL. */
int mdf_embed_freq(uint64_t bins);
/* "mean,moments,bbox,bbox-sorted,offset,reach" (any order, or "none") into bits;
 * MDF_E_INVAL names nothing: the caller reports LIST. */
int mdf_embed_features_parse(const char *list, unsigned *features);
/* Canonical comma-separated names of FEATURES ("none" for 0). */
void mdf_embed_features_name(unsigned features, char *buf, size_t len);
/* Floats in an embedding made with O. */
size_t mdf_embed_length(const struct mdf_embed_opts *o);

struct mdf_embed;

/* Tables for O; NULL if O is out of range or memory is short. */
struct mdf_embed *mdf_embed_new(const struct mdf_embed_opts *o);
void mdf_embed_free(struct mdf_embed *e);
uint64_t mdf_embed_nbins(const struct mdf_embed *e);
/* Unit vector of bin I's centre; MDF_E_INVAL if I is out of range. */
int mdf_embed_centre(const struct mdf_embed *e, uint64_t i, double c[3]);
/* Soft assignment of the direction D (need not be unit length, must not
 * be zero): up to three bins and weights summing to 1.  Returns how many
 * (1..3), or MDF_E_INVAL for a zero or non-finite D. */
int mdf_embed_assign(const struct mdf_embed *e, const double d[3],
    uint64_t bin[3], double w[3]);
/* PERM[i] = the bin that cube rotation R takes bin I to (the rotated
 * mesh's histogram has bin i's mass at PERM[i]). */
void mdf_embed_rot_perm(const struct mdf_embed *e, const struct mdf_rot *r,
    uint64_t *perm);

/* The embedding of the N triangles of TRI (12 floats each; the stored
 * normals are ignored, normals come from the winding) into OUT
 * (mdf_embed_length floats).  MDF_E_META with WHY naming the triangle for
 * a non-finite vertex; MDF_E_META for a mesh without area. */
int mdf_embed_mesh(struct mdf_embed *e, const float *tri, uint64_t n,
    float *out, char *why, size_t whylen);

/* Turn MESH frame F into its TENS embedding in place: shape=1x1xL (the
 * channels x height x width layout dnntrain reads), the mesh's metadata
 * kept except triangles, embed.kind, embed.bins, embed.features and
 * embed.normalized added. */
int mdf_embed_frame(struct mdf_embed *e, struct mdf_frame *f, char *why,
    size_t whylen);

#ifdef __cplusplus
}
#endif
#endif
