/* partgen: labelled synthetic workpieces as STL files or MESH frames. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "milldir/frame.h"
#include "milldir/partgen.h"
#include "milldir/stlwrite.h"

static const char usage_text[] =
"Usage: partgen [OPTION]...\n"
"Generate machined workpieces labelled with their milling direction, as\n"
"binary STL files plus labels.tsv (-o DIR), or as MESH frames on stdout.\n"
"\n"
"  -n, --count N          parts to generate (default 6)\n"
"  -s, --seed S           random seed (default 1); same seed, same bytes\n"
"      --first I          number of the first part (default 1)\n"
"  -p, --prefix NAME      part names are NAME-0001, ... (default part)\n"
"  -o, --output DIR       write DIR/NAME.stl and DIR/labels.tsv\n"
"      --frames           write MESH frames to stdout (the default without -o)\n"
"  -c, --classes LIST     labels to use, e.g. +Z,-Z (default all six)\n"
"      --random-labels    draw each label independently (default: balanced)\n"
"  -d, --distractors P    probability of smaller features from other\n"
"                         directions (default 0)\n"
"  -r, --resolution N     mm (voxels) along the longest stock side (default 64)\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n";

static _Noreturn void
help(void)
{
	mdc_help(usage_text);
}

struct opts {
	struct mdf_partgen g;
	long count, first;
	const char *prefix, *outdir;
	int frames;
};

static void
parse_options(int argc, char **argv, struct opts *o)
{
	enum { OPT_FRAMES = 256, OPT_FIRST, OPT_RANDOM };
	static const struct option longopts[] = {
		{ "count", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "first", required_argument, NULL, OPT_FIRST },
		{ "prefix", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "frames", no_argument, NULL, OPT_FRAMES },
		{ "classes", required_argument, NULL, 'c' },
		{ "random-labels", no_argument, NULL, OPT_RANDOM },
		{ "distractors", required_argument, NULL, 'd' },
		{ "resolution", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	char why[160];
	int c;

	mdf_partgen_defaults(&o->g);
	o->count = 6;
	o->first = 1;
	o->prefix = "part";
	o->outdir = NULL;
	o->frames = 0;
	while ((c = getopt_long(argc, argv, ":n:s:p:o:c:d:r:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			o->count = mdc_parse_long("--count", optarg, 0, 100000000);
			break;
		case 's':
			o->g.seed = (uint64_t)mdc_parse_long("--seed", optarg, 0, LONG_MAX);
			break;
		case OPT_FIRST:
			o->first = mdc_parse_long("--first", optarg, 1, 100000000);
			break;
		case 'p':
			/* The name becomes a file name and a metadata value. */
			if (*optarg == '\0' || strpbrk(optarg, "/\t\n\r") != NULL)
				mdc_usage("--prefix: '%s' must be non-empty, without '/', tab or newline",
				    optarg);
			o->prefix = optarg;
			break;
		case 'o':
			o->outdir = optarg;
			break;
		case OPT_FRAMES:
			o->frames = 1;
			break;
		case 'c':
			if (mdf_dir_parse_list(optarg, &o->g.classes, why, sizeof why) < 0)
				mdc_usage("--classes: %s", why);
			break;
		case OPT_RANDOM:
			o->g.balanced = 0;
			break;
		case 'd':
			o->g.distractors = mdc_parse_double("--distractors", optarg);
			if (o->g.distractors < 0.0 || o->g.distractors > 1.0)
				mdc_usage("--distractors: expected a probability from 0 to 1, got '%s'",
				    optarg);
			break;
		case 'r':
			o->g.resolution = (int)mdc_parse_long("--resolution", optarg,
			    MDF_PARTGEN_RES_MIN, MDF_PARTGEN_RES_MAX);
			break;
		default: mdc_option(c, argv, help);
		}
	}
	if (optind < argc)
		mdc_usage("unexpected argument '%s'", argv[optind]);
	if (o->frames && o->outdir != NULL)
		mdc_usage("--frames and --output exclude each other");
	if (o->outdir != NULL && *o->outdir == '\0')
		mdc_usage("--output: empty directory name");
}

/* mkdir -p DIR. */
static void
make_dir(const char *dir)
{
	char *p, *s = strdup(dir);

	if (s == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (p = s + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(s, 0777) != 0 && errno != EEXIST)
				mdc_die(EXIT_IOERR, "%s: cannot create directory: %s", s,
				    strerror(errno));
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(s);
}

/* Open a temporary beside PATH; *TMP gets its name. */
static FILE *
open_temp(const char *dir, const char *path, char **tmp)
{
	FILE *fp;
	int fd;

	if (asprintf(tmp, "%s/.partgen.XXXXXX", dir) < 0)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	if ((fd = mkstemp(*tmp)) < 0 || (fp = fdopen(fd, "wb")) == NULL)
		mdc_die(EXIT_IOERR, "%s: cannot create: %s", path, strerror(errno));
	/* mkstemp makes 0600; parts are ordinary files. */
	fchmod(fd, 0666 & ~(mode_t)0022);
	return fp;
}

/* Close FP and rename TMP over PATH, so a reader never sees half a file. */
static void
commit_temp(FILE *fp, char *tmp, const char *path)
{
	if (fflush(fp) != 0 || ferror(fp) || fclose(fp) != 0) {
		int e = errno;

		unlink(tmp);
		mdc_die(EXIT_IOERR, "%s: write error: %s", path, strerror(e ? e : EIO));
	}
	if (rename(tmp, path) != 0) {
		int e = errno;

		unlink(tmp);
		mdc_die(EXIT_IOERR, "%s: cannot rename from %s: %s", path, tmp, strerror(e));
	}
	free(tmp);
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct mdf_writer *w = NULL;
	struct mdf_frame f;
	FILE *labels = NULL;
	char *labels_tmp = NULL, *labels_path = NULL;

	mdc_init(argv[0]);
	parse_options(argc, argv, &o);
	mdf_frame_init(&f);
	if (o.outdir == NULL) {
		w = mdc_open_out(0);
	} else {
		make_dir(o.outdir);
		if (asprintf(&labels_path, "%s/labels.tsv", o.outdir) < 0)
			mdc_die(EXIT_SOFTWARE, "out of memory");
		labels = open_temp(o.outdir, labels_path, &labels_tmp);
	}

	for (long i = 0; i < o.count; i++) {
		long num = o.first + i;
		struct mdf_part p;
		char name[256], why[160];
		int rc;

		snprintf(name, sizeof name, "%s-%04ld", o.prefix, num);
		rc = mdf_partgen_make(&o.g, (uint64_t)(num - 1), &p, why, sizeof why);
		if (rc < 0)
			mdc_die(EXIT_SOFTWARE, "%s: %s", name,
			    rc == MDF_E_INVAL ? why : mdf_strerror(rc));
		if (w != NULL) {
			mdf_frame_clear(&f);
			if (mdf_part_frame(&o.g, &p, name, (uint64_t)num, &f) < 0)
				mdc_die(EXIT_SOFTWARE, "%s: out of memory", name);
			mdc_write(w, &f);
		} else {
			char *path, *tmp, header[512];
			FILE *fp;

			if (asprintf(&path, "%s/%s.stl", o.outdir, name) < 0)
				mdc_die(EXIT_SOFTWARE, "out of memory");
			fp = open_temp(o.outdir, path, &tmp);
			snprintf(header, sizeof header, "partgen %s label=%s seed=%llu units=mm",
			    name, mdf_dir_name(p.label), (unsigned long long)o.g.seed);
			if (mdf_stl_write(fp, header, p.tri, p.ntri) < 0) {
				int e = errno;

				unlink(tmp);
				mdc_die(EXIT_IOERR, "%s: write error: %s", path, strerror(e));
			}
			commit_temp(fp, tmp, path);
			free(path);
			if (fprintf(labels, "%s\t%s\n", name, mdf_dir_name(p.label)) < 0) {
				unlink(labels_tmp);
				mdc_die(EXIT_IOERR, "%s: write error: %s", labels_path,
				    strerror(errno));
			}
		}
		mdf_part_free(&p);
	}
	mdf_frame_free(&f);
	if (w != NULL) {
		mdc_close_out(w);
	} else {
		commit_temp(labels, labels_tmp, labels_path);
		free(labels_path);
	}
	return 0;
}
