/*
 * fmode.c - fopen's arguments (cmslib.h): "FN FT [FM]" and the mode with
 * IBM C-style keywords ("w,recfm=F,lrecl=80"). Portable:
 * tests/unit/test_cmslib.c runs it on the host.
 */
#include <string.h>
#include "cms/lib/cmslib.h"

static char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* The next word of s (separators: blanks, and dots if dots), upper-cased,
 * into out (max-1 characters at most). Returns its length, -1 if longer. */
static int word(const char **s, char *out, size_t max, bool dots)
{
    const char *p = *s;
    while (*p == ' ' || (dots && *p == '.'))
        p++;
    size_t n = 0;
    while (*p && *p != ' ' && !(dots && *p == '.')) {
        if (n + 1 >= max)
            return -1;
        out[n++] = upper(*p++);
    }
    out[n] = 0;
    *s = p;
    return (int)n;
}

/* A keyword of the mode: "name=value", case-insensitive. */
static int keyword(const char *k, size_t len, struct cmslib_fopen *o)
{
    char name[16], value[16];
    const char *eq = memchr(k, '=', len);
    if (!eq || (size_t)(eq - k) >= sizeof(name) || len - (size_t)(eq - k) - 1 >= sizeof(value))
        return 0; /* not one of ours: ignored */
    size_t nl = (size_t)(eq - k), vl = len - nl - 1;
    for (size_t i = 0; i < nl; i++)
        name[i] = lower(k[i]);
    name[nl] = 0;
    for (size_t i = 0; i < vl; i++)
        value[i] = upper(eq[1 + i]);
    value[vl] = 0;
    if (!strcmp(name, "recfm")) {
        if (value[0] != 'F' && value[0] != 'V')
            return -1;
        o->recfm = value[0];
    } else if (!strcmp(name, "lrecl")) {
        uint32_t v = 0;
        if (!value[0])
            return -1;
        for (const char *p = value; *p; p++) {
            if (*p < '0' || *p > '9' || v > 65535)
                return -1;
            v = v * 10 + (uint32_t)(*p - '0');
        }
        if (v == 0 || v > 65535)
            return -1;
        o->lrecl = v;
    }
    return 0;
}

int cmslib_fopen_parse(const char *name, const char *mode, struct cmslib_fopen *o)
{
    memset(o, 0, sizeof(*o));
    bool dots = strchr(name, ' ') == NULL;
    const char *p = name;
    if (word(&p, o->fn, sizeof(o->fn), dots) <= 0 || word(&p, o->ft, sizeof(o->ft), dots) <= 0)
        return -1;
    if (word(&p, o->fm, sizeof(o->fm), dots) < 0)
        return -1;
    while (*p == ' ')
        p++;
    if (*p)
        return -1;
    /* the mode: a letter, "b"/"t", then keywords after commas */
    const char *m = mode;
    while (*m == ' ')
        m++;
    if (*m != 'r' && *m != 'w' && *m != 'a')
        return -1;
    o->how = *m++;
    for (; *m && *m != ','; m++) {
        if (*m == 'b')
            o->binary = true;
        else if (*m != 't' && *m != ' ')
            return -1; /* "+" and anything else */
    }
    while (*m == ',') {
        m++;
        while (*m == ' ')
            m++;
        const char *k = m;
        while (*m && *m != ',' && *m != ' ')
            m++;
        if (keyword(k, (size_t)(m - k), o) < 0)
            return -1;
        while (*m == ' ')
            m++;
    }
    return *m ? -1 : 0;
}
