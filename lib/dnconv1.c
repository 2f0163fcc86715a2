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

#include "dnkern.h"

void gemm(int ta, int tb, int m, int n, int k, float alpha, float *a, int lda,
    float *b, int ldb, float beta, float *c, int ldc);

/* Largest map (H*W) batched; larger ones multiply well image by image. */
#define SMALL 1024

int
mdf_conv1_supported(const layer *l)
{
	return l->type == CONVOLUTIONAL && l->size == 1 && l->stride == 1 &&
	    l->pad == 0 && l->groups == 1 && l->batch > 1 &&
	    l->out_h * l->out_w <= SMALL;
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
	int hw = l->out_h * l->out_w, nb = hw * l->batch;
	float *x = scratch(0, (size_t)l->c * nb), *y = scratch(1, (size_t)l->n * nb);

	if (!x || !y)
		return -1;
	gather(input, l->batch, l->c, hw, x);
	gemm(0, 0, l->n, nb, l->c, 1, l->weights, l->c, x, nb, 0, y, nb);
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
