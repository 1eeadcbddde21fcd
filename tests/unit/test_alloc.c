/*
 * test_alloc.c - CP's page frames and free storage (cp/kern/alloc.c), run
 * over an ordinary page-aligned buffer.
 *
 * The buffer is filled with garbage before alloc_init so "zeroed" means
 * something. Blocks must lie inside the region, never overlap, be page
 * aligned when larger than the biggest size class, and keep their contents
 * until freed. Exhaustion returns NULL. A long randomized run (fixed seed)
 * keeps a shadow table of live blocks and checks every block's pattern
 * before it is freed.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kern/alloc.h"
#include "unit.h"

#define REGION_PAGES 256
#define REGION       (REGION_PAGES * PAGE_SIZE)

static uint8_t *region;

static void setup(size_t pages)
{
    free(region);
    region = aligned_alloc(PAGE_SIZE, pages * PAGE_SIZE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(region);
    memset(region, 0xA5, pages * PAGE_SIZE);
    alloc_init(region, pages * PAGE_SIZE);
}

static void teardown(void)
{
    free(region);
    region = NULL;
}

static struct alloc_stats stats(void)
{
    struct alloc_stats st;
    alloc_get_stats(&st);
    return st;
}

static bool inside(const void *p, size_t n, size_t region_len)
{
    const uint8_t *b = p;
    return b >= region && b + n <= region + region_len;
}

static bool all_bytes(const void *p, size_t n, uint8_t v)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != v)
            return false;
    return true;
}

static bool overlap(const void *a, size_t an, const void *b, size_t bn)
{
    uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
    return x < y + bn && y < x + an;
}

/* ---------------------------------------------------------------- init */

static void test_init(void)
{
    setup(REGION_PAGES);
    struct alloc_stats st = stats();
    /* the tables take a page or two at the start; the rest is free */
    CU_ASSERT(st.pages_total < REGION_PAGES && st.pages_total >= REGION_PAGES - 2);
    CU_ASSERT_EQUAL(st.pages_free, st.pages_total);
    CU_ASSERT_EQUAL(st.bytes_in_use, 0);
    CU_ASSERT_EQUAL(st.calls, 0);

    /* a size that is not whole pages is rounded down */
    free(region);
    region = aligned_alloc(PAGE_SIZE, 16 * PAGE_SIZE);
    alloc_init(region, 16 * PAGE_SIZE - 1);
    st = stats();
    CU_ASSERT(st.pages_total < 15 && st.pages_total >= 13);
    /* re-initialising forgets everything */
    CU_ASSERT_PTR_NOT_NULL(pages_alloc(3));
    alloc_init(region, 16 * PAGE_SIZE);
    CU_ASSERT_EQUAL(stats().pages_free, stats().pages_total);
    CU_ASSERT(stats().pages_total >= 14);
    teardown();
}

/* ---------------------------------------------------------------- kmalloc */

static const size_t sizes[] = {1,    2,    7,    8,    31,   32,   33,   63,   64,   65,
                               100,  128,  255,  256,  257,  500,  512,  1000, 1024, 1025,
                               2000, 2047, 2048, 2049, 3000, 4095, 4096, 4097, 8191, 8192};

static void test_kmalloc_sizes(void)
{
    setup(REGION_PAGES);
    void *blk[NELEM(sizes)];
    size_t in_use = 0;
    for (size_t i = 0; i < NELEM(sizes); i++) {
        size_t n = sizes[i];
        size_t before = stats().bytes_in_use;
        void *p = kmalloc(n);
        blk[i] = p;
        CU_ASSERT_PTR_NOT_NULL_FATAL(p);
        CU_ASSERT_TRUE(inside(p, n, REGION));
        CU_ASSERT_TRUE(all_bytes(p, n, 0));
        CU_ASSERT_EQUAL((uintptr_t)p % 8, 0);
        if (n > 2048)
            CU_ASSERT_EQUAL((uintptr_t)p % PAGE_SIZE, 0);
        /* bytes in use grow by at least the size, by less than twice it rounded to a class */
        size_t grew = stats().bytes_in_use - before;
        CU_ASSERT(grew >= n);
        if (n <= 2048) {
            CU_ASSERT(grew < 2 * n + 32);
        } else {
            CU_ASSERT(grew % PAGE_SIZE == 0 && grew < n + PAGE_SIZE);
        }
        in_use += grew;
        memset(p, (int)(i + 1), n);
    }
    CU_ASSERT_EQUAL(stats().calls, NELEM(sizes));
    CU_ASSERT_EQUAL(stats().bytes_in_use, in_use);
    /* no two overlap and every one kept its contents */
    for (size_t i = 0; i < NELEM(sizes); i++) {
        CU_ASSERT_TRUE(all_bytes(blk[i], sizes[i], (uint8_t)(i + 1)));
        for (size_t j = 0; j < i; j++)
            CU_ASSERT_FALSE(overlap(blk[i], sizes[i], blk[j], sizes[j]));
    }
    for (size_t i = 0; i < NELEM(sizes); i++)
        kfree(blk[i]);
    CU_ASSERT_EQUAL(stats().bytes_in_use, 0);
    kfree(NULL); /* harmless */
    CU_ASSERT_EQUAL(stats().bytes_in_use, 0);
    teardown();
}

/* A freed block is handed out again, zeroed. */
static void test_reuse(void)
{
    setup(REGION_PAGES);
    for (size_t i = 0; i < NELEM(sizes); i++) {
        size_t n = sizes[i];
        uint8_t *p = kmalloc(n);
        CU_ASSERT_PTR_NOT_NULL_FATAL(p);
        memset(p, 0xFF, n);
        kfree(p);
        uint8_t *q = kmalloc(n);
        CU_ASSERT_PTR_NOT_NULL_FATAL(q);
        CU_ASSERT_TRUE(all_bytes(q, n, 0));
        kfree(q);
    }
    /* freeing and allocating the same size in a loop does not use up storage */
    size_t free_before = stats().pages_free;
    for (int k = 0; k < 10000; k++) {
        void *p = kmalloc(100 + (size_t)k % 3000);
        CU_ASSERT_PTR_NOT_NULL_FATAL(p);
        kfree(p);
    }
    CU_ASSERT(stats().pages_free + 8 >= free_before);
    CU_ASSERT_EQUAL(stats().bytes_in_use, 0);
    teardown();
}

/* Many small blocks of one size: all distinct, all inside, all kept. */
static void test_many_small(void)
{
    setup(REGION_PAGES);
    enum { N = 2000 };
    static uint32_t *p[N];
    for (int i = 0; i < N; i++) {
        p[i] = kmalloc(sizeof(uint32_t) * 4);
        CU_ASSERT_PTR_NOT_NULL_FATAL(p[i]);
        CU_ASSERT_TRUE(inside(p[i], 16, REGION));
        for (int k = 0; k < 4; k++)
            p[i][k] = (uint32_t)(i * 4 + k);
    }
    for (int i = 0; i < N; i++)
        for (int k = 0; k < 4; k++)
            CU_ASSERT_EQUAL_FATAL(p[i][k], (uint32_t)(i * 4 + k));
    for (int i = 0; i < N; i += 2)
        kfree(p[i]);
    for (int i = 1; i < N; i += 2)
        for (int k = 0; k < 4; k++)
            CU_ASSERT_EQUAL_FATAL(p[i][k], (uint32_t)(i * 4 + k));
    for (int i = 1; i < N; i += 2)
        kfree(p[i]);
    CU_ASSERT_EQUAL(stats().bytes_in_use, 0);
    teardown();
}

/* ---------------------------------------------------------------- pages */

static void test_pages(void)
{
    setup(REGION_PAGES);
    size_t total = stats().pages_total;
    static const size_t runs[] = {1, 2, 5, 16, 1, 31};
    uint8_t *p[NELEM(runs)];
    size_t used = 0;
    for (size_t i = 0; i < NELEM(runs); i++) {
        p[i] = pages_alloc(runs[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(p[i]);
        CU_ASSERT_EQUAL((uintptr_t)p[i] % PAGE_SIZE, 0);
        CU_ASSERT_TRUE(inside(p[i], runs[i] * PAGE_SIZE, REGION));
        CU_ASSERT_TRUE(all_bytes(p[i], runs[i] * PAGE_SIZE, 0));
        memset(p[i], 0x10 + (int)i, runs[i] * PAGE_SIZE);
        used += runs[i];
        CU_ASSERT_EQUAL(stats().pages_free, total - used);
    }
    for (size_t i = 0; i < NELEM(runs); i++) {
        CU_ASSERT_TRUE(all_bytes(p[i], runs[i] * PAGE_SIZE, (uint8_t)(0x10 + i)));
        for (size_t j = 0; j < i; j++)
            CU_ASSERT_FALSE(overlap(p[i], runs[i] * PAGE_SIZE, p[j], runs[j] * PAGE_SIZE));
    }
    CU_ASSERT_EQUAL(stats().bytes_in_use, 0); /* pages are not free storage */

    /* freeing with the wrong length is ignored, not half-done */
    pages_free(p[2], 4);
    pages_free(p[2] + PAGE_SIZE, 4);
    CU_ASSERT_EQUAL(stats().pages_free, total - used);
    for (size_t i = 0; i < NELEM(runs); i++) {
        pages_free(p[i], runs[i]);
        used -= runs[i];
        CU_ASSERT_EQUAL(stats().pages_free, total - used);
    }
    /* freeing twice is ignored too */
    pages_free(p[0], runs[0]);
    CU_ASSERT_EQUAL(stats().pages_free, total);
    /* zero pages, and more than there are */
    CU_ASSERT_PTR_NULL(pages_alloc(0));
    CU_ASSERT_PTR_NULL(pages_alloc(total + 1));
    CU_ASSERT_PTR_NULL(pages_alloc((size_t)-1));
    /* all of them in one run */
    uint8_t *all = pages_alloc(total);
    CU_ASSERT_PTR_NOT_NULL_FATAL(all);
    CU_ASSERT_TRUE(inside(all, total * PAGE_SIZE, REGION));
    CU_ASSERT_TRUE(all_bytes(all, total * PAGE_SIZE, 0));
    CU_ASSERT_EQUAL(stats().pages_free, 0);
    pages_free(all, total);
    CU_ASSERT_EQUAL(stats().pages_free, total);
    teardown();
}

/* A run must be contiguous: free pages scattered one by one do not make one. */
static void test_fragmentation(void)
{
    setup(64);
    size_t total = stats().pages_total;
    static uint8_t *pg[64];
    for (size_t i = 0; i < total; i++) {
        pg[i] = pages_alloc(1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(pg[i]);
    }
    CU_ASSERT_PTR_NULL(pages_alloc(1));
    /* the pages come out in address order */
    uint8_t *lo = pg[0];
    for (size_t i = 0; i < total; i++)
        if (pg[i] < lo)
            lo = pg[i];
    /* free every other page by address */
    size_t freed = 0;
    for (size_t i = 0; i < total; i++)
        if ((size_t)(pg[i] - lo) / PAGE_SIZE % 2 == 0) {
            memset(pg[i], 0xCC, PAGE_SIZE);
            pages_free(pg[i], 1);
            pg[i] = NULL;
            freed++;
        }
    CU_ASSERT_EQUAL(stats().pages_free, freed);
    CU_ASSERT_PTR_NULL(pages_alloc(2));
    CU_ASSERT_PTR_NULL(kmalloc(4097)); /* two pages, and no two are adjacent */
    /* free one neighbour: now there is exactly one run of three */
    for (size_t i = 0; i < total; i++)
        if (pg[i] && (size_t)(pg[i] - lo) / PAGE_SIZE == 5) {
            pages_free(pg[i], 1);
            pg[i] = NULL;
        }
    uint8_t *three = pages_alloc(3);
    CU_ASSERT_PTR_EQUAL(three, lo + 4 * PAGE_SIZE);
    CU_ASSERT_TRUE(all_bytes(three, 3 * PAGE_SIZE, 0));
    CU_ASSERT_PTR_NULL(pages_alloc(2));
    CU_ASSERT_PTR_NOT_NULL(pages_alloc(1));
    teardown();
}

/* ---------------------------------------------------------------- exhaustion */

static void test_exhaustion(void)
{
    setup(32);
    size_t total = stats().pages_total;
    /* large blocks until none is left */
    static void *big[64];
    size_t n = 0;
    while (n < 64 && (big[n] = kmalloc(5000)) != NULL)
        n++;
    CU_ASSERT_EQUAL(n, total / 2);
    CU_ASSERT_PTR_NULL(kmalloc(5000));
    CU_ASSERT_PTR_NULL(kmalloc((size_t)1 << 40));
    CU_ASSERT_PTR_NULL(kmalloc((size_t)-1));
    if (total % 2 == 0) {
        CU_ASSERT_PTR_NULL(kmalloc(3000));
        CU_ASSERT_PTR_NULL(kmalloc(16)); /* no slab page can be had either */
        CU_ASSERT_PTR_NULL(pages_alloc(1));
    }
    /* give one back: it can be had again */
    kfree(big[0]);
    CU_ASSERT_EQUAL(stats().pages_free, 2 + total % 2);
    big[0] = kmalloc(8000);
    CU_ASSERT_PTR_NOT_NULL(big[0]);
    for (size_t i = 0; i < n; i++)
        kfree(big[i]);
    CU_ASSERT_EQUAL(stats().pages_free, total);
    CU_ASSERT_EQUAL(stats().bytes_in_use, 0);

    /* small blocks until none is left: the last page's blocks, then NULL */
    static void *small[32 * 16];
    n = 0;
    while (n < NELEM(small) && (small[n] = kmalloc(256)) != NULL)
        n++;
    CU_ASSERT_EQUAL(n, total * (PAGE_SIZE / 256));
    CU_ASSERT_EQUAL(stats().pages_free, 0);
    CU_ASSERT_PTR_NULL(kmalloc(256));
    CU_ASSERT_PTR_NULL(kmalloc(1));
    CU_ASSERT_PTR_NULL(pages_alloc(1));
    kfree(small[7]);
    void *again = kmalloc(200);
    CU_ASSERT_PTR_EQUAL(again, small[7]);
    teardown();
}

/* ---------------------------------------------------------------- randomized */

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

enum { LIVE = 400 };

static struct {
    uint8_t *p;
    size_t n;
    bool pages; /* from pages_alloc: n is in pages */
    uint8_t fill;
} live[LIVE];

static size_t bytes_of(int i) { return live[i].pages ? live[i].n * PAGE_SIZE : live[i].n; }

static void test_random(void)
{
    enum { PAGES = 200 };
    setup(PAGES);
    rng = 0x9E3779B97F4A7C15ull;
    memset(live, 0, sizeof(live));
    size_t total = stats().pages_total;
    int allocs = 0, frees = 0, nulls = 0, bad = 0;
    for (int step = 0; step < 40000 && !bad; step++) {
        int i = (int)(next_rand() % LIVE);
        if (live[i].p) {
            /* verify, then free */
            if (!all_bytes(live[i].p, bytes_of(i), live[i].fill)) {
                printf("\n    step %d: block %d (%zu bytes) clobbered", step, i, bytes_of(i));
                bad++;
            }
            if (live[i].pages)
                pages_free(live[i].p, live[i].n);
            else
                kfree(live[i].p);
            live[i].p = NULL;
            frees++;
            continue;
        }
        uint32_t r = next_rand();
        size_t n;
        bool pages = false;
        switch (r % 16) {
        case 0:
            n = 1 + next_rand() % 4;
            pages = true;
            break;
        case 1:
        case 2: n = 2049 + next_rand() % 14000; break;
        default: n = 1 + next_rand() % 2048; break;
        }
        uint8_t *p = pages ? pages_alloc(n) : kmalloc(n);
        if (!p) {
            nulls++;
            continue;
        }
        size_t len = pages ? n * PAGE_SIZE : n;
        if (!inside(p, len, (size_t)PAGES * PAGE_SIZE) || !all_bytes(p, len, 0)) {
            printf("\n    step %d: %zu bytes at %p outside or not zeroed", step, len, (void *)p);
            bad++;
        }
        if ((pages || n > 2048) && (uintptr_t)p % PAGE_SIZE) {
            printf("\n    step %d: %zu bytes not page aligned", step, len);
            bad++;
        }
        for (int j = 0; j < LIVE; j++)
            if (live[j].p && overlap(p, len, live[j].p, bytes_of(j))) {
                printf("\n    step %d: new block overlaps block %d", step, j);
                bad++;
            }
        live[i].p = p;
        live[i].n = n;
        live[i].pages = pages;
        live[i].fill = (uint8_t)(1 + next_rand() % 255);
        memset(p, live[i].fill, len);
        allocs++;
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(allocs > 10000 && frees > 10000);
    size_t in_use = 0;
    for (int i = 0; i < LIVE; i++)
        if (live[i].p && !live[i].pages)
            in_use += live[i].n;
    CU_ASSERT(stats().bytes_in_use >= in_use);
    for (int i = 0; i < LIVE; i++) {
        if (!live[i].p)
            continue;
        CU_ASSERT_TRUE(all_bytes(live[i].p, bytes_of(i), live[i].fill));
        if (live[i].pages)
            pages_free(live[i].p, live[i].n);
        else
            kfree(live[i].p);
        live[i].p = NULL;
    }
    CU_ASSERT_EQUAL(stats().bytes_in_use, 0);
    CU_ASSERT(stats().pages_free <= total);
    /* the free count is true: exactly that many pages can still be had */
    size_t left = stats().pages_free, got = 0;
    while (got <= left && pages_alloc(1))
        got++;
    CU_ASSERT_EQUAL(got, left);
    CU_ASSERT(left > total / 2); /* slab pages kept for reuse are a minority */
    printf(" (%d allocations, %d frees, %d refused) ", allocs, frees, nulls);
    teardown();
}

static CU_TestInfo cases[] = {
    {"alloc_init", test_init},
    {"kmalloc sizes 1-8192", test_kmalloc_sizes},
    {"kfree and reuse", test_reuse},
    {"many small blocks", test_many_small},
    {"page runs", test_pages},
    {"runs are contiguous", test_fragmentation},
    {"exhaustion returns NULL", test_exhaustion},
    {"randomized with a shadow table", test_random},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("alloc", cases);
