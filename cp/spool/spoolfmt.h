/*
 * spoolfmt.h - the formats of spooling, declared once (≈ the SFBLOK of
 * DMKSPL and the spool buffer layout of LOG1 pp.151-152), portable: CP
 * and the host unit tests use them; a later host bridge reads volumes
 * with them too.
 *
 * Three formats, all big-endian byte images:
 *
 *  - a spool page (4096 bytes, one page record of a SPOOL area): two
 *    link doublewords (next and previous page of the file), a small
 *    header, then the records as a ready-to-relocate format-0 channel
 *    program: for each record the CCW the virtual device was given (its
 *    opcode, the data address as an offset in the page, CC|SLI, the
 *    count), a TIC to the next CCW, and the data padded to a doubleword.
 *    A CCW of all zeros ends the page's records.
 *
 *  - a spool file descriptor (struct spf in storage, SPE_LEN bytes in the
 *    checkpoint): spoolid, owner, origin, device type, class, copies,
 *    hold, form, dist, name, tag, record count, creation time, first and
 *    last page. Text is EBCDIC on disk.
 *
 *  - the checkpoint (spool/ckptfmt.h): the file descriptors and the page
 *    chains, written to the WARM area.
 *
 * Pages are numbered 1..n across the SPOOL areas of all CP volumes
 * (0 = none).
 */
#ifndef CP_SPOOL_SPOOLFMT_H
#define CP_SPOOL_SPOOLFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SPL_PAGE 4096

/* ---------------------------------------------------------------- a spool page */
#define SPP_NEXT   0    /* be32: next page of the file, 0 = the last */
#define SPP_PREV   8    /* be32: previous page, 0 = the first */
#define SPP_MAGIC  16   /* 4 bytes: "SPLP" in EBCDIC */
#define SPP_SPID   20   /* be16: the file's spoolid */
#define SPP_NREC   22   /* be16: records in this page */
#define SPP_USED   24   /* be16: offset of the ending zero CCW */
#define SPP_SEQ    26   /* be16: page number within the file, from 0 */
#define SPP_DATA   32   /* the first CCW */
#define SPP_RECMAX 2048 /* the longest record CP keeps */

_Static_assert(SPP_DATA % 8 == 0, "CCWs on doublewords");
_Static_assert(SPP_DATA + 16 + SPP_RECMAX + 8 <= SPL_PAGE, "a longest record fits in a page");

/* Make pg an empty page of file spid, sequence seq, after page prev. */
void spp_init(uint8_t *pg, uint16_t spid, uint16_t seq, uint32_t prev);
/* Append a record (op and len bytes of data, len <= SPP_RECMAX); false
 * when the page has no room for it. */
bool spp_add(uint8_t *pg, uint8_t op, const uint8_t *data, uint16_t len);
/* The bytes a record of len takes in a page (CCW, TIC, padded data). */
unsigned spp_recsize(uint16_t len);

struct spp_rec {
    uint8_t op;
    uint16_t len;
    const uint8_t *data; /* in the page */
};
/* The record at *off (start with *off = SPP_DATA); 1 with *off moved on,
 * 0 at the end of the page, -1 when the page is damaged. */
int spp_next_record(const uint8_t *pg, unsigned *off, struct spp_rec *r);
/* Is pg a sound spool page of file spid? 0, or -1 with the reason. */
int spp_check(const uint8_t *pg, uint16_t spid, char *why, size_t whylen);

/* ---------------------------------------------------------------- a spool file */

/* Originating device types (the TYPE column of QUERY) */
enum spf_type { SPT_PRT = 1, SPT_PUN = 2, SPT_CON = 3, SPT_RDR = 4 };
/* The queue a file is on */
enum spf_queue { SPQ_RDR = 1, SPQ_PRT = 2, SPQ_PUN = 3 };
/* Hold (bits) */
#define SPH_USER 0x01
#define SPH_SYS  0x02

#define SPF_TAGMAX  136 /* the tag buffer */
#define SPF_MAXID   9900
#define SPF_COPYMAX 99

struct spf {
    struct spf *next; /* CP's queue: all closed files, in queue order */
    uint16_t spid;
    uint8_t type;  /* enum spf_type */
    uint8_t queue; /* enum spf_queue */
    char cls;      /* A-Z, 0-9 */
    uint8_t copies;
    uint8_t hold;     /* SPH_* */
    uint16_t devtype; /* the originating device: 0x1403, 0x2540, ... */
    char owner[9], origin[9];
    char form[9], dist[9];
    char fn[9], ft[9]; /* NAME fn ft, blank when none */
    char tag[SPF_TAGMAX + 1];
    uint32_t recs;
    uint64_t tod; /* created (TOD clock) */
    uint32_t first, last, pages;
    /* CP's use, not kept in the checkpoint */
    void *reader;  /* the virtual reader (or real device, rdev) that has it open */
    bool rdev;     /* reader is a real printer or punch (spool/rspool.c) */
    bool open_out; /* still being written */
};

#define SPE_LEN     256 /* a file's entry in the checkpoint */
#define SPE_SPID    0   /* be16 */
#define SPE_TYPE    2
#define SPE_QUEUE   3
#define SPE_CLASS   4 /* EBCDIC */
#define SPE_COPIES  5
#define SPE_HOLD    6
#define SPE_TAGLEN  7
#define SPE_OWNER   8 /* 8 EBCDIC, blank padded */
#define SPE_ORIGIN  16
#define SPE_FORM    24
#define SPE_DIST    32
#define SPE_FN      40
#define SPE_FT      48
#define SPE_TOD     56 /* be64 */
#define SPE_RECS    64 /* be32 */
#define SPE_FIRST   68
#define SPE_LAST    72
#define SPE_PAGES   76
#define SPE_DEVTYPE 80 /* be16 */
#define SPE_TAG     96 /* SPF_TAGMAX EBCDIC */
_Static_assert(SPE_TAG + SPF_TAGMAX <= SPE_LEN, "the tag fits in the entry");

void spe_encode(uint8_t *e, const struct spf *f);
/* 0, or -1 with the reason (the entry is not trusted). */
int spe_decode(const uint8_t *e, struct spf *f, char *why, size_t whylen);

/* Names */
const char *spf_type_name(unsigned type); /* "PRT", "PUN", "CON", "RDR" */
const char *spf_hold_name(unsigned hold); /* "NONE", "USER", "SYS ", "USYS" */
bool spf_class_ok(char c);                /* A-Z, 0-9 */

/* A line of QUERY READER|PRINTER|PUNCH (shared/reference/vm370.md
 * 1.4.6): "USER01   0005 A PUN 000003 01  NONE", with `all` also
 * " mm/dd hh:mm:ss fn       ft       dist". month..sec: the local time of
 * creation. The header lines go with it. */
#define SPF_QHDR     "OWNERID  FILE CLASS RECDS  CPY HOLD"
#define SPF_QHDR_ALL "OWNERID  FILE CLASS RECDS  CPY HOLD  DATE  TIME    NAME     TYPE     DIST"
void spf_query_line(char *buf, size_t len, const struct spf *f, bool all, int month, int day,
                    int hour, int min, int sec);

/* ---------------------------------------------------------------- spoolids */

/* The next free spoolid after *cursor (wrapping at SPF_MAXID), marked in
 * use; 0 when all are in use. used has SPF_MAXID + 1 bits. */
#define SPID_MAPLEN ((SPF_MAXID + 8) / 8)
uint16_t spid_take(uint8_t *used, uint16_t *cursor);
void spid_mark(uint8_t *used, uint16_t spid, bool inuse);
bool spid_used(const uint8_t *used, uint16_t spid);

#endif
