/* Frame encoding: header, metadata block, payload; zlib for the payload. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

#include "frame/internal.h"

int
mdf_deflate(const unsigned char *in, size_t len, unsigned char **out,
    size_t *outlen)
{
	uLong bound = compressBound((uLong)len);
	unsigned char *buf = malloc(8 + bound);
	uLongf got = bound;

	if (buf == NULL)
		return MDF_E_NOMEM;
	put_le64(buf, len);
	/* level 6: zlib's default, a fair trade on frames of a few MB */
	if (compress2(buf + 8, &got, in, (uLong)len, 6) != Z_OK) {
		free(buf);
		return MDF_E_NOMEM;
	}
	*out = buf;
	*outlen = 8 + got;
	return MDF_OK;
}

/* zlib's deflate never does better than 1032:1 (RFC 1950/1951: a
 * 258-byte match in at most 2 bits, plus block overhead), so a claimed
 * raw length beyond that cannot be honest and is refused before any
 * allocation. */
#define ZLIB_MAX_RATIO 1032

/* Inflated bytes are held in a buffer that grows as output arrives, never
 * to the claimed length up front. */
#define FIRST_OUT ((size_t)1 << 20)
#define ZLIB_PIECE ((size_t)1 << 30)

int
mdf_inflate(const unsigned char *in, size_t len, uint64_t max,
    struct mdf_frame *f, char *why, size_t whylen)
{
	uint64_t raw;
	size_t have = 0;
	z_stream zs;
	int zrc = Z_OK;

	if (len < 8) {
		snprintf(why, whylen, "compressed payload shorter than its 8-byte length");
		return MDF_E_ZLIB;
	}
	raw = get_le64(in);
	if (raw > max || raw > SIZE_MAX) {
		snprintf(why, whylen, "uncompressed payload of %llu bytes exceeds the limit of %llu",
		    (unsigned long long)raw, (unsigned long long)max);
		return MDF_E_LIMIT;
	}
	if (raw / ZLIB_MAX_RATIO > len - 8 + 1) {
		snprintf(why, whylen,
		    "compressed payload of %zu bytes cannot inflate to the %llu it claims "
		    "(zlib's ratio is at most %d:1)", len - 8, (unsigned long long)raw,
		    ZLIB_MAX_RATIO);
		return MDF_E_ZLIB;
	}
	memset(&zs, 0, sizeof zs);
	if (inflateInit(&zs) != Z_OK) {
		snprintf(why, whylen, "out of memory for zlib");
		return MDF_E_NOMEM;
	}
	/* one byte of room past RAW so that a payload inflating to more
	 * than it claims is caught; zlib counts in uInt, so both sides go
	 * in pieces of at most 1 GiB */
	in += 8;
	len -= 8;
	while (zrc == Z_OK && have <= raw) {
		size_t want = have < FIRST_OUT / 2 ? FIRST_OUT : have * 2;
		if (want - have > ZLIB_PIECE)
			want = have + ZLIB_PIECE;
		if (want > (size_t)raw + 1)
			want = (size_t)raw + 1;
		if (mdf_frame_resize(f, want) == NULL) {
			inflateEnd(&zs);
			snprintf(why, whylen, "out of memory for a payload of %llu bytes",
			    (unsigned long long)raw);
			return MDF_E_NOMEM;
		}
		if (zs.avail_in == 0) {
			zs.next_in = (Bytef *)in;
			zs.avail_in = (uInt)(len < ZLIB_PIECE ? len : ZLIB_PIECE);
			in += zs.avail_in;
			len -= zs.avail_in;
		}
		zs.next_out = f->payload + have;
		zs.avail_out = (uInt)(want - have);
		zrc = inflate(&zs, Z_NO_FLUSH);
		have = want - zs.avail_out;
		/* room left, all input given, stream not ended: it is cut short */
		if (zrc == Z_OK && zs.avail_out != 0 && zs.avail_in == 0 && len == 0)
			zrc = Z_BUF_ERROR;
	}
	len += zs.avail_in;   /* input left over */
	if (zrc != Z_STREAM_END || have != raw || len != 0) {
		snprintf(why, whylen, "compressed payload does not inflate to its %llu bytes%s%s",
		    (unsigned long long)raw, zs.msg ? ": " : "", zs.msg ? zs.msg : "");
		inflateEnd(&zs);
		return MDF_E_ZLIB;
	}
	inflateEnd(&zs);
	f->len = (size_t)raw;
	return MDF_OK;
}

void
mdf_prepared_free(struct mdf_prepared *p)
{
	free(p->meta);
	free(p->zbuf);
	p->meta = NULL;
	p->zbuf = NULL;
}

/* The header of F with a stored payload of PLEN bytes; DCRC is the data
 * CRC (metadata, then payload). */
static void
put_header(unsigned char *h, const struct mdf_frame *f, unsigned flags,
    size_t mlen, uint64_t plen, uint32_t dcrc)
{
	memcpy(h + HDR_MAGIC, mdf_magic, 4);
	h[HDR_VERSION] = MDF_FORMAT_VERSION;
	h[HDR_FLAGS] = (unsigned char)flags;
	h[HDR_RESERVED] = h[HDR_RESERVED + 1] = 0;
	memcpy(h + HDR_TYPE, f->type, 4);
	put_le32(h + HDR_META_LEN, (uint32_t)mlen);
	put_le64(h + HDR_PAYLOAD_LEN, plen);
	put_le32(h + HDR_DATA_CRC, dcrc);
	put_le32(h + HDR_HEADER_CRC,
	    (uint32_t)crc32(crc32(0L, Z_NULL, 0), h, HDR_HEADER_CRC));
}

/* Start P for F written with FLAGS: the metadata block encoded. */
static int
prepare_meta(const struct mdf_frame *f, unsigned flags, struct mdf_prepared *p)
{
	int rc;

	memset(p, 0, sizeof *p);
	if (!mdf_type_valid(f->type) || (flags & ~MDF_FLAGS_KNOWN))
		return MDF_E_INVAL;
	if ((rc = mdf_meta_encode(&f->meta, &p->meta, &p->mlen)) < 0)
		return rc;
	if (p->mlen > UINT32_MAX) {
		mdf_prepared_free(p);
		return MDF_E_LIMIT;
	}
	return MDF_OK;
}

int
mdf_prepare_stream(const struct mdf_frame *f, uint64_t plen, uint32_t pcrc,
    struct mdf_prepared *p)
{
	int rc;

	if ((rc = prepare_meta(f, 0, p)) < 0)
		return rc;
	p->plen = (size_t)plen;
	/* the payload's CRC chained after the metadata's, as if computed
	 * over both in one go */
	put_header(p->hdr, f, 0, p->mlen, plen, (uint32_t)crc32_combine(
	    mdf_crc32(0, p->meta, p->mlen), pcrc, (z_off_t)plen));
	return MDF_OK;
}

int
mdf_prepare(const struct mdf_frame *f, unsigned flags, struct mdf_prepared *p)
{
	uint32_t crc;
	int rc;

	if ((rc = prepare_meta(f, flags, p)) < 0)
		return rc;
	p->payload = f->payload;
	p->plen = f->len;
	if (flags & MDF_FLAG_ZLIB) {
		if ((rc = mdf_deflate(f->payload, f->len, &p->zbuf, &p->plen)) < 0) {
			mdf_prepared_free(p);
			return rc;
		}
		p->payload = p->zbuf;
	}
	crc = (uint32_t)crc32(0L, Z_NULL, 0);
	crc = mdf_crc32(crc, p->meta, p->mlen);
	if (p->plen)
		crc = mdf_crc32(crc, p->payload, p->plen);
	put_header(p->hdr, f, flags, p->mlen, p->plen, crc);
	return MDF_OK;
}

int
mdf_encode(const struct mdf_frame *f, unsigned flags, unsigned char **out,
    size_t *outlen)
{
	struct mdf_prepared p;
	unsigned char *buf;
	int rc;

	if ((rc = mdf_prepare(f, flags, &p)) < 0)
		return rc;
	if ((buf = malloc(MDF_HEADER_SIZE + p.mlen + p.plen)) == NULL) {
		mdf_prepared_free(&p);
		return MDF_E_NOMEM;
	}
	memcpy(buf, p.hdr, MDF_HEADER_SIZE);
	memcpy(buf + MDF_HEADER_SIZE, p.meta, p.mlen);
	if (p.plen)
		memcpy(buf + MDF_HEADER_SIZE + p.mlen, p.payload, p.plen);
	*out = buf;
	*outlen = MDF_HEADER_SIZE + p.mlen + p.plen;
	mdf_prepared_free(&p);
	return MDF_OK;
}
