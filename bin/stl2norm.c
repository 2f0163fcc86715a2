/* stl2norm: STL, OBJ, PLY and CAD (STEP, IGES, BREP) models to MESH frames. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cad/cad.h"
#include "cli.h"
#include "milldir/frame.h"
#include "milldir/import.h"
#include "milldir/mesh.h"
#include "milldir/types.h"

static const char usage_text[] =
"Usage: stl2norm [OPTION]... [FILE]...\n"
"Read 3D models (STL, OBJ, PLY; STEP, IGES, BREP) and write one MESH frame\n"
"per model, or per solid or STL solid block.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"  -f, --format=FMT     stl, obj, ply, step, iges or brep (default: from the\n"
"                       extension, else stl)\n"
"  -t, --tolerance=MM   CAD models: linear deflection of the tessellation in mm\n"
"                       (default: 0.1 %% of the model's longest side)\n"
"  -a, --angular=RAD    CAD models: angular deflection (default 0.35)\n"
"      --timeout=SEC    CAD models: stop the kernel after SEC seconds per file\n"
"                       (default 300; 0: never)\n"
"  -p, --part=NAME      part name (default: file name without extension)\n"
"  -l, --label=LABEL    axis label: +X -X +Y -Y +Z -Z\n"
"  -L, --labels=FILE    labels from a PART<TAB>LABEL file\n"
"  -u, --units=UNITS    units metadata (default mm)\n"
"  -c, --center         move the bounding-box centre to the origin\n"
"  -U, --unit           centre and scale into the unit sphere\n"
"  -m, --merge          one frame per file, even with several solids\n"
"  -s, --strict         stop at the first bad file\n"
"  -k, --keep-normals   keep the file's normals instead of the winding's\n"
"  -q, --quiet          no warnings about dropped triangles or normals\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n";

static _Noreturn void
help(void)
{
	mdc_help(usage_text);
}

struct opts {
	int format, center, unit, merge, strict, quiet;
	long chunk;             /* STL2NORM_CHUNK; 0: no streaming */
	double tolerance, angular; /* CAD tessellation; tolerance < 0: relative */
	double timeout;         /* CAD: seconds per file; 0: none */
	unsigned flags;
	const char *part, *label, *labels, *units;
};

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "tolerance", required_argument, NULL, 't' },
	{ "angular", required_argument, NULL, 'a' },
	{ "timeout", required_argument, NULL, 256 },
	{ "part", required_argument, NULL, 'p' },
	{ "label", required_argument, NULL, 'l' },
	{ "labels", required_argument, NULL, 'L' },
	{ "units", required_argument, NULL, 'u' },
	{ "center", no_argument, NULL, 'c' },
	{ "unit", no_argument, NULL, 'U' },
	{ "merge", no_argument, NULL, 'm' },
	{ "strict", no_argument, NULL, 's' },
	{ "keep-normals", no_argument, NULL, 'k' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int
label_ok(const char *s)
{
	return strlen(s) == 2 && (s[0] == '+' || s[0] == '-') &&
	    s[1] >= 'X' && s[1] <= 'Z';
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	const char *env;
	int c;

	memset(o, 0, sizeof *o);
	o->units = "mm";
	o->tolerance = -0.001;
	o->angular = 0.35;
	o->timeout = 300;
	while ((c = getopt_long(argc, argv, ":f:t:a:p:l:L:u:cUmskqhV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((o->format = mdf_import_format_parse(optarg)) < 0)
				mdc_usage("--format: expected stl, obj, ply, step, iges or "
				    "brep, got '%s'", optarg);
			break;
		case 't':
			o->tolerance = mdc_parse_double("--tolerance", optarg);
			if (!(o->tolerance > 0 && o->tolerance <= 1e6))
				mdc_usage("--tolerance: expected mm above 0, got '%s'", optarg);
			break;
		case 'a':
			o->angular = mdc_parse_double("--angular", optarg);
			if (!(o->angular >= 0.01 && o->angular <= 1.5))
				mdc_usage("--angular: expected radians from 0.01 to 1.5, "
				    "got '%s'", optarg);
			break;
		case 256:
			o->timeout = mdc_parse_double("--timeout", optarg);
			if (!(o->timeout >= 0 && o->timeout <= 1e6))
				mdc_usage("--timeout: expected seconds from 0 to 1000000, "
				    "got '%s'", optarg);
			break;
		case 'p': o->part = optarg; break;
		case 'l':
			if (!label_ok(optarg))
				mdc_usage("--label: expected +X -X +Y -Y +Z or -Z, "
				    "got '%s'", optarg);
			o->label = optarg;
			break;
		case 'L': o->labels = optarg; break;
		case 'u': o->units = optarg; break;
		case 'c': o->center = 1; break;
		case 'U': o->center = o->unit = 1; break;
		case 'm': o->merge = 1; break;
		case 's': o->strict = 1; break;
		case 'k': o->flags |= MDF_IMPORT_KEEP_NORMALS; break;
		case 'q': o->quiet = 1; break;
		default: mdc_option(c, argv, help);
		}
	}
	if (o->label && o->labels)
		mdc_usage("--label and --labels exclude each other");
	/* for the tests: pieces of a streamed import, 0 to build it whole */
	if ((env = getenv("STL2NORM_CHUNK")) != NULL && *env != '\0')
		o->chunk = mdc_parse_long("STL2NORM_CHUNK", env, 0, 1L << 24);
	else
		o->chunk = -1;
	if (!mdf_val_valid(o->units, strlen(o->units)) ||
	    (o->part && !mdf_val_valid(o->part, strlen(o->part))))
		mdc_usage("--units and --part need a one-line UTF-8 value");
}

/* The file's bytes: mapped if it is a regular file, else read.  Returns
 * 0, or an exit status after printing why. */
/* The most read from a pipe; a file is mapped whatever its size. */
#define MAX_INPUT ((size_t)4 << 30)

static int
load(const char *path, unsigned char **buf, size_t *len, int *mapped)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	struct stat st;
	size_t cap = 0;
	ssize_t n;

	*buf = NULL, *len = 0, *mapped = 0;
	if (fd < 0 || fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
		mdc_warn("%s: %s", path, strerror(fd < 0 || !S_ISDIR(st.st_mode) ?
		    errno : EISDIR));
		if (fd > STDIN_FILENO)
			close(fd);
		return EXIT_NOINPUT;
	}
	/* a device (/dev/zero, a terminal) never ends: only files, pipes
	 * and sockets are read, and a pipe at most MAX_INPUT bytes */
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode)) {
		mdc_warn("%s: not a regular file or a pipe", path);
		if (fd > STDIN_FILENO)
			close(fd);
		return EXIT_NOINPUT;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (*buf = mmap(NULL, (size_t)st.st_size, PROT_READ,
	    MAP_PRIVATE | MAP_POPULATE, fd, 0)) != MAP_FAILED) {
		*len = (size_t)st.st_size, *mapped = 1;
		madvise(*buf, *len, MADV_SEQUENTIAL);
	} else {
		*buf = NULL;
		for (;;) {
			if (*len == cap) {
				unsigned char *p;

				if (cap >= MAX_INPUT) {
					mdc_warn("%s: more than %llu bytes from a pipe "
					    "(the limit of a model not in a file)", path,
					    (unsigned long long)MAX_INPUT);
					free(*buf);
					return EXIT_DATAERR;
				}
				cap = cap ? 2 * cap : 1 << 16;
				if ((p = realloc(*buf, cap)) == NULL)
					mdc_die(EXIT_SOFTWARE, "%s: out of memory", path);
				*buf = p;
			}
			if ((n = read(fd, *buf + *len, cap - *len)) > 0)
				*len += (size_t)n;
			else if (n == 0)
				break;
			else if (errno != EINTR) {
				mdc_warn("%s: read error: %s", path, strerror(errno));
				free(*buf);
				if (fd != STDIN_FILENO)
					close(fd);
				return EXIT_IOERR;
			}
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
}

/* --labels: PART<TAB>LABEL lines; '#' comments and blank lines skipped. */
struct labels {
	char **part, **label;
	size_t n;
};

static void
load_labels(const char *path, struct labels *t)
{
	FILE *fp = fopen(path, "r");
	char line[4096];
	unsigned long no = 0;

	if (fp == NULL)
		mdc_die(EXIT_NOINPUT, "%s: %s", path, strerror(errno));
	while (fgets(line, sizeof line, fp) != NULL) {
		char *tab, *end = line + strcspn(line, "\r\n");

		no++;
		*end = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if ((tab = strchr(line, '\t')) == NULL || tab == line ||
		    !label_ok(tab + 1))
			mdc_die(EXIT_DATAERR, "%s: line %lu: expected PART<TAB>LABEL "
			    "with LABEL one of +X -X +Y -Y +Z -Z", path, no);
		*tab = '\0';
		if ((t->part = realloc(t->part, (t->n + 1) * sizeof *t->part)) ==
		    NULL || (t->label = realloc(t->label, (t->n + 1) *
		    sizeof *t->label)) == NULL ||
		    (t->part[t->n] = strdup(line)) == NULL ||
		    (t->label[t->n] = strdup(tab + 1)) == NULL)
			mdc_die(EXIT_SOFTWARE, "%s: out of memory", path);
		t->n++;
	}
	if (ferror(fp))
		mdc_die(EXIT_IOERR, "%s: read error", path);
	fclose(fp);
}

/* Centre or scale if asked, then the geometry metadata.  Without
 * centring F may have no payload yet (a streamed import). */
static void
finish(const struct opts *o, struct mdf_frame *f, uint64_t n,
    uint64_t dropped, const float *lo, const float *hi, double area)
{
	struct mdf_bbox box;
	struct mdf_mesh m = { .tri = NULL, .n = n };

	/* the importer measured the mesh as read; moving it changes that */
	for (int a = 0; a < 3; a++) {
		box.min[a] = lo[a];
		box.max[a] = hi[a];
	}
	if ((o->center && (mdf_mesh_view(f, &m) < 0 ||
	    mdf_mesh_center(m.tri, m.n, o->unit) < 0)) ||
	    mdf_mesh_set_meta(f, m.tri, m.n, o->center ? NULL : &box,
	    o->unit ? -1 : area) < 0 ||
	    mdf_set(f, "units", o->units) < 0 ||
	    mdf_setf(f, "dropped", "%llu", (unsigned long long)dropped) < 0)
		mdc_die(EXIT_SOFTWARE, "out of memory");
}

/* Write F, imported in two passes, regenerating its payload from BUF;
 * dies as mdc_write does on failure. */
static void
write_streamed(struct mdf_import *im, const unsigned char *buf, size_t len,
    const struct mdf_frame *f, struct mdf_writer *w, const char *path)
{
	int rc = mdf_import_write(im, buf, len, f, w);

	if (rc == MDF_OK)
		return;
	if (rc == MDF_E_IO && errno == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		_exit(141);
	}
	if (rc == MDF_E_NOMEM)
		mdc_die(EXIT_SOFTWARE, "%s: out of memory", path);
	if (rc == MDF_E_IO)
		mdc_die(EXIT_IOERR, "%s", mdf_writer_error(w));
	/* MDF_E_INVAL: the file changed between the two passes */
	mdc_die(EXIT_SOFTWARE, "%s: %s", path, mdf_writer_error(w));
}

static void
unload(unsigned char *buf, size_t len, int mapped)
{
	if (mapped)
		munmap(buf, len);
	else
		free(buf);
}

/* Convert one file; 0 or the exit status of its failure. */
static int
convert(const struct opts *o, const struct labels *lt, const char *path,
    struct mdf_writer *w, struct mdf_import *im, struct mdf_frame *f)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *label = o->label;
	int fmt = o->format ? o->format : (int)mdf_import_format_of(path);
	unsigned char *buf;
	size_t len;
	int mapped, rc, streamed;

	if (fmt == MDF_IMPORT_IGES && strcmp(path, "-") == 0)
		mdc_usage("IGES is read from a file only, not from standard input");
	if ((rc = load(path, &buf, &len, &mapped)) != 0)
		return rc;
	mdf_frame_clear(f);
	if (strcmp(path, "-") == 0)
		base = "stdin";
	if (mdf_set(f, "source", path) < 0 ||
	    (o->part ? mdf_set(f, "part", o->part) :
	    mdf_setf(f, "part", "%.*s", (int)(strrchr(base, '.') &&
	    strrchr(base, '.') != base ? strrchr(base, '.') - base :
	    (long)strlen(base)), base)) < 0)
		mdc_die(EXIT_DATAERR, "%s: file name is not a valid part name", path);
	for (size_t i = 0; label == NULL && i < lt->n; i++)
		if (strcmp(lt->part[i], mdf_get(f, "part")) == 0)
			label = lt->label[i];
	if (label != NULL)
		mdf_set(f, "label", label);
	else if (o->labels && !o->quiet)
		mdc_warn("%s: part '%s' has no label in %s", path,
		    mdf_get(f, "part"), o->labels);
	/* Binary STL goes in two passes over BUF, the payload never whole
	 * in memory: faulting in fresh pages for it cost more than parsing
	 * twice.  Centring needs the whole mesh. */
	im->chunk = o->chunk > 0 ? (size_t)o->chunk : 0;
	streamed = o->chunk != 0 && !o->center && !mdf_import_format_cad(fmt) ?
	    mdf_import_measure(im, fmt, buf, len, f) : 0;
	if (mdf_import_format_cad(fmt))
		rc = mdf_cad_import(im, fmt, buf, len, path, o->tolerance, o->angular,
		    o->timeout, f);
	else
		rc = streamed == 0 ? mdf_import_buffer(im, fmt, buf, len, f) : streamed;
	if (streamed <= 0)
		unload(buf, len, mapped);
	if (rc < 0) {
		mdc_warn("%s: %s", path, im->why);
		return mdf_exit_code(rc);
	}
	if (!o->quiet && im->dropped)
		mdc_warn("%s: dropped %llu degenerate triangles", path,
		    (unsigned long long)im->dropped);
	if (!o->quiet && im->disagree)
		mdc_warn("%s: %llu of %llu stored normals differ from the winding "
		    "by more than 30 degrees", path,
		    (unsigned long long)im->disagree,
		    (unsigned long long)(im->triangles));
	if (streamed > 0) {
		finish(o, f, im->triangles, im->dropped, im->lo, im->hi, im->area);
		write_streamed(im, buf, len, f, w, path);
		unload(buf, len, mapped);
		return 0;
	}
	if (o->merge || im->nbody == 1) {
		finish(o, f, im->triangles, im->dropped, im->lo, im->hi, im->area);
		mdc_write(w, f);
		return 0;
	}
	for (size_t i = 0; i < im->nbody; i++) {
		const struct mdf_import_body *b = &im->body[i];
		struct mdf_frame g;
		struct mdf_mesh m;

		mdf_frame_init(&g);
		if (mdf_frame_set_type(&g, "MESH") < 0 || mdf_meta_copy(&g, f) < 0 ||
		    mdf_mesh_init(&g, b->count, &m) < 0 ||
		    mdf_setf(&g, "body", "%zu", i + 1) < 0 ||
		    (b->name[0] && mdf_set(&g, "solid", b->name) < 0))
			mdc_die(EXIT_SOFTWARE, "out of memory");
		memcpy(m.tri, f->payload + b->first * MDF_MESH_TRI_BYTES,
		    b->count * MDF_MESH_TRI_BYTES);
		finish(o, &g, b->count, b->dropped, b->lo, b->hi, b->area);
		mdc_write(w, &g);
		mdf_frame_free(&g);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct labels lt = { NULL, NULL, 0 };
	struct mdf_import im;
	struct mdf_frame f;
	struct mdf_writer *w;
	int status = 0;

	mdc_init(argv[0]);
	parse_options(argc, argv, &o);
	if (o.labels)
		load_labels(o.labels, &lt);
	w = mdc_open_out(0);
	mdf_import_init(&im, o.flags);
	mdf_frame_init(&f);
	for (int i = optind; i < argc || i == optind; i++) {
		int rc = convert(&o, &lt, i < argc ? argv[i] : "-", w, &im, &f);

		if (rc != 0 && status == 0)
			status = rc;
		if (rc != 0 && o.strict)
			break;
	}
	mdf_frame_free(&f);
	mdf_import_free(&im);
	for (size_t i = 0; i < lt.n; i++)
		free(lt.part[i]), free(lt.label[i]);
	free(lt.part);
	free(lt.label);
	mdc_close_out(w);
	return status;
}
