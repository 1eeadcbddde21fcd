/*
 * free.c - CMS free storage (the job of R6's DMSFRE): first fit over one
 * area, from the top of storage down, so the user program area below it
 * stays one piece. Blocks are doubleword multiples with an 8-byte header.
 *
 * Each block belongs to the nucleus or to the user (DMSFREE TYPE=USER,
 * SVC 203): user blocks are all given back when a program ends
 * (free_release_user). While a program is loaded, the storage from the
 * start of the area to the end of its image is not free storage at all
 * (free_take_user_area): the list then starts after it, so loading the
 * program cannot overwrite a block's header.
 */
#include <string.h>
#include "cms/nucleus/cms.h"

enum { B_NUCLEUS = 0, B_FREE = 1, B_USER = 2 };

struct blk {
    uint32_t size; /* bytes, header included */
    uint32_t kind; /* B_FREE, B_NUCLEUS, B_USER */
};

static uint8_t *area_base;         /* where free storage starts with no program loaded */
static uint8_t *area_lo, *area_hi; /* the blocks now */

void free_init(uint32_t low, uint32_t high)
{
    area_base = area_lo = (uint8_t *)(uintptr_t)((low + 7) & ~7u);
    area_hi = (uint8_t *)(uintptr_t)(high & ~7u);
    struct blk *b = (struct blk *)area_lo;
    b->size = (uint32_t)(area_hi - area_lo);
    b->kind = B_FREE;
}

static struct blk *first(void) { return area_lo < area_hi ? (struct blk *)area_lo : NULL; }

static struct blk *next(struct blk *b)
{
    uint8_t *n = (uint8_t *)b + b->size;
    return n >= area_hi ? NULL : (struct blk *)n;
}

static void *take(size_t n, uint32_t kind)
{
    uint32_t need = (uint32_t)((n + sizeof(struct blk) + 7) & ~(size_t)7);
    if (n > 0xFFFFFF)
        return NULL;
    struct blk *best = NULL;
    for (struct blk *b = first(); b; b = next(b))
        if (b->kind == B_FREE && b->size >= need)
            best = b; /* the highest one that fits */
    if (!best)
        return NULL;
    if (best->size - need >= sizeof(struct blk) + 8) {
        /* take the top end of the block */
        best->size -= need;
        struct blk *t = (struct blk *)((uint8_t *)best + best->size);
        t->size = need;
        t->kind = kind;
        return t + 1;
    }
    best->kind = kind;
    return best + 1;
}

void *cms_malloc(size_t n) { return take(n, B_NUCLEUS); }

void *cms_calloc(size_t n)
{
    void *p = cms_malloc(n);
    if (p)
        memset(p, 0, n);
    return p;
}

static void merge(void)
{
    for (struct blk *b = first(); b; b = next(b)) {
        struct blk *n;
        while (b->kind == B_FREE && (n = next(b)) && n->kind == B_FREE)
            b->size += n->size;
    }
}

void cms_mfree(void *p)
{
    if (!p)
        return;
    struct blk *f = (struct blk *)p - 1;
    f->kind = B_FREE;
    merge();
}

void *free_user_get(size_t n) { return take(n, B_USER); }

/* Is p a block handed out to the user of at least n bytes? */
static struct blk *user_block(const void *p, size_t n)
{
    for (struct blk *b = first(); b; b = next(b))
        if ((void *)(b + 1) == p)
            return b->kind == B_USER && b->size - sizeof(*b) >= n ? b : NULL;
    return NULL;
}

bool free_user_put(void *p, size_t n)
{
    struct blk *b = user_block(p, n);
    if (!b)
        return false;
    b->kind = B_FREE;
    merge();
    return true;
}

void free_release_user(void)
{
    for (struct blk *b = first(); b; b = next(b))
        if (b->kind == B_USER)
            b->kind = B_FREE;
    if (area_lo != area_base) { /* the program's storage is free storage again */
        struct blk *h = (struct blk *)area_base;
        h->size = (uint32_t)(area_lo - area_base);
        h->kind = B_FREE;
        area_lo = area_base;
    }
    merge();
}

uint32_t free_user_top(void)
{
    struct blk *b = first();
    if (area_lo != area_base)
        return (uint32_t)(uintptr_t)area_lo; /* a program is loaded */
    return b && b->kind == B_FREE ? (uint32_t)(uintptr_t)((uint8_t *)b + b->size)
                                  : (uint32_t)(uintptr_t)area_lo;
}

bool free_take_user_area(uint32_t top)
{
    uint8_t *at = (uint8_t *)(uintptr_t)((top + 7) & ~7u);
    struct blk *b = first();
    if (area_lo != area_base || !b || b->kind != B_FREE)
        return false;
    uint8_t *end = (uint8_t *)b + b->size;
    if (at == end) {
        area_lo = at; /* the program takes the whole first block */
        return true;
    }
    if (at > end || (size_t)(end - at) < sizeof(struct blk) + 8)
        return false;
    struct blk *rest = (struct blk *)at;
    rest->size = (uint32_t)(end - at);
    rest->kind = B_FREE;
    area_lo = at;
    return true;
}
