/*
 * ckd.h - CP's synchronous reads of CKD volumes (see ckd.c).
 */
#ifndef CP_IO_CKD_H
#define CP_IO_CKD_H

#include <stddef.h>

struct rdevblok;

/* Read one record's data; returns the bytes read, or -1. */
int ckd_read_record(struct rdevblok *rd, unsigned cyl, unsigned head, unsigned rec, void *buf,
                    size_t len);
/* Read npages 4 KB page records of an area starting at first_cyl, from
 * page `page` on (layout: dasd/volfmt.h). Returns 0 or -1. */
int ckd_read_pages(struct rdevblok *rd, unsigned first_cyl, unsigned page, unsigned npages,
                   void *buf);

/* Write npages 4 KB page records of an area (they exist: the area was
 * formatted with page records), one record per channel program.
 * Returns 0 or -1. */
int ckd_write_pages(struct rdevblok *rd, unsigned first_cyl, unsigned page, unsigned npages,
                    const void *buf);

/* Write one 4 KB page record of an area that may not be formatted yet
 * (SPOOL and WARM areas start as empty tracks): a missing record is made,
 * with the records before it on the track, by Write Count, Key and Data.
 * Returns 0 or -1. */
int ckd_write_page_fmt(struct rdevblok *rd, unsigned first_cyl, unsigned page, const void *buf);

#endif
