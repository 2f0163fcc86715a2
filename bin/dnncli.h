/* Start-up shared by dnntrain and dnnpredict (prints and exits). */
#ifndef MILLDIR_DNNCLI_H
#define MILLDIR_DNNCLI_H

/* Apply MILLDIR_DNN_MODE, set OpenBLAS's environment (executing the
 * program again if it had to change it: OpenBLAS reads it when loaded),
 * check that our gemm really replaces Darknet's, and set THREADS. */
void dnncli_start(char **argv, long threads);

#endif
