/*
 * 1x1 convolutions on small feature maps as one multiply for the whole
 * batch.
 *
 * Darknet multiplies image by image: at 7x7 and 14x14 that is a gemm with
 * N = 49 or 196, where OpenBLAS runs at a fraction of its rate.  Here the
 * batch is gathered channel-major ([C][B*HW], a copy of rows of HW floats,
 * cheap next to the multiply), multiplied once with N = B*HW, and
 * scattered back to Darknet's [B][C][HW].  The backward pass does the
 * same for both gradients, and adds the input gradient into the previous
 * layer's (pjreddie/darknet#1229: Darknet overwrites it).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cblas.h>
#include <omp.h>

#include "dnn/dnkern.h"

void gemm(int ta, int tb, int m, int n, int k, float alpha, float *a, int lda,
    float *b, int ldb, float beta, float *c, int ldc);

/* Largest map (H*W) batched; larger ones multiply well image by image. */
static int small = 1024;

void
mdf_conv1_set_small(int n)
{
	small = n >= 0 ? n : 1024;
}

int
mdf_conv1_supported(const layer *l)
{
	return l->type == CONVOLUTIONAL && l->size == 1 && l->stride == 1 &&
	    l->pad == 0 && l->groups == 1 && l->batch > 1 &&
	    l->out_h * l->out_w <= small;
}

/*
 * Evaluation mode: the multiply in blocks of output columns, each
 * normalised and activated while it is in cache on its way to the output
 * (Darknet's layer writes the output three times: OpenBLAS zeroes C when
 * beta = 0, the multiply, batch norm; and reads it twice).  A k x k
 * convolution (the 3-channel stem: Darknet copies a whole image's columns
 * in one thread, then multiplies) copies each block's columns in the task
 * that multiplies them.  Small 1x1 maps are gathered for one multiply
 * and normalised on their way back.
 */
#define BLOCK 1024

int
mdf_conv1_eval_supported(const layer *l)
{
	return mdf_eval_fusable(l) && l->groups == 1;
}

/* COL = the columns j0 .. j0 + NC - 1 of image IM's column matrix. */
static void
im2col_block(const layer *l, const float *im, int j0, int nc, float *col)
{
	int ow = l->out_w, s = l->stride, h = l->h, w = l->w, k = l->size;

	for (int ch = 0; ch < l->c; ch++)
		for (int ky = 0; ky < k; ky++)
			for (int kx = 0; kx < k; kx++) {
				const float *plane = im + (size_t)ch * h * w;
				float *row = col + ((size_t)(ch * k + ky) * k + kx) * nc;
				int o = kx - l->pad;
				for (int j = j0; j < j0 + nc;) {
					int y = j / ow, x = j - y * ow;
					int xe = ow < x + j0 + nc - j ? ow : x + j0 + nc - j;
					int iy = y * s + ky - l->pad;
					float *dst = row + (j - j0);
					if (iy < 0 || iy >= h) {
						memset(dst, 0, sizeof *dst * (size_t)(xe - x));
					} else {
						const float *src = plane + (size_t)iy * w;
						for (int xx = x; xx < xe; xx++) {
							int ix = xx * s + o;
							dst[xx - x] = ix >= 0 && ix < w ? src[ix] : 0;
						}
					}
					j += xe - x;
				}
			}
}

static float *scratch(int i, size_t n);
static void gather(const float *src, int batch, int c, int hw, float *dst);

/* A 1x1 convolution of a whole batch as one multiply: the input gathered
 * to [C][B*HW], the product [N][B*HW] returned (scratch 1), NULL when out
 * of memory. */
static float *
batch_product(const layer *l, const float *input)
{
	int hw = l->out_h * l->out_w, nb = hw * l->batch;
	float *x = scratch(0, (size_t)l->c * nb), *y = scratch(1, (size_t)l->n * nb);

	if (!x || !y)
		return NULL;
	gather(input, l->batch, l->c, hw, x);
	gemm(0, 0, l->n, nb, l->c, 1, l->weights, l->c, x, nb, 0, y, nb);
	return y;
}

/* small 1x1 maps: one multiply, normalised on the way back to [B][N][HW] */
static int
forward_eval_small(const layer *l, const float *input, const float *k,
    float *output)
{
	int hw = l->out_h * l->out_w, nb = hw * l->batch;
	float *y = batch_product(l, input);

	if (!y)
		return -1;
#pragma omp parallel for schedule(dynamic, 8) if ((size_t)l->n * nb > 32768)
	for (int f = 0; f < l->n; f++)
		for (int b = 0; b < l->batch; b++)
			mdf_affine_act(y + ((size_t)f * l->batch + b) * hw, hw, k[f],
			    k[l->n + f], l->activation, output + ((size_t)b * l->n + f) * hw);
	return 0;
}

int
mdf_conv1_forward_eval(const layer *l, const float *input, float *output)
{
	int hw = l->out_h * l->out_w, kk = l->c * l->size * l->size;
	int conv = l->size > 1, bl = BLOCK;
	/* a block's columns within some 256 KiB */
	if (conv && kk * BLOCK > 65536)
		bl = 65536 / kk / 16 * 16 < 64 ? 64 : 65536 / kk / 16 * 16;
	int nblk = (hw + bl - 1) / bl, ntask = l->batch * nblk;
	int nt = omp_get_max_threads();
	size_t per = (size_t)l->n * bl, percol = conv ? (size_t)kk * bl : 0;
	float *k = malloc(2 * (size_t)l->n * sizeof(float)), *bufs, *cols;
	int rc = 0;

	if (!k)
		return -1;
	mdf_bn_fold(l, k);
	if (!conv && l->batch > 1 && hw <= small) {
		rc = forward_eval_small(l, input, k, output);
		free(k);
		return rc;
	}
	bufs = malloc((per + percol) * nt * sizeof(float));
	if (!bufs) {
		free(k);
		return -1;
	}
	cols = bufs + per * nt;
	mdf_dnet_blas_single();
#pragma omp parallel for schedule(dynamic, 1)
	for (int t = 0; t < ntask; t++) {
		float *buf = bufs + per * omp_get_thread_num();
		int b = t / nblk, j0 = t % nblk * bl;
		int nc = hw - j0 < bl ? hw - j0 : bl;
		const float *im = input + (size_t)b * l->c * l->h * l->w;
		if (conv) {
			float *col = cols + percol * omp_get_thread_num();
			im2col_block(l, im, j0, nc, col);
			cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, l->n, nc,
			    kk, 1, l->weights, kk, col, nc, 0, buf, nc);
		} else {
			cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, l->n, nc,
			    l->c, 1, l->weights, l->c, im + j0, hw, 0, buf, nc);
		}
		for (int f = 0; f < l->n; f++)
			mdf_affine_act(buf + (size_t)f * nc, nc, k[f], k[l->n + f],
			    l->activation, output + ((size_t)b * l->n + f) * hw + j0);
	}
	free(bufs);
	free(k);
	return rc;
}

/* Scratch kept between calls (the sizes repeat every batch; allocating
 * them anew costs page faults each time). */
static float *buf[3];
static size_t cap[3];

static float *
scratch(int i, size_t n)
{
	if (n > cap[i]) {
		free(buf[i]);
		buf[i] = malloc(n * sizeof(float));
		cap[i] = buf[i] ? n : 0;
	}
	return buf[i];
}

/* [B][C][HW] -> [C][B*HW] */
static void
gather(const float *src, int batch, int c, int hw, float *dst)
{
#pragma omp parallel for schedule(dynamic, 8) if ((size_t)batch * c * hw > 32768)
	for (int ch = 0; ch < c; ch++)
		for (int b = 0; b < batch; b++)
			memcpy(dst + ((size_t)ch * batch + b) * hw,
			    src + ((size_t)b * c + ch) * hw, sizeof(float) * (size_t)hw);
}

/* [C][B*HW] -> [B][C][HW], stored or added */
static void
scatter(const float *src, int batch, int c, int hw, float *dst, int add)
{
#pragma omp parallel for schedule(dynamic, 8) if ((size_t)batch * c * hw > 32768)
	for (int ch = 0; ch < c; ch++)
		for (int b = 0; b < batch; b++) {
			const float *s = src + ((size_t)ch * batch + b) * hw;
			float *d = dst + ((size_t)b * c + ch) * hw;
			if (add)
				for (int i = 0; i < hw; i++)
					d[i] += s[i];
			else
				memcpy(d, s, sizeof(float) * (size_t)hw);
		}
}

int
mdf_conv1_forward(const layer *l, const float *input, float *output)
{
	int hw = l->out_h * l->out_w;
	float *y = batch_product(l, input);

	if (!y)
		return -1;
	scatter(y, l->batch, l->n, hw, output, 0);
	return 0;
}

int
mdf_conv1_backward(const layer *l, const float *input, const float *delta,
    float *input_delta)
{
	int hw = l->out_h * l->out_w, nb = hw * l->batch;
	float *x = scratch(0, (size_t)l->c * nb), *g = scratch(1, (size_t)l->n * nb);
	float *dx = input_delta ? scratch(2, (size_t)l->c * nb) : NULL;

	if (!x || !g || (input_delta && !dx))
		return -1;
	gather(input, l->batch, l->c, hw, x);
	gather(delta, l->batch, l->n, hw, g);
	/* dW += dOut x In' over the whole batch */
	gemm(0, 1, l->n, l->c, nb, 1, g, nb, x, nb, 1, l->weight_updates, l->c);
	if (input_delta) {
		/* dIn = W' x dOut, added to what a [shortcut] put there */
		gemm(1, 0, l->c, nb, l->n, 1, l->weights, l->c, g, nb, 0, dx, nb);
		scatter(dx, l->batch, l->c, hw, input_delta, 1);
	}
	return 0;
}
