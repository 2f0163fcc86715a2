/*
 * Augmentation of IMAG frames: brightness, contrast, Gaussian pixel
 * noise, cutouts, dropped views of a meta-image's grid and flips (the
 * image half of augment(1)).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "augint.h"
#include "common/common.h"
#include "milldir/augment.h"
#include "milldir/rng.h"
#include "milldir/types.h"

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

/* The refusals of an IMAG frame, before anything of it is written. */
int
aug_check_image(const struct mdf_aug_opts *o, struct mdf_frame *f, char *why,
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

int
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
			rc |= mdf_setf(f, AUG_PREFIX "brightness", "%.9g", b);
			aug_add_op(ops, "brightness");
		}
		if (o->contrast > 0) {
			k = mdf_rng_range(r, 1 - o->contrast, 1 + o->contrast);
			rc |= mdf_setf(f, AUG_PREFIX "contrast", "%.9g", k);
			aug_add_op(ops, "contrast");
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
		rc |= mdf_setf(f, AUG_PREFIX "pixel_noise", "%.9g", sigma);
		aug_add_op(ops, "pixel_noise");
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
			rc |= mdf_set(f, AUG_PREFIX "cutout", rec.s);
		else
			rc = -1;
		free(rec.s);
		aug_add_op(ops, "cutout");
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
		rc |= rec.err ? -1 : mdf_set(f, AUG_PREFIX "dropout", rec.s);
		free(rec.s);
		aug_add_op(ops, "dropout");
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
		rc |= mdf_setf(f, AUG_PREFIX "flip", "%c", o->flip);
		aug_add_op(ops, "flip");
	}
	return rc < 0 ? mdf_why(why, whylen, MDF_E_NOMEM, "out of memory") : MDF_OK;
}
