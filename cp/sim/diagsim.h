/*
 * diagsim.h - the DIAGNOSE handlers CP implements (diagnose/DIAGNOSE.md)
 * and what they share. Each handler gets the instruction's register
 * numbers Rx and Ry and returns 0 or the program-interruption code to
 * reflect (sim.h); it checks every operand before it changes anything.
 * sim_diag.c sends each code to its handler.
 */
#ifndef CP_SIM_DIAGSIM_H
#define CP_SIM_DIAGSIM_H

#include <stdint.h>
#include "sim/sim.h"
#include "vm/vmblok.h"

struct vdev;

/* diag_info.c: identification, time, devices, the console */
int diag_x00(struct simctx *s, unsigned rx, unsigned ry); /* store extended identification */
int diag_x0c(struct simctx *s, unsigned rx, unsigned ry); /* pseudo timer */
int diag_x1c(struct simctx *s, unsigned rx, unsigned ry); /* clear error recording */
int diag_x24(struct simctx *s, unsigned rx, unsigned ry); /* device type and features */
int diag_x54(struct simctx *s, unsigned rx, unsigned ry); /* PA2 function */
int diag_x5c(struct simctx *s, unsigned rx, unsigned ry); /* error message editing */
int diag_x60(struct simctx *s, unsigned rx, unsigned ry); /* storage size */
int diag_x8c(struct simctx *s, unsigned rx, unsigned ry); /* 3270 characteristics */
/* diag_stor.c: storage */
int diag_x04(struct simctx *s, unsigned rx, unsigned ry); /* examine real storage */
int diag_x10(struct simctx *s, unsigned rx, unsigned ry); /* release pages */
/* diag_io.c: synchronous I/O */
int diag_x18(struct simctx *s, unsigned rx, unsigned ry);  /* standard DASD I/O */
int diag_x20(struct simctx *s, unsigned rx, unsigned ry);  /* general I/O */
int diag_x250(struct simctx *s, unsigned rx, unsigned ry); /* block I/O */
/* diag_spool.c */
int diag_x14(struct simctx *s, unsigned rx, unsigned ry); /* input spool file manipulation */
/* diag_seg.c */
int diag_x64(struct simctx *s, unsigned rx, unsigned ry); /* named segments */
/* diag_cmd.c */
int diag_x08(struct simctx *s, unsigned rx, unsigned ry); /* CP command */
/* diag_dir.c */
int diag_x3c(struct simctx *s, unsigned rx, unsigned ry); /* dynamic directory update */
/* diag_cons.c */
int diag_x58(struct simctx *s, unsigned rx, unsigned ry); /* 3270 virtual console interface */

/* X'24' VDEVFLAG of a DASD: VDEVFLAG_RDONLY, VDEVFLAG_TDISK (diag_info.c). */
uint8_t diag24_dasd_flags(struct vmblok *vm, struct vdev *vd);

/* The guest's registers: bits 32-63 of the saved 64-bit ones. */
static inline uint32_t diag_reg(const struct simctx *s, unsigned r)
{
    return (uint32_t)s->vm->cpu.gpr[r & 15];
}

/* Set bits 32-63 of a register (also after the DIAGNOSE, when its I/O ends). */
static inline void diag_vm_set_reg(struct vmblok *vm, unsigned r, uint32_t v)
{
    uint64_t *g = &vm->cpu.gpr[r & 15];
    *g = (*g & 0xFFFFFFFF00000000ULL) | v;
}

static inline void diag_set_reg(struct simctx *s, unsigned r, uint32_t v)
{
    diag_vm_set_reg(s->vm, r, v);
}

/* The instruction is not done yet: CP waits for a device (a DASD busy
 * with other I/O, a display still writing the last screen). Its PSW goes
 * back to the DIAGNOSE, which runs again when the machine is next
 * entered; nothing has changed meanwhile. */
static inline void diag_again(struct simctx *s)
{
    s->vm->cpu.psw.addr = s->iaddr;
    s->again = true;
}

/* An address in a register: bits 8-31. */
static inline uint32_t diag_addr(const struct simctx *s, unsigned r)
{
    return diag_reg(s, r) & 0x00FFFFFF;
}

#endif
