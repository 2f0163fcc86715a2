/*
 * Weight files: milldir's own little-endian format for the parameters of
 * a Darknet network (man/milldir-model.5 gives the byte layout), written
 * and read layer by layer against the network built from the model's cfg.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <darknet.h>

#include "common/common.h"
#include "dnn/dnet.h"

/* --- weights ----------------------------------------------------------
 *
 * File layout, all little-endian:
 *   8 bytes   "MDFDNW1\n"
 *   u32       number of layers
 *   per layer: u32 layer type, u32 float count, then that many float32
 *   (biases, batch-norm scales, rolling mean, rolling variance, weights;
 *   the parts a layer has).  Layers without parameters store a count 0.
 */
#define WMAGIC "MDFDNW1\n"

struct parts {
	float *p[5];
	size_t n[5];
	int np;
};

static void
layer_parts(layer *l, struct parts *pt)
{
	size_t n = 0;

	pt->np = 0;
	if (l->type == CONVOLUTIONAL)
		n = (size_t)l->n;
	else if (l->type == CONNECTED)
		n = (size_t)l->outputs;
	else if (l->type == BATCHNORM)
		n = (size_t)l->c;
	else
		return;
	if (l->type != BATCHNORM) {
		pt->p[pt->np] = l->biases;
		pt->n[pt->np++] = n;
	}
	if (l->batch_normalize || l->type == BATCHNORM) {
		pt->p[pt->np] = l->scales;
		pt->n[pt->np++] = n;
		pt->p[pt->np] = l->rolling_mean;
		pt->n[pt->np++] = n;
		pt->p[pt->np] = l->rolling_variance;
		pt->n[pt->np++] = n;
	}
	if (l->type != BATCHNORM) {
		pt->p[pt->np] = l->weights;
		pt->n[pt->np++] = l->type == CONNECTED ?
		    (size_t)l->outputs * l->inputs : (size_t)l->nweights;
	}
}

static size_t
parts_count(const struct parts *pt)
{
	size_t s = 0;

	for (int i = 0; i < pt->np; i++)
		s += pt->n[i];
	return s;
}

static void
put_u32(unsigned char *b, uint32_t v)
{
	b[0] = (unsigned char)v;
	b[1] = (unsigned char)(v >> 8);
	b[2] = (unsigned char)(v >> 16);
	b[3] = (unsigned char)(v >> 24);
}

static uint32_t
get_u32(const unsigned char *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[3] << 24;
}

int
mdf_dnet_save(struct mdf_dnet *d, const char *path, char *why, size_t whylen)
{
	network *net = mdf_dnet_network(d);
	unsigned char hdr[8];
	FILE *fp = fopen(path, "wb");

	if (!fp)
		return mdf_why(why, whylen, MDF_E_IO, "%s: %s", path, strerror(errno));
	fwrite(WMAGIC, 1, 8, fp);
	put_u32(hdr, (uint32_t)net->n);
	fwrite(hdr, 1, 4, fp);
	for (int i = 0; i < net->n; i++) {
		struct parts pt;
		layer_parts(&net->layers[i], &pt);
		put_u32(hdr, (uint32_t)net->layers[i].type);
		put_u32(hdr + 4, (uint32_t)parts_count(&pt));
		fwrite(hdr, 1, 8, fp);
		/* configure refuses big-endian hosts: float32 in memory is
		 * already the file's little-endian form */
		for (int k = 0; k < pt.np; k++)
			fwrite(pt.p[k], sizeof(float), pt.n[k], fp);
	}
	if (ferror(fp) | (fclose(fp) != 0))
		return mdf_why(why, whylen, MDF_E_IO, "%s: %s", path, strerror(errno));
	return MDF_OK;
}

int
mdf_dnet_load(struct mdf_dnet *d, const char *path, char *why, size_t whylen)
{
	network *net = mdf_dnet_network(d);
	unsigned char hdr[8];
	FILE *fp = fopen(path, "rb");
	int rc = MDF_E_META;

	if (!fp)
		return mdf_why(why, whylen, MDF_E_IO, "%s: %s", path, strerror(errno));
	if (fread(hdr, 1, 8, fp) != 8 || memcmp(hdr, WMAGIC, 8) != 0) {
		mdf_why(why, whylen, 0, "%s: not a milldir weights file", path);
		goto out;
	}
	if (fread(hdr, 1, 4, fp) != 4 || get_u32(hdr) != (uint32_t)net->n) {
		mdf_why(why, whylen, 0, "%s: weights for another network (layer count)", path);
		goto out;
	}
	for (int i = 0; i < net->n; i++) {
		struct parts pt;
		layer_parts(&net->layers[i], &pt);
		if (fread(hdr, 1, 8, fp) != 8) {
			mdf_why(why, whylen, 0, "%s: truncated at layer %d", path, i);
			goto out;
		}
		if (get_u32(hdr) != (uint32_t)net->layers[i].type ||
		    get_u32(hdr + 4) != parts_count(&pt)) {
			mdf_why(why, whylen, 0, "%s: layer %d does not match the network", path, i);
			goto out;
		}
		for (int k = 0; k < pt.np; k++) {
			if (fread(pt.p[k], sizeof(float), pt.n[k], fp) != pt.n[k]) {
				mdf_why(why, whylen, 0, "%s: truncated at layer %d", path, i);
				goto out;
			}
			/* a NaN or infinity would make every score nan */
			for (size_t j = 0; j < pt.n[k]; j++)
				if (!isfinite(pt.p[k][j])) {
					mdf_why(why, whylen, 0, "%s: layer %d: parameter %zu of "
					    "part %d is not a finite number", path, i, j, k + 1);
					goto out;
				}
		}
	}
	if (fgetc(fp) != EOF) {
		mdf_why(why, whylen, 0, "%s: trailing bytes after the last layer", path);
		goto out;
	}
	rc = MDF_OK;
out:
	fclose(fp);
	return rc;
}
