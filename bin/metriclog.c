/* metriclog: log METR and PRED frames as an MLflow run in a file store,
 * and query the store (runs, best, show, compare). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "milldir/frame.h"
#include "milldir/metrics.h"
#include "milldir/mlstore.h"
#include "milldir/png.h"
#include "milldir/types.h"

static const char usage_text[] =
"Usage: metriclog [OPTION]... [FILE]\n"
"       metriclog start [--experiment NAME] [--run-name NAME] [--parent RUN]\n"
"       metriclog end RUN [--status finished|failed|killed]\n"
"       metriclog runs [--experiment NAME] [--parent RUN] [--align] [--store DIR]\n"
"       metriclog best [--metric KEY] [--min|--max] [--latest] [--experiment NAME]\n"
"                      [--parent RUN] [--store DIR]\n"
"       metriclog show RUN [--store DIR]\n"
"       metriclog push --store DIR --tracking-uri URL\n"
"       metriclog sync [--tracking-uri URL]\n"
"       metriclog compare RUN... [--align] [--store DIR]\n"
"       metriclog register NAME [--alias ALIAS] [--metric KEY] [--min|--max]\n"
"                      [--latest] [--experiment NAME] [--parent RUN]\n"
"Log METR and PRED frames as one MLflow run; query the runs.\n"
"\n"
"  -e, --experiment NAME  experiment (default $MLFLOW_EXPERIMENT_NAME or Default)\n"
"  -n, --run-name NAME    the run's name\n"
"  -p, --parent RUN       nest the run under RUN (tag mlflow.parentRunId);\n"
"                         runs, best: only the children of RUN\n"
"      --status STATUS    end: finished (default), failed or killed\n"
"      --artifact-root DIR  artifact records may also name files below DIR\n"
"                         (default: only below the working directory)\n"
"  -s, --store DIR        file store (default $MLFLOW_TRACKING_URI or ./mlruns)\n"
"      --tracking-uri URL a tracking server, http(s)://HOST[:PORT][/PREFIX]\n"
"                         (default $MLFLOW_TRACKING_URI when it is one)\n"
"  -t, --tee              copy every input frame to standard output\n"
"  -q, --quiet            no summary on standard error\n"
"  -a, --align            runs, compare: align columns (default on a terminal)\n"
"  -m, --metric KEY       best: the metric to rank by (default val_f1)\n"
"      --min, --max       best: lower or higher is better (default --max)\n"
"      --latest           best: rank by the latest value, not the run's best\n"
"      --alias ALIAS      register: the alias moved to the new version\n"
"                         (default champion)\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n";

struct opts {
	const char *experiment, *run_name, *store, *metric, *parent, *status, *uri, *alias;
	int tee, quiet, minimize, latest, align;
	const char *cmd;        /* the command, NULL: the sink */
	const char *roots[64];  /* "." and each --artifact-root */
	size_t nroots;
};

static char why[1024];

static _Noreturn void
usage_ok(void)
{
	mdc_help(usage_text);
}

static void
parse(int argc, char **argv, struct opts *o)
{
	static const struct option lo[] = {
		{"experiment", required_argument, NULL, 'e'},
		{"run-name", required_argument, NULL, 'n'},
		{"store", required_argument, NULL, 's'},
		{"tee", no_argument, NULL, 't'},
		{"quiet", no_argument, NULL, 'q'},
		{"metric", required_argument, NULL, 'm'},
		{"min", no_argument, NULL, 'l'},
		{"max", no_argument, NULL, 'g'},
		{"latest", no_argument, NULL, 'L'},
		{"align", no_argument, NULL, 'a'},
		{"parent", required_argument, NULL, 'p'},
		{"status", required_argument, NULL, 'S'},
		{"artifact-root", required_argument, NULL, 'R'},
		{"tracking-uri", required_argument, NULL, 'U'},
		{"alias", required_argument, NULL, 'A'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, ":ae:n:p:s:tqm:hV", lo, NULL)) != -1) {
		switch (c) {
		case 'e': o->experiment = optarg; break;
		case 'n': o->run_name = optarg; break;
		case 's': o->store = optarg; break;
		case 't': o->tee = 1; break;
		case 'q': o->quiet = 1; break;
		case 'm': o->metric = optarg; break;
		case 'l': o->minimize = 1; break;
		case 'g': o->minimize = 0; break;
		case 'L': o->latest = 1; break;
		case 'a': o->align = 1; break;
		case 'p': o->parent = optarg; break;
		case 'S': o->status = optarg; break;
		case 'U': o->uri = optarg; break;
		case 'A': o->alias = optarg; break;
		case 'R':
			if (o->nroots == sizeof o->roots / sizeof o->roots[0])
				mdc_usage("too many --artifact-root options");
			o->roots[o->nroots++] = optarg;
			break;
		default: mdc_option(c, argv, usage_ok);
		}
	}
}

static struct mdf_mlstore *
open_store(const struct opts *o, int create)
{
	char root[PATH_MAX];
	struct mdf_mlstore *st;
	int rc;

	if (o->uri && o->store)
		mdc_usage("--store and --tracking-uri name two stores");
	if (o->uri && strncmp(o->uri, "http://", 7) != 0 && strncmp(o->uri, "https://", 8) != 0)
		mdc_usage("--tracking-uri must be an http:// or https:// URL");
	if (mdf_mlstore_resolve(o->uri ? NULL : o->store, o->uri ? o->uri :
	    getenv("MLFLOW_TRACKING_URI"), root, sizeof root, why, sizeof why) < 0)
		mdc_die(EXIT_USAGE, "MLFLOW_TRACKING_URI: %s", why);
	if ((rc = mdf_mlstore_open(root, create, &st, why, sizeof why)) < 0) {
		if (!create && errno == ENOENT)
			return NULL;
		mdc_die(rc == MDF_E_IO ? EXIT_IOERR : EXIT_USAGE, "%s", why);
	}
	return st;
}

static void
find_run(struct mdf_mlstore *st, const char *what, struct mdf_runinfo *r)
{
	int rc = st ? mdf_mlstore_find_run(st, what, r, why, sizeof why) : 0;

	if (rc < 0)
		mdc_die(rc == MDF_E_META ? EXIT_USAGE : EXIT_IOERR, "%s", why);
	if (rc == 0)
		mdc_die(EXIT_NOINPUT, "no run '%s'", what);
}

/* --- the sink ------------------------------------------------------- */

/* The experiment of a new run: --experiment, else the parent's (a child
 * lives beside its parent, where MLflow's UI nests it), else
 * $MLFLOW_EXPERIMENT_NAME, else Default.  Then create the run, with
 * mlflow.parentRunId when --parent names one. */
static struct mdf_mlrun *
begin_run(struct opts *o, struct mdf_mlstore *st, char exp_id[32])
{
	struct mdf_mlrun_opts ro = {o->run_name, NULL, "metriclog", -1, NULL};
	static struct mdf_runinfo parent;
	struct mdf_mlrun *run;
	struct passwd *pw;
	int rc;

	if (o->parent) {
		find_run(st, o->parent, &parent);
		if (o->experiment && strcmp(o->experiment, parent.exp_name) != 0)
			mdc_usage("parent run %s is in experiment '%s', not '%s'",
			    parent.id, parent.exp_name, o->experiment);
		o->experiment = parent.exp_name;
		ro.parent = parent.id;
	}
	if (o->experiment == NULL)
		o->experiment = getenv("MLFLOW_EXPERIMENT_NAME");
	if (o->experiment == NULL || *o->experiment == '\0')
		o->experiment = "Default";
	if ((rc = mdf_mlstore_experiment(st, o->experiment, 1, exp_id, why,
	    sizeof why)) < 0)
		mdc_die(rc == MDF_E_INVAL ? EXIT_USAGE : rc == MDF_E_META ? EXIT_IOERR :
		    EXIT_IOERR, "%s", why);
	if (rc == 3)
		mdc_warn("%s", why);
	ro.user = getenv("USER");
	if (ro.user == NULL && (pw = getpwuid(getuid())) != NULL)
		ro.user = pw->pw_name;
	if ((rc = mdf_mlrun_create(st, exp_id, &ro, &run, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_INVAL ? EXIT_USAGE : rc == MDF_E_META ? EXIT_IOERR :
		    EXIT_IOERR, "%s", why);
	return run;
}

/* metriclog start: a RUNNING run (a sweep's parent) whose id is printed,
 * for children (--parent) and for metriclog end. */
static int
cmd_start(struct opts *o, int argc, char **argv)
{
	struct mdf_mlstore *st;
	struct mdf_mlrun *run;
	char exp_id[32];

	(void)argv;
	if (argc > 0)
		mdc_usage("start takes no FILE");
	st = open_store(o, 1);
	run = begin_run(o, st, exp_id);
	printf("%s\n", mdf_mlrun_id(run));
	mdf_mlrun_close(run);
	mdf_mlstore_close(st);
	mdc_close_stdout();
	return 0;
}

/* metriclog end RUN: set its status (FINISHED by default) and end time. */
static int
cmd_end(struct opts *o, int argc, char **argv)
{
	static const struct { const char *name; int status; } st_names[] = {
		{"finished", MDF_RUN_FINISHED}, {"failed", MDF_RUN_FAILED},
		{"killed", MDF_RUN_KILLED},
	};
	struct mdf_mlstore *st;
	struct mdf_runinfo info;
	struct mdf_mlrun *run;
	int status = 0, rc;

	if (argc != 1)
		mdc_usage("end needs exactly one RUN");
	for (size_t i = 0; i < 3; i++)
		if (o->status == NULL || strcasecmp(o->status, st_names[i].name) == 0) {
			status = st_names[i].status;
			break;
		}
	if (status == 0)
		mdc_usage("--status must be finished, failed or killed, not '%s'", o->status);
	st = open_store(o, 0);
	find_run(st, argv[0], &info);
	if ((rc = mdf_mlrun_reopen(st, &info, &run, why, sizeof why)) < 0 ||
	    (rc = mdf_mlrun_end(run, status, -1, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_NOMEM ? EXIT_SOFTWARE : EXIT_IOERR, "%s", why);
	mdf_mlrun_close(run);
	mdf_runinfo_free(&info);
	mdf_mlstore_close(st);
	return 0;
}


/* The run being logged, for the signal handler, and the signal that
 * asked a run on a tracking server to end. */
static struct mdf_mlrun *volatile live_run;
static volatile sig_atomic_t got_signal;

/* SIGINT, SIGTERM, SIGHUP, SIGPIPE (a --tee reader gone): mark the run
 * KILLED, then die of the signal.  A file store's run is marked here
 * (async-signal-safe); a handler cannot speak HTTP, so a run on a
 * tracking server is ended by killed() at the next frame, or when the
 * read the signal interrupts returns (no SA_RESTART).  A second signal
 * does not wait. */
static void
on_signal(int sig)
{
	struct mdf_mlrun *r = live_run;

	if (r && mdf_mlrun_remote(r) && !got_signal) {
		got_signal = sig;
		return;
	}
	if (r)
		mdf_mlrun_kill_async(r);
	signal(sig, SIG_DFL);
	raise(sig);
}

struct sink {
	struct mdf_mlrun *run;
	struct mdf_eval eval;
	int quiet;
};

/* A signal came for a run on a tracking server: end it KILLED with its
 * end time (sending what is pending first), then die of the signal. */
static void
killed(struct sink *s)
{
	int sig = got_signal;
	char w2[1024];

	if (sig == 0)
		return;
	live_run = NULL;
	if (mdf_mlrun_end(s->run, MDF_RUN_KILLED, -1, w2, sizeof w2) < 0)
		mdc_warn("%s", w2);
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

/* The --tee copy: a reader gone is SIGPIPE, for a REST run as well. */
static void
tee(struct sink *s, struct mdf_writer *out, struct mdf_frame *f)
{
	int rc = mdf_write(out, f);

	if (rc == MDF_E_IO && errno == EPIPE && live_run) {
		if (!got_signal)
			got_signal = SIGPIPE;
		killed(s);
	}
	if (rc == MDF_E_IO && errno == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	if (rc < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_IOERR : EXIT_SOFTWARE, "%s", mdf_writer_error(out));
}

/* End the run as STATUS and exit with CODE after MSG. */
static _Noreturn void
fail(struct sink *s, int status, int code, const char *msg)
{
	char w2[256];

	killed(s);   /* the error was the signal's (an interrupted read) */

	if (mdf_mlrun_end(s->run, status, -1, w2, sizeof w2) < 0)
		mdc_warn("%s", w2);
	live_run = NULL;
	mdc_die(code, "%s", msg);
}

static void
store_check(struct sink *s, int rc, const char *where)
{
	char msg[1400];

	if (rc >= 0)
		return;
	snprintf(msg, sizeof msg, "%s%s", where, why);
	fail(s, MDF_RUN_FAILED, rc == MDF_E_IO ? (errno == ENOENT ? EXIT_NOINPUT :
	    EXIT_IOERR) : rc == MDF_E_NOMEM ? EXIT_SOFTWARE : EXIT_DATAERR, msg);
}

static void
log_metr(struct sink *s, struct mdf_reader *in, struct mdf_frame *f)
{
	char where[512];
	size_t line;
	int rc = mdf_mlrun_log_metr(s->run, f, &line, why, sizeof why);

	snprintf(where, sizeof where, "%s: line %zu: ", mdc_where(in), line);
	store_check(s, rc, where);
}

static void
summary(const struct mdf_eval_group *g, const struct mdf_metrics *m)
{
	size_t w = 5;

	for (uint32_t k = 0; k < m->n; k++)
		if (strlen(g->labels[k]) > w)
			w = strlen(g->labels[k]);
	if (w < 12)
		w = 12;
	fprintf(stderr, "%s: %s%s%llu samples, accuracy %.4f, log-loss %.4f\n",
	    mdc_prog, g->split, *g->split ? ": " : "", (unsigned long long)m->total,
	    m->accuracy, m->logloss);
	fprintf(stderr, "%-*s  precision  recall     f1  support\n", (int)w, "class");
	for (uint32_t k = 0; k < m->n; k++)
		fprintf(stderr, "%-*s  %9.4f  %6.4f  %6.4f  %7llu\n", (int)w,
		    g->labels[k], m->cls[k].precision, m->cls[k].recall,
		    m->cls[k].f1, (unsigned long long)m->cls[k].support);
	fprintf(stderr, "%-*s  %9.4f  %6.4f  %6.4f  %7llu\n", (int)w, "macro avg",
	    m->macro_precision, m->macro_recall, m->macro_f1,
	    (unsigned long long)m->total);
	fprintf(stderr, "%-*s  %9.4f  %6.4f  %6.4f  %7llu\n", (int)w, "weighted avg",
	    m->weighted_precision, m->weighted_recall, m->weighted_f1,
	    (unsigned long long)m->total);
}

static void
log_group(struct sink *s, const struct mdf_eval_group *g)
{
	struct mdf_metrics m;
	char pre[300], key[600], ck[260], tmp[PATH_MAX], *tsv;
	size_t tsvlen;
	struct mdf_frame img;
	const struct {
		const char *name;
		double v;
	} *sc, scalars[] = {
		{"accuracy", 0}, {"precision", 0}, {"recall", 0}, {"f1", 0},
		{"weighted_precision", 0}, {"weighted_recall", 0},
		{"weighted_f1", 0}, {"log_loss", 0},
	};
	double vals[8];

	if (mdf_metrics_compute(&g->c, &m) < 0)
		fail(s, MDF_RUN_FAILED, EXIT_SOFTWARE, "out of memory");
	snprintf(pre, sizeof pre, "%s%s", g->split, *g->split ? "_" : "");
	vals[0] = m.accuracy; vals[1] = m.macro_precision; vals[2] = m.macro_recall;
	vals[3] = m.macro_f1; vals[4] = m.weighted_precision;
	vals[5] = m.weighted_recall; vals[6] = m.weighted_f1; vals[7] = m.logloss;
	for (size_t i = 0; i < 8; i++) {
		sc = &scalars[i];
		snprintf(key, sizeof key, "%s%s", pre, sc->name);
		store_check(s, mdf_mlrun_log_metric(s->run, key, vals[i], -1, 0, why,
		    sizeof why), "");
	}
	for (uint32_t k = 0; k < m.n; k++) {
		const char *what[3] = {"precision", "recall", "f1"};
		double v[3] = {m.cls[k].precision, m.cls[k].recall, m.cls[k].f1};
		mdf_metric_class_key(g->labels[k], ck, sizeof ck);
		for (int i = 0; i < 3; i++) {
			snprintf(key, sizeof key, "%s%s.%s", pre, what[i], ck);
			store_check(s, mdf_mlrun_log_metric(s->run, key, v[i], -1, 0, why,
			    sizeof why), "");
		}
	}
	if (mdf_confusion_tsv(&g->c, (const char *const *)g->labels, &tsv, &tsvlen) < 0)
		fail(s, MDF_RUN_FAILED, EXIT_SOFTWARE, "out of memory");
	snprintf(key, sizeof key, "%sconfusion.tsv", pre);
	store_check(s, mdf_mlrun_artifact_data(s->run, key, tsv, tsvlen, why,
	    sizeof why), "");
	free(tsv);
	mdf_frame_init(&img);
	if (mdf_confusion_heatmap(&g->c, (const char *const *)g->labels, &img) == 0) {
		mdf_mlrun_tmp_path(s->run, tmp, sizeof tmp);
		snprintf(key, sizeof key, "%sconfusion.png", pre);
		store_check(s, mdf_png_write(&img, tmp, why, sizeof why), "");
		store_check(s, mdf_mlrun_publish(s->run, tmp, key, why, sizeof why), "");
	}
	mdf_frame_free(&img);
	if (!s->quiet)
		summary(g, &m);
	mdf_metrics_free(&m);
}

static int
sink(struct opts *o, int argc, char **argv)
{
	const char *path = argc ? argv[0] : "-";
	struct sink s = {0};
	struct mdf_mlstore *st;
	struct mdf_reader *in;
	struct mdf_writer *out = NULL;
	struct mdf_frame f;
	struct sigaction sa;
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
	char exp_id[32];
	int rc;

	if (argc > 1)
		mdc_usage("too many arguments");

	/* Input and output first: a missing file or a terminal leaves the
	 * store untouched. */
	in = mdc_open_in(path);
	if (o->tee)
		out = mdc_open_out(0);
	st = open_store(o, 1);
	s.run = begin_run(o, st, exp_id);
	if (o->nroots > 1 && mdf_mlrun_artifact_roots(s.run, o->roots, o->nroots,
	    why, sizeof why) < 0)
		fail(&s, MDF_RUN_FAILED, EXIT_NOINPUT, why);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	live_run = s.run;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	/* A file size limit (ulimit -f) is an error to report, EFBIG, with
	 * the run marked FAILED, not a silent death. */
	signal(SIGXFSZ, SIG_IGN);
	s.quiet = o->quiet;
	mdf_eval_init(&s.eval);
	mdf_frame_init(&f);
	while ((rc = mdf_read(in, &f)) > 0) {
		if (mdf_frame_is(&f, "METR")) {
			log_metr(&s, in, &f);
		} else if ((rc = mdf_eval_add(&s.eval, &f, why, sizeof why)) < 0) {
			char msg[1400];
			snprintf(msg, sizeof msg, "%s: %s", mdc_where(in), why);
			fail(&s, MDF_RUN_FAILED, EXIT_DATAERR, msg);
		}
		if (out)
			tee(&s, out, &f);
		killed(&s);
	}
	if (rc < 0)
		fail(&s, MDF_RUN_FAILED, mdf_exit_code(rc), mdf_reader_error(in));
	for (size_t i = 0; i < s.eval.n; i++)
		log_group(&s, &s.eval.g[i]);
	store_check(&s, mdf_mlrun_end(s.run, MDF_RUN_FINISHED, -1, why, sizeof why), "");
	live_run = NULL;
	if (mdf_mlrun_spooled(s.run))
		mdc_warn("the tracking server could not be reached: the run is in the "
		    "spool, %s; send it with 'metriclog sync'", mdf_mlrun_spooled(s.run));
	else if (!o->quiet)
		fprintf(stderr, "%s: run %s in experiment '%s' (%s) finished\n",
		    mdc_prog, mdf_mlrun_id(s.run), o->experiment, exp_id);
	if (out)
		mdc_close_out(out);
	mdf_frame_free(&f);
	mdf_eval_free(&s.eval);
	mdf_reader_close(in);
	mdf_mlrun_close(s.run);
	mdf_mlstore_close(st);
	return 0;
}

/* metriclog push --store DIR / metriclog sync: the finished runs of a
 * file store (the spool for sync) to the tracking server, once. */
static int
cmd_push(struct opts *o, int argc, char **argv)
{
	const char *cmd = o->cmd;

	(void)argv;
	const char *uri = o->uri ? o->uri : getenv("MLFLOW_TRACKING_URI");
	char root[PATH_MAX], spool[PATH_MAX];
	struct mdf_mlstore *local, *dst;
	size_t n;
	int rc;

	if (argc > 0)
		mdc_usage("%s takes no argument", cmd);
	if (uri == NULL || (strncmp(uri, "http://", 7) != 0 && strncmp(uri, "https://", 8) != 0))
		mdc_usage("%s needs a tracking server: --tracking-uri or MLFLOW_TRACKING_URI", cmd);
	if (cmd[0] == 'p' && o->store == NULL)
		mdc_usage("push needs --store DIR");
	if (cmd[0] == 's' && mdf_mlstore_spool_dir(spool, sizeof spool) < 0)
		mdc_die(EXIT_IOERR, "spool directory name too long");
	if (mdf_mlstore_resolve(cmd[0] == 'p' ? o->store : spool, NULL, root, sizeof root,
	    why, sizeof why) < 0)
		mdc_die(EXIT_USAGE, "%s", why);
	if ((rc = mdf_mlstore_open(root, 0, &local, why, sizeof why)) < 0) {
		if (cmd[0] == 's' && errno == ENOENT)
			return 0;   /* nothing spooled */
		mdc_die(EXIT_NOINPUT, "%s", why);
	}
	if ((rc = mdf_mlstore_open(uri, 0, &dst, why, sizeof why)) < 0 ||
	    (rc = mdf_mlstore_push(local, dst, &n, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_NOMEM ? EXIT_SOFTWARE : EXIT_IOERR, "%s", why);
	if (!o->quiet)
		fprintf(stderr, "%s: %zu run%s sent to %s\n", mdc_prog, n, n == 1 ? "" : "s",
		    mdf_mlstore_root(dst));
	mdf_mlstore_close(dst);
	mdf_mlstore_close(local);
	return 0;
}

/* --- queries -------------------------------------------------------- */

struct runset {
	struct mdf_runinfo *v;
	size_t n;
};

/* All runs of experiment NAME (NULL: every experiment), oldest first;
 * with O_PARENT only the children of that run. */
static void
collect(struct mdf_mlstore *st, const char *name, const char *o_parent,
    struct runset *rs)
{
	struct mdf_runinfo parent;
	size_t k = 0;

	rs->v = NULL;
	rs->n = 0;
	if (st && mdf_mlstore_collect(st, name, &rs->v, &rs->n, why, sizeof why) < 0)
		mdc_die(EXIT_IOERR, "%s", why);
	if (o_parent == NULL)
		return;
	find_run(st, o_parent, &parent);
	for (size_t i = 0; i < rs->n; i++) {
		const char *p = mdf_runinfo_tag(&rs->v[i], "mlflow.parentRunId");
		if (p && strcmp(p, parent.id) == 0)
			rs->v[k++] = rs->v[i];
		else
			mdf_runinfo_free(&rs->v[i]);
	}
	rs->n = k;
	mdf_runinfo_free(&parent);
}

static const char *
fmt_time(int64_t ms, char *buf, size_t len)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (ms <= 0 || gmtime_r(&t, &tm) == NULL)
		return "-";
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

static const char *
fmt_num(double v, char *buf, size_t len)
{
	snprintf(buf, len, "%.6g", v);
	return buf;
}

/* Append KEY to the sorted unique list V. */
static void
add_key(const char ***v, size_t *n, const char *key)
{
	size_t i = 0;

	while (i < *n && strcmp((*v)[i], key) < 0)
		i++;
	if (i < *n && strcmp((*v)[i], key) == 0)
		return;
	if ((*v = realloc(*v, (*n + 1) * sizeof **v)) == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	memmove(*v + i + 1, *v + i, (*n - i) * sizeof **v);
	(*v)[i] = key;
	(*n)++;
}

/* The tables of runs and compare: TAB-separated, or aligned in columns
 * on a terminal and with --align.  Cells are kept until table_print. */
static struct {
	char **cell;   /* NULL ends a row */
	size_t n, cap;
} tab;

/* S as it may reach a terminal: control characters (C0, DEL, C1, ESC),
 * U+2028/U+2029 and bytes that are not UTF-8 as \xHH (mdc_escape), so a
 * stored name never drives the terminal or breaks a TAB-separated row.
 * Names without such characters are unchanged. */
static char *
escaped(const char *s)
{
	char *buf = NULL;
	size_t n;
	FILE *f = open_memstream(&buf, &n);

	if (f == NULL)
		return NULL;
	mdc_escape(f, s, strlen(s));
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* printf for show: every %s argument is a stored name, escaped. */
static void
say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			const char *a = va_arg(ap, const char *);
			mdc_escape(stdout, a, strlen(a));
			p++;
		} else {
			putchar(*p);
		}
	}
	va_end(ap);
}

static void
cell(const char *s)
{
	if (tab.n == tab.cap) {
		tab.cap = tab.cap ? tab.cap * 2 : 256;
		if ((tab.cell = realloc(tab.cell, tab.cap * sizeof *tab.cell)) == NULL)
			mdc_die(EXIT_SOFTWARE, "out of memory");
	}
	if (s && (s = escaped(s)) == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	tab.cell[tab.n++] = (char *)s;
}

static void
end_row(void)
{
	cell(NULL);
}

/* Characters, not bytes, for alignment: UTF-8 continuation bytes do not
 * count. */
static size_t
width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

static void
table_print(int align)
{
	size_t *w = NULL, nw = 0, col = 0;

	for (size_t i = 0; align && i < tab.n; i++, col++) {
		if (tab.cell[i] == NULL) {
			col = (size_t)-1;
			continue;
		}
		if (col >= nw) {
			if ((w = realloc(w, (col + 1) * sizeof *w)) == NULL)
				mdc_die(EXIT_SOFTWARE, "out of memory");
			while (nw <= col)
				w[nw++] = 0;
		}
		if (width(tab.cell[i]) > w[col])
			w[col] = width(tab.cell[i]);
	}
	col = 0;
	for (size_t i = 0; i < tab.n; i++) {
		if (tab.cell[i] == NULL) {
			putchar('\n');
			col = 0;
			continue;
		}
		if (col > 0)
			fputs(align ? "  " : "\t", stdout);
		fputs(tab.cell[i], stdout);
		/* pad all but a row's last cell */
		if (align && i + 1 < tab.n && tab.cell[i + 1] != NULL)
			for (size_t k = width(tab.cell[i]); k < w[col]; k++)
				putchar(' ');
		col++;
		free(tab.cell[i]);
	}
	free(tab.cell);
	free(w);
	memset(&tab, 0, sizeof tab);
}

static int
cmd_runs(struct opts *o, int argc, char **argv)
{
	struct mdf_mlstore *st;
	struct runset rs;
	const char **pk = NULL, **mk = NULL;
	size_t npk = 0, nmk = 0;
	char b[64];

	if (argc > 0)
		mdc_usage("unexpected argument '%s'", argv[0]);
	st = open_store(o, 0);
	collect(st, o->experiment, o->parent, &rs);
	for (size_t i = 0; i < rs.n; i++) {
		for (size_t j = 0; j < rs.v[i].nparams; j++)
			add_key(&pk, &npk, rs.v[i].params[j].key);
		/* Per-class metrics (KEY.CLASS) would make the table unreadable;
		 * show lists them. */
		for (size_t j = 0; j < rs.v[i].nmetrics; j++)
			if (strchr(rs.v[i].metrics[j].key, '.') == NULL)
				add_key(&mk, &nmk, rs.v[i].metrics[j].key);
	}
	cell("run"), cell("experiment"), cell("name"), cell("status"), cell("start");
	for (size_t j = 0; j < npk; j++)
		cell(pk[j]);
	for (size_t j = 0; j < nmk; j++)
		cell(mk[j]);
	end_row();
	for (size_t i = 0; i < rs.n; i++) {
		const struct mdf_runinfo *r = &rs.v[i];
		snprintf(b, sizeof b, "%.8s", r->id);
		cell(b), cell(r->exp_name), cell(r->name);
		cell(mdf_run_status_name(r->status));
		cell(fmt_time(r->start_time, b, sizeof b));
		for (size_t j = 0; j < npk; j++) {
			const char *v = mdf_runinfo_param(r, pk[j]);
			cell(v ? v : "-");
		}
		for (size_t j = 0; j < nmk; j++) {
			const struct mdf_ml_metric *m = mdf_runinfo_metric(r, mk[j]);
			cell(m ? fmt_num(m->value, b, sizeof b) : "-");
		}
		end_row();
	}
	table_print(o->align);
	free(pk);
	free(mk);
	mdf_runinfos_free(rs.v, rs.n);
	if (st)
		mdf_mlstore_close(st);
	mdc_close_stdout();
	return 0;
}

/* The index of the best FINISHED run of RS by --metric (exits 1 when
 * none has it). */
static long
best_run(struct opts *o, struct mdf_mlstore *st, struct runset *rs)
{
	const char *metric = o->metric ? o->metric : "val_f1";
	long b;

	collect(st, o->experiment, o->parent, rs);
	if (st && mdf_mlstore_fill_history(st, rs->v, rs->n, metric, why, sizeof why) < 0)
		mdc_die(EXIT_IOERR, "%s", why);
	b = mdf_ml_best(rs->v, rs->n, metric, (o->minimize ? MDF_ML_MIN : 0) |
	    (o->latest ? MDF_ML_LATEST : 0), NULL);
	if (b < 0) {
		mdc_warn("no finished run with metric '%s'%s%s%s", metric,
		    o->experiment ? " in experiment '" : "",
		    o->experiment ? o->experiment : "", o->experiment ? "'" : "");
		exit(1);
	}
	return b;
}

static int
cmd_best(struct opts *o, int argc, char **argv)
{
	struct mdf_mlstore *st;
	struct runset rs;
	char dir[PATH_MAX];
	long b;
	int rc;

	if (argc > 0)
		mdc_usage("unexpected argument '%s'", argv[0]);
	st = open_store(o, 0);
	b = best_run(o, st, &rs);

	if ((rc = mdf_mlstore_model_uri(st, &rs.v[b], dir, sizeof dir, why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : EXIT_DATAERR, "%s", why);
	if (rc == 0)
		mdc_warn("run %s has no model directory; printing its artifact directory",
		    rs.v[b].id);
	printf("%s\n", dir);
	mdf_runinfos_free(rs.v, rs.n);
	mdf_mlstore_close(st);
	mdc_close_stdout();
	return 0;
}

/* metriclog register NAME: the best run's model as a new version of the
 * registered model NAME, and --alias (champion) moved to it. */
static int
cmd_register(struct opts *o, int argc, char **argv)
{
	const char *alias = o->alias ? o->alias : "champion";
	struct mdf_mlstore *st;
	struct runset rs;
	char version[32];
	int created, rc;
	long b;

	if (argc != 1)
		mdc_usage("register needs exactly one NAME (the registered model)");
	if (!mdf_ml_model_name_valid(argv[0]))
		mdc_usage("invalid model name '%s' (letters, digits, '_', '.', '-' and inner "
		    "spaces, at most %d bytes)", argv[0], MDF_ML_MODEL_NAME_MAX);
	if (!mdf_ml_alias_valid(alias))
		mdc_usage("invalid alias '%s' (letters, digits, '_' and '-'; not 'latest', "
		    "not v and a number)", alias);
	st = open_store(o, 0);
	if (st == NULL || mdf_mlstore_root(st)[0] == '/')
		mdc_usage("the model registry needs a tracking server (--tracking-uri "
		    "http://...): metriclog does not write MLflow's file store registry "
		    "(mlruns/models/)");
	b = best_run(o, st, &rs);
	if ((rc = mdf_mlstore_register(st, &rs.v[b], argv[0], alias, version, &created,
	    why, sizeof why)) < 0)
		mdc_die(rc == MDF_E_INVAL ? EXIT_USAGE : rc == MDF_E_META ? EXIT_DATAERR :
		    rc == MDF_E_IO && errno == ENOENT ? EXIT_NOINPUT : EXIT_IOERR, "%s", why);
	printf("models:/%s/%s\n", argv[0], version);
	if (!o->quiet)
		fprintf(stderr, "%s: run %s %s version %s of model '%s'; alias '%s' -> "
		    "version %s\n", mdc_prog, rs.v[b].id, created ? "registered as" :
		    "already was", version, argv[0], alias, version);
	mdf_runinfos_free(rs.v, rs.n);
	mdf_mlstore_close(st);
	mdc_close_stdout();
	return 0;
}

static int
cmd_show(struct opts *o, int argc, char **argv)
{
	struct mdf_mlstore *st;
	struct mdf_runinfo r;
	char b[64], b2[64], dir[PATH_MAX];

	if (argc != 1)
		mdc_usage("show needs exactly one RUN");
	st = open_store(o, 0);
	find_run(st, argv[0], &r);
	say("run\t%s\nname\t%s\nexperiment\t%s (%s)\nuser\t%s\nstatus\t%s\n"
	    "start\t%s\nend\t%s\n", r.id, r.name, r.exp_name ? r.exp_name : "",
	    r.exp_id, r.user, mdf_run_status_name(r.status),
	    fmt_time(r.start_time, b, sizeof b),
	    r.end_time >= 0 ? fmt_time(r.end_time, b2, sizeof b2) : "-");
	if (mdf_runinfo_artifact_dir(&r, dir, sizeof dir) == 0)
		say("artifacts\t%s\n", dir);
	else if (*r.artifact_uri)
		say("artifacts\t%s\n", r.artifact_uri);
	for (size_t i = 0; i < r.nparams; i++)
		say("param\t%s\t%s\n", r.params[i].key, r.params[i].val);
	for (size_t i = 0; i < r.nmetrics; i++) {
		const struct mdf_ml_metric *m = &r.metrics[i];
		say("metric\t%s\t", m->key);
		printf("%s\tstep %lld", fmt_num(m->value, b, sizeof b), (long long)m->step);
		if (m->count > 1)
			printf("\t(%zu values, min %s, max %s)", m->count,
			    fmt_num(m->min, b, sizeof b), fmt_num(m->max, b2, sizeof b2));
		printf("\n");
	}
	for (size_t i = 0; i < r.ntags; i++)
		say("tag\t%s\t%s\n", r.tags[i].key, r.tags[i].val);
	mdf_runinfo_free(&r);
	mdf_mlstore_close(st);
	mdc_close_stdout();
	return 0;
}

static int
cmd_compare(struct opts *o, int argc, char **argv)
{
	struct mdf_mlstore *st;
	struct mdf_runinfo *r;
	const char **pk = NULL, **mk = NULL;
	size_t npk = 0, nmk = 0;
	char b[64];

	if (argc < 1)
		mdc_usage("compare needs at least one RUN");
	st = open_store(o, 0);
	if ((r = calloc((size_t)argc, sizeof *r)) == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (int i = 0; i < argc; i++) {
		find_run(st, argv[i], &r[i]);
		for (size_t j = 0; j < r[i].nparams; j++)
			add_key(&pk, &npk, r[i].params[j].key);
		for (size_t j = 0; j < r[i].nmetrics; j++)
			add_key(&mk, &nmk, r[i].metrics[j].key);
	}
	cell("key");
	for (int i = 0; i < argc; i++)
		snprintf(b, sizeof b, "%.8s", r[i].id), cell(b);
	end_row();
	cell("name");
	for (int i = 0; i < argc; i++)
		cell(r[i].name);
	end_row();
	cell("status");
	for (int i = 0; i < argc; i++)
		cell(mdf_run_status_name(r[i].status));
	end_row();
	for (size_t j = 0; j < npk; j++) {
		snprintf(b, sizeof b, "param %s", pk[j]);
		cell(b);
		for (int i = 0; i < argc; i++) {
			const char *v = mdf_runinfo_param(&r[i], pk[j]);
			cell(v ? v : "-");
		}
		end_row();
	}
	for (size_t j = 0; j < nmk; j++) {
		snprintf(b, sizeof b, "metric %s", mk[j]);
		cell(b);
		for (int i = 0; i < argc; i++) {
			const struct mdf_ml_metric *m = mdf_runinfo_metric(&r[i], mk[j]);
			cell(m ? fmt_num(m->value, b, sizeof b) : "-");
		}
		end_row();
	}
	table_print(o->align);
	free(pk);
	free(mk);
	for (int i = 0; i < argc; i++)
		mdf_runinfo_free(&r[i]);
	free(r);
	mdf_mlstore_close(st);
	mdc_close_stdout();
	return 0;
}

/* The commands and the options each accepts besides the common ones
 * (--store, --tracking-uri, --experiment, --quiet, --align). */
enum { O_TEE = 1, O_NAME = 2, O_RANK = 4, O_STATUS = 8, O_PARENT = 16, O_ALIAS = 32,
	O_ROOTS = 64, O_ALL = 127 };

static const struct command {
	const char *name;
	unsigned opts;
	int (*run)(struct opts *, int, char **);
} commands[] = {
	{NULL, O_ALL & ~(O_STATUS | O_ALIAS), sink},
	{"start", O_NAME | O_PARENT, cmd_start},
	{"end", O_STATUS, cmd_end},
	{"runs", O_PARENT, cmd_runs},
	{"best", O_RANK | O_PARENT, cmd_best},
	{"register", O_RANK | O_PARENT | O_ALIAS, cmd_register},
	{"show", 0, cmd_show},
	{"compare", 0, cmd_compare},
	{"push", O_ALL & ~O_ROOTS, cmd_push},
	{"sync", O_ALL & ~O_ROOTS, cmd_push},
};

int
main(int argc, char **argv)
{
	struct opts o = {0};
	const struct command *c = &commands[0];
	unsigned used;

	mdc_init(argv[0]);
	for (size_t i = 1; argc > 1 && i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			c = &commands[i];
			argv++;
			argc--;
		}
	o.cmd = c->name;
	o.align = isatty(STDOUT_FILENO);
	o.roots[o.nroots++] = ".";
	parse(argc, argv, &o);
	argc -= optind;
	argv += optind;
	used = (o.tee ? O_TEE : 0) | (o.run_name ? O_NAME : 0) |
	    (o.metric || o.minimize || o.latest ? O_RANK : 0) | (o.status ? O_STATUS : 0) |
	    (o.parent ? O_PARENT : 0) | (o.alias ? O_ALIAS : 0) | (o.nroots > 1 ? O_ROOTS : 0);
	if (c->name == NULL && (used & O_STATUS))
		mdc_usage("--status is for metriclog end");
	if (c->name && (used & O_ROOTS))
		mdc_usage("--artifact-root is for the logging command");
	if (used & ~c->opts)
		mdc_usage("option not valid with '%s'", c->name ? c->name : "the sink");
	return c->run(&o, argc, argv);
}
