/*
 * The training loop: epochs of shuffled full batches, batch-norm
 * statistics recomputed over the training data before every validation
 * and save (Darknet's rolling averages start at zero and move 1 % per
 * batch, which leaves evaluation mode at chance on small data sets),
 * validation in evaluation mode, best and last weights.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnn/dnet.h"

/* Indexes of the items with split == WHICH. */
static size_t *
select_items(const struct mdf_dset *ds, int which, size_t *n)
{
	size_t *v = malloc((ds->n ? ds->n : 1) * sizeof *v), k = 0;

	if (!v)
		return NULL;
	for (size_t i = 0; i < ds->n; i++)
		if (ds->it[i].split == which)
			v[k++] = i;
	*n = k;
	return v;
}

int
mdf_dnet_bn_recompute(struct mdf_dnet *d, const struct mdf_dset *ds)
{
	int batch = mdf_dnet_batch(d);
	size_t nin = (size_t)mdf_dnet_inputs(d), n;
	size_t *idx = select_items(ds, 0, &n);
	float *x = malloc((size_t)batch * nin * sizeof *x);
	int rc = MDF_OK;

	if (!idx || !x || n == 0) {
		free(idx);
		free(x);
		return idx && x ? MDF_OK : MDF_E_NOMEM;
	}
	mdf_dnet_bn_begin(d);
	/* full batches, the last one completed from the start */
	size_t nb = (n + (size_t)batch - 1) / (size_t)batch;
	for (size_t b = 0; b < nb && rc == MDF_OK; b++) {
		for (int j = 0; j < batch; j++)
			mdf_dset_get(ds, idx[(b * (size_t)batch + (size_t)j) % n], x + (size_t)j * nin);
		rc = mdf_dnet_bn_feed(d, x);
	}
	mdf_dnet_bn_end(d);
	free(idx);
	free(x);
	return rc;
}

int
mdf_dnet_evaluate(struct mdf_dnet *d, const struct mdf_dset *ds, int which,
    double *loss, struct mdf_dnet_scores *s)
{
	int batch = mdf_dnet_batch(d), k = mdf_dnet_outputs(d);
	size_t nin = (size_t)mdf_dnet_inputs(d), n;
	size_t *idx = select_items(ds, which, &n);
	float *x = malloc((size_t)batch * nin * sizeof *x);
	float *prob = malloc((size_t)batch * (size_t)k * sizeof *prob);
	int *truth = malloc((n ? n : 1) * sizeof *truth);
	int *pred = malloc((n ? n : 1) * sizeof *pred);
	double sum = 0;
	int rc = MDF_OK;

	if (!idx || !x || !prob || !truth || !pred) {
		rc = MDF_E_NOMEM;
		goto out;
	}
	for (size_t b = 0; b < n; b += (size_t)batch) {
		int m = n - b < (size_t)batch ? (int)(n - b) : batch;
		for (int j = 0; j < m; j++)
			mdf_dset_get(ds, idx[b + (size_t)j], x + (size_t)j * nin);
		if ((rc = mdf_dnet_predict(d, x, m, prob)) < 0)
			goto out;
		for (int j = 0; j < m; j++) {
			const float *p = prob + (size_t)j * k;
			int best = 0, t = ds->it[idx[b + (size_t)j]].label;
			for (int c = 1; c < k; c++)
				if (p[c] > p[best])
					best = c;
			truth[b + (size_t)j] = t;
			pred[b + (size_t)j] = best;
			sum += -log(p[t] > 1e-12f ? (double)p[t] : 1e-12);
		}
	}
	*loss = n ? sum / (double)n : 0;
	rc = mdf_dnet_score(truth, pred, n, k, s);
out:
	free(idx);
	free(x);
	free(prob);
	free(truth);
	free(pred);
	return rc;
}

int
mdf_dnet_fit(struct mdf_dnet *d, const struct mdf_dset *ds, struct mdf_dnet_fit *fit,
    char *why, size_t whylen)
{
	int batch = mdf_dnet_batch(d);
	size_t nin = (size_t)mdf_dnet_inputs(d), ntrain, nval;
	size_t *tr = select_items(ds, 0, &ntrain);
	size_t *va = select_items(ds, 1, &nval);
	float *x = malloc((size_t)batch * nin * sizeof *x);
	int *y = malloc((size_t)batch * sizeof *y);
	uint64_t st = 0x2545f4914f6cdd1du ^ ((uint64_t)fit->seed << 17);
	int rc = MDF_OK, stale = 0;

	fit->best_epoch = 0;
	why[0] = '\0';
	if (!tr || !va || !x || !y) {
		rc = MDF_E_NOMEM;
		goto out;
	}
	if (ntrain == 0) {
		snprintf(why, whylen, "no training frames");
		rc = MDF_E_META;
		goto out;
	}
	size_t nb = (ntrain + (size_t)batch - 1) / (size_t)batch;
	for (int e = 1; e <= fit->epochs; e++) {
		struct mdf_dnet_epoch ep = { .epoch = e };
		double sum = 0;

		for (size_t i = ntrain; i > 1; i--) {
			size_t j = (size_t)(mdf_dnet_rand(&st) % i), t = tr[i - 1];
			tr[i - 1] = tr[j];
			tr[j] = t;
		}
		for (size_t b = 0; b < nb; b++) {
			float loss;
			for (int j = 0; j < batch; j++) {
				/* the last batch is completed with random items */
				size_t k = b * (size_t)batch + (size_t)j;
				size_t it = k < ntrain ? tr[k] : tr[mdf_dnet_rand(&st) % ntrain];
				mdf_dset_get(ds, it, x + (size_t)j * nin);
				y[j] = ds->it[it].label;
			}
			if ((rc = mdf_dnet_train_step(d, x, y, &loss)) < 0)
				goto out;
			if (!isfinite(loss)) {
				snprintf(why, whylen, "epoch %d: the loss diverged (try a smaller --lr)", e);
				rc = MDF_E_INVAL;
				goto out;
			}
			sum += loss;
			if (fit->on_batch)
				fit->on_batch(fit->ctx, e, (int)b + 1, (int)nb, sum / (double)(b + 1));
		}
		ep.train_loss = sum / (double)nb;
		if ((rc = mdf_dnet_bn_recompute(d, ds)) < 0)
			goto out;
		if (nval > 0) {
			ep.has_val = 1;
			if ((rc = mdf_dnet_evaluate(d, ds, 1, &ep.val_loss, &ep.val)) < 0)
				goto out;
		}
		/* better F1, or as good with a lower validation loss */
		ep.best = fit->best_epoch == 0 || nval == 0 || ep.val.f1 > fit->best.val.f1 ||
		    (ep.val.f1 == fit->best.val.f1 &&
		     ep.val_loss < fit->best.val_loss * (1 - 1e-6));
		if (ep.best) {
			fit->best_epoch = e;
			fit->best = ep;
			stale = 0;
			if (fit->best_path &&
			    (rc = mdf_dnet_save(d, fit->best_path, why, whylen)) < 0)
				goto out;
		} else {
			stale++;
		}
		if (fit->last_path && (rc = mdf_dnet_save(d, fit->last_path, why, whylen)) < 0)
			goto out;
		if (fit->on_epoch && (rc = fit->on_epoch(fit->ctx, &ep)) != 0)
			goto out;
		if (fit->patience > 0 && stale >= fit->patience)
			break;
	}
out:
	free(tr);
	free(va);
	free(x);
	free(y);
	/* a failure without a reason of its own (out of memory) is named */
	if (rc < 0 && !why[0])
		snprintf(why, whylen, "training: %s", mdf_strerror(rc));
	return rc;
}
