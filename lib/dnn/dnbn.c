/*
 * Batch normalisation of a convolution's output, with its activation,
 * in two passes over the data forward and two backward.
 *
 * Darknet's training forward makes nine passes (copy aside, mean,
 * variance, normalise, copy, scale, shift, activation) and its backward
 * eight.  These are the same formulas, with Darknet's own constants:
 * forward divides by sqrt(var) + 1e-6, backward uses 1 / sqrt(var + 1e-5)
 * (anchors: "Known defects" 3), the batch variance divides by n - 1, the
 * rolling statistics move 1 % per batch.  l->x_norm is kept as Darknet
 * keeps it; l->x (the input before normalising) is not: x - mean is
 * x_norm (sqrt(var) + 1e-6), so our backward does without it (Darknet's
 * never runs after our forward: both are ours in fast mode).
 */
#include "config.h"

#include <math.h>

#include "dnn/dnkern.h"

/* Activations done here; others go to Darknet's after us. */
static int
fusable(ACTIVATION a)
{
	return a == LINEAR || a == RELU || a == LEAKY;
}

CLONES static void
row_act(float *restrict p, int n, ACTIVATION a)
{
	if (a == RELU)
		for (int i = 0; i < n; i++)
			p[i] = p[i] > 0 ? p[i] : 0;
	else if (a == LEAKY)
		for (int i = 0; i < n; i++)
			p[i] = p[i] > 0 ? p[i] : .1f * p[i];
}

/* the activation's gradient, from its output Y */
CLONES static void
row_grad(const float *restrict y, float *restrict d, int n, ACTIVATION a)
{
	if (a == RELU)
		for (int i = 0; i < n; i++)
			d[i] = y[i] > 0 ? d[i] : 0;
	else if (a == LEAKY)
		for (int i = 0; i < n; i++)
			d[i] = y[i] > 0 ? d[i] : .1f * d[i];
}

CLONES static void
row_stats(const float *restrict p, int n, float sh, double *s1, double *s2)
{
	float t1 = 0, t2 = 0;

	for (int i = 0; i < n; i++) {
		float d = p[i] - sh;
		t1 += d;
		t2 += d * d;
	}
	*s1 += t1;
	*s2 += t2;
}

CLONES static void
row_train(float *restrict p, float *restrict xn, int n, float m, float k,
    float s, float sh)
{
	for (int i = 0; i < n; i++) {
		float z = (p[i] - m) * k;
		xn[i] = z;
		p[i] = z * s + sh;
	}
}

CLONES static void
row_affine(float *restrict p, int n, float ks, float c0)
{
	for (int i = 0; i < n; i++)
		p[i] = p[i] * ks + c0;
}

CLONES static void
row_sums(const float *restrict d, const float *restrict xn, int n, float *sd,
    float *sdn)
{
	float t0 = 0, t1 = 0;

	for (int i = 0; i < n; i++) {
		t0 += d[i];
		t1 += d[i] * xn[i];
	}
	*sd += t0;
	*sdn += t1;
}

CLONES static void
row_delta(float *restrict d, const float *restrict xn, int n, float k,
    float kv, float k0)
{
	for (int i = 0; i < n; i++)
		d[i] = d[i] * k + kv * xn[i] + k0;
}

/* --- evaluation mode: batch norm folded into the convolution's output --- */

int
mdf_eval_fusable(const layer *l)
{
	return l->type == CONVOLUTIONAL && fusable(l->activation) && !l->xnor &&
	    !l->binary;
}

void
mdf_bn_fold(const layer *l, float *k)
{
	for (int f = 0; f < l->n; f++) {
		float kk = 1, k0 = l->biases[f];
		if (l->batch_normalize) {
			/* Darknet's forward divides by sqrt(var) + 1e-6 */
			kk = l->scales[f] / (sqrtf(l->rolling_variance[f]) + .000001f);
			k0 = l->biases[f] - l->rolling_mean[f] * kk;
		}
		k[f] = kk;
		k[l->n + f] = k0;
	}
}

CLONES void
mdf_affine_act(const float *restrict y, int n, float k, float k0, ACTIVATION a,
    float *restrict out)
{
	if (a == RELU)
		for (int i = 0; i < n; i++) {
			float v = y[i] * k + k0;
			out[i] = v > 0 ? v : 0;
		}
	else if (a == LEAKY)
		for (int i = 0; i < n; i++) {
			float v = y[i] * k + k0;
			out[i] = v > 0 ? v : .1f * v;
		}
	else
		for (int i = 0; i < n; i++)
			out[i] = y[i] * k + k0;
}

int
mdf_bn_forward(const layer *l, int train, ACTIVATION a)
{
	int c = l->out_c, batch = l->batch, hw = l->out_h * l->out_w;
	double n = (double)batch * hw;

	if (!fusable(a) || l->type != CONVOLUTIONAL || !l->batch_normalize ||
	    (train && n < 2))
		return 0;
#pragma omp parallel for schedule(dynamic, 4) if ((size_t)c * n > 32768)
	for (int f = 0; f < c; f++) {
		float m, k;
		if (train) {
			/* sums shifted by one sample: no cancellation */
			float sh = l->output[(size_t)f * hw];
			double s1 = 0, s2 = 0;
			for (int b = 0; b < batch; b++)
				row_stats(l->output + ((size_t)b * c + f) * hw, hw, sh, &s1, &s2);
			double mean = sh + s1 / n, var = (s2 - s1 * s1 / n) / (n - 1);
			l->mean[f] = (float)mean;
			l->variance[f] = (float)(var > 0 ? var : 0);
			l->rolling_mean[f] = .99f * l->rolling_mean[f] + .01f * l->mean[f];
			l->rolling_variance[f] = .99f * l->rolling_variance[f] +
			    .01f * l->variance[f];
			m = l->mean[f];
			k = 1.f / (sqrtf(l->variance[f]) + .000001f);
		} else {
			m = l->rolling_mean[f];
			k = 1.f / (sqrtf(l->rolling_variance[f]) + .000001f);
		}
		float s = l->scales[f], b0 = l->biases[f];
		for (int b = 0; b < batch; b++) {
			size_t o = ((size_t)b * c + f) * hw;
			if (train)
				row_train(l->output + o, l->x_norm + o, hw, m, k, s, b0);
			else    /* one multiply-add: (v - m) k s + b0 */
				row_affine(l->output + o, hw, k * s, b0 - m * k * s);
			row_act(l->output + o, hw, a);
		}
	}
	return 1;
}

int
mdf_bn_backward(const layer *l, ACTIVATION a)
{
	int c = l->out_c, batch = l->batch, hw = l->out_h * l->out_w;
	float n = (float)batch * hw;

	if (!fusable(a) || l->type != CONVOLUTIONAL || !l->batch_normalize)
		return 0;
#pragma omp parallel for schedule(dynamic, 4) if ((size_t)c * batch * hw > 32768)
	for (int f = 0; f < c; f++) {
		float sd = 0, sdn = 0;
		for (int b = 0; b < batch; b++) {
			size_t o = ((size_t)b * c + f) * hw;
			row_grad(l->output + o, l->delta + o, hw, a);
			row_sums(l->delta + o, l->x_norm + o, hw, &sd, &sdn);
		}
		/* x - mean = x_norm r, r as the forward pass divided */
		float r = sqrtf(l->variance[f]) + .000001f, sdx = sdn * r;
		float s = l->scales[f], v = l->variance[f] + .00001f;
		float inv = 1.f / sqrtf(v);
		l->bias_updates[f] += sd;
		l->scale_updates[f] += sdn;
		l->mean_delta[f] = s * sd * -inv;
		l->variance_delta[f] = s * sdx * -.5f * powf(v, -1.5f);
		float kv = l->variance_delta[f] * 2.f / n, k0 = l->mean_delta[f] / n;
		for (int b = 0; b < batch; b++) {
			size_t o = ((size_t)b * c + f) * hw;
			row_delta(l->delta + o, l->x_norm + o, hw, s * inv, kv * r, k0);
		}
	}
	return 1;
}
