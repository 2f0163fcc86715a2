/*
 * Command-line plumbing shared by the milldir tools: program name, error
 * messages in the form "TOOL: where: what", sysexits codes, and the
 * output stream rules of milldir(7) (no frames to a terminal, quiet death
 * on a broken pipe, checked close of stdout).  Unlike lib/, this code
 * prints and exits.
 */
#ifndef MILLDIR_CLI_H
#define MILLDIR_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "milldir/frame.h"

/* sysexits(3) codes used by every tool */
enum {
	EXIT_USAGE = 64,      /* EX_USAGE */
	EXIT_DATAERR = 65,    /* EX_DATAERR */
	EXIT_NOINPUT = 66,    /* EX_NOINPUT */
	EXIT_SOFTWARE = 70,   /* EX_SOFTWARE */
	EXIT_IOERR = 74,      /* EX_IOERR */
};

extern const char *mdc_prog;

/* Remember the program name (basename of ARGV0) for messages. */
void mdc_init(const char *argv0);

/* "TOOL: message" on stderr. */
void mdc_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "TOOL: message", then exit with STATUS. */
_Noreturn void mdc_die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "TOOL: message" and "Try 'TOOL --help' for more information.", exit 64. */
_Noreturn void mdc_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "TOOL (milldir) VERSION" on stdout and exit 0. */
_Noreturn void mdc_version(void);

/* Open a frame input ("-" or NULL: stdin); exits 66 with the file name and
 * strerror if it cannot be opened. */
struct mdf_reader *mdc_open_in(const char *path);
/* Report a failed mdf_read (RC < 0) and exit with its sysexits code. */
_Noreturn void mdc_die_read(struct mdf_reader *r, int rc);
/* "NAME: frame N (byte B)" of the frame R read last, the one way a tool
 * names a frame (a static buffer, overwritten by the next call). */
const char *mdc_where(const struct mdf_reader *r);
/* "TOOL: NAME: frame N (byte B): message", then exit with STATUS. */
_Noreturn void mdc_die_frame(const struct mdf_reader *r, int status,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* N bytes of TEXT with control characters, C1 controls, U+2028/U+2029
 * and bytes that are not UTF-8 written as \xHH: what every message goes
 * through, so that names from input never drive a terminal. */
void mdc_escape(FILE *fp, const char *text, size_t n);

/* The tail of every getopt_long loop: `default: mdc_option(c, argv,
 * help);`.  -h calls HELP (prints on stdout, exits 0), -V the version;
 * anything else is a bad option or a missing argument (the option string
 * starts with ':'), reported in one line with the --help hint, exit 64. */
_Noreturn void mdc_option(int c, char **argv, void (*help)(void));
/* Print TEXT on stdout (checked) and exit 0: a help function's body. */
_Noreturn void mdc_help(const char *text);

/* The frame output on stdout; refuses a terminal (exit 64).  FLAGS as
 * for mdf_writer_open (MDF_FLAG_ZLIB); the environment
 * MILLDIR_COMPRESS=1 also sets it. */
struct mdf_writer *mdc_open_out(unsigned flags);
/* Write one frame; on EPIPE dies of SIGPIPE quietly, on other errors
 * exits 74, on an invalid frame exits 70 (a bug in the tool). */
void mdc_write(struct mdf_writer *w, const struct mdf_frame *f);
/* Flush and close stdout (checked, EPIPE rule as above); frees W. */
void mdc_close_out(struct mdf_writer *w);
/* For tools with text output: flush/close stdout with the same rules. */
void mdc_close_stdout(void);

/* Strict number parsing for option arguments: exit 64 naming OPTION on
 * anything but a whole number in [MIN, MAX] / a finite double. */
long mdc_parse_long(const char *option, const char *arg, long min, long max);
double mdc_parse_double(const char *option, const char *arg);
/* "AxB" (FORM names it in the message, as "WxH") into two whole numbers
 * from 1 to MAX; exit 64 naming OPTION otherwise. */
void mdc_parse_pair(const char *option, const char *form, const char *arg,
    long max, uint32_t *a, uint32_t *b);
/* A colour "R,G,B", or also "R,G,B,A" when MAXN is 4, of whole numbers
 * from 0 to 255 into RGBA; the number of components.  Exit 64 naming
 * OPTION otherwise. */
int mdc_parse_colour(const char *option, const char *arg, unsigned char *rgba,
    int maxn);
/* The index of ARG in the NULL-terminated list NAMES; exit 64 naming
 * OPTION and listing the names ("expected a, b or c") otherwise. */
int mdc_parse_choice(const char *option, const char *arg,
    const char *const *names);
/* The one optional FILE operand left after getopt_long (NULL: none, read
 * stdin); exit 64 on a second one. */
const char *mdc_input_operand(int argc, char **argv);

#endif
