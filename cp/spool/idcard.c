/*
 * idcard.c - the real reader's ID card (see idcard.h).
 */
#include <stdio.h>
#include <string.h>
#include "console/ebcdic.h"
#include "lib/cmdscan.h"
#include "spool/idcard.h"
#include "spool/spoolfmt.h"

static bool name_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 8)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("$#@+-:_", c)))
            return false;
    }
    return true;
}

int idcard_parse(const uint8_t card[80], struct idcard *id, char *why, size_t whylen)
{
    char text[81], tok[16];
    e2a(text, card, 80);
    text[80] = 0;
    for (int i = 0; i < 80; i++)
        if ((unsigned char)text[i] < ' ' || (unsigned char)text[i] > '~')
            text[i] = '?';
    memset(id, 0, sizeof(*id));
    id->cls = 'A';
    struct scan s;
    scan_init(&s, text, strlen(text));
    if (!scan_token_upper(&s, tok, sizeof(tok)) || strcmp(tok, "ID") != 0) {
        snprintf(why, whylen, "NO ID CARD");
        return -1;
    }
    if (!scan_token_upper(&s, tok, sizeof(tok)) || !name_ok(tok)) {
        snprintf(why, whylen, "NO USERID ON ID CARD");
        return -1;
    }
    snprintf(id->userid, sizeof(id->userid), "%.8s", tok);
    while (scan_token_upper(&s, tok, sizeof(tok))) {
        if (abbrev(tok, "CLASS", 2)) {
            if (!scan_token_upper(&s, tok, sizeof(tok)) || strlen(tok) != 1 ||
                !spf_class_ok(tok[0])) {
                snprintf(why, whylen, "INVALID CLASS ON ID CARD");
                return -1;
            }
            id->cls = tok[0];
        } else if (abbrev(tok, "NAME", 2)) {
            if (!scan_token_upper(&s, tok, sizeof(tok)) || !name_ok(tok)) {
                snprintf(why, whylen, "INVALID NAME ON ID CARD");
                return -1;
            }
            snprintf(id->fn, sizeof(id->fn), "%.8s", tok);
            struct scan save = s;
            if (scan_token_upper(&s, tok, sizeof(tok))) {
                if (abbrev(tok, "CLASS", 2) && !scan_at_end(&s)) {
                    s = save; /* NAME fn CLASS c */
                    continue;
                }
                if (!name_ok(tok)) {
                    snprintf(why, whylen, "INVALID NAME ON ID CARD");
                    return -1;
                }
                snprintf(id->ft, sizeof(id->ft), "%.8s", tok);
            }
        } else {
            snprintf(why, whylen, "INVALID OPERAND %.8s ON ID CARD", tok);
            return -1;
        }
    }
    return 0;
}
