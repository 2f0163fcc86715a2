/* Command-line plumbing for the tools; see cli.h. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <getopt.h>

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
	/* getopt stays quiet: mdc_option reports a bad option, once */
	opterr = 0;
	/* A parent may have ignored SIGPIPE; the tools want the default so
	 * that `| head` ends them quietly. */
	signal(SIGPIPE, SIG_DFL);
}

/* Length of the valid UTF-8 sequence at S (at most N bytes) that is not
 * a C1 control (U+0080 to U+009F), or 0. */
static size_t
utf8_printable(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
	uint32_t cp;

	if (s[0] < 0xc2 || s[0] > 0xf4 || len > n)
		return 0;
	cp = s[0] & (0x7f >> len);
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp <= 0x9f ||
	    cp == 0x2028 || cp == 0x2029)
		return 0;
	return len;
}

void
mdc_escape(FILE *fp, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = 0; i < n;) {
		size_t len;

		if (s[i] >= 0x20 && s[i] < 0x7f) {
			putc(s[i++], fp);
		} else if (s[i] >= 0x80 && (len = utf8_printable(s + i, n - i)) > 0) {
			fwrite(s + i, 1, len, fp);
			i += len;
		} else {
			fprintf(fp, "\\x%02x", s[i++]);
		}
	}
}

/* Every message of every tool passes here: the text is escaped (names
 * from files and metadata may hold ESC, BEL or bytes that are not
 * UTF-8), so nothing from the input reaches a terminal as a control. */
static void
vmsg(const char *fmt, va_list ap)
{
	char small[1024], *buf = small;
	va_list ap2;
	int n;

	fflush(stdout);
	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small && (buf = malloc((size_t)n + 1)) != NULL)
		vsnprintf(buf, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	if (buf == NULL) {
		buf = small;
		n = (int)sizeof small - 1;
	}
	fprintf(stderr, "%s: ", mdc_prog);
	if (n > 0)
		mdc_escape(stderr, buf, (size_t)n);
	fputc('\n', stderr);
	if (buf != small)
		free(buf);
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

const char *
mdc_where(const struct mdf_reader *r)
{
	static char where[4200];

	snprintf(where, sizeof where, "%s: frame %llu (byte %llu)",
	    mdf_reader_name(r), (unsigned long long)mdf_reader_frame_index(r),
	    (unsigned long long)mdf_reader_frame_offset(r));
	return where;
}

void
mdc_die_frame(const struct mdf_reader *r, int status, const char *fmt, ...)
{
	char what[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	mdc_die(status, "%s: %s", mdc_where(r), what);
}

void
mdc_help(const char *text)
{
	fputs(text, stdout);
	mdc_close_stdout();
	exit(0);
}

void
mdc_option(int c, char **argv, void (*help)(void))
{
	const char *arg = argv[optind - 1];

	if (c == 'h') {
		help();
		exit(0);   /* help functions exit themselves; in case one does not */
	}
	if (c == 'V')
		mdc_version();
	if (c == ':') {
		if (strncmp(arg, "--", 2) == 0)
			mdc_usage("option '%s' requires an argument", arg);
		mdc_usage("option requires an argument -- '%c'", optopt);
	}
	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		mdc_usage("invalid option -- '%c'", optopt);
	if (optopt != 0)   /* a long option given an argument it does not take */
		mdc_usage("option '%s' doesn't allow an argument", arg);
	mdc_usage("unrecognized option '%s'", arg);
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

void
mdc_parse_pair(const char *option, const char *form, const char *arg, long max,
    uint32_t *a, uint32_t *b)
{
	char buf[64], *x;

	if (strlen(arg) >= sizeof buf || (x = strchr(strcpy(buf, arg), 'x')) == NULL)
		mdc_usage("%s: expected %s, got '%s'", option, form, arg);
	*x = '\0';
	*a = (uint32_t)mdc_parse_long(option, buf, 1, max);
	*b = (uint32_t)mdc_parse_long(option, x + 1, 1, max);
}

int
mdc_parse_colour(const char *option, const char *arg, unsigned char *rgba,
    int maxn)
{
	const char *p = arg;
	int n = 0;

	for (;;) {
		char *end;
		long v;

		errno = 0;
		v = *p >= '0' && *p <= '9' ? strtol(p, &end, 10) : -1;
		if (v < 0 || v > 255 || errno || n == maxn || (*end != ',' && *end != '\0'))
			break;
		rgba[n++] = (unsigned char)v;
		if (*end == '\0') {
			if (n >= 3)
				return n;
			break;
		}
		p = end + 1;
	}
	mdc_usage("%s: expected R,G,B%s from 0 to 255, got '%s'", option,
	    maxn > 3 ? " or R,G,B,A" : "", arg);
}

const char *
mdc_input_operand(int argc, char **argv)
{
	if (optind < argc - 1)
		mdc_usage("extra operand '%s'", argv[optind + 1]);
	return optind < argc ? argv[optind] : NULL;
}

int
mdc_parse_choice(const char *option, const char *arg, const char *const *names)
{
	char list[512] = "";
	size_t pos = 0;
	int n;

	for (n = 0; names[n] != NULL; n++)
		if (strcmp(arg, names[n]) == 0)
			return n;
	for (int i = 0; i < n && pos < sizeof list; i++)
		pos += (size_t)snprintf(list + pos, sizeof list - pos, "%s%s",
		    i == 0 ? "" : i == n - 1 ? " or " : ", ", names[i]);
	mdc_usage("%s: expected %s, got '%s'", option, list, arg);
}
