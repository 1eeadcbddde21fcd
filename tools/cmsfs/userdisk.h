/*
 * userdisk.h - finding a user's minidisk from the system specification
 * and its user directory (cmsfs --user); reading a host file whole.
 */
#ifndef TOOLS_CMSFS_USERDISK_H
#define TOOLS_CMSFS_USERDISK_H

#include <stddef.h>
#include <stdint.h>

/* userid's minidisk vaddr (hex), following LINKs to other users' disks,
 * as "STATE/dasd/IMAGE:CYL:NCYL". 0, or -1 with why. */
int userdisk_find(const char *specpath, const char *state, const char *userid, const char *vaddr,
                  char *out, size_t outlen, char *why, size_t whylen);

/* The whole of a host file ("-": standard input); NULL with errno set. */
uint8_t *hostfile_read(const char *path, size_t *len);

#endif
