/*
 * Classification metrics from a confusion matrix: accuracy, per-class
 * precision, recall and F1, macro and weighted averages, log-loss.
 *
 * Definitions follow scikit-learn (accuracy_score, precision_recall_
 * fscore_support, log_loss).  Every ratio whose denominator is zero is 0,
 * as scikit-learn's zero_division=0.  Pure functions: nothing here touches
 * files or frames.
 */
#ifndef MILLDIR_METRICS_H
#define MILLDIR_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Probabilities are clipped to [eps, 1-eps] before the logarithm, eps
 * the float32 machine epsilon (scikit-learn's eps="auto" on float32). */
#define MDF_LOGLOSS_EPS 1.1920928955078125e-07

struct mdf_confusion {
	uint32_t n;         /* classes */
	uint64_t *m;        /* n x n counts, row = true class, column = predicted */
	uint64_t total;     /* samples added */
	double logloss_sum; /* sum of -log(p_true), clipped */
	uint64_t logloss_n; /* samples that carried probabilities */
};

/* Most classes a matrix takes (8 MiB of counts). */
#define MDF_CONFUSION_MAX_CLASSES 1024
/* Most classes drawn as a heat map (a 4000-pixel square). */
#define MDF_HEATMAP_MAX_CLASSES 100

/* Empty matrix for NCLASSES (1..MDF_CONFUSION_MAX_CLASSES) classes. */
int mdf_confusion_init(struct mdf_confusion *c, uint32_t nclasses);
void mdf_confusion_free(struct mdf_confusion *c);
/* Count one sample.  PROB, when not NULL, holds the n class scores of the
 * sample; they are normalised to sum 1 (as scikit-learn does) before the
 * true class's probability enters the log-loss. */
int mdf_confusion_add(struct mdf_confusion *c, uint32_t truth, uint32_t pred,
    const float *prob);

struct mdf_class_metrics {
	double precision, recall, f1;
	uint64_t support;   /* true samples of the class */
	uint64_t predicted; /* samples predicted as the class */
	int present;        /* in the true or the predicted labels */
};

struct mdf_metrics {
	uint64_t total;
	double accuracy;
	/* Macro: unweighted mean over the classes present in the true or the
	 * predicted labels (scikit-learn's labels=None). */
	double macro_precision, macro_recall, macro_f1;
	/* Weighted by support. */
	double weighted_precision, weighted_recall, weighted_f1;
	double logloss;     /* NaN when no sample carried probabilities */
	uint32_t n;
	struct mdf_class_metrics *cls; /* n entries, allocated */
};

int mdf_metrics_compute(const struct mdf_confusion *c, struct mdf_metrics *out);
void mdf_metrics_free(struct mdf_metrics *m);

/* The matrix as TSV: a header "true\pred" and the labels, then one row per
 * true class.  LABELS has n entries.  Returns a malloc'd string. */
int mdf_confusion_tsv(const struct mdf_confusion *c, const char *const *labels,
    char **out, size_t *outlen);

/* Render a heat map of the row-normalised matrix (cell shade = fraction
 * of the true class predicted as that column, counts drawn in digits)
 * into F as an RGB IMAG frame.  Axes carry LABELS (n entries, may be NULL)
 * where the built-in 3x5 font has every character (digits, + - . _ X Y Z),
 * else the class index.  F must be initialised.  MDF_E_INVAL for more
 * than MDF_HEATMAP_MAX_CLASSES classes. */
int mdf_confusion_heatmap(const struct mdf_confusion *c,
    const char *const *labels, struct mdf_frame *f);

/* --- PRED frames grouped by split ------------------------------------ */

/* One confusion matrix per value of the split key ("" when absent). */
struct mdf_eval_group {
	char *split;
	char *classes;   /* the classes value, as in the first frame */
	char **labels;   /* its n labels */
	struct mdf_confusion c;
};

struct mdf_eval {
	struct mdf_eval_group *g;
	size_t n;
};

void mdf_eval_init(struct mdf_eval *e);
void mdf_eval_free(struct mdf_eval *e);
/* Count the PRED frame F: its true class is its label key, its predicted
 * class pred.label (else the argmax of the payload), its scores enter the
 * log-loss.  0 when F is not a PRED frame or carries no label, 1 when
 * counted, MDF_E_META (reason in WHY) when the label or pred.label is not
 * one of the classes or the classes differ from the group's first frame. */
int mdf_eval_add(struct mdf_eval *e, struct mdf_frame *f, char *why,
    size_t whylen);

/* A class label as part of an MLflow metric key: '+' becomes "pos", '-'
 * becomes "neg", other characters MLflow refuses become '_' ("+X" ->
 * "posX"). */
void mdf_metric_class_key(const char *label, char *out, size_t outlen);

#ifdef __cplusplus
}
#endif
#endif
