/*
 * test_diag.c - the portable rules of DIAGNOSE (cp/sim/diag_rules.c):
 * operand checks against diagnose/DIAGNOSE.md, the X'08' response buffer
 * and command splitting, the X'00', X'0C' and X'24' images, X'5C'.
 */
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

static CU_TestInfo cases[] = {
    {"in_storage", test_in_storage},       {"x00_record", test_x00_record},
    {"x04_registers", test_x04_registers}, {"x04_entries", test_x04_entries},
    {"x08_registers", test_x08_registers}, {"x08_commands", test_x08_commands},
    {"x08_response", test_x08_response},   {"x0c_area", test_x0c_area},
    {"x10_check", test_x10_check},         {"x24_codes", test_x24_codes},
    {"x5c_edit", test_x5c_edit},           CU_TEST_INFO_NULL,
};
UNIT_SUITE("diag", cases);
