/*
 * spoolcmd.c - the commands of spooled devices (≈ DMKCSP SPOOL, DMKCSQ
 * CLOSE, DMKCST TAG, the unit record part of DMKDEF DEFINE;
 * shared/reference/vm370.md 1.4.7, 1.4.11, 1.4.12, 1.4.26):
 *
 *   SPool Reader|RDR|Printer|PRT|PUnch|PCH|vaddr [CLass c] [CONt|NOCont]
 *         [HOld|NOHold] [EOF|NOEof] [COpy nn] [OFF|To userid|*|SYSTEM|FOR userid]
 *         [CLOSE|PURGE]
 *   Close  Reader|Printer|PUnch|vaddr [PUrge] [HOld|NOHold] [DIst d] [NAme fn [ft]]
 *   TAg    DEv vaddr [text] | FILe spoolid [text] | QUery DEv vaddr | QUery FILe spoolid
 *   DEFine Reader|Printer|PUnch|2540R|2540P|3505|3525|1403|3211|1443|2501 [As] vaddr
 *
 * Every operand is checked before anything changes.
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "dir/dir.h"
#include "spool/spool.h"
#include "vdev/vdev.h"
#include "vdev/vur.h"
#include "vm/userdir.h"
#include "vm/vmblok.h"

#define MAXDEV 16

/* The spooled devices an operand names; 0 with the error issued. */
static int pick(struct cmdctx *c, const char *tok, struct vdev **out, const char *mod)
{
    enum vdev_class cls;
    char id[16];
    if (abbrev(tok, "READER", 1) || strcmp(tok, "RDR") == 0)
        cls = VC_RDR;
    else if (abbrev(tok, "PRINTER", 1) || strcmp(tok, "PRT") == 0)
        cls = VC_PRT;
    else if (abbrev(tok, "PUNCH", 2) || strcmp(tok, "PCH") == 0)
        cls = VC_PUN;
    else {
        uint32_t a;
        if (!tok[0] || strlen(tok) > 3 || !parse_hex32(tok, &a)) {
            snprintf(id, sizeof(id), "DMK%s022E", mod);
            cmd_emsg(c, id, "VADDR MISSING OR INVALID");
            return 0;
        }
        struct vdev *vd = vdev_find(c->vm, (uint16_t)a);
        if (!vd || !vur_opts(vd)) {
            snprintf(id, sizeof(id), "DMK%s040E", mod);
            cmd_emsg(c, id, "DEV %03X DOES NOT EXIST", a);
            return 0;
        }
        out[0] = vd;
        return 1;
    }
    int n = 0;
    for (struct vdev *vd = c->vm->devs; vd && n < MAXDEV; vd = vd->next)
        if (vd->cls == cls && vur_opts(vd))
            out[n++] = vd;
    if (n == 0) {
        snprintf(id, sizeof(id), "DMK%s040E", mod);
        cmd_emsg(c, id, "DEV %s DOES NOT EXIST", vdev_class_name(cls));
    }
    return n;
}

/* A userid of the directory (or * for the issuer). */
static bool dir_user(struct cmdctx *c, const char *tok, char out[9])
{
    uint32_t idx;
    if (strcmp(tok, "*") == 0) {
        snprintf(out, 9, "%s", c->vm->userid);
        return true;
    }
    if (strlen(tok) > 8 || !dir_find_user(userdir(), tok, &idx))
        return false;
    snprintf(out, 9, "%s", tok);
    return true;
}

bool spoolcmd_user(struct cmdctx *c, const char *tok, char out[9]) { return dir_user(c, tok, out); }

/* ---------------------------------------------------------------- SPOOL */

void cmd_spool(struct cmdctx *c, struct scan *s)
{
    char tok[40];
    struct vdev *devs[MAXDEV];
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_emsg(c, "DMKCSP022E", "VADDR MISSING OR INVALID");
        return;
    }
    if (abbrev(tok, "CONSOLE", 3)) {
        cmd_emsg(c, "DMKCSP040E", "DEV CONS DOES NOT EXIST"); /* console spooling: not done */
        return;
    }
    int n = pick(c, tok, devs, "CSP");
    if (n == 0)
        return;
    bool reader = vur_is_reader(devs[0]);
    struct vur_opts o = *vur_opts(devs[0]);
    bool set_cls = false, set_cont = false, set_hold = false, set_eof = false, set_copy = false;
    bool set_route = false, do_close = false, do_purge = false;
    while (scan_token_upper(s, tok, sizeof(tok))) {
        if (abbrev(tok, "CLASS", 2)) {
            char v[8];
            if (!scan_token_upper(s, v, sizeof(v)) || strlen(v) != 1 ||
                !(spf_class_ok(v[0]) || (reader && v[0] == '*'))) {
                cmd_emsg(c, "DMKCSP028E", "CLASS MISSING OR INVALID");
                return;
            }
            o.cls = v[0];
            set_cls = true;
        } else if (abbrev(tok, "CONT", 3)) {
            o.cont = true, set_cont = true;
        } else if (abbrev(tok, "NOCONT", 3)) {
            o.cont = false, set_cont = true;
        } else if (abbrev(tok, "HOLD", 2)) {
            o.hold = true, set_hold = true;
        } else if (abbrev(tok, "NOHOLD", 3)) {
            o.hold = false, set_hold = true;
        } else if (reader && strcmp(tok, "EOF") == 0) {
            o.eof = true, set_eof = true;
        } else if (reader && abbrev(tok, "NOEOF", 3)) {
            o.eof = false, set_eof = true;
        } else if (!reader && abbrev(tok, "COPY", 2)) {
            char v[8];
            uint32_t nn;
            if (!scan_token_upper(s, v, sizeof(v)) || !parse_dec32(v, &nn) || nn < 1 || nn > 99) {
                cmd_err_operand(c, "CSP");
                return;
            }
            o.copies = (uint8_t)nn;
            set_copy = true;
        } else if (!reader && strcmp(tok, "OFF") == 0) {
            o.to[0] = o.forusr[0] = '\0';
            set_route = true;
        } else if (!reader && (abbrev(tok, "TO", 2) || strcmp(tok, "FOR") == 0)) {
            char v[16], who[9];
            bool to = tok[0] == 'T';
            if (!scan_token_upper(s, v, sizeof(v))) {
                cmd_emsg(c, "DMKCSP020E", "USERID MISSING OR INVALID");
                return;
            }
            if (to && strcmp(v, "SYSTEM") == 0) {
                o.to[0] = o.forusr[0] = '\0';
            } else if (!dir_user(c, v, who)) {
                cmd_emsg(c, "DMKCSP020E", "USERID MISSING OR INVALID");
                return;
            } else if (to) {
                snprintf(o.to, sizeof(o.to), "%s", who);
                o.forusr[0] = '\0';
            } else {
                snprintf(o.forusr, sizeof(o.forusr), "%s", who);
                o.to[0] = '\0';
            }
            set_route = true;
        } else if (strcmp(tok, "CLOSE") == 0) {
            do_close = true;
        } else if (abbrev(tok, "PURGE", 3)) {
            do_purge = true;
        } else {
            cmd_err_option(c, "CSP", tok);
            return;
        }
    }
    for (int i = 0; i < n; i++) {
        struct vur_opts *d = vur_opts(devs[i]);
        bool r = vur_is_reader(devs[i]);
        if (set_cls && (r || o.cls != '*'))
            d->cls = o.cls;
        if (set_cont)
            d->cont = o.cont;
        if (set_hold)
            d->hold = o.hold;
        if (set_eof && r)
            d->eof = o.eof;
        if (set_copy && !r)
            d->copies = o.copies;
        if (set_route && !r) {
            memcpy(d->to, o.to, sizeof(d->to));
            memcpy(d->forusr, o.forusr, sizeof(d->forusr));
        }
        if (do_close || do_purge) {
            struct vur_close how = {.purge = do_purge, .hold = -1};
            vur_close(c->vm, devs[i], &how);
        }
    }
}

/* ---------------------------------------------------------------- CLOSE */

void cmd_close(struct cmdctx *c, struct scan *s)
{
    char tok[40];
    static char fn[9], ft[9], dist[9];
    struct vdev *devs[MAXDEV];
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_emsg(c, "DMKCSQ022E", "VADDR MISSING OR INVALID");
        return;
    }
    int n = pick(c, tok, devs, "CSQ");
    if (n == 0)
        return;
    bool reader = vur_is_reader(devs[0]);
    struct vur_close how = {.hold = -1};
    while (scan_token_upper(s, tok, sizeof(tok))) {
        if (abbrev(tok, "HOLD", 2))
            how.hold = 1;
        else if (abbrev(tok, "NOHOLD", 3))
            how.hold = 0;
        else if (!reader && abbrev(tok, "PURGE", 2))
            how.purge = true;
        else if (!reader && abbrev(tok, "DIST", 2)) {
            char v[16];
            if (!scan_token_upper(s, v, sizeof(v)) || strlen(v) > 8) {
                cmd_emsg(c, "DMKCSQ032E", "DISTCODE MISSING OR INVALID");
                return;
            }
            snprintf(dist, sizeof(dist), "%s", v);
            how.dist = dist;
        } else if (!reader && abbrev(tok, "NAME", 2)) {
            char v[16];
            if (!scan_token_upper(s, v, sizeof(v)) || strlen(v) > 8) {
                cmd_err_operand(c, "CSQ");
                return;
            }
            snprintf(fn, sizeof(fn), "%s", v);
            ft[0] = '\0';
            struct scan peek = *s;
            if (scan_token_upper(&peek, v, sizeof(v)) && !abbrev(v, "HOLD", 2) &&
                !abbrev(v, "NOHOLD", 3) && !abbrev(v, "PURGE", 2) && !abbrev(v, "DIST", 2)) {
                if (strlen(v) > 8) {
                    cmd_err_operand(c, "CSQ");
                    return;
                }
                snprintf(ft, sizeof(ft), "%s", v);
                *s = peek;
            }
            how.fn = fn;
            how.ft = ft;
        } else {
            cmd_err_option(c, "CSQ", tok);
            return;
        }
    }
    for (int i = 0; i < n; i++)
        vur_close(c->vm, devs[i], &how);
}

/* ---------------------------------------------------------------- TAG */

void cmd_tag(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    bool query = false;
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_operand(c, "CST");
        return;
    }
    if (abbrev(tok, "QUERY", 2)) {
        query = true;
        if (!scan_token_upper(s, tok, sizeof(tok))) {
            cmd_err_operand(c, "CST");
            return;
        }
    }
    char *text = NULL;
    struct spf *f = NULL;
    if (abbrev(tok, "FILE", 3)) {
        char v[16];
        uint32_t id;
        if (!scan_token_upper(s, v, sizeof(v)) || !parse_dec32(v, &id) ||
            !(f = spool_find((uint16_t)id)) ||
            (strcmp(f->owner, c->vm->userid) != 0 && !cmd_has_class(c, CLASS_D))) {
            cmd_emsg(c, "DMKCST042E", "SPOOLID %s DOES NOT EXIST", v);
            return;
        }
        text = f->tag;
    } else {
        if (abbrev(tok, "DEV", 2) && !scan_token_upper(s, tok, sizeof(tok))) {
            cmd_emsg(c, "DMKCST022E", "VADDR MISSING OR INVALID");
            return;
        }
        struct vdev *devs[MAXDEV];
        if (!pick(c, tok, devs, "CST"))
            return;
        text = vur_opts(devs[0])->tag;
    }
    if (query) {
        if (!scan_at_end(s)) {
            cmd_err_operand(c, "CST");
            return;
        }
        cmd_put(c, 0, text);
        return;
    }
    size_t len;
    const char *rest = scan_rest(s, &len);
    if (len > SPF_TAGMAX) {
        cmd_emsg(c, "DMKCST026E", "OPERAND MISSING OR INVALID");
        return;
    }
    memcpy(text, rest, len);
    text[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)text[i] < 0x20 || (unsigned char)text[i] > 0x7E)
            text[i] = ' ';
    if (f)
        spool_commit();
}

/* ---------------------------------------------------------------- DEFINE */

/* The device type DEFINE names: 0 if not a unit record one. */
uint16_t define_ur_type(const char *tok, bool *reader)
{
    static const struct {
        const char *name;
        uint8_t min;
        uint16_t type;
        bool reader;
    } t[] = {
        {"READER", 1, 0x2540, true}, {"RDR", 3, 0x2540, true},    {"PRINTER", 1, 0x1403, false},
        {"PRT", 3, 0x1403, false},   {"PUNCH", 2, 0x2540, false}, {"PCH", 3, 0x2540, false},
        {"2540R", 5, 0x2540, true},  {"2540P", 5, 0x2540, false}, {"3505", 4, 0x3505, true},
        {"2501", 4, 0x2501, true},   {"3525", 4, 0x3525, false},  {"1403", 4, 0x1403, false},
        {"3211", 4, 0x3211, false},  {"1443", 4, 0x1443, false},
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        if (abbrev(tok, t[i].name, t[i].min)) {
            *reader = t[i].reader;
            return t[i].type;
        }
    }
    return 0;
}

void define_ur(struct cmdctx *c, struct scan *s)
{
    char tok[16];
    bool reader;
    scan_token_upper(s, tok, sizeof(tok));
    uint16_t type = define_ur_type(tok, &reader);
    if (scan_token_upper(s, tok, sizeof(tok)) && strcmp(tok, "AS") == 0)
        scan_token_upper(s, tok, sizeof(tok));
    uint32_t a;
    uint32_t limit = (c->vm->options & DIR_OPT_ECMODE) ? 0xFFF : 0x5FF;
    if (!tok[0] || strlen(tok) > 3 || !parse_hex32(tok, &a) || a > limit) {
        cmd_emsg(c, "DMKDEF022E", "VADDR MISSING OR INVALID");
        return;
    }
    char extra[16];
    if (scan_token_upper(s, extra, sizeof(extra))) {
        cmd_err_option(c, "DEF", extra);
        return;
    }
    if (vdev_find(c->vm, (uint16_t)a)) {
        cmd_emsg(c, "DMKDEF092E", "DEV %03X NOT DEFINED; DEV %03X ALREADY DEFINED", a, a);
        return;
    }
    if (!vur_create(c->vm, (uint16_t)a, type, reader, 0)) {
        cmd_emsg(c, "DMKDEF067E", "CP STORAGE EXHAUSTED");
        return;
    }
    if (c->vm->imsg)
        cmd_printf(c, "%s %03X DEFINED", vdev_class_name(vdev_find(c->vm, (uint16_t)a)->cls), a);
}
