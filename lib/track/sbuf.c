/* A growable NUL-terminated string for the tracking code; an allocation
 * failure sticks (err) and is checked once at the end. */
#include <stdarg.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"

void
ml_sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->err)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap * 2 : 512) + n;
		char *p = realloc(b->s, cap);
		if (p == NULL) {
			b->err = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
ml_sb_str(struct sbuf *b, const char *s)
{
	ml_sb_add(b, s, strlen(s));
}

void
ml_sb_printf(struct sbuf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		b->err = 1;
		return;
	}
	ml_sb_add(b, tmp, (size_t)n);
}
