/*
 * dispatch.c - CP's one loop (≈ DMKDSP): take an event, act on it, and
 * wait when there is nothing to do.
 *
 * CP runs disabled. Each turn runs the expired timers and the deferred
 * work, advances a shutdown in progress, then sets the clock comparator
 * to the earliest timer and waits, enabled for I/O and external
 * interruptions. An I/O interruption is handed to the I/O supervisor and
 * any others already pending are taken at once with TEST PENDING
 * INTERRUPTION; an external one is a timer, the service processor, or the
 * interrupt key. (Virtual machines join this loop with the virtual S/370.)
 */
#include <stdint.h>
#include "io/ios.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "kern/shutdown.h"
#include "kern/timer.h"
#include "kern/work.h"
#include "machine/cpu.h"
#include "machine/lowcore.h"

static void external(void)
{
    switch (lc_get16(LC_EXT_CODE)) {
    case EXT_CLOCK_COMP: break; /* the timers run at the top of the loop */
    case EXT_SERVICE_SIGNAL: sclp_interrupt(lc_get32(LC_EXT_PARAM)); break;
    case EXT_INTERRUPT_KEY: cp_log("DMKDSP451I EXTERNAL INTERRUPT KEY IGNORED"); break;
    default: break;
    }
}

void dispatch_loop(void)
{
    for (;;) {
        timer_run(stck());
        work_run();
        shutdown_progress();
        if (work_pending())
            continue;
        uint64_t next = timer_next();
        uint64_t sd = shutdown_deadline();
        if (sd && sd < next)
            next = sd;
        if (next <= stck())
            continue;
        sckc(next);
        if (cpu_wait(PSW_64 | PSW_IO | PSW_EXT | PSW_WAIT) == CPU_WAIT_IO)
            ios_interrupt(lc_get32(LC_SUBCHANNEL_ID));
        else
            external();
        while (tpi())
            ios_interrupt(lc_get32(LC_SUBCHANNEL_ID));
    }
}
