/*
 * stdio.h - formatting only, for CP and CMS (freestanding). The formatter
 * is lib/fmt.c; host builds use the C library's snprintf.
 */
#ifndef LIB_STDIO_H
#define LIB_STDIO_H

#include <stdarg.h>
#include <stddef.h>
#include "../fmt.h"

#define snprintf  lib_snprintf
#define vsnprintf lib_vsnprintf

#endif
