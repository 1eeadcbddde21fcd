/*
 * logon.c - starting, resuming and ending sessions (≈ DMKLOG, DMKUSO).
 *
 * Entry points: cmd_logon, logon_password, cmd_logoff, cmd_disconn,
 * cmd_force, user_logoff, user_disconnect, logoff_all.
 *
 * LOGON userid [password] [NOIPL]: the directory is searched; a user who
 * is disconnected is reconnected, one who is connected elsewhere is
 * refused, unless that terminal turns out to be gone (it is probed first,
 * so a user whose client vanished can log on again at once). Without a
 * password on the line CP asks for it with the input field switched to
 * non-display. A wrong password is answered only after a delay that
 * doubles with each consecutive failure, for the terminal and for the
 * userid, so guessing is slow from one terminal or many.
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cons/logon.h"
#include "cons/term.h"
#include "cons/vcons.h"
#include "dir/dir.h"
#include "io/ios.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "vm/dispatch.h"
#include "vm/userdir.h"
#include "vm/machine.h"
#include "vm/vmblok.h"

#define THROTTLE_MAX_SEC 32

/* Consecutive failures per userid, across terminals (a small table: the
 * oldest entry is reused). */
static struct {
    char userid[9];
    int failures;
    uint64_t last;
} failed[32];

static int *user_failures(const char *userid, bool create)
{
    int oldest = 0;
    for (int i = 0; i < (int)(sizeof(failed) / sizeof(failed[0])); i++) {
        if (strcmp(failed[i].userid, userid) == 0)
            return &failed[i].failures;
        if (failed[i].last < failed[oldest].last)
            oldest = i;
    }
    if (!create)
        return NULL;
    snprintf(failed[oldest].userid, sizeof(failed[0].userid), "%s", userid);
    failed[oldest].failures = 0;
    failed[oldest].last = stck();
    return &failed[oldest].failures;
}

static void touch_failure(const char *userid)
{
    for (int i = 0; i < (int)(sizeof(failed) / sizeof(failed[0])); i++)
        if (strcmp(failed[i].userid, userid) == 0)
            failed[i].last = stck();
}

static void now_string(char *buf, size_t len)
{
    struct datetime dt;
    cp_localtime(stck(), &dt);
    fmt_vmdate(buf, len, &dt, cp_sys.zone_id);
}

static void prelogon(struct term *t)
{
    t->state = TS_PRELOGON;
    t->logon_userid[0] = '\0';
    term_set_reading(t, READ_CP, false);
}

/* ---------------------------------------------------------------- LOGON */

/* The line-editing characters: the directory's, else the system's. The
 * entry is found by userid: DIAGNOSE X'3C' may have renumbered the users
 * (or removed this one: then the system's) since the session began. */
static void set_edit_chars(struct vmblok *vm)
{
    struct dir_user du;
    uint32_t idx;
    memset(&du, 0, sizeof(du));
    if (dir_find_user(userdir(), vm->userid, &idx))
        dir_get_user(userdir(), idx, &du);
    vm->linend = du.linend ? du.linend : DEFAULT_LINEND;
    vm->linedel = du.linedel ? du.linedel : DEFAULT_LINEDEL;
    vm->chardel = du.chardel ? du.chardel : DEFAULT_CHARDEL;
    vm->escape = du.escape ? du.escape : DEFAULT_ESCAPE;
}

/* The directory's IPL statement. */
static void ipl_at_logon(struct vmblok *vm, const struct dir_user *du)
{
    char line[16 + DIR_NAME_MAX + DIR_PARM_MAX];
    snprintf(line, sizeof(line), "IPL %s%s%s", du->ipl, du->parm[0] ? " PARM " : "", du->parm);
    cmd_from_terminal(vm->term, line);
}

static void logon_complete(struct term *t)
{
    const struct dir_image *d = userdir();
    uint32_t idx;
    struct dir_user du;
    char when[64], name[16];
    term_name(t, name, sizeof(name));
    now_string(when, sizeof(when));
    int *uf = user_failures(t->logon_userid, false);
    if (uf)
        *uf = 0;
    t->failures = 0;

    struct vmblok *vm = vm_find(t->logon_userid);
    if (vm) {
        /* reconnect to the session that was left running; the line-editing
         * characters go back to the user's defaults */
        vm->term = t;
        t->vm = vm;
        t->state = TS_LOGGED;
        set_edit_chars(vm);
        term_printf(t, "RECONNECTED AT %s", when);
        cp_opmsg("%s RECONNECT AS %-8s USERS = %03d", name, vm->userid, vm_count());
        vcons_show_state(vm); /* the machine goes on as it was: CP READ only if stopped */
        return;
    }
    if (!dir_find_user(d, t->logon_userid, &idx)) {
        prelogon(t);
        return;
    }
    dir_get_user(d, idx, &du);
    vm = vm_create(du.userid);
    if (!vm) {
        term_printf(t, "DMKLOG067E LOGON UNSUCCESSFUL--CP STORAGE EXHAUSTED");
        prelogon(t);
        return;
    }
    vm->classes = du.classes;
    vm->logon_tod = stck();
    set_edit_chars(vm);
    vm->term = t;
    t->vm = vm;
    t->state = TS_LOGGED;
    if (!vm_machine_init(vm, d, idx)) {
        t->vm = NULL;
        vm_machine_release(vm);
        vm_destroy(vm);
        term_printf(t, "DMKLOG067E LOGON UNSUCCESSFUL--CP STORAGE EXHAUSTED");
        prelogon(t);
        return;
    }

    if (logmsg_count() > 0) {
        char line[64];
        logmsg_header(line, sizeof(line));
        term_put(t, 0, line);
        for (int i = 0; i < logmsg_count(); i++)
            if (logmsg_line(i)[0] == '*')
                term_put(t, 0, logmsg_line(i));
    }
    term_printf(t, "LOGON AT %s", when);
    cp_opmsg("%s LOGON  AS %-8s USERS = %03d", name, vm->userid, vm_count());
    term_set_reading(t, READ_CP, false);
    if (du.ipl[0] && !t->logon_noipl)
        ipl_at_logon(vm, &du);
}

static void wrong_password(struct term *t)
{
    int *uf = user_failures(t->logon_userid, true);
    t->failures++;
    (*uf)++;
    touch_failure(t->logon_userid);
    int n = t->failures > *uf ? t->failures : *uf;
    unsigned delay = 1u << (n - 1 < 5 ? n - 1 : 5);
    if (delay > THROTTLE_MAX_SEC)
        delay = THROTTLE_MAX_SEC;
    if (*uf >= 3) {
        char name[16];
        term_name(t, name, sizeof(name));
        cp_log("DMKLOG051I %s: %d CONSECUTIVE WRONG PASSWORDS FOR %s", name, *uf, t->logon_userid);
    }
    t->state = TS_THROTTLE;
    term_set_reading(t, READ_NONE, false);
    timer_set_in(&t->throttle, TOD_SEC(delay));
}

void logon_throttle_expired(struct timer *tm)
{
    struct term *t = tm->arg;
    if (t->state != TS_THROTTLE)
        return;
    term_put(t, 0, "DMKLOG050E LOGON UNSUCCESSFUL--INCORRECT PASSWORD");
    prelogon(t);
}

static void check_password(struct term *t, const char *password)
{
    const struct dir_image *d = userdir();
    uint32_t idx;
    if (dir_find_user(d, t->logon_userid, &idx) && dir_password_ok(d, idx, password))
        logon_complete(t);
    else
        wrong_password(t);
}

void logon_password(struct term *t, const char *password)
{
    char pw[16];
    size_t n = strlen(password);
    while (n > 0 && password[n - 1] == ' ')
        n--;
    while (n > 0 && *password == ' ')
        password++, n--;
    if (n >= sizeof(pw))
        n = sizeof(pw) - 1;
    memcpy(pw, password, n);
    pw[n] = '\0';
    check_password(t, pw);
    memset(pw, 0, sizeof(pw));
}

/* Held while a user's old terminal is probed. */
static char held_password[9];
static struct term *held_for;

static void ask_or_check(struct term *t, const char *password)
{
    if (password && password[0]) {
        check_password(t, password);
        return;
    }
    term_put(t, 0, "ENTER PASSWORD:");
    t->state = TS_PASSWORD;
    term_set_reading(t, READ_CP, true);
}

/* The answer to the probe of the user's old terminal. */
static void probed(struct term *old, bool connected)
{
    for (struct term *t = term_first(); t; t = t->next) {
        if (t->state != TS_PROBING)
            continue;
        struct vmblok *vm = vm_find(t->logon_userid);
        if (vm && vm->term && vm->term != old)
            continue;
        if (connected && vm && vm->term == old) {
            char name[16];
            term_name(old, name, sizeof(name));
            term_printf(t, "DMKLOG054E ALREADY LOGGED ON %s", name);
            prelogon(t);
        } else {
            /* the old terminal is gone: the session is disconnected now */
            const char *pw = (held_for == t) ? held_password : NULL;
            t->state = TS_PRELOGON;
            ask_or_check(t, pw);
        }
        if (held_for == t) {
            memset(held_password, 0, sizeof(held_password));
            held_for = NULL;
        }
    }
}

void cmd_logon(struct cmdctx *c, struct scan *s)
{
    struct term *t = c->term;
    char userid[16], tok[16], password[16] = "";
    if (!t)
        return;
    size_t n = scan_token_upper(s, userid, sizeof(userid));
    if (n == 0 || n > 8 || !dir_name_ok(userid, 8)) {
        cmd_emsg(c, "DMKLOG020E", "USERID MISSING OR INVALID");
        return;
    }
    bool noipl = false;
    while ((n = scan_token_upper(s, tok, sizeof(tok))) > 0) {
        if (strcmp(tok, "NOIPL") == 0 || (password[0] && abbrev(tok, "NOIPL", 1)))
            noipl = true;
        else if (strcmp(tok, "MASK") == 0 || (password[0] && abbrev(tok, "MASK", 1)))
            ;
        else if (!password[0] && n <= 8)
            snprintf(password, sizeof(password), "%s", tok);
        else {
            cmd_err_option(c, "LOG", tok);
            return;
        }
    }
    const struct dir_image *d = userdir();
    uint32_t idx;
    if (!d || !dir_find_user(d, userid, &idx)) {
        cmd_emsg(c, "DMKLOG053E", "%s NOT IN CP DIRECTORY", userid);
        return;
    }
    snprintf(t->logon_userid, sizeof(t->logon_userid), "%s", userid);
    t->logon_noipl = noipl;
    struct vmblok *vm = vm_find(userid);
    if (vm && vm->term) {
        /* connected elsewhere: is that terminal still there? */
        t->state = TS_PROBING;
        term_set_reading(t, READ_NONE, false);
        if (password[0]) {
            memcpy(held_password, password, sizeof(held_password));
            held_password[8] = '\0';
            held_for = t;
        }
        vm->term->drv->probe(vm->term, probed);
        memset(password, 0, sizeof(password));
        return;
    }
    ask_or_check(t, password);
    memset(password, 0, sizeof(password));
}

/* ---------------------------------------------------------------- ending sessions */

static void deferred_logoff(struct work *w)
{
    struct vmblok *vm = w->arg;
    user_logoff(vm, vm->logoff_forced);
}

void user_logoff(struct vmblok *vm, bool by_system)
{
    char when[64], line[96], name[16];
    struct term *t = vm->term;
    if (vm->diag_cmd) {
        /* DIAGNOSE X'08' of this machine is still in progress: the machine
         * stops now and goes once the instruction is finished */
        vm->logoff_forced = by_system;
        vm_stop(vm, NULL);
        work_init(&vm->logoff_work, deferred_logoff, vm);
        work_queue(&vm->logoff_work);
        return;
    }
    work_cancel(&vm->logoff_work);
    now_string(when, sizeof(when));
    if (t) {
        vm_times_line(vm, line, sizeof(line));
        term_put(t, 0, line);
        term_printf(t, "LOGOFF AT %s%s", when, by_system ? " BY SYSTEM" : "");
        term_name(t, name, sizeof(name));
    }
    char userid[9];
    snprintf(userid, sizeof(userid), "%s", vm->userid);
    vm_machine_release(vm);
    vm_destroy(vm);
    if (t) {
        t->vm = NULL;
        cp_opmsg("%s LOGOFF AS %-8s USERS = %03d%s", name, userid, vm_count(),
                 by_system ? " FORCED" : "");
        t->drv->logo(t);
    } else {
        cp_opmsg("USER DSC LOGOFF AS %-8s USERS = %03d%s", userid, vm_count(),
                 by_system ? "  FORCED" : "");
    }
}

void user_disconnect(struct vmblok *vm, bool forced)
{
    struct term *t = vm->term;
    char name[16], when[64];
    if (!t)
        return;
    term_name(t, name, sizeof(name));
    vm->term = NULL;
    t->vm = NULL;
    if (forced) {
        cp_opmsg("%s DSCONNECT AS %-8s USERS = %03d FORCED", name, vm->userid, vm_count());
        return;
    }
    now_string(when, sizeof(when));
    term_printf(t, "DISCONNECT AT %s", when);
    cp_opmsg("%s DISCONNECT %-8s USERS = %03d", name, vm->userid, vm_count());
    t->drv->logo(t);
}

void logoff_all(void)
{
    struct vmblok *vm;
    while ((vm = vm_first()) != NULL)
        user_logoff(vm, true);
}

void cmd_logoff(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    if (scan_token_upper(s, tok, sizeof(tok)) && !abbrev(tok, "HOLD", 2)) {
        cmd_err_option(c, "USO", tok);
        return;
    }
    if (c->vm)
        user_logoff(c->vm, false);
}

void cmd_disconn(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    if (scan_token_upper(s, tok, sizeof(tok)) && !abbrev(tok, "HOLD", 2)) {
        cmd_err_option(c, "USO", tok);
        return;
    }
    if (c->vm)
        user_disconnect(c->vm, false);
}

void cmd_force(struct cmdctx *c, struct scan *s)
{
    char userid[16], extra[16];
    size_t n = scan_token_upper(s, userid, sizeof(userid));
    if (n == 0 || n > 8 || !dir_name_ok(userid, 8)) {
        cmd_emsg(c, "DMKUSO020E", "USERID MISSING OR INVALID");
        return;
    }
    if (scan_token_upper(s, extra, sizeof(extra))) {
        cmd_err_option(c, "USO", extra);
        return;
    }
    struct vmblok *vm = vm_find(userid);
    if (!vm) {
        cmd_emsg(c, "DMKUSO045E", "%s NOT LOGGED ON", userid);
        return;
    }
    user_logoff(vm, true);
}
