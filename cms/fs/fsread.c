/*
 * fsread.c - reading files (the job of VM/370's DMSBRD): a file's chain
 * links, a window of data blocks read in one transfer, records by number.
 *
 * Entry points: cmsfs_ropen, cmsfs_read, cmsfs_rclose; for fswrite.c and
 * fsdir.c fs_chain_load and the block window (fs_rcache_get).
 *
 * A file's data is one byte stream across its data blocks: F records of
 * LRECL bytes end to end, V records each behind a 2-byte length. Record
 * n of an F file is found by arithmetic; of a V file by walking the
 * lengths, from the last record read when n lies ahead of it.
 */
#include <string.h>
#include "lib/bytes.h"
#include "cms/fs/fsint.h"

/* ---------------------------------------------------------------- chains */

static bool in_use(const struct cmsfs_disk *d, uint32_t b)
{
    return b >= FS_FIRST && b <= d->num && map_get(d->map, b);
}

void fs_chain_free(struct fs_chain *c)
{
    if (c->blk)
        cmsfs_free(c->blk);
    c->blk = NULL;
}

int fs_chain_load(struct cmsfs_disk *d, const struct fs_file *f, struct fs_chain *c)
{
    memset(c, 0, sizeof(*c));
    c->fcl = f->fcl;
    c->nblk = f->blkct;
    c->ncl = fs_ncl(f->blkct);
    if (!in_use(d, c->fcl) || c->nblk > CMSFS_MAXDATA)
        return CMSFS_ECORRUPT;
    c->blk = cmsfs_alloc((c->nblk ? c->nblk : 1) * sizeof(uint16_t));
    uint8_t *buf = cmsfs_alloc(FS_BATCH * CMSFS_BLKSIZE);
    int rc = CMSFS_ENOMEM;
    if (!c->blk || !buf)
        goto out;
    struct cmsfs_blk v[FS_BATCH] = {{c->fcl, buf}};
    if ((rc = fs_io(d, false, v, 1)))
        goto out;
    for (unsigned k = 0; k < c->ncl; k++)
        c->cl[k] = get_be16(buf + FCL_NTH + 2 * k);
    for (uint32_t i = 0; i < c->nblk && i < FCL_NDATA; i++)
        c->blk[i] = get_be16(buf + FCL_DATA + 2 * i);
    /* the Nth chain links, FS_BATCH at a time */
    for (unsigned k0 = 0; k0 < c->ncl; k0 += FS_BATCH) {
        unsigned n = c->ncl - k0 < FS_BATCH ? c->ncl - k0 : FS_BATCH;
        for (unsigned j = 0; j < n; j++) {
            if (!in_use(d, c->cl[k0 + j])) {
                rc = CMSFS_ECORRUPT;
                goto out;
            }
            v[j] = (struct cmsfs_blk){c->cl[k0 + j], buf + j * CMSFS_BLKSIZE};
        }
        if ((rc = fs_io(d, false, v, n)))
            goto out;
        for (unsigned j = 0; j < n; j++) {
            uint32_t base = FCL_NDATA + (k0 + j) * NCL_NDATA;
            for (uint32_t i = 0; i < NCL_NDATA && base + i < c->nblk; i++)
                c->blk[base + i] = get_be16(buf + j * CMSFS_BLKSIZE + 2 * i);
        }
    }
    rc = CMSFS_OK;
    for (uint32_t i = 0; i < c->nblk; i++)
        if (!in_use(d, c->blk[i]))
            rc = CMSFS_ECORRUPT;
out:
    if (buf)
        cmsfs_free(buf);
    if (rc)
        fs_chain_free(c);
    return rc;
}

/* ---------------------------------------------------------------- the block window */

int fs_rcache_get(const struct cmsfs_disk *d, struct fs_rcache *rc, const uint16_t *blk,
                  uint32_t limit, uint32_t idx, uint8_t **p)
{
    if (idx >= rc->first && idx < rc->first + rc->count) {
        *p = rc->buf + (idx - rc->first) * CMSFS_BLKSIZE;
        return CMSFS_OK;
    }
    if (idx >= limit)
        return CMSFS_ECORRUPT;
    if (!rc->buf && !(rc->buf = cmsfs_alloc(FS_BATCH * CMSFS_BLKSIZE)))
        return CMSFS_ENOMEM;
    struct cmsfs_blk v[FS_BATCH];
    uint32_t n = 0;
    while (n < FS_BATCH && idx + n < limit) {
        v[n] = (struct cmsfs_blk){blk[idx + n], rc->buf + n * CMSFS_BLKSIZE};
        n++;
    }
    rc->count = 0;
    int r = fs_io(d, false, v, n);
    if (r)
        return r;
    rc->first = idx;
    rc->count = n;
    *p = rc->buf;
    return CMSFS_OK;
}

void fs_rcache_free(struct fs_rcache *rc)
{
    if (rc->buf)
        cmsfs_free(rc->buf);
    rc->buf = NULL;
    rc->count = 0;
}

/* ---------------------------------------------------------------- records */

struct cmsfs_rfile {
    struct fs_open o; /* on the disk's list of open files */
    struct cmsfs_disk *d;
    struct fs_file f;
    struct fs_chain c;
    struct fs_rcache rc;
    uint32_t size;     /* bytes the data blocks hold */
    uint32_t next;     /* the record recno 0 reads */
    struct fs_vpos vp; /* V: the last record found */
};

int cmsfs_ropen(struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8],
                struct cmsfs_rfile **fp)
{
    *fp = NULL;
    struct fs_file f;
    int rc = fs_lookup(d, fn, ft, &f);
    if (rc)
        return rc;
    if (fs_is_open(d, fn, ft, true))
        return CMSFS_EBUSY;
    struct cmsfs_rfile *r = cmsfs_alloc(sizeof(*r));
    if (!r)
        return CMSFS_ENOMEM;
    memset(r, 0, sizeof(*r));
    r->d = d;
    r->f = f;
    if ((rc = fs_chain_load(d, &f, &r->c))) {
        cmsfs_free(r);
        return rc;
    }
    r->size = f.blkct * CMSFS_BLKSIZE;
    r->next = 1;
    r->vp = (struct fs_vpos){1, 0};
    fs_link(d, &r->o, fn, ft, false);
    *fp = r;
    return CMSFS_OK;
}

/* n bytes of the stream from off (the caller has checked off + n <= size). */
static int get_bytes(struct cmsfs_rfile *r, uint32_t off, uint8_t *dst, uint32_t n)
{
    while (n) {
        uint8_t *p;
        int rc = fs_rcache_get(r->d, &r->rc, r->c.blk, r->c.nblk, off / CMSFS_BLKSIZE, &p);
        if (rc)
            return rc;
        uint32_t in = off % CMSFS_BLKSIZE, c = CMSFS_BLKSIZE - in;
        if (c > n)
            c = n;
        memcpy(dst, p + in, c);
        dst += c;
        off += c;
        n -= c;
    }
    return CMSFS_OK;
}

int fs_vseek(struct fs_vpos *p, uint32_t recno, uint32_t size, uint32_t lrecl, fs_getbytes get,
             void *ctx, uint32_t *len)
{
    if (recno < p->rec) {
        p->rec = 1;
        p->off = 0;
    }
    for (;;) {
        uint8_t h[2];
        if (p->off + 2 > size)
            return CMSFS_ECORRUPT;
        int rc = get(ctx, p->off, h, 2);
        if (rc)
            return rc;
        uint32_t l = get_be16(h);
        if (l > lrecl || p->off + 2 + l > size)
            return CMSFS_ECORRUPT;
        if (p->rec == recno) {
            *len = l;
            return CMSFS_OK;
        }
        p->off += 2 + l;
        p->rec++;
    }
}

static int r_get(void *ctx, uint32_t off, uint8_t *dst, uint32_t n)
{
    return get_bytes(ctx, off, dst, n);
}

int cmsfs_read(struct cmsfs_rfile *r, uint32_t recno, void *buf, size_t buflen, size_t *len)
{
    if (recno == 0)
        recno = r->next;
    *len = 0;
    if (recno > r->f.records)
        return CMSFS_EEOF;
    uint32_t off, l;
    if (r->f.recfm == EB_F) {
        off = (recno - 1) * r->f.lrecl;
        l = r->f.lrecl;
    } else {
        int rc = fs_vseek(&r->vp, recno, r->size, r->f.lrecl, r_get, r, &l);
        if (rc)
            return rc;
        off = r->vp.off + 2;
    }
    uint32_t n = l < buflen ? l : (uint32_t)buflen;
    int rc = get_bytes(r, off, buf, n);
    if (rc)
        return rc;
    *len = l;
    r->next = recno + 1;
    if (r->f.recfm == EB_V) {
        r->vp.rec = recno + 1;
        r->vp.off = off + l;
    }
    return l > buflen ? CMSFS_ETRUNC : CMSFS_OK;
}

void cmsfs_rclose(struct cmsfs_rfile *r)
{
    if (!r)
        return;
    fs_unlink(r->d, &r->o);
    fs_chain_free(&r->c);
    fs_rcache_free(&r->rc);
    cmsfs_free(r);
}
