/*
 * editset.c - the editor's settings: the defaults a filetype gets, and the
 * subcommands that show or change them: ZONE, TRUNC, CASE, VERIFY, LONG,
 * SHORT, TABSET, IMAGE, SERIAL, AUTOSAVE, PRESERVE, RESTORE, FNAME,
 * FMODE, RECFM.
 *
 * Each of them alone (no operands) types its setting in the form R6's
 * editor keeps the names in: "TRUNC=72", "ZONE=1 72", "CASE=U",
 * "VERFY=ON" ...; FNAME, FMODE and RECFM type just the value.
 *
 * Record lengths are R6's (EDIT HELPCMD): 80, LISTING 121, SCRIPT and
 * VSBDATA 132, FREEFORT 81, at most 160. The record formats, truncation
 * columns, tabs and CASE M for SCRIPT and MEMO are this editor's choice
 * where R6's table is not known (README.md).
 */
#include <ctype.h>
#include <string.h>
#include "cms/edit/editint.h"

struct ftdef {
    char ft[9];
    char recfm;
    unsigned char lrecl, trunc, zone1;
    bool mixed;
    unsigned char tabs[17]; /* ends at 0 */
};

#define TABS_ASM                                                                                   \
    {                                                                                              \
        1, 10, 16, 31, 36, 41, 46, 69, 72, 80                                                      \
    }
#define TABS_PLI                                                                                   \
    {                                                                                              \
        2, 4, 7, 10, 13, 16, 19, 22, 25, 31, 37, 43, 49, 55, 79, 80                                \
    }
#define TABS_TEXT                                                                                  \
    {                                                                                              \
        1, 6, 11, 16, 21, 26, 31, 36, 41, 46, 51, 61, 71, 81, 91, 101                              \
    }

static const struct ftdef ftdefs[] = {
    {"ASSEMBLE", 'F', 80, 71, 1, false, TABS_ASM},
    {"MACRO", 'F', 80, 71, 1, false, TABS_ASM},
    {"COPY", 'F', 80, 71, 1, false, TABS_ASM},
    {"UPDATE", 'F', 80, 71, 1, false, TABS_ASM},
    {"COBOL", 'F', 80, 72, 1, false, {1, 8, 12, 20, 28, 36, 44, 68, 72, 80}},
    {"FORTRAN", 'F', 80, 72, 1, false, {1, 7, 10, 15, 20, 25, 30, 80}},
    {"FREEFORT", 'V', 81, 81, 1, false, {1, 9, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42}},
    {"PLI", 'F', 80, 72, 2, false, TABS_PLI},
    {"PLIOPT", 'F', 80, 72, 2, false, TABS_PLI},
    {"EXEC", 'V', 80, 80, 1, false, TABS_TEXT},
    {"MEMO", 'V', 80, 80, 1, true, TABS_TEXT},
    {"SCRIPT", 'V', 132, 132, 1, true, TABS_TEXT},
    {"VSBDATA", 'V', 132, 132, 1, false, TABS_TEXT},
    {"LISTING", 'F', 121, 121, 1, false, TABS_TEXT},
};
static const struct ftdef ftother = {"", 'F', 80, 80, 1, false, TABS_TEXT};

static const struct ftdef *ftdef(const char *ft)
{
    for (size_t k = 0; k < sizeof(ftdefs) / sizeof(ftdefs[0]); k++)
        if (strcmp(ftdefs[k].ft, ft) == 0)
            return &ftdefs[k];
    return &ftother;
}

/*
 * A new file takes its filetype's format; an existing one keeps its own
 * (a V file at least the filetype's LRECL, R6's rule); LRECL nn overrides
 * both. TRUNC is the filetype's when the LRECL is the filetype's, else the
 * LRECL; the zone runs to TRUNC.
 */
void ed_defaults(struct edit *ed, bool newfile, unsigned lrecl_opt, const struct edit_fileinfo *fi)
{
    const struct ftdef *d = ftdef(ed->id.ft);
    struct edit_settings *s = &ed->set;
    ed->recfm = d->recfm;
    ed->lrecl = d->lrecl;
    if (!newfile) {
        ed->recfm = fi->recfm == 'F' ? 'F' : 'V';
        if (fi->lrecl && (ed->recfm == 'F' || fi->lrecl > d->lrecl))
            ed->lrecl = fi->lrecl;
    }
    if (lrecl_opt)
        ed->lrecl = lrecl_opt;
    memset(s, 0, sizeof(*s));
    s->trunc = ed->lrecl == d->lrecl ? d->trunc : ed->lrecl;
    s->zone1 = d->zone1 <= s->trunc ? d->zone1 : 1;
    s->zone2 = s->trunc;
    s->verify = true;
    s->upper = !d->mixed;
    s->image = true;
    s->longmsg = true;
    for (size_t k = 0; k < sizeof(d->tabs) && d->tabs[k]; k++)
        if (d->tabs[k] <= ed->lrecl)
            s->tabs[s->ntabs++] = d->tabs[k];
    s->serinc = 10;
    ed->saved = *s;
}

/* ----------------------------------------------------------- helpers */

/* A column 1..LRECL, or * for the LRECL. */
static bool column(const struct edit *ed, const char *tok, size_t len, unsigned *c)
{
    if (len == 1 && *tok == '*') {
        *c = ed->lrecl;
        return true;
    }
    return ed_number(tok, len, c) && *c >= 1 && *c <= ed->lrecl;
}

/* ON or OFF: 1, 0; -1 anything else. */
static int onoff(const char *tok, size_t len)
{
    if (ed_word(tok, len, "ON"))
        return 1;
    if (ed_word(tok, len, "OFF"))
        return 0;
    return -1;
}

static const char *onoff_name(bool on) { return on ? "ON" : "OFF"; }

/* ----------------------------------------------------------- columns */

void sub_zone(struct edit *ed, const char *ops)
{
    const char *p = ops, *t1, *t2;
    size_t l1 = ed_token(&p, &t1), l2 = ed_token(&p, &t2);
    unsigned z1, z2 = ed->set.zone2;
    if (!l1) {
        ed_typef(ed, "ZONE=%u %u", ed->set.zone1, ed->set.zone2);
        return;
    }
    if (!column(ed, t1, l1, &z1) || (l2 && !column(ed, t2, l2, &z2)) || !ed_end(p) || z1 > z2) {
        ed_invalid(ed);
        return;
    }
    ed->set.zone1 = z1;
    ed->set.zone2 = z2;
}

void sub_trunc(struct edit *ed, const char *ops)
{
    const char *p = ops, *tok;
    size_t len = ed_token(&p, &tok);
    unsigned c;
    if (!len) {
        ed_typef(ed, "TRUNC=%u", ed->set.trunc);
        return;
    }
    if (!column(ed, tok, len, &c) || !ed_end(p)) {
        ed_invalid(ed);
        return;
    }
    ed->set.trunc = c;
}

void sub_verify(struct edit *ed, const char *ops)
{
    const char *p = ops, *tok;
    size_t len = ed_token(&p, &tok);
    unsigned c = ed->set.vcol;
    if (!len) {
        if (ed->set.vcol)
            ed_typef(ed, "VERFY=%s %u", onoff_name(ed->set.verify), ed->set.vcol);
        else
            ed_typef(ed, "VERFY=%s", onoff_name(ed->set.verify));
        return;
    }
    int on = onoff(tok, len);
    if (on >= 0)
        len = ed_token(&p, &tok);
    if ((len && !column(ed, tok, len, &c)) || !ed_end(p)) {
        ed_invalid(ed);
        return;
    }
    if (on >= 0)
        ed->set.verify = on;
    ed->set.vcol = c;
}

void sub_tabset(struct edit *ed, const char *ops)
{
    const char *p = ops, *tok;
    unsigned char tabs[EDIT_MAXTABS];
    unsigned n = 0, c, prev = 0;
    size_t len;
    while ((len = ed_token(&p, &tok)) != 0) {
        if (n == EDIT_MAXTABS || !column(ed, tok, len, &c) || c <= prev) {
            ed_invalid(ed);
            return;
        }
        tabs[n++] = (unsigned char)c;
        prev = c;
    }
    if (n == 0) {
        char buf[EDIT_LINEBUF];
        size_t o = 0;
        memcpy(buf, "TABS=", 5);
        o = 5;
        for (unsigned k = 0; k < ed->set.ntabs; k++) {
            unsigned v = ed->set.tabs[k];
            if (k)
                buf[o++] = ' ';
            if (v >= 100)
                buf[o++] = (char)('0' + v / 100);
            if (v >= 10)
                buf[o++] = (char)('0' + v / 10 % 10);
            buf[o++] = (char)('0' + v % 10);
        }
        buf[o] = '\0';
        ed_type(ed, buf);
        return;
    }
    memcpy(ed->set.tabs, tabs, n);
    ed->set.ntabs = (unsigned char)n;
}

/* SERIAL OFF | ON | ALL | xxx [incr]: on FILE and SAVE, columns 73-80
 * get the first three characters of the filename (or xxx) and a five
 * digit sequence number, or (ALL) an eight digit one. F 80 files only;
 * TRUNC and the zone end come back to 72. */
void sub_serial(struct edit *ed, const char *ops)
{
    struct edit_settings *s = &ed->set;
    const char *p = ops, *tok, *itok;
    size_t len = ed_token(&p, &tok), ilen = ed_token(&p, &itok);
    unsigned inc = s->serinc;
    if (!len) {
        if (!s->serial)
            ed_type(ed, "SERIAL=OFF");
        else
            ed_typef(ed, "SERIAL=%s %u",
                     s->serial == 'N'   ? "ON"
                     : s->serial == 'A' ? "ALL"
                                        : s->serid,
                     s->serinc);
        return;
    }
    if ((ilen && (!ed_number(itok, ilen, &inc) || inc == 0 || inc > 99999)) || !ed_end(p) ||
        len > 3) {
        ed_invalid(ed);
        return;
    }
    if (ed_word(tok, len, "OFF")) {
        if (ilen)
            ed_invalid(ed);
        else
            s->serial = 0;
        return;
    }
    if (ed->recfm != 'F' || ed->lrecl != 80) {
        ed_error(ed, "WRONG FILE FORMAT FOR SERIALIZATION");
        return;
    }
    if (ed_word(tok, len, "ON")) {
        s->serial = 'N';
    } else if (ed_word(tok, len, "ALL")) {
        s->serial = 'A';
    } else {
        s->serial = 'S';
        memset(s->serid, 0, sizeof(s->serid));
        memcpy(s->serid, tok, len);
    }
    s->serinc = inc;
    if (s->trunc > 72) {
        s->trunc = 72;
        ed_type(ed, "TRUNC SET TO 72");
    }
    if (s->zone2 > 72) {
        s->zone2 = 72;
        if (s->zone1 > 72)
            s->zone1 = 1;
        ed_type(ed, "END ZONE SET TO 72");
    }
}

/* ------------------------------------------------------------ switches */

/* A setting of two values: shown alone, else exactly one of them. */
static void toggle(struct edit *ed, const char *ops, const char *name, const char *on,
                   const char *off, bool *v)
{
    const char *p = ops, *tok;
    size_t len = ed_token(&p, &tok);
    if (!len)
        ed_typef(ed, "%s=%s", name, *v ? on : off);
    else if (ed_word(tok, len, on) && ed_end(p))
        *v = true;
    else if (ed_word(tok, len, off) && ed_end(p))
        *v = false;
    else
        ed_invalid(ed);
}

void sub_case(struct edit *ed, const char *ops)
{
    toggle(ed, ops, "CASE", "U", "M", &ed->set.upper);
}

void sub_image(struct edit *ed, const char *ops)
{
    toggle(ed, ops, "IMAGE", "ON", "OFF", &ed->set.image);
}

static void msgform(struct edit *ed, const char *ops, bool longmsg)
{
    if (!ed_end(ops)) {
        ed_invalid(ed);
        return;
    }
    ed->set.longmsg = longmsg;
}

void sub_long(struct edit *ed, const char *ops) { msgform(ed, ops, true); }
void sub_short(struct edit *ed, const char *ops) { msgform(ed, ops, false); }

void sub_autosave(struct edit *ed, const char *ops)
{
    const char *p = ops, *tok;
    size_t len = ed_token(&p, &tok);
    unsigned n;
    if (!len) {
        if (ed->autosave)
            ed_typef(ed, "AUTOSAVE=%u", ed->autosave);
        else
            ed_type(ed, "AUTOSAVE=OFF");
        return;
    }
    if (!ed_end(p)) {
        ed_invalid(ed);
    } else if (ed_word(tok, len, "OFF")) {
        ed->autosave = 0;
    } else if (ed_number(tok, len, &n) && n >= 1 && n <= 32767) {
        ed->autosave = n;
        ed->updates = 0;
    } else {
        ed_invalid(ed);
    }
}

void sub_preserve(struct edit *ed, const char *ops)
{
    if (!ed_end(ops))
        ed_invalid(ed);
    else
        ed->saved = ed->set;
}

void sub_restore(struct edit *ed, const char *ops)
{
    if (!ed_end(ops))
        ed_invalid(ed);
    else
        ed->set = ed->saved;
}

/* --------------------------------------------------- FNAME FMODE RECFM */

/* A subcommand of one operand: alone it types what it shows; else the
 * operand must pass ok() and be the last. Returns the operand's length,
 * 0 when there was none or it was refused. */
static size_t operand(struct edit *ed, const char *ops, const char *shown,
                      bool (*ok)(const char *, size_t), const char **tok)
{
    const char *p = ops;
    size_t len = ed_token(&p, tok);
    if (!len) {
        ed_type(ed, shown);
        return 0;
    }
    if (!ok(*tok, len) || !ed_end(p)) {
        ed_invalid(ed);
        return 0;
    }
    return len;
}

void sub_fname(struct edit *ed, const char *ops)
{
    const char *tok;
    size_t len = operand(ed, ops, ed->id.fn, ed_name_ok, &tok);
    if (!len)
        return;
    for (size_t k = 0; k < len; k++)
        ed->id.fn[k] = (char)toupper((unsigned char)tok[k]);
    ed->id.fn[len] = '\0';
}

void sub_fmode(struct edit *ed, const char *ops)
{
    const char *tok;
    size_t len = operand(ed, ops, ed->id.fm, ed_mode_ok, &tok);
    if (!len)
        return;
    ed->id.fm[0] = (char)toupper((unsigned char)tok[0]);
    if (len == 2)
        ed->id.fm[1] = tok[1];
}

static bool recfm_ok(const char *t, size_t len) { return len == 1 && strchr("FfVv", *t); }

void sub_recfm(struct edit *ed, const char *ops)
{
    const char *tok, shown[2] = {ed->recfm, '\0'};
    if (!operand(ed, ops, shown, recfm_ok, &tok))
        return;
    ed->recfm = (char)toupper((unsigned char)*tok);
    if (ed->recfm == 'V' && ed->set.serial) {
        ed->set.serial = 0;
        ed_type(ed, "SERIALIZATION TURNED OFF FOR V FORMAT");
    }
}
