/* metriclog's queries (runs, best, show, compare: tables with stored
 * names escaped), register (the model registry), push and sync. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "milldir/frame.h"
#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "metriclog.h"

/* metriclog push --store DIR / metriclog sync: the finished runs of a
 * file store (the spool for sync) to the tracking server, once. */
int
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

int
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

int
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
int
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

int
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

int
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

