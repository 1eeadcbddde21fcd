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
 *    range X'0100'-X'01FC' (X'0250', block I/O, is the one code above);
 *  - a code with no entry in diag_table;
 *  - a code whose entry names privilege classes the user has none of.
 * A handler gets Rx and Ry (register numbers) and returns 0 or the
 * program-interruption code to reflect; it sets the condition code and
 * registers itself. Every code is counted.
 *
 * The table is filled by the modules that implement the codes (the
 * DIAGNOSE interface: diagnose/DIAGNOSE.md); a code gets one line here.
 */
#include "diagnose/diag.h"
#include "hw/s370.h"
#include "sim/diagsim.h"
#include "sim/sim.h"
#include "vm/vmblok.h"

#define G     CLASS_G
#define TABLE (DIAG_BLOCKIO / 4 + 1)

static struct diagcode diag_table[TABLE] = {
    /* [code / 4] = {"name", classes (0: any), handler}, */
    [DIAG_IDENT / 4] = {"IDENT", 0, diag_x00},
    [DIAG_EXAMINE / 4] = {"EXAMINE", CLASS_C | CLASS_E, diag_x04},
    [DIAG_CPCMD / 4] = {"CPCMD", G, diag_x08},
    [DIAG_TIMER / 4] = {"TIMER", G, diag_x0c},
    [DIAG_RELPAGE / 4] = {"RELPAGE", G, diag_x10},
    [DIAG_SPOOLRDR / 4] = {"SPOOLRDR", G, diag_x14},
    [DIAG_CLEARREC / 4] = {"CLEARREC", CLASS_F, diag_x1c},
    [DIAG_DEVTYPE / 4] = {"DEVTYPE", G, diag_x24},
    [DIAG_DIRUPD / 4] = {"DIRUPD", CLASS_A | CLASS_B | CLASS_C, diag_x3c},
    [DIAG_PA2 / 4] = {"PA2", G, diag_x54},
    [DIAG_CONSOLE / 4] = {"CONSOLE", G, diag_x58},
    [DIAG_EMSG / 4] = {"EMSG", G, diag_x5c},
    [DIAG_STORSIZE / 4] = {"STORSIZE", G, diag_x60},
    [DIAG_TERMCHAR / 4] = {"TERMCHAR", G, diag_x8c},
    [DIAG_DASDIO / 4] = {"DASDIO", G, diag_x18},
    [DIAG_NAMESEG / 4] = {"NAMESEG", G, diag_x64},
    [DIAG_GENIO / 4] = {"GENIO", G, diag_x20},
    [DIAG_BLOCKIO / 4] = {"BLOCKIO", G, diag_x250},
};

#undef G

/* The entry of a code: NULL if the code is not one (section 1 of
 * DIAGNOSE.md), with no regard to whether CP implements it. */
static struct diagcode *entry(uint32_t code)
{
    if ((code & 3) || (code > DIAG_MAX && code != DIAG_BLOCKIO))
        return NULL;
    return &diag_table[code / 4];
}

const struct diagcode *diag_lookup(uint32_t code)
{
    const struct diagcode *d = entry(code);
    return d && d->fn ? d : NULL;
}

void diag_for_each(void (*fn)(void *ctx, uint32_t code, const struct diagcode *d), void *ctx)
{
    for (uint32_t i = 0; i < TABLE; i++)
        if (diag_table[i].fn && diag_table[i].count)
            fn(ctx, i * 4, &diag_table[i]);
}

/* 83 DIAGNOSE Rx,Ry,D2(B2) [RS] */
int sim_diag(struct simctx *s)
{
    struct diagcode *d = entry(sim_ea(s));
    if (!d || !d->fn || (d->classes && !(d->classes & s->vm->classes)))
        return PGM_SPECIFICATION;
    int pgm = d->fn(s, s->in.r1, s->in.r3);
    if (!s->again)
        d->count++; /* a DIAGNOSE that waits is counted once, when it is done */
    return pgm;
}
