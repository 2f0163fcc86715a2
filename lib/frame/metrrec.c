/* METR frames: run parameters, metric values, tags and artifacts as
 * TAB-separated text records, one per line. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>

#include "frame/internal.h"
#include "milldir/types.h"

/* MLflow's key rule ^[/\w.\- :]*$ restricted to ASCII, 1..250 bytes, and
 * no path tricks: no leading '/', no ".." component. */
static int
metr_key_valid(const char *k, size_t len)
{
	if (len == 0 || len > 250 || k[0] == '/')
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = k[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' ||
		    c == '/' || c == ' ' || c == ':'))
			return 0;
		if (c == '.' && i + 1 < len && k[i + 1] == '.' &&
		    (i == 0 || k[i - 1] == '/'))
			return 0;
	}
	return 1;
}

static int
text_valid(const char *v, size_t len, size_t max)
{
	return len <= max && memchr(v, '\t', len) == NULL && mdf_val_valid(v, len);
}

int
mdf_metr_init(struct mdf_frame *f)
{
	int rc = mdf_frame_set_type(f, "METR");
	if (rc < 0)
		return rc;
	return mdf_frame_resize(f, 0) ? MDF_OK : MDF_E_NOMEM;
}

static int
append(struct mdf_frame *f, const char *line, size_t len)
{
	size_t old = f->len;

	if (mdf_frame_resize(f, old + len) == NULL)
		return MDF_E_NOMEM;
	memcpy(f->payload + old, line, len);
	return MDF_OK;
}

static int
add_kv(struct mdf_frame *f, const char *kind, const char *key, const char *value,
    size_t maxval)
{
	char *line;
	int n, rc;

	if (!metr_key_valid(key, strlen(key)) || !text_valid(value, strlen(value), maxval))
		return MDF_E_INVAL;
	n = asprintf(&line, "%s\t%s\t%s\n", kind, key, value);
	if (n < 0)
		return MDF_E_NOMEM;
	rc = append(f, line, (size_t)n);
	free(line);
	return rc;
}

int
mdf_metr_param(struct mdf_frame *f, const char *key, const char *value)
{
	return add_kv(f, "param", key, value, 6000);
}

int
mdf_metr_tag(struct mdf_frame *f, const char *key, const char *value)
{
	return add_kv(f, "tag", key, value, 8000);
}

int
mdf_metr_metric(struct mdf_frame *f, const char *key, double value,
    int64_t step, int64_t ts)
{
	char line[400], num[32];
	int n;

	if (!metr_key_valid(key, strlen(key)))
		return MDF_E_INVAL;
	if (ts < 0) {
		struct timeval tv;
		gettimeofday(&tv, NULL);
		ts = (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
	}
	if (isnan(value))
		strcpy(num, "nan");
	else if (isinf(value))
		strcpy(num, value > 0 ? "inf" : "-inf");
	else
		snprintf(num, sizeof num, "%.17g", value);
	n = snprintf(line, sizeof line, "metric\t%s\t%s\t%lld\t%lld\n", key, num,
	    (long long)step, (long long)ts);
	return append(f, line, (size_t)n);
}

int
mdf_metr_artifact(struct mdf_frame *f, const char *path)
{
	char *line;
	int n, rc;

	if (path[0] == '\0' || !text_valid(path, strlen(path), 4096))
		return MDF_E_INVAL;
	if ((n = asprintf(&line, "artifact\t%s\n", path)) < 0)
		return MDF_E_NOMEM;
	rc = append(f, line, (size_t)n);
	free(line);
	return rc;
}

/* Split [S, S+LEN) at TABs into at most MAX fields; the count. */
static int
split(const char *s, size_t len, const char **fld, size_t *flen, int max)
{
	int n = 0;
	size_t start = 0;

	for (size_t i = 0; i <= len; i++) {
		if (i == len || s[i] == '\t') {
			if (n == max)
				return max + 1;
			fld[n] = s + start;
			flen[n++] = i - start;
			start = i + 1;
		}
	}
	return n;
}

static int
parse_i64(const char *s, size_t len, int64_t *out)
{
	char buf[32], *end;
	long long v;

	if (len == 0 || len >= sizeof buf)
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	v = strtoll(buf, &end, 10);
	if (errno || *end)
		return 0;
	*out = v;
	return 1;
}

static int
parse_num(const char *s, size_t len, double *out)
{
	char buf[64], *end;

	if (len == 0 || len >= sizeof buf)
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	*out = strtod(buf, &end);
	return *end == '\0';
}

static void
copy_field(char *dst, size_t dstlen, const char *s, size_t len)
{
	if (len >= dstlen)
		len = dstlen - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

int
mdf_metr_next(const struct mdf_frame *f, size_t *pos, struct mdf_metr_rec *rec,
    size_t *line)
{
	const char *s = (const char *)f->payload + *pos, *nl, *fld[6];
	size_t len, flen[6];
	int n;

	if (*pos >= f->len)
		return 0;
	(*line)++;
	nl = memchr(s, '\n', f->len - *pos);
	if (nl == NULL)
		return MDF_E_META;
	len = (size_t)(nl - s);
	if (!mdf_val_valid(s, len))
		return MDF_E_META;
	n = split(s, len, fld, flen, 5);
	rec->key[0] = rec->value[0] = '\0';
	rec->num = 0;
	rec->step = rec->timestamp = 0;
#define IS(word) (flen[0] == sizeof word - 1 && memcmp(fld[0], word, flen[0]) == 0)
	if (n == 3 && (IS("param") || IS("tag"))) {
		rec->kind = IS("param") ? MDF_METR_PARAM : MDF_METR_TAG;
		if (!metr_key_valid(fld[1], flen[1]) ||
		    flen[2] > (rec->kind == MDF_METR_PARAM ? 6000u : 8000u))
			return MDF_E_META;
		copy_field(rec->key, sizeof rec->key, fld[1], flen[1]);
		copy_field(rec->value, sizeof rec->value, fld[2], flen[2]);
	} else if (n == 5 && IS("metric")) {
		rec->kind = MDF_METR_METRIC;
		if (!metr_key_valid(fld[1], flen[1]) ||
		    !parse_num(fld[2], flen[2], &rec->num) ||
		    !parse_i64(fld[3], flen[3], &rec->step) ||
		    !parse_i64(fld[4], flen[4], &rec->timestamp))
			return MDF_E_META;
		copy_field(rec->key, sizeof rec->key, fld[1], flen[1]);
		copy_field(rec->value, sizeof rec->value, fld[2], flen[2]);
	} else if (n == 2 && IS("artifact")) {
		rec->kind = MDF_METR_ARTIFACT;
		if (flen[1] == 0 || flen[1] > 4096)
			return MDF_E_META;
		copy_field(rec->value, sizeof rec->value, fld[1], flen[1]);
	} else {
		return MDF_E_META;
	}
#undef IS
	*pos += len + 1;
	return 1;
}
