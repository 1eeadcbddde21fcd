/*
 * log.c - operator messages and the log message (see log.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cons/term.h"
#include "io/ios.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "vm/vmblok.h"

static char ring[LOG_RING][TERM_LINE_MAX + 1];
static int ring_next, ring_count;
static int early_from = -1; /* first ring entry not yet written to the console */
static int early_count;
static int consoles_ready;

static void to_syscons(const char *line)
{
    struct term *sc = term_syscons();
    if (sc)
        term_put(sc, 0, line);
}

static void keep(const char *line)
{
    snprintf(ring[ring_next], sizeof(ring[0]), "%s", line);
    if (!consoles_ready) {
        if (early_from < 0)
            early_from = ring_next;
        early_count++;
    }
    ring_next = (ring_next + 1) % LOG_RING;
    if (ring_count < LOG_RING)
        ring_count++;
}

static void vlog(bool operator_too, const char *fmt, va_list ap)
{
    char line[TERM_LINE_MAX + 1];
    vsnprintf(line, sizeof(line), fmt, ap);
    keep(line);
    if (!consoles_ready)
        return;
    to_syscons(line);
    if (operator_too) {
        struct vmblok *op = vm_find(cp_sys.sysoper);
        if (op && op->term && !op->term->syscons)
            term_put(op->term, 0, line);
    }
}

void cp_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(false, fmt, ap);
    va_end(ap);
}

void cp_opmsg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(true, fmt, ap);
    va_end(ap);
}

void cp_milestone(const char *fmt, ...)
{
    char line[TERM_LINE_MAX + 1];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    cp_opmsg("%s", line);
    struct term *sc = term_syscons();
    if (!sc || sc->rdev->cls != RDEV_TERM3215)
        sclp_message(line);
}

void log_consoles_ready(void)
{
    consoles_ready = 1;
    if (early_from < 0)
        return;
    int n = early_count < LOG_RING ? early_count : LOG_RING;
    int first = early_count <= LOG_RING ? early_from : ring_next;
    for (int i = 0; i < n; i++)
        to_syscons(ring[(first + i) % LOG_RING]);
}

const char *log_recent(int n)
{
    if (n < 0 || n >= ring_count)
        return NULL;
    return ring[(ring_next - 1 - n + LOG_RING) % LOG_RING];
}

/* ---------------------------------------------------------------- the log message */

static char logmsg[LOGMSG_MAX_LINES][LOGMSG_LINE_MAX + 1];
static int nlogmsg;
static uint64_t logmsg_tod;

int logmsg_count(void) { return nlogmsg; }
const char *logmsg_line(int i) { return i >= 0 && i < nlogmsg ? logmsg[i] : NULL; }

int logmsg_add(const char *text)
{
    if (nlogmsg == LOGMSG_MAX_LINES)
        return -1;
    snprintf(logmsg[nlogmsg++], sizeof(logmsg[0]), "%s", text);
    logmsg_tod = stck();
    return 0;
}

void logmsg_header(char *buf, size_t len)
{
    struct datetime dt;
    char hms[16], mdy[16];
    cp_localtime(logmsg_tod, &dt);
    fmt_hms(hms, sizeof(hms), &dt);
    fmt_mdy(mdy, sizeof(mdy), &dt);
    snprintf(buf, len, "LOGMSG- %s %s", hms, mdy);
}

void logmsg_clear(void)
{
    nlogmsg = 0;
    logmsg_tod = stck();
}
