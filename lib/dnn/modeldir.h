/*
 * The model directory (milldir-model(5)): labels.txt and model.meta, one
 * reader and one writer each, and the preparation of the training frames
 * that a model records and checks.  The weights are in lib/dnn/weights.c.
 */
#ifndef MILLDIR_MODELDIR_H
#define MILLDIR_MODELDIR_H

#include <stddef.h>

#include "milldir/frame.h"

#define MDF_MODEL_MAX_LABELS 1024      /* classes (metriclog's limit) */
#define MDF_MODEL_MAX_LABEL 100        /* bytes of one label */
#define MDF_MODEL_MAX_LABELS_FILE (MDF_MODEL_MAX_LABELS * (MDF_MODEL_MAX_LABEL + 2))
#define MDF_MODEL_MAX_META 65536       /* bytes of model.meta */
#define MDF_MODEL_MAX_KEYS 256         /* lines of model.meta */
#define MDF_MODEL_MAX_KEY 64           /* bytes of a key */
#define MDF_MODEL_MAX_VALUE (MDF_MODEL_MAX_LABELS * (MDF_MODEL_MAX_LABEL + 1))

/* The path of file NAME in model directory DIR (caller frees); the one
 * place a --model argument becomes a directory. */
char *mdf_model_file(const char *dir, const char *name);

/* Whether S (LEN bytes) is a valid label: 1 to MDF_MODEL_MAX_LABEL bytes
 * of UTF-8, no control character, no comma.  NULL if so, else the
 * reason. */
const char *mdf_model_label_invalid(const char *s, size_t len);

struct mdf_model_labels {
	char **v;      /* the labels, in class order */
	int n;
	char *buf;     /* their storage */
};

/* Parse the text of a labels.txt (LEN bytes; NAME for messages): one
 * valid label a line, every line ended by LF, 2 to MDF_MODEL_MAX_LABELS
 * distinct labels.  MDF_E_META with "NAME: line N: reason" otherwise. */
int mdf_model_labels_parse(const char *name, const char *text, size_t len,
    struct mdf_model_labels *out, char *why, size_t whylen);
/* Read DIR/labels.txt: MDF_E_IO if it cannot be opened or read. */
int mdf_model_labels_read(const char *dir, struct mdf_model_labels *out,
    char *why, size_t whylen);
/* Write DIR/labels.txt (validated first, MDF_E_META). */
int mdf_model_labels_write(const char *dir, char *const *labels, int n,
    char *why, size_t whylen);
void mdf_model_labels_free(struct mdf_model_labels *l);

struct mdf_model_meta {
	char **key, **val;
	int n;
};

/* Parse a model.meta: KEY=VALUE lines ended by LF; keys [a-z0-9_.],
 * 1 to MDF_MODEL_MAX_KEY bytes, each once; values UTF-8 without control
 * characters, at most MDF_MODEL_MAX_VALUE bytes; at most
 * MDF_MODEL_MAX_KEYS lines.  MDF_E_META with "NAME: line N: reason". */
int mdf_model_meta_parse(const char *name, const char *text, size_t len,
    struct mdf_model_meta *out, char *why, size_t whylen);
int mdf_model_meta_read(const char *dir, struct mdf_model_meta *out,
    char *why, size_t whylen);
/* Write DIR/model.meta (keys in the order they were set). */
int mdf_model_meta_write(const char *dir, const struct mdf_model_meta *m,
    char *why, size_t whylen);
/* The value of KEY, or NULL. */
const char *mdf_model_meta_get(const struct mdf_model_meta *m, const char *key);
/* Set KEY (replacing its value); MDF_E_INVAL for a bad key or value. */
int mdf_model_meta_set(struct mdf_model_meta *m, const char *key, const char *val);
int mdf_model_meta_setf(struct mdf_model_meta *m, const char *key,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void mdf_model_meta_free(struct mdf_model_meta *m);

/* --- the preparation of the training frames ------------------------------
 *
 * The frame keys that say how an IMAG or TENS frame was made (the views,
 * their size and layout, the resize, the normals; the embedding's kind,
 * bins and features; the input shape) are recorded in model.meta as
 * input.KEY, with input.type the frame type. */

/* Record the preparation of frame F in M: FIRST for the first training
 * frame; later frames remove what they do not share (frames of another
 * type remove it all: nothing is recorded, nothing checked). */
int mdf_model_prep_take(struct mdf_model_meta *m, const struct mdf_frame *f,
    int first);
/* Whether frame F was prepared as M records: MDF_OK, or MDF_E_META with
 * the first difference in WHY.  The size keys (width, height, channels,
 * shape) are not compared: dnnpredict resizes images as dnntrain does.
 * A model without input.type accepts any frame. */
int mdf_model_prep_match(const struct mdf_model_meta *m,
    const struct mdf_frame *f, char *why, size_t whylen);

#endif
