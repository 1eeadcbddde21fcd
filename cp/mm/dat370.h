/*
 * dat370.h - System/370 dynamic address translation, as the virtual
 * machine's own tables define it (System/370 Principles of Operation,
 * "Dynamic Address Translation"; shared/reference/s370.md section 6).
 *
 * Used by CP to build shadow tables, to simulate LRA, and to reach guest
 * virtual storage; portable (the tables are read through struct gmem).
 * No translation-lookaside buffer: every call walks the tables.
 */
#ifndef CP_MM_DAT370_H
#define CP_MM_DAT370_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/gmem.h"

/* The translation format of CR0 bits 8-12 */
struct dat370_fmt {
    bool valid;          /* one of the four architected codes */
    unsigned page_shift; /* 11 (2K) or 12 (4K) */
    unsigned seg_shift;  /* 16 (64K) or 20 (1M) */
};

void dat370_format(uint32_t cr0, struct dat370_fmt *f);

struct dat370_result {
    int pgm;             /* 0, or the exception: PGM_SEGMENT_TRANS, PGM_PAGE_TRANS,
                            PGM_TRANS_SPEC, PGM_ADDRESSING (a table outside storage) */
    uint32_t raddr;      /* the real address (pgm == 0) */
    bool seg_protected;  /* the segment-table entry has the protection bit */
    uint32_t tea;        /* exceptions: the translation-exception address to store at
                            X'90' (segment and page index bits of the address) */
    uint32_t entry_addr; /* the real address of the last table entry used (for LRA) */
    int lra_cc;          /* what LRA would set: 0 ok, 1 STE invalid, 2 PTE invalid,
                            3 length violation; -1 when LRA would take an exception */
};

/*
 * Translate a 24-bit virtual address with the tables CR0 and CR1 designate.
 * Returns r->pgm. Translation-specification and addressing exceptions on
 * the tables are reported as such (LRA takes them as program interruptions
 * too); invalid entries and length violations give the translation
 * exceptions, with lra_cc and entry_addr set as LRA reports them.
 */
int dat370_translate(const struct gmem *g, uint32_t cr0, uint32_t cr1, uint32_t vaddr,
                     struct dat370_result *r);

/*
 * How the fields above are filled (details of this implementation):
 *  - raddr is not checked against the size of storage: the access that
 *    uses it does that. Bits 0-7 of vaddr are ignored.
 *  - seg_protected is set once the segment-table entry has been fetched
 *    and found valid and well formed.
 *  - tea is set only for PGM_SEGMENT_TRANS and PGM_PAGE_TRANS (0 otherwise);
 *    the byte-index bits, unpredictable in the architecture, are zeros,
 *    and bit 0 (secondary space) is 0.
 *  - entry_addr: cc 1 the STE, cc 2 the PTE, cc 3 the entry the length
 *    check kept from being fetched, cc 0 the PTE; for PGM_ADDRESSING the
 *    entry that lies outside storage, for PGM_TRANS_SPEC on an entry that
 *    entry (0 for a bad CR0 format).
 *  - Entry addresses (STO + 4*SX, PTO + 2*PX) wrap at 2^24, as 24-bit
 *    real addresses. The order of the checks is explained in dat370.c.
 *  - dat370_format leaves page_shift and seg_shift 0 for a bad format.
 */

/* Bytes in one segment of the format: X'10000' or X'100000'; 0 when the
 * format is not valid. CP's shadow tables map 1M per host segment-table
 * entry, so a 64K-segment guest has 16 guest segments per host entry. */
uint32_t dat370_segment_size(const struct dat370_fmt *f);

/* A 24-bit virtual address taken apart by a valid format. */
struct dat370_va {
    uint32_t sx;  /* segment index: which guest segment-table entry */
    uint32_t px;  /* page index within the segment: which page-table entry */
    uint32_t bx;  /* byte index within the page */
    uint32_t hsx; /* VA bits 8-11: the 1M granule, i.e. the host shadow's
                     segment-table entry that maps the address */
};

/* Split vaddr (bits 0-7 ignored). With an invalid format only hsx is set
 * and sx, px, bx are 0. */
void dat370_split(const struct dat370_fmt *f, uint32_t vaddr, struct dat370_va *v);

#endif
