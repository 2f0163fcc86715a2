/*
 * The rendering pipeline of normrender(1): a stream of frames in, each
 * MESH frame's normal-map views out as IMAG frames, other frames passed
 * through in order.
 *
 * Two meshes are in flight: mesh N + 1 is read and prepared while the
 * renderer's threads draw mesh N, and mesh N's views are written while
 * the threads draw mesh N + 1.  The views of a mesh leave in a few large
 * write(2)s rather than one per frame, and the view buffers are touched
 * on a thread of their own while the first mesh is read.  The bytes are
 * those of rendering each mesh with mdf_render() and writing its views
 * one by one.
 *
 *     p = mdf_render_pipe_new(&opts, views, n, STDOUT_FILENO, 0);
 *     while ((rc = mdf_read(in, mdf_render_pipe_frame(p))) > 0)
 *             if ((e = mdf_render_pipe_push(p, &fault, why, sizeof why)) < 0)
 *                     ...;
 *     e = mdf_render_pipe_finish(p, &fault, why, sizeof why);
 *     e = mdf_render_pipe_close(p, why, sizeof why);
 *     mdf_render_pipe_free(p);
 */
#ifndef MILLDIR_RENDERPIPE_H
#define MILLDIR_RENDERPIPE_H

#include <stddef.h>

#include "frame.h"
#include "render.h"

#ifdef __cplusplus
extern "C" {
#endif

struct mdf_render_pipe;

/* Where a failure lies. */
enum mdf_render_pipe_fault {
	/* the frame just pushed; WHY says what, without the frame's place:
	 * MDF_E_INVAL for a MESH frame its typed view refuses, the errors
	 * of mdf_render_prepare() (MDF_E_META, MDF_E_NOMEM) */
	MDF_RPIPE_FRAME = 1,
	/* WHY is the whole message: a write error ("stdout: write error:
	 * ..." or the writer's, MDF_E_IO with errno kept: EPIPE when the
	 * reader went away) or no memory for metadata ("out of memory") */
	MDF_RPIPE_MESSAGE = 2,
};

/* A pipeline rendering the N views V with options O (V is copied),
 * writing frames to the file descriptor FD, named "stdout" in messages,
 * with the writer FLAGS (MDF_FLAG_ZLIB).  NULL with errno on no memory. */
struct mdf_render_pipe *mdf_render_pipe_new(const struct mdf_render_opts *o,
    const struct mdf_view *v, size_t n, int fd, unsigned flags);

/* The frame to read the next input frame into. */
struct mdf_frame *mdf_render_pipe_frame(struct mdf_render_pipe *p);

/* Take that frame.  A MESH frame gains mesh.id (a digest of its
 * triangles, unless it has one), loses triangles, and is prepared and
 * launched, then the views of the mesh before it are written; any other
 * frame is written after the views before it.  On a failure the views
 * of the mesh before are written first.  MDF_OK, or an error code with
 * *FAULT and a reason in WHY. */
int mdf_render_pipe_push(struct mdf_render_pipe *p, int *fault, char *why,
    size_t whylen);

/* Write the views of the last mesh. */
int mdf_render_pipe_finish(struct mdf_render_pipe *p, int *fault, char *why,
    size_t whylen);

/* Close the writer and flush what it buffered; a failure is an
 * MDF_RPIPE_MESSAGE one.  The file descriptor stays open. */
int mdf_render_pipe_close(struct mdf_render_pipe *p, char *why, size_t whylen);

void mdf_render_pipe_free(struct mdf_render_pipe *p);

#ifdef __cplusplus
}
#endif
#endif
