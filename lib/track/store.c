/* The file store and its experiments: where it is, opening it, listing
 * experiments, and get-or-create by name under flock(2). */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"
#include "track/rest.h"

int
mdf_mlstore_resolve(const char *arg, const char *uri, char *out, size_t outlen,
    char *why, size_t whylen)
{
	char path[PATH_MAX];
	const char *src = "mlruns";

	if (arg == NULL && ml_http_is_url(uri)) {
		if (strlen(uri) >= outlen) {
			mdf_why(why, whylen, 0, "tracking URI too long");
			return MDF_E_INVAL;
		}
		strcpy(out, uri);
		return 1;
	}
	if (arg != NULL && *arg) {
		src = arg;
	} else if (uri != NULL && *uri) {
		if (strncmp(uri, "file:", 5) == 0) {
			if (ml_uri_to_path(uri, path, sizeof path) < 0 || path[0] == '\0') {
				mdf_why(why, whylen, 0, "'%s' is not a usable file: URI", uri);
				return MDF_E_INVAL;
			}
			src = path;
		} else if (strstr(uri, "://") != NULL ||
		    (strchr(uri, ':') && strchr(uri, ':') < (strchr(uri, '/') ?
		    strchr(uri, '/') : uri + strlen(uri)))) {
			mdf_why(why, whylen, 0,
			    "'%s' is not a path, a file: URI or an http(s):// URL",
			    uri);
			return MDF_E_INVAL;
		} else {
			src = uri;
		}
	}
	if (ml_absolute(src, out, outlen) < 0)
		return ml_io_fail(why, whylen, src);
	return MDF_OK;
}

/* --- the store ------------------------------------------------------ */

static int
write_experiment_meta(struct mdf_mlstore *st, const char *id, const char *name,
    int64_t t, char *why, size_t whylen)
{
	char dir[PATH_MAX], dest[PATH_MAX], uri[PATH_MAX * 3];
	struct mdf_sb b = {0};
	unsigned seq = 0;
	int rc;

	if (ml_join(dir, sizeof dir, st->root, id) < 0 ||
	    ml_join(dest, sizeof dest, dir, "meta.yaml") < 0 ||
	    ml_path_to_uri(dir, uri, sizeof uri) < 0) {
		errno = ENAMETOOLONG;
		return ml_io_fail(why, whylen, st->root);
	}
	/* Keys sorted, as PyYAML's safe_dump writes them. */
	ml_sb_yaml(&b, "artifact_location", uri);
	mdf_sb_printf(&b, "creation_time: %lld\n", (long long)t);
	ml_sb_yaml(&b, "experiment_id", id);
	mdf_sb_printf(&b, "last_update_time: %lld\n", (long long)t);
	mdf_sb_str(&b, "lifecycle_stage: active\n");
	ml_sb_yaml(&b, "name", name);
	if (b.err) {
		free(b.s);
		mdf_why(why, whylen, 0, "out of memory");
		return MDF_E_NOMEM;
	}
	rc = ml_write_atomic(dir, &seq, dest, b.s, b.len, why, whylen);
	free(b.s);
	return rc;
}

/* Hold the store's lock (flock on ROOT/.metriclog.lock); -1 on failure. */
static int
lock_store(struct mdf_mlstore *st, char *why, size_t whylen)
{
	char path[PATH_MAX];
	int fd;

	if (ml_join(path, sizeof path, st->root, LOCK_NAME) < 0) {
		ml_io_fail(why, whylen, st->root);
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0) {
		ml_io_fail(why, whylen, path);
		return -1;
	}
	while (flock(fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			ml_io_fail(why, whylen, path);
			close(fd);
			return -1;
		}
	}
	return fd;
}

static void
unlock_store(int fd)
{
	close(fd); /* releases the flock */
}

int
mdf_mlstore_open(const char *root, int create, struct mdf_mlstore **out,
    char *why, size_t whylen)
{
	struct mdf_mlstore *st;
	char path[PATH_MAX], trash0[PATH_MAX];
	int rc = MDF_OK, lk;

	*out = NULL;
	if (ml_http_is_url(root)) {
		if ((st = calloc(1, sizeof *st)) == NULL)
			return mdf_why(why, whylen, 0, "out of memory"), MDF_E_NOMEM;
		if ((rc = ml_http_open(root, &st->http, why, whylen)) < 0) {
			free(st);
			return rc;
		}
		snprintf(st->root, sizeof st->root, "%s", ml_http_base(st->http));
		*out = st;
		return MDF_OK;
	}
	if (root[0] != '/' || strlen(root) >= sizeof st->root - 100) {
		mdf_why(why, whylen, 0, "%s: store path not ml_absolute or too long", root);
		return MDF_E_INVAL;
	}
	if ((st = calloc(1, sizeof *st)) == NULL) {
		mdf_why(why, whylen, 0, "out of memory");
		return MDF_E_NOMEM;
	}
	strcpy(st->root, root);
	if (!ml_is_dir(root)) {
		if (!create || ml_mkdir_p(root) < 0) {
			rc = ml_io_fail(why, whylen, root);
			free(st);
			return rc;
		}
	}
	if (create) {
		if ((lk = lock_store(st, why, whylen)) < 0) {
			free(st);
			return MDF_E_IO;
		}
		/* MLflow's FileStore() makes .trash, and the Default experiment
		 * when there is none (not even a deleted one). */
		if (ml_join(path, sizeof path, root, ".trash") < 0 ||
		    (mkdir(path, 0777) < 0 && errno != EEXIST)) {
			rc = ml_io_fail(why, whylen, path);
		} else if (ml_join(path, sizeof path, root, "0") < 0 ||
		    ml_join(trash0, sizeof trash0, root, ".trash/0") < 0) {
			rc = ml_io_fail(why, whylen, root);
		} else if (!ml_is_dir(path) && !ml_is_dir(trash0)) {
			if (mkdir(path, 0777) < 0)
				rc = ml_io_fail(why, whylen, path);
			else
				rc = write_experiment_meta(st, "0", "Default", ml_now_ms(),
				    why, whylen);
		}
		unlock_store(lk);
		if (rc < 0) {
			free(st);
			return rc;
		}
	}
	*out = st;
	return MDF_OK;
}

void
mdf_mlstore_close(struct mdf_mlstore *st)
{
	if (st == NULL)
		return;
	ml_http_close(st->http);
	free(st->exp_name);
	free(st);
}

const char *
mdf_mlstore_root(const struct mdf_mlstore *st)
{
	return st->root;
}

static int
cmp_ids(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int na = strspn(a, "0123456789") == la, nb = strspn(b, "0123456789") == lb;

	if (na && nb && la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static int
exp_cmp(const void *x, const void *y)
{
	return cmp_ids(((const struct mdf_ml_exp *)x)->id,
	    ((const struct mdf_ml_exp *)y)->id);
}

int
mdf_mlstore_experiments(struct mdf_mlstore *st, struct mdf_ml_exp **out,
    size_t *n, char *why, size_t whylen)
{
	if (st->http)
		return ml_rest_experiments(st->http, out, n, why, whylen);
	DIR *d = opendir(st->root);
	struct dirent *de;
	struct mdf_ml_exp *v = NULL;
	size_t cnt = 0, cap = 0;

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return ml_io_fail(why, whylen, st->root);
	while ((de = readdir(d)) != NULL) {
		char dir[PATH_MAX], *text, *name = NULL, *stage = NULL, *ct = NULL;
		if (!ml_id_valid(de->d_name, 31) || strcmp(de->d_name, "models") == 0)
			continue;
		if (ml_join(dir, sizeof dir, st->root, de->d_name) < 0 || !ml_is_dir(dir))
			continue;
		ml_read_meta(dir, &text);
		if (text == NULL)
			continue;
		if (mdf_yaml_get(text, "name", &name) == 1 &&
		    (mdf_yaml_get(text, "lifecycle_stage", &stage) != 1 ||
		    strcmp(stage, "deleted") != 0)) {
			if (cnt == cap) {
				struct mdf_ml_exp *nv;
				cap = cap ? cap * 2 : 16;
				if ((nv = realloc(v, cap * sizeof *v)) == NULL) {
					free(name);
					free(stage);
					free(text);
					closedir(d);
					mdf_ml_exps_free(v, cnt);
					mdf_why(why, whylen, 0, "out of memory");
					return MDF_E_NOMEM;
				}
				v = nv;
			}
			memset(&v[cnt], 0, sizeof v[cnt]);
			memcpy(v[cnt].id, de->d_name, strlen(de->d_name) + 1); /* ml_id_valid: <= 31 */
			v[cnt].name = name;
			name = NULL;
			if (mdf_yaml_get(text, "creation_time", &ct) == 1)
				v[cnt].creation_time = strtoll(ct, NULL, 10);
			free(ct);
			cnt++;
		}
		free(name);
		free(stage);
		free(text);
	}
	closedir(d);
	if (cnt)
		qsort(v, cnt, sizeof *v, exp_cmp);
	*out = v;
	*n = cnt;
	return MDF_OK;
}

void
mdf_ml_exps_free(struct mdf_ml_exp *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].name);
	free(e);
}

/* The next free integer id: one more than the largest numeric directory
 * name at the root or in .trash. */
static unsigned long long
next_exp_id(const char *root)
{
	unsigned long long max = 0;
	char trash[PATH_MAX];
	const char *dirs[2] = {root, trash};

	if (ml_join(trash, sizeof trash, root, ".trash") < 0)
		dirs[1] = NULL;
	for (int i = 0; i < 2 && dirs[i]; i++) {
		DIR *d = opendir(dirs[i]);
		struct dirent *de;
		if (d == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			const char *s = de->d_name;
			if (*s && strspn(s, "0123456789") == strlen(s) && strlen(s) < 19) {
				unsigned long long v = strtoull(s, NULL, 10);
				if (v > max)
					max = v;
			}
		}
		closedir(d);
	}
	return max + 1;
}

/* Is NAME the name of a deleted experiment (moved to .trash, or marked
 * deleted in place)?  MLflow refuses to create an experiment of that name
 * until the deleted one is restored or purged, and so do we: a new
 * experiment would silently split the history of the old one. */
static int
exp_deleted_named(const char *root, const char *name)
{
	char trash[PATH_MAX];
	const char *dirs[2] = {trash, root};
	int found = 0;

	if (ml_join(trash, sizeof trash, root, ".trash") < 0)
		return 0;
	for (int i = 0; i < 2 && !found; i++) {
		DIR *d = opendir(dirs[i]);
		struct dirent *de;
		if (d == NULL)
			continue;
		while (!found && (de = readdir(d)) != NULL) {
			char dir[PATH_MAX], *text, *n = NULL, *stage = NULL;
			if (!ml_id_valid(de->d_name, 31) ||
			    ml_join(dir, sizeof dir, dirs[i], de->d_name) < 0 || !ml_is_dir(dir))
				continue;
			ml_read_meta(dir, &text);
			if (text == NULL)
				continue;
			if (mdf_yaml_get(text, "name", &n) == 1 && strcmp(n, name) == 0)
				found = i == 0 ||
				    (mdf_yaml_get(text, "lifecycle_stage", &stage) == 1 &&
				    strcmp(stage, "deleted") == 0);
			free(n);
			free(stage);
			free(text);
		}
		closedir(d);
	}
	return found;
}

int
mdf_mlstore_experiment(struct mdf_mlstore *st, const char *name, int create,
    char id[32], char *why, size_t whylen)
{
	struct mdf_ml_exp *e;
	size_t n;
	int rc, lk = -1;

	id[0] = '\0';
	if (!ml_name_valid(name, MDF_ML_EXPNAME_MAX)) {
		mdf_why(why, whylen, 0, "invalid experiment name '%s'", name);
		return MDF_E_INVAL;
	}
	if (st->http) {
		rc = ml_rest_experiment(st->http, name, create, id, why, whylen);
		/* The name, for a spool run; the server away: the run goes to
		 * the spool, and metriclog sync finds or makes the experiment
		 * later. */
		free(st->exp_name);
		if ((st->exp_name = strdup(name)) == NULL)
			return MDF_E_NOMEM;
		if (rc == MDF_E_IO && create) {
			id[0] = '\0';
			return 3;
		}
		return rc;
	}
	/* Look up and create under one lock: two writers starting a sweep
	 * at once must agree on one experiment. */
	if (create && (lk = lock_store(st, why, whylen)) < 0)
		return MDF_E_IO;
	rc = mdf_mlstore_experiments(st, &e, &n, why, whylen);
	if (rc < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(e[i].name, name) == 0) {
			snprintf(id, 32, "%s", e[i].id);
			break;
		}
	}
	mdf_ml_exps_free(e, n);
	if (id[0]) {
		rc = 0;
	} else if (!create) {
		rc = 2;
	} else if (exp_deleted_named(st->root, name)) {
		mdf_why(why, whylen, 0, "experiment '%s' exists in deleted state: restore it, "
		    "or purge it from %s/.trash, to use the name again", name, st->root);
		rc = MDF_E_INVAL;
	} else {
		char dir[PATH_MAX];
		for (unsigned long long k = next_exp_id(st->root);; k++) {
			snprintf(id, 32, "%llu", k);
			if (ml_join(dir, sizeof dir, st->root, id) < 0) {
				rc = ml_io_fail(why, whylen, st->root);
				goto out;
			}
			/* mkdir is atomic: EEXIST means someone not holding our
			 * lock (MLflow itself) took the id. */
			if (mkdir(dir, 0777) == 0)
				break;
			if (errno != EEXIST) {
				rc = ml_io_fail(why, whylen, dir);
				id[0] = '\0';
				goto out;
			}
		}
		rc = write_experiment_meta(st, id, name, ml_now_ms(), why, whylen);
		if (rc == 0)
			rc = 1;
	}
out:
	if (lk >= 0)
		unlock_store(lk);
	return rc;
}
