/*
 * Networks: building a Darknet network from a checked cfg (lib/dnn/cfg.c)
 * without its exits and chatter, training steps, evaluation and batch-norm
 * population statistics (weight files are in lib/dnn/weights.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <darknet.h>

#include "dnn/dnet.h"

static int
fail(int code, char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return code;
}

/* --- networks --------------------------------------------------------- */

struct mdf_dnet {
	network *net;
	float *input;       /* batch x inputs, ours (net->input is Darknet's) */
	/* batch-norm population statistics being gathered */
	double **bn_sum, **bn_sq, **bn_var;
	long bn_batches;
};

int
mdf_dnet_open(const char *cfgpath, int verbose, unsigned seed,
    struct mdf_dnet **out, char *why, size_t whylen)
{
	struct mdf_dnet *d = calloc(1, sizeof *d);
	int saved = -1;

	if (!d)
		return MDF_E_NOMEM;
	srand(seed);
	/* Darknet prints its layer table on stderr while parsing */
	fflush(stderr);
	if (!verbose) {
		int devnull = open("/dev/null", O_WRONLY);
		saved = dup(2);
		if (devnull >= 0 && saved >= 0)
			dup2(devnull, 2);
		if (devnull >= 0)
			close(devnull);
	}
	d->net = parse_network_cfg((char *)cfgpath);
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	}
	if (!d->net) {
		free(d);
		return fail(MDF_E_INVAL, why, whylen, "%s: Darknet built no network", cfgpath);
	}
	network *net = d->net;
	d->input = calloc((size_t)net->batch * net->inputs, sizeof *d->input);
	if (!d->input) {
		mdf_dnet_free(d);
		return MDF_E_NOMEM;
	}
	mdf_dnet_install(net, mdf_dnet_mode());
	*out = d;
	return MDF_OK;
}

static void
bn_release(struct mdf_dnet *d)
{
	if (!d->bn_sum)
		return;
	for (int i = 0; i < d->net->n; i++) {
		free(d->bn_sum[i]);
		free(d->bn_sq[i]);
		free(d->bn_var[i]);
	}
	free(d->bn_sum);
	free(d->bn_sq);
	free(d->bn_var);
	d->bn_sum = d->bn_sq = d->bn_var = NULL;
}

void
mdf_dnet_free(struct mdf_dnet *d)
{
	if (!d)
		return;
	if (d->net) {
		bn_release(d);
		/* free_network forgets these (110 MiB per VGG16) */
		float *workspace = d->net->workspace;
		size_t *seen = d->net->seen;
		int *t = d->net->t;
		float *cost = d->net->cost;
		/* steps and scales of policy=steps are never freed either */
		int *steps = d->net->steps;
		float *scales = d->net->scales;
		/* nor a softmax layer's loss buffer */
		for (int i = 0; i < d->net->n; i++)
			if (d->net->layers[i].type == SOFTMAX) {
				free(d->net->layers[i].loss);
				d->net->layers[i].loss = NULL;
			}
		free_network(d->net);
		free(workspace);
		free(seen);
		free(t);
		free(cost);
		free(steps);
		free(scales);
	}
	free(d->input);
	free(d);
}

void *
mdf_dnet_detach(struct mdf_dnet *d)
{
	network *net = d->net;

	bn_release(d);
	free(d->input);
	free(d);
	return net;
}

int
mdf_dnet_batch(const struct mdf_dnet *d)
{
	return d->net->batch;
}

int
mdf_dnet_inputs(const struct mdf_dnet *d)
{
	return d->net->inputs;
}

int
mdf_dnet_outputs(const struct mdf_dnet *d)
{
	return d->net->outputs;
}

void *
mdf_dnet_network(struct mdf_dnet *d)
{
	return d->net;
}

/* The network fields an evaluation pass changes, saved and restored so a
 * pass inside training never leaves them behind. */
struct saved {
	float *input, *truth, *delta;
	int train;
};

static void
save_fields(network *net, struct saved *s)
{
	s->input = net->input;
	s->truth = net->truth;
	s->delta = net->delta;
	s->train = net->train;
}

static void
restore_fields(network *net, const struct saved *s)
{
	net->input = s->input;
	net->truth = s->truth;
	net->delta = s->delta;
	net->train = s->train;
}

int
mdf_dnet_train_step(struct mdf_dnet *d, const float *x, const int *y, float *loss)
{
	network *net = d->net;
	size_t nin = (size_t)net->batch * net->inputs;
	struct saved s;

	save_fields(net, &s);
	memcpy(net->input, x, nin * sizeof *x);
	memset(net->truth, 0, (size_t)net->batch * net->truths * sizeof *net->truth);
	for (int b = 0; b < net->batch; b++) {
		if (y[b] < 0 || y[b] >= net->outputs)
			return MDF_E_INVAL;
		net->truth[(size_t)b * net->truths + y[b]] = 1;
	}
	*net->seen += (size_t)net->batch;
	net->train = 1;
	forward_network(net);
	backward_network(net);
	update_network(net);
	*loss = *net->cost / (float)net->batch;
	restore_fields(net, &s);
	return MDF_OK;
}

int
mdf_dnet_predict(struct mdf_dnet *d, const float *x, int n, float *prob)
{
	network *net = d->net;
	struct saved s;

	if (n < 1 || n > net->batch)
		return MDF_E_INVAL;
	save_fields(net, &s);
	/* Darknet reads a whole batch: pad with zeros */
	memcpy(d->input, x, (size_t)n * net->inputs * sizeof *x);
	memset(d->input + (size_t)n * net->inputs, 0,
	    (size_t)(net->batch - n) * net->inputs * sizeof *x);
	net->input = d->input;
	net->truth = NULL;
	net->delta = NULL;
	net->train = 0;
	/* forward_network zeroes every layer's gradient, which evaluation
	 * never reads: hide them (fast mode) */
	float **deltas = NULL;
	if (mdf_dnet_mode() == MDF_DNET_FAST &&
	    (deltas = malloc((size_t)net->n * sizeof *deltas)) != NULL)
		for (int i = 0; i < net->n; i++) {
			deltas[i] = net->layers[i].delta;
			net->layers[i].delta = NULL;
		}
	forward_network(net);
	if (deltas) {
		for (int i = 0; i < net->n; i++)
			net->layers[i].delta = deltas[i];
		free(deltas);
	}
	memcpy(prob, net->output, (size_t)n * net->outputs * sizeof *prob);
	restore_fields(net, &s);
	return MDF_OK;
}

/* Batch-norm statistics of layer L (NULL if it has none). */
static int
bn_channels(const layer *l)
{
	if (l->type == BATCHNORM)
		return l->out_c;
	if ((l->type == CONVOLUTIONAL || l->type == CONNECTED) && l->batch_normalize)
		return l->type == CONNECTED ? l->outputs : l->out_c;
	return 0;
}

void
mdf_dnet_bn_begin(struct mdf_dnet *d)
{
	network *net = d->net;

	bn_release(d);
	d->bn_batches = 0;
	d->bn_sum = calloc((size_t)net->n, sizeof *d->bn_sum);
	d->bn_sq = calloc((size_t)net->n, sizeof *d->bn_sq);
	d->bn_var = calloc((size_t)net->n, sizeof *d->bn_var);
	if (!d->bn_sum || !d->bn_sq || !d->bn_var) {
		bn_release(d);
		return;
	}
	for (int i = 0; i < net->n; i++) {
		int c = bn_channels(&net->layers[i]);
		if (c) {
			d->bn_sum[i] = calloc((size_t)c, sizeof **d->bn_sum);
			d->bn_sq[i] = calloc((size_t)c, sizeof **d->bn_sq);
			d->bn_var[i] = calloc((size_t)c, sizeof **d->bn_var);
		}
	}
}

int
mdf_dnet_bn_feed(struct mdf_dnet *d, const float *x)
{
	network *net = d->net;
	struct saved s;

	if (!d->bn_sum)
		return MDF_E_NOMEM;
	save_fields(net, &s);
	memcpy(d->input, x, (size_t)net->batch * net->inputs * sizeof *x);
	net->input = d->input;
	net->truth = NULL;
	net->delta = NULL;
	net->train = 1;
	/* training-mode forward, but dropout off: we want the statistics the
	 * evaluation pass will see */
	float *prob = malloc((size_t)net->n * sizeof *prob);
	if (!prob) {
		restore_fields(net, &s);
		return MDF_E_NOMEM;
	}
	for (int i = 0; i < net->n; i++)
		if (net->layers[i].type == DROPOUT) {
			prob[i] = net->layers[i].probability;
			net->layers[i].probability = 0;
			net->layers[i].scale = 1;
		}
	forward_network(net);
	for (int i = 0; i < net->n; i++)
		if (net->layers[i].type == DROPOUT) {
			net->layers[i].probability = prob[i];
			net->layers[i].scale = 1.f / (1.f - prob[i]);
		}
	free(prob);
	restore_fields(net, &s);
	for (int i = 0; i < net->n; i++) {
		layer *l = &net->layers[i];
		int c = bn_channels(l);
		if (!c || !d->bn_sum[i])
			continue;
		/* Darknet's batch variance divides by n-1; undo that */
		double n = (double)l->batch * (l->type == CONNECTED ? 1 : l->out_w * l->out_h);
		double k = n > 1 ? (n - 1) / n : 1;
		for (int j = 0; j < c; j++) {
			d->bn_sum[i][j] += l->mean[j];
			d->bn_sq[i][j] += (double)l->mean[j] * l->mean[j];
			d->bn_var[i][j] += l->variance[j] * k;
		}
	}
	d->bn_batches++;
	return MDF_OK;
}

void
mdf_dnet_bn_end(struct mdf_dnet *d)
{
	network *net = d->net;

	if (d->bn_sum && d->bn_batches > 0) {
		double k = (double)d->bn_batches;
		for (int i = 0; i < net->n; i++) {
			layer *l = &net->layers[i];
			int c = bn_channels(l);
			if (!c || !d->bn_sum[i])
				continue;
			for (int j = 0; j < c; j++) {
				double m = d->bn_sum[i][j] / k;
				double v = d->bn_var[i][j] / k + d->bn_sq[i][j] / k - m * m;
				l->rolling_mean[j] = (float)m;
				l->rolling_variance[j] = (float)(v > 0 ? v : 0);
			}
		}
	}
	bn_release(d);
}
