/* Model import: format choice, the triangle sink shared by the parsers,
 * and a correctly rounded decimal-to-float parser. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "meshio/importint.h"
#include "milldir/mesh.h"
#include "milldir/types.h"

void
mdf_import_init(struct mdf_import *im, unsigned flags)
{
	memset(im, 0, sizeof *im);
	im->flags = flags;
}

void
mdf_import_free(struct mdf_import *im)
{
	free(im->body);
	free(im->vert);
	mdf_import_init(im, im->flags);
}

enum mdf_import_format
mdf_import_format_of(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return MDF_IMPORT_AUTO;
	if (strcasecmp(dot, ".stl") == 0)
		return MDF_IMPORT_STL;
	if (strcasecmp(dot, ".obj") == 0)
		return MDF_IMPORT_OBJ;
	if (strcasecmp(dot, ".ply") == 0)
		return MDF_IMPORT_PLY;
	if (strcasecmp(dot, ".step") == 0 || strcasecmp(dot, ".stp") == 0)
		return MDF_IMPORT_STEP;
	if (strcasecmp(dot, ".iges") == 0 || strcasecmp(dot, ".igs") == 0)
		return MDF_IMPORT_IGES;
	if (strcasecmp(dot, ".brep") == 0)
		return MDF_IMPORT_BREP;
	return MDF_IMPORT_AUTO;
}

int
mdf_import_format_cad(int format)
{
	return format == MDF_IMPORT_STEP || format == MDF_IMPORT_IGES ||
	    format == MDF_IMPORT_BREP;
}

int
mdf_import_format_parse(const char *name)
{
	if (strcasecmp(name, "stl") == 0)
		return MDF_IMPORT_STL;
	if (strcasecmp(name, "obj") == 0)
		return MDF_IMPORT_OBJ;
	if (strcasecmp(name, "ply") == 0)
		return MDF_IMPORT_PLY;
	if (strcasecmp(name, "step") == 0)
		return MDF_IMPORT_STEP;
	if (strcasecmp(name, "iges") == 0)
		return MDF_IMPORT_IGES;
	if (strcasecmp(name, "brep") == 0)
		return MDF_IMPORT_BREP;
	return MDF_E_INVAL;
}

static void
reset(struct mdf_import *im, struct mdf_frame *out)
{
	im->nbody = 0;
	im->nvert = 0;
	im->triangles = im->dropped = im->disagree = 0;
	im->area = 0;
	for (int a = 0; a < 3; a++) {
		im->lo[a] = INFINITY;
		im->hi[a] = -INFINITY;
	}
	im->kind = "";
	im->why[0] = '\0';
	im->crc = 0;
	im->out = out;
	out->len = 0;
}

/* The totals over all bodies. */
static void
total(struct mdf_import *im)
{
	for (size_t i = 0; i < im->nbody; i++) {
		im->triangles += im->body[i].count;
		im->dropped += im->body[i].dropped;
		im->disagree += im->body[i].disagree;
		im->area += im->body[i].area;
		for (int a = 0; a < 3; a++) {
			im->lo[a] = fminf(im->lo[a], im->body[i].lo[a]);
			im->hi[a] = fmaxf(im->hi[a], im->body[i].hi[a]);
		}
	}
}

int
mdf_import_buffer(struct mdf_import *im, enum mdf_import_format format,
    const void *buf, size_t len, struct mdf_frame *out)
{
	int rc;

	reset(im, out);
	switch (format) {
	case MDF_IMPORT_STEP:
	case MDF_IMPORT_IGES:
	case MDF_IMPORT_BREP:
		rc = imp_fail(im, MDF_E_INVAL, "CAD models need the CAD kernel "
		    "(stl2norm reads them)");
		break;
	case MDF_IMPORT_OBJ:
		rc = mdf_obj_parse(im, buf, len);
		break;
	case MDF_IMPORT_PLY:
		rc = mdf_ply_parse(im, buf, len);
		break;
	default:
		rc = mdf_stl_parse(im, buf, len);
		break;
	}
	if (rc >= 0) {
		total(im);
		rc = mdf_mesh_init(out, im->triangles, NULL);
	}
	im->out = NULL;
	return rc < 0 ? rc : MDF_OK;
}

void
mdf_import_begin(struct mdf_import *im, struct mdf_frame *out, const char *kind)
{
	reset(im, out);
	im->kind = kind;
}

int
mdf_import_body(struct mdf_import *im, const char *name, const float *tri,
    size_t n)
{
	int rc;

	if ((rc = imp_body_begin(im, (const unsigned char *)name, strlen(name))) < 0 ||
	    (rc = imp_reserve(im, n)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = imp_add(im, tri + 12 * i + 3, NULL)) < 0)
			return rc;
	return imp_body_end(im, *name ? name : "body");
}

int
mdf_import_end(struct mdf_import *im)
{
	int rc;

	total(im);
	rc = mdf_mesh_init(im->out, im->triangles, NULL);
	im->out = NULL;
	return rc < 0 ? rc : MDF_OK;
}

int
mdf_import_measure(struct mdf_import *im, enum mdf_import_format format,
    const void *buf, size_t len, struct mdf_frame *out)
{
	int rc;

	if ((format != MDF_IMPORT_STL && format != MDF_IMPORT_AUTO) ||
	    !imp_stl_is_binary(buf, len))
		return 0;
	reset(im, out);
	if ((rc = imp_stl_measure(im, buf, len)) >= 0) {
		total(im);
		if ((rc = mdf_frame_set_type(out, "MESH")) >= 0)
			rc = mdf_setf(out, "triangles", "%llu",
			    (unsigned long long)im->triangles);
	}
	out->len = 0;
	im->out = NULL;
	return rc < 0 ? rc : 1;
}

int
mdf_import_write(struct mdf_import *im, const void *buf, size_t len,
    const struct mdf_frame *f, struct mdf_writer *w)
{
	struct mdf_frame g;
	int rc;

	if ((rc = mdf_write_begin(w, f, im->triangles * MDF_MESH_TRI_BYTES,
	    im->crc)) == MDF_OK) {
		int end;

		/* MDF_E_INVAL: the file changed between the passes; ending the
		 * frame short leaves the writer failed with a message */
		rc = imp_stl_write(im, buf, len, w);
		if (rc < 0 && rc != MDF_E_INVAL)
			return rc;
		end = mdf_write_end(w);
		return rc < 0 ? rc : end;
	}
	if (rc != MDF_E_INVAL)
		return rc;
	/* a compressing writer needs the payload whole */
	mdf_frame_init(&g);
	if ((rc = mdf_frame_copy(&g, f)) < 0 ||
	    (rc = mdf_mesh_init(&g, im->triangles, NULL)) < 0) {
		mdf_frame_free(&g);
		return rc;
	}
	im->out = &g;
	rc = imp_stl_write(im, buf, len, NULL);
	im->out = NULL;
	if (rc >= 0)
		rc = mdf_write(w, &g);
	mdf_frame_free(&g);
	return rc;
}

int
imp_fail(struct mdf_import *im, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(im->why, sizeof im->why, fmt, ap);
	va_end(ap);
	return code;
}

const char *
imp_token(char *buf, size_t buflen, const unsigned char *p, size_t len)
{
	size_t i, n = 0;

	if (len == 0)
		return "end of file";
	if (buflen < 8)
		return "?";
	buf[n++] = '\'';
	for (i = 0; i < len && i < 24 && n + 5 < buflen; i++)
		buf[n++] = p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : '?';
	if (i < len)
		buf[n++] = '.', buf[n++] = '.', buf[n++] = '.';
	buf[n++] = '\'';
	buf[n] = '\0';
	return buf;
}

int
imp_nonfinite_word(const unsigned char *p, size_t len)
{
	char w[9];
	size_t i;

	if (len >= 4 && strncasecmp((const char *)p, "nan(", 4) == 0)
		return 1;
	if (len < 3 || len > 8)
		return 0;
	for (i = 0; i < len; i++)
		w[i] = (char)(p[i] | 0x20);
	w[i] = '\0';
	return strcmp(w, "nan") == 0 || strcmp(w, "inf") == 0 ||
	    strcmp(w, "infinity") == 0;
}

int
imp_body_begin(struct mdf_import *im, const unsigned char *name, size_t len)
{
	struct mdf_import_body *b;

	if (im->nbody == im->bodycap) {
		size_t cap = im->bodycap ? 2 * im->bodycap : 4;

		if ((b = realloc(im->body, cap * sizeof *b)) == NULL)
			return imp_fail(im, MDF_E_NOMEM, "out of memory");
		im->body = b;
		im->bodycap = cap;
	}
	b = &im->body[im->nbody++];
	memset(b, 0, sizeof *b);
	for (int a = 0; a < 3; a++) {
		b->lo[a] = INFINITY;
		b->hi[a] = -INFINITY;
	}
	while (len > 0 && imp_space(name[len - 1]))
		len--;
	while (len > 0 && imp_space(*name))
		name++, len--;
	if (len >= sizeof b->name)
		len = sizeof b->name - 1;
	/* metadata values are UTF-8 without control characters */
	for (size_t i = 0; i < len; i++)
		b->name[i] = name[i] >= 0x20 && name[i] < 0x7f ? (char)name[i] : '_';
	b->first = im->out->len / MDF_MESH_TRI_BYTES;
	return MDF_OK;
}

int
imp_body_end(struct mdf_import *im, const char *where)
{
	struct mdf_import_body *b = &im->body[im->nbody - 1];

	b->count = im->out->len / MDF_MESH_TRI_BYTES - b->first;
	if (b->count == 0) {
		if (b->dropped > 0)
			return imp_fail(im, MDF_E_META, "%s: no triangles left "
			    "after dropping %llu degenerate ones", where,
			    (unsigned long long)b->dropped);
		return imp_fail(im, MDF_E_META, "%s: no triangles", where);
	}
	return MDF_OK;
}

int
imp_reserve(struct mdf_import *im, uint64_t more)
{
	struct mdf_frame *f = im->out;
	size_t len = f->len;

	if (more > (SIZE_MAX - len) / MDF_MESH_TRI_BYTES ||
	    mdf_frame_resize(f, len + (size_t)more * MDF_MESH_TRI_BYTES) == NULL)
		return imp_fail(im, MDF_E_NOMEM, "out of memory");
	f->len = len;
	return MDF_OK;
}

int
imp_add(struct mdf_import *im, const float *v, const float *stored)
{
	struct mdf_frame *f = im->out;
	struct mdf_import_body *b = &im->body[im->nbody - 1];
	float n[3], *t;
	double len = mdf_mesh_face_normal(v, n);

	if (len == 0) {
		b->dropped++;
		return 1;
	}
	b->area += len / 2;
	for (int k = 0; k < 9; k++) {
		b->lo[k % 3] = v[k] < b->lo[k % 3] ? v[k] : b->lo[k % 3];
		b->hi[k % 3] = v[k] > b->hi[k % 3] ? v[k] : b->hi[k % 3];
	}
	if (stored != NULL && imp_finite(stored, 3)) {
		float d = stored[0] * n[0] + stored[1] * n[1] + stored[2] * n[2];
		float s2 = stored[0] * stored[0] + stored[1] * stored[1] +
		    stored[2] * stored[2];

		/* an all-zero normal means "none given", not a disagreement */
		if (s2 > 0) {
			if (d < 0 || d * d < MDF_IMPORT_DISAGREE_COS *
			    MDF_IMPORT_DISAGREE_COS * s2)
				b->disagree++;
			if ((im->flags & MDF_IMPORT_KEEP_NORMALS) &&
			    isfinite(1 / sqrtf(s2))) {
				float k = 1 / sqrtf(s2);

				n[0] = stored[0] * k;
				n[1] = stored[1] * k;
				n[2] = stored[2] * k;
			}
		}
	}
	if (f->len + MDF_MESH_TRI_BYTES > f->cap &&
	    imp_reserve(im, f->len / MDF_MESH_TRI_BYTES + 64) < 0)
		return MDF_E_NOMEM;
	t = (float *)(void *)(f->payload + f->len);
	t[0] = n[0];
	t[1] = n[1];
	t[2] = n[2];
	memcpy(t + 3, v, 9 * sizeof *v);
	f->len += MDF_MESH_TRI_BYTES;
	return 0;
}

void
imp_hugepages(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)1 << 21;
	uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t e = ((uintptr_t)p + len) & ~(huge - 1);

	if (e > a)
		madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p, (void)len;
#endif
}

int
imp_vertex(struct mdf_import *im, const float *xyz)
{
	if (im->nvert == im->vertcap) {
		size_t cap = im->vertcap ? 2 * im->vertcap : 1024;
		float *p;

		if (cap > SIZE_MAX / (3 * sizeof *p) ||
		    (p = realloc(im->vert, cap * 3 * sizeof *p)) == NULL)
			return imp_fail(im, MDF_E_NOMEM, "out of memory");
		im->vert = p;
		im->vertcap = cap;
	}
	memcpy(im->vert + 3 * im->nvert++, xyz, 3 * sizeof *xyz);
	return MDF_OK;
}

/* --- decimal to float ------------------------------------------------- */

/* Powers of ten that a double holds exactly. */
static const double pow10tab[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

const char *
mdf_parse_float(const char *s, const char *end, float *out)
{
	const char *p = s;
	uint64_t m = 0;       /* first 19 significant digits */
	int nd = 0, any = 0, sticky = 0, neg = 0;
	long e10 = 0;

	if (p < end && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	for (; p < end && (unsigned)(*p - '0') < 10; p++) {
		any = 1;
		if (nd < 19) {
			m = m * 10 + (unsigned)(*p - '0');
			nd += m != 0;   /* leading zeros are not significant */
		} else {
			e10++;
			sticky |= *p != '0';
		}
	}
	if (p < end && *p == '.')
		for (p++; p < end && (unsigned)(*p - '0') < 10; p++) {
			any = 1;
			if (nd < 19) {
				m = m * 10 + (unsigned)(*p - '0');
				nd += m != 0;
				e10--;
			} else {
				sticky |= *p != '0';
			}
		}
	if (!any)
		return NULL;
	if (p < end && (*p == 'e' || *p == 'E')) {
		const char *q = p + 1;
		int eneg = 0;
		long ev = 0;

		if (q < end && (*q == '+' || *q == '-'))
			eneg = *q++ == '-';
		/* "1e" or "1e+" is the number 1 followed by something else */
		if (q < end && (unsigned)(*q - '0') < 10) {
			/* saturate far beyond any count of digits a file can
			 * hold, so that 0.(10^7 zeros)5e10000000 is still 5 */
			for (; q < end && (unsigned)(*q - '0') < 10; q++)
				if (ev < 100000000000000L)
					ev = ev * 10 + (*q - '0');
			e10 += eneg ? -ev : ev;
			p = q;
		}
	}
	if (m == 0) {
		*out = neg ? -0.0f : 0.0f;
		return p;
	}
	/* Clinger's fast path: M and 10^|E| are exact doubles, so one
	 * multiplication or division rounds correctly to double.  Rounding
	 * that double again to float is only wrong when it lands exactly on
	 * the midpoint between two floats; those go the slow way. */
	if (!sticky && m <= (UINT64_C(1) << 53) && e10 >= -22 && e10 <= 22) {
		double d = e10 >= 0 ? (double)m * pow10tab[e10] :
		    (double)m / pow10tab[-e10];

		if (d >= FLT_MIN && d <= FLT_MAX) {
			uint64_t bits;

			memcpy(&bits, &d, sizeof bits);
			if ((bits & 0x1fffffffu) != 0x10000000u) {
				*out = neg ? -(float)d : (float)d;
				return p;
			}
		}
	}
	if (nd + e10 > 40) {            /* beyond FLT_MAX */
		*out = neg ? -INFINITY : INFINITY;
		return p;
	}
	if (nd + e10 < -50) {           /* below half the least subnormal */
		*out = neg ? -0.0f : 0.0f;
		return p;
	}
	{
		/* Slow path: strtof on a NUL-terminated copy.  A token too long
		 * to copy keeps its 19 digits plus a sticky 1 for the rest. */
		char buf[512];
		size_t n = (size_t)(p - s);
		int saved = errno;

		if (n < sizeof buf) {
			memcpy(buf, s, n);
			buf[n] = '\0';
		} else {
			snprintf(buf, sizeof buf, "%s%llu%se%ld", neg ? "-" : "",
			    (unsigned long long)m, sticky ? "1" : "",
			    e10 - (sticky ? 1 : 0));
		}
		*out = strtof(buf, NULL);
		errno = saved;
	}
	return p;
}
