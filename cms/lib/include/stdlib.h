/*
 * stdlib.h - for C programs on CMS (cms/lib/stdlib.c). Storage comes from
 * CMS free storage (DMSFREE) and is given back when the program ends.
 */
#ifndef CMS_LIB_STDLIB_H
#define CMS_LIB_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX     0x7FFF

void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);

_Noreturn void exit(int rc);
_Noreturn void abort(void); /* a program check: DMSABN148T SYSTEM ABEND 0C1 */
int atexit(void (*fn)(void));

int atoi(const char *s);
long atol(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
int abs(int v);
long labs(long v);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));
int rand(void);
void srand(unsigned seed);
char *getenv(const char *name); /* CMS has no environment: NULL */

#endif
