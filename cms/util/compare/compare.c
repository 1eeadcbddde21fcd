/*
 * compare.c - COMPARE: two files record by record, the records that
 * differ typed (R6's DMSCMP; reference vm370.md 5.5 and the R6 COMPARE
 * help).
 *
 *   COMpare fileid1 fileid2 [( COL mmm-[nnn] [)]]
 *
 * Entry: compare_main(argc, argv). All three ids of both files are
 * needed; "=" in fileid2 is the id of fileid1 ("= = =" is refused).
 * DMSCMP179I COMPARING fn ft fm WITH fn ft fm names the files found; each
 * pair of records that differ (in columns mmm to nnn, nnn defaulting to
 * the end of the record) is typed, the first file's record, the second's
 * and an empty line; the last one is followed by DMSCMP209W FILES DO NOT
 * COMPARE. One file ending before the other: DMSCMP010E PREMATURE EOF ON
 * FILE 'fn ft fm'.
 *
 * Returns: 0 the files compare; 4 they do not; 20/24 bad ids or options;
 * 28 not found; 36 disk not accessed; 40 premature end of file; 100
 * read error; 104 no storage.
 */
#include <string.h>
#include "cms/util/common/util.h"
#include "cms/util/compare/compare.h"

#define MOD "CMP"

enum { O_COL, NOPT };
static const struct util_opt opts[NOPT] = {{"COL", 3, UTIL_ARG_WORD}};

struct cmp {
    struct cms_fst f[2];
    struct util_fid id[2];
    uint32_t from, to; /* columns, 1-based; to 0: to the end */
    uint8_t *rec[2];
    size_t len[2];
    char *line;
};

/* "mmm-nnn" or "mmm-". */
static int parse_col(struct cmp *c, const char *w)
{
    const char *dash = strchr(w, '-');
    char a[9];
    if (dash && (size_t)(dash - w) < sizeof(a)) {
        memcpy(a, w, (size_t)(dash - w));
        a[dash - w] = 0;
        if (util_number(a, &c->from) &&
            (!dash[1] || (util_number(dash + 1, &c->to) && c->to >= c->from)))
            return 0;
    }
    util_msg(MOD, "029E", "INVALID PARAMETER '%s' IN THE OPTION 'COL' FIELD", w);
    return 24;
}

/* The columns of record k that are compared. */
static const uint8_t *cols(const struct cmp *c, int k, size_t *n)
{
    size_t len = c->len[k], end = c->to && c->to < len ? c->to : len;
    if (c->from > end) {
        *n = 0;
        return c->rec[k];
    }
    *n = end - c->from + 1;
    return c->rec[k] + c->from - 1;
}

static void type_record(const struct cmp *c, int k)
{
    for (size_t i = 0; i < c->len[k]; i++)
        c->line[i] = util_e2a(c->rec[k][i]);
    wrterm(c->line, c->len[k]);
}

static int compare(struct cmp *c, int argc, char **argv)
{
    struct util_optval o[NOPT];
    int paren = util_paren(argc, argv);
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, o);
    if (!rc)
        rc = util_two_fids(MOD, paren, argv, &c->id[0], &c->id[1]);
    if (rc)
        return rc;
    c->from = 1;
    if (o[O_COL].set && (rc = parse_col(c, o[O_COL].word)))
        return rc;
    struct util_fid *a = &c->id[0], *b = &c->id[1];
    if ((rc = util_fid_check(MOD, a, UTIL_STAR)) ||
        (rc = util_fid_check(MOD, b, UTIL_STAR | UTIL_EQ)))
        return rc;
    if (!strcmp(b->fn, "=") && !strcmp(b->ft, "=") && !strcmp(b->fm, "=")) {
        util_msg(MOD, "019E", "IDENTICAL FILEIDS");
        return 24;
    }
    util_subst(b->fn, b->fn, a->fn);
    util_subst(b->ft, b->ft, a->ft);
    util_subst(b->fm, b->fm, a->fm);
    for (int k = 0; k < 2; k++) {
        if ((rc = util_state(MOD, &c->id[k], &c->f[k], true)))
            return rc;
        util_fst_fid(&c->id[k], &c->f[k]);
    }
    char t0[32], t1[32];
    util_fid_text(t0, sizeof(t0), a);
    util_fid_text(t1, sizeof(t1), b);
    util_msg(MOD, "179I", "COMPARING %s WITH %s", t0, t1);
    if (!(c->rec[0] = util_alloc(MOD, UTIL_MAXREC)) ||
        !(c->rec[1] = util_alloc(MOD, UTIL_MAXREC)) || !(c->line = util_alloc(MOD, UTIL_MAXREC)))
        return UTIL_NOSTORAGE;
    bool differ = false;
    for (uint32_t r = 1;; r++) {
        int e[2];
        for (int k = 0; k < 2; k++) {
            e[k] =
                fsread(c->f[k].fn, c->f[k].ft, c->f[k].fm, r, c->rec[k], UTIL_MAXREC, &c->len[k]);
            if (e[k] && e[k] != 12)
                return util_read_error(MOD, e[k], &c->id[k]);
        }
        if (e[0] == 12 && e[1] == 12)
            break;
        if (e[0] == 12 || e[1] == 12) {
            util_msg(MOD, "010E", "PREMATURE EOF ON FILE '%s'", e[0] == 12 ? t0 : t1);
            return 40;
        }
        size_t n0, n1;
        const uint8_t *p0 = cols(c, 0, &n0), *p1 = cols(c, 1, &n1);
        if (n0 == n1 && memcmp(p0, p1, n0) == 0)
            continue;
        differ = true;
        type_record(c, 0);
        type_record(c, 1);
        wrterm("", 0);
    }
    if (!differ)
        return 0;
    util_msg(MOD, "209W", "FILES DO NOT COMPARE");
    return 4;
}

int compare_main(int argc, char **argv)
{
    struct cmp *c = util_alloc(MOD, sizeof(*c));
    if (!c)
        return UTIL_NOSTORAGE;
    memset(c, 0, sizeof(*c));
    int rc = compare(c, argc, argv);
    for (int k = 0; k < 2; k++)
        if (c->f[k].fn[0])
            fsclose(c->f[k].fn, c->f[k].ft, c->f[k].fm);
    util_free(c->rec[0], UTIL_MAXREC);
    util_free(c->rec[1], UTIL_MAXREC);
    util_free(c->line, UTIL_MAXREC);
    util_free(c, sizeof(*c));
    return rc;
}
