/*
 * cmsapi.h - CMS's program interface for C programs that run as MODULE
 * files (the role of R6's FSREAD/FSWRITE/WRTERM/RDTERM/... macros).
 *
 * Every function here is an SVC 202 call with the R6 parameter list of
 * the nucleus function named in its comment (vm370.md 5.6): the names and
 * file ids in the plists are EBCDIC, 8-byte blank padded, as an assembler
 * program would build them; this library translates from the ASCII C
 * strings its callers use. Return codes are the R6 ones.
 *
 * The same header is implemented on the host (tests/unit) over the file
 * system code, so the utilities built on it (COPYFILE, SORT, COMPARE,
 * EDIT) are unit-tested there.
 *
 * File ids are given as three C strings: fn and ft (1-8 characters) and
 * fm ("A", "A1", "*" or "" for the default A1 when writing / any accessed
 * disk when reading). Record contents are bytes as on disk (EBCDIC text).
 */
#ifndef CMS_LIB_CMSAPI_H
#define CMS_LIB_CMSAPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What FSSTATE tells of a file (from its FST). */
struct cms_fst {
    char fn[9], ft[9]; /* ASCII, no padding */
    char fm[3];        /* e.g. "A1" */
    char recfm;        /* 'F' or 'V' */
    uint32_t lrecl;    /* F: record length; V: the longest record */
    uint32_t records;
    uint32_t blocks;             /* 800-byte data blocks */
    char date[9], time[6];       /* "mm/dd/yy", "hh:mm" */
    uint8_t year, month, day;    /* year 0-99 */
    uint8_t hour, minute, second;
    bool readonly; /* the disk it is on is read-only */
};

/* ------------------------------------------------------------ files */

/* FSSTATE (STATE): 0, 20 invalid character in the file id, 24 invalid
 * filemode, 28 not found, 36 disk not accessed. fn/ft may be "*" (the
 * first match in the search order). */
int fsstate(const char *fn, const char *ft, const char *fm, struct cms_fst *fst);

/* The files matching fn ft fm ("*" and "xx*" patterns, fm "*" = every
 * accessed disk) in search order, one by one: *cursor = 0 to start;
 * returns 0 and the next file, 28 after the last one (or none), 24/36 as
 * FSSTATE. (Our nucleus function FSTLIST; R6's commands walked the
 * in-storage FST blocks themselves.) */
int fslist(const char *fn, const char *ft, const char *fm, uint32_t *cursor,
           struct cms_fst *fst);

/* FSREAD (RDBUF): record recno (0 = the next one) into buf. 0 with *len
 * the length read; 1 not found; 8 buffer too small (truncated, *len the
 * record's length); 12 end of file; others as R6. */
int fsread(const char *fn, const char *ft, const char *fm, uint32_t recno, void *buf,
           size_t size, size_t *len);

/* FSWRITE (WRBUF): record recno (0 = after the last one) of a file made
 * with recfm 'F' (every record lrecl = len bytes) or 'V'. A new file is
 * created on fm (default A1). 0; 12 read-only; 13 disk full; 15 length
 * differs from the F records before; 16 recfm differs; others as R6. */
int fswrite(const char *fn, const char *ft, const char *fm, uint32_t recno, char recfm,
            const void *buf, size_t len);

/* FSCLOSE (FINIS): the file's directory entry is written (files being
 * written become visible, whole, only now). fn "*" closes every file. */
int fsclose(const char *fn, const char *ft, const char *fm);

/* FSERASE (ERASE): 0; 24 invalid filemode; 28 not found; 36 disk not
 * accessed; 12 read-only. */
int fserase(const char *fn, const char *ft, const char *fm);

/* ------------------------------------------------------------ console */

/* TYPLIN: type len bytes of ASCII text as one line. */
int wrterm(const char *text, size_t len);

/* WAITRD: read a line from the console stack or the terminal into buf
 * (ASCII, NUL-terminated, at most size-1 characters); upper = WAITRD 'U'.
 * Returns its length. */
int rdterm(char *buf, size_t size, bool upper);

/* ATTN: stack a line (ASCII) FIFO or LIFO in the console stack. */
int attn(const char *line, bool lifo);

/* SENTRIES: the number of lines in the console stack. */
int sentries(void);

/* ------------------------------------------------------------ commands */

/* Run a CMS command line (ASCII), tokenised into an R6 plist, through
 * SVC 202: its return code, -3 if no such command. */
int cmscmd(const char *line);

/* A CP command through DIAGNOSE X'08'; its response (ASCII, lines ending
 * in '\n') in resp if not NULL. Returns CP's return code. */
int cp_command(const char *line, char *resp, size_t size);

/* ------------------------------------------------------------ storage */

/* DMSFREE / DMSFRET (SVC 203): free storage in doublewords. */
void *dmsfree(size_t bytes);
void dmsfret(void *p, size_t bytes);

#endif
