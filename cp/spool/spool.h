/*
 * spool.h - spool files (≈ DMKSPL/DMKSPS, the spool file blocks and
 * their buffers, and DMKCKP/DMKWRM, the checkpoint and warm start).
 *
 * Every closed spool file is a struct spf on one queue, in queue order;
 * its records are in 4 KB pages of the SPOOL areas of the CP volumes
 * (spool/spoolfmt.h), chained by the page map (spool/ckptfmt.h). After
 * every change to the closed files CP writes the checkpoint to the WARM
 * area, synchronously: data pages first, then the checkpoint that names
 * them, and pages given back only once a checkpoint without them is on
 * disk. So whatever moment the system stops, the next IPL finds every
 * file closed before it, whole.
 *
 * Files being written (struct spout, in a virtual punch or printer) and
 * read (struct spin, in a virtual reader) are opened and moved here.
 * Functions return 0 or a negative enum spool_err.
 */
#ifndef CP_SPOOL_SPOOL_H
#define CP_SPOOL_SPOOL_H

#include <stdbool.h>
#include <stdint.h>
#include "spool/spoolfmt.h"

enum spool_err {
    SPE_OK = 0,
    SPE_FULL = -1,    /* no spool page free */
    SPE_LIMIT = -2,   /* no spoolid, or the checkpoint holds no more files */
    SPE_IO = -3,      /* a spool page or the checkpoint could not be written or read */
    SPE_STORAGE = -4, /* CP storage */
    SPE_NOSPOOL = -5, /* the system has no SPOOL area */
};

/* IPL: find the SPOOL and WARM areas and warm start from the checkpoint
 * (or cold start when there is none: messages on the operator console). */
void spool_init(void);
/* SHUTDOWN: write the checkpoint once more (DMKCKT960I). */
void spool_shutdown(void);

/* ---------------------------------------------------------------- output */
struct spout {
    struct spf *f; /* the open file, NULL when none */
    uint8_t *buf;  /* its current page */
    uint32_t page; /* ...and that page's number */
    uint16_t seq;
};
/* Start a file for userid from a device of type (SPT_*, devtype); the
 * attributes the caller fills in before spool_out_close. */
int spool_out_open(struct spout *o, const char *userid, uint8_t type, uint16_t devtype);
/* Add a record. SPE_FULL: nothing was added; the caller closes the file. */
int spool_out_put(struct spout *o, uint8_t op, const uint8_t *data, uint16_t len);
/* Close: the last page is written, the file joins the end of its queue
 * (o->f->queue and owner set by the caller) and the checkpoint is
 * written. The file is returned through *closed. */
int spool_out_close(struct spout *o, struct spf **closed);
/* Throw the open file away (CLOSE ... PURGE). */
void spool_out_discard(struct spout *o);

/* ---------------------------------------------------------------- input */
struct spin {
    struct spf *f;
    uint8_t *buf;
    uint32_t page; /* in buf; 0 before the first read */
    unsigned off;  /* the next record in buf */
};
/* The first file of userid's reader queue of class cls ('*' any) that is
 * not held and not open. */
struct spf *spool_reader_next(const char *userid, char cls);
int spool_in_open(struct spin *in, struct spf *f, void *reader);
/* The next record: 1, 0 at the end of the file, or SPE_IO. */
int spool_in_next(struct spin *in, struct spp_rec *r);
/* Stop reading: the file stays on the queue (its reading starts again
 * from the beginning), with hold added when hold is set. */
void spool_in_release(struct spin *in, bool hold);

/* Whole pages (for DIAGNOSE X'14' and real devices, which take a file a
 * 4 KB buffer at a time): read page `page` of the spool into buf (0 or
 * SPE_IO); the page after it in its file (0 after the last). */
int spool_page_read(uint32_t page, void *buf);
uint32_t spool_page_next(uint32_t page);

/* ---------------------------------------------------------------- the queue */
struct spf *spool_first(void);
struct spf *spool_find(uint16_t spid);
/* The changed attributes of closed files go to the checkpoint. */
int spool_commit(void);
/* Purge closed files (a file open in a reader is taken from it first);
 * one checkpoint for all. */
int spool_purge(struct spf **files, unsigned n);
/* Move a file to the head of the queue (ORDER; no checkpoint). */
void spool_to_front(struct spf *f);
/* Counts for QUERY FILES and the like. */
struct spool_space {
    uint32_t pages, free, files, max_files;
};
void spool_space(struct spool_space *s);
/* A reader took a file away (purge): set by vur.c. */
extern void (*spool_reader_lost)(void *reader);
/* The same for a file a real printer or punch has open (f->rdev): set
 * by rspool.c. */
extern void (*spool_rdev_lost)(void *dev);

/* ---------------------------------------------------------------- real devices (rspool.c) */
/* IPL: the real readers are started (a deck with an ID card goes to a
 * user's reader); printers and punches wait for START. */
void rspool_init(void);

#endif
