/*
 * free.c - CMS free storage (the job of R6's DMSFRE): first fit over one
 * area, from the top of storage down, so the user program area below it
 * stays one piece. Blocks are doubleword multiples with an 8-byte header.
 */
#include <string.h>
#include "cms/nucleus/cms.h"

struct blk {
    uint32_t size; /* bytes, header included; 0 ends the list */
    uint32_t free;
};

static uint8_t *area_lo, *area_hi;

void free_init(uint32_t low, uint32_t high)
{
    area_lo = (uint8_t *)(uintptr_t)((low + 7) & ~7u);
    area_hi = (uint8_t *)(uintptr_t)(high & ~7u);
    struct blk *b = (struct blk *)area_lo;
    b->size = (uint32_t)(area_hi - area_lo);
    b->free = 1;
}

static struct blk *next(struct blk *b)
{
    uint8_t *n = (uint8_t *)b + b->size;
    return n >= area_hi ? NULL : (struct blk *)n;
}

void *cms_malloc(size_t n)
{
    uint32_t need = (uint32_t)((n + sizeof(struct blk) + 7) & ~(size_t)7);
    if (n > 0xFFFFFF)
        return NULL;
    struct blk *best = NULL;
    for (struct blk *b = (struct blk *)area_lo; b; b = next(b))
        if (b->free && b->size >= need)
            best = b; /* the highest one that fits */
    if (!best)
        return NULL;
    if (best->size - need >= sizeof(struct blk) + 8) {
        /* take the top end of the block */
        best->size -= need;
        struct blk *t = (struct blk *)((uint8_t *)best + best->size);
        t->size = need;
        t->free = 0;
        return t + 1;
    }
    best->free = 0;
    return best + 1;
}

void *cms_calloc(size_t n)
{
    void *p = cms_malloc(n);
    if (p)
        memset(p, 0, n);
    return p;
}

void cms_mfree(void *p)
{
    if (!p)
        return;
    struct blk *f = (struct blk *)p - 1;
    f->free = 1;
    /* merge free neighbours in one pass */
    for (struct blk *b = (struct blk *)area_lo; b; b = next(b)) {
        struct blk *n;
        while (b->free && (n = next(b)) && n->free)
            b->size += n->size;
    }
}

uint32_t free_user_top(void)
{
    struct blk *b = (struct blk *)area_lo;
    return b->free ? (uint32_t)(uintptr_t)((uint8_t *)b + b->size) : (uint32_t)(uintptr_t)area_lo;
}
