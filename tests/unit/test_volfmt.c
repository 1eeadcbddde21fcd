/*
 * test_volfmt.c - the records of a CP-formatted volume (dasd/volfmt.c):
 * VOL1, the allocation map, the system record and the directory area
 * header.
 *
 * Round trips check the decoded structs and also the bytes at the offsets
 * volfmt.h documents (EBCDIC text, big-endian numbers). Damaged records,
 * made by patching one field of a good one, must be refused with a reason
 * naming the problem. Page locations are checked against the devices'
 * geometry: a 3350 has 30 heads of 4 page records, a 3390 15 of 12.
 */
#include <stdio.h>
#include <string.h>
#include "lib/bytes.h"
#include "dasd/ckdgeom.h"
#include "dasd/volfmt.h"
#include "unit.h"

/* EBCDIC of the letters and digits used below */
static const uint8_t E_VOL1[4] = {0xE5, 0xD6, 0xD3, 0xF1};
static const uint8_t E_CPSYS1[6] = {0xC3, 0xD7, 0xE2, 0xE8, 0xE2, 0xF1};
static const uint8_t E_CPALLOC[8] = {0xC3, 0xD7, 0xC1, 0xD3, 0xD3, 0xD6, 0xC3, 0x40};
static const uint8_t E_CPSYSREC[8] = {0xC3, 0xD7, 0xE2, 0xE8, 0xE2, 0xD9, 0xC5, 0xC3};
static const uint8_t E_CPDRCT[8] = {0xC3, 0xD7, 0xC4, 0xD9, 0xC3, 0xE3, 0x40, 0x40};

static bool mentions(const char *text, const char *words)
{
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", words);
    for (char *w = strtok(buf, "|"); w; w = strtok(NULL, "|"))
        if (!strstr(text, w))
            return false;
    return true;
}

/* ---------------------------------------------------------------- VOL1 */

static void test_vol1(void)
{
    uint8_t rec[VOL1_LEN];
    vol1_encode(rec, "CPSYS1", "CPCMS");
    CU_ASSERT_EQUAL(memcmp(rec + VOL1_OFF_ID, E_VOL1, 4), 0);
    CU_ASSERT_EQUAL(memcmp(rec + VOL1_OFF_VOLSER, E_CPSYS1, 6), 0);
    CU_ASSERT_EQUAL(rec[VOL1_OFF_SEC], 0xF0); /* EBCDIC '0' */
    static const uint8_t zero5[5];
    CU_ASSERT_EQUAL(memcmp(rec + VOL1_OFF_VTOC, zero5, 5), 0);
    static const uint8_t e_owner[10] = {0xC3, 0xD7, 0xC3, 0xD4, 0xE2, 0x40, 0x40, 0x40, 0x40, 0x40};
    CU_ASSERT_EQUAL(memcmp(rec + VOL1_OFF_OWNER, e_owner, 10), 0);
    CU_ASSERT_EQUAL(rec[VOL1_LEN - 1], 0x40);
    char volser[7] = "xxxxxx";
    CU_ASSERT_EQUAL(vol1_decode(rec, VOL1_LEN, volser), 0);
    CU_ASSERT_STRING_EQUAL(volser, "CPSYS1");

    /* a short label keeps its trailing blanks out of the decoded name */
    vol1_encode(rec, "A1", "");
    CU_ASSERT_EQUAL(vol1_decode(rec, VOL1_LEN, volser), 0);
    CU_ASSERT_STRING_EQUAL(volser, "A1");
}

static const struct {
    const char *what;
    size_t off;
    uint8_t bytes[6];
    size_t n;
    size_t len;
} bad_vol1[] = {
    {"HDR1 instead of VOL1", 0, {0xC8, 0xC4, 0xD9, 0xF1}, 4, VOL1_LEN},
    {"ASCII VOL1", 0, {'V', 'O', 'L', '1'}, 4, VOL1_LEN},
    {"blank label", 4, {0x40, 0x40, 0x40, 0x40, 0x40, 0x40}, 6, VOL1_LEN},
    {"zero label", 4, {0, 0, 0, 0, 0, 0}, 6, VOL1_LEN},
    {"control character in the label", 6, {0x15}, 1, VOL1_LEN},
    {"short record", 0, {0}, 0, VOL1_LEN - 1},
    {"empty record", 0, {0}, 0, 0},
};

static void test_vol1_bad(void)
{
    for (size_t i = 0; i < NELEM(bad_vol1); i++) {
        uint8_t rec[VOL1_LEN];
        vol1_encode(rec, "CPSYS1", "CPCMS");
        memcpy(rec + bad_vol1[i].off, bad_vol1[i].bytes, bad_vol1[i].n);
        char volser[7];
        int rc = vol1_decode(rec, bad_vol1[i].len, volser);
        if (rc != -1)
            printf("\n    %s: accepted", bad_vol1[i].what);
        CU_ASSERT_EQUAL(rc, -1);
    }
}

/* ---------------------------------------------------------------- allocation map */

static struct vol_alloc sample_alloc(void)
{
    struct vol_alloc a = {.devtype = 0x3350, .cyls = 555, .heads = 30, .sysres = true};
    snprintf(a.volser, sizeof(a.volser), "CPSYS1");
    static const struct vol_extent ext[] = {
        {AREA_NUCLEUS, 1, 3},   {AREA_DRCT, 4, 5},     {AREA_WARM, 6, 6},     {AREA_PAGE, 7, 206},
        {AREA_SPOOL, 207, 356}, {AREA_TDSK, 357, 456}, {AREA_PERM, 457, 554},
    };
    a.count = (int)NELEM(ext);
    memcpy(a.ext, ext, sizeof(ext));
    return a;
}

static void test_alloc_round_trip(void)
{
    struct vol_alloc a = sample_alloc(), b;
    uint8_t rec[VOLFMT_PAGE];
    memset(rec, 0xAA, sizeof(rec));
    alloc_encode(rec, &a);
    /* the documented layout */
    CU_ASSERT_EQUAL(memcmp(rec + ALLOC_OFF_MAGIC, E_CPALLOC, 8), 0);
    static const uint8_t head[] = {0x00, 0x01, 0x33, 0x50, 0x02, 0x2B, 0x00, 0x1E};
    CU_ASSERT_EQUAL(memcmp(rec + ALLOC_OFF_VERSION, head, sizeof(head)), 0);
    CU_ASSERT_EQUAL(memcmp(rec + ALLOC_OFF_VOLSER, E_CPSYS1, 6), 0);
    CU_ASSERT_EQUAL(get_be16(rec + ALLOC_OFF_FLAGS), 0x8000);
    CU_ASSERT_EQUAL(get_be16(rec + ALLOC_OFF_COUNT), 7);
    static const uint8_t ext4[8] = {AREA_PAGE, 0, 0x00, 0x07, 0x00, 0xCE, 0, 0};
    CU_ASSERT_EQUAL(memcmp(rec + ALLOC_OFF_EXTENTS + 3 * ALLOC_EXT_LEN, ext4, 8), 0);
    bool rest_zero = true;
    for (size_t i = ALLOC_OFF_EXTENTS + 7 * ALLOC_EXT_LEN; i < VOLFMT_PAGE; i++)
        rest_zero = rest_zero && rec[i] == 0;
    CU_ASSERT_TRUE(rest_zero);

    char why[200] = "";
    CU_ASSERT_EQUAL_FATAL(alloc_decode(rec, sizeof(rec), &b, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(b.devtype, 0x3350);
    CU_ASSERT_EQUAL(b.cyls, 555);
    CU_ASSERT_EQUAL(b.heads, 30);
    CU_ASSERT_STRING_EQUAL(b.volser, "CPSYS1");
    CU_ASSERT_TRUE(b.sysres);
    CU_ASSERT_EQUAL_FATAL(b.count, 7);
    for (int i = 0; i < 7; i++) {
        CU_ASSERT_EQUAL(b.ext[i].type, a.ext[i].type);
        CU_ASSERT_EQUAL(b.ext[i].first, a.ext[i].first);
        CU_ASSERT_EQUAL(b.ext[i].last, a.ext[i].last);
    }
    /* a non-SYSRES volume, no extents */
    struct vol_alloc c = {.devtype = 0x3390, .cyls = 3339, .heads = 15};
    snprintf(c.volser, sizeof(c.volser), "USR$#@");
    alloc_encode(rec, &c);
    CU_ASSERT_EQUAL(get_be16(rec + ALLOC_OFF_FLAGS), 0);
    CU_ASSERT_EQUAL_FATAL(alloc_decode(rec, sizeof(rec), &b, why, sizeof(why)), 0);
    CU_ASSERT_FALSE(b.sysres);
    CU_ASSERT_EQUAL(b.count, 0);
    CU_ASSERT_STRING_EQUAL(b.volser, "USR$#@");
    CU_ASSERT_EQUAL(b.devtype, 0x3390);
}

/* The most extents a map holds: one-cylinder areas on a big volume. */
static void test_alloc_full(void)
{
    static struct vol_alloc a, b;
    memset(&a, 0, sizeof(a));
    a.devtype = 0x3390;
    a.cyls = 10017;
    a.heads = 15;
    snprintf(a.volser, sizeof(a.volser), "BIG001");
    a.count = (int)ALLOC_MAX_EXTENTS;
    for (int i = 0; i < a.count; i++)
        a.ext[i] = (struct vol_extent){(enum vol_area)(AREA_PAGE + i % 4), (uint16_t)(i * 2 + 1),
                                       (uint16_t)(i * 2 + 2)};
    uint8_t rec[VOLFMT_PAGE];
    alloc_encode(rec, &a);
    char why[200] = "";
    CU_ASSERT_EQUAL_FATAL(alloc_decode(rec, sizeof(rec), &b, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(b.count, (int)ALLOC_MAX_EXTENTS);
    CU_ASSERT_EQUAL(b.ext[b.count - 1].last, a.ext[a.count - 1].last);
    CU_ASSERT_EQUAL(ALLOC_MAX_EXTENTS, (4096 - 32) / 8);
}

static const struct {
    const char *what;
    size_t off;
    uint8_t bytes[8];
    size_t n;
    const char *words;
} bad_alloc[] = {
    {"bad magic",
     ALLOC_OFF_MAGIC,
     {'C', 'P', 'A', 'L', 'L', 'O', 'C', ' '},
     8,
     "no allocation map"},
    {"zero magic", ALLOC_OFF_MAGIC + 2, {0}, 1, "no allocation map"},
    {"version 2", ALLOC_OFF_VERSION, {0x00, 0x02}, 2, "version 2"},
    {"version 0", ALLOC_OFF_VERSION, {0x00, 0x00}, 2, "version 0"},
    {"version little-endian", ALLOC_OFF_VERSION, {0x01, 0x00}, 2, "version"},
    {"blank volser", ALLOC_OFF_VOLSER, {0x40, 0x40, 0x40, 0x40, 0x40, 0x40}, 6, "label"},
    {"zero volser", ALLOC_OFF_VOLSER, {0, 0, 0, 0, 0, 0}, 6, "label"},
    {"control character in the volser", ALLOC_OFF_VOLSER + 5, {0x25}, 1, "label"},
    {"one cylinder", ALLOC_OFF_CYLS, {0x00, 0x01}, 2, "geometry"},
    {"no heads", ALLOC_OFF_HEADS, {0x00, 0x00}, 2, "geometry"},
    {"too many extents", ALLOC_OFF_COUNT, {0x01, 0xFD}, 2, "509 extents|508"},
    {"count 65535", ALLOC_OFF_COUNT, {0xFF, 0xFF}, 2, "extents"},
    {"extent type 0", ALLOC_OFF_EXTENTS + 8, {0}, 1, "extent 2|unknown type 0"},
    {"extent type 9", ALLOC_OFF_EXTENTS + 48, {9}, 1, "extent 7|unknown type 9"},
    {"extent type 255", ALLOC_OFF_EXTENTS, {255}, 1, "unknown type 255"},
    {"extent on cylinder 0", ALLOC_OFF_EXTENTS + 2, {0x00, 0x00}, 2, "NUCLEUS|0-3|outside"},
    {"extent past the volume",
     ALLOC_OFF_EXTENTS + 48 + 4,
     {0x02, 0x2B},
     2,
     "PERM|457-555|outside|1-554"},
    {"extent far past the volume",
     ALLOC_OFF_EXTENTS + 24 + 2,
     {0xFF, 0xF0, 0xFF, 0xFF},
     4,
     "PAGE|outside"},
    {"extent backwards",
     ALLOC_OFF_EXTENTS + 16 + 2,
     {0x00, 0x07, 0x00, 0x06},
     4,
     "WARM|7-6|outside"},
    {"overlapping extents",
     ALLOC_OFF_EXTENTS + 8 + 2,
     {0x00, 0x03},
     2,
     "DRCT extent 3-5|overlaps|NUCLEUS extent 1-3"},
    {"extent inside another",
     ALLOC_OFF_EXTENTS + 48 + 2,
     {0x00, 0x64, 0x00, 0x65},
     4,
     "PERM extent 100-101|overlaps|PAGE extent 7-206"},
    {"extent covering others", ALLOC_OFF_EXTENTS + 48 + 2, {0x00, 0x01, 0x02, 0x2A}, 4, "overlaps"},
};

static void test_alloc_bad(void)
{
    struct vol_alloc a = sample_alloc(), b;
    uint8_t good[VOLFMT_PAGE], rec[VOLFMT_PAGE];
    alloc_encode(good, &a);
    char why[300];
    for (size_t i = 0; i < NELEM(bad_alloc); i++) {
        memcpy(rec, good, sizeof(rec));
        memcpy(rec + bad_alloc[i].off, bad_alloc[i].bytes, bad_alloc[i].n);
        strcpy(why, "(none)");
        int rc = alloc_decode(rec, sizeof(rec), &b, why, sizeof(why));
        bool ok = rc == -1 && mentions(why, bad_alloc[i].words);
        if (!ok)
            printf("\n    %s: %d, \"%s\"", bad_alloc[i].what, rc, why);
        CU_ASSERT_TRUE(ok);
        CU_ASSERT_EQUAL(alloc_decode(rec, sizeof(rec), &b, NULL, 0), -1);
    }
    /* a record shorter than a page is not a map */
    CU_ASSERT_EQUAL(alloc_decode(good, VOLFMT_PAGE - 1, &b, why, sizeof(why)), -1);
    CU_ASSERT_TRUE(mentions(why, "no allocation map"));
    CU_ASSERT_EQUAL(alloc_decode(good, VOLFMT_PAGE, &b, why, sizeof(why)), 0);
}

static void test_alloc_find(void)
{
    struct vol_alloc a = sample_alloc();
    static const struct {
        enum vol_area type;
        int cyl;
        int first; /* expected extent's first cylinder, 0: none */
    } rows[] = {
        {AREA_NUCLEUS, -1, 1}, {AREA_NUCLEUS, 1, 1}, {AREA_NUCLEUS, 3, 1}, {AREA_NUCLEUS, 4, 0},
        {AREA_PAGE, 7, 7},     {AREA_PAGE, 206, 7},  {AREA_PAGE, 207, 0},  {AREA_SPOOL, 207, 207},
        {AREA_PERM, 554, 457}, {AREA_PERM, 555, 0},  {AREA_PERM, 0, 0},    {AREA_DRCT, -1, 4},
        {AREA_NONE, -1, 0},    {AREA_NONE, 0, 0},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        const struct vol_extent *x = alloc_find(&a, rows[i].type, rows[i].cyl);
        if (!rows[i].first) {
            CU_ASSERT_PTR_NULL(x);
        } else {
            CU_ASSERT_PTR_NOT_NULL_FATAL(x);
            CU_ASSERT_EQUAL(x->first, rows[i].first);
            CU_ASSERT_EQUAL(x->type, rows[i].type);
        }
    }
    /* the first of two extents of a type */
    a.ext[a.count++] = (struct vol_extent){AREA_NUCLEUS, 600, 601};
    CU_ASSERT_EQUAL(alloc_find(&a, AREA_NUCLEUS, -1)->first, 1);
    CU_ASSERT_EQUAL(alloc_find(&a, AREA_NUCLEUS, 601)->first, 600);
}

static void test_area_names(void)
{
    static const struct {
        int type;
        const char *name;
    } rows[] = {
        {AREA_NONE, "NONE"},
        {AREA_NUCLEUS, "NUCLEUS"},
        {AREA_DRCT, "DRCT"},
        {AREA_WARM, "WARM"},
        {AREA_PAGE, "PAGE"},
        {AREA_SPOOL, "SPOOL"},
        {AREA_TDSK, "TDSK"},
        {AREA_PERM, "PERM"},
        {AREA_SAVED, "SAVED"},
        {9, "?"},
        {-1, "?"},
        {1000, "?"},
    };
    for (size_t i = 0; i < NELEM(rows); i++)
        CU_ASSERT_STRING_EQUAL(area_name((enum vol_area)rows[i].type), rows[i].name);
}

/* ---------------------------------------------------------------- system record */

static struct vol_sysrec sample_sysrec(void)
{
    struct vol_sysrec s = {.syscons = 0x009,
                           .zone_sec = -5 * 3600 - 30 * 60,
                           .nuc_pages = 130,
                           .more1 = 50,
                           .more2 = 10,
                           .built_tod = 0xD5A1B2C3D4E5F607ull,
                           .nlogmsg = 3};
    snprintf(s.sysname, sizeof(s.sysname), "CPCMS");
    snprintf(s.sysoper, sizeof(s.sysoper), "OPERATOR");
    snprintf(s.zone_id, sizeof(s.zone_id), "EST");
    for (int i = 0; i < 32; i++)
        s.nuc_sum[i] = (uint8_t)(i * 9 + 1);
    snprintf(s.logmsg[0], sizeof(s.logmsg[0]), "* Welcome.");
    snprintf(s.logmsg[1], sizeof(s.logmsg[1]), "%s", "");
    snprintf(s.logmsg[2], sizeof(s.logmsg[2]), "%-72.72s",
             "123456789012345678901234567890123456789012345678901234567890123456789012");
    s.nnamesys = 2;
    s.namesys[0] = (struct vol_namesys){"CMS", "CPSYS1", 187, 0, 0, 256, 1, 3};
    s.namesys[1] = (struct vol_namesys){"TESTSYS", "CPUSR1", 10, 257, 16, 16, 0xFF, 0xFF};
    return s;
}

static void test_sysrec_round_trip(void)
{
    struct vol_sysrec s = sample_sysrec(), t;
    uint8_t rec[VOLFMT_PAGE];
    memset(rec, 0xAA, sizeof(rec));
    sysrec_encode(rec, &s);
    CU_ASSERT_EQUAL(memcmp(rec + SYSREC_OFF_MAGIC, E_CPSYSREC, 8), 0);
    CU_ASSERT_EQUAL(get_be16(rec + SYSREC_OFF_VERSION), 1);
    static const uint8_t e_oper[8] = {0xD6, 0xD7, 0xC5, 0xD9, 0xC1, 0xE3, 0xD6, 0xD9};
    CU_ASSERT_EQUAL(memcmp(rec + SYSREC_OFF_SYSOPER, e_oper, 8), 0);
    CU_ASSERT_EQUAL(get_be16(rec + SYSREC_OFF_SYSCONS), 0x0009);
    static const uint8_t zone[4] = {0xFF, 0xFF, 0xB2, 0xA8}; /* -19800 */
    CU_ASSERT_EQUAL(memcmp(rec + SYSREC_OFF_ZONESEC, zone, 4), 0);
    CU_ASSERT_EQUAL(get_be16(rec + SYSREC_OFF_NUCPAGES), 130);
    CU_ASSERT_EQUAL(get_be64(rec + SYSREC_OFF_BUILT), 0xD5A1B2C3D4E5F607ull);
    CU_ASSERT_EQUAL(rec[SYSREC_OFF_LOGMSG], 0x5C); /* EBCDIC '*' */

    char why[200] = "";
    CU_ASSERT_EQUAL_FATAL(sysrec_decode(rec, sizeof(rec), &t, why, sizeof(why)), 0);
    CU_ASSERT_STRING_EQUAL(t.sysname, "CPCMS");
    CU_ASSERT_STRING_EQUAL(t.sysoper, "OPERATOR");
    CU_ASSERT_EQUAL(t.syscons, 0x009);
    CU_ASSERT_EQUAL(t.zone_sec, -19800);
    CU_ASSERT_STRING_EQUAL(t.zone_id, "EST");
    CU_ASSERT_EQUAL(t.nuc_pages, 130);
    CU_ASSERT_EQUAL(t.more1, 50);
    CU_ASSERT_EQUAL(t.more2, 10);
    CU_ASSERT_EQUAL(memcmp(t.nuc_sum, s.nuc_sum, 32), 0);
    CU_ASSERT_EQUAL(t.built_tod, s.built_tod);
    CU_ASSERT_EQUAL_FATAL(t.nlogmsg, 3);
    CU_ASSERT_STRING_EQUAL(t.logmsg[0], "* Welcome.");
    CU_ASSERT_STRING_EQUAL(t.logmsg[1], "");
    CU_ASSERT_STRING_EQUAL(t.logmsg[2], s.logmsg[2]);
    CU_ASSERT_EQUAL(strlen(t.logmsg[2]), 72);
    CU_ASSERT_EQUAL_FATAL(t.nnamesys, 2);
    CU_ASSERT_EQUAL(memcmp(&t.namesys[0], &s.namesys[0], sizeof(s.namesys[0])), 0);
    CU_ASSERT_EQUAL(memcmp(&t.namesys[1], &s.namesys[1], sizeof(s.namesys[1])), 0);
    CU_ASSERT_EQUAL(get_be16(rec + SYSREC_OFF_NNAMESYS), 2);
    CU_ASSERT_EQUAL(get_be16(rec + SYSREC_OFF_NAMESYS + SYSREC_NAMESYS_LEN + NAMESYS_OFF_SLOT),
                    257);
    {
        uint8_t bad[VOLFMT_PAGE];
        memcpy(bad, rec, sizeof(bad));
        put_be16(bad + SYSREC_OFF_NAMESYS + NAMESYS_OFF_NPAGES, 0); /* no pages */
        CU_ASSERT_EQUAL(sysrec_decode(bad, sizeof(bad), &t, why, sizeof(why)), -1);
        memcpy(bad, rec, sizeof(bad));
        put_be16(bad + SYSREC_OFF_NNAMESYS, SYSREC_NAMESYS_MAX + 1);
        CU_ASSERT_EQUAL(sysrec_decode(bad, sizeof(bad), &t, why, sizeof(why)), -1);
    }

    /* the extremes of the time zone and the most log lines */
    s.zone_sec = 14 * 3600;
    s.nlogmsg = SYSREC_LOGMSG_MAX;
    for (int i = 0; i < s.nlogmsg; i++)
        snprintf(s.logmsg[i], sizeof(s.logmsg[i]), "line %d", i + 1);
    sysrec_encode(rec, &s);
    CU_ASSERT_EQUAL_FATAL(sysrec_decode(rec, sizeof(rec), &t, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(t.zone_sec, 14 * 3600);
    CU_ASSERT_EQUAL(t.nlogmsg, 16);
    CU_ASSERT_STRING_EQUAL(t.logmsg[15], "line 16");
    s.zone_sec = -14 * 3600;
    sysrec_encode(rec, &s);
    CU_ASSERT_EQUAL(sysrec_decode(rec, sizeof(rec), &t, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(t.zone_sec, -14 * 3600);
}

static const struct {
    const char *what;
    size_t off;
    uint8_t bytes[8];
    size_t n;
    const char *words;
} bad_sysrec[] = {
    {"bad magic", SYSREC_OFF_MAGIC, {'C', 'P'}, 2, "no system record"},
    {"an allocation map's magic",
     SYSREC_OFF_MAGIC + 4,
     {0xD3, 0xD3, 0xD6, 0xC3},
     4,
     "no system record"},
    {"version 2", SYSREC_OFF_VERSION, {0x00, 0x02}, 2, "version 2"},
    {"blank system name",
     SYSREC_OFF_SYSNAME,
     {0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40},
     8,
     "system name"},
    {"zero operator", SYSREC_OFF_SYSOPER, {0, 0, 0, 0, 0, 0, 0, 0}, 8, "operator"},
    {"control character in the name", SYSREC_OFF_SYSNAME + 7, {0x05}, 1, "system name"},
    {"zone +14:00:01", SYSREC_OFF_ZONESEC, {0x00, 0x00, 0xC4, 0xE1}, 4, "time zone|50401"},
    {"zone -14:00:01", SYSREC_OFF_ZONESEC, {0xFF, 0xFF, 0x3B, 0x1F}, 4, "time zone|-50401"},
    {"zone garbage", SYSREC_OFF_ZONESEC, {0x7F, 0xFF, 0xFF, 0xFF}, 4, "time zone"},
    {"zone most negative", SYSREC_OFF_ZONESEC, {0x80, 0x00, 0x00, 0x00}, 4, "time zone"},
    {"17 log lines", SYSREC_OFF_NLOGMSG, {0x00, 0x11}, 2, "17|16"},
    {"65535 log lines", SYSREC_OFF_NLOGMSG, {0xFF, 0xFF}, 2, "log message"},
};

static void test_sysrec_bad(void)
{
    struct vol_sysrec s = sample_sysrec(), t;
    uint8_t good[VOLFMT_PAGE], rec[VOLFMT_PAGE];
    sysrec_encode(good, &s);
    char why[300];
    for (size_t i = 0; i < NELEM(bad_sysrec); i++) {
        memcpy(rec, good, sizeof(rec));
        memcpy(rec + bad_sysrec[i].off, bad_sysrec[i].bytes, bad_sysrec[i].n);
        strcpy(why, "(none)");
        int rc = sysrec_decode(rec, sizeof(rec), &t, why, sizeof(why));
        bool ok = rc == -1 && mentions(why, bad_sysrec[i].words);
        if (!ok)
            printf("\n    %s: %d, \"%s\"", bad_sysrec[i].what, rc, why);
        CU_ASSERT_TRUE(ok);
        CU_ASSERT_EQUAL(sysrec_decode(rec, sizeof(rec), &t, NULL, 0), -1);
    }
    CU_ASSERT_EQUAL(sysrec_decode(good, 100, &t, why, sizeof(why)), -1);
    CU_ASSERT_EQUAL(sysrec_decode(good, sizeof(good), &t, why, sizeof(why)), 0);
}

/* ---------------------------------------------------------------- directory header */

static void test_drcthdr(void)
{
    uint8_t sum[32], got[32], rec[VOLFMT_PAGE], bad[VOLFMT_PAGE];
    for (int i = 0; i < 32; i++)
        sum[i] = (uint8_t)(0xF0 ^ i);
    memset(rec, 0xAA, sizeof(rec));
    drcthdr_encode(rec, 0x0001E240, sum);
    CU_ASSERT_EQUAL(memcmp(rec + DRCTHDR_OFF_MAGIC, E_CPDRCT, 8), 0);
    CU_ASSERT_EQUAL(get_be16(rec + DRCTHDR_OFF_VERSION), 1);
    static const uint8_t len[4] = {0x00, 0x01, 0xE2, 0x40};
    CU_ASSERT_EQUAL(memcmp(rec + DRCTHDR_OFF_LENGTH, len, 4), 0);
    CU_ASSERT_EQUAL(memcmp(rec + DRCTHDR_OFF_SUM, sum, 32), 0);
    CU_ASSERT_EQUAL(rec[VOLFMT_PAGE - 1], 0);

    uint32_t length = 0;
    char why[200] = "";
    CU_ASSERT_EQUAL(drcthdr_decode(rec, sizeof(rec), &length, got, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(length, 123456);
    CU_ASSERT_EQUAL(memcmp(got, sum, 32), 0);

    static const struct {
        size_t off;
        uint8_t b[2];
        size_t len;
        const char *words;
    } rows[] = {
        {DRCTHDR_OFF_MAGIC, {0x00}, VOLFMT_PAGE, "directory header"},
        {DRCTHDR_OFF_MAGIC + 6, {0x00}, VOLFMT_PAGE, "directory header"},
        {DRCTHDR_OFF_VERSION, {0x00, 0x02}, VOLFMT_PAGE, "version 2"},
        {DRCTHDR_OFF_VERSION + 1, {0x00}, VOLFMT_PAGE, "version 0"},
        {0, {0}, 0, "directory header"}, /* length 0 */
        {0, {0}, VOLFMT_PAGE - 1, "directory header"},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        memcpy(bad, rec, sizeof(bad));
        if (rows[i].len == VOLFMT_PAGE)
            memcpy(bad + rows[i].off, rows[i].b, rows[i].off == DRCTHDR_OFF_VERSION ? 2 : 1);
        strcpy(why, "(none)");
        int rc = drcthdr_decode(bad, rows[i].len, &length, got, why, sizeof(why));
        bool ok = rc == -1 && mentions(why, rows[i].words);
        if (!ok)
            printf("\n    drct row %zu: %d, \"%s\"", i, rc, why);
        CU_ASSERT_TRUE(ok);
    }
}

/* ---------------------------------------------------------------- page locations */

static const struct {
    const char *dev;
    unsigned first, page;
    unsigned cyl, head, rec;
} pages[] = {
    /* 3350: 30 heads x 4 page records = 120 pages a cylinder */
    {"3350", 1, 0, 1, 0, 1},
    {"3350", 1, 1, 1, 0, 2},
    {"3350", 1, 3, 1, 0, 4},
    {"3350", 1, 4, 1, 1, 1},
    {"3350", 1, 7, 1, 1, 4},
    {"3350", 1, 118, 1, 29, 3},
    {"3350", 1, 119, 1, 29, 4},
    {"3350", 1, 120, 2, 0, 1},
    {"3350", 1, 129, 2, 2, 2},
    {"3350", 4, 0, 4, 0, 1},
    {"3350", 4, 240, 6, 0, 1},
    {"3350", 457, 11999, 556, 29, 4},
    /* 3390: 15 heads x 12 = 180 */
    {"3390", 1, 0, 1, 0, 1},
    {"3390", 1, 11, 1, 0, 12},
    {"3390", 1, 12, 1, 1, 1},
    {"3390", 1, 179, 1, 14, 12},
    {"3390", 1, 180, 2, 0, 1},
    {"3390", 10, 200, 11, 1, 9},
    /* 3380: 15 x 10 = 150; 3330: 19 x 3 = 57 */
    {"3380", 1, 10, 1, 1, 1},
    {"3380", 1, 150, 2, 0, 1},
    {"3330", 1, 3, 1, 1, 1},
    {"3330", 1, 56, 1, 18, 3},
    {"3330", 1, 57, 2, 0, 1},
};

static void test_page_location(void)
{
    for (size_t i = 0; i < NELEM(pages); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(pages[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        unsigned c = 9999, h = 9999, r = 9999;
        vol_page_location(g, pages[i].first, pages[i].page, &c, &h, &r);
        if (c != pages[i].cyl || h != pages[i].head || r != pages[i].rec)
            printf("\n    %s page %u from cylinder %u: %u/%u/%u, expected %u/%u/%u", pages[i].dev,
                   pages[i].page, pages[i].first, c, h, r, pages[i].cyl, pages[i].head,
                   pages[i].rec);
        CU_ASSERT_EQUAL(c, pages[i].cyl);
        CU_ASSERT_EQUAL(h, pages[i].head);
        CU_ASSERT_EQUAL(r, pages[i].rec);
    }
    static const struct {
        const char *dev;
        unsigned per_cyl;
    } per_cyl[] = {{"3330", 57}, {"3350", 120}, {"3380", 150}, {"3390", 180}, {"3390-9", 180}};
    for (size_t i = 0; i < NELEM(per_cyl); i++)
        CU_ASSERT_EQUAL(vol_pages_per_cyl(ckd_geom_by_name(per_cyl[i].dev)), per_cyl[i].per_cyl);
}

/* Consecutive pages never land on the same record and fill every slot once. */
static void test_page_location_dense(void)
{
    const struct ckd_geom *g = ckd_geom_by_name("3350");
    static bool seen[3][30][5];
    memset(seen, 0, sizeof(seen));
    for (unsigned p = 0; p < 360; p++) {
        unsigned c, h, r;
        vol_page_location(g, 5, p, &c, &h, &r);
        CU_ASSERT_FATAL(c >= 5 && c < 8 && h < 30 && r >= 1 && r <= 4);
        CU_ASSERT_FALSE(seen[c - 5][h][r]);
        seen[c - 5][h][r] = true;
    }
}

static CU_TestInfo cases[] = {
    {"VOL1 round trip and layout", test_vol1},
    {"VOL1 refused", test_vol1_bad},
    {"allocation map round trip and layout", test_alloc_round_trip},
    {"allocation map with the most extents", test_alloc_full},
    {"allocation map refused with a reason", test_alloc_bad},
    {"alloc_find", test_alloc_find},
    {"area names", test_area_names},
    {"system record round trip and layout", test_sysrec_round_trip},
    {"system record refused with a reason", test_sysrec_bad},
    {"directory header", test_drcthdr},
    {"page locations", test_page_location},
    {"page locations fill each slot once", test_page_location_dense},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("volfmt", cases);
