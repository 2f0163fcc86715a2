/*
 * mkvox: a part made of unit voxels as one MESH frame on stdout, for the
 * reach tests (parts whose volumes are known by hand).
 *
 *   mkvox NX NY NZ [cut X0 Y0 Z0 X1 Y1 Z1]... [-- KEY=VALUE...]
 *
 * A block of NX x NY x NZ cells of 1 mm, corner at the origin, from
 * which each cut removes the cells X0 <= x < X1, Y0 <= y < Y1,
 * Z0 <= z < Z1 (cells numbered from 0).  The grid is not repaired: the
 * cuts must leave no cells meeting only along an edge.  Metadata:
 * part=vox unless given.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "milldir/types.h"
#include "milldir/voxel.h"

int
main(int argc, char **argv)
{
	static const double origin[3] = { 0, 0, 0 };
	struct mdf_vox v;
	struct mdf_frame f;
	struct mdf_mesh m;
	struct mdf_writer *w;
	float *tri;
	size_t nt;
	int n[3], i = 4;

	mdc_init(argv[0]);
	if (argc < 4)
		mdc_usage("expected NX NY NZ");
	for (int k = 0; k < 3; k++)
		n[k] = (int)mdc_parse_long("size", argv[1 + k], 1, 256);
	if (mdf_vox_init(&v, n[0], n[1], n[2], 1) < 0)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	for (; i + 6 < argc && strcmp(argv[i], "cut") == 0; i += 7) {
		int c[6];

		for (int k = 0; k < 6; k++)
			c[k] = (int)mdc_parse_long("cut", argv[i + 1 + k], 0, 256);
		for (int z = c[2]; z < c[5] && z < n[2]; z++)
			for (int y = c[1]; y < c[4] && y < n[1]; y++)
				for (int x = c[0]; x < c[3] && x < n[0]; x++)
					v.c[mdf_vox_at(&v, x, y, z)] = 0;
	}
	if (mdf_vox_mesh(&v, origin, 1.0, &tri, &nt) < 0)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	mdf_frame_init(&f);
	if (mdf_mesh_init(&f, nt, &m) < 0)
		mdc_die(EXIT_SOFTWARE, "out of memory");
	memcpy(m.tri, tri, nt * MDF_MESH_TRI_BYTES);
	mdf_set(&f, "part", "vox");
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	for (; i < argc; i++)
		if (mdf_set_assignment(&f, argv[i]) < 0)
			mdc_usage("bad KEY=VALUE '%s'", argv[i]);
	w = mdc_open_out(0);
	mdc_write(w, &f);
	mdc_close_out(w);
	mdf_frame_free(&f);
	mdf_vox_free(&v);
	free(tri);
	return 0;
}
