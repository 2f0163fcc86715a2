/*
 * milldir's own layers, for what this Darknet lacks (EfficientNet-B0):
 *
 *   [swish]            y = x sigmoid(x), element-wise (Ramachandran et
 *                      al. 2017; "SiLU"), on the previous layer's output;
 *   [scale_channels]   y[c] = x[c] g[c]: every plane c of layer FROM's
 *                      output times channel c of the previous layer's
 *                      1x1xC output (squeeze-and-excitation's product,
 *                      after global average pooling, two 1x1
 *                      convolutions and a sigmoid; Hu et al. 2018).
 *
 * lib/dnn/cfg.c hands Darknet a [route] in their place (layers=-1 and
 * layers=FROM), which allocates an output and a gradient of the right
 * shape and no weights; the functions here are then installed as the
 * layer's forward and backward, in every mode (Darknet cannot run them).
 * Their backward passes add to the gradients of their inputs, as every
 * Darknet layer does.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>

#include <darknet.h>

#include "dnn/dnet.h"

/* Loops over more values than this run on the OpenMP threads. */
#define BIG 32768

static inline float
sigm(float x)
{
	return 1.f / (1.f + expf(-x));
}

static void
swish_forward(layer l, network net)
{
	int n = l.outputs * l.batch;
	const float *x = net.input;

#pragma omp parallel for if (n > BIG) schedule(static)
	for (int i = 0; i < n; i++)
		l.output[i] = x[i] * sigm(x[i]);
}

/* d(x s(x))/dx = s + x s (1 - s) */
static void
swish_backward(layer l, network net)
{
	int n = l.outputs * l.batch;
	const float *x = net.input;

	if (!net.delta)
		return;
#pragma omp parallel for if (n > BIG) schedule(static)
	for (int i = 0; i < n; i++) {
		float s = sigm(x[i]);
		net.delta[i] += l.delta[i] * (s + x[i] * s * (1 - s));
	}
}

static void
scale_forward(layer l, network net)
{
	const layer *from = &net.layers[l.input_layers[0]];
	int c = l.out_c, hw = l.out_w * l.out_h;

#pragma omp parallel for if ((size_t)l.outputs * l.batch > BIG) schedule(static)
	for (int p = 0; p < l.batch * c; p++) {
		float g = net.input[p];
		const float *x = from->output + (size_t)p * hw;
		float *y = l.output + (size_t)p * hw;
		for (int i = 0; i < hw; i++)
			y[i] = x[i] * g;
	}
}

/* dX[c] += dY[c] g[c]; dg[c] += sum(dY[c] X[c]) */
static void
scale_backward(layer l, network net)
{
	const layer *from = &net.layers[l.input_layers[0]];
	int c = l.out_c, hw = l.out_w * l.out_h;

#pragma omp parallel for if ((size_t)l.outputs * l.batch > BIG) schedule(static)
	for (int p = 0; p < l.batch * c; p++) {
		float g = net.input[p], s = 0;
		const float *x = from->output + (size_t)p * hw, *dy = l.delta + (size_t)p * hw;
		float *dx = from->delta + (size_t)p * hw;
		for (int i = 0; i < hw; i++) {
			s += dy[i] * x[i];
			if (from->delta)
				dx[i] += dy[i] * g;
		}
		if (net.delta)
			net.delta[p] += s;
	}
}

void
mdf_dnet_install_own(void *netp, const unsigned char *kinds, int n)
{
	network *net = netp;

	for (int i = 0; i < n && i < net->n; i++) {
		layer *l = &net->layers[i];
		if (kinds[i] == MDF_DNET_SWISH) {
			l->forward = swish_forward;
			l->backward = swish_backward;
		} else if (kinds[i] == MDF_DNET_SCALE) {
			l->forward = scale_forward;
			l->backward = scale_backward;
		}
	}
}
