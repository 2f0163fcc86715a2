/* STL, binary and ASCII.  The two are told apart by content: a binary
 * file's size is exactly 84 + 50 n, where n is the count at byte 80.  The
 * word "solid" proves nothing, as many binary exporters start their
 * header with it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "importint.h"
#include "internal.h"
#include "milldir/mesh.h"
#include "milldir/types.h"

#define STL_HEADER 84
#define STL_RECORD 50

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* Does the start of BUF read as text (an ASCII STL)?  Binary data, even
 * under a "solid" header, has control bytes soon after byte 80. */
static int
looks_ascii(const unsigned char *buf, size_t len)
{
	size_t n = len < 1024 ? len : 1024;

	for (size_t i = 0; i < n; i++)
		if ((buf[i] < 0x20 && !imp_space(buf[i])) || buf[i] == 0x7f)
			return 0;
	return 1;
}

/* --- binary ------------------------------------------------------------ */

/* for finite values; fminf would also have to care for NaN */
static inline float
minf(float a, float b)
{
	return a < b ? a : b;
}

static inline float
maxf(float a, float b)
{
	return a > b ? a : b;
}

static inline float
ldf(const unsigned char *p)
{
	float f;

	memcpy(&f, p, sizeof f);
	return f;
}

/* What the parse learns besides the triangles. */
struct acc {
	float lo[3], hi[3];
	double area;     /* twice the area */
	uint64_t disagree;
};

/* One 50-byte record to one 48-byte triangle at T: 0 if kept, 1 if not
 * (degenerate, or a non-finite coordinate the caller must look for).
 * With A NULL (the second pass of a streamed import, on data already
 * checked) nothing is measured; the bytes written are the same, as both
 * passes and mdf_import_buffer run this one function. */
static inline __attribute__((always_inline)) int
stl_tri(const unsigned char *rec, float *t, unsigned flags, struct acc *a)
{
	/* Scalars loaded one by one: a block copy to the stack followed
	 * by narrower loads stalls on store forwarding. */
	const float x0 = ldf(rec + 12), y0 = ldf(rec + 16), z0 = ldf(rec + 20);
	const float x1 = ldf(rec + 24), y1 = ldf(rec + 28), z1 = ldf(rec + 32);
	const float x2 = ldf(rec + 36), y2 = ldf(rec + 40), z2 = ldf(rec + 44);
	double ax = (double)x1 - x0, ay = (double)y1 - y0,
	    az = (double)z1 - z0;
	double bx = (double)x2 - x0, by = (double)y2 - y0,
	    bz = (double)z2 - z0;
	double cx = ay * bz - az * by, cy = az * bx - ax * bz,
	    cz = ax * by - ay * bx;
	double l2 = cx * cx + cy * cy + cz * cz;

	/* A NaN or infinite coordinate makes l2 NaN or infinite (finite
	 * floats keep it below 1e160), so one test covers both cases. */
	if (!(l2 > 0 && l2 < INFINITY))
		return 1;
	double twice = sqrt(l2), inv = 1 / twice;

	cx *= inv, cy *= inv, cz *= inv;
	if (a != NULL) {
		a->area += twice;
		a->lo[0] = minf(a->lo[0], minf(x0, minf(x1, x2)));
		a->lo[1] = minf(a->lo[1], minf(y0, minf(y1, y2)));
		a->lo[2] = minf(a->lo[2], minf(z0, minf(z1, z2)));
		a->hi[0] = maxf(a->hi[0], maxf(x0, maxf(x1, x2)));
		a->hi[1] = maxf(a->hi[1], maxf(y0, maxf(y1, y2)));
		a->hi[2] = maxf(a->hi[2], maxf(z0, maxf(z1, z2)));
	}
	if (a != NULL || (flags & MDF_IMPORT_KEEP_NORMALS)) {
		/* stored normal: compare; keep it if asked and usable */
		double sx = ldf(rec), sy = ldf(rec + 4), sz = ldf(rec + 8);
		double s2 = sx * sx + sy * sy + sz * sz;
		double d = sx * cx + sy * cy + sz * cz;

		if (s2 > 0 && isfinite(s2)) {
			if (a != NULL && (d < 0 || d * d < 0.75 * s2))
				a->disagree++;
			if (flags & MDF_IMPORT_KEEP_NORMALS) {
				double k = 1 / sqrt(s2);

				cx = sx * k, cy = sy * k, cz = sz * k;
			}
		}
	}
	t[0] = (float)cx;
	t[1] = (float)cy;
	t[2] = (float)cz;
	memcpy(t + 3, rec + 12, 9 * sizeof *t);
	return 0;
}

/* Record I at REC was not kept: a degenerate triangle (0), or an error. */
static int
not_kept(struct mdf_import *im, const unsigned char *rec, uint64_t i)
{
	float r[12];

	memcpy(r, rec, sizeof r);
	if (!imp_finite(r + 3, 9)) {
		int k = 3;

		while (imp_finite(r + k, 1))
			k++;
		return imp_fail(im, MDF_E_META, "byte %llu: "
		    "triangle %llu: non-finite coordinate",
		    (unsigned long long)(STL_HEADER + STL_RECORD * i + 4 * (uint64_t)k),
		    (unsigned long long)(i + 1));
	}
	return 0;
}

/* The header's checks; the triangle count, or 0 after imp_fail. */
static uint64_t
stl_binary_count(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	uint64_t n, want;

	im->kind = "binary STL";
	if (len < STL_HEADER) {
		imp_fail(im, MDF_E_META, "byte %zu: truncated binary STL: "
		    "shorter than the %d-byte header", len, STL_HEADER);
		return 0;
	}
	n = le32(buf + 80);
	want = STL_HEADER + STL_RECORD * n;
	if (n == 0)
		imp_fail(im, MDF_E_META, "byte 80: binary STL with no "
		    "triangles (%zu bytes)", len);
	else if (len < want)
		imp_fail(im, MDF_E_META, "byte %zu: truncated binary STL: "
		    "header says %llu triangles (%llu bytes), file ends inside "
		    "triangle %llu", len, (unsigned long long)n,
		    (unsigned long long)want,
		    (unsigned long long)((len - STL_HEADER) / STL_RECORD + 1));
	else if (len > want)
		imp_fail(im, MDF_E_META, "byte 80: triangle count %llu "
		    "disagrees with the size: %llu bytes expected, file has %zu",
		    (unsigned long long)n, (unsigned long long)want, len);
	else
		return n;
	return 0;
}

static void
acc_init(struct acc *a)
{
	for (int k = 0; k < 3; k++) {
		a->lo[k] = INFINITY;
		a->hi[k] = -INFINITY;
	}
	a->area = 0;
	a->disagree = 0;
}

/* The body's results, then the check that some triangle is left. */
static int
acc_end(struct mdf_import *im, const struct acc *a, uint64_t kept)
{
	struct mdf_import_body *b = &im->body[0];

	b->area = a->area / 2;
	b->disagree = a->disagree;
	memcpy(b->lo, a->lo, sizeof a->lo);
	memcpy(b->hi, a->hi, sizeof a->hi);
	im->out->len = (b->first + kept) * MDF_MESH_TRI_BYTES;
	return imp_body_end(im, "byte 84");
}

static int
stl_binary(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	uint64_t n, kept = 0;
	struct acc a;
	float *out;
	int rc;

	if ((n = stl_binary_count(im, buf, len)) == 0)
		return MDF_E_META;
	if ((rc = imp_body_begin(im, NULL, 0)) < 0 ||
	    (rc = imp_reserve(im, n)) < 0)
		return rc;
	out = (float *)(void *)im->out->payload;
	imp_hugepages(out, (size_t)n * MDF_MESH_TRI_BYTES);
	acc_init(&a);
	/* The hot loop: one 50-byte record in, one 48-byte triangle out,
	 * no calls.  Degenerate triangles are overwritten by the next. */
	for (uint64_t i = 0; i < n; i++) {
		const unsigned char *rec = buf + STL_HEADER + STL_RECORD * i;

		if (stl_tri(rec, out + 12 * kept, im->flags, &a) == 0)
			kept++;
		else if ((rc = not_kept(im, rec, i)) < 0)
			return rc;
		else
			im->body[0].dropped++;
	}
	return acc_end(im, &a, kept);
}

int
imp_stl_is_binary(const unsigned char *buf, size_t len)
{
	return len > 0 && ((len >= STL_HEADER &&
	    len - STL_HEADER == (uint64_t)STL_RECORD * le32(buf + 80)) ||
	    !looks_ascii(buf, len));
}

/* Triangles per piece: the first pass's stay in L1 for the CRC, the
 * second's are bigger to take fewer write calls. */
#define MEASURE_CHUNK 512
#define WRITE_CHUNK 4096

int
imp_stl_measure(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	size_t chunk = im->chunk ? im->chunk : MEASURE_CHUNK;
	float *out;
	uint64_t n, kept = 0;
	uint32_t crc = 0;
	struct acc a;
	int rc;

	if ((n = stl_binary_count(im, buf, len)) == 0)
		return MDF_E_META;
	if ((rc = imp_body_begin(im, NULL, 0)) < 0)
		return rc;
	if (chunk > SIZE_MAX / MDF_MESH_TRI_BYTES ||
	    (out = malloc(chunk * MDF_MESH_TRI_BYTES)) == NULL)
		return imp_fail(im, MDF_E_NOMEM, "out of memory");
	acc_init(&a);
	for (uint64_t i = 0; i < n; ) {
		uint64_t end = n - i > chunk ? i + chunk : n;
		size_t k = 0;

		for (; i < end; i++) {
			const unsigned char *rec = buf + STL_HEADER + STL_RECORD * i;

			if (stl_tri(rec, out + 12 * k, im->flags, &a) == 0)
				k++;
			else if ((rc = not_kept(im, rec, i)) < 0) {
				free(out);
				return rc;
			} else
				im->body[0].dropped++;
		}
		crc = mdf_crc32(crc, out, k * MDF_MESH_TRI_BYTES);
		kept += k;
	}
	free(out);
	im->crc = crc;
	im->out->len = 0;
	if ((rc = acc_end(im, &a, kept)) < 0)
		return rc;
	im->out->len = 0;
	return MDF_OK;
}

int
imp_stl_write(struct mdf_import *im, const unsigned char *buf, size_t len,
    struct mdf_writer *w)
{
	uint64_t n = len >= STL_HEADER ? le32(buf + 80) : 0, kept = 0;
	size_t chunk = w == NULL ? (size_t)n : im->chunk ? im->chunk : WRITE_CHUNK;
	float *out;
	int rc = MDF_OK;

	if (w == NULL) {
		/* room for every record, in case the file changed */
		if (mdf_frame_resize(im->out, (size_t)n * MDF_MESH_TRI_BYTES) == NULL)
			return MDF_E_NOMEM;
		out = (float *)(void *)im->out->payload;
	} else if (chunk > SIZE_MAX / MDF_MESH_TRI_BYTES ||
	    (out = malloc(chunk * MDF_MESH_TRI_BYTES)) == NULL)
		return MDF_E_NOMEM;
	for (uint64_t i = 0; i < n && rc == MDF_OK && kept <= im->triangles; ) {
		uint64_t end = n - i > chunk ? i + chunk : n;
		size_t k = 0;

		for (; i < end; i++)
			k += stl_tri(buf + STL_HEADER + STL_RECORD * i,
			    out + 12 * k, im->flags, NULL) == 0;
		kept += k;
		if (w != NULL)
			rc = mdf_write_payload(w, out, k * MDF_MESH_TRI_BYTES);
	}
	if (w != NULL)
		free(out);
	else
		im->out->len = (size_t)kept * MDF_MESH_TRI_BYTES;
	/* the file changed between the passes */
	if (rc == MDF_OK && kept != im->triangles)
		rc = MDF_E_INVAL;
	return rc;
}

/* --- ASCII ------------------------------------------------------------- */

struct scan {
	struct mdf_import *im;
	const unsigned char *p, *end;
	uint64_t line;
};

static void
skip_space(struct scan *s)
{
	const unsigned char *p = s->p, *end = s->end;

	while (p < end && imp_space(*p)) {
		s->line += *p == '\n';
		p++;
	}
	s->p = p;
}

static size_t
token_len(const struct scan *s)
{
	const unsigned char *q = s->p;

	while (q < s->end && !imp_space(*q))
		q++;
	return (size_t)(q - s->p);
}

static int
expected(struct scan *s, const char *what)
{
	char tok[40];

	return imp_fail(s->im, MDF_E_META, "line %llu: expected %s, found %s",
	    (unsigned long long)s->line, what,
	    imp_token(tok, sizeof tok, s->p, token_len(s)));
}

/* Is the next token the keyword KW (lowercase letters), in any case. */
static int
is_kw(struct scan *s, const char *kw)
{
	const unsigned char *p;
	size_t i;

	skip_space(s);
	p = s->p;
	for (i = 0; kw[i] != '\0'; i++)
		if (p + i >= s->end || (p[i] | 0x20) != (unsigned char)kw[i])
			return 0;
	if (p + i < s->end && !imp_space(p[i]))
		return 0;
	s->p = p + i;
	return 1;
}

static int
keyword(struct scan *s, const char *kw, const char *quoted)
{
	return is_kw(s, kw) ? MDF_OK : expected(s, quoted);
}

/* A coordinate; a stored normal (NORMAL set) may also be NaN or infinite:
 * some exporters write "nan" for degenerate facets, and stored normals
 * are only advice. */
static int
number(struct scan *s, float *v, int normal)
{
	const char *q;

	skip_space(s);
	q = mdf_parse_float((const char *)s->p, (const char *)s->end, v);
	if (q == NULL || ((const unsigned char *)q < s->end &&
	    !imp_space(*(const unsigned char *)q))) {
		char tok[40];
		size_t n = token_len(s);
		const unsigned char *t = s->p;

		if (n > 0 && (*t == '-' || *t == '+'))
			t++;
		if (imp_nonfinite_word(t, n - (size_t)(t - s->p))) {
			if (normal) {
				*v = NAN;
				s->p += n;
				return MDF_OK;
			}
			return imp_fail(s->im, MDF_E_META, "line %llu: non-finite "
			    "coordinate %s", (unsigned long long)s->line,
			    imp_token(tok, sizeof tok, s->p, n));
		}
		return expected(s, "a number");
	}
	if (!isfinite(*v) && !normal) {
		char tok[40];

		return imp_fail(s->im, MDF_E_META, "line %llu: non-finite "
		    "coordinate %s (out of float range)",
		    (unsigned long long)s->line,
		    imp_token(tok, sizeof tok, s->p, token_len(s)));
	}
	s->p = (const unsigned char *)q;
	return MDF_OK;
}

/* One "solid NAME ... endsolid [NAME]" block, "solid" already read. */
static int
stl_solid(struct scan *s)
{
	const unsigned char *name = s->p;
	uint64_t line = s->line;
	char where[200];
	int rc;

	while (s->p < s->end && *s->p != '\n')
		s->p++;
	if ((rc = imp_body_begin(s->im, name, (size_t)(s->p - name))) < 0)
		return rc;
	snprintf(where, sizeof where, "line %llu: solid '%s'", (unsigned long long)line,
	    s->im->body[s->im->nbody - 1].name);
	for (;;) {
		float v[9], nrm[3];

		if (!is_kw(s, "facet")) {
			if (is_kw(s, "endsolid"))
				break;
			return expected(s, "'facet' or 'endsolid'");
		}
		if ((rc = keyword(s, "normal", "'normal'")) < 0 ||
		    (rc = number(s, nrm, 1)) < 0 ||
		    (rc = number(s, nrm + 1, 1)) < 0 ||
		    (rc = number(s, nrm + 2, 1)) < 0 ||
		    (rc = keyword(s, "outer", "'outer'")) < 0 ||
		    (rc = keyword(s, "loop", "'loop'")) < 0)
			return rc;
		for (int k = 0; k < 9; k += 3)
			if ((rc = keyword(s, "vertex", "'vertex'")) < 0 ||
			    (rc = number(s, v + k, 0)) < 0 ||
			    (rc = number(s, v + k + 1, 0)) < 0 ||
			    (rc = number(s, v + k + 2, 0)) < 0)
				return rc;
		if ((rc = keyword(s, "endloop", "'endloop'")) < 0 ||
		    (rc = keyword(s, "endfacet", "'endfacet'")) < 0 ||
		    (rc = imp_add(s->im, v, nrm)) < 0)
			return rc;
	}
	/* the rest of the endsolid line is its optional name */
	while (s->p < s->end && *s->p != '\n')
		s->p++;
	return imp_body_end(s->im, where);
}

static int
stl_ascii(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	struct scan s = { im, buf, buf + len, 1 };
	int rc;

	im->kind = "ASCII STL";
	/* a guess from the size keeps reallocation rare: ~250 bytes a facet */
	if ((rc = imp_reserve(im, len / 256 + 16)) < 0)
		return rc;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		s.p += 3;               /* UTF-8 byte-order mark */
	do {
		if (!is_kw(&s, "solid"))
			return expected(&s, "'solid'");
		if ((rc = stl_solid(&s)) < 0)
			return rc;
		skip_space(&s);
	} while (s.p < s.end);
	return MDF_OK;
}

int
mdf_stl_parse(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	if (len == 0)
		return imp_fail(im, MDF_E_META, "byte 0: empty file");
	if (imp_stl_is_binary(buf, len))
		return stl_binary(im, buf, len);
	return stl_ascii(im, buf, len);
}
