/*
 * vchan.h - the channel of devices CP simulates itself (the virtual
 * console now, spooled unit record later; ≈ the CCW walk of DMKVCN and
 * DMKVSP): a guest's format-0 channel program is run here CCW by CCW,
 * with command and data chaining, TIC, SKIP, SLI, status modifier,
 * incorrect length, and the program and protection checks a real channel
 * gives (System/370 Principles of Operation, "Input/Output Operations").
 *
 * The device supplies one function that carries out a command: it gets
 * the command with its whole data area (the data-chained CCWs together)
 * and says how many bytes the device transferred, with any extra unit
 * status (unit check, unit exception, status modifier), or that it must
 * wait (a console read waiting for the user): the program is then
 * resumed with vchan_resume.
 */
#ifndef CP_VDEV_VCHAN_H
#define CP_VDEV_VCHAN_H

#include <stdbool.h>
#include <stdint.h>

struct vmblok;
struct vdev;

#define VCHAN_SEGS 32

struct vchan_op {
    uint8_t cmd;
    uint8_t flags;   /* of the first CCW (SKIP, SLI ...) */
    uint32_t total;  /* bytes in the data area */
    unsigned nseg;
    struct {
        uint32_t addr;
        uint16_t count;
    } seg[VCHAN_SEGS];
};

/* Carry out op. Return 0 when done: *devlen = the bytes the device
 * transferred or wanted to (more or fewer than total gives incorrect
 * length unless SLI), *ustat = unit status beyond CE and DE. Return 1 to
 * wait: call vchan_resume later to do the same command again. */
typedef int (*vchan_cmd_fn)(struct vmblok *vm, struct vdev *vd, struct vchan_op *op,
                            uint32_t *devlen, uint8_t *ustat);

struct vchan {
    vchan_cmd_fn fn;
    uint32_t ccw;   /* guest address of the CCW to run next */
    uint8_t key;    /* the CAW key */
    bool waiting;
    bool pci; /* a CCW with PCI ran: the ending carries it */
};

/* Start the program at the CAW (SIO). The ending goes to vdev_ended. */
void vchan_start(struct vmblok *vm, struct vdev *vd, struct vchan *ch, uint32_t caw);
/* Go on after the command function asked to wait. */
void vchan_resume(struct vmblok *vm, struct vdev *vd, struct vchan *ch);

/* Data of an operation: copy between the data area (from byte `off`) and
 * a CP buffer; returns the bytes copied. Reads with SKIP store nothing. */
uint32_t vchan_get(struct vmblok *vm, const struct vchan_op *op, uint32_t off, void *buf,
                   uint32_t len);
uint32_t vchan_put(struct vmblok *vm, const struct vchan_op *op, uint32_t off, const void *buf,
                   uint32_t len);

#endif
