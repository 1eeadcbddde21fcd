/*
 * test_fmt.c - lib_snprintf against hand-written expectations and, over a
 * generated cross product of flags, widths, precisions, length modifiers
 * and values, against the host C library's vsnprintf (an independent
 * implementation of the same C99 rules).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lib/fmt.h"
#include "unit.h"

/* ---------------------------------------------------------------- table */

enum argtype {
    A_NONE,
    A_INT,
    A_UINT,
    A_LONG,
    A_LL,
    A_ULL,
    A_STR,
    A_CHAR,
    A_PTR,
    A_W_INT,
    A_W_P_STR
};

struct row {
    const char *fmt;
    enum argtype t;
    long long i; /* integer, char, or width for the A_W_* rows */
    long long j; /* precision for A_W_P_STR */
    const char *s;
    const void *ptr;
    const char *expect;
};

static int call(char *buf, size_t size, const struct row *r)
{
    switch (r->t) {
    case A_NONE: return lib_snprintf(buf, size, r->fmt, 0);
    case A_INT: return lib_snprintf(buf, size, r->fmt, (int)r->i);
    case A_UINT: return lib_snprintf(buf, size, r->fmt, (unsigned)r->i);
    case A_LONG: return lib_snprintf(buf, size, r->fmt, (long)r->i);
    case A_LL: return lib_snprintf(buf, size, r->fmt, r->i);
    case A_ULL: return lib_snprintf(buf, size, r->fmt, (unsigned long long)r->i);
    case A_STR: return lib_snprintf(buf, size, r->fmt, r->s);
    case A_CHAR: return lib_snprintf(buf, size, r->fmt, (int)r->i);
    case A_PTR: return lib_snprintf(buf, size, r->fmt, r->ptr);
    case A_W_INT: return lib_snprintf(buf, size, r->fmt, (int)r->i, (int)r->j);
    case A_W_P_STR: return lib_snprintf(buf, size, r->fmt, (int)r->i, (int)r->j, r->s);
    }
    return -1;
}

static const struct row rows[] = {
    {"plain text", A_NONE, 0, 0, NULL, NULL, "plain text"},
    {"100%%", A_NONE, 0, 0, NULL, NULL, "100%"},
    {"%d", A_INT, 0, 0, NULL, NULL, "0"},
    {"%d", A_INT, -123, 0, NULL, NULL, "-123"},
    {"%i", A_INT, INT_MIN, 0, NULL, NULL, "-2147483648"},
    {"%5d|", A_INT, 42, 0, NULL, NULL, "   42|"},
    {"%-5d|", A_INT, 42, 0, NULL, NULL, "42   |"},
    {"%05d", A_INT, -42, 0, NULL, NULL, "-0042"},
    {"%+d", A_INT, 5, 0, NULL, NULL, "+5"},
    {"% d", A_INT, 5, 0, NULL, NULL, " 5"},
    {"%+ d", A_INT, 5, 0, NULL, NULL, "+5"},
    {"%.3d", A_INT, 7, 0, NULL, NULL, "007"},
    {"%08.3d", A_INT, 7, 0, NULL, NULL, "     007"},
    {"%.0d|", A_INT, 0, 0, NULL, NULL, "|"},
    {"%3.0d|", A_INT, 0, 0, NULL, NULL, "   |"},
    {"%-08d|", A_INT, 3, 0, NULL, NULL, "3       |"},
    {"%u", A_UINT, 4294967295LL, 0, NULL, NULL, "4294967295"},
    {"%x", A_UINT, 0xdeadbeefLL, 0, NULL, NULL, "deadbeef"},
    {"%X", A_UINT, 0xdeadbeefLL, 0, NULL, NULL, "DEADBEEF"},
    {"%08X", A_UINT, 0x1F, 0, NULL, NULL, "0000001F"},
    {"%#x", A_UINT, 255, 0, NULL, NULL, "0xff"},
    {"%#X", A_UINT, 255, 0, NULL, NULL, "0XFF"},
    {"%#x", A_UINT, 0, 0, NULL, NULL, "0"},
    {"%#010x", A_UINT, 255, 0, NULL, NULL, "0x000000ff"},
    {"%#o", A_UINT, 8, 0, NULL, NULL, "010"},
    {"%#o", A_UINT, 0, 0, NULL, NULL, "0"},
    {"%#.0o", A_UINT, 0, 0, NULL, NULL, "0"},
    {"%o", A_UINT, 511, 0, NULL, NULL, "777"},
    {"%ld", A_LONG, -9000000000LL, 0, NULL, NULL, "-9000000000"},
    {"%lld", A_LL, LLONG_MIN, 0, NULL, NULL, "-9223372036854775808"},
    {"%llu", A_ULL, -1, 0, NULL, NULL, "18446744073709551615"},
    {"%016llX", A_ULL, 0x12345678ABCDLL, 0, NULL, NULL, "000012345678ABCD"},
    {"%hhd", A_INT, 300, 0, NULL, NULL, "44"},
    {"%hhu", A_UINT, 0x1FF, 0, NULL, NULL, "255"},
    {"%hd", A_INT, 70000, 0, NULL, NULL, "4464"},
    {"%hx", A_UINT, 0x12345, 0, NULL, NULL, "2345"},
    {"%s", A_STR, 0, 0, "CP", NULL, "CP"},
    {"[%8s]", A_STR, 0, 0, "MAINT", NULL, "[   MAINT]"},
    {"[%-8s]", A_STR, 0, 0, "MAINT", NULL, "[MAINT   ]"},
    {"[%.3s]", A_STR, 0, 0, "MAINT", NULL, "[MAI]"},
    {"[%5.2s]", A_STR, 0, 0, "MAINT", NULL, "[   MA]"},
    {"[%s]", A_STR, 0, 0, NULL, NULL, "[(null)]"},
    {"[%c]", A_CHAR, 'A', 0, NULL, NULL, "[A]"},
    {"[%3c]", A_CHAR, 'A', 0, NULL, NULL, "[  A]"},
    {"[%-3c]", A_CHAR, 'A', 0, NULL, NULL, "[A  ]"},
    {"%p", A_PTR, 0, 0, NULL, (void *)0x1234, "0x1234"},
    {"%p", A_PTR, 0, 0, NULL, NULL, "0x0"},
    {"[%*d]", A_W_INT, 5, 42, NULL, NULL, "[   42]"},
    {"[%*d]", A_W_INT, -5, 42, NULL, NULL, "[42   ]"},
    {"[%.*d]", A_W_INT, 4, 42, NULL, NULL, "[0042]"},
    {"[%.*d]", A_W_INT, -1, 42, NULL, NULL, "[42]"},
    {"[%*.*s]", A_W_P_STR, 6, 2, "ABCDEF", NULL, "[    AB]"},
    {"[%-*.*s]", A_W_P_STR, 6, 3, "ABCDEF", NULL, "[ABC   ]"},
    /* Our choices where C gives no rule: an unknown conversion is copied. */
    {"%q", A_NONE, 0, 0, NULL, NULL, "%q"},
    {"%-5q!", A_NONE, 0, 0, NULL, NULL, "%-5q!"},
    {"end%", A_NONE, 0, 0, NULL, NULL, "end%"},
    {"%02d:%02d", A_W_INT, 9, 5, NULL, NULL, "09:05"},
};

static void test_table(void)
{
    for (size_t k = 0; k < NELEM(rows); k++) {
        char buf[64];
        memset(buf, 'Z', sizeof buf);
        int n = call(buf, sizeof buf, &rows[k]);
        int ok = n == (int)strlen(rows[k].expect) && strcmp(buf, rows[k].expect) == 0;
        if (!ok)
            fprintf(stderr, "\nfmt row %zu \"%s\": got \"%s\" (%d), want \"%s\"\n", k, rows[k].fmt,
                    buf, n, rows[k].expect);
        CU_ASSERT(ok);
    }
}

/* Truncation: the return value is the full length; the buffer holds a
 * prefix and a NUL, and nothing past size is touched. */
static void test_truncation(void)
{
    static const char full[] = "LOGON AT 18:20:03";
    for (size_t size = 0; size < sizeof full + 3; size++) {
        char buf[40];
        memset(buf, 'Z', sizeof buf);
        int n = lib_snprintf(buf, size, "%s AT %02d:%02d:%02d", "LOGON", 18, 20, 3);
        CU_ASSERT_EQUAL(n, (int)strlen(full));
        if (size > 0) {
            size_t keep = size - 1 < strlen(full) ? size - 1 : strlen(full);
            CU_ASSERT(memcmp(buf, full, keep) == 0);
            CU_ASSERT_EQUAL(buf[keep], '\0');
            for (size_t i = keep + 1; i < sizeof buf; i++)
                CU_ASSERT_EQUAL(buf[i], 'Z');
        } else {
            CU_ASSERT_EQUAL(buf[0], 'Z');
        }
    }
    /* size 0 may come with a null buffer */
    CU_ASSERT_EQUAL(lib_snprintf(NULL, 0, "%d", 12345), 5);
}

/* A NUL character from %c is counted and stored like any other. */
static void test_nul_char(void)
{
    char buf[8];
    memset(buf, 'Z', sizeof buf);
    CU_ASSERT_EQUAL(lib_snprintf(buf, sizeof buf, "a%cb", 0), 3);
    CU_ASSERT(memcmp(buf, "a\0b\0", 4) == 0);
}

/* --------------------------------------------- comparison with the host */

static long nchecks, nfails;

/* Format with both implementations at a roomy size and a small one. */
static void check(const char *fmt, ...)
{
    static const size_t sizes[] = {160, 7};
    for (size_t k = 0; k < NELEM(sizes); k++) {
        char mine[160], host[160];
        va_list ap, aq;
        memset(mine, 'Z', sizeof mine);
        memset(host, 'Z', sizeof host);
        va_start(ap, fmt);
        va_copy(aq, ap);
        int n1 = lib_vsnprintf(mine, sizes[k], fmt, ap);
        int n2 = vsnprintf(host, sizes[k], fmt, aq);
        va_end(aq);
        va_end(ap);
        nchecks++;
        if (n1 != n2 || memcmp(mine, host, sizeof mine) != 0) {
            if (nfails++ < 10)
                fprintf(stderr, "\nfmt \"%s\" size %zu: mine \"%s\" (%d), host \"%s\" (%d)\n", fmt,
                        sizes[k], mine, n1, host, n2);
        }
    }
}

static const char *const widths[] = {"", "1", "6", "25", "*"};
static const char *const precs[] = {"", ".", ".0", ".1", ".4", ".30", ".*"};
static const int star_w[] = {-8, 0, 8};
static const int star_p[] = {-3, 0, 3};

/* Call check() with the '*' arguments the format asks for, then v. */
#define CHECK_STARS(f, sw, sp, v)                                                                  \
    do {                                                                                           \
        for (size_t a = 0; a < ((sw) ? NELEM(star_w) : 1); a++)                                    \
            for (size_t b = 0; b < ((sp) ? NELEM(star_p) : 1); b++) {                              \
                if ((sw) && (sp))                                                                  \
                    check(f, star_w[a], star_p[b], v);                                             \
                else if (sw)                                                                       \
                    check(f, star_w[a], v);                                                        \
                else if (sp)                                                                       \
                    check(f, star_p[b], v);                                                        \
                else                                                                               \
                    check(f, v);                                                                   \
            }                                                                                      \
    } while (0)

static const long long svals[] = {
    0,      1,     -1,     7,       -42,     127,       -128,         255,       32767,
    -32768, 65535, 100000, INT_MAX, INT_MIN, 1LL << 40, -(1LL << 40), LLONG_MAX, LLONG_MIN,
};

static const char *const lengths[] = {"", "hh", "h", "l", "ll", "z", "j", "t"};

/* Pass v as the type the length modifier names (C99 7.19.6.1p7): the
 * signed type for d and i, the unsigned one otherwise. */
#define PASS_AS(stype, utype)                                                                      \
    do {                                                                                           \
        if (conv == 'd' || conv == 'i')                                                            \
            CHECK_STARS(f, sw, sp, (stype)v);                                                      \
        else                                                                                       \
            CHECK_STARS(f, sw, sp, (utype)v);                                                      \
    } while (0)

static void check_int(const char *f, int sw, int sp, char conv, size_t len, long long v)
{
    switch (len) {
    case 0:
    case 1:
    case 2: PASS_AS(int, unsigned); break; /* hh and h convert an int themselves */
    case 3: PASS_AS(long, unsigned long); break;
    case 4: PASS_AS(long long, unsigned long long); break;
    case 5: PASS_AS(ptrdiff_t, size_t); break; /* ptrdiff_t: the signed size_t */
    case 6: PASS_AS(intmax_t, uintmax_t); break;
    case 7: PASS_AS(ptrdiff_t, size_t); break; /* size_t: the unsigned ptrdiff_t */
    }
}

static void test_host_integers(void)
{
    static const char convs[] = "diuxXo";
    static const char flagch[] = "-0+ #";
    nchecks = nfails = 0;
    for (const char *c = convs; *c; c++)
        for (unsigned fl = 0; fl < 32; fl++) {
            bool sgn = *c == 'd' || *c == 'i';
            /* '#' is undefined for d, i and u */
            if ((fl & 16) && (sgn || *c == 'u'))
                continue;
            char flags[8];
            size_t nf = 0;
            for (int b = 0; b < 5; b++)
                if (fl & (1u << b))
                    flags[nf++] = flagch[b];
            flags[nf] = '\0';
            for (size_t w = 0; w < NELEM(widths); w++)
                for (size_t p = 0; p < NELEM(precs); p++)
                    for (size_t l = 0; l < NELEM(lengths); l++) {
                        char f[40];
                        snprintf(f, sizeof f, "<%%%s%s%s%s%c>", flags, widths[w], precs[p],
                                 lengths[l], *c);
                        int sw = widths[w][0] == '*', sp = strchr(precs[p], '*') != NULL;
                        for (size_t v = 0; v < NELEM(svals); v++)
                            check_int(f, sw, sp, *c, l, svals[v]);
                    }
        }
    if (nfails)
        fprintf(stderr, "\n%ld of %ld integer formats differ from the host\n", nfails, nchecks);
    CU_ASSERT(nchecks > 100000);
    CU_ASSERT_EQUAL(nfails, 0);
}

static void test_host_strings(void)
{
    static const char *const strs[] = {"", "a", "hello", "a longer string, 26 chars"};
    static const char chars[] = {'x', ' ', 'Z', '%'};
    static int dummy[4];
    static const void *const ptrs[] = {&dummy[0], &dummy[3], (void *)1, (void *)0xFFFF0000};
    nchecks = nfails = 0;
    for (int left = 0; left < 2; left++)
        for (size_t w = 0; w < NELEM(widths); w++) {
            int sw = widths[w][0] == '*';
            for (size_t p = 0; p < NELEM(precs); p++) {
                char f[40];
                int sp = strchr(precs[p], '*') != NULL;
                snprintf(f, sizeof f, "[%%%s%s%ss]", left ? "-" : "", widths[w], precs[p]);
                for (size_t s = 0; s < NELEM(strs); s++)
                    CHECK_STARS(f, sw, sp, strs[s]);
            }
            char f[40];
            snprintf(f, sizeof f, "[%%%s%sc]", left ? "-" : "", widths[w]);
            for (size_t c = 0; c < NELEM(chars); c++)
                CHECK_STARS(f, sw, 0, (int)chars[c]);
            snprintf(f, sizeof f, "[%%%s%sp]", left ? "-" : "", widths[w]);
            for (size_t q = 0; q < NELEM(ptrs); q++)
                CHECK_STARS(f, sw, 0, ptrs[q]);
        }
    /* Several conversions and literal text in one format. */
    check("%s=%d, %x%%%c|%-4u|", "R1", -3, 0xABCu, 'q', 12u);
    check("%5s%-5s%05d%+.2d", "ab", "cd", 42, 7);
    CU_ASSERT(nchecks > 1000);
    CU_ASSERT_EQUAL(nfails, 0);
}

static CU_TestInfo cases[] = {
    {"table", test_table},
    {"truncation", test_truncation},
    {"nul_char", test_nul_char},
    {"host_integers", test_host_integers},
    {"host_strings", test_host_strings},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("fmt", cases);
