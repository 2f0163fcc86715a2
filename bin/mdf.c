/* mdf: inspect, check, convert and edit milldir frame streams. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "milldir/frame.h"
#include "milldir/png.h"
#include "milldir/types.h"

static const char usage_text[] =
"Usage: mdf COMMAND [OPTION]... [ARG]...\n"
"Inspect and edit milldir frame streams (see milldir-frame(5)).\n"
"\n"
"Commands:\n"
"  ls [FILE]...              one line per frame: index, type, payload bytes, metadata\n"
"  check [-v] [FILE]...      validate every frame; exit 65 at the first error\n"
"  get KEY [FILE]...         the value of KEY, one line per frame (empty if absent)\n"
"  png DIR [FILE]...         write every IMAG frame as DIR/NNNNNN[-PART][-vVIEW].png\n"
"  frompng [-m KEY=VALUE]... FILE.png...   PNG files to IMAG frames\n"
"  select [-v] [-t TYPE] KEY=VALUE...      keep frames whose metadata match all\n"
"  set [-t TYPE] [-u KEY]... KEY=VALUE...  set (or -u remove) metadata keys\n"
"  wrap TYPE [KEY=VALUE]...  standard input as the payload of one frame\n"
"  payload [-n N] [FILE]     the raw payload of frame N (default 1)\n"
"\n"
"Options:\n"
"  -h, --help     show this help and exit\n"
"  -V, --version  show the version and exit\n"
"\n"
"Filters (select, set) read standard input and write frames to standard output;\n"
"frames that a command does not concern pass through unchanged.\n";

static _Noreturn void
usage_ok(void)
{
	mdc_help(usage_text);
}

/* Run FN on every frame of every file in ARGV (stdin if none). */
typedef void (*frame_fn)(struct mdf_reader *r, struct mdf_frame *f, void *ctx);

static void
each_frame(int argc, char **argv, frame_fn fn, void *ctx)
{
	struct mdf_frame f;
	int i = 0;

	mdf_frame_init(&f);
	do {
		const char *path = argc > 0 ? argv[i] : "-";
		struct mdf_reader *r = mdc_open_in(path);
		int rc;

		while ((rc = mdf_read(r, &f)) > 0)
			fn(r, &f, ctx);
		if (rc < 0)
			mdc_die_read(r, rc);
		mdf_reader_close(r);
	} while (++i < argc);
	mdf_frame_free(&f);
}

/* A metadata value on stdout with its control characters (ESC, TAB, C1
 * controls; values hold no NUL, CR or LF) written as \xHH, so that a
 * name from the input never drives a terminal and a TAB never splits an
 * `ls` column. */
static void
put_value(const char *v)
{
	mdc_escape(stdout, v, strlen(v));
}

static void
ls_one(struct mdf_reader *r, struct mdf_frame *f, void *ctx)
{
	(void)ctx;
	printf("%llu\t%s\t%zu", (unsigned long long)mdf_reader_frame_index(r),
	    f->type, f->len);
	for (size_t i = 0; i < f->meta.n; i++) {
		printf("\t%s=", f->meta.kv[i].key);
		put_value(f->meta.kv[i].val);
	}
	putchar('\n');
}

static void
get_one(struct mdf_reader *r, struct mdf_frame *f, void *ctx)
{
	const char *v = mdf_get(f, ctx);

	(void)r;
	put_value(v ? v : "");
	putchar('\n');
}

static void
count_one(struct mdf_reader *r, struct mdf_frame *f, void *ctx)
{
	(void)r;
	(void)f;
	(*(unsigned long long *)ctx)++;
}

/* Leading options of a subcommand: getopt with "+" so KEY=VALUE words
 * that begin with '-' (labels like -Z) are still arguments after "--". */
static int
sub_getopt(int argc, char **argv, const char *opts)
{
	static const struct option none[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c = getopt_long(argc, argv, opts, none, NULL);

	if (c == 'h' || c == '?' || c == ':')
		mdc_option(c, argv, usage_ok);
	return c;
}

static int
cmd_ls(int argc, char **argv)
{
	while (sub_getopt(argc, argv, "+:h") != -1)
		;
	each_frame(argc - optind, argv + optind, ls_one, NULL);
	mdc_close_stdout();
	return 0;
}

static int
cmd_check(int argc, char **argv)
{
	int verbose = 0, c;

	while ((c = sub_getopt(argc, argv, "+:hv")) != -1)
		verbose = verbose || c == 'v';
	argc -= optind;
	argv += optind;
	for (int i = 0; i < (argc > 0 ? argc : 1); i++) {
		unsigned long long n = 0;
		each_frame(argc > 0 ? 1 : 0, argv + i, count_one, &n);
		if (verbose)
			printf("%s: %llu frames ok\n", argc > 0 ? argv[i] : "-", n);
	}
	mdc_close_stdout();
	return 0;
}

static int
cmd_get(int argc, char **argv)
{
	while (sub_getopt(argc, argv, "+:h") != -1)
		;
	if (optind >= argc)
		mdc_usage("get: missing KEY");
	if (!mdf_key_valid(argv[optind]))
		mdc_usage("get: invalid key '%s'", argv[optind]);
	each_frame(argc - optind - 1, argv + optind + 1, get_one, argv[optind]);
	mdc_close_stdout();
	return 0;
}

/* A file-name-safe copy of S: [A-Za-z0-9._+-] kept, others '_'. */
static void
safe_name(char *dst, size_t len, const char *s)
{
	size_t i = 0;

	for (; *s && i + 1 < len; s++) {
		char c = *s;
		int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' || c == '-';
		dst[i] = ok && !(i == 0 && c == '.') ? c : '_';
		i++;
	}
	dst[i] = '\0';
}

static void
png_one(struct mdf_reader *r, struct mdf_frame *f, void *ctx)
{
	const char *dir = ctx, *part = mdf_get(f, "part"), *view = mdf_get(f, "view.index");
	char path[4096], pname[200] = "", vname[40] = "", why[256];
	int rc;

	if (!mdf_frame_is(f, "IMAG"))
		return;
	if (part)
		safe_name(pname + 1, sizeof pname - 1, part), pname[0] = '-';
	if (view)
		safe_name(vname + 2, sizeof vname - 2, view), vname[0] = '-', vname[1] = 'v';
	snprintf(path, sizeof path, "%s/%06llu%s%s.png", dir,
	    (unsigned long long)mdf_reader_frame_index(r), pname, vname);
	if ((rc = mdf_png_write(f, path, why, sizeof why)) < 0)
		mdc_die(mdf_exit_code(rc), "%s: %s", path, why);
}

static int
cmd_png(int argc, char **argv)
{
	struct stat st;

	while (sub_getopt(argc, argv, "+:h") != -1)
		;
	if (optind >= argc)
		mdc_usage("png: missing DIR");
	if (stat(argv[optind], &st) != 0 && mkdir(argv[optind], 0777) != 0)
		mdc_die(EXIT_IOERR, "%s: %s", argv[optind], strerror(errno));
	each_frame(argc - optind - 1, argv + optind + 1, png_one, argv[optind]);
	return 0;
}

static int
cmd_frompng(int argc, char **argv)
{
	struct mdf_frame f, extra;
	struct mdf_writer *w;
	char why[256];
	int c, rc;

	mdf_frame_init(&f);
	mdf_frame_init(&extra);
	while ((c = sub_getopt(argc, argv, "+:hm:")) != -1)
		if (c == 'm' && mdf_set_assignment(&extra, optarg) < 0)
			mdc_usage("frompng: -m: expected KEY=VALUE, got '%s'", optarg);
	if (optind >= argc)
		mdc_usage("frompng: missing FILE.png");
	w = mdc_open_out(0);
	for (int i = optind; i < argc; i++) {
		if ((rc = mdf_png_read(argv[i], &f, why, sizeof why)) < 0)
			mdc_die(rc == MDF_E_IO ? EXIT_NOINPUT : mdf_exit_code(rc), "%s: %s",
			    argv[i], why);
		if (mdf_meta_copy(&f, &extra) < 0)
			mdc_die(EXIT_SOFTWARE, "%s: out of memory", argv[i]);
		mdc_write(w, &f);
	}
	mdc_close_out(w);
	mdf_frame_free(&f);
	mdf_frame_free(&extra);
	return 0;
}

/* Parse KEY=VALUE arguments into a frame used as a key-value list. */
static void
parse_assignments(const char *cmd, int argc, char **argv, struct mdf_frame *kv)
{
	for (int i = 0; i < argc; i++)
		if (mdf_set_assignment(kv, argv[i]) < 0)
			mdc_usage("%s: expected KEY=VALUE, got '%s'", cmd, argv[i]);
}

static int
filter(int argc, char **argv, int is_set)
{
	const char *type = NULL;
	struct mdf_frame f, kv, unset;
	struct mdf_writer *w;
	struct mdf_reader *r;
	int c, invert = 0, rc;

	mdf_frame_init(&f);
	mdf_frame_init(&kv);
	mdf_frame_init(&unset);
	while ((c = sub_getopt(argc, argv, is_set ? "+:ht:u:" : "+:ht:v")) != -1) {
		if (c == 't') {
			if (strlen(optarg) != 4)
				mdc_usage("-t: expected a four-character type, got '%s'", optarg);
			type = optarg;
		} else if (c == 'v') {
			invert = 1;
		} else if (c == 'u') {
			if (!mdf_key_valid(optarg))
				mdc_usage("set: -u: invalid key '%s'", optarg);
			mdf_set(&unset, optarg, "");
		}
	}
	parse_assignments(argv[0], argc - optind, argv + optind, &kv);
	if (!is_set && kv.meta.n == 0)
		mdc_usage("select: missing KEY=VALUE");
	r = mdc_open_in("-");
	w = mdc_open_out(0);
	while ((rc = mdf_read(r, &f)) > 0) {
		int concerned = type == NULL || mdf_frame_is(&f, type);
		if (is_set) {
			if (concerned) {
				for (size_t i = 0; i < unset.meta.n; i++)
					mdf_unset(&f, unset.meta.kv[i].key);
				if (mdf_meta_copy(&f, &kv) < 0)
					mdc_die(EXIT_SOFTWARE, "out of memory");
			}
		} else {
			int match = concerned;
			for (size_t i = 0; match && i < kv.meta.n; i++) {
				const char *v = mdf_get(&f, kv.meta.kv[i].key);
				match = v != NULL && strcmp(v, kv.meta.kv[i].val) == 0;
			}
			if (match == invert)
				continue;
		}
		mdc_write(w, &f);
	}
	if (rc < 0)
		mdc_die_read(r, rc);
	mdf_reader_close(r);
	mdc_close_out(w);
	mdf_frame_free(&f);
	mdf_frame_free(&kv);
	mdf_frame_free(&unset);
	return 0;
}

static int
cmd_wrap(int argc, char **argv)
{
	struct mdf_frame f;
	struct mdf_writer *w;
	char why[256];
	size_t got;
	int rc;

	while (sub_getopt(argc, argv, "+:h") != -1)
		;
	if (optind >= argc)
		mdc_usage("wrap: missing TYPE");
	mdf_frame_init(&f);
	if (mdf_frame_set_type(&f, argv[optind]) < 0)
		mdc_usage("wrap: '%s' is not a type tag (four letters or digits)", argv[optind]);
	parse_assignments("wrap", argc - optind - 1, argv + optind + 1, &f);
	w = mdc_open_out(0);
	for (;;) {
		if (mdf_frame_resize(&f, f.len + 65536) == NULL)
			mdc_die(EXIT_SOFTWARE, "out of memory");
		got = fread(f.payload + f.len - 65536, 1, 65536, stdin);
		f.len -= 65536 - got;
		if (got < 65536)
			break;
	}
	if (ferror(stdin))
		mdc_die(EXIT_IOERR, "-: read error: %s", strerror(errno));
	if ((rc = mdf_frame_validate(&f, why, sizeof why)) < 0)
		mdc_die(mdf_exit_code(rc), "-: %s frame: %s", f.type, why);
	mdc_write(w, &f);
	mdc_close_out(w);
	mdf_frame_free(&f);
	return 0;
}

static int
cmd_payload(int argc, char **argv)
{
	unsigned long long want = 1;
	struct mdf_frame f;
	struct mdf_reader *r;
	int c, rc;

	while ((c = sub_getopt(argc, argv, "+:hn:")) != -1)
		if (c == 'n')
			want = (unsigned long long)mdc_parse_long("-n", optarg, 1, LONG_MAX);
	if (argc - optind > 1)
		mdc_usage("payload: one FILE at most");
	r = mdc_open_in(optind < argc ? argv[optind] : "-");
	mdf_frame_init(&f);
	while ((rc = mdf_read(r, &f)) > 0) {
		if (mdf_reader_frame_index(r) == want) {
			if (f.len)
				fwrite(f.payload, 1, f.len, stdout);
			mdf_frame_free(&f);
			mdf_reader_close(r);
			mdc_close_stdout();   /* reports a failed write */
			return 0;
		}
	}
	if (rc < 0)
		mdc_die_read(r, rc);
	mdc_die(EXIT_DATAERR, "%s: no frame %llu (the stream has %llu)",
	    mdf_reader_name(r), want, (unsigned long long)mdf_reader_frame_index(r));
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
		{ "ls", cmd_ls }, { "check", cmd_check }, { "get", cmd_get },
		{ "png", cmd_png }, { "frompng", cmd_frompng },
		{ "wrap", cmd_wrap }, { "payload", cmd_payload },
	};

	mdc_init(argv[0]);
	if (argc < 2)
		mdc_usage("missing COMMAND");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		usage_ok();
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0)
		mdc_version();
	optind = 1;   /* subcommands parse argv + 1, whose argv[0] is the command */
	if (strcmp(argv[1], "select") == 0 || strcmp(argv[1], "set") == 0)
		return filter(argc - 1, argv + 1, strcmp(argv[1], "set") == 0);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].fn(argc - 1, argv + 1);
	mdc_usage("unknown command '%s'", argv[1]);
}
