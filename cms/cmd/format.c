/*
 * format.c - FORMAT (R6's DMSFOR): write 800-byte records on every track
 * of a minidisk with its own channel programs (Search ID R0, then Write
 * Count Key Data for R1-Rk, which CP allows on any minidisk it may
 * write), then an empty file system (cms/fs). ( LABEL rewrites only the
 * label; RECOMP, or a number of cylinders, makes the file system use only
 * the first cylinders.
 */
#include <stdio.h>
#include <string.h>
#include "cms/cmd/cmd.h"
#include "console/ebcdic.h"
#include "lib/bytes.h"

#define MAXREC 40 /* records per track of the largest type (3390: 39) */

/* The channel program and its data, in free storage below 16M. */
struct fmt_area {
    uint64_t ccw[3 + MAXREC];
    uint8_t seek[8], search[8];
    uint8_t recs[MAXREC][8 + CMSFS_BLKSIZE];
};

static int format_track(const struct adt *d, struct fmt_area *a, unsigned cyl, unsigned head)
{
    uint8_t *c = (uint8_t *)a->ccw, *seek = a->seek, *search = a->search;
    memset(seek, 0, 8);
    put_be16(seek + 2, (uint16_t)cyl);
    put_be16(seek + 4, (uint16_t)head);
    memcpy(search, seek + 2, 4);
    search[4] = 0; /* R0 */
    ccw0(c, 0x07, seek, 0x40, 6);
    ccw0(c + 8, 0x31, search, 0x40, 5);
    ccw0(c + 16, 0x08, c + 8, 0, 0);
    for (unsigned r = 0; r < d->per_track; r++) {
        uint8_t *rec = a->recs[r];
        memset(rec, 0, sizeof(a->recs[r]));
        memcpy(rec, seek + 2, 4);
        rec[4] = (uint8_t)(r + 1);
        rec[5] = 0;
        put_be16(rec + 6, CMSFS_BLKSIZE);
        ccw0(c + 24 + 8 * r, 0x1D, rec, r + 1 < d->per_track ? 0x40 : 0, 8 + CMSFS_BLKSIZE);
    }
    int st = io_run(d->vaddr, a->ccw, NULL);
    return st == 0x0C ? 0 : -1;
}

static bool yes(void)
{
    char a[CMS_LINE_MAX + 1];
    con_read(a, sizeof(a), true);
    return !strcmp(a, "YES");
}

int cmd_format(char (*tok)[8], int ntok, const char *line)
{
    int paren = cmd_paren(tok, ntok);
    if (paren < 3) {
        cms_emsg("DMSFOR017E", "NO DEVICE SPECIFIED");
        return 24;
    }
    char s[9], m[9];
    cms_tokstr(tok[1], s);
    cms_tokstr(tok[2], m);
    unsigned vaddr = 0;
    if (!cmd_vaddr(s, &vaddr)) {
        cms_emsg("DMSFOR050E", "INVALID DEVICE ADDRESS '%s'", s);
        return 24;
    }
    if (strlen(m) != 1 || m[0] < 'A' || m[0] > 'Z' || m[0] == 'S') {
        cms_emsg("DMSFOR048E", "INVALID MODE '%s'", m);
        return 24;
    }
    unsigned want = 0;
    if (paren > 3) {
        char n[9];
        cms_tokstr(tok[3], n);
        for (const char *p = n; *p; p++) {
            if (*p < '0' || *p > '9') {
                cms_emsg("DMSFOR070E", "INVALID PARAMETER '%s'", n);
                return 24;
            }
            want = want * 10 + (unsigned)(*p - '0');
        }
    }
    bool label_only = false, recomp = false;
    for (int i = paren + 1; i < ntok && tok[i][0] != ')'; i++) {
        if (cmd_opt(tok[i], "LABEL", 1))
            label_only = true;
        else if (cmd_opt(tok[i], "RECOMP", 1))
            recomp = true;
        else
            return cmd_bad_option("FOR", tok[i]);
    }
    struct adt g;
    memset(&g, 0, sizeof(g));
    int rc = disk_geometry(vaddr, &g);
    if (rc) {
        cms_emsg("DMSFOR113S", "%c(%03X) NOT ATTACHED", m[0], vaddr);
        return 100;
    }
    if (!g.rw) {
        cms_emsg("DMSFOR037E", "DISK '%c(%03X)' IS READ/ONLY", m[0], vaddr);
        return 36;
    }
    if (want == 0 || want > g.cylinders)
        want = g.cylinders;
    struct adt *cur = adt_of_vaddr(vaddr);
    if (cur && cur->mode != m[0]) {
        cms_emsg("DMSFOR069E", "DISK '%03X' IS ACCESSED AS '%c'", vaddr, cur->mode);
        return 36;
    }
    char lab[CMS_LINE_MAX + 1];
    if (!label_only && !recomp) {
        con_typef("DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK '%c(%03X)'. DO YOU WISH TO "
                  "CONTINUE? (YES|NO):",
                  m[0], vaddr);
        if (!yes()) {
            con_type("DMSFOR705I DISK REMAINS UNCHANGED");
            return 0;
        }
    }
    if (!recomp) {
        con_type("DMSFOR605R ENTER DISK LABEL:");
        con_read(lab, sizeof(lab), true);
    }
    uint8_t elab[6];
    a2e_field(elab, 6, recomp ? "" : lab);
    if (cur)
        disk_release(cur->mode);
    g.io.ctx = &g;
    if (label_only) {
        rc = cmsfs_relabel(&g.io, elab);
    } else {
        if (!recomp) {
            con_typef("DMSFOR733I FORMATTING DISK '%c'", m[0]);
            struct fmt_area *a = cms_malloc(sizeof(*a));
            if (!a)
                return cmd_fs_error("FOR", CMSFS_ENOMEM, m[0]);
            for (unsigned c = 0; c < g.cylinders && rc == 0; c++)
                for (unsigned h = 0; h < g.heads && rc == 0; h++)
                    rc = format_track(&g, a, c, h);
            cms_mfree(a);
            if (rc == 0)
                rc = cmsfs_format(&g.io, elab, want);
        } else {
            /* RECOMP: the files stay, only the directory's size changes */
            rc = cmsfs_recomp(&g.io, want);
            if (rc == CMSFS_EFULL || rc == CMSFS_ENOTCMS || rc == CMSFS_ECORRUPT) {
                if (rc == CMSFS_EFULL)
                    cms_emsg("DMSFOR217E", "FILES ON DISK '%c(%03X)' USE MORE THAN %u CYLINDERS",
                             m[0], vaddr, want);
                else
                    cms_emsg("DMSFOR069E", "DISK '%c(%03X)' IS NOT A CMS DISK", m[0], vaddr);
                disk_access(vaddr, m[0], 0);
                return rc == CMSFS_EFULL ? 36 : 100;
            }
        }
    }
    if (rc) {
        cms_emsg("DMSFOR125S", "PERMANENT UNIT CHECK ON DISK '%c(%03X)'", m[0], vaddr);
        return 100;
    }
    if (!label_only)
        con_typef("DMSFOR732I '%u' CYLINDERS FORMATTED ON DISK '%c(%03X)'", want, m[0], vaddr);
    if (disk_access(vaddr, m[0], 0) != 0) {
        cms_emsg("DMSFOR113S", "%c(%03X) NOT ACCESSED", m[0], vaddr);
        return 100;
    }
    return 0;
}
