/*
 * fsdir.c - committing a change to the directory (the job of VM/370's
 * DMSAUD), and the two changes that are nothing else: ERASE (DMSERS) and
 * RENAME (DMSRNM).
 *
 * Entry points: fs_txn_begin, fs_commit, fs_txn_end (for fswrite.c),
 * cmsfs_erase, cmsfs_rename. Returns 0 or a negative CMSFS_E* code.
 *
 * A commit changes one FST slot. It writes the FST block that holds the
 * slot to a new block, QMSK extension blocks whose contents changed to new
 * blocks, and then the MFD, which lists the new numbers: until the MFD is
 * written the old directory on disk is whole, and after it the new one is
 * (VM/370 calls this the double directory). The old blocks are free only
 * in the new QMSK, so nothing the committed directory references is ever
 * overwritten. Nothing in storage changes unless the commit succeeds.
 */
#include <string.h>
#include "lib/bytes.h"
#include "cms/fs/fsint.h"

int fs_txn_begin(struct cmsfs_disk *d, struct fs_txn *t)
{
    memset(t, 0, sizeof(*t));
    t->map = cmsfs_alloc(d->mapalloc);
    if (!t->map)
        return CMSFS_ENOMEM;
    memcpy(t->map, d->map, d->mapalloc);
    return CMSFS_OK;
}

void fs_txn_end(struct fs_txn *t)
{
    if (t->map)
        cmsfs_free(t->map);
    t->map = NULL;
}

static bool block_empty(const uint8_t *img)
{
    for (unsigned s = 0; s < FST_PER_BLOCK; s++)
        if (!fs_slot_empty(img + s * FST_LEN))
            return false;
    return true;
}

/* Did the part of the QMSK that extension i holds change? */
static bool ext_changed(const struct cmsfs_disk *d, const uint8_t *map, unsigned i)
{
    size_t off = MFD_QMSKLEN + (size_t)i * CMSFS_BLKSIZE;
    return memcmp(d->map + off, map + off, CMSFS_BLKSIZE) != 0;
}

/* The QMSK extensions of the new map: as many as its last byte in use
 * needs (not counting the old extension blocks themselves, which are
 * free in the new map unless kept). An old extension whose part is
 * unchanged is kept; a changed one moves to a new block. Allocating a
 * block changes the map again, so this repeats until nothing moves: each
 * extension moves at most once and their number only grows, so it ends. */
static int place_exts(struct cmsfs_disk *d, struct fs_txn *t, uint16_t *ext, unsigned *nextp)
{
    unsigned keep = t->dironly ? 0 : fs_reserve(d), next = 0;
    bool old[FS_MAXEXT] = {false};
    for (unsigned i = 0; i < d->next; i++)
        map_clr(t->map, d->ext[i]);
    for (bool again = true; again;) {
        again = false;
        while (next < map_extneeded(map_last(t->map, d->mapbytes))) {
            if (next < d->next) { /* provisionally the same block */
                ext[next] = d->ext[next];
                map_set(t->map, ext[next]);
                old[next] = true;
            } else {
                int rc = fs_alloc(d, t->map, FS_FIRST, 1, keep, &ext[next]);
                if (rc)
                    return rc;
            }
            next++;
        }
        for (unsigned i = 0; i < next; i++) {
            if (!old[i] || !ext_changed(d, t->map, i))
                continue;
            map_clr(t->map, ext[i]); /* the old block is free in the new map only */
            int rc = fs_alloc(d, t->map, FS_FIRST, 1, keep, &ext[i]);
            if (rc)
                return rc;
            old[i] = false;
            again = true;
        }
    }
    *nextp = next;
    return CMSFS_OK;
}

int fs_commit(struct cmsfs_disk *d, struct fs_txn *t)
{
    if (d->broken)
        return CMSFS_EIO;
    /* the slot: a new file takes the first free one, or a new FST block */
    unsigned fi = t->fi, slot = t->slot;
    bool addblk = false;
    if (t->newfile) {
        addblk = true;
        for (fi = 0; fi < d->nfst && addblk; fi++)
            for (slot = 0; slot < FST_PER_BLOCK; slot++)
                if (fs_slot_empty(fs_entry(d, fi, slot))) {
                    addblk = false;
                    break;
                }
        if (addblk) {
            fi = d->nfst;
            slot = 0;
        } else
            fi--;
    }
    uint8_t *img = cmsfs_alloc(2 * CMSFS_BLKSIZE);
    if (!img)
        return CMSFS_ENOMEM;
    uint8_t *mfd = img + CMSFS_BLKSIZE;
    if (addblk)
        memset(img, 0, CMSFS_BLKSIZE);
    else
        memcpy(img, d->fst[fi], CMSFS_BLKSIZE);
    bool was_file = !fs_slot_empty(img + slot * FST_LEN);
    memcpy(img + slot * FST_LEN, t->entry, FST_LEN);
    bool is_file = !fs_slot_empty(t->entry);

    /* the FST block list: the block moves (to the first free block: the
     * directory stays near the front, and so does the QMSK's last byte),
     * or goes if it is empty now (the last one stays, so the directory
     * always has a block) */
    uint16_t list[MFD_NLIST];
    unsigned nl = d->nfst;
    memcpy(list, d->fstblk, sizeof(list));
    bool drop = !addblk && block_empty(img) && d->nfst > 1;
    uint16_t nb = 0;
    int rc = CMSFS_OK;
    if (!addblk)
        map_clr(t->map, d->fstblk[fi]);
    if (!drop)
        rc = fs_alloc(d, t->map, FS_FIRST, 1, t->dironly ? 0 : fs_reserve(d), &nb);
    if (addblk && nl == MFD_NLIST)
        rc = CMSFS_EDIRFULL;
    if (rc)
        goto fail;
    if (addblk)
        list[nl++] = nb;
    else if (drop) {
        memmove(&list[fi], &list[fi + 1], (nl - fi - 1) * sizeof(list[0]));
        nl--;
    } else
        list[fi] = nb;

    uint16_t ext[FS_MAXEXT];
    unsigned next;
    if ((rc = place_exts(d, t, ext, &next)))
        goto fail;
    if (!fs_dir_fits(nl, next)) {
        rc = CMSFS_EDIRFULL;
        goto fail;
    }

    /* the new blocks, then the MFD on its own */
    struct cmsfs_blk v[1 + FS_MAXEXT];
    unsigned n = 0;
    if (!drop)
        v[n++] = (struct cmsfs_blk){nb, img};
    for (unsigned i = 0; i < next; i++)
        if (i >= d->next || ext[i] != d->ext[i])
            v[n++] = (struct cmsfs_blk){ext[i], t->map + MFD_QMSKLEN + i * CMSFS_BLKSIZE};
    if ((rc = fs_io(d, true, v, n)))
        goto fail;
    fs_build_mfd(mfd, list, nl, ext, next, d->num, d->cyls, t->map, d->mapbytes, d->mfdtail);
    v[0] = (struct cmsfs_blk){FS_MFD_BLK, mfd};
    if ((rc = fs_io(d, true, v, 1))) {
        d->broken = true; /* the MFD on disk may be either one */
        goto fail;
    }

    /* committed: the directory in storage becomes the new one */
    if (addblk) {
        d->fst[fi] = img;
        img = NULL;
    } else if (drop) {
        cmsfs_free(d->fst[fi]);
        memmove(&d->fst[fi], &d->fst[fi + 1], (d->nfst - fi - 1) * sizeof(d->fst[0]));
        d->fst[d->nfst - 1] = NULL;
    } else {
        memcpy(d->fst[fi], img, CMSFS_BLKSIZE);
    }
    d->nfst = nl;
    memcpy(d->fstblk, list, sizeof(list));
    d->next = next;
    memcpy(d->ext, ext, sizeof(ext));
    memcpy(d->map, t->map, d->mapalloc);
    d->used = map_count(d->map, d->mapbytes);
    d->files = d->files + is_file - was_file;
    if (img)
        cmsfs_free(img);
    return CMSFS_OK;
fail:
    cmsfs_free(img);
    return rc;
}

/* ---------------------------------------------------------------- ERASE, RENAME */

static int can_change(const struct cmsfs_disk *d)
{
    if (d->io->readonly)
        return CMSFS_ERDONLY;
    return d->broken ? CMSFS_EIO : CMSFS_OK;
}

int cmsfs_erase(struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8])
{
    struct fs_file f;
    int rc;
    if ((rc = can_change(d)) || (rc = fs_lookup(d, fn, ft, &f)))
        return rc;
    if (fs_is_open(d, fn, ft, false))
        return CMSFS_EBUSY;
    struct fs_chain c;
    if ((rc = fs_chain_load(d, &f, &c)))
        return rc;
    struct fs_txn t;
    if ((rc = fs_txn_begin(d, &t)) == CMSFS_OK) {
        for (uint32_t i = 0; i < c.nblk; i++)
            map_clr(t.map, c.blk[i]);
        for (unsigned k = 0; k < c.ncl; k++)
            map_clr(t.map, c.cl[k]);
        map_clr(t.map, c.fcl);
        t.dironly = true;
        t.fi = f.fi;
        t.slot = f.slot;
        rc = fs_commit(d, &t);
    }
    fs_txn_end(&t);
    fs_chain_free(&c);
    return rc;
}

int cmsfs_rename(struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8],
                 const uint8_t nfn[8], const uint8_t nft[8], int fm_number)
{
    struct fs_file f, other;
    int rc;
    if ((rc = can_change(d)) || (rc = fs_lookup(d, fn, ft, &f)))
        return rc;
    if (fm_number < -1 || fm_number > 6 || nfn[0] == 0 || nfn[0] == EB_BLANK || nft[0] == 0 ||
        nft[0] == EB_BLANK)
        return CMSFS_EINVAL;
    bool same = memcmp(fn, nfn, 8) == 0 && memcmp(ft, nft, 8) == 0;
    if (!same && fs_lookup(d, nfn, nft, &other) == CMSFS_OK)
        return CMSFS_EEXIST;
    if (fs_is_open(d, fn, ft, false) || (!same && fs_is_open(d, nfn, nft, false)))
        return CMSFS_EBUSY;
    struct fs_txn t;
    if ((rc = fs_txn_begin(d, &t)))
        return rc;
    memcpy(t.entry, fs_entry(d, f.fi, f.slot), FST_LEN);
    memcpy(t.entry + FST_FNAME, nfn, 8);
    memcpy(t.entry + FST_FTYPE, nft, 8);
    if (fm_number >= 0)
        t.entry[FST_FMODE + 1] = (uint8_t)(EB_0 + fm_number);
    t.dironly = true;
    t.fi = f.fi;
    t.slot = f.slot;
    if (memcmp(t.entry, fs_entry(d, f.fi, f.slot), FST_LEN) != 0)
        rc = fs_commit(d, &t);
    fs_txn_end(&t);
    return rc;
}
