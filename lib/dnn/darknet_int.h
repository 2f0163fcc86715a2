/*
 * Darknet's internal functions that libmdfdnn calls or interposes: they
 * are exported by libdarknet but not declared in darknet.h.  Declared
 * here once; the definitions in lib/dnn/blas.c and lib/dnn/dnfix.c that
 * replace Darknet's own must match these prototypes exactly (the dynamic
 * linker binds Darknet's calls to them by name).  Private to libmdfdnn.
 *
 * Where each lands: gemm, gemm_cpu, im2col_cpu, col2im_cpu in blas.c;
 * activate_array, gradient_array, the batch-norm helpers (normalize_cpu
 * ... variance_delta_cpu), the vector helpers (fill_cpu ... scal_cpu),
 * add_bias, scale_bias, backward_bias, forward_batchnorm_layer and
 * backward_batchnorm_layer in dnfix.c, each forwarding to Darknet's
 * original (dlsym RTLD_NEXT) outside fast mode.  The layer functions
 * forward/backward/update_convolutional_layer and update_connected_layer
 * are Darknet's only: our layers fall back on them.
 */
#ifndef MDF_DARKNET_INT_H
#define MDF_DARKNET_INT_H

#include <darknet.h>

/* layers (src/convolutional_layer.c, batchnorm_layer.c, connected_layer.c) */
void forward_convolutional_layer(layer l, network net);
void backward_convolutional_layer(layer l, network net);
void update_convolutional_layer(layer l, update_args a);
void update_connected_layer(layer l, update_args a);
void forward_batchnorm_layer(layer l, network net);
void backward_batchnorm_layer(layer l, network net);
void add_bias(float *output, float *biases, int batch, int n, int size);
void scale_bias(float *output, float *scales, int batch, int n, int size);
void backward_bias(float *bias_updates, float *delta, int batch, int n, int size);

/* src/gemm.c, src/im2col.c, src/col2im.c */
void gemm(int ta, int tb, int m, int n, int k, float alpha, float *a, int lda,
    float *b, int ldb, float beta, float *c, int ldc);
void gemm_cpu(int ta, int tb, int m, int n, int k, float alpha, float *a,
    int lda, float *b, int ldb, float beta, float *c, int ldc);
void im2col_cpu(float *im, int channels, int height, int width, int ksize,
    int stride, int pad, float *col);
void col2im_cpu(float *col, int channels, int height, int width, int ksize,
    int stride, int pad, float *im);

/* src/activations.c */
void activate_array(float *x, const int n, const ACTIVATION a);
void gradient_array(const float *x, const int n, const ACTIVATION a, float *delta);

/* src/blas.c */
void fill_cpu(int n, float alpha, float *x, int incx);
void copy_cpu(int n, float *x, int incx, float *y, int incy);
void axpy_cpu(int n, float alpha, float *x, int incx, float *y, int incy);
void scal_cpu(int n, float alpha, float *x, int incx);
void mean_cpu(float *x, int batch, int filters, int spatial, float *mean);
void variance_cpu(float *x, float *mean, int batch, int filters, int spatial,
    float *variance);
void normalize_cpu(float *x, float *mean, float *variance, int batch,
    int filters, int spatial);
void backward_scale_cpu(float *x_norm, float *delta, int batch, int n, int size,
    float *scale_updates);
void mean_delta_cpu(float *delta, float *variance, int batch, int filters,
    int spatial, float *mean_delta);
void variance_delta_cpu(float *x, float *delta, float *mean, float *variance,
    int batch, int filters, int spatial, float *variance_delta);
void normalize_delta_cpu(float *x, float *mean, float *variance,
    float *mean_delta, float *variance_delta, int batch, int filters,
    int spatial, float *delta);

#endif
