/*
 * plist.c - R6 parameter lists as a C program builds them (cmslib.h):
 * the tokenised plist of a command, 8-byte name fields, file modes, the
 * FSCB. Portable: tests/unit/test_cmslib.c runs it on the host.
 */
#include <string.h>
#include "cms/lib/cmslib.h"
#include "console/ebcdic.h"

static char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }

int cmslib_tokens(const char *line, uint8_t *out, int max)
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
        char t[8];
        memset(t, ' ', 8);
        for (size_t i = 0; i < (size_t)(p - start) && i < 8; i++)
            t[i] = upper(start[i]);
        a2e(out + 8 * n, t, 8);
        n++;
    }
    memset(out + 8 * n, 0xFF, 8);
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

bool cmslib_fscb(uint8_t p[CMSLIB_FSCBLEN], const char *func, const char *fn, const char *ft,
                 const char *fm)
{
    memset(p, 0, CMSLIB_FSCBLEN);
    bool ok = cmslib_field(p, func);
    ok &= cmslib_field(p + 8, fn);
    ok &= cmslib_field(p + 16, ft);
    ok &= cmslib_fmode(p + 24, fm);
    return ok;
}
