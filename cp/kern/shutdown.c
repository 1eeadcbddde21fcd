/*
 * shutdown.c - SHUTDOWN (≈ the SHUTSYS path of DMKCPI).
 *
 * Entry points: cmd_shutdown (the class A command), cp_shutdown_request
 * (the command, or signal quiesce from the hardware console: Hercules
 * `quit` or SIGTERM), shutdown_progress (called by the dispatcher).
 *
 * Every user is logged off ("LOGOFF AT ... BY SYSTEM"), the terminals get
 * a few seconds to show it, the system console gets DMKCPI961W, and CP
 * loads the disabled wait PSW with code X'006'. Hercules stops the CPU on
 * a disabled wait; when the shutdown came from `quit`, Hercules then ends.
 */
#include <stdio.h>
#include "cmd/cmd.h"
#include "cons/logon.h"
#include "cons/term.h"
#include "io/ios.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "kern/shutdown.h"
#include "lib/tod.h"
#include "spool/spool.h"
#include "machine/cpu.h"
#include "vm/vmblok.h"

#define DRAIN_LIMIT TOD_SEC(5)

static bool requested;
static int phase; /* 0 not started, 1 users logged off, 2 last message written */
static uint64_t deadline;
static char by[40];

bool cp_shutting_down(void) { return requested; }

void cp_shutdown_request(const char *who)
{
    if (requested)
        return;
    requested = true;
    snprintf(by, sizeof(by), "%s", who);
}

void cmd_shutdown(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    if (scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_option(c, "CPI", tok);
        return;
    }
    cp_shutdown_request(c->vm ? c->vm->userid : "OPERATOR");
}

/* True once every terminal has written what it had. */
static bool drained(void)
{
    for (struct term *t = term_first(); t; t = t->next)
        if (t->connected && (term_peek(t) || t->rdev->active || t->rdev->qhead))
            return false;
    return true;
}

void shutdown_progress(void)
{
    if (!requested)
        return;
    switch (phase) {
    case 0:
        phase = 1;
        deadline = stck() + DRAIN_LIMIT;
        cp_milestone("DMKCPI960I SYSTEM SHUTDOWN STARTED BY %s", by);
        logoff_all();
        return;
    case 1:
        if (!drained() && stck() < deadline)
            return;
        for (struct term *t = term_first(); t; t = t->next)
            if (!t->syscons)
                t->state = TS_DEAD;
        spool_shutdown(); /* every user's files are closed: the warm start data */
        phase = 2;
        deadline = stck() + TOD_SEC(2);
        cp_milestone("DMKCPI961W SYSTEM SHUTDOWN COMPLETE");
        return;
    default:
        if (!drained() && stck() < deadline)
            return;
        disabled_wait(WAIT_SHUTDOWN);
    }
}

/* When the dispatcher must wake up next for the shutdown, or 0. */
uint64_t shutdown_deadline(void) { return phase ? deadline : 0; }
