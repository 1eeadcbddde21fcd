/*
 * string.c - memory and string primitives for the freestanding builds.
 * GCC may emit calls to memcpy/memset/memmove/memcmp on its own (struct
 * copies and initializers), so these must exist even where no source
 * calls them. On s390 the memory ones are MVC, XC and CLC of up to 256
 * bytes at a time, their length put in by EXECUTE: under Hercules one
 * instruction costs about what one byte of a C loop costs, so a byte loop
 * would make every small copy dozens of times slower.
 */
#define LIB_STRING_IMPL /* the functions themselves, not the builtins */
#include <stdint.h>
#include <string.h>

#if defined(__s390__)

/* The storage-to-storage instructions take length - 1 in their L field;
 * EXECUTE ORs the low byte of `len` (1..256 bytes, minus one) into it. */
#define SS_EXECUTE(insn, d, s, len)                                                                \
    __asm__ volatile("\tlarl\t1,0f\n"                                                              \
                     "\tex\t%2,0(1)\n"                                                              \
                     "\tj\t1f\n"                                                                    \
                     "0:\t" insn "\t0(1,%0),0(%1)\n"                                                 \
                     "1:\n"                                                                         \
                     :                                                                              \
                     : "a"(d), "a"(s), "a"((unsigned long)(len) - 1)                                \
                     : "1", "cc", "memory")

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    for (; n > 256; n -= 256, d += 256, s += 256)
        SS_EXECUTE("mvc", d, s, 256);
    if (n)
        SS_EXECUTE("mvc", d, s, n);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d <= s || d >= s + n)
        return memcpy(dst, src, n); /* MVC works left to right: right here */
    d += n;
    s += n;
    while (n--)
        *--d = *--s;
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    if (n == 0)
        return dst;
    if (c == 0) {
        for (; n > 256; n -= 256, d += 256)
            SS_EXECUTE("xc", d, d, 256);
        SS_EXECUTE("xc", d, d, n);
        return dst;
    }
    /* the first byte, then MVC from each byte to the next: it propagates */
    d[0] = (unsigned char)c;
    for (n--; n > 0;) {
        size_t k = n > 256 ? 256 : n;
        SS_EXECUTE("mvc", d + 1, d, k);
        d += k;
        n -= k;
    }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    while (n) {
        size_t k = n > 256 ? 256 : n;
        int cc;
        __asm__ volatile("\tlarl\t1,0f\n"
                         "\tex\t%3,0(1)\n"
                         "\tj\t1f\n"
                         "0:\tclc\t0(1,%1),0(%2)\n"
                         "1:\tipm\t%0\n"
                         "\tsrl\t%0,28\n"
                         : "=d"(cc)
                         : "a"(x), "a"(y), "a"((unsigned long)k - 1)
                         : "1", "cc", "memory");
        if (cc != 0) {
            while (*x == *y)
                x++, y++;
            return *x - *y;
        }
        x += k;
        y += k;
        n -= k;
    }
    return 0;
}

#else

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0)
        return dst;
    if (d < s) {
        while (n--)
            *d++ = *s++;
    } else {
        d += n;
        s += n;
        while (n--)
            *--d = *--s;
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x - *y;
    return 0;
}

#endif

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a - (unsigned char)*b;
        if (!*a)
            return 0;
    }
    return 0;
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

char *strrchr(const char *s, int c)
{
    const char *last = NULL;
    for (;; s++) {
        if (*s == (char)c)
            last = s;
        if (!*s)
            return (char *)last;
    }
}

char *strpbrk(const char *s, const char *accept)
{
    for (; *s; s++)
        if (strchr(accept, *s))
            return (char *)s;
    return NULL;
}

char *strcpy(char *dst, const char *src)
{
    char *d = dst;
    while ((*d++ = *src++))
        ;
    return dst;
}

char *strncpy(char *dst, const char *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = 0;
    return dst;
}

char *strcat(char *dst, const char *src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

char *strncat(char *dst, const char *src, size_t n)
{
    char *d = dst + strlen(dst);
    while (n-- && *src)
        *d++ = *src++;
    *d = 0;
    return dst;
}

char *strstr(const char *s, const char *find)
{
    size_t n = strlen(find);
    for (; *s; s++)
        if (strncmp(s, find, n) == 0)
            return (char *)s;
    return n == 0 ? (char *)s : NULL;
}

size_t strspn(const char *s, const char *accept)
{
    size_t n = 0;
    while (s[n] && strchr(accept, s[n]))
        n++;
    return n;
}

size_t strcspn(const char *s, const char *reject)
{
    size_t n = 0;
    while (s[n] && !strchr(reject, s[n]))
        n++;
    return n;
}

char *strtok(char *s, const char *delim)
{
    static char *next;
    if (!s)
        s = next;
    if (!s)
        return NULL;
    s += strspn(s, delim);
    if (!*s) {
        next = NULL;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end)
        *end++ = 0;
    else
        end = NULL;
    next = end;
    return s;
}
