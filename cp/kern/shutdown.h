/*
 * shutdown.h - the dispatcher's side of SHUTDOWN (see shutdown.c).
 */
#ifndef CP_KERN_SHUTDOWN_H
#define CP_KERN_SHUTDOWN_H

#include <stdint.h>

/* Advance a requested shutdown; does not return once it is complete. */
void shutdown_progress(void);
uint64_t shutdown_deadline(void);

#endif
