/*
 * Voxel solids on an axis-aligned grid and their boundary as a closed
 * triangle mesh.
 *
 * A grid holds one byte per cell, nonzero meaning material; everything
 * outside the grid is empty.  mdf_vox_repair() removes the configurations
 * whose boundary would not be a 2-manifold (cells touching along an edge
 * or at a corner only), and mdf_vox_mesh() then writes a watertight
 * surface: coplanar cell faces merged into rectangles, each rectangle
 * split at every mesh vertex on its border so there are no T-junctions,
 * hence every edge is used by exactly two triangles, once in each
 * direction, and normals point out of the material.
 */
#ifndef MILLDIR_VOXEL_H
#define MILLDIR_VOXEL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MDF_VOX_MAX 1024  /* cells along one axis */

struct mdf_vox {
	int n[3];          /* cells along x, y, z */
	unsigned char *c;  /* n[0]*n[1]*n[2] bytes, x fastest */
};

/* Allocate an NX x NY x NZ grid with every cell set to FILL.
 * MDF_E_INVAL for a size outside 1..MDF_VOX_MAX, MDF_E_NOMEM. */
int mdf_vox_init(struct mdf_vox *v, int nx, int ny, int nz, unsigned char fill);
void mdf_vox_free(struct mdf_vox *v);

/* Index of cell (X, Y, Z) in v->c (no range check). */
static inline size_t
mdf_vox_at(const struct mdf_vox *v, int x, int y, int z)
{
	return ((size_t)z * (size_t)v->n[1] + (size_t)y) * (size_t)v->n[0] +
	    (size_t)x;
}

/* Is (X, Y, Z) material; cells outside the grid are not. */
int mdf_vox_solid(const struct mdf_vox *v, int x, int y, int z);

/* Set to FILL a few empty cells (one or two per vertex where that is
 * enough) so that no two material cells
 * (nor two empty ones) meet only along an edge or at a corner.  Returns
 * the number of cells filled. */
long mdf_vox_repair(struct mdf_vox *v, unsigned char fill);

/* Number of face-connected components of material (0 for an empty grid),
 * or MDF_E_NOMEM. */
long mdf_vox_components(const struct mdf_vox *v);

/* The boundary of the material as triangles, 12 floats each (unit normal,
 * then three vertices counter-clockwise seen from outside), the layout of
 * a MESH payload.  A lattice point (i, j, k) is placed at
 * ORIGIN + CELL * (i, j, k).  *TRI is allocated with malloc; the caller
 * frees it.  The grid must have been repaired; MDF_E_NOMEM. */
int mdf_vox_mesh(const struct mdf_vox *v, const double origin[3], double cell,
    float **tri, size_t *ntri);

#ifdef __cplusplus
}
#endif
#endif
