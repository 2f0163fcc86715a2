/* PNG import and export of IMAG frames (libpng). */
#include "config.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "frame/internal.h"
#include "milldir/png.h"
#include "milldir/types.h"

#define PNG_KEYWORD_MAX 79

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
	png_textp text = NULL;
	png_bytep *rows = NULL;
	char *longmeta = NULL;
	int rc = MDF_E_NOMEM;
	FILE *fp = NULL;
	size_t ntext = 0, longlen = 0;

	if (mdf_image_view(f, &im) < 0) {
		snprintf(why, whylen, "not a valid IMAG frame");
		return MDF_E_INVAL;
	}
	snprintf(why, whylen, "out of memory");
	text = calloc(f->meta.n + 1, sizeof *text);
	rows = malloc(im.h * sizeof *rows);
	if (text == NULL || rows == NULL)
		goto out;
	for (size_t i = 0; i < f->meta.n; i++) {
		const struct mdf_kv *kv = &f->meta.kv[i];
		if (is_shape_key(kv->key))
			continue;
		if (strlen(kv->key) <= PNG_KEYWORD_MAX) {
			text[ntext].compression = PNG_ITXT_COMPRESSION_NONE;
			text[ntext].key = kv->key;
			text[ntext].text = kv->val;
			ntext++;
		} else {
			size_t add = strlen(kv->key) + strlen(kv->val) + 2;
			char *p = realloc(longmeta, longlen + add + 1);
			if (p == NULL)
				goto out;
			longmeta = p;
			longlen += (size_t)sprintf(longmeta + longlen, "%s=%s\n", kv->key, kv->val);
		}
	}
	if (longmeta != NULL) {
		text[ntext].compression = PNG_ITXT_COMPRESSION_NONE;
		text[ntext].key = (char *)"milldir.meta";
		text[ntext].text = longmeta;
		ntext++;
	}
	for (uint32_t y = 0; y < im.h; y++)
		rows[y] = im.px + (size_t)y * im.w * im.c;
	if ((fp = fopen(path, "wb")) == NULL) {
		snprintf(why, whylen, "%s", strerror(errno));
		rc = MDF_E_IO;
		goto out;
	}
	rc = write_png(fp, &im, text, (int)ntext, &e, rows);
	if (fclose(fp) != 0 && rc == MDF_OK) {
		snprintf(why, whylen, "%s", strerror(errno));
		rc = MDF_E_IO;
	}
out:
	free(longmeta);
	free(text);
	free(rows);
	return rc;
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
	if (png_get_text(png, info, &text, &ntext) > 0) {
		for (int i = 0; i < ntext; i++) {
			if (strcmp(text[i].key, "milldir.meta") == 0) {
				char *s = text[i].text, *nl;
				while (s != NULL && *s) {
					nl = strchr(s, '\n');
					if (nl)
						*nl = '\0';
					mdf_set_assignment(f, s);
					s = nl ? nl + 1 : NULL;
				}
			} else if (mdf_key_valid(text[i].key) && !is_shape_key(text[i].key) &&
			    mdf_val_valid(text[i].text, strlen(text[i].text))) {
				mdf_set(f, text[i].key, text[i].text);
			}
		}
	}
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
