/*
 * milldir frame streams: read, write and inspect frames.
 *
 * The byte layout is specified in milldir-frame(5); this header is the C
 * view of it.  Nothing in lib/ prints or exits: every call returns 0 (or a
 * positive count) on success and a negative MDF_E_* code on failure, and
 * mdf_strerror() names the code.  Readers and writers also keep a detailed
 * message (stream, frame index, byte offset) for the last error.
 */
#ifndef MILLDIR_FRAME_H
#define MILLDIR_FRAME_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MDF_FORMAT_VERSION 1
#define MDF_HEADER_SIZE 32

/* Header flags (byte 5). */
#define MDF_FLAG_ZLIB 0x01u          /* payload stored zlib-compressed */
#define MDF_FLAGS_KNOWN MDF_FLAG_ZLIB

/* Default reader limits; MILLDIR_MAX_META / MILLDIR_MAX_PAYLOAD override. */
#define MDF_DEFAULT_MAX_META (1u << 20)              /* 1 MiB */
#define MDF_DEFAULT_MAX_PAYLOAD ((uint64_t)1 << 32)  /* 4 GiB */

/* Limits of the metadata syntax. */
#define MDF_KEY_MAX 128
#define MDF_TENSOR_MAX_DIMS 8

enum mdf_err {
	MDF_OK = 0,
	MDF_E_IO = -1,           /* read or write failed (errno kept) */
	MDF_E_NOMEM = -2,        /* out of memory */
	MDF_E_MAGIC = -3,        /* not a frame: bad magic */
	MDF_E_TRUNC_HEADER = -4, /* stream ends inside a header */
	MDF_E_HEADER_CRC = -5,   /* header CRC mismatch */
	MDF_E_VERSION = -6,      /* format version this reader does not know */
	MDF_E_FLAGS = -7,        /* reserved flag bits or bytes set */
	MDF_E_TYPE = -8,         /* type tag not four letters/digits */
	MDF_E_LIMIT = -9,        /* metadata or payload larger than allowed */
	MDF_E_TRUNC_META = -10,  /* stream ends inside the metadata */
	MDF_E_TRUNC_PAYLOAD = -11, /* stream ends inside the payload */
	MDF_E_CRC = -12,         /* data CRC mismatch */
	MDF_E_META = -13,        /* malformed metadata */
	MDF_E_SIZE = -14,        /* payload size disagrees with metadata */
	MDF_E_ZLIB = -15,        /* compressed payload does not inflate */
	MDF_E_INVAL = -16,       /* bad argument from the caller */
};

/* Human-readable name of an MDF_E_* code ("CRC mismatch", ...). */
const char *mdf_strerror(int code);

/* sysexits code for an MDF_E_* code: 74 for I/O, 70 for memory and
 * caller errors, 65 for bad data. */
int mdf_exit_code(int code);

/* --- Metadata ------------------------------------------------------- */

struct mdf_kv {
	char *key;
	char *val;
};

struct mdf_meta {
	struct mdf_kv *kv; /* in stream order */
	size_t n, cap;
	/* private: a hash index of the keys, built once a frame has more
	 * than a few (slots hold kv index + 1, 0 is empty; hn entries of kv
	 * are in it, any other value means it must be rebuilt) */
	uint32_t *slot;
	size_t nslot, hn;
	/* private: counts changes, so a cached reading of the keys (the
	 * frame's shape) knows when it is stale */
	uint64_t gen;
};

/* Is KEY a valid metadata key: [A-Za-z][A-Za-z0-9_.-]*, 1..128 bytes. */
int mdf_key_valid(const char *key);
/* Is VAL a valid value: UTF-8 without NUL, LF or CR. */
int mdf_val_valid(const char *val, size_t len);

/* --- Frames --------------------------------------------------------- */

/* private: what the type rules read from a frame's metadata (the shape of
 * its payload), kept by the last successful validation (mdf_read's) so
 * that the typed views do not parse the keys again.  It holds while the
 * type, the metadata (meta.gen) and the payload length are those it was
 * decoded from. */
struct mdf_shape {
	uint64_t gen;           /* meta.gen + 1 when decoded; 0: nothing kept */
	size_t len;
	char type[5];
	uint64_t a, b, c;       /* triangles; or width, height, channels */
	uint64_t dims[MDF_TENSOR_MAX_DIMS];
	int ndim;
	uint64_t count;         /* tensor values */
	uint32_t n;             /* classes */
};

struct mdf_frame {
	char type[5];          /* NUL-terminated four-character tag */
	uint8_t flags;         /* MDF_FLAG_* as read; the writer decides its own */
	struct mdf_meta meta;
	unsigned char *payload; /* uncompressed payload */
	size_t len;             /* bytes used in payload */
	size_t cap;             /* bytes allocated */
	struct mdf_shape shape; /* private (see above) */
};

void mdf_frame_init(struct mdf_frame *f);
void mdf_frame_free(struct mdf_frame *f);
/* Forget type, metadata and payload; keep the buffers for reuse. */
void mdf_frame_clear(struct mdf_frame *f);
/* Set the type tag (four ASCII letters or digits). */
int mdf_frame_set_type(struct mdf_frame *f, const char *tag);
/* Make the payload LEN bytes long, keeping the bytes it had up to the
 * smaller length; NULL on failure. */
void *mdf_frame_resize(struct mdf_frame *f, size_t len);
/* Deep copy of SRC into DST (DST must be initialised). */
int mdf_frame_copy(struct mdf_frame *dst, const struct mdf_frame *src);
/* Is the tag equal to TAG. */
int mdf_frame_is(const struct mdf_frame *f, const char *tag);

/* Value of KEY or NULL. */
const char *mdf_get(const struct mdf_frame *f, const char *key);
/* Set KEY to VAL (replaces an existing key in place, else appends). */
int mdf_set(struct mdf_frame *f, const char *key, const char *val);
int mdf_setf(struct mdf_frame *f, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Remove KEY; 1 if it was present, 0 if not. */
int mdf_unset(struct mdf_frame *f, const char *key);
/* Copy every key of SRC into DST (overwriting equal keys). */
int mdf_meta_copy(struct mdf_frame *dst, const struct mdf_frame *src);
/* Parse an integer / a double value; MDF_E_META if absent or malformed. */
int mdf_get_u64(const struct mdf_frame *f, const char *key, uint64_t *out);
int mdf_get_long(const struct mdf_frame *f, const char *key, long *out);
int mdf_get_double(const struct mdf_frame *f, const char *key, double *out);
/* Parse "KEY=VALUE" and set it; MDF_E_META if malformed. */
int mdf_set_assignment(struct mdf_frame *f, const char *assignment);

/* Validate the type-specific rules of known types (MESH, IMAG, TENS,
 * PRED, METR): required keys present and in agreement with the payload
 * length.  Unknown types are valid.  On failure writes a reason (no
 * position) to WHY, if not NULL. */
int mdf_frame_validate(const struct mdf_frame *f, char *why, size_t whylen);

/* --- Reading -------------------------------------------------------- */

struct mdf_reader;

/* Open PATH ("-" or NULL: stdin).  NULL with errno set on failure. */
struct mdf_reader *mdf_reader_open(const char *path);
/* Read from an open stream; NAME is used in messages. */
struct mdf_reader *mdf_reader_fdopen(FILE *fp, const char *name);
/* Closes the stream unless it is stdin. */
void mdf_reader_close(struct mdf_reader *r);

/* Read the next frame into F (whose old contents are replaced).
 * 1: a frame, 0: clean end of stream, <0: MDF_E_* (see mdf_reader_error). */
int mdf_read(struct mdf_reader *r, struct mdf_frame *f);

/* "NAME: frame N (byte B): what went wrong" for the last error. */
const char *mdf_reader_error(const struct mdf_reader *r);
const char *mdf_reader_name(const struct mdf_reader *r);
/* 1-based index of the frame last read or being read. */
uint64_t mdf_reader_frame_index(const struct mdf_reader *r);
/* Byte offset of that frame's first header byte. */
uint64_t mdf_reader_frame_offset(const struct mdf_reader *r);
/* Skip validation of type-specific rules (mdf ls on damaged data). */
void mdf_reader_set_validate(struct mdf_reader *r, int on);

/* --- Writing -------------------------------------------------------- */

struct mdf_writer;

/* Write frames to FP; NAME is used in messages.  FLAGS: MDF_FLAG_ZLIB
 * compresses every payload. */
struct mdf_writer *mdf_writer_open(FILE *fp, const char *name, unsigned flags);
/* Validates, writes and flushes one frame.  MDF_E_IO with errno EPIPE when
 * the reader went away. */
int mdf_write(struct mdf_writer *w, const struct mdf_frame *f);
/* A frame written in pieces, for payloads produced on the fly and never
 * held whole: mdf_write_begin validates F as if its payload were PLEN
 * bytes (F's own payload is ignored) and writes header and metadata; PCRC
 * is the CRC-32 of the payload alone (zlib's, initial value 0), which the
 * header needs before the payload.  Then mdf_write_payload hands over
 * exactly PLEN bytes in any pieces and mdf_write_end flushes.  MDF_E_INVAL
 * from mdf_write_begin (nothing written) if the writer compresses, or
 * while another frame is open; a wrong total fails the writer. */
int mdf_write_begin(struct mdf_writer *w, const struct mdf_frame *f,
    uint64_t plen, uint32_t pcrc);
int mdf_write_payload(struct mdf_writer *w, const void *buf, size_t len);
int mdf_write_end(struct mdf_writer *w);
/* Flush and free (does not close FP).  Returns MDF_E_IO if any write
 * failed. */
int mdf_writer_close(struct mdf_writer *w);
const char *mdf_writer_error(const struct mdf_writer *w);

/* Encode F into a newly allocated buffer (header, metadata, payload);
 * for tests and for writers that are not stdio streams. */
int mdf_encode(const struct mdf_frame *f, unsigned flags,
    unsigned char **out, size_t *outlen);

#ifdef __cplusplus
}
#endif
#endif
