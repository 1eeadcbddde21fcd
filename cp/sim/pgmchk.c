/*
 * pgmchk.c - a guest's program interruptions (≈ DMKPRG) and the opcode
 * tables that drive simulation (≈ DMKPRV's branch tables).
 *
 * Entry point: sim_program_check. The host interruption code decides:
 *  - translation exceptions: the guest touched storage that has no frame
 *    yet, or (DAT on) whose shadow entry is not built: CP builds it and the
 *    instruction runs again; storage beyond the machine's size, or the
 *    guest's own invalid tables, become the guest's addressing or
 *    translation exception;
 *  - operation and privileged operation: the instruction is simulated
 *    (or reflected as S/370 would: 0002 in problem state, 0001 for what a
 *    S/370 does not have);
 *  - monitor event: reflected with its class and code;
 *  - anything else (protection, specification, data, overflow ...) is the
 *    guest's own and reflected as it came.
 * Every simulated instruction is counted; one in SIM_SAMPLE is timed.
 */
#include <stddef.h>
#include <stdio.h>
#include "cons/vcons.h"
#include "hw/s370.h"
#include "machine/cpu.h"
#include "machine/lowcore.h"
#include "mm/gaccess.h"
#include "mm/shadow.h"
#include "sim/sim.h"
#include "vm/dispatch.h"
#include "vm/machine.h"
#include "vm/reflect.h"
#include "vm/trace.h"
#include "vm/vmblok.h"

/* ---------------------------------------------------------------- the opcode tables */

#define P SF_PRIV

static struct simop op1[256] = {
    [0x08] = {"SSK", P, sim_ssk},       [0x09] = {"ISK", P, sim_isk},
    [0x80] = {"SSM", P, sim_ssm},       [0x82] = {"LPSW", P, sim_lpsw},
    [0x83] = {"DIAG", P, sim_diag},     [0xAC] = {"STNSM", P, sim_stnsm},
    [0xAD] = {"STOSM", P, sim_stosm},   [0xAE] = {"SIGP", P, sim_sigp},
    [0xB1] = {"LRA", P, sim_lra},       [0xB6] = {"STCTL", P, sim_stctl},
    [0xB7] = {"LCTL", P, sim_lctl},
};

static struct simop opb2[256] = {
    [0x02] = {"STIDP", P, sim_stidp}, [0x03] = {"STIDC", P, sim_stidc},
    [0x04] = {"SCK", P, sim_sck},     [0x06] = {"SCKC", P, sim_sckc},
    [0x07] = {"STCKC", P, sim_stckc}, [0x08] = {"SPT", P, sim_spt},
    [0x09] = {"STPT", P, sim_stpt},   [0x0A] = {"SPKA", P, sim_spka},
    [0x0B] = {"IPK", P, sim_ipk},     [0x0D] = {"PTLB", P, sim_ptlb},
    [0x12] = {"STAP", P, sim_stap},   [0x13] = {"RRB", P, sim_rrb},
};

/* 9C00 SIO, 9C01 SIOF, 9D00 TIO, 9D01 CLRIO, 9E00 HIO, 9E01 HDV, 9F00 TCH */
static struct simop opio[4][2] = {
    {{.name = "SIO", .flags = P, .fn = sim_sio}, {.name = "SIOF", .flags = P, .fn = sim_sio}},
    {{.name = "TIO", .flags = P, .fn = sim_tio}, {.name = "CLRIO", .flags = P, .fn = sim_clrio}},
    {{.name = "HIO", .flags = P, .fn = sim_hio}, {.name = "HDV", .flags = P, .fn = sim_hio}},
    {{.name = "TCH", .flags = P, .fn = sim_tch}, {.name = NULL}},
};

#undef P

static struct simop *lookup(const struct insn *in)
{
    struct simop *op = NULL;
    if (in->op == 0xB2)
        op = &opb2[in->op2];
    else if (in->op >= 0x9C && in->op <= 0x9F)
        op = in->op2 < 2 ? &opio[in->op - 0x9C][in->op2] : NULL;
    else
        op = &op1[in->op];
    return op && op->fn ? op : NULL;
}

void sim_for_each(void (*fn)(void *ctx, uint16_t opcode, const struct simop *op), void *ctx)
{
    for (int i = 0; i < 256; i++)
        if (op1[i].fn && op1[i].count)
            fn(ctx, (uint16_t)i, &op1[i]);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 2; j++)
            if (opio[i][j].fn && opio[i][j].count)
                fn(ctx, (uint16_t)(((0x9C + i) << 8) | j), &opio[i][j]);
    for (int i = 0; i < 256; i++)
        if (opb2[i].fn && opb2[i].count)
            fn(ctx, (uint16_t)(0xB200 | i), &opb2[i]);
}

static struct sim_stats stats;


/* ---------------------------------------------------------------- helpers */

uint32_t sim_ea(struct simctx *s)
{
    const struct insn *in = &s->in;
    bool rx = in->op == 0xB1 || in->op == 0x44; /* LRA, EX: RX */
    return insn_ea24(s->vm->cpu.gpr, in->b2, rx ? in->x2 : 0, in->d2);
}

uint32_t sim_ea1(struct simctx *s) { return insn_ea24(s->vm->cpu.gpr, s->in.b1, 0, s->in.d1); }

void sim_set_cc(struct simctx *s, int cc) { s->vm->cpu.psw.cc = (uint8_t)cc; }

static bool nullifying(int code)
{
    code &= 0x7F;
    return code == PGM_SEGMENT_TRANS || code == PGM_PAGE_TRANS;
}

/* ---------------------------------------------------------------- simulation */

static void simulate(struct vmblok *vm, uint8_t ilc)
{
    struct vcpu *c = &vm->cpu;
    struct simctx s = {.vm = vm, .ilc = ilc};
    uint8_t raw[6];
    s.iaddr = (c->psw.addr - 2u * ilc) & 0x00FFFFFF;
    int pgm = gacc_ifetch(vm, s.iaddr, raw, &s.tea);
    if (pgm) {
        /* the instruction just ran from there: only changed tables can do this */
        if (nullifying(pgm))
            c->psw.addr = s.iaddr;
        reflect_program(vm, (uint16_t)pgm, ilc, s.tea);
        return;
    }
    if (raw[0] == 0x44) {
        /* EXECUTE: the target, with R1's low byte ORed into its second byte */
        struct insn ex;
        insn_decode(raw, &ex);
        uint32_t target = insn_ea24(c->gpr, ex.b2, ex.x2, ex.d2);
        pgm = (target & 1) ? PGM_SPECIFICATION : gacc_ifetch(vm, target, raw, &s.tea);
        if (!pgm && raw[0] == 0x44)
            pgm = PGM_EXECUTE;
        if (pgm) {
            if (nullifying(pgm))
                c->psw.addr = s.iaddr;
            reflect_program(vm, (uint16_t)pgm, ilc, s.tea);
            return;
        }
        if (ex.r1)
            raw[1] |= (uint8_t)c->gpr[ex.r1];
    }
    if (vm->adstop && s.iaddr == vm->adstop_addr && raw[0] == 0 && raw[1] == 0) {
        /* the ADSTOP overlay: put the instruction back and stop there */
        greal_store(vm, vm->adstop_addr, vm->adstop_save, 2);
        vm->adstop = false;
        c->psw.addr = s.iaddr;
        char why[32];
        snprintf(why, sizeof(why), "ADSTOP AT %06X", s.iaddr);
        vcons_cp_message(vm, "%s", why);
        vm_stop(vm, NULL);
        return;
    }
    insn_decode(raw, &s.in);
    struct simop *op = lookup(&s.in);
    if (!op) {
        /* not a S/370 instruction (the 370-XA/ESA privileged ones land here) */
        stats.reflected++;
        reflect_program(vm, PGM_OPERATION, ilc, 0);
        return;
    }
    if ((op->flags & SF_PRIV) && c->psw.problem) {
        stats.reflected++;
        reflect_program(vm, PGM_PRIVILEGED, ilc, 0);
        return;
    }
    bool timed = (op->count++ % SIM_SAMPLE) == 0;
    uint64_t t0 = timed ? stck() : 0;
    int rc = op->fn(&s);
    if (timed) {
        op->cost += stck() - t0;
        op->timed++;
    }
    stats.simulated++;
    trace_privileged(vm, &s, op->name, rc);
    if (rc > 0) {
        if (nullifying(rc))
            c->psw.addr = s.iaddr;
        stats.reflected++;
        reflect_program(vm, (uint16_t)rc, ilc, s.tea);
    }
}

/* A host translation exception: a frame or shadow entry to make, or the
 * guest's own exception. */
static void translation_fault(struct vmblok *vm, uint16_t code, uint8_t ilc)
{
    struct vcpu *c = &vm->cpu;
    uint32_t vaddr = (uint32_t)(lc_get64(LC_TRANS_EXC_ID) & 0x00FFF000);
    int pgm;
    uint32_t tea = 0;
    if (c->psw.ec && (c->psw.sysmask & PSW370_EC_DAT))
        pgm = shadow_fault(vm, vaddr, &tea);
    else
        pgm = gstor_fault(&vm->stor, vaddr);
    if (pgm == 0) {
        stats.faults++;
        return; /* the PSW points at the instruction: it runs again */
    }
    if (pgm < 0) {
        vm_out_of_storage(vm);
        return;
    }
    stats.reflected++;
    if (!nullifying(pgm))
        c->psw.addr = (c->psw.addr + 2u * ilc) & 0x00FFFFFF; /* addressing: suppressed */
    reflect_program(vm, (uint16_t)pgm, ilc, tea);
    (void)code;
}

static uint64_t timed_checks, timed_cost;

void sim_get_stats(struct sim_stats *st)
{
    *st = stats;
    st->cost = timed_checks ? timed_cost / timed_checks * stats.checks : 0;
}

void sim_program_check(struct vmblok *vm)
{
    bool timed = (stats.checks++ % SIM_SAMPLE) == 0;
    uint64_t t0 = timed ? stck() : 0;
    uint16_t code = lc_get16(LC_PGM_CODE);
    uint8_t ilc = (uint8_t)(lc_get8(LC_PGM_ILC) >> 1);
    switch (code & 0x7F) {
    case PGM_SEGMENT_TRANS:
    case PGM_PAGE_TRANS:
        translation_fault(vm, code, ilc);
        break;
    case PGM_OPERATION:
    case PGM_PRIVILEGED:
        simulate(vm, ilc);
        break;
    case PGM_DATA:
        /* DXC 1: an odd floating-point register, which the host lacks
         * with AFP off; in S/370 that is a specification exception */
        stats.reflected++;
        reflect_program(vm, lc_get8(LC_DXC) == 1 ? PGM_SPECIFICATION : PGM_DATA, ilc, 0);
        break;
    case PGM_MONITOR:
        stats.reflected++;
        reflect_monitor(vm, lc_get8(0x95), (uint32_t)lc_get64(0xB0), ilc);
        break;
    default:
        stats.reflected++;
        reflect_program(vm, code & 0x7F, ilc, 0);
        break;
    }
    if (timed) {
        timed_cost += stck() - t0;
        timed_checks++;
    }
}
