/*
 * mdisk.h - a CMS minidisk in a Hercules CKD volume image, as the block
 * I/O of the CMS file system (struct cmsfs_io). Host only.
 *
 * A minidisk is a run of whole cylinders of the volume, written
 * IMAGE:CYL:NCYL. Its 800-byte blocks are the keyless records R1..Rk of
 * its tracks in order (k = 800-byte records a track of the device holds):
 * block n is record ((n-1) mod k)+1 of relative track (n-1) div k.
 */
#ifndef TOOLS_CMSFS_MDISK_H
#define TOOLS_CMSFS_MDISK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "dasd/ckdimg.h"
#include "cms/fs/cmsfs.h"

struct mdisk {
    struct ckdimg im;
    unsigned cyl0, ncyl; /* the extent on the volume */
    unsigned rpt;        /* 800-byte records a track */
    uint8_t *trk;        /* one track image, cached */
    int tc, th;          /* its cylinder and head (-1: none) */
    bool dirty;
    uint32_t off[CKDTRK_MAX_RECS]; /* R1.. data offsets in trk (0: no such 800-byte record) */
    struct cmsfs_io io;
    char why[1024]; /* what the last failed transfer ran into */
};

/* "IMAGE:CYL:NCYL" -> path, first cylinder, cylinders; false if malformed. */
bool mdisk_parse(const char *spec, char *path, size_t pathlen, unsigned *cyl, unsigned *ncyl);
/* Open the image and check the extent lies on it. 0, or -1 with why. */
int mdisk_open(struct mdisk *m, const char *spec, bool writable, char *why, size_t whylen);
void mdisk_close(struct mdisk *m);
/* Blocks in the whole extent (not capped at CMSFS_MAXBLOCKS). */
uint32_t mdisk_blocks(const struct mdisk *m);
/* Write the CMS track format on every track of the extent: keyless
 * 800-byte records R1..Rk of zeros, except that blocks 1-2 keep their
 * contents if the first track had them already. 0, or -1 with why. */
int mdisk_format_tracks(struct mdisk *m, char *why, size_t whylen);

#endif
