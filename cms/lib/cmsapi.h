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
    uint32_t blocks;          /* 800-byte data blocks */
    char date[9], time[6];    /* "mm/dd/yy", "hh:mm" */
    uint8_t year, month, day; /* year 0-99 */
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
int fslist(const char *fn, const char *ft, const char *fm, uint32_t *cursor, struct cms_fst *fst);

/* FSREAD (RDBUF): record recno (0 = the next one) into buf. 0 with *len
 * the length read; 1 not found; 8 buffer too small (truncated, *len the
 * record's length); 12 end of file; others as R6. */
int fsread(const char *fn, const char *ft, const char *fm, uint32_t recno, void *buf, size_t size,
           size_t *len);

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

/* FSRENAME (ours; R6's RENAME changed the FST itself): fn ft fm (a
 * letter, perhaps a number) becomes nfn nft with mode number nnum ('0'-
 * '6', or 0 to keep it), on the same disk. 0; 20 invalid character; 24
 * invalid mode; 28 not found; 36 disk not accessed; 12 read-only; 8 a
 * file nfn nft is there already; 100 a disk error. */
int fsrename(const char *fn, const char *ft, const char *fm, const char *nfn, const char *nft,
             char nnum);

/* ------------------------------------------------------------ disks */

/* An accessed disk as the nucleus keeps it (DISKINFO). */
struct cms_disk {
    char mode, parent;    /* 'A'-'Z'; parent 0 if it extends none */
    uint16_t vaddr, type; /* type: 0x3350 ... */
    bool readonly;        /* accessed read-only */
    bool link_rw;         /* the link is read/write */
    bool filtered;        /* ACCESS with a file id: some files only */
    char label[7];
    uint32_t cylinders, files, used, left, total; /* used/left/total: 800-byte blocks */
};

/* DISKINFO: the disk accessed as mode, or (mode 0) at vaddr. 0; 36 none. */
int cms_diskinfo(char mode, unsigned vaddr, struct cms_disk *d);

/* DISKACC: access vaddr as mode (parent: the mode it extends, or 0), in
 * place of the disk there. With fn (and ft, num: '0'-'6' or '*' for
 * every number but 0) only matching files are seen, read-only. 0; 1 no
 * such DASD; 3 not a CMS disk; 4 I/O error; 5 directory damaged; 24. */
int cms_access(unsigned vaddr, char mode, char parent, const char *fn, const char *ft, char num);

/* DISKREL: release the disk at mode. 0; 36 not accessed; 40 in use. */
int cms_release(char mode);

/* DISKFMT: what 'G' the geometry only (geom: type, link_rw, cylinders of
 * the minidisk); 'F' format every track and write an empty file system
 * of cyl cylinders (0: all) labelled label; 'L' only a new label; 'R'
 * the file system's size changed to cyl, its files kept. The disk must
 * not be accessed. 0; 1 no such disk; 36 read-only; 8 (R) the files need
 * more cylinders; 9 not a CMS disk; 100 I/O error; 104 no storage. */
int cms_diskfmt(unsigned vaddr, char what, unsigned cyl, const char *label, struct cms_disk *geom);

/* ------------------------------------------------------------ unit record */

/* CARDPH: punch one card (len <= 80 bytes, EBCDIC, blank padded) on 00D.
 * PRINTR: print one line (len <= 132) on 00E with CCW command ccw (0:
 * X'09', write and space one line; X'01' write without spacing; an
 * immediate space or skip such as X'8B' takes no data).
 * CARDRD: the next card of the reader 00C into buf (EBCDIC), *len its
 * length.
 * 0; 2 bad buffer or length; 3 no such device; 8 (CARDRD) no file in the
 * reader; 12 (CARDRD) end of file; 100 I/O error. The file ends with CP's
 * CLOSE (cp_command "CLOSE 00D"). */
int cardph(const void *card, size_t len);
int printr(const void *line, size_t len, uint8_t ccw);
int cardrd(void *buf, size_t size, size_t *len);

/* DIAGNOSE X'14' on the reader 00C (diagnose/DIAGNOSE.md 3.6): subcode
 * sub (DIAG14_* of diagnose/diag.h), operand op (a spoolid, a count), area
 * a page-aligned 4096-byte buffer or a 104-byte descriptor area. Returns
 * the condition code: 0 done, 1 end of file, 2 no such file, 3 error
 * (*reason). */
int rdrdiag(unsigned sub, uint32_t op, void *area, unsigned *reason);

/* ------------------------------------------------------------ settings */

#define CMS_IMPCP 0x80
#define CMS_IMPEX 0x40
#define CMS_SMSG  0x20 /* SET RDYMSG SMSG */
#define CMS_NOMSG 0x10 /* the EXEC that runs has &CONTROL NOMSG */

/* NUCON: change a setting (name "IMPCP", "IMPEX", "RDYMSG" with value
 * "ON"/"OFF", "SMSG"/"LMSG"), or only read them (name NULL). 0 or 24;
 * *flags (if not NULL) = CMS_* of the settings after the call. */
int cms_nucon(const char *name, const char *value, unsigned *flags);

/* QRYSVC: the nucleus types how often programs called what. */
int cms_query_svc(void);

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
