/*
 * editcmd.c - the subcommands that move the line pointer or change text:
 * TOP, BOTTOM, NEXT/DOWN/FORWARD, UP/BACKWARD, LOCATE (and /string/),
 * FIND, CHANGE, ALTER, DELETE, DSTRING, TYPE, OVERLAY, REPEAT, INPUT,
 * REPLACE.
 *
 * The line pointer is 0 at TOF (the null line before the first record),
 * 1..n on a record and n + 1 at EOF. A subcommand over "n lines" counts
 * from the current line, TOF included, and leaves the pointer on the last
 * line it reached (EOF when it ran off the end, which types EOF:).
 *
 * Searches look inside the zone (ZONE m n) of each record, seen padded
 * with blanks to the end of the zone. CHANGE rewrites the zone as a field:
 * what lies after the zone stays in its columns (sequence numbers in 73-80
 * do not move), and what no longer fits is cut off with TRUNCATED when it
 * was not blank. A record never grows past TRUNC.
 */
#include <ctype.h>
#include <string.h>
#include "cms/edit/editint.h"

/* ------------------------------------------------------------ moving */

void sub_top(struct edit *ed, const char *ops)
{
    if (!ed_end(ops)) {
        ed_invalid(ed);
        return;
    }
    ed->cur = 0;
    ed_showpos(ed);
}

void sub_bottom(struct edit *ed, const char *ops)
{
    if (!ed_end(ops)) {
        ed_invalid(ed);
        return;
    }
    ed->cur = ed->n;
    ed_showpos(ed);
}

/* An optional count alone: 1 when left out; false on anything else. */
static bool one_count(struct edit *ed, const char *ops, unsigned *n)
{
    const char *p = ops;
    int k = ed_count(&p, n);
    if (k == 0)
        *n = 1;
    if (k < 0 || !ed_end(p)) {
        ed_invalid(ed);
        return false;
    }
    return true;
}

/* The position count lines on from the current one (counted from 1). */
static unsigned range_end(const struct edit *ed, unsigned count)
{
    if (count == 0)
        count = 1;
    if (count - 1 >= ed->n + 1 - ed->cur)
        return ed->n + 1;
    return ed->cur + count - 1;
}

void sub_next(struct edit *ed, const char *ops)
{
    unsigned n;
    if (!one_count(ed, ops, &n))
        return;
    ed->cur = n >= ed->n + 1 - ed->cur ? ed->n + 1 : ed->cur + n;
    ed_showpos(ed);
}

void sub_up(struct edit *ed, const char *ops)
{
    unsigned n;
    if (!one_count(ed, ops, &n))
        return;
    ed->cur = n >= ed->cur ? 0 : ed->cur - n;
    ed_showpos(ed);
}

/* ---------------------------------------------------------- searching */

/* Record i padded with blanks to column `to`; returns the length. */
static size_t padded(const struct edit *ed, unsigned i, char *buf, size_t to)
{
    size_t len;
    const char *t = eb_text(ed, i, &len);
    memcpy(buf, t, len);
    if (len < to) {
        memset(buf + len, ' ', to - len);
        len = to;
    }
    return len;
}

static unsigned zone_width(const struct edit *ed) { return ed->set.zone2 - ed->set.zone1 + 1; }

/* Whether s occurs in the zone of record i. */
static bool in_zone(const struct edit *ed, unsigned i, const char *s, size_t sl)
{
    char buf[EDIT_LINEBUF];
    padded(ed, i, buf, ed->set.zone2);
    const char *f = buf + ed->set.zone1 - 1;
    size_t w = zone_width(ed);
    for (size_t k = 0; k + sl <= w; k++)
        if (memcmp(f + k, s, sl) == 0)
            return true;
    return false;
}

/* /string[/]: the first non-blank character is the delimiter; the closing
 * one may be left off (then trailing blanks are not part of the string).
 * *after is what follows. False when there is no delimiter at all. */
static bool delimited(const char *p, const char **s, size_t *sl, const char **after)
{
    p = ed_skip(p);
    if (!*p)
        return false;
    char d = *p++;
    const char *e = strchr(p, d);
    *s = p;
    if (e) {
        *sl = (size_t)(e - p);
        *after = e + 1;
    } else {
        *sl = eb_strip(p, strlen(p));
        *after = p + strlen(p);
    }
    return true;
}

/* Where a search starts: the line after the current one, or the top
 * again when the pointer is at EOF (R6: FIND and LOCATE wrap once). */
static unsigned search_start(const struct edit *ed) { return ed->cur > ed->n ? 1 : ed->cur + 1; }

static void not_found(struct edit *ed)
{
    ed->cur = ed->n + 1;
    ed_error(ed, "NOT FOUND");
    ed_showpos(ed);
}

static void locate(struct edit *ed, const char *s, size_t sl)
{
    if (sl > zone_width(ed)) {
        ed_error(ed, "ZONE ERROR");
        return;
    }
    for (unsigned i = search_start(ed); i <= ed->n; i++) {
        if ((i & 1023) == 0 && ed_halted(ed))
            return;
        if (in_zone(ed, i, s, sl)) {
            ed->cur = i;
            ed_showpos(ed);
            return;
        }
    }
    not_found(ed);
}

void sub_locate(struct edit *ed, const char *ops)
{
    const char *s, *after;
    size_t sl;
    if (!delimited(ops, &s, &sl, &after) || !ed_end(after)) {
        ed_invalid(ed);
        return;
    }
    locate(ed, s, sl);
}

/* /string/: LOCATE with the delimiter the subcommand itself. */
void sub_slash(struct edit *ed, const char *ops)
{
    const char *e = strchr(ops, '/');
    if (e && !ed_end(e + 1)) {
        ed_invalid(ed);
        return;
    }
    locate(ed, ops, e ? (size_t)(e - ops) : eb_strip(ops, strlen(ops)));
}

/* FIND text: a record that begins with text in column 1. An empty text
 * moves down one line. */
void sub_find(struct edit *ed, const char *ops)
{
    char want[EDIT_LINEBUF], buf[EDIT_LINEBUF];
    size_t wl = eb_expand(ed, ed_text(ops), want, sizeof(want));
    if (wl > EDIT_MAXLRECL)
        wl = EDIT_MAXLRECL;
    if (eb_strip(want, wl) == 0) {
        sub_next(ed, "");
        return;
    }
    for (unsigned i = search_start(ed); i <= ed->n; i++) {
        if ((i & 1023) == 0 && ed_halted(ed))
            return;
        padded(ed, i, buf, wl);
        if (memcmp(buf, want, wl) == 0) {
            ed->cur = i;
            ed_showpos(ed);
            return;
        }
    }
    not_found(ed);
}

/* ------------------------------------------------- changing n lines */

/* 1 changed, 0 left alone, -1 out of storage (stop). */
typedef int (*line_fn)(struct edit *ed, unsigned i, const void *arg);

/* Apply fn to the records among the next count lines, typing each one it
 * changes when VERIFY is on; the pointer ends on the last line of the
 * range. Returns how many it changed. */
static unsigned over_range(struct edit *ed, unsigned count, line_fn fn, const void *arg)
{
    unsigned last = range_end(ed, count), changed = 0;
    unsigned i = ed->cur ? ed->cur : 1;
    for (; i <= last && i <= ed->n; i++) {
        if ((i & 1023) == 0 && ed_halted(ed))
            break;
        int r = fn(ed, i, arg);
        if (r < 0)
            break;
        if (r > 0) {
            changed++;
            if (ed->set.verify)
                ed_typeline(ed, i);
        }
    }
    ed->cur = i > last ? last : i;
    if (changed)
        ed_updated(ed, 1);
    return changed;
}

/* After CHANGE or ALTER: NOT FOUND when nothing changed, EOF: at the end. */
static void range_done(struct edit *ed, unsigned changed)
{
    if (!changed)
        ed_error(ed, "NOT FOUND");
    if (ed->cur > ed->n)
        ed_type(ed, "EOF:");
}

struct chg {
    const char *s1, *s2;
    size_t l1, l2;
    bool all;
};

/* The new text of a zone, written at most lim characters long. */
struct field {
    char out[EDIT_LINEBUF];
    size_t o, lim;
    bool lost;
};

static void put(struct field *f, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (f->o < f->lim)
            f->out[f->o++] = s[k];
        else if (s[k] != ' ')
            f->lost = true;
    }
}

static int change_line(struct edit *ed, unsigned i, const void *arg)
{
    const struct chg *c = arg;
    unsigned z1 = ed->set.zone1, z2 = ed->set.zone2;
    char buf[EDIT_LINEBUF], res[EDIT_LINEBUF];
    size_t reclen;
    eb_text(ed, i, &reclen);
    size_t blen = padded(ed, i, buf, z2);
    size_t w = z2 - z1 + 1;
    const char *zf = buf + z1 - 1;
    struct field f = {.o = 0, .lim = w, .lost = false};
    bool tail = reclen > z2;
    if (!tail) { /* the zone may grow to TRUNC, or keep the length it has */
        size_t end = ed->set.trunc < z2 ? ed->set.trunc : z2;
        if (reclen > end)
            end = reclen;
        f.lim = end >= z1 ? end - z1 + 1 : 0;
    }
    size_t k = 0;
    unsigned hits = 0;
    if (c->l1 == 0) {
        put(&f, c->s2, c->l2);
        hits = 1;
    } else {
        while (k + c->l1 <= w && (c->all || hits == 0)) {
            if (memcmp(zf + k, c->s1, c->l1) == 0) {
                put(&f, c->s2, c->l2);
                k += c->l1;
                hits++;
            } else {
                put(&f, zf + k, 1);
                k++;
            }
        }
    }
    if (!hits)
        return 0;
    put(&f, zf + k, w - k);
    if (tail)
        while (f.o < w)
            f.out[f.o++] = ' ';
    size_t r = z1 - 1;
    memcpy(res, buf, r);
    memcpy(res + r, f.out, f.o);
    r += f.o;
    if (tail) {
        memcpy(res + r, buf + z2, blen - z2);
        r += blen - z2;
    }
    if (eb_set(ed, i, res, r) != 0) {
        ed_nomem(ed);
        return -1;
    }
    if (f.lost)
        ed_type(ed, "TRUNCATED");
    return 1;
}

/* [n|*] [G|*] after CHANGE's or ALTER's strings. */
static bool counts(const char *p, unsigned *n, bool *all)
{
    const char *tok;
    *n = 1;
    *all = false;
    if (ed_count(&p, n) < 0)
        return false;
    size_t len = ed_token(&p, &tok);
    if (len == 1 && (toupper((unsigned char)*tok) == 'G' || *tok == '*'))
        *all = true;
    else if (len)
        return false;
    return ed_end(p);
}

void sub_change(struct edit *ed, const char *ops)
{
    struct chg c;
    unsigned n = 1;
    const char *after;
    if (!delimited(ops, &c.s1, &c.l1, &after)) {
        ed_invalid(ed); /* CHANGE alone is for display mode */
        return;
    }
    char d = ed_skip(ops)[0];
    c.all = false;
    c.s2 = after;
    c.l2 = 0;
    if (*after) { /* there is a closing delimiter: string2 follows */
        const char *e = strchr(after, d);
        c.l2 = e ? (size_t)(e - after) : eb_strip(after, strlen(after));
        if (e && !counts(e + 1, &n, &c.all)) {
            ed_invalid(ed);
            return;
        }
    }
    if ((c.l1 == 0 && c.all) || n == 0) {
        ed_invalid(ed);
        return;
    }
    if (c.l1 > zone_width(ed)) {
        ed_error(ed, "ZONE ERROR");
        return;
    }
    range_done(ed, over_range(ed, n, change_line, &c));
}

struct alt {
    char c1, c2;
    bool all;
};

static int alter_line(struct edit *ed, unsigned i, const void *arg)
{
    const struct alt *a = arg;
    char buf[EDIT_LINEBUF];
    size_t len;
    const char *t = eb_text(ed, i, &len);
    memcpy(buf, t, len);
    size_t end = len < ed->set.zone2 ? len : ed->set.zone2;
    unsigned hits = 0;
    for (size_t k = ed->set.zone1 - 1; k < end && (a->all || !hits); k++) {
        if (buf[k] == a->c1) {
            buf[k] = a->c2;
            hits++;
        }
    }
    if (!hits)
        return 0;
    if (eb_set(ed, i, buf, len) != 0) {
        ed_nomem(ed);
        return -1;
    }
    return 1;
}

/* A character, or two hexadecimal digits. */
static bool alter_char(const char *tok, size_t len, char *c)
{
    if (len == 1) {
        *c = *tok;
        return true;
    }
    if (len != 2 || !isxdigit((unsigned char)tok[0]) || !isxdigit((unsigned char)tok[1]))
        return false;
    unsigned v = 0;
    for (int k = 0; k < 2; k++) {
        int h = toupper((unsigned char)tok[k]);
        v = v * 16 + (unsigned)(isdigit(h) ? h - '0' : h - 'A' + 10);
    }
    *c = (char)v;
    return true;
}

void sub_alter(struct edit *ed, const char *ops)
{
    struct alt a;
    const char *p = ops, *t1, *t2;
    size_t l1 = ed_token(&p, &t1), l2 = ed_token(&p, &t2);
    unsigned n;
    if (!alter_char(t1, l1, &a.c1) || !alter_char(t2, l2, &a.c2) || !counts(p, &n, &a.all) ||
        n == 0) {
        ed_invalid(ed);
        return;
    }
    range_done(ed, over_range(ed, n, alter_line, &a));
}

/* ------------------------------------------------------------ deleting */

/* Delete from the current line up to, not including, position upto. The
 * line after them becomes current. */
static void delete_to(struct edit *ed, unsigned upto)
{
    unsigned first = ed->cur ? ed->cur : 1;
    if (upto > first) {
        eb_delete(ed, first, upto - first);
        ed_updated(ed, 1);
    }
    ed->cur = first;
    if (ed->cur > ed->n)
        ed_type(ed, "EOF:");
}

void sub_delete(struct edit *ed, const char *ops)
{
    unsigned n;
    if (!one_count(ed, ops, &n))
        return;
    if (ed->cur > ed->n) {
        ed_type(ed, "EOF:");
        return;
    }
    if (n == 0)
        return;
    unsigned last = range_end(ed, n);
    delete_to(ed, last > ed->n ? ed->n + 1 : last + 1);
}

/* DSTRING /string/: delete down to the first line (after the current
 * one) with string in its zone; nothing when there is none. */
void sub_dstring(struct edit *ed, const char *ops)
{
    const char *s, *after;
    size_t sl;
    if (ed_end(ops)) {
        sub_delete(ed, "");
        return;
    }
    if (!delimited(ops, &s, &sl, &after) || !ed_end(after)) {
        ed_invalid(ed);
        return;
    }
    if (sl == 0) {
        sub_delete(ed, "");
        return;
    }
    if (sl > zone_width(ed)) {
        ed_error(ed, "ZONE ERROR");
        return;
    }
    if (ed->cur > ed->n) {
        ed_type(ed, "EOF:");
        return;
    }
    for (unsigned i = ed->cur + 1; i <= ed->n; i++) {
        if ((i & 1023) == 0 && ed_halted(ed))
            return;
        if (in_zone(ed, i, s, sl)) {
            delete_to(ed, i);
            return;
        }
    }
    ed_error(ed, "STRING NOT FOUND, NO DELETIONS MADE");
}

/* ------------------------------------------------------------ typing */

void sub_type(struct edit *ed, const char *ops)
{
    unsigned n = 1;
    if (!one_count(ed, ops, &n))
        return;
    if (n == 0) {
        ed_invalid(ed);
        return;
    }
    unsigned last = range_end(ed, n);
    for (unsigned i = ed->cur; i <= last; i++) {
        if ((i & 1023) == 1023 && ed_halted(ed))
            return;
        ed->cur = i;
        if (i == 0 || i > ed->n) {
            ed_showpos(ed);
        } else {
            size_t len;
            const char *t = eb_text(ed, i, &len);
            ed_typef(ed, "%.*s", (int)len, t);
        }
    }
}

/* ------------------------------------------------------ OVERLAY, REPEAT */

/* Non-blank characters of the text replace the record's, column for
 * column; an underscore puts a blank. Nothing goes past TRUNC. */
static int overlay_line(struct edit *ed, unsigned i, const void *arg)
{
    const char *text = arg;
    char buf[EDIT_LINEBUF];
    size_t tl = strlen(text), len = padded(ed, i, buf, 0);
    bool lost = false;
    for (size_t k = 0; k < tl; k++) {
        if (text[k] == ' ')
            continue;
        if (k >= ed->set.trunc) {
            lost = true;
            continue;
        }
        for (; len <= k; len++)
            buf[len] = ' ';
        buf[k] = text[k] == '_' ? ' ' : text[k];
    }
    if (eb_set(ed, i, buf, len) != 0) {
        ed_nomem(ed);
        return -1;
    }
    if (lost)
        ed_type(ed, "TRUNCATED");
    return 1;
}

void sub_overlay(struct edit *ed, const char *ops)
{
    char text[EDIT_LINEBUF];
    size_t tl = eb_expand(ed, ed_text(ops), text, sizeof(text));
    if (tl > EDIT_MAXLRECL)
        text[EDIT_MAXLRECL] = '\0';
    if (ed->cur == 0 || ed->cur > ed->n || eb_strip(text, tl) == 0) {
        ed_showpos(ed);
        return;
    }
    over_range(ed, ed->rep_now ? ed->rep_now : 1, overlay_line, text);
    if (ed->cur > ed->n)
        ed_type(ed, "EOF:");
}

/* REPEAT n: the next subcommand, if it is OVERLAY, works on n lines. */
void sub_repeat(struct edit *ed, const char *ops)
{
    unsigned n;
    if (!one_count(ed, ops, &n))
        return;
    ed->repeat = n;
}

/* ------------------------------------------------------ INPUT, REPLACE */

void sub_input(struct edit *ed, const char *ops)
{
    if (ed_end(ops))
        ed_enter_input(ed);
    else
        eb_store_input(ed, ed->cur, ed_text(ops), false);
}

/* REPLACE line: the current record becomes line. REPLACE alone deletes
 * it and enters input mode in its place. At TOF or EOF it inserts. */
void sub_replace(struct edit *ed, const char *ops)
{
    bool real = ed->cur >= 1 && ed->cur <= ed->n;
    if (!ed_end(ops)) {
        eb_store_input(ed, ed->cur, ed_text(ops), real);
        return;
    }
    if (real) {
        eb_delete(ed, ed->cur, 1);
        ed->cur--;
        ed_updated(ed, 1);
    }
    ed_enter_input(ed);
}
