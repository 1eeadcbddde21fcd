/*
 * text.c - EBCDIC characters for the utilities (util.h): records are
 * EBCDIC as on disk, command tokens and the console are ASCII. The code
 * page is console/ebcdic.c's (037). And the reader's cards, with one card
 * that can be given back.
 */
#include <ctype.h>
#include <string.h>
#include "console/ebcdic.h"
#include "cms/util/common/util.h"

uint8_t util_a2e(char c) { return asc2ebc[(uint8_t)c]; }

char util_e2a(uint8_t b) { return (char)ebc2asc[b]; }

void util_xlate_identity(uint8_t t[256])
{
    for (int b = 0; b < 256; b++)
        t[b] = (uint8_t)b;
}

/* Only the letters A-Z: R6's UPCASE/LOWCASE know no others. */
void util_xlate_case(uint8_t t[256], bool upper)
{
    for (int b = 0; b < 256; b++) {
        char c = util_e2a(t[b]);
        if (upper && c >= 'a' && c <= 'z')
            t[b] = util_a2e((char)toupper(c));
        else if (!upper && c >= 'A' && c <= 'Z')
            t[b] = util_a2e((char)tolower(c));
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)toupper(c);
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

bool util_hexbyte(const char *s, uint8_t *b)
{
    int h = hexval(s[0]), l = h < 0 ? -1 : hexval(s[1]);
    if (h < 0 || l < 0)
        return false;
    *b = (uint8_t)(h << 4 | l);
    return true;
}

static uint8_t pushed[80];
static bool have_pushed;

int util_cardrd(uint8_t card[80], size_t *len)
{
    if (have_pushed) {
        have_pushed = false;
        memcpy(card, pushed, 80);
        *len = 80;
        return 0;
    }
    return cardrd(card, 80, len);
}

void util_unread(const uint8_t card[80])
{
    memcpy(pushed, card, 80);
    have_pushed = true;
}
