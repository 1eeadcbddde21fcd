/*
 * mdisk.h - minidisks: a run of whole cylinders of a real volume that a
 * virtual machine sees as a disk of its own (≈ the minidisk side of
 * DMKCCW and DMKUNT, and the link blocks of DMKLNK).
 *
 * A minidisk is known by its owner's directory entry (owner userid and
 * the owner's address, LINK's userid vaddr1); a temporary disk has no
 * owner and cannot be linked. Every machine that has it holds a link,
 * read-write or read-only; the conflict rules of LINK (cmd/link.c) count
 * the links the other machines hold.
 *
 * The guest's channel programs run on the real volume through the CCW
 * translation of dedicated devices (vdev/vded.c) with the minidisk's
 * rules: each program starts with a seek to where the guest's arm is and
 * a Set File Mask that allows no more than the link does (read-only:
 * no writes; not a full pack: no Write HA or Write R0); every seek is
 * checked against the extent and relocated, and so is every search and
 * written count field; count fields read back are given the guest's
 * cylinder numbers. A seek beyond the extent is rejected with unit check,
 * sense command reject, as a real disk of that size rejects it.
 */
#ifndef CP_VDEV_MDISK_H
#define CP_VDEV_MDISK_H

#include <stdbool.h>
#include <stdint.h>

struct vmblok;
struct vdev;
struct volume;

struct mdisk_id {
    char owner[9];   /* the directory entry that has the MDISK; "" for a T-disk */
    uint16_t ovaddr; /* its address there */
    struct volume *vol;
    uint16_t start, ncyl; /* real cylinders [start, start + ncyl) */
};

/* How the machines other than `except` use a minidisk. */
struct mdisk_usage {
    unsigned ro, rw;               /* their read-only and read-write links */
    const struct vmblok *rw_user;  /* one of them with read-write */
    const struct vmblok *any_user; /* one of them with any link */
};
void mdisk_usage(const char *owner, uint16_t ovaddr, const struct vmblok *except,
                 struct mdisk_usage *u);

/* Give vm the minidisk at vaddr. NULL when CP's storage is exhausted or
 * the address is taken. */
struct vdev *mdisk_attach(struct vmblok *vm, uint16_t vaddr, const struct mdisk_id *id, bool rw,
                          bool tdisk);

/* What a virtual device is, if it is a minidisk. */
struct mdisk_info {
    struct mdisk_id id;
    bool rw;
    bool tdisk;
};
bool mdisk_info(const struct vdev *vd, struct mdisk_info *out);

/* Every link to one minidisk (QUERY LINKS). */
void mdisk_for_each_link(const char *owner, uint16_t ovaddr,
                         void (*fn)(void *arg, const struct vmblok *vm, uint16_t vaddr, bool rw),
                         void *arg);

/* True if the real cylinders [start, start + n) of vol are in some
 * machine's minidisk (T-disk space being handed out checks this). */
bool mdisk_extent_in_use(const struct volume *vol, unsigned start, unsigned n);

#endif
