/*
 * gstor.c - a virtual machine's real storage (see gstor.h).
 *
 * Entry points: gstor_init, gstor_release, gstor_clear,
 * gstor_release_pages, gstor_asce,
 * gstor_page, gstor_fault, and the key functions. The segment table and
 * every page table the storage size needs are made at gstor_init; frames
 * come one at a time on first touch. A valid page-table entry is never
 * changed while the space may be in the TLB; tables and frames are only
 * given back together (release, clear), followed by PURGE TLB; DIAGNOSE
 * X'10' gives single frames back the same way, the entry made invalid
 * before the purge.
 */
#include <string.h>
#include "hw/s370.h"
#include "kern/alloc.h"
#include "machine/cpu.h"
#include "mm/gstor.h"

#define SEG_SHIFT  20
#define PAGE_SHIFT 12
#define BLK_SHIFT  11 /* 2K key blocks */

static int ops_read(void *ctx, uint32_t raddr, void *buf, uint32_t len);
static int ops_write(void *ctx, uint32_t raddr, const void *buf, uint32_t len);
static int ops_host_addr(void *ctx, uint32_t raddr, uint64_t *haddr);
static uint8_t ops_key(void *ctx, uint32_t raddr);

/* Page tables for every segment below size that has none. */
static int add_tables(struct gstor *s, uint32_t size)
{
    unsigned nseg = (size + (1u << SEG_SHIFT) - 1) >> SEG_SHIFT;
    for (unsigned i = 0; i < nseg; i++) {
        if (s->pgtab[i])
            continue;
        s->pgtab[i] = kmalloc(256 * sizeof(uint64_t)); /* 2K, so 2K aligned */
        if (!s->pgtab[i])
            return -1;
        for (int j = 0; j < 256; j++)
            s->pgtab[i][j] = ZPTE_INVALID;
        s->segtab[i] = (uint64_t)(uintptr_t)s->pgtab[i];
    }
    return 0;
}

static bool ops_readonly(void *ctx, uint32_t raddr);

/* Give back the frame of one valid entry (a shared one stays CP's). */
static void drop_frame(struct gstor *s, uint64_t *pte, uint32_t page)
{
    void *frame = (void *)(uintptr_t)(*pte & ~0xFFFULL);
    *pte = ZPTE_INVALID;
    if (s->shared[page >> PAGE_SHIFT]) {
        s->shared[page >> PAGE_SHIFT] = 0;
        return;
    }
    sske((uint64_t)(uintptr_t)frame, 0);
    pages_free(frame, 1);
    s->frames--;
}

int gstor_init(struct gstor *s, uint32_t size)
{
    memset(s, 0, sizeof(*s));
    size = (size + 4095) & ~4095u;
    if (size == 0 || size > GSTOR_MAX)
        return -1;
    s->size = size;
    s->segtab = pages_alloc(1);
    s->keys = kmalloc(GSTOR_MAX >> BLK_SHIFT);
    s->shared = kmalloc(GSTOR_MAX >> PAGE_SHIFT);
    if (!s->segtab || !s->keys || !s->shared) {
        gstor_release(s);
        return -1;
    }
    memset(s->keys, 0, GSTOR_MAX >> BLK_SHIFT);
    memset(s->shared, 0, GSTOR_MAX >> PAGE_SHIFT);
    for (int i = 0; i < 512; i++)
        s->segtab[i] = ZSTE_INVALID;
    if (add_tables(s, size) != 0) {
        gstor_release(s);
        return -1;
    }
    s->ops.ctx = s;
    s->ops.size = size;
    s->ops.read = ops_read;
    s->ops.write = ops_write;
    s->ops.host_addr = ops_host_addr;
    s->ops.key = ops_key;
    s->ops.readonly = ops_readonly;
    return 0;
}

static void free_frames(struct gstor *s)
{
    for (unsigned i = 0; i < GSTOR_SEGS; i++) {
        if (!s->pgtab[i])
            continue;
        for (int j = 0; j < 256; j++)
            if (!(s->pgtab[i][j] & ZPTE_INVALID))
                drop_frame(s, &s->pgtab[i][j], (i << SEG_SHIFT) | ((uint32_t)j << PAGE_SHIFT));
    }
    s->frames = 0;
    ptlb();
}

void gstor_release(struct gstor *s)
{
    free_frames(s);
    for (unsigned i = 0; i < GSTOR_SEGS; i++) {
        kfree(s->pgtab[i]);
        s->pgtab[i] = NULL;
    }
    if (s->segtab)
        pages_free(s->segtab, 1);
    kfree(s->keys);
    kfree(s->shared);
    s->segtab = NULL;
    s->keys = NULL;
    s->shared = NULL;
    s->size = 0;
}

void gstor_release_pages(struct gstor *s, uint32_t first, uint32_t last, bool keep_frames)
{
    bool freed = false;
    for (uint32_t a = first; a <= last && a < s->size; a += 4096) {
        uint64_t *pte = &s->pgtab[a >> SEG_SHIFT][(a >> PAGE_SHIFT) & 0xFF];
        if (*pte & ZPTE_INVALID)
            continue;
        void *frame = (void *)(uintptr_t)(*pte & ~0xFFFULL);
        if (keep_frames && !s->shared[a >> PAGE_SHIFT]) {
            memset(frame, 0, 4096);
            continue;
        }
        drop_frame(s, pte, a);
        freed = true;
        if (a + 4096 < a)
            break;
    }
    if (freed)
        ptlb(); /* no translation to a frame given back may stay in the TLB */
}

void gstor_clear(struct gstor *s)
{
    free_frames(s);
    memset(s->keys, 0, s->size >> BLK_SHIFT);
}

uint64_t gstor_asce(const struct gstor *s)
{
    return (uint64_t)(uintptr_t)s->segtab | ZASCE_DT_SEG; /* TL 0: 512 entries */
}

uint8_t *gstor_page_if_present(const struct gstor *s, uint32_t raddr)
{
    if (raddr >= s->size)
        return NULL;
    uint64_t pte = s->pgtab[raddr >> SEG_SHIFT][(raddr >> PAGE_SHIFT) & 0xFF];
    if (pte & ZPTE_INVALID)
        return NULL;
    return (uint8_t *)(uintptr_t)(pte & ~0xFFFULL) + (raddr & 0xFFF);
}

/* The host key of the frame of a page: ACC and F of its 2K blocks. When
 * the two blocks differ, the more protective one: a nonzero key before
 * key 0, fetch protection before none (one hardware key per 4K frame). */
static uint8_t frame_key(const struct gstor *s, uint32_t page)
{
    uint8_t a = s->keys[page >> BLK_SHIFT] & 0xF8, b = 0;
    if (page + 2048 < s->size)
        b = s->keys[(page >> BLK_SHIFT) + 1] & 0xF8;
    if (a == b || (a & 0xF0 && !(b & 0xF0)) || ((a & 0xF0) == (b & 0xF0) && (a & 0x08)))
        return a;
    return b;
}

uint8_t *gstor_page(struct gstor *s, uint32_t raddr)
{
    if (raddr >= s->size)
        return NULL;
    uint64_t *pte = &s->pgtab[raddr >> SEG_SHIFT][(raddr >> PAGE_SHIFT) & 0xFF];
    if (*pte & ZPTE_INVALID) {
        uint8_t *frame = pages_alloc(1);
        if (!frame)
            return NULL;
        sske((uint64_t)(uintptr_t)frame, frame_key(s, raddr & ~0xFFFu));
        *pte = (uint64_t)(uintptr_t)frame; /* invalid -> valid needs no purge */
        s->frames++;
    }
    return (uint8_t *)(uintptr_t)(*pte & ~0xFFFULL) + (raddr & 0xFFF);
}

int gstor_fault(struct gstor *s, uint32_t raddr)
{
    if (raddr >= s->size)
        return PGM_ADDRESSING;
    return gstor_page(s, raddr) ? 0 : -1;
}

/* ---------------------------------------------------------------- keys */

/* Reference and change are kept per 2K block in keys[]; the hardware
 * records them per 4K frame. Harvest: what the frame recorded since the
 * last look goes to both of its blocks, and the frame starts afresh. */
static void harvest(struct gstor *s, uint32_t page)
{
    uint8_t *p = gstor_page_if_present(s, page);
    if (!p)
        return;
    uint8_t k = iske((uint64_t)(uintptr_t)p);
    if (!(k & 0x06))
        return;
    s->keys[page >> BLK_SHIFT] |= k & 0x06;
    if (page + 2048 < s->size)
        s->keys[(page >> BLK_SHIFT) + 1] |= k & 0x06;
    sske((uint64_t)(uintptr_t)p, k & 0xF8);
}

uint8_t gstor_key(struct gstor *s, uint32_t raddr)
{
    harvest(s, raddr & ~0xFFFu);
    return s->keys[raddr >> BLK_SHIFT] & 0xFE;
}

void gstor_set_key(struct gstor *s, uint32_t raddr, uint8_t key)
{
    uint32_t page = raddr & ~0xFFFu;
    harvest(s, page);
    s->keys[raddr >> BLK_SHIFT] = key & 0xFE;
    uint8_t *p = gstor_page_if_present(s, page);
    if (p && !s->shared[page >> PAGE_SHIFT]) /* a shared frame's key is everybody's */
        sske((uint64_t)(uintptr_t)p, frame_key(s, page));
}

void gstor_map_shared(struct gstor *s, uint32_t raddr, uint8_t *frame)
{
    uint32_t page = raddr & ~0xFFFu;
    uint64_t *pte = &s->pgtab[page >> SEG_SHIFT][(page >> PAGE_SHIFT) & 0xFF];
    if (!(*pte & ZPTE_INVALID)) {
        drop_frame(s, pte, page);
        ptlb();
    }
    *pte = (uint64_t)(uintptr_t)frame | ZPTE_PROTECT;
    s->shared[page >> PAGE_SHIFT] = 1;
}

bool gstor_is_shared(const struct gstor *s, uint32_t raddr)
{
    return raddr < s->size && s->shared[raddr >> PAGE_SHIFT];
}

int gstor_resize(struct gstor *s, uint32_t size)
{
    size = (size + 4095) & ~4095u;
    if (size == 0 || size > GSTOR_MAX)
        return -1;
    if (size > s->size) {
        if (add_tables(s, size) != 0)
            return -1;
        memset(s->keys + (s->size >> BLK_SHIFT), 0, (size - s->size) >> BLK_SHIFT);
    } else if (size < s->size) {
        gstor_release_pages(s, size, s->size - 1, false);
    }
    s->size = size;
    s->ops.size = size;
    return 0;
}

int gstor_reset_ref(struct gstor *s, uint32_t raddr)
{
    harvest(s, raddr & ~0xFFFu);
    uint8_t *k = &s->keys[raddr >> BLK_SHIFT];
    int cc = ((*k & 0x04) ? 2 : 0) | ((*k & 0x02) ? 1 : 0);
    *k &= (uint8_t)~0x04;
    return cc;
}

/* ---------------------------------------------------------------- gmem operations */

static int ops_read(void *ctx, uint32_t raddr, void *buf, uint32_t len)
{
    struct gstor *s = ctx;
    uint8_t *out = buf;
    if ((uint64_t)raddr + len > s->size)
        return PGM_ADDRESSING;
    while (len > 0) {
        uint32_t n = 4096 - (raddr & 0xFFF);
        if (n > len)
            n = len;
        const uint8_t *p = gstor_page_if_present(s, raddr);
        if (p)
            memcpy(out, p, n);
        else
            memset(out, 0, n); /* untouched storage reads as zeros */
        out += n;
        raddr += n;
        len -= n;
    }
    return 0;
}

static int ops_write(void *ctx, uint32_t raddr, const void *buf, uint32_t len)
{
    struct gstor *s = ctx;
    const uint8_t *in = buf;
    if ((uint64_t)raddr + len > s->size)
        return PGM_ADDRESSING;
    while (len > 0) {
        uint32_t n = 4096 - (raddr & 0xFFF);
        if (n > len)
            n = len;
        if (s->shared[raddr >> PAGE_SHIFT])
            return PGM_PROTECTION; /* (checked page by page: CP's stores are small) */
        uint8_t *p = gstor_page(s, raddr);
        if (!p)
            return PGM_ADDRESSING;
        memcpy(p, in, n);
        in += n;
        raddr += n;
        len -= n;
    }
    return 0;
}

static int ops_host_addr(void *ctx, uint32_t raddr, uint64_t *haddr)
{
    uint8_t *p = gstor_page(ctx, raddr);
    if (!p)
        return PGM_ADDRESSING;
    *haddr = (uint64_t)(uintptr_t)p;
    return 0;
}

static uint8_t ops_key(void *ctx, uint32_t raddr) { return gstor_key(ctx, raddr); }

static bool ops_readonly(void *ctx, uint32_t raddr) { return gstor_is_shared(ctx, raddr); }
