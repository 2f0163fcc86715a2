/* Internal to lib/track: the REST backend's calls (rest.c), used by the
 * store's public functions when the store is a tracking server. */
#ifndef MILLDIR_TRACK_REST_H
#define MILLDIR_TRACK_REST_H

#include <jansson.h>
#include <stdint.h>

#include "milldir/mlstore.h"
#include "track/mlint.h"

json_t *ml_rest_double(double v);
/* The string KEY of JSON object O, "" when absent or not a string. */
const char *ml_rest_str(json_t *o, const char *key);
int ml_rest_experiment(struct ml_http *h, const char *name, int create,
    char id[32], char *why, size_t whylen);
int ml_rest_experiments(struct ml_http *h, struct mdf_ml_exp **out, size_t *n,
    char *why, size_t whylen);
int ml_rest_run_create(struct ml_http *h, const char *exp_id, const char *name,
    const char *user, int64_t start_ms, json_t *tags, char id[33],
    char **artifact_uri, char *why, size_t whylen);
int ml_rest_run_update(struct ml_http *h, const char *id, int status,
    int64_t end_ms, const char *name, char *why, size_t whylen);
int ml_rest_history(struct ml_http *h, const char *id, const char *key,
    json_t **out, char *why, size_t whylen);
int ml_rest_log_batch(struct ml_http *h, const char *id, json_t *m, json_t *p,
    json_t *t, char *why, size_t whylen);
int ml_rest_drop_known(struct ml_http *h, const char *id, json_t *metrics,
    char *why, size_t whylen);
const char *ml_rest_art_path(const char *uri);
int ml_rest_no_proxy(const char *uri, char *why, size_t whylen);
int ml_rest_put_file(struct ml_http *h, const char *uri, const char *rel,
    const char *file, char *why, size_t whylen);
int ml_rest_put_tree(struct ml_http *h, const char *uri, const char *rel,
    const char *src, int depth, char *why, size_t whylen);
int ml_rest_list(struct ml_http *h, const char *uri, const char *rel,
    json_t **out, char *why, size_t whylen);
int ml_rest_get_file(struct ml_http *h, const char *uri, const char *rel,
    const char *dest, char *why, size_t whylen);
int ml_rest_runinfo(json_t *run, struct mdf_runinfo *r);
int ml_rest_fill_history(struct ml_http *h, struct mdf_runinfo *r,
    const char *key, char *why, size_t whylen);
int ml_rest_search(struct ml_http *h, json_t *exp_ids, const char *filter,
    struct mdf_runinfo **out, size_t *n, char *why, size_t whylen);

/* registry.c: GET API PATH?K1=V1[&K2=V2], the values escaped */
int ml_rest_get(struct ml_http *h, const char *path, const char *k1,
    const char *v1, const char *k2, const char *v2, json_t **out, char *code,
    size_t codelen, char *why, size_t whylen);

#endif
