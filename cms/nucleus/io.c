/*
 * io.c - channel programs on the virtual machine's devices, and the I/O
 * interruption handler (the job of R6's DMSIOW and DMSITI).
 *
 * A channel program is started with SIO and CMS waits, enabled for I/O,
 * until its device presents channel end and device end. Interruptions of
 * other devices that arrive meanwhile are kept, one per device, for
 * whoever waits for them next; the console's attention sets a flag the
 * console code looks at (console.c).
 */
#include <string.h>
#include "cms/nucleus/cms.h"
#include "cms/nucleus/lowcore.h"
#include "lib/bytes.h"

#define MAXPEND 8

static struct pending {
    uint16_t dev;
    bool used;
    uint8_t csw[8];
} pend[MAXPEND];

bool con_attention; /* console.c */

static inline int sio(unsigned dev)
{
    int cc;
    __asm__ volatile(".insn s,0x9c000000,0(%[d])\n\tipm %[cc]\n\tsrl %[cc],28"
                     : [cc] "=d"(cc)
                     : [d] "a"(dev)
                     : "cc", "memory");
    return cc;
}

static inline uint8_t *low(uint32_t a) { return (uint8_t *)(uintptr_t)a; }

void ccw0(void *ccw, unsigned cmd, const void *data, unsigned flags, unsigned count)
{
    uint8_t *c = ccw;
    put_be32(c, (uint32_t)(uintptr_t)data);
    c[0] = (uint8_t)cmd;
    c[4] = (uint8_t)flags;
    c[5] = 0;
    put_be16(c + 6, (uint16_t)count);
}

/* An attention that arrived while a program ran (not in a wait, no
 * nucleus level under way): start.S interrupts the program for it. */
static int for_program(void)
{
    bool waiting = (low(LC_IOOLD)[1] & 0x02) != 0;
    return con_attention && !waiting && *(volatile uint32_t *)low(LC_SVCDEPTH) == 0 &&
           cms_program_running();
}

int cms_io_interrupt(uint32_t *regs)
{
    (void)regs;
    unsigned dev = get_be16(low(LC_IOOLD + 2));
    const uint8_t *csw = low(LC_CSW);
    if (dev == nucon.console && csw[4] == 0x80) {
        con_attention = true; /* attention alone */
        return for_program();
    }
    struct pending *p = NULL;
    for (int i = 0; i < MAXPEND; i++)
        if (pend[i].used && pend[i].dev == dev)
            p = &pend[i];
    for (int i = 0; !p && i < MAXPEND; i++)
        if (!pend[i].used)
            p = &pend[i];
    if (!p)
        return for_program(); /* more devices than CMS drives at once: dropped */
    if (p->used) {
        /* a second status for the device: keep the status bits of both */
        p->csw[4] |= csw[4];
        p->csw[5] |= csw[5];
        memcpy(p->csw, csw, 4);
        memcpy(p->csw + 6, csw + 6, 2);
    } else {
        memcpy(p->csw, csw, 8);
    }
    p->dev = (uint16_t)dev;
    p->used = true;
    if (dev == nucon.console && (csw[4] & 0x80))
        con_attention = true;
    return for_program();
}

/* Take the kept status of dev, if any. */
static bool take(unsigned dev, uint8_t *csw)
{
    for (int i = 0; i < MAXPEND; i++)
        if (pend[i].used && pend[i].dev == dev) {
            memcpy(csw, pend[i].csw, 8);
            pend[i].used = false;
            return true;
        }
    return false;
}

int io_run(unsigned dev, const void *ccws, unsigned *residual)
{
    uint8_t csw[8];
    unsigned status = 0;
    put_be32(low(LC_CAW), (uint32_t)(uintptr_t)ccws & 0xFFFFFF);
    (void)take(dev, csw); /* a stale status (attention, device end) */
    for (;;) {
        int cc = sio(dev);
        if (cc == 0)
            break;
        if (cc == 3)
            return -1;
        if (cc == 1) { /* status stored: the device had something to say */
            memcpy(csw, low(LC_CSW), 8);
            if (dev == nucon.console && (csw[4] & 0x80))
                con_attention = true; /* a line typed meanwhile: read it later */
            if (csw[4] & 0x02) /* unit check at start */
                return csw[4] | csw[5] << 8;
            continue;
        }
        /* busy: wait for its interruption, then start again */
        while (!take(dev, csw))
            cms_wait();
    }
    for (;;) {
        while (!take(dev, csw))
            cms_wait();
        status |= csw[4];
        if (residual)
            *residual = get_be16(csw + 6);
        if ((status & 0x04) || (status & 0x02) || csw[5]) /* device end, unit check, channel status */
            return (int)(status | (unsigned)csw[5] << 8);
    }
}
