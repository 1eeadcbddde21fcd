/*
 * insn.h - decoding the instruction a guest was stopped at (portable).
 *
 * The length of an instruction comes from the two high bits of its first
 * byte (00: 2 bytes, 01 and 10: 4, 11: 6). The fields are those of the
 * formats the privileged and S/370 instructions use: RR, RX, RS, SI, S
 * and SS, and RRE for the B2xx register forms.
 */
#ifndef CP_SIM_INSN_H
#define CP_SIM_INSN_H

#include <stdint.h>

struct insn {
    uint8_t raw[6];
    unsigned len;     /* bytes: 2, 4 or 6 */
    uint8_t op;       /* first byte */
    uint8_t op2;      /* second byte (B2xx, 9Cxx ...) */
    uint8_t r1, r2, r3, x2, b1, b2;
    uint8_t i2;       /* SI immediate */
    uint16_t d1, d2;
};

static inline unsigned insn_length(uint8_t op)
{
    return (op & 0xC0) == 0 ? 2 : (op & 0xC0) == 0xC0 ? 6 : 4;
}

/* Decode raw (at least insn_length(raw[0]) bytes) into every field; the
 * caller uses the fields of the instruction's format. */
void insn_decode(const uint8_t *raw, struct insn *in);

/* A 24-bit effective address: base + index + displacement, register 0
 * meaning no register. */
uint32_t insn_ea24(const uint64_t gpr[16], uint8_t b, uint8_t x, uint16_t d);

#endif
