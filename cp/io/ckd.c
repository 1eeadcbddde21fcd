/*
 * ckd.c - CP's own reads of CKD volumes (≈ the CP side of DMKDAS): the
 * labels of cylinder 0 and page records of the system areas.
 *
 * Entry points: ckd_read_record (one record by cylinder, head, record
 * number) and ckd_read_pages (consecutive 4 KB page records of an area).
 * Both build the classic chain (Seek, Search ID Equal with a TIC back to
 * it, Read Data, Read Data Multitrack across the heads of a cylinder) and
 * run it synchronously: CP uses them while it comes up. A unit check other
 * than command reject or intervention required (a data check, say) is
 * retried twice; what still fails is reported on the operator's console
 * (DMKDAS502E with the sense bytes) and the caller gets -1.
 */
#include <string.h>
#include "dasd/ckdgeom.h"
#include "dasd/volfmt.h"
#include "io/ckd.h"
#include "io/ios.h"
#include "kern/log.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "machine/lowcore.h"

#define CCW_SEEK    0x07
#define CCW_SEARCH  0x31
#define CCW_TIC     0x08
#define CCW_READ    0x06
#define CCW_READ_MT 0x86
#define CCW_WRITE   0x05
#define CCW_WRITE_CKD 0x1D

#define MAX_PAGES_PER_IO 32
#define CKD_RETRIES      3    /* tries of a chain that ends with a unit check that may pass */
#define SNS1_NORECORD    0x08 /* sense byte 1: no record found */

static struct {
    struct ccw1 ccw[MAX_PAGES_PER_IO + 4];
    uint8_t seek[8];
    uint8_t search[8];
} chain __attribute__((aligned(8)));

/* The device may be running a channel program of a virtual machine (a
 * minidisk on a CP volume): take I/O interruptions until it is idle. */
static bool wait_idle(struct rdevblok *rd)
{
    uint64_t limit = stck() + TOD_SEC(30);
    while (rd->active || rd->qhead) {
        if (tpi())
            ios_interrupt(lc_get32(LC_SUBCHANNEL_ID));
        else if (stck() > limit)
            return false;
    }
    return true;
}

/* Run the chain; a unit check that may pass (not a command reject, not
 * intervention required) is retried, and the last failure is reported
 * with its sense bytes. Returns the residual count, CKD_NORECORD when the
 * record searched for is not on the track, or -1. */
#define CKD_NORECORD (-2)
static int run(struct rdevblok *rd)
{
    static struct ioblok io;
    for (int attempt = 1;; attempt++) {
        if (!wait_idle(rd)) {
            cp_log("DMKDAS501E DASD %03X NOT RESPONDING", rd->devno);
            return -1;
        }
        memset(&io, 0, sizeof(io));
        io.rdev = rd;
        io.ccw = chain.ccw;
        if (ios_sync(&io, TOD_SEC(10)) != 0 || io.cc != 0) {
            cp_log("DMKDAS501E DASD %03X NOT RESPONDING", rd->devno);
            return -1;
        }
        if (!(io.dstat & (DEV_UC | DEV_UX)) && !(io.sstat & ~SCH_IL))
            return io.residual;
        if ((io.dstat & DEV_UC) && io.senselen && (io.sense[1] & SNS1_NORECORD))
            return CKD_NORECORD; /* not there: an answer, not an error (a label CP looks for) */
        bool permanent = !(io.dstat & DEV_UC) || !io.senselen || (io.sense[0] & 0xC0);
        if (permanent || attempt == CKD_RETRIES) {
            cp_log("DMKDAS502E DASD %03X I/O ERROR; STATUS %02X%02X SENSE %02X%02X%02X%02X; CYL %u "
                   "HEAD %u",
                   rd->devno, io.dstat, io.sstat, io.sense[0], io.sense[1], io.sense[2],
                   io.sense[3], get_be16(chain.seek + 2), get_be16(chain.seek + 4));
            return -1;
        }
    }
}

static void locate(unsigned cyl, unsigned head, unsigned rec)
{
    memset(chain.seek, 0, sizeof(chain.seek));
    put_be16(chain.seek + 2, (uint16_t)cyl);
    put_be16(chain.seek + 4, (uint16_t)head);
    put_be16(chain.search, (uint16_t)cyl);
    put_be16(chain.search + 2, (uint16_t)head);
    chain.search[4] = (uint8_t)rec;
    ccw1_set(&chain.ccw[0], CCW_SEEK, CCW_CC, 6, (uint32_t)(uintptr_t)chain.seek);
    ccw1_set(&chain.ccw[1], CCW_SEARCH, CCW_CC, 5, (uint32_t)(uintptr_t)chain.search);
    ccw1_set(&chain.ccw[2], CCW_TIC, 0, 0, (uint32_t)(uintptr_t)&chain.ccw[1]);
}

int ckd_read_record(struct rdevblok *rd, unsigned cyl, unsigned head, unsigned rec, void *buf,
                    size_t len)
{
    if (len > 0xFFFF)
        return -1;
    locate(cyl, head, rec);
    ccw1_set(&chain.ccw[3], CCW_READ, CCW_SLI, (uint16_t)len, (uint32_t)(uintptr_t)buf);
    int residual = run(rd);
    return residual < 0 ? -1 : (int)len - residual;
}

int ckd_write_pages(struct rdevblok *rd, unsigned first_cyl, unsigned page, unsigned npages,
                    const void *buf)
{
    const uint8_t *src = buf;
    for (unsigned i = 0; i < npages; i++) {
        unsigned cyl, head, rec;
        vol_page_location(rd->geom, first_cyl, page + i, &cyl, &head, &rec);
        locate(cyl, head, rec);
        ccw1_set(&chain.ccw[3], CCW_WRITE, 0, VOLFMT_PAGE,
                 (uint32_t)(uintptr_t)(src + (size_t)i * VOLFMT_PAGE));
        if (run(rd) != 0)
            return -1;
    }
    return 0;
}

/* Write page records rec..rpt of a track that has records 1..rec-1
 * (Search ID Equal on rec-1, or R0, then Write Count, Key and Data).
 * Record `want` gets data, the others zeros. */
static int format_from(struct rdevblok *rd, unsigned cyl, unsigned head, unsigned rec, unsigned rpt,
                       unsigned want, const void *data)
{
    static uint8_t recs[8][8 + VOLFMT_PAGE] __attribute__((aligned(8)));
    locate(cyl, head, rec - 1);
    unsigned n = 0;
    for (unsigned r = rec; r <= rpt && n < 8; r++, n++) {
        uint8_t *c = recs[n];
        put_be16(c, (uint16_t)cyl);
        put_be16(c + 2, (uint16_t)head);
        c[4] = (uint8_t)r;
        c[5] = 0;
        put_be16(c + 6, VOLFMT_PAGE);
        if (r == want)
            memcpy(c + 8, data, VOLFMT_PAGE);
        else
            memset(c + 8, 0, VOLFMT_PAGE);
        ccw1_set(&chain.ccw[3 + n], CCW_WRITE_CKD, CCW_CC, 8 + VOLFMT_PAGE, (uint32_t)(uintptr_t)c);
    }
    chain.ccw[3 + n - 1].b[1] &= (uint8_t)~CCW_CC;
    return run(rd);
}

int ckd_write_page_fmt(struct rdevblok *rd, unsigned first_cyl, unsigned page, const void *buf)
{
    unsigned cyl, head, rec;
    vol_page_location(rd->geom, first_cyl, page, &cyl, &head, &rec);
    locate(cyl, head, rec);
    ccw1_set(&chain.ccw[3], CCW_WRITE, 0, VOLFMT_PAGE, (uint32_t)(uintptr_t)buf);
    int rc = run(rd);
    if (rc != CKD_NORECORD)
        return rc == 0 ? 0 : -1;
    /* the track was never formatted this far: find its last record and
     * write the page records from there (what follows the last record is
     * nothing, so nothing in use is lost) */
    unsigned rpt = ckd_recs_per_track(rd->geom, 0, VOLFMT_PAGE);
    for (unsigned r = rec; r >= 1; r--) {
        rc = format_from(rd, cyl, head, r, rpt, rec, buf);
        if (rc != CKD_NORECORD)
            return rc == 0 ? 0 : -1;
    }
    return -1;
}

int ckd_read_pages(struct rdevblok *rd, unsigned first_cyl, unsigned page, unsigned npages,
                   void *buf)
{
    const struct ckd_geom *g = rd->geom;
    uint8_t *dest = buf;
    unsigned per_cyl = vol_pages_per_cyl(g);
    while (npages > 0) {
        /* one channel program: from `page` to the end of its cylinder */
        unsigned cyl, head, rec;
        vol_page_location(g, first_cyl, page, &cyl, &head, &rec);
        unsigned left_in_cyl = per_cyl - page % per_cyl;
        unsigned n = npages < left_in_cyl ? npages : left_in_cyl;
        if (n > MAX_PAGES_PER_IO)
            n = MAX_PAGES_PER_IO;
        locate(cyl, head, rec);
        for (unsigned i = 0; i < n; i++)
            ccw1_set(&chain.ccw[3 + i], i ? CCW_READ_MT : CCW_READ, CCW_CC | CCW_SLI, VOLFMT_PAGE,
                     (uint32_t)(uintptr_t)(dest + (size_t)i * VOLFMT_PAGE));
        chain.ccw[3 + n - 1].b[1] &= (uint8_t)~CCW_CC;
        if (run(rd) != 0)
            return -1;
        page += n;
        npages -= n;
        dest += (size_t)n * VOLFMT_PAGE;
    }
    return 0;
}
