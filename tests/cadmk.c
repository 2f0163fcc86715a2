/*
 * cadmk: test helper that writes small CAD models through lib/cad.
 *
 *   cadmk two-blocks FILE.step|FILE.brep|FILE.igs
 *       a 30 x 20 x 10 mm block cut in two by a 2 mm slot across it:
 *       two solids of 14 x 20 x 10 mm (2800 mm^3 each)
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cad/cad.h"
#include "milldir/import.h"

int
main(int argc, char **argv)
{
	struct mdf_cad_stock s;
	struct mdf_cad_tool t;
	struct mdf_cad_shape *sh;
	double vol, removed[6];
	char why[256];
	int nsol, fmt;

	if (argc != 3 || strcmp(argv[1], "two-blocks") != 0) {
		fprintf(stderr, "usage: cadmk two-blocks FILE.step|FILE.brep|FILE.igs\n");
		return 64;
	}
	fmt = mdf_import_format_of(argv[2]);
	fmt = fmt == MDF_IMPORT_BREP ? MDF_CAD_BREP : fmt == MDF_IMPORT_IGES ?
	    MDF_CAD_IGES : MDF_CAD_STEP;
	memset(&s, 0, sizeof s);
	s.kind = MDF_CAD_BOX;
	s.size[0] = 30, s.size[1] = 20, s.size[2] = 10;
	memset(&t, 0, sizeof t);
	t.kind = MDF_CAD_PRISM;
	t.side = 4;     /* +Z: u is x, v is y */
	t.u0 = 14, t.u1 = 16, t.v0 = -1, t.v1 = 21, t.w0 = -1, t.w1 = 11;
	if (mdf_cad_part(&s, &t, 1, &sh, &vol, removed, &nsol, why, sizeof why) < 0 ||
	    mdf_cad_write(sh, NULL, argv[2], fmt, why, sizeof why) < 0) {
		fprintf(stderr, "cadmk: %s\n", why);
		return 70;
	}
	mdf_cad_free(sh);
	return nsol == 2 ? 0 : 70;
}
