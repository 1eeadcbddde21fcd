/*
 * ds3270.c - the 3270 data stream: building outbound writes and parsing
 * inbound Read Modified records (GA23-0059, 3270 Data Stream Programmer's
 * Reference: "Write Control Character", "Orders", "Buffer Addressing",
 * "Attention Identification", "Read Operations").
 *
 * Entry points: the ds_* builders append to a caller's buffer (struct
 * ds_out), ds_parse_inbound decodes what the terminal sent, and ds_code6,
 * ds_encode_addr, ds_decode_addr, ds_pfkey and ds_short_aid are the small
 * codings both directions share. It plays the part of the 3270 code in
 * VM/370's console manager (DMKGRF).
 *
 * Choices:
 * - The WCC is sent in its graphic (6-bit) encoding. Every byte of that
 *   code table has bit 1 (X'40') on, so the WCC reset bit is always set on
 *   the wire; passing WCC_RESET is harmless and changes nothing.
 * - An address of 4096 or more is sent as a 14-bit binary address (its top
 *   two bits 00), which terminals larger than 4096 positions require.
 * - Inbound, a short-read AID (CLEAR, PA1-PA3) may come alone (one byte,
 *   cursor reported as 0) or with a cursor address; any other AID needs at
 *   least the cursor address. Data runs to the next SBA order: in a record
 *   from a real 3270, X'11' occurs only as that order.
 */
#include "ebcdic.h"
#include "ds3270.h"

/* The graphic codes of 0-63 (GA23-0059, "Buffer Address and Control
 * Character Translation"): printable EBCDIC, so they never look like an
 * order. */
static const uint8_t code6[64] = {
    0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
    0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
};

uint8_t ds_code6(unsigned v) { return code6[v & 0x3F]; }

/* PF keys come in runs of consecutive AID values. */
static const struct {
    uint8_t first, last;
    int pf; /* PF key number of first */
} pf_runs[] = {
    {0xF1, 0xF9, 1},  /* PF1-PF9 */
    {0x7A, 0x7C, 10}, /* PF10-PF12 */
    {0xC1, 0xC9, 13}, /* PF13-PF21 */
    {0x4A, 0x4C, 22}, /* PF22-PF24 */
};

int ds_pfkey(uint8_t aid)
{
    for (size_t i = 0; i < sizeof pf_runs / sizeof pf_runs[0]; i++)
        if (aid >= pf_runs[i].first && aid <= pf_runs[i].last)
            return pf_runs[i].pf + (aid - pf_runs[i].first);
    return 0;
}

bool ds_short_aid(uint8_t aid)
{
    return aid == AID_CLEAR || aid == AID_PA1 || aid == AID_PA2 || aid == AID_PA3;
}

/* ------------------------------------------------------------ outbound */

void ds_init(struct ds_out *d, uint8_t *buf, size_t cap)
{
    d->buf = buf;
    d->cap = cap;
    d->len = 0;
    d->overflow = false;
}

void ds_byte(struct ds_out *d, uint8_t b)
{
    if (d->len < d->cap)
        d->buf[d->len++] = b;
    else
        d->overflow = true;
}

void ds_encode_addr(unsigned addr, uint8_t out[2])
{
    if (addr < 4096) {
        out[0] = ds_code6(addr >> 6);
        out[1] = ds_code6(addr & 0x3F);
    } else {
        out[0] = (uint8_t)((addr >> 8) & 0x3F);
        out[1] = (uint8_t)addr;
    }
}

unsigned ds_decode_addr(uint8_t b0, uint8_t b1)
{
    /* Bits 0-1 of the first byte: 00 means 14-bit binary, anything else
     * the 12-bit form in two 6-bit halves. */
    if (b0 & 0xC0)
        return ((unsigned)(b0 & 0x3F) << 6) | (b1 & 0x3F);
    return ((unsigned)(b0 & 0x3F) << 8) | b1;
}

static void put_addr(struct ds_out *d, unsigned addr)
{
    uint8_t a[2];
    ds_encode_addr(addr, a);
    ds_byte(d, a[0]);
    ds_byte(d, a[1]);
}

void ds_wcc(struct ds_out *d, uint8_t wcc_bits) { ds_byte(d, ds_code6(wcc_bits)); }

void ds_sba(struct ds_out *d, unsigned addr)
{
    ds_byte(d, ORD_SBA);
    put_addr(d, addr);
}

void ds_sf(struct ds_out *d, uint8_t fa_bits)
{
    ds_byte(d, ORD_SF);
    ds_byte(d, ds_code6(fa_bits));
}

void ds_ic(struct ds_out *d) { ds_byte(d, ORD_IC); }

void ds_ra(struct ds_out *d, unsigned addr, uint8_t ebcdic_char)
{
    ds_byte(d, ORD_RA);
    put_addr(d, addr);
    ds_byte(d, ebcdic_char);
}

void ds_eua(struct ds_out *d, unsigned addr)
{
    ds_byte(d, ORD_EUA);
    put_addr(d, addr);
}

void ds_text(struct ds_out *d, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        uint8_t e;
        a2e_display(&e, &text[i], 1);
        ds_byte(d, e);
    }
}

void ds_fill(struct ds_out *d, char c, size_t n)
{
    uint8_t e;
    a2e_display(&e, &c, 1);
    for (size_t i = 0; i < n; i++)
        ds_byte(d, e);
}

/* ------------------------------------------------------------- inbound */

int ds_parse_inbound(const uint8_t *buf, size_t len, struct ds_inbound *in)
{
    in->nfields = 0;
    in->cursor = 0;
    if (len == 0)
        return -1;
    in->aid = buf[0];
    if (len == 1)
        return ds_short_aid(in->aid) ? 0 : -1;
    if (len < 3)
        return -1;
    in->cursor = ds_decode_addr(buf[1], buf[2]);

    size_t i = 3;
    while (i < len) {
        if (buf[i] != ORD_SBA || len - i < 3)
            return -1; /* data before any SBA, or an SBA cut short */
        if (in->nfields == (int)(sizeof in->field / sizeof in->field[0]))
            return -1;
        struct ds_field *f = &in->field[in->nfields++];
        f->addr = ds_decode_addr(buf[i + 1], buf[i + 2]);
        i += 3;
        size_t start = i;
        while (i < len && buf[i] != ORD_SBA)
            i++;
        f->data = buf + start;
        f->len = i - start;
    }
    return 0;
}
