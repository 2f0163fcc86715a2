/* Start-up shared by dnntrain and dnnpredict; see dnncli.h. */
#include "config.h"

#include <stdlib.h>

#include "cli.h"
#include "dnn/dnet.h"
#include "dnncli.h"

void
dnncli_start(char **argv, long threads)
{
	const char *mode = getenv("MILLDIR_DNN_MODE");
	char why[1024];
	int rc;

	if (mode && *mode) {
		if ((rc = mdf_dnet_mode_parse(mode)) < 0)
			mdc_usage("MILLDIR_DNN_MODE=%s: want stock, gemm or fast", mode);
		mdf_dnet_set_mode((enum mdf_dnet_mode)rc);
	}
	/* OpenBLAS reads its environment when loaded: set it, start again */
	mdf_dnet_restart(argv);
	if (mdf_dnet_check_overrides(why, sizeof why) < 0)
		mdc_die(EXIT_SOFTWARE, "%s", why);
	mdf_dnet_set_threads((int)threads);
}
