/* The flat YAML of MLflow's meta.yaml files: scalars written as PyYAML's
 * safe_dump writes them (plain, single- or double-quoted with escapes),
 * and a top-level key's scalar read back. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"
#include "track/mlint.h"

/* --- YAML ----------------------------------------------------------- */

static int
ieq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* Would PyYAML read S back as something other than this string (a
 * number, bool, null, date), or need quotes for its characters? */
static int
needs_quotes(const char *s)
{
	static const char *const words[] = {"yes", "no", "true", "false", "on",
	    "off", "y", "n", "null", "~", "<<", "="};
	size_t len = strlen(s);
	int numeric = 1, digit = 0;

	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ' || s[len - 1] == ':')
		return 1;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]))
		return 1;
	if (strstr(s, ": ") || strstr(s, " #"))
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (ieq(s, words[i]))
			return 1;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f || *p == '\t')
			return 1;
		if (isdigit(*p))
			digit = 1;
		else if (!strchr("+-._:eExXoObB", *p) &&
		    !(isxdigit(*p) && strchr(s, 'x')))
			numeric = 0;
	}
	if (numeric && (digit || s[0] == '.'))
		return 1;
	/* .inf, .nan and dates such as 2026-11-26 */
	if (s[0] == '.' && (ieq(s + 1, "inf") || ieq(s + 1, "nan")))
		return 1;
	if (len >= 10 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]) &&
	    s[4] == '-')
		return 1;
	return 0;
}

/* Decode one UTF-8 sequence at S (N bytes left) into *CP; its length, or
 * 1 with *CP = U+FFFD for a byte that starts no valid sequence. */
static size_t
utf8_next(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len = s[0] < 0x80 ? 1 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 :
	    s[0] >= 0xe0 && s[0] < 0xf0 ? 3 : s[0] >= 0xf0 && s[0] < 0xf5 ? 4 : 0;
	unsigned long c;

	if (len == 1) {
		*cp = s[0];
		return 1;
	}
	if (len == 0 || len > n)
		goto bad;
	c = s[0] & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c < 0xe000))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

/* Must CP be escaped in a double-quoted scalar: not printable for
 * PyYAML's reader (C0 but for none we keep, DEL, C1, U+FFFE/F), a line
 * break of YAML 1.1 (U+0085, U+2028, U+2029), or the BOM? */
static int
yaml_must_escape(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff;
}

/* VAL as a double-quoted scalar with YAML's escapes, on one line. */
static void
sb_yaml_dquoted(struct mdf_sb *b, const char *val)
{
	const unsigned char *p = (const unsigned char *)val;
	size_t n = strlen(val);

	mdf_sb_add(b, "\"", 1);
	while (n > 0) {
		unsigned long cp;
		size_t k = utf8_next(p, n, &cp);
		if (cp == '"' || cp == '\\')
			mdf_sb_printf(b, "\\%c", (char)cp);
		else if (cp == 0x85)
			mdf_sb_str(b, "\\N");
		else if (cp == 0x2028)
			mdf_sb_str(b, "\\L");
		else if (cp == 0x2029)
			mdf_sb_str(b, "\\P");
		else if (cp <= 0xff && yaml_must_escape(cp))
			mdf_sb_printf(b, "\\x%02X", (unsigned)cp);
		else if (yaml_must_escape(cp) || (cp == 0xfffd && k == 1))
			mdf_sb_printf(b, "\\u%04lX", cp);
		else
			mdf_sb_add(b, (const char *)p, k);
		p += k;
		n -= k;
	}
	mdf_sb_add(b, "\"", 1);
}

/* Does VAL hold a character that only a double-quoted scalar can carry
 * (see yaml_must_escape), or bytes that are not UTF-8? */
static int
needs_dquotes(const char *val)
{
	const unsigned char *p = (const unsigned char *)val;
	size_t n = strlen(val);

	while (n > 0) {
		unsigned long cp;
		size_t k = utf8_next(p, n, &cp);
		if (yaml_must_escape(cp) || (cp == 0xfffd && k == 1))
			return 1;
		p += k;
		n -= k;
	}
	return 0;
}

void
ml_sb_yaml(struct mdf_sb *b, const char *key, const char *val)
{
	mdf_sb_str(b, key);
	mdf_sb_str(b, ": ");
	if (needs_dquotes(val)) {
		sb_yaml_dquoted(b, val);
	} else if (!needs_quotes(val)) {
		mdf_sb_str(b, val);
	} else {
		mdf_sb_add(b, "'", 1);
		for (const char *p = val; *p; p++)
			mdf_sb_str(b, *p == '\'' ? "''" : (char[]){*p, 0});
		mdf_sb_add(b, "'", 1);
	}
	mdf_sb_add(b, "\n", 1);
}

int
mdf_yaml_put_str(char **buf, size_t *len, const char *key, const char *value)
{
	struct mdf_sb b = {*buf, *len, *buf ? *len + 1 : 0, 0}; /* cap >= len + 1 */

	ml_sb_yaml(&b, key, value);
	if (b.err)
		return MDF_E_NOMEM;
	*buf = b.s;
	*len = b.len;
	return MDF_OK;
}

/* Append the UTF-8 encoding of CP. */
static void
sb_utf8(struct mdf_sb *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp; n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3f)); n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f)); n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	mdf_sb_add(b, u, n);
}

int
mdf_yaml_get(const char *s, const char *key, char **out)
{
	size_t klen = strlen(key);
	const char *p = s, *v = NULL;
	struct mdf_sb b = {0};

	/* Find "KEY:" at the start of a line. */
	while (p && *p) {
		if (strncmp(p, key, klen) == 0 && p[klen] == ':' &&
		    (p[klen + 1] == ' ' || p[klen + 1] == '\n' || p[klen + 1] == '\0' ||
		    p[klen + 1] == '\r')) {
			v = p + klen + 1;
			break;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (v == NULL)
		return 0;
	while (*v == ' ')
		v++;
	mdf_sb_add(&b, "", 0);
	if (*v == '\'' || *v == '"') {
		char q = *v++;
		int pending_space = 0;
		for (; *v; v++) {
			if (*v == '\n' || *v == '\r') {
				/* A line break inside quotes folds to one space. */
				while (*v == '\n' || *v == '\r' || *v == ' ' || *v == '\t')
					v++;
				v--;
				pending_space = 1;
				continue;
			}
			if (pending_space) {
				mdf_sb_add(&b, " ", 1);
				pending_space = 0;
			}
			if (q == '\'' && *v == '\'') {
				if (v[1] == '\'') {
					mdf_sb_add(&b, "'", 1);
					v++;
					continue;
				}
				break;
			}
			if (q == '"' && *v == '"')
				break;
			if (q == '"' && *v == '\\' && v[1]) {
				v++;
				switch (*v) {
				case 'n': mdf_sb_add(&b, "\n", 1); break;
				case 't': mdf_sb_add(&b, "\t", 1); break;
				case 'r': mdf_sb_add(&b, "\r", 1); break;
				case '0': mdf_sb_add(&b, "\0", 1); break;
				case 'a': mdf_sb_add(&b, "\a", 1); break;
				case 'b': mdf_sb_add(&b, "\b", 1); break;
				case 'e': mdf_sb_add(&b, "\033", 1); break;
				case 'f': mdf_sb_add(&b, "\f", 1); break;
				case 'v': mdf_sb_add(&b, "\v", 1); break;
				case 'N': sb_utf8(&b, 0x85); break;
				case '_': sb_utf8(&b, 0xa0); break;
				case 'L': sb_utf8(&b, 0x2028); break;
				case 'P': sb_utf8(&b, 0x2029); break;
				case '\r': case '\n':
					/* An escaped line break joins the lines, and
					 * the next line's indentation goes. */
					if (*v == '\r' && v[1] == '\n')
						v++;
					while (v[1] == ' ' || v[1] == '\t')
						v++;
					break;
				case 'x': case 'u': case 'U': {
					int nd = *v == 'x' ? 2 : *v == 'u' ? 4 : 8;
					char hex[9] = {0};
					for (int i = 0; i < nd && isxdigit((unsigned char)v[1]); i++)
						hex[i] = *++v;
					sb_utf8(&b, strtoul(hex, NULL, 16));
					break;
				}
				default: mdf_sb_add(&b, v, 1);
				}
				continue;
			}
			mdf_sb_add(&b, v, 1);
		}
	} else {
		/* Plain scalar, possibly continued on indented lines. */
		for (;;) {
			const char *e = v;
			while (*e && *e != '\n' && *e != '\r' && !(e[0] == ' ' && e[1] == '#'))
				e++;
			while (e > v && e[-1] == ' ')
				e--;
			mdf_sb_add(&b, v, (size_t)(e - v));
			v = strchr(v, '\n');
			if (v == NULL || v[1] != ' ')
				break;
			v++;
			while (*v == ' ')
				v++;
			if (*v == '\n' || *v == '\0')
				break;
			mdf_sb_add(&b, " ", 1);
		}
		if (strcmp(b.s, "null") == 0 || strcmp(b.s, "~") == 0 ||
		    strcmp(b.s, "Null") == 0 || strcmp(b.s, "NULL") == 0)
			b.s[0] = '\0', b.len = 0;
	}
	if (b.err) {
		free(b.s);
		return MDF_E_NOMEM;
	}
	*out = b.s;
	return 1;
}
