/*
 * logon.h - LOGON, RECONNECT, DISCONNECT, LOGOFF and FORCE (≈ DMKLOG for
 * logon, DMKUSO for logoff and disconnect).
 */
#ifndef CP_CONS_LOGON_H
#define CP_CONS_LOGON_H

#include <stdbool.h>

struct term;
struct timer;
struct vmblok;

/* The password line of a LOGON dialogue. */
void logon_password(struct term *t, const char *password);
/* The delay after a wrong password is over. */
void logon_throttle_expired(struct timer *tm);

/* End a session: the user's lines, the operator's notice, the logo.
 * by_system: FORCE or SHUTDOWN ("LOGOFF AT ... BY SYSTEM"). */
void user_logoff(struct vmblok *vm, bool by_system);
/* Detach the user from the terminal; the session goes on. forced: the
 * terminal went away rather than the user saying DISCONN. */
void user_disconnect(struct vmblok *vm, bool forced);
/* Log off every user (SHUTDOWN). */
void logoff_all(void);

#endif
