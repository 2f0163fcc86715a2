/*
 * Helpers shared by the sources of lib/ (not installed): the one way to
 * hand back an error reason, and the one growable string.  Their symbols
 * carry the mdf_ prefix so that lib/dnn, a separate library, links them
 * from libmilldir; they are not part of the public API.
 */
#ifndef MILLDIR_COMMON_H
#define MILLDIR_COMMON_H

#include <stddef.h>

/* Format a reason into WHY (nothing if WHY is NULL or WHYLEN 0) and
 * return CODE: `return mdf_why(why, whylen, MDF_E_META, "bad %s", k);`. */
int mdf_why(char *why, size_t whylen, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A growable string, always NUL-terminated once anything was added.  An
 * allocation failure sets err and makes further additions no-ops, so a
 * caller checks once at the end.  Start from {0}. */
struct mdf_sb {
	char *s;
	size_t len, cap;
	int err;
};

void mdf_sb_add(struct mdf_sb *b, const void *s, size_t n);
void mdf_sb_str(struct mdf_sb *b, const char *s);
void mdf_sb_printf(struct mdf_sb *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Free the buffer and start again from empty. */
void mdf_sb_free(struct mdf_sb *b);

#endif
