/* libFuzzer target for the CAD import (STEP by default; -DFUZZ_FORMAT=
 * MDF_IMPORT_BREP for BREP): any bytes must give solids or an error with
 * a message, never a crash or an exception escaping the C interface.
 * Open CASCADE itself is not instrumented, so the fuzzer is guided by the
 * coverage of lib/cad only: it is a robustness harness for the reader
 * behind our wrapper more than a coverage-guided search of it.  The
 * kernel runs in a child process (lib/cad/cadio.c): its crashes and
 * hangs must come back as errors with a reason. */
#include <stdint.h>
#include <stdlib.h>

#include "cad/cad.h"
#include "milldir/frame.h"
#include "milldir/import.h"
#include "milldir/types.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT MDF_IMPORT_STEP
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mdf_import im;
	struct mdf_frame f;
	int rc;

	mdf_import_init(&im, 0);
	mdf_frame_init(&f);
	/* a coarse relative tolerance: the mesh of a huge model stays small */
	rc = mdf_cad_import(&im, FUZZ_FORMAT, data, size, "fuzz", -0.05, 0.8, 15, &f);
	if (rc < 0 && im.why[0] == '\0')
		abort();
	if (rc == 0 && im.triangles * MDF_MESH_TRI_BYTES != f.len)
		abort();
	mdf_frame_free(&f);
	mdf_import_free(&im);
	return 0;
}
