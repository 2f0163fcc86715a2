/* Reading a frame stream: one frame in memory at a time. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

#include "frame/internal.h"

struct mdf_reader {
	FILE *fp;
	char *name;
	int own;            /* fclose at the end */
	int validate;
	int failed;         /* sticky: the stream position is lost */
	uint64_t offset;    /* bytes consumed so far */
	uint64_t index;     /* 1-based index of the current frame */
	uint64_t frame_offset;
	uint64_t max_meta, max_payload;
	char *metabuf;
	size_t metacap;
	unsigned char *zbuf; /* stored compressed payload */
	size_t zcap;
	char err[512];
};

/* "123", "64K", "1M", "4G" from the environment; DEF if unset or bad. */
static uint64_t
env_limit(const char *var, uint64_t def)
{
	const char *s = getenv(var);
	char *end;
	unsigned long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return def;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return def;
	switch (*end) {
	case 'K': case 'k': v <<= 10; end++; break;
	case 'M': case 'm': v <<= 20; end++; break;
	case 'G': case 'g': v <<= 30; end++; break;
	}
	return *end == '\0' ? v : def;
}

struct mdf_reader *
mdf_reader_fdopen(FILE *fp, const char *name)
{
	struct mdf_reader *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	if ((r->name = strdup(name ? name : "-")) == NULL) {
		free(r);
		return NULL;
	}
	r->fp = fp;
	r->validate = 1;
	r->max_meta = env_limit("MILLDIR_MAX_META", MDF_DEFAULT_MAX_META);
	r->max_payload = env_limit("MILLDIR_MAX_PAYLOAD", MDF_DEFAULT_MAX_PAYLOAD);
	return r;
}

struct mdf_reader *
mdf_reader_open(const char *path)
{
	struct mdf_reader *r;
	FILE *fp;

	if (path == NULL || strcmp(path, "-") == 0)
		return mdf_reader_fdopen(stdin, "-");
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if ((r = mdf_reader_fdopen(fp, path)) == NULL) {
		fclose(fp);
		errno = ENOMEM;
		return NULL;
	}
	r->own = 1;
	return r;
}

void
mdf_reader_close(struct mdf_reader *r)
{
	if (r == NULL)
		return;
	if (r->own)
		fclose(r->fp);
	free(r->name);
	free(r->metabuf);
	free(r->zbuf);
	free(r);
}

const char *mdf_reader_error(const struct mdf_reader *r) { return r->err; }
const char *mdf_reader_name(const struct mdf_reader *r) { return r->name; }
uint64_t mdf_reader_frame_index(const struct mdf_reader *r) { return r->index; }
uint64_t mdf_reader_frame_offset(const struct mdf_reader *r) { return r->frame_offset; }
void mdf_reader_set_validate(struct mdf_reader *r, int on) { r->validate = on; }

static int
fail(struct mdf_reader *r, int code, uint64_t byte, const char *fmt, ...)
{
	char what[384];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(r->err, sizeof r->err, "%s: frame %llu (byte %llu): %s",
	    r->name, (unsigned long long)r->index, (unsigned long long)byte, what);
	r->failed = code;
	return code;
}

/* Read exactly LEN bytes; returns the count read (short on EOF), or -1 on
 * a read error. */
static ssize_t
read_full(struct mdf_reader *r, void *buf, size_t len)
{
	size_t got = len ? fread(buf, 1, len, r->fp) : 0;

	r->offset += got;
	if (got < len && ferror(r->fp))
		return -1;
	return (ssize_t)got;
}

/* The first piece of a payload read before its claimed length is trusted
 * any further: a header may claim gigabytes that the stream does not hold,
 * so the buffer grows (doubling) only as bytes arrive. */
#define FIRST_CHUNK ((size_t)1 << 20)

/* Read LEN bytes into *BUF (capacity *CAP, grown as needed); *GOT is the
 * count read (short on EOF).  MDF_E_IO, MDF_E_NOMEM or MDF_OK. */
static int
read_growing(struct mdf_reader *r, unsigned char **buf, size_t *cap,
    uint64_t len, ssize_t *got)
{
	size_t have = 0;

	*got = 0;
	while (have < len) {
		size_t want = have < FIRST_CHUNK / 2 ? FIRST_CHUNK : have * 2;
		ssize_t n;

		if (want > len)
			want = (size_t)len;
		if (want > *cap || *buf == NULL) {
			unsigned char *p = realloc(*buf, want ? want : 1);
			if (p == NULL)
				return MDF_E_NOMEM;
			*buf = p;
			*cap = want;
		}
		if ((n = read_full(r, *buf + have, want - have)) < 0)
			return MDF_E_IO;
		have += (size_t)n;
		*got = (ssize_t)have;
		if (have < want)
			break;
	}
	if (*buf == NULL) {     /* a zero-length payload still has a pointer */
		if ((*buf = malloc(1)) == NULL)
			return MDF_E_NOMEM;
		*cap = 1;
	}
	return MDF_OK;
}

static int
io_fail(struct mdf_reader *r)
{
	return fail(r, MDF_E_IO, r->offset, "read error: %s", strerror(errno));
}

int
mdf_read(struct mdf_reader *r, struct mdf_frame *f)
{
	unsigned char h[MDF_HEADER_SIZE];
	uint32_t meta_len, stored_crc, crc;
	uint64_t payload_len, base;
	unsigned char *stored;
	char why[256];
	size_t badoff;
	ssize_t got;
	int rc;

	if (r->failed)
		return r->failed;
	mdf_frame_clear(f);
	r->index++;
	base = r->frame_offset = r->offset;

	if ((got = read_full(r, h, sizeof h)) < 0)
		return io_fail(r);
	if (got == 0) {
		r->index--;
		return 0;   /* a clean end: between frames */
	}
	if (memcmp(h, mdf_magic, (size_t)got < 4 ? (size_t)got : 4) != 0)
		return fail(r, MDF_E_MAGIC, base,
		    "bad magic %02x %02x %02x %02x, expected 89 4d 44 46 (not a milldir frame)",
		    h[0], got > 1 ? h[1] : 0, got > 2 ? h[2] : 0, got > 3 ? h[3] : 0);
	if (got > HDR_VERSION && h[HDR_VERSION] != MDF_FORMAT_VERSION) {
		if (h[HDR_VERSION] > MDF_FORMAT_VERSION)
			return fail(r, MDF_E_VERSION, base + HDR_VERSION,
			    "format version %u is newer than this reader's %u; upgrade milldir",
			    h[HDR_VERSION], MDF_FORMAT_VERSION);
		return fail(r, MDF_E_VERSION, base + HDR_VERSION,
		    "invalid format version %u", h[HDR_VERSION]);
	}
	if ((size_t)got < sizeof h)
		return fail(r, MDF_E_TRUNC_HEADER, r->offset,
		    "truncated header: stream ends after %zd of %d bytes", got,
		    MDF_HEADER_SIZE);
	crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), h, HDR_HEADER_CRC);
	if (crc != get_le32(h + HDR_HEADER_CRC))
		return fail(r, MDF_E_HEADER_CRC, base + HDR_HEADER_CRC,
		    "header CRC mismatch: stored %08x, computed %08x",
		    get_le32(h + HDR_HEADER_CRC), crc);
	if ((h[HDR_FLAGS] & ~MDF_FLAGS_KNOWN) || h[HDR_RESERVED] || h[HDR_RESERVED + 1])
		return fail(r, MDF_E_FLAGS, base + HDR_FLAGS,
		    "unknown flags %02x or reserved bytes %02x %02x set",
		    h[HDR_FLAGS], h[HDR_RESERVED], h[HDR_RESERVED + 1]);
	memcpy(f->type, h + HDR_TYPE, 4);
	f->type[4] = '\0';
	f->flags = h[HDR_FLAGS];
	if (!mdf_type_valid(f->type))
		return fail(r, MDF_E_TYPE, base + HDR_TYPE,
		    "invalid type tag %02x %02x %02x %02x (four letters or digits expected)",
		    h[HDR_TYPE], h[HDR_TYPE + 1], h[HDR_TYPE + 2], h[HDR_TYPE + 3]);
	meta_len = get_le32(h + HDR_META_LEN);
	payload_len = get_le64(h + HDR_PAYLOAD_LEN);
	stored_crc = get_le32(h + HDR_DATA_CRC);
	if (meta_len > r->max_meta)
		return fail(r, MDF_E_LIMIT, base + HDR_META_LEN,
		    "metadata of %u bytes exceeds the limit of %llu (MILLDIR_MAX_META)",
		    meta_len, (unsigned long long)r->max_meta);
	if (payload_len > r->max_payload || payload_len > SIZE_MAX - 8)
		return fail(r, MDF_E_LIMIT, base + HDR_PAYLOAD_LEN,
		    "payload of %llu bytes exceeds the limit of %llu (MILLDIR_MAX_PAYLOAD)",
		    (unsigned long long)payload_len, (unsigned long long)r->max_payload);

	if ((size_t)meta_len + 1 > r->metacap) {
		char *m = realloc(r->metabuf, (size_t)meta_len + 1);
		if (m == NULL)
			return fail(r, MDF_E_NOMEM, base, "out of memory");
		r->metabuf = m;
		r->metacap = (size_t)meta_len + 1;
	}
	if ((got = read_full(r, r->metabuf, meta_len)) < 0)
		return io_fail(r);
	if ((size_t)got < meta_len)
		return fail(r, MDF_E_TRUNC_META, r->offset,
		    "truncated metadata: stream ends after %zd of %u bytes", got, meta_len);

	if (f->flags & MDF_FLAG_ZLIB)
		rc = read_growing(r, &r->zbuf, &r->zcap, payload_len, &got);
	else
		rc = read_growing(r, &f->payload, &f->cap, payload_len, &got);
	if (rc == MDF_E_IO)
		return io_fail(r);
	if (rc == MDF_E_NOMEM)
		return fail(r, MDF_E_NOMEM, base, "out of memory for a payload of %llu bytes",
		    (unsigned long long)payload_len);
	if ((uint64_t)got < payload_len)
		return fail(r, MDF_E_TRUNC_PAYLOAD, r->offset,
		    "truncated payload: stream ends after %zd of %llu bytes", got,
		    (unsigned long long)payload_len);
	if (f->flags & MDF_FLAG_ZLIB) {
		stored = r->zbuf;
	} else {
		f->len = (size_t)payload_len;
		stored = f->payload;
	}
	crc = (uint32_t)crc32(0L, Z_NULL, 0);
	crc = mdf_crc32(crc, r->metabuf, meta_len);
	crc = mdf_crc32(crc, stored, (size_t)payload_len);
	if (crc != stored_crc)
		return fail(r, MDF_E_CRC, base + HDR_DATA_CRC,
		    "data CRC mismatch: stored %08x, computed %08x", stored_crc, crc);

	rc = mdf_meta_decode(&f->meta, r->metabuf, meta_len, &badoff, why, sizeof why);
	if (rc < 0)
		return fail(r, rc, base + MDF_HEADER_SIZE + badoff, "%s", why);
	if (f->flags & MDF_FLAG_ZLIB) {
		rc = mdf_inflate(stored, (size_t)payload_len, r->max_payload, f, why,
		    sizeof why);
		if (rc < 0)
			return fail(r, rc, base + MDF_HEADER_SIZE + meta_len, "%s", why);
	}
	if (r->validate && (rc = mdf_frame_validate(f, why, sizeof why)) < 0)
		return fail(r, rc, base + MDF_HEADER_SIZE, "%s frame: %s", f->type, why);
	return 1;
}
