/* An MLflow file store written and read without MLflow: the layout of
 * mlflow/store/tracking/file_store.py, flat YAML written as PyYAML's
 * safe_dump writes it, crash-safe by rename and O_APPEND. */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"

#define LOCK_NAME ".metriclog.lock"

struct mdf_mlstore {
	char root[PATH_MAX];
};

struct mdf_mlrun {
	struct mdf_mlstore *st;
	char dir[PATH_MAX];
	char id[33];
	char exp_id[32];
	char *name;
	char *user;
	int64_t start_ms, end_ms;
	int status;
	unsigned tmpseq;
	/* meta.yaml as KILLED, double-buffered for a signal handler: the
	 * handler reads killed[kslot], updates go to the other slot. */
	char *killed[2];
	size_t ksplit[2], klen[2];
	volatile sig_atomic_t kslot;
	char ktmp[PATH_MAX], kdest[PATH_MAX];
	/* Real paths of the directories an artifact record may name; none
	 * set: the working directory. */
	char **roots;
	size_t nroots;
};

static void
why_set(char *why, size_t whylen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
why_set(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;

	if (why == NULL || whylen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
}

/* "PATH: strerror" and MDF_E_IO, keeping errno. */
static int
io_fail(char *why, size_t whylen, const char *path)
{
	int e = errno;
	why_set(why, whylen, "%s: %s", path, strerror(e));
	errno = e;
	return MDF_E_IO;
}

static int64_t
now_ms(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

const char *
mdf_run_status_name(int status)
{
	switch (status) {
	case MDF_RUN_RUNNING: return "RUNNING";
	case MDF_RUN_SCHEDULED: return "SCHEDULED";
	case MDF_RUN_FINISHED: return "FINISHED";
	case MDF_RUN_FAILED: return "FAILED";
	case MDF_RUN_KILLED: return "KILLED";
	default: return "UNKNOWN";
	}
}

/* snprintf into a path buffer; -1 with ENAMETOOLONG when it does not fit. */
static int
pathf(char *out, size_t outlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int
pathf(char *out, size_t outlen, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, outlen, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= outlen) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

static int
join(char *out, size_t outlen, const char *a, const char *b)
{
	int n = snprintf(out, outlen, "%s/%s", a, b);
	if (n < 0 || (size_t)n >= outlen) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* --- keys and names ------------------------------------------------- */

int
mdf_ml_key_valid(const char *k)
{
	size_t len = strlen(k);

	if (len == 0 || len > MDF_ML_KEY_MAX || k[0] == '/' || k[len - 1] == '/')
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)k[i];
		if (!(isalnum(c) || c == '_' || c == '.' || c == '-' || c == '/' ||
		    c == ' ' || c == ':'))
			return 0;
	}
	/* normpath(key) == key: no empty, "." or ".." component. */
	for (const char *p = k; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return 0;
		p += n + (e != NULL);
	}
	return 1;
}

static int
name_valid(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len == 0 || len > max)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return mdf_val_valid(s, len);
}

/* Experiment and run directory names MLflow accepts. */
static int
id_valid(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len == 0 || len > max || !isalnum((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < len; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* --- YAML ----------------------------------------------------------- */

static int
ieq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* Would PyYAML read S back as something other than this string (a
 * number, bool, null, date), or need quotes for its characters? */
static int
needs_quotes(const char *s)
{
	static const char *const words[] = {"yes", "no", "true", "false", "on",
	    "off", "y", "n", "null", "~", "<<", "="};
	size_t len = strlen(s);
	int numeric = 1, digit = 0;

	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ' || s[len - 1] == ':')
		return 1;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]))
		return 1;
	if (strstr(s, ": ") || strstr(s, " #"))
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (ieq(s, words[i]))
			return 1;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f || *p == '\t')
			return 1;
		if (isdigit(*p))
			digit = 1;
		else if (!strchr("+-._:eExXoObB", *p) &&
		    !(isxdigit(*p) && strchr(s, 'x')))
			numeric = 0;
	}
	if (numeric && (digit || s[0] == '.'))
		return 1;
	/* .inf, .nan and dates such as 2026-11-26 */
	if (s[0] == '.' && (ieq(s + 1, "inf") || ieq(s + 1, "nan")))
		return 1;
	if (len >= 10 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]) &&
	    s[4] == '-')
		return 1;
	return 0;
}

struct sbuf {
	char *s;
	size_t len, cap;
	int err;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->err)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap * 2 : 512) + n;
		char *p = realloc(b->s, cap);
		if (p == NULL) {
			b->err = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		b->err = 1;
		return;
	}
	sb_add(b, tmp, (size_t)n);
}

/* Decode one UTF-8 sequence at S (N bytes left) into *CP; its length, or
 * 1 with *CP = U+FFFD for a byte that starts no valid sequence. */
static size_t
utf8_next(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len = s[0] < 0x80 ? 1 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 :
	    s[0] >= 0xe0 && s[0] < 0xf0 ? 3 : s[0] >= 0xf0 && s[0] < 0xf5 ? 4 : 0;
	unsigned long c;

	if (len == 1) {
		*cp = s[0];
		return 1;
	}
	if (len == 0 || len > n)
		goto bad;
	c = s[0] & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c < 0xe000))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

/* Must CP be escaped in a double-quoted scalar: not printable for
 * PyYAML's reader (C0 but for none we keep, DEL, C1, U+FFFE/F), a line
 * break of YAML 1.1 (U+0085, U+2028, U+2029), or the BOM? */
static int
yaml_must_escape(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff;
}

/* VAL as a double-quoted scalar with YAML's escapes, on one line. */
static void
sb_yaml_dquoted(struct sbuf *b, const char *val)
{
	const unsigned char *p = (const unsigned char *)val;
	size_t n = strlen(val);

	sb_add(b, "\"", 1);
	while (n > 0) {
		unsigned long cp;
		size_t k = utf8_next(p, n, &cp);
		if (cp == '"' || cp == '\\')
			sb_printf(b, "\\%c", (char)cp);
		else if (cp == 0x85)
			sb_str(b, "\\N");
		else if (cp == 0x2028)
			sb_str(b, "\\L");
		else if (cp == 0x2029)
			sb_str(b, "\\P");
		else if (cp <= 0xff && yaml_must_escape(cp))
			sb_printf(b, "\\x%02X", (unsigned)cp);
		else if (yaml_must_escape(cp) || (cp == 0xfffd && k == 1))
			sb_printf(b, "\\u%04lX", cp);
		else
			sb_add(b, (const char *)p, k);
		p += k;
		n -= k;
	}
	sb_add(b, "\"", 1);
}

/* Does VAL hold a character that only a double-quoted scalar can carry
 * (see yaml_must_escape), or bytes that are not UTF-8? */
static int
needs_dquotes(const char *val)
{
	const unsigned char *p = (const unsigned char *)val;
	size_t n = strlen(val);

	while (n > 0) {
		unsigned long cp;
		size_t k = utf8_next(p, n, &cp);
		if (yaml_must_escape(cp) || (cp == 0xfffd && k == 1))
			return 1;
		p += k;
		n -= k;
	}
	return 0;
}

static void
sb_yaml(struct sbuf *b, const char *key, const char *val)
{
	sb_str(b, key);
	sb_str(b, ": ");
	if (needs_dquotes(val)) {
		sb_yaml_dquoted(b, val);
	} else if (!needs_quotes(val)) {
		sb_str(b, val);
	} else {
		sb_add(b, "'", 1);
		for (const char *p = val; *p; p++)
			sb_str(b, *p == '\'' ? "''" : (char[]){*p, 0});
		sb_add(b, "'", 1);
	}
	sb_add(b, "\n", 1);
}

int
mdf_yaml_put_str(char **buf, size_t *len, const char *key, const char *value)
{
	struct sbuf b = {*buf, *len, *buf ? *len + 1 : 0, 0}; /* cap >= len + 1 */

	sb_yaml(&b, key, value);
	if (b.err)
		return MDF_E_NOMEM;
	*buf = b.s;
	*len = b.len;
	return MDF_OK;
}

/* Append the UTF-8 encoding of CP. */
static void
sb_utf8(struct sbuf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp; n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3f)); n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f)); n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	sb_add(b, u, n);
}

int
mdf_yaml_get(const char *s, const char *key, char **out)
{
	size_t klen = strlen(key);
	const char *p = s, *v = NULL;
	struct sbuf b = {0};

	/* Find "KEY:" at the start of a line. */
	while (p && *p) {
		if (strncmp(p, key, klen) == 0 && p[klen] == ':' &&
		    (p[klen + 1] == ' ' || p[klen + 1] == '\n' || p[klen + 1] == '\0' ||
		    p[klen + 1] == '\r')) {
			v = p + klen + 1;
			break;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (v == NULL)
		return 0;
	while (*v == ' ')
		v++;
	sb_add(&b, "", 0);
	if (*v == '\'' || *v == '"') {
		char q = *v++;
		int pending_space = 0;
		for (; *v; v++) {
			if (*v == '\n' || *v == '\r') {
				/* A line break inside quotes folds to one space. */
				while (*v == '\n' || *v == '\r' || *v == ' ' || *v == '\t')
					v++;
				v--;
				pending_space = 1;
				continue;
			}
			if (pending_space) {
				sb_add(&b, " ", 1);
				pending_space = 0;
			}
			if (q == '\'' && *v == '\'') {
				if (v[1] == '\'') {
					sb_add(&b, "'", 1);
					v++;
					continue;
				}
				break;
			}
			if (q == '"' && *v == '"')
				break;
			if (q == '"' && *v == '\\' && v[1]) {
				v++;
				switch (*v) {
				case 'n': sb_add(&b, "\n", 1); break;
				case 't': sb_add(&b, "\t", 1); break;
				case 'r': sb_add(&b, "\r", 1); break;
				case '0': sb_add(&b, "\0", 1); break;
				case 'a': sb_add(&b, "\a", 1); break;
				case 'b': sb_add(&b, "\b", 1); break;
				case 'e': sb_add(&b, "\033", 1); break;
				case 'f': sb_add(&b, "\f", 1); break;
				case 'v': sb_add(&b, "\v", 1); break;
				case 'N': sb_utf8(&b, 0x85); break;
				case '_': sb_utf8(&b, 0xa0); break;
				case 'L': sb_utf8(&b, 0x2028); break;
				case 'P': sb_utf8(&b, 0x2029); break;
				case '\r': case '\n':
					/* An escaped line break joins the lines, and
					 * the next line's indentation goes. */
					if (*v == '\r' && v[1] == '\n')
						v++;
					while (v[1] == ' ' || v[1] == '\t')
						v++;
					break;
				case 'x': case 'u': case 'U': {
					int nd = *v == 'x' ? 2 : *v == 'u' ? 4 : 8;
					char hex[9] = {0};
					for (int i = 0; i < nd && isxdigit((unsigned char)v[1]); i++)
						hex[i] = *++v;
					sb_utf8(&b, strtoul(hex, NULL, 16));
					break;
				}
				default: sb_add(&b, v, 1);
				}
				continue;
			}
			sb_add(&b, v, 1);
		}
	} else {
		/* Plain scalar, possibly continued on indented lines. */
		for (;;) {
			const char *e = v;
			while (*e && *e != '\n' && *e != '\r' && !(e[0] == ' ' && e[1] == '#'))
				e++;
			while (e > v && e[-1] == ' ')
				e--;
			sb_add(&b, v, (size_t)(e - v));
			v = strchr(v, '\n');
			if (v == NULL || v[1] != ' ')
				break;
			v++;
			while (*v == ' ')
				v++;
			if (*v == '\n' || *v == '\0')
				break;
			sb_add(&b, " ", 1);
		}
		if (strcmp(b.s, "null") == 0 || strcmp(b.s, "~") == 0 ||
		    strcmp(b.s, "Null") == 0 || strcmp(b.s, "NULL") == 0)
			b.s[0] = '\0', b.len = 0;
	}
	if (b.err) {
		free(b.s);
		return MDF_E_NOMEM;
	}
	*out = b.s;
	return 1;
}

/* --- files ---------------------------------------------------------- */

/* Read a whole (small) file into a NUL-terminated buffer. */
static int
read_text(const char *path, char **out, size_t *outlen)
{
	struct sbuf b = {0};
	char tmp[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return MDF_E_IO;
	sb_add(&b, "", 0);
	while ((n = read(fd, tmp, sizeof tmp)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			free(b.s);
			errno = e;
			return MDF_E_IO;
		}
		sb_add(&b, tmp, (size_t)n);
	}
	close(fd);
	if (b.err) {
		free(b.s);
		return MDF_E_NOMEM;
	}
	*out = b.s;
	if (outlen)
		*outlen = b.len;
	return MDF_OK;
}

static int
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* mkdir -p of the directories above PATH's last component. */
static int
mkdirs_for(const char *path)
{
	char tmp[PATH_MAX];
	size_t len = strlen(path);

	if (len >= sizeof tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(tmp, path, len + 1);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0777) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

static int
mkdir_p(const char *path)
{
	char tmp[PATH_MAX];

	if (join(tmp, sizeof tmp, path, "x") < 0 || mkdirs_for(tmp) < 0)
		return -1;
	return 0;
}

/* Write DATA to a temporary file in TMPDIR, then rename it to DEST, so a
 * reader sees the old file or the new one, never a part. */
static int
write_atomic(const char *tmpdir, unsigned *seq, const char *dest,
    const void *data, size_t len, char *why, size_t whylen)
{
	char tmp[PATH_MAX];
	int fd, n;

	n = snprintf(tmp, sizeof tmp, "%s/.tmp-%ld-%u", tmpdir, (long)getpid(),
	    (*seq)++);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		errno = ENAMETOOLONG;
		return io_fail(why, whylen, tmpdir);
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return io_fail(why, whylen, tmp);
	if (write_all(fd, data, len) < 0 || close(fd) < 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return io_fail(why, whylen, dest);
	}
	if (mkdirs_for(dest) < 0 || rename(tmp, dest) < 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return io_fail(why, whylen, dest);
	}
	return MDF_OK;
}

/* file:// URI of an absolute path: RFC 3986 unreserved characters and '/'
 * stay, everything else is percent-encoded (pathlib's as_uri). */
static int
path_to_uri(const char *path, char *out, size_t outlen)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;

	if (outlen < 8)
		return -1;
	memcpy(out, "file://", 7);
	o = 7;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (o + 4 >= outlen)
			return -1;
		if (isalnum(*p) || strchr("-._~/", *p)) {
			out[o++] = (char)*p;
		} else {
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	out[o] = '\0';
	return 0;
}

/* The path of a file: URI ("file:///p", "file://localhost/p", "file:/p",
 * "file:p"), percent-decoded.  -1 when not a file: URI. */
static int
uri_to_path(const char *uri, char *out, size_t outlen)
{
	const char *p;
	size_t o = 0;

	if (strncmp(uri, "file:", 5) != 0)
		return -1;
	p = uri + 5;
	if (strncmp(p, "//", 2) == 0) {
		p += 2;
		if (strncmp(p, "localhost/", 10) == 0)
			p += 9;
		else if (*p != '/')
			return -1;
	}
	for (; *p; p++) {
		if (o + 1 >= outlen)
			return -1;
		if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
			char h[3] = {p[1], p[2], 0};
			out[o++] = (char)strtol(h, NULL, 16);
			p += 2;
		} else {
			out[o++] = *p;
		}
	}
	out[o] = '\0';
	return 0;
}

static int
absolute(const char *path, char *out, size_t outlen)
{
	char cwd[PATH_MAX];
	int n;

	if (path[0] == '/')
		n = snprintf(out, outlen, "%s", path);
	else if (getcwd(cwd, sizeof cwd) == NULL)
		return -1;
	else
		n = snprintf(out, outlen, "%s/%s", cwd, path);
	if (n < 0 || (size_t)n >= outlen) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* Drop trailing slashes and "/./" so artifact URIs stay tidy. */
	for (char *s; (s = strstr(out, "/./")) != NULL;)
		memmove(s, s + 2, strlen(s + 2) + 1);
	n = (int)strlen(out);
	while (n > 1 && out[n - 1] == '/')
		out[--n] = '\0';
	if (n > 2 && strcmp(out + n - 2, "/.") == 0)
		out[n - 2] = '\0';
	return 0;
}

int
mdf_mlstore_resolve(const char *arg, const char *uri, char *out, size_t outlen,
    char *why, size_t whylen)
{
	char path[PATH_MAX];
	const char *src = "mlruns";

	if (arg != NULL && *arg) {
		src = arg;
	} else if (uri != NULL && *uri) {
		if (strncmp(uri, "file:", 5) == 0) {
			if (uri_to_path(uri, path, sizeof path) < 0 || path[0] == '\0') {
				why_set(why, whylen, "'%s' is not a usable file: URI", uri);
				return MDF_E_INVAL;
			}
			src = path;
		} else if (strstr(uri, "://") != NULL ||
		    (strchr(uri, ':') && strchr(uri, ':') < (strchr(uri, '/') ?
		    strchr(uri, '/') : uri + strlen(uri)))) {
			why_set(why, whylen,
			    "'%s' is not a path or file: URI (only the file store is supported)",
			    uri);
			return MDF_E_INVAL;
		} else {
			src = uri;
		}
	}
	if (absolute(src, out, outlen) < 0)
		return io_fail(why, whylen, src);
	return MDF_OK;
}

/* --- the store ------------------------------------------------------ */

static int
write_experiment_meta(struct mdf_mlstore *st, const char *id, const char *name,
    int64_t t, char *why, size_t whylen)
{
	char dir[PATH_MAX], dest[PATH_MAX], uri[PATH_MAX * 3];
	struct sbuf b = {0};
	unsigned seq = 0;
	int rc;

	if (join(dir, sizeof dir, st->root, id) < 0 ||
	    join(dest, sizeof dest, dir, "meta.yaml") < 0 ||
	    path_to_uri(dir, uri, sizeof uri) < 0) {
		errno = ENAMETOOLONG;
		return io_fail(why, whylen, st->root);
	}
	/* Keys sorted, as PyYAML's safe_dump writes them. */
	sb_yaml(&b, "artifact_location", uri);
	sb_printf(&b, "creation_time: %lld\n", (long long)t);
	sb_yaml(&b, "experiment_id", id);
	sb_printf(&b, "last_update_time: %lld\n", (long long)t);
	sb_str(&b, "lifecycle_stage: active\n");
	sb_yaml(&b, "name", name);
	if (b.err) {
		free(b.s);
		why_set(why, whylen, "out of memory");
		return MDF_E_NOMEM;
	}
	rc = write_atomic(dir, &seq, dest, b.s, b.len, why, whylen);
	free(b.s);
	return rc;
}

static int
is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Hold the store's lock (flock on ROOT/.metriclog.lock); -1 on failure. */
static int
lock_store(struct mdf_mlstore *st, char *why, size_t whylen)
{
	char path[PATH_MAX];
	int fd;

	if (join(path, sizeof path, st->root, LOCK_NAME) < 0) {
		io_fail(why, whylen, st->root);
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0) {
		io_fail(why, whylen, path);
		return -1;
	}
	while (flock(fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			io_fail(why, whylen, path);
			close(fd);
			return -1;
		}
	}
	return fd;
}

static void
unlock_store(int fd)
{
	close(fd); /* releases the flock */
}

int
mdf_mlstore_open(const char *root, int create, struct mdf_mlstore **out,
    char *why, size_t whylen)
{
	struct mdf_mlstore *st;
	char path[PATH_MAX], trash0[PATH_MAX];
	int rc = MDF_OK, lk;

	*out = NULL;
	if (root[0] != '/' || strlen(root) >= sizeof st->root - 100) {
		why_set(why, whylen, "%s: store path not absolute or too long", root);
		return MDF_E_INVAL;
	}
	if ((st = calloc(1, sizeof *st)) == NULL) {
		why_set(why, whylen, "out of memory");
		return MDF_E_NOMEM;
	}
	strcpy(st->root, root);
	if (!is_dir(root)) {
		if (!create || mkdir_p(root) < 0) {
			rc = io_fail(why, whylen, root);
			free(st);
			return rc;
		}
	}
	if (create) {
		if ((lk = lock_store(st, why, whylen)) < 0) {
			free(st);
			return MDF_E_IO;
		}
		/* MLflow's FileStore() makes .trash, and the Default experiment
		 * when there is none (not even a deleted one). */
		if (join(path, sizeof path, root, ".trash") < 0 ||
		    (mkdir(path, 0777) < 0 && errno != EEXIST)) {
			rc = io_fail(why, whylen, path);
		} else if (join(path, sizeof path, root, "0") < 0 ||
		    join(trash0, sizeof trash0, root, ".trash/0") < 0) {
			rc = io_fail(why, whylen, root);
		} else if (!is_dir(path) && !is_dir(trash0)) {
			if (mkdir(path, 0777) < 0)
				rc = io_fail(why, whylen, path);
			else
				rc = write_experiment_meta(st, "0", "Default", now_ms(),
				    why, whylen);
		}
		unlock_store(lk);
		if (rc < 0) {
			free(st);
			return rc;
		}
	}
	*out = st;
	return MDF_OK;
}

void
mdf_mlstore_close(struct mdf_mlstore *st)
{
	free(st);
}

const char *
mdf_mlstore_root(const struct mdf_mlstore *st)
{
	return st->root;
}

/* Read DIR/meta.yaml; NULL text when missing or empty. */
static int
read_meta(const char *dir, char **text)
{
	char path[PATH_MAX];
	size_t len;

	*text = NULL;
	if (join(path, sizeof path, dir, "meta.yaml") < 0)
		return 0;
	if (read_text(path, text, &len) < 0)
		return errno == ENOMEM ? MDF_E_NOMEM : 0;
	if (len == 0) {
		free(*text);
		*text = NULL;
	}
	return 0;
}

static int
cmp_ids(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int na = strspn(a, "0123456789") == la, nb = strspn(b, "0123456789") == lb;

	if (na && nb && la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static int
exp_cmp(const void *x, const void *y)
{
	return cmp_ids(((const struct mdf_ml_exp *)x)->id,
	    ((const struct mdf_ml_exp *)y)->id);
}

int
mdf_mlstore_experiments(struct mdf_mlstore *st, struct mdf_ml_exp **out,
    size_t *n, char *why, size_t whylen)
{
	DIR *d = opendir(st->root);
	struct dirent *de;
	struct mdf_ml_exp *v = NULL;
	size_t cnt = 0, cap = 0;

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return io_fail(why, whylen, st->root);
	while ((de = readdir(d)) != NULL) {
		char dir[PATH_MAX], *text, *name = NULL, *stage = NULL, *ct = NULL;
		if (!id_valid(de->d_name, 31) || strcmp(de->d_name, "models") == 0)
			continue;
		if (join(dir, sizeof dir, st->root, de->d_name) < 0 || !is_dir(dir))
			continue;
		read_meta(dir, &text);
		if (text == NULL)
			continue;
		if (mdf_yaml_get(text, "name", &name) == 1 &&
		    (mdf_yaml_get(text, "lifecycle_stage", &stage) != 1 ||
		    strcmp(stage, "deleted") != 0)) {
			if (cnt == cap) {
				struct mdf_ml_exp *nv;
				cap = cap ? cap * 2 : 16;
				if ((nv = realloc(v, cap * sizeof *v)) == NULL) {
					free(name);
					free(stage);
					free(text);
					closedir(d);
					mdf_ml_exps_free(v, cnt);
					why_set(why, whylen, "out of memory");
					return MDF_E_NOMEM;
				}
				v = nv;
			}
			memset(&v[cnt], 0, sizeof v[cnt]);
			memcpy(v[cnt].id, de->d_name, strlen(de->d_name) + 1); /* id_valid: <= 31 */
			v[cnt].name = name;
			name = NULL;
			if (mdf_yaml_get(text, "creation_time", &ct) == 1)
				v[cnt].creation_time = strtoll(ct, NULL, 10);
			free(ct);
			cnt++;
		}
		free(name);
		free(stage);
		free(text);
	}
	closedir(d);
	if (cnt)
		qsort(v, cnt, sizeof *v, exp_cmp);
	*out = v;
	*n = cnt;
	return MDF_OK;
}

void
mdf_ml_exps_free(struct mdf_ml_exp *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].name);
	free(e);
}

/* The next free integer id: one more than the largest numeric directory
 * name at the root or in .trash. */
static unsigned long long
next_exp_id(const char *root)
{
	unsigned long long max = 0;
	char trash[PATH_MAX];
	const char *dirs[2] = {root, trash};

	if (join(trash, sizeof trash, root, ".trash") < 0)
		dirs[1] = NULL;
	for (int i = 0; i < 2 && dirs[i]; i++) {
		DIR *d = opendir(dirs[i]);
		struct dirent *de;
		if (d == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			const char *s = de->d_name;
			if (*s && strspn(s, "0123456789") == strlen(s) && strlen(s) < 19) {
				unsigned long long v = strtoull(s, NULL, 10);
				if (v > max)
					max = v;
			}
		}
		closedir(d);
	}
	return max + 1;
}

/* Is NAME the name of a deleted experiment (moved to .trash, or marked
 * deleted in place)?  MLflow refuses to create an experiment of that name
 * until the deleted one is restored or purged, and so do we: a new
 * experiment would silently split the history of the old one. */
static int
exp_deleted_named(const char *root, const char *name)
{
	char trash[PATH_MAX];
	const char *dirs[2] = {trash, root};
	int found = 0;

	if (join(trash, sizeof trash, root, ".trash") < 0)
		return 0;
	for (int i = 0; i < 2 && !found; i++) {
		DIR *d = opendir(dirs[i]);
		struct dirent *de;
		if (d == NULL)
			continue;
		while (!found && (de = readdir(d)) != NULL) {
			char dir[PATH_MAX], *text, *n = NULL, *stage = NULL;
			if (!id_valid(de->d_name, 31) ||
			    join(dir, sizeof dir, dirs[i], de->d_name) < 0 || !is_dir(dir))
				continue;
			read_meta(dir, &text);
			if (text == NULL)
				continue;
			if (mdf_yaml_get(text, "name", &n) == 1 && strcmp(n, name) == 0)
				found = i == 0 ||
				    (mdf_yaml_get(text, "lifecycle_stage", &stage) == 1 &&
				    strcmp(stage, "deleted") == 0);
			free(n);
			free(stage);
			free(text);
		}
		closedir(d);
	}
	return found;
}

int
mdf_mlstore_experiment(struct mdf_mlstore *st, const char *name, int create,
    char id[32], char *why, size_t whylen)
{
	struct mdf_ml_exp *e;
	size_t n;
	int rc, lk = -1;

	id[0] = '\0';
	if (!name_valid(name, MDF_ML_EXPNAME_MAX)) {
		why_set(why, whylen, "invalid experiment name '%s'", name);
		return MDF_E_INVAL;
	}
	/* Look up and create under one lock: two writers starting a sweep
	 * at once must agree on one experiment. */
	if (create && (lk = lock_store(st, why, whylen)) < 0)
		return MDF_E_IO;
	rc = mdf_mlstore_experiments(st, &e, &n, why, whylen);
	if (rc < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(e[i].name, name) == 0) {
			snprintf(id, 32, "%s", e[i].id);
			break;
		}
	}
	mdf_ml_exps_free(e, n);
	if (id[0]) {
		rc = 0;
	} else if (!create) {
		rc = 2;
	} else if (exp_deleted_named(st->root, name)) {
		why_set(why, whylen, "experiment '%s' exists in deleted state: restore it, "
		    "or purge it from %s/.trash, to use the name again", name, st->root);
		rc = MDF_E_INVAL;
	} else {
		char dir[PATH_MAX];
		for (unsigned long long k = next_exp_id(st->root);; k++) {
			snprintf(id, 32, "%llu", k);
			if (join(dir, sizeof dir, st->root, id) < 0) {
				rc = io_fail(why, whylen, st->root);
				goto out;
			}
			/* mkdir is atomic: EEXIST means someone not holding our
			 * lock (MLflow itself) took the id. */
			if (mkdir(dir, 0777) == 0)
				break;
			if (errno != EEXIST) {
				rc = io_fail(why, whylen, dir);
				id[0] = '\0';
				goto out;
			}
		}
		rc = write_experiment_meta(st, id, name, now_ms(), why, whylen);
		if (rc == 0)
			rc = 1;
	}
out:
	if (lk >= 0)
		unlock_store(lk);
	return rc;
}

/* --- runs: writing -------------------------------------------------- */

static int
random_hex(char *out, size_t nbytes)
{
	unsigned char b[32];
	static const char hex[] = "0123456789abcdef";
	size_t got = 0;

	if (nbytes > sizeof b)
		return -1;
	while (got < nbytes) {
		ssize_t n = getrandom(b + got, nbytes - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		got += (size_t)n;
	}
	/* uuid4().hex: version nibble 4, variant bits 10. */
	if (nbytes == 16) {
		b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
		b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	}
	for (size_t i = 0; i < nbytes; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[2 * nbytes] = '\0';
	return 0;
}

/* The run's meta.yaml for STATUS; END is the end_time text ("null", a
 * number, or a marker to split at). */
static void
run_meta_text(const struct mdf_mlrun *r, const char *uri, int status,
    const char *end, struct sbuf *b)
{
	/* The fields of RunInfo plus the legacy ones, sorted by key. */
	sb_yaml(b, "artifact_uri", uri);
	/* MLflow writes deleted_time: null for a live run (and ignores it on
	 * read). */
	sb_str(b, "deleted_time: null\n");
	sb_printf(b, "end_time: %s\n", end);
	sb_str(b, "entry_point_name: ''\n");
	sb_yaml(b, "experiment_id", r->exp_id);
	sb_str(b, "lifecycle_stage: active\n");
	sb_yaml(b, "run_id", r->id);
	sb_yaml(b, "run_name", r->name);
	sb_yaml(b, "run_uuid", r->id);
	sb_str(b, "source_name: ''\n");
	sb_str(b, "source_type: 4\n");
	sb_str(b, "source_version: ''\n");
	sb_printf(b, "start_time: %lld\n", (long long)r->start_ms);
	sb_printf(b, "status: %d\n", status);
	sb_str(b, "tags: []\n");
	sb_yaml(b, "user_id", r->user);
}

/* Overwrite PATH with DATA without a new file; -1 with errno. */
static int
rewrite_in_place(const char *path, const void *data, size_t len)
{
	const char *p = data;
	off_t off = 0;
	int fd = open(path, O_WRONLY | O_CLOEXEC), e;

	if (fd < 0)
		return -1;
	while ((size_t)off < len) {
		ssize_t n = pwrite(fd, p + off, len - (size_t)off, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		off += n;
	}
	if (ftruncate(fd, (off_t)len) < 0)
		goto fail;
	return close(fd);
fail:
	e = errno ? errno : ENOSPC;
	close(fd);
	errno = e;
	return -1;
}

static int
write_run_meta(struct mdf_mlrun *r, char *why, size_t whylen)
{
	char dest[PATH_MAX], art[PATH_MAX], uri[PATH_MAX * 3], end[32];
	struct sbuf b = {0}, k = {0};
	int rc, slot;

	if (join(dest, sizeof dest, r->dir, "meta.yaml") < 0 ||
	    join(art, sizeof art, r->dir, "artifacts") < 0 ||
	    path_to_uri(art, uri, sizeof uri) < 0) {
		errno = ENAMETOOLONG;
		return io_fail(why, whylen, r->dir);
	}
	if (r->end_ms < 0)
		strcpy(end, "null");
	else
		snprintf(end, sizeof end, "%lld", (long long)r->end_ms);
	run_meta_text(r, uri, r->status, end, &b);
	/* The KILLED version for mdf_mlrun_kill_async, split where the end
	 * time goes, into the slot a signal handler is not reading. */
	run_meta_text(r, uri, MDF_RUN_KILLED, "\001", &k);
	if (b.err || k.err) {
		free(b.s);
		free(k.s);
		why_set(why, whylen, "out of memory");
		return MDF_E_NOMEM;
	}
	slot = !r->kslot;
	free(r->killed[slot]);
	r->killed[slot] = k.s;
	r->ksplit[slot] = (size_t)(strchr(k.s, '\001') - k.s);
	r->klen[slot] = k.len;
	r->kslot = slot;
	rc = write_atomic(r->dir, &r->tmpseq, dest, b.s, b.len, why, whylen);
	/* A full disk has no room for the temporary, but meta.yaml's own
	 * block holds the new version (a few bytes longer at most): write it
	 * in place rather than leave the run RUNNING. */
	if (rc == MDF_E_IO && (errno == ENOSPC || errno == EDQUOT) &&
	    rewrite_in_place(dest, b.s, b.len) == 0)
		rc = MDF_OK;
	free(b.s);
	return rc;
}

int
mdf_mlrun_kill_async(struct mdf_mlrun *r)
{
	int slot = r->kslot, fd, n = 0;
	const char *t = r->killed[slot];
	char num[24], rev[24];
	struct timespec ts;
	long long ms;

	if (t == NULL)
		return MDF_E_INVAL;
	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	/* No printf here: it is not async-signal-safe. */
	do
		rev[n++] = (char)('0' + ms % 10);
	while ((ms /= 10) > 0 && n < (int)sizeof rev);
	for (int i = 0; i < n; i++)
		num[i] = rev[n - 1 - i];
	fd = open(r->ktmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return MDF_E_IO;
	if (write_all(fd, t, r->ksplit[slot]) < 0 || write_all(fd, num, (size_t)n) < 0 ||
	    write_all(fd, t + r->ksplit[slot] + 1, r->klen[slot] - r->ksplit[slot] - 1) < 0 ||
	    close(fd) < 0 || rename(r->ktmp, r->kdest) < 0) {
		unlink(r->ktmp);
		return MDF_E_IO;
	}
	return MDF_OK;
}

static int
write_kv(struct mdf_mlrun *r, const char *sub, const char *key,
    const char *value, char *why, size_t whylen)
{
	char dest[PATH_MAX];
	int n = snprintf(dest, sizeof dest, "%s/%s/%s", r->dir, sub, key);

	if (n < 0 || (size_t)n >= sizeof dest) {
		errno = ENAMETOOLONG;
		return io_fail(why, whylen, key);
	}
	return write_atomic(r->dir, &r->tmpseq, dest, value, strlen(value), why,
	    whylen);
}

int
mdf_mlrun_tag(struct mdf_mlrun *r, const char *key, const char *value,
    char *why, size_t whylen)
{
	if (!mdf_ml_key_valid(key)) {
		why_set(why, whylen, "invalid tag name '%s'", key);
		return MDF_E_META;
	}
	if (strlen(value) > MDF_ML_TAG_MAX) {
		why_set(why, whylen, "tag '%s': value longer than %d bytes", key,
		    MDF_ML_TAG_MAX);
		return MDF_E_META;
	}
	return write_kv(r, "tags", key, value, why, whylen);
}

int
mdf_mlrun_param(struct mdf_mlrun *r, const char *key, const char *value,
    char *why, size_t whylen)
{
	char path[PATH_MAX], *old;
	int rc;

	if (!mdf_ml_key_valid(key)) {
		why_set(why, whylen, "invalid param name '%s'", key);
		return MDF_E_META;
	}
	if (strlen(value) > MDF_ML_PARAM_MAX) {
		why_set(why, whylen, "param '%s': value longer than %d bytes", key,
		    MDF_ML_PARAM_MAX);
		return MDF_E_META;
	}
	if (pathf(path, sizeof path, "%s/params/%s", r->dir, key) < 0)
		return io_fail(why, whylen, key);
	if (read_text(path, &old, NULL) == 0) {
		rc = strcmp(old, value) == 0 ? MDF_OK : MDF_E_META;
		if (rc < 0)
			why_set(why, whylen,
			    "param '%s' already logged as '%s', cannot change it to '%s'",
			    key, old, value);
		free(old);
		return rc;
	}
	return write_kv(r, "params", key, value, why, whylen);
}

/* Python's str(float): the shortest repr that reads back, "1.0" rather
 * than "1", nan/inf/-inf. */
static void
py_float(double v, char *out, size_t outlen)
{
	if (isnan(v)) {
		snprintf(out, outlen, "nan");
		return;
	}
	if (isinf(v)) {
		snprintf(out, outlen, v > 0 ? "inf" : "-inf");
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(out, outlen, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	if (!strpbrk(out, ".e"))
		strncat(out, ".0", outlen - strlen(out) - 1);
}

/* Append LINE to FD (O_APPEND) whole or not at all.  A full disk or a
 * file size limit (ENOSPC, EDQUOT, EFBIG) may take part of it: then the
 * rest is tried once more, which fails with the real reason, and the
 * file is cut back to its old end, so no reader meets a torn line.
 * -1 with errno on failure. */
static int
append_line(int fd, const char *line, size_t len)
{
	struct stat sb;
	ssize_t w;
	int e;

	if (fstat(fd, &sb) < 0)
		return -1;
	do
		w = write(fd, line, len);
	while (w < 0 && errno == EINTR);
	if (w == (ssize_t)len)
		return 0;
	if (w >= 0) {
		/* Short: the next write tells why (or, a space freed in
		 * between, finishes the line). */
		ssize_t w2;
		do
			w2 = write(fd, line + w, len - (size_t)w);
		while (w2 < 0 && errno == EINTR);
		if (w2 == (ssize_t)(len - (size_t)w))
			return 0;
		if (w2 >= 0)
			errno = ENOSPC;
	}
	e = errno;
	while (ftruncate(fd, sb.st_size) < 0 && errno == EINTR)
		;
	errno = e;
	return -1;
}

int
mdf_mlrun_metric(struct mdf_mlrun *r, const char *key, double value,
    int64_t ts, int64_t step, char *why, size_t whylen)
{
	char path[PATH_MAX], num[40], line[128];
	int fd, n;

	if (!mdf_ml_key_valid(key)) {
		why_set(why, whylen, "invalid metric name '%s'", key);
		return MDF_E_META;
	}
	if (ts < 0)
		ts = now_ms();
	py_float(value, num, sizeof num);
	n = snprintf(line, sizeof line, "%lld %s %lld\n", (long long)ts, num,
	    (long long)step);
	if (pathf(path, sizeof path, "%s/metrics/%s", r->dir, key) < 0 ||
	    mkdirs_for(path) < 0)
		return io_fail(why, whylen, path);
	/* One write(2) on O_APPEND: concurrent or killed writers leave whole
	 * lines only. */
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
	if (fd < 0)
		return io_fail(why, whylen, path);
	if (append_line(fd, line, (size_t)n) < 0) {
		io_fail(why, whylen, path);
		close(fd);
		return MDF_E_IO;
	}
	if (close(fd) < 0)
		return io_fail(why, whylen, path);
	return MDF_OK;
}

int
mdf_mlrun_create(struct mdf_mlstore *st, const char *exp_id,
    const struct mdf_mlrun_opts *o, struct mdf_mlrun **out, char *why,
    size_t whylen)
{
	static const char *const subs[] = {"metrics", "params", "tags", "artifacts"};
	struct mdf_mlrun *r;
	char expdir[PATH_MAX], *text = NULL, name[64];
	int rc;

	*out = NULL;
	if (join(expdir, sizeof expdir, st->root, exp_id) < 0 || !id_valid(exp_id, 63))
		return why_set(why, whylen, "invalid experiment id '%s'", exp_id), MDF_E_INVAL;
	read_meta(expdir, &text);
	if (text == NULL) {
		why_set(why, whylen, "%s: no such experiment", expdir);
		return MDF_E_INVAL;
	}
	free(text);
	if (o->run_name && !name_valid(o->run_name, MDF_ML_TAG_MAX)) {
		why_set(why, whylen, "invalid run name '%s'", o->run_name);
		return MDF_E_INVAL;
	}
	if ((r = calloc(1, sizeof *r)) == NULL)
		return why_set(why, whylen, "out of memory"), MDF_E_NOMEM;
	r->st = st;
	snprintf(r->exp_id, sizeof r->exp_id, "%s", exp_id);
	for (;;) {
		if (random_hex(r->id, 16) < 0) {
			rc = io_fail(why, whylen, "getrandom");
			goto fail;
		}
		if (join(r->dir, sizeof r->dir, expdir, r->id) < 0) {
			rc = io_fail(why, whylen, expdir);
			goto fail;
		}
		if (mkdir(r->dir, 0777) == 0)
			break;
		if (errno != EEXIST) {
			rc = io_fail(why, whylen, r->dir);
			goto fail;
		}
	}
	/* The subdirectories first: a run with a meta.yaml is complete for
	 * MLflow 3's get_run, one without is skipped by every reader. */
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		char p[PATH_MAX];
		if (join(p, sizeof p, r->dir, subs[i]) < 0 || mkdir(p, 0777) < 0) {
			rc = io_fail(why, whylen, r->dir);
			goto fail;
		}
	}
	snprintf(name, sizeof name, "metriclog-%.8s", r->id);
	r->name = strdup(o->run_name ? o->run_name : name);
	r->user = strdup(o->user ? o->user : "");
	if (r->name == NULL || r->user == NULL) {
		rc = MDF_E_NOMEM;
		why_set(why, whylen, "out of memory");
		goto fail;
	}
	r->start_ms = o->start_ms >= 0 ? o->start_ms : now_ms();
	if (pathf(r->ktmp, sizeof r->ktmp, "%s/.tmp-%ld-killed", r->dir,
	    (long)getpid()) < 0 || pathf(r->kdest, sizeof r->kdest, "%s/meta.yaml",
	    r->dir) < 0) {
		rc = io_fail(why, whylen, r->dir);
		goto fail;
	}
	r->end_ms = -1;
	r->status = MDF_RUN_RUNNING;
	if ((rc = mdf_mlrun_tag(r, "mlflow.runName", r->name, why, whylen)) < 0 ||
	    (rc = mdf_mlrun_tag(r, "mlflow.user", r->user, why, whylen)) < 0 ||
	    (rc = mdf_mlrun_tag(r, "mlflow.source.name",
	        o->source ? o->source : "", why, whylen)) < 0 ||
	    (rc = mdf_mlrun_tag(r, "mlflow.source.type", "LOCAL", why, whylen)) < 0 ||
	    (o->parent && (rc = mdf_mlrun_tag(r, "mlflow.parentRunId", o->parent,
	        why, whylen)) < 0) ||
	    (rc = write_run_meta(r, why, whylen)) < 0)
		goto fail;
	*out = r;
	return MDF_OK;
fail:
	mdf_mlrun_close(r);
	return rc;
}

int
mdf_mlrun_reopen(struct mdf_mlstore *st, const struct mdf_ml_run *info,
    struct mdf_mlrun **out, char *why, size_t whylen)
{
	struct mdf_mlrun *r;

	*out = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return why_set(why, whylen, "out of memory"), MDF_E_NOMEM;
	r->st = st;
	snprintf(r->exp_id, sizeof r->exp_id, "%s", info->exp_id);
	if (strlen(info->id) >= sizeof r->id) {
		mdf_mlrun_close(r);
		return why_set(why, whylen, "run id '%s' too long", info->id), MDF_E_INVAL;
	}
	memcpy(r->id, info->id, strlen(info->id) + 1);
	r->name = strdup(info->name);
	r->user = strdup(info->user);
	r->start_ms = info->start_time;
	r->end_ms = info->end_time;
	r->status = info->status;
	if (r->name == NULL || r->user == NULL) {
		mdf_mlrun_close(r);
		return why_set(why, whylen, "out of memory"), MDF_E_NOMEM;
	}
	if (pathf(r->dir, sizeof r->dir, "%s", info->dir) < 0 ||
	    pathf(r->ktmp, sizeof r->ktmp, "%s/.tmp-%ld-killed", r->dir,
	    (long)getpid()) < 0 || pathf(r->kdest, sizeof r->kdest, "%s/meta.yaml",
	    r->dir) < 0) {
		mdf_mlrun_close(r);
		return io_fail(why, whylen, info->dir);
	}
	*out = r;
	return MDF_OK;
}

const char *
mdf_mlrun_id(const struct mdf_mlrun *r)
{
	return r->id;
}

const char *
mdf_mlrun_dir(const struct mdf_mlrun *r)
{
	return r->dir;
}

int
mdf_mlrun_set_name(struct mdf_mlrun *r, const char *name, char *why,
    size_t whylen)
{
	char *s;
	int rc;

	if (!name_valid(name, MDF_ML_TAG_MAX)) {
		why_set(why, whylen, "invalid run name '%s'", name);
		return MDF_E_META;
	}
	if ((s = strdup(name)) == NULL)
		return MDF_E_NOMEM;
	free(r->name);
	r->name = s;
	if ((rc = mdf_mlrun_tag(r, "mlflow.runName", name, why, whylen)) < 0)
		return rc;
	return write_run_meta(r, why, whylen);
}

int
mdf_mlrun_end(struct mdf_mlrun *r, int status, int64_t end_ms, char *why,
    size_t whylen)
{
	r->status = status;
	r->end_ms = end_ms >= 0 ? end_ms : now_ms();
	return write_run_meta(r, why, whylen);
}

void
mdf_mlrun_close(struct mdf_mlrun *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->user);
	free(r->killed[0]);
	free(r->killed[1]);
	for (size_t i = 0; i < r->nroots; i++)
		free(r->roots[i]);
	free(r->roots);
	free(r);
}

int
mdf_mlrun_tmp_path(struct mdf_mlrun *r, char *out, size_t outlen)
{
	return pathf(out, outlen, "%s/.tmp-%ld-%u", r->dir, (long)getpid(),
	    r->tmpseq++) < 0 ? MDF_E_INVAL : MDF_OK;
}

/* A relative path inside artifacts/: no control characters, no empty,
 * "." or ".." component. */
static int
artifact_name_valid(const char *name)
{
	if (!name_valid(name, 1024) || name[0] == '/')
		return 0;
	for (const char *p = name; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return 0;
		p += n + (e != NULL);
	}
	return 1;
}

static int
artifact_dest(struct mdf_mlrun *r, const char *name, char *dest, size_t len,
    char *why, size_t whylen)
{
	int n;

	if (!artifact_name_valid(name)) {
		why_set(why, whylen, "invalid artifact name '%s'", name);
		return MDF_E_INVAL;
	}
	n = snprintf(dest, len, "%s/artifacts/%s", r->dir, name);
	if (n < 0 || (size_t)n >= len) {
		errno = ENAMETOOLONG;
		return io_fail(why, whylen, name);
	}
	return MDF_OK;
}

int
mdf_mlrun_publish(struct mdf_mlrun *r, const char *tmp, const char *name,
    char *why, size_t whylen)
{
	char dest[PATH_MAX];
	int rc = artifact_dest(r, name, dest, sizeof dest, why, whylen);

	if (rc < 0) {
		unlink(tmp);
		return rc;
	}
	if (mkdirs_for(dest) < 0 || rename(tmp, dest) < 0) {
		rc = io_fail(why, whylen, dest);
		unlink(tmp);
	}
	return rc;
}

int
mdf_mlrun_artifact_data(struct mdf_mlrun *r, const char *name,
    const void *data, size_t len, char *why, size_t whylen)
{
	char dest[PATH_MAX];
	int rc = artifact_dest(r, name, dest, sizeof dest, why, whylen);

	if (rc < 0)
		return rc;
	return write_atomic(r->dir, &r->tmpseq, dest, data, len, why, whylen);
}

/* Copy the regular file SRC to DEST through a temporary in the run. */
static int
copy_file(struct mdf_mlrun *r, const char *src, const char *dest, char *why,
    size_t whylen)
{
	char tmp[PATH_MAX], buf[65536];
	int in, outfd, rc = MDF_OK;
	ssize_t n;

	if ((in = open(src, O_RDONLY | O_CLOEXEC)) < 0)
		return io_fail(why, whylen, src);
	mdf_mlrun_tmp_path(r, tmp, sizeof tmp);
	if ((outfd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0) {
		rc = io_fail(why, whylen, tmp);
		close(in);
		return rc;
	}
	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = io_fail(why, whylen, src);
			break;
		}
		if (write_all(outfd, buf, (size_t)n) < 0) {
			rc = io_fail(why, whylen, dest);
			break;
		}
	}
	close(in);
	if (close(outfd) < 0 && rc == 0)
		rc = io_fail(why, whylen, dest);
	if (rc == 0 && (mkdirs_for(dest) < 0 || rename(tmp, dest) < 0))
		rc = io_fail(why, whylen, dest);
	if (rc < 0)
		unlink(tmp);
	return rc;
}

/* Is the real path P the real directory ROOT or below it? */
static int
path_within(const char *p, const char *root)
{
	size_t n = strlen(root);

	if (n == 1 && root[0] == '/')
		return 1;
	return strncmp(p, root, n) == 0 && (p[n] == '\0' || p[n] == '/');
}

/* Copy SRC to DEST; TOP is the real path of the artifact being copied:
 * a symbolic link inside it must lead to a file inside it (a model
 * directory linking to its own weights), never out of it. */
static int
copy_tree(struct mdf_mlrun *r, const char *top, const char *src,
    const char *dest, int depth, char *why, size_t whylen)
{
	struct stat sb;
	DIR *d;
	struct dirent *de;
	int rc = MDF_OK;

	if (lstat(src, &sb) < 0)
		return io_fail(why, whylen, src);
	if (S_ISLNK(sb.st_mode)) {
		char real[PATH_MAX];
		if (realpath(src, real) == NULL || stat(real, &sb) < 0)
			return io_fail(why, whylen, src);
		if (depth > 0 && !path_within(real, top)) {
			why_set(why, whylen, "%s: a symbolic link out of the artifact "
			    "directory (to %s) is not copied", src, real);
			return MDF_E_META;
		}
	}
	if (S_ISREG(sb.st_mode))
		return copy_file(r, src, dest, why, whylen);
	if (!S_ISDIR(sb.st_mode))
		return MDF_OK; /* sockets, fifos: nothing to copy */
	if (depth > 64) {
		errno = ELOOP;
		return io_fail(why, whylen, src);
	}
	if (mkdir_p(dest) < 0)
		return io_fail(why, whylen, dest);
	if ((d = opendir(src)) == NULL)
		return io_fail(why, whylen, src);
	while (rc == 0 && (de = readdir(d)) != NULL) {
		char s[PATH_MAX], t[PATH_MAX];
		struct stat lsb;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (join(s, sizeof s, src, de->d_name) < 0 ||
		    join(t, sizeof t, dest, de->d_name) < 0) {
			rc = io_fail(why, whylen, src);
			break;
		}
		/* A link to a directory could loop: copy linked files only. */
		if (lstat(s, &lsb) == 0 && S_ISLNK(lsb.st_mode) && is_dir(s))
			continue;
		rc = copy_tree(r, top, s, t, depth + 1, why, whylen);
	}
	closedir(d);
	return rc;
}

/* The last component of SRC ("models/m1/" -> "m1") into BASE. */
static int
artifact_basename(const char *src, char *base, size_t len, char *why,
    size_t whylen)
{
	size_t n = strlen(src);
	const char *b;

	while (n > 1 && src[n - 1] == '/')
		n--;
	for (b = src + n; b > src && b[-1] != '/'; b--)
		;
	if ((size_t)(src + n - b) >= len) {
		errno = ENAMETOOLONG;
		return io_fail(why, whylen, src);
	}
	memcpy(base, b, (size_t)(src + n - b));
	base[src + n - b] = '\0';
	if (*base == '\0' || *base == '/' || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0) {
		why_set(why, whylen, "%s: cannot name an artifact after it", src);
		return MDF_E_INVAL;
	}
	return MDF_OK;
}

int
mdf_mlrun_artifact_roots(struct mdf_mlrun *r, const char *const *dirs,
    size_t n, char *why, size_t whylen)
{
	char real[PATH_MAX], **v;

	if ((v = calloc(n ? n : 1, sizeof *v)) == NULL)
		return why_set(why, whylen, "out of memory"), MDF_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (realpath(dirs[i], real) == NULL || !is_dir(real)) {
			int e = is_dir(dirs[i]) ? errno : ENOTDIR;
			while (i > 0)
				free(v[--i]);
			free(v);
			errno = e;
			return io_fail(why, whylen, dirs[i]);
		}
		if ((v[i] = strdup(real)) == NULL) {
			while (i > 0)
				free(v[--i]);
			free(v);
			return why_set(why, whylen, "out of memory"), MDF_E_NOMEM;
		}
	}
	for (size_t i = 0; i < r->nroots; i++)
		free(r->roots[i]);
	free(r->roots);
	r->roots = v;
	r->nroots = n;
	return MDF_OK;
}

/* May an artifact record name SRC: a regular file or directory whose real
 * path lies below one of the run's artifact roots (default: the working
 * directory)?  Not /proc/self/environ, not ~/.ssh, not a link out. */
static int
artifact_allowed(struct mdf_mlrun *r, const char *src, char *why, size_t whylen)
{
	char real[PATH_MAX], wd[PATH_MAX], cwd[PATH_MAX];
	struct stat sb;
	int ok = 0;

	if (realpath(src, real) == NULL || stat(real, &sb) < 0)
		return io_fail(why, whylen, src);
	if (r->nroots == 0) {
		if (getcwd(wd, sizeof wd) == NULL || realpath(wd, cwd) == NULL)
			return io_fail(why, whylen, ".");
		ok = path_within(real, cwd);
	}
	for (size_t i = 0; i < r->nroots && !ok; i++)
		ok = path_within(real, r->roots[i]);
	if (!ok) {
		why_set(why, whylen, "artifact %s is outside the working directory%s "
		    "(see --artifact-root)", src, r->nroots ? " and the artifact roots" : "");
		return MDF_E_META;
	}
	if (!S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
		why_set(why, whylen, "artifact %s is not a regular file or directory", src);
		return MDF_E_META;
	}
	return MDF_OK;
}

int
mdf_mlrun_artifact(struct mdf_mlrun *r, const char *src, const char *name,
    char *why, size_t whylen)
{
	char base[PATH_MAX], dest[PATH_MAX], top[PATH_MAX];
	struct stat sb;
	int rc;

	if (name == NULL) {
		if ((rc = artifact_basename(src, base, sizeof base, why, whylen)) < 0)
			return rc;
		name = base;
	}
	if (stat(src, &sb) < 0 || realpath(src, top) == NULL)
		return io_fail(why, whylen, src);
	if ((rc = artifact_dest(r, name, dest, sizeof dest, why, whylen)) < 0)
		return rc;
	rc = copy_tree(r, top, src, dest, 0, why, whylen);
	return rc < 0 ? rc : S_ISDIR(sb.st_mode) ? 1 : 0;
}

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
		if (join(path, sizeof path, dir, de->d_name) < 0 ||
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
		if (read_text(path, &text, NULL) < 0)
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
read_run(const char *dir, const char *exp_id, int full, struct mdf_ml_run *r)
{
	char *text, *s = NULL, path[PATH_MAX];
	size_t cap;
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = read_meta(dir, &text)) < 0)
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
mdf_ml_run_free(struct mdf_ml_run *r)
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
mdf_ml_runs_free(struct mdf_ml_run *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mdf_ml_run_free(&r[i]);
	free(r);
}

static int
run_cmp(const void *a, const void *b)
{
	const struct mdf_ml_run *x = a, *y = b;
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
	    !id_valid(name, 256);
}

static int
scan_runs(struct mdf_mlstore *st, const char *exp_id, int full,
    struct mdf_ml_run **out, size_t *n, char *why, size_t whylen)
{
	char dir[PATH_MAX];
	DIR *d;
	struct dirent *de;
	struct mdf_ml_run *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc = MDF_OK;

	*out = NULL;
	*n = 0;
	if (join(dir, sizeof dir, st->root, exp_id) < 0 || (d = opendir(dir)) == NULL)
		return io_fail(why, whylen, dir);
	while ((de = readdir(d)) != NULL) {
		char rdir[PATH_MAX];
		if (not_a_run(de->d_name) || join(rdir, sizeof rdir, dir, de->d_name) < 0 ||
		    !is_dir(rdir))
			continue;
		if (cnt == cap) {
			struct mdf_ml_run *nv;
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
		mdf_ml_run_free(&v[cnt]);
		if (rc < 0)
			break;
		rc = 0;
	}
	closedir(d);
	if (rc < 0) {
		mdf_ml_runs_free(v, cnt);
		why_set(why, whylen, "out of memory");
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
    struct mdf_ml_run **out, size_t *n, char *why, size_t whylen)
{
	return scan_runs(st, exp_id, 1, out, n, why, whylen);
}

int
mdf_mlstore_find_run(struct mdf_mlstore *st, const char *what,
    struct mdf_ml_run *out, char *why, size_t whylen)
{
	struct mdf_ml_exp *e;
	size_t ne, found = 0;
	char fexp[32] = "", fid[64] = "", *fname = NULL;
	int rc, exact = 0;

	memset(out, 0, sizeof *out);
	if ((rc = mdf_mlstore_experiments(st, &e, &ne, why, whylen)) < 0)
		return rc;
	for (size_t i = 0; i < ne && !exact; i++) {
		struct mdf_ml_run *v;
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
		mdf_ml_runs_free(v, nv);
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
		why_set(why, whylen, "'%s' matches %zu runs; give more of the run id",
		    what, found);
		return MDF_E_META;
	}
	if (found == 0) {
		why_set(why, whylen, "no run '%s'", what);
		return 0;
	}
	{
		char dir[PATH_MAX];
		if (pathf(dir, sizeof dir, "%s/%s/%s", st->root, fexp, fid) < 0) {
			free(fname);
			return io_fail(why, whylen, st->root);
		}
		rc = read_run(dir, fexp, 1, out);
		out->exp_name = fname;
		if (rc < 0)
			return why_set(why, whylen, "out of memory"), rc;
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
mdf_ml_run_param(const struct mdf_ml_run *r, const char *key)
{
	return kv_find(r->params, r->nparams, key);
}

const char *
mdf_ml_run_tag(const struct mdf_ml_run *r, const char *key)
{
	return kv_find(r->tags, r->ntags, key);
}

const struct mdf_ml_metric *
mdf_ml_run_metric(const struct mdf_ml_run *r, const char *key)
{
	for (size_t i = 0; i < r->nmetrics; i++)
		if (strcmp(r->metrics[i].key, key) == 0)
			return &r->metrics[i];
	return NULL;
}

int
mdf_ml_run_artifact_dir(const struct mdf_ml_run *r, char *out, size_t outlen)
{
	char moved[PATH_MAX];

	if (uri_to_path(r->artifact_uri, out, outlen) < 0) {
		/* A plain path, as very old MLflow wrote. */
		if (r->artifact_uri[0] != '/' || strlen(r->artifact_uri) >= outlen)
			return MDF_E_INVAL;
		strcpy(out, r->artifact_uri);
	}
	if (!is_dir(out) && r->dir && pathf(moved, sizeof moved, "%s/artifacts",
	    r->dir) == 0 && is_dir(moved) && strlen(moved) < outlen)
		strcpy(out, moved);
	return MDF_OK;
}

int
mdf_mlstore_collect(struct mdf_mlstore *st, const char *name,
    struct mdf_ml_run **out, size_t *n, char *why, size_t whylen)
{
	struct mdf_ml_exp *e;
	struct mdf_ml_run *all = NULL;
	size_t ne, cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = mdf_mlstore_experiments(st, &e, &ne, why, whylen)) < 0)
		return rc;
	for (size_t i = 0; i < ne; i++) {
		struct mdf_ml_run *v, *nv;
		size_t nr;
		if (name && strcmp(e[i].name, name) != 0)
			continue;
		if ((rc = mdf_mlstore_runs(st, e[i].id, &v, &nr, why, whylen)) < 0)
			break;
		if ((nv = realloc(all, (cnt + nr + 1) * sizeof *all)) == NULL) {
			mdf_ml_runs_free(v, nr);
			rc = MDF_E_NOMEM;
			why_set(why, whylen, "out of memory");
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
			why_set(why, whylen, "out of memory");
			break;
		}
	}
	mdf_ml_exps_free(e, ne);
	if (rc < 0) {
		mdf_ml_runs_free(all, cnt);
		return rc;
	}
	if (cnt)
		qsort(all, cnt, sizeof *all, run_cmp);
	*out = all;
	*n = cnt;
	return MDF_OK;
}

long
mdf_ml_best(const struct mdf_ml_run *v, size_t n, const char *metric,
    int flags, double *score)
{
	long best = -1;
	double bv = 0;

	for (size_t i = 0; i < n; i++) {
		const struct mdf_ml_metric *m = mdf_ml_run_metric(&v[i], metric);
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
mdf_ml_run_model_dir(const struct mdf_ml_run *r, char *out, size_t outlen,
    char *why, size_t whylen)
{
	const char *model = mdf_ml_run_tag(r, "milldir.model");
	char dir[PATH_MAX], real[PATH_MAX], rdir[PATH_MAX];

	if (mdf_ml_run_artifact_dir(r, dir, sizeof dir) < 0) {
		why_set(why, whylen, "run %s: artifact_uri '%s' is not a local path",
		    r->id, r->artifact_uri);
		return MDF_E_INVAL;
	}
	/* The tag comes from the logged stream: it must name a directory
	 * inside the run's artifacts, by its components and by its real path
	 * (no "..", no absolute path, no link out). */
	if (model && !artifact_name_valid(model)) {
		why_set(why, whylen, "run %s: its milldir.model tag '%s' is not a "
		    "path inside its artifacts", r->id, model);
		return MDF_E_META;
	}
	if ((model ? pathf(out, outlen, "%s/%s", dir, model) :
	    pathf(out, outlen, "%s", dir)) < 0)
		return io_fail(why, whylen, dir);
	{
		int e = realpath(out, real) == NULL ? errno : is_dir(real) ? 0 : ENOTDIR;
		if (e) {
			why_set(why, whylen, "run %s: its model directory %s is gone (%s); "
			    "delete the run or restore the directory", r->id, out,
			    strerror(e));
			errno = e;
			return MDF_E_IO;
		}
	}
	if (model && (realpath(dir, rdir) == NULL || !path_within(real, rdir))) {
		why_set(why, whylen, "run %s: its model directory %s leads out of "
		    "its artifacts (to %s)", r->id, out, real);
		return MDF_E_META;
	}
	return model != NULL;
}

int
mdf_mlrun_log_metr(struct mdf_mlrun *r, const struct mdf_frame *f,
    size_t *line, char *why, size_t whylen)
{
	struct mdf_metr_rec *rec = malloc(sizeof *rec); /* 8 KiB: not on the stack */
	char base[PATH_MAX];
	size_t pos = 0;
	int rc;

	*line = 0;
	if (rec == NULL)
		return why_set(why, whylen, "out of memory"), MDF_E_NOMEM;
	while ((rc = mdf_metr_next(f, &pos, rec, line)) > 0) {
		switch (rec->kind) {
		case MDF_METR_PARAM:
			rc = mdf_mlrun_param(r, rec->key, rec->value, why, whylen);
			break;
		case MDF_METR_TAG:
			rc = strcmp(rec->key, "mlflow.runName") == 0 ?
			    mdf_mlrun_set_name(r, rec->value, why, whylen) :
			    mdf_mlrun_tag(r, rec->key, rec->value, why, whylen);
			break;
		case MDF_METR_METRIC:
			rc = mdf_mlrun_metric(r, rec->key, rec->num, rec->timestamp,
			    rec->step, why, whylen);
			break;
		case MDF_METR_ARTIFACT:
			rc = artifact_allowed(r, rec->value, why, whylen);
			if (rc == 0)
				rc = mdf_mlrun_artifact(r, rec->value, NULL, why, whylen);
			/* The model of the run is its last directory artifact. */
			if (rc == 1 && (rc = artifact_basename(rec->value, base,
			    sizeof base, why, whylen)) == 0)
				rc = mdf_mlrun_tag(r, "milldir.model", base, why, whylen);
			break;
		}
		if (rc < 0)
			goto out;
	}
	if (rc < 0)
		why_set(why, whylen, "malformed METR record");
out:
	free(rec);
	return rc < 0 ? rc : MDF_OK;
}
