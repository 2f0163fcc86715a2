/*
 * The AVX-512 walk of the rasteriser (see rasterint.h), chosen at run
 * time where the processor has it: the same bytes as the portable walk
 * of raster.c, sixteen triangles at a time.
 *
 * Deliberately unrolled kernels (`duplicates` pairs them; leave them
 * written out): rast_project_avx512 against raster.c's project_sse (the
 * same projection on 16 and on 4 lanes), and the three corners a, b, c
 * that rast_candidates_avx512 and rast_draw_avx512 each gather, spelt
 * out so that sixteen triangles' corners stay in registers.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rasterint.h"

#if defined(RENDER_AVX512)
/* The unit normals of triangles T .. T + 7 of TRI (N[k][j] for triangle
 * T + j) and the lengths of their cross products (LEN), with the double
 * operations of prepare() in its order. */
AVX512 void
rast_normals8_avx512(const float *tri, size_t t, double n[3][8], double len[8])
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

/*
 * The AVX-512 walk: the same bytes as the portable one, sixteen
 * triangles at a time.  A first pass keeps, in order, the triangles that
 * may face the camera and whose box holds a pixel centre; a second takes
 * those sixteen at a time through small_tri()'s arithmetic (exact integer
 * edge values in single precision, the same depth roundings) for boxes
 * of at most 4x4 centres inside the image, and leaves only the stores,
 * in triangle order, to a scalar loop.  Other boxes go to rast_draw_tri_box()
 * in their turn.  No fused multiply-adds (AVX512 above), so that every
 * rounding is the portable path's.
 */

/* project_sse() sixteen vertices at a time, into w->px, py, pq, or
 * with x and y as int16 in px when PACKED */
AVX512 void
rast_project_avx512(struct mdf_renderer *rd, struct worker *w, int packed,
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
AVX512 size_t
rast_candidates_avx512(const struct mdf_renderer *rd, struct worker *w,
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

/* Second pass over the N candidates.  One function of some 300 lines on
 * purpose: a vector walk whose sixteen lanes' state (edges, boxes, depth
 * steps, the write queue) lives in registers across its stages, which
 * calls between functions would spill. */
AVX512 void
rast_draw_avx512(const struct vstate *vs, const struct worker *w, size_t n)
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
				rast_draw_tri_box(vs, t, v, v + 1, v + 2,
				    box[0][j], box[1][j], box[2][j], box[3][j]);
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

/* The direct resolve (no supersampling) of N colours CB to RGB bytes
 * OUT, eight pixels at a time; returns how many it did. */
AVX512 size_t
rast_resolve_avx512(unsigned char *out, const uint32_t *cb, size_t n)
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
