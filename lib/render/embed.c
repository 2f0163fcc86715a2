/*
 * Soft histograms of face normals over a subdivided octahedron.
 *
 * Frequency F puts a triangular lattice on each of the octahedron's eight
 * faces: the signed integer points (a, b, c) with |a| + |b| + |c| = F,
 * 4F^2 + 2 of them, the bins.  A direction d is located on the lattice
 * through the warped coordinates t_k = |d_k|^(4/3):
 *
 *     u_k = F t_k / (t_0 + t_1 + t_2),   u_0 + u_1 + u_2 = F,
 *
 * so u lies in one small lattice triangle of d's octant, and d's weight
 * goes to that triangle's corners by barycentric coordinates.  The
 * weights are continuous in d (they agree on shared edges, and a corner
 * with a coordinate of 0 is shared by the octants on either side), and
 * they are a function of |d_0|, |d_1|, |d_2| that commutes with swapping
 * coordinates and signs, so every cube rotation permutes the bins.
 *
 * The warp: with t_k = |d_k| (the plain central projection) a bin near a
 * face centre collects up to 5.8 times the mass of a bin at an axis for
 * uniformly spread normals (F = 6); the power 4/3 brings the largest
 * ratio down to 1.3-1.4 for F = 2..8 (1.7 at F = 16).  A bin's centre
 * is the direction whose warped coordinates are its lattice point,
 * normalise(sign(a) |a|^(3/4), sign(b) |b|^(3/4), sign(c) |c|^(3/4)).
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "milldir/embed.h"
#include "milldir/mesh.h"
#include "milldir/reach.h"
#include "milldir/types.h"

struct mdf_embed {
	struct mdf_embed_opts o;
	int f;              /* frequency */
	uint64_t nbins;
	int32_t *idx;       /* (2F+1)^2 x 2: bin of (a, b, +c) and (a, b, -c) */
	int16_t (*lat)[3];  /* lattice point of each bin */
	double *acc;        /* histogram accumulator */
	double *off;        /* offset channel accumulator */
	float *out;         /* the last embedding */
	size_t len;
	struct mdf_reacher *reacher;   /* with MDF_EMBED_REACH */
};

static const struct {
	const char *name;
	unsigned bit;
	int n;
} features[] = {
	{ "mean", MDF_EMBED_MEAN, 3 },
	{ "moments", MDF_EMBED_MOMENTS, 6 },
	{ "bbox", MDF_EMBED_BBOX, 3 },
	{ "bbox-sorted", MDF_EMBED_BBOX_SORTED, 3 },
	{ "offset", MDF_EMBED_OFFSET, -1 },     /* one per bin */
	{ "reach", MDF_EMBED_REACH, MDF_EMBED_REACH_LEN },
};
#define NFEATURES (sizeof features / sizeof features[0])

uint64_t
mdf_embed_bins(unsigned freq)
{
	return 4 * (uint64_t)freq * freq + 2;
}

int
mdf_embed_freq(uint64_t bins)
{
	for (unsigned f = 1; f <= MDF_EMBED_MAX_FREQ; f++)
		if (mdf_embed_bins(f) == bins)
			return (int)f;
	return MDF_E_INVAL;
}

int
mdf_embed_features_parse(const char *list, unsigned *out)
{
	unsigned bits = 0;
	const char *p = list;

	if (strcmp(list, "none") == 0) {
		*out = 0;
		return MDF_OK;
	}
	for (;;) {
		size_t len = strcspn(p, ",");
		size_t k;

		for (k = 0; k < NFEATURES; k++)
			if (strlen(features[k].name) == len &&
			    strncmp(p, features[k].name, len) == 0)
				break;
		if (k == NFEATURES)
			return MDF_E_INVAL;
		bits |= features[k].bit;
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	*out = bits;
	return MDF_OK;
}

void
mdf_embed_features_name(unsigned bits, char *buf, size_t len)
{
	size_t pos = 0;

	if (len == 0)
		return;
	buf[0] = '\0';
	for (size_t k = 0; k < NFEATURES; k++)
		if (bits & features[k].bit) {
			int w = snprintf(buf + pos, len - pos, "%s%s",
			    pos ? "," : "", features[k].name);
			if (w < 0 || (size_t)w >= len - pos)
				return;
			pos += (size_t)w;
		}
	if (pos == 0)
		snprintf(buf, len, "none");
}

size_t
mdf_embed_length(const struct mdf_embed_opts *o)
{
	size_t n = (size_t)mdf_embed_bins(o->freq);

	for (size_t k = 0; k < NFEATURES; k++)
		if (o->features & features[k].bit)
			n += features[k].n < 0 ? (size_t)mdf_embed_bins(o->freq) :
			    (size_t)features[k].n;
	return n;
}

static int32_t *
slot(const struct mdf_embed *e, int a, int b, int c)
{
	int side = 2 * e->f + 1;

	return &e->idx[2 * ((size_t)(a + e->f) * side + (size_t)(b + e->f)) +
	    (c < 0)];
}

/* Give lattice point (a, b, c) the next index, and both slots of c = 0. */
static void
number(struct mdf_embed *e, int a, int b, int c, uint64_t *next)
{
	int32_t *s = slot(e, a, b, c);

	if (*s >= 0)
		return;
	*s = (int32_t)*next;
	if (c == 0)
		*slot(e, a, b, 1) = *s;
	e->lat[*next][0] = (int16_t)a;
	e->lat[*next][1] = (int16_t)b;
	e->lat[*next][2] = (int16_t)c;
	(*next)++;
}

struct mdf_embed *
mdf_embed_new(const struct mdf_embed_opts *o)
{
	struct mdf_embed *e;
	int f = (int)o->freq, side = 2 * f + 1;
	uint64_t next = 0;

	if (o->freq < 1 || o->freq > MDF_EMBED_MAX_FREQ ||
	    (o->features & ~(unsigned)(MDF_EMBED_MEAN | MDF_EMBED_MOMENTS |
	    MDF_EMBED_BBOX | MDF_EMBED_BBOX_SORTED | MDF_EMBED_OFFSET |
	    MDF_EMBED_REACH)) != 0)
		return NULL;
	if ((e = calloc(1, sizeof *e)) == NULL)
		return NULL;
	e->o = *o;
	e->f = f;
	e->nbins = mdf_embed_bins(o->freq);
	e->len = mdf_embed_length(o);
	e->idx = malloc((size_t)side * side * 2 * sizeof *e->idx);
	e->lat = malloc((size_t)e->nbins * sizeof *e->lat);
	e->acc = malloc((size_t)e->nbins * sizeof *e->acc);
	e->off = malloc((size_t)e->nbins * sizeof *e->off);
	e->out = malloc(e->len * sizeof *e->out);
	if (o->features & MDF_EMBED_REACH) {
		struct mdf_reach_opts ro;

		mdf_reach_opts_default(&ro);
		ro.threads = 1;     /* normembed is one stream of meshes */
		e->reacher = mdf_reacher_new(&ro);
	}
	if (e->idx == NULL || e->lat == NULL || e->acc == NULL || e->off == NULL ||
	    e->out == NULL || (o->features & MDF_EMBED_REACH && !e->reacher)) {
		mdf_embed_free(e);
		return NULL;
	}
	for (size_t i = 0; i < (size_t)side * side * 2; i++)
		e->idx[i] = -1;
	/* the six axes first, in label order +X -X +Y -Y +Z -Z */
	number(e, f, 0, 0, &next);
	number(e, -f, 0, 0, &next);
	number(e, 0, f, 0, &next);
	number(e, 0, -f, 0, &next);
	number(e, 0, 0, f, &next);
	number(e, 0, 0, -f, &next);
	/* then by c, b, a, each from +F down to -F */
	for (int c = f; c >= -f; c--)
		for (int b = f; b >= -f; b--)
			for (int a = f; a >= -f; a--)
				if (abs(a) + abs(b) + abs(c) == f)
					number(e, a, b, c, &next);
	return e;
}

void
mdf_embed_free(struct mdf_embed *e)
{
	if (e == NULL)
		return;
	free(e->idx);
	free(e->lat);
	free(e->acc);
	free(e->off);
	free(e->out);
	mdf_reacher_free(e->reacher);
	free(e);
}

uint64_t
mdf_embed_nbins(const struct mdf_embed *e)
{
	return e->nbins;
}

int
mdf_embed_centre(const struct mdf_embed *e, uint64_t i, double c[3])
{
	double len = 0;

	if (i >= e->nbins)
		return MDF_E_INVAL;
	for (int k = 0; k < 3; k++) {
		int v = e->lat[i][k];

		/* the inverse of the warp: |d_k| proportional to |v|^(3/4) */
		c[k] = (v < 0 ? -1 : 1) * pow(abs(v), 0.75);
		len += c[k] * c[k];
	}
	len = sqrt(len);
	for (int k = 0; k < 3; k++)
		c[k] /= len;
	return MDF_OK;
}

int
mdf_embed_assign(const struct mdf_embed *e, const double d[3],
    uint64_t bin[3], double w[3])
{
	double a[3], t[3], u[3], fr[3], big = 0, sum = 0;
	int lo[3], v[3][3], rem = e->f, n = 0;

	for (int k = 0; k < 3; k++) {
		if (!isfinite(d[k]))
			return MDF_E_INVAL;
		a[k] = fabs(d[k]);
		if (a[k] > big)
			big = a[k];
	}
	if (!(big > 0))
		return MDF_E_INVAL;
	/* scale first so that the 4/3 power can neither overflow nor
	 * underflow; u does not depend on the length of d */
	for (int k = 0; k < 3; k++) {
		a[k] /= big;
		t[k] = a[k] * cbrt(a[k]);
		sum += t[k];
	}
	for (int k = 0; k < 3; k++) {
		u[k] = e->f * t[k] / sum;
		lo[k] = (int)floor(u[k]);
		if (lo[k] > e->f)
			lo[k] = e->f;
		fr[k] = u[k] - lo[k];
		rem -= lo[k];
	}
	/* rem = fr_0 + fr_1 + fr_2 up to rounding: 1 in an upward triangle
	 * (corners lo + e_k), 2 in a downward one (corners lo + 1 - e_k);
	 * 0 or 3 only on a lattice point, within rounding */
	for (int j = 0; j < 3; j++) {
		for (int k = 0; k < 3; k++) {
			if (rem <= 0)
				v[j][k] = lo[k];
			else if (rem == 1)
				v[j][k] = lo[k] + (k == j);
			else if (rem == 2)
				v[j][k] = lo[k] + (k != j);
			else
				v[j][k] = lo[k] + 1;
		}
		w[j] = rem <= 0 || rem >= 3 ? (j == 0) :
		    rem == 1 ? fr[j] : 1 - fr[j];
		if (w[j] < 0)
			w[j] = 0;
	}
	sum = w[0] + w[1] + w[2];
	for (int j = 0; j < 3; j++) {
		int32_t s;

		if (!(w[j] > 0))
			continue;
		s = *slot(e, d[0] < 0 ? -v[j][0] : v[j][0],
		    d[1] < 0 ? -v[j][1] : v[j][1],
		    d[2] < 0 ? -v[j][2] : v[j][2]);
		if (s < 0)   /* cannot happen: the corners lie on the lattice */
			return MDF_E_INVAL;
		bin[n] = (uint64_t)s;
		w[n] = w[j] / sum;
		n++;
	}
	return n;
}

void
mdf_embed_rot_perm(const struct mdf_embed *e, const struct mdf_rot *r,
    uint64_t *perm)
{
	for (uint64_t i = 0; i < e->nbins; i++) {
		int q[3];

		for (int k = 0; k < 3; k++)
			q[k] = r->m[3 * k] * e->lat[i][0] +
			    r->m[3 * k + 1] * e->lat[i][1] +
			    r->m[3 * k + 2] * e->lat[i][2];
		perm[i] = (uint64_t)*slot(e, q[0], q[1], q[2]);
	}
}

/* Offset of a face along its unit normal D: the distance of its centroid
 * C from the box centre along D, over the box's half-width along D (its
 * support function), so 1 on the box's skin facing out, less when
 * recessed.  A face of a flat box lies on its skin. */
static double
face_offset(const float *v, const double d[3], const double ctr[3],
    const double half[3])
{
	double num = 0, den = 0, o;

	for (int k = 0; k < 3; k++) {
		double c = ((double)v[k] + v[3 + k] + v[6 + k]) / 3;

		num += (c - ctr[k]) * d[k];
		den += fabs(d[k]) * half[k];
	}
	if (!(den > 0))
		return 1;
	o = num / den;
	return o > 1 ? 1 : o < -1 ? -1 : o;   /* rounding only */
}

/* The reach channels (MDF_EMBED_REACH) of a mesh of area AREA and signed
 * volume VOL: they say from where material was taken out, which the
 * normals alone leave to be guessed, and (the part's volume over its
 * box's, the round-stock flag) which stock it was cut from. */
static int
reach_features(struct mdf_embed *e, const float *tri, uint64_t n,
    double area, double vol, const struct mdf_bbox *box, float *out,
    char *why, size_t whylen)
{
	struct mdf_mesh m = { n, (float *)tri };
	struct mdf_reach r;
	double bvol = 1;
	int rc;

	if ((rc = mdf_reach(e->reacher, &m, &r, why, whylen)) < 0)
		return rc;
	for (int k = 0; k < 3; k++)
		bvol *= box->max[k] - box->min[k];
	if (!(bvol > 0) || !isfinite(bvol) || !(r.stock_volume > 0))
		return mdf_why(why, whylen, MDF_E_META,
		    "mesh is flat: its bounding box has no volume");
	for (int d = 0; d < 6; d++) {
		out[d] = (float)r.share[d];
		out[6 + d] = (float)(r.vol[d] / r.stock_volume);
		out[12 + d] = (float)(r.area[d] / area);
	}
	out[18] = (float)(fabs(vol) / bvol);
	out[19] = (float)r.round;
	for (int a = 0; a < 3; a++)
		out[20 + a] = (float)(r.through[2 * a] / r.stock_volume);
	return MDF_OK;
}

int
mdf_embed_mesh(struct mdf_embed *e, const float *tri, uint64_t n, float *out,
    char *why, size_t whylen)
{
	double area = 0, mean[3] = { 0, 0, 0 }, mom[6] = { 0, 0, 0, 0, 0, 0 };
	double ctr[3], half[3], ext[3], big = 0, vol = 0;
	struct mdf_bbox box;
	uint64_t used = 0;
	size_t pos;

	if (n == 0)
		return mdf_why(why, whylen, MDF_E_META, "mesh has no triangles");
	for (uint64_t i = 0; i < n; i++)
		for (int k = 3; k < 12; k++)
			if (!isfinite(tri[12 * i + k]))
				return mdf_why(why, whylen, MDF_E_META,
				    "triangle %llu: vertex coordinate is not "
				    "finite", (unsigned long long)i + 1);
	mdf_mesh_bbox(tri, n, &box);
	for (int k = 0; k < 3; k++) {
		ctr[k] = (box.min[k] + box.max[k]) / 2;
		ext[k] = box.max[k] - box.min[k];
		half[k] = ext[k] / 2;
		if (ext[k] > big)
			big = ext[k];
	}
	memset(e->acc, 0, (size_t)e->nbins * sizeof *e->acc);
	memset(e->off, 0, (size_t)e->nbins * sizeof *e->off);
	for (uint64_t i = 0; i < n; i++) {
		const float *v = tri + 12 * i + 3;
		float nf[3];
		double d[3], a, w[3], o;
		uint64_t bin[3];
		int nb;

		a = mdf_mesh_face_normal(v, nf) / 2;
		if (!(a > 0))
			continue;   /* degenerate: no area, no direction */
		for (int k = 0; k < 3; k++)
			d[k] = nf[k];
		if ((nb = mdf_embed_assign(e, d, bin, w)) < 0)
			return mdf_why(why, whylen, MDF_E_META,
			    "triangle %llu: no normal direction",
			    (unsigned long long)i + 1);
		o = e->o.features & MDF_EMBED_OFFSET ?
		    face_offset(v, d, ctr, half) : 0;
		for (int j = 0; j < nb; j++) {
			e->acc[bin[j]] += a * w[j];
			e->off[bin[j]] += a * w[j] * o;
		}
		area += a;
		used++;
		for (int k = 0; k < 3; k++)
			mean[k] += a * d[k];
		mom[0] += a * d[0] * d[0];
		mom[1] += a * d[1] * d[1];
		mom[2] += a * d[2] * d[2];
		mom[3] += a * d[0] * d[1];
		mom[4] += a * d[0] * d[2];
		mom[5] += a * d[1] * d[2];
	}
	if (used == 0 || !(area > 0) || !isfinite(area))
		return mdf_why(why, whylen, MDF_E_META, "mesh has no area "
		    "(%llu degenerate triangles)", (unsigned long long)n);
	vol = mdf_mesh_volume(tri, n);
	for (uint64_t b = 0; b < e->nbins; b++)
		out[b] = (float)(e->o.normalize ? e->acc[b] / area : e->acc[b]);
	pos = (size_t)e->nbins;
	if (e->o.features & MDF_EMBED_MEAN)
		for (int k = 0; k < 3; k++)
			out[pos++] = (float)(mean[k] / area);
	if (e->o.features & MDF_EMBED_MOMENTS)
		for (int k = 0; k < 6; k++)
			out[pos++] = (float)(mom[k] / area);
	if (e->o.features & (MDF_EMBED_BBOX | MDF_EMBED_BBOX_SORTED)) {
		if (!(big > 0) || !isfinite(big))   /* area > 0 forbids it */
			return mdf_why(why, whylen, MDF_E_META,
			    "mesh has an empty bounding box");
		for (int k = 0; k < 3; k++)
			ext[k] /= big;
		if (e->o.features & MDF_EMBED_BBOX)
			for (int k = 0; k < 3; k++)
				out[pos++] = (float)ext[k];
		if (e->o.features & MDF_EMBED_BBOX_SORTED) {
			for (int k = 0; k < 2; k++)     /* three: bubble */
				for (int j = 0; j < 2 - k; j++)
					if (ext[j] < ext[j + 1]) {
						double s = ext[j];
						ext[j] = ext[j + 1];
						ext[j + 1] = s;
					}
			for (int k = 0; k < 3; k++)
				out[pos++] = (float)ext[k];
		}
	}
	if (e->o.features & MDF_EMBED_OFFSET)
		for (uint64_t b = 0; b < e->nbins; b++)
			out[pos++] = (float)(e->o.normalize ? e->off[b] / area :
			    e->off[b]);
	if (e->o.features & MDF_EMBED_REACH) {
		int rc = reach_features(e, tri, n, area, vol, &box, out + pos,
		    why, whylen);

		if (rc < 0)
			return rc;
		pos += MDF_EMBED_REACH_LEN;
	}
	return MDF_OK;
}

int
mdf_embed_frame(struct mdf_embed *e, struct mdf_frame *f, char *why,
    size_t whylen)
{
	struct mdf_mesh m;
	struct mdf_tensor t;
	uint64_t dims[3] = { 1, 1, 0 };
	char names[64];
	int rc;

	if ((rc = mdf_mesh_view(f, &m)) < 0)
		return mdf_why(why, whylen, rc, "bad MESH frame: %s",
		    mdf_strerror(rc));
	if ((rc = mdf_embed_mesh(e, m.tri, m.n, e->out, why, whylen)) < 0)
		return rc;
	dims[2] = e->len;
	mdf_embed_features_name(e->o.features, names, sizeof names);
	mdf_unset(f, "triangles");
	if ((rc = mdf_tensor_init(f, 3, dims, &t)) < 0 ||
	    (rc = mdf_set(f, "embed.kind", "normhist")) < 0 ||
	    (rc = mdf_setf(f, "embed.bins", "%llu",
	    (unsigned long long)e->nbins)) < 0 ||
	    (rc = mdf_set(f, "embed.features", names)) < 0 ||
	    (rc = mdf_set(f, "embed.normalized", e->o.normalize ? "1" : "0")) < 0)
		return mdf_why(why, whylen, rc, "%s", mdf_strerror(rc));
	memcpy(t.data, e->out, e->len * sizeof *e->out);
	return MDF_OK;
}
