/*
 * reflect.c - storing a virtual machine's old PSWs and interruption codes
 * and loading its new PSWs (System/370 Principles of Operation,
 * "Interruptions"; shared/reference/s370.md sections 1-3).
 *
 * Entry points: reflect_program, reflect_svc, reflect_monitor,
 * reflect_pending, vm_interruption_ready, load_psw_image. Nothing else in
 * CP writes a guest's old or new PSW locations.
 *
 * BC mode: the interruption code and ILC go into the old PSW itself; the
 * I/O address too. EC mode: the old PSW holds only the state, and the
 * codes go to X'86' (external), X'88' (SVC), X'8C' (program), X'BA' (I/O
 * address), with the translation-exception address at X'90'.
 */
#include <string.h>
#include "hw/s370.h"
#include "lib/bytes.h"
#include "machine/cpu.h"
#include "vdev/vdev.h"
#include "vm/dispatch.h"
#include "vm/reflect.h"
#include "vm/vmblok.h"
#include "vm/vtimer.h"
#include "vm/trace.h"

#define LOOP_LIMIT 8 /* program interruptions at the handler's first instruction */

static void put_real(struct vmblok *vm, uint32_t addr, const void *data, uint32_t len)
{
    vm->stor.ops.write(vm->stor.ops.ctx, addr, data, len);
}

static void get_real(struct vmblok *vm, uint32_t addr, void *data, uint32_t len)
{
    vm->stor.ops.read(vm->stor.ops.ctx, addr, data, len);
}

/* Store the current PSW as an old PSW; in BC mode with code and ILC. */
static void store_old(struct vmblok *vm, uint32_t where, uint16_t code, uint8_t ilc)
{
    struct psw370 old = vm->cpu.psw;
    uint8_t image[8];
    if (vm->cpu.bad_psw_pending) {
        vm->cpu.bad_psw_pending = false;
        put_real(vm, where, vm->cpu.bad_psw, 8);
        return;
    }
    old.intcode = code;
    old.ilc = ilc;
    psw370_encode(&old, image);
    put_real(vm, where, image, 8);
}

bool load_psw_image(struct vmblok *vm, const uint8_t psw[8], uint8_t ilc)
{
    bool ec_allowed = (vm->options & 0x40) != 0; /* OPTION ECMODE */
    if (!psw370_valid(psw) || ((psw[1] & PSW370_EC) && !ec_allowed)) {
        /* a specification exception recognized as the PSW becomes current:
         * the old PSW is the bad one as it was loaded (EC format: the
         * codes go to low storage); a machine without EC mode keeps BC */
        psw370_decode(psw, &vm->cpu.psw);
        if (ec_allowed) {
            memcpy(vm->cpu.bad_psw, psw, 8);
            vm->cpu.bad_psw_pending = true;
        } else {
            vm->cpu.psw.ec = false;
        }
        if (vm->loop_count++ >= LOOP_LIMIT) {
            vm_stop(vm, "PROGRAM INTERRUPT LOOP");
            return false;
        }
        reflect_program(vm, PGM_SPECIFICATION, ilc, 0);
        return false;
    }
    psw370_decode(psw, &vm->cpu.psw);
    return true;
}

/* Load a new PSW from a new-PSW location. */
static void load_new(struct vmblok *vm, uint32_t where)
{
    uint8_t image[8];
    get_real(vm, where, image, 8);
    load_psw_image(vm, image, 0);
}

void reflect_program(struct vmblok *vm, uint16_t code, uint8_t ilc, uint32_t tea)
{
    struct vcpu *c = &vm->cpu;
    trace_interrupt(vm, TR_PGM, "PRG", code, PSA_PGM_NEW);
    /* A handler that faults at its own first instruction again and again
     * is a loop: stop the machine instead of spinning. */
    uint8_t newpsw[8];
    get_real(vm, PSA_PGM_NEW, newpsw, 8);
    uint32_t newaddr = get_be24(newpsw + 5);
    uint32_t dist = (c->psw.addr - vm->loop_addr) & 0x00FFFFFF;
    if (dist <= 6) /* at, or just after, the previous handler's first instruction */
        vm->loop_count++;
    else
        vm->loop_count = 0;
    vm->loop_addr = newaddr;
    if (vm->loop_count >= LOOP_LIMIT) {
        vm_stop(vm, "PROGRAM INTERRUPT LOOP");
        return;
    }
    if (c->psw.ec) {
        uint8_t id[4] = {0, (uint8_t)(ilc << 1), (uint8_t)(code >> 8), (uint8_t)code};
        put_real(vm, PSA_PGM_ILC - 1, id, 4);
        if ((code & 0x7F) == PGM_SEGMENT_TRANS || (code & 0x7F) == PGM_PAGE_TRANS) {
            uint8_t t[4];
            put_be32(t, tea & 0x00FFFFFF);
            put_real(vm, PSA_TEA, t, 4);
        }
        store_old(vm, PSA_PGM_OLD, 0, 0);
    } else {
        store_old(vm, PSA_PGM_OLD, code, ilc);
    }
    load_new(vm, PSA_PGM_NEW);
}

void reflect_monitor(struct vmblok *vm, uint8_t mclass, uint32_t mcode, uint8_t ilc)
{
    uint8_t cls[2] = {0, mclass}, mc[4];
    put_be32(mc, mcode & 0x00FFFFFF);
    put_real(vm, PSA_MON_CLASS, cls, 2);
    put_real(vm, PSA_MON_CODE, mc, 4);
    reflect_program(vm, PGM_MONITOR, ilc, 0);
}

void reflect_svc(struct vmblok *vm, uint8_t code, uint8_t ilc)
{
    struct vcpu *c = &vm->cpu;
    trace_interrupt(vm, TR_SVC, "SVC", code, PSA_SVC_NEW);
    if (c->psw.ec) {
        uint8_t id[4] = {0, (uint8_t)(ilc << 1), 0, code};
        put_real(vm, PSA_SVC_ILC - 1, id, 4);
        store_old(vm, PSA_SVC_OLD, 0, 0);
    } else {
        store_old(vm, PSA_SVC_OLD, code, ilc);
    }
    load_new(vm, PSA_SVC_NEW);
}

/* ---------------------------------------------------------------- pending interruptions */

/* The external interruption the guest would take now, or 0. */
static uint16_t external_ready(struct vmblok *vm, uint8_t *clear)
{
    struct vcpu *c = &vm->cpu;
    if (!(c->psw.sysmask & PSW370_EXT))
        return 0;
    uint32_t cr0 = c->cr[0];
    uint16_t code = 0;
    *clear = 0;
    /* interval timer, interrupt key: reported together */
    if ((c->ext_pending & EXTP_ITIMER) && (cr0 & CR0_ITIMER_MASK)) {
        code |= EXT370_INTERVAL_TIMER;
        *clear |= EXTP_ITIMER;
    }
    if ((c->ext_pending & EXTP_KEY) && (cr0 & CR0_INTKEY_MASK)) {
        code |= c->ext_code ? c->ext_code : EXT370_INTERRUPT_KEY;
        *clear |= EXTP_KEY;
    }
    if (code)
        return code;
    if ((cr0 & CR0_CKC_MASK) && vtimer_ckc_pending(vm))
        return EXT370_CLOCK_COMP;
    if ((cr0 & CR0_CPUT_MASK) && vtimer_cpt_pending(vm))
        return EXT370_CPU_TIMER;
    return 0;
}

static struct vdev *io_ready(struct vmblok *vm)
{
    for (struct vdev *vd = vm->io_head; vd; vd = vd->pend_next)
        if (psw370_io_enabled(&vm->cpu.psw, vm->cpu.cr[2], vd->vaddr >> 8))
            return vd;
    return NULL;
}

bool vm_interruption_ready(struct vmblok *vm)
{
    uint8_t clear;
    return external_ready(vm, &clear) || io_ready(vm) || vm->cpu.restart_pending;
}

bool reflect_pending(struct vmblok *vm)
{
    struct vcpu *c = &vm->cpu;
    uint8_t clear;
    uint16_t code = external_ready(vm, &clear);
    if (code) {
        c->ext_pending &= (uint8_t)~clear;
        trace_interrupt(vm, TR_EXT, "EXT", code, PSA_EXT_NEW);
        if (c->psw.ec) {
            uint8_t id[4] = {0, 0, (uint8_t)(code >> 8), (uint8_t)code};
            put_real(vm, PSA_EXT_CPUADDR, id, 4);
            store_old(vm, PSA_EXT_OLD, 0, 0);
        } else {
            store_old(vm, PSA_EXT_OLD, code, 0);
        }
        load_new(vm, PSA_EXT_NEW);
        return true;
    }
    struct vdev *vd = io_ready(vm);
    if (vd) {
        uint8_t csw[8];
        vdev_take_interrupt(vm, vd, csw);
        put_real(vm, PSA_CSW, csw, 8);
        trace_io_interrupt(vm, vd->vaddr, csw);
        if (c->psw.ec) {
            uint8_t a[4] = {0, 0, (uint8_t)(vd->vaddr >> 8), (uint8_t)vd->vaddr};
            put_real(vm, PSA_IO_ADDR - 2, a, 4);
            store_old(vm, PSA_IO_OLD, 0, 0);
        } else {
            store_old(vm, PSA_IO_OLD, vd->vaddr, 0);
        }
        load_new(vm, PSA_IO_NEW);
        return true;
    }
    if (c->restart_pending) {
        c->restart_pending = false;
        store_old(vm, PSA_RESTART_OLD, 0, 0);
        load_new(vm, PSA_RESTART_NEW);
        return true;
    }
    return false;
}
