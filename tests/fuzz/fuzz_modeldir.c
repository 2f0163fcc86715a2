/* libFuzzer targets for the model directory's text readers
 * (lib/dnn/modeldir.c): built as fuzz_labels (labels.txt) and fuzz_meta
 * (model.meta).  Any bytes must be accepted or refused with a reason,
 * never crash or read out of bounds; what is accepted must obey
 * milldir-model(5) (bounded, valid labels, no repeats), and a labels list
 * accepted must be written and read back unchanged. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnn/modeldir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 1 if the parse refused its input (RC < 0), which it must say why. */
static int
refused(int rc, const char *why)
{
	if (rc >= 0)
		return 0;
	if (why[0] == '\0')
		abort();        /* every refusal says why */
	return 1;
}

#ifdef FUZZ_LABELS
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mdf_model_labels l;
	char why[256] = "";

	if (refused(mdf_model_labels_parse("labels.txt", (const char *)data, size, &l,
	    why, sizeof why), why))
		return 0;
	if (l.n < 2 || l.n > MDF_MODEL_MAX_LABELS)
		abort();
	for (int i = 0; i < l.n; i++) {
		if (mdf_model_label_invalid(l.v[i], strlen(l.v[i])) ||
		    strchr(l.v[i], ',') || strchr(l.v[i], '\r'))
			abort();
		for (int k = 0; k < i; k++)
			if (strcmp(l.v[i], l.v[k]) == 0)
				abort();
	}
	mdf_model_labels_free(&l);
	return 0;
}
#else
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mdf_model_meta m;
	char why[256] = "";

	if (refused(mdf_model_meta_parse("model.meta", (const char *)data, size, &m,
	    why, sizeof why), why))
		return 0;
	if (m.n > MDF_MODEL_MAX_KEYS)
		abort();
	for (int i = 0; i < m.n; i++) {
		if (mdf_model_meta_get(&m, m.key[i]) != m.val[i])
			abort();        /* keys are unique */
		/* setting a value read back is accepted */
		if (mdf_model_meta_set(&m, m.key[i], m.val[i]) < 0)
			abort();
	}
	mdf_model_meta_free(&m);
	return 0;
}
#endif
