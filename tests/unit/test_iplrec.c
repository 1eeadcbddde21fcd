/*
 * test_iplrec.c - the IPL records of the system residence volume
 * (dasd/iplrec.c).
 *
 * IPL1 is decoded field by field: the ESA/390 PSW and the two format-0
 * CCWs. The IPL2 channel program is checked twice. First as a list: the
 * CCWs it must contain, in order, for every nucleus page. Then it is run
 * by a small model of a channel and a CKD drive (seek, search ID equal
 * with the status modifier skipping the TIC, read data, multitrack read
 * moving to the next head), starting from Read IPL, and every nucleus page
 * must land once, in its place, from the record the volume keeps it in.
 * The volume layout used by the model comes from the device facts (a 3350
 * has 30 tracks of 4 page records, a 3380 15 of 10, a 3390 15 of 12), not
 * from the module.
 */
#include <stdio.h>
#include <string.h>
#include "lib/bytes.h"
#include "dasd/iplrec.h"
#include "dasd/volfmt.h"
#include "unit.h"

#define CCW_CC  0x40
#define CCW_SLI 0x20

#define IPL2_AT 0x2000u
#define SYSREC  0x3000u
#define NUC     0x10000u

static const struct {
    const char *dev;
    unsigned heads, per_track;
} devs[] = {{"3350", 30, 4}, {"3380", 15, 10}, {"3390", 15, 12}, {"3330", 19, 3}};

static unsigned per_track(const char *dev)
{
    for (size_t i = 0; i < NELEM(devs); i++)
        if (strcmp(devs[i].dev, dev) == 0)
            return devs[i].per_track;
    return 0;
}

static unsigned heads_of(const char *dev)
{
    for (size_t i = 0; i < NELEM(devs); i++)
        if (strcmp(devs[i].dev, dev) == 0)
            return devs[i].heads;
    return 0;
}

struct ccw {
    uint8_t cmd, flags;
    uint32_t addr;
    uint16_t count;
};

static struct ccw get_ccw(const uint8_t *p)
{
    return (struct ccw){p[0], p[4], get_be24(p + 1), get_be16(p + 6)};
}

/* ---------------------------------------------------------------- IPL1 */

static void test_ipl1(void)
{
    const struct ckd_geom *g = ckd_geom_by_name("3350");
    uint8_t ipl1[IPL1_LEN], ipl2[VOLFMT_IPL2_MAX];
    size_t len = 0;
    char why[200] = "";
    memset(ipl1, 0xEE, sizeof(ipl1));
    CU_ASSERT_EQUAL_FATAL(ipl_build(g, 1, 130, ipl1, ipl2, &len, why, sizeof(why)), 0);
    /* PSW: EC mode (bit 12), disabled, 31-bit addressing (bit 32), at the nucleus */
    static const uint8_t psw[8] = {0x00, 0x08, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00};
    CU_ASSERT_EQUAL(memcmp(ipl1, psw, 8), 0);
    /* CCW1: read data (X'06') of the whole IPL2 into X'2000', command chained, SLI */
    static const uint8_t ccw1[6] = {0x06, 0x00, 0x20, 0x00, CCW_CC | CCW_SLI, 0x00};
    CU_ASSERT_EQUAL(memcmp(ipl1 + 8, ccw1, 6), 0);
    CU_ASSERT_EQUAL(get_be16(ipl1 + 14), len);
    CU_ASSERT(len > 0 && len <= VOLFMT_IPL2_MAX);
    /* CCW2: TIC to X'2000' */
    static const uint8_t ccw2[8] = {0x08, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00};
    CU_ASSERT_EQUAL(memcmp(ipl1 + 16, ccw2, 8), 0);
    CU_ASSERT_EQUAL(VOLFMT_IPL2_ADDR, IPL2_AT);
    CU_ASSERT_EQUAL(VOLFMT_NUC_ADDR, NUC);
    CU_ASSERT_EQUAL(VOLFMT_SYSREC_ADDR, SYSREC);
}

static void test_dummy(void)
{
    uint8_t ipl1[IPL1_LEN];
    memset(ipl1, 0xEE, sizeof(ipl1));
    ipl_build_dummy(ipl1);
    /* EC mode, wait state (bit 14), no interruption masks: a disabled wait */
    CU_ASSERT_EQUAL(ipl1[0], 0x00);
    CU_ASSERT_EQUAL(ipl1[1] & 0x08, 0x08);
    CU_ASSERT_EQUAL(ipl1[1] & 0x02, 0x02);
    CU_ASSERT_EQUAL(ipl1[1] & 0x04, 0x00); /* no machine checks */
    CU_ASSERT_EQUAL(ipl1[0] & 0x03, 0x00); /* no I/O or external */
    CU_ASSERT_EQUAL(ipl1[4] & 0x80, 0x80);
    /* no channel program follows */
    static const uint8_t zero[16];
    CU_ASSERT_EQUAL(memcmp(ipl1 + 8, zero, 16), 0);
}

/* ---------------------------------------------------------------- the program as a list */

static const struct {
    const char *dev;
    unsigned nuc_cyl, pages;
} programs[] = {
    {"3350", 1, 1},   {"3350", 1, 4},   {"3350", 1, 5},   {"3350", 1, 120}, {"3350", 1, 121},
    {"3350", 1, 130}, {"3350", 7, 480}, {"3390", 1, 1},   {"3390", 1, 180}, {"3390", 1, 181},
    {"3390", 3, 200}, {"3390", 1, 400}, {"3380", 2, 151}, {"3330", 1, 130}, {"3330", 400, 3},
};

/* Check the CCW list; returns false (and says why) at the first surprise. */
static bool check_list(const char *dev, unsigned nuc_cyl, unsigned pages, const uint8_t *ipl2,
                       size_t len)
{
    unsigned per_cyl = heads_of(dev) * per_track(dev);
    size_t off = 0;
#define NEXT(c)                                                                                    \
    do {                                                                                           \
        if (off + 8 > len) {                                                                       \
            printf("\n    %s %u pages: program ends at %zu", dev, pages, off);                     \
            return false;                                                                          \
        }                                                                                          \
        c = get_ccw(ipl2 + off);                                                                   \
        off += 8;                                                                                  \
    } while (0)
#define WANT(cond)                                                                                 \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            printf("\n    %s %u pages: CCW at +%zu: %s", dev, pages, off - 8, #cond);              \
            return false;                                                                          \
        }                                                                                          \
    } while (0)
    struct ccw c;
    /* the argument of a CCW must lie inside the program */
#define ARG(c, n) ((c).addr >= IPL2_AT && (c).addr + (n) <= IPL2_AT + len)
    NEXT(c);
    WANT(c.cmd == 0x31 && c.count == 5 && (c.flags & CCW_CC) && ARG(c, 5));
    const uint8_t *a = ipl2 + (c.addr - IPL2_AT);
    WANT(get_be16(a) == 0 && get_be16(a + 2) == 0 && a[4] == 5);
    NEXT(c);
    WANT(c.cmd == 0x08 && c.addr == IPL2_AT + off - 16);
    NEXT(c);
    WANT(c.cmd == 0x06 && c.addr == SYSREC && c.count == 4096 && (c.flags & CCW_CC));
    for (unsigned p = 0; p < pages; p++) {
        if (p % per_cyl == 0) {
            unsigned cyl = nuc_cyl + p / per_cyl;
            NEXT(c);
            WANT(c.cmd == 0x07 && c.count == 6 && (c.flags & CCW_CC) && ARG(c, 6));
            a = ipl2 + (c.addr - IPL2_AT);
            WANT(get_be16(a) == 0 && get_be16(a + 2) == cyl && get_be16(a + 4) == 0);
            NEXT(c);
            WANT(c.cmd == 0x31 && c.count == 5 && (c.flags & CCW_CC) && ARG(c, 5));
            a = ipl2 + (c.addr - IPL2_AT);
            WANT(get_be16(a) == cyl && get_be16(a + 2) == 0 && a[4] == 1);
            NEXT(c);
            WANT(c.cmd == 0x08 && c.addr == IPL2_AT + off - 16);
            NEXT(c);
            WANT(c.cmd == 0x06);
        } else {
            NEXT(c);
            WANT(c.cmd == 0x86);
        }
        WANT(c.addr == NUC + 4096 * p && c.count == 4096 && (c.flags & CCW_SLI));
        WANT(p + 1 == pages ? !(c.flags & CCW_CC) : (c.flags & CCW_CC));
        WANT((c.flags & ~(CCW_CC | CCW_SLI)) == 0);
    }
    /* what follows the last CCW is argument data, never reached */
    return true;
#undef NEXT
#undef WANT
#undef ARG
}

static void test_program_list(void)
{
    for (size_t i = 0; i < NELEM(programs); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(programs[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        uint8_t ipl1[IPL1_LEN], ipl2[VOLFMT_IPL2_MAX];
        size_t len = 0;
        char why[200] = "";
        int rc = ipl_build(g, programs[i].nuc_cyl, programs[i].pages, ipl1, ipl2, &len, why,
                           sizeof(why));
        if (rc)
            printf("\n    %s %u pages: %s", programs[i].dev, programs[i].pages, why);
        CU_ASSERT_EQUAL_FATAL(rc, 0);
        CU_ASSERT_EQUAL(get_be16(ipl1 + 14), len);
        CU_ASSERT_TRUE(
            check_list(programs[i].dev, programs[i].nuc_cyl, programs[i].pages, ipl2, len));
    }
}

/* ---------------------------------------------------------------- a channel and a drive */

#define LOW 0x4000u /* storage the model keeps as bytes: 0 - X'3FFF' */

static struct {
    /* the drive */
    unsigned heads, rpt;      /* tracks per cylinder, page records per track */
    unsigned cyl, head, next; /* next record to pass the head: 0 = R0 */
    int searched;             /* record whose count a search just matched, -1 none */
    /* the volume: cylinder 0 head 0 has R1-R5 with the IPL records in R1, R2 */
    const uint8_t *ipl1, *ipl2;
    size_t ipl2len;
    /* storage */
    uint8_t low[LOW];
    int page_reads[600];
    unsigned page_from[600][3]; /* cyl, head, rec each page came from */
    int sysrec_reads;
    char fault[200];
} M;

static unsigned recs_on(unsigned cyl, unsigned head) { return cyl == 0 && head == 0 ? 5 : M.rpt; }

static void fault(const char *what, unsigned at)
{
    if (!M.fault[0])
        snprintf(M.fault, sizeof(M.fault), "%s (CCW at X'%X', cyl %u head %u)", what, at, M.cyl,
                 M.head);
}

/* Data transferred by a read: where it lands and what it was. */
static void deliver(uint32_t addr, uint16_t count, unsigned r, unsigned at)
{
    unsigned c = M.cyl, h = M.head;
    if (c == 0 && h == 0 && r == 2) {
        if (addr + count > LOW || count != M.ipl2len) {
            fault("IPL2 read to the wrong place or length", at);
            return;
        }
        memcpy(M.low + addr, M.ipl2, count);
    } else if (c == 0 && h == 0 && r == 5) {
        if (addr != SYSREC || count != 4096)
            fault("system record read to the wrong place", at);
        M.sysrec_reads++;
    } else if (addr >= NUC && (addr - NUC) % 4096 == 0 && count == 4096 &&
               (addr - NUC) / 4096 < NELEM(M.page_reads)) {
        unsigned p = (addr - NUC) / 4096;
        M.page_reads[p]++;
        M.page_from[p][0] = c;
        M.page_from[p][1] = h;
        M.page_from[p][2] = r;
    } else {
        fault("a read to an unexpected address", at);
    }
}

/* Read data: the record just searched, else the next one after R0. */
static void read_data(uint32_t addr, uint16_t count, bool mt, unsigned at)
{
    unsigned r;
    if (M.searched >= 1) {
        r = (unsigned)M.searched;
    } else {
        if (M.next == 0)
            M.next = 1; /* reads pass over R0 */
        if (M.next > recs_on(M.cyl, M.head)) {
            if (!mt) {
                fault("read data at the end of the track", at);
                return;
            }
            if (++M.head == M.heads) {
                fault("multitrack read past the end of the cylinder", at);
                return;
            }
            M.next = 1;
        }
        r = M.next;
    }
    M.next = r + 1;
    M.searched = -1;
    deliver(addr, count, r, at);
}

/* Search ID equal: compare the next count; true if equal (status modifier). */
static bool search_id(const uint8_t *arg, unsigned at, int *index_passes)
{
    if (M.next > recs_on(M.cyl, M.head)) {
        M.next = 0;
        if (++*index_passes > 2) {
            fault("no record found", at);
            return false;
        }
    }
    unsigned r = M.next++;
    bool eq = get_be16(arg) == M.cyl && get_be16(arg + 2) == M.head && arg[4] == r;
    M.searched = eq ? (int)r : -1;
    return eq;
}

/* Run Read IPL and the channel program from storage; false on a fault. */
static bool run_ipl(const char *dev, const uint8_t *ipl1, const uint8_t *ipl2, size_t len)
{
    memset(&M, 0, sizeof(M));
    M.heads = heads_of(dev);
    M.rpt = per_track(dev);
    M.ipl1 = ipl1;
    M.ipl2 = ipl2;
    M.ipl2len = len;
    M.searched = -1;
    /* Read IPL: seek 0/0, read R1's data into 0 */
    memcpy(M.low, ipl1, IPL1_LEN);
    M.next = 2;
    uint32_t at = 8;
    int index_passes = 0;
    for (int steps = 0; steps < 100000 && !M.fault[0]; steps++) {
        if (at % 8 || at + 8 > LOW) {
            fault("CCW address invalid", at);
            break;
        }
        struct ccw c = get_ccw(M.low + at);
        bool chain = (c.flags & CCW_CC) != 0, skip = false;
        if (c.cmd == 0x08) {
            if (c.addr % 8 || get_ccw(M.low + c.addr).cmd == 0x08) {
                fault("TIC to an odd address or to a TIC", at);
                break;
            }
            at = c.addr;
            continue;
        }
        if (c.flags & ~(CCW_CC | CCW_SLI)) {
            fault("unexpected CCW flags", at);
            break;
        }
        switch (c.cmd) {
        case 0x07: /* seek BBCCHH */
            if (c.count != 6 || c.addr + 6 > LOW) {
                fault("seek argument", at);
                break;
            }
            if (get_be16(M.low + c.addr) != 0 || get_be16(M.low + c.addr + 4) >= M.heads) {
                fault("seek to an invalid address", at);
                break;
            }
            M.cyl = get_be16(M.low + c.addr + 2);
            M.head = get_be16(M.low + c.addr + 4);
            M.next = 0;
            M.searched = -1;
            index_passes = 0;
            break;
        case 0x31: /* search ID equal CCHHR */
            if (c.count != 5 || c.addr + 5 > LOW) {
                fault("search argument", at);
                break;
            }
            skip = search_id(M.low + c.addr, at, &index_passes);
            if (skip)
                index_passes = 0;
            break;
        case 0x06:
        case 0x86: read_data(c.addr, c.count, c.cmd == 0x86, at); break;
        default: fault("unexpected command", at);
        }
        if (!chain)
            return !M.fault[0];
        at += skip ? 16 : 8;
    }
    if (!M.fault[0])
        fault("the chain never ended", at);
    return false;
}

static void test_program_runs(void)
{
    for (size_t i = 0; i < NELEM(programs); i++) {
        const char *dev = programs[i].dev;
        unsigned nuc_cyl = programs[i].nuc_cyl, pages = programs[i].pages;
        const struct ckd_geom *g = ckd_geom_by_name(dev);
        uint8_t ipl1[IPL1_LEN], ipl2[VOLFMT_IPL2_MAX];
        size_t len = 0;
        char why[200] = "";
        CU_ASSERT_EQUAL_FATAL(ipl_build(g, nuc_cyl, pages, ipl1, ipl2, &len, why, sizeof(why)), 0);
        bool ok = run_ipl(dev, ipl1, ipl2, len);
        if (!ok)
            printf("\n    %s %u pages: %s", dev, pages, M.fault);
        CU_ASSERT_TRUE(ok);
        CU_ASSERT_EQUAL(M.sysrec_reads, 1);
        unsigned per_cyl = M.heads * M.rpt;
        int bad = 0;
        for (unsigned p = 0; p < NELEM(M.page_reads); p++) {
            if (p >= pages) {
                bad += M.page_reads[p] != 0;
                continue;
            }
            unsigned cyl = nuc_cyl + p / per_cyl, head = p % per_cyl / M.rpt, rec = p % M.rpt + 1;
            if (M.page_reads[p] != 1 || M.page_from[p][0] != cyl || M.page_from[p][1] != head ||
                M.page_from[p][2] != rec) {
                if (!bad)
                    printf("\n    %s page %u: read %d times, last from %u/%u/%u, expected "
                           "%u/%u/%u",
                           dev, p, M.page_reads[p], M.page_from[p][0], M.page_from[p][1],
                           M.page_from[p][2], cyl, head, rec);
                bad++;
            }
        }
        CU_ASSERT_EQUAL(bad, 0);
        /* the program the channel ran is the one on the volume, untouched by the reads */
        CU_ASSERT_EQUAL(memcmp(M.low + IPL2_AT, ipl2, len), 0);
    }
}

/* The model itself catches a wrong program: damaged copies must fault or misplace pages. */
static void test_model_catches(void)
{
    const struct ckd_geom *g = ckd_geom_by_name("3350");
    uint8_t ipl1[IPL1_LEN], ipl2[VOLFMT_IPL2_MAX], bad[VOLFMT_IPL2_MAX];
    size_t len = 0;
    char why[200] = "";
    CU_ASSERT_EQUAL_FATAL(ipl_build(g, 1, 130, ipl1, ipl2, &len, why, sizeof(why)), 0);
    static const struct {
        size_t off; /* into the CCW list */
        uint8_t byte;
    } damage[] = {
        {0 * 8 + 0, 0x29},          /* first search becomes search key equal */
        {3 * 8 + 0, 0x1F},          /* seek becomes something else */
        {10 * 8 + 0, 0x06},         /* page 4's read loses MT: runs off the track */
        {6 * 8 + 3, 0x08},          /* first page read to the wrong place */
        {(3 + 4 + 119) * 8 + 4, 0}, /* chain ends before the last pages */
    };
    for (size_t i = 0; i < NELEM(damage); i++) {
        memcpy(bad, ipl2, len);
        bad[damage[i].off] = damage[i].byte;
        bool ok = run_ipl("3350", ipl1, bad, len);
        int once = 0;
        for (unsigned p = 0; p < 130; p++)
            once += M.page_reads[p] == 1;
        CU_ASSERT_FALSE(ok && once == 130 && M.sysrec_reads == 1);
    }
}

/* ---------------------------------------------------------------- refusals */

static const struct {
    const char *dev;
    unsigned pages;
} too_big[] = {{"3350", 1000}, {"3350", 4000}, {"3390", 700}, {"3380", 65535}, {"3350", 0}};

static void test_too_big(void)
{
    for (size_t i = 0; i < NELEM(too_big); i++) {
        const struct ckd_geom *g = ckd_geom_by_name(too_big[i].dev);
        uint8_t ipl1[IPL1_LEN], ipl2[VOLFMT_IPL2_MAX];
        size_t len = 12345;
        char why[300] = "";
        int rc = ipl_build(g, 1, too_big[i].pages, ipl1, ipl2, &len, why, sizeof(why));
        CU_ASSERT_EQUAL(rc, -1);
        char num[16];
        snprintf(num, sizeof(num), "%u", too_big[i].pages);
        if (!strstr(why, "nucleus") || (too_big[i].pages && !strstr(why, num)))
            printf("\n    %s %u pages: \"%s\"", too_big[i].dev, too_big[i].pages, why);
        CU_ASSERT_PTR_NOT_NULL(strstr(why, "nucleus"));
        if (too_big[i].pages) {
            CU_ASSERT_PTR_NOT_NULL(strstr(why, num));
            CU_ASSERT_PTR_NOT_NULL(strstr(why, "4096"));
        } else {
            /* an empty nucleus is not "too big" */
            CU_ASSERT_PTR_NOT_NULL(strstr(why, "empty"));
        }
        CU_ASSERT_EQUAL(len, 12345);
    }
    /* somewhere between the largest accepted and the smallest refused size, the
     * program reaches the 4 KB record */
    const struct ckd_geom *g = ckd_geom_by_name("3350");
    uint8_t ipl1[IPL1_LEN], ipl2[VOLFMT_IPL2_MAX];
    size_t len = 0, last = 0;
    char why[300];
    unsigned n = 1;
    while (ipl_build(g, 1, n, ipl1, ipl2, &len, why, sizeof(why)) == 0) {
        CU_ASSERT(len > last && len <= VOLFMT_IPL2_MAX);
        last = len;
        n++;
    }
    CU_ASSERT(n > 400 && n < 600);
    /* one more page adds at most a seek, search, TIC and read and their 11 bytes of
     * arguments, so the largest accepted program is within that of the limit */
    CU_ASSERT(last + 4 * 8 + 11 > VOLFMT_IPL2_MAX);
    CU_ASSERT_EQUAL(ipl_build(g, 1, n - 1, ipl1, ipl2, &len, why, sizeof(why)), 0);
    CU_ASSERT_TRUE(run_ipl("3350", ipl1, ipl2, len));
    CU_ASSERT_TRUE(check_list("3350", 1, n - 1, ipl2, len));
}

static CU_TestInfo cases[] = {
    {"IPL1: PSW and CCWs", test_ipl1},
    {"IPL1 of a volume that is not IPL-able", test_dummy},
    {"IPL2 as a list of CCWs", test_program_list},
    {"IPL2 run by a channel and drive model", test_program_runs},
    {"the model catches damaged programs", test_model_catches},
    {"a nucleus too big is refused", test_too_big},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("iplrec", cases);
