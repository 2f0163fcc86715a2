/* metagrid: IMAG views of one mesh in, one tiled IMAG meta-image out. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "milldir/grid.h"

struct opts {
	struct mdf_grid_opts g;
	int allow_partial;
	const char *input;
};

_Noreturn static void
usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]\n"
	    "Tile each group of IMAG views of one mesh from FILE (default: standard\n"
	    "input) into one IMAG meta-image; other frames pass through.\n"
	    "\n"
	    "  -g, --grid=COLSxROWS      tiles across and down (default 10x10)\n"
	    "      --gap=PX              background pixels between tiles (default 0)\n"
	    "  -r, --resize=WxH          resample the meta-image to W x H pixels\n"
	    "  -b, --background=R,G,B    gap and missing-tile colour (default 0,0,0)\n"
	    "      --allow-partial       emit incomplete groups instead of failing\n"
	    "  -h, --help                show this help and exit\n"
	    "  -V, --version             show the version and exit\n",
	    mdc_prog);
	exit(0);
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option lopts[] = {
		{ "grid", required_argument, NULL, 'g' },
		{ "gap", required_argument, NULL, 'G' },
		{ "resize", required_argument, NULL, 'r' },
		{ "background", required_argument, NULL, 'b' },
		{ "allow-partial", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	opterr = 0; /* our own messages, in our format */
	o->g.cols = o->g.rows = 10;
	while ((c = getopt_long(argc, argv, ":g:r:b:hV", lopts, NULL)) != -1) {
		switch (c) {
		case 'g':
			mdc_parse_pair("--grid", "NxM", optarg, MDF_GRID_MAX_TILES,
			    &o->g.cols, &o->g.rows);
			if ((uint64_t)o->g.cols * o->g.rows > MDF_GRID_MAX_TILES)
				mdc_usage("--grid: at most %d tiles",
				    MDF_GRID_MAX_TILES);
			break;
		case 'G':
			o->g.gap = (uint32_t)mdc_parse_long("--gap", optarg, 0,
			    MDF_GRID_MAX_SIDE);
			break;
		case 'r':
			mdc_parse_pair("--resize", "NxM", optarg, MDF_GRID_MAX_SIDE,
			    &o->g.rw, &o->g.rh);
			break;
		case 'b':
			mdc_parse_colour("--background", optarg, o->g.bg, 3);
			break;
		case 'P':
			o->allow_partial = 1;
			break;
		default: mdc_option(c, argv, usage);
		}
	}
	o->input = mdc_input_operand(argc, argv);
}

/* Emit the open group; an incomplete one is an error unless allowed.
 * WHERE names the frame that ended the group, or the end of input. */
static void
flush_group(struct mdf_grid *g, const struct opts *o, struct mdf_writer *out,
    struct mdf_frame *meta, const char *where)
{
	char why[256];

	if (mdf_grid_count(g) < mdf_grid_tiles(g) && !o->allow_partial)
		mdc_die(EXIT_DATAERR, "%s: part '%s' (mesh.id '%s'): group "
		    "incomplete: %zu of %zu views (use --allow-partial to "
		    "tile it anyway)", where, mdf_grid_part(g),
		    mdf_grid_mesh_id(g), mdf_grid_count(g), mdf_grid_tiles(g));
	if (mdf_grid_finish(g, meta, why, sizeof why) < 0)
		mdc_die(EXIT_SOFTWARE, "%s: %s", where, why);
	mdc_write(out, meta);
	mdf_grid_reclaim(g, meta);
}

/* File scope, so that what is live when a message ends the program stays
 * reachable (LeakSanitizer) */
static struct opts o;
static struct mdf_reader *in;
static struct mdf_writer *out;
static struct mdf_grid *g;
static struct mdf_frame f, meta;
/* stdin's buffer: glibc ignores setvbuf()'s size without one */
#define IBUF (1 << 18)
static char *ibuf;

int
main(int argc, char **argv)
{
	char why[256], where[512];
	int rc;

	mdc_init(argv[0]);
	parse_options(argc, argv, &o);
	g = mdf_grid_new(&o.g);
	if (g == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	/* a view is 12 KiB at 64 px: a buffer of many views makes one
	 * read(2) per many frames rather than several per frame */
	if ((o.input == NULL || strcmp(o.input, "-") == 0) &&
	    (ibuf = malloc(IBUF)) != NULL)
		(void)setvbuf(stdin, ibuf, _IOFBF, IBUF);
	in = mdc_open_in(o.input);
	out = mdc_open_out(0);
	mdf_frame_init(&f);
	mdf_frame_init(&meta);

	while ((rc = mdf_read(in, &f)) > 0) {
		if (!mdf_frame_is(&f, "IMAG")) {
			mdc_write(out, &f); /* before a pending meta-image */
			continue;
		}
		snprintf(where, sizeof where, "%s", mdc_where(in));
		if (!mdf_grid_continues(g, &f))
			flush_group(g, &o, out, &meta, where);
		rc = mdf_grid_add(g, &f, why, sizeof why);
		if (rc < 0)
			mdc_die(rc == MDF_E_NOMEM ? EXIT_SOFTWARE : EXIT_DATAERR,
			    "%s: part '%s': %s", where,
			    mdf_get(&f, "part") ? mdf_get(&f, "part") : "", why);
		if (rc == 1)
			flush_group(g, &o, out, &meta, where);
	}
	if (rc < 0)
		mdc_die_read(in, rc);
	if (mdf_grid_count(g) > 0) {
		snprintf(where, sizeof where, "%s: end of input",
		    mdf_reader_name(in));
		flush_group(g, &o, out, &meta, where);
	}
	mdc_close_out(out);
	mdf_reader_close(in);
	mdf_grid_free(g);
	mdf_frame_free(&f);
	mdf_frame_free(&meta);
	return 0;
}
