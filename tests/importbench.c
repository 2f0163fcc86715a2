/* importbench: parser-only import speed, for make bench.
 *
 *   importbench [-r RUNS] FILE
 *
 * Maps FILE and parses it RUNS times (default 5) with mdf_import_buffer
 * into one reused frame, then prints the best wall and CPU time per run
 * and the throughput in MB/s.  The frame is not written, so this is the
 * parser and geometry cost alone, without the frame's CRC and output. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "milldir/import.h"

static double
seconds(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int
main(int argc, char **argv)
{
	int runs = 5, fd, c;
	struct stat st;
	unsigned char *buf;
	struct mdf_import im;
	struct mdf_frame f;
	double wall = 1e30, cpu = 1e30;

	while ((c = getopt(argc, argv, "r:")) != -1)
		if (c == 'r')
			runs = atoi(optarg);
		else
			return 64;
	if (optind != argc - 1) {
		fputs("usage: importbench [-r RUNS] FILE\n", stderr);
		return 64;
	}
	if ((fd = open(argv[optind], O_RDONLY)) < 0 || fstat(fd, &st) < 0 ||
	    st.st_size == 0 || (buf = mmap(NULL, (size_t)st.st_size, PROT_READ,
	    MAP_PRIVATE | MAP_POPULATE, fd, 0)) == MAP_FAILED) {
		perror(argv[optind]);
		return 66;
	}
	mdf_import_init(&im, 0);
	mdf_frame_init(&f);
	for (int i = 0; i < runs; i++) {
		double w = seconds(CLOCK_MONOTONIC);
		double p = seconds(CLOCK_PROCESS_CPUTIME_ID);

		if (mdf_import_buffer(&im, mdf_import_format_of(argv[optind]), buf,
		    (size_t)st.st_size, &f) < 0) {
			fprintf(stderr, "importbench: %s: %s\n", argv[optind], im.why);
			return 65;
		}
		p = seconds(CLOCK_PROCESS_CPUTIME_ID) - p;
		w = seconds(CLOCK_MONOTONIC) - w;
		wall = w < wall ? w : wall;
		cpu = p < cpu ? p : cpu;
	}
	printf("%s: %llu triangles, %lld bytes: best wall %.4f s (%.0f MB/s), "
	    "cpu %.4f s (%.0f MB/s)\n", im.kind,
	    (unsigned long long)im.triangles, (long long)st.st_size, wall,
	    (double)st.st_size / wall / 1e6, cpu, (double)st.st_size / cpu / 1e6);
	mdf_frame_free(&f);
	mdf_import_free(&im);
	munmap(buf, (size_t)st.st_size);
	close(fd);
	return 0;
}
