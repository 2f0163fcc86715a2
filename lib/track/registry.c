/* The model registry of a tracking server (metriclog register): a run's
 * model directory becomes a version of a registered model, and an alias
 * (champion) moves to it.  REST calls of MLflow's model_registry.proto:
 * registered-models/create (get or create: a create that loses a race is
 * RESOURCE_ALREADY_EXISTS, which is as good), model-versions/search and
 * model-versions/create (a version whose answer was lost is found again,
 * not made twice), model-versions/get (wait while PENDING_REGISTRATION),
 * registered-models/alias.  A file store has no registry here. */
#define _GNU_SOURCE
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"
#include "track/rest.h"

#define API "/api/2.0/mlflow/"

int
mdf_ml_model_name_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > MDF_ML_MODEL_NAME_MAX || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	for (; *s; s++)
		if (!(('a' <= *s && *s <= 'z') || ('A' <= *s && *s <= 'Z') ||
		    ('0' <= *s && *s <= '9') || strchr("_.- ", *s)))
			return 0;
	return 1;
}

/* MLflow's alias rule: a name, not "latest" (reserved), not v<digits>
 * (that reads as a version). */
int
mdf_ml_alias_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 255 || strcmp(s, "latest") == 0)
		return 0;
	if ((s[0] == 'v' || s[0] == 'V') && n > 1 && strspn(s + 1, "0123456789") == n - 1)
		return 0;
	for (; *s; s++)
		if (!(('a' <= *s && *s <= 'z') || ('A' <= *s && *s <= 'Z') ||
		    ('0' <= *s && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* GET API PATH?K1=V1&K2=V2 (values escaped). */
int
ml_rest_get(struct ml_http *h, const char *path, const char *k1, const char *v1,
    const char *k2, const char *v2, json_t **out, char *code, size_t codelen,
    char *why, size_t whylen)
{
	char *e1 = ml_http_escape(h, v1), *e2 = k2 ? ml_http_escape(h, v2) : NULL, *url = NULL;
	int rc;

	if (e1 == NULL || (k2 && e2 == NULL) || asprintf(&url, API "%s?%s=%s%s%s%s%s", path,
	    k1, e1, k2 ? "&" : "", k2 ? k2 : "", k2 ? "=" : "", k2 ? e2 : "") < 0) {
		free(e1);
		free(e2);
		return MDF_E_NOMEM;
	}
	free(e1);
	free(e2);
	rc = ml_http_json(h, "GET", url, NULL, out, code, codelen, why, whylen);
	free(url);
	return rc;
}

/* The version of NAME made from SOURCE by RUN_ID, into VERSION; 0 when
 * there is none. */
static int
find_version(struct ml_http *h, const char *name, const char *run_id,
    const char *source, char version[32], char *why, size_t whylen)
{
	char *filter = NULL;
	json_t *r = NULL, *vs;
	int rc, found = 0;

	/* names are checked: no quote can end the string early */
	if (asprintf(&filter, "name='%s' and run_id='%s'", name, run_id) < 0)
		return MDF_E_NOMEM;
	rc = ml_rest_get(h, "model-versions/search", "filter", filter, "max_results",
	    "1000", &r, NULL, 0, why, whylen);
	free(filter);
	if (rc < 0)
		return rc;
	vs = json_object_get(r, "model_versions");
	for (size_t i = 0; i < json_array_size(vs) && !found; i++) {
		json_t *v = json_array_get(vs, i);
		if (strcmp(ml_rest_str(v, "source"), source) == 0 &&
		    strcmp(ml_rest_str(v, "status"), "FAILED_REGISTRATION") != 0) {
			snprintf(version, 32, "%s", ml_rest_str(v, "version"));
			found = 1;
		}
	}
	json_decref(r);
	return found;
}

/* model-versions/create, each retry only after looking for the version a
 * lost answer may have made. */
static int
create_version(struct ml_http *h, const char *name, const char *run_id,
    const char *source, char version[32], char *why, size_t whylen)
{
	int retries = ml_http_set_retries(h, 0), rc = MDF_E_IO;
	json_t *body = json_pack("{s:s,s:s,s:s}", "name", name, "source", source,
	    "run_id", run_id), *r = NULL;

	for (int attempt = 0; attempt <= retries; attempt++) {
		if (attempt > 0) {
			ml_http_backoff(h, attempt);
			if ((rc = find_version(h, name, run_id, source, version, why, whylen)) == 1) {
				rc = MDF_OK;
				break;
			}
			if (rc < 0)
				continue;
		}
		rc = ml_http_json(h, "POST", API "model-versions/create", body, &r, NULL, 0,
		    why, whylen);
		if (rc != MDF_E_IO)
			break;
	}
	if (rc == 0 && r) {
		snprintf(version, 32, "%s", ml_rest_str(json_object_get(r,
		    "model_version"), "version"));
		if (*version == '\0')
			rc = mdf_why(why, whylen, MDF_E_META, "model-versions/create: no version "
			    "in the answer");
	}
	json_decref(r);
	json_decref(body);
	ml_http_set_retries(h, retries);
	return rc;
}

/* Wait while the server copies the model (PENDING_REGISTRATION), at most
 * five minutes, as MLflow's client does. */
static int
await_ready(struct ml_http *h, const char *name, const char *version, char *why,
    size_t whylen)
{
	for (int i = 0; i < 300; i++) {
		json_t *r = NULL;
		const char *st;
		int rc = ml_rest_get(h, "model-versions/get", "name", name, "version",
		    version, &r, NULL, 0, why, whylen);
		if (rc < 0)
			return rc;
		st = ml_rest_str(json_object_get(r, "model_version"), "status");
		if (strcmp(st, "PENDING_REGISTRATION") != 0) {
			rc = strcmp(st, "FAILED_REGISTRATION") == 0 ? mdf_why(why, whylen,
			    MDF_E_META, "model %s version %s: FAILED_REGISTRATION (%s)", name,
			    version, ml_rest_str(json_object_get(r,
			    "model_version"), "status_message")) :
			    MDF_OK;
			json_decref(r);
			return rc;
		}
		json_decref(r);
		nanosleep(&(struct timespec){1, 0}, NULL);
	}
	return mdf_why(why, whylen, MDF_E_IO, "model %s version %s: still "
	    "PENDING_REGISTRATION after 300 s", name, version);
}

int
mdf_mlstore_register(struct mdf_mlstore *st, const struct mdf_runinfo *r,
    const char *name, const char *alias, char version[32], int *created,
    char *why, size_t whylen)
{
	const char *model = mdf_runinfo_tag(r, "milldir.model");
	char uri[PATH_MAX], code[64], *source = NULL;
	json_t *body, *res = NULL;
	int rc;

	*version = '\0';
	*created = 0;
	if (!st->http)
		return mdf_why(why, whylen, MDF_E_INVAL, "the model registry needs a tracking "
		    "server (--tracking-uri http://...): metriclog does not write MLflow's "
		    "file store registry (mlruns/models/)");
	if (!mdf_ml_model_name_valid(name))
		return mdf_why(why, whylen, MDF_E_INVAL, "invalid model name '%s' (letters, "
		    "digits, '_', '.', '-' and inner spaces, at most %d bytes)", name,
		    MDF_ML_MODEL_NAME_MAX);
	if (!mdf_ml_alias_valid(alias))
		return mdf_why(why, whylen, MDF_E_INVAL, "invalid alias '%s' (letters, digits, "
		    "'_' and '-'; not 'latest', not v and a number)", alias);
	if (model == NULL)
		return mdf_why(why, whylen, MDF_E_META, "run %s has no model directory (no "
		    "milldir.model tag): nothing to register", r->id);
	/* the model must be there: its tag checked, its listing not empty */
	if ((rc = mdf_mlstore_model_uri(st, r, uri, sizeof uri, why, whylen)) < 0)
		return rc;
	if (ml_rest_art_path(r->artifact_uri) == NULL)
		return ml_rest_no_proxy(r->artifact_uri, why, whylen);
	if (asprintf(&source, "%s/%s", r->artifact_uri, model) < 0)
		return MDF_E_NOMEM;
	body = json_pack("{s:s}", "name", name);
	rc = ml_http_json(st->http, "POST", API "registered-models/create", body, &res,
	    code, sizeof code, why, whylen);
	json_decref(body);
	json_decref(res);
	if (rc == MDF_E_META && strcmp(code, "RESOURCE_ALREADY_EXISTS") == 0)
		rc = MDF_OK;
	if (rc == 0 && (rc = find_version(st->http, name, r->id, source, version, why,
	    whylen)) == 0) {
		rc = create_version(st->http, name, r->id, source, version, why, whylen);
		*created = rc == 0;
	}
	free(source);
	if (rc < 0 || (rc = await_ready(st->http, name, version, why, whylen)) < 0)
		return rc;
	body = json_pack("{s:s,s:s,s:s}", "name", name, "alias", alias, "version", version);
	rc = ml_http_json(st->http, "POST", API "registered-models/alias", body, NULL, NULL,
	    0, why, whylen);
	json_decref(body);
	return rc < 0 ? rc : MDF_OK;
}
