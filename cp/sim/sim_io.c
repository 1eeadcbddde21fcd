/*
 * sim_io.c - the S/370 I/O instructions of a virtual machine: SIO, SIOF,
 * TIO, CLRIO, HIO, HDV, TCH, STIDC (System/370 Principles of Operation,
 * "Input/Output Operations"; shared/reference/s370.md section 9.5).
 *
 * Every virtual device has a subchannel of its own, and channels are
 * never busy: an instruction finds the device idle, working (an operation
 * in progress) or with an interruption pending, and sets the condition
 * code and the CSW at X'40' as a S/370 channel does for that state. The
 * device classes start operations (vdev.h); this file only decides.
 */
#include "hw/s370.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "sim/sim.h"
#include "vdev/vdev.h"
#include "vm/trace.h"
#include "vm/vmblok.h"

/* The device an I/O instruction addresses: bits 16-31 of its address
 * (channel, unit); NULL for a channel or device this machine lacks. */
static struct vdev *target(struct simctx *s, uint16_t *addr)
{
    uint32_t ea = sim_ea(s) & 0xFFFF;
    *addr = (uint16_t)ea;
    return ea > 0xFFF ? NULL : vdev_find(s->vm, (uint16_t)ea);
}

static int finish(struct simctx *s, const char *name, uint16_t addr, int cc)
{
    sim_set_cc(s, cc);
    trace_io_insn(s->vm, s, name, addr, cc);
    return 0;
}

static void store_csw(struct simctx *s, const uint8_t csw[8]) { greal_store(s->vm, PSA_CSW, csw, 8); }

/* Only the status bytes of the CSW (the rest stays as it was). */
static void store_status(struct simctx *s, uint8_t ustat, uint8_t cstat)
{
    uint8_t st[2] = {ustat, cstat};
    greal_store(s->vm, PSA_CSW + CSW_USTAT, st, 2);
}

/* TIO and CLRIO: an interruption pending for the device is cleared and
 * its CSW stored (cc 1). False if there was none. */
static bool take_pending(struct simctx *s, struct vdev *vd)
{
    if (!vd->pending)
        return false;
    uint8_t csw[8];
    vdev_take_interrupt(s->vm, vd, csw);
    store_csw(s, csw);
    return true;
}

/* 9C00 SIO, 9C01 SIOF D2(B2) [S]: start I/O */
int sim_sio(struct simctx *s)
{
    uint16_t addr;
    struct vdev *vd = target(s, &addr);
    const char *name = s->in.op2 ? "SIOF" : "SIO";
    if (!vd)
        return finish(s, name, addr, 3);
    if (vd->busy)
        return finish(s, name, addr, 2);
    if (vd->pending) {
        if (vd->pending_own)
            return finish(s, name, addr, 2);
        /* status the device presented by itself: busy with that status */
        uint8_t csw[8];
        vdev_take_interrupt(s->vm, vd, csw);
        store_status(s, (uint8_t)(US_BUSY | csw[CSW_USTAT]), csw[CSW_CSTAT]);
        return finish(s, name, addr, 1);
    }
    uint8_t caw[4];
    greal_fetch(s->vm, PSA_CAW, caw, 4);
    uint32_t cawv = get_be32(caw);
    vd->sio_count++;
    if ((caw[0] & 0x0F) || (cawv & 7)) {
        store_status(s, 0, CS_PROG); /* CAW format: bits 4-7 zero, a doubleword address */
        return finish(s, name, addr, 1);
    }
    int cc = vd->ops->start(s->vm, vd, cawv);
    if (cc == 1)
        store_csw(s, vd->csw);
    return finish(s, name, addr, cc);
}

/* 9D00 TIO D2(B2) [S]: test I/O */
int sim_tio(struct simctx *s)
{
    uint16_t addr;
    struct vdev *vd = target(s, &addr);
    if (!vd)
        return finish(s, "TIO", addr, 3);
    if (vd->busy)
        return finish(s, "TIO", addr, 2);
    return finish(s, "TIO", addr, take_pending(s, vd) ? 1 : 0);
}

/* 9D01 CLRIO D2(B2) [S]: clear I/O - the operation ends without an
 * interruption, its CSW stored */
int sim_clrio(struct simctx *s)
{
    uint16_t addr;
    struct vdev *vd = target(s, &addr);
    if (!vd)
        return finish(s, "CLRIO", addr, 3);
    if (vd->busy && vd->ops->halt)
        vd->ops->halt(s->vm, vd);
    return finish(s, "CLRIO", addr, take_pending(s, vd) ? 1 : 0);
}

/* 9E00 HIO, 9E01 HDV D2(B2) [S]: halt I/O, halt device */
int sim_hio(struct simctx *s)
{
    uint16_t addr;
    struct vdev *vd = target(s, &addr);
    const char *name = s->in.op2 ? "HDV" : "HIO";
    if (!vd)
        return finish(s, name, addr, 3);
    if (vd->busy) {
        /* the operation ends; its ending becomes an interruption */
        if (vd->ops->halt)
            vd->ops->halt(s->vm, vd);
        store_status(s, 0, 0);
        return finish(s, name, addr, 1);
    }
    if (vd->pending)
        return finish(s, name, addr, 0);
    store_status(s, 0, 0); /* the device is idle: status stored */
    return finish(s, name, addr, 1);
}

static bool channel_exists(struct vmblok *vm, unsigned chan)
{
    for (struct vdev *vd = vm->devs; vd; vd = vd->next)
        if ((vd->vaddr >> 8) == chan)
            return true;
    return false;
}

/* 9F00 TCH D2(B2) [S]: test channel */
int sim_tch(struct simctx *s)
{
    unsigned chan = (sim_ea(s) >> 8) & 0xFF;
    uint16_t addr = (uint16_t)(chan << 8);
    if (chan > 0xF || !channel_exists(s->vm, chan))
        return finish(s, "TCH", addr, 3);
    for (struct vdev *vd = s->vm->io_head; vd; vd = vd->pend_next)
        if ((vd->vaddr >> 8) == chan)
            return finish(s, "TCH", addr, 1);
    return finish(s, "TCH", addr, 0);
}

/* B203 STIDC D2(B2) [S]: store channel ID at X'A8': channel 0 a byte
 * multiplexer (type 1), the others block multiplexers (type 2) */
int sim_stidc(struct simctx *s)
{
    unsigned chan = (sim_ea(s) >> 8) & 0xFF;
    uint16_t addr = (uint16_t)(chan << 8);
    if (chan > 0xF || !channel_exists(s->vm, chan))
        return finish(s, "STIDC", addr, 3);
    uint8_t id[4] = {chan == 0 ? 0x10 : 0x20, 0x00, 0x00, 0x00};
    greal_store(s->vm, PSA_CHANID, id, 4);
    return finish(s, "STIDC", addr, 0);
}
