/* stlgen: write an STL file of N triangles for tests and benchmarks.
 *
 *   stlgen [-a] [-s] [-n N] > FILE
 *
 * The triangles tile a ring of radius 50 (none degenerate, normals
 * pointing outward-ish), so the file looks like CAD output: coordinates
 * with many significant digits.  -a writes ASCII ("%e" numbers; with -x
 * "%.8e", enough to give every float back exactly), -s
 * starts a binary header with "solid" as many exporters do. */
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

int
main(int argc, char **argv)
{
	int ascii = 0, solid = 0, exact = 0, c;
	long n = 12;
	static unsigned char rec[50 * 4096];
	size_t fill = 0;

	while ((c = getopt(argc, argv, "asxn:")) != -1)
		switch (c) {
		case 'a': ascii = 1; break;
		case 's': solid = 1; break;
		case 'x': exact = 1; break;
		case 'n': n = strtol(optarg, NULL, 10); break;
		default:
			fputs("usage: stlgen [-a [-x]] [-s] [-n N]\n", stderr);
			return 64;
		}
	if (n < 3) {
		fputs("stlgen: need at least 3 triangles\n", stderr);
		return 64;
	}
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
