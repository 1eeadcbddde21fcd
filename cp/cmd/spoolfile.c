/*
 * spoolfile.c - the commands on closed spool files (≈ DMKCSU CHANGE,
 * DMKCSV ORDER, PURGE and TRANSFER, DMKCQP QUERY FILES|READER|PRINTER|
 * PUNCH; shared/reference/vm370.md 1.4.6 and 1.4.13):
 *
 *   QUERY FILES [CLass c]
 *   QUERY Reader|RDR|Printer|PRT|PUnch|PCH [userid] [spoolid|ALL|CLass c]
 *   CHange [userid] Reader|Printer|PUnch spoolid|CLass c|ALL [CLass c] [NAME fn [ft]]
 *          [COpy nn] [HOld|NOHold] [DIst d] [FORM f]
 *   ORDer  [userid] Reader|Printer|PUnch spoolid|CLass c ...
 *   PURge  [userid] Reader|Printer|PUnch|ALL [ALL|CLass c ...|spoolid ...]
 *   TRANsfer [Reader|Printer|PUnch] spoolid|CLass c|ALL [To] userid [From userid|ALL]
 *
 * Class G reaches the user's own files (TRANSFER: own reader files only);
 * class D any user's, with the userid operand or by spoolid. Every
 * operand is checked, and every named file found, before anything changes.
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "kern/cp.h"
#include "lib/tod.h"
#include "spool/spool.h"
#include "vdev/vur.h"
#include "vm/vmblok.h"

#define MAXSEL 64

struct sel {
    uint8_t queues; /* 1 << SPQ_* */
    char user[9];   /* whose files ("" = any, class D) */
    bool all;
    char cls[MAXSEL];
    int ncls;
    uint16_t ids[MAXSEL];
    int nids;
};

static bool is_d(struct cmdctx *c) { return cmd_has_class(c, CLASS_D); }

/* A queue keyword: its mask, 0 if tok is none. */
static uint8_t queue_word(const char *tok, bool allow_all)
{
    if (abbrev(tok, "READER", 1) || strcmp(tok, "RDR") == 0)
        return 1 << SPQ_RDR;
    if (abbrev(tok, "PRINTER", 1) || strcmp(tok, "PRT") == 0)
        return 1 << SPQ_PRT;
    if (abbrev(tok, "PUNCH", 2) || strcmp(tok, "PCH") == 0)
        return 1 << SPQ_PUN;
    if (allow_all && strcmp(tok, "ALL") == 0)
        return (1 << SPQ_RDR) | (1 << SPQ_PRT) | (1 << SPQ_PUN);
    return 0;
}

/* [userid] queue: class D may name the user first. */
static bool parse_queue(struct cmdctx *c, struct scan *s, struct sel *sl, bool allow_all,
                        const char *mod)
{
    char tok[16];
    memset(sl, 0, sizeof(*sl));
    snprintf(sl->user, sizeof(sl->user), "%s", c->vm->userid);
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_operand(c, mod);
        return false;
    }
    sl->queues = queue_word(tok, allow_all);
    if (!sl->queues && is_d(c) && strlen(tok) <= 8) {
        snprintf(sl->user, sizeof(sl->user), "%s", tok);
        if (scan_token_upper(s, tok, sizeof(tok)))
            sl->queues = queue_word(tok, allow_all);
    }
    if (!sl->queues) {
        cmd_err_option(c, mod, tok);
        return false;
    }
    return true;
}

/* One selector: spoolid, CLass c or ALL. 1 taken, 0 not a selector, -1 error. */
static int selector(struct cmdctx *c, struct scan *s, const char *tok, struct sel *sl,
                    const char *mod)
{
    uint32_t id;
    char id_msg[16];
    if (strcmp(tok, "ALL") == 0) {
        sl->all = true;
        return 1;
    }
    if (abbrev(tok, "CLASS", 2)) {
        char v[8];
        if (!scan_token_upper(s, v, sizeof(v)) || strlen(v) != 1 || !spf_class_ok(v[0])) {
            snprintf(id_msg, sizeof(id_msg), "DMK%s028E", mod);
            cmd_emsg(c, id_msg, "CLASS MISSING OR INVALID");
            return -1;
        }
        if (sl->ncls < MAXSEL)
            sl->cls[sl->ncls++] = v[0];
        return 1;
    }
    if (parse_dec32(tok, &id) && strlen(tok) <= 4) {
        struct spf *f = id ? spool_find((uint16_t)id) : NULL;
        if (!f || !(sl->queues & (1 << f->queue)) ||
            (!is_d(c) && strcmp(f->owner, c->vm->userid) != 0)) {
            snprintf(id_msg, sizeof(id_msg), "DMK%s042E", mod);
            cmd_emsg(c, id_msg, "SPOOLID %s DOES NOT EXIST", tok);
            return -1;
        }
        if (sl->nids < MAXSEL)
            sl->ids[sl->nids++] = (uint16_t)id;
        return 1;
    }
    return 0;
}

static bool selected(const struct sel *sl, const struct spf *f)
{
    if (!(sl->queues & (1 << f->queue)) || f->open_out)
        return false;
    for (int i = 0; i < sl->nids; i++)
        if (sl->ids[i] == f->spid)
            return true;
    if (sl->user[0] && strcmp(f->owner, sl->user) != 0)
        return false;
    if (sl->all)
        return true;
    for (int i = 0; i < sl->ncls; i++)
        if (sl->cls[i] == f->cls)
            return true;
    return false;
}

/* The selected files, in queue order. */
static unsigned collect(const struct sel *sl, struct spf **out, unsigned max)
{
    unsigned n = 0;
    for (struct spf *f = spool_first(); f && n < max; f = f->next)
        if (selected(sl, f))
            out[n++] = f;
    return n;
}

static void count_line(struct cmdctx *c, unsigned n, const char *what)
{
    if (n)
        cmd_printf(c, "%04u FILE%s %s", n, n == 1 ? "" : "S", what);
    else
        cmd_printf(c, "NO FILES %s", what);
}

/* ---------------------------------------------------------------- QUERY */

void spool_query_files(struct cmdctx *c, struct scan *s)
{
    char tok[16], cls = 0;
    if (scan_token_upper(s, tok, sizeof(tok))) {
        char v[8];
        if (!abbrev(tok, "CLASS", 2) || !scan_token_upper(s, v, sizeof(v)) || strlen(v) != 1 ||
            !spf_class_ok(v[0]) || !scan_at_end(s)) {
            cmd_emsg(c, "DMKCQP028E", "CLASS MISSING OR INVALID");
            return;
        }
        cls = v[0];
    }
    unsigned n[4] = {0};
    for (struct spf *f = spool_first(); f; f = f->next)
        if ((is_d(c) || strcmp(f->owner, c->vm->userid) == 0) && (!cls || f->cls == cls))
            n[f->queue]++;
    char a[3][8];
    for (int i = 0; i < 3; i++) {
        if (n[i + 1])
            snprintf(a[i], sizeof(a[i]), "%03u", n[i + 1]);
        else
            snprintf(a[i], sizeof(a[i]), " NO");
    }
    cmd_printf(c, "FILES: %s RDR, %s PRT, %s PUN", a[SPQ_RDR - 1], a[SPQ_PRT - 1], a[SPQ_PUN - 1]);
}

void spool_query_queue(struct cmdctx *c, struct scan *s, uint8_t queue)
{
    struct sel sl;
    char tok[16];
    bool wide = false;
    memset(&sl, 0, sizeof(sl));
    sl.queues = (uint8_t)(1 << queue);
    snprintf(sl.user, sizeof(sl.user), "%s", c->vm->userid);
    sl.all = true;
    bool first = true;
    while (scan_token_upper(s, tok, sizeof(tok))) {
        int r = selector(c, s, tok, &sl, "CQP");
        if (r < 0)
            return;
        if (r == 0 && first && is_d(c) && strlen(tok) <= 8) {
            snprintf(sl.user, sizeof(sl.user), "%s", tok);
        } else if (r == 0) {
            cmd_err_option(c, "CQP", tok);
            return;
        } else if (strcmp(tok, "ALL") == 0 || sl.nids) {
            wide = true;
        }
        first = false;
    }
    if (sl.ncls || sl.nids)
        sl.all = false;
    static struct spf *files[SPF_MAXID];
    unsigned n = collect(&sl, files, SPF_MAXID);
    const char *qn = queue == SPQ_RDR ? "RDR" : queue == SPQ_PRT ? "PRT" : "PUN";
    if (n == 0) {
        cmd_printf(c, "NO %s FILES", qn);
        return;
    }
    cmd_put(c, 0, wide ? SPF_QHDR_ALL : SPF_QHDR);
    for (unsigned i = 0; i < n; i++) {
        struct datetime dt;
        char line[128];
        cp_localtime(files[i]->tod, &dt);
        spf_query_line(line, sizeof(line), files[i], wide, dt.month, dt.day, dt.hour, dt.min,
                       dt.sec);
        cmd_put(c, 0, line);
    }
}

/* ---------------------------------------------------------------- PURGE */

void cmd_purge(struct cmdctx *c, struct scan *s)
{
    struct sel sl;
    char tok[16];
    if (!parse_queue(c, s, &sl, true, "CSV"))
        return;
    while (scan_token_upper(s, tok, sizeof(tok))) {
        int r = selector(c, s, tok, &sl, "CSV");
        if (r < 0)
            return;
        if (r == 0) {
            cmd_err_option(c, "CSV", tok);
            return;
        }
    }
    if (!sl.ncls && !sl.nids)
        sl.all = true;
    static struct spf *files[SPF_MAXID];
    unsigned n = collect(&sl, files, SPF_MAXID);
    if (n && spool_purge(files, n) != 0)
        cmd_emsg(c, "DMKCSV910E", "SPOOL CHECKPOINT NOT WRITTEN");
    count_line(c, n, "PURGED");
}

/* ---------------------------------------------------------------- ORDER */

void cmd_order(struct cmdctx *c, struct scan *s)
{
    struct sel sl;
    char tok[16];
    struct spf *order[MAXSEL];
    unsigned n = 0;
    if (!parse_queue(c, s, &sl, false, "CSV"))
        return;
    while (scan_token_upper(s, tok, sizeof(tok))) {
        struct sel one = sl;
        one.ncls = one.nids = 0;
        one.all = false;
        int r = selector(c, s, tok, &one, "CSV");
        if (r < 0)
            return;
        if (r == 0 || one.all) {
            cmd_err_option(c, "CSV", tok);
            return;
        }
        n += collect(&one, order + n, MAXSEL - n);
    }
    if (n == 0) {
        cmd_err_operand(c, "CSV");
        return;
    }
    for (unsigned i = n; i-- > 0;)
        spool_to_front(order[i]);
    spool_commit();
    count_line(c, n, "ORDERED");
}

/* ---------------------------------------------------------------- CHANGE */

void cmd_change(struct cmdctx *c, struct scan *s)
{
    struct sel sl;
    char tok[16];
    if (!parse_queue(c, s, &sl, false, "CSU"))
        return;
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_operand(c, "CSU");
        return;
    }
    int r = selector(c, s, tok, &sl, "CSU");
    if (r <= 0) {
        if (r == 0)
            cmd_err_option(c, "CSU", tok);
        return;
    }
    char cls = 0, fn[9] = "", ft[9] = "", dist[9] = "", form[9] = "";
    int copies = 0, hold = -1;
    bool name = false;
    while (scan_token_upper(s, tok, sizeof(tok))) {
        char v[16];
        if (abbrev(tok, "CLASS", 2)) {
            if (!scan_token_upper(s, v, sizeof(v)) || strlen(v) != 1 || !spf_class_ok(v[0])) {
                cmd_emsg(c, "DMKCSU028E", "CLASS MISSING OR INVALID");
                return;
            }
            cls = v[0];
        } else if (abbrev(tok, "COPY", 2)) {
            uint32_t nn;
            if (!scan_token_upper(s, v, sizeof(v)) || !parse_dec32(v, &nn) || nn < 1 || nn > 99) {
                cmd_err_operand(c, "CSU");
                return;
            }
            copies = (int)nn;
        } else if (abbrev(tok, "HOLD", 2)) {
            hold = 1;
        } else if (abbrev(tok, "NOHOLD", 3)) {
            hold = 0;
        } else if (abbrev(tok, "DIST", 2)) {
            if (!scan_token_upper(s, v, sizeof(v)) || strlen(v) > 8) {
                cmd_emsg(c, "DMKCSU032E", "DISTCODE MISSING OR INVALID");
                return;
            }
            snprintf(dist, sizeof(dist), "%s", v);
        } else if (strcmp(tok, "FORM") == 0) {
            if (!scan_token_upper(s, v, sizeof(v)) || strlen(v) > 8) {
                cmd_err_operand(c, "CSU");
                return;
            }
            snprintf(form, sizeof(form), "%s", v);
        } else if (abbrev(tok, "NAME", 2)) {
            if (!scan_token_upper(s, v, sizeof(v)) || strlen(v) > 8) {
                cmd_err_operand(c, "CSU");
                return;
            }
            snprintf(fn, sizeof(fn), "%s", v);
            struct scan peek = *s;
            if (scan_token_upper(&peek, v, sizeof(v)) && strlen(v) <= 8 && !abbrev(v, "CLASS", 2) &&
                !abbrev(v, "COPY", 2) && !abbrev(v, "HOLD", 2) && !abbrev(v, "NOHOLD", 3) &&
                !abbrev(v, "DIST", 2) && strcmp(v, "FORM") != 0) {
                snprintf(ft, sizeof(ft), "%s", v);
                *s = peek;
            }
            name = true;
        } else {
            cmd_err_option(c, "CSU", tok);
            return;
        }
    }
    static struct spf *files[SPF_MAXID];
    unsigned n = collect(&sl, files, SPF_MAXID);
    for (unsigned i = 0; i < n; i++) {
        struct spf *f = files[i];
        if (cls)
            f->cls = cls;
        if (copies)
            f->copies = (uint8_t)copies;
        if (hold == 1)
            f->hold |= SPH_USER;
        else if (hold == 0)
            f->hold &= (uint8_t)~SPH_USER;
        if (dist[0])
            memcpy(f->dist, dist, sizeof(dist));
        if (form[0])
            memcpy(f->form, form, sizeof(form));
        if (name) {
            memcpy(f->fn, fn, sizeof(fn));
            memcpy(f->ft, ft, sizeof(ft));
        }
    }
    if (n)
        spool_commit();
    count_line(c, n, "CHANGED");
    if (n && hold == 0)
        for (unsigned i = 0; i < n; i++)
            if (files[i]->queue == SPQ_RDR)
                vur_kick_readers(files[i]->owner);
}

/* ---------------------------------------------------------------- TRANSFER */

void cmd_transfer(struct cmdctx *c, struct scan *s)
{
    struct sel sl;
    char tok[16], to[9];
    memset(&sl, 0, sizeof(sl));
    sl.queues = 1 << SPQ_RDR;
    snprintf(sl.user, sizeof(sl.user), "%s", c->vm->userid);
    if (!scan_token_upper(s, tok, sizeof(tok))) {
        cmd_err_operand(c, "CSV");
        return;
    }
    uint8_t q = queue_word(tok, false);
    if (q) {
        if (q != (1 << SPQ_RDR) && !is_d(c)) {
            cmd_err_option(c, "CSV", tok);
            return;
        }
        sl.queues = q;
        if (!scan_token_upper(s, tok, sizeof(tok))) {
            cmd_err_operand(c, "CSV");
            return;
        }
    }
    int r = selector(c, s, tok, &sl, "CSV");
    if (r <= 0) {
        if (r == 0)
            cmd_err_option(c, "CSV", tok);
        return;
    }
    if (scan_token_upper(s, tok, sizeof(tok)) && abbrev(tok, "TO", 2))
        scan_token_upper(s, tok, sizeof(tok));
    if (!tok[0] || !spoolcmd_user(c, tok, to)) {
        cmd_emsg(c, "DMKCSV020E", "USERID MISSING OR INVALID");
        return;
    }
    if (scan_token_upper(s, tok, sizeof(tok))) {
        char who[16];
        if (!abbrev(tok, "FROM", 1) || !is_d(c) || !scan_token_upper(s, who, sizeof(who))) {
            cmd_err_option(c, "CSV", tok);
            return;
        }
        if (strcmp(who, "ALL") == 0)
            sl.user[0] = '\0';
        else if (!spoolcmd_user(c, who, sl.user)) {
            cmd_emsg(c, "DMKCSV020E", "USERID MISSING OR INVALID");
            return;
        }
        if (scan_token_upper(s, tok, sizeof(tok))) {
            cmd_err_option(c, "CSV", tok);
            return;
        }
    }
    static struct spf *files[SPF_MAXID];
    unsigned found = collect(&sl, files, SPF_MAXID), n = 0;
    for (unsigned i = 0; i < found; i++) {
        if (files[i]->reader)
            continue; /* being read: stays */
        snprintf(files[i]->owner, sizeof(files[i]->owner), "%s", to);
        files[i]->queue = SPQ_RDR;
        files[n++] = files[i];
    }
    if (n)
        spool_commit();
    count_line(c, n, "TRANSFERRED");
    for (unsigned i = 0; i < n; i++)
        vur_file_arrived(files[i], c->vm->userid);
}
