/*
 * Darknet's matrix multiply and image-to-column copies, replaced.
 *
 * Darknet's gemm is three naive loops.  libdarknet calls its own exported
 * functions through the PLT, so when an executable defines gemm, gemm_cpu,
 * im2col_cpu or col2im_cpu and exports them (dnntrain and dnnpredict are
 * linked with -export-dynamic), the dynamic linker binds Darknet's calls
 * to these definitions instead of its own.  In stock mode each override
 * forwards to Darknet's original (found with RTLD_NEXT), so one binary can
 * measure all three modes.  mdf_dnet_check_overrides() proves at start-up
 * that the interposition is in effect.
 */
#include "config.h"

#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cblas.h>
#include <omp.h>

#include "dnn/darknet_int.h"
#include "dnn/dnet.h"
#include "dnn/dnkern.h"

typedef void gemm_fn(int, int, int, int, int, float, float *, int, float *,
    int, float, float *, int);
typedef void im2col_fn(float *, int, int, int, int, int, int, float *);

static enum mdf_dnet_mode mode = MDF_DNET_FAST;
static unsigned long ncalls;

void
mdf_dnet_set_mode(enum mdf_dnet_mode m)
{
	mode = m;
}

enum mdf_dnet_mode
mdf_dnet_mode(void)
{
	return mode;
}

int
mdf_dnet_mode_parse(const char *s)
{
	if (strcmp(s, "stock") == 0)
		return MDF_DNET_STOCK;
	if (strcmp(s, "gemm") == 0)
		return MDF_DNET_GEMM;
	if (strcmp(s, "fast") == 0)
		return MDF_DNET_FAST;
	return -1;
}

/*
 * One pool of threads.  In fast mode OpenBLAS runs single-threaded and
 * blas_gemm() splits a multiply across the OpenMP threads of our own
 * loops: with two pools on two cores, OpenBLAS's caller spun on
 * sched_yield waiting for a worker whose core an OpenMP thread held
 * (a fifth of the training time of EfficientNet-Lite0).
 */
static int nthreads;       /* --threads; 0: the libraries' defaults */
static int blas_default;   /* OpenBLAS's own thread count */
static int blas_one;       /* OpenBLAS set to one thread */

static void
blas_pool(void)
{
	int one = mode == MDF_DNET_FAST;

	if (!blas_default)
		blas_default = openblas_get_num_threads();
	if (one == blas_one)
		return;
	openblas_set_num_threads(one ? 1 : nthreads > 0 ? nthreads : blas_default);
	blas_one = one;
}

void
mdf_dnet_blas_single(void)
{
	blas_pool();
}

void
mdf_dnet_set_threads(int n)
{
	if (n >= 1) {
		nthreads = n;
		omp_set_num_threads(n);
		blas_one = -1;       /* apply at the next multiply */
		blas_pool();
	}
}

/*
 * OpenBLAS reads its settings from the environment when it is loaded,
 * before main().  Two matter here: its CPU detection falls back to the
 * generic Prescott kernels on this kind of virtual Xeon (sgemm 5-10 times
 * slower than SkylakeX), and its idle threads spin on sched_yield for
 * some 0.1 s after each multiply, taking a core from our own loops.
 */
int
mdf_dnet_prepare_env(void)
{
	int changed = 0;

	if (getenv("MILLDIR_DNN_ENV"))
		return 0;            /* set once: never loop */
	setenv("MILLDIR_DNN_ENV", "1", 1);
#if defined(__x86_64__) && defined(__GNUC__)
	if (!getenv("OPENBLAS_CORETYPE")) {
		__builtin_cpu_init();
		if (__builtin_cpu_supports("avx512f"))
			changed = !setenv("OPENBLAS_CORETYPE", "SkylakeX", 1);
		else if (__builtin_cpu_supports("avx2"))
			changed = !setenv("OPENBLAS_CORETYPE", "Haswell", 1);
	}
#endif
	if (mode == MDF_DNET_FAST && !getenv("OPENBLAS_THREAD_TIMEOUT"))
		changed |= !setenv("OPENBLAS_THREAD_TIMEOUT", "4", 1);
	/* the same for the OpenMP threads of our own loops: a short spin */
	if (mode == MDF_DNET_FAST && !getenv("GOMP_SPINCOUNT") && !getenv("OMP_WAIT_POLICY"))
		changed |= !setenv("GOMP_SPINCOUNT", "10000", 1);
	return changed;
}

unsigned long
mdf_dnet_gemm_calls(void)
{
	return ncalls;
}

/* Darknet's own definition of NAME, the next one after ours. */
static void *
original(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

static void
blas_gemm(int ta, int tb, int m, int n, int k, float alpha, const float *a,
    int lda, const float *b, int ldb, float beta, float *c, int ldc)
{
	ncalls++;
	if (m <= 0 || n <= 0)
		return;
	if (k <= 0) {
		/* cblas scales C by beta; so does Darknet */
		for (int i = 0; i < m; i++)
			for (int j = 0; j < n; j++)
				c[(size_t)i * ldc + j] *= beta;
		return;
	}
	blas_pool();
	if (mode != MDF_DNET_FAST || omp_in_parallel() ||
	    (double)m * n * k < 1 << 19 || omp_get_max_threads() < 2) {
		cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans,
		    tb ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, b, ldb,
		    beta, c, ldc);
		return;
	}
	/* bands of C's columns (or rows, when it is tall), a few per thread
	 * and handed out as threads come free: on a shared machine a thread
	 * can lose its core for a while, the other then takes its share */
	int cols = n >= m, len = cols ? n : m, nt = omp_get_max_threads();
	int nband = len / 256 < nt ? nt : len / 256 > 4 * nt ? 4 * nt : len / 256;
	int step = ((len + nband - 1) / nband + 15) / 16 * 16;
	nband = (len + step - 1) / step;
#pragma omp parallel for schedule(dynamic, 1)
	for (int t = 0; t < nband; t++) {
		int i0 = t * step, i1 = i0 + step < len ? i0 + step : len;
		const float *pa = a, *pb = b;
		float *pc = c;
		if (cols) {
			pb += tb ? (size_t)i0 * ldb : (size_t)i0;
			pc += i0;
		} else {
			pa += ta ? (size_t)i0 : (size_t)i0 * lda;
			pc += (size_t)i0 * ldc;
		}
		cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans,
		    tb ? CblasTrans : CblasNoTrans, cols ? m : i1 - i0,
		    cols ? i1 - i0 : n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
	}
}

/* gemm and gemm_cpu (CPU): ours on OpenBLAS, or in stock mode Darknet's
 * own of that name (gemm's calls counted). */
static void
gemm_either(int cpu, int ta, int tb, int m, int n, int k, float alpha, float *a,
    int lda, float *b, int ldb, float beta, float *c, int ldc)
{
	static gemm_fn *orig[2];

	if (mode != MDF_DNET_STOCK) {
		blas_gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
		return;
	}
	if (!orig[cpu])
		orig[cpu] = (gemm_fn *)original(cpu ? "gemm_cpu" : "gemm");
	ncalls += !cpu;
	orig[cpu](ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void
gemm(int ta, int tb, int m, int n, int k, float alpha, float *a, int lda,
    float *b, int ldb, float beta, float *c, int ldc)
{
	gemm_either(0, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void
gemm_cpu(int ta, int tb, int m, int n, int k, float alpha, float *a, int lda,
    float *b, int ldb, float beta, float *c, int ldc)
{
	gemm_either(1, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/* One row of im2col: DST (OW values) gets the pixels of image row SRC
 * that output columns [X0, X1) see at offset O (stride STRIDE), zeros
 * elsewhere; SRC NULL: the row is outside the image. */
static void
im2col_row(const float *src, int ow, int x0, int x1, int stride, int o, float *dst)
{
	if (src == NULL) {
		memset(dst, 0, sizeof *dst * (size_t)ow);
		return;
	}
	/* x >= x0 keeps x * stride + o inside the row */
	for (int x = 0; x < x0; x++)
		dst[x] = 0;
	if (stride == 1) {
		if (x1 > x0)
			memcpy(dst + x0, src + x0 + o, sizeof *dst * (size_t)(x1 - x0));
	} else {
		for (int x = x0; x < x1; x++)
			dst[x] = src[x * stride + o];
	}
	for (int x = x1 > x0 ? x1 : x0; x < ow; x++)
		dst[x] = 0;
}

/* The adjoint: column entries [X0, X1) of SRC added back into the
 * pixels of image row DST they came from. */
static void
col2im_row(const float *src, int x0, int x1, int stride, int o, float *dst)
{
	if (stride == 1) {
		for (int x = x0; x < x1; x++)
			dst[x + o] += src[x];
	} else {
		for (int x = x0; x < x1; x++)
			dst[x * stride + o] += src[x];
	}
}

/*
 * im2col: row (ch, ky, kx) of COL holds, for every output position, the
 * input pixel it sees through kernel tap (ky, kx).  Darknet looks every
 * pixel up through a function with a bounds test; here each output row is
 * one run of pixels (a memcpy when stride is 1) with zeros at the borders.
 * With BACK, col2im, its adjoint: every column entry is added back into
 * the pixel of IM it came from.
 */
static void
fast_cols(int back, float *im, int channels, int height, int width, int ksize,
    int stride, int pad, float *col)
{
	int oh = (height + 2 * pad - ksize) / stride + 1;
	int ow = (width + 2 * pad - ksize) / stride + 1;

	for (int ch = 0; ch < channels; ch++) {
		float *plane = im + (size_t)ch * height * width;
		for (int ky = 0; ky < ksize; ky++)
		for (int kx = 0; kx < ksize; kx++) {
			float *row = col + ((size_t)(ch * ksize + ky) * ksize + kx) * oh * ow;
			/* output columns whose input column is inside the image */
			int x0 = 0, x1 = ow, o = kx - pad;
			while (x0 < ow && x0 * stride + o < 0)
				x0++;
			while (x1 > x0 && (x1 - 1) * stride + o >= width)
				x1--;
			for (int y = 0; y < oh; y++) {
				int iy = y * stride + ky - pad;
				float *pix = iy < 0 || iy >= height ? NULL : plane + (size_t)iy * width;
				if (!back)
					im2col_row(pix, ow, x0, x1, stride, o, row + (size_t)y * ow);
				else if (pix)
					col2im_row(row + (size_t)y * ow, x0, x1, stride, o, pix);
			}
		}
	}
}

/* im2col_cpu and col2im_cpu (BACK): ours in fast mode, else Darknet's own
 * of that name. */
static void
im2col_either(int back, float *src, int channels, int height, int width,
    int ksize, int stride, int pad, float *dst)
{
	static im2col_fn *orig[2];

	if (mode == MDF_DNET_FAST) {
		if (back)   /* col2im: SRC the columns, DST the image */
			fast_cols(1, dst, channels, height, width, ksize, stride, pad, src);
		else
			fast_cols(0, src, channels, height, width, ksize, stride, pad, dst);
		return;
	}
	if (!orig[back])
		orig[back] = (im2col_fn *)original(back ? "col2im_cpu" : "im2col_cpu");
	orig[back](src, channels, height, width, ksize, stride, pad, dst);
}

void
im2col_cpu(float *im, int channels, int height, int width, int ksize,
    int stride, int pad, float *col)
{
	im2col_either(0, im, channels, height, width, ksize, stride, pad, col);
}

void
col2im_cpu(float *col, int channels, int height, int width, int ksize,
    int stride, int pad, float *im)
{
	im2col_either(1, col, channels, height, width, ksize, stride, pad, im);
}

int
mdf_dnet_check_overrides(char *why, size_t whylen)
{
	static const char *names[] = { "gemm", "gemm_cpu", "im2col_cpu", "col2im_cpu" };
	void *ours[] = { (void *)gemm, (void *)gemm_cpu, (void *)im2col_cpu,
	    (void *)col2im_cpu };
	float a[3 * 4], b[4 * 5], c1[3 * 5], c2[3 * 5];

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		void *bound = dlsym(RTLD_DEFAULT, names[i]);
		if (bound != ours[i]) {
			snprintf(why, whylen, "%s: Darknet's own definition is in effect, "
			    "not milldir's (link with -export-dynamic)", names[i]);
			return MDF_E_INVAL;
		}
		if (!original(names[i])) {
			snprintf(why, whylen, "%s: Darknet's definition not found", names[i]);
			return MDF_E_INVAL;
		}
	}
	/* one small multiply through the symbol Darknet's PLT resolves to */
	for (int i = 0; i < 12; i++)
		a[i] = (float)(i % 5) - 1.5f;
	for (int i = 0; i < 20; i++)
		b[i] = (float)(i % 7) * 0.25f;
	memset(c1, 0, sizeof c1);
	memset(c2, 0, sizeof c2);
	gemm_fn *bound = (gemm_fn *)dlsym(RTLD_DEFAULT, "gemm");
	enum mdf_dnet_mode saved = mode;
	unsigned long before = ncalls;
	mode = MDF_DNET_GEMM;
	bound(0, 0, 3, 5, 4, 1, a, 4, b, 5, 0, c1, 5);
	mode = saved;
	cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 3, 5, 4, 1, a, 4,
	    b, 5, 0, c2, 5);
	if (ncalls != before + 1) {
		snprintf(why, whylen, "gemm: the multiply did not reach milldir's override");
		return MDF_E_INVAL;
	}
	for (int i = 0; i < 15; i++)
		if (fabsf(c1[i] - c2[i]) > 1e-5f) {
			snprintf(why, whylen, "gemm: result %g differs from cblas_sgemm's %g",
			    (double)c1[i], (double)c2[i]);
			return MDF_E_INVAL;
		}
	return MDF_OK;
}

void
mdf_dnet_restart(char **argv)
{
	char self[4096];
	ssize_t n;

	if (!mdf_dnet_prepare_env())
		return;
	/* readlink, not /proc/self/exe itself: valgrind answers the former
	 * with the program it runs */
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0 || (size_t)n >= sizeof self - 1)
		return;
	self[n] = '\0';
	execv(self, argv);
	/* could not: carry on with OpenBLAS as it is */
}
