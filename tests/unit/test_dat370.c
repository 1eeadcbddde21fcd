/*
 * test_dat370.c - S/370 dynamic address translation (cp/mm/dat370.c) over
 * a fake guest storage of 256K.
 *
 * Each row builds its segment- and page-table entries byte by byte
 * (big-endian) and gives what the Principles of Operation says the
 * translation yields: the real address, the program-interruption code,
 * the translation-exception address, LRA's condition code and the entry
 * address LRA reports, and how many table entries were fetched. The
 * expected values were worked out by hand from the formats (s370.md 6):
 *
 *   format   CR0 bits 8-12  SX        PX           byte index  PTL compares
 *   4K/64K   10000          VA 8-15   16-19 (4)    20-31       PX
 *   4K/1M    10010          8-11      12-19 (8)    20-31       PX >> 4
 *   2K/64K   01000          8-15      16-20 (5)    21-31       PX >> 1
 *   2K/1M    01010          8-11      12-20 (9)    21-31       PX >> 5
 *
 * STE address = STO + 4*SX, PTE address = PTO + 2*PX; a 4K PTE maps
 * (PTE & X'FFF0') << 8, a 2K PTE (PTE & X'FFF8') << 8.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "hw/s370.h"
#include "lib/bytes.h"
#include "mm/dat370.h"
#include "unit.h"

#define MEMSIZE 0x40000u

static uint8_t mem[MEMSIZE];
static unsigned nreads;

static int fake_read(void *ctx, uint32_t raddr, void *buf, uint32_t len)
{
    nreads++;
    if ((uint64_t)raddr + len > MEMSIZE)
        return PGM_ADDRESSING;
    memcpy(buf, mem + raddr, len);
    return 0;
}

static const struct gmem fake = {NULL, MEMSIZE, fake_read, NULL, NULL, NULL, NULL};

/* CR0 with each format in bits 8-12 */
#define F4K64 0x00800000u
#define F4K1M 0x00900000u
#define F2K64 0x00400000u
#define F2K1M 0x00500000u

/* "no entry" for ste_at and pte_at */
#define NO 0xFFFFFFFFu

struct row {
    const char *what;
    uint32_t cr0, cr1, vaddr;
    uint32_t ste_at, ste, pte_at, pte; /* entries the row stores */
    int pgm;
    uint32_t raddr;
    bool prot;
    uint32_t tea, entry;
    int cc;
    unsigned reads;
};

/* Segment table at X'1000'; page tables at X'2000', X'2800', X'4000'.
 * Columns: name, CR0, CR1, virtual address; the STE the row stores (where,
 * value) and the PTE (where, value); then the expected result: program
 * code, real address, segment protection, TEA, entry address, LRA cc
 * (-1: LRA too takes the interruption), table entries fetched. */
static const struct row rows[] = {
    /* ---- 4K pages, 64K segments; STL 1 = 32 entries, VA below X'200000' */
    {"4K/64K ok", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1230, 0, 0x123123,
     false, 0, 0x200A, 0, 2},
    {"4K/64K: VA bits 0-7, CR0 other bits, CR1 bits 26-31 ignored", 0xFF87FFFF, 0x0100103F,
     0xFF0A5123, 0x1028, 0x50002000, 0x200A, 0x1230, 0, 0x123123, false, 0, 0x200A, 0, 2},
    {"4K/64K: PTE bit 15 ignored", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1231,
     0, 0x123123, false, 0, 0x200A, 0, 2},
    {"4K/64K: segment protection", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x50002004, 0x200A, 0x1230,
     0, 0x123123, true, 0, 0x200A, 0, 2},
    {"4K/64K: common bit is no error", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x50002002, 0x200A,
     0x1230, 0, 0x123123, false, 0, 0x200A, 0, 2},
    {"4K/64K: STE invalid", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x50002001, NO, 0,
     PGM_SEGMENT_TRANS, 0, false, 0x0A5000, 0x1028, 1, 1},
    {"4K/64K: invalid STE, bits 4-7 not looked at", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x5F002001,
     NO, 0, PGM_SEGMENT_TRANS, 0, false, 0x0A5000, 0x1028, 1, 1},
    {"4K/64K: STE bit 4", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x58002000, NO, 0, PGM_TRANS_SPEC, 0,
     false, 0, 0x1028, -1, 1},
    {"4K/64K: STE bit 7", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x51002000, NO, 0, PGM_TRANS_SPEC, 0,
     false, 0, 0x1028, -1, 1},
    {"4K/64K: VA bits 8-11 (2) > STL (1)", F4K64, 0x01001000, 0x2A5123, NO, 0, NO, 0,
     PGM_SEGMENT_TRANS, 0, false, 0x2A5000, 0x10A8, 3, 0},
    {"4K/64K: STL 0, SX 16", F4K64, 0x00001000, 0x100000, NO, 0, NO, 0, PGM_SEGMENT_TRANS, 0, false,
     0x100000, 0x1040, 3, 0},
    /* a zero STE is valid (PTL 0, PTO 0) and so is the zero PTE it finds */
    {"4K/64K: last segment STL 1 covers, all-zero entries", F4K64, 0x01001000, 0x1F0ABC, NO, 0, NO,
     0, 0, 0x000ABC, false, 0, 0x0000, 0, 2},
    {"4K/64K: PX 6 > PTL 5", F4K64, 0x01001000, 0x0A6123, 0x1028, 0x50002000, NO, 0, PGM_PAGE_TRANS,
     0, false, 0x0A6000, 0x200C, 3, 1},
    {"4K/64K: PTL 15, PX 15", F4K64, 0x01001000, 0x0AF000, 0x1028, 0xF0002000, 0x201E, 0xFFF0, 0,
     0xFFF000, false, 0, 0x201E, 0, 2},
    {"4K/64K: PTE invalid", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x50002004, 0x200A, 0x1238,
     PGM_PAGE_TRANS, 0, true, 0x0A5000, 0x200A, 2, 2},
    {"4K/64K: invalid PTE, bits 13-14 not looked at", F4K64, 0x01001000, 0x0A5123, 0x1028,
     0x50002000, 0x200A, 0x123E, PGM_PAGE_TRANS, 0, false, 0x0A5000, 0x200A, 2, 2},
    {"4K/64K: PTE bit 13", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1234,
     PGM_TRANS_SPEC, 0, false, 0, 0x200A, -1, 2},
    {"4K/64K: PTE bit 14", F4K64, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1232,
     PGM_TRANS_SPEC, 0, false, 0, 0x200A, -1, 2},
    {"4K/64K: STE beyond storage", F4K64, 0x0103FFC0, 0x100000, NO, 0, NO, 0, PGM_ADDRESSING, 0,
     false, 0, 0x40000, -1, 1},
    {"4K/64K: last STE in storage", F4K64, 0x0003FFC0, 0x0F0000, 0x3FFFC, 0x00003000, 0x3000,
     0x0040, 0, 0x004000, false, 0, 0x3000, 0, 2},
    {"4K/64K: PTE beyond storage", F4K64, 0x01001000, 0x0A4000, 0x1028, 0xF003FFF8, NO, 0,
     PGM_ADDRESSING, 0, false, 0, 0x40000, -1, 2},
    {"4K/64K: last PTE in storage", F4K64, 0x01001000, 0x0A3456, 0x1028, 0xF003FFF8, 0x3FFFE,
     0x0010, 0, 0x001456, false, 0, 0x3FFFE, 0, 2},
    /* the length check comes before the fetch, so no addressing exception */
    {"4K/64K: PTL before the PTE address", F4K64, 0x01001000, 0x0A4000, 0x1028, 0x3003FFF8, NO, 0,
     PGM_PAGE_TRANS, 0, false, 0x0A4000, 0x40000, 3, 1},
    {"4K/64K: STE address wraps at 16M", F4K64, 0x01FFFFC0, 0x100000, 0x0000, 0x00003000, 0x3000,
     0x0040, 0, 0x004000, false, 0, 0x3000, 0, 2},
    {"4K/64K: PTE address wraps at 16M", F4K64, 0x01001000, 0x0A5000, 0x1028, 0x50FFFFF8, 0x0002,
     0x0770, 0, 0x077000, false, 0, 0x0002, 0, 2},

    /* ---- 4K pages, 1M segments; STL 0 */
    {"4K/1M ok", F4K1M, 0x00001000, 0x3AB456, 0x100C, 0xA0002000, 0x2156, 0x7FF0, 0, 0x7FF456,
     false, 0, 0x2156, 0, 2},
    {"4K/1M: no STL check (SX 15, STL 0)", F4K1M, 0x00001000, 0xF12345, 0x103C, 0x00000001, NO, 0,
     PGM_SEGMENT_TRANS, 0, false, 0xF12000, 0x103C, 1, 1},
    {"4K/1M: PX X'AF' within PTL 10", F4K1M, 0x00001000, 0x3AF000, 0x100C, 0xA0002000, 0x215E,
     0x0010, 0, 0x001000, false, 0, 0x215E, 0, 2},
    {"4K/1M: PX X'B0' > PTL 10", F4K1M, 0x00001000, 0x3B0000, 0x100C, 0xA0002000, NO, 0,
     PGM_PAGE_TRANS, 0, false, 0x3B0000, 0x2160, 3, 1},
    {"4K/1M: PTE invalid", F4K1M, 0x00001000, 0x3AB456, 0x100C, 0xA0002000, 0x2156, 0x7FF8,
     PGM_PAGE_TRANS, 0, false, 0x3AB000, 0x2156, 2, 2},
    {"4K/1M: PTE bits 13-14", F4K1M, 0x00001000, 0x3AB456, 0x100C, 0xA0002000, 0x2156, 0x7FF6,
     PGM_TRANS_SPEC, 0, false, 0, 0x2156, -1, 2},
    {"4K/1M: STE bits 4-7", F4K1M, 0x00001000, 0x3AB456, 0x100C, 0xA4002000, NO, 0, PGM_TRANS_SPEC,
     0, false, 0, 0x100C, -1, 1},
    {"4K/1M: segment protection", F4K1M, 0x00001000, 0x3AB456, 0x100C, 0xA0002004, 0x2156, 0x7FF0,
     0, 0x7FF456, true, 0, 0x2156, 0, 2},

    /* ---- 2K pages, 64K segments; STL 0 = 16 entries */
    {"2K/64K ok", F2K64, 0x00001000, 0x05F9AB, 0x1014, 0xF0002800, 0x283E, 0x3458, 0, 0x3459AB,
     false, 0, 0x283E, 0, 2},
    {"2K/64K: PTE bit 15 ignored", F2K64, 0x00001000, 0x05F9AB, 0x1014, 0xF0002800, 0x283E, 0x3459,
     0, 0x3459AB, false, 0, 0x283E, 0, 2},
    {"2K/64K: PX X'1D' within PTL 14", F2K64, 0x00001000, 0x05E800, 0x1014, 0xE0002800, 0x283A,
     0x0008, 0, 0x000800, false, 0, 0x283A, 0, 2},
    {"2K/64K: PX X'1F' > PTL 14", F2K64, 0x00001000, 0x05F9AB, 0x1014, 0xE0002800, NO, 0,
     PGM_PAGE_TRANS, 0, false, 0x05F800, 0x283E, 3, 1},
    {"2K/64K: PTE invalid", F2K64, 0x00001000, 0x05F9AB, 0x1014, 0xF0002800, 0x283E, 0x345C,
     PGM_PAGE_TRANS, 0, false, 0x05F800, 0x283E, 2, 2},
    /* X'0004' is the invalid bit for 2K pages, a must-be-zero bit for 4K */
    {"2K/64K: bit 13 is the invalid bit", F2K64, 0x00001000, 0x05F9AB, 0x1014, 0xF0002800, 0x283E,
     0x3454, PGM_PAGE_TRANS, 0, false, 0x05F800, 0x283E, 2, 2},
    {"2K/64K: PTE bit 14", F2K64, 0x00001000, 0x05F9AB, 0x1014, 0xF0002800, 0x283E, 0x345A,
     PGM_TRANS_SPEC, 0, false, 0, 0x283E, -1, 2},
    {"2K/64K: STE invalid", F2K64, 0x00001000, 0x05F9AB, 0x1014, 0xF0002801, NO, 0,
     PGM_SEGMENT_TRANS, 0, false, 0x05F800, 0x1014, 1, 1},
    {"2K/64K: VA bits 8-11 (1) > STL (0)", F2K64, 0x00001000, 0x100FFF, NO, 0, NO, 0,
     PGM_SEGMENT_TRANS, 0, false, 0x100800, 0x1040, 3, 0},

    /* ---- 2K pages, 1M segments; STL 0 */
    {"2K/1M ok", F2K1M, 0x00001000, 0xC7FC21, 0x1030, 0x70004000, 0x41FE, 0x0AB8, 0, 0x0ABC21,
     false, 0, 0x41FE, 0, 2},
    {"2K/1M: PX X'100' > PTL 7", F2K1M, 0x00001000, 0xC80000, 0x1030, 0x70004000, NO, 0,
     PGM_PAGE_TRANS, 0, false, 0xC80000, 0x4200, 3, 1},
    /* X'1238' is a valid 2K entry (X'0008' is PFRA bit 12) */
    {"2K/1M: PX X'1FF', last entry of the largest table", F2K1M, 0x00001000, 0xCFFFFF, 0x1030,
     0xF0004000, 0x43FE, 0x1238, 0, 0x123FFF, false, 0, 0x43FE, 0, 2},
    {"2K/1M: no STL check (SX 15, STL 0)", F2K1M, 0x00001000, 0xF00000, 0x103C, 0x00000001, NO, 0,
     PGM_SEGMENT_TRANS, 0, false, 0xF00000, 0x103C, 1, 1},
    {"2K/1M: PTE invalid", F2K1M, 0x00001000, 0xC7FC21, 0x1030, 0x70004000, 0x41FE, 0x0ABC,
     PGM_PAGE_TRANS, 0, false, 0xC7F800, 0x41FE, 2, 2},

    /* ---- CR0 bits 8-12 not one of the four codes: nothing is fetched */
    {"CR0 format 00000", 0x00000000, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1230,
     PGM_TRANS_SPEC, 0, false, 0, 0, -1, 0},
    {"CR0 format 11000", 0x00C00000, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1230,
     PGM_TRANS_SPEC, 0, false, 0, 0, -1, 0},
    {"CR0 format 01100 (bit 10)", 0x00600000, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A,
     0x1230, PGM_TRANS_SPEC, 0, false, 0, 0, -1, 0},
    {"CR0 format 10100 (bit 10)", 0x00A00000, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A,
     0x1230, PGM_TRANS_SPEC, 0, false, 0, 0, -1, 0},
    {"CR0 format 01001", 0x00480000, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1230,
     PGM_TRANS_SPEC, 0, false, 0, 0, -1, 0},
    {"CR0 format 10001", 0x00880000, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1230,
     PGM_TRANS_SPEC, 0, false, 0, 0, -1, 0},
    {"CR0 format 11111", 0x00F80000, 0x01001000, 0x0A5123, 0x1028, 0x50002000, 0x200A, 0x1230,
     PGM_TRANS_SPEC, 0, false, 0, 0, -1, 0},
};

static void load(const struct row *w)
{
    memset(mem, 0, sizeof mem);
    if (w->ste_at != NO)
        put_be32(mem + w->ste_at, w->ste);
    if (w->pte_at != NO)
        put_be16(mem + w->pte_at, (uint16_t)w->pte);
}

static void test_translate(void)
{
    for (size_t k = 0; k < NELEM(rows); k++) {
        const struct row *w = &rows[k];
        load(w);
        struct dat370_result r;
        memset(&r, 0x55, sizeof r);
        nreads = 0;
        int rc = dat370_translate(&fake, w->cr0, w->cr1, w->vaddr, &r);
        bool ok = rc == w->pgm && r.pgm == w->pgm && r.raddr == w->raddr &&
                  r.seg_protected == w->prot && r.tea == w->tea && r.entry_addr == w->entry &&
                  r.lra_cc == w->cc && nreads == w->reads;
        if (!ok)
            fprintf(stderr,
                    "\ndat370 row %zu (%s): rc %d pgm %d raddr %06X prot %d tea %06X entry %06X "
                    "cc %d reads %u\n",
                    k, w->what, rc, r.pgm, (unsigned)r.raddr, r.seg_protected, (unsigned)r.tea,
                    (unsigned)r.entry_addr, r.lra_cc, nreads);
        CU_ASSERT(ok);
    }
}

/* Every value of CR0 bits 8-12, with every other CR0 bit one. */
static void test_format(void)
{
    static const struct {
        unsigned code;
        unsigned page_shift, seg_shift;
    } valid[] = {
        {0x08, 11, 16}, /* 01000 */
        {0x0A, 11, 20}, /* 01010 */
        {0x10, 12, 16}, /* 10000 */
        {0x12, 12, 20}, /* 10010 */
    };
    static const uint32_t seg_size[] = {0x10000, 0x100000, 0x10000, 0x100000};
    unsigned nvalid = 0;
    for (unsigned code = 0; code < 32; code++) {
        struct dat370_fmt f;
        memset(&f, 0x55, sizeof f);
        dat370_format(0xFF07FFFFu | (code << 19), &f);
        size_t v = NELEM(valid);
        for (size_t k = 0; k < NELEM(valid); k++)
            if (valid[k].code == code)
                v = k;
        if (v < NELEM(valid)) {
            nvalid++;
            CU_ASSERT(f.valid);
            CU_ASSERT_EQUAL(f.page_shift, valid[v].page_shift);
            CU_ASSERT_EQUAL(f.seg_shift, valid[v].seg_shift);
            CU_ASSERT_EQUAL(dat370_segment_size(&f), seg_size[v]);
        } else {
            CU_ASSERT(!f.valid);
            CU_ASSERT_EQUAL(f.page_shift, 0);
            CU_ASSERT_EQUAL(f.seg_shift, 0);
            CU_ASSERT_EQUAL(dat370_segment_size(&f), 0);
        }
    }
    CU_ASSERT_EQUAL(nvalid, 4);
}

static void test_split(void)
{
    static const struct {
        uint32_t cr0, vaddr;
        uint32_t sx, px, bx, hsx;
    } splits[] = {
        {F4K64, 0x0A5123, 0x0A, 0x05, 0x123, 0x0},   {F4K64, 0xFFFFFFFF, 0xFF, 0x0F, 0xFFF, 0xF},
        {F4K1M, 0x3AB456, 0x3, 0xAB, 0x456, 0x3},    {F2K64, 0x05F9AB, 0x05, 0x1F, 0x1AB, 0x0},
        {F2K64, 0x12345678, 0x34, 0x0A, 0x678, 0x3}, {F2K1M, 0xC7FC21, 0xC, 0xFF, 0x421, 0xC},
        {F2K1M, 0x00FFFFFF, 0xF, 0x1FF, 0x7FF, 0xF}, {0x00000000, 0x3AB456, 0, 0, 0, 0x3},
    };
    for (size_t k = 0; k < NELEM(splits); k++) {
        struct dat370_fmt f;
        struct dat370_va v;
        dat370_format(splits[k].cr0, &f);
        memset(&v, 0x55, sizeof v);
        dat370_split(&f, splits[k].vaddr, &v);
        CU_ASSERT_EQUAL(v.sx, splits[k].sx);
        CU_ASSERT_EQUAL(v.px, splits[k].px);
        CU_ASSERT_EQUAL(v.bx, splits[k].bx);
        CU_ASSERT_EQUAL(v.hsx, splits[k].hsx);
    }
}

/*
 * Whole address spaces: for each format, full-length tables where virtual
 * page n maps to real page (n * 37 + 5) mod (pages in 16M), checked on a
 * sweep of addresses. Segment tables at X'1000', page tables from X'2000'.
 */
static void test_sweep(void)
{
    static const struct {
        uint32_t cr0;
        unsigned page_shift, seg_shift;
    } fmts[] = {{F4K64, 12, 16}, {F4K1M, 12, 20}, {F2K64, 11, 16}, {F2K1M, 11, 20}};
    for (size_t k = 0; k < NELEM(fmts); k++) {
        unsigned ps = fmts[k].page_shift, ss = fmts[k].seg_shift;
        uint32_t nseg = 1u << (24 - ss), npage = 1u << (ss - ps), nreal = 1u << (24 - ps);
        uint32_t ptsize = 2 * npage;
        memset(mem, 0, sizeof mem);
        for (uint32_t s = 0; s < nseg; s++) {
            uint32_t pto = 0x2000 + s * ptsize;
            put_be32(mem + 0x1000 + 4 * s, 0xF0000000u | pto);
            for (uint32_t p = 0; p < npage; p++) {
                uint32_t frame = ((s * npage + p) * 37 + 5) % nreal;
                /* the PFRA sits where real-address bits 8-19 (4K) or 8-20 (2K) go */
                put_be16(mem + pto + 2 * p, (uint16_t)(frame << (ps - 8)));
            }
        }
        uint32_t cr1 = ss == 16 ? 0x0F001000 : 0x00001000; /* 256 or 16 entries */
        unsigned bad = 0;
        for (uint32_t va = 0; va < 0x1000000; va += 0x1F3D) {
            struct dat370_result r;
            uint32_t vpn = va >> ps;
            uint32_t want = ((vpn * 37 + 5) % nreal) << ps | (va & ((1u << ps) - 1));
            if (dat370_translate(&fake, fmts[k].cr0, cr1, va, &r) != 0 || r.raddr != want ||
                r.lra_cc != 0) {
                if (bad++ < 3)
                    fprintf(stderr, "\ndat370 sweep format %zu: %06X -> %06X, want %06X\n", k,
                            (unsigned)va, (unsigned)r.raddr, (unsigned)want);
            }
        }
        CU_ASSERT_EQUAL(bad, 0);
    }
}

static CU_TestInfo cases[] = {
    {"translate: table of rows", test_translate},
    {"CR0 translation format", test_format},
    {"split a virtual address", test_split},
    {"sweep of whole address spaces", test_sweep},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("dat370", cases);
