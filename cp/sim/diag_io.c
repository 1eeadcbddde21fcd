/*
 * diag_io.c - the DIAGNOSE codes that do I/O for a program without I/O
 * interruptions (≈ DMKDGD, DMKGIO): X'18' standard DASD I/O, X'20'
 * general I/O, X'250' block I/O (diagnose/DIAGNOSE.md 3.7, 3.9, 3.18).
 *
 * Entry points: diag_x18, diag_x20, diag_x250.
 *
 * Each runs a channel program on the device the way SIO would (the CCW
 * translation of dedicated devices and minidisks, vdev/vded.c and
 * vdev/mdisk.c: relocation, extent checks, the link's file mask), but the
 * machine waits in state VM_DIAGIO and the ending, instead of becoming an
 * interruption, comes back here (vdev_ended): the results go to the
 * registers and the condition code, and the machine runs on after the
 * DIAGNOSE. X'250' builds its channel programs itself, one per block
 * entry, in a page of CP's storage that the translation sees at a guest
 * address of its own: the page after the entry's buffer (format-0 CCWs
 * address 24 bits, so no address is free in a 16M machine; the page after
 * the buffer is one the entry's data never touches, and only the CCWs and
 * their arguments are fetched from there).
 */
#include <string.h>
#include "dasd/ckdgeom.h"
#include "diagnose/diag.h"
#include "hw/s370.h"
#include "io/ios.h"
#include "kern/alloc.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "io/volumes.h"
#include "mm/gmem.h"
#include "sim/diagsim.h"
#include "vdev/mdisk.h"
#include "vdev/vded.h"
#include "vdev/vdev.h"
#include "vm/dispatch.h"

#define X18_MAXSTEPS 128 /* CCWs one X'18' chain may have */

/* ---------------------------------------------------------------- shared */

/* Results are in: the machine runs on (unless its user stopped it). */
static void resume(struct vmblok *vm)
{
    if (vm->state == VM_DIAGIO)
        vm_start(vm);
}

typedef void dio_done_fn(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8]);

/* Start a channel program (CAW, or from g when not NULL) on vd with the
 * machine waiting; done gets the ending (at once if nothing could run). */
static void run(struct vmblok *vm, struct vdev *vd, dio_done_fn *done, unsigned ry,
                const struct gmem *g, uint32_t addr)
{
    vm->dio_dev = vd;
    vm->dio_done = done;
    vm->dio_ry = ry;
    vm->state = VM_DIAGIO;
    int cc =
        g ? vded_start_mem(vm, vd, g, CAW_ADDR(addr), CAW_KEY(addr)) : vd->ops->start(vm, vd, addr);
    if (cc != 0) {
        vm->dio_dev = NULL;
        done(vm, vd, vd->csw);
    }
}

/* The device's size in cylinders and whether it may be written. */
static bool dasd_extent(struct vmblok *vm, struct vdev *vd, unsigned *ncyl, bool *rw,
                        const struct ckd_geom **geom)
{
    struct mdisk_info mi;
    if (vd->cls != VC_DASD || !vded_is(vd))
        return false;
    if (mdisk_info(vd, &mi)) {
        *ncyl = mi.id.ncyl;
        *rw = mi.rw;
        *geom = mi.id.vol->rdev->geom;
    } else {
        struct rdevblok *rd = vded_rdev(vd);
        *geom = rd ? rd->geom : NULL;
        *ncyl = *geom ? (*geom)->cyls : 0;
        *rw = true;
    }
    return *geom != NULL;
}

/* ---------------------------------------------------------------- X'18' */

/* Channel end and device end (status modifier allowed), nothing else. */
static bool ended_clean(const uint8_t csw[8])
{
    return !(csw[CSW_USTAT] & ~(US_CE | US_DE | US_SM)) && !csw[CSW_CSTAT];
}

static void x18_done(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8])
{
    greal_store(vm, PSA_CSW, csw, 8);
    bool ok = ended_clean(csw);
    vm->cpu.psw.cc = ok ? 0 : 3;
    diag_vm_set_reg(vm, 15, ok ? 0 : DIAG18_RC_IOERR);
    resume(vm);
}

/* The condition code and a return code in register r (R15 for X'18'
 * and X'20', Ry for X'250'). */
static int ret(struct simctx *s, int cc, unsigned r, uint32_t rc)
{
    sim_set_cc(s, cc);
    diag_set_reg(s, r, rc);
    return 0;
}

/* The shape of an X'18' chain (DIAGNOSE.md 3.7): 0, or cc << 8 | R15. */
static unsigned x18_check(struct vmblok *vm, uint32_t a, unsigned ncyl, bool rw, unsigned nrw_max)
{
    uint32_t size = vm->stor.size;
    unsigned nrw = 0;
    int cyl0 = -1;
    for (unsigned step = 0; step < X18_MAXSTEPS; step++) {
        uint8_t c[8], arg[6];
        if ((uint64_t)a + 8 > size || greal_fetch(vm, a, c, 8) != 0)
            return 2 << 8 | DIAG18_RC_ARGADDR;
        uint8_t cmd = c[0], flags = c[4];
        uint32_t data = get_be24(c + 1);
        uint16_t count = get_be16(c + 6);
        switch (cmd) {
        case 0x07:
        case 0x1B:
        case 0x31:
        case 0x23: {
            unsigned n = cmd == 0x31 ? 5 : cmd == 0x23 ? 1 : 6;
            if ((uint64_t)data + n > size || greal_fetch(vm, data, arg, n) != 0)
                return 2 << 8 | DIAG18_RC_ARGADDR;
            if (cmd == 0x07) {
                if (get_be16(arg + 2) >= ncyl)
                    return 1 << 8 | DIAG18_RC_EXTENT;
                if (cyl0 < 0)
                    cyl0 = get_be16(arg + 2);
            } else if (cmd == 0x1B && get_be16(arg + 2) != cyl0) {
                return 2 << 8 | DIAG18_RC_HEAD;
            }
            break;
        }
        case 0x08: break; /* back to its search: the walk goes on after it */
        case 0x05:
        case 0x06:
            if (count == 0)
                return 2 << 8 | DIAG18_RC_ZERO;
            if (count > DIAG18_MAXCNT)
                return 2 << 8 | DIAG18_RC_LONG;
            if ((uint64_t)data + count > size)
                return 2 << 8 | DIAG18_RC_BUFADDR;
            if (cmd == 0x05 && !rw)
                return 1 << 8 | DIAG18_RC_RDONLY;
            if (++nrw > nrw_max)
                return 2 << 8 | DIAG18_RC_COUNT;
            break;
        default: return 2 << 8 | DIAG18_RC_OPCODE;
        }
        a += 8;
        if (cmd != 0x08 && !(flags & CCWF_CC))
            return nrw ? 0 : 2 << 8 | DIAG18_RC_COUNT;
    }
    return 2 << 8 | DIAG18_RC_COUNT;
}

int diag_x18(struct simctx *s, unsigned rx, unsigned ry)
{
    struct vmblok *vm = s->vm;
    uint32_t r15 = diag_reg(s, 15), a = diag_reg(s, ry) & 0x00FFFFFF;
    struct vdev *vd = vdev_find(vm, (uint16_t)(diag_reg(s, rx) & 0xFFF));
    unsigned ncyl;
    bool rw;
    const struct ckd_geom *geom;
    if (!vd || vd->cls != VC_DASD)
        return ret(s, 1, 15, DIAG18_RC_NODEV);
    if (!dasd_extent(vm, vd, &ncyl, &rw, &geom))
        return ret(s, 1, 15, DIAG18_RC_TYPE);
    if (vd->busy || vd->pending)
        return ret(s, 1, 15, DIAG18_RC_BUSY);
    if (a & 7)
        return ret(s, 2, 15, DIAG18_RC_ALIGN);
    if (r15 < 1 || r15 > DIAG18_MAXRW)
        return ret(s, 2, 15, DIAG18_RC_COUNT);
    unsigned bad = x18_check(vm, a, ncyl, rw, r15);
    if (bad)
        return ret(s, (int)(bad >> 8), 15, bad & 0xFF);
    run(vm, vd, x18_done, ry, NULL, a);
    return 0;
}

/* ---------------------------------------------------------------- X'20' */

static void x20_done(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8])
{
    greal_store(vm, PSA_CSW, csw, 8);
    uint8_t us = csw[CSW_USTAT], cs = csw[CSW_CSTAT];
    if (ended_clean(csw)) {
        vm->cpu.psw.cc = 0;
    } else if (!(us & ~(US_CE | US_DE | US_SM | US_UX)) && !(cs & ~CS_IL)) {
        vm->cpu.psw.cc = 2;
        diag_vm_set_reg(vm, 15, (us & US_UX) ? DIAG20_RC_UEXC : DIAG20_RC_WLEN);
    } else {
        uint8_t sense[32];
        size_t n = (us & US_UC) ? vded_sense(vd, sense) : 0;
        vm->cpu.psw.cc = 3;
        diag_vm_set_reg(vm, 15, DIAG20_RC_ERROR);
        diag_vm_set_reg(vm, vm->dio_ry, n >= 2 ? get_be16(sense) : 0);
    }
    resume(vm);
}

int diag_x20(struct simctx *s, unsigned rx, unsigned ry)
{
    struct vmblok *vm = s->vm;
    uint32_t r = diag_reg(s, ry);
    if (r & 0x0F000000)
        return PGM_SPECIFICATION;
    struct vdev *vd = vdev_find(vm, (uint16_t)(diag_reg(s, rx) & 0xFFF));
    if (!vd)
        return ret(s, 1, 15, DIAG20_RC_NODEV);
    if (vd->busy || vd->pending)
        return ret(s, 1, 15, DIAG20_RC_BUSY);
    if ((vd->cls != VC_DASD && vd->cls != VC_TAPE) || !vded_is(vd)) {
        diag_set_reg(s, ry, 0); /* no sense bytes */
        return ret(s, 3, 15, DIAG20_RC_ERROR);
    }
    /* the CAW: key in bits 0-3, the program's address in 8-31 */
    run(vm, vd, x20_done, ry, NULL, (r & 0xF0000000) | (r & 0x00FFFFFF));
    return 0;
}

/* ---------------------------------------------------------------- X'250' */

/* CP's page for X'250', as the translation sees it at b->ovl: the
 * channel program of one block entry and its arguments. */
#define BIO_CCW    0  /* SEEK, SEARCH ID EQUAL, TIC, READ|WRITE */
#define BIO_SEEK   64 /* BBCCHH */
#define BIO_SEARCH 72 /* CCHHR */

struct bio {
    uint8_t page[4096];
    struct gmem g;
    struct vmblok *vm;
    uint32_t list;       /* the entry list */
    unsigned count, cur; /* entries, the one running */
    uint8_t key;
    uint32_t ovl; /* the guest address CP's page stands at for this entry */
};

static struct bio *bio_of(struct vmblok *vm) { return vm->dio_page; }

static bool overlay(const struct bio *b, uint32_t a, uint32_t len)
{
    return a >= b->ovl && a - b->ovl + (uint64_t)len <= 4096;
}

static int ov_read(void *ctx, uint32_t a, void *buf, uint32_t len)
{
    struct bio *b = ctx;
    if (overlay(b, a, len)) {
        memcpy(buf, b->page + (a - b->ovl), len);
        return 0;
    }
    return b->vm->stor.ops.read(b->vm->stor.ops.ctx, a, buf, len);
}

static int ov_write(void *ctx, uint32_t a, const void *buf, uint32_t len)
{
    struct bio *b = ctx;
    return overlay(b, a, 1) ? -1 : b->vm->stor.ops.write(b->vm->stor.ops.ctx, a, buf, len);
}

static int ov_host(void *ctx, uint32_t a, uint64_t *h)
{
    struct bio *b = ctx;
    if (overlay(b, a, 1)) {
        *h = (uint64_t)(uintptr_t)(b->page + (a - b->ovl));
        return 0;
    }
    return b->vm->stor.ops.host_addr(b->vm->stor.ops.ctx, a, h);
}

static uint8_t ov_key(void *ctx, uint32_t a)
{
    struct bio *b = ctx;
    return overlay(b, a, 1) ? 0 : b->vm->stor.ops.key(b->vm->stor.ops.ctx, a);
}

static bool ov_readonly(void *ctx, uint32_t a)
{
    struct bio *b = ctx;
    return overlay(b, a, 1) || b->vm->stor.ops.readonly(b->vm->stor.ops.ctx, a);
}

static void put_ccw(uint8_t *c, uint8_t cmd, uint32_t addr, uint8_t flags, uint16_t count)
{
    c[0] = cmd;
    put_be24(c + 1, addr);
    c[4] = flags;
    c[5] = 0;
    put_be16(c + 6, count);
}

/* The blocks of the bound device: N, and where block n is. */
static uint32_t bio_blocks(struct vmblok *vm, struct vdev *vd, unsigned *heads, bool *rw)
{
    unsigned ncyl;
    const struct ckd_geom *geom;
    if (!vd->bio_blksize || !dasd_extent(vm, vd, &ncyl, rw, &geom))
        return 0;
    *heads = geom->heads;
    return (uint32_t)ncyl * geom->heads * vd->bio_per_track;
}

static void bio_entry_status(struct vmblok *vm, struct bio *b, unsigned i, uint8_t st)
{
    greal_store(vm, b->list + i * BIOE_SIZE + BIOE_STATUS, &st, 1);
}

static void bio_finish(struct vmblok *vm, struct bio *b, bool failed)
{
    for (unsigned i = b->cur + 1; failed && i < b->count; i++)
        bio_entry_status(vm, b, i, BIOE_S_NOTDONE);
    vm->cpu.psw.cc = failed ? 1 : 0;
    diag_vm_set_reg(vm, vm->dio_ry, failed ? BIO_RC_ENTRY : BIO_RC_OK);
    resume(vm);
}

static void bio_next(struct vmblok *vm, struct vdev *vd);

static void bio_done(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8])
{
    struct bio *b = bio_of(vm);
    uint8_t cs = csw[CSW_CSTAT];
    bool ok = ended_clean(csw);
    bio_entry_status(vm, b, b->cur, ok ? BIOE_S_OK : (cs & CS_PROT) ? BIOE_S_ADDR : BIOE_S_IOERR);
    if (!ok) {
        bio_finish(vm, b, true);
        return;
    }
    b->cur++;
    bio_next(vm, vd);
}

/* Check entry b->cur and start its channel program, or finish. */
static void bio_next(struct vmblok *vm, struct vdev *vd)
{
    struct bio *b = bio_of(vm);
    if (b->cur == b->count) {
        bio_finish(vm, b, false);
        return;
    }
    uint8_t e[BIOE_SIZE];
    greal_fetch(vm, b->list + b->cur * BIOE_SIZE, e, BIOE_SIZE);
    unsigned heads = 1;
    bool rw = false;
    uint32_t n = bio_blocks(vm, vd, &heads, &rw);
    uint32_t block = get_be32(e + BIOE_BLOCK), buf = get_be32(e + BIOE_BUFFER);
    uint8_t type = e[BIOE_TYPE], st = BIOE_S_OK;
    if ((type != BIOE_T_READ && type != BIOE_T_WRITE) || get_be16(e + BIOE_RES0) ||
        get_be32(e + BIOE_RES1))
        st = BIOE_S_INVALID;
    else if (block == 0 || block > n)
        st = BIOE_S_RANGE;
    else if (type == BIOE_T_WRITE && !rw)
        st = BIOE_S_RDONLY;
    else if (buf & 0xFF000000u || (uint64_t)buf + vd->bio_blksize > vm->stor.size)
        st = BIOE_S_ADDR;
    if (st != BIOE_S_OK) {
        bio_entry_status(vm, b, b->cur, st);
        bio_finish(vm, b, true);
        return;
    }
    uint32_t t = (block - 1) / vd->bio_per_track;
    uint8_t *p = b->page;
    memset(p + BIO_SEEK, 0, 16);
    put_be16(p + BIO_SEEK + 2, (uint16_t)(t / heads));
    put_be16(p + BIO_SEEK + 4, (uint16_t)(t % heads));
    memcpy(p + BIO_SEARCH, p + BIO_SEEK + 2, 4);
    p[BIO_SEARCH + 4] = (uint8_t)((block - 1) % vd->bio_per_track + 1);
    /* CP's page stands at the page after the buffer (wrapping at 16M) */
    b->ovl = ((buf + vd->bio_blksize + 4095u) & ~4095u) & 0x00FFFFFFu;
    put_ccw(p + BIO_CCW, 0x07, b->ovl + BIO_SEEK, CCWF_CC, 6);
    put_ccw(p + BIO_CCW + 8, 0x31, b->ovl + BIO_SEARCH, CCWF_CC, 5);
    put_ccw(p + BIO_CCW + 16, 0x08, b->ovl + BIO_CCW + 8, 0, 0);
    put_ccw(p + BIO_CCW + 24, type == BIOE_T_READ ? 0x06 : 0x05, buf, 0, (uint16_t)vd->bio_blksize);
    run(vm, vd, bio_done, vm->dio_ry, &b->g, b->ovl | ((uint32_t)b->key << 28));
}

static const uint32_t bio_sizes[] = {512, 800, 1024, 2048, 4096};

int diag_x250(struct simctx *s, unsigned rx, unsigned ry)
{
    struct vmblok *vm = s->vm;
    uint32_t a = diag_addr(s, rx), fn = diag_reg(s, ry);
    if ((a & 7) || rx == ry || fn > BIO_FN_REMOVE)
        return PGM_SPECIFICATION;
    uint32_t len = fn == BIO_FN_REMOVE ? BIO_REMOVE_SIZE : BIO_SIZE;
    uint8_t pl[BIO_SIZE];
    if ((uint64_t)a + len > vm->stor.size || greal_fetch(vm, a, pl, len) != 0)
        return PGM_ADDRESSING;
    struct vdev *vd = vdev_find(vm, get_be16(pl + BIO_DEVNO) & 0xFFF);
    if (get_be16(pl + BIO_DEVNO) > 0xFFF)
        vd = NULL;

    if (fn == BIO_FN_REMOVE) {
        if (!vd)
            return ret(s, 3, ry, BIO_RC_NODEV);
        if (pl[BIO_FLAGS] || pl[BIO_RES0])
            return ret(s, 2, ry, BIO_RC_RESERVED);
        if (!vd->bio_blksize)
            return ret(s, 2, ry, BIO_RC_NOTBOUND);
        vd->bio_blksize = 0;
        return ret(s, 0, ry, BIO_RC_OK);
    }

    if (fn == BIO_FN_INIT) {
        bool zero = !pl[BIO_FLAGS] && !pl[BIO_RES0];
        for (unsigned i = 0; i < 15; i++)
            zero = zero && !pl[BIOI_RES + i];
        if (!vd)
            return ret(s, 3, ry, BIO_RC_NODEV);
        if (!zero)
            return ret(s, 2, ry, BIO_RC_RESERVED);
        unsigned ncyl;
        bool rw;
        const struct ckd_geom *geom;
        if (!dasd_extent(vm, vd, &ncyl, &rw, &geom))
            return ret(s, 3, ry, BIO_RC_NOTDASD);
        uint32_t size = get_be32(pl + BIOI_BLKSIZE);
        bool known = false;
        for (unsigned i = 0; i < sizeof(bio_sizes) / sizeof(bio_sizes[0]); i++)
            known = known || size == bio_sizes[i];
        if (!known)
            return ret(s, 3, ry, BIO_RC_BLKSIZE);
        unsigned k = ckd_recs_per_track(geom, 0, size);
        vd->bio_blksize = size;
        vd->bio_per_track = (uint16_t)k;
        put_be32(pl + BIOI_NBLOCKS, (uint32_t)ncyl * geom->heads * k);
        put_be32(pl + BIOI_BLKPTRK, k);
        pl[BIOI_RFLAGS] = rw ? 0 : BIOI_RF_RDONLY;
        greal_store(vm, a + BIOI_NBLOCKS, pl + BIOI_NBLOCKS, 9);
        return ret(s, 0, ry, rw ? BIO_RC_OK : BIO_RC_RDONLY);
    }

    /* READ/WRITE */
    uint32_t count = get_be32(pl + BIOR_COUNT), list = get_be32(pl + BIOR_LIST);
    if (list & 7)
        return PGM_SPECIFICATION;
    if (count >= 1 && count <= BIOR_MAXCOUNT &&
        ((list & 0xFF000000u) || (uint64_t)list + count * BIOE_SIZE > vm->stor.size))
        return PGM_ADDRESSING;
    if (!vd)
        return ret(s, 3, ry, BIO_RC_NODEV);
    bool zero = !pl[BIO_FLAGS] && !pl[BIO_RES0] && !(pl[BIOR_KEY] & 0x0F) && !pl[BIOR_RFLAGS] &&
                !get_be16(pl + BIOR_RES1);
    for (unsigned i = 0; i < 16; i++)
        zero = zero && !pl[BIOR_RES2 + i];
    if (!zero)
        return ret(s, 2, ry, BIO_RC_RESERVED);
    if (!vd->bio_blksize)
        return ret(s, 2, ry, BIO_RC_NOTBOUND);
    if (count < 1 || count > BIOR_MAXCOUNT)
        return ret(s, 2, ry, BIO_RC_COUNT);
    if (vd->busy || vd->pending)
        return ret(s, 2, ry, BIO_RC_BUSY);
    if (!vm->dio_page) {
        vm->dio_page = kmalloc(sizeof(struct bio));
        if (!vm->dio_page)
            return ret(s, 2, ry, BIO_RC_BUSY);
        memset(vm->dio_page, 0, sizeof(struct bio));
    }
    struct bio *b = bio_of(vm);
    b->vm = vm;
    b->g = (struct gmem){b, 0x01000000u, ov_read, ov_write, ov_host, ov_key, ov_readonly};
    b->list = list;
    b->count = count;
    b->cur = 0;
    b->key = pl[BIOR_KEY] >> 4;
    vm->dio_ry = ry;
    vm->state = VM_DIAGIO;
    bio_next(vm, vd);
    return 0;
}
