/*
 * vcons.c - the virtual 3215 console (see vcons.h; IBM 3215 commands:
 * X'01' write, X'09' write and carriage return, X'0A' read inquiry,
 * X'03' no-op, X'0B' audible alarm, X'04' sense).
 *
 * Entry points: vcons_create, vcons_input, vcons_attention,
 * vcons_reading, vcons_show_state, vcons_cp_message,
 * vcons_output_drained. The channel program runs in vdev/vchan.c; the
 * command function below turns writes into terminal lines and takes
 * reads from the lines the user entered.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cons/term.h"
#include "cons/vcons.h"
#include "console/ebcdic.h"
#include "hw/s370.h"
#include "kern/alloc.h"
#include "kern/work.h"
#include "vdev/vchan.h"
#include "vdev/vdev.h"
#include "vm/vmblok.h"

#define INPUT_LINES 16 /* lines typed ahead of the guest's reads */
#define WRITE_AHEAD 48 /* terminal lines waiting before a guest write waits too */
#define LINE_MAX    255

struct vcons {
    struct vchan ch;
    char input[INPUT_LINES][TERM_INPUT_MAX + 1];
    unsigned in_first, in_count;
    bool attn_owed;  /* a line came while busy: attention when it ends */
    bool fresh;      /* the next line is the first of a typed line */
    bool reading;    /* a read waits for a line */
    bool write_held; /* a write waits for the terminal to catch up */
    uint8_t sense;
    struct work drain; /* resumes a held write outside the terminal driver */
    struct vmblok *vm;
};

static struct vcons *vc_of(struct vdev *vd) { return vd ? vd->priv : NULL; }

static int console_cmd(struct vmblok *vm, struct vdev *vd, struct vchan_op *op, uint32_t *devlen,
                       uint8_t *ustat)
{
    struct vcons *vc = vc_of(vd);
    switch (op->cmd) {
    case 0x01: /* write, no carriage return */
    case 0x09: /* write */
    {
        if (vc->write_held) {
            if (vm->term && vm->term->outq_len > WRITE_AHEAD)
                return 1;
            vc->write_held = false;
            *devlen = op->total;
            return 0;
        }
        char line[LINE_MAX + 1];
        uint32_t n = vchan_get(vm, op, 0, line, op->total < LINE_MAX ? op->total : LINE_MAX);
        e2a(line, line, n);
        for (uint32_t i = 0; i < n; i++)
            if ((unsigned char)line[i] < 0x20)
                line[i] = ' ';
        line[n] = '\0';
        if (vm->term) {
            term_put(vm->term, 0, line);
            if (vm->term->outq_len > WRITE_AHEAD) {
                vc->write_held = true; /* done: ends when the screen has room */
                return 1;
            }
        }
        *devlen = op->total;
        return 0;
    }
    case 0x0A: /* read inquiry */
    {
        if (vc->in_count == 0) {
            vc->reading = true;
            vcons_show_state(vm);
            return 1;
        }
        char *l = vc->input[vc->in_first];
        uint8_t data[TERM_INPUT_MAX];
        uint32_t n = (uint32_t)strlen(l);
        a2e(data, l, n);
        vchan_put(vm, op, 0, data, n < op->total ? n : op->total);
        vc->in_first = (vc->in_first + 1) % INPUT_LINES;
        vc->in_count--;
        vc->reading = false;
        vcons_show_state(vm);
        *devlen = n;
        return 0;
    }
    case 0x03: /* no-op */
    case 0x0B: /* audible alarm */ *devlen = op->total; return 0;
    case 0x04: /* sense */
        *devlen = 1;
        vchan_put(vm, op, 0, &vc->sense, 1);
        vc->sense = 0;
        return 0;
    default:
        vc->sense = 0x80; /* command reject */
        *devlen = 0;
        *ustat = US_UC;
        return 0;
    }
}

/* A line typed while the console was busy (a held write, a read that
 * just took another line) is owed its attention when the channel program
 * has ended, with the ending status if the guest has not taken it yet;
 * unless a read has taken every line meanwhile. */
static void owe_attention(struct vmblok *vm, struct vdev *vd)
{
    struct vcons *vc = vc_of(vd);
    if (vc->in_count == 0)
        vc->attn_owed = false;
    if (vc->attn_owed && !vd->busy && !vc->reading) {
        vc->attn_owed = false;
        vcons_attention(vm);
    }
}

static int cons_start(struct vmblok *vm, struct vdev *vd, uint32_t caw)
{
    vc_of(vd)->sense = 0;
    vchan_start(vm, vd, &vc_of(vd)->ch, caw);
    owe_attention(vm, vd);
    return 0;
}

static int cons_halt(struct vmblok *vm, struct vdev *vd)
{
    struct vcons *vc = vc_of(vd);
    /* a read or a held write ends now: CSW with interruption pending */
    uint8_t csw[8] = {0, 0, 0, 0, US_CE | US_DE, 0, 0, 0};
    csw[1] = (uint8_t)(vc->ch.ccw >> 16);
    csw[2] = (uint8_t)(vc->ch.ccw >> 8);
    csw[3] = (uint8_t)(vc->ch.ccw + 8);
    vc->ch.waiting = false;
    vc->reading = false;
    vc->write_held = false;
    vdev_ended(vm, vd, csw, true);
    vcons_show_state(vm);
    return 1;
}

static void cons_reset(struct vmblok *vm, struct vdev *vd)
{
    struct vcons *vc = vc_of(vd);
    vc->ch.waiting = false;
    vc->reading = false;
    vc->write_held = false;
    vc->sense = 0;
}

static void cons_release(struct vmblok *vm, struct vdev *vd)
{
    struct vcons *vc = vc_of(vd);
    work_cancel(&vc->drain);
    kfree(vc);
}

static void drain_work(struct work *w)
{
    struct vcons *vc = w->arg;
    struct vmblok *vm = vc->vm;
    if (vc->write_held && (!vm->term || vm->term->outq_len <= WRITE_AHEAD / 2)) {
        vchan_resume(vm, vm->console, &vc->ch);
        owe_attention(vm, vm->console);
    }
}

static void cons_describe(struct vmblok *vm, struct vdev *vd, char *buf, size_t len)
{
    char name[16] = "";
    if (vm->term)
        term_name(vm->term, name, sizeof(name));
    snprintf(buf, len, "CONS %03X ON %s", vd->vaddr, vm->term ? name : "DEV DSC");
}

static const struct vdev_ops cons_ops = {
    .start = cons_start,
    .halt = cons_halt,
    .reset = cons_reset,
    .release = cons_release,
    .describe = cons_describe,
};

bool vcons_create(struct vmblok *vm, uint16_t vaddr)
{
    struct vdev *vd = kmalloc(sizeof(*vd));
    struct vcons *vc = kmalloc(sizeof(*vc));
    if (!vd || !vc) {
        kfree(vd);
        kfree(vc);
        return false;
    }
    vc->ch.fn = console_cmd;
    vc->vm = vm;
    work_init(&vc->drain, drain_work, vc);
    vd->vaddr = vaddr;
    vd->devtype = 0x3215;
    vd->cls = VC_CONS;
    vd->ops = &cons_ops;
    vd->priv = vc;
    if (!vdev_add(vm, vd)) {
        kfree(vd);
        kfree(vc);
        return false;
    }
    vm->console = vd;
    return true;
}

void vcons_input_start(struct vmblok *vm)
{
    struct vcons *vc = vm->console ? vc_of(vm->console) : NULL;
    if (vc)
        vc->fresh = true;
}

void vcons_input(struct vmblok *vm, const char *line)
{
    struct vdev *vd = vm->console;
    struct vcons *vc = vc_of(vd);
    if (!vc)
        return;
    if (vc->in_count == INPUT_LINES) {
        vcons_cp_message(vm, "DMKVCN470E INPUT LINE DISCARDED - TOO MANY LINES WAITING");
        return;
    }
    bool fresh = vc->fresh;
    vc->fresh = false;
    unsigned at = (vc->in_first + vc->in_count) % INPUT_LINES;
    snprintf(vc->input[at], sizeof(vc->input[at]), "%s", line);
    vc->in_count++;
    if (vc->reading) {
        vchan_resume(vm, vd, &vc->ch);
        owe_attention(vm, vd);
    } else if (!fresh) {
        /* the rest of a typed line (after the line-end character): the
         * next reads take it, with no attention of its own */
    } else if (vd->busy) {
        vc->attn_owed = true;
    } else {
        vcons_attention(vm); /* with a status not yet taken, if there is one */
    }
}

void vcons_attention(struct vmblok *vm)
{
    struct vdev *vd = vm->console;
    if (!vd || vd->busy)
        return;
    if (vd->pending) {
        vd->csw[CSW_USTAT] |= US_ATTN; /* with the status the guest has not taken yet */
        return;
    }
    uint8_t csw[8] = {0, 0, 0, 0, US_ATTN, 0, 0, 0};
    vdev_ended(vm, vd, csw, false);
}

bool vcons_reading(struct vmblok *vm)
{
    struct vcons *vc = vc_of(vm->console);
    return vc && vc->reading;
}

void vcons_show_state(struct vmblok *vm)
{
    struct term *t = vm->term;
    if (!t || t->state != TS_LOGGED)
        return;
    enum term_read r = vm->state == VM_CPMODE ? READ_CP : vcons_reading(vm) ? READ_VM : READ_NONE;
    if (t->reading != r || t->hidden)
        term_set_reading(t, r, false);
}

void vcons_cp_message(struct vmblok *vm, const char *fmt, ...)
{
    if (!vm->term)
        return;
    va_list ap;
    va_start(ap, fmt);
    term_vprintf(vm->term, 0, fmt, ap);
    va_end(ap);
}

void vcons_output_drained(struct vmblok *vm)
{
    struct vcons *vc = vc_of(vm->console);
    if (vc && vc->write_held && (!vm->term || vm->term->outq_len <= WRITE_AHEAD / 2))
        work_queue(&vc->drain);
}
