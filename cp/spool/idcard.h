/*
 * idcard.h - the ID card of a deck for the real reader (portable: CP and
 * the unit tests).
 *
 *     ID userid [CLASS c] [NAME fn [ft]]
 *
 * in EBCDIC, free format in columns 1-80 (shared/reference/vm370.md 6.1).
 * Whether userid is in the directory is the caller's question.
 */
#ifndef CP_SPOOL_IDCARD_H
#define CP_SPOOL_IDCARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct idcard {
    char userid[9];
    char cls;          /* 'A' unless CLASS */
    char fn[9], ft[9]; /* "" unless NAME */
};

/* 0, or -1 with the reason ("NO ID CARD", "INVALID CLASS ON ID CARD", ...). */
int idcard_parse(const uint8_t card[80], struct idcard *id, char *why, size_t whylen);

#endif
