/*
 * test_edit.c - the CMS line editor (cms/edit/): EDIT fn ft fm as VM/370
 * Release 6 had it.
 *
 * A fake environment plays the console (a script of input lines, every
 * typed line kept), the disks (an in-memory store of files; modes can be
 * read-only, full or not accessed), the CMS subset, HX and storage (every
 * allocation counted, any one of them can be made to fail). Each row of
 * the table is a session: the file at the start, the lines typed, the
 * exact output expected and the records written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cms/edit/edit.h"
#include "unit.h"

#define MAXOUT   600
#define MAXFILES 8
#define MAXREC   2100

struct ffile {
    bool used;
    char id[32]; /* "FN FT FM" */
    char recfm;
    unsigned lrecl;
    unsigned n;
    char *rec[MAXREC];
    size_t len[MAXREC];
};

static struct fake {
    const char *const *in; /* NULL-terminated script */
    size_t pos;
    char *out[MAXOUT];
    size_t nout, typed, longest;
    struct ffile files[MAXFILES];
    const char *ro, *full, *noacc; /* mode letters */
    int load_rc;                   /* forced load() result, 0: none */
    struct ffile last;             /* the last save(), records as written */
    size_t saves;
    long live, nalloc, fail_at; /* fail the fail_at-th allocation (0: never) */
    size_t bytes, maxbytes;
    size_t halt_typed; /* HX once this many lines were typed (0: never) */
    size_t halt_reads; /* HX after this many reads (0: never) */
    char cms[8][80];
    size_t ncms;
    const struct edit_env *env;
} F;

static void clear_file(struct ffile *f)
{
    for (unsigned k = 0; k < f->n; k++)
        free(f->rec[k]);
    memset(f, 0, sizeof(*f));
}

static void fake_reset(void)
{
    for (int k = 0; k < MAXFILES; k++)
        clear_file(&F.files[k]);
    clear_file(&F.last);
    for (size_t k = 0; k < F.nout; k++)
        free(F.out[k]);
    memset(&F, 0, sizeof(F));
}

static struct ffile *find_file(const char *id)
{
    for (int k = 0; k < MAXFILES; k++)
        if (F.files[k].used && strcmp(F.files[k].id, id) == 0)
            return &F.files[k];
    return NULL;
}

static void set_records(struct ffile *f, const char *const *recs, unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        f->len[k] = strlen(recs[k]);
        f->rec[k] = malloc(f->len[k] + 1);
        memcpy(f->rec[k], recs[k], f->len[k] + 1);
    }
    f->n = n;
}

static struct ffile *put_file(const char *id, char recfm, unsigned lrecl, const char *const *recs)
{
    struct ffile *f = find_file(id);
    if (!f)
        for (int k = 0; k < MAXFILES && !f; k++)
            if (!F.files[k].used)
                f = &F.files[k];
    clear_file(f);
    f->used = true;
    snprintf(f->id, sizeof(f->id), "%s", id);
    f->recfm = recfm;
    f->lrecl = lrecl;
    unsigned n = 0;
    while (recs[n])
        n++;
    set_records(f, recs, n);
    return f;
}

/* ------------------------------------------------------------ callbacks */

static void *fk_alloc(void *ctx, size_t size)
{
    CU_ASSERT_PTR_EQUAL(ctx, &F);
    if (F.fail_at && ++F.nalloc == F.fail_at)
        return NULL;
    size_t *p = malloc(size + sizeof(size_t) * 2);
    p[0] = size;
    F.live++;
    F.bytes += size;
    if (F.bytes > F.maxbytes)
        F.maxbytes = F.bytes;
    return p + 2;
}

static void fk_free(void *ctx, void *q)
{
    (void)ctx;
    size_t *p = (size_t *)q - 2;
    F.live--;
    F.bytes -= p[0];
    free(p);
}

static bool fk_halted(void *ctx)
{
    (void)ctx;
    return (F.halt_typed && F.typed >= F.halt_typed) || (F.halt_reads && F.pos >= F.halt_reads);
}

static int fk_read(void *ctx, char *buf, size_t size)
{
    (void)ctx;
    if (!F.in || !F.in[F.pos])
        return -1;
    const char *s = F.in[F.pos++];
    size_t len = strlen(s);
    if (len > size - 1)
        len = size - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return (int)len;
}

static void fk_type(void *ctx, const char *line)
{
    (void)ctx;
    size_t len = strlen(line);
    if (len > F.longest)
        F.longest = len;
    F.typed++;
    if (F.nout < MAXOUT) {
        F.out[F.nout] = malloc(len + 1);
        memcpy(F.out[F.nout++], line, len + 1);
    }
}

static bool has_mode(const char *letters, char m) { return letters && m && strchr(letters, m); }

static int fk_load(void *ctx, const struct edit_fileid *id, struct edit_fileinfo *info,
                   edit_add_fn add, void *actx)
{
    (void)ctx;
    char m = id->fm[0] && id->fm[0] != '*' ? id->fm[0] : 'A';
    if (has_mode(F.noacc, m))
        return 36;
    if (F.load_rc)
        return F.load_rc;
    for (int k = 0; k < MAXFILES; k++) {
        struct ffile *f = &F.files[k];
        char fn[9], ft[9], fm[3];
        if (!f->used || sscanf(f->id, "%8s %8s %2s", fn, ft, fm) != 3)
            continue;
        if (strcmp(fn, id->fn) || strcmp(ft, id->ft) || (id->fm[0] != '*' && fm[0] != m))
            continue;
        memcpy(info->fm, fm, 3);
        info->recfm = f->recfm;
        info->lrecl = f->lrecl;
        for (unsigned r = 0; r < f->n; r++)
            if (add(actx, f->rec[r], f->len[r]) != 0)
                break;
        return 0;
    }
    return 28;
}

static int fk_save(void *ctx, const struct edit_fileid *id, char recfm, unsigned lrecl,
                   edit_next_fn next, void *sctx)
{
    (void)ctx;
    struct ffile w;
    memset(&w, 0, sizeof(w));
    snprintf(w.id, sizeof(w.id), "%s %s %s", id->fn, id->ft, id->fm);
    w.used = true;
    w.recfm = recfm;
    w.lrecl = lrecl;
    const char *r;
    size_t len;
    while ((r = next(sctx, &len)) != NULL) {
        CU_ASSERT(recfm == 'V' || len == lrecl);
        CU_ASSERT(len >= 1 && len <= lrecl);
        CU_ASSERT_FATAL(w.n < MAXREC);
        w.rec[w.n] = malloc(len + 1);
        memcpy(w.rec[w.n], r, len);
        w.rec[w.n][len] = '\0';
        w.len[w.n++] = len;
    }
    CU_ASSERT_PTR_NULL(next(sctx, &len)); /* stays at the end */
    int rc = has_mode(F.ro, id->fm[0])      ? 12
             : has_mode(F.full, id->fm[0])  ? 13
             : has_mode(F.noacc, id->fm[0]) ? 36
                                            : 0;
    F.saves++;
    clear_file(&F.last);
    F.last = w;
    if (rc == 0) { /* the store gets a copy; a failure leaves the old file */
        struct ffile *f = find_file(w.id);
        if (!f)
            for (int k = 0; k < MAXFILES && !f; k++)
                if (!F.files[k].used)
                    f = &F.files[k];
        clear_file(f);
        *f = w;
        for (unsigned k = 0; k < w.n; k++) {
            f->rec[k] = malloc(w.len[k] + 1);
            memcpy(f->rec[k], w.rec[k], w.len[k] + 1);
        }
    }
    return rc;
}

static int run_args(const char *args);

static int fk_cms(void *ctx, const char *line)
{
    (void)ctx;
    if (F.ncms < 8)
        snprintf(F.cms[F.ncms++], sizeof(F.cms[0]), "%s", line);
    if (strncmp(line, "EDIT ", 5) == 0) /* a second session inside the first */
        return run_args(line + 5);
    return 0;
}

static unsigned long counters[EDIT_NCMDS];

static const struct edit_env env = {
    .ctx = &F,
    .alloc = fk_alloc,
    .free = fk_free,
    .read = fk_read,
    .type = fk_type,
    .load = fk_load,
    .save = fk_save,
    .cms = fk_cms,
    .halted = fk_halted,
    .counters = counters,
};

/* EDIT with the operands in args (split at blanks). */
static int run_env(const struct edit_env *e, const char *args)
{
    char buf[256], *argv[16];
    int argc = 0;
    snprintf(buf, sizeof(buf), "%s", args);
    for (char *t = strtok(buf, " "); t && argc < 16; t = strtok(NULL, " "))
        argv[argc++] = t;
    return edit_run(e, argc, (const char *const *)argv);
}

static int run_args(const char *args) { return run_env(F.env ? F.env : &env, args); }

static int run(const char *args, const char *const *script)
{
    F.in = script;
    F.pos = 0;
    return run_args(args);
}

/* The typed lines against the expected ones (NULL-terminated); prints
 * both when they differ. */
static void check_out(const char *name, const char *const *exp)
{
    size_t n = 0;
    bool ok = true;
    while (exp[n])
        n++;
    if (n != F.nout)
        ok = false;
    for (size_t k = 0; ok && k < n; k++)
        if (strcmp(exp[k], F.out[k]) != 0)
            ok = false;
    if (!ok) {
        printf("\n%s: typed\n", name);
        for (size_t k = 0; k < F.nout; k++)
            printf("  |%s|%s\n", F.out[k], k < n && !strcmp(F.out[k], exp[k]) ? "" : "  <--");
        printf("  expected\n");
        for (size_t k = 0; k < n; k++)
            printf("  |%s|\n", exp[k]);
    }
    CU_ASSERT(ok);
}

/* Records as the file keeps them (trailing blanks off) against exp. */
static void check_records(const char *name, const struct ffile *f, const char *const *exp)
{
    size_t n = 0;
    bool ok = true;
    while (exp[n])
        n++;
    if (!f || f->n != n)
        ok = false;
    for (size_t k = 0; ok && k < n; k++) {
        size_t len = f->len[k];
        while (len && f->rec[k][len - 1] == ' ')
            len--;
        if (len != strlen(exp[k]) || memcmp(f->rec[k], exp[k], len) != 0)
            ok = false;
    }
    if (!ok) {
        printf("\n%s: records\n", name);
        for (size_t k = 0; f && k < f->n; k++)
            printf("  |%s|\n", f->rec[k]);
        printf("  expected\n");
        for (size_t k = 0; k < n; k++)
            printf("  |%s|\n", exp[k]);
    }
    CU_ASSERT(ok);
}

/* ------------------------------------------------------------- the table */

#define F3                                                                                         \
    {                                                                                              \
        "ALPHA ONE", "BETA TWO", "GAMMA THREE"                                                     \
    }

static const struct row {
    const char *name;
    const char *args;
    const char *file[12]; /* the file edited, F 80 in A1; none when empty */
    const char *in[40];
    const char *out[48];
    const char *saved_as; /* the last save: "FN FT FM RECFM LRECL"; NULL: none */
    const char *saved[12];
    int rc;
    const char *ro, *full, *noacc;
} rows[] = {
    {.name = "new file: NEW FILE:, INPUT, a null line, FILE",
     .args = "NEW DATA",
     .in = {"input", "first line", "second line", "", "file"},
     .out = {"NEW FILE:", "EDIT:", "INPUT:", "EDIT:"},
     .saved_as = "NEW DATA A1 F 80",
     .saved = {"FIRST LINE", "SECOND LINE"}},
    {.name = "a null line in edit mode enters input mode",
     .args = "TEST DATA",
     .file = F3,
     .in = {"", "new top", "", "top", "t *", "quit"},
     .out = {"EDIT:", "INPUT:", "EDIT:", "TOF:", "TOF:", "NEW TOP", "ALPHA ONE", "BETA TWO",
             "GAMMA THREE", "EOF:"}},
    {.name = "input mode: lines go after the current line, which follows them",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n 2", "input", "two a", "two b", "", "t", "n", "quit"},
     .out = {"EDIT:", "BETA TWO", "INPUT:", "EDIT:", "TWO B", "GAMMA THREE"}},
    {.name = "CASE M keeps what is typed",
     .args = "TEST DATA",
     .file = F3,
     .in = {"case m", "input Mixed Case", "case", "file"},
     .out = {"EDIT:", "CASE=M"},
     .saved_as = "TEST DATA A1 F 80",
     .saved = {"Mixed Case", "ALPHA ONE", "BETA TWO", "GAMMA THREE"}},
    {.name = "MEMO files are mixed case and V",
     .args = "NOTE MEMO",
     .in = {"i Hello", "case", "file"},
     .out = {"NEW FILE:", "EDIT:", "CASE=M"},
     .saved_as = "NOTE MEMO A1 V 80",
     .saved = {"Hello"}},
    {.name = "moving: NEXT DOWN FORWARD UP BACKWARD TOP BOTTOM",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "n 2", "u", "u 5", "b", "next 9", "up", "top", "d", "do", "fo 1", "ba", "n 0",
            "n *", "u *", "quit"},
     .out = {"EDIT:", "ALPHA ONE", "GAMMA THREE", "BETA TWO", "TOF:", "GAMMA THREE",
             "EOF:", "GAMMA THREE", "TOF:", "ALPHA ONE", "BETA TWO", "GAMMA THREE", "BETA TWO",
             "BETA TWO", "EOF:", "TOF:"}},
    {.name = "VERIFY OFF: TOF: and EOF: still shown",
     .args = "TEST DATA",
     .file = F3,
     .in = {"v off", "n", "b", "n", "v", "v on 5", "top", "n", "v", "verify 3", "v", "quit"},
     .out = {"EDIT:", "EOF:", "VERFY=OFF", "TOF:", "ALPHA", "VERFY=ON 5", "VERFY=ON 3"}},
    {.name = "LOCATE and /string/: found, NOT FOUND at EOF, the next search wraps",
     .args = "TEST DATA",
     .file = F3,
     .in = {"l /TWO/", "/THREE", "l /ONE/", "=", "l/ALPHA/", "locate xGAMx", "l /ALPHA/ junk", "l",
            "quit"},
     .out = {"EDIT:", "BETA TWO", "GAMMA THREE", "NOT FOUND", "EOF:", "ALPHA ONE", "NOT FOUND",
             "EOF:", "GAMMA THREE", "?EDIT: L /ALPHA/ JUNK", "?EDIT: L"}},
    {.name = "FIND: column 1, one blank after the name, wrap at EOF",
     .args = "TEST DATA",
     .file = F3,
     .in = {"f BETA", "f ALPHA", "f", "find  TWO", "f GAMMA", "f", "quit"},
     .out = {"EDIT:", "BETA TWO", "NOT FOUND", "EOF:", "EOF:", "NOT FOUND", "EOF:", "GAMMA THREE",
             "EOF:"}},
    {.name = "CHANGE: first, G, a count, *, the pointer on the last line",
     .args = "TEST DATA",
     .file = {"AAA AAA", "BBB AAA", "CCC", "AAA"},
     .in = {"n", "c/AAA/X/", "c/AAA/Y/ 1 g", "c/X/Z/ 2", "t", "top", "c/A/-/ * *", "quit"},
     .out = {"EDIT:", "AAA AAA", "X AAA", "X Y", "Z Y", "BBB AAA", "TOF:", "BBB ---", "---",
             "EOF:"}},
    {.name = "CHANGE: NOT FOUND, ZONE ERROR, a null string1, any delimiter",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "c/QQQ/R/", "c//>>/ 1 g", "c//>> /", "c.>> ..", "zone 1 3", "c/ALPHA/X/", "change",
            "c/A/B/ x", "c/A/B/ 1 h", "quit"},
     .out = {"EDIT:", "ALPHA ONE", "NOT FOUND", "?EDIT: C//>>/ 1 G", ">> ALPHA ONE", "ALPHA ONE",
             "ZONE ERROR", "?EDIT: CHANGE", "?EDIT: C/A/B/ X", "?EDIT: C/A/B/ 1 H"}},
    {.name = "CHANGE with string2 left off deletes string1",
     .args = "TEST DATA",
     .file = {"THIS ISN THE LINE."},
     .in = {"n", "change /N", "quit"},
     .out = {"EDIT:", "THIS ISN THE LINE.", "THIS IS THE LINE."}},
    {.name = "CHANGE rewrites the zone; columns after it stay put",
     .args = "TEST DATA",
     .file = {"AB  CD      SEQ1"},
     .in = {"n", "zone 1 8", "c/AB/ABCDEF/", "c/ABCDEF/A/", "c/SEQ/X/", "quit"},
     .out = {"EDIT:", "AB  CD      SEQ1", "TRUNCATED", "ABCDEF      SEQ1", "A           SEQ1",
             "NOT FOUND"}},
    {.name = "CHANGE never grows a record past TRUNC",
     .args = "TEST DATA",
     .file = {"ABC"},
     .in = {"trunc 5", "n", "c/B/XYZW/", "c/W/ /", "quit"},
     .out = {"EDIT:", "ABC", "TRUNCATED", "AXYZW", "AXYZ"}},
    {.name = "CHANGE keeps a record that is longer than TRUNC as long as it is",
     .args = "TEST DATA",
     .file = {"ABCDEFGHIJ"},
     .in = {"trunc 5", "n", "c/B/X/", "c/D//", "quit"},
     .out = {"EDIT:", "ABCDEFGHIJ", "AXCDEFGHIJ", "AXCEFGHIJ"}},
    {.name = "TRUNC cuts input lines; blanks past it are no loss",
     .args = "T DATA",
     .in = {"trunc 5", "i 1234567", "i 12345    ", "top", "t *", "file"},
     .out = {"NEW FILE:", "EDIT:", "TRUNCATED", "TOF:", "TOF:", "12345", "12345", "EOF:"},
     .saved_as = "T DATA A1 F 80",
     .saved = {"12345", "12345"}},
    {.name = "ALTER: a character, G, hexadecimal",
     .args = "TEST DATA",
     .file = {"A-B-C", "X-Y"},
     .in = {"n", "al - +", "al - + 1 g", "al 41 7A", "alter Q R", "al xyz +", "al - = *", "quit"},
     .out = {"EDIT:", "A-B-C", "A+B-C", "A+B+C", "z+B+C", "NOT FOUND", "?EDIT: AL XYZ +", "X=Y",
             "EOF:"}},
    {.name = "DELETE: n, *, at TOF and EOF",
     .args = "TEST DATA",
     .file = {"L1", "L2", "L3", "L4", "L5"},
     .in = {"n 2", "del", "t", "de 2", "t", "b", "delete", "top", "del 2", "t *", "de *", "t",
            "file", "quit"},
     .out = {"EDIT:", "L2", "L3", "L5", "L5",
             "EOF:", "TOF:", "EOF:", "EOF:", "EOF:", "EOF:", "FILE IS EMPTY"}},
    {.name = "DELETE * from TOF empties the file",
     .args = "TEST DATA",
     .file = F3,
     .in = {"top", "del *", "b", "i only", "file"},
     .out = {"EDIT:", "TOF:", "EOF:", "TOF:"},
     .saved_as = "TEST DATA A1 F 80",
     .saved = {"ONLY"}},
    {.name = "DSTRING: down to a line with the string; none found, none deleted",
     .args = "TEST DATA",
     .file = {"K1", "K2", "K3 STOP", "K4"},
     .in = {"n", "ds /STOP/", "t *", "top", "ds /NONE/", "n", "ds", "t", "ds /K/ x", "quit"},
     .out = {"EDIT:", "K1", "K3 STOP", "K4", "EOF:", "TOF:", "STRING NOT FOUND, NO DELETIONS MADE",
             "K3 STOP", "K4", "?EDIT: DS /K/ X"}},
    {.name = "TYPE: n, *, at TOF",
     .args = "TEST DATA",
     .file = F3,
     .in = {"t 2", "t", "t *", "type 0", "t x", "quit"},
     .out = {"EDIT:", "TOF:", "ALPHA ONE", "ALPHA ONE", "ALPHA ONE", "BETA TWO", "GAMMA THREE",
             "EOF:", "?EDIT: TYPE 0", "?EDIT: T X"}},
    {.name = "OVERLAY: blanks keep, _ puts a blank; REPEAT n",
     .args = "TEST DATA",
     .file = {"ABCDEF", "GHIJKL", "MNOPQR"},
     .in = {"n", "o x  _", "o", "repeat 2", "o   +", "t *", "repe *", "top", "o 1", "quit"},
     .out = {"EDIT:", "ABCDEF", "XBC EF", "XBC EF", "XB+ EF", "GH+JKL", "GH+JKL", "MNOPQR",
             "EOF:", "TOF:", "TOF:"}},
    {.name = "REPEAT *: OVERLAY to the end of the file",
     .args = "TEST DATA",
     .file = {"AB", "CD", "EF"},
     .in = {"n 2", "repeat *", "o   X", "file"},
     .out = {"EDIT:", "CD", "CDX", "EFX", "EOF:"},
     .saved_as = "TEST DATA A1 F 80",
     .saved = {"AB", "CDX", "EFX"}},
    {.name = "REPLACE: a line, alone (input mode in its place), at EOF",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "r NEW ONE", "t", "replace", "R1", "R2", "", "top", "t *", "r AT EOF", "t",
            "quit"},
     .out = {"EDIT:", "ALPHA ONE", "NEW ONE", "INPUT:", "EDIT:", "TOF:", "TOF:", "R1", "R2",
             "BETA TWO", "GAMMA THREE", "EOF:", "AT EOF"}},
    {.name = "INPUT line: after the current line; at EOF it appends",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "i after one", "t", "b", "n", "i at end", "top", "i at top", "t 3", "file"},
     .out = {"EDIT:", "ALPHA ONE", "AFTER ONE", "GAMMA THREE", "EOF:", "TOF:", "AT TOP",
             "ALPHA ONE", "AFTER ONE"},
     .saved_as = "TEST DATA A1 F 80",
     .saved = {"AT TOP", "ALPHA ONE", "AFTER ONE", "BETA TWO", "GAMMA THREE", "AT END"}},
    {.name = "unknown subcommands, and abbreviations R6 did not have",
     .args = "TEST DATA",
     .file = F3,
     .in = {"insert x", "q",        "s",         "ta",        "se",       "a",
            "p",        "e",        "$dup 2",    "bottomx",   "bottom x", "to 1",
            "=x",       "? x",      "stack 1",   "getfile x", "scroll",   "format",
            "renum",    "linemode", "prompt 10", "quit"},
     .out =
         {"EDIT:",           "?EDIT: INSERT X",  "?EDIT: Q",      "?EDIT: S",      "?EDIT: TA",
          "?EDIT: SE",       "?EDIT: A",         "?EDIT: P",      "?EDIT: E",      "?EDIT: $DUP 2",
          "?EDIT: BOTTOMX",  "?EDIT: BOTTOM X",  "?EDIT: TO 1",   "?EDIT: =X",     "?EDIT: ? X",
          "?EDIT: STACK 1",  "?EDIT: GETFILE X", "?EDIT: SCROLL", "?EDIT: FORMAT", "?EDIT: RENUM",
          "?EDIT: LINEMODE", "?EDIT: PROMPT 10"}},
    {.name = "SHORT: errors are ?EDIT: only",
     .args = "TEST DATA",
     .file = F3,
     .in = {"short", "bogus", "l /NOPE/", "zone 1 2", "c/ABC/X/", "long", "bogus", "quit"},
     .out = {"EDIT:", "?EDIT:", "?EDIT:", "EOF:", "?EDIT:", "?EDIT: BOGUS"}},
    {.name = "settings shown alone",
     .args = "TEST DATA",
     .file = F3,
     .in = {"trunc", "zone", "case", "v", "image", "autosave", "serial", "tabset", "fname", "fmode",
            "recfm", "quit"},
     .out = {"EDIT:", "TRUNC=80", "ZONE=1 80", "CASE=U", "VERFY=ON", "IMAGE=ON", "AUTOSAVE=OFF",
             "SERIAL=OFF", "TABS=1 6 11 16 21 26 31 36 41 46 51 61 71", "TEST", "A1", "F"}},
    {.name = "ASSEMBLE: TRUNC 71, assembler tabs",
     .args = "PROG ASSEMBLE",
     .in = {"trunc", "zone", "tabset", "recfm", "quit"},
     .out = {"NEW FILE:", "EDIT:", "TRUNC=71", "ZONE=1 71", "TABS=1 10 16 31 36 41 46 69 72 80",
             "F"}},
    {.name = "PLI: the zone starts in column 2",
     .args = "PROC PLI",
     .in = {"zone", "trunc", "quit"},
     .out = {"NEW FILE:", "EDIT:", "ZONE=2 72", "TRUNC=72"}},
    {.name = "settings changed, and wrong operands refused",
     .args = "TEST DATA",
     .file = F3,
     .in = {"zone 0 5",  "zone 5 4",   "zone 1 81",      "zone 3",          "zone",
            "zone 2 *",  "zone",       "trunc 0",        "trunc 81",        "trunc *",
            "trunc",     "case x",     "v maybe",        "v on 81",         "tabset 5 3",
            "tabset 90", "autosave 0", "autosave 40000", "autosave 9 9",    "recfm x",
            "fmode 9",   "fmode a7",   "fname too.long", "image sometimes", "long x",
            "short x",   "pre x",      "serial on 0",    "serial abcd",     "quit"},
     .out = {"EDIT:",
             "?EDIT: ZONE 0 5",
             "?EDIT: ZONE 5 4",
             "?EDIT: ZONE 1 81",
             "ZONE=3 80",
             "ZONE=2 80",
             "?EDIT: TRUNC 0",
             "?EDIT: TRUNC 81",
             "TRUNC=80",
             "?EDIT: CASE X",
             "?EDIT: V MAYBE",
             "?EDIT: V ON 81",
             "?EDIT: TABSET 5 3",
             "?EDIT: TABSET 90",
             "?EDIT: AUTOSAVE 0",
             "?EDIT: AUTOSAVE 40000",
             "?EDIT: AUTOSAVE 9 9",
             "?EDIT: RECFM X",
             "?EDIT: FMODE 9",
             "?EDIT: FMODE A7",
             "?EDIT: FNAME TOO.LONG",
             "?EDIT: IMAGE SOMETIMES",
             "?EDIT: LONG X",
             "?EDIT: SHORT X",
             "?EDIT: PRE X",
             "?EDIT: SERIAL ON 0",
             "?EDIT: SERIAL ABCD"}},
    {.name = "PRESERVE and RESTORE",
     .args = "TEST DATA",
     .file = F3,
     .in = {"pre", "trunc 10", "zone 2 9", "case m", "v off", "res", "trunc", "zone", "case", "v",
            "quit"},
     .out = {"EDIT:", "TRUNC=80", "ZONE=1 80", "CASE=U", "VERFY=ON"}},
    {.name = "TABSET, and IMAGE OFF keeps the tab",
     .args = "T DATA",
     .in = {"tabset 5 10", "i a\tb\tc", "image off", "i x\ty", "image on", "i \t\t\tz", "top",
            "t *", "tabset", "quit"},
     .out = {"NEW FILE:", "EDIT:", "TOF:", "TOF:", "A   B    C", "X\tY", "          Z",
             "EOF:", "TABS=5 10"}},
    {.name = "FILE with another name; the old file stays",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "c/ALPHA/OMEGA/", "file other name b2"},
     .out = {"EDIT:", "ALPHA ONE", "OMEGA ONE"},
     .saved_as = "OTHER NAME B2 F 80",
     .saved = {"OMEGA ONE", "BETA TWO", "GAMMA THREE"}},
    {.name = "FILE fn keeps the filetype and mode; bad file ids refused",
     .args = "TEST DATA",
     .file = F3,
     .in = {"file a b c d", "file x.y", "file a b 9", "file newname"},
     .out = {"EDIT:", "?EDIT: FILE A B C D", "?EDIT: FILE X.Y", "?EDIT: FILE A B 9"},
     .saved_as = "NEWNAME DATA A1 F 80",
     .saved = F3},
    {.name = "SAVE fn: the session goes on under the new name",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "c/ALPHA/OMEGA/", "sa copy", "fname", "quit"},
     .out = {"EDIT:", "ALPHA ONE", "OMEGA ONE", "COPY"},
     .saved_as = "COPY DATA A1 F 80",
     .saved = {"OMEGA ONE", "BETA TWO", "GAMMA THREE"}},
    {.name = "QUIT leaves a changed file as it was; QUIT x refused",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "del *", "quit x", "qu"},
     .out = {"EDIT:", "ALPHA ONE", "EOF:", "?EDIT: QUIT X"}},
    {.name = "the CMS subset until RETURN, and CMS with a command",
     .args = "TEST DATA",
     .file = F3,
     .in = {"cms", "listfile * * a", "", "RETURN", "cms q disk", "quit"},
     .out = {"EDIT:", "CMS SUBSET", "EDIT:"}},
    {.name = "X and Y: set, run, run n times; a failure stops the count",
     .args = "TEST DATA",
     .file = F3,
     .in = {"x n", "y u", "x", "x 2", "y", "x 2", "y 4", "?", "x =", "x y", "x", "x l /NOPE/",
            "x 3", "quit"},
     .out = {"EDIT:", "ALPHA ONE", "BETA TWO", "GAMMA THREE", "BETA TWO", "GAMMA THREE",
             "EOF:", "GAMMA THREE", "BETA TWO", "ALPHA ONE", "TOF:", "Y 4",
             "?EDIT: X =", "?EDIT: X Y", "ALPHA ONE", "NOT FOUND", "EOF:"}},
    {.name = "= and ? with nothing before them",
     .args = "T DATA",
     .in = {"=", "?", "reuse", "quit"},
     .out = {"NEW FILE:", "EDIT:", "?EDIT: =", "?EDIT: REUSE"}},
    {.name = "AUTOSAVE n: SAVED after n updates",
     .args = "TEST DATA",
     .file = F3,
     .in = {"autosave 2", "n", "c/ALPHA/A/", "i x", "autosave", "del", "quit"},
     .out = {"EDIT:", "ALPHA ONE", "A ONE", "SAVED", "AUTOSAVE=2"},
     .saved_as = "TEST DATA A1 F 80",
     .saved = {"A ONE", "X", "BETA TWO", "GAMMA THREE"}},
    {.name = "AUTOSAVE on a read-only disk: the message, and edit mode again",
     .args = "TEST DATA",
     .file = F3,
     .in = {"autosave 1", "input", "one", "two", "fmode b", "file"},
     .out = {"EDIT:", "INPUT:", "DMSEDI037E DISK 'A' IS READ/ONLY", "SET NEW FILEMODE AND RETRY",
             "EDIT:", "?EDIT: TWO"},
     .saved_as = "TEST DATA B1 F 80",
     .saved = {"ONE", "ALPHA ONE", "BETA TWO", "GAMMA THREE"},
     .ro = "A"},
    {.name = "FILE on a read-only disk keeps the file; FMODE, then FILE",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "c/ALPHA/A/", "file", "t", "fmode c", "file"},
     .out = {"EDIT:", "ALPHA ONE", "A ONE", "DMSEDI037E DISK 'A' IS READ/ONLY", "A ONE"},
     .saved_as = "TEST DATA C1 F 80",
     .saved = {"A ONE", "BETA TWO", "GAMMA THREE"},
     .ro = "A"},
    {.name = "FILE on a full disk keeps the file; FILE elsewhere",
     .args = "TEST DATA",
     .file = F3,
     .in = {"i new", "file", "t *", "file test data d"},
     .out = {"EDIT:", "DMSEDI105S ERROR '13' WRITING FILE 'TEST DATA A1' ON DISK", "NEW",
             "ALPHA ONE", "BETA TWO", "GAMMA THREE", "EOF:"},
     .saved_as = "TEST DATA D1 F 80",
     .saved = {"NEW", "ALPHA ONE", "BETA TWO", "GAMMA THREE"},
     .full = "A"},
    {.name = "SAVE to a disk that is not accessed",
     .args = "TEST DATA",
     .file = F3,
     .in = {"save x y q", "quit"},
     .out = {"EDIT:", "DMSEDI069E DISK 'Q' NOT ACCESSED"},
     .saved_as = "X Y Q1 F 80",
     .saved = F3,
     .noacc = "Q"},
    {.name = "EDIT on a disk that is not accessed",
     .args = "TEST DATA Z",
     .out = {"DMSEDI069E DISK 'Z' NOT ACCESSED"},
     .rc = 36,
     .noacc = "Z"},
    {.name = "EDIT ( LRECL 100 NODISP ): TRUNC follows",
     .args = "A B ( LRECL 100 NODISP )",
     .in = {"trunc", "recfm", "quit"},
     .out = {"NEW FILE:", "EDIT:", "TRUNC=100", "F"}},
    {.name = "the console ends: the session ends, nothing written",
     .args = "TEST DATA",
     .file = F3,
     .in = {"n", "c/ALPHA/X/"},
     .out = {"EDIT:", "ALPHA ONE", "X ONE"},
     .rc = EDIT_RC_HALT},
};

static void run_row(const struct row *r)
{
    fake_reset();
    F.ro = r->ro;
    F.full = r->full;
    F.noacc = r->noacc;
    char fn[9] = "", ft[9] = "";
    sscanf(r->args, "%8s %8s", fn, ft);
    if (r->file[0]) {
        char id[32];
        snprintf(id, sizeof(id), "%s %s A1", fn, ft);
        put_file(id, 'F', 80, r->file);
    }
    int rc = run(r->args, r->in);
    if (rc != r->rc)
        printf("\n%s: rc %d, expected %d\n", r->name, rc, r->rc);
    CU_ASSERT_EQUAL(rc, r->rc);
    check_out(r->name, r->out);
    if (r->saved_as) {
        char id[40];
        snprintf(id, sizeof(id), "%s %c %u", F.last.id, F.last.recfm, F.last.lrecl);
        if (strcmp(id, r->saved_as) != 0)
            printf("\n%s: saved as %s, expected %s\n", r->name, id, r->saved_as);
        CU_ASSERT_STRING_EQUAL(id, r->saved_as);
        check_records(r->name, &F.last, r->saved);
    } else {
        CU_ASSERT_EQUAL(F.saves, 0);
    }
    CU_ASSERT_EQUAL(F.live, 0);       /* everything freed */
    CU_ASSERT_PTR_NULL(r->in[F.pos]); /* every line read, none after the end */
}

static void test_table(void)
{
    for (size_t k = 0; k < NELEM(rows); k++)
        run_row(&rows[k]);
}

/* EDIT's operands checked before anything is read: the message, the rc. */
static const struct {
    const char *args, *msg;
    int rc;
} bad_args[] = {
    {"ONLY", "DMSEDI054E INCOMPLETE FILEID SPECIFIED", 24},
    {"", "DMSEDI054E INCOMPLETE FILEID SPECIFIED", 24},
    {"A B C D", "DMSEDI003E INVALID OPTION 'D'", 24},
    {"A B 9", "DMSEDI048E INVALID MODE '9'", 24},
    {"A B ( LRECL", "DMSEDI029E INVALID PARAMETER '' IN THE OPTION 'LRECL' FIELD", 24},
    {"A B ( LRECL 0", "DMSEDI029E INVALID PARAMETER '0' IN THE OPTION 'LRECL' FIELD", 24},
    {"A B A1 ( LRECL 161", "DMSEDI029E INVALID PARAMETER '161' IN THE OPTION 'LRECL' FIELD", 24},
    {"A B ( FOO", "DMSEDI003E INVALID OPTION 'FOO'", 24},
    {"A.B C", "DMSEDI062E INVALID CHARACTER IN FILEID 'A.B C'", 20},
};

static void test_bad_operands(void)
{
    for (size_t k = 0; k < NELEM(bad_args); k++) {
        fake_reset();
        CU_ASSERT_EQUAL(run(bad_args[k].args, (const char *const[]){"QUIT", NULL}), bad_args[k].rc);
        check_out(bad_args[k].args, (const char *const[]){bad_args[k].msg, NULL});
        CU_ASSERT_EQUAL(F.pos, 0);
        CU_ASSERT_EQUAL(F.live, 0);
    }
}

/* The file edited is left alone when nothing was written. */
static void test_quit_keeps_file(void)
{
    static const char *const in[] = {"n", "del *", "quit", NULL};
    static const char *const recs[] = {"ALPHA ONE", "BETA TWO", "GAMMA THREE", NULL};
    fake_reset();
    put_file("TEST DATA A1", 'F', 80, recs);
    CU_ASSERT_EQUAL(run("TEST DATA", in), 0);
    check_records("quit", find_file("TEST DATA A1"), recs);
    /* and after a failed FILE the old copy is still there */
    static const char *const in2[] = {"n", "c/ALPHA/X/", "file", "quit", NULL};
    fake_reset();
    put_file("TEST DATA A1", 'F', 80, recs);
    F.full = "A";
    CU_ASSERT_EQUAL(run("TEST DATA", in2), 0);
    CU_ASSERT_EQUAL(F.saves, 1);
    check_records("full", find_file("TEST DATA A1"), recs);
    CU_ASSERT_EQUAL(F.live, 0);
}

/* ---------------------------------------------------- abbreviations */

static const struct {
    const char *typed; /* with " !" after it */
    const char *name;  /* the subcommand it runs; NULL: none */
} abbrevs[] = {
    {"O", "OVERLAY"},   {"OVERLAY", "OVERLAY"}, {"X", "X"},           {"Y", "Y"},
    {"?", "?"},         {"REUSE", "REUSE"},     {"REUS", NULL},       {"=", "="},
    {"I", "INPUT"},     {"INP", "INPUT"},       {"R", "REPLACE"},     {"REP", "REPLACE"},
    {"REPE", "REPEAT"}, {"REPEAT", "REPEAT"},   {"T", "TYPE"},        {"TY", "TYPE"},
    {"TO", "TOP"},      {"TOP", "TOP"},         {"U", "UP"},          {"D", "DOWN"},
    {"DE", "DELETE"},   {"DELETE", "DELETE"},   {"DS", "DSTRING"},    {"B", "BOTTOM"},
    {"N", "NEXT"},      {"DO", "DOWN"},         {"F", "FIND"},        {"FI", "FIND"},
    {"/", "/"},         {"L", "LOCATE"},        {"LO", "LOCATE"},     {"AL", "ALTER"},
    {"C", "CHANGE"},    {"CH", "CHANGE"},       {"TR", "TRUNC"},      {"Z", "ZONE"},
    {"TAB", "TABSET"},  {"TA", NULL},           {"CA", "CASE"},       {"IM", "IMAGE"},
    {"V", "VERIFY"},    {"LONG", "LONG"},       {"LON", NULL},        {"SHORT", "SHORT"},
    {"SHOR", NULL},     {"PRE", "PRESERVE"},    {"PR", NULL},         {"RES", "RESTORE"},
    {"STACK", "STACK"}, {"FN", "FNAME"},        {"FM", "FMODE"},      {"RECF", "RECFM"},
    {"REC", NULL},      {"SER", "SERIAL"},      {"SE", NULL},         {"CMS", "CMS"},
    {"CM", NULL},       {"QU", "QUIT"},         {"Q", NULL},          {"GE", "GETFILE"},
    {"SA", "SAVE"},     {"FIL", "FILE"},        {"FILE", "FILE"},     {"LINEM", "LINEMODE"},
    {"LINE", NULL},     {"PROMPT", "PROMPT"},   {"AUTO", "AUTOSAVE"}, {"AUT", NULL},
    {"SC", "SCROLL"},   {"FO", "FORWARD"},      {"FOR", "FORWARD"},   {"FORM", "FORMAT"},
    {"BA", "BACKWARD"}, {"REN", "RENUM"},       {"INSERT", NULL},     {"E", NULL},
    {"EDIT", NULL},     {"TOPS", NULL},         {"VERIFYX", NULL},    {"FORMATTED", NULL},
};

static void test_abbreviations(void)
{
    for (size_t k = 0; k < NELEM(abbrevs); k++) {
        char line[32];
        snprintf(line, sizeof(line), "%s !", abbrevs[k].typed);
        const char *in[] = {line, "QUIT", "QUIT", NULL};
        fake_reset();
        put_file("TEST DATA A1", 'F', 80, (const char *const[]){"LINE", NULL});
        memset(counters, 0, sizeof(counters));
        run("TEST DATA", in);
        /* QUIT ends the session once; twice means the line was QUIT too */
        const char *ran = NULL;
        for (unsigned i = 0; i < EDIT_NCMDS; i++)
            if (strcmp(edit_cmdname(i), "QUIT") != 0 ? counters[i] > 0 : counters[i] > 1)
                ran = edit_cmdname(i);
        const char *want = abbrevs[k].name;
        if (!(ran == want || (ran && want && strcmp(ran, want) == 0)))
            printf("\n%s ran %s, expected %s\n", abbrevs[k].typed, ran ? ran : "nothing",
                   want ? want : "nothing");
        CU_ASSERT(ran == want || (ran && want && strcmp(ran, want) == 0));
    }
    CU_ASSERT_PTR_NULL(edit_cmdname(EDIT_NCMDS));
}

/* ----------------------------------------------------- record formats */

static const struct {
    const char *ft;
    const char *show; /* RECFM, TRUNC and CASE of a new file */
} ftdefaults[] = {
    {"DATA", "F|TRUNC=80|CASE=U"},     {"ASSEMBLE", "F|TRUNC=71|CASE=U"},
    {"LISTING", "F|TRUNC=121|CASE=U"}, {"SCRIPT", "V|TRUNC=132|CASE=M"},
    {"VSBDATA", "V|TRUNC=132|CASE=U"}, {"FREEFORT", "V|TRUNC=81|CASE=U"},
    {"EXEC", "V|TRUNC=80|CASE=U"},     {"MEMO", "V|TRUNC=80|CASE=M"},
    {"FORTRAN", "F|TRUNC=72|CASE=U"},  {"COBOL", "F|TRUNC=72|CASE=U"},
};

static void test_filetype_defaults(void)
{
    static const char *const in[] = {"recfm", "trunc", "case", "quit", NULL};
    for (size_t k = 0; k < NELEM(ftdefaults); k++) {
        char args[32], got[64];
        fake_reset();
        snprintf(args, sizeof(args), "X %s", ftdefaults[k].ft);
        CU_ASSERT_EQUAL(run(args, in), 0);
        CU_ASSERT_EQUAL_FATAL(F.nout, 5);
        snprintf(got, sizeof(got), "%s|%s|%s", F.out[2], F.out[3], F.out[4]);
        CU_ASSERT_STRING_EQUAL(got, ftdefaults[k].show);
    }
}

/* An existing file keeps its format: V records keep their lengths, a V
 * file gets at least the filetype's LRECL, an F file its own. */
static void test_existing_formats(void)
{
    static const char *const in[] = {"recfm", "trunc", "n", "i a  ", "file", NULL};
    fake_reset();
    put_file("V DATA A1", 'V', 20, (const char *const[]){"SHORT", "A BIT LONGER LINE", NULL});
    CU_ASSERT_EQUAL(run("V DATA", in), 0);
    check_out("v", (const char *const[]){"EDIT:", "V", "TRUNC=80", "SHORT", NULL});
    CU_ASSERT_STRING_EQUAL(F.last.id, "V DATA A1");
    CU_ASSERT_EQUAL(F.last.recfm, 'V');
    CU_ASSERT_EQUAL(F.last.lrecl, 80);
    CU_ASSERT_EQUAL(F.last.len[0], 5);
    CU_ASSERT_EQUAL(F.last.len[1], 1); /* "A" without its blanks */
    CU_ASSERT_EQUAL(F.last.len[2], 17);

    fake_reset();
    put_file("F DATA B2", 'F', 132, (const char *const[]){"WIDE", NULL});
    CU_ASSERT_EQUAL(run("F DATA B", in), 0);
    check_out("f132", (const char *const[]){"EDIT:", "F", "TRUNC=132", "WIDE", NULL});
    CU_ASSERT_STRING_EQUAL(F.last.id, "F DATA B2");
    CU_ASSERT_EQUAL(F.last.lrecl, 132);
    CU_ASSERT_EQUAL(F.last.len[0], 132);

    /* a blank V record is written as one blank */
    static const char *const in2[] = {"input", " ", "", "file", NULL};
    fake_reset();
    CU_ASSERT_EQUAL(run("BLANK EXEC", in2), 0);
    CU_ASSERT_EQUAL(F.last.n, 1);
    CU_ASSERT_EQUAL(F.last.len[0], 1);
    CU_ASSERT_STRING_EQUAL(F.last.rec[0], " ");

    /* fm * finds the file on any disk */
    static const char *const in3[] = {"fmode", "quit", NULL};
    fake_reset();
    put_file("ANY DATA S2", 'F', 80, (const char *const[]){"X", NULL});
    CU_ASSERT_EQUAL(run("ANY DATA *", in3), 0);
    check_out("star", (const char *const[]){"EDIT:", "S2", NULL});
}

/* Records the editor cannot hold are refused before the session starts. */
static void test_record_limits(void)
{
    static const char *const in[] = {"quit", NULL};
    char big[200];
    memset(big, 'X', 170);
    big[170] = '\0';
    fake_reset();
    put_file("BIG DATA A1", 'V', 170, (const char *const[]){"OK", big, NULL});
    CU_ASSERT_EQUAL(run("BIG DATA", in), 32);
    check_out("big", (const char *const[]){"DMSEDI044E RECORD EXCEEDS ALLOWABLE MAXIMUM", NULL});
    CU_ASSERT_EQUAL(F.live, 0);

    /* blanks past 160 are no record length */
    memset(big, ' ', 170);
    memcpy(big, "PADDED", 6);
    fake_reset();
    put_file("PAD DATA A1", 'F', 170, (const char *const[]){big, NULL});
    CU_ASSERT_EQUAL(run("PAD DATA", in), 32); /* but an F LRECL of 170 is */
    fake_reset();
    put_file("PAD DATA A1", 'V', 80, (const char *const[]){big, NULL});
    CU_ASSERT_EQUAL(run("PAD DATA", in), 0);

    /* LRECL nn shorter than a record */
    fake_reset();
    put_file("L DATA A1", 'F', 80, (const char *const[]){"1234567890", NULL});
    CU_ASSERT_EQUAL(run("L DATA ( LRECL 8", in), 32);
    check_out("lrecl", (const char *const[]){
                           "DMSEDI076E ACTUAL RECORD LENGTH EXCEEDS THAT SPECIFIED", NULL});

    /* a read error */
    fake_reset();
    F.load_rc = 3;
    CU_ASSERT_EQUAL(run("R DATA", in), 100);
    check_out("rderr", (const char *const[]){
                           "DMSEDI104S ERROR '3' READING FILE 'R DATA A' FROM DISK", NULL});
}

/* ------------------------------------------------------------ SERIAL */

static void pad72(char *buf, const char *text, const char *seq)
{
    snprintf(buf, 81, "%-72s%s", text, seq);
}

static void test_serial(void)
{
    static const char *const in[] = {"serial on", "i one", "i two", "serial", "file", NULL};
    char want[2][81];
    fake_reset();
    CU_ASSERT_EQUAL(run("SEQ DATA", in), 0);
    check_out("serial", (const char *const[]){"NEW FILE:", "EDIT:", "TRUNC SET TO 72",
                                              "END ZONE SET TO 72", "SERIAL=ON 10", NULL});
    pad72(want[0], "ONE", "SEQ00010");
    pad72(want[1], "TWO", "SEQ00020");
    CU_ASSERT_EQUAL(F.last.n, 2);
    CU_ASSERT_STRING_EQUAL(F.last.rec[0], want[0]);
    CU_ASSERT_STRING_EQUAL(F.last.rec[1], want[1]);

    static const char *const in2[] = {"serial all 5", "i a", "i b", "serial", "file", NULL};
    fake_reset();
    CU_ASSERT_EQUAL(run("S DATA", in2), 0);
    pad72(want[1], "B", "00000010");
    CU_ASSERT_STRING_EQUAL(F.last.rec[1], want[1]);
    CU_ASSERT_STRING_EQUAL(F.out[4], "SERIAL=ALL 5");

    static const char *const in3[] = {"serial ab 100", "i a", "serial", "file", NULL};
    fake_reset();
    CU_ASSERT_EQUAL(run("S DATA", in3), 0);
    pad72(want[0], "A", "AB 00100");
    CU_ASSERT_STRING_EQUAL(F.last.rec[0], want[0]);
    CU_ASSERT_STRING_EQUAL(F.out[4], "SERIAL=AB 100");

    /* ASSEMBLE's TRUNC 71 needs no change; V files cannot be serialized */
    static const char *const in4[] = {"serial on", "recfm v", "serial", "serial on", "quit", NULL};
    fake_reset();
    CU_ASSERT_EQUAL(run("P ASSEMBLE", in4), 0);
    check_out("serial v",
              (const char *const[]){"NEW FILE:", "EDIT:", "SERIALIZATION TURNED OFF FOR V FORMAT",
                                    "SERIAL=OFF", "WRONG FILE FORMAT FOR SERIALIZATION", NULL});
}

/* ----------------------------------------------------- a large file */

/* 2,000 records of 80 bytes: loaded, changed all through, written back,
 * in well under 1 MB of the editor's storage. */
static void test_large_file(void)
{
    static const char *recs[2001];
    static char text[2000][81];
    for (unsigned k = 0; k < 2000; k++) {
        snprintf(text[k], sizeof(text[k]), "%05u %-68s%06u", (k + 1) % 10000,
                 "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG AND RUNS AWAY FROM IT", k % 10000);
        recs[k] = text[k];
    }
    recs[2000] = NULL;
    static const char *const in[] = {"v off", "c/FOX/CAT/ * g", "top", "l /01999 THE/",
                                     "b",     "file",           NULL};
    fake_reset();
    put_file("BIG DATA A1", 'F', 80, recs);
    CU_ASSERT_EQUAL(run("BIG DATA", in), 0);
    CU_ASSERT(F.maxbytes < 256 * 1024);
    check_out("large", (const char *const[]){"EDIT:", "EOF:", "TOF:", NULL});
    CU_ASSERT_EQUAL(F.last.n, 2000);
    CU_ASSERT(F.last.n == 2000 && strncmp(F.last.rec[1998] + 16, "BROWN CAT", 9) == 0);
    CU_ASSERT(F.last.n == 2000 && strcmp(F.last.rec[1999] + 74, "001999") == 0);
    CU_ASSERT_EQUAL(F.live, 0);
}

/* ------------------------------------------------ storage running out */

/* Any allocation may fail: the session says so and goes on, or does not
 * start; nothing leaks, nothing breaks. */
static void test_storage_exhausted(void)
{
    static const char *const in[] = {"n",    "i new line",   "input",      "a", "b",
                                     "",     "c/A/XYZ/ * g", "r replaced", "b", "i last",
                                     "file", "quit",         NULL};
    size_t full = 0;
    for (long at = 1; at < 40; at++) {
        fake_reset();
        put_file("TEST DATA A1", 'F', 80, (const char *const[]){"A", "AA", "AAA", "AAAA", NULL});
        F.fail_at = at;
        int rc = run("TEST DATA", in);
        CU_ASSERT(rc == 0 || rc == 41 || rc == EDIT_RC_HALT);
        CU_ASSERT_EQUAL(F.live, 0);
        for (size_t k = 0; k < F.nout; k++)
            if (strcmp(F.out[k], "AVAILABLE STORAGE IS NOW FULL") == 0)
                full++;
    }
    CU_ASSERT(full > 0);
}

/* ------------------------------------------------------------ HX */

static void test_halt(void)
{
    static const char *const in[] = {"n", "c/ALPHA/X/", "file", NULL};
    fake_reset();
    put_file("TEST DATA A1", 'F', 80, (const char *const[]){"ALPHA", NULL});
    F.halt_reads = 2;
    CU_ASSERT_EQUAL(run("TEST DATA", in), EDIT_RC_HALT);
    CU_ASSERT_EQUAL(F.saves, 0);
    CU_ASSERT_EQUAL(F.live, 0);

    /* HX stops a long X loop and a CMS subset */
    static const char *const in2[] = {"x t *", "x 99999999", "quit", NULL};
    fake_reset();
    put_file("TEST DATA A1", 'F', 80, (const char *const[]){"A", "B", NULL});
    F.halt_typed = 500;
    CU_ASSERT_EQUAL(run("TEST DATA", in2), EDIT_RC_HALT);
    CU_ASSERT(F.typed < 520);
    static const char *const in3[] = {"cms", "q disk", "q disk", NULL};
    fake_reset();
    F.halt_reads = 2;
    CU_ASSERT_EQUAL(run("T DATA", in3), EDIT_RC_HALT);
    CU_ASSERT_EQUAL(F.ncms, 1);
}

/* ----------------------------------------- the show hook and accessors */

static struct {
    unsigned cur[16], lines[16], n;
    bool input[16];
} seen;

static void fk_show(void *ctx, const struct edit *ed)
{
    (void)ctx;
    if (seen.n < 16) {
        seen.cur[seen.n] = edit_current(ed);
        seen.lines[seen.n] = edit_lines(ed);
        seen.input[seen.n] = edit_inputmode(ed);
        seen.n++;
    }
    size_t len;
    const char *t = edit_line(ed, edit_lines(ed), &len);
    CU_ASSERT(edit_lines(ed) == 0 || (t && len <= EDIT_MAXLRECL));
    CU_ASSERT_PTR_NULL(edit_line(ed, edit_lines(ed) + 1, &len));
    CU_ASSERT_PTR_NULL(edit_line(ed, 0, &len));
    CU_ASSERT_STRING_EQUAL(edit_file(ed)->ft, "DATA");
    CU_ASSERT(edit_nodisp(ed));
}

static void test_show_hook(void)
{
    struct edit_env e = env;
    e.show = fk_show;
    static const char *const in[] = {"n", "b", "input", "x", "", "quit", NULL};
    fake_reset();
    memset(&seen, 0, sizeof(seen));
    put_file("TEST DATA A1", 'F', 80, (const char *const[]){"A", "B", "C", NULL});
    F.env = &e;
    F.in = in;
    CU_ASSERT_EQUAL(run_args("TEST DATA ( NODISP"), 0);
    static const unsigned cur[] = {0, 1, 3, 3, 4, 4, 4}, lines[] = {3, 3, 3, 3, 4, 4, 4};
    static const bool input[] = {false, false, false, true, true, false, false};
    CU_ASSERT_EQUAL_FATAL(seen.n, 7);
    for (unsigned k = 0; k < 7; k++) {
        CU_ASSERT_EQUAL(seen.cur[k], cur[k]);
        CU_ASSERT_EQUAL(seen.lines[k], lines[k]);
        CU_ASSERT_EQUAL(seen.input[k], input[k]);
    }
}

/* Two sessions at once (an EDIT from the CMS subset of another): nothing
 * is shared between them. */
static void test_two_sessions(void)
{
    static const char *const in[] = {"n",      "cms", "EDIT OTHER DATA", "i inner", "file",
                                     "return", "t",   "c/OUTER/BOTH/",   "file",    NULL};
    fake_reset();
    put_file("TEST DATA A1", 'F', 80, (const char *const[]){"OUTER", NULL});
    CU_ASSERT_EQUAL(run("TEST DATA", in), 0);
    check_out("two", (const char *const[]){"EDIT:", "OUTER", "CMS SUBSET",
                                           "NEW FILE:", "EDIT:", "EDIT:", "OUTER", "BOTH", NULL});
    check_records("inner", find_file("OTHER DATA A1"), (const char *const[]){"INNER", NULL});
    check_records("outer", find_file("TEST DATA A1"), (const char *const[]){"BOTH", NULL});
    CU_ASSERT_EQUAL(F.live, 0);
}

static void test_cms_lines(void)
{
    static const char *const in[] = {"cms",        "listfile * * a", "",  "return",
                                     "cms q disk", "quit",           NULL};
    fake_reset();
    CU_ASSERT_EQUAL(run("T DATA", in), 0);
    CU_ASSERT_EQUAL_FATAL(F.ncms, 2);
    CU_ASSERT_STRING_EQUAL(F.cms[0], "listfile * * a");
    CU_ASSERT_STRING_EQUAL(F.cms[1], "Q DISK");
    /* without a CMS callback the subset refuses */
    struct edit_env e = env;
    e.cms = NULL;
    fake_reset();
    F.env = &e;
    F.in = (const char *const[]){"cms x", "quit", NULL};
    CU_ASSERT_EQUAL(run_args("T DATA"), 0);
    check_out("nocms", (const char *const[]){"NEW FILE:", "EDIT:", "INVALID SUBSET COMMAND", NULL});
}

/* ------------------------------------------------------------ garbage */

static unsigned long rnd_state;

static unsigned rnd(unsigned n)
{
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 7;
    rnd_state ^= rnd_state << 17;
    return (unsigned)(rnd_state % n);
}

static const char *const words[] = {
    "O",    "X",   "Y",   "?",  "=",    "I",    "R",     "REPEAT", "T",   "U",  "TO",
    "DE",   "DS",  "B",   "N",  "D",    "F",    "/",     "L",      "AL",  "C",  "TR",
    "Z",    "TAB", "CA",  "IM", "V",    "LONG", "SHORT", "PRE",    "RES", "FN", "FM",
    "RECF", "SER", "CMS", "SA", "FILE", "AUTO", "FO",    "BA",     "QU",  "",   "RETURN",
};
static const char *const operands[] = {
    "1",  "0",  "*",   "G", "99999999999", "-1",        "/A/B/",      "/A/", "//",
    "/",  "ON", "OFF", "M", "U",           "5 3",       "1 160",      "ALL", "X Y Z",
    "A1", "Q",  "\t",  "_", "....",        "/ABC/ * G", "/A/XX/ 2 *",
};

static void random_line(char *buf, size_t size)
{
    size_t o = 0;
    switch (rnd(4)) {
    case 0: /* random bytes, some of them long */
        for (size_t n = rnd(3) ? rnd(20) : rnd(300); o < n && o + 1 < size; o++)
            buf[o] = (char)(1 + rnd(255));
        break;
    default:
        o = (size_t)snprintf(buf, size, "%s%s%s%s%s", words[rnd(NELEM(words))], rnd(3) ? " " : "",
                             rnd(3) ? operands[rnd(NELEM(operands))] : "", rnd(2) ? " " : "",
                             rnd(4) ? "" : operands[rnd(NELEM(operands))]);
        break;
    }
    buf[o < size ? o : size - 1] = '\0';
}

/* After every line: the pointer and the records within their bounds. */
static void fk_check(void *ctx, const struct edit *ed)
{
    (void)ctx;
    unsigned n = edit_lines(ed);
    CU_ASSERT(edit_current(ed) <= n + 1);
    for (unsigned i = 1; i <= n; i++) {
        size_t len;
        const char *t = edit_line(ed, i, &len);
        CU_ASSERT(t && len <= EDIT_MAXLRECL && (len == 0 || t[len - 1] != ' '));
    }
}

static void test_garbage(void)
{
    struct edit_env e = env;
    e.show = fk_check;
    static char lines[80][320];
    static const char *script[81];
    static const char *const fts[] = {"DATA", "ASSEMBLE", "SCRIPT", "EXEC", "PLI", "LISTING"};
    rnd_state = 88172645463325252ul;
    for (int s = 0; s < 400; s++) {
        int n = 1 + (int)rnd(80);
        for (int k = 0; k < n; k++) {
            random_line(lines[k], sizeof(lines[k]));
            script[k] = lines[k];
        }
        script[n] = NULL;
        fake_reset();
        char args[40];
        snprintf(args, sizeof(args), "G %s%s", fts[rnd(NELEM(fts))], rnd(5) ? "" : " B");
        if (rnd(3))
            put_file(args[2] == 'D' ? "G DATA A1" : "G EXEC A1", rnd(2) ? 'F' : 'V', 80,
                     (const char *const[]){"AAA BBB", "", "CCC AAA DDD", "     X", NULL});
        F.halt_typed = 4000;
        F.fail_at = rnd(6) ? 0 : 1 + rnd(60);
        F.ro = rnd(4) ? NULL : "A";
        F.env = &e;
        int rc = run(args, script);
        CU_ASSERT(rc == 0 || rc == EDIT_RC_HALT || rc == 41);
        CU_ASSERT_EQUAL(F.live, 0);
        CU_ASSERT(F.longest <= EDIT_LINEBUF + 64);
        CU_ASSERT(F.typed <= 4000 + 200);
    }
}

static CU_TestInfo cases[] = {
    {"table", test_table},
    {"bad operands", test_bad_operands},
    {"quit keeps the file", test_quit_keeps_file},
    {"abbreviations", test_abbreviations},
    {"filetype defaults", test_filetype_defaults},
    {"existing formats", test_existing_formats},
    {"record limits", test_record_limits},
    {"serial", test_serial},
    {"large file", test_large_file},
    {"storage exhausted", test_storage_exhausted},
    {"halt", test_halt},
    {"show hook", test_show_hook},
    {"two sessions", test_two_sessions},
    {"cms subset lines", test_cms_lines},
    {"garbage", test_garbage},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("edit", cases);
