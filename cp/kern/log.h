/*
 * log.h - CP's messages to the operator, and the system log message.
 *
 * Every message meant for the operator goes to the system console, which
 * is also the hardcopy log (tests read it from the Hercules log), and to
 * the system operator's terminal when SYSOPER is logged on elsewhere.
 * Messages issued before the consoles exist are kept and written as soon
 * as the system console is up. The last LOG_RING lines stay in storage.
 *
 * The log message (SET LOGMSG, QUERY LOGMSG, shown at LOGON) is kept here
 * with the time it was last set, as VM/370 kept it beside the time of day.
 */
#ifndef CP_KERN_LOG_H
#define CP_KERN_LOG_H

#include <stddef.h>
#include <stdint.h>

#define LOG_RING         64
#define LOGMSG_MAX_LINES 16
#define LOGMSG_LINE_MAX  72

/* To the system console only (startup messages, the hardcopy of events). */
void cp_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* To the operator: the system console and SYSOPER's terminal. */
void cp_opmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A milestone of the system's life (initialization complete, shutdown):
 * like cp_opmsg, and also to the hardware console (Hercules' log) when the
 * system console is not the typewriter console whose lines go there. */
void cp_milestone(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The consoles are up: write what was logged before. */
void log_consoles_ready(void);
/* The line n back (0 = newest) of the in-storage log, or NULL. */
const char *log_recent(int n);

/* The log message */
/* "LOGMSG- hh:mm:ss mm/dd/yy": the header line LOGON and QUERY show. */
void logmsg_header(char *buf, size_t len);
int logmsg_count(void);
const char *logmsg_line(int i);
int logmsg_add(const char *text); /* -1 when full */
void logmsg_clear(void);

#endif
