/* Internal to lib/track: the handles of the file store and of a run
 * being written, the growable string, and the helpers the store's files
 * share (none exported: the library exports mdf_* only). */
#ifndef MILLDIR_TRACK_MLINT_H
#define MILLDIR_TRACK_MLINT_H

#include "common/common.h"
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include <stdio.h>

#define LOCK_NAME ".metriclog.lock"

struct ml_http;
typedef struct json_t json_t;

/* A store: a file store at ROOT, or a tracking server (HTTP set). */
struct mdf_mlstore {
	char root[PATH_MAX];
	struct ml_http *http;
	char *exp_name;       /* REST: the experiment last asked for (a run
	                       * that goes to the spool goes there by name) */
};

struct mdf_mlrun {
	struct mdf_mlstore *st;
	char dir[PATH_MAX];
	char id[33];
	char exp_id[32];
	char *name;
	char *user;
	int64_t start_ms, end_ms;
	int status;
	unsigned tmpseq;
	/* meta.yaml as KILLED, double-buffered for a signal handler: the
	 * handler reads killed[kslot], updates go to the other slot. */
	char *killed[2];
	size_t ksplit[2], klen[2];
	volatile sig_atomic_t kslot;
	char ktmp[PATH_MAX], kdest[PATH_MAX];
	/* Real paths of the directories an artifact record may name; none
	 * set: the working directory. */
	char **roots;
	size_t nroots;
	/* REST: the run's artifact URI, the records not sent yet (flushed
	 * by runs/log-batch), a local directory for temporaries, and the
	 * spool run that takes over when the server stays away. */
	char *artifact_uri;
	json_t *pend_m, *pend_p, *pend_t;
	char tmpdir[PATH_MAX];
	char *spool_exp;
	struct mdf_mlstore *spool_st;
	struct mdf_mlrun *spool;
};

/* mlfs.c: messages, paths, names, files */
int ml_io_fail(char *why, size_t whylen, const char *path);
int64_t ml_now_ms(void);
int ml_pathf(char *out, size_t outlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int ml_join(char *out, size_t outlen, const char *a, const char *b);
int ml_name_valid(const char *s, size_t max);
int ml_id_valid(const char *s, size_t max);
int ml_read_text(const char *path, char **out, size_t *outlen);
int ml_write_all(int fd, const void *data, size_t len);
int ml_mkdirs_for(const char *path);
int ml_mkdir_p(const char *path);
int ml_write_atomic(const char *tmpdir, unsigned *seq, const char *dest, const void *data, size_t len, char *why, size_t whylen);
int ml_path_to_uri(const char *path, char *out, size_t outlen);
int ml_uri_to_path(const char *uri, char *out, size_t outlen);
int ml_absolute(const char *path, char *out, size_t outlen);
int ml_is_dir(const char *path);
int ml_read_meta(const char *dir, char **text);
int ml_random_hex(char *out, size_t nbytes);
int ml_rewrite_in_place(const char *path, const void *data, size_t len);
int ml_artifact_name_valid(const char *name);
int ml_path_within(const char *p, const char *root);

/* yaml.c */
void ml_sb_yaml(struct mdf_sb *b, const char *key, const char *val);

/* http.c */
int ml_http_is_url(const char *s);
int ml_http_open(const char *url, struct ml_http **out, char *why, size_t whylen);
void ml_http_close(struct ml_http *h);
const char *ml_http_base(const struct ml_http *h);
int ml_http_set_retries(struct ml_http *h, int n);
void ml_http_backoff(const struct ml_http *h, int attempt);
int ml_http_request(struct ml_http *h, const char *method, const char *path,
    const char *ctype, const void *body, size_t len, FILE *up, struct mdf_sb *resp,
    FILE *down, char *why, size_t whylen);
/* MDF_OK with *OUT, MDF_E_INVAL for 404, MDF_E_META for another API
 * error (its error_code in CODE), MDF_E_IO when unreachable. */
int ml_http_json(struct ml_http *h, const char *method, const char *path,
    json_t *body, json_t **out, char *code, size_t codelen, char *why,
    size_t whylen);
char *ml_http_escape(struct ml_http *h, const char *s);

/* restrun.c: the REST side of runwrite.c */
int ml_rr_create(struct mdf_mlstore *st, const char *exp_id, struct mdf_mlrun *r,
    const char *parent, const char *source, char *why, size_t whylen);
int ml_rr_flush(struct mdf_mlrun *r, char *why, size_t whylen);
int ml_rr_tag(struct mdf_mlrun *r, const char *key, const char *value,
    char *why, size_t whylen);
int ml_rr_param(struct mdf_mlrun *r, const char *key, const char *value,
    char *why, size_t whylen);
int ml_rr_metric(struct mdf_mlrun *r, const char *key, double value,
    int64_t ts, int64_t step, char *why, size_t whylen);
int ml_rr_end(struct mdf_mlrun *r, char *why, size_t whylen);
int ml_rr_artifact(struct mdf_mlrun *r, const char *src, const char *name,
    int is_file, char *why, size_t whylen);
void ml_rr_close(struct mdf_mlrun *r);

#endif
