/* Frame metadata: ordered UTF-8 key=value lines. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "frame/internal.h"

int
mdf_key_valid(const char *key)
{
	size_t i;

	if (key == NULL || !((key[0] >= 'A' && key[0] <= 'Z') ||
	    (key[0] >= 'a' && key[0] <= 'z')))
		return 0;
	for (i = 1; key[i] != '\0'; i++) {
		unsigned char c = (unsigned char)key[i];
		if (i >= MDF_KEY_MAX)
			return 0;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
			return 0;
	}
	return 1;
}

/* Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF), and none
 * of NUL, CR, LF, which would break the line syntax. */
int
mdf_val_valid(const char *val, size_t len)
{
	const unsigned char *s = (const unsigned char *)val;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		uint32_t cp;
		int n;

		if (c < 0x80) {
			if (c == 0 || c == '\n' || c == '\r')
				return 0;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) { n = 1; cp = c & 0x1f; }
		else if (c >= 0xe0 && c <= 0xef) { n = 2; cp = c & 0x0f; }
		else if (c >= 0xf0 && c <= 0xf4) { n = 3; cp = c & 0x07; }
		else return 0;
		for (int k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += (size_t)n + 1;
	}
	return 1;
}

/* Lookups go through a hash index of the keys, built as the keys are
 * set (once per frame read: the reader's duplicate check builds it, every
 * later mdf_get uses it), so that no lookup is a scan of the keys, whether
 * a frame has ten keys or 100,000.  Only when the index cannot be
 * allocated does a lookup scan. */

/* FNV-1a of KEY. */
static uint32_t
key_hash(const char *key)
{
	uint32_t h = 2166136261u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

static void
index_put(struct mdf_meta *m, size_t i)
{
	size_t mask = m->nslot - 1, s = key_hash(m->kv[i].key) & mask;

	while (m->slot[s] != 0)
		s = (s + 1) & mask;
	m->slot[s] = (uint32_t)(i + 1);
}

/* Make the index cover all M->n keys (at most half the slots used);
 * 0 if it cannot (no memory), and then lookups scan. */
static int
index_sync(struct mdf_meta *m)
{
	if (m->n > UINT32_MAX - 1)
		return 0;
	if (m->slot == NULL || m->hn > m->n || m->n * 2 > m->nslot) {
		size_t nslot = 64;
		uint32_t *slot;

		while (nslot < m->n * 2)
			nslot *= 2;
		if (nslot != m->nslot || m->slot == NULL) {
			if ((slot = realloc(m->slot, nslot * sizeof *slot)) == NULL)
				return 0;
			m->slot = slot;
			m->nslot = nslot;
		}
		memset(m->slot, 0, m->nslot * sizeof *m->slot);
		m->hn = 0;
	}
	for (; m->hn < m->n; m->hn++)
		index_put(m, m->hn);
	return 1;
}

static ssize_t
find(const struct mdf_meta *cm, const char *key)
{
	struct mdf_meta *m = (struct mdf_meta *)cm;   /* the index is a cache */

	if (m->n > 0 && index_sync(m)) {
		size_t mask = m->nslot - 1, s = key_hash(key) & mask;

		for (; m->slot[s] != 0; s = (s + 1) & mask)
			if (strcmp(m->kv[m->slot[s] - 1].key, key) == 0)
				return (ssize_t)m->slot[s] - 1;
		return -1;
	}
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->kv[i].key, key) == 0)
			return (ssize_t)i;
	return -1;
}

const char *
mdf_get(const struct mdf_frame *f, const char *key)
{
	ssize_t i = find(&f->meta, key);
	return i < 0 ? NULL : f->meta.kv[i].val;
}

static int
meta_set(struct mdf_meta *m, const char *key, const char *val, size_t vlen)
{
	char *v;
	ssize_t i;

	if (!mdf_key_valid(key) || !mdf_val_valid(val, vlen))
		return MDF_E_INVAL;
	if ((v = malloc(vlen + 1)) == NULL)
		return MDF_E_NOMEM;
	memcpy(v, val, vlen);
	v[vlen] = '\0';
	m->gen++;
	if ((i = find(m, key)) >= 0) {
		free(m->kv[i].val);
		m->kv[i].val = v;
		return MDF_OK;
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		struct mdf_kv *kv = realloc(m->kv, cap * sizeof *kv);
		if (kv == NULL) {
			free(v);
			return MDF_E_NOMEM;
		}
		m->kv = kv;
		m->cap = cap;
	}
	if ((m->kv[m->n].key = strdup(key)) == NULL) {
		free(v);
		return MDF_E_NOMEM;
	}
	m->kv[m->n++].val = v;
	index_sync(m);   /* kept whole, so that a lookup only reads */
	return MDF_OK;
}

int
mdf_set(struct mdf_frame *f, const char *key, const char *val)
{
	if (val == NULL)
		return MDF_E_INVAL;
	return meta_set(&f->meta, key, val, strlen(val));
}

int
mdf_setf(struct mdf_frame *f, const char *key, const char *fmt, ...)
{
	char small[256], *buf = small;
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return MDF_E_INVAL;
	if ((size_t)n >= sizeof small) {
		if ((buf = malloc((size_t)n + 1)) == NULL)
			return MDF_E_NOMEM;
		va_start(ap, fmt);
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	rc = meta_set(&f->meta, key, buf, (size_t)n);
	if (buf != small)
		free(buf);
	return rc;
}

int
mdf_unset(struct mdf_frame *f, const char *key)
{
	struct mdf_meta *m = &f->meta;
	ssize_t i = find(m, key);

	if (i < 0)
		return 0;
	free(m->kv[i].key);
	free(m->kv[i].val);
	memmove(&m->kv[i], &m->kv[i + 1], (m->n - (size_t)i - 1) * sizeof *m->kv);
	m->n--;
	m->hn = SIZE_MAX;    /* indices moved: rebuild */
	m->gen++;
	index_sync(m);
	return 1;
}

int
mdf_meta_copy(struct mdf_frame *dst, const struct mdf_frame *src)
{
	for (size_t i = 0; i < src->meta.n; i++) {
		int rc = mdf_set(dst, src->meta.kv[i].key, src->meta.kv[i].val);
		if (rc < 0)
			return rc;
	}
	return MDF_OK;
}

/* KEY's value parsed whole as KIND: 'u' an unsigned integer (a digit
 * first), 'l' a long, 'd' a double (underflow allowed); *OUT is left alone
 * unless it parses. */
static int
get_number(const struct mdf_frame *f, const char *key, int kind, void *out)
{
	const char *v = mdf_get(f, key);
	union { unsigned long long u; long l; double d; } x;
	char *end;

	if (v == NULL || *v == '\0' || (kind == 'u' && (*v < '0' || *v > '9')))
		return MDF_E_META;
	errno = 0;
	if (kind == 'u')
		x.u = strtoull(v, &end, 10);
	else if (kind == 'l')
		x.l = strtol(v, &end, 10);
	else
		x.d = strtod(v, &end);
	if ((kind == 'd' ? errno == ERANGE : errno != 0) || *end != '\0')
		return MDF_E_META;
	if (kind == 'u')
		*(uint64_t *)out = x.u;
	else if (kind == 'l')
		*(long *)out = x.l;
	else
		*(double *)out = x.d;
	return MDF_OK;
}

int
mdf_get_u64(const struct mdf_frame *f, const char *key, uint64_t *out)
{
	return get_number(f, key, 'u', out);
}

int
mdf_get_long(const struct mdf_frame *f, const char *key, long *out)
{
	return get_number(f, key, 'l', out);
}

int
mdf_get_double(const struct mdf_frame *f, const char *key, double *out)
{
	return get_number(f, key, 'd', out);
}

int
mdf_set_assignment(struct mdf_frame *f, const char *a)
{
	const char *eq = strchr(a, '=');
	char key[MDF_KEY_MAX + 1];
	size_t klen;

	if (eq == NULL || (klen = (size_t)(eq - a)) == 0 || klen > MDF_KEY_MAX)
		return MDF_E_META;
	memcpy(key, a, klen);
	key[klen] = '\0';
	if (!mdf_key_valid(key) || !mdf_val_valid(eq + 1, strlen(eq + 1)))
		return MDF_E_META;
	return mdf_set(f, key, eq + 1);
}

void
mdf_meta_clear(struct mdf_meta *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->kv[i].key);
		free(m->kv[i].val);
	}
	m->n = 0;
	m->hn = SIZE_MAX;
	m->gen++;
}

void
mdf_meta_free(struct mdf_meta *m)
{
	mdf_meta_clear(m);
	free(m->kv);
	free(m->slot);
	m->kv = NULL;
	m->cap = 0;
	m->slot = NULL;
	m->nslot = 0;
}

int
mdf_meta_encode(const struct mdf_meta *m, char **out, size_t *len)
{
	size_t total = 0, pos = 0;
	char *buf;

	for (size_t i = 0; i < m->n; i++)
		total += strlen(m->kv[i].key) + strlen(m->kv[i].val) + 2;
	if ((buf = malloc(total ? total : 1)) == NULL)
		return MDF_E_NOMEM;
	for (size_t i = 0; i < m->n; i++) {
		size_t k = strlen(m->kv[i].key), v = strlen(m->kv[i].val);
		memcpy(buf + pos, m->kv[i].key, k);
		buf[pos + k] = '=';
		memcpy(buf + pos + k + 1, m->kv[i].val, v);
		buf[pos + k + 1 + v] = '\n';
		pos += k + v + 2;
	}
	*out = buf;
	*len = total;
	return MDF_OK;
}

int
mdf_meta_decode(struct mdf_meta *m, const char *buf, size_t len,
    size_t *badoff, char *why, size_t whylen)
{
	size_t pos = 0, line = 1;

	mdf_meta_clear(m);
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		const char *eq;
		char key[MDF_KEY_MAX + 1];
		size_t end, klen;
		int rc;

		*badoff = pos;
		if (nl == NULL) {
			snprintf(why, whylen, "metadata line %zu: no final newline", line);
			return MDF_E_META;
		}
		end = (size_t)(nl - buf);
		eq = memchr(buf + pos, '=', end - pos);
		if (eq == NULL) {
			snprintf(why, whylen, "metadata line %zu: expected key=value", line);
			return MDF_E_META;
		}
		klen = (size_t)(eq - (buf + pos));
		if (klen == 0 || klen > MDF_KEY_MAX) {
			snprintf(why, whylen, "metadata line %zu: key of %zu bytes", line, klen);
			return MDF_E_META;
		}
		memcpy(key, buf + pos, klen);
		key[klen] = '\0';
		/* a NUL would end the C string early: "label\0junk" is not "label" */
		if (strlen(key) != klen || !mdf_key_valid(key)) {
			snprintf(why, whylen, "metadata line %zu: invalid key", line);
			return MDF_E_META;
		}
		if (!mdf_val_valid(eq + 1, (size_t)(nl - eq - 1))) {
			*badoff = (size_t)(eq + 1 - buf);
			snprintf(why, whylen,
			    "metadata line %zu: value of '%s' is not UTF-8 text", line, key);
			return MDF_E_META;
		}
		if (find(m, key) >= 0) {
			snprintf(why, whylen, "metadata line %zu: duplicate key '%s'", line, key);
			return MDF_E_META;
		}
		rc = meta_set(m, key, eq + 1, (size_t)(nl - eq - 1));
		if (rc < 0) {
			snprintf(why, whylen, "%s", mdf_strerror(rc));
			return rc;
		}
		pos = end + 1;
		line++;
	}
	return MDF_OK;
}
