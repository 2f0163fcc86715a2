/* HTTP to an MLflow tracking server with libcurl: one handle per server,
 * JSON requests and raw uploads/downloads, connect and request timeouts,
 * retries with exponential backoff on connection errors, 429 and 5xx
 * (MLflow's client variables), basic or bearer auth and TLS settings from
 * the environment.  Secrets never reach a message: errors name the
 * server's URL without its user information, and curl's own text. */
#define _GNU_SOURCE
#include "config.h"

#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"

static void backoff_sleep(const struct ml_http *h, int attempt);

struct ml_http {
	CURL *c;
	char *base;       /* scheme://host[:port][/prefix], no trailing '/', no userinfo */
	char *userpwd;    /* user:password for basic auth, or NULL */
	char *bearer;     /* "Authorization: Bearer ..." or NULL */
	long timeout_s;
	int max_retries;
	double backoff;
	int insecure;
	char *cacert;
};

static double
env_num(const char *name, double dflt)
{
	const char *s = getenv(name);
	char *e;
	double v;

	if (s == NULL || *s == '\0')
		return dflt;
	v = strtod(s, &e);
	return *e == '\0' && v >= 0 ? v : dflt;
}

static int
env_true(const char *name)
{
	const char *s = getenv(name);
	return s && (strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0);
}

int
ml_http_is_url(const char *s)
{
	return s && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0);
}

/* BASE without user information ("http://u:p@host" -> "http://host")
 * and trailing slashes; the user information into *USERPWD. */
static int
split_base(const char *url, char **base, char **userpwd)
{
	const char *host = strstr(url, "://") + 3;
	const char *slash = strchr(host, '/');
	const char *at = memchr(host, '@', slash ? (size_t)(slash - host) : strlen(host));
	size_t n;

	*userpwd = NULL;
	if (at) {
		if ((*userpwd = strndup(host, (size_t)(at - host))) == NULL)
			return -1;
		if (asprintf(base, "%.*s%s", (int)(host - url), url, at + 1) < 0)
			return -1;
	} else if ((*base = strdup(url)) == NULL) {
		return -1;
	}
	n = strlen(*base);
	while (n > 0 && (*base)[n - 1] == '/')
		(*base)[--n] = '\0';
	return 0;
}

int
ml_http_open(const char *url, struct ml_http **out, char *why, size_t whylen)
{
	static int inited;
	struct ml_http *h;
	const char *u = getenv("MLFLOW_TRACKING_USERNAME");
	const char *p = getenv("MLFLOW_TRACKING_PASSWORD");
	const char *tok = getenv("MLFLOW_TRACKING_TOKEN");
	const char *cert = getenv("MLFLOW_TRACKING_SERVER_CERT_PATH");

	*out = NULL;
	if (!inited) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		inited = 1;
	}
	if ((h = calloc(1, sizeof *h)) == NULL || split_base(url, &h->base, &h->userpwd) < 0 ||
	    (h->c = curl_easy_init()) == NULL) {
		ml_http_close(h);
		mdf_why(why, whylen, 0, "out of memory");
		return MDF_E_NOMEM;
	}
	if (u && *u) {
		free(h->userpwd);
		if (asprintf(&h->userpwd, "%s:%s", u, p ? p : "") < 0)
			h->userpwd = NULL;
	}
	if (tok && *tok && asprintf(&h->bearer, "Authorization: Bearer %s", tok) < 0)
		h->bearer = NULL;
	h->timeout_s = (long)env_num("MLFLOW_HTTP_REQUEST_TIMEOUT", 120);
	h->max_retries = (int)env_num("MLFLOW_HTTP_REQUEST_MAX_RETRIES", 7);
	h->backoff = env_num("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", 2);
	h->insecure = env_true("MLFLOW_TRACKING_INSECURE_TLS");
	h->cacert = cert && *cert ? strdup(cert) : NULL;
	*out = h;
	return MDF_OK;
}

void
ml_http_close(struct ml_http *h)
{
	if (h == NULL)
		return;
	if (h->c)
		curl_easy_cleanup(h->c);
	free(h->base);
	if (h->userpwd)
		explicit_bzero(h->userpwd, strlen(h->userpwd));
	if (h->bearer)
		explicit_bzero(h->bearer, strlen(h->bearer));
	free(h->userpwd);
	free(h->bearer);
	free(h->cacert);
	free(h);
}

const char *
ml_http_base(const struct ml_http *h)
{
	return h->base;
}

int
ml_http_set_retries(struct ml_http *h, int n)
{
	int old = h->max_retries;
	h->max_retries = n;
	return old;
}

void
ml_http_backoff(const struct ml_http *h, int attempt)
{
	backoff_sleep(h, attempt);
}

static size_t
on_body(char *p, size_t sz, size_t n, void *ud)
{
	struct mdf_sb *b = ud;
	mdf_sb_add(b, p, sz * n);
	return b->err ? 0 : sz * n;
}

static size_t
on_file(char *p, size_t sz, size_t n, void *ud)
{
	return fwrite(p, sz, n, ud);
}

/* Sleep before retry ATTEMPT (1, 2, ...): BACKOFF * 2^(attempt-1)
 * seconds, at most 60, as urllib3's Retry does for MLflow. */
static void
backoff_sleep(const struct ml_http *h, int attempt)
{
	double s = h->backoff;
	struct timespec ts;

	for (int i = 1; i < attempt && s < 60; i++)
		s *= 2;
	if (s > 60)
		s = 60;
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Is this outcome worth another try: no answer at all, 429, 5xx? */
static int
retryable(CURLcode cc, long status)
{
	if (cc != CURLE_OK)
		return cc == CURLE_COULDNT_CONNECT || cc == CURLE_OPERATION_TIMEDOUT ||
		    cc == CURLE_GOT_NOTHING || cc == CURLE_RECV_ERROR ||
		    cc == CURLE_SEND_ERROR || cc == CURLE_PARTIAL_FILE ||
		    cc == CURLE_COULDNT_RESOLVE_HOST;
	return status == 429 || (status >= 500 && status <= 599);
}

/* One request: METHOD to PATH (after the base URL); the body is BODY
 * (LEN bytes) or the file UP; the answer goes to RESP or the file DOWN.
 * Retried as above (ml_http_set_retries to change how often).
 * Returns the HTTP status (> 0), or MDF_E_IO when the server could not be
 * reached or kept failing, with WHY. */
int
ml_http_request(struct ml_http *h, const char *method, const char *path,
    const char *ctype, const void *body, size_t len, FILE *up, struct mdf_sb *resp,
    FILE *down, char *why, size_t whylen)
{
	char *url = NULL, errbuf[CURL_ERROR_SIZE];
	struct curl_slist *hd = NULL;
	CURLcode cc = CURLE_OK;
	long status = 0;
	int attempt;

	if (asprintf(&url, "%s%s", h->base, path) < 0) {
		mdf_why(why, whylen, 0, "out of memory");
		return MDF_E_NOMEM;
	}
	if (ctype) {
		char ct[128];
		snprintf(ct, sizeof ct, "Content-Type: %s", ctype);
		hd = curl_slist_append(hd, ct);
	}
	if (h->bearer)
		hd = curl_slist_append(hd, h->bearer);
	hd = curl_slist_append(hd, "Expect:");
	for (attempt = 0;; attempt++) {
		CURL *c = h->c;
		curl_easy_reset(c);
		errbuf[0] = '\0';
		curl_easy_setopt(c, CURLOPT_URL, url);
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, hd);
		curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
		curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
		/* libcurl sends a request again by itself when a reused
		 * connection dies before the answer: for a POST the server may
		 * have acted on it (a run created twice, values logged twice),
		 * so POSTs get a connection of their own, neither taken from
		 * the cache (FRESH_CONNECT: a GET's, say a retry's history
		 * check) nor left there, and every retry is ours, deliberate. */
		if (strcmp(method, "POST") == 0) {
			curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, 1L);
			curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L);
		}
		curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, h->timeout_s < 30 ? h->timeout_s : 30L);
		curl_easy_setopt(c, CURLOPT_TIMEOUT, h->timeout_s);
		curl_easy_setopt(c, CURLOPT_USERAGENT, "milldir-metriclog/" PACKAGE_VERSION);
		if (h->userpwd) {
			curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
			curl_easy_setopt(c, CURLOPT_USERPWD, h->userpwd);
		}
		if (h->insecure) {
			curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
			curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
		}
		if (h->cacert)
			curl_easy_setopt(c, CURLOPT_CAINFO, h->cacert);
		if (up) {
			fseek(up, 0, SEEK_END);
			curl_off_t sz = ftell(up);
			rewind(up);
			curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
			curl_easy_setopt(c, CURLOPT_READDATA, up);
			curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, sz);
		} else if (body) {
			curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
			curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
		}
		if (resp) {
			resp->len = 0;
			if (resp->s)
				resp->s[0] = '\0';
			curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
			curl_easy_setopt(c, CURLOPT_WRITEDATA, resp);
		} else if (down) {
			/* a failed try's bytes (an error answer, a cut body) go:
			 * flushed first, or rewind would write them back over
			 * the next try's */
			if (fflush(down) == 0 && ftruncate(fileno(down), 0) == 0)
				rewind(down);
			curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_file);
			curl_easy_setopt(c, CURLOPT_WRITEDATA, down);
		}
		cc = curl_easy_perform(c);
		status = 0;
		if (cc == CURLE_OK)
			curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
		if (!retryable(cc, status) || attempt >= h->max_retries)
			break;
		backoff_sleep(h, attempt + 1);
	}
	curl_slist_free_all(hd);
	if (cc != CURLE_OK) {
		mdf_why(why, whylen, 0, "%s %s%s: %s (%d attempt%s)", method, h->base, path,
		    *errbuf ? errbuf : curl_easy_strerror(cc), attempt + 1,
		    attempt ? "s" : "");
		free(url);
		errno = ECONNREFUSED;
		return MDF_E_IO;
	}
	if (retryable(cc, status)) {
		mdf_why(why, whylen, 0, "%s %s%s: HTTP %ld (%d attempts)", method, h->base,
		    path, status, attempt + 1);
		free(url);
		errno = EAGAIN;
		return MDF_E_IO;
	}
	free(url);
	return (int)status;
}

/* The message of an MLflow error answer {"error_code","message"}, or the
 * status. */
static void
api_error(const char *method, const char *path, int status, const char *text,
    char *why, size_t whylen, char *code, size_t codelen)
{
	json_t *j = json_loads(text ? text : "", 0, NULL);
	const char *c = j ? json_string_value(json_object_get(j, "error_code")) : NULL;
	const char *m = j ? json_string_value(json_object_get(j, "message")) : NULL;

	if (code && codelen)
		snprintf(code, codelen, "%s", c ? c : "");
	mdf_why(why, whylen, 0, "%s %s: HTTP %d%s%s%s%s", method, path, status,
	    c ? " " : "", c ? c : "", m ? ": " : "", m ? m : "");
	json_decref(j);
}

int
ml_http_json(struct ml_http *h, const char *method, const char *path,
    json_t *body, json_t **out, char *code, size_t codelen, char *why,
    size_t whylen)
{
	struct mdf_sb resp = {0};
	char *text = NULL;
	int st;

	if (out)
		*out = NULL;
	if (code && codelen)
		code[0] = '\0';
	if (body && (text = json_dumps(body, JSON_COMPACT)) == NULL) {
		mdf_why(why, whylen, 0, "out of memory");
		return MDF_E_NOMEM;
	}
	mdf_sb_add(&resp, "", 0);
	st = ml_http_request(h, method, path, body ? "application/json" : NULL, text,
	    text ? strlen(text) : 0, NULL, &resp, NULL, why, whylen);
	free(text);
	if (st < 0) {
		free(resp.s);
		return st;
	}
	if (st != 200) {
		api_error(method, path, st, resp.s, why, whylen, code, codelen);
		free(resp.s);
		return st == 404 ? MDF_E_INVAL : MDF_E_META;
	}
	if (out && (*out = json_loads(resp.s ? resp.s : "{}", 0, NULL)) == NULL) {
		mdf_why(why, whylen, 0, "%s %s: the answer is not JSON", method, path);
		free(resp.s);
		return MDF_E_META;
	}
	free(resp.s);
	return MDF_OK;
}

/* Percent-encode S for a query value into a malloc'd string. */
char *
ml_http_escape(struct ml_http *h, const char *s)
{
	char *e = curl_easy_escape(h->c, s, 0), *r;

	if (e == NULL)
		return NULL;
	r = strdup(e);
	curl_free(e);
	return r;
}
