/*
 * volbuild.h - writing and reading CP volumes in Hercules image files:
 * the records of cylinder 0, page-record areas (nucleus, directory), and
 * the checks `cpvol list` and `cpvol check` run. Host only.
 */
#ifndef DASD_VOLBUILD_H
#define DASD_VOLBUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "dasd/ckdimg.h"
#include "dasd/sysspec.h"

/* What goes on the system residence volume besides its labels. */
struct sysres_content {
    struct vol_sysrec sys;
    const uint8_t *nucleus;
    size_t nuc_len;
    const uint8_t *dir; /* compiled directory image; NULL keeps what is there */
    size_t dir_len;
};

/* Write the labels of cylinder 0 (IPL records, VOL1, allocation map and, on
 * the system residence volume, the system record). */
int vol_write_labels(struct ckdimg *im, const struct spec_volume *v, const struct sysres_content *c,
                     char *why, size_t whylen);
/* Write `len` bytes as 4 KB page records over a whole area (the rest of the
 * area is left as empty tracks). */
int vol_write_area(struct ckdimg *im, const struct vol_extent *x, const uint8_t *data, size_t len,
                   char *why, size_t whylen);
/* Read `npages` page records from the start of an area into buf. */
int vol_read_area(struct ckdimg *im, const struct vol_extent *x, uint8_t *buf, unsigned npages,
                  char *why, size_t whylen);
/* Read one record of cylinder 0 head 0 into buf (returns its length). */
int vol_read_label_record(struct ckdimg *im, unsigned rec, uint8_t *buf, size_t buflen, char *why,
                          size_t whylen);

/* The directory area's contents for an image: the header page, then the
 * image padded to whole pages (malloc'd, *outlen bytes); NULL if out of
 * memory. */
uint8_t *vol_directory_pages(const uint8_t *img, size_t len, size_t *outlen);
/* The whole directory area as written: header page + image. */
int vol_write_directory(struct ckdimg *im, const struct vol_alloc *a, const uint8_t *img,
                        size_t len, char *why, size_t whylen);
/* Read the directory image back (malloc'd) after checking its header and
 * checksum. */
int vol_read_directory(struct ckdimg *im, const struct vol_alloc *a, uint8_t **img, size_t *len,
                       char *why, size_t whylen);

#endif
