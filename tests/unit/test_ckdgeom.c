/*
 * test_ckdgeom.c - the CKD geometry table and track-capacity arithmetic
 * (dasd/ckdgeom.c).
 *
 * The expected values are device facts from IBM's track-capacity tables,
 * not recomputed from the formulas: how many 4 KB records a track holds,
 * the largest record that fits n to a track, the largest single record
 * (R1), and the track sizes of Hercules CKD images.
 */
#include <stdio.h>
#include <string.h>
#include "dasd/ckdgeom.h"
#include "unit.h"

/* ---------------------------------------------------------------- records per track */

static const struct {
    const char *dev;
    unsigned kl, dl;
    unsigned per_track;
} per_track[] = {
    {"3330", 0, 4096, 3},  {"3330-11", 0, 4096, 3}, {"3350", 0, 4096, 4},
    {"3380", 0, 4096, 10}, {"3380-E", 0, 4096, 10}, {"3380-K", 0, 4096, 10},
    {"3390", 0, 4096, 12}, {"3390-3", 0, 4096, 12}, {"3390-9", 0, 4096, 12},
    {"3390", 0, 8192, 6},  {"3380", 0, 8192, 5},    {"3350", 0, 8192, 2},
    {"3330", 0, 8192, 1},  {"3380", 8, 4096, 9}, /* a key costs a 3380 one record */
    {"3390", 0, 80, 78},   {"3380", 0, 80, 83},
};

static void test_recs_per_track(void)
{
    for (size_t i = 0; i < NELEM(per_track); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(per_track[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        unsigned n = ckd_recs_per_track(g, per_track[i].kl, per_track[i].dl);
        if (n != per_track[i].per_track)
            printf("\n    %s KL %u DL %u: %u per track, expected %u", per_track[i].dev,
                   per_track[i].kl, per_track[i].dl, n, per_track[i].per_track);
        CU_ASSERT_EQUAL(n, per_track[i].per_track);
    }
}

/*
 * The published tables: the largest key-less record of which n fit on a
 * track. n fit at that length, one byte more and only n-1 do.
 */
static const struct {
    const char *dev;
    unsigned n, maxlen;
} blocking[] = {
    {"3330", 1, 13030}, {"3330", 2, 6447},  {"3330", 3, 4253},  {"3330", 4, 3156},
    {"3350", 1, 19069}, {"3350", 2, 9442},  {"3350", 3, 6233},  {"3350", 4, 4628},
    {"3380", 1, 47476}, {"3380", 2, 23476}, {"3380", 3, 15476}, {"3380", 4, 11476},
    {"3380", 5, 9076},  {"3380", 6, 7476},  {"3380", 10, 4276}, {"3390", 1, 56664},
    {"3390", 2, 27998}, {"3390", 3, 18452}, {"3390", 4, 13682}, {"3390", 5, 10796},
    {"3390", 6, 8906},  {"3390", 7, 7548},  {"3390", 8, 6518},  {"3390", 10, 5064},
    {"3390", 12, 4136},
};

static void test_blocking_table(void)
{
    for (size_t i = 0; i < NELEM(blocking); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(blocking[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        unsigned at = ckd_recs_per_track(g, 0, blocking[i].maxlen);
        unsigned over = ckd_recs_per_track(g, 0, blocking[i].maxlen + 1);
        if (at != blocking[i].n || over != blocking[i].n - 1)
            printf("\n    %s %u bytes: %u per track (%u at one more), expected %u", blocking[i].dev,
                   blocking[i].maxlen, at, over, blocking[i].n);
        CU_ASSERT_EQUAL(at, blocking[i].n);
        CU_ASSERT_EQUAL(over, blocking[i].n - 1);
    }
}

/* ---------------------------------------------------------------- the largest record */

static const struct {
    const char *dev;
    uint32_t maxr1;
} maxr1[] = {
    {"3330", 13030},   {"3330-11", 13030}, {"3350", 19069},   {"3380", 47476},
    {"3380-K", 47476}, {"3390", 56664},    {"3390-9", 56664},
};

static void test_largest_record(void)
{
    for (size_t i = 0; i < NELEM(maxr1); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(maxr1[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        CU_ASSERT_EQUAL(g->maxr1, maxr1[i].maxr1);
        uint32_t used = 12345;
        CU_ASSERT_TRUE(ckd_record_fits(g, 0, 0, maxr1[i].maxr1, &used));
        CU_ASSERT(used > 0 && used <= g->trklen);
        uint32_t untouched = 777;
        CU_ASSERT_FALSE(ckd_record_fits(g, 0, 0, maxr1[i].maxr1 + 1, &untouched));
        CU_ASSERT_EQUAL(untouched, 777); /* not updated on refusal */
        CU_ASSERT_EQUAL(ckd_recs_per_track(g, 0, maxr1[i].maxr1), 1);
        CU_ASSERT_EQUAL(ckd_recs_per_track(g, 0, maxr1[i].maxr1 + 1), 0);
        /* nothing else fits beside it, not even an empty record */
        CU_ASSERT_FALSE(ckd_record_fits(g, used, 0, 0, NULL));
        /* a key takes room too */
        CU_ASSERT_FALSE(ckd_record_fits(g, 0, 1, maxr1[i].maxr1, NULL));
    }
}

/* Filling a track record by record stops exactly at the records-per-track count. */
static void test_fill_track(void)
{
    for (size_t i = 0; i < NELEM(per_track); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(per_track[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        uint32_t used = 0;
        unsigned n = 0;
        while (n < 1000 && ckd_record_fits(g, used, per_track[i].kl, per_track[i].dl, &used))
            n++;
        CU_ASSERT_EQUAL(n, per_track[i].per_track);
        CU_ASSERT(used <= g->trklen);
    }
}

/* Record space grows with the data and never shrinks. */
static void test_space_monotonic(void)
{
    for (const struct ckd_geom *g = ckd_geom_table; g->name; g++) {
        uint32_t prev = 0;
        for (unsigned dl = 0; dl <= g->maxr1; dl += 97) {
            uint32_t s = ckd_record_space(g, 0, dl);
            CU_ASSERT(s >= prev);
            CU_ASSERT(s > dl);
            CU_ASSERT(ckd_record_space(g, 4, dl) > s);
            prev = s;
        }
    }
}

/* ---------------------------------------------------------------- images and lookups */

static const struct {
    const char *dev;
    uint32_t trksize;
    uint8_t devcode;
} image[] = {
    {"3350", 19456, 0x50}, {"3380", 47616, 0x80},   {"3380-K", 47616, 0x80},
    {"3390", 56832, 0x90}, {"3390-9", 56832, 0x90}, {"3330", 0, 0x30},
};

static void test_image_track_size(void)
{
    for (size_t i = 0; i < NELEM(image); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(image[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        uint32_t t = ckd_image_track_size(g);
        if (image[i].trksize)
            CU_ASSERT_EQUAL(t, image[i].trksize);
        /* whole 512-byte blocks, room for R0, the largest record and the end marker */
        CU_ASSERT_EQUAL(t % 512, 0);
        CU_ASSERT(t >= 5 + 8 + 8 + 8 + g->maxr1 + 8);
        CU_ASSERT_EQUAL(ckd_image_devcode(g), image[i].devcode);
    }
}

static const struct {
    const char *name;
    uint16_t devtype;
    uint16_t cyls, heads;
    const char *cu;
} names[] = {
    {"3330", 0x3330, 404, 19, "3830"},    {"3330-11", 0x3330, 808, 19, "3830"},
    {"3350", 0x3350, 555, 30, "3830"},    {"3380", 0x3380, 885, 15, "3880"},
    {"3380-E", 0x3380, 1770, 15, "3880"}, {"3380-K", 0x3380, 2655, 15, "3880"},
    {"3390", 0x3390, 1113, 15, "3990"},   {"3390-2", 0x3390, 2226, 15, "3990"},
    {"3390-3", 0x3390, 3339, 15, "3990"}, {"3390-9", 0x3390, 10017, 15, "3990"},
};

static void test_by_name(void)
{
    for (size_t i = 0; i < NELEM(names); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(names[i].name);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        CU_ASSERT_STRING_EQUAL(g->name, names[i].name);
        CU_ASSERT_EQUAL(g->devtype, names[i].devtype);
        CU_ASSERT_EQUAL(g->cyls, names[i].cyls);
        CU_ASSERT_EQUAL(g->heads, names[i].heads);
        CU_ASSERT_STRING_EQUAL(g->cu, names[i].cu);
    }
}

static const char *const unknown[] = {
    "",      "3340",  "2314",   "3375",   "9345",  "3350-1", "3390-27", "3390-",
    "3390 ", " 3390", "3390-a", "3380-k", "33900", "339",    "FBA",
};

static void test_unknown_names(void)
{
    for (size_t i = 0; i < NELEM(unknown); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(unknown[i]);
        if (g)
            printf("\n    \"%s\" was found as %s", unknown[i], g->name);
        CU_ASSERT_PTR_NULL(g);
    }
}

static const struct {
    uint16_t devtype;
    const char *base; /* NULL: not supported */
} types[] = {
    {0x3330, "3330"}, {0x3350, "3350"}, {0x3380, "3380"}, {0x3390, "3390"},
    {0x3340, NULL},   {0x2314, NULL},   {0x3375, NULL},   {0x0000, NULL},
    {0x3370, NULL},   {0x9345, NULL},   {0xFFFF, NULL},
};

static void test_by_type(void)
{
    for (size_t i = 0; i < NELEM(types); i++) {
        const struct ckd_geom *g = ckd_geom_by_type(types[i].devtype);
        if (!types[i].base) {
            CU_ASSERT_PTR_NULL(g);
            continue;
        }
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        CU_ASSERT_STRING_EQUAL(g->name, types[i].base);
        CU_ASSERT_EQUAL(g->devtype, types[i].devtype);
    }
}

/* Every row of the table is consistent with itself. */
static void test_table_rows(void)
{
    int n = 0;
    for (const struct ckd_geom *g = ckd_geom_table; g->name; g++, n++) {
        CU_ASSERT_PTR_EQUAL(ckd_geom_by_name(g->name), g);
        CU_ASSERT_PTR_NOT_NULL(ckd_geom_by_type(g->devtype));
        CU_ASSERT(g->cyls > 1 && g->heads > 0 && g->maxr1 < g->trklen);
        CU_ASSERT(g->formula >= 1 && g->formula <= 3);
        CU_ASSERT_PTR_NOT_NULL(g->cu);
    }
    CU_ASSERT(n >= (int)NELEM(names));
}

static CU_TestInfo cases[] = {
    {"4 KB records per track", test_recs_per_track},
    {"published blocking table", test_blocking_table},
    {"largest record fits, one byte more does not", test_largest_record},
    {"filling a track", test_fill_track},
    {"record space is monotonic", test_space_monotonic},
    {"image track sizes and device codes", test_image_track_size},
    {"lookup by name", test_by_name},
    {"unknown names", test_unknown_names},
    {"lookup by type", test_by_type},
    {"table rows", test_table_rows},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("ckdgeom", cases);
