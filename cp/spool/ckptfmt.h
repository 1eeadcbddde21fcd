/*
 * ckptfmt.h - the spool page map and the checkpoint image (≈ the
 * checkpoint and warm start records of DMKCKP/DMKWRM), portable.
 *
 * The page map is a table with one entry per spool page: SPM_FREE, the
 * next page of the file, or SPM_END for a file's last page. It is both
 * the allocation map and every file's chain.
 *
 * The checkpoint is written to a slot of the WARM area: a header page,
 * then the body: the page map (one be32 per page) and one SPE_LEN entry
 * per closed spool file. The WARM area holds two slots and CP writes the
 * slot not holding the newest checkpoint, body first and header last.
 * The header carries a generation number, the SHA-256 of the body and
 * its own; at IPL the newest slot whose sums are right is used, so a
 * checkpoint cut short by a crash leaves the previous one in force.
 *
 * Header page:
 *   0  8  "CPSPLCKP" (EBCDIC)        8  2 version (1)
 *   12 4  files                      16 8 generation
 *   24 4  spool pages                28 4 body pages
 *   32 2  spoolid cursor             34 2 areas (at most CKPT_AREAS)
 *   40 32 SHA-256 of the body        72 32 SHA-256 of the header page,
 *                                          computed with these 32 bytes zero
 *   128 16 each: the SPOOL areas: volser (6, EBCDIC), 2 zero, first and
 *          last cylinder (2 each), pages (4)
 */
#ifndef CP_SPOOL_CKPTFMT_H
#define CP_SPOOL_CKPTFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "spool/spoolfmt.h"

/* ---------------------------------------------------------------- the page map */
#define SPM_FREE 0u
#define SPM_END  0xFFFFFFFFu

struct spmap {
    uint32_t npages; /* pages 1..npages */
    uint32_t *next;  /* npages + 1 entries; [0] unused */
    uint32_t nfree;
    uint32_t cursor; /* where the next search for a free page starts */
};

/* All pages free; next has npages + 1 entries. */
void spm_init(struct spmap *m, uint32_t npages, uint32_t *next);
/* A free page, now marked as a last page; 0 when none is free. */
uint32_t spm_alloc(struct spmap *m);
/* Free the chain that starts at first. */
void spm_free_chain(struct spmap *m, uint32_t first);
/* Walk the chain from first: every page in range, in use and not yet in
 * `seen` (npages + 1 bytes, marked as the walk goes). 0 with the count
 * and the last page, or -1 with the reason. */
int spm_walk(const struct spmap *m, uint32_t first, uint8_t *seen, uint32_t *pages, uint32_t *last,
             char *why, size_t whylen);

/* ---------------------------------------------------------------- the checkpoint */
#define CKPT_VERSION  1
#define CKPT_AREAS    16
#define CKPTH_MAGIC   0
#define CKPTH_VER     8
#define CKPTH_FILES   12
#define CKPTH_GEN     16
#define CKPTH_PAGES   24
#define CKPTH_BODY    28
#define CKPTH_CURSOR  32
#define CKPTH_NAREA   34
#define CKPTH_BSUM    40
#define CKPTH_HSUM    72
#define CKPTH_AREA    128
#define CKPTH_AREALEN 16
_Static_assert(CKPTH_AREA + CKPT_AREAS * CKPTH_AREALEN <= SPL_PAGE, "areas fit in the header");

struct ckpt_area {
    char volser[7];
    uint16_t first, last; /* cylinders */
    uint32_t pages;
};

struct ckpt_hdr {
    uint64_t gen;
    uint32_t nfiles, npages, body_pages;
    uint16_t cursor;
    uint16_t narea;
    struct ckpt_area area[CKPT_AREAS];
    uint8_t body_sum[32];
};

/* Bytes and pages of a body. */
size_t ckpt_body_len(uint32_t npages, uint32_t nfiles);
uint32_t ckpt_body_pages(uint32_t npages, uint32_t nfiles);
/* The most files a slot of slot_pages pages holds for npages spool pages. */
uint32_t ckpt_max_files(uint32_t slot_pages, uint32_t npages);

/* Encode the body (ckpt_body_pages(...) whole pages, zero padded): the
 * page map, with the pages of files not in `files` (being written)
 * shown free, and the entries. */
void ckpt_encode_body(uint8_t *body, const struct spmap *m, const struct spf *const *files,
                      uint32_t nfiles);
/* Fill in the header page (sums included); h->body_sum is computed. */
void ckpt_encode_hdr(uint8_t *pg, struct ckpt_hdr *h, const uint8_t *body);
/* 0, or -1 with the reason; a page that was never a header says so with
 * *blank set (a volume that never had a checkpoint). */
int ckpt_decode_hdr(const uint8_t *pg, struct ckpt_hdr *h, bool *blank, char *why, size_t whylen);
/* Does the body match the header's sum? */
bool ckpt_body_ok(const struct ckpt_hdr *h, const uint8_t *body);
/* Do two area lists describe the same spool space? */
bool ckpt_same_areas(const struct ckpt_hdr *a, const struct ckpt_hdr *b);

/* Rebuild from a checked body: the map (m->next has npages + 1 entries),
 * every sound file through ok(); a file whose entry or chain is damaged,
 * or whose spoolid is a duplicate, through bad() and left out; pages that
 * belong to no file are free. seen: npages + 1 bytes of scratch.
 * Returns the number of files kept. */
typedef void (*ckpt_ok_fn)(void *arg, const struct spf *f);
typedef void (*ckpt_bad_fn)(void *arg, const char *why);
uint32_t ckpt_load(const struct ckpt_hdr *h, const uint8_t *body, struct spmap *m, uint8_t *seen,
                   ckpt_ok_fn ok, ckpt_bad_fn bad, void *arg);

#endif
