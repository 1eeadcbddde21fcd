/*
 * sim_stor.c - storage keys of a virtual machine: SSK, ISK, RRB (System/370
 * Principles of Operation, "Storage-Key Instructions"; keys are per 2K block).
 */
#include "hw/s370.h"
#include "mm/gstor.h"
#include "sim/sim.h"
#include "vm/vmblok.h"

/* The 2K block of a real address: bits 8-20; bits 28-31 must be zero. */
static int block(struct simctx *s, uint64_t reg, uint32_t *raddr)
{
    if (reg & 0xF)
        return PGM_SPECIFICATION;
    *raddr = (uint32_t)reg & 0x00FFF800;
    return *raddr < s->vm->stor.size ? 0 : PGM_ADDRESSING;
}

/* 08 SSK R1,R2 [RR]: set storage key from R1 bits 24-30 */
int sim_ssk(struct simctx *s)
{
    uint32_t raddr;
    int pgm = block(s, s->vm->cpu.gpr[s->in.r2], &raddr);
    if (!pgm)
        gstor_set_key(&s->vm->stor, raddr, (uint8_t)s->vm->cpu.gpr[s->in.r1] & 0xFE);
    return pgm;
}

/* 09 ISK R1,R2 [RR]: insert storage key: 7 bits in EC mode, 5 in BC */
int sim_isk(struct simctx *s)
{
    uint32_t raddr;
    int pgm = block(s, s->vm->cpu.gpr[s->in.r2], &raddr);
    if (pgm)
        return pgm;
    uint8_t k = gstor_key(&s->vm->stor, raddr) & (s->vm->cpu.psw.ec ? 0xFE : 0xF8);
    uint64_t *r1 = &s->vm->cpu.gpr[s->in.r1];
    *r1 = (*r1 & ~0xFFULL) | k;
    return 0;
}

/* B213 RRB D2(B2) [S]: reset reference bit; cc = R and C before */
int sim_rrb(struct simctx *s)
{
    uint32_t raddr = sim_ea(s) & 0x00FFF800;
    if (raddr >= s->vm->stor.size)
        return PGM_ADDRESSING;
    sim_set_cc(s, gstor_reset_ref(&s->vm->stor, raddr));
    return 0;
}
