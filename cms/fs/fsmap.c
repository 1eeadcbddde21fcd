/*
 * fsmap.c - the QMSK, the disk's allocation map (the job of VM/370's
 * DMSTQQ): counting, the last byte in use, how many extension blocks it
 * needs, and finding free blocks.
 *
 * Entry points: map_count, map_last, map_extneeded, fs_alloc,
 * fs_unreserve. Bit i of the QMSK (from the most significant bit of its
 * first byte) stands for block i+1; 1 = in use.
 *
 * A block is free only if the committed map, the reservations of open
 * files and the commit being built all say so: a block the committed
 * directory references is never handed out, which is what makes every
 * commit safe against a crash (docs/cms-disk.md).
 */
#include <string.h>
#include "cms/fs/fsint.h"

static const uint8_t bits_in[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};

uint32_t map_count(const uint8_t *m, uint32_t mapbytes)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < mapbytes; i++)
        n += bits_in[m[i] >> 4] + bits_in[m[i] & 15];
    return n;
}

uint32_t map_last(const uint8_t *m, uint32_t mapbytes)
{
    uint32_t i = mapbytes;
    while (i > 0 && m[i - 1] == 0)
        i--;
    return i ? i - 1 : 0;
}

unsigned map_extneeded(uint32_t last)
{
    if (last < MFD_QMSKLEN)
        return 0;
    return (unsigned)((last - MFD_QMSKLEN) / CMSFS_BLKSIZE + 1);
}

/* The bits of byte i that are taken: committed, reserved or in the commit. */
static uint8_t taken(const struct cmsfs_disk *d, const uint8_t *txn, uint32_t i)
{
    return (uint8_t)(d->map[i] | d->rsv[i] | (txn ? txn[i] : 0));
}

static bool is_free(const struct cmsfs_disk *d, const uint8_t *txn, uint32_t b)
{
    uint8_t mask = (uint8_t)(0x80 >> ((b - 1) & 7));
    return !(taken(d, txn, (b - 1) >> 3) & mask);
}

/* The first free block in [from, to], or 0; whole bytes in use are skipped. */
static uint32_t next_free(const struct cmsfs_disk *d, const uint8_t *txn, uint32_t from,
                          uint32_t to)
{
    uint32_t b = from;
    while (b <= to) {
        if (((b - 1) & 7) == 0 && taken(d, txn, (b - 1) >> 3) == 0xFF) {
            b += 8;
            continue;
        }
        if (is_free(d, txn, b))
            return b;
        b++;
    }
    return 0;
}

/* The start of the first run of n free blocks within [from, to], or 0. */
static uint32_t find_run(const struct cmsfs_disk *d, const uint8_t *txn, uint32_t from, uint32_t to,
                         unsigned n)
{
    uint32_t b = from;
    while (b <= to && to - b + 1 >= n) {
        uint32_t s = next_free(d, txn, b, to);
        if (!s || to - s + 1 < n)
            return 0;
        unsigned len = 1;
        while (len < n && is_free(d, txn, s + len))
            len++;
        if (len == n)
            return s;
        b = s + len + 1; /* s + len is in use */
    }
    return 0;
}

static uint32_t free_count(const struct cmsfs_disk *d, const uint8_t *txn)
{
    uint32_t taken_bits = 0;
    for (uint32_t i = 0; i < d->mapbytes; i++) {
        uint8_t t = taken(d, txn, i);
        taken_bits += bits_in[t >> 4] + bits_in[t & 15];
    }
    return d->num - taken_bits;
}

int fs_alloc(struct cmsfs_disk *d, uint8_t *txn, uint32_t hint, unsigned n, unsigned keep,
             uint16_t *out)
{
    if (n == 0)
        return CMSFS_OK;
    if (free_count(d, txn) < n + keep)
        return CMSFS_EFULL;
    if (hint < FS_FIRST || hint > d->num)
        hint = FS_FIRST;
    uint8_t *mark = txn ? txn : d->rsv;
    /* a contiguous run: from the hint on, then from the start */
    uint32_t s = find_run(d, txn, hint, d->num, n);
    if (!s && hint > FS_FIRST)
        s = find_run(d, txn, FS_FIRST, d->num, n);
    if (s) {
        for (unsigned i = 0; i < n; i++) {
            out[i] = (uint16_t)(s + i);
            map_set(mark, s + i);
        }
        return CMSFS_OK;
    }
    /* no run that long: the free blocks in order from the hint, wrapping */
    unsigned got = 0;
    uint32_t b = hint;
    bool wrapped = false;
    while (got < n) {
        uint32_t f = next_free(d, txn, b, wrapped ? hint - 1 : d->num);
        if (!f) {
            if (wrapped || hint == FS_FIRST)
                break;
            wrapped = true;
            b = FS_FIRST;
            continue;
        }
        out[got++] = (uint16_t)f;
        map_set(mark, f); /* so the search goes on past it */
        b = f + 1;
    }
    if (got < n) {
        for (unsigned i = 0; i < got; i++)
            map_clr(mark, out[i]);
        return CMSFS_EFULL;
    }
    return CMSFS_OK;
}

void fs_unreserve(struct cmsfs_disk *d, uint16_t b)
{
    if (b >= FS_FIRST && b <= d->num)
        map_clr(d->rsv, b);
}
