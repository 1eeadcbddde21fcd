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

#endif
