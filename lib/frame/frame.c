/* The in-memory frame: a type tag, metadata and a payload buffer. */
#include "config.h"

#include <stdlib.h>

#include "frame/internal.h"

const unsigned char mdf_magic[4] = { 0x89, 'M', 'D', 'F' };

void
mdf_frame_init(struct mdf_frame *f)
{
	memset(f, 0, sizeof *f);
}

void
mdf_frame_free(struct mdf_frame *f)
{
	mdf_meta_free(&f->meta);
	free(f->payload);
	mdf_frame_init(f);
}

void
mdf_frame_clear(struct mdf_frame *f)
{
	mdf_meta_clear(&f->meta);
	f->type[0] = '\0';
	f->flags = 0;
	f->len = 0;
}

int
mdf_type_valid(const char *tag)
{
	if (tag == NULL || strlen(tag) != 4)
		return 0;
	for (int i = 0; i < 4; i++) {
		char c = tag[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9')))
			return 0;
	}
	return 1;
}

int
mdf_frame_set_type(struct mdf_frame *f, const char *tag)
{
	if (!mdf_type_valid(tag))
		return MDF_E_INVAL;
	memcpy(f->type, tag, 5);
	return MDF_OK;
}

int
mdf_frame_is(const struct mdf_frame *f, const char *tag)
{
	return strcmp(f->type, tag) == 0;
}

void *
mdf_frame_resize(struct mdf_frame *f, size_t len)
{
	if (len > f->cap) {
		size_t cap = f->cap ? f->cap : 4096;
		unsigned char *p;

		while (cap < len)
			cap = cap > SIZE_MAX / 2 ? len : cap * 2;
		if ((p = realloc(f->payload, cap)) == NULL)
			return NULL;
		f->payload = p;
		f->cap = cap;
	}
	f->len = len;
	/* a zero-length payload still has a valid pointer */
	if (f->payload == NULL && (f->payload = malloc(1)) != NULL)
		f->cap = 1;
	return f->payload;
}

int
mdf_frame_copy(struct mdf_frame *dst, const struct mdf_frame *src)
{
	int rc;

	if (dst == src)
		return MDF_OK;
	mdf_frame_clear(dst);
	memcpy(dst->type, src->type, sizeof dst->type);
	dst->flags = src->flags;
	if ((rc = mdf_meta_copy(dst, src)) < 0)
		return rc;
	if (mdf_frame_resize(dst, src->len) == NULL)
		return MDF_E_NOMEM;
	if (src->len)
		memcpy(dst->payload, src->payload, src->len);
	return MDF_OK;
}
