/*
 * test_spool.c - the portable part of spooling: spool pages and their
 * records (cp/spool/spoolfmt.c), file entries and QUERY lines, spoolids,
 * the page map and the checkpoint (cp/spool/ckptfmt.c), and the commands
 * of unit record devices (cp/spool/urccw.c).
 *
 * Pages are filled until full and read back record by record, with the
 * bytes at the documented offsets checked; damaged pages are refused.
 * A checkpoint is built from files written into a page map, decoded and
 * loaded again: the same files, the same chains, the pages of files being
 * written free. Damage to one byte of a checkpoint is caught by its sums;
 * a damaged chain or entry loses that file only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/bytes.h"
#include "spool/ckptfmt.h"
#include "spool/spoolfmt.h"
#include "spool/urccw.h"
#include "unit.h"

/* ---------------------------------------------------------------- pages */

static void test_page_records(void)
{
    static uint8_t pg[SPL_PAGE];
    uint8_t card[80];
    spp_init(pg, 123, 4, 77);
    CU_ASSERT_EQUAL(get_be32(pg + SPP_PREV), 77);
    CU_ASSERT_EQUAL(get_be32(pg + SPP_NEXT), 0);
    CU_ASSERT_EQUAL(get_be16(pg + SPP_SPID), 123);
    CU_ASSERT_EQUAL(get_be16(pg + SPP_SEQ), 4);
    unsigned n = 0;
    for (;; n++) {
        for (int i = 0; i < 80; i++)
            card[i] = (uint8_t)(n * 7 + i);
        if (!spp_add(pg, n % 3 ? 0x01 : 0x41, card, 80))
            break;
    }
    /* 96 bytes a card: (4096 - 32 - 8) / 96 = 42 */
    CU_ASSERT_EQUAL(n, 42);
    CU_ASSERT_EQUAL(get_be16(pg + SPP_NREC), 42);
    /* the first record: a format-0 CCW with the data offset, CC+SLI, count; a TIC */
    CU_ASSERT_EQUAL(pg[SPP_DATA], 0x41);
    CU_ASSERT_EQUAL(get_be24(pg + SPP_DATA + 1), SPP_DATA + 16);
    CU_ASSERT_EQUAL(pg[SPP_DATA + 4], 0x60);
    CU_ASSERT_EQUAL(get_be16(pg + SPP_DATA + 6), 80);
    CU_ASSERT_EQUAL(pg[SPP_DATA + 8], 0x08);
    CU_ASSERT_EQUAL(get_be24(pg + SPP_DATA + 9), SPP_DATA + 96);
    char why[80];
    CU_ASSERT_EQUAL(spp_check(pg, 123, why, sizeof(why)), 0);
    unsigned off = SPP_DATA, got = 0;
    struct spp_rec r;
    while (spp_next_record(pg, &off, &r) == 1) {
        CU_ASSERT_EQUAL(r.len, 80);
        CU_ASSERT_EQUAL(r.op, got % 3 ? 0x01 : 0x41);
        for (int i = 0; i < 80; i++)
            if (r.data[i] != (uint8_t)(got * 7 + i))
                CU_FAIL("record data");
        got++;
    }
    CU_ASSERT_EQUAL(got, 42);
    /* a record of length 0 (a printer skip) and one of odd length */
    spp_init(pg, 5, 0, 0);
    CU_ASSERT_TRUE(spp_add(pg, 0x8B, NULL, 0));
    CU_ASSERT_TRUE(spp_add(pg, 0x09, (const uint8_t *)"ABC", 3));
    CU_ASSERT_FALSE(spp_add(pg, 0x09, card, SPP_RECMAX + 1));
    off = SPP_DATA;
    CU_ASSERT_EQUAL(spp_next_record(pg, &off, &r), 1);
    CU_ASSERT_EQUAL(r.op, 0x8B);
    CU_ASSERT_EQUAL(r.len, 0);
    CU_ASSERT_EQUAL(spp_next_record(pg, &off, &r), 1);
    CU_ASSERT_EQUAL(r.len, 3);
    CU_ASSERT_EQUAL(memcmp(r.data, "ABC", 3), 0);
    CU_ASSERT_EQUAL(spp_next_record(pg, &off, &r), 0);
}

static void test_page_damage(void)
{
    static uint8_t good[SPL_PAGE], pg[SPL_PAGE];
    static const struct {
        unsigned off;
        uint8_t val;
        const char *what;
    } cases[] = {
        {SPP_MAGIC, 0x00, "magic"},           {SPP_SPID + 1, 8, "spoolid"},
        {SPP_DATA + 8, 0x02, "TIC replaced"}, {SPP_DATA + 7, 200, "count past the TIC"},
        {SPP_DATA + 3, 0x99, "data address"}, {SPP_NREC + 1, 9, "record count"},
    };
    char why[80];
    spp_init(good, 9, 0, 0);
    spp_add(good, 0x01, (const uint8_t *)"0123456789", 10);
    spp_add(good, 0x01, (const uint8_t *)"0123456789", 10);
    for (size_t i = 0; i < NELEM(cases); i++) {
        memcpy(pg, good, SPL_PAGE);
        pg[cases[i].off] = cases[i].val;
        if (spp_check(pg, 9, why, sizeof(why)) == 0)
            printf("\n  damage not seen: %s\n", cases[i].what);
        CU_ASSERT_EQUAL(spp_check(pg, 9, why, sizeof(why)), -1);
    }
}

/* ---------------------------------------------------------------- entries */

static struct spf sample(uint16_t id, uint32_t first, uint32_t last, uint32_t pages)
{
    struct spf f;
    memset(&f, 0, sizeof(f));
    f.spid = id;
    f.type = SPT_PUN;
    f.queue = SPQ_RDR;
    f.cls = 'B';
    f.copies = 3;
    f.hold = SPH_USER;
    f.devtype = 0x2540;
    strcpy(f.owner, "USER02");
    strcpy(f.origin, "MAINT");
    strcpy(f.form, "STD");
    strcpy(f.dist, "DEPT42");
    strcpy(f.fn, "PROFILE");
    strcpy(f.ft, "EXEC");
    strcpy(f.tag, "  LOCID USER PRIO ");
    f.recs = 1234;
    f.tod = 0xCAFE000012345678ull;
    f.first = first;
    f.last = last;
    f.pages = pages;
    return f;
}

static void test_entry_round_trip(void)
{
    uint8_t e[SPE_LEN];
    struct spf f = sample(42, 5, 9, 3), g;
    char why[80];
    spe_encode(e, &f);
    CU_ASSERT_EQUAL(get_be16(e + SPE_SPID), 42);
    CU_ASSERT_EQUAL(e[SPE_CLASS], 0xC2); /* EBCDIC B */
    CU_ASSERT_EQUAL(e[SPE_OWNER], 0xE4); /* U */
    CU_ASSERT_EQUAL(e[SPE_OWNER + 7], 0x40);
    CU_ASSERT_EQUAL(get_be64(e + SPE_TOD), 0xCAFE000012345678ull);
    CU_ASSERT_EQUAL(e[SPE_TAGLEN], 18);
    CU_ASSERT_EQUAL(spe_decode(e, &g, why, sizeof(why)), 0);
    CU_ASSERT_STRING_EQUAL(g.owner, "USER02");
    CU_ASSERT_STRING_EQUAL(g.origin, "MAINT");
    CU_ASSERT_STRING_EQUAL(g.fn, "PROFILE");
    CU_ASSERT_STRING_EQUAL(g.ft, "EXEC");
    CU_ASSERT_STRING_EQUAL(g.dist, "DEPT42");
    CU_ASSERT_STRING_EQUAL(g.tag, "  LOCID USER PRIO "); /* blanks kept */
    CU_ASSERT_EQUAL(g.recs, 1234);
    CU_ASSERT_EQUAL(g.cls, 'B');
    CU_ASSERT_EQUAL(g.first, 5);
    CU_ASSERT_EQUAL(g.last, 9);
    /* damaged entries are refused */
    static const struct {
        unsigned off;
        uint8_t val;
    } bad[] = {{SPE_SPID, 0xFF}, {SPE_TYPE, 9}, {SPE_QUEUE, 0},    {SPE_CLASS, 0x4C},
               {SPE_COPIES, 0},  {SPE_HOLD, 8}, {SPE_TAGLEN, 200}, {SPE_OWNER, 0x40}};
    for (size_t i = 0; i < NELEM(bad); i++) {
        uint8_t d[SPE_LEN];
        memcpy(d, e, SPE_LEN);
        d[bad[i].off] = bad[i].val;
        if (bad[i].off == SPE_OWNER)
            memset(d + SPE_OWNER, 0x40, 8);
        CU_ASSERT_EQUAL(spe_decode(d, &g, why, sizeof(why)), -1);
    }
}

static void test_query_line(void)
{
    struct spf f = sample(7, 1, 1, 1);
    char line[128];
    f.hold = 0;
    spf_query_line(line, sizeof(line), &f, false, 11, 24, 9, 5, 3);
    CU_ASSERT_STRING_EQUAL(line, "USER02   0007 B PUN 001234 03  NONE");
    spf_query_line(line, sizeof(line), &f, true, 11, 24, 9, 5, 3);
    CU_ASSERT_STRING_EQUAL(
        line, "USER02   0007 B PUN 001234 03  NONE 11/24 09:05:03 PROFILE  EXEC     DEPT42");
    /* the columns sit under the header's words */
    CU_ASSERT_EQUAL(strstr(SPF_QHDR_ALL, "FILE") - SPF_QHDR_ALL, 9);
    CU_ASSERT_EQUAL(strstr(SPF_QHDR_ALL, "CLASS") - SPF_QHDR_ALL, 14);
    CU_ASSERT_EQUAL(strstr(SPF_QHDR_ALL, "RECDS") - SPF_QHDR_ALL, 20);
    CU_ASSERT_EQUAL(strstr(SPF_QHDR_ALL, "CPY") - SPF_QHDR_ALL, 27);
    CU_ASSERT_EQUAL(strstr(SPF_QHDR_ALL, "HOLD") - SPF_QHDR_ALL, 31);
    CU_ASSERT_EQUAL(strstr(SPF_QHDR_ALL, "NAME") - SPF_QHDR_ALL, 51);
    CU_ASSERT_EQUAL(strstr(line, "PROFILE") - line, 51);
    CU_ASSERT_EQUAL(strstr(SPF_QHDR_ALL, "DIST") - SPF_QHDR_ALL, 69);
    CU_ASSERT_EQUAL(strstr(line, "DEPT42") - line, 69);
    f.hold = SPH_USER | SPH_SYS;
    spf_query_line(line, sizeof(line), &f, false, 1, 1, 0, 0, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(line, " USYS"));
}

static void test_spoolids(void)
{
    static uint8_t used[SPID_MAPLEN];
    uint16_t cursor = 0;
    memset(used, 0, sizeof(used));
    CU_ASSERT_EQUAL(spid_take(used, &cursor), 1);
    CU_ASSERT_EQUAL(spid_take(used, &cursor), 2);
    spid_mark(used, 3, true);
    CU_ASSERT_EQUAL(spid_take(used, &cursor), 4); /* in use: skipped */
    spid_mark(used, 1, false);
    cursor = SPF_MAXID - 1;
    CU_ASSERT_EQUAL(spid_take(used, &cursor), SPF_MAXID);
    CU_ASSERT_EQUAL(spid_take(used, &cursor), 1); /* wraps */
    for (unsigned i = 0; i < SPF_MAXID; i++)
        spid_mark(used, (uint16_t)(i + 1), true);
    CU_ASSERT_EQUAL(spid_take(used, &cursor), 0); /* none left */
}

/* ---------------------------------------------------------------- page map, checkpoint */

#define NP 300

static uint32_t chain(struct spmap *m, unsigned n, uint32_t *last)
{
    uint32_t first = spm_alloc(m), p = first;
    for (unsigned i = 1; i < n; i++) {
        uint32_t q = spm_alloc(m);
        m->next[p] = q;
        p = q;
    }
    *last = p;
    return first;
}

struct kept {
    struct spf f[8];
    int n, bad;
};
static void kept_ok(void *arg, const struct spf *f)
{
    struct kept *k = arg;
    k->f[k->n++] = *f;
}
static void kept_bad(void *arg, const char *why)
{
    (void)why;
    ((struct kept *)arg)->bad++;
}

static void test_map(void)
{
    static uint32_t next[NP + 1];
    struct spmap m;
    spm_init(&m, NP, next);
    uint32_t last;
    uint32_t a = chain(&m, 10, &last);
    CU_ASSERT_EQUAL(m.nfree, NP - 10);
    uint32_t b = chain(&m, NP - 10, &last);
    CU_ASSERT_NOT_EQUAL(b, 0);
    CU_ASSERT_EQUAL(spm_alloc(&m), 0); /* full */
    spm_free_chain(&m, a);
    CU_ASSERT_EQUAL(m.nfree, 10);
    static uint8_t seen[NP + 1];
    memset(seen, 0, sizeof(seen));
    uint32_t pages, l;
    char why[80];
    CU_ASSERT_EQUAL(spm_walk(&m, b, seen, &pages, &l, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(pages, NP - 10);
    CU_ASSERT_EQUAL(l, last);
    CU_ASSERT_EQUAL(spm_walk(&m, b, seen, &pages, &l, why, sizeof(why)), -1); /* seen twice */
    CU_ASSERT_EQUAL(spm_walk(&m, a, seen, &pages, &l, why, sizeof(why)), -1); /* free */
}

static void test_checkpoint(void)
{
    static uint32_t next[NP + 1], next2[NP + 1];
    static uint8_t body[64 * SPL_PAGE], hdrpg[SPL_PAGE], seen[NP + 1];
    struct spmap m, m2;
    spm_init(&m, NP, next);
    uint32_t l1, l2, l3;
    uint32_t f1 = chain(&m, 3, &l1);
    uint32_t open = chain(&m, 5, &l3); /* a file being written: not in the checkpoint */
    uint32_t f2 = chain(&m, 7, &l2);
    struct spf a = sample(10, f1, l1, 3), b = sample(11, f2, l2, 7);
    strcpy(b.owner, "USER03");
    const struct spf *list[] = {&a, &b};
    struct ckpt_hdr h = {.gen = 5, .nfiles = 2, .npages = NP, .cursor = 11, .narea = 1};
    strcpy(h.area[0].volser, "CPSYS1");
    h.area[0].first = 207;
    h.area[0].last = 356;
    h.area[0].pages = NP;
    ckpt_encode_body(body, &m, list, 2);
    ckpt_encode_hdr(hdrpg, &h, body);
    CU_ASSERT_EQUAL(h.body_pages, ckpt_body_pages(NP, 2));
    CU_ASSERT_EQUAL(get_be32(body + (open - 1) * 4), SPM_FREE); /* the open file's pages */
    CU_ASSERT_EQUAL(get_be32(body + (l1 - 1) * 4), SPM_END);

    struct ckpt_hdr d;
    bool blank;
    char why[80];
    CU_ASSERT_EQUAL(ckpt_decode_hdr(hdrpg, &d, &blank, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(d.gen, 5);
    CU_ASSERT_EQUAL(d.nfiles, 2);
    CU_ASSERT_EQUAL(d.cursor, 11);
    CU_ASSERT_STRING_EQUAL(d.area[0].volser, "CPSYS1");
    CU_ASSERT_TRUE(ckpt_same_areas(&h, &d));
    CU_ASSERT_TRUE(ckpt_body_ok(&d, body));
    m2.next = next2;
    struct kept k = {0};
    CU_ASSERT_EQUAL(ckpt_load(&d, body, &m2, seen, kept_ok, kept_bad, &k), 2);
    CU_ASSERT_EQUAL(k.bad, 0);
    CU_ASSERT_STRING_EQUAL(k.f[1].owner, "USER03");
    CU_ASSERT_EQUAL(k.f[1].pages, 7);
    CU_ASSERT_EQUAL(m2.nfree, NP - 10); /* the open file's 5 pages are free again */
    CU_ASSERT_EQUAL(m2.next[open], SPM_FREE);

    /* any byte of the body or header changed: refused */
    for (size_t off = 0; off < ckpt_body_len(NP, 2); off += 97) {
        body[off] ^= 0x10;
        CU_ASSERT_FALSE(ckpt_body_ok(&d, body));
        body[off] ^= 0x10;
    }
    hdrpg[CKPTH_FILES + 3] ^= 1;
    CU_ASSERT_EQUAL(ckpt_decode_hdr(hdrpg, &d, &blank, why, sizeof(why)), -1);
    CU_ASSERT_FALSE(blank);
    memset(hdrpg, 0, SPL_PAGE);
    CU_ASSERT_EQUAL(ckpt_decode_hdr(hdrpg, &d, &blank, why, sizeof(why)), -1);
    CU_ASSERT_TRUE(blank);

    /* a chain that runs into another file's: that file only is lost */
    ckpt_encode_hdr(hdrpg, &h, body);
    put_be32(body + (l1 - 1) * 4, f2); /* file 10 now runs on into file 11 */
    k.n = k.bad = 0;
    CU_ASSERT_EQUAL(ckpt_load(&h, body, &m2, seen, kept_ok, kept_bad, &k), 1);
    CU_ASSERT_EQUAL(k.bad, 1);
    CU_ASSERT_EQUAL(k.f[0].spid, 11);
    CU_ASSERT_EQUAL(m2.nfree, NP - 7); /* file 10's pages are free */

    /* room: a 60-page slot for 18000 pages holds the map and 662 files */
    CU_ASSERT_EQUAL(ckpt_max_files(60, 18000), 662);
    CU_ASSERT_EQUAL(ckpt_max_files(1, 10), 0);
}

/* ---------------------------------------------------------------- unit record commands */

static void test_ur_commands(void)
{
    static const struct {
        enum ur_kind k;
        uint8_t cmd;
        enum ur_act a;
    } t[] = {
        {UR_READER, 0x02, URA_READ},     {UR_READER, 0x42, URA_READ},
        {UR_READER, 0xC2, URA_READ},     {UR_READER, 0x03, URA_NOOP},
        {UR_READER, 0x04, URA_SENSE},    {UR_READER, 0x01, URA_REJECT},
        {UR_READER, 0x12, URA_REJECT},   {UR_PUNCH, 0x01, URA_WRITE},
        {UR_PUNCH, 0x41, URA_WRITE},     {UR_PUNCH, 0x81, URA_WRITE},
        {UR_PUNCH, 0x02, URA_REJECT},    {UR_PUNCH, 0x03, URA_NOOP},
        {UR_PUNCH, 0x09, URA_REJECT},    {UR_PRINTER, 0x01, URA_WRITE},
        {UR_PRINTER, 0x09, URA_WRITE},   {UR_PRINTER, 0x11, URA_WRITE},
        {UR_PRINTER, 0x19, URA_WRITE},   {UR_PRINTER, 0x89, URA_WRITE},
        {UR_PRINTER, 0xE1, URA_WRITE},   {UR_PRINTER, 0xE9, URA_REJECT},
        {UR_PRINTER, 0x0B, URA_CONTROL}, {UR_PRINTER, 0x8B, URA_CONTROL},
        {UR_PRINTER, 0xE3, URA_CONTROL}, {UR_PRINTER, 0x03, URA_NOOP},
        {UR_PRINTER, 0x63, URA_NOOP},    {UR_PRINTER, 0x02, URA_REJECT},
        {UR_PRINTER, 0x04, URA_SENSE},   {UR_PRINTER, 0x21, URA_REJECT},
    };
    for (size_t i = 0; i < NELEM(t); i++) {
        if (ur_decode(t[i].k, t[i].cmd) != t[i].a)
            printf("\n  kind %d command %02X: %d, not %d\n", t[i].k, t[i].cmd,
                   ur_decode(t[i].k, t[i].cmd), t[i].a);
        CU_ASSERT_EQUAL(ur_decode(t[i].k, t[i].cmd), t[i].a);
    }
    CU_ASSERT_EQUAL(ur_width(UR_PUNCH, 0x2540), 80);
    CU_ASSERT_EQUAL(ur_width(UR_PRINTER, 0x1403), 132);
    CU_ASSERT_EQUAL(ur_width(UR_PRINTER, 0x3211), 150);
    CU_ASSERT_EQUAL(ur_kind_of(0x2540, 1), UR_READER);
    CU_ASSERT_EQUAL(ur_kind_of(0x2540, 0), UR_PUNCH);
    CU_ASSERT_EQUAL(ur_kind_of(0x3350, 0), -1);
}

static CU_TestInfo cases[] = {
    {"page records", test_page_records},
    {"damaged pages", test_page_damage},
    {"file entries", test_entry_round_trip},
    {"QUERY lines", test_query_line},
    {"spoolids", test_spoolids},
    {"page map", test_map},
    {"checkpoint", test_checkpoint},
    {"unit record commands", test_ur_commands},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("spool", cases);
