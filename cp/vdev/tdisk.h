/*
 * tdisk.h - temporary disks (≈ DMKTDK): DEFINE T3350 AS vaddr CYL n takes
 * n cylinders from the TDSK areas of the CP volumes of that device type;
 * DETACH and LOGOFF give them back.
 *
 * Space is cleared before anyone gets it: every track of a cylinder that
 * has been used (and, after an IPL, every cylinder, since nobody knows
 * what the last system left there) is written empty, home address and
 * record 0 only, before it becomes part of a new temporary disk. The
 * clearing runs as ordinary queued I/O while CP goes on.
 */
#ifndef CP_VDEV_TDISK_H
#define CP_VDEV_TDISK_H

#include <stdbool.h>
#include <stdint.h>

struct volume;

/* Find the TDSK areas of the CP volumes (after volumes_init). */
void tdisk_init(void);

/* Reserve n contiguous cylinders of a volume of devtype. Once the dirty
 * ones have been cleared, done() is called with the volume and the first
 * cylinder; on failure with vol NULL (why: "TEMP SPACE NOT AVAILABLE" or
 * an I/O error). Returns false at once when no space is free. */
typedef void (*tdisk_done_fn)(void *arg, struct volume *vol, unsigned start, const char *why);
bool tdisk_alloc(uint16_t devtype, unsigned n, tdisk_done_fn done, void *arg);

/* The cylinders are free again (to be cleared before the next use). */
void tdisk_release(struct volume *vol, unsigned start, unsigned n);

/* Cylinders of T-disk space in all, and free, for devtype (0: any). */
void tdisk_space(uint16_t devtype, unsigned *total, unsigned *free);

#endif
