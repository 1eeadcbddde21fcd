/*
 * test_exec.c - the CMS EXEC interpreter (cms/exec/).
 *
 * A fake CMS runs each EXEC: it records what the EXEC shows as one
 * transcript - typed lines as they are, error messages as "[E<idlen>]
 * line", commands as "{line}" ("{line|NOMSG}" under &CONTROL NOMSG),
 * immediate commands as "<HT>" - keeps a console stack, supplies terminal
 * lines, and answers a few commands: RC n (returns n), SAY text (types
 * text), BAD (-3, unknown), EXEC fn args (runs fn from the test's files,
 * nesting through exec_run). Every case is a row: the EXEC, its
 * arguments, the terminal's lines, and the transcript, stack and return
 * code expected. Storage is counted: every run must give back all it took.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cms/exec/exec.h"
#include "unit.h"

#define OUTMAX 8192

struct tfile {
    const char *name;
    const char *text; /* lines separated by '\n' */
    bool fixed;       /* F 80: each line padded to 80 columns */
};

static struct fake {
    char out[OUTMAX];
    size_t outlen;
    int nout; /* lines in out */
    char stack[64][EXEC_LINEMAX + 1];
    int nstack;
    const char *input; /* terminal lines, '\n' separated */
    bool ht;
    int resets;
    char card[8][81];
    int ncard;
    long steps, maxsteps; /* halted() after maxsteps calls (0: never) */
    long allocs, frees, failat;
    const struct tfile *files;
    int nfiles;
    struct exec_shared sh;
    struct exec_env env;
} F;

static void record(const char *s)
{
    size_t n = strlen(s);
    if (F.nout++ > 0 && F.outlen < OUTMAX - 1)
        F.out[F.outlen++] = '\n';
    if (F.outlen + n >= OUTMAX)
        n = OUTMAX - 1 - F.outlen;
    memcpy(F.out + F.outlen, s, n);
    F.outlen += n;
    F.out[F.outlen] = '\0';
}

static void f_type(void *ctx, const char *line)
{
    CU_ASSERT_PTR_EQUAL(ctx, &F);
    record(line);
}

static void f_emsg(void *ctx, const char *line, size_t idlen)
{
    char buf[300];
    (void)ctx;
    snprintf(buf, sizeof buf, "[E%zu] %s", idlen, line);
    record(buf);
}

static void f_stack(void *ctx, const char *line, bool lifo)
{
    (void)ctx;
    if (F.nstack == 64)
        return;
    if (lifo) {
        memmove(F.stack[1], F.stack[0], sizeof F.stack[0] * (size_t)F.nstack);
        snprintf(F.stack[0], sizeof F.stack[0], "%s", line);
    } else {
        snprintf(F.stack[F.nstack], sizeof F.stack[0], "%s", line);
    }
    F.nstack++;
}

static int f_stacked(void *ctx)
{
    (void)ctx;
    return F.nstack;
}

static int f_read(void *ctx, char *buf, size_t size)
{
    (void)ctx;
    if (F.nstack > 0) {
        snprintf(buf, size, "%s", F.stack[0]);
        memmove(F.stack[0], F.stack[1], sizeof F.stack[0] * (size_t)--F.nstack);
        return (int)strlen(buf);
    }
    if (!F.input || !*F.input)
        return -1;
    const char *nl = strchr(F.input, '\n');
    size_t n = nl ? (size_t)(nl - F.input) : strlen(F.input);
    snprintf(buf, size, "%.*s", (int)n, F.input);
    F.input += n + (nl ? 1 : 0);
    return (int)strlen(buf);
}

static void f_punch(void *ctx, const char card[80])
{
    (void)ctx;
    if (F.ncard < 8) {
        memcpy(F.card[F.ncard], card, 80);
        F.card[F.ncard++][80] = '\0';
    }
}

static void f_immediate(void *ctx, const char *cmd)
{
    char buf[16];
    (void)ctx;
    F.ht = strcmp(cmd, "HT") == 0;
    snprintf(buf, sizeof buf, "<%s>", cmd);
    record(buf);
}

static bool f_typing_halted(void *ctx)
{
    (void)ctx;
    return F.ht;
}

static bool f_sysvar(void *ctx, const char *name, char value[9])
{
    static const char *const known[][2] = {
        {"&DISKA", "CMS"}, {"&DISKC", "OS"}, {"&DISK*", "A"}, {"&DISK?", "A"}, {"&DOS", "OFF"}};
    (void)ctx;
    for (size_t i = 0; i < NELEM(known); i++)
        if (strcmp(name, known[i][0]) == 0) {
            strcpy(value, known[i][1]);
            return true;
        }
    return false;
}

static void f_clock(void *ctx, enum exec_clock what, char *buf, size_t size)
{
    (void)ctx;
    if (what == EXEC_CLOCK_RESET)
        F.resets++;
    else
        snprintf(buf, size, "%s", what == EXEC_CLOCK_TOD ? "14:36:30" : "T=0.01/0.02 14:36:30");
}

static bool f_halted(void *ctx)
{
    (void)ctx;
    return F.maxsteps && ++F.steps > F.maxsteps;
}

static void *f_alloc(void *ctx, size_t size)
{
    (void)ctx;
    if (F.failat && F.allocs + 1 >= F.failat)
        return NULL;
    F.allocs++;
    return calloc(1, size);
}

static void f_free(void *ctx, void *p, size_t size)
{
    (void)ctx;
    (void)size;
    F.frees++;
    free(p);
}

/* An EXEC file over a '\n' separated text. */
struct tload {
    struct exec_file xf;
    const char *line[512];
    int len[512];
    char fixed[512][81];
};

static int t_line(void *fctx, unsigned n, const char **text)
{
    struct tload *t = fctx;
    if (n < 1 || n > t->xf.nlines)
        return -1;
    *text = t->line[n - 1];
    return t->len[n - 1];
}

static void load(struct tload *t, const char *name, const char *text, bool fixed)
{
    memset(t, 0, sizeof *t);
    snprintf(t->xf.name, sizeof t->xf.name, "%s", name);
    t->xf.fixed = fixed;
    t->xf.line = t_line;
    t->xf.fctx = t;
    for (const char *p = text; p && t->xf.nlines < 512;) {
        const char *nl = strchr(p, '\n');
        int n = nl ? (int)(nl - p) : (int)strlen(p);
        unsigned k = t->xf.nlines++;
        if (fixed) {
            memset(t->fixed[k], ' ', 80);
            memcpy(t->fixed[k], p, (size_t)(n < 80 ? n : 80));
            t->line[k] = t->fixed[k];
            t->len[k] = 80;
        } else {
            t->line[k] = p;
            t->len[k] = n;
        }
        p = nl ? nl + 1 : NULL;
    }
}

/* Split an argument string into plist tokens. */
static int plist(const char *s, char tok[][8], int max)
{
    int n = 0;
    while (s && *s && n < max) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        size_t k = 0;
        memset(tok[n], ' ', 8);
        while (*s && *s != ' ') {
            if (k < 8)
                tok[n][k++] = *s;
            s++;
        }
        n++;
    }
    return n;
}

static int f_command(void *ctx, const char (*tok)[8], int ntok, const char *line, unsigned flags)
{
    char buf[300];
    (void)ctx;
    CU_ASSERT(ntok >= 1);
    snprintf(buf, sizeof buf, "{%s%s}", line, flags & EXEC_CMD_NOMSG ? "|NOMSG" : "");
    record(buf);
    if (memcmp(tok[0], "RC      ", 8) == 0)
        return ntok > 1 ? atoi(line + 3) : 0;
    if (memcmp(tok[0], "SAY     ", 8) == 0) {
        record(line + (ntok > 1 ? 4 : 3));
        return 0;
    }
    if (memcmp(tok[0], "BAD     ", 8) == 0)
        return -3;
    if (memcmp(tok[0], "EXEC    ", 8) == 0 && ntok > 1) {
        for (int i = 0; i < F.nfiles; i++) {
            size_t n = strlen(F.files[i].name);
            if (memcmp(tok[1], F.files[i].name, n) == 0 && (n == 8 || tok[1][n] == ' ')) {
                struct tload *t = malloc(sizeof *t);
                load(t, F.files[i].name, F.files[i].text, F.files[i].fixed);
                int rc = exec_run(&F.env, &t->xf, tok + 2, ntok - 2);
                free(t);
                return rc;
            }
        }
        return exec_error(&F.env, "?", 0, EXEC_RC_NOTFOUND);
    }
    return 0;
}

static void reset(void)
{
    memset(&F, 0, sizeof F);
    exec_shared_init(&F.sh);
    F.env = (struct exec_env){
        .ctx = &F,
        .shared = &F.sh,
        .command = f_command,
        .type = f_type,
        .emsg = f_emsg,
        .read = f_read,
        .stack = f_stack,
        .stacked = f_stacked,
        .punch = f_punch,
        .immediate = f_immediate,
        .typing_halted = f_typing_halted,
        .sysvar = f_sysvar,
        .clock = f_clock,
        .halted = f_halted,
        .alloc = f_alloc,
        .free = f_free,
    };
}

/* Run text as TEST EXEC with the arguments in args; the fake keeps what
 * it saw. Checks that the run gave back its storage and nesting level. */
static int run_exec(const char *text, const char *args, bool fixed)
{
    static struct tload t;
    char tok[40][8];
    load(&t, "TEST", text, fixed);
    int rc = exec_run(&F.env, &t.xf, (const char(*)[8])tok, plist(args, tok, 40));
    CU_ASSERT_EQUAL(F.allocs, F.frees);
    CU_ASSERT_EQUAL(F.sh.depth, 0);
    return rc;
}

static const char *stackstr(void)
{
    static char buf[2048];
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < F.nstack; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "|" : "", F.stack[i]);
    return buf;
}

struct tcase {
    const char *exec;
    const char *args;
    const char *input; /* terminal lines */
    const char *out;   /* the transcript */
    int rc;
    const char *stack; /* NULL: not checked */
};

static void run_table(const struct tcase *c, size_t n, bool fixed)
{
    for (size_t k = 0; k < n; k++) {
        reset();
        F.input = c[k].input;
        int rc = run_exec(c[k].exec, c[k].args, fixed);
        if (strcmp(F.out, c[k].out) != 0 || rc != c[k].rc)
            fprintf(stderr, "\nEXEC <<%s>>\n  got rc %d <<%s>>\n want rc %d <<%s>>\n", c[k].exec,
                    rc, F.out, c[k].rc, c[k].out);
        CU_ASSERT_STRING_EQUAL(F.out, c[k].out);
        CU_ASSERT_EQUAL(rc, c[k].rc);
        if (c[k].stack) {
            if (strcmp(stackstr(), c[k].stack) != 0)
                fprintf(stderr, "\nEXEC <<%s>>\n  stack <<%s>> want <<%s>>\n", c[k].exec,
                        stackstr(), c[k].stack);
            CU_ASSERT_STRING_EQUAL(stackstr(), c[k].stack);
        }
    }
}

#define ERRMSG(line, text) "[E10] DMSEXT072E ERROR IN EXEC FILE TEST, LINE " #line " - " text

/* ---------------------------------------------------- lines and tokens */

static const struct tcase lines[] = {
    {"&TYPE HELLO  WORLD", "", NULL, "HELLO WORLD", 0, NULL},
    {"&TYPE hello World", "", NULL, "hello World", 0, NULL}, /* as stored */
    {"&TYPE ABCDEFGHIJ KLM", "", NULL, "ABCDEFGH KLM", 0, NULL},
    {"* &TYPE COMMENT\n&TYPE X", "", NULL, "X", 0, NULL},
    {" * NOT A COMMENT", "", NULL, "* NOT A COMMENT\n{* NOT A COMMENT}", 0, NULL},
    {"\n\n   \n&TYPE X", "", NULL, "X", 0, NULL},
    {"-LAB &TYPE X\n-ONLY\n&TYPE Y", "", NULL, "X\nY", 0, NULL},
    {"&TYPE", "", NULL, "", 0, NULL},
    {"&CONTINUE\n&END\n&TYPE Z", "", NULL, "Z", 0, NULL},
    /* a V record is scanned to column 130 */
    {"&TYPE 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 END",
     "", NULL,
     "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 END", 0,
     NULL},
    {"", "", NULL, "", 0, NULL},
};

static void test_lines(void)
{
    run_table(lines, NELEM(lines), false);

    /* F 80 records: only columns 1-72 are scanned, &BEGTYPE ALL keeps
     * the rest */
    static char a[100], b[100], c[100], d[100];
    snprintf(a, sizeof a, "%-72s%s", "&TYPE A", "SEQ00010");
    snprintf(b, sizeof b,
             "&TYPE 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 "
             "25 26 27 28 29");
    snprintf(c, sizeof c, "&BEGTYPE\n%-72s%s\n&END", "COL1", "73-80XX");
    snprintf(d, sizeof d, "&BEGTYPE ALL\n%-72s%s\n&END", "COL1", "73-80XX");
    const struct tcase fixedlines[] = {
        {a, "", NULL, "A", 0, NULL},
        {b, "", NULL, "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25", 0, NULL},
        {c, "", NULL, "COL1", 0, NULL},
        {d, "", NULL,
         "COL1                                                                    73-80XX", 0,
         NULL},
    };
    run_table(fixedlines, NELEM(fixedlines), true);
}

/* ----------------------------------------------------------- substitution */

static const struct tcase substitution[] = {
    {"&X = 5\n&TYPE &X", "", NULL, "5", 0, NULL},
    {"&TYPE A &NOPE B", "", NULL, "A B", 0, NULL}, /* null symbols take no place */
    {"&X = 12\n&TYPE A&X", "", NULL, "A12", 0, NULL},
    {"&X = 1\n&TYPE &X.Y", "", NULL, "", 0, NULL}, /* the symbol is &X.Y */
    {"&X = ABCDEFGH\n&TYPE 12&X", "", NULL, "12ABCDEF", 0, NULL},
    /* scanned right to left: subscripts (CMS User's Guide) */
    {"&1 = ALPHA\n&2 = BETA\n&I = 1\n&TYPE &&I\n&I = 2\n&TYPE &&I", "", NULL, "ALPHA\nBETA", 0,
     NULL},
    {"&A3 = X\n&I = 3\n&TYPE &A&I", "", NULL, "X", 0, NULL},
    {"&I = 2\n&A&I = Z\n&TYPE &A2", "", NULL, "Z", 0, NULL},
    {"&X = **\n&TYPE &LITERAL &X EQUALS &X", "", NULL, "&X EQUALS **", 0, NULL},
    {"&X = &LITERAL &Y\n&Y = 7\n&TYPE &X", "", NULL, "&Y", 0, NULL}, /* not scanned again */
    {"&X = A\n&X = \xff\xff\xff\xff\xff\xff\xff\xff\n&L = &LENGTH &X\n&TYPE &L", "", NULL, "0", 0,
     NULL},
    {"&X = A\n&X =\n&TYPE B&X", "", NULL, "B", 0, NULL},
    {"&TYPE &1 &2 &3 &INDEX", "A B C", NULL, "A B C 3", 0, NULL},
    {"&TYPE &2 &INDEX &3", "A % C", NULL, "3 C", 0, NULL},
    {"&TYPE &0 &EXEC", "", NULL, "TEST TEST", 0, NULL},
    {"&0 = NEW\n&TYPE &0 &EXEC", "", NULL, "NEW TEST", 0, NULL},
    {"&TYPE &GLOBAL &GLOBAL3", "", NULL, "1 1", 0, NULL},
    {"\n&TYPE &LINENUM", "", NULL, "2", 0, NULL},
    {"&CONTROL OFF\nRC 4\n&TYPE &RETCODE", "", NULL, "{RC 4}\n4", 0, NULL},
    {"&TYPE &READFLAG\n&STACK X\n&TYPE &READFLAG", "", NULL, "CONSOLE\nSTACK", 0, "X"},
    {"&TYPE &TYPEFLAG\n&STACK HT\n&TYPE &TYPEFLAG", "", NULL, "RT\n<HT>\nHT", 0, ""},
    {"&TYPE &DISKA &DISKC &DISKZ &DISK* &DISK? &DOS", "", NULL, "CMS OS NA A A OFF", 0, NULL},
    {"&DOS = ON\n&DISK* = Z\n&TYPE &DOS &DISK*", "", NULL, "ON Z", 0, NULL},
    {"&GLOBAL4 = 7\n&RETCODE = -2\n&INDEX = 9\n&TYPE &GLOBAL4 &RETCODE &INDEX", "", NULL, "7 -2 9",
     0, NULL},
    {"&31 = A", "", NULL, ERRMSG(1, "MISUSE OF SPECIAL VARIABLE"), 808, NULL},
    {"&TYPE &*", "", NULL, ERRMSG(1, "MISUSE OF SPECIAL VARIABLE"), 808, NULL},
    {"&EXEC = A", "", NULL, ERRMSG(1, "MISUSE OF SPECIAL VARIABLE"), 808, NULL},
    {"&GLOBAL = 3", "", NULL, ERRMSG(1, "MISUSE OF SPECIAL VARIABLE"), 808, NULL},
    {"&READFLAG = X", "", NULL, ERRMSG(1, "MISUSE OF SPECIAL VARIABLE"), 808, NULL},
    {"&GLOBAL1 = X", "", NULL, ERRMSG(1, "CONVERSION ERROR"), 809, NULL},
    {"& = 1", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    /* a line that begins with a symbol is a command (LISTFILE's CMS EXEC) */
    {"&CONTROL OFF\n&1 &2 FN FT", "LISTFILE A", NULL, "{LISTFILE A FN FT}", 0, NULL},
    {"&CONTROL OFF\n&NOTAWORD CMD", "", NULL, "{CMD}", 0, NULL},
};

static void test_substitution(void) { run_table(substitution, NELEM(substitution), false); }

/* -------------------------------------------------- assignment, functions */

/* &V = rhs: the value &V gets, or (NULL) the error rc. */
struct vcase {
    const char *rhs;
    const char *value;
    int rc;
};

static const struct vcase assignments[] = {
    {"2 + 3 * 4", "20", 0}, /* left to right */
    {"10 - 15", "-5", 0},
    {"7 / 2", "3", 0},
    {"-7 / 2", "-3", 0},
    {"+5 - -5", "10", 0},
    {"1 / 0", NULL, 809},
    {"A + 1", NULL, 809},
    {"1 + A", NULL, 809},
    {"A B", NULL, 807},
    {"5 +", NULL, 807},
    {"1 X 2", NULL, 807},
    {"99999999 + 1", NULL, 809},
    {"-9999999 - 1", NULL, 809},
    {"9999 * 99999", NULL, 809},
    {"99999999", "99999999", 0},
    {"+", "+", 0},
    {"&CONCAT AB CD EFGHIJ", "ABCDEFGH", 0},
    {"&CONCAT", "", 0},
    {"&DATATYPE 123", "NUM", 0},
    {"&DATATYPE -5", "NUM", 0},
    {"&DATATYPE 1A", "CHAR", 0},
    {"&DATATYPE -", "CHAR", 0},
    {"&DATATYPE", "CHAR", 0},
    {"&DATATYPE A B", NULL, 807},
    {"&LENGTH HELLO", "5", 0},
    {"&LENGTH", "0", 0},
    {"&SUBSTR ABCDE 2 3", "BCD", 0},
    {"&SUBSTR ABCDE 4", "DE", 0},
    {"&SUBSTR ABCDE 4 9", "DE", 0},
    {"&SUBSTR ABC 5", "", 0},
    {"&SUBSTR ABC 0", NULL, 809},
    {"&SUBSTR ABC X", NULL, 809},
    {"&SUBSTR ABC", NULL, 807},
    {"X'C0", "X'C0", 0}, /* without &HEX ON */
};

static const struct vcase hexes[] =
    {
        {"X'C0", "192", 0},          {"X'c0'", "192", 0}, {"X'FFFFFF", "16777215", 0},
        {"X'FF + 1", "256", 0},      {"X'G1", NULL, 809}, {"X'", "X'", 0},
        {"X'1234567", "1193046", 0}, /* the token holds X'123456 */
        {"X''", NULL, 809},          {"XYZ", "XYZ", 0},
};

static void check_value(const char *prefix, const struct vcase *v)
{
    const char *rhs = v->rhs, *value = v->value;
    int want = v->rc;
    char text[200], out[200];
    snprintf(text, sizeof text, "%s&V = %s\n&TYPE &V", prefix, rhs);
    reset();
    int rc = run_exec(text, "", false);
    if (value)
        snprintf(out, sizeof out, "%s", value);
    else
        snprintf(out, sizeof out, "[E10] DMSEXT072E ERROR IN EXEC FILE TEST, LINE %d - %s",
                 prefix[0] ? 2 : 1, exec_errtext(want));
    if (strcmp(F.out, out) != 0)
        fprintf(stderr, "\n&V = %s: <<%s>> want <<%s>>\n", rhs, F.out, out);
    CU_ASSERT_STRING_EQUAL(F.out, out);
    CU_ASSERT_EQUAL(rc, want);
}

static void test_assignment(void)
{
    for (size_t k = 0; k < NELEM(assignments); k++)
        check_value("", &assignments[k]);
    for (size_t k = 0; k < NELEM(hexes); k++)
        check_value("&HEX ON\n", &hexes[k]);
}

/* ------------------------------------------------------------------- &IF */

static const struct {
    const char *cond;
    bool met;
} conditions[] = {
    {"5 = 5", true},    {"5 EQ 05", true},    {"A EQ A", true},   {"A EQ B", false},
    {"A NE B", true},   {"A \xac= A", false}, {"A ^= B", true},   {"3 LT 10", true},
    {"3 < 10", true},   {"ABC LT ABD", true}, {"10 GT 9", true},  {"B > A", true},
    {"5 GE 5", true},   {"5 >= 6", false},    {"5 LE 4", false},  {"4 <= 4", true},
    {"-1 LT 0", true},  {"+1 EQ 1", true},    {"a LT A", true},   {"A LT 1", true},
    {"AB EQ AB", true}, {"A LT AA", true},    {"A1 LT A2", true}, {"Z GT 9", false},
};

static void test_if(void)
{
    for (size_t k = 0; k < NELEM(conditions); k++) {
        char text[100];
        snprintf(text, sizeof text, "&IF %s &TYPE Y\n&TYPE E", conditions[k].cond);
        reset();
        CU_ASSERT_EQUAL(run_exec(text, "", false), 0);
        if (strcmp(F.out, conditions[k].met ? "Y\nE" : "E") != 0)
            fprintf(stderr, "\n&IF %s: <<%s>>\n", conditions[k].cond, F.out);
        CU_ASSERT_STRING_EQUAL(F.out, conditions[k].met ? "Y\nE" : "E");
    }
    static const struct tcase ifs[] = {
        {"&IF 1 EQ 1 &IF 2 EQ 2 &TYPE BOTH", "", NULL, "BOTH", 0, NULL},
        {"&IF 1 EQ 1 &IF 2 EQ 3 &TYPE NO", "", NULL, "", 0, NULL},
        {"&IF 1 EQ 2 &IF 2 EQ 2 &TYPE NO", "", NULL, "", 0, NULL},
        {"&I = 1\n&IF &I < 10 &I = &I + 1\n&TYPE &I", "", NULL, "2", 0, NULL},
        {"&IF .&X EQ . &TYPE NULL", "", NULL, "NULL", 0, NULL},
        {"&IF &* EQ A &TYPE ALL", "A A A", NULL, "ALL", 0, NULL},
        {"&IF &* EQ A &TYPE ALL\n&IF &$ EQ B &TYPE ANY", "A B", NULL, "ANY", 0, NULL},
        {"&IF B EQ &$ &TYPE ANY", "A B", NULL, "ANY", 0, NULL},
        {"&IF &* EQ A &TYPE X\n&IF &$ EQ A &TYPE Y\n&TYPE END", "", NULL, "END", 0, NULL},
        /* &* and &$ keep the arguments of the call, not later &n */
        {"&1 = B\n&IF &* EQ A &TYPE ARGS", "A", NULL, "ARGS", 0, NULL},
        {"&ARGS B\n&IF &* EQ A &TYPE ARGS", "A", NULL, "", 0, NULL},
        {"&IF 1 XX 1 &TYPE X", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
        {"&IF 1 EQ", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
        {"&IF", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
        {"&IF &UNSET EQ 1 &TYPE X", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
        {"&IF 1 EQ 1", "", NULL, "", 0, NULL},
    };
    run_table(ifs, NELEM(ifs), false);
}

/* ------------------------------------------------------- &GOTO and &SKIP */

static const struct tcase branches[] = {
    {"&GOTO -B\n&TYPE A\n-B &TYPE B", "", NULL, "B", 0, NULL},
    {"&I = 0\n-TOP &I = &I + 1\n&IF &I < 3 &GOTO -TOP\n&TYPE &I", "", NULL, "3", 0, NULL},
    {"&IF .&X = .Y &GOTO -END\n&X = Y\n&TYPE ONCE\n&GOTO TOP\n-END &TYPE DONE", "", NULL,
     "ONCE\nDONE", 0, NULL},
    {"&GOTO 3\n&TYPE A\n&TYPE B", "", NULL, "B", 0, NULL},
    {"&L = -B\n&GOTO &L\n-A &TYPE A\n-B &TYPE B", "", NULL, "B", 0, NULL},
    /* labels are found below first, then from the top */
    {"&TYPE 1\n-A &TYPE A\n&IF .&X = .Y &EXIT\n&X = Y\n&GOTO -A", "", NULL, "1\nA\nA", 0, NULL},
    {"&GOTO -LAB\n-lab &TYPE lower\n-LAB &TYPE UPPER", "", NULL, "UPPER", 0, NULL},
    {"&GOTO -LONGLABE\n&TYPE NO\n-LONGLABEL &TYPE YES", "", NULL, "YES", 0, NULL},
    {"&GOTO -NOPE", "", NULL, ERRMSG(1, "&SKIP OR &GOTO ERROR"), 802, NULL},
    {"&GOTO 99", "", NULL, ERRMSG(1, "&SKIP OR &GOTO ERROR"), 802, NULL},
    {"&GOTO 0", "", NULL, ERRMSG(1, "&SKIP OR &GOTO ERROR"), 802, NULL},
    {"&GOTO FOO", "", NULL, ERRMSG(1, "&SKIP OR &GOTO ERROR"), 802, NULL},
    {"&GOTO", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&SKIP\n&TYPE A\n&TYPE B", "", NULL, "B", 0, NULL},
    {"&SKIP 2\n&TYPE A\n&TYPE B\n&TYPE C", "", NULL, "C", 0, NULL},
    {"&SKIP 0\n&TYPE A", "", NULL, "A", 0, NULL},
    {"&SKIP 5\n&TYPE A", "", NULL, "", 0, NULL}, /* past the end: the EXEC ends */
    {"&TYPE A\n&IF .&X = .Y &EXIT 3\n&X = Y\n&SKIP -3", "", NULL, "A\nA", 3, NULL},
    {"&TYPE A\n&SKIP -10", "", NULL, "A\n" ERRMSG(2, "&SKIP OR &GOTO ERROR"), 802, NULL},
    {"&SKIP X", "", NULL, ERRMSG(1, "CONVERSION ERROR"), 809, NULL},
    {"&EXIT", "", NULL, "", 0, NULL},
    {"&EXIT 12\n&TYPE NO", "", NULL, "", 12, NULL},
    {"&EXIT -4", "", NULL, "", -4, NULL},
    {"&EXIT &1", "28", NULL, "", 28, NULL},
    {"&EXIT ABC", "", NULL, ERRMSG(1, "CONVERSION ERROR"), 809, NULL},
};

static void test_branches(void) { run_table(branches, NELEM(branches), false); }

/* ------------------------------------------------------------------ &LOOP */

static const struct tcase loops[] = {
    {"&LOOP 2 3\n&TYPE A\n&TYPE B\n&TYPE END", "", NULL, "A\nB\nA\nB\nA\nB\nEND", 0, NULL},
    {"&I = 0\n&LOOP -E 2\n&I = &I + 1\n-E &TYPE &I\n&TYPE END", "", NULL, "1\n2\nEND", 0, NULL},
    {"&I = 0\n&LOOP 2 &I = 3\n&I = &I + 1\n&TYPE &I\n&TYPE END", "", NULL, "1\n2\n3\nEND", 0, NULL},
    {"&LOOP 1 1 = 1\n&TYPE NO\n&TYPE END", "", NULL, "END", 0, NULL},
    {"&LOOP 1 0\n&TYPE NO\n&TYPE END", "", NULL, "END", 0, NULL},
    {"&LOOP 0 5\n&TYPE ONCE", "", NULL, "ONCE", 0, NULL},
    {"&N = 2\n&LOOP 1 &N\n&TYPE X", "", NULL, "X\nX", 0, NULL},
    {"&LOOP -E 2\n&LOOP -E 2\n-E &TYPE X", "", NULL, "X\nX\nX\nX", 0, NULL},
    {"&LOOP 3 2\n&TYPE O\n&LOOP 1 2\n&TYPE I", "", NULL, "O\nI\nI\nO\nI\nI", 0, NULL},
    {"&LOOP 2 3\n&TYPE A\n&GOTO -OUT\n-OUT &TYPE OUT", "", NULL, "A\nOUT", 0, NULL},
    {"&LOOP 2 2\n&TYPE A\n&EXIT 1", "", NULL, "A", 1, NULL},
    /* every argument: a loop that shifts them */
    {"&LOOP 2 &INDEX = 0\n&TYPE &1\n&ARGS &2 &3 &4", "P Q R", NULL, "P\nQ\nR", 0, NULL},
    {"&LOOP 2 &$ = Q\n&TYPE &INDEX\n&ARGS Q", "P", NULL, "1", 0, NULL},
    {"&LOOP 5 1\n&LOOP 4 1\n&LOOP 3 1\n&LOOP 2 1\n&LOOP 1 1\n&TYPE X", "", NULL,
     ERRMSG(5, "MAX DEPTH OF LOOP NESTING EXCEEDED"), 805, NULL},
    {"&LOOP 5 2\n&TYPE A", "", NULL, ERRMSG(1, "EOF FOUND IN LOOP"), 806, NULL},
    {"&TYPE A\n-E &LOOP -E 2", "", NULL, "A\n" ERRMSG(2, "EOF FOUND IN LOOP"), 806, NULL},
    {"&LOOP 1 5000\n&TYPE A", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&LOOP 1 X\n&TYPE A", "", NULL, ERRMSG(1, "CONVERSION ERROR"), 809, NULL},
    {"&LOOP 1\n&TYPE A", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&LOOP\n&TYPE A", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&LOOP X 1\n&TYPE A", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
};

static void test_loops(void) { run_table(loops, NELEM(loops), false); }

/* ------------------------------------------------- &ARGS, &READ, &STACK */

static const struct tcase io[] = {
    {"&ARGS X Y\n&TYPE &1 &2 .&3 &INDEX", "A B C", NULL, "X Y . 2", 0, NULL},
    {"&ARGS\n&TYPE &INDEX .&1", "A", NULL, "0 .", 0, NULL},
    {"&ARGS A % B\n&TYPE &INDEX .&2 &3", "", NULL, "3 . B", 0, NULL},
    {"&ARGS 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31",
     "", NULL, ERRMSG(1, "TOO MANY ARGUMENTS"), 804, NULL},
    {"&TYPE NO",
     "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31", NULL,
     ERRMSG(0, "TOO MANY ARGUMENTS"), 804, NULL},
    {"&STACK A B C\n&READ ARGS\n&TYPE &INDEX &2", "", NULL, "3 B", 0, ""},
    {"&STACK ONE TWO\n&READ VARS &X &Y &Z\n&TYPE &Y &X .&Z", "", NULL, "TWO ONE .", 0, ""},
    {"&READ VARS &X\n&TYPE &X", "", "from the terminal", "from", 0, NULL},
    {"&READ ARGS\n&TYPE &1 &INDEX", "", "FOO BAR", "FOO 2", 0, NULL},
    {"&READ ARGS\n&TYPE &INDEX", "", NULL, "0", 0, NULL}, /* no line: a null line */
    {"&READ VARS X", "", "A", ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&BEGSTACK\n&TYPE HELLO\n&X = 5\n&END\n&READ 2\n&TYPE &X", "", NULL, "HELLO\n5", 0, ""},
    {"&READ\n&TYPE &X", "", "&X = 9", "9", 0, NULL},
    {"&READ 0\n&TYPE OK", "", "&TYPE NO", "OK", 0, NULL},
    /* a branch in a line read ends the reading */
    {"&READ 3\n&TYPE A\n-L &TYPE L", "", "&TYPE R\n&GOTO -L\n&TYPE NO", "R\nL", 0, NULL},
    {"&READ\n&TYPE A", "", "&LOOP 1 2", ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&READ\n&TYPE A", "", "&BEGTYPE", ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&READ X", "", NULL, ERRMSG(1, "CONVERSION ERROR"), 809, NULL},
    {"&READ ARGS", "",
     "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 "
     "28 29 30 31",
     ERRMSG(1, "TOO MANY ARGUMENTS"), 804, NULL},
    {"&STACK A\n&STACK LIFO B\n&STACK FIFO C", "", NULL, "", 0, "B|A|C"},
    {"&STACK\n&STACK LIFO", "", NULL, "", 0, "|"},
    {"&X = VAL\n&STACK &X  IS  &X", "", NULL, "", 0, "VAL IS VAL"},
    {"&STACK HT\n&STACK RT\n&STACK HT X", "", NULL, "<HT>\n<RT>", 0, "HT X"},
    {"&BEGSTACK\nLINE 1\n  LINE &2\n&END\n&TYPE DONE", "", NULL, "DONE", 0, "LINE 1|  LINE &2"},
    {"&BEGSTACK LIFO\nL1\nL2\n&END", "", NULL, "", 0, "L2|L1"},
    {"&BEGSTACK FIFO ALL\nL1\n&END", "", NULL, "", 0, "L1"},
    {"&BEGSTACK XYZ\nL1\n&END", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, ""},
    {"&BEGSTACK\nNO END", "", NULL, "", 0, "NO END"},
    {"&BEGTYPE\n &END\n&ENDX\n&END\n&TYPE AFTER", "", NULL, " &END\n&ENDX\nAFTER", 0, NULL},
    {"&BEGTYPE\n&X is not &1 substituted\n&END", "", NULL, "&X is not &1 substituted", 0, NULL},
    {"&BEGTYPE LIFO\n&END", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&BEGEMSG\nERR001E SOMETHING BAD\n  ERR002I indented\nplain line\nERR003X NO\n&END", "", NULL,
     "[E10] DMSERR001E SOMETHING BAD\n[E10] DMSERR002I indented\n[E0] plain line\n[E0] ERR003X NO",
     0, NULL},
    {"&EMSG ERR002W CAREFUL NOW", "", NULL, "[E10] DMSERR002W CAREFUL NOW", 0, NULL},
    {"&EMSG ERR004E", "", NULL, "[E10] DMSERR004E", 0, NULL},
    {"&EMSG", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&SPACE 2\n&TYPE X", "", NULL, "\n\nX", 0, NULL},
    {"&SPACE\n&TYPE X", "", NULL, "\nX", 0, NULL},
    {"&SPACE 0\n&TYPE X", "", NULL, "X", 0, NULL},
    {"&SPACE Q", "", NULL, ERRMSG(1, "CONVERSION ERROR"), 809, NULL},
};

static void test_io(void) { run_table(io, NELEM(io), false); }

static void test_punch(void)
{
    reset();
    CU_ASSERT_EQUAL(run_exec("&PUNCH A BB CCCCCCCCC\n&PUNCH\n&BEGPUNCH\n  CARD &1\n&END\n"
                             "&PUNCH 1 2 3 4 5 6 7 8 9 10 11 12",
                             "", false),
                    0);
    CU_ASSERT_EQUAL(F.ncard, 4);
    char want[81];
    snprintf(want, sizeof want, "%-80s", "A       BB      CCCCCCCC");
    CU_ASSERT_STRING_EQUAL(F.card[0], want);
    snprintf(want, sizeof want, "%-80s", "");
    CU_ASSERT_STRING_EQUAL(F.card[1], want);
    snprintf(want, sizeof want, "%-80s", "  CARD &1");
    CU_ASSERT_STRING_EQUAL(F.card[2], want);
    snprintf(want, sizeof want, "%-80s",
             "1       2       3       4       5       6       7       8       9       10");
    CU_ASSERT_STRING_EQUAL(F.card[3], want);

    /* &BEGPUNCH ALL keeps columns 73-80 of an F 80 record */
    char seq[200], rec[100];
    snprintf(rec, sizeof rec, "%-72s%s", "DATA", "00000010");
    snprintf(seq, sizeof seq, "&BEGPUNCH ALL\n%s\n&END", rec);
    reset();
    CU_ASSERT_EQUAL(run_exec(seq, "", true), 0);
    CU_ASSERT_EQUAL(F.ncard, 1);
    CU_ASSERT_STRING_EQUAL(F.card[0], rec);
    snprintf(seq, sizeof seq, "&BEGPUNCH\n%s\n&END", rec);
    reset();
    CU_ASSERT_EQUAL(run_exec(seq, "", true), 0);
    snprintf(want, sizeof want, "%-80s", "DATA");
    CU_ASSERT_STRING_EQUAL(F.card[0], want);
}

/* ------------------------------------------------- &CONTROL, &TIME, &ERROR */

static const struct tcase summary[] = {
    {"CMD ONE\nRC 4\n&TYPE X", "", NULL, "CMD ONE\n{CMD ONE}\nRC 4\n{RC 4}\n+++ R(00004) +++\nX", 0,
     NULL},
    {"BAD", "", NULL, "BAD\n{BAD}\n+++ R(-0003) +++", 0, NULL},
    {"RC 123456", "", NULL, "RC 123456\n{RC 123456}\n+++ R(123456) +++", 0, NULL},
    {"&CONTROL OFF\nRC 4", "", NULL, "{RC 4}", 0, NULL},
    {"&CONTROL ERROR\nCMD OK\nRC 8", "", NULL, "{CMD OK}\n{RC 8}\nRC 8\n+++ R(00008) +++", 0, NULL},
    {"&CONTROL ALL\n&X = 1\n&IF &X = 1 &TYPE YES\nCMD &X", "", NULL,
     "&X = 1\n&IF 1 = 1 &TYPE YES\nYES\nCMD 1\n{CMD 1}", 0, NULL},
    {"&CONTROL ALL\n&I = 4\n&I = &I + 1\n&GOTO -A\n-A &TYPE &I", "", NULL,
     "&I = 4\n&I = 4 + 1\n&GOTO -A\n&TYPE 5\n5", 0, NULL},
    {"&CONTROL ALL\n&IF 1 = 2 &TYPE NO &X", "", NULL, "&IF 1 = 2 &TYPE NO &X", 0, NULL},
    {"&CONTROL ALL\n&ERROR &GOTO -X\n&LOOP 1 2\n&STACK A\n&READ ARGS", "", NULL,
     "&ERROR &GOTO -X\n&LOOP 1 2\n&STACK A\n&STACK A\n&READ ARGS", 0, "A"},
    {"&CONTROL ALL\n&IF &* = A &TYPE ALL", "A", NULL, "&IF &* = A &TYPE ALL\nALL", 0, NULL},
    {"&CONTROL ALL\n&CONTROL CMS\n&TYPE X\nCMD", "", NULL, "&CONTROL CMS\nX\nCMD\n{CMD}", 0, NULL},
    {"&CONTROL CMS TIME\nCMD A", "", NULL, "14:36:30 CMD A\n{CMD A}", 0, NULL},
    {"&CONTROL ALL TIME\n&TYPE T\n&IF 1 = 1 CMD A", "", NULL,
     "&TYPE T\nT\n14:36:30 &IF 1 = 1 CMD A\n{CMD A}", 0, NULL},
    {"&CONTROL NOPACK\nCMD A BC LONGTOKE", "", NULL,
     "CMD      A        BC       LONGTOKE\n{CMD A BC LONGTOKE}", 0, NULL},
    {"&CONTROL NOPACK TIME\nCMD A", "", NULL, "14:36:30 CMD      A\n{CMD A}", 0, NULL},
    {"&CONTROL NOMSG\nERASE X\n&CONTROL MSG\nERASE Y", "", NULL,
     "ERASE X\n{ERASE X|NOMSG}\nERASE Y\n{ERASE Y}", 0, NULL},
    {"&CONTROL OFF NOMSG TIME\n&CONTROL\nCMD", "", NULL, "CMD\n{CMD}", 0, NULL},
    {"&CONTROL XYZ", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    /* &TIME */
    {"&TIME ON\nCMD A\n&TIME OFF\nCMD B", "", NULL,
     "CMD A\n{CMD A}\nT=0.01/0.02 14:36:30\nCMD B\n{CMD B}", 0, NULL},
    {"&CONTROL OFF\n&TIME ON\nCMD A", "", NULL, "{CMD A}", 0, NULL},
    {"&TIME TYPE", "", NULL, "T=0.01/0.02 14:36:30", 0, NULL},
    {"&TIME BAD", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    {"&TIME", "", NULL, ERRMSG(1, "INVALID SYNTAX"), 807, NULL},
    /* &ERROR and &RETCODE */
    {"&CONTROL OFF\n&ERROR &GOTO -ERR\nRC 4\n&TYPE NOT HERE\n-ERR &TYPE ERR &RETCODE", "", NULL,
     "{RC 4}\nERR 4", 0, NULL},
    {"&CONTROL OFF\nRC 4\n&TYPE &RETCODE\nRC 0\n&TYPE &RETCODE", "", NULL, "{RC 4}\n4\n{RC 0}\n0",
     0, NULL},
    {"&CONTROL OFF\n&ERROR SAY FAILED\nRC 4\n&TYPE NEXT", "", NULL,
     "{RC 4}\n{SAY FAILED}\nFAILED\nNEXT", 0, NULL},
    {"&CONTROL OFF\n&ERROR RC 12\nRC 4\n&TYPE NOT", "", NULL, "{RC 4}\n{RC 12}", 12, NULL},
    {"&ERROR RC 12\nRC 4\n&TYPE NOT", "", NULL,
     "RC 4\n{RC 4}\n+++ R(00004) +++\nRC 12\n{RC 12}\n+++ R(00012) +++", 12, NULL},
    {"&CONTROL OFF\n&ERROR &EXIT &RETCODE\nRC 7\n&TYPE NOT", "", NULL, "{RC 7}", 7, NULL},
    {"&CONTROL OFF\n&ERROR &TYPE R &RETCODE\nRC 3\nRC 0\nBAD", "", NULL,
     "{RC 3}\nR 3\n{RC 0}\n{BAD}\nR -3", 0, NULL},
    /* "R=&RETCODE" is cut to the token "R=&RETCO": &RETCO is null */
    {"&CONTROL OFF\n&ERROR &TYPE R=&RETCODE\nRC 3", "", NULL, "{RC 3}\nR=", 0, NULL},
    {"&ERROR &BOGUS\n&TYPE OK", "", NULL, "OK", 0, NULL}, /* not scanned until used */
    {"&CONTROL OFF\n&ERROR &GOTO -NOPE\nRC 1", "", NULL,
     "{RC 1}\n" ERRMSG(3, "&SKIP OR &GOTO ERROR"), 802, NULL},
    {"&CONTROL OFF\n&ERROR &EXIT 5\n&ERROR &CONTINUE\nRC 1\n&TYPE GO", "", NULL, "{RC 1}\nGO", 0,
     NULL},
    {"&CONTROL OFF\n&ERROR &EXIT 5\n&ERROR\nRC 1\n&TYPE GO", "", NULL, "{RC 1}\nGO", 0, NULL},
    {"&CONTROL OFF\n&ERROR &ERROR &EXIT 6\nRC 1\nRC 2", "", NULL, "{RC 1}\n{RC 2}", 6, NULL},
};

static void test_summary(void)
{
    run_table(summary, NELEM(summary), false);
    reset();
    run_exec("&TIME ON\nCMD\nCMD\n&TIME RESET", "", false);
    CU_ASSERT_EQUAL(F.resets, 3);
}

/* ------------------------------------------------------------- nesting */

static char fixedtext[100];
static struct tfile nestfiles[] = {
    {"INNER", "&TYPE IN &GLOBAL &1\n&GLOBAL1 = &GLOBAL1 + 1\n&EXIT 3", false},
    {"REC", "&IF &GLOBAL = &1 &EXIT &GLOBAL\n&CONTROL OFF\nEXEC REC &1\n&EXIT &RETCODE", false},
    {"BROKEN", "&TYPE BROKEN\n&HEX MAYBE\n&TYPE NOT", false},
    {"TALK", "CMD FROM TALK", false},
    {"SETG", "&GLOBAL0 = 42\n&X = INNERX", false},
    {"FIXED", fixedtext, true},
};

static const struct tcase nested[] = {
    {"&CONTROL OFF\nEXEC INNER X\n&TYPE OUT &RETCODE &GLOBAL &GLOBAL1", "", NULL,
     "{EXEC INNER X}\nIN 2 X\nOUT 3 1 2", 0, NULL},
    {"&CONTROL OFF\n&ERROR &TYPE CAUGHT &RETCODE\nEXEC INNER\n&TYPE &GLOBAL1", "", NULL,
     "{EXEC INNER}\nIN 2\nCAUGHT 3\n2", 0, NULL},
    {"&CONTROL OFF\nEXEC BROKEN\n&TYPE AFTER &RETCODE", "", NULL,
     "{EXEC BROKEN}\nBROKEN\n[E10] DMSEXT072E ERROR IN EXEC FILE BROKEN, LINE 2 - INVALID "
     "SYNTAX\nAFTER 807",
     0, NULL},
    /* &CONTROL belongs to each EXEC: TALK shows its command, we do not */
    {"&CONTROL OFF\nEXEC TALK\nCMD HERE", "", NULL,
     "{EXEC TALK}\nCMD FROM TALK\n{CMD FROM TALK}\n{CMD HERE}", 0, NULL},
    {"&CONTROL OFF\nEXEC SETG\n&TYPE &GLOBAL0 .&X", "", NULL, "{EXEC SETG}\n42 .", 0, NULL},
    {"&CONTROL OFF\nEXEC FIXED", "", NULL, "{EXEC FIXED}\nFIXED", 0, NULL},
    {"&CONTROL OFF\nEXEC NOSUCH\n&TYPE &RETCODE", "", NULL,
     "{EXEC NOSUCH}\n[E10] DMSEXT072E ERROR IN EXEC FILE ?, LINE 0 - FILE NOT FOUND\n801", 0, NULL},
    {"&CONTROL OFF\nEXEC REC 5\n&EXIT &RETCODE", "", NULL,
     "{EXEC REC 5}\n{EXEC REC 5}\n{EXEC REC 5}\n{EXEC REC 5}", 5, NULL},
};

static void test_nesting(void)
{
    snprintf(fixedtext, sizeof fixedtext, "%-72s%s", "&TYPE FIXED", "SEQ00010");
    reset();
    F.files = nestfiles;
    F.nfiles = NELEM(nestfiles);
    for (size_t k = 0; k < NELEM(nested); k++) {
        reset();
        F.files = nestfiles;
        F.nfiles = NELEM(nestfiles);
        int rc = run_exec(nested[k].exec, nested[k].args, false);
        if (strcmp(F.out, nested[k].out) != 0)
            fprintf(stderr, "\nnested <<%s>>\n got <<%s>>\n", nested[k].exec, F.out);
        CU_ASSERT_STRING_EQUAL(F.out, nested[k].out);
        CU_ASSERT_EQUAL(rc, nested[k].rc);
    }

    /* 19 levels run; the 20th is refused, once, and the refusal's code
     * comes back through every level */
    for (int deep = 18; deep <= 25; deep++) {
        char args[16];
        reset();
        F.files = nestfiles;
        F.nfiles = NELEM(nestfiles);
        snprintf(args, sizeof args, "%d", deep);
        int rc = run_exec(nestfiles[1].text, args, false);
        CU_ASSERT_EQUAL(rc, deep <= EXEC_MAXDEPTH ? deep : EXEC_RC_DEPTH);
        const char *msg = strstr(F.out, "MAX DEPTH OF EXEC NESTING EXCEEDED");
        CU_ASSERT_EQUAL(msg != NULL, deep > EXEC_MAXDEPTH);
        if (msg)
            CU_ASSERT_PTR_NULL(strstr(msg + 1, "MAX DEPTH"));
    }

    /* the caller may allow fewer levels */
    reset();
    F.files = nestfiles;
    F.nfiles = NELEM(nestfiles);
    F.sh.maxdepth = 3;
    CU_ASSERT_EQUAL(run_exec(nestfiles[1].text, "3", false), 3);
    CU_ASSERT_EQUAL(run_exec(nestfiles[1].text, "4", false), EXEC_RC_DEPTH);
}

/* ------------------------------------------------------ halting, storage */

static void test_halt_and_storage(void)
{
    static const char *const endless[] = {
        "-A\n&GOTO -A",
        "&LOOP 1 1 = 2\n&CONTINUE",
        "&TYPE A\n&SKIP -1",
        "&SPACE 99999999",
        "&READ 99999999",
        "&CONTROL OFF\n-A CMD\n&GOTO -A",
        "&BEGTYPE\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX\nX",
    };
    for (size_t k = 0; k < NELEM(endless); k++) {
        reset();
        F.maxsteps = 20;
        CU_ASSERT_EQUAL(run_exec(endless[k], "", false), EXEC_RC_HALTED);
        CU_ASSERT_PTR_NULL(strstr(F.out, "DMSEXT")); /* no message */
    }

    /* a halt inside a nested EXEC ends its caller without a return code */
    reset();
    F.files = nestfiles;
    F.nfiles = NELEM(nestfiles);
    F.maxsteps = 30;
    CU_ASSERT_EQUAL(run_exec(nestfiles[1].text, "19", false), EXEC_RC_HALTED);
    CU_ASSERT_PTR_NULL(strstr(F.out, "+++"));

    /* storage running out: at the start, and when a variable needs a block */
    reset();
    F.failat = 1;
    CU_ASSERT_EQUAL(run_exec("&TYPE X", "", false), EXEC_RC_STORAGE);
    CU_ASSERT_STRING_EQUAL(F.out, ERRMSG(0, "INSUFFICIENT FREE STORAGE"));
    reset();
    F.failat = 2;
    CU_ASSERT_EQUAL(run_exec("&TYPE X\n&X = 1", "", false), EXEC_RC_STORAGE);
    CU_ASSERT_STRING_EQUAL(F.out, "X\n" ERRMSG(2, "INSUFFICIENT FREE STORAGE"));

    /* many variables: several blocks, all given back */
    char big[8192];
    size_t len = 0;
    for (int i = 0; i < 200; i++)
        len += (size_t)snprintf(big + len, sizeof big - len, "&V%d = %d\n", i, i * 3);
    snprintf(big + len, sizeof big - len, "&TYPE &V0 &V17 &V18 &V199");
    reset();
    CU_ASSERT_EQUAL(run_exec(big, "", false), 0);
    CU_ASSERT_STRING_EQUAL(F.out, "0 51 54 597");
    CU_ASSERT(F.allocs > 10);
}

/* A file whose line cannot be read, and records longer than 130. */
static int bad_line(void *fctx, unsigned n, const char **text)
{
    static char longrec[300];
    (void)fctx;
    memset(longrec, 'Y', sizeof longrec);
    memcpy(longrec, "&TYPE ", 6);
    longrec[6 + 8] = ' ';
    *text = longrec;
    return n == 1 ? (int)sizeof longrec : -1;
}

static void test_bad_file(void)
{
    reset();
    struct exec_file xf = {"BAD", false, 2, bad_line, NULL};
    CU_ASSERT_EQUAL(exec_run(&F.env, &xf, NULL, 0), EXEC_RC_FORMAT);
    /* line 1: "&TYPE" and tokens of Y cut to 8, the record cut at 130 */
    CU_ASSERT_STRING_EQUAL(F.out,
                           "YYYYYYYY YYYYYYYY\n[E10] DMSEXT072E ERROR IN EXEC FILE BAD, LINE "
                           "2 - BAD FILE FORMAT");
    CU_ASSERT_EQUAL(F.allocs, F.frees);
    CU_ASSERT_EQUAL(exec_error(&F.env, "X", 0, EXEC_RC_NOTFOUND), EXEC_RC_NOTFOUND);
    CU_ASSERT_STRING_EQUAL(exec_errtext(EXEC_RC_NOTFOUND), "FILE NOT FOUND");
    CU_ASSERT_STRING_EQUAL(exec_errtext(0), "");
    CU_ASSERT_STRING_EQUAL(exec_errtext(EXEC_RC_HALTED), "");
}

/* An environment with only what is required: the rest defaults. */
static void test_minimal_env(void)
{
    reset();
    F.env.emsg = NULL;
    F.env.read = NULL;
    F.env.stack = NULL;
    F.env.stacked = NULL;
    F.env.punch = NULL;
    F.env.immediate = NULL;
    F.env.typing_halted = NULL;
    F.env.sysvar = NULL;
    F.env.clock = NULL;
    F.env.halted = NULL;
    CU_ASSERT_EQUAL(run_exec("&CONTROL TIME\n&STACK X\n&STACK HT\n&PUNCH X\n&READ ARGS\n"
                             "&TYPE &INDEX &READFLAG &TYPEFLAG &DISKA &DISK* &DISK? &DOS\n"
                             "&TIME TYPE\nCMD\n&EMSG ABC123E X\n&GOTO -NO",
                             "", false),
                    EXEC_RC_SKIP);
    CU_ASSERT_STRING_EQUAL(F.out, "0 CONSOLE RT NA NONE NONE OFF\nT=0.00/0.00 00:00:00\n"
                                  "00:00:00 CMD\n{CMD}\nDMSABC123E X\n"
                                  "DMSEXT072E ERROR IN EXEC FILE TEST, LINE 10 - &SKIP OR &GOTO "
                                  "ERROR");
}

/* --------------------------------------------------------------- garbage */

static uint32_t rnd_state;
static uint32_t rnd(void)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return rnd_state >> 8;
}

static const char *const vocab[] = {
    "&ARGS",     "&BEGEMSG",  "&BEGPUNCH",
    "&BEGSTACK", "&BEGTYPE",  "&CONTINUE",
    "&CONTROL",  "&EMSG",     "&END",
    "&ERROR",    "&EXIT",     "&GOTO",
    "&HEX",      "&IF",       "&LITERAL",
    "&LOOP",     "&PUNCH",    "&READ",
    "&SKIP",     "&SPACE",    "&STACK",
    "&TIME",     "&TYPE",     "&CONCAT",
    "&DATATYPE", "&LENGTH",   "&SUBSTR",
    "&*",        "&$",        "&1",
    "&30",       "&31",       "&INDEX",
    "&GLOBAL",   "&GLOBAL3",  "&RETCODE",
    "&LINENUM",  "&READFLAG", "&DISK*",
    "&DOS",      "&X",        "&Y",
    "&&X",       "&X&Y",      "=",
    "EQ",        "NE",        "<",
    ">=",        "+",         "-",
    "*",         "/",         "0",
    "1",         "2",         "-1",
    "4095",      "99999999",  "X'FF",
    "X'ZZ",      "-A",        "-B",
    "TOP",       "ALL",       "OFF",
    "ON",        "LIFO",      "FIFO",
    "ARGS",      "VARS",      "HT",
    "RT",        "RC",        "4",
    "EXEC",      "FUZZ",      "SAY",
    "%",         "*",         "\xff\xff\xff\xff\xff\xff\xff\xff",
};

static void garbage_line(char *buf, size_t size)
{
    size_t len = 0;
    int n = (int)(rnd() % 9);
    buf[0] = '\0';
    if (rnd() % 13 == 0) { /* raw bytes, any length */
        int m = (int)(rnd() % 200);
        for (int i = 0; i < m && len + 2 < size; i++) {
            char ch = (char)(rnd() % 255 + 1);
            buf[len++] = ch == '\n' ? ' ' : ch;
        }
        buf[len] = '\0';
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *w = vocab[rnd() % NELEM(vocab)];
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? " " : "", w);
        if (len >= size)
            return;
    }
}

static void test_garbage(void)
{
    static char files[4][4096];
    static struct tfile fz[4];
    rnd_state = 12345;
    for (int round = 0; round < 3000; round++) {
        for (int f = 0; f < 4; f++) {
            size_t len = 0;
            int nl = (int)(rnd() % 12) + 1;
            for (int l = 0; l < nl && len < sizeof files[f] - 300; l++) {
                char line[260];
                garbage_line(line, sizeof line);
                len += (size_t)snprintf(files[f] + len, sizeof files[f] - len, "%s%s",
                                        l ? "\n" : "", line);
            }
            fz[f].name = "FUZZ";
            fz[f].text = files[f];
            fz[f].fixed = rnd() % 2;
        }
        reset();
        F.files = fz + (rnd() % 4); /* EXEC FUZZ runs one of them */
        F.nfiles = 1;
        F.maxsteps = 300;
        F.input = "&X = 1\n&TYPE READ\nRC 4\n-A\n&GOTO -A";
        if (rnd() % 3 == 0)
            F.failat = (long)(rnd() % 6) + 1;
        int rc = run_exec(files[round % 4], "A % \xff", fz[0].fixed);
        (void)rc;
        CU_ASSERT(F.outlen < OUTMAX);
        if (F.allocs != F.frees || F.sh.depth != 0) {
            fprintf(stderr, "\ngarbage round %d leaked\n", round);
            break;
        }
    }
}

static CU_TestInfo cases[] = {
    {"lines and tokens", test_lines},
    {"substitution and special variables", test_substitution},
    {"assignment, arithmetic, functions", test_assignment},
    {"&IF", test_if},
    {"&GOTO, &SKIP, &EXIT", test_branches},
    {"&LOOP", test_loops},
    {"&ARGS, &READ, &STACK, &BEG..., &EMSG, &SPACE", test_io},
    {"&PUNCH and &BEGPUNCH", test_punch},
    {"&CONTROL, &TIME, &ERROR", test_summary},
    {"nested EXECs and &GLOBAL", test_nesting},
    {"halting and storage", test_halt_and_storage},
    {"bad files", test_bad_file},
    {"minimal environment", test_minimal_env},
    {"garbage EXECs", test_garbage},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("exec", cases);
