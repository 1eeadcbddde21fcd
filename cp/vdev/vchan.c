/*
 * vchan.c - running a guest's channel program on a device CP simulates
 * (see vchan.h).
 *
 * Entry points: vchan_start, vchan_resume, vchan_get, vchan_put. The
 * checks are the channel's: a CCW at an address beyond storage or not
 * on a doubleword, TIC to TIC, a command with low bits 0000, count 0,
 * flag bits 38-39 (suspend, not used here) and data beyond storage are
 * program checks; data or CCWs the CAW key may not reach are protection
 * checks. Such a check ends the program with the CCW address + 8.
 */
#include "hw/s370.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "vdev/vchan.h"
#include "vdev/vdev.h"
#include "vm/vmblok.h"

static void end(struct vmblok *vm, struct vdev *vd, struct vchan *ch, uint32_t ccw_addr,
                uint8_t ustat, uint8_t cstat, uint16_t residual)
{
    uint8_t csw[8];
    csw[0] = (uint8_t)(ch->key << 4);
    put_be24(csw + 1, ccw_addr);
    csw[4] = ustat;
    csw[5] = cstat;
    put_be16(csw + 6, residual);
    if (ch->pci)
        csw[5] |= CS_PCI;
    ch->pci = false;
    ch->waiting = false;
    vdev_ended(vm, vd, csw, true);
}

/* May the channel, with key `key`, reach the 2K block of raddr? */
static bool key_ok(struct vmblok *vm, uint32_t raddr, uint8_t key, bool store)
{
    if (key == 0)
        return true;
    uint8_t sk = vm->stor.ops.key(vm->stor.ops.ctx, raddr);
    if ((sk >> 4) == key)
        return true;
    return !store && !(sk & 0x08);
}

static uint8_t check_area(struct vmblok *vm, uint32_t addr, uint32_t count, uint8_t key, bool store)
{
    if (count == 0)
        return 0;
    if ((uint64_t)addr + count > vm->stor.size)
        return CS_PROG;
    for (uint32_t a = addr & ~2047u; a < addr + count; a += 2048)
        if (!key_ok(vm, a, key, store))
            return CS_PROT;
    return 0;
}

/* Fetch the CCW at addr; 0 or the channel status of the check. */
static uint8_t fetch_ccw(struct vmblok *vm, struct vchan *ch, uint32_t addr, uint8_t ccw[8])
{
    if ((addr & 7) || (uint64_t)addr + 8 > vm->stor.size)
        return CS_PROG;
    if (!key_ok(vm, addr, ch->key, false))
        return CS_PROT;
    greal_fetch(vm, addr, ccw, 8);
    return 0;
}

static void run(struct vmblok *vm, struct vdev *vd, struct vchan *ch)
{
    /* The program runs to its end at once: a PCI of one of its CCWs is
     * presented with the ending, as the channel may present it. */
    for (int guard = 0; guard < 10000; guard++) {
        uint32_t addr = ch->ccw;
        uint8_t ccw[8];
        uint8_t cs = fetch_ccw(vm, ch, addr, ccw);
        if (cs) {
            end(vm, vd, ch, addr + 8, 0, cs, 0);
            return;
        }
        if (ccw_is_tic(ccw[0])) {
            uint32_t to = get_be24(ccw + 1);
            uint8_t t[8];
            cs = fetch_ccw(vm, ch, to, t);
            if (!cs && ccw_is_tic(t[0]))
                cs = CS_PROG; /* TIC to TIC */
            if (cs) {
                end(vm, vd, ch, (cs == CS_PROG && !(to & 7) ? to : addr) + 8, 0, cs, 0);
                return;
            }
            ch->ccw = to;
            continue;
        }
        struct vchan_op op = {.cmd = ccw[0], .flags = ccw[4]};
        if (ccw[4] & CCWF_PCI)
            ch->pci = true;
        bool store = ccw_is_read(op.cmd) || ccw_is_readback(op.cmd) || ccw_is_sense(op.cmd);
        uint32_t last = addr;
        uint8_t lflags = ccw[4];
        if (ccw_is_invalid(op.cmd)) {
            end(vm, vd, ch, addr + 8, 0, CS_PROG, get_be16(ccw + 6));
            return;
        }
        /* gather the data-chained CCWs */
        for (;;) {
            uint16_t count = get_be16(ccw + 6);
            uint32_t daddr = get_be24(ccw + 1);
            if (count == 0 || (ccw[4] & (CCWF_SUSP | CCWF_ZERO | CCWF_IDA)) ||
                op.nseg == VCHAN_SEGS) {
                end(vm, vd, ch, last + 8, 0, CS_PROG, count);
                return;
            }
            cs = (ccw[4] & CCWF_SKIP) && store ? 0 : check_area(vm, daddr, count, ch->key, store);
            if (cs) {
                end(vm, vd, ch, last + 8, 0, cs, count);
                return;
            }
            op.seg[op.nseg].addr = daddr;
            op.seg[op.nseg].count = count;
            op.nseg++;
            op.total += count;
            lflags = ccw[4];
            if (!(ccw[4] & CCWF_CD))
                break;
            uint32_t next = last + 8;
            cs = fetch_ccw(vm, ch, next, ccw);
            if (!cs && ccw_is_tic(ccw[0])) {
                next = get_be24(ccw + 1);
                cs = fetch_ccw(vm, ch, next, ccw);
                if (!cs && ccw_is_tic(ccw[0]))
                    cs = CS_PROG;
            }
            if (cs) {
                end(vm, vd, ch, next + 8, 0, cs, 0);
                return;
            }
            last = next;
        }
        uint32_t devlen = 0;
        uint8_t ustat = 0;
        if (ch->fn(vm, vd, &op, &devlen, &ustat)) {
            ch->waiting = true; /* ch->ccw still names the command */
            return;
        }
        /* the residual count of the last CCW of the data chain */
        uint32_t moved = devlen < op.total ? devlen : op.total;
        uint32_t before = op.total - op.seg[op.nseg - 1].count;
        uint16_t residual = moved > before ? (uint16_t)(op.seg[op.nseg - 1].count - (moved - before))
                                           : op.seg[op.nseg - 1].count;
        uint8_t cstat = (devlen != op.total && !(lflags & CCWF_SLI)) ? CS_IL : 0;
        if (!cstat && !(ustat & (US_UC | US_UX)) && (lflags & CCWF_CC)) {
            ch->ccw = last + ((ustat & US_SM) ? 16 : 8);
            continue;
        }
        end(vm, vd, ch, last + 8, (uint8_t)(US_CE | US_DE | ustat), cstat, residual);
        return;
    }
    end(vm, vd, ch, ch->ccw + 8, 0, CS_CCTL, 0); /* a program that never ends */
}

void vchan_start(struct vmblok *vm, struct vdev *vd, struct vchan *ch, uint32_t caw)
{
    ch->key = CAW_KEY(caw);
    ch->ccw = CAW_ADDR(caw);
    ch->waiting = false;
    ch->pci = false;
    vd->busy = true;
    run(vm, vd, ch);
}

void vchan_resume(struct vmblok *vm, struct vdev *vd, struct vchan *ch)
{
    if (ch->waiting)
        run(vm, vd, ch);
}

static uint32_t move(struct vmblok *vm, const struct vchan_op *op, uint32_t off, void *buf,
                     uint32_t len, bool to_guest)
{
    uint8_t *p = buf;
    uint32_t done = 0;
    for (unsigned i = 0; i < op->nseg && done < len; i++) {
        uint32_t c = op->seg[i].count;
        if (off >= c) {
            off -= c;
            continue;
        }
        uint32_t n = c - off;
        if (n > len - done)
            n = len - done;
        if (to_guest)
            greal_store(vm, op->seg[i].addr + off, p + done, n);
        else
            greal_fetch(vm, op->seg[i].addr + off, p + done, n);
        done += n;
        off = 0;
    }
    return done;
}

uint32_t vchan_get(struct vmblok *vm, const struct vchan_op *op, uint32_t off, void *buf,
                   uint32_t len)
{
    return move(vm, op, off, buf, len, false);
}

uint32_t vchan_put(struct vmblok *vm, const struct vchan_op *op, uint32_t off, const void *buf,
                   uint32_t len)
{
    if (op->flags & CCWF_SKIP)
        return len < op->total ? len : op->total;
    return move(vm, op, off, (void *)buf, len, true);
}
