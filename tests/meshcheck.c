/*
 * meshcheck: test helper that proves a triangle mesh is a closed,
 * consistently oriented surface.
 *
 *   meshcheck FILE.stl...     binary STL files
 *   meshcheck -f FILE|-...    MESH frames
 *   meshcheck -l FILE|-...    MESH frames from partgen, also checking the
 *                             label: the mesh volume is the stock minus
 *                             the removed.* volumes, no face looks back
 *                             at the tool except the far side of the
 *                             stock, and some floor faces the tool below
 *                             the top face (distractor-free parts only)
 *   meshcheck -x FILE.vox...  a voxel pattern, repaired and meshed by
 *                             lib/geom/voxel.c: "NX NY NZ", then NZ layers of
 *                             NY lines of NX characters, '#' material
 *   meshcheck -X FILE.vox...  the same without the repair (to show that
 *                             the check catches non-manifold edges)
 *
 * For each mesh prints one line
 *   NAME: triangles=N vertices=V edges=E euler=X volume=VOL ok
 * and exits 1 (with the first problem on stderr) unless every directed
 * edge (exact vertex coordinates) appears once and its reverse once, no
 * triangle is degenerate, every stored normal agrees with the winding and
 * the enclosed volume is positive (normals point outward).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/frame.h"
#include "milldir/types.h"
#include "milldir/voxel.h"

struct vtx {
	float p[3];
	uint64_t i;  /* position in the triangle array: 3 * tri + corner */
};

struct edge {
	uint64_t a, b;
};

static int
cmp_vtx(const void *x, const void *y)
{
	const struct vtx *a = x, *b = y;

	for (int k = 0; k < 3; k++)
		if (a->p[k] != b->p[k])
			return a->p[k] < b->p[k] ? -1 : 1;
	return 0;
}

static int
cmp_edge(const void *x, const void *y)
{
	const struct edge *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return 0;
}

/* 0 if TRI (N triangles, 12 floats each) is closed and outward. */
static double last_volume;

static int
check(const char *name, const float *tri, uint64_t n)
{
	struct vtx *vs = malloc((3 * n + 1) * sizeof *vs);
	uint64_t *id = malloc((3 * n + 1) * sizeof *id);
	struct edge *es = malloc((3 * n + 1) * sizeof *es);
	uint64_t nv = 0, ne = 0;
	double vol = 0.0;
	int bad = 0;

	if (vs == NULL || id == NULL || es == NULL) {
		fprintf(stderr, "meshcheck: out of memory\n");
		exit(2);
	}
	if (n == 0) {
		fprintf(stderr, "meshcheck: %s: no triangles\n", name);
		bad = 1;
		goto out;
	}
	for (uint64_t t = 0; t < n && !bad; t++) {
		const float *f = tri + 12 * t;
		double e1[3], e2[3], c[3], len;

		for (int k = 0; k < 3; k++) {
			e1[k] = (double)f[6 + k] - f[3 + k];
			e2[k] = (double)f[9 + k] - f[3 + k];
		}
		c[0] = e1[1] * e2[2] - e1[2] * e2[1];
		c[1] = e1[2] * e2[0] - e1[0] * e2[2];
		c[2] = e1[0] * e2[1] - e1[1] * e2[0];
		len = sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
		if (len == 0.0) {
			fprintf(stderr, "meshcheck: %s: triangle %llu is degenerate\n",
			    name, (unsigned long long)t);
			bad = 1;
			break;
		}
		if ((c[0] * f[0] + c[1] * f[1] + c[2] * f[2]) / len < 0.999) {
			fprintf(stderr, "meshcheck: %s: triangle %llu: stored normal "
			    "disagrees with the winding\n", name, (unsigned long long)t);
			bad = 1;
			break;
		}
		/* Divergence theorem: sum of v0 . (e1 x e2) / 6. */
		vol += (f[3] * c[0] + f[4] * c[1] + f[5] * c[2]) / 6.0;
		for (int k = 0; k < 3; k++) {
			memcpy(vs[3 * t + (uint64_t)k].p, f + 3 + 3 * k, sizeof vs->p);
			vs[3 * t + (uint64_t)k].i = 3 * t + (uint64_t)k;
		}
	}
	if (bad)
		goto out;
	qsort(vs, 3 * n, sizeof *vs, cmp_vtx);
	for (uint64_t k = 0; k < 3 * n; k++) {
		if (k > 0 && cmp_vtx(&vs[k - 1], &vs[k]) != 0)
			nv++;
		id[vs[k].i] = nv;
	}
	nv++;
	for (uint64_t t = 0; t < n; t++)
		for (int k = 0; k < 3; k++) {
			es[ne].a = id[3 * t + (uint64_t)k];
			es[ne].b = id[3 * t + (uint64_t)(k + 1) % 3];
			ne++;
		}
	qsort(es, ne, sizeof *es, cmp_edge);
	for (uint64_t k = 0; k < ne && !bad; k++) {
		struct edge rev = {es[k].b, es[k].a};

		if (k > 0 && cmp_edge(&es[k - 1], &es[k]) == 0) {
			fprintf(stderr, "meshcheck: %s: edge %llu-%llu used twice in the "
			    "same direction (flipped or non-manifold)\n", name,
			    (unsigned long long)es[k].a, (unsigned long long)es[k].b);
			bad = 1;
		} else if (bsearch(&rev, es, ne, sizeof *es, cmp_edge) == NULL) {
			fprintf(stderr, "meshcheck: %s: edge %llu-%llu has no opposite "
			    "(hole or T-junction)\n", name, (unsigned long long)es[k].a,
			    (unsigned long long)es[k].b);
			bad = 1;
		}
	}
	if (!bad && !(vol > 0.0)) {
		fprintf(stderr, "meshcheck: %s: volume %g is not positive (normals "
		    "point inward)\n", name, vol);
		bad = 1;
	}
	last_volume = vol;
	if (!bad)
		printf("%s: triangles=%llu vertices=%llu edges=%llu euler=%lld "
		    "volume=%.6g ok\n", name, (unsigned long long)n,
		    (unsigned long long)nv, (unsigned long long)ne / 2,
		    (long long)nv - (long long)(ne / 2) + (long long)n, vol);
out:
	free(vs);
	free(id);
	free(es);
	return bad;
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static int
check_stl(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char head[84], rec[50];
	float *tri;
	uint32_t n;
	long size;
	int bad;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 || fread(head, 1, 84, fp) != 84) {
		fprintf(stderr, "meshcheck: %s: cannot read\n", path);
		if (fp)
			fclose(fp);
		return 1;
	}
	n = le32(head + 80);
	if ((uint64_t)size != 84 + 50 * (uint64_t)n) {
		fprintf(stderr, "meshcheck: %s: size %ld is not 84 + 50 * %lu\n", path,
		    size, (unsigned long)n);
		fclose(fp);
		return 1;
	}
	if ((tri = malloc(((size_t)n + 1) * 12 * sizeof *tri)) == NULL) {
		fprintf(stderr, "meshcheck: out of memory\n");
		exit(2);
	}
	for (uint32_t t = 0; t < n; t++) {
		if (fread(rec, 1, 50, fp) != 50) {
			fprintf(stderr, "meshcheck: %s: short read\n", path);
			exit(2);
		}
		for (int k = 0; k < 12; k++) {
			uint32_t u = le32(rec + 4 * k);

			memcpy(&tri[12 * (size_t)t + (size_t)k], &u, sizeof u);
		}
	}
	fclose(fp);
	bad = check(path, tri, n);
	free(tri);
	return bad;
}

/* The geometry agrees with partgen's label and volumes. */
static int
check_label(const struct mdf_frame *f, const char *name, const float *tri,
    uint64_t n)
{
	static const char *const dirs[6] = {"+X", "-X", "+Y", "-Y", "+Z", "-Z"};
	static const char *const keys[6] = {"px", "mx", "py", "my", "pz", "mz"};
	const char *label = mdf_get(f, "label"), *stock;
	double removed = 0.0, lo, hi, x;
	int d, a, s, sx, sy, sz, floors = 0;
	long nd;

	stock = mdf_get(f, "partgen.stock");
	for (d = 0; d < 6 && label && strcmp(label, dirs[d]) != 0; d++)
		;
	if (d == 6 || stock == NULL || sscanf(stock, "%dx%dx%d", &sx, &sy, &sz) != 3 ||
	    mdf_get_long(f, "partgen.distractors", &nd) < 0) {
		fprintf(stderr, "meshcheck: %s: no label, partgen.stock or "
		    "partgen.distractors\n", name);
		return 1;
	}
	for (int k = 0; k < 6; k++) {
		char key[16];

		snprintf(key, sizeof key, "removed.%s", keys[k]);
		if (mdf_get_double(f, key, &x) < 0) {
			fprintf(stderr, "meshcheck: %s: no %s\n", name, key);
			return 1;
		}
		removed += x;
	}
	if (fabs((double)sx * sy * sz - removed - last_volume) > 1e-3) {
		fprintf(stderr, "meshcheck: %s: volume %g, but stock %g minus removed "
		    "%g\n", name, last_volume, (double)sx * sy * sz, removed);
		return 1;
	}
	if (nd > 0)
		return 0;
	a = d / 2;
	s = d % 2 == 0 ? 1 : -1;
	lo = hi = tri[3 + a];
	for (uint64_t t = 0; t < n; t++)
		for (int k = 0; k < 3; k++) {
			x = tri[12 * t + 3 + 3 * (uint64_t)k + (uint64_t)a];
			lo = x < lo ? x : lo;
			hi = x > hi ? x : hi;
		}
	for (uint64_t t = 0; t < n; t++) {
		const float *p = tri + 12 * t;
		double far = s > 0 ? lo : hi, top = s > 0 ? hi : lo;

		if (p[a] == -s && (p[3 + a] != far || p[6 + a] != far || p[9 + a] != far)) {
			fprintf(stderr, "meshcheck: %s: triangle %llu faces away from %s "
			    "inside the stock (an undercut)\n", name, (unsigned long long)t,
			    label);
			return 1;
		}
		if (p[a] == s && p[3 + a] != top)
			floors++;
	}
	if (floors == 0) {
		fprintf(stderr, "meshcheck: %s: no floor faces %s\n", name, label);
		return 1;
	}
	return 0;
}

static int
check_frames(const char *path, int label_check)
{
	struct mdf_reader *r = mdf_reader_open(path);
	struct mdf_frame f;
	int rc, bad = 0;

	if (r == NULL) {
		fprintf(stderr, "meshcheck: %s: cannot open\n", path);
		return 1;
	}
	mdf_frame_init(&f);
	while ((rc = mdf_read(r, &f)) > 0) {
		struct mdf_mesh m;
		const char *part = mdf_get(&f, "part");

		if (!mdf_frame_is(&f, "MESH"))
			continue;
		if (mdf_mesh_view(&f, &m) < 0) {
			fprintf(stderr, "meshcheck: %s: bad MESH frame\n", path);
			bad = 1;
			continue;
		}
		bad |= check(part ? part : path, m.tri, m.n);
		if (label_check && !bad)
			bad |= check_label(&f, part ? part : path, m.tri, m.n);
	}
	if (rc < 0) {
		fprintf(stderr, "meshcheck: %s\n", mdf_reader_error(r));
		bad = 1;
	}
	mdf_frame_free(&f);
	mdf_reader_close(r);
	return bad;
}

static int
check_vox(const char *path, int repair)
{
	FILE *fp = fopen(path, "r");
	struct mdf_vox v;
	int n[3], c, bad;
	long filled, comps;
	size_t i = 0, cells;
	float *tri;
	size_t ntri;
	const double origin[3] = {0, 0, 0};

	if (fp == NULL || fscanf(fp, "%d %d %d", &n[0], &n[1], &n[2]) != 3 ||
	    mdf_vox_init(&v, n[0], n[1], n[2], 0) < 0) {
		fprintf(stderr, "meshcheck: %s: bad voxel file\n", path);
		exit(2);
	}
	cells = (size_t)n[0] * (size_t)n[1] * (size_t)n[2];
	while (i < cells && (c = getc(fp)) != EOF)
		if (c == '#' || c == '.')
			v.c[i++] = c == '#';
	fclose(fp);
	if (i < cells) {
		fprintf(stderr, "meshcheck: %s: %zu of %zu cells\n", path, i, cells);
		exit(2);
	}
	filled = repair ? mdf_vox_repair(&v, 1) : 0;
	comps = mdf_vox_components(&v);
	printf("%s: filled=%ld components=%ld\n", path, filled, comps);
	if (mdf_vox_mesh(&v, origin, 1.0, &tri, &ntri) < 0) {
		fprintf(stderr, "meshcheck: out of memory\n");
		exit(2);
	}
	bad = check(path, tri, ntri);
	free(tri);
	mdf_vox_free(&v);
	return bad;
}

int
main(int argc, char **argv)
{
	int mode = 0, bad = 0, i = 1;

	if (argc > 1 && (strcmp(argv[1], "-f") == 0 || strcmp(argv[1], "-x") == 0 ||
	    strcmp(argv[1], "-l") == 0 ||
	    strcmp(argv[1], "-X") == 0)) {
		mode = argv[1][1];
		i++;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: meshcheck FILE.stl... | -f|-l FRAMES... | -x|-X FILE.vox...\n");
		return 2;
	}
	for (; i < argc; i++)
		bad |= mode == 'f' || mode == 'l' ? check_frames(argv[i], mode == 'l') :
		    mode == 'x' || mode == 'X' ? check_vox(argv[i], mode == 'x') :
		    check_stl(argv[i]);
	return bad;
}
