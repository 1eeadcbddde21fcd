/*
 * userdir.h - the user directory CP runs with (≈ DMKUDR, directory access).
 *
 * At IPL CP reads the compiled directory from the DRCT area of the system
 * residence volume, checks its checksum and every field (cp/dir), and
 * keeps it in storage; LOGON and LINK look users up here. DIAGNOSE X'3C'
 * (dynamic directory update) reads a new one from a volume's DRCT area
 * while the system runs and switches to it when it passes the same checks.
 *
 * Nothing may keep an index into the directory: a switch renumbers the
 * users. Find a user by userid each time (dir_find_user).
 */
#ifndef CP_VM_USERDIR_H
#define CP_VM_USERDIR_H

#include "dir/dir.h"

struct volume;

/* Load the directory; 0, or -1 after telling the operator why. */
int userdir_load(struct volume *sysres);
/* The directory in use (never NULL once loaded). */
const struct dir_image *userdir(void);

/* Results of userdir_switch. */
enum userdir_rc {
    UDR_OK,     /* the new directory is in use */
    UDR_BUSY,   /* the volume's device is busy: try again */
    UDR_NOVOL,  /* no such volume is mounted */
    UDR_NOAREA, /* the volume has no directory area */
    UDR_BAD,    /* the area does not hold a sound directory */
    UDR_IOERR,  /* the area could not be read */
};

/* Read the directory in the DRCT area of volume volser and, if it is
 * sound, use it from now on; otherwise the directory in use stays. The
 * operator is told either way (except for UDR_BUSY and UDR_NOVOL). */
enum userdir_rc userdir_switch(const char *volser);

#endif
