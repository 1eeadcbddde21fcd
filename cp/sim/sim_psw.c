/*
 * sim_psw.c - the PSW instructions of a virtual machine: LPSW, SSM,
 * STNSM, STOSM, SPKA, IPK (System/370 Principles of Operation, "Control
 * Instructions").
 */
#include "hw/s370.h"
#include "mm/gaccess.h"
#include "sim/sim.h"
#include "vm/reflect.h"
#include "vm/vmblok.h"

/* 82 LPSW D2(B2) [S]: load PSW */
int sim_lpsw(struct simctx *s)
{
    uint32_t ea = sim_ea(s);
    uint8_t img[8];
    if (ea & 7)
        return PGM_SPECIFICATION;
    int pgm = gacc_fetch(s->vm, ea, img, 8, s->vm->cpu.psw.key, &s->tea);
    if (pgm)
        return pgm;
    load_psw_image(s->vm, img, 0); /* a bad PSW: specification, ILC 0 */
    return 0;
}

/* The system mask changed: an EC-mode mask with bits 0, 2-4 set is a
 * specification exception recognized early, with ILC 2. */
static int set_mask(struct simctx *s, uint8_t mask)
{
    struct vcpu *c = &s->vm->cpu;
    c->psw.sysmask = mask;
    if (c->psw.ec && (mask & 0xB8)) {
        uint8_t img[8];
        psw370_encode(&c->psw, img);
        load_psw_image(s->vm, img, 2);
    }
    return 0;
}

/* 80 SSM D2(B2) [S]: set system mask */
int sim_ssm(struct simctx *s)
{
    uint8_t m;
    if (s->vm->cpu.cr[0] & CR0_SSM_SUPPRESS)
        return PGM_SPECIAL_OP;
    int pgm = gacc_fetch(s->vm, sim_ea(s), &m, 1, s->vm->cpu.psw.key, &s->tea);
    return pgm ? pgm : set_mask(s, m);
}

static int store_then(struct simctx *s, uint8_t newmask)
{
    uint8_t old = s->vm->cpu.psw.sysmask;
    int pgm = gacc_store(s->vm, sim_ea1(s), &old, 1, s->vm->cpu.psw.key, &s->tea);
    return pgm ? pgm : set_mask(s, newmask);
}

/* AC STNSM D1(B1),I2 [SI]: store then AND system mask */
int sim_stnsm(struct simctx *s) { return store_then(s, s->vm->cpu.psw.sysmask & s->in.i2); }

/* AD STOSM D1(B1),I2 [SI]: store then OR system mask */
int sim_stosm(struct simctx *s) { return store_then(s, s->vm->cpu.psw.sysmask | s->in.i2); }

/* B20A SPKA D2(B2) [S]: set PSW key from address (bits 24-27) */
int sim_spka(struct simctx *s)
{
    s->vm->cpu.psw.key = (sim_ea(s) >> 4) & 0xF;
    return 0;
}

/* B20B IPK [S]: insert PSW key into GR2 bits 24-27 (28-31 zero) */
int sim_ipk(struct simctx *s)
{
    uint64_t *r2 = &s->vm->cpu.gpr[2];
    *r2 = (*r2 & ~0xFFULL) | ((uint64_t)s->vm->cpu.psw.key << 4);
    return 0;
}
