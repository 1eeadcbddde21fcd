/*
 * sclp.c - the service-call logical processor (SERVICE CALL, B220): how
 * much real storage there is, and the hardware console's request to shut
 * down ("signal quiesce").
 *
 * Entry points:
 *   sclp_storage_size()   READ SCP INFO at IPL: installed storage in bytes
 *   sclp_enable_quiesce() register for the signal-quiesce event
 *   sclp_interrupt(parm)  a service-signal external interruption (X'2401')
 *
 * Hercules sends signal quiesce when its operator types `quit` or the
 * process gets SIGTERM, and waits for the CPU to stop; CP answers with an
 * orderly SHUTDOWN, so `tools/cpcms stop` ends the system cleanly whoever
 * is logged on. The SCCB is a page of CP storage below 2 GB.
 */
#include <string.h>
#include "lib/bytes.h"
#include "kern/alloc.h"
#include "kern/cp.h"
#include "kern/work.h"
#include "machine/cpu.h"
#include "machine/lowcore.h"

#define SCLP_READ_SCP_INFO    0x00020001u
#define SCLP_READ_EVENT_DATA  0x00770005u
#define SCLP_WRITE_EVENT_MASK 0x00780005u

#define EVTYPE_SIGQ 0x1D

/* SCCB header: length(2) flags(1) reserved(2) type(1) reason(1) response(1) */
#define SCCB_LEN  0
#define SCCB_TYPE 5
#define SCCB_REAS 6
#define SCCB_RESP 7
#define SCCB_HDR  8

#define SERVSIG_PEND 0x00000001u /* in the interruption parameter: event pending */

static uint8_t sccb[4096] __attribute__((aligned(4096)));
static bool busy;
static uint32_t inflight; /* the command of the call in progress */
static bool events_waiting;
static void read_events(struct work *w);
static struct work event_work = {.fn = read_events};

/* Issue a service call and wait for its completion interruption. Returns
 * the SCCB response code (X'10' or X'20' = done), or -1. */
static int service_call(uint32_t cmd)
{
    if (servc(cmd, sccb) != 0)
        return -1;
    busy = true;
    inflight = cmd;
    /* Only external interruptions are enabled, and the only one the
     * machine can present now is the service signal. */
    uint64_t cr0 = stctg(0);
    lctlg(0, cr0 | CR0_SERVICE_SIGNAL);
    for (int spins = 0; busy && spins < 1000; spins++) {
        if (cpu_wait(PSW_64 | PSW_EXT | PSW_WAIT) != CPU_WAIT_EXT)
            continue;
        if (lc_get16(LC_EXT_CODE) == EXT_SERVICE_SIGNAL)
            sclp_interrupt(lc_get32(LC_EXT_PARAM));
    }
    lctlg(0, cr0);
    return busy ? -1 : sccb[SCCB_RESP];
}

uint64_t sclp_storage_size(void)
{
    memset(sccb, 0, sizeof(sccb));
    put_be16(sccb + SCCB_LEN, sizeof(sccb));
    int resp = service_call(SCLP_READ_SCP_INFO);
    if (resp != 0x10 && resp != 0x20)
        return 0;
    uint16_t increments = get_be16(sccb + SCCB_HDR + 0);
    uint8_t incsize_mb = sccb[SCCB_HDR + 2];
    return (uint64_t)increments * incsize_mb << 20;
}

bool sclp_enable_quiesce(void)
{
    memset(sccb, 0, sizeof(sccb));
    put_be16(sccb + SCCB_LEN, 32);
    put_be16(sccb + SCCB_HDR + 2, 4); /* mask length */
    /* receive mask: event type n is bit n-1 */
    put_be32(sccb + SCCB_HDR + 4, 0x80000000u >> (EVTYPE_SIGQ - 1));
    return service_call(SCLP_WRITE_EVENT_MASK) == 0x20;
}

/* An event is waiting: read it (from the dispatcher, never while another
 * service call is in progress). */
static void read_events(struct work *w)
{
    if (busy)
        return; /* sclp_interrupt queues us again when the call ends */
    events_waiting = false;
    memset(sccb, 0, sizeof(sccb));
    put_be16(sccb + SCCB_LEN, sizeof(sccb));
    sccb[SCCB_TYPE] = 0x80; /* variable-length request */
    if (servc(SCLP_READ_EVENT_DATA, sccb) != 0)
        return;
    busy = true;
    inflight = SCLP_READ_EVENT_DATA;
    /* The reply comes with the next service signal (sclp_interrupt). */
}

void sclp_interrupt(uint32_t parm)
{
    uint32_t addr = parm & ~7u;
    if (busy && addr == (uint32_t)(uintptr_t)sccb) {
        busy = false;
        /* A read-event reply: look for signal quiesce. */
        if (inflight == SCLP_READ_EVENT_DATA && get_be16(sccb + SCCB_LEN) > SCCB_HDR && sccb[SCCB_RESP] == 0x20) {
            uint16_t total = get_be16(sccb + SCCB_LEN);
            for (uint16_t off = SCCB_HDR; off + 6 <= total && off + 6u <= sizeof(sccb);) {
                uint16_t len = get_be16(sccb + off);
                if (len < 6)
                    break;
                if (sccb[off + 2] == EVTYPE_SIGQ)
                    cp_shutdown_request("THE HARDWARE CONSOLE");
                off += len;
            }
        }
    }
    if (parm & SERVSIG_PEND)
        events_waiting = true;
    if (events_waiting && !busy)
        work_queue(&event_work);
}
