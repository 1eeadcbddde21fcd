/*
 * errno.h - error numbers the C runtime on CMS sets (cms/lib). The CMS
 * return code of the last failing call is in __cms_rc.
 */
#ifndef CMS_LIB_ERRNO_H
#define CMS_LIB_ERRNO_H

extern int errno;
extern int __cms_rc;

#define ENOENT 2  /* no such file (rc 28, 1) */
#define EIO    5  /* I/O error, other CMS errors */
#define EBADF  9  /* the FILE is not open for that */
#define ENOMEM 12 /* not enough storage */
#define EACCES 13 /* the disk is read-only (rc 12, 36) */
#define EBUSY  16 /* the file is open the other way (rc 9) */
#define EEXIST 17
#define EINVAL 22 /* a bad file name or mode */
#define ENOSPC 28 /* the disk is full (rc 13) */
#define ERANGE 34

#endif
