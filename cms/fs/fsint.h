/*
 * fsint.h - the CMS file system's private half: the on-disk layout as
 * offsets, the in-storage disk (the ADT), open files, and the helpers the
 * files of cms/fs/ share. Nothing outside cms/fs/ includes it; the
 * contract is cmsfs.h. Layout facts: docs/cms-disk.md.
 */
#ifndef CMS_FS_FSINT_H
#define CMS_FS_FSINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cms/fs/cmsfs.h"

/* ---------------------------------------------------------------- fixed blocks */

#define FS_LABEL_BLK 3u /* "CMS=" + label */
#define FS_MFD_BLK   4u /* master file directory */
#define FS_FIRST     5u /* the first block the file system allocates */

/* The label block. */
#define LBL_ID  0 /* "CMS=" in EBCDIC */
#define LBL_VOL 4 /* the 6-character label */

/* ---------------------------------------------------------------- MFD (block 4) */

#define MFD_LIST    0   /* halfword block numbers, then a sentinel */
#define MFD_NLIST   182 /* halfwords before ADTNUM */
#define MFD_NUM     364 /* ADTNUM: blocks on the disk */
#define MFD_USED    368 /* ADTUSED */
#define MFD_LEFT    372 /* ADTLEFT = NUM - USED */
#define MFD_LAST    376 /* ADTLAST: offset of the last non-zero QMSK byte */
#define MFD_CYL     380 /* ADTCYL */
#define MFD_QMSK    384 /* the QMSK's first part */
#define MFD_QMSKLEN 215
#define MFD_TAIL    599 /* 599-799: not used by the file system, kept as read */
#define MFD_TAILLEN (CMSFS_BLKSIZE - MFD_TAIL)
#define MFD_END     0xFFFFu /* end of the FST block list, no QMSK extension */
#define MFD_EXT     0xFFFDu /* end of the FST block list, QMSK extensions follow (then 0) */
#define FS_MAXEXT   10u     /* QMSK extension blocks for CMSFS_MAXBLOCKS */
#define FS_MAPALLOC (MFD_QMSKLEN + FS_MAXEXT * CMSFS_BLKSIZE) /* the largest disk's QMSK */

_Static_assert(MFD_NLIST * 2 == MFD_NUM, "the FST block list ends where ADTNUM starts");
_Static_assert(MFD_QMSK + MFD_QMSKLEN == MFD_TAIL, "QMSK first part is 215 bytes");
_Static_assert(FS_MAPALLOC * 8 >= CMSFS_MAXBLOCKS, "ten extensions cover the largest disk");
_Static_assert((FS_MAPALLOC - CMSFS_BLKSIZE) * 8 < CMSFS_MAXBLOCKS, "nine would not");

/* ---------------------------------------------------------------- FST entries */

#define FST_LEN       40
#define FST_PER_BLOCK 20
#define FST_FNAME     0
#define FST_FTYPE     8
#define FST_DATEW     16 /* packed MMDD */
#define FST_TIMEW     18 /* packed HHMM */
#define FST_WRPNT     20 /* items + 1 */
#define FST_RDPNT     22 /* 1 */
#define FST_FMODE     24 /* EBCDIC letter, EBCDIC digit */
#define FST_RECCT     26
#define FST_FCLPT     28 /* first chain link */
#define FST_RECFM     30
#define FST_FLAGS     31 /* 0 on disk */
#define FST_LRECL     32
#define FST_BLKCT     36 /* data blocks */
#define FST_YEARW     38 /* two EBCDIC digits */

_Static_assert(FST_LEN *FST_PER_BLOCK == CMSFS_BLKSIZE, "20 FSTs fill a block");
_Static_assert(FST_YEARW + 2 == FST_LEN, "the year ends the entry");

/* ---------------------------------------------------------------- chain links */

#define FCL_NTH   0 /* 40 halfwords: the 2nd..41st chain links */
#define FCL_NNTH  40
#define FCL_DATA  80 /* 60 halfwords: the first 60 data blocks */
#define FCL_NDATA 60
#define NCL_NDATA 400 /* an Nth chain link: 400 data block numbers */

_Static_assert(FCL_DATA == FCL_NTH + 2 * FCL_NNTH, "data numbers follow the Nth links");
_Static_assert(FCL_DATA + 2 * FCL_NDATA <= CMSFS_BLKSIZE, "the FCL fits a block");
_Static_assert(2 * NCL_NDATA == CMSFS_BLKSIZE, "an Nth chain link fills a block");
_Static_assert(FCL_NDATA + FCL_NNTH * NCL_NDATA == CMSFS_MAXDATA, "16,060 data blocks");

/* ---------------------------------------------------------------- EBCDIC constants */

#define EB_F     0xC6u
#define EB_V     0xE5u
#define EB_0     0xF0u
#define EB_BLANK 0x40u

/* Blocks moved by one io() call when a file is read or written in
 * sequence; a file's storage holds this many blocks. */
#define FS_BATCH 16u

/* ---------------------------------------------------------------- in storage */

/* An open file, on its disk's list (cmsfs_close refuses while any is). */
struct fs_open {
    struct fs_open *next;
    uint8_t fn[8], ft[8];
    bool writer;
};

/* An accessed disk: the MFD decoded, the FST blocks, the QMSK. */
struct cmsfs_disk {
    const struct cmsfs_io *io;
    uint8_t label[6];
    unsigned cyls;     /* ADTCYL */
    uint32_t num;      /* ADTNUM */
    uint32_t used;     /* ADTUSED: bits set in map */
    uint32_t mapbytes; /* (num + 7) / 8 */
    unsigned maxext;   /* QMSK extension blocks the disk can need */
    uint32_t mapalloc; /* 215 + 800 * maxext: the QMSK with all its extensions */
    uint8_t *map;      /* the committed QMSK, mapalloc bytes (zero past mapbytes) */
    uint8_t *rsv;      /* blocks written for open files, not committed yet (mapalloc) */
    unsigned nfst;     /* FST blocks, in MFD order */
    uint16_t fstblk[MFD_NLIST];
    uint8_t *fst[MFD_NLIST];
    unsigned next; /* QMSK extension blocks */
    uint16_t ext[FS_MAXEXT];
    unsigned files;
    uint8_t mfdtail[MFD_TAILLEN];
    uint32_t rover; /* where the next file's blocks are sought */
    bool broken;    /* an MFD write failed: the disk's state is unknown */
    struct fs_open *open;
};

/* A file's FST, decoded: where it lies in the directory, and its map. */
struct fs_file {
    unsigned fi, slot; /* FST block index and slot */
    uint8_t fn[8], ft[8], fmode[2];
    uint8_t recfm;
    uint32_t lrecl, records, blkct;
    uint16_t fcl;
};

/* A file's chain: its chain links and every data block number. */
struct fs_chain {
    uint16_t fcl;
    unsigned ncl;
    uint16_t cl[FCL_NNTH];
    uint32_t nblk;
    uint16_t *blk; /* nblk entries, from cmsfs_alloc */
};

/* A directory change made by one commit: one FST slot gets a new entry
 * (or is emptied), and the QMSK becomes map. */
struct fs_txn {
    uint8_t *map; /* mapalloc bytes: the QMSK after the change */
    bool dironly; /* ERASE, RENAME: may use the reserve */
    bool newfile; /* the entry goes to a free slot (fi, slot are then chosen) */
    unsigned fi, slot;
    uint8_t entry[FST_LEN]; /* all zero: the slot is emptied */
};

/* ---------------------------------------------------------------- fsmap.c: the QMSK (DMSTQQ) */

static inline bool map_get(const uint8_t *m, uint32_t b)
{
    return (m[(b - 1) >> 3] >> (7 - ((b - 1) & 7))) & 1;
}
static inline void map_set(uint8_t *m, uint32_t b)
{
    m[(b - 1) >> 3] |= (uint8_t)(0x80 >> ((b - 1) & 7));
}
static inline void map_clr(uint8_t *m, uint32_t b)
{
    m[(b - 1) >> 3] &= (uint8_t) ~(0x80 >> ((b - 1) & 7));
}
uint32_t map_count(const uint8_t *m, uint32_t mapbytes);
uint32_t map_last(const uint8_t *m, uint32_t mapbytes);
/* QMSK extension blocks needed to hold a QMSK whose last non-zero byte is at last. */
unsigned map_extneeded(uint32_t last);
/* n free blocks (free in the committed map, the reservations and txn if
 * given), a contiguous run from hint if there is one; marked in txn, or
 * else in the reservations. At least keep blocks must stay free. EFULL
 * leaves everything as it was. */
int fs_alloc(struct cmsfs_disk *d, uint8_t *txn, uint32_t hint, unsigned n, unsigned keep,
             uint16_t *out);
/* Blocks kept free for ERASE and RENAME, which need a new FST block and
 * new QMSK extensions before they free anything: a full disk can always
 * be emptied. */
static inline unsigned fs_reserve(const struct cmsfs_disk *d) { return 1 + d->maxext; }
/* Drop a reservation (a block of a new version that is not committed). */
void fs_unreserve(struct cmsfs_disk *d, uint16_t b);

/* ---------------------------------------------------------------- fsdisk.c: directory in storage */

int fs_io(const struct cmsfs_disk *d, bool write, struct cmsfs_blk *v, unsigned n);
uint8_t *fs_entry(const struct cmsfs_disk *d, unsigned fi, unsigned slot);
bool fs_slot_empty(const uint8_t *e);
void fs_decode(const uint8_t *e, unsigned fi, unsigned slot, struct fs_file *f);
int fs_lookup(const struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8],
              struct fs_file *f);
bool fs_is_open(const struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8], bool writer);
void fs_link(struct cmsfs_disk *d, struct fs_open *o, const uint8_t fn[8], const uint8_t ft[8],
             bool writer);
void fs_unlink(struct cmsfs_disk *d, struct fs_open *o);
/* Does an MFD list of nfst FST blocks and next QMSK extensions fit? */
bool fs_dir_fits(unsigned nfst, unsigned next);
/* Build the MFD image of a directory (the list, counts, QMSK first part). */
void fs_build_mfd(uint8_t *mfd, const uint16_t *fstblk, unsigned nfst, const uint16_t *ext,
                  unsigned next, uint32_t num, unsigned cyls, const uint8_t *map, uint32_t mapbytes,
                  const uint8_t *tail);

/* ---------------------------------------------------------------- fsread.c: file maps, reading */

/* Read a file's chain links (validated: numbers in range, in use). */
int fs_chain_load(struct cmsfs_disk *d, const struct fs_file *f, struct fs_chain *c);
void fs_chain_free(struct fs_chain *c);

/* A window of up to FS_BATCH consecutive data blocks of a file, read in
 * one transfer: file block first .. first+count-1. */
struct fs_rcache {
    uint8_t *buf;
    uint32_t first, count;
};
/* The data of file block idx (blk[] maps file blocks to disk blocks; the
 * window never reaches limit). */
int fs_rcache_get(const struct cmsfs_disk *d, struct fs_rcache *rc, const uint16_t *blk,
                  uint32_t limit, uint32_t idx, uint8_t **p);
void fs_rcache_free(struct fs_rcache *rc);

/* V records: a known position (record rec's length is at byte off),
 * moved to record recno; *len is then its length. Records are walked
 * forward from the position, or from the start if recno lies behind it.
 * get reads stream bytes; size is where the stream must end. */
struct fs_vpos {
    uint32_t rec, off;
};
typedef int (*fs_getbytes)(void *ctx, uint32_t off, uint8_t *dst, uint32_t n);
int fs_vseek(struct fs_vpos *p, uint32_t recno, uint32_t size, uint32_t lrecl, fs_getbytes get,
             void *ctx, uint32_t *len);
/* Chain links needed for n data blocks. */
static inline unsigned fs_ncl(uint32_t n)
{
    return n <= FCL_NDATA ? 0 : (unsigned)((n - FCL_NDATA + NCL_NDATA - 1) / NCL_NDATA);
}

/* ---------------------------------------------------------------- fsdir.c: commits (DMSAUD) */

int fs_txn_begin(struct cmsfs_disk *d, struct fs_txn *t);
void fs_txn_end(struct fs_txn *t);
/* Write the FST block, QMSK extensions and then the MFD; install them in
 * storage. t->map must already hold the file's new blocks and not the
 * freed ones. Nothing in storage changes unless it returns 0. */
int fs_commit(struct cmsfs_disk *d, struct fs_txn *t);

/* ---------------------------------------------------------------- time */

void fs_put_date(uint8_t *e, const struct cmsfs_date *dt);
void fs_get_date(const uint8_t *e, struct cmsfs_date *dt);

#endif
