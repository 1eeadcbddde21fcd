/*
 * fswrite.c - writing files (the jobs of VM/370's DMSBWR, and of DMSFNS
 * when FINIS closes a file): a new version of a file is built beside the
 * committed one and replaces it in one commit.
 *
 * Entry points: cmsfs_wopen, cmsfs_write, cmsfs_wclose, cmsfs_wkeepdate.
 * Returns 0 or a negative CMSFS_E* code.
 *
 * The new version shares the committed version's data blocks until one
 * of them changes: appending copies only the partly filled last block,
 * updating a record copies only the blocks it touches (copy on write);
 * blocks the new version wrote itself are reserved (d->rsv) and may be
 * rewritten in place. Appended blocks collect in a window of FS_BATCH
 * blocks in storage and go out in one transfer to a run of consecutive
 * blocks. At close, chain links whose entries changed and a new first
 * chain link are written, and fs_commit writes the FST block and the MFD.
 * After EFULL or EIO a version can only be dropped: cmsfs_wclose returns
 * the error and the file stays as it was.
 */
#include <string.h>
#include "lib/bytes.h"
#include "cms/fs/fsint.h"

struct cmsfs_wfile {
    struct fs_open o; /* on the disk's list of open files */
    struct cmsfs_disk *d;
    uint8_t fn[8], ft[8], fmode[2], recfm;
    uint32_t lrecl; /* F: the record length; V: the longest record so far */
    int how;
    bool existed;
    struct fs_chain old; /* CMSFS_W_APPEND: the committed version's chain */
    uint16_t *blk;       /* the new version's data blocks; 0: not placed yet */
    uint32_t nblk, cap;
    uint32_t nbytes; /* the stream's length (V: once sized) */
    bool sized;
    uint32_t records;
    uint8_t *win; /* file blocks wfirst.. wfirst+wcount-1, the last ones */
    uint32_t wfirst, wcount;
    struct fs_rcache rc; /* blocks before the window, read for updates */
    struct fs_vpos vp;
    uint32_t hint; /* where the next blocks are sought */
    bool changed, keepdate;
    struct cmsfs_date date;
    int err; /* a write failed: the version can only be dropped */
};

static bool is_new(const struct cmsfs_wfile *w, uint16_t b) { return b && map_get(w->d->rsv, b); }

/* Room for need data block numbers. */
static int grow(struct cmsfs_wfile *w, uint32_t need)
{
    if (need <= w->cap)
        return CMSFS_OK;
    uint32_t cap = w->cap ? 2 * w->cap : 64;
    while (cap < need)
        cap *= 2;
    if (cap > CMSFS_MAXDATA)
        cap = CMSFS_MAXDATA;
    uint16_t *n = cmsfs_alloc(cap * sizeof(*n));
    if (!n)
        return CMSFS_ENOMEM;
    if (w->blk) {
        memcpy(n, w->blk, w->nblk * sizeof(*n));
        cmsfs_free(w->blk);
    }
    w->blk = n;
    w->cap = cap;
    return CMSFS_OK;
}

/* Write the window out: blocks not placed yet get a run of free blocks. */
static int flush(struct cmsfs_wfile *w)
{
    if (w->wcount == 0)
        return CMSFS_OK;
    uint16_t nums[FS_BATCH];
    unsigned k = 0;
    for (uint32_t i = 0; i < w->wcount; i++)
        k += w->blk[w->wfirst + i] == 0;
    int rc = fs_alloc(w->d, NULL, w->hint, k, fs_reserve(w->d), nums);
    if (rc)
        return rc;
    struct cmsfs_blk v[FS_BATCH];
    k = 0;
    for (uint32_t i = 0; i < w->wcount; i++) {
        uint16_t *b = &w->blk[w->wfirst + i];
        if (*b == 0)
            *b = nums[k++];
        v[i] = (struct cmsfs_blk){*b, w->win + i * CMSFS_BLKSIZE};
    }
    if ((rc = fs_io(w->d, true, v, w->wcount)))
        return rc;
    w->hint = w->blk[w->wfirst + w->wcount - 1] + 1u;
    w->d->rover = w->hint;
    w->wfirst += w->wcount;
    w->wcount = 0;
    return CMSFS_OK;
}

/* File block idx, to change: in the window, or read (then *wb is set and
 * the block must be written back). */
static int block_at(struct cmsfs_wfile *w, uint32_t idx, uint8_t **p, bool *wb)
{
    *wb = idx < w->wfirst;
    if (!*wb) {
        *p = w->win + (idx - w->wfirst) * CMSFS_BLKSIZE;
        return CMSFS_OK;
    }
    return fs_rcache_get(w->d, &w->rc, w->blk, w->wfirst, idx, p);
}

/* Write back a changed block before the window; a committed one is
 * copied to a new block (the committed version keeps the old). */
static int write_back(struct cmsfs_wfile *w, uint32_t idx, uint8_t *p)
{
    uint16_t *b = &w->blk[idx];
    if (!is_new(w, *b)) {
        int rc = fs_alloc(w->d, NULL, *b + 1u, 1, fs_reserve(w->d), b);
        if (rc)
            return rc;
    }
    struct cmsfs_blk v = {*b, p};
    return fs_io(w->d, true, &v, 1);
}

/* n bytes of the stream at off (all within it): copied to dst, or else
 * overwritten from src. */
static int move_bytes(struct cmsfs_wfile *w, uint32_t off, uint8_t *dst, const uint8_t *src,
                      uint32_t n)
{
    while (n) {
        uint32_t idx = off / CMSFS_BLKSIZE, in = off % CMSFS_BLKSIZE;
        uint32_t c = CMSFS_BLKSIZE - in < n ? CMSFS_BLKSIZE - in : n;
        uint8_t *p;
        bool wb;
        int rc = block_at(w, idx, &p, &wb);
        if (rc)
            return rc;
        if (dst) {
            memcpy(dst, p + in, c);
            dst += c;
        } else {
            memcpy(p + in, src, c);
            src += c;
            if (wb && (rc = write_back(w, idx, p)))
                return rc;
        }
        off += c;
        n -= c;
    }
    return CMSFS_OK;
}

static int get_bytes(void *ctx, uint32_t off, uint8_t *dst, uint32_t n)
{
    return move_bytes(ctx, off, dst, NULL, n);
}

/* The partly filled last block of the committed version joins the window
 * (copied on write unless this version wrote it). */
static int load_tail(struct cmsfs_wfile *w, uint32_t idx)
{
    if (w->wcount != 0 || idx + 1 != w->wfirst)
        return CMSFS_ECORRUPT;
    uint8_t *p;
    int rc = fs_rcache_get(w->d, &w->rc, w->blk, w->wfirst, idx, &p);
    if (rc)
        return rc;
    memcpy(w->win, p, CMSFS_BLKSIZE);
    if (w->rc.first + w->rc.count > idx) /* the window holds it now */
        w->rc.count = idx > w->rc.first ? idx - w->rc.first : 0;
    w->wfirst = idx;
    w->wcount = 1;
    if (!is_new(w, w->blk[idx]))
        w->blk[idx] = 0;
    return CMSFS_OK;
}

/* Add n bytes at the end of the stream. */
static int append(struct cmsfs_wfile *w, const uint8_t *src, uint32_t n)
{
    while (n) {
        uint32_t idx = w->nbytes / CMSFS_BLKSIZE, in = w->nbytes % CMSFS_BLKSIZE;
        int rc = CMSFS_OK;
        if (idx == w->nblk) {
            if (w->wcount == FS_BATCH)
                rc = flush(w);
            if (rc == CMSFS_OK)
                rc = grow(w, w->nblk + 1);
            if (rc)
                return rc;
            w->blk[w->nblk++] = 0;
            memset(w->win + w->wcount * CMSFS_BLKSIZE, 0, CMSFS_BLKSIZE);
            w->wcount++;
        } else if (idx < w->wfirst && (rc = load_tail(w, idx)))
            return rc;
        uint32_t c = CMSFS_BLKSIZE - in < n ? CMSFS_BLKSIZE - in : n;
        memcpy(w->win + (idx - w->wfirst) * CMSFS_BLKSIZE + in, src, c);
        w->nbytes += c;
        src += c;
        n -= c;
    }
    return CMSFS_OK;
}

/* V: find where the stream ends (the record after the last). */
static int size_v(struct cmsfs_wfile *w)
{
    uint32_t l;
    int rc = fs_vseek(&w->vp, w->records, w->nblk * CMSFS_BLKSIZE, w->lrecl, get_bytes, w, &l);
    if (rc)
        return rc;
    w->nbytes = w->vp.off + 2 + l;
    w->sized = true;
    return CMSFS_OK;
}

/* ---------------------------------------------------------------- open, write */

static bool has_free_slot(const struct cmsfs_disk *d)
{
    for (unsigned fi = 0; fi < d->nfst; fi++)
        for (unsigned s = 0; s < FST_PER_BLOCK; s++)
            if (fs_slot_empty(fs_entry(d, fi, s)))
                return true;
    return false;
}

static void drop(struct cmsfs_wfile *w)
{
    for (uint32_t i = 0; i < w->nblk; i++)
        if (is_new(w, w->blk[i]))
            fs_unreserve(w->d, w->blk[i]);
    fs_unlink(w->d, &w->o);
    fs_chain_free(&w->old);
    fs_rcache_free(&w->rc);
    if (w->blk)
        cmsfs_free(w->blk);
    if (w->win)
        cmsfs_free(w->win);
    cmsfs_free(w);
}

int cmsfs_wopen(struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8], uint8_t fm_letter,
                uint8_t fm_number, uint8_t recfm, uint32_t lrecl, int how, struct cmsfs_wfile **fp)
{
    *fp = NULL;
    if ((recfm != EB_F && recfm != EB_V) || fm_number > 6 ||
        (how != CMSFS_W_REPLACE && how != CMSFS_W_APPEND) ||
        (recfm == EB_F && (lrecl == 0 || lrecl > CMSFS_MAXLRECL)) || fn[0] == 0 ||
        fn[0] == EB_BLANK || ft[0] == 0 || ft[0] == EB_BLANK || fm_letter < EB_BLANK)
        return CMSFS_EINVAL;
    if (d->io->readonly)
        return CMSFS_ERDONLY;
    if (d->broken)
        return CMSFS_EIO;
    if (fs_is_open(d, fn, ft, false))
        return CMSFS_EBUSY;
    struct fs_file f;
    bool existed = fs_lookup(d, fn, ft, &f) == CMSFS_OK;
    if (existed && how == CMSFS_W_APPEND &&
        (f.recfm != recfm || (recfm == EB_F && f.lrecl != lrecl)))
        return CMSFS_EINVAL;
    if (!existed && !has_free_slot(d) && !fs_dir_fits(d->nfst + 1, d->next))
        return CMSFS_EDIRFULL;

    struct cmsfs_wfile *w = cmsfs_alloc(sizeof(*w));
    if (!w)
        return CMSFS_ENOMEM;
    memset(w, 0, sizeof(*w));
    w->d = d;
    fs_link(d, &w->o, fn, ft, true);
    memcpy(w->fn, fn, 8);
    memcpy(w->ft, ft, 8);
    w->fmode[0] = fm_letter;
    w->fmode[1] = (uint8_t)(EB_0 + fm_number);
    w->recfm = recfm;
    w->lrecl = recfm == EB_F ? lrecl : 0;
    w->how = how;
    w->existed = existed;
    w->sized = true;
    w->hint = d->rover;
    w->vp = (struct fs_vpos){1, 0};
    w->changed = existed && how == CMSFS_W_REPLACE; /* even empty, it erases the file */
    int rc = CMSFS_ENOMEM;
    if (!(w->win = cmsfs_alloc(FS_BATCH * CMSFS_BLKSIZE)))
        goto fail;
    if (existed && how == CMSFS_W_APPEND) {
        if ((rc = fs_chain_load(d, &f, &w->old)))
            goto fail;
        if ((rc = grow(w, w->old.nblk)))
            goto fail;
        memcpy(w->blk, w->old.blk, w->old.nblk * sizeof(uint16_t));
        w->nblk = w->wfirst = w->old.nblk;
        w->records = f.records;
        w->lrecl = f.lrecl;
        w->nbytes = f.records * f.lrecl;
        w->sized = recfm == EB_F;
        w->hint = w->blk[w->nblk - 1] + 1u;
    }
    *fp = w;
    return CMSFS_OK;
fail:
    drop(w);
    return rc;
}

void cmsfs_wkeepdate(struct cmsfs_wfile *w, const struct cmsfs_date *date)
{
    w->keepdate = true;
    w->date = *date;
}

static int write_rec(struct cmsfs_wfile *w, uint32_t recno, const uint8_t *rec, uint32_t len)
{
    int rc;
    if (recno <= w->records) { /* an update in place */
        uint32_t off = (recno - 1) * w->lrecl;
        if (w->recfm == EB_V) {
            uint32_t l;
            if ((rc = fs_vseek(&w->vp, recno, w->nblk * CMSFS_BLKSIZE, w->lrecl, get_bytes, w, &l)))
                return rc;
            if (l != len)
                return CMSFS_EINVAL;
            off = w->vp.off + 2;
        }
        w->changed = true;
        return move_bytes(w, off, NULL, rec, len);
    }
    if (w->records == CMSFS_MAXRECS)
        return CMSFS_ETOOBIG;
    if (!w->sized && (rc = size_v(w)))
        return rc;
    uint32_t need = w->recfm == EB_V ? len + 2 : len;
    if ((w->nbytes + need + CMSFS_BLKSIZE - 1) / CMSFS_BLKSIZE > CMSFS_MAXDATA)
        return CMSFS_ETOOBIG;
    w->changed = true;
    if (w->recfm == EB_V) {
        uint8_t h[2];
        put_be16(h, (uint16_t)len);
        if ((rc = append(w, h, 2)))
            return rc;
        if (len > w->lrecl)
            w->lrecl = len;
    }
    if ((rc = append(w, rec, len)))
        return rc;
    w->records++;
    return CMSFS_OK;
}

int cmsfs_write(struct cmsfs_wfile *w, uint32_t recno, const void *rec, size_t len)
{
    if (w->err)
        return w->err;
    if (recno == 0)
        recno = w->records + 1;
    if (recno > w->records + 1 || len == 0 || len > CMSFS_MAXLRECL ||
        (w->recfm == EB_F && len != w->lrecl))
        return CMSFS_EINVAL;
    int rc = write_rec(w, recno, rec, (uint32_t)len);
    if (rc && rc != CMSFS_EINVAL && rc != CMSFS_ETOOBIG)
        w->err = rc;
    return rc;
}

/* ---------------------------------------------------------------- close */

/* Chain link k of the new version: its data block numbers. */
static void build_cl(const struct cmsfs_wfile *w, unsigned k, uint8_t *img)
{
    uint32_t lo = FCL_NDATA + k * NCL_NDATA;
    memset(img, 0, CMSFS_BLKSIZE);
    for (uint32_t i = lo; i < w->nblk && i < lo + NCL_NDATA; i++)
        put_be16(img + 2 * (i - lo), w->blk[i]);
}

/* Does chain link k of the new version list what the committed one did? */
static bool cl_same(const struct cmsfs_wfile *w, unsigned k)
{
    if (!w->existed || w->how != CMSFS_W_APPEND || k >= w->old.ncl)
        return false;
    uint32_t lo = FCL_NDATA + k * NCL_NDATA;
    for (uint32_t i = lo; i < w->nblk && i < lo + NCL_NDATA; i++)
        if (i >= w->old.nblk || w->blk[i] != w->old.blk[i])
            return false;
    return true;
}

static void build_entry(const struct cmsfs_wfile *w, uint16_t fcl, uint8_t *e)
{
    memset(e, 0, FST_LEN);
    memcpy(e + FST_FNAME, w->fn, 8);
    memcpy(e + FST_FTYPE, w->ft, 8);
    struct cmsfs_date now;
    if (w->keepdate)
        now = w->date;
    else
        cmsfs_now(&now);
    fs_put_date(e, &now);
    put_be16(e + FST_WRPNT, (uint16_t)(w->records + 1));
    put_be16(e + FST_RDPNT, 1);
    memcpy(e + FST_FMODE, w->fmode, 2);
    put_be16(e + FST_RECCT, (uint16_t)w->records);
    put_be16(e + FST_FCLPT, fcl);
    e[FST_RECFM] = w->recfm;
    put_be32(e + FST_LRECL, w->lrecl);
    put_be16(e + FST_BLKCT, (uint16_t)w->nblk);
}

/* The new chain links: those that changed and the first go to new blocks
 * (the window, empty now, is the buffer). The old ones are freed in t. */
static int write_chain(struct cmsfs_wfile *w, struct fs_txn *t, uint16_t *fclp)
{
    unsigned ncl = fs_ncl(w->nblk);
    uint16_t cl[FCL_NNTH], nums[1 + FCL_NNTH];
    unsigned dirty[FCL_NNTH], nd = 0;
    for (unsigned k = 0; k < ncl; k++) {
        if (cl_same(w, k)) {
            cl[k] = w->old.cl[k];
            continue;
        }
        if (w->existed && w->how == CMSFS_W_APPEND && k < w->old.ncl)
            map_clr(t->map, w->old.cl[k]);
        dirty[nd++] = k;
    }
    int rc = fs_alloc(w->d, t->map, w->hint, nd + 1, fs_reserve(w->d), nums);
    if (rc)
        return rc;
    for (unsigned j = 0; j < nd; j++)
        cl[dirty[j]] = nums[1 + j];
    *fclp = nums[0];
    struct cmsfs_blk v[FS_BATCH];
    unsigned n = 0;
    for (unsigned j = 0; j <= nd; j++) {
        uint8_t *img = w->win + n * CMSFS_BLKSIZE;
        if (j == 0) { /* the first chain link */
            memset(img, 0, CMSFS_BLKSIZE);
            for (unsigned k = 0; k < ncl; k++)
                put_be16(img + FCL_NTH + 2 * k, cl[k]);
            for (uint32_t i = 0; i < w->nblk && i < FCL_NDATA; i++)
                put_be16(img + FCL_DATA + 2 * i, w->blk[i]);
        } else
            build_cl(w, dirty[j - 1], img);
        v[n++] = (struct cmsfs_blk){nums[j], img};
        if ((n == FS_BATCH || j == nd) && (rc = fs_io(w->d, true, v, n)))
            return rc;
        if (n == FS_BATCH)
            n = 0;
    }
    return CMSFS_OK;
}

static int commit(struct cmsfs_wfile *w)
{
    struct cmsfs_disk *d = w->d;
    int rc = flush(w);
    if (rc)
        return rc;
    struct fs_file cur = {0};
    bool have = fs_lookup(d, w->fn, w->ft, &cur) == CMSFS_OK;
    if (have != w->existed)
        return CMSFS_EBUSY; /* cannot happen: the name was held open */
    struct fs_chain replaced = {0};
    if (have && w->how == CMSFS_W_REPLACE && (rc = fs_chain_load(d, &cur, &replaced)))
        return rc;
    struct fs_txn t;
    if ((rc = fs_txn_begin(d, &t)))
        goto out;
    for (uint32_t i = 0; i < w->nblk; i++)
        if (is_new(w, w->blk[i]))
            map_set(t.map, w->blk[i]);
    if (have && w->how == CMSFS_W_REPLACE) {
        for (uint32_t i = 0; i < replaced.nblk; i++)
            map_clr(t.map, replaced.blk[i]);
        for (unsigned k = 0; k < replaced.ncl; k++)
            map_clr(t.map, replaced.cl[k]);
        map_clr(t.map, replaced.fcl);
    } else if (have) {
        for (uint32_t i = 0; i < w->old.nblk; i++)
            if (w->blk[i] != w->old.blk[i])
                map_clr(t.map, w->old.blk[i]);
        map_clr(t.map, w->old.fcl);
    }
    uint16_t fcl;
    if ((rc = write_chain(w, &t, &fcl)) == CMSFS_OK) {
        build_entry(w, fcl, t.entry);
        t.newfile = !have;
        t.fi = cur.fi;
        t.slot = cur.slot;
        rc = fs_commit(d, &t);
    }
out:
    fs_txn_end(&t);
    fs_chain_free(&replaced);
    return rc;
}

int cmsfs_wclose(struct cmsfs_wfile *w, bool commit_it)
{
    int rc = CMSFS_OK;
    if (commit_it && w->err)
        rc = w->err;
    else if (commit_it && w->changed && w->records)
        rc = commit(w);
    else if (commit_it && w->changed) { /* an empty new version: no file */
        fs_unlink(w->d, &w->o);
        rc = cmsfs_erase(w->d, w->fn, w->ft);
    }
    drop(w);
    return rc;
}
