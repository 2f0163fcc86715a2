/*
 * The renderer and the per-mesh preparation of the rasteriser (see
 * rasterint.h): options, the renderer's buffers, the index of unique
 * vertices (an STL repeats every vertex about six times, so projecting
 * unique vertices is several times cheaper), face normals and colours
 * from the winding, the closedness check that allows culling, and the
 * normal cones of the AVX-512 walk.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/mesh.h"
#include "rasterint.h"

void
mdf_render_opts_default(struct mdf_render_opts *o)
{
	memset(o, 0, sizeof *o);
	o->size = 64;
	o->ssaa = 1;
	o->fov = 0;
	o->normals = MDF_NORMALS_WORLD;
	o->backfaces = MDF_BACKFACES_AUTO;
	o->threads = 1;
}

int
mdf_render_opts_check(const struct mdf_render_opts *o, char *why,
    size_t whylen)
{
	const char *bad = NULL;

	if (o->size < 1 || o->size > MDF_RENDER_MAX_SIZE)
		bad = "size out of range";
	else if (o->ssaa < 1 || o->ssaa > MDF_RENDER_MAX_SSAA)
		bad = "supersampling factor out of range";
	else if ((uint64_t)o->size * o->ssaa > MDF_RENDER_MAX_SAMPLES)
		bad = "size times supersampling factor exceeds 8192";
	else if (!(o->fov >= 0 && o->fov < 180))
		bad = "field of view must be in (0, 180) degrees";
	else if (o->normals != MDF_NORMALS_WORLD &&
	    o->normals != MDF_NORMALS_CAMERA)
		bad = "unknown normal space";
	else if (o->backfaces != MDF_BACKFACES_DRAW &&
	    o->backfaces != MDF_BACKFACES_CULL &&
	    o->backfaces != MDF_BACKFACES_AUTO)
		bad = "unknown back-face mode";
	else if (o->threads < 1 || o->threads > MDF_RENDER_MAX_THREADS)
		bad = "thread count out of range";
	if (bad == NULL)
		return 0;
	if (why != NULL)
		snprintf(why, whylen, "%s", bad);
	return MDF_E_INVAL;
}

uint64_t
mdf_mesh_digest(const struct mdf_mesh *m)
{
	const unsigned char *p = (const unsigned char *)m->tri;
	size_t len = (size_t)m->n * MDF_MESH_TRI_BYTES;
	uint64_t h = 0xcbf29ce484222325u ^ m->n;

	/* FNV-1a on 64-bit words, then a final mix */
	for (size_t i = 0; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3u;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	return h;
}

static void
worker_free(struct worker *w)
{
	free(w->z);
	free(w->c);
	free(w->p);
	free(w->cell);
	free(w->mask);
	free(w->cand);
	free(w->px);
	free(w->py);
	free(w->pq);
}

struct mdf_renderer *
mdf_renderer_new(const struct mdf_render_opts *o)
{
	struct mdf_renderer *rd;
	size_t ns;

	if (mdf_render_opts_check(o, NULL, 0) < 0)
		return NULL;
	rd = calloc(1, sizeof *rd);
	if (rd == NULL)
		return NULL;
	rd->o = *o;
	rd->s = o->size * o->ssaa;
	rd->nw = o->threads;
#if defined(RENDER_AVX512)
	/* MILLDIR_RENDER_PORTABLE=1: the portable walk, for the tests that
	 * compare the two */
	{
		const char *e = getenv("MILLDIR_RENDER_PORTABLE");

		rd->avx512 = __builtin_cpu_supports("avx512f") &&
		    __builtin_cpu_supports("avx512cd") &&
		    !(e != NULL && strcmp(e, "1") == 0);
	}
#endif
	rd->w = calloc(rd->nw, sizeof *rd->w);
	if (rd->w == NULL) {
		free(rd);
		return NULL;
	}
	ns = (size_t)rd->s * rd->s;
	for (unsigned i = 0; i < rd->nw; i++) {
		rd->w[i].rd = rd;
		rd->w[i].z = malloc(ns * sizeof(float));
		rd->w[i].c = malloc(ns * sizeof(uint32_t));
		if (rd->w[i].z == NULL || rd->w[i].c == NULL) {
			mdf_renderer_free(rd);
			return NULL;
		}
	}
	return rd;
}

void
mdf_renderer_free(struct mdf_renderer *rd)
{
	if (rd == NULL)
		return;
	mdf_render_finish(rd);
	for (unsigned i = 0; i < rd->nw; i++)
		worker_free(&rd->w[i]);
	free(rd->w);
	free(rd->v);
	free(rd->idx);
	free(rd->nrm);
	free(rd->col);
	free(rd->sx);
	free(rd->sy);
	free(rd->sz);
	free(rd->estart);
	free(rd->edst);
	free(rd->emark);
	free(rd->fx);
	free(rd->fy);
	free(rd->fz);
	free(rd->hash);
	free(rd->ia);
	free(rd->cone);
	free(rd);
}

int
rast_grow(void **p, size_t *cap, size_t need, size_t elem)
{
	void *np;
	size_t nc;

	if (need <= *cap)
		return 0;
	nc = *cap ? *cap : 1024;
	while (nc < need)
		nc *= 2;
	np = realloc(*p, nc * elem);
	if (np == NULL)
		return MDF_E_NOMEM;
	*p = np;
	*cap = nc;
	return 0;
}

/* vertex bits with -0 folded into +0 */
static uint32_t
fbits(float f)
{
	uint32_t b;

	memcpy(&b, &f, 4);
	return b == 0x80000000u ? 0 : b;
}

static uint32_t
vertex_hash(uint32_t bx, uint32_t by, uint32_t bz)
{
	uint32_t h = bx * 0x9e3779b1u ^ by * 0x85ebca77u ^ bz * 0xc2b2ae3du;

	h ^= h >> 15;
	h *= 0x2c1b3c6du;
	h ^= h >> 12;
	return h;
}

/* Set the vertex table to SIZE slots (a power of 2, at most hcap) and
 * put the vertices so far back in.  The table starts small and doubles,
 * so that it stays in cache: a vertex's index is the order of its first
 * appearance whatever the table's size. */
static void
vertex_rehash(struct mdf_renderer *rd, size_t size)
{
	size_t mask = size - 1;

	rd->hsize = size;
	memset(rd->hash, 0, size * sizeof *rd->hash);
	for (size_t k = 0; k < rd->nv; k++) {
		uint32_t b[3];
		size_t i;

		memcpy(b, rd->v + 3 * k, sizeof b);
		for (i = vertex_hash(b[0], b[1], b[2]) & mask;
		    rd->hash[i].i != 0; i = (i + 1) & mask)
			;
		memcpy(rd->hash[i].b, b, sizeof b);
		rd->hash[i].i = (uint32_t)k + 1;
	}
}

/* Fetch the slot of vertex P ahead of its vertex_index(). */
static inline void
vertex_prefetch(const struct mdf_renderer *rd, const float *p)
{
#if defined(__GNUC__)
	__builtin_prefetch(rd->hash + (vertex_hash(fbits(p[0]), fbits(p[1]),
	    fbits(p[2])) & (rd->hsize - 1)));
#else
	(void)rd, (void)p;
#endif
}

/* Index of vertex P, adding it if new. */
static uint32_t
vertex_index(struct mdf_renderer *rd, const float *p)
{
	uint32_t bx = fbits(p[0]), by = fbits(p[1]), bz = fbits(p[2]);
	uint32_t cb[3] = { bx, by, bz };
	uint32_t h = vertex_hash(bx, by, bz);
	size_t mask = rd->hsize - 1;
	size_t i;
	struct hent *e;

	for (i = h & mask;; i = (i + 1) & mask) {
		e = rd->hash + i;
		if (e->i == 0)
			break;
		/* stored vertices are canonical: raw bits compare */
		if (e->b[0] == bx && e->b[1] == by && e->b[2] == bz)
			return e->i - 1;
	}
	memcpy(rd->v + 3 * rd->nv, cb, sizeof cb);
	memcpy(e->b, cb, sizeof cb);
	e->i = (uint32_t)++rd->nv;
	return (uint32_t)(rd->nv - 1);
}

/* Is the indexed mesh closed (every directed edge has exactly one
 * reverse), consistently wound (no directed edge twice), and of positive
 * signed volume (mdf_mesh_volume() of M)?  Then every face turned away from the camera lies behind
 * one turned towards it, and culling back faces changes nothing but the
 * time.  0 when unsure, or without memory for the check.  The edges are
 * grouped by their first vertex and by their second (counting sorts),
 * which walks memory far more kindly than a hash table of all edges. */
static int
closed_outward(struct mdf_renderer *rd, const struct mdf_mesh *m)
{
	size_t n = rd->nt, nv = rd->nv;
	const uint32_t *idx = rd->idx;
	uint32_t *start, *dst, *mark, *rstart, *src;

	if (rast_grow((void **)&rd->estart, &rd->escap, 2 * (nv + 1),
	    sizeof(uint32_t)) < 0 ||
	    rast_grow((void **)&rd->edst, &rd->edcap, 6 * n,
	    sizeof(uint32_t)) < 0 ||
	    rast_grow((void **)&rd->emark, &rd->emcap, nv,
	    sizeof(uint32_t)) < 0)
		return 0;
	start = rd->estart, rstart = start + nv + 1;
	dst = rd->edst, src = dst + 3 * n;
	mark = rd->emark;
	/* each corner starts one edge and ends another: count, sum, then
	 * place them (a -> b as b in the list of a, a in the one of b) */
	memset(start, 0, 2 * (nv + 1) * sizeof *start);
	for (size_t t = 0; t < n; t++) {
		const uint32_t *ix = idx + 3 * t;

		start[ix[0] + 1]++, start[ix[1] + 1]++, start[ix[2] + 1]++;
		rstart[ix[1] + 1]++, rstart[ix[2] + 1]++, rstart[ix[0] + 1]++;
	}
	for (size_t a = 0; a < nv; a++) {
		start[a + 1] += start[a];
		rstart[a + 1] += rstart[a];
		/* as many edges in as out, or some edge has no reverse */
		if (start[a + 1] - start[a] != rstart[a + 1] - rstart[a])
			return 0;
	}
	for (size_t t = 0; t < n; t++) {
		const uint32_t *ix = idx + 3 * t;

		dst[start[ix[0]]++] = ix[1];
		dst[start[ix[1]]++] = ix[2];
		dst[start[ix[2]]++] = ix[0];
		src[rstart[ix[1]]++] = ix[0];
		src[rstart[ix[2]]++] = ix[1];
		src[rstart[ix[0]]++] = ix[2];
	}
	/* the placing moved each start to the next one's */
	memmove(start + 1, start, nv * sizeof *start);
	memmove(rstart + 1, rstart, nv * sizeof *rstart);
	start[0] = rstart[0] = 0;
	/* MARK[b] is a + 1 once a -> b has been seen: the same edge twice
	 * the same way is a repeat; then every x -> a must have its
	 * a -> x.  Without repeats, and with as many edges into a as out
	 * of it, that pairs all edges of a with their reverses. */
	memset(mark, 0, nv * sizeof *mark);
	for (size_t a = 0; a < nv; a++) {
		for (uint32_t j = start[a]; j < start[a + 1]; j++) {
			if (mark[dst[j]] == a + 1)
				return 0;
			mark[dst[j]] = (uint32_t)a + 1;
		}
		for (uint32_t j = rstart[a]; j < rstart[a + 1]; j++)
			if (mark[src[j]] != a + 1)
				return 0;
	}
	return mdf_mesh_volume(m->tri, m->n) > 0;
}


/* The normal cones of the groups of 16 triangles: a view direction
 * further than 90 degrees plus a margin from every normal of a group
 * turns all of them clearly away (facing() culls them all), and the
 * AVX-512 walk skips the group without reading it.  A group whose
 * normals spread too far gets a cone that never skips. */
static void
normal_cones(struct mdf_renderer *rd)
{
	size_t ng = (rd->nt + 15) / 16, stride = rd->iacap / 16 + 16;
	float *cx = rd->cone, *cy = cx + stride, *cz = cy + stride;
	float *cc = cz + stride, *cs = cc + stride;

	for (size_t g = 0; g < round16(ng); g++) {
		size_t t0 = 16 * g, t1 = t0 + 16 < rd->nt ? t0 + 16 : rd->nt;
		double a[3] = { 0, 0, 0 }, len, cmin = 1;

		cx[g] = cy[g] = cz[g] = 0;
		cc[g] = -2, cs[g] = 0; /* never */
		if (g >= ng)
			continue;
		for (size_t t = t0; t < t1; t++) {
			a[0] += rd->fx[t], a[1] += rd->fy[t], a[2] += rd->fz[t];
		}
		len = sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
		if (!(len > 1e-3 * (double)(t1 - t0)))
			continue;
		for (int k = 0; k < 3; k++)
			a[k] /= len;
		for (size_t t = t0; t < t1; t++) {
			double n[3] = { rd->fx[t], rd->fy[t], rd->fz[t] };
			double c = (a[0] * n[0] + a[1] * n[1] + a[2] * n[2]) /
			    sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);

			cmin = c < cmin ? c : cmin;
		}
		/* half-angle, widened for the float roundings */
		double th = acos(cmin < -1 ? -1 : cmin > 1 ? 1 : cmin) + 1e-4;

		if (th >= M_PI / 2)
			continue;
		cx[g] = (float)a[0], cy[g] = (float)a[1], cz[g] = (float)a[2];
		cc[g] = (float)cos(th), cs[g] = (float)sin(th);
	}
}

/* Size the per-mesh buffers for mesh M and empty the vertex table. */
static int
prepare_buffers(struct mdf_renderer *rd, const struct mdf_mesh *m, char *why,
    size_t whylen)
{
	size_t n = (size_t)m->n, hneed = 1024, hfirst = 1024;

	if (m->n > UINT32_MAX / 3) {
		snprintf(why, whylen, "mesh of %llu triangles is too large",
		    (unsigned long long)m->n);
		return MDF_E_LIMIT;
	}
	while (hneed < 6 * n) /* load factor at most 1/2 */
		hneed *= 2;
	while (hfirst < n) /* room for the n / 2 vertices of a closed mesh */
		hfirst *= 2;
	if (rast_grow((void **)&rd->v, &rd->vcap, 3 * n,
	    3 * sizeof(float)) < 0 ||
	    rast_grow((void **)&rd->idx, &rd->tcap, n,
	    3 * sizeof(uint32_t)) < 0)
		return MDF_E_NOMEM;
	/* nrm and col follow idx's capacity */
	{
		float *nn = realloc(rd->nrm, rd->tcap * 3 * sizeof(float));
		uint32_t *nc;

		if (nn == NULL)
			return MDF_E_NOMEM;
		rd->nrm = nn;
		nc = realloc(rd->col, rd->tcap * sizeof(uint32_t));
		if (nc == NULL)
			return MDF_E_NOMEM;
		rd->col = nc;
	}
	if (hneed > rd->hcap) {
		free(rd->hash);
		rd->hash = malloc(hneed * sizeof *rd->hash);
		if (rd->hash == NULL) {
			rd->hcap = 0;
			return MDF_E_NOMEM;
		}
		rd->hcap = hneed;
	}
	rd->nv = rd->nt = 0;
	rd->use512 = 0;
	vertex_rehash(rd, hfirst < hneed ? hfirst : hneed);
	return 0;
}

/* The kept triangles of M (those with area) in rd->idx, their normals
 * and colours, the unique vertices in rd->v; MDF_E_META for a vertex
 * that is not finite. */
static int
index_triangles(struct mdf_renderer *rd, const struct mdf_mesh *m, char *why,
    size_t whylen)
{
	size_t n = (size_t)m->n;


#if defined(RENDER_AVX512)
	double nb[3][8], lb[8];
#endif

	for (size_t t = 0; t < n; t++) {
		const float *p = m->tri + t * MDF_MESH_TRI_FLOATS + 3;
		double e1[3], e2[3], c[3], len;

		/* up to 3 new vertices; nv + 3 <= 3 n keeps this within
		 * hcap */
		if ((rd->nv + 3) * 2 > rd->hsize) {
			size_t size = rd->hsize;

			while ((rd->nv + 3) * 2 > size)
				size *= 2;
			vertex_rehash(rd, size);
		}

		float bad = 0;

		/* the slots of a triangle a few ahead: the table is larger
		 * than the caches for large meshes */
		if (t + 8 < n) {
			const float *pn = p + 8 * MDF_MESH_TRI_FLOATS;

			vertex_prefetch(rd, pn);
			vertex_prefetch(rd, pn + 3);
			vertex_prefetch(rd, pn + 6);
		}
		for (int k = 0; k < 9; k++)
			bad += p[k] - p[k]; /* NaN unless all are finite */
		for (int k = 0; bad != 0 && k < 9; k++) {
			if (!isfinite(p[k])) {
				snprintf(why, whylen, "triangle %zu: vertex %d "
				    "is not a finite number", t + 1, k / 3);
				return MDF_E_META;
			}
		}
#if defined(RENDER_AVX512)
		/* eight at a time, the same bits */
		if (rd->avx512 && t / 8 * 8 + 8 <= n) {
			if (t % 8 == 0)
				rast_normals8_avx512(m->tri, t, nb, lb);
			len = lb[t % 8];
			if (len == 0)
				continue;
			for (int k = 0; k < 3; k++) {
				c[k] = nb[k][t % 8];
				rd->nrm[3 * rd->nt + k] = (float)c[k];
			}
			goto normal;
		}
#endif
		for (int k = 0; k < 3; k++) {
			e1[k] = (double)p[3 + k] - p[k];
			e2[k] = (double)p[6 + k] - p[k];
		}
		c[0] = e1[1] * e2[2] - e1[2] * e2[1];
		c[1] = e1[2] * e2[0] - e1[0] * e2[2];
		c[2] = e1[0] * e2[1] - e1[1] * e2[0];
		len = sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
		if (len == 0)
			continue; /* no area, no pixels, no normal */
		for (int k = 0; k < 3; k++) {
			c[k] /= len;
			rd->nrm[3 * rd->nt + k] = (float)c[k];
		}
#if defined(RENDER_AVX512)
normal:
#endif
		rd->col[rd->nt] = pack_normal(c[0], c[1], c[2]);
		for (int k = 0; k < 3; k++)
			rd->idx[3 * rd->nt + k] = vertex_index(rd, p + 3 * k);
		rd->nt++;
	}
	return 0;
}

/* The bounding box and sphere of the unique vertices. */
static void
bounds(struct mdf_renderer *rd)
{
	double lo[3] = { HUGE_VAL, HUGE_VAL, HUGE_VAL };
	double hi[3] = { -HUGE_VAL, -HUGE_VAL, -HUGE_VAL };
	double r2 = 0;

	for (size_t i = 0; i < rd->nv; i++) {
		for (int a = 0; a < 3; a++) {
			double x = rd->v[3 * i + a];

			lo[a] = x < lo[a] ? x : lo[a];
			hi[a] = x > hi[a] ? x : hi[a];
		}
	}
	for (int a = 0; a < 3; a++) {
		rd->ctr[a] = (lo[a] + hi[a]) / 2;
		rd->lo[a] = lo[a], rd->hi[a] = hi[a];
	}
	for (size_t i = 0; i < rd->nv; i++) {
		double dx = rd->v[3 * i] - rd->ctr[0];
		double dy = rd->v[3 * i + 1] - rd->ctr[1];
		double dz = rd->v[3 * i + 2] - rd->ctr[2];
		double d2 = dx * dx + dy * dy + dz * dz;

		if (d2 > r2)
			r2 = d2;
	}
	rd->rad = sqrt(r2);
}

/* Closedness, and the arrays the walks read: normals and vertices by
 * axis, padded; the AVX-512 walk's indices and normal cones. */
static int
walk_arrays(struct mdf_renderer *rd, const struct mdf_mesh *m)
{
	rd->closed = closed_outward(rd, m);
	if (round16(rd->nt) > rd->fcap) {
		size_t cap = round16(rd->nt);

		free(rd->fx), free(rd->fy), free(rd->fz);
		rd->fx = malloc(cap * sizeof(float));
		rd->fy = malloc(cap * sizeof(float));
		rd->fz = malloc(cap * sizeof(float));
		if (rd->fx == NULL || rd->fy == NULL || rd->fz == NULL) {
			rd->fcap = 0;
			return MDF_E_NOMEM;
		}
		rd->fcap = cap;
	}
	for (size_t t = 0; t < round16(rd->nt); t++) {
		int in = t < rd->nt;

		rd->fx[t] = in ? rd->nrm[3 * t] : 0;
		rd->fy[t] = in ? rd->nrm[3 * t + 1] : 0;
		rd->fz[t] = in ? rd->nrm[3 * t + 2] : 0;
	}
	if (round16(rd->nv) > rd->scap) {
		size_t cap = round16(rd->nv);

		free(rd->sx), free(rd->sy), free(rd->sz);
		rd->sx = malloc(cap * sizeof(float));
		rd->sy = malloc(cap * sizeof(float));
		rd->sz = malloc(cap * sizeof(float));
		if (rd->sx == NULL || rd->sy == NULL || rd->sz == NULL) {
			rd->scap = 0;
			return MDF_E_NOMEM;
		}
		rd->scap = cap;
	}
	/* padding repeats vertex 0, so that whole groups project */
	for (size_t i = 0; i < round16(rd->nv); i++) {
		size_t j = i < rd->nv ? i : 0;

		rd->sx[i] = rd->v[3 * j];
		rd->sy[i] = rd->v[3 * j + 1];
		rd->sz[i] = rd->v[3 * j + 2];
	}
	/* the gathers of the AVX-512 walk index with int32 */
	rd->use512 = rd->avx512 && rd->nv < ((size_t)1 << 28) &&
	    rd->nt < ((size_t)1 << 28);
	if (rd->use512) {
		size_t cap = round16(rd->nt);

		if (cap > rd->iacap) {
			free(rd->ia);
			free(rd->cone);
			rd->ia = malloc(3 * cap * sizeof(uint32_t));
			rd->cone = malloc(5 * (cap / 16 + 16) * sizeof(float));
			rd->iacap = rd->ia != NULL && rd->cone != NULL ?
			    cap : 0;
			if (rd->iacap == 0)
				return MDF_E_NOMEM;
		}
		normal_cones(rd);
		/* padding names vertex 0 */
		for (size_t t = 0; t < rd->iacap; t++) {
			for (int k = 0; k < 3; k++)
				rd->ia[k * rd->iacap + t] = t < rd->nt ?
				    rd->idx[3 * t + k] : 0;
		}
	}
	return 0;
}

/* Per-mesh preparation: finite check, normals, colours, unique vertices,
 * bounding sphere. */
int
rast_prepare(struct mdf_renderer *rd, const struct mdf_mesh *m, char *why,
    size_t whylen)
{
	int rc;

	if ((rc = prepare_buffers(rd, m, why, whylen)) < 0 ||
	    (rc = index_triangles(rd, m, why, whylen)) < 0)
		return rc;
	if (rd->nt == 0) {
		rd->rad = 0;
		for (int a = 0; a < 3; a++)
			rd->lo[a] = HUGE_VAL, rd->hi[a] = -HUGE_VAL;
		return 0;
	}
	bounds(rd);
	return walk_arrays(rd, m);
}
