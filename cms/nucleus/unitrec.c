/*
 * unitrec.c - the virtual reader, punch and printer (R6's CARDRD, CARDPH
 * and PRINTR, the nucleus functions of DMSCRD/DMSPNC/DMSPRT): one card
 * or line per call, each a channel program of its own on 00C, 00D or
 * 00E. CP spools the records (docs/spool.md); CLOSE, through CP, ends a
 * file. plist.h has the parameter lists and return codes.
 */
#include <string.h>
#include "cms/lib/plist.h"
#include "cms/nucleus/cms.h"
#include "lib/bytes.h"

#define EB_BLANK 0x40

#define UR_WRITE     0x01 /* punch: write, feed */
#define UR_PRINT_SP1 0x09 /* printer: write, space 1 line after */
#define UR_READ      0x02
#define UR_SENSE     0x04
#define SENSE_INTREQ 0x40 /* intervention required: no file */
#define ST_UC        0x02
#define ST_UX        0x01

static inline uint8_t *at(uint32_t a) { return (uint8_t *)(uintptr_t)a; }

/* The channel program and its data (below 16M, doubleword aligned). */
static struct {
    uint64_t ccw[2];
    uint8_t data[UR_LINE];
    uint8_t sense[8];
} ur __attribute__((aligned(8)));

/* Run one command with the data in ur.data; a unit check is looked at
 * with a sense. Returns the function's return code. */
static int ur_io(unsigned dev, unsigned cmd, unsigned count, bool *eof)
{
    ccw0(ur.ccw, cmd, ur.data, 0x20 /* SLI */, count);
    int st = io_run(dev, ur.ccw, NULL);
    if (st < 0)
        return 3;
    if (st & ST_UC) {
        ccw0(ur.ccw, UR_SENSE, ur.sense, 0x20, 1);
        ur.sense[0] = 0;
        (void)io_run(dev, ur.ccw, NULL);
        return cmd == UR_READ && (ur.sense[0] & SENSE_INTREQ) ? 8 : 100;
    }
    if (st & 0xFF00)
        return 100;
    if (eof)
        *eof = st & ST_UX;
    return 0;
}

/* The buffer and length of a TYPLIN-style plist, checked. */
static int ur_plist(uint32_t pl, uint32_t *buf, uint32_t *len, uint8_t *code)
{
    if (!cms_readable(pl, CONPL_SIZE))
        return 24;
    *buf = get_be32(at(pl + CONPL_ADDR)) & 0xFFFFFF;
    *len = get_be32(at(pl + CONPL_LEN)) & 0xFFFFFF;
    *code = at(pl)[CONPL_CODE];
    return 0;
}

/* An output plist: its data (at most max bytes) copied into ur.data,
 * blank padded to max. */
static int ur_take(uint32_t pl, uint32_t max, uint32_t *len, uint8_t *code)
{
    uint32_t buf;
    int rc = ur_plist(pl, &buf, len, code);
    if (rc)
        return rc;
    if (*len > max || !cms_readable(buf, *len))
        return 2;
    memset(ur.data, EB_BLANK, max);
    memcpy(ur.data, at(buf), *len);
    return 0;
}

int ur_cardph(struct svcrec *s, uint32_t pl)
{
    uint32_t len;
    uint8_t code;
    int rc = ur_take(pl, UR_CARD, &len, &code);
    return rc ? rc : ur_io(UR_PUNCH, UR_WRITE, UR_CARD, NULL);
}

int ur_printr(struct svcrec *s, uint32_t pl)
{
    uint32_t len;
    uint8_t code;
    int rc = ur_take(pl, UR_LINE, &len, &code);
    if (rc)
        return rc;
    unsigned cmd = code ? code : UR_PRINT_SP1;
    /* a write (bits 6-7 01) with data, or an immediate space or skip
     * (bits 6-7 11) without; an empty line is one blank */
    if ((cmd & 3) != 1 && (cmd & 3) != 3)
        return 2;
    return ur_io(UR_PRINTER, cmd, (cmd & 3) == 3 || len == 0 ? 1 : len, NULL);
}

int ur_cardrd(struct svcrec *s, uint32_t pl)
{
    uint32_t buf, size;
    uint8_t code;
    int rc = ur_plist(pl, &buf, &size, &code);
    if (rc)
        return rc;
    if (size == 0 || !cms_writable(buf, size))
        return 2;
    bool eof = false;
    memset(ur.data, EB_BLANK, UR_CARD);
    rc = ur_io(UR_READER, UR_READ, UR_CARD, &eof);
    if (rc)
        return rc;
    if (eof)
        return 12;
    uint32_t n = size < UR_CARD ? size : UR_CARD;
    memcpy(at(buf), ur.data, n);
    s->r[0] = n;
    return 0;
}
