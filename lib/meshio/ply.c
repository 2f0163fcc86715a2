/* PLY (Stanford polygon format): ascii, binary_little_endian and
 * binary_big_endian.  The vertex element gives x, y, z (any numeric
 * type); the face element's vertex_indices (or vertex_index) list gives
 * polygons, fan-triangulated.  Other elements and properties are read
 * and skipped.  The vertex element must come before the face element. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "meshio/importint.h"

enum ptype { P_NONE, P_I8, P_U8, P_I16, P_U16, P_I32, P_U32, P_F32, P_F64 };

static const struct {
	const char *name;
	enum ptype t;
} type_names[] = {
	{ "char", P_I8 }, { "int8", P_I8 }, { "uchar", P_U8 }, { "uint8", P_U8 },
	{ "short", P_I16 }, { "int16", P_I16 }, { "ushort", P_U16 },
	{ "uint16", P_U16 }, { "int", P_I32 }, { "int32", P_I32 },
	{ "uint", P_U32 }, { "uint32", P_U32 }, { "float", P_F32 },
	{ "float32", P_F32 }, { "double", P_F64 }, { "float64", P_F64 },
};

static const int type_size[] = { 0, 1, 1, 2, 2, 4, 4, 4, 8 };

#define MAX_PROPS 64
#define MAX_ELEMS 16

struct prop {
	enum ptype t;     /* value type */
	enum ptype count; /* list count type, P_NONE for a scalar */
	int role;         /* 0 other, 1..3 x y z, 4 face indices */
};

struct elem {
	int kind;         /* 0 other, 1 vertex, 2 face */
	uint64_t n;
	int nprop;
	struct prop prop[MAX_PROPS];
};

enum { FMT_ASCII, FMT_LE, FMT_BE };

struct ply {
	struct mdf_import *im;
	const unsigned char *buf, *p, *end;
	int fmt;
	uint64_t line;    /* ascii: current line */
	int nelem;
	struct elem elem[MAX_ELEMS];
};

/* --- header ------------------------------------------------------------ */

/* Split the header line at P into up to 6 words. */
static int
words(const unsigned char *p, const unsigned char *end,
    const unsigned char **w, size_t *wl, int max)
{
	int n = 0;

	while (p < end && n < max) {
		while (p < end && imp_space(*p))
			p++;
		if (p == end)
			break;
		w[n] = p;
		while (p < end && !imp_space(*p))
			p++;
		wl[n] = (size_t)(p - w[n]);
		n++;
	}
	return n;
}

static int
word_is(const unsigned char *w, size_t wl, const char *s)
{
	return wl == strlen(s) && memcmp(w, s, wl) == 0;
}

static enum ptype
type_of(const unsigned char *w, size_t wl)
{
	for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (word_is(w, wl, type_names[i].name))
			return type_names[i].t;
	return P_NONE;
}

/* A header with more than MAX elements or properties (WHAT), at LINE. */
static int
too_many(struct mdf_import *im, unsigned long long line, int max, const char *what)
{
	return imp_fail(im, MDF_E_META, "line %llu: more than %d %s", line, max, what);
}

static int
header(struct ply *y)
{
	struct mdf_import *im = y->im;
	const unsigned char *p = y->buf, *end = y->end;
	uint64_t line = 0;
	int have_format = 0;
	char tok[40];

	for (;;) {
		const unsigned char *nl, *w[6];
		size_t wl[6];
		int nw;

		if (p == end)
			return imp_fail(im, MDF_E_META, "line %llu: header has no "
			    "'end_header'", (unsigned long long)line);
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		line++;
		nw = words(p, nl, w, wl, 6);
		if (line == 1) {
			if (nw != 1 || !word_is(w[0], wl[0], "ply"))
				return imp_fail(im, MDF_E_META, "line 1: expected "
				    "'ply', found %s", imp_token(tok, sizeof tok,
				    nw ? w[0] : p, nw ? wl[0] : 0));
		} else if (nw == 0 || word_is(w[0], wl[0], "comment") ||
		    word_is(w[0], wl[0], "obj_info")) {
			/* nothing */
		} else if (word_is(w[0], wl[0], "format")) {
			if (nw < 2)
				goto bad;
			if (word_is(w[1], wl[1], "ascii"))
				y->fmt = FMT_ASCII;
			else if (word_is(w[1], wl[1], "binary_little_endian"))
				y->fmt = FMT_LE;
			else if (word_is(w[1], wl[1], "binary_big_endian"))
				y->fmt = FMT_BE;
			else
				return imp_fail(im, MDF_E_META, "line %llu: unknown "
				    "PLY format %s", (unsigned long long)line,
				    imp_token(tok, sizeof tok, w[1], wl[1]));
			have_format = 1;
		} else if (word_is(w[0], wl[0], "element")) {
			struct elem *e;
			char *q, num[24];

			if (nw != 3 || wl[2] >= sizeof num)
				goto bad;
			if (y->nelem == MAX_ELEMS)
				return too_many(im, line, MAX_ELEMS, "elements");
			e = &y->elem[y->nelem++];
			memset(e, 0, sizeof *e);
			memcpy(num, w[2], wl[2]);
			num[wl[2]] = '\0';
			e->n = strtoull(num, &q, 10);
			if (*q != '\0' || num[0] == '-' || num[0] == '+')
				goto bad;
			if (word_is(w[1], wl[1], "vertex"))
				e->kind = 1;
			else if (word_is(w[1], wl[1], "face"))
				e->kind = 2;
		} else if (word_is(w[0], wl[0], "property")) {
			struct elem *e;
			struct prop *pr;
			int last;

			if (y->nelem == 0)
				goto bad;
			e = &y->elem[y->nelem - 1];
			if (e->nprop == MAX_PROPS)
				return too_many(im, line, MAX_PROPS, "properties");
			pr = &e->prop[e->nprop++];
			memset(pr, 0, sizeof *pr);
			if (nw == 3) {
				pr->t = type_of(w[1], wl[1]);
			} else if (nw == 5 && word_is(w[1], wl[1], "list")) {
				pr->count = type_of(w[2], wl[2]);
				pr->t = type_of(w[3], wl[3]);
				if (pr->count == P_NONE || pr->count == P_F32 ||
				    pr->count == P_F64)
					goto bad;
			} else {
				goto bad;
			}
			if (pr->t == P_NONE)
				goto bad;
			last = nw - 1;
			if (e->kind == 1 && pr->count == P_NONE && wl[last] == 1 &&
			    *w[last] >= 'x' && *w[last] <= 'z')
				pr->role = 1 + (*w[last] - 'x');
			if (e->kind == 2 && pr->count != P_NONE &&
			    (word_is(w[last], wl[last], "vertex_indices") ||
			    word_is(w[last], wl[last], "vertex_index")))
				pr->role = 4;
		} else if (word_is(w[0], wl[0], "end_header")) {
			if (!have_format)
				return imp_fail(im, MDF_E_META, "line %llu: no "
				    "'format' line before 'end_header'",
				    (unsigned long long)line);
			y->p = nl < end ? nl + 1 : end;
			y->line = line + 1;
			return MDF_OK;
		} else {
			goto bad;
		}
		p = nl < end ? nl + 1 : end;
		continue;
bad:
		return imp_fail(im, MDF_E_META, "line %llu: malformed PLY header "
		    "line starting %s", (unsigned long long)line,
		    imp_token(tok, sizeof tok, w[0], wl[0]));
	}
}

/* --- data -------------------------------------------------------------- */

/* Read one value of type T; 0 or MDF_E_META. */
static int
value(struct ply *y, enum ptype t, double *out)
{
	char tok[40];

	if (y->fmt == FMT_ASCII) {
		const unsigned char *q;
		float f;

		while (y->p < y->end && imp_space(*y->p))
			y->line += *y->p++ == '\n';
		for (q = y->p; q < y->end && !imp_space(*q); q++)
			;
		if (t == P_F32 || t == P_F64) {
			const char *e = mdf_parse_float((const char *)y->p,
			    (const char *)q, &f);

			if (e == NULL || (const unsigned char *)e != q) {
				const unsigned char *s = y->p;
				size_t n = (size_t)(q - s);

				if (n > 0 && (*s == '-' || *s == '+'))
					s++, n--;
				return imp_fail(y->im, MDF_E_META, "line %llu: %s %s",
				    (unsigned long long)y->line,
				    imp_nonfinite_word(s, n) ?
				    "non-finite coordinate" : "expected a number, found",
				    imp_token(tok, sizeof tok, y->p,
				    (size_t)(q - y->p)));
			}
			*out = f;
		} else {
			const unsigned char *s = y->p;
			int neg = 0;
			double v = 0;

			if (s < q && (*s == '-' || *s == '+'))
				neg = *s++ == '-';
			if (s == q)
				goto badint;
			for (; s < q; s++) {
				if ((unsigned)(*s - '0') >= 10)
					goto badint;
				v = v * 10 + (*s - '0');
			}
			*out = neg ? -v : v;
		}
		y->p = q;
		return MDF_OK;
badint:
		return imp_fail(y->im, MDF_E_META, "line %llu: expected an "
		    "integer, found %s", (unsigned long long)y->line,
		    imp_token(tok, sizeof tok, y->p, (size_t)(q - y->p)));
	} else {
		unsigned char b[8];
		int n = type_size[t];

		if ((size_t)(y->end - y->p) < (size_t)n)
			return imp_fail(y->im, MDF_E_META, "byte %zu: truncated "
			    "binary PLY", (size_t)(y->end - y->buf));
		for (int i = 0; i < n; i++)
			b[i] = y->p[y->fmt == FMT_LE ? i : n - 1 - i];
		y->p += n;
		switch (t) {
		case P_I8: *out = (int8_t)b[0]; break;
		case P_U8: *out = b[0]; break;
		case P_I16: { int16_t v; memcpy(&v, b, 2); *out = v; break; }
		case P_U16: { uint16_t v; memcpy(&v, b, 2); *out = v; break; }
		case P_I32: { int32_t v; memcpy(&v, b, 4); *out = v; break; }
		case P_U32: { uint32_t v; memcpy(&v, b, 4); *out = v; break; }
		case P_F32: { float v; memcpy(&v, b, 4); *out = v; break; }
		default: { double v; memcpy(&v, b, 8); *out = v; break; }
		}
		return MDF_OK;
	}
}

/* Where we are, for messages: "line N" or "byte B". */
static const char *
here(const struct ply *y, char *buf, size_t len)
{
	if (y->fmt == FMT_ASCII)
		snprintf(buf, len, "line %llu", (unsigned long long)y->line);
	else
		snprintf(buf, len, "byte %zu", (size_t)(y->p - y->buf));
	return buf;
}

static int
element(struct ply *y, const struct elem *e, int have_vertices)
{
	struct mdf_import *im = y->im;
	char at[40];
	int rc;

	if (e->kind == 2 && !have_vertices)
		return imp_fail(im, MDF_E_META, "%s: face element before the "
		    "vertex element is not supported", here(y, at, sizeof at));
	for (uint64_t i = 0; i < e->n; i++) {
		float xyz[3] = { 0, 0, 0 };

		for (int j = 0; j < e->nprop; j++) {
			const struct prop *pr = &e->prop[j];
			double v, cnt;
			size_t first = 0, prev = 0;

			if (y->fmt == FMT_ASCII)  /* the line of the value, not the last */
				while (y->p < y->end && imp_space(*y->p))
					y->line += *y->p++ == '\n';
			here(y, at, sizeof at);
			if (pr->count == P_NONE) {
				if ((rc = value(y, pr->t, &v)) < 0)
					return rc;
				if (pr->role >= 1 && pr->role <= 3) {
					/* converting a double beyond FLT_MAX is undefined */
					if (!(fabs(v) <= FLT_MAX))
						return imp_fail(im, MDF_E_META,
						    "%s: vertex %llu: %s coordinate",
						    at, (unsigned long long)i + 1,
						    isfinite(v) ? "out-of-range" :
						    "non-finite");
					xyz[pr->role - 1] = (float)v;
				}
				continue;
			}
			if ((rc = value(y, pr->count, &cnt)) < 0)
				return rc;
			if (cnt < 0)
				return imp_fail(im, MDF_E_META, "%s: negative list "
				    "length", at);
			if (pr->role == 4 && cnt < 3)
				return imp_fail(im, MDF_E_META, "%s: face %llu has "
				    "%.0f vertices, expected at least 3", at,
				    (unsigned long long)i + 1, cnt);
			for (double k = 0; k < cnt; k++) {
				size_t idx;

				if ((rc = value(y, pr->t, &v)) < 0)
					return rc;
				if (pr->role != 4)
					continue;
				if (v != floor(v))
					return imp_fail(im, MDF_E_META, "%s: face %llu: "
					    "vertex index %.17g is not a whole number", at,
					    (unsigned long long)i + 1, v);
				if (!(v >= 0 && v < (double)im->nvert))
					return imp_fail(im, MDF_E_META, "%s: face %llu: "
					    "vertex index %.0f out of range (%zu "
					    "vertices)", at, (unsigned long long)i + 1,
					    v, im->nvert);
				idx = (size_t)v;
				if (k == 0)
					first = idx;
				else if (k >= 2) {
					float t[9];

					memcpy(t, im->vert + 3 * first, 12);
					memcpy(t + 3, im->vert + 3 * prev, 12);
					memcpy(t + 6, im->vert + 3 * idx, 12);
					if ((rc = imp_add(im, t, NULL)) < 0)
						return rc;
				}
				prev = idx;
			}
		}
		if (e->kind == 1 && (rc = imp_vertex(im, xyz)) < 0)
			return rc;
	}
	return MDF_OK;
}

int
mdf_ply_parse(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	struct ply *y;
	int rc, have_vertices = 0, have_faces = 0;

	im->kind = "PLY";
	if (len == 0)
		return imp_fail(im, MDF_E_META, "byte 0: empty file");
	/* the element table is large; keep it off the stack */
	if ((y = calloc(1, sizeof *y)) == NULL)
		return imp_fail(im, MDF_E_NOMEM, "out of memory");
	y->im = im;
	y->buf = buf;
	y->end = buf + len;
	if ((rc = header(y)) < 0)
		goto out;
	im->kind = y->fmt == FMT_ASCII ? "ASCII PLY" : "binary PLY";
	if ((rc = imp_body_begin(im, NULL, 0)) < 0)
		goto out;
	for (int i = 0; i < y->nelem; i++) {
		const struct elem *e = &y->elem[i];

		if (e->kind != 2 && e->nprop == 0)
			continue;       /* no data to read */
		/* each instance needs at least a byte or a character */
		if (e->n > len)
			goto short_file;
		if (e->kind == 1) {
			if (have_vertices) {
				rc = imp_fail(im, MDF_E_META, "byte 0: more than "
				    "one vertex element");
				goto out;
			}
		}
		if ((rc = element(y, e, have_vertices)) < 0)
			goto out;
		have_vertices |= e->kind == 1;
		have_faces |= e->kind == 2;
	}
	if (!have_faces) {
		rc = imp_fail(im, MDF_E_META, "byte 0: PLY without a face "
		    "element");
		goto out;
	}
	rc = imp_body_end(im, "byte 0");
	goto out;
short_file:
	rc = imp_fail(im, MDF_E_META, "byte %zu: truncated PLY: the header "
	    "announces more elements than the file can hold", len);
out:
	free(y);
	return rc;
}
