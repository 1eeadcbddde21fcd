/*
 * timer.h - CP's timer queue, driven by the clock comparator.
 *
 * A timer is embedded in its owner (a terminal's MORE... timeout, a logon
 * throttle) and armed with an absolute TOD value. The dispatcher sets the
 * clock comparator to the earliest one and runs the expired ones when it
 * wakes. Callbacks run disabled, like all of CP, and may re-arm timers.
 */
#ifndef CP_KERN_TIMER_H
#define CP_KERN_TIMER_H

#include <stdbool.h>
#include <stdint.h>

struct timer {
    struct timer *next;
    uint64_t when;
    void (*fn)(struct timer *t);
    void *arg;
    bool armed;
};

void timer_init(struct timer *t, void (*fn)(struct timer *), void *arg);
void timer_set(struct timer *t, uint64_t when);
void timer_set_in(struct timer *t, uint64_t tod_units);
void timer_cancel(struct timer *t);
/* The earliest expiry, or UINT64_MAX when nothing is armed. */
uint64_t timer_next(void);
/* Load the clock comparator, unless it holds `when` already (SCKC is
 * dear under Hercules: every use goes to the host clock). All of CP sets
 * the comparator through this. */
void timer_load_ckc(uint64_t when);
/* Run every timer due at `now`; returns how many ran. */
int timer_run(uint64_t now);

#endif
