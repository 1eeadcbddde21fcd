/*
 * fmt.c - printf-style formatting for the freestanding builds (CP, CMS).
 *
 * Entry points: lib_vsnprintf, lib_snprintf (see fmt.h). Both return the
 * length the whole output would have had, as C99 snprintf does, and always
 * leave a NUL-terminated string when size > 0.
 *
 * The conversions follow C99 7.19.6.1 for d i u x X o c s p %: precision
 * is the minimum number of digits (and switches off the '0' flag), a zero
 * value with precision 0 prints no digits, '#' gives "0x"/"0X" for nonzero
 * hex and a leading 0 for octal, '-' wins over '0', '+' wins over ' '.
 * Choices where C leaves room: %p prints "0x" and lower-case hex, "0x0"
 * for a null pointer; %s of a null pointer prints "(null)"; an unknown
 * conversion is copied to the output as written. No floating point and
 * no %n: CP and CMS have no use for either.
 */
#include <stdint.h>
#include <stdbool.h>
#include "fmt.h"

/* <limits.h> is not in the freestanding set CP builds with. */
#define FMT_INT_MAX ((int)(~0u >> 1))

/* Where the characters go: buf[0..size-1], counting what did not fit. */
struct sink {
    char *buf;
    size_t size;
    size_t pos; /* characters produced so far, stored or not */
};

static void put(struct sink *o, char c)
{
    /* Keep the last byte for the terminating NUL. */
    if (o->size > 0 && o->pos < o->size - 1)
        o->buf[o->pos] = c;
    o->pos++;
}

static void put_n(struct sink *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put(o, s[i]);
}

static void pad(struct sink *o, char c, int64_t n)
{
    for (; n > 0; n--)
        put(o, c);
}

/* One conversion specification, as parsed from the format string. */
struct spec {
    bool left;  /* '-' */
    bool zero;  /* '0' */
    bool plus;  /* '+' */
    bool space; /* ' ' */
    bool alt;   /* '#' */
    int width;  /* 0 when none */
    int prec;   /* -1 when none */
};

/* A string converted by %s: only width, '-' and precision apply. */
static void emit_str(struct sink *o, const struct spec *sp, const char *s, size_t maxlen)
{
    size_t n = 0;
    while (n < maxlen && s[n])
        n++;
    int64_t fill = (uint64_t)sp->width > n ? sp->width - (int64_t)n : 0;
    if (!sp->left)
        pad(o, ' ', fill);
    put_n(o, s, n);
    if (sp->left)
        pad(o, ' ', fill);
}

/*
 * An integer: magnitude v in the given base, with a sign or prefix string
 * already decided by the caller. Layout is
 *   [spaces] prefix [zeros] digits [spaces]
 */
static void emit_num(struct sink *o, const struct spec *sp, uint64_t v, unsigned base, bool upper,
                     const char *prefix)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24]; /* 64 bits in octal is 22 digits */
    int nd = 0;
    while (v) {
        uint64_t q = v / base;
        tmp[nd++] = digits[v - q * base];
        v = q;
    }

    int prec = sp->prec;
    /* '#' with octal: raise the precision just enough to lead with a 0. */
    if (base == 8 && sp->alt && prec <= nd)
        prec = nd + 1;
    /* No precision: at least one digit (but "%.0d" of 0 prints nothing). */
    if (prec < 0)
        prec = 1;

    /* 64-bit sums: a width or precision near INT_MAX must not overflow. */
    int64_t plen = 0;
    while (prefix[plen])
        plen++;
    int64_t zeros = prec > nd ? prec - nd : 0;
    int64_t body = plen + zeros + nd;
    int64_t fill = sp->width > body ? sp->width - body : 0;

    /* The '0' flag pads with zeros between prefix and digits, and is
     * ignored with '-' or an explicit precision. */
    if (sp->zero && !sp->left && sp->prec < 0) {
        zeros += fill;
        fill = 0;
    }
    if (!sp->left)
        pad(o, ' ', fill);
    put_n(o, prefix, (size_t)plen);
    pad(o, '0', zeros);
    while (nd > 0)
        put(o, tmp[--nd]);
    if (sp->left)
        pad(o, ' ', fill);
}

/* A decimal number in the format string; saturates rather than overflow. */
static int read_num(const char **pp)
{
    const char *p = *pp;
    int n = 0;
    while (*p >= '0' && *p <= '9') {
        int d = *p++ - '0';
        n = n > (FMT_INT_MAX - d) / 10 ? FMT_INT_MAX : n * 10 + d;
    }
    *pp = p;
    return n;
}

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T };

/* Length modifiers; a two-letter one comes before its one-letter prefix. */
static const struct {
    char text[3];
    enum length len;
} modifiers[] = {
    {"hh", LEN_HH}, {"h", LEN_H}, {"ll", LEN_LL}, {"l", LEN_L},
    {"z", LEN_Z},   {"j", LEN_J}, {"t", LEN_T},
};

/* Fetch a signed argument of the given length, widened. */
#define GET_SIGNED(ap, len)                                                                        \
    ((len) == LEN_HH   ? (int64_t)(signed char)va_arg(ap, int)                                     \
     : (len) == LEN_H  ? (int64_t)(short)va_arg(ap, int)                                           \
     : (len) == LEN_L  ? (int64_t)va_arg(ap, long)                                                 \
     : (len) == LEN_LL ? (int64_t)va_arg(ap, long long)                                            \
     : (len) == LEN_Z  ? (int64_t)(ptrdiff_t)va_arg(ap, size_t)                                    \
     : (len) == LEN_J  ? (int64_t)va_arg(ap, intmax_t)                                             \
     : (len) == LEN_T  ? (int64_t)va_arg(ap, ptrdiff_t)                                            \
                       : (int64_t)va_arg(ap, int))

/* Fetch an unsigned argument of the given length, widened. */
#define GET_UNSIGNED(ap, len)                                                                      \
    ((len) == LEN_HH   ? (uint64_t)(unsigned char)va_arg(ap, unsigned)                             \
     : (len) == LEN_H  ? (uint64_t)(unsigned short)va_arg(ap, unsigned)                            \
     : (len) == LEN_L  ? (uint64_t)va_arg(ap, unsigned long)                                       \
     : (len) == LEN_LL ? (uint64_t)va_arg(ap, unsigned long long)                                  \
     : (len) == LEN_Z  ? (uint64_t)va_arg(ap, size_t)                                              \
     : (len) == LEN_J  ? (uint64_t)va_arg(ap, uintmax_t)                                           \
     : (len) == LEN_T  ? (uint64_t)(size_t)va_arg(ap, ptrdiff_t)                                   \
                       : (uint64_t)va_arg(ap, unsigned))

int lib_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink o = {buf, size, 0};
    const char *p = fmt;

    while (*p) {
        if (*p != '%') {
            put(&o, *p++);
            continue;
        }
        const char *start = p++; /* the '%', for copying an unknown conversion */
        struct spec sp = {false, false, false, false, false, 0, -1};

        for (;; p++) {
            if (*p == '-')
                sp.left = true;
            else if (*p == '0')
                sp.zero = true;
            else if (*p == '+')
                sp.plus = true;
            else if (*p == ' ')
                sp.space = true;
            else if (*p == '#')
                sp.alt = true;
            else
                break;
        }

        if (*p == '*') {
            int w = va_arg(ap, int);
            p++;
            /* A negative width argument is a '-' flag and a positive width. */
            if (w < 0) {
                sp.left = true;
                w = w < -FMT_INT_MAX ? FMT_INT_MAX : -w;
            }
            sp.width = w;
        } else {
            sp.width = read_num(&p);
        }

        if (*p == '.') {
            p++;
            if (*p == '*') {
                int pr = va_arg(ap, int);
                p++;
                sp.prec = pr < 0 ? -1 : pr; /* negative: as if omitted */
            } else {
                sp.prec = read_num(&p);
            }
        }

        enum length len = LEN_NONE;
        for (size_t k = 0; k < sizeof modifiers / sizeof modifiers[0]; k++) {
            const char *m = modifiers[k].text;
            if (p[0] == m[0] && (m[1] == '\0' || p[1] == m[1])) {
                len = modifiers[k].len;
                p += m[1] ? 2 : 1;
                break;
            }
        }

        char conv = *p;
        if (conv)
            p++;
        switch (conv) {
        case 'd':
        case 'i': {
            int64_t v = GET_SIGNED(ap, len);
            /* Negate in unsigned arithmetic so INT64_MIN is safe. */
            uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
            const char *sign = v < 0 ? "-" : sp.plus ? "+" : sp.space ? " " : "";
            emit_num(&o, &sp, mag, 10, false, sign);
            break;
        }
        case 'u': emit_num(&o, &sp, GET_UNSIGNED(ap, len), 10, false, ""); break;
        case 'o': emit_num(&o, &sp, GET_UNSIGNED(ap, len), 8, false, ""); break;
        case 'x':
        case 'X': {
            uint64_t v = GET_UNSIGNED(ap, len);
            const char *prefix = (sp.alt && v) ? (conv == 'x' ? "0x" : "0X") : "";
            emit_num(&o, &sp, v, 16, conv == 'X', prefix);
            break;
        }
        case 'p': {
            uintptr_t v = (uintptr_t)va_arg(ap, void *);
            emit_num(&o, &sp, v, 16, false, "0x");
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            /* Not through emit_str: a NUL character still counts as one. */
            int fill = sp.width > 1 ? sp.width - 1 : 0;
            if (!sp.left)
                pad(&o, ' ', fill);
            put(&o, c);
            if (sp.left)
                pad(&o, ' ', fill);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            emit_str(&o, &sp, s, sp.prec < 0 ? SIZE_MAX : (size_t)sp.prec);
            break;
        }
        case '%': put(&o, '%'); break;
        default:
            /* Unknown or missing conversion: show what was written. */
            put_n(&o, start, (size_t)(p - start));
            break;
        }
    }

    if (size > 0)
        buf[o.pos < size ? o.pos : size - 1] = '\0';
    return o.pos > FMT_INT_MAX ? FMT_INT_MAX : (int)o.pos;
}

int lib_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = lib_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
