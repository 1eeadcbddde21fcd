/*
 * cmdscan.h - scanning command lines the VM/370 way.
 *
 * Operands are separated by blanks. Command and keyword names match by
 * minimum abbreviation: any truncation of the full name that is at least
 * the minimum length, compared without regard to case. Used by CP's
 * command processor and, later, by CMS.
 */
#ifndef LIB_CMDSCAN_H
#define LIB_CMDSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct scan {
    const char *p;   /* next character */
    const char *end; /* one past the last character */
};

void scan_init(struct scan *s, const char *line, size_t len);

/*
 * The next blank-delimited token, copied into tok (NUL-terminated, at most
 * toksz-1 characters; a longer token is truncated but fully consumed).
 * Returns the token's full length, 0 when there are no more tokens.
 */
size_t scan_token(struct scan *s, char *tok, size_t toksz);

/* Like scan_token, but the token is upper-cased. */
size_t scan_token_upper(struct scan *s, char *tok, size_t toksz);

/* Skip blanks; the rest of the line (not NUL-terminated: see rest_len). */
const char *scan_rest(struct scan *s, size_t *rest_len);

/* True when only blanks remain. */
bool scan_at_end(struct scan *s);

/*
 * True if word abbreviates name: word is a prefix of name, case-insensitive,
 * at least minlen characters long and no longer than name.
 */
bool abbrev(const char *word, const char *name, size_t minlen);

/* Strict numeric operands: the whole string must be valid and the value
 * must fit. Return true on success. */
bool parse_hex32(const char *s, uint32_t *out);
bool parse_dec32(const char *s, uint32_t *out);

/* Upper-case a NUL-terminated string in place (ASCII). */
void str_upper(char *s);

#endif
