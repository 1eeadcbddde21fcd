/*
 * psw370.c - the S/370 PSW image in BC and EC mode (see s370.h; System/370
 * Principles of Operation, "Program-Status Word").
 *
 * Entry points: psw370_encode, psw370_decode, psw370_valid,
 * psw370_io_enabled. Portable.
 */
#include "hw/s370.h"

void psw370_encode(const struct psw370 *p, uint8_t out[8])
{
    out[0] = p->sysmask;
    out[1] = (uint8_t)((p->key << 4) | (p->ec ? PSW370_EC : 0) | (p->mcheck ? PSW370_MCHECK : 0) |
                       (p->wait ? PSW370_WAIT : 0) | (p->problem ? PSW370_PROBLEM : 0));
    if (p->ec) {
        out[2] = (uint8_t)((p->ss ? PSW370_EC_SS : 0) | ((p->cc & 3) << 4) | (p->pm & 0xF));
        out[3] = 0;
        out[4] = 0;
    } else {
        out[2] = (uint8_t)(p->intcode >> 8);
        out[3] = (uint8_t)p->intcode;
        out[4] = (uint8_t)(((p->ilc & 3) << 6) | ((p->cc & 3) << 4) | (p->pm & 0xF));
    }
    out[5] = (uint8_t)(p->addr >> 16);
    out[6] = (uint8_t)(p->addr >> 8);
    out[7] = (uint8_t)p->addr;
}

void psw370_decode(const uint8_t in[8], struct psw370 *p)
{
    p->sysmask = in[0];
    p->key = in[1] >> 4;
    p->ec = (in[1] & PSW370_EC) != 0;
    p->mcheck = (in[1] & PSW370_MCHECK) != 0;
    p->wait = (in[1] & PSW370_WAIT) != 0;
    p->problem = (in[1] & PSW370_PROBLEM) != 0;
    if (p->ec) {
        p->ss = (in[2] & PSW370_EC_SS) != 0;
        p->cc = (in[2] >> 4) & 3;
        p->pm = in[2] & 0xF;
        p->intcode = 0;
        p->ilc = 0;
    } else {
        p->ss = false;
        p->intcode = (uint16_t)((in[2] << 8) | in[3]);
        p->ilc = in[4] >> 6;
        p->cc = (in[4] >> 4) & 3;
        p->pm = in[4] & 0xF;
    }
    p->addr = ((uint32_t)in[5] << 16) | ((uint32_t)in[6] << 8) | in[7];
}

bool psw370_valid(const uint8_t in[8])
{
    if (!(in[1] & PSW370_EC))
        return true; /* a BC-mode PSW has no format errors */
    /* EC: bits 0, 2-4 of byte 0; 16 (no DAS) and 17 of byte 2; 24-39 */
    return (in[0] & 0xB8) == 0 && (in[2] & 0xC0) == 0 && in[3] == 0 && in[4] == 0;
}

bool psw370_io_enabled(const struct psw370 *p, uint32_t cr2, unsigned channel)
{
    bool cr2_bit = channel < 32 && (cr2 & (0x80000000u >> channel));
    if (p->ec)
        return (p->sysmask & PSW370_EC_IO) && cr2_bit;
    if (channel < 6)
        return (p->sysmask & (0x80 >> channel)) != 0;
    return (p->sysmask & 0x02) && cr2_bit;
}
