/* CAD models (STEP, IGES, BREP) imported as MESH frames: read by the
 * kernel, one body per solid, tessellated. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cad/cad.h"
#include "milldir/frame.h"
#include "milldir/import.h"

static const char *
kind_of(int format)
{
	return format == MDF_IMPORT_IGES ? "IGES" : format == MDF_IMPORT_BREP ?
	    "BREP" : "STEP";
}

int
mdf_cad_import(struct mdf_import *im, int format, const void *buf, size_t len,
    const char *path, double lin, double ang, struct mdf_frame *out)
{
	struct mdf_cad_shape **s = NULL;
	size_t n = 0;
	int rc, cf = format == MDF_IMPORT_IGES ? MDF_CAD_IGES :
	    format == MDF_IMPORT_BREP ? MDF_CAD_BREP : MDF_CAD_STEP;
	double ext = 0;

	mdf_import_begin(im, out, kind_of(format));
	if (cf == MDF_CAD_IGES && (path == NULL || (path[0] == '-' && path[1] == '\0'))) {
		snprintf(im->why, sizeof im->why, "IGES is read from a file only, "
		    "not from standard input");
		return MDF_E_INVAL;
	}
	rc = mdf_cad_read(buf, len, path, cf, &s, &n, im->why, sizeof im->why);
	if (rc < 0)
		return rc;
	if (lin < 0) {
		for (size_t i = 0; i < n; i++) {
			double e = mdf_cad_extent(s[i]);

			ext = e > ext ? e : ext;
		}
		lin = -lin * (ext > 0 ? ext : 1);
	}
	for (size_t i = 0; i < n && rc >= 0; i++) {
		float *tri;
		size_t nt;
		char why[200];

		rc = mdf_cad_mesh(s[i], lin, ang, NULL, &tri, &nt, why, sizeof why);
		if (rc < 0) {
			snprintf(im->why, sizeof im->why, "solid %zu: %s", i + 1, why);
			rc = rc == MDF_E_NOMEM ? rc : MDF_E_META;
			break;
		}
		rc = mdf_import_body(im, "", tri, nt);
		free(tri);
	}
	for (size_t i = 0; i < n; i++)
		mdf_cad_free(s[i]);
	free(s);
	if (rc < 0)
		return rc;
	return mdf_import_end(im);
}
