/* Binary STL writer. */
#include "config.h"

#include <string.h>

#include "frame/internal.h"
#include "milldir/frame.h"
#include "milldir/stlwrite.h"

static void
put_f32(unsigned char *p, float f)
{
	uint32_t u;

	memcpy(&u, &f, sizeof u);
	put_le32(p, u);
}

int
mdf_stl_write(FILE *fp, const char *header, const float *tri, uint64_t n)
{
	unsigned char head[84], rec[50 * 64];
	size_t len = header ? strlen(header) : 0;

	if (n > UINT32_MAX)
		return MDF_E_INVAL;
	memset(head, ' ', 80);
	memcpy(head, header ? header : "", len > 80 ? 80 : len);
	if (memcmp(head, "solid", 5) == 0)
		head[0] = 'S';
	put_le32(head + 80, (uint32_t)n);
	if (fwrite(head, 1, sizeof head, fp) != sizeof head)
		return MDF_E_IO;
	/* Blocks of 64 records keep the fwrite calls few. */
	for (uint64_t i = 0; i < n; ) {
		size_t k = 0;

		for (; k < 64 && i < n; k++, i++) {
			unsigned char *r = rec + 50 * k;

			for (int j = 0; j < 12; j++)
				put_f32(r + 4 * j, tri[12 * i + (uint64_t)j]);
			r[48] = r[49] = 0;
		}
		if (fwrite(rec, 50, k, fp) != k)
			return MDF_E_IO;
	}
	return MDF_OK;
}
