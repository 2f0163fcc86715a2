/* Shared by the model parsers (stl.c, obj.c, ply.c, import.c); not
 * installed.  The library exports only mdf_* symbols, so these stay
 * private to it. */
#ifndef MILLDIR_IMPORTINT_H
#define MILLDIR_IMPORTINT_H

#include <stddef.h>
#include <stdint.h>

#include "milldir/import.h"

/* Record a failure: format "POSITION: what" into im->why, return CODE. */
int imp_fail(struct mdf_import *im, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Start a body named NAME (LEN bytes, made printable and cut to fit). */
int imp_body_begin(struct mdf_import *im, const unsigned char *name,
    size_t len);
/* Close the current body: count its triangles.  Returns MDF_E_META (with
 * why = "WHERE: no triangles...") if none are left. */
int imp_body_end(struct mdf_import *im, const char *where);

/* Make room for MORE triangles in the output frame. */
int imp_reserve(struct mdf_import *im, uint64_t more);

/* Append the triangle V (9 finite floats) with its normal computed from
 * the winding; STORED (3 floats) is the file's normal or NULL.  Returns 0
 * if kept, 1 if dropped as degenerate, MDF_E_NOMEM. */
int imp_add(struct mdf_import *im, const float *v, const float *stored);

/* Ask for transparent huge pages on a large output buffer not yet
 * written: a 50 MB mesh then takes 25 page faults instead of 12 000. */
void imp_hugepages(void *p, size_t len);

/* Binary STL in two passes (mdf_import_measure, mdf_import_write): 1 if
 * BUF is a binary STL that mdf_stl_parse would read as such. */
int imp_stl_is_binary(const unsigned char *buf, size_t len);
/* Pass 1: the checks and results of mdf_stl_parse and im->crc, with no
 * triangle stored.  Pass 2: the payload of CHUNK-triangle pieces to W, or
 * with W NULL into im->out's payload (already N*48 bytes long). */
int imp_stl_measure(struct mdf_import *im, const unsigned char *buf,
    size_t len);
int imp_stl_write(struct mdf_import *im, const unsigned char *buf,
    size_t len, struct mdf_writer *w);

/* Append vertex XYZ to the vertex table (OBJ, PLY). */
int imp_vertex(struct mdf_import *im, const float *xyz);

/* Are all N floats finite. */
static inline int
imp_finite(const float *v, int n)
{
	for (int i = 0; i < n; i++)
		if (!(v[i] - v[i] == 0))
			return 0;
	return 1;
}

/* Whitespace of the text formats: space, TAB, LF, VT, FF, CR. */
static inline int
imp_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Is the token P (LEN bytes, sign removed) "nan", "inf" or "infinity" in
 * any case, or "nan(...)": strtof's words for non-finite values. */
int imp_nonfinite_word(const unsigned char *p, size_t len);

/* Quote up to 24 bytes of a token for a message: printable ASCII kept,
 * the rest as '?'; "end of file" for an empty token. */
const char *imp_token(char *buf, size_t buflen, const unsigned char *p,
    size_t len);

#endif
