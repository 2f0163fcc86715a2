/* Label-aware augmentation of MESH and IMAG frames. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "milldir/augment.h"
#include "milldir/mesh.h"
#include "milldir/rng.h"
#include "milldir/types.h"

#define PREFIX "augment."

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

/* --- a growing string for the metadata records ------------------------- */

/* Append NAME to the comma-separated list of operations. */
static void
add_op(struct mdf_sb *ops, const char *name)
{
	mdf_sb_printf(ops, "%s%s", ops->len ? "," : "", name);
}

/* --- grids of meta-images ------------------------------------------------ */

struct grid {
	unsigned cols, rows;
	unsigned tw, th; /* 0: tile size unknown */
	int gap;          /* -1: no gap key */
};

/* "AxB" with 1 <= A, B <= 65535. */
static int
parse_pair(const char *s, unsigned *a, unsigned *b, int single_ok)
{
	char *end;
	unsigned long x, y;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	x = strtoul(s, &end, 10);
	if (*end == '\0' && single_ok) {
		y = x;
	} else {
		if (*end != 'x' || end[1] < '0' || end[1] > '9')
			return -1;
		y = strtoul(end + 1, &end, 10);
		if (*end != '\0')
			return -1;
	}
	if (x < 1 || y < 1 || x > 65535 || y > 65535)
		return -1;
	*a = (unsigned)x;
	*b = (unsigned)y;
	return 0;
}

static int
parse_grid(const struct mdf_frame *f, struct grid *g, char *why, size_t whylen)
{
	const char *s = mdf_get(f, "grid");
	uint64_t gap = 0;

	memset(g, 0, sizeof *g);
	g->gap = -1;
	if (s == NULL)
		return mdf_why(why, whylen, MDF_E_META,
		    "view dropout needs a meta-image, but the frame has no 'grid' key");
	if (parse_pair(s, &g->cols, &g->rows, 0) < 0)
		return mdf_why(why, whylen, MDF_E_META,
		    "malformed grid=%s (COLSxROWS expected)", s);
	if ((s = mdf_get(f, "tile")) != NULL &&
	    parse_pair(s, &g->tw, &g->th, 1) < 0)
		return mdf_why(why, whylen, MDF_E_META,
		    "malformed tile=%s (SIZE or WxH expected)", s);
	if (mdf_get(f, "gap") != NULL &&
	    (mdf_get_u64(f, "gap", &gap) < 0 || gap > 65535))
		return mdf_why(why, whylen, MDF_E_META, "malformed gap=%s",
		    mdf_get(f, "gap"));
	if (mdf_get(f, "gap") != NULL)
		g->gap = (int)gap;
	return MDF_OK;
}

/* Pixel span [*a, *b) of tile I of N along a side of SIZE pixels. */
static void
tile_span(unsigned i, unsigned n, unsigned tile, int gap, uint32_t size,
    uint32_t *a, uint32_t *b)
{
	double inner, outer, lay, x0, x1;

	if (tile == 0) { /* unknown tile size: equal shares of the side */
		*a = (uint32_t)((uint64_t)i * size / n);
		*b = (uint32_t)((uint64_t)(i + 1) * size / n);
		return;
	}
	if (gap < 0) { /* no gap key: the gap that makes the size exact, else 0 */
		gap = 0;
		if (n > 1 && size > (uint64_t)n * tile &&
		    (size - (uint64_t)n * tile) % (n - 1) == 0)
			gap = (int)((size - (uint64_t)n * tile) / (n - 1));
	}
	inner = (double)n * tile + (double)(n - 1) * gap; /* gaps between */
	outer = inner + 2.0 * gap;                        /* and a margin */
	lay = (double)size == outer && gap > 0 ? outer : inner;
	x0 = (lay == outer ? gap : 0) + (double)i * (tile + gap);
	x1 = x0 + tile;
	/* A resized meta-image keeps the layout, scaled. */
	x0 = floor(x0 * size / lay);
	x1 = ceil(x1 * size / lay);
	*a = (uint32_t)(x0 < 0 ? 0 : x0);
	*b = (uint32_t)(x1 > size ? size : x1);
}

/* --- checks -------------------------------------------------------------- */

static int
check_mesh(const struct mdf_aug_opts *o, struct mdf_frame *f, char *why,
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

static int
check_image(const struct mdf_aug_opts *o, struct mdf_frame *f, char *why,
    size_t whylen)
{
	struct mdf_image im;
	struct grid g;
	int rc;

	if ((rc = mdf_image_view(f, &im)) < 0)
		return mdf_why(why, whylen, rc, "malformed IMAG frame: %s",
		    mdf_strerror(rc));
	if (o->dropout == 0)
		return MDF_OK;
	if ((rc = parse_grid(f, &g, why, whylen)) < 0)
		return rc;
	if ((uint64_t)o->dropout >= (uint64_t)g.cols * g.rows)
		return mdf_why(why, whylen, MDF_E_META,
		    "--view-dropout %u would blank every tile of grid %ux%u",
		    o->dropout, g.cols, g.rows);
	if (g.cols > im.w || g.rows > im.h)
		return mdf_why(why, whylen, MDF_E_META,
		    "grid %ux%u does not fit a %ux%u image", g.cols, g.rows,
		    im.w, im.h);
	return MDF_OK;
}

int
mdf_aug_check(const struct mdf_aug_opts *o, const struct mdf_frame *f,
    char *why, size_t whylen)
{
	/* The typed views want a mutable frame; checking changes nothing. */
	struct mdf_frame *mf = (struct mdf_frame *)(uintptr_t)f;

	if (mdf_frame_is(f, "MESH") && mdf_aug_does_mesh(o))
		return check_mesh(o, mf, why, whylen);
	if (mdf_frame_is(f, "IMAG") && mdf_aug_does_image(o))
		return check_image(o, mf, why, whylen);
	return MDF_OK;
}

/* --- meshes -------------------------------------------------------------- */

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

static int
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
			rc |= mdf_setf(f, PREFIX "scale", "%.9g,%.9g,%.9g", s[0], s[1], s[2]);
		else
			rc |= mdf_setf(f, PREFIX "scale", "%.9g", s[0]);
		add_op(ops, "scale");
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
		rc |= mdf_setf(f, PREFIX "rotation", "%s", name);
		if (label != NULL && !o->keep_label) {
			const char *nl = mdf_rot_label(rot, label);
			if (nl == NULL) /* mdf_aug_check refuses these first */
				return mdf_why(why, whylen, MDF_E_META,
				    "label '%s' is not an axis direction", label);
			snprintf(orig, sizeof orig, "%s", label);
			rc |= mdf_set(f, "label", nl);
			rc |= mdf_set(f, PREFIX "label.orig", orig);
		}
		rc |= remap_removed(f, rot, 1);
		add_op(ops, "rotate");
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
		rc |= mdf_setf(f, PREFIX "jitter.deg", "%.9g", deg);
		rc |= mdf_setf(f, PREFIX "jitter.axis", "%.9g,%.9g,%.9g", a[0], a[1], a[2]);
		add_op(ops, "jitter");
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
		rc |= mdf_setf(f, PREFIX "noise", "%.9g", o->noise);
		rc |= mdf_setf(f, PREFIX "noise.sigma", "%.9g", sigma);
		add_op(ops, "noise");
	}
	cofactor(M, cof);
	area = set_normals(m.tri, m.n, cof);
	/* Geometry records written by stl2norm would be stale now. */
	if (mdf_get(f, "bbox") != NULL || mdf_get(f, "area") != NULL)
		rc |= mdf_mesh_set_meta(f, m.tri, m.n, o->noise > 0 ? NULL : &box, area);
	rc |= mdf_setf(f, PREFIX "matrix", "%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g",
	    M[0], M[1], M[2], M[3], M[4], M[5], M[6], M[7], M[8]);
	rc |= mdf_setf(f, PREFIX "center", "%.9g,%.9g,%.9g", c[0], c[1], c[2]);
	return rc < 0 ? mdf_why(why, whylen, MDF_E_NOMEM, "out of memory") : MDF_OK;
}

/* --- images -------------------------------------------------------------- */

static unsigned char
clamp8(double x)
{
	if (!(x > 0))
		return 0;
	if (x >= 255)
		return 255;
	return (unsigned char)floor(x + 0.5);
}

/* Background of F for C channels: --background, else its 'background'
 * key ("R,G,B" or "R,G,B,A"), else black (normrender's default). */
static void
background(const struct mdf_aug_opts *o, const struct mdf_frame *f,
    uint32_t c, unsigned char *px)
{
	unsigned char bg[4] = { 0, 0, 0, 0 };
	const char *s = mdf_get(f, "background");
	unsigned v[4];
	char tail;
	int n;

	if (o->have_bg)
		memcpy(bg, o->bg, 4);
	else if (s != NULL &&
	    ((n = sscanf(s, "%u,%u,%u,%u%c", &v[0], &v[1], &v[2], &v[3], &tail)) == 3 ||
	    n == 4) && v[0] < 256 && v[1] < 256 && v[2] < 256 && (n == 3 || v[3] < 256))
		for (int i = 0; i < n; i++)
			bg[i] = (unsigned char)v[i];
	if (c <= 2) { /* grey: the mean of R, G, B; then alpha */
		px[0] = (unsigned char)((bg[0] + bg[1] + bg[2] + 1) / 3);
		px[1] = bg[3];
	} else {
		memcpy(px, bg, 4);
	}
}

static void
fill_rect(struct mdf_image *im, uint32_t x0, uint32_t y0, uint32_t x1,
    uint32_t y1, const unsigned char *bg)
{
	for (uint32_t y = y0; y < y1; y++)
		for (uint32_t x = x0; x < x1; x++)
			memcpy(im->px + ((size_t)y * im->w + x) * im->c, bg, im->c);
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Rounded Gaussian noise for 8-bit samples.  An integer sample v becomes
 * clamp(floor(v + sigma Z + 0.5)) = clamp(v + D) with D = floor(sigma Z +
 * 0.5), whatever v is, so one table of D's distribution per copy serves
 * every sample: a 32-bit uniform and a guide table find D in a step or
 * two, instead of a logarithm per pair of Gaussians.  Mass beyond +-255
 * is lumped into the ends, where clamping sends it anyway. */
#define DN_MAX 255
#define DN_GUIDE_BITS 12

struct dnoise {
	int k;                          /* D in [-k, k] */
	uint32_t cdf[2 * DN_MAX + 1];   /* 2^32 P(D <= i - k), last 2^32 - 1 */
	uint16_t guide[1 << DN_GUIDE_BITS];
};

static void
dnoise_init(struct dnoise *d, double sigma)
{
	int n, j = 0;

	d->k = (int)ceil(6 * sigma) + 1;
	if (d->k > DN_MAX)
		d->k = DN_MAX;
	n = 2 * d->k + 1;
	for (int i = 0; i < n - 1; i++) {
		double x = (i - d->k + 0.5) / sigma;
		double p = 0.5 * erfc(-x / M_SQRT2) * 4294967296.0;
		d->cdf[i] = p >= 4294967295.0 ? 4294967295u : (uint32_t)p;
	}
	d->cdf[n - 1] = 4294967295u;
	/* guide[b]: the first entry that a uniform in bucket b can take */
	for (uint32_t b = 0; b < (1u << DN_GUIDE_BITS); b++) {
		uint32_t lo = b << (32 - DN_GUIDE_BITS);
		while (j < n - 1 && d->cdf[j] <= lo)
			j++;
		d->guide[b] = (uint16_t)j;
	}
}

static int
dnoise_draw(const struct dnoise *d, uint32_t u)
{
	int j = d->guide[u >> (32 - DN_GUIDE_BITS)];

	while (d->cdf[j] <= u && d->cdf[j] != 4294967295u)
		j++;
	return j - d->k;
}

static int
aug_image(const struct mdf_aug_opts *o, struct mdf_rng *r,
    struct mdf_frame *f, struct mdf_sb *ops, char *why, size_t whylen)
{
	struct mdf_image im;
	unsigned char bg[4];
	size_t n;
	uint32_t cc;
	int rc;

	if ((rc = mdf_image_view(f, &im)) < 0)
		return mdf_why(why, whylen, rc, "malformed IMAG frame");
	n = (size_t)im.w * im.h;
	cc = im.c == 2 || im.c == 4 ? im.c - 1 : im.c; /* alpha stays */
	background(o, f, im.c, bg);
	rc = 0;

	if (o->brightness > 0 || o->contrast > 0) {
		double b = 0, k = 1;
		unsigned char lut[256];

		if (o->brightness > 0) {
			b = 255 * mdf_rng_range(r, -o->brightness, o->brightness);
			rc |= mdf_setf(f, PREFIX "brightness", "%.9g", b);
			add_op(ops, "brightness");
		}
		if (o->contrast > 0) {
			k = mdf_rng_range(r, 1 - o->contrast, 1 + o->contrast);
			rc |= mdf_setf(f, PREFIX "contrast", "%.9g", k);
			add_op(ops, "contrast");
		}
		for (int v = 0; v < 256; v++)
			lut[v] = clamp8((v - 127.5) * k + 127.5 + b);
		for (size_t p = 0; p < n; p++)
			for (uint32_t ch = 0; ch < cc; ch++)
				im.px[p * im.c + ch] = lut[im.px[p * im.c + ch]];
	}
	if (o->pixel_noise > 0) {
		double sigma = 255 * o->pixel_noise;
		struct dnoise dn;
		uint64_t bits = 0;
		int half = 0;

		dnoise_init(&dn, sigma);
		for (size_t p = 0; p < n; p++)
			for (uint32_t ch = 0; ch < cc; ch++) {
				unsigned char *q = &im.px[p * im.c + ch];
				int v;

				if (!half)
					bits = mdf_rng_next(r);
				v = *q + dnoise_draw(&dn, (uint32_t)(half ? bits >> 32 : bits));
				half = !half;
				*q = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
			}
		rc |= mdf_setf(f, PREFIX "pixel_noise", "%.9g", sigma);
		add_op(ops, "pixel_noise");
	}
	if (o->cutout > 0) {
		struct mdf_sb rec = { 0 };
		uint32_t mw = (uint32_t)(o->cutout_size * im.w);
		uint32_t mh = (uint32_t)(o->cutout_size * im.h);

		for (unsigned i = 0; i < o->cutout; i++) {
			uint32_t w = 1 + (uint32_t)mdf_rng_below(r, mw ? mw : 1);
			uint32_t h = 1 + (uint32_t)mdf_rng_below(r, mh ? mh : 1);
			uint32_t x = (uint32_t)mdf_rng_below(r, im.w - w + 1);
			uint32_t y = (uint32_t)mdf_rng_below(r, im.h - h + 1);
			fill_rect(&im, x, y, x + w, y + h, bg);
			mdf_sb_printf(&rec, "%s%u,%u,%u,%u", i ? " " : "", x, y, w, h);
		}
		if (!rec.err)
			rc |= mdf_set(f, PREFIX "cutout", rec.s);
		else
			rc = -1;
		free(rec.s);
		add_op(ops, "cutout");
	}
	if (o->dropout > 0) {
		struct grid g;
		struct mdf_sb rec = { 0 };
		uint32_t *pick, total;
		unsigned got = 0;

		int grc;

		if ((grc = parse_grid(f, &g, why, whylen)) < 0)
			return grc;
		total = g.cols * g.rows;
		if ((pick = malloc(o->dropout * sizeof *pick)) == NULL)
			return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
		/* Floyd's sampling: DROPOUT distinct tiles, each set equally likely. */
		for (uint32_t j = total - o->dropout; j < total; j++) {
			uint32_t t = (uint32_t)mdf_rng_below(r, (uint64_t)j + 1);
			for (unsigned q = 0; q < got; q++)
				if (pick[q] == t) {
					t = j;
					break;
				}
			pick[got++] = t;
		}
		qsort(pick, got, sizeof *pick, cmp_u32);
		for (unsigned q = 0; q < got; q++) {
			uint32_t x0, x1, y0, y1;
			tile_span(pick[q] % g.cols, g.cols, g.tw, g.gap, im.w, &x0, &x1);
			tile_span(pick[q] / g.cols, g.rows, g.th, g.gap, im.h, &y0, &y1);
			fill_rect(&im, x0, y0, x1, y1, bg);
			mdf_sb_printf(&rec, "%s%u", q ? "," : "", pick[q]);
		}
		free(pick);
		rc |= rec.err ? -1 : mdf_set(f, PREFIX "dropout", rec.s);
		free(rec.s);
		add_op(ops, "dropout");
	}
	if (o->flip && (mdf_rng_next(r) >> 63)) {
		size_t row = (size_t)im.w * im.c;
		unsigned char t[4];
		if (o->flip == 'h') {
			for (uint32_t y = 0; y < im.h; y++)
				for (uint32_t x = 0; x < im.w / 2; x++) {
					unsigned char *a = im.px + y * row + (size_t)x * im.c;
					unsigned char *b = im.px + y * row + (size_t)(im.w - 1 - x) * im.c;
					memcpy(t, a, im.c);
					memcpy(a, b, im.c);
					memcpy(b, t, im.c);
				}
		} else {
			for (uint32_t y = 0; y < im.h / 2; y++)
				for (size_t i = 0; i < row; i++) {
					unsigned char *a = im.px + y * row + i;
					unsigned char *b = im.px + (im.h - 1 - y) * row + i;
					unsigned char u = *a;
					*a = *b;
					*b = u;
				}
		}
		rc |= mdf_setf(f, PREFIX "flip", "%c", o->flip);
		add_op(ops, "flip");
	}
	return rc < 0 ? mdf_why(why, whylen, MDF_E_NOMEM, "out of memory") : MDF_OK;
}

/* --- copies -------------------------------------------------------------- */

/* A second pass replaces the record of the first: stale augment.* keys
 * would describe operations this copy did not undergo. */
static void
drop_records(struct mdf_frame *f)
{
	char key[MDF_KEY_MAX + 1];

	for (size_t i = f->meta.n; i-- > 0;)
		if (strncmp(f->meta.kv[i].key, PREFIX, strlen(PREFIX)) == 0) {
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
	if ((rc = mdf_setf(out, PREFIX "copy", "%u", k)) < 0 ||
	    (rc = mdf_setf(out, PREFIX "seed", "%llu", (unsigned long long)o->seed)) < 0)
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
	if (rc >= 0 && mdf_set(out, PREFIX "ops", ops.len ? ops.s : "none") < 0)
		rc = mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	free(ops.s);
	return rc < 0 ? rc : MDF_OK;
}
