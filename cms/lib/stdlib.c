/*
 * stdlib.c - a C program's start and end on CMS, its storage, and the
 * rest of stdlib.h and the storage-using part of string.h.
 *
 * __cms_start (called by crt0.S with R1's plist) makes argc/argv from the
 * tokenised plist: argv[0] the command's name, then each token, trailing
 * blanks dropped. exit() runs the atexit functions, closes every FILE
 * (stdio.c) and returns to CMS with R15 = the code (crt0's __cms_return).
 *
 * malloc takes arenas of at least 64K from CMS free storage (DMSFREE,
 * TYPE=USER: CMS takes them all back when the program ends) and hands out
 * first-fit blocks with an 8-byte header from them.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cms/lib/cmsapi.h"
#include "cms/lib/cmslib.h"
#include "console/ebcdic.h"

uint32_t __cms_caller_sa; /* crt0.S: the save area CMS gave the program */
_Noreturn void __cms_return(int rc);
void __cms_start(const uint8_t *plist);
int main(int argc, char **argv);

/* ---------------------------------------------------------------- start, end */

static char args[CMSLIB_MAXTOK][9];
static char *argv_[CMSLIB_MAXTOK + 1];

void __cms_start(const uint8_t *plist)
{
    int argc = 0;
    for (; argc < CMSLIB_MAXTOK; argc++) {
        const uint8_t *t = plist + 8 * argc;
        bool fence = true;
        for (int i = 0; i < 8; i++)
            fence &= t[i] == 0xFF;
        if (fence)
            break;
        e2a_field(args[argc], t, 8);
        argv_[argc] = args[argc];
    }
    argv_[argc] = NULL;
    exit(main(argc, argv_));
}

static void (*at_exit[32])(void);
static int n_at_exit;

int atexit(void (*fn)(void))
{
    if (n_at_exit == 32)
        return -1;
    at_exit[n_at_exit++] = fn;
    return 0;
}

_Noreturn void exit(int rc)
{
    while (n_at_exit > 0)
        at_exit[--n_at_exit]();
    cmslib_close_all();
    __cms_return(rc);
}

_Noreturn void abort(void)
{
    fflush(NULL);
    __builtin_trap(); /* an operation exception: CMS abends the program (0C1) */
}

_Noreturn void __cms_assert(const char *what, const char *file, int line)
{
    fprintf(stderr, "Assertion failed: %s, file %s, line %d\n", what, file, line);
    abort();
}

/* ---------------------------------------------------------------- storage */

struct arena {
    struct arena *next;
    uint32_t size; /* bytes, this header included */
    uint32_t pad;
};
struct blk {
    uint32_t size; /* bytes, header included; a multiple of 8 */
    uint32_t used;
};
#define ARENA_MIN 0x10000u

static struct arena *arenas;

static struct blk *first_blk(struct arena *a) { return (struct blk *)(a + 1); }
static struct blk *next_blk(struct arena *a, struct blk *b)
{
    uint8_t *n = (uint8_t *)b + b->size;
    return n >= (uint8_t *)a + a->size ? NULL : (struct blk *)n;
}

void *malloc(size_t n)
{
    if (n > 0xFFFFF0) {
        errno = ENOMEM;
        return NULL;
    }
    uint32_t need = (uint32_t)((n + sizeof(struct blk) + 7) & ~(size_t)7);
    for (int round = 0; round < 2; round++) {
        for (struct arena *a = arenas; a; a = a->next)
            for (struct blk *b = first_blk(a); b; b = next_blk(a, b)) {
                if (b->used)
                    continue;
                struct blk *nb;
                while ((nb = next_blk(a, b)) && !nb->used) /* merge free neighbours */
                    b->size += nb->size;
                if (b->size < need)
                    continue;
                if (b->size - need >= sizeof(struct blk) + 8) {
                    struct blk *rest = (struct blk *)((uint8_t *)b + need);
                    rest->size = b->size - need;
                    rest->used = 0;
                    b->size = need;
                }
                b->used = 1;
                return b + 1;
            }
        if (round == 1)
            break;
        uint32_t size = need + sizeof(struct arena);
        if (size < ARENA_MIN)
            size = ARENA_MIN;
        struct arena *a = dmsfree(size);
        if (!a)
            break;
        a->next = arenas;
        a->size = size;
        arenas = a;
        struct blk *b = first_blk(a);
        b->size = size - sizeof(struct arena);
        b->used = 0;
    }
    errno = ENOMEM;
    return NULL;
}

void free(void *p)
{
    if (p)
        ((struct blk *)p - 1)->used = 0;
}

void *calloc(size_t n, size_t size)
{
    if (size && n > 0xFFFFF0 / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void *realloc(void *p, size_t n)
{
    if (!p)
        return malloc(n);
    struct blk *b = (struct blk *)p - 1;
    size_t have = b->size - sizeof(struct blk);
    if (n <= have)
        return p;
    void *q = malloc(n);
    if (q) {
        memcpy(q, p, have);
        free(p);
    }
    return q;
}

char *strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *strerror(int err)
{
    switch (err) {
    case 0: return "no error";
    case ENOENT: return "file not found";
    case EIO: return "I/O error";
    case EBADF: return "file not open for that";
    case ENOMEM: return "not enough storage";
    case EACCES: return "disk is read-only";
    case EBUSY: return "file is open";
    case EEXIST: return "file exists";
    case EINVAL: return "invalid argument";
    case ENOSPC: return "disk is full";
    case ERANGE: return "out of range";
    default: return "unknown error";
    }
}

/* ---------------------------------------------------------------- numbers */

static int digit(char c, int base)
{
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'z' ? c - 'a' + 10
            : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                   : 99;
    return d < base ? d : -1;
}

/* The magnitude and sign of a number in s (strtol's rules). */
static unsigned long scan(const char *s, char **end, int base, bool *neg, bool *over)
{
    const char *p = s;
    *neg = *over = false;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        p++;
    if (*p == '+' || *p == '-')
        *neg = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
        digit(p[2], 16) >= 0) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }
    unsigned long v = 0;
    const char *start = p;
    int d;
    while (base >= 2 && base <= 36 && (d = digit(*p, base)) >= 0) {
        if (v > (~0ul - (unsigned long)d) / (unsigned long)base)
            *over = true;
        else
            v = v * (unsigned long)base + (unsigned long)d;
        p++;
    }
    if (end)
        *end = (char *)(p == start ? s : p);
    return v;
}

long strtol(const char *s, char **end, int base)
{
    bool neg, over;
    unsigned long v = scan(s, end, base, &neg, &over);
    unsigned long lim = neg ? (unsigned long)__LONG_MAX__ + 1 : (unsigned long)__LONG_MAX__;
    if (over || v > lim) {
        errno = ERANGE;
        return neg ? -__LONG_MAX__ - 1 : __LONG_MAX__;
    }
    return neg ? (long)(0 - v) : (long)v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
    bool neg, over;
    unsigned long v = scan(s, end, base, &neg, &over);
    if (over) {
        errno = ERANGE;
        return ~0ul;
    }
    return neg ? 0 - v : v;
}

int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
long atol(const char *s) { return strtol(s, NULL, 10); }
int abs(int v) { return v < 0 ? -v : v; }
long labs(long v) { return v < 0 ? -v : v; }

static unsigned long seed = 1;
int rand(void)
{
    seed = seed * 1103515245 + 12345;
    return (int)((seed >> 16) & RAND_MAX);
}
void srand(unsigned s) { seed = s; }

char *getenv(const char *name) { return NULL; }

/* ---------------------------------------------------------------- sorting */

static void swap(unsigned char *a, unsigned char *b, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        unsigned char t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

/* Heapsort: no recursion, no extra storage. */
static void sift(unsigned char *base, size_t root, size_t n, size_t size,
                 int (*cmp)(const void *, const void *))
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
            child++;
        if (cmp(base + root * size, base + child * size) >= 0)
            return;
        swap(base + root * size, base + child * size, size);
        root = child;
    }
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    unsigned char *b = base;
    if (n < 2 || size == 0)
        return;
    for (size_t i = n / 2; i-- > 0;)
        sift(b, i, n, size, cmp);
    for (size_t end = n - 1; end > 0; end--) {
        swap(b, b + end * size, size);
        sift(b, 0, end, size, cmp);
    }
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
    const unsigned char *b = base;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp(key, b + mid * size);
        if (c == 0)
            return (void *)(b + mid * size);
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}
