/*
 * test_dir.c - the CP directory (cp/dir): parsing the source, compiling it,
 * checking and reading the image, passwords, and the shipped
 * dasd/system/user.direct.
 *
 * Parser cases are tables: good statements with the entry they must give,
 * bad ones with the exact first message, its line and the error count.
 * Image cases damage a compiled image in every way a disk could (cut it
 * short, flip bytes, bad counts and references) and expect dir_check to
 * refuse it with the right reason; ASan watches that nothing reads past the
 * buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/bytes.h"
#include "lib/sha256.h"
#include "console/ebcdic.h"
#include "dir/dir.h"
#include "dir/dirfmt.h"
#include "unit.h"

/* ---------------------------------------------------------------- helpers */

#define MAXU 64
#define MAXD 256
#define MAXE 16

static struct dir_src_user users[MAXU];
static struct dir_src_dev devs[MAXD];
static struct {
    unsigned n;
    unsigned line[MAXE];
    char msg[MAXE][200];
} errs;

static void collect(void *ctx, unsigned line, const char *msg)
{
    (void)ctx;
    if (errs.n < MAXE) {
        errs.line[errs.n] = line;
        snprintf(errs.msg[errs.n], sizeof(errs.msg[0]), "%s", msg);
    }
    errs.n++;
}

/* Parse text into src (the static tables); returns the error count. */
static unsigned parse(struct dir_src *src, const char *text)
{
    memset(src, 0, sizeof(*src));
    memset(&errs, 0, sizeof(errs));
    src->users = users;
    src->maxusers = MAXU;
    src->devs = devs;
    src->maxdevs = MAXD;
    src->report = collect;
    return dir_parse(src, text, strlen(text));
}

static void show_errors(const char *what)
{
    for (unsigned i = 0; i < errs.n && i < MAXE; i++)
        printf("\n    %s: %s", what, errs.msg[i]);
}

/* A deterministic salt: 8 bytes counting up from a seed. */
static int counting_salt(void *ctx, uint8_t salt[8])
{
    unsigned *n = ctx;
    for (int i = 0; i < 8; i++)
        salt[i] = (uint8_t)(*n + i);
    (*n)++;
    return 0;
}

static int failing_salt(void *ctx, uint8_t salt[8])
{
    (void)ctx;
    (void)salt;
    return -1;
}

/* Parse and compile text into a malloc'd image; NULL if either fails. */
static uint8_t *build(const char *text, size_t *len)
{
    struct dir_src src;
    unsigned seed = 1;
    if (parse(&src, text)) {
        show_errors("build");
        return NULL;
    }
    size_t size = dir_image_size(&src);
    uint8_t *img = malloc(size);
    long n = dir_compile(&src, img, size, counting_salt, &seed);
    if (n != (long)size) {
        free(img);
        return NULL;
    }
    *len = size;
    return img;
}

static bool same_user(const struct dir_user *a, const struct dir_user *b)
{
    return strcmp(a->userid, b->userid) == 0 && a->flags == b->flags && a->classes == b->classes &&
           a->priority == b->priority && a->options == b->options && a->affinity == b->affinity &&
           a->cpuid == b->cpuid && a->storage == b->storage && a->maxstorage == b->maxstorage &&
           a->linend == b->linend && a->linedel == b->linedel && a->chardel == b->chardel &&
           a->escape == b->escape && strcmp(a->account, b->account) == 0 &&
           strcmp(a->dist, b->dist) == 0 && strcmp(a->ipl, b->ipl) == 0 &&
           strcmp(a->parm, b->parm) == 0 && a->ndev == b->ndev;
}

static bool same_dev(const struct dir_dev *a, const struct dir_dev *b)
{
    return a->stmt == b->stmt && a->type == b->type && a->vaddr == b->vaddr &&
           a->spclass == b->spclass && a->mode == b->mode && a->flags == b->flags &&
           a->cyl == b->cyl && a->ncyl == b->ncyl && a->target == b->target &&
           strcmp(a->volser, b->volser) == 0 && strcmp(a->userid, b->userid) == 0 &&
           memcmp(a->pw, b->pw, 3) == 0;
}

/*
 * Compile a clean parse, check the image and decode it again: every user
 * and device must come back exactly as parsed. Passwords are checked too.
 */
static bool image_matches(const struct dir_src *src)
{
    size_t size = dir_image_size(src);
    uint8_t *buf = malloc(size);
    unsigned seed = 5;
    struct dir_image img;
    bool ok = dir_compile(src, buf, size, counting_salt, &seed) == (long)size &&
              dir_check(buf, size, &img, NULL, 0) == 0 && img.nusers == src->nusers &&
              img.ndevs == src->ndevs && memcmp(img.source_sha, src->source_sha, 32) == 0;
    for (uint32_t i = 0; ok && i < src->nusers; i++) {
        const struct dir_src_user *su = &src->users[i];
        struct dir_user u;
        uint32_t idx, m;
        ok = dir_find_user(&img, su->u.userid, &idx);
        dir_get_user(&img, idx, &u);
        ok = ok && same_user(&u, &su->u) &&
             dir_password_ok(&img, idx, su->password) == !(su->u.flags & DIR_USER_NOLOG);
        for (uint32_t n = 0; ok && n < su->u.ndev; n++) {
            const struct dir_src_dev *sd = &src->devs[su->first_dev + n];
            struct dir_dev d;
            dir_get_dev(&img, idx, n, &d);
            ok = same_dev(&d, &sd->d) && dir_find_dev(&img, idx, d.vaddr, &m) && m == n;
            for (int k = 0; ok && k < 3 && d.stmt == DIR_STMT_MDISK; k++)
                ok = dir_mdisk_password(&img, idx, n, "RWM"[k], sd -> pw[k]) ==
                     (d.pw[k] == DIR_PW_NONE ? DIR_PWC_NONE : DIR_PWC_OK);
        }
    }
    free(buf);
    return ok;
}

#define HDR   "DIRECTORY 130 3350 CPSYS1\n"
#define ALICE HDR "USER ALICE SECRET\n"

/* ---------------------------------------------------------------- good users */

/* ALICE as "USER ALICE SECRET" leaves her, plus the fields named. */
#define ALICE_USER(...)                                                                            \
    {                                                                                              \
        .userid = "ALICE", .classes = 0x02, .priority = 50, .storage = 256 << 10,                  \
        .maxstorage = 256 << 10, .dist = "ALICE", __VA_ARGS__                                      \
    }

static const struct {
    const char *text; /* the user is ALICE or the first USER */
    struct dir_user want;
} good_users[] = {
    {HDR "USER ALICE SECRET\n", ALICE_USER()},
    {HDR "user alice secret 320k 2m bceg 10 ; % @ \"\n",
     {.userid = "ALICE",
      .classes = 0x40 | 0x20 | 0x08 | 0x02,
      .priority = 10,
      .storage = 320 << 10,
      .maxstorage = 2 << 20,
      .linend = ';',
      .linedel = '%',
      .chardel = '@',
      .escape = '"',
      .dist = "ALICE"}},
    {HDR "USER OPERATOR OPERATOR 1M 16M ABCDEFGH 99\n",
     {.userid = "OPERATOR",
      .classes = 0xFF,
      .priority = 99,
      .storage = 1 << 20,
      .maxstorage = 16 << 20,
      .dist = "OPERATOR"}},
    {HDR "USER $ALLOC$ NOLOG\n",
     {.userid = "$ALLOC$",
      .flags = DIR_USER_NOLOG,
      .classes = 0x02,
      .priority = 50,
      .storage = 256 << 10,
      .maxstorage = 256 << 10,
      .dist = "$ALLOC$"}},
    {HDR "USER @#$9 nolog 4K 4K\n",
     {.userid = "@#$9",
      .flags = DIR_USER_NOLOG,
      .classes = 0x02,
      .priority = 50,
      .storage = 4096,
      .maxstorage = 4096,
      .dist = "@#$9"}},
    {HDR "USER ALICE SECRET 16384K 16M\n ACCOUNT 12345 BIN7\n",
     {.userid = "ALICE",
      .classes = 0x02,
      .priority = 50,
      .storage = 16 << 20,
      .maxstorage = 16 << 20,
      .account = "12345",
      .dist = "BIN7"}},
    {HDR "USER ALICE SECRET\n ACCOUNT A-1/2\n", ALICE_USER(.account = "A-1/2")},
    {HDR "USER ALICE SECRET\n OPTION ECMODE REALTIMER\n OPTION ISAM VIRT=REAL ACCT SVCOFF BMX\n",
     ALICE_USER(.options = DIR_OPT_ECMODE | DIR_OPT_REALTIMER | DIR_OPT_ISAM | DIR_OPT_VIRTREAL |
                           DIR_OPT_ACCT | DIR_OPT_SVCOFF | DIR_OPT_BMX)},
    {HDR "USER ALICE SECRET\n OPTION CPUID 0A1b2C AFFINITY 01 ECMODE\n",
     ALICE_USER(.flags = DIR_USER_CPUID | DIR_USER_AFFINITY, .options = DIR_OPT_ECMODE,
                .cpuid = 0x0A1B2C, .affinity = 1)},
    {HDR "USER ALICE SECRET\n IPL CMS\n", ALICE_USER(.ipl = "CMS")},
    {HDR "USER ALICE SECRET\n IPL 190 PARM  auto  cr  \n",
     ALICE_USER(.ipl = "190", .parm = "AUTO  CR")},
    {HDR "USER ALICE SECRET\n IPL CMS PARM 123456789012345678901234567890123456789012345678\n",
     ALICE_USER(.ipl = "CMS", .parm = "123456789012345678901234567890123456789012345678")},
    /* columns 72-80 are sequence numbers */
    {HDR "USER ALICE SECRET                                           "
         "            00000010\n",
     ALICE_USER()},
    /* a tab is a blank; \r\n line ends; DIRECTORY abbreviated */
    {"DIR 130 3350 CPSYS1\r\nUSER\tALICE\tSECRET\r\n", ALICE_USER()},
};

static void test_good_users(void)
{
    for (size_t k = 0; k < NELEM(good_users); k++) {
        struct dir_src src;
        unsigned n = parse(&src, good_users[k].text);
        bool ok = n == 0 && src.nusers == 1 && same_user(&users[0].u, &good_users[k].want) &&
                  image_matches(&src);
        if (!ok) {
            printf("\n    good user %zu", k);
            show_errors("error");
        }
        CU_ASSERT(ok);
    }
}

/* ---------------------------------------------------------------- good devices */

static const struct {
    const char *stmt; /* one device statement for ALICE */
    struct dir_dev want;
    const char *pw[3]; /* clear MDISK passwords kept by the parse */
} good_devs[] = {
#define DEV(...)                                                                                   \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }
    {" CONSOLE 009 3215",
     DEV(.stmt = DIR_STMT_CONSOLE, .type = DIR_DT_3215, .vaddr = 9, .spclass = 'T'),
     {0}},
    {" console 1f 3210 a",
     DEV(.stmt = DIR_STMT_CONSOLE, .type = DIR_DT_3210, .vaddr = 0x1F, .spclass = 'A'),
     {0}},
    {" SPOOL 00C 2540 READER *",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_2540R, .vaddr = 0xC, .spclass = '*'),
     {0}},
    {" SPOOL 00C 2540 READ",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_2540R, .vaddr = 0xC, .spclass = '*'),
     {0}},
    {" SPOOL 00C 2540 READ B",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_2540R, .vaddr = 0xC, .spclass = 'B'),
     {0}},
    {" SPOOL 00D 2540 PUNCH A",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_2540P, .vaddr = 0xD, .spclass = 'A'),
     {0}},
    {" SPOOL 00E 1403",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_1403, .vaddr = 0xE, .spclass = 'A'),
     {0}},
    {" SPOOL 00F 3211 9",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_3211, .vaddr = 0xF, .spclass = '9'),
     {0}},
    {" SPOOL 010 1443",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_1443, .vaddr = 0x10, .spclass = 'A'),
     {0}},
    {" SPOOL 011 3505 *",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_3505, .vaddr = 0x11, .spclass = '*'),
     {0}},
    {" SPOOL 012 3525 P",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_3525, .vaddr = 0x12, .spclass = 'P'),
     {0}},
    {" SPOOL 013 2501",
     DEV(.stmt = DIR_STMT_SPOOL, .type = DIR_DT_2501, .vaddr = 0x13, .spclass = '*'),
     {0}},
    {" MDISK 191 3350 010 020 CPSYS1",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_3350, .vaddr = 0x191, .mode = DIR_MODE_W, .cyl = 10,
         .ncyl = 20, .volser = "CPSYS1"),
     {0}},
    {" mdisk 190 3330 30 85 cpr6l0 mr all",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_3330, .vaddr = 0x190, .mode = DIR_MODE_MR,
         .cyl = 30, .ncyl = 85, .volser = "CPR6L0", .pw = {DIR_PW_ALL}),
     {0}},
    {" MDISK 192 3390 0 65535 BIG MWV READ WRITE MULT",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_3390, .vaddr = 0x192,
         .mode = DIR_MODE_MW | DIR_MODE_V, .cyl = 0, .ncyl = 65535, .volser = "BIG",
         .pw = {DIR_PW_SET, DIR_PW_SET, DIR_PW_SET}),
     {"READ", "WRITE", "MULT"}},
    {" MDISK FFF 2305 65535 1 V RR rd ALL",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_2305, .vaddr = 0xFFF, .mode = DIR_MODE_RR,
         .cyl = 65535, .ncyl = 1, .volser = "V", .pw = {DIR_PW_SET, DIR_PW_ALL}),
     {"RD"}},
    {" MDISK 0 2314 1 1 V R",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_2314, .vaddr = 0, .mode = DIR_MODE_R, .cyl = 1,
         .ncyl = 1, .volser = "V"),
     {0}},
    {" MDISK 1 2319 1 1 V WR",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_2319, .vaddr = 1, .mode = DIR_MODE_WR, .cyl = 1,
         .ncyl = 1, .volser = "V"),
     {0}},
    {" MDISK 2 3340 1 1 V M",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_3340, .vaddr = 2, .mode = DIR_MODE_M, .cyl = 1,
         .ncyl = 1, .volser = "V"),
     {0}},
    {" MDISK 3 3375 1 1 V WV",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_3375, .vaddr = 3, .mode = DIR_MODE_W | DIR_MODE_V,
         .cyl = 1, .ncyl = 1, .volser = "V"),
     {0}},
    {" MDISK 4 3380 1 1 V RRV",
     DEV(.stmt = DIR_STMT_MDISK, .type = DIR_DT_3380, .vaddr = 4, .mode = DIR_MODE_RR | DIR_MODE_V,
         .cyl = 1, .ncyl = 1, .volser = "V"),
     {0}},
    {" LINK BOB 190 190",
     DEV(.stmt = DIR_STMT_LINK, .vaddr = 0x190, .mode = DIR_MODE_R, .target = 0x190,
         .userid = "BOB"),
     {0}},
    {" LINK BOB 190 290 mw",
     DEV(.stmt = DIR_STMT_LINK, .vaddr = 0x290, .mode = DIR_MODE_MW, .target = 0x190,
         .userid = "BOB"),
     {0}},
    {" DEDICATE 0B1 078", DEV(.stmt = DIR_STMT_DEDICATE, .vaddr = 0xB1, .target = 0x78), {0}},
    {" DEDICATE 0B1 078 r/o",
     DEV(.stmt = DIR_STMT_DEDICATE, .vaddr = 0xB1, .target = 0x78, .flags = DIR_DEV_RO),
     {0}},
    {" DEDICATE 250 WORK01",
     DEV(.stmt = DIR_STMT_DEDICATE, .vaddr = 0x250, .volser = "WORK01", .flags = DIR_DEV_BYVOL),
     {0}},
    {" SPECIAL 01F 3270", DEV(.stmt = DIR_STMT_SPECIAL, .type = DIR_DT_3270, .vaddr = 0x1F), {0}},
    {" SPECIAL 080 CTCA", DEV(.stmt = DIR_STMT_SPECIAL, .type = DIR_DT_CTCA, .vaddr = 0x80), {0}},
    {" SPECIAL 0FF timer", DEV(.stmt = DIR_STMT_SPECIAL, .type = DIR_DT_TIMER, .vaddr = 0xFF), {0}},
    {" SPECIAL 020 IBM", DEV(.stmt = DIR_STMT_SPECIAL, .type = DIR_DT_IBM, .vaddr = 0x20), {0}},
    {" SPECIAL 021 TELE", DEV(.stmt = DIR_STMT_SPECIAL, .type = DIR_DT_TELE, .vaddr = 0x21), {0}},
#undef DEV
};

/* A target for the LINKs above: BOB owns MDISK 190. */
#define BOB "USER BOB NOLOG\n MDISK 190 3350 1 1 CPSYS1\n"

static void test_good_devs(void)
{
    for (size_t k = 0; k < NELEM(good_devs); k++) {
        char text[512];
        struct dir_src src;
        snprintf(text, sizeof(text), ALICE "%s\n" BOB, good_devs[k].stmt);
        unsigned n = parse(&src, text);
        bool ok = n == 0 && users[0].u.ndev == 1 && same_dev(&devs[0].d, &good_devs[k].want);
        for (int p = 0; ok && p < 3; p++)
            ok = strcmp(devs[0].pw[p], good_devs[k].pw[p] ? good_devs[k].pw[p] : "") == 0;
        ok = ok && image_matches(&src);
        if (!ok) {
            printf("\n    good device: %s", good_devs[k].stmt);
            show_errors("error");
        }
        CU_ASSERT(ok);
        CU_ASSERT_EQUAL(devs[0].line, 3);
    }
}

/* Cylinders are 16-bit: an extent may end at 65535 but not beyond. */
static void test_mdisk_extent_limit(void)
{
    struct dir_src src;
    CU_ASSERT_EQUAL(parse(&src, ALICE " MDISK 192 3390 65534 2 BIG\n"), 0);
    CU_ASSERT_EQUAL(devs[0].d.cyl, 65534);
    CU_ASSERT_EQUAL(parse(&src, ALICE " MDISK 192 3390 1 65535 BIG\n"), 0);
    CU_ASSERT_EQUAL(parse(&src, ALICE " MDISK 192 3390 2 65535 BIG\n"), 1);
    CU_ASSERT_STRING_EQUAL(errs.msg[0],
                           "line 3: MDISK 192: cylinders 2 to 65536 go past cylinder 65535");
}

/* ---------------------------------------------------------------- bad statements */

static const struct {
    const char *text;
    unsigned errors; /* how many errors in all */
    unsigned line;   /* of the first */
    const char *msg; /* the first, exactly */
} bad[] = {
    /* MDISK */
    {ALICE " MDISK 191 3350 X12 10 CPSYS1\n", 1, 3,
     "line 3: MDISK 191: start cylinder 'X12' is not a number"},
    {ALICE " MDISK 19Z 3350 1 10 CPSYS1\n", 1, 3,
     "line 3: MDISK 19Z: virtual address '19Z' is not 1-3 hex digits"},
    {ALICE " MDISK 1910 3350 1 10 CPSYS1\n", 1, 3,
     "line 3: MDISK 1910: virtual address '1910' is not 1-3 hex digits"},
    {ALICE " MDISK 191 3351 1 10 CPSYS1\n", 1, 3,
     "line 3: MDISK 191: device type '3351' is not one of 2305, 2314, 2319, 3330, 3340, 3350, "
     "3375, 3380, 3390"},
    {ALICE " MDISK 191 3350 1 0 CPSYS1\n", 1, 3,
     "line 3: MDISK 191: number of cylinders 0 is not in the range 1-65535"},
    {ALICE " MDISK 191 3350 65536 1 CPSYS1\n", 1, 3,
     "line 3: MDISK 191: start cylinder 65536 is not in the range 0-65535"},
    {ALICE " MDISK 191 3350 65000 1000 CPSYS1\n", 1, 3,
     "line 3: MDISK 191: cylinders 65000 to 65999 go past cylinder 65535"},
    {ALICE " MDISK 191 3350 1 1 TOOLONG\n", 1, 3,
     "line 3: MDISK 191: volume serial 'TOOLONG' is longer than 6 characters"},
    {ALICE " MDISK 191 3350 1 1 VOL.1\n", 1, 3,
     "line 3: MDISK 191: volume serial 'VOL.1' may only contain A-Z, 0-9, @, # and $"},
    {ALICE " MDISK 191 3350 1 1 VOL1 XR\n", 1, 3,
     "line 3: MDISK 191: access mode 'XR' is not R, RR, W, WR, M, MR or MW (with an optional V)"},
    {ALICE " MDISK 191 3350 1 1 VOL1 V\n", 1, 3,
     "line 3: MDISK 191: access mode 'V' is not R, RR, W, WR, M, MR or MW (with an optional V)"},
    {ALICE " MDISK 191 3350 1 1 VOL1 MWVV\n", 1, 3,
     "line 3: MDISK 191: access mode 'MWVV' is not R, RR, W, WR, M, MR or MW (with an optional "
     "V)"},
    {ALICE " MDISK 191 3350 1 1 VOL1 MR TOOLONGPW\n", 1, 3,
     "line 3: MDISK 191: read password 'TOOLONGPW' is longer than 8 characters"},
    {ALICE " MDISK 191 3350 1 1 VOL1 MR ALL WR-TE\n", 1, 3,
     "line 3: MDISK 191: write password 'WR-TE' may only contain A-Z, 0-9, @, # and $"},
    {ALICE " MDISK 191 3350 1 1 VOL1 MR R W M EXTRA\n", 1, 3,
     "line 3: MDISK 191: unexpected operand 'EXTRA'"},
    {ALICE " MDISK 191 3350 10\n", 2, 3, "line 3: MDISK 191: missing number of cylinders"},
    {ALICE " MDISK\n", 5, 3, "line 3: MDISK: missing virtual address"},
    /* USER */
    {HDR "USER BOB PW 3K\n", 1, 2, "line 2: USER BOB: storage 3K is not in the range 4K-16M"},
    {HDR "USER BOB PW 6K\n", 1, 2, "line 2: USER BOB: storage 6K is not a multiple of 4K"},
    {HDR "USER BOB PW 32M\n", 1, 2, "line 2: USER BOB: storage 32M is not in the range 4K-16M"},
    {HDR "USER BOB PW 0K\n", 1, 2, "line 2: USER BOB: storage 0K is not in the range 4K-16M"},
    {HDR "USER BOB PW 320\n", 1, 2,
     "line 2: USER BOB: storage '320' is not a size such as 512K or 2M"},
    {HDR "USER BOB PW 1G\n", 1, 2,
     "line 2: USER BOB: storage '1G' is not a size such as 512K or 2M"},
    {HDR "USER BOB PW K\n", 1, 2, "line 2: USER BOB: storage 'K' is not a size such as 512K or 2M"},
    {HDR "USER BOB PW 99999999999M\n", 1, 2,
     "line 2: USER BOB: storage '99999999999M' is not a size such as 512K or 2M"},
    {HDR "USER BOB PW 1M 512K\n", 1, 2,
     "line 2: USER BOB: maximum storage 512K is less than storage 1M"},
    {HDR "USER BOB PW 1M 17M\n", 1, 2,
     "line 2: USER BOB: maximum storage 17M is not in the range 4K-16M"},
    {HDR "USER BOB PW 1M 16M ABZ\n", 1, 2,
     "line 2: USER BOB: privilege classes 'ABZ': 'Z' is not a class A-H"},
    {HDR "USER BOB PW 1M 16M G 0\n", 1, 2, "line 2: USER BOB: priority 0 is not in the range 1-99"},
    {HDR "USER BOB PW 1M 16M G 100\n", 1, 2,
     "line 2: USER BOB: priority 100 is not in the range 1-99"},
    {HDR "USER BOB PW 1M 16M G X\n", 1, 2, "line 2: USER BOB: priority 'X' is not a number"},
    {HDR "USER BOB PW 1M 16M G 50 ##\n", 1, 2,
     "line 2: USER BOB: line end character '##' is not a single character"},
    {HDR "USER BOB PW 1M 16M G 50 # % @ \"\" \n", 1, 2,
     "line 2: USER BOB: escape character '\"\"' is not a single character"},
    {HDR "USER BOB PW 1M 16M G 50 # % @ \" X\n", 1, 2, "line 2: USER BOB: unexpected operand 'X'"},
    {HDR "USER TOOLONGID PW\n", 1, 2,
     "line 2: USER TOOLONGID: userid 'TOOLONGID' is longer than 8 characters"},
    {HDR "USER A.B PW\n", 1, 2,
     "line 2: USER A.B: userid 'A.B' may only contain A-Z, 0-9, @, # and $"},
    {HDR "USER BOB\n", 1, 2, "line 2: USER BOB: missing password"},
    {HDR "USER\n", 2, 2, "line 2: USER: missing userid"},
    {HDR "USER BOB PASSWORD9\n", 1, 2,
     "line 2: USER BOB: password 'PASSWORD9' is longer than 8 characters"},
    {ALICE "USER alice OTHER\n", 1, 3,
     "line 3: USER ALICE: userid ALICE is already defined on line 2"},
    /* order and structure */
    {HDR " CONSOLE 009 3215\nUSER ALICE SECRET\n", 1, 2,
     "line 2: CONSOLE 009: device statement comes before the first USER statement"},
    {HDR " ACCOUNT 1\nUSER ALICE SECRET\n", 1, 2,
     "line 2: ACCOUNT 1: statement comes before the first USER statement"},
    {ALICE " MDSK 191\n", 1, 3, "line 3: unknown statement 'MDSK'"},
    {ALICE " DI 130\n", 1, 3, "line 3: unknown statement 'DI'"},
    {"USER ALICE SECRET\n" HDR, 1, 2,
     "line 2: DIRECTORY 130: DIRECTORY must be the first statement"},
    {HDR HDR "USER ALICE SECRET\n", 1, 2,
     "line 2: DIRECTORY 130: only one DIRECTORY statement is allowed (the first is on line 1)"},
    {"USER ALICE SECRET\n", 1, 0, "there is no DIRECTORY statement"},
    {HDR, 1, 0, "there are no USER statements"},
    {"* nothing\n\n", 2, 0, "there is no DIRECTORY statement"},
    {"DIRECTORY 130 1403 CPSYS1\nUSER ALICE SECRET\n", 1, 1,
     "line 1: DIRECTORY 130: device type '1403' is not one of 2305, 2314, 2319, 3330, 3340, 3350, "
     "3375, 3380, 3390"},
    {"DIRECTORY 1300 3350 CPSYS1\nUSER ALICE SECRET\n", 1, 1,
     "line 1: DIRECTORY 1300: address '1300' is not 1-3 hex digits"},
    {"DIRECTORY 130 3350\nUSER ALICE SECRET\n", 1, 1,
     "line 1: DIRECTORY 130: missing volume serial"},
    {"DIRECTORY 130 3350 CPSYS1 X\nUSER ALICE SECRET\n", 1, 1,
     "line 1: DIRECTORY 130: unexpected operand 'X'"},
    {ALICE " CONSOLE 009 3215\n SPOOL 009 1403\n", 1, 4,
     "line 4: SPOOL 009: virtual address 009 is already used on line 3"},
    {ALICE " CONSOLE 009 3215\n SPOOL 9 1403\n", 1, 4,
     "line 4: SPOOL 9: virtual address 009 is already used on line 3"},
    {ALICE " LINK BOB 190 9\n" BOB " SPECIAL 9 3270\n", 0, 0, NULL}, /* vaddrs are per user */
    {ALICE " CONSOLE 009 3215\n OPTION ECMODE\n", 1, 4,
     "line 4: OPTION ECMODE: must come before the device statements of user ALICE"},
    {ALICE " CONSOLE 009 3215\n IPL CMS\n", 1, 4,
     "line 4: IPL CMS: must come before the device statements of user ALICE"},
    {"DIRECTORY 130 3350 CPSYS1\x01\nUSER ALICE SECRET\n", 1, 1,
     "line 1: column 26 holds the control character X'01'"},
    /* CONSOLE */
    {ALICE " CONSOLE 009 3277\n", 1, 3,
     "line 3: CONSOLE 009: device type '3277' is not one of 3215, 3210"},
    {ALICE " CONSOLE 009 3215\n CONSOLE 01F 3215\n", 1, 4,
     "line 4: CONSOLE 01F: user ALICE already has a console (line 3)"},
    {ALICE " CONSOLE 009 3215 *\n", 1, 3, "line 3: CONSOLE 009: spool class * is only for readers"},
    {ALICE " CONSOLE 009\n", 1, 3, "line 3: CONSOLE 009: missing device type"},
    /* SPOOL */
    {ALICE " SPOOL 00C 2540\n", 1, 3, "line 3: SPOOL 00C: 2540 needs READER or PUNCH"},
    {ALICE " SPOOL 00C 2540 READX\n", 1, 3,
     "line 3: SPOOL 00C: 'READX' after 2540 is not READER or PUNCH"},
    {ALICE " SPOOL 00E 1403 *\n", 1, 3, "line 3: SPOOL 00E: spool class * is only for readers"},
    {ALICE " SPOOL 00E 1403 AB\n", 1, 3,
     "line 3: SPOOL 00E: spool class 'AB' is not one of A-Z, 0-9"},
    {ALICE " SPOOL 00C 2540 READER #\n", 1, 3,
     "line 3: SPOOL 00C: spool class '#' is not one of A-Z, 0-9 or *"},
    {ALICE " SPOOL 00E 1403 A X\n", 1, 3, "line 3: SPOOL 00E: unexpected operand 'X'"},
    {ALICE " SPOOL 00C 2540 PUNCH A X\n", 1, 3, "line 3: SPOOL 00C: unexpected operand 'X'"},
    {ALICE " SPOOL 00E 3800\n", 1, 3,
     "line 3: SPOOL 00E: device type '3800' is not one of 2540 READER, 2540 PUNCH, 1403, 3211, "
     "1443, 3505, 3525, 2501"},
    /* LINK */
    {ALICE " LINK NOBODY 190 190 RR\n", 1, 3,
     "line 3: LINK NOBODY 190: user NOBODY is not in the directory"},
    {ALICE " LINK BOB 191 191 RR\n" BOB, 1, 3, "line 3: LINK BOB 191: user BOB has no MDISK 191"},
    {ALICE " LINK BOB 190 190 MWV\n" BOB, 1, 3,
     "line 3: LINK BOB: access mode 'MWV' is not R, RR, W, WR, M, MR or MW"},
    {ALICE " LINK BOB 190\n" BOB, 1, 3, "line 3: LINK BOB: missing virtual address"},
    {ALICE " LINK BOB 190 190 R X\n" BOB, 1, 3, "line 3: LINK BOB: unexpected operand 'X'"},
    /* DEDICATE, SPECIAL */
    {ALICE " DEDICATE 0B1\n", 1, 3, "line 3: DEDICATE 0B1: missing real address or volume serial"},
    {ALICE " DEDICATE 0B1 078 RO\n", 1, 3,
     "line 3: DEDICATE 0B1: unexpected operand 'RO' (only R/O may follow)"},
    {ALICE " DEDICATE 0B1 TOOLONGV\n", 1, 3,
     "line 3: DEDICATE 0B1: 'TOOLONGV' is neither a real address (1-3 hex digits) nor a volume "
     "serial"},
    {ALICE " DEDICATE 0B1 078 R/O X\n", 1, 3, "line 3: DEDICATE 0B1: unexpected operand 'X'"},
    {ALICE " SPECIAL 01F 3277\n", 1, 3,
     "line 3: SPECIAL 01F: device type '3277' is not one of 3270, CTCA, TIMER, IBM, TELE"},
    {ALICE " SPECIAL 01F\n", 1, 3, "line 3: SPECIAL 01F: missing device type"},
    /* OPTION */
    {ALICE " OPTION FOO\n", 1, 3, "line 3: OPTION FOO: unknown option 'FOO'"},
    {ALICE " OPTION\n", 1, 3, "line 3: OPTION: no options given"},
    {ALICE " OPTION CPUID\n", 1, 3, "line 3: OPTION CPUID: missing CPUID value"},
    {ALICE " OPTION CPUID 1234567\n", 1, 3,
     "line 3: OPTION CPUID: CPUID '1234567' is not 1-6 hex digits"},
    {ALICE " OPTION CPUID 1\n OPTION CPUID 2\n", 1, 4,
     "line 4: OPTION CPUID: CPUID is given twice for user ALICE"},
    {ALICE " OPTION AFFINITY 100\n", 1, 3,
     "line 3: OPTION AFFINITY: AFFINITY processor '100' is not 1-2 hex digits"},
    {ALICE " OPTION ECMODE AFFINITY\n", 1, 3, "line 3: OPTION ECMODE: missing AFFINITY processor"},
    /* ACCOUNT */
    {ALICE " ACCOUNT 1\n ACCOUNT 2\n", 1, 4,
     "line 4: ACCOUNT 2: user ALICE already has an ACCOUNT statement (line 3)"},
    {ALICE " ACCOUNT TOOLONGACCT\n", 1, 3,
     "line 3: ACCOUNT TOOLONGACCT: account number 'TOOLONGACCT' is longer than 8 characters"},
    {ALICE " ACCOUNT 1 TOOLONGDIST\n", 1, 3,
     "line 3: ACCOUNT 1: distribution code 'TOOLONGDIST' is longer than 8 characters"},
    {ALICE " ACCOUNT\n", 1, 3, "line 3: ACCOUNT: missing account number"},
    {ALICE " ACCOUNT 1 2 3\n", 1, 3, "line 3: ACCOUNT 1: unexpected operand '3'"},
    /* IPL */
    {ALICE " IPL CMS\n IPL 190\n", 1, 4,
     "line 4: IPL 190: user ALICE already has an IPL statement (line 3)"},
    {ALICE " IPL CMS FOO\n", 1, 3,
     "line 3: IPL CMS: unexpected operand 'FOO' (only PARM may follow)"},
    {ALICE " IPL CMS PARM\n", 1, 3, "line 3: IPL CMS: PARM needs text"},
    {ALICE " IPL CMS PARM 1234567890123456789012345678901234567890123456789\n", 1, 3,
     "line 3: IPL CMS: PARM text is 49 characters, more than 48"},
    {ALICE " IPL C.M.S\n", 1, 3,
     "line 3: IPL C.M.S: IPL device or system name 'C.M.S' may only contain A-Z, 0-9, @, # and $"},
    {ALICE " IPL\n", 1, 3, "line 3: IPL: missing device address or system name"},
    /* column 72 on is ignored, even in the middle of a word */
    {HDR "USER ALICE SECRET 1M 16M G                                  "
         "           1M\n",
     0, 0, NULL},
    {HDR "USER ALICE SECRET 1M 16M G 50                               "
         "         ###\n",
     1, 2, "line 2: USER ALICE: line end character '##' is not a single character"},
};

static void test_bad_statements(void)
{
    for (size_t k = 0; k < NELEM(bad); k++) {
        struct dir_src src;
        unsigned n = parse(&src, bad[k].text);
        bool ok = n == bad[k].errors && errs.n == n;
        if (ok && bad[k].msg)
            ok = errs.line[0] == bad[k].line && strcmp(errs.msg[0], bad[k].msg) == 0;
        if (!ok) {
            printf("\n    bad row %zu: want %u error(s), first \"%s\"; got %u", k, bad[k].errors,
                   bad[k].msg ? bad[k].msg : "", n);
            show_errors("got");
        }
        CU_ASSERT(ok);
    }
}

/* Every error is reported, each on its own line, and none stops the parse. */
static void test_all_errors_reported(void)
{
    static const char text[] = "DIRECTORY 130 3350 CPSYS1\n"
                               "USER ALICE SECRET 3K\n"
                               " CONSOLE 009 3277\n"
                               " MDISK 191 3350 X 1 VOL\n"
                               " BOGUS\n"
                               "USER ALICE AGAIN\n"
                               " LINK NOBODY 191 191\n";
    static const unsigned lines[] = {2, 3, 4, 5, 6, 7};
    struct dir_src src;
    CU_ASSERT_EQUAL(parse(&src, text), NELEM(lines));
    CU_ASSERT_EQUAL(errs.n, NELEM(lines));
    for (size_t i = 0; i < NELEM(lines) && i < errs.n; i++)
        CU_ASSERT_EQUAL(errs.line[i], lines[i]);
    CU_ASSERT_EQUAL(src.nerrors, NELEM(lines));
}

/* An error line 0 has no "line" prefix; no callback still counts. */
static void test_no_callback(void)
{
    struct dir_src src;
    memset(&src, 0, sizeof(src));
    src.users = users;
    src.maxusers = MAXU;
    src.devs = devs;
    src.maxdevs = MAXD;
    CU_ASSERT_EQUAL(dir_parse(&src, "USER X Y 3K\n", 12), 2);
}

/* ---------------------------------------------------------------- sizes */

static const struct {
    const char *text;
    uint32_t users, devs;
} measures[] = {
    {"", 0, 0},
    {HDR, 0, 0},
    {ALICE, 1, 0},
    {ALICE " CONSOLE 009 3215\n SPOOL 00C 2540 READER\n* MDISK 191\n ACCOUNT 1\n", 1, 2},
    {ALICE "USER BOB X\n MDISK 1 3350 1 1 V\n LINK A 1 2\n DEDICATE 1 2\n SPECIAL 5 3270\n", 2, 4},
    {" BOGUS\nUSER\n CONSOLE\n", 1, 1}, /* counted even when wrong */
};

static void test_measure(void)
{
    for (size_t k = 0; k < NELEM(measures); k++) {
        struct dir_counts c = dir_measure(measures[k].text, strlen(measures[k].text));
        CU_ASSERT_EQUAL(c.users, measures[k].users);
        CU_ASSERT_EQUAL(c.devs, measures[k].devs);
    }
}

/* Tables too small: one error each, nothing written past them. */
static void test_tables_full(void)
{
    static const char text[] = HDR "USER A X\n CONSOLE 9 3215\n SPECIAL 8 3270\n"
                                   "USER B X\n CONSOLE 9 3215\nUSER C X\n";
    struct dir_src_user u[2];
    struct dir_src_dev d[2];
    struct dir_src src;
    memset(&src, 0, sizeof(src));
    memset(&errs, 0, sizeof(errs));
    src.users = u;
    src.maxusers = 2;
    src.devs = d;
    src.maxdevs = 2;
    src.report = collect;
    CU_ASSERT_EQUAL(dir_parse(&src, text, strlen(text)), 2);
    CU_ASSERT_STRING_EQUAL(errs.msg[0],
                           "line 6: CONSOLE 9: too many devices: the device table holds 2");
    CU_ASSERT_STRING_EQUAL(errs.msg[1], "line 7: USER C: too many users: the user table holds 2");
    CU_ASSERT_EQUAL(src.nusers, 2);
    CU_ASSERT_EQUAL(src.ndevs, 2);
    struct dir_counts c = dir_measure(text, strlen(text));
    CU_ASSERT_EQUAL(c.users, 3);
    CU_ASSERT_EQUAL(c.devs, 3);
}

/* ---------------------------------------------------------------- round trip */

static const char rich[] = "* a directory that uses every statement\n"
                           "DIRECTORY 6A1 3350 VM50-1\n"; /* not a valid volser: replaced below */

static const char rich_ok[] = "DIRECTORY 6A1 3380 VM50#1\n"
                              "USER MAINT CPCMS 720K 16M BCEG 20 ; % @ \"\n"
                              " ACCOUNT ACT3 MAINT\n"
                              " OPTION ECMODE REALTIMER CPUID FF0001\n"
                              " OPTION AFFINITY 1\n"
                              " IPL CMS PARM AUTOCR\n"
                              " CONSOLE 009 3215\n"
                              " SPOOL 00C 2540 READER A\n"
                              " SPOOL 00D 2540 PUNCH A\n"
                              " SPOOL 00E 1403 A\n"
                              " MDISK 190 3330 030 085 CPR6L0 MR ALL\n"
                              " MDISK 191 3330 017 007 CPR6L0 WR READ\n"
                              " MDISK 194 3330 142 030 CPR6L0 MWV READ WRITE MULT\n"
                              "USER $ALLOC$ NOLOG\n"
                              " MDISK A00 3350 0 1 CPSYS1 R\n"
                              "USER zed zedpw 1m 1m a\n"
                              " LINK MAINT 190 190 RR\n"
                              " LINK MAINT 194 294 MW\n"
                              " DEDICATE 0B1 078 R/O\n"
                              " DEDICATE 250 WORK01\n"
                              " SPECIAL 01F 3270\n"
                              " SPECIAL 0FF TIMER\n"
                              " SPECIAL 080 CTCA\n"
                              "USER 1ST PW\n"
                              "USER ALICE SECRET\n";

static void test_round_trip(void)
{
    struct dir_src src;
    struct dir_image img;
    char why[120];
    unsigned seed = 7;

    CU_ASSERT_EQUAL(parse(&src, rich), 2); /* the bad volser, and no users */
    CU_ASSERT_EQUAL_FATAL(parse(&src, rich_ok), 0);
    size_t size = dir_image_size(&src);
    uint8_t *buf = malloc(size);
    CU_ASSERT_EQUAL_FATAL(dir_compile(&src, buf, size, counting_salt, &seed), (long)size);
    CU_ASSERT_EQUAL_FATAL(dir_check(buf, size, &img, why, sizeof(why)), 0);
    CU_ASSERT_STRING_EQUAL(why, "");

    CU_ASSERT_EQUAL(img.nusers, src.nusers);
    CU_ASSERT_EQUAL(img.ndevs, src.ndevs);
    CU_ASSERT_EQUAL(img.npw, 1 + 1 + 3 + 1 + 1 + 1); /* MAINT, 191 R, 194 RWM, ZED, 1ST, ALICE */
    CU_ASSERT_EQUAL(img.len, size);
    CU_ASSERT_EQUAL(img.dir.cuu, 0x6A1);
    CU_ASSERT_EQUAL(img.dir.type, DIR_DT_3380);
    CU_ASSERT_STRING_EQUAL(img.dir.volser, "VM50#1");
    uint8_t sha[32];
    sha256(rich_ok, strlen(rich_ok), sha);
    CU_ASSERT_EQUAL(memcmp(img.source_sha, sha, 32), 0);
    CU_ASSERT_EQUAL(memcmp(src.source_sha, sha, 32), 0);

    CU_ASSERT(image_matches(&src));

    /* users are in EBCDIC order: letters and national characters before digits */
    static const char *const order[] = {"$ALLOC$", "ALICE", "MAINT", "ZED", "1ST"};
    for (uint32_t i = 0; i < NELEM(order); i++) {
        struct dir_user u;
        dir_get_user(&img, i, &u);
        CU_ASSERT_STRING_EQUAL(u.userid, order[i]);
    }
    free(buf);
}

/* The same source and salts give the same bytes; other salts change only
 * the password slots. */
static void test_deterministic(void)
{
    struct dir_src src;
    unsigned s1 = 1, s2 = 1, s3 = 99;
    CU_ASSERT_EQUAL_FATAL(parse(&src, rich_ok), 0);
    size_t size = dir_image_size(&src);
    uint8_t *a = malloc(size), *b = malloc(size), *c = malloc(size);
    CU_ASSERT_EQUAL(dir_compile(&src, a, size, counting_salt, &s1), (long)size);
    CU_ASSERT_EQUAL(dir_compile(&src, b, size, counting_salt, &s2), (long)size);
    CU_ASSERT_EQUAL(dir_compile(&src, c, size, counting_salt, &s3), (long)size);
    CU_ASSERT_EQUAL(memcmp(a, b, size), 0);
    uint32_t pwoff = get_be32(a + DIRH_PWOFF);
    CU_ASSERT_EQUAL(memcmp(a, c, DIRH_IMGSHA), 0);
    CU_ASSERT_EQUAL(memcmp(a + DIRH_SIZE, c + DIRH_SIZE, pwoff - DIRH_SIZE), 0);
    CU_ASSERT_NOT_EQUAL(memcmp(a + pwoff, c + pwoff, size - pwoff), 0);
    free(a);
    free(b);
    free(c);
}

static void test_compile_errors(void)
{
    struct dir_src src;
    uint8_t buf[4096];
    unsigned seed = 0;

    parse(&src, ALICE " MDISK 191 3350 X 1 V\n");
    CU_ASSERT_EQUAL(dir_compile(&src, buf, sizeof(buf), counting_salt, &seed), DIR_E_SOURCE);
    CU_ASSERT_EQUAL(parse(&src, ALICE), 0);
    size_t size = dir_image_size(&src);
    CU_ASSERT_EQUAL(size, DIRH_SIZE + DIRU_SIZE + DIRP_SIZE);
    CU_ASSERT_EQUAL(dir_compile(&src, buf, size - 1, counting_salt, &seed), DIR_E_SPACE);
    CU_ASSERT_EQUAL(dir_compile(&src, buf, size, failing_salt, NULL), DIR_E_SALT);
    CU_ASSERT_EQUAL(dir_compile(&src, buf, size, counting_salt, &seed), (long)size);

    /* tables edited by hand so they disagree: refused, nothing written past buf */
    CU_ASSERT_EQUAL_FATAL(parse(&src, ALICE " CONSOLE 9 3215\nUSER BOB X\n SPECIAL 8 3270\n"), 0);
    size = dir_image_size(&src);
    uint8_t *heap = malloc(size);
    memcpy(users[1].u.userid, "ALICE", 6);
    CU_ASSERT_EQUAL(dir_compile(&src, heap, size, counting_salt, &seed), DIR_E_SOURCE);
    memcpy(users[1].u.userid, "BOB", 4);
    users[0].u.ndev = 3;
    CU_ASSERT_EQUAL(dir_compile(&src, heap, size, counting_salt, &seed), DIR_E_SOURCE);
    users[0].u.ndev = 1;
    users[1].first_dev = 7;
    CU_ASSERT_EQUAL(dir_compile(&src, heap, size, counting_salt, &seed), DIR_E_SOURCE);
    users[1].first_dev = 1;
    devs[1].d.type = DIR_DT_3350;
    CU_ASSERT_EQUAL(dir_compile(&src, heap, size, counting_salt, &seed), DIR_E_SOURCE);
    devs[1].d.type = DIR_DT_3270;
    CU_ASSERT_EQUAL(dir_compile(&src, heap, size, counting_salt, &seed), (long)size);
    free(heap);
}

/* ---------------------------------------------------------------- passwords */

/* The iterated hash, computed here from its definition in dirfmt.h. */
static void reference_hash(const uint8_t salt[8], const char *upper, uint8_t out[32])
{
    uint8_t buf[64];
    memcpy(buf, salt, 8);
    memcpy(buf + 8, upper, strlen(upper));
    sha256(buf, 8 + strlen(upper), out);
    for (int i = 0; i < 1024; i++) {
        memcpy(buf, out, 32);
        memcpy(buf + 32, salt, 8);
        sha256(buf, 40, out);
    }
}

static void test_hash(void)
{
    static const uint8_t salt[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    uint8_t got[32], want[32], other[32];
    dir_hash_password(salt, "Secret", got);
    reference_hash(salt, "SECRET", want);
    CU_ASSERT_EQUAL(memcmp(got, want, 32), 0);
    dir_hash_password(salt, "SECRET", other);
    CU_ASSERT_EQUAL(memcmp(got, other, 32), 0);
    static const uint8_t salt2[8] = {1, 1, 2, 3, 4, 5, 6, 7};
    dir_hash_password(salt2, "SECRET", other);
    CU_ASSERT_NOT_EQUAL(memcmp(got, other, 32), 0);
}

static const char pwdir[] = HDR "USER ALICE SECRET\n"
                                " CONSOLE 009 3215\n"
                                " MDISK 191 3350 1 1 CPSYS1 MR READ WRITE MULT\n"
                                " MDISK 192 3350 2 1 CPSYS1 RR ALL ALL\n"
                                " MDISK 193 3350 3 1 CPSYS1\n"
                                "USER BOB NOLOG\n";

static const struct {
    const char *userid;
    const char *typed;
    bool ok;
} logons[] = {
    {"ALICE", "SECRET", true}, {"alice", "secret", true},   {"ALICE", "SeCrEt", true},
    {"ALICE", "SECRE", false}, {"ALICE", "SECRETS", false}, {"ALICE", "", false},
    {"ALICE", "READ", false},  {"BOB", "NOLOG", false},     {"BOB", "nolog", false},
    {"BOB", "", false},
};

static const struct {
    uint16_t vaddr;
    char which;
    const char *typed;
    enum dir_pwcheck want;
} links[] = {
    {0x191, 'R', "READ", DIR_PWC_OK},     {0x191, 'R', "read", DIR_PWC_OK},
    {0x191, 'R', "WRITE", DIR_PWC_WRONG}, {0x191, 'W', "WRITE", DIR_PWC_OK},
    {0x191, 'W', "READ", DIR_PWC_WRONG},  {0x191, 'M', "MULT", DIR_PWC_OK},
    {0x191, 'M', "", DIR_PWC_WRONG},      {0x192, 'R', "", DIR_PWC_OK},
    {0x192, 'W', "anything", DIR_PWC_OK}, {0x192, 'M', "MULT", DIR_PWC_NONE},
    {0x193, 'R', "READ", DIR_PWC_NONE},   {0x193, 'W', "", DIR_PWC_NONE},
    {0x009, 'R', "READ", DIR_PWC_NONE},   {0x191, 'X', "READ", DIR_PWC_NONE},
};

static void test_passwords(void)
{
    struct dir_image img;
    size_t len;
    uint8_t *buf = build(pwdir, &len);
    CU_ASSERT_FATAL(buf != NULL);
    CU_ASSERT_EQUAL_FATAL(dir_check(buf, len, &img, NULL, 0), 0);

    for (size_t k = 0; k < NELEM(logons); k++) {
        uint32_t idx;
        CU_ASSERT_FATAL(dir_find_user(&img, logons[k].userid, &idx));
        CU_ASSERT_EQUAL(dir_password_ok(&img, idx, logons[k].typed), logons[k].ok);
    }
    uint32_t alice, n;
    CU_ASSERT_FATAL(dir_find_user(&img, "ALICE", &alice));
    for (size_t k = 0; k < NELEM(links); k++) {
        CU_ASSERT_FATAL(dir_find_dev(&img, alice, links[k].vaddr, &n));
        CU_ASSERT_EQUAL(dir_mdisk_password(&img, alice, n, links[k].which, links[k].typed),
                        links[k].want);
    }
    /* out-of-range indexes are refused, not read */
    CU_ASSERT_FALSE(dir_password_ok(&img, img.nusers, "SECRET"));
    CU_ASSERT_EQUAL(dir_mdisk_password(&img, alice, 99, 'R', "READ"), DIR_PWC_NONE);
    CU_ASSERT_FALSE(dir_find_dev(&img, alice, 0x194, &n));

    /* no password in clear, in either character set */
    static const char *const clear[] = {"SECRET", "READ", "WRITE", "MULT"};
    for (size_t k = 0; k < NELEM(clear); k++) {
        uint8_t e[8];
        size_t l = strlen(clear[k]);
        a2e(e, clear[k], l);
        for (size_t i = 0; i + l <= len; i++) {
            CU_ASSERT(memcmp(buf + i, clear[k], l) != 0);
            CU_ASSERT(memcmp(buf + i, e, l) != 0);
        }
    }
    free(buf);
}

static void test_find_user(void)
{
    struct dir_image img;
    size_t len;
    uint32_t idx;
    uint8_t *buf = build(rich_ok, &len);
    CU_ASSERT_FATAL(buf != NULL);
    CU_ASSERT_EQUAL_FATAL(dir_check(buf, len, &img, NULL, 0), 0);
    CU_ASSERT(dir_find_user(&img, "maint", &idx));
    CU_ASSERT(dir_find_user(&img, "$alloc$", &idx));
    CU_ASSERT(dir_find_user(&img, "1st", &idx));
    CU_ASSERT_FALSE(dir_find_user(&img, "MAIN", &idx));
    CU_ASSERT_FALSE(dir_find_user(&img, "MAINTX", &idx));
    CU_ASSERT_FALSE(dir_find_user(&img, "", &idx));
    CU_ASSERT_FALSE(dir_find_user(&img, "TOOLONGID", &idx));
    CU_ASSERT_FALSE(dir_find_user(&img, "MA INT", &idx));
    free(buf);
}

/* ---------------------------------------------------------------- damaged images */

/* An image with every kind of entry, small enough to damage byte by byte.
 * Order: ALICE (user 0: pw 0, dev 0 CONSOLE, dev 1 MDISK pw 1-3),
 * BOB (user 1: NOLOG, dev 2 LINK ALICE 191, dev 3 DEDICATE by volume). */
static const char small[] = HDR "USER ALICE SECRET 1M 16M G\n"
                                " IPL CMS PARM X\n"
                                " CONSOLE 009 3215\n"
                                " MDISK 191 3350 10 20 CPSYS1 MR READ WRITE MULT\n"
                                "USER BOB NOLOG\n"
                                " LINK ALICE 191 191 RR\n"
                                " DEDICATE 250 WORK01\n";

#define U(i, f) (DIRH_SIZE + (i)*DIRU_SIZE + (f))
#define D(i, f) (DIRH_SIZE + 2 * DIRU_SIZE + (i)*DIRD_SIZE + (f))

static const struct {
    unsigned off;
    unsigned size; /* 1, 2 or 4; 8 puts the userid ALICE */
    uint32_t value;
    const char *reason; /* a part of the message */
} damage[] = {
    {DIRH_MAGIC, 1, 0x00, "no CPDIRECT magic"},
    {DIRH_VERSION, 2, 2, "format version 2, expected 1"},
    {DIRH_HDRLEN, 2, 64, "lengths do not match"},
    {DIRH_DEVLEN, 2, 64, "lengths do not match"},
    {DIRH_RES1, 2, 1, "reserved header fields"},
    {DIRH_RES3 + 5, 1, 1, "reserved header fields"},
    {DIRH_NUSERS, 4, 3, "do not add up"},
    {DIRH_NUSERS, 4, 0xFFFFFFFF, "do not add up"},
    {DIRH_NDEVS, 4, 3, "do not add up"},
    {DIRH_NPW, 4, 3, "do not add up"},
    {DIRH_USEROFF, 4, 0, "do not add up"},
    {DIRH_DEVOFF, 4, 0x7FFFFFFF, "do not add up"},
    {DIRH_PWOFF, 4, 1, "do not add up"},
    {DIRH_TOTAL, 4, 0xFFFFFFFF, "more than the"},
    {DIRH_DIRTYPE, 1, DIR_DT_1403, "DIRECTORY location"},
    {DIRH_DIRCUU, 2, 0x1000, "DIRECTORY location"},
    {DIRH_DIRVOL, 1, 0x40, "DIRECTORY location"},
    {U(0, DIRU_USERID), 1, 0x4B, "user 0: userid is not valid"},
    {U(0, DIRU_USERID + 7), 1, 0xC1, "user 0: userid is not valid"},
    {U(0, DIRU_USERID), 1, 0xE9, "user 1 (BOB): users are not in ascending order"},
    {U(1, DIRU_USERID), 4, 0xC1D3C9C3, "user 1 (ALIC): users are not in ascending order"},
    {U(1, DIRU_USERID), 8, 0, "user 1 (ALICE): users are not in ascending order"},
    {U(0, DIRU_DIST), 1, 0x00, "distribution or IPL field"},
    {U(0, DIRU_IPL + 1), 1, 0x40, "distribution or IPL field"},
    {U(0, DIRU_STORAGE), 4, 1000, "storage sizes"},
    {U(0, DIRU_STORAGE), 4, 32 << 20, "storage sizes"},
    {U(0, DIRU_MAXSTOR), 4, 32 << 20, "storage sizes"},
    {U(0, DIRU_FLAGS), 1, 0x01, "flags 01"},
    {U(0, DIRU_OPTIONS), 1, 0x04, "options 04"},
    {U(0, DIRU_PRIORITY), 1, 0, "priority 0 is not 1-99"},
    {U(0, DIRU_CPUID), 1, 1, "CPUID or AFFINITY"},
    {U(0, DIRU_LINEND), 1, 0x40, "line-edit character 40"},
    {U(0, DIRU_PARMLEN), 1, 49, "IPL PARM length 49"},
    {U(0, DIRU_PARMLEN), 1, 2, "IPL PARM text"},
    {U(0, DIRU_PARM), 1, 0x05, "IPL PARM text"},
    {U(1, DIRU_PARMLEN), 1, 1, "IPL PARM length 1"},
    {U(0, DIRU_RES2 + 15), 1, 1, "reserved fields"},
    {U(0, DIRU_PW), 4, 1, "password reference 00000001"},
    {U(0, DIRU_PW), 4, DIRF_PW_NONE, "password reference FFFFFFFF"},
    {U(1, DIRU_PW), 4, 4, "password reference 00000004"},
    {U(0, DIRU_FIRSTDEV), 4, 1, "are not the next ones"},
    {U(0, DIRU_NDEV), 2, 3, "user 0 (ALICE) device 2: virtual address 191 is used twice"},
    {U(0, DIRU_NDEV), 2, 1, "user 1 (BOB): devices 2+2 are not the next ones (1 of 4)"},
    {U(1, DIRU_NDEV), 2, 0xFFFF, "are not the next ones"},
    {U(1, DIRU_NDEV), 2, 1, "3 devices belong to users, the header says 4"},
    {U(0, DIRU_PARM), 1, 0x40, "IPL PARM text"},
    {U(0, DIRU_FLAGS), 1, DIR_USER_NOLOG, "password reference 00000000"},
    {D(0, DIRD_STMT), 1, 9, "user 0 (ALICE) device 0: statement code 9"},
    {D(0, DIRD_TYPE), 1, DIR_DT_3350, "device type code 16 is not valid here"},
    {D(0, DIRD_TYPE), 1, 200, "device type code 200"},
    {D(2, DIRD_TYPE), 1, DIR_DT_3350, "device type code 16"},
    {D(0, DIRD_VADDR), 2, 0x1009, "virtual address 1009 is more than FFF"},
    {D(1, DIRD_VADDR), 2, 0x009, "virtual address 009 is used twice"},
    {D(1, DIRD_MODE), 1, 8, "access mode code 08"},
    {D(1, DIRD_MODE), 1, 0x80, "access mode code 80"},
    {D(2, DIRD_MODE), 1, DIR_MODE_RR | DIR_MODE_V, "access mode code 82"},
    {D(0, DIRD_MODE), 1, DIR_MODE_R, "access mode code 01"},
    {D(0, DIRD_FLAGS), 1, DIR_DEV_RO, "flags 80"},
    {D(3, DIRD_FLAGS), 1, 0x41, "flags 41"},
    {D(0, DIRD_SPCLASS), 1, 0x5C, "spool class is not valid"},
    {D(0, DIRD_SPCLASS), 1, 0, "spool class is not valid"},
    {D(1, DIRD_SPCLASS), 1, 0xC1, "spool class on a device that has none"},
    {D(1, DIRD_NCYL), 2, 0, "cylinder extent 10+0"},
    {D(1, DIRD_CYL), 2, 65530, "cylinder extent 65530+20"},
    {D(0, DIRD_CYL), 2, 1, "cylinder extent 1+0"},
    {D(2, DIRD_TARGET), 2, 0x1000, "target address 1000"},
    {D(0, DIRD_TARGET), 2, 1, "target address 0001"},
    {D(1, DIRD_VOLSER + 2), 1, 0x40, "volume serial is not valid"},
    {D(3, DIRD_VOLSER), 1, 0x00, "volume serial is not valid"},
    {D(0, DIRD_VOLSER), 1, 0xC1, "volume serial is not valid"},
    {D(2, DIRD_USERID), 1, 0x00, "LINK userid is not valid"},
    {D(0, DIRD_USERID), 1, 0xC1, "LINK userid is not valid"},
    {D(1, DIRD_PWR), 4, 2, "password reference 00000002"},
    {D(1, DIRD_PWM), 4, 4, "password reference 00000004"},
    {D(1, DIRD_PWW), 4, 1, "password reference 00000001"}, /* a slot used twice */
    {D(0, DIRD_PWR), 4, DIRF_PW_ALL, "password reference FFFFFFFE"},
    {D(1, DIRD_RES4), 1, 1, "reserved fields"},
    {D(2, DIRD_USERID), 4, 0xC3C1D9D6, "LINK to a user who is not in the directory"},
    {D(2, DIRD_TARGET), 2, 0x009, "LINK to a device that is not an MDISK"},
    {D(2, DIRD_TARGET), 2, 0x192, "LINK to a device that is not an MDISK"},
};

static void put(uint8_t *b, unsigned size, uint32_t v)
{
    if (size == 8) /* a whole userid field: ALICE */
        a2e_field(b, 8, "ALICE");
    else if (size == 1)
        b[0] = (uint8_t)v;
    else if (size == 2)
        put_be16(b, (uint16_t)v);
    else
        put_be32(b, v);
}

/* Recompute the image checksum, as a careless tool might after an edit. */
static void reseal(uint8_t *b, size_t len)
{
    struct sha256 c;
    static const uint8_t zero[32];
    sha256_init(&c);
    sha256_update(&c, b, DIRH_IMGSHA);
    sha256_update(&c, zero, 32);
    sha256_update(&c, b + DIRH_SIZE, len - DIRH_SIZE);
    sha256_final(&c, b + DIRH_IMGSHA);
}

/* dir_check on exactly len bytes of a heap copy, so ASan sees any overread. */
static int check_copy(const uint8_t *img, size_t len, char *why, size_t whysz)
{
    struct dir_image di;
    uint8_t *copy = malloc(len ? len : 1);
    memcpy(copy, img, len);
    int rc = dir_check(copy, len, &di, why, whysz);
    free(copy);
    return rc;
}

static void test_damage_table(void)
{
    size_t len;
    uint8_t *img = build(small, &len);
    char why[160];
    CU_ASSERT_FATAL(img != NULL);
    CU_ASSERT_EQUAL_FATAL(len, DIRH_SIZE + 2 * DIRU_SIZE + 4 * DIRD_SIZE + 4 * DIRP_SIZE);
    CU_ASSERT_EQUAL_FATAL(check_copy(img, len, why, sizeof(why)), 0);

    uint8_t *b = malloc(len);
    for (size_t k = 0; k < NELEM(damage); k++) {
        memcpy(b, img, len);
        put(b + damage[k].off, damage[k].size, damage[k].value);
        reseal(b, len);
        int rc = check_copy(b, len, why, sizeof(why));
        bool ok = rc == -1 && strstr(why, damage[k].reason) != NULL;
        if (!ok)
            printf("\n    damage row %zu: want \"%s\", got %d \"%s\"", k, damage[k].reason, rc,
                   why);
        CU_ASSERT(ok);
    }
    free(b);
    free(img);
}

/* Cut short anywhere, or any bit flipped without resealing: refused. */
static void test_truncate_and_flip(void)
{
    size_t len;
    uint8_t *img = build(small, &len);
    char why[160];
    CU_ASSERT_FATAL(img != NULL);

    for (size_t l = 0; l < len; l++)
        CU_ASSERT_EQUAL(check_copy(img, l, why, sizeof(why)), -1);
    char want[80];
    snprintf(want, sizeof(want), "image length %zu is more than the %zu bytes given", len, len - 1);
    CU_ASSERT_STRING_EQUAL(why, want);
    CU_ASSERT_EQUAL(check_copy(img, 10, why, sizeof(why)), -1);
    CU_ASSERT_STRING_EQUAL(why, "image is 10 bytes, shorter than its 128-byte header");

    uint8_t *b = malloc(len);
    unsigned refused = 0;
    for (size_t i = 0; i < len; i++) {
        for (int bit = 0; bit < 8; bit++) {
            memcpy(b, img, len);
            b[i] ^= (uint8_t)(1 << bit);
            refused += check_copy(b, len, NULL, 0) == -1;
        }
    }
    CU_ASSERT_EQUAL(refused, len * 8);

    /* a buffer longer than the image is fine: the header says where it ends */
    struct dir_image di;
    uint8_t *longer = calloc(1, len + 100);
    memcpy(longer, img, len);
    CU_ASSERT_EQUAL(dir_check(longer, len + 100, &di, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(di.len, len);
    free(longer);
    free(b);
    free(img);
}

/* Random damage, resealed: never a crash; what passes still reads cleanly. */
static void test_fuzz(void)
{
    size_t len;
    uint8_t *img = build(small, &len);
    CU_ASSERT_FATAL(img != NULL);
    uint8_t *b = malloc(len);
    uint32_t rnd = 12345;
    unsigned accepted = 0;

    for (int iter = 0; iter < 20000; iter++) {
        memcpy(b, img, len);
        int nmut = 1 + iter % 4;
        for (int m = 0; m < nmut; m++) {
            rnd = rnd * 1103515245 + 12345;
            size_t at = (rnd >> 8) % len;
            rnd = rnd * 1103515245 + 12345;
            b[at] = (uint8_t)(rnd >> 16);
        }
        reseal(b, len);
        struct dir_image di;
        if (dir_check(b, len, &di, NULL, 0) != 0)
            continue;
        accepted++;
        for (uint32_t i = 0; i < di.nusers; i++) {
            struct dir_user u;
            struct dir_dev d;
            uint32_t idx;
            dir_get_user(&di, i, &u);
            CU_ASSERT(dir_find_user(&di, u.userid, &idx) && idx == i);
            for (uint32_t n = 0; n < u.ndev; n++)
                dir_get_dev(&di, i, n, &d);
        }
    }
    CU_ASSERT(accepted > 0); /* e.g. salts and hashes, priority, class bits */
    CU_ASSERT(accepted < 20000);
    free(b);
    free(img);
}

/* ---------------------------------------------------------------- tables */

static void test_tables(void)
{
    CU_ASSERT_PTR_NULL(dir_devtype(DIR_DT_NONE));
    CU_ASSERT_PTR_NULL(dir_devtype(DIR_DT_COUNT));
    for (unsigned t = 1; t < DIR_DT_COUNT; t++) {
        const struct dir_devtype_info *dt = dir_devtype(t);
        CU_ASSERT_PTR_NOT_NULL_FATAL(dt);
        CU_ASSERT(dt->stmt >= DIR_STMT_CONSOLE && dt->stmt <= DIR_STMT_SPECIAL);
    }
    CU_ASSERT_EQUAL(dir_devtype(DIR_DT_3350)->model, 3350);
    CU_ASSERT_EQUAL(dir_model_code(3350), 0x3350);
    CU_ASSERT_EQUAL(dir_model_code(2305), 0x2305);
    CU_ASSERT_EQUAL(dir_model_code(1403), 0x1403);
    CU_ASSERT_EQUAL(dir_model_code(0), 0);
    CU_ASSERT_EQUAL(dir_devtype(DIR_DT_2540P)->uclass, DIR_UC_PUNCH);
    CU_ASSERT_STRING_EQUAL(dir_mode_name(DIR_MODE_MW), "MW");
    CU_ASSERT_PTR_NULL(dir_mode_name(0));
    CU_ASSERT_PTR_NULL(dir_mode_name(8));
    CU_ASSERT_EQUAL(dir_mode_password(DIR_MODE_RR), 'R');
    CU_ASSERT_EQUAL(dir_mode_password(DIR_MODE_WR), 'W');
    CU_ASSERT_EQUAL(dir_mode_password(DIR_MODE_MR | DIR_MODE_V), 'M');
    CU_ASSERT_EQUAL(dir_mode_password(0), 0);
    CU_ASSERT(dir_name_ok("$ALLOC$", 8));
    CU_ASSERT(dir_name_ok("A", 1));
    CU_ASSERT_FALSE(dir_name_ok("", 8));
    CU_ASSERT_FALSE(dir_name_ok("ABCDEFG", 6));
    CU_ASSERT_FALSE(dir_name_ok("abc", 8));
    CU_ASSERT_EQUAL(DIR_CLASS('A'), 0x80);
    CU_ASSERT_EQUAL(DIR_CLASS('H'), 0x01);
}

/* ---------------------------------------------------------------- the shipped directory */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char text[65536];
    *len = fread(text, 1, sizeof(text) - 1, f);
    text[*len] = '\0';
    fclose(f);
    return text;
}

static void test_shipped_directory(void)
{
    size_t len;
    const char *text = read_file("dasd/system/user.direct", &len);
    if (!text)
        text = read_file("../../dasd/system/user.direct", &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_EQUAL(strlen(text), len);

    struct dir_src src;
    unsigned n = parse(&src, text);
    show_errors("user.direct");
    CU_ASSERT_EQUAL_FATAL(n, 0);
    CU_ASSERT_EQUAL(src.nusers, 19);
    CU_ASSERT_EQUAL(src.dir.cuu, 0x130);
    CU_ASSERT_EQUAL(src.dir.type, DIR_DT_3350);
    CU_ASSERT_STRING_EQUAL(src.dir.volser, "CPSYS1");

    size_t size = dir_image_size(&src);
    uint8_t *img = malloc(size);
    unsigned seed = 3;
    CU_ASSERT_EQUAL_FATAL(dir_compile(&src, img, size, counting_salt, &seed), (long)size);
    struct dir_image di;
    char why[160];
    CU_ASSERT_EQUAL_FATAL(dir_check(img, size, &di, why, sizeof(why)), 0);

    static const struct {
        const char *userid, *pw;
        uint8_t classes;
    } want[] = {
        {"OPERATOR", "OPERATOR", 0xFE}, {"MAINT", "CPCMS", 0xFE},   {"CMSUSER", "CMSUSER", 0x02},
        {"USER01", "USER01", 0x02},     {"USER09", "user09", 0x02}, {"USER16", "USER16", 0x02},
    };
    for (size_t k = 0; k < NELEM(want); k++) {
        uint32_t idx;
        struct dir_user u;
        struct dir_dev d;
        CU_ASSERT_FATAL(dir_find_user(&di, want[k].userid, &idx));
        dir_get_user(&di, idx, &u);
        CU_ASSERT_EQUAL(u.classes, want[k].classes);
        CU_ASSERT_EQUAL(u.storage, 1 << 20);
        CU_ASSERT_EQUAL(u.maxstorage, 16 << 20);
        CU_ASSERT_EQUAL(u.flags, 0);
        CU_ASSERT_STRING_EQUAL(u.dist, want[k].userid);
        CU_ASSERT_NOT_EQUAL(u.account[0], '\0');
        CU_ASSERT_STRING_EQUAL(u.ipl, "");
        CU_ASSERT(dir_password_ok(&di, idx, want[k].pw));
        CU_ASSERT_FALSE(dir_password_ok(&di, idx, "WRONG"));
        CU_ASSERT_EQUAL_FATAL(u.ndev, 6); /* and a 191 minidisk and the 190 */
        dir_get_dev(&di, idx, 0, &d);
        CU_ASSERT(d.stmt == DIR_STMT_CONSOLE && d.vaddr == 0x009 && d.type == DIR_DT_3215);
        dir_get_dev(&di, idx, 1, &d);
        CU_ASSERT(d.vaddr == 0x00C && d.type == DIR_DT_2540R && d.spclass == '*');
        dir_get_dev(&di, idx, 2, &d);
        CU_ASSERT(d.vaddr == 0x00D && d.type == DIR_DT_2540P && d.spclass == 'A');
        dir_get_dev(&di, idx, 3, &d);
        CU_ASSERT(d.vaddr == 0x00E && d.type == DIR_DT_1403 && d.spclass == 'A');
        uint32_t dn;
        CU_ASSERT_FATAL(dir_find_dev(&di, idx, 0x191, &dn));
        dir_get_dev(&di, idx, dn, &d);
        CU_ASSERT(d.stmt == DIR_STMT_MDISK && d.type == DIR_DT_3350 && d.mode == DIR_MODE_W);
        CU_ASSERT_STRING_EQUAL(d.volser, "CPUSR1");
        CU_ASSERT_FATAL(dir_find_dev(&di, idx, 0x190, &dn));
        dir_get_dev(&di, idx, dn, &d);
        CU_ASSERT(d.stmt == (strcmp(want[k].userid, "MAINT") ? DIR_STMT_LINK : DIR_STMT_MDISK));
    }
    uint32_t u1, n1;
    struct dir_dev d1;
    CU_ASSERT_FATAL(dir_find_user(&di, "USER01", &u1) && dir_find_dev(&di, u1, 0x191, &n1));
    dir_get_dev(&di, u1, n1, &d1);
    CU_ASSERT(d1.pw[DIR_PWR] == DIR_PW_SET && d1.pw[DIR_PWW] == DIR_PW_SET &&
              d1.pw[DIR_PWM] == DIR_PW_SET);
    CU_ASSERT_EQUAL(dir_mdisk_password(&di, u1, n1, 'R', "READ"), DIR_PWC_OK);
    CU_ASSERT_EQUAL(dir_mdisk_password(&di, u1, n1, 'W', "READ"), DIR_PWC_WRONG);
    for (unsigned i = 1; i <= 16; i++) {
        char id[16];
        uint32_t idx;
        snprintf(id, sizeof(id), "USER%02u", i);
        CU_ASSERT(dir_find_user(&di, id, &idx));
    }
    free(img);
}

static CU_TestInfo cases[] = {
    {"good USER, ACCOUNT, OPTION, IPL", test_good_users},
    {"good device statements", test_good_devs},
    {"MDISK extent limit", test_mdisk_extent_limit},
    {"bad statements: exact message and line", test_bad_statements},
    {"every error reported", test_all_errors_reported},
    {"errors counted without a callback", test_no_callback},
    {"dir_measure", test_measure},
    {"tables too small", test_tables_full},
    {"round trip source -> image -> structs", test_round_trip},
    {"compile is deterministic given the salts", test_deterministic},
    {"compile errors", test_compile_errors},
    {"password hash definition", test_hash},
    {"logon and MDISK passwords", test_passwords},
    {"find user", test_find_user},
    {"damaged images: reasons", test_damage_table},
    {"damaged images: truncated, bit flips", test_truncate_and_flip},
    {"damaged images: fuzz", test_fuzz},
    {"type and mode tables", test_tables},
    {"shipped user.direct", test_shipped_directory},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("dir", cases);
