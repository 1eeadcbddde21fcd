/*
 * vtimer.h - a virtual machine's timers (≈ DMKTMR): the interval timer at
 * X'50', the clock comparator and the CPU timer.
 *
 * The CPU timer and the interval timer count the machine's virtual CPU
 * time (VM/370's SET TIMER ON): they advance while the guest runs, not
 * while it waits. SET TIMER REAL (directory OPTION REALTIMER) lets the
 * interval timer, and the CPU timer, run during waits too, as on a real
 * S/370; SET TIMER OFF stops the interval timer. The clock comparator compares with the TOD clock.
 * SCK does not change the TOD clock a guest sees (STCK runs natively).
 */
#ifndef CP_VM_VTIMER_H
#define CP_VM_VTIMER_H

#include <stdbool.h>
#include <stdint.h>

struct vmblok;

/* The guest ran `used` TOD units: advance its CPU and interval timers. */
void vtimer_account(struct vmblok *vm, uint64_t used);
bool vtimer_ckc_pending(struct vmblok *vm);
bool vtimer_cpt_pending(struct vmblok *vm);
/* How long (TOD units) the guest may run before one of its timers has
 * something to say; at most `limit`. */
uint64_t vtimer_run_limit(struct vmblok *vm, uint64_t limit);
/* A guest goes into an enabled wait: wake it when its clock comparator
 * (or, with SET TIMER REAL, its interval timer) has an interruption. */
void vtimer_arm_wake(struct vmblok *vm);
/* The wait ended (an interruption came): count its time (TIMER REAL). */
void vtimer_end_wait(struct vmblok *vm);

#endif
