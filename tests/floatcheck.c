/* floatcheck: compare mdf_parse_float with strtof.
 *
 *   floatcheck WORD...    each WORD must parse whole and equal strtof's
 *   floatcheck -r N       N random decimal strings of every shape
 *
 * Prints each disagreement and exits 1 if there was any. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/import.h"

static int
check(const char *s)
{
	float a, b;
	const char *end = s + strlen(s);
	const char *q = mdf_parse_float(s, end, &a);
	char *e;

	b = strtof(s, &e);
	if (q == NULL || q != end || e != end ||
	    memcmp(&a, &b, sizeof a) != 0) {
		printf("%s: mdf_parse_float %a (%s), strtof %a\n", s,
		    q ? a : 0.0f, q == end ? "whole" : "partial", b);
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int bad = 0;

	if (argc == 3 && strcmp(argv[1], "-r") == 0) {
		long n = atol(argv[2]);
		unsigned long long x = 88172645463325252ull;

		for (long i = 0; i < n; i++) {
			char s[96];
			int len = 0, nd;

#define RND() (x ^= x << 13, x ^= x >> 7, x ^= x << 17, x)
			if (RND() % 2)
				s[len++] = '-';
			nd = 1 + (int)(RND() % 24);
			for (int k = 0; k < nd; k++) {
				s[len++] = (char)('0' + RND() % 10);
				if (RND() % 8 == 0 && !strchr(s, '.'))
					s[len++] = '.';
				s[len] = '\0';
			}
			if (RND() % 2)
				len += sprintf(s + len, "e%+d", (int)(RND() % 90) - 45);
			s[len] = '\0';
			bad |= check(s);
			/* a random float printed both ways also round-trips */
			{
				unsigned bits = (unsigned)RND();
				float f;

				memcpy(&f, &bits, sizeof f);
				if (f - f == 0) {
					snprintf(s, sizeof s, "%.*e",
					    (int)(RND() % 12), f);
					bad |= check(s);
				}
			}
		}
	}
	for (int i = 1; i < argc && strcmp(argv[1], "-r") != 0; i++)
		bad |= check(argv[i]);
	return bad;
}
