/* Model references for dnnpredict --model: a directory, runs:/RUN_ID/PATH
 * or models:/NAME@ALIAS and models:/NAME/VERSION, resolved against the
 * tracking URI.  On a tracking server the model directory is downloaded
 * through the artifact proxy into a cache ($XDG_CACHE_HOME, else
 * ~/.cache, /milldir/models/), one directory per server and artifact
 * location: fetched into a temporary directory beside it, checked by the
 * caller's function (the model directory's own checks), then renamed into
 * place, so a reader sees a whole checked model or none, and two
 * processes fetching at once both end with the same one.  A cached model
 * is reused without a download (an alias is still asked for, as it
 * moves).  On a file store runs:/ names the run's own directory. */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"
#include "track/rest.h"

#define MAX_DEPTH 16
#define MAX_FILES 10000

/* A 404 from the server is a reference to nothing: ENOENT. */
static int
not_found(int rc, const char *ref, char *why, size_t whylen)
{
	if (rc != MDF_E_INVAL)
		return rc;
	errno = ENOENT;
	return mdf_why(why, whylen, MDF_E_IO, "%s: not on the server (%s)", ref, why);
}

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(p) < 0 ? -1 : 0;
}

static void
rm_tree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* The model directory at REL below URI into the local directory DEST. */
static int
get_tree(struct ml_http *h, const char *uri, const char *rel, const char *dest,
    int depth, size_t *nfiles, char *why, size_t whylen)
{
	json_t *ls = NULL, *files;
	int rc;

	if (depth > MAX_DEPTH)
		return mdf_why(why, whylen, MDF_E_META, "%s: deeper than %d directories",
		    rel, MAX_DEPTH);
	if ((rc = ml_rest_list(h, uri, rel, &ls, why, whylen)) < 0)
		return rc;
	files = json_object_get(ls, "files");
	if (depth == 0 && json_array_size(files) == 0) {
		json_decref(ls);
		errno = ENOENT;
		return mdf_why(why, whylen, MDF_E_IO, "%s%s%s: no such model directory among "
		    "the server's artifacts", uri, *rel ? "/" : "", rel);
	}
	for (size_t i = 0; i < json_array_size(files) && rc == 0; i++) {
		json_t *f = json_array_get(files, i);
		const char *name = strrchr(ml_rest_str(f, "path"), '/');
		char r[PATH_MAX], d[PATH_MAX];
		name = name ? name + 1 : ml_rest_str(f, "path");
		/* a name from the server never leaves DEST */
		if (!ml_artifact_name_valid(name) || strchr(name, '/'))
			rc = mdf_why(why, whylen, MDF_E_META, "the server lists a bad artifact "
			    "name '%s' in %s", name, *rel ? rel : uri);
		else if (++*nfiles > MAX_FILES)
			rc = mdf_why(why, whylen, MDF_E_META, "%s: more than %d files", uri,
			    MAX_FILES);
		else if (ml_pathf(r, sizeof r, "%s%s%s", rel, *rel ? "/" : "", name) < 0 ||
		    ml_join(d, sizeof d, dest, name) < 0)
			rc = mdf_why(why, whylen, MDF_E_META, "%s: path too long", name);
		else if (json_is_true(json_object_get(f, "is_dir")))
			rc = mkdir(d, 0755) < 0 ? ml_io_fail(why, whylen, d) :
			    get_tree(h, uri, r, d, depth + 1, nfiles, why, whylen);
		else
			rc = ml_rest_get_file(h, uri, r, d, why, whylen);
	}
	json_decref(ls);
	return rc;
}

static int
cache_dir(char *out, size_t outlen)
{
	const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (x && *x == '/')
		return ml_pathf(out, outlen, "%s/milldir/models", x);
	return ml_pathf(out, outlen, "%s/.cache/milldir/models", home && *home ? home : "/tmp");
}

/* The cache entry of LOC on the server BASE: FNV-1a 64 of both. */
static int
cache_entry(const char *root, const char *base, const char *loc, char *out,
    size_t outlen)
{
	uint64_t x = 0xcbf29ce484222325ull;

	for (const char *s = base; *s; s++)
		x = (x ^ (unsigned char)*s) * 0x100000001b3ull;
	x = (x ^ '\n') * 0x100000001b3ull;
	for (const char *s = loc; *s; s++)
		x = (x ^ (unsigned char)*s) * 0x100000001b3ull;
	return ml_pathf(out, outlen, "%s/%016llx", root, (unsigned long long)x);
}

/* The model at the artifact location LOC (mlflow-artifacts:/...) into the
 * cache, unless it is there; its directory into OUT. */
static int
fetch(struct ml_http *h, const char *loc, mdf_ml_model_check check, char *out,
    size_t outlen, char *why, size_t whylen)
{
	char root[PATH_MAX], tmp[PATH_MAX];
	size_t nfiles = 0;
	int rc;

	if (ml_rest_art_path(loc) == NULL)
		return ml_rest_no_proxy(loc, why, whylen);
	if (cache_dir(root, sizeof root) < 0 || cache_entry(root, ml_http_base(h), loc, out,
	    outlen) < 0 || ml_pathf(tmp, sizeof tmp, "%s/.tmp-XXXXXX", root) < 0)
		return mdf_why(why, whylen, MDF_E_IO, "cache directory name too long");
	if (ml_is_dir(out))
		return MDF_OK;
	if (ml_mkdir_p(root) < 0)
		return ml_io_fail(why, whylen, root);
	if (mkdtemp(tmp) == NULL)
		return ml_io_fail(why, whylen, tmp);
	rc = get_tree(h, loc, "", tmp, 0, &nfiles, why, whylen);
	if (rc == 0 && check && (rc = check(tmp, why, whylen)) < 0) {
		char w2[1024];
		snprintf(w2, sizeof w2, "%s", why);
		mdf_why(why, whylen, 0, "the model at %s fails its checks: %s", loc, w2);
	}
	/* Another process may have put the same model there first: its copy
	 * is as good as ours. */
	if (rc == 0 && rename(tmp, out) < 0 && errno != EEXIST && errno != ENOTEMPTY)
		rc = ml_io_fail(why, whylen, out);
	rm_tree(tmp);
	return rc;
}

/* runs:/ID/PATH on a file store: the run's own directory. */
static int
local_run(const char *ref, const char *tracking_uri, const char *id, const char *path,
    mdf_ml_model_check check, char *out, size_t outlen, char *why, size_t whylen)
{
	char root[PATH_MAX], art[PATH_MAX], real[PATH_MAX], realart[PATH_MAX];
	struct mdf_mlstore *st;
	struct mdf_runinfo r;
	int rc;

	if ((rc = mdf_mlstore_resolve(NULL, tracking_uri, root, sizeof root, why, whylen)) < 0 ||
	    (rc = mdf_mlstore_open(root, 0, &st, why, whylen)) < 0)
		return rc;
	rc = mdf_mlstore_find_run(st, id, &r, why, whylen);
	mdf_mlstore_close(st);
	if (rc == 1 && strcmp(r.id, id) != 0)
		rc = 0;
	if (rc == 0) {
		errno = ENOENT;
		rc = mdf_why(why, whylen, MDF_E_IO, "%s: no run %s in %s", ref, id, root);
	}
	if (rc < 0)
		return rc;
	rc = mdf_runinfo_artifact_dir(&r, art, sizeof art);
	mdf_runinfo_free(&r);
	if (rc < 0 || ml_pathf(out, outlen, "%s%s%s", art, *path ? "/" : "", path) < 0)
		return mdf_why(why, whylen, MDF_E_IO, "%s: the run's artifacts are not local", ref);
	if (realpath(out, real) == NULL || realpath(art, realart) == NULL)
		return ml_io_fail(why, whylen, out);
	if (!ml_path_within(real, realart) || !ml_is_dir(real))
		return mdf_why(why, whylen, MDF_E_META, "%s: not a directory inside the run's "
		    "artifacts", ref);
	return check ? check(out, why, whylen) : MDF_OK;
}

/* The artifact location of runs:/ID/PATH or of a model version. */
static int
locate(struct ml_http *h, const char *ref, char **loc, char *why, size_t whylen)
{
	char name[512], version[64], code[64];
	const char *p = strchr(ref, ':') + 2, *slash = strchr(p, '/');
	json_t *r = NULL;
	int rc;

	if (strncmp(ref, "runs:/", 6) == 0) {
		char id[64];
		snprintf(id, sizeof id, "%.*s", (int)(slash - p), p);
		if ((rc = ml_rest_get(h, "runs/get", "run_id", id, NULL, NULL, &r, NULL, 0,
		    why, whylen)) < 0)
			return not_found(rc, ref, why, whylen);
		rc = asprintf(loc, "%s/%s", ml_rest_str(json_object_get(
		    json_object_get(r, "run"), "info"), "artifact_uri"),
		    slash + 1);
		json_decref(r);
		return rc < 0 ? MDF_E_NOMEM : MDF_OK;
	}
	if (slash) {
		snprintf(name, sizeof name, "%.*s", (int)(slash - p), p);
		snprintf(version, sizeof version, "%s", slash + 1);
	} else {
		const char *at = strrchr(p, '@');
		snprintf(name, sizeof name, "%.*s", (int)(at - p), p);
		/* an unknown alias: 404, or 400 INVALID_PARAMETER_VALUE as
		 * MLflow's SQL store answers */
		if ((rc = ml_rest_get(h, "registered-models/alias", "name", name, "alias",
		    at + 1, &r, code, sizeof code, why, whylen)) < 0)
			return not_found(rc == MDF_E_META && (strcmp(code,
			    "INVALID_PARAMETER_VALUE") == 0 || strcmp(code,
			    "RESOURCE_DOES_NOT_EXIST") == 0) ? MDF_E_INVAL : rc, ref, why, whylen);
		snprintf(version, sizeof version, "%s", ml_rest_str(json_object_get(r,
		    "model_version"), "version"));
		json_decref(r);
	}
	if ((rc = ml_rest_get(h, "model-versions/get-download-uri", "name", name, "version",
	    version, &r, NULL, 0, why, whylen)) < 0)
		return not_found(rc, ref, why, whylen);
	*loc = strdup(ml_rest_str(r, "artifact_uri"));
	json_decref(r);
	if (*loc && **loc == '\0') {
		free(*loc);
		return mdf_why(why, whylen, MDF_E_META, "%s: the server gives no artifact_uri", ref);
	}
	return *loc ? MDF_OK : MDF_E_NOMEM;
}

/* Check the syntax of REF: runs:/ID/PATH, models:/NAME@ALIAS or
 * models:/NAME/VERSION. */
static int
syntax(const char *ref, char *why, size_t whylen)
{
	const char *p = strchr(ref, ':') + 2, *slash = strchr(p, '/'), *at;
	char part[512];
	int ok;

	if (strncmp(ref, "runs:/", 6) == 0) {
		snprintf(part, sizeof part, "%.*s", slash ? (int)(slash - p) : 0, p);
		ok = slash && ml_id_valid(part, 63) && (slash[1] == '\0' ||
		    ml_artifact_name_valid(slash + 1));
		return ok ? MDF_OK : mdf_why(why, whylen, MDF_E_INVAL, "'%s': expected "
		    "runs:/RUN_ID/PATH (PATH a relative path inside the run's artifacts)", ref);
	}
	if (slash) {
		snprintf(part, sizeof part, "%.*s", (int)(slash - p), p);
		ok = mdf_ml_model_name_valid(part) && slash[1] != '0' &&
		    slash[1] != '\0' && strspn(slash + 1, "0123456789") == strlen(slash + 1) &&
		    strlen(slash + 1) < 10;
	} else {
		ok = (at = strrchr(p, '@')) != NULL && (size_t)(at - p) < sizeof part;
		if (ok) {
			snprintf(part, sizeof part, "%.*s", (int)(at - p), p);
			ok = mdf_ml_model_name_valid(part) && mdf_ml_alias_valid(at + 1);
		}
	}
	return ok ? MDF_OK : mdf_why(why, whylen, MDF_E_INVAL, "'%s': expected "
	    "models:/NAME@ALIAS or models:/NAME/VERSION", ref);
}

int
mdf_ml_model_fetch(const char *ref, const char *tracking_uri, mdf_ml_model_check check,
    char *out, size_t outlen, char *why, size_t whylen)
{
	struct mdf_mlstore *st;
	char *loc = NULL;
	int rc;

	if (strncmp(ref, "runs:/", 6) != 0 && strncmp(ref, "models:/", 8) != 0)
		return ml_pathf(out, outlen, "%s", ref) < 0 ?
		    mdf_why(why, whylen, MDF_E_INVAL, "model path too long") : 0;
	if ((rc = syntax(ref, why, whylen)) < 0)
		return rc;
	if (!ml_http_is_url(tracking_uri)) {
		if (ref[0] == 'm')
			return mdf_why(why, whylen, MDF_E_INVAL, "%s: models:/ URIs need a "
			    "tracking server (MLFLOW_TRACKING_URI=http://...)", ref);
		const char *p = ref + 6, *slash = strchr(p, '/');
		char id[64];
		snprintf(id, sizeof id, "%.*s", (int)(slash - p), p);
		rc = local_run(ref, tracking_uri, id, slash + 1, check, out, outlen, why, whylen);
		return rc < 0 ? rc : 1;
	}
	if ((rc = mdf_mlstore_open(tracking_uri, 0, &st, why, whylen)) < 0)
		return rc;
	if ((rc = locate(st->http, ref, &loc, why, whylen)) == 0)
		rc = fetch(st->http, loc, check, out, outlen, why, whylen);
	free(loc);
	mdf_mlstore_close(st);
	return rc < 0 ? rc : 1;
}
