/*
 * diag_rules.c - operand checks and result images of the DIAGNOSE codes
 * (see diag_rules.h; diagnose/DIAGNOSE.md). Portable: no guest, no CP
 * state, only bytes and numbers.
 */
#include <string.h>
#include "console/ds3270.h"
#include "console/ebcdic.h"
#include "sim/diag_rules.h"
#include "hw/s370.h"
#include "lib/bytes.h"

bool diag_in_storage(uint32_t addr, uint32_t len, uint32_t size)
{
    return len == 0 || ((uint64_t)addr + len <= size);
}

/* ---------------------------------------------------------------- X'00' */

void diag00_record(uint8_t out[DIAG00_SIZE], const char *userid)
{
    memset(out, 0, DIAG00_SIZE);
    a2e_field(out + DIAG00_SYSNAME, 8, "VM/370");
    out[DIAG00_VERSION] = DIAG00_VER;
    out[DIAG00_VERSION + 1] = DIAG00_LEVEL;
    out[DIAG00_VERSION + 2] = DIAG00_PLC;
    out[DIAG00_VCODE] = 0xFF;
    put_be16(out + DIAG00_MCEL, 0);
    put_be16(out + DIAG00_CPUADDR, 0);
    a2e_field(out + DIAG00_USERID, 8, userid);
}

/* ---------------------------------------------------------------- X'04' */

static bool within_page(uint32_t addr, uint32_t len)
{
    return len == 0 || (addr & 0xFFF) + len <= 4096;
}

int diag04_check_regs(unsigned ry, uint32_t list, uint32_t n, uint32_t result, uint32_t size)
{
    if (ry == 15 || n > DIAG04_MAX || (list & 3) || (result & 3) || !within_page(list, 4 * n) ||
        !within_page(result, 4 * n))
        return PGM_SPECIFICATION;
    if (!diag_in_storage(list, 4 * n, size) || !diag_in_storage(result, 4 * n, size))
        return PGM_ADDRESSING;
    return 0;
}

int diag04_check_entries(const uint8_t *entries, uint32_t n, uint64_t host_size)
{
    int pgm = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t a = get_be32(entries + 4 * i);
        if (a & 3)
            return PGM_SPECIFICATION;
        if ((uint64_t)a + 4 > host_size)
            pgm = PGM_ADDRESSING; /* a later misaligned entry still says specification */
    }
    return pgm;
}

/* ---------------------------------------------------------------- X'08' */

int diag08_check_regs(unsigned rx, unsigned ry, uint32_t ryval, uint32_t buflen)
{
    uint32_t flags = ryval >> 24, len = ryval & 0x00FFFFFF;
    if ((flags & ~DIAG08_FLAGS) || len > DIAG08_MAXCMD)
        return PGM_SPECIFICATION;
    if (flags & DIAG08_RESPBUF) {
        if (rx == 15 || ry == 15 || rx == ry || rx + 1 == ry || ry + 1 == rx ||
            buflen > DIAG08_MAXBUF)
            return PGM_SPECIFICATION;
    }
    return 0;
}

bool diag08_next_command(const uint8_t *text, size_t len, size_t *pos, char *out, size_t outsz)
{
    if (*pos >= len)
        return false;
    size_t start = *pos, end = start;
    while (end < len && text[end] != DIAG08_SEP)
        end++;
    size_t n = end - start;
    if (n >= outsz)
        n = outsz - 1;
    e2a(out, text + start, n);
    out[n] = '\0';
    *pos = end + 1; /* past the separator (or the end) */
    return true;
}

static void resp_bytes(struct diag08_resp *r, const uint8_t *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++, r->total++)
        if (r->total < r->cap)
            r->buf[r->total] = p[i];
}

void diag08_resp_line(struct diag08_resp *r, const char *line)
{
    uint8_t e[256];
    size_t n = strlen(line);
    while (n > 0) {
        size_t k = n > sizeof(e) ? sizeof(e) : n;
        a2e(e, line, k);
        resp_bytes(r, e, (uint32_t)k);
        line += k;
        n -= k;
    }
    static const uint8_t sep = DIAG08_SEP;
    resp_bytes(r, &sep, 1);
}

uint32_t diag08_resp_stored(const struct diag08_resp *r)
{
    return r->total < r->cap ? r->total : r->cap;
}

int diag08_resp_result(const struct diag08_resp *r, uint32_t *ry1)
{
    if (r->total <= r->cap) {
        *ry1 = r->total;
        return 0;
    }
    *ry1 = r->total - r->cap;
    return 1;
}

/* ---------------------------------------------------------------- X'0C' */

void diag0c_area(uint8_t out[DIAG0C_SIZE], const struct datetime *dt, uint64_t vtime,
                 uint64_t ttime)
{
    char s[16];
    fmt_mdy(s, sizeof(s), dt);
    a2e_field(out + DIAG0C_DATE, 8, s);
    fmt_hms(s, sizeof(s), dt);
    a2e_field(out + DIAG0C_TIME, 8, s);
    put_be64(out + DIAG0C_VTIME, vtime >> 12);
    put_be64(out + DIAG0C_TTIME, ttime >> 12);
}

/* ---------------------------------------------------------------- X'10' */

int diag10_check(uint32_t first, uint32_t last, uint32_t size)
{
    if ((first & 0xFFF) || (last & 0xFFF) || last < first)
        return PGM_SPECIFICATION;
    if (!diag_in_storage(last, 4096, size))
        return PGM_ADDRESSING;
    return 0;
}

/* ---------------------------------------------------------------- X'24' */

struct devcode {
    uint16_t devtype;
    uint8_t type;
};

static const struct devcode rdr_types[] = {
    {0x2540, DEVT_2540R}, {0x3505, DEVT_3505}, {0x2501, DEVT_2501}, {0, 0}};
static const struct devcode pun_types[] = {{0x2540, DEVT_2540P}, {0x3525, DEVT_3525}, {0, 0}};
static const struct devcode prt_types[] = {
    {0x1403, DEVT_1403}, {0x3211, DEVT_3211}, {0x1443, DEVT_1443}, {0, 0}};
static const struct devcode tape_types[] = {
    {0x3420, DEVT_3420}, {0x3480, DEVT_3480}, {0x3490, DEVT_3490}, {0, 0}};
static const struct devcode dasd_types[] = {
    {0x3340, DEVT_3340}, {0x2305, DEVT_2305},
    {0x3375, DEVT_3375}, {0x3350, DEVT_3350},
    {0x3330, DEVT_3330}, {0x3380, DEVT_3380},
    {0x2314, DEVT_2314}, {0x2319, DEVT_2314},
    {0x3390, DEVT_3390}, {0, 0},
};

static uint8_t lookup(const struct devcode *t, uint16_t devtype)
{
    for (; t->devtype; t++)
        if (t->devtype == devtype)
            return t->type;
    return 0;
}

void diag24_codes(enum vdev_class cls, uint16_t devtype, uint8_t *cls_byte, uint8_t *type_byte)
{
    uint8_t c = 0, t = 0;
    switch (cls) {
    case VC_CONS: c = DEVC_TERM, t = DEVT_3215; break;
    case VC_GRAF: c = DEVC_GRAF, t = DEVT_3270; break;
    case VC_RDR: c = DEVC_URI, t = lookup(rdr_types, devtype); break;
    case VC_PUN: c = DEVC_URO, t = lookup(pun_types, devtype); break;
    case VC_PRT: c = DEVC_URO, t = lookup(prt_types, devtype); break;
    case VC_TAPE: c = DEVC_TAPE, t = lookup(tape_types, devtype); break;
    case VC_DASD: c = DEVC_DASD, t = lookup(dasd_types, devtype); break;
    case VC_DEV: break;
    }
    *cls_byte = c;
    *type_byte = t;
}

/* ---------------------------------------------------------------- X'58' */

uint32_t diag58_data(const uint8_t ccw[8]) { return get_be24(ccw + 1); }
uint16_t diag58_count(const uint8_t ccw[8]) { return get_be16(ccw + 6); }

/* The first CCW of an operation: its command, control byte and flags. */
static int first_ccw(const uint8_t *ccw)
{
    uint8_t cmd = ccw[0], flags = ccw[4], ctl = ccw[5];
    uint16_t count = diag58_count(ccw);
    switch (cmd) {
    case DIAG58_DISPLAY:
        if (!(flags & DIAG58_F_SLI))
            return PGM_SPECIFICATION;
        if (ctl == DIAG58_CTL_CLEAR || ctl == DIAG58_CTL_REDRAW)
            return (flags & DIAG58_F_CD) ? PGM_SPECIFICATION : 0;
        if ((ctl & DIAG58_CTL_LINE) >= DIAG58_LINES)
            return PGM_SPECIFICATION;
        break;
    case DIAG58_FSWRITE:
        if ((ctl & ~(DIAG58_FS_ERASE | DIAG58_FS_PA1)) || ctl == DIAG58_FS_PA1)
            return PGM_SPECIFICATION;
        break;
    case DIAG58_FSREAD:
        if (ctl != DIAG58_FS_RM)
            return PGM_SPECIFICATION;
        break;
    default: return PGM_SPECIFICATION;
    }
    return count == 0 ? PGM_SPECIFICATION : 0;
}

/* True for X'19' X'FF' and X'FE': no data. */
static bool no_data(const struct diag58_op *op)
{
    return op->cmd == DIAG58_DISPLAY &&
           (op->ctl == DIAG58_CTL_CLEAR || op->ctl == DIAG58_CTL_REDRAW);
}

/* The data of an operation may not pass its limit. */
static bool too_long(const struct diag58_op *op)
{
    if (op->cmd != DIAG58_DISPLAY)
        return op->total > DIAG58_FSMAX;
    unsigned start = (op->ctl & DIAG58_CTL_LINE) * DIAG58_COLS;
    return op->total > DIAG58_MAXCNT || start + op->total > DIAG58_MAXCNT;
}

int diag58_parse(uint32_t addr, uint32_t size, diag58_fetch_fn *fetch, void *ctx,
                 struct diag58_chain *c)
{
    c->nccw = c->nop = 0;
    if (addr & 7)
        return PGM_SPECIFICATION;
    struct diag58_op *op = NULL; /* the operation data chaining continues */
    bool fs = false;
    for (;;) {
        if (c->nccw == DIAG58_MAXCCW)
            return PGM_SPECIFICATION;
        if (!diag_in_storage(addr, 8, size))
            return PGM_ADDRESSING;
        uint8_t *ccw = c->ccw[c->nccw];
        int pgm = fetch(ctx, addr, ccw);
        if (pgm)
            return pgm;
        uint8_t flags = ccw[4];
        if (flags & ~(DIAG58_F_CD | DIAG58_F_CC | DIAG58_F_SLI))
            return PGM_SPECIFICATION; /* skip, PCI, IDA and the reserved bits */
        if (!op) {
            if ((pgm = first_ccw(ccw)) != 0)
                return pgm;
            op = &c->op[c->nop++];
            op->cmd = ccw[0];
            op->ctl = ccw[5];
            op->first = (uint8_t)c->nccw;
            op->nccw = 0;
            op->total = 0;
            fs |= op->cmd != DIAG58_DISPLAY;
        } else if (diag58_count(ccw) == 0) {
            return PGM_SPECIFICATION; /* a data-chained CCW with no data */
        }
        c->nccw++;
        op->nccw++;
        if (!no_data(op)) {
            uint32_t n = diag58_count(ccw);
            op->total += n;
            if (too_long(op))
                return PGM_SPECIFICATION;
            if (!diag_in_storage(diag58_data(ccw), n, size))
                return PGM_ADDRESSING;
        }
        if (!(flags & DIAG58_F_CD)) {
            op = NULL;
            if (!(flags & DIAG58_F_CC))
                break;
        }
        addr += 8;
    }
    /* a full-screen write or read is the only operation of its DIAGNOSE */
    return fs && c->nop > 1 ? PGM_SPECIFICATION : 0;
}

unsigned diag58_cells(const uint8_t *data, size_t len, unsigned start, uint16_t *out)
{
    unsigned n = 0;
    bool fields = false;
    for (size_t i = 0; i < len && start + n < DIAG58_MAXCNT; i++) {
        uint8_t b = data[i];
        if (b == ORD_SF && i + 1 < len) {
            out[n++] = GRAF_CELL_ATTR | ((data[++i] & 0x3F) | FA_PROTECT);
            fields = true;
        } else if (b == 0x00 || (b >= 0x40 && b != 0xFF)) {
            out[n++] = b;
        } else {
            out[n++] = EBCDIC_BLANK;
        }
    }
    /* the fields end with the program's data: CP's lines below show normally */
    if (fields && start + n < DIAG58_MAXCNT - 1)
        out[n++] = GRAF_CELL_ATTR | FA_PROTECT;
    return n;
}

/* ---------------------------------------------------------------- X'5C' */

void diag5c_edit(bool code, bool text, uint32_t *rx, uint32_t *ry)
{
    if (code && text)
        return;
    if (text) {
        uint32_t n = *ry < DIAG5C_CODELEN + 1 ? *ry : DIAG5C_CODELEN + 1;
        *rx += n;
        *ry -= n;
    } else if (code) {
        if (*ry > DIAG5C_CODELEN)
            *ry = DIAG5C_CODELEN;
    } else {
        *ry = 0;
    }
}
