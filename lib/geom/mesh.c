/* Triangle-mesh geometry: normals from winding, area, bounding box,
 * centring and scaling. */
#include <math.h>
#include <string.h>

#include "milldir/mesh.h"

double
mdf_mesh_face_normal(const float *v, float *n)
{
	/* Differences and products of floats are exact or nearly so in
	 * double, so a zero cross product means a truly degenerate
	 * triangle, not a rounding accident. */
	double ax = (double)v[3] - v[0], ay = (double)v[4] - v[1],
	    az = (double)v[5] - v[2];
	double bx = (double)v[6] - v[0], by = (double)v[7] - v[1],
	    bz = (double)v[8] - v[2];
	double cx = ay * bz - az * by;
	double cy = az * bx - ax * bz;
	double cz = ax * by - ay * bx;
	double len = sqrt(cx * cx + cy * cy + cz * cz);

	if (!(len > 0) || !isfinite(len)) {
		n[0] = n[1] = n[2] = 0.0f;
		return 0;
	}
	n[0] = (float)(cx / len);
	n[1] = (float)(cy / len);
	n[2] = (float)(cz / len);
	return len;
}

uint64_t
mdf_mesh_fix_normals(float *tri, uint64_t n)
{
	uint64_t bad = 0;

	for (uint64_t i = 0; i < n; i++, tri += 12)
		if (mdf_mesh_face_normal(tri + 3, tri) == 0)
			bad++;
	return bad;
}

uint64_t
mdf_mesh_drop_degenerate(float *tri, uint64_t n)
{
	uint64_t kept = 0;
	float nrm[3];

	for (uint64_t i = 0; i < n; i++) {
		const float *t = tri + 12 * i;

		if (mdf_mesh_face_normal(t + 3, nrm) == 0)
			continue;
		if (kept != i)
			memmove(tri + 12 * kept, t, 12 * sizeof *tri);
		kept++;
	}
	return kept;
}

void
mdf_mesh_bbox(const float *tri, uint64_t n, struct mdf_bbox *box)
{
	/* float accumulators are exact; fminf/fmaxf would also take NaN */
	float lo[3] = { INFINITY, INFINITY, INFINITY };
	float hi[3] = { -INFINITY, -INFINITY, -INFINITY };

	for (uint64_t i = 0; i < n; i++, tri += 12)
		for (int k = 3; k < 12; k += 3)
			for (int a = 0; a < 3; a++) {
				float c = tri[k + a];

				lo[a] = c < lo[a] ? c : lo[a];
				hi[a] = c > hi[a] ? c : hi[a];
			}
	for (int a = 0; a < 3; a++) {
		box->min[a] = lo[a];
		box->max[a] = hi[a];
	}
}

double
mdf_mesh_area(const float *tri, uint64_t n)
{
	double sum = 0;
	float nrm[3];

	for (uint64_t i = 0; i < n; i++, tri += 12)
		sum += mdf_mesh_face_normal(tri + 3, nrm);
	return sum / 2;
}

double
mdf_mesh_volume(const float *tri, uint64_t n)
{
	double vol = 0;

	for (uint64_t i = 0; i < n; i++, tri += 12) {
		const float *a = tri + 3, *b = tri + 6, *c = tri + 9;

		vol += (double)a[0] * ((double)b[1] * c[2] - (double)b[2] * c[1]) -
		    (double)a[1] * ((double)b[0] * c[2] - (double)b[2] * c[0]) +
		    (double)a[2] * ((double)b[0] * c[1] - (double)b[1] * c[0]);
	}
	return vol / 6;
}

void
mdf_mesh_transform(float *tri, uint64_t n, const double *shift, double scale)
{
	for (uint64_t i = 0; i < n; i++, tri += 12)
		for (int k = 3; k < 12; k++)
			tri[k] = (float)(((double)tri[k] + shift[k % 3]) * scale);
}

int
mdf_mesh_center(float *tri, uint64_t n, int unit)
{
	struct mdf_bbox box;
	double shift[3], scale = 1, r2 = 0;

	if (n == 0)
		return unit ? MDF_E_INVAL : MDF_OK;
	mdf_mesh_bbox(tri, n, &box);
	for (int a = 0; a < 3; a++)
		shift[a] = -(box.min[a] + box.max[a]) / 2;
	if (unit) {
		const float *t = tri;

		for (uint64_t i = 0; i < n; i++, t += 12)
			for (int k = 3; k < 12; k += 3) {
				double x = t[k] + shift[0], y = t[k + 1] + shift[1],
				    z = t[k + 2] + shift[2];
				double d = x * x + y * y + z * z;

				if (d > r2)
					r2 = d;
			}
		if (!(r2 > 0))
			return MDF_E_INVAL;
		scale = 1 / sqrt(r2);
	}
	mdf_mesh_transform(tri, n, shift, scale);
	if (unit) {
		/* rounding may leave a vertex a hair outside the sphere */
		float *t = tri;

		for (uint64_t i = 0; i < n; i++, t += 12)
			for (int k = 3; k < 12; k += 3) {
				double d = sqrt((double)t[k] * t[k] +
				    (double)t[k + 1] * t[k + 1] +
				    (double)t[k + 2] * t[k + 2]);

				if (d > 1)
					for (int j = 0; j < 3; j++)
						t[k + j] = (float)(t[k + j] / d);
			}
	}
	return MDF_OK;
}

int
mdf_mesh_set_meta(struct mdf_frame *f, const float *tri, uint64_t n,
    const struct mdf_bbox *box, double area)
{
	struct mdf_bbox b;
	int rc;

	if (box != NULL)
		b = *box;
	else
		mdf_mesh_bbox(tri, n, &b);
	if (n == 0)
		memset(&b, 0, sizeof b);
	if (area < 0)
		area = mdf_mesh_area(tri, n);
	if ((rc = mdf_setf(f, "bbox", "%.7g,%.7g,%.7g:%.7g,%.7g,%.7g",
	    b.min[0], b.min[1], b.min[2], b.max[0], b.max[1], b.max[2])) < 0)
		return rc;
	return mdf_setf(f, "area", "%.7g", area);
}
