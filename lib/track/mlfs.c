/* The file store's plumbing: messages, paths and file: URIs, names
 * MLflow accepts, whole-file reads, and writes that readers see whole
 * (temporary file and rename). */
#define _GNU_SOURCE
#include <ctype.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"

/* "PATH: strerror" and MDF_E_IO, keeping errno. */
int
ml_io_fail(char *why, size_t whylen, const char *path)
{
	int e = errno;
	mdf_why(why, whylen, 0, "%s: %s", path, strerror(e));
	errno = e;
	return MDF_E_IO;
}

int64_t
ml_now_ms(void)
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
int
ml_pathf(char *out, size_t outlen, const char *fmt, ...)
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

int
ml_join(char *out, size_t outlen, const char *a, const char *b)
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

int
ml_name_valid(const char *s, size_t max)
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
int
ml_id_valid(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len == 0 || len > max || !isalnum((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < len; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* --- files ---------------------------------------------------------- */

/* Read a whole (small) file into a NUL-terminated buffer. */
int
ml_read_text(const char *path, char **out, size_t *outlen)
{
	struct mdf_sb b = {0};
	char tmp[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return MDF_E_IO;
	mdf_sb_add(&b, "", 0);
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
		mdf_sb_add(&b, tmp, (size_t)n);
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

int
ml_write_all(int fd, const void *data, size_t len)
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
int
ml_mkdirs_for(const char *path)
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

int
ml_mkdir_p(const char *path)
{
	char tmp[PATH_MAX];

	if (ml_join(tmp, sizeof tmp, path, "x") < 0 || ml_mkdirs_for(tmp) < 0)
		return -1;
	return 0;
}

/* Write DATA to a temporary file in TMPDIR, then rename it to DEST, so a
 * reader sees the old file or the new one, never a part. */
int
ml_write_atomic(const char *tmpdir, unsigned *seq, const char *dest,
    const void *data, size_t len, char *why, size_t whylen)
{
	char tmp[PATH_MAX];
	int fd, n;

	n = snprintf(tmp, sizeof tmp, "%s/.tmp-%ld-%u", tmpdir, (long)getpid(),
	    (*seq)++);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		errno = ENAMETOOLONG;
		return ml_io_fail(why, whylen, tmpdir);
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return ml_io_fail(why, whylen, tmp);
	if (ml_write_all(fd, data, len) < 0 || close(fd) < 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return ml_io_fail(why, whylen, dest);
	}
	if (ml_mkdirs_for(dest) < 0 || rename(tmp, dest) < 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return ml_io_fail(why, whylen, dest);
	}
	return MDF_OK;
}

/* file:// URI of an ml_absolute path: RFC 3986 unreserved characters and '/'
 * stay, everything else is percent-encoded (pathlib's as_uri). */
int
ml_path_to_uri(const char *path, char *out, size_t outlen)
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
int
ml_uri_to_path(const char *uri, char *out, size_t outlen)
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

int
ml_absolute(const char *path, char *out, size_t outlen)
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
ml_is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Read DIR/meta.yaml; NULL text when missing or empty. */
int
ml_read_meta(const char *dir, char **text)
{
	char path[PATH_MAX];
	size_t len;

	*text = NULL;
	if (ml_join(path, sizeof path, dir, "meta.yaml") < 0)
		return 0;
	if (ml_read_text(path, text, &len) < 0)
		return errno == ENOMEM ? MDF_E_NOMEM : 0;
	if (len == 0) {
		free(*text);
		*text = NULL;
	}
	return 0;
}

/* --- runs: writing -------------------------------------------------- */

int
ml_random_hex(char *out, size_t nbytes)
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

/* Overwrite PATH with DATA without a new file; -1 with errno. */
int
ml_rewrite_in_place(const char *path, const void *data, size_t len)
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

/* A relative path inside artifacts/: no control characters, no empty,
 * "." or ".." component. */
int
ml_artifact_name_valid(const char *name)
{
	if (!ml_name_valid(name, 1024) || name[0] == '/')
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

/* Is the real path P the real directory ROOT or below it? */
int
ml_path_within(const char *p, const char *root)
{
	size_t n = strlen(root);

	if (n == 1 && root[0] == '/')
		return 1;
	return strncmp(p, root, n) == 0 && (p[n] == '\0' || p[n] == '/');
}
