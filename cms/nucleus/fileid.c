/*
 * fileid.c - file identifiers and the search order (fileid.h).
 */
#include <stdio.h>
#include <string.h>
#include "cms/nucleus/cms.h"
#include "cms/nucleus/fileid.h"
#include "console/ebcdic.h"

static bool valid_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("$#@+-:_", c);
}

bool fileid_valid(const char *s, bool pattern)
{
    size_t n = strlen(s);
    if (n == 0 || n > 8)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!valid_char(s[i]) && !(pattern && s[i] == '*' && i == n - 1))
            return false;
    return true;
}

int fileid_parse(char (*tok)[8], int ntok, int i, struct fileid *f, const char **err)
{
    char t[3][9];
    int n = 0;
    memset(f, 0, sizeof(*f));
    while (i < ntok && n < 3 && tok[i][0] != '(')
        cms_tokstr(tok[i++], t[n++]);
    if (n >= 1) {
        if (!fileid_valid(t[0], true)) {
            *err = "INVALID CHARACTER IN FILEID";
            return -1;
        }
        snprintf(f->fn, sizeof(f->fn), "%s", t[0]);
    }
    if (n >= 2) {
        if (!fileid_valid(t[1], true)) {
            *err = "INVALID CHARACTER IN FILEID";
            return -1;
        }
        snprintf(f->ft, sizeof(f->ft), "%s", t[1]);
    }
    if (n >= 3) {
        size_t l = strlen(t[2]);
        char m = t[2][0], num = l > 1 ? t[2][1] : 0;
        if (l > 2 || !((m >= 'A' && m <= 'Z') || m == '*') ||
            (num && !((num >= '0' && num <= '6') || num == '*'))) {
            *err = "INVALID MODE";
            return -1;
        }
        f->mode = m;
        f->num = num;
    }
    return n;
}

bool fileid_field(uint8_t out[8], const char *name)
{
    if (!fileid_valid(name, false))
        return false;
    a2e_field(out, 8, name);
    return true;
}

static bool match_one(const char *pat, const uint8_t field[8])
{
    char name[9];
    e2a_field(name, field, 8);
    size_t n = strlen(pat);
    if (n && pat[n - 1] == '*')
        return strncmp(name, pat, n - 1) == 0;
    return strcmp(name, pat) == 0;
}

bool disk_shows(const struct adt *d, const struct cmsfs_fst *f)
{
    if (!d->filtered)
        return true;
    if (d->fnum == '*' ? f->fm_number == 0 : f->fm_number != d->fnum - '0')
        return false;
    return match_one(d->ffn, f->fn) && match_one(d->fft, f->ft);
}

bool fileid_match(const struct fileid *f, const struct cmsfs_fst *fst)
{
    if (f->num && f->num != '*' && fst->fm_number != f->num - '0')
        return false;
    return match_one(f->fn, fst->fn) && match_one(f->ft, fst->ft);
}

static bool disk_selected(const struct fileid *f, const struct adt *d)
{
    if (!f->mode || f->mode == '*')
        return f->mode == '*' || d->mode == 'A' || d->parent == 'A';
    return d->mode == f->mode || d->parent == f->mode;
}

bool fileid_next(const struct fileid *f, struct adt **d, unsigned *cursor, struct cmsfs_fst *fst)
{
    if (!*d) {
        *d = disk_next(NULL);
        *cursor = 0;
    }
    while (*d) {
        if (disk_selected(f, *d) && (*d)->fs) {
            while (cmsfs_next((*d)->fs, cursor, fst)) {
                if ((fst->fm_number == 0 && (*d)->io.readonly) || !disk_shows(*d, fst))
                    continue;
                if (fileid_match(f, fst))
                    return true;
            }
        }
        *d = disk_next(*d);
        *cursor = 0;
    }
    return false;
}

bool fileid_find(const struct fileid *f, struct adt **d, struct cmsfs_fst *fst)
{
    unsigned cursor = 0;
    *d = NULL;
    return fileid_next(f, d, &cursor, fst);
}

char fileid_mode_of(const struct adt *d) { return d->mode; }

void fileid_text(char *out, size_t size, const struct adt *d, const struct cmsfs_fst *fst)
{
    char fn[9], ft[9];
    e2a_field(fn, fst->fn, 8);
    e2a_field(ft, fst->ft, 8);
    snprintf(out, size, "%s %s %c%u", fn, ft, fileid_mode_of(d), fst->fm_number);
}
