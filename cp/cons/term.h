/*
 * term.h - CP's terminals (≈ DMKCNS/DMKQCN): the device-independent part
 * of the console manager.
 *
 * A terminal is a real display (3270, driven by graf.c) or typewriter
 * console (3215, tty.c). It owns a queue of output lines and the state of
 * the conversation: showing the logo, waiting for a command before logon,
 * waiting for a password, or carrying a logged-on user's session. Lines
 * the user enters reach term_input(), which edits them (line end, escape,
 * character and line delete) and hands each logical line to the command
 * processor or the logon dialogue.
 */
#ifndef CP_CONS_TERM_H
#define CP_CONS_TERM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include "kern/timer.h"
#include "kern/work.h"

struct rdevblok;
struct vmblok;
struct term;

/* Output line flags */
#define OUT_ALARM 0x01 /* sound the alarm when shown (MSG, WNG) */
#define OUT_ECHO  0x04 /* the echo of an input line */

#define TERM_LINE_MAX    132  /* longest output line CP keeps (longer is split) */
#define TERM_INPUT_MAX   130  /* characters of one input line (R6 BUFIN) */
#define TERM_INPUT_QUEUE 4    /* lines entered ahead of CP: more is NOT ACCEPTED */
#define TERM_OUTQ_MAX    1000 /* lines queued before output is discarded */

struct outline {
    struct outline *next;
    uint8_t flags;
    uint16_t len;
    char text[TERM_LINE_MAX + 1];
};

enum term_state {
    TS_LOGO,     /* the logo is shown; the next attention wakes CP */
    TS_PRELOGON, /* CP READ before logon */
    TS_PROBING,  /* LOGON is checking whether the user's old terminal is still there */
    TS_PASSWORD, /* waiting for the password (input not displayed) */
    TS_THROTTLE, /* a wrong password: input is not accepted until the delay ends */
    TS_LOGGED,   /* a user is logged on here */
    TS_DEAD,     /* CP has shut down */
};

/* What the status area shows when nothing else does. */
enum term_read {
    READ_NONE, /* RUNNING */
    READ_CP,   /* CP READ */
    READ_VM,   /* VM READ */
};

struct term_driver {
    const char *devclass; /* "GRAF" for a display, "LINE" for a typewriter */
    /* Output was queued, or the read state changed: show it when the device is free. */
    void (*kick)(struct term *t);
    /* A session ended (LOGOFF, DISCONNECT): show the logo once the last
     * lines have been shown. */
    void (*logo)(struct term *t);
    /* Probe the device; done(t, connected) is called with the answer. */
    void (*probe)(struct term *t, void (*done)(struct term *t, bool connected));
};

struct term {
    struct term *next; /* all terminals */
    struct rdevblok *rdev;
    const struct term_driver *drv;
    void *drvdata;
    bool syscons;   /* the system console: also the hardcopy log */
    bool connected; /* a client (person) is there */
    enum term_state state;
    enum term_read reading;
    bool hidden;       /* input is not displayed (password) */
    uint32_t read_seq; /* counts term_set_reading calls */
    struct vmblok *vm; /* the user logged on here */
    /* output */
    struct outline *outq, *outq_tail;
    int outq_len;
    bool discarding; /* queue overflowed: lines are being dropped */
    /* input */
    /* lines entered and not yet processed, oldest first: the keyboard is
     * unlocked with the echo, before CP has run the command */
    char pending[TERM_INPUT_QUEUE][TERM_INPUT_MAX + 1];
    uint8_t pend_first, pend_count;
    struct work input_work;
    /* logon dialogue */
    char logon_userid[9];
    bool logon_noipl;
    int failures; /* consecutive wrong passwords here */
    struct timer throttle;
    uint64_t last_input; /* TOD of the last line entered */
    /* a question a command asked (LINK's password): the next line answers it */
    void (*answer)(struct term *t, const char *line, void *arg); /* line NULL: cancelled */
    void *answer_arg;
};

/* Register a terminal on a real device (the drivers call this). */
struct term *term_create(struct rdevblok *rd, const struct term_driver *drv, void *drvdata);
/* Every terminal, and the system console (NULL if there is none). */
struct term *term_first(void);
struct term *term_syscons(void);
void term_set_syscons(struct term *t);

/* Queue one line of output (split if longer than TERM_LINE_MAX). */
void term_put(struct term *t, uint8_t flags, const char *text);
void term_printf(struct term *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void term_vprintf(struct term *t, uint8_t flags, const char *fmt, va_list ap);
/* The first queued line, and removing it once it is shown. */
struct outline *term_peek(struct term *t);
void term_pop(struct term *t);
void term_flush_output(struct term *t);

/* A line the user entered (ASCII, not yet edited). Returns false if the
 * terminal cannot take input now (NOT ACCEPTED). */
bool term_input(struct term *t, const char *line, size_t len);
/* The user pressed the attention key for CP (PA1 on a 3270). */
void term_attention(struct term *t);
/* The client went away (detected by the driver). */
void term_lost(struct term *t);
/* The terminal is (again) showing the logo: the conversation starts over. */
void term_reset(struct term *t);
/* Change what the status area says and tell the driver. */
void term_set_reading(struct term *t, enum term_read r, bool hidden);

/* Ask the user of a logged-on terminal a question (input not displayed):
 * the next line goes to fn instead of being a command. A question still
 * open when the session ends is cancelled (fn gets a NULL line). */
void term_ask_hidden(struct term *t, const char *question,
                     void (*fn)(struct term *t, const char *line, void *arg), void *arg);

/* The device name used in messages: "GRAF 0C0", "LINE 009". */
void term_name(const struct term *t, char *buf, size_t len);

#endif
