/*
 * Our own layer functions for Darknet networks: the fix for the 1x1
 * convolution backward pass, and the fast kernels of MDF_DNET_FAST.
 *
 * Darknet runs layers through function pointers in each layer and calls
 * its exported helpers through the PLT, so both can be replaced from
 * here without rebuilding it.
 *
 * The fix (pjreddie/darknet#1229): Darknet's convolution backward writes
 * a 1x1 layer's input gradient with beta = 0 straight into the previous
 * layer's delta.  When that previous layer also feeds a [shortcut] (the
 * input of every MBConv block), the shortcut has already added its
 * gradient there, and it is lost.  Ours accumulates (beta = 1), as the
 * k x k path does through col2im. *
 * Deliberately unrolled kernels (`duplicates` pairs them; leave them
 * written out): activate_array and gradient_array, and the batch-norm
 * and bias kernels (normalize_cpu, variance_cpu, normalize_delta_cpu,
 * mean_cpu, mean_delta_cpu, variance_delta_cpu, scale_bias, add_bias,
 * backward_bias, backward_scale_cpu) keep one plain loop per activation
 * and per formula, each with its own OpenMP pragma, so that every loop
 * vectorises as it stands; a shared loop taking the operation as an
 * argument would bring back the per-element switch of Darknet's own.
 */
#include "config.h"

#include <dlfcn.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <darknet.h>

#include "dnn/darknet_int.h"
#include "dnn/dnconv3.h"
#include "dnn/dnet.h"
#include "dnn/dnkern.h"

static void conv_backward_multiply(layer l, network net);
static void conv_finish(layer l, network net);

/* Darknet's convolution forward without zeroing the output first (the
 * multiply overwrites it), batch norm and activation fused after it. */
static void
conv_forward(layer l, network net)
{
	int m = l.n / l.groups, k = l.size * l.size * l.c / l.groups;
	int n = l.out_w * l.out_h;

	if (l.xnor || l.binary) {
		forward_convolutional_layer(l, net);
		return;
	}
	if (!net.train && mdf_conv1_eval_supported(&l) &&
	    mdf_conv1_forward_eval(&l, net.input, l.output) == 0)
		return;
	for (int b = 0; b < l.batch; b++)
		for (int g = 0; g < l.groups; g++) {
			float *w = l.weights + (size_t)g * l.nweights / l.groups;
			float *out = l.output + ((size_t)b * l.groups + g) * n * m;
			float *im = net.input + ((size_t)b * l.groups + g) * l.c / l.groups * l.h * l.w;
			float *cols = net.workspace;
			if (l.size == 1)    /* as Darknet: the input is the column matrix */
				cols = im;
			else
				im2col_cpu(im, l.c / l.groups, l.h, l.w, l.size, l.stride,
				    l.pad, cols);
			gemm(0, 0, m, n, k, 1, w, k, cols, n, 0, out, n);
		}
	conv_finish(l, net);
}

/* A convolution's bias or batch norm and activation, as Darknet's layer
 * does them; batch norm and activation in two passes (lib/dnn/dnbn.c) in
 * fast mode. */
static void
conv_finish(layer l, network net)
{
	if (l.batch_normalize && mdf_dnet_mode() == MDF_DNET_FAST &&
	    mdf_bn_forward(&l, net.train, l.activation))
		return;
	if (l.batch_normalize)
		forward_batchnorm_layer(l, net);
	else
		add_bias(l.output, l.biases, l.batch, l.n, l.out_h * l.out_w);
	activate_array(l.output, l.outputs * l.batch, l.activation);
}

/* The gradient back through them, in l.delta. */
static void
conv_unfinish(layer l, network net)
{
	if (l.batch_normalize && net.train && mdf_dnet_mode() == MDF_DNET_FAST &&
	    mdf_bn_backward(&l, l.activation))
		return;
	gradient_array(l.output, l.outputs * l.batch, l.activation, l.delta);
	if (l.batch_normalize)
		backward_batchnorm_layer(l, net);
	else
		backward_bias(l.bias_updates, l.delta, l.batch, l.n, l.out_h * l.out_w);
}

/* Convolution backward with the input gradient accumulated. */
static void
conv_backward(layer l, network net)
{
	conv_unfinish(l, net);
	conv_backward_multiply(l, net);
}

/* The multiplies of the backward pass, from the gradient at the output
 * of the convolution (l.delta) on. */
static void
conv_backward_multiply(layer l, network net)
{
	int m = l.n / l.groups;                      /* filters per group */
	int k = l.size * l.size * l.c / l.groups;    /* weights per filter */
	int hw = l.out_w * l.out_h;
	size_t in_per_group = (size_t)l.c / l.groups * l.h * l.w;

	for (int b = 0; b < l.batch; b++)
		for (int g = 0; g < l.groups; g++) {
			float *dout = l.delta + ((size_t)b * l.groups + g) * m * hw;
			float *w = l.weights + (size_t)g * l.nweights / l.groups;
			float *dw = l.weight_updates + (size_t)g * l.nweights / l.groups;
			size_t off = ((size_t)b * l.groups + g) * in_per_group;
			float *cols = net.workspace;

			if (l.size == 1)
				cols = net.input + off;
			else
				im2col_cpu(net.input + off, l.c / l.groups, l.h, l.w,
				    l.size, l.stride, l.pad, cols);
			/* dW += dOut x cols' */
			gemm(0, 1, m, k, hw, 1, dout, hw, cols, hw, 1, dw, k);
			if (!net.delta)
				continue;
			if (l.size == 1) {
				/* dIn += W' x dOut: accumulate, never overwrite */
				gemm(1, 0, k, hw, m, 1, w, k, dout, hw, 1,
				    net.delta + off, hw);
			} else {
				gemm(1, 0, k, hw, m, 1, w, k, dout, hw, 0,
				    net.workspace, hw);
				col2im_cpu(net.workspace, l.c / l.groups, l.h, l.w,
				    l.size, l.stride, l.pad, net.delta + off);
			}
		}
}

/*
 * Depthwise convolution (groups = channels = filters): Darknet runs it one
 * channel at a time as an im2col and a 1 x HW x k^2 multiply, 0.3 GFLOPS.
 * Ours is in lib/dnn/dndw.c.
 */
static void
dw_forward(layer l, network net)
{
	if (!net.train && mdf_dw_forward_eval(&l, net.input, l.output) == 0)
		return;
	if (mdf_dw_conv_forward(&l, net.input, l.output) < 0) {
		forward_convolutional_layer(l, net);
		return;
	}
	conv_finish(l, net);
}

static void
dw_backward(layer l, network net)
{
	conv_unfinish(l, net);
	if (mdf_dw_conv_backward(&l, net.input, l.delta, net.delta) < 0)
		conv_backward_multiply(l, net);
}

/* 1x1 convolutions on small maps: one multiply for the batch
 * (lib/dnn/dnconv1.c); Darknet's image by image if the scratch cannot be had. */
static void
conv1_forward(layer l, network net)
{
	if (!net.train && mdf_conv1_eval_supported(&l) &&
	    mdf_conv1_forward_eval(&l, net.input, l.output) == 0)
		return;
	if (mdf_conv1_forward(&l, net.input, l.output) < 0) {
		forward_convolutional_layer(l, net);
		return;
	}
	conv_finish(l, net);
}

static void
conv1_backward(layer l, network net)
{
	conv_unfinish(l, net);
	if (mdf_conv1_backward(&l, net.input, l.delta, net.delta) < 0)
		conv_backward_multiply(l, net);
}

/*
 * An MBConv block's 1x1 expansion and the depthwise convolution after it,
 * in evaluation mode: one pass (lib/dnn/dndw.c), the expansion's output never
 * written.  Training runs them as above.
 */
static void
expand_forward(layer l, network net)
{
	if (!net.train)
		return;          /* the depthwise layer after it does the work */
	if (mdf_conv1_supported(&l))
		conv1_forward(l, net);
	else
		conv_forward(l, net);
}

/* Whether a layer other than the next one reads layer J's output. */
static int
read_later(const network *net, int j)
{
	for (int i = j + 2; i < net->n; i++) {
		const layer *l = &net->layers[i];
		if (l->type == SHORTCUT && l->index == j)
			return 1;
		if (l->type == ROUTE)
			for (int k = 0; k < l->n; k++)
				if (l->input_layers[k] == j)
					return 1;
	}
	return 0;
}

/* The block's 1x1 projection after depthwise layer I, if it is run by
 * layer I in evaluation mode. */
static layer *
projection(const network *net, int i)
{
	layer *p = i + 1 < net->n ? &net->layers[i + 1] : NULL;

	return p && !read_later(net, i) &&
	    mdf_dw_project_supported(&net->layers[i], p) ? p : NULL;
}

static void
project_forward(layer l, network net)
{
	expand_forward(l, net);   /* in evaluation mode, done before */
}

static void
dwx_forward(layer l, network net)
{
	layer *e = &net.layers[net.index - 1];
	layer *p = projection(&net, net.index);
	float *in = net.layers[net.index - 2].output;

	if (net.train) {
		dw_forward(l, net);
		return;
	}
	if (mdf_dw_forward_eval_expand(e, &l, p, in, l.output,
	    p ? p->output : NULL) == 0)
		return;
	/* without memory: one layer after the other */
	network n2 = net;
	n2.input = in;
	if (mdf_conv1_forward_eval(e, in, e->output) < 0)
		forward_convolutional_layer(*e, n2);
	dw_forward(l, net);
	n2.input = l.output;
	if (p && mdf_conv1_forward_eval(p, l.output, p->output) < 0)
		forward_convolutional_layer(*p, n2);
}

/* A block without expansion: the depthwise layer and its projection. */
static void
dwp_forward(layer l, network net)
{
	layer *p = projection(&net, net.index);

	if (!net.train && p && mdf_dw_forward_eval_expand(NULL, &l, p, net.input,
	    l.output, p->output) == 0)
		return;
	dw_forward(l, net);
	if (!net.train && p) {     /* without memory: the projection after it */
		network n2 = net;
		n2.input = l.output;
		if (mdf_conv1_forward_eval(p, l.output, p->output) < 0)
			forward_convolutional_layer(*p, n2);
	}
}

static void
conv_update(layer l, update_args a)
{
	if (a.adam)
		update_convolutional_layer(l, a);
	else
		mdf_sgd_update(&l, a);
}

/*
 * Max pooling: Darknet's loop tests bounds for every tap of every output.
 * Ours runs one plane per task, the bounds test only where a window
 * crosses the border; the index of the (first) maximum is kept for the
 * backward pass exactly as Darknet keeps it.
 */
static void
maxpool_forward(layer l, network net)
{
	int off = -l.pad / 2, oh = l.out_h, ow = l.out_w;

#pragma omp parallel for collapse(2) schedule(static)
	for (int b = 0; b < l.batch; b++)
		for (int ch = 0; ch < l.c; ch++) {
			size_t base = ((size_t)b * l.c + ch) * l.h * l.w;
			size_t obase = ((size_t)b * l.c + ch) * oh * ow;
			const float *in = net.input + base;
			for (int y = 0; y < oh; y++)
				for (int x = 0; x < ow; x++) {
					/* a window always holds an input (cfg.c
					 * bounds the padding): ARG is one of them */
					float max = 0;
					int arg = -1;
					for (int n = 0; n < l.size; n++) {
						int iy = off + y * l.stride + n;
						if (iy < 0 || iy >= l.h)
							continue;
						for (int m = 0; m < l.size; m++) {
							int ix = off + x * l.stride + m;
							if (ix < 0 || ix >= l.w)
								continue;
							float v = in[iy * l.w + ix];
							if (arg < 0 || MDF_MAX_BEATS(v, max)) {
								max = v;
								arg = (int)base + iy * l.w + ix;
							}
						}
					}
					l.output[obase + (size_t)y * ow + x] = max;
					l.indexes[obase + (size_t)y * ow + x] = arg;
				}
		}
}

void
mdf_dnet_install_convfix(void *netp, int on)
{
	network *net = netp;

	for (int i = 0; i < net->n; i++) {
		layer *l = &net->layers[i];
		if (l->type == CONVOLUTIONAL && !mdf_dw_supported(l))
			l->backward = on ? conv_backward : backward_convolutional_layer;
	}
}

void
mdf_dnet_install(void *netp, enum mdf_dnet_mode mode)
{
	network *net = netp;

	if (mode == MDF_DNET_STOCK)
		return;
	mdf_dnet_install_convfix(net, 1);
	if (mode != MDF_DNET_FAST)
		return;
	for (int i = 0; i < net->n; i++) {
		layer *l = &net->layers[i];
		if (l->type == CONVOLUTIONAL)
			l->update = conv_update;
		if (mdf_dw_supported(l)) {
			l->forward = dw_forward;
			l->backward = dw_backward;
		} else if (mdf_conv3_supported(l)) {
			mdf_conv3_install(l);     /* Winograd, lib/dnn/dnconv3.c */
		} else if (mdf_conv1_supported(l)) {
			l->forward = conv1_forward;
			l->backward = conv1_backward;
		} else if (l->type == CONVOLUTIONAL) {
			l->forward = conv_forward;
		} else if (l->type == MAXPOOL) {
			l->forward = maxpool_forward;
			mdf_maxpool2_install(l);  /* 2x2 stride 2, lib/dnn/dnconv3.c */
		} else if (l->type == CONNECTED) {
			mdf_fc_install(l);        /* lib/dnn/dnconv3.c */
		}
	}
	for (int i = 2; i < net->n; i++) {
		layer *e = &net->layers[i - 1], *l = &net->layers[i];
		if (l->forward == dw_forward && (e->forward == conv1_forward ||
		    e->forward == conv_forward) && mdf_dw_expand_supported(e, l) &&
		    !read_later(net, i - 1)) {
			e->forward = expand_forward;
			l->forward = dwx_forward;
			if (projection(net, i))
				net->layers[i + 1].forward = project_forward;
		}
	}
	for (int i = 0; i + 1 < net->n; i++) {
		layer *l = &net->layers[i], *p = &net->layers[i + 1];
		if (l->forward == dw_forward && (p->forward == conv1_forward ||
		    p->forward == conv_forward) && projection(net, i)) {
			l->forward = dwp_forward;
			p->forward = project_forward;
		}
	}
}

/* --- element-wise kernels ---------------------------------------------
 * Darknet's run a switch per element (activations) or a sqrt or pow per
 * element (batch norm).  Same formulas, loops a compiler vectorises; the
 * other activations and the other modes go to Darknet's own. */

/* Loops over more values than this run on the OpenMP threads (the cores
 * OpenBLAS uses for its multiplies, idle in between). */
#define BIG 32768

typedef void act_fn(float *, int, ACTIVATION);
typedef void grad_fn(const float *, int, ACTIVATION, float *);

void
activate_array(float *x, const int n, const ACTIVATION a)
{
	static act_fn *orig;

	if (mdf_dnet_mode() == MDF_DNET_FAST) {
		switch (a) {
		case LINEAR:
			return;
		case RELU:
#pragma omp parallel for if (n > BIG) schedule(static)
			for (int i = 0; i < n; i++)
				x[i] = x[i] > 0 ? x[i] : 0;
			return;
		case LEAKY:
#pragma omp parallel for if (n > BIG) schedule(static)
			for (int i = 0; i < n; i++)
				x[i] = x[i] > 0 ? x[i] : 0.1f * x[i];
			return;
		default:
			break;
		}
	}
	if (!orig)
		orig = (act_fn *)dlsym(RTLD_NEXT, "activate_array");
	orig(x, n, a);
}

void
gradient_array(const float *x, const int n, const ACTIVATION a, float *delta)
{
	static grad_fn *orig;

	if (mdf_dnet_mode() == MDF_DNET_FAST) {
		switch (a) {
		case LINEAR:
			return;
		case RELU:
#pragma omp parallel for if (n > BIG) schedule(static)
			for (int i = 0; i < n; i++)
				delta[i] = x[i] > 0 ? delta[i] : 0;
			return;
		case LEAKY:
#pragma omp parallel for if (n > BIG) schedule(static)
			for (int i = 0; i < n; i++)
				delta[i] = x[i] > 0 ? delta[i] : 0.1f * delta[i];
			return;
		default:
			break;
		}
	}
	if (!orig)
		orig = (grad_fn *)dlsym(RTLD_NEXT, "gradient_array");
	orig(x, n, a, delta);
}

typedef void norm_fn(float *, float *, float *, int, int, int);
typedef void var_fn(float *, float *, int, int, int, float *);
typedef void nd_fn(float *, float *, float *, float *, float *, int, int, int, float *);

void
normalize_cpu(float *x, float *mean, float *variance, int batch, int filters,
    int spatial)
{
	static norm_fn *orig;

	if (mdf_dnet_mode() != MDF_DNET_FAST) {
		if (!orig)
			orig = (norm_fn *)dlsym(RTLD_NEXT, "normalize_cpu");
		orig(x, mean, variance, batch, filters, spatial);
		return;
	}
#pragma omp parallel for collapse(2) if ((size_t)batch * filters * spatial > BIG) schedule(static)
	for (int b = 0; b < batch; b++)
		for (int f = 0; f < filters; f++) {
			/* Darknet's forward divides by sqrt(var) + 1e-6 */
			float m = mean[f], inv = 1.f / (sqrtf(variance[f]) + .000001f);
			float *p = x + ((size_t)b * filters + f) * spatial;
			for (int i = 0; i < spatial; i++)
				p[i] = (p[i] - m) * inv;
		}
}

void
variance_cpu(float *x, float *mean, int batch, int filters, int spatial,
    float *variance)
{
	static var_fn *orig;

	if (mdf_dnet_mode() != MDF_DNET_FAST) {
		if (!orig)
			orig = (var_fn *)dlsym(RTLD_NEXT, "variance_cpu");
		orig(x, mean, batch, filters, spatial, variance);
		return;
	}
#pragma omp parallel for if ((size_t)batch * filters * spatial > BIG) schedule(static)
	for (int f = 0; f < filters; f++) {
		double acc = 0;
		float m = mean[f];
		for (int b = 0; b < batch; b++) {
			const float *p = x + ((size_t)b * filters + f) * spatial;
			float s = 0;
			for (int i = 0; i < spatial; i++)
				s += (p[i] - m) * (p[i] - m);
			acc += s;
		}
		variance[f] = (float)(acc / ((double)batch * spatial - 1));
	}
}

void
normalize_delta_cpu(float *x, float *mean, float *variance, float *mean_delta,
    float *variance_delta, int batch, int filters, int spatial, float *delta)
{
	static nd_fn *orig;

	if (mdf_dnet_mode() != MDF_DNET_FAST) {
		if (!orig)
			orig = (nd_fn *)dlsym(RTLD_NEXT, "normalize_delta_cpu");
		orig(x, mean, variance, mean_delta, variance_delta, batch, filters,
		    spatial, delta);
		return;
	}
	float n = (float)spatial * batch;
#pragma omp parallel for collapse(2) if ((size_t)batch * filters * spatial > BIG) schedule(static)
	for (int b = 0; b < batch; b++)
		for (int f = 0; f < filters; f++) {
			/* Darknet's backward uses 1 / sqrt(var + 1e-5) */
			float inv = 1.f / sqrtf(variance[f] + .00001f);
			float vd = variance_delta[f] * 2.f / n, md = mean_delta[f] / n;
			float m = mean[f];
			size_t o = ((size_t)b * filters + f) * spatial;
			for (int i = 0; i < spatial; i++)
				delta[o + i] = delta[o + i] * inv + vd * (x[o + i] - m) + md;
		}
}

/* --- batch-norm and vector helpers -----------------------------------
 * Darknet's take a stride on every vector and index through it, which
 * keeps compilers from vectorising them; these are the same sums for the
 * unit strides our layers use. */

#define DARKNET(fn, type) \
	static type *orig; \
	if (!orig) \
		orig = (type *)dlsym(RTLD_NEXT, #fn)

typedef void fill_fn(int, float, float *, int);
typedef void copy_fn(int, float *, int, float *, int);
typedef void axpy_fn(int, float, float *, int, float *, int);
typedef void scal_fn(int, float, float *, int);
typedef void bias_fn(float *, float *, int, int, int);
typedef void mean_fn(float *, int, int, int, float *);
typedef void bscale_fn(float *, float *, int, int, int, float *);
typedef void md_fn(float *, float *, int, int, int, float *);
typedef void vd_fn(float *, float *, float *, float *, int, int, int, float *);

static int
fast(void)
{
	return mdf_dnet_mode() == MDF_DNET_FAST;
}

void
fill_cpu(int n, float alpha, float *x, int incx)
{
	DARKNET(fill_cpu, fill_fn);
	if (!fast() || incx != 1) {
		orig(n, alpha, x, incx);
		return;
	}
	if (alpha == 0 && n > 0)
		memset(x, 0, sizeof *x * (size_t)n);
	else
		for (int i = 0; i < n; i++)
			x[i] = alpha;
}

void
copy_cpu(int n, float *x, int incx, float *y, int incy)
{
	DARKNET(copy_cpu, copy_fn);
	if (!fast() || incx != 1 || incy != 1) {
		orig(n, x, incx, y, incy);
		return;
	}
	if (n > 0)
		memmove(y, x, sizeof *x * (size_t)n);
}

void
axpy_cpu(int n, float alpha, float *x, int incx, float *y, int incy)
{
	DARKNET(axpy_cpu, axpy_fn);
	if (!fast() || incx != 1 || incy != 1) {
		orig(n, alpha, x, incx, y, incy);
		return;
	}
	for (int i = 0; i < n; i++)
		y[i] += alpha * x[i];
}

void
scal_cpu(int n, float alpha, float *x, int incx)
{
	DARKNET(scal_cpu, scal_fn);
	if (!fast() || incx != 1) {
		orig(n, alpha, x, incx);
		return;
	}
	for (int i = 0; i < n; i++)
		x[i] *= alpha;
}

void
scale_bias(float *output, float *scales, int batch, int n, int size)
{
	DARKNET(scale_bias, bias_fn);
	if (!fast()) {
		orig(output, scales, batch, n, size);
		return;
	}
#pragma omp parallel for collapse(2) if ((size_t)batch * n * size > BIG) schedule(static)
	for (int b = 0; b < batch; b++)
		for (int f = 0; f < n; f++) {
			float s = scales[f], *p = output + ((size_t)b * n + f) * size;
			for (int i = 0; i < size; i++)
				p[i] *= s;
		}
}

void
add_bias(float *output, float *biases, int batch, int n, int size)
{
	DARKNET(add_bias, bias_fn);
	if (!fast()) {
		orig(output, biases, batch, n, size);
		return;
	}
#pragma omp parallel for collapse(2) if ((size_t)batch * n * size > BIG) schedule(static)
	for (int b = 0; b < batch; b++)
		for (int f = 0; f < n; f++) {
			float s = biases[f], *p = output + ((size_t)b * n + f) * size;
			for (int i = 0; i < size; i++)
				p[i] += s;
		}
}

static float
sum(const float *p, int n)
{
	float s = 0;

	for (int i = 0; i < n; i++)
		s += p[i];
	return s;
}

void
backward_bias(float *bias_updates, float *delta, int batch, int n, int size)
{
	DARKNET(backward_bias, bias_fn);
	if (!fast()) {
		orig(bias_updates, delta, batch, n, size);
		return;
	}
	for (int b = 0; b < batch; b++)
		for (int f = 0; f < n; f++)
			bias_updates[f] += sum(delta + ((size_t)b * n + f) * size, size);
}

void
mean_cpu(float *x, int batch, int filters, int spatial, float *mean)
{
	DARKNET(mean_cpu, mean_fn);
	if (!fast()) {
		orig(x, batch, filters, spatial, mean);
		return;
	}
#pragma omp parallel for if ((size_t)batch * filters * spatial > BIG) schedule(static)
	for (int f = 0; f < filters; f++) {
		double s = 0;
		for (int b = 0; b < batch; b++)
			s += sum(x + ((size_t)b * filters + f) * spatial, spatial);
		mean[f] = (float)(s / ((double)batch * spatial));
	}
}

void
backward_scale_cpu(float *x_norm, float *delta, int batch, int n, int size,
    float *scale_updates)
{
	DARKNET(backward_scale_cpu, bscale_fn);
	if (!fast()) {
		orig(x_norm, delta, batch, n, size, scale_updates);
		return;
	}
#pragma omp parallel for if ((size_t)batch * n * size > BIG) schedule(static)
	for (int f = 0; f < n; f++) {
		float s = 0;
		for (int b = 0; b < batch; b++) {
			size_t o = ((size_t)b * n + f) * size;
			for (int i = 0; i < size; i++)
				s += delta[o + i] * x_norm[o + i];
		}
		scale_updates[f] += s;
	}
}

void
mean_delta_cpu(float *delta, float *variance, int batch, int filters,
    int spatial, float *mean_delta)
{
	DARKNET(mean_delta_cpu, md_fn);
	if (!fast()) {
		orig(delta, variance, batch, filters, spatial, mean_delta);
		return;
	}
#pragma omp parallel for if ((size_t)batch * filters * spatial > BIG) schedule(static)
	for (int f = 0; f < filters; f++) {
		float s = 0;
		for (int b = 0; b < batch; b++)
			s += sum(delta + ((size_t)b * filters + f) * spatial, spatial);
		mean_delta[f] = s * (-1.f / sqrtf(variance[f] + .00001f));
	}
}

void
variance_delta_cpu(float *x, float *delta, float *mean, float *variance,
    int batch, int filters, int spatial, float *variance_delta)
{
	DARKNET(variance_delta_cpu, vd_fn);
	if (!fast()) {
		orig(x, delta, mean, variance, batch, filters, spatial, variance_delta);
		return;
	}
#pragma omp parallel for if ((size_t)batch * filters * spatial > BIG) schedule(static)
	for (int f = 0; f < filters; f++) {
		float s = 0, m = mean[f];
		for (int b = 0; b < batch; b++) {
			size_t o = ((size_t)b * filters + f) * spatial;
			for (int i = 0; i < spatial; i++)
				s += delta[o + i] * (x[o + i] - m);
		}
		variance_delta[f] = s * -.5f * powf(variance[f] + .00001f, -1.5f);
	}
}

/* Batch norm in evaluation mode: one pass (Darknet copies the input
 * aside for a backward pass that never comes, then normalises, scales
 * and shifts in three passes). */
typedef void layer_fn(layer, network);

void
forward_batchnorm_layer(layer l, network net)
{
	DARKNET(forward_batchnorm_layer, layer_fn);
	if (fast() && mdf_bn_forward(&l, net.train, LINEAR))
		return;
	if (!fast() || net.train || l.type == BATCHNORM) {
		orig(l, net);
		return;
	}
	int c = l.out_c, hw = l.out_h * l.out_w;
#pragma omp parallel for collapse(2) if ((size_t)l.batch * c * hw > BIG) schedule(static)
	for (int b = 0; b < l.batch; b++)
		for (int f = 0; f < c; f++) {
			/* Darknet's forward divides by sqrt(var) + 1e-6 */
			float k = l.scales[f] / (sqrtf(l.rolling_variance[f]) + .000001f);
			float s = l.biases[f] - l.rolling_mean[f] * k;
			float *p = l.output + ((size_t)b * c + f) * hw;
			for (int i = 0; i < hw; i++)
				p[i] = p[i] * k + s;
		}
}

/* Training backward in two passes (lib/dnn/dnbn.c). */
void
backward_batchnorm_layer(layer l, network net)
{
	DARKNET(backward_batchnorm_layer, layer_fn);
	if (fast() && net.train && mdf_bn_backward(&l, LINEAR))
		return;
	orig(l, net);
}
