/* normrender: MESH frames in, one IMAG normal-map view per camera out. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "milldir/render.h"
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
	long nlist = 0, nbg, ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	double *bg;
	char *x;
	int c, ok;

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
			x = strchr(optarg, 'x');
			if (x == NULL)
				mdc_usage("--views: expected AZxEL, got '%s'", optarg);
			*x = '\0';
			o->naz = mdc_parse_long("--views", optarg, 1, MAX_VIEWS);
			o->nel = mdc_parse_long("--views", x + 1, 1, MAX_VIEWS);
			*x = 'x';
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
			if (strcmp(optarg, "world") == 0)
				o->r.normals = MDF_NORMALS_WORLD;
			else if (strcmp(optarg, "camera") == 0)
				o->r.normals = MDF_NORMALS_CAMERA;
			else
				mdc_usage("--normals: expected world or camera, "
				    "got '%s'", optarg);
			break;
		case 'B':
			if (strcmp(optarg, "auto") == 0)
				o->r.backfaces = MDF_BACKFACES_AUTO;
			else if (strcmp(optarg, "draw") == 0)
				o->r.backfaces = MDF_BACKFACES_DRAW;
			else if (strcmp(optarg, "cull") == 0)
				o->r.backfaces = MDF_BACKFACES_CULL;
			else
				mdc_usage("--backfaces: expected auto, draw or "
				    "cull, got '%s'", optarg);
			break;
		case 'b':
			bg = parse_list("--background", optarg, &nbg);
			ok = nbg == 3;
			for (int i = 0; ok && i < 3; i++) {
				ok = bg[i] >= 0 && bg[i] <= 255 &&
				    bg[i] == (int)bg[i];
				o->r.bg[i] = ok ? (unsigned char)bg[i] : 0;
			}
			free(bg);
			if (!ok)
				mdc_usage("--background: expected R,G,B, "
				    "whole numbers in [0, 255]");
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
		case 'h':
			usage();
		case 'V':
			mdc_version();
		case ':':
			mdc_usage("option '%s' requires an argument",
			    argv[optind - 1]);
		default:
			mdc_usage("unrecognized option '%s'", argv[optind - 1]);
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
	if (optind < argc - 1)
		mdc_usage("extra operand '%s'", argv[optind + 1]);
	o->input = optind < argc ? argv[optind] : NULL;
}

/* File scope, so that what is live when a message ends the program stays
 * reachable (LeakSanitizer).  Two of each: mesh N + 1 is read and
 * prepared while a thread renders mesh N, and mesh N's views are written
 * while a thread renders mesh N + 1. */
static struct opts o;
static struct mdf_reader *in;
static struct mdf_writer *out;
static struct mdf_renderer *rd[2];
static struct mdf_frame f[2], v;
static struct mdf_view *views;
static unsigned char *px[2];
static size_t nviews, img;
static unsigned char *vown; /* v's own payload while it lends px */
static size_t vcap;
static pthread_t toucher;
static int touched;         /* toucher to join */

/* A mesh's views leave in a few large write(2)s: the writer puts each
 * frame (and flushes it) into this buffer, which goes to stdout once it
 * holds OB_MAX bytes and at the end of the views.  A pipe write that
 * wakes the reader costs a context switch on each side; with a write per
 * frame that was ~180 per mesh.  A larger buffer saves few of them and
 * costs page faults (~2 us per page here). */
#define OB_MAX (1 << 18)
static unsigned char *ob;
static size_t olen, ocap;
static FILE *ofp;

static ssize_t
ob_write(void *cookie, const char *buf, size_t n)
{
	(void)cookie;
	if (n > ocap - olen) {
		size_t cap = ocap ? ocap : OB_MAX + (1 << 16);
		unsigned char *p;

		while (cap - olen < n)
			cap *= 2;
		if ((p = realloc(ob, cap)) == NULL) {
			errno = ENOMEM;
			return 0;
		}
		ob = p;
		ocap = cap;
	}
	memcpy(ob + olen, buf, n);
	olen += n;
	return (ssize_t)n;
}

/* The buffered frames to stdout. */
static void
ob_flush(void)
{
	size_t done = 0;

	while (done < olen) {
		ssize_t k = write(STDOUT_FILENO, ob + done, olen - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EPIPE) {
			/* as mdc_write(): the status of SIGPIPE, quietly */
			signal(SIGPIPE, SIG_DFL);
			raise(SIGPIPE);
			_exit(141);
		}
		if (k <= 0)
			mdc_die(EXIT_IOERR, "stdout: write error: %s",
			    strerror(k < 0 ? errno : EIO));
		done += (size_t)k;
	}
	olen = 0;
}

/* Write the views of mesh frame K, rendered into px[K].  The metadata is
 * made once, then only view.index, view.az and view.el change (in
 * place, so the keys keep their order); each view's pixels go out from
 * px[K] itself, lent to the frame for the write. */
static void
write_views(int k)
{
	struct mdf_image im;

	mdf_frame_clear(&v);
	if (mdf_meta_copy(&v, &f[k]) < 0 ||
	    mdf_image_init(&v, o.r.size, o.r.size, 3, &im) < 0 ||
	    mdf_set(&v, "view.index", "0") < 0 ||
	    mdf_set(&v, "view.az", "0") < 0 ||
	    mdf_set(&v, "view.el", "0") < 0 ||
	    mdf_set(&v, "view.normals", o.r.normals == MDF_NORMALS_CAMERA ?
	    "camera" : "world") < 0)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	vown = v.payload;
	vcap = v.cap;
	for (size_t i = 0; i < nviews; i++) {
		if (mdf_setf(&v, "view.index", "%zu", i) < 0 ||
		    mdf_setf(&v, "view.az", "%.6g", views[i].az) < 0 ||
		    mdf_setf(&v, "view.el", "%.6g", views[i].el) < 0)
			mdc_die(EXIT_SOFTWARE, "out of memory");
		v.payload = px[k] + i * img;
		v.cap = v.len = img;
		mdc_write(out, &v);
		v.payload = vown;
		v.cap = vcap;
		if (olen >= OB_MAX)
			ob_flush();
	}
	ob_flush();
}

/* The first touch of a page costs about 2 us here: touch the view
 * buffers on another thread while this one reads and prepares the first
 * mesh, when the other processor has nothing else to do. */
static void *
touch(void *arg)
{
	volatile unsigned char *p;

	(void)arg;
	for (int k = 0; k < 2; k++) {
		p = px[k];
		for (size_t i = 0; i < nviews * img; i += 4096)
			p[i] = 0;
	}
	return NULL;
}

/* Finish and write the views of mesh frame K. */
static void
flush_views(int k)
{
	mdf_render_finish(rd[k]);
	write_views(k);
}

int
main(int argc, char **argv)
{
	struct mdf_mesh m;
	char why[256];
	int rc, cur = -1, nx = 0; /* the mesh rendering, the next one */

	mdc_init(argv[0]);
	parse_options(argc, argv, &o);
	nviews = (size_t)o.naz * (size_t)o.nel;
	img = (size_t)o.r.size * o.r.size * 3;
	views = malloc(nviews * sizeof *views);
	px[0] = malloc(nviews * img);
	px[1] = malloc(nviews * img);
	rd[0] = mdf_renderer_new(&o.r);
	rd[1] = mdf_renderer_new(&o.r);
	if (views == NULL || px[0] == NULL || px[1] == NULL || rd[0] == NULL ||
	    rd[1] == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory for %zu views of %u px",
		    nviews, o.r.size);
	mdf_render_view_grid((uint32_t)o.naz, o.az0, o.azstep, (uint32_t)o.nel,
	    o.els, views);
	touched = pthread_create(&toucher, NULL, touch, NULL) == 0;
	in = mdc_open_in(o.input);
	/* mdc_open_out()'s checks, then a writer into the buffer */
	if (isatty(STDOUT_FILENO))
		mdc_usage("refusing to write binary frames to a terminal; "
		    "redirect or pipe stdout");
	{
		const char *z = getenv("MILLDIR_COMPRESS");
		cookie_io_functions_t io = { NULL, ob_write, NULL, NULL };

		if ((ofp = fopencookie(NULL, "w", io)) == NULL ||
		    (out = mdf_writer_open(ofp, "stdout", z != NULL &&
		    strcmp(z, "1") == 0 ? MDF_FLAG_ZLIB : 0)) == NULL)
			mdc_die(EXIT_SOFTWARE, "stdout: %s", strerror(errno));
	}
	mdf_frame_init(&f[0]);
	mdf_frame_init(&f[1]);
	mdf_frame_init(&v);

	while ((rc = mdf_read(in, &f[nx])) > 0) {
		if (!mdf_frame_is(&f[nx], "MESH")) {
			if (cur >= 0)
				flush_views(cur);
			cur = -1;
			mdc_write(out, &f[nx]);
			ob_flush();
			continue;
		}
		if (mdf_mesh_view(&f[nx], &m) < 0) {
			if (cur >= 0)
				flush_views(cur);
			mdc_die(EXIT_SOFTWARE, "%s: frame %llu: MESH frame "
			    "rejected", mdf_reader_name(in),
			    (unsigned long long)mdf_reader_frame_index(in));
		}
		rc = mdf_render_prepare(rd[nx], &m, nviews, why, sizeof why);
		if (rc < 0) {
			if (cur >= 0)
				flush_views(cur);
			mdc_die(rc == MDF_E_NOMEM ? EXIT_SOFTWARE : EXIT_DATAERR,
			    "%s: frame %llu (byte %llu): %s",
			    mdf_reader_name(in),
			    (unsigned long long)mdf_reader_frame_index(in),
			    (unsigned long long)mdf_reader_frame_offset(in), why);
		}
		if (mdf_get(&f[nx], "mesh.id") == NULL &&
		    mdf_setf(&f[nx], "mesh.id", "%016llx",
		    (unsigned long long)mdf_mesh_digest(&m)) < 0)
			mdc_die(EXIT_SOFTWARE, "out of memory");
		mdf_unset(&f[nx], "triangles");
		/* help with the views of the mesh before, then hand this
		 * one's to the threads and write those */
		if (cur >= 0)
			mdf_render_finish(rd[cur]);
		if (touched) {
			pthread_join(toucher, NULL);
			touched = 0;
		}
		mdf_render_launch(rd[nx], views, nviews, px[nx]);
		if (cur >= 0)
			write_views(cur);
		cur = nx;
		nx ^= 1;
	}
	if (cur >= 0)
		flush_views(cur);
	if (touched)
		pthread_join(toucher, NULL);
	if (rc < 0)
		mdc_die_read(in, rc);
	/* mdc_close_out() with the buffer emptied before stdout closes */
	if (mdf_writer_close(out) < 0 || fclose(ofp) != 0)
		mdc_die(EXIT_IOERR, "stdout: write error: %s",
		    strerror(errno ? errno : EIO));
	ob_flush();
	mdc_close_stdout();
	free(ob);
	mdf_reader_close(in);
	mdf_renderer_free(rd[0]);
	mdf_renderer_free(rd[1]);
	mdf_frame_free(&f[0]);
	mdf_frame_free(&f[1]);
	mdf_frame_free(&v);
	free(views);
	free(px[0]);
	free(px[1]);
	free(o.els);
	return 0;
}
