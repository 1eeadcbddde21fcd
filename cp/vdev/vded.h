/*
 * vded.h - a real device dedicated to a virtual machine (≈ DMKVIO for
 * dedicated devices, with DMKCCW translating the channel programs): the
 * directory's DEDICATE statement and the operator's ATTACH.
 */
#ifndef CP_VDEV_VDED_H
#define CP_VDEV_VDED_H

#include <stddef.h>
#include <stdint.h>
#include "vdev/vdev.h"

struct vmblok;
struct rdevblok;
struct vdev;
struct ccwprog;
struct ioblok;

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

/*
 * A virtual device that runs its channel programs on a real device other
 * virtual devices share (a minidisk on its volume): the same translation,
 * shaped by the device's rules, and no unsolicited status.
 */
struct vded_rules {
    /* before each translation: p->dev, p->prefix and p->nprefix */
    void (*prepare)(void *ctx, struct ccwprog *p);
    /* after each real program (every stage of a staged one) has ended */
    void (*ended)(void *ctx, const struct ccwprog *p, const struct ioblok *io);
    /* the sense bytes after a command the rules rejected */
    size_t (*reject_sense)(void *ctx, uint8_t sense[32]);
    /* the virtual device goes away (ctx may be freed) */
    void (*release)(void *ctx);
    /* its line in QUERY VIRTUAL */
    void (*describe)(void *ctx, char *buf, size_t len);
};

/* A device of vded's kind (dedicated or shared): true if vd is one. */
bool vded_is(const struct vdev *vd);
/* Start a channel program from storage g instead of the guest's (the
 * programs CP builds for DIAGNOSE X'250'); as vdev_ops start. */
struct gmem;
int vded_start_mem(struct vmblok *vm, struct vdev *vd, const struct gmem *g, uint32_t addr,
                   uint8_t key);
/* The sense bytes CP kept after the last unit check (0 if none). */
size_t vded_sense(const struct vdev *vd, uint8_t sense[32]);

struct vdev *vded_create_shared(struct vmblok *vm, struct rdevblok *rd, uint16_t vaddr,
                                enum vdev_class cls, const struct vded_rules *rules, void *ctx);

#endif
