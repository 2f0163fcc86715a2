/* IMAG frames to and from PNG files, metadata in PNG text chunks. */
#ifndef MILLDIR_PNG_H
#define MILLDIR_PNG_H

#include "frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Write the IMAG frame F to PATH as an 8-bit PNG (grey, grey+alpha, RGB or
 * RGBA from channels).  Every metadata key but width, height and channels
 * goes into its own iTXt chunk (keyword = key, text = value); keys longer
 * than PNG's 79-byte keyword limit go as key=value lines into one iTXt
 * chunk with keyword "milldir.meta".  WHY says what failed. */
int mdf_png_write(const struct mdf_frame *f, const char *path, char *why,
    size_t whylen);

/* Read PATH into F as an IMAG frame: palette and low-bit images are
 * expanded, 16-bit samples reduced to 8, text chunks whose keywords are
 * valid metadata keys become metadata.  MDF_E_IO if it cannot be opened
 * (errno kept), MDF_E_META/MDF_E_SIZE for a damaged PNG. */
int mdf_png_read(const char *path, struct mdf_frame *f, char *why,
    size_t whylen);

#ifdef __cplusplus
}
#endif
#endif
