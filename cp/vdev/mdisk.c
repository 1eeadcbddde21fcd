/*
 * mdisk.c - minidisks (see mdisk.h).
 *
 * Entry points: mdisk_attach, mdisk_usage, mdisk_info,
 * mdisk_for_each_link, mdisk_extent_in_use, and the rules the CCW
 * translation applies to a minidisk's channel programs (struct
 * vded_rules).
 *
 * Commands and what the rules do with them (3330/3350 reference manuals;
 * "guest cylinder" c is real cylinder start + c):
 *  - Seek X'07', Seek Cylinder X'0B': the BBCCHH is copied to CP's
 *    storage, its cylinder checked (c < ncyl, else unit check, command
 *    reject) and relocated. Seek Head X'1B' keeps the cylinder.
 *  - Search ID X'31' X'51' X'71' (multitrack X'B1' X'D1' X'F1') and Search
 *    HA X'39' X'B9': the CCHH of the argument is relocated. Records carry
 *    real cylinder numbers in their count fields, so searching with the
 *    guest's would find nothing.
 *  - Write CKD X'1D', Write Special CKD X'01', Write CKD Next Track X'9D',
 *    Write R0 X'15', Erase X'11': the count field written (the first 8
 *    bytes) comes relocated from CP's storage, the rest data-chained
 *    from the guest's.
 *  - Read Count X'12', Read R0 X'16', Read CKD X'1E' (and multitrack),
 *    Read HA X'1A': once the program has ended, the cylinder of the count
 *    field (of the home address) read is given back in guest terms.
 *    Read Device Characteristics X'64': the cylinder count becomes the
 *    minidisk's.
 *  - Recalibrate X'13' becomes a seek to the minidisk's cylinder 0 head 0;
 *    Read IPL X'02' becomes that seek, a Read R0 that skips its data and
 *    a Read Data of record 1. The IPL's CCWs at 8 arrive only with those
 *    24 bytes, so they run as a second program: when the first ended
 *    right after record 1, the second begins with Search ID Equal on
 *    record 1 and a skipped Read Data, and stands where the device stood
 *    (a plain Read Data at 8 then reads record 2, as on a real disk).
 *  - Set File Mask X'1F': the device takes only one per program, and the
 *    program's prefix already has CP's: the mask the guest's program would
 *    have (its own, else the device's default X'00', no Write HA or R0)
 *    within what the link allows (the more restrictive write control; the
 *    guest's seek control). The guest's CCW becomes a no-operation; a
 *    second one in one program is rejected as the device would reject it.
 *  - Read, write and search data and keys, Sense, Sense ID, no-operation,
 *    sector commands, reserve and release pass unchanged. Every other
 *    command (Read Track, Locate Record, Define Extent ...) is rejected
 *    with command reject: it could reach beyond the extent.
 * A seek, search or count-field argument must be in the CCW's own data
 * (no IDA, and not continued in a data-chained CCW): otherwise command
 * reject. The rest of a Write CKD's key and data may be data-chained on.
 */
#include <stdio.h>
#include <string.h>
#include "dasd/ckdgeom.h"
#include "hw/s370.h"
#include "io/ccwtrans.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "vdev/mdisk.h"
#include "vdev/tdisk.h"
#include "vdev/vded.h"
#include "vdev/vdev.h"
#include "vm/vmblok.h"

#define NSLOT 96 /* argument copies per translation */
#define NFIX  96 /* count fields to give back per translation */
#define SLOT  16 /* bytes of one argument copy */

/* File mask (Set File Mask X'1F'): write control and seek control */
#define FM_WRITE     0xC0
#define FM_WR_NOHA   0x00 /* inhibit Write HA and Write R0 */
#define FM_WR_NONE   0x40 /* inhibit all writes */
#define FM_WR_UPDATE 0x80 /* write update only */
#define FM_WR_ALL    0xC0
#define FM_RESERVED  0x20

/* Sense byte 0 */
#define SNS_CMDREJ 0x80

enum fixkind { FIX_COUNT, FIX_HA, FIX_RDC };

struct fix {
    uint16_t idx; /* the real CCW that reads it */
    uint8_t kind;
    uint32_t data; /* guest address */
    uint16_t count;
};

struct seekrec {
    uint16_t idx;
    bool head_only;
    uint16_t cyl, head; /* real */
};

struct mlink {
    struct mlink *next; /* every link in the system */
    struct vmblok *vm;
    struct vdev *vd;
    struct mdisk_id id;
    bool rw, tdisk, fullpack;
    const struct ckd_geom *geom;
    uint16_t cyl, head; /* where the guest's arm is (real cylinder) */
    /* the translation in progress */
    struct ccwprog *prog;
    bool guest_sfm;
    struct ccwdev rules;
    struct ccw1 prefix[5];
    uint8_t pre_seek[8] __attribute__((aligned(8)));
    uint8_t pre_search[8] __attribute__((aligned(8)));
    int ipl_data; /* the real CCW that reads record 1 for a Read IPL, or -1 */
    bool after_r1; /* the guest's device stands after record 1's data */
    uint8_t pre_mask[8] __attribute__((aligned(8)));
    unsigned nslot, nfix, nseek;
    uint8_t slot[NSLOT][SLOT] __attribute__((aligned(8)));
    struct fix fix[NFIX];
    struct seekrec seek[NSLOT];
};

static struct mlink *links;

static uint32_t host_ptr(const void *p) { return (uint32_t)(uintptr_t)p; }

/* ---------------------------------------------------------------- the registry */

static bool same_disk(const struct mlink *l, const char *owner, uint16_t ovaddr)
{
    return !l->tdisk && l->id.ovaddr == ovaddr && strcmp(l->id.owner, owner) == 0;
}

void mdisk_usage(const char *owner, uint16_t ovaddr, const struct vmblok *except,
                 struct mdisk_usage *u)
{
    memset(u, 0, sizeof(*u));
    for (const struct mlink *l = links; l; l = l->next) {
        if (l->vm == except || !same_disk(l, owner, ovaddr))
            continue;
        u->any_user = l->vm;
        if (l->rw) {
            u->rw++;
            u->rw_user = l->vm;
        } else {
            u->ro++;
        }
    }
}

void mdisk_for_each_link(const char *owner, uint16_t ovaddr,
                         void (*fn)(void *arg, const struct vmblok *vm, uint16_t vaddr, bool rw),
                         void *arg)
{
    for (const struct mlink *l = links; l; l = l->next)
        if (same_disk(l, owner, ovaddr))
            fn(arg, l->vm, l->vd->vaddr, l->rw);
}

bool mdisk_extent_in_use(const struct volume *vol, unsigned start, unsigned n)
{
    for (const struct mlink *l = links; l; l = l->next)
        if (l->id.vol == vol && start < (unsigned)l->id.start + l->id.ncyl &&
            l->id.start < start + n)
            return true;
    return false;
}

/* ---------------------------------------------------------------- the rules */

static uint8_t *new_slot(struct mlink *l, const uint8_t *arg, unsigned n)
{
    uint8_t *s = l->slot[l->nslot++];
    memset(s, 0, SLOT);
    memcpy(s, arg, n < SLOT ? n : SLOT);
    return s;
}

/* Relocate the big-endian cylinder number at c (blindly: a search or a
 * count field with a cylinder outside the extent still names a track of
 * this minidisk's, the one the arm is on). */
static void relocate(const struct mlink *l, uint8_t *c)
{
    put_be16(c, (uint16_t)(get_be16(c) + l->id.start));
}

/* One piece with its argument from CP's storage: at most SLOT bytes; the
 * rest of the guest's count is added back to the residual. */
static void arg_piece(struct ccwpiece *pc, uint8_t cmd, uint8_t flags, uint16_t count,
                      const uint8_t *slot)
{
    uint16_t n = count < SLOT ? count : SLOT;
    *pc = (struct ccwpiece){.cmd = cmd,
                            .flags = flags,
                            .count = n,
                            .host = host_ptr(slot),
                            .resid_adj = (uint16_t)(count - n)};
}

static unsigned argbytes(void *ctx, uint8_t cmd)
{
    switch (cmd) {
    case 0x07:
    case 0x0B:
    case 0x1B: return 6;
    case 0x31:
    case 0x51:
    case 0x71:
    case 0xB1:
    case 0xD1:
    case 0xF1: return 5;
    case 0x39:
    case 0xB9: return 4;
    case 0x1D:
    case 0x01:
    case 0x9D:
    case 0x15:
    case 0x11: return 8;
    case 0x1F: return 1;
    default: return 0;
    }
}

static enum ccwdev_act note_fix(struct mlink *l, unsigned first, enum fixkind k, const uint8_t g[8])
{
    if (g[CCW0_FLAGS] & CCWF_IDA)
        return CCWD_REJECT;
    if (l->nfix >= NFIX)
        return CCWD_FULL;
    l->fix[l->nfix++] = (struct fix){(uint16_t)first, (uint8_t)k, get_be24(g + CCW0_ADDR),
                                     get_be16(g + CCW0_COUNT)};
    return CCWD_PASS;
}

/* The write control of two file masks together: the writes both allow */
static uint8_t write_control(uint8_t a, uint8_t b)
{
    a &= FM_WRITE;
    b &= FM_WRITE;
    if (a == FM_WR_ALL)
        return b;
    if (b == FM_WR_ALL || a == b)
        return a;
    if (a == FM_WR_NONE || b == FM_WR_NONE)
        return FM_WR_NONE;
    return FM_WR_UPDATE; /* no HA/R0 and update only: update only */
}

static uint8_t link_mask(const struct mlink *l)
{
    if (!l->rw)
        return FM_WR_NONE;
    return l->fullpack ? FM_WR_ALL : FM_WR_NOHA;
}

static enum ccwdev_act command(void *ctx, uint32_t gaddr, const uint8_t g[8], const uint8_t *arg,
                               unsigned narg, unsigned first, struct ccwpiece out[CCWDEV_MAXPIECE],
                               unsigned *nout)
{
    struct mlink *l = ctx;
    uint8_t cmd = g[CCW0_CMD], flags = g[CCW0_FLAGS] & ~CCWF_IDA;
    uint16_t count = get_be16(g + CCW0_COUNT);
    unsigned need = argbytes(ctx, cmd);

    if (need) {
        if ((g[CCW0_FLAGS] & CCWF_IDA) || ((g[CCW0_FLAGS] & CCWF_CD) && count < need))
            return CCWD_REJECT; /* the argument is not all in this CCW's data */
        if (narg < need && cmd != 0x1F)
            return CCWD_PASS; /* too short: the device rejects it itself */
        if (l->nslot >= NSLOT)
            return CCWD_FULL;
    }

    switch (cmd) {
    case 0x03: /* no-operation */
    case 0x04: /* sense */
    case 0xE4: /* sense ID */
    case 0x06:
    case 0x86: /* read data */
    case 0x0E:
    case 0x8E: /* read key and data */
    case 0x05:
    case 0x85: /* write data */
    case 0x0D:
    case 0x8D: /* write key and data */
    case 0x29:
    case 0xA9:
    case 0x49:
    case 0xC9:
    case 0x69:
    case 0xE9: /* search key */
    case 0x22:
    case 0x23: /* read sector, set sector */
    case 0x94:
    case 0xB4:
    case 0x14: /* release, reserve, unconditional reserve */
    case 0x19: /* write HA: only a full pack's mask allows it, and there start is 0 */
        return CCWD_PASS;

    case 0x12:
    case 0x92: /* read count */
    case 0x16:
    case 0x96: /* read R0 */
    case 0x1E:
    case 0x9E: /* read CKD */ return note_fix(l, first, FIX_COUNT, g);
    case 0x1A:
    case 0x9A: /* read HA */ return note_fix(l, first, FIX_HA, g);
    case 0x64: /* read device characteristics */ return note_fix(l, first, FIX_RDC, g);

    case 0x07:
    case 0x0B:
    case 0x1B: { /* seeks */
        uint8_t *s = new_slot(l, arg, narg);
        uint16_t c = get_be16(s + 2);
        if (cmd != 0x1B && c >= l->id.ncyl) {
            l->nslot--;
            return CCWD_REJECT; /* beyond the extent */
        }
        relocate(l, s + 2);
        l->seek[l->nseek++] =
            (struct seekrec){(uint16_t)first, cmd == 0x1B, get_be16(s + 2), get_be16(s + 4)};
        arg_piece(&out[0], cmd, flags, count, s);
        *nout = 1;
        return CCWD_REPLACE;
    }

    case 0x31:
    case 0x51:
    case 0x71:
    case 0xB1:
    case 0xD1:
    case 0xF1: /* search ID */
    case 0x39:
    case 0xB9: { /* search HA */
        uint8_t *s = new_slot(l, arg, narg);
        relocate(l, s);
        arg_piece(&out[0], cmd, flags, count, s);
        *nout = 1;
        return CCWD_REPLACE;
    }

    case 0x1D:
    case 0x01:
    case 0x9D:
    case 0x15:
    case 0x11: { /* count field written */
        uint8_t *s = new_slot(l, arg, 8);
        relocate(l, s);
        if (count == 8) {
            arg_piece(&out[0], cmd, flags, count, s);
            *nout = 1;
            return CCWD_REPLACE;
        }
        out[0] = (struct ccwpiece){.cmd = cmd,
                                   .flags = CCWF_CD,
                                   .count = 8,
                                   .host = host_ptr(s),
                                   .resid_adj = (uint16_t)(count - 8)};
        out[1] = (struct ccwpiece){.cmd = cmd,
                                   .flags = flags,
                                   .count = (uint16_t)(count - 8),
                                   .data = get_be24(g + CCW0_ADDR) + 8};
        *nout = 2;
        return CCWD_REPLACE;
    }

    case 0x1F: { /* set file mask */
        if (l->guest_sfm || narg < 1 || (arg[0] & FM_RESERVED))
            return CCWD_REJECT;
        l->guest_sfm = true;
        l->pre_mask[0] = (uint8_t)(write_control(link_mask(l), arg[0]) | (arg[0] & ~FM_WRITE));
        out[0] = (struct ccwpiece){
            .cmd = 0x03, .flags = flags, .count = count, .host = host_ptr(l->slot[l->nslot])};
        *nout = 1;
        return CCWD_REPLACE;
    }

    case 0x13:   /* recalibrate */
    case 0x02: { /* read IPL */
        static const uint8_t home[6] = {0};
        uint8_t *s = new_slot(l, home, 6);
        relocate(l, s + 2);
        l->seek[l->nseek++] = (struct seekrec){(uint16_t)first, false, l->id.start, 0};
        uint8_t chain = cmd == 0x13 ? flags & (CCWF_CC | CCWF_PCI) : CCWF_CC;
        out[0] = (struct ccwpiece){
            .cmd = 0x07, .flags = chain | CCWF_SLI, .count = 6, .host = host_ptr(s)};
        *nout = 1;
        if (cmd == 0x13)
            return CCWD_REPLACE;
        if (l->nslot >= NSLOT)
            return CCWD_FULL;
        out[1] = (struct ccwpiece){.cmd = 0x16,
                                   .flags = CCWF_CC | CCWF_SLI | CCWF_SKIP,
                                   .count = SLOT,
                                   .host = host_ptr(new_slot(l, home, 0))};
        out[2] = (struct ccwpiece){
            .cmd = 0x06, .flags = flags, .count = count, .data = get_be24(g + CCW0_ADDR)};
        *nout = 3;
        l->ipl_data = (int)first + 2;
        return CCWD_REPLACE;
    }

    default: return CCWD_REJECT;
    }
}

static void prepare(void *ctx, struct ccwprog *p)
{
    struct mlink *l = ctx;
    l->prog = p;
    l->nslot = l->nfix = l->nseek = 0;
    l->guest_sfm = false;
    memset(l->pre_seek, 0, sizeof(l->pre_seek));
    put_be16(l->pre_seek + 2, l->cyl);
    put_be16(l->pre_seek + 4, l->head);
    /* a program without a Set File Mask of its own has the device's
     * default, no Write HA or R0: within what the link allows */
    l->pre_mask[0] = write_control(FM_WR_NOHA, link_mask(l));
    ccw1_set(&l->prefix[0], 0x07, CCW_CC, 6, host_ptr(l->pre_seek));
    ccw1_set(&l->prefix[1], 0x1F, CCW_CC, 1, host_ptr(l->pre_mask));
    p->nprefix = 2;
    if (l->after_r1) {
        /* The program goes on from where the last one stopped, right after
         * reading record 1 (an IPL's first part): stand there again, as
         * the device would have, so a Read Data reads record 2. */
        memcpy(l->pre_search, l->pre_seek + 2, 4);
        l->pre_search[4] = 1;
        ccw1_set(&l->prefix[2], 0x31, CCW_CC, 5, host_ptr(l->pre_search));
        ccw1_set(&l->prefix[3], 0x08, 0, 0, host_ptr(&p->ccw[2]));
        ccw1_set(&l->prefix[4], 0x06, CCW_CC | CCW_SLI | CCW_SKIP, 1, host_ptr(l->pre_search));
        p->nprefix = 5;
        l->after_r1 = false;
    }
    l->ipl_data = -1;
    l->rules = (struct ccwdev){.ctx = l, .argbytes = argbytes, .command = command};
    p->dev = &l->rules;
    p->prefix = l->prefix;
}

/* Give one count field (home address, characteristics) back in the guest's terms. */
static void unfix(struct mlink *l, const struct fix *f, uint16_t resid)
{
    unsigned off = f->kind == FIX_HA ? 1 : f->kind == FIX_RDC ? 12 : 0;
    if (f->count < resid || (unsigned)(f->count - resid) < off + 2)
        return; /* it did not get that far */
    uint8_t b[2];
    if (greal_fetch(l->vm, f->data + off, b, 2) != 0)
        return;
    uint16_t v = get_be16(b);
    if (f->kind == FIX_RDC)
        v = l->id.ncyl;
    else if (v >= l->id.start && v < l->id.start + l->id.ncyl)
        v = (uint16_t)(v - l->id.start);
    else
        return; /* not one of ours: leave it */
    put_be16(b, v);
    greal_store(l->vm, f->data + off, b, 2);
}

static void ended(void *ctx, const struct ccwprog *p, const struct ioblok *io)
{
    struct mlink *l = ctx;
    int last = ccw_last_index(p, io->scsw);
    if (last < 0)
        return;
    uint16_t resid = get_be16(io->scsw + 10);
    bool check = io->scsw[8] & US_UC;
    l->after_r1 = !check && l->ipl_data >= 0 && ccw_at_stop(p, io->scsw) &&
                  p->nccw == (unsigned)l->ipl_data + 1;
    for (unsigned i = 0; i < l->nseek; i++) {
        const struct seekrec *s = &l->seek[i];
        if (s->idx > (unsigned)last || (s->idx == (unsigned)last && check))
            continue;
        if (!s->head_only)
            l->cyl = s->cyl;
        l->head = s->head;
    }
    for (unsigned i = 0; i < l->nfix; i++) {
        const struct fix *f = &l->fix[i];
        if (f->idx < (unsigned)last)
            unfix(l, f, 0);
        else if (f->idx == (unsigned)last)
            unfix(l, f, resid);
    }
}

static size_t reject_sense(void *ctx, uint8_t sense[32])
{
    struct mlink *l = ctx;
    size_t n = l->geom && l->geom->formula >= 2 ? 32 : 24;
    memset(sense, 0, 32);
    sense[0] = SNS_CMDREJ;
    return n;
}

static void release(void *ctx)
{
    struct mlink *l = ctx;
    for (struct mlink **pp = &links; *pp; pp = &(*pp)->next) {
        if (*pp == l) {
            *pp = l->next;
            break;
        }
    }
    if (l->id.vol->users)
        l->id.vol->users--;
    if (l->tdisk)
        tdisk_release(l->id.vol, l->id.start, l->id.ncyl);
    kfree(l);
}

static void describe(void *ctx, char *buf, size_t len)
{
    struct mlink *l = ctx;
    snprintf(buf, len, "DASD %03X %04X %-6s %s %03u CYL", l->vd->vaddr, l->vd->devtype,
             l->tdisk ? "(TEMP)" : l->id.vol->rdev->volser, l->rw ? "R/W" : "R/O", l->id.ncyl);
}

static const struct vded_rules mdisk_rules = {
    .prepare = prepare,
    .ended = ended,
    .reject_sense = reject_sense,
    .release = release,
    .describe = describe,
};

/* ---------------------------------------------------------------- attaching */

struct vdev *mdisk_attach(struct vmblok *vm, uint16_t vaddr, const struct mdisk_id *id, bool rw,
                          bool tdisk)
{
    struct mlink *l = kmalloc(sizeof(*l));
    if (!l)
        return NULL;
    memset(l, 0, sizeof(*l));
    l->vm = vm;
    l->id = *id;
    l->rw = rw;
    l->tdisk = tdisk;
    l->geom = id->vol->rdev->geom;
    l->fullpack = id->start == 0 && id->ncyl >= volume_cylinders(id->vol);
    l->cyl = id->start;
    l->vd = vded_create_shared(vm, id->vol->rdev, vaddr, VC_DASD, &mdisk_rules, l);
    if (!l->vd) {
        kfree(l);
        return NULL;
    }
    l->next = links;
    links = l;
    id->vol->users++;
    return l->vd;
}

bool mdisk_info(const struct vdev *vd, struct mdisk_info *out)
{
    for (const struct mlink *l = links; l; l = l->next) {
        if (l->vd == vd) {
            out->id = l->id;
            out->rw = l->rw;
            out->tdisk = l->tdisk;
            return true;
        }
    }
    return false;
}
