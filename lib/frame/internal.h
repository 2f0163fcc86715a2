/* Shared by the library sources only; not installed. */
#ifndef MILLDIR_INTERNAL_H
#define MILLDIR_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "milldir/frame.h"

static inline void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff; p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff; p[3] = (v >> 24) & 0xff;
}

static inline void put_le64(unsigned char *p, uint64_t v)
{
	put_le32(p, (uint32_t)v);
	put_le32(p + 4, (uint32_t)(v >> 32));
}

static inline uint32_t get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	    (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t get_le64(const unsigned char *p)
{
	return (uint64_t)get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

/* *OUT = A * B; 0 if the product does not fit in 64 bits (every size
 * computed from metadata goes through this or mdf_mul3). */
static inline int mdf_mul(uint64_t a, uint64_t b, uint64_t *out)
{
	return !__builtin_mul_overflow(a, b, out);
}

static inline int mdf_mul3(uint64_t a, uint64_t b, uint64_t c, uint64_t *out)
{
	uint64_t ab;

	return mdf_mul(a, b, &ab) && mdf_mul(ab, c, out);
}

/* The fixed header, decoded (see milldir-frame(5), "Header"). */
struct mdf_header {
	uint8_t version;
	uint8_t flags;
	char type[5];
	uint32_t meta_len;
	uint64_t payload_len;  /* as stored */
	uint32_t data_crc;
};

/* Offsets of the header fields. */
enum {
	HDR_MAGIC = 0, HDR_VERSION = 4, HDR_FLAGS = 5, HDR_RESERVED = 6,
	HDR_TYPE = 8, HDR_META_LEN = 12, HDR_PAYLOAD_LEN = 16,
	HDR_DATA_CRC = 24, HDR_HEADER_CRC = 28,
};

extern const unsigned char mdf_magic[4];

int mdf_type_valid(const char *tag);
/* mdf_frame_validate as if F's payload were LEN bytes (the streaming
 * writer's check before the payload exists). */
int mdf_frame_validate_len(const struct mdf_frame *f, size_t len, char *why,
    size_t whylen);
/* Serialise metadata as key=value lines. */
int mdf_meta_encode(const struct mdf_meta *m, char **out, size_t *len);
/* Parse LEN bytes of metadata into M; on failure *BADOFF is the offset of
 * the offending byte within the block and WHY says what is wrong. */
int mdf_meta_decode(struct mdf_meta *m, const char *buf, size_t len,
    size_t *badoff, char *why, size_t whylen);
void mdf_meta_clear(struct mdf_meta *m);
void mdf_meta_free(struct mdf_meta *m);

/* CRC-32 as zlib's crc32_z (same polynomial, conditioning and chaining),
 * faster on CPUs with carry-less multiply. */
uint32_t mdf_crc32(uint32_t crc, const void *buf, size_t len);
/* The same with at most the code of LEVEL: 0 zlib, 1 PCLMULQDQ on 128-bit
 * lanes, 2 VPCLMULQDQ on 512-bit lanes (for tests/crccheck). */
uint32_t mdf_crc32_level(int level, uint32_t crc, const void *buf, size_t len);

/* Compressed payloads: 8-byte little-endian raw length, then zlib. */
int mdf_deflate(const unsigned char *in, size_t len, unsigned char **out,
    size_t *outlen);
int mdf_inflate(const unsigned char *in, size_t len, uint64_t max,
    struct mdf_frame *f, char *why, size_t whylen);

/* A frame ready to write: its header, metadata block and stored payload
 * (which points into the frame unless compressed). */
struct mdf_prepared {
	unsigned char hdr[MDF_HEADER_SIZE];
	char *meta;
	size_t mlen;
	const unsigned char *payload;
	size_t plen;
	unsigned char *zbuf;
};
int mdf_prepare(const struct mdf_frame *f, unsigned flags, struct mdf_prepared *p);
/* The same for an uncompressed payload of PLEN bytes not in memory, whose
 * CRC-32 on its own (initial value 0) is PCRC; p->payload stays NULL. */
int mdf_prepare_stream(const struct mdf_frame *f, uint64_t plen, uint32_t pcrc,
    struct mdf_prepared *p);
void mdf_prepared_free(struct mdf_prepared *p);

#endif
