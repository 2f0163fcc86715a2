/*
 * The CAD kernel (Open CASCADE) behind a C interface: solids built from
 * a stock and cutting tools, the volume each side's tools remove, meshes
 * tessellated from the exact surfaces, and STEP, IGES and BREP files read
 * and written.  Private to libmdfcad (not installed): the only C++ of
 * milldir lives behind these functions (lib/cad/occt.cpp), which never
 * throw, print or exit; they return an MDF_E_* code with a reason in WHY.
 *
 * Coordinates are millimetres.  A stock occupies [0, size] on each axis
 * (a cylinder: its bounding box); tools are described in the frame of the
 * stock face they come from: side d (enum mdf_dir) has depth axis a = d/2,
 * in-plane axes u = (a+1)%3 and v = (a+2)%3 (absolute coordinates), and
 * depth w measured from the face inward (w < 0 is above the face).
 */
#ifndef MILLDIR_CAD_H
#define MILLDIR_CAD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct mdf_cad_shape;   /* a solid or a compound of them (opaque) */

enum mdf_cad_stock_kind {
	MDF_CAD_BOX,        /* box: size[0..2] */
	MDF_CAD_CYL,        /* cylinder along AXIS, diameter = the other sizes */
	MDF_CAD_SHAFT,      /* turned profile PROF about AXIS (stepped shaft) */
};

enum mdf_cad_edge {
	MDF_CAD_SHARP,
	MDF_CAD_FILLET,     /* rounded edges of radius EDGE_R */
	MDF_CAD_CHAMFER,    /* 45-degree chamfers of leg EDGE_R */
};

#define MDF_CAD_MAXPRECUT 3
#define MDF_CAD_MAXSHAFT 24

struct mdf_cad_stock {
	int kind;           /* enum mdf_cad_stock_kind */
	double size[3];
	int axis;           /* MDF_CAD_CYL: the cylinder's axis */
	int edge;           /* enum mdf_cad_edge */
	double edge_r;
	/* Which edges get EDGE: a box's edge parallel to axis k, at the high
	 * end of axis (k+1)%3 if bit 0 of c and of (k+2)%3 if bit 1, is bit
	 * 4k+c; a cylinder's end circles are bits 0 (low) and 1 (high). */
	unsigned edge_mask;
	/* Pre-machined stock (L and stepped profiles): boxes [lo, hi] removed
	 * before the features, not counted as removed by any side. */
	int nprecut;
	double precut[MDF_CAD_MAXPRECUT][6];
	/* MDF_CAD_SHAFT: the turned outline, NP points (radius, position
	 * along AXIS) from the low end (position 0) to the high end
	 * (size[axis]), closed along the axis and revolved about the axis
	 * through the centre of the bounding box; the largest radius is
	 * half the other sizes.  Lathe work: it is the stock, its shoulders,
	 * chamfers and grooves are removed by no side. */
	int np;
	double prof[MDF_CAD_MAXSHAFT][2];
};

enum mdf_cad_tool_kind {
	/* Rounded rectangle [u0,u1] x [v0,v1] with corner radius R (0 sharp;
	 * half the short side: a slot), swept from depth W0 to W1. */
	MDF_CAD_PRISM,
	/* Circular frustum centred at (U0, V0): radius R at W0, R2 at W1
	 * (R2 = R: a cylinder; R2 = 0: a drill point). */
	MDF_CAD_CONE,
	/* The rounded rectangle of PRISM at W1, grown by R2 on every side at
	 * W0 (a ruled loft): the tool of a chamfered pocket rim. */
	MDF_CAD_FLARE,
	/* Round pocket of radius R centred at (U0, V0), from W0 down to W1,
	 * with a rounded rim of radius R2 (a solid of revolution). */
	MDF_CAD_ROUNDRIM,
	/* Turned profile about the axis through (U0, V0): the NP points
	 * (radius, depth) of PROF, closed along the axis (a drilled hole
	 * with its point, a counterbore, a countersink as one solid). */
	MDF_CAD_TURN,
};

#define MDF_CAD_MAXPROF 8

struct mdf_cad_tool {
	int kind;           /* enum mdf_cad_tool_kind */
	int side;           /* enum mdf_dir the tool comes from */
	double u0, u1, v0, v1, r, r2, w0, w1;
	int np;
	double prof[MDF_CAD_MAXPROF][2];
};

/* Build the stock S and cut the N tools T from it, side by side in the
 * order of each side's first tool, each side's tools in groups whose
 * bounding boxes do not meet, one cut per group:
 * REMOVED[d] gets the volume removed by side d's tools (the volume
 * before them minus the volume after, from the kernel), and
 * *STOCK_VOLUME the stock's.  *NSOLIDS gets the number of solids in the
 * result (a part cut in two has 2).  MDF_E_INVAL if the kernel fails (a
 * reason in WHY), MDF_E_NOMEM. */
int mdf_cad_part(const struct mdf_cad_stock *s, const struct mdf_cad_tool *t,
    size_t n, struct mdf_cad_shape **out, double *stock_volume,
    double removed[6], int *nsolids, char *why, size_t whylen);

/* Tessellate SHAPE with linear deflection LIN (mm) and angular deflection
 * ANG (radians), moved by SHIFT (3 doubles, or NULL): *TRI gets malloc'd
 * triangles in the MESH payload layout (12 floats: a zero normal, then
 * the vertices, wound outward), *NTRI their count.  MDF_E_INVAL (WHY)
 * if a face cannot be meshed. */
int mdf_cad_mesh(struct mdf_cad_shape *shape, double lin, double ang,
    const double *shift, float **tri, size_t *ntri, char *why,
    size_t whylen);

enum mdf_cad_format { MDF_CAD_STEP = 1, MDF_CAD_IGES, MDF_CAD_BREP };

/* Write SHAPE moved by SHIFT (or NULL) to PATH as STEP (AP214), IGES
 * (BREP entities) or BREP.  MDF_E_IO (WHY) on failure. */
int mdf_cad_write(struct mdf_cad_shape *shape, const double *shift,
    const char *path, int format, char *why, size_t whylen);

/* Read a STEP, IGES or BREP model: from the LEN bytes at BUF (STEP and
 * BREP), or from PATH (IGES, which the kernel reads only from a file).
 * *SOLIDS gets a malloc'd array of *N shapes, one per solid (or one
 * holding every face if the file has faces but no solid).  MDF_E_META
 * with a reason (and the reader's position where it gives one) for a
 * bad file, MDF_E_NOMEM. */
int mdf_cad_read(const void *buf, size_t len, const char *path, int format,
    struct mdf_cad_shape ***solids, size_t *n, char *why, size_t whylen);

/* Import a CAD model (lib/cad/cadio.c): read it as mdf_cad_read does
 * and tessellate each solid into a body of IM (milldir/import.h) and the
 * MESH frame OUT, with linear deflection LIN in mm (LIN < 0: -LIN times
 * the longest side of the model's bounding box) and angular deflection
 * ANG.  The kernel runs in a child process, stopped after TIMEOUT
 * seconds (0: never); its crash, hang or exhausted memory is MDF_E_META
 * with a reason.  Returns as mdf_import_buffer does, the reason in
 * im->why. */
struct mdf_import;
struct mdf_frame;
int mdf_cad_import(struct mdf_import *im, int format, const void *buf,
    size_t len, const char *path, double lin, double ang, double timeout,
    struct mdf_frame *out);

/* Longest side of SHAPE's bounding box (0 if empty). */
double mdf_cad_extent(struct mdf_cad_shape *shape);

/* Volume of SHAPE (mm^3; negative if it is inside out). */
double mdf_cad_volume(struct mdf_cad_shape *shape);

void mdf_cad_free(struct mdf_cad_shape *shape);

#ifdef __cplusplus
}
#endif
#endif
