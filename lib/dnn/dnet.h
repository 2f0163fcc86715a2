/*
 * Glue between milldir and Darknet, the library (not installed: only
 * dnntrain, dnnpredict and their checks link it, through the convenience
 * library libmdfdnn).
 *
 * Darknet exits the process on a bad cfg, prints freely, sizes its buffers
 * from the cfg's batch and has defects that silently ruin training (see
 * lib/dnn/dnfix.c).  Everything here validates first, keeps Darknet's chatter
 * off stderr and returns MDF_E_* codes with a reason in WHY.
 */
#ifndef MILLDIR_DNET_H
#define MILLDIR_DNET_H

#include <stddef.h>
#include <stdint.h>

#include "milldir/frame.h"
#include "milldir/types.h"

/* Speed modes (MILLDIR_DNN_MODE): Darknet's own code, Darknet with its
 * multiplies on OpenBLAS, or our replacements for the slow parts too.
 * The correctness fixes are applied in every mode but stock. */
enum mdf_dnet_mode {
	MDF_DNET_STOCK,
	MDF_DNET_GEMM,
	MDF_DNET_FAST,
};

/* --- lib/dnn/blas.c: Darknet's exported kernels on OpenBLAS ------------- */

/* Select the kernels the overrides run; call before building a network. */
void mdf_dnet_set_mode(enum mdf_dnet_mode mode);
enum mdf_dnet_mode mdf_dnet_mode(void);
/* Parse "stock", "gemm" or "fast"; <0 if none of them. */
int mdf_dnet_mode_parse(const char *s);
/* OpenBLAS threads (N < 1: leave OpenBLAS's choice). */
void mdf_dnet_set_threads(int n);
/* Prove the overrides are the ones Darknet calls: multiply through the
 * symbol the dynamic linker resolves for Darknet and compare with
 * cblas_sgemm.  MDF_E_INVAL with a reason when they are not in effect. */
int mdf_dnet_check_overrides(char *why, size_t whylen);
/* Set OPENBLAS_CORETYPE (from the CPU) and, in fast mode,
 * OPENBLAS_THREAD_TIMEOUT when unset; 1 if the environment changed and
 * the program should execute itself again for OpenBLAS to see it. */
int mdf_dnet_prepare_env(void);
/* mdf_dnet_prepare_env(), then execute the program again (ARGV) if the
 * environment changed; returns if it did not (or the exec failed). */
void mdf_dnet_restart(char **argv);
/* Number of gemm calls that reached our override (for the checks). */
unsigned long mdf_dnet_gemm_calls(void);

/* --- lib/dnn/cfg.c: cfg files -------------------------------------------- */

/* What a cfg may ask for (dnntrain(1) says why): a cfg file's bytes;
 * the input's side and area (4 views of 512x512 in a meta-image; larger
 * inputs take minutes per image on a CPU); a [connected] layer's outputs;
 * and, estimated from the layers as Darknet allocates them,
 * MILLDIR_DNN_MAX_MB of memory (default half the machine's).  No layer
 * may hold 2^30 values per batch (Darknet counts them in an int). */
#define MDF_DNET_CFG_MAX (1 << 20)
#define MDF_DNET_MAX_SIDE 4096
#define MDF_DNET_MAX_PIXELS (1024 * 1024)
#define MDF_DNET_MAX_OUTPUTS 65536

/* A cfg, checked: input size and the layers we will let Darknet parse. */
struct mdf_dnet_cfg {
	int w, h, c;       /* network input */
	int nlayers;       /* sections after [net] */
	int outputs;       /* classifier outputs as written */
	double params;     /* weights, biases and batch-norm scales */
	double flops;      /* multiply-adds of one image's forward pass */
	double mem;        /* bytes Darknet will allocate (an estimate) */
};

/* Read a cfg file into a NUL-terminated buffer (caller frees). */
int mdf_dnet_cfg_read(const char *path, char **text, char *why, size_t whylen);
/* Validate cfg TEXT: known sections and keys, required keys, shapes that
 * Darknet can build (so it never calls exit).  NAME is used in messages. */
int mdf_dnet_cfg_check(const char *name, const char *text,
    struct mdf_dnet_cfg *cfg, char *why, size_t whylen);
/* Rewrite TEXT: [net] batch (subdivisions 1), learning rate, momentum,
 * decay and policy as given (NULL / <0: keep), and the output count of
 * the last [connected] or [convolutional] to CLASSES. */
struct mdf_dnet_hyper {
	int batch;
	double lr, momentum, decay;
	const char *policy;   /* constant, step, exp, poly */
	long max_batches;     /* for poly and step */
};
int mdf_dnet_cfg_patch(const char *text, int classes,
    const struct mdf_dnet_hyper *hp, char **out, char *why, size_t whylen);
/* The text Darknet reads for checked cfg TEXT: milldir's own layers
 * ([swish], [scale_channels]) replaced by a [route] of the right shape;
 * KINDS[i] (caller frees) says which of the NKINDS layers are ours. */
enum { MDF_DNET_DARKNET, MDF_DNET_SWISH, MDF_DNET_SCALE };
int mdf_dnet_cfg_darknet(const char *text, char **out, unsigned char **kinds,
    int *nkinds, char *why, size_t whylen);
/* Resolve --net NAME|FILE.cfg: a path with a slash or ending in .cfg is
 * used as is; otherwise NAME.cfg in MILLDIR_NETS, then SRCDIR's nets (for
 * uninstalled runs, may be NULL), then PKGDIR/nets.  Caller frees. */
int mdf_dnet_find_net(const char *name, const char *srcdir, const char *pkgdir,
    char **path, char *why, size_t whylen);

/* --- lib/dnn/dnet.c: networks -------------------------------------------- */

struct mdf_dnet;

/* Build a network from a checked cfg file; Darknet's layer table goes to
 * stderr only if VERBOSE.  SEED seeds Darknet's weight initialisation. */
int mdf_dnet_open(const char *cfgpath, int verbose, unsigned seed,
    struct mdf_dnet **out, char *why, size_t whylen);
/* Frees everything, including what free_network forgets. */
void mdf_dnet_free(struct mdf_dnet *d);
/* Free the wrapper only and hand back the Darknet network (for checks). */
void *mdf_dnet_detach(struct mdf_dnet *d);
int mdf_dnet_batch(const struct mdf_dnet *d);
int mdf_dnet_inputs(const struct mdf_dnet *d);
int mdf_dnet_outputs(const struct mdf_dnet *d);
/* The Darknet network (for the check programs). */
void *mdf_dnet_network(struct mdf_dnet *d);

/* One SGD step on a full batch: X is batch x inputs (planar floats),
 * Y the class of each row.  *LOSS gets the mean cross-entropy. */
int mdf_dnet_train_step(struct mdf_dnet *d, const float *x, const int *y,
    float *loss);
/* Forward N <= batch rows in evaluation mode (rolling batch-norm
 * statistics); PROB gets N x outputs probabilities.  Restores every
 * network field it touches. */
int mdf_dnet_predict(struct mdf_dnet *d, const float *x, int n, float *prob);
/* Batch-norm population statistics: begin, feed full batches of training
 * data (forward in training mode, no update), end (writes the rolling
 * mean and variance of every batch-norm layer). */
void mdf_dnet_bn_begin(struct mdf_dnet *d);
int mdf_dnet_bn_feed(struct mdf_dnet *d, const float *x);
void mdf_dnet_bn_end(struct mdf_dnet *d);

/* --- lib/dnn/weights.c: weight files (milldir-model(5)) ----------------- */
int mdf_dnet_save(struct mdf_dnet *d, const char *path, char *why, size_t whylen);
int mdf_dnet_load(struct mdf_dnet *d, const char *path, char *why, size_t whylen);

/* --- lib/dnn/dnfix.c: our layer functions -------------------------------- */

/* Install the defect fixes (and in fast mode the fast layers) into every
 * layer of network NET (a Darknet network *). */
void mdf_dnet_install(void *net, enum mdf_dnet_mode mode);
/* --- lib/dnn/dnown.c: milldir's own layers, in every mode ---------------- */
void mdf_dnet_install_own(void *net, const unsigned char *kinds, int n);
/* Switch only the 1x1 residual-gradient fix (for the checks). */
void mdf_dnet_install_convfix(void *net, int on);

/* --- lib/dnn/dndata.c: data sets and metrics ----------------------------- */

struct mdf_dset_item {
	int label;          /* class index, -1 if unknown */
	int part;           /* index into part names, -1 none */
	int split;          /* 0 train, 1 val, 2 test, -1 unset */
	unsigned char *u8;  /* IMAG converted: planar bytes, or NULL */
	float *f;           /* TENS: planar floats, or NULL */
};

struct mdf_dset {
	int w, h, c;                 /* network input */
	struct mdf_dset_item *it;
	size_t n, cap;
	char **labels;               /* class names in order */
	int nlabels;
	int fixed_labels;            /* from --classes: unknown labels refused */
	char **parts;
	int nparts;
	uint64_t digest;             /* FNV-1a over labels and pixels */
};

void mdf_dset_init(struct mdf_dset *ds, int w, int h, int c);
void mdf_dset_free(struct mdf_dset *ds);
/* Comma-separated class list for --classes. */
int mdf_dset_set_classes(struct mdf_dset *ds, const char *list, char *why,
    size_t whylen);
/* Convert one frame to the network's planar layout (IMAG resized and
 * channel-converted to W x H x C, TENS must be C x H x W) into DST
 * (w*h*c floats). */
int mdf_dnet_frame_input(const struct mdf_frame *f, int w, int h, int c,
    float *dst, char *why, size_t whylen);
/* The same from F's typed view V, decoded once by the caller. */
int mdf_dnet_view_input(const struct mdf_frame *f, const struct mdf_typed *v,
    int w, int h, int c, float *dst, char *why, size_t whylen);
/* Add an IMAG or TENS frame F, whose typed view V the caller decoded
 * (a label required when NEED_LABEL). */
int mdf_dset_add(struct mdf_dset *ds, const struct mdf_frame *f,
    const struct mdf_typed *v, int need_label, char *why, size_t whylen);
/* With labels not fixed: sort the labels seen and renumber the items. */
int mdf_dset_finish_labels(struct mdf_dset *ds);
/* Assign train/val: FRAC >= 0 splits whole parts (seeded), else use the
 * frames' split metadata.  Fails if a class has no training item. */
int mdf_dset_split(struct mdf_dset *ds, double frac, unsigned seed,
    char *why, size_t whylen);
/* Planar floats of item I into DST. */
void mdf_dset_get(const struct mdf_dset *ds, size_t i, float *dst);

/* Accuracy and macro precision, recall and F1, as metriclog defines them
 * (lib/track/metrics.c). */
struct mdf_dnet_scores {
	double accuracy, precision, recall, f1;
};
int mdf_dnet_score(const int *truth, const int *pred, size_t n, int k,
    struct mdf_dnet_scores *s);

/* --- lib/dnn/dntrain.c: the training loop ----------------------------------- */

struct mdf_dnet_epoch {
	int epoch;              /* 1-based */
	double train_loss;
	int has_val;
	double val_loss;
	struct mdf_dnet_scores val;
	int best;               /* this epoch is the best so far */
};

struct mdf_dnet_fit {
	int epochs;
	int patience;           /* epochs without improvement; 0: never stop */
	unsigned seed;
	const char *best_path, *last_path;
	/* called after every epoch; nonzero stops with that code */
	int (*on_epoch)(void *ctx, const struct mdf_dnet_epoch *e);
	/* progress within an epoch (may be NULL) */
	void (*on_batch)(void *ctx, int epoch, int batch, int nbatches, double loss);
	void *ctx;
	/* results */
	int best_epoch;
	struct mdf_dnet_epoch best;
};

/* Train on the items of DS marked train, validate on those marked val
 * (evaluation mode after recomputing the batch-norm statistics), save
 * the best (validation F1) and the last weights. */
int mdf_dnet_fit(struct mdf_dnet *d, const struct mdf_dset *ds,
    struct mdf_dnet_fit *fit, char *why, size_t whylen);
/* Recompute batch-norm statistics over the training items of DS. */
int mdf_dnet_bn_recompute(struct mdf_dnet *d, const struct mdf_dset *ds);
/* Evaluate the items with split == WHICH: mean loss and scores. */
int mdf_dnet_evaluate(struct mdf_dnet *d, const struct mdf_dset *ds, int which,
    double *loss, struct mdf_dnet_scores *s);

/* Small seeded generator (xorshift64*), shared by the shuffles. */
uint64_t mdf_dnet_rand(uint64_t *state);

#endif
