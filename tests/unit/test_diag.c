/*
 * test_diag.c - the portable rules of DIAGNOSE (cp/sim/diag_rules.c):
 * operand checks against diagnose/DIAGNOSE.md, the X'08' response buffer
 * and command splitting, the X'00', X'0C' and X'24' images, X'5C'.
 */
#include <stdio.h>
#include <string.h>
#include "console/ebcdic.h"
#include "hw/s370.h"
#include "lib/bytes.h"
#include "sim/diag_rules.h"
#include "unit.h"

#define SPEC PGM_SPECIFICATION
#define ADDR PGM_ADDRESSING
#define MB   (1u << 20)

static void test_in_storage(void)
{
    static const struct {
        uint32_t addr, len, size;
        bool ok;
    } rows[] = {
        {0, 0, 0, true},
        {0xFFFFFFFF, 0, 4096, true},
        {0, 4096, 4096, true},
        {1, 4096, 4096, false},
        {4095, 1, 4096, true},
        {4096, 1, 4096, false},
        {0xFFFFFFF0, 32, MB, false}, /* no wrap around */
    };
    for (size_t i = 0; i < NELEM(rows); i++)
        CU_ASSERT_EQUAL(diag_in_storage(rows[i].addr, rows[i].len, rows[i].size), rows[i].ok);
}

static void test_x00_record(void)
{
    uint8_t rec[DIAG00_SIZE], want[8];
    diag00_record(rec, "MAINT");
    a2e_field(want, 8, "VM/370");
    CU_ASSERT_EQUAL(memcmp(rec + DIAG00_SYSNAME, want, 8), 0);
    CU_ASSERT_EQUAL(rec[DIAG00_VERSION], 0x06);
    CU_ASSERT_EQUAL(rec[DIAG00_VERSION + 1], 0x00);
    CU_ASSERT_EQUAL(rec[DIAG00_VERSION + 2], 0x11);
    CU_ASSERT_EQUAL(rec[DIAG00_VCODE], 0xFF);
    CU_ASSERT_EQUAL(get_be16(rec + DIAG00_MCEL), 0);
    CU_ASSERT_EQUAL(get_be16(rec + DIAG00_CPUADDR), 0);
    a2e_field(want, 8, "MAINT");
    CU_ASSERT_EQUAL(memcmp(rec + DIAG00_USERID, want, 8), 0);
    CU_ASSERT_EQUAL(get_be64(rec + DIAG00_PPMAP), 0);
}

static void test_x04_registers(void)
{
    static const struct {
        unsigned ry;
        uint32_t list, n, result, size;
        int pgm;
    } rows[] = {
        {4, 0x2000, 4, 0x3000, MB, 0},
        {4, 0x2000, 0, 0x3000, MB, 0},
        {4, 0x2FF0, 4, 0x3000, MB, 0},    /* ends exactly at the page end */
        {4, 0x2FF4, 4, 0x3000, MB, SPEC}, /* crosses into the next page */
        {4, 0x2000, 4, 0x3FF4, MB, SPEC},
        {4, 0x2002, 1, 0x3000, MB, SPEC}, /* not on a fullword */
        {4, 0x2000, 1, 0x3001, MB, SPEC},
        {15, 0x2000, 1, 0x3000, MB, SPEC}, /* Ry+1 would be R0 */
        {4, 0x2000, 1025, 0x3000, MB, SPEC},
        {4, 0x2000, 1024, 0x3000, MB, 0},
        {4, MB, 1, 0x3000, MB, ADDR},
        {4, 0x2000, 1, MB - 4, MB, 0},
        {4, 0x2000, 2, MB - 4, MB, SPEC}, /* crosses the page before it leaves storage */
        {4, 0x2000, 1, MB, MB, ADDR},
    };
    for (size_t i = 0; i < NELEM(rows); i++)
        CU_ASSERT_EQUAL(
            diag04_check_regs(rows[i].ry, rows[i].list, rows[i].n, rows[i].result, rows[i].size),
            rows[i].pgm);
}

static void test_x04_entries(void)
{
    static const struct {
        uint32_t e[3];
        uint32_t n;
        int pgm;
    } rows[] = {
        {{0, 4, 0x1000}, 3, 0},        {{0, 2, 0x1000}, 3, SPEC},  {{0, 64 * MB, 0}, 3, ADDR},
        {{64 * MB - 4, 0, 0}, 1, 0},   {{64 * MB, 3, 0}, 2, SPEC}, /* specification wins */
        {{0xFFFFFFFC, 0, 0}, 1, ADDR},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        uint8_t b[12];
        for (int k = 0; k < 3; k++)
            put_be32(b + 4 * k, rows[i].e[k]);
        CU_ASSERT_EQUAL(diag04_check_entries(b, rows[i].n, 64 * MB), rows[i].pgm);
    }
}

static void test_x08_registers(void)
{
    static const struct {
        unsigned rx, ry;
        uint32_t ryval, buflen;
        int pgm;
    } rows[] = {
        {2, 4, 10, 0, 0},
        {2, 3, 10, 0, 0}, /* consecutive is fine without a buffer */
        {15, 14, 10, 0, 0},
        {2, 4, 132, 0, 0},
        {2, 4, 133, 0, SPEC},
        {2, 4, 0x20000010, 0, SPEC}, /* an undefined flag */
        {2, 4, 0x80000010, 0, 0},
        {2, 4, 0x40000010, 8192, 0},
        {2, 4, 0x40000010, 8193, SPEC},
        {2, 4, 0xC0000010, 0, 0},
        {2, 3, 0x40000010, 100, SPEC}, /* Rx+1 = Ry */
        {4, 3, 0x40000010, 100, SPEC}, /* Ry+1 = Rx */
        {4, 4, 0x40000010, 100, SPEC},
        {15, 4, 0x40000010, 100, SPEC},
        {2, 15, 0x40000010, 100, SPEC},
        {2, 6, 0x40000084, 100, 0},
        {2, 6, 0x40000085, 100, SPEC},
    };
    for (size_t i = 0; i < NELEM(rows); i++)
        CU_ASSERT_EQUAL(diag08_check_regs(rows[i].rx, rows[i].ry, rows[i].ryval, rows[i].buflen),
                        rows[i].pgm);
}

static void test_x08_commands(void)
{
    static const struct {
        const char *text; /* '|' stands for X'15' */
        const char *cmds; /* the commands, ';' after each */
    } rows[] = {
        {"", ""},
        {"QUERY TIME", "QUERY TIME;"},
        {"Q TIME|SET EMSG ON", "Q TIME;SET EMSG ON;"},
        {"A||B|", "A;;B;"},
        {"|", ";"},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        uint8_t text[64];
        size_t len = strlen(rows[i].text), pos = 0;
        a2e(text, rows[i].text, len);
        for (size_t k = 0; k < len; k++)
            if (rows[i].text[k] == '|')
                text[k] = DIAG08_SEP;
        char got[128] = "", cmd[DIAG08_MAXCMD + 1];
        while (diag08_next_command(text, len, &pos, cmd, sizeof(cmd))) {
            strcat(got, cmd);
            strcat(got, ";");
        }
        CU_ASSERT_STRING_EQUAL(got, rows[i].cmds);
    }
}

/* Lines in, EBCDIC with X'15' after each out; cc and Ry+1 by the capacity. */
static void test_x08_response(void)
{
    static const struct {
        uint32_t cap;
        uint32_t stored;
        int cc;
        uint32_t ry1;
    } rows[] = {
        {100, 12, 0, 12}, {12, 12, 0, 12}, {11, 11, 1, 1}, {5, 5, 1, 7}, {0, 0, 1, 12},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        uint8_t buf[128];
        memset(buf, 0xEE, sizeof(buf));
        struct diag08_resp r = {.buf = buf, .cap = rows[i].cap};
        diag08_resp_line(&r, "ABC");
        diag08_resp_line(&r, "");
        diag08_resp_line(&r, "DEFGHI");
        uint32_t ry1 = 99;
        CU_ASSERT_EQUAL(r.total, 12);
        CU_ASSERT_EQUAL(diag08_resp_stored(&r), rows[i].stored);
        CU_ASSERT_EQUAL(diag08_resp_result(&r, &ry1), rows[i].cc);
        CU_ASSERT_EQUAL(ry1, rows[i].ry1);
        static const uint8_t want[12] = {0xC1, 0xC2, 0xC3, 0x15, 0x15, 0xC4,
                                         0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x15};
        CU_ASSERT_EQUAL(memcmp(buf, want, rows[i].stored), 0);
        CU_ASSERT_EQUAL(buf[rows[i].stored], 0xEE); /* nothing beyond the capacity */
    }
    /* a line longer than the conversion buffer goes in whole */
    uint8_t big[700];
    char line[601];
    memset(line, 'X', 600);
    line[600] = '\0';
    struct diag08_resp r = {.buf = big, .cap = sizeof(big)};
    diag08_resp_line(&r, line);
    CU_ASSERT_EQUAL(r.total, 601);
    CU_ASSERT_EQUAL(big[599], 0xE7);
    CU_ASSERT_EQUAL(big[600], 0x15);
}

static void test_x0c_area(void)
{
    struct datetime dt = {.year = 2026, .month = 8, .day = 17, .hour = 9, .min = 5, .sec = 3};
    uint8_t a[DIAG0C_SIZE];
    char s[9];
    diag0c_area(a, &dt, TOD_USEC(1234567), TOD_USEC(7654321) + 100);
    e2a_field(s, a + DIAG0C_DATE, 8);
    CU_ASSERT_STRING_EQUAL(s, "08/17/26");
    e2a_field(s, a + DIAG0C_TIME, 8);
    CU_ASSERT_STRING_EQUAL(s, "09:05:03");
    CU_ASSERT_EQUAL(get_be64(a + DIAG0C_VTIME), 1234567);
    CU_ASSERT_EQUAL(get_be64(a + DIAG0C_TTIME), 7654321); /* part microseconds dropped */
}

static void test_x10_check(void)
{
    static const struct {
        uint32_t first, last, size;
        int pgm;
    } rows[] = {
        {0x10000, 0x10000, MB, 0},    {0x10000, 0x1F000, MB, 0},    {0, MB - 4096, MB, 0},
        {0x10000, 0x0F000, MB, SPEC}, {0x10800, 0x11000, MB, SPEC}, {0x10000, 0x11004, MB, SPEC},
        {0x10000, MB, MB, ADDR},      {MB, MB, MB, ADDR},
    };
    for (size_t i = 0; i < NELEM(rows); i++)
        CU_ASSERT_EQUAL(diag10_check(rows[i].first, rows[i].last, rows[i].size), rows[i].pgm);
}

static void test_x24_codes(void)
{
    static const struct {
        enum vdev_class cls;
        uint16_t devtype;
        uint8_t c, t;
    } rows[] = {
        {VC_CONS, 0x3215, 0x80, 0x00}, {VC_GRAF, 0x3278, 0x40, 0x01}, {VC_RDR, 0x2540, 0x20, 0x82},
        {VC_RDR, 0x3505, 0x20, 0x84},  {VC_PUN, 0x2540, 0x10, 0x82},  {VC_PUN, 0x3525, 0x10, 0x84},
        {VC_PRT, 0x1403, 0x10, 0x41},  {VC_PRT, 0x3211, 0x10, 0x42},  {VC_TAPE, 0x3420, 0x08, 0x10},
        {VC_DASD, 0x3330, 0x04, 0x10}, {VC_DASD, 0x3350, 0x04, 0x08}, {VC_DASD, 0x3380, 0x04, 0x20},
        {VC_DASD, 0x3390, 0x04, 0x82}, {VC_DASD, 0x9345, 0x04, 0x00}, {VC_DEV, 0x1234, 0x00, 0x00},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        uint8_t c = 0xEE, t = 0xEE;
        diag24_codes(rows[i].cls, rows[i].devtype, &c, &t);
        CU_ASSERT_EQUAL(c, rows[i].c);
        CU_ASSERT_EQUAL(t, rows[i].t);
    }
}

static void test_x5c_edit(void)
{
    static const struct {
        bool code, text;
        uint32_t ry, rx_after, ry_after;
    } rows[] = {
        {true, true, 40, 0x1000, 40},  {false, true, 40, 0x100B, 29}, {true, false, 40, 0x1000, 10},
        {false, false, 40, 0x1000, 0}, {false, true, 11, 0x100B, 0},  {false, true, 5, 0x1005, 0},
        {true, false, 7, 0x1000, 7},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        uint32_t rx = 0x1000, ry = rows[i].ry;
        diag5c_edit(rows[i].code, rows[i].text, &rx, &ry);
        CU_ASSERT_EQUAL(rx, rows[i].rx_after);
        CU_ASSERT_EQUAL(ry, rows[i].ry_after);
    }
}

/* ---------------------------------------------------------------- X'58' */

#define CCW58(cmd, data, flags, ctl, count)                                                        \
    {                                                                                              \
        (cmd), (uint8_t)((data) >> 16), (uint8_t)((data) >> 8), (uint8_t)(data), (flags), (ctl),   \
            (uint8_t)((count) >> 8), (uint8_t)(count)                                              \
    }
#define CD  DIAG58_F_CD
#define CC  DIAG58_F_CC
#define SLI DIAG58_F_SLI
#define X19 DIAG58_DISPLAY
#define X29 DIAG58_FSWRITE
#define X2A DIAG58_FSREAD

/* A fake storage of 64K: the chain at 0x1000, consecutive CCWs. */
#define STOR58 0x10000u
static uint8_t stor58[STOR58];
static int fetches58;

static int fetch58(void *ctx, uint32_t addr, uint8_t out[8])
{
    (void)ctx;
    fetches58++;
    if (addr + 8 > STOR58)
        return ADDR;
    memcpy(out, stor58 + addr, 8);
    return 0;
}

static void test_x58_parse(void)
{
    static const struct {
        const char *what;
        uint32_t addr;
        uint8_t ccw[4][8];
        int pgm;
        unsigned nop, nccw; /* with pgm 0 */
        uint32_t total0;    /* the first operation's bytes */
    } rows[] = {
        {"one display", 0x1000, {CCW58(X19, 0x2000, SLI, 0x00, 80)}, 0, 1, 1, 80},
        {"line 21, one row", 0x1000, {CCW58(X19, 0x2000, SLI, 21, 80)}, 0, 1, 1, 80},
        {"line 21, 81 bytes", 0x1000, {CCW58(X19, 0x2000, SLI, 21, 81)}, SPEC, 0, 0, 0},
        {"line 22", 0x1000, {CCW58(X19, 0x2000, SLI, 22, 1)}, SPEC, 0, 0, 0},
        {"erase, line 0, whole area", 0x1000, {CCW58(X19, 0x2000, SLI, 0x80, 1760)}, 0, 1, 1, 1760},
        {"1761 bytes", 0x1000, {CCW58(X19, 0x2000, SLI, 0, 1761)}, SPEC, 0, 0, 0},
        {"count 0", 0x1000, {CCW58(X19, 0x2000, SLI, 0, 0)}, SPEC, 0, 0, 0},
        {"no SLI", 0x1000, {CCW58(X19, 0x2000, 0, 0, 10)}, SPEC, 0, 0, 0},
        {"skip flag", 0x1000, {CCW58(X19, 0x2000, SLI | 0x10, 0, 10)}, SPEC, 0, 0, 0},
        {"PCI flag", 0x1000, {CCW58(X19, 0x2000, SLI | 0x08, 0, 10)}, SPEC, 0, 0, 0},
        {"IDA flag", 0x1000, {CCW58(X19, 0x2000, SLI | 0x04, 0, 10)}, SPEC, 0, 0, 0},
        {"reserved flag", 0x1000, {CCW58(X19, 0x2000, SLI | 0x01, 0, 10)}, SPEC, 0, 0, 0},
        {"not aligned", 0x1004, {CCW58(X19, 0x2000, SLI, 0, 10)}, SPEC, 0, 0, 0},
        {"a write (X'01')", 0x1000, {CCW58(0x01, 0x2000, SLI, 0, 10)}, SPEC, 0, 0, 0},
        {"X'FF' ignores its data", 0x1000, {CCW58(X19, 0xFFFFFF, SLI, 0xFF, 0)}, 0, 1, 1, 0},
        {"X'FE' ignores its data", 0x1000, {CCW58(X19, 0xFFFFFF, SLI, 0xFE, 9999)}, 0, 1, 1, 0},
        {"X'FE' data chained",
         0x1000,
         {CCW58(X19, 0x2000, SLI | CD, 0xFE, 1), CCW58(0, 0x2000, SLI, 0, 1)},
         SPEC,
         0,
         0,
         0},
        {"data chained: one display",
         0x1000,
         {CCW58(X19, 0x2000, SLI | CD, 3, 7), CCW58(0xEE, 0x3000, SLI, 0xEE, 7)},
         0,
         1,
         2,
         14},
        {"data chained past the area",
         0x1000,
         {CCW58(X19, 0x2000, SLI | CD, 21, 40), CCW58(X19, 0x3000, SLI, 0, 41)},
         SPEC,
         0,
         0,
         0},
        {"data chained count 0",
         0x1000,
         {CCW58(X19, 0x2000, SLI | CD, 0, 4), CCW58(X19, 0x3000, SLI, 0, 0)},
         SPEC,
         0,
         0,
         0},
        {"command chained: two displays",
         0x1000,
         {CCW58(X19, 0x2000, SLI | CC, 5, 12), CCW58(X19, 0x3000, SLI, 6, 20)},
         0,
         2,
         2,
         12},
        {"command chained, the second bad",
         0x1000,
         {CCW58(X19, 0x2000, SLI | CC, 5, 12), CCW58(X19, 0x3000, 0, 6, 20)},
         SPEC,
         0,
         0,
         0},
        {"data beyond storage", 0x1000, {CCW58(X19, STOR58 - 4, SLI, 0, 5)}, ADDR, 0, 0, 0},
        {"data to the end", 0x1000, {CCW58(X19, STOR58 - 5, SLI, 0, 5)}, 0, 1, 1, 5},
        {"CCW beyond storage", STOR58, {{0}}, ADDR, 0, 0, 0},
        {"second CCW beyond storage", STOR58 - 8, {{0}}, ADDR, 0, 0, 0},
        {"specification before addressing in one CCW",
         0x1000,
         {CCW58(X19, STOR58, 0, 0, 5)},
         SPEC,
         0,
         0,
         0},
        {"full-screen erase/write", 0x1000, {CCW58(X29, 0x2000, 0, 0x80, 4096)}, 0, 1, 1, 4096},
        {"full-screen write, PA1", 0x1000, {CCW58(X29, 0x2000, SLI, 0x90, 10)}, 0, 1, 1, 10},
        {"full-screen write", 0x1000, {CCW58(X29, 0x2000, 0, 0x00, 10)}, 0, 1, 1, 10},
        {"full-screen PA1 without erase", 0x1000, {CCW58(X29, 0x2000, 0, 0x10, 10)}, SPEC, 0, 0, 0},
        {"full-screen other control", 0x1000, {CCW58(X29, 0x2000, 0, 0x40, 10)}, SPEC, 0, 0, 0},
        {"full-screen 4097 bytes",
         0x1000,
         {CCW58(X29, 0x2000, CD, 0x80, 4000), CCW58(X29, 0x3000, 0, 0, 97)},
         SPEC,
         0,
         0,
         0},
        {"full-screen and a display",
         0x1000,
         {CCW58(X29, 0x2000, CC, 0x80, 10), CCW58(X19, 0x3000, SLI, 0, 10)},
         SPEC,
         0,
         0,
         0},
        {"a display and a full-screen read",
         0x1000,
         {CCW58(X19, 0x2000, SLI | CC, 0, 10), CCW58(X2A, 0x3000, 0, 0x80, 10)},
         SPEC,
         0,
         0,
         0},
        {"full-screen read", 0x1000, {CCW58(X2A, 0x2000, 0, 0x80, 100)}, 0, 1, 1, 100},
        {"full-screen read buffer", 0x1000, {CCW58(X2A, 0x2000, 0, 0x00, 100)}, SPEC, 0, 0, 0},
        {"full-screen read, chained areas",
         0x1000,
         {CCW58(X2A, 0x2000, CD, 0x80, 3), CCW58(0, 0x3000, 0, 0, 100)},
         0,
         1,
         2,
         103},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        struct diag58_chain c;
        memset(stor58, 0, sizeof(stor58));
        for (unsigned k = 0; k < 4 && rows[i].addr + 8 * k + 8 <= STOR58; k++)
            memcpy(stor58 + rows[i].addr + 8 * k, rows[i].ccw[k], 8);
        if (rows[i].addr == STOR58 - 8) /* one CCW that command chains off the end */
            memcpy(stor58 + rows[i].addr, (uint8_t[8])CCW58(X19, 0x2000, SLI | CC, 0, 1), 8);
        int pgm = diag58_parse(rows[i].addr, STOR58, fetch58, NULL, &c);
        if (pgm != rows[i].pgm)
            fprintf(stderr, "\n  x58 row '%s': %d, want %d\n", rows[i].what, pgm, rows[i].pgm);
        CU_ASSERT_EQUAL(pgm, rows[i].pgm);
        if (pgm || rows[i].pgm)
            continue;
        CU_ASSERT_EQUAL(c.nop, rows[i].nop);
        CU_ASSERT_EQUAL(c.nccw, rows[i].nccw);
        CU_ASSERT_EQUAL(c.op[0].total, rows[i].total0);
        CU_ASSERT_EQUAL(c.op[0].cmd, rows[i].ccw[0][0]);
        CU_ASSERT_EQUAL(c.op[0].ctl, rows[i].ccw[0][5]);
    }
}

/* A chain that never ends (every CCW command chains to the next) stops at
 * DIAG58_MAXCCW; fewer are fine. */
static void test_x58_long_chain(void)
{
    struct diag58_chain c;
    uint8_t ccw[8] = CCW58(X19, 0x8000, SLI | CC, 0, 1);
    for (unsigned n = 1; n <= DIAG58_MAXCCW + 1; n++) {
        memset(stor58, 0, sizeof(stor58));
        for (unsigned k = 0; k < DIAG58_MAXCCW + 1; k++)
            memcpy(stor58 + 0x1000 + 8 * k, ccw, 8);
        stor58[0x1000 + 8 * (n - 1) + 4] = SLI; /* the n-th ends the chain */
        fetches58 = 0;
        int pgm = diag58_parse(0x1000, STOR58, fetch58, NULL, &c);
        CU_ASSERT_EQUAL(pgm, n <= DIAG58_MAXCCW ? 0 : SPEC);
        CU_ASSERT(fetches58 <= DIAG58_MAXCCW);
        if (!pgm)
            CU_ASSERT_EQUAL(c.nop, n);
    }
}

static void test_x58_cells(void)
{
    static const struct {
        const char *what;
        uint8_t data[12];
        size_t len;
        unsigned start;
        uint16_t want[14];
        unsigned n;
    } rows[] = {
        {"text", {0xC1, 0xC2, 0x40, 0x00}, 4, 0, {0xC1, 0xC2, 0x40, 0x00}, 4},
        {"orders and X'FF' become blanks",
         {0x11, 0x13, 0x3C, 0x05, 0x15, 0xFF, 0xC1},
         7,
         0,
         {0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0xC1},
         7},
        {"a field, protected, ended",
         {0x1D, 0xE8, 0xC1, 0xC2},
         4,
         80,
         {GRAF_CELL_ATTR | 0x28, 0xC1, 0xC2, GRAF_CELL_ATTR | 0x20},
         4},
        {"an unprotected field comes out protected",
         {0x1D, 0x40, 0xC1},
         3,
         0,
         {GRAF_CELL_ATTR | 0x20, 0xC1, GRAF_CELL_ATTR | 0x20},
         3},
        {"non-display",
         {0x1D, 0x4C, 0xC1, 0x1D, 0x60, 0xC2},
         6,
         0,
         {GRAF_CELL_ATTR | 0x2C, 0xC1, GRAF_CELL_ATTR | 0x20, 0xC2, GRAF_CELL_ATTR | 0x20},
         5},
        {"SF as the last byte", {0xC1, 0x1D}, 2, 0, {0xC1, 0x40}, 2},
        {"no room to end the field at 1757",
         {0x1D, 0xE8, 0xC1},
         3,
         1756,
         {GRAF_CELL_ATTR | 0x28, 0xC1, GRAF_CELL_ATTR | 0x20},
         3},
        {"no room to end the field at 1758",
         {0x1D, 0xE8, 0xC1},
         3,
         1757,
         {GRAF_CELL_ATTR | 0x28, 0xC1},
         2},
        {"nothing beyond the area", {0xC1, 0xC2, 0xC3}, 3, 1758, {0xC1, 0xC2}, 2},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        uint16_t out[DIAG58_MAXCNT];
        memset(out, 0xEE, sizeof(out));
        unsigned n = diag58_cells(rows[i].data, rows[i].len, rows[i].start, out);
        if (n != rows[i].n || memcmp(out, rows[i].want, n * sizeof(out[0])) != 0)
            fprintf(stderr, "\n  x58 cells row '%s'\n", rows[i].what);
        CU_ASSERT_EQUAL(n, rows[i].n);
        CU_ASSERT_EQUAL(memcmp(out, rows[i].want, rows[i].n * sizeof(out[0])), 0);
        CU_ASSERT_EQUAL(out[rows[i].n], 0xEEEE); /* nothing stored after */
    }
}

static CU_TestInfo cases[] = {
    {"in_storage", test_in_storage},
    {"x00_record", test_x00_record},
    {"x04_registers", test_x04_registers},
    {"x04_entries", test_x04_entries},
    {"x08_registers", test_x08_registers},
    {"x08_commands", test_x08_commands},
    {"x08_response", test_x08_response},
    {"x0c_area", test_x0c_area},
    {"x10_check", test_x10_check},
    {"x24_codes", test_x24_codes},
    {"x5c_edit", test_x5c_edit},
    {"x58_parse", test_x58_parse},
    {"x58_long_chain", test_x58_long_chain},
    {"x58_cells", test_x58_cells},
    CU_TEST_INFO_NULL,
};
UNIT_SUITE("diag", cases);
