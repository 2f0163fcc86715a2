/* Command-line plumbing for the tools; see cli.h. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char *mdc_prog = "milldir";

void
mdc_init(const char *argv0)
{
	const char *slash;

	if (argv0 != NULL && *argv0 != '\0') {
		slash = strrchr(argv0, '/');
		mdc_prog = slash ? slash + 1 : argv0;
		/* libtool's uninstalled wrappers run "lt-TOOL" */
		if (strncmp(mdc_prog, "lt-", 3) == 0)
			mdc_prog += 3;
	}
	/* A parent may have ignored SIGPIPE; the tools want the default so
	 * that `| head` ends them quietly. */
	signal(SIGPIPE, SIG_DFL);
}

static void
vmsg(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", mdc_prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
mdc_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

/* A fatal error ends the process without atexit handlers: nothing needs
 * cleaning up, and LeakSanitizer would otherwise report what main() still
 * held (often only in registers) and replace the exit status with its own. */
static _Noreturn void
die_now(int status)
{
	fflush(stdout);
	_exit(status);
}

void
mdc_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	die_now(status);
}

void
mdc_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", mdc_prog);
	die_now(EXIT_USAGE);
}

void
mdc_version(void)
{
	printf("%s (milldir) %s\n", mdc_prog, PACKAGE_VERSION);
	mdc_close_stdout();
	exit(0);
}

struct mdf_reader *
mdc_open_in(const char *path)
{
	struct mdf_reader *r = mdf_reader_open(path);

	if (r == NULL)
		mdc_die(errno == ENOMEM ? EXIT_SOFTWARE : EXIT_NOINPUT, "%s: %s",
		    path, strerror(errno));
	return r;
}

void
mdc_die_read(struct mdf_reader *r, int rc)
{
	mdc_die(mdf_exit_code(rc), "%s", mdf_reader_error(r));
}

/* The reader went away: die of SIGPIPE as if we had never ignored it. */
static _Noreturn void
die_of_sigpipe(void)
{
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
	_exit(141);
}

struct mdf_writer *
mdc_open_out(unsigned flags)
{
	const char *z = getenv("MILLDIR_COMPRESS");
	struct mdf_writer *w;

	if (isatty(STDOUT_FILENO))
		mdc_usage("refusing to write binary frames to a terminal; redirect or pipe stdout");
	if (z != NULL && strcmp(z, "1") == 0)
		flags |= MDF_FLAG_ZLIB;
	if ((w = mdf_writer_open(stdout, "stdout", flags)) == NULL)
		mdc_die(EXIT_SOFTWARE, "stdout: %s", strerror(errno));
	return w;
}

void
mdc_write(struct mdf_writer *w, const struct mdf_frame *f)
{
	int rc = mdf_write(w, f);

	if (rc == MDF_OK)
		return;
	if (rc == MDF_E_IO && errno == EPIPE)
		die_of_sigpipe();
	mdc_die(rc == MDF_E_IO ? EXIT_IOERR : EXIT_SOFTWARE, "%s", mdf_writer_error(w));
}

void
mdc_close_stdout(void)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			die_of_sigpipe();
		mdc_die(EXIT_IOERR, "stdout: write error: %s",
		    strerror(errno ? errno : EIO));
	}
	if (fclose(stdout) != 0) {
		if (errno == EPIPE)
			die_of_sigpipe();
		mdc_die(EXIT_IOERR, "stdout: close failed: %s", strerror(errno));
	}
}

void
mdc_close_out(struct mdf_writer *w)
{
	if (mdf_writer_close(w) < 0) {
		if (errno == EPIPE)
			die_of_sigpipe();
		mdc_die(EXIT_IOERR, "stdout: write error: %s", strerror(errno ? errno : EIO));
	}
	mdc_close_stdout();
}

long
mdc_parse_long(const char *option, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end != '\0' || v < min || v > max)
		mdc_usage("%s: expected a whole number from %ld to %ld, got '%s'",
		    option, min, max, arg);
	return v;
}

double
mdc_parse_double(const char *option, const char *arg)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno || end == arg || *end != '\0' || !isfinite(v))
		mdc_usage("%s: expected a number, got '%s'", option, arg);
	return v;
}
