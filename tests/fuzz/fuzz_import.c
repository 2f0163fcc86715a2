/* libFuzzer target for one of the importers, chosen at compile time with
 * -DFUZZ_FORMAT=MDF_IMPORT_STL (or _OBJ, _PLY): any bytes must give
 * triangles or an error with a message, never a crash, a hang or a read
 * out of bounds.  The two-pass import (mdf_import_measure and
 * mdf_import_write) must agree with it: same error, same results, same
 * frame bytes. */
#define _GNU_SOURCE     /* open_memstream */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/import.h"
#include "milldir/types.h"

#ifndef FUZZ_FORMAT
#error "compile with -DFUZZ_FORMAT=MDF_IMPORT_STL, _OBJ or _PLY"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The two-pass import of BUF against IM and F of the one-pass one (RC). */
static void
two_pass(const uint8_t *buf, size_t size, unsigned flags, int rc,
    const struct mdf_import *im, const struct mdf_frame *f)
{
	struct mdf_import im2;
	struct mdf_frame g;
	struct mdf_writer *w;
	unsigned char *want, *got = NULL;
	size_t wantlen, gotlen = 0;
	FILE *fp;
	int rc2;

	mdf_import_init(&im2, flags);
	mdf_frame_init(&g);
	im2.chunk = 1 + size % 7;
	rc2 = mdf_import_measure(&im2, FUZZ_FORMAT, buf, size, &g);
	if (rc2 == 0)
		goto out;       /* not a binary STL */
	if ((rc < 0) != (rc2 < 0) || (rc < 0 && strcmp(im->why, im2.why) != 0))
		abort();
	if (rc < 0)
		goto out;
	if (im2.triangles != im->triangles || im2.dropped != im->dropped ||
	    im2.disagree != im->disagree ||
	    memcmp(&im2.area, &im->area, sizeof im->area) != 0 ||
	    memcmp(im2.lo, im->lo, sizeof im->lo) != 0 ||
	    memcmp(im2.hi, im->hi, sizeof im->hi) != 0)
		abort();
	if (mdf_encode(f, 0, &want, &wantlen) < 0)
		abort();
	if ((fp = open_memstream((char **)&got, &gotlen)) == NULL ||
	    (w = mdf_writer_open(fp, "mem", 0)) == NULL)
		abort();
	if (mdf_import_write(&im2, buf, size, &g, w) < 0 ||
	    mdf_writer_close(w) < 0 || fclose(fp) != 0)
		abort();
	if (gotlen != wantlen || memcmp(got, want, wantlen) != 0)
		abort();
	free(want);
	free(got);
out:
	mdf_frame_free(&g);
	mdf_import_free(&im2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mdf_import im;
	struct mdf_frame f;
	/* a private copy, so reading one byte past SIZE is caught */
	uint8_t *buf = malloc(size ? size : 1);
	int rc;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	mdf_import_init(&im, size % 2 ? MDF_IMPORT_KEEP_NORMALS : 0);
	mdf_frame_init(&f);
	rc = mdf_import_buffer(&im, FUZZ_FORMAT, buf, size, &f);
	two_pass(buf, size, im.flags, rc, &im, &f);
	if (rc < 0 && im.why[0] == '\0')
		abort();        /* every failure must say why */
	if (rc == 0) {
		struct mdf_mesh m;

		if (mdf_mesh_view(&f, &m) < 0 || m.n != im.triangles || m.n == 0)
			abort();
		for (uint64_t i = 0; i < 12 * m.n; i++)
			if (!(m.tri[i] - m.tri[i] == 0))
				abort(); /* nothing non-finite gets out */
	}
	mdf_frame_free(&f);
	mdf_import_free(&im);
	free(buf);
	return 0;
}
