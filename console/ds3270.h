/*
 * ds3270.h - the 3270 data stream: building outbound writes and parsing
 * inbound reads (IBM 3270 Information Display System Data Stream
 * Programmer's Reference, GA23-0059: orders, WCC, buffer addresses, AIDs).
 *
 * Portable: used by CP's console manager and by the host terminal client
 * and tests. Buffer addresses are linear (row * columns + column).
 */
#ifndef CONSOLE_DS3270_H
#define CONSOLE_DS3270_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Channel commands of a local (non-SNA) 3270 */
#define CMD3270_WRITE     0x01
#define CMD3270_EW        0x05 /* erase/write (default 24x80 screen) */
#define CMD3270_EWA       0x0D /* erase/write alternate */
#define CMD3270_EAU       0x0F /* erase all unprotected */
#define CMD3270_RB        0x02 /* read buffer */
#define CMD3270_RM        0x06 /* read modified */
#define CMD3270_NOP       0x03
#define CMD3270_SELECT_WR 0x4B /* local "select" (write): a control no-op on Hercules */
#define CMD3270_SENSE     0x04
#define CMD3270_SENSE_ID  0xE4

/* Write control character bits (before the graphic encoding) */
#define WCC_RESET    0x40
#define WCC_PRINT    0x08
#define WCC_ALARM    0x04
#define WCC_RESTORE  0x02 /* keyboard restore (unlock) */
#define WCC_RESETMDT 0x01

/* Orders */
#define ORD_SF  0x1D
#define ORD_SFE 0x29
#define ORD_SBA 0x11
#define ORD_SA  0x28
#define ORD_MF  0x2C
#define ORD_IC  0x13
#define ORD_PT  0x05
#define ORD_RA  0x3C
#define ORD_EUA 0x12
#define ORD_GE  0x08

/* Field attribute bits (before the graphic encoding) */
#define FA_PROTECT    0x20
#define FA_NUMERIC    0x10
#define FA_INTENSE    0x08 /* display bits 0x0C: 00 normal, 04 pen, 08 intense */
#define FA_NONDISPLAY 0x0C
#define FA_MDT        0x01

/* Attention identifiers */
#define AID_NONE  0x60
#define AID_ENTER 0x7D
#define AID_CLEAR 0x6D
#define AID_PA1   0x6C
#define AID_PA2   0x6E
#define AID_PA3   0x6B
#define AID_SF    0x88
/* PF1-PF24 */
#define AID_PF1  0xF1
#define AID_PF10 0x7A
#define AID_PF13 0xC1
#define AID_PF22 0x4A

/* The 6-bit graphic code of a value 0-63 (WCC, attribute, 12-bit address). */
uint8_t ds_code6(unsigned v);

/* A PF key number 1-24 for an AID, 0 if it is not a PF key. */
int ds_pfkey(uint8_t aid);
/* True for the AIDs that send no data (CLEAR, PA1-PA3): a "short read". */
bool ds_short_aid(uint8_t aid);

/*
 * Outbound: an append-only buffer. Appends past the capacity set overflow
 * and are dropped, so a caller checks once at the end.
 */
struct ds_out {
    uint8_t *buf;
    size_t cap;
    size_t len;
    bool overflow;
};

void ds_init(struct ds_out *d, uint8_t *buf, size_t cap);
void ds_byte(struct ds_out *d, uint8_t b);
void ds_wcc(struct ds_out *d, uint8_t wcc_bits); /* encoded through ds_code6 */
void ds_sba(struct ds_out *d, unsigned addr);    /* 12-bit form below 4096, else 14-bit */
void ds_sf(struct ds_out *d, uint8_t fa_bits);   /* encoded through ds_code6 */
void ds_ic(struct ds_out *d);
void ds_ra(struct ds_out *d, unsigned addr, uint8_t ebcdic_char);
void ds_eua(struct ds_out *d, unsigned addr);
/* ASCII (ISO 8859-1) text, translated for display (non-graphics -> blank). */
void ds_text(struct ds_out *d, const char *text, size_t len);
/* n copies of one ASCII character */
void ds_fill(struct ds_out *d, char c, size_t n);

/* Encode a buffer address into two bytes; decode one from two bytes. */
void ds_encode_addr(unsigned addr, uint8_t out[2]);
unsigned ds_decode_addr(uint8_t b0, uint8_t b1);

/*
 * Inbound (read modified): AID, cursor address, then for each modified
 * field SBA addr and its data. Field data point into the caller's buffer
 * and stay EBCDIC; nulls were already suppressed by the terminal.
 */
struct ds_field {
    unsigned addr; /* buffer address of the first data byte */
    const uint8_t *data;
    size_t len;
};

struct ds_inbound {
    uint8_t aid;
    unsigned cursor;
    int nfields;
    struct ds_field field[16];
};

/* Returns 0, or -1 if the record is malformed (too short, or data before
 * the first SBA, or more fields than fit). */
int ds_parse_inbound(const uint8_t *buf, size_t len, struct ds_inbound *in);

#endif
