/*
 * rspool.c - real spooling devices (≈ DMKRSP, with the operator's
 * START, DRAIN and FLUSH of DMKCSO): the real printers and punches print
 * and punch the closed files of the printer and punch queues, and the
 * real card readers turn decks with an ID card into reader files.
 *
 * Entry points: rspool_init (IPL, from spool_init), cmd_start,
 * cmd_drain, cmd_flush (class D commands), rspool_query (QUERY raddr).
 *
 * A printer or punch is idle until the operator STARTs it. Then it takes
 * the first file of its queue (printer queue for a printer, punch queue
 * for a punch) that is not held, not being written or read, and of one
 * of the device's classes; writes a separator (printer: a new page and a
 * few lines naming the file, then a new page; punch: four separator
 * cards, column 1 X'FF'), the file's records `copies` times, and purges
 * the file. Then the next, until the queue is empty (a timer looks again
 * every second) or the device is DRAINed. While a file is being written
 * CP owns the device (ATTACH finds it in use); between files a started
 * device may be attached to a user, and is then passed over.
 *
 * The real readers are started at IPL. When a reader that is not
 * attached to a user presents device end (Hercules devinit loaded a
 * deck), CP reads the deck to its end (unit exception, or intervention
 * required): the first card must be `ID userid [CLASS c] [NAME fn [ft]]`
 * (EBCDIC, free format in columns 1-80); the other cards become a reader
 * file of userid (type RDR) as if punched to it. A deck without a valid ID
 * card is read to its end and discarded, and the operator is told.
 *
 * All I/O is asynchronous: a channel program of up to BATCH records (or
 * one card read) is started with ios_start, and its ending queues the
 * device's work, which runs the next step from the dispatcher.
 *
 * The message numbers DMKRSP90nx and DMKCSO9nnx are ours (unverified).
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "console/ebcdic.h"
#include "io/ios.h"
#include "kern/alloc.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "kern/timer.h"
#include "kern/work.h"
#include "lib/bytes.h"
#include "lib/tod.h"
#include "spool/idcard.h"
#include "spool/spool.h"
#include "vdev/vded.h"
#include "vdev/vur.h"
#include "vm/vmblok.h"
#include "vm/userdir.h"
#include "dir/dir.h"

#define MAXRDEV   8
#define BATCH     16
#define LINEMAX   150
#define SEPLINES  12
#define PRT_WRITE 0x09 /* write, space 1 after */
#define PRT_SKIP1 0x8B /* skip to channel 1 immediately */
#define PUN_WRITE 0x01
#define RDR_READ  0x02

enum rkind { RK_PRT, RK_PUN, RK_RDR };

struct rsdev {
    struct rdevblok *rd;
    enum rkind kind;
    bool started, draining, flush, busy, claimed;
    char classes[5]; /* "" = any class */
    struct work w;
    struct ioblok io;
    struct ccw1 *ccw; /* BATCH CCWs */
    uint8_t *data;    /* BATCH * LINEMAX bytes */
    unsigned nccw;
    /* printer, punch: the file being written */
    struct spf *cur;
    struct spin in;
    unsigned copy;
    uint8_t sep[SEPLINES][LINEMAX];
    uint8_t sepop[SEPLINES];
    uint16_t seplen[SEPLINES];
    unsigned nsep, sepnext;
    /* reader: the deck being read */
    bool reading;
    unsigned cards;
    int state; /* 0: no ID card yet, 1: to a user, 2: discarding */
    struct spout out;
    char userid[9], fn[9], ft[9];
    char cls;
};

static struct rsdev *devs[MAXRDEV];
static int ndevs;
static struct timer tick;

static const char *kname(const struct rsdev *d)
{
    return d->kind == RK_PRT ? "PRT" : d->kind == RK_PUN ? "PUN" : "RDR";
}

static struct rsdev *find_dev(uint16_t devno)
{
    for (int i = 0; i < ndevs; i++)
        if (devs[i]->rd->devno == devno)
            return devs[i];
    return NULL;
}

static void claim(struct rsdev *d);
static void unclaim(struct rsdev *d);

/* ---------------------------------------------------------------- printer and punch */

static bool class_ok(const struct rsdev *d, char c)
{
    return !d->classes[0] || strchr(d->classes, c) != NULL;
}

static struct spf *next_file(struct rsdev *d)
{
    uint8_t q = d->kind == RK_PRT ? SPQ_PRT : SPQ_PUN;
    for (struct spf *f = spool_first(); f; f = f->next)
        if (f->queue == q && !f->hold && !f->reader && !f->open_out && class_ok(d, f->cls))
            return f;
    return NULL;
}

static void add_sep(struct rsdev *d, uint8_t op, const char *text)
{
    if (d->nsep >= SEPLINES)
        return;
    unsigned i = d->nsep++;
    uint16_t width = d->kind == RK_PUN ? 80 : (uint16_t)strlen(text);
    if (width > LINEMAX)
        width = LINEMAX;
    memset(d->sep[i], 0x40, LINEMAX);
    size_t n = strlen(text) < width ? strlen(text) : width;
    a2e(d->sep[i], text, n);
    d->sepop[i] = op;
    d->seplen[i] = width;
}

/* The separator of file f: lines for a printer, four cards for a punch. */
static void make_separator(struct rsdev *d, const struct spf *f)
{
    struct datetime dt;
    char date[12], time[12], line[LINEMAX + 1];
    cp_localtime(f->tod, &dt);
    fmt_mdy(date, sizeof(date), &dt);
    fmt_hms(time, sizeof(time), &dt);
    d->nsep = d->sepnext = 0;
    if (d->kind == RK_PUN) {
        for (int k = 1; k <= 4; k++) {
            snprintf(line, sizeof(line),
                     " SEPARATOR %d/4 SPOOLID %04u USERID %-8s NAME %-8s %-8s DIST %-8s", k,
                     f->spid, f->owner, f->fn[0] ? f->fn : "-", f->ft, f->dist);
            add_sep(d, PUN_WRITE, line);
            d->sep[d->nsep - 1][0] = 0xFF; /* column 1: X'FF' marks a separator card */
        }
        return;
    }
    add_sep(d, PRT_SKIP1, "");
    d->seplen[d->nsep - 1] = 0;
    static const char *stars = "****************************************";
    add_sep(d, PRT_WRITE, stars);
    snprintf(line, sizeof(line), "*  USERID   %-8s  SPOOLID %04u  CLASS %c", f->owner, f->spid,
             f->cls);
    add_sep(d, PRT_WRITE, line);
    snprintf(line, sizeof(line), "*  NAME     %-8s %-8s  RECORDS %06u  COPIES %02u",
             f->fn[0] ? f->fn : "", f->ft, f->recs, f->copies);
    add_sep(d, PRT_WRITE, line);
    snprintf(line, sizeof(line), "*  DIST     %-8s  ORIGIN %-8s", f->dist, f->origin);
    add_sep(d, PRT_WRITE, line);
    snprintf(line, sizeof(line), "*  CREATED  %s %s", date, time);
    add_sep(d, PRT_WRITE, line);
    add_sep(d, PRT_WRITE, stars);
    add_sep(d, PRT_SKIP1, "");
    d->seplen[d->nsep - 1] = 0;
}

/* Put a record into the batch. */
static void batch_add(struct rsdev *d, uint8_t op, const uint8_t *data, uint16_t len)
{
    unsigned i = d->nccw++;
    uint8_t *buf = d->data + i * LINEMAX;
    uint16_t width = d->kind == RK_PUN ? 80 : (d->rd->devtype == 0x3211 ? 150 : 132);
    if (d->kind == RK_PUN) {
        op = PUN_WRITE;
        memset(buf, 0x40, 80);
        memcpy(buf, data, len < 80 ? len : 80);
        len = 80;
    } else {
        if (len > width)
            len = width;
        memcpy(buf, data, len);
        if (len == 0)
            buf[0] = 0x40; /* a control command: one byte, ignored */
    }
    ccw1_set(&d->ccw[i], op, CCW_SLI | CCW_CC, len ? len : 1, (uint32_t)(uintptr_t)buf);
}

static void out_done(struct ioblok *io)
{
    struct rsdev *d = io->ctx;
    d->busy = false;
    work_queue(&d->w);
}

/* Start the d->nccw CCWs of d->ccw (the last one's chaining is taken off);
 * the ending queues the device's work. */
static void start_batch(struct rsdev *d)
{
    d->ccw[d->nccw - 1].b[1] &= (uint8_t)~CCW_CC;
    d->io.rdev = d->rd;
    d->io.ccw = d->ccw;
    d->io.done = out_done;
    d->io.ctx = d;
    d->busy = true;
    ios_start(&d->io);
}

static void file_finished(struct rsdev *d, bool purge)
{
    struct spf *f = d->cur;
    uint16_t spid = f->spid;
    char owner[9];
    snprintf(owner, sizeof(owner), "%s", f->owner);
    spool_in_release(&d->in, false);
    f->rdev = false;
    d->cur = NULL;
    uint8_t q = d->kind == RK_PRT ? SPQ_PRT : SPQ_PUN;
    if (purge && f->queue == q) { /* (a TRANSFER meanwhile keeps it) */
        spool_purge(&f, 1);
        cp_opmsg("DMKRSP901I %s %03X FILE %04u %s DONE", kname(d), d->rd->devno, spid, owner);
    }
}

static void out_step(struct rsdev *d)
{
    if (d->busy)
        return;
    if (d->nccw) {
        /* the batch that ended */
        struct ioblok *io = &d->io;
        bool ok = io_ok(io);
        if (!ok && d->kind == RK_PRT && io->cc == 0 && !io->sstat && (io->dstat & DEV_UX) &&
            !(io->dstat & DEV_UC) && (io->dstat & DEV_DE)) {
            /* unit exception alone: a printer passed channel 9 or 12. Not an
             * error; the rest of the batch goes on after that CCW */
            uint32_t at = get_be32(io->scsw + 4) - (uint32_t)(uintptr_t)d->ccw;
            unsigned next = at / sizeof(struct ccw1);
            if (next > 0 && next < d->nccw) {
                io->ccw = &d->ccw[next];
                d->busy = true;
                ios_start(io);
                return;
            }
            ok = true;
        }
        d->nccw = 0;
        if (!ok) {
            if (d->cur) {
                uint16_t spid = d->cur->spid;
                file_finished(d, false);
                cp_opmsg("DMKRSP902E %s %03X %s; FILE %04u KEPT, DEVICE DRAINED", kname(d),
                         d->rd->devno, io_intreq(&d->io) ? "INTERVENTION REQUIRED" : "I/O ERROR",
                         spid);
            }
            d->started = false;
            d->draining = false;
            unclaim(d);
            return;
        }
    }
    for (;;) {
        if (d->cur && d->flush) {
            struct spf *f = d->cur;
            file_finished(d, false);
            f->hold |= SPH_USER;
            spool_commit();
            cp_opmsg("DMKRSP903I %s %03X FILE %04u FLUSHED; HELD", kname(d), d->rd->devno, f->spid);
        }
        d->flush = false;
        if (!d->cur) {
            struct spf *f = d->started && !d->draining ? next_file(d) : NULL;
            struct vmblok *vm = NULL;
            uint16_t va;
            if (f && !d->claimed) {
                vm = vded_owner(d->rd, &va);
                if (vm || d->rd->owner || d->rd->active)
                    f = NULL; /* attached to a user: passed over */
            }
            if (!f) {
                unclaim(d);
                if (d->draining) {
                    d->draining = false;
                    d->started = false;
                    cp_opmsg("DMKRSP904I %s %03X DRAINED", kname(d), d->rd->devno);
                }
                return;
            }
            claim(d);
            if (spool_in_open(&d->in, f, d) != 0) {
                unclaim(d);
                return;
            }
            f->rdev = true;
            d->cur = f;
            d->copy = 1;
            make_separator(d, f);
        }
        /* fill a batch */
        while (d->nccw < BATCH && d->sepnext < d->nsep) {
            unsigned k = d->sepnext++;
            batch_add(d, d->sepop[k], d->sep[k], d->seplen[k]);
        }
        bool end = false;
        while (d->nccw < BATCH) {
            struct spp_rec r;
            int rc = spool_in_next(&d->in, &r);
            if (rc == 1) {
                batch_add(d, r.op, r.data, r.len);
                continue;
            }
            if (rc < 0) {
                /* unreadable: DMKRSP911E was given; the file is held */
                struct spf *f = d->cur;
                file_finished(d, false);
                f->hold |= SPH_SYS;
                spool_commit();
                d->nccw = 0;
                break;
            }
            if (d->copy < d->cur->copies) { /* the next copy */
                struct spf *f = d->cur;
                spool_in_release(&d->in, false);
                d->copy++;
                if (spool_in_open(&d->in, f, d) == 0)
                    continue;
            }
            end = true;
            break;
        }
        if (d->nccw) {
            /* after the file's last batch has ended well, the next step
             * finds the end again and purges the file */
            start_batch(d);
            return;
        }
        if (end && d->cur)
            file_finished(d, true);
    }
}

/* A file this device has open was purged (PURGE by its owner). */
static void rdev_lost(void *dev)
{
    struct rsdev *d = dev;
    if (!d || !d->cur)
        return;
    d->in.f = NULL;
    spool_in_release(&d->in, false);
    d->cur = NULL;
    d->nsep = d->sepnext = 0;
}

/* ---------------------------------------------------------------- reader */

static void rdr_unsol(struct rdevblok *rd, uint8_t dstat)
{
    struct rsdev *d = find_dev(rd->devno);
    if (d && d->started && (dstat & DEV_DE))
        work_queue(&d->w);
}

static void rdr_start_read(struct rsdev *d)
{
    memset(d->data, 0x40, 80);
    ccw1_set(&d->ccw[0], RDR_READ, CCW_SLI | CCW_CC, 80, (uint32_t)(uintptr_t)d->data);
    d->nccw = 1;
    start_batch(d);
}

/* The ID card: its form (idcard.c), and a userid of the directory. */
static bool parse_id(struct rsdev *d, const uint8_t *card, char *why, size_t whylen)
{
    struct idcard id;
    if (idcard_parse(card, &id, why, whylen) != 0)
        return false;
    uint32_t idx;
    const struct dir_image *dir = userdir();
    if (!dir || !dir_find_user(dir, id.userid, &idx)) {
        snprintf(why, whylen, "USERID %s NOT IN DIRECTORY", id.userid);
        return false;
    }
    snprintf(d->userid, sizeof(d->userid), "%s", id.userid);
    snprintf(d->fn, sizeof(d->fn), "%s", id.fn);
    snprintf(d->ft, sizeof(d->ft), "%s", id.ft);
    d->cls = id.cls;
    return true;
}

/* The end of a deck. */
static void rdr_deck_end(struct rsdev *d)
{
    d->reading = false;
    unclaim(d);
    if (d->state == 1 && d->out.f && d->out.f->recs == 0) {
        spool_out_discard(&d->out);
        cp_opmsg("DMKRSP907E RDR %03X NO CARDS AFTER THE ID CARD; DECK DISCARDED", d->rd->devno);
    } else if (d->state == 1 && d->out.f) {
        struct spf *f = d->out.f;
        f->queue = SPQ_RDR;
        f->cls = d->cls;
        snprintf(f->fn, sizeof(f->fn), "%s", d->fn);
        snprintf(f->ft, sizeof(f->ft), "%s", d->ft);
        struct spf *done = NULL;
        spool_out_close(&d->out, &done);
        if (!done) {
            cp_opmsg("DMKRSP905E RDR %03X DECK FOR %s LOST; SPOOL I/O ERROR", d->rd->devno,
                     d->userid);
        } else {
            cp_opmsg("DMKRSP906I RDR %03X FILE %04u TO %s CARDS %06u", d->rd->devno, done->spid,
                     d->userid, done->recs);
            vur_file_arrived(done, "SYSTEM");
        }
    }
    d->state = 0;
    d->cards = 0;
}

static void rdr_card(struct rsdev *d, const uint8_t *card)
{
    d->cards++;
    if (d->state == 0) {
        char why[64];
        if (!parse_id(d, card, why, sizeof(why))) {
            cp_opmsg("DMKRSP907E RDR %03X %s; DECK DISCARDED", d->rd->devno, why);
            d->state = 2;
            return;
        }
        int rc =
            spool_out_open(&d->out, d->userid, SPT_RDR, d->rd->devtype ? d->rd->devtype : 0x3505);
        if (rc != 0) {
            cp_opmsg("DMKRSP908E RDR %03X DECK FOR %s DISCARDED; %s", d->rd->devno, d->userid,
                     rc == SPE_FULL    ? "SYSTEM SPOOL SPACE FULL"
                     : rc == SPE_LIMIT ? "TOO MANY SPOOL FILES"
                                       : "SPOOL ERROR");
            d->state = 2;
            return;
        }
        d->state = 1;
        return;
    }
    if (d->state == 1) {
        int rc = spool_out_put(&d->out, PUN_WRITE, card, 80);
        if (rc != 0) {
            spool_out_discard(&d->out);
            cp_opmsg("DMKRSP908E RDR %03X DECK FOR %s DISCARDED; SYSTEM SPOOL SPACE FULL",
                     d->rd->devno, d->userid);
            d->state = 2;
        }
    }
}

static void rdr_step(struct rsdev *d)
{
    if (d->busy)
        return;
    if (d->nccw) {
        d->nccw = 0;
        struct ioblok *io = &d->io;
        bool got =
            io->cc == 0 && !(io->dstat & (DEV_UC | DEV_UX)) && (io->dstat & DEV_DE) && !io->sstat;
        if (got) {
            claim(d);
            d->reading = true;
            rdr_card(d, d->data);
        } else {
            /* unit exception (end of the deck), intervention required (empty
             * hopper) or an error: the deck, if any, has ended */
            if (io->cc == 0 && (io->dstat & DEV_UC) && !io_intreq(io))
                cp_opmsg("DMKRSP909E RDR %03X I/O ERROR; DECK ENDED", d->rd->devno);
            if (d->reading || d->state)
                rdr_deck_end(d);
            unclaim(d);
            return;
        }
    }
    if (!d->started && !d->reading)
        return;
    if (!d->claimed && (d->rd->owner || d->rd->active))
        return; /* attached to a user */
    rdr_start_read(d);
}

/* ---------------------------------------------------------------- common */

static void claim(struct rsdev *d)
{
    if (d->claimed)
        return;
    d->rd->owner = d;
    d->rd->unsol = d->kind == RK_RDR ? rdr_unsol : NULL;
    d->claimed = true;
}

static void unclaim(struct rsdev *d)
{
    if (!d->claimed)
        return;
    d->rd->owner = NULL;
    d->claimed = false;
    d->rd->unsol = d->kind == RK_RDR && d->started ? rdr_unsol : NULL;
}

static void step(struct work *w)
{
    struct rsdev *d = w->arg;
    if (d->kind == RK_RDR)
        rdr_step(d);
    else
        out_step(d);
}

static void ticked(struct timer *t)
{
    for (int i = 0; i < ndevs; i++) {
        struct rsdev *d = devs[i];
        if (d->kind == RK_RDR) {
            /* after a DETACH the reader is CP's again; a deck loaded
             * meanwhile (its device end went nowhere), or cards the user
             * left, are read now */
            if (d->started && !d->rd->owner && !d->rd->unsol && !d->rd->active) {
                d->rd->unsol = rdr_unsol;
                work_queue(&d->w);
            }
        } else if (d->started && !d->busy && !d->cur) {
            work_queue(&d->w);
        }
    }
    timer_set_in(t, TOD_SEC(1));
}

void rspool_init(void)
{
    spool_rdev_lost = rdev_lost;
    for (int i = 0; i < rdev_count() && ndevs < MAXRDEV; i++) {
        struct rdevblok *rd = rdev_at(i);
        if (rd->cls != RDEV_UR || !rd->online)
            continue;
        enum rkind k;
        switch (rd->devtype) {
        case 0x1403:
        case 0x3211:
        case 0x1443: k = RK_PRT; break;
        case 0x3525: k = RK_PUN; break;
        case 0x3505:
        case 0x2501: k = RK_RDR; break;
        default: continue; /* a 2540 is reader and punch at one address: not used */
        }
        struct rsdev *d = kmalloc(sizeof(*d));
        struct ccw1 *ccw = kmalloc(sizeof(struct ccw1) * BATCH);
        uint8_t *data = kmalloc(BATCH * LINEMAX);
        if (!d || !ccw || !data) {
            kfree(d);
            kfree(ccw);
            kfree(data);
            break;
        }
        memset(d, 0, sizeof(*d));
        d->rd = rd;
        d->kind = k;
        d->ccw = ccw;
        d->data = data;
        work_init(&d->w, step, d);
        if (k == RK_RDR) {
            d->started = true;
            if (!rd->owner && !rd->unsol)
                rd->unsol = rdr_unsol;
        }
        devs[ndevs++] = d;
    }
    timer_init(&tick, ticked, NULL);
    timer_set_in(&tick, TOD_SEC(1));
}

/* ---------------------------------------------------------------- commands */

static struct rsdev *cmd_dev(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    uint32_t devno;
    if (!scan_token_upper(s, tok, sizeof(tok)) || strlen(tok) > 4 || !parse_hex32(tok, &devno)) {
        cmd_emsg(c, "DMKCSO022E", "ADDRESS MISSING OR INVALID");
        return NULL;
    }
    struct rsdev *d = find_dev((uint16_t)devno);
    if (!d) {
        if (rdev_by_devno((uint16_t)devno))
            cmd_emsg(c, "DMKCSO047E", "DEV %03X NOT A SPOOLING DEVICE", devno);
        else
            cmd_emsg(c, "DMKCSO040E", "DEV %03X DOES NOT EXIST", devno);
        return NULL;
    }
    return d;
}

/* The device of a command that takes nothing after it (DRAIN, FLUSH). */
static struct rsdev *cmd_dev_alone(struct cmdctx *c, struct scan *s)
{
    struct rsdev *d = cmd_dev(c, s);
    if (d && !scan_at_end(s)) {
        cmd_err_operand(c, "CSO");
        return NULL;
    }
    return d;
}

/* START raddr [CLASS c1..c4 | CLASS *] */
void cmd_start(struct cmdctx *c, struct scan *s)
{
    struct rsdev *d = cmd_dev(c, s);
    if (!d)
        return;
    char tok[16], classes[5] = "";
    bool set_cls = false;
    while (scan_token_upper(s, tok, sizeof(tok))) {
        if (abbrev(tok, "CLASS", 2) && d->kind != RK_RDR) {
            if (!scan_token_upper(s, tok, sizeof(tok))) {
                cmd_err_operand(c, "CSO");
                return;
            }
            if (strcmp(tok, "*") == 0) {
                classes[0] = 0;
            } else {
                size_t n = strlen(tok);
                if (n > 4) {
                    cmd_err_operand(c, "CSO");
                    return;
                }
                for (size_t i = 0; i < n; i++)
                    if (!spf_class_ok(tok[i])) {
                        cmd_err_operand(c, "CSO");
                        return;
                    }
                snprintf(classes, sizeof(classes), "%s", tok);
            }
            set_cls = true;
        } else {
            cmd_err_option(c, "CSO", tok);
            return;
        }
    }
    uint16_t va;
    struct vmblok *vm = d->claimed ? NULL : vded_owner(d->rd, &va);
    if (vm) {
        cmd_emsg(c, "DMKCSO121E", "DEV %03X ATTACHED TO %s", d->rd->devno, vm->userid);
        return;
    }
    if (set_cls)
        snprintf(d->classes, sizeof(d->classes), "%s", classes);
    d->started = true;
    d->draining = false;
    if (d->kind == RK_RDR) {
        if (!d->rd->owner && !d->rd->unsol)
            d->rd->unsol = rdr_unsol;
        cmd_printf(c, "RDR %03X STARTED", d->rd->devno);
    } else {
        cmd_printf(c, "%s %03X STARTED CLASS %s", kname(d), d->rd->devno,
                   d->classes[0] ? d->classes : "*");
    }
    /* the first file starts now: a FLUSH or DRAIN on the same input line
     * (START 00E#FLUSH 00E) finds it active */
    step(&d->w);
}

/* DRAIN raddr: stop after the current file (a reader: after the deck). */
void cmd_drain(struct cmdctx *c, struct scan *s)
{
    struct rsdev *d = cmd_dev_alone(c, s);
    if (!d)
        return;
    if (!d->started) {
        cmd_printf(c, "%s %03X DRAINED", kname(d), d->rd->devno);
        return;
    }
    if (d->kind == RK_RDR) {
        d->started = false;
        if (!d->claimed && d->rd->unsol == rdr_unsol)
            d->rd->unsol = NULL;
        cmd_printf(c, "RDR %03X DRAINED", d->rd->devno);
        return;
    }
    if (!d->cur && !d->busy) {
        d->started = false;
        cmd_printf(c, "%s %03X DRAINED", kname(d), d->rd->devno);
        return;
    }
    d->draining = true;
    cmd_printf(c, "%s %03X DRAINING", kname(d), d->rd->devno);
}

/* FLUSH raddr: stop the current file now; it stays in the queue in user
 * hold (CHANGE ... NOHOLD releases it); the device goes on with the next. */
void cmd_flush(struct cmdctx *c, struct scan *s)
{
    struct rsdev *d = cmd_dev_alone(c, s);
    if (!d)
        return;
    if (d->kind == RK_RDR || !d->cur) {
        cmd_emsg(c, "DMKCSO140E", "%s %03X NO FILE ACTIVE", kname(d), d->rd->devno);
        return;
    }
    d->flush = true;
    work_queue(&d->w);
}

/* QUERY raddr (class B or D) of a real printer, punch or reader: its state.
 * False when tok names none (the caller goes on: QUERY userid). */
bool rspool_query(struct cmdctx *c, const char *tok)
{
    uint32_t devno;
    if (strlen(tok) < 3 || strlen(tok) > 4 || !parse_hex32(tok, &devno))
        return false;
    struct rsdev *d = find_dev((uint16_t)devno);
    if (!d || !cmd_has_class(c, CLASS_B | CLASS_D))
        return false;
    uint16_t va;
    struct vmblok *vm = d->claimed ? NULL : vded_owner(d->rd, &va);
    if (vm) {
        cmd_printf(c, "%s %03X ATTACHED TO %-8s %03X", kname(d), d->rd->devno, vm->userid, va);
        return true;
    }
    const char *state = !d->started ? "DRAINED" : d->draining ? "DRAINING" : "STARTED";
    if (d->kind == RK_RDR) {
        if (d->reading && d->state == 1)
            cmd_printf(c, "RDR %03X %s READING FOR %s", d->rd->devno, state, d->userid);
        else
            cmd_printf(c, "RDR %03X %s", d->rd->devno, state);
        return true;
    }
    if (d->cur)
        cmd_printf(c, "%s %03X %s CLASS %s FILE %04u %s", kname(d), d->rd->devno, state,
                   d->classes[0] ? d->classes : "*", d->cur->spid, d->cur->owner);
    else
        cmd_printf(c, "%s %03X %s CLASS %s", kname(d), d->rd->devno, state,
                   d->classes[0] ? d->classes : "*");
    return true;
}
