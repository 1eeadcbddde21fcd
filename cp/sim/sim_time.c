/*
 * sim_time.c - the timing instructions of a virtual machine: SCK, SCKC,
 * STCKC, SPT, STPT (System/370 Principles of Operation, "Timing").
 * The TOD clock itself is the real one (STCK is not privileged and runs
 * natively), so SCK is accepted and changes nothing.
 */
#include "hw/s370.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "sim/sim.h"
#include "vm/vmblok.h"

static int fetch8(struct simctx *s, uint64_t *v)
{
    uint32_t ea = sim_ea(s);
    uint8_t b[8];
    if (ea & 7)
        return PGM_SPECIFICATION;
    int pgm = gacc_fetch(s->vm, ea, b, 8, s->vm->cpu.psw.key, &s->tea);
    if (!pgm)
        *v = get_be64(b);
    return pgm;
}

static int store8(struct simctx *s, uint64_t v)
{
    uint32_t ea = sim_ea(s);
    uint8_t b[8];
    if (ea & 7)
        return PGM_SPECIFICATION;
    put_be64(b, v);
    return gacc_store(s->vm, ea, b, 8, s->vm->cpu.psw.key, &s->tea);
}

/* B204 SCK D2(B2) [S]: set clock (cc 0; the real clock is not changed) */
int sim_sck(struct simctx *s)
{
    uint64_t v;
    int pgm = fetch8(s, &v);
    if (!pgm)
        sim_set_cc(s, 0);
    return pgm;
}

/* B206 SCKC D2(B2) [S]: set clock comparator */
int sim_sckc(struct simctx *s) { return fetch8(s, &s->vm->cpu.ckc); }

/* B207 STCKC D2(B2) [S]: store clock comparator */
int sim_stckc(struct simctx *s) { return store8(s, s->vm->cpu.ckc); }

/* B208 SPT D2(B2) [S]: set CPU timer */
int sim_spt(struct simctx *s)
{
    uint64_t v;
    int pgm = fetch8(s, &v);
    if (!pgm)
        s->vm->cpu.cpt = (int64_t)v;
    return pgm;
}

/* B209 STPT D2(B2) [S]: store CPU timer */
int sim_stpt(struct simctx *s) { return store8(s, (uint64_t)s->vm->cpu.cpt); }
