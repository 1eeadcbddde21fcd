/*
 * link.c - LINK, the minidisks of the directory at LOGON, and DEFINE of
 * temporary disks (≈ DMKLNK, DMKDEF's T-disk part).
 *
 * Entry points: cmd_link, link_logon, define_tdisk.
 *
 * LINK [TO] userid vaddr1 [AS] vaddr2 [mode] [[PASS=] password]
 * (shared/reference/vm370.md 1.4.10 and 4.3). The mode decides what the
 * links other users hold allow:
 *   R   read-only, unless another user has it read-write
 *   RR  read-only, always
 *   W   read-write, unless another user has any link
 *   WR  read-write, or read-only when another user has any link
 *   M   read-write, unless another user has it read-write
 *   MR  read-write, or read-only when another user has it read-write
 *   MW  read-write, always
 * Another user's disk needs the password of the mode's kind (read for R
 * and RR, write for W and WR, multiple for M, MR and MW) unless the MDISK
 * says ALL; no password of that kind means nobody else may link so. CP
 * asks for a password not given on a terminal (the answer is not shown);
 * after 10 wrong ones LINK is refused for the rest of the session. Links
 * of the directory (the user's own MDISKs and LINK statements) need no
 * password; an own MDISK whose mode cannot be had becomes read-only.
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cons/term.h"
#include "cons/vcons.h"
#include "dir/dir.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "vdev/mdisk.h"
#include "vdev/tdisk.h"
#include "vdev/vded.h"
#include "vdev/vdev.h"
#include "vm/userdir.h"
#include "vm/vmblok.h"

#define MAX_BAD_PASSWORDS 10

struct linkreq {
    char owner[9];
    uint16_t ovaddr, vaddr;
    unsigned mode;  /* enum dir_mode; 0: the default */
    bool directory; /* a link of the directory: no password, own disk forced R/O */
};

/* "R/W BY MAINT" or "R/W BY 003 USERS" */
static void by_whom(char *buf, size_t len, const char *how, unsigned n, const struct vmblok *one)
{
    if (n == 1)
        snprintf(buf, len, "%s BY %s", how, one->userid);
    else
        snprintf(buf, len, "%s BY %03u USERS", how, n);
}

/* Give the link once the password question is settled. */
static void make_link(struct cmdctx *c, struct vmblok *vm, const struct linkreq *r, unsigned mode,
                      const struct dir_dev *dd)
{
    struct volume *vol = volume_by_label(dd->volser);
    if (!vol || !vol->rdev->online || vded_owner(vol->rdev, &(uint16_t){0})) {
        cmd_emsg(c, "DMKLNK108E", "%s %03X NOT LINKED; VOLID %s NOT MOUNTED", r->owner, r->ovaddr,
                 dd->volser);
        return;
    }
    const struct dir_devtype_info *ti = dir_devtype(dd->type);
    if (!ti || dir_model_code(ti->model) != vol->rdev->devtype ||
        (unsigned)dd->cyl + dd->ncyl > volume_cylinders(vol)) {
        cmd_emsg(c, "DMKLNK109E", "%s %03X NOT LINKED; NOT ON VOLID %s AS DEFINED", r->owner,
                 r->ovaddr, dd->volser);
        return;
    }

    struct mdisk_usage u;
    mdisk_usage(r->owner, r->ovaddr, vm, &u);
    char tail[40] = "";
    bool rw = false, ok = true, forced = false;
    switch (mode) {
    case DIR_MODE_R: ok = u.rw == 0; break;
    case DIR_MODE_RR:
        if (u.rw)
            by_whom(tail, sizeof(tail), "R/W", u.rw, u.rw_user);
        break;
    case DIR_MODE_W:
    case DIR_MODE_WR:
        rw = u.rw + u.ro == 0;
        ok = rw || mode == DIR_MODE_WR;
        forced = !rw;
        break;
    case DIR_MODE_M:
    case DIR_MODE_MR:
        rw = u.rw == 0;
        ok = rw || mode == DIR_MODE_MR;
        forced = !rw;
        if (rw && u.ro)
            by_whom(tail, sizeof(tail), "R/O", u.ro, u.any_user);
        break;
    case DIR_MODE_MW:
        rw = true;
        if (u.rw)
            by_whom(tail, sizeof(tail), "R/W", u.rw, u.rw_user);
        else if (u.ro)
            by_whom(tail, sizeof(tail), "R/O", u.ro, u.any_user);
        break;
    }
    char who[40];
    if (u.rw)
        by_whom(who, sizeof(who), "R/W", u.rw, u.rw_user);
    else
        by_whom(who, sizeof(who), "R/O", u.ro, u.any_user);
    if (!ok && r->directory && strcmp(r->owner, vm->userid) == 0) {
        ok = forced = true; /* the owner's own disk at logon: read-only rather than none */
        rw = false;
    }
    if (!ok) {
        cmd_emsg(c, "DMKLNK104E", "%s %03X NOT LINKED; %s", r->owner, r->ovaddr, who);
        return;
    }
    struct mdisk_id id = {.ovaddr = r->ovaddr, .vol = vol, .start = dd->cyl, .ncyl = dd->ncyl};
    snprintf(id.owner, sizeof(id.owner), "%s", r->owner);
    if (vdev_find(vm, r->vaddr)) {
        cmd_emsg(c, "DMKLNK023E", "%s %03X NOT LINKED; VADDR %03X ALREADY DEFINED", r->owner,
                 r->ovaddr, r->vaddr);
        return;
    }
    if (!mdisk_attach(vm, r->vaddr, &id, rw, false)) {
        cmd_emsg(c, "DMKLNK107E", "%s %03X NOT LINKED; CP STORAGE EXHAUSTED", r->owner, r->ovaddr);
        return;
    }
    if (forced)
        cmd_printf(c, "DMKLNK101W DASD %03X FORCED R/O; %s", r->vaddr, who);
    else if (tail[0])
        cmd_printf(c, "DASD %03X LINKED %s; %s", r->vaddr, rw ? "R/W" : "R/O", tail);
}

static const char *const pw_word[] = {['R'] = "READ", ['W'] = "WRITE", ['M'] = "MULT"};

struct pending {
    struct linkreq r;
    char userid[9];
};

static void do_link(struct cmdctx *c, struct vmblok *vm, const struct linkreq *r, const char *pw);

static void password_answer(struct term *t, const char *line, void *arg)
{
    struct pending *p = arg;
    if (line && t->vm && strcmp(t->vm->userid, p->userid) == 0) {
        struct cmdctx c;
        cmd_context_for(&c, t);
        do_link(&c, t->vm, &p->r, line);
    }
    kfree(p);
}

static void do_link(struct cmdctx *c, struct vmblok *vm, const struct linkreq *r, const char *pw)
{
    const struct dir_image *d = userdir();
    uint32_t idx, n;
    struct dir_dev dd;
    if (!d || !dir_find_user(d, r->owner, &idx)) {
        cmd_emsg(c, "DMKLNK053E", "%s NOT IN CP DIRECTORY", r->owner);
        return;
    }
    if (!dir_find_dev(d, idx, r->ovaddr, &n) || (dir_get_dev(d, idx, n, &dd), 0) ||
        dd.stmt != DIR_STMT_MDISK) {
        cmd_emsg(c, "DMKLNK105E", "%s %03X NOT LINKED; NOT IN CP DIRECTORY", r->owner, r->ovaddr);
        return;
    }
    bool own = strcmp(r->owner, vm->userid) == 0;
    unsigned mode = r->mode ? r->mode : own ? dd.mode & DIR_MODE_MASK : DIR_MODE_R;
    if (!r->directory && !own) {
        if (vm->link_failures >= MAX_BAD_PASSWORDS) {
            cmd_emsg(c, "DMKLNK119E", "LINK INVALID; EXCESSIVE INCORRECT PASSWORDS");
            return;
        }
        char which = dir_mode_password(mode);
        switch (dir_mdisk_password(d, idx, n, which, pw ? pw : "")) {
        case DIR_PWC_OK: break;
        case DIR_PWC_NONE:
            cmd_emsg(c, "DMKLNK113E", "%s %03X NOT LINKED; NO %s PASSWD", r->owner, r->ovaddr,
                     pw_word[(int)which]);
            return;
        case DIR_PWC_WRONG:
            if (!pw && c->term && c->term->vm == vm) {
                struct pending *p = kmalloc(sizeof(*p));
                if (!p)
                    return;
                p->r = *r;
                snprintf(p->userid, sizeof(p->userid), "%s", vm->userid);
                char q[32];
                snprintf(q, sizeof(q), "ENTER %s PASSWORD:", pw_word[(int)which]);
                term_ask_hidden(c->term, q, password_answer, p);
                return;
            }
            vm->link_failures++;
            cmd_emsg(c, "DMKLNK118E", "%s %03X NOT LINKED; PASSWORD INCORRECT", r->owner,
                     r->ovaddr);
            return;
        }
    }
    make_link(c, vm, r, mode, &dd);
}

static bool hexaddr(const char *tok, uint16_t *addr)
{
    uint32_t v;
    if (strlen(tok) > 4 || !parse_hex32(tok, &v) || v > 0xFFF)
        return false;
    *addr = (uint16_t)v;
    return true;
}

void cmd_link(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    struct linkreq r = {0};
    const char *pw = NULL;
    char pwbuf[16];
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_emsg(c, "DMKLNK020E", "USERID MISSING OR INVALID");
        return;
    }
    if (strcmp(tok, "TO") == 0 || strcmp(tok, "T") == 0)
        scan_token_upper(s, tok, sizeof(tok));
    if (strcmp(tok, "*") == 0)
        snprintf(tok, sizeof(tok), "%s", c->vm->userid);
    if (!dir_name_ok(tok, DIR_NAME_MAX)) {
        cmd_emsg(c, "DMKLNK020E", "USERID MISSING OR INVALID");
        return;
    }
    snprintf(r.owner, sizeof(r.owner), "%s", tok);
    if (!scan_token_upper(s, tok, sizeof(tok)) || !hexaddr(tok, &r.ovaddr)) {
        cmd_emsg(c, "DMKLNK022E", "VADDR MISSING OR INVALID");
        return;
    }
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_emsg(c, "DMKLNK022E", "VADDR MISSING OR INVALID");
        return;
    }
    if (strcmp(tok, "AS") == 0 || strcmp(tok, "A") == 0)
        scan_token_upper(s, tok, sizeof(tok));
    uint16_t limit = (c->vm->options & DIR_OPT_ECMODE) ? 0xFFF : 0x5FF;
    if (!hexaddr(tok, &r.vaddr) || r.vaddr > limit) {
        cmd_emsg(c, "DMKLNK022E", "VADDR MISSING OR INVALID");
        return;
    }
    if (scan_token_upper(s, tok, sizeof(tok))) {
        for (unsigned m = DIR_MODE_R; m <= DIR_MODE_MW; m++)
            if (strcmp(tok, dir_mode_name(m)) == 0)
                r.mode = m;
        if (r.mode && !scan_token(s, pwbuf, sizeof(pwbuf)))
            pwbuf[0] = '\0';
        else if (!r.mode)
            snprintf(pwbuf, sizeof(pwbuf), "%s", tok);
        if (pwbuf[0]) {
            char *p = pwbuf;
            if (strncmp(p, "PASS=", 5) == 0 || strncmp(p, "pass=", 5) == 0)
                p += 5;
            if (!*p && !scan_token(s, pwbuf, sizeof(pwbuf))) {
                cmd_emsg(c, "DMKLNK026E", "OPERAND MISSING OR INVALID");
                return;
            }
            pw = *p ? p : pwbuf;
        }
        if (scan_token(s, tok, sizeof(tok))) {
            cmd_err_option(c, "LNK", tok);
            return;
        }
    }
    if (vdev_find(c->vm, r.vaddr)) {
        cmd_emsg(c, "DMKLNK023E", "%s %03X NOT LINKED; VADDR %03X ALREADY DEFINED", r.owner,
                 r.ovaddr, r.vaddr);
        return;
    }
    do_link(c, c->vm, &r, pw);
}

/* ---------------------------------------------------------------- at LOGON */

static void to_console(struct cmdctx *c, uint8_t flags, const char *line)
{
    vcons_cp_message(c->vm, "%s", line);
}

void link_logon(struct vmblok *vm, const struct dir_dev *dd)
{
    struct cmdctx c = {.vm = vm, .out = to_console};
    struct linkreq r = {.directory = true, .vaddr = dd->vaddr};
    if (dd->stmt == DIR_STMT_MDISK) {
        snprintf(r.owner, sizeof(r.owner), "%s", vm->userid);
        r.ovaddr = dd->vaddr;
    } else {
        snprintf(r.owner, sizeof(r.owner), "%s", dd->userid);
        r.ovaddr = dd->target;
        r.mode = dd->mode & DIR_MODE_MASK;
    }
    do_link(&c, vm, &r, NULL);
}

/* ---------------------------------------------------------------- DEFINE Txxxx */

struct tdreq {
    char userid[9];
    uint16_t vaddr, ncyl;
    struct term *term;
};

static void tdisk_ready(void *arg, struct volume *vol, unsigned start, const char *why)
{
    struct tdreq *q = arg;
    struct vmblok *vm = vm_find(q->userid);
    if (!vol) {
        if (vm)
            vcons_cp_message(vm, "DMKDEF095E DEV %03X NOT DEFINED; TEMP SPACE NOT AVAILABLE",
                             q->vaddr);
    } else if (!vm || vdev_find(vm, q->vaddr)) {
        tdisk_release(vol, start, q->ncyl); /* gone, or the address was taken meanwhile */
        if (vm)
            vcons_cp_message(vm, "DMKDEF092E DEV %03X NOT DEFINED; DEV %03X ALREADY DEFINED",
                             q->vaddr, q->vaddr);
    } else {
        struct mdisk_id id = {.vol = vol, .start = (uint16_t)start, .ncyl = q->ncyl};
        if (!mdisk_attach(vm, q->vaddr, &id, true, true)) {
            tdisk_release(vol, start, q->ncyl);
            vcons_cp_message(vm, "DMKDEF094E DEV %03X NOT DEFINED; CP STORAGE EXHAUSTED", q->vaddr);
        } else if (vm->imsg) {
            vcons_cp_message(vm, "DASD %03X DEFINED", q->vaddr);
        }
    }
    kfree(q);
}

bool define_tdisk(struct cmdctx *c, uint16_t devtype, uint16_t vaddr, unsigned ncyl)
{
    struct tdreq *q = kmalloc(sizeof(*q));
    if (!q)
        return false;
    snprintf(q->userid, sizeof(q->userid), "%s", c->vm->userid);
    q->vaddr = vaddr;
    q->ncyl = (uint16_t)ncyl;
    if (!tdisk_alloc(devtype, ncyl, tdisk_ready, q)) {
        kfree(q);
        cmd_emsg(c, "DMKDEF095E", "DEV %03X NOT DEFINED; TEMP SPACE NOT AVAILABLE", vaddr);
    }
    return true;
}
