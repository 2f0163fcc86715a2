/*
 * Our kernels for Darknet's layers (lib/dndw.c, lib/dnconv1.c), called
 * from the layer functions installed by lib/dnfix.c.  Private to libmdfdnn.
 */
#ifndef MDF_DNKERN_H
#define MDF_DNKERN_H

#include <darknet.h>

/* Depthwise convolution: groups = channels = filters, k x k, any stride
 * up to 4 and padding. */
int mdf_dw_supported(const layer *l);
/* OUTPUT = the convolution of INPUT (no bias, batch norm or activation). */
void mdf_dw_conv_forward(const layer *l, const float *input, float *output);
/* l->weight_updates += dW; INPUT_DELTA (may be NULL) += dIn, from the
 * gradient DELTA at the convolution's output. */
void mdf_dw_conv_backward(const layer *l, const float *input,
    const float *delta, float *input_delta);

#endif
