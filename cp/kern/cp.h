/*
 * cp.h - what every part of CP shares: the system's identity (from the
 * system record on the residence volume), the control-register bits and
 * external-interruption codes CP uses, and the system-wide entry points
 * of kern/ (initialization, shutdown, SCLP).
 */
#ifndef CP_KERN_CP_H
#define CP_KERN_CP_H

#include <stdbool.h>
#include <stdint.h>
#include "dasd/volfmt.h"

/* CR0 external-interruption subclass masks (z/Architecture) */
#define CR0_CLOCK_COMP     0x800ULL /* bit 52 */
#define CR0_CPU_TIMER      0x400ULL /* bit 53 */
#define CR0_SERVICE_SIGNAL 0x200ULL /* bit 54 */
#define CR0_INTERRUPT_KEY  0x040ULL /* bit 57 */

/* External-interruption codes */
#define EXT_INTERRUPT_KEY  0x0040
#define EXT_CLOCK_COMP     0x1004
#define EXT_CPU_TIMER      0x1005
#define EXT_SERVICE_SIGNAL 0x2401

/* Disabled-wait codes CP stops with (in the PSW's address) */
#define WAIT_SHUTDOWN   0x006 /* SHUTDOWN complete */
#define WAIT_NO_SYSRES  0x002 /* the system record or residence volume is unusable */
#define WAIT_NO_STORAGE 0x003
#define WAIT_ABEND      0x908 /* CP failed; see the system console */

/* The system: name, operator, console, time zone, initial log message. */
extern struct vol_sysrec cp_sys;
extern uint64_t cp_storage_size; /* bytes of real storage */
extern uint64_t cp_ipl_tod;      /* when CP started */

/* Local time of a TOD value, and now. */
struct datetime;
void cp_localtime(uint64_t tod, struct datetime *dt);

/* Shut the system down in an orderly way: every user is logged off, the
 * system console gets DMKCPI961W and CP loads its wait state. The request
 * is carried out by the dispatcher, after the current event. */
void cp_shutdown_request(const char *by);
bool cp_shutting_down(void);

/* Stop for good: let the system console show what was logged, then load
 * a disabled wait with this code (abend.c). */
void cp_fatal(uint64_t code) __attribute__((noreturn));

/* SCLP (sclp.c) */
uint64_t sclp_storage_size(void);
bool sclp_enable_events(void);
void sclp_message(const char *text);
void sclp_interrupt(uint32_t parm);

/* The dispatcher (vm/dispatch.c) */
void dispatch_loop(void) __attribute__((noreturn));

#endif
