/*
 * savesys.h - saved systems: SAVESYS name and IPL name (see savesys.c).
 */
#ifndef CP_VM_SAVESYS_H
#define CP_VM_SAVESYS_H

#include "dasd/volfmt.h"

struct vmblok;

enum savesys_err {
    SAVESYS_OK,
    SAVESYS_STORAGE,    /* the machine's storage is smaller than the system's pages */
    SAVESYS_NOTMOUNTED, /* its volume is not there */
    SAVESYS_NOTSAVED,   /* nobody has saved it yet */
    SAVESYS_IOERROR,
    SAVESYS_NOSTORAGE, /* CP's storage is exhausted */
};

/* The NAMESYS entry of a saved system, or NULL. */
const struct vol_namesys *savesys_find(const char *name);
/* IPL name: reset the machine, load the saved pages and state, run it
 * (with PARM text, if any, in registers 0-15). */
enum savesys_err savesys_ipl(struct vmblok *vm, const struct vol_namesys *n, const char *parm);

/* Named segments (DIAGNOSE X'64'). Whether the system has been saved
 * (SAVESYS_OK) or why it cannot be had. */
enum savesys_err savesys_find_segment(const struct vol_namesys *n);
bool savesys_segment_loaded(const struct vmblok *vm, const struct vol_namesys *n);
/* LOADSYS: its pages into the machine's storage at their own addresses
 * (shared segments mapped read-only when share), the storage made larger
 * to hold them if need be; *overlap: it covered storage the machine had,
 * up to *released_end. Registers and PSW are not touched. */
enum savesys_err savesys_load_segment(struct vmblok *vm, const struct vol_namesys *n, bool share,
                                      bool *overlap, uint32_t *released_end);
/* PURGESYS: false if it is not loaded. */
bool savesys_purge_segment(struct vmblok *vm, const struct vol_namesys *n);

#endif
