/*
 * The SGD step of a convolution (momentum and weight decay) in one pass
 * over its weights.  Darknet's makes three (decay into the gradient, the
 * step, momentum), each a call of a strided helper.  Same formulas, same
 * order of operations per element.
 */
#include "config.h"

#include "dnn/dnkern.h"

void
mdf_sgd_update(const layer *l, update_args a)
{
	float lr = a.learning_rate * l->learning_rate_scale / a.batch;
	float mom = a.momentum, dec = -a.decay * a.batch;
	float *w = l->weights, *u = l->weight_updates;
	int n = l->nweights;

	for (int i = 0; i < l->n; i++) {
		l->biases[i] += lr * l->bias_updates[i];
		l->bias_updates[i] *= mom;
	}
	if (l->scales)
		for (int i = 0; i < l->n; i++) {
			l->scales[i] += lr * l->scale_updates[i];
			l->scale_updates[i] *= mom;
		}
#pragma omp parallel for schedule(static) if (n > 65536)
	for (int i = 0; i < n; i++) {
		float g = u[i] + dec * w[i];
		w[i] += lr * g;
		u[i] = mom * g;
	}
}
