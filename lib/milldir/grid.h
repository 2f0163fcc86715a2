/*
 * Tiling views into one meta-image (metagrid(1)).
 *
 * A group is a run of consecutive IMAG views of one mesh: the same part
 * and mesh.id values (a missing key counts as a value).  View k of a
 * group goes to column k mod COLS, row k / COLS, counted from the top
 * left, where k is its view.index or, without one, its position in the
 * group.  normrender(1) numbers views elevation-major, so a column is an
 * azimuth and a row an elevation.
 */
#ifndef MILLDIR_GRID_H
#define MILLDIR_GRID_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MDF_GRID_MAX_TILES 100000
#define MDF_GRID_MAX_SIDE 65535 /* meta-image pixels per side */

struct mdf_grid_opts {
	uint32_t cols, rows;  /* tiles across and down */
	uint32_t gap;         /* background pixels between tiles */
	uint32_t rw, rh;      /* resize the result to rw x rh; 0: keep */
	unsigned char bg[3];  /* gaps and missing tiles (grey: bg[0]) */
};

struct mdf_grid;

/* NULL on bad options or no memory. */
struct mdf_grid *mdf_grid_new(const struct mdf_grid_opts *o);
void mdf_grid_free(struct mdf_grid *g);

/* Views in the open group (0: no group open), tiles in a full one. */
size_t mdf_grid_count(const struct mdf_grid *g);
size_t mdf_grid_tiles(const struct mdf_grid *g);
/* part and mesh.id of the open group, "" when absent. */
const char *mdf_grid_part(const struct mdf_grid *g);
const char *mdf_grid_mesh_id(const struct mdf_grid *g);

/* 1 if view F belongs to the open group (or none is open), 0 if it
 * starts another: a different part or mesh.id, or a view.index the group
 * already has. */
int mdf_grid_continues(const struct mdf_grid *g, const struct mdf_frame *f);

/* Add IMAG view F to the open group (opening one if needed).  1: the
 * group is full, 0: not yet, MDF_E_META with a reason in WHY: a
 * view.index outside the grid or malformed, or a view whose size or
 * channels differ from the group's first view. */
int mdf_grid_add(struct mdf_grid *g, const struct mdf_frame *f, char *why,
    size_t whylen);

/* Write the open group's meta-image to OUT (replacing its contents) and
 * close the group.  Metadata: the keys all views share with equal
 * values, minus view.index/az/el, plus grid=COLSxROWS, tile=WxH (one
 * view's size), and grid.missing=N when tiles are missing. */
int mdf_grid_finish(struct mdf_grid *g, struct mdf_frame *out, char *why,
    size_t whylen);
/* Once OUT (from mdf_grid_finish()) is written: take back the payload
 * buffer it got and give it the one it had, so that one buffer serves
 * every meta-image (its pages are touched once).  OUT's payload is
 * gone afterwards. */
void mdf_grid_reclaim(struct mdf_grid *g, struct mdf_frame *out);

/* Resample an 8-bit interleaved image of C channels from W x H to
 * DW x DH, each axis separately: area average where it shrinks, bilinear
 * (pixel centres aligned) where it grows.  MDF_E_NOMEM, MDF_E_INVAL. */
int mdf_image_resize(const unsigned char *src, uint32_t w, uint32_t h,
    uint32_t c, unsigned char *dst, uint32_t dw, uint32_t dh);

#ifdef __cplusplus
}
#endif
#endif
