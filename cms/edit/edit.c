/*
 * edit.c - EDIT fn ft [fm] (DMSEDI): the command, the console loop, input
 * mode and the subcommand table.
 *
 * edit_run() checks the operands first (nothing happens on an error but
 * its DMSEDI message), then reads the file through env->load, types
 * NEW FILE: for a file that does not exist and EDIT:, and reads lines
 * until FILE, QUIT or HX. In edit mode a line is a subcommand; a null line
 * enters input mode (INPUT:), where every line is a new record after the
 * current one and a null line goes back (EDIT:). Under CASE U (the
 * default) every line is translated to upper case as it is read.
 *
 * Subcommands are looked up in a table in R6's own order with R6's
 * minimum abbreviations, so T is TYPE and TO is TOP, D is DOWN and DE is
 * DELETE. Unknown or malformed subcommands answer "?EDIT: line" (SHORT:
 * "?EDIT:") and change nothing.
 *
 * Sources: VM/370 R6 EDIT help texts (EDIT HELPCMD, *.HELPEDT) and the
 * subcommand table and message texts of a Release 6 CMSSEG; see README.md.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "cms/edit/editint.h"

/* ------------------------------------------------------------ messages */

void ed_type(struct edit *ed, const char *s) { ed->env->type(ed->env->ctx, s); }

void ed_typef(struct edit *ed, const char *fmt, ...)
{
    char buf[EDIT_LINEBUF + 64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    ed_type(ed, buf);
}

void ed_error(struct edit *ed, const char *text)
{
    ed->failed = true;
    ed_type(ed, ed->set.longmsg ? text : "?EDIT:");
}

void ed_invalid(struct edit *ed)
{
    ed->failed = true;
    if (!ed->set.longmsg) {
        ed_type(ed, "?EDIT:");
        return;
    }
    const char *s = ed_skip(ed->cmdline ? ed->cmdline : "");
    ed_typef(ed, "?EDIT: %.*s", (int)eb_strip(s, strlen(s)), s);
}

void ed_nomem(struct edit *ed)
{
    ed->failed = true;
    ed_type(ed, "AVAILABLE STORAGE IS NOW FULL");
}

bool ed_halted(struct edit *ed)
{
    if (!ed->done && ed->env->halted && ed->env->halted(ed->env->ctx)) {
        ed->done = true;
        ed->rc = EDIT_RC_HALT;
    }
    return ed->done;
}

/* Record i as VERIFY shows it: up to the verification column. */
void ed_typeline(struct edit *ed, unsigned i)
{
    size_t len;
    const char *t = eb_text(ed, i, &len);
    if (ed->set.vcol && len > ed->set.vcol)
        len = ed->set.vcol;
    ed_typef(ed, "%.*s", (int)len, t);
}

void ed_showpos(struct edit *ed)
{
    if (ed->cur == 0)
        ed_type(ed, "TOF:");
    else if (ed->cur > ed->n)
        ed_type(ed, "EOF:");
    else if (ed->set.verify)
        ed_typeline(ed, ed->cur);
}

void ed_updated(struct edit *ed, unsigned n) { ed->updates += n; }

void ed_enter_input(struct edit *ed)
{
    ed->input = true;
    ed_type(ed, "INPUT:");
}

/* ---------------------------------------------------- operand scanning */

void ed_strcpy(char *dst, size_t size, const char *src)
{
    size_t len = strnlen(src, size - 1);
    memcpy(dst, src, len);
    dst[len] = '\0';
}

const char *ed_skip(const char *p)
{
    while (*p == ' ')
        p++;
    return p;
}

/* FIND, INPUT, REPLACE, OVERLAY: the text starts after exactly one blank,
 * so further blanks are part of it. */
const char *ed_text(const char *ops) { return *ops == ' ' ? ops + 1 : ops; }

bool ed_end(const char *p) { return *ed_skip(p) == '\0'; }

size_t ed_token(const char **p, const char **tok)
{
    const char *s = ed_skip(*p);
    size_t len = 0;
    while (s[len] && s[len] != ' ')
        len++;
    *tok = s;
    *p = s + len;
    return len;
}

bool ed_word(const char *tok, size_t len, const char *w)
{
    if (len != strlen(w))
        return false;
    for (size_t k = 0; k < len; k++)
        if (toupper((unsigned char)tok[k]) != w[k])
            return false;
    return true;
}

bool ed_number(const char *tok, size_t len, unsigned *n)
{
    if (len == 0)
        return false;
    unsigned v = 0;
    for (size_t k = 0; k < len; k++) {
        if (!isdigit((unsigned char)tok[k]))
            return false;
        v = v > 99999999u ? 999999999u : v * 10 + (unsigned)(tok[k] - '0');
    }
    *n = v;
    return true;
}

int ed_count(const char **p, unsigned *n)
{
    const char *save = *p, *tok;
    size_t len = ed_token(p, &tok);
    if (len == 0)
        return 0;
    if (len == 1 && *tok == '*') {
        *n = ED_ALL;
        return 1;
    }
    if (ed_number(tok, len, n))
        return 1;
    *p = save;
    return -1;
}

/* File names: R6 CMS's characters (docs: vm370.md 5.3). */
bool ed_name_ok(const char *t, size_t len)
{
    if (len < 1 || len > 8)
        return false;
    for (size_t k = 0; k < len; k++) {
        int c = toupper((unsigned char)t[k]);
        if (!isalnum(c) && !strchr("$#@+-:_", c))
            return false;
    }
    return true;
}

bool ed_mode_ok(const char *t, size_t len)
{
    if (len < 1 || len > 2 || !isalpha((unsigned char)t[0]))
        return false;
    return len == 1 || (t[1] >= '0' && t[1] <= '5');
}

static void copy_upper(char *dst, const char *src, size_t len)
{
    for (size_t k = 0; k < len; k++)
        dst[k] = (char)toupper((unsigned char)src[k]);
    dst[len] = '\0';
}

/* A mode letter alone keeps the mode number the file had. */
static void set_mode(char fm[3], const char *t, size_t len)
{
    char num = fm[1] ? fm[1] : '1';
    fm[0] = (char)toupper((unsigned char)t[0]);
    fm[1] = len > 1 ? t[1] : num;
    fm[2] = '\0';
}

int ed_parse_fileid(struct edit *ed, const char *ops, struct edit_fileid *id)
{
    const char *p = ops, *tok[3];
    size_t len[3];
    *id = ed->id;
    for (int k = 0; k < 3; k++)
        len[k] = ed_token(&p, &tok[k]);
    if (!ed_end(p) || (len[0] && !ed_name_ok(tok[0], len[0])) ||
        (len[1] && !ed_name_ok(tok[1], len[1])) || (len[2] && !ed_mode_ok(tok[2], len[2])))
        return -1;
    if (len[0])
        copy_upper(id->fn, tok[0], len[0]);
    if (len[1])
        copy_upper(id->ft, tok[1], len[1]);
    if (len[2])
        set_mode(id->fm, tok[2], len[2]);
    return 0;
}

/* ------------------------------------------- repeating: X, Y, =, ? */

static bool repeatable(const char *line);

static void xy(struct edit *ed, int k, const char *ops)
{
    const char *p = ops, *tok;
    unsigned times = 1;
    size_t len = ed_token(&p, &tok);
    if (len && !(ed_number(tok, len, &times) && ed_end(p))) {
        /* X subcommand: remember it */
        const char *s = ed_skip(ops);
        if (!repeatable(s)) {
            ed_invalid(ed);
            return;
        }
        ed_strcpy(ed->xcmd[k], sizeof(ed->xcmd[k]), s);
        return;
    }
    if (!ed->xcmd[k][0]) {
        ed_invalid(ed);
        return;
    }
    for (unsigned i = 0; i < times && !ed_halted(ed); i++) {
        ed->failed = false;
        ed_dispatch(ed, ed->xcmd[k], false);
        if (ed->failed)
            break;
    }
}

static void sub_x(struct edit *ed, const char *ops) { xy(ed, 0, ops); }
static void sub_y(struct edit *ed, const char *ops) { xy(ed, 1, ops); }

static void sub_reuse(struct edit *ed, const char *ops)
{
    if (!ed_end(ops) || !ed->last[0]) {
        ed_invalid(ed);
        return;
    }
    ed_dispatch(ed, ed->last, false);
}

static void sub_query(struct edit *ed, const char *ops)
{
    if (!ed_end(ops))
        ed_invalid(ed);
    else if (ed->last[0])
        ed_type(ed, ed->last);
}

/* R6 subcommands this editor does not do (display mode, line-number
 * editing, macros' STACK, GETFILE, RENUM): rejected like unknown ones. */
static void sub_unavailable(struct edit *ed, const char *ops)
{
    (void)ops;
    ed_invalid(ed);
}

/* ------------------------------------------------------ the table */

struct subcmd {
    char name[9];
    unsigned char min; /* the shortest abbreviation */
    edit_cmd_fn fn;
};

/* R6's order matters: the first entry an abbreviation fits wins. */
static const struct subcmd cmds[] = {
    {"OVERLAY", 1, sub_overlay},
    {"X", 1, sub_x},
    {"Y", 1, sub_y},
    {"?", 1, sub_query},
    {"REUSE", 5, sub_reuse},
    {"=", 1, sub_reuse},
    {"INPUT", 1, sub_input},
    {"REPLACE", 1, sub_replace},
    {"TYPE", 1, sub_type},
    {"UP", 1, sub_up},
    {"TOP", 2, sub_top},
    {"DELETE", 2, sub_delete},
    {"DSTRING", 2, sub_dstring},
    {"BOTTOM", 1, sub_bottom},
    {"NEXT", 1, sub_next},
    {"DOWN", 1, sub_next},
    {"FIND", 1, sub_find},
    {"/", 1, sub_slash},
    {"LOCATE", 1, sub_locate},
    {"ALTER", 2, sub_alter},
    {"CHANGE", 1, sub_change},
    {"TRUNC", 2, sub_trunc},
    {"ZONE", 1, sub_zone},
    {"TABSET", 3, sub_tabset},
    {"CASE", 2, sub_case},
    {"IMAGE", 2, sub_image},
    {"VERIFY", 1, sub_verify},
    {"LONG", 4, sub_long},
    {"SHORT", 5, sub_short},
    {"PRESERVE", 3, sub_preserve},
    {"RESTORE", 3, sub_restore},
    {"STACK", 5, sub_unavailable},
    {"FNAME", 2, sub_fname},
    {"FMODE", 2, sub_fmode},
    {"RECFM", 4, sub_recfm},
    {"SERIAL", 3, sub_serial},
    {"CMS", 3, sub_cms},
    {"QUIT", 2, sub_quit},
    {"GETFILE", 2, sub_unavailable},
    {"SAVE", 2, sub_save},
    {"FILE", 3, sub_file},
    {"LINEMODE", 5, sub_unavailable},
    {"PROMPT", 6, sub_unavailable},
    {"AUTOSAVE", 4, sub_autosave},
    {"SCROLL", 2, sub_unavailable},
    {"FORWARD", 2, sub_next},
    {"BACKWARD", 2, sub_up},
    {"RENUM", 3, sub_unavailable},
    {"FORMAT", 4, sub_unavailable},
    {"REPEAT", 4, sub_repeat},
};
_Static_assert(sizeof(cmds) / sizeof(cmds[0]) == EDIT_NCMDS, "EDIT_NCMDS");

const char *edit_cmdname(unsigned i) { return i < EDIT_NCMDS ? cmds[i].name : NULL; }

/* The subcommand word: letters, or one other character (= ? / ...). */
static const struct subcmd *lookup(const char *line, const char **ops)
{
    const char *p = ed_skip(line);
    char w[9];
    size_t len = 0;
    if (isalpha((unsigned char)*p)) {
        for (; isalpha((unsigned char)p[len]); len++)
            if (len < 8)
                w[len] = (char)toupper((unsigned char)p[len]);
    } else if (*p) {
        w[len++] = *p;
    }
    *ops = p + len;
    if (len == 0 || len > 8)
        return NULL;
    for (size_t k = 0; k < EDIT_NCMDS; k++) {
        const struct subcmd *c = &cmds[k];
        if (len >= c->min && len <= strlen(c->name) && memcmp(c->name, w, len) == 0)
            return c;
    }
    return NULL;
}

/* What X, Y may hold: not X, Y, = or ? themselves (no loops). */
static bool repeatable(const char *line)
{
    const char *ops;
    const struct subcmd *c = lookup(line, &ops);
    return c && c->fn != sub_x && c->fn != sub_y && c->fn != sub_reuse && c->fn != sub_query;
}

void ed_dispatch(struct edit *ed, const char *line, bool remember)
{
    const char *ops;
    const struct subcmd *c = lookup(line, &ops);
    ed->cmdline = line;
    if (!c) {
        ed_invalid(ed);
        return;
    }
    if (ed->env->counters)
        ed->env->counters[c - cmds]++;
    if (remember && c->fn != sub_reuse && c->fn != sub_query)
        ed_strcpy(ed->last, sizeof(ed->last), line);
    ed->rep_now = ed->repeat;
    ed->repeat = 0;
    c->fn(ed, ops);
    if (!ed->done)
        ed_autosave(ed);
}

/* ------------------------------------------------ EDIT fn ft fm ( ... */

struct edit_req {
    struct edit_fileid id;
    unsigned lrecl; /* 0: the default */
    bool nodisp;
};

static void env_typef(const struct edit_env *env, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void env_typef(const struct edit_env *env, const char *fmt, ...)
{
    char buf[EDIT_LINEBUF + 64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    env->type(env->ctx, buf);
}

/* The CMS scanner keeps 8 characters of a token. */
static size_t tok8(const char *s) { return strnlen(s, 8); }

static int parse_args(const struct edit_env *env, int argc, const char *const *argv,
                      struct edit_req *r)
{
    int i = 0, npos = 0;
    const char *pos[3] = {NULL, NULL, NULL};
    memset(r, 0, sizeof(*r));
    for (; i < argc && strcmp(argv[i], "(") != 0; i++) {
        if (npos == 3) {
            env_typef(env, "DMSEDI003E INVALID OPTION '%.8s'", argv[i]);
            return 24;
        }
        pos[npos++] = argv[i];
    }
    if (npos < 2) {
        env_typef(env, "DMSEDI054E INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    if (!ed_name_ok(pos[0], tok8(pos[0])) || !ed_name_ok(pos[1], tok8(pos[1]))) {
        env_typef(env, "DMSEDI062E INVALID CHARACTER IN FILEID '%.8s %.8s'", pos[0], pos[1]);
        return 20;
    }
    copy_upper(r->id.fn, pos[0], tok8(pos[0]));
    copy_upper(r->id.ft, pos[1], tok8(pos[1]));
    if (pos[2]) {
        if (strcmp(pos[2], "*") == 0) {
            ed_strcpy(r->id.fm, sizeof(r->id.fm), "*");
        } else if (ed_mode_ok(pos[2], strlen(pos[2]))) {
            copy_upper(r->id.fm, pos[2], strlen(pos[2]));
        } else {
            env_typef(env, "DMSEDI048E INVALID MODE '%.8s'", pos[2]);
            return 24;
        }
    }
    for (i++; i < argc; i++) {
        const char *o = argv[i];
        size_t len = strlen(o);
        if (strcmp(o, ")") == 0 && i == argc - 1)
            break;
        if (ed_word(o, len, "NODISP")) {
            r->nodisp = true;
        } else if (ed_word(o, len, "LRECL")) {
            const char *v = i + 1 < argc ? argv[++i] : "";
            unsigned n;
            if (!ed_number(v, strlen(v), &n) || n < 1 || n > EDIT_MAXLRECL) {
                env_typef(env, "DMSEDI029E INVALID PARAMETER '%.8s' IN THE OPTION 'LRECL' FIELD",
                          v);
                return 24;
            }
            r->lrecl = n;
        } else {
            env_typef(env, "DMSEDI003E INVALID OPTION '%.8s'", o);
            return 24;
        }
    }
    return 0;
}

static int add_record(void *actx, const char *rec, size_t len)
{
    struct edit *ed = actx;
    len = eb_strip(rec, len);
    if (len > EDIT_MAXLRECL) {
        ed->toolong = true;
        return 1;
    }
    if (eb_insert(ed, ed->n, rec, len) != 0) {
        ed->nomem = true;
        return 1;
    }
    return 0;
}

static const char *shown_mode(const struct edit_fileid *id) { return id->fm[0] ? id->fm : "A"; }

/* Read the file (or find that it is new) and settle the defaults. */
static int open_file(struct edit *ed, const struct edit_req *r)
{
    const struct edit_env *env = ed->env;
    struct edit_fileinfo fi;
    memset(&fi, 0, sizeof(fi));
    ed->id = r->id;
    int rc = env->load(env->ctx, &ed->id, &fi, add_record, ed);
    const char *fn = ed->id.fn, *ft = ed->id.ft, *fm = shown_mode(&ed->id);
    if (ed->nomem) {
        ed_typef(ed, "DMSEDI132S FILE '%s %s %s' TOO LARGE", fn, ft, fm);
        return 41;
    }
    if (ed->toolong || (rc == 0 && fi.lrecl > EDIT_MAXLRECL)) {
        ed_typef(ed, "DMSEDI044E RECORD EXCEEDS ALLOWABLE MAXIMUM");
        return 32;
    }
    if (rc == 36) {
        ed_typef(ed, "DMSEDI069E DISK '%c' NOT ACCESSED", fm[0]);
        return 36;
    }
    if (rc != 0 && rc != 28) {
        ed_typef(ed, "DMSEDI104S ERROR '%d' READING FILE '%s %s %s' FROM DISK", rc, fn, ft, fm);
        return 100;
    }
    bool newfile = rc == 28;
    if (!newfile && fi.fm[0]) {
        memcpy(ed->id.fm, fi.fm, sizeof(fi.fm));
        ed->id.fm[2] = '\0';
    } else { /* a new file goes to the disk named, else to A */
        if (newfile)
            eb_freeall(ed);
        if (!ed->id.fm[0] || ed->id.fm[0] == '*')
            ed_strcpy(ed->id.fm, sizeof(ed->id.fm), "A1");
        else if (!ed->id.fm[1])
            ed_strcpy(ed->id.fm + 1, sizeof(ed->id.fm) - 1, "1");
    }
    ed_defaults(ed, newfile, r->lrecl, &fi);
    for (unsigned i = 1; i <= ed->n; i++) {
        size_t len;
        eb_text(ed, i, &len);
        if (len > ed->lrecl) {
            ed_typef(ed, "DMSEDI076E ACTUAL RECORD LENGTH EXCEEDS THAT SPECIFIED");
            return 32;
        }
    }
    ed->nodisp = r->nodisp;
    if (newfile)
        ed_type(ed, "NEW FILE:");
    ed_type(ed, "EDIT:");
    return 0;
}

static int read_line(struct edit *ed)
{
    int n = ed->env->read(ed->env->ctx, ed->in, sizeof(ed->in));
    if (n < 0)
        return -1;
    if ((size_t)n >= sizeof(ed->in))
        n = sizeof(ed->in) - 1;
    ed->in[n] = '\0';
    if (ed->set.upper)
        eb_upper(ed->in);
    return (int)strlen(ed->in);
}

static void input_line(struct edit *ed, int len)
{
    if (len == 0) {
        ed->input = false;
        ed_type(ed, "EDIT:");
        return;
    }
    if (eb_store_input(ed, ed->cur, ed->in, false) != 0) {
        ed->input = false;
        ed_type(ed, "EDIT:");
        return;
    }
    ed_autosave(ed);
}

static void session(struct edit *ed)
{
    while (!ed_halted(ed)) {
        int len = read_line(ed);
        if (len < 0) {
            ed->done = true;
            ed->rc = EDIT_RC_HALT;
            break;
        }
        ed->failed = false;
        if (ed->input)
            input_line(ed, len);
        else if (len == 0)
            ed_enter_input(ed);
        else
            ed_dispatch(ed, ed->in, true);
        if (ed->env->show)
            ed->env->show(ed->env->ctx, ed);
    }
}

int edit_run(const struct edit_env *env, int argc, const char *const *argv)
{
    struct edit_req req;
    int rc = parse_args(env, argc, argv, &req);
    if (rc != 0)
        return rc;
    struct edit *ed = env->alloc(env->ctx, sizeof(*ed));
    if (!ed) {
        env_typef(env, "DMSEDI132S FILE '%s %s %s' TOO LARGE", req.id.fn, req.id.ft,
                  shown_mode(&req.id));
        return 41;
    }
    memset(ed, 0, sizeof(*ed));
    ed->env = env;
    ed->set.longmsg = true;
    rc = open_file(ed, &req);
    if (rc == 0) {
        if (env->show)
            env->show(env->ctx, ed);
        session(ed);
        rc = ed->rc;
    }
    eb_freeall(ed);
    env->free(env->ctx, ed);
    return rc;
}

/* ------------------------------------------------------------ accessors */

unsigned edit_lines(const struct edit *ed) { return ed->n; }
unsigned edit_current(const struct edit *ed) { return ed->cur; }
const struct edit_fileid *edit_file(const struct edit *ed) { return &ed->id; }
bool edit_inputmode(const struct edit *ed) { return ed->input; }
bool edit_nodisp(const struct edit *ed) { return ed->nodisp; }

const char *edit_line(const struct edit *ed, unsigned i, size_t *len)
{
    if (i < 1 || i > ed->n) {
        *len = 0;
        return NULL;
    }
    return eb_text(ed, i, len);
}
