/*
 * Binary STL output: 80-byte header, little-endian uint32 triangle count,
 * then per triangle 12 little-endian float32 (normal, three vertices) and
 * a zero uint16 attribute.
 */
#ifndef MILLDIR_STLWRITE_H
#define MILLDIR_STLWRITE_H

#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Write N triangles of TRI (12 floats each, the MESH payload layout) to
 * FP as binary STL.  HEADER (may be NULL) fills the 80-byte header, cut
 * or padded with spaces; a header starting with "solid" is changed so
 * that readers that sniff for ASCII STL are not misled.  MDF_E_INVAL if N
 * does not fit the 32-bit count, MDF_E_IO (errno kept) on a failed write.
 * Does not flush or close FP. */
int mdf_stl_write(FILE *fp, const char *header, const float *tri, uint64_t n);

#ifdef __cplusplus
}
#endif
#endif
