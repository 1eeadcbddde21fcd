/*
 * term.c - the device-independent console manager (see term.h).
 *
 * Entry points: term_create, term_put/term_printf (output), term_input
 * (a line from the user), term_attention, term_lost, term_reset,
 * term_set_reading. Output lines wait on the terminal's queue until its
 * driver shows them; a queue that grows past TERM_OUTQ_MAX (a user who
 * never clears MORE...) stops taking lines and says so once, so one
 * terminal can never exhaust CP's storage.
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cons/lineedit.h"
#include "cons/logon.h"
#include "cons/term.h"
#include "cons/vcons.h"
#include "io/ios.h"
#include "kern/alloc.h"
#include "machine/cpu.h"
#include "vm/dispatch.h"
#include "vm/vmblok.h"

static struct term *terminals, *syscons;

static void input_work(struct work *w);

struct term *term_create(struct rdevblok *rd, const struct term_driver *drv, void *drvdata)
{
    struct term *t = kmalloc(sizeof(*t));
    if (!t)
        return NULL;
    t->rdev = rd;
    t->drv = drv;
    t->drvdata = drvdata;
    t->state = TS_LOGO;
    t->reading = READ_NONE;
    work_init(&t->input_work, input_work, t);
    timer_init(&t->throttle, logon_throttle_expired, t);
    struct term **pp = &terminals;
    while (*pp)
        pp = &(*pp)->next;
    *pp = t;
    rd->owner = t;
    return t;
}

struct term *term_first(void) { return terminals; }
struct term *term_syscons(void) { return syscons; }
void term_set_syscons(struct term *t)
{
    syscons = t;
    if (t)
        t->syscons = true;
}

void term_name(const struct term *t, char *buf, size_t len)
{
    snprintf(buf, len, "%s %03X", t->drv->devclass, t->rdev->devno);
}

/* ---------------------------------------------------------------- output */

static void enqueue(struct term *t, uint8_t flags, const char *text, size_t len)
{
    if (t->state == TS_DEAD)
        return;
    if (t->outq_len >= TERM_OUTQ_MAX) {
        t->discarding = true;
        return;
    }
    struct outline *o = kmalloc(sizeof(*o));
    if (!o) {
        t->discarding = true;
        return;
    }
    if (t->discarding && t->outq_len < TERM_OUTQ_MAX / 2) {
        /* say once that lines were lost, then carry on */
        t->discarding = false;
        enqueue(t, 0, "*** CP: OUTPUT LOST - TOO MANY LINES WAITING ***", 48);
    }
    if (len > TERM_LINE_MAX)
        len = TERM_LINE_MAX;
    memcpy(o->text, text, len);
    o->text[len] = '\0';
    o->len = (uint16_t)len;
    o->flags = flags;
    if (t->outq_tail)
        t->outq_tail->next = o;
    else
        t->outq = o;
    t->outq_tail = o;
    t->outq_len++;
}

void term_put(struct term *t, uint8_t flags, const char *text)
{
    if (!t)
        return;
    size_t len = strlen(text);
    do {
        size_t n = len > TERM_LINE_MAX ? TERM_LINE_MAX : len;
        enqueue(t, flags, text, n);
        text += n;
        len -= n;
    } while (len > 0);
    t->drv->kick(t);
}

void term_vprintf(struct term *t, uint8_t flags, const char *fmt, va_list ap)
{
    char line[512];
    vsnprintf(line, sizeof(line), fmt, ap);
    term_put(t, flags, line);
}

void term_printf(struct term *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    term_vprintf(t, 0, fmt, ap);
    va_end(ap);
}

struct outline *term_peek(struct term *t) { return t->outq; }

void term_pop(struct term *t)
{
    struct outline *o = t->outq;
    if (!o)
        return;
    t->outq = o->next;
    if (!t->outq)
        t->outq_tail = NULL;
    t->outq_len--;
    kfree(o);
    if (t->vm)
        vcons_output_drained(t->vm);
}

void term_flush_output(struct term *t)
{
    while (t->outq)
        term_pop(t);
    t->discarding = false;
}

/* ---------------------------------------------------------------- input */

void term_set_reading(struct term *t, enum term_read r, bool hidden)
{
    t->reading = r;
    t->hidden = hidden;
    t->read_seq++;
    t->drv->kick(t);
}

bool term_input(struct term *t, const char *line, size_t len)
{
    if (t->pend_count == TERM_INPUT_QUEUE || t->state == TS_THROTTLE || t->state == TS_PROBING ||
        t->state == TS_DEAD)
        return false;
    if (len > TERM_INPUT_MAX)
        len = TERM_INPUT_MAX;
    char *slot = t->pending[(t->pend_first + t->pend_count) % TERM_INPUT_QUEUE];
    memcpy(slot, line, len);
    slot[len] = '\0';
    t->pend_count++;
    t->last_input = stck();
    if (t->state == TS_LOGO)
        t->state = TS_PRELOGON;
    work_queue(&t->input_work);
    return true;
}

struct edit_ctx {
    struct term *t;
    bool stop;
};

static void one_logical_line(void *arg, const char *line, size_t len)
{
    struct edit_ctx *e = arg;
    struct term *t = e->t;
    char cmd[TERM_INPUT_MAX + 1];
    if (e->stop)
        return;
    if (len > TERM_INPUT_MAX)
        len = TERM_INPUT_MAX;
    memcpy(cmd, line, len);
    cmd[len] = '\0';
    cmd_from_terminal(t, cmd);
    /* A command that starts a dialogue (LOGON asks for the password) or
     * ends the session takes the rest of the line with it. */
    if (t->state != TS_PRELOGON && t->state != TS_LOGGED)
        e->stop = true;
}

/* A logical line for the virtual machine's console read. */
static void vm_logical_line(void *arg, const char *line, size_t len)
{
    struct term *t = arg;
    char l[TERM_INPUT_MAX + 1];
    if (len > TERM_INPUT_MAX)
        len = TERM_INPUT_MAX;
    memcpy(l, line, len);
    l[len] = '\0';
    if (t->vm)
        vcons_input(t->vm, l);
}

/* "#CP" (the line-end character and CP) at the start of a line typed
 * while the machine runs: the rest is for CP; alone, it stops the machine.
 * Returns where the CP part starts, or NULL. */
static const char *cp_escape(const struct vmblok *vm, const char *line)
{
    if (!vm->linend || line[0] != vm->linend || (line[1] & 0xDF) != 'C' ||
        (line[2] & 0xDF) != 'P' || (line[3] != ' ' && line[3] != '\0'))
        return NULL;
    line += 3;
    while (*line == ' ')
        line++;
    return line;
}

static void input_work(struct work *w)
{
    struct term *t = w->arg;
    char line[TERM_INPUT_MAX + 1];
    if (!t->pend_count)
        return;
    memcpy(line, t->pending[t->pend_first], sizeof(line));
    t->pend_first = (uint8_t)((t->pend_first + 1) % TERM_INPUT_QUEUE);
    if (--t->pend_count)
        work_queue(&t->input_work); /* the next line after this one */

    if (t->state == TS_PASSWORD) {
        logon_password(t, line);
        return;
    }
    if (t->answer && t->state == TS_LOGGED) {
        void (*fn)(struct term *, const char *, void *) = t->answer;
        t->answer = NULL;
        fn(t, line, t->answer_arg);
        if (t->vm)
            vcons_show_state(t->vm);
        return;
    }
    if (t->state != TS_PRELOGON && t->state != TS_LOGGED)
        return;
    struct edit_chars ec = {DEFAULT_LINEND, DEFAULT_LINEDEL, DEFAULT_CHARDEL, DEFAULT_ESCAPE};
    if (t->vm) {
        ec.linend = t->vm->linend;
        ec.linedel = t->vm->linedel;
        ec.chardel = t->vm->chardel;
        ec.escape = t->vm->escape;
    }
    struct vmblok *vm = t->vm;
    if (vm && vm->state != VM_CPMODE && vm->console) {
        /* the machine runs: the line is for it, unless it starts with #CP */
        const char *cp = cp_escape(vm, line);
        if (!cp) {
            if (t->vm)
                vcons_input_start(t->vm);
            line_edit(line, strlen(line), &ec, vm_logical_line, t);
            vcons_show_state(vm);
            return;
        }
        if (!*cp) {
            vm_stop(vm, NULL);
            vm->attn_stop = true;
            return;
        }
        memmove(line, cp, strlen(cp) + 1);
    }
    struct edit_ctx e = {t, false};
    line_edit(line, strlen(line), &ec, one_logical_line, &e);
    if (t->vm && t->vm == vm && vm->run && vm->attn_stop && vm->state == VM_CPMODE) {
        vm->attn_stop = false; /* SET RUN ON: the machine goes on after the command */
        vm_start(vm);
    }
    if (t->answer)
        term_set_reading(t, READ_CP, true); /* a command asked a question */
    else if (t->vm)
        vcons_show_state(t->vm);
    else if (t->state == TS_PRELOGON || t->state == TS_LOGGED)
        term_set_reading(t, READ_CP, false);
}

void term_attention(struct term *t)
{
    /* PA1: a running machine stops and CP reads (CP mode); in CP mode
     * already, CP READ is shown again. */
    struct vmblok *vm = t->vm;
    if (t->state == TS_LOGGED && vm && vm->state != VM_CPMODE) {
        vm_stop(vm, NULL);
        vm->attn_stop = true;
        return;
    }
    if (t->state == TS_PRELOGON || t->state == TS_LOGGED)
        term_set_reading(t, READ_CP, false);
}

void term_ask_hidden(struct term *t, const char *question,
                     void (*fn)(struct term *t, const char *line, void *arg), void *arg)
{
    term_put(t, 0, question);
    t->answer = fn;
    t->answer_arg = arg;
    term_set_reading(t, READ_CP, true);
}

void term_reset(struct term *t)
{
    if (t->answer) {
        void (*fn)(struct term *, const char *, void *) = t->answer;
        t->answer = NULL;
        fn(t, NULL, t->answer_arg);
    }
    work_cancel(&t->input_work);
    timer_cancel(&t->throttle);
    t->pend_count = 0;
    t->state = t->state == TS_DEAD ? TS_DEAD : TS_LOGO;
    t->reading = READ_NONE;
    t->hidden = false;
    t->vm = NULL;
    t->logon_userid[0] = '\0';
}

void term_lost(struct term *t)
{
    t->connected = false;
    term_flush_output(t);
    if (t->vm)
        user_disconnect(t->vm, true);
    term_reset(t);
}
