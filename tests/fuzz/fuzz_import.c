/* libFuzzer target for one of the importers, chosen at compile time with
 * -DFUZZ_FORMAT=MDF_IMPORT_STL (or _OBJ, _PLY): any bytes must give
 * triangles or an error with a message, never a crash, a hang or a read
 * out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/import.h"
#include "milldir/types.h"

#ifndef FUZZ_FORMAT
#error "compile with -DFUZZ_FORMAT=MDF_IMPORT_STL, _OBJ or _PLY"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	mdf_import_init(&im, 0);
	mdf_frame_init(&f);
	rc = mdf_import_buffer(&im, FUZZ_FORMAT, buf, size, &f);
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
