/* PNG import and export of IMAG frames (libpng). */
#include "config.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "common/common.h"
#include "frame/internal.h"
#include "milldir/png.h"
#include "milldir/types.h"

/* The keyword of our one text chunk: the frame's metadata, key=value
 * lines in order.  Keys as keywords of their own collided with those
 * Pillow reads for itself (bbox, interlace, transparency, ...). */
#define PNG_META_KEY "milldir.frame"
/* libpng's default limit on a side (png_set_user_limits), which readers
 * built on it (Pillow, browsers) keep. */
#define PNG_SIDE_MAX 1000000u
/* The largest ancillary chunk read (libpng's own default, 8 MB, unless a
 * distribution builds it without) */
#define PNG_CHUNK_MAX (8u << 20)

struct png_err {
	char *why;
	size_t whylen;
};

static void
on_error(png_structp png, png_const_charp msg)
{
	struct png_err *e = png_get_error_ptr(png);

	snprintf(e->why, e->whylen, "%s", msg);
	png_longjmp(png, 1);
}

static void
on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;   /* libpng warnings are not errors of ours */
}

static int
is_shape_key(const char *k)
{
	return strcmp(k, "width") == 0 || strcmp(k, "height") == 0 ||
	    strcmp(k, "channels") == 0;
}

/* The libpng part of writing, apart so that setjmp sees no locals that
 * change after it. */
static int
write_png(FILE *fp, const struct mdf_image *im, png_textp text, int ntext,
    struct png_err *e, png_bytep *rows)
{
	static const int color_type[] = { 0, PNG_COLOR_TYPE_GRAY,
	    PNG_COLOR_TYPE_GRAY_ALPHA, PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGBA };
	png_structp png;
	png_infop info = NULL;
	volatile int rc = MDF_E_IO;

	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, e, on_error, on_warning);
	if (png == NULL || (info = png_create_info_struct(png)) == NULL) {
		png_destroy_write_struct(&png, NULL);
		snprintf(e->why, e->whylen, "out of memory");
		return MDF_E_NOMEM;
	}
	if (setjmp(png_jmpbuf(png)) == 0) {
		png_init_io(png, fp);
		png_set_IHDR(png, info, im->w, im->h, 8, color_type[im->c],
		    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
		    PNG_FILTER_TYPE_DEFAULT);
		if (ntext > 0)
			png_set_text(png, info, text, ntext);
		png_write_info(png, info);
		png_write_image(png, rows);
		png_write_end(png, info);
		rc = MDF_OK;
	}
	png_destroy_write_struct(&png, &info);
	return rc;
}

int
mdf_png_write(const struct mdf_frame *cf, const char *path, char *why,
    size_t whylen)
{
	struct mdf_frame *f = (struct mdf_frame *)cf;  /* views do not write */
	struct png_err e = { why, whylen };
	struct mdf_image im;
	png_text text;
	png_bytep *rows = NULL;
	char *meta = NULL;
	size_t mlen = 0;
	int rc;
	FILE *fp = NULL;

	if (mdf_image_view(f, &im) < 0)
		return mdf_why(why, whylen, MDF_E_INVAL, "not a valid IMAG frame");
	if (im.w > PNG_SIDE_MAX || im.h > PNG_SIDE_MAX)
		return mdf_why(why, whylen, MDF_E_LIMIT,
		    "image of %ux%u pixels not written: PNG allows 2^31-1 per side, "
		    "but libpng (and so Pillow and most readers) refuse more than "
		    "%u by default", im.w, im.h, PNG_SIDE_MAX);
	if ((rc = mdf_meta_encode(&f->meta, &meta, &mlen)) < 0 ||
	    (rows = malloc(im.h * sizeof *rows)) == NULL) {
		rc = mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
		goto out;
	}
	/* the whole metadata, in order, in one chunk of our own keyword */
	memset(&text, 0, sizeof text);
	text.compression = mlen > 1024 ? PNG_ITXT_COMPRESSION_zTXt :
	    PNG_ITXT_COMPRESSION_NONE;
	text.key = (char *)PNG_META_KEY;
	text.text = meta;
	text.itxt_length = mlen;
	meta[mlen ? mlen - 1 : 0] = '\0';   /* the last LF goes, as in a text */
	for (uint32_t y = 0; y < im.h; y++)
		rows[y] = im.px + (size_t)y * im.w * im.c;
	if ((fp = fopen(path, "wb")) == NULL) {
		rc = mdf_why(why, whylen, MDF_E_IO, "%s", strerror(errno));
		goto out;
	}
	rc = write_png(fp, &im, &text, mlen ? 1 : 0, &e, rows);
	if (fclose(fp) != 0 && rc == MDF_OK)
		rc = mdf_why(why, whylen, MDF_E_IO, "%s", strerror(errno));
out:
	free(meta);
	free(rows);
	return rc;
}

/* Latin-1 (tEXt, zTXt) text as UTF-8 in a new string. */
static char *
latin1_to_utf8(const char *s)
{
	size_t n = 0;
	char *out, *p;

	for (const unsigned char *q = (const unsigned char *)s; *q; q++)
		n += *q >= 0x80 ? 2 : 1;
	if ((out = malloc(n + 1)) == NULL)
		return NULL;
	for (p = out; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x80) {
			*p++ = (char)(0xc0 | c >> 6);
			*p++ = (char)(0x80 | (c & 0x3f));
		} else {
			*p++ = (char)c;
		}
	}
	*p = '\0';
	return out;
}

/* key=value lines of TEXT into F, in order; later lines win. */
static void
set_lines(struct mdf_frame *f, char *text, int keep)
{
	char *s = text, *nl;

	while (s != NULL && *s) {
		char *eq;

		if ((nl = strchr(s, '\n')) != NULL)
			*nl = '\0';
		if ((eq = strchr(s, '=')) != NULL) {
			*eq = '\0';
			if (!keep || mdf_get(f, s) == NULL) {
				*eq = '=';
				mdf_set_assignment(f, s);
			}
			*eq = '=';
		}
		s = nl ? nl + 1 : NULL;
	}
}

/* The metadata of a PNG's text chunks into F.  Ours is one chunk,
 * PNG_META_KEY, holding the frame's metadata in order; other chunks whose
 * keywords are valid keys add what it lacks.  Files of milldir before
 * 0.2 have no such chunk: one chunk per key, and keys too long for a
 * keyword as lines in a "milldir.meta" chunk. */
static void
read_text(struct mdf_frame *f, png_textp text, int ntext)
{
	int ours = 0;

	for (int i = 0; i < ntext; i++)
		if (strcmp(text[i].key, PNG_META_KEY) == 0) {
			set_lines(f, text[i].text, 0);
			ours = 1;
		}
	for (int i = 0; i < ntext; i++) {
		char *v = text[i].text, *conv = NULL;

		if (strcmp(text[i].key, PNG_META_KEY) == 0)
			continue;
		if (text[i].compression < PNG_ITXT_COMPRESSION_NONE &&
		    (v = conv = latin1_to_utf8(v)) == NULL)
			continue;
		if (strcmp(text[i].key, "milldir.meta") == 0 && !ours) {
			set_lines(f, v, 1);
		} else if (mdf_key_valid(text[i].key) && !is_shape_key(text[i].key) &&
		    mdf_val_valid(v, strlen(v)) && mdf_get(f, text[i].key) == NULL) {
			mdf_set(f, text[i].key, v);
		}
		free(conv);
	}
}

/* Walk the chunk headers of FP (just past the signature) before libpng
 * does: a chunk whose length runs past the end of the file is refused
 * here, since libpng would allocate and clear that length before finding
 * the file short.  Leaves FP where it was. */
static int
check_chunks(FILE *fp, char *why, size_t whylen)
{
	unsigned char h[8];
	long start = ftell(fp), size;
	uint64_t pos = (uint64_t)start;

	if (start < 0 || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0)
		return MDF_OK;          /* not seekable: libpng's checks only */
	while (pos + 8 <= (uint64_t)size) {
		uint32_t len;

		if (fseek(fp, (long)pos, SEEK_SET) != 0 || fread(h, 1, 8, fp) != 8)
			break;
		len = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
		if (len > 0x7fffffffu || pos + 12 + len > (uint64_t)size) {
			fseek(fp, start, SEEK_SET);
			return mdf_why(why, whylen, MDF_E_META,
			    "PNG chunk at byte %llu claims %u bytes, the file ends before",
			    (unsigned long long)pos, len);
		}
		if (memcmp(h + 4, "IEND", 4) == 0)
			break;
		pos += 12 + (uint64_t)len;
	}
	fseek(fp, start, SEEK_SET);
	return MDF_OK;
}

int
mdf_png_read(const char *path, struct mdf_frame *f, char *why, size_t whylen)
{
	struct png_err e = { why, whylen };
	png_structp png = NULL;
	png_infop info = NULL;
	png_bytep *volatile rows = NULL;
	volatile int rc = MDF_E_META;
	FILE *fp;
	unsigned char sig[8];
	png_textp text;
	int ntext, ctype;
	png_uint_32 w, h, c;
	struct mdf_image im;

	if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(why, whylen, "%s", strerror(errno));
		return MDF_E_IO;
	}
	if (fread(sig, 1, 8, fp) != 8 || png_sig_cmp(sig, 0, 8) != 0) {
		snprintf(why, whylen, "not a PNG file (bad signature)");
		fclose(fp);
		return MDF_E_META;
	}
	if (check_chunks(fp, why, whylen) < 0) {
		fclose(fp);
		return MDF_E_META;
	}
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &e, on_error, on_warning);
	if (png == NULL || (info = png_create_info_struct(png)) == NULL) {
		snprintf(why, whylen, "out of memory");
		rc = MDF_E_NOMEM;
		goto out;
	}
	if (setjmp(png_jmpbuf(png))) {
		rc = MDF_E_META;
		goto out;
	}
	png_init_io(png, fp);
	png_set_sig_bytes(png, 8);
	png_set_user_limits(png, 1u << 20, 1u << 20);
	/* no chunk (a text chunk claiming 2 GiB, say) is allocated beyond
	 * this, inflated text included; far above the 1 MiB of metadata a
	 * frame may carry */
	png_set_chunk_malloc_max(png, PNG_CHUNK_MAX);
	png_set_chunk_cache_max(png, 1000);
	png_read_info(png, info);
	png_set_expand(png);          /* palette, low bit depth, tRNS */
	png_set_strip_16(png);
	png_read_update_info(png, info);
	w = png_get_image_width(png, info);
	h = png_get_image_height(png, info);
	c = png_get_channels(png, info);
	ctype = png_get_color_type(png, info);
	(void)ctype;
	mdf_frame_clear(f);
	if (png_get_text(png, info, &text, &ntext) > 0)
		read_text(f, text, ntext);
	/* the shape keys keep their place but take the image's values: the
	 * PNG may have been resized or converted since */
	if (mdf_image_init(f, w, h, c, &im) < 0) {
		snprintf(why, whylen, "unsupported image %ux%u with %u channels", w, h, c);
		goto out;
	}
	if ((rows = malloc(h * sizeof *rows)) == NULL) {
		rc = MDF_E_NOMEM;
		goto out;
	}
	for (png_uint_32 y = 0; y < h; y++)
		rows[y] = im.px + (size_t)y * w * c;
	png_read_image(png, rows);
	png_read_end(png, NULL);
	rc = MDF_OK;
out:
	png_destroy_read_struct(&png, info ? &info : NULL, NULL);
	free(rows);
	fclose(fp);
	return rc;
}
