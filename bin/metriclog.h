/* metriclog's commands (bin/metriclog*.c): the options they share, the
 * store helpers of bin/metriclog.c, and each command's entry point (the
 * command table is in bin/metriclog.c; the work is in lib/track/). */
#ifndef METRICLOG_H
#define METRICLOG_H

#include <stddef.h>

#include "milldir/mlstore.h"

struct opts {
	const char *experiment, *run_name, *store, *metric, *parent, *status, *uri, *alias;
	int tee, quiet, minimize, latest, align;
	const char *cmd;        /* the command, NULL: the sink */
	const char *roots[64];  /* "." and each --artifact-root */
	size_t nroots;
};

/* The reason of the last failed library call. */
extern char why[1024];

/* The store the options name (NULL when it does not exist and not CREATE). */
struct mdf_mlstore *open_store(const struct opts *o, int create);
/* The run WHAT names (an id, a unique id prefix or name), or exit. */
void find_run(struct mdf_mlstore *st, const char *what, struct mdf_runinfo *r);

/* S with control characters, U+2028/U+2029 and non-UTF-8 bytes as \xHH
 * (malloc'd; NULL when out of memory): what a stored or streamed name
 * becomes before it reaches a terminal. */
char *escaped(const char *s);

/* bin/metriclog-sink.c: logging a stream, and the runs start and end */
int sink(struct opts *o, int argc, char **argv);
int cmd_start(struct opts *o, int argc, char **argv);
int cmd_end(struct opts *o, int argc, char **argv);
/* bin/metriclog-query.c: queries, the registry, push and sync */
int cmd_runs(struct opts *o, int argc, char **argv);
int cmd_best(struct opts *o, int argc, char **argv);
int cmd_register(struct opts *o, int argc, char **argv);
int cmd_show(struct opts *o, int argc, char **argv);
int cmd_compare(struct opts *o, int argc, char **argv);
int cmd_push(struct opts *o, int argc, char **argv);

#endif
