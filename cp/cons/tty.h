/*
 * tty.h - typewriter consoles (3215) as CP terminals (see tty.c).
 */
#ifndef CP_CONS_TTY_H
#define CP_CONS_TTY_H

struct rdevblok;
struct term;

struct term *tty_attach(struct rdevblok *rd);
/* Write one line synchronously, whatever the device was doing: only for
 * the abend path, when CP can no longer rely on its own queues. */
int tty_emergency_write(struct rdevblok *rd, const char *text);

#endif
