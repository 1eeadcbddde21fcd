/*
 * ccwtrans.c - channel-program translation (see ccwtrans.h; ≈ DMKCCW for
 * the way in, DMKUNT for the way back).
 *
 * Entry points: ccw_translate walks a guest's format-0 channel program
 * (from the CAW address, following chaining and TICs) and builds the real
 * format-1 program with format-1 IDAWs; ccw_csw_from_scsw and ccw_at_stop
 * read the real ending status back in the guest's terms. Follows
 * System/370 Principles of Operation, "Input/Output Operations" (CCW,
 * chaining, IDAWs, program and protection checks; s370.md 9) and the
 * z/Architecture format-1 CCW and IDAW rules the real channel applies
 * (hercules.md 3.2).
 *
 * The walk is linear: each guest CCW becomes the next real CCW, a TIC
 * becomes a real TIC to the real copy of its target, and the target is
 * translated right after the TIC unless it already was. Status modifier
 * makes a channel skip one CCW, so a search loop ("search; TIC *-8; read")
 * needs the CCW after the TIC translated right after the real TIC: when a
 * TIC goes back to a CCW already translated and the CCW before the TIC
 * was command-chained, the walk goes on after the TIC. (A TIC forward to a
 * new target is followed at once; status modifier on the CCW before such
 * a TIC is not supported.)
 *
 * Wherever the walk stops, the slot after the last real CCW holds the
 * stop CCW, which the real channel rejects with a program check, so the
 * program as built can be started as it is.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hw/s370.h"
#include "io/ccwtrans.h"
#include "lib/bytes.h"

#define BLK        2048u /* IDAW block */
#define BLKMASK    (BLK - 1)
#define HOST_LIMIT 0x80000000u /* format-1 CCWs and IDAWs address 31 bits */
#define NRANGES    16          /* storage ranges the program stores into */
#define MAXPEND    34          /* 2K blocks one CCW can touch (64K - 1 bytes) */

/* A storage key as key() gives it: ISK's layout, ACC in bits 0-3 */
#define SKEY_ACC(k) ((uint8_t)((k) >> 4))
#define SKEY_F      0x08

#define REAL_TIC 0x08 /* format-1 TIC: flags and count must be 0 */
#define STOP_CMD 0x00 /* invalid command, count 0: a program check in any position */

#define CCW_KEEP (CCW_CD | CCW_CC | CCW_SLI | CCW_SKIP | CCW_PCI)

/* How one step of the walk ended */
enum xres { X_OK, X_PROG, X_PROT, X_RESUME, X_NOSPACE, X_DEV };

struct range {
    uint32_t lo, hi; /* [lo, hi) */
};

struct xl {
    const struct gmem *g;
    struct ccwprog *p;
    uint8_t key;    /* CAW key, 0-15 */
    unsigned limit; /* real CCWs the program may use: the last slot is for the stop CCW */
    /* guest storage that translated CCWs store into */
    struct range w[NRANGES];
    unsigned nw;
    /* the same for the CCW being translated, added once it is complete */
    struct range pend[MAXPEND];
    unsigned npend;
};

/* ---------------------------------------------------------------- guest storage */

static bool in_storage(const struct gmem *g, uint32_t a, uint32_t len)
{
    return len <= g->size && a <= g->size - len;
}

/* Fetch protection: key 0 or a matching ACC, or the block's F bit off */
static bool may_fetch(const struct xl *x, uint32_t a)
{
    if (x->key == 0 || !x->g->key)
        return true;
    uint8_t k = x->g->key(x->g->ctx, a);
    return !(k & SKEY_F) || SKEY_ACC(k) == x->key;
}

/* Store protection: key 0 or a matching ACC */
static bool may_store(const struct xl *x, uint32_t a)
{
    if (x->key == 0 || !x->g->key)
        return true;
    return SKEY_ACC(x->g->key(x->g->ctx, a)) == x->key;
}

/* The host address a real IDAW gives for guest byte a. Program check
 * when the byte has none, when it lies at or above 2G (a format-1 IDAW
 * cannot reach it) or when its 2K block is not one aligned host block
 * (the IDAWs after the first would be rejected). */
static enum xres host(const struct xl *x, uint32_t a, uint32_t *h)
{
    uint64_t ha;
    if (x->g->host_addr(x->g->ctx, a, &ha) != 0 || ha >= HOST_LIMIT ||
        (ha & BLKMASK) != (a & BLKMASK))
        return X_PROG;
    *h = (uint32_t)ha;
    return X_OK;
}

/* ---------------------------------------------------------------- storage the program stores into */

static bool overlaps(const struct xl *x, uint32_t a, uint32_t len)
{
    for (unsigned i = 0; i < x->nw; i++)
        if (a < x->w[i].hi && a + len > x->w[i].lo)
            return true;
    return false;
}

static uint32_t gap(const struct range *r, uint32_t lo, uint32_t hi)
{
    if (hi < r->lo)
        return r->lo - hi;
    if (lo > r->hi)
        return lo - r->hi;
    return 0;
}

/* Add [lo, hi) to the ranges, merging what touches it. A full table
 * merges it with its nearest range: a range may then grow over storage
 * nobody stores into, which only makes a translation stop sooner. */
static void note_store(struct xl *x, uint32_t lo, uint32_t hi)
{
    for (;;) {
        unsigned best = 0;
        uint32_t best_gap = UINT32_MAX;
        for (unsigned i = 0; i < x->nw; i++) {
            uint32_t d = gap(&x->w[i], lo, hi);
            if (d < best_gap) {
                best = i;
                best_gap = d;
            }
        }
        if (best_gap != 0 && x->nw < NRANGES)
            break;
        /* take range best out of the table and into [lo, hi) */
        if (x->w[best].lo < lo)
            lo = x->w[best].lo;
        if (x->w[best].hi > hi)
            hi = x->w[best].hi;
        x->w[best] = x->w[--x->nw];
    }
    x->w[x->nw].lo = lo;
    x->w[x->nw].hi = hi;
    x->nw++;
}

/* ---------------------------------------------------------------- data areas */

/* Data direction of a command (for a data-chained CCW: of the chain) */
enum dir { D_OUT, D_IN, D_BACK };

static enum dir direction(uint8_t cmd)
{
    if (ccw_is_readback(cmd))
        return D_BACK;
    if (ccw_is_read(cmd) || ccw_is_sense(cmd))
        return D_IN;
    return D_OUT; /* write, control */
}

/* One piece of a data area: the transfer enters the 2K block of guest
 * byte a there and moves up (reading backward: down) to the block's edge
 * or to the end of the *left bytes still to go. Check it as the channel
 * would, give it one real IDAW, note what it stores into. */
static enum xres data_block(struct xl *x, uint32_t a, uint32_t *left, enum dir d, bool skip)
{
    uint32_t len = d == D_BACK ? (a & BLKMASK) + 1 : BLK - (a & BLKMASK);
    if (len > *left)
        len = *left;
    uint32_t lo = d == D_BACK ? a - (len - 1) : a;
    if (!in_storage(x->g, lo, len))
        return X_PROG;
    bool stores = d != D_OUT && !skip;
    if ((stores && !may_store(x, lo)) || (d == D_OUT && !may_fetch(x, lo)))
        return X_PROT;
    if (stores && x->g->readonly && x->g->readonly(x->g->ctx, lo))
        return X_PROT; /* a shared segment's page */

    uint32_t h;
    enum xres r = host(x, a, &h);
    if (r != X_OK)
        return r;
    struct ccwprog *p = x->p;
    if (p->nidaw >= p->maxidaw)
        return X_NOSPACE;
    put_be32(&p->idaw[p->nidaw++], h);

    if (stores && x->npend < MAXPEND) {
        x->pend[x->npend].lo = lo;
        x->pend[x->npend].hi = lo + len;
        x->npend++;
    }
    *left -= len;
    return X_OK;
}

/* The data area of one guest CCW, as IDAWs appended to p->idaw. Without
 * IDA the area is [addr, addr+count), or reading backward the count bytes
 * ending at addr; it gets one IDAW per 2K block it touches, the first for
 * the byte where the transfer starts, the others for the byte where it
 * enters each further block (the block's first byte, reading backward its
 * last). With IDA, addr is the guest's IDAW list: each guest IDAW covers
 * one piece of a 2K block and becomes one real IDAW. */
static enum xres data_area(struct xl *x, uint8_t ecmd, uint8_t flags, uint32_t addr, uint32_t count)
{
    enum dir d = direction(ecmd);
    bool skip = flags & CCWF_SKIP;
    uint32_t left = count;
    enum xres r;

    if (!(flags & CCWF_IDA)) {
        /* the next piece enters the next block at its first (last) byte;
         * an area below 0 wraps and is beyond storage */
        for (uint32_t a = addr; left > 0; a = d == D_BACK ? (a & ~BLKMASK) - 1 : (a | BLKMASK) + 1)
            if ((r = data_block(x, a, &left, d, skip)) != X_OK)
                return r;
        return X_OK;
    }

    if (addr & 3)
        return X_PROG;
    for (uint32_t seq = 0; left > 0; seq++) {
        uint32_t wa = addr + 4 * seq;
        if (!in_storage(x->g, wa, 4))
            return X_PROG;
        if (overlaps(x, wa, 4))
            return X_RESUME;
        if (!may_fetch(x, wa))
            return X_PROT;
        uint8_t b[4];
        if (x->g->read(x->g->ctx, wa, b, 4) != 0)
            return X_PROG;
        uint32_t a = get_be32(b);
        if (a & 0xFF000000u)
            return X_PROG;
        /* after the first, an IDAW starts a block (reading backward: ends one) */
        if (seq > 0 && ((d == D_BACK ? a + 1 : a) & BLKMASK) != 0)
            return X_PROG;
        if ((r = data_block(x, a, &left, d, skip)) != X_OK)
            return r;
    }
    return X_OK;
}

/* ---------------------------------------------------------------- the real program */

static enum xres emit(struct xl *x, uint8_t cmd, uint8_t flags, uint16_t count, uint32_t addr,
                      uint32_t guest)
{
    struct ccwprog *p = x->p;
    if (p->nccw >= x->limit)
        return X_NOSPACE;
    ccw1_set(&p->ccw[p->nccw], cmd, flags, count, addr);
    p->guest_ccw[p->nccw] = guest;
    if (p->resid_adj)
        p->resid_adj[p->nccw] = 0;
    p->nccw++;
    return X_OK;
}

static uint32_t real_addr(const struct ccwprog *p, unsigned i) { return p->host_ptr(&p->ccw[i]); }

/* A real CCW already made from the guest CCW at addr that does what a new
 * one would: as a new command, the same command byte; data-chained, the
 * same data direction (the channel ignores the command byte then). */
static int find_done(const struct ccwprog *p, uint32_t addr, bool dc, uint8_t cmd, uint8_t ecmd)
{
    for (unsigned i = p->nprefix; i < p->nccw; i++) {
        uint8_t rc = p->ccw[i].b[0];
        if (p->guest_ccw[i] != addr || ccw_is_tic(rc))
            continue;
        if (dc ? direction(rc) == direction(ecmd) : rc == cmd)
            return (int)i;
    }
    return -1;
}

/* A command the device's rules look at first (p->dev): its argument bytes
 * are checked and fetched, and the real CCWs it becomes are emitted. Sets
 * *done when it handled the command (the caller then goes on to the
 * chaining); otherwise the command is translated as usual. */
static enum xres dev_command(struct xl *x, uint32_t addr, const uint8_t c[8], bool *done)
{
    struct ccwprog *p = x->p;
    const struct ccwdev *dv = p->dev;
    uint8_t cmd = c[CCW0_CMD], flags = c[CCW0_FLAGS];
    uint32_t data = get_be24(c + CCW0_ADDR);
    uint16_t count = get_be16(c + CCW0_COUNT);
    uint8_t arg[CCWDEV_MAXARG];
    unsigned narg = dv->argbytes(dv->ctx, cmd);
    *done = false;
    if (narg > count)
        narg = count;
    if (narg > sizeof(arg))
        narg = sizeof(arg);
    if (flags & CCWF_IDA)
        narg = 0;
    if (narg) {
        if (!in_storage(x->g, data, narg))
            return X_PROG;
        if (!may_fetch(x, data))
            return X_PROT;
        if (overlaps(x, data, narg))
            return X_RESUME;
        if (x->g->read(x->g->ctx, data, arg, narg) != 0)
            return X_PROG;
    }
    struct ccwpiece piece[CCWDEV_MAXPIECE];
    unsigned n = 0;
    switch (dv->command(dv->ctx, addr, c, arg, narg, p->nccw, piece, &n)) {
    case CCWD_PASS: return X_OK;
    case CCWD_REJECT: p->fail_count = count; return X_DEV;
    case CCWD_FULL: return X_NOSPACE;
    case CCWD_REPLACE: break;
    }
    if (p->nccw + n > x->limit)
        return X_NOSPACE;
    unsigned first_ccw = p->nccw, first_idaw = p->nidaw;
    x->npend = 0;
    for (unsigned i = 0; i < n; i++) {
        const struct ccwpiece *pc = &piece[i];
        uint8_t f = pc->flags & CCW_KEEP;
        uint32_t a = pc->host;
        if (!a) {
            unsigned idaw = p->nidaw;
            enum xres r = data_area(x, pc->cmd, pc->flags & ~CCWF_IDA, pc->data, pc->count);
            if (r != X_OK) {
                p->nccw = first_ccw;
                p->nidaw = first_idaw;
                return r;
            }
            f |= CCW_IDA;
            a = p->host_ptr(&p->idaw[idaw]);
        }
        emit(x, pc->cmd, f, pc->count, a, addr);
        if (p->resid_adj)
            p->resid_adj[p->nccw - 1] = pc->resid_adj;
    }
    for (unsigned i = 0; i < x->npend; i++)
        note_store(x, x->pend[i].lo, x->pend[i].hi);
    *done = true;
    return X_OK;
}

enum ccwt_end ccw_translate(const struct gmem *g, uint32_t ccw_addr, uint8_t key, struct ccwprog *p)
{
    struct xl x = {.g = g, .p = p, .key = key & 0x0F};
    x.limit = p->maxccw ? p->maxccw - 1 : 0;
    p->nccw = p->nidaw = 0;
    p->resume_addr = p->fail_addr = 0;
    p->fail_cstat = 0;
    p->fail_count = 0;

    uint32_t addr = ccw_addr; /* the next guest CCW */
    uint32_t where = addr;    /* the guest CCW a stop refers to */
    bool dc = false;          /* addr continues a data chain ... */
    uint8_t dcmd = 0;         /* ... of this command */
    bool prev_cc = false;     /* the CCW before addr, in line, chained commands */
    int tic = -1;             /* the real TIC that leads to addr */
    uint32_t tic_addr = 0;    /* its guest address */
    bool tic_cc = false;      /* the CCW before that TIC chained commands */
    enum xres r = X_OK;

    for (unsigned i = 0; i < p->nprefix && r == X_OK; i++) {
        const struct ccw1 *c = &p->prefix[i];
        r = emit(&x, c->b[0], c->b[1], get_be16(c->b + 2), get_be32(c->b + 4), ccw_addr);
    }
    if (r != X_OK) /* no room even for the prefix */
        addr = ccw_addr;

    while (r == X_OK) {
        where = addr;
        if ((addr & 7) || !in_storage(g, addr, 8)) {
            r = X_PROG;
            break;
        }
        if (overlaps(&x, addr, 8)) {
            r = X_RESUME;
            break;
        }
        if (!may_fetch(&x, addr)) {
            r = X_PROT;
            break;
        }
        uint8_t c[8];
        if (g->read(g->ctx, addr, c, 8) != 0) {
            r = X_PROG;
            break;
        }
        uint8_t cmd = c[CCW0_CMD], flags = c[CCW0_FLAGS];
        uint32_t data = get_be24(c + CCW0_ADDR);
        uint16_t count = get_be16(c + CCW0_COUNT);

        /* TIC: flags and count are ignored; the target is fetched next */
        if (ccw_is_tic(cmd)) {
            if (tic >= 0 || (data & 7) || !in_storage(g, data, 8)) {
                r = X_PROG; /* TIC to TIC; bad TIC address */
                break;
            }
            if ((r = emit(&x, REAL_TIC, 0, 0, 0, addr)) != X_OK)
                break;
            tic = (int)p->nccw - 1;
            put_be32(p->ccw[tic].b + 4, real_addr(p, p->nccw));
            tic_addr = addr;
            tic_cc = prev_cc;
            prev_cc = false;
            addr = data;
            continue;
        }

        /* Already translated: go there (loops end here) */
        uint8_t ecmd = dc ? dcmd : cmd;
        int done = find_done(p, addr, dc, cmd, ecmd);
        if (done >= 0) {
            if (tic >= 0)
                put_be32(p->ccw[tic].b + 4, real_addr(p, (unsigned)done));
            else if ((r = emit(&x, REAL_TIC, 0, 0, real_addr(p, (unsigned)done), addr)) != X_OK)
                break;
            if (tic < 0 || !tic_cc) {
                r = X_OK;
                break;
            }
            /* status modifier on the CCW before the TIC skips it */
            addr = tic_addr + 8;
            dc = prev_cc = false;
            tic = -1;
            continue;
        }

        if ((flags & (CCWF_SUSP | CCWF_ZERO)) || (!dc && ccw_is_invalid(cmd)) || count == 0) {
            r = X_PROG;
            break;
        }
        if (p->nccw >= x.limit) {
            r = X_NOSPACE;
            break;
        }
        bool handled = false;
        if (p->dev && !dc && (r = dev_command(&x, addr, c, &handled)) != X_OK)
            break;
        if (!handled) {
            unsigned first = p->nidaw;
            x.npend = 0;
            if ((r = data_area(&x, ecmd, flags, data, count)) != X_OK) {
                p->nidaw = first;
                break;
            }
            emit(&x, ecmd, (flags & CCW_KEEP) | CCW_IDA, count, p->host_ptr(&p->idaw[first]), addr);
            for (unsigned i = 0; i < x.npend; i++)
                note_store(&x, x.pend[i].lo, x.pend[i].hi);
        }
        tic = -1;

        if (flags & CCWF_CD) {
            dcmd = ecmd;
            dc = true;
            prev_cc = false;
        } else if (flags & CCWF_CC) {
            dc = false;
            prev_cc = true;
        } else {
            r = X_OK;
            break;
        }
        addr += 8;
    }

    /* A stop at a TIC's target drops the TIC: the CCW before it then
     * chains straight into the stop CCW. */
    uint32_t stop_guest = where;
    switch (r) {
    case X_OK:
        p->end = CCWT_COMPLETE;
        stop_guest = p->nccw ? p->guest_ccw[p->nccw - 1] + 8 : 0;
        break;
    case X_RESUME:
        p->end = CCWT_RESUME;
        p->resume_addr = where;
        break;
    case X_NOSPACE:
        p->end = CCWT_NOSPACE;
        p->resume_addr = where;
        break;
    case X_DEV:
        p->end = CCWT_DEVCHECK;
        p->fail_addr = where;
        break;
    case X_PROG:
    case X_PROT:
        p->end = CCWT_PROGCHECK;
        p->fail_addr = where;
        p->fail_cstat = r == X_PROT ? CS_PROT : CS_PROG;
        break;
    }
    if (r != X_OK && tic >= 0)
        p->nccw = (unsigned)tic;
    if (p->nccw < p->maxccw) {
        ccw1_set(&p->ccw[p->nccw], STOP_CMD, 0, 0, 0);
        p->guest_ccw[p->nccw] = stop_guest;
    }
    return p->end;
}

/* ---------------------------------------------------------------- the way back */

/* The real CCW the SCSW's CCW address (last CCW used + 8) names, the stop
 * CCW included; -1 for none. */
static int scsw_ccw(const struct ccwprog *p, const uint8_t scsw[12])
{
    uint32_t a = get_be32(scsw + 4) & 0x7FFFFFFFu;
    unsigned n = p->nccw < p->maxccw ? p->nccw + 1 : p->nccw;
    for (unsigned i = 0; i < n; i++)
        if (real_addr(p, i) + 8 == a)
            return (int)i;
    return -1;
}

void ccw_csw_from_scsw(const struct ccwprog *p, const uint8_t scsw[12], uint8_t key, uint8_t csw[8])
{
    int i = scsw_ccw(p, scsw);
    uint8_t cstat = scsw[9];
    uint32_t guest = 0;
    if (i >= 0) {
        guest = (p->guest_ccw[i] + 8) & 0x00FFFFFFu;
        if ((unsigned)i == p->nccw && p->end == CCWT_PROGCHECK && (cstat & CS_PROG))
            cstat = (uint8_t)((cstat & ~CS_PROG) | p->fail_cstat);
    }
    csw[CSW_KEYFLAGS] = (uint8_t)(key << 4);
    put_be24(csw + CSW_CCWADDR, guest);
    csw[CSW_USTAT] = scsw[8];
    csw[CSW_CSTAT] = cstat;
    uint16_t count = get_be16(scsw + 10);
    if (i >= 0 && p->resid_adj && (unsigned)i < p->nccw)
        count = (uint16_t)(count + p->resid_adj[i]);
    put_be16(csw + CSW_COUNT, count);
}

int ccw_last_index(const struct ccwprog *p, const uint8_t scsw[12]) { return scsw_ccw(p, scsw); }

bool ccw_at_stop(const struct ccwprog *p, const uint8_t scsw[12])
{
    int i = scsw_ccw(p, scsw);
    return i >= 0 && (unsigned)i == p->nccw && (scsw[9] & SCH_PROG);
}
