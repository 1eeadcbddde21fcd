/*
 * vmcmd.c - the commands that run a virtual machine (≈ DMKCFC BEGIN and
 * REQUEST, DMKCFG IPL, DMKCPB SYSTEM and EXTERNAL, DMKDEF DEFINE, DMKVDA
 * ATTACH and DMKVDD DETACH, DMKCFD ADSTOP, DMKTHI INDICATE):
 *
 *   BEGIN [hexloc]                 run from the current PSW, or from hexloc
 *   IPL vaddr [CLEAR] [PARM text]  IPL from a virtual device
 *   SYSTEM RESET|CLEAR|RESTART     the console's reset and restart keys
 *   DEFINE STORAGE nnnK|nnM        new storage size (reset, cleared)
 *   ATTACH raddr [TO] userid|* [AS] vaddr     (class B)
 *   DETACH vaddr  |  DETACH raddr [FROM] userid   (class G | class B)
 *   REQUEST, ATTN                  attention from the virtual console
 *   EXTERNAL [code]                external interruption (interrupt key)
 *   ADSTOP hexloc|OFF              stop when the machine gets there
 *   INDICATE [USER|PRIVOPS]        the user's resources; the simulation counters
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cons/term.h"
#include "cons/vcons.h"
#include "dir/dir.h"
#include "io/ios.h"
#include "lib/tod.h"
#include "mm/gaccess.h"
#include "sim/sim.h"
#include "vdev/vded.h"
#include "vdev/vdev.h"
#include "vm/dispatch.h"
#include "vm/machine.h"
#include "vm/savesys.h"
#include "vm/vmblok.h"

static bool no_more(struct cmdctx *c, struct scan *s, const char *module)
{
    char extra[24];
    if (scan_token_upper(s, extra, sizeof(extra)) == 0)
        return true;
    cmd_err_option(c, module, extra);
    return false;
}

/* A virtual or real device address: 1-3 hex digits. */
static bool devaddr(const char *tok, uint16_t *addr)
{
    uint32_t v;
    if (strlen(tok) > 3 || !parse_hex32(tok, &v))
        return false;
    *addr = (uint16_t)v;
    return true;
}

static void imsg(struct cmdctx *c, const char *fmt, const char *a, unsigned b)
{
    if (c->vm && !c->vm->imsg)
        return;
    cmd_printf(c, fmt, a, b);
}

/* ---------------------------------------------------------------- BEGIN */

void cmd_begin(struct cmdctx *c, struct scan *s)
{
    struct vmblok *vm = c->vm;
    char tok[16];
    if (scan_token_upper(s, tok, sizeof(tok))) {
        uint32_t a;
        if (!parse_hex32(tok, &a) || a > 0xFFFFFF) {
            cmd_err_operand(c, "CFC");
            return;
        }
        if (!no_more(c, s, "CFC"))
            return;
        vm->cpu.psw.addr = a;
    }
    if (vm->state == VM_IPL)
        return; /* the IPL is still running: it starts the machine itself */
    vm->attn_stop = false;
    if (vm->state == VM_CPMODE)
        vm_start(vm);
}

/* ---------------------------------------------------------------- IPL */

void cmd_ipl(struct cmdctx *c, struct scan *s)
{
    char tok[16], dev[16];
    bool clear = false;
    const char *parm = NULL;
    char parmbuf[65];
    if (!scan_token_upper(s, dev, sizeof(dev))) {
        cmd_emsg(c, "DMKCFG026E", "OPERAND MISSING OR INVALID");
        return;
    }
    while (scan_token_upper(s, tok, sizeof(tok))) {
        if (abbrev(tok, "CLEAR", 2)) {
            clear = true;
        } else if (abbrev(tok, "PARM", 4)) {
            size_t len;
            const char *rest = scan_rest(s, &len);
            if (len > 64)
                len = 64;
            memcpy(parmbuf, rest, len);
            parmbuf[len] = '\0';
            parm = parmbuf;
            break;
        } else {
            cmd_err_option(c, "CFG", tok);
            return;
        }
    }
    uint16_t vaddr;
    bool isdev = devaddr(dev, &vaddr);
    const struct vol_namesys *n = strlen(dev) <= 8 ? savesys_find(dev) : NULL;
    if (n && !(isdev && vdev_find(c->vm, vaddr))) {
        static const char *const why[] = {
            [SAVESYS_STORAGE] = "NEEDS MORE STORAGE",
            [SAVESYS_NOTMOUNTED] = "VOLUME NOT MOUNTED",
            [SAVESYS_NOTSAVED] = "NOT SAVED",
            [SAVESYS_IOERROR] = "I/O ERROR",
            [SAVESYS_NOSTORAGE] = "CP STORAGE EXHAUSTED",
        };
        enum savesys_err e = savesys_ipl(c->vm, n, parm);
        if (e != SAVESYS_OK)
            cmd_emsg(c, "DMKCFG439E", "SYSTEM %s CANNOT BE IPLED; %s", dev, why[e]);
        return;
    }
    if (!isdev) {
        cmd_emsg(c, "DMKCFG044E", "SYSTEM %s DOES NOT EXIST", dev);
        return;
    }
    switch (vm_ipl(c->vm, vaddr, clear, parm)) {
    case IPL_OK: break;
    case IPL_NODEV: cmd_emsg(c, "DMKCFG040E", "DEV %03X DOES NOT EXIST", vaddr); break;
    case IPL_NOTIPL:
    case IPL_BUSY: cmd_emsg(c, "DMKCFG041E", "DEV %03X CANNOT BE IPLED", vaddr); break;
    }
}

/* ---------------------------------------------------------------- SYSTEM */

void cmd_system(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    struct vmblok *vm = c->vm;
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_operand(c, "CPB");
        return;
    }
    if (abbrev(tok, "RESET", 5) && no_more(c, s, "CPB")) {
        vm_reset(vm, false);
        cmd_printf(c, "SYSTEM RESET");
    } else if (abbrev(tok, "CLEAR", 5) && no_more(c, s, "CPB")) {
        vm_reset(vm, true);
        cmd_printf(c, "STORAGE CLEARED - SYSTEM RESET");
    } else if (abbrev(tok, "RESTART", 7) && no_more(c, s, "CPB")) {
        vm_restart(vm);
        vm->attn_stop = false;
        if (vm->state == VM_CPMODE)
            vm_start(vm);
    } else if (!abbrev(tok, "RESET", 5) && !abbrev(tok, "CLEAR", 5) && !abbrev(tok, "RESTART", 7)) {
        cmd_err_option(c, "CPB", tok);
    }
}

/* ---------------------------------------------------------------- DEFINE */

/* "nnnK" or "nnM" (or plain bytes in K): bytes, rounded up to 4K */
static bool storage_size(const char *tok, uint32_t *bytes)
{
    char num[16];
    size_t n = strlen(tok);
    if (n < 2 || n >= sizeof(num))
        return false;
    char unit = tok[n - 1];
    memcpy(num, tok, n - 1);
    num[n - 1] = '\0';
    uint32_t v;
    if (!parse_dec32(num, &v) || v == 0)
        return false;
    uint64_t b = unit == 'K' ? (uint64_t)v << 10 : unit == 'M' ? (uint64_t)v << 20 : 0;
    if (b == 0 || b > (64u << 20))
        return false;
    *bytes = (uint32_t)((b + 4095) & ~4095ULL);
    return true;
}

/* T3350 and the like: a temporary disk of that type */
static uint16_t tok_is_tdisk(const char *tok)
{
    static const uint16_t types[] = {0x2314, 0x2319, 0x3330, 0x3340,
                                     0x3350, 0x3375, 0x3380, 0x3390};
    uint32_t v;
    if (tok[0] != 'T' || strlen(tok) != 5 || !parse_hex32(tok + 1, &v))
        return 0;
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (v == types[i])
            return types[i];
    return 0;
}

/* DEFINE Txxxx [AS] vaddr [CYL] nnn */
static void define_t(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    scan_token_upper(s, tok, sizeof(tok));
    uint16_t type = tok_is_tdisk(tok), vaddr;
    if (scan_token_upper(s, tok, sizeof(tok)) && strcmp(tok, "AS") == 0)
        scan_token_upper(s, tok, sizeof(tok));
    uint16_t limit = (c->vm->options & DIR_OPT_ECMODE) ? 0xFFF : 0x5FF;
    if (!devaddr(tok, &vaddr) || vaddr > limit) {
        cmd_emsg(c, "DMKDEF022E", "VADDR MISSING OR INVALID");
        return;
    }
    if (scan_token_upper(s, tok, sizeof(tok)) && abbrev(tok, "CYL", 3))
        scan_token_upper(s, tok, sizeof(tok));
    uint32_t n;
    if (!parse_dec32(tok, &n) || n == 0 || n > 0xFFFF || !no_more(c, s, "DEF")) {
        if (c->rc == 0)
            cmd_err_operand(c, "DEF");
        return;
    }
    if (vdev_find(c->vm, vaddr)) {
        cmd_emsg(c, "DMKDEF092E", "DEV %03X NOT DEFINED; DEV %03X ALREADY DEFINED", vaddr, vaddr);
        return;
    }
    if (!define_tdisk(c, type, vaddr, (unsigned)n))
        cmd_emsg(c, "DMKDEF067E", "CP STORAGE EXHAUSTED");
}

void cmd_define(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    struct vmblok *vm = c->vm;
    struct scan peek = *s;
    bool reader;
    if (scan_token_upper(&peek, tok, sizeof(tok)) && tok_is_tdisk(tok)) {
        define_t(c, s);
        return;
    }
    if (tok[0] && !abbrev(tok, "STORAGE", 4) && define_ur_type(tok, &reader)) {
        define_ur(c, s);
        return;
    }
    if (!scan_token_upper(s, tok, sizeof(tok)) || !abbrev(tok, "STORAGE", 4)) {
        if (tok[0])
            cmd_err_option(c, "DEF", tok);
        else
            cmd_err_operand(c, "DEF");
        return;
    }
    if (scan_token_upper(s, tok, sizeof(tok)) && strcmp(tok, "AS") == 0)
        scan_token_upper(s, tok, sizeof(tok));
    uint32_t bytes;
    if (!storage_size(tok, &bytes) || !no_more(c, s, "DEF")) {
        if (c->rc == 0)
            cmd_err_operand(c, "DEF");
        return;
    }
    if (bytes < 8192)
        bytes = 8192;
    if (bytes > vm->maxstor || bytes > GSTOR_MAX) {
        cmd_emsg(c, "DMKDEF094E", "STORAGE EXCEEDS ALLOWED MAXIMUM");
        return;
    }
    if (vm_define_storage(vm, bytes) != 0) {
        cmd_emsg(c, "DMKDEF067E", "CP STORAGE EXHAUSTED");
        return;
    }
    char num[16];
    snprintf(num, sizeof(num), "%05uK", bytes >> 10);
    imsg(c, "STORAGE = %s", num, 0);
}

/* ---------------------------------------------------------------- ATTACH, DETACH */

void cmd_attach(struct cmdctx *c, struct scan *s)
{
    char rtok[16], user[16], vtok[16];
    uint16_t raddr, vaddr;
    if (!scan_token_upper(s, rtok, sizeof(rtok)) || !devaddr(rtok, &raddr)) {
        cmd_err_operand(c, "VDA");
        return;
    }
    if (scan_token_upper(s, user, sizeof(user)) && strcmp(user, "TO") == 0)
        scan_token_upper(s, user, sizeof(user));
    if (!user[0]) {
        cmd_err_operand(c, "VDA");
        return;
    }
    struct vmblok *vm = strcmp(user, "*") == 0 ? c->vm : vm_find(user);
    if (!vm) {
        cmd_emsg(c, "DMKVDA045E", "%s NOT LOGGED ON", user);
        return;
    }
    vtok[0] = '\0';
    if (scan_token_upper(s, vtok, sizeof(vtok)) && strcmp(vtok, "AS") == 0)
        scan_token_upper(s, vtok, sizeof(vtok));
    if (!vtok[0])
        vaddr = raddr;
    else if (!devaddr(vtok, &vaddr)) {
        cmd_err_operand(c, "VDA");
        return;
    }
    if (!no_more(c, s, "VDA"))
        return;
    uint16_t owner_vaddr;
    struct rdevblok *rd = rdev_by_devno(raddr);
    struct vmblok *owner = rd ? vded_owner(rd, &owner_vaddr) : NULL;
    switch (vded_attach(vm, raddr, vaddr)) {
    case VDED_OK: break;
    case VDED_NODEV: cmd_emsg(c, "DMKVDA040E", "DEV %03X DOES NOT EXIST", raddr); return;
    case VDED_INUSE:
        if (owner)
            cmd_emsg(c, "DMKVDA121E", "DEV %03X ATTACHED TO %s", raddr, owner->userid);
        else
            cmd_emsg(c, "DMKVDA122E", "DEV %03X IN USE BY SYSTEM", raddr);
        return;
    case VDED_VADDR: cmd_emsg(c, "DMKVDA123E", "DEV %03X ALREADY DEFINED", vaddr); return;
    case VDED_STORAGE: cmd_emsg(c, "DMKVDA067E", "CP STORAGE EXHAUSTED"); return;
    }
    struct vdev *vd = vdev_find(vm, vaddr);
    const char *type = vdev_class_name(vd->cls);
    if (vm != c->vm)
        cmd_printf(c, "%s %03X ATTACHED TO %s %03X", type, raddr, vm->userid, vaddr);
    if (vm->imsg)
        vcons_cp_message(vm, "%s %03X ATTACHED", type, vaddr);
}

void cmd_detach(struct cmdctx *c, struct scan *s)
{
    char tok[16], user[16];
    uint16_t addr;
    if (!scan_token_upper(s, tok, sizeof(tok)) || !devaddr(tok, &addr)) {
        cmd_err_operand(c, "VDD");
        return;
    }
    user[0] = '\0';
    if (scan_token_upper(s, user, sizeof(user)) && strcmp(user, "FROM") == 0)
        scan_token_upper(s, user, sizeof(user));
    if (!no_more(c, s, "VDD"))
        return;
    if (user[0]) {
        /* class B: a real device from a user */
        if (!cmd_has_class(c, CLASS_B)) {
            cmd_err_option(c, "VDD", user);
            return;
        }
        struct vmblok *vm = vm_find(user);
        uint16_t vaddr;
        struct rdevblok *rd = rdev_by_devno(addr);
        if (!vm) {
            cmd_emsg(c, "DMKVDD045E", "%s NOT LOGGED ON", user);
            return;
        }
        if (!rd || vded_owner(rd, &vaddr) != vm) {
            cmd_emsg(c, "DMKVDD040E", "DEV %03X DOES NOT EXIST", addr);
            return;
        }
        struct vdev *vd = vdev_find(vm, vaddr);
        const char *type = vdev_class_name(vd->cls);
        vcons_cp_message(vm, "%s %03X DETACHED BY %s", type, vaddr, c->vm->userid);
        cmd_printf(c, "%s %03X DETACHED %s", type, addr, vm->userid);
        vdev_remove(vm, vd);
        return;
    }
    struct vdev *vd = vdev_find(c->vm, addr);
    if (!vd) {
        cmd_emsg(c, "DMKVDD040E", "DEV %03X DOES NOT EXIST", addr);
        return;
    }
    char type[8];
    snprintf(type, sizeof(type), "%s", vdev_class_name(vd->cls));
    vdev_remove(c->vm, vd);
    imsg(c, "%s %03X DETACHED", type, addr);
}

/* ---------------------------------------------------------------- REQUEST, EXTERNAL */

void cmd_request(struct cmdctx *c, struct scan *s)
{
    if (!no_more(c, s, "CFC"))
        return;
    if (!c->vm->console) {
        cmd_emsg(c, "DMKCFC040E", "DEV CONS DOES NOT EXIST");
        return;
    }
    vcons_attention(c->vm);
}

void cmd_external(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    uint32_t code = EXT370_INTERRUPT_KEY;
    if (scan_token_upper(s, tok, sizeof(tok)) && (!parse_hex32(tok, &code) || code > 0xFFFF)) {
        cmd_err_operand(c, "CPB");
        return;
    }
    if (!no_more(c, s, "CPB"))
        return;
    vm_external_key(c->vm, (uint16_t)code);
}

/* ---------------------------------------------------------------- ADSTOP */

void cmd_adstop(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    struct vmblok *vm = c->vm;
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_operand(c, "CFD");
        return;
    }
    if (!no_more(c, s, "CFD"))
        return;
    if (vm->adstop) {
        /* one at a time: the old one goes */
        greal_store(vm, vm->adstop_addr, vm->adstop_save, 2);
        vm->adstop = false;
    }
    if (abbrev(tok, "OFF", 3))
        return;
    uint32_t a;
    if (!parse_hex32(tok, &a) || (a & 1)) {
        cmd_err_operand(c, "CFD");
        return;
    }
    if (a + 2 > vm->stor.size) {
        cmd_emsg(c, "DMKCFD160E", "HEXLOC %06X EXCEEDS STORAGE", a);
        return;
    }
    static const uint8_t stop[2] = {0, 0}; /* an operation exception CP recognizes */
    greal_fetch(vm, a, vm->adstop_save, 2);
    greal_store(vm, a, stop, 2);
    vm->adstop_addr = a;
    vm->adstop = true;
}

/* ---------------------------------------------------------------- INDICATE */

struct privctx {
    struct cmdctx *c;
};

static void one_privop(void *arg, uint16_t opcode, const struct simop *op)
{
    struct privctx *p = arg;
    uint64_t ns = op->timed ? op->cost * 1000 / 4096 / op->timed : 0; /* TOD units -> ns */
    cmd_printf(p->c, "%-5s %04X %10llu %8llu.%03llu", op->name, opcode,
               (unsigned long long)op->count, (unsigned long long)ns / 1000,
               (unsigned long long)ns % 1000);
}

static void one_diag(void *arg, uint32_t code, const struct diagcode *d)
{
    struct privctx *p = arg;
    cmd_printf(p->c, "DIAG  %04X %10llu  %s", (unsigned)code, (unsigned long long)d->count,
               d->name);
}

void cmd_indicate(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    if (!scan_token_upper(s, tok, sizeof(tok)) || abbrev(tok, "USER", 1)) {
        if (!no_more(c, s, "THI"))
            return;
        struct vmblok *vm = c->vm;
        char vt[16], tt[16];
        fmt_elapsed_mshs(vt, sizeof(vt), vm->vtime);
        fmt_elapsed_mshs(tt, sizeof(tt), vm->ttime);
        uint32_t sio = 0;
        for (struct vdev *vd = vm->devs; vd; vd = vd->next)
            sio += vd->sio_count;
        cmd_printf(c, "PAGES: RES-%04u WS-%04u READS=000000 WRITES=000000 MH-0000 FH-0000",
                   vm->stor.frames, vm->stor.frames);
        cmd_printf(c, "VTIME=%s TTIME=%s SIO=%06u RDR-000000 PRT-000000 PCH-000000", vt, tt, sio);
        return;
    }
    if (abbrev(tok, "PRIVOPS", 4)) {
        if (!no_more(c, s, "THI"))
            return;
        struct sim_stats st;
        sim_get_stats(&st);
        cmd_printf(c, "INSTR OPCD      COUNT   AVG USEC");
        struct privctx p = {c};
        sim_for_each(one_privop, &p);
        diag_for_each(one_diag, &p);
        cmd_printf(c, "SIMULATED %llu  REFLECTED %llu  FAULTS %llu  TOTAL %llu.%03llu MSEC",
                   (unsigned long long)st.simulated, (unsigned long long)st.reflected,
                   (unsigned long long)st.faults, (unsigned long long)(st.cost >> 12) / 1000,
                   (unsigned long long)(st.cost >> 12) % 1000);
        return;
    }
    cmd_err_option(c, "THI", tok);
}

/* ---------------------------------------------------------------- TRACE */

/* TRACE SVC|I/O|PROGRAM|EXTERNAL|PRIV|ALL ... [RUN|NORUN] [OFF]; TRACE END */
void cmd_trace(struct cmdctx *c, struct scan *s)
{
    static const struct {
        const char *name;
        uint8_t minlen, bits;
    } events[] = {
        {"SVC", 3, TR_SVC},      {"I/O", 3, TR_IO},    {"IO", 2, TR_IO},   {"PROGRAM", 3, TR_PGM},
        {"EXTERNAL", 3, TR_EXT}, {"PRIV", 4, TR_PRIV}, {"ALL", 3, TR_ALL},
    };
    struct vmblok *vm = c->vm;
    char tok[16];
    uint8_t bits = 0;
    bool off = false, run = vm->trace_run, any = false;
    while (scan_token_upper(s, tok, sizeof(tok))) {
        any = true;
        if (abbrev(tok, "END", 3)) {
            if (!no_more(c, s, "TRC"))
                return;
            vm->trace = 0;
            vm->trace_run = false;
            cmd_printf(c, "TRACE ENDED");
            return;
        }
        if (abbrev(tok, "OFF", 3)) {
            off = true;
            continue;
        }
        if (abbrev(tok, "RUN", 3)) {
            run = true;
            continue;
        }
        if (abbrev(tok, "NORUN", 3)) {
            run = false;
            continue;
        }
        if (abbrev(tok, "TERMINAL", 4))
            continue; /* the only output this release has */
        size_t i;
        for (i = 0; i < sizeof(events) / sizeof(events[0]); i++)
            if (abbrev(tok, events[i].name, events[i].minlen))
                break;
        if (i == sizeof(events) / sizeof(events[0])) {
            cmd_err_option(c, "TRC", tok);
            return;
        }
        bits |= events[i].bits;
    }
    if (!any || (!bits && !off)) {
        cmd_err_operand(c, "TRC");
        return;
    }
    bool was = vm->trace != 0;
    if (off)
        vm->trace &= (uint8_t) ~(bits ? bits : TR_ALL);
    else
        vm->trace |= bits;
    vm->trace_run = run;
    if (!was && vm->trace)
        cmd_printf(c, "TRACE STARTED");
    else if (was && !vm->trace)
        cmd_printf(c, "TRACE ENDED");
}
