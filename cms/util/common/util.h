/*
 * util.h - what the CMS utility programs (COPYFILE, SORT, COMPARE) share:
 * R6-style messages, options after "(", file identifiers with "*" and
 * "=", EBCDIC character tables, and writing an output file through a
 * work file so that the old version survives every failure.
 *
 * Everything here is written against the program interface of
 * cms/lib/cmsapi.h only (plus lib/: snprintf, string functions, abbrev
 * and parse_dec32, and console/ebcdic.h's tables), so the same code runs
 * as a MODULE in CMS and on the host under the unit tests.
 *
 * Conventions: "mod" is the three-letter module part of a message id
 * ("CPY" for DMSCPY); a function that types a message returns the CMS
 * return code that goes with it; 0 means nothing went wrong.
 */
#ifndef CMS_UTIL_COMMON_UTIL_H
#define CMS_UTIL_COMMON_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cms/lib/cmsapi.h"

#define UTIL_MAXREC 65535u /* the longest CMS record */

/* ---------------------------------------------------------------- messages */

/* Type "DMS<mod><id> text" (id: number and severity, "024E"). */
void util_msg(const char *mod, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Type a line of its own (no message id). */
void util_type(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---------------------------------------------------------------- options */

/* The index of the "(" that starts the options, or argc. */
int util_paren(int argc, char **argv);

enum { UTIL_ARG_NONE, UTIL_ARG_NUM, UTIL_ARG_WORD };

/* One option: its full name, the shortest abbreviation, what follows it. */
struct util_opt {
    const char *name;
    uint8_t min;
    uint8_t arg;
};
/* What was given for an option (index as in the table). */
struct util_optval {
    bool set;
    uint32_t num; /* UTIL_ARG_NUM: 1 to 2^32-1 */
    char word[9]; /* UTIL_ARG_WORD: the token */
};

/* Parse argv[first...] up to ")" against the n options of tab into val
 * (cleared first). 0, or 24 after DMSxxx003E INVALID OPTION, DMSxxx005E
 * NO 'opt' SPECIFIED or DMSxxx029E INVALID PARAMETER 'p' IN THE OPTION
 * 'opt' FIELD. A later option overrides an earlier one. */
int util_options(const char *mod, int argc, char **argv, int first, const struct util_opt *tab,
                 int n, struct util_optval *val);
/* pairs[k] = two option indexes that may not be given together: 0, or 24
 * after DMSxxx066E 'a' AND 'b' ARE CONFLICTING OPTIONS. */
int util_conflicts(const char *mod, const struct util_opt *tab, const struct util_optval *val,
                   const uint8_t (*pairs)[2], int npairs);

/* A strictly decimal number 1 to 2^32-1. */
bool util_number(const char *s, uint32_t *v);

/* A device address: 1-4 hexadecimal digits. */
bool util_vaddr(const char *s, unsigned *v);

/* Does the EXEC that runs this command have &CONTROL NOMSG (no FILE NOT
 * FOUND from ERASE, LISTFILE, RENAME, STATE)? */
bool util_nomsg(void);

/* ---------------------------------------------------------------- file ids */

/* A file id as typed: three tokens (uppercase ASCII), e.g. "*" "TEST" "A";
 * a valid fm is a letter and perhaps a number ("A", "A1"). */
struct util_fid {
    char fn[9], ft[9], fm[9];
};

/* What a token may hold besides a plain name. */
enum {
    UTIL_STAR = 1, /* "*" or a "xx*" pattern */
    UTIL_EQ = 2    /* "=", "xx=" or "=xx": the corresponding id of another file */
};

/* Copy argv[i..i+2] into f. */
void util_fid_take(struct util_fid *f, char **argv, int i);
/* Exactly two file ids before "(" (argv[1..6], paren the index of "("
 * or argc): 0, or 24 after DMSxxx001E NO FILENAME SPECIFIED, DMSxxx054E
 * INCOMPLETE FILEID SPECIFIED or DMSxxx070E INVALID PARAMETER 'p'. */
int util_two_fids(const char *mod, int paren, char **argv, struct util_fid *a, struct util_fid *b);
/* Check f's characters (allow: UTIL_STAR, UTIL_EQ for every field): 0,
 * or 20 after DMSxxx062E INVALID CHARACTER 'c' IN FILEID 'fn ft fm', or 24
 * after DMSxxx048E INVALID MODE 'fm'. */
int util_fid_check(const char *mod, const struct util_fid *f, unsigned allow);
bool util_has(const char *tok, char c);
/* out = tok with its "=" replaced by actual (at most 8 characters kept). */
void util_subst(char out[9], const char *tok, const char *actual);
/* The id of a file FSSTATE or FSLIST found (fm with its number, "A1"). */
void util_fst_fid(struct util_fid *f, const struct cms_fst *fst);
/* "FN FT FM". */
void util_fid_text(char *out, size_t size, const struct util_fid *f);

/* FSSTATE f: 0 with *fst; else the message (DMSxxx002E FILE 'fn ft fm'
 * NOT FOUND rc 28, DMSxxx069E DISK 'm' NOT ACCESSED rc 36, invalid
 * characters or mode rc 20/24) when msg, and the return code. */
int util_state(const char *mod, const struct util_fid *f, struct cms_fst *fst, bool msg);
int util_not_found(const char *mod, const struct util_fid *f);
/* The operands argv[first..paren) are "fn ft [fm]" of a file that must
 * exist (fm default: any disk): 0 with *f (its mode with the number) and
 * *fst; else the message (DMSxxx054E INCOMPLETE FILEID SPECIFIED or
 * DMSxxx070E INVALID PARAMETER: 24; util_state's) and the return code. */
int util_existing_file(const char *mod, char **argv, int first, int paren, struct util_fid *f,
                       struct cms_fst *fst);
/* FSSTATE of an output file f: *exists (*fst), and f->fm gets a mode
 * number if it has none: the existing file's, else dflt (R6's rule). 0,
 * or the message and rc (36: DMSxxx069E DISK 'm' NOT ACCESSED). */
int util_out_state(const char *mod, struct util_fid *f, char dflt, struct cms_fst *fst,
                   bool *exists);

/* The message for a failed FSREAD (DMSxxx104S ERROR 'nn' READING FILE ...
 * FROM DISK) or FSWRITE/FSCLOSE (DMSxxx037E DISK 'm' IS READ/ONLY for 12,
 * DMSxxx069E for 36, else DMSxxx105S ERROR 'nn' WRITING FILE ... ON DISK);
 * returns the CMS return code (100, 36). */
int util_read_error(const char *mod, int rc, const struct util_fid *f);
int util_write_error(const char *mod, int rc, const struct util_fid *f);

/* ---------------------------------------------------------------- the reader */

/* CARDRD, after the card util_unread gave back (RECEIVE looks at a
 * file's first card to choose DISK LOAD or READCARD). */
int util_cardrd(uint8_t card[80], size_t *len);
void util_unread(const uint8_t card[80]);

/* ---------------------------------------------------------------- storage */

/* DMSFREE; NULL after DMSxxx109S VIRTUAL STORAGE CAPACITY EXCEEDED. */
void *util_alloc(const char *mod, size_t bytes);
void util_free(void *p, size_t bytes);
#define UTIL_NOSTORAGE 104 /* the return code that goes with 109S */

/* ---------------------------------------------------------------- EBCDIC */

/* The EBCDIC code of an ASCII character and back (code page 037). */
uint8_t util_a2e(char c);
char util_e2a(uint8_t b);
/* t[b] = b for every byte. */
void util_xlate_identity(uint8_t t[256]);
/* Map the EBCDIC lower-case letters of t's targets to upper case (upper)
 * or the upper-case ones to lower case. */
void util_xlate_case(uint8_t t[256], bool upper);
/* Two hexadecimal digits (either case) as a byte. */
bool util_hexbyte(const char *s, uint8_t *b);

/* ---------------------------------------------------------------- output */

/* A new version of an output file, written under a work file's name on
 * the output's disk and made the output only when it is whole (the way
 * R6's COPYFILE used COPYFILE CMSUT1): FSCLOSE of the work file, FSERASE
 * of the old output, then FSRENAME. Any failure before the commit erases the work file and leaves
 * the old output as it was. */
struct util_work {
    const char *mod;
    struct util_fid work; /* e.g. COPYFILE CMSUT1 A1: the output's disk and mode number */
    struct util_fid out;  /* what the user named, for messages */
    char recfm;
    uint32_t records; /* written so far */
};
/* Set up (erasing a work file left by an earlier failure). out.fm must
 * have its letter and number. */
void util_work_start(struct util_work *w, const char *mod, const char *wfn, const char *wft,
                     const struct util_fid *out, char recfm);
/* FSWRITE the next record: 0, or the message and the return code (the
 * work file is dropped then). */
int util_work_write(struct util_work *w, const void *rec, size_t len);
/* Drop what was written. */
void util_work_drop(struct util_work *w);
/* Make the work file the output (erasing the old output if exists): 0, or
 * the message and return code. */
int util_work_commit(struct util_work *w, bool exists);

#endif
