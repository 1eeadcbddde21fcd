/*
 * ckdimg.h - Hercules CKD image files (uncompressed "CKD_P370" format).
 *
 * A file is a 512-byte device header followed by fixed-size track images.
 * A track image is a 5-byte header (0, CC, HH), R0 (count and 8 data
 * bytes), the records (8-byte count CCHHR KL DL, key, data), eight X'FF'
 * bytes marking the end of the track, and zero padding. Host only.
 */
#ifndef DASD_CKDIMG_H
#define DASD_CKDIMG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "dasd/ckdgeom.h"

#define CKDIMG_HDR_LEN  512
#define CKDTRK_HDR_LEN  5
#define CKD_COUNT_LEN   8
#define CKDTRK_MAX_RECS 256

struct ckdimg {
    int fd;
    bool writable;
    const struct ckd_geom *g;
    unsigned cyls, heads;
    uint32_t trksize;
    char path[512];
};

/* One record of a parsed track; key and data point into the track buffer. */
struct ckdrec {
    uint16_t cyl, head;
    uint8_t r;
    uint8_t kl;
    uint16_t dl;
    const uint8_t *key;
    const uint8_t *data;
};

typedef void (*ckd_progress_fn)(void *ctx, unsigned done, unsigned total);

/* Create an image of `cyls` cylinders with every track empty (R0 only).
 * Unwritten parts of the file are left as holes. Returns 0 or -1 (why). */
int ckdimg_create(struct ckdimg *im, const char *path, const struct ckd_geom *g, unsigned cyls,
                  ckd_progress_fn progress, void *ctx, char *why, size_t whylen);
/* Open and check the device header; cylinders come from the file size. */
int ckdimg_open(struct ckdimg *im, const char *path, bool writable, char *why, size_t whylen);
void ckdimg_close(struct ckdimg *im);

int ckdimg_read_track(struct ckdimg *im, unsigned cyl, unsigned head, uint8_t *buf);
int ckdimg_write_track(struct ckdimg *im, unsigned cyl, unsigned head, const uint8_t *buf);

/* Track buffers (im->trksize bytes) */
void ckdtrk_init(uint8_t *buf, uint32_t trksize, unsigned cyl, unsigned head);
/* Append a record after the last one. Fails (-1) if it would not fit on
 * the real device (capacity formula) or in the image track. */
int ckdtrk_append(uint8_t *buf, uint32_t trksize, const struct ckd_geom *g, unsigned cyl,
                  unsigned head, uint8_t r, const void *key, uint8_t kl, const void *data,
                  uint16_t dl);
/* Parse and validate a track image: header, R0, record chain, end marker.
 * Returns the number of records after R0, or -1 with a reason. */
int ckdtrk_parse(const uint8_t *buf, uint32_t trksize, unsigned cyl, unsigned head,
                 struct ckdrec *recs, int maxrecs, char *why, size_t whylen);

#endif
