/*
 * access.c - ACCESS, RELEASE, QUERY DISK and SEARCH, and the disks of
 * IPL time (R6's DMSACC, DMSARE, DMSQRY; reference vm370.md 5.2, 5.5).
 */
#include <stdio.h>
#include <string.h>
#include "cms/cmd/cmd.h"
#include "console/ebcdic.h"
#include "lib/cmdscan.h"

/* Access vaddr as mode (parent: the mode it extends, or 0), with the R6
 * responses. Returns the return code. */
static int do_access(unsigned vaddr, char mode, char parent, bool erase)
{
    struct adt *same = adt_of_vaddr(vaddr);
    struct adt *prev = adt_of(mode);
    unsigned prev_vaddr = prev ? prev->vaddr : 0;
    int rc = disk_access(vaddr, mode, parent);
    switch (rc) {
    case 0: break;
    case DISK_NODEV:
    case DISK_NOTDASD:
        cms_emsg("DMSACC113S", "%c(%03X) NOT ATTACHED", mode, vaddr);
        return 100;
    case DISK_NOTCMS:
        cms_emsg("DMSACC113S", "%c(%03X) NOT ACCESSED; NOT A CMS DISK", mode, vaddr);
        return 100;
    case DISK_CORRUPT:
        cms_emsg("DMSACC113S", "%c(%03X) NOT ACCESSED; ITS DIRECTORY IS DAMAGED", mode, vaddr);
        return 100;
    default:
        cms_emsg("DMSACC112S", "DISK '%c(%03X)' DEVICE ERROR", mode, vaddr);
        return 100;
    }
    struct adt *d = adt_of(mode);
    if (same && same != d) {
        char m = same->mode;
        disk_release(m);
        con_typef("DMSACC726I %03X %c RELEASED", vaddr, m);
    }
    if (prev && prev_vaddr != vaddr)
        con_typef("DMSACC724I %03X REPLACES %c (%03X)", vaddr, mode, prev_vaddr);
    if (erase && !d->io.readonly) {
        struct cmsfs_fst f;
        unsigned cursor = 0;
        while (cmsfs_next(d->fs, &cursor, &f)) {
            cmsfs_erase(d->fs, f.fn, f.ft);
            cursor = 0;
        }
    }
    if (d->io.readonly)
        con_typef("DMSACC723I %c (%03X) R/O", mode, vaddr);
    return 0;
}

int cmd_access(char (*tok)[8], int ntok, const char *line)
{
    int paren = cmd_paren(tok, ntok);
    int nargs = paren - 1;
    bool erase = false;
    for (int i = paren + 1; i < ntok && tok[i][0] != ')'; i++) {
        if (cmd_opt(tok[i], "ERASE", 2))
            erase = true;
        else if (cmd_opt(tok[i], "NODISK", 6) || cmd_opt(tok[i], "NOPROF", 6))
            ; /* only on the first command after IPL (cms_first_command) */
        else
            return cmd_bad_option("ACC", tok[i]);
    }
    unsigned vaddr = 0x191;
    char mode = 'A', parent = 0;
    char s[9];
    if (nargs >= 1) {
        cms_tokstr(tok[1], s);
        if (!cmd_vaddr(s, &vaddr)) {
            cms_emsg("DMSACC050E", "INVALID DEVICE ADDRESS '%s'", s);
            return 24;
        }
    }
    if (nargs >= 2) {
        cms_tokstr(tok[2], s);
        if (!(s[0] >= 'A' && s[0] <= 'Z') || (s[1] && (s[1] != '/' || !(s[2] >= 'A' && s[2] <= 'Z') || s[3]))) {
            cms_emsg("DMSACC048E", "INVALID MODE '%s'", s);
            return 24;
        }
        mode = s[0];
        parent = s[1] ? s[2] : 0;
        if (parent == mode) {
            cms_emsg("DMSACC048E", "INVALID MODE '%s'", s);
            return 24;
        }
    }
    return do_access(vaddr, mode, parent, erase);
}

int cmd_release(char (*tok)[8], int ntok, const char *line)
{
    if (ntok < 2) {
        cms_emsg("DMSARE017E", "NO DEVICE SPECIFIED");
        return 24;
    }
    char s[9];
    cms_tokstr(tok[1], s);
    bool det = false;
    for (int i = cmd_paren(tok, ntok) + 1; i < ntok && tok[i][0] != ')'; i++) {
        if (cmd_opt(tok[i], "DET", 3))
            det = true;
        else
            return cmd_bad_option("ARE", tok[i]);
    }
    struct adt *d = NULL;
    unsigned vaddr;
    if (strlen(s) == 1 && s[0] >= 'A' && s[0] <= 'Z')
        d = adt_of(s[0]);
    else if (cmd_vaddr(s, &vaddr))
        d = adt_of_vaddr(vaddr);
    else {
        cms_emsg("DMSARE048E", "INVALID MODE '%s'", s);
        return 24;
    }
    if (!d) {
        cms_emsg("DMSARE069E", "DISK '%s' NOT ACCESSED", s);
        return 36;
    }
    vaddr = d->vaddr;
    if (disk_release(d->mode) != 0) {
        cms_emsg("DMSARE070E", "DISK '%c' IS IN USE", d->mode);
        return 40;
    }
    if (det) {
        char cmd[32];
        snprintf(cmd, sizeof(cmd), "DETACH %03X", vaddr);
        cms_cp(cmd);
    }
    return 0;
}

/* A disk's label and its mode as QUERY shows it ("B/A" for an extension). */
static void label_mode(const struct adt *d, struct cmsfs_info *in, char label[7], char mode[4])
{
    cmsfs_disk_info(d->fs, in);
    e2a_field(label, in->label, 6);
    mode[0] = d->mode;
    mode[1] = d->parent ? '/' : 0;
    mode[2] = d->parent;
    mode[3] = 0;
}

static void disk_line(const struct adt *d)
{
    struct cmsfs_info in;
    char label[7], mode[4];
    label_mode(d, &in, label, mode);
    con_typef("%-6s %03X %-3s %s %4u %04X %5u %6u-%02u %6u %6u", label, d->vaddr, mode,
              d->io.readonly ? "R/O" : "R/W", in.cylinders, d->model, in.files,
              (unsigned)in.used, in.total ? (unsigned)(in.used * 100 / in.total) : 0,
              (unsigned)in.left, (unsigned)in.total);
}

int query_disk(char (*tok)[8], int ntok)
{
    char which = '*';
    if (ntok >= 3) {
        char s[9];
        cms_tokstr(tok[2], s);
        if (strcmp(s, "*") != 0 && strcmp(s, "R/W") != 0 && strcmp(s, "MAX") != 0) {
            if (strlen(s) != 1 || s[0] < 'A' || s[0] > 'Z') {
                cms_emsg("DMSQRY048E", "INVALID MODE '%s'", s);
                return 24;
            }
            which = s[0];
        } else if (s[0] == 'R' || s[0] == 'M') {
            which = s[0];
        }
    }
    if (which >= 'A' && which <= 'Z' && !adt_of(which)) {
        cms_emsg("DMSQRY069E", "DISK '%c' NOT ACCESSED", which);
        return 36;
    }
    con_type("LABEL  CUU M  STAT  CYL TYPE NO.FILES BLKS USED-(%) BLKS LEFT  BLK TOTAL");
    for (struct adt *d = disk_next(NULL); d; d = disk_next(d)) {
        if (which >= 'A' && which <= 'Z' && d->mode != which)
            continue;
        if ((which == 'R' || which == 'M') && d->io.readonly)
            continue;
        disk_line(d);
    }
    return 0;
}

int query_search(void)
{
    for (struct adt *d = disk_next(NULL); d; d = disk_next(d)) {
        struct cmsfs_info in;
        char label[7], mode[4];
        label_mode(d, &in, label, mode);
        con_typef("%-6s %03X %-3s %s", label, d->vaddr, mode, d->io.readonly ? "R/O" : "R/W");
    }
    return 0;
}

/* ---------------------------------------------------------------- IPL time */

void cms_startup_disks(void)
{
    /* the system disk, read-only, as S */
    if (disk_access(0x190, 'S', 0) == 0)
        adt_of('S')->io.readonly = true;
}

int cms_first_command(const char *line)
{
    char tok[16][8];
    int n = cms_scan(line, tok, 16);
    bool nodisk = false, noprof = false;
    char name[9];
    if (n > 0) {
        cms_tokstr(tok[0], name);
        const struct cms_cmd *c = cms_find_command(name);
        if (c && c->fn == cmd_access) {
            for (int i = cmd_paren(tok, n) + 1; i < n; i++) {
                nodisk |= cmd_opt(tok[i], "NODISK", 6);
                noprof |= cmd_opt(tok[i], "NOPROF", 6);
            }
        }
    }
    if (!nodisk && !adt_of('A'))
        (void)do_access(0x191, 'A', 0, false);
    if (!noprof && cms_exec_exists("PROFILE")) {
        char ptok[1][8];
        memcpy(ptok[0], "PROFILE ", 8);
        (void)cms_exec(ptok, 1, "PROFILE");
    }
    return n > 0 ? cms_command_line(line) : 0;
}
