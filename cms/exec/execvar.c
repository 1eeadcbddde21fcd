/*
 * execvar.c - EXEC variables: the values of &-symbols (the user's, the
 * arguments and the special variables), substitution in tokens, numbers,
 * the right-hand side of an assignment (strings, X'hex', arithmetic and
 * the built-in functions) and the conditions of &IF and &LOOP.
 *
 * Entry points: x_subst and x_next (substitution), x_evaluate and
 * x_assign (assignments), x_condition, x_setargs. They return XOK or an
 * exec_rc (execint.h). Follows CMS Command and Macro Reference R6,
 * section 5 (EXEC control statements, built-in functions, special
 * variables) and the CMS User's Guide on substitution; the part of
 * DMSEXT that scans tokens.
 */
#include <stdio.h>
#include <string.h>
#include "cms/exec/execint.h"
#include "console/ebcdic.h"

#define NUM_MAX 99999999 /* the numbers 8 characters can hold */
#define NUM_MIN (-9999999)

void x_settok(struct xtok *t, const char *s, size_t len)
{
    if (len > EXEC_TOKLEN)
        len = EXEC_TOKLEN;
    memcpy(t->s, s, len);
    t->len = (uint8_t)len;
}

bool x_is(const struct xtok *t, const char *s)
{
    size_t n = strlen(s);
    return n == t->len && memcmp(t->s, s, n) == 0;
}

/* An optional sign and at least one digit, nothing else. */
bool x_isnum(const struct xtok *t, int32_t *v)
{
    size_t i = 0;
    bool neg = false;
    if (t->len > 0 && (t->s[0] == '+' || t->s[0] == '-')) {
        neg = t->s[0] == '-';
        i = 1;
    }
    if (i >= t->len)
        return false;
    int32_t n = 0;
    for (; i < t->len; i++) {
        if (t->s[i] < '0' || t->s[i] > '9')
            return false;
        n = n * 10 + (t->s[i] - '0'); /* at most 8 digits: no overflow */
    }
    *v = neg ? -n : n;
    return true;
}

/* A number as a value; numbers that do not fit 8 characters are kept to
 * their first 8 (special variables such as a large &RETCODE). */
static void fmtnum(struct xtok *t, int32_t v)
{
    char buf[16];
    int n = snprintf(buf, sizeof buf, "%ld", (long)v);
    x_settok(t, buf, n > 0 ? (size_t)n : 0);
}

/* A computed number: it must fit 8 characters. */
int x_setnum(struct xtok *t, int32_t v)
{
    if (v > NUM_MAX || v < NUM_MIN)
        return EXEC_RC_CONVERT;
    fmtnum(t, v);
    return XOK;
}

static void setstr(struct xtok *t, const char *s) { x_settok(t, s, strlen(s)); }

/* Eight X'FF' characters assign the null value. */
static bool nullmark(const struct xtok *t)
{
    if (t->len != EXEC_TOKLEN)
        return false;
    for (int i = 0; i < EXEC_TOKLEN; i++)
        if ((uint8_t)t->s[i] != 0xFF)
            return false;
    return true;
}

/* ------------------------------------------------------------- names */

static bool named(const char *name, size_t len, const char *s)
{
    return strlen(s) == len && memcmp(name, s, len) == 0;
}

/* &0 ... &30 (and &31 ... &9999999, which are refused): -1 otherwise. */
static int32_t argnum(const char *name, size_t len)
{
    if (len < 2)
        return -1;
    int32_t n = 0;
    for (size_t i = 1; i < len; i++) {
        if (name[i] < '0' || name[i] > '9')
            return -1;
        n = n * 10 + (name[i] - '0');
    }
    return n;
}

/* &GLOBAL0 ... &GLOBAL9: the digit's value, -1 otherwise. */
static int globalnum(const char *name, size_t len)
{
    if (len == 8 && memcmp(name, "&GLOBAL", 7) == 0 && name[7] >= '0' && name[7] <= '9')
        return name[7] - '0';
    return -1;
}

/* The special variables nobody may set (the tokens hold 8 characters of
 * &READFLAG and &TYPEFLAG). */
static bool readonly(const char *name, size_t len)
{
    static const char *const names[] = {"&*",       "&$",       "&EXEC",   "&GLOBAL",
                                        "&LINENUM", "&READFLA", "&TYPEFLA"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (named(name, len, names[i]))
            return true;
    return false;
}

/* The variables CMS describes: &DISKx, &DISK*, &DISK?, &DOS. */
static bool sysvar(struct xstate *st, const char *name, size_t len, struct xtok *out)
{
    const char *dflt;
    if (named(name, len, "&DOS"))
        dflt = "OFF";
    else if (len == 6 && memcmp(name, "&DISK", 5) == 0 && (name[5] == '*' || name[5] == '?'))
        dflt = "NONE";
    else if (len == 6 && memcmp(name, "&DISK", 5) == 0 && name[5] >= 'A' && name[5] <= 'Z')
        dflt = "NA";
    else
        return false;
    const struct exec_env *env = st->env;
    char nm[EXEC_TOKLEN + 1], v[EXEC_TOKLEN + 1];
    memcpy(nm, name, len);
    nm[len] = '\0';
    memset(v, 0, sizeof v);
    if (env->sysvar && env->sysvar(env->ctx, nm, v))
        x_settok(out, v, strnlen(v, EXEC_TOKLEN));
    else
        setstr(out, dflt);
    return true;
}

/* ------------------------------------------------------- user variables */

static struct xvar *findvar(struct xstate *st, const char *name, size_t len)
{
    for (struct xvarblk *b = st->vars; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (b->v[i].nlen == len && memcmp(b->v[i].name, name, len) == 0)
                return &b->v[i];
    return NULL;
}

static int setvar(struct xstate *st, const struct xtok *name, const struct xtok *val)
{
    struct xvar *v = findvar(st, name->s, name->len);
    if (!v) {
        struct xvarblk *b = st->vars;
        if (!b || b->n == XVARS_PER_BLOCK) {
            const struct exec_env *env = st->env;
            b = env->alloc(env->ctx, sizeof *b);
            if (!b)
                return EXEC_RC_STORAGE;
            memset(b, 0, sizeof *b);
            b->next = st->vars;
            st->vars = b;
        }
        v = &b->v[b->n++];
        memcpy(v->name, name->s, name->len);
        v->nlen = name->len;
    }
    memcpy(v->val, val->s, val->len);
    v->vlen = val->len;
    return XOK;
}

void x_freevars(struct xstate *st)
{
    const struct exec_env *env = st->env;
    while (st->vars) {
        struct xvarblk *b = st->vars;
        st->vars = b->next;
        env->free(env->ctx, b, sizeof *b);
    }
}

/* ------------------------------------------------------------ lookup */

/* The value of the symbol name (its '&' first). Unset symbols are null. */
static int lookup(struct xstate *st, const char *name, size_t len, struct xtok *out)
{
    const struct exec_env *env = st->env;
    int32_t n;
    int g;
    out->len = 0;
    if ((n = argnum(name, len)) >= 0) {
        if (n <= EXEC_MAXARGS)
            *out = st->arg[n];
    } else if (named(name, len, "&*") || named(name, len, "&$")) {
        return EXEC_RC_SPECIAL; /* only in &IF and &LOOP conditions */
    } else if (named(name, len, "&INDEX")) {
        fmtnum(out, st->index);
    } else if (named(name, len, "&RETCODE")) {
        fmtnum(out, st->retcode);
    } else if (named(name, len, "&LINENUM")) {
        fmtnum(out, (int32_t)st->linenum);
    } else if (named(name, len, "&GLOBAL")) {
        fmtnum(out, env->shared->depth);
    } else if ((g = globalnum(name, len)) >= 0) {
        fmtnum(out, env->shared->global[g]);
    } else if (named(name, len, "&EXEC")) {
        x_settok(out, st->file->name, strnlen(st->file->name, EXEC_TOKLEN));
    } else if (named(name, len, "&READFLA")) {
        setstr(out, env->stacked && env->stacked(env->ctx) > 0 ? "STACK" : "CONSOLE");
    } else if (named(name, len, "&TYPEFLA")) {
        setstr(out, env->typing_halted && env->typing_halted(env->ctx) ? "HT" : "RT");
    } else {
        const struct xvar *v = findvar(st, name, len);
        if (v)
            x_settok(out, v->val, v->vlen);
        else
            sysvar(st, name, len, out);
    }
    return XOK;
}

/*
 * Substitute the symbols in a token. The token is scanned from right to
 * left: at each '&' the symbol runs to the end of the token as it stands,
 * so a value substituted to the right becomes part of the next symbol's
 * name (&&I with &I = 2 is the value of &2). What a value brings in is
 * not scanned again; the result is cut to 8 characters. Positions before
 * from are left alone (1: the target of an assignment keeps its '&').
 */
int x_subst(struct xstate *st, const struct xtok *raw, struct xtok *out, int from)
{
    char b[2 * EXEC_TOKLEN];
    size_t len = raw->len;
    memcpy(b, raw->s, len);
    for (int i = (int)len - 1; i >= from; i--) {
        if (b[i] != '&')
            continue;
        struct xtok v;
        int r = lookup(st, b + i, len - (size_t)i, &v);
        if (r != XOK)
            return r;
        memcpy(b + i, v.s, v.len);
        len = (size_t)i + v.len;
        if (len > EXEC_TOKLEN)
            len = EXEC_TOKLEN;
    }
    x_settok(out, b, len);
    return XOK;
}

/*
 * The next operand: substituted, null values dropped (so a null symbol
 * takes no place on the line), and the token after &LITERAL taken as it
 * stands. XEND when no operand is left.
 */
int x_next(struct xstate *st, struct xcursor *c, struct xtok *out)
{
    while (c->i < c->n) {
        const struct xtok *t = &c->t[c->i++];
        if (x_is(t, "&LITERAL")) {
            if (c->i >= c->n)
                return XEND;
            *out = c->t[c->i++];
            return XOK;
        }
        int r = x_subst(st, t, out, 0);
        if (r != XOK)
            return r;
        if (out->len > 0)
            return XOK;
    }
    return XEND;
}

/* The rest of the operands, appended to st->val. */
int x_rest(struct xstate *st, struct xcursor *c)
{
    while (st->nval < XMAXTOK) {
        int r = x_next(st, c, &st->val[st->nval]);
        if (r == XEND)
            break;
        if (r != XOK)
            return r;
        st->nval++;
    }
    return XOK;
}

/* ------------------------------------------------------------ arguments */

/* Set &1 ... &30, &INDEX and the list &* and &$ test. An argument "%" or
 * one beginning with X'FF' is null. */
int x_setargs(struct xstate *st, const struct xtok *v, int n)
{
    if (n > EXEC_MAXARGS)
        return EXEC_RC_ARGS;
    for (int i = 0; i < EXEC_MAXARGS; i++) {
        struct xtok a = {0};
        if (i < n && !x_is(&v[i], "%") && !(v[i].len > 0 && (uint8_t)v[i].s[0] == 0xFF))
            x_settok(&a, v[i].s, v[i].len);
        st->arg[i + 1] = a;
        st->argv[i] = a;
    }
    st->nargv = n;
    st->index = n;
    return XOK;
}

/* ----------------------------------------------------------- assignment */

/* Set a variable (name with its '&'): special variables by their rules. */
int x_assign(struct xstate *st, const struct xtok *name, const struct xtok *val)
{
    struct xtok v = *val;
    int32_t n;
    int g;
    if (nullmark(&v))
        v.len = 0;
    if (name->len < 2 || name->s[0] != '&')
        return EXEC_RC_SYNTAX;
    if ((n = argnum(name->s, name->len)) >= 0) {
        if (n > EXEC_MAXARGS)
            return EXEC_RC_SPECIAL;
        st->arg[n] = v;
        return XOK;
    }
    if (readonly(name->s, name->len))
        return EXEC_RC_SPECIAL;
    if ((g = globalnum(name->s, name->len)) >= 0 || x_is(name, "&INDEX") ||
        x_is(name, "&RETCODE")) {
        if (!x_isnum(&v, &n))
            return EXEC_RC_CONVERT;
        if (g >= 0)
            st->env->shared->global[g] = n;
        else if (x_is(name, "&INDEX"))
            st->index = n;
        else
            st->retcode = n;
        return XOK;
    }
    return setvar(st, name, &v);
}

/* X'hhhhhh (after &HEX ON): up to six hex digits, as a decimal number. */
static int hexval(struct xtok *t)
{
    size_t end = t->len;
    if (end > 2 && t->s[end - 1] == '\'')
        end--;
    if (end < 3 || end > 8)
        return EXEC_RC_CONVERT;
    int32_t v = 0;
    for (size_t i = 2; i < end; i++) {
        char ch = t->s[i];
        int d = ch >= '0' && ch <= '9'   ? ch - '0'
                : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                         : -1;
        if (d < 0)
            return EXEC_RC_CONVERT;
        v = v * 16 + d;
    }
    fmtnum(t, v); /* at most X'FFFFFF' = 16777215 */
    return XOK;
}

/* a op b, each step kept within 8 characters; integer division truncates. */
static int arith(int32_t a, char op, int32_t b, int32_t *out)
{
    int32_t ua = a < 0 ? -a : a, ub = b < 0 ? -b : b;
    switch (op) {
    case '+': *out = a + b; break;
    case '-': *out = a - b; break;
    case '*':
        if (ua != 0 && ub > NUM_MAX / ua)
            return EXEC_RC_CONVERT;
        *out = a * b;
        break;
    case '/':
        if (b == 0)
            return EXEC_RC_CONVERT;
        *out = a / b;
        break;
    default: return EXEC_RC_SYNTAX;
    }
    return *out > NUM_MAX || *out < NUM_MIN ? EXEC_RC_CONVERT : XOK;
}

static bool isop(const struct xtok *t)
{
    return t->len == 1 && (t->s[0] == '+' || t->s[0] == '-' || t->s[0] == '*' || t->s[0] == '/');
}

/* The built-in functions on the operands v[0 ... n-1]. */
static int function(const struct xtok *fn, const struct xtok *v, int n, struct xtok *out)
{
    int32_t i, j;
    out->len = 0;
    if (x_is(fn, "&CONCAT")) {
        char b[EXEC_TOKLEN];
        size_t len = 0;
        for (int k = 0; k < n && len < EXEC_TOKLEN; k++) {
            size_t m = v[k].len;
            if (m > EXEC_TOKLEN - len)
                m = EXEC_TOKLEN - len;
            memcpy(b + len, v[k].s, m);
            len += m;
        }
        x_settok(out, b, len);
        return XOK;
    }
    if (x_is(fn, "&DATATYP") || x_is(fn, "&LENGTH")) {
        if (n > 1)
            return EXEC_RC_SYNTAX;
        if (fn->s[1] == 'L')
            fmtnum(out, n ? v[0].len : 0);
        else
            setstr(out, n && x_isnum(&v[0], &i) ? "NUM" : "CHAR");
        return XOK;
    }
    /* &SUBSTR token i [j]: j characters (all the rest) from position i */
    if (n < 2 || n > 3)
        return EXEC_RC_SYNTAX;
    if (!x_isnum(&v[1], &i) || i < 1)
        return EXEC_RC_CONVERT;
    j = EXEC_TOKLEN;
    if (n == 3 && (!x_isnum(&v[2], &j) || j < 0))
        return EXEC_RC_CONVERT;
    if (i <= v[0].len) {
        int32_t left = v[0].len - (i - 1);
        x_settok(out, v[0].s + i - 1, (size_t)(j < left ? j : left));
    }
    return XOK;
}

static bool isfunction(const struct xtok *t)
{
    return x_is(t, "&CONCAT") || x_is(t, "&DATATYP") || x_is(t, "&LENGTH") || x_is(t, "&SUBSTR");
}

/*
 * The value of an assignment's right-hand side: one token (null when
 * there is none), a built-in function and its operands, or an arithmetic
 * expression n op n op n ... worked left to right. The substituted
 * operands are left in st->val (after the function's name) for tracing.
 */
int x_evaluate(struct xstate *st, struct xcursor *c, struct xtok *out)
{
    int r;
    st->nval = 0;
    out->len = 0;
    if (c->i < c->n && isfunction(&c->t[c->i])) {
        st->val[st->nval++] = c->t[c->i++];
        if ((r = x_rest(st, c)) != XOK)
            return r;
        return function(&st->val[0], st->val + 1, st->nval - 1, out);
    }
    if ((r = x_rest(st, c)) != XOK)
        return r;
    for (int k = 0; k < st->nval; k++) {
        struct xtok *t = &st->val[k];
        if (st->hex && t->len > 2 && t->s[0] == 'X' && t->s[1] == '\'' && (r = hexval(t)) != XOK)
            return r;
    }
    if (st->nval <= 1) {
        if (st->nval == 1)
            *out = st->val[0];
        return XOK;
    }
    if (st->nval % 2 == 0)
        return EXEC_RC_SYNTAX;
    int32_t acc, n;
    if (!x_isnum(&st->val[0], &acc))
        return EXEC_RC_CONVERT;
    for (int k = 1; k < st->nval; k += 2) {
        if (!isop(&st->val[k]))
            return EXEC_RC_SYNTAX;
        if (!x_isnum(&st->val[k + 1], &n))
            return EXEC_RC_CONVERT;
        if ((r = arith(acc, st->val[k].s[0], n, &acc)) != XOK)
            return r;
    }
    return x_setnum(out, acc);
}

/* ------------------------------------------------------------ conditions */

enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

static int opcode(const struct xtok *t)
{
    static const struct {
        const char *name;
        int op;
    } ops[] = {{"=", OP_EQ},  {"EQ", OP_EQ}, {"\xAC=", OP_NE}, {"^=", OP_NE}, {"NE", OP_NE},
               {"<", OP_LT},  {"LT", OP_LT}, {"<=", OP_LE},    {"LE", OP_LE}, {">", OP_GT},
               {"GT", OP_GT}, {">=", OP_GE}, {"GE", OP_GE}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (x_is(t, ops[i].name))
            return ops[i].op;
    return -1;
}

/* Numbers compare as numbers; anything else as characters, blank padded
 * to 8, in the EBCDIC collating sequence R6 compares in. */
static int compare(const struct xtok *a, const struct xtok *b)
{
    int32_t x, y;
    if (x_isnum(a, &x) && x_isnum(b, &y))
        return x < y ? -1 : x > y;
    for (int i = 0; i < EXEC_TOKLEN; i++) {
        uint8_t ca = asc2ebc[(uint8_t)(i < a->len ? a->s[i] : ' ')];
        uint8_t cb = asc2ebc[(uint8_t)(i < b->len ? b->s[i] : ' ')];
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return 0;
}

static bool holds(int op, int cmp)
{
    switch (op) {
    case OP_EQ: return cmp == 0;
    case OP_NE: return cmp != 0;
    case OP_LT: return cmp < 0;
    case OP_LE: return cmp <= 0;
    case OP_GT: return cmp > 0;
    default: return cmp >= 0;
    }
}

/* One side of a condition: a value, or &* (every argument) or &$ (any). */
struct side {
    const struct xtok *list;
    int n;
    bool every;
    struct xtok one;
};

static int side(struct xstate *st, struct xcursor *c, struct side *s, struct xtok *shown)
{
    if (c->i < c->n && (x_is(&c->t[c->i], "&*") || x_is(&c->t[c->i], "&$"))) {
        s->every = c->t[c->i].s[1] == '*';
        *shown = c->t[c->i++];
        s->list = st->argv;
        s->n = st->nargv;
        return XOK;
    }
    int r = x_next(st, c, &s->one);
    if (r == XEND)
        return EXEC_RC_SYNTAX;
    s->list = &s->one;
    s->n = 1;
    s->every = true;
    *shown = s->one;
    return r;
}

/*
 * tok1 op tok2 from the cursor, the cursor left after it. none: &* or &$
 * stood for an empty argument list, and the statement is void. shown gets
 * the three tokens as the trace shows them.
 */
int x_condition(struct xstate *st, struct xcursor *c, bool *met, bool *none, struct xtok shown[3])
{
    struct side a, b;
    int r, op;
    *met = *none = false;
    if ((r = side(st, c, &a, &shown[0])) != XOK)
        return r;
    if ((r = x_next(st, c, &shown[1])) != XOK)
        return r == XEND ? EXEC_RC_SYNTAX : r;
    if ((op = opcode(&shown[1])) < 0)
        return EXEC_RC_SYNTAX;
    if ((r = side(st, c, &b, &shown[2])) != XOK)
        return r;
    if (a.n == 0 || b.n == 0) {
        *none = true;
        return XOK;
    }
    bool all_a = true, any_a = false;
    for (int i = 0; i < a.n; i++) {
        bool all_b = true, any_b = false;
        for (int j = 0; j < b.n; j++) {
            bool h = holds(op, compare(&a.list[i], &b.list[j]));
            all_b = all_b && h;
            any_b = any_b || h;
        }
        bool h = b.every ? all_b : any_b;
        all_a = all_a && h;
        any_a = any_a || h;
    }
    *met = a.every ? all_a : any_a;
    return XOK;
}
