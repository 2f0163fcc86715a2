/* Synthetic workpieces: stock block, features cut along one axis, label. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "milldir/frame.h"
#include "milldir/mesh.h"
#include "milldir/partgen.h"
#include "milldir/rng.h"
#include "milldir/types.h"
#include "milldir/voxel.h"

static const char *const dir_names[MDF_NDIRS] = {
	"+X", "-X", "+Y", "-Y", "+Z", "-Z"
};
static const char *const dir_keys[MDF_NDIRS] = {
	"px", "mx", "py", "my", "pz", "mz"
};

const char *
mdf_dir_name(int dir)
{
	return dir >= 0 && dir < MDF_NDIRS ? dir_names[dir] : NULL;
}

const char *
mdf_dir_key(int dir)
{
	return dir >= 0 && dir < MDF_NDIRS ? dir_keys[dir] : NULL;
}

int
mdf_dir_parse(const char *s)
{
	for (int d = 0; d < MDF_NDIRS; d++)
		if (strcmp(s, dir_names[d]) == 0)
			return d;
	return MDF_E_INVAL;
}

int
mdf_dir_parse_list(const char *s, unsigned *mask, char *why, size_t whylen)
{
	unsigned m = 0;

	if (*s == '\0')
		return mdf_why(why, whylen, MDF_E_INVAL, "empty class list");
	while (*s) {
		size_t n = strcspn(s, ",");
		char tok[8];
		int d;

		if (n == 0 || n >= sizeof tok)
			return mdf_why(why, whylen, MDF_E_INVAL, "'%.*s' is not a direction (+X -X +Y -Y +Z -Z)",
			    (int)(n ? n : 1), n ? s : ",");
		memcpy(tok, s, n);
		tok[n] = '\0';
		if ((d = mdf_dir_parse(tok)) < 0)
			return mdf_why(why, whylen, MDF_E_INVAL, "'%s' is not a direction (+X -X +Y -Y +Z -Z)",
			    tok);
		if (m >> d & 1)
			return mdf_why(why, whylen, MDF_E_INVAL, "direction '%s' given twice", tok);
		m |= 1u << d;
		s += n;
		if (*s == ',' && *++s == '\0')
			return mdf_why(why, whylen, MDF_E_INVAL, "empty direction after ','");
	}
	*mask = m;
	return MDF_OK;
}

void
mdf_partgen_defaults(struct mdf_partgen *g)
{
	g->seed = 1;
	g->style = MDF_PARTGEN_CAD;
	g->size_min = 5.0;
	g->size_max = 500.0;
	g->tolerance = 0.0;
	g->angular = 0.0;
	g->resolution = 64;
	g->distractors = 0.0;
	g->classes = MDF_DIR_ALL;
	g->balanced = 1;
}

/* Stream numbers: odd for parts, even for the label blocks. */
static uint64_t
part_stream(uint64_t index)
{
	return 2 * index + 1;
}

int
mdf_partgen_label(const struct mdf_partgen *g, uint64_t index)
{
	int cls[MDF_NDIRS], k = 0;
	struct mdf_rng r;

	for (int d = 0; d < MDF_NDIRS; d++)
		if (g->classes >> d & 1)
			cls[k++] = d;
	if (k == 0)
		return MDF_E_INVAL;
	if (!g->balanced) {
		mdf_rng_seed2(&r, g->seed, part_stream(index));
		return cls[mdf_rng_below(&r, (uint64_t)k)];
	}
	/* Shuffle each block of K parts so labels do not simply cycle. */
	mdf_rng_seed2(&r, g->seed, 2 * (index / (uint64_t)k));
	for (int i = k - 1; i > 0; i--) {
		int j = (int)mdf_rng_below(&r, (uint64_t)i + 1);
		int t = cls[i];

		cls[i] = cls[j];
		cls[j] = t;
	}
	return cls[index % (uint64_t)k];
}

/* --- Features ----------------------------------------------------------
 * Every feature is a rounded rectangle [u0,u1] x [v0,v1] with corner
 * radius r (0: sharp; half the short side: slot ends, round holes) in the
 * plane of the face it is cut from, swept DEPTH cells into the stock. */

enum ftype { F_RECT, F_ROUND, F_SLOT, F_STEP, F_HOLE, F_THRU, F_NTYPES };

struct feat {
	int dir;
	double u0, u1, v0, v1, r;
	int depth;
};

/* Face of direction DIR: plane axes u, v and depth axis a. */
static void
face_axes(int dir, int *a, int *u, int *v)
{
	*a = dir / 2;
	*u = (*a + 1) % 3;
	*v = (*a + 2) % 3;
}

static int
clampi(int x, int lo, int hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static int
roundi(double x)
{
	return (int)floor(x + 0.5);
}

/* Start of an interval of LEN cells on an axis of EXT cells, at least
 * MARGIN from both ends when there is room. */
static int
place(struct mdf_rng *r, int len, int ext, int margin)
{
	int room = ext - 2 * margin - len;

	if (room < 0)
		return clampi((ext - len) / 2, 0, ext);
	return margin + (int)mdf_rng_below(r, (uint64_t)room + 1);
}

static int
depth_of(struct mdf_rng *r, int w, double lo, double hi)
{
	return clampi(roundi(w * mdf_rng_range(r, lo, hi)), 1, w > 3 ? w - 2 : 1);
}

/* Draw one feature from direction DIR on stock DIMS; SMALL for a
 * distractor: smaller, shallower, never through. */
static void
draw_feature(struct mdf_rng *r, const int dims[3], int dir, int small,
    struct feat *f)
{
	/* Relative frequencies of the feature types (primary features). */
	static const int weight[F_NTYPES] = {22, 20, 18, 10, 20, 10};
	int a, ua, va, U, V, W, type, total = 0, pick;
	double k = small ? 0.5 : 1.0;

	face_axes(dir, &a, &ua, &va);
	U = dims[ua];
	V = dims[va];
	W = dims[a];
	for (int t = 0; t < F_NTYPES; t++)
		total += weight[t];
	pick = (int)mdf_rng_below(r, (uint64_t)total);
	for (type = 0; pick >= weight[type]; type++)
		pick -= weight[type];
	if (small && (type == F_STEP || type == F_THRU))
		type = F_RECT;
	f->dir = dir;
	f->r = 0.0;
	switch (type) {
	case F_RECT:
	case F_ROUND: {
		int w = clampi(roundi(U * k * mdf_rng_range(r, 0.2, 0.5)), 3, U);
		int h = clampi(roundi(V * k * mdf_rng_range(r, 0.2, 0.5)), 3, V);
		int u0 = place(r, w, U, 2), v0 = place(r, h, V, 2);

		f->u0 = u0;
		f->u1 = u0 + w;
		f->v0 = v0;
		f->v1 = v0 + h;
		if (type == F_ROUND)
			f->r = mdf_rng_range(r, 0.3, 0.5) * (w < h ? w : h);
		f->depth = depth_of(r, W, 0.25 * k, 0.6 * k);
		break;
	}
	case F_SLOT: {
		int along_u = (int)mdf_rng_below(r, 2);
		int ext = along_u ? U : V, cross = along_u ? V : U;
		int ws = clampi(roundi((U < V ? U : V) * k * mdf_rng_range(r, 0.1, 0.2)),
		    3, cross);
		int len = clampi(roundi(ext * k * mdf_rng_range(r, 0.4, 0.85)), ws, ext);
		int s0 = place(r, len, ext, 2), c0 = place(r, ws, cross, 2);
		double lo = s0, hi = s0 + len;

		/* Half the slots run out of the stock at one end. */
		if (!small && mdf_rng_below(r, 2)) {
			if (mdf_rng_below(r, 2))
				lo = -ws;
			else
				hi = ext + ws;
		}
		if (along_u) {
			f->u0 = lo; f->u1 = hi; f->v0 = c0; f->v1 = c0 + ws;
		} else {
			f->v0 = lo; f->v1 = hi; f->u0 = c0; f->u1 = c0 + ws;
		}
		f->r = ws / 2.0;
		f->depth = depth_of(r, W, 0.15, 0.45);
		break;
	}
	case F_STEP: {
		int side = (int)mdf_rng_below(r, 4);
		int ext = side < 2 ? U : V;
		int band = clampi(roundi(ext * mdf_rng_range(r, 0.12, 0.28)), 2, ext / 2);

		f->u0 = f->v0 = 0;
		f->u1 = U;
		f->v1 = V;
		switch (side) {
		case 0: f->u1 = band; break;
		case 1: f->u0 = U - band; break;
		case 2: f->v1 = band; break;
		default: f->v0 = V - band; break;
		}
		f->depth = depth_of(r, W, 0.15, 0.4);
		break;
	}
	default: { /* F_HOLE, F_THRU */
		int m = U < V ? U : V;
		double rad = m * k * mdf_rng_range(r, 0.07, 0.16);
		double cu, cv;

		if (rad < 1.5)
			rad = 1.5;
		cu = U > 2 * rad + 4 ? mdf_rng_range(r, rad + 2, U - rad - 2) : U / 2.0;
		cv = V > 2 * rad + 4 ? mdf_rng_range(r, rad + 2, V - rad - 2) : V / 2.0;
		f->u0 = cu - rad;
		f->u1 = cu + rad;
		f->v0 = cv - rad;
		f->v1 = cv + rad;
		f->r = rad;
		f->depth = type == F_THRU ? W : depth_of(r, W, 0.3 * k, 0.7 * k);
		break;
	}
	}
}

/* Is the centre of face cell (i, j) inside F's profile. */
static int
inside(const struct feat *f, int i, int j)
{
	double cu = i + 0.5, cv = j + 0.5, du, dv;

	if (cu < f->u0 || cu > f->u1 || cv < f->v0 || cv > f->v1)
		return 0;
	if (f->r <= 0.0)
		return 1;
	/* Distance to the inner rectangle shrunk by r. */
	du = cu < f->u0 + f->r ? f->u0 + f->r - cu :
	    cu > f->u1 - f->r ? cu - (f->u1 - f->r) : 0.0;
	dv = cv < f->v0 + f->r ? f->v0 + f->r - cv :
	    cv > f->v1 - f->r ? cv - (f->v1 - f->r) : 0.0;
	return du * du + dv * dv <= f->r * f->r;
}

/* Remove F's cells from V, tagging each with its direction + 1. */
static void
cut(struct mdf_vox *v, unsigned char *tag, const struct feat *f)
{
	int a, ua, va, lo, hi;
	int i0, i1, j0, j1;

	face_axes(f->dir, &a, &ua, &va);
	i0 = clampi((int)floor(f->u0), 0, v->n[ua]);
	i1 = clampi((int)ceil(f->u1), 0, v->n[ua]);
	j0 = clampi((int)floor(f->v0), 0, v->n[va]);
	j1 = clampi((int)ceil(f->v1), 0, v->n[va]);
	if (f->dir % 2 == 0) {  /* from the + side: the top DEPTH layers */
		lo = v->n[a] - f->depth;
		hi = v->n[a];
	} else {
		lo = 0;
		hi = f->depth;
	}
	for (int j = j0; j < j1; j++)
		for (int i = i0; i < i1; i++) {
			if (!inside(f, i, j))
				continue;
			for (int w = lo; w < hi; w++) {
				int q[3];
				size_t c;

				q[a] = w;
				q[ua] = i;
				q[va] = j;
				c = mdf_vox_at(v, q[0], q[1], q[2]);
				if (v->c[c]) {
					v->c[c] = 0;
					tag[c] = (unsigned char)(f->dir + 1);
				}
			}
		}
}

/* Make the surface a manifold (voxel.h).  A cell filled in a pocket
 * would hang over the empty cells beneath it, an undercut the mill could
 * not make, so each filled cell is extended down to the material below
 * it (away from the tool of direction DIR), and the repair repeated
 * until nothing changes.  Both steps only add material, so this ends. */
static void
repair(struct mdf_vox *v, const unsigned char *tag, int dir)
{
	int a, ua, va, step = dir % 2 == 0 ? -1 : 1;

	face_axes(dir, &a, &ua, &va);
	while (mdf_vox_repair(v, 1) > 0) {
		int changed = 0;

		for (int z = 0; z < v->n[2]; z++)
			for (int y = 0; y < v->n[1]; y++)
				for (int x = 0; x < v->n[0]; x++) {
					int q[3] = {x, y, z};

					if (!v->c[mdf_vox_at(v, x, y, z)] ||
					    !tag[mdf_vox_at(v, x, y, z)])
						continue;
					/* filled by the repair: fill beneath */
					for (q[a] += step; q[a] >= 0 && q[a] < v->n[a]; q[a] += step) {
						size_t c = mdf_vox_at(v, q[0], q[1], q[2]);

						if (v->c[c])
							break;
						v->c[c] = 1;
						changed = 1;
					}
				}
		if (!changed)
			break;
	}
}

/* Attempts before giving up on distractors, and on the part. */
#define TRIES_DISTRACT 32
#define TRIES_MAX 256

int
mdf_partgen_make(const struct mdf_partgen *g, uint64_t index,
    struct mdf_part *p, char *why, size_t whylen)
{
	struct mdf_rng r;
	struct mdf_vox v;
	unsigned char *tag = NULL;
	int label, longest, rc;
	size_t ncell;

	memset(p, 0, sizeof *p);
	if (g->resolution < MDF_PARTGEN_RES_MIN || g->resolution > MDF_PARTGEN_RES_MAX)
		return mdf_why(why, whylen, MDF_E_INVAL, "resolution %d outside %d..%d", g->resolution,
		    MDF_PARTGEN_RES_MIN, MDF_PARTGEN_RES_MAX);
	if (!(g->distractors >= 0.0 && g->distractors <= 1.0))
		return mdf_why(why, whylen, MDF_E_INVAL, "distractor probability outside 0..1");
	if ((g->classes & MDF_DIR_ALL) == 0 || (g->classes & ~MDF_DIR_ALL))
		return mdf_why(why, whylen, MDF_E_INVAL, "no valid class");
	label = mdf_partgen_label(g, index);
	p->label = label;

	mdf_rng_seed2(&r, g->seed, part_stream(index));
	/* Stock: one side at full resolution, the others 45-100 % of it. */
	longest = (int)mdf_rng_below(&r, 3);
	for (int k = 0; k < 3; k++)
		p->stock[k] = k == longest ? g->resolution :
		    clampi(roundi(g->resolution * mdf_rng_range(&r, 0.45, 1.0)), 8,
		    g->resolution);
	if ((rc = mdf_vox_init(&v, p->stock[0], p->stock[1], p->stock[2], 1)) < 0)
		return rc == MDF_E_NOMEM ? rc : mdf_why(why, whylen, MDF_E_INVAL, "bad stock size");
	ncell = (size_t)p->stock[0] * (size_t)p->stock[1] * (size_t)p->stock[2];
	if ((tag = malloc(ncell)) == NULL) {
		mdf_vox_free(&v);
		return MDF_E_NOMEM;
	}

	for (int attempt = 0;; attempt++) {
		int nf, nd = 0, ok;
		long comps;

		if (attempt == TRIES_MAX) {
			rc = mdf_why(why, whylen, MDF_E_INVAL, "no valid part after %d attempts", TRIES_MAX);
			goto out;
		}
		memset(v.c, 1, ncell);
		memset(tag, 0, ncell);
		nf = 4 + (int)mdf_rng_below(&r, 4);
		for (int i = 0; i < nf; i++) {
			struct feat f;

			draw_feature(&r, p->stock, label, 0, &f);
			cut(&v, tag, &f);
		}
		if (g->distractors > 0.0 && attempt < TRIES_DISTRACT &&
		    mdf_rng_uniform(&r) < g->distractors) {
			nd = 1 + (int)mdf_rng_below(&r, 2);
			for (int i = 0; i < nd; i++) {
				struct feat f;
				int d = (int)mdf_rng_below(&r, MDF_NDIRS - 1);

				draw_feature(&r, p->stock, d >= label ? d + 1 : d, 1, &f);
				cut(&v, tag, &f);
			}
		}
		repair(&v, tag, label);
		if ((comps = mdf_vox_components(&v)) < 0) {
			rc = (int)comps;
			goto out;
		}
		memset(p->removed, 0, sizeof p->removed);
		for (size_t c = 0; c < ncell; c++)
			if (v.c[c] == 0 && tag[c] > 0)
				p->removed[tag[c] - 1]++;
		/* A clear signal: at least 4 % of the stock cut from the label side. */
		ok = comps == 1 && p->removed[label] * 25 >= (long)ncell;
		for (int d = 0; d < MDF_NDIRS; d++)
			if (d != label && p->removed[d] >= p->removed[label])
				ok = 0;
		if (ok) {
			p->features = nf;
			p->distractors = nd;
			break;
		}
	}
	{
		double origin[3];

		for (int k = 0; k < 3; k++)
			origin[k] = -(double)(p->stock[k] / 2);
		rc = mdf_vox_mesh(&v, origin, 1.0, &p->tri, &p->ntri);
	}
out:
	free(tag);
	mdf_vox_free(&v);
	if (rc < 0)
		mdf_part_free(p);
	return rc;
}

void
mdf_part_free(struct mdf_part *p)
{
	free(p->tri);
	p->tri = NULL;
	p->ntri = 0;
}

int
mdf_part_frame(const struct mdf_partgen *g, const struct mdf_part *p,
    const char *name, uint64_t num, struct mdf_frame *f)
{
	struct mdf_mesh m;
	int rc;

	if ((rc = mdf_mesh_init(f, p->ntri, &m)) < 0)
		return rc;
	if (p->ntri > 0)
		memcpy(m.tri, p->tri, p->ntri * MDF_MESH_TRI_BYTES);
	if ((rc = mdf_set(f, "part", name)) < 0 ||
	    (rc = mdf_set(f, "label", mdf_dir_name(p->label))) < 0 ||
	    (rc = mdf_set(f, "source", "partgen")) < 0 ||
	    (rc = mdf_set(f, "units", "mm")) < 0 ||
	    /* bbox and area, as stl2norm writes them */
	    (rc = mdf_mesh_set_meta(f, p->tri, p->ntri, NULL, -1.0)) < 0 ||
	    (rc = mdf_setf(f, "partgen.seed", "%llu", (unsigned long long)g->seed)) < 0 ||
	    (rc = mdf_setf(f, "partgen.index", "%llu", (unsigned long long)num)) < 0 ||
	    (rc = mdf_setf(f, "partgen.stock", "%dx%dx%d", p->stock[0], p->stock[1],
	    p->stock[2])) < 0 ||
	    (rc = mdf_setf(f, "partgen.features", "%d", p->features)) < 0 ||
	    (rc = mdf_setf(f, "partgen.distractors", "%d", p->distractors)) < 0)
		return rc;
	for (int d = 0; d < MDF_NDIRS; d++) {
		char key[16];

		snprintf(key, sizeof key, "removed.%s", dir_keys[d]);
		if ((rc = mdf_setf(f, key, "%ld", p->removed[d])) < 0)
			return rc;
	}
	return MDF_OK;
}
