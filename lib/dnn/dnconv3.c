/*
 * VGG16's layers: 3x3 stride-1 convolutions by Winograd's minimal
 * filtering (Lavin & Gray, "Fast Algorithms for Convolutional Neural
 * Networks", 2015), 2x2 max pooling, and the fully connected layers' SGD
 * step.  Installed as layer functions by lib/dnn/dnfix.c.
 *
 * Darknet copies 9 shifted copies of every input plane (im2col) and
 * multiplies.  With F(m x m, 3x3) each (m+2)x(m+2) input tile (stride m)
 * becomes T = (m+2)^2 numbers V = B'dB, each 3x3 kernel T numbers
 * U = GgG', and an m x m output tile is A'(U.V)A: per tile position xi
 * the sum over input channels of U.V is one matrix multiply (out channels
 * x in channels) x (in channels x tiles), so a layer is T sgemms: 16 for
 * F(2x2, 3x3) (2.25 times fewer multiplies than the direct convolution),
 * 36 for F(4x4, 3x3) (4 times fewer, larger rounding errors; the default
 * on maps of at least 8x8).
 *
 * The backward pass is the adjoint of the same linear maps: with
 * dM = A dY A' per output tile, the kernel gradient is G'(sum over tiles
 * dM.V)G (T sgemms against the V of the forward pass) and the input
 * gradient B(U'dM)B' added back onto the overlapping tiles.
 *
 * Floating-point results differ from the direct sum by rounding only
 * (about 1e-6 relative to the layer's largest output for F(2x2), more
 * for F(4x4)): the checks compare with relative tolerances. *
 * Deliberately unrolled kernels (`duplicates` pairs their blocks; leave
 * them written out): kernel_row, kernel_row4, kernel_gradient_row4,
 * input_tiles, input_tiles4, input_tiles_adjoint, input_tiles_adjoint4,
 * output_tiles, output_tiles4, output_tiles_adjoint and
 * output_tiles_adjoint4 spell out every row and column of the B, G and A
 * transforms, once per tile size, so that each tile's (m+2)^2 values can
 * stay in named registers and the loop over tiles vectorises (a loop
 * over rows with an index would put the tile back in memory).
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cblas.h>
#include <omp.h>
#include <darknet.h>

#include "dnn/darknet_int.h"
#include "dnn/dnconv3.h"
#include "dnn/dnkern.h"

/* Channels below this stay on im2col: a multiply with so short an inner
 * dimension is bound by the tiles' memory traffic. */
#define MIN_CHANNELS 16
/* Floats in one tile buffer (16 x channels x tiles): 64 MiB. */
static size_t max_tile_floats = (size_t)1 << 24;

static int tile_size;     /* 0: by layer */

void
mdf_conv3_set_tile_size(int m)
{
	tile_size = m == 2 || m == 4 ? m : 0;
}

void
mdf_conv3_set_tile_limit(size_t floats)
{
	max_tile_floats = floats ? floats : (size_t)1 << 24;
}

int
mdf_conv3_supported(const layer *l)
{
	return l->type == CONVOLUTIONAL && l->size == 3 && l->stride == 1 &&
	    l->groups == 1 && !l->xnor && !l->binary && l->pad >= 0 &&
	    l->pad <= 2 && l->c >= MIN_CHANNELS && l->out_h > 0 && l->out_w > 0;
}

/* Geometry of one layer: tiles of 2x2 outputs, read from a zero-padded
 * copy of each input plane (ph x pw) where tile (ty, tx) starts at
 * row 2ty, column 2tx. */
struct geo {
	int c, k, h, w, oh, ow, p;
	int m, a;               /* F(m x m, 3x3): output tile m, input tile a = m + 2 */
	int th, tw, ph, pw;
	size_t tpi;             /* tiles per image */
	int group;              /* images per multiply */
	size_t n;               /* tiles per multiply: tpi * group */
};

static void
geo_init(struct geo *g, const layer *l)
{
	g->c = l->c;
	g->k = l->n;
	g->h = l->h;
	g->w = l->w;
	g->oh = l->out_h;
	g->ow = l->out_w;
	g->p = l->pad;
	/* F(4x4) on maps of at least 8x8, F(2x2) below (or when asked) */
	g->m = tile_size ? tile_size : g->oh >= 8 && g->ow >= 8 ? 4 : 2;
	g->a = g->m + 2;
	g->th = (g->oh + g->m - 1) / g->m;
	g->tw = (g->ow + g->m - 1) / g->m;
	g->ph = g->m * g->th + 2;
	g->pw = g->m * g->tw + 2;
	g->tpi = (size_t)g->th * g->tw;
	size_t most = (size_t)(g->c > g->k ? g->c : g->k) * g->a * g->a;
	size_t fit = max_tile_floats / most / g->tpi;
	g->group = fit < 1 ? 1 : fit > (size_t)l->batch ? l->batch : (int)fit;
	g->n = g->tpi * (size_t)g->group;
}

/* Buffers kept between calls (layers run one at a time). */
static float *buf[6];
static size_t buflen[6];

static float *
scratch(int i, size_t n)
{
	if (buflen[i] < n) {
		free(buf[i]);
		buf[i] = malloc(n * sizeof(float));
		buflen[i] = buf[i] ? n : 0;
	}
	return buf[i];
}

/* Per-thread scratch for the plane transforms: a padded plane and row
 * buffers. */
static size_t
thread_floats(const struct geo *g)
{
	return (size_t)g->ph * g->pw + 6 * (size_t)(g->tw + 1) + 6 * (size_t)g->pw + 16;
}

static float *
thread_scratch(const struct geo *g)
{
	return buf[4] + thread_floats(g) * (size_t)omp_get_thread_num();
}

CLONES static void kernel_row4(const float *restrict f, int nc,
    float *restrict o, size_t kc);
static void kernel_gradient_row4(const float *restrict du, int nc, size_t kc,
    float *restrict dw);

/* --- transforms --------------------------------------------------------- */

/* U = G g G' for every (out, in) channel pair: U[xi][k][c]; one k here,
 * in channels innermost (16 sequential streams). */
CLONES static void
kernel_row(const float *restrict f, int nc, float *restrict o, size_t kc)
{
	float w[9][256];

	/* taps by channel first (a stride of 9 keeps compilers scalar) */
	for (int c0 = 0; c0 < nc; c0 += 256) {
		int n = nc - c0 < 256 ? nc - c0 : 256;
		for (int c = 0; c < n; c++)
			for (int j = 0; j < 9; j++)
				w[j][c] = f[(size_t)(c0 + c) * 9 + j];
		float *p0 = o + c0, *p1 = p0 + kc, *p2 = p1 + kc, *p3 = p2 + kc;
		float *p4 = p3 + kc, *p5 = p4 + kc, *p6 = p5 + kc, *p7 = p6 + kc;
		float *p8 = p7 + kc, *p9 = p8 + kc, *p10 = p9 + kc, *p11 = p10 + kc;
		float *p12 = p11 + kc, *p13 = p12 + kc, *p14 = p13 + kc, *p15 = p14 + kc;
#pragma omp simd
		for (int c = 0; c < n; c++) {
			/* rows: G = [1 0 0; .5 .5 .5; .5 -.5 .5; 0 0 1] */
			float a0 = w[0][c], a1 = w[1][c], a2 = w[2][c];
			float d0 = w[6][c], d1 = w[7][c], d2 = w[8][c];
			float b0 = .5f * (a0 + w[3][c] + d0), b1 = .5f * (a1 + w[4][c] + d1);
			float b2 = .5f * (a2 + w[5][c] + d2);
			float e0 = .5f * (a0 - w[3][c] + d0), e1 = .5f * (a1 - w[4][c] + d1);
			float e2 = .5f * (a2 - w[5][c] + d2);
			/* then columns */
			p0[c] = a0;
			p1[c] = .5f * (a0 + a1 + a2);
			p2[c] = .5f * (a0 - a1 + a2);
			p3[c] = a2;
			p4[c] = b0;
			p5[c] = .5f * (b0 + b1 + b2);
			p6[c] = .5f * (b0 - b1 + b2);
			p7[c] = b2;
			p8[c] = e0;
			p9[c] = .5f * (e0 + e1 + e2);
			p10[c] = .5f * (e0 - e1 + e2);
			p11[c] = e2;
			p12[c] = d0;
			p13[c] = .5f * (d0 + d1 + d2);
			p14[c] = .5f * (d0 - d1 + d2);
			p15[c] = d2;
		}
	}
}

static void
kernel_transform(const struct geo *g, const float *w, float *u)
{
	size_t kc = (size_t)g->k * g->c;

#pragma omp parallel for schedule(static)
	for (int k = 0; k < g->k; k++)
		(g->m == 4 ? kernel_row4 : kernel_row)(w + (size_t)k * g->c * 9, g->c,
		    u + (size_t)k * g->c, kc);
}

/* dW += G' dU G, the adjoint of kernel_transform. */
static void
kernel_gradient(const struct geo *g, const float *du, float *dw)
{
	size_t kc = (size_t)g->k * g->c;

	if (g->m == 4) {
#pragma omp parallel for schedule(static)
		for (int k = 0; k < g->k; k++)
			kernel_gradient_row4(du + (size_t)k * g->c, g->c, kc,
			    dw + (size_t)k * g->c * 9);
		return;
	}
#pragma omp parallel for schedule(static)
	for (int k = 0; k < g->k; k++)
		for (int c = 0; c < g->c; c++) {
			const float *d = du + (size_t)k * g->c + c;
			float t[3][4];
			for (int j = 0; j < 4; j++) {
				float d0 = d[(0 + j) * kc], d1 = d[(4 + j) * kc];
				float d2 = d[(8 + j) * kc], d3 = d[(12 + j) * kc];
				t[0][j] = d0 + .5f * (d1 + d2);
				t[1][j] = .5f * (d1 - d2);
				t[2][j] = .5f * (d1 + d2) + d3;
			}
			float *o = dw + ((size_t)k * g->c + c) * 9;
			for (int a = 0; a < 3; a++) {
				o[a * 3 + 0] += t[a][0] + .5f * (t[a][1] + t[a][2]);
				o[a * 3 + 1] += .5f * (t[a][1] - t[a][2]);
				o[a * 3 + 2] += .5f * (t[a][1] + t[a][2]) + t[a][3];
			}
		}
}

/* PAD (ph x pw) = the input plane IN with its zero border. */
static void
pad_plane(const struct geo *g, const float *in, float *pad)
{
	int pw = g->pw, x1 = g->p + g->w < pw ? g->p + g->w : pw;

	for (int y = 0; y < g->ph; y++) {
		float *row = pad + (size_t)y * pw;
		int iy = y - g->p;
		if (iy < 0 || iy >= g->h) {
			memset(row, 0, sizeof *row * (size_t)pw);
			continue;
		}
		for (int x = 0; x < g->p; x++)
			row[x] = 0;
		memcpy(row + g->p, in + (size_t)iy * g->w, sizeof *row * (size_t)(x1 - g->p));
		for (int x = x1; x < pw; x++)
			row[x] = 0;
	}
}

/* IN += the inside of PAD (the adjoint of pad_plane). */
static void
unpad_add(const struct geo *g, const float *pad, float *in)
{
	int x1 = g->p + g->w < g->pw ? g->p + g->w : g->pw;

	for (int iy = 0; iy < g->h; iy++) {
		int y = iy + g->p;
		if (y >= g->ph)
			break;
		const float *src = pad + (size_t)y * g->pw + g->p;
		float *dst = in + (size_t)iy * g->w;
		for (int x = 0; x < x1 - g->p; x++)
			dst[x] += src[x];
	}
}

/* One input plane into its tiles V = B'dB: V[xi * xs + t] for the plane's
 * tiles t.  PAD is ph x pw scratch, S 4 x pw. */
CLONES static void
input_tiles(const struct geo *g, const float *restrict in, float *restrict pad,
    float *restrict s, float *restrict v, size_t xs)
{
	int pw = g->pw;

	pad_plane(g, in, pad);
	for (int ty = 0; ty < g->th; ty++) {
		const float *r0 = pad + (size_t)2 * ty * pw, *r1 = r0 + pw;
		const float *r2 = r1 + pw, *r3 = r2 + pw;
		float *s0 = s, *s1 = s + pw, *s2 = s1 + pw, *s3 = s2 + pw;
		for (int x = 0; x < pw; x++) {
			s0[x] = r0[x] - r2[x];
			s1[x] = r1[x] + r2[x];
			s2[x] = r2[x] - r1[x];
			s3[x] = r1[x] - r3[x];
		}
		float *o = v + (size_t)ty * g->tw;
		for (int i = 0; i < 4; i++) {
			const float *si = s + (size_t)i * pw;
			float *o0 = o + (size_t)(4 * i) * xs, *o1 = o0 + xs;
			float *o2 = o1 + xs, *o3 = o2 + xs;
			#pragma omp simd
			for (int t = 0; t < g->tw; t++) {
				float a = si[2 * t], b = si[2 * t + 1];
				float c = si[2 * t + 2], d = si[2 * t + 3];
				o0[t] = a - c;
				o1[t] = b + c;
				o2[t] = c - b;
				o3[t] = b - d;
			}
		}
	}
}

/* The adjoint of input_tiles: IN += the image of tiles DV = B dV B'.
 * PAD is ph x pw scratch, Q 4 x (tw + 1) + 4 x pw. */
CLONES static void
input_tiles_adjoint(const struct geo *g, const float *restrict dv, size_t xs,
    float *restrict pad, float *restrict q, float *restrict in)
{
	int pw = g->pw, tw = g->tw;
	float *e = q + 4 * (size_t)(tw + 1);

	memset(pad, 0, sizeof *pad * (size_t)g->ph * pw);
	for (int ty = 0; ty < g->th; ty++) {
		const float *d = dv + (size_t)ty * tw;
		for (int i = 0; i < 4; i++) {
			const float *d0 = d + (size_t)(4 * i) * xs, *d1 = d0 + xs;
			const float *d2 = d1 + xs, *d3 = d2 + xs;
			/* column weights of B' per tile: x+0 <- d0, x+1 <- d1-d2+d3,
			 * x+2 <- -d0+d1+d2, x+3 <- -d3; q[.][t + 1] for tile t */
			float *q0 = q, *q1 = q0 + tw + 1, *q2 = q1 + tw + 1, *q3 = q2 + tw + 1;
			q2[0] = q3[0] = 0;
			for (int t = 0; t < tw; t++) {
				q0[t] = d0[t];
				q1[t] = d1[t] - d2[t] + d3[t];
				q2[t + 1] = d1[t] + d2[t] - d0[t];
				q3[t + 1] = -d3[t];
			}
			q0[tw] = q1[tw] = 0;
			float *ei = e + (size_t)i * pw;
			for (int t = 0; t <= tw; t++) {
				ei[2 * t] = q0[t] + q2[t];
				ei[2 * t + 1] = q1[t] + q3[t];
			}
		}
		float *e0 = e, *e1 = e + pw, *e2 = e1 + pw, *e3 = e2 + pw;
		float *p0 = pad + (size_t)2 * ty * pw, *p1 = p0 + pw;
		float *p2 = p1 + pw, *p3 = p2 + pw;
		for (int x = 0; x < pw; x++) {
			p0[x] += e0[x];
			p1[x] += e1[x] - e2[x] + e3[x];
			p2[x] += e1[x] + e2[x] - e0[x];
			p3[x] -= e3[x];
		}
	}
	unpad_add(g, pad, in);
}

/* One output plane from its tiles: OUT = A'MA (+ BIAS, then ReLU if
 * asked).  ROWS: 2 x 2tw scratch. */
CLONES static void
output_tiles(const struct geo *g, const float *restrict m, size_t xs,
    float bias, int relu, float *restrict rows, float *restrict out)
{
	int tw = g->tw;
	float *r0 = rows, *r1 = rows + 2 * tw;

	for (int ty = 0; ty < g->th; ty++) {
		const float *m0 = m + (size_t)ty * tw, *m1 = m0 + xs, *m2 = m1 + xs;
		const float *m3 = m2 + xs, *m4 = m3 + xs, *m5 = m4 + xs, *m6 = m5 + xs;
		const float *m7 = m6 + xs, *m8 = m7 + xs, *m9 = m8 + xs, *m10 = m9 + xs;
		const float *m11 = m10 + xs, *m12 = m11 + xs, *m13 = m12 + xs;
		const float *m14 = m13 + xs, *m15 = m14 + xs;
		float lo = relu ? 0 : -HUGE_VALF;
#pragma omp simd
		for (int t = 0; t < tw; t++) {
			/* columns of A' = [1 1 1 0; 0 1 -1 -1] per row, then rows */
			float a0 = m0[t] + m1[t] + m2[t], b0 = m1[t] - m2[t] - m3[t];
			float a1 = m4[t] + m5[t] + m6[t], b1 = m5[t] - m6[t] - m7[t];
			float a2 = m8[t] + m9[t] + m10[t], b2 = m9[t] - m10[t] - m11[t];
			float a3 = m12[t] + m13[t] + m14[t], b3 = m13[t] - m14[t] - m15[t];
			float v00 = a0 + a1 + a2 + bias, v01 = b0 + b1 + b2 + bias;
			float v10 = a1 - a2 - a3 + bias, v11 = b1 - b2 - b3 + bias;
			r0[2 * t] = v00 > lo ? v00 : lo;
			r0[2 * t + 1] = v01 > lo ? v01 : lo;
			r1[2 * t] = v10 > lo ? v10 : lo;
			r1[2 * t + 1] = v11 > lo ? v11 : lo;
		}
		float *y = out + (size_t)2 * ty * g->ow;
		memcpy(y, r0, sizeof *y * (size_t)g->ow);
		if (2 * ty + 1 < g->oh)
			memcpy(y + g->ow, r1, sizeof *y * (size_t)g->ow);
	}
}

/* The adjoint of output_tiles (without bias and ReLU): dM = A dY A' per
 * tile, from one plane of the output gradient.  ROWS: 2 x 2tw scratch
 * (the plane's rows padded with zeros to whole tiles). */
CLONES static void
output_tiles_adjoint(const struct geo *g, const float *restrict dy,
    float *restrict rows, float *restrict dm, size_t xs)
{
	int tw = g->tw, w2 = 2 * tw;
	float *r0 = rows, *r1 = rows + w2;

	for (int ty = 0; ty < g->th; ty++) {
		for (int j = 0; j < 2; j++) {
			int y = 2 * ty + j;
			float *r = j ? r1 : r0;
			if (y < g->oh) {
				memcpy(r, dy + (size_t)y * g->ow, sizeof *r * (size_t)g->ow);
				for (int x = g->ow; x < w2; x++)
					r[x] = 0;
			} else {
				memset(r, 0, sizeof *r * (size_t)w2);
			}
		}
		float *o = dm + (size_t)ty * tw;
		float *o0 = o, *o1 = o0 + xs, *o2 = o1 + xs, *o3 = o2 + xs;
		float *o4 = o3 + xs, *o5 = o4 + xs, *o6 = o5 + xs, *o7 = o6 + xs;
		float *o8 = o7 + xs, *o9 = o8 + xs, *o10 = o9 + xs, *o11 = o10 + xs;
		float *o12 = o11 + xs, *o13 = o12 + xs, *o14 = o13 + xs, *o15 = o14 + xs;
		#pragma omp simd
		for (int t = 0; t < tw; t++) {
			float a = r0[2 * t], b = r0[2 * t + 1];
			float c = r1[2 * t], d = r1[2 * t + 1];
			/* rows of A = [1 0; 1 1; 1 -1; 0 -1], then columns */
			float p0 = a, q0 = b, p1 = a + c, q1 = b + d;
			float p2 = a - c, q2 = b - d, p3 = -c, q3 = -d;
			o0[t] = p0;
			o1[t] = p0 + q0;
			o2[t] = p0 - q0;
			o3[t] = -q0;
			o4[t] = p1;
			o5[t] = p1 + q1;
			o6[t] = p1 - q1;
			o7[t] = -q1;
			o8[t] = p2;
			o9[t] = p2 + q2;
			o10[t] = p2 - q2;
			o11[t] = -q2;
			o12[t] = p3;
			o13[t] = p3 + q3;
			o14[t] = p3 - q3;
			o15[t] = -q3;
		}
	}
}

/*
 * The 16 multiplies of a transform, C[xi] = op(A[xi]) op(B[xi]) (+ C[xi]
 * when BETA is 1).  When OpenBLAS runs single-threaded (lib/dnn/blas.c keeps
 * it so in fast mode, its threads and ours competing for two cores), the
 * independent multiplies go to our threads as they come free (on a shared
 * machine one can lose its core for a while); otherwise one after the
 * other on OpenBLAS's threads.
 */
static void
multiply(int count, int ta, int tb, int m, int n, int k, const float *a, size_t as,
    int lda, const float *b, size_t bs, int ldb, float beta, float *c,
    size_t cs, int ldc)
{
	int par = omp_get_max_threads() > 1 && openblas_get_num_threads() == 1;

#pragma omp parallel for if (par) schedule(dynamic, 1)
	for (int xi = 0; xi < count; xi++)
		cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans,
		    tb ? CblasTrans : CblasNoTrans, m, n, k, 1, a + xi * as, lda,
		    b + xi * bs, ldb, beta, c + xi * cs, ldc);
}


/* --- F(4x4, 3x3): 6x6 tiles at stride 4, 36 multiplies ------------------
 * B' = [4 0 -5 0 1 0; 0 -4 -4 1 1 0; 0 4 -4 -1 1 0; 0 -2 -1 2 1 0;
 *       0 2 -1 -2 1 0; 0 4 0 -5 0 1]
 * G  = [1/4 0 0; -1/6 -1/6 -1/6; -1/6 1/6 -1/6; 1/24 1/12 1/6;
 *       1/24 -1/12 1/6; 0 0 1]
 * A' = [1 1 1 1 1 0; 0 1 -1 2 -2 0; 0 1 1 4 4 0; 0 1 -1 8 -8 1]
 * (the interpolation points 0, +-1, +-2 and infinity). */

/* o[0..5] = B' x[0..5] */
#define BT6(o, x) do { \
	o##0 = 4 * x##0 - 5 * x##2 + x##4; \
	o##1 = -4 * (x##1 + x##2) + x##3 + x##4; \
	o##2 = 4 * (x##1 - x##2) - x##3 + x##4; \
	o##3 = 2 * (x##3 - x##1) - x##2 + x##4; \
	o##4 = 2 * (x##1 - x##3) - x##2 + x##4; \
	o##5 = 4 * x##1 - 5 * x##3 + x##5; \
} while (0)
/* o[0..5] = B x[0..5] (the adjoint) */
#define B6(o, x) do { \
	o##0 = 4 * x##0; \
	o##1 = 4 * (x##2 - x##1) + 2 * (x##4 - x##3) + 4 * x##5; \
	o##2 = -5 * x##0 - 4 * (x##1 + x##2) - x##3 - x##4; \
	o##3 = x##1 - x##2 + 2 * (x##3 - x##4) - 5 * x##5; \
	o##4 = x##0 + x##1 + x##2 + x##3 + x##4; \
	o##5 = x##5; \
} while (0)
/* o[0..3] = A' x[0..5] */
#define AT6(o, x) do { \
	o##0 = x##0 + x##1 + x##2 + x##3 + x##4; \
	o##1 = x##1 - x##2 + 2 * (x##3 - x##4); \
	o##2 = x##1 + x##2 + 4 * (x##3 + x##4); \
	o##3 = x##1 - x##2 + 8 * (x##3 - x##4) + x##5; \
} while (0)
/* o[0..5] = A x[0..3] (the adjoint) */
#define A6(o, x) do { \
	o##0 = x##0; \
	o##1 = x##0 + x##1 + x##2 + x##3; \
	o##2 = x##0 - x##1 + x##2 - x##3; \
	o##3 = x##0 + 2 * x##1 + 4 * x##2 + 8 * x##3; \
	o##4 = x##0 - 2 * x##1 + 4 * x##2 - 8 * x##3; \
	o##5 = x##3; \
} while (0)

/* U = G g G' for one out channel (36 streams, in channels innermost). */
#define G6(o, x) do { \
	o##0 = x##0 * (1.f / 4); \
	o##1 = (x##0 + x##1 + x##2) * (-1.f / 6); \
	o##2 = (x##0 - x##1 + x##2) * (-1.f / 6); \
	o##3 = x##0 * (1.f / 24) + x##1 * (1.f / 12) + x##2 * (1.f / 6); \
	o##4 = x##0 * (1.f / 24) - x##1 * (1.f / 12) + x##2 * (1.f / 6); \
	o##5 = x##2; \
} while (0)

CLONES static void
kernel_row4(const float *restrict f, int nc, float *restrict o, size_t kc)
{
	float w[9][256];

	for (int c0 = 0; c0 < nc; c0 += 256) {
		int n = nc - c0 < 256 ? nc - c0 : 256;
		for (int c = 0; c < n; c++)
			for (int j = 0; j < 9; j++)
				w[j][c] = f[(size_t)(c0 + c) * 9 + j];
		float *p = o + c0;
#pragma omp simd
		for (int c = 0; c < n; c++) {
			/* G down each column b of the kernel, then along the rows */
			float t00, t01, t02, t03, t04, t05, t10, t11, t12, t13, t14, t15;
			float t20, t21, t22, t23, t24, t25;
			{
				float x0 = w[0][c], x1 = w[3][c], x2 = w[6][c];
				G6(t0, x);
			}
			{
				float x0 = w[1][c], x1 = w[4][c], x2 = w[7][c];
				G6(t1, x);
			}
			{
				float x0 = w[2][c], x1 = w[5][c], x2 = w[8][c];
				G6(t2, x);
			}
			/* column j of the six: outputs 6j .. 6j + 5 */
#define KERNEL_COLUMN(j) do { \
	float x0 = t0##j, x1 = t1##j, x2 = t2##j, o0, o1, o2, o3, o4, o5; \
	G6(o, x); \
	p[(size_t)(6 * j + 0) * kc + c] = o0; \
	p[(size_t)(6 * j + 1) * kc + c] = o1; \
	p[(size_t)(6 * j + 2) * kc + c] = o2; \
	p[(size_t)(6 * j + 3) * kc + c] = o3; \
	p[(size_t)(6 * j + 4) * kc + c] = o4; \
	p[(size_t)(6 * j + 5) * kc + c] = o5; \
} while (0)
			KERNEL_COLUMN(0);
			KERNEL_COLUMN(1);
			KERNEL_COLUMN(2);
			KERNEL_COLUMN(3);
			KERNEL_COLUMN(4);
			KERNEL_COLUMN(5);
#undef KERNEL_COLUMN
		}
	}
}

/* dW += G' dU G for one out channel. */
static void
kernel_gradient_row4(const float *restrict du, int nc, size_t kc, float *restrict dw)
{
	for (int c = 0; c < nc; c++) {
		const float *d = du + c;
		float t[3][6];
		for (int j = 0; j < 6; j++) {
			float d0 = d[(0 + j) * kc], d1 = d[(6 + j) * kc], d2 = d[(12 + j) * kc];
			float d3 = d[(18 + j) * kc], d4 = d[(24 + j) * kc], d5 = d[(30 + j) * kc];
			t[0][j] = d0 / 4 - (d1 + d2) / 6 + (d3 + d4) / 24;
			t[1][j] = (d2 - d1) / 6 + (d3 - d4) / 12;
			t[2][j] = (d3 + d4 - d1 - d2) / 6 + d5;
		}
		float *o = dw + (size_t)c * 9;
		for (int a = 0; a < 3; a++) {
			float *x = t[a];
			o[a * 3 + 0] += x[0] / 4 - (x[1] + x[2]) / 6 + (x[3] + x[4]) / 24;
			o[a * 3 + 1] += (x[2] - x[1]) / 6 + (x[3] - x[4]) / 12;
			o[a * 3 + 2] += (x[3] + x[4] - x[1] - x[2]) / 6 + x[5];
		}
	}
}

/* One input plane into its tiles V = B'dB.  PAD: ph x pw, S: 6 x pw. */
CLONES static void
input_tiles4(const struct geo *g, const float *restrict in, float *restrict pad,
    float *restrict s, float *restrict v, size_t xs)
{
	int pw = g->pw, tw = g->tw;

	pad_plane(g, in, pad);
	for (int ty = 0; ty < g->th; ty++) {
		const float *r0 = pad + (size_t)4 * ty * pw, *r1 = r0 + pw, *r2 = r1 + pw;
		const float *r3 = r2 + pw, *r4 = r3 + pw, *r5 = r4 + pw;
		float *s0 = s, *s1 = s0 + pw, *s2 = s1 + pw, *s3 = s2 + pw;
		float *s4 = s3 + pw, *s5 = s4 + pw;
#pragma omp simd
		for (int x = 0; x < pw; x++) {
			float x0 = r0[x], x1 = r1[x], x2 = r2[x], x3 = r3[x], x4 = r4[x], x5 = r5[x];
			float o0, o1, o2, o3, o4, o5;
			BT6(o, x);
			s0[x] = o0;
			s1[x] = o1;
			s2[x] = o2;
			s3[x] = o3;
			s4[x] = o4;
			s5[x] = o5;
		}
		float *o = v + (size_t)ty * tw;
		for (int i = 0; i < 6; i++) {
			const float *si = s + (size_t)i * pw;
			float *q0 = o + (size_t)(6 * i) * xs, *q1 = q0 + xs, *q2 = q1 + xs;
			float *q3 = q2 + xs, *q4 = q3 + xs, *q5 = q4 + xs;
#pragma omp simd
			for (int t = 0; t < tw; t++) {
				float x0 = si[4 * t], x1 = si[4 * t + 1], x2 = si[4 * t + 2];
				float x3 = si[4 * t + 3], x4 = si[4 * t + 4], x5 = si[4 * t + 5];
				float o0, o1, o2, o3, o4, o5;
				BT6(o, x);
				q0[t] = o0;
				q1[t] = o1;
				q2[t] = o2;
				q3[t] = o3;
				q4[t] = o4;
				q5[t] = o5;
			}
		}
	}
}

/* IN += the image of tiles dV: B dV B' added onto the overlapping tiles.
 * PAD: ph x pw, Q: 6 x (tw + 1) + 6 x pw. */
CLONES static void
input_tiles_adjoint4(const struct geo *g, const float *restrict dv, size_t xs,
    float *restrict pad, float *restrict q, float *restrict in)
{
	int pw = g->pw, tw = g->tw;
	float *e = q + 6 * (size_t)(tw + 1);

	memset(pad, 0, sizeof *pad * (size_t)g->ph * pw);
	for (int ty = 0; ty < g->th; ty++) {
		const float *d = dv + (size_t)ty * tw;
		for (int i = 0; i < 6; i++) {
			const float *d0 = d + (size_t)(6 * i) * xs, *d1 = d0 + xs, *d2 = d1 + xs;
			const float *d3 = d2 + xs, *d4 = d3 + xs, *d5 = d4 + xs;
			/* tile t adds o0..o5 at columns 4t..4t+5: qj[t] for j < 4,
			 * q4, q5 one tile later (columns 4(t+1), 4(t+1)+1) */
			float *q0 = q, *q1 = q0 + tw + 1, *q2 = q1 + tw + 1;
			float *q3 = q2 + tw + 1, *q4 = q3 + tw + 1, *q5 = q4 + tw + 1;
			q4[0] = q5[0] = 0;
#pragma omp simd
			for (int t = 0; t < tw; t++) {
				float x0 = d0[t], x1 = d1[t], x2 = d2[t], x3 = d3[t], x4 = d4[t], x5 = d5[t];
				float o0, o1, o2, o3, o4, o5;
				B6(o, x);
				q0[t] = o0;
				q1[t] = o1;
				q2[t] = o2;
				q3[t] = o3;
				q4[t + 1] = o4;
				q5[t + 1] = o5;
			}
			q0[tw] = q1[tw] = q2[tw] = q3[tw] = 0;
			float *ei = e + (size_t)i * pw;
#pragma omp simd
			for (int t = 0; t <= tw; t++) {
				ei[4 * t] = q0[t] + q4[t];
				ei[4 * t + 1] = q1[t] + q5[t];
				if (t < tw) {
					ei[4 * t + 2] = q2[t];
					ei[4 * t + 3] = q3[t];
				}
			}
		}
		float *e0 = e, *e1 = e0 + pw, *e2 = e1 + pw, *e3 = e2 + pw;
		float *e4 = e3 + pw, *e5 = e4 + pw;
		float *p0 = pad + (size_t)4 * ty * pw, *p1 = p0 + pw, *p2 = p1 + pw;
		float *p3 = p2 + pw, *p4 = p3 + pw, *p5 = p4 + pw;
		for (int x = 0; x < pw; x++) {
			float x0 = e0[x], x1 = e1[x], x2 = e2[x], x3 = e3[x], x4 = e4[x], x5 = e5[x];
			float o0, o1, o2, o3, o4, o5;
			B6(o, x);
			p0[x] += o0;
			p1[x] += o1;
			p2[x] += o2;
			p3[x] += o3;
			p4[x] += o4;
			p5[x] += o5;
		}
	}
	unpad_add(g, pad, in);
}

/* One output plane from its tiles: A'MA (+ BIAS, then ReLU if asked).
 * ROWS: 4 x 4tw. */
CLONES static void
output_tiles4(const struct geo *g, const float *restrict m, size_t xs,
    float bias, int relu, float *restrict rows, float *restrict out)
{
	int tw = g->tw, w4 = 4 * tw;
	float lo = relu ? 0 : -HUGE_VALF;

	for (int ty = 0; ty < g->th; ty++) {
		const float *mt = m + (size_t)ty * tw;
		/* rows of whole tiles go straight to the plane, others through
		 * ROWS */
		int direct = g->ow == w4 && 4 * ty + 4 <= g->oh;
		float *y0 = direct ? out + (size_t)4 * ty * w4 : rows;
		float *y1 = y0 + w4, *y2 = y1 + w4, *y3 = y2 + w4;
#pragma omp simd
		for (int t = 0; t < tw; t++) {
			/* A' along each row i of the tile, then down the columns */
			float c00, c01, c02, c03;
			{
				const float *mi = mt + (size_t)0 * xs + t;
				float x0 = mi[0], x1 = mi[xs], x2 = mi[2 * xs], x3 = mi[3 * xs];
				float x4 = mi[4 * xs], x5 = mi[5 * xs];
				AT6(c0, x);
			}
			float c10, c11, c12, c13;
			{
				const float *mi = mt + (size_t)6 * xs + t;
				float x0 = mi[0], x1 = mi[xs], x2 = mi[2 * xs], x3 = mi[3 * xs];
				float x4 = mi[4 * xs], x5 = mi[5 * xs];
				AT6(c1, x);
			}
			float c20, c21, c22, c23;
			{
				const float *mi = mt + (size_t)12 * xs + t;
				float x0 = mi[0], x1 = mi[xs], x2 = mi[2 * xs], x3 = mi[3 * xs];
				float x4 = mi[4 * xs], x5 = mi[5 * xs];
				AT6(c2, x);
			}
			float c30, c31, c32, c33;
			{
				const float *mi = mt + (size_t)18 * xs + t;
				float x0 = mi[0], x1 = mi[xs], x2 = mi[2 * xs], x3 = mi[3 * xs];
				float x4 = mi[4 * xs], x5 = mi[5 * xs];
				AT6(c3, x);
			}
			float c40, c41, c42, c43;
			{
				const float *mi = mt + (size_t)24 * xs + t;
				float x0 = mi[0], x1 = mi[xs], x2 = mi[2 * xs], x3 = mi[3 * xs];
				float x4 = mi[4 * xs], x5 = mi[5 * xs];
				AT6(c4, x);
			}
			float c50, c51, c52, c53;
			{
				const float *mi = mt + (size_t)30 * xs + t;
				float x0 = mi[0], x1 = mi[xs], x2 = mi[2 * xs], x3 = mi[3 * xs];
				float x4 = mi[4 * xs], x5 = mi[5 * xs];
				AT6(c5, x);
			}
			/* column j of the four: bias, the activation's floor */
#define OUTPUT_COLUMN(j) do { \
	float x0 = c0##j, x1 = c1##j, x2 = c2##j, x3 = c3##j, x4 = c4##j, x5 = c5##j; \
	float o0, o1, o2, o3; \
	AT6(o, x); \
	o0 += bias; \
	o1 += bias; \
	o2 += bias; \
	o3 += bias; \
	y0[4 * t + j] = o0 > lo ? o0 : lo; \
	y1[4 * t + j] = o1 > lo ? o1 : lo; \
	y2[4 * t + j] = o2 > lo ? o2 : lo; \
	y3[4 * t + j] = o3 > lo ? o3 : lo; \
} while (0)
			OUTPUT_COLUMN(0);
			OUTPUT_COLUMN(1);
			OUTPUT_COLUMN(2);
			OUTPUT_COLUMN(3);
#undef OUTPUT_COLUMN
		}
		for (int b = 0; b < 4 && 4 * ty + b < g->oh && !direct; b++)
			memcpy(out + (size_t)(4 * ty + b) * g->ow, rows + (size_t)b * w4,
			    sizeof *out * (size_t)g->ow);
	}
}

/* dM = A dY A' per tile from one plane of the output gradient.  ROWS:
 * 4 x 4tw. */
CLONES static void
output_tiles_adjoint4(const struct geo *g, const float *restrict dy,
    float *restrict rows, float *restrict dm, size_t xs)
{
	int tw = g->tw, w4 = 4 * tw;

	for (int ty = 0; ty < g->th; ty++) {
		/* rows of whole tiles are read in place, others copied to ROWS
		 * with zeros beyond the plane */
		int direct = g->ow == w4 && 4 * ty + 4 <= g->oh;
		const float *rr = direct ? dy + (size_t)4 * ty * w4 : rows;
		for (int b = 0; b < 4 && !direct; b++) {
			int y = 4 * ty + b;
			float *r = rows + (size_t)b * w4;
			if (y < g->oh) {
				memcpy(r, dy + (size_t)y * g->ow, sizeof *r * (size_t)g->ow);
				for (int x = g->ow; x < w4; x++)
					r[x] = 0;
			} else {
				memset(r, 0, sizeof *r * (size_t)w4);
			}
		}
		float *o = dm + (size_t)ty * tw;
#pragma omp simd
		for (int t = 0; t < tw; t++) {
			/* A along each row of dY, then down the columns */
			float p00, p01, p02, p03, p04, p05;
			{
				const float *r = rr + (size_t)0 * w4 + 4 * t;
				float x0 = r[0], x1 = r[1], x2 = r[2], x3 = r[3];
				A6(p0, x);
			}
			float p10, p11, p12, p13, p14, p15;
			{
				const float *r = rr + (size_t)1 * w4 + 4 * t;
				float x0 = r[0], x1 = r[1], x2 = r[2], x3 = r[3];
				A6(p1, x);
			}
			float p20, p21, p22, p23, p24, p25;
			{
				const float *r = rr + (size_t)2 * w4 + 4 * t;
				float x0 = r[0], x1 = r[1], x2 = r[2], x3 = r[3];
				A6(p2, x);
			}
			float p30, p31, p32, p33, p34, p35;
			{
				const float *r = rr + (size_t)3 * w4 + 4 * t;
				float x0 = r[0], x1 = r[1], x2 = r[2], x3 = r[3];
				A6(p3, x);
			}
			/* column j of the six: outputs j, 6 + j, ..., 30 + j */
#define ADJOINT_COLUMN(j) do { \
	float x0 = p0##j, x1 = p1##j, x2 = p2##j, x3 = p3##j; \
	float o0, o1, o2, o3, o4, o5; \
	A6(o, x); \
	o[(size_t)(j) * xs + t] = o0; \
	o[(size_t)(6 + j) * xs + t] = o1; \
	o[(size_t)(12 + j) * xs + t] = o2; \
	o[(size_t)(18 + j) * xs + t] = o3; \
	o[(size_t)(24 + j) * xs + t] = o4; \
	o[(size_t)(30 + j) * xs + t] = o5; \
} while (0)
			ADJOINT_COLUMN(0);
			ADJOINT_COLUMN(1);
			ADJOINT_COLUMN(2);
			ADJOINT_COLUMN(3);
			ADJOINT_COLUMN(4);
			ADJOINT_COLUMN(5);
#undef ADJOINT_COLUMN
		}
	}
}

/* --- the layer ---------------------------------------------------------- */

/* V[xi][c][n] for images b0 .. b0 + nb - 1 of INPUT. */
static void
input_group(const struct geo *g, const float *input, int b0, int nb, float *v)
{
	size_t ip = (size_t)g->h * g->w;

#pragma omp parallel
	{
		float *pad = thread_scratch(g);
#pragma omp for collapse(2) schedule(dynamic, 4)
		for (int b = 0; b < nb; b++)
			for (int c = 0; c < g->c; c++)
				(g->m == 4 ? input_tiles4 : input_tiles)(g,
				    input + ((size_t)(b0 + b) * g->c + c) * ip,
				    pad, pad + (size_t)g->ph * g->pw,
				    v + (size_t)c * g->n + (size_t)b * g->tpi,
				    (size_t)g->c * g->n);
	}
}

static void
conv3_forward(layer l, network net)
{
	struct geo g;

	geo_init(&g, &l);
	size_t op = (size_t)g.oh * g.ow;
	size_t na = (size_t)g.a * g.a;
	float *u = scratch(0, na * g.k * g.c);
	float *v = scratch(1, na * g.c * g.n);
	float *m = scratch(2, na * g.k * g.n);
	float *t = scratch(4, thread_floats(&g) * (size_t)omp_get_max_threads());
	if (!u || !v || !m || !t) {
		forward_convolutional_layer(l, net);   /* out of memory: Darknet's */
		return;
	}
	int fuse = !l.batch_normalize;
	int relu = fuse && l.activation == RELU;
	kernel_transform(&g, l.weights, u);
	for (int b0 = 0; b0 < l.batch; b0 += g.group) {
		int nb = l.batch - b0 < g.group ? l.batch - b0 : g.group;
		size_t n = g.tpi * (size_t)nb;
		input_group(&g, net.input, b0, nb, v);
		/* M[xi] (k x n) = U[xi] (k x c) x V[xi] (c x n); row stride g.n */
		multiply(g.a * g.a, 0, 0, g.k, (int)n, g.c, u, (size_t)g.k * g.c, g.c,
		    v, (size_t)g.c * g.n, (int)g.n, 0, m, (size_t)g.k * g.n, (int)g.n);
#pragma omp parallel
		{
			float *rows = thread_scratch(&g);
#pragma omp for collapse(2) schedule(dynamic, 4)
			for (int b = 0; b < nb; b++)
				for (int k = 0; k < g.k; k++)
					(g.m == 4 ? output_tiles4 : output_tiles)(&g,
					    m + (size_t)k * g.n + (size_t)b * g.tpi,
					    (size_t)g.k * g.n, fuse ? l.biases[k] : 0, relu, rows,
					    l.output + ((size_t)(b0 + b) * g.k + k) * op);
		}
	}
	if (l.batch_normalize)
		forward_batchnorm_layer(l, net);
	if (!relu)
		activate_array(l.output, l.outputs * l.batch, l.activation);
}

/* The ReLU's gradient (when RELU) on one plane of DELTA, in place, and
 * the plane's sum (its bias gradient). */
CLONES static float
plane_gradient(const float *restrict y, float *restrict d, size_t n, int relu)
{
	float s = 0;

	if (relu) {
#pragma omp simd reduction(+:s)
		for (size_t i = 0; i < n; i++) {
			d[i] = y[i] > 0 ? d[i] : 0;
			s += d[i];
		}
	} else {
#pragma omp simd reduction(+:s)
		for (size_t i = 0; i < n; i++)
			s += d[i];
	}
	return s;
}

static void
conv3_backward(layer l, network net)
{
	struct geo g;

	geo_init(&g, &l);
	size_t op = (size_t)g.oh * g.ow, ip = (size_t)g.h * g.w;
	size_t na = (size_t)g.a * g.a;
	float *u = scratch(0, na * g.k * g.c);
	float *v = scratch(1, na * g.c * g.n);
	float *dm = scratch(2, na * g.k * g.n);
	float *du = scratch(3, na * g.k * g.c);
	float *t = scratch(4, thread_floats(&g) * (size_t)omp_get_max_threads());
	float *bsum = scratch(5, (size_t)l.batch * g.k);
	if (!u || !v || !dm || !du || !t || !bsum) {
		/* out of memory: Darknet's, with the input gradient added */
		gradient_array(l.output, l.outputs * l.batch, l.activation, l.delta);
		if (l.batch_normalize)
			backward_batchnorm_layer(l, net);
		else
			backward_bias(l.bias_updates, l.delta, l.batch, l.n, l.out_h * l.out_w);
		backward_convolutional_layer(l, net);
		return;
	}
	/* without batch norm, the activation's gradient and the bias
	 * gradient are taken plane by plane just before the plane's tiles
	 * (in cache, on both threads); otherwise Darknet's order */
	int plane = !l.batch_normalize;
	int relu = plane && l.activation == RELU;
	if (!relu)
		gradient_array(l.output, l.outputs * l.batch, l.activation, l.delta);
	if (l.batch_normalize)
		backward_batchnorm_layer(l, net);
	if (net.delta)
		kernel_transform(&g, l.weights, u);
	for (int b0 = 0; b0 < l.batch; b0 += g.group) {
		int nb = l.batch - b0 < g.group ? l.batch - b0 : g.group;
		size_t n = g.tpi * (size_t)nb;
		input_group(&g, net.input, b0, nb, v);
#pragma omp parallel
		{
			float *rows = thread_scratch(&g);
#pragma omp for collapse(2) schedule(dynamic, 4)
			for (int b = 0; b < nb; b++)
				for (int k = 0; k < g.k; k++) {
					size_t o = ((size_t)(b0 + b) * g.k + k) * op;
					if (plane)
						bsum[(size_t)(b0 + b) * g.k + k] = plane_gradient(
						    l.output + o, l.delta + o, op, relu);
					(g.m == 4 ? output_tiles_adjoint4 : output_tiles_adjoint)(&g,
					    l.delta + o, rows, dm + (size_t)k * g.n +
					    (size_t)b * g.tpi, (size_t)g.k * g.n);
				}
		}
		/* dU[xi] (k x c) += dM[xi] (k x n) x V[xi]' (n x c) */
		multiply(g.a * g.a, 0, 1, g.k, g.c, (int)n, dm, (size_t)g.k * g.n, (int)g.n,
		    v, (size_t)g.c * g.n, (int)g.n, b0 ? 1 : 0, du, (size_t)g.k * g.c, g.c);
		if (!net.delta)
			continue;
		/* dV[xi] (c x n) = U[xi]' (c x k) x dM[xi] (k x n), over V */
		multiply(g.a * g.a, 1, 0, g.c, (int)n, g.k, u, (size_t)g.k * g.c, g.c,
		    dm, (size_t)g.k * g.n, (int)g.n, 0, v, (size_t)g.c * g.n, (int)g.n);
#pragma omp parallel
		{
			float *pad = thread_scratch(&g);
#pragma omp for collapse(2) schedule(dynamic, 4)
			for (int b = 0; b < nb; b++)
				for (int c = 0; c < g.c; c++)
					(g.m == 4 ? input_tiles_adjoint4 : input_tiles_adjoint)(&g,
					    v + (size_t)c * g.n + (size_t)b * g.tpi,
					    (size_t)g.c * g.n, pad, pad + (size_t)g.ph * g.pw,
					    net.delta + ((size_t)(b0 + b) * g.c + c) * ip);
		}
	}
	kernel_gradient(&g, du, l.weight_updates);
	if (plane)
		for (int b = 0; b < l.batch; b++)
			for (int k = 0; k < g.k; k++)
				l.bias_updates[k] += bsum[(size_t)b * g.k + k];
}

/* --- 2x2 max pooling, stride 2 ------------------------------------------
 * VGG's pooling: windows that never cross the border, so no bounds test;
 * the index of the first maximum kept for the backward pass as Darknet
 * keeps it. */

CLONES static void
pool2_plane(const float *restrict in, int w, int oh, int ow, int base,
    float *restrict out, int *restrict idx)
{
	for (int y = 0; y < oh; y++) {
		const float *r0 = in + (size_t)2 * y * w, *r1 = r0 + w;
		float *o = out + (size_t)y * ow;
		int *ix = idx + (size_t)y * ow, i0 = base + 2 * y * w;
#pragma omp simd
		for (int x = 0; x < ow; x++) {
			float m = r0[2 * x];
			int i = i0 + 2 * x;
			if (MDF_MAX_BEATS(r0[2 * x + 1], m)) {
				m = r0[2 * x + 1];
				i = i0 + 2 * x + 1;
			}
			if (MDF_MAX_BEATS(r1[2 * x], m)) {
				m = r1[2 * x];
				i = i0 + w + 2 * x;
			}
			if (MDF_MAX_BEATS(r1[2 * x + 1], m)) {
				m = r1[2 * x + 1];
				i = i0 + w + 2 * x + 1;
			}
			o[x] = m;
			ix[x] = i;
		}
	}
}

static void
pool2_forward(layer l, network net)
{
	size_t ip = (size_t)l.h * l.w, op = (size_t)l.out_h * l.out_w;

#pragma omp parallel for schedule(static)
	for (int p = 0; p < l.batch * l.c; p++)
		pool2_plane(net.input + p * ip, l.w, l.out_h, l.out_w, (int)(p * ip),
		    l.output + p * op, l.indexes + p * op);
}

/* Each output's gradient back to the input it came from (Darknet's loop,
 * one plane per task: a plane's indexes stay inside its input plane). */
static void
pool2_backward(layer l, network net)
{
	size_t op = (size_t)l.out_h * l.out_w;

	if (!net.delta)
		return;
#pragma omp parallel for schedule(static)
	for (int p = 0; p < l.batch * l.c; p++) {
		const int *ix = l.indexes + p * op;
		const float *d = l.delta + p * op;
		for (size_t i = 0; i < op; i++)
			net.delta[ix[i]] += d[i];
	}
}

int
mdf_maxpool2_supported(const layer *l)
{
	return l->type == MAXPOOL && l->size == 2 && l->stride == 2 &&
	    l->pad / 2 == 0 && l->h % 2 == 0 && l->w % 2 == 0 &&
	    l->out_h == l->h / 2 && l->out_w == l->w / 2;
}

int
mdf_maxpool2_install(layer *l)
{
	if (!mdf_maxpool2_supported(l))
		return 0;
	l->forward = pool2_forward;
	l->backward = pool2_backward;
	return 1;
}

/* --- fully connected layers --------------------------------------------- */

/* Darknet's SGD step (decay into the gradient, the step, momentum) in
 * one pass over the weights, on both threads: Darknet's makes three on
 * one thread (3.3 GB of traffic for VGG16's first, of 411 MB; 1.6 here). */
static void
fc_update(layer l, update_args a)
{
	if (a.adam || l.batch_normalize) {
		update_connected_layer(l, a);
		return;
	}
	float lr = a.learning_rate * l.learning_rate_scale / a.batch;
	float mom = a.momentum, dec = -a.decay * a.batch;
	float *w = l.weights, *u = l.weight_updates;
	long n = (long)l.inputs * l.outputs;

	for (int i = 0; i < l.outputs; i++) {
		l.biases[i] += lr * l.bias_updates[i];
		l.bias_updates[i] *= mom;
	}
#pragma omp parallel for schedule(static) if (n > 65536)
	for (long i = 0; i < n; i++) {
		float g = u[i] + dec * w[i];
		w[i] += lr * g;
		u[i] = mom * g;
	}
}

int
mdf_fc_install(layer *l)
{
	if (l->type != CONNECTED)
		return 0;
	l->update = fc_update;
	return 1;
}

int
mdf_conv3_install(layer *l)
{
	if (!mdf_conv3_supported(l))
		return 0;
	l->forward = conv3_forward;
	l->backward = conv3_backward;
	return 1;
}
