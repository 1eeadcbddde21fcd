/*
 * sclp.c - the service-call logical processor (SERVICE CALL, B220): how
 * much real storage there is, and the hardware console's request to shut
 * down ("signal quiesce").
 *
 * Entry points:
 *   sclp_storage_size()   READ SCP INFO at IPL: installed storage in bytes
 *   sclp_enable_events()  register for signal quiesce and for sending messages
 *   sclp_message(text)    a line for the hardware console (Hercules' log)
 *   sclp_interrupt(parm)  a service-signal external interruption (X'2401')
 *
 * Hercules sends signal quiesce when its operator types `quit` or the
 * process gets SIGTERM, and waits for the CPU to stop; CP answers with an
 * orderly SHUTDOWN, so `tools/cpcms stop` ends the system cleanly whoever
 * is logged on. The SCCB is a page of CP storage below 2 GB.
 */
#include <string.h>
#include "console/ebcdic.h"
#include "lib/bytes.h"
#include "lib/tod.h"
#include "kern/alloc.h"
#include "kern/cp.h"
#include "kern/timer.h"
#include "kern/work.h"
#include "machine/cpu.h"
#include "machine/lowcore.h"

#define SCLP_READ_SCP_INFO    0x00020001u
#define SCLP_WRITE_EVENT_DATA 0x00760005u
#define SCLP_READ_EVENT_DATA  0x00770005u
#define SCLP_WRITE_EVENT_MASK 0x00780005u

#define EVTYPE_MSG  0x02
#define EVTYPE_SIGQ 0x1D
#define EVMASK(t)   (0x80000000u >> ((t)-1))

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
    /* Wait enabled for the service signal, and the clock comparator as
     * a time limit (the interrupt key is masked off meanwhile). */
    uint64_t cr0 = stctg(0);
    uint64_t limit = stck() + TOD_SEC(5);
    lctlg(0, (cr0 & ~(CR0_CPU_TIMER | CR0_INTERRUPT_KEY)) | CR0_SERVICE_SIGNAL | CR0_CLOCK_COMP);
    timer_load_ckc(limit);
    while (busy && stck() < limit) {
        if (cpu_wait(PSW_64 | PSW_EXT | PSW_WAIT) != CPU_WAIT_EXT)
            continue;
        if (lc_get16(LC_EXT_CODE) == EXT_SERVICE_SIGNAL)
            sclp_interrupt(lc_get32(LC_EXT_PARAM));
    }
    lctlg(0, cr0);
    bool done = !busy;
    busy = false; /* a call that never completed is abandoned */
    return done ? sccb[SCCB_RESP] : -1;
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

static bool messages_ok;

bool sclp_enable_events(void)
{
    memset(sccb, 0, sizeof(sccb));
    put_be16(sccb + SCCB_LEN, 32);
    put_be16(sccb + SCCB_HDR + 2, 4); /* mask length */
    /* CP receives signal quiesce and sends messages; event type n is bit n-1 */
    put_be32(sccb + SCCB_HDR + 4, EVMASK(EVTYPE_SIGQ));
    put_be32(sccb + SCCB_HDR + 8, EVMASK(EVTYPE_MSG));
    if (service_call(SCLP_WRITE_EVENT_MASK) != 0x20)
        return false;
    /* the reply: what the service processor can send and receive */
    messages_ok = (get_be32(sccb + SCCB_HDR + 12) & EVMASK(EVTYPE_MSG)) != 0;
    return (get_be32(sccb + SCCB_HDR + 16) & EVMASK(EVTYPE_SIGQ)) != 0;
}

/*
 * An operator message for the hardware console: an event buffer of type
 * "message" holding a message data block (MDB) with one message text
 * object (MTO). Sent only while no other service call is in progress;
 * it is a copy of a line the system console also gets.
 */
void sclp_message(const char *text)
{
    size_t len = strlen(text);
    if (!messages_ok || busy)
        return;
    if (len > 200)
        len = 200;
    memset(sccb, 0, sizeof(sccb));
    uint8_t *ev = sccb + SCCB_HDR;
    uint8_t *mdb = ev + 6;
    uint8_t *obj = mdb + 12;
    uint16_t objlen = (uint16_t)(4 + 6 + len);
    put_be16(obj, objlen);
    put_be16(obj + 2, 4); /* message text object */
    obj[4] = 0x10;        /* line type: last line of the message */
    obj[9] = 0xE4;        /* normal intensity */
    a2e_display(obj + 10, text, len);
    put_be16(mdb, (uint16_t)(12 + objlen));
    put_be16(mdb + 2, 1);
    put_be32(mdb + 4, 0xD4C4C240); /* "MDB " */
    put_be32(mdb + 8, 1);
    put_be16(ev, (uint16_t)(6 + 12 + objlen));
    ev[2] = EVTYPE_MSG;
    put_be16(sccb + SCCB_LEN, (uint16_t)(SCCB_HDR + 6 + 12 + objlen));
    service_call(SCLP_WRITE_EVENT_DATA);
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
        if (inflight == SCLP_READ_EVENT_DATA && get_be16(sccb + SCCB_LEN) > SCCB_HDR &&
            sccb[SCCB_RESP] == 0x20) {
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
