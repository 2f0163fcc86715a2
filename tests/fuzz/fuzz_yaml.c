/* libFuzzer target for metriclog's YAML (lib/track/yaml.c).  The first
 * byte picks the test:
 *   even: the rest is a meta.yaml text; every key MLflow writes is read
 *         from it, which must give a value or "absent", never a crash, a
 *         hang or a read past the text;
 *   odd:  the rest is a name; written as KEY: VALUE the way meta.yaml
 *         gets it, it must read back as the same bytes when it is UTF-8
 *         (the property that keeps a name from breaking meta.yaml for
 *         PyYAML or for us: issue 16 item 9). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "milldir/mlstore.h"
#include "milldir/types.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Is S (LEN bytes) valid UTF-8 with no NUL? */
static int
utf8_ok(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 :
		    c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
		unsigned long cp;
		if (c == 0 || n == 0 || i + n > len)
			return 0;
		cp = n == 1 ? c : c & (0x7f >> n);
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp < 0xe000))
			return 0;
		i += n;
	}
	return 1;
}

static void
read_keys(const char *text)
{
	static const char *const keys[] = {"name", "run_id", "run_uuid",
	    "run_name", "artifact_uri", "artifact_location", "user_id", "status",
	    "start_time", "end_time", "lifecycle_stage", "experiment_id", "x"};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *v = NULL;
		int rc = mdf_yaml_get(text, keys[i], &v);
		if (rc == 1 && v == NULL)
			abort();
		free(v);
	}
}

static void
round_trip(const char *val, size_t len)
{
	char *buf = NULL, *got = NULL;
	size_t blen = 0;

	if (!utf8_ok((const unsigned char *)val, len))
		return;
	if (mdf_yaml_put_str(&buf, &blen, "name", val) < 0)
		return;
	/* A value on one line, whatever it holds: meta.yaml is flat. */
	if (memchr(buf, '\n', blen) != buf + blen - 1)
		abort();
	if (mdf_yaml_get(buf, "name", &got) != 1 || strcmp(got, val) != 0) {
		fprintf(stderr, "wrote %s read back '%s'\n", buf, got ? got : "(none)");
		abort();
	}
	free(buf);
	free(got);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (size == 0)
		return 0;
	if ((s = malloc(size)) == NULL)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	if (data[0] & 1)
		round_trip(s, size - 1);
	else
		read_keys(s);
	free(s);
	return 0;
}
