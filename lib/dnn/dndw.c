/*
 * Depthwise convolution (groups = channels = filters), forward and
 * backward, as flat vector loops.
 *
 * Each channel plane is first copied, zero-padded, into S x S "phase"
 * planes (S the stride): phase (a, b) holds padded pixel (S r + a, S j + b)
 * at (r, j).  Output pixel (y, x) then sees, through tap (ky, kx), pixel
 * (y + ky / S, x + kx / S) of phase (ky % S, kx % S): with the output laid
 * out at the phase planes' row stride, every tap is one fixed offset from
 * the output index, and a whole plane is one loop over consecutive
 * indices per tap, whatever its width (7, 14, ...).  The few columns past
 * the output's width are computed and dropped.  The weight gradient is a
 * dot product per tap, the input gradient the same offsets scattered back
 * (the transpose).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cblas.h>
#include <omp.h>

#include "dnn/dnkern.h"

#define VL 16           /* floats per chunk: one AVX-512 register */
#define MAXTAP 64       /* kernels up to 8 x 8 */

struct geo {
	int h, w, oh, ow, k, s, p;
	int hq, wq;             /* one phase plane */
	size_t plane;           /* floats in one phase plane */
	size_t n;               /* flat output length, a multiple of VL */
	size_t size;            /* floats in the phase buffer, slack included */
	int ntap;
	int off[MAXTAP];        /* per tap: offset into the phase buffer */
};

int
mdf_dw_supported(const layer *l)
{
	return l->type == CONVOLUTIONAL && l->groups > 1 && l->groups == l->c &&
	    l->n == l->c && l->size > 1 && l->size * l->size <= MAXTAP &&
	    l->stride >= 1 && l->stride <= 4;
}

static void
geo_init(struct geo *g, const layer *l)
{
	int s = l->stride, k = l->size;
	/* padded extent that valid outputs read */
	int hp = (l->out_h - 1) * s + k, wp = (l->out_w - 1) * s + k;

	g->h = l->h;
	g->w = l->w;
	g->oh = l->out_h;
	g->ow = l->out_w;
	g->k = k;
	g->s = s;
	g->p = l->pad;
	g->hq = (hp + s - 1) / s;
	g->wq = (wp + s - 1) / s;
	g->plane = (size_t)g->hq * g->wq;
	g->n = ((size_t)g->oh * g->wq + VL - 1) / VL * VL;
	g->ntap = k * k;
	size_t maxoff = 0;
	for (int ky = 0; ky < k; ky++)
		for (int kx = 0; kx < k; kx++) {
			size_t o = (size_t)((ky % s) * s + kx % s) * g->plane +
			    (size_t)(ky / s) * g->wq + (size_t)(kx / s);
			g->off[ky * k + kx] = (int)o;
			if (o > maxoff)
				maxoff = o;
		}
	/* the last chunk of the last tap reads up to n + maxoff */
	g->size = (size_t)s * s * g->plane;
	if (g->n + maxoff > g->size)
		g->size = g->n + maxoff;
}

/* Columns j of phase column B whose input column s j + b - p is inside
 * the image: [*j0, *j1). */
static void
phase_cols(const struct geo *g, int b, int *j0, int *j1)
{
	int j = 0, e = g->wq;

	while (j < e && j * g->s + b - g->p < 0)
		j++;
	while (e > j && (e - 1) * g->s + b - g->p >= g->w)
		e--;
	*j0 = j;
	*j1 = e;
}

/* Strided copies with the stride a constant: compilers vectorise them
 * (shuffles), not the general ones. */
#define GATHER(S) for (int j = j0; j < j1; j++) dst[j] = sp[j * (S)]
#define SCATTER(S) for (int j = j0; j < j1; j++) dp[j * (S)] += src[j]

/* Input plane IN into the phase planes PH.  Every plane of a layer fills
 * the same positions: the zeros outside the image are written once, when
 * PH is allocated. */
CLONES static void
to_phases(const struct geo *g, const float *restrict in, float *restrict ph)
{
	int s = g->s, jr[4][2];

	for (int b = 0; b < s; b++)
		phase_cols(g, b, &jr[b][0], &jr[b][1]);
	for (int iy = 0; iy < g->h; iy++) {
		int py = iy + g->p;                     /* padded row */
		if (py >= g->hq * s)
			break;
		const float *src = in + (size_t)iy * g->w;
		int a = py % s;
		size_t r = (size_t)(py / s);
		if (s == 1) {
			int n = g->w;
			if (g->p + n > g->wq)
				n = g->wq - g->p;
			if (n > 0)
				memcpy(ph + r * g->wq + g->p, src, sizeof *src * (size_t)n);
			continue;
		}
		for (int b = 0; b < s; b++) {
			float *dst = ph + (size_t)(a * s + b) * g->plane + r * g->wq;
			int j0 = jr[b][0], j1 = jr[b][1];
			const float *sp = src + b - g->p;
			if (s == 2)
				GATHER(2);
			else
				GATHER(s);
		}
	}
}

/* Phase-plane gradient PH added back into the input plane's gradient. */
CLONES static void
from_phases(const struct geo *g, const float *restrict ph, float *restrict din)
{
	int s = g->s, jr[4][2];

	for (int b = 0; b < s; b++)
		phase_cols(g, b, &jr[b][0], &jr[b][1]);
	for (int iy = 0; iy < g->h; iy++) {
		int py = iy + g->p;
		if (py >= g->hq * s)
			break;
		float *dst = din + (size_t)iy * g->w;
		int a = py % s;
		size_t r = (size_t)(py / s);
		if (s == 1) {
			const float *src = ph + r * g->wq + g->p;
			int n = g->w;
			if (g->p + n > g->wq)
				n = g->wq - g->p;
			for (int x = 0; x < n; x++)
				dst[x] += src[x];
			continue;
		}
		for (int b = 0; b < s; b++) {
			const float *src = ph + (size_t)(a * s + b) * g->plane + r * g->wq;
			int j0 = jr[b][0], j1 = jr[b][1];
			float *dp = dst + b - g->p;
			if (s == 2)
				SCATTER(2);
			else
				SCATTER(s);
		}
	}
}

/* out[i] = sum over taps of w[t] ph[i + off[t]], i < n: one chunk of VL
 * outputs stays in registers through all taps. */
CLONES static void
flat_forward(const struct geo *g, const float *restrict ph,
    const float *restrict w, float *restrict out)
{
	for (size_t i0 = 0; i0 < g->n; i0 += VL) {
		float acc[VL] = { 0 };
		for (int t = 0; t < g->ntap; t++) {
			const float *src = ph + i0 + g->off[t];
			float wv = w[t];
			for (int j = 0; j < VL; j++)
				acc[j] += wv * src[j];
		}
		memcpy(out + i0, acc, sizeof acc);
	}
}

/* acc[t][j] += sum over chunks i0 of gr[i0 + j] ph[i0 + j + off[t]] (the
 * weight gradient, summed across lanes once per channel by the caller);
 * dph[i + off[t]] += w[t] gr[i]. */
CLONES static void
flat_backward(const struct geo *g, const float *restrict ph,
    const float *restrict w, const float *restrict gr, float *restrict acc,
    float *restrict dph)
{
	for (int t = 0; t < g->ntap; t++) {
		const float *src = ph + g->off[t];
		float a[VL];
		memcpy(a, acc + (size_t)t * VL, sizeof a);
		if (dph) {      /* both in one pass over the gradient */
			float *d = dph + g->off[t], wv = w[t];
			for (size_t i0 = 0; i0 < g->n; i0 += VL)
				for (int j = 0; j < VL; j++) {
					float gv = gr[i0 + j];
					a[j] += gv * src[i0 + j];
					d[i0 + j] += wv * gv;
				}
		} else {
			for (size_t i0 = 0; i0 < g->n; i0 += VL)
				for (int j = 0; j < VL; j++)
					a[j] += gr[i0 + j] * src[i0 + j];
		}
		memcpy(acc + (size_t)t * VL, a, sizeof a);
	}
}

/* Per-thread scratch: NPER floats (rounded up to whole cache lines) for
 * each of the threads, zeroed; NULL without memory. */
static float *
scratch(size_t nper, size_t *stride)
{
	int nt = omp_get_max_threads();

	*stride = (nper + 15) / 16 * 16;
	return calloc(*stride * (size_t)nt + 16, sizeof(float));
}

/* K: NULL, or batch norm (or bias) and activation folded (mdf_bn_fold),
 * applied on the way out */
static int
forward(const layer *l, const float *input, const float *k, float *output)
{
	struct geo g;
	size_t ip = (size_t)l->h * l->w, op = (size_t)l->out_h * l->out_w;
	size_t sph, sout;
	int nplanes = l->batch * l->c;

	geo_init(&g, l);
	float *phs = scratch(g.size, &sph), *outs = scratch(g.n, &sout);
	if (!phs || !outs) {
		free(phs);
		free(outs);
		return -1;
	}
	/* dynamic: on a shared machine a thread loses its core for a while;
	 * the other takes its share instead of waiting at the barrier */
#pragma omp parallel
	{
		int t = omp_get_thread_num();
		float *ph = phs + sph * t, *out = outs + sout * t;
#pragma omp for schedule(dynamic, 8)
		for (int pl = 0; pl < nplanes; pl++) {
			int ch = pl % l->c;
			to_phases(&g, input + (size_t)pl * ip, ph);
			flat_forward(&g, ph, l->weights + (size_t)ch * g.ntap, out);
			float *dst = output + (size_t)pl * op;
			if (k)
				for (int y = 0; y < g.oh; y++)
					mdf_affine_act(out + (size_t)y * g.wq, g.ow, k[ch],
					    k[l->n + ch], l->activation, dst + (size_t)y * g.ow);
			else
				for (int y = 0; y < g.oh; y++)
					memcpy(dst + (size_t)y * g.ow, out + (size_t)y * g.wq,
					    sizeof *dst * (size_t)g.ow);
		}
	}
	free(phs);
	free(outs);
	return 0;
}

int
mdf_dw_conv_forward(const layer *l, const float *input, float *output)
{
	return forward(l, input, NULL, output);
}

int
mdf_dw_forward_eval(const layer *l, const float *input, float *output)
{
	float *k;
	int rc;

	if (!mdf_eval_fusable(l) || !(k = malloc(2 * (size_t)l->n * sizeof *k)))
		return -1;
	mdf_bn_fold(l, k);
	rc = forward(l, input, k, output);
	free(k);
	return rc;
}

/*
 * Evaluation mode, with the 1x1 expansion E that feeds it (an MBConv
 * block): the expanded planes are made a few channels at a time, in
 * cache, and go straight into the depthwise convolution.  E's output
 * (six times the block's input, 38 MB per batch of 8 at 112 x 112 in
 * EfficientNet-Lite0) is never written nor read back.
 */
int
mdf_dw_expand_supported(const layer *e, const layer *l)
{
	return mdf_dw_supported(l) && mdf_eval_fusable(l) && mdf_eval_fusable(e) &&
	    e->size == 1 && e->stride == 1 && e->pad == 0 && e->groups == 1 &&
	    e->n == l->c && e->out_h == l->h && e->out_w == l->w &&
	    e->batch == l->batch;
}

int
mdf_dw_project_supported(const layer *l, const layer *p)
{
	return mdf_eval_fusable(p) && p->type == CONVOLUTIONAL && p->size == 1 &&
	    p->stride == 1 && p->pad == 0 && p->groups == 1 && p->c == l->n &&
	    p->h == l->out_h && p->w == l->out_w && p->batch == l->batch &&
	    p->h * p->w >= 49 && p->batch >= 2;     /* a task per image */
}

/* With P, the projection too: a task is an image, whose depthwise
 * outputs, a group of channels at a time, add into P's output in cache
 * (one multiply per group); POUT gets P's output, OUTPUT nothing.
 * Without E (a block without expansion), INPUT is L's input. */
int
mdf_dw_forward_eval_expand(const layer *e, const layer *l, const layer *p,
    const float *input, float *output, float *pout)
{
	struct geo g;
	size_t ip = (size_t)l->h * l->w, op = (size_t)l->out_h * l->out_w;
	size_t sph, sout, sx;
	int nc = l->c;
	/* channels per group: their expanded planes within some 256 KiB */
	int gn = (int)(65536 / ip);
	gn = gn < 8 ? 8 : gn > nc ? nc : gn;
	int ngrp = (nc + gn - 1) / gn, ntask = p ? l->batch : l->batch * ngrp;

	if ((e && !mdf_dw_expand_supported(e, l)) || (!e && !mdf_eval_fusable(l)) ||
	    (p && !mdf_dw_project_supported(l, p)) || (!e && !p))
		return -1;
	geo_init(&g, l);
	size_t nk = 2 * ((size_t)(e ? e->n : 0) + l->n + (p ? p->n : 0));
	float *k = malloc(nk * sizeof *k);
	float *phs = scratch(g.size, &sph), *outs = scratch(g.n, &sout);
	/* per thread: GN planes from the multiply, one expanded; with P, GN
	 * depthwise outputs and P's output */
	float *xs = scratch((size_t)(gn + 1) * ip +
	    (p ? ((size_t)gn + p->n) * op : 0), &sx);
	if (!k || !phs || !outs || !xs) {
		free(k);
		free(phs);
		free(outs);
		free(xs);
		return -1;
	}
	float *ke = k + 2 * (size_t)l->n, *kp = ke + 2 * (size_t)(e ? e->n : 0);
	mdf_bn_fold(l, k);
	if (e)
		mdf_bn_fold(e, ke);
	if (p)
		mdf_bn_fold(p, kp);
	mdf_dnet_blas_single();
#pragma omp parallel
	{
		int t = omp_get_thread_num();
		float *ph = phs + sph * t, *out = outs + sout * t;
		float *y = xs + sx * t, *x = y + (size_t)gn * ip;
		float *d = x + ip, *py = d + (size_t)gn * op;
#pragma omp for schedule(dynamic, 1)
		for (int task = 0; task < ntask; task++) {
			int b = p ? task : task / ngrp;
			int g0 = p ? 0 : task % ngrp, g1 = p ? ngrp : g0 + 1;
			for (int gi = g0; gi < g1; gi++) {
				int c0 = gi * gn, cn = nc - c0 < gn ? nc - c0 : gn;
				if (e)
					cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
					    cn, (int)ip, e->c, 1, e->weights + (size_t)c0 * e->c,
					    e->c, input + (size_t)b * e->c * ip, (int)ip, 0, y,
					    (int)ip);
				for (int i = 0; i < cn; i++) {
					int ch = c0 + i;
					const float *pl = input + ((size_t)b * nc + ch) * ip;
					if (e) {
						mdf_affine_act(y + (size_t)i * ip, (int)ip, ke[ch],
						    ke[e->n + ch], e->activation, x);
						pl = x;
					}
					to_phases(&g, pl, ph);
					flat_forward(&g, ph, l->weights + (size_t)ch * g.ntap, out);
					float *dst = p ? d + (size_t)i * op :
					    output + ((size_t)b * nc + ch) * op;
					for (int r = 0; r < g.oh; r++)
						mdf_affine_act(out + (size_t)r * g.wq, g.ow, k[ch],
						    k[l->n + ch], l->activation, dst + (size_t)r * g.ow);
				}
				if (p)      /* P's output += its weights' columns x D */
					cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
					    p->n, (int)op, cn, 1, p->weights + c0, p->c, d,
					    (int)op, gi ? 1 : 0, py, (int)op);
			}
			if (p)
				for (int f = 0; f < p->n; f++)
					mdf_affine_act(py + (size_t)f * op, (int)op, kp[f],
					    kp[p->n + f], p->activation,
					    pout + ((size_t)b * p->n + f) * op);
		}
	}
	free(k);
	free(phs);
	free(outs);
	free(xs);
	return 0;
}

int
mdf_dw_conv_backward(const layer *l, const float *input, const float *delta,
    float *input_delta)
{
	struct geo g;
	size_t ip = (size_t)l->h * l->w, op = (size_t)l->out_h * l->out_w;
	size_t sph, sgr, sdph = 0;

	geo_init(&g, l);
	float *phs = scratch(g.size, &sph), *grs = scratch(g.n, &sgr);
	float *dphs = input_delta ? scratch(g.size, &sdph) : NULL;
	if (!phs || !grs || (input_delta && !dphs)) {
		free(phs);
		free(grs);
		free(dphs);
		return -1;
	}
	/* by channel: the images of a batch add into one weight gradient */
#pragma omp parallel
	{
		int t = omp_get_thread_num();
		float *ph = phs + sph * t, *gr = grs + sgr * t;
		float *dph = dphs ? dphs + sdph * t : NULL;
		float acc[MAXTAP * VL];
#pragma omp for schedule(dynamic, 2)
		for (int ch = 0; ch < l->c; ch++) {
			memset(acc, 0, sizeof acc);
			for (int b = 0; b < l->batch; b++) {
				size_t pl = (size_t)b * l->c + ch;
				const float *src = delta + pl * op;
				to_phases(&g, input + pl * ip, ph);
				/* the gradient at the phase row stride, zeros past the width */
				for (int y = 0; y < g.oh; y++)
					memcpy(gr + (size_t)y * g.wq, src + (size_t)y * g.ow,
					    sizeof *gr * (size_t)g.ow);
				if (dph)
					memset(dph, 0, sizeof *dph * g.size);
				flat_backward(&g, ph, l->weights + (size_t)ch * g.ntap, gr,
				    acc, dph);
				if (dph)
					from_phases(&g, dph, input_delta + pl * ip);
			}
			float *dw = l->weight_updates + (size_t)ch * g.ntap;
			for (int k = 0; k < g.ntap; k++) {
				float s = 0;
				for (int j = 0; j < VL; j++)
					s += acc[k * VL + j];
				dw[k] += s;
			}
		}
	}
	free(phs);
	free(grs);
	free(dphs);
	return 0;
}
