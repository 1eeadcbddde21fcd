/*
 * vdev.h - a virtual machine's devices (≈ VDEVBLOK and the device side
 * of DMKVIO): what SIO, TIO, HIO and the other I/O instructions act on.
 *
 * Each device has a class of operations (the virtual console, a
 * dedicated real device, later minidisks and spooled unit record). The
 * framework keeps the channel state the guest sees: busy, and an
 * interruption pending with its CSW. A device's operations start the
 * channel program; when it ends they call vdev_ended() with the CSW,
 * which queues the I/O interruption and wakes the virtual machine.
 */
#ifndef CP_VDEV_VDEV_H
#define CP_VDEV_VDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vmblok;
struct vdev;

/* Device classes, as QUERY and the messages name them */
enum vdev_class { VC_CONS, VC_DASD, VC_TAPE, VC_RDR, VC_PUN, VC_PRT, VC_GRAF, VC_DEV };

struct vdev_ops {
    /* Start the channel program whose CAW is given. Returns the SIO
     * condition code: 0 (started: the ending comes through vdev_ended) or
     * 1 (ended at once: vd->csw holds the status SIO stores). */
    int (*start)(struct vmblok *vm, struct vdev *vd, uint32_t caw);
    /* IPL from the device: run the implied IPL channel program (read 24
     * bytes at 0, chaining on at 8); the ending comes through vdev_ended.
     * NULL for a device that cannot be IPLed. */
    int (*ipl)(struct vmblok *vm, struct vdev *vd);
    /* HIO/HDV of a busy device: stop it; returns the condition code. */
    int (*halt)(struct vmblok *vm, struct vdev *vd);
    /* System reset: end everything without an interruption. */
    void (*reset)(struct vmblok *vm, struct vdev *vd);
    /* The device goes away (DETACH, LOGOFF). */
    void (*release)(struct vmblok *vm, struct vdev *vd);
    /* Its line in QUERY VIRTUAL. */
    void (*describe)(struct vmblok *vm, struct vdev *vd, char *buf, size_t len);
};

struct vdev {
    struct vdev *next;
    uint16_t vaddr;   /* channel and unit, 000-FFF */
    uint16_t devtype; /* 0x3215, 0x3505, 0x3350 ... */
    enum vdev_class cls;
    const struct vdev_ops *ops;
    void *priv;
    bool busy;        /* an operation is in progress */
    bool pending;     /* an interruption is pending: csw */
    bool pending_own; /* ...from an operation of the guest (not device-only status) */
    uint8_t csw[8];
    struct vdev *pend_next;
    uint8_t sense[32]; /* the sense bytes of the last unit check */
    uint8_t senselen;
    uint32_t sio_count;
    /* DIAGNOSE X'250': the block size bound by INIT (0: none) */
    uint32_t bio_blksize;
    uint16_t bio_per_track;
};

struct vdev *vdev_find(struct vmblok *vm, uint16_t vaddr);
/* Add a device (kept in address order); false if the address is taken. */
bool vdev_add(struct vmblok *vm, struct vdev *vd);
/* Remove it: release it and drop a pending interruption. */
void vdev_remove(struct vmblok *vm, struct vdev *vd);

/* An operation of the guest ended (or the device presented status by
 * itself, own = false): queue the interruption and wake the machine. */
void vdev_ended(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8], bool own);
/* A program-controlled interruption (PCI) of an operation that goes on:
 * csw is pending while the device stays busy. Should the operation end
 * before the guest takes it, the ending's CSW carries the PCI bit. */
void vdev_intermediate(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8]);
/* Take the pending interruption (it is being presented, or TIO/TCH takes it). */
void vdev_take_interrupt(struct vmblok *vm, struct vdev *vd, uint8_t csw[8]);
/* Forget a pending interruption without presenting it. */
void vdev_clear_pending(struct vmblok *vm, struct vdev *vd);

/* Reset every device of a machine (SYSTEM RESET, IPL). */
void vdev_reset_all(struct vmblok *vm);
/* Release every device (LOGOFF). */
void vdev_release_all(struct vmblok *vm);

const char *vdev_class_name(enum vdev_class c);

#endif
