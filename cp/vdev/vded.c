/*
 * vded.c - dedicated real devices (see vded.h).
 *
 * Entry points: vded_attach, vded_owner, and the device operations.
 * SIO translates the guest's channel program (io/ccwtrans.c) into a real
 * one over the guest's frames and starts it on the real device; the
 * ending SCSW becomes the guest's CSW. A program that reads CCWs into
 * storage it is about to run (an IPL deck, a loader) is translated and
 * run in stages. After a unit check CP has already read the sense bytes
 * (the device's sense is reset by the next command), so a guest's SENSE
 * that follows gets those bytes. Status the device presents on its own
 * (attention, device end when it becomes ready) reaches the guest as an
 * interruption.
 */
#include <stdio.h>
#include <string.h>
#include "hw/s370.h"
#include "io/ccwtrans.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "vdev/vdev.h"
#include "vdev/vded.h"
#include "vm/vmblok.h"

#define MAXCCW  256
#define MAXIDAW 1024

struct vded {
    struct vmblok *vm;
    struct vdev *vd;
    struct rdevblok *rd;
    struct ioblok io;
    struct ccwprog prog;
    uint8_t key;
    bool discard; /* reset while running: the ending is dropped */
    bool ipl;     /* the first translation of an IPL: the IPL CCW is at 0 */
    struct gmem ipl_mem;
    bool released; /* the device left the machine while running */
    uint8_t sense[32];
    uint8_t senselen;
    const struct vded_rules *rules; /* a shared device's rules, or NULL */
    const struct gmem *mem;         /* the program's storage, if not the guest's (DIAGNOSE) */
    void *rules_ctx;
    struct ccw1 ccw[MAXCCW];
    uint32_t guest_ccw[MAXCCW];
    uint16_t resid_adj[MAXCCW];
    uint32_t idaw[MAXIDAW];
};

static uint32_t host_ptr(const void *p) { return (uint32_t)(uintptr_t)p; }

static void io_done(struct ioblok *io);
static void io_pci(struct ioblok *io, const uint8_t scsw[12]);

static void csw_status(uint8_t csw[8], uint8_t key, uint32_t ccw, uint8_t us, uint8_t cs,
                       uint16_t count)
{
    csw[0] = (uint8_t)(key << 4);
    put_be24(csw + 1, ccw);
    csw[4] = us;
    csw[5] = cs;
    put_be16(csw + 6, count);
}

/* Translate from guest address `at` and start; false if nothing could run
 * (the CSW for the check is then in vd->csw). */
static bool translate_and_start(struct vded *d, uint32_t at)
{
    struct ccwprog *p = &d->prog;
    memset(p, 0, sizeof(*p));
    p->ccw = d->ccw;
    p->guest_ccw = d->guest_ccw;
    p->maxccw = MAXCCW;
    p->idaw = d->idaw;
    p->maxidaw = MAXIDAW;
    p->host_ptr = host_ptr;
    if (d->rules) {
        p->resid_adj = d->resid_adj;
        d->rules->prepare(d->rules_ctx, p);
    }
    const struct gmem *g = d->ipl ? &d->ipl_mem : d->mem ? d->mem : &d->vm->stor.ops;
    enum ccwt_end e = ccw_translate(g, at, d->key, p);
    d->ipl = false;
    if (p->nccw == 0 && e == CCWT_PROGCHECK) {
        csw_status(d->vd->csw, d->key, p->fail_addr + 8, 0, p->fail_cstat, 0);
        return false;
    }
    memset(&d->io, 0, sizeof(d->io));
    d->io.rdev = d->rd;
    d->io.ccw = d->ccw;
    d->io.done = io_done;
    d->io.pci = io_pci;
    d->io.ctx = d;
    ios_start(&d->io);
    return true;
}

/* The guest's SENSE right after a unit check: the bytes CP kept. */
static bool saved_sense(struct vded *d, uint32_t caw)
{
    uint8_t ccw[8];
    uint32_t a = CAW_ADDR(caw);
    if (!d->senselen || greal_fetch(d->vm, a, ccw, 8) != 0 || !ccw_is_sense(ccw[0]) ||
        (ccw[4] & (CCWF_CD | CCWF_CC | CCWF_IDA)))
        return false;
    uint16_t count = get_be16(ccw + 6);
    uint32_t daddr = get_be24(ccw + 1);
    uint32_t n = count < d->senselen ? count : d->senselen;
    if (count == 0 || (uint64_t)daddr + n > d->vm->stor.size)
        return false; /* let the channel check it */
    if (!(ccw[4] & CCWF_SKIP))
        greal_store(d->vm, daddr, d->sense, n);
    uint8_t cs = (n != count && !(ccw[4] & CCWF_SLI)) ? CS_IL : 0;
    d->senselen = 0;
    uint8_t csw[8];
    csw_status(csw, CAW_KEY(caw), a + 8, US_CE | US_DE, cs, (uint16_t)(count - n));
    d->vd->busy = true;
    vdev_ended(d->vm, d->vd, csw, true);
    return true;
}

static int ded_start(struct vmblok *vm, struct vdev *vd, uint32_t caw)
{
    struct vded *d = vd->priv;
    d->mem = NULL;
    if (saved_sense(d, caw))
        return 0;
    d->senselen = 0;
    d->key = CAW_KEY(caw);
    d->discard = false;
    if (!translate_and_start(d, CAW_ADDR(caw)))
        return 1;
    vd->busy = true;
    return 0;
}

/* A PCI of the real program: the guest's, with its CCW address. */
static void io_pci(struct ioblok *io, const uint8_t scsw[12])
{
    struct vded *d = io->ctx;
    if (d->released || d->discard)
        return;
    uint8_t csw[8];
    ccw_csw_from_scsw(&d->prog, scsw, d->key, csw);
    csw[CSW_USTAT] = 0;
    csw[CSW_CSTAT] = CS_PCI;
    vdev_intermediate(d->vm, d->vd, csw);
}

static void io_done(struct ioblok *io)
{
    struct vded *d = io->ctx;
    if (d->released) {
        kfree(d);
        return;
    }
    struct vdev *vd = d->vd;
    struct ccwprog *p = &d->prog;
    if (io->cc == 3) {
        d->discard = false;
        uint8_t csw[8];
        csw_status(csw, d->key, 0, 0, CS_CCTL, 0); /* the device went away */
        vdev_ended(d->vm, vd, csw, true);
        return;
    }
    if (d->rules && !d->discard)
        d->rules->ended(d->rules_ctx, p, io);
    if (!d->discard && (p->end == CCWT_RESUME || p->end == CCWT_NOSPACE) &&
        ccw_at_stop(p, io->scsw)) {
        /* the program so far ran cleanly up to what it read: go on */
        if (translate_and_start(d, p->resume_addr))
            return;
        vdev_ended(d->vm, vd, vd->csw, true);
        return;
    }
    if (d->discard) {
        d->discard = false;
        vd->busy = false;
        return;
    }
    uint8_t csw[8];
    if (p->end == CCWT_DEVCHECK && ccw_at_stop(p, io->scsw)) {
        /* the device would have rejected the command: unit check */
        csw_status(csw, d->key, p->fail_addr + 8, US_CE | US_DE | US_UC, 0, p->fail_count);
        d->senselen = (uint8_t)d->rules->reject_sense(d->rules_ctx, d->sense);
        vdev_ended(d->vm, vd, csw, true);
        return;
    }
    ccw_csw_from_scsw(p, io->scsw, d->key, csw);
    if ((csw[CSW_USTAT] & US_UC) && io->senselen) {
        d->senselen = (uint8_t)(io->senselen < sizeof(d->sense) ? io->senselen : sizeof(d->sense));
        memcpy(d->sense, io->sense, d->senselen);
    }
    vdev_ended(d->vm, vd, csw, true);
}

static int ded_halt(struct vmblok *vm, struct vdev *vd)
{
    /* The real operation runs to its end (unit record, tape and DASD
     * operations end by themselves); its ending is the interruption. */
    return 1;
}

static void ded_reset(struct vmblok *vm, struct vdev *vd)
{
    struct vded *d = vd->priv;
    if (vd->busy)
        d->discard = true;
    d->senselen = 0;
}

static void ded_release(struct vmblok *vm, struct vdev *vd)
{
    struct vded *d = vd->priv;
    if (d->rules) {
        d->rules->release(d->rules_ctx);
        d->rules_ctx = NULL;
    } else {
        d->rd->owner = NULL;
        d->rd->unsol = NULL;
    }
    if (vd->busy || d->rd->active == &d->io)
        d->released = true; /* freed when the real operation ends */
    else
        kfree(d);
}

static void ded_describe(struct vmblok *vm, struct vdev *vd, char *buf, size_t len)
{
    struct vded *d = vd->priv;
    if (d->rules)
        d->rules->describe(d->rules_ctx, buf, len);
    else
        snprintf(buf, len, "%-4s %03X ON DEV %03X", vdev_class_name(vd->cls), vd->vaddr,
                 d->rd->devno);
}

/* The guest's storage as the first IPL translation sees it: the implied
 * IPL CCW, read 24 bytes into 0 with command chaining and SLI, stands
 * at 0, so chaining goes on at 8 (once the 24 bytes are there). */
static int ipl_read(void *ctx, uint32_t raddr, void *buf, uint32_t len)
{
    static const uint8_t ipl_ccw[8] = {0x02, 0, 0, 0, CCWF_CC | CCWF_SLI, 0, 0, 24};
    struct vded *d = ctx;
    int rc = d->vm->stor.ops.read(d->vm->stor.ops.ctx, raddr, buf, len);
    for (uint32_t i = 0; rc == 0 && i < len; i++)
        if (raddr + i < 8)
            ((uint8_t *)buf)[i] = ipl_ccw[raddr + i];
    return rc;
}

static int ipl_write(void *ctx, uint32_t raddr, const void *buf, uint32_t len)
{
    struct vded *d = ctx;
    return d->vm->stor.ops.write(d->vm->stor.ops.ctx, raddr, buf, len);
}

static int ipl_host_addr(void *ctx, uint32_t raddr, uint64_t *haddr)
{
    struct vded *d = ctx;
    return d->vm->stor.ops.host_addr(d->vm->stor.ops.ctx, raddr, haddr);
}

static uint8_t ipl_key(void *ctx, uint32_t raddr)
{
    struct vded *d = ctx;
    return d->vm->stor.ops.key(d->vm->stor.ops.ctx, raddr);
}

static bool ipl_readonly(void *ctx, uint32_t raddr)
{
    struct vded *d = ctx;
    return d->vm->stor.ops.readonly(d->vm->stor.ops.ctx, raddr);
}

static int ded_ipl(struct vmblok *vm, struct vdev *vd)
{
    struct vded *d = vd->priv;
    d->mem = NULL;
    d->ipl_mem =
        (struct gmem){d, vm->stor.size, ipl_read, ipl_write, ipl_host_addr, ipl_key, ipl_readonly};
    d->ipl = true;
    d->key = 0;
    d->discard = false;
    d->senselen = 0;
    if (!translate_and_start(d, 0))
        return 1;
    vd->busy = true;
    return 0;
}

int vded_start_mem(struct vmblok *vm, struct vdev *vd, const struct gmem *g, uint32_t addr,
                   uint8_t key)
{
    struct vded *d = vd->priv;
    d->mem = g;
    d->key = key;
    d->discard = false;
    d->senselen = 0;
    if (!translate_and_start(d, addr))
        return 1;
    vd->busy = true;
    return 0;
}

size_t vded_sense(const struct vdev *vd, uint8_t sense[32])
{
    const struct vded *d = vd->priv;
    memcpy(sense, d->sense, d->senselen);
    return d->senselen;
}

static const struct vdev_ops ded_ops = {
    .ipl = ded_ipl,
    .start = ded_start,
    .halt = ded_halt,
    .reset = ded_reset,
    .release = ded_release,
    .describe = ded_describe,
};

/* Status from the device by itself. */
static void unsolicited(struct rdevblok *rd, uint8_t dstat)
{
    struct vded *d = rd->owner;
    if (!d || d->released || d->vd->busy)
        return;
    uint8_t csw[8];
    csw_status(csw, 0, 0, dstat, 0, 0);
    vdev_ended(d->vm, d->vd, csw, false);
}

static enum vdev_class class_of(const struct rdevblok *rd)
{
    switch (rd->devtype) {
    case 0x2540:
    case 0x3505:
    case 0x2501: return VC_RDR;
    case 0x3525: return VC_PUN;
    case 0x1403:
    case 0x3211:
    case 0x1443: return VC_PRT;
    case 0x3215:
    case 0x1052: return VC_CONS;
    case 0x3277:
    case 0x3278:
    case 0x3279: return VC_GRAF;
    default: break;
    }
    if (rd->cls == RDEV_TAPE)
        return VC_TAPE;
    if (rd->cls == RDEV_DASD)
        return VC_DASD;
    return VC_DEV;
}

/* A virtual device running its programs on rd, added to the machine. */
static struct vdev *make(struct vmblok *vm, struct rdevblok *rd, uint16_t vaddr,
                         enum vdev_class cls)
{
    struct vdev *vd = kmalloc(sizeof(*vd));
    struct vded *d = kmalloc(sizeof(*d));
    if (!vd || !d) {
        kfree(vd);
        kfree(d);
        return NULL;
    }
    memset(vd, 0, sizeof(*vd));
    memset(d, 0, sizeof(*d));
    d->vm = vm;
    d->vd = vd;
    d->rd = rd;
    vd->vaddr = vaddr;
    vd->devtype = rd->devtype;
    vd->cls = cls;
    vd->ops = &ded_ops;
    vd->priv = d;
    if (!vdev_add(vm, vd)) {
        kfree(vd);
        kfree(d);
        return NULL;
    }
    return vd;
}

enum vded_err vded_attach(struct vmblok *vm, uint16_t raddr, uint16_t vaddr)
{
    struct rdevblok *rd = rdev_by_devno(raddr);
    if (!rd || !ios_probe(rd))
        return VDED_NODEV;
    if (rd->owner || rd->active)
        return VDED_INUSE;
    for (int i = 0; i < volume_count(); i++)
        if (volume_at(i)->rdev == rd && volume_at(i)->cpformatted)
            return VDED_INUSE; /* a CP volume */
    for (int i = 0; i < volume_count(); i++)
        if (volume_at(i)->rdev == rd && volume_at(i)->users)
            return VDED_INUSE; /* minidisks are in use on it */
    if (vdev_find(vm, vaddr))
        return VDED_VADDR;
    struct vdev *vd = make(vm, rd, vaddr, class_of(rd));
    if (!vd)
        return VDED_STORAGE;
    rd->owner = vd->priv;
    rd->unsol = unsolicited;
    return VDED_OK;
}

struct vdev *vded_create_shared(struct vmblok *vm, struct rdevblok *rd, uint16_t vaddr,
                                enum vdev_class cls, const struct vded_rules *rules, void *ctx)
{
    struct vdev *vd = make(vm, rd, vaddr, cls);
    if (vd) {
        struct vded *d = vd->priv;
        d->rules = rules;
        d->rules_ctx = ctx;
    }
    return vd;
}

bool vded_is(const struct vdev *vd) { return vd->ops == &ded_ops; }

struct vmblok *vded_owner(const struct rdevblok *rd, uint16_t *vaddr)
{
    if (!rd->owner || rd->unsol != unsolicited)
        return NULL;
    const struct vded *d = rd->owner;
    *vaddr = d->vd->vaddr;
    return d->vm;
}

struct rdevblok *vded_rdev(const struct vdev *vd)
{
    return vd->ops == &ded_ops ? ((const struct vded *)vd->priv)->rd : NULL;
}
