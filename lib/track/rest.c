/* The REST backend of the store: an MLflow tracking server behind
 * /api/2.0/mlflow (experiments, runs, runs/log-batch within MLflow's
 * limits, runs/search with paging, metric histories) and artifacts
 * through the server's proxy, /api/2.0/mlflow-artifacts.  A run's params,
 * tags and metrics are held until a flush (the end of a METR frame, the
 * end of the run) and sent in batches; a batch that may have reached the
 * server before its connection broke is sent again only for the values
 * the server does not have, so no value is stored twice. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
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

#define API "/api/2.0/mlflow/"
#define ART "/api/2.0/mlflow-artifacts/artifacts/"
/* runs/log-batch limits (mlflow/utils/validation.py) */
#define MAX_METRICS 1000
#define MAX_PARAMS 100
#define MAX_TAGS 100

const char *
ml_rest_str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

/* A number that proto3 JSON may send as a string ("1767225600000"). */
static int64_t
jint(json_t *o, const char *key, int64_t dflt)
{
	json_t *v = json_object_get(o, key);

	if (json_is_integer(v))
		return (int64_t)json_integer_value(v);
	if (json_is_string(v))
		return strtoll(json_string_value(v), NULL, 10);
	return dflt;
}

/* A metric value: a number, or "NaN", "Infinity", "-Infinity". */
static double
jdouble(json_t *v)
{
	const char *s;

	if (json_is_number(v))
		return json_number_value(v);
	if ((s = json_string_value(v)) == NULL)
		return NAN;
	if (strcmp(s, "Infinity") == 0)
		return INFINITY;
	if (strcmp(s, "-Infinity") == 0)
		return -INFINITY;
	if (strcmp(s, "NaN") == 0)
		return NAN;
	return strtod(s, NULL);
}

/* proto3 JSON for a double: NaN and the infinities as strings (a bare
 * NaN or "nan" is stored by MLflow as 0). */
json_t *
ml_rest_double(double v)
{
	if (isnan(v))
		return json_string("NaN");
	if (isinf(v))
		return json_string(v > 0 ? "Infinity" : "-Infinity");
	return json_real(v);
}

static const char *
status_name(int st)
{
	return mdf_run_status_name(st);
}

static int
status_num(const char *s)
{
	static const char *const n[] = {"", "RUNNING", "SCHEDULED", "FINISHED",
	    "FAILED", "KILLED"};
	for (int i = 1; i <= 5; i++)
		if (strcmp(s, n[i]) == 0)
			return i;
	return 0;
}

/* --- experiments ---------------------------------------------------- */

static int
exp_by_name(struct ml_http *h, const char *name, char id[32], char *why,
    size_t whylen)
{
	char *q = ml_http_escape(h, name), *path;
	json_t *r = NULL;
	int rc;

	if (q == NULL || asprintf(&path, API "experiments/get-by-name?experiment_name=%s", q) < 0) {
		free(q);
		return MDF_E_NOMEM;
	}
	free(q);
	rc = ml_http_json(h, "GET", path, NULL, &r, NULL, 0, why, whylen);
	free(path);
	if (rc == MDF_E_INVAL)
		return 2;
	if (rc < 0)
		return rc;
	json_t *e = json_object_get(r, "experiment");
	if (strcmp(ml_rest_str(e, "lifecycle_stage"), "deleted") == 0) {
		mdf_why(why, whylen, 0, "experiment '%s' exists in deleted state on the "
		    "server: restore it, or purge it, to use the name again", name);
		json_decref(r);
		return MDF_E_INVAL;
	}
	snprintf(id, 32, "%s", ml_rest_str(e, "experiment_id"));
	json_decref(r);
	return 0;
}

/* Get or create: two jobs creating one name at once both end with the
 * one experiment (the loser's create is RESOURCE_ALREADY_EXISTS, and it
 * looks the name up again). */
int
ml_rest_experiment(struct ml_http *h, const char *name, int create, char id[32],
    char *why, size_t whylen)
{
	char code[64];
	json_t *body, *r = NULL;
	int rc;

	for (int tries = 0; tries < 3; tries++) {
		if ((rc = exp_by_name(h, name, id, why, whylen)) != 2 || !create)
			return rc;
		body = json_pack("{s:s}", "name", name);
		rc = ml_http_json(h, "POST", API "experiments/create", body, &r, code,
		    sizeof code, why, whylen);
		json_decref(body);
		if (rc == 0) {
			snprintf(id, 32, "%s", ml_rest_str(r, "experiment_id"));
			json_decref(r);
			return 1;
		}
		if (rc != MDF_E_META || strcmp(code, "RESOURCE_ALREADY_EXISTS") != 0)
			return rc;
	}
	return rc;
}

/* --- runs: writing -------------------------------------------------- */

/* The RUNNING run of experiment EXP_ID named NAME by USER that started at
 * START_MS, as {"run":...} into *OUT; 0 when there is none. */
static int
find_created(struct ml_http *h, const char *exp_id, const char *name,
    const char *user, int64_t start_ms, json_t **out, char *why, size_t whylen)
{
	json_t *body = json_pack("{s:[s],s:s,s:i}", "experiment_ids", exp_id,
	    "run_view_type", "ACTIVE_ONLY", "max_results", 1000), *r = NULL, *runs;
	char *filter = NULL;
	int rc, found = 0;

	if (asprintf(&filter, "attributes.start_time = %lld", (long long)start_ms) >= 0)
		json_object_set_new(body, "filter", json_string(filter));
	free(filter);
	rc = ml_http_json(h, "POST", API "runs/search", body, &r, NULL, 0, why, whylen);
	json_decref(body);
	if (rc < 0)
		return rc;
	runs = json_object_get(r, "runs");
	for (size_t i = 0; i < json_array_size(runs) && !found; i++) {
		json_t *run = json_array_get(runs, i), *info = json_object_get(run, "info");
		if (strcmp(ml_rest_str(info, "run_name"), name) == 0 &&
		    strcmp(ml_rest_str(info, "user_id"), user) == 0 &&
		    jint(info, "start_time", -1) == start_ms &&
		    strcmp(ml_rest_str(info, "status"), "RUNNING") == 0) {
			*out = json_pack("{s:O}", "run", run);
			found = 1;
		}
	}
	json_decref(r);
	return found;
}

/* runs/create, each attempt only after looking for the run a lost answer
 * may have created (same experiment, name, user and start time): by an
 * earlier attempt, or by an earlier process whose run went to the spool
 * before it knew (metriclog sync sends it with its first start time). */
static int
create_once(struct ml_http *h, json_t *body, const char *exp_id, const char *name,
    const char *user, int64_t start_ms, json_t **out, char *why, size_t whylen)
{
	int retries = ml_http_set_retries(h, 0), rc = MDF_E_IO;

	for (int attempt = 0; attempt <= retries; attempt++) {
		if (attempt > 0)
			ml_http_backoff(h, attempt);
		rc = find_created(h, exp_id, name, user, start_ms, out, why, whylen);
		if (rc == 1) {
			rc = MDF_OK;
			break;
		}
		if (rc < 0)
			continue;
		rc = ml_http_json(h, "POST", API "runs/create", body, out, NULL, 0, why, whylen);
		if (rc != MDF_E_IO)
			break;
	}
	ml_http_set_retries(h, retries);
	return rc;
}

int
ml_rest_run_create(struct ml_http *h, const char *exp_id, const char *name,
    const char *user, int64_t start_ms, json_t *tags, char id[33],
    char **artifact_uri, char *why, size_t whylen)
{
	json_t *body, *r = NULL, *info;
	int rc;

	body = json_pack("{s:s,s:s,s:s,s:I,s:O}", "experiment_id", exp_id,
	    "user_id", user, "run_name", name, "start_time", (json_int_t)start_ms,
	    "tags", tags);
	rc = create_once(h, body, exp_id, name, user, start_ms, &r, why, whylen);
	json_decref(body);
	if (rc < 0)
		return rc;
	info = json_object_get(json_object_get(r, "run"), "info");
	snprintf(id, 33, "%s", ml_rest_str(info, "run_id"));
	*artifact_uri = strdup(ml_rest_str(info, "artifact_uri"));
	json_decref(r);
	if (*id == '\0') {
		mdf_why(why, whylen, 0, "runs/create: no run_id in the answer");
		return MDF_E_META;
	}
	return *artifact_uri ? MDF_OK : MDF_E_NOMEM;
}

int
ml_rest_run_update(struct ml_http *h, const char *id, int status, int64_t end_ms,
    const char *name, char *why, size_t whylen)
{
	json_t *body = json_pack("{s:s,s:s,s:s}", "run_id", id, "run_uuid", id,
	    "status", status_name(status));
	int rc;

	if (end_ms >= 0)
		json_object_set_new(body, "end_time", json_integer(end_ms));
	if (name)
		json_object_set_new(body, "run_name", json_string(name));
	rc = ml_http_json(h, "POST", API "runs/update", body, NULL, NULL, 0, why, whylen);
	json_decref(body);
	return rc;
}

/* The history of KEY in run ID as an array of {value,timestamp,step}. */
int
ml_rest_history(struct ml_http *h, const char *id, const char *key, json_t **out,
    char *why, size_t whylen)
{
	char *q = ml_http_escape(h, key), *path;
	json_t *r = NULL;
	int rc;

	*out = NULL;
	if (q == NULL || asprintf(&path, API "metrics/get-history?run_id=%s&metric_key=%s",
	    id, q) < 0) {
		free(q);
		return MDF_E_NOMEM;
	}
	free(q);
	rc = ml_http_json(h, "GET", path, NULL, &r, NULL, 0, why, whylen);
	free(path);
	if (rc < 0)
		return rc;
	*out = json_incref(json_object_get(r, "metrics"));
	json_decref(r);
	if (*out == NULL)
		*out = json_array();
	return MDF_OK;
}

static int
same_metric(json_t *a, json_t *b)
{
	double x = jdouble(json_object_get(a, "value")), y = jdouble(json_object_get(b, "value"));

	return jint(a, "timestamp", 0) == jint(b, "timestamp", 0) &&
	    jint(a, "step", 0) == jint(b, "step", 0) &&
	    (x == y || (isnan(x) && isnan(y)));
}

/* Drop from METRICS the values run ID already holds (asked with
 * metrics/get-history per key): a batch whose answer was lost is sent
 * again without what the server stored. */
int
ml_rest_drop_known(struct ml_http *h, const char *id, json_t *metrics, char *why,
    size_t whylen)
{
	json_t *seen = json_object();
	size_t i = 0;
	int rc = MDF_OK;

	while (i < json_array_size(metrics)) {
		json_t *m = json_array_get(metrics, i), *hist;
		const char *key = ml_rest_str(m, "key");
		int known = 0;
		if ((hist = json_object_get(seen, key)) == NULL) {
			if ((rc = ml_rest_history(h, id, key, &hist, why, whylen)) < 0)
				break;
			json_object_set_new(seen, key, hist);
		}
		for (size_t k = 0; k < json_array_size(hist) && !known; k++)
			known = same_metric(m, json_array_get(hist, k));
		if (known)
			json_array_remove(metrics, i);
		else
			i++;
	}
	json_decref(seen);
	return rc;
}

/* One runs/log-batch call, tried as the HTTP layer tries, but with the
 * metrics the server already has taken out before each new try. */
static int
log_batch_once(struct ml_http *h, const char *id, json_t *m, json_t *p, json_t *t,
    char *why, size_t whylen)
{
	int retries = ml_http_set_retries(h, 0), rc = MDF_E_IO;

	for (int attempt = 0; attempt <= retries; attempt++) {
		json_t *body;
		if (attempt > 0) {
			ml_http_backoff(h, attempt);
			if (json_array_size(m) && (rc = ml_rest_drop_known(h, id, m, why, whylen)) < 0) {
				if (rc != MDF_E_IO)
					break;
				rc = MDF_E_IO;
				continue;
			}
		}
		body = json_pack("{s:s,s:O,s:O,s:O}", "run_id", id, "metrics", m,
		    "params", p, "tags", t);
		rc = ml_http_json(h, "POST", API "runs/log-batch", body, NULL, NULL, 0,
		    why, whylen);
		json_decref(body);
		if (rc != MDF_E_IO)
			break;
	}
	ml_http_set_retries(h, retries);
	return rc;
}

/* Send the records of M, P, T (arrays, emptied on success) in batches of
 * at most 1000 metrics, 100 params and 100 tags. */
int
ml_rest_log_batch(struct ml_http *h, const char *id, json_t *m, json_t *p,
    json_t *t, char *why, size_t whylen)
{
	int rc = MDF_OK;

	while (rc == 0 && (json_array_size(m) || json_array_size(p) || json_array_size(t))) {
		json_t *bm = json_array(), *bp = json_array(), *bt = json_array();
		size_t nm = json_array_size(m) < MAX_METRICS ? json_array_size(m) : MAX_METRICS;
		size_t np = json_array_size(p) < MAX_PARAMS ? json_array_size(p) : MAX_PARAMS;
		size_t nt = json_array_size(t) < MAX_TAGS ? json_array_size(t) : MAX_TAGS;
		for (size_t i = 0; i < nm; i++)
			json_array_append(bm, json_array_get(m, i));
		for (size_t i = 0; i < np; i++)
			json_array_append(bp, json_array_get(p, i));
		for (size_t i = 0; i < nt; i++)
			json_array_append(bt, json_array_get(t, i));
		rc = log_batch_once(h, id, bm, bp, bt, why, whylen);
		json_decref(bm);
		json_decref(bp);
		json_decref(bt);
		if (rc == 0) {
			for (size_t i = 0; i < nm; i++)
				json_array_remove(m, 0);
			for (size_t i = 0; i < np; i++)
				json_array_remove(p, 0);
			for (size_t i = 0; i < nt; i++)
				json_array_remove(t, 0);
		}
	}
	return rc;
}

/* --- artifacts ------------------------------------------------------ */

/* The proxy path of a run's artifact URI: "mlflow-artifacts:/1/x/artifacts"
 * or "mlflow-artifacts://host/1/x/artifacts" -> "1/x/artifacts".  NULL
 * when the server does not proxy artifacts (s3:, file:, a path). */
const char *
ml_rest_art_path(const char *uri)
{
	const char *p;

	if (strncmp(uri, "mlflow-artifacts:", 17) != 0)
		return NULL;
	p = uri + 17;
	if (strncmp(p, "//", 2) == 0 && (p = strchr(p + 2, '/')) == NULL)
		return NULL;
	while (*p == '/')
		p++;
	return p;
}

int
ml_rest_no_proxy(const char *uri, char *why, size_t whylen)
{
	mdf_why(why, whylen, 0, "the server keeps artifacts at '%s', not behind its "
	    "artifact proxy (mlflow-artifacts:); start it with --serve-artifacts "
	    "(the default since MLflow 2.0) to log artifacts", uri);
	errno = EOPNOTSUPP;
	return MDF_E_IO;
}

static char *
escape_path(struct ml_http *h, const char *rel)
{
	struct mdf_sb b = {0};

	mdf_sb_add(&b, "", 0);
	for (const char *p = rel; *p;) {
		size_t n = strcspn(p, "/");
		char *part = strndup(p, n), *e = part ? ml_http_escape(h, part) : NULL;
		if (e)
			mdf_sb_str(&b, e);
		else
			b.err = 1;
		free(part);
		free(e);
		p += n;
		if (*p == '/') {
			mdf_sb_add(&b, "/", 1);
			p++;
		}
	}
	if (b.err) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* PUT the local file FILE as REL below the artifact URI. */
int
ml_rest_put_file(struct ml_http *h, const char *uri, const char *rel,
    const char *file, char *why, size_t whylen)
{
	const char *base = ml_rest_art_path(uri);
	char *path = NULL, *er = NULL, *eb = NULL;
	FILE *f;
	struct mdf_sb resp = {0};
	int st;

	if (base == NULL)
		return ml_rest_no_proxy(uri, why, whylen);
	if ((f = fopen(file, "rb")) == NULL)
		return ml_io_fail(why, whylen, file);
	er = escape_path(h, rel);
	eb = escape_path(h, base);
	if (er == NULL || eb == NULL || asprintf(&path, ART "%s/%s", eb, er) < 0) {
		fclose(f);
		free(er);
		free(eb);
		return MDF_E_NOMEM;
	}
	mdf_sb_add(&resp, "", 0);
	st = ml_http_request(h, "PUT", path, "application/octet-stream", NULL, 0, f,
	    &resp, NULL, why, whylen);
	fclose(f);
	if (st > 0 && st != 200) {
		mdf_why(why, whylen, 0, "PUT %s: HTTP %d%s", path, st, st == 404 || st == 503 ?
		    " (does the server proxy artifacts? start it with --serve-artifacts)" : "");
		st = MDF_E_IO;
	}
	free(resp.s);
	free(path);
	free(er);
	free(eb);
	return st < 0 ? st : MDF_OK;
}

/* Upload SRC (a file, or a directory recursively) as REL. */
int
ml_rest_put_tree(struct ml_http *h, const char *uri, const char *rel,
    const char *src, int depth, char *why, size_t whylen)
{
	struct stat sb;
	DIR *d;
	struct dirent *de;
	int rc = MDF_OK;

	if (stat(src, &sb) < 0)
		return ml_io_fail(why, whylen, src);
	if (S_ISREG(sb.st_mode))
		return ml_rest_put_file(h, uri, rel, src, why, whylen);
	if (!S_ISDIR(sb.st_mode) || depth > 64)
		return MDF_OK;
	if ((d = opendir(src)) == NULL)
		return ml_io_fail(why, whylen, src);
	while (rc == 0 && (de = readdir(d)) != NULL) {
		char s[PATH_MAX], r[PATH_MAX];
		struct stat lsb;
		if (de->d_name[0] == '.' && (de->d_name[1] == '\0' ||
		    (de->d_name[1] == '.' && de->d_name[2] == '\0')))
			continue;
		if (ml_join(s, sizeof s, src, de->d_name) < 0 ||
		    ml_join(r, sizeof r, rel, de->d_name) < 0) {
			rc = ml_io_fail(why, whylen, src);
			break;
		}
		if (lstat(s, &lsb) == 0 && S_ISLNK(lsb.st_mode) && ml_is_dir(s))
			continue;
		rc = ml_rest_put_tree(h, uri, r, s, depth + 1, why, whylen);
	}
	closedir(d);
	return rc;
}

/* The listing of REL below the artifact URI: {"files":[{path,is_dir,
 * file_size}]}; MDF_E_INVAL when it does not exist. */
int
ml_rest_list(struct ml_http *h, const char *uri, const char *rel, json_t **out,
    char *why, size_t whylen)
{
	const char *base = ml_rest_art_path(uri);
	char *q, *full = NULL, *path = NULL;
	int rc;

	*out = NULL;
	if (base == NULL)
		return ml_rest_no_proxy(uri, why, whylen);
	if (asprintf(&full, "%s%s%s", base, *rel ? "/" : "", rel) < 0)
		return MDF_E_NOMEM;
	q = ml_http_escape(h, full);
	free(full);
	if (q == NULL || asprintf(&path, "/api/2.0/mlflow-artifacts/artifacts?path=%s", q) < 0) {
		free(q);
		return MDF_E_NOMEM;
	}
	free(q);
	rc = ml_http_json(h, "GET", path, NULL, out, NULL, 0, why, whylen);
	free(path);
	return rc;
}

/* GET REL below the artifact URI into the local file DEST. */
int
ml_rest_get_file(struct ml_http *h, const char *uri, const char *rel,
    const char *dest, char *why, size_t whylen)
{
	const char *base = ml_rest_art_path(uri);
	char *path = NULL, *er = escape_path(h, rel), *eb = base ? escape_path(h, base) : NULL;
	FILE *f;
	int st;

	if (base == NULL) {
		free(er);
		return ml_rest_no_proxy(uri, why, whylen);
	}
	if (er == NULL || eb == NULL || asprintf(&path, ART "%s/%s", eb, er) < 0) {
		free(er);
		free(eb);
		return MDF_E_NOMEM;
	}
	free(er);
	free(eb);
	if ((f = fopen(dest, "wb")) == NULL) {
		free(path);
		return ml_io_fail(why, whylen, dest);
	}
	st = ml_http_request(h, "GET", path, NULL, NULL, 0, NULL, NULL, f, why, whylen);
	if (fclose(f) != 0 && st >= 0)
		st = ml_io_fail(why, whylen, dest);
	if (st > 0 && st != 200) {
		mdf_why(why, whylen, 0, "GET %s: HTTP %d", path, st);
		st = MDF_E_IO;
	}
	free(path);
	return st < 0 ? st : MDF_OK;
}

/* --- runs: reading -------------------------------------------------- */

static int
kv_load(json_t *arr, struct mdf_ml_kv **out, size_t *n)
{
	size_t cnt = json_array_size(arr);

	*out = calloc(cnt ? cnt : 1, sizeof **out);
	*n = 0;
	if (*out == NULL)
		return MDF_E_NOMEM;
	for (size_t i = 0; i < cnt; i++) {
		json_t *o = json_array_get(arr, i);
		(*out)[i].key = strdup(ml_rest_str(o, "key"));
		(*out)[i].val = strdup(ml_rest_str(o, "value"));
		(*n)++;
		if (!(*out)[i].key || !(*out)[i].val)
			return MDF_E_NOMEM;
	}
	return MDF_OK;
}

static int
kv_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mdf_ml_kv *)a)->key, ((const struct mdf_ml_kv *)b)->key);
}

static int
metric_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mdf_ml_metric *)a)->key,
	    ((const struct mdf_ml_metric *)b)->key);
}

/* A run of a runs/search or runs/get answer as an mdf_runinfo (latest
 * metric values; mdf_rest_fill_history adds count, min and max). */
int
ml_rest_runinfo(json_t *run, struct mdf_runinfo *r)
{
	json_t *info = json_object_get(run, "info"), *data = json_object_get(run, "data");
	json_t *ms = json_object_get(data, "metrics");
	int rc;

	memset(r, 0, sizeof *r);
	snprintf(r->id, sizeof r->id, "%s", ml_rest_str(info, "run_id"));
	snprintf(r->exp_id, sizeof r->exp_id, "%s",
	    ml_rest_str(info, "experiment_id"));
	r->name = strdup(ml_rest_str(info, "run_name"));
	r->artifact_uri = strdup(ml_rest_str(info, "artifact_uri"));
	r->user = strdup(ml_rest_str(info, "user_id"));
	r->status = status_num(ml_rest_str(info, "status"));
	r->start_time = jint(info, "start_time", 0);
	r->end_time = jint(info, "end_time", -1);
	r->deleted = strcmp(ml_rest_str(info, "lifecycle_stage"), "deleted") == 0;
	if (!r->name || !r->artifact_uri || !r->user)
		return MDF_E_NOMEM;
	if ((rc = kv_load(json_object_get(data, "params"), &r->params, &r->nparams)) < 0 ||
	    (rc = kv_load(json_object_get(data, "tags"), &r->tags, &r->ntags)) < 0)
		return rc;
	if ((r->metrics = calloc(json_array_size(ms) + 1, sizeof *r->metrics)) == NULL)
		return MDF_E_NOMEM;
	for (size_t i = 0; i < json_array_size(ms); i++) {
		json_t *m = json_array_get(ms, i);
		struct mdf_ml_metric *x = &r->metrics[r->nmetrics];
		if ((x->key = strdup(ml_rest_str(m, "key"))) == NULL)
			return MDF_E_NOMEM;
		x->value = jdouble(json_object_get(m, "value"));
		x->step = jint(m, "step", 0);
		x->ts = jint(m, "timestamp", 0);
		x->min = x->max = x->value;
		x->count = 1;
		r->nmetrics++;
	}
	qsort(r->params, r->nparams, sizeof *r->params, kv_cmp);
	qsort(r->tags, r->ntags, sizeof *r->tags, kv_cmp);
	qsort(r->metrics, r->nmetrics, sizeof *r->metrics, metric_cmp);
	return MDF_OK;
}

/* Count, minimum and maximum of metric KEY (every metric when NULL) of R
 * from its history. */
int
ml_rest_fill_history(struct ml_http *h, struct mdf_runinfo *r, const char *key,
    char *why, size_t whylen)
{
	for (size_t i = 0; i < r->nmetrics; i++) {
		struct mdf_ml_metric *m = &r->metrics[i];
		json_t *hist;
		int rc;
		if (key && strcmp(m->key, key) != 0)
			continue;
		if ((rc = ml_rest_history(h, r->id, m->key, &hist, why, whylen)) < 0)
			return rc;
		m->count = 0;
		m->min = m->max = NAN;
		for (size_t k = 0; k < json_array_size(hist); k++) {
			double v = jdouble(json_object_get(json_array_get(hist, k), "value"));
			m->count++;
			if (!isnan(v)) {
				if (isnan(m->min) || v < m->min)
					m->min = v;
				if (isnan(m->max) || v > m->max)
					m->max = v;
			}
		}
		json_decref(hist);
	}
	return MDF_OK;
}

/* Every active run of the experiments EXP_IDS (a JSON array), oldest
 * first, through runs/search pages of 1000 (FILTER may be NULL). */
int
ml_rest_search(struct ml_http *h, json_t *exp_ids, const char *filter,
    struct mdf_runinfo **out, size_t *n, char *why, size_t whylen)
{
	char *token = NULL;
	struct mdf_runinfo *v = NULL;
	size_t cnt = 0;
	int rc = MDF_OK;

	*out = NULL;
	*n = 0;
	do {
		json_t *body = json_pack("{s:O,s:s,s:i,s:[s,s]}", "experiment_ids", exp_ids,
		    "run_view_type", "ACTIVE_ONLY", "max_results", 1000, "order_by",
		    "attributes.start_time ASC", "attributes.run_id ASC"), *r = NULL, *runs;
		if (filter)
			json_object_set_new(body, "filter", json_string(filter));
		if (token)
			json_object_set_new(body, "page_token", json_string(token));
		free(token);
		token = NULL;
		rc = ml_http_json(h, "POST", API "runs/search", body, &r, NULL, 0, why, whylen);
		json_decref(body);
		if (rc < 0)
			break;
		runs = json_object_get(r, "runs");
		struct mdf_runinfo *nv = realloc(v, (cnt + json_array_size(runs) + 1) * sizeof *v);
		if (nv == NULL) {
			json_decref(r);
			rc = MDF_E_NOMEM;
			break;
		}
		v = nv;
		for (size_t i = 0; i < json_array_size(runs) && rc == 0; i++)
			if ((rc = ml_rest_runinfo(json_array_get(runs, i), &v[cnt++])) < 0)
				break;
		if (*ml_rest_str(r, "next_page_token"))
			token = strdup(ml_rest_str(r, "next_page_token"));
		json_decref(r);
	} while (rc == 0 && token);
	free(token);
	if (rc < 0) {
		mdf_runinfos_free(v, cnt);
		return rc;
	}
	*out = v;
	*n = cnt;
	return MDF_OK;
}

/* Active experiments (experiments/search, paged). */
int
ml_rest_experiments(struct ml_http *h, struct mdf_ml_exp **out, size_t *n,
    char *why, size_t whylen)
{
	char *token = NULL;
	struct mdf_ml_exp *v = NULL;
	size_t cnt = 0;
	int rc = MDF_OK;

	*out = NULL;
	*n = 0;
	do {
		json_t *body = json_pack("{s:i,s:s}", "max_results", 1000, "view_type",
		    "ACTIVE_ONLY"), *r = NULL, *es;
		if (token)
			json_object_set_new(body, "page_token", json_string(token));
		free(token);
		token = NULL;
		rc = ml_http_json(h, "POST", API "experiments/search", body, &r, NULL, 0,
		    why, whylen);
		json_decref(body);
		if (rc < 0)
			break;
		es = json_object_get(r, "experiments");
		struct mdf_ml_exp *nv = realloc(v, (cnt + json_array_size(es) + 1) * sizeof *v);
		if (nv == NULL) {
			json_decref(r);
			rc = MDF_E_NOMEM;
			break;
		}
		v = nv;
		for (size_t i = 0; i < json_array_size(es); i++) {
			json_t *e = json_array_get(es, i);
			memset(&v[cnt], 0, sizeof v[cnt]);
			snprintf(v[cnt].id, sizeof v[cnt].id, "%s", ml_rest_str(e, "experiment_id"));
			v[cnt].name = strdup(ml_rest_str(e, "name"));
			v[cnt].creation_time = jint(e, "creation_time", 0);
			cnt++;
		}
		if (*ml_rest_str(r, "next_page_token"))
			token = strdup(ml_rest_str(r, "next_page_token"));
		json_decref(r);
	} while (rc == 0 && token);
	free(token);
	if (rc < 0) {
		mdf_ml_exps_free(v, cnt);
		return rc;
	}
	*out = v;
	*n = cnt;
	return MDF_OK;
}
