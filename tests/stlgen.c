/* stlgen: write an STL file of N triangles for tests and benchmarks.
 *
 *   stlgen [-a] [-s] [-n N] > FILE
 *
 * The triangles tile a ring of radius 50 (none degenerate, normals
 * pointing outward-ish), so the file looks like CAD output: coordinates
 * with many significant digits.  -a writes ASCII ("%e" numbers; with -x
 * "%.8e", enough to give every float back exactly), -s
 * starts a binary header with "solid" as many exporters do.  -r SEED
 * writes instead a binary file of messy random triangles for comparing
 * import paths: magnitudes from 1e-30 to 3e38, negative zeros,
 * subnormals, repeated vertices, and stored normals that are zero, NaN,
 * infinite, right or wrong.  With -z, x >= 0 and y <= 0 and a quarter
 * of the coordinates are zeros of either sign, so that the bbox has zero
 * bounds whose sign depends on the order of the triangles. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
corner(long i, long n, int top, float *v)
{
	double a = 2 * M_PI * (double)i / (double)n;

	v[0] = (float)(50 * cos(a));
	v[1] = (float)(50 * sin(a));
	v[2] = top ? (float)(10 + (i % 100) * 0.01) : 0.0f;
}

static uint64_t rng;

static uint32_t
next(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng >> 32);
}

/* A coordinate of varied magnitude, now and then an odd value. */
static float
messy(void)
{
	static const float odd[] = { -0.0f, 0.0f, 1e-45f, -1e-40f, 3e38f,
	    -3e38f, 1e-30f, 1.0f };
	static const float mag[] = { 1e-3f, 1.0f, 10.0f, 100.0f, 1e4f, 1e7f };
	uint32_t r = next();

	if (r % 32 == 0)
		return odd[(r >> 5) % 8];
	return ((float)(next() >> 8) / 16777216.0f - 0.5f) * mag[(r >> 5) % 6];
}

static int zeros;

static void
messy_triangle(unsigned char *rec)
{
	float t[12];
	uint32_t r = next();

	for (int k = 3; k < 12; k++) {
		t[k] = messy();
		if (zeros) {
			uint32_t z = next();

			if (z % 4 == 0)
				t[k] = z & 16 ? -0.0f : 0.0f;
			else if (k % 3 == 0)
				t[k] = fabsf(t[k]);
			else if (k % 3 == 1)
				t[k] = -fabsf(t[k]);
		}
	}
	if (r % 16 == 0)                /* repeated vertex */
		memcpy(t + 3 + 3 * (1 + (r >> 4) % 2), t + 3, 12);
	else if (r % 16 == 1)           /* one point */
		memcpy(t + 6, t + 3, 12), memcpy(t + 9, t + 3, 12);
	else if (r % 16 == 2)           /* a small triangle far out */
		for (int k = 6; k < 12; k++)
			t[k] = t[k - 3 * (1 + (k >= 9))] + 1e-3f;
	switch ((r >> 8) % 8) {
	case 0: t[0] = t[1] = t[2] = 0; break;
	case 1: t[0] = NAN; t[1] = t[2] = 0; break;
	case 2: t[0] = 0; t[1] = -INFINITY; t[2] = 1; break;
	default:
		for (int k = 0; k < 3; k++)
			t[k] = (float)(next() >> 8) / 8388608.0f - 1;
	}
	memcpy(rec, t, 48);
	rec[48] = (unsigned char)next();
	rec[49] = (unsigned char)next();
}

int
main(int argc, char **argv)
{
	int ascii = 0, solid = 0, exact = 0, random = 0, c;
	long n = 12;
	static unsigned char rec[50 * 4096];
	size_t fill = 0;

	while ((c = getopt(argc, argv, "asxzn:r:")) != -1)
		switch (c) {
		case 'z': zeros = 1; break;
		case 'r':
			random = 1;
			rng = strtoull(optarg, NULL, 10);
			break;
		case 'a': ascii = 1; break;
		case 's': solid = 1; break;
		case 'x': exact = 1; break;
		case 'n': n = strtol(optarg, NULL, 10); break;
		default:
			fputs("usage: stlgen [-a [-x] | -r SEED [-z]] [-s] [-n N]\n", stderr);
			return 64;
		}
	if (n < 3) {
		fputs("stlgen: need at least 3 triangles\n", stderr);
		return 64;
	}
	if (random)
		ascii = 0;
	if (ascii)
		printf("solid ring\n");
	else {
		unsigned char h[84];
		uint32_t cnt = (uint32_t)n;

		memset(h, ' ', 80);
		memcpy(h, solid ? "solid ring by stlgen" : "binary ring by stlgen",
		    solid ? 20 : 21);
		for (int k = 0; k < 4; k++)
			h[80 + k] = (unsigned char)(cnt >> (8 * k));
		fwrite(h, 1, sizeof h, stdout);
	}
	for (long i = 0; i < n; i++) {
		float t[12];

		if (random) {
			messy_triangle(rec + fill);
			if ((fill += 50) == sizeof rec) {
				fwrite(rec, 1, fill, stdout);
				fill = 0;
			}
			continue;
		}
		/* alternate up and down triangles around the ring */
		corner(i / 2, (n + 1) / 2, 0, t + 3);
		if (i % 2 == 0) {
			corner(i / 2 + 1, (n + 1) / 2, 0, t + 6);
			corner(i / 2, (n + 1) / 2, 1, t + 9);
		} else {
			corner(i / 2 + 1, (n + 1) / 2, 0, t + 3);
			corner(i / 2 + 1, (n + 1) / 2, 1, t + 6);
			corner(i / 2, (n + 1) / 2, 1, t + 9);
		}
		t[0] = (t[3] + t[6]) / 100;
		t[1] = (t[4] + t[7]) / 100;
		t[2] = 0;
		if (ascii) {
			int p = exact ? 8 : 6;

			printf("  facet normal %.*e %.*e %.*e\n    outer loop\n", p,
			    t[0], p, t[1], p, t[2]);
			for (int k = 3; k < 12; k += 3)
				printf("      vertex %.*e %.*e %.*e\n", p, t[k], p,
				    t[k + 1], p, t[k + 2]);
			printf("    endloop\n  endfacet\n");
		} else {
			memcpy(rec + fill, t, 48);
			memset(rec + fill + 48, 0, 2);
			if ((fill += 50) == sizeof rec) {
				fwrite(rec, 1, fill, stdout);
				fill = 0;
			}
		}
	}
	if (ascii)
		printf("endsolid ring\n");
	fwrite(rec, 1, fill, stdout);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 74;
}
