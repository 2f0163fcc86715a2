/*
 * Internal to lib/data: the two halves of augmentation (augmesh.c and
 * augimage.c) as augment.c calls them.  Each check refuses a frame before
 * anything of it is written; each operation changes copy F in place,
 * records its parameters under AUG_PREFIX and its name in OPS.  MDF_OK,
 * or an error code with a reason in WHY.
 */
#ifndef MILLDIR_AUGINT_H
#define MILLDIR_AUGINT_H

#include <stddef.h>

#include "common/common.h"
#include "milldir/augment.h"
#include "milldir/rng.h"

#define AUG_PREFIX "augment."

/* Append NAME to OPS, the comma-separated list of operations. */
void aug_add_op(struct mdf_sb *ops, const char *name);

int aug_check_mesh(const struct mdf_aug_opts *o, struct mdf_frame *f,
    char *why, size_t whylen);
int aug_check_image(const struct mdf_aug_opts *o, struct mdf_frame *f,
    char *why, size_t whylen);

/* Copy K of a mesh, drawing from R. */
int aug_mesh(const struct mdf_aug_opts *o, struct mdf_rng *r, unsigned k,
    struct mdf_frame *f, struct mdf_sb *ops, char *why, size_t whylen);
/* A copy of an image, drawing from R. */
int aug_image(const struct mdf_aug_opts *o, struct mdf_rng *r,
    struct mdf_frame *f, struct mdf_sb *ops, char *why, size_t whylen);

#endif
