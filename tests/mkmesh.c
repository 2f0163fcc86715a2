/*
 * mkmesh: test meshes as MESH frames on stdout, for the render tests and
 * benchmarks (no STL reader needed).
 *
 *   mkmesh SHAPE [ARG...] [-- KEY=VALUE...]
 *   cube                  unit cube centred on the origin
 *   box X Y Z             box of those sides centred on the origin
 *   grid N                unit square z=0 (normal +Z) of 2 N^2 triangles
 *                         with jittered inner vertices
 *   fan N                 unit disc z=0 (normal +Z) of N triangles
 *   sphere N              UV sphere of radius 1 with N segments (4 N^2 - 4 N
 *                         triangles; N=160 gives ~100k)
 *   cubeinv               the unit cube inside out (reversed winding)
 *   nan                   a cube with one NaN coordinate
 *
 * Metadata: part=SHAPE unless given.  Counter-clockwise winding seen
 * from outside, normals set from the winding.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "milldir/types.h"

static float *tri;
static size_t nt, cap;

static void
add(const double *a, const double *b, const double *c)
{
	double e1[3], e2[3], n[3], len;
	float *t;

	if (nt == cap) {
		cap = cap ? 2 * cap : 1024;
		tri = realloc(tri, cap * MDF_MESH_TRI_BYTES);
		if (tri == NULL)
			mdc_die(EXIT_SOFTWARE, "out of memory");
	}
	for (int k = 0; k < 3; k++) {
		e1[k] = b[k] - a[k];
		e2[k] = c[k] - a[k];
	}
	n[0] = e1[1] * e2[2] - e1[2] * e2[1];
	n[1] = e1[2] * e2[0] - e1[0] * e2[2];
	n[2] = e1[0] * e2[1] - e1[1] * e2[0];
	len = sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
	t = tri + nt++ * MDF_MESH_TRI_FLOATS;
	for (int k = 0; k < 3; k++) {
		t[k] = len > 0 ? (float)(n[k] / len) : 0;
		t[3 + k] = (float)a[k];
		t[6 + k] = (float)b[k];
		t[9 + k] = (float)c[k];
	}
}

static void
quad(const double *a, const double *b, const double *c, const double *d)
{
	add(a, b, c);
	add(a, c, d);
}

static void
box(double x, double y, double z)
{
	double p[8][3];

	for (int i = 0; i < 8; i++) {
		p[i][0] = (i & 1 ? 0.5 : -0.5) * x;
		p[i][1] = (i & 2 ? 0.5 : -0.5) * y;
		p[i][2] = (i & 4 ? 0.5 : -0.5) * z;
	}
	quad(p[4], p[5], p[7], p[6]); /* +Z */
	quad(p[0], p[2], p[3], p[1]); /* -Z */
	quad(p[1], p[3], p[7], p[5]); /* +X */
	quad(p[0], p[4], p[6], p[2]); /* -X */
	quad(p[2], p[6], p[7], p[3]); /* +Y */
	quad(p[0], p[1], p[5], p[4]); /* -Y */
}

/* deterministic jitter in [-0.3, 0.3] */
static double
jitter(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return ((*s >> 8 & 0xffff) / 65535.0 - 0.5) * 0.6;
}

static void
grid(int n)
{
	double (*p)[3] = malloc(sizeof *p * (size_t)(n + 1) * (n + 1));
	unsigned seed = 42;

	if (p == NULL)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (int j = 0; j <= n; j++) {
		for (int i = 0; i <= n; i++) {
			double *v = p[j * (n + 1) + i];
			int inner = i > 0 && i < n && j > 0 && j < n;

			v[0] = (i + (inner ? jitter(&seed) : 0)) / n - 0.5;
			v[1] = (j + (inner ? jitter(&seed) : 0)) / n - 0.5;
			v[2] = 0;
		}
	}
	for (int j = 0; j < n; j++)
		for (int i = 0; i < n; i++)
			quad(p[j * (n + 1) + i], p[j * (n + 1) + i + 1],
			    p[(j + 1) * (n + 1) + i + 1], p[(j + 1) * (n + 1) + i]);
	free(p);
}

static void
fan(int n)
{
	double c[3] = { 0, 0, 0 };

	for (int i = 0; i < n; i++) {
		double a0 = 2 * M_PI * i / n, a1 = 2 * M_PI * (i + 1) / n;
		double p[3] = { 0.5 * cos(a0), 0.5 * sin(a0), 0 };
		double q[3] = { 0.5 * cos(a1), 0.5 * sin(a1), 0 };

		add(c, p, q);
	}
}

/* sin and cos of ring J of N, exact at the poles so that they close */
static void
ring(int j, int n, double *s, double *c)
{
	if (j == 0 || j == n) {
		*s = 0;
		*c = j == 0 ? 1 : -1;
	} else {
		*s = sin(M_PI * j / n);
		*c = cos(M_PI * j / n);
	}
}

static void
sphere(int n)
{
	/* n segments around, n rings from pole to pole */
	for (int j = 0; j < n; j++) {
		double s0, c0, s1, c1;

		ring(j, n, &s0, &c0);
		ring(j + 1, n, &s1, &c1);

		for (int i = 0; i < n; i++) {
			/* the seam reuses angle 0 exactly, so that it closes */
			double f0 = 2 * M_PI * i / n;
			double f1 = 2 * M_PI * ((i + 1) % n) / n;
			double a[3] = { s0 * cos(f0), s0 * sin(f0), c0 };
			double b[3] = { s1 * cos(f0), s1 * sin(f0), c1 };
			double c[3] = { s1 * cos(f1), s1 * sin(f1), c1 };
			double d[3] = { s0 * cos(f1), s0 * sin(f1), c0 };

			if (j > 0)
				add(a, b, d);
			if (j < n - 1)
				add(b, c, d);
		}
	}
}

int
main(int argc, char **argv)
{
	struct mdf_frame f;
	struct mdf_mesh m;
	struct mdf_writer *w;
	int i = 2;

	mdc_init(argv[0]);
	if (argc < 2)
		mdc_usage("missing shape");
	if (strcmp(argv[1], "cube") == 0 || strcmp(argv[1], "nan") == 0 ||
	    strcmp(argv[1], "cubeinv") == 0) {
		box(1, 1, 1);
	} else if (strcmp(argv[1], "box") == 0 && argc >= 5) {
		box(atof(argv[2]), atof(argv[3]), atof(argv[4]));
		i = 5;
	} else if (strcmp(argv[1], "grid") == 0 && argc >= 3) {
		grid((int)mdc_parse_long("grid", argv[2], 1, 1000));
		i = 3;
	} else if (strcmp(argv[1], "fan") == 0 && argc >= 3) {
		fan((int)mdc_parse_long("fan", argv[2], 3, 100000));
		i = 3;
	} else if (strcmp(argv[1], "sphere") == 0 && argc >= 3) {
		sphere((int)mdc_parse_long("sphere", argv[2], 3, 2000));
		i = 3;
	} else {
		mdc_usage("unknown shape or missing argument '%s'", argv[1]);
	}
	if (strcmp(argv[1], "nan") == 0)
		tri[3 * MDF_MESH_TRI_FLOATS + 7] = NAN;
	if (strcmp(argv[1], "cubeinv") == 0) { /* inside out: swap v1, v2 */
		for (size_t t = 0; t < nt; t++) {
			float *p = tri + t * MDF_MESH_TRI_FLOATS;

			for (int k = 0; k < 3; k++) {
				float s = p[6 + k];

				p[6 + k] = p[9 + k];
				p[9 + k] = s;
				p[k] = -p[k];
			}
		}
	}
	mdf_frame_init(&f);
	if (mdf_mesh_init(&f, nt, &m) < 0)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	memcpy(m.tri, tri, nt * MDF_MESH_TRI_BYTES);
	mdf_set(&f, "part", argv[1]);
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	for (; i < argc; i++)
		if (mdf_set_assignment(&f, argv[i]) < 0)
			mdc_usage("bad KEY=VALUE '%s'", argv[i]);
	w = mdc_open_out(0);
	mdc_write(w, &f);
	mdc_close_out(w);
	mdf_frame_free(&f);
	free(tri);
	return 0;
}
