/*
 * gstor.h - a virtual machine's real storage (≈ the virtual storage side
 * of DMKPTR/DMKPAG): host DAT tables that map guest real 0..size onto
 * host page frames, given on first touch, and the guest's storage keys.
 *
 * The guest runs in host problem state inside this address space (or a
 * shadow space built from its own tables, mm/shadow.c), so its loads and
 * stores go straight to its frames. A frame is allocated the first time
 * the guest (or CP on its behalf) touches the page. Storage keys are kept
 * per 2K block, as S/370 has them (access key, fetch protection,
 * reference and change); the host frame's key follows them so the
 * hardware enforces key-controlled and fetch protection. A 4K frame
 * whose two 2K blocks have different keys takes the more protective one,
 * so protection is exact only per 4K (docs/vm.md). Reference and change
 * bits the hardware records per 4K count for both 2K blocks.
 */
#ifndef CP_MM_GSTOR_H
#define CP_MM_GSTOR_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/gmem.h"

#define GSTOR_MAX  (16u << 20) /* a S/370 has 24-bit addresses */
#define GSTOR_SEGS 16          /* 1 MB host segments */

/* z/Architecture DAT entries CP builds (PoP: "Translation Tables") */
#define ZSTE_INVALID 0x20ULL
#define ZPTE_INVALID 0x400ULL
#define ZPTE_PROTECT 0x200ULL
#define ZASCE_DT_SEG 0x00ULL /* designation type: segment table */

struct gstor {
    uint32_t size;               /* bytes of guest real storage, a multiple of 4K */
    uint64_t *segtab;            /* host segment table, 512 entries (4 KB) */
    uint64_t *pgtab[GSTOR_SEGS]; /* host page tables, 256 entries (2 KB) each */
    uint8_t *keys;               /* per 2K block: ACC(4) F R C in the high 7 bits */
    uint8_t *shared;             /* per page: 1 if it maps a shared segment's frame (read-only) */
    uint32_t frames;             /* frames given so far */
    struct gmem ops;             /* this storage as portable code sees it */
};

/* Set up storage of `size` bytes (rounded up to 4K, at most GSTOR_MAX).
 * No frames yet. Returns 0 or -1 when CP's storage is exhausted. */
int gstor_init(struct gstor *s, uint32_t size);
/* Give every frame and table back. */
void gstor_release(struct gstor *s);
/* Zero the storage and reset every key to 0 (IPL CLEAR, SYSTEM CLEAR):
 * frames are given back, so the next touch finds zeros. */
void gstor_clear(struct gstor *s);

/* DIAGNOSE X'10': the pages first..last (page addresses within storage)
 * read as zeros from now on. Their frames go back, unless keep_frames
 * (a channel program may be using them): then they are zeroed. Keys stay.
 * Shadow tables that map these frames must be purged by the caller. */
void gstor_release_pages(struct gstor *s, uint32_t first, uint32_t last, bool keep_frames);

/* The ASCE of the guest-real space, for CR1 while the guest runs DAT off. */
uint64_t gstor_asce(const struct gstor *s);

/* The host address of guest real address raddr, giving the page a frame
 * if it has none. NULL if raddr is beyond storage or no frame is left. */
uint8_t *gstor_page(struct gstor *s, uint32_t raddr);
/* The host address if the page already has a frame, else NULL. */
uint8_t *gstor_page_if_present(const struct gstor *s, uint32_t raddr);

/* Storage keys of 2K blocks (7 bits: ACC F R C in bits 0-6 of a byte). */
uint8_t gstor_key(struct gstor *s, uint32_t raddr);
void gstor_set_key(struct gstor *s, uint32_t raddr, uint8_t key);
/* RRB: reset the reference bit; returns R and C before as 2*R + C. */
int gstor_reset_ref(struct gstor *s, uint32_t raddr);

/* Shared segments (vm/savesys.c): map the page at raddr onto frame, a
 * frame of CP's that other machines map too, read-only: a guest store is a
 * protection exception, CP's stores for the guest fail with
 * PGM_PROTECTION, and the frame is never given back with the storage. A
 * private frame the page had goes back. */
void gstor_map_shared(struct gstor *s, uint32_t raddr, uint8_t *frame);
bool gstor_is_shared(const struct gstor *s, uint32_t raddr);
/* Make the storage size bytes (4K multiple, at most GSTOR_MAX): larger
 * (new tables; the pages come on first touch) or smaller (the pages above
 * go, as by gstor_release_pages). Returns 0 or -1 (CP storage). */
int gstor_resize(struct gstor *s, uint32_t size);

/* A host translation exception at guest real address raddr: give the
 * page its frame. Returns 0, or PGM_ADDRESSING beyond the guest's storage. */
int gstor_fault(struct gstor *s, uint32_t raddr);

#endif
