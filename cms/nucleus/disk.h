/*
 * disk.h - accessed disks (disk.c): the ADT of each mode letter.
 */
#ifndef CMS_NUCLEUS_DISK_H
#define CMS_NUCLEUS_DISK_H

#include "cms/fs/cmsfs.h"

struct adt {
    char mode;    /* 'A'-'Z'; 0: the slot is free */
    char parent;  /* the mode this disk extends, or 0 */
    uint16_t vaddr;
    uint16_t model; /* 0x3350 ... */
    bool rw;      /* the link is read/write */
    uint8_t per_track, heads;
    unsigned cylinders; /* of the minidisk */
    struct cmsfs_io io;
    struct cmsfs_disk *fs;
    /* ACCESS vaddr mode fn ft fm: only these files are seen */
    bool filtered;
    char ffn[9], fft[9]; /* ASCII patterns ("*", "xx*") */
    char fnum;           /* '0'-'6', or '*': any number but 0 */
};
extern struct adt adts[26];

/* Errors of disk_access/disk_release (positive, beside the cmsfs ones). */
enum {
    DISK_NODEV = 1, DISK_NOTDASD, DISK_NOTCMS, DISK_IOERR, DISK_CORRUPT,
    DISK_NOTACC, DISK_BUSY,
};

struct adt *adt_of(char mode);
struct adt *adt_of_vaddr(unsigned vaddr);
struct adt *disk_next(struct adt *after); /* the search order: A to Z */
int disk_geometry(unsigned vaddr, struct adt *d);
int disk_access(unsigned vaddr, char mode, char parent);
/* ACCESS with a file filter (fn ft: patterns; num '0'-'6' or '*'): the
 * disk is read-only then. */
int disk_access_filtered(unsigned vaddr, char mode, char parent, const char *fn, const char *ft,
                         char num);
/* Is the file seen through the disk's filter? */
bool disk_shows(const struct adt *d, const struct cmsfs_fst *f);
int disk_release(char mode);

#endif
