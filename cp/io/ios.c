/*
 * ios.c - device discovery and the I/O supervisor (see ios.h).
 *
 * Entry points: ios_init (IPL), ios_start / ios_sync (start a channel
 * program), ios_interrupt (from the dispatcher). The interruption
 * parameter of every subchannel is its subchannel number, which indexes
 * the device table. Hercules drops unsolicited status of a subchannel that
 * is busy or has status pending, so completions are collected promptly and
 * a start that finds status pending (cc 1) takes that status first.
 */
#include <stddef.h>
#include <string.h>
#include "lib/tod.h"
#include "dasd/ckdgeom.h"
#include "io/ios.h"
#include "kern/alloc.h"
#include "kern/work.h"
#include "machine/cpu.h"

#define MAX_SUBCHANNELS 1024

static struct rdevblok *by_sch[MAX_SUBCHANNELS];
static struct rdevblok *devices[MAX_SUBCHANNELS];
static int ndevices;

int rdev_count(void) { return ndevices; }
struct rdevblok *rdev_at(int i) { return i >= 0 && i < ndevices ? devices[i] : NULL; }

struct rdevblok *rdev_by_devno(uint16_t devno)
{
    for (int i = 0; i < ndevices; i++)
        if (devices[i]->devno == devno)
            return devices[i];
    return NULL;
}

bool io_ok(const struct ioblok *io)
{
    return io->cc == 0 && (io->dstat & ~(DEV_CE | DEV_DE)) == 0 && io->sstat == 0 &&
           (io->dstat & DEV_DE);
}

bool io_intreq(const struct ioblok *io)
{
    return io->cc == 3 || ((io->dstat & DEV_UC) && io->senselen && (io->sense[0] & SENSE_INTREQ));
}

/* ---------------------------------------------------------------- starting */

static int start_one(struct rdevblok *rd, struct ioblok *io, struct ccw1 *ccw)
{
    struct orb orb;
    orb_set(&orb, rd->schno, (uint32_t)(uintptr_t)ccw);
    for (int tries = 0; tries < 4; tries++) {
        int cc = ssch(SID(rd->schno), &orb);
        if (cc != 1)
            return cc;
        /* Status pending: an unsolicited interruption got there first.
         * Take it now (it is handled as unsolicited), then start. */
        struct irb irb;
        if (tsch(SID(rd->schno), &irb) == 0 && rd->unsol && irb.scsw[8])
            rd->unsol(rd, irb.scsw[8]);
    }
    (void)io;
    return 2;
}

static void finish(struct rdevblok *rd, struct ioblok *io);

static void start_next(struct rdevblok *rd)
{
    while (!rd->active && rd->qhead) {
        struct ioblok *io = rd->qhead;
        rd->qhead = io->next;
        if (!rd->qhead)
            rd->qtail = NULL;
        io->next = NULL;
        rd->active = io;
        rd->sio_count++;
        io->cc = start_one(rd, io, io->ccw);
        if (io->cc != 0)
            finish(rd, io);
    }
}

void ios_start(struct ioblok *io)
{
    struct rdevblok *rd = io->rdev;
    io->next = NULL;
    io->cc = 0;
    io->dstat = io->sstat = 0;
    io->residual = 0;
    io->senselen = 0;
    io->sensing = false;
    if (rd->qtail)
        rd->qtail->next = io;
    else
        rd->qhead = io;
    rd->qtail = io;
    start_next(rd);
}

static void finish(struct rdevblok *rd, struct ioblok *io)
{
    rd->active = NULL;
    if (io->done)
        io->done(io);
    start_next(rd);
}

/* ---------------------------------------------------------------- endings */

/* Record an ending status; returns true when the operation is over. */
static bool take_status(struct rdevblok *rd, struct ioblok *io, const struct irb *irb)
{
    const uint8_t *s = irb->scsw;
    if (io->sensing) {
        io->senselen = (uint16_t)(sizeof(io->sense) - get_be16(s + 10));
        if (io->senselen > sizeof(io->sense))
            io->senselen = 0;
        io->sensing = false;
        return true;
    }
    if (!(s[3] & SCSW_SC_PRIM)) {
        /* intermediate status: the program goes on; a PCI is told */
        if ((s[9] & SCH_PCI) && io->pci)
            io->pci(io, s);
        return false;
    }
    io->dstat |= s[8];
    io->sstat |= s[9];
    io->residual = get_be16(s + 10);
    memcpy(io->scsw, s, sizeof(io->scsw));
    if ((io->dstat & DEV_UC) && !io->sensing) {
        /* Read the sense bytes before telling the owner. */
        io->sensing = true;
        memset(io->sense, 0, sizeof(io->sense));
        ccw1_set(&io->sense_ccw, CCW_CMD_SENSE, CCW_SLI, sizeof(io->sense),
                 (uint32_t)(uintptr_t)io->sense);
        if (start_one(rd, io, &io->sense_ccw) == 0)
            return false;
        io->sensing = false;
    }
    return true;
}

void ios_interrupt(uint32_t sid)
{
    uint16_t sch = (uint16_t)sid;
    struct irb irb;
    if (tsch(sid, &irb) != 0)
        return;
    struct rdevblok *rd = sch < MAX_SUBCHANNELS ? by_sch[sch] : NULL;
    if (!rd)
        return;
    struct ioblok *io = rd->active;
    bool solicited = (irb.scsw[2] & (SCSW_FC_START | SCSW_FC_HALT | SCSW_FC_CLEAR)) != 0;
    if (io && solicited) {
        if (take_status(rd, io, &irb))
            finish(rd, io);
        return;
    }
    /* Status the device presented by itself. */
    if (irb.scsw[8] && rd->unsol)
        rd->unsol(rd, irb.scsw[8]);
}

int ios_sync(struct ioblok *io, uint64_t timeout_tod)
{
    struct rdevblok *rd = io->rdev;
    io_done_fn saved = io->done;
    bool ended = false;
    io->done = NULL;
    io->cc = 0;
    io->dstat = io->sstat = 0;
    io->senselen = 0;
    io->sensing = false;
    if (rd->active || rd->qhead)
        return -1; /* only for an idle device */
    rd->active = io;
    rd->sio_count++;
    io->cc = start_one(rd, io, io->ccw);
    if (io->cc != 0) {
        rd->active = NULL;
        io->done = saved;
        return 0;
    }
    uint64_t limit = stck() + timeout_tod;
    while (!ended) {
        struct irb irb;
        if (tsch(SID(rd->schno), &irb) == 0) {
            bool solicited = (irb.scsw[2] & (SCSW_FC_START | SCSW_FC_HALT)) != 0;
            if (solicited)
                ended = take_status(rd, io, &irb);
            else if (irb.scsw[8] && rd->unsol)
                rd->unsol(rd, irb.scsw[8]);
        } else if (stck() > limit) {
            csch(SID(rd->schno));
            struct irb drop;
            for (int i = 0; i < 1000 && tsch(SID(rd->schno), &drop) != 0; i++)
                ;
            rd->active = NULL;
            io->done = saved;
            io->cc = 3;
            return -1;
        }
    }
    rd->active = NULL;
    io->done = saved;
    return 0;
}

/* ---------------------------------------------------------------- discovery */

static void classify(struct rdevblok *rd)
{
    switch (rd->devtype) {
    case 0x3277:
    case 0x3278:
    case 0x3279: rd->cls = RDEV_TERM3270; break;
    case 0x3215:
    case 0x1052: rd->cls = RDEV_TERM3215; break;
    case 0x2540:
    case 0x3505:
    case 0x3525:
    case 0x1403:
    case 0x3211:
    case 0x1443:
    case 0x2501: rd->cls = RDEV_UR; break;
    case 0x3420:
    case 0x3480:
    case 0x3490: rd->cls = RDEV_TAPE; break;
    default: rd->geom = ckd_geom_by_type(rd->devtype); rd->cls = rd->geom ? RDEV_DASD : RDEV_OTHER;
    }
}

/* SENSE ID, by polling: tries times, each waiting up to `wait`. */
static void sense_id(struct rdevblok *rd, int tries, uint64_t wait)
{
    static uint8_t id[32] __attribute__((aligned(8)));
    static struct ioblok io;
    static struct ccw1 ccw;
    memset(id, 0, sizeof(id));
    memset(&io, 0, sizeof(io));
    ccw1_set(&ccw, CCW_CMD_SENSE_ID, CCW_SLI, sizeof(id), (uint32_t)(uintptr_t)id);
    io.rdev = rd;
    io.ccw = &ccw;
    int rc = -1;
    for (int n = 0; n < tries; n++) {
        /* status the device had pending (cc 1: a console's attention at
         * IPL, say) is taken and dropped, and the SENSE ID given again */
        rc = ios_sync(&io, wait);
        if (rc == 0 && io.cc == 1) {
            struct irb drop;
            tsch(SID(rd->schno), &drop);
            continue;
        }
        if (rc == 0)
            break;
    }
    if (rc != 0 || io.cc != 0)
        return; /* not there */
    rd->online = true;
    if ((io.dstat & DEV_UC) || id[0] != 0xFF)
        return; /* there, but no SENSE ID (a 3420, say): its type is unknown */
    rd->cutype = get_be16(id + 1);
    rd->cumodel = id[3];
    rd->devtype = get_be16(id + 4);
    rd->devmodel = id[6];
}

bool ios_probe(struct rdevblok *rd)
{
    if (!rd->online && !rd->active && !rd->qhead) {
        /* CP waits meanwhile: once, and briefly */
        sense_id(rd, 1, TOD_SEC(1) / 4);
        classify(rd);
    }
    return rd->online;
}

int ios_init(void)
{
    static struct schib schib;
    for (unsigned sch = 0; sch < MAX_SUBCHANNELS; sch++) {
        int cc = stsch(SID(sch), &schib);
        if (cc == 3)
            break;
        if (cc != 0 || !(schib.pmcw[PMCW_FLAGS] & PMCW_V))
            continue; /* a detached slot */
        struct rdevblok *rd = kmalloc(sizeof(*rd));
        if (!rd)
            break;
        rd->schno = (uint16_t)sch;
        rd->devno = get_be16(schib.pmcw + PMCW_DEVNO);
        /* enable, interruption parameter = subchannel number, ISC 3 */
        put_be32(schib.pmcw + PMCW_INTPARM, sch);
        schib.pmcw[PMCW_ISC] = (uint8_t)((schib.pmcw[PMCW_ISC] & ~0x38) | (CP_ISC << 3));
        schib.pmcw[PMCW_FLAGS] |= PMCW_E;
        if (msch(SID(sch), &schib) != 0) {
            kfree(rd);
            continue;
        }
        by_sch[sch] = rd;
        devices[ndevices++] = rd;
        sense_id(rd, 3, TOD_SEC(2));
        classify(rd);
    }
    return ndevices;
}
