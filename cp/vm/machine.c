/*
 * machine.c - building, resetting and IPLing a virtual machine (see
 * machine.h; System/370 Principles of Operation, "Resets" and "Initial
 * Program Loading"; shared/reference/s370.md 9.6).
 *
 * Entry points: vm_machine_init, vm_machine_release, vm_reset,
 * vm_define_storage, vm_out_of_storage, vm_ipl, vm_ipl_ended, vm_restart,
 * vm_external_key.
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cons/vcons.h"
#include "console/ebcdic.h"
#include "dir/dir.h"
#include "hw/s370.h"
#include "kern/alloc.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "mm/shadow.h"
#include "vdev/vded.h"
#include "vdev/vur.h"
#include "vdev/vdev.h"
#include "vm/dispatch.h"
#include "vm/machine.h"
#include "vm/reflect.h"
#include "vm/vmblok.h"

/* The CPU part of a reset (initial CPU reset; clear also zeroes the
 * registers): PSW zero, control registers as after reset, no pending
 * interruptions, clock comparator and CPU timer zero. */
static void cpu_reset(struct vmblok *vm, bool clear)
{
    struct vcpu *c = &vm->cpu;
    memset(&c->psw, 0, sizeof(c->psw));
    memset(c->cr, 0, sizeof(c->cr));
    c->cr[0] = CR0_INITIAL;
    c->cr[2] = CR2_INITIAL;
    c->cr[14] = CR14_INITIAL;
    c->cr[15] = CR15_INITIAL;
    c->ext_pending = 0;
    c->restart_pending = false;
    c->bad_psw_pending = false;
    c->ckc = 0;
    c->cpt = 0;
    c->itimer_rest = 0;
    memset(c->ar, 0, sizeof(c->ar));
    if (clear) {
        memset(c->gpr, 0, sizeof(c->gpr));
        memset(c->fpr, 0, sizeof(c->fpr));
        c->fpc = 0;
    }
}

void vm_reset(struct vmblok *vm, bool clear)
{
    vm_stop(vm, NULL);
    vm_save_regs(vm);
    if (vm->adstop && !clear) /* the program gets its instruction back */
        greal_store(vm, vm->adstop_addr, vm->adstop_save, 2);
    vm->adstop = false;
    vm->ipl_dev = NULL;
    vm->dio_dev = NULL;
    vm->pa2_ext = false; /* DIAGNOSE X'54' back to its default */
    vm->resets++;
    vdev_reset_all(vm);
    cpu_reset(vm, clear);
    shadow_purge(vm);
    if (clear) {
        gstor_clear(&vm->stor);
        vm->nsegs = 0; /* named segments go with the storage */
    }
    vm->loop_count = 0;
}

static void dedicate(struct vmblok *vm, const struct dir_dev *dd)
{
    static const char *const why[] = {
        [VDED_NODEV] = "DOES NOT EXIST",
        [VDED_INUSE] = "IN USE",
        [VDED_VADDR] = "VIRTUAL ADDRESS IN USE",
        [VDED_STORAGE] = "CP STORAGE EXHAUSTED",
    };
    enum vded_err e = vded_attach(vm, dd->target, dd->vaddr);
    if (e != VDED_OK)
        vcons_cp_message(vm, "DEV %03X NOT ATTACHED AS %03X; %s", dd->target, dd->vaddr, why[e]);
}

/* A directory SPOOL statement: a spooled reader, punch or printer. */
static void spool_dev(struct vmblok *vm, const struct dir_dev *dd, const char *dist)
{
    const struct dir_devtype_info *ti = dir_devtype(dd->type);
    if (ti && vur_create(vm, dd->vaddr, dir_model_code(ti->model), ti->uclass == DIR_UC_READER,
                         dd->spclass)) {
        /* the distribution code of the ACCOUNT statement */
        struct vur_opts *o = vur_opts(vdev_find(vm, dd->vaddr));
        if (dist[0])
            snprintf(o->dist, sizeof(o->dist), "%s", dist);
        return;
    }
    vcons_cp_message(vm, "%s %03X NOT DEFINED",
                     ti && ti->uclass == DIR_UC_READER  ? "RDR"
                     : ti && ti->uclass == DIR_UC_PUNCH ? "PUN"
                                                        : "PRT",
                     dd->vaddr);
}

bool vm_machine_init(struct vmblok *vm, const struct dir_image *d, uint32_t index)
{
    struct dir_user du;
    dir_get_user(d, index, &du);
    if (gstor_init(&vm->stor, du.storage) != 0)
        return false;
    vm->maxstor = du.maxstorage > du.storage ? du.maxstorage : du.storage;
    vm->options = du.options;
    vm->cpuid = (du.flags & DIR_USER_CPUID) ? du.cpuid : 0;
    vm->timer = (du.options & DIR_OPT_REALTIMER) ? TIMER_REAL : TIMER_ON;
    vm->state = VM_CPMODE;
    cpu_reset(vm, true);
    for (uint32_t n = 0; n < du.ndev; n++) {
        struct dir_dev dd;
        dir_get_dev(d, index, n, &dd);
        switch (dd.stmt) {
        case DIR_STMT_CONSOLE:
            if (!vcons_create(vm, dd.vaddr))
                vcons_cp_message(vm, "CONS %03X NOT DEFINED", dd.vaddr);
            break;
        case DIR_STMT_DEDICATE: dedicate(vm, &dd); break;
        case DIR_STMT_MDISK:
        case DIR_STMT_LINK: link_logon(vm, &dd); break;
        case DIR_STMT_SPOOL: spool_dev(vm, &dd, du.dist); break;
        default: break;
        }
    }
    return true;
}

void vm_machine_release(struct vmblok *vm)
{
    vm_unschedule(vm);
    vm->state = VM_CPMODE;
    vdev_release_all(vm);
    if (!vm->dio_dev) /* else a channel program may still read it: left */
        kfree(vm->dio_page);
    vm->dio_page = NULL;
    shadow_release(vm);
    gstor_release(&vm->stor);
}

int vm_define_storage(struct vmblok *vm, uint32_t bytes)
{
    struct gstor fresh;
    if (gstor_init(&fresh, bytes) != 0)
        return -1;
    vm_reset(vm, true);
    shadow_release(vm);
    gstor_release(&vm->stor);
    vm->stor = fresh;
    vm->stor.ops.ctx = &vm->stor; /* the operations point at the copy */
    return 0;
}

void vm_out_of_storage(struct vmblok *vm) { vm_stop(vm, "CP STORAGE EXHAUSTED"); }

/* ---------------------------------------------------------------- IPL */

void vm_ipl_parm(struct vmblok *vm, const char *parm)
{
    if (!parm || !*parm)
        return;
    /* the PARM text, in EBCDIC, blank padded, in registers 0-15 */
    uint8_t text[64];
    memset(text, EBCDIC_BLANK, sizeof(text));
    size_t n = strlen(parm);
    a2e(text, parm, n < 64 ? n : 64);
    for (int i = 0; i < 16; i++)
        vm->cpu.gpr[i] = get_be32(text + 4 * i);
}

enum ipl_err vm_ipl(struct vmblok *vm, uint16_t vaddr, bool clear, const char *parm)
{
    struct vdev *vd = vdev_find(vm, vaddr);
    if (!vd)
        return IPL_NODEV;
    if (!vd->ops->ipl)
        return IPL_NOTIPL;
    vm_reset(vm, clear);
    vm_ipl_parm(vm, parm);
    vm->ipl_dev = vd;
    vm->state = VM_IPL;
    if (vd->ops->ipl(vm, vd) != 0) {
        /* nothing could run: the status is in vd->csw */
        vm_ipl_ended(vm, vd->csw);
    }
    vcons_show_state(vm);
    return IPL_OK;
}

void vm_ipl_ended(struct vmblok *vm, const uint8_t csw[8])
{
    struct vdev *vd = vm->ipl_dev;
    vm->ipl_dev = NULL;
    vm->state = VM_CPMODE;
    uint8_t us = csw[CSW_USTAT], cs = csw[CSW_CSTAT];
    if ((us & ~(US_CE | US_DE | US_SM)) || cs) {
        char why[80];
        snprintf(why, sizeof(why), "IPL UNIT ERROR; CSW %02X%02X%02X%02X %02X%02X%02X%02X", csw[0],
                 csw[1], csw[2], csw[3], csw[4], csw[5], csw[6], csw[7]);
        vm_stop(vm, why);
        return;
    }
    /* the IPL device's address first, then the PSW is loaded: in BC mode
     * it goes to 2-3, which are bits 16-31 of the PSW loaded from 0; in EC
     * mode to X'BA' (X'B8' zero) */
    uint8_t psw[8];
    uint8_t a[4] = {0, 0, (uint8_t)(vd->vaddr >> 8), (uint8_t)vd->vaddr};
    greal_fetch(vm, PSA_IPL_PSW, psw, 8);
    if (psw[1] & PSW370_EC) {
        greal_store(vm, PSA_IO_ADDR - 2, a, 4);
    } else {
        greal_store(vm, PSA_BC_IPL_ADDR, a + 2, 2);
        greal_fetch(vm, PSA_IPL_PSW, psw, 8);
    }
    if (!psw370_valid(psw) || ((psw[1] & PSW370_EC) && !(vm->options & DIR_OPT_ECMODE))) {
        char why[64];
        snprintf(why, sizeof(why), "INVALID IPL PSW '%02X%02X%02X%02X %02X%02X%02X%02X'", psw[0],
                 psw[1], psw[2], psw[3], psw[4], psw[5], psw[6], psw[7]);
        vm_stop(vm, why);
        return;
    }
    psw370_decode(psw, &vm->cpu.psw);
    vm_start(vm);
}

void vm_external_key(struct vmblok *vm, uint16_t code)
{
    vm->cpu.ext_pending |= EXTP_KEY;
    vm->cpu.ext_code = code;
    vm_wake(vm);
}

void vm_restart(struct vmblok *vm)
{
    vm->cpu.restart_pending = true;
    if (vm->state == VM_WAIT)
        vm_wake(vm);
}
