/*
 * volumes.h - the CP-formatted volumes CP found at IPL (≈ the volume
 * table DMKCPI builds by reading every disk's label).
 *
 * Volumes are known by their labels, never by device numbers: the system
 * residence volume is the one CP was IPLed from, and later the minidisks
 * of the directory name the volume they live on.
 */
#ifndef CP_IO_VOLUMES_H
#define CP_IO_VOLUMES_H

#include "dasd/volfmt.h"

struct rdevblok;

struct volume {
    struct rdevblok *rdev;
    struct vol_alloc alloc; /* valid when cpformatted */
    bool cpformatted;       /* has CP's allocation map */
    unsigned users;         /* minidisk links on it (it cannot be attached to a user) */
};

/* Cylinders of the volume: from CP's allocation map, else the device type's. */
unsigned volume_cylinders(const struct volume *v);

/* Read the label of every disk. Returns the number of disks. */
int volumes_init(uint32_t ipl_sid);
struct volume *volume_sysres(void);
struct volume *volume_by_label(const char *volser);
int volume_count(void);
struct volume *volume_at(int i);

#endif
