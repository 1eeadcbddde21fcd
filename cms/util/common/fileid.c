/*
 * fileid.c - file identifiers as the utilities take them (util.h): three
 * tokens, "*" patterns in input ids, "=" standing for the corresponding
 * id of another file (alone, or as a prefix or suffix: FILE= makes FILEA
 * of A), and FSSTATE with R6's messages (reference vm370.md 5.3).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/util.h"

static void copy8(char out[9], const char *s)
{
    size_t n = strlen(s);
    if (n > 8)
        n = 8;
    memcpy(out, s, n);
    out[n] = 0;
}

void util_fid_take(struct util_fid *f, char **argv, int i)
{
    copy8(f->fn, argv[i]);
    copy8(f->ft, argv[i + 1]);
    copy8(f->fm, argv[i + 2]);
}

int util_two_fids(const char *mod, int paren, char **argv, struct util_fid *a, struct util_fid *b)
{
    if (paren == 1) {
        util_msg(mod, "001E", "NO FILENAME SPECIFIED");
        return 24;
    }
    if (paren < 7) {
        util_msg(mod, "054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    if (paren > 7) {
        util_msg(mod, "070E", "INVALID PARAMETER '%s'", argv[7]);
        return 24;
    }
    util_fid_take(a, argv, 1);
    util_fid_take(b, argv, 4);
    return 0;
}

bool util_has(const char *tok, char c) { return strchr(tok, c) != NULL; }

static bool name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c && strchr("$#@+-:_", c));
}

/* The first character a name may not have, or 0. */
static char bad_name(const char *s, unsigned allow)
{
    size_t n = strlen(s);
    int eq = 0;
    if (n == 0)
        return ' ';
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (name_char(c))
            continue;
        if (c == '*' && (allow & UTIL_STAR) && i == n - 1)
            continue;
        if (c == '=' && (allow & UTIL_EQ) && eq++ == 0)
            continue;
        return c;
    }
    return 0;
}

static bool good_mode(const char *m, unsigned allow)
{
    char l = m[0], d = m[0] ? m[1] : 0;
    if (strlen(m) > 2 || !((l >= 'A' && l <= 'Z') || (l == '*' && (allow & UTIL_STAR)) ||
                           (l == '=' && (allow & UTIL_EQ))))
        return false;
    return d == 0 || (d >= '0' && d <= '6') || (d == '*' && (allow & UTIL_STAR));
}

int util_fid_check(const char *mod, const struct util_fid *f, unsigned allow)
{
    char c = bad_name(f->fn, allow);
    if (!c)
        c = bad_name(f->ft, allow);
    if (c) {
        char id[32];
        util_fid_text(id, sizeof(id), f);
        util_msg(mod, "062E", "INVALID CHARACTER '%c' IN FILEID '%s'", c, id);
        return 20;
    }
    if (!good_mode(f->fm, allow)) {
        util_msg(mod, "048E", "INVALID MODE '%s'", f->fm);
        return 24;
    }
    return 0;
}

void util_subst(char out[9], const char *tok, const char *actual)
{
    char buf[32]; /* out may be tok */
    const char *eq = strchr(tok, '=');
    if (eq)
        snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(eq - tok), tok, actual, eq + 1);
    else
        snprintf(buf, sizeof(buf), "%s", tok);
    copy8(out, buf);
}

void util_fst_fid(struct util_fid *f, const struct cms_fst *fst)
{
    copy8(f->fn, fst->fn);
    copy8(f->ft, fst->ft);
    copy8(f->fm, fst->fm);
}

void util_fid_text(char *out, size_t size, const struct util_fid *f)
{
    snprintf(out, size, "%s %s %s", f->fn, f->ft, f->fm);
}

int util_state(const char *mod, const struct util_fid *f, struct cms_fst *fst, bool msg)
{
    int rc = fsstate(f->fn, f->ft, f->fm, fst);
    if (rc == 0 || !msg)
        return rc;
    switch (rc) {
    case 28: return util_not_found(mod, f);
    case 36: util_msg(mod, "069E", "DISK '%c' NOT ACCESSED", f->fm[0]); return 36;
    default: return util_fid_check(mod, f, UTIL_STAR) ? rc : util_read_error(mod, rc, f);
    }
}

int util_out_state(const char *mod, struct util_fid *f, char dflt, struct cms_fst *fst,
                   bool *exists)
{
    int rc = util_state(mod, f, fst, false);
    if (rc != 0 && rc != 28)
        return util_state(mod, f, fst, true);
    *exists = rc == 0;
    if (!f->fm[1]) {
        f->fm[1] = *exists ? fst->fm[1] : dflt;
        f->fm[2] = 0;
    }
    return 0;
}

int util_existing_file(const char *mod, char **argv, int first, int paren, struct util_fid *f,
                       struct cms_fst *fst)
{
    int n = paren - first;
    if (n < 2) {
        util_msg(mod, "054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    if (n > 3) {
        util_msg(mod, "070E", "INVALID PARAMETER '%s'", argv[first + 3]);
        return 24;
    }
    copy8(f->fn, argv[first]);
    copy8(f->ft, argv[first + 1]);
    copy8(f->fm, n == 3 ? argv[first + 2] : "*");
    int rc = util_state(mod, f, fst, true);
    if (rc == 0)
        util_fst_fid(f, fst);
    return rc;
}
