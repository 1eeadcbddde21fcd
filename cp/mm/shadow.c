/*
 * shadow.c - shadow translation tables (see shadow.h; ≈ DMKVAT).
 *
 * Entry points: shadow_asce, shadow_fault, shadow_purge, shadow_release
 * for the rest of CP, over the portable core shadow_create, shadow_space,
 * shadow_fill, shadow_invalidate, shadow_destroy that the host tests run.
 * The guest's tables are walked by dat370_translate (System/370 Principles
 * of Operation, "Dynamic Address Translation"); the host tables are the
 * z/Architecture formats (shared/reference/s370.md 10.1-10.5), kept as
 * big-endian byte images so the host tests see what the hardware sees.
 *
 * One space: a host segment table (512 entries, 4K aligned, ASCE with
 * DT 00 and TL 0) of which entries 0-15 cover the guest's 16M, and a host
 * page table (256 entries, 2K aligned) per 1M, made the first time a page
 * in that megabyte is filled and kept until the space is freed. A guest
 * 64K segment is 16 entries of such a page table; a guest 1M segment is
 * the whole of it. Guest segment protection becomes the page-protection
 * bit of each host entry, so a store gets the host's 0004, which is also
 * the guest's.
 *
 * A host entry changes only invalid -> valid, except in shadow_invalidate
 * (all of them, then PTLB) and when a space is taken over by another key
 * (its entries emptied, then PTLB: the ASCE stays the same, and the host
 * TLB is tagged by it). So the shadow never holds what the guest's own
 * TLB could not: one page per fault, no prefetching, and an invalid guest
 * entry is never remembered. The ASCE is private (bit 55): the guest's
 * virtual 0-511 and 4096-4607 get no host low-address protection.
 *
 * Guest 2K pages are refused (a host page maps 4K; see s370.md 10.4).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hw/s370.h"
#include "kern/alloc.h"
#include "lib/bytes.h"
#include "mm/dat370.h"
#include "mm/gstor.h"
#include "mm/shadow.h"

#define HOST_STES  512 /* one segment table, TL 0 */
#define HOST_PTES  256 /* 1M of 4K pages */
#define GUEST_STES 16  /* host entries a 24-bit guest uses */
#define ENTRY      8   /* bytes in a host table entry */

#define ZASCE_PRIVATE 0x100ULL /* bit 55 */
#define ZPTE_PFRA     0xFFFFFFFFFFFFF000ULL

/* The CR1 bits that choose the tables: STL and STO. With 1M segments the
 * length is not used (every table holds all 16 entries). */
#define CR1_TABLE_64K 0xFFFFFFC0u
#define CR1_TABLE_1M  0x00FFFFC0u

#define VA_MASK 0x00FFFFFFu

struct space {
    uint8_t *segtab;            /* NULL: the slot is free */
    uint8_t *pgtab[GUEST_STES]; /* made on first fill, kept */
    uint16_t live;              /* bit hsx: host STE hsx is valid */
    uint32_t fmt;               /* key: CR0 bits 8-12 */
    uint32_t cr1;               /* key: CR1 & CR1_TABLE_* */
    uint64_t used;              /* clock of the last lookup */
};

struct shadow {
    struct shadow_env env;
    struct space sp[SHADOW_SPACES];
    uint64_t clock;
    struct shadow_stats st;
};

static void purge_tlb(struct shadow *sh) { sh->env.purge_tlb(sh->env.ctx); }

static void fill_invalid(uint8_t *table, unsigned n, uint64_t invalid)
{
    for (unsigned i = 0; i < n; i++)
        put_be64(table + ENTRY * i, invalid);
}

/* Every entry of a space invalid; the caller purges the TLB. */
static void empty_space(struct space *sp)
{
    for (unsigned hsx = 0; hsx < GUEST_STES; hsx++) {
        if (!(sp->live & (1u << hsx)))
            continue;
        put_be64(sp->segtab + ENTRY * hsx, ZSTE_INVALID);
        fill_invalid(sp->pgtab[hsx], HOST_PTES, ZPTE_INVALID);
    }
    sp->live = 0;
}

static uint64_t space_asce(const struct space *sp)
{
    return (uint64_t)(uintptr_t)sp->segtab | ZASCE_PRIVATE | ZASCE_DT_SEG;
}

/*
 * The space for this CR0 and CR1: the one kept, else a free slot given a
 * segment table, else the least recently used space emptied for it.
 * NULL with *pgm = PGM_TRANS_SPEC (bad format), SHADOW_2K_PAGES, or
 * SHADOW_NO_STORAGE (no segment table and no space to take over).
 */
static struct space *lookup(struct shadow *sh, uint32_t cr0, uint32_t cr1, int *pgm)
{
    struct dat370_fmt f;
    dat370_format(cr0, &f);
    if (!f.valid) {
        *pgm = PGM_TRANS_SPEC;
        return NULL;
    }
    if (f.page_shift != 12) {
        *pgm = SHADOW_2K_PAGES;
        return NULL;
    }
    uint32_t fmt = cr0 & CR0_TRANS_FORMAT;
    uint32_t key = cr1 & (f.seg_shift == 20 ? CR1_TABLE_1M : CR1_TABLE_64K);
    sh->clock++;

    struct space *fresh = NULL, *lru = NULL;
    for (unsigned i = 0; i < SHADOW_SPACES; i++) {
        struct space *sp = &sh->sp[i];
        if (!sp->segtab) {
            if (!fresh)
                fresh = sp;
        } else if (sp->fmt == fmt && sp->cr1 == key) {
            sp->used = sh->clock;
            sh->st.hits++;
            return sp;
        } else if (!lru || sp->used < lru->used) {
            lru = sp;
        }
    }

    struct space *sp = NULL;
    if (fresh) {
        fresh->segtab = pages_alloc(1);
        if (fresh->segtab) {
            fill_invalid(fresh->segtab, HOST_STES, ZSTE_INVALID);
            sp = fresh;
        }
    }
    if (!sp && lru) {
        /* Same segment table, so same ASCE: the TLB must forget it. */
        empty_space(lru);
        purge_tlb(sh);
        sh->st.evicted++;
        sp = lru;
    }
    if (!sp) {
        *pgm = SHADOW_NO_STORAGE;
        return NULL;
    }
    sp->fmt = fmt;
    sp->cr1 = key;
    sp->used = sh->clock;
    sh->st.made++;
    return sp;
}

struct shadow *shadow_create(const struct shadow_env *env)
{
    struct shadow *sh = kmalloc(sizeof(*sh));
    if (sh)
        sh->env = *env;
    return sh;
}

void shadow_destroy(struct shadow *sh)
{
    if (!sh)
        return;
    for (unsigned i = 0; i < SHADOW_SPACES; i++) {
        struct space *sp = &sh->sp[i];
        for (unsigned hsx = 0; hsx < GUEST_STES; hsx++)
            kfree(sp->pgtab[hsx]);
        if (sp->segtab)
            pages_free(sp->segtab, 1);
    }
    /* the tables' storage may become someone else's tables */
    purge_tlb(sh);
    kfree(sh);
}

uint64_t shadow_space(struct shadow *sh, uint32_t cr0, uint32_t cr1, int *pgm)
{
    *pgm = 0;
    struct space *sp = lookup(sh, cr0, cr1, pgm);
    return sp ? space_asce(sp) : 0;
}

int shadow_fill(struct shadow *sh, uint32_t cr0, uint32_t cr1, uint32_t vaddr, uint32_t *tea)
{
    const struct gmem *g = sh->env.g;
    int pgm = 0;
    *tea = 0;
    struct space *sp = lookup(sh, cr0, cr1, &pgm);
    if (!sp)
        return pgm > 0 ? pgm : -1;

    struct dat370_result r;
    pgm = dat370_translate(g, cr0, cr1, vaddr, &r);
    if (pgm) {
        *tea = r.tea;
        sh->st.reflected++;
        return pgm;
    }
    uint32_t page = r.raddr & ~0xFFFu;
    uint8_t *frame = page < g->size ? sh->env.frame(sh->env.ctx, page) : NULL;
    if (!frame) {
        if (page < g->size)
            return -1; /* no frame left */
        sh->st.reflected++;
        return PGM_ADDRESSING;
    }

    vaddr &= VA_MASK;
    unsigned hsx = vaddr >> 20, hpx = (vaddr >> 12) & 0xFF;
    uint8_t *pt = sp->pgtab[hsx];
    if (!pt) {
        pt = kmalloc(HOST_PTES * ENTRY); /* 2K: 2K aligned */
        if (!pt)
            return -1;
        fill_invalid(pt, HOST_PTES, ZPTE_INVALID);
        sp->pgtab[hsx] = pt;
    }
    bool ro = r.seg_protected || (sh->env.readonly && sh->env.readonly(sh->env.ctx, page));
    uint64_t pte = ((uint64_t)(uintptr_t)frame & ZPTE_PFRA) | (ro ? ZPTE_PROTECT : 0);
    uint64_t old = get_be64(pt + ENTRY * hpx);
    put_be64(pt + ENTRY * hpx, pte);
    /* Only a fault on an entry already valid (CP asked twice) finds one;
     * if the guest's tables now say otherwise, the old one must go. */
    if (!(old & ZPTE_INVALID) && old != pte)
        purge_tlb(sh);
    if (!(sp->live & (1u << hsx))) {
        put_be64(sp->segtab + ENTRY * hsx, (uint64_t)(uintptr_t)pt);
        sp->live |= (uint16_t)(1u << hsx);
    }
    sh->st.filled++;
    return 0;
}

void shadow_invalidate(struct shadow *sh)
{
    for (unsigned i = 0; i < SHADOW_SPACES; i++)
        if (sh->sp[i].segtab)
            empty_space(&sh->sp[i]);
    sh->st.purges++;
    purge_tlb(sh);
}

void shadow_get_stats(const struct shadow *sh, struct shadow_stats *st) { *st = sh->st; }

const char *shadow_why(int pgm)
{
    return pgm == SHADOW_2K_PAGES ? "2K PAGES NOT SUPPORTED" : "NO STORAGE FOR SHADOW TABLES";
}

/* ---------------------------------------------------------------- the virtual machine */

#ifdef __s390x__ /* the host tests run the core above with their own environment */
#include "machine/cpu.h"
#include "vm/vmblok.h"

static uint8_t *vm_frame(void *ctx, uint32_t raddr) { return gstor_page(ctx, raddr); }

static bool vm_readonly(void *ctx, uint32_t raddr) { return gstor_is_shared(ctx, raddr); }

static void vm_ptlb(void *ctx)
{
    (void)ctx;
    ptlb();
}

static struct shadow *vm_shadow(struct vmblok *vm)
{
    if (!vm->shadow) {
        struct shadow_env env = {&vm->stor.ops, vm_frame, &vm->stor, vm_ptlb, vm_readonly};
        vm->shadow = shadow_create(&env);
    }
    return vm->shadow;
}

uint64_t shadow_asce(struct vmblok *vm, int *pgm)
{
    struct shadow *sh = vm_shadow(vm);
    if (!sh) {
        *pgm = SHADOW_NO_STORAGE;
        return 0;
    }
    return shadow_space(sh, vm->cpu.cr[0], vm->cpu.cr[1], pgm);
}

int shadow_fault(struct vmblok *vm, uint32_t vaddr, uint32_t *tea)
{
    struct shadow *sh = vm_shadow(vm);
    *tea = 0;
    if (!sh)
        return -1;
    return shadow_fill(sh, vm->cpu.cr[0], vm->cpu.cr[1], vaddr, tea);
}

void shadow_purge(struct vmblok *vm)
{
    if (vm->shadow)
        shadow_invalidate(vm->shadow);
    else
        ptlb();
}

void shadow_release(struct vmblok *vm)
{
    shadow_destroy(vm->shadow);
    vm->shadow = NULL;
}
#endif
