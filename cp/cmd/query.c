/*
 * query.c - the QUERY command (≈ DMKCQG/DMKCQY): the operands of this
 * release are USERS [userid], NAMES, TIME, LOGMSG and a userid on its own.
 *
 * Responses (shared/reference/vm370.md section 1.4.6):
 *   QUERY USERS          005 USERS, 000 DIALED
 *   QUERY USERS userid   CMSUSER  - 0C1      (or - DSC when disconnected)
 *   QUERY NAMES          CMSUSER  - 0C1, OPERATOR - 009, ...  five to a line
 *   QUERY TIME           TIME IS 18:20:03 GMT MONDAY 08/17/26
 *                        CONNECT= 00:01:02 VIRTCPU= 000:00.00 TOTCPU= 000:00.01
 *   QUERY LOGMSG         the log message, every line
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
    /* QUERY userid */
    if (n <= 8 && dir_name_ok(op, 8)) {
        if (no_more(c, s))
            query_user(c, op);
        return;
    }
    cmd_err_option(c, "CQG", op);
}
