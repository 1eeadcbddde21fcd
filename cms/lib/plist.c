/*
 * plist.c - R6 parameter lists as a C program builds them (cmslib.h,
 * plist.h): the tokenised plist of a command, 8-byte name fields, file
 * modes, the FSCB; and CMS's command scanner itself, which the nucleus
 * uses for the lines typed at the terminal (cms_scan). Portable:
 * tests/unit/test_cmslib.c runs it on the host.
 */
#include <string.h>
#include "cms/lib/cmslib.h"
#include "console/ebcdic.h"

static char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }

int cmslib_scan(const char *line, char (*tok)[8], int max)
{
    int n = 0;
    const char *p = line;
    while (*p && n < max) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *start = p;
        if (*p == '(' || *p == ')')
            p++;
        else
            while (*p && *p != ' ' && *p != '(' && *p != ')')
                p++;
        size_t len = (size_t)(p - start);
        memset(tok[n], ' ', 8);
        memcpy(tok[n], start, len > 8 ? 8 : len);
        n++;
    }
    return n;
}

int cmslib_tokens(const char *line, uint8_t *out, int max)
{
    char tok[CMSLIB_MAXTOK][8];
    int n = cmslib_scan(line, tok, max < CMSLIB_MAXTOK ? max : CMSLIB_MAXTOK);
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < 8; k++)
            tok[i][k] = upper(tok[i][k]);
        a2e(out + 8 * i, tok[i], 8);
    }
    memset(out + 8 * n, PLIST_FENCE, 8);
    return n;
}

bool cmslib_field(uint8_t out[8], const char *name)
{
    size_t n = name ? strlen(name) : 0;
    memset(out, EBCDIC_BLANK, 8);
    if (n == 0 || n > 8)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = upper(name[i]);
        a2e(out + i, &c, 1);
    }
    return true;
}

bool cmslib_fmode(uint8_t out[2], const char *fm)
{
    size_t n = fm ? strlen(fm) : 0;
    out[0] = out[1] = EBCDIC_BLANK;
    if (n > 2)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = upper(fm[i]);
        a2e(out + i, &c, 1);
    }
    return true;
}

bool cmslib_fscb(uint8_t p[FSCB_LEN], const char *func, const char *fn, const char *ft,
                 const char *fm)
{
    memset(p, 0, FSCB_LEN);
    bool ok = cmslib_field(p + FSCB_COMM, func);
    ok &= cmslib_field(p + FSCB_FN, fn);
    ok &= cmslib_field(p + FSCB_FT, ft);
    ok &= cmslib_fmode(p + FSCB_FM, fm);
    return ok;
}
