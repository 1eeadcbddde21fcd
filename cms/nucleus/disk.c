/*
 * disk.c - accessed disks and their I/O (the job of R6's DMSACC, DMSACM,
 * DMSLAD and DMSDIO): the table of accessed disks (one ADT per mode
 * letter), the search order, and the block driver under the file system,
 * which reads and writes 800-byte blocks with DIAGNOSE X'18' as R6's
 * DMSDIO did: one channel program per cylinder, up to 15 records.
 */
#include <string.h>
#include "cms/nucleus/cms.h"
#include "cms/nucleus/disk.h"
#include "console/ebcdic.h"
#include "diagnose/diagcall.h"
#include "lib/bytes.h"

struct adt adts[26];

/* ---------------------------------------------------------------- geometry */

static const struct {
    uint8_t type;      /* DIAG X'24' virtual device type byte */
    uint16_t model;    /* for messages */
    uint8_t per_track; /* 800-byte records per track */
    uint8_t heads;
} geoms[] = {
    {DEVT_3330, 0x3330, 14, 19},
    {DEVT_3350, 0x3350, 19, 30},
    {DEVT_3380, 0x3380, 36, 15},
    {DEVT_3390, 0x3390, 39, 15},
};

/* ---------------------------------------------------------------- the driver */

#define PER_CHAIN 15

struct chain {
    uint64_t ccw[4 * PER_CHAIN + 4];
    uint8_t args[PER_CHAIN * 2][8];
};

static int sort_cmp(const struct cmsfs_blk *a, const struct cmsfs_blk *b)
{
    return a->block < b->block ? -1 : a->block > b->block;
}

/* One DIAG X'18' request: n (<= 15) blocks of one cylinder, in order. */
static int one_cylinder(struct adt *d, bool write, struct cmsfs_blk *v, unsigned n)
{
    static struct chain ch __attribute__((aligned(8)));
    uint8_t *c = (uint8_t *)ch.ccw;
    unsigned k = d->per_track, h = d->heads;
    unsigned nargs = 0, ncw = 0, lasthead = ~0u;
    for (unsigned i = 0; i < n; i++) {
        unsigned t = (v[i].block - 1) / k, rec = (v[i].block - 1) % k + 1;
        unsigned cyl = t / h, head = t % h;
        uint8_t *seek = ch.args[nargs++];
        memset(seek, 0, 8);
        put_be16(seek + 2, (uint16_t)cyl);
        put_be16(seek + 4, (uint16_t)head);
        if (i == 0)
            ccw0(c + 8 * ncw++, 0x07, seek, 0x40, 6);
        else if (head != lasthead)
            ccw0(c + 8 * ncw++, 0x1B, seek, 0x40, 6);
        lasthead = head;
        uint8_t *search = ch.args[nargs++];
        memcpy(search, seek + 2, 4);
        search[4] = (uint8_t)rec;
        ccw0(c + 8 * ncw, 0x31, search, 0x40, 5);
        ncw++;
        ccw0(c + 8 * ncw, 0x08, c + 8 * (ncw - 1), 0, 0);
        ncw++;
        ccw0(c + 8 * ncw++, write ? 0x05 : 0x06, v[i].buf, i + 1 < n ? 0x60 : 0x20, CMSFS_BLKSIZE);
    }
    unsigned r15 = 0;
    int cc = diag_dasd_io(d->vaddr, ch.ccw, n, &r15);
    return cc == 0 ? 0 : CMSFS_EIO;
}

static int disk_io(void *ctx, bool write, struct cmsfs_blk *v, unsigned n)
{
    struct adt *d = ctx;
    /* in block order, so that each cylinder is one piece */
    for (unsigned i = 1; i < n; i++)
        for (unsigned j = i; j > 0 && sort_cmp(&v[j - 1], &v[j]) > 0; j--) {
            struct cmsfs_blk t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    unsigned per_cyl = d->per_track * d->heads;
    for (unsigned i = 0; i < n;) {
        unsigned cyl = (v[i].block - 1) / per_cyl, j = i + 1;
        while (j < n && j - i < PER_CHAIN && (v[j].block - 1) / per_cyl == cyl)
            j++;
        int rc = one_cylinder(d, write, v + i, j - i);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

/* ---------------------------------------------------------------- the file system's needs */

void *cmsfs_alloc(size_t size) { return cms_malloc(size); }
void cmsfs_free(void *p) { cms_mfree(p); }

void cmsfs_now(struct cmsfs_date *d)
{
    static uint64_t area[4] __attribute__((aligned(8)));
    char s[17];
    diag_timer(area);
    e2a(s, area, 16); /* MM/DD/YYHH:MM:SS */
#define N2(p) (uint8_t)(((p)[0] - '0') * 10 + ((p)[1] - '0'))
    d->month = N2(s);
    d->day = N2(s + 3);
    d->year = N2(s + 6);
    d->hour = N2(s + 8);
    d->min = N2(s + 11);
#undef N2
}

/* ---------------------------------------------------------------- disks */

struct adt *adt_of(char mode)
{
    if (mode < 'A' || mode > 'Z')
        return NULL;
    struct adt *d = &adts[mode - 'A'];
    return d->mode ? d : NULL;
}

struct adt *adt_of_vaddr(unsigned vaddr)
{
    for (int i = 0; i < 26; i++)
        if (adts[i].mode && adts[i].vaddr == vaddr)
            return &adts[i];
    return NULL;
}

/* The device's geometry and size: DIAG X'24' for its type, X'250' INIT
 * for the number of 800-byte blocks (then REMOVE). */
int disk_geometry(unsigned vaddr, struct adt *d)
{
    uint32_t vinfo = 0, rinfo = 0;
    if (diag_devtype(vaddr, &vinfo, &rinfo) == DIAG24_CC_NODEV)
        return DISK_NODEV;
    if ((vinfo >> 24) != DEVC_DASD)
        return DISK_NOTDASD;
    unsigned type = (vinfo >> 16) & 0xFF;
    int g = -1;
    for (unsigned i = 0; i < sizeof(geoms) / sizeof(geoms[0]); i++)
        if (geoms[i].type == type)
            g = (int)i;
    if (g < 0)
        return DISK_NOTDASD;
    d->vaddr = (uint16_t)vaddr;
    d->model = geoms[g].model;
    d->per_track = geoms[g].per_track;
    d->heads = geoms[g].heads;
    static uint8_t bio[32] __attribute__((aligned(8)));
    memset(bio, 0, sizeof(bio));
    put_be16(bio, (uint16_t)vaddr);
    put_be32(bio + 4, CMSFS_BLKSIZE);
    unsigned rc = 0;
    int cc = diag_block_io(bio, 0, &rc);
    if (cc != 0)
        return DISK_NOTDASD;
    d->rw = rc == 0;
    d->cylinders = get_be32(bio + 8) / (d->per_track * d->heads);
    (void)diag_block_io(bio, 2, &rc);
    d->io.ctx = d;
    d->io.blocks_per_track = d->per_track;
    d->io.tracks_per_cyl = d->heads;
    d->io.cylinders = d->cylinders;
    d->io.readonly = !d->rw;
    d->io.io = disk_io;
    return 0;
}

int disk_access(unsigned vaddr, char mode, char parent)
{
    return disk_access_filtered(vaddr, mode, parent, NULL, NULL, 0);
}

int disk_access_filtered(unsigned vaddr, char mode, char parent, const char *fn, const char *ft,
                         char num)
{
    struct adt n;
    memset(&n, 0, sizeof(n));
    int rc = disk_geometry(vaddr, &n);
    if (rc)
        return rc;
    n.mode = mode;
    n.parent = parent;
    if (fn) {
        n.filtered = true;
        memcpy(n.ffn, fn, strlen(fn) + 1);
        memcpy(n.fft, ft, strlen(ft) + 1);
        n.fnum = num;
    }
    struct adt *slot = &adts[mode - 'A'];
    if (slot->mode)
        afile_close_mode(mode); /* the active files of the disk it replaces */
    /* the new ADT gets its final place before the file system keeps &io */
    struct adt old = *slot;
    *slot = n;
    slot->io.ctx = slot;
    rc = cmsfs_open(&slot->io, &slot->fs);
    if (rc) {
        *slot = old;
        if (slot->mode)
            slot->io.ctx = slot;
        return rc == CMSFS_ENOTCMS ? DISK_NOTCMS : rc == CMSFS_EIO ? DISK_IOERR : DISK_CORRUPT;
    }
    if (old.mode && old.fs)
        cmsfs_close(old.fs);
    if (!slot->rw || parent || slot->filtered)
        slot->io.readonly = true;
    return 0;
}

int disk_release(char mode)
{
    struct adt *d = adt_of(mode);
    if (!d)
        return DISK_NOTACC;
    afile_close_mode(mode);
    if (d->fs && cmsfs_close(d->fs) != 0)
        return DISK_BUSY;
    memset(d, 0, sizeof(*d));
    /* its extensions lose their parent */
    for (int i = 0; i < 26; i++)
        if (adts[i].mode && adts[i].parent == mode)
            adts[i].parent = 0;
    return 0;
}

struct adt *disk_next(struct adt *after)
{
    int i = after ? (int)(after - adts) + 1 : 0;
    for (; i < 26; i++)
        if (adts[i].mode)
            return &adts[i];
    return NULL;
}
