/*
 * graf.c - local 3270 displays (≈ DMKGRF): the VM/370 screen.
 *
 * Rows 1-22 are the output area, written line by line; the input field is
 * rows 23-24 up to column 59 (attribute at 1759); the status area is
 * columns 61-80 of row 24 (attribute at 1899): RUNNING, CP READ, VM READ,
 * MORE..., HOLDING or NOT ACCEPTED (shared/reference/vm370.md section 3).
 *
 * Entry point: graf_attach (at IPL, per 3270). Everything else is driven
 * by interruptions: an attention starts a Read Modified; the input is
 * handled by AID; output and status changes are written by graf_kick as
 * one Write per channel program. Only one channel program per display is
 * in flight; flags record what is still to be done. A unit check with
 * intervention required means the client has gone.
 *
 * Keys: ENTER sends the line (empty ENTER during MORE... holds the screen);
 * CLEAR and PA2 erase the output area and release MORE.../HOLDING (PA2
 * is the machine's interrupt key instead after DIAGNOSE X'54'); PA1 is
 * the attention to CP. The first key on the logo screen only wakes CP.
 *
 * DIAGNOSE X'58' (graf_display ... graf_fs_read): a program's data in the
 * output area is kept as cells (one per screen position) marked to be
 * written, so any number of displays merge into the next write and
 * nothing waits; CP's lines go on below the lowest line the program
 * wrote. In full-screen mode the screen is the program's: its writes go
 * out as it made them, the user's keys become its input (an attention on
 * the virtual console), and CP takes the screen back, erased and in its
 * own layout, as soon as it has a line to show or a read to announce.
 */
#include <stdio.h>
#include <string.h>
#include "console/ds3270.h"
#include "console/ebcdic.h"
#include "cons/graf.h"
#include "cons/logon.h"
#include "cons/term.h"
#include "cons/vcons.h"
#include "diagnose/diag.h"
#include "io/ios.h"
#include "kern/alloc.h"
#include "kern/cp.h"
#include "kern/timer.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "vm/machine.h"
#include "vm/vmblok.h"

#define COLS         GRAF_COLS
#define OUT_ROWS     GRAF_OUT_LINES
#define INPUT_ATTR   1759 /* row 22 col 80 */
#define INPUT_FIRST  1760
#define STATUS_ATTR  1899
#define STATUS_FIRST 1900
#define STATUS_LEN   20
#define OUT_CELLS    DIAG58_MAXCNT /* positions 0-1759 (1759 is the input field's attribute) */
#define ROOM         96            /* bytes a write keeps for CP's fields and its end */

/* Field attributes as DMKGRF writes them (before the 6-bit encoding) */
#define FA_INPUT  (FA_MDT)                 /* unprotected, normal, MDT on: C1 */
#define FA_HIDDEN (FA_NONDISPLAY | FA_MDT) /* unprotected, non-display, MDT: 4D */
#define FA_STATUS (FA_PROTECT)             /* protected, normal: 60 */

/* WCCs: a write restores the keyboard (X'C2') exactly once for each key
 * the user pressed, when CP has taken that input in; every other write
 * leaves the keyboard alone (X'40'). So an unlocked keyboard always means CP has
 * seen the last key, even when output is still arriving. The alarm is
 * added for MSG/WNG and the logo. */
#define WCC_LINES  0x00
#define WCC_STATUS WCC_RESTORE

#define POLL_CONNECTED TOD_SEC(2) /* look for input whose attention was lost */
#define POLL_ABSENT    TOD_SEC(5) /* look for a client whose connect was missed */
#define LOGO_PAUSE     TOD_SEC(3) /* LOGOFF AT ... stays readable this long */

enum mode { M_NORMAL, M_MORE, M_HOLDING };

struct graf {
    struct term *t;
    struct rdevblok *rd;
    struct ioblok io;
    struct ccw1 ccw[3];
    uint8_t out[4096];
    uint8_t in[2048];
    enum { OP_NONE, OP_READ, OP_WRITE, OP_PROBE, OP_POLL } op;
    bool need_read; /* an attention arrived */
    bool need_logo;
    bool need_erase; /* erase the screen (CLEAR, wake from the logo) */
    bool need_crd;   /* clear the input area, set the cursor, restore the keyboard */
    bool status_dirty;
    bool alarm;
    bool not_accepted; /* show NOT ACCEPTED until the next input */
    bool kbd_locked;   /* the user pressed a key: the next write unlocks */
    int row;           /* next output row, 0-22 */
    enum mode mode;
    int more_phase; /* 0: waiting, 1: alarm given */
    struct timer more_timer;
    struct timer poll_timer;
    void (*probe_done)(struct term *t, bool connected);
    bool logo_after_output;     /* show the logo once the queued lines are out */
    uint32_t seen_seq;          /* the term's read_seq when last looked at */
    char shown[STATUS_LEN + 1]; /* what the status area says now */
    struct timer logo_timer;
    /* DIAGNOSE X'58' in CP's layout: the program's cells still to be written */
    bool erase_output;        /* erase the output area before them */
    unsigned ndirty;          /* cells marked */
    uint8_t dirty[OUT_CELLS]; /* 1: cell[] is to be written */
    uint16_t cell[OUT_CELLS]; /* EBCDIC character, or GRAF_CELL_ATTR + attribute */
    /* full-screen mode */
    bool fs;          /* the screen is the program's */
    bool fs_pa1;      /* PA1 is the program's key too */
    bool fs_erase;    /* the waiting write is an erase/write */
    size_t fs_len;    /* bytes of the program's write still to go (0: none) */
    size_t fs_in_len; /* bytes of input waiting for the program (0: none) */
    uint8_t fs_out[DIAG58_FSMAX];
    uint8_t fs_in[2048];
};

static void graf_kick(struct term *t);
static void graf_logo(struct term *t);
static void show_logo(struct term *t);
static void graf_probe(struct term *t, void (*done)(struct term *, bool));

static const struct term_driver graf_driver = {
    .devclass = "GRAF",
    .kick = graf_kick,
    .logo = graf_logo,
    .probe = graf_probe,
};

/* MORE... waits this long, sounds the alarm, then clears after the second. */
static uint64_t more_wait[2] = {TOD_SEC(50), TOD_SEC(10)};

void graf_set_more(unsigned first_sec, unsigned second_sec)
{
    more_wait[0] = TOD_SEC(first_sec);
    more_wait[1] = TOD_SEC(second_sec);
}

/* ---------------------------------------------------------------- the logo */

/* Our own banner (rows 6-12, from column 12), below "VM/370 ONLINE" in row 1. */
static const char *const logo_art[] = {
    " CCCCCC   PPPPPPP       //    CCCCCC   MM     MM   SSSSSS ",
    "CC    CC  PP    PP     //    CC    CC  MMM   MMM  SS    SS",
    "CC        PP    PP    //     CC        MMMM MMMM  SS      ",
    "CC        PPPPPPP    //      CC        MM MMM MM   SSSSSS ",
    "CC        PP        //       CC        MM  M  MM        SS",
    "CC    CC  PP       //        CC    CC  MM     MM  SS    SS",
    " CCCCCC   PP      //          CCCCCC   MM     MM   SSSSSS ",
};

static void put_logo(struct ds_out *d, struct graf *g)
{
    char line[COLS + 1];
    ds_sba(d, 0);
    ds_text(d, "VM/370 ONLINE", 13);
    for (unsigned i = 0; i < sizeof(logo_art) / sizeof(logo_art[0]); i++) {
        ds_sba(d, (5 + i) * COLS + 11);
        ds_text(d, logo_art[i], strlen(logo_art[i]));
    }
    int n = snprintf(line, sizeof(line), "SYSTEM %s - A VIRTUAL MACHINE SYSTEM AFTER IBM VM/370",
                     cp_sys.sysname);
    ds_sba(d, 15 * COLS + (COLS - n) / 2);
    ds_text(d, line, (size_t)n);
    static const char hint[] = "PRESS ENTER, THEN TYPE:  LOGON userid";
    ds_sba(d, 18 * COLS + (COLS - (int)sizeof(hint) + 1) / 2);
    ds_text(d, hint, sizeof(hint) - 1);
    (void)g;
}

/* ---------------------------------------------------------------- the program's part */

/* Forget what a program put on the screen: the screen is erased. */
static void program_reset(struct graf *g)
{
    g->erase_output = false;
    if (g->ndirty)
        memset(g->dirty, 0, sizeof(g->dirty));
    g->ndirty = 0;
    g->fs = g->fs_pa1 = g->fs_erase = false;
    g->fs_len = g->fs_in_len = 0;
}

/* Erase the screen with the next write and start again at row 1, in CP's
 * layout (this also ends full-screen mode). */
static void request_erase(struct graf *g)
{
    g->need_erase = true;
    g->row = 0;
    program_reset(g);
}

/* CP has something for the screen, so a program may not have it: a line,
 * a read to announce (CP READ, VM READ), MORE.../HOLDING, the end of the
 * session. */
static bool cp_wants_screen(struct graf *g)
{
    struct term *t = g->t;
    return t->state != TS_LOGGED || term_peek(t) || t->reading != READ_NONE ||
           g->mode != M_NORMAL || g->need_logo || g->logo_after_output;
}

/* The program's cells, after an erase of the output area if one was asked
 * for, each run of marked cells after a Set Buffer Address; what does not
 * fit in this write stays marked for the next. */
static bool put_program(struct ds_out *d, struct graf *g)
{
    bool any = false;
    if (g->erase_output) {
        ds_sba(d, 0);
        ds_ra(d, INPUT_ATTR, 0x00);
        g->erase_output = false;
        any = true;
    }
    for (unsigned p = 0; p < OUT_CELLS && g->ndirty;) {
        if (!g->dirty[p]) {
            p++;
            continue;
        }
        if (d->len + 8 > d->cap - ROOM)
            break;
        ds_sba(d, p);
        for (; p < OUT_CELLS && g->dirty[p] && d->len + 2 <= d->cap - ROOM; p++) {
            uint16_t c = g->cell[p];
            if (c & GRAF_CELL_ATTR)
                ds_sf(d, (uint8_t)(c & 0x3F));
            else
                ds_byte(d, (uint8_t)c);
            g->dirty[p] = 0;
            g->ndirty--;
        }
        any = true;
    }
    return any;
}

/* ---------------------------------------------------------------- composing writes */

static const char *status_text(struct graf *g)
{
    struct term *t = g->t;
    if (g->not_accepted)
        return "NOT ACCEPTED";
    if (g->mode == M_MORE)
        return "MORE...";
    if (g->mode == M_HOLDING)
        return "HOLDING";
    if (t->state == TS_LOGO || t->state == TS_THROTTLE || t->state == TS_PROBING)
        return "RUNNING";
    switch (t->reading) {
    case READ_CP: return "CP READ";
    case READ_VM: return "VM READ";
    default: return "RUNNING";
    }
}

/* The input field and status area, at the end of every write. */
static void put_fields(struct ds_out *d, struct graf *g)
{
    const char *s = status_text(g);
    snprintf(g->shown, sizeof(g->shown), "%s", s);
    ds_sba(d, INPUT_ATTR);
    ds_sf(d, g->t->hidden ? FA_HIDDEN : FA_INPUT);
    ds_sba(d, STATUS_ATTR);
    ds_sf(d, FA_STATUS);
    ds_text(d, s, strlen(s));
    ds_fill(d, ' ', STATUS_LEN - strlen(s));
}

/* Clear the input area and put the cursor there ("CRD"). */
static void put_crd(struct ds_out *d, struct graf *g)
{
    ds_sba(d, INPUT_ATTR);
    ds_sf(d, FA_HIDDEN);
    ds_ic(d);
    ds_eua(d, STATUS_ATTR);
    (void)g;
}

/* Rows a line takes: 80 columns each, but row 22 has only 79. */
static int rows_needed(int row, size_t len)
{
    int rows = 0;
    do {
        size_t width = (row + rows == OUT_ROWS - 1) ? COLS - 1 : COLS;
        rows++;
        if (len <= width)
            break;
        len -= width;
    } while (1);
    return rows;
}

/* Output lines that fit; returns true if any were added. */
static bool put_lines(struct ds_out *d, struct graf *g, bool *alarm)
{
    struct term *t = g->t;
    bool any = false;
    struct outline *o;
    while (g->mode == M_NORMAL && (o = term_peek(t)) != NULL) {
        int need = rows_needed(g->row, o->len);
        if (g->row + need > OUT_ROWS) {
            g->mode = M_MORE;
            g->more_phase = 0;
            timer_set_in(&g->more_timer, more_wait[0]);
            break;
        }
        if (d->len + o->len + 3 * (size_t)need > d->cap - ROOM)
            break; /* the rest goes in the next write */
        const char *p = o->text;
        size_t left = o->len;
        for (int r = 0; r < need; r++) {
            size_t width = (g->row == OUT_ROWS - 1) ? COLS - 1 : COLS;
            size_t n = left < width ? left : width;
            ds_sba(d, (unsigned)(g->row * COLS));
            ds_text(d, p, n);
            p += n;
            left -= n;
            g->row++;
        }
        if (o->flags & OUT_ALARM)
            *alarm = true;
        term_pop(t);
        any = true;
    }
    return any;
}

/* ---------------------------------------------------------------- channel programs */

static void io_done(struct ioblok *io);

static void start(struct graf *g, int op)
{
    g->op = op;
    g->io.rdev = g->rd;
    g->io.ccw = g->ccw;
    g->io.done = io_done;
    g->io.ctx = g;
    ios_start(&g->io);
}

static void start_read(struct graf *g)
{
    ccw1_set(&g->ccw[0], CMD3270_RM, CCW_SLI, sizeof(g->in), (uint32_t)(uintptr_t)g->in);
    start(g, OP_READ);
}

static void start_nop(struct graf *g, int op)
{
    ccw1_set(&g->ccw[0], CMD3270_NOP, CCW_SLI, 1, (uint32_t)(uintptr_t)g->out);
    start(g, op);
}

static void start_write(struct graf *g, uint8_t cmd, size_t len)
{
    ccw1_set(&g->ccw[0], cmd, CCW_SLI, (uint16_t)len, (uint32_t)(uintptr_t)g->out);
    start(g, OP_WRITE);
}

/* Full-screen mode: the program's write as it made it, or a write of the
 * WCC alone to unlock the keyboard after a key (the WCC gets keyboard
 * restore then, and the alarm if one is due). */
static void kick_full_screen(struct graf *g)
{
    if (!g->fs_len && !g->kbd_locked && !g->alarm)
        return;
    size_t len = 1;
    uint8_t cmd = CMD3270_WRITE;
    if (g->fs_len) {
        memcpy(g->out, g->fs_out, g->fs_len);
        len = g->fs_len;
        if (g->fs_erase)
            cmd = CMD3270_EW;
    } else {
        g->out[0] = ds_code6(0);
    }
    if (g->kbd_locked)
        g->out[0] |= WCC_RESTORE;
    if (g->alarm)
        g->out[0] |= WCC_ALARM;
    g->fs_len = 0;
    g->kbd_locked = g->alarm = false;
    start_write(g, cmd, len);
}

static void graf_kick(struct term *t)
{
    struct graf *g = t->drvdata;
    /* CP takes the screen back from a program the moment it needs it, so
     * the program's next full-screen write or read sees that at once. */
    if (g->fs && cp_wants_screen(g))
        request_erase(g);
    if (g->op != OP_NONE || t->state == TS_DEAD)
        return;
    if (!t->connected) {
        term_flush_output(t);
        program_reset(g);
        return;
    }
    if (g->need_read) {
        g->need_read = false;
        start_read(g);
        return;
    }
    if (g->probe_done) {
        start_nop(g, OP_PROBE);
        return;
    }
    if (g->fs) {
        kick_full_screen(g);
        return;
    }

    /* A new read state ends NOT ACCEPTED; a status that differs from
     * what the screen shows has to be written. */
    if (t->read_seq != g->seen_seq) {
        g->seen_seq = t->read_seq;
        g->not_accepted = false;
        g->status_dirty = true; /* the input field may be hidden or shown now */
    }
    if (strcmp(status_text(g), g->shown) != 0)
        g->status_dirty = true;

    /* Output for a screen that shows the logo (messages for the system
     * console): wake it as a key would, then show the lines. */
    if (t->state == TS_LOGO && term_peek(t) && !g->logo_after_output && !g->need_logo) {
        timer_cancel(&g->logo_timer);
        request_erase(g);
        t->state = TS_PRELOGON;
        t->reading = READ_CP;
        t->read_seq++;
    }

    struct ds_out d;
    ds_init(&d, g->out, sizeof(g->out));
    bool alarm = g->alarm;
    uint8_t cmd = CMD3270_WRITE;
    bool restore = false;

    if (g->need_logo || g->need_erase) {
        cmd = CMD3270_EW;
        restore = g->need_logo; /* a new client: unlock whatever it had */
        g->need_crd = true;
        ds_wcc(&d, 0); /* rewritten below once the WCC is known */
        if (g->need_logo) {
            g->row = 0;
            program_reset(g);
            put_logo(&d, g);
            alarm = true;
            timer_cancel(&g->logo_timer);
            g->logo_after_output = false;
        }
        g->need_logo = g->need_erase = false;
    } else {
        ds_wcc(&d, 0);
    }
    if (g->need_crd) {
        put_crd(&d, g);
        g->need_crd = false;
    }
    if (g->kbd_locked) {
        restore = true;
        g->kbd_locked = false;
    }
    bool prog = put_program(&d, g);
    bool lines = put_lines(&d, g, &alarm);
    if (g->logo_after_output && !term_peek(t)) {
        g->logo_after_output = false;
        timer_set_in(&g->logo_timer, LOGO_PAUSE);
    }
    if (!lines && !prog && cmd == CMD3270_WRITE && !restore && !g->status_dirty && !alarm)
        return; /* nothing to write */
    put_fields(&d, g);
    g->status_dirty = false;
    g->alarm = false;
    uint8_t wcc = restore ? WCC_STATUS : WCC_LINES;
    if (alarm)
        wcc |= WCC_ALARM;
    g->out[0] = ds_code6(wcc);
    if (d.overflow)
        d.len = d.cap;
    start_write(g, cmd, d.len);
}

/* ---------------------------------------------------------------- input */

/* The input field's text, ASCII, trailing blanks and nulls dropped. */
static size_t input_text(const struct ds_inbound *in, char *buf, size_t cap)
{
    size_t n = 0;
    for (int i = 0; i < in->nfields; i++) {
        const struct ds_field *f = &in->field[i];
        if (f->addr < INPUT_FIRST || f->addr >= STATUS_ATTR)
            continue;
        for (size_t j = 0; j < f->len && n < cap - 1; j++)
            buf[n++] = f->data[j] ? (char)ebc2asc[f->data[j]] : ' ';
    }
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return n;
}

static void release_more(struct graf *g)
{
    timer_cancel(&g->more_timer);
    g->mode = M_NORMAL;
}

/* Full-screen mode: the input is the program's, whole, with an attention
 * on its console to say so; PA1 stays CP's attention unless the program
 * asked for it. One input waits at most: another before the program has
 * read it gets the alarm. */
static void full_screen_input(struct graf *g, size_t len)
{
    struct term *t = g->t;
    if (len == 0 || g->in[0] == AID_NONE) /* a poll found nothing */
        return;
    g->kbd_locked = true;
    if (g->in[0] == AID_PA1 && !g->fs_pa1) {
        term_attention(t); /* the machine stops: CP READ takes the screen back */
        return;
    }
    if (g->fs_in_len || len > sizeof(g->fs_in)) {
        g->alarm = true;
        return;
    }
    memcpy(g->fs_in, g->in, len);
    g->fs_in_len = len;
    if (t->vm)
        vcons_attention(t->vm);
}

static void handle_input(struct graf *g, size_t len)
{
    struct term *t = g->t;
    struct ds_inbound in;
    if (g->fs) {
        full_screen_input(g, len);
        return;
    }
    if (ds_parse_inbound(g->in, len, &in) != 0)
        in.aid = AID_NONE;
    if (in.aid == AID_NONE) /* a poll found nothing */
        return;
    g->kbd_locked = true;
    g->not_accepted = false;
    g->status_dirty = true;

    if (t->state == TS_LOGO) {
        /* The first key only wakes CP: erase the logo, show CP READ. */
        timer_cancel(&g->logo_timer);
        g->logo_after_output = false;
        request_erase(g);
        release_more(g);
        term_flush_output(t);
        t->state = TS_PRELOGON;
        term_set_reading(t, READ_CP, false);
        return;
    }
    switch (in.aid) {
    case AID_PA2:
        /* DIAGNOSE X'54': PA2 is the machine's interrupt key while it
         * reads, or while output waits (MORE..., HOLDING) */
        if (t->vm && t->vm->pa2_ext && (t->reading == READ_VM || g->mode != M_NORMAL)) {
            vm_external_key(t->vm, EXT370_INTERRUPT_KEY);
            return;
        }
        /* fall through */
    case AID_CLEAR:
        request_erase(g);
        release_more(g);
        return;
    case AID_PA1:
        g->need_crd = true;
        term_attention(t);
        return;
    case AID_PA3: g->need_crd = true; return;
    default: break;
    }
    /* ENTER, and PF keys (no PF key functions are defined): the line. */
    char line[TERM_INPUT_MAX + 10];
    size_t n = input_text(&in, line, sizeof(line));
    g->need_crd = true;
    if (n == 0 && g->mode == M_MORE) {
        timer_cancel(&g->more_timer);
        g->mode = M_HOLDING;
        return;
    }
    if (n == 0 && g->mode == M_HOLDING)
        return;
    if (!term_input(t, line, n)) {
        g->not_accepted = true;
        g->alarm = true;
        return;
    }
    /* echo what was entered (a password echoes as a blank line) */
    term_put(t, OUT_ECHO, t->hidden ? " " : line);
}

static void lost(struct graf *g)
{
    struct term *t = g->t;
    bool was = t->connected;
    g->need_read = g->need_logo = g->need_erase = g->need_crd = false;
    release_more(g);
    program_reset(g);
    g->row = 0;
    if (was)
        term_lost(t);
    t->connected = false;
    timer_set_in(&g->poll_timer, POLL_ABSENT);
}

static void io_done(struct ioblok *io)
{
    struct graf *g = io->ctx;
    struct term *t = g->t;
    int op = g->op;
    g->op = OP_NONE;

    if (io_intreq(io)) {
        if (op == OP_PROBE && g->probe_done) {
            void (*done)(struct term *, bool) = g->probe_done;
            g->probe_done = NULL;
            lost(g);
            done(t, false);
        } else {
            lost(g);
        }
        return;
    }
    if (op == OP_PROBE && g->probe_done) {
        void (*done)(struct term *, bool) = g->probe_done;
        g->probe_done = NULL;
        done(t, io->cc == 0);
    } else if (op == OP_POLL && !t->connected && io_ok(io)) {
        /* someone connected and we missed the device end */
        t->connected = true;
        show_logo(t);
    } else if (op == OP_READ && (io->dstat & DEV_DE) && !(io->dstat & DEV_UC)) {
        handle_input(g, sizeof(g->in) - io->residual);
    }
    timer_set_in(&g->poll_timer, t->connected ? POLL_CONNECTED : POLL_ABSENT);
    graf_kick(t);
}

/* ---------------------------------------------------------------- events */

static void unsolicited(struct rdevblok *rd, uint8_t dstat)
{
    struct term *t = rd->owner;
    struct graf *g = t->drvdata;
    if (dstat & DEV_ATTN) {
        t->connected = true;
        g->need_read = true;
    } else if (dstat & DEV_DE) {
        /* A client connected (Hercules has shown its own screen). If a
         * user was logged on here, that user's client is gone. */
        t->connected = true;
        if (t->vm)
            user_disconnect(t->vm, true);
        show_logo(t);
    }
    graf_kick(t);
}

static void more_expired(struct timer *tm)
{
    struct graf *g = tm->arg;
    if (g->mode != M_MORE)
        return;
    if (g->more_phase == 0) {
        g->more_phase = 1;
        g->alarm = true;
        g->status_dirty = true;
        timer_set_in(&g->more_timer, more_wait[1]);
    } else {
        request_erase(g);
        g->mode = M_NORMAL;
    }
    graf_kick(g->t);
}

static void poll_expired(struct timer *tm)
{
    struct graf *g = tm->arg;
    struct term *t = g->t;
    if (g->op != OP_NONE || t->state == TS_DEAD) {
        timer_set_in(&g->poll_timer, POLL_CONNECTED);
        return;
    }
    if (t->connected)
        start_read(g); /* returns an input whose attention was lost, or nothing */
    else
        start_nop(g, OP_POLL);
}

/* A session ended here: the logo, once its last lines (LOGOFF AT ...)
 * have been written and shown for a moment. */
static void graf_logo(struct term *t)
{
    struct graf *g = t->drvdata;
    term_reset(t);
    g->not_accepted = false;
    g->status_dirty = true;
    if (!t->connected) {
        show_logo(t);
        return;
    }
    g->logo_after_output = true;
    graf_kick(t);
}

/* The logo now (a client connected, or the display was attached). */
static void show_logo(struct term *t)
{
    struct graf *g = t->drvdata;
    term_reset(t);
    term_flush_output(t);
    g->not_accepted = false;
    g->status_dirty = true;
    g->logo_after_output = false;
    timer_cancel(&g->logo_timer);
    release_more(g);
    program_reset(g);
    g->need_logo = true;
    graf_kick(t);
}

static void logo_expired(struct timer *tm)
{
    struct graf *g = tm->arg;
    if (g->t->state != TS_LOGO)
        return; /* the user pressed a key meanwhile and was woken */
    release_more(g);
    program_reset(g);
    g->need_logo = true;
    graf_kick(g->t);
}

static void graf_probe(struct term *t, void (*done)(struct term *, bool))
{
    struct graf *g = t->drvdata;
    if (!t->connected) {
        done(t, false);
        return;
    }
    g->probe_done = done;
    graf_kick(t);
}

struct term *graf_attach(struct rdevblok *rd)
{
    struct graf *g = kmalloc(sizeof(*g));
    if (!g)
        return NULL;
    struct term *t = term_create(rd, &graf_driver, g);
    if (!t) {
        kfree(g);
        return NULL;
    }
    g->t = t;
    g->rd = rd;
    timer_init(&g->more_timer, more_expired, g);
    timer_init(&g->poll_timer, poll_expired, g);
    timer_init(&g->logo_timer, logo_expired, g);
    rd->unsol = unsolicited;
    /* Assume a client until the first write says otherwise. */
    t->connected = true;
    show_logo(t);
    return t;
}

/* ---------------------------------------------------------------- DIAGNOSE X'58' */

bool graf_is(const struct term *t) { return t && t->drv == &graf_driver; }

void graf_display(struct term *t, bool erase, unsigned line, const uint16_t *cells, unsigned n)
{
    struct graf *g = t->drvdata;
    if (!t->connected)
        return; /* nobody to show it to */
    if (g->fs)
        request_erase(g); /* CP's layout first */
    if (erase) {
        if (g->ndirty)
            memset(g->dirty, 0, sizeof(g->dirty));
        g->ndirty = 0;
        g->erase_output = true;
        g->row = 0;
    }
    unsigned first = line * COLS;
    for (unsigned i = 0; i < n && first + i < OUT_CELLS; i++) {
        g->cell[first + i] = cells[i];
        if (!g->dirty[first + i]) {
            g->dirty[first + i] = 1;
            g->ndirty++;
        }
    }
    /* CP's next line goes below the program's last */
    int below = n ? (int)((first + n - 1) / COLS) + 1 : (int)line;
    if (g->row < below)
        g->row = below > OUT_ROWS ? OUT_ROWS : below;
    graf_kick(t);
}

void graf_redraw(struct term *t)
{
    struct graf *g = t->drvdata;
    if (!t->connected)
        return;
    request_erase(g);
    graf_kick(t);
}

enum graf_fs_rc graf_fs_write(struct term *t, bool erase, bool pa1, const uint8_t *stream,
                              size_t len)
{
    struct graf *g = t->drvdata;
    if (!t->connected || len == 0 || len > sizeof(g->fs_out))
        return GRAF_FS_NOTFS;
    if (erase) {
        /* the screen becomes the program's, unless CP has something to show */
        if (!g->fs && cp_wants_screen(g))
            return GRAF_FS_NOTFS;
        if (!g->fs)
            program_reset(g); /* displays not written yet are erased anyway */
        g->need_erase = g->need_crd = false;
        g->fs = true;
        g->fs_pa1 = pa1;
        g->fs_erase = true;
    } else {
        if (!g->fs)
            return GRAF_FS_NOTFS;
        if (g->fs_len)
            return GRAF_FS_BUSY; /* two writes cannot be made one */
        g->fs_erase = false;
    }
    memcpy(g->fs_out, stream, len);
    g->fs_len = len;
    graf_kick(t);
    return GRAF_FS_DONE;
}

enum graf_fs_rc graf_fs_read(struct term *t, uint8_t *buf, size_t cap, size_t *len)
{
    struct graf *g = t->drvdata;
    *len = 0;
    if (!t->connected || !g->fs)
        return GRAF_FS_NOTFS;
    if (!g->fs_in_len)
        return GRAF_FS_NOINPUT;
    size_t n = g->fs_in_len < cap ? g->fs_in_len : cap;
    memcpy(buf, g->fs_in, n);
    g->fs_in_len = 0;
    *len = n;
    return GRAF_FS_DONE;
}
