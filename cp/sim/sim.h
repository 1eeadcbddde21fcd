/*
 * sim.h - simulating a virtual machine's privileged and S/370-only
 * instructions (≈ DMKPRG for the program-check path, DMKPRV for the
 * simulation).
 *
 * A guest runs in host problem state, so every instruction S/370 reserves
 * to supervisor state arrives as a host program interruption: privileged
 * operation (LPSW, SSM, LCTL ...) or operation (the S/370 I/O instructions,
 * SSK, ISK, RRB and STIDC, which z/Architecture does not have). The
 * instruction is fetched and decoded (EXECUTE included), found in the
 * opcode tables and simulated, or reflected to the guest as the
 * interruption a real S/370 would give.
 *
 * Return convention of a simulator: 0 done (the guest's PSW points after
 * the instruction, or where the instruction sent it); > 0 a
 * program-interruption code to reflect (translation exceptions nullify:
 * the PSW is backed up to the instruction); < 0 a CP error.
 */
#ifndef CP_SIM_SIM_H
#define CP_SIM_SIM_H

#include <stdbool.h>
#include <stdint.h>
#include "sim/insn.h"

struct vmblok;

struct simctx {
    struct vmblok *vm;
    struct insn in;
    uint32_t iaddr; /* where the instruction (or its EXECUTE) is */
    uint8_t ilc;    /* its length in halfwords, as the guest sees it */
    uint32_t tea;   /* the translation-exception address, when one is returned */
    bool again;     /* DIAGNOSE: not done yet, to be run again (diag_again) */
};

typedef int (*sim_fn)(struct simctx *s);

#define SF_PRIV 0x01 /* privileged in S/370: problem state gets 0002 */

struct simop {
    const char *name;
    uint8_t flags;
    sim_fn fn;
    uint64_t count;  /* times simulated */
    uint64_t timed;  /* of those, how many were timed (one in SIM_SAMPLE) */
    uint64_t cost;   /* TOD units the timed ones took */
};

/* Reading the clock costs a guest exit's worth of work under Hercules:
 * the simulation is timed once in this many times, and the costs shown
 * are estimates from that sample. */
#define SIM_SAMPLE 16

/* A guest exit by program interruption (vm/dispatch.c). */
void sim_program_check(struct vmblok *vm);

/* Every simulated instruction with its counters, for INDICATE PRIVOPS:
 * calls fn for each entry that ever ran. */
void sim_for_each(void (*fn)(void *ctx, uint16_t opcode, const struct simop *op), void *ctx);
/* How many program interruptions of guests CP handled, by kind. */
struct sim_stats {
    uint64_t faults;    /* translation exceptions CP resolved itself */
    uint64_t reflected; /* program interruptions given to the guest */
    uint64_t simulated; /* instructions simulated */
    uint64_t checks;    /* program interruptions handled, of all kinds */
    uint64_t cost;      /* TOD units in the whole program-check path: an
                         * estimate, from one in SIM_SAMPLE timed */
};
void sim_get_stats(struct sim_stats *st);

/* The simulators, by area */
int sim_lpsw(struct simctx *s);
int sim_ssm(struct simctx *s);
int sim_stnsm(struct simctx *s);
int sim_stosm(struct simctx *s);
int sim_spka(struct simctx *s);
int sim_ipk(struct simctx *s);
int sim_lctl(struct simctx *s);
int sim_stctl(struct simctx *s);
int sim_ptlb(struct simctx *s);
int sim_lra(struct simctx *s);
int sim_stidp(struct simctx *s);
int sim_stap(struct simctx *s);
int sim_sigp(struct simctx *s);
int sim_diag(struct simctx *s);
int sim_ssk(struct simctx *s);
int sim_isk(struct simctx *s);
int sim_rrb(struct simctx *s);
int sim_sck(struct simctx *s);
int sim_sckc(struct simctx *s);
int sim_stckc(struct simctx *s);
int sim_spt(struct simctx *s);
int sim_stpt(struct simctx *s);
int sim_sio(struct simctx *s);
int sim_tio(struct simctx *s);
int sim_clrio(struct simctx *s);
int sim_hio(struct simctx *s);
int sim_tch(struct simctx *s);
int sim_stidc(struct simctx *s);

/* DIAGNOSE (sim_diag.c): one entry per code CP implements. */
#define DIAG_MAX 0x1FC /* X'0000'-X'00FC' IBM's codes, X'0100'-X'01FC' the installation's */
struct diagcode {
    const char *name;
    uint8_t classes; /* privilege classes (CLASS_* bits) that may use it; 0: anyone */
    int (*fn)(struct simctx *s, unsigned rx, unsigned ry);
    uint64_t count;  /* times used */
};
/* The entry of a code, or NULL if CP has none (a specification exception). */
const struct diagcode *diag_lookup(uint32_t code);
/* Every code that was used, for INDICATE PRIVOPS. */
void diag_for_each(void (*fn)(void *ctx, uint32_t code, const struct diagcode *d), void *ctx);

/* Helpers the simulators share */
uint32_t sim_ea(struct simctx *s);      /* D2(X2,B2) of RX, D2(B2) of RS/S */
uint32_t sim_ea1(struct simctx *s);     /* D1(B1) of SI */
void sim_set_cc(struct simctx *s, int cc);

#endif
