/*
 * Label-aware augmentation of MESH and IMAG frames (the library side of
 * augment(1)).
 *
 * Each output copy K of input frame F is a pure function of (seed, F, K):
 * its random draws come from an mdf_rng seeded from those three numbers,
 * so the output bytes do not depend on how the stream was cut or
 * buffered.  Every copy records what was done in augment.* metadata and
 * keeps all other keys of its input.
 */
#ifndef MILLDIR_AUGMENT_H
#define MILLDIR_AUGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"
#include "rot.h"

#ifdef __cplusplus
extern "C" {
#endif

struct mdf_aug_opts {
	uint64_t seed;
	/* Mesh operations, applied about the bounding-box centre in this
	 * order: scale, cube rotation, jitter, then vertex noise. */
	int nrot;                 /* 0: no cube rotation */
	struct mdf_rot rot[MDF_ROT_CUBE_COUNT];
	int rot_sequential;       /* copy K takes rot[(K - 1) % nrot] */
	int keep_label;           /* do not remap or refuse labels */
	double jitter_deg;        /* 0: none; at most 45 */
	double scale_lo, scale_hi; /* 0: none; else 0 < lo <= hi */
	int anisotropic;          /* one scale factor per axis */
	double noise;             /* vertex noise sigma / bbox diagonal */
	/* Image operations, in this order. */
	double brightness;        /* offset uniform in +-B (fraction of 255) */
	double contrast;          /* factor uniform in [1 - C, 1 + C] */
	double pixel_noise;       /* Gaussian sigma, fraction of 255 */
	unsigned cutout;          /* rectangles per copy */
	double cutout_size;       /* largest side, fraction of the image side */
	unsigned dropout;         /* tiles of a meta-image blanked per copy */
	char flip;                /* 0, 'h' or 'v': mirror half of the copies */
	int have_bg;              /* BG given (else metadata or black) */
	unsigned char bg[4];      /* background R, G, B, A */
};

/* Defaults: no operation, seed 0, cutout size 0.25. */
void mdf_aug_opts_init(struct mdf_aug_opts *o);
/* Does O ask for any operation on meshes / images. */
int mdf_aug_does_mesh(const struct mdf_aug_opts *o);
int mdf_aug_does_image(const struct mdf_aug_opts *o);
/* Will augment change frame F (a MESH or IMAG frame O operates on). */
int mdf_aug_wants(const struct mdf_aug_opts *o, const struct mdf_frame *f);

/* Refuse input F before any copy is written: a label that is not an axis
 * direction under cube rotations (unless keep_label), a malformed
 * payload, non-finite vertices, a meta-image without a usable grid for
 * view dropout.  MDF_E_META / MDF_E_SIZE with the reason in WHY. */
int mdf_aug_check(const struct mdf_aug_opts *o, const struct mdf_frame *f,
    char *why, size_t whylen);

/* Make copy K of IN (input frame number INDEX, 1-based) into OUT, which
 * must be initialised.  K = 0 is the unchanged original, marked as such.
 * MDF_E_* with WHY on failure. */
int mdf_aug_copy(const struct mdf_aug_opts *o, const struct mdf_frame *in,
    uint64_t index, unsigned k, struct mdf_frame *out, char *why,
    size_t whylen);

#ifdef __cplusplus
}
#endif
#endif
