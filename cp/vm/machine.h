/*
 * machine.h - a user's virtual machine as a whole (≈ DMKBLD building it
 * at LOGON, DMKVMI for IPL, DMKCFS/DMKDEF for resets and storage): made
 * from the directory entry, reset, re-sized, IPLed, and given back.
 */
#ifndef CP_VM_MACHINE_H
#define CP_VM_MACHINE_H

#include <stdbool.h>
#include <stdint.h>

struct vmblok;
struct dir_user;
struct dir_image;

/* Build the machine of a user logging on: storage, options and devices
 * from the directory. Problems with single devices are told to the user;
 * returns false only when CP's storage cannot hold the machine. */
bool vm_machine_init(struct vmblok *vm, const struct dir_image *d, uint32_t index);
/* LOGOFF: every device, frame and table goes back. */
void vm_machine_release(struct vmblok *vm);

/* System reset: the CPU (PSW, control registers, timers' pending
 * interruptions) and every device; clear also zeroes storage and keys.
 * The machine is left stopped in CP mode. */
void vm_reset(struct vmblok *vm, bool clear);
/* DEFINE STORAGE: new size (bytes), machine reset and cleared. Returns 0,
 * or -1 when CP's storage cannot hold it. */
int vm_define_storage(struct vmblok *vm, uint32_t bytes);
/* CP could not give the machine a frame or table: it stops. */
void vm_out_of_storage(struct vmblok *vm);

/* IPL from a virtual device: reset (clear), run the IPL channel program,
 * load the PSW at 0 and run. parm: up to 64 characters for the GPRs, or
 * NULL. Returns 0 when the IPL started, or an error message id number
 * (the caller has already told nothing to the user). */
enum ipl_err { IPL_OK = 0, IPL_NODEV, IPL_NOTIPL, IPL_BUSY };
enum ipl_err vm_ipl(struct vmblok *vm, uint16_t vaddr, bool clear, const char *parm);
/* PARM text of an IPL: in EBCDIC, blank padded, into registers 0-15 (none: unchanged). */
void vm_ipl_parm(struct vmblok *vm, const char *parm);
/* The IPL device's channel program ended with this CSW (vdev.c). */
void vm_ipl_ended(struct vmblok *vm, const uint8_t csw[8]);

/* The console's RESTART key: old PSW at 8, new PSW from 0. */
void vm_restart(struct vmblok *vm);
/* The interrupt key (EXTERNAL, and PA2 after DIAGNOSE X'54'): an
 * external interruption with this code becomes pending. */
void vm_external_key(struct vmblok *vm, uint16_t code);

#endif
