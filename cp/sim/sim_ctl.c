/*
 * sim_ctl.c - control registers, translation and CPU identity of a virtual
 * machine: LCTL, STCTL, PTLB, LRA, STIDP, STAP, SIGP, and the DIAGNOSE
 * dispatch (System/370 Principles of Operation, "Control Instructions").
 */
#include "hw/s370.h"
#include "lib/bytes.h"
#include "mm/dat370.h"
#include "mm/gaccess.h"
#include "mm/shadow.h"
#include "sim/sim.h"
#include "vm/dispatch.h"
#include "vm/vmblok.h"

/* B7 LCTL R1,R3,D2(B2) [RS]: load control registers R1 through R3 */
int sim_lctl(struct simctx *s)
{
    struct vcpu *c = &s->vm->cpu;
    uint32_t ea = sim_ea(s);
    unsigned n = ((s->in.r3 - s->in.r1) & 0xF) + 1;
    uint8_t buf[64];
    if (ea & 3)
        return PGM_SPECIFICATION;
    int pgm = gacc_fetch(s->vm, ea, buf, 4 * n, c->psw.key, &s->tea);
    if (pgm)
        return pgm;
    for (unsigned i = 0; i < n; i++)
        c->cr[(s->in.r1 + i) & 0xF] = get_be32(buf + 4 * i);
    return 0;
}

/* B6 STCTL R1,R3,D2(B2) [RS]: store control registers */
int sim_stctl(struct simctx *s)
{
    struct vcpu *c = &s->vm->cpu;
    uint32_t ea = sim_ea(s);
    unsigned n = ((s->in.r3 - s->in.r1) & 0xF) + 1;
    uint8_t buf[64];
    if (ea & 3)
        return PGM_SPECIFICATION;
    for (unsigned i = 0; i < n; i++)
        put_be32(buf + 4 * i, c->cr[(s->in.r1 + i) & 0xF]);
    return gacc_store(s->vm, ea, buf, 4 * n, c->psw.key, &s->tea);
}

/* B20D PTLB [S]: purge the TLB: every shadow table goes */
int sim_ptlb(struct simctx *s)
{
    shadow_purge(s->vm);
    return 0;
}

/* B1 LRA R1,D2(X2,B2) [RX]: load real address */
int sim_lra(struct simctx *s)
{
    struct vcpu *c = &s->vm->cpu;
    struct dat370_result r;
    int pgm = dat370_translate(&s->vm->stor.ops, c->cr[0], c->cr[1], sim_ea(s), &r);
    if (r.lra_cc < 0)
        return pgm; /* translation specification, addressing */
    uint32_t result = r.lra_cc == 0 ? r.raddr : r.entry_addr;
    c->gpr[s->in.r1] = (c->gpr[s->in.r1] & ~0xFFFFFFFFULL) | result;
    sim_set_cc(s, r.lra_cc);
    return 0;
}

/* B202 STIDP D2(B2) [S]: store CPU id: version X'FF' (a virtual machine),
 * the CPU identification, model, maximum MCEL length */
int sim_stidp(struct simctx *s)
{
    uint32_t ea = sim_ea(s);
    uint8_t id[8];
    if (ea & 7)
        return PGM_SPECIFICATION;
    id[0] = 0xFF;
    put_be24(id + 1, s->vm->cpuid ? s->vm->cpuid : 0x000370);
    put_be16(id + 4, 0x3158);
    put_be16(id + 6, 0);
    return gacc_store(s->vm, ea, id, 8, s->vm->cpu.psw.key, &s->tea);
}

/* B212 STAP D2(B2) [S]: store CPU address (this machine has one CPU, 0) */
int sim_stap(struct simctx *s)
{
    uint32_t ea = sim_ea(s);
    uint8_t a[2] = {0, 0};
    if (ea & 1)
        return PGM_SPECIFICATION;
    return gacc_store(s->vm, ea, a, 2, s->vm->cpu.psw.key, &s->tea);
}

/* AE SIGP R1,R3,D2(B2) [RS]: signal processor. There is one CPU, address
 * 0: another address is not operational; to itself, sense is accepted,
 * restart and stop act, and the other orders are accepted with no effect. */
int sim_sigp(struct simctx *s)
{
    struct vcpu *c = &s->vm->cpu;
    uint16_t cpu = (uint16_t)c->gpr[s->in.r3];
    uint8_t order = (uint8_t)sim_ea(s);
    if (cpu != 0) {
        sim_set_cc(s, 3);
        return 0;
    }
    switch (order) {
    case 0x06: c->restart_pending = true; break; /* restart */
    case 0x05: vm_stop(s->vm, NULL); break;      /* stop */
    default: break;
    }
    sim_set_cc(s, 0);
    return 0;
}

