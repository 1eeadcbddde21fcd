/*
 * cmslib.h - the C runtime's own half (cms/lib/README.md): building R6
 * parameter lists (plist.c), parsing fopen's arguments (fmode.c), and the
 * SVC calls. plist.c and fmode.c are portable: the unit tests run them on
 * the host (tests/unit/test_cmslib.c).
 */
#ifndef CMS_LIB_CMSLIB_H
#define CMS_LIB_CMSLIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cms/lib/plist.h"

/* ------------------------------------------------------------ plist.c */

#define CMSLIB_MAXTOK 64 /* tokens in a command's plist (the nucleus's limit) */

/* Split a command line as CMS's scanner does (DMSSCN): blank-delimited
 * words, "(" and ")" tokens of their own, each cut to 8 characters and
 * blank padded, as typed. Returns the number of tokens (at most max). */
int cmslib_scan(const char *line, char (*tok)[8], int max);

/* Tokenise a command line as CMS does: blank-delimited words, "(" and
 * ")" tokens of their own, each upper-cased, truncated to 8 characters,
 * blank padded, in EBCDIC; then the fence X'FF'*8. out holds (max+1)*8
 * bytes. Returns the number of tokens (at most max). */
int cmslib_tokens(const char *line, uint8_t *out, int max);

/* An 8-byte EBCDIC name field: upper-cased, blank padded. false (field
 * all blanks) if name is empty or longer than 8. */
bool cmslib_field(uint8_t out[8], const char *name);

/* The two bytes of a file mode: "" -> blanks (the function's default),
 * "A", "a1", "*" ... false if longer than 2 characters. */
bool cmslib_fmode(uint8_t out[2], const char *fm);

/* The FSCB (vm370.md 5.6): func (e.g. "RDBUF") and the file id, the
 * rest zero. false if a field is too long or fn/ft empty. */
#define CMSLIB_FSCBLEN 44
#define FSCB_ITNO      26
#define FSCB_BUFF      28
#define FSCB_SIZE      32
#define FSCB_FV        36
#define FSCB_FLG       37
#define FSCB_NOIT      38
#define FSCB_NORD      40
#define FSCB_REPL      0x01 /* FSCBFLG: start the file anew (the nucleus's extension) */
bool cmslib_fscb(uint8_t p[CMSLIB_FSCBLEN], const char *func, const char *fn, const char *ft,
                 const char *fm);

/* ------------------------------------------------------------ fmode.c */

struct cmslib_fopen {
    char fn[9], ft[9], fm[3]; /* upper case; fm "" if not given */
    char how;                 /* 'r', 'w' or 'a' */
    bool binary;
    char recfm;     /* 'F', 'V', 0 not given */
    uint32_t lrecl; /* 0 not given */
};
/* fopen's file name ("FN FT [FM]", blanks or dots between) and mode
 * ("r", "w", "a", with "b" or "t", then ",recfm=F,lrecl=80" keywords;
 * other keywords are ignored, "+" is refused). 0, or -1 if invalid. */
int cmslib_fopen_parse(const char *name, const char *mode, struct cmslib_fopen *o);

/* ------------------------------------------------------------ SVCs (s390 only) */

#if defined(__s390__)
/* R6 returns the code in R15, which is GCC's stack pointer: each call
 * keeps R15 in another register across the SVC and puts it back. */

/* SVC 202 with R1 -> plist and DC AL4(1) (errors come back in R15).
 * *r0 (if not NULL) gets R0 on return. */
static inline int cmslib_svc202(void *plist, uint32_t *r0)
{
    register void *r1 __asm__("1") = plist;
    register uint32_t rr0 __asm__("0") = 0;
    uint32_t sp;
    int rc;
    __asm__ volatile("lr %[sp],%%r15\n\tsvc 202\n\t.long 1\n\tlr %[rc],%%r15\n\tlr %%r15,%[sp]"
                     : [rc] "=&d"(rc), [sp] "=&d"(sp), "+d"(r1), "+d"(rr0)
                     :
                     : "memory");
    if (r0)
        *r0 = rr0;
    return rc;
}

/* SVC 203 with a negative (error-returning) code: R0 in, R1 in and out. */
static inline int cmslib_svc203(short code, uint32_t r0, uint32_t *r1)
{
    register uint32_t rr0 __asm__("0") = r0;
    register uint32_t rr1 __asm__("1") = *r1;
    uint32_t sp;
    int rc;
    __asm__ volatile("lr %[sp],%%r15\n\tsvc 203\n\t.short %[code]\n\tlr %[rc],%%r15\n\t"
                     "lr %%r15,%[sp]"
                     : [rc] "=&d"(rc), [sp] "=&d"(sp), "+d"(rr0), "+d"(rr1)
                     : [code] "i"(code)
                     : "memory");
    *r1 = rr1;
    return rc;
}
#endif

/* stdio.c: flush and close every FILE (exit). */
void cmslib_close_all(void);

#endif
