/*
 * fmt.h - printf-style formatting for the freestanding builds (CP, CMS).
 *
 * Conversions: d i u x X o c s p %, flags '-' '0' '+' ' ' '#', field width
 * and precision (numbers or '*'), length modifiers hh h l ll z j t.
 * Returns the length the full output would have had (C99 snprintf); the
 * buffer always ends in NUL when size > 0. No floating point.
 */
#ifndef LIB_FMT_H
#define LIB_FMT_H

#include <stdarg.h>
#include <stddef.h>

int lib_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int lib_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
