/*
 * vded.h - a real device dedicated to a virtual machine (≈ DMKVIO for
 * dedicated devices, with DMKCCW translating the channel programs): the
 * directory's DEDICATE statement and the operator's ATTACH.
 */
#ifndef CP_VDEV_VDED_H
#define CP_VDEV_VDED_H

#include <stdint.h>

struct vmblok;
struct rdevblok;
struct vdev;

/* Why a device cannot be dedicated */
enum vded_err {
    VDED_OK = 0,
    VDED_NODEV,   /* no such real device */
    VDED_INUSE,   /* CP or another user has it */
    VDED_VADDR,   /* the virtual address is taken */
    VDED_STORAGE, /* CP's storage is exhausted */
};

/* Give the machine real device rdev at virtual address vaddr. */
enum vded_err vded_attach(struct vmblok *vm, uint16_t raddr, uint16_t vaddr);
/* The user a real device is dedicated to, and at which address. */
struct vmblok *vded_owner(const struct rdevblok *rd, uint16_t *vaddr);
/* The real device of a dedicated virtual device; NULL for any other kind. */
struct rdevblok *vded_rdev(const struct vdev *vd);

#endif
