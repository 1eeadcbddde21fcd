/*
 * vdev.c - the virtual devices of a machine and their interruptions
 * (see vdev.h).
 *
 * Entry points: vdev_find, vdev_add, vdev_remove, vdev_ended,
 * vdev_intermediate, vdev_take_interrupt, vdev_clear_pending, vdev_reset_all,
 * vdev_release_all. Pending interruptions are kept in the order the
 * operations ended: the guest takes the oldest one its masks allow.
 */
#include <stddef.h>
#include "hw/s370.h"
#include "kern/alloc.h"
#include "vdev/vdev.h"
#include "vm/dispatch.h"
#include "vm/machine.h"
#include "vm/vmblok.h"

static const char *const class_names[] = {
    [VC_CONS] = "CONS", [VC_DASD] = "DASD", [VC_TAPE] = "TAPE", [VC_RDR] = "RDR",
    [VC_PUN] = "PUN",   [VC_PRT] = "PRT",   [VC_GRAF] = "GRAF", [VC_DEV] = "DEV",
};

const char *vdev_class_name(enum vdev_class c) { return class_names[c]; }

struct vdev *vdev_find(struct vmblok *vm, uint16_t vaddr)
{
    for (struct vdev *vd = vm->devs; vd; vd = vd->next)
        if (vd->vaddr == vaddr)
            return vd;
    return NULL;
}

bool vdev_add(struct vmblok *vm, struct vdev *vd)
{
    struct vdev **pp = &vm->devs;
    while (*pp && (*pp)->vaddr < vd->vaddr)
        pp = &(*pp)->next;
    if (*pp && (*pp)->vaddr == vd->vaddr)
        return false;
    vd->next = *pp;
    *pp = vd;
    return true;
}

void vdev_clear_pending(struct vmblok *vm, struct vdev *vd)
{
    if (!vd->pending)
        return;
    struct vdev **pp = &vm->io_head;
    struct vdev *prev = NULL;
    while (*pp && *pp != vd) {
        prev = *pp;
        pp = &(*pp)->pend_next;
    }
    if (*pp) {
        *pp = vd->pend_next;
        if (vm->io_tail == vd)
            vm->io_tail = prev;
    }
    vd->pend_next = NULL;
    vd->pending = false;
    vd->pending_own = false;
}

void vdev_remove(struct vmblok *vm, struct vdev *vd)
{
    vdev_clear_pending(vm, vd);
    for (struct vdev **pp = &vm->devs; *pp; pp = &(*pp)->next) {
        if (*pp == vd) {
            *pp = vd->next;
            break;
        }
    }
    if (vm->console == vd)
        vm->console = NULL;
    if (vd->ops->release)
        vd->ops->release(vm, vd);
    kfree(vd);
}

static void make_pending(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8], bool own)
{
    for (int i = 0; i < 8; i++)
        vd->csw[i] = csw[i];
    vd->pending = true;
    vd->pending_own = own;
    if (vm->io_tail)
        vm->io_tail->pend_next = vd;
    else
        vm->io_head = vd;
    vm->io_tail = vd;
    vm_wake(vm);
}

void vdev_ended(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8], bool own)
{
    vd->busy = false;
    if (vm->dio_dev == vd && own) {
        /* the end of a DIAGNOSE's I/O: no interruption */
        vm->dio_dev = NULL;
        vm->dio_done(vm, vd, csw);
        return;
    }
    if (vm->state == VM_IPL && vm->ipl_dev == vd && own) {
        vm_ipl_ended(vm, csw);
        return;
    }
    uint8_t merged[8];
    for (int i = 0; i < 8; i++)
        merged[i] = csw[i];
    if (vd->pending && vd->pending_own && (vd->csw[CSW_CSTAT] & CS_PCI) && own)
        merged[CSW_CSTAT] |= CS_PCI; /* a PCI not yet taken goes with the ending */
    vdev_clear_pending(vm, vd);
    make_pending(vm, vd, merged, own);
}

void vdev_intermediate(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8])
{
    if ((vm->state == VM_IPL && vm->ipl_dev == vd) || vm->dio_dev == vd)
        return; /* the IPL's or a DIAGNOSE's channel program: no interruptions */
    if (vd->pending)
        return; /* one is pending already: this one joins it */
    make_pending(vm, vd, csw, true);
}

void vdev_take_interrupt(struct vmblok *vm, struct vdev *vd, uint8_t csw[8])
{
    for (int i = 0; i < 8; i++)
        csw[i] = vd->csw[i];
    vdev_clear_pending(vm, vd);
}

void vdev_reset_all(struct vmblok *vm)
{
    for (struct vdev *vd = vm->devs; vd; vd = vd->next) {
        vdev_clear_pending(vm, vd);
        if (vd->ops->reset)
            vd->ops->reset(vm, vd);
        vd->busy = false;
        vd->senselen = 0;
        vd->bio_blksize = 0; /* DIAGNOSE X'250' binding */
    }
}

void vdev_release_all(struct vmblok *vm)
{
    while (vm->devs)
        vdev_remove(vm, vm->devs);
}
