/*
 * dirparse.c - parse the directory source (USER DIRECT) into plain structs.
 *
 * Entry points: dir_measure (how big the tables must be), dir_parse.
 * dir_parse has no side effects beyond the caller's tables: it checks every
 * statement, reports every error with its line number through the caller's
 * callback and returns the error count. Only a parse with no errors may be
 * compiled (dircomp.c).
 *
 * Rules (shared/reference/vm370.md 4.1-4.2, PSG pp. 227-239): card images,
 * columns 1-71 only; blank lines and lines starting with '*' are comments;
 * operands are blank-delimited and positional; keywords match in any case
 * and every value is upper-cased. DIRECTORY comes first; each USER starts
 * an entry: ACCOUNT, OPTION and IPL, then the device statements CONSOLE,
 * SPOOL, MDISK, LINK, DEDICATE and SPECIAL in any order.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include "lib/sha256.h"
#include "dir.h"

#define CARD_COLS 71
#define MAXTOK    (CARD_COLS / 2 + 1)

/* One source line, columns 1-71, upper-cased and cut into tokens. */
struct card {
    char text[CARD_COLS + 1]; /* tabs and control characters become blanks */
    char toks[CARD_COLS + 1]; /* the same, with a NUL after each token */
    const char *tok[MAXTOK];
    unsigned col[MAXTOK]; /* where each token starts in text */
    unsigned ntok;
    unsigned badcol; /* first column holding a control character, 0 none */
    unsigned char badch;
};

/* Load a line (without its \n) into c: upper-case, note control characters,
 * split into tokens. */
static void card_load(struct card *c, const char *line, size_t len)
{
    if (len > 0 && line[len - 1] == '\r')
        len--;
    if (len > CARD_COLS)
        len = CARD_COLS;
    c->badcol = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)line[i];
        if (ch == '\t') {
            ch = ' ';
        } else if (!dir_char_ok(ch)) {
            if (!c->badcol) {
                c->badcol = (unsigned)i + 1;
                c->badch = ch;
            }
            ch = ' ';
        }
        c->text[i] = (char)toupper(ch);
    }
    memset(c->text + len, ' ', CARD_COLS - len);
    c->text[CARD_COLS] = '\0';
    memcpy(c->toks, c->text, sizeof(c->toks));
    c->ntok = 0;
    for (unsigned i = 0; i < CARD_COLS;) {
        if (c->toks[i] == ' ') {
            i++;
            continue;
        }
        c->tok[c->ntok] = &c->toks[i];
        c->col[c->ntok] = i;
        c->ntok++;
        while (i < CARD_COLS && c->toks[i] != ' ')
            i++;
        c->toks[i++] = '\0'; /* toks[CARD_COLS] is already NUL */
    }
}

/* Next line of text starting at *pos; false at the end. */
static bool next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *n)
{
    if (*pos >= len)
        return false;
    const char *s = text + *pos;
    const char *nl = memchr(s, '\n', len - *pos);
    *line = s;
    *n = nl ? (size_t)(nl - s) : len - *pos;
    *pos += *n + (nl != NULL);
    return true;
}

static bool is_comment(const struct card *c) { return c->ntok == 0 || c->tok[0][0] == '*'; }

/* ---------------------------------------------------------------- parser state */

struct pstate {
    struct dir_src *src;
    struct card card;
    unsigned line;
    char ctx[32]; /* "MDISK 191": what a message is about */
    bool seen_stmt;
    bool in_user;
    struct dir_src_user *cur; /* the user being parsed (spare if not stored) */
    struct dir_src_user spare;
    bool cur_devices;                           /* a device statement was seen in this entry */
    unsigned cur_account, cur_ipl, cur_console; /* their lines, 0 = none yet */
    bool cur_cpuid, cur_affinity;
    bool users_full, devs_full;
};

static void perr(struct pstate *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void perr(struct pstate *ps, const char *fmt, ...)
{
    char msg[200];
    size_t n = 0;
    if (ps->line)
        n += (size_t)snprintf(msg, sizeof(msg), "line %u: ", ps->line);
    if (ps->ctx[0] && n < sizeof(msg))
        n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s: ", ps->ctx);
    if (n < sizeof(msg)) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
        va_end(ap);
    }
    ps->src->nerrors++;
    if (ps->src->report)
        ps->src->report(ps->src->report_ctx, ps->line, msg);
}

/* ---------------------------------------------------------------- operands */

static const char *opnd(const struct pstate *ps, unsigned i)
{
    return i < ps->card.ntok ? ps->card.tok[i] : NULL;
}

/* Operand i, or NULL after reporting that it is missing. */
static const char *need(struct pstate *ps, unsigned i, const char *what)
{
    const char *t = opnd(ps, i);
    if (!t)
        perr(ps, "missing %s", what);
    return t;
}

/* Operands from i on are not allowed. */
static void no_more(struct pstate *ps, unsigned i)
{
    if (i < ps->card.ntok)
        perr(ps, "unexpected operand '%s'", ps->card.tok[i]);
}

static void setstr(char *dst, const char *s) { memcpy(dst, s, strlen(s) + 1); }

static bool all_hex(const char *t, size_t maxdig, uint32_t *out)
{
    size_t n = strlen(t);
    uint32_t v = 0;
    if (n == 0 || n > maxdig)
        return false;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)t[i];
        if (!isxdigit(c))
            return false;
        v = v * 16 + (uint32_t)(isdigit(c) ? c - '0' : c - 'A' + 10);
    }
    *out = v;
    return true;
}

static bool get_hex(struct pstate *ps, const char *t, const char *what, unsigned maxdig,
                    uint32_t *out)
{
    if (all_hex(t, maxdig, out))
        return true;
    perr(ps, "%s '%s' is not 1-%u hex digits", what, t, maxdig);
    return false;
}

static bool get_vaddr(struct pstate *ps, const char *t, const char *what, uint16_t *out)
{
    uint32_t v;
    if (!get_hex(ps, t, what, 3, &v))
        return false;
    *out = (uint16_t)v;
    return true;
}

static bool get_dec(struct pstate *ps, const char *t, const char *what, uint32_t min, uint32_t max,
                    uint32_t *out)
{
    size_t n = strlen(t);
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)t[i])) {
            perr(ps, "%s '%s' is not a number", what, t);
            return false;
        }
        if (v <= 99999999)
            v = v * 10 + (uint32_t)(t[i] - '0');
    }
    if (v < min || v > max) {
        perr(ps, "%s %s is not in the range %u-%u", what, t, (unsigned)min, (unsigned)max);
        return false;
    }
    *out = v;
    return true;
}

/* A userid, password, volser ...: 1..max of A-Z 0-9 @ # $. */
static bool get_name(struct pstate *ps, const char *t, const char *what, size_t max, char *out)
{
    if (strlen(t) > max) {
        perr(ps, "%s '%s' is longer than %u characters", what, t, (unsigned)max);
        return false;
    }
    if (!dir_name_ok(t, max)) {
        perr(ps, "%s '%s' may only contain A-Z, 0-9, @, # and $", what, t);
        return false;
    }
    setstr(out, t);
    return true;
}

/* Free text such as an account number: 1..max non-blank characters. */
static bool get_text(struct pstate *ps, const char *t, const char *what, size_t max, char *out)
{
    if (strlen(t) > max) {
        perr(ps, "%s '%s' is longer than %u characters", what, t, (unsigned)max);
        return false;
    }
    setstr(out, t);
    return true;
}

/* A storage size: 320K, 2M ... a multiple of 4K, at most 16M. */
static bool get_storage(struct pstate *ps, const char *t, const char *what, uint32_t *out)
{
    size_t n = strlen(t);
    uint32_t v = 0;
    bool ok = n >= 2 && n <= 9 && (t[n - 1] == 'K' || t[n - 1] == 'M');
    for (size_t i = 0; ok && i + 1 < n; i++) {
        ok = isdigit((unsigned char)t[i]);
        v = v * 10 + (uint32_t)(t[i] - '0');
    }
    if (!ok) {
        perr(ps, "%s '%s' is not a size such as 512K or 2M", what, t);
        return false;
    }
    uint64_t bytes = (uint64_t)v << (t[n - 1] == 'K' ? 10 : 20);
    if (bytes < DIR_STORAGE_MIN || bytes > DIR_STORAGE_MAX) {
        perr(ps, "%s %s is not in the range 4K-16M", what, t);
        return false;
    }
    if (bytes % 4096) {
        perr(ps, "%s %s is not a multiple of 4K", what, t);
        return false;
    }
    *out = (uint32_t)bytes;
    return true;
}

/* A spool class: one of A-Z 0-9, or '*' (any class) where star is allowed. */
static bool get_spclass(struct pstate *ps, const char *t, bool star, char *out)
{
    int c = (unsigned char)t[0];
    if (t[1] != '\0' || !(isupper(c) || isdigit(c) || c == '*')) {
        perr(ps, "spool class '%s' is not one of A-Z, 0-9%s", t, star ? " or *" : "");
        return false;
    }
    if (c == '*' && !star) {
        perr(ps, "spool class * is only for readers");
        return false;
    }
    *out = (char)c;
    return true;
}

static bool get_mode(struct pstate *ps, const char *t, bool allow_v, uint8_t *out)
{
    size_t n = strlen(t);
    uint8_t v = 0;
    if (allow_v && n >= 2 && t[n - 1] == 'V') {
        v = DIR_MODE_V;
        n--;
    }
    for (unsigned i = DIR_MODE_R; i <= DIR_MODE_MW; i++) {
        const char *name = dir_mode_name(i);
        if (strlen(name) == n && strncmp(t, name, n) == 0) {
            *out = (uint8_t)(i | v);
            return true;
        }
    }
    perr(ps, "access mode '%s' is not R, RR, W, WR, M, MR or MW%s", t,
         allow_v ? " (with an optional V)" : "");
    return false;
}

/* A device type named by the statement stmt; DIR_DT_NONE if none matches. */
static uint8_t find_type(const char *t, unsigned stmt)
{
    for (unsigned i = 1; i < DIR_DT_COUNT; i++) {
        const struct dir_devtype_info *dt = dir_devtype(i);
        if (dt->stmt == stmt && strcmp(dt->name, t) == 0)
            return (uint8_t)i;
    }
    return DIR_DT_NONE;
}

/* The device type names a statement accepts, for messages. */
static void type_list(unsigned stmt, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (unsigned i = 1; i < DIR_DT_COUNT && n < size; i++) {
        const struct dir_devtype_info *dt = dir_devtype(i);
        if (dt->stmt == stmt)
            n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "", dt->name);
    }
}

static bool get_type(struct pstate *ps, const char *t, unsigned stmt, uint8_t *out)
{
    char list[120];
    *out = find_type(t, stmt);
    if (*out != DIR_DT_NONE)
        return true;
    type_list(stmt, list, sizeof(list));
    perr(ps, "device type '%s' is not one of %s", t, list);
    return false;
}

/* ---------------------------------------------------------------- DIRECTORY, USER */

static void st_directory(struct pstate *ps)
{
    struct dir_src *src = ps->src;
    struct dir_directory d;
    const char *t;
    uint32_t v;

    memset(&d, 0, sizeof(d));
    if (src->has_directory) {
        perr(ps, "only one DIRECTORY statement is allowed (the first is on line %u)",
             src->dir_line);
        return;
    }
    if (ps->seen_stmt)
        perr(ps, "DIRECTORY must be the first statement");
    if ((t = need(ps, 1, "directory device address")) && get_hex(ps, t, "address", 3, &v))
        d.cuu = (uint16_t)v;
    if ((t = need(ps, 2, "device type")))
        get_type(ps, t, DIR_STMT_MDISK, &d.type);
    if ((t = need(ps, 3, "volume serial")))
        get_name(ps, t, "volume serial", DIR_VOLSER_MAX, d.volser);
    no_more(ps, 4);
    src->has_directory = true;
    src->dir = d;
    src->dir_line = ps->line;
}

static const char *const edit_names[4] = {"line end", "line delete", "character delete", "escape"};

static void st_user(struct pstate *ps)
{
    struct dir_src *src = ps->src;
    struct dir_src_user *cu;
    const char *t, *stor = NULL;
    uint32_t v;

    if (src->nusers < src->maxusers) {
        cu = &src->users[src->nusers++];
    } else {
        if (!ps->users_full)
            perr(ps, "too many users: the user table holds %u", (unsigned)src->maxusers);
        ps->users_full = true;
        cu = &ps->spare;
    }
    memset(cu, 0, sizeof(*cu));
    cu->line = ps->line;
    cu->first_dev = src->ndevs;
    cu->u.storage = cu->u.maxstorage = DIR_STORAGE_DEFAULT;
    cu->u.classes = DIR_CLASS('G');
    cu->u.priority = DIR_PRIORITY_DEFAULT;
    ps->cur = cu;
    ps->in_user = true;
    ps->cur_devices = ps->cur_cpuid = ps->cur_affinity = false;
    ps->cur_account = ps->cur_ipl = ps->cur_console = 0;

    if ((t = need(ps, 1, "userid")) && get_name(ps, t, "userid", DIR_NAME_MAX, cu->u.userid)) {
        for (struct dir_src_user *o = src->users; o < src->users + src->nusers; o++) {
            if (o != cu && strcmp(o->u.userid, cu->u.userid) == 0) {
                perr(ps, "userid %s is already defined on line %u", t, o->line);
                break;
            }
        }
        setstr(cu->u.dist, cu->u.userid);
    }
    if ((t = need(ps, 2, "password")) && get_name(ps, t, "password", DIR_NAME_MAX, cu->password) &&
        strcmp(t, "NOLOG") == 0)
        cu->u.flags |= DIR_USER_NOLOG;
    if ((t = opnd(ps, 3)) && get_storage(ps, t, "storage", &v)) {
        cu->u.storage = cu->u.maxstorage = v;
        stor = t;
    }
    if ((t = opnd(ps, 4)) && get_storage(ps, t, "maximum storage", &v)) {
        cu->u.maxstorage = v;
        if (stor && v < cu->u.storage)
            perr(ps, "maximum storage %s is less than storage %s", t, stor);
    }
    if ((t = opnd(ps, 5))) {
        uint8_t classes = 0;
        for (const char *p = t; *p; p++) {
            if (*p < 'A' || *p > 'H') {
                perr(ps, "privilege classes '%s': '%c' is not a class A-H", t, *p);
                classes = 0;
                break;
            }
            classes |= DIR_CLASS(*p);
        }
        if (classes)
            cu->u.classes = classes;
    }
    if ((t = opnd(ps, 6)) && get_dec(ps, t, "priority", 1, 99, &v))
        cu->u.priority = (uint8_t)v;
    char *edit[4] = {&cu->u.linend, &cu->u.linedel, &cu->u.chardel, &cu->u.escape};
    for (unsigned i = 0; i < 4; i++) {
        if (!(t = opnd(ps, 7 + i)))
            break;
        if (t[1] != '\0')
            perr(ps, "%s character '%s' is not a single character", edit_names[i], t);
        else
            *edit[i] = t[0];
    }
    no_more(ps, 11);
}

/* ---------------------------------------------------------------- ACCOUNT, OPTION, IPL */

/* ACCOUNT, OPTION and IPL belong to a user and come before its devices.
 * False if there is no user yet (the operands are still checked). */
static bool control_order(struct pstate *ps)
{
    if (!ps->in_user) {
        perr(ps, "statement comes before the first USER statement");
        return false;
    }
    if (ps->cur_devices)
        perr(ps, "must come before the device statements of user %s", ps->cur->u.userid);
    return true;
}

static void st_account(struct pstate *ps)
{
    struct dir_user *u = &ps->cur->u;
    const char *t;

    if (control_order(ps) && ps->cur_account)
        perr(ps, "user %s already has an ACCOUNT statement (line %u)", u->userid, ps->cur_account);
    ps->cur_account = ps->line;
    if ((t = need(ps, 1, "account number")))
        get_text(ps, t, "account number", DIR_NAME_MAX, u->account);
    if ((t = opnd(ps, 2)))
        get_text(ps, t, "distribution code", DIR_NAME_MAX, u->dist);
    no_more(ps, 3);
}

static const struct {
    const char *name;
    uint8_t bit;
} option_names[] = {
    {"REALTIMER", DIR_OPT_REALTIMER},
    {"ECMODE", DIR_OPT_ECMODE},
    {"ISAM", DIR_OPT_ISAM},
    {"VIRT=REAL", DIR_OPT_VIRTREAL},
    {"ACCT", DIR_OPT_ACCT},
    {"SVCOFF", DIR_OPT_SVCOFF},
    {"BMX", DIR_OPT_BMX},
};

static void st_option(struct pstate *ps)
{
    struct dir_user *u = &ps->cur->u;
    uint32_t v;
    bool in_user = control_order(ps);

    if (ps->card.ntok < 2)
        perr(ps, "no options given");
    for (unsigned i = 1; i < ps->card.ntok; i++) {
        const char *t = ps->card.tok[i];
        unsigned k;
        for (k = 0; k < sizeof(option_names) / sizeof(option_names[0]); k++)
            if (strcmp(t, option_names[k].name) == 0)
                break;
        if (k < sizeof(option_names) / sizeof(option_names[0])) {
            u->options |= option_names[k].bit;
        } else if (strcmp(t, "CPUID") == 0) {
            if (in_user && ps->cur_cpuid)
                perr(ps, "CPUID is given twice for user %s", u->userid);
            ps->cur_cpuid = true;
            if ((t = need(ps, ++i, "CPUID value")) && get_hex(ps, t, "CPUID", 6, &v)) {
                u->cpuid = v;
                u->flags |= DIR_USER_CPUID;
            }
        } else if (strcmp(t, "AFFINITY") == 0) {
            if (in_user && ps->cur_affinity)
                perr(ps, "AFFINITY is given twice for user %s", u->userid);
            ps->cur_affinity = true;
            if ((t = need(ps, ++i, "AFFINITY processor")) &&
                get_hex(ps, t, "AFFINITY processor", 2, &v)) {
                u->affinity = (uint8_t)v;
                u->flags |= DIR_USER_AFFINITY;
            }
        } else {
            perr(ps, "unknown option '%s'", t);
        }
    }
}

static void st_ipl(struct pstate *ps)
{
    struct dir_user *u = &ps->cur->u;
    const struct card *c = &ps->card;
    const char *t;

    if (control_order(ps) && ps->cur_ipl)
        perr(ps, "user %s already has an IPL statement (line %u)", u->userid, ps->cur_ipl);
    ps->cur_ipl = ps->line;
    if ((t = need(ps, 1, "device address or system name")))
        get_name(ps, t, "IPL device or system name", DIR_NAME_MAX, u->ipl);
    if (!(t = opnd(ps, 2)))
        return;
    if (strcmp(t, "PARM") != 0) {
        perr(ps, "unexpected operand '%s' (only PARM may follow)", t);
        return;
    }
    /* PARM text is the rest of the card, inner blanks kept. */
    size_t from = c->col[2] + 4, to = CARD_COLS;
    while (from < to && c->text[from] == ' ')
        from++;
    while (to > from && c->text[to - 1] == ' ')
        to--;
    if (from == to)
        perr(ps, "PARM needs text");
    else if (to - from > DIR_PARM_MAX)
        perr(ps, "PARM text is %u characters, more than %u", (unsigned)(to - from), DIR_PARM_MAX);
    else
        memcpy(u->parm, c->text + from, to - from);
}

/* ---------------------------------------------------------------- device statements */

/* Start a device statement: its vaddr is operand vi. False if the vaddr is bad. */
static bool dev_begin(struct pstate *ps, struct dir_src_dev *d, unsigned stmt, unsigned vi)
{
    const char *t;
    memset(d, 0, sizeof(*d));
    d->d.stmt = (uint8_t)stmt;
    d->line = ps->line;
    if (!ps->in_user)
        perr(ps, "device statement comes before the first USER statement");
    return (t = need(ps, vi, "virtual address")) &&
           get_vaddr(ps, t, "virtual address", &d->d.vaddr);
}

/* Add a device to the current user (if its vaddr is good and free). */
static void dev_add(struct pstate *ps, const struct dir_src_dev *d, bool vaddr_ok)
{
    struct dir_src *src = ps->src;
    if (!ps->in_user)
        return;
    ps->cur_devices = true;
    if (!vaddr_ok)
        return;
    for (uint32_t i = ps->cur->first_dev; i < src->ndevs; i++) {
        if (src->devs[i].d.vaddr == d->d.vaddr) {
            perr(ps, "virtual address %03X is already used on line %u", d->d.vaddr,
                 src->devs[i].line);
            return;
        }
    }
    if (src->ndevs >= src->maxdevs) {
        if (!ps->devs_full)
            perr(ps, "too many devices: the device table holds %u", (unsigned)src->maxdevs);
        ps->devs_full = true;
        return;
    }
    src->devs[src->ndevs++] = *d;
    ps->cur->u.ndev++;
}

static void st_console(struct pstate *ps)
{
    struct dir_src_dev d;
    const char *t;
    bool ok = dev_begin(ps, &d, DIR_STMT_CONSOLE, 1);

    if (ps->in_user && ps->cur_console)
        perr(ps, "user %s already has a console (line %u)", ps->cur->u.userid, ps->cur_console);
    ps->cur_console = ps->line;
    if ((t = need(ps, 2, "device type")))
        get_type(ps, t, DIR_STMT_CONSOLE, &d.d.type);
    d.d.spclass = 'T';
    if ((t = opnd(ps, 3)))
        get_spclass(ps, t, false, &d.d.spclass);
    no_more(ps, 4);
    dev_add(ps, &d, ok);
}

static void st_spool(struct pstate *ps)
{
    struct dir_src_dev d;
    const char *t;
    unsigned next = 3;
    bool ok = dev_begin(ps, &d, DIR_STMT_SPOOL, 1);

    if ((t = need(ps, 2, "device type"))) {
        if (strcmp(t, "2540") == 0) {
            next = 4;
            if (!(t = opnd(ps, 3)))
                perr(ps, "2540 needs READER or PUNCH");
            else if (strcmp(t, "READER") == 0 || strcmp(t, "READ") == 0)
                d.d.type = DIR_DT_2540R;
            else if (strcmp(t, "PUNCH") == 0)
                d.d.type = DIR_DT_2540P;
            else
                perr(ps, "'%s' after 2540 is not READER or PUNCH", t);
        } else {
            get_type(ps, t, DIR_STMT_SPOOL, &d.d.type);
        }
    }
    const struct dir_devtype_info *dt = dir_devtype(d.d.type);
    bool reader = dt && dt->uclass == DIR_UC_READER;
    d.d.spclass = reader ? '*' : 'A';
    if ((t = opnd(ps, next)))
        get_spclass(ps, t, reader || !dt, &d.d.spclass);
    no_more(ps, next + 1);
    dev_add(ps, &d, ok);
}

static const char *const pw_names[3] = {"read password", "write password", "multi password"};

static void st_mdisk(struct pstate *ps)
{
    struct dir_src_dev d;
    const char *t;
    uint32_t cyl = 0, ncyl = 0;
    bool ok = dev_begin(ps, &d, DIR_STMT_MDISK, 1);
    bool cyl_ok = false, ncyl_ok = false;

    if ((t = need(ps, 2, "device type")))
        get_type(ps, t, DIR_STMT_MDISK, &d.d.type);
    if ((t = need(ps, 3, "start cylinder")))
        cyl_ok = get_dec(ps, t, "start cylinder", 0, 65535, &cyl);
    if ((t = need(ps, 4, "number of cylinders")))
        ncyl_ok = get_dec(ps, t, "number of cylinders", 1, 65535, &ncyl);
    if (cyl_ok && ncyl_ok && cyl + ncyl > 65536)
        perr(ps, "cylinders %u to %u go past cylinder 65535", (unsigned)cyl,
             (unsigned)(cyl + ncyl - 1));
    d.d.cyl = (uint16_t)cyl;
    d.d.ncyl = (uint16_t)ncyl;
    if ((t = need(ps, 5, "volume serial")))
        get_name(ps, t, "volume serial", DIR_VOLSER_MAX, d.d.volser);
    d.d.mode = DIR_MODE_W;
    if ((t = opnd(ps, 6)))
        get_mode(ps, t, true, &d.d.mode);
    for (unsigned i = 0; i < 3; i++) {
        if (!(t = opnd(ps, 7 + i)))
            break;
        if (strcmp(t, "ALL") == 0)
            d.d.pw[i] = DIR_PW_ALL;
        else if (get_name(ps, t, pw_names[i], DIR_NAME_MAX, d.pw[i]))
            d.d.pw[i] = DIR_PW_SET;
    }
    no_more(ps, 10);
    dev_add(ps, &d, ok);
}

static void st_link(struct pstate *ps)
{
    struct dir_src_dev d;
    const char *t;
    bool ok = dev_begin(ps, &d, DIR_STMT_LINK, 3);

    if ((t = need(ps, 1, "userid")))
        get_name(ps, t, "userid", DIR_NAME_MAX, d.d.userid);
    if ((t = need(ps, 2, "owner's virtual address")))
        get_vaddr(ps, t, "owner's virtual address", &d.d.target);
    d.d.mode = DIR_MODE_R;
    if ((t = opnd(ps, 4)))
        get_mode(ps, t, false, &d.d.mode);
    no_more(ps, 5);
    dev_add(ps, &d, ok);
}

static void st_dedicate(struct pstate *ps)
{
    struct dir_src_dev d;
    const char *t;
    uint32_t v;
    bool ok = dev_begin(ps, &d, DIR_STMT_DEDICATE, 1);

    if ((t = need(ps, 2, "real address or volume serial"))) {
        if (all_hex(t, 3, &v)) {
            d.d.target = (uint16_t)v;
        } else if (dir_name_ok(t, DIR_VOLSER_MAX)) {
            setstr(d.d.volser, t);
            d.d.flags |= DIR_DEV_BYVOL;
        } else {
            perr(ps, "'%s' is neither a real address (1-3 hex digits) nor a volume serial", t);
        }
    }
    if ((t = opnd(ps, 3))) {
        if (strcmp(t, "R/O") == 0)
            d.d.flags |= DIR_DEV_RO;
        else
            perr(ps, "unexpected operand '%s' (only R/O may follow)", t);
    }
    no_more(ps, 4);
    dev_add(ps, &d, ok);
}

static void st_special(struct pstate *ps)
{
    struct dir_src_dev d;
    const char *t;
    bool ok = dev_begin(ps, &d, DIR_STMT_SPECIAL, 1);

    if ((t = need(ps, 2, "device type")))
        get_type(ps, t, DIR_STMT_SPECIAL, &d.d.type);
    no_more(ps, 3);
    dev_add(ps, &d, ok);
}

/* ---------------------------------------------------------------- statements */

enum { K_DIRECTORY, K_USER, K_CONTROL, K_DEVICE };

static const struct stmtdef {
    const char *name;
    unsigned minlen; /* shortest abbreviation accepted */
    unsigned kind;
    void (*fn)(struct pstate *ps);
} stmts[] = {
    {"DIRECTORY", 3, K_DIRECTORY, st_directory},
    {"USER", 4, K_USER, st_user},
    {"ACCOUNT", 7, K_CONTROL, st_account},
    {"OPTION", 6, K_CONTROL, st_option},
    {"IPL", 3, K_CONTROL, st_ipl},
    {"CONSOLE", 7, K_DEVICE, st_console},
    {"SPOOL", 5, K_DEVICE, st_spool},
    {"MDISK", 5, K_DEVICE, st_mdisk},
    {"LINK", 4, K_DEVICE, st_link},
    {"DEDICATE", 8, K_DEVICE, st_dedicate},
    {"SPECIAL", 7, K_DEVICE, st_special},
};

static const struct stmtdef *find_stmt(const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++)
        if (n >= stmts[i].minlen && n <= strlen(stmts[i].name) &&
            strncmp(word, stmts[i].name, n) == 0)
            return &stmts[i];
    return NULL;
}

struct dir_counts dir_measure(const char *text, size_t len)
{
    struct dir_counts n = {0, 0};
    struct card c;
    const char *line;
    size_t pos = 0, ln;

    while (next_line(text, len, &pos, &line, &ln)) {
        card_load(&c, line, ln);
        const struct stmtdef *s = is_comment(&c) ? NULL : find_stmt(c.tok[0]);
        if (s && s->kind == K_USER)
            n.users++;
        else if (s && s->kind == K_DEVICE)
            n.devs++;
    }
    return n;
}

/* Every LINK must name an MDISK in the directory. */
static void check_links(struct pstate *ps)
{
    struct dir_src *src = ps->src;
    for (uint32_t i = 0; i < src->ndevs; i++) {
        const struct dir_src_dev *l = &src->devs[i];
        if (l->d.stmt != DIR_STMT_LINK || !l->d.userid[0])
            continue;
        ps->line = l->line;
        snprintf(ps->ctx, sizeof(ps->ctx), "LINK %s %03X", l->d.userid, l->d.target);
        const struct dir_src_user *o = src->users;
        while (o < src->users + src->nusers && strcmp(o->u.userid, l->d.userid) != 0)
            o++;
        if (o == src->users + src->nusers) {
            perr(ps, "user %s is not in the directory", l->d.userid);
            continue;
        }
        uint32_t k = o->first_dev;
        while (k < o->first_dev + o->u.ndev &&
               !(src->devs[k].d.stmt == DIR_STMT_MDISK && src->devs[k].d.vaddr == l->d.target))
            k++;
        if (k == o->first_dev + o->u.ndev)
            perr(ps, "user %s has no MDISK %03X", l->d.userid, l->d.target);
    }
}

unsigned dir_parse(struct dir_src *src, const char *text, size_t len)
{
    struct pstate ps;
    const char *line;
    size_t pos = 0, ln;

    src->nusers = src->ndevs = 0;
    src->nerrors = 0;
    src->has_directory = false;
    memset(&src->dir, 0, sizeof(src->dir));
    src->dir_line = 0;
    sha256(text, len, src->source_sha);
    memset(&ps, 0, sizeof(ps));
    ps.src = src;
    ps.cur = &ps.spare;

    while (next_line(text, len, &pos, &line, &ln)) {
        ps.line++;
        ps.ctx[0] = '\0';
        card_load(&ps.card, line, ln);
        if (ps.card.badcol)
            perr(&ps, "column %u holds the control character X'%02X'", ps.card.badcol,
                 ps.card.badch);
        if (is_comment(&ps.card))
            continue;
        const struct stmtdef *s = find_stmt(ps.card.tok[0]);
        if (!s) {
            perr(&ps, "unknown statement '%s'", ps.card.tok[0]);
            ps.seen_stmt = true;
            continue;
        }
        if (ps.card.ntok > 1)
            snprintf(ps.ctx, sizeof(ps.ctx), "%s %.16s", s->name, ps.card.tok[1]);
        else
            snprintf(ps.ctx, sizeof(ps.ctx), "%s", s->name);
        s->fn(&ps);
        ps.seen_stmt = true;
    }

    check_links(&ps);
    ps.line = 0;
    ps.ctx[0] = '\0';
    if (!src->has_directory)
        perr(&ps, "there is no DIRECTORY statement");
    if (!ps.in_user)
        perr(&ps, "there are no USER statements");
    return src->nerrors;
}
