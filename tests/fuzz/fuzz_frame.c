/* libFuzzer target for the frame reader and every typed view: any bytes
 * must give frames or an error with a position, never a crash, a read
 * out of bounds, an allocation beyond the limits or a hang.  Each frame
 * read goes through the views of its type (MESH, IMAG, TENS, PRED, METR
 * records), every metadata lookup, and an encode that must read back as
 * the same frame. */
#define _GNU_SOURCE     /* fmemopen */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "milldir/frame.h"
#include "milldir/types.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* a claimed length within these limits must still cost nothing
	 * until its bytes arrive */
	setenv("MILLDIR_MAX_PAYLOAD", "64M", 1);
	setenv("MILLDIR_MAX_META", "1M", 1);
	return 0;
}

static void
views(struct mdf_frame *f)
{
	struct mdf_mesh m;
	struct mdf_image im;
	struct mdf_tensor t;
	struct mdf_pred p;
	static struct mdf_metr_rec rec;
	volatile float sink = 0;
	char label[256];
	size_t pos = 0, line = 0;

	if (mdf_mesh_view(f, &m) == 0 && m.n > 0)
		sink += m.tri[m.n * MDF_MESH_TRI_FLOATS - 1];
	if (mdf_image_view(f, &im) == 0)
		sink += im.px[(size_t)im.w * im.h * im.c - 1];
	if (mdf_tensor_view(f, &t) == 0)
		sink += t.data[t.count - 1];
	if (mdf_pred_view(f, &p) == 0) {
		sink += p.prob[p.n - 1];
		for (uint32_t i = 0; i < p.n; i++)
			if (mdf_pred_label(f, i, label, sizeof label) == MDF_E_META)
				abort();   /* a valid PRED frame has its classes */
	}
	if (mdf_frame_is(f, "METR"))
		while (mdf_metr_next(f, &pos, &rec, &line) > 0)
			;
	for (size_t i = 0; i < f->meta.n; i++)
		if (mdf_get(f, f->meta.kv[i].key) != f->meta.kv[i].val)
			abort();     /* the index finds every key */
	(void)sink;
}

/* Encoding F and reading it back gives F again. */
static void
round_trip(const struct mdf_frame *f)
{
	unsigned char *buf;
	size_t len;
	struct mdf_frame g;
	struct mdf_reader *r;
	FILE *fp;

	if (mdf_encode(f, 0, &buf, &len) < 0)
		abort();
	if ((fp = fmemopen(buf, len, "rb")) == NULL)
		abort();
	r = mdf_reader_fdopen(fp, "again");
	mdf_frame_init(&g);
	if (r == NULL || mdf_read(r, &g) != 1 || strcmp(g.type, f->type) != 0 ||
	    g.len != f->len || (f->len && memcmp(g.payload, f->payload, f->len)) ||
	    g.meta.n != f->meta.n)
		abort();
	for (size_t i = 0; i < f->meta.n; i++)
		if (strcmp(g.meta.kv[i].key, f->meta.kv[i].key) ||
		    strcmp(g.meta.kv[i].val, f->meta.kv[i].val))
			abort();
	mdf_frame_free(&g);
	mdf_reader_close(r);
	fclose(fp);
	free(buf);
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff; p[1] = v >> 8 & 0xff; p[2] = v >> 16 & 0xff; p[3] = v >> 24;
}

/* Set both CRCs of every frame in BUF right, so that mutations reach the
 * metadata and the typed views instead of dying at the CRC checks. */
static void
fix_crcs(unsigned char *buf, size_t size)
{
	size_t o = 0;

	while (size - o >= 32) {
		uint64_t m = le32(buf + o + 12);
		uint64_t p = le32(buf + o + 16) | (uint64_t)le32(buf + o + 20) << 32;
		size_t body = m + p < m || m + p > size - o - 32 ? size - o - 32 : m + p;

		put32(buf + o + 24, (uint32_t)crc32(0, buf + o + 32, (uInt)body));
		put32(buf + o + 28, (uint32_t)crc32(0, buf + o, 28));
		o += 32 + body;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mdf_reader *r;
	struct mdf_frame f;
	unsigned char *buf;
	FILE *fp;
	int rc;

	if (size < 2 || (buf = malloc(size - 1)) == NULL)
		return 0;
	/* the first byte chooses: odd, the CRCs are made right first */
	memcpy(buf, data + 1, size - 1);
	if (data[0] & 1)
		fix_crcs(buf, size - 1);
	if ((fp = fmemopen(buf, size - 1, "rb")) == NULL) {
		free(buf);
		return 0;
	}
	r = mdf_reader_fdopen(fp, "fuzz");
	mdf_frame_init(&f);
	while ((rc = mdf_read(r, &f)) > 0) {
		views(&f);
		round_trip(&f);
	}
	if (rc < 0 && strstr(mdf_reader_error(r), "(byte ") == NULL)
		abort();        /* every error names its position */
	mdf_frame_free(&f);
	mdf_reader_close(r);
	fclose(fp);
	free(buf);
	return 0;
}
