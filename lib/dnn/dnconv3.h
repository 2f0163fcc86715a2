/*
 * VGG16's layers: 3x3 stride-1 convolutions by Winograd F(4x4, 3x3) or
 * F(2x2, 3x3), 2x2 max pooling and fully connected layers
 * (lib/dnn/dnconv3.c), installed as layer functions by lib/dnn/dnfix.c.  Private
 * to libmdfdnn.
 */
#ifndef MDF_DNCONV3_H
#define MDF_DNCONV3_H

#include <stddef.h>

#include <darknet.h>

/* A 3x3, stride 1, ungrouped convolution with enough input channels. */
int mdf_conv3_supported(const layer *l);
/* Replace L's forward and backward when supported; 1 if done. */
int mdf_conv3_install(layer *l);
/* Max pooling 2x2, stride 2, on even sizes. */
int mdf_maxpool2_supported(const layer *l);
/* Replace L's forward when supported; 1 if done. */
int mdf_maxpool2_install(layer *l);

/* Fully connected layers: the SGD step; 1 if installed. */
int mdf_fc_install(layer *l);

/* Output tiles of 2x2 or 4x4 (F(2x2,3x3): 2.25 times fewer multiplies
 * than the direct convolution; F(4x4,3x3): 4 times, with larger rounding
 * errors); 0: 4x4 on maps of at least 8x8, the default.  For the checks. */
void mdf_conv3_set_tile_size(int m);

/* Floats in one buffer of tiles (0: the default, 64 MiB); a layer's
 * batch is split into groups of images that fit.  For the checks. */
void mdf_conv3_set_tile_limit(size_t floats);

#endif
