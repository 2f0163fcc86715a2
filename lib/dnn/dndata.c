/*
 * Data sets for the networks: IMAG and TENS frames converted to Darknet's
 * input layout (planar float, channel by channel, rows top first, values
 * in [0, 1] for images), labels, parts, the train/validation split and
 * the scores computed from predictions.
 *
 * Images are kept as planar bytes after resizing (a quarter of the floats'
 * memory); tensors as floats.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "dnn/dnet.h"
#include "milldir/metrics.h"
#include "milldir/types.h"

uint64_t
mdf_dnet_rand(uint64_t *s)
{
	uint64_t x = *s ? *s : 0x9e3779b97f4a7c15u;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1du;
}

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3u;
	}
	return h;
}

void
mdf_dset_init(struct mdf_dset *ds, int w, int h, int c)
{
	memset(ds, 0, sizeof *ds);
	ds->w = w;
	ds->h = h;
	ds->c = c;
	ds->digest = 0xcbf29ce484222325u;
}

void
mdf_dset_free(struct mdf_dset *ds)
{
	for (size_t i = 0; i < ds->n; i++) {
		free(ds->it[i].u8);
		free(ds->it[i].f);
	}
	free(ds->it);
	for (int i = 0; i < ds->nlabels; i++)
		free(ds->labels[i]);
	free(ds->labels);
	for (int i = 0; i < ds->nparts; i++)
		free(ds->parts[i]);
	free(ds->parts);
	memset(ds, 0, sizeof *ds);
}

static int
find(char **v, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return i;
	return -1;
}

static int
add_name(char ***v, int *n, const char *s)
{
	char **nv = realloc(*v, ((size_t)*n + 1) * sizeof **v);

	if (!nv)
		return MDF_E_NOMEM;
	*v = nv;
	if (!(nv[*n] = strdup(s)))
		return MDF_E_NOMEM;
	return (*n)++;
}

int
mdf_dset_set_classes(struct mdf_dset *ds, const char *list, char *why, size_t whylen)
{
	const char *p = list;

	while (1) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char name[256];
		if (len == 0 || len >= sizeof name)
			return mdf_why(why, whylen, MDF_E_INVAL, "--classes: empty or overlong class name in '%s'", list);
		memcpy(name, p, len);
		name[len] = '\0';
		if (find(ds->labels, ds->nlabels, name) >= 0)
			return mdf_why(why, whylen, MDF_E_INVAL, "--classes: '%s' given twice", name);
		if (add_name(&ds->labels, &ds->nlabels, name) < 0)
			return MDF_E_NOMEM;
		if (!e)
			break;
		p = e + 1;
	}
	if (ds->nlabels < 2)
		return mdf_why(why, whylen, MDF_E_INVAL, "--classes: at least two classes needed");
	ds->fixed_labels = 1;
	return MDF_OK;
}

/* Bilinear sample of channel CH of an interleaved 8-bit image at the
 * centre of output pixel (X, Y) of a W x H grid. */
static float
sample(const struct mdf_image *im, int ch, int x, int y, int w, int h)
{
	float fx = ((float)x + 0.5f) * (float)im->w / (float)w - 0.5f;
	float fy = ((float)y + 0.5f) * (float)im->h / (float)h - 0.5f;
	int x0 = (int)floorf(fx), y0 = (int)floorf(fy);
	float ax = fx - (float)x0, ay = fy - (float)y0;
	int x1 = x0 + 1, y1 = y0 + 1;

	x0 = x0 < 0 ? 0 : x0 >= (int)im->w ? (int)im->w - 1 : x0;
	x1 = x1 < 0 ? 0 : x1 >= (int)im->w ? (int)im->w - 1 : x1;
	y0 = y0 < 0 ? 0 : y0 >= (int)im->h ? (int)im->h - 1 : y0;
	y1 = y1 < 0 ? 0 : y1 >= (int)im->h ? (int)im->h - 1 : y1;
#define PX(X, Y) ((float)im->px[((size_t)(Y) * im->w + (X)) * im->c + ch])
	return (1 - ay) * ((1 - ax) * PX(x0, y0) + ax * PX(x1, y0)) +
	    ay * ((1 - ax) * PX(x0, y1) + ax * PX(x1, y1));
#undef PX
}

/* Image channel feeding network channel CH of C: grey is repeated,
 * alpha dropped, colour turned to grey for one-channel networks. */
static void
image_planar(const struct mdf_image *im, int w, int h, int c, float *dst)
{
	int same = (int)im->w == w && (int)im->h == h;
	int colour = im->c >= 3;

	for (int ch = 0; ch < c; ch++)
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				float v;
				int src = colour ? (ch < 3 ? ch : 2) : 0;
				if (c == 1 && colour) {
					float r, g, b;
					if (same) {
						const unsigned char *p = im->px + ((size_t)y * w + x) * im->c;
						r = p[0], g = p[1], b = p[2];
					} else {
						r = sample(im, 0, x, y, w, h);
						g = sample(im, 1, x, y, w, h);
						b = sample(im, 2, x, y, w, h);
					}
					v = 0.299f * r + 0.587f * g + 0.114f * b;
				} else if (same) {
					v = im->px[((size_t)y * w + x) * im->c + src];
				} else {
					v = sample(im, src, x, y, w, h);
				}
				dst[((size_t)ch * h + y) * w + x] = v / 255.f;
			}
}

int
mdf_dnet_view_input(const struct mdf_frame *f, const struct mdf_typed *v, int w,
    int h, int c, float *dst, char *why, size_t whylen)
{
	const struct mdf_tensor *t = &v->tensor;

	if (v->kind == MDF_KIND_IMAG) {
		image_planar(&v->image, w, h, c, dst);
		return MDF_OK;
	}
	if (v->kind != MDF_KIND_TENS)
		return mdf_why(why, whylen, MDF_E_INVAL, "not an IMAG or TENS frame");
	if (t->ndim != 3 || t->dims[0] != (uint64_t)c || t->dims[1] != (uint64_t)h ||
	    t->dims[2] != (uint64_t)w)
		return mdf_why(why, whylen, MDF_E_SIZE,
		    "tensor of shape %s cannot be resized to the network input %dx%dx%d (CxHxW)",
		    mdf_get(f, "shape"), c, h, w);
	/* NaN and infinities are valid TENS values, but a network cannot
	 * learn from them (every loss after them is NaN) */
	for (uint64_t i = 0; i < t->count; i++)
		if (!isfinite(t->data[i]))
			return mdf_why(why, whylen, MDF_E_META,
			    "tensor value %llu (channel %llu, row %llu, column %llu) is %s: "
			    "the networks take finite values only",
			    (unsigned long long)i, (unsigned long long)(i / ((uint64_t)h * w)),
			    (unsigned long long)(i / (uint64_t)w % (uint64_t)h),
			    (unsigned long long)(i % (uint64_t)w),
			    isnan(t->data[i]) ? "NaN" : "infinite");
	memcpy(dst, t->data, (size_t)t->count * sizeof *dst);
	return MDF_OK;
}

int
mdf_dnet_frame_input(const struct mdf_frame *cf, int w, int h, int c, float *dst,
    char *why, size_t whylen)
{
	struct mdf_frame *f = (struct mdf_frame *)cf;   /* views do not modify */
	struct mdf_typed v;
	int rc = mdf_typed_view(f, &v);

	if (rc < 0 && (v.kind == MDF_KIND_IMAG || v.kind == MDF_KIND_TENS))
		return mdf_why(why, whylen, rc, "bad %s frame: %s", f->type, mdf_strerror(rc));
	return mdf_dnet_view_input(f, &v, w, h, c, dst, why, whylen);
}

static int
dset_add(struct mdf_dset *ds, const struct mdf_frame *f, const struct mdf_typed *v,
    int need_label, char *why, size_t whylen)
{
	size_t npx = (size_t)ds->w * ds->h * ds->c;
	const char *label = mdf_get(f, "label");
	const char *part = mdf_get(f, "part");
	const char *split = mdf_get(f, "split");
	struct mdf_dset_item it = { -1, -1, -1, NULL, NULL };
	float *tmp;
	int rc;

	if (need_label && (!label || !*label))
		return mdf_why(why, whylen, MDF_E_META, "no label= in the frame");
	if (label && strchr(label, ','))
		return mdf_why(why, whylen, MDF_E_META, "label '%s' contains a comma", label);
	if (label) {
		it.label = find(ds->labels, ds->nlabels, label);
		if (it.label < 0 && ds->fixed_labels)
			return mdf_why(why, whylen, MDF_E_META, "label '%s' is not one of --classes", label);
		if (it.label < 0 && (it.label = add_name(&ds->labels, &ds->nlabels, label)) < 0)
			return MDF_E_NOMEM;
	}
	if (part) {
		it.part = find(ds->parts, ds->nparts, part);
		if (it.part < 0 && (it.part = add_name(&ds->parts, &ds->nparts, part)) < 0)
			return MDF_E_NOMEM;
	}
	if (split) {
		if (strcmp(split, "train") == 0)
			it.split = 0;
		else if (strcmp(split, "val") == 0)
			it.split = 1;
		else if (strcmp(split, "test") == 0)
			it.split = 2;
		else
			return mdf_why(why, whylen, MDF_E_META, "split=%s: want train, val or test", split);
	}
	if (!(tmp = malloc(npx * sizeof *tmp)))
		return MDF_E_NOMEM;
	if ((rc = mdf_dnet_view_input(f, v, ds->w, ds->h, ds->c, tmp, why, whylen)) < 0) {
		free(tmp);
		return rc;
	}
	if (v->kind == MDF_KIND_IMAG) {
		if (!(it.u8 = malloc(npx))) {
			free(tmp);
			return MDF_E_NOMEM;
		}
		for (size_t i = 0; i < npx; i++)
			it.u8[i] = (unsigned char)lrintf(tmp[i] * 255.f);
		free(tmp);
	} else {
		it.f = tmp;
	}
	if (ds->n == ds->cap) {
		size_t nc = ds->cap ? ds->cap * 2 : 256;
		struct mdf_dset_item *nv = realloc(ds->it, nc * sizeof *nv);
		if (!nv) {
			free(it.u8);
			free(it.f);
			return MDF_E_NOMEM;
		}
		ds->it = nv;
		ds->cap = nc;
	}
	ds->digest = fnv(ds->digest, label ? label : "", label ? strlen(label) + 1 : 1);
	if (it.u8)
		ds->digest = fnv(ds->digest, it.u8, npx);
	else
		ds->digest = fnv(ds->digest, it.f, npx * sizeof *it.f);
	ds->it[ds->n++] = it;
	return MDF_OK;
}

int
mdf_dset_add(struct mdf_dset *ds, const struct mdf_frame *f,
    const struct mdf_typed *v, int need_label, char *why, size_t whylen)
{
	int rc;

	why[0] = '\0';
	/* a failure without a reason of its own (out of memory) is named */
	if ((rc = dset_add(ds, f, v, need_label, why, whylen)) < 0 && !why[0])
		snprintf(why, whylen, "%s", mdf_strerror(rc));
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
mdf_dset_finish_labels(struct mdf_dset *ds)
{
	char **sorted;
	int *map;

	if (ds->fixed_labels || ds->nlabels == 0)
		return MDF_OK;
	sorted = malloc((size_t)ds->nlabels * sizeof *sorted);
	map = malloc((size_t)ds->nlabels * sizeof *map);
	if (!sorted || !map) {
		free(sorted);
		free(map);
		return MDF_E_NOMEM;
	}
	memcpy(sorted, ds->labels, (size_t)ds->nlabels * sizeof *sorted);
	qsort(sorted, (size_t)ds->nlabels, sizeof *sorted, cmp_str);
	for (int i = 0; i < ds->nlabels; i++)
		map[i] = find(sorted, ds->nlabels, ds->labels[i]);
	for (size_t i = 0; i < ds->n; i++)
		if (ds->it[i].label >= 0)
			ds->it[i].label = map[ds->it[i].label];
	free(ds->labels);
	ds->labels = sorted;
	free(map);
	return MDF_OK;
}

int
mdf_dset_split(struct mdf_dset *ds, double frac, unsigned seed, char *why,
    size_t whylen)
{
	if (frac >= 0) {
		/* groups: parts, or single frames that name no part */
		size_t ng = (size_t)ds->nparts;
		for (size_t i = 0; i < ds->n; i++)
			if (ds->it[i].part < 0)
				ng++;
		size_t *order = malloc((ng ? ng : 1) * sizeof *order);
		int *side = malloc((ng ? ng : 1) * sizeof *side);
		if (!order || !side) {
			free(order);
			free(side);
			return MDF_E_NOMEM;
		}
		for (size_t g = 0; g < ng; g++)
			order[g] = g;
		uint64_t st = 0x853c49e6748fea9bu ^ ((uint64_t)seed * 0x9e3779b97f4a7c15u);
		/* parts are numbered in order of appearance: sort-free but
		 * deterministic for a given stream and seed */
		for (size_t g = ng; g > 1; g--) {
			size_t j = (size_t)(mdf_dnet_rand(&st) % g);
			size_t t = order[g - 1];
			order[g - 1] = order[j];
			order[j] = t;
		}
		size_t nval = (size_t)llround(frac * (double)ng);
		if (frac > 0 && nval == 0 && ng > 1)
			nval = 1;
		for (size_t k = 0; k < ng; k++)
			side[order[k]] = k < nval;
		size_t single = (size_t)ds->nparts;
		for (size_t i = 0; i < ds->n; i++) {
			struct mdf_dset_item *it = &ds->it[i];
			size_t g = it->part >= 0 ? (size_t)it->part : single++;
			it->split = side[g];
		}
		free(order);
		free(side);
	} else {
		int *side = malloc(((size_t)ds->nparts + 1) * sizeof *side);
		if (!side)
			return MDF_E_NOMEM;
		for (int p = 0; p < ds->nparts; p++)
			side[p] = -1;
		for (size_t i = 0; i < ds->n; i++) {
			const struct mdf_dset_item *it = &ds->it[i];
			if (it->split < 0) {
				free(side);
				return mdf_why(why, whylen, MDF_E_META,
				    "frame %zu has no split= (use --val-split)", i + 1);
			}
			if (it->part >= 0 && side[it->part] >= 0 && side[it->part] != it->split) {
				free(side);
				return mdf_why(why, whylen, MDF_E_META,
				    "part %s has frames on both sides of split=", ds->parts[it->part]);
			}
			if (it->part >= 0)
				side[it->part] = it->split;
		}
		free(side);
	}
	int *count = calloc((size_t)ds->nlabels + 1, sizeof *count);
	if (!count)
		return MDF_E_NOMEM;
	for (size_t i = 0; i < ds->n; i++)
		if (ds->it[i].split == 0 && ds->it[i].label >= 0)
			count[ds->it[i].label]++;
	for (int k = 0; k < ds->nlabels; k++)
		if (count[k] == 0) {
			mdf_why(why, whylen, MDF_E_META, "class '%s' has no training frames",
			    ds->labels[k]);
			free(count);
			return MDF_E_META;
		}
	free(count);
	return MDF_OK;
}

void
mdf_dset_get(const struct mdf_dset *ds, size_t i, float *dst)
{
	size_t npx = (size_t)ds->w * ds->h * ds->c;
	const struct mdf_dset_item *it = &ds->it[i];

	if (it->u8)
		for (size_t k = 0; k < npx; k++)
			dst[k] = it->u8[k] / 255.f;
	else
		memcpy(dst, it->f, npx * sizeof *dst);
}

/* The same definitions as metriclog's (lib/track/metrics.c): macro averages
 * over the classes present in the truth or the predictions, as
 * scikit-learn's labels=None, so val_f1 here and metriclog's f1 on the
 * same predictions agree. */
int
mdf_dnet_score(const int *truth, const int *pred, size_t n, int k,
    struct mdf_dnet_scores *s)
{
	struct mdf_confusion c;
	struct mdf_metrics m;
	int rc;

	memset(s, 0, sizeof *s);
	if ((rc = mdf_confusion_init(&c, (uint32_t)k)) < 0)
		return rc;
	for (size_t i = 0; i < n && rc == MDF_OK; i++)
		rc = mdf_confusion_add(&c, (uint32_t)truth[i], (uint32_t)pred[i], NULL);
	if (rc == MDF_OK && (rc = mdf_metrics_compute(&c, &m)) == MDF_OK) {
		s->accuracy = m.accuracy;
		s->precision = m.macro_precision;
		s->recall = m.macro_recall;
		s->f1 = m.macro_f1;
		mdf_metrics_free(&m);
	}
	mdf_confusion_free(&c);
	return rc;
}
