/* Moving runs of a file store to a tracking server once: metriclog push
 * (any file store) and metriclog sync (the spool).  Each run is created on
 * the server (or continued, when the spool has its milldir.remoteRunId),
 * its id written into the local run at once, then its params, tags, whole
 * metric histories (without the values the server already holds) and
 * artifacts are sent and its status set; the tag milldir.pushed marks it
 * done, so a second push, or one after a crash, sends nothing twice. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"
#include "track/rest.h"

/* Every line of the metric files below DIR (key prefix PRE) into M. */
static int
read_histories(const char *dir, const char *pre, json_t *m, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return MDF_OK;
	while ((de = readdir(d)) != NULL) {
		char path[PATH_MAX], key[PATH_MAX], *text, *line, *save = NULL;
		if (de->d_name[0] == '.')
			continue;
		if (ml_join(path, sizeof path, dir, de->d_name) < 0 ||
		    snprintf(key, sizeof key, "%s%s", pre, de->d_name) >= (int)sizeof key)
			continue;
		if (ml_is_dir(path)) {
			char sub[PATH_MAX];
			if (depth < 16 && snprintf(sub, sizeof sub, "%s/", key) < (int)sizeof sub)
				read_histories(path, sub, m, depth + 1);
			continue;
		}
		if (!mdf_ml_key_valid(key) || ml_read_text(path, &text, NULL) < 0)
			continue;
		for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			long long ts, step = 0;
			char num[64];
			int nf = sscanf(line, "%lld %63s %lld", &ts, num, &step);
			if (nf < 2)
				continue;
			json_array_append_new(m, json_pack("{s:s,s:o,s:I,s:I}", "key", key,
			    "value", ml_rest_double(strtod(num, NULL)), "timestamp",
			    (json_int_t)ts, "step", (json_int_t)step));
		}
		free(text);
	}
	closedir(d);
	return MDF_OK;
}

static int
skip_tag(const char *k)
{
	return strcmp(k, "milldir.remoteRunId") == 0 || strcmp(k, "milldir.pushed") == 0 ||
	    strcmp(k, "milldir.trackingUri") == 0;
}

/* Push the local run R (of the file store LOCAL) to the server DST. */
static int
push_run(struct mdf_mlstore *local, struct mdf_mlstore *dst, struct mdf_runinfo *r,
    char *why, size_t whylen)
{
	const char *remote = mdf_runinfo_tag(r, "milldir.remoteRunId");
	char id[33] = "", exp[32], *uri = NULL, mdir[PATH_MAX];
	struct mdf_mlrun *lr = NULL;
	json_t *m = json_array(), *p = json_array(), *t = json_array(), *tags = json_array();
	int rc, resumed = remote != NULL;

	for (size_t i = 0; i < r->nparams; i++)
		json_array_append_new(p, json_pack("{s:s,s:s}", "key", r->params[i].key,
		    "value", r->params[i].val));
	for (size_t i = 0; i < r->ntags; i++)
		if (!skip_tag(r->tags[i].key))
			json_array_append_new(t, json_pack("{s:s,s:s}", "key", r->tags[i].key,
			    "value", r->tags[i].val));
	if ((rc = mdf_mlrun_reopen(local, r, &lr, why, whylen)) < 0)
		goto out;
	if (remote)
		snprintf(id, sizeof id, "%s", remote);
	if ((rc = ml_rest_experiment(dst->http, r->exp_name, 1, exp, why, whylen)) < 0)
		goto out;
	if (!remote) {
		rc = ml_rest_run_create(dst->http, exp, r->name, r->user, r->start_time, tags,
		    id, &uri, why, whylen);
		if (rc < 0 || (rc = mdf_mlrun_set_tag(lr, "milldir.remoteRunId", id, why,
		    whylen)) < 0)
			goto out;
	} else {
		/* The artifact URI of the remote run, from a search. */
		struct mdf_runinfo ri;
		char w[64];
		snprintf(w, sizeof w, "%s", id);
		if ((rc = mdf_mlstore_find_run(dst, w, &ri, why, whylen)) <= 0) {
			if (rc == 0)
				rc = MDF_E_INVAL;
			goto out;
		}
		uri = strdup(ri.artifact_uri);
		mdf_runinfo_free(&ri);
	}
	if (ml_pathf(mdir, sizeof mdir, "%s/metrics", r->dir) < 0)
		goto out;
	read_histories(mdir, "", m, 0);
	if (resumed && (rc = ml_rest_drop_known(dst->http, id, m, why, whylen)) < 0)
		goto out;
	if ((rc = ml_rest_log_batch(dst->http, id, m, p, t, why, whylen)) < 0)
		goto out;
	if (ml_pathf(mdir, sizeof mdir, "%s/artifacts", r->dir) == 0 && ml_is_dir(mdir)) {
		DIR *d = opendir(mdir);
		struct dirent *de;
		while (rc == 0 && d && (de = readdir(d)) != NULL) {
			char s[PATH_MAX];
			if (de->d_name[0] == '.' || ml_join(s, sizeof s, mdir, de->d_name) < 0)
				continue;
			rc = ml_rest_put_tree(dst->http, uri, de->d_name, s, 0, why, whylen);
		}
		if (d)
			closedir(d);
		if (rc < 0)
			goto out;
	}
	if ((rc = ml_rest_run_update(dst->http, id, r->status, r->end_time, r->name, why,
	    whylen)) < 0)
		goto out;
	rc = mdf_mlrun_set_tag(lr, "milldir.pushed", ml_http_base(dst->http), why, whylen);
out:
	free(uri);
	mdf_mlrun_close(lr);
	json_decref(m);
	json_decref(p);
	json_decref(t);
	json_decref(tags);
	return rc < 0 ? rc : 1;
}

int
mdf_mlstore_push(struct mdf_mlstore *local, struct mdf_mlstore *dst, size_t *pushed,
    char *why, size_t whylen)
{
	struct mdf_runinfo *v;
	size_t n;
	int rc;

	*pushed = 0;
	if (local->http || !dst->http)
		return mdf_why(why, whylen, MDF_E_INVAL, "push goes from a file store to a server");
	if ((rc = mdf_mlstore_collect(local, NULL, &v, &n, why, whylen)) < 0)
		return rc;
	for (size_t i = 0; i < n && rc >= 0; i++) {
		const char *done = mdf_runinfo_tag(&v[i], "milldir.pushed");
		if (done && strcmp(done, ml_http_base(dst->http)) == 0)
			continue;
		if (v[i].status == MDF_RUN_RUNNING)
			continue;   /* still being written */
		if ((rc = push_run(local, dst, &v[i], why, whylen)) > 0)
			(*pushed)++;
	}
	mdf_runinfos_free(v, n);
	return rc < 0 ? rc : MDF_OK;
}
