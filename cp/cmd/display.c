/*
 * display.c - DISPLAY and STORE: looking at and changing a virtual
 * machine (≈ DMKCDB, DMKCDS). Addresses are the machine's real storage.
 *
 *   DISPLAY [L|T|K]hexloc[-hexloc2|.count|-END|.END]   storage (T: with EBCDIC), keys
 *   DISPLAY G|X|Y[reg[-reg2|.count]]                general, control, floating registers
 *   DISPLAY PSW | CAW | CSW
 *   STORE [L]hexloc word...      fullwords        STORE Shexloc hexbytes   a byte string
 *   STORE G|X|Yreg value...      registers        STORE PSW [word1] word2
 *   STORE Khexloc key            a storage key    STORE STATUS   the store-status save areas
 *
 *   000100  00000000 47F0C00A 00000000 0A0B0C0D  *.....0..........*
 *   GPR  0 =  00000000 00000001 00000002 00000003
 *   PSW = 070C0000 00012340
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "console/ebcdic.h"
#include "hw/s370.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "vm/dispatch.h"
#include "vm/vmblok.h"

#define MAX_DISPLAY_LINES 512

static void too_far(struct cmdctx *c, uint32_t a)
{
    cmd_emsg(c, "DMKCDB160E", "HEXLOC %06X EXCEEDS STORAGE", a);
}

/* "100", "100-1FF", "100.40", "100-END": first and last address */
static bool range(struct cmdctx *c, const char *t, uint32_t def_len, uint32_t *from, uint32_t *to)
{
    char a[16];
    const char *sep = strpbrk(t, "-:.");
    size_t n = sep ? (size_t)(sep - t) : strlen(t);
    uint32_t size = c->vm->stor.size;
    if (n == 0 || n >= sizeof(a))
        return false;
    memcpy(a, t, n);
    a[n] = '\0';
    if (!parse_hex32(a, from))
        return false;
    if (!sep) {
        *to = *from + def_len - 1;
    } else if (strcmp(sep + 1, "END") == 0) {
        *to = size - 1;
    } else {
        uint32_t v;
        if (!parse_hex32(sep + 1, &v))
            return false;
        if (*sep == '.') {
            if (v == 0)
                return false;
            *to = *from + v - 1;
        } else {
            if (v < *from)
                return false;
            *to = v;
        }
    }
    if (*from >= size) {
        too_far(c, *from);
        return false;
    }
    if (*to >= size)
        *to = size - 1;
    return true;
}

static void show_storage(struct cmdctx *c, uint32_t from, uint32_t to, bool text)
{
    uint32_t line = from & ~15u;
    for (int n = 0; line <= to && n < MAX_DISPLAY_LINES; line += 16, n++) {
        uint8_t b[16];
        char out[96], asc[17];
        greal_fetch(c->vm, line, b, 16);
        int at = snprintf(out, sizeof(out), "%06X ", line);
        for (int w = 0; w < 4; w++) {
            uint32_t wa = line + 4 * w;
            bool shown = wa + 3 >= (from & ~3u) && wa <= to;
            at += snprintf(out + at, sizeof(out) - (size_t)at, shown ? " %08X" : "         ",
                           get_be32(b + 4 * w));
        }
        if (text) {
            e2a(asc, b, 16);
            for (int i = 0; i < 16; i++)
                if ((unsigned char)asc[i] < 0x20 || (unsigned char)asc[i] > 0x7E)
                    asc[i] = '.';
            asc[16] = '\0';
            snprintf(out + at, sizeof(out) - (size_t)at, "  *%s*", asc);
        }
        cmd_put(c, 0, out);
        if (line + 16 < line)
            break;
    }
}

static void show_keys(struct cmdctx *c, uint32_t from, uint32_t to)
{
    char out[100];
    int at = 0, n = 0;
    for (uint32_t a = from & ~2047u; a <= to && n < MAX_DISPLAY_LINES * 8; a += 2048, n++) {
        if (at == 0)
            at = snprintf(out, sizeof(out), "%06X ", a);
        at += snprintf(out + at, sizeof(out) - (size_t)at, " %02X", gstor_key(&c->vm->stor, a));
        if (n % 16 == 15) {
            cmd_put(c, 0, out);
            at = 0;
        }
    }
    if (at)
        cmd_put(c, 0, out);
}

/* Registers: kind 'G', 'X' (control), 'Y' (floating) */
static void show_regs(struct cmdctx *c, char kind, const char *t)
{
    unsigned from = 0, to = 15;
    if (*t) {
        uint32_t a, b;
        const char *sep = strpbrk(t, "-:.");
        char first[8];
        size_t n = sep ? (size_t)(sep - t) : strlen(t);
        if (n == 0 || n >= sizeof(first)) {
            cmd_err_operand(c, "CDB");
            return;
        }
        memcpy(first, t, n);
        first[n] = '\0';
        if (!parse_hex32(first, &a) || a > 15) {
            cmd_err_operand(c, "CDB");
            return;
        }
        from = to = a;
        if (sep) {
            if (!parse_hex32(sep + 1, &b) || (*sep == '.' ? b == 0 || a + b > 16 : b < a || b > 15)) {
                cmd_err_operand(c, "CDB");
                return;
            }
            to = *sep == '.' ? a + b - 1 : b;
        }
    }
    const struct vcpu *cpu = &c->vm->cpu;
    const char *name = kind == 'G' ? "GPR" : kind == 'X' ? "CR " : "FPR";
    unsigned per = kind == 'Y' ? 2 : 4;
    for (unsigned r = from; r <= to;) {
        char out[100];
        int at = snprintf(out, sizeof(out), "%s %2u = ", name, r);
        for (unsigned i = 0; i < per && r <= to; i++, r++) {
            if (kind == 'G')
                at += snprintf(out + at, sizeof(out) - (size_t)at, " %08X", (uint32_t)cpu->gpr[r]);
            else if (kind == 'X')
                at += snprintf(out + at, sizeof(out) - (size_t)at, " %08X", cpu->cr[r]);
            else
                at += snprintf(out + at, sizeof(out) - (size_t)at, " %08X %08X",
                               (uint32_t)(cpu->fpr[r] >> 32), (uint32_t)cpu->fpr[r]);
        }
        cmd_put(c, 0, out);
    }
}

static void show_psw(struct cmdctx *c)
{
    uint8_t p[8];
    psw370_encode(&c->vm->cpu.psw, p);
    cmd_printf(c, "PSW = %08X %08X", get_be32(p), get_be32(p + 4));
}

void cmd_display(struct cmdctx *c, struct scan *s)
{
    if (c->vm)
        vm_save_regs(c->vm); /* its floating-point registers, as they are now */
    char tok[40];
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_operand(c, "CDB");
        return;
    }
    do {
        uint32_t from, to;
        if (strcmp(tok, "PSW") == 0) {
            show_psw(c);
        } else if (strcmp(tok, "CAW") == 0) {
            uint8_t b[4];
            greal_fetch(c->vm, PSA_CAW, b, 4);
            cmd_printf(c, "CAW = %08X", get_be32(b));
        } else if (strcmp(tok, "CSW") == 0) {
            uint8_t b[8];
            greal_fetch(c->vm, PSA_CSW, b, 8);
            cmd_printf(c, "CSW = %08X %08X", get_be32(b), get_be32(b + 4));
        } else if (tok[0] == 'G' || tok[0] == 'X' || tok[0] == 'Y') {
            show_regs(c, tok[0], tok + 1);
        } else if (tok[0] == 'K') {
            if (range(c, tok + 1, 1, &from, &to))
                show_keys(c, from, to);
            else if (c->rc == 0)
                cmd_err_operand(c, "CDB");
        } else {
            bool text = tok[0] == 'T';
            const char *t = (tok[0] == 'L' || tok[0] == 'T') ? tok + 1 : tok;
            if (range(c, t, 4, &from, &to))
                show_storage(c, from, to, text);
            else if (c->rc == 0)
                cmd_err_operand(c, "CDB");
        }
        if (c->rc)
            return;
    } while (scan_token_upper(s, tok, sizeof(tok)));
}

/* ---------------------------------------------------------------- STORE */

/* Up to 16 hex digits, right aligned. */
static bool hexval(const char *t, unsigned maxdigits, uint64_t *v)
{
    size_t n = strlen(t);
    if (n == 0 || n > maxdigits)
        return false;
    *v = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = t[i];
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (d < 0)
            return false;
        *v = (*v << 4) | (uint64_t)d;
    }
    return true;
}

static bool store_bytes(struct cmdctx *c, uint32_t a, const uint8_t *b, uint32_t n)
{
    if ((uint64_t)a + n > c->vm->stor.size) {
        cmd_emsg(c, "DMKCDS160E", "HEXLOC %06X EXCEEDS STORAGE", a);
        return false;
    }
    greal_store(c->vm, a, b, n);
    return true;
}

static void store_regs(struct cmdctx *c, char kind, const char *t, struct scan *s)
{
    uint32_t r;
    char tok[24];
    if (!parse_hex32(t, &r) || r > 15) {
        cmd_err_operand(c, "CDS");
        return;
    }
    struct vcpu *cpu = &c->vm->cpu;
    int n = 0;
    while (scan_token_upper(s, tok, sizeof(tok))) {
        uint64_t v;
        if (r > 15 || !hexval(tok, kind == 'Y' ? 16 : 8, &v)) {
            cmd_err_operand(c, "CDS");
            return;
        }
        if (kind == 'G')
            cpu->gpr[r] = (cpu->gpr[r] & ~0xFFFFFFFFULL) | v;
        else if (kind == 'X')
            cpu->cr[r] = (uint32_t)v;
        else
            cpu->fpr[r] = strlen(tok) <= 8 ? v << 32 : v;
        r++;
        n++;
    }
    if (n == 0)
        cmd_err_operand(c, "CDS");
}

/* STORE STATUS: the status-save areas of low storage (X'D8' CPU timer,
 * X'E0' clock comparator, X'100' current PSW, FPRs, GPRs, CRs). */
static void store_status(struct cmdctx *c)
{
    struct vcpu *cpu = &c->vm->cpu;
    uint8_t b[64];
    put_be64(b, (uint64_t)cpu->cpt);
    put_be64(b + 8, cpu->ckc);
    greal_store(c->vm, PSA_TIMER_SAVE, b, 16);
    psw370_encode(&cpu->psw, b);
    greal_store(c->vm, 0x100, b, 8);
    for (int i = 0; i < 4; i++)
        put_be64(b + 8 * i, cpu->fpr[2 * i]);
    greal_store(c->vm, PSA_FPR_SAVE, b, 32);
    for (int i = 0; i < 16; i++)
        put_be32(b + 4 * i, (uint32_t)cpu->gpr[i]);
    greal_store(c->vm, PSA_GPR_SAVE, b, 64);
    for (int i = 0; i < 16; i++)
        put_be32(b + 4 * i, cpu->cr[i]);
    greal_store(c->vm, PSA_CR_SAVE, b, 64);
}

void cmd_store(struct cmdctx *c, struct scan *s)
{
    if (c->vm)
        vm_save_regs(c->vm); /* its floating-point registers, as they are now */
    char tok[40];
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_operand(c, "CDS");
        return;
    }
    struct vmblok *vm = c->vm;
    if (abbrev(tok, "STATUS", 6)) {
        store_status(c);
    } else if (strcmp(tok, "PSW") == 0) {
        char w1[16], w2[16];
        uint64_t a, b = 0;
        size_t n1 = scan_token_upper(s, w1, sizeof(w1)), n2 = scan_token_upper(s, w2, sizeof(w2));
        if (!n1 || !hexval(w1, 8, &a) || (n2 && !hexval(w2, 8, &b))) {
            cmd_err_operand(c, "CDS");
            return;
        }
        uint8_t img[8];
        psw370_encode(&vm->cpu.psw, img);
        if (n2)
            put_be32(img, (uint32_t)a);
        put_be32(img + 4, (uint32_t)(n2 ? b : a));
        psw370_decode(img, &vm->cpu.psw);
    } else if (tok[0] == 'G' || tok[0] == 'X' || tok[0] == 'Y') {
        store_regs(c, tok[0], tok + 1, s);
        if (c->rc)
            return;
    } else if (tok[0] == 'K') {
        uint32_t a;
        char k[8];
        uint64_t key;
        if (!parse_hex32(tok + 1, &a) || !scan_token_upper(s, k, sizeof(k)) || !hexval(k, 2, &key)) {
            cmd_err_operand(c, "CDS");
            return;
        }
        if (a >= vm->stor.size) {
            cmd_emsg(c, "DMKCDS160E", "HEXLOC %06X EXCEEDS STORAGE", a);
            return;
        }
        gstor_set_key(&vm->stor, a, (uint8_t)key & 0xFE);
    } else if (tok[0] == 'S') {
        uint32_t a;
        char data[130];
        size_t n = scan_token_upper(s, data, sizeof(data));
        uint8_t bytes[64];
        if (!parse_hex32(tok + 1, &a) || n == 0 || n % 2 || n / 2 > sizeof(bytes)) {
            cmd_err_operand(c, "CDS");
            return;
        }
        for (size_t i = 0; i < n / 2; i++) {
            char h[3] = {data[2 * i], data[2 * i + 1], 0};
            uint64_t v;
            if (!hexval(h, 2, &v)) {
                cmd_err_operand(c, "CDS");
                return;
            }
            bytes[i] = (uint8_t)v;
        }
        if (!store_bytes(c, a, bytes, (uint32_t)(n / 2)))
            return;
    } else {
        uint32_t a;
        const char *t = tok[0] == 'L' ? tok + 1 : tok;
        if (!parse_hex32(t, &a)) {
            cmd_err_operand(c, "CDS");
            return;
        }
        a &= ~3u; /* fullwords go on a fullword boundary */
        int n = 0;
        char w[16];
        while (scan_token_upper(s, w, sizeof(w))) {
            uint64_t v;
            uint8_t b[4];
            if (!hexval(w, 8, &v)) {
                cmd_err_operand(c, "CDS");
                return;
            }
            put_be32(b, (uint32_t)v);
            if (!store_bytes(c, a, b, 4))
                return;
            a += 4;
            n++;
        }
        if (n == 0) {
            cmd_err_operand(c, "CDS");
            return;
        }
    }
    if (vm->imsg)
        cmd_printf(c, "STORE COMPLETE");
}
