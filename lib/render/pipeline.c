/*
 * The rendering pipeline of normrender(1) (milldir/renderpipe.h): frames
 * in, each mesh's views out, with two meshes in flight, the views written
 * in a few large writes, and the view buffers pre-faulted on a thread of
 * their own.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "milldir/renderpipe.h"
#include "milldir/types.h"

/* A mesh's views leave in a few large write(2)s: the writer puts each
 * frame (and flushes it) into this buffer, which goes to the file
 * descriptor once it holds OB_MAX bytes and at the end of the views.  A
 * pipe write that wakes the reader costs a context switch on each side;
 * with a write per frame that was ~180 per mesh.  A larger buffer saves
 * few of them and costs page faults (~2 us per page here). */
#define OB_MAX (1 << 18)

struct mdf_render_pipe {
	struct mdf_render_opts o;
	struct mdf_view *views;
	size_t nviews, img;         /* views per mesh, bytes per view */
	/* Two of each: mesh N + 1 is read and prepared into slot nx while
	 * the threads render mesh N (slot cur), and mesh N's views are
	 * written while the threads render mesh N + 1. */
	struct mdf_renderer *rd[2];
	unsigned char *px[2];
	struct mdf_frame f[2];
	int cur, nx;                /* cur < 0: no mesh in flight */
	struct mdf_frame v;         /* the view frame, lent px for writes */
	pthread_t toucher;
	int touched;                /* toucher to join */
	unsigned char *ob;          /* the output buffer */
	size_t olen, ocap;
	FILE *ofp;                  /* the writer's stream into ob */
	struct mdf_writer *out;
	int fd;
};

/* Return RC, with *FAULT = KIND and TEXT in WHY; errno is kept. */
static int
fail(int rc, int *fault, int kind, char *why, size_t whylen, const char *text)
{
	int e = errno;

	*fault = kind;
	snprintf(why, whylen, "%s", text);
	errno = e;
	return rc;
}

static ssize_t
ob_write(void *cookie, const char *buf, size_t n)
{
	struct mdf_render_pipe *p = cookie;

	if (n > p->ocap - p->olen) {
		size_t cap = p->ocap ? p->ocap : OB_MAX + (1 << 16);
		unsigned char *q;

		while (cap - p->olen < n)
			cap *= 2;
		if ((q = realloc(p->ob, cap)) == NULL) {
			errno = ENOMEM;
			return 0;
		}
		p->ob = q;
		p->ocap = cap;
	}
	memcpy(p->ob + p->olen, buf, n);
	p->olen += n;
	return (ssize_t)n;
}

/* The buffered frames to the file descriptor. */
static int
ob_flush(struct mdf_render_pipe *p, int *fault, char *why, size_t whylen)
{
	size_t done = 0;
	char msg[256];

	while (done < p->olen) {
		ssize_t k = write(p->fd, p->ob + done, p->olen - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO;
			snprintf(msg, sizeof msg, "stdout: write error: %s",
			    strerror(errno));
			return fail(MDF_E_IO, fault, MDF_RPIPE_MESSAGE, why,
			    whylen, msg);
		}
		done += (size_t)k;
	}
	p->olen = 0;
	return MDF_OK;
}

/* Write frame F to the buffer. */
static int
put(struct mdf_render_pipe *p, const struct mdf_frame *f, int *fault,
    char *why, size_t whylen)
{
	int rc = mdf_write(p->out, f);

	if (rc < 0)
		return fail(rc, fault, MDF_RPIPE_MESSAGE, why, whylen,
		    mdf_writer_error(p->out));
	return MDF_OK;
}

/* Write the views of mesh frame K, rendered into px[K].  The metadata is
 * made once, then only view.index, view.az and view.el change (in
 * place, so the keys keep their order); each view's pixels go out from
 * px[K] itself, lent to the frame for the write. */
static int
write_views(struct mdf_render_pipe *p, int k, int *fault, char *why,
    size_t whylen)
{
	struct mdf_frame *v = &p->v;
	struct mdf_image im;
	unsigned char *own;
	size_t cap;
	int rc = MDF_OK;

	mdf_frame_clear(v);
	if (mdf_meta_copy(v, &p->f[k]) < 0 ||
	    mdf_image_init(v, p->o.size, p->o.size, 3, &im) < 0 ||
	    mdf_set(v, "view.index", "0") < 0 ||
	    mdf_set(v, "view.az", "0") < 0 ||
	    mdf_set(v, "view.el", "0") < 0 ||
	    mdf_set(v, "view.normals", p->o.normals == MDF_NORMALS_CAMERA ?
	    "camera" : "world") < 0)
		return fail(MDF_E_NOMEM, fault, MDF_RPIPE_MESSAGE, why, whylen,
		    "out of memory");
	own = v->payload;
	cap = v->cap;
	for (size_t i = 0; i < p->nviews && rc == MDF_OK; i++) {
		if (mdf_setf(v, "view.index", "%zu", i) < 0 ||
		    mdf_setf(v, "view.az", "%.6g", p->views[i].az) < 0 ||
		    mdf_setf(v, "view.el", "%.6g", p->views[i].el) < 0)
			return fail(MDF_E_NOMEM, fault, MDF_RPIPE_MESSAGE, why,
			    whylen, "out of memory");
		v->payload = p->px[k] + i * p->img;
		v->cap = v->len = p->img;
		rc = put(p, v, fault, why, whylen);
		v->payload = own;
		v->cap = cap;
		if (rc == MDF_OK && p->olen >= OB_MAX)
			rc = ob_flush(p, fault, why, whylen);
	}
	return rc < 0 ? rc : ob_flush(p, fault, why, whylen);
}

/* The first touch of a page costs about 2 us here: touch the view
 * buffers on another thread while this one reads and prepares the first
 * mesh, when the other processor has nothing else to do. */
static void *
touch(void *arg)
{
	struct mdf_render_pipe *p = arg;
	volatile unsigned char *q;

	for (int k = 0; k < 2; k++) {
		q = p->px[k];
		for (size_t i = 0; i < p->nviews * p->img; i += 4096)
			q[i] = 0;
	}
	return NULL;
}

static void
join_toucher(struct mdf_render_pipe *p)
{
	if (p->touched) {
		pthread_join(p->toucher, NULL);
		p->touched = 0;
	}
}

struct mdf_render_pipe *
mdf_render_pipe_new(const struct mdf_render_opts *o, const struct mdf_view *v,
    size_t n, int fd, unsigned flags)
{
	cookie_io_functions_t io = { NULL, ob_write, NULL, NULL };
	struct mdf_render_pipe *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->o = *o;
	p->nviews = n;
	p->img = (size_t)o->size * o->size * 3;
	p->cur = -1;
	p->fd = fd;
	mdf_frame_init(&p->f[0]);
	mdf_frame_init(&p->f[1]);
	mdf_frame_init(&p->v);
	p->views = malloc(n * sizeof *p->views);
	p->px[0] = malloc(n * p->img);
	p->px[1] = malloc(n * p->img);
	p->rd[0] = mdf_renderer_new(o);
	p->rd[1] = mdf_renderer_new(o);
	if (p->views == NULL || p->px[0] == NULL || p->px[1] == NULL ||
	    p->rd[0] == NULL || p->rd[1] == NULL ||
	    (p->ofp = fopencookie(p, "w", io)) == NULL ||
	    (p->out = mdf_writer_open(p->ofp, "stdout", flags)) == NULL) {
		mdf_render_pipe_free(p);
		errno = ENOMEM;
		return NULL;
	}
	memcpy(p->views, v, n * sizeof *v);
	p->touched = pthread_create(&p->toucher, NULL, touch, p) == 0;
	return p;
}

struct mdf_frame *
mdf_render_pipe_frame(struct mdf_render_pipe *p)
{
	return &p->f[p->nx];
}

int
mdf_render_pipe_finish(struct mdf_render_pipe *p, int *fault, char *why,
    size_t whylen)
{
	int k = p->cur;

	join_toucher(p);
	if (k < 0)
		return MDF_OK;
	p->cur = -1;
	mdf_render_finish(p->rd[k]);
	return write_views(p, k, fault, why, whylen);
}

/* A failure of the frame just pushed: the views before it go out first
 * (a failure there is the one reported). */
static int
frame_fail(struct mdf_render_pipe *p, int rc, int *fault, char *why,
    size_t whylen)
{
	char reason[256];
	int e;

	snprintf(reason, sizeof reason, "%s", why);
	if ((e = mdf_render_pipe_finish(p, fault, why, whylen)) < 0)
		return e;
	return fail(rc, fault, MDF_RPIPE_FRAME, why, whylen, reason);
}

int
mdf_render_pipe_push(struct mdf_render_pipe *p, int *fault, char *why,
    size_t whylen)
{
	struct mdf_frame *f = &p->f[p->nx];
	struct mdf_mesh m;
	int rc, k = p->cur;

	if (!mdf_frame_is(f, "MESH")) {
		if ((rc = mdf_render_pipe_finish(p, fault, why, whylen)) < 0 ||
		    (rc = put(p, f, fault, why, whylen)) < 0)
			return rc;
		return ob_flush(p, fault, why, whylen);
	}
	if (mdf_mesh_view(f, &m) < 0) {
		snprintf(why, whylen, "MESH frame rejected");
		return frame_fail(p, MDF_E_INVAL, fault, why, whylen);
	}
	if ((rc = mdf_render_prepare(p->rd[p->nx], &m, p->nviews, why,
	    whylen)) < 0)
		return frame_fail(p, rc, fault, why, whylen);
	if (mdf_get(f, "mesh.id") == NULL &&
	    mdf_setf(f, "mesh.id", "%016llx",
	    (unsigned long long)mdf_mesh_digest(&m)) < 0)
		return fail(MDF_E_NOMEM, fault, MDF_RPIPE_MESSAGE, why, whylen,
		    "out of memory");
	mdf_unset(f, "triangles");
	/* help with the views of the mesh before, then hand this one's to
	 * the threads and write those */
	if (k >= 0)
		mdf_render_finish(p->rd[k]);
	join_toucher(p);
	mdf_render_launch(p->rd[p->nx], p->views, p->nviews, p->px[p->nx]);
	p->cur = p->nx;
	p->nx ^= 1;
	return k >= 0 ? write_views(p, k, fault, why, whylen) : MDF_OK;
}

int
mdf_render_pipe_close(struct mdf_render_pipe *p, char *why, size_t whylen)
{
	int fault, bad;
	char msg[256];

	errno = 0;
	bad = mdf_writer_close(p->out) < 0;
	p->out = NULL;
	bad |= fclose(p->ofp) != 0;
	p->ofp = NULL;
	if (bad) {
		snprintf(msg, sizeof msg, "stdout: write error: %s",
		    strerror(errno ? errno : EIO));
		return fail(MDF_E_IO, &fault, MDF_RPIPE_MESSAGE, why, whylen,
		    msg);
	}
	return ob_flush(p, &fault, why, whylen);
}

void
mdf_render_pipe_free(struct mdf_render_pipe *p)
{
	if (p == NULL)
		return;
	join_toucher(p);
	mdf_writer_close(p->out);
	if (p->ofp != NULL)
		fclose(p->ofp);
	for (int k = 0; k < 2; k++) {
		mdf_renderer_free(p->rd[k]);
		mdf_frame_free(&p->f[k]);
		free(p->px[k]);
	}
	mdf_frame_free(&p->v);
	free(p->views);
	free(p->ob);
	free(p);
}
