/*
 * Checks of the rendering pipeline (lib/render/pipeline.c), run by
 * tests/pipeline.bats: its frames are those of rendering each mesh alone
 * with mdf_render() and writing the views one by one, in input order,
 * across the output buffer's flushes; a bad mesh is reported after the
 * views before it are out; a closed pipe is an EPIPE error.
 *
 * Usage: pipecheck order|fault|epipe   (exit 0 when the check holds)
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "milldir/frame.h"
#include "milldir/render.h"
#include "milldir/renderpipe.h"
#include "milldir/types.h"

#define NV 30  /* views: 30 of 64x64 RGB cross the 256 KiB buffer */

static int failures;

#define CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "pipecheck: %s:%d: %s\n", __FILE__, __LINE__, #c); \
	failures++; } } while (0)

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* mesh K into F: a tetrahedron turned by K (a NaN vertex when BAD) */
static void
mesh(struct mdf_frame *f, int k, int bad)
{
	static const float v[4][3] = {
		{ 0, 0, 0 }, { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 },
	};
	static const int t[4][3] = { { 0, 2, 1 }, { 0, 1, 3 }, { 0, 3, 2 },
		{ 1, 2, 3 } };
	struct mdf_mesh m;

	mdf_frame_clear(f);
	if (mdf_mesh_init(f, 4, &m) < 0 || mdf_setf(f, "part", "p%d", k) < 0)
		abort();
	for (int i = 0; i < 4; i++) {
		float *p = m.tri + i * MDF_MESH_TRI_FLOATS;

		memset(p, 0, 3 * sizeof *p);
		for (int j = 0; j < 3; j++)
			for (int c = 0; c < 3; c++)
				p[3 + 3 * j + c] = v[t[i][j]][c] *
				    (float)(1 + k * (c + 1));
	}
	if (bad)
		m.tri[7] = NAN;
}

/* the input: mesh 0, a TEXT frame, meshes 1 and 2 */
static void
input(struct mdf_frame *f, int i)
{
	if (i == 1) {
		mdf_frame_clear(f);
		if (mdf_frame_set_type(f, "TEXT") < 0 || mdf_set(f, "note", "x") < 0 ||
		    mdf_frame_resize(f, 3) == NULL)
			abort();
		memcpy(f->payload, "abc", 3);
	} else {
		mesh(f, i == 0 ? 0 : i - 1, 0);
	}
}

static void
opts(struct mdf_render_opts *o, struct mdf_view *v)
{
	mdf_render_opts_default(o);
	o->threads = 2;
	mdf_render_view_grid(NV, 0, 360.0 / NV, 1, NULL, v);
}

/* Every frame of FP: mesh K's views (rendered alone), then the TEXT
 * frame where it was; N frames in all. */
static void
expect(FILE *fp, const struct mdf_render_opts *o, const struct mdf_view *v,
    int nin)
{
	struct mdf_reader *r = mdf_reader_fdopen(fp, "out");
	struct mdf_renderer *rd = mdf_renderer_new(o);
	size_t img = (size_t)o->size * o->size * 3;
	unsigned char *px = malloc(NV * img);
	struct mdf_frame in, out;
	struct mdf_mesh m;
	char why[256];

	mdf_frame_init(&in);
	mdf_frame_init(&out);
	for (int i = 0; i < nin; i++) {
		input(&in, i);
		if (!mdf_frame_is(&in, "MESH")) {
			CHECK(mdf_read(r, &out) > 0);
			CHECK(mdf_frame_is(&out, "TEXT") && out.len == 3 &&
			    memcmp(out.payload, "abc", 3) == 0);
			continue;
		}
		CHECK(mdf_mesh_view(&in, &m) == 0);
		CHECK(mdf_render(rd, &m, v, NV, px, why, sizeof why) == 0);
		for (int j = 0; j < NV; j++) {
			char idx[16];

			snprintf(idx, sizeof idx, "%d", j);
			CHECK(mdf_read(r, &out) > 0);
			CHECK(mdf_frame_is(&out, "IMAG"));
			CHECK(mdf_get(&out, "mesh.id") != NULL);
			CHECK(mdf_get(&out, "triangles") == NULL);
			CHECK(same(mdf_get(&out, "part"), mdf_get(&in, "part")));
			CHECK(same(mdf_get(&out, "view.index"), idx));
			CHECK(out.len == img &&
			    memcmp(out.payload, px + j * img, img) == 0);
		}
	}
	CHECK(mdf_read(r, &out) == 0);
	mdf_frame_free(&in);
	mdf_frame_free(&out);
	mdf_renderer_free(rd);
	mdf_reader_close(r);
	free(px);
}

/* order: the frames of the whole input, in order */
static void
check_order(void)
{
	struct mdf_render_opts o;
	struct mdf_view v[NV];
	struct mdf_render_pipe *p;
	FILE *fp = tmpfile();
	char why[256];
	int fault;

	opts(&o, v);
	p = mdf_render_pipe_new(&o, v, NV, fileno(fp), 0);
	CHECK(p != NULL);
	for (int i = 0; i < 4; i++) {
		input(mdf_render_pipe_frame(p), i);
		CHECK(mdf_render_pipe_push(p, &fault, why, sizeof why) == 0);
	}
	CHECK(mdf_render_pipe_finish(p, &fault, why, sizeof why) == 0);
	CHECK(mdf_render_pipe_close(p, why, sizeof why) == 0);
	mdf_render_pipe_free(p);
	rewind(fp);
	expect(fp, &o, v, 4);
}

/* fault: mesh 0, the TEXT frame, mesh 1 and a bad mesh: the error names
 * the triangle, and mesh 1's views are out before it */
static void
check_fault(void)
{
	struct mdf_render_opts o;
	struct mdf_view v[NV];
	struct mdf_render_pipe *p;
	FILE *fp = tmpfile();
	char why[256];
	int fault = 0, rc;

	opts(&o, v);
	p = mdf_render_pipe_new(&o, v, NV, fileno(fp), 0);
	for (int i = 0; i < 3; i++) {
		input(mdf_render_pipe_frame(p), i);
		CHECK(mdf_render_pipe_push(p, &fault, why, sizeof why) == 0);
	}
	mesh(mdf_render_pipe_frame(p), 9, 1);
	rc = mdf_render_pipe_push(p, &fault, why, sizeof why);
	CHECK(rc == MDF_E_META && fault == MDF_RPIPE_FRAME);
	CHECK(strstr(why, "triangle") != NULL);
	mdf_render_pipe_free(p);
	rewind(fp);
	expect(fp, &o, v, 3);
}

/* epipe: a reader that went away, with SIGPIPE ignored */
static void
check_epipe(void)
{
	struct mdf_render_opts o;
	struct mdf_view v[NV];
	struct mdf_render_pipe *p;
	char why[256];
	int fd[2], fault = 0, rc = 0;

	signal(SIGPIPE, SIG_IGN);
	if (pipe(fd) != 0)
		abort();
	close(fd[0]);
	opts(&o, v);
	p = mdf_render_pipe_new(&o, v, NV, fd[1], 0);
	for (int i = 0; i < 4 && rc == 0; i++) {
		input(mdf_render_pipe_frame(p), i);
		rc = mdf_render_pipe_push(p, &fault, why, sizeof why);
	}
	CHECK(rc == MDF_E_IO && errno == EPIPE && fault == MDF_RPIPE_MESSAGE);
	CHECK(strcmp(why, "stdout: write error: Broken pipe") == 0);
	mdf_render_pipe_free(p);
	close(fd[1]);
}

int
main(int argc, char **argv)
{
	if (argc != 2)
		return 64;
	if (strcmp(argv[1], "order") == 0)
		check_order();
	else if (strcmp(argv[1], "fault") == 0)
		check_fault();
	else if (strcmp(argv[1], "epipe") == 0)
		check_epipe();
	else
		return 64;
	return failures ? 1 : 0;
}
