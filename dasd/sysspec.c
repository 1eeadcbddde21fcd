/*
 * sysspec.c - read and validate a system specification (sysspec.h).
 *
 * Entry point: spec_load. Every statement is checked and every error is
 * reported with its line number, like VM/370's directory program: nothing
 * is built from a specification with errors.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dasd/sysspec.h"

struct ctx {
    struct sysspec *spec;
    char *errs;
    size_t errlen, used;
    int nerr;
    int line;
    bool have_syscons;
};

static void err(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void err(struct ctx *c, const char *fmt, ...)
{
    c->nerr++;
    if (c->used + 1 >= c->errlen)
        return;
    /* "file:line: text", or "file: text" for the file as a whole */
    int n = c->line ? snprintf(c->errs + c->used, c->errlen - c->used, "%s:%d: ", c->spec->path,
                               c->line)
                    : snprintf(c->errs + c->used, c->errlen - c->used, "%s: ", c->spec->path);
    if (n > 0)
        c->used += (size_t)n;
    if (c->used + 1 >= c->errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    n = vsnprintf(c->errs + c->used, c->errlen - c->used, fmt, ap);
    va_end(ap);
    if (n > 0)
        c->used += (size_t)n;
    if (c->used + 1 < c->errlen) {
        c->errs[c->used++] = '\n';
        c->errs[c->used] = '\0';
    } else {
        c->used = c->errlen - 1;
    }
}

/* 1-8 (or max) characters: letters, digits and the national characters. */
static bool valid_name(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n > max)
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("@#$", *s))
            return false;
    return true;
}

static bool parse_num(const char *s, int base, long max, long *out)
{
    char *end;
    if (!*s)
        return false;
    long v = strtol(s, &end, base);
    if (*end || v < 0 || v > max)
        return false;
    *out = v;
    return true;
}

/* "+05:30", "-5", "0" -> seconds east of UTC */
static bool parse_zone(const char *s, int32_t *out)
{
    int sign = 1;
    if (*s == '+' || *s == '-')
        sign = (*s++ == '-') ? -1 : 1;
    long h, m = 0;
    char hh[8] = {0};
    const char *colon = strchr(s, ':');
    size_t hl = colon ? (size_t)(colon - s) : strlen(s);
    if (hl == 0 || hl >= sizeof(hh))
        return false;
    memcpy(hh, s, hl);
    if (!parse_num(hh, 10, 14, &h) || (colon && !parse_num(colon + 1, 10, 59, &m)))
        return false;
    *out = sign * (int32_t)(h * 3600 + m * 60);
    return true;
}

static const struct {
    const char *word;
    enum vol_area type;
} areas[] = {
    {"NUCLEUS", AREA_NUCLEUS}, {"DRCT", AREA_DRCT}, {"WARM", AREA_WARM}, {"PAGE", AREA_PAGE},
    {"SPOOL", AREA_SPOOL},     {"TDSK", AREA_TDSK}, {"PERM", AREA_PERM}, {"SAVED", AREA_SAVED},
};

/* "first-last", decimal, within 0..max */
static bool parse_range(const char *t, long max, long *first, long *last)
{
    char a[16], *dash = strchr(t, '-');
    if (!dash || dash == t || (size_t)(dash - t) >= sizeof(a))
        return false;
    snprintf(a, sizeof(a), "%.*s", (int)(dash - t), t);
    return parse_num(a, 10, max, first) && parse_num(dash + 1, 10, max, last) && *first <= *last;
}

/* NAMESYS name first-last [SHARED first-last] */
static void add_namesys(struct ctx *c, char **tok, int ntok)
{
    struct vol_sysrec *r = &c->spec->sys;
    long first, last, sf = NAMESYS_NOSHARE, sl = NAMESYS_NOSHARE;
    if ((ntok != 3 && ntok != 5) || !valid_name(tok[1], 8)) {
        err(c, "NAMESYS needs: name first-last [SHARED first-last]");
        return;
    }
    if (!parse_range(tok[2], 4095, &first, &last) || last - first + 1 > SAVEHDR_MAXPAGES) {
        err(c, "NAMESYS %s: pages %s must be first-last within 0-4095, at most %d pages", tok[1],
            tok[2], (int)SAVEHDR_MAXPAGES);
        return;
    }
    if (ntok == 5 && (strcmp(tok[3], "SHARED") != 0 || !parse_range(tok[4], 255, &sf, &sl) ||
                      sf == 0 || sf * 16 < first || sl * 16 + 15 > last)) {
        err(c, "NAMESYS %s: SHARED needs a range of 64K segments within its pages (not 0)", tok[1]);
        return;
    }
    for (int i = 0; i < r->nnamesys; i++)
        if (strcmp(r->namesys[i].name, tok[1]) == 0) {
            err(c, "NAMESYS %s: this name is already used", tok[1]);
            return;
        }
    if (r->nnamesys == SYSREC_NAMESYS_MAX) {
        err(c, "more than %d NAMESYS statements", SYSREC_NAMESYS_MAX);
        return;
    }
    struct vol_namesys *n = &r->namesys[r->nnamesys++];
    memset(n, 0, sizeof(*n));
    snprintf(n->name, sizeof(n->name), "%s", tok[1]);
    n->first = (uint16_t)first;
    n->npages = (uint16_t)(last - first + 1);
    n->shfirst = (uint8_t)sf;
    n->shlast = (uint8_t)sl;
}

/* Each saved system gets a header page and its pages in the first SAVED
 * area (in the order of the specification) with room left. */
static void place_namesys(struct ctx *c)
{
    struct sysspec *s = c->spec;
    unsigned used[SPEC_MAX_VOLUMES][ALLOC_MAX_EXTENTS] = {{0}};
    for (int k = 0; k < s->sys.nnamesys; k++) {
        struct vol_namesys *n = &s->sys.namesys[k];
        bool placed = false;
        for (int i = 0; i < s->nvol && !placed; i++) {
            const struct spec_volume *v = &s->vol[i];
            for (int j = 0; v->g && j < v->alloc.count && !placed; j++) {
                const struct vol_extent *x = &v->alloc.ext[j];
                unsigned room = (x->last - x->first + 1u) * vol_pages_per_cyl(v->g);
                if (x->type != AREA_SAVED || used[i][j] + 1u + n->npages > room)
                    continue;
                memcpy(n->volser, v->volser, sizeof(n->volser));
                n->area_cyl = x->first;
                n->slot = (uint16_t)used[i][j];
                used[i][j] += 1u + n->npages;
                placed = true;
            }
        }
        if (!placed)
            err(c, "NAMESYS %s: no SAVED area has room for its %u pages and header", n->name,
                n->npages);
    }
}

static void add_area(struct ctx *c, enum vol_area type, char **tok, int ntok)
{
    struct sysspec *s = c->spec;
    if (s->nvol == 0) {
        err(c, "%s must follow a VOLUME statement", tok[0]);
        return;
    }
    struct spec_volume *v = &s->vol[s->nvol - 1];
    long first, last;
    if (ntok != 3) {
        err(c, "%s needs two operands: first and last cylinder", tok[0]);
        return;
    }
    if (!parse_num(tok[1], 10, 65535, &first) || !parse_num(tok[2], 10, 65535, &last)) {
        err(c, "%s %s %s: cylinders must be decimal numbers", tok[0], tok[1], tok[2]);
        return;
    }
    if (!v->g)
        return;
    if (first < 1 || last < first || last >= v->g->cyls) {
        err(c,
            "%s %ld-%ld: cylinders must lie within 1-%u of the %s (cylinder 0 holds the "
            "labels)",
            tok[0], first, last, v->g->cyls - 1, v->g->name);
        return;
    }
    struct vol_alloc *a = &v->alloc;
    for (int i = 0; i < a->count; i++) {
        if (first <= a->ext[i].last && a->ext[i].first <= last) {
            err(c, "%s %ld-%ld overlaps %s %u-%u", tok[0], first, last, area_name(a->ext[i].type),
                a->ext[i].first, a->ext[i].last);
            return;
        }
    }
    if (a->count == (int)ALLOC_MAX_EXTENTS) {
        err(c, "too many areas on volume %s", v->volser);
        return;
    }
    a->ext[a->count].type = type;
    a->ext[a->count].first = (uint16_t)first;
    a->ext[a->count].last = (uint16_t)last;
    a->count++;
}

static void add_volume(struct ctx *c, char **tok, int ntok)
{
    struct sysspec *s = c->spec;
    if (ntok < 4 || ntok > 5) {
        err(c, "VOLUME needs: label type address [SYSRES]");
        return;
    }
    if (s->nvol == SPEC_MAX_VOLUMES) {
        err(c, "too many volumes (at most %d)", SPEC_MAX_VOLUMES);
        return;
    }
    struct spec_volume *v = &s->vol[s->nvol++];
    memset(v, 0, sizeof(*v));
    v->line = c->line;
    if (!valid_name(tok[1], 6))
        err(c, "VOLUME %s: a label is 1-6 letters, digits or @ # $", tok[1]);
    else if (spec_find(s, tok[1]))
        err(c, "VOLUME %s: this label is already used", tok[1]);
    snprintf(v->volser, sizeof(v->volser), "%.6s", tok[1]);
    v->g = ckd_geom_by_name(tok[2]);
    if (!v->g) {
        err(c,
            "VOLUME %s: device type %s is not one of 3330, 3330-1, 3330-11, 3350, 3380, "
            "3380-E, 3380-K, 3390, 3390-1, 3390-2, 3390-3, 3390-9",
            tok[1], tok[2]);
    }
    long devno;
    if (!parse_num(tok[3], 16, 0xFFFF, &devno) || strlen(tok[3]) > 4) {
        err(c, "VOLUME %s: device address %s is not 1-4 hex digits", tok[1], tok[3]);
    } else {
        v->devno = (uint16_t)devno;
        for (int i = 0; i < s->nvol - 1; i++)
            if (s->vol[i].devno == v->devno)
                err(c, "VOLUME %s: address %04X is also volume %s's", tok[1], v->devno,
                    s->vol[i].volser);
    }
    if (ntok == 5) {
        if (strcmp(tok[4], "SYSRES") != 0)
            err(c, "VOLUME %s: unknown operand %s (only SYSRES may follow the address)", tok[1],
                tok[4]);
        else
            v->sysres = true;
    }
    if (v->g) {
        v->alloc.devtype = v->g->devtype;
        v->alloc.cyls = v->g->cyls;
        v->alloc.heads = v->g->heads;
    }
    memcpy(v->alloc.volser, v->volser, sizeof(v->alloc.volser));
    v->alloc.sysres = v->sysres;
}

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

static void statement(struct ctx *c, char *text)
{
    struct sysspec *s = c->spec;
    char keep[512];
    snprintf(keep, sizeof(keep), "%s", text);
    char *tok[8];
    int ntok = 0;
    for (char *p = strtok(text, " \t"); p && ntok < 8; p = strtok(NULL, " \t"))
        tok[ntok++] = p;
    if (ntok == 0 || tok[0][0] == '*')
        return;
    upper(tok[0]);
    const char *kw = tok[0];

    if (strcmp(kw, "LOGMSG") == 0) {
        /* the text is everything after "LOGMSG" and one blank, as typed */
        const char *t = keep;
        while (*t == ' ' || *t == '\t')
            t++;
        t += 6;
        while (*t == ' ' || *t == '\t')
            t++;
        if (strlen(t) > SYSREC_LOGMSG_LEN)
            err(c, "LOGMSG text is longer than %d characters", SYSREC_LOGMSG_LEN);
        else if (s->sys.nlogmsg == SYSREC_LOGMSG_MAX)
            err(c, "more than %d LOGMSG lines", SYSREC_LOGMSG_MAX);
        else
            snprintf(s->sys.logmsg[s->sys.nlogmsg++], SYSREC_LOGMSG_LEN + 1, "%s", t);
        return;
    }
    for (int i = 1; i < ntok; i++)
        if (strcmp(kw, "DIRECT") != 0)
            upper(tok[i]);

    if (strcmp(kw, "SYSNAME") == 0 || strcmp(kw, "SYSOPER") == 0) {
        char *dst = kw[3] == 'N' ? s->sys.sysname : s->sys.sysoper;
        if (ntok != 2 || !valid_name(tok[1], 8))
            err(c, "%s needs one name of 1-8 letters, digits or @ # $", kw);
        else
            snprintf(dst, 9, "%s", tok[1]);
    } else if (strcmp(kw, "SYSCONS") == 0) {
        long d;
        c->have_syscons = true; /* a bad one is reported here, not as missing */
        if (ntok != 2 || strlen(tok[1]) > 4 || !parse_num(tok[1], 16, 0xFFFF, &d))
            err(c, "SYSCONS needs a device address of 1-4 hex digits");
        else
            s->sys.syscons = (uint16_t)d;
    } else if (strcmp(kw, "SYSTIME") == 0) {
        if (ntok != 3 || strlen(tok[1]) > 4 || !valid_name(tok[1], 4) ||
            !parse_zone(tok[2], &s->sys.zone_sec))
            err(c, "SYSTIME needs a zone name of 1-4 characters and an offset from UTC such "
                   "as -05:00");
        else
            snprintf(s->sys.zone_id, sizeof(s->sys.zone_id), "%s", tok[1]);
    } else if (strcmp(kw, "MORE") == 0) {
        long a, b;
        if (ntok != 3 || !parse_num(tok[1], 10, 3600, &a) || !parse_num(tok[2], 10, 3600, &b) ||
            a == 0 || b == 0)
            err(c, "MORE needs two numbers of seconds (1-3600): until the alarm, then until "
                   "the screen is cleared");
        else
            s->sys.more1 = (uint16_t)a, s->sys.more2 = (uint16_t)b;
    } else if (strcmp(kw, "DIRECT") == 0) {
        if (ntok != 2) {
            err(c, "DIRECT needs the file name of the directory source");
        } else if (tok[1][0] == '/') {
            snprintf(s->direct, sizeof(s->direct), "%s", tok[1]);
        } else {
            const char *slash = strrchr(s->path, '/');
            int dirlen = slash ? (int)(slash - s->path) : 1;
            snprintf(s->direct, sizeof(s->direct), "%.*s/%s", dirlen, slash ? s->path : ".",
                     tok[1]);
        }
    } else if (strcmp(kw, "VOLUME") == 0) {
        add_volume(c, tok, ntok);
    } else if (strcmp(kw, "NAMESYS") == 0) {
        add_namesys(c, tok, ntok);
    } else {
        for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++) {
            if (strcmp(kw, areas[i].word) == 0) {
                add_area(c, areas[i].type, tok, ntok);
                return;
            }
        }
        err(c, "unknown statement %s", kw);
    }
}

static void final_checks(struct ctx *c)
{
    struct sysspec *s = c->spec;
    c->line = 0;
    if (!s->sys.sysname[0])
        err(c, "no SYSNAME statement");
    if (!s->sys.sysoper[0])
        err(c, "no SYSOPER statement");
    if (!c->have_syscons)
        err(c, "no SYSCONS statement");
    if (!s->direct[0])
        err(c, "no DIRECT statement");
    if (!s->sys.zone_id[0])
        snprintf(s->sys.zone_id, sizeof(s->sys.zone_id), "GMT");
    int nres = 0;
    for (int i = 0; i < s->nvol; i++) {
        struct spec_volume *v = &s->vol[i];
        c->line = v->line;
        int nnuc = 0, ndrct = 0;
        for (int j = 0; j < v->alloc.count; j++) {
            nnuc += v->alloc.ext[j].type == AREA_NUCLEUS;
            ndrct += v->alloc.ext[j].type == AREA_DRCT;
        }
        if (v->sysres && nres++) {
            err(c, "VOLUME %s: only one volume may be SYSRES, and %s already is", v->volser,
                spec_sysres(s)->volser);
        } else if (v->sysres) {
            if (nnuc != 1 || ndrct != 1)
                err(c,
                    "VOLUME %s: the system residence volume needs exactly one NUCLEUS and "
                    "one DRCT area",
                    v->volser);
        } else if (nnuc || ndrct) {
            err(c, "VOLUME %s: NUCLEUS and DRCT areas belong on the SYSRES volume", v->volser);
        }
    }
    c->line = 0;
    place_namesys(c);
    if (s->nvol == 0)
        err(c, "no VOLUME statement");
    else if (nres == 0)
        err(c, "no volume is marked SYSRES");
}

int spec_load(const char *path, struct sysspec *spec, char *errs, size_t errlen)
{
    memset(spec, 0, sizeof(*spec));
    snprintf(spec->path, sizeof(spec->path), "%s", path);
    struct ctx c = {.spec = spec, .errs = errs, .errlen = errlen};
    if (errlen)
        errs[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(errs, errlen, "%s: cannot open the system specification\n", path);
        return -1;
    }
    char line[512];
    while (fgets(line, sizeof(line), f)) {
        c.line++;
        size_t n = strlen(line);
        if (n && line[n - 1] != '\n' && !feof(f)) {
            err(&c, "line longer than %zu characters", sizeof(line) - 2);
            int ch;
            while ((ch = fgetc(f)) != EOF && ch != '\n')
                ;
            continue;
        }
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        statement(&c, line);
    }
    fclose(f);
    final_checks(&c);
    return c.nerr ? -1 : 0;
}

const struct spec_volume *spec_sysres(const struct sysspec *spec)
{
    for (int i = 0; i < spec->nvol; i++)
        if (spec->vol[i].sysres)
            return &spec->vol[i];
    return NULL;
}

const struct spec_volume *spec_find(const struct sysspec *spec, const char *volser)
{
    for (int i = 0; i < spec->nvol; i++)
        if (strcmp(spec->vol[i].volser, volser) == 0)
            return &spec->vol[i];
    return NULL;
}

void spec_image_name(const struct spec_volume *v, char *out, size_t outlen)
{
    char lower[7];
    size_t i = 0;
    for (; v->volser[i]; i++)
        lower[i] = (char)tolower((unsigned char)v->volser[i]);
    lower[i] = '\0';
    snprintf(out, outlen, "%s.%s", lower, v->g ? v->g->name : "ckd");
}
