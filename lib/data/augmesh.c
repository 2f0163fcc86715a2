/*
 * Augmentation of MESH frames (the mesh half of augment(1)): scaling,
 * cube rotations that turn the label with the part, jitter and vertex
 * noise, as one affine map of the mesh about its centre; the normals and
 * partgen's per-side removed volumes follow the map.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "augint.h"
#include "common/common.h"
#include "milldir/augment.h"
#include "milldir/mesh.h"
#include "milldir/rng.h"
#include "milldir/rot.h"
#include "milldir/types.h"


/* The refusals of a MESH frame, before anything of it is written. */
int
aug_check_mesh(const struct mdf_aug_opts *o, struct mdf_frame *f, char *why,
    size_t whylen)
{
	struct mdf_mesh m;
	const char *label = mdf_get(f, "label");
	int v[3];
	int rc;

	if (o->nrot > 0 && !o->keep_label && label != NULL &&
	    mdf_axis_parse(label, v) < 0)
		return mdf_why(why, whylen, MDF_E_META,
		    "label '%s' is not an axis direction (+X -X +Y -Y +Z -Z): "
		    "a rotation cannot remap it (use --keep-label if the label "
		    "does not depend on orientation)", label);
	if ((rc = mdf_mesh_view(f, &m)) < 0)
		return mdf_why(why, whylen, rc, "malformed MESH frame: %s",
		    mdf_strerror(rc));
	for (uint64_t t = 0; t < m.n; t++)
		for (int j = 3; j < 12; j++)
			if (!isfinite(m.tri[12 * t + j]))
				return mdf_why(why, whylen, MDF_E_META,
				    "triangle %llu has a NaN or infinite coordinate",
				    (unsigned long long)t + 1);
	return MDF_OK;
}

/* C = A B for 3x3 row-major matrices (C may alias A or B). */
static void
mat_mul(const double *a, const double *b, double *c)
{
	double t[9];

	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			t[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] +
			    a[3 * i + 2] * b[6 + j];
	memcpy(c, t, sizeof t);
}

/* Cofactor matrix: carries normals through M keeping their side (it is
 * det(M) M^-T, so no division and the identity for rotations). */
static void
cofactor(const double *m, double *c)
{
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++) {
			int i1 = (i + 1) % 3, i2 = (i + 2) % 3;
			int j1 = (j + 1) % 3, j2 = (j + 2) % 3;
			c[3 * i + j] = m[3 * i1 + j1] * m[3 * i2 + j2] -
			    m[3 * i1 + j2] * m[3 * i2 + j1];
		}
}

static void
mat_vec(const double *m, const double *v, double *out)
{
	double t[3];

	for (int i = 0; i < 3; i++)
		t[i] = m[3 * i] * v[0] + m[3 * i + 1] * v[1] + m[3 * i + 2] * v[2];
	memcpy(out, t, sizeof t);
}

/* Rotation by DEG degrees about unit AXIS (Rodrigues' formula). */
static void
axis_angle(const double *a, double deg, double *m)
{
	double th = deg * (M_PI / 180), c = cos(th), s = sin(th), k = 1 - c;

	m[0] = c + k * a[0] * a[0];
	m[1] = k * a[0] * a[1] - s * a[2];
	m[2] = k * a[0] * a[2] + s * a[1];
	m[3] = k * a[1] * a[0] + s * a[2];
	m[4] = c + k * a[1] * a[1];
	m[5] = k * a[1] * a[2] - s * a[0];
	m[6] = k * a[2] * a[0] - s * a[1];
	m[7] = k * a[2] * a[1] + s * a[0];
	m[8] = c + k * a[2] * a[2];
}

/* Noise for one vertex, a function of its coordinates and KEY: copies of
 * a vertex shared by several triangles move together, so a closed mesh
 * stays closed. */
static void
vertex_noise(uint64_t key, float *v, double sigma)
{
	struct mdf_rng vr;
	uint64_t h = key;

	for (int i = 0; i < 3; i++) {
		float x = v[i] == 0 ? 0.0f : v[i]; /* -0 and +0 are one point */
		uint32_t bits;
		memcpy(&bits, &x, sizeof bits);
		h = mdf_mix64(h ^ (bits | (uint64_t)(i + 1) << 32));
	}
	mdf_rng_seed(&vr, h);
	for (int i = 0; i < 3; i++)
		v[i] = (float)(v[i] + sigma * mdf_rng_gauss(&vr));
}

/* Face normals from the winding (right-hand rule); a degenerate face
 * keeps its old normal carried through COF.  Returns the area. */
static double
set_normals(float *tri, uint64_t n, const double *cof)
{
	double area2 = 0;

	for (uint64_t t = 0; t < n; t++, tri += 12) {
		double old[3] = { tri[0], tri[1], tri[2] }, c[3], len, a;

		if ((a = mdf_mesh_face_normal(tri + 3, tri)) > 0) {
			area2 += a;
			continue;
		}
		mat_vec(cof, old, c);
		len = sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
		if (len > 0 && isfinite(len))
			for (int i = 0; i < 3; i++)
				tri[i] = (float)(c[i] / len);
	}
	return area2 / 2;
}

/* v' = M (v - c) + c for every vertex; the new bounding box into B. */
static void
transform(float *tri, uint64_t n, const double *M, const double *c,
    struct mdf_bbox *b)
{
	float lo[3] = { INFINITY, INFINITY, INFINITY };
	float hi[3] = { -INFINITY, -INFINITY, -INFINITY };

	for (uint64_t t = 0; t < n; t++, tri += 12)
		for (float *p = tri + 3; p < tri + 12; p += 3) {
			double x = p[0] - c[0], y = p[1] - c[1], z = p[2] - c[2];
			p[0] = (float)(M[0] * x + M[1] * y + M[2] * z + c[0]);
			p[1] = (float)(M[3] * x + M[4] * y + M[5] * z + c[1]);
			p[2] = (float)(M[6] * x + M[7] * y + M[8] * z + c[2]);
			for (int a = 0; a < 3; a++) {
				lo[a] = p[a] < lo[a] ? p[a] : lo[a];
				hi[a] = p[a] > hi[a] ? p[a] : hi[a];
			}
		}
	for (int a = 0; a < 3; a++) {
		b->min[a] = lo[a];
		b->max[a] = hi[a];
	}
}

/* partgen's removed.<dir> volumes name directions of the part: turn them
 * with it (so the label stays the direction of the largest one) and scale
 * them by the volume factor DET. */
static int
remap_removed(struct mdf_frame *f, const struct mdf_rot *rot, double det)
{
	static const char *const dir[6] = { "px", "mx", "py", "my", "pz", "mz" };
	static const char *const lab[6] = { "+X", "-X", "+Y", "-Y", "+Z", "-Z" };
	double vol[6];
	int have[6], rc = 0;
	char key[16];

	for (int i = 0; i < 6; i++) {
		snprintf(key, sizeof key, "removed.%s", dir[i]);
		have[i] = mdf_get(f, key) != NULL && mdf_get_double(f, key, &vol[i]) == 0;
	}
	for (int i = 0; i < 6; i++) {
		const char *to = rot != NULL ? mdf_rot_label(rot, lab[i]) : lab[i];
		int j = 0;

		if (!have[i])
			continue;
		while (j < 6 && strcmp(lab[j], to) != 0)
			j++;
		snprintf(key, sizeof key, "removed.%s", dir[j]);
		rc |= mdf_setf(f, key, "%.7g", vol[i] * det);
	}
	return rc;
}

int
aug_mesh(const struct mdf_aug_opts *o, struct mdf_rng *r, unsigned k,
    struct mdf_frame *f, struct mdf_sb *ops, char *why, size_t whylen)
{
	struct mdf_mesh m;
	struct mdf_bbox box;
	double c[3] = { 0, 0, 0 }, M[9] = { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, cof[9];
	double area;
	int rc;

	if ((rc = mdf_mesh_view(f, &m)) < 0)
		return mdf_why(why, whylen, rc, "malformed MESH frame");
	if (m.n > 0) {
		mdf_mesh_bbox(m.tri, m.n, &box);
		for (int i = 0; i < 3; i++)
			c[i] = (box.min[i] + box.max[i]) / 2;
	}
	rc = 0;
	if (o->scale_lo > 0) {
		double s[3];
		s[0] = mdf_rng_range(r, o->scale_lo, o->scale_hi);
		s[1] = o->anisotropic ? mdf_rng_range(r, o->scale_lo, o->scale_hi) : s[0];
		s[2] = o->anisotropic ? mdf_rng_range(r, o->scale_lo, o->scale_hi) : s[0];
		for (int i = 0; i < 3; i++)
			M[4 * i] = s[i];
		rc |= remap_removed(f, NULL, s[0] * s[1] * s[2]);
		if (o->anisotropic)
			rc |= mdf_setf(f, AUG_PREFIX "scale", "%.9g,%.9g,%.9g", s[0], s[1], s[2]);
		else
			rc |= mdf_setf(f, AUG_PREFIX "scale", "%.9g", s[0]);
		aug_add_op(ops, "scale");
	}
	if (o->nrot > 0) {
		const struct mdf_rot *rot;
		const char *label = mdf_get(f, "label");
		char name[MDF_ROT_NAME_MAX], orig[8];
		double R[9];
		int idx = o->rot_sequential ? (int)((k - 1) % (unsigned)o->nrot)
		    : (int)mdf_rng_below(r, (uint64_t)o->nrot);

		rot = &o->rot[idx];
		for (int i = 0; i < 9; i++)
			R[i] = rot->m[i];
		mat_mul(R, M, M);
		mdf_rot_name(rot, name);
		rc |= mdf_setf(f, AUG_PREFIX "rotation", "%s", name);
		if (label != NULL && !o->keep_label) {
			const char *nl = mdf_rot_label(rot, label);
			if (nl == NULL) /* mdf_aug_check refuses these first */
				return mdf_why(why, whylen, MDF_E_META,
				    "label '%s' is not an axis direction", label);
			snprintf(orig, sizeof orig, "%s", label);
			rc |= mdf_set(f, "label", nl);
			rc |= mdf_set(f, AUG_PREFIX "label.orig", orig);
		}
		rc |= remap_removed(f, rot, 1);
		aug_add_op(ops, "rotate");
	}
	if (o->jitter_deg > 0) {
		double a[3], len, deg, J[9];
		do { /* a uniform direction: a normalised Gaussian triple */
			for (int i = 0; i < 3; i++)
				a[i] = mdf_rng_gauss(r);
			len = sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
		} while (len < 1e-9);
		for (int i = 0; i < 3; i++)
			a[i] /= len;
		deg = mdf_rng_range(r, -o->jitter_deg, o->jitter_deg);
		axis_angle(a, deg, J);
		mat_mul(J, M, M);
		rc |= mdf_setf(f, AUG_PREFIX "jitter.deg", "%.9g", deg);
		rc |= mdf_setf(f, AUG_PREFIX "jitter.axis", "%.9g,%.9g,%.9g", a[0], a[1], a[2]);
		aug_add_op(ops, "jitter");
	}

	/* The part turns about its bounding-box centre. */
	transform(m.tri, m.n, M, c, &box);
	for (int i = 0; i < 3 && m.n > 0; i++)
		if (!isfinite(box.min[i]) || !isfinite(box.max[i]))
			return mdf_why(why, whylen, MDF_E_META,
			    "the mesh leaves the float32 range after scaling");
	if (o->noise > 0) {
		uint64_t key = mdf_rng_next(r);
		double d[3], sigma;

		for (int i = 0; i < 3; i++)
			d[i] = m.n > 0 ? box.max[i] - box.min[i] : 0;
		sigma = o->noise * sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
		for (uint64_t t = 0; t < m.n; t++)
			for (int v = 1; v < 4; v++)
				vertex_noise(key, &m.tri[12 * t + 3 * v], sigma);
		rc |= mdf_setf(f, AUG_PREFIX "noise", "%.9g", o->noise);
		rc |= mdf_setf(f, AUG_PREFIX "noise.sigma", "%.9g", sigma);
		aug_add_op(ops, "noise");
	}
	cofactor(M, cof);
	area = set_normals(m.tri, m.n, cof);
	/* Geometry records written by stl2norm would be stale now. */
	if (mdf_get(f, "bbox") != NULL || mdf_get(f, "area") != NULL)
		rc |= mdf_mesh_set_meta(f, m.tri, m.n, o->noise > 0 ? NULL : &box, area);
	rc |= mdf_setf(f, AUG_PREFIX "matrix", "%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g",
	    M[0], M[1], M[2], M[3], M[4], M[5], M[6], M[7], M[8]);
	rc |= mdf_setf(f, AUG_PREFIX "center", "%.9g,%.9g,%.9g", c[0], c[1], c[2]);
	return rc < 0 ? mdf_why(why, whylen, MDF_E_NOMEM, "out of memory") : MDF_OK;
}
