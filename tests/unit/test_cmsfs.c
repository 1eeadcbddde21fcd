/*
 * test_cmsfs.c - the CMS file system (cms/fs/) over a disk in storage.
 *
 * The disk is a 3350 minidisk (19 800-byte blocks a track, 30 tracks a
 * cylinder) kept block by block; its io() refuses blocks out of range,
 * counts transfers, writes a request's blocks lowest first (as a driver
 * that sorts by cylinder would), can stop keeping writes after the k-th
 * (a crash) or fail the k-th (an I/O error), and checks on every write
 * that the file system never touches blocks 1-2 or overwrites a block
 * the committed directory on the disk references.
 *
 * Checked: FORMAT's label and MFD byte for byte; F and V files of many
 * sizes read back byte-exact before and after reopening; the FST entry
 * byte for byte; appending and updating without rewriting the file;
 * ERASE, RENAME; many files and QMSK extensions; a full disk and a full
 * directory leaving everything as it was; damaged disks refused with the
 * problem named, and random damage never crashing; a crash after every
 * single write of a sequence of operations, an I/O error at every write
 * and storage running out at every allocation, each leaving a disk that
 * opens and holds every file's old or new version exactly.
 *
 * This file supplies cmsfs_alloc, cmsfs_free and cmsfs_now for the unit
 * tests (allocation can be made to fail, the clock is fixed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/bytes.h"
#include "console/ebcdic.h"
#include "cms/fs/cmsfs.h"
#include "unit.h"

/* ---------------------------------------------------------------- what the file system links with */

static long alloc_fail_at = -1; /* the allocation (counted from 0) that fails */
static long alloc_count;

void *cmsfs_alloc(size_t size)
{
    if (alloc_fail_at >= 0 && alloc_count++ == alloc_fail_at)
        return NULL;
    return malloc(size);
}

void cmsfs_free(void *p) { free(p); }

static struct cmsfs_date test_clock = {26, 11, 24, 21, 7};

void cmsfs_now(struct cmsfs_date *d) { *d = test_clock; }

/* ---------------------------------------------------------------- a disk in storage */

#define BPT 19 /* 3350: 800-byte blocks a track */
#define TPC 30
#define BLK CMSFS_BLKSIZE

struct md {
    struct cmsfs_io io;
    uint32_t nblocks;
    uint8_t **blk;  /* NULL: a block of zeros */
    long writes;    /* blocks written so far */
    long persist;   /* -1, or only the first `persist` block writes reach the disk */
    long fail_at;   /* -1, or the call that would write block write number fail_at fails */
    unsigned calls; /* io() calls */
    bool guard;     /* check that committed blocks are never overwritten */
    int bad;        /* things the file system must never do */
    char badwhy[200];
};

static const uint8_t zeros[BLK];

static const uint8_t *md_get(const struct md *m, uint32_t b)
{
    return m->blk[b - 1] ? m->blk[b - 1] : zeros;
}

static uint8_t *md_mut(struct md *m, uint32_t b)
{
    if (!m->blk[b - 1])
        m->blk[b - 1] = calloc(1, BLK);
    return m->blk[b - 1];
}

/* Is block b marked in use by the committed directory on the disk? */
static bool md_committed(const struct md *m, uint32_t b)
{
    static const uint8_t cms[4] = {0xC3, 0xD4, 0xE2, 0x7E};
    if (memcmp(md_get(m, 3), cms, 4) != 0)
        return false;
    const uint8_t *mfd = md_get(m, 4);
    uint32_t byte = (b - 1) / 8;
    uint8_t mask = (uint8_t)(0x80 >> ((b - 1) % 8));
    if (byte < 215)
        return mfd[384 + byte] & mask;
    unsigned h = 0;
    while (h < 182 && get_be16(mfd + 2 * h) != 0xFFFF && get_be16(mfd + 2 * h) != 0xFFFD)
        h++;
    if (h == 182 || get_be16(mfd + 2 * h) == 0xFFFF)
        return false;
    unsigned i = (byte - 215) / BLK;
    if (h + 1 + i >= 182)
        return false;
    uint16_t e = get_be16(mfd + 2 * (h + 1 + i));
    for (unsigned j = 0; j <= i; j++)
        if (get_be16(mfd + 2 * (h + 1 + j)) == 0)
            return false;
    if (e == 0 || e > m->nblocks)
        return false;
    return md_get(m, e)[(byte - 215) % BLK] & mask;
}

static int md_io(void *ctx, bool write, struct cmsfs_blk *v, unsigned n)
{
    struct md *m = ctx;
    m->calls++;
    for (unsigned i = 0; i < n; i++)
        if (v[i].block < 1 || v[i].block > m->nblocks) {
            m->bad++;
            snprintf(m->badwhy, sizeof(m->badwhy), "block %u out of range", (unsigned)v[i].block);
            return -1;
        }
    if (!write) {
        for (unsigned i = 0; i < n; i++)
            memcpy(v[i].buf, md_get(m, v[i].block), BLK);
        return 0;
    }
    if (m->fail_at >= 0 && m->writes <= m->fail_at && m->writes + n > m->fail_at) {
        m->fail_at = -1;
        return -1;
    }
    for (unsigned i = 0; i < n; i++) {
        uint32_t b = v[i].block;
        bool kept = m->persist < 0 || m->writes + i < m->persist; /* past a crash: moot */
        if (b <= 2 || (kept && m->guard && b > 4 && md_committed(m, b))) {
            m->bad++;
            snprintf(m->badwhy, sizeof(m->badwhy), "wrote block %u", (unsigned)b);
        }
        for (unsigned j = 0; j < i; j++)
            if (v[j].block == b) {
                m->bad++;
                snprintf(m->badwhy, sizeof(m->badwhy), "block %u twice in one call", (unsigned)b);
            }
    }
    /* like a driver that sorts a request by cylinder: lowest block first */
    for (unsigned i = 1; i < n; i++)
        for (unsigned j = i; j > 0 && v[j - 1].block > v[j].block; j--) {
            struct cmsfs_blk t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    for (unsigned i = 0; i < n; i++) {
        m->writes++;
        if (m->persist < 0 || m->writes <= m->persist)
            memcpy(md_mut(m, v[i].block), v[i].buf, BLK);
    }
    return 0;
}

static struct md *md_new(unsigned cyls)
{
    struct md *m = calloc(1, sizeof(*m));
    m->nblocks = cyls * BPT * TPC;
    m->blk = calloc(m->nblocks, sizeof(*m->blk));
    m->io = (struct cmsfs_io){m, BPT, TPC, cyls, false, md_io};
    m->persist = -1;
    m->fail_at = -1;
    m->guard = true;
    return m;
}

static struct md *md_clone(const struct md *o)
{
    struct md *m = md_new(o->io.cylinders);
    for (uint32_t i = 0; i < o->nblocks; i++)
        if (o->blk[i]) {
            m->blk[i] = malloc(BLK);
            memcpy(m->blk[i], o->blk[i], BLK);
        }
    return m;
}

static bool md_same(const struct md *a, const struct md *b)
{
    for (uint32_t i = 1; i <= a->nblocks; i++)
        if (memcmp(md_get(a, i), md_get(b, i), BLK) != 0)
            return false;
    return true;
}

static void md_free(struct md *m)
{
    for (uint32_t i = 0; i < m->nblocks; i++)
        free(m->blk[i]);
    free(m->blk);
    free(m);
}

static void md_ok(struct md *m)
{
    if (m->bad)
        printf("\n    disk: %s", m->badwhy);
    CU_ASSERT_EQUAL(m->bad, 0);
}

/* ---------------------------------------------------------------- helpers */

static const uint8_t EB_A = 0xC1, EB_F = 0xC6, EB_V = 0xE5;

static void nm(uint8_t out[8], const char *s) { CU_ASSERT_FATAL(cmsfs_name(out, s)); }

static void label(uint8_t out[6], const char *s) { a2e_field(out, 6, s); }

static void fmt(struct md *m, const char *lbl, unsigned cyls)
{
    uint8_t l[6];
    label(l, lbl);
    bool g = m->guard;
    m->guard = false; /* FORMAT overwrites whatever was there */
    CU_ASSERT_EQUAL_FATAL(cmsfs_format(&m->io, l, cyls), CMSFS_OK);
    m->guard = g;
}

static struct cmsfs_disk *opn(struct md *m)
{
    struct cmsfs_disk *d = NULL;
    char why[200] = "";
    int rc = cmsfs_open_why(&m->io, &d, why, sizeof(why));
    if (rc)
        printf("\n    open: %s (%s)", cmsfs_strerror(rc), why);
    CU_ASSERT_EQUAL_FATAL(rc, CMSFS_OK);
    return d;
}

static void cls(struct cmsfs_disk *d) { CU_ASSERT_EQUAL(cmsfs_close(d), CMSFS_OK); }

/* A formatted minidisk of cyls cylinders, accessed. */
static struct cmsfs_disk *fresh(struct md **mp, unsigned cyls, const char *lbl)
{
    *mp = md_new(cyls);
    fmt(*mp, lbl, cyls);
    return opn(*mp);
}

/* Record contents: bytes from a tag, so a model need keep only tags. */
static void gen(uint32_t tag, uint32_t len, uint8_t *buf)
{
    for (uint32_t j = 0; j < len; j++) {
        uint32_t x = tag * 0x9E3779B1u + j * 0x85EBCA6Bu;
        buf[j] = (uint8_t)((x >> 24) ^ (x >> 11));
    }
}

/* A V record's length from its tag: 1..max. */
static uint32_t vlen(uint32_t tag, uint32_t max) { return 1 + (tag * 2654435761u >> 7) % max; }

/* ---------------------------------------------------------------- a model of the files */

struct mrec {
    uint32_t tag, len;
};
struct mfile {
    char fn[9], ft[9];
    uint8_t recfm;
    uint32_t lrecl, n;
    struct mrec *r;
};
#define MAXMF 64
struct model {
    unsigned nf;
    struct mfile f[MAXMF];
};

static struct mfile *mfind(struct model *mo, const char *fn, const char *ft)
{
    for (unsigned i = 0; i < mo->nf; i++)
        if (strcmp(mo->f[i].fn, fn) == 0 && strcmp(mo->f[i].ft, ft) == 0)
            return &mo->f[i];
    return NULL;
}

static void mdrop(struct model *mo, struct mfile *f)
{
    free(f->r);
    *f = mo->f[--mo->nf];
}

static void mcopy(struct model *dst, const struct model *src)
{
    *dst = *src;
    for (unsigned i = 0; i < src->nf; i++) {
        dst->f[i].r = malloc((src->f[i].n + 1) * sizeof(struct mrec));
        if (src->f[i].n)
            memcpy(dst->f[i].r, src->f[i].r, src->f[i].n * sizeof(struct mrec));
    }
}

static void mfree(struct model *mo)
{
    while (mo->nf)
        mdrop(mo, &mo->f[0]);
}

/* Does the disk hold exactly the model's files? (messages say why not) */
static bool disk_is(struct cmsfs_disk *d, const struct model *mo, const char *ctx)
{
    struct cmsfs_info in;
    cmsfs_disk_info(d, &in);
    if (in.files != mo->nf) {
        printf("\n    %s: %u files, expected %u", ctx, in.files, mo->nf);
        return false;
    }
    uint8_t *buf = malloc(65536), *want = malloc(65536);
    bool ok = true;
    for (unsigned i = 0; i < mo->nf && ok; i++) {
        const struct mfile *f = &mo->f[i];
        uint8_t fn[8], ft[8];
        nm(fn, f->fn);
        nm(ft, f->ft);
        struct cmsfs_fst st;
        struct cmsfs_rfile *r = NULL;
        if (cmsfs_find(d, fn, ft, &st) || st.records != f->n || st.recfm != f->recfm ||
            (f->recfm == EB_F && st.lrecl != f->lrecl) || cmsfs_ropen(d, fn, ft, &r)) {
            printf("\n    %s: %s %s missing or wrong FST", ctx, f->fn, f->ft);
            ok = false;
            break;
        }
        uint32_t longest = 0;
        for (uint32_t k = 0; k < f->n && ok; k++) {
            size_t len = 0;
            int rc = cmsfs_read(r, 0, buf, 65536, &len);
            gen(f->r[k].tag, f->r[k].len, want);
            if (rc || len != f->r[k].len || memcmp(buf, want, len) != 0) {
                printf("\n    %s: %s %s record %u differs (rc %d)", ctx, f->fn, f->ft,
                       (unsigned)k + 1, rc);
                ok = false;
            }
            if (f->r[k].len > longest)
                longest = f->r[k].len;
        }
        size_t len;
        if (ok && cmsfs_read(r, 0, buf, 65536, &len) != CMSFS_EEOF) {
            printf("\n    %s: %s %s has more records", ctx, f->fn, f->ft);
            ok = false;
        }
        if (ok && f->recfm == EB_V && st.lrecl < longest) {
            printf("\n    %s: %s %s LRECL %u < %u", ctx, f->fn, f->ft, (unsigned)st.lrecl,
                   (unsigned)longest);
            ok = false;
        }
        cmsfs_rclose(r);
    }
    free(buf);
    free(want);
    return ok;
}

/* Release the disk and access it again: it must hold exactly the model's files. */
static struct cmsfs_disk *again(struct md *m, struct cmsfs_disk *d, const struct model *mo,
                                const char *ctx)
{
    cls(d);
    d = opn(m);
    CU_ASSERT_TRUE(disk_is(d, mo, ctx));
    return d;
}

/* The end of a test: the model freed, the disk checked and freed. */
static void finish(struct md *m, struct model *mo)
{
    mfree(mo);
    md_ok(m);
    md_free(m);
}

/* ---------------------------------------------------------------- operations, on the disk and the model */

enum { OP_WRITE, OP_APPEND, OP_UPDATE, OP_ERASE, OP_RENAME };
struct op {
    int op;
    const char *fn, *ft;
    char recfm;      /* 'F' or 'V' */
    uint32_t lrecl;  /* F: LRECL; V: the longest record made */
    uint32_t n;      /* records to write or append; OP_UPDATE: the record */
    uint32_t tag;    /* first record's tag */
    const char *nfn; /* OP_RENAME */
    const char *nft;
};

/* Run one operation; 0 if it did all it should. The model follows only
 * what succeeded. */
static int run_op(struct cmsfs_disk *d, struct model *mo, const struct op *o)
{
    uint8_t fn[8], ft[8];
    nm(fn, o->fn);
    nm(ft, o->ft);
    uint8_t recfm = o->recfm == 'V' ? EB_V : EB_F;
    uint8_t *buf = malloc(65536);
    struct mfile *mf = mfind(mo, o->fn, o->ft);
    int rc = 0;
    if (o->op == OP_WRITE || o->op == OP_APPEND) {
        struct cmsfs_wfile *w;
        int how = o->op == OP_WRITE ? CMSFS_W_REPLACE : CMSFS_W_APPEND;
        rc = cmsfs_wopen(d, fn, ft, EB_A, 1, recfm, o->lrecl, how, &w);
        if (rc == 0) {
            struct mrec *add = malloc((o->n + 1) * sizeof(*add));
            for (uint32_t k = 0; k < o->n && rc == 0; k++) {
                uint32_t tag = o->tag + k;
                add[k] = (struct mrec){tag, recfm == EB_F ? o->lrecl : vlen(tag, o->lrecl)};
                gen(tag, add[k].len, buf);
                rc = cmsfs_write(w, 0, buf, add[k].len);
            }
            int rc2 = cmsfs_wclose(w, true);
            if (rc == 0)
                rc = rc2;
            if (rc == 0) {
                if (mf && how == CMSFS_W_REPLACE)
                    mdrop(mo, mf);
                mf = mfind(mo, o->fn, o->ft);
                if (!mf && o->n) {
                    mf = &mo->f[mo->nf++];
                    memset(mf, 0, sizeof(*mf));
                    snprintf(mf->fn, 9, "%s", o->fn);
                    snprintf(mf->ft, 9, "%s", o->ft);
                    mf->recfm = recfm;
                    mf->lrecl = o->lrecl;
                }
                if (mf) {
                    struct mrec *r = malloc((mf->n + o->n + 1) * sizeof(*r));
                    if (mf->n)
                        memcpy(r, mf->r, mf->n * sizeof(*r));
                    memcpy(r + mf->n, add, o->n * sizeof(*r));
                    free(mf->r);
                    mf->r = r;
                    mf->n += o->n;
                }
            }
            free(add);
        }
    } else if (o->op == OP_UPDATE) {
        struct cmsfs_wfile *w;
        rc = cmsfs_wopen(d, fn, ft, EB_A, 1, recfm, o->lrecl, CMSFS_W_APPEND, &w);
        if (rc == 0) {
            uint32_t len = mf ? mf->r[o->n - 1].len : 1;
            gen(o->tag, len, buf);
            rc = cmsfs_write(w, o->n, buf, len);
            int rc2 = cmsfs_wclose(w, true);
            if (rc == 0)
                rc = rc2;
            if (rc == 0 && mf)
                mf->r[o->n - 1].tag = o->tag;
        }
    } else if (o->op == OP_ERASE) {
        rc = cmsfs_erase(d, fn, ft);
        if (rc == 0 && mf)
            mdrop(mo, mf);
    } else {
        uint8_t nfn[8], nft[8];
        nm(nfn, o->nfn);
        nm(nft, o->nft);
        rc = cmsfs_rename(d, fn, ft, nfn, nft, -1);
        if (rc == 0 && mf) {
            snprintf(mf->fn, 9, "%s", o->nfn);
            snprintf(mf->ft, 9, "%s", o->nft);
        }
    }
    free(buf);
    return rc;
}

static void run_ops(struct cmsfs_disk *d, struct model *mo, const struct op *ops, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int rc = run_op(d, mo, &ops[i]);
        if (rc)
            printf("\n    op %zu (%s %s): %s", i, ops[i].fn, ops[i].ft, cmsfs_strerror(rc));
        CU_ASSERT_EQUAL(rc, CMSFS_OK);
    }
}

/* ---------------------------------------------------------------- names */

static void test_names(void)
{
    static const struct {
        const char *in;
        bool ok;
        uint8_t out[8];
    } rows[] = {
        {"PROFILE", true, {0xD7, 0xD9, 0xD6, 0xC6, 0xC9, 0xD3, 0xC5, 0x40}},
        {"exec", true, {0xC5, 0xE7, 0xC5, 0xC3, 0x40, 0x40, 0x40, 0x40}},
        {"A1$#@+-:", true, {0xC1, 0xF1, 0x5B, 0x7B, 0x7C, 0x4E, 0x60, 0x7A}},
        {"X_Y", true, {0xE7, 0x6D, 0xE8, 0x40, 0x40, 0x40, 0x40, 0x40}},
        {"", false, {0}},
        {"TOOLONGXX", false, {0}},
        {"A.B", false, {0}},
        {"A B", false, {0}},
        {"*", false, {0}},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        uint8_t out[8];
        bool ok = cmsfs_name(out, rows[i].in);
        CU_ASSERT_EQUAL(ok, rows[i].ok);
        if (ok && rows[i].ok)
            CU_ASSERT_EQUAL(memcmp(out, rows[i].out, 8), 0);
    }
    for (int e = 0; e >= -14; e--)
        CU_ASSERT_PTR_NOT_NULL(strstr(cmsfs_strerror(e), " ") ? "" : NULL);
}

/* ---------------------------------------------------------------- FORMAT */

static void test_format_bytes(void)
{
    static const struct {
        unsigned disk_cyls, cyls;
        uint32_t num;
    } rows[] = {
        {1, 1, 570}, /* the 1-cylinder 3350 of the reference */
        {5, 5, 2850},
        {5, 2, 1140},      /* RECOMP */
        {200, 200, 65531}, /* capped: block numbers are halfwords */
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        struct md *m = md_new(rows[i].disk_cyls);
        memset(md_mut(m, 1), 0x11, BLK); /* IPL records stay */
        memset(md_mut(m, 2), 0x22, BLK);
        memset(md_mut(m, 4), 0x99, BLK);
        fmt(m, "CMS191", rows[i].cyls);
        static const uint8_t lbl[10] = {0xC3, 0xD4, 0xE2, 0x7E, 0xC3, 0xD4, 0xE2, 0xF1, 0xF9, 0xF1};
        CU_ASSERT_EQUAL(memcmp(md_get(m, 3), lbl, 10), 0);
        CU_ASSERT_EQUAL(memcmp(md_get(m, 3) + 10, zeros, BLK - 10), 0);
        const uint8_t *mfd = md_get(m, 4);
        uint8_t want[BLK] = {0x00, 0x05, 0xFF, 0xFF};
        put_be32(want + 364, rows[i].num);
        put_be32(want + 368, 5);
        put_be32(want + 372, rows[i].num - 5);
        put_be32(want + 376, 0);
        put_be32(want + 380, rows[i].cyls);
        want[384] = 0xF8; /* blocks 1-5 */
        CU_ASSERT_EQUAL(memcmp(mfd, want, BLK), 0);
        CU_ASSERT_EQUAL(memcmp(md_get(m, 5), zeros, BLK), 0);
        CU_ASSERT_EQUAL(md_get(m, 1)[0], 0x11);
        CU_ASSERT_EQUAL(md_get(m, 2)[799], 0x22);
        struct cmsfs_disk *d = opn(m);
        struct cmsfs_info in;
        cmsfs_disk_info(d, &in);
        CU_ASSERT_EQUAL(in.total, rows[i].num);
        CU_ASSERT_EQUAL(in.used, 5);
        CU_ASSERT_EQUAL(in.left, rows[i].num - 5);
        CU_ASSERT_EQUAL(in.cylinders, rows[i].cyls);
        CU_ASSERT_EQUAL(in.files, 0);
        CU_ASSERT_EQUAL(in.blocks_per_track, BPT);
        CU_ASSERT_EQUAL(memcmp(in.label, lbl + 4, 6), 0);
        unsigned cur = 0;
        struct cmsfs_fst f;
        CU_ASSERT_FALSE(cmsfs_next(d, &cur, &f));
        cls(d);
        md_ok(m);
        md_free(m);
    }
}

/* FORMAT n ( RECOMP: the files stay; shrinking below a block in use is
 * refused with nothing written. */
static void test_recomp(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 2, "RECOMP");
    struct model mo = {0};
    struct op o = {OP_WRITE, "KEEP", "DATA", 'F', 80, 50, 7, NULL, NULL};
    run_ops(d, &mo, &o, 1);
    cls(d);
    CU_ASSERT_EQUAL(cmsfs_recomp(&m->io, 1), CMSFS_OK);
    d = opn(m);
    CU_ASSERT_TRUE(disk_is(d, &mo, "after RECOMP to 1 cylinder"));
    struct cmsfs_info in;
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.cylinders, 1);
    CU_ASSERT_EQUAL(in.total, BPT * TPC);
    CU_ASSERT_EQUAL(in.left, in.total - in.used);
    /* fill the one cylinder's worth, grow back, then a file beyond it */
    cls(d);
    CU_ASSERT_EQUAL(cmsfs_recomp(&m->io, 2), CMSFS_OK);
    d = opn(m);
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.total, 2 * BPT * TPC);
    struct op big = {OP_WRITE, "BIG", "DATA", 'F', 800, BPT * TPC, 11, NULL, NULL};
    run_ops(d, &mo, &big, 1);
    cls(d);
    struct md *before = md_clone(m);
    CU_ASSERT_EQUAL(cmsfs_recomp(&m->io, 1), CMSFS_EFULL);
    CU_ASSERT_TRUE(md_same(m, before));
    md_free(before);
    CU_ASSERT_EQUAL(cmsfs_recomp(&m->io, 3), CMSFS_EINVAL); /* more than the minidisk */
    d = opn(m);
    CU_ASSERT_TRUE(disk_is(d, &mo, "after refused RECOMPs"));
    cls(d);
    finish(m, &mo);
}

static void test_format_refused(void)
{
    struct md *m = md_new(2);
    uint8_t l[6];
    label(l, "X");
    CU_ASSERT_EQUAL(cmsfs_format(&m->io, l, 0), CMSFS_EINVAL);
    CU_ASSERT_EQUAL(cmsfs_format(&m->io, l, 3), CMSFS_EINVAL);
    CU_ASSERT_EQUAL(cmsfs_relabel(&m->io, l), CMSFS_ENOTCMS);
    struct cmsfs_disk *d;
    CU_ASSERT_EQUAL(cmsfs_open(&m->io, &d), CMSFS_ENOTCMS);
    m->io.readonly = true;
    CU_ASSERT_EQUAL(cmsfs_format(&m->io, l, 1), CMSFS_ERDONLY);
    CU_ASSERT_EQUAL(m->writes, 0);
    m->io.readonly = false;
    fmt(m, "OLD", 2);
    label(l, "NEWLBL");
    CU_ASSERT_EQUAL(cmsfs_relabel(&m->io, l), CMSFS_OK);
    d = opn(m);
    struct cmsfs_info in;
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(memcmp(in.label, l, 6), 0);
    cls(d);
    md_free(m);
}

/* The reference's 1-cylinder example: ADTNUM 570, ADTUSED 88, ADTLEFT 482,
 * from a file of 81 data blocks (a first and one Nth chain link). */
static void test_reference_counts(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 1, "CMS191");
    struct model mo = {0};
    static const struct op ops[] = {{OP_WRITE, "BIG", "DATA", 'F', 800, 81, 1, NULL, NULL}};
    run_ops(d, &mo, ops, 1);
    cls(d);
    const uint8_t *mfd = md_get(m, 4);
    CU_ASSERT_EQUAL(get_be32(mfd + 364), 570);
    CU_ASSERT_EQUAL(get_be32(mfd + 368), 88);
    CU_ASSERT_EQUAL(get_be32(mfd + 372), 482);
    CU_ASSERT_EQUAL(get_be32(mfd + 380), 1);
    /* blocks 1-4, the file at 6-88 in one run, its FST block at 89 (block 5 is free) */
    CU_ASSERT_EQUAL(mfd[384], 0xF7);
    for (int i = 1; i < 11; i++)
        CU_ASSERT_EQUAL(mfd[384 + i], 0xFF);
    CU_ASSERT_EQUAL(mfd[384 + 11], 0x80);
    CU_ASSERT_EQUAL(get_be32(mfd + 376), 11);
    CU_ASSERT_EQUAL(get_be16(mfd), 89);
    CU_ASSERT_EQUAL(get_be16(mfd + 2), 0xFFFF);
    d = opn(m);
    CU_ASSERT_TRUE(disk_is(d, &mo, "reference"));
    cls(d);
    finish(m, &mo);
}

/* ---------------------------------------------------------------- files */

static const struct {
    char recfm;
    uint32_t lrecl, n;
    uint32_t blocks; /* FSTBLKCT */
} sizes[] = {
    {'F', 80, 1, 1},      {'F', 80, 10, 1},    {'F', 80, 600, 60}, /* 60 blocks: no Nth link */
    {'F', 80, 601, 61},                                            /* the first Nth link */
    {'F', 800, 460, 460},                      /* FCL and exactly one Nth link full */
    {'F', 800, 461, 461},                      /* a second Nth link */
    {'F', 1, 1000, 2},    {'F', 333, 100, 42}, /* records spanning blocks */
    {'F', 65535, 3, 246},                      /* the longest records */
    {'F', 801, 7, 8},     {'V', 300, 500, 0},  {'V', 65535, 5, 0},
    {'V', 1, 2000, 8}, /* 3 bytes a record */
    {'V', 2000, 100, 0},
};

static uint32_t used_by(uint32_t blocks)
{
    return blocks + 1 + (blocks > 60 ? (blocks - 60 + 399) / 400 : 0);
}

static void test_files(void)
{
    for (size_t i = 0; i < NELEM(sizes); i++) {
        struct md *m;
        struct cmsfs_disk *d = fresh(&m, 5, "FILES");
        struct model mo = {0};
        struct op o = {OP_WRITE,
                       "FILE",
                       "DATA",
                       sizes[i].recfm,
                       sizes[i].lrecl,
                       sizes[i].n,
                       (uint32_t)i * 100000,
                       NULL,
                       NULL};
        run_ops(d, &mo, &o, 1);
        CU_ASSERT_TRUE(disk_is(d, &mo, "written"));
        uint8_t fn[8], ft[8];
        nm(fn, "FILE");
        nm(ft, "DATA");
        struct cmsfs_fst st;
        CU_ASSERT_EQUAL_FATAL(cmsfs_find(d, fn, ft, &st), CMSFS_OK);
        if (sizes[i].blocks)
            CU_ASSERT_EQUAL(st.datablocks, sizes[i].blocks);
        CU_ASSERT_EQUAL(st.fm_letter, EB_A);
        CU_ASSERT_EQUAL(st.fm_number, 1);
        struct cmsfs_info in;
        cmsfs_disk_info(d, &in);
        CU_ASSERT_EQUAL(in.used, 5 + used_by(st.datablocks));
        CU_ASSERT_EQUAL(in.files, 1);
        d = again(m, d, &mo, "reopened");
        cls(d);
        finish(m, &mo);
    }
}

/* All the sizes on one disk, then reading records out of order. */
static void test_files_together(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 5, "FILES");
    struct model mo = {0};
    char names[NELEM(sizes)][9];
    for (size_t i = 0; i < NELEM(sizes); i++) {
        if (sizes[i].lrecl == 65535 || sizes[i].n * sizes[i].lrecl > 300000)
            continue;
        snprintf(names[i], 9, "F%zu", i);
        struct op o = {OP_WRITE,           names[i],       "DATA",
                       sizes[i].recfm,     sizes[i].lrecl, sizes[i].n,
                       (uint32_t)i * 7777, NULL,           NULL};
        run_ops(d, &mo, &o, 1);
    }
    d = again(m, d, &mo, "together");
    /* backwards, by record number */
    uint8_t *buf = malloc(65536), *want = malloc(65536);
    for (unsigned i = 0; i < mo.nf; i++) {
        struct mfile *f = &mo.f[i];
        uint8_t fn[8], ft[8];
        nm(fn, f->fn);
        nm(ft, f->ft);
        struct cmsfs_rfile *r;
        CU_ASSERT_EQUAL_FATAL(cmsfs_ropen(d, fn, ft, &r), CMSFS_OK);
        for (uint32_t k = f->n; k >= 1; k -= (k > 7 ? 7 : 1)) {
            size_t len;
            CU_ASSERT_EQUAL(cmsfs_read(r, k, buf, 65536, &len), CMSFS_OK);
            gen(f->r[k - 1].tag, f->r[k - 1].len, want);
            CU_ASSERT_TRUE(len == f->r[k - 1].len && memcmp(buf, want, len) == 0);
        }
        size_t len;
        CU_ASSERT_EQUAL(cmsfs_read(r, f->n + 1, buf, 65536, &len), CMSFS_EEOF);
        /* a short buffer: the start of the record, its full length, ETRUNC */
        CU_ASSERT_EQUAL(cmsfs_read(r, 1, buf, 1, &len), f->r[0].len > 1 ? CMSFS_ETRUNC : CMSFS_OK);
        CU_ASSERT_EQUAL(len, f->r[0].len);
        gen(f->r[0].tag, 1, want);
        CU_ASSERT_EQUAL(buf[0], want[0]);
        cmsfs_rclose(r);
    }
    free(buf);
    free(want);
    cls(d);
    finish(m, &mo);
}

/* The FST entry as it lies on disk, every byte. */
static void test_fst_bytes(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 1, "FST");
    uint8_t fn[8], ft[8];
    nm(fn, "PROFILE");
    nm(ft, "EXEC");
    struct cmsfs_wfile *w;
    CU_ASSERT_EQUAL_FATAL(cmsfs_wopen(d, fn, ft, 0xD7 /* P */, 1, EB_V, 0, CMSFS_W_REPLACE, &w),
                          CMSFS_OK);
    static const struct cmsfs_date date = {9, 6, 6, 20, 16};
    cmsfs_wkeepdate(w, &date);
    uint8_t rec[72];
    memset(rec, 0x40, sizeof(rec));
    for (int i = 0; i < 12; i++)
        CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, i == 5 ? 72 : 10), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
    cls(d);
    const uint8_t *mfd = md_get(m, 4);
    uint16_t fstblk = get_be16(mfd);
    const uint8_t *e = md_get(m, fstblk);
    /* data at 6, FCL at 7 */
    static const uint8_t want[40] = {
        0xD7, 0xD9, 0xD6, 0xC6, 0xC9, 0xD3, 0xC5, 0x40, /* PROFILE */
        0xC5, 0xE7, 0xC5, 0xC3, 0x40, 0x40, 0x40, 0x40, /* EXEC */
        0x06, 0x06, 0x20, 0x16,                         /* 06/06 20:16 */
        0x00, 0x0D, 0x00, 0x01,                         /* write pointer 13, read pointer 1 */
        0xD7, 0xF1,                                     /* P1 */
        0x00, 0x0C,                                     /* 12 records */
        0x00, 0x07,                                     /* first chain link */
        0xE5, 0x00,                                     /* V, flags */
        0x00, 0x00, 0x00, 0x48,                         /* longest record 72 */
        0x00, 0x01,                                     /* one data block */
        0xF0, 0xF9,                                     /* 09 */
    };
    CU_ASSERT_EQUAL(memcmp(e, want, 40), 0);
    CU_ASSERT_EQUAL(memcmp(e + 40, zeros, BLK - 40), 0);
    /* the first chain link: no Nth links, data block 6 */
    const uint8_t *fcl = md_get(m, 7);
    CU_ASSERT_EQUAL(get_be16(fcl + 80), 6);
    CU_ASSERT_EQUAL(memcmp(fcl, zeros, 80), 0);
    CU_ASSERT_EQUAL(memcmp(fcl + 82, zeros, BLK - 82), 0);
    /* V data: length prefixes and records end to end */
    const uint8_t *data = md_get(m, 6);
    CU_ASSERT_EQUAL(get_be16(data), 10);
    CU_ASSERT_EQUAL(get_be16(data + 12), 10);
    CU_ASSERT_EQUAL(get_be16(data + 5 * 12), 72);
    CU_ASSERT_EQUAL(get_be16(data + 5 * 12 + 74), 10);
    /* cmsfs_next and the date as decoded */
    d = opn(m);
    unsigned cur = 0;
    struct cmsfs_fst f;
    CU_ASSERT_TRUE(cmsfs_next(d, &cur, &f));
    CU_ASSERT_EQUAL(memcmp(f.fn, fn, 8), 0);
    CU_ASSERT_EQUAL(f.written.year, 9);
    CU_ASSERT_EQUAL(f.written.month, 6);
    CU_ASSERT_EQUAL(f.written.day, 6);
    CU_ASSERT_EQUAL(f.written.hour, 20);
    CU_ASSERT_EQUAL(f.written.min, 16);
    CU_ASSERT_EQUAL(f.lrecl, 72);
    CU_ASSERT_EQUAL(f.recfm, EB_V);
    CU_ASSERT_FALSE(cmsfs_next(d, &cur, &f));
    cls(d);
    md_ok(m);
    md_free(m);
}

/* Data blocks go out FS_BATCH at a time to consecutive blocks. */
static void test_batching(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 5, "BATCH");
    struct model mo = {0};
    unsigned calls = m->calls;
    static const struct op o = {OP_WRITE, "BIG", "FILE", 'F', 800, 500, 5, NULL, NULL};
    run_ops(d, &mo, &o, 1);
    /* 500 blocks in transfers of 16, the chain links, FST and MFD */
    CU_ASSERT_TRUE(m->calls - calls <= 500 / 16 + 1 + 4);
    d = again(m, d, &mo, "batch");
    cls(d);
    /* the data blocks are one run */
    uint16_t fst = get_be16(md_get(m, 4));
    uint16_t fcl = get_be16(md_get(m, fst) + 28);
    const uint8_t *f = md_get(m, fcl);
    uint16_t first = get_be16(f + 80);
    for (int i = 0; i < 60; i++)
        CU_ASSERT_EQUAL(get_be16(f + 80 + 2 * i), first + i);
    const uint8_t *cl = md_get(m, get_be16(f));
    for (int i = 0; i < 400; i++)
        CU_ASSERT_EQUAL(get_be16(cl + 2 * i), first + 60 + i);
    finish(m, &mo);
}

/* ---------------------------------------------------------------- append, update */

/* A file's data block numbers, from the disk. */
static uint32_t blocks_of(struct md *m, const char *fn, uint16_t *out)
{
    const uint8_t *mfd = md_get(m, 4);
    uint8_t n[8];
    nm(n, fn);
    for (unsigned h = 0; get_be16(mfd + 2 * h) < 0xFFFD; h++) {
        const uint8_t *fb = md_get(m, get_be16(mfd + 2 * h));
        for (int s = 0; s < 20; s++) {
            const uint8_t *e = fb + 40 * s;
            if (memcmp(e, n, 8) != 0)
                continue;
            uint32_t cnt = get_be16(e + 36);
            const uint8_t *fcl = md_get(m, get_be16(e + 28));
            for (uint32_t i = 0; i < cnt; i++)
                out[i] = i < 60 ? get_be16(fcl + 80 + 2 * i)
                                : get_be16(md_get(m, get_be16(fcl + 2 * ((i - 60) / 400))) +
                                           2 * ((i - 60) % 400));
            return cnt;
        }
    }
    return 0;
}

static void test_append(void)
{
    static const struct {
        char recfm;
        uint32_t lrecl, n1, n2;
    } rows[] = {
        {'F', 80, 100, 50},  {'F', 80, 595, 20}, /* into the first Nth link */
        {'F', 333, 1000, 1}, {'V', 200, 300, 300}, {'V', 5000, 3, 10}, {'F', 800, 60, 1},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        struct md *m;
        struct cmsfs_disk *d = fresh(&m, 5, "APPEND");
        struct model mo = {0};
        struct op o1 = {OP_WRITE,   "LOG", "FILE", rows[i].recfm, rows[i].lrecl,
                        rows[i].n1, 1,     NULL,   NULL};
        run_ops(d, &mo, &o1, 1);
        uint16_t *before = malloc(17000 * 2), *after = malloc(17000 * 2);
        uint32_t nb = blocks_of(m, "LOG", before);
        long writes = m->writes;
        struct op o2 = {OP_APPEND,  "LOG", "FILE", rows[i].recfm, rows[i].lrecl,
                        rows[i].n2, 50000, NULL,   NULL};
        run_ops(d, &mo, &o2, 1);
        CU_ASSERT_TRUE(disk_is(d, &mo, "appended"));
        uint32_t na = blocks_of(m, "LOG", after);
        /* every full block of the old version is shared */
        uint32_t full = rows[i].recfm == 'F' ? rows[i].n1 * rows[i].lrecl / BLK : nb - 1;
        for (uint32_t k = 0; k < full; k++)
            CU_ASSERT_EQUAL(before[k], after[k]);
        /* written: the new data blocks, the copied last one, chain links, FST, MFD */
        long bound = (long)(na - full) + 2 + 2 + 1;
        if (m->writes - writes > bound)
            printf("\n    row %zu: %ld writes for %u new blocks", i, m->writes - writes,
                   (unsigned)(na - full));
        CU_ASSERT_TRUE(m->writes - writes <= bound);
        struct cmsfs_info in;
        cmsfs_disk_info(d, &in);
        CU_ASSERT_EQUAL(in.used, 5 + used_by(na));
        d = again(m, d, &mo, "reopened");
        cls(d);
        free(before);
        free(after);
        finish(m, &mo);
    }
}

static void test_append_refused(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 1, "APPEND");
    struct model mo = {0};
    static const struct op o = {OP_WRITE, "A", "B", 'F', 80, 3, 1, NULL, NULL};
    run_ops(d, &mo, &o, 1);
    uint8_t fn[8], ft[8], rec[100] = {0};
    nm(fn, "A");
    nm(ft, "B");
    struct cmsfs_wfile *w, *w2;
    struct cmsfs_rfile *r;
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_V, 80, CMSFS_W_APPEND, &w), CMSFS_EINVAL);
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 81, CMSFS_W_APPEND, &w), CMSFS_EINVAL);
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 7, EB_F, 80, CMSFS_W_APPEND, &w), CMSFS_EINVAL);
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, 0xC1, 80, CMSFS_W_APPEND, &w), CMSFS_EINVAL);
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 0, CMSFS_W_REPLACE, &w), CMSFS_EINVAL);
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, 2, &w), CMSFS_EINVAL);
    CU_ASSERT_EQUAL_FATAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_APPEND, &w), CMSFS_OK);
    /* the file is open: no second writer, no reader, no erase, no rename, no release */
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_APPEND, &w2), CMSFS_EBUSY);
    CU_ASSERT_EQUAL(cmsfs_ropen(d, fn, ft, &r), CMSFS_EBUSY);
    CU_ASSERT_EQUAL(cmsfs_erase(d, fn, ft), CMSFS_EBUSY);
    CU_ASSERT_EQUAL(cmsfs_rename(d, fn, ft, ft, fn, -1), CMSFS_EBUSY);
    CU_ASSERT_EQUAL(cmsfs_close(d), CMSFS_EBUSY);
    CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 79), CMSFS_EINVAL);
    CU_ASSERT_EQUAL(cmsfs_write(w, 5, rec, 80), CMSFS_EINVAL); /* past records + 1 */
    CU_ASSERT_EQUAL(cmsfs_write(w, 4, rec, 80), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 80), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_wclose(w, false), CMSFS_OK); /* dropped */
    CU_ASSERT_TRUE(disk_is(d, &mo, "dropped"));
    struct cmsfs_info in;
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.used, 5 + 2);
    /* readers side by side; then no writer */
    struct cmsfs_rfile *r2;
    CU_ASSERT_EQUAL(cmsfs_ropen(d, fn, ft, &r), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_ropen(d, fn, ft, &r2), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_APPEND, &w), CMSFS_EBUSY);
    cmsfs_rclose(r);
    cmsfs_rclose(r2);
    /* an empty new version is no file: committing it erases */
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_REPLACE, &w), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_find(d, fn, ft, NULL), CMSFS_ENOTFOUND);
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_REPLACE, &w), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.files, 0);
    CU_ASSERT_EQUAL(in.used, 5);
    cls(d);
    finish(m, &mo);
}

static void test_update(void)
{
    static const struct {
        char recfm;
        uint32_t lrecl, n, rec;
    } rows[] = {
        {'F', 80, 100, 50},   {'F', 80, 100, 1},  {'F', 80, 100, 100},
        {'F', 333, 500, 250}, {'F', 65535, 2, 2}, /* a record over 82 blocks */
        {'F', 800, 700, 650},                     /* in the second Nth link */
        {'V', 300, 400, 333}, {'V', 3000, 50, 1},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        struct md *m;
        struct cmsfs_disk *d = fresh(&m, 5, "UPDATE");
        struct model mo = {0};
        struct op o = {OP_WRITE,  "U", "FILE", rows[i].recfm, rows[i].lrecl,
                       rows[i].n, 1,   NULL,   NULL};
        run_ops(d, &mo, &o, 1);
        struct cmsfs_info before, after;
        cmsfs_disk_info(d, &before);
        long writes = m->writes;
        struct op u = {OP_UPDATE,   "U",    "FILE", rows[i].recfm, rows[i].lrecl,
                       rows[i].rec, 999999, NULL,   NULL};
        run_ops(d, &mo, &u, 1);
        /* the record's blocks, the chain links over them, the FST block, the MFD */
        uint32_t span = mo.f[0].r[rows[i].rec - 1].len / BLK + 2;
        CU_ASSERT_TRUE(m->writes - writes <= (long)span + 2 + 2);
        CU_ASSERT_TRUE(disk_is(d, &mo, "updated"));
        cmsfs_disk_info(d, &after);
        CU_ASSERT_EQUAL(before.used, after.used);
        d = again(m, d, &mo, "reopened");
        /* a V record keeps its length */
        if (rows[i].recfm == 'V') {
            uint8_t fn[8], ft[8], rec[2] = {0};
            nm(fn, "U");
            nm(ft, "FILE");
            struct cmsfs_wfile *w;
            CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_V, 0, CMSFS_W_APPEND, &w), CMSFS_OK);
            uint32_t len = mo.f[0].r[0].len;
            CU_ASSERT_EQUAL(cmsfs_write(w, 1, rec, len == 1 ? 2 : 1), CMSFS_EINVAL);
            CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
        }
        cls(d);
        finish(m, &mo);
    }
}

/* Several updates and appends in one version, and updates of blocks this
 * version wrote itself (rewritten in place). */
static void test_update_mixed(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 5, "MIXED");
    uint8_t fn[8], ft[8], rec[80];
    nm(fn, "MIX");
    nm(ft, "DATA");
    struct cmsfs_wfile *w;
    CU_ASSERT_EQUAL_FATAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_REPLACE, &w), CMSFS_OK);
    uint32_t tags[2000];
    for (uint32_t k = 0; k < 1000; k++) {
        tags[k] = k;
        gen(k, 80, rec);
        CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 80), CMSFS_OK);
    }
    for (uint32_t k = 1; k <= 1000; k += 37) { /* some flushed, some in the window */
        tags[k - 1] = 5000 + k;
        gen(5000 + k, 80, rec);
        CU_ASSERT_EQUAL(cmsfs_write(w, k, rec, 80), CMSFS_OK);
    }
    CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
    CU_ASSERT_EQUAL_FATAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_APPEND, &w), CMSFS_OK);
    for (uint32_t k = 1001; k <= 2000; k++) {
        tags[k - 1] = k;
        gen(k, 80, rec);
        CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 80), CMSFS_OK);
        if (k % 100 == 0) {
            uint32_t r = k / 3;
            tags[r - 1] = 90000 + k;
            gen(90000 + k, 80, rec);
            CU_ASSERT_EQUAL(cmsfs_write(w, r, rec, 80), CMSFS_OK);
            CU_ASSERT_EQUAL(cmsfs_write(w, r, rec, 80), CMSFS_OK); /* twice: in place */
        }
    }
    CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
    cls(d);
    d = opn(m);
    struct model mo = {0};
    mo.nf = 1;
    struct mfile *f = &mo.f[0];
    snprintf(f->fn, 9, "MIX");
    snprintf(f->ft, 9, "DATA");
    f->recfm = EB_F;
    f->lrecl = 80;
    f->n = 2000;
    f->r = malloc(2000 * sizeof(*f->r));
    for (int k = 0; k < 2000; k++)
        f->r[k] = (struct mrec){tags[k], 80};
    CU_ASSERT_TRUE(disk_is(d, &mo, "mixed"));
    struct cmsfs_info in;
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.used, 5 + used_by(200));
    cls(d);
    finish(m, &mo);
}

/* A new generation of a whole file: every record rewritten in place,
 * then more appended, in one version (the crash test's writer). */
static void test_update_all_then_append(void)
{
    static const uint32_t gens[][2] = {{109, 112}, {10, 13}, {20, 23}, {200, 203}};
    for (size_t i = 0; i < NELEM(gens); i++) {
        struct md *m;
        struct cmsfs_disk *d = fresh(&m, 2, "GENS");
        uint8_t fn[8], ft[8], rec[80];
        nm(fn, "GEN");
        nm(ft, "DATA");
        struct cmsfs_wfile *w;
        CU_ASSERT_EQUAL_FATAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_APPEND, &w),
                              CMSFS_OK);
        for (uint32_t r = 1; r <= gens[i][0]; r++) {
            gen(1000 + r, 80, rec);
            CU_ASSERT_EQUAL(cmsfs_write(w, r, rec, 80), CMSFS_OK);
        }
        CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
        CU_ASSERT_EQUAL_FATAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_APPEND, &w),
                              CMSFS_OK);
        for (uint32_t r = 1; r <= gens[i][1]; r++) {
            gen(2000 + r, 80, rec);
            CU_ASSERT_EQUAL(cmsfs_write(w, r, rec, 80), CMSFS_OK);
        }
        CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
        struct model mo = {0};
        mo.nf = 1;
        struct mfile *f = &mo.f[0];
        snprintf(f->fn, 9, "GEN");
        snprintf(f->ft, 9, "DATA");
        f->recfm = EB_F;
        f->lrecl = 80;
        f->n = gens[i][1];
        f->r = malloc(f->n * sizeof(*f->r));
        for (uint32_t k = 0; k < f->n; k++)
            f->r[k] = (struct mrec){2000 + k + 1, 80};
        CU_ASSERT_TRUE(disk_is(d, &mo, "rewritten and appended"));
        d = again(m, d, &mo, "reopened");
        cls(d);
        finish(m, &mo);
    }
}

/* ---------------------------------------------------------------- erase, rename */

static void test_erase_rename(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 2, "ERASE");
    struct model mo = {0};
    static const struct op ops[] = {
        {OP_WRITE, "ONE", "DATA", 'F', 80, 700, 1, NULL, NULL},
        {OP_WRITE, "TWO", "EXEC", 'V', 100, 50, 2, NULL, NULL},
        {OP_WRITE, "THREE", "TEXT", 'F', 80, 5, 3, NULL, NULL},
        {OP_ERASE, "TWO", "EXEC", 0, 0, 0, 0, NULL, NULL},
        {OP_RENAME, "ONE", "DATA", 0, 0, 0, 0, "UNO", "DATOS"},
        {OP_RENAME, "UNO", "DATOS", 0, 0, 0, 0, "UNO", "DATOS"}, /* nothing to do */
    };
    run_ops(d, &mo, ops, NELEM(ops));
    CU_ASSERT_TRUE(disk_is(d, &mo, "erase and rename"));
    struct cmsfs_info in;
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.used, 5 + used_by(70) + used_by(1));
    uint8_t a[8], b[8], c[8], x[8];
    nm(a, "UNO");
    nm(b, "DATOS");
    nm(c, "THREE");
    nm(x, "TEXT");
    CU_ASSERT_EQUAL(cmsfs_rename(d, a, b, c, x, -1), CMSFS_EEXIST);
    CU_ASSERT_EQUAL(cmsfs_rename(d, c, b, a, b, -1), CMSFS_ENOTFOUND);
    CU_ASSERT_EQUAL(cmsfs_erase(d, c, b), CMSFS_ENOTFOUND);
    CU_ASSERT_EQUAL(cmsfs_rename(d, a, b, a, b, 9), CMSFS_EINVAL);
    /* a new mode number only */
    CU_ASSERT_EQUAL(cmsfs_rename(d, a, b, a, b, 5), CMSFS_OK);
    struct cmsfs_fst f;
    CU_ASSERT_EQUAL(cmsfs_find(d, a, b, &f), CMSFS_OK);
    CU_ASSERT_EQUAL(f.fm_number, 5);
    d = again(m, d, &mo, "reopened");
    CU_ASSERT_EQUAL(cmsfs_find(d, a, b, &f), CMSFS_OK);
    CU_ASSERT_EQUAL(f.fm_number, 5);
    /* erase everything: back to an empty directory of one FST block */
    static const struct op gone[] = {
        {OP_ERASE, "UNO", "DATOS", 0, 0, 0, 0, NULL, NULL},
        {OP_ERASE, "THREE", "TEXT", 0, 0, 0, 0, NULL, NULL},
    };
    run_ops(d, &mo, gone, NELEM(gone));
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.used, 5);
    CU_ASSERT_EQUAL(in.files, 0);
    cls(d);
    d = opn(m);
    cls(d);
    finish(m, &mo);
}

static void test_readonly(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 1, "RO");
    struct model mo = {0};
    static const struct op o = {OP_WRITE, "A", "B", 'F', 80, 3, 1, NULL, NULL};
    run_ops(d, &mo, &o, 1);
    cls(d);
    m->io.readonly = true;
    long writes = m->writes;
    d = opn(m);
    uint8_t fn[8], ft[8];
    nm(fn, "A");
    nm(ft, "B");
    struct cmsfs_wfile *w;
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_APPEND, &w), CMSFS_ERDONLY);
    CU_ASSERT_EQUAL(cmsfs_erase(d, fn, ft), CMSFS_ERDONLY);
    CU_ASSERT_EQUAL(cmsfs_rename(d, fn, ft, ft, fn, -1), CMSFS_ERDONLY);
    uint8_t l[6];
    label(l, "X");
    CU_ASSERT_EQUAL(cmsfs_relabel(&m->io, l), CMSFS_ERDONLY);
    CU_ASSERT_TRUE(disk_is(d, &mo, "read-only"));
    cls(d);
    CU_ASSERT_EQUAL(m->writes, writes);
    mfree(&mo);
    md_free(m);
}

/* ---------------------------------------------------------------- many files, QMSK extensions */

static void test_many_files(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 5, "MANY");
    struct model mo = {0};
    char names[60][9];
    for (unsigned i = 0; i < 60; i++) {
        snprintf(names[i], 9, "FILE%02u", i);
        struct op o = {OP_WRITE,           names[i], "DATA",
                       i % 2 ? 'V' : 'F',  80,       1 + (uint32_t)i * 3,
                       (uint32_t)i * 1000, NULL,     NULL};
        run_ops(d, &mo, &o, 1);
    }
    CU_ASSERT_TRUE(disk_is(d, &mo, "60 files"));
    /* three FST blocks; files in directory order */
    CU_ASSERT_EQUAL(get_be16(md_get(m, 4) + 6), 0xFFFF);
    unsigned cur = 0, n = 0;
    struct cmsfs_fst f;
    while (cmsfs_next(d, &cur, &f)) {
        char fn[9];
        e2a_field(fn, f.fn, 8);
        CU_ASSERT_STRING_EQUAL(fn, names[n]);
        n++;
    }
    CU_ASSERT_EQUAL(n, 60);
    /* erase the first 20: the first FST block goes */
    for (int i = 0; i < 20; i++) {
        struct op o = {OP_ERASE, names[i], "DATA", 0, 0, 0, 0, NULL, NULL};
        run_ops(d, &mo, &o, 1);
    }
    CU_ASSERT_EQUAL(get_be16(md_get(m, 4) + 4), 0xFFFF);
    /* no free slot: new files go to a new FST block */
    for (int i = 0; i < 5; i++) {
        struct op o = {OP_WRITE, names[i], "NEW", 'F', 80, 10, 77, NULL, NULL};
        run_ops(d, &mo, &o, 1);
    }
    CU_ASSERT_EQUAL(get_be16(md_get(m, 4) + 6), 0xFFFF);
    d = again(m, d, &mo, "reopened");
    cls(d);
    finish(m, &mo);
}

/* More than 1720 blocks in use: the QMSK continues in an extension block,
 * listed after X'FFFD'; it goes when the blocks past 1720 are free again. */
static void test_qmsk_extension(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 5, "QMSK");
    struct model mo = {0};
    static const struct op fill[] = {
        {OP_WRITE, "FILL1", "DATA", 'F', 800, 1500, 1, NULL, NULL},
        {OP_WRITE, "FILL2", "DATA", 'F', 800, 400, 2, NULL, NULL},
        {OP_WRITE, "SMALL", "DATA", 'V', 80, 10, 3, NULL, NULL},
    };
    run_ops(d, &mo, fill, NELEM(fill));
    const uint8_t *mfd = md_get(m, 4);
    CU_ASSERT_EQUAL(get_be16(mfd + 2), 0xFFFD);
    uint16_t ext = get_be16(mfd + 4);
    CU_ASSERT_TRUE(ext > 4 && ext <= 2850);
    CU_ASSERT_EQUAL(get_be16(mfd + 6), 0);
    CU_ASSERT_TRUE(get_be32(mfd + 376) >= 215);
    struct cmsfs_info in;
    cmsfs_disk_info(d, &in);
    uint8_t fn[8], ft[8];
    nm(fn, "SMALL");
    nm(ft, "DATA");
    struct cmsfs_fst small;
    CU_ASSERT_EQUAL(cmsfs_find(d, fn, ft, &small), CMSFS_OK);
    CU_ASSERT_EQUAL(in.used, 5 + used_by(1500) + used_by(400) + used_by(small.datablocks) + 1);
    d = again(m, d, &mo, "extension");
    /* a change past block 1720 moves the extension */
    static const struct op more[] = {{OP_APPEND, "SMALL", "DATA", 'V', 80, 2000, 4, NULL, NULL}};
    run_ops(d, &mo, more, 1);
    CU_ASSERT_NOT_EQUAL(get_be16(md_get(m, 4) + 4), ext);
    d = again(m, d, &mo, "moved");
    static const struct op gone[] = {
        {OP_ERASE, "FILL2", "DATA", 0, 0, 0, 0, NULL, NULL},
        {OP_ERASE, "SMALL", "DATA", 0, 0, 0, 0, NULL, NULL},
    };
    run_ops(d, &mo, gone, NELEM(gone));
    CU_ASSERT_EQUAL(get_be16(md_get(m, 4) + 2), 0xFFFF);
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.used, 5 + used_by(1500));
    d = again(m, d, &mo, "shrunk");
    cls(d);
    finish(m, &mo);
}

/* ---------------------------------------------------------------- limits */

static void test_disk_full(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 1, "FULL");
    struct model mo = {0};
    static const struct op ops[] = {
        {OP_WRITE, "KEEP", "DATA", 'F', 800, 300, 1, NULL, NULL},
        {OP_WRITE, "OTHER", "DATA", 'V', 100, 20, 2, NULL, NULL},
    };
    run_ops(d, &mo, ops, NELEM(ops));
    struct cmsfs_info before, after;
    cmsfs_disk_info(d, &before);
    /* replacing KEEP by something bigger than the free space */
    static const struct op big[] = {
        {OP_WRITE, "KEEP", "DATA", 'F', 800, 400, 9, NULL, NULL},
        {OP_APPEND, "KEEP", "DATA", 'F', 800, 300, 9, NULL, NULL},
        {OP_WRITE, "NEW", "DATA", 'F', 800, 600, 9, NULL, NULL},
        {OP_APPEND, "OTHER", "DATA", 'V', 100, 20000, 9, NULL, NULL},
    };
    for (size_t i = 0; i < NELEM(big); i++) {
        CU_ASSERT_EQUAL(run_op(d, &mo, &big[i]), CMSFS_EFULL);
        cmsfs_disk_info(d, &after);
        CU_ASSERT_EQUAL(after.used, before.used);
        CU_ASSERT_EQUAL(after.files, before.files);
        CU_ASSERT_TRUE(disk_is(d, &mo, "after EFULL"));
    }
    /* the space is all there: a file takes all of it but the reserve
     * (one block on this disk) and the block its FST block moves to */
    uint32_t left = after.left;
    struct op toobig = {OP_WRITE, "EXACT", "DATA", 'F', 800, left - 3, 5, NULL, NULL};
    CU_ASSERT_EQUAL(run_op(d, &mo, &toobig), CMSFS_EFULL);
    struct op exact = {OP_WRITE, "EXACT", "DATA", 'F', 800, left - 4, 5, NULL, NULL};
    CU_ASSERT_EQUAL(run_op(d, &mo, &exact), CMSFS_OK);
    cmsfs_disk_info(d, &after);
    CU_ASSERT_EQUAL(after.left, 2);
    static const struct op one = {OP_WRITE, "ONE", "MORE", 'F', 80, 1, 5, NULL, NULL};
    CU_ASSERT_EQUAL(run_op(d, &mo, &one), CMSFS_EFULL);
    d = again(m, d, &mo, "full");
    /* a full disk can always be emptied: RENAME and ERASE use the reserve */
    static const struct op emptying[] = {
        {OP_RENAME, "OTHER", "DATA", 0, 0, 0, 0, "OTHER", "RENAMED"},
        {OP_ERASE, "OTHER", "RENAMED", 0, 0, 0, 0, NULL, NULL},
        {OP_ERASE, "EXACT", "DATA", 0, 0, 0, 0, NULL, NULL},
    };
    run_ops(d, &mo, emptying, NELEM(emptying));
    cmsfs_disk_info(d, &after);
    CU_ASSERT_EQUAL(after.used, 5 + used_by(300));
    d = again(m, d, &mo, "emptied");
    cls(d);
    finish(m, &mo);
}

static void test_dir_full(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 15, "DIRFUL");
    uint8_t fn[8], ft[8], rec[80];
    memset(rec, 0x40, sizeof(rec));
    nm(ft, "DATA");
    int rc = CMSFS_OK;
    unsigned n = 0;
    while (rc == CMSFS_OK && n < 5000) {
        char name[9];
        snprintf(name, sizeof(name), "F%u", n);
        nm(fn, name);
        struct cmsfs_wfile *w;
        rc = cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_REPLACE, &w);
        if (rc == CMSFS_OK) {
            CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 80), CMSFS_OK);
            rc = cmsfs_wclose(w, true);
        }
        if (rc == CMSFS_OK)
            n++;
    }
    CU_ASSERT_EQUAL(rc, CMSFS_EDIRFULL);
    /* 182 halfwords: the FST blocks, X'FFFD', the extensions, 0 */
    const uint8_t *mfd = md_get(m, 4);
    unsigned nfst = 0, next = 0;
    while (get_be16(mfd + 2 * nfst) != 0xFFFD)
        nfst++;
    while (get_be16(mfd + 2 * (nfst + 1 + next)))
        next++;
    CU_ASSERT_EQUAL(nfst + 1 + next + 1, 182);
    CU_ASSERT_EQUAL(n, nfst * 20);
    struct cmsfs_info in;
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.files, n);
    CU_ASSERT_EQUAL(in.used, 4 + nfst + next + 2 * n);
    /* a file that exists can still be replaced */
    nm(fn, "F7");
    struct cmsfs_wfile *w;
    CU_ASSERT_EQUAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 80, CMSFS_W_REPLACE, &w), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 80), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 80), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
    cls(d);
    d = opn(m);
    cmsfs_disk_info(d, &in);
    CU_ASSERT_EQUAL(in.files, n);
    cls(d);
    md_ok(m);
    md_free(m);
}

/* The largest file: 16,060 data blocks (60 + 40 Nth links of 400), and
 * at most 65,534 records. */
static void test_largest(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 40, "LARGE");
    uint8_t fn[8], ft[8], *rec = calloc(1, 65535);
    nm(fn, "HUGE");
    nm(ft, "FILE");
    struct cmsfs_wfile *w;
    CU_ASSERT_EQUAL_FATAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 64240, CMSFS_W_REPLACE, &w),
                          CMSFS_OK);
    for (int k = 0; k < 200; k++) { /* 200 * 64240 = 16060 * 800 */
        memset(rec, k, 64240);
        CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 64240), CMSFS_OK);
    }
    CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 64240), CMSFS_ETOOBIG);
    CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
    struct cmsfs_fst f;
    CU_ASSERT_EQUAL(cmsfs_find(d, fn, ft, &f), CMSFS_OK);
    CU_ASSERT_EQUAL(f.datablocks, CMSFS_MAXDATA);
    CU_ASSERT_EQUAL(f.records, 200);
    nm(fn, "RECS");
    CU_ASSERT_EQUAL_FATAL(cmsfs_wopen(d, fn, ft, EB_A, 1, EB_F, 1, CMSFS_W_REPLACE, &w), CMSFS_OK);
    for (int k = 0; k < 65534; k++)
        CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 1), CMSFS_OK);
    CU_ASSERT_EQUAL(cmsfs_write(w, 0, rec, 1), CMSFS_ETOOBIG);
    CU_ASSERT_EQUAL(cmsfs_wclose(w, true), CMSFS_OK);
    cls(d);
    d = opn(m);
    struct cmsfs_rfile *r;
    nm(fn, "HUGE");
    CU_ASSERT_EQUAL_FATAL(cmsfs_ropen(d, fn, ft, &r), CMSFS_OK);
    size_t len;
    CU_ASSERT_EQUAL(cmsfs_read(r, 200, rec, 65535, &len), CMSFS_OK);
    CU_ASSERT_TRUE(len == 64240 && rec[0] == 199 && rec[64239] == 199);
    cmsfs_rclose(r);
    cls(d);
    free(rec);
    md_ok(m);
    md_free(m);
}

/* ---------------------------------------------------------------- damaged disks */

/* A disk with a bit of everything, and where its parts are. */
static struct md *sample(void)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 5, "SAMPLE");
    struct model mo = {0};
    static const struct op ops[] = {
        {OP_WRITE, "ALPHA", "DATA", 'F', 80, 700, 1, NULL, NULL}, /* 70 blocks: an Nth link */
        {OP_WRITE, "BETA", "EXEC", 'V', 120, 40, 2, NULL, NULL},
        {OP_WRITE, "GAMMA", "TEXT", 'F', 80, 30, 3, NULL, NULL},
    };
    run_ops(d, &mo, ops, NELEM(ops));
    for (unsigned i = 0; i < 20; i++) { /* a second FST block */
        char n[9];
        snprintf(n, sizeof(n), "S%u", i);
        struct op o = {OP_WRITE, n, "S", 'F', 10, 1, (uint32_t)i, NULL, NULL};
        run_ops(d, &mo, &o, 1);
    }
    cls(d);
    mfree(&mo);
    return m;
}

static uint8_t *mfd_of(struct md *m) { return md_mut(m, 4); }

/* The FST entry of fn in the sample. */
static uint8_t *entry_of(struct md *m, const char *fn)
{
    uint8_t n[8];
    nm(n, fn);
    const uint8_t *mfd = md_get(m, 4);
    for (unsigned h = 0; get_be16(mfd + 2 * h) < 0xFFFD; h++) {
        uint8_t *fb = md_mut(m, get_be16(mfd + 2 * h));
        for (int s = 0; s < 20; s++)
            if (memcmp(fb + 40 * s, n, 8) == 0)
                return fb + 40 * s;
    }
    CU_FAIL_FATAL("no such file in the sample");
    return NULL;
}

static uint8_t *fcl_of(struct md *m, const char *fn)
{
    return md_mut(m, get_be16(entry_of(m, fn) + 28));
}

static void qmsk_flip(struct md *m, uint32_t b)
{
    mfd_of(m)[384 + (b - 1) / 8] ^= 0x80 >> ((b - 1) % 8);
}

static void adj_used(struct md *m, int delta)
{
    uint8_t *mfd = mfd_of(m);
    put_be32(mfd + 368, get_be32(mfd + 368) + delta);
    put_be32(mfd + 372, get_be32(mfd + 372) - delta);
}

static void d_label(struct md *m) { md_mut(m, 3)[3] = 0x40; }
static void d_num(struct md *m) { put_be32(mfd_of(m) + 364, 2851); }
static void d_used(struct md *m) { adj_used(m, 1); }
static void d_left(struct md *m) { put_be32(mfd_of(m) + 372, get_be32(mfd_of(m) + 372) + 1); }
static void d_cyl0(struct md *m) { put_be32(mfd_of(m) + 380, 0); }
static void d_cyl6(struct md *m) { put_be32(mfd_of(m) + 380, 6); }
static void d_cyl4(struct md *m) { put_be32(mfd_of(m) + 380, 4); }
static void d_fst3(struct md *m) { put_be16(mfd_of(m), 3); }
static void d_fstbig(struct md *m) { put_be16(mfd_of(m), 2851); }
static void d_fstdup(struct md *m) { put_be16(mfd_of(m) + 2, get_be16(mfd_of(m))); }
static void d_noend(struct md *m)
{
    for (int h = 0; h < 182; h++)
        put_be16(mfd_of(m) + 2 * h, (uint16_t)(1000 + h));
}
static void d_extra_ext(struct md *m)
{
    uint8_t *mfd = mfd_of(m);
    put_be16(mfd + 4, 0xFFFD);
    put_be16(mfd + 6, 2000);
    put_be16(mfd + 8, 2001);
    put_be16(mfd + 10, 0);
}
static void d_ext_noend(struct md *m)
{
    uint8_t *mfd = mfd_of(m);
    put_be16(mfd + 4, 0xFFFD);
    for (int h = 3; h < 182; h++)
        put_be16(mfd + 2 * h, 2000);
}
static void d_recfm(struct md *m) { entry_of(m, "BETA")[30] = 0xE7; }
static void d_recs0(struct md *m) { put_be16(entry_of(m, "GAMMA") + 26, 0); }
static void d_blkct(struct md *m) { put_be16(entry_of(m, "ALPHA") + 36, 71); }
static void d_blkct_big(struct md *m) { put_be16(entry_of(m, "ALPHA") + 36, 16061); }
static void d_lrecl0(struct md *m) { put_be32(entry_of(m, "GAMMA") + 32, 0); }
static void d_mode(struct md *m) { entry_of(m, "GAMMA")[25] = 0xE9; }
static void d_badname(struct md *m) { entry_of(m, "GAMMA")[3] = 0x01; }
static void d_dupname(struct md *m) { memcpy(entry_of(m, "S3"), entry_of(m, "S4"), 16); }
static void d_fcl0(struct md *m) { put_be16(entry_of(m, "GAMMA") + 28, 0); }
static void d_fclbig(struct md *m) { put_be16(entry_of(m, "GAMMA") + 28, 9999); }
static void d_fcldup(struct md *m) { memcpy(entry_of(m, "S1") + 28, entry_of(m, "S2") + 28, 2); }
static void d_fcl_is_fst(struct md *m) { memcpy(entry_of(m, "S1") + 28, mfd_of(m), 2); }
static void d_data0(struct md *m) { put_be16(fcl_of(m, "GAMMA") + 80 + 2, 0); }
static void d_datadup(struct md *m) { memcpy(fcl_of(m, "GAMMA") + 82, fcl_of(m, "BETA") + 80, 2); }
static void d_nth0(struct md *m) { put_be16(fcl_of(m, "ALPHA"), 0); }
static void d_nthdata0(struct md *m) { put_be16(md_mut(m, get_be16(fcl_of(m, "ALPHA"))) + 18, 0); }
static void d_nthdup(struct md *m) { memcpy(fcl_of(m, "ALPHA"), fcl_of(m, "ALPHA") + 80, 2); }
static void d_qmsk_free(struct md *m)
{
    qmsk_flip(m, get_be16(fcl_of(m, "GAMMA") + 80));
    adj_used(m, -1);
}
static void d_qmsk_extra(struct md *m)
{
    qmsk_flip(m, 1700); /* free in the sample */
    adj_used(m, 1);
}
static void d_qmsk_counts(struct md *m) { qmsk_flip(m, get_be16(fcl_of(m, "GAMMA") + 80)); }
static void d_mfd_random(struct md *m)
{
    uint8_t *mfd = mfd_of(m);
    uint32_t x = 12345;
    for (unsigned i = 0; i < BLK; i++) {
        x = x * 1103515245 + 12345;
        mfd[i] = (uint8_t)(x >> 16);
    }
}

static const struct {
    const char *what;
    void (*damage)(struct md *);
    int rc;
    const char *why; /* in the reason given */
} damages[] = {
    {"no label", d_label, CMSFS_ENOTCMS, "CMS="},
    {"ADTNUM", d_num, CMSFS_ECORRUPT, "ADTNUM"},
    {"ADTUSED", d_used, CMSFS_ECORRUPT, "ADTUSED"},
    {"ADTLEFT", d_left, CMSFS_ECORRUPT, "ADTLEFT"},
    {"ADTCYL 0", d_cyl0, CMSFS_ECORRUPT, "ADTCYL"},
    {"ADTCYL past the disk", d_cyl6, CMSFS_ECORRUPT, "ADTCYL"},
    {"ADTCYL not ADTNUM's", d_cyl4, CMSFS_ECORRUPT, "ADTNUM"},
    {"FST block 3", d_fst3, CMSFS_ECORRUPT, "outside"},
    {"FST block past the end", d_fstbig, CMSFS_ECORRUPT, "outside"},
    {"FST block twice", d_fstdup, CMSFS_ECORRUPT, "twice"},
    {"FST list without end", d_noend, CMSFS_ECORRUPT, "no end"},
    {"too many QMSK extensions", d_extra_ext, CMSFS_ECORRUPT, "more QMSK extensions"},
    {"QMSK extension list without end", d_ext_noend, CMSFS_ECORRUPT, "QMSK extension"},
    {"record format", d_recfm, CMSFS_ECORRUPT, "record format"},
    {"no records", d_recs0, CMSFS_ECORRUPT, "GAMMA TEXT: 0 records"},
    {"block count", d_blkct, CMSFS_ECORRUPT, "do not fill"},
    {"block count too large", d_blkct_big, CMSFS_ECORRUPT, "records in"},
    {"LRECL 0", d_lrecl0, CMSFS_ECORRUPT, "LRECL"},
    {"mode number", d_mode, CMSFS_ECORRUPT, "mode"},
    {"name", d_badname, CMSFS_ECORRUPT, "name"},
    {"name twice", d_dupname, CMSFS_ECORRUPT, "S4 S is in the directory twice"},
    {"FCL 0", d_fcl0, CMSFS_ECORRUPT, "GAMMA TEXT: first chain link 0 is outside"},
    {"FCL past the end", d_fclbig, CMSFS_ECORRUPT, "outside"},
    {"FCL of another file", d_fcldup, CMSFS_ECORRUPT, "twice"},
    {"FCL is an FST block", d_fcl_is_fst, CMSFS_ECORRUPT, "twice"},
    {"truncated chain", d_data0, CMSFS_ECORRUPT, "data block 0 is outside"},
    {"data block of another file", d_datadup, CMSFS_ECORRUPT, "twice"},
    {"Nth chain link 0", d_nth0, CMSFS_ECORRUPT, "chain link 0"},
    {"truncated Nth chain link", d_nthdata0, CMSFS_ECORRUPT, "data block 0"},
    {"Nth chain link is a data block", d_nthdup, CMSFS_ECORRUPT, "twice"},
    {"QMSK misses a block", d_qmsk_free, CMSFS_ECORRUPT, "free in the QMSK"},
    {"QMSK marks a free block", d_qmsk_extra, CMSFS_ECORRUPT, "nothing uses it"},
    {"QMSK and ADTUSED disagree", d_qmsk_counts, CMSFS_ECORRUPT, "QMSK"},
    {"random MFD", d_mfd_random, CMSFS_ECORRUPT, ""},
};

static void test_damaged(void)
{
    struct md *base = sample();
    for (size_t i = 0; i < NELEM(damages); i++) {
        struct md *m = md_clone(base);
        damages[i].damage(m);
        struct cmsfs_disk *d = NULL;
        char why[200] = "";
        int rc = cmsfs_open_why(&m->io, &d, why, sizeof(why));
        if (rc != damages[i].rc || !strstr(why, damages[i].why))
            printf("\n    %s: %s (%s)", damages[i].what, cmsfs_strerror(rc), why);
        CU_ASSERT_EQUAL(rc, damages[i].rc);
        CU_ASSERT_PTR_NOT_NULL(strstr(why, damages[i].why));
        CU_ASSERT_PTR_NULL(d);
        CU_ASSERT_EQUAL(m->writes, 0);
        if (d)
            cmsfs_close(d);
        md_free(m);
    }
    md_free(base);
}

/* A disk made of noise is not a CMS disk; a label on noise is damaged. */
static void test_noise(void)
{
    uint32_t x = 99;
    for (int round = 0; round < 20; round++) {
        struct md *m = md_new(2);
        for (uint32_t b = 1; b <= m->nblocks; b++) {
            uint8_t *p = md_mut(m, b);
            for (unsigned i = 0; i < BLK; i++) {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                p[i] = (uint8_t)x;
            }
        }
        if (round % 2)
            memcpy(md_mut(m, 3), "\xC3\xD4\xE2\x7E", 4);
        struct cmsfs_disk *d = NULL;
        int rc = cmsfs_open(&m->io, &d);
        CU_ASSERT_EQUAL(rc, round % 2 ? CMSFS_ECORRUPT : CMSFS_ENOTCMS);
        CU_ASSERT_EQUAL(m->writes, 0);
        md_free(m);
    }
}

/* Random damage to the directory's blocks (and a V file's lengths): the
 * disk is refused, or it holds together well enough to be read, written
 * and opened again. */
static void test_fuzz(void)
{
    struct md *base = sample();
    uint32_t meta[4000];
    unsigned nmeta = 0;
    meta[nmeta++] = 3;
    meta[nmeta++] = 4;
    const uint8_t *mfd = md_get(base, 4);
    for (unsigned h = 0; get_be16(mfd + 2 * h) < 0xFFFD; h++) {
        uint16_t fb = get_be16(mfd + 2 * h);
        meta[nmeta++] = fb;
        for (int s = 0; s < 20; s++) {
            const uint8_t *e = md_get(base, fb) + 40 * s;
            if (e[0]) {
                meta[nmeta++] = get_be16(e + 28);
                if (get_be16(e + 36) > 60)
                    meta[nmeta++] = get_be16(md_get(base, get_be16(e + 28)));
                if (e[30] == EB_V) /* V data: the record lengths */
                    meta[nmeta++] = get_be16(md_get(base, get_be16(e + 28)) + 80);
            }
        }
    }
    uint32_t x = 2463534242u;
    unsigned opened = 0;
    for (int round = 0; round < 1500; round++) {
        struct md *m = md_clone(base);
        int flips = 1 + round % 4;
        for (int k = 0; k < flips; k++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            uint32_t b = meta[x % nmeta];
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            unsigned pos = x % 240; /* where the fields are */
            if (b == 4 && x % 3 == 0)
                pos = 364 + x % 40;
            md_mut(m, b)[pos] ^= (uint8_t)(1 + (x >> 8) % 255);
        }
        struct cmsfs_disk *d = NULL;
        int rc = cmsfs_open(&m->io, &d);
        CU_ASSERT_TRUE(rc == CMSFS_OK || rc == CMSFS_ECORRUPT || rc == CMSFS_ENOTCMS);
        if (rc == CMSFS_OK) {
            opened++;
            /* read everything; change something; it must still hold */
            unsigned cur = 0;
            struct cmsfs_fst f;
            uint8_t *buf = malloc(65536);
            while (cmsfs_next(d, &cur, &f)) {
                struct cmsfs_rfile *r;
                if (cmsfs_ropen(d, f.fn, f.ft, &r) == CMSFS_OK) {
                    size_t len;
                    while (cmsfs_read(r, 0, buf, 65536, &len) == CMSFS_OK)
                        ;
                    cmsfs_rclose(r);
                }
            }
            free(buf);
            struct model mo = {0};
            struct op ops[] = {
                {OP_APPEND, "ALPHA", "DATA", 'F', 80, 5, 1, NULL, NULL},
                {OP_ERASE, "GAMMA", "TEXT", 0, 0, 0, 0, NULL, NULL},
                {OP_WRITE, "NEW", "FILE", 'V', 50, 30, 1, NULL, NULL},
            };
            for (size_t i = 0; i < NELEM(ops); i++)
                run_op(d, &mo, &ops[i]);
            mfree(&mo);
            CU_ASSERT_EQUAL(cmsfs_close(d), CMSFS_OK);
            char why[200];
            rc = cmsfs_open_why(&m->io, &d, why, sizeof(why));
            if (rc)
                printf("\n    round %d: %s after changes (%s)", round, cmsfs_strerror(rc), why);
            CU_ASSERT_EQUAL(rc, CMSFS_OK);
            if (d)
                cmsfs_close(d);
        }
        md_free(m);
    }
    CU_ASSERT_TRUE(opened > 0); /* some damage is harmless (dates, unused bytes) */
    md_free(base);
}

/* ---------------------------------------------------------------- crashes, I/O errors, no storage */

/* A sequence that exercises every kind of commit: new files, several FST
 * blocks, Nth links, appends, updates, erase, rename, replace, and QMSK
 * extensions appearing and going. */
static const struct op seq[] = {
    {OP_WRITE, "A", "DATA", 'F', 80, 100, 1, NULL, NULL},
    {OP_WRITE, "B", "EXEC", 'V', 150, 120, 2, NULL, NULL},
    {OP_APPEND, "A", "DATA", 'F', 80, 600, 3, NULL, NULL},
    {OP_UPDATE, "A", "DATA", 'F', 80, 5, 4, NULL, NULL},
    {OP_UPDATE, "B", "EXEC", 'V', 150, 100, 5, NULL, NULL},
    {OP_WRITE, "C1", "X", 'F', 20, 3, 6, NULL, NULL},
    {OP_WRITE, "C2", "X", 'F', 20, 3, 7, NULL, NULL},
    {OP_WRITE, "C3", "X", 'F', 20, 3, 8, NULL, NULL},
    {OP_WRITE, "C4", "X", 'F', 20, 3, 9, NULL, NULL},
    {OP_WRITE, "C5", "X", 'V', 20, 3, 10, NULL, NULL},
    {OP_WRITE, "C6", "X", 'V', 20, 3, 11, NULL, NULL},
    {OP_ERASE, "B", "EXEC", 0, 0, 0, 0, NULL, NULL},
    {OP_RENAME, "A", "DATA", 0, 0, 0, 0, "AA", "DATA"},
    {OP_WRITE, "AA", "DATA", 'V', 500, 40, 12, NULL, NULL},
    {OP_ERASE, "FILL", "DATA", 0, 0, 0, 0, NULL, NULL},
    {OP_WRITE, "D", "DATA", 'F', 800, 30, 13, NULL, NULL},
    {OP_APPEND, "C5", "X", 'V', 20, 2, 14, NULL, NULL},
};

/* The disk the sequence starts from: 17 files in one FST block, and one
 * file filling up to about block 1700 so that new blocks lie past 1720. */
static struct md *seq_base(struct model *mo)
{
    struct md *m;
    struct cmsfs_disk *d = fresh(&m, 5, "CRASH");
    static const struct op pre[] = {{OP_WRITE, "FILL", "DATA", 'F', 800, 1650, 100, NULL, NULL}};
    run_ops(d, mo, pre, 1);
    for (unsigned i = 0; i < 16; i++) {
        char n[9];
        snprintf(n, sizeof(n), "P%u", i);
        struct op o = {OP_WRITE, n, "P", 'F', 40, 2, 200 + (uint32_t)i, NULL, NULL};
        run_ops(d, mo, &o, 1);
    }
    cls(d);
    return m;
}

static void test_crash(void)
{
    struct model start = {0};
    struct md *base = seq_base(&start);
    /* the models after each operation, and the writes each one ends at */
    struct model states[NELEM(seq) + 1];
    long ends[NELEM(seq)];
    mcopy(&states[0], &start);
    struct md *m = md_clone(base);
    struct cmsfs_disk *d = opn(m);
    struct model mo;
    mcopy(&mo, &start);
    for (size_t i = 0; i < NELEM(seq); i++) {
        CU_ASSERT_EQUAL(run_op(d, &mo, &seq[i]), CMSFS_OK);
        ends[i] = m->writes;
        mcopy(&states[i + 1], &mo);
    }
    cls(d);
    md_ok(m);
    long total = m->writes;
    md_free(m);
    mfree(&mo);
    CU_ASSERT_TRUE(total > 100);

    for (long k = 0; k <= total; k++) {
        m = md_clone(base);
        m->persist = k;
        d = opn(m);
        mcopy(&mo, &start);
        for (size_t i = 0; i < NELEM(seq); i++)
            run_op(d, &mo, &seq[i]); /* past the crash it works on a stale disk */
        cmsfs_close(d);
        mfree(&mo);
        md_ok(m);
        /* the disk as the crash left it: exactly the state after the last
         * operation whose MFD was written */
        size_t done = 0;
        while (done < NELEM(seq) && ends[done] <= k)
            done++;
        m->persist = -1;
        char why[200] = "", ctx[40];
        int rc = cmsfs_open_why(&m->io, &d, why, sizeof(why));
        if (rc)
            printf("\n    crash after write %ld: %s (%s)", k, cmsfs_strerror(rc), why);
        CU_ASSERT_EQUAL(rc, CMSFS_OK);
        if (rc == CMSFS_OK) {
            snprintf(ctx, sizeof(ctx), "crash after write %ld", k);
            CU_ASSERT_TRUE(disk_is(d, &states[done], ctx));
            /* and it goes on working */
            struct model more;
            mcopy(&more, &states[done]);
            static const struct op after = {OP_WRITE, "AFTER", "CRASH", 'V', 300,
                                            50,       77,      NULL,    NULL};
            CU_ASSERT_EQUAL(run_op(d, &more, &after), CMSFS_OK);
            cls(d);
            d = opn(m);
            CU_ASSERT_TRUE(disk_is(d, &more, ctx));
            cls(d);
            mfree(&more);
        }
        md_free(m);
    }
    for (size_t i = 0; i <= NELEM(seq); i++)
        mfree(&states[i]);
    mfree(&start);
    md_free(base);
}

/* An I/O error at every write: the operation fails, nothing changes; an
 * error on the MFD itself leaves the disk refusing changes until it is
 * accessed again. Either way the disk on the drive is whole. */
static void test_io_errors(void)
{
    struct model start = {0};
    struct md *base = seq_base(&start);
    struct md *m = md_clone(base);
    struct cmsfs_disk *d = opn(m);
    struct model mo;
    mcopy(&mo, &start);
    run_ops(d, &mo, seq, NELEM(seq));
    cls(d);
    long total = m->writes;
    md_free(m);
    mfree(&mo);
    for (long k = 0; k < total; k += 1 + k / 64) {
        m = md_clone(base);
        m->fail_at = k;
        d = opn(m);
        mcopy(&mo, &start);
        int failed = 0;
        for (size_t i = 0; i < NELEM(seq); i++)
            failed += run_op(d, &mo, &seq[i]) != CMSFS_OK;
        CU_ASSERT_TRUE(failed >= 1);
        char ctx[40];
        snprintf(ctx, sizeof(ctx), "I/O error at write %ld", k);
        CU_ASSERT_TRUE(disk_is(d, &mo, ctx));
        cls(d);
        d = opn(m);
        CU_ASSERT_TRUE(disk_is(d, &mo, ctx));
        cls(d);
        md_ok(m);
        mfree(&mo);
        md_free(m);
    }
    mfree(&start);
    md_free(base);
}

/* Storage running out at every allocation: a clean error, nothing leaked
 * (the sanitizer checks), and the disk as the successful operations left it. */
static void test_no_storage(void)
{
    struct model start = {0};
    struct md *base = seq_base(&start);
    long allocs;
    {
        struct md *m = md_clone(base);
        struct model mo;
        mcopy(&mo, &start);
        alloc_count = 0;
        alloc_fail_at = 1L << 40;
        struct cmsfs_disk *d = opn(m);
        run_ops(d, &mo, seq, 8);
        cls(d);
        allocs = alloc_count;
        alloc_fail_at = -1;
        mfree(&mo);
        md_free(m);
    }
    for (long k = 0; k < allocs; k++) {
        struct md *m = md_clone(base);
        struct model mo;
        mcopy(&mo, &start);
        alloc_count = 0;
        alloc_fail_at = k;
        struct cmsfs_disk *d = NULL;
        int rc = cmsfs_open(&m->io, &d);
        if (rc == CMSFS_OK) {
            for (size_t i = 0; i < 8; i++) {
                /* ENOMEM, or what follows from an earlier operation failing */
                int r = run_op(d, &mo, &seq[i]);
                CU_ASSERT_TRUE(r != CMSFS_EIO && r != CMSFS_ECORRUPT);
            }
            alloc_fail_at = -1;
            char ctx[40];
            snprintf(ctx, sizeof(ctx), "allocation %ld failed", k);
            CU_ASSERT_TRUE(disk_is(d, &mo, ctx));
            cls(d);
            d = opn(m);
            CU_ASSERT_TRUE(disk_is(d, &mo, ctx));
            cls(d);
        } else {
            CU_ASSERT_EQUAL(rc, CMSFS_ENOMEM);
            CU_ASSERT_TRUE(md_same(m, base));
        }
        alloc_fail_at = -1;
        md_ok(m);
        mfree(&mo);
        md_free(m);
    }
    mfree(&start);
    md_free(base);
}

static CU_TestInfo cases[] = {
    {"file names and messages", test_names},
    {"FORMAT: label and MFD byte for byte", test_format_bytes},
    {"FORMAT refused; relabel", test_format_refused},
    {"FORMAT RECOMP keeps the files", test_recomp},
    {"every record rewritten, then appended", test_update_all_then_append},
    {"the reference's 1-cylinder counts", test_reference_counts},
    {"F and V files of many sizes", test_files},
    {"files side by side, read out of order", test_files_together},
    {"the FST entry byte for byte", test_fst_bytes},
    {"batched transfers, consecutive blocks", test_batching},
    {"append shares the old blocks", test_append},
    {"append refused; open files", test_append_refused},
    {"record update copies only its blocks", test_update},
    {"updates and appends in one version", test_update_mixed},
    {"erase and rename", test_erase_rename},
    {"read-only disk", test_readonly},
    {"many files, several FST blocks", test_many_files},
    {"QMSK extension blocks", test_qmsk_extension},
    {"disk full leaves everything as it was", test_disk_full},
    {"directory full", test_dir_full},
    {"the largest file, the most records", test_largest},
    {"damaged disks refused with the reason", test_damaged},
    {"noise is refused", test_noise},
    {"random damage never crashes", test_fuzz},
    {"a crash after every write", test_crash},
    {"an I/O error at every write", test_io_errors},
    {"no storage at every allocation", test_no_storage},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("cmsfs", cases);
