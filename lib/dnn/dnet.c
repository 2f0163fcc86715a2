/*
 * Networks: building a Darknet network from a checked cfg (lib/dnn/cfg.c)
 * without its exits and chatter, training steps, evaluation and batch-norm
 * population statistics (weight files are in lib/dnn/weights.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <darknet.h>

#include "common/common.h"
#include "dnn/dnet.h"

/* --- networks --------------------------------------------------------- */

struct mdf_dnet {
	network *net;
	float *input;       /* batch x inputs, ours (net->input is Darknet's) */
	/* batch-norm population statistics being gathered */
	double **bn_sum, **bn_sq, **bn_var;
	long bn_batches;
};

/* --- Darknet's words ----------------------------------------------------
 * Darknet prints its layer table on stderr while it parses a cfg, and its
 * complaints, and exits or aborts on some errors.  It writes into a
 * temporary file instead; afterwards all of it is shown when verbose or
 * when Darknet built nothing, else only the lines that are not the table.
 * Should Darknet exit or crash meanwhile, a handler copies the file to
 * the real stderr first: nothing it says is lost. */

static volatile sig_atomic_t capturing;
static int capture_fd = -1, saved_fd = -1;

static void
capture_dump(void)
{
	char b[4096];
	ssize_t n;

	if (!capturing)
		return;
	capturing = 0;
	dup2(saved_fd, 2);
	if (lseek(capture_fd, 0, SEEK_SET) == 0)
		while ((n = read(capture_fd, b, sizeof b)) > 0)
			if (write(2, b, (size_t)n) < 0)
				break;
}

static void
capture_signal(int sig)
{
	capture_dump();
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int fatal_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };

static int
capture_begin(void)
{
	static int registered;
	FILE *t = tmpfile();

	fflush(stderr);
	if (!t || (capture_fd = dup(fileno(t))) < 0 || (saved_fd = dup(2)) < 0) {
		if (t)
			fclose(t);
		if (capture_fd >= 0)
			close(capture_fd);
		capture_fd = -1;
		return -1;
	}
	fclose(t);
	if (!registered)
		registered = atexit(capture_dump) == 0;
	for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
		signal(fatal_signals[i], capture_signal);
	dup2(capture_fd, 2);
	capturing = 1;
	return 0;
}

/* NULL for a line of Darknet's layer table ("layer  filters ...",
 * "   12 conv ...", a layer's own line when a remark came between it and
 * its number) or for its note on a key left at its default; else what
 * the line says (after the layer number a remark was printed behind). */
static const char *
darknet_says(const char *s)
{
	static const char *const layers[] = { "layer ", "conv ", "max ", "avg ",
		"connected ", "softmax ", "res ", "route ", "dropout ", NULL };
	const char *p = s;

	if (strstr(s, ": Using default '"))
		return NULL;
	while (*p == ' ')
		p++;
	if (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p == ' ')
			p++;
	} else {
		p = s;
	}
	for (int i = 0; layers[i]; i++)
		if (strncmp(p, layers[i], strlen(layers[i])) == 0)
			return NULL;
	return *p && *p != '\n' ? p : NULL;
}

/* Back to the real stderr; show ALL of what Darknet said, or the lines
 * that are not its table, as "PROG: CFG: Darknet: ..." */
static void
capture_end(const char *cfgpath, int all)
{
	fflush(stderr);
	capturing = 0;
	dup2(saved_fd, 2);
	close(saved_fd);
	for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
		signal(fatal_signals[i], SIG_DFL);
	FILE *f = lseek(capture_fd, 0, SEEK_SET) == 0 ? fdopen(capture_fd, "r") : NULL;
	char line[1024];
	while (f && fgets(line, sizeof line, f)) {
		const char *says = darknet_says(line);
		if (all)
			fputs(line, stderr);
		else if (says)
			fprintf(stderr, "%s: %s: Darknet: %s%s", program_invocation_short_name,
			    cfgpath, says, strchr(says, '\n') ? "" : "\n");
	}
	if (f)
		fclose(f);
	else
		close(capture_fd);
	capture_fd = saved_fd = -1;
}

int
mdf_dnet_open(const char *cfgpath, int verbose, unsigned seed,
    struct mdf_dnet **out, char *why, size_t whylen)
{
	struct mdf_dnet *d = calloc(1, sizeof *d);

	if (!d)
		return mdf_why(why, whylen, MDF_E_NOMEM, "%s: out of memory", cfgpath);
	/* Darknet reads a copy with our own layers as stand-ins */
	char *text = NULL, *dtext = NULL, tmp[] = "/tmp/milldir-cfg-XXXXXX";
	unsigned char *kinds = NULL;
	int nkinds = 0, rc, fd = -1;
	if ((rc = mdf_dnet_cfg_read(cfgpath, &text, why, whylen)) < 0 ||
	    (rc = mdf_dnet_cfg_darknet(text, &dtext, &kinds, &nkinds, why, whylen)) < 0) {
		free(text);
		free(d);
		return rc == MDF_E_NOMEM ? mdf_why(why, whylen, rc, "%s: out of memory", cfgpath) : rc;
	}
	free(text);
	size_t dlen = strlen(dtext);
	if ((fd = mkstemp(tmp)) < 0 || write(fd, dtext, dlen) != (ssize_t)dlen) {
		rc = mdf_why(why, whylen, MDF_E_IO, "%s: %s", tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(dtext);
		free(kinds);
		free(d);
		return rc;
	}
	close(fd);
	free(dtext);
	srand(seed);
	int captured = capture_begin() == 0;
	d->net = parse_network_cfg(tmp);
	if (captured)
		capture_end(cfgpath, verbose || !d->net);
	unlink(tmp);
	if (!d->net) {
		free(kinds);
		free(d);
		return mdf_why(why, whylen, MDF_E_INVAL, "%s: Darknet built no network", cfgpath);
	}
	network *net = d->net;
	mdf_dnet_install_own(net, kinds, nkinds);
	free(kinds);
	d->input = calloc((size_t)net->batch * net->inputs, sizeof *d->input);
	if (!d->input) {
		mdf_dnet_free(d);
		return mdf_why(why, whylen, MDF_E_NOMEM, "%s: out of memory", cfgpath);
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
