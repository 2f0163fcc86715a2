/* Voxel solids: manifold repair, components, and a T-junction-free
 * boundary mesh of merged rectangles. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/frame.h"
#include "milldir/voxel.h"

int
mdf_vox_init(struct mdf_vox *v, int nx, int ny, int nz, unsigned char fill)
{
	size_t n;

	v->c = NULL;
	v->n[0] = v->n[1] = v->n[2] = 0;
	if (nx < 1 || ny < 1 || nz < 1 || nx > MDF_VOX_MAX || ny > MDF_VOX_MAX ||
	    nz > MDF_VOX_MAX)
		return MDF_E_INVAL;
	n = (size_t)nx * (size_t)ny * (size_t)nz;
	v->c = malloc(n);
	if (v->c == NULL)
		return MDF_E_NOMEM;
	memset(v->c, fill, n);
	v->n[0] = nx;
	v->n[1] = ny;
	v->n[2] = nz;
	return MDF_OK;
}

void
mdf_vox_free(struct mdf_vox *v)
{
	free(v->c);
	v->c = NULL;
}

int
mdf_vox_solid(const struct mdf_vox *v, int x, int y, int z)
{
	if (x < 0 || y < 0 || z < 0 || x >= v->n[0] || y >= v->n[1] ||
	    z >= v->n[2])
		return 0;
	return v->c[mdf_vox_at(v, x, y, z)] != 0;
}

/* --- Repair ----------------------------------------------------------
 * The eight cells around a lattice vertex are its octants, bit
 * dx | dy << 1 | dz << 2 for the cell (x-1+dx, y-1+dy, z-1+dz).  The
 * boundary is a manifold at that vertex (and along the edges through it)
 * exactly when the material octants are face-connected among themselves
 * and so are the empty ones: a diagonal pair along an edge always leaves
 * one of the two sets split at both ends of the edge. */

/* Number of face-connected components of the octants in SET. */
static int
octant_components(unsigned set)
{
	unsigned seen = 0;
	int comps = 0;

	for (int b = 0; b < 8; b++) {
		unsigned stack[8];
		int top = 0;

		if (!(set >> b & 1) || (seen >> b & 1))
			continue;
		comps++;
		seen |= 1u << b;
		stack[top++] = (unsigned)b;
		while (top > 0) {
			unsigned o = stack[--top];

			for (int k = 0; k < 3; k++) {
				unsigned nb = o ^ (1u << k);

				if ((set >> nb & 1) && !(seen >> nb & 1)) {
					seen |= 1u << nb;
					stack[top++] = nb;
				}
			}
		}
	}
	return comps;
}

static void
bad_masks(unsigned char bad[256])
{
	for (unsigned m = 0; m < 256; m++)
		bad[m] = octant_components(m) > 1 || octant_components(~m & 0xff) > 1;
}

/* Two of the EMPTY octants whose filling makes mask M good, as a mask;
 * 0 if no pair does. */
static unsigned
good_pair(const unsigned char bad[256], unsigned m, unsigned empty)
{
	for (unsigned a = 0; a < 8; a++)
		for (unsigned b = a + 1; b < 8; b++) {
			unsigned pair = 1u << a | 1u << b;

			if ((empty & pair) == pair && !bad[m | pair])
				return pair;
		}
	return 0;
}

/* A copy of the grid with a border of one cell on every side, so that
 * neighbours are plain offsets: 0 empty, 1 material, 2 outside. */
struct pad {
	unsigned char *c;
	size_t m[3];  /* padded sizes */
	size_t sy, sz; /* strides of y and z */
};

enum { P_EMPTY = 0, P_SOLID = 1, P_OUT = 2 };

static int
pad_init(struct pad *p, const struct mdf_vox *v)
{
	size_t n;

	for (int k = 0; k < 3; k++)
		p->m[k] = (size_t)v->n[k] + 2;
	p->sy = p->m[0];
	p->sz = p->m[0] * p->m[1];
	n = p->sz * p->m[2];
	if ((p->c = malloc(n)) == NULL)
		return MDF_E_NOMEM;
	memset(p->c, P_OUT, n);
	for (int z = 0; z < v->n[2]; z++)
		for (int y = 0; y < v->n[1]; y++) {
			const unsigned char *s = v->c + mdf_vox_at(v, 0, y, z);
			unsigned char *d = p->c + ((size_t)z + 1) * p->sz +
			    ((size_t)y + 1) * p->sy + 1;

			for (int x = 0; x < v->n[0]; x++)
				d[x] = s[x] ? P_SOLID : P_EMPTY;
		}
	return MDF_OK;
}

/* Padded index of the lattice vertex (x, y, z)'s octant 0, the cell
 * (x-1, y-1, z-1). */
static size_t
pad_vertex(const struct pad *p, int x, int y, int z)
{
	return (size_t)z * p->sz + (size_t)y * p->sy + (size_t)x;
}

long
mdf_vox_repair(struct mdf_vox *v, unsigned char fill)
{
	unsigned char bad[256];
	size_t off[8];
	struct pad p;
	long filled = 0;
	int changed, lo[3], hi[3];

	if (fill == 0)
		fill = 1;
	if (pad_init(&p, v) < 0)
		return MDF_E_NOMEM;
	bad_masks(bad);
	for (unsigned b = 0; b < 8; b++)
		off[b] = (b & 1) + (b >> 1 & 1) * p.sy + (b >> 2 & 1) * p.sz;
	for (int k = 0; k < 3; k++) {
		lo[k] = 0;
		hi[k] = v->n[k];
	}
	/* Filling only ever adds material, so the passes end; after the
	 * first, only the box around the last pass's changes is visited. */
	do {
		int nlo[3] = {INT_MAX, INT_MAX, INT_MAX}, nhi[3] = {-1, -1, -1};

		changed = 0;
		for (int z = lo[2]; z <= hi[2]; z++)
			for (int y = lo[1]; y <= hi[1]; y++)
				for (int x = lo[0]; x <= hi[0]; x++) {
					const unsigned char *c = p.c + pad_vertex(&p, x, y, z);
					unsigned m = 0, in = 0, b, empty;

					for (b = 0; b < 8; b++) {
						m |= (unsigned)(c[off[b]] == P_SOLID) << b;
						in |= (unsigned)(c[off[b]] != P_OUT) << b;
					}
					if (!bad[m])
						continue;
					empty = in & ~m;
					/* One cell is usually enough. */
					for (b = 0; b < 8; b++)
						if ((empty >> b & 1) && !bad[m | 1u << b])
							break;
					if (b < 8) {
						p.c[pad_vertex(&p, x, y, z) + off[b]] = P_SOLID;
					} else if ((b = good_pair(bad, m, empty)) != 0) {
						for (unsigned k = 0; k < 8; k++)
							if (b >> k & 1)
								p.c[pad_vertex(&p, x, y, z) + off[k]] = P_SOLID;
					} else {
						/* All inside the grid: always a manifold. */
						for (b = 0; b < 8; b++)
							if (empty >> b & 1)
								p.c[pad_vertex(&p, x, y, z) + off[b]] = P_SOLID;
					}
					changed = 1;
					nlo[0] = x < nlo[0] ? x : nlo[0];
					nlo[1] = y < nlo[1] ? y : nlo[1];
					nlo[2] = z < nlo[2] ? z : nlo[2];
					nhi[0] = x > nhi[0] ? x : nhi[0];
					nhi[1] = y > nhi[1] ? y : nhi[1];
					nhi[2] = z > nhi[2] ? z : nhi[2];
				}
		/* A filled cell touches the vertices one step around. */
		for (int k = 0; k < 3; k++) {
			lo[k] = nlo[k] - 2 < 0 ? 0 : nlo[k] - 2;
			hi[k] = nhi[k] + 2 > v->n[k] ? v->n[k] : nhi[k] + 2;
		}
	} while (changed);
	for (int z = 0; z < v->n[2]; z++)
		for (int y = 0; y < v->n[1]; y++) {
			unsigned char *d = v->c + mdf_vox_at(v, 0, y, z);
			const unsigned char *s = p.c + ((size_t)z + 1) * p.sz +
			    ((size_t)y + 1) * p.sy + 1;

			for (int x = 0; x < v->n[0]; x++)
				if (s[x] == P_SOLID && d[x] == 0) {
					d[x] = fill;
					filled++;
				}
		}
	free(p.c);
	return filled;
}

long
mdf_vox_components(const struct mdf_vox *v)
{
	enum { SEEN = 3 };
	struct pad p;
	size_t *stack, n, top;
	ptrdiff_t d[6];
	long comps = 0;

	if (pad_init(&p, v) < 0)
		return MDF_E_NOMEM;
	n = p.sz * p.m[2];
	if ((stack = malloc(n * sizeof *stack)) == NULL) {
		free(p.c);
		return MDF_E_NOMEM;
	}
	d[0] = 1;
	d[1] = -1;
	d[2] = (ptrdiff_t)p.sy;
	d[3] = -(ptrdiff_t)p.sy;
	d[4] = (ptrdiff_t)p.sz;
	d[5] = -(ptrdiff_t)p.sz;
	/* The border is never material, so neighbours stay in the array. */
	for (size_t i = 0; i < n; i++) {
		if (p.c[i] != P_SOLID)
			continue;
		comps++;
		p.c[i] = SEEN;
		top = 0;
		stack[top++] = i;
		while (top > 0) {
			size_t c = stack[--top];

			for (int k = 0; k < 6; k++) {
				size_t j = (size_t)((ptrdiff_t)c + d[k]);

				if (p.c[j] == P_SOLID) {
					p.c[j] = SEEN;
					stack[top++] = j;
				}
			}
		}
	}
	free(stack);
	free(p.c);
	return comps;
}

/* --- Meshing --------------------------------------------------------- */

/* A merged rectangle of cell faces on the plane coord[a] = p, spanning
 * [u0,u1] x [v0,v1] in the plane's axes u = (a+1)%3, v = (a+2)%3, whose
 * cross product is +a.  SIGN +1: the material is on the low side. */
struct rect {
	int a, p, u0, v0, u1, v1, sign;
};

struct out {
	float *tri;
	size_t n, cap;
	double origin[3], cell;
};

/* Lattice point (in half units, to hold rectangle centres exactly). */
struct lpt {
	int h[3];
};

static int
emit(struct out *o, const struct rect *r, struct lpt p0, struct lpt p1,
    struct lpt p2)
{
	float *t;

	if (o->n == o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 1024;
		float *nt = realloc(o->tri, cap * 12 * sizeof *nt);

		if (nt == NULL)
			return MDF_E_NOMEM;
		o->tri = nt;
		o->cap = cap;
	}
	t = o->tri + 12 * o->n++;
	t[0] = t[1] = t[2] = 0.0f;
	t[r->a] = (float)r->sign;
	if (r->sign < 0) {  /* clockwise in (u, v): swap to face -a */
		struct lpt s = p1;

		p1 = p2;
		p2 = s;
	}
	for (int k = 0; k < 3; k++) {
		t[3 + k] = (float)(o->origin[k] + o->cell * p0.h[k] / 2.0);
		t[6 + k] = (float)(o->origin[k] + o->cell * p1.h[k] / 2.0);
		t[9 + k] = (float)(o->origin[k] + o->cell * p2.h[k] / 2.0);
	}
	return MDF_OK;
}

static struct lpt
plane_pt(const struct rect *r, int hu, int hv)
{
	struct lpt q;

	q.h[r->a] = 2 * r->p;
	q.h[(r->a + 1) % 3] = hu;
	q.h[(r->a + 2) % 3] = hv;
	return q;
}

static size_t
vidx(const struct mdf_vox *v, const int q[3])
{
	return ((size_t)q[2] * (size_t)(v->n[1] + 1) + (size_t)q[1]) *
	    (size_t)(v->n[0] + 1) + (size_t)q[0];
}

/* Triangulate one rectangle with every marked vertex on its border. */
static int
mesh_rect(const struct mdf_vox *v, const unsigned char *vert,
    const struct rect *r, struct out *o, struct lpt **poly, size_t *polycap)
{
	/* corners counter-clockwise in (u, v) */
	const int cu[4] = {r->u0, r->u1, r->u1, r->u0};
	const int cv[4] = {r->v0, r->v0, r->v1, r->v1};
	size_t corner[4], n = 0;
	size_t need = 2 * (size_t)((r->u1 - r->u0) + (r->v1 - r->v0)) + 1;
	int extra[4];
	int rc;

	if (need > *polycap) {
		struct lpt *np = realloc(*poly, need * sizeof *np);

		if (np == NULL)
			return MDF_E_NOMEM;
		*poly = np;
		*polycap = need;
	}
	for (int e = 0; e < 4; e++) {
		int du = (cu[(e + 1) % 4] > cu[e]) - (cu[(e + 1) % 4] < cu[e]);
		int dv = (cv[(e + 1) % 4] > cv[e]) - (cv[(e + 1) % 4] < cv[e]);
		int u = cu[e], w = cv[e];

		corner[e] = n;
		(*poly)[n++] = plane_pt(r, 2 * u, 2 * w);
		extra[e] = 0;
		for (u += du, w += dv; u != cu[(e + 1) % 4] || w != cv[(e + 1) % 4];
		    u += du, w += dv) {
			int q[3];

			q[r->a] = r->p;
			q[(r->a + 1) % 3] = u;
			q[(r->a + 2) % 3] = w;
			if (vert[vidx(v, q)]) {
				(*poly)[n++] = plane_pt(r, 2 * u, 2 * w);
				extra[e]++;
			}
		}
	}
	if (n == 4) {
		if ((rc = emit(o, r, (*poly)[0], (*poly)[1], (*poly)[2])) < 0)
			return rc;
		return emit(o, r, (*poly)[0], (*poly)[2], (*poly)[3]);
	}
	/* Fan from a corner whose two edges are unsplit: no triangle of the
	 * fan then has its three points on one line. */
	for (int k = 0; k < 4; k++) {
		if (extra[k] || extra[(k + 3) % 4])
			continue;
		for (size_t j = 1; j + 1 < n; j++) {
			rc = emit(o, r, (*poly)[corner[k]], (*poly)[(corner[k] + j) % n],
			    (*poly)[(corner[k] + j + 1) % n]);
			if (rc < 0)
				return rc;
		}
		return MDF_OK;
	}
	/* Otherwise fan from the centre, which lies on no border line. */
	{
		struct lpt c = plane_pt(r, r->u0 + r->u1, r->v0 + r->v1);

		for (size_t j = 0; j < n; j++)
			if ((rc = emit(o, r, c, (*poly)[j], (*poly)[(j + 1) % n])) < 0)
				return rc;
	}
	return MDF_OK;
}

int
mdf_vox_mesh(const struct mdf_vox *v, const double origin[3], double cell,
    float **tri, size_t *ntri)
{
	struct rect *rects = NULL;
	size_t nrect = 0, rcap = 0;
	unsigned char *vert = NULL;
	signed char *mask = NULL;
	struct lpt *poly = NULL;
	size_t polycap = 0;
	struct out o;
	struct pad pd;
	size_t nv, maxplane = 0, step[3];
	int rc = MDF_E_NOMEM;

	memset(&o, 0, sizeof o);
	memcpy(o.origin, origin, sizeof o.origin);
	o.cell = cell;
	*tri = NULL;
	*ntri = 0;
	nv = (size_t)(v->n[0] + 1) * (size_t)(v->n[1] + 1) * (size_t)(v->n[2] + 1);
	for (int a = 0; a < 3; a++) {
		size_t s = (size_t)v->n[(a + 1) % 3] * (size_t)v->n[(a + 2) % 3];

		if (s > maxplane)
			maxplane = s;
	}
	pd.c = NULL;
	vert = calloc(nv, 1);
	mask = malloc(maxplane);
	if (vert == NULL || mask == NULL || pad_init(&pd, v) < 0)
		goto out;
	step[0] = 1;
	step[1] = pd.sy;
	step[2] = pd.sz;

	/* Greedy rectangles of equally oriented faces, plane by plane. */
	for (int a = 0; a < 3; a++) {
		int ua = (a + 1) % 3, va = (a + 2) % 3;
		int nu = v->n[ua], nvv = v->n[va];

		for (int p = 0; p <= v->n[a]; p++) {
			for (int j = 0; j < nvv; j++)
				for (int i = 0; i < nu; i++) {
					size_t q[3], c;
					int s0, s1;

					/* padded coordinates of the cell above the plane */
					q[a] = (size_t)p + 1;
					q[ua] = (size_t)i + 1;
					q[va] = (size_t)j + 1;
					c = q[2] * pd.sz + q[1] * pd.sy + q[0];
					s0 = pd.c[c - step[a]] == P_SOLID;
					s1 = pd.c[c] == P_SOLID;
					mask[(size_t)j * (size_t)nu + (size_t)i] =
					    (signed char)(s0 && !s1 ? 1 : !s0 && s1 ? -1 : 0);
				}
			for (int j = 0; j < nvv; j++)
				for (int i = 0; i < nu; i++) {
					signed char s = mask[(size_t)j * (size_t)nu + (size_t)i];
					int w, h, ok;

					if (s == 0)
						continue;
					for (w = 1; i + w < nu &&
					    mask[(size_t)j * (size_t)nu + (size_t)(i + w)] == s; w++)
						;
					for (h = 1, ok = 1; j + h < nvv && ok; ) {
						for (int k = 0; k < w; k++)
							if (mask[(size_t)(j + h) * (size_t)nu +
							    (size_t)(i + k)] != s) {
								ok = 0;
								break;
							}
						if (ok)
							h++;
					}
					for (int jj = j; jj < j + h; jj++)
						memset(mask + (size_t)jj * (size_t)nu + (size_t)i, 0,
						    (size_t)w);
					if (nrect == rcap) {
						size_t cap = rcap ? 2 * rcap : 256;
						struct rect *nr = realloc(rects, cap * sizeof *nr);

						if (nr == NULL)
							goto out;
						rects = nr;
						rcap = cap;
					}
					rects[nrect].a = a;
					rects[nrect].p = p;
					rects[nrect].u0 = i;
					rects[nrect].v0 = j;
					rects[nrect].u1 = i + w;
					rects[nrect].v1 = j + h;
					rects[nrect].sign = s;
					nrect++;
					for (int c = 0; c < 4; c++) {
						int q[3];

						q[a] = p;
						q[ua] = c & 1 ? i + w : i;
						q[va] = c & 2 ? j + h : j;
						vert[vidx(v, q)] = 1;
					}
				}
		}
	}
	for (size_t k = 0; k < nrect; k++)
		if ((rc = mesh_rect(v, vert, &rects[k], &o, &poly, &polycap)) < 0)
			goto out;
	*tri = o.tri;
	*ntri = o.n;
	o.tri = NULL;
	rc = MDF_OK;
out:
	free(o.tri);
	free(poly);
	free(rects);
	free(vert);
	free(mask);
	free(pd.c);
	return rc;
}
