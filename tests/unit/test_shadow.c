/*
 * test_shadow.c - shadow translation tables (cp/mm/shadow.c) over a fake
 * guest storage of 256K and a fake host.
 *
 * The guest's tables are stored byte by byte (big-endian) in mem[]. The
 * host frame that backs guest real page p is frames[(7p + 3) mod 64], so
 * a PTE that names the wrong page never looks right by accident; the host
 * tables CP builds come from the real allocator (cp/kern/alloc.c) over
 * region[]. After each fault the test reads the host tables from the ASCE
 * as the hardware would (z/Architecture formats, s370.md 10.1-10.3:
 * STE = page-table origin or X'20' invalid, PTE = frame | X'200' protect
 * or X'400' invalid) and checks every one of the 512 segment-table
 * entries and of the page tables they designate.
 *
 * Guest tables (addresses are guest real):
 *   4K pages, 64K segments: CR1 X'01001000' (STL 1, 32 entries)
 *     SX 0A  STE F0002000   PX 5 -> page X'10', PX 6 -> X'11', PX 7 invalid
 *     SX 0B  STE 30002044   protected (PTO X'2040'); PX 2 -> X'13'
 *     SX 0C  STE invalid
 *     SX 0D  STE 00002080   PTL 0 (PX 0 only)
 *     SX 0E  STE 00002100   PX 0 -> real X'123000', beyond storage
 *     SX 0F  STE 01002100   bit 7 set (translation specification)
 *     SX 10  STE 00002200   PX 0 has bit 14 set (translation specification)
 *     SX 1A  STE 00002180   PX 0 -> X'14'  (host segment 1)
 *   4K pages, 1M segments: CR1 X'00003000'
 *     SX 3   STE F0004000   PX AB -> page X'15'
 *     SX 4   STE F0004204   protected; PX 01 -> X'16'
 *     SX 5   STE 00004400   PTL 0 (PX 00-0F); PX 05 invalid
 *     SX 6   STE invalid
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "hw/s370.h"
#include "kern/alloc.h"
#include "lib/bytes.h"
#include "mm/shadow.h"
#include "unit.h"

#define MEMSIZE 0x40000u
#define NPAGES  (MEMSIZE >> 12)

/* CR0 with each format in bits 8-12 */
#define F4K64 0x00800000u
#define F4K1M 0x00900000u
#define F2K64 0x00400000u
#define F2K1M 0x00500000u

#define CR1_64K 0x01001000u
#define CR1_1M  0x00003000u

/* host entries */
#define STE_INV 0x20ULL
#define PTE_INV 0x400ULL
#define PTE_P   0x200ULL

static uint8_t mem[MEMSIZE];
static uint8_t frames[NPAGES][4096] __attribute__((aligned(4096)));
static uint8_t region[96 * 4096] __attribute__((aligned(4096)));

static unsigned frame_calls, purges;
static uint32_t last_frame_raddr;
static bool no_frames; /* the fake host has no frame left */

static int fake_read(void *ctx, uint32_t raddr, void *buf, uint32_t len)
{
    (void)ctx;
    if ((uint64_t)raddr + len > MEMSIZE)
        return PGM_ADDRESSING;
    memcpy(buf, mem + raddr, len);
    return 0;
}

static const struct gmem fake = {NULL, MEMSIZE, fake_read, NULL, NULL, NULL, NULL};

static uint8_t *fake_frame(void *ctx, uint32_t raddr)
{
    (void)ctx;
    frame_calls++;
    last_frame_raddr = raddr;
    if (no_frames || raddr >= MEMSIZE)
        return NULL;
    return frames[((raddr >> 12) * 7 + 3) % NPAGES] + (raddr & 0xFFF);
}

static void fake_purge(void *ctx)
{
    (void)ctx;
    purges++;
}

static const struct shadow_env env = {&fake, fake_frame, NULL, fake_purge, NULL};

/* The host frame of guest real page p, as a PTE holds it */
static uint64_t F(uint32_t page) { return (uint64_t)(uintptr_t)frames[(page * 7 + 3) % NPAGES]; }

static void ste(uint32_t sto, uint32_t sx, uint32_t v) { put_be32(mem + sto + 4 * sx, v); }
static void pte(uint32_t pto, uint32_t px, uint16_t v) { put_be16(mem + pto + 2 * px, v); }

static void guest_tables(void)
{
    memset(mem, 0, sizeof mem);
    /* 4K/64K at X'1000' */
    ste(0x1000, 0x0A, 0xF0002000);
    pte(0x2000, 5, 0x0100);
    pte(0x2000, 6, 0x0110);
    pte(0x2000, 7, 0x0128);
    ste(0x1000, 0x0B, 0x30002044);
    pte(0x2040, 2, 0x0130);
    ste(0x1000, 0x0C, 0x00000001);
    ste(0x1000, 0x0D, 0x00002080);
    pte(0x2080, 0, 0x0060);
    pte(0x2080, 1, 0x0060);
    ste(0x1000, 0x0E, 0x00002100);
    pte(0x2100, 0, 0x1230);
    ste(0x1000, 0x0F, 0x01002100);
    ste(0x1000, 0x10, 0x00002200);
    pte(0x2200, 0, 0x0072);
    ste(0x1000, 0x1A, 0x00002180);
    pte(0x2180, 0, 0x0140);
    /* 4K/1M at X'3000' */
    ste(0x3000, 3, 0xF0004000);
    pte(0x4000, 0xAB, 0x0150);
    ste(0x3000, 4, 0xF0004204);
    pte(0x4200, 0x01, 0x0160);
    ste(0x3000, 5, 0x00004400);
    pte(0x4400, 0x05, 0x0058);
    ste(0x3000, 6, 0x00000001);
}

/* A fresh allocator, guest and fake host; a new set of shadows. */
static struct shadow *setup(void)
{
    alloc_init(region, sizeof region);
    guest_tables();
    frame_calls = purges = 0;
    last_frame_raddr = 0xFFFFFFFF;
    no_frames = false;
    struct shadow *sh = shadow_create(&env);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
    return sh;
}

/* ---------------------------------------------------------------- reading the host tables */

static const uint8_t *segtab_of(uint64_t asce)
{
    return (const uint8_t *)(uintptr_t)(asce & ~0xFFFULL);
}

static uint64_t host_ste(uint64_t asce, unsigned hsx)
{
    return get_be64(segtab_of(asce) + 8 * hsx);
}

/* The host PTE for vaddr, or ~0 when its STE is invalid */
static uint64_t host_pte(uint64_t asce, uint32_t vaddr)
{
    uint64_t s = host_ste(asce, vaddr >> 20);
    if (s & STE_INV)
        return ~0ULL;
    const uint8_t *pt = (const uint8_t *)(uintptr_t)(s & ~0x7FFULL);
    return get_be64(pt + 8 * ((vaddr >> 12) & 0xFF));
}

struct want {
    uint32_t vaddr;
    uint64_t pte;
};

/*
 * Every host entry is what `w` lists and invalid everywhere else: STEs
 * 16-511 and those of megabytes with no listed page are X'20'; a valid STE
 * holds only a 2K-aligned page-table origin; every PTE not listed is X'400'.
 */
static bool tables_are(uint64_t asce, const struct want *w, size_t n)
{
    bool ok = (asce & 0xFFF) == 0x100;
    for (unsigned hsx = 0; hsx < 512; hsx++) {
        bool used = false;
        for (size_t k = 0; k < n; k++)
            used |= (w[k].vaddr >> 20) == hsx;
        uint64_t s = host_ste(asce, hsx);
        if (!used) {
            if (s != STE_INV) {
                fprintf(stderr, "\nshadow: host STE %u is %016llX\n", hsx, (unsigned long long)s);
                ok = false;
            }
            continue;
        }
        if ((s & 0x7FF) != 0) {
            fprintf(stderr, "\nshadow: host STE %u is %016llX\n", hsx, (unsigned long long)s);
            ok = false;
            continue;
        }
        for (unsigned px = 0; px < 256; px++) {
            uint32_t va = (hsx << 20) | (px << 12);
            uint64_t expect = PTE_INV;
            for (size_t k = 0; k < n; k++)
                if ((w[k].vaddr & ~0xFFFu) == va)
                    expect = w[k].pte;
            uint64_t got = host_pte(asce, va);
            if (got != expect) {
                fprintf(stderr, "\nshadow: host PTE for %06X is %016llX, not %016llX\n",
                        (unsigned)va, (unsigned long long)got, (unsigned long long)expect);
                ok = false;
            }
        }
    }
    return ok;
}

static bool all_invalid(uint64_t asce) { return tables_are(asce, NULL, 0); }

static int fill(struct shadow *sh, uint32_t cr0, uint32_t cr1, uint32_t vaddr, uint32_t *tea)
{
    *tea = 0xDEADBEEF;
    return shadow_fill(sh, cr0, cr1, vaddr, tea);
}

/* ---------------------------------------------------------------- tests */

/* A new space: private ASCE, 512 invalid STEs as bytes */
static void test_empty_space(void)
{
    static const uint8_t inv_ste[8] = {0, 0, 0, 0, 0, 0, 0, 0x20};
    struct shadow *sh = setup();
    int pgm = 99;
    uint64_t asce = shadow_space(sh, F4K64, CR1_64K, &pgm);
    CU_ASSERT_EQUAL(pgm, 0);
    CU_ASSERT_NOT_EQUAL(asce, 0);
    CU_ASSERT_EQUAL(asce & 0xFFF, 0x100); /* P, DT 00, TL 0 */
    const uint8_t *st = segtab_of(asce);
    CU_ASSERT(st >= region && st < region + sizeof region);
    for (unsigned i = 0; i < 512; i++)
        CU_ASSERT(memcmp(st + 8 * i, inv_ste, 8) == 0);
    CU_ASSERT_EQUAL(frame_calls, 0);
    CU_ASSERT_EQUAL(purges, 0);
    shadow_destroy(sh);
}

/* 64K segments: one PTE per fault, 16 guest segments share a page table */
static void test_fill_64k(void)
{
    struct shadow *sh = setup();
    int pgm;
    uint32_t tea;
    uint64_t asce = shadow_space(sh, F4K64, CR1_64K, &pgm);

    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5123, &tea), 0);
    CU_ASSERT_EQUAL(tea, 0);
    CU_ASSERT_EQUAL(frame_calls, 1);
    CU_ASSERT_EQUAL(last_frame_raddr, 0x10000);
    const struct want w1[] = {{0x0A5000, F(0x10)}};
    CU_ASSERT(tables_are(asce, w1, NELEM(w1)));

    /* the byte image of that PTE: the frame address, nothing else */
    uint8_t expect[8];
    put_be64(expect, F(0x10));
    uint64_t s0 = host_ste(asce, 0);
    const uint8_t *pt = (const uint8_t *)(uintptr_t)s0;
    CU_ASSERT(memcmp(pt + 8 * 0xA5, expect, 8) == 0);
    CU_ASSERT(pt >= region && pt < region + sizeof region);

    /* a protected segment in the same megabyte, and another megabyte */
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0B2FFF, &tea), 0);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0xFF1A0000, &tea), 0); /* VA bits 0-7 ignored */
    const struct want w3[] = {
        {0x0A5000, F(0x10)}, {0x0B2000, F(0x13) | PTE_P}, {0x1A0000, F(0x14)}};
    CU_ASSERT(tables_are(asce, w3, NELEM(w3)));
    CU_ASSERT_EQUAL(host_ste(asce, 0), s0); /* the same page table */
    put_be64(expect, F(0x13) | PTE_P);
    CU_ASSERT(memcmp(pt + 8 * 0xB2, expect, 8) == 0);

    /* the space is the same one; nothing was purged */
    CU_ASSERT_EQUAL(shadow_space(sh, F4K64, CR1_64K, &pgm), asce);
    CU_ASSERT_EQUAL(purges, 0);
    struct shadow_stats st;
    shadow_get_stats(sh, &st);
    CU_ASSERT_EQUAL(st.filled, 3);
    CU_ASSERT_EQUAL(st.made, 1);
    shadow_destroy(sh);
}

/* 1M segments: one guest segment is one host page table */
static void test_fill_1m(void)
{
    struct shadow *sh = setup();
    int pgm;
    uint32_t tea;
    uint64_t asce = shadow_space(sh, F4K1M, CR1_1M, &pgm);
    CU_ASSERT_EQUAL(pgm, 0);
    CU_ASSERT_EQUAL(fill(sh, F4K1M, CR1_1M, 0x3AB456, &tea), 0);
    CU_ASSERT_EQUAL(tea, 0);
    CU_ASSERT_EQUAL(last_frame_raddr, 0x15000);
    CU_ASSERT_EQUAL(fill(sh, F4K1M, CR1_1M, 0x401000, &tea), 0);
    const struct want w[] = {{0x3AB000, F(0x15)}, {0x401000, F(0x16) | PTE_P}};
    CU_ASSERT(tables_are(asce, w, NELEM(w)));
    CU_ASSERT_NOT_EQUAL(host_ste(asce, 3), host_ste(asce, 4));
    shadow_destroy(sh);
}

/* The guest's own exceptions: nothing is built, no frame is given */
static void test_exceptions(void)
{
    static const struct {
        const char *what;
        uint32_t cr0, cr1, vaddr;
        int pgm;
        uint32_t tea;
    } rows[] = {
        {"64K: STE invalid", F4K64, CR1_64K, 0x0C1234, PGM_SEGMENT_TRANS, 0x0C1000},
        {"64K: VA bits 0-7 ignored", F4K64, CR1_64K, 0xFF0C1234, PGM_SEGMENT_TRANS, 0x0C1000},
        {"64K: VA bits 8-11 > STL", F4K64, CR1_64K, 0x200000, PGM_SEGMENT_TRANS, 0x200000},
        {"64K: PTE invalid", F4K64, CR1_64K, 0x0A7FFF, PGM_PAGE_TRANS, 0x0A7000},
        {"64K: PX > PTL", F4K64, CR1_64K, 0x0D1000, PGM_PAGE_TRANS, 0x0D1000},
        {"64K: page beyond storage", F4K64, CR1_64K, 0x0E0000, PGM_ADDRESSING, 0},
        {"64K: STE bits 4-7", F4K64, CR1_64K, 0x0F0000, PGM_TRANS_SPEC, 0},
        {"64K: PTE bits 13-14", F4K64, CR1_64K, 0x100000, PGM_TRANS_SPEC, 0},
        {"64K: segment table beyond storage", F4K64, 0x0103FFC0, 0x100000, PGM_ADDRESSING, 0},
        {"1M: STE invalid", F4K1M, CR1_1M, 0x6FF000, PGM_SEGMENT_TRANS, 0x6FF000},
        {"1M: PX > PTL", F4K1M, CR1_1M, 0x510000, PGM_PAGE_TRANS, 0x510000},
        {"1M: PTE invalid", F4K1M, CR1_1M, 0x505000, PGM_PAGE_TRANS, 0x505000},
        {"CR0 format 11000", 0x00C00000, CR1_64K, 0x0A5000, PGM_TRANS_SPEC, 0},
        {"CR0 format 10001", 0x00880000, CR1_64K, 0x0A5000, PGM_TRANS_SPEC, 0},
        {"2K/64K", F2K64, CR1_64K, 0x0A5000, -1, 0},
        {"2K/1M", F2K1M, CR1_1M, 0x3AB000, -1, 0},
    };
    for (size_t k = 0; k < NELEM(rows); k++) {
        struct shadow *sh = setup();
        int pgm;
        uint32_t tea;
        uint64_t asce = shadow_space(sh, rows[k].cr0, rows[k].cr1, &pgm);
        int rc = fill(sh, rows[k].cr0, rows[k].cr1, rows[k].vaddr, &tea);
        bool ok = rc == rows[k].pgm && tea == rows[k].tea && frame_calls == 0;
        if (asce)
            ok &= all_invalid(asce);
        if (!ok)
            fprintf(stderr, "\nshadow row %zu (%s): rc %d tea %06X frames %u\n", k, rows[k].what,
                    rc, (unsigned)tea, frame_calls);
        CU_ASSERT(ok);
        struct shadow_stats st;
        shadow_get_stats(sh, &st);
        CU_ASSERT_EQUAL(st.reflected, rows[k].pgm > 0 && asce ? 1u : 0u);
        shadow_destroy(sh);
    }
}

/* Every CR0 format: the two 4K ones are shadowed, 2K refused, the rest
 * are the guest's translation-specification exception. */
static void test_formats(void)
{
    struct shadow *sh = setup();
    for (uint32_t code = 0; code < 32; code++) {
        uint32_t cr0 = 0xFF07FFFFu | (code << 19);
        int pgm = 99;
        uint64_t asce = shadow_space(sh, cr0, CR1_64K, &pgm);
        if (code == 0x10 || code == 0x12) {
            CU_ASSERT_NOT_EQUAL(asce, 0);
            CU_ASSERT_EQUAL(pgm, 0);
        } else if (code == 0x08 || code == 0x0A) {
            CU_ASSERT_EQUAL(asce, 0);
            CU_ASSERT_EQUAL(pgm, SHADOW_2K_PAGES);
            CU_ASSERT_EQUAL(pgm, -1);
            CU_ASSERT_STRING_EQUAL(shadow_why(pgm), "2K PAGES NOT SUPPORTED");
        } else {
            CU_ASSERT_EQUAL(asce, 0);
            CU_ASSERT_EQUAL(pgm, PGM_TRANS_SPEC);
        }
    }
    CU_ASSERT_STRING_EQUAL(shadow_why(SHADOW_NO_STORAGE), "NO STORAGE FOR SHADOW TABLES");
    CU_ASSERT_EQUAL(frame_calls, 0);
    shadow_destroy(sh);
}

/* No frame, no page table, no segment table: -1 and nothing half made */
static void test_no_storage(void)
{
    struct shadow *sh = setup();
    int pgm;
    uint32_t tea;
    uint64_t asce = shadow_space(sh, F4K64, CR1_64K, &pgm);

    no_frames = true;
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), -1);
    CU_ASSERT_EQUAL(frame_calls, 1);
    CU_ASSERT(all_invalid(asce));
    no_frames = false;

    /* CP's own storage gone: the page table cannot be made */
    void *hoard[96];
    size_t n = 0;
    while (n < NELEM(hoard) && (hoard[n] = pages_alloc(1)) != NULL)
        n++;
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), -1);
    CU_ASSERT(all_invalid(asce));
    /* nor a segment table: a new space takes over the one there is ... */
    CU_ASSERT_EQUAL(shadow_space(sh, F4K1M, CR1_1M, &pgm), asce);
    CU_ASSERT_EQUAL(pgm, 0);
    /* ... and with none there, the guest cannot run */
    struct shadow *sh2 = shadow_create(&env);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sh2);
    pgm = 0;
    CU_ASSERT_EQUAL(shadow_space(sh2, F4K1M, CR1_1M, &pgm), 0);
    CU_ASSERT_EQUAL(pgm, SHADOW_NO_STORAGE);
    CU_ASSERT_EQUAL(fill(sh2, F4K1M, CR1_1M, 0x3AB000, &tea), -1);
    for (size_t i = 0; i < n; i++)
        pages_free(hoard[i], 1);

    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), 0);
    uint64_t back = shadow_space(sh, F4K64, CR1_64K, &pgm);
    const struct want w[] = {{0x0A5000, F(0x10)}};
    CU_ASSERT(tables_are(back, w, NELEM(w)));
    CU_ASSERT_EQUAL(fill(sh2, F4K1M, CR1_1M, 0x3AB000, &tea), 0);
    shadow_destroy(sh2);
    shadow_destroy(sh);
}

/* Only the faulting page; invalid guest entries are never remembered */
static void test_tlb_rules(void)
{
    struct shadow *sh = setup();
    int pgm;
    uint32_t tea;
    uint64_t asce = shadow_space(sh, F4K64, CR1_64K, &pgm);

    /* PX 6 is valid in the guest but was not touched */
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), 0);
    CU_ASSERT_EQUAL(host_pte(asce, 0x0A6000), PTE_INV);

    /* the guest makes PX 7 valid without a purge: the next fault sees it */
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A7000, &tea), PGM_PAGE_TRANS);
    pte(0x2000, 7, 0x0120);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A7000, &tea), 0);
    const struct want w[] = {{0x0A5000, F(0x10)}, {0x0A7000, F(0x12)}};
    CU_ASSERT(tables_are(asce, w, NELEM(w)));

    /* a guest segment made valid without a purge */
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0C0000, &tea), PGM_SEGMENT_TRANS);
    ste(0x1000, 0x0C, 0x00002080);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0C0000, &tea), 0);
    CU_ASSERT_EQUAL(host_pte(asce, 0x0C0000), F(0x06));

    /* a valid entry changed without a purge stays as the TLB has it ... */
    pte(0x2000, 5, 0x0170);
    CU_ASSERT_EQUAL(host_pte(asce, 0x0A5000), F(0x10));
    CU_ASSERT_EQUAL(purges, 0);
    /* ... unless CP is asked again: then the old entry goes, with a purge */
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), 0);
    CU_ASSERT_EQUAL(host_pte(asce, 0x0A5000), F(0x17));
    CU_ASSERT_EQUAL(purges, 1);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), 0);
    CU_ASSERT_EQUAL(purges, 1); /* the same entry again: nothing to purge */
    shadow_destroy(sh);
}

/* Purge: every entry of every space, then the host TLB; tables reused */
static void test_purge(void)
{
    struct shadow *sh = setup();
    int pgm;
    uint32_t tea;
    uint64_t a = shadow_space(sh, F4K64, CR1_64K, &pgm);
    uint64_t b = shadow_space(sh, F4K1M, CR1_1M, &pgm);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), 0);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0B2000, &tea), 0);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x1A0000, &tea), 0);
    CU_ASSERT_EQUAL(fill(sh, F4K1M, CR1_1M, 0x3AB000, &tea), 0);
    uint64_t pt0 = host_ste(a, 0);

    pte(0x2000, 5, 0x0170); /* the guest changes an entry, then purges */
    CU_ASSERT_EQUAL(purges, 0);
    shadow_invalidate(sh);
    CU_ASSERT_EQUAL(purges, 1);
    CU_ASSERT(all_invalid(a));
    CU_ASSERT(all_invalid(b));

    struct alloc_stats before, after;
    alloc_get_stats(&before);
    CU_ASSERT_EQUAL(shadow_space(sh, F4K64, CR1_64K, &pgm), a);
    CU_ASSERT_EQUAL(shadow_space(sh, F4K1M, CR1_1M, &pgm), b);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), 0);
    /* the reused page table has nothing of 0B2000 left */
    const struct want w[] = {{0x0A5000, F(0x17)}};
    CU_ASSERT(tables_are(a, w, NELEM(w)));
    CU_ASSERT_EQUAL(host_ste(a, 0), pt0);
    alloc_get_stats(&after);
    CU_ASSERT_EQUAL(after.pages_free, before.pages_free);
    CU_ASSERT_EQUAL(after.calls, before.calls);

    struct shadow_stats st;
    shadow_get_stats(sh, &st);
    CU_ASSERT_EQUAL(st.purges, 1);
    CU_ASSERT_EQUAL(st.made, 2);
    shadow_destroy(sh);
}

/* Spaces are kept per format and CR1 tables, not per CR1 value */
static void test_keys(void)
{
    struct shadow *sh = setup();
    int pgm;
    uint32_t tea;
    uint64_t a = shadow_space(sh, F4K64, CR1_64K, &pgm);
    CU_ASSERT_EQUAL(fill(sh, F4K64, CR1_64K, 0x0A5000, &tea), 0);

    /* the same table with another length is another space */
    uint64_t b = shadow_space(sh, F4K64, 0x00001000, &pgm);
    CU_ASSERT_NOT_EQUAL(b, 0);
    CU_ASSERT_NOT_EQUAL(b, a);
    CU_ASSERT(all_invalid(b));
    CU_ASSERT_EQUAL(fill(sh, F4K64, 0x00001000, 0x0B2000, &tea), 0);
    const struct want wb[] = {{0x0B2000, F(0x13) | PTE_P}};
    CU_ASSERT(tables_are(b, wb, NELEM(wb)));

    /* back to the first: still built */
    CU_ASSERT_EQUAL(shadow_space(sh, F4K64, CR1_64K, &pgm), a);
    const struct want wa[] = {{0x0A5000, F(0x10)}};
    CU_ASSERT(tables_are(a, wa, NELEM(wa)));
    /* CR1 bits 26-31 (space-switch event) do not choose the tables */
    CU_ASSERT_EQUAL(shadow_space(sh, F4K64, CR1_64K | 0x3F, &pgm), a);
    /* another format is another space, even with the same CR1 */
    uint64_t c = shadow_space(sh, F4K1M, CR1_64K, &pgm);
    CU_ASSERT(c != a && c != b && c != 0);
    /* with 1M segments the length is not used */
    uint64_t d = shadow_space(sh, F4K1M, CR1_1M, &pgm);
    CU_ASSERT_EQUAL(shadow_space(sh, F4K1M, 0xFF000000 | CR1_1M, &pgm), d);
    CU_ASSERT(d != a && d != b && d != c);

    struct shadow_stats st;
    shadow_get_stats(sh, &st);
    CU_ASSERT_EQUAL(st.made, 4);
    CU_ASSERT_EQUAL(st.evicted, 0);
    CU_ASSERT_EQUAL(purges, 0);
    shadow_destroy(sh);
}

/* At most SHADOW_SPACES spaces; a new key takes the least recently used */
static void test_lru(void)
{
    struct shadow *sh = setup();
    int pgm;
    uint32_t tea;
    uint64_t a[SHADOW_SPACES + 1];
    /* 64K segments: STL 0, 1, 2, ... make distinct keys over one table */
    for (uint32_t i = 0; i < SHADOW_SPACES; i++) {
        a[i] = shadow_space(sh, F4K64, (i << 24) | 0x1000, &pgm);
        CU_ASSERT_NOT_EQUAL(a[i], 0);
        for (uint32_t j = 0; j < i; j++)
            CU_ASSERT_NOT_EQUAL(a[i], a[j]);
    }
    CU_ASSERT_EQUAL(fill(sh, F4K64, 0x01001000, 0x0A5000, &tea), 0); /* uses space 1 */
    CU_ASSERT_EQUAL(fill(sh, F4K64, 0x00001000, 0x0A5000, &tea), 0); /* space 0 */
    /* now space 2 is the oldest, then 3, then 1 */
    struct alloc_stats before, after;
    alloc_get_stats(&before);
    uint64_t n1 = shadow_space(sh, F4K1M, CR1_1M, &pgm);
    CU_ASSERT_EQUAL(n1, a[2]);
    CU_ASSERT_EQUAL(purges, 1); /* same ASCE, another space: the TLB forgets */
    uint64_t n2 = shadow_space(sh, F4K64, 0x05001000, &pgm);
    CU_ASSERT_EQUAL(n2, a[3]);
    uint64_t n3 = shadow_space(sh, F4K64, 0x06001000, &pgm);
    CU_ASSERT_EQUAL(n3, a[1]);
    CU_ASSERT(all_invalid(a[1])); /* the evicted entries are gone */
    CU_ASSERT_EQUAL(purges, 3);
    alloc_get_stats(&after);
    CU_ASSERT_EQUAL(after.pages_free, before.pages_free); /* bounded: no new tables */
    /* the one kept in use survives, with its entry */
    CU_ASSERT_EQUAL(shadow_space(sh, F4K64, 0x00001000, &pgm), a[0]);
    CU_ASSERT_EQUAL(host_pte(a[0], 0x0A5000), F(0x10));
    /* the 1M space taken over works */
    CU_ASSERT_EQUAL(fill(sh, F4K1M, CR1_1M, 0x3AB000, &tea), 0);
    const struct want w[] = {{0x3AB000, F(0x15)}};
    CU_ASSERT(tables_are(n1, w, NELEM(w)));

    struct shadow_stats st;
    shadow_get_stats(sh, &st);
    CU_ASSERT_EQUAL(st.made, SHADOW_SPACES + 3);
    CU_ASSERT_EQUAL(st.evicted, 3);
    shadow_destroy(sh);
}

/* A fault for a space not made yet (CR1 changed) makes it */
static void test_fill_makes_space(void)
{
    struct shadow *sh = setup();
    int pgm;
    uint32_t tea;
    CU_ASSERT_EQUAL(fill(sh, F4K1M, CR1_1M, 0x3AB000, &tea), 0);
    uint64_t asce = shadow_space(sh, F4K1M, CR1_1M, &pgm);
    const struct want w[] = {{0x3AB000, F(0x15)}};
    CU_ASSERT(tables_are(asce, w, NELEM(w)));
    shadow_destroy(sh);
}

/* Destroy gives back every table and purges */
static void test_destroy(void)
{
    alloc_init(region, sizeof region);
    guest_tables();
    purges = 0;
    struct alloc_stats before, made, after;
    alloc_get_stats(&before);
    struct shadow *sh = shadow_create(&env);
    alloc_get_stats(&made);
    int pgm;
    uint32_t tea;
    for (uint32_t i = 0; i < SHADOW_SPACES; i++)
        shadow_space(sh, F4K64, (i << 24) | 0x1000, &pgm);
    CU_ASSERT_EQUAL(fill(sh, F4K64, 0x01001000, 0x0A5000, &tea), 0);
    CU_ASSERT_EQUAL(fill(sh, F4K64, 0x01001000, 0x1A0000, &tea), 0);
    shadow_destroy(sh);
    alloc_get_stats(&after);
    CU_ASSERT_EQUAL(after.bytes_in_use, before.bytes_in_use);
    /* the four segment tables are free again; the 2K slab page that held
     * the two page tables stays with its size class (alloc.c) */
    CU_ASSERT_EQUAL(after.pages_free + 1, made.pages_free);
    CU_ASSERT_EQUAL(purges, 1);
    shadow_destroy(NULL);
}

static CU_TestInfo cases[] = {
    {"new space: private ASCE, every entry invalid", test_empty_space},
    {"4K/64K: one entry per fault, protection", test_fill_64k},
    {"4K/1M: one entry per fault, protection", test_fill_1m},
    {"guest exceptions build nothing", test_exceptions},
    {"CR0 formats: 4K shadowed, 2K refused, others 0012", test_formats},
    {"no storage: -1, nothing half made", test_no_storage},
    {"TLB rules: no prefetch, invalid never cached", test_tlb_rules},
    {"purge empties every space, tables reused", test_purge},
    {"spaces keyed by format and CR1 tables", test_keys},
    {"LRU reuse, bounded", test_lru},
    {"a fault makes the space", test_fill_makes_space},
    {"destroy frees everything", test_destroy},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("shadow", cases);
