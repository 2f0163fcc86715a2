/*
 * Tiling views into a meta-image; see milldir/grid.h and metagrid(1).
 *
 * Views are copied into the canvas as they arrive, so memory is one
 * meta-image (plus the resized copy) whatever the group size.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/grid.h"
#include "milldir/types.h"

struct mdf_grid {
	struct mdf_grid_opts o;
	size_t ntiles;
	/* the open group */
	size_t count;           /* views so far; 0: no group open */
	uint32_t tw, th, tc;    /* tile size and channels */
	uint32_t cw, ch;        /* canvas size */
	unsigned char *canvas;
	size_t ccap;
	unsigned char *have;    /* per tile: filled */
	struct mdf_frame shared; /* metadata common to all views so far */
	char *part, *mesh_id;   /* NULL: key absent */
};

struct mdf_grid *
mdf_grid_new(const struct mdf_grid_opts *o)
{
	struct mdf_grid *g;

	if (o->cols == 0 || o->rows == 0 ||
	    (uint64_t)o->cols * o->rows > MDF_GRID_MAX_TILES ||
	    o->gap > MDF_GRID_MAX_SIDE || o->rw > MDF_GRID_MAX_SIDE ||
	    o->rh > MDF_GRID_MAX_SIDE || (o->rw == 0) != (o->rh == 0))
		return NULL;
	g = calloc(1, sizeof *g);
	if (g == NULL)
		return NULL;
	g->o = *o;
	g->ntiles = (size_t)o->cols * o->rows;
	g->have = calloc(g->ntiles, 1);
	if (g->have == NULL) {
		free(g);
		return NULL;
	}
	mdf_frame_init(&g->shared);
	return g;
}

void
mdf_grid_free(struct mdf_grid *g)
{
	if (g == NULL)
		return;
	free(g->canvas);
	free(g->have);
	free(g->part);
	free(g->mesh_id);
	mdf_frame_free(&g->shared);
	free(g);
}

size_t
mdf_grid_count(const struct mdf_grid *g)
{
	return g->count;
}

size_t
mdf_grid_tiles(const struct mdf_grid *g)
{
	return g->ntiles;
}

const char *
mdf_grid_part(const struct mdf_grid *g)
{
	return g->part ? g->part : "";
}

const char *
mdf_grid_mesh_id(const struct mdf_grid *g)
{
	return g->mesh_id ? g->mesh_id : "";
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* The tile of view F: its view.index, else its place in the group.
 * -1: malformed index. */
static long long
tile_of(const struct mdf_grid *g, const struct mdf_frame *f)
{
	uint64_t k;

	if (mdf_get(f, "view.index") == NULL)
		return (long long)g->count;
	if (mdf_get_u64(f, "view.index", &k) < 0 || k > (uint64_t)1 << 40)
		return -1;
	return (long long)k;
}

int
mdf_grid_continues(const struct mdf_grid *g, const struct mdf_frame *f)
{
	long long k;

	if (g->count == 0)
		return 1;
	if (!same(g->part, mdf_get(f, "part")) ||
	    !same(g->mesh_id, mdf_get(f, "mesh.id")))
		return 0;
	k = tile_of(g, f);
	if (k >= 0 && (size_t)k < g->ntiles && g->have[k])
		return 0; /* a second round of the same mesh */
	return 1;
}

static char *
dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The background pixel of the canvas's channels into PX. */
static void
bg_pixel(const struct mdf_grid *g, unsigned char px[4])
{
	for (uint32_t i = 0; i < g->tc; i++)
		px[i] = g->o.bg[i < 3 ? i : 2];
	if (g->tc == 1 || g->tc == 2)
		px[0] = g->o.bg[0];
	if (g->tc == 2 || g->tc == 4)
		px[g->tc - 1] = 0; /* transparent */
}

/* Fill NPX pixels at P with the background: one pixel, then copies of
 * what is filled so far (a few large memcpy calls, not one per pixel). */
static void
fill_bg(const struct mdf_grid *g, unsigned char *p, size_t npx)
{
	unsigned char px[4];

	bg_pixel(g, px);
	if (g->tc == 1) {
		memset(p, px[0], npx);
		return;
	}
	if (npx == 0)
		return;
	memcpy(p, px, g->tc);
	for (size_t done = g->tc, all = npx * g->tc; done < all; done *= 2)
		memcpy(p + done, p, done < all - done ? done : all - done);
}

/* The background into the tiles no view filled. */
static void
fill_missing(struct mdf_grid *g)
{
	size_t rowbytes = (size_t)g->tw * g->tc;

	for (size_t k = 0; k < g->ntiles; k++) {
		size_t x0 = (size_t)(k % g->o.cols) * (g->tw + g->o.gap);
		size_t y0 = (size_t)(k / g->o.cols) * (g->th + g->o.gap);
		unsigned char *p = g->canvas + (y0 * g->cw + x0) * g->tc;

		if (g->have[k])
			continue;
		fill_bg(g, p, g->tw);
		for (uint32_t y = 1; y < g->th; y++)
			memcpy(p + (size_t)y * g->cw * g->tc, p, rowbytes);
	}
}

static int
open_group(struct mdf_grid *g, const struct mdf_frame *f,
    const struct mdf_image *im, char *why, size_t whylen)
{
	uint64_t cw = (uint64_t)g->o.cols * im->w + (uint64_t)(g->o.cols - 1) *
	    g->o.gap;
	uint64_t ch = (uint64_t)g->o.rows * im->h + (uint64_t)(g->o.rows - 1) *
	    g->o.gap;
	size_t need;

	if (cw > MDF_GRID_MAX_SIDE || ch > MDF_GRID_MAX_SIDE) {
		snprintf(why, whylen, "a %llux%llu meta-image is too large",
		    (unsigned long long)cw, (unsigned long long)ch);
		return MDF_E_LIMIT;
	}
	g->tw = im->w, g->th = im->h, g->tc = im->c;
	g->cw = (uint32_t)cw, g->ch = (uint32_t)ch;
	need = (size_t)cw * ch * im->c;
	if (need > g->ccap) {
		unsigned char *p = realloc(g->canvas, need);

		if (p == NULL)
			return MDF_E_NOMEM;
		g->canvas = p;
		g->ccap = need;
	}
	/* the tiles are filled when the group ends (views or background);
	 * only gaps need the background now */
	if (g->o.gap > 0)
		fill_bg(g, g->canvas, (size_t)cw * ch);
	memset(g->have, 0, g->ntiles);
	free(g->part);
	free(g->mesh_id);
	g->part = dup_or_null(mdf_get(f, "part"));
	g->mesh_id = dup_or_null(mdf_get(f, "mesh.id"));
	mdf_frame_clear(&g->shared);
	if (mdf_meta_copy(&g->shared, f) < 0)
		return MDF_E_NOMEM;
	return 0;
}

/* Keep only the keys F shares with the group.  Views of one mesh carry
 * their keys in the same order, so a cursor walking F's keys backwards
 * along with the group's finds each in a step or two. */
static void
intersect(struct mdf_grid *g, const struct mdf_frame *f)
{
	struct mdf_meta *m = &g->shared.meta;
	const struct mdf_meta *fm = &f->meta;
	size_t j = fm->n;

	for (size_t i = m->n; i-- > 0;) {
		const char *key = m->kv[i].key, *v = NULL;

		while (j > 0 && strcmp(fm->kv[j - 1].key, key) != 0)
			j--;
		if (j > 0)
			v = fm->kv[--j].val;
		else
			v = mdf_get(f, key), j = fm->n; /* out of order */
		if (v == NULL || strcmp(v, m->kv[i].val) != 0)
			mdf_unset(&g->shared, key);
	}
}

int
mdf_grid_add(struct mdf_grid *g, const struct mdf_frame *f, char *why,
    size_t whylen)
{
	struct mdf_frame *mf = (struct mdf_frame *)f; /* views do not write */
	struct mdf_image im;
	long long k;
	int rc;

	if ((rc = mdf_image_view(mf, &im)) < 0) {
		snprintf(why, whylen, "not a valid IMAG frame");
		return MDF_E_META;
	}
	k = tile_of(g, f);
	if (k < 0) {
		snprintf(why, whylen, "malformed view.index '%s'",
		    mdf_get(f, "view.index"));
		return MDF_E_META;
	}
	if ((size_t)k >= g->ntiles) {
		snprintf(why, whylen, "view.index %lld is outside the %ux%u grid",
		    k, g->o.cols, g->o.rows);
		return MDF_E_META;
	}
	if (g->count == 0) {
		if ((rc = open_group(g, f, &im, why, whylen)) < 0)
			return rc;
	} else if (im.w != g->tw || im.h != g->th || im.c != g->tc) {
		snprintf(why, whylen, "view is %ux%u with %u channels, the "
		    "group's first view %ux%u with %u", im.w, im.h, im.c,
		    g->tw, g->th, g->tc);
		return MDF_E_META;
	} else {
		intersect(g, f);
	}

	/* copy the tile's rows into place */
	{
		uint32_t col = (uint32_t)((size_t)k % g->o.cols);
		uint32_t row = (uint32_t)((size_t)k / g->o.cols);
		size_t x0 = (size_t)col * (g->tw + g->o.gap);
		size_t y0 = (size_t)row * (g->th + g->o.gap);
		size_t rowbytes = (size_t)g->tw * g->tc;

		for (uint32_t y = 0; y < g->th; y++)
			memcpy(g->canvas + ((y0 + y) * g->cw + x0) * g->tc,
			    im.px + y * rowbytes, rowbytes);
	}
	g->have[k] = 1;
	g->count++;
	return g->count == g->ntiles;
}

int
mdf_grid_finish(struct mdf_grid *g, struct mdf_frame *out, char *why,
    size_t whylen)
{
	struct mdf_image im;
	uint32_t w = g->o.rw ? g->o.rw : g->cw, h = g->o.rh ? g->o.rh : g->ch;
	int rc;

	if (g->count == 0) {
		snprintf(why, whylen, "no group open");
		return MDF_E_INVAL;
	}
	mdf_frame_clear(out);
	if ((rc = mdf_meta_copy(out, &g->shared)) < 0)
		goto fail;
	mdf_unset(out, "view.index");
	mdf_unset(out, "view.az");
	mdf_unset(out, "view.el");
	if ((rc = mdf_image_init(out, w, h, g->tc, &im)) < 0 ||
	    (rc = mdf_setf(out, "grid", "%ux%u", g->o.cols, g->o.rows)) < 0 ||
	    (rc = mdf_setf(out, "tile", "%ux%u", g->tw, g->th)) < 0)
		goto fail;
	mdf_unset(out, "grid.missing");
	if (g->count < g->ntiles &&
	    (rc = mdf_setf(out, "grid.missing", "%zu",
	    g->ntiles - g->count)) < 0)
		goto fail;
	if (g->count < g->ntiles)
		fill_missing(g);
	if (g->o.rw == 0) {
		/* the canvas becomes the payload, the payload's buffer the
		 * next canvas: no copy */
		unsigned char *p = out->payload;
		size_t cap = out->cap;

		out->payload = g->canvas;
		out->cap = g->ccap;
		g->canvas = p;
		g->ccap = cap;
	} else if ((rc = mdf_image_resize(g->canvas, g->cw, g->ch, g->tc, im.px,
	    w, h)) < 0)
		goto fail;
	g->count = 0;
	return 0;
fail:
	snprintf(why, whylen, "%s", mdf_strerror(rc));
	g->count = 0;
	return rc;
}

void
mdf_grid_reclaim(struct mdf_grid *g, struct mdf_frame *out)
{
	unsigned char *p = out->payload;
	size_t cap = out->cap;

	/* only where mdf_grid_finish() lent the canvas (no --resize);
	 * open_group() grows it when a group needs more */
	if (g->o.rw != 0)
		return;
	out->payload = g->canvas;
	out->cap = g->ccap;
	out->len = 0;
	g->canvas = p;
	g->ccap = cap;
}
