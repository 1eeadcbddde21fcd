/*
 * alloc.c - page frames and free storage (see alloc.h).
 *
 * The region begins with two tables: a bitmap of free pages and, per page,
 * a one-byte tag saying what the page is (free, the first page of a
 * kmalloc'd run, a run's continuation, or a size-class slab). kfree finds
 * a block's size from its page's tag, so blocks carry no header and a
 * 4 KB-aligned request wastes nothing. Size classes are powers of two from
 * 32 to 2048 bytes. Everything returned is zeroed.
 */
#include <stdbool.h>
#include <string.h>
#include "kern/alloc.h"

#define MIN_SHIFT 5  /* 32 bytes */
#define MAX_SHIFT 11 /* 2048 bytes */
#define NCLASSES  (MAX_SHIFT - MIN_SHIFT + 1)

enum {
    TAG_FREE = 0,
    TAG_SYSTEM = 1,  /* the allocator's own tables */
    TAG_RUN = 2,     /* first page of a large kmalloc run */
    TAG_RUNCONT = 3, /* later pages of a run */
    TAG_PAGES = 4,   /* first page of a pages_alloc run */
    TAG_SLAB = 16,   /* + class index: a page of blocks of one size */
};

struct freeblk {
    struct freeblk *next;
};

static struct {
    uint8_t *base;
    size_t npages;
    uint8_t *bitmap;  /* 1 = free */
    uint8_t *tag;     /* per page */
    uint32_t *runlen; /* per page: length of a run starting here */
    size_t hint;      /* where to start looking for free pages */
    struct freeblk *freelist[NCLASSES];
    struct alloc_stats st;
} A;

static bool page_free(size_t i) { return A.bitmap[i / 8] & (1u << (i % 8)); }
static void set_free(size_t i, bool f)
{
    if (f)
        A.bitmap[i / 8] |= (uint8_t)(1u << (i % 8));
    else
        A.bitmap[i / 8] &= (uint8_t) ~(1u << (i % 8));
}

void alloc_init(void *base, size_t size)
{
    memset(&A, 0, sizeof(A));
    A.base = base;
    A.npages = size / PAGE_SIZE;
    size_t bitmap_len = (A.npages + 7) / 8;
    size_t table_len = bitmap_len + A.npages + A.npages * sizeof(uint32_t);
    size_t sys_pages = (table_len + PAGE_SIZE - 1) / PAGE_SIZE;
    A.runlen = (uint32_t *)A.base;
    A.tag = A.base + A.npages * sizeof(uint32_t);
    A.bitmap = A.tag + A.npages;
    memset(A.base, 0, sys_pages * PAGE_SIZE);
    for (size_t i = 0; i < A.npages; i++) {
        bool sys = i < sys_pages;
        set_free(i, !sys);
        A.tag[i] = sys ? TAG_SYSTEM : TAG_FREE;
    }
    A.hint = sys_pages;
    A.st.pages_total = A.npages - sys_pages;
    A.st.pages_free = A.st.pages_total;
}

static void *take_run(size_t n, uint8_t first_tag)
{
    if (n == 0 || n > A.st.pages_free)
        return NULL;
    /* first fit, starting from the hint and wrapping once */
    for (int pass = 0; pass < 2; pass++) {
        size_t start = pass ? 0 : A.hint;
        size_t run = 0;
        for (size_t i = start; i < A.npages; i++) {
            run = page_free(i) ? run + 1 : 0;
            if (run == n) {
                size_t first = i + 1 - n;
                for (size_t j = first; j <= i; j++) {
                    set_free(j, false);
                    A.tag[j] = TAG_RUNCONT;
                }
                A.tag[first] = first_tag;
                A.runlen[first] = (uint32_t)n;
                A.st.pages_free -= n;
                A.hint = i + 1 < A.npages ? i + 1 : 0;
                void *p = A.base + first * PAGE_SIZE;
                memset(p, 0, n * PAGE_SIZE);
                return p;
            }
        }
    }
    return NULL;
}

static size_t page_index(const void *p)
{
    return (size_t)((const uint8_t *)p - A.base) / PAGE_SIZE;
}

void *pages_alloc(size_t n) { return take_run(n, TAG_PAGES); }

static void free_run(size_t first, size_t n)
{
    for (size_t j = first; j < first + n; j++) {
        set_free(j, true);
        A.tag[j] = TAG_FREE;
    }
    A.runlen[first] = 0;
    A.st.pages_free += n;
    if (first < A.hint)
        A.hint = first;
}

void pages_free(void *p, size_t n)
{
    if (!p)
        return;
    size_t first = page_index(p);
    if (first >= A.npages || A.tag[first] != TAG_PAGES || A.runlen[first] != n)
        return; /* not something pages_alloc gave out: ignore rather than corrupt */
    free_run(first, n);
}

static int class_of(size_t size)
{
    int c = 0;
    while (((size_t)1 << (MIN_SHIFT + c)) < size)
        c++;
    return c;
}

void *kmalloc(size_t size)
{
    A.st.calls++;
    if (size == 0)
        size = 1;
    if (size > ((size_t)1 << MAX_SHIFT)) {
        size_t n = (size + PAGE_SIZE - 1) / PAGE_SIZE;
        void *p = take_run(n, TAG_RUN);
        if (p)
            A.st.bytes_in_use += n * PAGE_SIZE;
        return p;
    }
    int c = class_of(size);
    size_t bsize = (size_t)1 << (MIN_SHIFT + c);
    if (!A.freelist[c]) {
        uint8_t *pg = take_run(1, (uint8_t)(TAG_SLAB + c));
        if (!pg)
            return NULL;
        for (size_t off = 0; off < PAGE_SIZE; off += bsize) {
            struct freeblk *b = (struct freeblk *)(pg + off);
            b->next = A.freelist[c];
            A.freelist[c] = b;
        }
    }
    struct freeblk *b = A.freelist[c];
    A.freelist[c] = b->next;
    memset(b, 0, bsize);
    A.st.bytes_in_use += bsize;
    return b;
}

void kfree(void *p)
{
    if (!p)
        return;
    size_t i = page_index(p);
    if (i >= A.npages)
        return;
    uint8_t tag = A.tag[i];
    if (tag == TAG_RUN && (uint8_t *)p == A.base + i * PAGE_SIZE) {
        size_t n = A.runlen[i];
        A.st.bytes_in_use -= n * PAGE_SIZE;
        free_run(i, n);
    } else if (tag >= TAG_SLAB && tag < TAG_SLAB + NCLASSES) {
        int c = tag - TAG_SLAB;
        struct freeblk *b = p;
        b->next = A.freelist[c];
        A.freelist[c] = b;
        A.st.bytes_in_use -= (size_t)1 << (MIN_SHIFT + c);
    }
    /* Slab pages are kept for reuse by their class; CP's mix of block sizes
     * is stable, so returning them to the page pool is not worth the cost. */
}

void alloc_get_stats(struct alloc_stats *st) { *st = A.st; }
