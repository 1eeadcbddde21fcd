/*
 * userdir.h - the user directory CP runs with (≈ DMKUDR, directory access).
 *
 * At IPL CP reads the compiled directory from the DRCT area of the system
 * residence volume, checks its checksum and every field (cp/dir), and
 * keeps it in storage; LOGON looks users up here.
 */
#ifndef CP_VM_USERDIR_H
#define CP_VM_USERDIR_H

#include "dir/dir.h"

struct volume;

/* Load the directory; 0, or -1 after telling the operator why. */
int userdir_load(struct volume *sysres);
/* The directory in use (never NULL once loaded). */
const struct dir_image *userdir(void);

#endif
