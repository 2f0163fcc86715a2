/*
 * augment: label-aware augmentation of MESH and IMAG frames.
 *
 * Reads frames, writes -n augmented copies of every mesh or image it has
 * operations for, and passes every other frame through.  The work is in
 * lib/data/ (augment.c, augmesh.c, augimage.c); this file parses options
 * and reports errors.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "milldir/augment.h"

static _Noreturn void
usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]\n", mdc_prog);
	puts("Write augmented copies of the MESH and IMAG frames of FILE (or stdin);\n"
	    "other frames pass through.\n"
	    "\n"
	    "  -n, --copies N         copies per input frame (default 1)\n"
	    "  -k, --keep-original    also write each input, unchanged, before its copies\n"
	    "  -s, --seed S           seed of the random choices (default 0)\n"
	    "Meshes:\n"
	    "      --rotations SET    turn by a random rotation of SET: z, axes or cube\n"
	    "      --rotation R       turn by R (x90, x90,z270, +X+Z-Y, ...)\n"
	    "      --sequential       copy K takes the K-th rotation of SET\n"
	    "      --keep-label       keep labels as they are (for labels of no direction)\n"
	    "      --jitter DEG       random rotation of at most DEG degrees (<= 45)\n"
	    "      --scale A:B        scale by a factor from A to B\n"
	    "      --anisotropic      one scale factor per axis\n"
	    "      --noise S          vertex noise, S times the bounding-box diagonal\n"
	    "Images (amounts are fractions of full scale):\n"
	    "      --brightness B     add an offset from -B to B\n"
	    "      --contrast C       stretch about mid-grey by 1-C to 1+C\n"
	    "      --pixel-noise S    Gaussian noise of deviation S\n"
	    "      --cutout N[:F]     N rectangles of sides up to F (0.25) of the image\n"
	    "      --view-dropout K   blank K tiles of a meta-image (needs 'grid')\n"
	    "      --background R,G,B[,A]\n"
	    "                         colour of blanked pixels (default: metadata, black)\n"
	    "      --flip h|v         mirror half of the copies (corrupts normal maps)\n"
	    "\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "See augment(1).");
	mdc_close_stdout();
	exit(0);
}

enum {
	OPT_ROTATIONS = 256, OPT_ROTATION, OPT_SEQUENTIAL, OPT_KEEP_LABEL,
	OPT_JITTER, OPT_SCALE, OPT_ANISO, OPT_NOISE, OPT_BRIGHT, OPT_CONTRAST,
	OPT_PNOISE, OPT_CUTOUT, OPT_DROPOUT, OPT_BG, OPT_FLIP,
};

static const struct option longopts[] = {
	{ "copies", required_argument, NULL, 'n' },
	{ "keep-original", no_argument, NULL, 'k' },
	{ "seed", required_argument, NULL, 's' },
	{ "rotations", required_argument, NULL, OPT_ROTATIONS },
	{ "rotation", required_argument, NULL, OPT_ROTATION },
	{ "sequential", no_argument, NULL, OPT_SEQUENTIAL },
	{ "keep-label", no_argument, NULL, OPT_KEEP_LABEL },
	{ "jitter", required_argument, NULL, OPT_JITTER },
	{ "scale", required_argument, NULL, OPT_SCALE },
	{ "anisotropic", no_argument, NULL, OPT_ANISO },
	{ "noise", required_argument, NULL, OPT_NOISE },
	{ "brightness", required_argument, NULL, OPT_BRIGHT },
	{ "contrast", required_argument, NULL, OPT_CONTRAST },
	{ "pixel-noise", required_argument, NULL, OPT_PNOISE },
	{ "cutout", required_argument, NULL, OPT_CUTOUT },
	{ "view-dropout", required_argument, NULL, OPT_DROPOUT },
	{ "background", required_argument, NULL, OPT_BG },
	{ "flip", required_argument, NULL, OPT_FLIP },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* A number in (0, MAX]. */
static double
fraction(const char *opt, const char *arg, double max)
{
	double v = mdc_parse_double(opt, arg);

	if (!(v > 0) || v > max)
		mdc_usage("%s: expected a number above 0 and at most %g, got '%s'",
		    opt, max, arg);
	return v;
}

static void
parse_options(int argc, char **argv, struct mdf_aug_opts *o, long *copies,
    int *keep)
{
	static const char *const flips[] = { "h", "v", NULL };
	char *colon;
	int c, n, sequential = 0, aniso = 0;

	while ((c = getopt_long(argc, argv, ":n:ks:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'n': *copies = mdc_parse_long("-n", optarg, 1, 100000); break;
		case 'k': *keep = 1; break;
		case 's': o->seed = (uint64_t)mdc_parse_long("--seed", optarg, 0, 0x7fffffffffffffffL); break;
		case OPT_ROTATIONS:
			if (o->nrot > 0)
				mdc_usage("give --rotations or --rotation once");
			if ((n = mdf_rot_set_parse(optarg)) < 0)
				mdc_usage("--rotations: expected z, axes or cube, got '%s'", optarg);
			o->nrot = mdf_rot_set_members(n, o->rot);
			break;
		case OPT_ROTATION:
			if (o->nrot > 0)
				mdc_usage("give --rotations or --rotation once");
			if (mdf_rot_parse(optarg, &o->rot[0]) < 0)
				mdc_usage("--rotation: expected quarter turns like x90,z270 or "
				    "the images of +X+Y+Z like +X+Z-Y (no mirrors), got '%s'", optarg);
			o->nrot = 1;
			break;
		case OPT_SEQUENTIAL: sequential = 1; break;
		case OPT_KEEP_LABEL: o->keep_label = 1; break;
		case OPT_JITTER: o->jitter_deg = fraction("--jitter", optarg, 45); break;
		case OPT_SCALE:
			if ((colon = strchr(optarg, ':')) == NULL)
				mdc_usage("--scale: expected A:B, got '%s'", optarg);
			*colon = '\0';
			o->scale_lo = fraction("--scale", optarg, 1e3);
			o->scale_hi = fraction("--scale", colon + 1, 1e3);
			if (o->scale_lo > o->scale_hi)
				mdc_usage("--scale: A must not exceed B");
			break;
		case OPT_ANISO: aniso = 1; break;
		case OPT_NOISE: o->noise = fraction("--noise", optarg, 0.5); break;
		case OPT_BRIGHT: o->brightness = fraction("--brightness", optarg, 1); break;
		case OPT_CONTRAST: o->contrast = fraction("--contrast", optarg, 1); break;
		case OPT_PNOISE: o->pixel_noise = fraction("--pixel-noise", optarg, 1); break;
		case OPT_CUTOUT:
			if ((colon = strchr(optarg, ':')) != NULL) {
				*colon = '\0';
				o->cutout_size = fraction("--cutout", colon + 1, 1);
			}
			o->cutout = (unsigned)mdc_parse_long("--cutout", optarg, 1, 256);
			break;
		case OPT_DROPOUT:
			o->dropout = (unsigned)mdc_parse_long("--view-dropout", optarg, 1, 65535);
			break;
		case OPT_BG:
			mdc_parse_colour("--background", optarg, o->bg, 4);
			o->have_bg = 1;
			break;
		case OPT_FLIP:
			o->flip = "hv"[mdc_parse_choice("--flip", optarg, flips)];
			break;
		default: mdc_option(c, argv, usage);
		}
	}
	if (sequential && o->nrot == 0)
		mdc_usage("--sequential needs --rotations");
	if (aniso && o->scale_lo == 0)
		mdc_usage("--anisotropic needs --scale");
	o->rot_sequential = sequential;
	o->anisotropic = aniso;
	if (!mdf_aug_does_mesh(o) && !mdf_aug_does_image(o))
		mdc_usage("no operation given (see --help for mesh and image operations)");
	if (optind + 1 < argc)
		mdc_usage("one input FILE at most, got '%s' too", argv[optind + 1]);
	if (o->flip)
		mdc_warn("warning: --flip %c mirrors the pixels but not the normal "
		    "colours: in a camera-space normal map the %s channel (the %s "
		    "component) would have to be negated, a world-space normal map "
		    "cannot be repaired by any channel, a meta-image's tiles change "
		    "order, and a mirrored part may have another milling direction",
		    o->flip, o->flip == 'h' ? "red" : "green",
		    o->flip == 'h' ? "horizontal X" : "vertical Y");
}

int
main(int argc, char **argv)
{
	struct mdf_aug_opts o;
	/* static: still reachable when mdc_die exits, for leak checkers */
	static struct mdf_reader *in;
	static struct mdf_writer *out;
	struct mdf_frame f, g;
	char why[512];
	long copies = 1;
	int keep = 0, rc;

	mdc_init(argv[0]);
	mdf_aug_opts_init(&o);
	parse_options(argc, argv, &o, &copies, &keep);
	in = mdc_open_in(optind < argc ? argv[optind] : "-");
	out = mdc_open_out(0);
	mdf_frame_init(&f);
	mdf_frame_init(&g);

	while ((rc = mdf_read(in, &f)) > 0) {
		uint64_t index = mdf_reader_frame_index(in);

		if (!mdf_aug_wants(&o, &f)) { /* not ours: pass through */
			mdc_write(out, &f);
			continue;
		}
		/* Refuse before writing anything of this frame. */
		if ((rc = mdf_aug_check(&o, &f, why, sizeof why)) < 0)
			mdc_die_frame(in, mdf_exit_code(rc), "%s", why);
		for (long k = keep ? 0 : 1; k <= copies; k++) {
			if ((rc = mdf_aug_copy(&o, &f, index, (unsigned)k, &g, why,
			    sizeof why)) < 0)
				mdc_die_frame(in, mdf_exit_code(rc), "%s", why);
			mdc_write(out, &g);
		}
	}
	if (rc < 0)
		mdc_die_read(in, rc);
	mdf_frame_free(&f);
	mdf_frame_free(&g);
	mdf_reader_close(in);
	mdc_close_out(out);
	return 0;
}
