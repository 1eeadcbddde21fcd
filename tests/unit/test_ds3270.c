/*
 * test_ds3270.c - the 3270 data stream: 6-bit codes, buffer addresses,
 * AIDs, the outbound builder and the Read Modified parser.
 * Expected bytes come from GA23-0059's code table and address rules.
 */
#include <stdio.h>
#include <string.h>
#include "console/ds3270.h"
#include "unit.h"

/* GA23-0059 "Buffer Address and Control Character Translation" */
static const uint8_t code_table[64] = {
    0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
    0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
};

static void test_code6(void)
{
    for (unsigned v = 0; v < 64; v++)
        CU_ASSERT_EQUAL(ds_code6(v), code_table[v]);
}

/* Known addresses: the 24x80 and 43x80 screens, and 14-bit ones. */
static const struct {
    unsigned addr;
    uint8_t b0, b1;
} addrs[] = {
    {0, 0x40, 0x40},    {1, 0x40, 0xC1},    {80, 0xC1, 0x50},    {1760, 0x5B, 0x60},
    {1919, 0x5D, 0x7F}, {1920, 0x5E, 0x40}, {3439, 0xF5, 0x6F},  {4095, 0x7F, 0x7F},
    {4096, 0x10, 0x00}, {4101, 0x10, 0x05}, {16383, 0x3F, 0xFF},
};

static void test_addresses(void)
{
    for (size_t k = 0; k < NELEM(addrs); k++) {
        uint8_t b[2];
        ds_encode_addr(addrs[k].addr, b);
        CU_ASSERT_EQUAL(b[0], addrs[k].b0);
        CU_ASSERT_EQUAL(b[1], addrs[k].b1);
        CU_ASSERT_EQUAL(ds_decode_addr(addrs[k].b0, addrs[k].b1), addrs[k].addr);
    }
    /* Every address survives a round trip, and a 12-bit one is made of
     * graphic codes (never an order byte). */
    for (unsigned a = 0; a < 16384; a++) {
        uint8_t b[2];
        ds_encode_addr(a, b);
        if (ds_decode_addr(b[0], b[1]) != a)
            CU_FAIL("address round trip");
        if (a < 4096 && (b[0] < 0x40 || b[1] < 0x40))
            CU_FAIL("12-bit address byte below X'40'");
    }
}

static void test_aids(void)
{
    static const struct {
        uint8_t aid;
        int pf;
        bool is_short;
    } aids[] = {
        {0xF1, 1, false},   {0xF9, 9, false},   {0x7A, 10, false},     {0x7B, 11, false},
        {0x7C, 12, false},  {0xC1, 13, false},  {0xC9, 21, false},     {0x4A, 22, false},
        {0x4B, 23, false},  {0x4C, 24, false},  {AID_ENTER, 0, false}, {AID_CLEAR, 0, true},
        {AID_PA1, 0, true}, {AID_PA2, 0, true}, {AID_PA3, 0, true},    {AID_NONE, 0, false},
        {AID_SF, 0, false}, {0xF0, 0, false},   {0xFA, 0, false},      {0x79, 0, false},
        {0x7D, 0, false},   {0xC0, 0, false},   {0xCA, 0, false},      {0x4D, 0, false},
    };
    for (size_t k = 0; k < NELEM(aids); k++) {
        CU_ASSERT_EQUAL(ds_pfkey(aids[k].aid), aids[k].pf);
        CU_ASSERT_EQUAL(ds_short_aid(aids[k].aid), aids[k].is_short);
    }
    /* PF keys 1-24 each have one AID */
    int seen[25] = {0};
    for (unsigned a = 0; a < 256; a++)
        seen[ds_pfkey((uint8_t)a)]++;
    for (int pf = 1; pf <= 24; pf++)
        CU_ASSERT_EQUAL(seen[pf], 1);
}

/* One outbound screen, byte for byte. */
static void test_builder(void)
{
    static const uint8_t want[] = {
        0xC3,                   /* WCC: reset, restore, reset MDT */
        0x11, 0x5B, 0x60,       /* SBA 1760 (row 23, column 0) */
        0x1D, 0xE8,             /* SF protected intensified */
        0xC8, 0x89, 0x40, 0x40, /* "Hi\n\t": controls become blanks */
        0x1D, 0x40,             /* SF unprotected */
        0x13,                   /* IC */
        0x3C, 0x5D, 0x7F, 0x40, /* RA to 1919, blank */
        0x12, 0x40, 0x40,       /* EUA 0 */
        0x11, 0x10, 0x00,       /* SBA 4096: 14-bit */
        0x1D, 0x6C,             /* SF protected nondisplay */
        0x60, 0x60, 0x60,       /* fill "---" */
    };
    uint8_t buf[64];
    struct ds_out d;
    ds_init(&d, buf, sizeof buf);
    ds_wcc(&d, WCC_RESET | WCC_RESTORE | WCC_RESETMDT);
    ds_sba(&d, 1760);
    ds_sf(&d, FA_PROTECT | FA_INTENSE);
    ds_text(&d, "Hi\n\t", 4);
    ds_sf(&d, 0);
    ds_ic(&d);
    ds_ra(&d, 1919, 0x40);
    ds_eua(&d, 0);
    ds_sba(&d, 4096);
    ds_sf(&d, FA_PROTECT | FA_NONDISPLAY);
    ds_fill(&d, '-', 3);
    CU_ASSERT_FALSE(d.overflow);
    CU_ASSERT_EQUAL(d.len, sizeof want);
    CU_ASSERT(memcmp(buf, want, sizeof want) == 0);

    /* The WCC without its reset bit still carries it: every graphic
     * code has X'40' on. */
    ds_init(&d, buf, sizeof buf);
    ds_wcc(&d, WCC_RESTORE);
    ds_wcc(&d, WCC_ALARM | WCC_RESTORE);
    CU_ASSERT_EQUAL(buf[0], 0xC2);
    CU_ASSERT_EQUAL(buf[1], 0xC6);
}

/* Text can never produce an order: every byte is a graphic. */
static void test_text_is_graphic(void)
{
    char all[256];
    uint8_t buf[256];
    struct ds_out d;
    for (int i = 0; i < 256; i++)
        all[i] = (char)i;
    ds_init(&d, buf, sizeof buf);
    ds_text(&d, all, sizeof all);
    CU_ASSERT_EQUAL(d.len, 256);
    for (int i = 0; i < 256; i++)
        if (buf[i] < 0x40 || buf[i] == 0xFF)
            CU_FAIL("ds_text produced a non-graphic byte");
    CU_ASSERT_EQUAL(buf['A'], 0xC1);
    CU_ASSERT_EQUAL(buf['z'], 0xA9);
    CU_ASSERT_EQUAL(buf[0x11], 0x40); /* not an SBA */
}

static void test_overflow(void)
{
    uint8_t buf[8];
    struct ds_out d;
    memset(buf, 0xEE, sizeof buf);
    ds_init(&d, buf, 4);
    ds_sba(&d, 80);
    CU_ASSERT_FALSE(d.overflow);
    ds_text(&d, "abc", 3);
    CU_ASSERT(d.overflow);
    CU_ASSERT_EQUAL(d.len, 4);
    static const uint8_t want[8] = {0x11, 0xC1, 0x50, 0x81, 0xEE, 0xEE, 0xEE, 0xEE};
    CU_ASSERT(memcmp(buf, want, sizeof want) == 0);
    /* stays set */
    ds_init(&d, buf, 0);
    ds_ic(&d);
    CU_ASSERT(d.overflow);
    CU_ASSERT_EQUAL(d.len, 0);
}

/* ---------------------------------------------------------------- inbound */

struct fieldexp {
    unsigned addr;
    size_t off; /* where its data starts in the record */
    size_t len;
};

static const struct {
    const char *what;
    uint8_t rec[16];
    size_t len;
    int rc;
    uint8_t aid;
    unsigned cursor;
    int nfields;
    struct fieldexp f[3];
} records[] = {
    {"enter, one field",
     {0x7D, 0x5B, 0x61, 0x11, 0x5B, 0x60, 0xC8, 0x89},
     8,
     0,
     0x7D,
     1761,
     1,
     {{1760, 6, 2}}},
    {"enter, no fields", {0x7D, 0x40, 0x40}, 3, 0, 0x7D, 0, 0, {{0}}},
    {"clear, AID only", {0x6D}, 1, 0, 0x6D, 0, 0, {{0}}},
    {"PA1 with cursor", {0x6C, 0xC1, 0x50}, 3, 0, 0x6C, 80, 0, {{0}}},
    {"PA3, AID only", {0x6B}, 1, 0, 0x6B, 0, 0, {{0}}},
    {"PF3, empty field then data",
     {0xF3, 0x40, 0x40, 0x11, 0x40, 0xC1, 0x11, 0xC1, 0x50, 0xD8},
     10,
     0,
     0xF3,
     0,
     2,
     {{1, 6, 0}, {80, 9, 1}}},
    {"14-bit addresses",
     {0x7D, 0x10, 0x00, 0x11, 0x10, 0x05, 0xC1},
     7,
     0,
     0x7D,
     4096,
     1,
     {{4101, 6, 1}}},
    {"three fields",
     {0x7D, 0x40, 0x40, 0x11, 0x40, 0x41, 0xF1, 0x11, 0x40, 0x42, 0x11, 0x40, 0x43, 0xF3, 0xF4},
     15,
     0,
     0x7D,
     0,
     3,
     {{1, 6, 1}, {2, 10, 0}, {3, 13, 2}}},
    {"empty", {0}, 0, -1, 0, 0, 0, {{0}}},
    {"enter without cursor", {0x7D}, 1, -1, 0x7D, 0, 0, {{0}}},
    {"half a cursor", {0x6D, 0x40}, 2, -1, 0x6D, 0, 0, {{0}}},
    {"data before SBA", {0x7D, 0x40, 0x40, 0xC1}, 4, -1, 0x7D, 0, 0, {{0}}},
    {"SBA cut short", {0x7D, 0x40, 0x40, 0x11, 0x40}, 5, -1, 0x7D, 0, 0, {{0}}},
};

static void test_parse(void)
{
    for (size_t k = 0; k < NELEM(records); k++) {
        struct ds_inbound in;
        memset(&in, 0x55, sizeof in);
        int rc = ds_parse_inbound(records[k].rec, records[k].len, &in);
        CU_ASSERT_EQUAL(rc, records[k].rc);
        if (rc != records[k].rc)
            fprintf(stderr, "\nds3270 record \"%s\": rc %d\n", records[k].what, rc);
        if (rc != 0)
            continue;
        CU_ASSERT_EQUAL(in.aid, records[k].aid);
        CU_ASSERT_EQUAL(in.cursor, records[k].cursor);
        CU_ASSERT_EQUAL(in.nfields, records[k].nfields);
        for (int i = 0; i < records[k].nfields && i < in.nfields; i++) {
            CU_ASSERT_EQUAL(in.field[i].addr, records[k].f[i].addr);
            CU_ASSERT_PTR_EQUAL(in.field[i].data, records[k].rec + records[k].f[i].off);
            CU_ASSERT_EQUAL(in.field[i].len, records[k].f[i].len);
        }
    }
}

/* 16 fields fit; the 17th makes the record unusable. */
static void test_parse_limit(void)
{
    uint8_t rec[3 + 17 * 4];
    struct ds_inbound in;
    size_t n = 0;
    rec[n++] = AID_ENTER;
    rec[n++] = 0x40;
    rec[n++] = 0x40;
    for (unsigned i = 0; i < 17; i++) {
        rec[n++] = ORD_SBA;
        ds_encode_addr(i * 80, &rec[n]);
        n += 2;
        rec[n++] = 0xC1 + (uint8_t)(i % 9);
    }
    CU_ASSERT_EQUAL(ds_parse_inbound(rec, n - 4, &in), 0);
    CU_ASSERT_EQUAL(in.nfields, 16);
    CU_ASSERT_EQUAL(in.field[15].addr, 15 * 80);
    CU_ASSERT_EQUAL(in.field[15].len, 1);
    CU_ASSERT_EQUAL(ds_parse_inbound(rec, n, &in), -1);
}

static CU_TestInfo cases[] = {
    {"code6", test_code6},
    {"addresses", test_addresses},
    {"aids", test_aids},
    {"builder", test_builder},
    {"text_is_graphic", test_text_is_graphic},
    {"overflow", test_overflow},
    {"parse", test_parse},
    {"parse_limit", test_parse_limit},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("ds3270", cases);
