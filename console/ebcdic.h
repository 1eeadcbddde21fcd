/*
 * ebcdic.h - EBCDIC (code page 037) <-> ISO 8859-1 translation.
 *
 * Code page 037 and ISO 8859-1 contain the same 256 characters, so the two
 * tables are exact inverses of each other. CP and CMS keep their text in
 * ISO 8859-1 internally and translate at the device and disk boundaries:
 * terminal data streams, the directory and labels on DASD, CMS files.
 */
#ifndef CONSOLE_EBCDIC_H
#define CONSOLE_EBCDIC_H

#include <stddef.h>
#include <stdint.h>

extern const uint8_t ebc2asc[256];
extern const uint8_t asc2ebc[256];

/* Translate n bytes; dst and src may be the same buffer. */
void e2a(void *dst, const void *src, size_t n);
void a2e(void *dst, const void *src, size_t n);

/*
 * Translate to EBCDIC for display on a 3270: anything that would not be a
 * graphic character there (EBCDIC below X'40', where the orders live, and
 * X'FF') becomes a blank, so text can never be taken for an order.
 */
void a2e_display(void *dst, const void *src, size_t n);

/* Copy an ASCII string into an n-byte EBCDIC field, blank padded. */
void a2e_field(void *dst, size_t n, const char *src);

/* An n-byte EBCDIC field to a NUL-terminated ASCII string with trailing
 * blanks removed; dst must hold n+1 bytes. */
void e2a_field(char *dst, const void *src, size_t n);

#define EBCDIC_BLANK 0x40

#endif
