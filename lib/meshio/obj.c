/* Wavefront OBJ: "v x y z [w]" and "f a b c ..." with a, a/t, a/t/n or
 * a//n corners; polygons are fan-triangulated, negative indices count
 * back from the last vertex read so far.  Everything else (vt, vn, g, o,
 * usemtl, l, p, comments) is skipped.  Two passes: vertices first, so a
 * face may name a vertex defined further down, as some writers do. */
#include <math.h>
#include <string.h>

#include "meshio/importint.h"

struct line {
	const unsigned char *p, *end; /* the line, without its newline */
	uint64_t no;
};

/* The next line of BUF from *POS; 0 at the end. */
static int
next_line(const unsigned char *buf, size_t len, size_t *pos, struct line *l)
{
	const unsigned char *p, *nl;

	if (*pos >= len)
		return 0;
	p = buf + *pos;
	nl = memchr(p, '\n', len - *pos);
	l->p = p;
	l->end = nl ? nl : buf + len;
	l->no++;
	*pos = (size_t)(l->end - buf) + (nl != NULL);
	return 1;
}

static void
skip_blank(struct line *l)
{
	while (l->p < l->end && imp_space(*l->p))
		l->p++;
}

/* Is the statement keyword of L equal to KW; consumes it. */
static int
statement(struct line *l, const char *kw)
{
	size_t n = strlen(kw);

	skip_blank(l);
	if ((size_t)(l->end - l->p) < n || memcmp(l->p, kw, n) != 0 ||
	    (l->p + n < l->end && !imp_space(l->p[n])))
		return 0;
	l->p += n;
	return 1;
}

static size_t
word_len(const struct line *l)
{
	const unsigned char *q = l->p;

	while (q < l->end && !imp_space(*q))
		q++;
	return (size_t)(q - l->p);
}

static int
obj_vertex(struct mdf_import *im, struct line *l)
{
	float xyz[3];
	char tok[40];

	for (int k = 0; k < 3; k++) {
		const char *q;

		skip_blank(l);
		q = mdf_parse_float((const char *)l->p, (const char *)l->end,
		    &xyz[k]);
		if (q == NULL || ((const unsigned char *)q < l->end &&
		    !imp_space(*(const unsigned char *)q))) {
			size_t n = word_len(l);
			const unsigned char *t = l->p;

			if (n > 0 && (*t == '-' || *t == '+'))
				t++, n--;
			return imp_fail(im, MDF_E_META, "line %llu: %s %s",
			    (unsigned long long)l->no,
			    imp_nonfinite_word(t, n) ? "non-finite coordinate" :
			    "expected a number, found",
			    imp_token(tok, sizeof tok, l->p, word_len(l)));
		}
		if (!isfinite(xyz[k]))
			return imp_fail(im, MDF_E_META, "line %llu: non-finite "
			    "coordinate %s (out of float range)",
			    (unsigned long long)l->no,
			    imp_token(tok, sizeof tok, l->p, word_len(l)));
		l->p = (const unsigned char *)q;
	}
	return imp_vertex(im, xyz);
}

/* Parse one corner "a", "a/t", "a/t/n" or "a//n" into a 0-based index.
 * SEEN: vertices before this line (for negative indices). */
static int
obj_corner(struct mdf_import *im, struct line *l, uint64_t seen, size_t *idx)
{
	const unsigned char *p = l->p, *start = p;
	int neg = 0;
	uint64_t v = 0;
	char tok[40];

	if (p < l->end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	if (p == l->end || (unsigned)(*p - '0') >= 10)
		goto bad;
	for (; p < l->end && (unsigned)(*p - '0') < 10; p++)
		if ((v = v * 10 + (unsigned)(*p - '0')) > UINT32_MAX * 4ull)
			v = UINT32_MAX * 4ull; /* out of range anyway */
	/* texture and normal indices are not needed */
	if (p < l->end && *p == '/')
		while (p < l->end && !imp_space(*p))
			p++;
	if (p < l->end && !imp_space(*p))
		goto bad;
	if (v == 0)
		return imp_fail(im, MDF_E_META, "line %llu: face index 0 "
		    "(indices start at 1)", (unsigned long long)l->no);
	if (neg ? v > seen : v > im->nvert)
		return imp_fail(im, MDF_E_META, "line %llu: face index %s%llu "
		    "out of range (%llu vertices)", (unsigned long long)l->no,
		    neg ? "-" : "", (unsigned long long)v,
		    (unsigned long long)(neg ? seen : im->nvert));
	*idx = (size_t)(neg ? seen - v : v - 1);
	l->p = p;
	return MDF_OK;
bad:
	l->p = start;
	return imp_fail(im, MDF_E_META, "line %llu: expected a vertex index, "
	    "found %s", (unsigned long long)l->no,
	    imp_token(tok, sizeof tok, start, word_len(l)));
}

static int
obj_face(struct mdf_import *im, struct line *l, uint64_t seen)
{
	size_t first = 0, prev = 0, cur = 0;
	int corners = 0, rc;

	for (;;) {
		skip_blank(l);
		if (l->p == l->end || *l->p == '#')
			break;
		if ((rc = obj_corner(im, l, seen, &cur)) < 0)
			return rc;
		if (corners == 0)
			first = cur;
		else if (corners >= 2) {
			float v[9];

			memcpy(v, im->vert + 3 * first, 3 * sizeof *v);
			memcpy(v + 3, im->vert + 3 * prev, 3 * sizeof *v);
			memcpy(v + 6, im->vert + 3 * cur, 3 * sizeof *v);
			if ((rc = imp_add(im, v, NULL)) < 0)
				return rc;
		}
		prev = cur;
		corners++;
	}
	if (corners < 3)
		return imp_fail(im, MDF_E_META, "line %llu: face with %d "
		    "vertices, expected at least 3", (unsigned long long)l->no,
		    corners);
	return MDF_OK;
}

int
mdf_obj_parse(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	struct line l = { NULL, NULL, 0 };
	size_t pos = 0;
	uint64_t seen = 0;
	int rc;

	im->kind = "OBJ";
	if (len == 0)
		return imp_fail(im, MDF_E_META, "byte 0: empty file");
	while (next_line(buf, len, &pos, &l))
		if (statement(&l, "v") && (rc = obj_vertex(im, &l)) < 0)
			return rc;
	if ((rc = imp_body_begin(im, NULL, 0)) < 0 ||
	    (rc = imp_reserve(im, 2 * (uint64_t)im->nvert + 16)) < 0)
		return rc;
	pos = 0;
	l.no = 0;
	while (next_line(buf, len, &pos, &l)) {
		if (statement(&l, "v"))
			seen++;
		else if (statement(&l, "f") && (rc = obj_face(im, &l, seen)) < 0)
			return rc;
	}
	return imp_body_end(im, "line 1");
}
