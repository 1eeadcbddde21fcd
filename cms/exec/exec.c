/*
 * exec.c - the CMS EXEC interpreter (VM/370 R6 DMSEXT): runs an EXEC file
 * line by line - comments, labels, assignments, control statements and
 * CMS commands - with the execution summary of &CONTROL, loops, branches,
 * the &ERROR action and the DMSEXT072E error message.
 *
 * Entry points: exec_run, exec_error, exec_errtext, exec_shared_init
 * (exec.h). Variables, substitution and conditions are in execvar.c.
 * Follows CMS Command and Macro Reference R6 section 5 and the CMS User's
 * Guide R6 part 3; where they are silent, cms/exec/README.md says what
 * was decided.
 *
 * Nothing here recurses on the EXEC's text: a line is one pass over its
 * tokens (an &IF chain is a loop), loops are a table of at most four
 * entries, and only the &ERROR action runs a statement from inside
 * another (once: a failure in the action ends the EXEC).
 */
#include <stdio.h>
#include <string.h>
#include "cms/exec/execint.h"

/* ------------------------------------------------------------- messages */

static const char *const errtexts[] = {
    "FILE NOT FOUND",
    "&SKIP OR &GOTO ERROR",
    "BAD FILE FORMAT",
    "TOO MANY ARGUMENTS",
    "MAX DEPTH OF LOOP NESTING EXCEEDED",
    "EOF FOUND IN LOOP",
    "INVALID SYNTAX",
    "MISUSE OF SPECIAL VARIABLE",
    "CONVERSION ERROR",
    "MAX DEPTH OF EXEC NESTING EXCEEDED",
    "INSUFFICIENT FREE STORAGE",
};

const char *exec_errtext(int rc)
{
    if (rc < EXEC_RC_NOTFOUND || rc > EXEC_RC_STORAGE)
        return "";
    return errtexts[rc - EXEC_RC_NOTFOUND];
}

static void emsg(const struct exec_env *env, const char *line, size_t idlen)
{
    if (env->emsg)
        env->emsg(env->ctx, line, idlen);
    else
        env->type(env->ctx, line);
}

int exec_error(const struct exec_env *env, const char *fn, unsigned line, int rc)
{
    char msg[96];
    snprintf(msg, sizeof msg, "DMSEXT072E ERROR IN EXEC FILE %.8s, LINE %u - %s", fn, line,
             exec_errtext(rc));
    emsg(env, msg, 10);
    return rc;
}

void exec_shared_init(struct exec_shared *sh)
{
    sh->depth = 0;
    sh->maxdepth = EXEC_MAXDEPTH;
    for (int i = 0; i < 10; i++)
        sh->global[i] = 1;
}

/* ------------------------------------------------------------- helpers */

static void type(struct xstate *st, const char *line) { st->env->type(st->env->ctx, line); }

static bool halted(struct xstate *st) { return st->env->halted && st->env->halted(st->env->ctx); }

static void clocktext(struct xstate *st, enum exec_clock what, char *buf, size_t size)
{
    const struct exec_env *env = st->env;
    buf[0] = '\0';
    if (env->clock) {
        env->clock(env->ctx, what, buf, size);
        buf[size - 1] = '\0';
    } else if (what != EXEC_CLOCK_RESET) {
        snprintf(buf, size, "%s", what == EXEC_CLOCK_TOD ? "00:00:00" : "T=0.00/0.00 00:00:00");
    }
}

/* Record n of the file, at most EXEC_LINEMAX characters. */
static int fileline(struct xstate *st, unsigned n, const char **text)
{
    int len = st->file->line(st->file->fctx, n, text);
    if (len < 0 || (len > 0 && !*text))
        return -1;
    return len > EXEC_LINEMAX ? EXEC_LINEMAX : len;
}

/* Blank-delimited tokens, each cut to 8 characters. */
static int tokenize(const char *s, size_t len, struct xtok *t, int max)
{
    int n = 0;
    size_t i = 0;
    while (n < max) {
        while (i < len && s[i] == ' ')
            i++;
        if (i >= len)
            break;
        size_t b = i;
        while (i < len && s[i] != ' ')
            i++;
        x_settok(&t[n++], s + b, i - b);
    }
    return n;
}

/* Append a token to a line: after one blank, or (pad) at the next field
 * of 9 columns, as &CONTROL NOPACK shows statements. */
static void put(char *buf, size_t size, size_t *len, const char *s, size_t n, bool pad)
{
    size_t at = *len == 0 ? 0 : pad ? (*len / (EXEC_TOKLEN + 1) + 1) * (EXEC_TOKLEN + 1) : *len + 1;
    if (at + n >= size)
        return;
    memset(buf + *len, ' ', at - *len);
    memcpy(buf + at, s, n);
    *len = at + n;
    buf[*len] = '\0';
}

/* Tokens joined by one blank: a command line, a typed or stacked line. */
static const char *join(struct xstate *st, const struct xtok *v, int n)
{
    size_t len = 0;
    st->text[0] = '\0';
    for (int i = 0; i < n; i++)
        put(st->text, sizeof st->text, &len, v[i].s, v[i].len, false);
    return st->text;
}

/* ----------------------------------------------------- execution summary */

static void trace_put(struct xstate *st, const char *s, size_t n)
{
    put(st->trace, sizeof st->trace, &st->tracelen, s, n, st->nopack);
}

static void trace_toks(struct xstate *st, const struct xtok *v, int n)
{
    for (int i = 0; i < n; i++)
        trace_put(st, v[i].s, v[i].len);
}

static void trace_clear(struct xstate *st)
{
    st->tracelen = 0;
    st->trace[0] = '\0';
}

/* &CONTROL ALL shows EXEC statements, substituted, before they run. */
static void trace_show(struct xstate *st)
{
    if (st->control == XC_ALL && st->tracelen > 0)
        type(st, st->trace);
    trace_clear(st);
}

/* &CONTROL TIME: the time of day before a command in the summary. */
static void trace_tod(struct xstate *st)
{
    char tod[16];
    clocktext(st, EXEC_CLOCK_TOD, tod, sizeof tod);
    size_t n = strlen(tod) + 1;
    if (st->tracelen + n >= sizeof st->trace)
        return;
    memmove(st->trace + n, st->trace, st->tracelen + 1);
    memcpy(st->trace, tod, n - 1);
    st->trace[n - 1] = ' ';
    st->tracelen += n;
}

/* ---------------------------------------------------------- control flow */

/* Continue at line target; past the end, the EXEC ends. Any transfer
 * ends the lines still to be read for &READ n. */
static int jump(struct xstate *st, int64_t target)
{
    if (target < 1)
        return EXEC_RC_SKIP;
    st->reads = 0;
    if (target > st->file->nlines) {
        st->done = true;
        st->rc = 0;
        return XOK;
    }
    st->next = (unsigned)target;
    st->jumped = true;
    return XOK;
}

/* The line whose first token is label, searched from line from to line
 * to (inclusive). 0: none. */
static int findlabel(struct xstate *st, const struct xtok *label, unsigned from, unsigned to,
                     unsigned *found)
{
    size_t lim = st->file->fixed ? EXEC_FIXEDCOL : EXEC_LINEMAX;
    for (unsigned n = from; n <= to && n >= 1; n++) {
        const char *text;
        int len = fileline(st, n, &text);
        if (len < 0)
            return EXEC_RC_FORMAT;
        struct xtok first;
        if (tokenize(text, (size_t)len < lim ? (size_t)len : lim, &first, 1) == 1 &&
            first.len == label->len && memcmp(first.s, label->s, label->len) == 0) {
            *found = n;
            return XOK;
        }
    }
    *found = 0;
    return XOK;
}

/* Leave the loops whose lines do not hold line next. */
static void close_loops(struct xstate *st, unsigned next)
{
    while (st->nloops > 0) {
        const struct xloop *lp = &st->loop[st->nloops - 1];
        if (next >= lp->start && next <= lp->end)
            break;
        st->nloops--;
    }
}

/* The statement ran the last line of loops: go round again or leave them
 * (nested loops may end on the same line). */
static int loop_end(struct xstate *st)
{
    while (st->nloops > 0) {
        struct xloop *lp = &st->loop[st->nloops - 1];
        if (lp->end != st->last)
            return XOK;
        if (lp->count > 0) {
            if (--lp->count > 0) {
                st->next = lp->start;
                return XOK;
            }
        } else {
            struct xcursor c = {lp->cond, lp->ncond, 0};
            struct xtok shown[3];
            bool met, none;
            int r = x_condition(st, &c, &met, &none, shown);
            if (r != XOK)
                return r;
            if (!met && !none) {
                st->next = lp->start;
                return XOK;
            }
        }
        st->nloops--;
    }
    return XOK;
}

/* --------------------------------------------------------- CMS commands */

static void show_rc(struct xstate *st, int rc)
{
    char buf[32];
    if (rc < 0)
        snprintf(buf, sizeof buf, "+++ R(-%04lu) +++", (unsigned long)-(int64_t)rc);
    else
        snprintf(buf, sizeof buf, "+++ R(%05d) +++", rc);
    type(st, buf);
}

static int run_statement(struct xstate *st, const struct xtok *t, int n, int k);

/* A CMS command: substituted, shown as &CONTROL says, run; a non-zero
 * return code runs the &ERROR action. */
static int run_command(struct xstate *st, const struct xtok *t, int n, int k)
{
    const struct exec_env *env = st->env;
    struct xcursor c = {t, n, k};
    st->nval = 0;
    int r = x_rest(st, &c);
    if (r != XOK)
        return r;
    if (st->nval == 0) {
        trace_show(st);
        return XOK;
    }
    for (int i = 0; i < st->nval; i++) {
        memset(st->tok8[i], ' ', EXEC_TOKLEN);
        memcpy(st->tok8[i], st->val[i].s, st->val[i].len);
    }
    join(st, st->val, st->nval);
    if (st->control != XC_ALL)
        trace_clear(st);
    trace_toks(st, st->val, st->nval);
    if (st->ctime)
        trace_tod(st);
    if (st->control == XC_ALL || st->control == XC_CMS)
        type(st, st->trace);
    if (st->timing)
        clocktext(st, EXEC_CLOCK_RESET, st->in, sizeof st->in);

    int rc = env->command ? env->command(env->ctx, (const char(*)[EXEC_TOKLEN])st->tok8, st->nval,
                                         st->text, st->nomsg ? EXEC_CMD_NOMSG : 0)
                          : -3;
    if (halted(st))
        return EXEC_RC_HALTED;
    st->retcode = rc;
    if (rc != 0 && st->control != XC_OFF) {
        if (st->control == XC_ERROR)
            type(st, st->trace);
        show_rc(st, rc);
    }
    trace_clear(st);
    if (st->timing && st->control != XC_OFF) {
        clocktext(st, EXEC_CLOCK_TIMING, st->in, sizeof st->in);
        type(st, st->in);
    }
    if (rc == 0)
        return XOK;
    if (st->in_action) { /* the &ERROR action failed too */
        st->done = true;
        st->rc = rc;
        return XOK;
    }
    if (st->act[0] == '\0')
        return XOK;
    /* the line that ran the command is done with: its tokens make room */
    st->nraw = tokenize(st->act, strlen(st->act), st->raw, XMAXTOK);
    st->in_action = true;
    r = run_statement(st, st->raw, st->nraw, 0);
    st->in_action = false;
    return r;
}

/* ----------------------------------------------------- control statements */

static int c_args(struct xstate *st) { return x_setargs(st, st->val, st->nval); }

static int c_nothing(struct xstate *st)
{
    (void)st; /* &CONTINUE, and &END outside a block */
    return XOK;
}

/* &BEGEMSG, &BEGPUNCH, &BEGSTACK, &BEGTYPE [FIFO|LIFO] [ALL] ... &END */
enum block { B_EMSG, B_PUNCH, B_STACK, B_TYPE };

/* A message id mmmnnns: 7 characters, the last a severity. */
static bool isid(const char *p, size_t n)
{
    return n >= 7 && (n == 7 || p[7] == ' ') && p[6] != '\0' && strchr("IEWR", p[6]) != NULL;
}

static void block_line(struct xstate *st, enum block kind, bool lifo, const char *s, size_t len)
{
    const struct exec_env *env = st->env;
    char *b = st->text;
    size_t skip = 0;
    switch (kind) {
    case B_TYPE: type(st, s); break;
    case B_STACK:
        if (env->stack)
            env->stack(env->ctx, s, lifo);
        break;
    case B_PUNCH:
        memset(b, ' ', 80);
        memcpy(b, s, len < 80 ? len : 80);
        if (env->punch)
            env->punch(env->ctx, b);
        break;
    case B_EMSG:
        /* mmmnnns first: shown as the message DMSmmmnnns */
        while (skip < len && s[skip] == ' ')
            skip++;
        if (isid(s + skip, len - skip)) {
            snprintf(b, sizeof st->text, "DMS%s", s + skip);
            emsg(env, b, 10);
        } else {
            emsg(env, s, 0);
        }
        break;
    }
}

static int block(struct xstate *st, enum block kind)
{
    bool all = false, lifo = false;
    if (st->console)
        return EXEC_RC_SYNTAX;
    for (int i = 0; i < st->nval; i++) {
        if (x_is(&st->val[i], "ALL"))
            all = true;
        else if (kind == B_STACK && (x_is(&st->val[i], "FIFO") || x_is(&st->val[i], "LIFO")))
            lifo = st->val[i].s[0] == 'L';
        else
            return EXEC_RC_SYNTAX;
    }
    unsigned n;
    for (n = st->linenum + 1; n <= st->file->nlines; n++) {
        if (halted(st))
            return EXEC_RC_HALTED;
        const char *text;
        int len = fileline(st, n, &text);
        if (len < 0)
            return EXEC_RC_FORMAT;
        if (len >= 4 && memcmp(text, "&END", 4) == 0 && (len == 4 || text[4] == ' '))
            break;
        size_t lim = st->file->fixed && !all ? EXEC_FIXEDCOL : EXEC_LINEMAX;
        size_t l = (size_t)len < lim ? (size_t)len : lim;
        while (l > 0 && text[l - 1] == ' ')
            l--;
        memcpy(st->in, text, l);
        st->in[l] = '\0';
        block_line(st, kind, lifo, st->in, l);
    }
    /* the EXEC goes on after &END (or ends with the file) */
    st->last = n > st->file->nlines ? st->file->nlines : n;
    st->next = n + 1;
    return XOK;
}

static int c_begemsg(struct xstate *st) { return block(st, B_EMSG); }
static int c_begpunch(struct xstate *st) { return block(st, B_PUNCH); }
static int c_begstack(struct xstate *st) { return block(st, B_STACK); }
static int c_begtype(struct xstate *st) { return block(st, B_TYPE); }

/* &CONTROL [CMS|ALL|ERROR|OFF] [TIME|NOTIME] [MSG|NOMSG] [PACK|NOPACK] */
static int c_control(struct xstate *st)
{
    if (st->nval == 0) {
        st->control = XC_CMS;
        st->ctime = st->nomsg = st->nopack = false;
    }
    for (int i = 0; i < st->nval; i++) {
        const struct xtok *v = &st->val[i];
        if (x_is(v, "CMS"))
            st->control = XC_CMS;
        else if (x_is(v, "ALL"))
            st->control = XC_ALL;
        else if (x_is(v, "ERROR"))
            st->control = XC_ERROR;
        else if (x_is(v, "OFF"))
            st->control = XC_OFF;
        else if (x_is(v, "TIME") || x_is(v, "NOTIME"))
            st->ctime = v->s[0] == 'T';
        else if (x_is(v, "MSG") || x_is(v, "NOMSG"))
            st->nomsg = v->s[0] == 'N';
        else if (x_is(v, "PACK") || x_is(v, "NOPACK"))
            st->nopack = v->s[0] == 'N';
        else
            return EXEC_RC_SYNTAX;
    }
    return XOK;
}

/* &EMSG mmmnnns [text] */
static int c_emsg(struct xstate *st)
{
    if (st->nval == 0)
        return EXEC_RC_SYNTAX;
    const struct xtok *id = &st->val[0];
    snprintf(st->trace, sizeof st->trace, "DMS%.*s%s%s", (int)id->len, id->s,
             st->nval > 1 ? " " : "", join(st, st->val + 1, st->nval - 1));
    emsg(st->env, st->trace, 3 + id->len);
    trace_clear(st);
    return XOK;
}

/* &ERROR [statement]: kept unscanned until a command fails. */
static int c_error(struct xstate *st, struct xcursor *c)
{
    size_t len = 0;
    trace_toks(st, c->t + c->i, c->n - c->i);
    trace_show(st);
    st->act[0] = '\0';
    for (int i = c->i; i < c->n; i++)
        put(st->act, sizeof st->act, &len, c->t[i].s, c->t[i].len, false);
    return XOK;
}

static int c_exit(struct xstate *st)
{
    int32_t rc = 0;
    if (st->nval > 0 && !x_isnum(&st->val[0], &rc))
        return EXEC_RC_CONVERT;
    st->done = true;
    st->rc = rc;
    return XOK;
}

/* &GOTO TOP|n|-label: the label is searched for below, then from the top. */
static int c_goto(struct xstate *st)
{
    const struct xtok *v = &st->val[0];
    int32_t n;
    unsigned at;
    if (st->nval == 0)
        return EXEC_RC_SYNTAX;
    if (x_is(v, "TOP"))
        return jump(st, 1);
    if (v->s[0] == '-') {
        int r = findlabel(st, v, st->linenum + 1, st->file->nlines, &at);
        if (r == XOK && at == 0)
            r = findlabel(st, v, 1, st->linenum, &at);
        if (r != XOK)
            return r;
        return at ? jump(st, at) : EXEC_RC_SKIP;
    }
    if (!x_isnum(v, &n) || n < 1 || (unsigned)n > st->file->nlines)
        return EXEC_RC_SKIP;
    return jump(st, n);
}

static int c_hex(struct xstate *st)
{
    if (st->nval != 1 || !(x_is(&st->val[0], "ON") || x_is(&st->val[0], "OFF")))
        return EXEC_RC_SYNTAX;
    st->hex = st->val[0].s[1] == 'N';
    return XOK;
}

/* &LOOP n|-label m|condition */
static int c_loop(struct xstate *st, struct xcursor *c)
{
    struct xtok what, m;
    int32_t n;
    unsigned end;
    int r = x_next(st, c, &what);
    if (r != XOK)
        return r == XEND ? EXEC_RC_SYNTAX : r;
    trace_put(st, what.s, what.len);
    if (st->console)
        return EXEC_RC_SYNTAX;
    if (what.s[0] == '-') {
        if ((r = findlabel(st, &what, st->linenum + 1, st->file->nlines, &end)) != XOK)
            return r;
        if (end == 0)
            return EXEC_RC_LOOPEOF;
    } else if (x_isnum(&what, &n) && n >= 0 && n <= 4095) {
        if (st->linenum + (unsigned)n > st->file->nlines)
            return EXEC_RC_LOOPEOF;
        end = st->linenum + (unsigned)n;
    } else {
        return EXEC_RC_SYNTAX;
    }
    int rest = c->n - c->i;
    struct xloop lp = {st->linenum + 1, end, -1, 0, {{0}}};
    bool met = false, none = false;
    if (rest == 1) {
        if ((r = x_next(st, c, &m)) != XOK)
            return r == XEND ? EXEC_RC_SYNTAX : r;
        if (!x_isnum(&m, &lp.count))
            return EXEC_RC_CONVERT;
        if (lp.count < 0 || lp.count > 4095)
            return EXEC_RC_SYNTAX;
        trace_put(st, m.s, m.len);
        met = lp.count == 0;
    } else {
        if (rest < 1 || rest > XCONDMAX)
            return EXEC_RC_SYNTAX;
        struct xtok shown[3];
        lp.ncond = rest;
        memcpy(lp.cond, c->t + c->i, (size_t)rest * sizeof lp.cond[0]);
        if ((r = x_condition(st, c, &met, &none, shown)) != XOK)
            return r;
        trace_toks(st, shown, 3);
    }
    trace_show(st);
    if (end == st->linenum || met || none)
        return jump(st, (int64_t)end + 1);
    if (st->nloops == EXEC_MAXLOOPS)
        return EXEC_RC_LOOPS;
    st->loop[st->nloops++] = lp;
    return XOK;
}

/* &PUNCH: the tokens in fields of 8 columns. */
static int c_punch(struct xstate *st)
{
    char card[80];
    memset(card, ' ', sizeof card);
    for (int i = 0; i < st->nval && i < 10; i++)
        memcpy(card + 8 * i, st->val[i].s, st->val[i].len);
    if (st->env->punch)
        st->env->punch(st->env->ctx, card);
    return XOK;
}

/* A line from the stack or the terminal into st->in (null if none). */
static size_t readline(struct xstate *st)
{
    const struct exec_env *env = st->env;
    int len = env->read ? env->read(env->ctx, st->in, sizeof st->in) : -1;
    if (len < 0)
        len = 0;
    if (len > EXEC_LINEMAX)
        len = EXEC_LINEMAX;
    st->in[len] = '\0';
    return strnlen(st->in, (size_t)len);
}

/* &READ [n|ARGS|VARS &v1 ...] */
static int c_read(struct xstate *st, struct xcursor *c)
{
    struct xtok what;
    int32_t n = 1;
    int r = x_next(st, c, &what);
    if (r != XOK && r != XEND)
        return r;
    bool args = r == XOK && x_is(&what, "ARGS"), vars = r == XOK && x_is(&what, "VARS");
    if (r == XOK)
        trace_put(st, what.s, what.len);
    if (vars)
        trace_toks(st, c->t + c->i, c->n - c->i);
    trace_show(st);
    if (!args && !vars) {
        if (r == XOK && !x_isnum(&what, &n))
            return EXEC_RC_CONVERT;
        if (n < 0)
            return EXEC_RC_SYNTAX;
        st->reads = st->reads + (uint32_t)n > XMAXREADS ? XMAXREADS : st->reads + (uint32_t)n;
        return XOK;
    }
    size_t len = readline(st);
    if (halted(st))
        return EXEC_RC_HALTED;
    st->nval = tokenize(st->in, len, st->val, XMAXTOK);
    if (args)
        return x_setargs(st, st->val, st->nval);
    for (int i = 0; c->i < c->n; i++) {
        const struct xtok *name = &c->t[c->i++];
        struct xtok null = {0};
        if (name->s[0] != '&')
            return EXEC_RC_SYNTAX;
        if ((r = x_assign(st, name, i < st->nval ? &st->val[i] : &null)) != XOK)
            return r;
    }
    return XOK;
}

/* &SKIP [n]: n lines on, or -n lines back from this one. */
static int c_skip(struct xstate *st)
{
    int32_t n = 1;
    if (st->nval > 0 && !x_isnum(&st->val[0], &n))
        return EXEC_RC_CONVERT;
    return jump(st, (int64_t)st->linenum + (n >= 0 ? 1 : 0) + n);
}

static int c_space(struct xstate *st)
{
    int32_t n = 1;
    if (st->nval > 0 && !x_isnum(&st->val[0], &n))
        return EXEC_RC_CONVERT;
    for (int32_t i = 0; i < n; i++) {
        if (halted(st))
            return EXEC_RC_HALTED;
        type(st, "");
    }
    return XOK;
}

/* &STACK [FIFO|LIFO] [tokens|HT|RT] */
static int c_stack(struct xstate *st)
{
    const struct exec_env *env = st->env;
    int i = 0;
    bool lifo = false;
    if (st->nval > 0 && (x_is(&st->val[0], "FIFO") || x_is(&st->val[0], "LIFO"))) {
        lifo = st->val[0].s[0] == 'L';
        i = 1;
    }
    if (st->nval - i == 1 && (x_is(&st->val[i], "HT") || x_is(&st->val[i], "RT"))) {
        if (env->immediate)
            env->immediate(env->ctx, x_is(&st->val[i], "HT") ? "HT" : "RT");
        return XOK;
    }
    join(st, st->val + i, st->nval - i);
    if (env->stack)
        env->stack(env->ctx, st->text, lifo);
    return XOK;
}

/* &TIME ON|OFF|RESET|TYPE */
static int c_time(struct xstate *st)
{
    if (st->nval == 0)
        return EXEC_RC_SYNTAX;
    for (int i = 0; i < st->nval; i++) {
        const struct xtok *v = &st->val[i];
        if (x_is(v, "ON") || x_is(v, "OFF")) {
            st->timing = v->s[1] == 'N';
        } else if (x_is(v, "RESET")) {
            clocktext(st, EXEC_CLOCK_RESET, st->in, sizeof st->in);
        } else if (x_is(v, "TYPE")) {
            clocktext(st, EXEC_CLOCK_TIMING, st->in, sizeof st->in);
            type(st, st->in);
        } else {
            return EXEC_RC_SYNTAX;
        }
    }
    return XOK;
}

static int c_type(struct xstate *st)
{
    type(st, join(st, st->val, st->nval));
    return XOK;
}

/* The control words, as a token holds them (8 characters). op: the
 * operands are substituted into st->val and shown before it runs; raw:
 * the statement looks at its raw tokens. &IF is run_statement's. */
static const struct ctlword {
    const char *name;
    int (*op)(struct xstate *st);
    int (*raw)(struct xstate *st, struct xcursor *c);
} ctlwords[] = {
    {"&ARGS", c_args, NULL},        {"&BEGEMSG", c_begemsg, NULL}, {"&BEGPUNC", c_begpunch, NULL},
    {"&BEGSTAC", c_begstack, NULL}, {"&BEGTYPE", c_begtype, NULL}, {"&CONTINU", c_nothing, NULL},
    {"&CONTROL", c_control, NULL},  {"&EMSG", c_emsg, NULL},       {"&END", c_nothing, NULL},
    {"&ERROR", NULL, c_error},      {"&EXIT", c_exit, NULL},       {"&GOTO", c_goto, NULL},
    {"&HEX", c_hex, NULL},          {"&IF", NULL, NULL},           {"&LOOP", NULL, c_loop},
    {"&PUNCH", c_punch, NULL},      {"&READ", NULL, c_read},       {"&SKIP", c_skip, NULL},
    {"&SPACE", c_space, NULL},      {"&STACK", c_stack, NULL},     {"&TIME", c_time, NULL},
    {"&TYPE", c_type, NULL},
};

static const struct ctlword *ctlword(const struct xtok *t)
{
    if (t->s[0] != '&')
        return NULL;
    for (size_t i = 0; i < sizeof ctlwords / sizeof ctlwords[0]; i++)
        if (x_is(t, ctlwords[i].name))
            return &ctlwords[i];
    return NULL;
}

/* ------------------------------------------------------------ statements */

/* &var = ... : the target's name is substituted after its '&'. */
static int assignment(struct xstate *st, const struct xtok *t, int n, int k)
{
    struct xtok name, v;
    struct xcursor c = {t, n, k + 2};
    int r = x_subst(st, &t[k], &name, 1);
    if (r == XOK)
        r = x_evaluate(st, &c, &v);
    if (r != XOK)
        return r;
    trace_put(st, name.s, name.len);
    trace_put(st, "=", 1);
    trace_toks(st, st->val, st->nval);
    trace_show(st);
    return x_assign(st, &name, &v);
}

/* The statement in tokens t[k ... n-1]: an assignment, a control
 * statement (an &IF's statement follows in the same tokens), or a CMS
 * command. */
static int run_statement(struct xstate *st, const struct xtok *t, int n, int k)
{
    trace_clear(st);
    for (;;) {
        if (k >= n) {
            trace_show(st);
            return XOK;
        }
        if (t[k].s[0] == '&' && k + 1 < n && x_is(&t[k + 1], "="))
            return assignment(st, t, n, k);
        const struct ctlword *w = ctlword(&t[k]);
        if (!w)
            return run_command(st, t, n, k);
        struct xcursor c = {t, n, k + 1};
        trace_put(st, t[k].s, t[k].len);
        if (w->raw)
            return w->raw(st, &c);
        if (!w->op) { /* &IF tok1 op tok2 statement */
            struct xtok shown[3];
            bool met, none;
            int r = x_condition(st, &c, &met, &none, shown);
            if (r != XOK)
                return r;
            trace_toks(st, shown, 3);
            if (met && !none) {
                k = c.i;
                continue;
            }
            trace_toks(st, t + c.i, n - c.i);
            trace_show(st);
            return XOK;
        }
        st->nval = 0;
        int r = x_rest(st, &c);
        if (r != XOK)
            return r;
        trace_toks(st, st->val, st->nval);
        trace_show(st);
        return w->op(st);
    }
}

/* One line: a comment (* in column 1), a label, a statement. */
static int run_line(struct xstate *st, const char *text, size_t len, size_t lim)
{
    if (len > 0 && text[0] == '*')
        return XOK;
    st->nraw = tokenize(text, len < lim ? len : lim, st->raw, XMAXTOK);
    int k = st->nraw > 0 && st->raw[0].s[0] == '-' ? 1 : 0;
    return run_statement(st, st->raw, st->nraw, k);
}

/* The file, line by line; the lines &READ n asks for come first. */
static int run(struct xstate *st)
{
    const struct exec_file *f = st->file;
    unsigned cur = 1;
    int r;
    for (;;) {
        if (halted(st))
            return EXEC_RC_HALTED;
        st->jumped = false;
        if (st->reads > 0) {
            st->reads--;
            size_t len = readline(st);
            if (halted(st))
                return EXEC_RC_HALTED;
            st->next = cur;
            st->console = true;
            r = run_line(st, st->in, len, EXEC_LINEMAX);
            st->console = false;
        } else {
            if (cur > f->nlines)
                return XOK;
            const char *text;
            st->linenum = st->last = cur;
            int len = fileline(st, cur, &text);
            if (len < 0)
                return EXEC_RC_FORMAT;
            st->next = cur + 1;
            r = run_line(st, text, (size_t)len, f->fixed ? EXEC_FIXEDCOL : EXEC_LINEMAX);
            if (r == XOK && !st->done && !st->jumped)
                r = loop_end(st);
        }
        if (r != XOK || st->done)
            return r;
        close_loops(st, st->next);
        cur = st->next;
    }
}

int exec_run(const struct exec_env *env, const struct exec_file *file,
             const char (*args)[EXEC_TOKLEN], int nargs)
{
    struct exec_shared *sh = env->shared;
    const char *fn = file->name;
    if (sh->depth >= sh->maxdepth)
        return exec_error(env, fn, 0, EXEC_RC_DEPTH);
    struct xstate *st = env->alloc(env->ctx, sizeof *st);
    if (!st)
        return exec_error(env, fn, 0, EXEC_RC_STORAGE);
    memset(st, 0, sizeof *st);
    st->env = env;
    st->file = file;
    st->control = XC_CMS;
    x_settok(&st->arg[0], fn, strnlen(fn, EXEC_TOKLEN));
    sh->depth++;

    /* the arguments, blank padded in the plist */
    int r = EXEC_RC_ARGS, n = args && nargs > 0 ? nargs : 0;
    if (n <= EXEC_MAXARGS) {
        for (int i = 0; i < n; i++) {
            size_t len = EXEC_TOKLEN;
            while (len > 0 && args[i][len - 1] == ' ')
                len--;
            x_settok(&st->val[i], args[i], len);
        }
        r = x_setargs(st, st->val, n);
    }
    if (r == XOK)
        r = run(st);
    if (r != XOK && r != EXEC_RC_HALTED)
        exec_error(env, fn, st->linenum, r);
    int rc = r != XOK ? r : st->done ? st->rc : 0;

    x_freevars(st);
    env->free(env->ctx, st, sizeof *st);
    sh->depth--;
    return rc;
}
