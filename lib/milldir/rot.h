/*
 * The 24 proper rotations of the cube and what they do to axis labels.
 *
 * Convention: right-handed coordinates; a positive turn about an axis is
 * counter-clockwise seen from the positive end of that axis looking
 * toward the origin (the right-hand rule).  So x90 takes +Y to +Z and +Z
 * to -Y: a part milled from +Z, turned 90 degrees about X, is milled
 * from -Y.
 *
 * A rotation is a signed permutation matrix of determinant +1.  Its name
 * lists the images of +X, +Y and +Z: "+X+Z-Y" is x90, "+X+Y+Z" the
 * identity.  Mirrors (determinant -1) are not rotations and are refused.
 */
#ifndef MILLDIR_ROT_H
#define MILLDIR_ROT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MDF_ROT_CUBE_COUNT 24
#define MDF_ROT_NAME_MAX 7   /* "+X+Z-Y" and its NUL */

/* Row-major: out[i] = sum over j of m[3 * i + j] * in[j]; entries -1, 0, 1. */
struct mdf_rot {
	int8_t m[9];
};

/* Named subsets of the group, for augmentation. */
enum mdf_rot_set {
	MDF_ROTS_Z = 1,  /* 4: 0, 90, 180, 270 degrees about Z */
	MDF_ROTS_AXES,   /* 10: identity and 90, 180, 270 about X, Y and Z */
	MDF_ROTS_CUBE,   /* 24: the whole group */
};

void mdf_rot_identity(struct mdf_rot *r);
/* Element I (0..23) of the group; 0 is the identity.  Elements are
 * ordered by the image of +X (+X -X +Y -Y +Z -Z), then of +Y. */
int mdf_rot_cube(int i, struct mdf_rot *r);
/* QUARTERS quarter turns (any integer, negative turns clockwise) about
 * AXIS 0 (X), 1 (Y) or 2 (Z). */
int mdf_rot_axis(int axis, int quarters, struct mdf_rot *r);
/* C = first A, then B (the matrix product B A).  C may alias A or B. */
void mdf_rot_then(const struct mdf_rot *a, const struct mdf_rot *b,
    struct mdf_rot *c);
int mdf_rot_equal(const struct mdf_rot *a, const struct mdf_rot *b);
/* Index 0..23 of R in mdf_rot_cube's order. */
int mdf_rot_index(const struct mdf_rot *r);
/* Image notation ("+X+Z-Y") into BUF of MDF_ROT_NAME_MAX bytes. */
void mdf_rot_name(const struct mdf_rot *r, char *buf);
/* Parse "+X+Z-Y" (images of +X, +Y, +Z), "I", or a comma-separated
 * sequence of turns applied left to right, each x, y or z and a multiple
 * of 90 (e.g. "x90,z270").  MDF_E_INVAL if malformed or a mirror. */
int mdf_rot_parse(const char *s, struct mdf_rot *r);
/* "z", "axes", "cube" -> enum mdf_rot_set; MDF_E_INVAL otherwise. */
int mdf_rot_set_parse(const char *name);
/* Fill OUT (room for MDF_ROT_CUBE_COUNT) with the members of SET, the
 * identity first; their number, or MDF_E_INVAL. */
int mdf_rot_set_members(int set, struct mdf_rot *out);

/* Axis labels: "+X" "-X" "+Y" "-Y" "+Z" "-Z" (exactly; "Z" and "+z" are
 * not axis labels).  Unit vector into V, or MDF_E_INVAL. */
int mdf_axis_parse(const char *label, int v[3]);
/* Label of a unit axis vector, or NULL. */
const char *mdf_axis_name(const int v[3]);
/* LABEL after R: the direction R takes it to ("+Z" under x90 is "-Y");
 * NULL if LABEL is not an axis label. */
const char *mdf_rot_label(const struct mdf_rot *r, const char *label);
/* OUT = R IN (OUT may alias IN). */
void mdf_rot_apply(const struct mdf_rot *r, const double in[3], double out[3]);

#ifdef __cplusplus
}
#endif
#endif
