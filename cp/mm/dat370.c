/*
 * dat370.c - System/370 dynamic address translation through a virtual
 * machine's own segment and page tables (System/370 Principles of
 * Operation GA22-7000, chapter 3 "Dynamic Address Translation";
 * shared/reference/s370.md section 6).
 *
 * Entry points: dat370_format (decode CR0 bits 8-12), dat370_translate
 * (one table walk, as an instruction or LRA would make it), and the two
 * helpers the shadow tables use, dat370_segment_size and dat370_split.
 * dat370_translate returns 0 or a program-interruption code; the table
 * entries are read through struct gmem, so the guest's storage size gives
 * the addressing exceptions.
 *
 * Order of the checks. The architecture lists, for each table entry, the
 * conditions in this order (GA22-7000-10 figure "Handling of Access
 * Exceptions"; GA22-7000-4 "Page-Table Lookup" text): length violation,
 * entry outside storage, invalid bit, nonzero bit that must be zero. The
 * translation-specification exception for a table entry is defined only
 * for a valid entry, so the invalid bit is looked at first. The walk is:
 *
 *   1. CR0 bits 8-12 not one of 01000 01010 10000 10010   -> 0012
 *   2. 64K segments: VA bits 8-11 > STL (CR1 bits 0-7)     -> 0010, cc 3
 *      (1M segments: no check; the smallest table holds all 16 entries)
 *   3. STE at STO + 4*SX outside storage                   -> 0005
 *   4. STE bit 31 (invalid)                                -> 0010, cc 1
 *   5. STE bits 4-7 not zero                               -> 0012
 *   6. leftmost 4 bits of PX > PTL (STE bits 0-3)          -> 0011, cc 3
 *   7. PTE at PTO + 2*PX outside storage                   -> 0005
 *   8. PTE invalid bit (4K X'0008', 2K X'0004')            -> 0011, cc 2
 *   9. PTE bits that must be zero (4K X'0006', 2K X'0002') -> 0012
 *
 * s370.md 6.5 notes that Hercules 4 tests the PTE address against storage
 * before the page-table length; step 6 before 7 follows the manual, so a
 * length violation is LRA cc 3 even when the entry would lie beyond
 * storage. Entry addresses are 24-bit real addresses: a carry out of bit 8
 * in STO + 4*SX or PTO + 2*PX is dropped (the pages read do not say; this
 * is S/370 24-bit address arithmetic), so a table that runs past 16M
 * continues at 0. STE bits 29 (segment protection) and 30 (common segment) are
 * taken as installed facilities, so they are never checked for zero;
 * extended real addressing is not offered, so 4K PTE bits 13-14 must be 0.
 * Prefixing is not applied: the guest's real space has prefix 0.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hw/s370.h"
#include "lib/bytes.h"
#include "mm/dat370.h"

#define VA_MASK      0x00FFFFFFu /* virtual and real addresses are 24 bits */
#define CR1_STL(cr1) ((cr1) >> 24)
#define CR1_STO      0x00FFFFC0u /* bits 8-25 */

#define STE_PTL(ste) ((ste) >> 28)
#define STE_RESV     0x0F000000u /* bits 4-7 */
#define STE_PTO      0x00FFFFF8u /* bits 8-28 */
#define STE_PROT     0x00000004u /* bit 29 */
#define STE_INVALID  0x00000001u /* bit 31 */

#define PTE4K_PFRA 0xFFF0u /* bits 0-11 */
#define PTE4K_INV  0x0008u /* bit 12 */
#define PTE4K_RESV 0x0006u /* bits 13-14 */
#define PTE2K_PFRA 0xFFF8u /* bits 0-12 */
#define PTE2K_INV  0x0004u /* bit 13 */
#define PTE2K_RESV 0x0002u /* bit 14 */

/* The four codes of CR0 bits 8-12: page size in the first two bits,
 * segment size in the last two, the middle bit zero. */
static const struct {
    uint8_t code, page_shift, seg_shift;
} formats[] = {
    {0x08, 11, 16}, /* 01000: 2K pages, 64K segments */
    {0x0A, 11, 20}, /* 01010: 2K, 1M */
    {0x10, 12, 16}, /* 10000: 4K, 64K */
    {0x12, 12, 20}, /* 10010: 4K, 1M */
};

void dat370_format(uint32_t cr0, struct dat370_fmt *f)
{
    unsigned code = (cr0 & CR0_TRANS_FORMAT) >> 19;
    f->valid = false;
    f->page_shift = 0;
    f->seg_shift = 0;
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
        if (formats[k].code == code) {
            f->valid = true;
            f->page_shift = formats[k].page_shift;
            f->seg_shift = formats[k].seg_shift;
        }
    }
}

uint32_t dat370_segment_size(const struct dat370_fmt *f)
{
    return f->valid ? (uint32_t)1 << f->seg_shift : 0;
}

void dat370_split(const struct dat370_fmt *f, uint32_t vaddr, struct dat370_va *v)
{
    vaddr &= VA_MASK;
    v->hsx = vaddr >> 20;
    if (!f->valid) {
        v->sx = v->px = v->bx = 0;
        return;
    }
    v->sx = vaddr >> f->seg_shift;
    v->px = (vaddr & (((uint32_t)1 << f->seg_shift) - 1)) >> f->page_shift;
    v->bx = vaddr & (((uint32_t)1 << f->page_shift) - 1);
}

/* A translation exception: the TEA is the segment and page index. */
static int trans_exc(struct dat370_result *r, int pgm, int cc, uint32_t entry, uint32_t vaddr,
                     const struct dat370_fmt *f)
{
    r->pgm = pgm;
    r->lra_cc = cc;
    r->entry_addr = entry;
    r->tea = vaddr & VA_MASK & ~(((uint32_t)1 << f->page_shift) - 1);
    return pgm;
}

/* An exception LRA takes as a program interruption too. */
static int hard_exc(struct dat370_result *r, int pgm, uint32_t entry)
{
    r->pgm = pgm;
    r->lra_cc = -1;
    r->entry_addr = entry;
    return pgm;
}

int dat370_translate(const struct gmem *g, uint32_t cr0, uint32_t cr1, uint32_t vaddr,
                     struct dat370_result *r)
{
    struct dat370_fmt f;
    struct dat370_va va;
    uint8_t buf[4];
    int rc;

    r->pgm = 0;
    r->raddr = 0;
    r->seg_protected = false;
    r->tea = 0;
    r->entry_addr = 0;
    r->lra_cc = -1;

    dat370_format(cr0, &f);
    if (!f.valid)
        return hard_exc(r, PGM_TRANS_SPEC, 0);
    dat370_split(&f, vaddr, &va);

    uint32_t ste_addr = ((cr1 & CR1_STO) + 4 * va.sx) & VA_MASK;
    /* VA bits 8-11 against the length in 16-entry units; with 1M segments
     * there are at most 16 entries and every STL covers them. */
    if (f.seg_shift == 16 && va.hsx > CR1_STL(cr1))
        return trans_exc(r, PGM_SEGMENT_TRANS, 3, ste_addr, vaddr, &f);

    rc = g->read(g->ctx, ste_addr, buf, 4);
    if (rc)
        return hard_exc(r, rc, ste_addr);
    uint32_t ste = get_be32(buf);
    if (ste & STE_INVALID)
        return trans_exc(r, PGM_SEGMENT_TRANS, 1, ste_addr, vaddr, &f);
    if (ste & STE_RESV)
        return hard_exc(r, PGM_TRANS_SPEC, ste_addr);
    r->seg_protected = (ste & STE_PROT) != 0;

    /* PTL counts sixteenths of the largest table: compare it with the
     * leftmost 4 of the page index's 4, 5, 8 or 9 bits. */
    unsigned px_bits = f.seg_shift - f.page_shift;
    uint32_t pte_addr = ((ste & STE_PTO) + 2 * va.px) & VA_MASK;
    if ((va.px >> (px_bits - 4)) > STE_PTL(ste))
        return trans_exc(r, PGM_PAGE_TRANS, 3, pte_addr, vaddr, &f);

    rc = g->read(g->ctx, pte_addr, buf, 2);
    if (rc)
        return hard_exc(r, rc, pte_addr);
    uint16_t pte = get_be16(buf);
    bool four_k = f.page_shift == 12;
    if (pte & (four_k ? PTE4K_INV : PTE2K_INV))
        return trans_exc(r, PGM_PAGE_TRANS, 2, pte_addr, vaddr, &f);
    if (pte & (four_k ? PTE4K_RESV : PTE2K_RESV))
        return hard_exc(r, PGM_TRANS_SPEC, pte_addr);

    uint32_t pfra = (uint32_t)(pte & (four_k ? PTE4K_PFRA : PTE2K_PFRA)) << 8;
    r->raddr = pfra | va.bx;
    r->entry_addr = pte_addr;
    r->lra_cc = 0;
    return 0;
}
