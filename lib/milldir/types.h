/*
 * Typed views of the frame types defined in milldir-frame(5).
 *
 * A view points into the frame's payload; it is valid until the frame is
 * changed or freed.  The *_init functions set the type tag, the required
 * metadata keys and the payload size of a frame, keeping its other
 * metadata, so a tool can turn an input frame into its output in place.
 */
#ifndef MILLDIR_TYPES_H
#define MILLDIR_TYPES_H

#include "frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* MESH: triangles=N, payload N x 12 float32: normal, v0, v1, v2. */
#define MDF_MESH_TRI_FLOATS 12
#define MDF_MESH_TRI_BYTES 48

struct mdf_mesh {
	uint64_t n;  /* triangles */
	float *tri;  /* 12 floats per triangle */
};
int mdf_mesh_view(struct mdf_frame *f, struct mdf_mesh *m);
int mdf_mesh_init(struct mdf_frame *f, uint64_t triangles, struct mdf_mesh *m);

/* IMAG: width=W height=H channels=C (1 grey, 2 grey+alpha, 3 RGB,
 * 4 RGBA), payload H rows of W pixels of C bytes, top row first. */
struct mdf_image {
	uint32_t w, h, c;
	unsigned char *px;
};
int mdf_image_view(struct mdf_frame *f, struct mdf_image *im);
int mdf_image_init(struct mdf_frame *f, uint32_t w, uint32_t h, uint32_t c,
    struct mdf_image *im);

/* TENS: shape=D0xD1x...  (1..8 dims, row-major, last fastest), payload
 * float32 values. */
struct mdf_tensor {
	int ndim;
	uint64_t dims[MDF_TENSOR_MAX_DIMS];
	uint64_t count; /* product of dims */
	float *data;
};
int mdf_tensor_view(struct mdf_frame *f, struct mdf_tensor *t);
int mdf_tensor_init(struct mdf_frame *f, int ndim, const uint64_t *dims,
    struct mdf_tensor *t);

/* PRED: classes=L1,L2,...  payload one float32 probability per class, in
 * that order.  pred.label and pred.score name the argmax. */
struct mdf_pred {
	uint32_t n;      /* classes */
	float *prob;
};
int mdf_pred_view(struct mdf_frame *f, struct mdf_pred *p);
int mdf_pred_init(struct mdf_frame *f, uint32_t nclasses,
    const char *const *labels, struct mdf_pred *p);
/* Label of class I from the classes key, copied into BUF. */
int mdf_pred_label(const struct mdf_frame *f, uint32_t i, char *buf,
    size_t buflen);

/* Any frame's typed view, decoded once: its kind and, for the four types
 * with a payload layout, that layout's view.  The shape comes from the
 * validation mdf_read did (the keys are not parsed again) unless the
 * frame changed since.  MDF_E_* if F breaks its type's rules; KIND is
 * set even then, so a filter can pass on frames that are not its own
 * before it looks at the result. */
enum mdf_kind {
	MDF_KIND_OTHER,
	MDF_KIND_MESH,
	MDF_KIND_IMAG,
	MDF_KIND_TENS,
	MDF_KIND_PRED,
	MDF_KIND_METR,
};

struct mdf_typed {
	enum mdf_kind kind;
	union {
		struct mdf_mesh mesh;
		struct mdf_image image;
		struct mdf_tensor tensor;
		struct mdf_pred pred;
	};
};
int mdf_typed_view(struct mdf_frame *f, struct mdf_typed *v);

/* METR: payload UTF-8 text, one record per line, fields separated by TAB:
 *   param   KEY VALUE
 *   metric  KEY VALUE STEP TIMESTAMP_MS
 *   tag     KEY VALUE
 *   artifact PATH
 * Keys follow MLflow's rules; values contain no TAB, CR or LF. */
enum mdf_metr_kind {
	MDF_METR_PARAM,
	MDF_METR_METRIC,
	MDF_METR_TAG,
	MDF_METR_ARTIFACT,
};

struct mdf_metr_rec {
	enum mdf_metr_kind kind;
	char key[256];       /* empty for artifacts */
	char value[8192];    /* text value, or the artifact path */
	double num;          /* metric value */
	int64_t step;        /* metric step */
	int64_t timestamp;   /* metric time, ms since the epoch */
};

/* Start an empty METR frame (keeps metadata). */
int mdf_metr_init(struct mdf_frame *f);
int mdf_metr_param(struct mdf_frame *f, const char *key, const char *value);
int mdf_metr_tag(struct mdf_frame *f, const char *key, const char *value);
/* TIMESTAMP_MS < 0: now. */
int mdf_metr_metric(struct mdf_frame *f, const char *key, double value,
    int64_t step, int64_t timestamp_ms);
int mdf_metr_artifact(struct mdf_frame *f, const char *path);
/* Iterate: *POS starts at 0.  1: a record in REC, 0: end, MDF_E_META:
 * malformed line (LINE gets its 1-based number). */
int mdf_metr_next(const struct mdf_frame *f, size_t *pos,
    struct mdf_metr_rec *rec, size_t *line);

#ifdef __cplusplus
}
#endif
#endif
