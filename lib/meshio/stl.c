/* STL, binary and ASCII.  The two are told apart by content: a binary
 * file's size is exactly 84 + 50 n, where n is the count at byte 80.  The
 * word "solid" proves nothing, as many binary exporters start their
 * header with it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "meshio/importint.h"
#include "frame/internal.h"
#include "milldir/mesh.h"
#include "milldir/types.h"

#define STL_HEADER 84
#define STL_RECORD 50

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* Does the start of BUF read as text (an ASCII STL)?  Binary data, even
 * under a "solid" header, has control bytes soon after byte 80. */
static int
looks_ascii(const unsigned char *buf, size_t len)
{
	size_t n = len < 1024 ? len : 1024;

	for (size_t i = 0; i < n; i++)
		if ((buf[i] < 0x20 && !imp_space(buf[i])) || buf[i] == 0x7f)
			return 0;
	return 1;
}

/* --- binary ------------------------------------------------------------ */

/* for finite values; fminf would also have to care for NaN */
static inline float
minf(float a, float b)
{
	return a < b ? a : b;
}

static inline float
maxf(float a, float b)
{
	return a > b ? a : b;
}

static inline float
ldf(const unsigned char *p)
{
	float f;

	memcpy(&f, p, sizeof f);
	return f;
}

/* What the parse learns besides the triangles. */
struct acc {
	float lo[3], hi[3];
	double area;     /* twice the area */
	uint64_t disagree;
};

/* One 50-byte record to one 48-byte triangle at T: 0 if kept, 1 if not
 * (degenerate, or a non-finite coordinate the caller must look for).
 * With A NULL (the second pass of a streamed import, on data already
 * checked) nothing is measured; the bytes written are the same, as both
 * passes and mdf_import_buffer run this one function. */
static inline __attribute__((always_inline)) int
stl_tri(const unsigned char *rec, float *t, unsigned flags, struct acc *a)
{
	/* Scalars loaded one by one: a block copy to the stack followed
	 * by narrower loads stalls on store forwarding. */
	const float x0 = ldf(rec + 12), y0 = ldf(rec + 16), z0 = ldf(rec + 20);
	const float x1 = ldf(rec + 24), y1 = ldf(rec + 28), z1 = ldf(rec + 32);
	const float x2 = ldf(rec + 36), y2 = ldf(rec + 40), z2 = ldf(rec + 44);
	double ax = (double)x1 - x0, ay = (double)y1 - y0,
	    az = (double)z1 - z0;
	double bx = (double)x2 - x0, by = (double)y2 - y0,
	    bz = (double)z2 - z0;
	double cx = ay * bz - az * by, cy = az * bx - ax * bz,
	    cz = ax * by - ay * bx;
	double l2 = cx * cx + cy * cy + cz * cz;

	/* A NaN or infinite coordinate makes l2 NaN or infinite (finite
	 * floats keep it below 1e160), so one test covers both cases. */
	if (!(l2 > 0 && l2 < INFINITY))
		return 1;
	double twice = sqrt(l2), inv = 1 / twice;

	cx *= inv, cy *= inv, cz *= inv;
	if (a != NULL) {
		a->area += twice;
		a->lo[0] = minf(a->lo[0], minf(x0, minf(x1, x2)));
		a->lo[1] = minf(a->lo[1], minf(y0, minf(y1, y2)));
		a->lo[2] = minf(a->lo[2], minf(z0, minf(z1, z2)));
		a->hi[0] = maxf(a->hi[0], maxf(x0, maxf(x1, x2)));
		a->hi[1] = maxf(a->hi[1], maxf(y0, maxf(y1, y2)));
		a->hi[2] = maxf(a->hi[2], maxf(z0, maxf(z1, z2)));
	}
	if (a != NULL || (flags & MDF_IMPORT_KEEP_NORMALS)) {
		/* stored normal: compare; keep it if asked and usable */
		double sx = ldf(rec), sy = ldf(rec + 4), sz = ldf(rec + 8);
		double s2 = sx * sx + sy * sy + sz * sz;
		double d = sx * cx + sy * cy + sz * cz;

		if (s2 > 0 && isfinite(s2)) {
			if (a != NULL && (d < 0 || d * d < 0.75 * s2))
				a->disagree++;
			if (flags & MDF_IMPORT_KEEP_NORMALS) {
				double k = 1 / sqrt(s2);

				cx = sx * k, cy = sy * k, cz = sz * k;
			}
		}
	}
	t[0] = (float)cx;
	t[1] = (float)cy;
	t[2] = (float)cz;
	memcpy(t + 3, rec + 12, 9 * sizeof *t);
	return 0;
}

/* Record I at REC was not kept: a degenerate triangle (0), or an error. */
static int
not_kept(struct mdf_import *im, const unsigned char *rec, uint64_t i)
{
	float r[12];

	memcpy(r, rec, sizeof r);
	if (!imp_finite(r + 3, 9)) {
		int k = 3;

		while (imp_finite(r + k, 1))
			k++;
		return imp_fail(im, MDF_E_META, "byte %llu: "
		    "triangle %llu: non-finite coordinate",
		    (unsigned long long)(STL_HEADER + STL_RECORD * i + 4 * (uint64_t)k),
		    (unsigned long long)(i + 1));
	}
	return 0;
}

/* The header's checks; the triangle count, or 0 after imp_fail. */
static uint64_t
stl_binary_count(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	uint64_t n, want;

	im->kind = "binary STL";
	if (len < STL_HEADER) {
		imp_fail(im, MDF_E_META, "byte %zu: truncated binary STL: "
		    "shorter than the %d-byte header", len, STL_HEADER);
		return 0;
	}
	n = le32(buf + 80);
	want = STL_HEADER + STL_RECORD * n;
	if (n == 0)
		imp_fail(im, MDF_E_META, "byte 80: binary STL with no "
		    "triangles (%zu bytes)", len);
	else if (len < want)
		imp_fail(im, MDF_E_META, "byte %zu: truncated binary STL: "
		    "header says %llu triangles (%llu bytes), file ends inside "
		    "triangle %llu", len, (unsigned long long)n,
		    (unsigned long long)want,
		    (unsigned long long)((len - STL_HEADER) / STL_RECORD + 1));
	else if (len > want)
		imp_fail(im, MDF_E_META, "byte 80: triangle count %llu "
		    "disagrees with the size: %llu bytes expected, file has %zu",
		    (unsigned long long)n, (unsigned long long)want, len);
	else
		return n;
	return 0;
}

static void
acc_init(struct acc *a)
{
	for (int k = 0; k < 3; k++) {
		a->lo[k] = INFINITY;
		a->hi[k] = -INFINITY;
	}
	a->area = 0;
	a->disagree = 0;
}

/* The body's results, then the check that some triangle is left. */
static int
acc_end(struct mdf_import *im, const struct acc *a, uint64_t kept)
{
	struct mdf_import_body *b = &im->body[0];

	b->area = a->area / 2;
	b->disagree = a->disagree;
	memcpy(b->lo, a->lo, sizeof a->lo);
	memcpy(b->hi, a->hi, sizeof a->hi);
	im->out->len = (b->first + kept) * MDF_MESH_TRI_BYTES;
	return imp_body_end(im, "byte 84");
}

/* --- the two passes ------------------------------------------------------
 *
 * Both run stl_tri's arithmetic, in scalar code or, where the CPU has
 * AVX2, four records at a time in double-precision lanes: the same IEEE
 * operations in the same order (no FMA, so nothing is contracted), hence
 * the same bytes; MILLDIR_IMPORT_PORTABLE=1 keeps to the scalar code for
 * the tests that compare the two.  A group of four with a triangle that
 * is not kept goes through stl_tri.  Sums stay in file order; the bbox
 * is taken lane by lane, which only matters for the sign of a zero:
 * minf/maxf keep the last of equal values, so the sign of a zero bound
 * is that of the last triangle whose bound is zero, tracked apart. */

struct zacc {
	float lo[3], hi[3];     /* lane-wise bbox of the vector groups */
	float zlo[3], zhi[3];   /* last zero bound seen (NaN: none) */
};

/* Record I at REC to the triangle T: 1 kept (measured into A unless A is
 * NULL), 0 dropped (counted and checked when measuring), or an error. */
static inline __attribute__((always_inline)) int
stl_record(struct mdf_import *im, const unsigned char *rec, uint64_t i,
    float *t, struct acc *a)
{
	int rc;

	if (stl_tri(rec, t, im->flags, a) == 0)
		return 1;
	if (a != NULL) {
		if ((rc = not_kept(im, rec, i)) < 0)
			return rc;
		im->body[0].dropped++;
	}
	return 0;
}

/* Records [I, END) to triangles at OUT (the kept ones), measured into A
 * or not (A NULL).  Returns the count kept or an error. */
static inline __attribute__((always_inline)) int64_t
chunk_scalar(struct mdf_import *im, const unsigned char *buf, uint64_t i,
    uint64_t end, float *out, struct acc *a)
{
	int64_t k = 0;
	int rc;

	for (; i < end; i++) {
		rc = stl_record(im, buf + STL_HEADER + STL_RECORD * i, i, out + 12 * k, a);
		if (rc < 0)
			return rc;
		k += rc;
	}
	return k;
}

static void
zacc_init(struct zacc *z)
{
	for (int k = 0; k < 3; k++) {
		z->lo[k] = INFINITY;
		z->hi[k] = -INFINITY;
		z->zlo[k] = z->zhi[k] = NAN;
	}
}

/* The bounds of the vector lanes joined with the scalar ones. */
static void
zacc_end(const struct zacc *z, struct acc *a)
{
	for (int k = 0; k < 3; k++) {
		a->lo[k] = minf(a->lo[k], z->lo[k]);
		a->hi[k] = maxf(a->hi[k], z->hi[k]);
		if (a->lo[k] == 0 && z->zlo[k] == z->zlo[k])
			a->lo[k] = z->zlo[k];
		if (a->hi[k] == 0 && z->zhi[k] == z->zhi[k])
			a->hi[k] = z->zhi[k];
	}
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define STL_AVX2 1

/* A kept triangle measured by stl_tri inside a vector chunk: note a
 * zero bound. */
static inline __attribute__((always_inline)) void
zacc_scalar(struct zacc *z, const float *t)
{
	for (int k = 0; k < 3; k++) {
		float m = minf(t[3 + k], minf(t[6 + k], t[9 + k]));
		float M = maxf(t[3 + k], maxf(t[6 + k], t[9 + k]));

		if (m == 0)
			z->zlo[k] = m;
		if (M == 0)
			z->zhi[k] = M;
	}
}

__attribute__((target("avx2"))) static inline __attribute__((always_inline)) void
zacc_lanes(float *zk, __m128 m, int mask)
{
	float f[4];

	_mm_storeu_ps(f, m);
	*zk = f[31 - __builtin_clz((unsigned)mask)];
}

/* Record RECORD (number I) the scalar way inside a vector chunk, at
 * triangle *K of OUT: a kept triangle moves *K on and has its zero
 * bounds noted.  0 or MDF_E_*. */
static inline __attribute__((always_inline)) int
chunk_record(struct mdf_import *im, const unsigned char *record, uint64_t i,
    float *out, int64_t *k, struct acc *a, struct zacc *z)
{
	float *t = out + 12 * *k;
	int rc = stl_record(im, record, i, t, a);

	if (rc > 0) {
		if (a != NULL)
			zacc_scalar(z, t);
		++*k;
	}
	return rc < 0 ? rc : 0;
}

/* Four binary STL triangles at a time: load, convert, test and store.
 * One function of some 200 lines on purpose: a vector walk whose lanes'
 * state (bounds, zero-bound notes, the kept mask) lives in registers
 * across its stages, which calls between functions would spill. */
__attribute__((target("avx2"))) static inline __attribute__((always_inline)) int64_t
chunk_avx2(struct mdf_import *im, const unsigned char *buf, uint64_t i,
    uint64_t end, float *out, struct acc *ap, struct zacc *zp)
{
	const int keep = (im->flags & MDF_IMPORT_KEEP_NORMALS) != 0;
	const __m256d zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1.0);
	const __m256d inf = _mm256_set1_pd(INFINITY);
	/* local copies stay in registers: the stores to OUT may alias
	 * anything the pointers reach */
	struct acc la, *a = ap != NULL ? &la : NULL;
	struct zacc lz, *z = &lz;
	__m256i ndis = _mm256_setzero_si256();
	__m128 lo[3], hi[3];
	int64_t k = 0;

	if (ap != NULL) {
		la = *ap;
		lz = *zp;
	}

	for (int c = 0; c < 3; c++) {
		lo[c] = _mm_set1_ps(a != NULL ? z->lo[c] : 0);
		hi[c] = _mm_set1_ps(a != NULL ? z->hi[c] : 0);
	}
	for (; end - i >= 4; i += 4) {
		const unsigned char *p = buf + STL_HEADER + STL_RECORD * i;
#define LD(o) _mm_loadu_ps((const float *)(const void *)(p + (o)))
		/* rows of four records, turned into lanes of four triangles */
		__m128 x0 = LD(12), y0 = LD(62), z0 = LD(112), x1 = LD(162);
		__m128 z1 = LD(32), x2 = LD(82), y2 = LD(132), z2 = LD(182);
		__m256 q0 = _mm256_loadu_ps((const float *)(const void *)(p + 16));
		__m256 q1 = _mm256_loadu_ps((const float *)(const void *)(p + 66));
		__m256 q2 = _mm256_loadu_ps((const float *)(const void *)(p + 116));
		__m256 q3 = _mm256_loadu_ps((const float *)(const void *)(p + 166));
		__m128 y1;

		/* 2 KB ahead: 20-25 % faster on a file from the page cache than
		 * leaving it to the hardware (prefetches never fault) */
		_mm_prefetch((const char *)p + 2048, _MM_HINT_T0);
		_mm_prefetch((const char *)p + 2048 + 64, _MM_HINT_T0);
		_mm_prefetch((const char *)p + 2048 + 128, _MM_HINT_T0);
		_mm_prefetch((const char *)p + 2048 + 192, _MM_HINT_T0);
		_MM_TRANSPOSE4_PS(x0, y0, z0, x1);
		_MM_TRANSPOSE4_PS(z1, x2, y2, z2);
		y1 = _mm_movehl_ps(_mm_unpackhi_ps(_mm256_castps256_ps128(q2),
		    _mm256_castps256_ps128(q3)), _mm_unpackhi_ps(
		    _mm256_castps256_ps128(q0), _mm256_castps256_ps128(q1)));

		__m256d X0 = _mm256_cvtps_pd(x0), Y0 = _mm256_cvtps_pd(y0),
		    Z0 = _mm256_cvtps_pd(z0);
		__m256d ax = _mm256_sub_pd(_mm256_cvtps_pd(x1), X0),
		    ay = _mm256_sub_pd(_mm256_cvtps_pd(y1), Y0),
		    az = _mm256_sub_pd(_mm256_cvtps_pd(z1), Z0);
		__m256d bx = _mm256_sub_pd(_mm256_cvtps_pd(x2), X0),
		    by = _mm256_sub_pd(_mm256_cvtps_pd(y2), Y0),
		    bz = _mm256_sub_pd(_mm256_cvtps_pd(z2), Z0);
		__m256d cx = _mm256_sub_pd(_mm256_mul_pd(ay, bz), _mm256_mul_pd(az, by));
		__m256d cy = _mm256_sub_pd(_mm256_mul_pd(az, bx), _mm256_mul_pd(ax, bz));
		__m256d cz = _mm256_sub_pd(_mm256_mul_pd(ax, by), _mm256_mul_pd(ay, bx));
		__m256d l2 = _mm256_add_pd(_mm256_add_pd(_mm256_mul_pd(cx, cx),
		    _mm256_mul_pd(cy, cy)), _mm256_mul_pd(cz, cz));
		int ok = _mm256_movemask_pd(_mm256_and_pd(
		    _mm256_cmp_pd(l2, zero, _CMP_GT_OQ),
		    _mm256_cmp_pd(l2, inf, _CMP_LT_OQ)));

		if (ok != 0xf) {
			/* rare: the scalar way, record by record */
			for (int r = 0; r < 4; r++) {
				int rc = chunk_record(im, p + STL_RECORD * r, i + (uint64_t)r,
				    out, &k, a, z);

				if (rc < 0)
					return rc;
			}
			continue;
		}
		__m256d twice = _mm256_sqrt_pd(l2);
		__m256d inv = _mm256_div_pd(one, twice);

		cx = _mm256_mul_pd(cx, inv);
		cy = _mm256_mul_pd(cy, inv);
		cz = _mm256_mul_pd(cz, inv);
		if (a != NULL) {
			double tw[4];
			__m128 m[6];
			int zm;

			_mm256_storeu_pd(tw, twice);
			a->area += tw[0];
			a->area += tw[1];
			a->area += tw[2];
			a->area += tw[3];
			m[0] = _mm_min_ps(x0, _mm_min_ps(x1, x2));
			m[1] = _mm_min_ps(y0, _mm_min_ps(y1, y2));
			m[2] = _mm_min_ps(z0, _mm_min_ps(z1, z2));
			m[3] = _mm_max_ps(x0, _mm_max_ps(x1, x2));
			m[4] = _mm_max_ps(y0, _mm_max_ps(y1, y2));
			m[5] = _mm_max_ps(z0, _mm_max_ps(z1, z2));
			for (int c = 0; c < 3; c++) {
				lo[c] = _mm_min_ps(lo[c], m[c]);
				hi[c] = _mm_max_ps(hi[c], m[3 + c]);
			}
			{
				__m128 e = _mm_setzero_ps(), zero4 = e;

				for (int c = 0; c < 6; c++)
					e = _mm_or_ps(e, _mm_cmpeq_ps(m[c], zero4));
				zm = _mm_movemask_ps(e);
			}
			if (zm != 0)    /* a bound of zero: note its sign */
				for (int c = 0; c < 6; c++) {
					int zk = _mm_movemask_ps(_mm_cmpeq_ps(m[c],
					    _mm_setzero_ps()));

					if (zk != 0)
						zacc_lanes(c < 3 ? &z->zlo[c] :
						    &z->zhi[c - 3], m[c], zk);
				}
		}
		if (a != NULL || keep) {
			/* stored normals: compare; keep them if asked and usable */
			__m128 n0 = LD(0), n1 = LD(50), n2 = LD(100), n3 = LD(150);

			_MM_TRANSPOSE4_PS(n0, n1, n2, n3);
			__m256d sx = _mm256_cvtps_pd(n0), sy = _mm256_cvtps_pd(n1),
			    sz = _mm256_cvtps_pd(n2);
			__m256d s2 = _mm256_add_pd(_mm256_add_pd(_mm256_mul_pd(sx, sx),
			    _mm256_mul_pd(sy, sy)), _mm256_mul_pd(sz, sz));
			__m256d d = _mm256_add_pd(_mm256_add_pd(_mm256_mul_pd(sx, cx),
			    _mm256_mul_pd(sy, cy)), _mm256_mul_pd(sz, cz));
			__m256d use = _mm256_and_pd(_mm256_cmp_pd(s2, zero, _CMP_GT_OQ),
			    _mm256_cmp_pd(s2, inf, _CMP_LT_OQ));

			if (a != NULL) {
				__m256d dis = _mm256_and_pd(use, _mm256_or_pd(
				    _mm256_cmp_pd(d, zero, _CMP_LT_OQ),
				    _mm256_cmp_pd(_mm256_mul_pd(d, d), _mm256_mul_pd(
				    _mm256_set1_pd(0.75), s2), _CMP_LT_OQ)));

				/* true lanes are -1 */
				ndis = _mm256_sub_epi64(ndis, _mm256_castpd_si256(dis));
			}
			if (keep) {
				__m256d kk = _mm256_div_pd(one, _mm256_sqrt_pd(s2));

				cx = _mm256_blendv_pd(cx, _mm256_mul_pd(sx, kk), use);
				cy = _mm256_blendv_pd(cy, _mm256_mul_pd(sy, kk), use);
				cz = _mm256_blendv_pd(cz, _mm256_mul_pd(sz, kk), use);
			}
		}
		{
			/* rows (normal, x0) of each triangle; the other eight
			 * floats are the record's bytes 16-47 as they are */
			__m128 r0 = _mm256_cvtpd_ps(cx), r1 = _mm256_cvtpd_ps(cy),
			    r2 = _mm256_cvtpd_ps(cz), r3 = x0;
			float *t = out + 12 * k;

			_MM_TRANSPOSE4_PS(r0, r1, r2, r3);
			_mm_storeu_ps(t, r0);
			_mm256_storeu_ps(t + 4, q0);
			_mm_storeu_ps(t + 12, r1);
			_mm256_storeu_ps(t + 16, q1);
			_mm_storeu_ps(t + 24, r2);
			_mm256_storeu_ps(t + 28, q2);
			_mm_storeu_ps(t + 36, r3);
			_mm256_storeu_ps(t + 40, q3);
			k += 4;
		}
#undef LD
	}
	for (int c = 0; c < 3 && a != NULL; c++) {
		float f[4];

		_mm_storeu_ps(f, lo[c]);
		z->lo[c] = minf(minf(f[0], f[1]), minf(f[2], f[3]));
		_mm_storeu_ps(f, hi[c]);
		z->hi[c] = maxf(maxf(f[0], f[1]), maxf(f[2], f[3]));
	}
	if (a != NULL) {
		uint64_t nd[4];

		_mm256_storeu_si256((__m256i *)(void *)nd, ndis);
		a->disagree += nd[0] + nd[1] + nd[2] + nd[3];
	}
	/* the last records */
	for (; i < end; i++) {
		int rc = chunk_record(im, buf + STL_HEADER + STL_RECORD * i, i, out, &k,
		    a, z);

		if (rc < 0)
			return rc;
	}
	if (ap != NULL) {
		*ap = la;
		*zp = lz;
	}
	return k;
}

__attribute__((target("avx2"))) static int64_t
chunk_avx2_measure(struct mdf_import *im, const unsigned char *buf,
    uint64_t i, uint64_t end, float *out, struct acc *a, struct zacc *z)
{
	return chunk_avx2(im, buf, i, end, out, a, z);
}

__attribute__((target("avx2"))) static int64_t
chunk_avx2_write(struct mdf_import *im, const unsigned char *buf,
    uint64_t i, uint64_t end, float *out)
{
	return chunk_avx2(im, buf, i, end, out, NULL, NULL);
}
#endif

static int
use_avx2(void)
{
#ifdef STL_AVX2
	static int use = -1;

	if (use < 0) {
		const char *e = getenv("MILLDIR_IMPORT_PORTABLE");

		__builtin_cpu_init();
		use = __builtin_cpu_supports("avx2") &&
		    !(e != NULL && strcmp(e, "1") == 0);
	}
	return use;
#else
	return 0;
#endif
}

/* chunk_scalar or chunk_avx2, measuring or not */
static int64_t
chunk_measure(struct mdf_import *im, const unsigned char *buf, uint64_t i,
    uint64_t end, float *out, struct acc *a, struct zacc *z)
{
#ifdef STL_AVX2
	if (use_avx2())
		return chunk_avx2_measure(im, buf, i, end, out, a, z);
#endif
	(void)z;
	return chunk_scalar(im, buf, i, end, out, a);
}

static int64_t
chunk_write(struct mdf_import *im, const unsigned char *buf, uint64_t i,
    uint64_t end, float *out)
{
#ifdef STL_AVX2
	if (use_avx2())
		return chunk_avx2_write(im, buf, i, end, out);
#endif
	return chunk_scalar(im, buf, i, end, out, NULL);
}

static int
stl_binary(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	uint64_t n;
	int64_t k;
	struct acc a;
	struct zacc z;
	float *out;
	int rc;

	if ((n = stl_binary_count(im, buf, len)) == 0)
		return MDF_E_META;
	if ((rc = imp_body_begin(im, NULL, 0)) < 0 ||
	    (rc = imp_reserve(im, n)) < 0)
		return rc;
	out = (float *)(void *)im->out->payload;
	imp_hugepages(out, (size_t)n * MDF_MESH_TRI_BYTES);
	acc_init(&a);
	zacc_init(&z);
	/* one 50-byte record in, one 48-byte triangle out; degenerate
	 * triangles are overwritten by the next */
	if ((k = chunk_measure(im, buf, 0, n, out, &a, &z)) < 0)
		return (int)k;
	zacc_end(&z, &a);
	return acc_end(im, &a, (uint64_t)k);
}

int
imp_stl_is_binary(const unsigned char *buf, size_t len)
{
	return len > 0 && ((len >= STL_HEADER &&
	    len - STL_HEADER == (uint64_t)STL_RECORD * le32(buf + 80)) ||
	    !looks_ascii(buf, len));
}

/* Triangles per piece: the first pass's stay in L1 for the CRC, the
 * second's are bigger to take fewer write calls. */
#define MEASURE_CHUNK 512
#define WRITE_CHUNK 4096

int
imp_stl_measure(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	size_t chunk = im->chunk ? im->chunk : MEASURE_CHUNK;
	float *out;
	uint64_t n, end, kept = 0;
	uint32_t crc = 0;
	struct acc a;
	struct zacc z;
	int rc;

	if ((n = stl_binary_count(im, buf, len)) == 0)
		return MDF_E_META;
	if ((rc = imp_body_begin(im, NULL, 0)) < 0)
		return rc;
	if (chunk > SIZE_MAX / MDF_MESH_TRI_BYTES ||
	    (out = malloc(chunk * MDF_MESH_TRI_BYTES)) == NULL)
		return imp_fail(im, MDF_E_NOMEM, "out of memory");
	acc_init(&a);
	zacc_init(&z);
	for (uint64_t i = 0; i < n; i = end) {
		int64_t k;

		end = n - i > chunk ? i + chunk : n;
		if ((k = chunk_measure(im, buf, i, end, out, &a, &z)) < 0) {
			free(out);
			return (int)k;
		}
		crc = mdf_crc32(crc, out, (size_t)k * MDF_MESH_TRI_BYTES);
		kept += (uint64_t)k;
	}
	free(out);
	zacc_end(&z, &a);
	im->crc = crc;
	im->out->len = 0;
	if ((rc = acc_end(im, &a, kept)) < 0)
		return rc;
	im->out->len = 0;
	return MDF_OK;
}

int
imp_stl_write(struct mdf_import *im, const unsigned char *buf, size_t len,
    struct mdf_writer *w)
{
	uint64_t n = len >= STL_HEADER ? le32(buf + 80) : 0, kept = 0;
	size_t chunk = w == NULL ? (size_t)n : im->chunk ? im->chunk : WRITE_CHUNK;
	float *out;
	int rc = MDF_OK;

	if (w == NULL) {
		/* room for every record, in case the file changed */
		if (mdf_frame_resize(im->out, (size_t)n * MDF_MESH_TRI_BYTES) == NULL)
			return MDF_E_NOMEM;
		out = (float *)(void *)im->out->payload;
	} else if (chunk > SIZE_MAX / MDF_MESH_TRI_BYTES ||
	    (out = malloc(chunk * MDF_MESH_TRI_BYTES)) == NULL)
		return MDF_E_NOMEM;
	for (uint64_t i = 0, end; i < n && rc == MDF_OK && kept <= im->triangles;
	    i = end) {
		int64_t k;

		end = n - i > chunk ? i + chunk : n;
		k = chunk_write(im, buf, i, end, out + 12 * (w ? 0 : kept));
		kept += (uint64_t)k;
		if (w != NULL)
			rc = mdf_write_payload(w, out, (size_t)k * MDF_MESH_TRI_BYTES);
	}
	if (w != NULL)
		free(out);
	else
		im->out->len = (size_t)kept * MDF_MESH_TRI_BYTES;
	/* the file changed between the passes */
	if (rc == MDF_OK && kept != im->triangles)
		rc = MDF_E_INVAL;
	return rc;
}

/* --- ASCII ------------------------------------------------------------- */

struct scan {
	struct mdf_import *im;
	const unsigned char *p, *end;
	uint64_t line;
};

static void
skip_space(struct scan *s)
{
	const unsigned char *p = s->p, *end = s->end;

	while (p < end && imp_space(*p)) {
		s->line += *p == '\n';
		p++;
	}
	s->p = p;
}

static size_t
token_len(const struct scan *s)
{
	const unsigned char *q = s->p;

	while (q < s->end && !imp_space(*q))
		q++;
	return (size_t)(q - s->p);
}

static int
expected(struct scan *s, const char *what)
{
	char tok[40];

	return imp_fail(s->im, MDF_E_META, "line %llu: expected %s, found %s",
	    (unsigned long long)s->line, what,
	    imp_token(tok, sizeof tok, s->p, token_len(s)));
}

/* Is the next token the keyword KW (lowercase letters), in any case. */
static int
is_kw(struct scan *s, const char *kw)
{
	const unsigned char *p;
	size_t i;

	skip_space(s);
	p = s->p;
	for (i = 0; kw[i] != '\0'; i++)
		if (p + i >= s->end || (p[i] | 0x20) != (unsigned char)kw[i])
			return 0;
	if (p + i < s->end && !imp_space(p[i]))
		return 0;
	s->p = p + i;
	return 1;
}

static int
keyword(struct scan *s, const char *kw, const char *quoted)
{
	return is_kw(s, kw) ? MDF_OK : expected(s, quoted);
}

/* A coordinate; a stored normal (NORMAL set) may also be NaN or infinite:
 * some exporters write "nan" for degenerate facets, and stored normals
 * are only advice. */
static int
number(struct scan *s, float *v, int normal)
{
	const char *q;

	skip_space(s);
	q = mdf_parse_float((const char *)s->p, (const char *)s->end, v);
	if (q == NULL || ((const unsigned char *)q < s->end &&
	    !imp_space(*(const unsigned char *)q))) {
		char tok[40];
		size_t n = token_len(s);
		const unsigned char *t = s->p;

		if (n > 0 && (*t == '-' || *t == '+'))
			t++;
		if (imp_nonfinite_word(t, n - (size_t)(t - s->p))) {
			if (normal) {
				*v = NAN;
				s->p += n;
				return MDF_OK;
			}
			return imp_fail(s->im, MDF_E_META, "line %llu: non-finite "
			    "coordinate %s", (unsigned long long)s->line,
			    imp_token(tok, sizeof tok, s->p, n));
		}
		return expected(s, "a number");
	}
	if (!isfinite(*v) && !normal) {
		char tok[40];

		return imp_fail(s->im, MDF_E_META, "line %llu: non-finite "
		    "coordinate %s (out of float range)",
		    (unsigned long long)s->line,
		    imp_token(tok, sizeof tok, s->p, token_len(s)));
	}
	s->p = (const unsigned char *)q;
	return MDF_OK;
}

/* One "solid NAME ... endsolid [NAME]" block, "solid" already read. */
static int
stl_solid(struct scan *s)
{
	const unsigned char *name = s->p;
	uint64_t line = s->line;
	char where[200];
	int rc;

	while (s->p < s->end && *s->p != '\n')
		s->p++;
	if ((rc = imp_body_begin(s->im, name, (size_t)(s->p - name))) < 0)
		return rc;
	snprintf(where, sizeof where, "line %llu: solid '%s'", (unsigned long long)line,
	    s->im->body[s->im->nbody - 1].name);
	for (;;) {
		float v[9], nrm[3];

		if (!is_kw(s, "facet")) {
			if (is_kw(s, "endsolid"))
				break;
			return expected(s, "'facet' or 'endsolid'");
		}
		if ((rc = keyword(s, "normal", "'normal'")) < 0 ||
		    (rc = number(s, nrm, 1)) < 0 ||
		    (rc = number(s, nrm + 1, 1)) < 0 ||
		    (rc = number(s, nrm + 2, 1)) < 0 ||
		    (rc = keyword(s, "outer", "'outer'")) < 0 ||
		    (rc = keyword(s, "loop", "'loop'")) < 0)
			return rc;
		for (int k = 0; k < 9; k += 3)
			if ((rc = keyword(s, "vertex", "'vertex'")) < 0 ||
			    (rc = number(s, v + k, 0)) < 0 ||
			    (rc = number(s, v + k + 1, 0)) < 0 ||
			    (rc = number(s, v + k + 2, 0)) < 0)
				return rc;
		if ((rc = keyword(s, "endloop", "'endloop'")) < 0 ||
		    (rc = keyword(s, "endfacet", "'endfacet'")) < 0 ||
		    (rc = imp_add(s->im, v, nrm)) < 0)
			return rc;
	}
	/* the rest of the endsolid line is its optional name */
	while (s->p < s->end && *s->p != '\n')
		s->p++;
	return imp_body_end(s->im, where);
}

static int
stl_ascii(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	struct scan s = { im, buf, buf + len, 1 };
	int rc;

	im->kind = "ASCII STL";
	/* a guess from the size keeps reallocation rare: ~250 bytes a facet */
	if ((rc = imp_reserve(im, len / 256 + 16)) < 0)
		return rc;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		s.p += 3;               /* UTF-8 byte-order mark */
	do {
		if (!is_kw(&s, "solid"))
			return expected(&s, "'solid'");
		if ((rc = stl_solid(&s)) < 0)
			return rc;
		skip_space(&s);
	} while (s.p < s.end);
	return MDF_OK;
}

int
mdf_stl_parse(struct mdf_import *im, const unsigned char *buf, size_t len)
{
	if (len == 0)
		return imp_fail(im, MDF_E_META, "byte 0: empty file");
	if (imp_stl_is_binary(buf, len))
		return stl_binary(im, buf, len);
	return stl_ascii(im, buf, len);
}
