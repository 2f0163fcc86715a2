/* IMAG frames to and from PNG files, metadata in PNG text chunks. */
#ifndef MILLDIR_PNG_H
#define MILLDIR_PNG_H

#include "frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Write the IMAG frame F to PATH as an 8-bit PNG (grey, grey+alpha, RGB or
 * RGBA from channels).  The whole metadata, key=value lines in order, goes
 * into one iTXt chunk with keyword "milldir.frame" (see mdf(1)).
 * MDF_E_LIMIT for a side over libpng's default limit of 1,000,000.  WHY
 * says what failed. */
int mdf_png_write(const struct mdf_frame *f, const char *path, char *why,
    size_t whylen);

/* Read PATH into F as an IMAG frame: palette and low-bit images are
 * expanded, 16-bit samples reduced to 8; metadata from the
 * "milldir.frame" chunk, then from other text chunks whose keywords are
 * valid keys (Latin-1 converted), as files of milldir 0.1 have them.
 * MDF_E_IO if it cannot be opened (errno kept), MDF_E_META/MDF_E_SIZE for
 * a damaged PNG. */
int mdf_png_read(const char *path, struct mdf_frame *f, char *why,
    size_t whylen);

#ifdef __cplusplus
}
#endif
#endif
