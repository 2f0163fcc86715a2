/* crccheck: mdf_crc32 (folded with carry-less multiplies where the CPU
 * has them) against zlib's crc32_z on random data of every length up to
 * 1100 bytes, at every alignment, with random initial values, chained in
 * random pieces, and on 64 MiB at once; each code path the CPU has (128-
 * and 512-bit lanes) in turn.  Exit 0 if all agree. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

uint32_t mdf_crc32_level(int level, uint32_t crc, const void *buf, size_t len);

static int level;

static uint32_t
mdf_crc32(uint32_t crc, const void *buf, size_t len)
{
	return mdf_crc32_level(level, crc, buf, len);
}

static uint64_t state = 0x9e3779b97f4a7c15ULL;

static uint64_t
next(void)
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* All the checks with the code of LEVEL; the number that differ. */
static size_t
check(const unsigned char *buf, size_t big, size_t *checks)
{
	size_t bad = 0;

	for (size_t len = 0; len <= 1100; len++) {
		for (size_t off = 0; off < 16; off++) {
			uint32_t init = (uint32_t)next();
			(*checks)++;
			if (mdf_crc32(init, buf + off, len) !=
			    (uint32_t)crc32_z(init, buf + off, len)) {
				if (bad++ < 10)
					fprintf(stderr, "crccheck: level %d: len %zu off %zu init %08x differs\n",
					    level, len, off, init);
			}
		}
	}
	/* chained in pieces, as the reader does for metadata then payload */
	for (int t = 0; t < 200; t++) {
		size_t a = next() % 5000, b = next() % 5000;
		uint32_t c = mdf_crc32(0, buf, a);
		c = mdf_crc32(c, buf + a, b);
		(*checks)++;
		if (c != (uint32_t)crc32_z(0, buf, a + b) && bad++ < 10)
			fprintf(stderr, "crccheck: level %d: chained %zu + %zu differs\n",
			    level, a, b);
	}
	(*checks)++;
	if (mdf_crc32(0, buf, big) != (uint32_t)crc32_z(0, buf, big) && bad++ < 10)
		fprintf(stderr, "crccheck: level %d: 64 MiB differs\n", level);
	return bad;
}

int
main(void)
{
	size_t big = (size_t)64 << 20, bad = 0, checks = 0;
	unsigned char *buf = malloc(big + 16);

	if (buf == NULL)
		return 70;
	for (size_t i = 0; i < big + 16; i++)
		buf[i] = (unsigned char)next();
	/* levels the CPU lacks fall back to the one below */
	for (level = 0; level <= 2; level++)
		bad += check(buf, big, &checks);
	printf("%zu checks, %zu differ\n", checks, bad);
	free(buf);
	return bad ? 1 : 0;
}
