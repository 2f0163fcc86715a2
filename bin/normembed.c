/* normembed: MESH frames in, one TENS embedding of the face normals out. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "milldir/embed.h"
#include "milldir/rot.h"
#include "milldir/types.h"

struct opts {
	struct mdf_embed_opts e;
	const char *input;
	int list_bins;          /* print the bin centres, read nothing */
	const char *rotation;   /* with list_bins: add each bin's image */
};

enum { OPT_LIST = 256, OPT_ROTATION };

_Noreturn static void
usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]\n"
	    "Turn each MESH frame of FILE (default: standard input) into a TENS\n"
	    "frame: an area-weighted soft histogram of its face normals over a\n"
	    "subdivided octahedron, with optional extra channels; other frames\n"
	    "pass through.\n"
	    "\n"
	    "  -b, --bins=N           histogram bins, N = 4F^2+2 for F = 1..%d:\n"
	    "                         6, 18, 38, 66, 102, 146, 198, 258, ...\n"
	    "                         (default %llu)\n"
	    "  -f, --features=LIST    extra channels, comma-separated: mean,\n"
	    "                         moments, bbox, bbox-sorted, offset, reach, or none\n"
	    "                         (default)\n"
	    "  -n, --normalize        histogram sums to 1 (default: to the area)\n"
	    "      --list-bins        print the bin centres as text and exit\n"
	    "      --rotation=R       with --list-bins: also the bin each one goes\n"
	    "                         to under the cube rotation R (x90, +X+Z-Y, ...)\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "See normembed(1).\n", mdc_prog, MDF_EMBED_MAX_FREQ,
	    (unsigned long long)mdf_embed_bins(MDF_EMBED_DEFAULT_FREQ));
	exit(0);
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option lopts[] = {
		{ "bins", required_argument, NULL, 'b' },
		{ "features", required_argument, NULL, 'f' },
		{ "normalize", no_argument, NULL, 'n' },
		{ "list-bins", no_argument, NULL, OPT_LIST },
		{ "rotation", required_argument, NULL, OPT_ROTATION },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	long bins;
	int c, freq;

	memset(o, 0, sizeof *o);
	o->e.freq = MDF_EMBED_DEFAULT_FREQ;
	while ((c = getopt_long(argc, argv, ":b:f:nhV", lopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			bins = mdc_parse_long("--bins", optarg, 1,
			    (long)mdf_embed_bins(MDF_EMBED_MAX_FREQ));
			if ((freq = mdf_embed_freq((uint64_t)bins)) < 0)
				mdc_usage("--bins: %ld is not 4F^2+2 for a whole F "
				    "(6, 18, 38, 66, 102, ...)", bins);
			o->e.freq = (unsigned)freq;
			break;
		case 'f':
			if (mdf_embed_features_parse(optarg, &o->e.features) < 0)
				mdc_usage("--features: expected a list of mean, "
				    "moments, bbox, bbox-sorted, offset, reach or none, got '%s'",
				    optarg);
			break;
		case 'n':
			o->e.normalize = 1;
			break;
		case OPT_LIST:
			o->list_bins = 1;
			break;
		case OPT_ROTATION:
			o->rotation = optarg;
			break;
		default: mdc_option(c, argv, usage);
		}
	}
	if (o->rotation != NULL && !o->list_bins)
		mdc_usage("--rotation needs --list-bins");
	if (optind < argc - 1)
		mdc_usage("extra operand '%s'", argv[optind + 1]);
	o->input = optind < argc ? argv[optind] : NULL;
	if (o->list_bins && o->input != NULL)
		mdc_usage("--list-bins reads no input");
}

/* "INDEX X Y Z [IMAGE]" per bin, TAB-separated. */
static void
list_bins(const struct mdf_embed *e, const char *rotation)
{
	uint64_t n = mdf_embed_nbins(e), *perm = NULL;
	struct mdf_rot r;

	if (rotation != NULL) {
		if (mdf_rot_parse(rotation, &r) < 0)
			mdc_usage("--rotation: '%s' is not a cube rotation",
			    rotation);
		if ((perm = malloc((size_t)n * sizeof *perm)) == NULL)
			mdc_die(EXIT_SOFTWARE, "out of memory");
		mdf_embed_rot_perm(e, &r, perm);
	}
	for (uint64_t i = 0; i < n; i++) {
		double c[3];

		mdf_embed_centre(e, i, c);
		printf("%llu\t%.9f\t%.9f\t%.9f", (unsigned long long)i,
		    c[0], c[1], c[2]);
		if (perm != NULL)
			printf("\t%llu", (unsigned long long)perm[i]);
		putchar('\n');
	}
	free(perm);
	mdc_close_stdout();
}

/* File scope, so that what is live when mdc_die exits stays reachable
 * (LeakSanitizer in the sanitizer build reports nothing). */
static struct mdf_embed *e;
static struct mdf_reader *in;
static struct mdf_writer *out;
static struct mdf_frame f;

int
main(int argc, char **argv)
{
	struct opts o;
	char why[256];
	int rc;

	mdc_init(argv[0]);
	parse_options(argc, argv, &o);
	if ((e = mdf_embed_new(&o.e)) == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory for %llu bins",
		    (unsigned long long)mdf_embed_bins(o.e.freq));
	if (o.list_bins) {
		list_bins(e, o.rotation);
		mdf_embed_free(e);
		return 0;
	}
	in = mdc_open_in(o.input);
	out = mdc_open_out(0);
	mdf_frame_init(&f);

	while ((rc = mdf_read(in, &f)) > 0) {
		if (mdf_frame_is(&f, "MESH") &&
		    (rc = mdf_embed_frame(e, &f, why, sizeof why)) < 0)
			mdc_die_frame(in, mdf_exit_code(rc), "%s", why);
		mdc_write(out, &f);   /* the embedding, or a frame not ours */
	}
	if (rc < 0)
		mdc_die_read(in, rc);
	mdc_close_out(out);
	mdf_reader_close(in);
	mdf_frame_free(&f);
	mdf_embed_free(e);
	return 0;
}
