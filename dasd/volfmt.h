/*
 * volfmt.h - the layout of a CP-formatted volume: what the volume builder
 * writes and CP reads at IPL. Every format is declared here once.
 *
 * Cylinder 0, head 0 of every CP volume:
 *   R1  key "IPL1", 24 bytes: IPL PSW and two CCWs          (volfmt_ipl1)
 *   R2  key "IPL2", the IPL channel program, <= 4 KB        (sysres only)
 *   R3  key "VOL1", 80 bytes: the standard volume label
 *   R4  4096 bytes: CP's allocation map                       (VOLFMT_ALLOC)
 *   R5  4096 bytes: the system record (sysres only)          (VOLFMT_SYSREC)
 * Areas of whole cylinders, listed in the allocation map:
 *   NUCLEUS  the CP nucleus, as 4 KB page records R1..Rn of each track
 *   DRCT     the compiled user directory: a 4 KB area header, then the image
 *   WARM     checkpoint and warm-start data
 *   PAGE     paging slots, SPOOL spool file blocks, TDSK temporary disks
 *   PERM     minidisks (the directory's MDISK statements)
 * All text on the volume is EBCDIC; all numbers are big-endian.
 *
 * The IPL sequence (see dasd/iplrec.c): the hardware's Read IPL reads R1
 * into storage 0-23; its CCW1 reads R2 to VOLFMT_IPL2_ADDR and CCW2 TICs
 * there. That program reads R5 to VOLFMT_SYSREC_ADDR and the nucleus pages
 * to VOLFMT_NUC_ADDR with seeks and multitrack reads, then the IPL PSW
 * (ESA/390 format, as Hercules requires at IPL) starts CP at its entry.
 */
#ifndef DASD_VOLFMT_H
#define DASD_VOLFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VOLFMT_PAGE 4096

/* Record numbers on cylinder 0 head 0 */
#define VOLFMT_R_IPL1   1
#define VOLFMT_R_IPL2   2
#define VOLFMT_R_VOL1   3
#define VOLFMT_R_ALLOC  4
#define VOLFMT_R_SYSREC 5

/* Where the IPL program puts things in real storage */
#define VOLFMT_IPL2_ADDR   0x2000u  /* the IPL channel program (<= 4 KB) */
#define VOLFMT_SYSREC_ADDR 0x3000u  /* the system record */
#define VOLFMT_NUC_ADDR    0x10000u /* the nucleus; CP is linked here */
#define VOLFMT_IPL2_MAX    4096u

/* ---------------------------------------------------------------- VOL1 */
#define VOL1_LEN        80
#define VOL1_OFF_ID     0  /* "VOL1" */
#define VOL1_OFF_VOLSER 4  /* 6 characters */
#define VOL1_OFF_SEC    10 /* security byte, EBCDIC '0' */
#define VOL1_OFF_VTOC   11 /* CCHHR of the VTOC: zero, CP volumes have none */
#define VOL1_OFF_OWNER  41 /* 10 characters */

/* ---------------------------------------------------------------- allocation map (R4) */
enum vol_area {
    AREA_NONE = 0,
    AREA_NUCLEUS = 1,
    AREA_DRCT = 2,
    AREA_WARM = 3,
    AREA_PAGE = 4,
    AREA_SPOOL = 5,
    AREA_TDSK = 6,
    AREA_PERM = 7,
    AREA_SAVED = 8, /* saved systems (NAMESYS, SAVESYS): page records */
};

#define ALLOC_OFF_MAGIC   0  /* "CPALLOC " */
#define ALLOC_OFF_VERSION 8  /* be16 */
#define ALLOC_OFF_DEVTYPE 10 /* be16, e.g. 0x3350 */
#define ALLOC_OFF_CYLS    12 /* be16, cylinders on the volume */
#define ALLOC_OFF_HEADS   14 /* be16 */
#define ALLOC_OFF_VOLSER  16 /* 6 characters */
#define ALLOC_OFF_FLAGS   22 /* be16 */
#define ALLOC_OFF_COUNT   24 /* be16, number of extents */
#define ALLOC_OFF_EXTENTS 32 /* extents, 8 bytes each */
#define ALLOC_EXT_LEN     8  /* type(1) flags(1) first cyl(2) last cyl(2) reserved(2) */
#define ALLOC_MAX_EXTENTS ((VOLFMT_PAGE - ALLOC_OFF_EXTENTS) / ALLOC_EXT_LEN)
#define ALLOC_VERSION     1
#define ALLOC_FLAG_SYSRES 0x8000

struct vol_extent {
    enum vol_area type;
    uint16_t first, last; /* cylinders, inclusive */
};

struct vol_alloc {
    uint16_t devtype;
    uint16_t cyls, heads;
    char volser[7];
    bool sysres;
    int count;
    struct vol_extent ext[ALLOC_MAX_EXTENTS];
};

/* ---------------------------------------------------------------- system record (R5) */
#define SYSREC_OFF_MAGIC    0  /* "CPSYSREC" */
#define SYSREC_OFF_VERSION  8  /* be16 */
#define SYSREC_OFF_SYSNAME  12 /* 8 characters: shown on the logo */
#define SYSREC_OFF_SYSOPER  20 /* 8: userid of the primary system operator */
#define SYSREC_OFF_SYSCONS  28 /* be16: system console device number */
#define SYSREC_OFF_ZONESEC  32 /* be32, signed: local time = UTC + this */
#define SYSREC_OFF_ZONEID   36 /* 4 characters, e.g. "GMT " */
#define SYSREC_OFF_NUCPAGES 40 /* be16: pages in the nucleus */
#define SYSREC_OFF_MORE1    42 /* be16: seconds MORE... waits before the alarm */
#define SYSREC_OFF_NUCSUM   44 /* 32: SHA-256 of the nucleus image */
#define SYSREC_OFF_BUILT    76 /* be64: TOD clock of the build */
#define SYSREC_OFF_NLOGMSG  84 /* be16: initial log message lines */
#define SYSREC_OFF_MORE2    86 /* be16: seconds after the alarm until the screen is cleared */
#define SYSREC_OFF_LOGMSG   88 /* lines of SYSREC_LOGMSG_LEN characters */
#define SYSREC_LOGMSG_LEN   72
#define SYSREC_LOGMSG_MAX   16
#define SYSREC_VERSION      1
/* the saved systems (NAMESYS), after the log message */
#define SYSREC_OFF_NNAMESYS 1240 /* be16: entries */
#define SYSREC_OFF_NAMESYS  1248 /* SYSREC_NAMESYS_LEN each: */
#define SYSREC_NAMESYS_LEN  32
#define SYSREC_NAMESYS_MAX  16
#define NAMESYS_OFF_NAME    0  /* 8 characters */
#define NAMESYS_OFF_VOLSER  8  /* 6: the volume of its SAVED area */
#define NAMESYS_OFF_AREA    14 /* be16: the SAVED area's first cylinder */
#define NAMESYS_OFF_SLOT    16 /* be16: its first page record in the area (the header) */
#define NAMESYS_OFF_FIRST   18 /* be16: the first guest page saved (4K pages) */
#define NAMESYS_OFF_NPAGES  20 /* be16: pages saved, after the header page */
#define NAMESYS_OFF_SHFIRST 22 /* 1: first shared 64K segment, X'FF' none */
#define NAMESYS_OFF_SHLAST  23 /* 1: last shared segment */
#define NAMESYS_NOSHARE     0xFF
_Static_assert(SYSREC_OFF_LOGMSG + SYSREC_LOGMSG_MAX * SYSREC_LOGMSG_LEN <= SYSREC_OFF_NNAMESYS,
               "the log message ends before the saved systems");
_Static_assert(SYSREC_OFF_NAMESYS + SYSREC_NAMESYS_MAX * SYSREC_NAMESYS_LEN <= VOLFMT_PAGE,
               "system record fits a page");

/* A saved system's header page, the first record of its slot */
#define SAVEHDR_OFF_MAGIC  0   /* "CPSAVSYS" */
#define SAVEHDR_OFF_NAME   8   /* 8 characters */
#define SAVEHDR_OFF_FIRST  16  /* be16: first page */
#define SAVEHDR_OFF_NPAGES 18  /* be16: pages */
#define SAVEHDR_OFF_STOR   20  /* be32: the machine's storage size when saved */
#define SAVEHDR_OFF_TOD    24  /* be64: when it was saved */
#define SAVEHDR_OFF_PSW    32  /* 8: the S/370 PSW to resume with */
#define SAVEHDR_OFF_GPR    40  /* 16 x be32 */
#define SAVEHDR_OFF_CR     104 /* 16 x be32 */
#define SAVEHDR_OFF_FPR    168 /* 4 x be64: registers 0, 2, 4, 6 */
#define SAVEHDR_OFF_KEYS   256 /* 1 per 2K block of the pages saved */
#define SAVEHDR_MAXPAGES   ((VOLFMT_PAGE - SAVEHDR_OFF_KEYS) / 2)

struct vol_sysrec {
    char sysname[9];
    char sysoper[9];
    uint16_t syscons;
    int32_t zone_sec;
    char zone_id[5];
    uint16_t nuc_pages;
    uint16_t more1, more2; /* MORE... timeouts in seconds (0: the defaults, 50 and 10) */
    uint8_t nuc_sum[32];
    uint64_t built_tod;
    int nlogmsg;
    char logmsg[SYSREC_LOGMSG_MAX][SYSREC_LOGMSG_LEN + 1];
    int nnamesys;
    struct vol_namesys {
        char name[9];
        char volser[7];
        uint16_t area_cyl;       /* the SAVED area's first cylinder */
        uint16_t slot;           /* the header's page record in the area */
        uint16_t first, npages;  /* guest pages saved */
        uint8_t shfirst, shlast; /* shared segments, NAMESYS_NOSHARE: none */
    } namesys[SYSREC_NAMESYS_MAX];
};

/* ---------------------------------------------------------------- directory area header */
#define DRCTHDR_OFF_MAGIC   0  /* "CPDRCT  " */
#define DRCTHDR_OFF_VERSION 8  /* be16 */
#define DRCTHDR_OFF_LENGTH  12 /* be32: bytes in the directory image */
#define DRCTHDR_OFF_SUM     16 /* 32: SHA-256 of the image */
#define DRCTHDR_VERSION     1

/* Page-record areas (NUCLEUS, DRCT, ...) hold 4 KB records R1..Rn on each
 * track, head by head from the area's first cylinder: where page `page`
 * of an area starting at first_cyl lives. */
struct ckd_geom;
void vol_page_location(const struct ckd_geom *g, unsigned first_cyl, unsigned page, unsigned *cyl,
                       unsigned *head, unsigned *rec);
unsigned vol_pages_per_cyl(const struct ckd_geom *g);

/* ---------------------------------------------------------------- codecs
 * Encoders fill a VOLFMT_PAGE (or VOL1_LEN) buffer. Decoders return 0 or
 * -1 with a reason in why (an invalid record never crashes a reader). */
void vol1_encode(uint8_t out[VOL1_LEN], const char *volser, const char *owner);
int vol1_decode(const uint8_t *rec, size_t len, char volser[7]);

void alloc_encode(uint8_t out[VOLFMT_PAGE], const struct vol_alloc *a);
int alloc_decode(const uint8_t *rec, size_t len, struct vol_alloc *a, char *why, size_t whylen);
/* The extent of a type containing cylinder cyl, or the first of that type
 * when cyl is negative; NULL if none. */
const struct vol_extent *alloc_find(const struct vol_alloc *a, enum vol_area type, int cyl);
const char *area_name(enum vol_area type);

void sysrec_encode(uint8_t out[VOLFMT_PAGE], const struct vol_sysrec *s);
int sysrec_decode(const uint8_t *rec, size_t len, struct vol_sysrec *s, char *why, size_t whylen);

void drcthdr_encode(uint8_t out[VOLFMT_PAGE], uint32_t length, const uint8_t sum[32]);
int drcthdr_decode(const uint8_t *rec, size_t len, uint32_t *length, uint8_t sum[32], char *why,
                   size_t whylen);

#endif
