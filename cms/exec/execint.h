/*
 * execint.h - the working storage of one running EXEC, shared by the
 * interpreter's files: exec.c (lines, statements, control words, tracing)
 * and execvar.c (variables, substitution, numbers, conditions). Not for
 * callers: they see exec.h.
 */
#ifndef CMS_EXEC_EXECINT_H
#define CMS_EXEC_EXECINT_H

#include "cms/exec/exec.h"

/* A 130-character line holds at most 65 blank-separated tokens. */
#define XMAXTOK (EXEC_LINEMAX / 2 + 1)
/* A line of substituted tokens, packed or not, with a time-of-day prefix. */
#define XTEXTMAX  (XMAXTOK * (EXEC_TOKLEN + 1) + 16)
#define XCONDMAX  8          /* raw tokens of a &LOOP condition */
#define XMAXREADS 100000000u /* &READ n: lines waiting to be read */

/* Status of the internal steps: 0 go on, an enum exec_rc error, or
 * EXEC_RC_HALTED. &EXIT does not use it: it sets xstate.done. */
#define XOK  0
#define XEND (-1) /* x_next: no more operands */

/* A token or a value: up to 8 characters, not NUL-terminated. */
struct xtok {
    uint8_t len;
    char s[EXEC_TOKLEN];
};

struct xvar {
    char name[EXEC_TOKLEN];
    char val[EXEC_TOKLEN];
    uint8_t nlen, vlen;
};

#define XVARS_PER_BLOCK 18
struct xvarblk {
    struct xvarblk *next;
    int n;
    struct xvar v[XVARS_PER_BLOCK];
};

/* An open &LOOP: the lines start ... end, run count more times, or (count
 * -1) until the condition holds. */
struct xloop {
    unsigned start, end;
    int32_t count;
    int ncond;
    struct xtok cond[XCONDMAX];
};

/* Walks a run of raw tokens, giving their substituted values. */
struct xcursor {
    const struct xtok *t;
    int n, i;
};

struct xstate {
    const struct exec_env *env;
    const struct exec_file *file;

    /* arguments: &0 ... &30, &INDEX, and the list &* and &$ test */
    struct xtok arg[EXEC_MAXARGS + 1];
    int32_t index;
    struct xtok argv[EXEC_MAXARGS];
    int nargv;
    int32_t retcode;
    struct xvarblk *vars;

    /* where we are */
    unsigned linenum; /* &LINENUM: the file line being run */
    unsigned next;    /* the file line to run next */
    unsigned last;    /* the last file line the statement used */
    bool jumped;      /* &GOTO or &SKIP set next */
    bool console;     /* the statement came from &READ */
    uint32_t reads;   /* lines still to read and run (&READ n) */
    int nloops;
    struct xloop loop[EXEC_MAXLOOPS];
    bool done; /* &EXIT, &SKIP past the end, a failing &ERROR action */
    int rc;

    /* settings */
    enum { XC_OFF, XC_ERROR, XC_CMS, XC_ALL } control;
    bool ctime, nomsg, nopack, hex, timing;
    bool in_action;             /* running the &ERROR action */
    char act[EXEC_LINEMAX + 1]; /* the &ERROR action, unscanned */

    /* work areas */
    struct xtok raw[XMAXTOK]; /* the line being run */
    int nraw;
    struct xtok val[XMAXTOK]; /* substituted operands */
    int nval;
    char tok8[XMAXTOK][EXEC_TOKLEN]; /* a command's plist */
    char text[XTEXTMAX];             /* a command line, a typed line */
    char trace[XTEXTMAX];            /* the statement as &CONTROL ALL shows it */
    size_t tracelen;
    char in[EXEC_LINEMAX + 1]; /* a line read by &READ */
};

/* execvar.c */
bool x_isnum(const struct xtok *t, int32_t *v);
int x_setnum(struct xtok *t, int32_t v);
void x_settok(struct xtok *t, const char *s, size_t len);
bool x_is(const struct xtok *t, const char *s);
int x_subst(struct xstate *st, const struct xtok *raw, struct xtok *out, int from);
int x_next(struct xstate *st, struct xcursor *c, struct xtok *out);
int x_rest(struct xstate *st, struct xcursor *c);
int x_assign(struct xstate *st, const struct xtok *name, const struct xtok *val);
int x_setargs(struct xstate *st, const struct xtok *v, int n);
int x_condition(struct xstate *st, struct xcursor *c, bool *met, bool *none, struct xtok shown[3]);
int x_evaluate(struct xstate *st, struct xcursor *c, struct xtok *out);
void x_freevars(struct xstate *st);

#endif
