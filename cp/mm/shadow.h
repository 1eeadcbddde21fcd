/*
 * shadow.h - shadow translation tables for a virtual machine that runs
 * with DAT on (≈ DMKVAT, VM/370's virtual address translation).
 *
 * A guest whose EC-mode PSW has DAT on runs in a host z/Architecture
 * address space built from its own S/370 tables (CR0 format, CR1 segment
 * table): each host page-table entry maps one guest virtual 4K page
 * straight to the host frame that backs the guest real page. The shadow
 * is a TLB: it holds only translations the guest's tables gave as valid,
 * one page at a time as the guest touches them, and keeps them until the
 * guest purges (PTLB, IPTE, ...) - so a guest that makes an invalid entry
 * valid needs no purge, as on the real machine. A few spaces are kept per
 * virtual machine, keyed by the translation format and CR1, so a guest
 * that switches address spaces does not rebuild them.
 *
 * Return convention: 0 done, > 0 the guest's program-interruption code,
 * < 0 a CP problem (-1: see each function).
 */
#ifndef CP_MM_SHADOW_H
#define CP_MM_SHADOW_H

#include <stdint.h>
#include "mm/gmem.h"

struct vmblok;
struct shadow;

/* ---------------------------------------------------------------- the virtual machine's view */

/*
 * The ASCE of the shadow space for the guest's current CR0 and CR1,
 * made empty on first use. 0 when it cannot be shadowed, with *pgm:
 *  PGM_TRANS_SPEC     CR0 bits 8-12 are no valid format: the guest's
 *                     translation-specification exception;
 *  SHADOW_2K_PAGES    a 2K-page format: stop the virtual machine;
 *  SHADOW_NO_STORAGE  no storage for the tables (and no space to reuse).
 * shadow_why gives the text for the last two.
 */
#define SHADOW_2K_PAGES   (-1)
#define SHADOW_NO_STORAGE (-2)
uint64_t shadow_asce(struct vmblok *vm, int *pgm);
const char *shadow_why(int pgm);

/*
 * A host segment- or page-translation exception at guest virtual address
 * vaddr while the guest ran in its shadow. Returns 0 when the entry was
 * made (the instruction runs again); PGM_SEGMENT_TRANS or PGM_PAGE_TRANS
 * with *tea set (the guest's own tables say invalid); PGM_TRANS_SPEC;
 * PGM_ADDRESSING (a table or the page lies beyond the guest's storage);
 * -1 when CP has no storage left (or for a format shadow_asce refuses,
 * which cannot be running).
 */
int shadow_fault(struct vmblok *vm, uint32_t vaddr, uint32_t *tea);

/* PTLB, IPTE, a CR0 or CR1 change the guest must purge for, IPL, reset,
 * storage clear (whose frames the shadows point at): every shadow entry
 * goes and the host TLB is purged. The tables stay for reuse. */
void shadow_purge(struct vmblok *vm);

/* LOGOFF, DEFINE STORAGE: give every shadow table back. */
void shadow_release(struct vmblok *vm);

/* ---------------------------------------------------------------- portable core */

/* What the shadows need from the machine around them. The glue in
 * shadow.c fills it from the VMBLOK; the host tests give fakes. */
struct shadow_env {
    const struct gmem *g; /* guest real storage: the guest's tables live here */
    /* The host real address of the 4K frame that backs the guest real page
     * at raddr (page aligned), giving it a frame on first touch; NULL when
     * raddr is beyond storage or no frame is left (gstor_page). */
    uint8_t *(*frame)(void *ctx, uint32_t raddr);
    void *ctx;
    /* Purge the host TLB (PTLB): done whenever a valid host entry changes
     * or a table that was in use takes another meaning. */
    void (*purge_tlb)(void *ctx);
    /* Optional: true if the guest real page at raddr may not be stored
     * into (a shared segment's): its host entries are made read-only. */
    bool (*readonly)(void *ctx, uint32_t raddr);
};

#define SHADOW_SPACES 4 /* address spaces kept per virtual machine */

/* Counters, so the cost of shadowing can be shown. */
struct shadow_stats {
    uint64_t made;      /* spaces built (a new key) */
    uint64_t hits;      /* lookups that found the space kept */
    uint64_t evicted;   /* spaces taken over by another key (LRU) */
    uint64_t filled;    /* page entries made */
    uint64_t reflected; /* faults that were the guest's exception */
    uint64_t purges;    /* shadow_invalidate calls */
};

/* A virtual machine's shadows, empty. NULL when no storage is left. */
struct shadow *shadow_create(const struct shadow_env *env);
/* Free every table and the block (purges the host TLB); NULL is fine. */
void shadow_destroy(struct shadow *sh);
/* shadow_asce and shadow_fault with the CR0 and CR1 given. */
uint64_t shadow_space(struct shadow *sh, uint32_t cr0, uint32_t cr1, int *pgm);
int shadow_fill(struct shadow *sh, uint32_t cr0, uint32_t cr1, uint32_t vaddr, uint32_t *tea);
/* shadow_purge: every entry of every space invalid, then the host TLB. */
void shadow_invalidate(struct shadow *sh);
void shadow_get_stats(const struct shadow *sh, struct shadow_stats *st);

#endif
