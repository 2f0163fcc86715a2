/* normrender: MESH frames in, one IMAG normal-map view per camera out. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "milldir/render.h"
#include "milldir/renderpipe.h"
#include "milldir/types.h"

#define MAX_VIEWS 100000

struct opts {
	struct mdf_render_opts r;
	long naz, nel;
	double az0, azstep; /* azstep < 0: 360 / naz */
	double *els;        /* NULL: spread over [+90, -90] */
	const char *input;
	int views_set;      /* --views given */
};

_Noreturn static void
usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]\n"
	    "Render each MESH frame of FILE (default: standard input) as normal-map\n"
	    "views, one IMAG frame (RGB) per view; other frames pass through.\n"
	    "\n"
	    "  -v, --views=AZxEL         azimuths x elevations (default 10x10)\n"
	    "  -e, --elevations=LIST     elevations in degrees, comma-separated\n"
	    "      --az0=DEG             first azimuth (default 0)\n"
	    "      --az-step=DEG         azimuth step (default 360/AZ)\n"
	    "  -s, --size=PX             image side in pixels (default 64)\n"
	    "      --perspective=FOV     perspective camera, FOV degrees (default:\n"
	    "                            orthographic)\n"
	    "      --normals=SPACE       world or camera (default world)\n"
	    "      --backfaces=MODE      auto, draw or cull (default auto)\n"
	    "  -b, --background=R,G,B    background colour (default 0,0,0)\n"
	    "      --ssaa=K              KxK samples per pixel (default 1)\n"
	    "  -j, --threads=N           render views on N threads (default: CPUs)\n"
	    "      --overdraw            debug: grey level = fragments per pixel\n"
	    "  -h, --help                show this help and exit\n"
	    "  -V, --version             show the version and exit\n",
	    mdc_prog);
	exit(0);
}

/* "A,B,C" into a new array of *N doubles; a usage error otherwise. */
static double *
parse_list(const char *opt, const char *arg, long *n)
{
	size_t cap = 1;
	const char *p = arg;
	double *v;
	char *end;
	long k = 0;

	for (const char *s = arg; *s != '\0'; s++)
		cap += *s == ',';
	v = malloc(cap * sizeof *v);
	if (v == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (;;) {
		errno = 0;
		v[k] = strtod(p, &end);
		if (end == p || errno != 0 || !isfinite(v[k]) ||
		    (*end != ',' && *end != '\0')) {
			free(v);
			mdc_usage("%s: expected numbers separated by commas, "
			    "got '%s'", opt, arg);
		}
		k++;
		if (*end == '\0')
			break;
		p = end + 1;
	}
	*n = k;
	return v;
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option lopts[] = {
		{ "views", required_argument, NULL, 'v' },
		{ "elevations", required_argument, NULL, 'e' },
		{ "az0", required_argument, NULL, 'A' },
		{ "az-step", required_argument, NULL, 'S' },
		{ "size", required_argument, NULL, 's' },
		{ "perspective", required_argument, NULL, 'P' },
		{ "normals", required_argument, NULL, 'N' },
		{ "backfaces", required_argument, NULL, 'B' },
		{ "background", required_argument, NULL, 'b' },
		{ "ssaa", required_argument, NULL, 'K' },
		{ "threads", required_argument, NULL, 'j' },
		{ "overdraw", no_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const normal_names[] = { "world", "camera", NULL };
	static const char *const backface_names[] = { "auto", "draw", "cull", NULL };
	static const int normals[] = { MDF_NORMALS_WORLD, MDF_NORMALS_CAMERA };
	static const int backfaces[] = { MDF_BACKFACES_AUTO, MDF_BACKFACES_DRAW,
		MDF_BACKFACES_CULL };
	long nlist = 0, ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	uint32_t naz, nel;
	int c;

	opterr = 0; /* our own messages, in our format */
	mdf_render_opts_default(&o->r);
	o->r.threads = ncpu < 1 ? 1 : ncpu > 16 ? 16 : (unsigned)ncpu;
	o->naz = o->nel = 10;
	o->az0 = 0;
	o->azstep = -1;
	o->els = NULL;
	o->views_set = 0;
	while ((c = getopt_long(argc, argv, ":v:e:s:b:j:hV", lopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			mdc_parse_pair("--views", "AZxEL", optarg, MAX_VIEWS, &naz, &nel);
			o->naz = naz;
			o->nel = nel;
			o->views_set = 1;
			break;
		case 'e':
			free(o->els);
			o->els = NULL;
			o->els = parse_list("--elevations", optarg, &nlist);
			for (long i = 0; i < nlist; i++)
				if (!(o->els[i] >= -90 && o->els[i] <= 90))
					mdc_usage("--elevations: %g is outside "
					    "[-90, 90]", o->els[i]);
			break;
		case 'A':
			o->az0 = mdc_parse_double("--az0", optarg);
			break;
		case 'S':
			o->azstep = mdc_parse_double("--az-step", optarg);
			break;
		case 's':
			o->r.size = (uint32_t)mdc_parse_long("--size", optarg, 1,
			    MDF_RENDER_MAX_SIZE);
			break;
		case 'P':
			o->r.fov = mdc_parse_double("--perspective", optarg);
			if (!(o->r.fov > 0 && o->r.fov < 180))
				mdc_usage("--perspective: FOV must be in (0, 180)");
			break;
		case 'N':
			o->r.normals = normals[mdc_parse_choice("--normals", optarg,
			    normal_names)];
			break;
		case 'B':
			o->r.backfaces = backfaces[mdc_parse_choice("--backfaces", optarg,
			    backface_names)];
			break;
		case 'b':
			mdc_parse_colour("--background", optarg, o->r.bg, 3);
			break;
		case 'K':
			o->r.ssaa = (uint32_t)mdc_parse_long("--ssaa", optarg, 1,
			    MDF_RENDER_MAX_SSAA);
			break;
		case 'j':
			o->r.threads = (unsigned)mdc_parse_long("--threads",
			    optarg, 1, MDF_RENDER_MAX_THREADS);
			break;
		case 'O':
			o->r.overdraw = 1;
			break;
		default: mdc_option(c, argv, usage);
		}
	}
	if (o->els != NULL) {
		/* an explicit --views EL must agree with the list */
		if (o->views_set && o->nel != nlist)
			mdc_usage("--views asks for %ld elevations, "
			    "--elevations lists %ld", o->nel, nlist);
		o->nel = nlist;
	}
	if (o->naz * o->nel > MAX_VIEWS)
		mdc_usage("--views: at most %d views", MAX_VIEWS);
	if ((uint64_t)o->r.size * o->r.ssaa > MDF_RENDER_MAX_SAMPLES)
		mdc_usage("--size times --ssaa must not exceed %d",
		    MDF_RENDER_MAX_SAMPLES);
	if (o->azstep < 0)
		o->azstep = 360.0 / (double)o->naz;
	o->input = mdc_input_operand(argc, argv);
}

/* File scope, so that what is live when a message ends the program stays
 * reachable (LeakSanitizer). */
static struct opts o;
static struct mdf_reader *in;
static struct mdf_render_pipe *rp;

/* Report a failure of the pipeline (milldir/renderpipe.h) and exit. */
static _Noreturn void
die_pipe(int rc, int fault, const char *why)
{
	if (fault == MDF_RPIPE_MESSAGE) {
		if (rc == MDF_E_IO && errno == EPIPE) {
			/* as mdc_write(): the status of SIGPIPE, quietly */
			signal(SIGPIPE, SIG_DFL);
			raise(SIGPIPE);
			_exit(141);
		}
		mdc_die(rc == MDF_E_IO ? EXIT_IOERR : EXIT_SOFTWARE, "%s", why);
	}
	if (rc == MDF_E_INVAL) /* a MESH frame the reader let through */
		mdc_die_frame(in, EXIT_SOFTWARE, "%s", why);
	mdc_die_frame(in, rc == MDF_E_NOMEM ? EXIT_SOFTWARE : EXIT_DATAERR, "%s", why);
}

int
main(int argc, char **argv)
{
	struct mdf_view *views;
	const char *z;
	char why[256];
	size_t nviews;
	int rc, e, fault;

	mdc_init(argv[0]);
	parse_options(argc, argv, &o);
	nviews = (size_t)o.naz * (size_t)o.nel;
	if ((views = malloc(nviews * sizeof *views)) == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory for %zu views", nviews);
	mdf_render_view_grid((uint32_t)o.naz, o.az0, o.azstep, (uint32_t)o.nel,
	    o.els, views);
	/* mdc_open_out()'s checks; the pipeline writes stdout itself */
	z = getenv("MILLDIR_COMPRESS");
	rp = mdf_render_pipe_new(&o.r, views, nviews, STDOUT_FILENO,
	    z != NULL && strcmp(z, "1") == 0 ? MDF_FLAG_ZLIB : 0);
	free(views);
	if (rp == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory for %zu views of %u px",
		    nviews, o.r.size);
	in = mdc_open_in(o.input);
	if (isatty(STDOUT_FILENO))
		mdc_usage("refusing to write binary frames to a terminal; "
		    "redirect or pipe stdout");

	while ((rc = mdf_read(in, mdf_render_pipe_frame(rp))) > 0)
		if ((e = mdf_render_pipe_push(rp, &fault, why, sizeof why)) < 0)
			die_pipe(e, fault, why);
	if ((e = mdf_render_pipe_finish(rp, &fault, why, sizeof why)) < 0)
		die_pipe(e, fault, why);
	if (rc < 0)
		mdc_die_read(in, rc);
	if ((e = mdf_render_pipe_close(rp, why, sizeof why)) < 0)
		die_pipe(e, MDF_RPIPE_MESSAGE, why);
	mdc_close_stdout();
	mdf_reader_close(in);
	mdf_render_pipe_free(rp);
	free(o.els);
	return 0;
}
