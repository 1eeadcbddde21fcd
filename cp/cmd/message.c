/*
 * message.c - MSG/MESSAGE and WARNING/WNG (≈ DMKMSG).
 *
 *   MSG userid|*|OPerator text      (class B or G; also before logon)
 *   WARNING userid|ALL|OPerator text (class A or B)
 *
 * The receiver sees the time on one line and the message on the next,
 * with the alarm:  "12:01:08" / "MSG FROM CMSUSER :  text". The text keeps
 * its case. A message to the operator always reaches the system console
 * (the hardcopy log) and SYSOPER's terminal if SYSOPER is logged on
 * elsewhere. A user who is not logged on, disconnected, or has SET MSG
 * OFF (SET WNG OFF for warnings) does not get it, and the sender is told.
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

/* The sender's name: a userid, or LOGONxxx for a terminal not logged on. */
static void sender(const struct cmdctx *c, char *buf, size_t len)
{
    if (c->vm)
        snprintf(buf, len, "%s", c->vm->userid);
    else if (c->term)
        snprintf(buf, len, "LOGON%03X", c->term->rdev->devno & 0xFFF);
    else
        snprintf(buf, len, "SYSTEM");
}

static void deliver(struct term *t, const char *kind, const char *from, const char *text)
{
    struct datetime dt;
    char hms[16], line[200];
    cp_localtime(stck(), &dt);
    fmt_hms(hms, sizeof(hms), &dt);
    snprintf(line, sizeof(line), "%s FROM %-8s:  %s", kind, from, text);
    term_put(t, OUT_ALARM, hms);
    term_put(t, OUT_ALARM, line);
}

/* Send to the operator: the system console and SYSOPER's own terminal. */
static void to_operator(const char *kind, const char *from, const char *text)
{
    struct term *sc = term_syscons();
    struct vmblok *op = vm_find(cp_sys.sysoper);
    if (sc)
        deliver(sc, kind, from, text);
    if (op && op->term && op->term != sc)
        deliver(op->term, kind, from, text);
}

static bool to_user(struct cmdctx *c, struct vmblok *vm, bool warning, const char *from,
                    const char *text)
{
    if (!vm->term) {
        cmd_emsg(c, "DMKMSG057I", "%s NOT RECEIVING; DISCONNECTED", vm->userid);
        return false;
    }
    if (warning ? !vm->wng : !vm->msg) {
        cmd_emsg(c, "DMKMSG057I", "%s NOT RECEIVING; %s OFF", vm->userid, warning ? "WNG" : "MSG");
        return false;
    }
    deliver(vm->term, warning ? "WNG" : "MSG", from, text);
    return true;
}

static void send(struct cmdctx *c, struct scan *s, bool warning)
{
    char target[16], from[16], text[TERM_INPUT_MAX + 1];
    size_t n = scan_token_upper(s, target, sizeof(target));
    size_t len;
    const char *rest = scan_rest(s, &len);
    if (n == 0 || n > 8) {
        cmd_emsg(c, "DMKMSG020E", "USERID MISSING OR INVALID");
        return;
    }
    if (len == 0) {
        cmd_emsg(c, "DMKMSG026E", "OPERAND MISSING OR INVALID");
        return;
    }
    if (len > TERM_INPUT_MAX)
        len = TERM_INPUT_MAX;
    memcpy(text, rest, len);
    text[len] = '\0';
    sender(c, from, sizeof(from));
    const char *kind = warning ? "WNG" : "MSG";

    if (abbrev(target, "OPERATOR", 2)) {
        to_operator(kind, from, text);
        return;
    }
    if (warning && strcmp(target, "ALL") == 0) {
        for (struct vmblok *vm = vm_first(); vm; vm = vm->next)
            if (vm->term && vm->wng)
                deliver(vm->term, kind, from, text);
        return;
    }
    if (strcmp(target, "*") == 0) {
        if (c->vm)
            to_user(c, c->vm, warning, from, text);
        else if (c->term)
            deliver(c->term, kind, from, text);
        return;
    }
    if (!dir_name_ok(target, 8)) {
        cmd_emsg(c, "DMKMSG020E", "USERID MISSING OR INVALID");
        return;
    }
    struct vmblok *vm = vm_find(target);
    if (!vm) {
        cmd_emsg(c, "DMKMSG045E", "%s NOT LOGGED ON", target);
        return;
    }
    to_user(c, vm, warning, from, text);
}

void cmd_message(struct cmdctx *c, struct scan *s) { send(c, s, false); }
void cmd_warning(struct cmdctx *c, struct scan *s) { send(c, s, true); }
