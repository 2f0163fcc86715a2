/* libFuzzer target for the network cfg check (lib/dnn/cfg.c): any text
 * must be accepted or refused with a reason, never crash, hang or read
 * out of bounds; what it accepts, rewritten as dnntrain rewrites it,
 * checked again and with milldir's own layers replaced by their stand-ins
 * (mdf_dnet_cfg_darknet), Darknet must build without exiting, aborting or
 * crashing (the check accepts only what Darknet's builder handles). */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <darknet.h>
#include <sanitizer/lsan_interface.h>

#include "dnn/dnet.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[] = "/tmp/fuzz_cfg-XXXXXX";
static int devnull = -1;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* small networks only: Darknet allocates what the cfg asks for */
	setenv("MILLDIR_DNN_MAX_MB", "64", 1);
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	devnull = open("/dev/null", O_WRONLY);
	return 0;
}

/* Darknet builds TEXT; its words go to /dev/null, its leaks (free_network
 * forgets some buffers, read_cfg its options) are not ours. */
static void
build(const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0)
		abort();
	int saved = dup(2);
	dup2(devnull, 2);
	__lsan_disable();
	network *net = parse_network_cfg(path);
	if (!net)
		abort();
	free_network(net);
	__lsan_enable();
	dup2(saved, 2);
	close(saved);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mdf_dnet_cfg cfg;
	struct mdf_dnet_hyper hp = { 2, 0.01, 0.9, 0.0005, "poly", 10 };
	char why[512], *text = malloc(size + 1), *patched;
	int rc;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	why[0] = '\0';
	rc = mdf_dnet_cfg_check("fuzz.cfg", text, &cfg, why, sizeof why);
	if (rc < 0 && rc != MDF_E_NOMEM && !why[0])
		abort();        /* a refusal without a reason */
	if (rc == MDF_OK && mdf_dnet_cfg_patch(text, 3, &hp, &patched, why, sizeof why) == MDF_OK) {
		char *dtext;
		unsigned char *kinds;
		int nkinds;
		if (mdf_dnet_cfg_check("patched.cfg", patched, &cfg, why, sizeof why) == MDF_OK &&
		    mdf_dnet_cfg_darknet(patched, &dtext, &kinds, &nkinds, why, sizeof why) == MDF_OK) {
			build(dtext);
			free(dtext);
			free(kinds);
		}
		free(patched);
	}
	free(text);
	return 0;
}
