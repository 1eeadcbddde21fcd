/*
 * insn.c - instruction decoding (see insn.h). Portable.
 */
#include <string.h>
#include "sim/insn.h"

void insn_decode(const uint8_t *raw, struct insn *in)
{
    memset(in, 0, sizeof(*in));
    in->op = raw[0];
    in->len = insn_length(raw[0]);
    memcpy(in->raw, raw, in->len);
    in->op2 = raw[1];
    /* RR: r1 r2 in byte 1; RX/RS/SI: byte 1 is r1/x2 or r1/r3 or i2 */
    in->r1 = raw[1] >> 4;
    in->r2 = raw[1] & 0xF;
    in->i2 = raw[1];
    if (in->len >= 4) {
        in->x2 = raw[1] & 0xF; /* RX */
        in->r3 = raw[1] & 0xF; /* RS */
        in->b2 = raw[2] >> 4;
        in->d2 = (uint16_t)(((raw[2] & 0xF) << 8) | raw[3]);
        in->b1 = in->b2; /* SI: the first operand address */
        in->d1 = in->d2;
        if (raw[0] == 0xB2) { /* S and RRE: two-byte opcode */
            in->r1 = raw[3] >> 4;
            in->r2 = raw[3] & 0xF;
        }
    }
    if (in->len == 6) { /* SS: D1(L,B1),D2(B2) */
        in->b1 = raw[2] >> 4;
        in->d1 = (uint16_t)(((raw[2] & 0xF) << 8) | raw[3]);
        in->b2 = raw[4] >> 4;
        in->d2 = (uint16_t)(((raw[4] & 0xF) << 8) | raw[5]);
    }
}

uint32_t insn_ea24(const uint64_t gpr[16], uint8_t b, uint8_t x, uint16_t d)
{
    uint64_t a = d;
    if (b)
        a += gpr[b];
    if (x)
        a += gpr[x];
    return (uint32_t)(a & 0x00FFFFFF);
}
