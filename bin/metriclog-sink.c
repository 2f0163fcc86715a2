/* metriclog's sink: a stream of METR and PRED frames logged as one run
 * (signals end it KILLED), and the runs start and end (a sweep's parent). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "milldir/frame.h"
#include "milldir/metrics.h"
#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "metriclog.h"

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
int
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
int
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

/* The table on standard error; labels and the split come from the
 * stream, so they are escaped. */
static void
summary(const struct mdf_eval_group *g, const struct mdf_metrics *m)
{
	char **lab = calloc(m->n ? m->n : 1, sizeof *lab), *split = escaped(g->split);
	size_t w = 5;

	for (uint32_t k = 0; lab && k < m->n; k++)
		if ((lab[k] = escaped(g->labels[k])) == NULL)
			lab = NULL;
	if (lab == NULL || split == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (uint32_t k = 0; k < m->n; k++)
		if (strlen(lab[k]) > w)
			w = strlen(lab[k]);
	if (w < 12)
		w = 12;
	fprintf(stderr, "%s: %s%s%llu samples, accuracy %.4f, log-loss %.4f\n",
	    mdc_prog, split, *split ? ": " : "", (unsigned long long)m->total,
	    m->accuracy, m->logloss);
	fprintf(stderr, "%-*s  precision  recall     f1  support\n", (int)w, "class");
	for (uint32_t k = 0; k < m->n; k++)
		fprintf(stderr, "%-*s  %9.4f  %6.4f  %6.4f  %7llu\n", (int)w,
		    lab[k], m->cls[k].precision, m->cls[k].recall,
		    m->cls[k].f1, (unsigned long long)m->cls[k].support);
	fprintf(stderr, "%-*s  %9.4f  %6.4f  %6.4f  %7llu\n", (int)w, "macro avg",
	    m->macro_precision, m->macro_recall, m->macro_f1,
	    (unsigned long long)m->total);
	fprintf(stderr, "%-*s  %9.4f  %6.4f  %6.4f  %7llu\n", (int)w, "weighted avg",
	    m->weighted_precision, m->weighted_recall, m->weighted_f1,
	    (unsigned long long)m->total);
	for (uint32_t k = 0; k < m->n; k++)
		free(lab[k]);
	free(lab);
	free(split);
}

static void
log_group(struct sink *s, const struct mdf_eval_group *g)
{
	struct mdf_metrics m = {0};

	store_check(s, mdf_mlrun_log_eval(s->run, g, &m, why, sizeof why), "");
	if (!s->quiet)
		summary(g, &m);
	mdf_metrics_free(&m);
}

int
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

