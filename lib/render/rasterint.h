/*
 * The rasteriser's internals, shared by its files (not installed):
 *
 *   prepare.c         the renderer, its options, and the per-mesh
 *                     preparation (unique vertices, normals, colours,
 *                     closedness, normal cones)
 *   raster.c          views: projection and the portable walk, with its
 *                     fill rule (small_tri, draw_tri_box), the threads
 *   raster_avx512.c   the AVX-512 walk, chosen at run time (same bytes)
 *   depth.c           orthographic depth maps along the axes (reach)
 *
 * Fixed-point vertex positions (8 sub-pixel bits), integer edge
 * functions, the top-left fill rule and a float depth buffer; see
 * milldir/render.h and normrender(1).
 */
#ifndef MILLDIR_RENDER_RASTERINT_H
#define MILLDIR_RENDER_RASTERINT_H

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
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
	double lo[3], hi[3];   /* bounding box (kept triangles) */
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

struct basis {
	double r[3], u[3], d[3];
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

/* arrays read 4 or 16 at a time are padded to a multiple of 16 */
static inline size_t
round16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

static inline unsigned char
to_byte(double n)
{
	double v = (n + 1) * 127.5 + 0.5;

	if (!(v > 0))
		return 0;
	if (v >= 255)
		return 255;
	return (unsigned char)v;
}

static inline uint32_t
pack_normal(double x, double y, double z)
{
	return (uint32_t)to_byte(x) | (uint32_t)to_byte(y) << 8 |
	    (uint32_t)to_byte(z) << 16;
}

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

static inline uint32_t
camera_colour(const float *n, const struct basis *b)
{
	return pack_normal(n[0] * b->r[0] + n[1] * b->r[1] + n[2] * b->r[2],
	    n[0] * b->u[0] + n[1] * b->u[1] + n[2] * b->u[2],
	    n[0] * b->d[0] + n[1] * b->d[1] + n[2] * b->d[2]);
}

static inline uint32_t
face_colour(const struct vstate *vs, size_t t)
{
	return vs->camera ? camera_colour(vs->rd->nrm + 3 * t, vs->b) :
	    vs->rd->col[t];
}

/* How an orthographic view frames the mesh: the world point C lands at
 * the image centre, K fixed-point units (ONE per sample) per world unit,
 * S samples a side (at most the renderer's). */
struct rast_frame {
	double c[3];
	double k;
	int32_t s;
};

/* prepare.c */
/* Grow *P (of *CAP elements of ELEM bytes) to at least NEED elements,
 * doubling from 1024; MDF_E_NOMEM. */
int rast_grow(void **p, size_t *cap, size_t need, size_t elem);
/* Per-mesh preparation: finite check, normals, colours, unique vertices,
 * bounding sphere, closedness; the AVX-512 walk's arrays. */
int rast_prepare(struct mdf_renderer *rd, const struct mdf_mesh *m,
    char *why, size_t whylen);

/* raster.c */
/* Draw triangle T, of projected vertices P0, P1, P2, whose box of pixel
 * centres is columns BX0..BX1, rows BY0..BY1 (the general loop). */
void rast_draw_tri_box(const struct vstate *vs, size_t t,
    const struct pv *p0, const struct pv *p1, const struct pv *p2,
    int32_t bx0, int32_t by0, int32_t bx1, int32_t by1);

/* The camera of view V: d towards the camera, r image right, u = d x r
 * image up (exact at multiples of 90 degrees). */
void rast_view_basis(const struct mdf_view *v, struct basis *b);
/* Draw the view of basis B framed by FR into W's buffers: depth keys
 * (larger nearer, -inf where nothing was drawn) in w->z, colours
 * (background BG) in w->c, FR->s samples a side, top row first.  The
 * perspective of the renderer's options ignores FR but for its S. */
void rast_draw_view(struct mdf_renderer *rd, struct worker *w,
    const struct basis *b, const struct rast_frame *fr, uint32_t bg);

#if defined(RENDER_AVX512)
/* raster_avx512.c */
void rast_normals8_avx512(const float *tri, size_t t, double n[3][8],
    double len[8]);
void rast_project_avx512(struct mdf_renderer *rd, struct worker *w,
    int packed, float ax, float ay, float az, float ta, float bx, float by,
    float bz, float tb, float dx, float dy, float dz, float td);
size_t rast_candidates_avx512(const struct mdf_renderer *rd,
    struct worker *w, int precull, float dx, float dy, float dz);
void rast_draw_avx512(const struct vstate *vs, const struct worker *w,
    size_t n);
size_t rast_resolve_avx512(unsigned char *out, const uint32_t *cb,
    size_t n);
#endif

#endif
