/*
 * css.h - z/Architecture channel-subsystem formats CP uses for real I/O:
 * the ORB, SCHIB (PMCW + SCSW), IRB and format-1 CCWs, as byte offsets
 * (z/Architecture Principles of Operation, chapters 13-16).
 */
#ifndef CP_IO_CSS_H
#define CP_IO_CSS_H

#include <stdint.h>
#include "lib/bytes.h"

/* Subsystem-identification word of subchannel n (channel subsystem 0) */
#define SID(n) (0x00010000u | (uint16_t)(n))

/* ---------------------------------------------------------------- CCW, format 1 */
/* command(1) flags(1) count(2) data address(4, 31-bit) */
struct ccw1 {
    uint8_t b[8];
} __attribute__((aligned(8)));
_Static_assert(sizeof(struct ccw1) == 8, "format-1 CCW is 8 bytes");

static inline void ccw1_set(struct ccw1 *c, uint8_t cmd, uint8_t flags, uint16_t count,
                            uint32_t addr)
{
    c->b[0] = cmd;
    c->b[1] = flags;
    put_be16(c->b + 2, count);
    put_be32(c->b + 4, addr);
}

#define CCW_CD   0x80 /* chain data */
#define CCW_CC   0x40 /* chain command */
#define CCW_SLI  0x20 /* suppress length indication */
#define CCW_SKIP 0x10
#define CCW_PCI  0x08
#define CCW_IDA  0x04

#define CCW_CMD_SENSE    0x04
#define CCW_CMD_SENSE_ID 0xE4
#define CCW_CMD_NOP      0x03

/* ---------------------------------------------------------------- ORB
 * intparm(4) key/S/C/M/Y(1) F/P/I/A/U/H/T(1) LPM(1) L/D/X(1) CCW address(4);
 * the architecture reserves the rest of the 32 bytes. */
struct orb {
    uint8_t b[32];
} __attribute__((aligned(4)));
_Static_assert(sizeof(struct orb) == 32, "ORB is 32 bytes");

#define ORB_F 0x80 /* format-1 CCWs */

static inline void orb_set(struct orb *o, uint32_t intparm, uint32_t ccw_addr)
{
    for (unsigned i = 0; i < sizeof(o->b); i++)
        o->b[i] = 0;
    put_be32(o->b, intparm);
    o->b[5] = ORB_F;
    o->b[6] = 0xFF; /* logical path mask: any path (0 would be "not operational") */
    put_be32(o->b + 8, ccw_addr);
}

/* ---------------------------------------------------------------- SCSW (12 bytes) */
#define SCSW_FC_START 0x40 /* byte 2: function control */
#define SCSW_FC_HALT  0x20
#define SCSW_FC_CLEAR 0x10
#define SCSW_SC_ALERT 0x10 /* byte 3: status control */
#define SCSW_SC_INTER 0x08
#define SCSW_SC_PRIM  0x04
#define SCSW_SC_SEC   0x02
#define SCSW_SC_PEND  0x01

#define DEV_ATTN 0x80 /* byte 8: device status */
#define DEV_SM   0x40
#define DEV_CUE  0x20
#define DEV_BUSY 0x10
#define DEV_CE   0x08
#define DEV_DE   0x04
#define DEV_UC   0x02
#define DEV_UX   0x01

#define SCH_PCI   0x80 /* byte 9: subchannel status */
#define SCH_IL    0x40
#define SCH_PROG  0x20
#define SCH_PROT  0x10
#define SCH_CDATA 0x08
#define SCH_CCTL  0x04
#define SCH_ICTL  0x02
#define SCH_CHAIN 0x01

/* Sense byte 0 */
#define SENSE_CMDREJ 0x80
#define SENSE_INTREQ 0x40 /* intervention required: for a terminal, no client */
#define SENSE_BUSOUT 0x20
#define SENSE_EQUIP  0x10
#define SENSE_DATA   0x08
#define SENSE_OVRRUN 0x04

/* ---------------------------------------------------------------- SCHIB (52 bytes) */
struct schib {
    uint8_t pmcw[28];
    uint8_t scsw[12];
    uint8_t model[12];
} __attribute__((aligned(4)));
_Static_assert(sizeof(struct schib) == 52, "SCHIB is 52 bytes");

#define PMCW_INTPARM 0 /* 4 */
#define PMCW_ISC     4 /* ISC in bits 2-4 (mask 0x38) */
#define PMCW_FLAGS   5 /* E 0x80 ... V 0x01 */
#define PMCW_DEVNO   6 /* 2 */
#define PMCW_LPM     8
#define PMCW_PIM     11
#define PMCW_PAM     15
#define PMCW_E       0x80
#define PMCW_V       0x01

/* ---------------------------------------------------------------- IRB (96 bytes) */
struct irb {
    uint8_t scsw[12];
    uint8_t esw[20];
    uint8_t ecw[32];
    uint8_t emw[32];
} __attribute__((aligned(4)));
_Static_assert(sizeof(struct irb) == 96, "IRB is 96 bytes");

/* The I/O interruption subclass CP gives every device */
#define CP_ISC 3

#endif
