/*
 * test_ccwtrans.c - channel-program translation (cp/io/ccwtrans.c) over a
 * fake guest storage of 64K.
 *
 * The guest's storage lives in a fake host area: guest 2K block b is host
 * block (13b + 5) mod 32 at host real address HOSTBASE, so two guest
 * blocks that follow each other are never neighbours in the host and a
 * data area that crosses a 2K boundary must really be split. The test's
 * CCW and IDAW arrays get fake 31-bit real addresses (CCWBASE, IDAWBASE)
 * through host_ptr.
 *
 * Each row of the table stores a guest channel program byte by byte
 * (format-0 CCWs and 4-byte IDAWs, big-endian) and gives what the rules
 * in ccwtrans.h and s370.md 9 say the translation must be: how it ends,
 * the failing or resume address, and every real CCW with every IDAW (as
 * the guest byte whose host address it must hold). The expected values
 * were worked out by hand. A small model of a format-1 channel then moves
 * data through the translated programs (forward and read backward, the
 * IDAW rules of hercules.md 3.2) and checks that each byte lands on the
 * guest byte the guest program named.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "hw/s370.h"
#include "io/ccwtrans.h"
#include "lib/bytes.h"
#include "unit.h"

/* ---------------------------------------------------------------- fake guest storage */

#define GSIZE    0x10000u
#define NBLK     (GSIZE / 2048)
#define HOSTBASE 0x00340000u
#define CCWBASE  0x00120000u
#define IDAWBASE 0x00130000u
#define ABOVE2G  0x80000000u

static uint8_t host_area[GSIZE]; /* the host storage that backs the guest */
static uint8_t skeys[NBLK];      /* storage keys, ISK layout */
static int high_block = -1;      /* a guest block the host keeps above 2G */
static unsigned key_calls;

static uint32_t host_off(uint32_t g) { return ((g >> 11) * 13 + 5) % NBLK * 2048 + (g & 2047); }

/* The host real address of guest byte g */
static uint32_t H(uint32_t g) { return HOSTBASE + host_off(g); }

static int f_read(void *ctx, uint32_t a, void *buf, uint32_t len)
{
    if ((uint64_t)a + len > GSIZE)
        return PGM_ADDRESSING;
    for (uint32_t i = 0; i < len; i++)
        ((uint8_t *)buf)[i] = host_area[host_off(a + i)];
    return 0;
}

static int f_write(void *ctx, uint32_t a, const void *buf, uint32_t len)
{
    if ((uint64_t)a + len > GSIZE)
        return PGM_ADDRESSING;
    for (uint32_t i = 0; i < len; i++)
        host_area[host_off(a + i)] = ((const uint8_t *)buf)[i];
    return 0;
}

static int f_host(void *ctx, uint32_t a, uint64_t *h)
{
    if (a >= GSIZE)
        return PGM_ADDRESSING;
    *h = (int)(a >> 11) == high_block ? (uint64_t)ABOVE2G + host_off(a) : H(a);
    return 0;
}

static uint8_t f_key(void *ctx, uint32_t a)
{
    key_calls++;
    return a < GSIZE ? skeys[a >> 11] : 0;
}

static const struct gmem gm = {NULL, GSIZE, f_read, f_write, f_host, f_key, NULL};

/* A page nobody may store into (a shared segment's): 0x4000-0x4FFF */
static bool f_readonly(void *ctx, uint32_t a)
{
    (void)ctx;
    return (a & ~0xFFFu) == 0x4000;
}

static void gput(uint32_t a, const void *b, uint32_t n)
{
    CU_ASSERT_EQUAL(f_write(NULL, a, b, n), 0);
}

static uint8_t gbyte(uint32_t a)
{
    uint8_t b = 0;
    f_read(NULL, a, &b, 1);
    return b;
}

/* ---------------------------------------------------------------- the real program's arrays */

#define MAXCCW  32
#define MAXIDAW 128

static struct ccw1 rccw[MAXCCW + 1]; /* one more: nothing may be written there */
static uint32_t rguest[MAXCCW + 1];
static uint32_t ridaw[MAXIDAW + 1];
static bool bad_ptr;

static uint32_t t_host_ptr(const void *p)
{
    const uint8_t *b = p;
    const uint8_t *c = (const uint8_t *)rccw, *i = (const uint8_t *)ridaw;
    if (b >= c && b < c + MAXCCW * sizeof(rccw[0]))
        return CCWBASE + (uint32_t)(b - c);
    if (b >= i && b < i + MAXIDAW * sizeof(ridaw[0]))
        return IDAWBASE + (uint32_t)(b - i);
    bad_ptr = true;
    return 0xDEAD0000u;
}

static void fresh_storage(void)
{
    memset(host_area, 0, sizeof host_area);
    memset(skeys, 0, sizeof skeys);
    high_block = -1;
}

static struct ccwprog new_prog(unsigned maxccw, unsigned maxidaw)
{
    memset(rccw, 0xEE, sizeof rccw);
    memset(rguest, 0xEE, sizeof rguest);
    memset(ridaw, 0xEE, sizeof ridaw);
    bad_ptr = false;
    struct ccwprog p = {.ccw = rccw,
                        .guest_ccw = rguest,
                        .maxccw = maxccw,
                        .idaw = ridaw,
                        .maxidaw = maxidaw,
                        .host_ptr = t_host_ptr};
    p.nccw = p.nidaw = 99;
    p.resume_addr = p.fail_addr = 0xBAD;
    p.fail_cstat = 0xFF;
    return p;
}

/* ---------------------------------------------------------------- table of programs */

/* A format-0 CCW, and two format-1 IDAWs, as guest storage bytes */
#define C0(cmd, a, f, n)                                                                           \
    {                                                                                              \
        (cmd), (uint8_t)((a) >> 16), (uint8_t)((a) >> 8), (uint8_t)(a), (f), 0,                    \
            (uint8_t)((n) >> 8), (uint8_t)(n)                                                      \
    }
#define IW(a, b)                                                                                   \
    {                                                                                              \
        (uint8_t)((a) >> 24), (uint8_t)((a) >> 16), (uint8_t)((a) >> 8), (uint8_t)(a),             \
            (uint8_t)((b) >> 24), (uint8_t)((b) >> 16), (uint8_t)((b) >> 8), (uint8_t)(b)          \
    }

#define CD   CCWF_CD
#define CC   CCWF_CC
#define SLI  CCWF_SLI
#define SKIP CCWF_SKIP
#define PCI  CCWF_PCI
#define IDA  CCWF_IDA

#define TIC 0x08

/* 8 bytes of a guest program */
struct put {
    uint32_t addr;
    uint8_t b[8];
};

/* Store a row's program; unused (all-zero) entries are skipped */
static void gputs(const struct put *mem, size_t n)
{
    static const uint8_t zero[8];
    for (size_t i = 0; i < n; i++)
        if (mem[i].addr || memcmp(mem[i].b, zero, 8))
            gput(mem[i].addr, mem[i].b, 8);
}

/* An expected real CCW: a TIC to real CCW number `to`, or a data CCW with
 * n IDAWs for the guest bytes idaw[] */
struct xccw {
    uint8_t cmd, flags;
    uint16_t count;
    uint32_t guest;
    int to;
    unsigned n;
    uint32_t idaw[5];
};
#define DATA(cmd, f, cnt, g, n, ...)                                                               \
    {                                                                                              \
        (cmd), (f) | IDA, (cnt), (g), -1, (n), { __VA_ARGS__ }                                     \
    }
#define RTIC(g, to)                                                                                \
    {                                                                                              \
        TIC, 0, 0, (g), (to), 0, { 0 }                                                             \
    }

struct row {
    const char *what;
    struct put mem[8]; /* stored in order */
    struct {
        uint8_t blk, key;
    } keys[3];
    uint32_t caw;
    uint8_t key;
    unsigned maxccw, maxidaw; /* 0: the whole arrays */
    int above2g;              /* guest block + 1 the host keeps above 2G; 0 none */
    enum ccwt_end end;
    uint32_t where; /* resume_addr or fail_addr */
    uint8_t cstat;
    unsigned nccw;
    struct xccw x[8];
};

#define OK   CCWT_COMPLETE
#define RES  CCWT_RESUME
#define PC   CCWT_PROGCHECK
#define FULL CCWT_NOSPACE

/*
 * Columns: what; the program's bytes; storage keys {block, key}; CAW
 * address and key; CCW and IDAW slots (0: all); guest block + 1 the host
 * keeps above 2G (0: none); then the result: end, resume or fail address,
 * channel status, real CCWs, and each real CCW: a data CCW as
 * DATA(command, flags without IDA, count, guest CCW, IDAWs, the guest
 * byte of each IDAW), a TIC as RTIC(guest CCW, real CCW it goes to).
 */
/* clang-format off */
static const struct row rows[] = {
    /* ---- plain programs */
    {"read", {{0x100, C0(0x02, 0x1000, 0, 80)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 80, 0x100, 1, 0x1000)}},
    {"write: SLI and PCI kept, byte 5 ignored",
     {{0x100, {0x01, 0x00, 0x23, 0x45, SLI | PCI, 0xFF, 0x00, 0x10}}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x01, SLI | PCI, 0x10, 0x100, 1, 0x2345)}},
    {"read across three 2K boundaries", {{0x100, C0(0x06, 0x07F0, SLI, 0x1020)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x06, SLI, 0x1020, 0x100, 4, 0x07F0, 0x0800, 0x1000, 0x1800)}},
    {"exactly one 2K block", {{0x100, C0(0x02, 0x0800, 0, 0x800)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 0x800, 0x100, 1, 0x0800)}},
    {"one byte more than a block", {{0x100, C0(0x02, 0x0800, 0, 0x801)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 0x801, 0x100, 2, 0x0800, 0x1000)}},
    {"the last byte of storage", {{0x100, C0(0x02, 0xFFFF, 0, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 1, 0x100, 1, 0xFFFF)}},
    {"8K from an odd byte", {{0x100, C0(0x02, 0x0001, 0, 0x2000)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 0x2000, 0x100, 5, 0x0001, 0x0800, 0x1000, 0x1800, 0x2000)}},
    {"command chaining",
     {{0x100, C0(0x01, 0x3000, CC, 8)},
      {0x108, C0(0x02, 0x3100, CC | SLI, 0x100)},
      {0x110, C0(0x07, 0x3200, 0, 6)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 3, {DATA(0x01, CC, 8, 0x100, 1, 0x3000),
                   DATA(0x02, CC | SLI, 0x100, 0x108, 1, 0x3100),
                   DATA(0x07, 0, 6, 0x110, 1, 0x3200)}},
    /* the command byte of a data-chained CCW is ignored, even an invalid one */
    {"data chaining",
     {{0x100, C0(0x02, 0x2000, CD, 0x10)},
      {0x108, C0(0xF0, 0x2F00, CD, 0x200)},
      {0x110, C0(0x00, 0x4000, 0, 0x10)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 3, {DATA(0x02, CD, 0x10, 0x100, 1, 0x2000),
                   DATA(0x02, CD, 0x200, 0x108, 2, 0x2F00, 0x3000),
                   DATA(0x02, 0, 0x10, 0x110, 1, 0x4000)}},
    {"data chaining, then command chaining",
     {{0x100, C0(0x04, 0x5000, CD, 4)},
      {0x108, C0(0x00, 0x5010, CC, 4)},
      {0x110, C0(0x01, 0x5100, 0, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 3, {DATA(0x04, CD, 4, 0x100, 1, 0x5000),
                   DATA(0x04, CC, 4, 0x108, 1, 0x5010),
                   DATA(0x01, 0, 1, 0x110, 1, 0x5100)}},

    /* ---- TIC */
    {"search loop: TIC back, then the CCW after the TIC",
     {{0x100, C0(0x07, 0x500, CC, 6)},
      {0x108, C0(0x31, 0x506, CC, 5)},
      {0x110, C0(TIC, 0x108, 0, 0)},
      {0x118, C0(0x06, 0x600, 0, 0x100)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 4, {DATA(0x07, CC, 6, 0x100, 1, 0x500),
                   DATA(0x31, CC, 5, 0x108, 1, 0x506),
                   RTIC(0x110, 1),
                   DATA(0x06, 0, 0x100, 0x118, 1, 0x600)}},
    /* after the search loop the walk meets the first CCW again: a TIC to it */
    {"status-modifier path into a CCW already translated",
     {{0x110, C0(0x03, 0, CC, 1)},
      {0x118, C0(TIC, 0x100, 0, 0)},
      {0x100, C0(0x31, 0x506, CC, 5)},
      {0x108, C0(TIC, 0x100, 0, 0)}},
     {{0}}, 0x110, 0, 0, 0, 0,
     OK, 0, 0, 5, {DATA(0x03, CC, 1, 0x110, 1, 0),
                   RTIC(0x118, 2),
                   DATA(0x31, CC, 5, 0x100, 1, 0x506),
                   RTIC(0x108, 2),
                   RTIC(0x110, 0)}},
    {"TIC forward; its flags and count ignored",
     {{0x100, C0(0x01, 0x500, CC, 1)},
      {0x108, C0(0xF8, 0x200, 0xFF, 0)},
      {0x200, C0(0x02, 0x600, 0, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 3, {DATA(0x01, CC, 1, 0x100, 1, 0x500),
                   RTIC(0x108, 2),
                   DATA(0x02, 0, 1, 0x200, 1, 0x600)}},
    {"TIC as the first CCW",
     {{0x100, C0(TIC, 0x200, 0, 0)},
      {0x200, C0(0x03, 0, SLI, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 2, {RTIC(0x100, 1), DATA(0x03, SLI, 1, 0x200, 1, 0)}},
    /* the loop runs for ever on the real channel too; the CCW after the
     * TIC is reached only by status modifier, and it is invalid */
    {"endless command loop",
     {{0x100, C0(0x03, 0x500, CC, 1)},
      {0x108, C0(TIC, 0x100, 0, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x110, CS_PROG, 2, {DATA(0x03, CC, 1, 0x100, 1, 0x500), RTIC(0x108, 0)}},
    {"endless data chain",
     {{0x100, C0(0x02, 0x1000, CD, 0x10)},
      {0x108, C0(TIC, 0x100, 0, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 2, {DATA(0x02, CD, 0x10, 0x100, 1, 0x1000), RTIC(0x108, 0)}},
    {"data chaining through a TIC into a write CCW",
     {{0x100, C0(0x02, 0x1000, CD, 0x10)},
      {0x108, C0(TIC, 0x200, 0, 0)},
      {0x200, C0(0x01, 0x2000, 0, 0x10)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 3, {DATA(0x02, CD, 0x10, 0x100, 1, 0x1000),
                   RTIC(0x108, 2),
                   DATA(0x02, 0, 0x10, 0x200, 1, 0x2000)}},
    /* 0x200 is first a data-chained part of a read, then a write command of
     * its own: two real CCWs; the second loop reuses the write */
    {"one guest CCW as data-chained read and as a write",
     {{0x100, C0(0x02, 0x1000, CD, 0x10)},
      {0x108, C0(TIC, 0x200, 0, 0)},
      {0x200, C0(0x01, 0x2000, CC, 0x10)},
      {0x208, C0(TIC, 0x200, 0, 0)},
      {0x210, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 7, {DATA(0x02, CD, 0x10, 0x100, 1, 0x1000),
                   RTIC(0x108, 2),
                   DATA(0x02, CC, 0x10, 0x200, 1, 0x2000),
                   RTIC(0x208, 4),
                   DATA(0x01, CC, 0x10, 0x200, 1, 0x2000),
                   RTIC(0x208, 4),
                   DATA(0x03, 0, 1, 0x210, 1, 0)}},
    {"TIC to TIC",
     {{0x100, C0(0x02, 0x1000, CC, 1)},
      {0x108, C0(TIC, 0x200, 0, 0)},
      {0x200, C0(0x18, 0x300, 0, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x200, CS_PROG, 1, {DATA(0x02, CC, 1, 0x100, 1, 0x1000)}},
    {"TIC to an odd word",
     {{0x100, C0(0x02, 0x1000, CC, 1)},
      {0x108, C0(TIC, 0x204, 0, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x108, CS_PROG, 1, {DATA(0x02, CC, 1, 0x100, 1, 0x1000)}},
    {"TIC beyond storage",
     {{0x100, C0(0x02, 0x1000, CC, 1)},
      {0x108, C0(TIC, 0x10000, 0, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x108, CS_PROG, 1, {DATA(0x02, CC, 1, 0x100, 1, 0x1000)}},
    {"TIC to the last doubleword",
     {{0x100, C0(TIC, 0xFFF8, 0, 0)},
      {0xFFF8, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 2, {RTIC(0x100, 1), DATA(0x03, 0, 1, 0xFFF8, 1, 0)}},

    /* ---- program checks */
    {"invalid command after a good CCW",
     {{0x100, C0(0x01, 0x1000, CC, 1)},
      {0x108, C0(0xF0, 0x1000, 0, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x108, CS_PROG, 1, {DATA(0x01, CC, 1, 0x100, 1, 0x1000)}},
    {"invalid first command", {{0x100, C0(0x00, 0x1000, 0, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"count 0", {{0x100, C0(0x02, 0x1000, 0, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"count 0 in a data-chained CCW",
     {{0x100, C0(0x02, 0x1000, CD, 1)},
      {0x108, C0(0x02, 0x1000, 0, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x108, CS_PROG, 1, {DATA(0x02, CD, 1, 0x100, 1, 0x1000)}},
    {"flag bit 39", {{0x100, C0(0x02, 0x1000, 0x01, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"suspend flag", {{0x100, C0(0x02, 0x1000, 0x02, 1)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"CAW address odd word", {{0x100, C0(0x02, 0x1000, 0, 1)}},
     {{0}}, 0x104, 0, 0, 0, 0,
     PC, 0x104, CS_PROG, 0, {{0}}},
    {"CAW address beyond storage", {{0}},
     {{0}}, 0x10000, 0, 0, 0, 0,
     PC, 0x10000, CS_PROG, 0, {{0}}},
    {"chaining off the end of storage", {{0xFFF8, C0(0x03, 0, CC, 1)}},
     {{0}}, 0xFFF8, 0, 0, 0, 0,
     PC, 0x10000, CS_PROG, 1, {DATA(0x03, CC, 1, 0xFFF8, 1, 0)}},
    {"data area beyond storage", {{0x100, C0(0x02, 0xFF00, 0, 0x101)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"data area ends at the end of storage", {{0x100, C0(0x02, 0xFF00, 0, 0x100)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 0x100, 0x100, 1, 0xFF00)}},
    {"bad data-chained CCW: the good part keeps its IDAWs",
     {{0x100, C0(0x02, 0x1000, CD, 0x10)},
      {0x108, C0(0, 0xFFF0, 0, 0x20)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x108, CS_PROG, 1, {DATA(0x02, CD, 0x10, 0x100, 1, 0x1000)}},
    {"host storage above 2G", {{0x100, C0(0x02, 0x1F00, 0, 0x200)}},
     {{0}}, 0x100, 0, 0, 0, 5,
     PC, 0x100, CS_PROG, 0, {{0}}},

    /* ---- the guest's own IDAWs */
    {"guest IDAWs",
     {{0x100, C0(0x02, 0x3000, IDA, 0x1000)},
      {0x3000, IW(0x4F00, 0x8000)},
      {0x3008, IW(0x1000, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 0x1000, 0x100, 3, 0x4F00, 0x8000, 0x1000)}},
    {"guest IDAWs: only those the count needs are fetched",
     {{0x100, C0(0x01, 0x3000, IDA, 0x100)},
      {0x3000, IW(0x4F00, 0xFF000001)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x01, 0, 0x100, 0x100, 1, 0x4F00)}},
    {"guest IDAW after the first not 2K aligned",
     {{0x100, C0(0x02, 0x3000, IDA, 0x200)},
      {0x3000, IW(0x4F00, 0x8010)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"guest IDAW bits 0-7",
     {{0x100, C0(0x02, 0x3000, IDA, 0x10)},
      {0x3000, IW(0x01004F00, 0)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"guest IDAW list not on a word", {{0x100, C0(0x02, 0x3002, IDA, 0x10)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"guest IDAW beyond storage",
     {{0x100, C0(0x02, 0x3000, IDA, 0x200)},
      {0x3000, IW(0xFF00, 0x10000)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"guest IDAW list beyond storage",
     {{0x100, C0(0x02, 0xFFFC, IDA, 0x900)},
      {0xFFF8, IW(0, 0xF800)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},

    /* ---- read backward: the area ends at the data address */
    {"read backward across a 2K boundary", {{0x100, C0(0x0C, 0x1810, 0, 0x20)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x0C, 0, 0x20, 0x100, 2, 0x1810, 0x17FF)}},
    {"read backward of one whole block", {{0x100, C0(0x0C, 0x17FF, 0, 0x800)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x0C, 0, 0x800, 0x100, 1, 0x17FF)}},
    {"read backward one byte more", {{0x100, C0(0x0C, 0x17FF, 0, 0x801)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x0C, 0, 0x801, 0x100, 2, 0x17FF, 0x0FFF)}},
    {"read backward down to byte 0", {{0x100, C0(0x4C, 0x1F, 0, 0x20)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x4C, 0, 0x20, 0x100, 1, 0x1F)}},
    {"read backward ending at the last byte of storage", {{0x100, C0(0x0C, 0xFFFF, 0, 0x10)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x0C, 0, 0x10, 0x100, 1, 0xFFFF)}},
    {"read backward below byte 0", {{0x100, C0(0x0C, 0x1F, 0, 0x21)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},
    {"read backward data-chained",
     {{0x100, C0(0x0C, 0x1810, CD, 0x20)},
      {0x108, C0(0x00, 0x0805, 0, 0x10)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 2, {DATA(0x0C, CD, 0x20, 0x100, 2, 0x1810, 0x17FF),
                   DATA(0x0C, 0, 0x10, 0x108, 2, 0x0805, 0x07FF)}},
    {"read backward with guest IDAWs",
     {{0x100, C0(0x0C, 0x3000, IDA, 0x100)},
      {0x3000, IW(0x5010, 0x27FF)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x0C, 0, 0x100, 0x100, 2, 0x5010, 0x27FF)}},
    {"read backward: guest IDAW not at a block end",
     {{0x100, C0(0x0C, 0x3000, IDA, 0x100)},
      {0x3000, IW(0x5010, 0x2800)}},
     {{0}}, 0x100, 0, 0, 0, 0,
     PC, 0x100, CS_PROG, 0, {{0}}},

    /* ---- keys: CCWs at 0x100 are in block 0, data at 0x1F00-0x20FF in
     * blocks 3-4; a key-0 block is store-protected from CAW key 3 */
    {"fetch-protected CCW", {{0x100, C0(0x02, 0x2000, 0, 1)}},
     {{0, 0x58}}, 0x100, 3, 0, 0, 0,
     PC, 0x100, CS_PROT, 0, {{0}}},
    {"fetch protection off (F 0)", {{0x100, C0(0x02, 0x2000, 0, 1)}},
     {{0, 0x50}, {4, 0x30}}, 0x100, 3, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 1, 0x100, 1, 0x2000)}},
    {"CAW key 0 fetches and stores anything", {{0x100, C0(0x02, 0x2000, 0, 1)}},
     {{0, 0x58}, {4, 0x58}}, 0x100, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 1, 0x100, 1, 0x2000)}},
    {"matching key", {{0x100, C0(0x02, 0x2000, 0, 1)}},
     {{0, 0x3E}, {4, 0x38}}, 0x100, 3, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 1, 0x100, 1, 0x2000)}},
    {"fetch-protected IDAW list",
     {{0x100, C0(0x01, 0x3000, IDA, 0x10)},
      {0x3000, IW(0x2000, 0)}},
     {{6, 0x58}}, 0x100, 3, 0, 0, 0,
     PC, 0x100, CS_PROT, 0, {{0}}},
    {"fetch-protected TIC target",
     {{0x100, C0(0x01, 0x2000, CC, 1)},
      {0x108, C0(TIC, 0x1000, 0, 0)},
      {0x1000, C0(0x03, 0, 0, 1)}},
     {{2, 0x58}}, 0x100, 3, 0, 0, 0,
     PC, 0x1000, CS_PROT, 1, {DATA(0x01, CC, 1, 0x100, 1, 0x2000)}},
    {"read into store-protected storage", {{0x100, C0(0x02, 0x1F00, 0, 0x200)}},
     {{3, 0x30}, {4, 0x50}}, 0x100, 3, 0, 0, 0,
     PC, 0x100, CS_PROT, 0, {{0}}},
    {"write from store-protected storage", {{0x100, C0(0x01, 0x1F00, 0, 0x200)}},
     {{4, 0x50}}, 0x100, 3, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x01, 0, 0x200, 0x100, 2, 0x1F00, 0x2000)}},
    {"write from fetch-protected storage", {{0x100, C0(0x01, 0x1F00, 0, 0x200)}},
     {{4, 0x58}}, 0x100, 3, 0, 0, 0,
     PC, 0x100, CS_PROT, 0, {{0}}},
    {"read with SKIP stores nothing", {{0x100, C0(0x02, 0x1F00, SKIP, 0x200)}},
     {{4, 0x58}}, 0x100, 3, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, SKIP, 0x200, 0x100, 2, 0x1F00, 0x2000)}},

    /* ---- self-modifying programs */
    {"IPL: read 24 bytes into 0, chained to the CCW at 8", {{0, C0(0x02, 0, CC | SLI, 24)}},
     {{0}}, 0, 0, 0, 0, 0,
     RES, 8, 0, 1, {DATA(0x02, CC | SLI, 24, 0, 1, 0)}},
    {"loader: read CCWs, TIC to them",
     {{0x200, C0(0x02, 0x400, CC, 16)},
      {0x208, C0(TIC, 0x400, 0, 0)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     RES, 0x400, 0, 1, {DATA(0x02, CC, 16, 0x200, 1, 0x400)}},
    {"read over a later CCW in line",
     {{0x200, C0(0x02, 0x214, CC, 8)},
      {0x208, C0(0x03, 0, CC, 1)},
      {0x210, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     RES, 0x210, 0, 2, {DATA(0x02, CC, 8, 0x200, 1, 0x214), DATA(0x03, CC, 1, 0x208, 1, 0)}},
    {"read ending just before the next CCW",
     {{0x200, C0(0x02, 0x1F8, CC, 0x10)},
      {0x208, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     OK, 0, 0, 2, {DATA(0x02, CC, 0x10, 0x200, 1, 0x1F8), DATA(0x03, 0, 1, 0x208, 1, 0)}},
    {"read starting just after the next CCW",
     {{0x200, C0(0x02, 0x210, CC, 8)},
      {0x208, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     OK, 0, 0, 2, {DATA(0x02, CC, 8, 0x200, 1, 0x210), DATA(0x03, 0, 1, 0x208, 1, 0)}},
    {"read with SKIP over the next CCW",
     {{0x200, C0(0x02, 0x208, CC | SKIP, 8)},
      {0x208, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     OK, 0, 0, 2, {DATA(0x02, CC | SKIP, 8, 0x200, 1, 0x208), DATA(0x03, 0, 1, 0x208, 1, 0)}},
    {"write over the next CCW",
     {{0x200, C0(0x01, 0x208, CC, 8)},
      {0x208, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     OK, 0, 0, 2, {DATA(0x01, CC, 8, 0x200, 1, 0x208), DATA(0x03, 0, 1, 0x208, 1, 0)}},
    {"sense into a later CCW's IDAW list",
     {{0x200, C0(0x04, 0x3004, CC, 1)},
      {0x208, C0(0x02, 0x3000, IDA, 0x900)},
      {0x3000, IW(0x4000, 0x4800)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     RES, 0x208, 0, 1, {DATA(0x04, CC, 1, 0x200, 1, 0x3004)}},
    {"read into its own IDAW list",
     {{0x200, C0(0x02, 0x3000, IDA, 0x900)},
      {0x3000, IW(0x2F00, 0x3000)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     OK, 0, 0, 1, {DATA(0x02, 0, 0x900, 0x200, 2, 0x2F00, 0x3000)}},
    {"read backward over the next CCW",
     {{0x200, C0(0x0C, 0x20F, CC, 8)},
      {0x208, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     RES, 0x208, 0, 1, {DATA(0x0C, CC, 8, 0x200, 1, 0x20F)}},
    {"read backward ending just before the next CCW",
     {{0x200, C0(0x0C, 0x207, CC, 8)},
      {0x208, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     OK, 0, 0, 2, {DATA(0x0C, CC, 8, 0x200, 1, 0x207), DATA(0x03, 0, 1, 0x208, 1, 0)}},
    {"data-chained read over the next CCW",
     {{0x200, C0(0x02, 0x2000, CD, 4)},
      {0x208, C0(0x00, 0x0214, CC, 4)},
      {0x210, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x200, 0, 0, 0, 0,
     RES, 0x210, 0, 2, {DATA(0x02, CD, 4, 0x200, 1, 0x2000), DATA(0x02, CC, 4, 0x208, 1, 0x0214)}},

    /* ---- room: one CCW slot is kept for the stop CCW */
    {"no room for the third CCW",
     {{0x100, C0(0x03, 0, CC, 1)},
      {0x108, C0(0x03, 0, CC, 1)},
      {0x110, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x100, 0, 3, 0, 0,
     FULL, 0x110, 0, 2, {DATA(0x03, CC, 1, 0x100, 1, 0), DATA(0x03, CC, 1, 0x108, 1, 0)}},
    {"just enough room",
     {{0x100, C0(0x03, 0, CC, 1)},
      {0x108, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x100, 0, 3, 2, 0,
     OK, 0, 0, 2, {DATA(0x03, CC, 1, 0x100, 1, 0), DATA(0x03, 0, 1, 0x108, 1, 0)}},
    {"no room for a TIC's target: the TIC goes too",
     {{0x100, C0(0x03, 0, CC, 1)},
      {0x108, C0(TIC, 0x200, 0, 0)},
      {0x200, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x100, 0, 3, 0, 0,
     FULL, 0x200, 0, 1, {DATA(0x03, CC, 1, 0x100, 1, 0)}},
    {"no room for IDAWs",
     {{0x100, C0(0x02, 0x1000, CC, 0x10)},
      {0x108, C0(0x02, 0x1001, 0, 0x1000)}},
     {{0}}, 0x100, 0, 0, 3, 0,
     FULL, 0x108, 0, 1, {DATA(0x02, CC, 0x10, 0x100, 1, 0x1000)}},
    {"only the stop CCW fits", {{0x100, C0(0x03, 0, 0, 1)}},
     {{0}}, 0x100, 0, 1, 0, 0,
     FULL, 0x100, 0, 0, {{0}}},
};
/* clang-format on */

static bool check_row(const struct row *r)
{
    fresh_storage();
    gputs(r->mem, NELEM(r->mem));
    for (size_t i = 0; i < NELEM(r->keys); i++)
        if (r->keys[i].key)
            skeys[r->keys[i].blk] = r->keys[i].key;
    high_block = r->above2g - 1;

    unsigned maxccw = r->maxccw ? r->maxccw : MAXCCW;
    struct ccwprog p = new_prog(maxccw, r->maxidaw ? r->maxidaw : MAXIDAW);
    enum ccwt_end e = ccw_translate(&gm, r->caw, r->key, &p);

    bool ok = e == r->end && p.end == r->end && p.nccw == r->nccw && !bad_ptr;
    uint32_t stop_guest = 0;
    if (r->end == CCWT_RESUME || r->end == CCWT_NOSPACE) {
        ok = ok && p.resume_addr == r->where && p.fail_addr == 0 && p.fail_cstat == 0;
        stop_guest = r->where;
    } else if (r->end == CCWT_PROGCHECK) {
        ok = ok && p.fail_addr == r->where && p.fail_cstat == r->cstat && p.resume_addr == 0;
        stop_guest = r->where;
    } else {
        ok = ok && p.resume_addr == 0 && p.fail_addr == 0 && p.fail_cstat == 0;
        stop_guest = p.nccw ? rguest[p.nccw - 1] + 8 : 0;
    }

    unsigned nidaw = 0;
    for (unsigned i = 0; ok && i < r->nccw; i++) {
        const struct xccw *x = &r->x[i];
        const struct ccw1 *c = &rccw[i];
        ok = c->b[0] == x->cmd && c->b[1] == x->flags && get_be16(c->b + 2) == x->count &&
             rguest[i] == x->guest;
        if (x->to >= 0) {
            ok = ok && get_be32(c->b + 4) == CCWBASE + 8 * (uint32_t)x->to;
            continue;
        }
        /* a data CCW's IDAWs follow the previous one's */
        ok = ok && get_be32(c->b + 4) == IDAWBASE + 4 * nidaw;
        for (unsigned k = 0; ok && k < x->n; k++)
            ok = get_be32(&ridaw[nidaw + k]) == H(x->idaw[k]);
        nidaw += x->n;
    }
    ok = ok && p.nidaw == nidaw;

    /* the stop CCW after the program; nothing written past it */
    if (p.nccw < maxccw)
        ok = ok && rccw[p.nccw].b[0] == 0 && rccw[p.nccw].b[1] == 0 &&
             get_be16(rccw[p.nccw].b + 2) == 0 && rguest[p.nccw] == stop_guest;
    unsigned after = p.nccw < maxccw ? p.nccw + 1 : p.nccw;
    for (unsigned i = after; ok && i <= MAXCCW; i++)
        ok = rccw[i].b[0] == 0xEE && rguest[i] == 0xEEEEEEEEu;
    ok = ok && ridaw[r->maxidaw ? r->maxidaw : MAXIDAW] == 0xEEEEEEEEu;

    if (!ok) {
        fprintf(stderr, "\nccwtrans row \"%s\": end %d nccw %u nidaw %u resume %X fail %X/%02X\n",
                r->what, (int)e, p.nccw, p.nidaw, (unsigned)p.resume_addr, (unsigned)p.fail_addr,
                p.fail_cstat);
        for (unsigned i = 0; i <= p.nccw && i < maxccw; i++)
            fprintf(stderr, "  %2u: %02X %02X %04X %08X  guest %06X\n", i, rccw[i].b[0],
                    rccw[i].b[1], get_be16(rccw[i].b + 2), (unsigned)get_be32(rccw[i].b + 4),
                    (unsigned)rguest[i]);
        for (unsigned i = 0; i < p.nidaw; i++)
            fprintf(stderr, "  IDAW %u: %08X\n", i, (unsigned)get_be32(&ridaw[i]));
    }
    return ok;
}

static void test_rows(void)
{
    unsigned bad = 0;
    for (size_t k = 0; k < NELEM(rows); k++)
        if (!check_row(&rows[k]))
            bad++;
    CU_ASSERT_EQUAL(bad, 0);
}

/* The fake mapping really scatters the guest's 2K blocks. */
static void test_mapping(void)
{
    CU_ASSERT_NOT_EQUAL(H(0x800), H(0) + 0x800);
    CU_ASSERT_EQUAL(H(0x7FF), H(0) + 0x7FF);
    for (uint32_t b = 0; b < NBLK; b++)
        for (uint32_t c = b + 1; c < NBLK; c++)
            CU_ASSERT_NOT_EQUAL(H(b * 2048), H(c * 2048));
}

/* With CAW key 0 the storage keys are never looked at. */
static void test_key0_no_key_calls(void)
{
    fresh_storage();
    gput(0x100, (uint8_t[])C0(0x02, 0x3000, IDA | CC, 0x10), 8);
    gput(0x108, (uint8_t[])C0(0x01, 0x2000, 0, 0x10), 8);
    gput(0x3000, (uint8_t[])IW(0x2000, 0), 8);
    skeys[4] = 0x70;
    struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
    key_calls = 0;
    CU_ASSERT_EQUAL(ccw_translate(&gm, 0x100, 0, &p), CCWT_COMPLETE);
    CU_ASSERT_EQUAL(key_calls, 0);
    CU_ASSERT_EQUAL(ccw_translate(&gm, 0x100, 7, &p), CCWT_COMPLETE);
    CU_ASSERT_EQUAL(key_calls, 5); /* 2 CCWs, 1 IDAW, 2 data blocks */
}

/* Storage whose size is not a multiple of 2K: the end of storage falls
 * inside a block that has a host address. */
static void test_odd_size(void)
{
    const struct gmem small = {NULL, 0xFF80, f_read, f_write, f_host, f_key, NULL};
    static const struct {
        uint8_t ccw[8];
        enum ccwt_end end;
    } t[] = {
        {C0(0x02, 0xFF00, 0, 0x80), CCWT_COMPLETE}, {C0(0x02, 0xFF00, 0, 0x81), CCWT_PROGCHECK},
        {C0(0x0C, 0xFF7F, 0, 0x10), CCWT_COMPLETE}, {C0(0x0C, 0xFF80, 0, 0x10), CCWT_PROGCHECK},
        {C0(TIC, 0xFF78, 0, 0), CCWT_PROGCHECK}, /* a zero CCW there */
        {C0(TIC, 0xFF80, 0, 0), CCWT_PROGCHECK},
    };
    for (size_t k = 0; k < NELEM(t); k++) {
        fresh_storage();
        gput(0x100, t[k].ccw, 8);
        struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
        CU_ASSERT_EQUAL(ccw_translate(&small, 0x100, 0, &p), t[k].end);
    }
    /* the TIC rows: a bad CCW at the target, a bad target at the TIC */
    struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
    gput(0x100, (uint8_t[])C0(TIC, 0xFF78, 0, 0), 8);
    ccw_translate(&small, 0x100, 0, &p);
    CU_ASSERT_EQUAL(p.fail_addr, 0xFF78);
    gput(0x100, (uint8_t[])C0(TIC, 0xFF80, 0, 0), 8);
    ccw_translate(&small, 0x100, 0, &p);
    CU_ASSERT_EQUAL(p.fail_addr, 0x100);
}

/* A read into a read-only page is a protection check with key 0 too; a
 * write from it, or a read with skip, is fine. */
static void test_readonly_pages(void)
{
    const struct gmem ro = {NULL, GSIZE, f_read, f_write, f_host, f_key, f_readonly};
    static const struct {
        uint8_t ccw[8];
        enum ccwt_end end;
    } t[] = {
        {C0(0x02, 0x4000, 0, 0x10), CCWT_PROGCHECK},   {C0(0x02, 0x3FF8, 0, 0x10), CCWT_PROGCHECK},
        {C0(0x02, 0x3FF0, 0, 0x10), CCWT_COMPLETE},    {C0(0x01, 0x4000, 0, 0x10), CCWT_COMPLETE},
        {C0(0x02, 0x4000, SKIP, 0x10), CCWT_COMPLETE}, {C0(0x04, 0x4800, 0, 0x10), CCWT_PROGCHECK},
    };
    for (size_t k = 0; k < NELEM(t); k++) {
        fresh_storage();
        gput(0x100, t[k].ccw, 8);
        struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
        CU_ASSERT_EQUAL(ccw_translate(&ro, 0x100, 0, &p), t[k].end);
        if (t[k].end == CCWT_PROGCHECK)
            CU_ASSERT(p.fail_addr == 0x100 && p.fail_cstat == CS_PROT);
    }
}

/* ---------------------------------------------------------------- a model of the real channel */

/*
 * Move count bytes of real CCW i as a format-1 channel with format-1
 * IDAWs would: the first IDAW anywhere; going forward each IDAW covers up
 * to the next 2K boundary and the later ones must start a block; reading
 * backward each covers down to its block's first byte and the later ones
 * must end a block. Returns false where the channel would give a program
 * check. Input bytes come from stream[], output bytes go to it.
 */
static bool channel_xfer(unsigned i, uint8_t *stream)
{
    const struct ccw1 *c = &rccw[i];
    uint16_t count = get_be16(c->b + 2);
    bool back = (c->b[0] & 0x0F) == 0x0C;
    bool in = back || (c->b[0] & 3) == 2 || (c->b[0] & 0x0F) == 4;
    uint32_t list = get_be32(c->b + 4);
    if (!(c->b[1] & CCW_IDA) || list < IDAWBASE || (list - IDAWBASE) % 4)
        return false;
    const uint32_t *idaw = &ridaw[(list - IDAWBASE) / 4];
    uint32_t k = 0;
    for (unsigned seq = 0; k < count; seq++) {
        uint32_t h = get_be32(&idaw[seq]);
        if (h & 0x80000000u || (seq > 0 && ((back ? h + 1 : h) & 2047)))
            return false;
        uint32_t room = back ? (h & 2047) + 1 : 2048 - (h & 2047);
        for (uint32_t j = 0; j < room && k < count; j++, k++) {
            uint32_t ha = back ? h - j : h + j;
            if (ha < HOSTBASE || ha >= HOSTBASE + GSIZE)
                return false;
            if (in)
                host_area[ha - HOSTBASE] = stream[k];
            else
                stream[k] = host_area[ha - HOSTBASE];
        }
    }
    return true;
}

static uint8_t stream_byte(uint32_t k) { return (uint8_t)(k % 251 + 1); }

/* Input CCWs of a translated program: the device's byte stream, over all
 * the program's CCWs, must fill the guest's pieces in order (reading
 * backward, each piece from its last byte down), and the byte on either
 * side of a piece must stay 0. */
struct piece {
    uint32_t lo, hi; /* [lo, hi) */
};

struct xfer_row {
    const char *what;
    struct put mem[4];
    bool back;
    struct piece pieces[4]; /* hi 0 ends the list */
};

static const struct xfer_row xrows[] = {
    {"forward across 2K boundaries",
     {{0x100, C0(0x02, 0x07F0, 0, 0x1020)}},
     false,
     {{0x07F0, 0x1810}}},
    {"the largest count", {{0x100, C0(0x02, 0x0001, 0, 0xFFFF)}}, false, {{0x0001, 0x10000}}},
    {"read backward", {{0x100, C0(0x0C, 0x2810, 0, 0x1020)}}, true, {{0x17F1, 0x2811}}},
    {"guest IDAWs",
     {{0x100, C0(0x02, 0x3000, IDA, 0x900)}, {0x3000, IW(0x4F00, 0x8000)}, {0x3008, IW(0, 0)}},
     false,
     {{0x4F00, 0x5000}, {0x8000, 0x8800}}},
    {"data chaining",
     {{0x100, C0(0x02, 0x5FFE, CD, 4)}, {0x108, C0(0x00, 0x7001, 0, 0x900)}},
     false,
     {{0x5FFE, 0x6002}, {0x7001, 0x7901}}},
    {"read backward, data chaining, guest IDAWs",
     {{0x100, C0(0x0C, 0x6001, CD, 4)},
      {0x108, C0(0x00, 0x3000, IDA, 0x801)},
      {0x3000, IW(0x5000, 0x47FF)}},
     true,
     {{0x5FFE, 0x6002}, {0x5000, 0x5001}, {0x4000, 0x4800}}},
};

static void test_transfer(void)
{
    static uint8_t stream[0x10000];
    for (size_t r = 0; r < NELEM(xrows); r++) {
        const struct xfer_row *x = &xrows[r];
        fresh_storage();
        gputs(x->mem, NELEM(x->mem));
        struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
        CU_ASSERT_EQUAL_FATAL(ccw_translate(&gm, 0x100, 0, &p), CCWT_COMPLETE);

        /* the device sends one stream; data chaining splits it over CCWs */
        uint32_t s = 0, bad = 0;
        for (unsigned i = 0; i < p.nccw; i++) {
            uint16_t n = get_be16(rccw[i].b + 2);
            for (uint32_t k = 0; k < n; k++)
                stream[k] = stream_byte(s + k);
            if (!channel_xfer(i, stream))
                bad++;
            s += n;
        }
        uint32_t k = 0;
        for (const struct piece *pc = x->pieces; pc < x->pieces + NELEM(x->pieces) && pc->hi;
             pc++) {
            for (uint32_t j = 0; j < pc->hi - pc->lo; j++, k++)
                if (gbyte(x->back ? pc->hi - 1 - j : pc->lo + j) != stream_byte(k))
                    bad++;
            if (pc->lo > 0 && gbyte(pc->lo - 1) != 0)
                bad++;
            if (pc->hi < GSIZE && gbyte(pc->hi) != 0)
                bad++;
        }
        CU_ASSERT_EQUAL(k, s);
        if (bad)
            fprintf(stderr, "\nccwtrans transfer \"%s\": %u bytes wrong\n", x->what, (unsigned)bad);
        CU_ASSERT_EQUAL(bad, 0);
    }
}

/* Output: a write across blocks sends the guest's bytes in order. */
static void test_transfer_out(void)
{
    static uint8_t stream[0x2000];
    fresh_storage();
    for (uint32_t a = 0x1700; a < 0x2900; a++) {
        uint8_t b = stream_byte(a);
        gput(a, &b, 1);
    }
    gput(0x100, (uint8_t[])C0(0x01, 0x1701, 0, 0x11FE), 8);
    struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
    CU_ASSERT_EQUAL_FATAL(ccw_translate(&gm, 0x100, 0, &p), CCWT_COMPLETE);
    CU_ASSERT_EQUAL(p.nidaw, 4);
    CU_ASSERT(channel_xfer(0, stream));
    unsigned bad = 0;
    for (uint32_t k = 0; k < 0x11FE; k++)
        if (stream[k] != stream_byte(0x1701 + k))
            bad++;
    CU_ASSERT_EQUAL(bad, 0);
}

/* ---------------------------------------------------------------- resuming a self-modifying program */

/* An IPL as CP runs it: the implied CCW at 0 reads 24 bytes and stops
 * before CCW 1; CCW 1 reads a loader CCW pair to X'400' and CCW 2 TICs
 * there; the loader reads and ends. Each step translates from where the
 * last one stopped, after the "device" has stored what it read. */
static void test_ipl_sequence(void)
{
    fresh_storage();
    gput(0, (uint8_t[])C0(0x02, 0, CC | SLI, 24), 8);
    struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
    CU_ASSERT_EQUAL(ccw_translate(&gm, 0, 0, &p), CCWT_RESUME);
    CU_ASSERT_EQUAL(p.resume_addr, 8);
    CU_ASSERT_EQUAL(p.nccw, 1);
    CU_ASSERT_EQUAL(rccw[0].b[1], CC | SLI | IDA); /* the caller decides about the CC */

    /* the card: PSW, CCW 1, CCW 2 */
    const uint8_t card[24] = {0x00, 0x08, 0x00, 0x00, 0x00,     0x00, 0x04, 0x00, /* PSW */
                              0x02, 0x00, 0x04, 0x00, CC | SLI, 0x00, 0x00, 0x10, /* read to 400 */
                              TIC,  0x00, 0x04, 0x00, 0x00,     0x00, 0x00, 0x00};
    gput(0, card, sizeof card);
    CU_ASSERT_EQUAL(ccw_translate(&gm, p.resume_addr, 0, &p), CCWT_RESUME);
    CU_ASSERT_EQUAL(p.resume_addr, 0x400);
    CU_ASSERT_EQUAL(p.nccw, 1); /* the TIC is dropped: CCW 1 chains into the stop CCW */
    CU_ASSERT_EQUAL(rguest[1], 0x400);

    gput(0x400, (uint8_t[])C0(0x02, 0x1000, CC, 0x50), 8);
    gput(0x408, (uint8_t[])C0(0x02, 0x1050, 0, 0x50), 8);
    CU_ASSERT_EQUAL(ccw_translate(&gm, p.resume_addr, 0, &p), CCWT_COMPLETE);
    CU_ASSERT_EQUAL(p.nccw, 2);
    CU_ASSERT_EQUAL(rguest[0], 0x400);
    CU_ASSERT_EQUAL(rguest[1], 0x408);
}

/* More storage ranges than the table holds: they merge, none is lost.
 * 20 reads to separate areas, in rising or falling order, then a TIC into
 * each area in turn must stop; a TIC far from all of them must not. */
static void test_many_ranges(void)
{
    for (int down = 0; down < 2; down++) {
        fresh_storage();
        uint32_t a = 0x100;
        for (uint32_t i = 0; i < 20; i++, a += 8) {
            uint32_t area = 0x1000 + (down ? 19 - i : i) * 0x100;
            gput(a, (uint8_t[])C0(0x02, area, CC, 0x10), 8);
        }
        for (uint32_t i = 0; i < 20; i++) {
            uint32_t target = 0x1008 + i * 0x100;
            gput(a, (uint8_t[])C0(TIC, target, 0, 0), 8);
            struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
            CU_ASSERT_EQUAL(ccw_translate(&gm, 0x100, 0, &p), CCWT_RESUME);
            CU_ASSERT_EQUAL(p.resume_addr, target);
            CU_ASSERT_EQUAL(p.nccw, 20);
        }
        gput(a, (uint8_t[])C0(TIC, 0x8000, 0, 0), 8);
        gput(0x8000, (uint8_t[])C0(0x03, 0, 0, 1), 8);
        struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
        CU_ASSERT_EQUAL(ccw_translate(&gm, 0x100, 0, &p), CCWT_COMPLETE);
        CU_ASSERT_EQUAL(p.nccw, 22);
    }
}

/* ---------------------------------------------------------------- SCSW -> CSW */

static void scsw_at(uint8_t scsw[12], uint32_t ccw_addr, uint8_t ustat, uint8_t cstat,
                    uint16_t count)
{
    static const uint8_t w0[4] = {0x00, 0x80, 0x40, 0x07};
    memcpy(scsw, w0, 4);
    put_be32(scsw + 4, ccw_addr);
    scsw[8] = ustat;
    scsw[9] = cstat;
    put_be16(scsw + 10, count);
}

struct csw_row {
    const char *what;
    uint32_t scsw_ccw; /* the real CCW address in the SCSW */
    uint8_t ustat, cstat;
    uint16_t count;
    uint8_t key;
    uint64_t csw; /* the guest CSW, as a doubleword */
    bool at_stop;
};

/* The search-loop program: real CCWs 0-3 from guest 0x100, 0x108, 0x110
 * (the TIC), 0x118; the stop CCW is real CCW 4. */
static const struct csw_row crows[] = {
    {"normal end at the last CCW", CCWBASE + 32, US_CE | US_DE, 0, 0, 5, 0x500001200C000000, false},
    {"incorrect length, residual count", CCWBASE + 32, US_CE | US_DE, CS_IL, 0x0012, 15,
     0xF00001200C400012, false},
    {"unit check at the search", CCWBASE + 16, US_CE | US_DE | US_UC, 0, 5, 0, 0x000001100E000005,
     false},
    {"status with no CCW address", 0, US_DE, 0, 0, 3, 0x3000000004000000, false},
    {"an address that is no CCW + 8", CCWBASE + 12, US_CE | US_DE, 0, 0, 0, 0x000000000C000000,
     false},
    {"an address past the stop CCW", CCWBASE + 48, US_CE | US_DE, 0, 0, 0, 0x000000000C000000,
     false},
    /* status modifier on the read would skip past the program's end */
    {"the stop CCW of a complete program", CCWBASE + 40, US_CE | US_DE, CS_PROG, 0, 0,
     0x000001280C200000, true},
};

static void test_csw(void)
{
    fresh_storage();
    gput(0x100, (uint8_t[])C0(0x07, 0x500, CC, 6), 8);
    gput(0x108, (uint8_t[])C0(0x31, 0x506, CC, 5), 8);
    gput(0x110, (uint8_t[])C0(TIC, 0x108, 0, 0), 8);
    gput(0x118, (uint8_t[])C0(0x06, 0x600, 0, 0x100), 8);
    struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
    CU_ASSERT_EQUAL_FATAL(ccw_translate(&gm, 0x100, 0, &p), CCWT_COMPLETE);
    CU_ASSERT_EQUAL_FATAL(p.nccw, 4);

    for (size_t k = 0; k < NELEM(crows); k++) {
        const struct csw_row *r = &crows[k];
        uint8_t scsw[12], csw[8];
        scsw_at(scsw, r->scsw_ccw, r->ustat, r->cstat, r->count);
        memset(csw, 0xEE, sizeof csw);
        ccw_csw_from_scsw(&p, scsw, r->key, csw);
        bool ok = get_be64(csw) == r->csw && ccw_at_stop(&p, scsw) == r->at_stop;
        if (!ok)
            fprintf(stderr, "\nccwtrans csw \"%s\": %02X%02X%02X%02X %02X%02X%02X%02X\n", r->what,
                    csw[0], csw[1], csw[2], csw[3], csw[4], csw[5], csw[6], csw[7]);
        CU_ASSERT(ok);
    }
}

/* A program check found by the translation: the real channel reaches the
 * stop CCW, and the guest sees the CCW address and the check the guest's
 * channel would have stored. */
static void test_csw_stops(void)
{
    uint8_t scsw[12], csw[8];

    /* fetch protection at 0x108: the stop is real CCW 1 */
    fresh_storage();
    gput(0x100, (uint8_t[])C0(0x01, 0x2000, CC, 1), 8);
    gput(0x108, (uint8_t[])C0(TIC, 0x1000, 0, 0), 8);
    skeys[2] = 0x58;
    struct ccwprog p = new_prog(MAXCCW, MAXIDAW);
    CU_ASSERT_EQUAL_FATAL(ccw_translate(&gm, 0x100, 4, &p), CCWT_PROGCHECK);
    scsw_at(scsw, CCWBASE + 16, US_CE | US_DE, SCH_PROG, 0);
    CU_ASSERT(ccw_at_stop(&p, scsw));
    ccw_csw_from_scsw(&p, scsw, 4, csw);
    const uint8_t want[8] = {0x40, 0x00, 0x10, 0x08, US_CE | US_DE, CS_PROT, 0, 0};
    CU_ASSERT_EQUAL(memcmp(csw, want, 8), 0);

    /* the program ended before: unit check on the read */
    scsw_at(scsw, CCWBASE + 8, US_CE | US_DE | US_UC, 0, 1);
    CU_ASSERT(!ccw_at_stop(&p, scsw));
    ccw_csw_from_scsw(&p, scsw, 4, csw);
    const uint8_t want2[8] = {0x40, 0x00, 0x01, 0x08, US_CE | US_DE | US_UC, 0, 0, 1};
    CU_ASSERT_EQUAL(memcmp(csw, want2, 8), 0);

    /* the IPL read: the stop stands for CCW 1 at 8, the check stays a program check */
    fresh_storage();
    gput(0, (uint8_t[])C0(0x02, 0, CC | SLI, 24), 8);
    p = new_prog(MAXCCW, MAXIDAW);
    CU_ASSERT_EQUAL_FATAL(ccw_translate(&gm, 0, 0, &p), CCWT_RESUME);
    scsw_at(scsw, CCWBASE + 16, US_CE | US_DE, SCH_PROG, 0);
    CU_ASSERT(ccw_at_stop(&p, scsw));
    ccw_csw_from_scsw(&p, scsw, 0, csw);
    const uint8_t want3[8] = {0x00, 0x00, 0x00, 0x10, US_CE | US_DE, CS_PROG, 0, 0};
    CU_ASSERT_EQUAL(memcmp(csw, want3, 8), 0);
    /* the stop's address without a program check is no stop */
    scsw_at(scsw, CCWBASE + 16, US_CE | US_DE, 0, 0);
    CU_ASSERT(!ccw_at_stop(&p, scsw));
}

static CU_TestInfo cases[] = {
    {"translate: table of programs", test_rows},
    {"read-only (shared) pages", test_readonly_pages},
    {"the fake host mapping scatters blocks", test_mapping},
    {"CAW key 0 looks at no storage key", test_key0_no_key_calls},
    {"storage not a multiple of 2K", test_odd_size},
    {"data lands where the guest said (input)", test_transfer},
    {"data comes from where the guest said (output)", test_transfer_out},
    {"IPL: translate, run, resume", test_ipl_sequence},
    {"more stored ranges than the table holds", test_many_ranges},
    {"SCSW to CSW", test_csw},
    {"SCSW at the stop CCW", test_csw_stops},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("ccwtrans", cases);
