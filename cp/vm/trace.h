/*
 * trace.h - TRACE of a virtual machine's events (≈ DMKTRC, DMKTRA): SVC,
 * program, external and I/O interruptions and simulated privileged
 * instructions, shown on the user's terminal as they happen:
 *
 *   *** 012340 SVC  0042 ==> 000C0000 00012500     an interruption
 *   ::: 012344 LPSW 82002000 ==> 070C0000 00012000  a privileged instruction
 *   I/O 012348 SIO  00C CC 0 CAW 00000200          an I/O instruction
 *
 * With TRACE ... NORUN (the default) the machine stops in CP mode after
 * each traced event, as if PA1 had been pressed there.
 */
#ifndef CP_VM_TRACE_H
#define CP_VM_TRACE_H

#include <stdint.h>

struct vmblok;
struct simctx;

/* An interruption about to be taken: its class (TR_*), its name ("SVC"),
 * its code, and where the new PSW will come from. */
void trace_interrupt(struct vmblok *vm, uint8_t what, const char *name, uint16_t code,
                     uint32_t newpsw_at);
/* An I/O interruption: the device and the CSW stored. */
void trace_io_interrupt(struct vmblok *vm, uint16_t vaddr, const uint8_t csw[8]);
/* A privileged instruction was simulated (rc: its result, > 0 a program check). */
void trace_privileged(struct vmblok *vm, const struct simctx *s, const char *name, int rc);
/* An I/O instruction: the device and the condition code. */
void trace_io_insn(struct vmblok *vm, const struct simctx *s, const char *name, uint16_t vaddr,
                   int cc);

#endif
