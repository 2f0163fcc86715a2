/*
 * Normal-map rasteriser, the views: projection, the portable walk and
 * its fill rule, the threads; see rasterint.h, milldir/render.h and
 * normrender(1).
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rasterint.h"

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

void
rast_view_basis(const struct mdf_view *v, struct basis *b)
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
 * single-precision operations in the same order as the scalar loop.  A
 * deliberately unrolled kernel: rast_project_avx512 (raster_avx512.c) is
 * the same on sixteen lanes; `duplicates` pairs the two. */
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
 * the depth key, larger nearer.  Orthographic views take their centre
 * and scale from FR. */
static void
project(struct mdf_renderer *rd, struct worker *w, const struct basis *b,
    const struct rast_frame *fr)
{
	const double *c = fr->c;
	double half = fr->s * (double)HALF; /* image centre, fixed point */
	const float *v = rd->v;
	size_t nv = rd->nv;

	if (rd->o.fov == 0) {
		double k = fr->k; /* fixed units per world unit */
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
			w->packed = fr->s <= 120;
			rast_project_avx512(rd, w, w->packed, ax, ay, az, ta,
			    bx, by, bz, tb, dx, dy, dz, td);
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
NOINLINE void
rast_draw_tri_box(const struct vstate *vs, size_t t, const struct pv *p0,
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

/* rast_draw_tri_box() with the box as from pack_cell() */
static void
draw_tri(const struct vstate *vs, size_t t, uint64_t cc)
{
	const uint32_t *ix = vs->rd->idx + 3 * t;

	rast_draw_tri_box(vs, t, vs->p + ix[0], vs->p + ix[1], vs->p + ix[2],
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

void
rast_draw_view(struct mdf_renderer *rd, struct worker *w,
    const struct basis *b, const struct rast_frame *fr, uint32_t bg)
{
	const struct mdf_render_opts *o = &rd->o;
	const int32_t s = fr->s;
	const size_t ns = (size_t)s * s;
	const int cull = o->backfaces == MDF_BACKFACES_CULL ||
	    (o->backfaces == MDF_BACKFACES_AUTO && rd->closed);
	/* orthographic culling can skip clearly turned-away faces from
	 * their normal alone; the margin leaves the exact decision on
	 * nearly edge-on faces to the integer area below */
	const int precull = cull && o->fov == 0;
	const int camera = o->normals == MDF_NORMALS_CAMERA;
	const int overdraw = o->overdraw;
	float *zb = w->z;
	uint32_t *cb = w->c;
	const struct vstate vs = { rd, b, w->p, zb, cb, s, cull, camera,
	    overdraw };

	clear(zb, cb, ns, overdraw ? 0 : bg);
	const float dvx = (float)b->d[0], dvy = (float)b->d[1];
	const float dvz = (float)b->d[2];

	if (rd->nt > 0 && rd->rad > 0) {
		project(rd, w, b, fr);
#if defined(RENDER_AVX512)
		if (rd->use512)
			rast_draw_avx512(&vs, w, rast_candidates_avx512(rd, w,
			    precull, dvx, dvy, dvz));
		else
#endif
			walk(rd, w, &vs, precull, dvx, dvy, dvz);
	}
}

static void
render_view(struct mdf_renderer *rd, struct worker *w,
    const struct mdf_view *view, unsigned char *out)
{
	const struct mdf_render_opts *o = &rd->o;
	const int32_t s = (int32_t)rd->s;
	const size_t ns = (size_t)s * s;
	const int overdraw = o->overdraw;
	uint32_t bg = (uint32_t)o->bg[0] | (uint32_t)o->bg[1] << 8 |
	    (uint32_t)o->bg[2] << 16;
	uint32_t *cb = w->c;
	struct basis b;
	/* orthographic: the bounding sphere just fills the image */
	struct rast_frame fr = { { rd->ctr[0], rd->ctr[1], rd->ctr[2] },
	    rd->rad > 0 ? s * (double)HALF / rd->rad : 0, s };

	rast_view_basis(view, &b);
	rast_draw_view(rd, w, &b, &fr, bg);
	/* resolve: box filter over KxK samples (max count for overdraw) */
	uint32_t k = o->ssaa, size = o->size, kk = k * k;

	if (k == 1 && !overdraw) {
		size_t i = 0;

#if defined(RENDER_AVX512)
		if (rd->avx512)
			i = rast_resolve_avx512(out, cb, ns);
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
	rc = rast_prepare(rd, m, why, whylen);
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
