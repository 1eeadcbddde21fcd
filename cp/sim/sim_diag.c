/*
 * sim_diag.c - DIAGNOSE in a virtual machine (≈ DMKHVC): the checks every
 * code shares and the table that sends each code to the CP function that
 * implements it (shared/reference/vm370.md section 2.1).
 *
 * DIAGNOSE Rx,Ry,code is X'83', RS format. The code is the second-operand
 * address computed as an RS instruction's would be (programs write base 0
 * and the code as displacement). Problem state is a privileged-operation
 * exception before we get here (SF_PRIV). Then, as in VM/370, each of
 * these is a specification exception reflected to the virtual machine:
 *  - a code that is not a multiple of 4, or beyond the installation
 *    range X'0100'-X'01FC';
 *  - a code with no entry in diag_table;
 *  - a code whose entry names privilege classes the user has none of.
 * A handler gets Rx and Ry (register numbers) and returns 0 or the
 * program-interruption code to reflect; it sets the condition code and
 * registers itself. Every code is counted.
 *
 * The table is filled by the modules that implement the codes (the
 * DIAGNOSE interface: diagnose/DIAGNOSE.md); a code gets one line here.
 */
#include "hw/s370.h"
#include "sim/sim.h"
#include "vm/vmblok.h"

static struct diagcode diag_table[DIAG_MAX / 4 + 1] = {
    /* [code / 4] = {"name", classes (0: any), handler}, */
    {0},
};

const struct diagcode *diag_lookup(uint32_t code)
{
    if (code > DIAG_MAX || (code & 3))
        return NULL;
    const struct diagcode *d = &diag_table[code / 4];
    return d->fn ? d : NULL;
}

void diag_for_each(void (*fn)(void *ctx, uint32_t code, const struct diagcode *d), void *ctx)
{
    for (uint32_t i = 0; i <= DIAG_MAX / 4; i++)
        if (diag_table[i].fn && diag_table[i].count)
            fn(ctx, i * 4, &diag_table[i]);
}

/* 83 DIAGNOSE Rx,Ry,D2(B2) [RS] */
int sim_diag(struct simctx *s)
{
    uint32_t code = sim_ea(s);
    if (code > DIAG_MAX || (code & 3))
        return PGM_SPECIFICATION;
    struct diagcode *d = &diag_table[code / 4];
    if (!d->fn || (d->classes && !(d->classes & s->vm->classes)))
        return PGM_SPECIFICATION;
    d->count++;
    return d->fn(s, s->in.r1, s->in.r3);
}
