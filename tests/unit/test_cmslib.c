/*
 * test_cmslib.c - the portable part of the C runtime of CMS programs
 * (cms/lib/plist.c, cms/lib/fmode.c) and the FST entry that STATE gives
 * programs (cms/fs/fsfst.c): tokenised plists and FSCBs byte for byte,
 * fopen's file names and modes, good and bad.
 */
#include <string.h>
#include "cms/fs/cmsfs.h"
#include "cms/lib/cmslib.h"
#include "console/ebcdic.h"
#include "unit.h"

/* 8-byte EBCDIC token of an ASCII string (blank padded). */
static void etok(uint8_t out[8], const char *s)
{
    char t[8];
    memset(t, ' ', 8);
    memcpy(t, s, strlen(s));
    a2e(out, t, 8);
}

static void test_tokens(void)
{
    static const struct {
        const char *line;
        int n;
        const char *tok[8];
    } rows[] = {
        {"", 0, {NULL}},
        {"   ", 0, {NULL}},
        {"hello", 1, {"HELLO"}},
        {"  listfile * exec a ", 4, {"LISTFILE", "*", "EXEC", "A"}},
        {"TESTPROG (FILE2)", 4, {"TESTPROG", "(", "FILE2", ")"}},
        {"verylongtokenname x", 2, {"VERYLONG", "X"}},
        {"a(b)c", 5, {"A", "(", "B", ")", "C"}},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        uint8_t p[(CMSLIB_MAXTOK + 1) * 8];
        memset(p, 0xAA, sizeof(p));
        int n = cmslib_tokens(rows[i].line, p, CMSLIB_MAXTOK);
        CU_ASSERT_EQUAL(n, rows[i].n);
        for (int k = 0; k < rows[i].n; k++) {
            uint8_t want[8];
            etok(want, rows[i].tok[k]);
            CU_ASSERT_EQUAL(memcmp(p + 8 * k, want, 8), 0);
        }
        static const uint8_t fence[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        CU_ASSERT_EQUAL(memcmp(p + 8 * n, fence, 8), 0);
    }
    /* at most max tokens, then the fence */
    uint8_t p[4 * 8];
    CU_ASSERT_EQUAL(cmslib_tokens("a b c d e f", p, 3), 3);
    CU_ASSERT_EQUAL(p[24], 0xFF);
}

static void test_fscb(void)
{
    uint8_t p[FSCB_LEN], want[8];
    CU_ASSERT_TRUE(cmslib_fscb(p, "RDBUF", "profile", "Exec", "a1"));
    etok(want, "RDBUF");
    CU_ASSERT_EQUAL(memcmp(p, want, 8), 0);
    etok(want, "PROFILE");
    CU_ASSERT_EQUAL(memcmp(p + 8, want, 8), 0);
    etok(want, "EXEC");
    CU_ASSERT_EQUAL(memcmp(p + 16, want, 8), 0);
    CU_ASSERT_EQUAL(p[24], 0xC1); /* A */
    CU_ASSERT_EQUAL(p[25], 0xF1); /* 1 */
    for (int i = 26; i < FSCB_LEN; i++)
        CU_ASSERT_EQUAL(p[i], 0);
    CU_ASSERT_TRUE(cmslib_fscb(p, "STATE", "*", "*", ""));
    CU_ASSERT_EQUAL(p[24], 0x40);
    CU_ASSERT_EQUAL(p[25], 0x40);
    CU_ASSERT_FALSE(cmslib_fscb(p, "STATE", "TOOLONGNAME", "X", "A"));
    CU_ASSERT_FALSE(cmslib_fscb(p, "STATE", "", "X", "A"));
    CU_ASSERT_FALSE(cmslib_fscb(p, "STATE", "A", "X", "A12"));
    CU_ASSERT_FALSE(cmslib_fscb(p, "STATE", NULL, "X", "A"));
    CU_ASSERT_TRUE(cmslib_fscb(p, "STATE", "A", "X", NULL));
}

static void test_fopen_parse(void)
{
    static const struct {
        const char *name, *mode;
        int rc;
        const char *fn, *ft, *fm;
        char how;
        bool binary;
        char recfm;
        unsigned lrecl;
    } rows[] = {
        {"data file a", "r", 0, "DATA", "FILE", "A", 'r', false, 0, 0},
        {"DATA FILE", "rb", 0, "DATA", "FILE", "", 'r', true, 0, 0},
        {"  out  list  b1 ", "w", 0, "OUT", "LIST", "B1", 'w', false, 0, 0},
        {"out.list.a", "a", 0, "OUT", "LIST", "A", 'a', false, 0, 0},
        {"x y a", "w,recfm=F,lrecl=80", 0, "X", "Y", "A", 'w', false, 'F', 80},
        {"x y a", "wb, RECFM=v , lrecl=1024", 0, "X", "Y", "A", 'w', true, 'V', 1024},
        {"x y a", "w,recfm=fb,lrecl=800,type=record", 0, "X", "Y", "A", 'w', false, 'F', 800},
        {"x y a", "wt", 0, "X", "Y", "A", 'w', false, 0, 0},
        {"x y a", "r+", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"x y a", "x", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"x y a", "w,recfm=U", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"x y a", "w,lrecl=0", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"x y a", "w,lrecl=65536", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"x y a", "w,lrecl=8x", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"onlyone", "r", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"toolongname ft a", "r", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"fn ft a1 extra", "r", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"fn ft a12", "r", -1, NULL, NULL, NULL, 0, false, 0, 0},
        {"", "r", -1, NULL, NULL, NULL, 0, false, 0, 0},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        struct cmslib_fopen o;
        int rc = cmslib_fopen_parse(rows[i].name, rows[i].mode, &o);
        CU_ASSERT_EQUAL(rc, rows[i].rc);
        if (rc != 0 || rows[i].rc != 0)
            continue;
        CU_ASSERT_STRING_EQUAL(o.fn, rows[i].fn);
        CU_ASSERT_STRING_EQUAL(o.ft, rows[i].ft);
        CU_ASSERT_STRING_EQUAL(o.fm, rows[i].fm);
        CU_ASSERT_EQUAL(o.how, rows[i].how);
        CU_ASSERT_EQUAL(o.binary, rows[i].binary);
        CU_ASSERT_EQUAL(o.recfm, rows[i].recfm);
        CU_ASSERT_EQUAL(o.lrecl, rows[i].lrecl);
    }
}

/* The FST entry STATE copies for a program: every field at its offset. */
static void test_fst_entry(void)
{
    struct cmsfs_fst f = {.fm_number = 2,
                          .recfm = 0xC6,
                          .lrecl = 80,
                          .records = 1234,
                          .datablocks = 125,
                          .written = {9, 6, 6, 20, 16}};
    a2e(f.fn, "PROFILE ", 8);
    a2e(f.ft, "EXEC    ", 8);
    f.fm_letter = 0xE2; /* S */
    uint8_t e[CMSFS_FSTLEN];
    cmsfs_fst_entry(&f, e);
    static const uint8_t want[CMSFS_FSTLEN] = {
        0xD7, 0xD9, 0xD6, 0xC6, 0xC9, 0xD3, 0xC5, 0x40, /* PROFILE */
        0xC5, 0xE7, 0xC5, 0xC3, 0x40, 0x40, 0x40, 0x40, /* EXEC */
        0x06, 0x06, 0x20, 0x16,                         /* 06/06 20:16 */
        0x04, 0xD3, 0x00, 0x01,                         /* write pointer 1235, read 1 */
        0xE2, 0xF2, 0x04, 0xD2,                         /* S2, 1234 records */
        0x00, 0x00, 0xC6, 0x00,                         /* chain link, F, flags */
        0x00, 0x00, 0x00, 0x50, 0x00, 0x7D,             /* LRECL 80, 125 blocks */
        0xF0, 0xF9,                                     /* 09 */
    };
    CU_ASSERT_EQUAL(memcmp(e, want, sizeof(want)), 0);
    struct cmsfs_fst g;
    cmsfs_fst_decode(e, &g);
    CU_ASSERT_EQUAL(memcmp(g.fn, f.fn, 8), 0);
    CU_ASSERT_EQUAL(memcmp(g.ft, f.ft, 8), 0);
    CU_ASSERT_EQUAL(g.fm_letter, 0xE2);
    CU_ASSERT_EQUAL(g.fm_number, 2);
    CU_ASSERT_EQUAL(g.recfm, 0xC6);
    CU_ASSERT_EQUAL(g.lrecl, 80);
    CU_ASSERT_EQUAL(g.records, 1234);
    CU_ASSERT_EQUAL(g.datablocks, 125);
    CU_ASSERT_EQUAL(g.written.year, 9);
    CU_ASSERT_EQUAL(g.written.month, 6);
    CU_ASSERT_EQUAL(g.written.day, 6);
    CU_ASSERT_EQUAL(g.written.hour, 20);
    CU_ASSERT_EQUAL(g.written.min, 16);
}

static CU_TestInfo cases[] = {
    {"tokenised plists", test_tokens},
    {"FSCBs", test_fscb},
    {"fopen's file names and modes", test_fopen_parse},
    {"the FST entry of STATE", test_fst_entry},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("cmslib", cases);
