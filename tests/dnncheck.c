/*
 * dnncheck: checks of the Darknet glue for tests/dnn*.bats.
 *
 *   dnncheck gendata N SEED [W H [split]]   separable IMAG frames (3 classes)
 *   dnncheck gradcheck [--nofix]   residual net: analytic vs finite differences
 *   dnncheck bncheck [--nofix]     eval-mode accuracy after a short training
 *   dnncheck leakcheck [--nofix]   heap growth over parse/free cycles
 *   dnncheck restorecheck          an evaluation pass leaves training unchanged
 *   dnncheck kernels               fast kernels against Darknet's (forward, gradients)
 *   dnncheck gemm                  Darknet's convolution reaches our gemm
 *   dnncheck conv3                 Winograd 3x3 convolutions against Darknet's
 *   dnncheck typedview < FRAMES    the typed view that mdf_read decoded follows
 *                                  every change of type, keys and length
 *
 * Each check prints what it measured and exits 0 if it passed, 1 if not.
 */
#include "config.h"

#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <darknet.h>

#include "cli.h"
#include "dnn/darknet_int.h"
#include "dnn/dnconv3.h"
#include "dnn/dnet.h"
#include "dnn/dnkern.h"
#include "milldir/types.h"

static char why[1024];

/* --- data ------------------------------------------------------------ */

/* Class 0: horizontal stripes, 1: vertical stripes, 2: a centred blob;
 * random colours, phases and noise. */
static void
gen_image(uint64_t *st, int cls, int w, int h, unsigned char *px)
{
	float col[3], bg[3];
	int period = 4 + (int)(mdf_dnet_rand(st) % 4), phase = (int)(mdf_dnet_rand(st) % 8);

	for (int k = 0; k < 3; k++) {
		col[k] = 120 + (float)(mdf_dnet_rand(st) % 136);
		bg[k] = (float)(mdf_dnet_rand(st) % 100);
	}
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			int on;
			if (cls == 0)
				on = ((y + phase) / (period / 2)) % 2;
			else if (cls == 1)
				on = ((x + phase) / (period / 2)) % 2;
			else {
				float dx = x - w / 2.f, dy = y - h / 2.f;
				on = dx * dx + dy * dy < (w * w) / 10.f;
			}
			for (int k = 0; k < 3; k++) {
				float v = on ? col[k] : bg[k];
				v += (float)((int)(mdf_dnet_rand(st) % 41) - 20);
				px[((size_t)y * w + x) * 3 + k] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
			}
		}
}

static int
gendata(int argc, char **argv)
{
	static const char *const labels[] = { "+X", "+Y", "+Z" };
	long n = argc > 2 ? atol(argv[2]) : 90;
	uint64_t st = (uint64_t)(argc > 3 ? atol(argv[3]) : 1) * 7919 + 1;
	int w = argc > 4 ? atoi(argv[4]) : 32, h = argc > 5 ? atoi(argv[5]) : 32;
	int split = argc > 6 && strcmp(argv[6], "split") == 0;
	struct mdf_writer *wr = mdc_open_out(0);
	struct mdf_frame f;
	struct mdf_image im;

	mdf_frame_init(&f);
	for (long i = 0; i < n; i++) {
		int cls = (int)(i % 3);
		mdf_frame_clear(&f);
		mdf_image_init(&f, (uint32_t)w, (uint32_t)h, 3, &im);
		gen_image(&st, cls, w, h, im.px);
		mdf_set(&f, "label", labels[cls]);
		/* three views of each part, all of one class */
		mdf_setf(&f, "part", "p%03ld", i / 9 * 3 + i % 3);
		mdf_setf(&f, "view.index", "%ld", i / 3 % 3);
		if (split)   /* one part in four of each class for validation */
			mdf_set(&f, "split", (i / 9) % 4 == 0 ? "val" : "train");
		mdc_write(wr, &f);
	}
	mdf_frame_free(&f);
	mdc_close_out(wr);
	return 0;
}

/* --- networks -------------------------------------------------------- */

static struct mdf_dnet *
open_text(const char *text)
{
	char path[] = "/tmp/dnncheck-XXXXXX";
	struct mdf_dnet_cfg cfg;
	struct mdf_dnet *d;
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (mdf_dnet_cfg_check("check.cfg", text, &cfg, why, sizeof why) < 0)
		mdc_die(70, "%s", why);
	if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0)
		mdc_die(74, "%s: cannot write", path);
	int rc = mdf_dnet_open(path, 0, 7, &d, why, sizeof why);
	unlink(path);
	if (rc < 0)
		mdc_die(70, "%s", why);
	return d;
}

/* 8x8x3 input; a residual block whose input is also the input of a 1x1
 * convolution: the shape where Darknet loses the shortcut's gradient. */
static const char resnet_cfg[] =
    "[net]\nbatch=2\nwidth=8\nheight=8\nchannels=3\n"
    "[convolutional]\nfilters=4\nsize=3\nstride=1\npad=1\nactivation=linear\n"
    "[convolutional]\nfilters=8\nsize=1\nstride=1\nactivation=linear\n"
    "[convolutional]\nfilters=8\ngroups=8\nsize=3\nstride=1\npad=1\nactivation=linear\n"
    "[convolutional]\nfilters=4\nsize=1\nstride=1\nactivation=linear\n"
    "[shortcut]\nfrom=-4\nactivation=linear\n"
    "[avgpool]\n[connected]\noutput=3\nactivation=linear\n[softmax]\n";

static double
net_loss(network *net, const float *x, const float *truth)
{
	memcpy(net->input, x, sizeof(float) * net->inputs * net->batch);
	memcpy(net->truth, truth, sizeof(float) * net->truths * net->batch);
	net->train = 1;
	forward_network(net);
	return *net->cost;
}

/* The loss's central difference in weight *W (step 0.01), *W restored. */
static double
central_diff(network *net, const float *x, const float *truth, float *w)
{
	float w0 = *w, h = 1e-2f;

	*w = w0 + h;
	double lp = net_loss(net, x, truth);
	*w = w0 - h;
	double lm = net_loss(net, x, truth);
	*w = w0;
	return (lp - lm) / (2 * h);
}

static int
gradcheck(int argc, char **argv)
{
	int nofix = argc > 2 && strcmp(argv[2], "--nofix") == 0;
	struct mdf_dnet *d = open_text(resnet_cfg);
	network *net = mdf_dnet_network(d);
	size_t nin = (size_t)net->inputs * net->batch;
	float *x = malloc(nin * sizeof *x), truth[6] = { 1, 0, 0, 0, 0, 1 };
	uint64_t st = 5;
	double worst = 0;

	if (nofix)
		mdf_dnet_install_convfix(net, 0);
	for (size_t i = 0; i < nin; i++)
		x[i] = (float)(mdf_dnet_rand(&st) % 1000) / 1000.f;
	/* analytic: Darknet accumulates -dLoss/dw into weight_updates */
	layer *l0 = &net->layers[0];
	memset(l0->weight_updates, 0, sizeof(float) * l0->nweights);
	net_loss(net, x, truth);
	backward_network(net);
	double num = 0, den = 0;
	for (int i = 0; i < l0->nweights; i++) {
		double fd = central_diff(net, x, truth, &l0->weights[i]);
		double an = -l0->weight_updates[i];
		num += (fd - an) * (fd - an);
		den += fd * fd;
		if (fabs(fd - an) > worst)
			worst = fabs(fd - an);
	}
	double rel = sqrt(num / (den > 0 ? den : 1));
	printf("gradcheck: first layer weight gradient, relative error %.4f (worst %.4g)%s\n",
	    rel, worst, nofix ? " without the fix" : "");
	free(x);
	mdf_dnet_free(d);
	return rel < 0.01 ? 0 : 1;
}

/* Evaluation-mode accuracy on the training data after a few steps, with
 * batch-norm statistics recomputed or Darknet's rolling ones. */
static const char bn_cfg[] =
    "[net]\nbatch=16\nwidth=16\nheight=16\nchannels=3\nlearning_rate=0.05\nmomentum=0.9\ndecay=0.0005\n"
    "[convolutional]\nbatch_normalize=1\nfilters=8\nsize=3\nstride=1\npad=1\nactivation=leaky\n"
    "[maxpool]\nsize=2\nstride=2\n"
    "[convolutional]\nbatch_normalize=1\nfilters=16\nsize=3\nstride=1\npad=1\nactivation=leaky\n"
    "[avgpool]\n[connected]\noutput=3\nactivation=linear\n[softmax]\n";

static int
bncheck(int argc, char **argv)
{
	int nofix = argc > 2 && strcmp(argv[2], "--nofix") == 0;
	struct mdf_dnet *d = open_text(bn_cfg);
	struct mdf_dset ds;
	int batch = mdf_dnet_batch(d), n = 96;
	size_t nin = (size_t)mdf_dnet_inputs(d);
	float *x = malloc((size_t)batch * nin * sizeof *x);
	unsigned char *px = malloc(16 * 16 * 3);
	int y[64];
	uint64_t st = 3;
	double loss;
	struct mdf_dnet_scores s;

	mdf_dset_init(&ds, 16, 16, 3);
	mdf_dset_set_classes(&ds, "a,b,c", why, sizeof why);
	for (int i = 0; i < n; i++) {
		struct mdf_frame f;
		struct mdf_image im;
		mdf_frame_init(&f);
		mdf_image_init(&f, 16, 16, 3, &im);
		gen_image(&st, i % 3, 16, 16, im.px);
		mdf_set(&f, "label", i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c");
		mdf_set(&f, "split", "train");
		struct mdf_typed v;
		if (mdf_typed_view(&f, &v) < 0 || v.kind != MDF_KIND_IMAG)
			abort();
		mdf_dset_add(&ds, &f, &v, 1, why, sizeof why);
		mdf_frame_free(&f);
	}
	for (int step = 0; step < 30; step++) {
		float l;
		for (int j = 0; j < batch; j++) {
			size_t it = (size_t)((step * batch + j) % n);
			mdf_dset_get(&ds, it, x + (size_t)j * nin);
			y[j] = ds.it[it].label;
		}
		mdf_dnet_train_step(d, x, y, &l);
	}
	if (!nofix)
		mdf_dnet_bn_recompute(d, &ds);
	mdf_dnet_evaluate(d, &ds, 0, &loss, &s);
	printf("bncheck: evaluation-mode accuracy on the training data %.3f%s\n",
	    s.accuracy, nofix ? " with Darknet's rolling statistics" : "");
	free(x);
	free(px);
	mdf_dset_free(&ds);
	mdf_dnet_free(d);
	return s.accuracy > 0.8 ? 0 : 1;
}

#ifdef __SANITIZE_ADDRESS__
/* from the ASan runtime (sanitizer/allocator_interface.h, not always
 * installed) */
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

/* Bytes allocated: from ASan's allocator when it replaces glibc's. */
static size_t
heap_used(void)
{
#ifdef __SANITIZE_ADDRESS__
	return __sanitizer_get_current_allocated_bytes();
#else
	struct mallinfo2 mi = mallinfo2();
	return mi.uordblks + mi.hblkhd;
#endif
}

static int
leakcheck(int argc, char **argv)
{
	int nofix = argc > 2 && strcmp(argv[2], "--nofix") == 0;
	struct mdf_dnet *d = open_text(bn_cfg);
	mdf_dnet_free(d);   /* first cycle: stdio buffers and the like */
	void *kept[5][5];
	size_t before = heap_used();
	for (int i = 0; i < 5; i++) {
		d = open_text(bn_cfg);
		if (nofix) {
			network *net = mdf_dnet_detach(d);
			/* what free_network forgets, freed after measuring */
			kept[i][0] = net->workspace;
			kept[i][1] = net->seen;
			kept[i][2] = net->t;
			kept[i][3] = net->cost;
			kept[i][4] = net->layers[net->n - 1].loss;
			free_network(net);    /* what Darknet alone frees */
		} else {
			mdf_dnet_free(d);
		}
	}
	size_t after = heap_used();
	if (nofix)
		for (int i = 0; i < 5; i++)
			for (int k = 0; k < 5; k++)
				free(kept[i][k]);
	long grown = (long)after - (long)before;
	printf("leakcheck: heap grew %ld bytes over 5 parse/free cycles%s\n", grown,
	    nofix ? " with free_network alone" : "");
	/* glibc keeps some freed memory in its counts; the leaks fixed are
	 * 80 KiB per cycle of this small network */
	return grown < 32768 ? 0 : 1;
}

static int
restorecheck(void)
{
	float losses[2][6];

	for (int pass = 0; pass < 2; pass++) {
		struct mdf_dnet *d = open_text(bn_cfg);
		network *net = mdf_dnet_network(d);
		int batch = mdf_dnet_batch(d);
		size_t nin = (size_t)mdf_dnet_inputs(d);
		float *x = malloc((size_t)batch * nin * sizeof *x), *p = malloc((size_t)batch * 3 * sizeof *p);
		int y[16];
		uint64_t st = 11;
		float *in0 = net->input, *tr0 = net->truth, *de0 = net->delta;
		for (int step = 0; step < 6; step++) {
			for (size_t i = 0; i < (size_t)batch * nin; i++)
				x[i] = (float)(mdf_dnet_rand(&st) % 1000) / 1000.f;
			for (int j = 0; j < batch; j++)
				y[j] = j % 3;
			mdf_dnet_train_step(d, x, y, &losses[pass][step]);
			if (pass == 1)   /* an evaluation pass between steps */
				mdf_dnet_predict(d, x, 5, p);
		}
		if (net->input != in0 || net->truth != tr0 || net->delta != de0) {
			printf("restorecheck: network fields not restored\n");
			return 1;
		}
		free(x);
		free(p);
		mdf_dnet_free(d);
	}
	for (int s = 0; s < 6; s++)
		if (losses[0][s] != losses[1][s]) {
			printf("restorecheck: step %d loss %g, with evaluation passes %g\n", s + 1,
			    (double)losses[0][s], (double)losses[1][s]);
			return 1;
		}
	printf("restorecheck: 6 training losses identical with evaluation passes between\n");
	return 0;
}

/* --- kernels --------------------------------------------------------- */

static double
maxrel(const float *a, const float *b, size_t n)
{
	double m = 0, scale = 1e-6;

	for (size_t i = 0; i < n; i++)
		if (fabs(b[i]) > scale)
			scale = fabs(b[i]);
	for (size_t i = 0; i < n; i++)
		if (fabs(a[i] - b[i]) / scale > m)
			m = fabs(a[i] - b[i]) / scale;
	return m;
}

/* A depthwise network with BN and activations, run forward and backward
 * in MODE; OUT gets output, input gradient and the convolutions' weight
 * gradients.  Depthwise layers of both strides, odd sizes, padded and
 * not; a 1x1 convolution whose input also feeds a [shortcut]; 1x1
 * expansions before depthwise ones, with and without a 1x1 projection
 * after them, and a depthwise and projection pair (MBConv blocks, fused
 * in evaluation mode). */
static const char kern_cfg[] =
    "[net]\nbatch=2\nwidth=29\nheight=23\nchannels=3\n"
    "learning_rate=0.5\nmomentum=0.9\ndecay=0.01\n"
    "[convolutional]\nbatch_normalize=1\nfilters=6\nsize=3\nstride=1\npad=1\nactivation=leaky\n"
    "[convolutional]\nbatch_normalize=1\nfilters=12\nsize=1\nstride=1\nactivation=relu\n"
    "[convolutional]\nbatch_normalize=1\nfilters=12\ngroups=12\nsize=5\nstride=1\npad=1\nactivation=relu\n"
    "[convolutional]\nbatch_normalize=1\nfilters=6\nsize=1\nstride=1\nactivation=linear\n"
    "[shortcut]\nfrom=-4\nactivation=linear\n"
    "[convolutional]\nbatch_normalize=1\nfilters=6\ngroups=6\nsize=3\nstride=1\npad=1\nactivation=relu\n"
    "[convolutional]\nbatch_normalize=1\nfilters=6\nsize=1\nstride=1\nactivation=leaky\n"
    "[shortcut]\nfrom=-3\nactivation=linear\n"
    "[convolutional]\nbatch_normalize=1\nfilters=6\ngroups=6\nsize=5\nstride=2\npad=1\nactivation=relu\n"
    "[convolutional]\nbatch_normalize=1\nfilters=6\ngroups=6\nsize=3\nstride=1\npad=0\nactivation=relu\n"
    "[convolutional]\nbatch_normalize=1\nfilters=6\ngroups=6\nsize=3\nstride=2\npad=1\nactivation=relu\n"
    "[convolutional]\nfilters=6\ngroups=6\nsize=5\nstride=1\npad=1\nactivation=linear\n"
    "[convolutional]\nbatch_normalize=1\nfilters=6\nsize=1\nstride=1\nactivation=linear\n"
    "[shortcut]\nfrom=-2\nactivation=linear\n"
    "[convolutional]\nbatch_normalize=1\nfilters=12\nsize=1\nstride=1\nactivation=relu\n"
    "[convolutional]\nbatch_normalize=1\nfilters=12\ngroups=12\nsize=3\nstride=1\npad=1\nactivation=relu\n"
    "[convolutional]\nfilters=4\nsize=3\nstride=2\npad=1\nactivation=leaky\n"
    "[maxpool]\nsize=2\nstride=2\n"
    "[avgpool]\n[connected]\noutput=3\nactivation=linear\n[softmax]\n";

#define KERN_MAX 14

struct run {
	float *out, *dw[KERN_MAX], *w[KERN_MAX], *dx, *prob, *evout;
	int nout, ndw[KERN_MAX], ndx, nconv;
};

static void
kern_run(enum mdf_dnet_mode mode, struct run *r)
{
	mdf_dnet_set_mode(mode);
	struct mdf_dnet *d = open_text(kern_cfg);
	network *net = mdf_dnet_network(d);
	size_t nin = (size_t)net->inputs * net->batch;
	float truth[6] = { 0, 1, 0, 0, 0, 1 };
	float *x = malloc(nin * sizeof *x), *dx = calloc(nin, sizeof *dx);
	uint64_t st = 9;

	/* both runs use the same cfg and seed: same initial weights */
	for (size_t i = 0; i < nin; i++)
		x[i] = (float)(mdf_dnet_rand(&st) % 1000) / 1000.f;
	net->delta = dx;     /* ask for the input gradient */
	net_loss(net, x, truth);
	backward_network(net);
	net->delta = NULL;
	int last = 0;
	while (net->layers[last].type != MAXPOOL)
		last++;
	r->nout = net->layers[last].outputs * net->layers[last].batch;
	r->out = malloc(sizeof(float) * r->nout);
	memcpy(r->out, net->layers[last].output, sizeof(float) * r->nout);
	r->nconv = 0;
	for (int i = 0; i < last && r->nconv < KERN_MAX; i++) {
		layer *l = &net->layers[i];
		if (l->type != CONVOLUTIONAL)
			continue;
		r->ndw[r->nconv] = l->nweights;
		r->dw[r->nconv] = malloc(sizeof(float) * l->nweights);
		memcpy(r->dw[r->nconv++], l->weight_updates, sizeof(float) * l->nweights);
	}
	r->dx = dx;
	r->ndx = (int)nin;
	/* one SGD step: the weights after it */
	update_network(net);
	for (int i = 0, k = 0; i < last && k < r->nconv; i++)
		if (net->layers[i].type == CONVOLUTIONAL) {
			r->w[k] = malloc(sizeof(float) * r->ndw[k]);
			memcpy(r->w[k++], net->layers[i].weights, sizeof(float) * net->layers[i].nweights);
		}
	/* evaluation mode, with population statistics from this batch */
	mdf_dnet_bn_begin(d);
	mdf_dnet_bn_feed(d, x);
	mdf_dnet_bn_end(d);
	r->prob = malloc(sizeof(float) * 6);
	mdf_dnet_predict(d, x, 2, r->prob);
	r->evout = malloc(sizeof(float) * r->nout);
	memcpy(r->evout, net->layers[last].output, sizeof(float) * r->nout);
	free(x);
	mdf_dnet_free(d);
}

static void
kern_free(struct run *r)
{
	free(r->out);
	free(r->dx);
	free(r->prob);
	free(r->evout);
	for (int i = 0; i < r->nconv; i++) {
		free(r->dw[i]);
		free(r->w[i]);
	}
}

/* B (ours) against A (Darknet's); nonzero if they differ. */
static int
kern_compare(const struct run *a, const struct run *b, const char *what)
{
	int bad = 0;
	double e = maxrel(b->out, a->out, (size_t)a->nout);

	printf("kernels%s: forward output max relative difference %.2e\n", what, e);
	bad |= e > 1e-4;
	for (int i = 0; i < a->nconv; i++) {
		e = maxrel(b->dw[i], a->dw[i], (size_t)a->ndw[i]);
		printf("kernels%s: convolution %d weight gradient max relative difference %.2e\n", what, i, e);
		bad |= e > 1e-3;
		e = maxrel(b->w[i], a->w[i], (size_t)a->ndw[i]);
		printf("kernels%s: convolution %d weights after an SGD step max relative difference %.2e\n", what, i, e);
		bad |= e > 1e-5;
	}
	e = maxrel(b->dx, a->dx, (size_t)a->ndx);
	printf("kernels%s: input gradient max relative difference %.2e\n", what, e);
	bad |= e > 1e-3;
	e = maxrel(b->evout, a->evout, (size_t)a->nout);
	printf("kernels%s: evaluation-mode output max relative difference %.2e\n", what, e);
	bad |= e > 1e-4;
	e = maxrel(b->prob, a->prob, 6);
	printf("kernels%s: evaluation-mode probabilities max relative difference %.2e\n", what, e);
	bad |= e > 1e-4;
	return bad;
}

static int
kernels(void)
{
	struct run a, b;
	int bad;

	kern_run(MDF_DNET_GEMM, &a);    /* Darknet's layers, fixed, on OpenBLAS */
	kern_run(MDF_DNET_FAST, &b);    /* our kernels */
	bad = kern_compare(&a, &b, "");
	kern_free(&b);
	/* the paths of large maps: 1x1 convolutions image by image, blocks
	 * normalised in cache in evaluation mode */
	mdf_conv1_set_small(0);
	kern_run(MDF_DNET_FAST, &b);
	mdf_conv1_set_small(-1);
	bad |= kern_compare(&a, &b, " (large-map paths)");
	kern_free(&a);
	kern_free(&b);
	return bad;
}

static int
gemmcheck(void)
{
	if (mdf_dnet_check_overrides(why, sizeof why) < 0) {
		printf("gemm: %s\n", why);
		return 1;
	}
	unsigned long before = mdf_dnet_gemm_calls();
	struct mdf_dnet *d = open_text(kern_cfg);
	float x[2 * 29 * 23 * 3] = { 0 }, p[6];
	mdf_dnet_predict(d, x, 2, p);
	mdf_dnet_free(d);
	unsigned long calls = mdf_dnet_gemm_calls() - before;
	printf("gemm: a forward pass made %lu calls to milldir's gemm\n", calls);
	return calls > 0 ? 0 : 1;
}

/* conv3: the Winograd 3x3 convolutions and the 2x2 max pooling
 * (lib/dnn/dnconv3.c) against Darknet's: every layer's output, every weight
 * and bias gradient, the input gradient and the weights after an SGD
 * step.  Odd and even sizes, padded
 * and not, with and without batch norm; the first layer (3 channels) and
 * the stride-2 one stay on im2col. */
static const char conv3_cfg[] =
    "[net]\nbatch=3\nwidth=22\nheight=18\nchannels=3\n"
    "learning_rate=0.5\nmomentum=0.9\ndecay=0.01\n"
    "[convolutional]\nfilters=16\nsize=3\nstride=1\npad=1\nactivation=leaky\n"
    "[convolutional]\nfilters=24\nsize=3\nstride=1\npad=1\nactivation=relu\n"
    "[convolutional]\nfilters=16\nsize=3\nstride=1\nactivation=leaky\n"
    "[maxpool]\nsize=2\nstride=2\n"
    "[convolutional]\nbatch_normalize=1\nfilters=32\nsize=3\nstride=1\npad=1\nactivation=linear\n"
    "[convolutional]\nfilters=16\nsize=3\nstride=2\npad=1\nactivation=leaky\n"
    "[convolutional]\nbatch_normalize=1\nfilters=16\nsize=3\nstride=1\npad=1\nactivation=relu\n"
    "[convolutional]\nfilters=20\nsize=3\nstride=1\nactivation=leaky\n"
    "[connected]\noutput=64\nactivation=relu\n"
    "[connected]\noutput=3\nactivation=linear\n[softmax]\n";

struct snap {
	float *v[64];
	size_t n[64];
	char what[64][48];
	int k, winograd, pool2;
};

static void
snap_add(struct snap *s, const float *p, size_t n, const char *what, int layer)
{
	s->v[s->k] = malloc(sizeof(float) * n);
	memcpy(s->v[s->k], p, sizeof(float) * n);
	s->n[s->k] = n;
	snprintf(s->what[s->k], sizeof s->what[0], "layer %d %s", layer, what);
	s->k++;
}

static void
conv3_run(enum mdf_dnet_mode mode, struct snap *s)
{
	mdf_dnet_set_mode(mode);
	struct mdf_dnet *d = open_text(conv3_cfg);
	network *net = mdf_dnet_network(d);
	size_t nin = (size_t)net->inputs * net->batch;
	float truth[9] = { 0, 1, 0, 0, 0, 1, 1, 0, 0 }, prob[9];
	float *x = malloc(nin * sizeof *x), *dx = calloc(nin, sizeof *dx);
	uint64_t st = 13;

	s->k = s->winograd = 0;
	for (int i = 0; i < net->n; i++)
		s->winograd += mdf_conv3_supported(&net->layers[i]);
	s->pool2 = mdf_maxpool2_supported(&net->layers[3]);
	for (size_t i = 0; i < nin; i++)
		x[i] = (float)(mdf_dnet_rand(&st) % 1000) / 1000.f - .3f;
	net->delta = dx;
	net_loss(net, x, truth);
	backward_network(net);
	net->delta = NULL;
	for (int i = 0; i < net->n; i++) {
		layer *l = &net->layers[i];
		snap_add(s, l->output, (size_t)l->outputs * l->batch, "output", i);
		if (l->type == CONVOLUTIONAL) {
			snap_add(s, l->weight_updates, (size_t)l->nweights, "weight gradient", i);
			snap_add(s, l->bias_updates, (size_t)l->n, "bias gradient", i);
		} else if (l->type == CONNECTED) {
			snap_add(s, l->weight_updates, (size_t)l->inputs * l->outputs,
			    "weight gradient", i);
			snap_add(s, l->bias_updates, (size_t)l->outputs, "bias gradient", i);
		}
	}
	snap_add(s, dx, nin, "input gradient", 0);
	/* one SGD step */
	update_network(net);
	for (int i = 0; i < net->n; i++) {
		layer *l = &net->layers[i];
		if (l->type == CONVOLUTIONAL || l->type == CONNECTED)
			snap_add(s, l->weights, l->type == CONNECTED ? (size_t)l->inputs *
			    l->outputs : (size_t)l->nweights, "weights after a step", i);
	}
	mdf_dnet_predict(d, x, 3, prob);
	snap_add(s, prob, 9, "probabilities", net->n);
	free(x);
	free(dx);
	mdf_dnet_free(d);
}

static int
conv3check(void)
{
	struct snap a, b;
	int bad = 0;

	conv3_run(MDF_DNET_GEMM, &a);      /* Darknet's convolutions */
	for (int pass = 0; pass < 4; pass++) {
		/* 4x4 tiles where the maps are large enough, then 2x2 tiles
		 * everywhere; the last two passes split the batch (images 1-2,
		 * then 3) in the first Winograd layer */
		int m = pass % 2 ? 2 : 0;
		mdf_conv3_set_tile_size(m);
		mdf_conv3_set_tile_limit(pass < 2 ? 0 : m ? 2 * 16 * 32 * 99 : 2 * 36 * 32 * 30);
		conv3_run(MDF_DNET_FAST, &b);
		double fw = 0, gr = 0;
		for (int i = 0; i < a.k; i++) {
			double e = maxrel(b.v[i], a.v[i], a.n[i]);
			int grad = strstr(a.what[i], "gradient") != NULL;
			/* rounding differs; relative to each array's largest value */
			if (e > (grad ? 1e-3 : 1e-4)) {
				printf("conv3: %s: max relative difference %.2e\n", a.what[i], e);
				bad = 1;
			}
			if (grad && e > gr)
				gr = e;
			if (!grad && e > fw)
				fw = e;
			free(b.v[i]);
		}
		printf("conv3: %d Winograd layers, %s tiles%s: outputs max relative "
		    "difference %.2e, gradients %.2e\n", b.winograd, m ? "2x2" : "4x4",
		    pass > 1 ? ", batch split" : "", fw, gr);
		if (!b.pool2)
			printf("conv3: layer 3 is not a 2x2 max pooling of ours\n");
		bad |= b.winograd != 5 || !b.pool2;
	}
	mdf_conv3_set_tile_limit(0);
	mdf_conv3_set_tile_size(0);
	for (int i = 0; i < a.k; i++)
		free(a.v[i]);
	return bad;
}

/* --- speed (for tests/bench/dnn.sh) ---------------------------------- */

/* Seconds on clock ID: CLOCK_MONOTONIC for wall time, and
 * CLOCK_PROCESS_CPUTIME_ID for the CPU time of all the threads. */
static double
seconds(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* bench CFG MODE BATCH STEPS: seconds per image of training steps and of
 * forward passes, after one warm-up of each; then the same in CPU
 * seconds. */
static int
bench(int argc, char **argv)
{
	if (argc < 6)
		mdc_usage("bench CFG MODE BATCH STEPS");
	int mode = mdf_dnet_mode_parse(argv[3]), batch = atoi(argv[4]), steps = atoi(argv[5]);
	char *text, *patched;
	struct mdf_dnet_cfg cfg;
	struct mdf_dnet_hyper hp = { batch, 0.001, 0.9, 0.0005, NULL, 1000 };

	if (mode < 0)
		mdc_usage("%s: not a mode", argv[3]);
	mdf_dnet_set_mode((enum mdf_dnet_mode)mode);
	mdf_dnet_restart(argv);
	if (mdf_dnet_cfg_read(argv[2], &text, why, sizeof why) < 0 ||
	    mdf_dnet_cfg_check(argv[2], text, &cfg, why, sizeof why) < 0 ||
	    mdf_dnet_cfg_patch(text, 6, &hp, &patched, why, sizeof why) < 0)
		mdc_die(65, "%s", why);
	struct mdf_dnet *d = open_text(patched);
	size_t nin = (size_t)mdf_dnet_inputs(d) * batch;
	float *x = malloc(nin * sizeof *x), *p = malloc((size_t)batch * 6 * sizeof *p), loss;
	int *y = malloc((size_t)batch * sizeof *y);
	uint64_t st = 1;
	for (size_t i = 0; i < nin; i++)
		x[i] = (float)(mdf_dnet_rand(&st) % 1000) / 1000.f;
	for (int j = 0; j < batch; j++)
		y[j] = j % 6;
	mdf_dnet_train_step(d, x, y, &loss);
	double t0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	for (int s = 0; s < steps; s++)
		mdf_dnet_train_step(d, x, y, &loss);
	double train = (seconds(CLOCK_MONOTONIC) - t0) / steps / batch;
	double train_cpu = (seconds(CLOCK_PROCESS_CPUTIME_ID) - c0) / steps / batch;
	mdf_dnet_predict(d, x, batch, p);
	t0 = seconds(CLOCK_MONOTONIC);
	c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	for (int s = 0; s < steps; s++)
		mdf_dnet_predict(d, x, batch, p);
	double fwd = (seconds(CLOCK_MONOTONIC) - t0) / steps / batch;
	double fwd_cpu = (seconds(CLOCK_PROCESS_CPUTIME_ID) - c0) / steps / batch;
	/* then the CPU seconds of all threads: less sensitive to a loaded
	 * machine than the elapsed time */
	printf("%.4f %.4f %.4f %.4f\n", train, fwd, train_cpu, fwd_cpu);
	free(x);
	free(p);
	free(y);
	free(text);
	free(patched);
	mdf_dnet_free(d);
	return 0;
}

/* layers CFG MODE BATCH: forward time of every layer (eval mode). */
static void (*orig_fwd[512])(layer, network);
static double layer_time[512];
static network *timed_net;

static void
timed_forward(layer l, network net)
{
	int i = 0;
	while (i < timed_net->n && (timed_net->layers[i].output != l.output ||
	    timed_net->layers[i].type != l.type))
		i++;
	double t0 = seconds(CLOCK_MONOTONIC);
	orig_fwd[i](l, net);
	layer_time[i] += seconds(CLOCK_MONOTONIC) - t0;
}

static int
layers(int argc, char **argv)
{
	if (argc < 5)
		mdc_usage("layers CFG MODE BATCH");
	int mode = mdf_dnet_mode_parse(argv[3]), batch = atoi(argv[4]);
	char *text, *patched;
	struct mdf_dnet_cfg cfg;
	struct mdf_dnet_hyper hp = { batch, 0.001, 0.9, 0.0005, NULL, 1000 };

	mdf_dnet_set_mode((enum mdf_dnet_mode)mode);
	mdf_dnet_restart(argv);
	if (mdf_dnet_cfg_read(argv[2], &text, why, sizeof why) < 0 ||
	    mdf_dnet_cfg_check(argv[2], text, &cfg, why, sizeof why) < 0 ||
	    mdf_dnet_cfg_patch(text, 6, &hp, &patched, why, sizeof why) < 0)
		mdc_die(65, "%s", why);
	struct mdf_dnet *d = open_text(patched);
	network *net = mdf_dnet_network(d);
	timed_net = net;
	for (int i = 0; i < net->n && i < 512; i++) {
		orig_fwd[i] = net->layers[i].forward;
		net->layers[i].forward = timed_forward;
	}
	size_t nin = (size_t)mdf_dnet_inputs(d) * batch;
	float *x = calloc(nin, sizeof *x), *p = malloc((size_t)batch * 6 * sizeof *p);
	mdf_dnet_predict(d, x, batch, p);
	memset(layer_time, 0, sizeof layer_time);
	mdf_dnet_predict(d, x, batch, p);
	for (int i = 0; i < net->n; i++) {
		layer *l = &net->layers[i];
		double fl = l->type == CONVOLUTIONAL ? 2.0 * l->n * l->size * l->size * l->c / l->groups * l->out_h * l->out_w * batch : 0;
		printf("%3d type %2d %4dx%4dx%4d -> %4dx%4dx%4d k%d g%d  %8.2f ms  %6.1f GFLOPS\n", i, l->type, l->w, l->h, l->c,
		    l->out_w, l->out_h, l->out_c, l->size, l->groups, layer_time[i] * 1e3, fl / layer_time[i] / 1e9);
	}
	free(x);
	free(p);
	mdf_dnet_free(d);
	return 0;
}

/* sgemm N: OpenBLAS GFLOPS of an N x N x N multiply. */
static int
sgemm_rate(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[2]) : 2048;
	float *a = calloc((size_t)n * n, sizeof *a), *b = calloc((size_t)n * n, sizeof *b);
	float *c = calloc((size_t)n * n, sizeof *c);
	double best = 1e9;

	for (size_t i = 0; i < (size_t)n * n; i++)
		a[i] = b[i] = (float)(i % 7) * 0.1f;
	mdf_dnet_restart(argv);
	mdf_dnet_set_mode(MDF_DNET_GEMM);
	for (int r = 0; r < 4; r++) {
		double t0 = seconds(CLOCK_MONOTONIC);
		gemm(0, 0, n, n, n, 1, a, n, b, n, 0, c, n);
		double t = seconds(CLOCK_MONOTONIC) - t0;
		if (t < best)
			best = t;
	}
	printf("%.1f\n", 2.0 * n * n * (double)n / best / 1e9);
	free(a);
	free(b);
	free(c);
	return 0;
}

/* --- milldir's own layers (lib/dnn/dnown.c) ---------------------------- */

/* An MBConv block's squeeze-and-excitation: 6x6x3 input, batch 2.  Layer
 * 0 has no batch norm and a linear activation, so its gradient after the
 * backward pass is the one [swish] gave it; likewise layer 3. */
static const char se_cfg[] =
    "[net]\nbatch=2\nwidth=6\nheight=6\nchannels=3\nlearning_rate=0.1\nmomentum=0\ndecay=0\n"
    "[convolutional]\nfilters=8\nsize=3\nstride=1\npad=1\nactivation=linear\n"   /* 0 */
    "[swish]\n"                                                                   /* 1 */
    "[avgpool]\n"                                                                 /* 2 */
    "[convolutional]\nfilters=2\nsize=1\nstride=1\nactivation=linear\n"        /* 3 */
    "[swish]\n"                                                                   /* 4 */
    "[convolutional]\nfilters=8\nsize=1\nstride=1\nactivation=logistic\n"      /* 5 */
    "[scale_channels]\nfrom=-5\n"                                                 /* 6 */
    "[convolutional]\nbatch_normalize=1\nfilters=4\nsize=1\nstride=1\nactivation=linear\n"
    "[avgpool]\n[connected]\noutput=3\nactivation=linear\n[softmax]\n";

static double
sig(double x)
{
	return 1 / (1 + exp(-x));
}

/* Largest |A - B| relative to the largest |B| of N values. */
static double
rel_diff(const float *a, const double *b, size_t n)
{
	double m = 1e-12, e = 0;

	for (size_t i = 0; i < n; i++) {
		m = fmax(m, fabs(b[i]));
		e = fmax(e, fabs(a[i] - b[i]));
	}
	return e / m;
}

/* The layers' outputs and input gradients against the same formulas
 * written out here in double; returns the worst relative error. */
static double
se_independent(network *net)
{
	layer *l0 = &net->layers[0], *l1 = &net->layers[1], *l2 = &net->layers[2];
	layer *l3 = &net->layers[3], *l4 = &net->layers[4], *l5 = &net->layers[5];
	layer *l6 = &net->layers[6];
	int b = net->batch, c = l1->out_c, hw = l1->out_w * l1->out_h;
	size_t n1 = (size_t)b * l1->outputs, n4 = (size_t)b * l4->outputs;
	double *e = calloc(n1, sizeof *e), worst = 0;   /* zeroed: no uninitialised read the compiler can imagine */

	/* [swish] forward: y = x s(x) */
	for (size_t i = 0; i < n1; i++)
		e[i] = l0->output[i] * sig(l0->output[i]);
	worst = fmax(worst, rel_diff(l1->output, e, n1));
	for (size_t i = 0; i < n4; i++)
		e[i] = l3->output[i] * sig(l3->output[i]);
	worst = fmax(worst, rel_diff(l4->output, e, n4));
	/* [scale_channels] forward: y[c] = x[c] g[c] */
	for (size_t i = 0; i < n1; i++)
		e[i] = (double)l1->output[i] * l5->output[i / (size_t)hw];
	worst = fmax(worst, rel_diff(l6->output, e, n1));
	/* [swish] backward: dx = dy (s + x s (1 - s)) */
	for (size_t i = 0; i < n1; i++) {
		double x = l0->output[i], s = sig(x);
		e[i] = l1->delta[i] * (s + x * s * (1 - s));
	}
	worst = fmax(worst, rel_diff(l0->delta, e, n1));
	for (size_t i = 0; i < n4; i++) {
		double x = l3->output[i], s = sig(x);
		e[i] = l4->delta[i] * (s + x * s * (1 - s));
	}
	worst = fmax(worst, rel_diff(l3->delta, e, n4));
	/* [scale_channels] backward into x (plus the pooling's share) */
	for (size_t i = 0; i < n1; i++)
		e[i] = (double)l6->delta[i] * l5->output[i / (size_t)hw] +
		    (double)l2->delta[i / (size_t)hw] / hw;
	worst = fmax(worst, rel_diff(l1->delta, e, n1));
	/* and into g, through the sigmoid: dz = g (1 - g) sum(dy x) */
	for (int p = 0; p < b * c; p++) {
		double s = 0, g = l5->output[p];
		for (int i = 0; i < hw; i++)
			s += (double)l6->delta[(size_t)p * hw + i] * l1->output[(size_t)p * hw + i];
		e[p] = g * (1 - g) * s;
	}
	worst = fmax(worst, rel_diff(l5->delta, e, (size_t)b * c));
	free(e);
	return worst;
}

/* secheck: [swish] and [scale_channels] against the formulas written out
 * independently (outputs, input gradients), the weight gradients of the
 * convolutions around them against central differences of the loss, and
 * the weights after one SGD step against w - lr/batch * those. */
static int
secheck(void)
{
	struct mdf_dnet *d = open_text(se_cfg);
	network *net = mdf_dnet_network(d);
	size_t nin = (size_t)net->inputs * net->batch;
	float *x = malloc(nin * sizeof *x), truth[6] = { 1, 0, 0, 0, 0, 1 };
	uint64_t st = 11;
	static const int checked[] = { 0, 3, 5 };
	double worst_fd = 0, worst_sgd = 0, *fd[3];
	int bad = 0;

	for (size_t i = 0; i < nin; i++)
		x[i] = (float)(mdf_dnet_rand(&st) % 2000) / 1000.f - 1.f;
	for (int k = 0; k < net->n; k++)
		if (net->layers[k].weight_updates)
			memset(net->layers[k].weight_updates, 0,
			    sizeof(float) * (size_t)net->layers[k].nweights);
	net_loss(net, x, truth);
	backward_network(net);
	double ind = se_independent(net);
	for (int k = 0; k < 3; k++) {
		layer *l = &net->layers[checked[k]];
		double num = 0, den = 0;
		fd[k] = malloc(sizeof(double) * (size_t)l->nweights);
		for (int i = 0; i < l->nweights; i++) {
			fd[k][i] = central_diff(net, x, truth, &l->weights[i]);
			double an = -l->weight_updates[i];
			num += (fd[k][i] - an) * (fd[k][i] - an);
			den += fd[k][i] * fd[k][i];
		}
		worst_fd = fmax(worst_fd, sqrt(num / (den > 0 ? den : 1)));
	}
	/* one SGD step (no momentum or decay): w - lr / batch * dL/dw */
	float *before[3];
	for (int k = 0; k < 3; k++) {
		layer *l = &net->layers[checked[k]];
		before[k] = malloc(sizeof(float) * (size_t)l->nweights);
		memcpy(before[k], l->weights, sizeof(float) * (size_t)l->nweights);
	}
	for (int k = 0; k < net->n; k++) {
		layer *l = &net->layers[k];
		if (l->weight_updates)
			memset(l->weight_updates, 0, sizeof(float) * (size_t)l->nweights);
		if (l->bias_updates)
			memset(l->bias_updates, 0, sizeof(float) * (size_t)l->n);
	}
	net_loss(net, x, truth);
	backward_network(net);
	update_network(net);
	double lr = net->learning_rate / net->batch;
	for (int k = 0; k < 3; k++) {
		layer *l = &net->layers[checked[k]];
		double num = 0, den = 0;
		for (int i = 0; i < l->nweights; i++) {
			double want = before[k][i] - lr * fd[k][i], step = lr * fd[k][i];
			num += (l->weights[i] - want) * (l->weights[i] - want);
			den += step * step;
		}
		worst_sgd = fmax(worst_sgd, sqrt(num / (den > 0 ? den : 1)));
		free(before[k]);
		free(fd[k]);
	}
	bad = !(ind < 1e-5 && worst_fd < 0.01 && worst_sgd < 0.01);
	printf("secheck: swish and scale_channels against independent formulas %.2g, "
	    "weight gradients against central differences %.4f, SGD step %.4f\n",
	    ind, worst_fd, worst_sgd);
	free(x);
	mdf_dnet_free(d);
	return bad;
}

/* --- hostile input ---------------------------------------------------- */

/* open CFG: build the network without our check, as a crash would: what
 * Darknet prints about it must reach stderr. */
static int
opencheck(int argc, char **argv)
{
	struct mdf_dnet *d;

	if (argc < 3)
		mdc_usage("open CFG");
	if (mdf_dnet_open(argv[2], argc > 3, 1, &d, why, sizeof why) < 0)
		mdc_die(70, "%s", why);
	mdf_dnet_free(d);
	return 0;
}

/* cost CFG [CLASSES [BATCH]]: what the cfg check counts, for CLASSES
 * classes (default: as written) and a batch of BATCH (default: the
 * cfg's): parameters, multiply-adds of one image's forward pass, and
 * the memory estimate bounded by MILLDIR_DNN_MAX_MB. */
static int
costcheck(int argc, char **argv)
{
	struct mdf_dnet_cfg cfg;
	char *text, *patched;

	if (argc < 3)
		mdc_usage("cost CFG [CLASSES [BATCH]]");
	if (mdf_dnet_cfg_read(argv[2], &text, why, sizeof why) < 0 ||
	    mdf_dnet_cfg_check(argv[2], text, &cfg, why, sizeof why) < 0)
		mdc_die(65, "%s", why);
	if (argc > 3) {
		struct mdf_dnet_hyper hp = { argc > 4 ? atoi(argv[4]) : -1, -1, -1, -1,
			NULL, 0 };
		if (hp.batch < 1) {
			const char *b = strstr(text, "\nbatch=");
			hp.batch = b ? atoi(b + 7) : 1;
		}
		if (mdf_dnet_cfg_patch(text, atoi(argv[3]), &hp, &patched, why, sizeof why) < 0 ||
		    mdf_dnet_cfg_check(argv[2], patched, &cfg, why, sizeof why) < 0)
			mdc_die(65, "%s", why);
		free(patched);
	}
	printf("params %.0f\nmacs %.0f\nmem_mib %.0f\n", cfg.params, cfg.flops,
	    cfg.mem / 1048576);
	free(text);
	return 0;
}

/* Max pooling over windows of NaN and -inf (Darknet's index of the
 * maximum stayed -1 there, and the backward pass wrote delta[-1]): every
 * index must lie in its window, NaN must win, and the backward pass adds
 * each gradient to that input.  2x2 stride 2 (lib/dnn/dnconv3.c) and 3x3
 * stride 2 (lib/dnn/dnfix.c). */
static int
poolnan(void)
{
	static const char *const cfgs[] = {
		"[net]\nbatch=2\nwidth=8\nheight=8\nchannels=2\n"
		"[maxpool]\nsize=2\nstride=2\n[connected]\noutput=2\n[softmax]\n",
		"[net]\nbatch=2\nwidth=8\nheight=8\nchannels=2\n"
		"[maxpool]\nsize=3\nstride=2\n[connected]\noutput=2\n[softmax]\n",
	};
	int bad = 0;

	for (int k = 0; k < 2; k++) {
		struct mdf_dnet *d = open_text(cfgs[k]);
		network *net = mdf_dnet_network(d);
		layer *l = &net->layers[0];
		int n = l->batch * l->inputs, m = l->batch * l->outputs;
		float *x = malloc(sizeof *x * (size_t)n), *dx = calloc((size_t)n, sizeof *dx);
		/* plane 0 all NaN, plane 1 all -inf, plane 2 NaN among numbers */
		for (int i = 0; i < n; i++) {
			int plane = i / (l->w * l->h);
			x[i] = plane == 0 ? NAN : plane == 1 ? -INFINITY :
			    i % 5 == 0 ? NAN : (float)(i % 7);
		}
		float *input = net->input, *delta = net->delta;
		net->input = x;
		net->train = 1;
		net->delta = dx;
		l->forward(*l, *net);
		for (int i = 0; i < m; i++) {
			int plane = i / (l->out_w * l->out_h), o = i % (l->out_w * l->out_h);
			int oy = o / l->out_w, ox = o % l->out_w, ix = l->indexes[i];
			int iy = ix % (l->w * l->h) / l->w, ixx = ix % l->w;
			int y0 = oy * l->stride - l->pad / 2, x0 = ox * l->stride - l->pad / 2;
			if (ix < plane * l->w * l->h || ix >= (plane + 1) * l->w * l->h ||
			    iy < y0 || iy >= y0 + l->size || ixx < x0 || ixx >= x0 + l->size) {
				printf("poolnan: %dx%d pooling: output %d: index %d outside its window\n",
				    l->size, l->size, i, ix);
				bad = 1;
				break;
			}
			float v = l->output[i];
			if ((x[ix] == x[ix] || v == v) && !(v == x[ix])) {
				printf("poolnan: output %d is %g, its input %g\n", i, v, x[ix]);
				bad = 1;
			}
		}
		if (!bad) {
			for (int i = 0; i < m; i++)
				l->delta[i] = 1;
			l->backward(*l, *net);
			double sum = 0;
			for (int i = 0; i < n; i++)
				sum += dx[i];
			if (sum != m) {
				printf("poolnan: the backward pass added %g of %d\n", sum, m);
				bad = 1;
			}
		}
		net->input = input;
		net->delta = delta;
		free(x);
		free(dx);
		mdf_dnet_free(d);
	}
	if (!bad)
		printf("poolnan: every window's maximum lies inside it\n");
	return bad;
}

/* Every IMAG frame on stdin: its typed view as read, then after each kind
 * of change (a key, the length, the type), which the view kept by the
 * reader's validation must notice; and every key found through the
 * index after a key is removed. */
static int
typedview(void)
{
	struct mdf_reader *r = mdc_open_in("-");
	struct mdf_frame f;
	struct mdf_typed v;
	int bad = 0, n = 0, rc;
	char w1[32];

	mdf_frame_init(&f);
	while ((rc = mdf_read(r, &f)) > 0) {
		if (mdf_typed_view(&f, &v) < 0 || v.kind != MDF_KIND_IMAG)
			continue;
		struct mdf_image im = v.image;
		n++;
		snprintf(w1, sizeof w1, "%u", im.w + 1);
		mdf_set(&f, "width", w1);
		bad |= mdf_typed_view(&f, &v) != MDF_E_SIZE;
		snprintf(w1, sizeof w1, "%u", im.w);
		mdf_set(&f, "width", w1);
		bad |= mdf_typed_view(&f, &v) != MDF_OK || v.image.w != im.w ||
		    v.image.h != im.h || v.image.c != im.c;
		mdf_frame_resize(&f, f.len - 1);
		bad |= mdf_typed_view(&f, &v) != MDF_E_SIZE;
		mdf_frame_resize(&f, f.len + 1);
		bad |= mdf_typed_view(&f, &v) != MDF_OK;
		mdf_frame_set_type(&f, "TENS");
		bad |= mdf_typed_view(&f, &v) != MDF_E_META || v.kind != MDF_KIND_TENS;
		bad |= mdf_image_view(&f, &im) != MDF_E_INVAL;
		mdf_frame_set_type(&f, "IMAG");
		mdf_unset(&f, "width");
		bad |= mdf_typed_view(&f, &v) != MDF_E_META;
		for (size_t i = 0; i < f.meta.n; i++)
			bad |= mdf_get(&f, f.meta.kv[i].key) != f.meta.kv[i].val;
		bad |= mdf_get(&f, "width") != NULL;
	}
	if (rc < 0)
		mdc_die_read(r, rc);
	mdf_frame_free(&f);
	mdf_reader_close(r);
	printf("typedview: %d IMAG frames, %s\n", n, bad ? "a stale view" : "views follow changes");
	return bad || n == 0;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int, char **);
		int (*run0)(void);
	} checks[] = {
		{ "gendata", gendata, NULL },
		{ "gradcheck", gradcheck, NULL },
		{ "bncheck", bncheck, NULL },
		{ "leakcheck", leakcheck, NULL },
		{ "restorecheck", NULL, restorecheck },
		{ "kernels", NULL, kernels },
		{ "gemm", NULL, gemmcheck },
		{ "conv3", NULL, conv3check },
		{ "bench", bench, NULL },
		{ "layers", layers, NULL },
		{ "sgemm", sgemm_rate, NULL },
		{ "open", opencheck, NULL },
		{ "secheck", NULL, secheck },
		{ "cost", costcheck, NULL },
		{ "poolnan", NULL, poolnan },
		{ "typedview", NULL, typedview },
	};

	mdc_init(argv[0]);
	if (argc < 2)
		mdc_usage("want a check name");
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
		if (strcmp(argv[1], checks[i].name) == 0)
			return checks[i].run ? checks[i].run(argc, argv) : checks[i].run0();
	mdc_usage("%s: unknown check", argv[1]);
}
