/*
 * Separable resampling of 8-bit images (mdf_image_resize in
 * milldir/grid.h).  Shrinking averages each output pixel's exact
 * footprint (fractional source pixels weigh by their overlap), which
 * keeps thin features of a normal map as a blend instead of dropping
 * them; growing interpolates bilinearly between pixel centres.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/grid.h"

/* Weights of one axis: output o reads n[o] source pixels from first[o],
 * with weights wt[off[o] ...]. */
struct axis {
	uint32_t *first, *n;
	size_t *off;
	float *wt;
};

static void
axis_free(struct axis *a)
{
	free(a->first);
	free(a->n);
	free(a->off);
	free(a->wt);
}

static int
axis_init(struct axis *a, uint32_t src, uint32_t dst)
{
	/* at most ceil(src/dst) + 1 taps when shrinking, 2 when growing */
	size_t taps = dst < src ? src / dst + 2 : 2, k = 0;
	double scale = (double)src / dst;

	a->first = malloc(dst * sizeof *a->first);
	a->n = malloc(dst * sizeof *a->n);
	a->off = malloc(dst * sizeof *a->off);
	a->wt = malloc(dst * taps * sizeof *a->wt);
	if (!a->first || !a->n || !a->off || !a->wt)
		return -1;
	for (uint32_t o = 0; o < dst; o++) {
		a->off[o] = k;
		if (dst < src) {
			double lo = o * scale, hi = (o + 1) * scale;
			uint32_t i0 = (uint32_t)lo, i1 = (uint32_t)ceil(hi);

			if (i1 > src)
				i1 = src;
			a->first[o] = i0;
			a->n[o] = i1 - i0;
			for (uint32_t i = i0; i < i1; i++) {
				double l = i > lo ? i : lo;
				double h = i + 1 < hi ? i + 1 : hi;

				a->wt[k++] = (float)((h - l) / scale);
			}
		} else {
			double x = (o + 0.5) * scale - 0.5;
			uint32_t i0;
			double f;

			if (x < 0)
				x = 0;
			if (x > src - 1)
				x = src - 1;
			i0 = (uint32_t)x;
			f = x - i0;
			a->first[o] = i0;
			if (i0 + 1 < src) {
				a->n[o] = 2;
				a->wt[k++] = (float)(1 - f);
				a->wt[k++] = (float)f;
			} else {
				a->n[o] = 1;
				a->wt[k++] = 1;
			}
		}
	}
	return 0;
}

int
mdf_image_resize(const unsigned char *src, uint32_t w, uint32_t h,
    uint32_t c, unsigned char *dst, uint32_t dw, uint32_t dh)
{
	struct axis ax = { 0 }, ay = { 0 };
	float *tmp = NULL, *acc = NULL;
	int rc = MDF_E_NOMEM;

	if (w == 0 || h == 0 || dw == 0 || dh == 0 || c == 0 || c > 4)
		return MDF_E_INVAL;
	if (w == dw && h == dh) {
		memcpy(dst, src, (size_t)w * h * c);
		return 0;
	}
	if (axis_init(&ax, w, dw) < 0 || axis_init(&ay, h, dh) < 0)
		goto out;
	/* horizontal pass into tmp (h rows of dw pixels) */
	tmp = malloc((size_t)h * dw * c * sizeof *tmp);
	acc = malloc((size_t)dw * c * sizeof *acc);
	if (tmp == NULL || acc == NULL)
		goto out;
	for (uint32_t y = 0; y < h; y++) {
		const unsigned char *s = src + (size_t)y * w * c;
		float *t = tmp + (size_t)y * dw * c;

		for (uint32_t o = 0; o < dw; o++) {
			const float *wt = ax.wt + ax.off[o];

			for (uint32_t ch = 0; ch < c; ch++) {
				float sum = 0;

				for (uint32_t i = 0; i < ax.n[o]; i++)
					sum += wt[i] *
					    s[(size_t)(ax.first[o] + i) * c + ch];
				t[(size_t)o * c + ch] = sum;
			}
		}
	}
	/* vertical pass, rounding to bytes */
	for (uint32_t o = 0; o < dh; o++) {
		const float *wt = ay.wt + ay.off[o];
		unsigned char *d = dst + (size_t)o * dw * c;

		memset(acc, 0, (size_t)dw * c * sizeof *acc);
		for (uint32_t i = 0; i < ay.n[o]; i++) {
			const float *t = tmp + (size_t)(ay.first[o] + i) * dw * c;

			for (size_t j = 0; j < (size_t)dw * c; j++)
				acc[j] += wt[i] * t[j];
		}
		for (size_t j = 0; j < (size_t)dw * c; j++) {
			float v = acc[j] + 0.5f;

			d[j] = v <= 0 ? 0 : v >= 255 ? 255 : (unsigned char)v;
		}
	}
	rc = 0;
out:
	axis_free(&ax);
	axis_free(&ay);
	free(tmp);
	free(acc);
	return rc;
}
