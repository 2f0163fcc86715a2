/* reach: MESH frames in; per axis side, what a tool reaches (volumes,
 * areas, set-ups, label) out, as a PRED frame or on the MESH frame. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "milldir/partgen.h"
#include "milldir/reach.h"
#include "milldir/types.h"

enum { OUT_PRED, OUT_MESH, OUT_TEXT };

struct opts {
	struct mdf_reach_opts r;
	const char *input;
	int out;        /* OUT_* */
	int label;      /* write label= where there is none */
	int relabel;    /* and over an existing one */
};

enum { OPT_STOCK = 256, OPT_MIN_MARGIN, OPT_COVER, OPT_LABEL, OPT_RELABEL,
	OPT_THROUGH };

_Noreturn static void
usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]\n"
	    "Measure what a 3-axis tool moving along each axis reaches of each\n"
	    "MESH frame of FILE (default: standard input): per side +X -X +Y -Y\n"
	    "+Z -Z the removable volume and the reachable machined area, the\n"
	    "set-ups covering the part, the undercut area, and the side that\n"
	    "removes the most (the label).  Writes one PRED frame per mesh (the\n"
	    "six volume shares as class probabilities, metadata reach.*); other\n"
	    "frames pass through.\n"
	    "\n"
	    "  -r, --resolution=N|Umm  N samples along the stock's longest side\n"
	    "                          (default %d), or U units a sample\n"
	    "  -s, --stock=SPEC        auto (default: a round bar where one is\n"
	    "                          smaller than the box), bbox, a margin M\n"
	    "                          (the box grown by M), or X0,Y0,Z0:X1,Y1,Z1\n"
	    "      --through=RULE      columns passing the whole stock count in\n"
	    "                          the side volumes: count (default), half,\n"
	    "                          or apart (reach.through.* only)\n"
	    "      --min-margin=M      label 'ambiguous' below this margin (a\n"
	    "                          share of the removable volume; default 0.05)\n"
	    "      --cover-tolerance=T share of the reachable machined area the\n"
	    "                          set-ups may leave out (default 0.002)\n"
	    "  -m, --mesh              write the MESH frames with the figures\n"
	    "                          instead of PRED frames\n"
	    "  -t, --text              one line per mesh: part, label, margin,\n"
	    "                          set-ups, undercut, existing label\n"
	    "      --label             write label= (the reach label) into frames\n"
	    "                          without one; ambiguous parts get none\n"
	    "      --relabel           with --label: also replace existing labels\n"
	    "  -j, --threads=N         sides drawn at once, 1..6 (default: CPUs)\n"
	    "  -h, --help              show this help and exit\n"
	    "  -V, --version           show the version and exit\n"
	    "\n"
	    "See reach(1).\n", mdc_prog, MDF_REACH_DEFAULT_PIXELS);
	exit(0);
}

/* --resolution: "N" or "Npx" samples, "Umm" (or "Uunits") a sample */
static void
parse_resolution(const char *arg, struct mdf_reach_opts *r)
{
	size_t n = strlen(arg);
	char num[64];

	if (n >= 2 && n < sizeof num && strcmp(arg + n - 2, "mm") == 0) {
		memcpy(num, arg, n - 2);
		num[n - 2] = '\0';
		r->res = mdc_parse_double("--resolution", num);
		if (!(r->res > 0))
			mdc_usage("--resolution: '%s' is not a positive size", arg);
		return;
	}
	if (n >= 2 && n < sizeof num && strcmp(arg + n - 2, "px") == 0) {
		memcpy(num, arg, n - 2);
		num[n - 2] = '\0';
		arg = num;
	}
	r->res = 0;
	r->pixels = (uint32_t)mdc_parse_long("--resolution", arg, 1,
	    MDF_REACH_MAX_PIXELS);
}

/* --stock: bbox, a margin, or a box */
static void
parse_stock(const char *arg, struct mdf_reach_opts *r)
{
	double v[6];
	char tail;

	if (strcmp(arg, "bbox") == 0) {
		r->stock = MDF_STOCK_BBOX;
	} else if (strcmp(arg, "auto") == 0) {
		r->stock = MDF_STOCK_AUTO;
	} else if (sscanf(arg, "%lf,%lf,%lf:%lf,%lf,%lf%c", &v[0], &v[1],
	    &v[2], &v[3], &v[4], &v[5], &tail) == 6) {
		r->stock = MDF_STOCK_BOX;
		memcpy(r->lo, v, sizeof r->lo);
		memcpy(r->hi, v + 3, sizeof r->hi);
	} else if (strchr(arg, ',') == NULL && strchr(arg, ':') == NULL) {
		r->stock = MDF_STOCK_MARGIN;
		r->margin = mdc_parse_double("--stock", arg);
	} else {
		mdc_usage("--stock: expected auto, bbox, a margin or "
		    "X0,Y0,Z0:X1,Y1,Z1, got '%s'", arg);
	}
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option lopts[] = {
		{ "resolution", required_argument, NULL, 'r' },
		{ "stock", required_argument, NULL, 's' },
		{ "min-margin", required_argument, NULL, OPT_MIN_MARGIN },
		{ "cover-tolerance", required_argument, NULL, OPT_COVER },
		{ "mesh", no_argument, NULL, 'm' },
		{ "text", no_argument, NULL, 't' },
		{ "label", no_argument, NULL, OPT_LABEL },
		{ "relabel", no_argument, NULL, OPT_RELABEL },
		{ "through", required_argument, NULL, OPT_THROUGH },
		{ "threads", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	char why[128];
	int c;

	memset(o, 0, sizeof *o);
	mdf_reach_opts_default(&o->r);
	o->r.threads = cpus < 1 ? 1 : cpus > 6 ? 6 : (unsigned)cpus;
	while ((c = getopt_long(argc, argv, ":r:s:mtj:hV", lopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			parse_resolution(optarg, &o->r);
			break;
		case 's':
			parse_stock(optarg, &o->r);
			break;
		case OPT_MIN_MARGIN:
			o->r.min_margin = mdc_parse_double("--min-margin", optarg);
			break;
		case OPT_COVER:
			o->r.cover_tol = mdc_parse_double("--cover-tolerance",
			    optarg);
			break;
		case 'm':
			o->out = OUT_MESH;
			break;
		case 't':
			o->out = OUT_TEXT;
			break;
		case OPT_LABEL:
			o->label = 1;
			break;
		case OPT_RELABEL:
			o->relabel = 1;
			break;
		case OPT_THROUGH:
			if (strcmp(optarg, "count") == 0)
				o->r.count_through = MDF_THROUGH_COUNT;
			else if (strcmp(optarg, "half") == 0)
				o->r.count_through = MDF_THROUGH_HALF;
			else if (strcmp(optarg, "apart") == 0)
				o->r.count_through = MDF_THROUGH_APART;
			else
				mdc_usage("--through: expected count, half or "
				    "apart, got '%s'", optarg);
			break;
		case 'j':
			o->r.threads = (unsigned)mdc_parse_long("--threads",
			    optarg, 1, 6);
			break;
		default:
			mdc_option(c, argv, usage);
		}
	}
	if (mdf_reach_opts_check(&o->r, why, sizeof why) < 0)
		mdc_usage("%s", why);
	if (o->relabel && !o->label)
		mdc_usage("--relabel needs --label");
	if (optind < argc - 1)
		mdc_usage("extra operand '%s'", argv[optind + 1]);
	o->input = optind < argc ? argv[optind] : NULL;
}

/* the order of dnntrain's classes (sorted labels) and of PRED frames */
static const int pred_side[6] = {
	MDF_DIR_PX, MDF_DIR_PY, MDF_DIR_PZ, MDF_DIR_MX, MDF_DIR_MY, MDF_DIR_MZ,
};

/* The figures of R onto frame F as O asks: metadata, label, and the PRED
 * payload unless the mesh stays. */
static int
finish_frame(struct mdf_frame *f, const struct mdf_reach *r,
    const struct opts *o)
{
	const char *names[6];
	struct mdf_pred pred;
	int rc;

	if ((rc = mdf_reach_set_meta(f, r)) < 0)
		return rc;
	if (o->label && !r->ambiguous &&
	    (o->relabel || mdf_get(f, "label") == NULL) &&
	    (rc = mdf_set(f, "label", mdf_dir_name(r->best))) < 0)
		return rc;
	if (o->out != OUT_PRED)
		return 0;
	for (int i = 0; i < 6; i++)
		names[i] = mdf_dir_name(pred_side[i]);
	mdf_unset(f, "triangles");
	if ((rc = mdf_pred_init(f, 6, names, &pred)) < 0)
		return rc;
	for (int i = 0; i < 6; i++)
		pred.prob[i] = (float)r->share[pred_side[i]];
	if ((rc = mdf_set(f, "pred.label", mdf_dir_name(r->best))) < 0)
		return rc;
	return mdf_setf(f, "pred.score", "%.6g", r->share[r->best]);
}

static void
print_text(const struct mdf_frame *f, const struct mdf_reach *r)
{
	const char *part = mdf_get(f, "part"), *label = mdf_get(f, "label");
	const char *setups = mdf_get(f, "reach.setups");

	printf("%s\t%s\t%.4f\t%s\t%.7g\t%s\n", part ? part : "",
	    r->ambiguous ? "ambiguous" : mdf_dir_name(r->best), r->margin,
	    setups ? setups : "", r->undercut, label ? label : "");
}

/* File scope, so that what is live when mdc_die exits stays reachable
 * (LeakSanitizer in the sanitizer build reports nothing). */
static struct mdf_reacher *rc_;
static struct mdf_reader *in;
static struct mdf_writer *out;
static struct mdf_frame f;

int
main(int argc, char **argv)
{
	struct opts o;
	struct mdf_reach r;
	struct mdf_mesh m;
	char why[256];
	int rc;

	mdc_init(argv[0]);
	parse_options(argc, argv, &o);
	if ((rc_ = mdf_reacher_new(&o.r)) == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	in = mdc_open_in(o.input);
	if (o.out != OUT_TEXT)
		out = mdc_open_out(0);
	mdf_frame_init(&f);
	while ((rc = mdf_read(in, &f)) > 0) {
		if (mdf_frame_is(&f, "MESH")) {
			why[0] = '\0';
			if ((rc = mdf_mesh_view(&f, &m)) < 0)
				snprintf(why, sizeof why, "%s", mdf_strerror(rc));
			else if ((rc = mdf_reach(rc_, &m, &r, why, sizeof why)) >= 0 &&
			    (rc = finish_frame(&f, &r, &o)) < 0)
				snprintf(why, sizeof why, "%s", mdf_strerror(rc));
			if (rc < 0)
				mdc_die_frame(in, mdf_exit_code(rc), "%s", why);
			if (o.out == OUT_TEXT)
				print_text(&f, &r);
		}
		if (o.out != OUT_TEXT)
			mdc_write(out, &f);
	}
	if (rc < 0)
		mdc_die_read(in, rc);
	if (o.out == OUT_TEXT)
		mdc_close_stdout();
	else
		mdc_close_out(out);
	mdf_reader_close(in);
	mdf_frame_free(&f);
	mdf_reacher_free(rc_);
	return 0;
}
