/*
 * Normal-map rasteriser; see milldir/render.h and normrender(1).
 *
 * Per mesh, once: face colours from the winding, and an index of unique
 * vertices (an STL repeats every vertex about six times, so projecting
 * unique vertices is several times cheaper).  Per view: project the
 * unique vertices to 24.8 fixed point, then walk the triangles in order.
 * Parts of 100k triangles give sub-pixel triangles at 64 px, so the walk
 * is built to reject a triangle whose box holds no pixel centre before
 * any other work, and to draw one whose box spans at most 4x4 centres
 * (nearly all the rest) with its three edges in the lanes of one SSE2
 * register; larger or clipped triangles take the general loop.  Where
 * the processor has AVX-512, a walk of sixteen triangles at a time with
 * the same arithmetic replaces it (same bytes, MILLDIR_RENDER_PORTABLE=1
 * forces the portable one).
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
/* the AVX-512 walk, chosen at run time */
#define RENDER_AVX512 1
#include <immintrin.h>
#if defined(__clang__)
#define AVX512 __attribute__((target("avx512f,avx512cd")))
#else
/* no contraction into fused multiply-adds: every rounding as in the
 * portable path */
#define AVX512 __attribute__((target("avx512f,avx512cd"), \
    optimize("fp-contract=off")))
#endif
#endif

#include "milldir/render.h"

#define SUB 8                   /* sub-pixel bits */
#define ONE (1 << SUB)
#define HALF (ONE / 2)
/* floor(v / ONE) for v > -FLOOR_BIAS without relying on signed shifts */
#define FLOOR_BIAS (1 << 28)
#define FDIV(v) ((int32_t)(((uint32_t)((v) + FLOOR_BIAS)) >> SUB) - \
    (FLOOR_BIAS >> SUB))
/* a function kept out of line so that its caller's loop stays small */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* a projected vertex: fixed-point position (y down) and depth key */
struct pv {
	int32_t x, y;
	float q;
	int32_t pad;
};

/* Per vertex, the pixel centres around it as four int16 lanes: the first
 * centre column and row at or after it, and the negated last ones at or
 * before it.  The lane-wise minimum over a triangle's vertices is its box
 * of centres (x0, y0, -x1, -y1), one SIMD min away. */
static inline uint64_t
pack_cell(int32_t x, int32_t y)
{
	int32_t x0 = FDIV(x + HALF - 1), y0 = FDIV(y + HALF - 1);
	int32_t x1 = FDIV(x - HALF), y1 = FDIV(y - HALF);

	return (uint64_t)(uint16_t)x0 | (uint64_t)(uint16_t)y0 << 16 |
	    (uint64_t)(uint16_t)-x1 << 32 | (uint64_t)(uint16_t)-y1 << 48;
}

/* the candidates of the AVX-512 walk: triangle and its vertices */
#define NCAND 4

struct worker {
	struct mdf_renderer *rd;
	float *z;      /* depth per sample: larger is nearer */
	uint32_t *c;   /* colour per sample (R | G << 8 | B << 16), or count */
	struct pv *p;   /* projected unique vertices */
	uint64_t *cell; /* their pack_cell() */
	unsigned char *mask; /* per 4 triangles: the ones to walk */
	size_t mcap;
	size_t vcap;
	int32_t *px, *py; /* AVX-512 walk: projected vertices, by axis, */
	float *pq;        /* or x | y << 16 in px (packed) */
	int packed;
	uint32_t *cand;  /* AVX-512 walk: NCAND arrays of candidates */
	size_t ccap;     /* entries of each */
	pthread_t tid;
};

/* a slot of the vertex table: the vertex's bits, so that a probe reads
 * one line, and its index + 1 (0: empty) */
struct hent {
	uint32_t b[3];
	uint32_t i;
};

struct mdf_renderer {
	struct mdf_render_opts o;
	uint32_t s;            /* samples per side: size * ssaa */
	/* the current mesh */
	float *v;              /* unique vertices, xyz */
	size_t nv, vcap;
	float *sx, *sy, *sz;   /* the same, one array per axis, padded to 4 */
	size_t scap;
	uint32_t *idx;         /* 3 vertex indices per kept triangle */
	uint32_t *ia;          /* the same as 3 arrays of iacap (padded) */
	size_t iacap;
	/* per group of 16 triangles, a cone holding their normals: axis
	 * (x, y, z) and the cosine and sine of its half-angle, as 5 arrays
	 * of iacap / 16 */
	float *cone;
	float *nrm;            /* unit normal per kept triangle */
	float *fx, *fy, *fz;   /* the same per axis, padded to 4 with zeros */
	size_t fcap;
	uint32_t *col;         /* world-normal colour per kept triangle */
	size_t nt, tcap;
	struct hent *hash;     /* open addressing */
	size_t hsize, hcap;    /* slots in use (a power of 2), allocated */
	/* directed edges a -> b grouped by a: those of a are
	 * edst[estart[a] .. estart[a + 1]) */
	uint32_t *estart, *edst, *emark;
	size_t escap, edcap, emcap;
	int closed;            /* closed, consistently wound, outward */
	double ctr[3], rad;    /* bounding sphere */
	/* the current job */
	const struct mdf_view *views;
	size_t nviews;
	unsigned char *px;
	atomic_size_t next;
	struct worker *w;
	unsigned nw;
	int avx512;            /* the AVX-512 walk (same bytes) ... */
	int use512;            /* ... for the current mesh */
	size_t prepared;       /* views the worker buffers are sized for */
	int launched;          /* views handed out, not yet finished */
	unsigned started;      /* threads started for them: w[1 .. started] */
};

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

/* sin and cos of an angle in degrees, exact at multiples of 90 so that
 * axis views see edge-on faces as exactly zero-area */
static void
sincos_deg(double deg, double *s, double *c)
{
	double r = fmod(deg, 360.0);

	if (r < 0)
		r += 360.0;
	if (r == 0) {
		*s = 0, *c = 1;
	} else if (r == 90) {
		*s = 1, *c = 0;
	} else if (r == 180) {
		*s = 0, *c = -1;
	} else if (r == 270) {
		*s = -1, *c = 0;
	} else {
		*s = sin(r * (M_PI / 180));
		*c = cos(r * (M_PI / 180));
	}
}

void
mdf_render_view_grid(uint32_t naz, double az0, double azstep, uint32_t nel,
    const double *els, struct mdf_view *out)
{
	for (uint32_t i = 0; i < nel; i++) {
		double el;

		if (els != NULL)
			el = els[i];
		else if (nel == 1)
			el = 0;
		else
			el = 90.0 - 180.0 * i / (nel - 1);
		for (uint32_t j = 0; j < naz; j++) {
			double az = fmod(az0 + j * azstep, 360.0);

			if (az < 0)
				az += 360.0;
			if (az == 0)
				az = 0; /* no "-0" in metadata */
			out[(size_t)i * naz + j].az = az;
			out[(size_t)i * naz + j].el = el;
		}
	}
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

static int
grow(void **p, size_t *cap, size_t need, size_t elem)
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

static unsigned char
to_byte(double n)
{
	double v = (n + 1) * 127.5 + 0.5;

	if (!(v > 0))
		return 0;
	if (v >= 255)
		return 255;
	return (unsigned char)v;
}

static uint32_t
pack_normal(double x, double y, double z)
{
	return (uint32_t)to_byte(x) | (uint32_t)to_byte(y) << 8 |
	    (uint32_t)to_byte(z) << 16;
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
 * signed volume?  Then every face turned away from the camera lies behind
 * one turned towards it, and culling back faces changes nothing but the
 * time.  0 when unsure, or without memory for the check.  The edges are
 * grouped by their first vertex and by their second (counting sorts),
 * which walks memory far more kindly than a hash table of all edges. */
static int
closed_outward(struct mdf_renderer *rd)
{
	size_t n = rd->nt, nv = rd->nv;
	const uint32_t *idx = rd->idx;
	uint32_t *start, *dst, *mark, *rstart, *src;
	double vol = 0;

	if (grow((void **)&rd->estart, &rd->escap, 2 * (nv + 1),
	    sizeof(uint32_t)) < 0 ||
	    grow((void **)&rd->edst, &rd->edcap, 6 * n, sizeof(uint32_t)) < 0 ||
	    grow((void **)&rd->emark, &rd->emcap, nv, sizeof(uint32_t)) < 0)
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
	for (size_t t = 0; t < n; t++) {
		const uint32_t *ix = idx + 3 * t;
		const float *a = rd->v + 3 * (size_t)ix[0];
		const float *b = rd->v + 3 * (size_t)ix[1];
		const float *c = rd->v + 3 * (size_t)ix[2];

		vol += (double)a[0] * ((double)b[1] * c[2] - (double)b[2] * c[1]) -
		    (double)a[1] * ((double)b[0] * c[2] - (double)b[2] * c[0]) +
		    (double)a[2] * ((double)b[0] * c[1] - (double)b[1] * c[0]);
	}
	return vol > 0;
}

/* arrays read 4 or 16 at a time are padded to a multiple of 16 */
static size_t
round16(size_t n)
{
	return (n + 15) & ~(size_t)15;
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

#if defined(RENDER_AVX512)
/* The unit normals of triangles T .. T + 7 of TRI (N[k][j] for triangle
 * T + j) and the lengths of their cross products (LEN), with the double
 * operations of prepare() in its order. */
AVX512 static void
normals8_avx512(const float *tri, size_t t, double n[3][8], double len[8])
{
	const __m256i base = _mm256_setr_epi32(0, 12, 24, 36, 48, 60, 72, 84);
	const float *p = tri + t * MDF_MESH_TRI_FLOATS + 3;
	__m512d v[9];

	for (int k = 0; k < 9; k++)
		v[k] = _mm512_cvtps_pd(_mm256_i32gather_ps(p + k, base, 4));
	__m512d e1[3], e2[3], c[3], l;

	for (int k = 0; k < 3; k++) {
		e1[k] = _mm512_sub_pd(v[3 + k], v[k]);
		e2[k] = _mm512_sub_pd(v[6 + k], v[k]);
	}
	c[0] = _mm512_sub_pd(_mm512_mul_pd(e1[1], e2[2]),
	    _mm512_mul_pd(e1[2], e2[1]));
	c[1] = _mm512_sub_pd(_mm512_mul_pd(e1[2], e2[0]),
	    _mm512_mul_pd(e1[0], e2[2]));
	c[2] = _mm512_sub_pd(_mm512_mul_pd(e1[0], e2[1]),
	    _mm512_mul_pd(e1[1], e2[0]));
	l = _mm512_sqrt_pd(_mm512_add_pd(_mm512_add_pd(_mm512_mul_pd(c[0],
	    c[0]), _mm512_mul_pd(c[1], c[1])), _mm512_mul_pd(c[2], c[2])));
	_mm512_storeu_pd(len, l);
	for (int k = 0; k < 3; k++)
		_mm512_storeu_pd(n[k], _mm512_div_pd(c[k], l));
}
#endif

/* Per-mesh preparation: finite check, normals, colours, unique vertices,
 * bounding sphere. */
static int
prepare(struct mdf_renderer *rd, const struct mdf_mesh *m, char *why,
    size_t whylen)
{
	size_t n = (size_t)m->n, hneed = 1024, hfirst = 1024;
	double lo[3] = { HUGE_VAL, HUGE_VAL, HUGE_VAL };
	double hi[3] = { -HUGE_VAL, -HUGE_VAL, -HUGE_VAL };
	double r2 = 0;

	if (m->n > UINT32_MAX / 3) {
		snprintf(why, whylen, "mesh of %llu triangles is too large",
		    (unsigned long long)m->n);
		return MDF_E_LIMIT;
	}
	while (hneed < 6 * n) /* load factor at most 1/2 */
		hneed *= 2;
	while (hfirst < n) /* room for the n / 2 vertices of a closed mesh */
		hfirst *= 2;
	if (grow((void **)&rd->v, &rd->vcap, 3 * n, 3 * sizeof(float)) < 0 ||
	    grow((void **)&rd->idx, &rd->tcap, n, 3 * sizeof(uint32_t)) < 0)
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
				normals8_avx512(m->tri, t, nb, lb);
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
	if (rd->nt == 0) {
		rd->rad = 0;
		return 0;
	}
	for (size_t i = 0; i < rd->nv; i++) {
		for (int a = 0; a < 3; a++) {
			double x = rd->v[3 * i + a];

			lo[a] = x < lo[a] ? x : lo[a];
			hi[a] = x > hi[a] ? x : hi[a];
		}
	}
	for (int a = 0; a < 3; a++)
		rd->ctr[a] = (lo[a] + hi[a]) / 2;
	for (size_t i = 0; i < rd->nv; i++) {
		double dx = rd->v[3 * i] - rd->ctr[0];
		double dy = rd->v[3 * i + 1] - rd->ctr[1];
		double dz = rd->v[3 * i + 2] - rd->ctr[2];
		double d2 = dx * dx + dy * dy + dz * dz;

		if (d2 > r2)
			r2 = d2;
	}
	rd->rad = sqrt(r2);
	rd->closed = closed_outward(rd);
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

struct basis {
	double r[3], u[3], d[3];
};

static void
view_basis(const struct mdf_view *v, struct basis *b)
{
	double sa, ca, se, ce;

	sincos_deg(v->az, &sa, &ca);
	sincos_deg(v->el, &se, &ce);
	b->d[0] = ce * ca, b->d[1] = ce * sa, b->d[2] = se;
	b->r[0] = -sa, b->r[1] = ca, b->r[2] = 0;
	/* u = d x r */
	b->u[0] = b->d[1] * b->r[2] - b->d[2] * b->r[1];
	b->u[1] = b->d[2] * b->r[0] - b->d[0] * b->r[2];
	b->u[2] = b->d[0] * b->r[1] - b->d[1] * b->r[0];
}

#if defined(__SSE2__) && defined(__x86_64__)
/* The orthographic projection four vertices at a time, with the same
 * single-precision operations in the same order as the scalar loop. */
static void
project_sse(struct mdf_renderer *rd, struct worker *w, float ax, float ay,
    float az, float ta, float bx, float by, float bz, float tb, float dx,
    float dy, float dz, float td)
{
	const __m128 vax = _mm_set1_ps(ax), vay = _mm_set1_ps(ay);
	const __m128 vaz = _mm_set1_ps(az), vta = _mm_set1_ps(ta);
	const __m128 vbx = _mm_set1_ps(bx), vby = _mm_set1_ps(by);
	const __m128 vbz = _mm_set1_ps(bz), vtb = _mm_set1_ps(tb);
	const __m128 vdx = _mm_set1_ps(dx), vdy = _mm_set1_ps(dy);
	const __m128 vdz = _mm_set1_ps(dz), vtd = _mm_set1_ps(td);
	const __m128 h = _mm_set1_ps(0.5f);
	const __m128i lo = _mm_set1_epi32(HALF - 1), hi = _mm_set1_epi32(HALF);
	const __m128i zero = _mm_setzero_si128();
	/* locals: the stores below may alias any pointer in RD or W */
	const float *sx = rd->sx, *sy = rd->sy, *sz = rd->sz;
	struct pv *p = w->p;
	uint64_t *cell = w->cell;
	const size_t nv = rd->nv;

	for (size_t i = 0; i < nv; i += 4) {
		__m128 px = _mm_loadu_ps(sx + i), py = _mm_loadu_ps(sy + i);
		__m128 pz = _mm_loadu_ps(sz + i);
		__m128i x = _mm_cvttps_epi32(_mm_add_ps(_mm_add_ps(_mm_add_ps(
		    _mm_add_ps(_mm_mul_ps(vax, px), _mm_mul_ps(vay, py)),
		    _mm_mul_ps(vaz, pz)), vta), h));
		__m128i y = _mm_cvttps_epi32(_mm_add_ps(_mm_add_ps(_mm_add_ps(
		    _mm_add_ps(_mm_mul_ps(vbx, px), _mm_mul_ps(vby, py)),
		    _mm_mul_ps(vbz, pz)), vtb), h));
		__m128i q = _mm_castps_si128(_mm_add_ps(_mm_add_ps(_mm_add_ps(
		    _mm_mul_ps(vdx, px), _mm_mul_ps(vdy, py)),
		    _mm_mul_ps(vdz, pz)), vtd));
		/* the pack_cell() lanes */
		__m128i a = _mm_packs_epi32(_mm_srai_epi32(_mm_add_epi32(x, lo),
		    SUB), _mm_srai_epi32(_mm_add_epi32(y, lo), SUB));
		__m128i c = _mm_packs_epi32(
		    _mm_sub_epi32(zero, _mm_srai_epi32(_mm_sub_epi32(x, hi), SUB)),
		    _mm_sub_epi32(zero, _mm_srai_epi32(_mm_sub_epi32(y, hi), SUB)));
		__m128i t1 = _mm_unpacklo_epi16(a, _mm_unpackhi_epi64(a, a));
		__m128i t2 = _mm_unpacklo_epi16(c, _mm_unpackhi_epi64(c, c));
		__m128i u0 = _mm_unpacklo_epi32(x, y), u1 = _mm_unpackhi_epi32(x, y);
		__m128i v0 = _mm_unpacklo_epi32(q, zero);
		__m128i v1 = _mm_unpackhi_epi32(q, zero);

		_mm_storeu_si128((__m128i *)(void *)(cell + i),
		    _mm_unpacklo_epi32(t1, t2));
		_mm_storeu_si128((__m128i *)(void *)(cell + i + 2),
		    _mm_unpackhi_epi32(t1, t2));
		_mm_storeu_si128((__m128i *)(void *)(p + i),
		    _mm_unpacklo_epi64(u0, v0));
		_mm_storeu_si128((__m128i *)(void *)(p + i + 1),
		    _mm_unpackhi_epi64(u0, v0));
		_mm_storeu_si128((__m128i *)(void *)(p + i + 2),
		    _mm_unpacklo_epi64(u1, v1));
		_mm_storeu_si128((__m128i *)(void *)(p + i + 3),
		    _mm_unpackhi_epi64(u1, v1));
	}
}
#endif

#if defined(RENDER_AVX512)
/*
 * The AVX-512 walk: the same bytes as the portable one, sixteen
 * triangles at a time.  A first pass keeps, in order, the triangles that
 * may face the camera and whose box holds a pixel centre; a second takes
 * those sixteen at a time through small_tri()'s arithmetic (exact integer
 * edge values in single precision, the same depth roundings) for boxes
 * of at most 4x4 centres inside the image, and leaves only the stores,
 * in triangle order, to a scalar loop.  Other boxes go to draw_tri_box()
 * in their turn.  No fused multiply-adds (AVX512 above), so that every
 * rounding is the portable path's.
 */

/* project_sse() sixteen vertices at a time, into w->px, py, pq, or
 * with x and y as int16 in px when PACKED */
AVX512 static void
project_avx512(struct mdf_renderer *rd, struct worker *w, int packed,
    float ax, float ay, float az, float ta, float bx, float by, float bz,
    float tb, float dx, float dy, float dz, float td)
{
	const __m512 vax = _mm512_set1_ps(ax), vay = _mm512_set1_ps(ay);
	const __m512 vaz = _mm512_set1_ps(az), vta = _mm512_set1_ps(ta);
	const __m512 vbx = _mm512_set1_ps(bx), vby = _mm512_set1_ps(by);
	const __m512 vbz = _mm512_set1_ps(bz), vtb = _mm512_set1_ps(tb);
	const __m512 vdx = _mm512_set1_ps(dx), vdy = _mm512_set1_ps(dy);
	const __m512 vdz = _mm512_set1_ps(dz), vtd = _mm512_set1_ps(td);
	const __m512 h = _mm512_set1_ps(0.5f);
	const float *sx = rd->sx, *sy = rd->sy, *sz = rd->sz;
	const size_t nv = rd->nv;

	for (size_t i = 0; i < nv; i += 16) {
		__m512 px = _mm512_loadu_ps(sx + i), py = _mm512_loadu_ps(sy + i);
		__m512 pz = _mm512_loadu_ps(sz + i);
		__m512i x = _mm512_cvttps_epi32(_mm512_add_ps(_mm512_add_ps(
		    _mm512_add_ps(_mm512_add_ps(_mm512_mul_ps(vax, px),
		    _mm512_mul_ps(vay, py)), _mm512_mul_ps(vaz, pz)), vta), h));
		__m512i y = _mm512_cvttps_epi32(_mm512_add_ps(_mm512_add_ps(
		    _mm512_add_ps(_mm512_add_ps(_mm512_mul_ps(vbx, px),
		    _mm512_mul_ps(vby, py)), _mm512_mul_ps(vbz, pz)), vtb), h));
		__m512i q = _mm512_castps_si512(_mm512_add_ps(_mm512_add_ps(
		    _mm512_add_ps(_mm512_mul_ps(vdx, px), _mm512_mul_ps(vdy, py)),
		    _mm512_mul_ps(vdz, pz)), vtd));
		if (packed) {
			_mm512_storeu_si512((void *)(w->px + i), _mm512_or_si512(
			    _mm512_and_si512(x, _mm512_set1_epi32(0xffff)),
			    _mm512_slli_epi32(y, 16)));
		} else {
			_mm512_storeu_si512((void *)(w->px + i), x);
			_mm512_storeu_si512((void *)(w->py + i), y);
		}
		_mm512_storeu_si512((void *)(w->pq + i), q);
	}
}
#endif

/* Bit k of MASK[g] set when the normal of triangle 4g + k does not
 * clearly point away from the view direction D (orthographic culling),
 * for NG groups of 4.  The margin leaves nearly edge-on faces to the
 * exact integer test.  The normal arrays are padded to a multiple of 4. */
static void
facing(const struct mdf_renderer *rd, unsigned char *mask, size_t ng,
    float dx, float dy, float dz)
{
	/* locals: stores to MASK may alias anything */
	const float *fx = rd->fx, *fy = rd->fy, *fz = rd->fz;
#if defined(__SSE2__) && defined(__x86_64__)
	const __m128 vx = _mm_set1_ps(dx), vy = _mm_set1_ps(dy);
	const __m128 vz = _mm_set1_ps(dz), lim = _mm_set1_ps(-1e-3f);

	for (size_t g = 0; g < ng; g++) {
		__m128 d = _mm_add_ps(_mm_add_ps(
		    _mm_mul_ps(_mm_loadu_ps(fx + 4 * g), vx),
		    _mm_mul_ps(_mm_loadu_ps(fy + 4 * g), vy)),
		    _mm_mul_ps(_mm_loadu_ps(fz + 4 * g), vz));

		mask[g] = (unsigned char)_mm_movemask_ps(_mm_cmpge_ps(d, lim));
	}
#else
	for (size_t g = 0; g < ng; g++) {
		unsigned m = 0;

		for (unsigned k = 0; k < 4; k++) {
			size_t t = 4 * g + k;
			float d = fx[t] * dx + fy[t] * dy + fz[t] * dz;

			m |= (unsigned)(d >= -1e-3f) << k;
		}
		mask[g] = (unsigned char)m;
	}
#endif
}

/* Project the unique vertices: x, y in fixed-point samples (y down), q
 * the depth key, larger nearer. */
static void
project(struct mdf_renderer *rd, struct worker *w, const struct basis *b)
{
	const double *c = rd->ctr;
	double half = rd->s * (double)HALF; /* image centre, fixed point */
	const float *v = rd->v;
	size_t nv = rd->nv;

	if (rd->o.fov == 0) {
		double k = half / rd->rad; /* fixed units per world unit */
		float ax = (float)(k * b->r[0]), ay = (float)(k * b->r[1]);
		float az = (float)(k * b->r[2]);
		float bx = (float)(-k * b->u[0]), by = (float)(-k * b->u[1]);
		float bz = (float)(-k * b->u[2]);
		float dx = (float)b->d[0], dy = (float)b->d[1];
		float dz = (float)b->d[2];
		float ta = (float)(half - k * (b->r[0] * c[0] + b->r[1] * c[1] +
		    b->r[2] * c[2]));
		float tb = (float)(half + k * (b->u[0] * c[0] + b->u[1] * c[1] +
		    b->u[2] * c[2]));
		float td = (float)-(b->d[0] * c[0] + b->d[1] * c[1] +
		    b->d[2] * c[2]);

#if defined(RENDER_AVX512)
		if (rd->use512) {
			/* the image spans 0..s * ONE fixed units; a margin of
			 * 8 pixels keeps x and y in int16 */
			w->packed = rd->s <= 120;
			project_avx512(rd, w, w->packed, ax, ay, az, ta, bx, by,
			    bz, tb, dx, dy, dz, td);
			return;
		}
#endif
#if defined(__SSE2__) && defined(__x86_64__)
		project_sse(rd, w, ax, ay, az, ta, bx, by, bz, tb, dx, dy, dz, td);
		return;
#endif
		for (size_t i = 0; i < nv; i++) {
			float px = v[3 * i], py = v[3 * i + 1], pz = v[3 * i + 2];

			/* truncation after +0.5: any rule will do as long
			 * as one vertex always maps to one point */
			w->p[i].x = (int32_t)(ax * px + ay * py + az * pz + ta +
			    0.5f);
			w->p[i].y = (int32_t)(bx * px + by * py + bz * pz + tb +
			    0.5f);
			w->p[i].q = dx * px + dy * py + dz * pz + td;
			w->cell[i] = pack_cell(w->p[i].x, w->p[i].y);
		}
	} else {
		double h = rd->o.fov * (M_PI / 360);
		double dist = rd->rad / sin(h);
		double k = half / tan(h);
		float ax = (float)b->r[0], ay = (float)b->r[1];
		float az = (float)b->r[2];
		float bx = (float)b->u[0], by = (float)b->u[1];
		float bz = (float)b->u[2];
		float dx = (float)b->d[0], dy = (float)b->d[1];
		float dz = (float)b->d[2];
		float ta = (float)-(b->r[0] * c[0] + b->r[1] * c[1] +
		    b->r[2] * c[2]);
		float tb = (float)-(b->u[0] * c[0] + b->u[1] * c[1] +
		    b->u[2] * c[2]);
		float td = (float)(dist + b->d[0] * c[0] + b->d[1] * c[1] +
		    b->d[2] * c[2]);
		float fk = (float)k, fh = (float)half;

		for (size_t i = 0; i < nv; i++) {
			float px = v[3 * i], py = v[3 * i + 1], pz = v[3 * i + 2];
			float a = ax * px + ay * py + az * pz + ta;
			float bb = bx * px + by * py + bz * pz + tb;
			/* distance along the view axis, >= dist - rad > 0 */
			float wd = td - (dx * px + dy * py + dz * pz);
			float iw = 1.0f / wd;

			int32_t x = (int32_t)(fh + fk * a * iw + 0.5f);
			int32_t y = (int32_t)(fh - fk * bb * iw + 0.5f);

			if (rd->use512) {
				w->packed = 0;
				w->px[i] = x, w->py[i] = y, w->pq[i] = iw;
				continue;
			}
			w->p[i].x = x;
			w->p[i].y = y;
			w->p[i].q = iw;
			w->cell[i] = pack_cell(x, y);
		}
	}
}

#if !(defined(__SSE2__) && defined(__x86_64__))
/* lane-wise signed minimum of four int16 packed in 64 bits */
static inline uint64_t
min16x4(uint64_t a, uint64_t b)
{
	uint64_t r = 0;

	for (int k = 0; k < 64; k += 16) {
		int16_t x = (int16_t)(uint16_t)(a >> k);
		int16_t y = (int16_t)(uint16_t)(b >> k);

		r |= (uint64_t)(uint16_t)(x < y ? x : y) << k;
	}
	return r;
}
#endif

static inline float
min3f(float a, float b, float c)
{
	float m = a < b ? a : b;

	return m < c ? m : c;
}

static inline float
max3f(float a, float b, float c)
{
	float m = a > b ? a : b;

	return m > c ? m : c;
}

/* Top-left rule, for triangles made clockwise on screen (y down): an
 * edge a->b is "left" when it goes up, "top" when it is horizontal and
 * goes right.  Pixel centres on such edges belong to the triangle, those
 * on other edges do not, so two triangles sharing an edge never both
 * draw, and never both miss, a centre on it. */
static inline int64_t
edge_bias(int32_t dx, int32_t dy)
{
	/* dy 2^32 - dx < 0 exactly when dy < 0, or dy == 0 and dx > 0 */
	int64_t key = (int64_t)dy * ((int64_t)1 << 32) - dx;

	return (int64_t)(key < 0) - 1;
}

static uint32_t
camera_colour(const float *n, const struct basis *b)
{
	return pack_normal(n[0] * b->r[0] + n[1] * b->r[1] + n[2] * b->r[2],
	    n[0] * b->u[0] + n[1] * b->u[1] + n[2] * b->u[2],
	    n[0] * b->d[0] + n[1] * b->d[1] + n[2] * b->d[2]);
}

#if defined(__SSE2__) && defined(__x86_64__)
/* the index of the lowest set bit of M, 0 < M < 2^16 */
static inline int
ctz16(unsigned m)
{
#if defined(__GNUC__)
	return __builtin_ctz(m);
#else
	int n = 0;

	while (!(m >> n & 1))
		n++;
	return n;
#endif
}
#endif

/* lowbit[M]: the index of the lowest set bit of M (M > 0) */
static const unsigned char lowbit[16] = {
	0, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
};

/* What the triangles of one view share. */
struct vstate {
	const struct mdf_renderer *rd;
	const struct basis *b;
	const struct pv *p;  /* projected vertices */
	float *zb;
	uint32_t *cb;
	int32_t s;
	int cull, camera, overdraw;
};

static uint32_t
face_colour(const struct vstate *vs, size_t t)
{
	return vs->camera ? camera_colour(vs->rd->nrm + 3 * t, vs->b) :
	    vs->rd->col[t];
}

#if defined(__SSE2__) && defined(__x86_64__)
/* Triangle T, whose box of pixel centres lies in the image and spans at
 * most 4x4 centres from (BX, BY): W wide, H tall.  Nearly every triangle
 * of a detailed part comes here.  Its vertices lie less than a pixel
 * before and five pixels after the first centre, so every edge value is
 * an integer below 2^24, exact in single precision: the three edges are
 * stepped at once, one per lane, with the fill rule, depths and results
 * of the general loop in draw_tri. */
NOINLINE static void
small_tri(const struct vstate *vs, size_t t, int32_t bx, int32_t by,
    unsigned w, unsigned h)
{
	const uint32_t *ix = vs->rd->idx + 3 * t;
	const struct pv *p0 = vs->p + ix[0], *p1 = vs->p + ix[1];
	const struct pv *p2 = vs->p + ix[2];
	const __m128 zero = _mm_setzero_ps();
	/* x, y relative to the first centre; q untouched */
	__m128i c = _mm_setr_epi32(bx * ONE + HALF, by * ONE + HALF, 0, 0);
	__m128i v0 = _mm_sub_epi32(_mm_loadu_si128((const __m128i *)
	    (const void *)p0), c);
	__m128i v1 = _mm_sub_epi32(_mm_loadu_si128((const __m128i *)
	    (const void *)p1), c);
	__m128i v2 = _mm_sub_epi32(_mm_loadu_si128((const __m128i *)
	    (const void *)p2), c);
	__m128i a = _mm_unpacklo_epi32(v0, v1), b = _mm_unpacklo_epi32(v2, v0);
	__m128 x = _mm_cvtepi32_ps(_mm_unpacklo_epi64(a, b)); /* x0 x1 x2 x0 */
	__m128 y = _mm_cvtepi32_ps(_mm_unpackhi_epi64(a, b));
	/* lane k: vertices k + 1 and k + 2 */
	__m128 x1 = _mm_shuffle_ps(x, x, _MM_SHUFFLE(0, 0, 2, 1));
	__m128 x2 = _mm_shuffle_ps(x, x, _MM_SHUFFLE(0, 1, 0, 2));
	__m128 y1 = _mm_shuffle_ps(y, y, _MM_SHUFFLE(0, 0, 2, 1));
	__m128 y2 = _mm_shuffle_ps(y, y, _MM_SHUFFLE(0, 1, 0, 2));
	/* edge k at the first centre: twice the area of the centre and
	 * vertices k + 1, k + 2; the three add up to the triangle's */
	__m128 e = _mm_sub_ps(_mm_mul_ps(x1, y2), _mm_mul_ps(x2, y1));
	float area = _mm_cvtss_f32(_mm_add_ss(_mm_add_ss(e,
	    _mm_shuffle_ps(e, e, _MM_SHUFFLE(1, 1, 1, 1))),
	    _mm_movehl_ps(e, e)));
	float q0 = p0->q, q1 = p1->q, q2 = p2->q;
	/* the lanes of the edges the general loop calls 1 and 2 */
	unsigned l1 = 1, l2 = 2;

	if (area == 0 || (area > 0 && vs->cull))
		return;
	/* a negative area swaps vertices 1 and 2 there: every edge turns
	 * round, and edges 1 and 2 trade places */
	__m128 flip = zero;

	if (area < 0) {
		float tq = q1;

		q1 = q2, q2 = tq;
		l1 = 2, l2 = 1;
		area = -area;
		flip = _mm_set1_ps(-0.0f);
	}
	e = _mm_xor_ps(e, flip);
	/* a centre with a negative edge is out whatever the fill rule:
	 * the common miss of a single centre ends here */
	if (w == 1 && h == 1 &&
	    (_mm_movemask_ps(_mm_cmplt_ps(e, zero)) & 7) != 0)
		return;
	__m128 ex = _mm_xor_ps(_mm_sub_ps(x2, x1), flip);
	__m128 ey = _mm_xor_ps(_mm_sub_ps(y2, y1), flip);
	/* top-left rule (edge_bias): -1 unless the edge goes up, or is
	 * horizontal and goes right */
	__m128 tl = _mm_or_ps(_mm_cmplt_ps(ey, zero),
	    _mm_and_ps(_mm_cmpeq_ps(ey, zero), _mm_cmpgt_ps(ex, zero)));
	__m128 bias = _mm_andnot_ps(tl, _mm_set1_ps(-1.0f));
	__m128 sx = _mm_mul_ps(ey, _mm_set1_ps(-(float)ONE));
	__m128 sy = _mm_mul_ps(ex, _mm_set1_ps((float)ONE));
	/* the centres covered, as bits 4 r + k (row r, column k), found
	 * without a branch per centre when the box is at most 2x2, the
	 * common case */
	__m128 eb = _mm_add_ps(e, bias);
	unsigned m;

	if (w <= 2 && h <= 2) {
		static const unsigned char inbox[3][3] = {
			{ 0, 0, 0 }, { 0, 0x01, 0x11 }, { 0, 0x03, 0x33 },
		};
		__m128 ebx = _mm_add_ps(eb, sx);

		m = (unsigned)((_mm_movemask_ps(_mm_cmplt_ps(eb, zero)) & 7) ==
		    0) | (unsigned)((_mm_movemask_ps(_mm_cmplt_ps(ebx, zero)) &
		    7) == 0) << 1 | (unsigned)((_mm_movemask_ps(_mm_cmplt_ps(
		    _mm_add_ps(eb, sy), zero)) & 7) == 0) << 4 |
		    (unsigned)((_mm_movemask_ps(_mm_cmplt_ps(_mm_add_ps(ebx,
		    sy), zero)) & 7) == 0) << 5;
		m &= inbox[w][h];
	} else {
		m = 0;
		for (unsigned r = 0; r < h; r++) {
			__m128 ec = eb;

			for (unsigned k = 0; k < w; k++) {
				m |= (unsigned)((_mm_movemask_ps(_mm_cmplt_ps(
				    ec, zero)) & 7) == 0) << (4 * r + k);
				ec = _mm_add_ps(ec, sx);
			}
			eb = _mm_add_ps(eb, sy);
		}
	}
	if (m == 0)
		return;
	size_t row0 = (size_t)by * (size_t)vs->s + (size_t)bx;

	if (vs->overdraw) {
		for (; m != 0; m &= m - 1) {
			unsigned bit = (unsigned)ctz16(m);

			vs->cb[row0 + (bit >> 2) * (size_t)vs->s + (bit & 3)]++;
		}
		return;
	}
	float inv = 1.0f / area;
	float d1 = (q1 - q0) * inv, d2 = (q2 - q0) * inv;
	float qlo = min3f(q0, q1, q2), qhi = max3f(q0, q1, q2);
	uint32_t col = face_colour(vs, t);
	float ev[4], sxv[4], syv[4];

	_mm_storeu_ps(ev, e);
	_mm_storeu_ps(sxv, sx);
	_mm_storeu_ps(syv, sy);
	for (; m != 0; m &= m - 1) {
		unsigned bit = (unsigned)ctz16(m), r = bit >> 2, k = bit & 3;
		size_t i = row0 + r * (size_t)vs->s + k;
		/* edges 1 and 2 at the centre: exact integers, as the
		 * general loop's int64 values */
		float w1 = ev[l1] + (float)k * sxv[l1] + (float)r * syv[l1];
		float w2 = ev[l2] + (float)k * sxv[l2] + (float)r * syv[l2];
		float q = q0 + w1 * d1 + w2 * d2;
		float z = vs->zb[i];
		int win;

		q = q < qlo ? qlo : q > qhi ? qhi : q;
		win = q > z;
		vs->zb[i] = win ? q : z;
		vs->cb[i] = win ? col : vs->cb[i];
	}
}
#endif

/* Draw triangle T, of projected vertices P0, P1, P2, whose box of pixel
 * centres is columns BX0..BX1, rows BY0..BY1.  Kept out of the loops
 * that reject most triangles in a few registers. */
NOINLINE static void
draw_tri_box(const struct vstate *vs, size_t t, const struct pv *p0,
    const struct pv *p1, const struct pv *p2, int32_t bx0, int32_t by0,
    int32_t bx1, int32_t by1)
{
	const int32_t s = vs->s;
	const int cull = vs->cull, overdraw = vs->overdraw;
	float *zb = vs->zb;
	uint32_t *cb = vs->cb;
	int64_t area;
	uint32_t col;

	if (bx0 > bx1 || by0 > by1)
		return;
	int32_t x0 = p0->x, x1 = p1->x, x2 = p2->x;
	int32_t y0 = p0->y, y1 = p1->y, y2 = p2->y;

	if (bx0 < 0)
		bx0 = 0;
	if (by0 < 0)
		by0 = 0;
	if (bx1 >= s)
		bx1 = s - 1;
	if (by1 >= s)
		by1 = s - 1;
	if (bx0 > bx1 || by0 > by1)
		return;

	area = (int64_t)(x1 - x0) * (y2 - y0) -
	    (int64_t)(y1 - y0) * (x2 - x0);
	if (area == 0)
		return;
	/* counter-clockwise seen by the camera is negative here */
	if (area > 0 && cull)
		return;
	float q0 = p0->q, q1 = p1->q, q2 = p2->q;
	if (area < 0) {
		int32_t tx = x1, ty = y1;
		float tq = q1;

		x1 = x2, y1 = y2, q1 = q2;
		x2 = tx, y2 = ty, q2 = tq;
		area = -area;
	}
	/* edge k is the one opposite vertex k, evaluated at the
	 * first pixel centre of the box and biased by the fill rule */
	int32_t ex0 = x2 - x1, ex1 = x0 - x2, ex2 = x1 - x0;
	int32_t ey0 = y2 - y1, ey1 = y0 - y2, ey2 = y1 - y0;
	int64_t bias1 = edge_bias(ex1, ey1), bias2 = edge_bias(ex2, ey2);
	int32_t cx = bx0 * ONE + HALF, cy = by0 * ONE + HALF;
	int64_t e0 = (int64_t)ex0 * (cy - y1) - (int64_t)ey0 * (cx - x1) +
	    edge_bias(ex0, ey0);
	int64_t e1 = (int64_t)ex1 * (cy - y2) - (int64_t)ey1 * (cx - x2) +
	    bias1;
	int64_t e2 = (int64_t)ex2 * (cy - y0) - (int64_t)ey2 * (cx - x0) +
	    bias2;
	if (bx0 == bx1 && by0 == by1 && (e0 | e1 | e2) < 0)
		return; /* the common miss of a detailed part */
	int64_t sx0 = -(int64_t)ey0 * ONE, sy0 = (int64_t)ex0 * ONE;
	int64_t sx1 = -(int64_t)ey1 * ONE, sy1 = (int64_t)ex1 * ONE;
	int64_t sx2 = -(int64_t)ey2 * ONE, sy2 = (int64_t)ex2 * ONE;
	/* depth from the barycentric weights of vertices 1 and 2,
	 * clamped to the triangle's own range so that the rounding
	 * of steep (nearly edge-on) planes cannot push it in front
	 * of a neighbour */
	float inv = 1.0f / (float)area;
	float d1 = (q1 - q0) * inv, d2 = (q2 - q0) * inv;
	float qlo = min3f(q0, q1, q2), qhi = max3f(q0, q1, q2);

	col = face_colour(vs, t);
	for (int32_t y = by0; y <= by1; y++) {
		int64_t w0 = e0, w1 = e1, w2 = e2;
		size_t row = (size_t)y * s;

		for (int32_t x = bx0; x <= bx1; x++) {
			if ((w0 | w1 | w2) >= 0) {
				size_t i = row + x;
				float q = q0 + (float)(w1 - bias1) * d1 +
				    (float)(w2 - bias2) * d2;

				q = q < qlo ? qlo : q > qhi ? qhi : q;
				if (overdraw) {
					cb[i]++;
				} else if (q > zb[i]) {
					zb[i] = q;
					cb[i] = col;
				}
			}
			w0 += sx0, w1 += sx1, w2 += sx2;
		}
		e0 += sy0, e1 += sy1, e2 += sy2;
	}
}

#if defined(RENDER_AVX512)
/* The first and the last pixel centre (column or row) at or after the
 * least of A, B, C, and at or before the greatest: pack_cell()'s. */
AVX512 static inline __m512i
first_centre(__m512i a, __m512i b, __m512i c)
{
	return _mm512_srai_epi32(_mm512_add_epi32(_mm512_min_epi32(
	    _mm512_min_epi32(a, b), c), _mm512_set1_epi32(HALF - 1)), SUB);
}

AVX512 static inline __m512i
last_centre(__m512i a, __m512i b, __m512i c)
{
	return _mm512_srai_epi32(_mm512_sub_epi32(_mm512_max_epi32(
	    _mm512_max_epi32(a, b), c), _mm512_set1_epi32(HALF)), SUB);
}

/* First pass: the triangles that may face the camera (facing()) and
 * whose box holds a pixel centre, in order, into the candidate lists
 * (triangle, vertex 0, 1, 2).  Returns their count. */
AVX512 static size_t
candidates_avx512(const struct mdf_renderer *rd, struct worker *w,
    int precull, float dx, float dy, float dz)
{
	const int32_t *px = w->px, *py = w->py;
	const int packed = w->packed;
	const float *fx = rd->fx, *fy = rd->fy, *fz = rd->fz;
	const uint32_t *i0 = rd->ia, *i1 = i0 + rd->iacap;
	const uint32_t *i2 = i1 + rd->iacap;
	uint32_t *cand = w->cand;
	const size_t cc = w->ccap;
	const __m512 vx = _mm512_set1_ps(dx), vy = _mm512_set1_ps(dy);
	const __m512 vz = _mm512_set1_ps(dz), lim = _mm512_set1_ps(-1e-3f);
	const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
	    10, 11, 12, 13, 14, 15);
	const __m512i zero = _mm512_setzero_si512();
	const size_t nt = rd->nt, stride = rd->iacap / 16 + 16;
	const float *cx = rd->cone, *cy = cx + stride, *cz = cy + stride;
	const float *ck = cz + stride, *sk = ck + stride;
	unsigned skip = 0, face = 0;
	size_t n = 0;

	for (size_t t = 0; t < nt; t += 16) {
		__mmask16 live = nt - t >= 16 ? 0xffff :
		    (__mmask16)((1u << (nt - t)) - 1);

		if (precull && t % 256 == 0) {
			/* the next 16 groups: cos(angle to the axis - half-
			 * angle) well below facing()'s -1e-3 */
			size_t g = t / 16;
			__m512 ad = _mm512_add_ps(_mm512_add_ps(
			    _mm512_mul_ps(_mm512_loadu_ps(cx + g), vx),
			    _mm512_mul_ps(_mm512_loadu_ps(cy + g), vy)),
			    _mm512_mul_ps(_mm512_loadu_ps(cz + g), vz));
			__m512 c = _mm512_loadu_ps(ck + g);
			__m512 sd = _mm512_sqrt_ps(_mm512_max_ps(_mm512_sub_ps(
			    _mm512_set1_ps(1.0f), _mm512_mul_ps(ad, ad)),
			    _mm512_setzero_ps()));
			__m512 bound = _mm512_add_ps(_mm512_mul_ps(ad, c),
			    _mm512_mul_ps(sd, _mm512_loadu_ps(sk + g)));

			skip = _mm512_mask_cmp_ps_mask(_mm512_cmp_ps_mask(ad, c,
			    _CMP_LT_OQ), bound, _mm512_set1_ps(-3e-3f),
			    _CMP_LT_OQ);
			/* and those clearly all turned towards the camera,
			 * cos(angle + half-angle) above 1e-3, whose normals
			 * need not be read either */
			face = _mm512_cmp_ps_mask(_mm512_sub_ps(_mm512_mul_ps(ad,
			    c), _mm512_mul_ps(sd, _mm512_loadu_ps(sk + g))),
			    _mm512_set1_ps(1e-3f), _CMP_GT_OQ);
		}
		if (skip >> (t / 16 % 16) & 1)
			continue;
		if (precull && !(face >> (t / 16 % 16) & 1)) {
			__m512 d = _mm512_add_ps(_mm512_add_ps(
			    _mm512_mul_ps(_mm512_loadu_ps(fx + t), vx),
			    _mm512_mul_ps(_mm512_loadu_ps(fy + t), vy)),
			    _mm512_mul_ps(_mm512_loadu_ps(fz + t), vz));

			live &= _mm512_cmp_ps_mask(d, lim, _CMP_GE_OQ);
			if (live == 0)
				continue;
		}
		__m512i a = _mm512_loadu_si512((const void *)(i0 + t));
		__m512i b = _mm512_loadu_si512((const void *)(i1 + t));
		__m512i c = _mm512_loadu_si512((const void *)(i2 + t));
		__m512i xa = _mm512_mask_i32gather_epi32(zero, live, a, px, 4);
		__m512i xb = _mm512_mask_i32gather_epi32(zero, live, b, px, 4);
		__m512i xc = _mm512_mask_i32gather_epi32(zero, live, c, px, 4);
		__m512i ya, yb, yc;

		if (packed) {
			ya = _mm512_srai_epi32(xa, 16);
			yb = _mm512_srai_epi32(xb, 16);
			yc = _mm512_srai_epi32(xc, 16);
			xa = _mm512_srai_epi32(_mm512_slli_epi32(xa, 16), 16);
			xb = _mm512_srai_epi32(_mm512_slli_epi32(xb, 16), 16);
			xc = _mm512_srai_epi32(_mm512_slli_epi32(xc, 16), 16);
		} else {
			ya = _mm512_mask_i32gather_epi32(zero, live, a, py, 4);
			yb = _mm512_mask_i32gather_epi32(zero, live, b, py, 4);
			yc = _mm512_mask_i32gather_epi32(zero, live, c, py, 4);
		}
		/* pack_cell()'s box of centres, in 32 bits */
		__m512i bx0 = first_centre(xa, xb, xc);
		__m512i bx1 = last_centre(xa, xb, xc);
		__m512i by0 = first_centre(ya, yb, yc);
		__m512i by1 = last_centre(ya, yb, yc);

		live = _mm512_mask_cmple_epi32_mask(live, bx0, bx1);
		live = _mm512_mask_cmple_epi32_mask(live, by0, by1);
		if (live == 0)
			continue;
#define KEEP(k, v) _mm512_storeu_si512((void *)(cand + (k) * cc + n), \
    _mm512_maskz_compress_epi32(live, (v)))
		KEEP(0, _mm512_add_epi32(_mm512_set1_epi32((int)t), lane));
		KEEP(1, a); KEEP(2, b); KEEP(3, c);
#undef KEEP
		n += (size_t)__builtin_popcount(live);
	}
	return n;
}

/* all three edges of a lane at least 0 */
#define ALLGE0(m, e0, e1, e2) _mm512_mask_cmp_ps_mask(_mm512_mask_cmp_ps_mask( \
    _mm512_mask_cmp_ps_mask((m), (e0), zero, _CMP_GE_OQ), (e1), zero, \
    _CMP_GE_OQ), (e2), zero, _CMP_GE_OQ)

/* The pixels of the writes tagged TAG (centre << 4 | lane): the lane's
 * first centre BV plus the centre's offset, (k & 3) + (k >> 2) S. */
AVX512 static inline __m512i
write_pixel(__m512i tag, __m512i bv, int32_t s)
{
	__m512i k = _mm512_srli_epi32(tag, 4);

	return _mm512_add_epi32(_mm512_permutexvar_epi32(_mm512_and_si512(tag,
	    _mm512_set1_epi32(15)), bv), _mm512_add_epi32(_mm512_and_si512(k,
	    _mm512_set1_epi32(3)), _mm512_mullo_epi32(_mm512_srli_epi32(k, 2),
	    _mm512_set1_epi32(s))));
}

/* The depth test and writes of lanes V of TAG, on pixels PV that are
 * all different. */
AVX512 static inline void
write_flat(float *zb, uint32_t *cb, __mmask16 v, __m512i tag, __m512i pv,
    float qv[16][16], __m512i colv)
{
	__m512 q = _mm512_mask_i32gather_ps(_mm512_setzero_ps(), v, tag,
	    (const void *)qv, 4);
	__m512 z = _mm512_mask_i32gather_ps(_mm512_setzero_ps(), v, pv, zb, 4);
	__mmask16 win = _mm512_mask_cmp_ps_mask(v, q, z, _CMP_GT_OQ);

	_mm512_mask_i32scatter_ps(zb, win, pv, q, 4);
	_mm512_mask_i32scatter_epi32(cb, win, pv, _mm512_permutexvar_epi32(
	    _mm512_and_si512(tag, _mm512_set1_epi32(15)), colv), 4);
}

/* Second pass over the N candidates. */
AVX512 static void
draw_avx512(const struct vstate *vs, const struct worker *w, size_t n)
{
	const uint32_t *ct = w->cand;
	const size_t cc = w->ccap;
	const int32_t *px = w->px, *py = w->py;
	const float *pq = w->pq;
	const int packed = w->packed;
	const int32_t s = vs->s;
	const __m512i hi = _mm512_set1_epi32(HALF);
	const __m512i izero = _mm512_setzero_si512();
	const __m512i vs1 = _mm512_set1_epi32(s - 1);
	const __m512i three = _mm512_set1_epi32(3);
	const __m512 zero = _mm512_setzero_ps();
	const __m512 neg = _mm512_set1_ps(-0.0f), m1 = _mm512_set1_ps(-1.0f);
	const __m512 fone = _mm512_set1_ps(1.0f);
	const __m512 sxk = _mm512_set1_ps(-(float)ONE);
	const __m512 syk = _mm512_set1_ps((float)ONE);
	const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
	    10, 11, 12, 13, 14, 15);
	float *zb = vs->zb;
	uint32_t *cb = vs->cb;
	const uint32_t *rcol = vs->rd->col;
	const int camera = vs->camera;
	float qv[16][16], vq[3][16];
	int32_t base[16], box[4][16], vxy[6][16], wt[48];
	uint32_t cov[16];

	for (size_t c = 0; c < n; c += 16) {
		__mmask16 live = n - c >= 16 ? 0xffff :
		    (__mmask16)((1u << (n - c)) - 1);
		__m512i ia = _mm512_maskz_loadu_epi32(live, ct + cc + c);
		__m512i ib = _mm512_maskz_loadu_epi32(live, ct + 2 * cc + c);
		__m512i ic = _mm512_maskz_loadu_epi32(live, ct + 3 * cc + c);
		__m512i xa = _mm512_mask_i32gather_epi32(izero, live, ia, px,
		    4);
		__m512i xb = _mm512_mask_i32gather_epi32(izero, live, ib, px,
		    4);
		__m512i xc = _mm512_mask_i32gather_epi32(izero, live, ic, px,
		    4);
		__m512i ya, yb, yc;

		if (packed) {
			ya = _mm512_srai_epi32(xa, 16);
			yb = _mm512_srai_epi32(xb, 16);
			yc = _mm512_srai_epi32(xc, 16);
			xa = _mm512_srai_epi32(_mm512_slli_epi32(xa, 16), 16);
			xb = _mm512_srai_epi32(_mm512_slli_epi32(xb, 16), 16);
			xc = _mm512_srai_epi32(_mm512_slli_epi32(xc, 16), 16);
		} else {
			ya = _mm512_mask_i32gather_epi32(izero, live, ia, py,
			    4);
			yb = _mm512_mask_i32gather_epi32(izero, live, ib, py,
			    4);
			yc = _mm512_mask_i32gather_epi32(izero, live, ic, py,
			    4);
		}
		__m512 q0 = _mm512_mask_i32gather_ps(zero, live, ia, pq, 4);
		__m512 q1 = _mm512_mask_i32gather_ps(zero, live, ib, pq, 4);
		__m512 q2 = _mm512_mask_i32gather_ps(zero, live, ic, pq, 4);
		__m512i bx0 = first_centre(xa, xb, xc);
		__m512i bx1 = last_centre(xa, xb, xc);
		__m512i by0 = first_centre(ya, yb, yc);
		__m512i by1 = last_centre(ya, yb, yc);
		/* boxes of at most 4x4 centres inside the image here, as
		 * small_tri(); DW and DH are their width and height - 1 */
		__m512i dw = _mm512_sub_epi32(bx1, bx0);
		__m512i dh = _mm512_sub_epi32(by1, by0);
		__mmask16 here = _mm512_mask_cmple_epi32_mask(live, dw, three);

		here = _mm512_mask_cmple_epi32_mask(here, dh, three);
		here = _mm512_mask_cmpge_epi32_mask(here, bx0, izero);
		here = _mm512_mask_cmpge_epi32_mask(here, by0, izero);
		here = _mm512_mask_cmple_epi32_mask(here, bx1, vs1);
		here = _mm512_mask_cmple_epi32_mask(here, by1, vs1);

		__mmask16 other = live & (__mmask16)~here;
		/* small_tri(): vertices relative to the first centre, edge k
		 * opposite vertex k */
		__m512i cx = _mm512_add_epi32(_mm512_slli_epi32(bx0, SUB), hi);
		__m512i cy = _mm512_add_epi32(_mm512_slli_epi32(by0, SUB), hi);
		__m512 x0 = _mm512_cvtepi32_ps(_mm512_sub_epi32(xa, cx));
		__m512 x1 = _mm512_cvtepi32_ps(_mm512_sub_epi32(xb, cx));
		__m512 x2 = _mm512_cvtepi32_ps(_mm512_sub_epi32(xc, cx));
		__m512 y0 = _mm512_cvtepi32_ps(_mm512_sub_epi32(ya, cy));
		__m512 y1 = _mm512_cvtepi32_ps(_mm512_sub_epi32(yb, cy));
		__m512 y2 = _mm512_cvtepi32_ps(_mm512_sub_epi32(yc, cy));
		__m512 e0 = _mm512_sub_ps(_mm512_mul_ps(x1, y2),
		    _mm512_mul_ps(x2, y1));
		__m512 e1 = _mm512_sub_ps(_mm512_mul_ps(x2, y0),
		    _mm512_mul_ps(x0, y2));
		__m512 e2 = _mm512_sub_ps(_mm512_mul_ps(x0, y1),
		    _mm512_mul_ps(x1, y0));
		__m512 area = _mm512_add_ps(_mm512_add_ps(e0, e1), e2);
		__mmask16 ok = _mm512_mask_cmp_ps_mask(here, area, zero,
		    _CMP_NEQ_OQ);

		if (vs->cull)
			ok = _mm512_mask_cmp_ps_mask(ok, area, zero,
			    _CMP_LE_OQ);
		/* a negative area swaps vertices 1 and 2: every edge turns
		 * round, and edges 1 and 2 trade places */
		__mmask16 flip = _mm512_cmp_ps_mask(area, zero, _CMP_LT_OQ);
		__m512 fm = _mm512_maskz_mov_ps(flip, neg);
#define FLIP(v) _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(v), \
    _mm512_castps_si512(fm)))
		area = FLIP(area);
		e0 = FLIP(e0), e1 = FLIP(e1), e2 = FLIP(e2);
		__m512 ex0 = FLIP(_mm512_sub_ps(x2, x1));
		__m512 ey0 = FLIP(_mm512_sub_ps(y2, y1));
		__m512 ex1 = FLIP(_mm512_sub_ps(x0, x2));
		__m512 ey1 = FLIP(_mm512_sub_ps(y0, y2));
		__m512 ex2 = FLIP(_mm512_sub_ps(x1, x0));
		__m512 ey2 = FLIP(_mm512_sub_ps(y1, y0));
#undef FLIP
		/* top-left rule: bias 0 when the edge goes up, or is
		 * horizontal and goes right; -1 otherwise */
#define BIAS(ex, ey) _mm512_mask_mov_ps(m1, \
    _mm512_cmp_ps_mask((ey), zero, _CMP_LT_OQ) | \
    _mm512_mask_cmp_ps_mask(_mm512_cmp_ps_mask((ey), zero, _CMP_EQ_OQ), \
    (ex), zero, _CMP_GT_OQ), zero)
		__m512 eb0 = _mm512_add_ps(e0, BIAS(ex0, ey0));
		__m512 eb1 = _mm512_add_ps(e1, BIAS(ex1, ey1));
		__m512 eb2 = _mm512_add_ps(e2, BIAS(ex2, ey2));
#undef BIAS
		__m512 sx0 = _mm512_mul_ps(ey0, sxk);
		__m512 sx1 = _mm512_mul_ps(ey1, sxk);
		__m512 sx2 = _mm512_mul_ps(ey2, sxk);
		__m512 sy0 = _mm512_mul_ps(ex0, syk);
		__m512 sy1 = _mm512_mul_ps(ex1, syk);
		__m512 sy2 = _mm512_mul_ps(ex2, syk);
		__m512i covv = izero;
		__mmask16 drawn = 0;
		/* the writes of the chunk, centre by centre: pixel, depth,
		 * colour (flat, for at most 16 of them) */
		const int flat = !vs->overdraw && !camera && other == 0;
		__m512i tv = _mm512_maskz_loadu_epi32(live, ct + c);
		__m512i colv = flat ? _mm512_mask_i32gather_epi32(izero, ok, tv,
		    (const void *)rcol, 4) : izero;
		__m512i bv = _mm512_add_epi32(_mm512_mullo_epi32(by0,
		    _mm512_set1_epi32(s)), bx0);
		unsigned nw = 0;
		/* depth from the barycentric weights of the edges the
		 * general loop calls 1 and 2 */
		__m512 qf1 = _mm512_mask_blend_ps(flip, q1, q2);
		__m512 qf2 = _mm512_mask_blend_ps(flip, q2, q1);
		__m512 a1 = _mm512_mask_blend_ps(flip, e1, e2);
		__m512 a2 = _mm512_mask_blend_ps(flip, e2, e1);
		__m512 u1 = _mm512_mask_blend_ps(flip, sx1, sx2);
		__m512 u2 = _mm512_mask_blend_ps(flip, sx2, sx1);
		__m512 v1 = _mm512_mask_blend_ps(flip, sy1, sy2);
		__m512 v2 = _mm512_mask_blend_ps(flip, sy2, sy1);
		__m512 inv = _mm512_maskz_div_ps(ok, fone, area);
		__m512 d1 = _mm512_mul_ps(_mm512_sub_ps(qf1, q0), inv);
		__m512 d2 = _mm512_mul_ps(_mm512_sub_ps(qf2, q0), inv);
		__m512 qlo = _mm512_min_ps(_mm512_min_ps(q0, qf1), qf2);
		__m512 qhi = _mm512_max_ps(_mm512_max_ps(q0, qf1), qf2);

		/* centre (k, r) is bit 4 r + k; the edge values, and the
		 * barycentric weights W1, W2 (small_tri()'s w1, w2), are exact
		 * integers, whatever the order of the additions */
		__m512 w1r = a1, w2r = a2;

		for (int r = 0; r < 4; r++) {
			__mmask16 row = _mm512_mask_cmpge_epi32_mask(ok, dh,
			    _mm512_set1_epi32(r));
			__m512 ec0 = eb0, ec1 = eb1, ec2 = eb2;
			__m512 w1 = w1r, w2 = w2r;

			if (row == 0)
				break;
			for (int k = 0; k < 4; k++) {
				__mmask16 in = _mm512_mask_cmpge_epi32_mask(row,
				    dw, _mm512_set1_epi32(k));

				if (in == 0)
					break;
				in = ALLGE0(in, ec0, ec1, ec2);
				ec0 = _mm512_add_ps(ec0, sx0);
				ec1 = _mm512_add_ps(ec1, sx1);
				ec2 = _mm512_add_ps(ec2, sx2);
				/* the weights at this centre, then the next */
				__m512 cw1 = w1, cw2 = w2;

				w1 = _mm512_add_ps(w1, u1);
				w2 = _mm512_add_ps(w2, u2);
				if (in == 0)
					continue;
				drawn |= in;
				covv = _mm512_mask_or_epi32(covv, in, covv,
				    _mm512_set1_epi32(1 << (4 * r + k)));
				if (vs->overdraw)
					continue;
				/* small_tri()'s depth at the centre */
				__m512 q = _mm512_add_ps(_mm512_add_ps(q0,
				    _mm512_mul_ps(cw1, d1)), _mm512_mul_ps(cw2, d2));

				q = _mm512_mask_mov_ps(q, _mm512_cmp_ps_mask(q,
				    qhi, _CMP_GT_OQ), qhi);
				q = _mm512_mask_mov_ps(q, _mm512_cmp_ps_mask(q,
				    qlo, _CMP_LT_OQ), qlo);
				_mm512_storeu_ps(qv[4 * r + k], q);
				/* the write's tag: centre << 4 | lane, which
				 * is also its index in QV */
				if (flat && nw <= 32)
					_mm512_storeu_si512((void *)(wt + nw),
					    _mm512_maskz_compress_epi32(in,
					    _mm512_add_epi32(lanes, _mm512_set1_epi32(
					    (4 * r + k) << 4))));
				nw += (unsigned)__builtin_popcount(in);
			}
			eb0 = _mm512_add_ps(eb0, sy0);
			eb1 = _mm512_add_ps(eb1, sy1);
			eb2 = _mm512_add_ps(eb2, sy2);
			w1r = _mm512_add_ps(w1r, v1);
			w2r = _mm512_add_ps(w2r, v2);
		}
		__mmask16 todo = other | drawn;

		if (todo == 0)
			continue;
		if (flat && nw <= 32) {
			/* no pixel twice in the chunk: then the order of the
			 * writes does not matter, and they go at once, in up
			 * to two vectors A and B */
			unsigned na = nw < 16 ? nw : 16, nb = nw - na;
			__mmask16 va = (__mmask16)((1u << na) - 1);
			__mmask16 vb = (__mmask16)((1u << nb) - 1);
			__m512i ta = _mm512_maskz_loadu_epi32(va, wt);
			__m512i tb = _mm512_maskz_loadu_epi32(vb, wt + 16);
			__m512i pa = write_pixel(ta, bv, s);
			__m512i pb = write_pixel(tb, bv, s);
			__mmask16 clash = _mm512_mask_test_epi32_mask(va,
			    _mm512_maskz_conflict_epi32(va, pa),
			    _mm512_set1_epi32(-1));

			if (nb > 0 && clash == 0) {
				int32_t pas[16];

				clash = _mm512_mask_test_epi32_mask(vb,
				    _mm512_maskz_conflict_epi32(vb, pb),
				    _mm512_set1_epi32(-1));
				_mm512_storeu_si512((void *)pas, pa);
				for (unsigned i = 0; i < na && clash == 0; i++)
					clash = _mm512_mask_cmpeq_epi32_mask(vb, pb,
					    _mm512_set1_epi32(pas[i]));
			}
			if (clash == 0) {
				write_flat(zb, cb, va, ta, pa, qv, colv);
				if (nb > 0)
					write_flat(zb, cb, vb, tb, pb, qv, colv);
				continue;
			}
		}
		_mm512_storeu_si512((void *)cov, covv);
		_mm512_storeu_si512((void *)base, bv);
		if (other != 0) {
			_mm512_storeu_si512((void *)box[0], bx0);
			_mm512_storeu_si512((void *)box[1], by0);
			_mm512_storeu_si512((void *)box[2], bx1);
			_mm512_storeu_si512((void *)box[3], by1);
			_mm512_storeu_si512((void *)vxy[0], xa);
			_mm512_storeu_si512((void *)vxy[1], xb);
			_mm512_storeu_si512((void *)vxy[2], xc);
			_mm512_storeu_si512((void *)vxy[3], ya);
			_mm512_storeu_si512((void *)vxy[4], yb);
			_mm512_storeu_si512((void *)vxy[5], yc);
			_mm512_storeu_ps(vq[0], q0);
			_mm512_storeu_ps(vq[1], q1);
			_mm512_storeu_ps(vq[2], q2);
		}
		/* the stores, in triangle order */
		for (unsigned m = todo; m != 0; m &= m - 1) {
			unsigned j = (unsigned)__builtin_ctz(m), cv = cov[j];
			size_t t = ct[c + j], i0 = (size_t)base[j];

			if (other >> j & 1) {
				struct pv v[3];

				for (int k = 0; k < 3; k++) {
					v[k].x = vxy[k][j];
					v[k].y = vxy[3 + k][j];
					v[k].q = vq[k][j];
					v[k].pad = 0;
				}
				draw_tri_box(vs, t, v, v + 1, v + 2, box[0][j],
				    box[1][j], box[2][j], box[3][j]);
				continue;
			}
			if (vs->overdraw) {
				for (; cv != 0; cv &= cv - 1) {
					unsigned k = (unsigned)__builtin_ctz(cv);

					cb[i0 + (k & 3) + (k >> 2) * (size_t)s]++;
				}
				continue;
			}
			uint32_t col = camera ? face_colour(vs, t) : rcol[t];

			for (; cv != 0; cv &= cv - 1) {
				unsigned k = (unsigned)__builtin_ctz(cv);
				size_t i = i0 + (k & 3) + (k >> 2) * (size_t)s;
				__m128 q = _mm_load_ss(&qv[k][j]);
				__m128 z = _mm_load_ss(zb + i);
				/* without a branch: maxss is q > z ? q : z */
				uint32_t win = 0u - (uint32_t)_mm_comigt_ss(q, z);

				_mm_store_ss(zb + i, _mm_max_ss(q, z));
				cb[i] = (col & win) | (cb[i] & ~win);
			}
		}
	}
}
#undef ALLGE0
#endif

#if defined(RENDER_AVX512)
/* The direct resolve (no supersampling) of N colours CB to RGB bytes
 * OUT, eight pixels at a time; returns how many it did. */
AVX512 static size_t
resolve_avx512(unsigned char *out, const uint32_t *cb, size_t n)
{
	/* per 128-bit lane: bytes 0-2, 4-6, 8-10, 12-14 to the front */
	const __m256i pick = _mm256_setr_epi8(0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13,
	    14, -1, -1, -1, -1, 0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1,
	    -1, -1);
	const __m256i join = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7, 7);
	size_t i = 0;

	/* each store writes 32 bytes of which the next overwrites 8 */
	for (; i + 8 + 3 <= n; i += 8) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)
		    (cb + i));

		v = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(v, pick),
		    join);
		_mm256_storeu_si256((__m256i *)(void *)(out + 3 * i), v);
	}
	return i;
}
#endif

/* draw_tri_box() with the box as from pack_cell() */
static void
draw_tri(const struct vstate *vs, size_t t, uint64_t cc)
{
	const uint32_t *ix = vs->rd->idx + 3 * t;

	draw_tri_box(vs, t, vs->p + ix[0], vs->p + ix[1], vs->p + ix[2],
	    (int16_t)(uint16_t)cc, (int16_t)(uint16_t)(cc >> 16),
	    -(int16_t)(uint16_t)(cc >> 32), -(int16_t)(uint16_t)(cc >> 48));
}

/* Fill N depths with -inf (nothing drawn) and N colours with C. */
static void
clear(float *zb, uint32_t *cb, size_t n, uint32_t c)
{
	size_t i = 0;

#if defined(__SSE2__) && defined(__x86_64__)
	const __m128 z = _mm_set1_ps(-HUGE_VALF);
	const __m128i v = _mm_set1_epi32((int)c);

	for (; i + 4 <= n; i += 4) {
		_mm_storeu_ps(zb + i, z);
		_mm_storeu_si128((__m128i *)(void *)(cb + i), v);
	}
#endif
	for (; i < n; i++) {
		zb[i] = -HUGE_VALF;
		cb[i] = c;
	}
}

/* The portable walk: triangles in order, four at a time. */
static void
walk(const struct mdf_renderer *rd, struct worker *w, const struct vstate *vs,
    int precull, float dvx, float dvy, float dvz)
{
	const uint64_t *cell = w->cell;
#if defined(__SSE2__) && defined(__x86_64__)
	const int32_t s = vs->s;
#endif

	/* the set bits of the mask are the ones that exist and, with
	 * culling, may face the camera (all masks first, in a loop that
	 * keeps its constants in registers) */
	const size_t ng = (rd->nt + 3) / 4;
	unsigned char *mask = w->mask;

	if (precull)
		facing(rd, mask, ng, dvx, dvy, dvz);
	else
		memset(mask, 0xf, ng);
	if (rd->nt % 4 != 0 && ng > 0)
		mask[ng - 1] &= (unsigned char)((1u << rd->nt % 4) - 1);
	for (size_t g = 0; g < ng; g++) {
		unsigned m = mask[g];

		while (m != 0) {
			size_t t = 4 * g + lowbit[m];
			const uint32_t *ix = rd->idx + 3 * t;
			uint64_t cc;

			m &= m - 1;
			/* pixel centres (i + 1/2) inside the box: most
			 * triangles of a detailed part have none, and end
			 * here */
#if defined(__SSE2__) && defined(__x86_64__)
			__m128i c = _mm_min_epi16(_mm_min_epi16(
			    _mm_loadl_epi64((const __m128i *)(const void *)
			    (cell + ix[0])),
			    _mm_loadl_epi64((const __m128i *)(const void *)
			    (cell + ix[1]))),
			    _mm_loadl_epi64((const __m128i *)(const void *)
			    (cell + ix[2])));
			/* x0 - x1 and y0 - y1 in lanes 0 and 1: positive is
			 * empty */
			__m128i d = _mm_add_epi16(c,
			    _mm_shufflelo_epi16(c, _MM_SHUFFLE(1, 0, 3, 2)));

			if (_mm_movemask_epi8(_mm_cmpgt_epi16(d,
			    _mm_setzero_si128())) & 0xf)
				continue;
			cc = (uint64_t)_mm_cvtsi128_si64(c);
			int32_t bx0 = (int16_t)(uint16_t)cc;
			int32_t by0 = (int16_t)(uint16_t)(cc >> 16);
			int32_t bx1 = -(int16_t)(uint16_t)(cc >> 32);
			int32_t by1 = -(int16_t)(uint16_t)(cc >> 48);

			/* the box is not empty here */
			if (bx1 - bx0 < 4 && by1 - by0 < 4 && bx0 >= 0 &&
			    by0 >= 0 && bx1 < s && by1 < s) {
				small_tri(vs, t, bx0, by0,
				    (unsigned)(bx1 - bx0 + 1),
				    (unsigned)(by1 - by0 + 1));
				continue;
			}
#else
			cc = min16x4(min16x4(cell[ix[0]], cell[ix[1]]),
			    cell[ix[2]]);
#endif
			draw_tri(vs, t, cc);
		}
	}
}

static void
render_view(struct mdf_renderer *rd, struct worker *w,
    const struct mdf_view *view, unsigned char *out)
{
	const struct mdf_render_opts *o = &rd->o;
	const int32_t s = (int32_t)rd->s;
	const size_t ns = (size_t)s * s;
	const int cull = o->backfaces == MDF_BACKFACES_CULL ||
	    (o->backfaces == MDF_BACKFACES_AUTO && rd->closed);
	/* orthographic culling can skip clearly turned-away faces from
	 * their normal alone; the margin leaves the exact decision on
	 * nearly edge-on faces to the integer area below */
	const int precull = cull && o->fov == 0;
	const int camera = o->normals == MDF_NORMALS_CAMERA;
	const int overdraw = o->overdraw;
	uint32_t bg = (uint32_t)o->bg[0] | (uint32_t)o->bg[1] << 8 |
	    (uint32_t)o->bg[2] << 16;
	float *zb = w->z;
	uint32_t *cb = w->c;
	struct basis b;
	const struct vstate vs = { rd, &b, w->p, zb, cb, s, cull, camera,
	    overdraw };

	clear(zb, cb, ns, overdraw ? 0 : bg);
	view_basis(view, &b);
	const float dvx = (float)b.d[0], dvy = (float)b.d[1], dvz = (float)b.d[2];

	if (rd->nt > 0 && rd->rad > 0) {
		project(rd, w, &b);
#if defined(RENDER_AVX512)
		if (rd->use512)
			draw_avx512(&vs, w, candidates_avx512(rd, w, precull,
			    dvx, dvy, dvz));
		else
#endif
			walk(rd, w, &vs, precull, dvx, dvy, dvz);
	}
	/* resolve: box filter over KxK samples (max count for overdraw) */
	uint32_t k = o->ssaa, size = o->size, kk = k * k;

	if (k == 1 && !overdraw) {
		size_t i = 0;

#if defined(RENDER_AVX512)
		if (rd->avx512)
			i = resolve_avx512(out, cb, ns);
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* R, G, B and a zero that the next pixel overwrites */
		for (; i + 1 < ns; i++)
			memcpy(out + 3 * i, cb + i, 4);
#endif
		for (; i < ns; i++) {
			out[3 * i] = (unsigned char)cb[i];
			out[3 * i + 1] = (unsigned char)(cb[i] >> 8);
			out[3 * i + 2] = (unsigned char)(cb[i] >> 16);
		}
		return;
	}
	for (uint32_t y = 0; y < size; y++) {
		for (uint32_t x = 0; x < size; x++) {
			uint32_t sum[3] = { 0, 0, 0 }, mx = 0;
			unsigned char *p = out + 3 * ((size_t)y * size + x);

			for (uint32_t j = 0; j < k; j++) {
				const uint32_t *c = cb +
				    ((size_t)y * k + j) * s + (size_t)x * k;

				for (uint32_t i = 0; i < k; i++) {
					sum[0] += c[i] & 0xff;
					sum[1] += c[i] >> 8 & 0xff;
					sum[2] += c[i] >> 16 & 0xff;
					if (c[i] > mx)
						mx = c[i];
				}
			}
			if (overdraw) {
				p[0] = p[1] = p[2] =
				    (unsigned char)(mx > 255 ? 255 : mx);
			} else {
				p[0] = (unsigned char)((sum[0] + kk / 2) / kk);
				p[1] = (unsigned char)((sum[1] + kk / 2) / kk);
				p[2] = (unsigned char)((sum[2] + kk / 2) / kk);
			}
		}
	}
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct mdf_renderer *rd = w->rd;
	size_t img = (size_t)rd->o.size * rd->o.size * 3;
	size_t i;

	/* views are handed out dynamically; each is rendered whole by one
	 * thread, so the bytes do not depend on who rendered it */
	while ((i = atomic_fetch_add(&rd->next, 1)) < rd->nviews)
		render_view(rd, w, &rd->views[i], rd->px + i * img);
	return NULL;
}

int
mdf_render_prepare(struct mdf_renderer *rd, const struct mdf_mesh *m,
    size_t n, char *why, size_t whylen)
{
	unsigned nw;
	int rc;

	mdf_render_finish(rd);
	rd->prepared = 0;
	if (why != NULL && whylen > 0)
		why[0] = '\0';
	rc = prepare(rd, m, why, whylen);
	if (rc < 0) {
		if (rc == MDF_E_NOMEM)
			snprintf(why, whylen, "out of memory");
		return rc;
	}
	nw = rd->nw < n ? rd->nw : (unsigned)n;
	for (unsigned i = 0; i < nw; i++) {
		struct worker *w = &rd->w[i];

		if (rd->nt / 4 + 1 > w->mcap) {
			free(w->mask);
			w->mask = malloc(rd->nt / 4 + 1);
			w->mcap = w->mask ? rd->nt / 4 + 1 : 0;
			if (w->mask == NULL) {
				snprintf(why, whylen, "out of memory");
				return MDF_E_NOMEM;
			}
		}
		if (rd->use512 && round16(rd->nt) + 16 > w->ccap) {
			free(w->cand);
			w->ccap = round16(rd->nt) + 16;
			w->cand = malloc(NCAND * w->ccap * sizeof(uint32_t));
			if (w->cand == NULL) {
				w->ccap = 0;
				snprintf(why, whylen, "out of memory");
				return MDF_E_NOMEM;
			}
		}
		if (round16(rd->nv) > w->vcap) {
			free(w->p);
			free(w->cell);
			free(w->px);
			free(w->py);
			free(w->pq);
			w->p = malloc(round16(rd->nv) * sizeof *w->p);
			w->cell = malloc(round16(rd->nv) * sizeof *w->cell);
			w->px = malloc(round16(rd->nv) * sizeof *w->px);
			w->py = malloc(round16(rd->nv) * sizeof *w->py);
			w->pq = malloc(round16(rd->nv) * sizeof *w->pq);
			w->vcap = round16(rd->nv);
			if (w->p == NULL || w->cell == NULL || w->px == NULL ||
			    w->py == NULL || w->pq == NULL) {
				w->vcap = 0;
				snprintf(why, whylen, "out of memory");
				return MDF_E_NOMEM;
			}
		}
	}
	rd->prepared = n;
	return 0;
}

void
mdf_render_launch(struct mdf_renderer *rd, const struct mdf_view *v,
    size_t n, unsigned char *px)
{
	unsigned nw;

	/* at most the views prepare() sized the buffers for */
	n = n < rd->prepared ? n : rd->prepared;
	nw = rd->nw < n ? rd->nw : (unsigned)n;
	rd->views = v;
	rd->nviews = n;
	rd->px = px;
	rd->launched = 1;
	atomic_store(&rd->next, 0);
	/* the caller is worker 0 in mdf_render_finish(); a thread that
	 * fails to start only leaves more views to the others */
	rd->started = 0;
	for (unsigned i = 1; i < nw; i++) {
		if (pthread_create(&rd->w[i].tid, NULL, work, &rd->w[i]) != 0)
			break;
		rd->started = i;
	}
}

void
mdf_render_finish(struct mdf_renderer *rd)
{
	if (!rd->launched)
		return;
	if (rd->nviews > 0)
		work(&rd->w[0]);
	for (unsigned i = 1; i <= rd->started; i++)
		pthread_join(rd->w[i].tid, NULL);
	rd->started = 0;
	rd->launched = 0;
}

int
mdf_render(struct mdf_renderer *rd, const struct mdf_mesh *m,
    const struct mdf_view *v, size_t n, unsigned char *px, char *why,
    size_t whylen)
{
	int rc = mdf_render_prepare(rd, m, n, why, whylen);

	if (rc < 0)
		return rc;
	mdf_render_launch(rd, v, n, px);
	mdf_render_finish(rd);
	return 0;
}
