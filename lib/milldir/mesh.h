/*
 * Triangle-mesh geometry shared by the milldir tools.
 *
 * A mesh is the payload of a MESH frame (see types.h): N triangles of 12
 * float32 each, the unit face normal then the vertices v0, v1, v2.  The
 * functions here work on that array in place.  Sums are taken in double
 * so that a million triangles do not lose the small ones.
 */
#ifndef MILLDIR_MESH_H
#define MILLDIR_MESH_H

#include <stdint.h>

#include "frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Axis-aligned bounding box. */
struct mdf_bbox {
	double min[3];
	double max[3];
};

/* Unit normal of the triangle V (9 floats: v0, v1, v2) by the right-hand
 * rule, (v1 - v0) x (v2 - v0), written to N.  Returns twice the area; 0
 * means the triangle is degenerate (repeated vertices or all three on one
 * line, exactly) and N is then set to 0, 0, 0. */
double mdf_mesh_face_normal(const float *v, float *n);

/* Recompute the normal of each of the N triangles of TRI from its
 * winding.  Returns the number of degenerate triangles found (their normal
 * becomes 0, 0, 0). */
uint64_t mdf_mesh_fix_normals(float *tri, uint64_t n);

/* Remove degenerate triangles from TRI in place, keeping the order of the
 * others.  Returns the new count. */
uint64_t mdf_mesh_drop_degenerate(float *tri, uint64_t n);

/* Bounding box of the vertices of the N triangles of TRI.  With N = 0 the
 * box is empty (min > max). */
void mdf_mesh_bbox(const float *tri, uint64_t n, struct mdf_bbox *box);

/* Total surface area. */
double mdf_mesh_area(const float *tri, uint64_t n);

/* Signed volume: the sum over the triangles of the signed volumes of the
 * tetrahedra they make with the origin, positive for a closed mesh wound
 * counter-clockwise seen from outside. */
double mdf_mesh_volume(const float *tri, uint64_t n);

/* Replace each vertex v by (v + SHIFT) * SCALE.  Normals stay as they are
 * (SCALE must be positive). */
void mdf_mesh_transform(float *tri, uint64_t n, const double *shift,
    double scale);

/* Move the centre of the bounding box to the origin; with UNIT, also
 * scale so that the farthest vertex lies on the unit sphere.  Returns
 * MDF_E_INVAL for an empty or single-point mesh when UNIT is asked. */
int mdf_mesh_center(float *tri, uint64_t n, int unit);

/* Set the metadata a MESH frame carries about its geometry:
 * bbox=X0,Y0,Z0:X1,Y1,Z1 and area=A (%.7g).  BOX and AREA are used when
 * the caller already knows them (an importer does); NULL and a negative
 * AREA mean compute them from TRI.  The triangles key is set by
 * mdf_mesh_init. */
int mdf_mesh_set_meta(struct mdf_frame *f, const float *tri, uint64_t n,
    const struct mdf_bbox *box, double area);

#ifdef __cplusplus
}
#endif
#endif
