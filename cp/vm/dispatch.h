/*
 * dispatch.h - running virtual machines (≈ DMKDSP, with the simple
 * round-robin of DMKSCH): the run queue, time slices, wait and stop.
 */
#ifndef CP_VM_DISPATCH_H
#define CP_VM_DISPATCH_H

#include <stdint.h>

struct vmblok;

/* Something happened for the machine (an interruption became pending):
 * a waiting machine is made runnable if it is enabled for it. */
void vm_wake(struct vmblok *vm);
/* Stop the machine in CP mode (CP READ). why: the reason, shown as
 * "DMKDSP450W CP ENTERED; why"; NULL for a quiet stop (PA1, BEGIN later). */
void vm_stop(struct vmblok *vm, const char *why);
/* Let a stopped machine run again (BEGIN, end of IPL). */
void vm_start(struct vmblok *vm);
/* The machine's floating-point and access registers are kept in the
 * hardware between its slices: store them into its vcpu (for DISPLAY,
 * STORE or a reset, which may then change them there). */
void vm_save_regs(struct vmblok *vm);
/* Take the machine off the run queue for good (LOGOFF). */
void vm_unschedule(struct vmblok *vm);

/* CP's share of the CPU and the guests' (for INDICATE and benchmarks). */
struct dispatch_stats {
    uint64_t slices;       /* time slices given */
    uint64_t entries;      /* times a guest was entered */
    uint64_t guest_time;   /* TOD units guests ran */
    uint64_t exits[5];     /* by exit class */
};
void dispatch_get_stats(struct dispatch_stats *st);

#define SLICE_TOD (20ULL * 1000 << 12) /* a time slice: 20 ms */

#endif
