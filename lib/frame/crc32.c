/* CRC-32 of frame data (zlib's polynomial and conditioning), folded with
 * carry-less multiplies where the CPU has them: zlib's table-driven
 * crc32_z runs at about 3 GB/s and was as costly as parsing a binary STL
 * (see tests/bench/stl2norm.sh).  The folding keeps four 128-bit lanes
 * congruent to the data modulo the CRC polynomial (Intel's "Fast CRC
 * Computation for Generic Polynomials Using PCLMULQDQ"); the folded 16
 * bytes then go through zlib, so no Barrett reduction is needed here.
 *
 * Deliberately unrolled kernels (`duplicates` pairs them; leave them
 * written out): crc32_clmul and crc32_vclmul, the same folding on 128-bit
 * and on 512-bit registers, each with its four lanes spelt out so that
 * all four stay in registers across the loop. */
#include "config.h"

#include <zlib.h>

#include "frame/internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* x^(512+32) and x^(512-32) mod P, bit-reflected: fold 64 bytes ahead */
#define K1 0x154442bd4ULL
#define K2 0x1c6e41596ULL
/* x^(128+32) and x^(128-32) mod P, bit-reflected: fold 16 bytes ahead */
#define K3 0x1751997d0ULL
#define K4 0x0ccaa009eULL
/* the same for 256 bytes (x^2080, x^2016), 48 (x^416, x^352) and 32
 * bytes ahead (x^288, x^224), for the 512-bit lanes below */
#define K2048A 0x11542778aULL
#define K2048B 0x1322d1430ULL
#define K384A 0x03db1ecdcULL
#define K384B 0x174359406ULL
#define K256A 0x0f1da05aaULL
#define K256B 0x15a546366ULL

__attribute__((target("pclmul,sse2")))
static inline __m128i
fold(__m128i x, __m128i k, __m128i next)
{
	return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00),
	    _mm_clmulepi64_si128(x, k, 0x11)), next);
}

/* The 16 folded bytes, then the LEN < 16 bytes left at P. */
__attribute__((target("pclmul,sse2")))
static uint32_t
crc32_tail(__m128i x, const unsigned char *p, size_t len)
{
	unsigned char v[16];
	uint32_t crc;

	/* 16 bytes with the CRC of everything so far, initial value 0 */
	_mm_storeu_si128((__m128i *)v, x);
	crc = (uint32_t)crc32_z(0xffffffffUL, v, 16);
	return (uint32_t)crc32_z(crc, p, len);
}

__attribute__((target("pclmul,sse2")))
static uint32_t
crc32_clmul(uint32_t crc, const unsigned char *p, size_t len)
{
	const __m128i k12 = _mm_set_epi64x((long long)K2, (long long)K1);
	const __m128i k34 = _mm_set_epi64x((long long)K4, (long long)K3);
	__m128i x0, x1, x2, x3;

	/* the initial register value enters as the first 32 bits of data */
	x0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)p),
	    _mm_cvtsi32_si128((int)~crc));
	x1 = _mm_loadu_si128((const __m128i *)(p + 16));
	x2 = _mm_loadu_si128((const __m128i *)(p + 32));
	x3 = _mm_loadu_si128((const __m128i *)(p + 48));
	p += 64;
	len -= 64;
	while (len >= 64) {
		x0 = fold(x0, k12, _mm_loadu_si128((const __m128i *)p));
		x1 = fold(x1, k12, _mm_loadu_si128((const __m128i *)(p + 16)));
		x2 = fold(x2, k12, _mm_loadu_si128((const __m128i *)(p + 32)));
		x3 = fold(x3, k12, _mm_loadu_si128((const __m128i *)(p + 48)));
		p += 64;
		len -= 64;
	}
	x0 = fold(x0, k34, x1);
	x0 = fold(x0, k34, x2);
	x0 = fold(x0, k34, x3);
	while (len >= 16) {
		x0 = fold(x0, k34, _mm_loadu_si128((const __m128i *)p));
		p += 16;
		len -= 16;
	}
	return crc32_tail(x0, p, len);
}

/* With VPCLMULQDQ: four 512-bit registers, each four 128-bit lanes,
 * folded 256 bytes ahead, then joined into one 128-bit lane.  About three
 * times the speed of the 128-bit code on data in cache. */
__attribute__((target("avx512f,vpclmulqdq,pclmul,sse2")))
static inline __m512i
fold512(__m512i x, __m512i k, __m512i next)
{
	return _mm512_ternarylogic_epi64(_mm512_clmulepi64_epi128(x, k, 0x00),
	    _mm512_clmulepi64_epi128(x, k, 0x11), next, 0x96);
}

__attribute__((target("avx512f,vpclmulqdq,pclmul,sse2")))
static uint32_t
crc32_vclmul(uint32_t crc, const unsigned char *p, size_t len)
{
	const __m512i k2048 = _mm512_broadcast_i32x4(_mm_set_epi64x(
	    (long long)K2048B, (long long)K2048A));
	const __m512i k512 = _mm512_broadcast_i32x4(_mm_set_epi64x(
	    (long long)K2, (long long)K1));
	const __m128i k384 = _mm_set_epi64x((long long)K384B, (long long)K384A);
	const __m128i k256 = _mm_set_epi64x((long long)K256B, (long long)K256A);
	const __m128i k34 = _mm_set_epi64x((long long)K4, (long long)K3);
	__m512i x0, x1, x2, x3;
	__m128i y;

	x0 = _mm512_xor_si512(_mm512_loadu_si512(p),
	    _mm512_zextsi128_si512(_mm_cvtsi32_si128((int)~crc)));
	x1 = _mm512_loadu_si512(p + 64);
	x2 = _mm512_loadu_si512(p + 128);
	x3 = _mm512_loadu_si512(p + 192);
	p += 256;
	len -= 256;
	while (len >= 256) {
		x0 = fold512(x0, k2048, _mm512_loadu_si512(p));
		x1 = fold512(x1, k2048, _mm512_loadu_si512(p + 64));
		x2 = fold512(x2, k2048, _mm512_loadu_si512(p + 128));
		x3 = fold512(x3, k2048, _mm512_loadu_si512(p + 192));
		p += 256;
		len -= 256;
	}
	x0 = fold512(x0, k512, x1);
	x0 = fold512(x0, k512, x2);
	x0 = fold512(x0, k512, x3);
	while (len >= 64) {
		x0 = fold512(x0, k512, _mm512_loadu_si512(p));
		p += 64;
		len -= 64;
	}
	/* lanes 0, 1, 2 folded 48, 32, 16 bytes ahead onto lane 3 */
	y = _mm_xor_si128(fold(_mm512_extracti32x4_epi32(x0, 0), k384,
	    _mm512_extracti32x4_epi32(x0, 3)),
	    fold(_mm512_extracti32x4_epi32(x0, 1), k256,
	    fold(_mm512_extracti32x4_epi32(x0, 2), k34, _mm_setzero_si128())));
	while (len >= 16) {
		y = fold(y, k34, _mm_loadu_si128((const __m128i *)p));
		p += 16;
		len -= 16;
	}
	return crc32_tail(y, p, len);
}

/* 2: VPCLMULQDQ with AVX-512, 1: PCLMULQDQ, 0: neither */
static int
clmul_level(void)
{
	static int level = -1;

	if (level < 0) {
		__builtin_cpu_init();
		level = !(__builtin_cpu_supports("pclmul") &&
		    __builtin_cpu_supports("sse2")) ? 0 :
		    __builtin_cpu_supports("vpclmulqdq") &&
		    __builtin_cpu_supports("avx512f") ? 2 : 1;
	}
	return level;
}
#endif

uint32_t
mdf_crc32_level(int level, uint32_t crc, const void *buf, size_t len)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (level > clmul_level())
		level = clmul_level();
	if (len >= 256 && level >= 2)
		return crc32_vclmul(crc, buf, len);
	if (len >= 64 && level >= 1)
		return crc32_clmul(crc, buf, len);
#else
	(void)level;
#endif
	return (uint32_t)crc32_z(crc, buf, len);
}

uint32_t
mdf_crc32(uint32_t crc, const void *buf, size_t len)
{
	return mdf_crc32_level(2, crc, buf, len);
}
