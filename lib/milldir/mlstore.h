/*
 * An MLflow file store ("mlruns" directory): create experiments and runs,
 * log params, metrics, tags and artifacts, and read them back.
 *
 * The layout is MLflow's FileStore (see metriclog(1)):
 *   ROOT/.trash/  ROOT/0/meta.yaml (Default)  ROOT/<exp>/meta.yaml
 *   ROOT/<exp>/<run>/{meta.yaml,metrics/,params/,tags/,artifacts/}
 * Crash safety: every file but a metric history is written to a temporary
 * file in the run (or experiment) directory and renamed into place; a
 * metric line is appended with one write(2) on an O_APPEND descriptor.
 * Experiments are created under flock(2) on ROOT/.metriclog.lock, so
 * concurrent writers never create one name twice.
 *
 * Two kinds of handle, named apart: struct mdf_mlrun is a run being
 * written (mdf_mlrun_set_tag, mdf_mlrun_log_param, mdf_mlrun_log_metric,
 * ...), struct mdf_runinfo a run as read back (mdf_runinfo_tag,
 * mdf_runinfo_param, ...).  The sources are in lib/track/: mlfs.c
 * (plumbing), yaml.c, store.c (experiments), runwrite.c, runread.c.
 *
 * Every function returns 0 (or a count) on success and a negative MDF_E_*
 * code on failure with a message in WHY; nothing here prints or exits.
 */
#ifndef MILLDIR_MLSTORE_H
#define MILLDIR_MLSTORE_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* MLflow RunStatus values as stored in meta.yaml. */
enum mdf_run_status {
	MDF_RUN_RUNNING = 1,
	MDF_RUN_SCHEDULED = 2,
	MDF_RUN_FINISHED = 3,
	MDF_RUN_FAILED = 4,
	MDF_RUN_KILLED = 5,
};
const char *mdf_run_status_name(int status);

/* MLflow's limits (mlflow/utils/validation.py). */
#define MDF_ML_KEY_MAX 250
#define MDF_ML_PARAM_MAX 6000
#define MDF_ML_TAG_MAX 8000
#define MDF_ML_EXPNAME_MAX 500

/* Is KEY a valid metric/param/tag key: ^[/\w.\- :]*$ (ASCII \w), 1..250
 * bytes, and equal to its normalised path (no "", ".", "..", leading or
 * doubled "/"). */
int mdf_ml_key_valid(const char *key);

/* Where the store is: ARG (a --store option, may be NULL), else the
 * environment value TRACKING_URI (may be NULL) when it is a path or a
 * file: URI, else "mlruns".  Writes an absolute path into OUT (0); an
 * http(s):// TRACKING_URI is copied as it is (1: a tracking server).
 * MDF_E_INVAL when TRACKING_URI is another kind of URI. */
int mdf_mlstore_resolve(const char *arg, const char *tracking_uri, char *out,
    size_t outlen, char *why, size_t whylen);

/* --- Writing -------------------------------------------------------- */

struct mdf_mlstore;
struct mdf_mlrun;

/* Open ROOT (absolute), creating it, .trash and experiment 0 "Default"
 * when CREATE and they are missing.  Without CREATE a missing root is
 * MDF_E_IO with errno ENOENT.  ROOT an http(s):// URL: the tracking
 * server there (REST; credentials and retries from the environment). */
int mdf_mlstore_open(const char *root, int create, struct mdf_mlstore **out,
    char *why, size_t whylen);
void mdf_mlstore_close(struct mdf_mlstore *st);
const char *mdf_mlstore_root(const struct mdf_mlstore *st);

/* The id of the active experiment NAME (into ID, 32 bytes), creating it
 * when missing and CREATE.  0 found, 1 created, 2 missing (without
 * CREATE; ID left empty), MDF_E_INVAL for a bad name.  3: a tracking
 * server that cannot be reached (ID empty): mdf_mlrun_create then
 * writes the run to the spool. */
int mdf_mlstore_experiment(struct mdf_mlstore *st, const char *name,
    int create, char id[32], char *why, size_t whylen);

struct mdf_mlrun_opts {
	const char *run_name;  /* NULL: "metriclog-" and 8 hex digits */
	const char *user;      /* user_id and mlflow.user */
	const char *source;    /* mlflow.source.name */
	int64_t start_ms;      /* < 0: now */
	const char *parent;    /* NULL, or the id of the parent run: the tag
	                        * mlflow.parentRunId nests this run under it */
};

/* Create a RUNNING run in experiment EXP_ID. */
int mdf_mlrun_create(struct mdf_mlstore *st, const char *exp_id,
    const struct mdf_mlrun_opts *o, struct mdf_mlrun **out, char *why,
    size_t whylen);
const char *mdf_mlrun_id(const struct mdf_mlrun *r);
const char *mdf_mlrun_dir(const struct mdf_mlrun *r);
/* Rename the run (meta.yaml run_name and the mlflow.runName tag). */
int mdf_mlrun_set_name(struct mdf_mlrun *r, const char *name, char *why,
    size_t whylen);
/* Params are immutable: logging an existing param with another value is
 * MDF_E_META; with the same value it is a no-op. */
int mdf_mlrun_log_param(struct mdf_mlrun *r, const char *key, const char *value,
    char *why, size_t whylen);
int mdf_mlrun_set_tag(struct mdf_mlrun *r, const char *key, const char *value,
    char *why, size_t whylen);
/* TS_MS < 0: now. */
int mdf_mlrun_log_metric(struct mdf_mlrun *r, const char *key, double value,
    int64_t ts_ms, int64_t step, char *why, size_t whylen);
/* Copy the file or directory SRC (recursively; symbolic links inside
 * it are followed for files that stay inside it, skipped for directories,
 * refused when they lead out of it) to artifacts/NAME, NAME
 * NULL meaning SRC's base name.  1 if SRC was a directory, 0 a file. */
int mdf_mlrun_artifact(struct mdf_mlrun *r, const char *src, const char *name,
    char *why, size_t whylen);
/* The directories (N of DIRS) below which an artifact record of a METR
 * frame may name a file or directory, by real path (symbolic links
 * resolved); without a call, the working directory only.  Anything else,
 * and anything but a regular file or directory, is refused (MDF_E_META):
 * a stream must not copy /proc/self/environ or ~/.ssh into a store. */
int mdf_mlrun_artifact_roots(struct mdf_mlrun *r, const char *const *dirs,
    size_t n, char *why, size_t whylen);
/* Write LEN bytes of DATA as artifacts/NAME. */
int mdf_mlrun_artifact_data(struct mdf_mlrun *r, const char *name,
    const void *data, size_t len, char *why, size_t whylen);
/* A temporary path in the run directory (for writers that want a path,
 * such as PNG) and its publication as artifacts/NAME by rename. */
int mdf_mlrun_tmp_path(struct mdf_mlrun *r, char *out, size_t outlen);
int mdf_mlrun_publish(struct mdf_mlrun *r, const char *tmp, const char *name,
    char *why, size_t whylen);
/* Log every record of the METR frame F: params, tags (mlflow.runName
 * renames the run), metrics, artifacts (copied; the last directory
 * becomes the milldir.model tag).  On failure *LINE is the 1-based
 * record; MDF_E_META for a malformed or refused record, MDF_E_IO with
 * errno for a file that cannot be copied or written. */
int mdf_mlrun_log_metr(struct mdf_mlrun *r, const struct mdf_frame *f,
    size_t *line, char *why, size_t whylen);
/* Set the status and end_time (< 0: now) in meta.yaml. */
int mdf_mlrun_end(struct mdf_mlrun *r, int status, int64_t end_ms, char *why,
    size_t whylen);
/* Mark the run KILLED with end_time now, from a signal handler: only
 * async-signal-safe calls (open, write, rename) on a meta.yaml prepared
 * at the last change.  Call it only while the handle is open. */
int mdf_mlrun_kill_async(struct mdf_mlrun *r);
/* Is R a run on a tracking server (not taken over by the spool)?  Such a
 * run cannot be marked from a signal handler: end it with mdf_mlrun_end
 * outside the handler.  Async-signal-safe. */
int mdf_mlrun_remote(const struct mdf_mlrun *r);
/* A run on a tracking server that could not be reached: the directory of
 * the spool run holding it (for metriclog sync), else NULL. */
const char *mdf_mlrun_spooled(const struct mdf_mlrun *r);
/* The spool directory: METRICLOG_SPOOL, else $XDG_STATE_HOME/milldir/spool,
 * else ~/.local/state/milldir/spool. */
int mdf_mlstore_spool_dir(char *out, size_t outlen);
/* Send every finished run of the file store LOCAL not yet pushed to the
 * server DST (metriclog push and sync): once, resumable; *PUSHED counts
 * the runs sent. */
int mdf_mlstore_push(struct mdf_mlstore *local, struct mdf_mlstore *dst,
    size_t *pushed, char *why, size_t whylen);
/* Log a classification evaluation (lib/track/evallog.c): the metrics of
 * the group G of PRED frames, computed into M (free it with
 * mdf_metrics_free, also on failure), with the split as a prefix, and the
 * confusion matrix as artifacts confusion.tsv and confusion.png. */
struct mdf_eval_group;
struct mdf_metrics;
int mdf_mlrun_log_eval(struct mdf_mlrun *r, const struct mdf_eval_group *g,
    struct mdf_metrics *m, char *why, size_t whylen);
/* Free the handle (does not change the run). */
void mdf_mlrun_close(struct mdf_mlrun *r);

/* --- Reading -------------------------------------------------------- */

struct mdf_ml_kv {
	char *key, *val;
};

struct mdf_ml_metric {
	char *key;
	double value;      /* latest: max by (step, timestamp, value) */
	int64_t step, ts;
	double min, max;   /* over the history, NaN ignored */
	size_t count;      /* values in the history */
};

struct mdf_ml_exp {
	char id[32];
	char *name;
	int64_t creation_time;
};

struct mdf_runinfo {
	char id[64];
	char exp_id[32];
	char *exp_name;
	char *name;
	char *artifact_uri;
	char *dir;         /* the run's directory in the store */
	char *user;
	int status;
	int64_t start_time, end_time; /* end_time -1: null */
	int deleted;
	struct mdf_ml_kv *params, *tags; /* sorted by key */
	size_t nparams, ntags;
	struct mdf_ml_metric *metrics;   /* sorted by key */
	size_t nmetrics;
};

/* Active experiments, sorted by id (numerically when both are numbers). */
int mdf_mlstore_experiments(struct mdf_mlstore *st, struct mdf_ml_exp **out,
    size_t *n, char *why, size_t whylen);
void mdf_ml_exps_free(struct mdf_ml_exp *e, size_t n);

/* Active runs of experiment EXP_ID, oldest first.  Runs without a
 * meta.yaml (being created, or a killed creator) are skipped, as MLflow
 * does. */
int mdf_mlstore_runs(struct mdf_mlstore *st, const char *exp_id,
    struct mdf_runinfo **out, size_t *n, char *why, size_t whylen);
/* Find one run in any active experiment by full id, unique id prefix (at
 * least 4 characters) or unique run name.  MDF_E_META when ambiguous,
 * 0 when not found, 1 when found. */
int mdf_mlstore_find_run(struct mdf_mlstore *st, const char *what,
    struct mdf_runinfo *out, char *why, size_t whylen);
void mdf_runinfo_free(struct mdf_runinfo *r);
void mdf_runinfos_free(struct mdf_runinfo *r, size_t n);
/* A handle on the existing run INFO (read by mdf_mlstore_find_run), to
 * end it (mdf_mlrun_end) or log into it: a parent run created by one
 * command and ended by another. */
int mdf_mlrun_reopen(struct mdf_mlstore *st, const struct mdf_runinfo *info,
    struct mdf_mlrun **out, char *why, size_t whylen);
/* Value of a param / tag / metric or NULL. */
const char *mdf_runinfo_param(const struct mdf_runinfo *r, const char *key);
const char *mdf_runinfo_tag(const struct mdf_runinfo *r, const char *key);
const struct mdf_ml_metric *mdf_runinfo_metric(const struct mdf_runinfo *r,
    const char *key);
/* Every active run of experiment NAME (NULL: of every experiment), with
 * exp_name set, oldest first. */
int mdf_mlstore_collect(struct mdf_mlstore *st, const char *name,
    struct mdf_runinfo **out, size_t *n, char *why, size_t whylen);

/* A tracking server's runs/search gives the latest metric values only:
 * fill count, min and max of KEY from its history for the FINISHED runs
 * of V (no-op on a file store), before mdf_ml_best. */
int mdf_mlstore_fill_history(struct mdf_mlstore *st, struct mdf_runinfo *v,
    size_t n, const char *key, char *why, size_t whylen);
/* What `best` prints for run R: on a file store its model directory
 * (mdf_runinfo_model_dir); on a tracking server runs:/ID/MODEL, checked
 * against the server's artifact listing (MDF_E_IO when gone). */
int mdf_mlstore_model_uri(struct mdf_mlstore *st, const struct mdf_runinfo *r,
    char *out, size_t outlen, char *why, size_t whylen);

/* Ranking for mdf_ml_best. */
#define MDF_ML_MIN 1      /* lower is better */
#define MDF_ML_LATEST 2   /* rank by the latest value, not the best one */

/* Index of the best FINISHED run by METRIC among V[0..N), or -1.  A run's
 * score is the best value in its history (the maximum, or the minimum with
 * MDF_ML_MIN), as the model of a run is the weights of its best epoch;
 * with MDF_ML_LATEST it is the latest value, as MLflow's search orders.
 * V is oldest first and a later run must be strictly better: ties go to
 * the older run.  NaN scores never win. */
long mdf_ml_best(const struct mdf_runinfo *v, size_t n, const char *metric,
    int flags, double *score);

/* The run's model directory: artifacts/MODEL, MODEL from the tag
 * milldir.model (1), else the artifact directory itself (0).  A tag that
 * is not a relative path inside the artifacts (.., absolute, a link out)
 * is MDF_E_META; a directory that does not exist (deleted) MDF_E_IO;
 * an artifact_uri that is not local MDF_E_INVAL. */
int mdf_runinfo_model_dir(const struct mdf_runinfo *r, char *out, size_t outlen,
    char *why, size_t whylen);

/* The local path of the run's artifact directory (from artifact_uri),
 * into OUT.  When that path does not exist but the run directory has an
 * artifacts/ (a store moved or copied: file URIs are absolute), that one.
 * MDF_E_INVAL when artifact_uri is not a local path. */
int mdf_runinfo_artifact_dir(const struct mdf_runinfo *r, char *out,
    size_t outlen);

/* --- The model registry and model references ----------------------- */

#define MDF_ML_MODEL_NAME_MAX 250

/* A registered model name milldir accepts: letters, digits, '_', '.', '-'
 * and inner spaces, 1..250 bytes (no quote can reach a search filter). */
int mdf_ml_model_name_valid(const char *s);
/* An alias: letters, digits, '_', '-'; not "latest", not v<digits>. */
int mdf_ml_alias_valid(const char *s);

/* Register the model directory of run R (the milldir.model tag) as a
 * version of the registered model NAME on the tracking server ST
 * (created when missing), then point ALIAS at that version.  A version of
 * NAME made from the same run and source before (a lost answer, a second
 * register) is reused, not made again: *CREATED says which.  The version
 * number into VERSION.  A file store: MDF_E_INVAL. */
int mdf_mlstore_register(struct mdf_mlstore *st, const struct mdf_runinfo *r,
    const char *name, const char *alias, char version[32], int *created,
    char *why, size_t whylen);

/* The model directory's own checks, run on a downloaded copy before it
 * enters the cache: 0, or a negative MDF_E_* code with a reason. */
typedef int (*mdf_ml_model_check)(const char *dir, char *why, size_t whylen);

/* Resolve a --model reference REF into a local directory OUT: a path is
 * copied (0); runs:/RUN_ID/PATH, models:/NAME@ALIAS and
 * models:/NAME/VERSION are resolved against TRACKING_URI (an http(s)://
 * server; runs:/ also a file store) and downloaded into the cache
 * ($XDG_CACHE_HOME or ~/.cache, /milldir/models/), checked with CHECK
 * (may be NULL), reused when there (1).  MDF_E_INVAL for a malformed
 * reference, MDF_E_IO with errno ENOENT for one that names nothing,
 * MDF_E_META for a model that fails CHECK. */
int mdf_ml_model_fetch(const char *ref, const char *tracking_uri,
    mdf_ml_model_check check, char *out, size_t outlen, char *why,
    size_t whylen);

/* --- The flat YAML of meta.yaml files ------------------------------- */

/* Value of top-level KEY in the YAML text S (plain, 'single' or "double"
 * quoted scalar; null and ~ give ""), malloc'd into *OUT.  1 found, 0
 * absent, MDF_E_NOMEM. */
int mdf_yaml_get(const char *s, const char *key, char **out);
/* Append KEY: VALUE to a buffer the way PyYAML's safe_dump writes a
 * string: plain when that reads back as the same string, else single
 * quoted. */
int mdf_yaml_put_str(char **buf, size_t *len, const char *key,
    const char *value);

#ifdef __cplusplus
}
#endif
#endif
