/* Writing a run of the file store: create or reopen it, log params, tags,
 * metrics (one O_APPEND write a value) and artifacts, end it, and mark it
 * KILLED from a signal handler. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"
#include <jansson.h>

/* The run's meta.yaml for STATUS; END is the end_time text ("null", a
 * number, or a marker to split at). */
static void
run_meta_text(const struct mdf_mlrun *r, const char *uri, int status,
    const char *end, struct mdf_sb *b)
{
	/* The fields of RunInfo plus the legacy ones, sorted by key. */
	ml_sb_yaml(b, "artifact_uri", uri);
	/* MLflow writes deleted_time: null for a live run (and ignores it on
	 * read). */
	mdf_sb_str(b, "deleted_time: null\n");
	mdf_sb_printf(b, "end_time: %s\n", end);
	mdf_sb_str(b, "entry_point_name: ''\n");
	ml_sb_yaml(b, "experiment_id", r->exp_id);
	mdf_sb_str(b, "lifecycle_stage: active\n");
	ml_sb_yaml(b, "run_id", r->id);
	ml_sb_yaml(b, "run_name", r->name);
	ml_sb_yaml(b, "run_uuid", r->id);
	mdf_sb_str(b, "source_name: ''\n");
	mdf_sb_str(b, "source_type: 4\n");
	mdf_sb_str(b, "source_version: ''\n");
	mdf_sb_printf(b, "start_time: %lld\n", (long long)r->start_ms);
	mdf_sb_printf(b, "status: %d\n", status);
	mdf_sb_str(b, "tags: []\n");
	ml_sb_yaml(b, "user_id", r->user);
}

static int
write_run_meta(struct mdf_mlrun *r, char *why, size_t whylen)
{
	char dest[PATH_MAX], art[PATH_MAX], uri[PATH_MAX * 3], end[32];
	struct mdf_sb b = {0}, k = {0};
	int rc, slot;

	if (ml_join(dest, sizeof dest, r->dir, "meta.yaml") < 0 ||
	    ml_join(art, sizeof art, r->dir, "artifacts") < 0 ||
	    ml_path_to_uri(art, uri, sizeof uri) < 0) {
		errno = ENAMETOOLONG;
		return ml_io_fail(why, whylen, r->dir);
	}
	if (r->end_ms < 0)
		strcpy(end, "null");
	else
		snprintf(end, sizeof end, "%lld", (long long)r->end_ms);
	run_meta_text(r, uri, r->status, end, &b);
	/* The KILLED version for mdf_mlrun_kill_async, split where the end
	 * time goes, into the slot a signal handler is not reading. */
	run_meta_text(r, uri, MDF_RUN_KILLED, "\001", &k);
	if (b.err || k.err) {
		free(b.s);
		free(k.s);
		mdf_why(why, whylen, 0, "out of memory");
		return MDF_E_NOMEM;
	}
	slot = !r->kslot;
	free(r->killed[slot]);
	r->killed[slot] = k.s;
	r->ksplit[slot] = (size_t)(strchr(k.s, '\001') - k.s);
	r->klen[slot] = k.len;
	r->kslot = slot;
	rc = ml_write_atomic(r->dir, &r->tmpseq, dest, b.s, b.len, why, whylen);
	/* A full disk has no room for the temporary, but meta.yaml's own
	 * block holds the new version (a few bytes longer at most): write it
	 * in place rather than leave the run RUNNING. */
	if (rc == MDF_E_IO && (errno == ENOSPC || errno == EDQUOT) &&
	    ml_rewrite_in_place(dest, b.s, b.len) == 0)
		rc = MDF_OK;
	free(b.s);
	return rc;
}

int
mdf_mlrun_remote(const struct mdf_mlrun *r)
{
	return r->st->http != NULL && r->spool == NULL;
}

int
mdf_mlrun_kill_async(struct mdf_mlrun *r)
{
	int slot = r->kslot, fd, n = 0;
	const char *t = r->killed[slot];
	char num[24], rev[24];
	struct timespec ts;
	long long ms;

	if (r->spool)
		return mdf_mlrun_kill_async(r->spool);
	if (t == NULL)
		return MDF_E_INVAL;
	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	/* No printf here: it is not async-signal-safe. */
	do
		rev[n++] = (char)('0' + ms % 10);
	while ((ms /= 10) > 0 && n < (int)sizeof rev);
	for (int i = 0; i < n; i++)
		num[i] = rev[n - 1 - i];
	fd = open(r->ktmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return MDF_E_IO;
	if (ml_write_all(fd, t, r->ksplit[slot]) < 0 || ml_write_all(fd, num, (size_t)n) < 0 ||
	    ml_write_all(fd, t + r->ksplit[slot] + 1, r->klen[slot] - r->ksplit[slot] - 1) < 0 ||
	    close(fd) < 0 || rename(r->ktmp, r->kdest) < 0) {
		unlink(r->ktmp);
		return MDF_E_IO;
	}
	return MDF_OK;
}

static int
write_kv(struct mdf_mlrun *r, const char *sub, const char *key,
    const char *value, char *why, size_t whylen)
{
	char dest[PATH_MAX];
	int n = snprintf(dest, sizeof dest, "%s/%s/%s", r->dir, sub, key);

	if (n < 0 || (size_t)n >= sizeof dest) {
		errno = ENAMETOOLONG;
		return ml_io_fail(why, whylen, key);
	}
	return ml_write_atomic(r->dir, &r->tmpseq, dest, value, strlen(value), why,
	    whylen);
}

int
mdf_mlrun_set_tag(struct mdf_mlrun *r, const char *key, const char *value,
    char *why, size_t whylen)
{
	if (!mdf_ml_key_valid(key)) {
		mdf_why(why, whylen, 0, "invalid tag name '%s'", key);
		return MDF_E_META;
	}
	if (strlen(value) > MDF_ML_TAG_MAX) {
		mdf_why(why, whylen, 0, "tag '%s': value longer than %d bytes", key,
		    MDF_ML_TAG_MAX);
		return MDF_E_META;
	}
	if (r->st->http)
		return ml_rr_tag(r, key, value, why, whylen);
	return write_kv(r, "tags", key, value, why, whylen);
}

int
mdf_mlrun_log_param(struct mdf_mlrun *r, const char *key, const char *value,
    char *why, size_t whylen)
{
	char path[PATH_MAX], *old;
	int rc;

	if (!mdf_ml_key_valid(key)) {
		mdf_why(why, whylen, 0, "invalid param name '%s'", key);
		return MDF_E_META;
	}
	if (strlen(value) > MDF_ML_PARAM_MAX) {
		mdf_why(why, whylen, 0, "param '%s': value longer than %d bytes", key,
		    MDF_ML_PARAM_MAX);
		return MDF_E_META;
	}
	if (r->st->http)
		return ml_rr_param(r, key, value, why, whylen);
	if (ml_pathf(path, sizeof path, "%s/params/%s", r->dir, key) < 0)
		return ml_io_fail(why, whylen, key);
	if (ml_read_text(path, &old, NULL) == 0) {
		rc = strcmp(old, value) == 0 ? MDF_OK : MDF_E_META;
		if (rc < 0)
			mdf_why(why, whylen, 0,
			    "param '%s' already logged as '%s', cannot change it to '%s'",
			    key, old, value);
		free(old);
		return rc;
	}
	return write_kv(r, "params", key, value, why, whylen);
}

/* Python's str(float): the shortest repr that reads back, "1.0" rather
 * than "1", nan/inf/-inf. */
static void
py_float(double v, char *out, size_t outlen)
{
	if (isnan(v)) {
		snprintf(out, outlen, "nan");
		return;
	}
	if (isinf(v)) {
		snprintf(out, outlen, v > 0 ? "inf" : "-inf");
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(out, outlen, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	if (!strpbrk(out, ".e"))
		strncat(out, ".0", outlen - strlen(out) - 1);
}

/* Append LINE to FD (O_APPEND) whole or not at all.  A full disk or a
 * file size limit (ENOSPC, EDQUOT, EFBIG) may take part of it: then the
 * rest is tried once more, which fails with the real reason, and the
 * file is cut back to its old end, so no reader meets a torn line.
 * -1 with errno on failure. */
static int
append_line(int fd, const char *line, size_t len)
{
	struct stat sb;
	ssize_t w;
	int e;

	if (fstat(fd, &sb) < 0)
		return -1;
	do
		w = write(fd, line, len);
	while (w < 0 && errno == EINTR);
	if (w == (ssize_t)len)
		return 0;
	if (w >= 0) {
		/* Short: the next write tells why (or, a space freed in
		 * between, finishes the line). */
		ssize_t w2;
		do
			w2 = write(fd, line + w, len - (size_t)w);
		while (w2 < 0 && errno == EINTR);
		if (w2 == (ssize_t)(len - (size_t)w))
			return 0;
		if (w2 >= 0)
			errno = ENOSPC;
	}
	e = errno;
	while (ftruncate(fd, sb.st_size) < 0 && errno == EINTR)
		;
	errno = e;
	return -1;
}

int
mdf_mlrun_log_metric(struct mdf_mlrun *r, const char *key, double value,
    int64_t ts, int64_t step, char *why, size_t whylen)
{
	char path[PATH_MAX], num[40], line[128];
	int fd, n;

	if (!mdf_ml_key_valid(key)) {
		mdf_why(why, whylen, 0, "invalid metric name '%s'", key);
		return MDF_E_META;
	}
	if (ts < 0)
		ts = ml_now_ms();
	if (r->st->http)
		return ml_rr_metric(r, key, value, ts, step, why, whylen);
	py_float(value, num, sizeof num);
	n = snprintf(line, sizeof line, "%lld %s %lld\n", (long long)ts, num,
	    (long long)step);
	if (ml_pathf(path, sizeof path, "%s/metrics/%s", r->dir, key) < 0 ||
	    ml_mkdirs_for(path) < 0)
		return ml_io_fail(why, whylen, path);
	/* One write(2) on O_APPEND: concurrent or killed writers leave whole
	 * lines only. */
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
	if (fd < 0)
		return ml_io_fail(why, whylen, path);
	if (append_line(fd, line, (size_t)n) < 0) {
		ml_io_fail(why, whylen, path);
		close(fd);
		return MDF_E_IO;
	}
	if (close(fd) < 0)
		return ml_io_fail(why, whylen, path);
	return MDF_OK;
}

/* mdf_mlrun_create on a tracking server. */
static int
create_rest(struct mdf_mlstore *st, const char *exp_id,
    const struct mdf_mlrun_opts *o, struct mdf_mlrun **out, char *why,
    size_t whylen)
{
	struct mdf_mlrun *r;
	char name[64], hex[33];
	int rc;

	if (o->run_name && !ml_name_valid(o->run_name, MDF_ML_TAG_MAX)) {
		mdf_why(why, whylen, 0, "invalid run name '%s'", o->run_name);
		return MDF_E_INVAL;
	}
	if ((r = calloc(1, sizeof *r)) == NULL)
		return mdf_why(why, whylen, 0, "out of memory"), MDF_E_NOMEM;
	r->st = st;
	snprintf(r->exp_id, sizeof r->exp_id, "%s", exp_id);
	if (ml_random_hex(hex, 16) < 0) {
		free(r);
		return ml_io_fail(why, whylen, "getrandom");
	}
	snprintf(name, sizeof name, "metriclog-%.8s", hex);
	r->name = strdup(o->run_name ? o->run_name : name);
	r->user = strdup(o->user ? o->user : "");
	r->start_ms = o->start_ms >= 0 ? o->start_ms : ml_now_ms();
	r->end_ms = -1;
	r->status = MDF_RUN_RUNNING;
	if (r->name == NULL || r->user == NULL)
		rc = MDF_E_NOMEM;
	else
		rc = ml_rr_create(st, exp_id, r, o->parent, o->source, why, whylen);
	if (rc < 0) {
		mdf_mlrun_close(r);
		return rc;
	}
	*out = r;
	return MDF_OK;
}

int
mdf_mlrun_create(struct mdf_mlstore *st, const char *exp_id,
    const struct mdf_mlrun_opts *o, struct mdf_mlrun **out, char *why,
    size_t whylen)
{
	static const char *const subs[] = {"metrics", "params", "tags", "artifacts"};
	struct mdf_mlrun *r;
	char expdir[PATH_MAX], *text = NULL, name[64];
	int rc;

	*out = NULL;
	if (st->http)
		return create_rest(st, exp_id, o, out, why, whylen);
	if (ml_join(expdir, sizeof expdir, st->root, exp_id) < 0 || !ml_id_valid(exp_id, 63))
		return mdf_why(why, whylen, 0, "invalid experiment id '%s'", exp_id), MDF_E_INVAL;
	ml_read_meta(expdir, &text);
	if (text == NULL) {
		mdf_why(why, whylen, 0, "%s: no such experiment", expdir);
		return MDF_E_INVAL;
	}
	free(text);
	if (o->run_name && !ml_name_valid(o->run_name, MDF_ML_TAG_MAX)) {
		mdf_why(why, whylen, 0, "invalid run name '%s'", o->run_name);
		return MDF_E_INVAL;
	}
	if ((r = calloc(1, sizeof *r)) == NULL)
		return mdf_why(why, whylen, 0, "out of memory"), MDF_E_NOMEM;
	r->st = st;
	snprintf(r->exp_id, sizeof r->exp_id, "%s", exp_id);
	for (;;) {
		if (ml_random_hex(r->id, 16) < 0) {
			rc = ml_io_fail(why, whylen, "getrandom");
			goto fail;
		}
		if (ml_join(r->dir, sizeof r->dir, expdir, r->id) < 0) {
			rc = ml_io_fail(why, whylen, expdir);
			goto fail;
		}
		if (mkdir(r->dir, 0777) == 0)
			break;
		if (errno != EEXIST) {
			rc = ml_io_fail(why, whylen, r->dir);
			goto fail;
		}
	}
	/* The subdirectories first: a run with a meta.yaml is complete for
	 * MLflow 3's get_run, one without is skipped by every reader. */
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		char p[PATH_MAX];
		if (ml_join(p, sizeof p, r->dir, subs[i]) < 0 || mkdir(p, 0777) < 0) {
			rc = ml_io_fail(why, whylen, r->dir);
			goto fail;
		}
	}
	snprintf(name, sizeof name, "metriclog-%.8s", r->id);
	r->name = strdup(o->run_name ? o->run_name : name);
	r->user = strdup(o->user ? o->user : "");
	if (r->name == NULL || r->user == NULL) {
		rc = MDF_E_NOMEM;
		mdf_why(why, whylen, 0, "out of memory");
		goto fail;
	}
	r->start_ms = o->start_ms >= 0 ? o->start_ms : ml_now_ms();
	if (ml_pathf(r->ktmp, sizeof r->ktmp, "%s/.tmp-%ld-killed", r->dir,
	    (long)getpid()) < 0 || ml_pathf(r->kdest, sizeof r->kdest, "%s/meta.yaml",
	    r->dir) < 0) {
		rc = ml_io_fail(why, whylen, r->dir);
		goto fail;
	}
	r->end_ms = -1;
	r->status = MDF_RUN_RUNNING;
	if ((rc = mdf_mlrun_set_tag(r, "mlflow.runName", r->name, why, whylen)) < 0 ||
	    (rc = mdf_mlrun_set_tag(r, "mlflow.user", r->user, why, whylen)) < 0 ||
	    (rc = mdf_mlrun_set_tag(r, "mlflow.source.name",
	        o->source ? o->source : "", why, whylen)) < 0 ||
	    (rc = mdf_mlrun_set_tag(r, "mlflow.source.type", "LOCAL", why, whylen)) < 0 ||
	    (o->parent && (rc = mdf_mlrun_set_tag(r, "mlflow.parentRunId", o->parent,
	        why, whylen)) < 0) ||
	    (rc = write_run_meta(r, why, whylen)) < 0)
		goto fail;
	*out = r;
	return MDF_OK;
fail:
	mdf_mlrun_close(r);
	return rc;
}

int
mdf_mlrun_reopen(struct mdf_mlstore *st, const struct mdf_runinfo *info,
    struct mdf_mlrun **out, char *why, size_t whylen)
{
	struct mdf_mlrun *r;

	*out = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return mdf_why(why, whylen, 0, "out of memory"), MDF_E_NOMEM;
	r->st = st;
	snprintf(r->exp_id, sizeof r->exp_id, "%s", info->exp_id);
	if (strlen(info->id) >= sizeof r->id) {
		mdf_mlrun_close(r);
		return mdf_why(why, whylen, 0, "run id '%s' too long", info->id), MDF_E_INVAL;
	}
	memcpy(r->id, info->id, strlen(info->id) + 1);
	r->name = strdup(info->name);
	r->user = strdup(info->user);
	r->start_ms = info->start_time;
	r->end_ms = info->end_time;
	r->status = info->status;
	if (r->name == NULL || r->user == NULL) {
		mdf_mlrun_close(r);
		return mdf_why(why, whylen, 0, "out of memory"), MDF_E_NOMEM;
	}
	if (st->http) {
		r->pend_m = json_array();
		r->pend_p = json_array();
		r->pend_t = json_array();
		*out = r;
		return MDF_OK;
	}
	if (ml_pathf(r->dir, sizeof r->dir, "%s", info->dir) < 0 ||
	    ml_pathf(r->ktmp, sizeof r->ktmp, "%s/.tmp-%ld-killed", r->dir,
	    (long)getpid()) < 0 || ml_pathf(r->kdest, sizeof r->kdest, "%s/meta.yaml",
	    r->dir) < 0) {
		mdf_mlrun_close(r);
		return ml_io_fail(why, whylen, info->dir);
	}
	*out = r;
	return MDF_OK;
}

const char *
mdf_mlrun_id(const struct mdf_mlrun *r)
{
	return r->id;
}

const char *
mdf_mlrun_dir(const struct mdf_mlrun *r)
{
	return r->dir;
}

int
mdf_mlrun_set_name(struct mdf_mlrun *r, const char *name, char *why,
    size_t whylen)
{
	char *s;
	int rc;

	if (!ml_name_valid(name, MDF_ML_TAG_MAX)) {
		mdf_why(why, whylen, 0, "invalid run name '%s'", name);
		return MDF_E_META;
	}
	if ((s = strdup(name)) == NULL)
		return MDF_E_NOMEM;
	free(r->name);
	r->name = s;
	if ((rc = mdf_mlrun_set_tag(r, "mlflow.runName", name, why, whylen)) < 0 ||
	    r->st->http)
		return rc;
	return write_run_meta(r, why, whylen);
}

int
mdf_mlrun_end(struct mdf_mlrun *r, int status, int64_t end_ms, char *why,
    size_t whylen)
{
	r->status = status;
	r->end_ms = end_ms >= 0 ? end_ms : ml_now_ms();
	if (r->st->http)
		return ml_rr_end(r, why, whylen);
	return write_run_meta(r, why, whylen);
}

void
mdf_mlrun_close(struct mdf_mlrun *r)
{
	if (r == NULL)
		return;
	if (r->st && r->st->http)
		ml_rr_close(r);
	free(r->name);
	free(r->user);
	free(r->killed[0]);
	free(r->killed[1]);
	for (size_t i = 0; i < r->nroots; i++)
		free(r->roots[i]);
	free(r->roots);
	free(r);
}

int
mdf_mlrun_tmp_path(struct mdf_mlrun *r, char *out, size_t outlen)
{
	return ml_pathf(out, outlen, "%s/.tmp-%ld-%u", r->st->http ? r->tmpdir : r->dir,
	    (long)getpid(), r->tmpseq++) < 0 ? MDF_E_INVAL : MDF_OK;
}

static int
artifact_dest(struct mdf_mlrun *r, const char *name, char *dest, size_t len,
    char *why, size_t whylen)
{
	int n;

	if (!ml_artifact_name_valid(name)) {
		mdf_why(why, whylen, 0, "invalid artifact name '%s'", name);
		return MDF_E_INVAL;
	}
	n = snprintf(dest, len, "%s/artifacts/%s", r->dir, name);
	if (n < 0 || (size_t)n >= len) {
		errno = ENAMETOOLONG;
		return ml_io_fail(why, whylen, name);
	}
	return MDF_OK;
}

int
mdf_mlrun_publish(struct mdf_mlrun *r, const char *tmp, const char *name,
    char *why, size_t whylen)
{
	char dest[PATH_MAX];
	int rc = artifact_dest(r, name, dest, sizeof dest, why, whylen);

	if (rc < 0) {
		unlink(tmp);
		return rc;
	}
	if (r->st->http) {
		rc = ml_rr_artifact(r, tmp, name, 1, why, whylen);
		unlink(tmp);
		return rc;
	}
	if (ml_mkdirs_for(dest) < 0 || rename(tmp, dest) < 0) {
		rc = ml_io_fail(why, whylen, dest);
		unlink(tmp);
	}
	return rc;
}

int
mdf_mlrun_artifact_data(struct mdf_mlrun *r, const char *name,
    const void *data, size_t len, char *why, size_t whylen)
{
	char dest[PATH_MAX];
	int rc = artifact_dest(r, name, dest, sizeof dest, why, whylen);

	if (rc < 0)
		return rc;
	if (r->st->http) {
		char tmp[PATH_MAX];
		int fd;
		if (mdf_mlrun_tmp_path(r, tmp, sizeof tmp) < 0 ||
		    (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
			return ml_io_fail(why, whylen, r->tmpdir);
		if (ml_write_all(fd, data, len) < 0 || close(fd) < 0) {
			unlink(tmp);
			return ml_io_fail(why, whylen, tmp);
		}
		return mdf_mlrun_publish(r, tmp, name, why, whylen);
	}
	return ml_write_atomic(r->dir, &r->tmpseq, dest, data, len, why, whylen);
}

/* Copy the regular file SRC to DEST through a temporary in the run. */
static int
copy_file(struct mdf_mlrun *r, const char *src, const char *dest, char *why,
    size_t whylen)
{
	char tmp[PATH_MAX], buf[65536];
	int in, outfd, rc = MDF_OK;
	ssize_t n;

	if ((in = open(src, O_RDONLY | O_CLOEXEC)) < 0)
		return ml_io_fail(why, whylen, src);
	mdf_mlrun_tmp_path(r, tmp, sizeof tmp);
	if ((outfd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0) {
		rc = ml_io_fail(why, whylen, tmp);
		close(in);
		return rc;
	}
	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = ml_io_fail(why, whylen, src);
			break;
		}
		if (ml_write_all(outfd, buf, (size_t)n) < 0) {
			rc = ml_io_fail(why, whylen, dest);
			break;
		}
	}
	close(in);
	if (close(outfd) < 0 && rc == 0)
		rc = ml_io_fail(why, whylen, dest);
	if (rc == 0 && (ml_mkdirs_for(dest) < 0 || rename(tmp, dest) < 0))
		rc = ml_io_fail(why, whylen, dest);
	if (rc < 0)
		unlink(tmp);
	return rc;
}

/* Copy SRC to DEST; TOP is the real path of the artifact being copied:
 * a symbolic link inside it must lead to a file inside it (a model
 * directory linking to its own weights), never out of it. */
static int
copy_tree(struct mdf_mlrun *r, const char *top, const char *src,
    const char *dest, int depth, char *why, size_t whylen)
{
	struct stat sb;
	DIR *d;
	struct dirent *de;
	int rc = MDF_OK;

	if (lstat(src, &sb) < 0)
		return ml_io_fail(why, whylen, src);
	if (S_ISLNK(sb.st_mode)) {
		char real[PATH_MAX];
		if (realpath(src, real) == NULL || stat(real, &sb) < 0)
			return ml_io_fail(why, whylen, src);
		if (depth > 0 && !ml_path_within(real, top)) {
			mdf_why(why, whylen, 0, "%s: a symbolic link out of the artifact "
			    "directory (to %s) is not copied", src, real);
			return MDF_E_META;
		}
	}
	if (S_ISREG(sb.st_mode))
		return copy_file(r, src, dest, why, whylen);
	if (!S_ISDIR(sb.st_mode))
		return MDF_OK; /* sockets, fifos: nothing to copy */
	if (depth > 64) {
		errno = ELOOP;
		return ml_io_fail(why, whylen, src);
	}
	if (ml_mkdir_p(dest) < 0)
		return ml_io_fail(why, whylen, dest);
	if ((d = opendir(src)) == NULL)
		return ml_io_fail(why, whylen, src);
	while (rc == 0 && (de = readdir(d)) != NULL) {
		char s[PATH_MAX], t[PATH_MAX];
		struct stat lsb;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (ml_join(s, sizeof s, src, de->d_name) < 0 ||
		    ml_join(t, sizeof t, dest, de->d_name) < 0) {
			rc = ml_io_fail(why, whylen, src);
			break;
		}
		/* A link to a directory could loop: copy linked files only. */
		if (lstat(s, &lsb) == 0 && S_ISLNK(lsb.st_mode) && ml_is_dir(s))
			continue;
		rc = copy_tree(r, top, s, t, depth + 1, why, whylen);
	}
	closedir(d);
	return rc;
}

/* The last component of SRC ("models/m1/" -> "m1") into BASE. */
static int
artifact_basename(const char *src, char *base, size_t len, char *why,
    size_t whylen)
{
	size_t n = strlen(src);
	const char *b;

	while (n > 1 && src[n - 1] == '/')
		n--;
	for (b = src + n; b > src && b[-1] != '/'; b--)
		;
	if ((size_t)(src + n - b) >= len) {
		errno = ENAMETOOLONG;
		return ml_io_fail(why, whylen, src);
	}
	memcpy(base, b, (size_t)(src + n - b));
	base[src + n - b] = '\0';
	if (*base == '\0' || *base == '/' || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0) {
		mdf_why(why, whylen, 0, "%s: cannot name an artifact after it", src);
		return MDF_E_INVAL;
	}
	return MDF_OK;
}

int
mdf_mlrun_artifact_roots(struct mdf_mlrun *r, const char *const *dirs,
    size_t n, char *why, size_t whylen)
{
	char real[PATH_MAX], **v;

	if ((v = calloc(n ? n : 1, sizeof *v)) == NULL)
		return mdf_why(why, whylen, 0, "out of memory"), MDF_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (realpath(dirs[i], real) == NULL || !ml_is_dir(real)) {
			int e = ml_is_dir(dirs[i]) ? errno : ENOTDIR;
			while (i > 0)
				free(v[--i]);
			free(v);
			errno = e;
			return ml_io_fail(why, whylen, dirs[i]);
		}
		if ((v[i] = strdup(real)) == NULL) {
			while (i > 0)
				free(v[--i]);
			free(v);
			return mdf_why(why, whylen, 0, "out of memory"), MDF_E_NOMEM;
		}
	}
	for (size_t i = 0; i < r->nroots; i++)
		free(r->roots[i]);
	free(r->roots);
	r->roots = v;
	r->nroots = n;
	return MDF_OK;
}

/* May an artifact record name SRC: a regular file or directory whose real
 * path lies below one of the run's artifact roots (default: the working
 * directory)?  Not /proc/self/environ, not ~/.ssh, not a link out. */
static int
artifact_allowed(struct mdf_mlrun *r, const char *src, char *why, size_t whylen)
{
	char real[PATH_MAX], wd[PATH_MAX], cwd[PATH_MAX];
	struct stat sb;
	int ok = 0;

	if (realpath(src, real) == NULL || stat(real, &sb) < 0)
		return ml_io_fail(why, whylen, src);
	if (r->nroots == 0) {
		if (getcwd(wd, sizeof wd) == NULL || realpath(wd, cwd) == NULL)
			return ml_io_fail(why, whylen, ".");
		ok = ml_path_within(real, cwd);
	}
	for (size_t i = 0; i < r->nroots && !ok; i++)
		ok = ml_path_within(real, r->roots[i]);
	if (!ok) {
		mdf_why(why, whylen, 0, "artifact %s is outside the working directory%s "
		    "(see --artifact-root)", src, r->nroots ? " and the artifact roots" : "");
		return MDF_E_META;
	}
	if (!S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
		mdf_why(why, whylen, 0, "artifact %s is not a regular file or directory", src);
		return MDF_E_META;
	}
	return MDF_OK;
}

int
mdf_mlrun_artifact(struct mdf_mlrun *r, const char *src, const char *name,
    char *why, size_t whylen)
{
	char base[PATH_MAX], dest[PATH_MAX], top[PATH_MAX];
	struct stat sb;
	int rc;

	if (name == NULL) {
		if ((rc = artifact_basename(src, base, sizeof base, why, whylen)) < 0)
			return rc;
		name = base;
	}
	if (stat(src, &sb) < 0 || realpath(src, top) == NULL)
		return ml_io_fail(why, whylen, src);
	if ((rc = artifact_dest(r, name, dest, sizeof dest, why, whylen)) < 0)
		return rc;
	if (r->st->http)
		rc = ml_rr_artifact(r, src, name, S_ISREG(sb.st_mode), why, whylen);
	else
		rc = copy_tree(r, top, src, dest, 0, why, whylen);
	return rc < 0 ? rc : S_ISDIR(sb.st_mode) ? 1 : 0;
}

int
mdf_mlrun_log_metr(struct mdf_mlrun *r, const struct mdf_frame *f,
    size_t *line, char *why, size_t whylen)
{
	struct mdf_metr_rec *rec = malloc(sizeof *rec); /* 8 KiB: not on the stack */
	char base[PATH_MAX];
	size_t pos = 0;
	int rc;

	*line = 0;
	if (rec == NULL)
		return mdf_why(why, whylen, 0, "out of memory"), MDF_E_NOMEM;
	while ((rc = mdf_metr_next(f, &pos, rec, line)) > 0) {
		switch (rec->kind) {
		case MDF_METR_PARAM:
			rc = mdf_mlrun_log_param(r, rec->key, rec->value, why, whylen);
			break;
		case MDF_METR_TAG:
			rc = strcmp(rec->key, "mlflow.runName") == 0 ?
			    mdf_mlrun_set_name(r, rec->value, why, whylen) :
			    mdf_mlrun_set_tag(r, rec->key, rec->value, why, whylen);
			break;
		case MDF_METR_METRIC:
			rc = mdf_mlrun_log_metric(r, rec->key, rec->num, rec->timestamp,
			    rec->step, why, whylen);
			break;
		case MDF_METR_ARTIFACT:
			rc = artifact_allowed(r, rec->value, why, whylen);
			if (rc == 0)
				rc = mdf_mlrun_artifact(r, rec->value, NULL, why, whylen);
			/* The model of the run is its last directory artifact. */
			if (rc == 1 && (rc = artifact_basename(rec->value, base,
			    sizeof base, why, whylen)) == 0)
				rc = mdf_mlrun_set_tag(r, "milldir.model", base, why, whylen);
			break;
		}
		if (rc < 0)
			goto out;
	}
	if (rc < 0)
		mdf_why(why, whylen, 0, "malformed METR record");
	else if (r->st->http)
		rc = ml_rr_flush(r, why, whylen);  /* one batch per frame */
out:
	free(rec);
	return rc < 0 ? rc : MDF_OK;
}
