/* partgen: labelled synthetic workpieces as STL files or MESH frames. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cad/cadgen.h"
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
"      --style STYLE      cad: solids from a CAD kernel, true arcs, fillets,\n"
"                         tessellated (the default); voxel: 1 mm voxel parts\n"
"      --stock LIST       cad: stock kinds to draw from, e.g. shaft,rod (default\n"
"                         all: box plate bar L stepped disk cylinder rod shaft)\n"
"      --size MIN:MAX     cad: longest stock side in mm, drawn log-uniformly\n"
"                         (default 5:500)\n"
"  -t, --tolerance MM     cad: linear deflection of the tessellation (default:\n"
"                         drawn per part, 0.02 % to 1 % of its size)\n"
"      --angular RAD      cad: angular deflection (default: drawn, 0.15-0.6)\n"
"  -f, --format FMT       with -o: stl (default), step, iges or brep (cad)\n"
"  -j, --jobs N           build parts on N threads (default: the processors,\n"
"                         at most 8); the output does not depend on N\n"
"  -r, --resolution N     voxel: mm (voxels) along the longest side (default 64)\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n";

static _Noreturn void
help(void)
{
	mdc_help(usage_text);
}

enum { FMT_STL, FMT_STEP, FMT_IGES, FMT_BREP };

struct opts {
	struct mdf_partgen g;
	long count, first;
	const char *prefix, *outdir;
	int frames, format, voxel_only;
	unsigned stocks;        /* --stock: mask of stock kinds (0: all) */
	long jobs;
};

/* A part of either style. */
struct made {
	int label;
	const float *tri;
	size_t ntri;
	struct mdf_part vp;
	struct mdf_cadpart cp;
	int rc;                 /* of making it; MDF_E_INVAL: reason in WHY */
	char why[160];
};

/* --size MIN:MAX (or one number for both). */
static void
parse_size(const char *arg, struct mdf_partgen *g)
{
	char *end;
	double lo = strtod(arg, &end), hi = lo;

	if (end != arg && *end == ':')
		hi = strtod(end + 1, &end);
	if (end == arg || *end != '\0' || !(lo >= 0.1 && lo <= hi && hi <= 10000))
		mdc_usage("--size: expected MIN:MAX in mm, 0.1 <= MIN <= MAX <= 10000, got '%s'",
		    arg);
	g->size_min = lo;
	g->size_max = hi;
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	enum { OPT_FRAMES = 256, OPT_FIRST, OPT_RANDOM, OPT_STYLE, OPT_SIZE, OPT_ANGULAR,
		OPT_STOCK };
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
		{ "style", required_argument, NULL, OPT_STYLE },
		{ "size", required_argument, NULL, OPT_SIZE },
		{ "stock", required_argument, NULL, OPT_STOCK },
		{ "tolerance", required_argument, NULL, 't' },
		{ "angular", required_argument, NULL, OPT_ANGULAR },
		{ "format", required_argument, NULL, 'f' },
		{ "jobs", required_argument, NULL, 'j' },
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
	o->format = FMT_STL;
	o->voxel_only = 0;
	o->stocks = 0;
	o->jobs = sysconf(_SC_NPROCESSORS_ONLN);
	if (o->jobs < 1)
		o->jobs = 1;
	if (o->jobs > 8)
		o->jobs = 8;
	while ((c = getopt_long(argc, argv, ":n:s:p:o:c:d:r:t:f:j:hV", longopts, NULL)) != -1) {
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
			o->voxel_only = 1;
			break;
		case OPT_STYLE:
			if (strcmp(optarg, "cad") == 0)
				o->g.style = MDF_PARTGEN_CAD;
			else if (strcmp(optarg, "voxel") == 0)
				o->g.style = MDF_PARTGEN_VOXEL;
			else
				mdc_usage("--style: expected cad or voxel, got '%s'", optarg);
			break;
		case OPT_SIZE:
			parse_size(optarg, &o->g);
			break;
		case OPT_STOCK:
			if (mdf_cadgen_stock_parse(optarg, &o->stocks, why, sizeof why) < 0)
				mdc_usage("--stock: %s", why);
			break;
		case 't':
			o->g.tolerance = mdc_parse_double("--tolerance", optarg);
			if (!(o->g.tolerance > 0 && o->g.tolerance <= 1000))
				mdc_usage("--tolerance: expected mm above 0, at most 1000, got '%s'",
				    optarg);
			break;
		case OPT_ANGULAR:
			o->g.angular = mdc_parse_double("--angular", optarg);
			if (!(o->g.angular >= 0.01 && o->g.angular <= 1.5))
				mdc_usage("--angular: expected radians from 0.01 to 1.5, got '%s'",
				    optarg);
			break;
		case 'j':
			o->jobs = mdc_parse_long("--jobs", optarg, 1, 64);
			break;
		case 'f':
			if (strcmp(optarg, "stl") == 0)
				o->format = FMT_STL;
			else if (strcmp(optarg, "step") == 0)
				o->format = FMT_STEP;
			else if (strcmp(optarg, "iges") == 0)
				o->format = FMT_IGES;
			else if (strcmp(optarg, "brep") == 0)
				o->format = FMT_BREP;
			else
				mdc_usage("--format: expected stl, step, iges or brep, got '%s'",
				    optarg);
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
	if (o->voxel_only && o->g.style != MDF_PARTGEN_VOXEL)
		mdc_usage("--resolution applies to --style voxel");
	if (o->stocks != 0 && o->g.style != MDF_PARTGEN_CAD)
		mdc_usage("--stock applies to --style cad");
	if (o->format != FMT_STL && (o->outdir == NULL || o->g.style != MDF_PARTGEN_CAD))
		mdc_usage("--format step, iges or brep needs --output and --style cad");
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

/* Build part NUM (1-based) of either style into M (rc, why). */
static void
make_part(const struct opts *o, long num, struct made *m)
{
	memset(m, 0, sizeof *m);
	if (o->g.style == MDF_PARTGEN_VOXEL) {
		m->rc = mdf_partgen_make(&o->g, (uint64_t)(num - 1), &m->vp, m->why,
		    sizeof m->why);
		m->label = m->vp.label, m->tri = m->vp.tri, m->ntri = m->vp.ntri;
	} else {
		m->rc = mdf_cadgen_make(&o->g, o->stocks, (uint64_t)(num - 1), &m->cp,
		    m->why, sizeof m->why);
		m->label = m->cp.label, m->tri = m->cp.tri, m->ntri = m->cp.ntri;
	}
}

/* --jobs: parts are built on worker threads, each part from its own
 * (seed, index) alone, and written in order by the main thread; at most
 * WINDOW parts are built ahead of the writer. */
struct pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	const struct opts *o;
	long next, written, window;
	struct made *slot;      /* WINDOW of them, part i in slot i % WINDOW */
	int *ready;
};

static void *
worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		struct made m;
		long i;

		pthread_mutex_lock(&p->mu);
		while (p->next < p->o->count && p->next - p->written >= p->window)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->next >= p->o->count) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		i = p->next++;
		pthread_mutex_unlock(&p->mu);
		make_part(p->o, p->o->first + i, &m);
		pthread_mutex_lock(&p->mu);
		p->slot[i % p->window] = m;
		p->ready[i % p->window] = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

/* Part I (0-based) once a worker has built it. */
static struct made
take(struct pool *p, long i)
{
	struct made m;

	pthread_mutex_lock(&p->mu);
	while (!p->ready[i % p->window])
		pthread_cond_wait(&p->cv, &p->mu);
	m = p->slot[i % p->window];
	p->ready[i % p->window] = 0;
	pthread_mutex_unlock(&p->mu);
	return m;
}

static void
taken(struct pool *p)
{
	pthread_mutex_lock(&p->mu);
	p->written++;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

static void
free_part(const struct opts *o, struct made *m)
{
	if (o->g.style == MDF_PARTGEN_VOXEL)
		mdf_part_free(&m->vp);
	else
		mdf_cadpart_free(&m->cp);
}

/* Write part M as DIR/NAME.stl (or .step, .brep), atomically. */
static void
write_file(const struct opts *o, const struct made *m, const char *name)
{
	static const char *const ext[] = { "stl", "step", "igs", "brep" };
	static const int cad[] = { 0, MDF_CAD_STEP, MDF_CAD_IGES, MDF_CAD_BREP };
	char *path, *tmp, header[512], why[256];
	FILE *fp;

	if (asprintf(&path, "%s/%s.%s", o->outdir, name, ext[o->format]) < 0)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	fp = open_temp(o->outdir, path, &tmp);
	if (o->format != FMT_STL) {
		fclose(fp);
		if (mdf_cad_write(m->cp.shape, m->cp.offset, tmp, cad[o->format], why,
		    sizeof why) < 0) {
			unlink(tmp);
			mdc_die(EXIT_IOERR, "%s: %s", path, why);
		}
		if ((fp = fopen(tmp, "rb")) == NULL)
			mdc_die(EXIT_IOERR, "%s: %s", path, strerror(errno));
		commit_temp(fp, tmp, path);
		free(path);
		return;
	}
	snprintf(header, sizeof header, "partgen %s label=%s seed=%llu units=mm",
	    name, mdf_dir_name(m->label), (unsigned long long)o->g.seed);
	if (mdf_stl_write(fp, header, m->tri, m->ntri) < 0) {
		int e = errno;

		unlink(tmp);
		mdc_die(EXIT_IOERR, "%s: write error: %s", path, strerror(e));
	}
	commit_temp(fp, tmp, path);
	free(path);
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct mdf_writer *w = NULL;
	struct mdf_frame f;
	FILE *labels = NULL;
	char *labels_tmp = NULL, *labels_path = NULL;
	struct pool pool;
	pthread_t *tid;

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

	pool.o = &o;
	pool.next = pool.written = 0;
	pool.window = 4 * o.jobs;
	if ((pool.slot = calloc((size_t)pool.window, sizeof *pool.slot)) == NULL ||
	    (pool.ready = calloc((size_t)pool.window, sizeof *pool.ready)) == NULL ||
	    (tid = calloc((size_t)o.jobs, sizeof *tid)) == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	pthread_mutex_init(&pool.mu, NULL);
	pthread_cond_init(&pool.cv, NULL);
	for (long j = 0; j < o.jobs; j++)
		if (pthread_create(&tid[j], NULL, worker, &pool) != 0)
			mdc_die(EXIT_SOFTWARE, "cannot start a thread: %s", strerror(errno));

	for (long i = 0; i < o.count; i++) {
		long num = o.first + i;
		struct made m = take(&pool, i);
		char name[256];

		snprintf(name, sizeof name, "%s-%04ld", o.prefix, num);
		if (m.rc < 0)
			mdc_die(EXIT_SOFTWARE, "%s: %s", name,
			    m.rc == MDF_E_INVAL ? m.why : mdf_strerror(m.rc));
		if (w != NULL) {
			mdf_frame_clear(&f);
			if ((o.g.style == MDF_PARTGEN_VOXEL ?
			    mdf_part_frame(&o.g, &m.vp, name, (uint64_t)num, &f) :
			    mdf_cadpart_frame(&o.g, &m.cp, name, (uint64_t)num, &f)) < 0)
				mdc_die(EXIT_SOFTWARE, "%s: out of memory", name);
			mdc_write(w, &f);
		} else {
			write_file(&o, &m, name);
			if (fprintf(labels, "%s\t%s\n", name, mdf_dir_name(m.label)) < 0) {
				unlink(labels_tmp);
				mdc_die(EXIT_IOERR, "%s: write error: %s", labels_path,
				    strerror(errno));
			}
		}
		free_part(&o, &m);
		taken(&pool);
	}
	for (long j = 0; j < o.jobs; j++)
		pthread_join(tid[j], NULL);
	free(tid);
	free(pool.slot);
	free(pool.ready);
	mdf_frame_free(&f);
	if (w != NULL) {
		mdc_close_out(w);
	} else {
		commit_temp(labels, labels_tmp, labels_path);
		free(labels_path);
	}
	return 0;
}
