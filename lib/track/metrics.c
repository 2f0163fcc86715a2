/* Confusion matrix and the classification metrics derived from it, with
 * scikit-learn's definitions and zero_division=0. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "milldir/metrics.h"
#include "milldir/types.h"

int
mdf_confusion_init(struct mdf_confusion *c, uint32_t nclasses)
{
	memset(c, 0, sizeof *c);
	if (nclasses == 0 || nclasses > MDF_CONFUSION_MAX_CLASSES)
		return MDF_E_INVAL;
	c->m = calloc((size_t)nclasses * nclasses, sizeof *c->m);
	if (c->m == NULL)
		return MDF_E_NOMEM;
	c->n = nclasses;
	return MDF_OK;
}

void
mdf_confusion_free(struct mdf_confusion *c)
{
	free(c->m);
	memset(c, 0, sizeof *c);
}

int
mdf_confusion_add(struct mdf_confusion *c, uint32_t truth, uint32_t pred,
    const float *prob)
{
	if (truth >= c->n || pred >= c->n)
		return MDF_E_INVAL;
	if (prob != NULL) {
		/* Clip every score, then renormalise the row, as log_loss does
		 * before it takes -log of the true class's probability. */
		double sum = 0, pt = 0;
		for (uint32_t i = 0; i < c->n; i++) {
			double p = prob[i];
			if (isnan(p))
				return MDF_E_INVAL;
			if (p < MDF_LOGLOSS_EPS)
				p = MDF_LOGLOSS_EPS;
			if (p > 1 - MDF_LOGLOSS_EPS)
				p = 1 - MDF_LOGLOSS_EPS;
			sum += p;
			if (i == truth)
				pt = p;
		}
		c->logloss_sum += -log(pt / sum);
		c->logloss_n++;
	}
	c->m[(size_t)truth * c->n + pred]++;
	c->total++;
	return MDF_OK;
}

static double
ratio(double num, double den)
{
	return den > 0 ? num / den : 0.0;
}

int
mdf_metrics_compute(const struct mdf_confusion *c, struct mdf_metrics *out)
{
	uint64_t correct = 0;
	uint32_t present = 0;

	memset(out, 0, sizeof *out);
	out->cls = calloc(c->n ? c->n : 1, sizeof *out->cls);
	if (out->cls == NULL)
		return MDF_E_NOMEM;
	out->n = c->n;
	out->total = c->total;
	for (uint32_t k = 0; k < c->n; k++) {
		struct mdf_class_metrics *m = &out->cls[k];
		uint64_t tp = c->m[(size_t)k * c->n + k];

		for (uint32_t j = 0; j < c->n; j++) {
			m->support += c->m[(size_t)k * c->n + j];
			m->predicted += c->m[(size_t)j * c->n + k];
		}
		correct += tp;
		m->precision = ratio((double)tp, (double)m->predicted);
		m->recall = ratio((double)tp, (double)m->support);
		/* 2tp / (2tp + fp + fn): equal to 2PR/(P+R), and 0 (not NaN)
		 * when P and R are both 0. */
		m->f1 = ratio(2.0 * (double)tp,
		    (double)m->support + (double)m->predicted);
		m->present = m->support > 0 || m->predicted > 0;
		if (m->present) {
			present++;
			out->macro_precision += m->precision;
			out->macro_recall += m->recall;
			out->macro_f1 += m->f1;
		}
		out->weighted_precision += m->precision * (double)m->support;
		out->weighted_recall += m->recall * (double)m->support;
		out->weighted_f1 += m->f1 * (double)m->support;
	}
	out->accuracy = ratio((double)correct, (double)c->total);
	out->macro_precision = ratio(out->macro_precision, present);
	out->macro_recall = ratio(out->macro_recall, present);
	out->macro_f1 = ratio(out->macro_f1, present);
	out->weighted_precision = ratio(out->weighted_precision, (double)c->total);
	out->weighted_recall = ratio(out->weighted_recall, (double)c->total);
	out->weighted_f1 = ratio(out->weighted_f1, (double)c->total);
	out->logloss = c->logloss_n ? c->logloss_sum / (double)c->logloss_n : NAN;
	return MDF_OK;
}

void
mdf_metrics_free(struct mdf_metrics *m)
{
	free(m->cls);
	m->cls = NULL;
}

/* A growing text buffer. */
int
mdf_confusion_tsv(const struct mdf_confusion *c, const char *const *labels,
    char **out, size_t *outlen)
{
	struct mdf_sb b = {0};

	mdf_sb_printf(&b, "true\\pred");
	for (uint32_t j = 0; j < c->n; j++)
		mdf_sb_printf(&b, "\t%s", labels[j]);
	mdf_sb_printf(&b, "\n");
	for (uint32_t i = 0; i < c->n; i++) {
		mdf_sb_printf(&b, "%s", labels[i]);
		for (uint32_t j = 0; j < c->n; j++)
			mdf_sb_printf(&b, "\t%llu", (unsigned long long)c->m[(size_t)i * c->n + j]);
		mdf_sb_printf(&b, "\n");
	}
	if (b.err) {
		free(b.s);
		return MDF_E_NOMEM;
	}
	*out = b.s;
	*outlen = b.len;
	return MDF_OK;
}

/* --- heat map ------------------------------------------------------- */

#define CELL 40   /* pixels per matrix cell */
#define GLYPH_W 3
#define GLYPH_H 5
#define SCALE 2   /* glyph pixel size */
#define ADV ((GLYPH_W + 1) * SCALE)

/* A 3x5 font for counts and axis labels: rows top first, bit 2 = left. */
static const struct {
	char ch;
	unsigned char row[GLYPH_H];
} font[] = {
	{'0', {7, 5, 5, 5, 7}}, {'1', {2, 6, 2, 2, 7}}, {'2', {7, 1, 7, 4, 7}},
	{'3', {7, 1, 7, 1, 7}}, {'4', {5, 5, 7, 1, 1}}, {'5', {7, 4, 7, 1, 7}},
	{'6', {7, 4, 7, 5, 7}}, {'7', {7, 1, 1, 1, 1}}, {'8', {7, 5, 7, 5, 7}},
	{'9', {7, 5, 7, 1, 7}}, {'+', {0, 2, 7, 2, 0}}, {'-', {0, 0, 7, 0, 0}},
	{'.', {0, 0, 0, 0, 2}}, {'X', {5, 5, 2, 5, 5}}, {'Y', {5, 5, 2, 2, 2}},
	{'Z', {7, 1, 2, 4, 7}}, {'_', {0, 0, 0, 0, 7}},
};

static void
put_px(struct mdf_image *im, long x, long y, const unsigned char rgb[3])
{
	if (x < 0 || y < 0 || x >= (long)im->w || y >= (long)im->h)
		return;
	memcpy(im->px + ((size_t)y * im->w + (size_t)x) * 3, rgb, 3);
}

static void
fill(struct mdf_image *im, long x0, long y0, long w, long h,
    const unsigned char rgb[3])
{
	for (long y = y0; y < y0 + h; y++)
		for (long x = x0; x < x0 + w; x++)
			put_px(im, x, y, rgb);
}

/* Draw S with its top-left corner at (X, Y); characters without a glyph
 * are drawn as a small hollow box. */
static void
text(struct mdf_image *im, long x, long y, const char *s,
    const unsigned char rgb[3])
{
	for (; *s; s++, x += ADV) {
		char ch = *s;
		static const unsigned char box[GLYPH_H] = {7, 5, 5, 5, 7};
		const unsigned char *rows = box;
		for (size_t g = 0; g < sizeof font / sizeof font[0]; g++)
			if (font[g].ch == ch)
				rows = font[g].row;
		for (int r = 0; r < GLYPH_H; r++)
			for (int col = 0; col < GLYPH_W; col++)
				if (rows[r] & (4 >> col))
					fill(im, x + col * SCALE, y + r * SCALE, SCALE,
					    SCALE, rgb);
	}
}

static long
text_width(const char *s)
{
	long n = (long)strlen(s);
	return n ? n * ADV - SCALE : 0;
}

static int
drawable(const char *s)
{
	if (*s == '\0' || strlen(s) > 5)
		return 0;
	for (; *s; s++) {
		int ok = 0;
		for (size_t g = 0; g < sizeof font / sizeof font[0]; g++)
			ok |= font[g].ch == *s;
		if (!ok)
			return 0;
	}
	return 1;
}

int
mdf_confusion_heatmap(const struct mdf_confusion *c, const char *const *labels,
    struct mdf_frame *f)
{
	static const unsigned char white[3] = {255, 255, 255},
	    black[3] = {0, 0, 0}, grid[3] = {190, 190, 190};
	long margin = 8 * SCALE + text_width("00000"), top = 8 * SCALE;
	struct mdf_image im;
	char num[32];
	int rc;

	if (c->n == 0 || c->n > MDF_HEATMAP_MAX_CLASSES)
		return MDF_E_INVAL;
	rc = mdf_image_init(f, (uint32_t)(margin + (long)c->n * CELL + 1),
	    (uint32_t)(top + (long)c->n * CELL + 1), 3, &im);
	if (rc < 0)
		return rc;
	fill(&im, 0, 0, (long)im.w, (long)im.h, white);
	for (uint32_t i = 0; i < c->n; i++) {
		uint64_t row = 0;
		for (uint32_t j = 0; j < c->n; j++)
			row += c->m[(size_t)i * c->n + j];
		if (labels && drawable(labels[i]))
			snprintf(num, sizeof num, "%s", labels[i]);
		else
			snprintf(num, sizeof num, "%u", (unsigned)i);
		text(&im, margin - 4 - text_width(num),
		    top + (long)i * CELL + (CELL - GLYPH_H * SCALE) / 2, num, black);
		text(&im, margin + (long)i * CELL + (CELL - text_width(num)) / 2,
		    (top - GLYPH_H * SCALE) / 2, num, black);
		for (uint32_t j = 0; j < c->n; j++) {
			uint64_t v = c->m[(size_t)i * c->n + j];
			double t = row ? (double)v / (double)row : 0.0;
			/* White to dark blue, like matplotlib's "Blues". */
			unsigned char rgb[3] = {
				(unsigned char)lround(255 - t * (255 - 8)),
				(unsigned char)lround(255 - t * (255 - 48)),
				(unsigned char)lround(255 - t * (255 - 107)),
			};
			long x = margin + (long)j * CELL, y = top + (long)i * CELL;
			fill(&im, x, y, CELL, CELL, rgb);
			fill(&im, x, y, CELL + 1, 1, grid);
			fill(&im, x, y + CELL, CELL + 1, 1, grid);
			fill(&im, x, y, 1, CELL + 1, grid);
			fill(&im, x + CELL, y, 1, CELL + 1, grid);
			snprintf(num, sizeof num, "%llu", (unsigned long long)v);
			if (text_width(num) <= CELL - 4)
				text(&im, x + (CELL - text_width(num)) / 2,
				    y + (CELL - GLYPH_H * SCALE) / 2, num,
				    t > 0.5 ? white : black);
		}
	}
	return MDF_OK;
}

/* --- PRED frames grouped by split ------------------------------------ */

void
mdf_eval_init(struct mdf_eval *e)
{
	e->g = NULL;
	e->n = 0;
}

static void
group_free(struct mdf_eval_group *g)
{
	for (uint32_t i = 0; i < g->c.n; i++)
		free(g->labels[i]);
	free(g->labels);
	free(g->split);
	free(g->classes);
	mdf_confusion_free(&g->c);
}

void
mdf_eval_free(struct mdf_eval *e)
{
	for (size_t i = 0; i < e->n; i++)
		group_free(&e->g[i]);
	free(e->g);
	mdf_eval_init(e);
}

static int
group_new(struct mdf_eval *e, const char *split, const struct mdf_frame *f,
    uint32_t n)
{
	struct mdf_eval_group *g, *v;
	int rc;

	if ((v = realloc(e->g, (e->n + 1) * sizeof *v)) == NULL)
		return MDF_E_NOMEM;
	e->g = v;
	g = &v[e->n];
	memset(g, 0, sizeof *g);
	if ((rc = mdf_confusion_init(&g->c, n)) < 0)
		return rc;
	g->split = strdup(split);
	g->classes = strdup(mdf_get(f, "classes"));
	g->labels = calloc(n, sizeof *g->labels);
	if (g->split == NULL || g->classes == NULL || g->labels == NULL) {
		group_free(g);
		return MDF_E_NOMEM;
	}
	for (uint32_t i = 0; i < n; i++) {
		char buf[256];
		if ((rc = mdf_pred_label(f, i, buf, sizeof buf)) < 0 ||
		    (g->labels[i] = strdup(buf)) == NULL) {
			group_free(g);
			return rc < 0 ? rc : MDF_E_NOMEM;
		}
	}
	e->n++;
	return MDF_OK;
}

static int
class_index(const struct mdf_eval_group *g, const char *label)
{
	for (uint32_t i = 0; i < g->c.n; i++)
		if (strcmp(g->labels[i], label) == 0)
			return (int)i;
	return -1;
}

int
mdf_eval_add(struct mdf_eval *e, struct mdf_frame *f, char *why, size_t whylen)
{
	const char *label, *split, *pl;
	struct mdf_eval_group *g = NULL;
	struct mdf_pred p;
	int rc, t, k;

	if (!mdf_frame_is(f, "PRED") || (label = mdf_get(f, "label")) == NULL)
		return 0;
	if ((rc = mdf_pred_view(f, &p)) < 0) {
		snprintf(why, whylen, "malformed PRED frame");
		return rc;
	}
	split = mdf_get(f, "split");
	if (split == NULL)
		split = "";
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->g[i].split, split) == 0)
			g = &e->g[i];
	if (g == NULL) {
		if ((rc = group_new(e, split, f, p.n)) < 0) {
			if (rc == MDF_E_NOMEM)
				snprintf(why, whylen, "out of memory");
			else if (p.n > MDF_CONFUSION_MAX_CLASSES)
				snprintf(why, whylen, "%u classes, more than the %d metrics are kept for",
				    (unsigned)p.n, MDF_CONFUSION_MAX_CLASSES);
			else
				snprintf(why, whylen, "malformed classes list");
			return rc;
		}
		g = &e->g[e->n - 1];
	} else if (strcmp(g->classes, mdf_get(f, "classes")) != 0) {
		snprintf(why, whylen, "classes '%s' differ from '%s' of the first PRED frame%s%s",
		    mdf_get(f, "classes"), g->classes, *split ? " of split " : "", split);
		return MDF_E_META;
	}
	if ((t = class_index(g, label)) < 0) {
		snprintf(why, whylen, "label '%s' is not one of the classes '%s'",
		    label, g->classes);
		return MDF_E_META;
	}
	if ((pl = mdf_get(f, "pred.label")) != NULL) {
		if ((k = class_index(g, pl)) < 0) {
			snprintf(why, whylen, "pred.label '%s' is not one of the classes '%s'",
			    pl, g->classes);
			return MDF_E_META;
		}
	} else {
		k = 0;
		for (uint32_t i = 1; i < p.n; i++)
			if (p.prob[i] > p.prob[k])
				k = (int)i;
	}
	if ((rc = mdf_confusion_add(&g->c, (uint32_t)t, (uint32_t)k, p.prob)) < 0) {
		snprintf(why, whylen, "PRED scores contain NaN");
		return MDF_E_META;
	}
	return 1;
}

void
mdf_metric_class_key(const char *label, char *out, size_t outlen)
{
	size_t o = 0;

	if (outlen == 0)
		return;
	for (const char *s = label; *s && o + 4 < outlen; s++) {
		char c = *s;
		if (c == '+' || c == '-') {
			memcpy(out + o, c == '+' ? "pos" : "neg", 3);
			o += 3;
		} else {
			int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ' ';
			out[o++] = ok ? c : '_';
		}
	}
	out[o] = '\0';
}
