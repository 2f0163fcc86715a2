/* Reading runs of the file store: a run's meta.yaml, params, tags and
 * metric histories; the runs of an experiment, one run by id or name, and
 * the best run by a metric with its model directory. */
#define _GNU_SOURCE
#include <dirent.h>
#include <math.h>
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

/* --- runs: reading -------------------------------------------------- */

static int
kv_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mdf_ml_kv *)a)->key,
	    ((const struct mdf_ml_kv *)b)->key);
}

static int
metric_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mdf_ml_metric *)a)->key,
	    ((const struct mdf_ml_metric *)b)->key);
}

/* Is (s1, t1, v1) after (s2, t2, v2), MLflow's order for "latest". */
static int
later(int64_t s1, int64_t t1, double v1, int64_t s2, int64_t t2, double v2)
{
	if (s1 != s2)
		return s1 > s2;
	if (t1 != t2)
		return t1 > t2;
	return !isnan(v1) && (isnan(v2) || v1 > v2);
}

/* Parse a metric history; lines that do not parse are skipped. */
static void
parse_history(const char *text, struct mdf_ml_metric *m)
{
	const char *p = text;

	m->count = 0;
	m->min = m->max = NAN;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[256], *f[6], *save = NULL;
		int nf = 0;

		if (len < sizeof line && nl) {
			memcpy(line, p, len);
			line[len] = '\0';
			for (char *t = strtok_r(line, " ", &save); t && nf < 6;
			    t = strtok_r(NULL, " ", &save))
				f[nf++] = t;
			if (nf == 2 || nf == 3 || nf == 5) {
				char *e1, *e2, *e3 = NULL;
				int64_t ts = strtoll(f[0], &e1, 10);
				double v = strtod(f[1], &e2);
				int64_t step = nf == 3 ? strtoll(f[2], &e3, 10) : 0;
				if (!*e1 && !*e2 && (nf != 3 || !*e3)) {
					if (m->count == 0 ||
					    later(step, ts, v, m->step, m->ts, m->value)) {
						m->step = step;
						m->ts = ts;
						m->value = v;
					}
					if (!isnan(v)) {
						if (isnan(m->min) || v < m->min)
							m->min = v;
						if (isnan(m->max) || v > m->max)
							m->max = v;
					}
					m->count++;
				}
			}
		}
		p += len + (nl != NULL);
	}
}

/* Collect the files under DIR (keys with '/' are subdirectories). */
static int
read_kv_dir(const char *dir, const char *prefix, struct mdf_ml_kv **v,
    size_t *n, size_t *cap, struct mdf_ml_metric **mv, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc = MDF_OK;

	if (d == NULL)
		return MDF_OK;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		char path[PATH_MAX], key[PATH_MAX], *text;
		struct stat sb;
		if (de->d_name[0] == '.' && (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0))
			continue;
		if (ml_join(path, sizeof path, dir, de->d_name) < 0 ||
		    snprintf(key, sizeof key, "%s%s", prefix, de->d_name) >= (int)sizeof key ||
		    stat(path, &sb) < 0)
			continue;
		if (S_ISDIR(sb.st_mode)) {
			char pre[PATH_MAX];
			if (depth < 16 && snprintf(pre, sizeof pre, "%s/", key) < (int)sizeof pre)
				rc = read_kv_dir(path, pre, v, n, cap, mv, depth + 1);
			continue;
		}
		if (!S_ISREG(sb.st_mode) || !mdf_ml_key_valid(key))
			continue;
		if (ml_read_text(path, &text, NULL) < 0)
			continue;
		if (*n == *cap) {
			size_t nc = *cap ? *cap * 2 : 16;
			void *p = mv ? realloc(*mv, nc * sizeof **mv) : realloc(*v, nc * sizeof **v);
			if (p == NULL) {
				free(text);
				rc = MDF_E_NOMEM;
				break;
			}
			if (mv)
				*mv = p;
			else
				*v = p;
			*cap = nc;
		}
		if (mv) {
			struct mdf_ml_metric *m = &(*mv)[*n];
			memset(m, 0, sizeof *m);
			parse_history(text, m);
			free(text);
			if (m->count == 0)
				continue;
			if ((m->key = strdup(key)) == NULL) {
				rc = MDF_E_NOMEM;
				break;
			}
		} else {
			(*v)[*n].val = text;
			if (((*v)[*n].key = strdup(key)) == NULL) {
				free(text);
				rc = MDF_E_NOMEM;
				break;
			}
		}
		(*n)++;
	}
	closedir(d);
	return rc;
}

static int64_t
yaml_i64(const char *text, const char *key, int64_t dflt)
{
	char *s = NULL, *e;
	int64_t v = dflt;

	if (mdf_yaml_get(text, key, &s) == 1 && *s) {
		long long x = strtoll(s, &e, 10);
		if (*e == '\0')
			v = x;
	}
	free(s);
	return v;
}

/* Read the run in DIR; FULL also reads params, metrics and tags.  0 when
 * there is no usable meta.yaml. */
static int
read_run(const char *dir, const char *exp_id, int full, struct mdf_runinfo *r)
{
	char *text, *s = NULL, path[PATH_MAX];
	size_t cap;
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = ml_read_meta(dir, &text)) < 0)
		return rc;
	if (text == NULL)
		return 0;
	if ((mdf_yaml_get(text, "run_id", &s) != 1 &&
	    mdf_yaml_get(text, "run_uuid", &s) != 1) || !*s) {
		free(s);
		free(text);
		return 0;
	}
	snprintf(r->id, sizeof r->id, "%s", s);
	free(s);
	s = NULL;
	snprintf(r->exp_id, sizeof r->exp_id, "%s", exp_id);
	r->dir = strdup(dir);
	if (mdf_yaml_get(text, "run_name", &r->name) != 1)
		r->name = strdup("");
	if (mdf_yaml_get(text, "artifact_uri", &r->artifact_uri) != 1)
		r->artifact_uri = strdup("");
	if (mdf_yaml_get(text, "user_id", &r->user) != 1)
		r->user = strdup("");
	r->status = (int)yaml_i64(text, "status", 0);
	r->start_time = yaml_i64(text, "start_time", 0);
	r->end_time = yaml_i64(text, "end_time", -1);
	if (mdf_yaml_get(text, "lifecycle_stage", &s) == 1)
		r->deleted = strcmp(s, "deleted") == 0;
	free(s);
	free(text);
	if (!r->name || !r->artifact_uri || !r->user || !r->dir)
		return MDF_E_NOMEM;
	if (!full)
		return 1;
	cap = 0;
	snprintf(path, sizeof path, "%s/params", dir);
	if ((rc = read_kv_dir(path, "", &r->params, &r->nparams, &cap, NULL, 0)) < 0)
		return rc;
	cap = 0;
	snprintf(path, sizeof path, "%s/tags", dir);
	if ((rc = read_kv_dir(path, "", &r->tags, &r->ntags, &cap, NULL, 0)) < 0)
		return rc;
	cap = 0;
	snprintf(path, sizeof path, "%s/metrics", dir);
	if ((rc = read_kv_dir(path, "", NULL, &r->nmetrics, &cap, &r->metrics, 0)) < 0)
		return rc;
	if (r->nparams)
		qsort(r->params, r->nparams, sizeof *r->params, kv_cmp);
	if (r->ntags)
		qsort(r->tags, r->ntags, sizeof *r->tags, kv_cmp);
	if (r->nmetrics)
		qsort(r->metrics, r->nmetrics, sizeof *r->metrics, metric_cmp);
	return 1;
}

void
mdf_runinfo_free(struct mdf_runinfo *r)
{
	free(r->exp_name);
	free(r->name);
	free(r->artifact_uri);
	free(r->dir);
	free(r->user);
	for (size_t i = 0; i < r->nparams; i++)
		free(r->params[i].key), free(r->params[i].val);
	for (size_t i = 0; i < r->ntags; i++)
		free(r->tags[i].key), free(r->tags[i].val);
	for (size_t i = 0; i < r->nmetrics; i++)
		free(r->metrics[i].key);
	free(r->params);
	free(r->tags);
	free(r->metrics);
	memset(r, 0, sizeof *r);
}

void
mdf_runinfos_free(struct mdf_runinfo *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mdf_runinfo_free(&r[i]);
	free(r);
}

static int
run_cmp(const void *a, const void *b)
{
	const struct mdf_runinfo *x = a, *y = b;
	if (x->start_time != y->start_time)
		return x->start_time < y->start_time ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Subdirectories of an experiment that are not runs. */
static int
not_a_run(const char *name)
{
	return strcmp(name, "tags") == 0 || strcmp(name, "datasets") == 0 ||
	    strcmp(name, "traces") == 0 || strcmp(name, "models") == 0 ||
	    !ml_id_valid(name, 256);
}

static int
scan_runs(struct mdf_mlstore *st, const char *exp_id, int full,
    struct mdf_runinfo **out, size_t *n, char *why, size_t whylen)
{
	char dir[PATH_MAX];
	DIR *d;
	struct dirent *de;
	struct mdf_runinfo *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc = MDF_OK;

	*out = NULL;
	*n = 0;
	if (ml_join(dir, sizeof dir, st->root, exp_id) < 0 || (d = opendir(dir)) == NULL)
		return ml_io_fail(why, whylen, dir);
	while ((de = readdir(d)) != NULL) {
		char rdir[PATH_MAX];
		if (not_a_run(de->d_name) || ml_join(rdir, sizeof rdir, dir, de->d_name) < 0 ||
		    !ml_is_dir(rdir))
			continue;
		if (cnt == cap) {
			struct mdf_runinfo *nv;
			cap = cap ? cap * 2 : 16;
			if ((nv = realloc(v, cap * sizeof *v)) == NULL) {
				rc = MDF_E_NOMEM;
				break;
			}
			v = nv;
		}
		rc = read_run(rdir, exp_id, full, &v[cnt]);
		if (rc == 1 && !v[cnt].deleted &&
		    strcmp(v[cnt].id, de->d_name) == 0) {
			cnt++;
			rc = 0;
			continue;
		}
		mdf_runinfo_free(&v[cnt]);
		if (rc < 0)
			break;
		rc = 0;
	}
	closedir(d);
	if (rc < 0) {
		mdf_runinfos_free(v, cnt);
		mdf_why(why, whylen, 0, "out of memory");
		return rc;
	}
	if (cnt)
		qsort(v, cnt, sizeof *v, run_cmp);
	*out = v;
	*n = cnt;
	return MDF_OK;
}

int
mdf_mlstore_runs(struct mdf_mlstore *st, const char *exp_id,
    struct mdf_runinfo **out, size_t *n, char *why, size_t whylen)
{
	if (st->http) {
		json_t *ids = json_pack("[s]", exp_id);
		int rc = ml_rest_search(st->http, ids, NULL, out, n, why, whylen);
		json_decref(ids);
		return rc;
	}
	return scan_runs(st, exp_id, 1, out, n, why, whylen);
}

/* mdf_mlstore_find_run on a tracking server: the same rule over every
 * active run (runs/get takes full ids only). */
static int
find_run_rest(struct mdf_mlstore *st, const char *what, struct mdf_runinfo *out,
    char *why, size_t whylen)
{
	struct mdf_runinfo *v;
	size_t n, found = 0, at = 0;
	int rc;

	if ((rc = mdf_mlstore_collect(st, NULL, &v, &n, why, whylen)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].id, what) == 0) {
			found = 1;
			at = i;
			break;
		}
		if ((strlen(what) >= 4 && strncmp(v[i].id, what, strlen(what)) == 0) ||
		    strcmp(v[i].name, what) == 0) {
			found++;
			at = i;
		}
	}
	if (found == 1) {
		*out = v[at];
		memset(&v[at], 0, sizeof v[at]);
		rc = ml_rest_fill_history(st->http, out, NULL, why, whylen);
	}
	mdf_runinfos_free(v, n);
	if (rc < 0)
		return rc;
	if (found > 1) {
		mdf_why(why, whylen, 0, "'%s' matches %zu runs; give more of the run id",
		    what, found);
		return MDF_E_META;
	}
	if (found == 0)
		mdf_why(why, whylen, 0, "no run '%s'", what);
	return found == 1;
}

int
mdf_mlstore_fill_history(struct mdf_mlstore *st, struct mdf_runinfo *v,
    size_t n, const char *key, char *why, size_t whylen)
{
	int rc = MDF_OK;

	for (size_t i = 0; st->http && i < n && rc == 0; i++)
		if (v[i].status == MDF_RUN_FINISHED && mdf_runinfo_metric(&v[i], key))
			rc = ml_rest_fill_history(st->http, &v[i], key, why, whylen);
	return rc;
}

int
mdf_mlstore_model_uri(struct mdf_mlstore *st, const struct mdf_runinfo *r,
    char *out, size_t outlen, char *why, size_t whylen)
{
	const char *model = mdf_runinfo_tag(r, "milldir.model");
	json_t *ls = NULL;
	int rc;

	if (!st->http)
		return mdf_runinfo_model_dir(r, out, outlen, why, whylen);
	if (model && !ml_artifact_name_valid(model)) {
		mdf_why(why, whylen, 0, "run %s: its milldir.model tag '%s' is not a "
		    "path inside its artifacts", r->id, model);
		return MDF_E_META;
	}
	if (ml_pathf(out, outlen, "runs:/%s/%s", r->id, model ? model : "") < 0)
		return ml_io_fail(why, whylen, r->id);
	if (model == NULL)
		return 0;
	rc = ml_rest_list(st->http, r->artifact_uri, model, &ls, why, whylen);
	if (rc == 0 && json_array_size(json_object_get(ls, "files")) == 0)
		rc = MDF_E_INVAL;
	json_decref(ls);
	if (rc == MDF_E_INVAL) {
		mdf_why(why, whylen, 0, "run %s: its model directory %s is gone (not among "
		    "the server's artifacts); delete the run or log the model again",
		    r->id, out);
		return MDF_E_IO;
	}
	return rc < 0 ? rc : model != NULL;
}

int
mdf_mlstore_find_run(struct mdf_mlstore *st, const char *what,
    struct mdf_runinfo *out, char *why, size_t whylen)
{
	struct mdf_ml_exp *e;
	size_t ne, found = 0;
	char fexp[32] = "", fid[64] = "", *fname = NULL;
	int rc, exact = 0;

	memset(out, 0, sizeof *out);
	if (st->http)
		return find_run_rest(st, what, out, why, whylen);
	if ((rc = mdf_mlstore_experiments(st, &e, &ne, why, whylen)) < 0)
		return rc;
	for (size_t i = 0; i < ne && !exact; i++) {
		struct mdf_runinfo *v;
		size_t nv;
		if ((rc = scan_runs(st, e[i].id, 0, &v, &nv, why, whylen)) < 0)
			break;
		for (size_t j = 0; j < nv; j++) {
			int full = strcmp(v[j].id, what) == 0;
			if (full || (strlen(what) >= 4 &&
			    strncmp(v[j].id, what, strlen(what)) == 0) ||
			    strcmp(v[j].name, what) == 0) {
				if (full) {
					found = 0;
					exact = 1;
				}
				found++;
				snprintf(fexp, sizeof fexp, "%s", e[i].id);
				snprintf(fid, sizeof fid, "%s", v[j].id);
				if (full)
					break;
			}
		}
		mdf_runinfos_free(v, nv);
	}
	if (rc >= 0 && found == 1) {
		for (size_t i = 0; i < ne; i++)
			if (strcmp(e[i].id, fexp) == 0)
				fname = strdup(e[i].name);
	}
	mdf_ml_exps_free(e, ne);
	if (rc < 0) {
		free(fname);
		return rc;
	}
	if (found > 1) {
		mdf_why(why, whylen, 0, "'%s' matches %zu runs; give more of the run id",
		    what, found);
		return MDF_E_META;
	}
	if (found == 0) {
		mdf_why(why, whylen, 0, "no run '%s'", what);
		return 0;
	}
	{
		char dir[PATH_MAX];
		if (ml_pathf(dir, sizeof dir, "%s/%s/%s", st->root, fexp, fid) < 0) {
			free(fname);
			return ml_io_fail(why, whylen, st->root);
		}
		rc = read_run(dir, fexp, 1, out);
		out->exp_name = fname;
		if (rc < 0)
			return mdf_why(why, whylen, 0, "out of memory"), rc;
	}
	return rc == 1 ? 1 : 0;
}

static const char *
kv_find(const struct mdf_ml_kv *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].key, key) == 0)
			return v[i].val;
	return NULL;
}

const char *
mdf_runinfo_param(const struct mdf_runinfo *r, const char *key)
{
	return kv_find(r->params, r->nparams, key);
}

const char *
mdf_runinfo_tag(const struct mdf_runinfo *r, const char *key)
{
	return kv_find(r->tags, r->ntags, key);
}

const struct mdf_ml_metric *
mdf_runinfo_metric(const struct mdf_runinfo *r, const char *key)
{
	for (size_t i = 0; i < r->nmetrics; i++)
		if (strcmp(r->metrics[i].key, key) == 0)
			return &r->metrics[i];
	return NULL;
}

int
mdf_runinfo_artifact_dir(const struct mdf_runinfo *r, char *out, size_t outlen)
{
	char moved[PATH_MAX];

	if (ml_uri_to_path(r->artifact_uri, out, outlen) < 0) {
		/* A plain path, as very old MLflow wrote. */
		if (r->artifact_uri[0] != '/' || strlen(r->artifact_uri) >= outlen)
			return MDF_E_INVAL;
		strcpy(out, r->artifact_uri);
	}
	if (!ml_is_dir(out) && r->dir && ml_pathf(moved, sizeof moved, "%s/artifacts",
	    r->dir) == 0 && ml_is_dir(moved) && strlen(moved) < outlen)
		strcpy(out, moved);
	return MDF_OK;
}

int
mdf_mlstore_collect(struct mdf_mlstore *st, const char *name,
    struct mdf_runinfo **out, size_t *n, char *why, size_t whylen)
{
	struct mdf_ml_exp *e;
	struct mdf_runinfo *all = NULL;
	size_t ne, cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = mdf_mlstore_experiments(st, &e, &ne, why, whylen)) < 0)
		return rc;
	for (size_t i = 0; i < ne; i++) {
		struct mdf_runinfo *v, *nv;
		size_t nr;
		if (name && strcmp(e[i].name, name) != 0)
			continue;
		if ((rc = mdf_mlstore_runs(st, e[i].id, &v, &nr, why, whylen)) < 0)
			break;
		if ((nv = realloc(all, (cnt + nr + 1) * sizeof *all)) == NULL) {
			mdf_runinfos_free(v, nr);
			rc = MDF_E_NOMEM;
			mdf_why(why, whylen, 0, "out of memory");
			break;
		}
		all = nv;
		for (size_t j = 0; j < nr; j++) {
			all[cnt] = v[j];
			if ((all[cnt++].exp_name = strdup(e[i].name)) == NULL)
				rc = MDF_E_NOMEM;
		}
		free(v);
		if (rc < 0) {
			mdf_why(why, whylen, 0, "out of memory");
			break;
		}
	}
	mdf_ml_exps_free(e, ne);
	if (rc < 0) {
		mdf_runinfos_free(all, cnt);
		return rc;
	}
	if (cnt)
		qsort(all, cnt, sizeof *all, run_cmp);
	*out = all;
	*n = cnt;
	return MDF_OK;
}

long
mdf_ml_best(const struct mdf_runinfo *v, size_t n, const char *metric,
    int flags, double *score)
{
	long best = -1;
	double bv = 0;

	for (size_t i = 0; i < n; i++) {
		const struct mdf_ml_metric *m = mdf_runinfo_metric(&v[i], metric);
		double s;
		if (v[i].status != MDF_RUN_FINISHED || m == NULL)
			continue;
		s = flags & MDF_ML_LATEST ? m->value : flags & MDF_ML_MIN ? m->min : m->max;
		if (isnan(s))
			continue;
		if (best < 0 || (flags & MDF_ML_MIN ? s < bv : s > bv)) {
			best = (long)i;
			bv = s;
		}
	}
	if (best >= 0 && score)
		*score = bv;
	return best;
}

int
mdf_runinfo_model_dir(const struct mdf_runinfo *r, char *out, size_t outlen,
    char *why, size_t whylen)
{
	const char *model = mdf_runinfo_tag(r, "milldir.model");
	char dir[PATH_MAX], real[PATH_MAX], rdir[PATH_MAX];

	if (mdf_runinfo_artifact_dir(r, dir, sizeof dir) < 0) {
		mdf_why(why, whylen, 0, "run %s: artifact_uri '%s' is not a local path",
		    r->id, r->artifact_uri);
		return MDF_E_INVAL;
	}
	/* The tag comes from the logged stream: it must name a directory
	 * inside the run's artifacts, by its components and by its real path
	 * (no "..", no ml_absolute path, no link out). */
	if (model && !ml_artifact_name_valid(model)) {
		mdf_why(why, whylen, 0, "run %s: its milldir.model tag '%s' is not a "
		    "path inside its artifacts", r->id, model);
		return MDF_E_META;
	}
	if ((model ? ml_pathf(out, outlen, "%s/%s", dir, model) :
	    ml_pathf(out, outlen, "%s", dir)) < 0)
		return ml_io_fail(why, whylen, dir);
	{
		int e = realpath(out, real) == NULL ? errno : ml_is_dir(real) ? 0 : ENOTDIR;
		if (e) {
			mdf_why(why, whylen, 0, "run %s: its model directory %s is gone (%s); "
			    "delete the run or restore the directory", r->id, out,
			    strerror(e));
			errno = e;
			return MDF_E_IO;
		}
	}
	if (model && (realpath(dir, rdir) == NULL || !ml_path_within(real, rdir))) {
		mdf_why(why, whylen, 0, "run %s: its model directory %s leads out of "
		    "its artifacts (to %s)", r->id, out, real);
		return MDF_E_META;
	}
	return model != NULL;
}
