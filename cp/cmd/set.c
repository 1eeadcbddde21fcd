/*
 * set.c - the SET command (≈ DMKCFS): LOGMSG (class A or B), and the class G
 * switches MSG, WNG, IMSG, RUN ON|OFF, EMSG ON|OFF|CODE|TEXT, and for the
 * virtual machine TIMER ON|OFF|REAL and ECMODE ON|OFF.
 *
 * SET LOGMSG text   adds a line to the log message (lines starting with
 *                   '*' are shown at LOGON; QUERY LOGMSG shows all)
 * SET LOGMSG NULL   removes the log message
 */
#include <ctype.h>
#include <string.h>
#include "cmd/cmd.h"
#include "kern/log.h"
#include "dir/dir.h"
#include "vm/machine.h"
#include "vm/vmblok.h"

static int on_off(const char *w)
{
    if (strcmp(w, "ON") == 0)
        return 1;
    if (strcmp(w, "OFF") == 0)
        return 0;
    return -1;
}

static void set_logmsg(struct cmdctx *c, struct scan *s)
{
    size_t len;
    const char *text = scan_rest(s, &len);
    char line[LOGMSG_LINE_MAX + 1];
    if (len == 0) {
        cmd_err_operand(c, "CFS");
        return;
    }
    if (len == 4 && toupper(text[0]) == 'N' && toupper(text[1]) == 'U' && toupper(text[2]) == 'L' &&
        toupper(text[3]) == 'L') {
        logmsg_clear();
        return;
    }
    if (len > LOGMSG_LINE_MAX) {
        cmd_emsg(c, "DMKCFS026E", "OPERAND MISSING OR INVALID");
        return;
    }
    memcpy(line, text, len);
    line[len] = '\0';
    if (logmsg_add(line) != 0)
        cmd_emsg(c, "DMKCFS004E", "LOGMSG FULL; %d LINES ALREADY SET", LOGMSG_MAX_LINES);
}

void cmd_set(struct cmdctx *c, struct scan *s)
{
    char op[16], val[16];
    if (scan_token_upper(s, op, sizeof(op)) == 0) {
        cmd_err_operand(c, "CFS");
        return;
    }
    if (abbrev(op, "LOGMSG", 3)) {
        if (!cmd_has_class(c, CLASS_A | CLASS_B)) {
            cmd_emsg(c, "DMKCFC001E", "?CP: SET");
            return;
        }
        set_logmsg(c, s);
        return;
    }
    if (!cmd_has_class(c, CLASS_G) || !c->vm) {
        cmd_emsg(c, "DMKCFC001E", "?CP: SET");
        return;
    }
    if (scan_token_upper(s, val, sizeof(val)) == 0) {
        cmd_err_operand(c, "CFS");
        return;
    }
    char extra[16];
    if (scan_token_upper(s, extra, sizeof(extra))) {
        cmd_err_option(c, "CFS", extra);
        return;
    }
    struct vmblok *vm = c->vm;
    if (abbrev(op, "EMSG", 4)) {
        if (strcmp(val, "ON") == 0)
            vm->emsg = EMSG_ON;
        else if (strcmp(val, "OFF") == 0)
            vm->emsg = EMSG_OFF;
        else if (strcmp(val, "CODE") == 0)
            vm->emsg = EMSG_CODE;
        else if (strcmp(val, "TEXT") == 0)
            vm->emsg = EMSG_TEXT;
        else
            cmd_err_option(c, "CFS", val);
        return;
    }
    if (abbrev(op, "TIMER", 5)) {
        if (strcmp(val, "ON") == 0)
            vm->timer = TIMER_ON;
        else if (strcmp(val, "OFF") == 0)
            vm->timer = TIMER_OFF;
        else if (strcmp(val, "REAL") == 0)
            vm->timer = TIMER_REAL;
        else
            cmd_err_option(c, "CFS", val);
        return;
    }
    if (abbrev(op, "ECMODE", 2)) {
        /* changing the mode resets the machine, as VM/370 does */
        int v = on_off(val);
        if (v < 0) {
            cmd_err_option(c, "CFS", val);
            return;
        }
        vm->options = (uint8_t)(v ? vm->options | DIR_OPT_ECMODE : vm->options & ~DIR_OPT_ECMODE);
        vm_reset(vm, false);
        return;
    }
    bool *flag = abbrev(op, "MSG", 3)    ? &vm->msg
                 : abbrev(op, "WNG", 3)  ? &vm->wng
                 : abbrev(op, "IMSG", 4) ? &vm->imsg
                 : abbrev(op, "RUN", 3)  ? &vm->run
                                         : NULL;
    if (flag) {
        int v = on_off(val);
        if (v < 0)
            cmd_err_option(c, "CFS", val);
        else
            *flag = v;
        return;
    }
    cmd_err_option(c, "CFS", op);
}
