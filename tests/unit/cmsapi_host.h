/*
 * cmsapi_host.h - a CMS of its own for the unit tests of programs written
 * against cms/lib/cmsapi.h (the commands in cms/util): cmsapi_host.c
 * implements the whole interface on the host over the real file system
 * (cms/fs/) and gives the tests its controls here.
 *
 * The machine: four minidisks in storage, three accessed as A (R/W, 570
 * blocks), B (R/W, 40 blocks: it fills up) and S (R/O, 570 blocks), in
 * the search order A, B, S, at 191, 192 and 190, and 19F (R/W, 20
 * blocks, not accessed); a console whose typed lines are kept as one
 * transcript and whose reads come from a queue; NUCON's settings;
 * cmscmd lines recorded; DMSFREE storage that is counted and can be made to fail.
 *
 * File ids in the controls are "FN FT M" or "FN FT Mn" (ASCII); records
 * are given and returned as ASCII and kept on disk in EBCDIC.
 */
#ifndef TESTS_UNIT_CMSAPI_HOST_H
#define TESTS_UNIT_CMSAPI_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Fresh, empty disks and console; everything of the last test freed. */
void host_reset(void);

/* Run a program's main as CMS would for the command line: tokens split at
 * blanks and at "(" and ")", upper-cased, at most 8 characters; argv[0]
 * is the command's name. Returns its return code. */
int host_run(int (*prog)(int, char **), const char *line);

/* Put a file on a disk (also on the R/O S disk): F records are padded
 * with blanks to lrecl; for V lrecl is ignored. The mode number defaults
 * to 1. */
void host_put(const char *id, char recfm, unsigned lrecl, const char *const *recs, unsigned n);

/* A file as it is on disk: records translated to ASCII. */
struct host_file {
    bool found;
    char recfm;
    unsigned lrecl, n;
    char fm[3];
    char **rec; /* NUL-terminated (records hold no X'00' in the tests) */
    size_t *len;
};
bool host_get(const char *id, struct host_file *f);
void host_file_free(struct host_file *f);

/* The console: queue a line for WAITRD; the transcript of TYPLIN (each
 * line ended by '\n'); how many reads there were. */
void host_input(const char *line);
const char *host_output(void);
int host_reads(void);
/* The cmscmd lines, each ended by '\n'. */
const char *host_commands(void);

/* The disk's blocks not in use; a copy of its image and whether the
 * image is still that copy. */
uint32_t host_blocks_left(char mode);
void *host_image(char mode);
bool host_image_same(char mode, const void *image);

/* The unit-record devices: a card for the reader (ASCII, read after the
 * ones before it; after the last, one end of file, then "no file"); the
 * cards punched (80 columns each, '\n' after each) and the lines printed
 * ("09 text\n": the CCW command in hex, the line). cp_command's lines
 * are recorded with cmscmd's (host_commands); CLOSE, SPOOL, ORDER and
 * MSG give 0, other CP commands 1 and no response. */
void host_reader_card(const char *card);
/* rdrdiag (DIAGNOSE X'14') sees the reader's cards as file 0001, 40 cards
 * a buffer. The cards punched so far, byte for byte, become the reader's next
 * cards (SPOOL PUNCH TO *); returns how many. */
size_t host_punch_to_reader(void);
const char *host_punched(void);
const char *host_printed(void);

/* The NUCON settings (CMS_IMPCP ... CMS_NOMSG of cmsapi.h). */
void host_set_nucon(unsigned flags);

/* DMSFREE call number k from now (1-based) fails; 0: none fails. */
void host_fail_dmsfree(long k);
/* Block read number k from now (1-based) on any disk fails: an I/O error. */
void host_fail_read(long k);

/* After a program: no file left open, no DMSFREE storage held, no misuse
 * of the interface (an erase or rename of an open file, a wrong DMSFRET
 * size), no work file left, and every disk opens again with its
 * directory whole. Otherwise false with why. */
bool host_check(char *why, size_t size);

#endif
