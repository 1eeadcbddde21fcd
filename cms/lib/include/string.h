/*
 * string.h - for C programs on CMS: the shared freestanding set
 * (lib/include/string.h, lib/libc/string.c) and what needs storage or
 * errno (cms/lib/stdlib.c).
 */
#ifndef CMS_LIB_STRING_H
#define CMS_LIB_STRING_H

#include_next <string.h>

char *strdup(const char *s);
char *strerror(int err);

#endif
