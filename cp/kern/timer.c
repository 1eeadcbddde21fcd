/*
 * timer.c - the timer queue (see timer.h): a list sorted by expiry.
 * CP has a few dozen timers at most, so a sorted list is the simplest
 * structure that gives the next expiry in constant time.
 */
#include <stddef.h>
#include "kern/timer.h"
#include "machine/cpu.h"

static struct timer *queue;

void timer_init(struct timer *t, void (*fn)(struct timer *), void *arg)
{
    t->next = NULL;
    t->when = 0;
    t->fn = fn;
    t->arg = arg;
    t->armed = false;
}

void timer_cancel(struct timer *t)
{
    if (!t->armed)
        return;
    for (struct timer **pp = &queue; *pp; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    }
    t->armed = false;
    t->next = NULL;
}

void timer_set(struct timer *t, uint64_t when)
{
    timer_cancel(t);
    t->when = when;
    struct timer **pp = &queue;
    while (*pp && (*pp)->when <= when)
        pp = &(*pp)->next;
    t->next = *pp;
    *pp = t;
    t->armed = true;
}

void timer_set_in(struct timer *t, uint64_t tod_units) { timer_set(t, stck() + tod_units); }

uint64_t timer_next(void) { return queue ? queue->when : UINT64_MAX; }

int timer_run(uint64_t now)
{
    int n = 0;
    while (queue && queue->when <= now) {
        struct timer *t = queue;
        queue = t->next;
        t->next = NULL;
        t->armed = false;
        t->fn(t);
        n++;
    }
    return n;
}

static uint64_t ckc_loaded = UINT64_MAX; /* kern/main.c starts with it */

void timer_load_ckc(uint64_t when)
{
    if (when != ckc_loaded) {
        sckc(when);
        ckc_loaded = when;
    }
}
