/* libFuzzer target for PNG import (mdf frompng): any bytes must give an
 * IMAG frame or an error with a reason, never a crash or a read out of
 * bounds.  A frame read must survive mdf png and frompng again unchanged
 * (the byte-exact round trip of mdf(1)). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "milldir/frame.h"
#include "milldir/png.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char in_path[64], out_path[64];

static void
paths(void)
{
	if (in_path[0] == '\0') {
		snprintf(in_path, sizeof in_path, "/tmp/fuzz_png_in.%ld", (long)getpid());
		snprintf(out_path, sizeof out_path, "/tmp/fuzz_png_out.%ld", (long)getpid());
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mdf_frame f, g;
	unsigned char *a, *b;
	size_t alen, blen;
	char why[256];
	FILE *fp;

	paths();
	if ((fp = fopen(in_path, "wb")) == NULL)
		abort();
	if (size && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	mdf_frame_init(&f);
	mdf_frame_init(&g);
	why[0] = '\0';
	if (mdf_png_read(in_path, &f, why, sizeof why) < 0) {
		if (why[0] == '\0')
			abort();        /* an error always says why */
		goto out;
	}
	if (mdf_png_write(&f, out_path, why, sizeof why) < 0)
		goto out;       /* a side over libpng's limit, say */
	if (mdf_png_read(out_path, &g, why, sizeof why) < 0)
		abort();
	if (mdf_encode(&f, 0, &a, &alen) < 0 || mdf_encode(&g, 0, &b, &blen) < 0)
		abort();
	if (alen != blen || memcmp(a, b, alen) != 0)
		abort();
	free(a);
	free(b);
out:
	mdf_frame_free(&f);
	mdf_frame_free(&g);
	unlink(in_path);
	unlink(out_path);
	return 0;
}
