/*
 * Label-aware augmentation of MESH and IMAG frames (milldir/augment.h):
 * the options, the checks and copies of a frame, and the augment.*
 * record of what a copy underwent.  The operations are in augmesh.c
 * (geometry) and augimage.c (pixels).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "augint.h"
#include "common/common.h"
#include "milldir/augment.h"
#include "milldir/rng.h"
#include "milldir/types.h"

void
mdf_aug_opts_init(struct mdf_aug_opts *o)
{
	memset(o, 0, sizeof *o);
	o->cutout_size = 0.25;
	o->bg[3] = 0;
}

int
mdf_aug_does_mesh(const struct mdf_aug_opts *o)
{
	return o->nrot > 0 || o->jitter_deg > 0 || o->scale_lo > 0 ||
	    o->noise > 0;
}

int
mdf_aug_does_image(const struct mdf_aug_opts *o)
{
	return o->brightness > 0 || o->contrast > 0 || o->pixel_noise > 0 ||
	    o->cutout > 0 || o->dropout > 0 || o->flip != 0;
}

int
mdf_aug_wants(const struct mdf_aug_opts *o, const struct mdf_frame *f)
{
	if (mdf_frame_is(f, "MESH"))
		return mdf_aug_does_mesh(o);
	if (mdf_frame_is(f, "IMAG"))
		return mdf_aug_does_image(o);
	return 0;
}

/* Append NAME to the comma-separated list of operations. */
void
aug_add_op(struct mdf_sb *ops, const char *name)
{
	mdf_sb_printf(ops, "%s%s", ops->len ? "," : "", name);
}

/* --- checks -------------------------------------------------------------- */

int
mdf_aug_check(const struct mdf_aug_opts *o, const struct mdf_frame *f,
    char *why, size_t whylen)
{
	/* The typed views want a mutable frame; checking changes nothing. */
	struct mdf_frame *mf = (struct mdf_frame *)(uintptr_t)f;

	if (mdf_frame_is(f, "MESH") && mdf_aug_does_mesh(o))
		return aug_check_mesh(o, mf, why, whylen);
	if (mdf_frame_is(f, "IMAG") && mdf_aug_does_image(o))
		return aug_check_image(o, mf, why, whylen);
	return MDF_OK;
}

/* --- copies -------------------------------------------------------------- */

/* A second pass replaces the record of the first: stale augment.* keys
 * would describe operations this copy did not undergo. */
static void
drop_records(struct mdf_frame *f)
{
	char key[MDF_KEY_MAX + 1];

	for (size_t i = f->meta.n; i-- > 0;)
		if (strncmp(f->meta.kv[i].key, AUG_PREFIX, strlen(AUG_PREFIX)) == 0) {
			snprintf(key, sizeof key, "%s", f->meta.kv[i].key);
			mdf_unset(f, key);
		}
}

int
mdf_aug_copy(const struct mdf_aug_opts *o, const struct mdf_frame *in,
    uint64_t index, unsigned k, struct mdf_frame *out, char *why,
    size_t whylen)
{
	struct mdf_rng r;
	struct mdf_sb ops = { 0 };
	int rc;

	if ((rc = mdf_frame_copy(out, in)) < 0)
		return mdf_why(why, whylen, rc, "out of memory");
	drop_records(out);
	if ((rc = mdf_setf(out, AUG_PREFIX "copy", "%u", k)) < 0 ||
	    (rc = mdf_setf(out, AUG_PREFIX "seed", "%llu", (unsigned long long)o->seed)) < 0)
		return mdf_why(why, whylen, rc, "out of memory");
	if (k > 0) {
		/* Copy K of frame INDEX draws from its own stream. */
		mdf_rng_seed2(&r, mdf_mix64(o->seed ^ mdf_mix64(index)), k);
		if (mdf_frame_is(out, "MESH"))
			rc = aug_mesh(o, &r, k, out, &ops, why, whylen);
		else if (mdf_frame_is(out, "IMAG"))
			rc = aug_image(o, &r, out, &ops, why, whylen);
	}
	if (rc >= 0 && ops.err)
		rc = mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	if (rc >= 0 && mdf_set(out, AUG_PREFIX "ops", ops.len ? ops.s : "none") < 0)
		rc = mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	free(ops.s);
	return rc < 0 ? rc : MDF_OK;
}
