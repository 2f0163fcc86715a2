/* A run being written to a tracking server (the REST side of
 * runwrite.c's functions), and the spool that takes it over when the
 * server stays away: a local file store (METRICLOG_SPOOL, else
 * $XDG_STATE_HOME/milldir/spool) whose runs carry the server's URL and,
 * when the server made one, the remote run id, for metriclog sync. */
#define _GNU_SOURCE
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"
#include "track/rest.h"

int
mdf_mlstore_spool_dir(char *out, size_t outlen)
{
	const char *s = getenv("METRICLOG_SPOOL"), *x = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (s && *s)
		return ml_pathf(out, outlen, "%s", s);
	if (x && *x == '/')
		return ml_pathf(out, outlen, "%s/milldir/spool", x);
	return ml_pathf(out, outlen, "%s/.local/state/milldir/spool",
	    home && *home ? home : "/tmp");
}

/* Move run R to the spool: a run there in experiment EXP (the name), with
 * the tags and the records not sent yet.  From now on every call on R
 * goes to that run. */
static int
go_spool(struct mdf_mlrun *r, const char *exp, char *why, size_t whylen)
{
	char dir[PATH_MAX], root[PATH_MAX], id[32], w2[512];
	struct mdf_mlrun_opts o = {r->name, r->user, NULL, r->start_ms, NULL};
	int rc;

	if (r->spool)
		return MDF_OK;
	if (mdf_mlstore_spool_dir(dir, sizeof dir) < 0 ||
	    ml_absolute(dir, root, sizeof root) < 0)
		return ml_io_fail(why, whylen, "spool");
	if ((rc = mdf_mlstore_open(root, 1, &r->spool_st, w2, sizeof w2)) < 0 ||
	    (rc = mdf_mlstore_experiment(r->spool_st, exp, 1, id, w2, sizeof w2)) < 0 ||
	    (rc = mdf_mlrun_create(r->spool_st, id, &o, &r->spool, w2, sizeof w2)) < 0 ||
	    (rc = mdf_mlrun_set_tag(r->spool, "milldir.trackingUri",
	        ml_http_base(r->st->http), w2, sizeof w2)) < 0 ||
	    (*r->id && (rc = mdf_mlrun_set_tag(r->spool, "milldir.remoteRunId", r->id,
	        w2, sizeof w2)) < 0)) {
		/* Both the server and the spool fail: say why for each. */
		size_t n = strlen(why);
		snprintf(why + n, whylen > n ? whylen - n : 0, "; the spool failed too: %s", w2);
		return rc;
	}
	return MDF_OK;
}

/* Replay the pending records into the spool run. */
static int
spool_pending(struct mdf_mlrun *r, char *why, size_t whylen)
{
	size_t i;
	json_t *o;
	int rc = MDF_OK;

	json_array_foreach(r->pend_p, i, o)
		if (rc == 0)
			rc = mdf_mlrun_log_param(r->spool, json_string_value(json_object_get(o, "key")),
			    json_string_value(json_object_get(o, "value")), why, whylen);
	json_array_foreach(r->pend_t, i, o)
		if (rc == 0)
			rc = mdf_mlrun_set_tag(r->spool, json_string_value(json_object_get(o, "key")),
			    json_string_value(json_object_get(o, "value")), why, whylen);
	json_array_foreach(r->pend_m, i, o) {
		json_t *v = json_object_get(o, "value");
		double x = json_is_number(v) ? json_number_value(v) :
		    strcmp(json_string_value(v), "NaN") == 0 ? NAN :
		    json_string_value(v)[0] == '-' ? -INFINITY : INFINITY;
		if (rc == 0)
			rc = mdf_mlrun_log_metric(r->spool, json_string_value(json_object_get(o, "key")),
			    x, json_integer_value(json_object_get(o, "timestamp")),
			    json_integer_value(json_object_get(o, "step")), why, whylen);
	}
	json_array_clear(r->pend_m);
	json_array_clear(r->pend_p);
	json_array_clear(r->pend_t);
	return rc;
}

/* The server could not be reached (MDF_E_IO after every retry): the run
 * goes on in the spool. */
static int
fall_back(struct mdf_mlrun *r, int rc, char *why, size_t whylen)
{
	if (rc != MDF_E_IO || r->spool_exp == NULL || *r->spool_exp == '\0')
		return rc;
	if ((rc = go_spool(r, r->spool_exp, why, whylen)) < 0)
		return rc;
	return spool_pending(r, why, whylen);
}

int
ml_rr_flush(struct mdf_mlrun *r, char *why, size_t whylen)
{
	int rc;

	if (r->spool)
		return spool_pending(r, why, whylen);
	rc = ml_rest_log_batch(r->st->http, r->id, r->pend_m, r->pend_p, r->pend_t,
	    why, whylen);
	return rc == MDF_E_IO ? fall_back(r, rc, why, whylen) : rc;
}

static int
pend(json_t *arr, json_t *o)
{
	return o && json_array_append_new(arr, o) == 0 ? MDF_OK : MDF_E_NOMEM;
}

int
ml_rr_tag(struct mdf_mlrun *r, const char *key, const char *value, char *why,
    size_t whylen)
{
	if (r->spool)
		return mdf_mlrun_set_tag(r->spool, key, value, why, whylen);
	return pend(r->pend_t, json_pack("{s:s,s:s}", "key", key, "value", value));
}

int
ml_rr_param(struct mdf_mlrun *r, const char *key, const char *value, char *why,
    size_t whylen)
{
	if (r->spool)
		return mdf_mlrun_log_param(r->spool, key, value, why, whylen);
	return pend(r->pend_p, json_pack("{s:s,s:s}", "key", key, "value", value));
}

int
ml_rr_metric(struct mdf_mlrun *r, const char *key, double value, int64_t ts,
    int64_t step, char *why, size_t whylen)
{
	int rc;

	if (r->spool)
		return mdf_mlrun_log_metric(r->spool, key, value, ts, step, why, whylen);
	rc = pend(r->pend_m, json_pack("{s:s,s:o,s:I,s:I}", "key", key, "value",
	    ml_rest_double(value), "timestamp", (json_int_t)ts, "step", (json_int_t)step));
	if (rc == 0 && json_array_size(r->pend_m) >= 1000)
		rc = ml_rr_flush(r, why, whylen);
	return rc;
}

/* Create the run on the server (with TAGS), or in the spool when the
 * server is away. */
int
ml_rr_create(struct mdf_mlstore *st, const char *exp_id, struct mdf_mlrun *r,
    const char *parent, const char *source, char *why, size_t whylen)
{
	json_t *tags;
	int rc;

	r->pend_m = json_array();
	r->pend_p = json_array();
	r->pend_t = json_array();
	if ((r->spool_exp = strdup(st->exp_name ? st->exp_name : "")) == NULL)
		return MDF_E_NOMEM;
	snprintf(r->tmpdir, sizeof r->tmpdir, "%s/metriclog-XXXXXX",
	    getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(r->tmpdir) == NULL) {
		r->tmpdir[0] = '\0';
		return ml_io_fail(why, whylen, "mkdtemp");
	}
	tags = json_pack("[{s:s,s:s},{s:s,s:s},{s:s,s:s},{s:s,s:s}]",
	    "key", "mlflow.runName", "value", r->name, "key", "mlflow.user", "value", r->user,
	    "key", "mlflow.source.name", "value", source ? source : "",
	    "key", "mlflow.source.type", "value", "LOCAL");
	if (parent)
		json_array_append_new(tags, json_pack("{s:s,s:s}", "key",
		    "mlflow.parentRunId", "value", parent));
	if (*exp_id == '\0') {
		rc = MDF_E_IO;
		mdf_why(why, whylen, 0, "%s: the server cannot be reached", ml_http_base(st->http));
	} else {
		rc = ml_rest_run_create(st->http, exp_id, r->name, r->user, r->start_ms,
		    tags, r->id, &r->artifact_uri, why, whylen);
	}
	if (rc == MDF_E_IO && *r->spool_exp) {
		/* Tags go to the spool run with the rest. */
		size_t i;
		json_t *o;
		r->id[0] = '\0';
		json_array_foreach(tags, i, o)
			json_array_append(r->pend_t, o);
		rc = fall_back(r, rc, why, whylen);
	}
	json_decref(tags);
	return rc;
}

int
ml_rr_end(struct mdf_mlrun *r, char *why, size_t whylen)
{
	int rc = ml_rr_flush(r, why, whylen);

	if (rc < 0)
		return rc;
	if (r->spool)
		return mdf_mlrun_end(r->spool, r->status, r->end_ms, why, whylen);
	rc = ml_rest_run_update(r->st->http, r->id, r->status, r->end_ms, NULL, why, whylen);
	if (rc == MDF_E_IO && (rc = fall_back(r, rc, why, whylen)) == 0)
		return mdf_mlrun_end(r->spool, r->status, r->end_ms, why, whylen);
	return rc;
}

int
ml_rr_artifact(struct mdf_mlrun *r, const char *src, const char *name, int is_file,
    char *why, size_t whylen)
{
	int rc;

	if (r->spool)
		return mdf_mlrun_artifact(r->spool, src, name, why, whylen);
	if (ml_rest_art_path(r->artifact_uri) == NULL)
		return ml_rest_no_proxy(r->artifact_uri, why, whylen);
	rc = is_file ? ml_rest_put_file(r->st->http, r->artifact_uri, name, src, why, whylen) :
	    ml_rest_put_tree(r->st->http, r->artifact_uri, name, src, 0, why, whylen);
	if (rc == MDF_E_IO && errno != ENOENT && errno != EOPNOTSUPP &&
	    (rc = fall_back(r, rc, why, whylen)) == 0)
		rc = mdf_mlrun_artifact(r->spool, src, name, why, whylen);
	return rc;
}

void
ml_rr_close(struct mdf_mlrun *r)
{
	json_decref(r->pend_m);
	json_decref(r->pend_p);
	json_decref(r->pend_t);
	if (r->tmpdir[0])
		rmdir(r->tmpdir);
	free(r->artifact_uri);
	free(r->spool_exp);
	mdf_mlrun_close(r->spool);
	mdf_mlstore_close(r->spool_st);
}

const char *
mdf_mlrun_spooled(const struct mdf_mlrun *r)
{
	return r->spool ? mdf_mlrun_dir(r->spool) : NULL;
}
