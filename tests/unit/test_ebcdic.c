/*
 * test_ebcdic.c - code page 037 <-> ISO 8859-1: known characters from the
 * CP037 code chart, the tables being exact inverses, display translation
 * and the blank-padded field helpers.
 */
#include <stdbool.h>
#include <string.h>
#include "console/ebcdic.h"
#include "unit.h"

/* From the code page 037 chart. */
static const struct {
    uint8_t ascii, ebcdic;
} known[] = {
    {0x00, 0x00}, {'\n', 0x25}, {' ', 0x40},  {'A', 0xC1},  {'I', 0xC9}, {'J', 0xD1}, {'R', 0xD9},
    {'S', 0xE2},  {'Z', 0xE9},  {'a', 0x81},  {'i', 0x89},  {'j', 0x91}, {'r', 0x99}, {'s', 0xA2},
    {'z', 0xA9},  {'0', 0xF0},  {'9', 0xF9},  {'.', 0x4B},  {'<', 0x4C}, {'(', 0x4D}, {'+', 0x4E},
    {'|', 0x4F},  {'&', 0x50},  {'!', 0x5A},  {'$', 0x5B},  {'*', 0x5C}, {')', 0x5D}, {';', 0x5E},
    {'-', 0x60},  {'/', 0x61},  {',', 0x6B},  {'%', 0x6C},  {'_', 0x6D}, {'>', 0x6E}, {'?', 0x6F},
    {':', 0x7A},  {'#', 0x7B},  {'@', 0x7C},  {'\'', 0x7D}, {'=', 0x7E}, {'"', 0x7F}, {'[', 0xBA},
    {']', 0xBB},  {'{', 0xC0},  {'}', 0xD0},  {'\\', 0xE0}, {'~', 0xA1}, {'^', 0xB0}, {'`', 0x79},
    {0xA2, 0x4A}, {0xAC, 0x5F}, {0xA0, 0x41}, {0xE9, 0x51},
};

static void test_known(void)
{
    for (size_t k = 0; k < NELEM(known); k++) {
        CU_ASSERT_EQUAL(asc2ebc[known[k].ascii], known[k].ebcdic);
        CU_ASSERT_EQUAL(ebc2asc[known[k].ebcdic], known[k].ascii);
    }
}

/* Both directions, all 256 values, through the tables and the helpers
 * (translating in place, as callers may). */
static void test_round_trip(void)
{
    uint8_t a[256], e[256], back[256];
    for (int i = 0; i < 256; i++)
        a[i] = (uint8_t)i;
    a2e(e, a, sizeof a);
    e2a(back, e, sizeof e);
    CU_ASSERT(memcmp(back, a, sizeof a) == 0);

    memcpy(back, a, sizeof a);
    e2a(back, back, sizeof back);
    a2e(back, back, sizeof back);
    CU_ASSERT(memcmp(back, a, sizeof a) == 0);

    /* a permutation: every EBCDIC value reached once */
    int seen[256] = {0};
    for (int i = 0; i < 256; i++)
        seen[e[i]]++;
    for (int i = 0; i < 256; i++)
        CU_ASSERT_EQUAL(seen[i], 1);
}

/* ISO 8859-1's C0 and C1 controls and DEL are exactly what code page 037
 * puts below X'40' or at X'FF'; they display as blanks, the rest as
 * themselves. */
static void test_display(void)
{
    uint8_t a[256], e[256];
    for (int i = 0; i < 256; i++)
        a[i] = (uint8_t)i;
    a2e_display(e, a, sizeof a);
    for (int i = 0; i < 256; i++) {
        bool control = i < 0x20 || (i >= 0x7F && i <= 0x9F);
        CU_ASSERT_EQUAL(e[i], control ? EBCDIC_BLANK : asc2ebc[i]);
    }
    static const char text[] = "LOGON\tMAINT\r\n";
    static const uint8_t want[] = {0xD3, 0xD6, 0xC7, 0xD6, 0xD5, 0x40, 0xD4,
                                   0xC1, 0xC9, 0xD5, 0xE3, 0x40, 0x40};
    uint8_t out[sizeof want];
    a2e_display(out, text, sizeof want);
    CU_ASSERT(memcmp(out, want, sizeof want) == 0);
}

static void test_fields(void)
{
    static const struct {
        const char *in;
        size_t n;
        uint8_t want[8];
    } to_e[] = {
        {"MAINT", 8, {0xD4, 0xC1, 0xC9, 0xD5, 0xE3, 0x40, 0x40, 0x40}},
        {"ABCDEFGHIJ", 8, {0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8}}, /* truncated */
        {"", 8, {0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40}},
        {"cms", 3, {0x83, 0x94, 0xA2}},
        {"X", 0, {0}},
    };
    for (size_t k = 0; k < NELEM(to_e); k++) {
        uint8_t buf[10];
        memset(buf, 0xEE, sizeof buf);
        a2e_field(buf, to_e[k].n, to_e[k].in);
        CU_ASSERT(memcmp(buf, to_e[k].want, to_e[k].n) == 0);
        CU_ASSERT_EQUAL(buf[to_e[k].n], 0xEE); /* nothing past the field */
    }

    static const struct {
        uint8_t in[8];
        size_t n;
        const char *want;
    } to_a[] = {
        {{0xD4, 0xC1, 0xC9, 0xD5, 0xE3, 0x40, 0x40, 0x40}, 8, "MAINT"},
        {{0xC1, 0x40, 0xC2, 0x40, 0x40, 0x40, 0x40, 0x40}, 8, "A B"}, /* inner blank kept */
        {{0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8}, 8, "ABCDEFGH"},
        {{0x40, 0x40, 0x40, 0x40}, 4, ""},
        {{0xC1, 0xC2, 0x00, 0x00}, 4, "AB"}, /* trailing nulls too */
        {{0x40, 0xC1}, 2, " A"},             /* leading blank kept */
        {{0}, 0, ""},
    };
    for (size_t k = 0; k < NELEM(to_a); k++) {
        char buf[10];
        e2a_field(buf, to_a[k].in, to_a[k].n);
        CU_ASSERT_STRING_EQUAL(buf, to_a[k].want);
    }
}

static CU_TestInfo cases[] = {
    {"known", test_known},     {"round_trip", test_round_trip},
    {"display", test_display}, {"fields", test_fields},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("ebcdic", cases);
