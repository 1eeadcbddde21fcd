/*
 * sort.c - SORT: the records of a fixed-length file in ascending EBCDIC
 * order of sort fields (R6's DMSSRT; reference vm370.md 5.5 and the R6
 * SORT help).
 *
 *   SORT fileid1 fileid2
 *
 * Entry: sort_main(argc, argv). SORT asks DMSSRT604R ENTER SORT FIELDS:
 * and reads one line of column pairs "start end"; the leftmost pair is
 * the major field, at most 253 positions in all. Records that compare
 * equal keep their order. fileid2 must differ from fileid1 (DMSSRT019E
 * IDENTICAL FILEIDS); an existing fileid2 is replaced, through the work
 * file SORT CMSUT1 so that a failure leaves it as it was.
 *
 * Returns: 0; 20/24 bad file ids, operands or sort fields; 28 input not
 * found; 32 input not fixed-length; 36 disk not accessed or read-only;
 * 100 read or write error; 104 no storage.
 */
#include <string.h>
#include "cms/util/common/util.h"
#include "cms/util/sort/sort.h"

#define MOD      "SRT"
#define MAXFIELD 64
#define MAXPOS   253 /* R6: the sort fields' positions in all */

struct field {
    uint32_t start, len; /* 0-based */
};

struct srt {
    struct field f[MAXFIELD];
    int nf;
    uint32_t lrecl, n;
    uint8_t *data; /* n records of lrecl bytes */
    uint32_t *idx, *tmp;
};

static int srt_cmp(const struct srt *s, uint32_t a, uint32_t b)
{
    const uint8_t *ra = s->data + (size_t)a * s->lrecl, *rb = s->data + (size_t)b * s->lrecl;
    for (int k = 0; k < s->nf; k++) {
        int c = memcmp(ra + s->f[k].start, rb + s->f[k].start, s->f[k].len);
        if (c)
            return c;
    }
    return 0;
}

/* A stable merge sort of s->idx, bottom up, through s->tmp. */
static void srt_sort(struct srt *s)
{
    uint32_t *from = s->idx, *to = s->tmp;
    for (uint32_t w = 1; w < s->n; w *= 2) {
        for (uint32_t lo = 0; lo < s->n; lo += 2 * w) {
            uint32_t mid = lo + w < s->n ? lo + w : s->n;
            uint32_t hi = lo + 2 * w < s->n ? lo + 2 * w : s->n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                to[k++] = srt_cmp(s, from[j], from[i]) < 0 ? from[j++] : from[i++];
            while (i < mid)
                to[k++] = from[i++];
            while (j < hi)
                to[k++] = from[j++];
        }
        uint32_t *t = from;
        from = to;
        to = t;
    }
    if (from != s->idx)
        memcpy(s->idx, from, s->n * sizeof(*s->idx));
}

/* The pairs "start end" of line: 0, or 24 after the message. */
static int parse_fields(struct srt *s, const char *line)
{
    uint32_t v[2 * MAXFIELD + 1], total = 0;
    int n = 0;
    const char *p = line;
    for (;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char tok[12];
        size_t l = 0;
        while (p[l] && p[l] != ' ')
            l++;
        if (l >= sizeof(tok) || n == 2 * MAXFIELD)
            goto bad;
        memcpy(tok, p, l);
        tok[l] = 0;
        if (!util_number(tok, &v[n++]))
            goto bad;
        p += l;
    }
    if (n == 0) {
        util_msg(MOD, "063E", "NO LIST ENTERED");
        return 24;
    }
    if (n % 2)
        goto bad;
    for (int k = 0; k < n; k += 2) {
        if (v[k + 1] < v[k])
            goto bad;
        if (v[k + 1] > s->lrecl) {
            util_msg(MOD, "009E", "COLUMN '%u' EXCEEDS RECORD LENGTH", (unsigned)v[k + 1]);
            return 24;
        }
        s->f[s->nf].start = v[k] - 1;
        s->f[s->nf++].len = v[k + 1] - v[k] + 1;
        total += v[k + 1] - v[k] + 1;
    }
    if (total <= MAXPOS)
        return 0;
bad:
    util_msg(MOD, "053E", "INVALID SORT FIELD PAIR DEFINED");
    return 24;
}

static int load(struct srt *s, const struct cms_fst *fst, const struct util_fid *in)
{
    size_t size = (size_t)s->n * s->lrecl;
    if (!(s->data = util_alloc(MOD, size)) || !(s->idx = util_alloc(MOD, s->n * 4u)) ||
        !(s->tmp = util_alloc(MOD, s->n * 4u)))
        return UTIL_NOSTORAGE;
    for (uint32_t r = 0; r < s->n; r++) {
        size_t len;
        int rc = fsread(fst->fn, fst->ft, fst->fm, r + 1, s->data + (size_t)r * s->lrecl, s->lrecl,
                        &len);
        if (rc || len != s->lrecl) {
            fsclose(fst->fn, fst->ft, fst->fm);
            return util_read_error(MOD, rc ? rc : 8, in);
        }
        s->idx[r] = r;
    }
    fsclose(fst->fn, fst->ft, fst->fm);
    return 0;
}

static int sort(struct srt *s, int argc, char **argv)
{
    struct util_fid in, out;
    int paren = util_paren(argc, argv);
    if (paren < argc) {
        util_msg(MOD, "003E", "INVALID OPTION '%s'", paren + 1 < argc ? argv[paren + 1] : "(");
        return 24;
    }
    int rc = util_two_fids(MOD, paren, argv, &in, &out);
    if (!rc)
        rc = util_fid_check(MOD, &in, 0);
    if (!rc)
        rc = util_fid_check(MOD, &out, 0);
    if (rc)
        return rc;
    if (!strcmp(in.fn, out.fn) && !strcmp(in.ft, out.ft) && in.fm[0] == out.fm[0]) {
        util_msg(MOD, "019E", "IDENTICAL FILEIDS");
        return 24;
    }
    struct cms_fst fst, ofst;
    bool exists;
    if ((rc = util_state(MOD, &in, &fst, true)))
        return rc;
    util_fst_fid(&in, &fst);
    if (fst.recfm != 'F') {
        char id[32];
        util_fid_text(id, sizeof(id), &in);
        util_msg(MOD, "034E", "FILE '%s' IS NOT FIXED LENGTH", id);
        return 32;
    }
    if ((rc = util_out_state(MOD, &out, fst.fm[1], &ofst, &exists)))
        return rc;
    s->lrecl = fst.lrecl;
    s->n = fst.records;
    util_msg(MOD, "604R", "ENTER SORT FIELDS:");
    char line[136];
    if (rdterm(line, sizeof(line), true) < 0)
        line[0] = 0;
    if ((rc = parse_fields(s, line)) || (rc = load(s, &fst, &in)))
        return rc;
    srt_sort(s);
    struct util_work w;
    util_work_start(&w, MOD, "SORT", "CMSUT1", &out, 'F');
    for (uint32_t r = 0; r < s->n; r++)
        if ((rc = util_work_write(&w, s->data + (size_t)s->idx[r] * s->lrecl, s->lrecl)))
            return rc;
    return util_work_commit(&w, exists);
}

int sort_main(int argc, char **argv)
{
    struct srt *s = util_alloc(MOD, sizeof(*s));
    if (!s)
        return UTIL_NOSTORAGE;
    memset(s, 0, sizeof(*s));
    int rc = sort(s, argc, argv);
    util_free(s->data, (size_t)s->n * s->lrecl);
    util_free(s->idx, s->n * 4u);
    util_free(s->tmp, s->n * 4u);
    util_free(s, sizeof(*s));
    return rc;
}
