/* The rotation group of the cube as signed permutation matrices. */
#include <string.h>

#include "milldir/frame.h"
#include "milldir/rot.h"

static const char *const axis_names[3][2] = {
	{ "+X", "-X" }, { "+Y", "-Y" }, { "+Z", "-Z" },
};

void
mdf_rot_identity(struct mdf_rot *r)
{
	memset(r->m, 0, sizeof r->m);
	r->m[0] = r->m[4] = r->m[8] = 1;
}

static int
det3(const int8_t *m)
{
	return m[0] * (m[4] * m[8] - m[5] * m[7]) -
	    m[1] * (m[3] * m[8] - m[5] * m[6]) +
	    m[2] * (m[3] * m[7] - m[4] * m[6]);
}

/* Build the matrix whose columns are the images of +X, +Y, +Z. */
static void
from_columns(struct mdf_rot *r, const int *cx, const int *cy, const int *cz)
{
	for (int i = 0; i < 3; i++) {
		r->m[3 * i + 0] = (int8_t)cx[i];
		r->m[3 * i + 1] = (int8_t)cy[i];
		r->m[3 * i + 2] = (int8_t)cz[i];
	}
}

/* Unit vector of axis direction D: 0 +X, 1 -X, 2 +Y, 3 -Y, 4 +Z, 5 -Z. */
static void
dir_vec(int d, int v[3])
{
	v[0] = v[1] = v[2] = 0;
	v[d / 2] = d % 2 ? -1 : 1;
}

int
mdf_rot_cube(int i, struct mdf_rot *r)
{
	int x[3], y[3], z[3], dy, k;

	if (i < 0 || i >= MDF_ROT_CUBE_COUNT)
		return MDF_E_INVAL;
	dir_vec(i / 4, x);
	/* The i % 4-th direction perpendicular to the image of +X. */
	for (dy = 0, k = -1; dy < 6; dy++) {
		if (dy / 2 == i / 8)
			continue;
		if (++k == i % 4)
			break;
	}
	dir_vec(dy, y);
	/* z = x cross y keeps the determinant +1. */
	z[0] = x[1] * y[2] - x[2] * y[1];
	z[1] = x[2] * y[0] - x[0] * y[2];
	z[2] = x[0] * y[1] - x[1] * y[0];
	from_columns(r, x, y, z);
	return MDF_OK;
}

int
mdf_rot_axis(int axis, int quarters, struct mdf_rot *r)
{
	/* Sine and cosine of 0, 90, 180, 270 degrees. */
	static const int sn[4] = { 0, 1, 0, -1 }, cs[4] = { 1, 0, -1, 0 };
	int q, a, b;

	if (axis < 0 || axis > 2)
		return MDF_E_INVAL;
	q = ((quarters % 4) + 4) % 4;
	mdf_rot_identity(r);
	/* In the plane (a, b) that follows AXIS cyclically, a turns to b. */
	a = (axis + 1) % 3;
	b = (axis + 2) % 3;
	r->m[3 * a + a] = (int8_t)cs[q];
	r->m[3 * a + b] = (int8_t)-sn[q];
	r->m[3 * b + a] = (int8_t)sn[q];
	r->m[3 * b + b] = (int8_t)cs[q];
	return MDF_OK;
}

void
mdf_rot_then(const struct mdf_rot *a, const struct mdf_rot *b,
    struct mdf_rot *c)
{
	struct mdf_rot t;

	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++) {
			int s = 0;
			for (int k = 0; k < 3; k++)
				s += b->m[3 * i + k] * a->m[3 * k + j];
			t.m[3 * i + j] = (int8_t)s;
		}
	*c = t;
}

int
mdf_rot_equal(const struct mdf_rot *a, const struct mdf_rot *b)
{
	return memcmp(a->m, b->m, sizeof a->m) == 0;
}

int
mdf_rot_index(const struct mdf_rot *r)
{
	struct mdf_rot c;

	for (int i = 0; i < MDF_ROT_CUBE_COUNT; i++) {
		mdf_rot_cube(i, &c);
		if (mdf_rot_equal(&c, r))
			return i;
	}
	return MDF_E_INVAL;
}

void
mdf_rot_name(const struct mdf_rot *r, char *buf)
{
	char *p = buf;

	for (int j = 0; j < 3; j++)
		for (int i = 0; i < 3; i++)
			if (r->m[3 * i + j] != 0) {
				*p++ = r->m[3 * i + j] > 0 ? '+' : '-';
				*p++ = (char)('X' + i);
			}
	*p = '\0';
}

/* "+X+Z-Y": the images of +X, +Y, +Z. */
static int
parse_images(const char *s, struct mdf_rot *r)
{
	int col[3][3];
	int seen = 0;

	if (strlen(s) != 6)
		return MDF_E_INVAL;
	for (int j = 0; j < 3; j++) {
		char sign = s[2 * j], ax = s[2 * j + 1];
		if ((sign != '+' && sign != '-') || ax < 'X' || ax > 'Z')
			return MDF_E_INVAL;
		if (seen & (1 << (ax - 'X')))
			return MDF_E_INVAL;
		seen |= 1 << (ax - 'X');
		col[j][0] = col[j][1] = col[j][2] = 0;
		col[j][ax - 'X'] = sign == '+' ? 1 : -1;
	}
	from_columns(r, col[0], col[1], col[2]);
	return det3(r->m) == 1 ? MDF_OK : MDF_E_INVAL;
}

/* "x90,z270": turns applied left to right. */
static int
parse_turns(const char *s, struct mdf_rot *r)
{
	mdf_rot_identity(r);
	while (*s) {
		struct mdf_rot t;
		int axis, deg = 0, digits = 0, sign = 1;

		if (*s < 'x' || *s > 'z')
			return MDF_E_INVAL;
		axis = *s++ - 'x';
		if (*s == '-') { /* x-90: a clockwise quarter turn */
			s++;
			sign = -1;
		}
		while (*s >= '0' && *s <= '9' && digits < 4) {
			deg = deg * 10 + (*s++ - '0');
			digits++;
		}
		if (digits == 0 || deg % 90 != 0 || (*s != ',' && *s != '\0'))
			return MDF_E_INVAL;
		if (*s == ',' && *++s == '\0')
			return MDF_E_INVAL;
		mdf_rot_axis(axis, sign * deg / 90, &t);
		mdf_rot_then(r, &t, r);
	}
	return MDF_OK;
}

int
mdf_rot_parse(const char *s, struct mdf_rot *r)
{
	if (s == NULL || *s == '\0')
		return MDF_E_INVAL;
	if (strcmp(s, "I") == 0) {
		mdf_rot_identity(r);
		return MDF_OK;
	}
	if (*s == '+' || *s == '-')
		return parse_images(s, r);
	return parse_turns(s, r);
}

int
mdf_rot_set_parse(const char *name)
{
	if (strcmp(name, "z") == 0)
		return MDF_ROTS_Z;
	if (strcmp(name, "axes") == 0)
		return MDF_ROTS_AXES;
	if (strcmp(name, "cube") == 0)
		return MDF_ROTS_CUBE;
	return MDF_E_INVAL;
}

int
mdf_rot_set_members(int set, struct mdf_rot *out)
{
	int n = 0;

	switch (set) {
	case MDF_ROTS_Z:
		for (int q = 0; q < 4; q++)
			mdf_rot_axis(2, q, &out[n++]);
		return n;
	case MDF_ROTS_AXES:
		mdf_rot_identity(&out[n++]);
		for (int a = 0; a < 3; a++)
			for (int q = 1; q < 4; q++)
				mdf_rot_axis(a, q, &out[n++]);
		return n;
	case MDF_ROTS_CUBE:
		for (int i = 0; i < MDF_ROT_CUBE_COUNT; i++)
			mdf_rot_cube(i, &out[n++]);
		return n;
	}
	return MDF_E_INVAL;
}

int
mdf_axis_parse(const char *label, int v[3])
{
	if (label == NULL || strlen(label) != 2 ||
	    (label[0] != '+' && label[0] != '-') || label[1] < 'X' ||
	    label[1] > 'Z')
		return MDF_E_INVAL;
	v[0] = v[1] = v[2] = 0;
	v[label[1] - 'X'] = label[0] == '+' ? 1 : -1;
	return MDF_OK;
}

const char *
mdf_axis_name(const int v[3])
{
	int nz = 0, k = 0;

	for (int i = 0; i < 3; i++)
		if (v[i] != 0) {
			nz++;
			k = i;
		}
	if (nz != 1 || (v[k] != 1 && v[k] != -1))
		return NULL;
	return axis_names[k][v[k] < 0];
}

const char *
mdf_rot_label(const struct mdf_rot *r, const char *label)
{
	int v[3], w[3];

	if (mdf_axis_parse(label, v) < 0)
		return NULL;
	for (int i = 0; i < 3; i++)
		w[i] = r->m[3 * i] * v[0] + r->m[3 * i + 1] * v[1] +
		    r->m[3 * i + 2] * v[2];
	return mdf_axis_name(w);
}

void
mdf_rot_apply(const struct mdf_rot *r, const double in[3], double out[3])
{
	double t[3];

	for (int i = 0; i < 3; i++)
		t[i] = r->m[3 * i] * in[0] + r->m[3 * i + 1] * in[1] +
		    r->m[3 * i + 2] * in[2];
	out[0] = t[0];
	out[1] = t[1];
	out[2] = t[2];
}
