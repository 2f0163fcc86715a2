/* CRC-32 of frame data (zlib's polynomial and conditioning), folded with
 * carry-less multiplies where the CPU has them: zlib's table-driven
 * crc32_z runs at about 3 GB/s and was as costly as parsing a binary STL
 * (see tests/bench/stl2norm.sh).  The folding keeps four 128-bit lanes
 * congruent to the data modulo the CRC polynomial (Intel's "Fast CRC
 * Computation for Generic Polynomials Using PCLMULQDQ"); the folded 16
 * bytes then go through zlib, so no Barrett reduction is needed here. */
#include "config.h"

#include <zlib.h>

#include "internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* x^(512+32) and x^(512-32) mod P, bit-reflected: fold 64 bytes ahead */
#define K1 0x154442bd4ULL
#define K2 0x1c6e41596ULL
/* x^(128+32) and x^(128-32) mod P, bit-reflected: fold 16 bytes ahead */
#define K3 0x1751997d0ULL
#define K4 0x0ccaa009eULL

__attribute__((target("pclmul,sse2")))
static inline __m128i
fold(__m128i x, __m128i k, __m128i next)
{
	return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00),
	    _mm_clmulepi64_si128(x, k, 0x11)), next);
}

__attribute__((target("pclmul,sse2")))
static uint32_t
crc32_clmul(uint32_t crc, const unsigned char *p, size_t len)
{
	const __m128i k12 = _mm_set_epi64x((long long)K2, (long long)K1);
	const __m128i k34 = _mm_set_epi64x((long long)K4, (long long)K3);
	__m128i x0, x1, x2, x3;
	unsigned char v[16];

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
	/* 16 bytes with the CRC of everything so far, initial value 0 */
	_mm_storeu_si128((__m128i *)v, x0);
	crc = (uint32_t)crc32_z(0xffffffffUL, v, 16);
	return (uint32_t)crc32_z(crc, p, len);
}

static int
have_clmul(void)
{
	static int have = -1;

	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse2");
	}
	return have;
}
#endif

uint32_t
mdf_crc32(uint32_t crc, const void *buf, size_t len)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (len >= 64 && have_clmul())
		return crc32_clmul(crc, buf, len);
#endif
	return (uint32_t)crc32_z(crc, buf, len);
}
