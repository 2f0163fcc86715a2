/* dnnpredict: classify IMAG or TENS frames with a model from dnntrain. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "dnncli.h"
#include "dnn/dnet.h"
#include "milldir/types.h"

struct opts {
	const char *model, *weights, *input;
	long batch, threads;
	int text, verbose;
};

static _Noreturn void
usage(void)
{
	printf("Usage: %s --model DIR [OPTION]... [FILE]\n"
	    "Classify the IMAG or TENS frames of FILE (default stdin) with a model\n"
	    "written by dnntrain; write one PRED frame per input frame.\n\n"
	    "  -m, --model DIR        model directory (net.cfg, labels.txt, best.weights)\n"
	    "  -w, --weights NAME     best or last (default best), or a weights file\n"
	    "  -b, --batch N          frames per forward pass (default 8)\n"
	    "  -T, --text             write TSV (part, label, score, true label) instead\n"
	    "  -t, --threads N        OpenBLAS threads\n"
	    "  -v, --verbose          show Darknet's layer table\n"
	    "  -h, --help             show this help\n"
	    "  -V, --version          show the version\n", mdc_prog);
	exit(0);
}

static void
parse(int argc, char **argv, struct opts *o)
{
	static const struct option lo[] = {
		{ "model", required_argument, NULL, 'm' },
		{ "weights", required_argument, NULL, 'w' },
		{ "batch", required_argument, NULL, 'b' },
		{ "text", no_argument, NULL, 'T' },
		{ "threads", required_argument, NULL, 't' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	*o = (struct opts){ .weights = "best", .batch = 8 };
	while ((ch = getopt_long(argc, argv, ":m:w:b:Tt:vhV", lo, NULL)) != -1)
		switch (ch) {
		case 'm': o->model = optarg; break;
		case 'w': o->weights = optarg; break;
		case 'b': o->batch = mdc_parse_long("--batch", optarg, 1, 4096); break;
		case 'T': o->text = 1; break;
		case 't': o->threads = mdc_parse_long("--threads", optarg, 1, 256); break;
		case 'v': o->verbose = 1; break;
		default: mdc_option(ch, argv, usage);
		}
	if (!o->model)
		mdc_usage("--model is required");
	if (optind < argc - 1)
		mdc_usage("too many arguments");
	o->input = optind < argc ? argv[optind] : "-";
}

struct pending {
	struct mdf_frame *f;   /* frames waiting for a forward pass */
	int n;
	float *x, *prob;
};

static char **labels;
static int nlabels;

/* Classify the pending frames and write them out in order. */
static void
flush(struct mdf_dnet *d, struct pending *p, struct mdf_writer *w, int text)
{
	if (p->n == 0)
		return;
	if (mdf_dnet_predict(d, p->x, p->n, p->prob) < 0)
		mdc_die(EXIT_SOFTWARE, "forward pass failed");
	for (int i = 0; i < p->n; i++) {
		struct mdf_frame *f = &p->f[i];
		const float *pr = p->prob + (size_t)i * nlabels;
		struct mdf_pred pred;
		int best = 0;
		for (int c = 1; c < nlabels; c++)
			if (pr[c] > pr[best])
				best = c;
		if (text) {
			const char *part = mdf_get(f, "part"), *label = mdf_get(f, "label");
			printf("%s\t%s\t%.6f\t%s\n", part ? part : "", labels[best],
			    (double)pr[best], label ? label : "");
			continue;
		}
		/* the input's payload keys describe pixels no longer there */
		mdf_unset(f, "width");
		mdf_unset(f, "height");
		mdf_unset(f, "channels");
		mdf_unset(f, "shape");
		if (mdf_pred_init(f, (uint32_t)nlabels, (const char *const *)labels, &pred) < 0)
			mdc_die(EXIT_SOFTWARE, "cannot build a PRED frame");
		memcpy(pred.prob, pr, (size_t)nlabels * sizeof *pr);
		mdf_set(f, "pred.label", labels[best]);
		mdf_setf(f, "pred.score", "%.6g", (double)pr[best]);
		mdc_write(w, f);
	}
	p->n = 0;
}

static char *
model_file(const char *dir, const char *name)
{
	static char buf[4][4096];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct mdf_dnet_cfg cfg;
	struct mdf_dnet *d;
	struct mdf_writer *w = NULL;
	struct pending p = { 0 };
	char why[1024], *text, *patched, *ltext;
	int rc;

	mdc_init(argv[0]);
	parse(argc, argv, &o);
	dnncli_start(argv, (long)o.threads);

	const char *cfgpath = model_file(o.model, "net.cfg");
	if ((rc = mdf_dnet_cfg_read(cfgpath, &text, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : EXIT_DATAERR, "%s", why);
	if (mdf_dnet_cfg_check(cfgpath, text, &cfg, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s", why);
	if ((rc = mdf_dnet_cfg_read(model_file(o.model, "labels.txt"), &ltext, why,
	    sizeof why)) < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : EXIT_DATAERR, "%s", why);
	for (char *s = strtok(ltext, "\n"); s; s = strtok(NULL, "\n")) {
		char **nl = realloc(labels, ((size_t)nlabels + 1) * sizeof *labels);
		if (!nl)
			mdc_die(EXIT_SOFTWARE, "out of memory");
		labels = nl;
		labels[nlabels++] = s;
	}
	if (nlabels < 2 || nlabels != cfg.outputs)
		mdc_die(EXIT_DATAERR, "%s: %d labels for a network with %d outputs",
		    model_file(o.model, "labels.txt"), nlabels, cfg.outputs);

	/* Darknet sizes its buffers from the cfg's batch: write our own */
	struct mdf_dnet_hyper hp = { (int)o.batch, -1, -1, -1, NULL, 1 };
	if (mdf_dnet_cfg_patch(text, nlabels, &hp, &patched, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s: %s", cfgpath, why);
	char tmp[] = "/tmp/dnnpredict-XXXXXX";
	int fd = mkstemp(tmp);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!fp || fputs(patched, fp) == EOF || fclose(fp) != 0)
		mdc_die(EXIT_IOERR, "%s: %s", tmp, strerror(errno));
	rc = mdf_dnet_open(tmp, o.verbose, 1, &d, why, sizeof why);
	unlink(tmp);
	if (rc < 0)
		mdc_die(EXIT_SOFTWARE, "%s", why);
	const char *wpath = strcmp(o.weights, "best") == 0 ? model_file(o.model, "best.weights") :
	    strcmp(o.weights, "last") == 0 ? model_file(o.model, "last.weights") : o.weights;
	if ((rc = mdf_dnet_load(d, wpath, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : EXIT_DATAERR, "%s", why);

	struct mdf_reader *in = mdc_open_in(o.input);
	if (!o.text)
		w = mdc_open_out(0);
	size_t nin = (size_t)cfg.w * cfg.h * cfg.c;
	p.f = calloc((size_t)o.batch, sizeof *p.f);
	p.x = malloc((size_t)o.batch * nin * sizeof *p.x);
	p.prob = malloc((size_t)o.batch * (size_t)nlabels * sizeof *p.prob);
	if (!p.f || !p.x || !p.prob)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (int i = 0; i < o.batch; i++)
		mdf_frame_init(&p.f[i]);
	while ((rc = mdf_read(in, &p.f[p.n])) > 0) {
		struct mdf_frame *f = &p.f[p.n];
		if (!mdf_frame_is(f, "IMAG") && !mdf_frame_is(f, "TENS")) {
			flush(d, &p, w, o.text);     /* keep the order */
			if (!o.text)
				mdc_write(w, f);         /* not ours: pass through */
			continue;
		}
		if (mdf_dnet_frame_input(f, cfg.w, cfg.h, cfg.c, p.x + (size_t)p.n * nin,
		    why, sizeof why) < 0)
			mdc_die_frame(in, EXIT_DATAERR, "%s", why);
		if (++p.n == o.batch)
			flush(d, &p, w, o.text);
	}
	if (rc < 0)
		mdc_die_read(in, rc);
	flush(d, &p, w, o.text);
	if (w)
		mdc_close_out(w);
	else
		mdc_close_stdout();

	mdf_reader_close(in);
	mdf_dnet_free(d);
	for (int i = 0; i < o.batch; i++)
		mdf_frame_free(&p.f[i]);
	free(p.f);
	free(p.x);
	free(p.prob);
	free(labels);
	free(ltext);
	free(text);
	free(patched);
	return 0;
}
