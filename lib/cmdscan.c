/*
 * cmdscan.c - scanning command lines the VM/370 way (the job DMKSCN does
 * for CP): blank-delimited operands, names matched by minimum
 * abbreviation, strict hexadecimal and decimal operands.
 *
 * Entry points: scan_init, scan_token, scan_token_upper, scan_rest,
 * scan_at_end, abbrev, parse_hex32, parse_dec32, str_upper.
 *
 * Choices:
 * - The only delimiter is the blank (' '), as in VM/370, where operands
 *   are separated by X'40'. Any other character, a tab included, is part
 *   of a token: 3270 input never contains tabs, and treating exactly one
 *   character as a separator keeps what a user typed unambiguous.
 * - Case is folded for ASCII letters only, without the host's locale.
 * - An empty word abbreviates nothing, whatever the minimum length.
 * - scan_rest consumes the rest of the line: afterwards scan_at_end is
 *   true.
 */
#include "cmdscan.h"

static bool is_blank(char c) { return c == ' '; }

static char upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c; }

static void skip_blanks(struct scan *s)
{
    while (s->p < s->end && is_blank(*s->p))
        s->p++;
}

void scan_init(struct scan *s, const char *line, size_t len)
{
    s->p = line;
    s->end = line + len;
}

size_t scan_token(struct scan *s, char *tok, size_t toksz)
{
    skip_blanks(s);
    const char *start = s->p;
    while (s->p < s->end && !is_blank(*s->p))
        s->p++;
    size_t len = (size_t)(s->p - start);

    if (toksz > 0) {
        size_t n = len < toksz - 1 ? len : toksz - 1;
        for (size_t i = 0; i < n; i++)
            tok[i] = start[i];
        tok[n] = '\0';
    }
    return len;
}

size_t scan_token_upper(struct scan *s, char *tok, size_t toksz)
{
    size_t len = scan_token(s, tok, toksz);
    if (toksz > 0)
        str_upper(tok);
    return len;
}

const char *scan_rest(struct scan *s, size_t *rest_len)
{
    skip_blanks(s);
    const char *rest = s->p;
    *rest_len = (size_t)(s->end - rest);
    s->p = s->end;
    return rest;
}

bool scan_at_end(struct scan *s)
{
    skip_blanks(s);
    return s->p == s->end;
}

bool abbrev(const char *word, const char *name, size_t minlen)
{
    size_t i = 0;
    for (; word[i]; i++) {
        /* name ending first (NUL never equals a letter) means too long */
        if (upper(word[i]) != upper(name[i]))
            return false;
    }
    return i > 0 && i >= minlen;
}

/* The value of a hex digit, or -1. */
static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool parse_hex32(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        int d = hexval(*s);
        /* Leading zeros are fine; a ninth significant digit is not. */
        if (d < 0 || v > 0x0FFFFFFFu)
            return false;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return true;
}

bool parse_dec32(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        uint32_t d = (uint32_t)(*s - '0');
        if (v > (0xFFFFFFFFu - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

void str_upper(char *s)
{
    for (; *s; s++)
        *s = upper(*s);
}
