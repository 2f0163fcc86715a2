/*
 * Normal-map rendering of triangle meshes (the views of normrender(1)).
 *
 * A software rasteriser: fixed-point vertex positions (8 sub-pixel bits),
 * integer edge functions stepped incrementally, the top-left fill rule,
 * and a float depth buffer.  Each view is rendered by one thread from
 * start to end in triangle order, so the bytes of a view do not depend on
 * the number of threads.
 *
 * Camera: Z is up.  A view (az, el) in degrees looks at the centre of the
 * mesh's bounding sphere from the direction
 *   d = (cos el cos az, cos el sin az, sin el),
 * with image right r = (-sin az, cos az, 0) and image up u = d x r.  The
 * image is square and the bounding sphere just fills it (orthographic:
 * its diameter spans the width; perspective: the camera stands where the
 * sphere touches the view cone).
 */
#ifndef MILLDIR_RENDER_H
#define MILLDIR_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MDF_RENDER_MAX_SIZE 4096    /* pixels per side */
#define MDF_RENDER_MAX_SSAA 16
#define MDF_RENDER_MAX_SAMPLES 8192 /* size x ssaa, fixed point bound */
#define MDF_RENDER_MAX_THREADS 256

enum mdf_render_normals {
	MDF_NORMALS_WORLD = 0,  /* colour = world-space face normal */
	MDF_NORMALS_CAMERA = 1, /* x right, y up, z towards the camera */
};

enum mdf_render_backfaces {
	MDF_BACKFACES_DRAW = 0, /* draw both sides; the depth test decides */
	MDF_BACKFACES_CULL = 1, /* skip faces turned away from the camera */
	/* cull when the mesh is closed, consistently wound and encloses a
	 * positive volume (its back faces can never be seen), else draw */
	MDF_BACKFACES_AUTO = 2,
};

struct mdf_render_opts {
	uint32_t size;        /* output pixels per side */
	uint32_t ssaa;        /* KxK samples per pixel, box-filtered */
	double fov;           /* 0: orthographic; else perspective, degrees */
	int normals;          /* enum mdf_render_normals */
	int backfaces;        /* enum mdf_render_backfaces */
	int overdraw;         /* debug: grey = fragments rasterised per pixel */
	unsigned char bg[3];  /* background colour */
	unsigned threads;     /* worker threads (1 = none) */
};

/* Defaults: 64 px, no supersampling, orthographic, world normals, back
 * faces culled only where they cannot show (auto), black background, one
 * thread. */
void mdf_render_opts_default(struct mdf_render_opts *o);
/* MDF_E_INVAL with a reason when an option is out of range. */
int mdf_render_opts_check(const struct mdf_render_opts *o, char *why,
    size_t whylen);

struct mdf_view {
	double az, el; /* degrees */
};

/* The view list of normrender: elevation-major (row), azimuth-minor
 * (column).  Azimuth j is AZ0 + j*AZSTEP reduced to [0, 360).  ELS gives
 * the NEL elevations; NULL spreads them evenly from +90 down to -90 (one
 * elevation: 0).  OUT holds NAZ*NEL views. */
void mdf_render_view_grid(uint32_t naz, double az0, double azstep,
    uint32_t nel, const double *els, struct mdf_view *out);

/* 64-bit digest of a mesh payload, printed as 16 hex digits by
 * normrender as mesh.id.  Not cryptographic. */
uint64_t mdf_mesh_digest(const struct mdf_mesh *m);

struct mdf_renderer;

/* A renderer keeps per-thread buffers between meshes.  NULL on bad
 * options or no memory. */
struct mdf_renderer *mdf_renderer_new(const struct mdf_render_opts *o);
void mdf_renderer_free(struct mdf_renderer *rd);

/* Render the N views V of mesh M into PX: N images of size x size RGB
 * pixels, top row first, one after the other.  Face colours come from
 * the winding of each triangle, (v1 - v0) x (v2 - v0), not from the
 * stored normal; degenerate triangles are skipped.  A mesh without area
 * (no triangles, or all at one point) gives background images.
 * MDF_E_META with a reason naming the triangle for a non-finite vertex;
 * MDF_E_NOMEM. */
int mdf_render(struct mdf_renderer *rd, const struct mdf_mesh *m,
    const struct mdf_view *v, size_t n, unsigned char *px, char *why,
    size_t whylen);

/* mdf_render() in three steps, so that a caller can overlap its own work
 * with the rendering: prepare mesh M for up to N views (M may go once
 * this returns; the same errors as mdf_render()), launch views V into PX
 * on the renderer's threads but one, then finish them on the calling
 * thread as the remaining worker and wait for the others.  V and PX must
 * stay until then.  The same bytes as mdf_render(). */
int mdf_render_prepare(struct mdf_renderer *rd, const struct mdf_mesh *m,
    size_t n, char *why, size_t whylen);
void mdf_render_launch(struct mdf_renderer *rd, const struct mdf_view *v,
    size_t n, unsigned char *px);
/* Nothing when no views were launched. */
void mdf_render_finish(struct mdf_renderer *rd);

/*
 * Orthographic depth maps along the axes, with the same rasteriser and
 * fill rule as the views (reach(1) measures what a tool reaches with
 * them).  The map of side DIR (0..5: +X -X +Y -Y +Z -Z, the order of
 * enum mdf_dir in partgen.h) looks at the mesh from that side: D is the
 * axis direction towards the viewer, R the image's right and U its up
 * (those of the views az, el = 0,0 180,0 90,0 270,0 0,90 0,-90).  The
 * image covers box LO..HI seen from that side, sample (i, j) (column i,
 * row j, top row first) centred at R . p = r0 + (i + 1/2) RES and
 * U . p = u0 - (j + 1/2) RES, where r0 and u0 are the least R . p and the
 * greatest U . p over the box.  A sample covered by the mesh (the top-
 * left rule decides on shared edges) holds the greatest D . p of the
 * surface there (the nearest to the viewer) minus OFF, the others
 * -inf.  Back
 * faces are culled as the options say (auto: when they cannot show).
 */
struct mdf_depth_map {
	const float *h;        /* side x side heights D . p - off, top row
				  first */
	double off;
	uint32_t side;         /* samples a side */
	double res;            /* world units a sample */
	double r[3], u[3], d[3];
	double r0, u0;
};

/* Samples a side of the map of side DIR for box LO..HI at RES: the
 * larger of the box's two extents across DIR, in RES, rounded up (at
 * least 1).  0 when RES is not positive or the count exceeds
 * MDF_RENDER_MAX_SAMPLES. */
uint32_t mdf_render_depth_side(int dir, const double lo[3],
    const double hi[3], double res);

/* The depth map of side DIR of the mesh last prepared with
 * mdf_render_prepare(rd, m, N, ...), drawn with worker WORKER's buffers:
 * workers 0 .. min(threads, N) - 1 may draw maps concurrently, one map
 * each at a time; the map stays valid until that worker draws again.
 * The renderer's size must be at least mdf_render_depth_side() (its
 * supersampling 1 and fov 0).  MDF_E_INVAL (reason in WHY) when it is
 * not, for a bad DIR or WORKER, or when the mesh leaves the box. */
int mdf_render_depth(struct mdf_renderer *rd, unsigned worker, int dir,
    const double lo[3], const double hi[3], double res,
    struct mdf_depth_map *map, char *why, size_t whylen);

#ifdef __cplusplus
}
#endif
#endif
