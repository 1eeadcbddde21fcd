/*
 * cpyspec.c - COPYFILE's SPECS and TRANS lists (copyfile.h), typed after
 * DMSCPY601R ENTER SPECIFICATION LIST: and DMSCPY602R ENTER TRANSLATION
 * LIST: (R6 COPYFILE help).
 *
 * A specification list is up to 20 pairs "source column": the source is
 * input columns nnn-mmm (mmm past the end of a record means its end), a
 * string between two equal non-alphameric characters (/ABC/), or hh...
 * prefixed with H (hex bytes); column is where it goes in the output
 * record. A translation list is pairs of a character or two hex digits:
 * what to translate and what to. Lines ending in "++" continue.
 */
#include <string.h>
#include "cms/util/common/util.h"
#include "cms/util/copyfile/copyfile.h"

void cpy_read_list(bool prompt, const char *id, const char *text, char *line)
{
    if (prompt)
        util_msg("CPY", id, "%s", text);
    size_t n = 0;
    line[0] = 0;
    for (;;) {
        char buf[136];
        int l = rdterm(buf, sizeof(buf), false);
        if (l < 0)
            l = 0;
        while (l > 0 && buf[l - 1] == ' ')
            l--;
        bool more = l >= 2 && buf[l - 2] == '+' && buf[l - 1] == '+';
        if (more)
            l -= 2;
        if (n + (size_t)l + 2 > CPY_MAXLIST)
            break;
        memcpy(line + n, buf, (size_t)l);
        n += (size_t)l;
        line[n++] = ' ';
        line[n] = 0;
        if (!more)
            break;
    }
}

static const char *skip_blanks(const char *p)
{
    while (*p == ' ')
        p++;
    return p;
}

/* The token at p (to the next blank). */
static size_t toklen(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != ' ')
        n++;
    return n;
}

static int bad(const char *p, size_t n)
{
    util_msg("CPY", "070E", "INVALID PARAMETER '%.*s'", (int)(n > 8 ? 8 : n), p);
    return 24;
}

/* A decimal number of n characters at p, 1 or more. */
static bool number(const char *p, size_t n, uint32_t *v)
{
    char buf[12];
    if (n == 0 || n >= sizeof(buf))
        return false;
    memcpy(buf, p, n);
    buf[n] = 0;
    return util_number(buf, v);
}

static bool alnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* One source at *pp: columns, a hex literal or a delimited string. */
static int spec_source(const char **pp, struct cpy_specs *sp, struct cpy_spec *s)
{
    const char *p = *pp;
    size_t n = toklen(p);
    if (p[0] >= '0' && p[0] <= '9') {
        const char *dash = memchr(p, '-', n);
        if (!dash || !number(p, (size_t)(dash - p), &s->from) ||
            !number(dash + 1, n - (size_t)(dash - p) - 1, &s->to) || s->to < s->from)
            return bad(p, n);
        *pp = p + n;
        return 0;
    }
    s->lit = true;
    s->off = sp->nlit;
    if (p[0] == 'H' || p[0] == 'h') {
        if (n < 3 || (n - 1) % 2)
            return bad(p, n);
        for (size_t i = 1; i < n; i += 2)
            if (!util_hexbyte(p + i, &sp->lits[sp->nlit++]))
                return bad(p, n);
    } else {
        const char *end = alnum(p[0]) ? NULL : strchr(p + 1, p[0]);
        if (!end || end == p + 1)
            return bad(p, n);
        for (const char *q = p + 1; q < end; q++)
            sp->lits[sp->nlit++] = util_a2e(*q);
        n = (size_t)(end - p) + 1;
    }
    s->len = sp->nlit - s->off;
    *pp = p + n;
    return 0;
}

int cpy_parse_specs(const char *line, struct cpy_specs *sp)
{
    memset(sp, 0, sizeof(*sp));
    const char *p = skip_blanks(line);
    while (*p) {
        if (sp->n == CPY_MAXSPEC)
            return bad(p, toklen(p));
        struct cpy_spec *s = &sp->s[sp->n];
        memset(s, 0, sizeof(*s));
        int rc = spec_source(&p, sp, s);
        if (rc)
            return rc;
        p = skip_blanks(p);
        size_t n = toklen(p);
        if (!number(p, n, &s->col) || s->col > UTIL_MAXREC)
            return bad(p, n);
        p = skip_blanks(p + n);
        sp->n++;
    }
    if (sp->n == 0)
        return bad("", 0);
    return 0;
}

int cpy_parse_trans(const char *line, uint8_t t[256])
{
    uint8_t pair[2];
    int k = 0;
    const char *p = skip_blanks(line);
    while (*p) {
        size_t n = toklen(p);
        if (n == 1)
            pair[k] = util_a2e(p[0]);
        else if (n != 2 || !util_hexbyte(p, &pair[k]))
            return bad(p, n);
        if (++k == 2) {
            t[pair[0]] = pair[1];
            k = 0;
        }
        p = skip_blanks(p + n);
    }
    return k ? bad(line, 0) : 0;
}

void cpy_apply_specs(const struct cpy_specs *sp, const uint8_t *rec, size_t len, uint8_t *out,
                     size_t cap, size_t *olen, uint8_t fill)
{
    for (int k = 0; k < sp->n; k++) {
        const struct cpy_spec *s = &sp->s[k];
        const uint8_t *src;
        size_t n;
        if (s->lit) {
            src = sp->lits + s->off;
            n = s->len;
        } else {
            if (s->from > len)
                continue;
            src = rec + s->from - 1;
            n = (s->to < len ? s->to : len) - s->from + 1;
        }
        size_t at = s->col - 1;
        if (at >= cap)
            continue;
        if (n > cap - at)
            n = cap - at;
        if (at > *olen)
            memset(out + *olen, fill, at - *olen);
        memcpy(out + at, src, n);
        if (at + n > *olen)
            *olen = at + n;
    }
}
