/*
 * string.h - the freestanding subset of <string.h> for CP and CMS.
 * Host builds use the C library's own header; these are implemented in
 * lib/libc/string.c with the same semantics.
 */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strpbrk(const char *s, const char *accept);
char *strrchr(const char *s, int c);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
char *strstr(const char *s, const char *find);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strtok(char *s, const char *delim);

/* The builds are freestanding (-fno-builtin), so GCC would call these
 * even for a copy of 8 bytes; through the builtins it moves small
 * constant sizes inline and calls the functions above for the rest. */
#ifndef LIB_STRING_IMPL
#define memcpy(d, s, n)  __builtin_memcpy((d), (s), (n))
#define memset(d, c, n)  __builtin_memset((d), (c), (n))
#define memcmp(a, b, n)  __builtin_memcmp((a), (b), (n))
#define memmove(d, s, n) __builtin_memmove((d), (s), (n))
#define strlen(s)        __builtin_strlen(s)
#endif

#endif
