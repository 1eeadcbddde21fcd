/*
 * trace.c - TRACE output and the NORUN stop (see trace.h; VM/370 CP
 * Command Reference, TRACE: "***" marks an interruption, ":::" a
 * privileged instruction, "==>" the transfer of control).
 *
 * Entry points: trace_interrupt, trace_io_interrupt, trace_privileged,
 * trace_io_insn. Each does nothing unless the machine traces that class.
 */
#include <stdio.h>
#include "cons/vcons.h"
#include "hw/s370.h"
#include "mm/gaccess.h"
#include "sim/sim.h"
#include "vm/dispatch.h"
#include "vm/trace.h"
#include "vm/vmblok.h"

static void hex(char *buf, size_t len, const uint8_t *b, unsigned n)
{
    size_t at = 0;
    for (unsigned i = 0; i < n && at + 3 < len; i++)
        at += (size_t)snprintf(buf + at, len - at, "%s%02X", (i && i % 4 == 0) ? " " : "", b[i]);
}

/* After the event: NORUN stops the machine in CP mode. */
static void maybe_stop(struct vmblok *vm)
{
    if (!vm->trace_run)
        vm_stop(vm, NULL);
}

void trace_interrupt(struct vmblok *vm, uint8_t what, const char *name, uint16_t code,
                     uint32_t newpsw_at)
{
    if (!(vm->trace & what))
        return;
    uint8_t np[8] = {0};
    char psw[20];
    greal_fetch(vm, newpsw_at, np, 8);
    hex(psw, sizeof(psw), np, 8);
    vcons_cp_message(vm, "*** %06X %-4s %04X ==> %s", vm->cpu.psw.addr, name, code, psw);
    maybe_stop(vm);
}

void trace_io_interrupt(struct vmblok *vm, uint16_t vaddr, const uint8_t csw[8])
{
    if (!(vm->trace & TR_IO))
        return;
    uint8_t np[8] = {0};
    char psw[20], c[20];
    greal_fetch(vm, PSA_IO_NEW, np, 8);
    hex(psw, sizeof(psw), np, 8);
    hex(c, sizeof(c), csw, 8);
    vcons_cp_message(vm, "*** %06X I/O  %03X CSW %s ==> %s", vm->cpu.psw.addr, vaddr, c, psw);
    maybe_stop(vm);
}

void trace_privileged(struct vmblok *vm, const struct simctx *s, const char *name, int rc)
{
    if (!(vm->trace & TR_PRIV))
        return;
    uint8_t p[8];
    char insn[20], psw[20];
    hex(insn, sizeof(insn), s->in.raw, s->in.len);
    psw370_encode(&vm->cpu.psw, p);
    hex(psw, sizeof(psw), p, 8);
    if (rc > 0)
        vcons_cp_message(vm, "::: %06X %-5s %s PROGRAM CHECK %04X", s->iaddr, name, insn, rc);
    else
        vcons_cp_message(vm, "::: %06X %-5s %s ==> %s", s->iaddr, name, insn, psw);
    maybe_stop(vm);
}

void trace_io_insn(struct vmblok *vm, const struct simctx *s, const char *name, uint16_t vaddr,
                   int cc)
{
    if (!(vm->trace & TR_IO))
        return;
    uint8_t caw[4] = {0};
    greal_fetch(vm, PSA_CAW, caw, 4);
    vcons_cp_message(vm, "I/O %06X %-5s %03X CC %d CAW %02X%02X%02X%02X", s->iaddr, name, vaddr,
                     cc, caw[0], caw[1], caw[2], caw[3]);
    maybe_stop(vm);
}
