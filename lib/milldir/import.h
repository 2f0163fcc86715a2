/*
 * Importing 3D models (STL, OBJ, PLY) into MESH frames.
 *
 * The parsers work on a buffer in memory (a mapped file, or bytes from a
 * fuzzer), so they never read past LEN and need no NUL terminator.  They
 * append triangles straight into a frame's payload, recomputing each face
 * normal from the vertex winding, dropping degenerate triangles and
 * rejecting non-finite coordinates.  A file may hold several bodies
 * (several `solid` blocks in an ASCII STL); each is described by a
 * struct mdf_import_body and their triangles follow one another.
 *
 * On failure a parser returns a negative MDF_E_* code (MDF_E_META for a
 * malformed file, MDF_E_NOMEM) and leaves in im->why a message starting
 * with the position, e.g. "byte 584: truncated binary STL: ..." or
 * "line 7: expected 'vertex', found 'vertx'".
 */
#ifndef MILLDIR_IMPORT_H
#define MILLDIR_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"

#ifdef __cplusplus
extern "C" {
#endif

enum mdf_import_format {
	MDF_IMPORT_AUTO = 0, /* from the file name, else STL */
	MDF_IMPORT_STL,      /* binary or ASCII, told apart by content */
	MDF_IMPORT_OBJ,      /* Wavefront OBJ: v and f statements */
	MDF_IMPORT_PLY,      /* PLY: ascii, binary little- or big-endian */
	/* CAD models, tessellated by the CAD kernel (lib/cad, linked by
	 * stl2norm; mdf_import_buffer refuses them): */
	MDF_IMPORT_STEP,     /* STEP (ISO 10303-21), .step .stp */
	MDF_IMPORT_IGES,     /* IGES, .igs .iges (read from a file only) */
	MDF_IMPORT_BREP,     /* Open CASCADE BREP, .brep */
};

/* Flags for mdf_import_init. */
#define MDF_IMPORT_KEEP_NORMALS 0x1u /* keep stored STL normals if usable */

/* Stored normals more than 30 degrees from the winding's count as
 * disagreeing. */
#define MDF_IMPORT_DISAGREE_COS 0.8660254f

struct mdf_import_body {
	char name[128];    /* STL solid name (may be empty) */
	uint64_t first;    /* index of its first triangle */
	uint64_t count;    /* triangles kept */
	uint64_t dropped;  /* degenerate triangles dropped */
	uint64_t disagree; /* stored normals that disagreed with the winding */
	double area;        /* surface area of the triangles kept */
	float lo[3], hi[3]; /* their bounding box */
};

struct mdf_import {
	unsigned flags;               /* MDF_IMPORT_* */
	const char *kind;             /* "binary STL", "ASCII STL", "OBJ", ... */
	struct mdf_import_body *body; /* bodies found, in file order */
	size_t nbody, bodycap;
	uint64_t triangles;           /* kept, over all bodies */
	uint64_t dropped;             /* dropped, over all bodies */
	uint64_t disagree;            /* over all bodies */
	double area;                  /* over all bodies */
	float lo[3], hi[3];           /* bounding box of all bodies */
	char why[256];                /* position and reason of a failure */
	uint32_t crc;                 /* payload CRC-32 (mdf_import_measure) */
	size_t chunk;                 /* triangles per streamed piece; 0: default */

	/* private to the parsers */
	struct mdf_frame *out;
	float *vert;                  /* OBJ/PLY vertex table */
	size_t nvert, vertcap;
};

void mdf_import_init(struct mdf_import *im, unsigned flags);
void mdf_import_free(struct mdf_import *im);

/* Format named by a file name's extension (.stl, .obj, .ply, .step,
 * .stp, .igs, .iges, .brep, any case); MDF_IMPORT_AUTO when unknown. */
enum mdf_import_format mdf_import_format_of(const char *path);
/* "stl", "obj", "ply", "step", "iges" or "brep" to a format;
 * MDF_E_INVAL otherwise. */
int mdf_import_format_parse(const char *name);
/* Is FORMAT one that needs the CAD kernel. */
int mdf_import_format_cad(int format);

/* For importers outside this library (the CAD formats): begin an import
 * into OUT (resetting IM's results, KIND as for im->kind), add bodies of
 * N triangles in the MESH payload layout (normals recomputed from the
 * winding, degenerate triangles dropped; NAME may be empty), then end it:
 * the results and OUT are then as mdf_import_buffer leaves them.
 * MDF_E_META (why: "NAME: no triangles") for an empty body,
 * MDF_E_NOMEM. */
void mdf_import_begin(struct mdf_import *im, struct mdf_frame *out,
    const char *kind);
int mdf_import_body(struct mdf_import *im, const char *name,
    const float *tri, size_t n);
int mdf_import_end(struct mdf_import *im);

/* Parse the LEN bytes at BUF as FORMAT (AUTO means STL) into OUT, which
 * becomes a MESH frame holding every body's triangles (metadata other
 * than triangles= is left alone).  Resets the results of IM first. */
int mdf_import_buffer(struct mdf_import *im, enum mdf_import_format format,
    const void *buf, size_t len, struct mdf_frame *out);

/* The same import in two passes over BUF, for big binary STL files whose
 * payload would otherwise be built whole in fresh memory (the kernel's
 * zeroing of it cost more than the parsing):
 *
 * mdf_import_measure checks the file and fills IM's results exactly as
 * mdf_import_buffer does, and makes OUT a MESH frame with triangles= but
 * no payload; IM keeps the payload's CRC-32 (im->crc).  It returns 1, or
 * 0 without doing anything for a file it does not stream (ASCII STL, OBJ,
 * PLY): use mdf_import_buffer then.  A bad file fails here, before
 * anything is written.
 *
 * mdf_import_write then writes F (OUT with its metadata completed) to W,
 * regenerating the same payload bytes from the same BUF piece by piece
 * (im->chunk triangles at a time).  The bytes are those mdf_import_buffer
 * gives.  A writer that compresses gets the payload built whole. */
int mdf_import_measure(struct mdf_import *im, enum mdf_import_format format,
    const void *buf, size_t len, struct mdf_frame *out);
int mdf_import_write(struct mdf_import *im, const void *buf, size_t len,
    const struct mdf_frame *f, struct mdf_writer *w);

/* The parsers behind it, for fuzzing. */
int mdf_stl_parse(struct mdf_import *im, const unsigned char *buf, size_t len);
int mdf_obj_parse(struct mdf_import *im, const unsigned char *buf, size_t len);
int mdf_ply_parse(struct mdf_import *im, const unsigned char *buf, size_t len);

/* Parse a decimal number ([+-] digits [. digits] [eE [+-] digits], at
 * least one digit before the exponent) starting at S, stopping at END or
 * at the first character that cannot continue it.  The result is rounded
 * correctly, as strtof would.  Returns a pointer past the number, or
 * NULL if S does not start with one; "nan" and "inf" are not numbers
 * here.  Values too large for a float become infinity. */
const char *mdf_parse_float(const char *s, const char *end, float *out);

#ifdef __cplusplus
}
#endif
#endif
