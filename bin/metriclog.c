/* metriclog: log METR and PRED frames as an MLflow run, in a file store
 * or on a tracking server, and query the runs (runs, best, show, compare,
 * register): the options, the store they name, and the command table.
 * The commands are in bin/metriclog-sink.c and bin/metriclog-query.c. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "milldir/frame.h"
#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "metriclog.h"

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

char why[1024];

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

struct mdf_mlstore *
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

void
find_run(struct mdf_mlstore *st, const char *what, struct mdf_runinfo *r)
{
	int rc = st ? mdf_mlstore_find_run(st, what, r, why, sizeof why) : 0;

	if (rc < 0)
		mdc_die(rc == MDF_E_META ? EXIT_USAGE : EXIT_IOERR, "%s", why);
	if (rc == 0)
		mdc_die(EXIT_NOINPUT, "no run '%s'", what);
}

/* S as it may reach a terminal: control characters (C0, DEL, C1, ESC),
 * U+2028/U+2029 and bytes that are not UTF-8 as \xHH (mdc_escape), so a
 * stored name never drives the terminal or breaks a TAB-separated row.
 * Names without such characters are unchanged. */
char *
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
