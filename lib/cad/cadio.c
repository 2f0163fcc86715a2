/*
 * CAD models (STEP, IGES, BREP) imported as MESH frames, the kernel kept
 * at arm's length: a child process reads and tessellates the model and
 * sends the triangles back over a pipe; this process checks everything
 * it receives.  A crash of the kernel (its STEP reader dies of malformed
 * files), a hang past the timeout or a child that exhausts its memory is
 * an error about the file, never a crash of the tool.
 *
 * The pipe carries, in the host's byte order (both ends are this
 * program): the 8 bytes "MDFCAD1\n"; for each solid, the byte 'S', a
 * uint64 triangle count N and N x 9 float32 (three vertices, wound
 * outward); then the byte 'E', an int32 code (0 or MDF_E_*), a uint32
 * length L < 256 and L bytes of reason, and nothing more.  The child
 * then exits 0.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#include "cad/cad.h"
#include "milldir/frame.h"
#include "milldir/import.h"

/* A sanitizer reserves terabytes of address space: no cap under it. */
#if defined(__SANITIZE_ADDRESS__)
#define NO_AS_CAP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_AS_CAP 1
#endif
#endif

#define MAGIC "MDFCAD1\n"
/* Triangles a file may bring (all solids); address space of the child. */
#define MAXTRI 20000000ull
#define CHILD_AS (8ull << 30)

static const char *
kind_of(int format)
{
	return format == MDF_IMPORT_IGES ? "IGES" : format == MDF_IMPORT_BREP ?
	    "BREP" : "STEP";
}

/* --- The child ----------------------------------------------------------- */

static void
put(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		ssize_t k = write(fd, c, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			_exit(1);
		c += k, n -= (size_t)k;
	}
}

static _Noreturn void
finish(int fd, int32_t code, const char *why)
{
	uint32_t n = (uint32_t)strnlen(why, 255);

	put(fd, "E", 1);
	put(fd, &code, sizeof code);
	put(fd, &n, sizeof n);
	put(fd, why, n);
	_exit(0);
}

/* Read, tessellate and send; never returns. */
static _Noreturn void
child(int fd, int cf, const void *buf, size_t len, const char *path,
    double lin, double ang)
{
	struct mdf_cad_shape **s = NULL;
	size_t n = 0;
	char why[256] = "";
	int rc, null = open("/dev/null", O_WRONLY);

	/* nothing of the kernel's may reach the frames on stdout; a fault
	 * ends the child (no sanitizer's or fuzzer's handler, no core) */
	if (null >= 0)
		dup2(null, 1), dup2(null, 2);
	{
		static const int sig[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
		struct rlimit core = { 0, 0 };

		for (size_t i = 0; i < sizeof sig / sizeof *sig; i++)
			signal(sig[i], SIG_DFL);
		setrlimit(RLIMIT_CORE, &core);
	}
#ifndef NO_AS_CAP
	{
		struct rlimit rl = { CHILD_AS, CHILD_AS };

		setrlimit(RLIMIT_AS, &rl);
	}
#endif
	put(fd, MAGIC, 8);
	rc = mdf_cad_read(buf, len, path, cf, &s, &n, why, sizeof why);
	if (rc < 0)
		finish(fd, rc, why);
	if (lin < 0) {
		double ext = 0;

		for (size_t i = 0; i < n; i++) {
			double e = mdf_cad_extent(s[i]);

			ext = e > ext ? e : ext;
		}
		lin = -lin * (ext > 0 ? ext : 1);
	}
	for (size_t i = 0; i < n; i++) {
		float *tri;
		size_t nt;
		uint64_t n64;
		char w[200];

		rc = mdf_cad_mesh(s[i], lin, ang, NULL, &tri, &nt, w, sizeof w);
		if (rc < 0) {
			snprintf(why, sizeof why, "solid %zu: %s", i + 1, w);
			finish(fd, rc == MDF_E_NOMEM ? rc : MDF_E_META, why);
		}
		n64 = nt;
		put(fd, "S", 1);
		put(fd, &n64, sizeof n64);
		for (size_t t = 0; t < nt; t++)
			put(fd, tri + 12 * t + 3, 9 * sizeof *tri);
		free(tri);
	}
	finish(fd, MDF_OK, "");
}

/* --- The parent ---------------------------------------------------------- */

struct rd {
	int fd;
	double deadline;        /* CLOCK_MONOTONIC seconds; 0: none */
	int timedout;
};

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* N bytes into P: 1 done, 0 end of the stream first, -1 timeout or
 * error. */
static int
get(struct rd *r, void *p, size_t n)
{
	char *c = p;

	while (n > 0) {
		struct pollfd pf = { r->fd, POLLIN, 0 };
		int ms = -1, k;
		ssize_t got;

		if (r->deadline > 0) {
			double left = r->deadline - now();

			if (left <= 0) {
				r->timedout = 1;
				return -1;
			}
			ms = left > 1e6 ? 1000000000 : (int)(left * 1000) + 1;
		}
		k = poll(&pf, 1, ms);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			continue;       /* the deadline is checked above */
		got = read(r->fd, c, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
		c += got, n -= (size_t)got;
	}
	return 1;
}

/* Printable ASCII of S into WHY (the reason may quote the file). */
static void
tidy(char *why, size_t whylen, const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < whylen; i++)
		why[k++] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
	why[k] = '\0';
}

/* Receive the child's solids into IM; MDF_OK, or an error with a reason
 * in im->why (*DONE set once the end record came). */
static int
receive(struct mdf_import *im, struct rd *r, int *done)
{
	char magic[8], tag;
	uint64_t total = 0;
	int rc;

	*done = 0;
	if (get(r, magic, 8) != 1)
		return MDF_E_META;
	if (memcmp(magic, MAGIC, 8) != 0) {
		snprintf(im->why, sizeof im->why, "the CAD reader sent garbage");
		return MDF_E_META;
	}
	while (get(r, &tag, 1) == 1) {
		if (tag == 'S') {
			uint64_t n;
			float *tri;

			if (get(r, &n, sizeof n) != 1)
				return MDF_E_META;
			if (n > MAXTRI - total) {
				snprintf(im->why, sizeof im->why, "more than %llu triangles "
				    "(try a larger --tolerance)", (unsigned long long)MAXTRI);
				return MDF_E_META;
			}
			total += n;
			if ((tri = calloc(n ? (size_t)n : 1, 12 * sizeof *tri)) == NULL)
				return MDF_E_NOMEM;
			for (uint64_t t = 0; t < n; t++) {
				float *v = tri + 12 * t + 3;

				if ((rc = get(r, v, 9 * sizeof *v)) != 1) {
					free(tri);
					return MDF_E_META;
				}
				for (int k = 0; k < 9; k++)
					if (!isfinite(v[k])) {
						free(tri);
						snprintf(im->why, sizeof im->why,
						    "the CAD reader sent a coordinate that is not finite");
						return MDF_E_META;
					}
			}
			rc = mdf_import_body(im, "", tri, (size_t)n);
			free(tri);
			if (rc < 0)
				return rc;
		} else if (tag == 'E') {
			int32_t code;
			uint32_t n;
			char text[256];

			if (get(r, &code, sizeof code) != 1 || get(r, &n, sizeof n) != 1 ||
			    n >= sizeof text || get(r, text, n) != 1 ||
			    get(r, &tag, 1) != 0 || code > 0)
				return MDF_E_META;
			*done = 1;
			if (code == MDF_OK)
				return MDF_OK;
			if (code == MDF_E_NOMEM)
				snprintf(im->why, sizeof im->why, "the CAD reader ran out of "
				    "memory (it may use %llu GiB)", CHILD_AS >> 30);
			else
				tidy(im->why, sizeof im->why, text, n);
			return MDF_E_META;
		} else {
			snprintf(im->why, sizeof im->why, "the CAD reader sent garbage");
			return MDF_E_META;
		}
	}
	return MDF_E_META;
}

int
mdf_cad_import(struct mdf_import *im, int format, const void *buf, size_t len,
    const char *path, double lin, double ang, double timeout,
    struct mdf_frame *out)
{
	int fd[2], rc, st, done = 0, cf = format == MDF_IMPORT_IGES ? MDF_CAD_IGES :
	    format == MDF_IMPORT_BREP ? MDF_CAD_BREP : MDF_CAD_STEP;
	struct rd r;
	pid_t pid;

	mdf_import_begin(im, out, kind_of(format));
	if (cf == MDF_CAD_IGES && (path == NULL || (path[0] == '-' && path[1] == '\0'))) {
		snprintf(im->why, sizeof im->why, "IGES is read from a file only, "
		    "not from standard input");
		return MDF_E_INVAL;
	}
	if (pipe(fd) != 0) {
		snprintf(im->why, sizeof im->why, "cannot make a pipe: %s", strerror(errno));
		return MDF_E_IO;
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		snprintf(im->why, sizeof im->why, "cannot start the CAD reader: %s",
		    strerror(errno));
		close(fd[0]), close(fd[1]);
		return MDF_E_IO;
	}
	if (pid == 0) {
		close(fd[0]);
		signal(SIGPIPE, SIG_DFL);
		child(fd[1], cf, buf, len, path, lin, ang);
	}
	close(fd[1]);
	r.fd = fd[0];
	r.deadline = timeout > 0 ? now() + timeout : 0;
	r.timedout = 0;
	im->why[0] = '\0';
	rc = receive(im, &r, &done);
	close(fd[0]);
	if (!done || r.timedout)
		kill(pid, SIGKILL);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		continue;
	if (r.timedout) {
		snprintf(im->why, sizeof im->why, "the CAD reader took more than %g s "
		    "(--timeout); stopped", timeout);
		return MDF_E_META;
	}
	if (!done && WIFSIGNALED(st) && im->why[0] == '\0') {
		snprintf(im->why, sizeof im->why, "the CAD reader crashed on this file "
		    "(signal %d, %s)", WTERMSIG(st), strsignal(WTERMSIG(st)));
		return MDF_E_META;
	}
	if (rc == MDF_OK && !(WIFEXITED(st) && WEXITSTATUS(st) == 0))
		rc = MDF_E_META;
	if (rc < 0) {
		/* (a sanitizer's handler turns a fault into an exit status) */
		if (im->why[0] == '\0')
			snprintf(im->why, sizeof im->why, "the CAD reader crashed on this "
			    "file (exit status %d)", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return rc;
	}
	return mdf_import_end(im);
}
