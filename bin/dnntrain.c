/* dnntrain: train a Darknet-defined classifier on IMAG or TENS frames. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "dnncli.h"
#include "dnn/dnet.h"
#include "dnn/modeldir.h"
#include "milldir/types.h"

struct opts {
	const char *net, *classes, *policy, *init, *out, *input;
	double val_split, lr, momentum, decay;
	long epochs, batch, seed, patience, threads;
	int quiet, verbose;
};

static _Noreturn void
usage(void)
{
	printf("Usage: %s --net NAME|FILE.cfg [OPTION]... [FILE]\n"
	    "Train a classifier on the IMAG or TENS frames of FILE (default stdin);\n"
	    "write METR frames (parameters, per-epoch metrics, the model directory).\n\n"
	    "  -n, --net NAME|FILE.cfg   network (tiny, efficientnet-lite0, vgg16)\n"
	    "  -c, --classes L1,L2,...   class labels in order (default: sorted labels seen)\n"
	    "      --val-split F         validation share of the parts (default: split=\n"
	    "                              metadata, else 0.2)\n"
	    "  -e, --epochs N            epochs (default 10)\n"
	    "  -b, --batch N             batch size (default 16)\n"
	    "      --lr X, --momentum X, --decay X   SGD settings (default: the cfg's)\n"
	    "      --policy P            constant, step, exp or poly (default constant)\n"
	    "      --seed N              seed of initialisation, split and shuffles (default 1)\n"
	    "      --patience N          stop after N epochs without a better F1 (default 0: never)\n"
	    "      --init WEIGHTS        start from these weights\n"
	    "  -o, --out DIR             model directory (default a new one under models/)\n"
	    "  -t, --threads N           OpenBLAS threads\n"
	    "  -q, --quiet               no progress line\n"
	    "  -v, --verbose             show Darknet's layer table\n"
	    "  -h, --help                show this help\n"
	    "  -V, --version             show the version\n", mdc_prog);
	exit(0);
}

static void
parse(int argc, char **argv, struct opts *o)
{
	enum { O_VAL = 256, O_LR, O_MOM, O_DECAY, O_POLICY, O_SEED, O_PAT, O_INIT };
	static const struct option lo[] = {
		{ "net", required_argument, NULL, 'n' },
		{ "classes", required_argument, NULL, 'c' },
		{ "val-split", required_argument, NULL, O_VAL },
		{ "epochs", required_argument, NULL, 'e' },
		{ "batch", required_argument, NULL, 'b' },
		{ "lr", required_argument, NULL, O_LR },
		{ "momentum", required_argument, NULL, O_MOM },
		{ "decay", required_argument, NULL, O_DECAY },
		{ "policy", required_argument, NULL, O_POLICY },
		{ "seed", required_argument, NULL, O_SEED },
		{ "patience", required_argument, NULL, O_PAT },
		{ "init", required_argument, NULL, O_INIT },
		{ "out", required_argument, NULL, 'o' },
		{ "threads", required_argument, NULL, 't' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	*o = (struct opts){ .val_split = -1, .lr = -1, .momentum = -1, .decay = -1,
		.epochs = 10, .batch = 16, .seed = 1, .policy = "constant" };
	while ((ch = getopt_long(argc, argv, ":n:c:e:b:o:t:qvhV", lo, NULL)) != -1)
		switch (ch) {
		case 'n': o->net = optarg; break;
		case 'c': o->classes = optarg; break;
		case O_VAL:
			o->val_split = mdc_parse_double("--val-split", optarg);
			if (o->val_split < 0 || o->val_split >= 1)
				mdc_usage("--val-split: want a share in [0, 1), not '%s'", optarg);
			break;
		case 'e': o->epochs = mdc_parse_long("--epochs", optarg, 1, 100000); break;
		case 'b': o->batch = mdc_parse_long("--batch", optarg, 1, 4096); break;
		case O_LR: o->lr = mdc_parse_double("--lr", optarg); break;
		case O_MOM: o->momentum = mdc_parse_double("--momentum", optarg); break;
		case O_DECAY: o->decay = mdc_parse_double("--decay", optarg); break;
		case O_POLICY:
			if (strcmp(optarg, "constant") && strcmp(optarg, "step") &&
			    strcmp(optarg, "exp") && strcmp(optarg, "poly"))
				mdc_usage("--policy: want constant, step, exp or poly, not '%s'", optarg);
			o->policy = optarg;
			break;
		case O_SEED: o->seed = mdc_parse_long("--seed", optarg, 0, 4294967295L); break;
		case O_PAT: o->patience = mdc_parse_long("--patience", optarg, 0, 100000); break;
		case O_INIT: o->init = optarg; break;
		case 'o': o->out = optarg; break;
		case 't': o->threads = mdc_parse_long("--threads", optarg, 1, 256); break;
		case 'q': o->quiet = 1; break;
		case 'v': o->verbose = 1; break;
		default: mdc_option(ch, argv, usage);
		}
	if (!o->net)
		mdc_usage("--net is required");
	if (optind < argc - 1)
		mdc_usage("too many arguments");
	o->input = optind < argc ? argv[optind] : "-";
	if ((o->lr != -1 && o->lr <= 0) || (o->momentum != -1 && o->momentum < 0) ||
	    (o->decay != -1 && o->decay < 0))
		mdc_usage("--lr must be positive, --momentum and --decay not negative");
}

struct run {
	struct mdf_writer *w;
	struct mdf_frame m;
	int tty;
	double t0;
	long batch;
};

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
on_batch(void *ctx, int epoch, int b, int nb, double loss)
{
	struct run *r = ctx;
	double dt = now() - r->t0;

	if (!r->tty)
		return;
	fprintf(stderr, "\r%s: epoch %d batch %d/%d  %.1f img/s  loss %.4f  ETA %.0f s ",
	    mdc_prog, epoch, b, nb, b * r->batch / (dt > 0 ? dt : 1e-9), loss,
	    dt / b * (nb - b));
	if (b == nb) {
		fputc('\n', stderr);
		r->t0 = now();
	}
}

static int
on_epoch(void *ctx, const struct mdf_dnet_epoch *e)
{
	struct run *r = ctx;

	mdf_frame_clear(&r->m);
	mdf_metr_init(&r->m);
	mdf_metr_metric(&r->m, "train_loss", e->train_loss, e->epoch, -1);
	if (e->has_val) {
		mdf_metr_metric(&r->m, "val_loss", e->val_loss, e->epoch, -1);
		mdf_metr_metric(&r->m, "val_accuracy", e->val.accuracy, e->epoch, -1);
		mdf_metr_metric(&r->m, "val_precision", e->val.precision, e->epoch, -1);
		mdf_metr_metric(&r->m, "val_recall", e->val.recall, e->epoch, -1);
		mdf_metr_metric(&r->m, "val_f1", e->val.f1, e->epoch, -1);
	}
	mdc_write(r->w, &r->m);
	return 0;
}

/* A new directory models/dnn-DATE-N. */
static char *
new_out_dir(void)
{
	static char buf[64];
	char stamp[32];
	time_t t = time(NULL);

	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", gmtime(&t));
	if (mkdir("models", 0777) < 0 && errno != EEXIST)
		mdc_die(EXIT_IOERR, "models: %s", strerror(errno));
	for (int i = 1; i < 1000; i++) {
		snprintf(buf, sizeof buf, "models/dnn-%s-%d", stamp, i);
		if (mkdir(buf, 0777) == 0)
			return buf;
		if (errno != EEXIST)
			break;
	}
	mdc_die(EXIT_IOERR, "%s: %s", buf, strerror(errno));
}

/* A vector network (input 1x1xW) takes its width from the data, as it
 * takes its class count: the first TENS frame of shape 1x1xN sets the
 * [net] width of TEXT to N (the cfg is checked again). */
static void
vector_width(char **text, const char *cfgpath, struct mdf_dnet_cfg *cfg,
    struct mdf_dset *ds, const struct mdf_typed *v)
{
	const struct mdf_tensor *t = &v->tensor;
	char why[1024], *p, *end, *out;

	if (cfg->h != 1 || cfg->c != 1 || v->kind != MDF_KIND_TENS)
		return;
	if (t->ndim != 3 || t->dims[0] != 1 || t->dims[1] != 1 ||
	    t->dims[2] == (uint64_t)cfg->w || t->dims[2] > 1u << 24)
		return;
	/* the width= line of [net], the first section */
	char *net = **text == '[' ? *text : strstr(*text, "\n["), *next;
	if (!net)
		return;
	next = strstr(net + 1, "\n[");
	for (p = net; (p = strstr(p, "width")) && (!next || p < next); p++)
		if (p[-1] == '\n' && p[5 + strspn(p + 5, " \t")] == '=')
			break;
	if (!p || (next && p > next))
		return;
	end = p + strcspn(p, "\n");
	if (!(out = malloc(strlen(*text) + 32)))
		mdc_die(EXIT_SOFTWARE, "out of memory");
	sprintf(out, "%.*swidth=%llu%s", (int)(p - *text), *text,
	    (unsigned long long)t->dims[2], end);
	if (mdf_dnet_cfg_check(cfgpath, out, cfg, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s with width=%llu from the data: %s", cfgpath,
		    (unsigned long long)t->dims[2], why);
	free(*text);
	*text = out;
	ds->w = cfg->w;
}

/* model.meta: the parameters, the result and the preparation of the
 * training frames (PREP, taken from the first one). */
static void
write_meta(const char *dir, const struct mdf_model_meta *prep, const char *classes,
    const struct mdf_dnet_cfg *cfg, const struct opts *o, const struct mdf_dset *ds,
    size_t ntrain, size_t nval, const struct mdf_dnet_fit *fit)
{
	struct mdf_model_meta mm = { 0 }, *m = &mm;
	char why[1024];

	if (mdf_model_meta_set(m, "classes", classes) < 0 ||
	    mdf_model_meta_setf(m, "width", "%d", cfg->w) < 0 ||
	    mdf_model_meta_setf(m, "height", "%d", cfg->h) < 0 ||
	    mdf_model_meta_setf(m, "channels", "%d", cfg->c) < 0 ||
	    mdf_model_meta_set(m, "net", o->net) < 0 ||
	    mdf_model_meta_setf(m, "data_digest", "fnv1a64:%016llx",
	    (unsigned long long)ds->digest) < 0 ||
	    mdf_model_meta_setf(m, "train_frames", "%zu", ntrain) < 0 ||
	    mdf_model_meta_setf(m, "val_frames", "%zu", nval) < 0 ||
	    mdf_model_meta_setf(m, "best_epoch", "%d", fit->best_epoch) < 0 ||
	    mdf_model_meta_setf(m, "best_val_accuracy", "%.6f", fit->best.val.accuracy) < 0 ||
	    mdf_model_meta_setf(m, "best_val_f1", "%.6f", fit->best.val.f1) < 0)
		mdc_die(EXIT_DATAERR, "%s/model.meta: a value cannot be written (net name?)", dir);
	for (int i = 0; i < prep->n; i++)
		if (mdf_model_meta_set(m, prep->key[i], prep->val[i]) < 0)
			mdc_die(EXIT_SOFTWARE, "out of memory");
	if (mdf_model_meta_write(dir, m, why, sizeof why) < 0)
		mdc_die(EXIT_IOERR, "%s", why);
	mdf_model_meta_free(m);
}

static void
write_text(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(fp = fopen(path, "w")) || fputs(text, fp) == EOF || fclose(fp) != 0)
		mdc_die(EXIT_IOERR, "%s: %s", path, strerror(errno));
}

/* split.txt: each part and the side it went to. */
static void
write_split(const char *dir, const struct mdf_dset *ds)
{
	char path[4096];
	FILE *fp;
	int *side = malloc(((size_t)ds->nparts + 1) * sizeof *side);

	if (!side)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (size_t i = 0; i < ds->n; i++)
		if (ds->it[i].part >= 0)
			side[ds->it[i].part] = ds->it[i].split;
	snprintf(path, sizeof path, "%s/split.txt", dir);
	if (!(fp = fopen(path, "w")))
		mdc_die(EXIT_IOERR, "%s: %s", path, strerror(errno));
	for (int p = 0; p < ds->nparts; p++)
		fprintf(fp, "%s\t%s\n", ds->parts[p],
		    side[p] == 0 ? "train" : side[p] == 1 ? "val" : "test");
	if (ferror(fp) | (fclose(fp) != 0))
		mdc_die(EXIT_IOERR, "%s: %s", path, strerror(errno));
	free(side);
}

/* Read the frames of IN into DS, passing on the others to R->w.  Each
 * frame's typed view is decoded once, here (from what mdf_read's check
 * decoded), and handed on: the first frame may set a vector network's
 * width, every frame adds to the preparation keys PREP records. */
static void
read_frames(struct mdf_reader *in, struct run *r, char **text, const char *cfgpath,
    struct mdf_dnet_cfg *cfg, struct mdf_dset *ds, struct mdf_model_meta *prep)
{
	struct mdf_frame f;
	struct mdf_typed v;
	char why[1024];
	int rc, vrc;

	mdf_frame_init(&f);
	while ((rc = mdf_read(in, &f)) > 0) {
		vrc = mdf_typed_view(&f, &v);
		if (v.kind != MDF_KIND_IMAG && v.kind != MDF_KIND_TENS) {
			mdc_write(r->w, &f);     /* not ours: pass through */
			continue;
		}
		if (vrc < 0)
			mdc_die_frame(in, EXIT_DATAERR, "bad %s frame: %s", f.type,
			    mdf_strerror(vrc));
		if (ds->n == 0)
			vector_width(text, cfgpath, cfg, ds, &v);
		/* the model records how its frames were made (what they share) */
		if (mdf_model_prep_take(prep, &f, ds->n == 0) < 0)
			mdc_die(EXIT_DATAERR, "%s: frame %llu: its preparation keys cannot be "
			    "recorded", mdf_reader_name(in),
			    (unsigned long long)mdf_reader_frame_index(in));
		if ((rc = mdf_dset_add(ds, &f, &v, 1, why, sizeof why)) < 0)
			mdc_die_frame(in, EXIT_DATAERR, "%s", why);
	}
	if (rc < 0)
		mdc_die_read(in, rc);
	mdf_frame_free(&f);
	if (ds->n == 0)
		mdc_die(EXIT_DATAERR, "%s: no IMAG or TENS frames to train on", mdf_reader_name(in));
	mdf_dset_finish_labels(ds);
	if (ds->nlabels < 2)
		mdc_die(EXIT_DATAERR, "%s: only one class (%s): nothing to learn",
		    mdf_reader_name(in), ds->labels[0]);
}

/* labels.txt, split.txt and the METR frame of parameters; returns the
 * class list "L1,L2,..." (allocated). */
static char *
write_params(struct run *r, const char *dir, const struct mdf_dset *ds,
    const struct opts *o, size_t ntrain, size_t nval)
{
	char why[1024], num[64], *classes;
	size_t ll = 1;

	for (int i = 0; i < ds->nlabels; i++)
		ll += strlen(ds->labels[i]) + 1;
	if (!(classes = malloc(ll)))
		mdc_die(EXIT_SOFTWARE, "out of memory");
	classes[0] = '\0';
	for (int i = 0; i < ds->nlabels; i++)
		strcat(strcat(classes, i ? "," : ""), ds->labels[i]);
	if (mdf_model_labels_write(dir, ds->labels, ds->nlabels, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s/labels.txt: %s", dir, why);
	write_split(dir, ds);
	mdf_metr_init(&r->m);
#define PARAM(K, FMT, V) (snprintf(num, sizeof num, FMT, V), mdf_metr_param(&r->m, K, num))
	mdf_metr_param(&r->m, "net", o->net);
	mdf_metr_param(&r->m, "classes", classes);
	PARAM("epochs", "%ld", o->epochs);
	PARAM("batch", "%ld", o->batch);
	PARAM("seed", "%ld", o->seed);
	mdf_metr_param(&r->m, "policy", o->policy);
	if (o->lr > 0)
		PARAM("lr", "%g", o->lr);
	PARAM("train_frames", "%zu", ntrain);
	PARAM("val_frames", "%zu", nval);
	PARAM("data_digest", "%016llx", (unsigned long long)ds->digest);
#undef PARAM
	mdc_write(r->w, &r->m);
	return classes;
}

/* The last METR frame: the best epoch and the model directory. */
static void
write_result(struct run *r, const char *dir, const struct mdf_dnet_fit *fit)
{
	char num[64], *abs = realpath(dir, NULL);

	mdf_frame_clear(&r->m);
	mdf_metr_init(&r->m);
	snprintf(num, sizeof num, "%d", fit->best_epoch);
	mdf_metr_param(&r->m, "best_epoch", num);
	mdf_metr_artifact(&r->m, abs ? abs : dir);
	free(abs);
	mdc_write(r->w, &r->m);
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct mdf_dset ds;
	struct mdf_dnet_cfg cfg;
	struct mdf_dnet *d;
	struct run r = { 0 };
	struct mdf_model_meta prep = { 0 };
	char why[1024], path[4096], *cfgpath, *text, *patched, *dir, *classes;
	int rc;

	mdc_init(argv[0]);
	parse(argc, argv, &o);
	dnncli_start(argv, (long)o.threads);

	/* the network first, so a bad cfg is refused before reading data */
	if ((rc = mdf_dnet_find_net(o.net, MILLDIR_SRCDIR, MILLDIR_PKGDATADIR, &cfgpath,
	    why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : EXIT_USAGE, "%s", why);
	if ((rc = mdf_dnet_cfg_read(cfgpath, &text, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : EXIT_DATAERR, "%s", why);
	if (mdf_dnet_cfg_check(cfgpath, text, &cfg, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s", why);

	mdf_dset_init(&ds, cfg.w, cfg.h, cfg.c);
	if (o.classes && mdf_dset_set_classes(&ds, o.classes, why, sizeof why) < 0)
		mdc_usage("%s", why);
	struct mdf_reader *in = mdc_open_in(o.input);
	r.w = mdc_open_out(0);
	mdf_frame_init(&r.m);
	read_frames(in, &r, &text, cfgpath, &cfg, &ds, &prep);
	int has_split = 0;
	for (size_t i = 0; i < ds.n; i++)
		has_split |= ds.it[i].split >= 0;
	if (o.val_split < 0 && !has_split)
		o.val_split = 0.2;
	if (mdf_dset_split(&ds, o.val_split, (unsigned)o.seed, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s: %s", mdf_reader_name(in), why);

	size_t ntrain = 0, nval = 0;
	for (size_t i = 0; i < ds.n; i++) {
		ntrain += ds.it[i].split == 0;
		nval += ds.it[i].split == 1;
	}
	long nb = (long)((ntrain + (size_t)o.batch - 1) / (size_t)o.batch);
	struct mdf_dnet_hyper hp = { (int)o.batch, o.lr, o.momentum, o.decay, o.policy,
		nb * o.epochs };
	if (mdf_dnet_cfg_patch(text, ds.nlabels, &hp, &patched, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s: %s", cfgpath, why);
	dir = o.out ? (char *)o.out : new_out_dir();
	if (o.out && mkdir(o.out, 0777) < 0 && errno != EEXIST)
		mdc_die(EXIT_IOERR, "%s: %s", o.out, strerror(errno));
	write_text(dir, "net.cfg", patched);
	snprintf(path, sizeof path, "%s/net.cfg", dir);
	if (mdf_dnet_cfg_check(path, patched, &cfg, why, sizeof why) < 0)
		mdc_die(EXIT_DATAERR, "%s", why);
	if (cfg.outputs != ds.nlabels)
		mdc_die(EXIT_DATAERR, "%s: the classifier does not feed [softmax] directly "
		    "(%d outputs for %d classes)", cfgpath, cfg.outputs, ds.nlabels);
	if ((rc = mdf_dnet_open(path, o.verbose, (unsigned)o.seed, &d, why, sizeof why)) < 0)
		mdc_die(EXIT_SOFTWARE, "%s", why);
	if (o.init && (rc = mdf_dnet_load(d, o.init, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : EXIT_DATAERR, "%s", why);
	classes = write_params(&r, dir, &ds, &o, ntrain, nval);

	struct mdf_dnet_fit fit = { .epochs = (int)o.epochs, .patience = (int)o.patience,
		.seed = (unsigned)o.seed, .on_epoch = on_epoch, .on_batch = on_batch, .ctx = &r };
	char best[4096], last[4096];
	snprintf(best, sizeof best, "%s/best.weights", dir);
	snprintf(last, sizeof last, "%s/last.weights", dir);
	fit.best_path = best;
	fit.last_path = last;
	r.tty = !o.quiet && isatty(STDERR_FILENO);
	r.batch = o.batch;
	r.t0 = now();
	if ((rc = mdf_dnet_fit(d, &ds, &fit, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_IOERR : EXIT_SOFTWARE, "%s", why);

	write_meta(dir, &prep, classes, &cfg, &o, &ds, ntrain, nval, &fit);
	write_result(&r, dir, &fit);
	mdc_close_out(r.w);

	mdf_model_meta_free(&prep);
	mdf_dnet_free(d);
	mdf_dset_free(&ds);
	mdf_frame_free(&r.m);
	mdf_reader_close(in);
	free(classes);
	free(text);
	free(patched);
	free(cfgpath);
	return 0;
}
