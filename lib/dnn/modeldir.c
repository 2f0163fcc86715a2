/*
 * The model directory (milldir-model(5)): the reader and writer of
 * labels.txt and model.meta, and the preparation of the training frames
 * that model.meta records (input.* keys) and that dnnpredict checks.
 *
 * Both files are small text files that a person may edit, so the readers
 * are strict and name the line of every defect: a label becomes PRED
 * metadata and a metriclog key, so its length and alphabet are bounded
 * here, once.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/common.h"
#include "dnn/modeldir.h"

char *
mdf_model_file(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* Length of the UTF-8 sequence at S (at most N bytes), 0 if invalid
 * (overlong forms, surrogates and code points above U+10FFFF too). */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t k;
	unsigned cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		k = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4, cp = c & 0x07;
	else
		return 0;
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((k == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (k == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	/* C1 controls, line and paragraph separators: not in a label */
	if ((cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029)
		return 0;
	return k;
}

/* Why text S (LEN bytes) is not clean UTF-8 without control characters
 * (NULL if it is); COMMA: a comma is refused too. */
static const char *
text_invalid(const char *s, size_t len, int comma)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < len;) {
		if (u[i] == '\r')
			return "carriage return (CRLF line ends are not allowed)";
		if (u[i] < 0x20 || u[i] == 0x7f)
			return "control character";
		if (comma && u[i] == ',')
			return "comma (labels are joined with commas)";
		size_t k = utf8_len(u + i, len - i);
		if (k == 0)
			return "invalid UTF-8 or a C1 control character";
		i += k;
	}
	return NULL;
}

const char *
mdf_model_label_invalid(const char *s, size_t len)
{
	if (len == 0)
		return "empty label";
	if (len > MDF_MODEL_MAX_LABEL)
		return "label longer than 100 bytes";
	if (s[0] == ' ' || s[len - 1] == ' ')
		return "label begins or ends with a space";
	return text_invalid(s, len, 1);
}

/* Read a regular file of at most MAX bytes into *TEXT (NUL-terminated,
 * caller frees): MDF_E_IO if it cannot be opened or read, MDF_E_META if
 * it is not a regular file or is longer. */
static int
read_file(const char *path, size_t max, char **text, size_t *len, char *why,
    size_t whylen)
{
	FILE *fp = fopen(path, "rb");
	struct stat st;

	if (!fp)
		return mdf_why(why, whylen, MDF_E_IO, "%s: %s", path, strerror(errno));
	if (fstat(fileno(fp), &st) < 0 || !S_ISREG(st.st_mode)) {
		fclose(fp);
		return mdf_why(why, whylen, MDF_E_META, "%s: not a regular file", path);
	}
	char *b = malloc(max + 2);
	if (!b) {
		fclose(fp);
		return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	}
	size_t n = fread(b, 1, max + 1, fp);
	int err = ferror(fp);
	fclose(fp);
	if (err) {
		free(b);
		return mdf_why(why, whylen, MDF_E_IO, "%s: read error", path);
	}
	if (n > max) {
		free(b);
		return mdf_why(why, whylen, MDF_E_META, "%s: longer than %zu bytes", path, max);
	}
	b[n] = '\0';
	*text = b;
	*len = n;
	return MDF_OK;
}

void
mdf_model_labels_free(struct mdf_model_labels *l)
{
	free(l->v);
	free(l->buf);
	*l = (struct mdf_model_labels){ 0 };
}

int
mdf_model_labels_parse(const char *name, const char *text, size_t len,
    struct mdf_model_labels *out, char *why, size_t whylen)
{
	struct mdf_model_labels l = { 0 };
	size_t line = 0;

	*out = l;
	if (len > MDF_MODEL_MAX_LABELS_FILE)
		return mdf_why(why, whylen, MDF_E_META, "%s: longer than %d bytes", name,
		    MDF_MODEL_MAX_LABELS_FILE);
	if (len > 0 && text[len - 1] != '\n')
		return mdf_why(why, whylen, MDF_E_META, "%s: the last line has no newline", name);
	if (!(l.buf = malloc(len + 1)) ||
	    !(l.v = malloc(MDF_MODEL_MAX_LABELS * sizeof *l.v))) {
		mdf_model_labels_free(&l);
		return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	}
	memcpy(l.buf, text, len);
	l.buf[len] = '\0';
	for (size_t i = 0; i < len; line++) {
		char *s = l.buf + i, *nl = memchr(s, '\n', len - i);
		size_t n = (size_t)(nl - s);
		const char *bad;
		i += n + 1;
		*nl = '\0';
		if (l.n == MDF_MODEL_MAX_LABELS) {
			mdf_why(why, whylen, MDF_E_META, "%s: more than %d labels", name,
			    MDF_MODEL_MAX_LABELS);
			goto bad;
		}
		if ((bad = mdf_model_label_invalid(s, n))) {
			mdf_why(why, whylen, MDF_E_META, "%s: line %zu: %s", name, line + 1, bad);
			goto bad;
		}
		for (int k = 0; k < l.n; k++)
			if (strcmp(l.v[k], s) == 0) {
				mdf_why(why, whylen, MDF_E_META, "%s: line %zu: label '%s' "
				    "repeats line %d", name, line + 1, s, k + 1);
				goto bad;
			}
		l.v[l.n++] = s;
	}
	if (l.n < 2) {
		mdf_why(why, whylen, MDF_E_META, "%s: %d labels (a model has at least 2)",
		    name, l.n);
		goto bad;
	}
	*out = l;
	return MDF_OK;
bad:
	mdf_model_labels_free(&l);
	return MDF_E_META;
}

/* Read DIR/NAME (at most MAX bytes) and parse it: labels.txt into a
 * struct mdf_model_labels when LABELS, else model.meta into a struct
 * mdf_model_meta, at OUT. */
static int
read_parse(const char *dir, const char *name, size_t max, int labels, void *out,
    char *why, size_t whylen)
{
	char *path = mdf_model_file(dir, name), *text = NULL;
	size_t len = 0;
	int rc;

	if (!path)
		return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	rc = read_file(path, max, &text, &len, why, whylen);
	if (rc == MDF_OK && labels)
		rc = mdf_model_labels_parse(path, text, len, out, why, whylen);
	else if (rc == MDF_OK)
		rc = mdf_model_meta_parse(path, text, len, out, why, whylen);
	free(text);
	free(path);
	return rc;
}

int
mdf_model_labels_read(const char *dir, struct mdf_model_labels *out, char *why,
    size_t whylen)
{
	return read_parse(dir, "labels.txt", MDF_MODEL_MAX_LABELS_FILE, 1, out, why,
	    whylen);
}

/* Write TEXT to DIR/NAME through a temporary, renamed when complete. */
static int
write_file(const char *dir, const char *name, const char *text, char *why,
    size_t whylen)
{
	char *path = mdf_model_file(dir, name);
	char *tmp = path ? malloc(strlen(path) + 8) : NULL;
	FILE *fp;
	int rc = MDF_OK;

	if (!tmp) {
		free(path);
		return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	}
	sprintf(tmp, "%s.tmp", path);
	if (!(fp = fopen(tmp, "w")) || fputs(text, fp) == EOF ||
	    (fclose(fp) != 0 && (fp = NULL, 1)) || rename(tmp, path) != 0) {
		rc = mdf_why(why, whylen, MDF_E_IO, "%s: %s", path, strerror(errno));
		if (fp)
			fclose(fp);
		remove(tmp);
	}
	free(tmp);
	free(path);
	return rc;
}

int
mdf_model_labels_write(const char *dir, char *const *labels, int n, char *why,
    size_t whylen)
{
	size_t len = 1;
	char *text;
	int rc;

	if (n < 2 || n > MDF_MODEL_MAX_LABELS)
		return mdf_why(why, whylen, MDF_E_META, "%d classes (2 to %d)", n,
		    MDF_MODEL_MAX_LABELS);
	for (int i = 0; i < n; i++) {
		const char *bad = mdf_model_label_invalid(labels[i], strlen(labels[i]));
		if (bad)
			return mdf_why(why, whylen, MDF_E_META, "class %d: %s", i + 1, bad);
		len += strlen(labels[i]) + 1;
	}
	if (!(text = malloc(len)))
		return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	text[0] = '\0';
	for (int i = 0; i < n; i++)
		strcat(strcat(text, labels[i]), "\n");
	struct mdf_model_labels chk;
	rc = mdf_model_labels_parse("labels.txt", text, len - 1, &chk, why, whylen);
	mdf_model_labels_free(&chk);
	if (rc == MDF_OK)
		rc = write_file(dir, "labels.txt", text, why, whylen);
	free(text);
	return rc;
}

/* --- model.meta ------------------------------------------------------- */

static const char *
key_invalid(const char *k, size_t n)
{
	if (n == 0)
		return "empty key";
	if (n > MDF_MODEL_MAX_KEY)
		return "key longer than 64 bytes";
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') ||
		    k[i] == '_' || k[i] == '.'))
			return "key with a character outside [a-z0-9_.]";
	return NULL;
}

static const char *
value_invalid(const char *v, size_t n)
{
	if (n > MDF_MODEL_MAX_VALUE)
		return "value too long";
	return text_invalid(v, n, 0);
}

void
mdf_model_meta_free(struct mdf_model_meta *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->key[i]);
		free(m->val[i]);
	}
	free(m->key);
	free(m->val);
	*m = (struct mdf_model_meta){ 0 };
}

const char *
mdf_model_meta_get(const struct mdf_model_meta *m, const char *key)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->key[i], key) == 0)
			return m->val[i];
	return NULL;
}

/* Set KEY (KN bytes) to VAL (VN bytes), unchecked. */
static int
meta_put(struct mdf_model_meta *m, const char *key, size_t kn, const char *val,
    size_t vn)
{
	char *v = malloc(vn + 1);

	if (!v)
		return MDF_E_NOMEM;
	memcpy(v, val, vn);
	v[vn] = '\0';
	for (int i = 0; i < m->n; i++)
		if (strlen(m->key[i]) == kn && memcmp(m->key[i], key, kn) == 0) {
			free(m->val[i]);
			m->val[i] = v;
			return MDF_OK;
		}
	if (m->n == MDF_MODEL_MAX_KEYS) {
		free(v);
		return MDF_E_INVAL;
	}
	if (m->n % 16 == 0) {
		char **k2 = realloc(m->key, ((size_t)m->n + 16) * sizeof *k2);
		if (k2)
			m->key = k2;
		char **v2 = realloc(m->val, ((size_t)m->n + 16) * sizeof *v2);
		if (v2)
			m->val = v2;
		if (!k2 || !v2) {
			free(v);
			return MDF_E_NOMEM;
		}
	}
	if (!(m->key[m->n] = malloc(kn + 1))) {
		free(v);
		return MDF_E_NOMEM;
	}
	memcpy(m->key[m->n], key, kn);
	m->key[m->n][kn] = '\0';
	m->val[m->n++] = v;
	return MDF_OK;
}

int
mdf_model_meta_set(struct mdf_model_meta *m, const char *key, const char *val)
{
	if (key_invalid(key, strlen(key)) || value_invalid(val, strlen(val)))
		return MDF_E_INVAL;
	return meta_put(m, key, strlen(key), val, strlen(val));
}

int
mdf_model_meta_setf(struct mdf_model_meta *m, const char *key, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return mdf_model_meta_set(m, key, buf);
}

int
mdf_model_meta_parse(const char *name, const char *text, size_t len,
    struct mdf_model_meta *out, char *why, size_t whylen)
{
	struct mdf_model_meta m = { 0 };
	size_t line = 0;
	int rc = MDF_OK;

	*out = m;
	if (len > MDF_MODEL_MAX_META)
		return mdf_why(why, whylen, MDF_E_META, "%s: longer than %d bytes", name,
		    MDF_MODEL_MAX_META);
	if (len > 0 && text[len - 1] != '\n')
		return mdf_why(why, whylen, MDF_E_META, "%s: the last line has no newline", name);
	for (size_t i = 0; i < len && rc == MDF_OK; line++) {
		const char *s = text + i, *nl = memchr(s, '\n', len - i);
		const char *eq = memchr(s, '=', (size_t)(nl - s)), *bad;
		i += (size_t)(nl - s) + 1;
		if (!eq)
			bad = "no '=' (lines are KEY=VALUE)";
		else if (!(bad = key_invalid(s, (size_t)(eq - s))) &&
		    !(bad = value_invalid(eq + 1, (size_t)(nl - eq - 1)))) {
			for (int k = 0; k < m.n && !bad; k++)
				if (strlen(m.key[k]) == (size_t)(eq - s) &&
				    memcmp(m.key[k], s, (size_t)(eq - s)) == 0)
					bad = "the key repeats an earlier line";
			if (!bad && m.n == MDF_MODEL_MAX_KEYS)
				bad = "more than 256 keys";
		}
		if (bad)
			rc = mdf_why(why, whylen, MDF_E_META, "%s: line %zu: %s", name, line + 1, bad);
		else if (meta_put(&m, s, (size_t)(eq - s), eq + 1, (size_t)(nl - eq - 1)) < 0)
			rc = mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	}
	if (rc == MDF_OK)
		*out = m;
	else
		mdf_model_meta_free(&m);
	return rc;
}

int
mdf_model_meta_read(const char *dir, struct mdf_model_meta *out, char *why,
    size_t whylen)
{
	return read_parse(dir, "model.meta", MDF_MODEL_MAX_META, 0, out, why, whylen);
}

int
mdf_model_meta_write(const char *dir, const struct mdf_model_meta *m, char *why,
    size_t whylen)
{
	size_t len = 1;
	char *text, *p;
	int rc;

	for (int i = 0; i < m->n; i++)
		len += strlen(m->key[i]) + strlen(m->val[i]) + 2;
	if (len > MDF_MODEL_MAX_META)
		return mdf_why(why, whylen, MDF_E_META, "model.meta would be longer than %d bytes",
		    MDF_MODEL_MAX_META);
	if (!(p = text = malloc(len)))
		return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	for (int i = 0; i < m->n; i++)
		p += sprintf(p, "%s=%s\n", m->key[i], m->val[i]);
	*p = '\0';
	rc = write_file(dir, "model.meta", text, why, whylen);
	free(text);
	return rc;
}

/* --- preparation ---------------------------------------------------------- */

/* The frame keys that describe how a frame was made, per frame type; the
 * size keys are recorded (a pipeline reproduces the frames from them) but
 * not compared, since dnnpredict resizes images as dnntrain does. */
static const char *const imag_keys[] = { "view.setup", "view.normals", "grid", "tile",
	"width", "height", "channels", NULL };
static const char *const tens_keys[] = { "embed.kind", "embed.bins", "embed.features",
	"embed.normalized", "shape", NULL };

static const char *const *
prep_keys(const char *type)
{
	return strcmp(type, "IMAG") == 0 ? imag_keys :
	    strcmp(type, "TENS") == 0 ? tens_keys : NULL;
}

static int
size_key(const char *k)
{
	return strcmp(k, "width") == 0 || strcmp(k, "height") == 0 ||
	    strcmp(k, "channels") == 0 || strcmp(k, "shape") == 0;
}

static void
meta_unset(struct mdf_model_meta *m, const char *key)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->key[i], key) == 0) {
			free(m->key[i]);
			free(m->val[i]);
			memmove(m->key + i, m->key + i + 1, (size_t)(m->n - i - 1) * sizeof *m->key);
			memmove(m->val + i, m->val + i + 1, (size_t)(m->n - i - 1) * sizeof *m->val);
			m->n--;
			return;
		}
}

int
mdf_model_prep_take(struct mdf_model_meta *m, const struct mdf_frame *f, int first)
{
	const char *type = mdf_frame_is(f, "IMAG") ? "IMAG" : mdf_frame_is(f, "TENS") ?
	    "TENS" : NULL;
	const char *have = mdf_model_meta_get(m, "input.type");
	const char *const *keys = type ? prep_keys(type) : NULL;
	char k[MDF_MODEL_MAX_KEY + 1];
	int rc;

	if (!keys)
		return MDF_E_INVAL;
	if (!first && (!have || strcmp(have, type) != 0)) {
		/* frames of two kinds: no one preparation to record */
		for (int i = m->n - 1; i >= 0; i--)
			if (strncmp(m->key[i], "input.", 6) == 0)
				meta_unset(m, m->key[i]);
		return MDF_OK;
	}
	if (first && (rc = mdf_model_meta_set(m, "input.type", type)) < 0)
		return rc;
	for (; *keys; keys++) {
		const char *v = mdf_get(f, *keys), *old;
		snprintf(k, sizeof k, "input.%s", *keys);
		old = mdf_model_meta_get(m, k);
		if (first) {
			if (v && (rc = mdf_model_meta_set(m, k, v)) < 0)
				return rc;
		} else if (old && (!v || strcmp(old, v) != 0)) {
			meta_unset(m, k);    /* the frames disagree: keep what they share */
		}
	}
	return MDF_OK;
}

int
mdf_model_prep_match(const struct mdf_model_meta *m, const struct mdf_frame *f,
    char *why, size_t whylen)
{
	const char *type = mdf_model_meta_get(m, "input.type");
	const char *const *keys;
	char k[MDF_MODEL_MAX_KEY + 1];

	if (!type || !(keys = prep_keys(type)))
		return MDF_OK;
	if (!mdf_frame_is(f, type))
		return mdf_why(why, whylen, MDF_E_META, "a %.4s frame, the model was trained "
		    "on %s frames", f->type, type);
	for (; *keys; keys++) {
		const char *want, *got = mdf_get(f, *keys);
		if (size_key(*keys))
			continue;
		snprintf(k, sizeof k, "input.%s", *keys);
		want = mdf_model_meta_get(m, k);
		if (!want)
			continue;
		if (!got)
			return mdf_why(why, whylen, MDF_E_META, "the frame has no %s, the model "
			    "was trained on %s=%.200s", *keys, *keys, want);
		if (strcmp(want, got) != 0)
			return mdf_why(why, whylen, MDF_E_META, "%s=%.200s, the model was "
			    "trained on %s=%.200s", *keys, got, *keys, want);
	}
	return MDF_OK;
}
