/*
 * tty.c - typewriter consoles (3215/1052) as CP terminals: the integrated
 * Hercules console that serves as the headless system console, and telnet
 * line terminals.
 *
 * Entry points: tty_attach (at IPL), tty_emergency_write (the abend path).
 * Output lines go out as chained Write (X'09', write and carriage return)
 * CCWs. Input is read (X'0A') only after the device raises attention:
 * a 3215 read waits for the operator, and a device with a read
 * outstanding could not be written to. There is no screen, so no MORE...
 * and no status area: what the user types is the terminal's own echo.
 */
#include <stdio.h>
#include <string.h>
#include "console/ebcdic.h"
#include "cons/term.h"
#include "cons/tty.h"
#include "io/ios.h"
#include "kern/alloc.h"
#include "lib/tod.h"

#define CCW_WRITE_CR 0x09
#define CCW_READ     0x0A
#define LINES_PER_IO 8
#define TTY_LINE_MAX 130 /* a 3215 line; longer lines are continued */

struct tty {
    struct term *t;
    struct rdevblok *rd;
    struct ioblok io;
    struct ccw1 ccw[LINES_PER_IO];
    uint8_t buf[LINES_PER_IO][TTY_LINE_MAX];
    uint8_t in[TERM_INPUT_MAX];
    enum { OP_NONE, OP_WRITE, OP_READ, OP_PROBE } op;
    bool need_read;
    void (*probe_done)(struct term *t, bool connected);
    /* the unsent rest of a long line */
    size_t offset;
};

static void tty_kick(struct term *t);
static void tty_logo(struct term *t);
static void tty_probe(struct term *t, void (*done)(struct term *, bool));
static void io_done(struct ioblok *io);

static const struct term_driver tty_driver = {
    .devclass = "LINE",
    .kick = tty_kick,
    .logo = tty_logo,
    .probe = tty_probe,
};

static void start(struct tty *y, int op)
{
    y->op = op;
    y->io.rdev = y->rd;
    y->io.ccw = y->ccw;
    y->io.done = io_done;
    y->io.ctx = y;
    ios_start(&y->io);
}

static void tty_kick(struct term *t)
{
    struct tty *y = t->drvdata;
    if (y->op != OP_NONE || t->state == TS_DEAD)
        return;
    if (y->need_read) {
        y->need_read = false;
        ccw1_set(&y->ccw[0], CCW_READ, CCW_SLI, sizeof(y->in), (uint32_t)(uintptr_t)y->in);
        start(y, OP_READ);
        return;
    }
    if (y->probe_done) {
        ccw1_set(&y->ccw[0], CCW_CMD_NOP, CCW_SLI, 1, (uint32_t)(uintptr_t)y->in);
        start(y, OP_PROBE);
        return;
    }
    /* Up to LINES_PER_IO pieces of output; lines longer than the
     * carriage continue on the next line. */
    int n = 0;
    size_t off = y->offset;
    for (struct outline *o = term_peek(t); o && n < LINES_PER_IO; n++) {
        size_t len = o->len - off;
        if (len > TTY_LINE_MAX)
            len = TTY_LINE_MAX;
        a2e_display(y->buf[n], o->text + off, len);
        if (len == 0)
            y->buf[n][len++] = EBCDIC_BLANK; /* an empty line still moves the paper */
        ccw1_set(&y->ccw[n], CCW_WRITE_CR, CCW_SLI | CCW_CC, (uint16_t)len,
                 (uint32_t)(uintptr_t)y->buf[n]);
        off += len;
        if (off >= o->len) {
            o = o->next;
            off = 0;
        }
    }
    if (n == 0)
        return;
    y->ccw[n - 1].b[1] &= (uint8_t)~CCW_CC;
    start(y, OP_WRITE);
}

/* Drop the lines (and the part of a line) the last write carried. */
static void written(struct tty *y)
{
    struct term *t = y->t;
    for (int i = 0; i < LINES_PER_IO; i++) {
        struct outline *o = term_peek(t);
        if (!o)
            break;
        uint16_t len = get_be16(y->ccw[i].b + 2);
        y->offset += len;
        if (y->offset >= o->len || o->len == 0) {
            term_pop(t);
            y->offset = 0;
        }
        if (!(y->ccw[i].b[1] & CCW_CC))
            break;
    }
}

static void io_done(struct ioblok *io)
{
    struct tty *y = io->ctx;
    struct term *t = y->t;
    int op = y->op;
    y->op = OP_NONE;
    if (io_intreq(io)) {
        bool was = t->connected;
        y->offset = 0;
        if (was)
            term_lost(t);
        t->connected = false;
        if (op == OP_PROBE && y->probe_done) {
            void (*done)(struct term *, bool) = y->probe_done;
            y->probe_done = NULL;
            done(t, false);
        }
        return;
    }
    switch (op) {
    case OP_WRITE: written(y); break;
    case OP_READ:
        if (!(io->dstat & DEV_UC)) {
            char line[TERM_INPUT_MAX + 1];
            size_t n = sizeof(y->in) - io->residual;
            e2a(line, y->in, n);
            while (n > 0 && line[n - 1] == ' ')
                n--;
            line[n] = '\0';
            if (t->state == TS_LOGO)
                t->state = TS_PRELOGON;
            if (!term_input(t, line, n))
                term_put(t, 0, "NOT ACCEPTED");
        }
        break;
    case OP_PROBE:
        if (y->probe_done) {
            void (*done)(struct term *, bool) = y->probe_done;
            y->probe_done = NULL;
            done(t, true);
        }
        break;
    }
    tty_kick(t);
}

static void unsolicited(struct rdevblok *rd, uint8_t dstat)
{
    struct term *t = rd->owner;
    struct tty *y = t->drvdata;
    t->connected = true;
    if (dstat & DEV_ATTN)
        y->need_read = true;
    else if ((dstat & DEV_DE) && t->state != TS_LOGGED)
        tty_logo(t);
    tty_kick(t);
}

static void tty_logo(struct term *t)
{
    term_reset(t);
    if (!t->syscons)
        term_put(t, 0, "VM/370 ONLINE");
    tty_kick(t);
}

static void tty_probe(struct term *t, void (*done)(struct term *, bool))
{
    struct tty *y = t->drvdata;
    y->probe_done = done;
    tty_kick(t);
}

struct term *tty_attach(struct rdevblok *rd)
{
    struct tty *y = kmalloc(sizeof(*y));
    if (!y)
        return NULL;
    struct term *t = term_create(rd, &tty_driver, y);
    if (!t) {
        kfree(y);
        return NULL;
    }
    y->t = t;
    y->rd = rd;
    t->connected = true;
    rd->unsol = unsolicited;
    return t;
}

int tty_emergency_write(struct rdevblok *rd, const char *text)
{
    static struct ioblok io;
    static struct ccw1 ccw;
    static uint8_t buf[TTY_LINE_MAX];
    size_t len = strlen(text);
    if (len > sizeof(buf))
        len = sizeof(buf);
    a2e_display(buf, text, len);
    if (len == 0)
        buf[len++] = EBCDIC_BLANK;
    ccw1_set(&ccw, CCW_WRITE_CR, CCW_SLI, (uint16_t)len, (uint32_t)(uintptr_t)buf);
    memset(&io, 0, sizeof(io));
    io.rdev = rd;
    io.ccw = &ccw;
    rd->active = NULL;
    rd->qhead = rd->qtail = NULL;
    return ios_sync(&io, TOD_SEC(2));
}
