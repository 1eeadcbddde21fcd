/*
 * test_sysspec.c - the system specification reader (dasd/sysspec.c).
 *
 * The shipped dasd/system/cpcms.spec must load. Good specifications come
 * back as the structs they describe; every bad one must be refused with
 * "file:LINE: text" naming the line and the problem, and a file with
 * several errors must have all of them reported. The files are written to
 * a temporary directory that is removed afterwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dasd/sysspec.h"
#include "unit.h"

static char tmpdir[64];
static char specpath[128];
static char errs[4096];
static struct sysspec spec;

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/sysspecXXXXXX");
    CU_ASSERT_PTR_NOT_NULL(mkdtemp(tmpdir));
    snprintf(specpath, sizeof(specpath), "%s/test.spec", tmpdir);
}

static void remove_tmpdir(void)
{
    unlink(specpath);
    CU_ASSERT_EQUAL(rmdir(tmpdir), 0);
}

/* Write text as the spec file and load it. A text that does not mention
 * SYSCONS gets "SYSCONS 009" as its last line (after every other line, so
 * the line numbers of the rows stay as written). */
static int load(const char *text)
{
    FILE *f = fopen(specpath, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    if (!strstr(text, "SYSCONS"))
        fputs(text[0] && text[strlen(text) - 1] != '\n' ? "\nSYSCONS 009\n" : "SYSCONS 009\n", f);
    fclose(f);
    memset(errs, 'Z', sizeof(errs));
    return spec_load(specpath, &spec, errs, sizeof(errs));
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* A good system: lines 1-7. */
#define BASE                                                                                       \
    "SYSNAME TEST\n"                                                                               \
    "SYSOPER OPERATOR\n"                                                                           \
    "DIRECT user.direct\n"                                                                         \
    "VOLUME SYS001 3350 130 SYSRES\n"                                                              \
    "NUCLEUS 1 3\n"                                                                                \
    "DRCT 4 5\n"                                                                                   \
    "PAGE 6 100\n"

#define L72 "123456789012345678901234567890123456789012345678901234567890123456789012"

/* ---------------------------------------------------------------- the shipped file */

static void test_shipped(void)
{
    int rc = spec_load("dasd/system/cpcms.spec", &spec, errs, sizeof(errs));
    if (rc)
        printf("\n%s", errs);
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    CU_ASSERT_STRING_EQUAL(errs, "");
    CU_ASSERT_EQUAL(spec.nvol, 2);
    const struct spec_volume *res = spec_sysres(&spec);
    CU_ASSERT_PTR_NOT_NULL_FATAL(res);
    CU_ASSERT_STRING_EQUAL(res->volser, "CPSYS1");
    CU_ASSERT_PTR_EQUAL(res, spec_find(&spec, "CPSYS1"));
    const struct vol_extent *nuc = alloc_find(&res->alloc, AREA_NUCLEUS, -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(nuc);
    CU_ASSERT_EQUAL(nuc->first, 1);
    CU_ASSERT_EQUAL(nuc->last, 3);
    CU_ASSERT_PTR_NOT_NULL(alloc_find(&res->alloc, AREA_DRCT, -1));
    CU_ASSERT_TRUE(res->alloc.sysres);
    CU_ASSERT_STRING_EQUAL(res->alloc.volser, "CPSYS1");
    CU_ASSERT_EQUAL(res->alloc.cyls, res->g->cyls);
    const struct spec_volume *usr = spec_find(&spec, "CPUSR1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(usr);
    CU_ASSERT_FALSE(usr->sysres);
    CU_ASSERT_NOT_EQUAL(usr->devno, res->devno);
    CU_ASSERT_PTR_NULL(spec_find(&spec, "NOSUCH"));
    /* the areas the allocation map will carry pass its own checks */
    for (int v = 0; v < spec.nvol; v++) {
        uint8_t rec[VOLFMT_PAGE];
        struct vol_alloc back;
        char why[200];
        alloc_encode(rec, &spec.vol[v].alloc);
        CU_ASSERT_EQUAL(alloc_decode(rec, sizeof(rec), &back, why, sizeof(why)), 0);
    }
    CU_ASSERT_STRING_EQUAL(spec.direct, "dasd/system/user.direct");
    CU_ASSERT(spec.sys.sysname[0] != 0 && spec.sys.sysoper[0] != 0);
}

/* ---------------------------------------------------------------- good specifications */

static void test_good(void)
{
    make_tmpdir();
    int rc = load("* a comment\n"
                  "\n"
                  "  sysname   My$Sys  \r\n"
                  "sysoper op1\n"
                  "SYSCONS 01F\n"
                  "SYSTIME IST +05:30\n"
                  "MORE 60 5\n"
                  "LOGMSG   Hello, World:  two blanks kept\n"
                  "LOGMSG\n"
                  "LOGMSG " L72 "\n"
                  "DIRECT sub/My.Direct\n"
                  "volume cpres1 3390-3 a80 sysres\n"
                  " nucleus 1 1\n"
                  "\tdrct 2 2\n"
                  "  * an indented comment\n"
                  "PERM 3 3338\n"
                  "VOLUME $#@ 3380-K 0A81\n"
                  "SPOOL 1 2654\n"
                  "VOLUME V3 3330 A82\n");
    if (rc)
        printf("\n%s", errs);
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    CU_ASSERT_STRING_EQUAL(spec.sys.sysname, "MY$SYS");
    CU_ASSERT_STRING_EQUAL(spec.sys.sysoper, "OP1");
    CU_ASSERT_EQUAL(spec.sys.syscons, 0x01F);
    CU_ASSERT_STRING_EQUAL(spec.sys.zone_id, "IST");
    CU_ASSERT_EQUAL(spec.sys.zone_sec, 5 * 3600 + 30 * 60);
    CU_ASSERT_EQUAL(spec.sys.more1, 60);
    CU_ASSERT_EQUAL(spec.sys.more2, 5);
    CU_ASSERT_EQUAL_FATAL(spec.sys.nlogmsg, 3);
    CU_ASSERT_STRING_EQUAL(spec.sys.logmsg[0], "Hello, World:  two blanks kept");
    CU_ASSERT_STRING_EQUAL(spec.sys.logmsg[1], "");
    CU_ASSERT_STRING_EQUAL(spec.sys.logmsg[2], L72);
    char want[256];
    snprintf(want, sizeof(want), "%s/sub/My.Direct", tmpdir);
    CU_ASSERT_STRING_EQUAL(spec.direct, want);
    CU_ASSERT_EQUAL_FATAL(spec.nvol, 3);
    const struct spec_volume *v = &spec.vol[0];
    CU_ASSERT_STRING_EQUAL(v->volser, "CPRES1");
    CU_ASSERT_STRING_EQUAL(v->g->name, "3390-3");
    CU_ASSERT_EQUAL(v->devno, 0xA80);
    CU_ASSERT_TRUE(v->sysres);
    CU_ASSERT_EQUAL(v->line, 12);
    CU_ASSERT_EQUAL(v->alloc.devtype, 0x3390);
    CU_ASSERT_EQUAL(v->alloc.cyls, 3339);
    CU_ASSERT_EQUAL(v->alloc.heads, 15);
    CU_ASSERT_EQUAL_FATAL(v->alloc.count, 3);
    CU_ASSERT_EQUAL(v->alloc.ext[2].type, AREA_PERM);
    CU_ASSERT_EQUAL(v->alloc.ext[2].first, 3);
    CU_ASSERT_EQUAL(v->alloc.ext[2].last, 3338);
    v = &spec.vol[1];
    CU_ASSERT_STRING_EQUAL(v->volser, "$#@");
    CU_ASSERT_FALSE(v->sysres);
    CU_ASSERT_EQUAL(v->devno, 0x0A81);
    CU_ASSERT_EQUAL(v->alloc.count, 1);
    CU_ASSERT_EQUAL(spec.vol[2].alloc.count, 0);
    CU_ASSERT_PTR_EQUAL(spec_sysres(&spec), &spec.vol[0]);

    char name[64];
    spec_image_name(&spec.vol[0], name, sizeof(name));
    CU_ASSERT_STRING_EQUAL(name, "cpres1.3390-3");
    spec_image_name(&spec.vol[1], name, sizeof(name));
    CU_ASSERT_STRING_EQUAL(name, "$#@.3380-K");

    /* defaults: zone GMT, no MORE (0: the console's defaults); absolute DIRECT */
    rc = load("SYSNAME A\nSYSOPER B\nDIRECT /etc/x.direct\n"
              "VOLUME R 3350 1 SYSRES\nNUCLEUS 1 1\nDRCT 2 2\n");
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    CU_ASSERT_STRING_EQUAL(spec.sys.zone_id, "GMT");
    CU_ASSERT_EQUAL(spec.sys.zone_sec, 0);
    CU_ASSERT_EQUAL(spec.sys.more1, 0);
    CU_ASSERT_EQUAL(spec.sys.nlogmsg, 0);
    CU_ASSERT_STRING_EQUAL(spec.direct, "/etc/x.direct");
    remove_tmpdir();
}

static const struct {
    const char *text;
    int32_t sec;
} zones[] = {
    {"+05:30", 19800}, {"-05:00", -18000}, {"-5", -18000},   {"0", 0},         {"+00:00", 0},
    {"14", 50400},     {"-14:00", -50400}, {"+9:45", 35100}, {"-0:30", -1800},
};

static void test_zones(void)
{
    make_tmpdir();
    for (size_t i = 0; i < NELEM(zones); i++) {
        char text[512];
        snprintf(text, sizeof(text), BASE "SYSTIME ZZZ %s\n", zones[i].text);
        int rc = load(text);
        if (rc)
            printf("\n%s", errs);
        CU_ASSERT_EQUAL(rc, 0);
        CU_ASSERT_EQUAL(spec.sys.zone_sec, zones[i].sec);
    }
    remove_tmpdir();
}

/* ---------------------------------------------------------------- bad specifications */

static const struct {
    const char *text;
    int line;          /* of the (first) error */
    const char *words; /* '|'-separated, all in that error's text */
    int nerr;          /* errors in all */
} bad[] = {
    {BASE "FOO 1 2\n", 8, "unknown statement FOO", 1},
    {BASE "NAMESYS CMS 0-255\n", 0, "NAMESYS CMS|no SAVED area", 1},
    {BASE "SAVED 101 101\nNAMESYS CMS 0-255\n", 0, "NAMESYS CMS|no SAVED area|256 pages", 1},
    {BASE "SAVED 101 110\nNAMESYS CMS 0\n", 9, "NAMESYS CMS|pages 0 must be", 1},
    {BASE "SAVED 101 110\nNAMESYS CMS\n", 9, "NAMESYS needs", 1},
    {BASE "SAVED 101 110\nNAMESYS CMS 10-5\n", 9, "NAMESYS CMS|pages 10-5", 1},
    {BASE "SAVED 101 110\nNAMESYS CMS 0-4096\n", 9, "NAMESYS CMS|0-4095", 1},
    {BASE "SAVED 101 110\nNAMESYS CMS 0-255 SHARED 1-16\n", 9, "NAMESYS CMS|SHARED", 1},
    {BASE "SAVED 101 110\nNAMESYS CMS 0-255 SHARE 1-2\n", 9, "NAMESYS CMS|SHARED", 1},
    {BASE "SAVED 101 110\nNAMESYS CMS 0-255 SHARED 0-1\n", 9, "NAMESYS CMS|SHARED|not 0", 1},
    {BASE "SAVED 101 110\nNAMESYS CMS 0-1\nNAMESYS CMS 2-3\n", 10, "CMS|already used", 1},
    {BASE "VOLUMES X 3350 131\n", 8, "unknown statement VOLUMES", 1},
    {"SYSNAME T\nSYSOPER O\nPAGE 1 2\nDIRECT d\nVOLUME R 3350 1 SYSRES\nNUCLEUS 1 1\nDRCT 2 2\n", 3,
     "PAGE|must follow a VOLUME", 1},
    {BASE "SPOOL 50 60\n", 8, "SPOOL 50-60 overlaps PAGE 6-100", 1},
    {BASE "SPOOL 1 1\n", 8, "overlaps NUCLEUS 1-3", 1},
    {BASE "PERM 101 555\n", 8, "PERM 101-555|1-554|3350", 1},
    {BASE "PERM 101 99999\n", 8, "PERM 101 99999", 1},
    {BASE "PERM 0 0\n", 8, "PERM 0-0|cylinder 0", 1},
    {BASE "PERM 200 150\n", 8, "PERM 200-150", 1},
    {BASE "PERM 200\n", 8, "PERM needs two operands", 1},
    {BASE "PERM 200 300 400\n", 8, "PERM needs two operands", 1},
    {BASE "TDSK 2OO 300\n", 8, "TDSK 2OO 300|decimal", 1},
    {BASE "PERM -1 300\n", 8, "decimal", 1},
    {BASE "VOLUME SYS002 3350 131 SYSRES\n", 8, "SYS002|SYSRES", 1},
    {"SYSNAME A\nSYSOPER B\nDIRECT d\nVOLUME R 3350 1\nPAGE 1 2\n", 0, "no volume is marked SYSRES",
     1},
    {"SYSNAME A\nSYSOPER B\nDIRECT d\n", 0, "no VOLUME", 1},
    {BASE "VOLUME SYS001 3350 131\n", 8, "SYS001|already used", 1},
    {BASE "volume sys001 3350 131\n", 8, "SYS001|already used", 1},
    {BASE "VOLUME SYS002 3350 130\n", 8, "SYS002|0130|SYS001", 1},
    {BASE "VOLUME SYS002 3350 0130\n", 8, "address 0130", 1},
    {BASE "VOLUME SYS002 3340 131\n", 8, "SYS002|device type 3340", 1},
    {BASE "VOLUME SYS002 FBA 131\n", 8, "device type FBA", 1},
    {BASE "VOLUME SYS002 3350 12345\n", 8, "address 12345|hex", 1},
    {BASE "VOLUME SYS002 3350 XYZ\n", 8, "address XYZ", 1},
    {BASE "VOLUME SYS0002 3350 131\n", 8, "SYS0002|label", 1},
    {BASE "VOLUME SYS-2 3350 131\n", 8, "SYS-2|label", 1},
    {BASE "VOLUME SYS002 3350\n", 8, "VOLUME needs", 1},
    {BASE "VOLUME SYS002 3350 131 SYSRES EXTRA\n", 8, "VOLUME needs", 1},
    {BASE "VOLUME SYS002 3350 131 FOO\n", 8, "unknown operand FOO", -1},
    {BASE "VOLUME USR001 3350 131\nNUCLEUS 1 3\n", 8, "USR001|NUCLEUS and DRCT|SYSRES", 1},
    {"SYSNAME A\nSYSOPER B\nDIRECT d\nVOLUME R 3350 1 SYSRES\nNUCLEUS 1 1\n", 4,
     "VOLUME R|one NUCLEUS and one DRCT", 1},
    {BASE "NUCLEUS 200 200\n", 4, "VOLUME SYS001|one NUCLEUS", 1},
    {"SYSOPER B\nDIRECT d\nVOLUME R 3350 1 SYSRES\nNUCLEUS 1 1\nDRCT 2 2\n", 0, "no SYSNAME", 1},
    {"SYSNAME A\nDIRECT d\nVOLUME R 3350 1 SYSRES\nNUCLEUS 1 1\nDRCT 2 2\n", 0, "no SYSOPER", 1},
    {"SYSNAME A\nSYSOPER B\nVOLUME R 3350 1 SYSRES\nNUCLEUS 1 1\nDRCT 2 2\n", 0, "no DIRECT", 1},
    {"* no SYSCONS here\nSYSNAME A\nSYSOPER B\nDIRECT d\nVOLUME R 3350 1 SYSRES\nNUCLEUS 1 1\n"
     "DRCT 2 2\n",
     0, "no SYSCONS", 1},
    {BASE "SYSNAME TOOLONGNM\n", 8, "SYSNAME needs", 1},
    {BASE "SYSNAME A B\n", 8, "SYSNAME needs", 1},
    {BASE "SYSOPER\n", 8, "SYSOPER needs", 1},
    {BASE "SYSOPER OP.1\n", 8, "SYSOPER needs", 1},
    {BASE "SYSCONS 12345\n", 8, "SYSCONS", 1},
    {BASE "SYSCONS 0G9\n", 8, "SYSCONS", 1},
    {BASE "DIRECT a b\n", 8, "DIRECT needs", 1},
    {BASE "SYSTIME EST -15:00\n", 8, "SYSTIME", 1},
    {BASE "SYSTIME EST +05:60\n", 8, "SYSTIME", 1},
    {BASE "SYSTIME EST 5x\n", 8, "SYSTIME", 1},
    {BASE "SYSTIME EST :30\n", 8, "SYSTIME", 1},
    {BASE "SYSTIME EST\n", 8, "SYSTIME", 1},
    {BASE "SYSTIME ESTXX -5\n", 8, "SYSTIME", 1},
    {BASE "SYSTIME EST -5 X\n", 8, "SYSTIME", 1},
    {BASE "MORE 0 10\n", 8, "MORE needs", 1},
    {BASE "MORE 50 0\n", 8, "MORE needs", 1},
    {BASE "MORE 50\n", 8, "MORE needs", 1},
    {BASE "MORE 50 10 5\n", 8, "MORE needs", 1},
    {BASE "MORE 3601 10\n", 8, "MORE needs", 1},
    {BASE "MORE -1 10\n", 8, "MORE needs", 1},
    {BASE "MORE A B\n", 8, "MORE needs", 1},
    {BASE "LOGMSG " L72 "X\n", 8, "LOGMSG|longer than 72", 1},
    {BASE "LOGMSG 1\nLOGMSG 2\nLOGMSG 3\nLOGMSG 4\nLOGMSG 5\nLOGMSG 6\nLOGMSG 7\nLOGMSG 8\n"
          "LOGMSG 9\nLOGMSG 10\nLOGMSG 11\nLOGMSG 12\nLOGMSG 13\nLOGMSG 14\nLOGMSG 15\n"
          "LOGMSG 16\nLOGMSG 17\n",
     24, "more than 16 LOGMSG", 1},
};

/* Errors as "path:LINE: text" lines: the n-th one's line number and text. */
static bool nth_error(const char *all, int n, int *line, const char **text)
{
    size_t plen = strlen(specpath);
    const char *p = all;
    for (int i = 0; i < n; i++) {
        p = strchr(p, '\n');
        if (!p)
            return false;
        p++;
    }
    if (strncmp(p, specpath, plen) != 0 || p[plen] != ':')
        return false;
    if (p[plen + 1] == ' ') { /* "file: text": the file as a whole, line 0 */
        *line = 0;
        *text = p + plen + 2;
        return true;
    }
    char *end;
    *line = (int)strtol(p + plen + 1, &end, 10);
    if (end == p + plen + 1 || end[0] != ':' || end[1] != ' ')
        return false;
    *text = end + 2;
    return true;
}

static bool line_mentions(const char *text, const char *words)
{
    const char *nl = strchr(text, '\n');
    size_t len = nl ? (size_t)(nl - text) : strlen(text);
    char line[512], buf[256];
    snprintf(line, sizeof(line), "%.*s", (int)len, text);
    snprintf(buf, sizeof(buf), "%s", words);
    for (char *w = strtok(buf, "|"); w; w = strtok(NULL, "|"))
        if (!strstr(line, w))
            return false;
    return true;
}

static void test_bad(void)
{
    make_tmpdir();
    for (size_t i = 0; i < NELEM(bad); i++) {
        int rc = load(bad[i].text);
        int line = -1;
        const char *text = "";
        bool ok = rc == -1 && nth_error(errs, 0, &line, &text) && line == bad[i].line &&
                  line_mentions(text, bad[i].words) &&
                  (bad[i].nerr < 0 || count_lines(errs) == bad[i].nerr);
        if (!ok)
            printf("\n    row %zu (want line %d \"%s\"): rc %d\n%s", i, bad[i].line, bad[i].words,
                   rc, errs);
        CU_ASSERT_TRUE(ok);
        /* the buffer is one NUL-terminated string of whole lines */
        CU_ASSERT_PTR_NOT_NULL(memchr(errs, '\0', sizeof(errs)));
        size_t n = strlen(errs);
        CU_ASSERT(n > 0 && errs[n - 1] == '\n');
    }
    remove_tmpdir();
}

/* A line longer than the reader's buffer is an error of its own line. */
static void test_long_line(void)
{
    make_tmpdir();
    static char text[4096];
    char *p = text + sprintf(text, BASE "* ");
    memset(p, 'x', 1000);
    p += 1000;
    sprintf(p, "\nFOO\n");
    int rc = load(text);
    int line = -1;
    const char *msg = "";
    CU_ASSERT_EQUAL(rc, -1);
    CU_ASSERT_TRUE(nth_error(errs, 0, &line, &msg));
    CU_ASSERT_EQUAL(line, 8);
    CU_ASSERT_TRUE(line_mentions(msg, "longer"));
    /* the rest of the long line is not read as statements; the next line is */
    CU_ASSERT_TRUE(nth_error(errs, 1, &line, &msg));
    CU_ASSERT_EQUAL(line, 9);
    CU_ASSERT_TRUE(line_mentions(msg, "unknown statement FOO"));
    CU_ASSERT_EQUAL(count_lines(errs), 2);
    remove_tmpdir();
}

/* Every error of a file is reported, in order, each with its line. */
static void test_all_errors(void)
{
    make_tmpdir();
    int rc = load("SYSNAME TOOLONGNAME\n"      /* 1 */
                  "DIRECT d\n"                 /* 2 */
                  "PAGE 1 2\n"                 /* 3: before VOLUME */
                  "VOLUME A 3350 130 SYSRES\n" /* 4 */
                  "NUCLEUS 1 3\n"              /* 5 */
                  "DRCT 3 4\n"                 /* 6: overlaps */
                  "DRCT 5 5\n"                 /* 7 */
                  "FROB\n"                     /* 8: unknown */
                  "PERM 9 999\n"               /* 9: beyond the volume */
                  "VOLUME A 3350 131\n"        /* 10: label used */
                  "VOLUME B 3350 130\n"        /* 11: address used */
                  "MORE 1\n"                   /* 12 */
                  "SYSTIME EST +99\n");        /* 13 */
    CU_ASSERT_EQUAL(rc, -1);
    static const struct {
        int line;
        const char *words;
    } want[] = {
        {1, "SYSNAME"},    {3, "PAGE|VOLUME"},   {6, "overlaps"},      {8, "FROB"},
        {9, "PERM 9-999"}, {10, "already used"}, {11, "address 0130"}, {12, "MORE"},
        {13, "SYSTIME"},   {0, "no SYSNAME"},    {0, "no SYSOPER"},
    };
    CU_ASSERT_EQUAL(count_lines(errs), (int)NELEM(want));
    for (size_t i = 0; i < NELEM(want); i++) {
        int line = -1;
        const char *text = "";
        bool ok = nth_error(errs, (int)i, &line, &text) && line == want[i].line &&
                  line_mentions(text, want[i].words);
        if (!ok)
            printf("\n    error %zu: want line %d \"%s\"", i + 1, want[i].line, want[i].words);
        CU_ASSERT_TRUE(ok);
    }
    if (count_lines(errs) != (int)NELEM(want))
        printf("\n%s", errs);

    /* a small buffer is cut short but stays a string, and the load still fails */
    char small[40];
    memset(small, 'Z', sizeof(small));
    CU_ASSERT_EQUAL(spec_load(specpath, &spec, small, sizeof(small)), -1);
    CU_ASSERT_PTR_NOT_NULL(memchr(small, '\0', sizeof(small)));
    CU_ASSERT_EQUAL(strncmp(small, specpath,
                            strlen(small) < strlen(specpath) ? strlen(small) : strlen(specpath)),
                    0);
    remove_tmpdir();

    /* a file that is not there */
    CU_ASSERT_EQUAL(spec_load("/nonexistent/x.spec", &spec, errs, sizeof(errs)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(errs, "/nonexistent/x.spec"));
}

/* Saved systems go, in order, into the first SAVED area with room: a
 * header page and their pages each. */
static void test_namesys(void)
{
    make_tmpdir();
    int rc = load(BASE "SAVED 101 101\n" /* 120 pages */
                       "VOLUME USR001 3350 131\n"
                       "SAVED 1 2\n" /* 240 pages */
                       "NAMESYS CMS 0-99 SHARED 1-5\n"
                       "NAMESYS BIG 0-199\n" /* not in SYS001's area any more */
                       "NAMESYS SMALL 16-18\n");
    if (rc)
        printf("\n%s", errs);
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    CU_ASSERT_EQUAL_FATAL(spec.sys.nnamesys, 3);
    const struct vol_namesys *n = spec.sys.namesys;
    CU_ASSERT(strcmp(n[0].name, "CMS") == 0 && strcmp(n[0].volser, "SYS001") == 0 &&
              n[0].area_cyl == 101 && n[0].slot == 0 && n[0].first == 0 && n[0].npages == 100 &&
              n[0].shfirst == 1 && n[0].shlast == 5);
    CU_ASSERT(strcmp(n[1].volser, "USR001") == 0 && n[1].area_cyl == 1 && n[1].slot == 0 &&
              n[1].npages == 200 && n[1].shfirst == NAMESYS_NOSHARE);
    CU_ASSERT(strcmp(n[2].volser, "SYS001") == 0 && n[2].slot == 101 && n[2].first == 16 &&
              n[2].npages == 3);
    remove_tmpdir();
}

static CU_TestInfo cases[] = {
    {"saved systems placed", test_namesys},
    {"shipped cpcms.spec", test_shipped},
    {"good specification", test_good},
    {"time zones", test_zones},
    {"bad statements: line and problem", test_bad},
    {"overlong line", test_long_line},
    {"every error reported", test_all_errors},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("sysspec", cases);
