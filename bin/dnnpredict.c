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
#include "dnn/modeldir.h"
#include "common/common.h"
#include "milldir/mlstore.h"
#include "milldir/types.h"

struct opts {
	const char *model, *weights, *input;
	long batch, threads;
	int text, verbose, force, prep;
};

static _Noreturn void
usage(void)
{
	printf("Usage: %s --model DIR [OPTION]... [FILE]\n"
	    "Classify the IMAG or TENS frames of FILE (default stdin) with a model\n"
	    "written by dnntrain; write one PRED frame per input frame.\n\n"
	    "  -m, --model DIR        model directory (net.cfg, labels.txt, best.weights),\n"
"                         or runs:/RUN_ID/PATH, models:/NAME@ALIAS,\n"
"                         models:/NAME/VERSION ($MLFLOW_TRACKING_URI)\n"
	    "  -w, --weights NAME     best or last (default best), or a weights file\n"
	    "  -b, --batch N          frames per forward pass (default 8)\n"
	    "  -T, --text             write TSV (part, label, score, true label) instead\n"
	    "  -f, --force            classify frames prepared otherwise than the\n"
	    "                         model's training frames (default: refuse them)\n"
	    "  -P, --preparation      print the recorded preparation (KEY=VALUE) and exit\n"
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
		{ "force", no_argument, NULL, 'f' },
		{ "preparation", no_argument, NULL, 'P' },
		{ "threads", required_argument, NULL, 't' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	*o = (struct opts){ .weights = "best", .batch = 8 };
	while ((ch = getopt_long(argc, argv, ":m:w:b:TfPt:vhV", lo, NULL)) != -1)
		switch (ch) {
		case 'm': o->model = optarg; break;
		case 'w': o->weights = optarg; break;
		case 'b': o->batch = mdc_parse_long("--batch", optarg, 1, 4096); break;
		case 'T': o->text = 1; break;
		case 'f': o->force = 1; break;
		case 'P': o->prep = 1; break;
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

/* The model directory, read and checked. */
struct model {
	const char *dir;
	struct mdf_dnet_cfg cfg;
	char *cfgtext;
	struct mdf_model_labels labels;
	struct mdf_model_meta meta;   /* empty when model.meta is absent */
};

static _Noreturn void
die_rc(int rc, const char *why)
{
	mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : rc == MDF_E_NOMEM ? EXIT_SOFTWARE :
	    EXIT_DATAERR, "%s", why);
}

/* The model directory's own checks (net.cfg, labels.txt and its count,
 * model.meta, best.weights present), on a model fetched into the cache
 * before it enters it. */
static int
check_model(const char *dir, char *why, size_t whylen)
{
	struct mdf_dnet_cfg cfg;
	struct mdf_model_labels labels = { 0 };
	struct mdf_model_meta meta = { 0 };
	char *cfgpath = mdf_model_file(dir, "net.cfg"), *text = NULL;
	char *metapath = mdf_model_file(dir, "model.meta");
	char *wpath = mdf_model_file(dir, "best.weights");
	int rc = MDF_E_NOMEM;

	if (cfgpath && metapath && wpath &&
	    (rc = mdf_dnet_cfg_read(cfgpath, &text, why, whylen)) == 0 &&
	    (rc = mdf_dnet_cfg_check(cfgpath, text, &cfg, why, whylen)) == 0 &&
	    (rc = mdf_model_labels_read(dir, &labels, why, whylen)) == 0) {
		if (labels.n != cfg.outputs)
			rc = mdf_why(why, whylen, MDF_E_META, "labels.txt: %d labels for a "
			    "network with %d outputs", labels.n, cfg.outputs);
		else if (access(metapath, F_OK) == 0 &&
		    (rc = mdf_model_meta_read(dir, &meta, why, whylen)) == 0)
			mdf_model_meta_free(&meta);
		if (rc == 0 && access(wpath, R_OK) != 0)
			rc = mdf_why(why, whylen, MDF_E_META, "no best.weights");
		mdf_model_labels_free(&labels);
	}
	free(text);
	free(cfgpath);
	free(metapath);
	free(wpath);
	return rc < 0 ? (rc == MDF_E_NOMEM ? rc : MDF_E_META) : MDF_OK;
}

/* The directory a --model argument names: a directory, or runs:/ and
 * models:/ URIs resolved against MLFLOW_TRACKING_URI and fetched into the
 * cache by lib/track. */
static const char *
model_dir(const char *arg)
{
	static char dir[4096];
	char why[1024];
	int rc = mdf_ml_model_fetch(arg, getenv("MLFLOW_TRACKING_URI"), check_model, dir,
	    sizeof dir, why, sizeof why);

	if (rc < 0)
		mdc_die(rc == MDF_E_INVAL ? EXIT_USAGE : rc == MDF_E_META ? EXIT_DATAERR :
		    rc == MDF_E_NOMEM ? EXIT_SOFTWARE : errno == ENOENT ? EXIT_NOINPUT :
		    EXIT_IOERR, "--model: %s", why);
	return dir;
}

/* Read net.cfg, labels.txt and model.meta of the model directory. */
static void
read_model(const char *arg, struct model *m)
{
	char why[1024], *cfgpath;
	int rc;

	*m = (struct model){ .dir = model_dir(arg) };
	if (!(cfgpath = mdf_model_file(m->dir, "net.cfg")))
		mdc_die(EXIT_SOFTWARE, "out of memory");
	if ((rc = mdf_dnet_cfg_read(cfgpath, &m->cfgtext, why, sizeof why)) < 0)
		die_rc(rc, why);
	if (mdf_dnet_cfg_check(cfgpath, m->cfgtext, &m->cfg, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s", why);
	if ((rc = mdf_model_labels_read(m->dir, &m->labels, why, sizeof why)) < 0)
		die_rc(rc, why);
	if (m->labels.n != m->cfg.outputs)
		mdc_die(EXIT_DATAERR, "%s/labels.txt: %d labels for a network with %d outputs",
		    m->dir, m->labels.n, m->cfg.outputs);
	/* directories written before model.meta existed: nothing to check */
	free(cfgpath);
	if (!(cfgpath = mdf_model_file(m->dir, "model.meta")))
		mdc_die(EXIT_SOFTWARE, "out of memory");
	if ((access(cfgpath, F_OK) == 0 || errno != ENOENT) &&
	    (rc = mdf_model_meta_read(m->dir, &m->meta, why, sizeof why)) < 0)
		die_rc(rc, why);
	free(cfgpath);
}

/* Classify the pending frames and write them out in order. */
static void
flush(struct mdf_dnet *d, const struct model *m, struct pending *p,
    struct mdf_writer *w, int text)
{
	int nl = m->labels.n;
	char *const *labels = m->labels.v;

	if (p->n == 0)
		return;
	if (mdf_dnet_predict(d, p->x, p->n, p->prob) < 0)
		mdc_die(EXIT_SOFTWARE, "forward pass failed");
	for (int i = 0; i < p->n; i++) {
		struct mdf_frame *f = &p->f[i];
		const float *pr = p->prob + (size_t)i * nl;
		struct mdf_pred pred;
		int best = 0;
		for (int c = 1; c < nl; c++)
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
		if (mdf_pred_init(f, (uint32_t)nl, (const char *const *)labels, &pred) < 0)
			mdc_die(EXIT_SOFTWARE, "cannot build a PRED frame");
		memcpy(pred.prob, pr, (size_t)nl * sizeof *pr);
		mdf_set(f, "pred.label", labels[best]);
		mdf_setf(f, "pred.score", "%.6g", (double)pr[best]);
		mdc_write(w, f);
	}
	p->n = 0;
}

/* Build the network at batch BATCH and load its weights. */
static struct mdf_dnet *
open_net(const struct opts *o, const struct model *m)
{
	struct mdf_dnet *d;
	char why[1024], *patched, *wpath;
	int rc;

	/* Darknet sizes its buffers from the cfg's batch: write our own */
	struct mdf_dnet_hyper hp = { (int)o->batch, -1, -1, -1, NULL, 1 };
	if (mdf_dnet_cfg_patch(m->cfgtext, m->labels.n, &hp, &patched, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s/net.cfg: %s", m->dir, why);
	char tmp[] = "/tmp/dnnpredict-XXXXXX";
	int fd = mkstemp(tmp);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!fp || fputs(patched, fp) == EOF || fclose(fp) != 0)
		mdc_die(EXIT_IOERR, "%s: %s", tmp, strerror(errno));
	rc = mdf_dnet_open(tmp, o->verbose, 1, &d, why, sizeof why);
	unlink(tmp);
	free(patched);
	if (rc < 0)
		mdc_die(EXIT_SOFTWARE, "%s", why);
	wpath = strcmp(o->weights, "best") == 0 ? mdf_model_file(m->dir, "best.weights") :
	    strcmp(o->weights, "last") == 0 ? mdf_model_file(m->dir, "last.weights") :
	    strdup(o->weights);
	if (!wpath)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	if ((rc = mdf_dnet_load(d, wpath, why, sizeof why)) < 0)
		die_rc(rc, why);
	free(wpath);
	return d;
}

/* --preparation: the recorded input.* keys, one KEY=VALUE a line. */
static _Noreturn void
print_prep(const struct model *m)
{
	for (int i = 0; i < m->meta.n; i++)
		if (strncmp(m->meta.key[i], "input.", 6) == 0)
			printf("%s=%s\n", m->meta.key[i] + 6, m->meta.val[i]);
	mdc_close_stdout();
	exit(0);
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct model m;
	struct mdf_writer *w = NULL;
	struct pending p = { 0 };
	char why[1024];
	int rc;

	mdc_init(argv[0]);
	parse(argc, argv, &o);
	read_model(o.model, &m);
	if (o.prep)
		print_prep(&m);
	dnncli_start(argv, (long)o.threads);
	struct mdf_dnet *d = open_net(&o, &m);

	struct mdf_reader *in = mdc_open_in(o.input);
	if (!o.text)
		w = mdc_open_out(0);
	size_t nin = (size_t)m.cfg.w * m.cfg.h * m.cfg.c;
	p.f = calloc((size_t)o.batch, sizeof *p.f);
	p.x = malloc((size_t)o.batch * nin * sizeof *p.x);
	p.prob = malloc((size_t)o.batch * (size_t)m.labels.n * sizeof *p.prob);
	if (!p.f || !p.x || !p.prob)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (int i = 0; i < o.batch; i++)
		mdf_frame_init(&p.f[i]);
	while ((rc = mdf_read(in, &p.f[p.n])) > 0) {
		struct mdf_frame *f = &p.f[p.n];
		if (!mdf_frame_is(f, "IMAG") && !mdf_frame_is(f, "TENS")) {
			flush(d, &m, &p, w, o.text);     /* keep the order */
			if (!o.text)
				mdc_write(w, f);         /* not ours: pass through */
			continue;
		}
		if (mdf_dnet_frame_input(f, m.cfg.w, m.cfg.h, m.cfg.c, p.x + (size_t)p.n * nin,
		    why, sizeof why) < 0)
			mdc_die_frame(in, EXIT_DATAERR, "%s", why);
		if (!o.force && mdf_model_prep_match(&m.meta, f, why, sizeof why) < 0)
			mdc_die_frame(in, EXIT_DATAERR, "prepared otherwise than the model's "
			    "training frames: %s (see %s/model.meta; --force to classify it "
			    "anyway)", why, m.dir);
		if (++p.n == o.batch)
			flush(d, &m, &p, w, o.text);
	}
	if (rc < 0)
		mdc_die_read(in, rc);
	flush(d, &m, &p, w, o.text);
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
	mdf_model_labels_free(&m.labels);
	mdf_model_meta_free(&m.meta);
	free(m.cfgtext);
	return 0;
}
