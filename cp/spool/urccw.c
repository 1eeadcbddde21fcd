/*
 * urccw.c - the commands of spooled unit record devices (see urccw.h).
 * Portable. Entry points: ur_decode, ur_width, ur_kind_of.
 */
#include "spool/urccw.h"

/* Printer: channel skip codes X'89'+8n (write) and X'8B'+8n (immediate) for
 * channels 1-12 (n 0-11), spacing X'09' X'11' X'19' and X'0B' X'13' X'1B'. */
static enum ur_act printer(uint8_t cmd)
{
    if (cmd == 0x01 || cmd == 0x09 || cmd == 0x11 || cmd == 0x19)
        return URA_WRITE;
    if (cmd >= 0x89 && cmd <= 0xE1 && (cmd & 0x07) == 0x01)
        return URA_WRITE;
    if (cmd == 0x0B || cmd == 0x13 || cmd == 0x1B)
        return URA_CONTROL;
    if (cmd >= 0x8B && cmd <= 0xE3 && (cmd & 0x07) == 0x03)
        return URA_CONTROL;
    switch (cmd) {
    case 0x03:
    case 0x63: /* 3211 load FCB */
    case 0x6B:
    case 0x73:
    case 0x7B:
    case 0xEB:
    case 0xF3: /* load UCS buffer */
    case 0xFB: return URA_NOOP;
    default: return URA_REJECT;
    }
}

enum ur_act ur_decode(enum ur_kind kind, uint8_t cmd)
{
    if (cmd == 0x04)
        return URA_SENSE;
    switch (kind) {
    case UR_READER:
        if ((cmd & 0x3F) == 0x02)
            return URA_READ;
        if ((cmd & 0x3F) == 0x03 || (cmd & 0x3F) == 0x23)
            return URA_NOOP;
        return URA_REJECT;
    case UR_PUNCH:
        if ((cmd & 0x3F) == 0x01)
            return URA_WRITE;
        if ((cmd & 0x3F) == 0x03 || (cmd & 0x3F) == 0x23)
            return URA_NOOP;
        return URA_REJECT;
    case UR_PRINTER: return printer(cmd);
    }
    return URA_REJECT;
}

uint16_t ur_width(enum ur_kind kind, uint16_t devtype)
{
    if (kind != UR_PRINTER)
        return 80;
    return devtype == 0x3211 ? 150 : 132;
}

int ur_kind_of(uint16_t devtype, int reader)
{
    switch (devtype) {
    case 0x2540: return reader ? UR_READER : UR_PUNCH;
    case 0x3505:
    case 0x2501: return UR_READER;
    case 0x3525: return UR_PUNCH;
    case 0x1403:
    case 0x1443:
    case 0x3211: return UR_PRINTER;
    default: return -1;
    }
}
