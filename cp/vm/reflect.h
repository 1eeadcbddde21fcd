/*
 * reflect.h - interruptions of a virtual machine (≈ the reflection parts
 * of DMKPRG, DMKVIO, DMKTMR): the one place that stores a guest's old PSWs
 * and interruption codes and loads its new PSWs.
 */
#ifndef CP_VM_REFLECT_H
#define CP_VM_REFLECT_H

#include <stdbool.h>
#include <stdint.h>

struct vmblok;

/* A program interruption: code, instruction length (halfwords) and, for
 * translation exceptions, the translation-exception address. The guest's
 * PSW must already point where the old PSW should (after the instruction
 * for suppression and completion, at it for nullification). */
void reflect_program(struct vmblok *vm, uint16_t code, uint8_t ilc, uint32_t tea);
/* An SVC interruption (code, ILC 1, or 2 when executed). */
void reflect_svc(struct vmblok *vm, uint8_t code, uint8_t ilc);
/* A monitor event: class and code stored, then the program interruption. */
void reflect_monitor(struct vmblok *vm, uint8_t mclass, uint32_t mcode, uint8_t ilc);

/* Take the highest-priority pending interruption the guest is enabled for:
 * external, then I/O, then restart. Returns true if one was taken (the
 * guest's PSW changed). */
bool reflect_pending(struct vmblok *vm);

/* True if the guest has an interruption pending that it is enabled for. */
bool vm_interruption_ready(struct vmblok *vm);

/* Load a new PSW image into the virtual CPU; false (and a program
 * interruption of the guest, or a loop stop) if it has a format error. */
bool load_psw_image(struct vmblok *vm, const uint8_t psw[8], uint8_t ilc);

#endif
