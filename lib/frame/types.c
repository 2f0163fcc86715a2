/* Typed views of MESH, IMAG, TENS and PRED frames, and their validation. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "common/common.h"
#include "frame/internal.h"
#include "milldir/types.h"

/* Parse "3x224x224" into DIMS; the number of dims, or MDF_E_META. */
static int
parse_shape(const char *s, uint64_t *dims, uint64_t *count)
{
	int n = 0;
	uint64_t prod = 1;

	if (s == NULL || *s == '\0')
		return MDF_E_META;
	for (;;) {
		char *end;
		unsigned long long d;

		if (*s < '1' || *s > '9' || n == MDF_TENSOR_MAX_DIMS)
			return MDF_E_META;
		errno = 0;
		d = strtoull(s, &end, 10);
		/* the product of the dims times 4 bytes must fit */
		if (errno || d == 0 || !mdf_mul(prod, d, &prod) || prod > UINT64_MAX / 4)
			return MDF_E_META;
		dims[n++] = d;
		if (*end == '\0')
			break;
		if (*end != 'x')
			return MDF_E_META;
		s = end + 1;
	}
	*count = prod;
	return n;
}

/* Count the labels of a classes=A,B,C value; MDF_E_META if one is empty. */
static int
count_classes(const char *s, uint32_t *n)
{
	uint32_t k = 1;
	const char *p;

	if (s == NULL || *s == '\0' || *s == ',')
		return MDF_E_META;
	for (p = s; *p; p++) {
		if (*p == ',') {
			if (p[1] == ',' || p[1] == '\0')
				return MDF_E_META;
			k++;
		}
	}
	*n = k;
	return MDF_OK;
}

/* The shape decoded from F's keys; SH is F's own cache (struct
 * mdf_shape in frame.h), written only when the frame is valid. */
static int decode(const struct mdf_frame *f, size_t len, struct mdf_shape *sh,
    char *why, size_t whylen);

/* The shape of F, a TAG frame: decoded by its last validation if type,
 * keys and length are unchanged since; else decoded now (and kept). */
static int
shape_of(struct mdf_frame *f, const char *tag, const struct mdf_shape **out)
{
	struct mdf_shape *sh = &f->shape;
	int rc;

	if (!mdf_frame_is(f, tag))
		return MDF_E_INVAL;
	if (sh->gen != f->meta.gen + 1 || sh->len != f->len ||
	    memcmp(sh->type, f->type, sizeof sh->type) != 0) {
		if ((rc = mdf_frame_validate(f, NULL, 0)) < 0)
			return rc;
	}
	*out = sh;
	return MDF_OK;
}

int
mdf_frame_validate(const struct mdf_frame *cf, char *why, size_t whylen)
{
	struct mdf_frame *f = (struct mdf_frame *)cf;   /* the shape is a cache */
	struct mdf_shape sh = { 0 };
	int rc;

	if ((rc = decode(f, f->len, &sh, why, whylen)) < 0)
		return rc;
	sh.gen = f->meta.gen + 1;
	sh.len = f->len;
	memcpy(sh.type, f->type, sizeof sh.type);
	f->shape = sh;
	return MDF_OK;
}

int
mdf_frame_validate_len(const struct mdf_frame *f, size_t len, char *why,
    size_t whylen)
{
	struct mdf_shape sh;

	return decode(f, len, &sh, why, whylen);
}

/* Check the type rules of F as if its payload were LEN bytes, filling SH. */
static int
decode(const struct mdf_frame *f, size_t len, struct mdf_shape *sh, char *why,
    size_t whylen)
{
	uint64_t a, b, c, expect;

	if (!mdf_type_valid(f->type))
		return mdf_why(why, whylen, MDF_E_TYPE, "invalid type tag");
	if (mdf_frame_is(f, "MESH")) {
		if (mdf_get_u64(f, "triangles", &a) < 0)
			return mdf_why(why, whylen, MDF_E_META,
			    "missing or malformed key 'triangles'");
		if (!mdf_mul(a, MDF_MESH_TRI_BYTES, &expect))
			return mdf_why(why, whylen, MDF_E_SIZE,
			    "triangles=%llu needs more than 2^64 payload bytes, found %zu",
			    (unsigned long long)a, len);
		if (expect != len)
			return mdf_why(why, whylen, MDF_E_SIZE,
			    "triangles=%llu needs %llu payload bytes, found %zu",
			    (unsigned long long)a, (unsigned long long)expect, len);
		sh->a = a;
	} else if (mdf_frame_is(f, "IMAG")) {
		if (mdf_get_u64(f, "width", &a) < 0 || mdf_get_u64(f, "height", &b) < 0 ||
		    mdf_get_u64(f, "channels", &c) < 0)
			return mdf_why(why, whylen, MDF_E_META,
			    "missing or malformed key width, height or channels");
		if (a == 0 || b == 0 || a > UINT32_MAX || b > UINT32_MAX || c < 1 || c > 4)
			return mdf_why(why, whylen, MDF_E_META,
			    "image of %llux%llu with %llu channels (1 to 4 allowed)",
			    (unsigned long long)a, (unsigned long long)b,
			    (unsigned long long)c);
		if (!mdf_mul3(a, b, c, &expect) || expect > SIZE_MAX)
			return mdf_why(why, whylen, MDF_E_SIZE,
			    "%llux%llux%llu image needs more than 2^64 payload bytes, found %zu",
			    (unsigned long long)a, (unsigned long long)b,
			    (unsigned long long)c, len);
		if (expect != len)
			return mdf_why(why, whylen, MDF_E_SIZE,
			    "%llux%llux%llu image needs %llu payload bytes, found %zu",
			    (unsigned long long)a, (unsigned long long)b,
			    (unsigned long long)c, (unsigned long long)expect, len);
		sh->a = a;
		sh->b = b;
		sh->c = c;
	} else if (mdf_frame_is(f, "TENS")) {
		if ((sh->ndim = parse_shape(mdf_get(f, "shape"), sh->dims, &a)) < 0)
			return mdf_why(why, whylen, MDF_E_META,
			    "missing or malformed key 'shape' (D0xD1x..., 1 to 8 dims)");
		if (a * 4 != len)
			return mdf_why(why, whylen, MDF_E_SIZE,
			    "shape=%s needs %llu payload bytes, found %zu",
			    mdf_get(f, "shape"), (unsigned long long)(a * 4), len);
		sh->count = a;
	} else if (mdf_frame_is(f, "PRED")) {
		uint32_t n;
		if (count_classes(mdf_get(f, "classes"), &n) < 0)
			return mdf_why(why, whylen, MDF_E_META,
			    "missing or malformed key 'classes' (comma-separated labels)");
		if ((uint64_t)n * 4 != len)
			return mdf_why(why, whylen, MDF_E_SIZE,
			    "%u classes need %llu payload bytes, found %zu", n,
			    (unsigned long long)n * 4, len);
		sh->n = n;
	} else if (mdf_frame_is(f, "METR")) {
		struct mdf_metr_rec *rec = malloc(sizeof *rec);
		size_t pos = 0, line = 0;
		int rc;

		if (rec == NULL)
			return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
		while ((rc = mdf_metr_next(f, &pos, rec, &line)) > 0)
			;
		free(rec);
		if (rc < 0)
			return mdf_why(why, whylen, rc, "payload line %zu is not a valid record",
			    line);
	}
	return MDF_OK;
}

int
mdf_mesh_view(struct mdf_frame *f, struct mdf_mesh *m)
{
	const struct mdf_shape *sh;
	int rc = shape_of(f, "MESH", &sh);

	if (rc < 0)
		return rc;
	m->n = sh->a;
	m->tri = (float *)(void *)f->payload;
	return MDF_OK;
}

int
mdf_mesh_init(struct mdf_frame *f, uint64_t n, struct mdf_mesh *m)
{
	int rc;

	if (n > SIZE_MAX / MDF_MESH_TRI_BYTES)
		return MDF_E_INVAL;
	if ((rc = mdf_frame_set_type(f, "MESH")) < 0 ||
	    (rc = mdf_setf(f, "triangles", "%llu", (unsigned long long)n)) < 0)
		return rc;
	if (mdf_frame_resize(f, (size_t)n * MDF_MESH_TRI_BYTES) == NULL)
		return MDF_E_NOMEM;
	return m != NULL ? mdf_mesh_view(f, m) : MDF_OK;
}

int
mdf_image_view(struct mdf_frame *f, struct mdf_image *im)
{
	const struct mdf_shape *sh;
	int rc = shape_of(f, "IMAG", &sh);

	if (rc < 0)
		return rc;
	im->w = (uint32_t)sh->a;
	im->h = (uint32_t)sh->b;
	im->c = (uint32_t)sh->c;
	im->px = f->payload;
	return MDF_OK;
}

int
mdf_image_init(struct mdf_frame *f, uint32_t w, uint32_t h, uint32_t c,
    struct mdf_image *im)
{
	uint64_t bytes;
	int rc;

	if (w == 0 || h == 0 || c < 1 || c > 4 || !mdf_mul3(w, h, c, &bytes) ||
	    bytes > SIZE_MAX)
		return MDF_E_INVAL;
	if ((rc = mdf_frame_set_type(f, "IMAG")) < 0 ||
	    (rc = mdf_setf(f, "width", "%u", w)) < 0 ||
	    (rc = mdf_setf(f, "height", "%u", h)) < 0 ||
	    (rc = mdf_setf(f, "channels", "%u", c)) < 0)
		return rc;
	if (mdf_frame_resize(f, (size_t)bytes) == NULL)
		return MDF_E_NOMEM;
	return im != NULL ? mdf_image_view(f, im) : MDF_OK;
}

int
mdf_tensor_view(struct mdf_frame *f, struct mdf_tensor *t)
{
	const struct mdf_shape *sh;
	int rc = shape_of(f, "TENS", &sh);

	if (rc < 0)
		return rc;
	t->ndim = sh->ndim;
	memcpy(t->dims, sh->dims, sizeof t->dims);
	t->count = sh->count;
	t->data = (float *)(void *)f->payload;
	return MDF_OK;
}

int
mdf_tensor_init(struct mdf_frame *f, int ndim, const uint64_t *dims,
    struct mdf_tensor *t)
{
	char shape[MDF_TENSOR_MAX_DIMS * 21];
	uint64_t count = 1;
	size_t pos = 0;
	int rc;

	if (ndim < 1 || ndim > MDF_TENSOR_MAX_DIMS)
		return MDF_E_INVAL;
	for (int i = 0; i < ndim; i++) {
		if (dims[i] == 0 || count > SIZE_MAX / 4 / dims[i])
			return MDF_E_INVAL;
		count *= dims[i];
		pos += (size_t)snprintf(shape + pos, sizeof shape - pos, "%s%llu",
		    i ? "x" : "", (unsigned long long)dims[i]);
	}
	if ((rc = mdf_frame_set_type(f, "TENS")) < 0 ||
	    (rc = mdf_set(f, "shape", shape)) < 0)
		return rc;
	if (mdf_frame_resize(f, (size_t)count * 4) == NULL)
		return MDF_E_NOMEM;
	return t != NULL ? mdf_tensor_view(f, t) : MDF_OK;
}

int
mdf_pred_view(struct mdf_frame *f, struct mdf_pred *p)
{
	const struct mdf_shape *sh;
	int rc = shape_of(f, "PRED", &sh);

	if (rc < 0)
		return rc;
	p->n = sh->n;
	p->prob = (float *)(void *)f->payload;
	return MDF_OK;
}

int
mdf_pred_init(struct mdf_frame *f, uint32_t n, const char *const *labels,
    struct mdf_pred *p)
{
	size_t total = 1, pos = 0;
	char *classes;
	int rc;

	if (n == 0)
		return MDF_E_INVAL;
	for (uint32_t i = 0; i < n; i++) {
		if (labels[i][0] == '\0' || strchr(labels[i], ','))
			return MDF_E_INVAL;
		total += strlen(labels[i]) + 1;
	}
	if ((classes = malloc(total)) == NULL)
		return MDF_E_NOMEM;
	for (uint32_t i = 0; i < n; i++)
		pos += (size_t)sprintf(classes + pos, "%s%s", i ? "," : "", labels[i]);
	rc = mdf_frame_set_type(f, "PRED");
	if (rc == 0)
		rc = mdf_set(f, "classes", classes);
	free(classes);
	if (rc < 0)
		return rc;
	if (mdf_frame_resize(f, (size_t)n * 4) == NULL)
		return MDF_E_NOMEM;
	return p != NULL ? mdf_pred_view(f, p) : MDF_OK;
}

int
mdf_typed_view(struct mdf_frame *f, struct mdf_typed *v)
{
	static const struct {
		char tag[5];
		enum mdf_kind kind;
	} kinds[] = {
		{ "MESH", MDF_KIND_MESH }, { "IMAG", MDF_KIND_IMAG },
		{ "TENS", MDF_KIND_TENS }, { "PRED", MDF_KIND_PRED },
		{ "METR", MDF_KIND_METR },
	};

	v->kind = MDF_KIND_OTHER;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (memcmp(f->type, kinds[i].tag, 5) == 0)
			v->kind = kinds[i].kind;
	switch (v->kind) {
	case MDF_KIND_MESH:
		return mdf_mesh_view(f, &v->mesh);
	case MDF_KIND_IMAG:
		return mdf_image_view(f, &v->image);
	case MDF_KIND_TENS:
		return mdf_tensor_view(f, &v->tensor);
	case MDF_KIND_PRED:
		return mdf_pred_view(f, &v->pred);
	default:
		return MDF_OK;
	}
}

int
mdf_pred_label(const struct mdf_frame *f, uint32_t i, char *buf, size_t buflen)
{
	const char *s = mdf_get(f, "classes"), *end;

	if (s == NULL)
		return MDF_E_META;
	while (i > 0) {
		if ((s = strchr(s, ',')) == NULL)
			return MDF_E_INVAL;
		s++;
		i--;
	}
	end = strchr(s, ',');
	if (end == NULL)
		end = s + strlen(s);
	if ((size_t)(end - s) >= buflen)
		return MDF_E_INVAL;
	memcpy(buf, s, (size_t)(end - s));
	buf[end - s] = '\0';
	return MDF_OK;
}
