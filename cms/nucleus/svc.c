/*
 * svc.c - how programs call CMS: SVC 202 (a function or command by name)
 * and SVC 203 (nucleus services by code), the jobs of R6's DMSITS and of
 * DMSFNC's function table (reference vm370.md 5.1 and 5.6; docs/cms.md,
 * "The program interface").
 *
 * Each SVC runs as a nucleus level on the SVC stack (start.S): cms_svc
 * gets the record of the caller's registers and PSW and changes it to
 * return R15 (and R0, R1 where a function says so) and the address to go
 * on at.
 *
 * SVC 202: R1 -> a parameter list whose first 8 bytes are the name
 * (EBCDIC). The byte after the SVC tells whether an error address
 * follows: 0 means DC AL4(erroraddr) follows (AL4(1): ignore errors) and
 * the normal return is after it. R15 = the return code; with an error
 * address and R15 != 0 control goes there. The name is looked for in the
 * function table below, then among the nucleus commands (cmdtab.c, with
 * their abbreviations), then as "name MODULE", then by the full name of
 * a system abbreviation (dmsint.c); -3 if nothing has it. A
 * parameter list the nucleus cannot read, or a name no file could have,
 * is -3 as well.
 *
 * SVC 203: a halfword code follows the SVC (negative: the same service,
 * asking for an error return instead of an abend: here every error is
 * returned). 1 DMSFREE: R0 = doublewords, returns R1 = the block's
 * address (user storage, given back when the program ends); 2 DMSFRET:
 * R0 = doublewords, R1 = the address. R15: 0; 1 not enough storage;
 * 2 invalid size; 3 not a block DMSFREE gave.
 */
#include <stdio.h>
#include <string.h>
#include "cms/lib/plist.h"
#include "cms/nucleus/cms.h"
#include "cms/nucleus/fileid.h"
#include "cms/nucleus/lowcore.h"
#include "console/ebcdic.h"
#include "lib/bytes.h"

#define MAXTOK      64
#define PLIST_FENCE 0xFF
#define TYPLIN_MAX  4096 /* the longest line TYPLIN takes */

static inline uint8_t *at(uint32_t a) { return (uint8_t *)(uintptr_t)a; }

bool cms_writable(uint32_t a, uint32_t n) { return a >= CMS_TRANS_AREA && cms_readable(a, n); }

static uint32_t psw_addr(const struct svcrec *s) { return get_be32(s->psw + 4) & 0xFFFFFF; }

static void set_psw_addr(struct svcrec *s, uint32_t a)
{
    put_be32(s->psw + 4, (get_be32(s->psw + 4) & 0xFF000000) | (a & 0xFFFFFF));
}

/* ---------------------------------------------------------------- console functions */

/* TYPLIN: CL8'TYPLIN', AL4(text), CL1'B|R' colour, AL3(length). */
static int fn_typlin(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, CONPL_SIZE))
        return 24;
    uint32_t text = get_be32(at(pl + CONPL_ADDR)) & 0xFFFFFF;
    uint32_t len = get_be32(at(pl + CONPL_LEN)) & 0xFFFFFF;
    if (len > TYPLIN_MAX)
        return 24;
    if (!cms_readable(text, len))
        return 2;
    char *line = cms_malloc(len + 1);
    if (!line)
        return 25;
    e2a(line, at(text), len);
    for (uint32_t i = 0; i < len; i++)
        if (line[i] == 0)
            line[i] = ' ';
    line[len] = 0;
    con_type(line); /* red (colour R) is not done: the 3215 has one colour */
    cms_mfree(line);
    return 0;
}

/* WAITRD: CL8'WAITRD', AL4(buffer), CL1 code ('U' upper case), AL3(size).
 * The line (EBCDIC) goes to the buffer; R0 = its length. */
static int fn_waitrd(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, CONPL_SIZE))
        return 24;
    uint32_t buf = get_be32(at(pl + CONPL_ADDR)) & 0xFFFFFF;
    uint32_t size = get_be32(at(pl + CONPL_LEN)) & 0xFFFFFF;
    if (size == 0 || !cms_writable(buf, size))
        return 2;
    char line[CMS_LINE_MAX + 1];
    int n = con_read(line, sizeof(line), at(pl + CONPL_CODE)[0] == 0xE4 /* U */);
    if ((uint32_t)n > size)
        n = (int)size;
    a2e(at(buf), line, (size_t)n);
    s->r[0] = (uint32_t)n;
    return 0;
}

/* ATTN: CL8'ATTN', CL4'FIFO'|'LIFO', AL1(length), AL3(line). */
static int fn_attn(struct svcrec *s, uint32_t pl)
{
    static const uint8_t lifo[4] = {0xD3, 0xC9, 0xC6, 0xD6}, fifo[4] = {0xC6, 0xC9, 0xC6, 0xD6};
    static const uint8_t blanks[4] = {0x40, 0x40, 0x40, 0x40};
    if (!cms_readable(pl, CONPL_SIZE))
        return 24;
    const uint8_t *p = at(pl);
    bool is_lifo = memcmp(p + CONPL_ADDR, lifo, 4) == 0;
    if (!is_lifo && memcmp(p + CONPL_ADDR, fifo, 4) != 0 && memcmp(p + CONPL_ADDR, blanks, 4) != 0)
        return 24;
    uint32_t len = p[CONPL_CODE], text = get_be32(p + CONPL_LEN) & 0xFFFFFF;
    if (!cms_readable(text, len))
        return 2;
    char line[256];
    e2a(line, at(text), len);
    line[len] = 0;
    con_stack(line, is_lifo);
    return 0;
}

/* SENTRIES: R15 = the lines in the console stack. */
static int fn_sentries(struct svcrec *s, uint32_t pl) { return con_stacked(); }

/* ---------------------------------------------------------------- SVC 202 */

typedef int svc_fn(struct svcrec *s, uint32_t plist);

/* The nucleus functions (R6's DMSFNC table, the part programs call with
 * an FSCB or their own parameter list rather than a command's tokens). */
static struct {
    const char *name;
    svc_fn *fn;
    unsigned calls; /* how often it was called */
} functions[] = {
    {"ATTN", fn_attn, 0},          {"CARDPH", ur_cardph, 0},    {"CARDRD", ur_cardrd, 0},
    {"PRINTR", ur_printr, 0},      {"DISKACC", sys_diskacc, 0}, {"DISKFMT", sys_diskfmt, 0},
    {"DISKINFO", sys_diskinfo, 0}, {"DISKREL", sys_diskrel, 0}, {"ERASE", fs_erase, 0},
    {"FINIS", fs_finis, 0},        {"FSRENAME", fs_rename, 0},  {"FSTLIST", fs_fstlist, 0},
    {"NUCON", sys_nucon, 0},       {"QRYSVC", sys_qrysvc, 0},   {"RDBUF", fs_rdbuf, 0},
    {"SENTRIES", fn_sentries, 0},  {"STATE", fs_state, 0},      {"STATEW", fs_statew, 0},
    {"TYPLIN", fn_typlin, 0},      {"WAITRD", fn_waitrd, 0},    {"WRBUF", fs_wrbuf, 0},
};

/* The name of a parameter list: 1-8 characters a file name may have. */
static bool plist_name(uint32_t pl, char name[9])
{
    e2a_field(name, at(pl), 8);
    return name[0] && strlen(name) <= 8 && fileid_valid(name, false);
}

/* The tokens of a tokenised plist, up to the fence (or the end of
 * storage, or MAXTOK), in ASCII. */
static int plist_tokens(uint32_t pl, char (*tok)[8], int max)
{
    static const uint8_t fence[8] = {PLIST_FENCE, PLIST_FENCE, PLIST_FENCE, PLIST_FENCE,
                                     PLIST_FENCE, PLIST_FENCE, PLIST_FENCE, PLIST_FENCE};
    int n = 0;
    for (; n < max && cms_readable(pl + 8u * (unsigned)n, 8); n++) {
        const uint8_t *t = at(pl + 8u * (unsigned)n);
        if (memcmp(t, fence, 8) == 0)
            break;
        e2a(tok[n], t, 8);
    }
    return n;
}

int svc_call(struct svcrec *s, uint32_t pl)
{
    char name[9];
    if (!cms_readable(pl, 8) || !plist_name(pl, name))
        return -3;
    for (size_t i = 0; i < sizeof(functions) / sizeof(functions[0]); i++)
        if (strcmp(name, functions[i].name) == 0) {
            functions[i].calls++;
            return functions[i].fn(s, pl);
        }
    char tok[MAXTOK][8], line[MAXTOK * 9 + 1];
    int n = plist_tokens(pl, tok, MAXTOK);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        char t[9];
        cms_tokstr(tok[i], t);
        len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%s", i ? " " : "", t);
    }
    line[len] = 0;
    return cms_run_named(name, tok, n, line);
}

static unsigned svc_count[2]; /* SVC 202, SVC 203 */

void svc_query(void)
{
    con_typef("SVC 202 %u, SVC 203 %u", svc_count[0], svc_count[1]);
    char line[CMS_LINE_MAX + 1];
    size_t n = 0;
    for (size_t i = 0; i < sizeof(functions) / sizeof(functions[0]); i++) {
        n += (size_t)snprintf(line + n, sizeof(line) - n, "%s%-8s %6u", n ? "   " : "",
                              functions[i].name, functions[i].calls);
        if (n > 60 || i + 1 == sizeof(functions) / sizeof(functions[0])) {
            con_type(line);
            n = 0;
        }
    }
}

/* SVCTRACE: a line as a call starts and one as it returns (our format). */
static bool tracing(void) { return nucon.svctrace && !nucon.svctrace_held; }

static void trace_call(const struct svcrec *s, unsigned svc, const char *what, uint32_t after)
{
    con_typef("SVC %u %-8s FROM %06X R0 %08X R1 %08X", svc, what, (unsigned)(after - 2),
              (unsigned)s->r[0], (unsigned)s->r[1]);
}

static void svc202(struct svcrec *s)
{
    uint32_t ret = psw_addr(s), err = 0, pl = s->r[1] & 0xFFFFFF;
    bool have_err = false;
    if (cms_readable(ret, 4) && at(ret)[0] == 0) {
        err = get_be32(at(ret));
        have_err = true;
        ret += 4;
    }
    char name[9] = "?";
    if (tracing()) {
        if (cms_readable(pl, 8))
            e2a_field(name, at(pl), 8);
        trace_call(s, 202, name, psw_addr(s));
    }
    int rc = svc_call(s, pl);
    s->r[15] = (uint32_t)rc;
    if (tracing())
        con_typef("SVC 202 %-8s RETURNS R15 %d", name, rc);
    if (rc != 0 && have_err && err != 1)
        ret = err;
    set_psw_addr(s, ret);
}

/* ---------------------------------------------------------------- SVC 203 */

#define FREE_MAX_DW 0x200000u /* 16M in doublewords */

static void svc203(struct svcrec *s)
{
    uint32_t ret = psw_addr(s);
    if (!cms_readable(ret, 2)) {
        s->r[15] = (uint32_t)-1;
        return;
    }
    int16_t code = (int16_t)get_be16(at(ret));
    set_psw_addr(s, ret + 2);
    if (tracing()) {
        char what[9];
        snprintf(what, sizeof(what), "CODE %d", code);
        trace_call(s, 203, what, ret);
    }
    unsigned c = code < 0 ? (unsigned)-code : (unsigned)code;
    uint32_t dw = s->r[0];
    int rc = 0;
    if (c != SVC203_DMSFREE && c != SVC203_DMSFRET) {
        cms_emsg("DMSITS097E", "SVC 203 CODE %d NOT SUPPORTED", code);
        rc = -1;
    } else if (dw == 0 || dw > FREE_MAX_DW) {
        rc = 2;
    } else if (c == SVC203_DMSFREE) {
        void *p = free_user_get(dw * 8);
        if (p)
            s->r[1] = (uint32_t)(uintptr_t)p;
        else
            rc = 1;
    } else if (!free_user_put(at(s->r[1] & 0xFFFFFF), dw * 8)) {
        rc = 3;
    }
    s->r[15] = (uint32_t)rc;
    if (tracing())
        con_typef("SVC 203 CODE %-3d RETURNS R15 %d R1 %08X", code, rc, (unsigned)s->r[1]);
}

/* ---------------------------------------------------------------- the SVC level */

void cms_svc(struct svcrec *s)
{
    unsigned code = get_be16(s->psw + 2) & 0xFF;
    switch (code) {
    case 202: svc202(s); break;
    case 203: svc203(s); break;
    default: cms_emsg("DMSITS096E", "SVC %u NOT SUPPORTED", code); s->r[15] = (uint32_t)-1;
    }
    /* HX typed while the program's call ran: the program ends now */
    if (nucon.halt && *(volatile uint32_t *)(uintptr_t)LC_SVCDEPTH == 1 && cms_program_running())
        cms_unwind(true, true, 0);
}

void cms_user_attention(struct svcrec *s)
{
    if (con_attention_check())
        cms_unwind(true, true, 0);
}
