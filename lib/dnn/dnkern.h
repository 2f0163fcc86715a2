/*
 * Our kernels for Darknet's layers (lib/dnn/dndw.c, lib/dnn/dnconv1.c), called
 * from the layer functions installed by lib/dnn/dnfix.c.  Private to libmdfdnn.
 */
#ifndef MDF_DNKERN_H
#define MDF_DNKERN_H

#include <darknet.h>

/* Our loops are compiled for AVX-512, AVX2 and plain x86-64 and the best
 * is chosen when the library loads (GCC's ifunc target clones); not under
 * AddressSanitizer, whose run-time is not set up yet when ifunc resolvers
 * run. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && \
    !defined(__SANITIZE_ADDRESS__)
#define CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define CLONES
#endif

/* Max pooling's comparison: V replaces the maximum M of a window so far
 * when larger, or when NaN and M is not (a NaN in a window is its maximum
 * and takes the gradient, as in PyTorch).  Windows start from their first
 * input, never from -FLT_MAX: Darknet's index of the maximum stays -1 in
 * a window of NaNs or -infs, and its backward pass writes delta[-1]. */
#define MDF_MAX_BEATS(v, m) ((v) > (m) || ((v) != (v) && (m) == (m)))

/* Depthwise convolution: groups = channels = filters, k x k, any stride
 * up to 4 and padding. */
int mdf_dw_supported(const layer *l);
/* OUTPUT = the convolution of INPUT (no bias, batch norm or activation);
 * <0 (nothing done) without memory. */
int mdf_dw_conv_forward(const layer *l, const float *input, float *output);
/* The same, with batch norm (or bias) and activation in evaluation mode:
 * OUTPUT gets the layer's output; <0 (nothing done) without memory or
 * when they do not fold (mdf_eval_fusable). */
int mdf_dw_forward_eval(const layer *l, const float *input, float *output);
/* The same, fused with the 1x1 convolution E before it (its batch norm
 * and activation too): INPUT is E's input; E's output is neither written
 * nor needed (an MBConv block's expansion).  P (may be NULL): the 1x1
 * projection after L, fused too; then POUT gets P's output and OUTPUT
 * (L's) nothing.  E may be NULL when P is not: L and P only, INPUT is
 * L's.  <0 (nothing done) without memory or when unsupported; the two
 * _supported functions say beforehand whether E and P fuse. */
int mdf_dw_expand_supported(const layer *e, const layer *l);
int mdf_dw_project_supported(const layer *l, const layer *p);
int mdf_dw_forward_eval_expand(const layer *e, const layer *l,
    const layer *p, const float *input, float *output, float *pout);
/* l->weight_updates += dW; INPUT_DELTA (may be NULL) += dIn, from the
 * gradient DELTA at the convolution's output; <0 (nothing done) without
 * memory. */
int mdf_dw_conv_backward(const layer *l, const float *input,
    const float *delta, float *input_delta);

/* 1x1 convolutions, stride 1, on maps small enough to batch. */
int mdf_conv1_supported(const layer *l);
/* The largest map (H*W) batched; N < 0: the default.  For the checks. */
void mdf_conv1_set_small(int n);
/* A convolution (any size and stride, groups = 1), batch norm and
 * activation in evaluation mode; OUTPUT gets the layer's output, <0
 * (nothing done) without memory. */
int mdf_conv1_eval_supported(const layer *l);
int mdf_conv1_forward_eval(const layer *l, const float *input, float *output);
/* OpenBLAS single-threaded (fast mode) before our own threads call it. */
void mdf_dnet_blas_single(void);
/* OUTPUT = the convolution of INPUT; <0 (nothing done) without memory. */
int mdf_conv1_forward(const layer *l, const float *input, float *output);
/* l->weight_updates += dW; INPUT_DELTA (may be NULL) += dIn; <0 (nothing
 * done) without memory. */
int mdf_conv1_backward(const layer *l, const float *input,
    const float *delta, float *input_delta);

/* Batch norm of a convolution's output, then activation A, in place
 * (training: batch statistics, l->x and l->x_norm kept for the backward
 * pass, rolling statistics updated).  0 (nothing done) when not a
 * convolution with batch norm or A is not linear, relu or leaky. */
int mdf_bn_forward(const layer *l, int train, ACTIVATION a);
/* The gradient through activation A and batch norm, in l->delta, with
 * the bias and scale gradients; 0 (nothing done) as above. */
int mdf_bn_backward(const layer *l, ACTIVATION a);

/* Evaluation mode: a convolution whose batch norm (or bias) and
 * activation fold into one multiply-add and clamp per value. */
int mdf_eval_fusable(const layer *l);
/* K[f], K[n + f]: the output of filter f is act(y K[f] + K[n + f]), y the
 * convolution's (Darknet's normalise, scale and shift, or its bias). */
void mdf_bn_fold(const layer *l, float *k);
/* OUT = act(Y K + K0), N values. */
void mdf_affine_act(const float *restrict y, int n, float k, float k0,
    ACTIVATION a, float *restrict out);

/* A convolution's SGD step (Darknet's update_convolutional_layer, no
 * Adam) in one pass. */
void mdf_sgd_update(const layer *l, update_args a);

#endif
