/*
 * query.c - the QUERY command (≈ DMKCQG/DMKCQY): the operands of this
 * release are USERS [userid], NAMES, TIME, LOGMSG, VIRTUAL and a userid on
 * its own.
 *
 * Responses (shared/reference/vm370.md section 1.4.6):
 *   QUERY USERS          005 USERS, 000 DIALED
 *   QUERY USERS userid   CMSUSER  - 0C1      (or - DSC when disconnected)
 *   QUERY NAMES          CMSUSER  - 0C1, OPERATOR - 009, ...  five to a line
 *   QUERY TIME           TIME IS 18:20:03 GMT MONDAY 08/17/26
 *                        CONNECT= 00:01:02 VIRTCPU= 000:00.00 TOTCPU= 000:00.01
 *   QUERY LOGMSG         the log message, every line
 *   QUERY VIRTUAL        STORAGE = 01024K, then a line per device:
 *                        CONS 009 ON GRAF 0C0, RDR  00C ON DEV 01C
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cons/term.h"
#include "dir/dir.h"
#include "io/ios.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "spool/spoolfmt.h"
#include "vdev/mdisk.h"
#include "vdev/vdev.h"
#include "vm/vmblok.h"

#define ALLCLASSES 0xFF

/* Operands past the last one a form takes are an error. */
static bool no_more(struct cmdctx *c, struct scan *s)
{
    char extra[16];
    if (scan_token_upper(s, extra, sizeof(extra)) == 0)
        return true;
    cmd_err_option(c, "CQG", extra);
    return false;
}

/* "CMSUSER  - 0C1" */
static void user_entry(const struct vmblok *vm, char *buf, size_t len)
{
    if (vm->term)
        snprintf(buf, len, "%-8s - %03X", vm->userid, vm->term->rdev->devno);
    else
        snprintf(buf, len, "%-8s - DSC", vm->userid);
}

static void query_user(struct cmdctx *c, const char *userid)
{
    struct vmblok *vm = vm_find(userid);
    char entry[32];
    if (!vm) {
        cmd_emsg(c, "DMKCQG045E", "%s NOT LOGGED ON", userid);
        return;
    }
    user_entry(vm, entry, sizeof(entry));
    cmd_put(c, 0, entry);
}

static void q_users(struct cmdctx *c, struct scan *s)
{
    char userid[16];
    size_t n = scan_token_upper(s, userid, sizeof(userid));
    if (n == 0) {
        cmd_printf(c, "%03d USERS, %03d DIALED", vm_count(), 0);
        return;
    }
    if (n > 8 || !dir_name_ok(userid, 8)) {
        cmd_emsg(c, "DMKCQG020E", "USERID MISSING OR INVALID");
        return;
    }
    if (no_more(c, s))
        query_user(c, userid);
}

static void q_names(struct cmdctx *c, struct scan *s)
{
    char line[100];
    int inline_n = 0;
    size_t len = 0;
    if (!no_more(c, s))
        return;
    for (struct vmblok *vm = vm_first(); vm; vm = vm->next) {
        char entry[32];
        user_entry(vm, entry, sizeof(entry));
        len +=
            (size_t)snprintf(line + len, sizeof(line) - len, "%s%s", inline_n ? ", " : "", entry);
        if (++inline_n == 5) {
            cmd_put(c, 0, line);
            inline_n = 0;
            len = 0;
        }
    }
    if (inline_n)
        cmd_put(c, 0, line);
}

static void q_time(struct cmdctx *c, struct scan *s)
{
    struct datetime dt;
    char when[64];
    if (!no_more(c, s))
        return;
    cp_localtime(stck(), &dt);
    fmt_vmdate(when, sizeof(when), &dt, cp_sys.zone_id);
    cmd_printf(c, "TIME IS %s", when);
    if (c->vm) {
        char line[96];
        vm_times_line(c->vm, line, sizeof(line));
        cmd_put(c, 0, line);
    }
}

static void q_logmsg(struct cmdctx *c, struct scan *s)
{
    if (!no_more(c, s))
        return;
    if (logmsg_count() == 0) {
        cmd_put(c, 0, "NO LOGMSG");
        return;
    }
    char line[64];
    logmsg_header(line, sizeof(line));
    cmd_put(c, 0, line);
    for (int i = 0; i < logmsg_count(); i++)
        cmd_put(c, 0, logmsg_line(i));
}

static void list_devices(struct cmdctx *c, bool one, bool byclass, enum vdev_class cls,
                         uint32_t addr);

/* QUERY VIRTUAL [ALL|STORAGE|CONSOLE|DASD|UR|TAPES|GRAF|vaddr] */
static void q_virtual(struct cmdctx *c, struct scan *s)
{
    char op[16];
    struct vmblok *vm = c->vm;
    enum { ALL, STOR, ONE, CLASS } what = ALL;
    enum vdev_class cls = VC_DEV;
    uint32_t addr = 0;
    if (scan_token_upper(s, op, sizeof(op))) {
        if (!no_more(c, s))
            return;
        if (abbrev(op, "ALL", 3))
            what = ALL;
        else if (abbrev(op, "STORAGE", 4))
            what = STOR;
        else if (abbrev(op, "CONSOLE", 3))
            what = CLASS, cls = VC_CONS;
        else if (abbrev(op, "DASD", 4))
            what = CLASS, cls = VC_DASD;
        else if (abbrev(op, "TAPES", 4))
            what = CLASS, cls = VC_TAPE;
        else if (abbrev(op, "GRAF", 4))
            what = CLASS, cls = VC_GRAF;
        else if (abbrev(op, "UR", 2))
            what = CLASS, cls = VC_RDR;
        else if (strlen(op) <= 3 && parse_hex32(op, &addr))
            what = ONE;
        else {
            cmd_err_option(c, "CQG", op);
            return;
        }
    }
    if (what == ALL || what == STOR)
        cmd_printf(c, "STORAGE = %05uK", vm->stor.size >> 10);
    if (what == STOR)
        return;
    list_devices(c, what == ONE, what == CLASS, cls, addr);
}

/* The devices of the user's machine: all, one address, or one class. */
static void list_devices(struct cmdctx *c, bool one, bool byclass, enum vdev_class cls,
                         uint32_t addr)
{
    struct vmblok *vm = c->vm;
    enum { ALL, ONE, CLASS } what = one ? ONE : byclass ? CLASS : ALL;
    bool found = false;
    for (struct vdev *vd = vm->devs; vd; vd = vd->next) {
        bool ur = vd->cls == VC_RDR || vd->cls == VC_PUN || vd->cls == VC_PRT;
        if ((what == ONE && vd->vaddr != addr) ||
            (what == CLASS && (cls == VC_RDR ? !ur : vd->cls != cls)))
            continue;
        char line[160];
        vd->ops->describe(vm, vd, line, sizeof(line));
        /* a description may be two lines (spooled devices) */
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        cmd_put(c, 0, line);
        if (nl)
            cmd_put(c, 0, nl + 1);
        found = true;
    }
    if (what == ONE && !found)
        cmd_emsg(c, "DMKCQV040E", "DEV %03X DOES NOT EXIST", addr);
    else if (what == CLASS && !found)
        cmd_printf(c, "NO %s DEVICES", vdev_class_name(cls));
}

/* QUERY DASD: the user's disks */
static void q_dasd(struct cmdctx *c, struct scan *s)
{
    if (no_more(c, s))
        list_devices(c, false, true, VC_DASD, 0);
}

struct links_line {
    struct cmdctx *c;
    char line[80];
    size_t len;
};

static void one_link(void *arg, const struct vmblok *vm, uint16_t vaddr, bool rw)
{
    struct links_line *l = arg;
    char item[24];
    int n = snprintf(item, sizeof(item), "%s %03X %s", vm->userid, vaddr, rw ? "R/W" : "R/O");
    if (l->len && l->len + 2 + (size_t)n > 72) {
        cmd_put(l->c, 0, l->line);
        l->len = 0;
    }
    l->len += (size_t)snprintf(l->line + l->len, sizeof(l->line) - l->len, "%s%s",
                               l->len ? ", " : "", item);
}

/* QUERY LINKS vaddr: who else has the minidisk at the user's vaddr */
static void q_links(struct cmdctx *c, struct scan *s)
{
    char op[16];
    uint32_t addr;
    if (!scan_token_upper(s, op, sizeof(op)) || strlen(op) > 3 || !parse_hex32(op, &addr)) {
        cmd_emsg(c, "DMKCQG022E", "VADDR MISSING OR INVALID");
        return;
    }
    if (!no_more(c, s))
        return;
    struct vdev *vd = vdev_find(c->vm, (uint16_t)addr);
    struct mdisk_info mi;
    if (!vd || !mdisk_info(vd, &mi)) {
        cmd_emsg(c, "DMKCQG040E", "DEV %03X DOES NOT EXIST", addr);
        return;
    }
    struct links_line l = {.c = c};
    if (mi.tdisk)
        one_link(&l, c->vm, vd->vaddr, mi.rw);
    else
        mdisk_for_each_link(mi.id.owner, mi.id.ovaddr, one_link, &l);
    if (l.len)
        cmd_put(c, 0, l.line);
}

static void q_reader(struct cmdctx *c, struct scan *s) { spool_query_queue(c, s, SPQ_RDR); }
static void q_printer(struct cmdctx *c, struct scan *s) { spool_query_queue(c, s, SPQ_PRT); }
static void q_punch(struct cmdctx *c, struct scan *s) { spool_query_queue(c, s, SPQ_PUN); }

/* QUERY UR: the spooled and dedicated unit record devices */
static void q_ur(struct cmdctx *c, struct scan *s)
{
    if (no_more(c, s))
        list_devices(c, false, true, VC_RDR, 0);
}

static const struct {
    const char *name;
    uint8_t minlen;
    uint8_t classes;
    void (*fn)(struct cmdctx *c, struct scan *s);
} operands[] = {
    {"USERS", 1, ALLCLASSES, q_users},
    {"NAMES", 1, ALLCLASSES, q_names},
    {"TIME", 1, CLASS_G | CLASS_A | CLASS_B | CLASS_C | CLASS_D | CLASS_E | CLASS_F, q_time},
    {"LOGMSG", 3, ALLCLASSES, q_logmsg},
    {"VIRTUAL", 1, CLASS_G, q_virtual},
    {"DASD", 2, CLASS_G, q_dasd},
    {"LINKS", 1, CLASS_G | CLASS_B, q_links},
    {"FILES", 1, CLASS_D | CLASS_G, spool_query_files},
    {"READER", 1, CLASS_D | CLASS_G, q_reader},
    {"RDR", 3, CLASS_D | CLASS_G, q_reader},
    {"PRINTER", 1, CLASS_D | CLASS_G, q_printer},
    {"PRT", 3, CLASS_D | CLASS_G, q_printer},
    {"PUNCH", 2, CLASS_D | CLASS_G, q_punch},
    {"PCH", 3, CLASS_D | CLASS_G, q_punch},
    {"UR", 2, CLASS_G, q_ur},
};

void cmd_query(struct cmdctx *c, struct scan *s)
{
    char op[16];
    size_t n = scan_token_upper(s, op, sizeof(op));
    if (n == 0) {
        cmd_err_operand(c, "CQG");
        return;
    }
    for (size_t i = 0; i < sizeof(operands) / sizeof(operands[0]); i++) {
        if (abbrev(op, operands[i].name, operands[i].minlen)) {
            if (!cmd_has_class(c, operands[i].classes)) {
                cmd_emsg(c, "DMKCFC001E", "?CP: QUERY");
                return;
            }
            operands[i].fn(c, s);
            return;
        }
    }
    /* QUERY raddr of a real printer, punch or reader (class B, D) */
    if (rspool_query(c, op))
        return;
    /* QUERY userid */
    if (n <= 8 && dir_name_ok(op, 8)) {
        if (no_more(c, s))
            query_user(c, op);
        return;
    }
    cmd_err_option(c, "CQG", op);
}
