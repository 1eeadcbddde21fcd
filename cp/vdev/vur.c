/*
 * vur.c - spooled readers, punches and printers (see vur.h;
 * shared/reference/vm370.md 1.4.11, 1.4.12 and 6.1).
 *
 * Entry points: vur_create, vur_opts, vur_is_reader, vur_close,
 * vur_file_arrived, vur_diag14 (DIAGNOSE X'14': a reader's file a 4 KB
 * buffer at a time, its descriptor, select, repeat, restart, backup). The channel program runs in vchan.c, all at SIO
 * time; ur_cmd() below carries out one command:
 *
 *  - a write (punch, printer) adds a record to the device's open output
 *    file, opening one first: a card is 80 bytes (a shorter count is
 *    blank padded, and gives incorrect length without SLI); a printer
 *    line is the data, at most the line width. A printer space or skip
 *    without data is kept as a record of length 0.
 *  - a read takes the next card of the reader's file, opening the first
 *    file of the reader's queue it may read. After the last card the
 *    next read ends with unit exception (EOF) and the file is purged,
 *    or kept in user hold when the reader is spooled HOLD; with NOEOF it
 *    ends with unit check, intervention required, instead; with CONT the
 *    next file follows at once. With no file to read: unit check,
 *    intervention required, and device end later when a file arrives.
 *  - spool space that runs out while a file is written: the write ends
 *    with unit check, intervention required; the file is closed with
 *    the records it has, in user hold, and the user is told.
 */
#include <stdio.h>
#include <string.h>
#include "cons/vcons.h"
#include "diagnose/diag.h"
#include "lib/bytes.h"
#include "lib/tod.h"
#include "kern/cp.h"
#include "console/ebcdic.h"
#include "hw/s370.h"
#include "kern/alloc.h"
#include "mm/gaccess.h"
#include "spool/spool.h"
#include "spool/urccw.h"
#include "vdev/vchan.h"
#include "vdev/vdev.h"
#include "vdev/vur.h"
#include "vm/vmblok.h"

struct vur {
    struct vchan ch;
    enum ur_kind kind;
    uint8_t sense;
    struct vur_opts o;
    struct spout out;
    struct spin in;
    bool notready; /* the reader found nothing: device end when a file comes */
    struct vmblok *vm;
    struct vdev *vd;
    struct d14 *d14; /* DIAGNOSE X'14' reading the active file, or NULL */
};

/* DIAGNOSE X'14' reading a file a buffer at a time: a record read ahead
 * (to know whether another buffer follows), the buffer last given (for
 * BACKUP), and the copies still to read (REPEAT). */
struct d14 {
    bool pending, exhausted, backup, have_last;
    uint8_t op;
    uint16_t len;
    uint8_t data[SPP_RECMAX];
    uint32_t buffers; /* given of this file */
    unsigned repeat;
    uint8_t last[SPB_SIZE];
};

static struct vur *vu_of(struct vdev *vd) { return vd->priv; }

static const char *type_word(const struct vur *u)
{
    return u->kind == UR_READER ? "RDR" : u->kind == UR_PUNCH ? "PUN" : "PRT";
}

/* ---------------------------------------------------------------- output */

/* Close the output file with the device's options and how's overrides. */
static void close_output(struct vmblok *vm, struct vur *u, const struct vur_close *how)
{
    struct spf *f = u->out.f;
    if (!f)
        return;
    if (how->purge) {
        spool_out_discard(&u->out);
        return;
    }
    f->cls = u->o.cls;
    f->copies = u->o.copies;
    bool hold = how->hold < 0 ? u->o.hold : how->hold == 1;
    f->hold = hold ? SPH_USER : 0;
    snprintf(f->dist, sizeof(f->dist), "%s", how->dist ? how->dist : u->o.dist);
    snprintf(f->tag, sizeof(f->tag), "%s", u->o.tag);
    if (how->fn) {
        snprintf(f->fn, sizeof(f->fn), "%s", how->fn);
        snprintf(f->ft, sizeof(f->ft), "%s", how->ft ? how->ft : "");
    }
    if (u->o.to[0]) {
        snprintf(f->owner, sizeof(f->owner), "%s", u->o.to);
        f->queue = SPQ_RDR;
    } else {
        if (u->o.forusr[0])
            snprintf(f->owner, sizeof(f->owner), "%s", u->o.forusr);
        f->queue = u->kind == UR_PUNCH ? SPQ_PUN : SPQ_PRT;
    }
    struct spf *done;
    int rc = spool_out_close(&u->out, &done);
    if (!done) {
        vcons_cp_message(vm, "DMKCSQ911E %s %03X FILE LOST; SPOOL I/O ERROR", type_word(u),
                         u->vd->vaddr);
        return;
    }
    if (vm->imsg)
        vcons_cp_message(vm, "%s FILE %04u TO  %-8s COPY %02u %s", spf_type_name(done->type),
                         done->spid, done->owner, done->copies, hold ? "HOLD" : "NOHOLD");
    (void)rc; /* a checkpoint that failed was told to the operator; the file is in the queue */
    if (done->queue == SPQ_RDR)
        vur_file_arrived(done, vm->userid);
}

/* The spool is full or the file limit is reached: what the user hears. */
static void out_failed(struct vmblok *vm, struct vur *u, int rc)
{
    u->sense = UR_SNS_INTREQ;
    if (rc == SPE_FULL && u->out.f) {
        uint16_t id = u->out.f->spid;
        struct vur_close how = {.hold = 1, .force = true};
        bool imsg = vm->imsg;
        vm->imsg = false;
        close_output(vm, u, &how);
        vm->imsg = imsg;
        vcons_cp_message(vm, "DMKVSP912E SYSTEM SPOOL SPACE FULL; %s FILE %04u CLOSED AND HELD",
                         type_word(u), id);
        return;
    }
    vcons_cp_message(vm, "DMKVSP913E %s %03X NOT READY; %s", type_word(u), u->vd->vaddr,
                     rc == SPE_FULL      ? "SYSTEM SPOOL SPACE FULL"
                     : rc == SPE_LIMIT   ? "TOO MANY SPOOL FILES"
                     : rc == SPE_NOSPOOL ? "NO SPOOL SPACE"
                                         : "SPOOL ERROR");
}

static int write_record(struct vmblok *vm, struct vur *u, struct vchan_op *op, uint32_t *devlen,
                        uint8_t *ustat, bool control)
{
    uint8_t data[SPP_RECMAX];
    uint16_t width = ur_width(u->kind, u->vd->devtype);
    uint32_t n = control ? 0 : (op->total < width ? op->total : width);
    uint16_t len = (uint16_t)n;
    if (!control) {
        vchan_get(vm, op, 0, data, n);
        if (u->kind == UR_PUNCH) {
            memset(data + n, EBCDIC_BLANK, width - n);
            len = width;
        }
    }
    if (!u->out.f) {
        int rc = spool_out_open(&u->out, vm->userid, u->kind == UR_PUNCH ? SPT_PUN : SPT_PRT,
                                u->vd->devtype);
        if (rc != 0) {
            out_failed(vm, u, rc);
            *ustat = US_UC;
            return 0;
        }
    }
    int rc = spool_out_put(&u->out, op->cmd, data, len);
    if (rc != 0) {
        out_failed(vm, u, rc);
        *ustat = US_UC;
        return 0;
    }
    *devlen = control ? op->total : u->kind == UR_PUNCH ? width : n;
    return 0;
}

/* ---------------------------------------------------------------- input */

static void reader_done(struct vur *u)
{
    struct spf *f = u->in.f;
    if (!f)
        return;
    if (u->o.hold) {
        spool_in_release(&u->in, true);
    } else {
        spool_in_release(&u->in, false);
        spool_purge(&f, 1);
    }
}

static int read_card(struct vmblok *vm, struct vur *u, struct vchan_op *op, uint32_t *devlen,
                     uint8_t *ustat)
{
    if (u->d14) { /* a file DIAGNOSE X'14' was reading: SIO starts it again */
        struct spf *f = u->in.f;
        spool_in_release(&u->in, false);
        kfree(u->d14);
        u->d14 = NULL;
        if (f && spool_in_open(&u->in, f, u->vd) != 0)
            u->in.f = NULL;
    }
    for (int files = 0; files < SPF_MAXID; files++) {
        if (!u->in.f) {
            struct spf *f = spool_reader_next(vm->userid, u->o.cls);
            if (!f || spool_in_open(&u->in, f, u->vd) != 0) {
                u->sense = UR_SNS_INTREQ;
                u->notready = true;
                *ustat = US_UC;
                return 0;
            }
        }
        struct spp_rec r;
        int rc;
        while ((rc = spool_in_next(&u->in, &r)) == 1 && r.len == 0)
            ; /* printer spacing: no card */
        if (rc == 1) {
            uint8_t card[SPP_RECMAX];
            u->notready = false;
            uint16_t width = ur_width(UR_READER, 0);
            uint16_t len = r.len < width ? width : r.len;
            memcpy(card, r.data, r.len);
            memset(card + r.len, EBCDIC_BLANK, len - r.len);
            vchan_put(vm, op, 0, card, len < op->total ? len : op->total);
            *devlen = len;
            return 0;
        }
        if (rc < 0) {
            /* a page that cannot be read: the file is kept, held by the system */
            struct spf *f = u->in.f;
            spool_in_release(&u->in, false);
            f->hold |= SPH_SYS;
            spool_commit();
            u->sense = 0x10; /* equipment check */
            *ustat = US_UC;
            return 0;
        }
        /* the end of the file */
        reader_done(u);
        if (u->o.cont && spool_reader_next(vm->userid, u->o.cls))
            continue;
        *devlen = 0; /* no data: the whole count is residual */
        if (u->o.eof) {
            *ustat = US_UX;
        } else {
            u->sense = UR_SNS_INTREQ;
            u->notready = true;
            *ustat = US_UC;
        }
        return 0;
    }
    *ustat = US_UC;
    return 0;
}

/* ---------------------------------------------------------------- commands */

static int ur_cmd(struct vmblok *vm, struct vdev *vd, struct vchan_op *op, uint32_t *devlen,
                  uint8_t *ustat)
{
    struct vur *u = vu_of(vd);
    enum ur_act a = ur_decode(u->kind, op->cmd);
    if (a != URA_SENSE)
        u->sense = 0;
    switch (a) {
    case URA_NOOP: *devlen = op->total; return 0;
    case URA_SENSE:
        vchan_put(vm, op, 0, &u->sense, 1);
        u->sense = 0;
        *devlen = 1;
        return 0;
    case URA_READ: return read_card(vm, u, op, devlen, ustat);
    case URA_WRITE: return write_record(vm, u, op, devlen, ustat, false);
    case URA_CONTROL: return write_record(vm, u, op, devlen, ustat, true);
    case URA_REJECT: break;
    }
    u->sense = UR_SNS_CMDREJ;
    *devlen = 0;
    *ustat = US_UC;
    return 0;
}

static int ur_start(struct vmblok *vm, struct vdev *vd, uint32_t caw)
{
    vchan_start(vm, vd, &vu_of(vd)->ch, caw);
    return 0;
}

/* IPL from a spooled reader: the implied channel program (read 24 bytes
 * at 0, chaining on at 8) is put at 0, where the card it reads replaces it. */
static int ur_ipl(struct vmblok *vm, struct vdev *vd)
{
    uint8_t ccw[8] = {0x02, 0, 0, 0, CCWF_CC | CCWF_SLI, 0, 0, 24};
    greal_store(vm, 0, ccw, 8);
    vchan_start(vm, vd, &vu_of(vd)->ch, 0);
    return 0;
}

static void ur_reset(struct vmblok *vm, struct vdev *vd)
{
    (void)vm;
    vu_of(vd)->sense = 0;
}

static void ur_release(struct vmblok *vm, struct vdev *vd)
{
    struct vur *u = vu_of(vd);
    struct vur_close how = {.hold = -1, .force = true};
    close_output(vm, u, &how);
    if (u->in.f)
        spool_in_release(&u->in, false); /* unfinished: stays in the queue */
    kfree(u->d14);
    kfree(u);
}

static void ur_describe(struct vmblok *vm, struct vdev *vd, char *buf, size_t len)
{
    struct vur *u = vu_of(vd);
    const char *ready = u->notready ? "NOTREADY" : "READY";
    if (u->kind == UR_READER) {
        snprintf(buf, len, "RDR  %03X CL %c %s %s %s %s", vd->vaddr, u->o.cls,
                 u->o.cont ? "CONT" : "NOCONT", u->o.hold ? "HOLD" : "NOHOLD",
                 u->o.eof ? "EOF" : "NOEOF", ready);
        return;
    }
    snprintf(buf, len, "%s  %03X CL %c %s %s COPY %02u %s\n     %03X %s %-8s DIST %s", type_word(u),
             vd->vaddr, u->o.cls, u->o.cont ? "CONT" : "NOCONT", u->o.hold ? "HOLD" : "NOHOLD",
             u->o.copies, ready, vd->vaddr, u->o.to[0] ? "TO " : "FOR",
             u->o.to[0]       ? u->o.to
             : u->o.forusr[0] ? u->o.forusr
                              : vm->userid,
             u->o.dist);
}

static const struct vdev_ops reader_ops = {
    .start = ur_start,
    .ipl = ur_ipl,
    .reset = ur_reset,
    .release = ur_release,
    .describe = ur_describe,
};
static const struct vdev_ops output_ops = {
    .start = ur_start,
    .reset = ur_reset,
    .release = ur_release,
    .describe = ur_describe,
};

static void reader_lost(void *reader)
{
    struct vdev *vd = reader;
    struct vur *u = vu_of(vd);
    kfree(u->in.buf);
    u->in.buf = NULL;
    u->in.f = NULL;
    u->in.page = 0;
    kfree(u->d14);
    u->d14 = NULL;
}

/* ---------------------------------------------------------------- DIAGNOSE X'14' */

/* The active file is read by DIAGNOSE from now on (from its start). */
static int d14_open(struct vur *u, struct spf *f)
{
    if (!u->d14 && !(u->d14 = kmalloc(sizeof(*u->d14))))
        return -1;
    memset(u->d14, 0, sizeof(*u->d14));
    return spool_in_open(&u->in, f, u->vd) == 0 ? 0 : -1;
}

/* Stop reading the active file, which stays on the queue. */
static void d14_release(struct vur *u)
{
    if (u->in.f)
        spool_in_release(&u->in, false);
    kfree(u->d14);
    u->d14 = NULL;
}

/* Read a record ahead: false on a spool I/O error. */
static bool d14_ahead(struct vur *u)
{
    struct d14 *d = u->d14;
    if (d->pending || d->exhausted)
        return true;
    struct spp_rec r;
    int rc = spool_in_next(&u->in, &r);
    if (rc < 0)
        return false;
    if (rc == 0) {
        d->exhausted = true;
        return true;
    }
    d->op = r.op;
    d->len = r.len;
    memcpy(d->data, r.data, r.len);
    d->pending = true;
    return true;
}

/* The next buffer of the active file (diagnose/DIAGNOSE.md 3.6): each
 * record a CCW (its command, the data's offset, CC+SLI, the length), a
 * TIC to the next CCW, the data padded to a doubleword. */
static bool d14_fill(struct vur *u, uint8_t *b)
{
    struct d14 *d = u->d14;
    memset(b, 0, SPB_SIZE);
    unsigned off = SPB_FIRST, n = 0;
    for (;;) {
        if (!d14_ahead(u))
            return false;
        if (!d->pending)
            break;
        unsigned need = 16 + ((d->len + 7u) & ~7u);
        if (off + need > SPB_SIZE)
            break;
        uint8_t *c = b + off;
        put_be32(c, off + 16);
        c[0] = d->op;
        c[4] = 0x60;
        put_be16(c + 6, d->len);
        put_be32(c + 8, off + need);
        c[8] = 0x08; /* TIC */
        memcpy(c + 16, d->data, d->len);
        off += need;
        n++;
        d->pending = false;
    }
    if (!d14_ahead(u))
        return false;
    put_be32(b + SPB_NEXT, d->pending ? 1 : 0);
    put_be16(b + SPB_NRECS, (uint16_t)n);
    put_be16(b + SPB_END, (uint16_t)off);
    put_be32(b + SPB_PREV, d->buffers ? 1 : 0);
    put_be32(b + SPB_SPOOLID, u->in.f->spid);
    d->buffers++;
    memcpy(d->last, b, SPB_SIZE);
    d->have_last = true;
    return true;
}

static void put_field(uint8_t *out, const char *s, size_t n)
{
    memset(out, EBCDIC_BLANK, n);
    a2e(out, s, strlen(s) < n ? strlen(s) : n);
}

/* A file's descriptor, R6's SFBLOK image (104 bytes). */
static void d14_sfb(const struct spf *f, uint8_t *o)
{
    static const uint8_t types[] = {
        [SPT_PRT] = SFB_T_PRT, [SPT_PUN] = SFB_T_PUN, [SPT_CON] = SFB_T_CON, [SPT_RDR] = SFB_T_RDR};
    memset(o, 0, SFB_SIZE);
    put_field(o + SFB_USER, f->owner, 8);
    put_field(o + SFB_ORIG, f->origin, 8);
    put_be32(o + SFB_RECNO, f->recs);
    put_be16(o + SFB_RECSZ, f->type == SPT_PUN ? 80 : 132);
    put_be16(o + SFB_SPOOLID, f->spid);
    o[SFB_FLAG] = (uint8_t)((f->hold & SPH_USER ? SFB_F_USERHOLD : 0) |
                            (f->hold & SPH_SYS ? SFB_F_SYSHOLD : 0));
    o[SFB_TYPE] = f->type < sizeof(types) ? types[f->type] : 0;
    put_field(o + SFB_FNAME, f->fn, 12);
    put_field(o + SFB_FTYPE, f->ft, 12);
    struct datetime dt;
    cp_localtime(f->tod, &dt);
    char t[12];
    snprintf(t, sizeof(t), "%02d/%02d/%02d", dt.month, dt.day, dt.year % 100);
    put_field(o + SFB_DATE, t, 8);
    snprintf(t, sizeof(t), "%02d:%02d:%02d", dt.hour, dt.min, dt.sec);
    put_field(o + SFB_TIME, t, 8);
    put_be16(o + SFB_COPY, f->copies);
    a2e(o + SFB_CLASS, &f->cls, 1);
    o[SFB_FLAG2] = f->hold ? SFB_F2_HOLD : SFB_F2_NOHOLD;
    put_field(o + SFB_DIST, f->dist, 8);
}

/* The first file of the reader's queue it may take, of type (0: any). */
static struct spf *d14_next_file(struct vmblok *vm, struct vur *u, uint8_t type)
{
    for (struct spf *f = spool_first(); f; f = f->next)
        if (f->queue == SPQ_RDR && !f->hold && (!f->reader || f == u->in.f) &&
            strcmp(f->owner, vm->userid) == 0 && (u->o.cls == '*' || u->o.cls == f->cls) &&
            (!type || f->type == type))
            return f;
    return NULL;
}

int vur_diag14(struct vmblok *vm, struct vdev *vd, unsigned sub, uint32_t rx, uint8_t *out,
               unsigned *outlen, unsigned *reason)
{
    struct vur *u = vu_of(vd);
    *outlen = 0;
    if (u->in.f && !u->d14) {
        *reason = DIAG14_RC_BUSY; /* being read with SIO */
        return 3;
    }
    struct d14 *d = u->d14;
    switch (sub) {
    case DIAG14_READ:
        if (!u->in.f) {
            struct spf *f = d14_next_file(vm, u, 0);
            if (!f)
                return 2;
            if (d14_open(u, f) != 0)
                goto ioerr;
            d = u->d14;
        }
        if (d->backup) {
            d->backup = false;
            memcpy(out, d->last, SPB_SIZE);
            *outlen = SPB_SIZE;
            return 0;
        }
        if (d->exhausted && !d->pending) {
            if (d->repeat) { /* another copy: from the start */
                struct spf *f = u->in.f;
                unsigned left = d->repeat - 1;
                d14_release(u);
                if (d14_open(u, f) != 0)
                    goto ioerr;
                d = u->d14;
                d->repeat = left;
            } else {
                kfree(u->d14);
                u->d14 = NULL;
                reader_done(u);
                return 1;
            }
        }
        if (!d14_fill(u, out))
            goto ioerr;
        *outlen = SPB_SIZE;
        return 0;
    case DIAG14_PRTSFB:
    case DIAG14_PUNSFB: {
        struct spf *f = d14_next_file(vm, u, sub == DIAG14_PRTSFB ? SPT_PRT : SPT_PUN);
        if (!f)
            return 2;
        if (f != u->in.f) {
            d14_release(u);
            if (d14_open(u, f) != 0)
                goto ioerr;
        }
        d14_sfb(f, out);
        *outlen = SFB_SIZE;
        return 0;
    }
    case DIAG14_SELECT: {
        struct spf *f = rx <= 0xFFFF ? spool_find((uint16_t)rx) : NULL;
        if (!f || f->queue != SPQ_RDR || strcmp(f->owner, vm->userid) != 0 ||
            (f->reader && f != u->in.f))
            return 2;
        if (f != u->in.f)
            d14_release(u);
        spool_to_front(f);
        if (f != u->in.f && d14_open(u, f) != 0)
            goto ioerr;
        return 0;
    }
    case DIAG14_REPEAT:
        if (!d)
            return 2;
        d->repeat = rx;
        return 0;
    case DIAG14_RESTART: {
        if (!d)
            return 2;
        struct spf *f = u->in.f;
        unsigned left = d->repeat;
        d14_release(u);
        if (d14_open(u, f) != 0 || !d14_fill(u, out))
            goto ioerr;
        u->d14->repeat = left;
        *outlen = SPB_SIZE;
        return 0;
    }
    case DIAG14_BACKUP:
        if (!d)
            return 2;
        d->backup = d->have_last;
        return 0;
    default: /* monitor files: none */ return 2;
    }
ioerr:
    d14_release(u);
    *reason = DIAG14_RC_IOERR;
    return 3;
}

bool vur_create(struct vmblok *vm, uint16_t vaddr, uint16_t devtype, bool reader, char cls)
{
    int kind = ur_kind_of(devtype, reader);
    if (kind < 0)
        return false;
    struct vdev *vd = kmalloc(sizeof(*vd));
    struct vur *u = kmalloc(sizeof(*u));
    if (!vd || !u) {
        kfree(vd);
        kfree(u);
        return false;
    }
    memset(vd, 0, sizeof(*vd));
    memset(u, 0, sizeof(*u));
    spool_reader_lost = reader_lost;
    u->kind = (enum ur_kind)kind;
    u->ch.fn = ur_cmd;
    u->vm = vm;
    u->vd = vd;
    u->o.cls = cls ? cls : kind == UR_READER ? '*' : 'A';
    u->o.eof = true;
    u->o.copies = 1;
    snprintf(u->o.dist, sizeof(u->o.dist), "%s", vm->userid);
    vd->vaddr = vaddr;
    vd->devtype = devtype;
    vd->cls = kind == UR_READER ? VC_RDR : kind == UR_PUNCH ? VC_PUN : VC_PRT;
    vd->ops = kind == UR_READER ? &reader_ops : &output_ops;
    vd->priv = u;
    if (!vdev_add(vm, vd)) {
        kfree(vd);
        kfree(u);
        return false;
    }
    return true;
}

struct vur_opts *vur_opts(struct vdev *vd)
{
    if (vd->ops != &reader_ops && vd->ops != &output_ops)
        return NULL;
    return &vu_of(vd)->o;
}

bool vur_is_reader(struct vdev *vd) { return vd->ops == &reader_ops; }

void vur_close(struct vmblok *vm, struct vdev *vd, const struct vur_close *how)
{
    struct vur *u = vu_of(vd);
    if (u->kind == UR_READER) {
        kfree(u->d14);
        u->d14 = NULL;
        if (!u->in.f)
            return;
        bool keep = how->hold < 0 ? u->o.hold : how->hold == 1;
        struct spf *f = u->in.f;
        spool_in_release(&u->in, keep);
        if (!keep)
            spool_purge(&f, 1);
        return;
    }
    if (u->o.cont && !how->force && !how->purge)
        return; /* CONT: the file goes on until NOCONT */
    close_output(vm, u, how);
}

void vur_file_arrived(struct spf *f, const char *from)
{
    struct vmblok *vm = vm_find(f->owner);
    if (!vm)
        return;
    vcons_cp_message(vm, "%s FILE %04u FROM %s", spf_type_name(f->type), f->spid, from);
    vur_kick_readers(f->owner);
}

void vur_kick_readers(const char *userid)
{
    struct vmblok *vm = vm_find(userid);
    if (!vm)
        return;
    for (struct vdev *vd = vm->devs; vd; vd = vd->next) {
        if (vd->ops != &reader_ops)
            continue;
        struct vur *u = vu_of(vd);
        if (u->notready && !u->in.f && !vd->busy && !vd->pending) {
            u->notready = false;
            uint8_t csw[8] = {0, 0, 0, 0, US_DE, 0, 0, 0};
            vdev_ended(vm, vd, csw, false);
        }
    }
}
