/* A classification evaluation logged into a run: the metrics of one group
 * of PRED frames (accuracy, macro and weighted precision, recall and F1,
 * log-loss, per-class precision, recall and F1, the split as a prefix)
 * and its confusion matrix as confusion.tsv and a confusion.png heat map
 * (metriclog's sink at the end of a stream). */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "milldir/frame.h"
#include "milldir/metrics.h"
#include "milldir/mlstore.h"
#include "milldir/png.h"
#include "milldir/types.h"
#include "common/common.h"

static int
log_metrics(struct mdf_mlrun *r, const char *pre, const struct mdf_eval_group *g,
    const struct mdf_metrics *m, char *why, size_t whylen)
{
	static const char *const names[8] = {"accuracy", "precision", "recall", "f1",
	    "weighted_precision", "weighted_recall", "weighted_f1", "log_loss"};
	const double vals[8] = {m->accuracy, m->macro_precision, m->macro_recall,
	    m->macro_f1, m->weighted_precision, m->weighted_recall, m->weighted_f1,
	    m->logloss};
	char key[600], ck[260];
	int rc = MDF_OK;

	for (size_t i = 0; i < 8 && rc == 0; i++) {
		snprintf(key, sizeof key, "%s%s", pre, names[i]);
		rc = mdf_mlrun_log_metric(r, key, vals[i], -1, 0, why, whylen);
	}
	for (uint32_t k = 0; k < m->n && rc == 0; k++) {
		const char *what[3] = {"precision", "recall", "f1"};
		double v[3] = {m->cls[k].precision, m->cls[k].recall, m->cls[k].f1};
		mdf_metric_class_key(g->labels[k], ck, sizeof ck);
		for (int i = 0; i < 3 && rc == 0; i++) {
			snprintf(key, sizeof key, "%s%s.%s", pre, what[i], ck);
			rc = mdf_mlrun_log_metric(r, key, v[i], -1, 0, why, whylen);
		}
	}
	return rc;
}

int
mdf_mlrun_log_eval(struct mdf_mlrun *r, const struct mdf_eval_group *g,
    struct mdf_metrics *m, char *why, size_t whylen)
{
	const char *const *labels = (const char *const *)g->labels;
	char pre[300], key[600], tmp[PATH_MAX], *tsv;
	size_t tsvlen;
	struct mdf_frame img;
	int rc;

	if (mdf_metrics_compute(&g->c, m) < 0)
		return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	snprintf(pre, sizeof pre, "%s%s", g->split, *g->split ? "_" : "");
	if ((rc = log_metrics(r, pre, g, m, why, whylen)) < 0)
		return rc;
	if (mdf_confusion_tsv(&g->c, labels, &tsv, &tsvlen) < 0)
		return mdf_why(why, whylen, MDF_E_NOMEM, "out of memory");
	snprintf(key, sizeof key, "%sconfusion.tsv", pre);
	rc = mdf_mlrun_artifact_data(r, key, tsv, tsvlen, why, whylen);
	free(tsv);
	if (rc < 0)
		return rc;
	mdf_frame_init(&img);
	if (mdf_confusion_heatmap(&g->c, labels, &img) == 0) {
		mdf_mlrun_tmp_path(r, tmp, sizeof tmp);
		snprintf(key, sizeof key, "%sconfusion.png", pre);
		if ((rc = mdf_png_write(&img, tmp, why, whylen)) == 0)
			rc = mdf_mlrun_publish(r, tmp, key, why, whylen);
	}
	mdf_frame_free(&img);
	return rc;
}
