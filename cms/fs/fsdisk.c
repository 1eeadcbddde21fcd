/*
 * fsdisk.c - a disk as a whole: FORMAT (DMSFOR), ACCESS with the checks
 * that make a directory trustworthy (DMSACC, DMSACM), RELEASE, QUERY DISK
 * figures, and looking files up in the directory in storage (DMSLFS).
 *
 * Entry points: cmsfs_format, cmsfs_relabel, cmsfs_open, cmsfs_open_why,
 * cmsfs_close, cmsfs_disk_info, cmsfs_next, cmsfs_find, cmsfs_name,
 * cmsfs_strerror; for the other files of cms/fs/ the directory helpers
 * of fsint.h. Returns 0 or a negative CMSFS_E* code.
 *
 * ACCESS reads the label, the MFD, the QMSK extensions, every FST block
 * and every chain link, and accepts the disk only if all of it holds
 * together: every block number in range and used once, the QMSK marking
 * exactly the blocks referenced, the counts agreeing, every FST sane.
 * A disk that fails is never written. Layout: docs/cms-disk.md.
 */
#include <stdio.h>
#include <string.h>
#include "console/ebcdic.h"
#include "lib/bytes.h"
#include "cms/fs/fsint.h"

static const uint8_t cms_id[4] = {0xC3, 0xD4, 0xE2, 0x7E}; /* "CMS=" */

const char *cmsfs_strerror(int err)
{
    switch (err) {
    case CMSFS_OK: return "no error";
    case CMSFS_EIO: return "disk I/O error";
    case CMSFS_ENOTCMS: return "not a CMS disk";
    case CMSFS_ECORRUPT: return "the disk's directory is damaged";
    case CMSFS_ENOTFOUND: return "file not found";
    case CMSFS_ERDONLY: return "disk is read-only";
    case CMSFS_EFULL: return "disk is full";
    case CMSFS_EDIRFULL: return "directory is full";
    case CMSFS_ENOMEM: return "not enough storage";
    case CMSFS_EINVAL: return "invalid argument";
    case CMSFS_EEXIST: return "file already exists";
    case CMSFS_EEOF: return "end of file";
    case CMSFS_ETOOBIG: return "file too large";
    case CMSFS_EBUSY: return "file is open";
    case CMSFS_ETRUNC: return "record truncated";
    }
    return "unknown error";
}

bool cmsfs_name(uint8_t out[8], const char *ascii)
{
    size_t n = strnlen(ascii, 9);
    if (n == 0 || n > 8)
        return false;
    for (size_t i = 0; i < 8; i++) {
        char c = i < n ? ascii[i] : ' ';
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (i >= n && c == ' ') ||
                  (c && strchr("$#@+-:_", c));
        if (!ok)
            return false;
        a2e(&out[i], &c, 1);
    }
    return true;
}

/* ---------------------------------------------------------------- the directory in storage */

int fs_io(const struct cmsfs_disk *d, bool write, struct cmsfs_blk *v, unsigned n)
{
    if (n == 0)
        return CMSFS_OK;
    return d->io->io(d->io->ctx, write, v, n) ? CMSFS_EIO : CMSFS_OK;
}

uint8_t *fs_entry(const struct cmsfs_disk *d, unsigned fi, unsigned slot)
{
    return d->fst[fi] + slot * FST_LEN;
}

bool fs_slot_empty(const uint8_t *e) { return e[FST_FNAME] == 0; }

void fs_decode(const uint8_t *e, unsigned fi, unsigned slot, struct fs_file *f)
{
    f->fi = fi;
    f->slot = slot;
    memcpy(f->fn, e + FST_FNAME, 8);
    memcpy(f->ft, e + FST_FTYPE, 8);
    memcpy(f->fmode, e + FST_FMODE, 2);
    f->recfm = e[FST_RECFM];
    f->lrecl = get_be32(e + FST_LRECL);
    f->records = get_be16(e + FST_RECCT);
    f->blkct = get_be16(e + FST_BLKCT);
    f->fcl = get_be16(e + FST_FCLPT);
}

int fs_lookup(const struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8],
              struct fs_file *f)
{
    for (unsigned fi = 0; fi < d->nfst; fi++)
        for (unsigned s = 0; s < FST_PER_BLOCK; s++) {
            const uint8_t *e = fs_entry(d, fi, s);
            if (!fs_slot_empty(e) && memcmp(e + FST_FNAME, fn, 8) == 0 &&
                memcmp(e + FST_FTYPE, ft, 8) == 0) {
                fs_decode(e, fi, s, f);
                return CMSFS_OK;
            }
        }
    return CMSFS_ENOTFOUND;
}

bool fs_is_open(const struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8], bool writer)
{
    for (const struct fs_open *o = d->open; o; o = o->next)
        if ((o->writer || !writer) && memcmp(o->fn, fn, 8) == 0 && memcmp(o->ft, ft, 8) == 0)
            return true;
    return false;
}

void fs_link(struct cmsfs_disk *d, struct fs_open *o, const uint8_t fn[8], const uint8_t ft[8],
             bool writer)
{
    memcpy(o->fn, fn, 8);
    memcpy(o->ft, ft, 8);
    o->writer = writer;
    o->next = d->open;
    d->open = o;
}

void fs_unlink(struct cmsfs_disk *d, struct fs_open *o)
{
    for (struct fs_open **p = &d->open; *p; p = &(*p)->next)
        if (*p == o) {
            *p = o->next;
            return;
        }
}

bool fs_dir_fits(unsigned nfst, unsigned next)
{
    return nfst + 1 + (next ? next + 1 : 0) <= MFD_NLIST;
}

void fs_build_mfd(uint8_t *mfd, const uint16_t *fstblk, unsigned nfst, const uint16_t *ext,
                  unsigned next, uint32_t num, unsigned cyls, const uint8_t *map, uint32_t mapbytes,
                  const uint8_t *tail)
{
    memset(mfd, 0, CMSFS_BLKSIZE);
    unsigned h = 0;
    for (unsigned i = 0; i < nfst; i++)
        put_be16(mfd + 2 * h++, fstblk[i]);
    put_be16(mfd + 2 * h++, (uint16_t)(next ? MFD_EXT : MFD_END));
    for (unsigned i = 0; i < next; i++)
        put_be16(mfd + 2 * h++, ext[i]);
    /* after the extensions a zero halfword, which the memset wrote */
    uint32_t used = map_count(map, mapbytes);
    put_be32(mfd + MFD_NUM, num);
    put_be32(mfd + MFD_USED, used);
    put_be32(mfd + MFD_LEFT, num - used);
    put_be32(mfd + MFD_LAST, map_last(map, mapbytes));
    put_be32(mfd + MFD_CYL, cyls);
    memcpy(mfd + MFD_QMSK, map, MFD_QMSKLEN); /* the map buffer is zero past mapbytes */
    if (tail)
        memcpy(mfd + MFD_TAIL, tail, MFD_TAILLEN);
}

/* Blocks in cyls cylinders, capped at what halfword block numbers reach;
 * 0 for a geometry no CKD device has. */
static uint32_t disk_blocks(const struct cmsfs_io *io, unsigned cyls)
{
    if (!io->blocks_per_track || io->blocks_per_track > 255 || !io->tracks_per_cyl ||
        io->tracks_per_cyl > 255)
        return 0;
    uint32_t per_cyl = io->blocks_per_track * io->tracks_per_cyl;
    if (cyls > CMSFS_MAXBLOCKS / per_cyl)
        return CMSFS_MAXBLOCKS;
    return cyls * per_cyl;
}

/* ---------------------------------------------------------------- FORMAT */

static int write_label(const struct cmsfs_io *io, const uint8_t label[6])
{
    uint8_t blk[CMSFS_BLKSIZE];
    memset(blk, 0, sizeof(blk));
    memcpy(blk + LBL_ID, cms_id, 4);
    memcpy(blk + LBL_VOL, label, 6);
    struct cmsfs_blk v = {FS_LABEL_BLK, blk};
    return io->io(io->ctx, true, &v, 1) ? CMSFS_EIO : CMSFS_OK;
}

/* A file system of cyls cylinders on io: its blocks in *num, or why not. */
static int size_for(const struct cmsfs_io *io, unsigned cyls, uint32_t *num)
{
    if (!io || !io->io)
        return CMSFS_EINVAL;
    if (io->readonly)
        return CMSFS_ERDONLY;
    *num = disk_blocks(io, cyls);
    if (cyls == 0 || cyls > io->cylinders || *num < FS_FIRST)
        return CMSFS_EINVAL;
    return CMSFS_OK;
}

int cmsfs_format(const struct cmsfs_io *io, const uint8_t label[6], unsigned cyls)
{
    uint32_t num;
    int rc = size_for(io, cyls, &num);
    if (rc)
        return rc;
    /* an empty directory: one empty FST block (block 5), blocks 1-5 in use */
    uint8_t *buf = cmsfs_alloc(2 * CMSFS_BLKSIZE + FS_MAPALLOC);
    if (!buf)
        return CMSFS_ENOMEM;
    uint8_t *fst = buf, *mfd = buf + CMSFS_BLKSIZE, *map = buf + 2 * CMSFS_BLKSIZE;
    memset(buf, 0, 2 * CMSFS_BLKSIZE + FS_MAPALLOC);
    for (uint32_t b = 1; b <= FS_FIRST; b++)
        map_set(map, b);
    uint16_t fstblk = FS_FIRST;
    fs_build_mfd(mfd, &fstblk, 1, NULL, 0, num, cyls, map, (num + 7) / 8, NULL);
    /* the FST block first, then the MFD that lists it, then the label */
    struct cmsfs_blk v = {FS_FIRST, fst};
    rc = io->io(io->ctx, true, &v, 1) ? CMSFS_EIO : CMSFS_OK;
    if (rc == CMSFS_OK) {
        v = (struct cmsfs_blk){FS_MFD_BLK, mfd};
        rc = io->io(io->ctx, true, &v, 1) ? CMSFS_EIO : CMSFS_OK;
    }
    if (rc == CMSFS_OK)
        rc = write_label(io, label);
    cmsfs_free(buf);
    return rc;
}

int cmsfs_relabel(const struct cmsfs_io *io, const uint8_t label[6])
{
    if (!io || !io->io)
        return CMSFS_EINVAL;
    if (io->readonly)
        return CMSFS_ERDONLY;
    uint8_t blk[CMSFS_BLKSIZE];
    struct cmsfs_blk v = {FS_LABEL_BLK, blk};
    if (io->io(io->ctx, false, &v, 1))
        return CMSFS_EIO;
    if (memcmp(blk + LBL_ID, cms_id, 4) != 0)
        return CMSFS_ENOTCMS;
    return write_label(io, label);
}

int cmsfs_recomp(const struct cmsfs_io *io, unsigned cyls)
{
    uint32_t num;
    int rc = size_for(io, cyls, &num);
    if (rc)
        return rc;
    struct cmsfs_disk *d;
    rc = cmsfs_open(io, &d);
    if (rc)
        return rc;
    /* every block in use must lie inside the new size */
    for (uint32_t b = num + 1; b <= d->num; b++)
        if (map_get(d->map, b)) {
            cmsfs_close(d);
            return CMSFS_EFULL;
        }
    uint8_t *buf = cmsfs_alloc(CMSFS_BLKSIZE + FS_MAPALLOC);
    if (!buf) {
        cmsfs_close(d);
        return CMSFS_ENOMEM;
    }
    uint8_t *mfd = buf, *map = buf + CMSFS_BLKSIZE;
    memset(map, 0, FS_MAPALLOC);
    memcpy(map, d->map, d->mapbytes);
    /* the map's extension blocks hold the same bits: only the MFD changes,
     * in one block write */
    fs_build_mfd(mfd, d->fstblk, d->nfst, d->ext, d->next, num, cyls, map, (num + 7) / 8,
                 d->mfdtail);
    struct cmsfs_blk v = {FS_MFD_BLK, mfd};
    rc = io->io(io->ctx, true, &v, 1) ? CMSFS_EIO : CMSFS_OK;
    cmsfs_free(buf);
    cmsfs_close(d);
    return rc;
}

/* ---------------------------------------------------------------- ACCESS: the checks */

struct check {
    struct cmsfs_disk *d;
    uint8_t *seen; /* blocks referenced so far */
    char *why;
    size_t whylen;
};

#define CORRUPT(c, ...)                                                                            \
    do {                                                                                           \
        if ((c)->why)                                                                              \
            snprintf((c)->why, (c)->whylen, __VA_ARGS__);                                          \
        return CMSFS_ECORRUPT;                                                                     \
    } while (0)

/* "fn ft" in ASCII, for messages. */
static const char *fileid(const uint8_t *e, char *buf)
{
    char fn[9], ft[9];
    e2a_field(fn, e + FST_FNAME, 8);
    e2a_field(ft, e + FST_FTYPE, 8);
    snprintf(buf, 24, "%s %s", fn, ft);
    return buf;
}

/* A reference to block b by `what`: in range, and the only one. */
static int refer(struct check *c, uint32_t b, const char *what, const uint8_t *e)
{
    char id[24];
    if (b < FS_FIRST || b > c->d->num) {
        if (e)
            CORRUPT(c, "file %s: %s %u is outside blocks %u-%u", fileid(e, id), what, (unsigned)b,
                    FS_FIRST, (unsigned)c->d->num);
        CORRUPT(c, "%s %u is outside blocks %u-%u", what, (unsigned)b, FS_FIRST,
                (unsigned)c->d->num);
    }
    if (map_get(c->seen, b)) {
        if (e)
            CORRUPT(c, "file %s: %s %u is used twice", fileid(e, id), what, (unsigned)b);
        CORRUPT(c, "%s %u is used twice", what, (unsigned)b);
    }
    map_set(c->seen, b);
    return CMSFS_OK;
}

/* The MFD's counts, which size everything else. */
static int check_counts(struct check *c, const uint8_t *mfd)
{
    struct cmsfs_disk *d = c->d;
    const struct cmsfs_io *io = d->io;
    d->num = get_be32(mfd + MFD_NUM);
    d->used = get_be32(mfd + MFD_USED);
    uint32_t left = get_be32(mfd + MFD_LEFT);
    uint32_t cyl = get_be32(mfd + MFD_CYL);
    if (cyl == 0 || cyl > io->cylinders)
        CORRUPT(c, "ADTCYL %u: the disk has %u cylinders", (unsigned)cyl, io->cylinders);
    d->cyls = cyl;
    if (d->num != disk_blocks(io, cyl))
        CORRUPT(c, "ADTNUM %u: %u cylinders hold %u blocks", (unsigned)d->num, (unsigned)cyl,
                (unsigned)disk_blocks(io, cyl));
    if (d->used > d->num || left != d->num - d->used)
        CORRUPT(c, "ADTUSED %u + ADTLEFT %u is not ADTNUM %u", (unsigned)d->used, (unsigned)left,
                (unsigned)d->num);
    d->mapbytes = (d->num + 7) / 8;
    d->maxext = map_extneeded(d->mapbytes - 1);
    d->mapalloc = MFD_QMSKLEN + d->maxext * CMSFS_BLKSIZE;
    return CMSFS_OK;
}

/* The MFD's lists of FST blocks and QMSK extensions (the blocks are read
 * later), and the QMSK's first part. */
static int check_lists(struct check *c, const uint8_t *mfd)
{
    struct cmsfs_disk *d = c->d;
    unsigned h = 0;
    d->nfst = 0;
    for (;; h++) {
        if (h == MFD_NLIST)
            CORRUPT(c, "the MFD's FST block list has no end");
        uint16_t b = get_be16(mfd + 2 * h);
        if (b == MFD_END || b == MFD_EXT)
            break;
        if (refer(c, b, "FST block", NULL))
            return CMSFS_ECORRUPT;
        d->fstblk[d->nfst++] = b;
    }
    d->next = 0;
    if (get_be16(mfd + 2 * h) == MFD_EXT) {
        for (h++;; h++) {
            if (h == MFD_NLIST)
                CORRUPT(c, "the MFD's QMSK extension list has no end");
            uint16_t b = get_be16(mfd + 2 * h);
            if (b == 0)
                break;
            if (d->next == d->maxext)
                CORRUPT(c, "more QMSK extensions than %u blocks need", (unsigned)d->num);
            if (refer(c, b, "QMSK extension", NULL))
                return CMSFS_ECORRUPT;
            d->ext[d->next++] = b;
        }
    }
    memcpy(d->map, mfd + MFD_QMSK, MFD_QMSKLEN);
    memcpy(d->mfdtail, mfd + MFD_TAIL, MFD_TAILLEN);
    return CMSFS_OK;
}

/* Read the FST blocks and QMSK extensions, each into its place. */
static int read_dir(struct check *c)
{
    struct cmsfs_disk *d = c->d;
    struct cmsfs_blk v[MFD_NLIST];
    unsigned n = 0;
    for (unsigned i = 0; i < d->nfst; i++) {
        d->fst[i] = cmsfs_alloc(CMSFS_BLKSIZE);
        if (!d->fst[i])
            return CMSFS_ENOMEM;
        v[n++] = (struct cmsfs_blk){d->fstblk[i], d->fst[i]};
    }
    for (unsigned i = 0; i < d->next; i++)
        v[n++] = (struct cmsfs_blk){d->ext[i], d->map + MFD_QMSKLEN + i * CMSFS_BLKSIZE};
    int rc = fs_io(d, false, v, n);
    if (rc)
        return rc;
    /* the QMSK ends at block num: anything past it means nothing */
    memset(d->map + d->mapbytes, 0, d->mapalloc - d->mapbytes);
    if (d->num % 8)
        d->map[d->mapbytes - 1] &= (uint8_t)(0xFF00 >> (d->num % 8));
    return CMSFS_OK;
}

static bool name_ok(const uint8_t *p)
{
    if (p[0] == EB_BLANK)
        return false;
    for (unsigned i = 0; i < 8; i++)
        if (p[i] < EB_BLANK || p[i] == 0xFF)
            return false;
    return true;
}

/* One FST entry on its own: fields in range, block count agreeing. */
static int check_entry(struct check *c, const uint8_t *e)
{
    char id[24];
    struct fs_file f;
    fs_decode(e, 0, 0, &f);
    if (!name_ok(f.fn) || !name_ok(f.ft))
        CORRUPT(c, "an FST entry has an invalid file name");
    fileid(e, id);
    if (f.recfm != EB_F && f.recfm != EB_V)
        CORRUPT(c, "file %s: record format X'%02X'", id, f.recfm);
    if (f.fmode[1] < EB_0 || f.fmode[1] > EB_0 + 9)
        CORRUPT(c, "file %s: file mode number X'%02X'", id, f.fmode[1]);
    if (f.records == 0 || f.blkct == 0 || f.blkct > CMSFS_MAXDATA)
        CORRUPT(c, "file %s: %u records in %u blocks", id, (unsigned)f.records, (unsigned)f.blkct);
    if (f.lrecl > CMSFS_MAXLRECL || (f.recfm == EB_F && f.lrecl == 0))
        CORRUPT(c, "file %s: LRECL %u", id, (unsigned)f.lrecl);
    /* records and lrecl are at most 65535: the products fit 32 bits */
    uint32_t lo, hi; /* the data's length in bytes lies within [lo, hi] */
    if (f.recfm == EB_F)
        lo = hi = f.records * f.lrecl;
    else {
        lo = 2 * f.records;
        hi = f.records * (f.lrecl + 2);
    }
    if ((uint32_t)f.blkct * CMSFS_BLKSIZE < lo || (uint32_t)(f.blkct - 1) * CMSFS_BLKSIZE >= hi)
        CORRUPT(c, "file %s: %u records of LRECL %u do not fill %u blocks", id, (unsigned)f.records,
                (unsigned)f.lrecl, (unsigned)f.blkct);
    return CMSFS_OK;
}

static uint32_t name_hash(const uint8_t *e)
{
    uint32_t h = 2166136261u;
    for (unsigned i = 0; i < 16; i++)
        h = (h ^ e[i]) * 16777619u;
    return h;
}

/* Every FST entry, and no file name twice (an open-addressing table). */
static int check_entries(struct check *c)
{
    struct cmsfs_disk *d = c->d;
    unsigned size = 64;
    while (size < 2 * d->nfst * FST_PER_BLOCK)
        size *= 2;
    const uint8_t **tab = cmsfs_alloc(size * sizeof(*tab));
    if (!tab)
        return CMSFS_ENOMEM;
    memset(tab, 0, size * sizeof(*tab));
    int rc = CMSFS_OK;
    d->files = 0;
    for (unsigned fi = 0; fi < d->nfst && rc == CMSFS_OK; fi++)
        for (unsigned s = 0; s < FST_PER_BLOCK && rc == CMSFS_OK; s++) {
            const uint8_t *e = fs_entry(d, fi, s);
            if (fs_slot_empty(e))
                continue;
            rc = check_entry(c, e);
            if (rc)
                break;
            d->files++;
            unsigned h = name_hash(e) & (size - 1);
            while (tab[h] && memcmp(tab[h], e, 16) != 0)
                h = (h + 1) & (size - 1);
            if (tab[h]) {
                char id[24];
                if (c->why)
                    snprintf(c->why, c->whylen, "file %s is in the directory twice", fileid(e, id));
                rc = CMSFS_ECORRUPT;
            }
            tab[h] = e;
        }
    cmsfs_free(tab);
    return rc;
}

/* Nth chain links waiting to be read: whose, which, how many entries. */
struct clref {
    const uint8_t *e;
    uint16_t blk;
    uint16_t count;
};

static int check_cls(struct check *c, struct clref *q, unsigned nq, uint8_t *buf)
{
    struct cmsfs_blk v[FS_BATCH];
    for (unsigned i = 0; i < nq; i++)
        v[i] = (struct cmsfs_blk){q[i].blk, buf + i * CMSFS_BLKSIZE};
    int rc = fs_io(c->d, false, v, nq);
    for (unsigned i = 0; i < nq && rc == CMSFS_OK; i++)
        for (unsigned j = 0; j < q[i].count && rc == CMSFS_OK; j++)
            rc = refer(c, get_be16(buf + i * CMSFS_BLKSIZE + 2 * j), "data block", q[i].e);
    return rc;
}

/* The chain links of the files in e[0..n): FCLs in one transfer, then the
 * Nth links in transfers of FS_BATCH. */
static int check_files(struct check *c, const uint8_t **e, unsigned n, uint8_t *buf)
{
    struct cmsfs_blk v[FS_BATCH];
    for (unsigned i = 0; i < n; i++) {
        uint16_t fcl = get_be16(e[i] + FST_FCLPT);
        if (refer(c, fcl, "first chain link", e[i]))
            return CMSFS_ECORRUPT;
        v[i] = (struct cmsfs_blk){fcl, buf + i * CMSFS_BLKSIZE};
    }
    int rc = fs_io(c->d, false, v, n);
    if (rc)
        return rc;
    struct clref q[FS_BATCH];
    unsigned nq = 0;
    /* the Nth links are listed first (all FCLs are parsed before buf is reused) */
    struct clref *all = cmsfs_alloc(n * FCL_NNTH * sizeof(*all));
    if (!all)
        return CMSFS_ENOMEM;
    unsigned nall = 0;
    for (unsigned i = 0; i < n && rc == CMSFS_OK; i++) {
        const uint8_t *fcl = buf + i * CMSFS_BLKSIZE;
        uint32_t nblk = get_be16(e[i] + FST_BLKCT);
        uint32_t first = nblk < FCL_NDATA ? nblk : FCL_NDATA;
        for (uint32_t j = 0; j < first && rc == CMSFS_OK; j++)
            rc = refer(c, get_be16(fcl + FCL_DATA + 2 * j), "data block", e[i]);
        unsigned ncl = fs_ncl(nblk);
        for (unsigned k = 0; k < ncl && rc == CMSFS_OK; k++) {
            uint16_t b = get_be16(fcl + FCL_NTH + 2 * k);
            rc = refer(c, b, "chain link", e[i]);
            uint32_t left = nblk - FCL_NDATA - k * NCL_NDATA;
            all[nall++] = (struct clref){e[i], b, (uint16_t)(left < NCL_NDATA ? left : NCL_NDATA)};
        }
    }
    for (unsigned i = 0; i < nall && rc == CMSFS_OK; i++) {
        q[nq++] = all[i];
        if (nq == FS_BATCH || i + 1 == nall) {
            rc = check_cls(c, q, nq, buf);
            nq = 0;
        }
    }
    cmsfs_free(all);
    return rc;
}

static int check_chains(struct check *c, uint8_t *buf)
{
    struct cmsfs_disk *d = c->d;
    const uint8_t *e[FS_BATCH];
    unsigned n = 0;
    for (unsigned fi = 0; fi < d->nfst; fi++)
        for (unsigned s = 0; s < FST_PER_BLOCK; s++) {
            const uint8_t *x = fs_entry(d, fi, s);
            if (fs_slot_empty(x))
                continue;
            e[n++] = x;
            if (n == FS_BATCH) {
                int rc = check_files(c, e, n, buf);
                if (rc)
                    return rc;
                n = 0;
            }
        }
    return n ? check_files(c, e, n, buf) : CMSFS_OK;
}

/* The QMSK must mark exactly the blocks referenced, and ADTUSED count them. */
static int check_map(struct check *c)
{
    struct cmsfs_disk *d = c->d;
    for (uint32_t i = 0; i < d->mapbytes; i++) {
        if (d->map[i] == c->seen[i])
            continue;
        for (uint32_t b = i * 8 + 1; b <= i * 8 + 8; b++) {
            if (map_get(d->map, b) && !map_get(c->seen, b))
                CORRUPT(c, "block %u is marked in use in the QMSK but nothing uses it",
                        (unsigned)b);
            if (!map_get(d->map, b) && map_get(c->seen, b))
                CORRUPT(c, "block %u is in use but free in the QMSK", (unsigned)b);
        }
    }
    uint32_t n = map_count(d->map, d->mapbytes);
    if (n != d->used)
        CORRUPT(c, "ADTUSED %u, but %u blocks are in use", (unsigned)d->used, (unsigned)n);
    return CMSFS_OK;
}

static void disk_free(struct cmsfs_disk *d)
{
    for (unsigned i = 0; i < MFD_NLIST; i++)
        if (d->fst[i])
            cmsfs_free(d->fst[i]);
    if (d->map)
        cmsfs_free(d->map);
    if (d->rsv)
        cmsfs_free(d->rsv);
    cmsfs_free(d);
}

int cmsfs_open_why(const struct cmsfs_io *io, struct cmsfs_disk **diskp, char *why, size_t whylen)
{
    *diskp = NULL;
    if (why && whylen)
        why[0] = 0;
    if (!io || !io->io || !io->cylinders || !disk_blocks(io, 1))
        return CMSFS_EINVAL;
    struct cmsfs_disk *d = cmsfs_alloc(sizeof(*d));
    if (!d)
        return CMSFS_ENOMEM;
    memset(d, 0, sizeof(*d));
    d->io = io;
    struct check c = {d, NULL, why, whylen};
    uint8_t *buf = cmsfs_alloc(FS_BATCH * CMSFS_BLKSIZE);
    int rc = CMSFS_ENOMEM;
    if (!buf)
        goto out;
    struct cmsfs_blk v[2] = {{FS_LABEL_BLK, buf}, {FS_MFD_BLK, buf + CMSFS_BLKSIZE}};
    if ((rc = fs_io(d, false, v, 2)))
        goto out;
    if (memcmp(buf + LBL_ID, cms_id, 4) != 0) {
        if (why)
            snprintf(why, whylen, "block 3 has no CMS= label");
        rc = CMSFS_ENOTCMS;
        goto out;
    }
    memcpy(d->label, buf + LBL_VOL, 6);
    if ((rc = check_counts(&c, buf + CMSFS_BLKSIZE)))
        goto out;
    d->map = cmsfs_alloc(d->mapalloc);
    d->rsv = cmsfs_alloc(d->mapalloc);
    c.seen = cmsfs_alloc(d->mapalloc);
    rc = CMSFS_ENOMEM;
    if (!d->map || !d->rsv || !c.seen)
        goto out;
    memset(d->map, 0, d->mapalloc);
    memset(d->rsv, 0, d->mapalloc);
    memset(c.seen, 0, d->mapalloc);
    for (uint32_t b = 1; b < FS_FIRST; b++)
        map_set(c.seen, b);
    if ((rc = check_lists(&c, buf + CMSFS_BLKSIZE)) || (rc = read_dir(&c)) ||
        (rc = check_entries(&c)) || (rc = check_chains(&c, buf)) || (rc = check_map(&c)))
        goto out;
    d->rover = FS_FIRST;
out:
    if (buf)
        cmsfs_free(buf);
    if (c.seen)
        cmsfs_free(c.seen);
    if (rc) {
        disk_free(d);
        return rc;
    }
    *diskp = d;
    return CMSFS_OK;
}

int cmsfs_open(const struct cmsfs_io *io, struct cmsfs_disk **diskp)
{
    return cmsfs_open_why(io, diskp, NULL, 0);
}

int cmsfs_close(struct cmsfs_disk *d)
{
    if (d->open)
        return CMSFS_EBUSY;
    disk_free(d);
    return CMSFS_OK;
}

void cmsfs_disk_info(const struct cmsfs_disk *d, struct cmsfs_info *info)
{
    memcpy(info->label, d->label, 6);
    info->cylinders = d->cyls;
    info->total = d->num;
    info->used = d->used;
    info->left = d->num - d->used;
    info->files = d->files;
    info->blocks_per_track = d->io->blocks_per_track;
}

/* ---------------------------------------------------------------- listing */

bool cmsfs_next(const struct cmsfs_disk *d, unsigned *cursor, struct cmsfs_fst *f)
{
    for (unsigned pos = *cursor; pos < d->nfst * FST_PER_BLOCK; pos++) {
        unsigned fi = pos / FST_PER_BLOCK, s = pos % FST_PER_BLOCK;
        const uint8_t *e = fs_entry(d, fi, s);
        if (fs_slot_empty(e))
            continue;
        cmsfs_fst_decode(e, f);
        *cursor = pos + 1;
        return true;
    }
    *cursor = d->nfst * FST_PER_BLOCK;
    return false;
}

int cmsfs_find(const struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8],
               struct cmsfs_fst *f)
{
    struct fs_file ff;
    int rc = fs_lookup(d, fn, ft, &ff);
    if (rc == CMSFS_OK && f)
        cmsfs_fst_decode(fs_entry(d, ff.fi, ff.slot), f);
    return rc;
}
