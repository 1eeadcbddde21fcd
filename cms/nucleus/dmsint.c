/*
 * dmsint.c - the command loop (the job of R6's DMSINT, DMSSCN, DMSINA and
 * DMSABN): read a line, scan it into 8-character tokens, find the
 * command, run it, and say Ready.
 *
 * A command name is looked for in this order (reference vm370.md 5.1):
 * with IMPEX, a file "name EXEC"; a nucleus command (the table in
 * cmdtab.c, with R6's minimum abbreviations); a "name MODULE" file; the
 * full name of a system abbreviation (cmdtab.c: L for LISTFILE), as a
 * nucleus command or a MODULE; with IMPCP, CP. Nothing: "Unknown CP/CMS
 * command", return code -3.
 *
 * At IPL (cms_startup_disks, cms_first_command): the S-disk, then the
 * A-disk and PROFILE EXEC unless the first command is ACCESS ( NODISK or
 * NOPROF.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cms/fs/cmsfs.h"
#include "cms/lib/cmslib.h"
#include "cms/nucleus/cms.h"
#include "cms/nucleus/disk.h"
#include "cms/nucleus/lowcore.h"
#include "console/ebcdic.h"
#include "diagnose/diagcall.h"
#include "lib/bytes.h"

#define MAXTOK 64

static struct cms_jmp loop_point;
static bool in_loop;

/* ---------------------------------------------------------------- scanning */

int cms_scan(const char *line, char (*tok)[8], int max) { return cmslib_scan(line, tok, max); }

void cms_tokstr(const char tok[8], char out[9])
{
    int n = 8;
    while (n > 0 && tok[n - 1] == ' ')
        n--;
    memcpy(out, tok, (size_t)n);
    out[n] = 0;
}

/* ---------------------------------------------------------------- messages */

void cms_emsg(const char *id, const char *fmt, ...)
{
    char buf[200];
    size_t n = (size_t)snprintf(buf, sizeof(buf), "%s ", id);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
    va_end(ap);
    const char *msg = buf;
    unsigned len = (unsigned)strlen(buf);
    diag_edit_emsg(&msg, &len);
    if (len == 0)
        return;
    char out[200];
    memcpy(out, msg, len);
    out[len] = 0;
    con_type(out);
}

/* ---------------------------------------------------------------- CP */

/* Send a command to CP (DIAGNOSE X'08'), its response to the terminal.
 * Returns CP's return code. */
int cms_cp(const char *cmd)
{
    uint8_t e[CMS_LINE_MAX];
    size_t n = strlen(cmd);
    if (n > sizeof(e))
        n = sizeof(e);
    a2e(e, cmd, n);
    return (int)diag_cp_command_show(e, (unsigned)n);
}

/* Implied CP: the response is kept, so that a command CP does not know
 * either gets CMS's message instead of CP's. Returns -3 for that. */
static int implied_cp(const char *line)
{
    enum { RESP = 8192 };
    uint8_t *resp = cms_malloc(RESP);
    uint8_t e[CMS_LINE_MAX];
    if (!resp)
        return cms_cp(line);
    size_t n = strlen(line);
    if (n > sizeof(e))
        n = sizeof(e);
    a2e(e, line, n);
    unsigned rc = 0;
    int got = diag_cp_command(e, (unsigned)n, resp, RESP, &rc);
    if (rc == 1) { /* DMKCFC001E: not a CP command */
        cms_mfree(resp);
        return -3;
    }
    unsigned len = got < 0 ? RESP : (unsigned)got;
    unsigned start = 0;
    for (unsigned i = 0; i <= len; i++) {
        if (i == len || resp[i] == 0x15) {
            if (i > start || i < len) {
                char l[CMS_LINE_MAX + 1];
                unsigned k = i - start > CMS_LINE_MAX ? CMS_LINE_MAX : i - start;
                e2a(l, resp + start, k);
                l[k] = 0;
                con_type(l);
            }
            start = i + 1;
        }
    }
    cms_mfree(resp);
    return (int)rc;
}

/* ---------------------------------------------------------------- commands */

const struct cms_cmd *cms_find_command(const char *name)
{
    size_t n = strlen(name);
    for (const struct cms_cmd *c = cms_commands; c->name; c++) {
        size_t full = strlen(c->name);
        if (n <= full && n >= (size_t)c->minlen && memcmp(name, c->name, n) == 0)
            return c;
    }
    return NULL;
}

const char *cms_abbrev(const char *name)
{
    size_t n = strlen(name);
    for (const struct cms_cmd *c = cms_abbrevs; c->name; c++) {
        size_t full = strlen(c->name);
        if (n < full && n >= (size_t)c->minlen && memcmp(name, c->name, n) == 0)
            return c->name;
    }
    return NULL;
}

int cms_run_named(const char *name, char (*tok)[8], int ntok, const char *line)
{
    for (int pass = 0; pass < 2 && name; pass++) {
        const struct cms_cmd *c = cms_find_command(name);
        if (c)
            return c->fn(tok, ntok, line);
        int rc = cms_run_module(name, tok, ntok, line);
        if (rc != -3)
            return rc;
        name = pass == 0 ? cms_abbrev(name) : NULL;
    }
    return -3;
}

int cms_command(char (*tok)[8], int ntok, const char *line)
{
    char name[9];
    cms_tokstr(tok[0], name);
    if (nucon.impex && cms_exec_exists(name))
        return cms_exec(tok, ntok, line);
    int rc = cms_run_named(name, tok, ntok, line);
    if (rc != -3)
        return rc;
    if (nucon.impcp)
        return implied_cp(line);
    return -3;
}

int cms_command_line(const char *line)
{
    char tok[MAXTOK][8];
    int n = cms_scan(line, tok, MAXTOK);
    if (n == 0)
        return 0;
    int rc = cms_command(tok, n, line);
    if (rc == -3)
        con_type(nucon.impcp ? "Unknown CP/CMS command" : "Unknown CMS command");
    return rc;
}

/* ---------------------------------------------------------------- IPL time */

void cms_startup_disks(void)
{
    /* the system disk, read-only, as S */
    if (disk_access(0x190, 'S', 0) == 0)
        adt_of('S')->io.readonly = true;
}

/* Is token t an option of the first command: ACCESS ( NODISK, NOPROF? */
static bool first_option(char (*tok)[8], int n, const char *opt)
{
    char name[9], s[9];
    cms_tokstr(tok[0], name);
    const char *full = cms_abbrev(name);
    if (strcmp(full ? full : name, "ACCESS") != 0)
        return false;
    bool options = false;
    for (int i = 1; i < n; i++) {
        cms_tokstr(tok[i], s);
        options |= !strcmp(s, "(");
        if (options && !strcmp(s, opt))
            return true;
    }
    return false;
}

int cms_first_command(const char *line)
{
    char tok[16][8];
    int n = cms_scan(line, tok, 16);
    if (!first_option(tok, n, "NODISK") && !adt_of('A')) {
        if (disk_access(0x191, 'A', 0) == 0 && adt_of('A')->io.readonly)
            con_type("DMSACC723I A (191) R/O");
    }
    if (!first_option(tok, n, "NOPROF") && cms_exec_exists("PROFILE")) {
        char ptok[1][8];
        memcpy(ptok[0], "PROFILE ", 8);
        (void)cms_exec(ptok, 1, "PROFILE");
    }
    return n > 0 ? cms_command_line(line) : 0;
}

/* ---------------------------------------------------------------- Ready */

static void times(uint64_t *v, uint64_t *t, char *hms)
{
    static uint64_t area[4] __attribute__((aligned(8)));
    diag_timer(area);
    const uint8_t *a = (const uint8_t *)area;
    *v = get_be64(a + 16);
    *t = get_be64(a + 24);
    e2a(hms, a + 8, 8);
    hms[8] = 0;
}

static void ready(int rc)
{
    char buf[64], hms[9], code[16] = "";
    uint64_t v, t;
    times(&v, &t, hms);
    uint64_t dv = (v - nucon.vtime) / 10000, dt = (t - nucon.ttime) / 10000;
    nucon.vtime = v;
    nucon.ttime = t;
    if (rc != 0)
        snprintf(code, sizeof(code), "(%05d)", rc < 0 ? -rc : rc);
    if (rc < 0)
        code[1] = '-';
    if (nucon.rdymsg_short)
        snprintf(buf, sizeof(buf), "R%s;", code);
    else
        snprintf(buf, sizeof(buf), "Ready%s; T=%u.%02u/%u.%02u %s", code, (unsigned)(dv / 100),
                 (unsigned)(dv % 100), (unsigned)(dt / 100), (unsigned)(dt % 100), hms);
    con_type(buf);
}

/* ---------------------------------------------------------------- abends, HX */

/* How the last command was ended by cms_unwind. */
static struct {
    bool pending, hx;
    int rc;
} unwound;

_Noreturn void cms_unwind(bool hx, bool commit, int rc)
{
    *(volatile uint32_t *)(uintptr_t)LC_SVCDEPTH = 0; /* every nucleus level is abandoned */
    (void)afile_close_all(commit);
    cms_program_end();
    cms_exec_abandon();
    unwound.pending = true;
    unwound.hx = hx;
    unwound.rc = rc;
    if (in_loop)
        cms_longjmp(&loop_point);
    for (;;)
        cms_wait();
}

/* A program check: DMSABN148T, and back to the command loop with the
 * abend code as the return code (X'0C4': 196). Files being written are
 * committed when the program (in the user area) failed, dropped when the
 * nucleus did. A program check while one is handled goes straight back. */
void cms_program_check(uint32_t *regs)
{
    static bool handling;
    const uint8_t *old = (const uint8_t *)(uintptr_t)LC_PGMOLD;
    unsigned code = get_be16(old + 2);
    uint32_t at = get_be32(old + 4) & 0xFFFFFF;
    if (handling) {
        handling = false;
        cms_unwind(false, false, 0xC0);
    }
    handling = true;
    unsigned abend = 0xC0 + (code < 16 ? code : 0xF);
    cms_emsg("DMSABN148T", "SYSTEM ABEND %03X CALLED FROM %06X", abend, (unsigned)at);
    handling = false;
    cms_unwind(false, at >= CMS_TRANS_AREA, (int)abend);
}

/* ---------------------------------------------------------------- the loop */

_Noreturn void cms_loop(void)
{
    char line[CMS_LINE_MAX + 1];
    uint64_t v, t;
    char hms[9];
    times(&v, &t, hms);
    nucon.vtime = v;
    nucon.ttime = t;
    cms_startup_disks();
    static bool first;
    first = true;
    cms_setjmp(&loop_point);
    in_loop = true;
    if (unwound.pending) {
        unwound.pending = false;
        nucon.halt = false;
        nucon.nomsg = false;
        if (unwound.hx)
            con_type("CMS"); /* R6's answer to HX */
        ready(unwound.rc);
    }
    for (;;) {
        nucon.halt = false;
        con_read(line, sizeof(line), true);
        int rc = 0;
        if (first) {
            first = false;
            rc = cms_first_command(line);
        } else {
            rc = cms_command_line(line);
        }
        /* the end of a command: R6's FINIS * * * */
        int err = afile_close_all(true);
        if (err)
            cms_emsg("DMSFNS105S", "ERROR %d (%s) CLOSING A FILE", -err, cmsfs_strerror(err));
        if (nucon.halt) /* HX: R6's answer */
            con_type("CMS");
        ready(rc);
        nucon.halt = false;
    }
}
