/* Writing a frame stream: whole frames, flushed one by one. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "frame/internal.h"

struct mdf_writer {
	FILE *fp;
	char *name;
	unsigned flags;
	uint64_t frames;
	uint64_t left;  /* payload bytes still owed by a streamed frame */
	int streaming;
	int failed;
	char err[512];
};

struct mdf_writer *
mdf_writer_open(FILE *fp, const char *name, unsigned flags)
{
	struct mdf_writer *w;

	if (flags & ~MDF_FLAGS_KNOWN) {
		errno = EINVAL;
		return NULL;
	}
	if ((w = calloc(1, sizeof *w)) == NULL)
		return NULL;
	if ((w->name = strdup(name ? name : "-")) == NULL) {
		free(w);
		return NULL;
	}
	w->fp = fp;
	w->flags = flags;
	return w;
}

const char *
mdf_writer_error(const struct mdf_writer *w)
{
	return w->err;
}

static int
write_fail(struct mdf_writer *w, int err)
{
	snprintf(w->err, sizeof w->err, "%s: frame %llu: write error: %s",
	    w->name, (unsigned long long)w->frames + 1, strerror(err));
	w->failed = 1;
	errno = err;
	return MDF_E_IO;
}

int
mdf_write(struct mdf_writer *w, const struct mdf_frame *f)
{
	struct mdf_prepared p;
	char why[256];
	int rc, ok;

	if (w->failed)
		return MDF_E_IO;
	if (w->streaming)
		return MDF_E_INVAL;
	if ((rc = mdf_frame_validate(f, why, sizeof why)) < 0) {
		snprintf(w->err, sizeof w->err, "%s: frame %llu: refusing to write an invalid %s frame: %s",
		    w->name, (unsigned long long)w->frames + 1, f->type, why);
		return MDF_E_INVAL;
	}
	if ((rc = mdf_prepare(f, w->flags, &p)) < 0) {
		snprintf(w->err, sizeof w->err, "%s: frame %llu: %s", w->name,
		    (unsigned long long)w->frames + 1, mdf_strerror(rc));
		return rc;
	}
	errno = 0;
	ok = fwrite(p.hdr, 1, MDF_HEADER_SIZE, w->fp) == MDF_HEADER_SIZE &&
	    fwrite(p.meta, 1, p.mlen, w->fp) == p.mlen &&
	    (p.plen == 0 || fwrite(p.payload, 1, p.plen, w->fp) == p.plen) &&
	    fflush(w->fp) == 0;
	mdf_prepared_free(&p);
	if (!ok)
		return write_fail(w, errno ? errno : EIO);
	w->frames++;
	return MDF_OK;
}

int
mdf_write_begin(struct mdf_writer *w, const struct mdf_frame *f, uint64_t plen,
    uint32_t pcrc)
{
	struct mdf_prepared p;
	char why[256];
	int rc, ok;

	if (w->failed)
		return MDF_E_IO;
	if (w->streaming || (w->flags & MDF_FLAG_ZLIB) || plen > SIZE_MAX)
		return MDF_E_INVAL;
	/* validated as the frame it will be: only the length matters */
	if ((rc = mdf_frame_validate_len(f, (size_t)plen, why, sizeof why)) < 0) {
		snprintf(w->err, sizeof w->err, "%s: frame %llu: refusing to write an invalid %s frame: %s",
		    w->name, (unsigned long long)w->frames + 1, f->type, why);
		return MDF_E_INVAL;
	}
	if ((rc = mdf_prepare_stream(f, plen, pcrc, &p)) < 0) {
		snprintf(w->err, sizeof w->err, "%s: frame %llu: %s", w->name,
		    (unsigned long long)w->frames + 1, mdf_strerror(rc));
		return rc;
	}
	errno = 0;
	ok = fwrite(p.hdr, 1, MDF_HEADER_SIZE, w->fp) == MDF_HEADER_SIZE &&
	    fwrite(p.meta, 1, p.mlen, w->fp) == p.mlen;
	mdf_prepared_free(&p);
	if (!ok)
		return write_fail(w, errno ? errno : EIO);
	w->streaming = 1;
	w->left = plen;
	return MDF_OK;
}

int
mdf_write_payload(struct mdf_writer *w, const void *buf, size_t len)
{
	if (w->failed)
		return MDF_E_IO;
	if (!w->streaming || len > w->left) {
		/* a frame already begun cannot be repaired: stop writing */
		snprintf(w->err, sizeof w->err, "%s: frame %llu: %zu payload bytes "
		    "written beyond the announced length", w->name,
		    (unsigned long long)w->frames + 1, len);
		w->failed = 1;
		return MDF_E_INVAL;
	}
	errno = 0;
	if (len > 0 && fwrite(buf, 1, len, w->fp) != len)
		return write_fail(w, errno ? errno : EIO);
	w->left -= len;
	return MDF_OK;
}

int
mdf_write_end(struct mdf_writer *w)
{
	if (w->failed)
		return MDF_E_IO;
	if (!w->streaming || w->left != 0) {
		snprintf(w->err, sizeof w->err, "%s: frame %llu: payload ended "
		    "%llu bytes short of the announced length", w->name,
		    (unsigned long long)w->frames + 1,
		    (unsigned long long)w->left);
		w->failed = 1;
		return MDF_E_INVAL;
	}
	w->streaming = 0;
	errno = 0;
	if (fflush(w->fp) != 0)
		return write_fail(w, errno ? errno : EIO);
	w->frames++;
	return MDF_OK;
}

int
mdf_writer_close(struct mdf_writer *w)
{
	int rc = MDF_OK;

	if (w == NULL)
		return MDF_OK;
	errno = 0;
	if (!w->failed && (fflush(w->fp) != 0 || ferror(w->fp)))
		rc = write_fail(w, errno ? errno : EIO);
	else if (w->failed)
		rc = MDF_E_IO;
	free(w->name);
	free(w);
	return rc;
}
