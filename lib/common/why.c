/* Error reasons: lib/ never prints, it returns a code and writes why. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "common/common.h"

int
mdf_why(char *why, size_t whylen, int code, const char *fmt, ...)
{
	va_list ap;

	if (why != NULL && whylen > 0) {
		va_start(ap, fmt);
		vsnprintf(why, whylen, fmt, ap);
		va_end(ap);
	}
	return code;
}
