/*
 * test_cmdscan.c - command line scanning: tokens, the rest of a line,
 * minimum abbreviations, strict numbers.
 */
#include <string.h>
#include "lib/cmdscan.h"
#include "unit.h"

/* A line split into tokens; tokens separated by '|' in the expectation. */
static const struct {
    const char *line;
    const char *tokens;
} splits[] = {
    {"", ""},
    {"     ", ""},
    {"QUERY", "QUERY"},
    {"  q  names  ", "q|names"},
    {"LINK MAINT 190 190 RR", "LINK|MAINT|190|190|RR"},
    {"a\tb c", "a\tb|c"}, /* only the blank separates */
    {"x,y=z  (opt", "x,y=z|(opt"},
};

static void test_tokens(void)
{
    for (size_t k = 0; k < NELEM(splits); k++) {
        struct scan s;
        char tok[32], joined[128] = "";
        scan_init(&s, splits[k].line, strlen(splits[k].line));
        size_t n;
        while ((n = scan_token(&s, tok, sizeof tok)) > 0) {
            CU_ASSERT_EQUAL(n, strlen(tok));
            if (joined[0])
                strcat(joined, "|");
            strcat(joined, tok);
        }
        CU_ASSERT_STRING_EQUAL(joined, splits[k].tokens);
        CU_ASSERT(scan_at_end(&s));
        CU_ASSERT_EQUAL(scan_token(&s, tok, sizeof tok), 0);
        CU_ASSERT_STRING_EQUAL(tok, "");
    }
}

/* The length bounds the line: no NUL needed, nothing read past it. */
static void test_length_bound(void)
{
    static const char line[] = "CP QUERY TIME";
    struct scan s;
    char tok[16];
    scan_init(&s, line, 8); /* "CP QUERY" */
    CU_ASSERT_EQUAL(scan_token(&s, tok, sizeof tok), 2);
    CU_ASSERT_EQUAL(scan_token(&s, tok, sizeof tok), 5);
    CU_ASSERT_STRING_EQUAL(tok, "QUERY");
    CU_ASSERT(scan_at_end(&s));
}

/* A token longer than the buffer is truncated, fully consumed, and its
 * whole length returned. */
static void test_truncated_token(void)
{
    static const struct {
        size_t toksz;
        const char *want;
    } sizes[] = {{1, ""}, {2, "A"}, {5, "ABCD"}, {10, "ABCDEFGHI"}, {11, "ABCDEFGHIJ"}};
    for (size_t k = 0; k < NELEM(sizes); k++) {
        struct scan s;
        char tok[16];
        memset(tok, 'Z', sizeof tok);
        const char *line = "ABCDEFGHIJ next";
        scan_init(&s, line, strlen(line));
        CU_ASSERT_EQUAL(scan_token(&s, tok, sizes[k].toksz), 10);
        CU_ASSERT_STRING_EQUAL(tok, sizes[k].want);
        CU_ASSERT_EQUAL(tok[sizes[k].toksz], 'Z');
        CU_ASSERT_EQUAL(scan_token(&s, tok, sizeof tok), 4);
        CU_ASSERT_STRING_EQUAL(tok, "next");
    }
    /* toksz 0: nothing stored, the token still consumed */
    struct scan s;
    scan_init(&s, "abc def", 7);
    CU_ASSERT_EQUAL(scan_token(&s, NULL, 0), 3);
    char tok[8];
    CU_ASSERT_EQUAL(scan_token_upper(&s, tok, sizeof tok), 3);
    CU_ASSERT_STRING_EQUAL(tok, "DEF");
}

static void test_upper_and_rest(void)
{
    static const struct {
        const char *line;
        const char *first; /* upper-cased */
        const char *rest;
    } rows[] = {
        {"msg  operator  Hello there  ", "MSG", "operator  Hello there  "},
        {"Query", "QUERY", ""},
        {"   m op x", "M", "op x"},
        {"", "", ""},
    };
    for (size_t k = 0; k < NELEM(rows); k++) {
        struct scan s;
        char tok[16];
        size_t len;
        scan_init(&s, rows[k].line, strlen(rows[k].line));
        scan_token_upper(&s, tok, sizeof tok);
        CU_ASSERT_STRING_EQUAL(tok, rows[k].first);
        const char *r = scan_rest(&s, &len);
        CU_ASSERT_EQUAL(len, strlen(rows[k].rest));
        CU_ASSERT(memcmp(r, rows[k].rest, len) == 0);
        /* the rest is consumed */
        CU_ASSERT(scan_at_end(&s));
    }
}

static void test_abbrev(void)
{
    static const struct {
        const char *word, *name;
        size_t minlen;
        bool match;
    } rows[] = {
        {"Q", "QUERY", 1, true},       {"query", "QUERY", 1, true},   {"QUER", "QUERY", 1, true},
        {"QUERYX", "QUERY", 1, false}, {"QUX", "QUERY", 1, false},    {"LOG", "LOGOFF", 3, true},
        {"LO", "LOGOFF", 3, false},    {"LOGOFF", "LOGOFF", 6, true}, {"lOgOf", "LOGOFF", 3, true},
        {"", "QUERY", 0, false},       {"", "QUERY", 1, false},       {"DISC", "DISCONN", 4, true},
        {"DIS", "DISCONN", 4, false},  {"Q", "Q", 1, true},
    };
    for (size_t k = 0; k < NELEM(rows); k++)
        CU_ASSERT_EQUAL(abbrev(rows[k].word, rows[k].name, rows[k].minlen), rows[k].match);
}

static void test_numbers(void)
{
    static const struct {
        const char *s;
        bool hex_ok;
        uint32_t hex;
        bool dec_ok;
        uint32_t dec;
    } rows[] = {
        {"0", true, 0, true, 0},
        {"190", true, 0x190, true, 190},
        {"0191", true, 0x191, true, 191},
        {"ff", true, 0xFF, false, 0},
        {"C0FFEE", true, 0xC0FFEE, false, 0},
        {"FFFFFFFF", true, 0xFFFFFFFF, false, 0},
        {"000000000FFFFFFFF", true, 0xFFFFFFFF, false, 0}, /* leading zeros */
        {"100000000", false, 0, true, 100000000},          /* 9 hex digits */
        {"4294967295", false, 0, true, 4294967295u},
        {"4294967296", false, 0, false, 0},
        {"99999999999", false, 0, false, 0},
        {"", false, 0, false, 0},
        {"12 ", false, 0, false, 0},
        {"-1", false, 0, false, 0},
        {"+1", false, 0, false, 0},
        {"0x10", false, 0, false, 0},
        {"1G", false, 0, false, 0},
    };
    for (size_t k = 0; k < NELEM(rows); k++) {
        uint32_t v = 0xDEADBEEF;
        CU_ASSERT_EQUAL(parse_hex32(rows[k].s, &v), rows[k].hex_ok);
        CU_ASSERT_EQUAL(v, rows[k].hex_ok ? rows[k].hex : 0xDEADBEEF); /* untouched on error */
        v = 0xDEADBEEF;
        CU_ASSERT_EQUAL(parse_dec32(rows[k].s, &v), rows[k].dec_ok);
        CU_ASSERT_EQUAL(v, rows[k].dec_ok ? rows[k].dec : 0xDEADBEEF);
    }
}

static void test_str_upper(void)
{
    static const struct {
        const char *in, *out;
    } rows[] = {
        {"", ""},
        {"maint", "MAINT"},
        {"Link Maint 190", "LINK MAINT 190"},
        {"a-z{}~\xe9", "A-Z{}~\xe9"}, /* ASCII letters only */
    };
    for (size_t k = 0; k < NELEM(rows); k++) {
        char buf[32];
        strcpy(buf, rows[k].in);
        str_upper(buf);
        CU_ASSERT_STRING_EQUAL(buf, rows[k].out);
    }
}

static CU_TestInfo cases[] = {
    {"tokens", test_tokens},
    {"length_bound", test_length_bound},
    {"truncated_token", test_truncated_token},
    {"upper_and_rest", test_upper_and_rest},
    {"abbrev", test_abbrev},
    {"numbers", test_numbers},
    {"str_upper", test_str_upper},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("cmdscan", cases);
