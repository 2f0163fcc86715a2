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

#define LOCK_NAME ".metriclog.lock"

struct mdf_mlstore {
	char root[PATH_MAX];
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

#endif
