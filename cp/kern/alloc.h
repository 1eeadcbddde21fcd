/*
 * alloc.h - CP's real storage: page frames and free storage (≈ DMKFRE for
 * free storage, the core table of DMKPTR for frames).
 *
 * alloc_init hands the allocator one contiguous region. Pages (4 KB frames)
 * are tracked in a bitmap kept at the start of the region; free storage
 * requests up to 2 KB come from per-size free lists carved out of pages,
 * larger ones take whole contiguous pages. Portable: the host unit tests
 * run it over an ordinary buffer.
 */
#ifndef CP_KERN_ALLOC_H
#define CP_KERN_ALLOC_H

#include <stddef.h>
#include <stdint.h>

#define PAGE_SIZE 4096u

struct alloc_stats {
    size_t pages_total;
    size_t pages_free;
    size_t bytes_in_use; /* free storage handed out, rounded to its size class */
    size_t calls;        /* kmalloc calls so far */
};

/* base must be page aligned; size is rounded down to pages. */
void alloc_init(void *base, size_t size);

/* n contiguous page frames, zeroed; NULL if none. */
void *pages_alloc(size_t n);
void pages_free(void *p, size_t n);

/* Free storage: zeroed blocks; NULL when storage is exhausted (callers
 * report it: CP never assumes an allocation succeeds). */
void *kmalloc(size_t size);
void kfree(void *p);

void alloc_get_stats(struct alloc_stats *st);

#endif
