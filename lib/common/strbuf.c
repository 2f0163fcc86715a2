/* The growable string of lib/ (struct mdf_sb, see common/common.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"

/* Room for N more bytes and a NUL. */
static int
reserve(struct mdf_sb *b, size_t n)
{
	size_t need, cap;
	char *p;

	if (b->err)
		return 0;
	if (n > (size_t)-1 / 2 - b->len) {
		b->err = 1;
		return 0;
	}
	need = b->len + n + 1;
	if (need <= b->cap)
		return 1;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	if ((p = realloc(b->s, cap)) == NULL) {
		b->err = 1;
		return 0;
	}
	b->s = p;
	b->cap = cap;
	return 1;
}

void
mdf_sb_add(struct mdf_sb *b, const void *s, size_t n)
{
	if (!reserve(b, n))
		return;
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
mdf_sb_str(struct mdf_sb *b, const char *s)
{
	mdf_sb_add(b, s, strlen(s));
}

void
mdf_sb_printf(struct mdf_sb *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->err)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->err = 1;
		return;
	}
	if (!reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
mdf_sb_free(struct mdf_sb *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
	b->err = 0;
}
