/*
 * files.c - LISTFILE, STATE/STATEW, ERASE and RENAME (R6's DMSLST,
 * DMSSTT, DMSERS and DMSRNM; reference vm370.md 5.5). TYPE is a
 * transient MODULE (cms/util/type).
 */
#include <stdio.h>
#include <string.h>
#include "cms/cmd/cmd.h"
#include "console/ebcdic.h"

/* ---------------------------------------------------------------- LISTFILE */

enum { LF_NAMES, LF_FORMAT, LF_ALLOC, LF_DATE };

static void date_text(char *out, size_t n, const struct cmsfs_date *d)
{
    snprintf(out, n, "%2u/%02u/%02u %2u:%02u", d->month, d->day, d->year, d->hour, d->min);
}

/* Write "CMS EXEC A1": one line "&1 &2 fn ft fm" per file (EXEC option). */
static int listfile_exec(const struct fileid *f, bool append)
{
    struct adt *a = adt_of('A');
    if (!a) {
        cms_emsg("DMSLST069E", "DISK 'A' NOT ACCESSED");
        return 36;
    }
    uint8_t fn[8], ft[8];
    fileid_field(fn, "CMS");
    fileid_field(ft, "EXEC");
    struct cmsfs_wfile *w;
    int rc = cmsfs_wopen(a->fs, fn, ft, 0xC1, 1, 0xC6, 80,
                         append ? CMSFS_W_APPEND : CMSFS_W_REPLACE, &w);
    if (rc)
        return cmd_fs_error("LST", rc, 'A');
    struct adt *d = NULL;
    unsigned cursor = 0;
    struct cmsfs_fst fst;
    while (rc == 0 && fileid_next(f, &d, &cursor, &fst)) {
        char l[81], id[24];
        fileid_text(id, sizeof(id), d, &fst);
        char fnx[9], ftx[9];
        e2a_field(fnx, fst.fn, 8);
        e2a_field(ftx, fst.ft, 8);
        snprintf(l, sizeof(l), "&1 &2 %-8s %-8s %c%u", fnx, ftx, d->mode, fst.fm_number);
        uint8_t rec[80];
        a2e_field(rec, 80, l);
        rc = cmsfs_write(w, 0, rec, 80);
    }
    int c = cmsfs_wclose(w, rc == 0);
    return rc || c ? cmd_fs_error("LST", rc ? rc : c, 'A') : 0;
}

int cmd_listfile(char (*tok)[8], int ntok, const char *line)
{
    struct fileid f;
    int rc = 0;
    int paren = cmd_paren(tok, ntok);
    if (cmd_fileid("LST", tok, paren, 1, &f, &rc) < 0)
        return rc;
    if (!f.fn[0])
        snprintf(f.fn, sizeof(f.fn), "*");
    if (!f.ft[0])
        snprintf(f.ft, sizeof(f.ft), "*");
    if (!f.mode)
        f.mode = 'A';
    int form = LF_NAMES;
    bool header = false, label = false, exec = false, append = false;
    for (int i = paren + 1; i < ntok && tok[i][0] != ')'; i++) {
        if (cmd_opt(tok[i], "HEADER", 1))
            header = true;
        else if (cmd_opt(tok[i], "FNAME", 2) || cmd_opt(tok[i], "FTYPE", 2) ||
                 cmd_opt(tok[i], "FMODE", 2))
            form = LF_NAMES;
        else if (cmd_opt(tok[i], "FORMAT", 1))
            form = LF_FORMAT;
        else if (cmd_opt(tok[i], "ALLOC", 1))
            form = LF_ALLOC;
        else if (cmd_opt(tok[i], "DATE", 1))
            form = LF_DATE;
        else if (cmd_opt(tok[i], "LABEL", 1))
            label = true;
        else if (cmd_opt(tok[i], "EXEC", 1))
            exec = true;
        else if (cmd_opt(tok[i], "APPEND", 2))
            exec = append = true;
        else
            return cmd_bad_option("LST", tok[i]);
    }
    if (f.mode != '*' && !adt_of(f.mode)) {
        cms_emsg("DMSLST069E", "DISK '%c' NOT ACCESSED", f.mode);
        return 36;
    }
    if (exec)
        return listfile_exec(&f, append);
    struct adt *d = NULL;
    unsigned cursor = 0, found = 0;
    struct cmsfs_fst fst;
    while (fileid_next(&f, &d, &cursor, &fst)) {
        if (nucon.halt)
            break;
        if (found++ == 0 && header) {
            static const char *const head[] = {
                "FILENAME FILETYPE FM",
                "FILENAME FILETYPE FM FORMAT",
                "FILENAME FILETYPE FM FORMAT       RECS BLOCKS",
                "FILENAME FILETYPE FM FORMAT       RECS BLOCKS   DATE     TIME",
            };
            con_typef("%s%s", head[form], label ? " LABEL" : "");
        }
        char fn[9], ft[9], l[120], dt[20];
        e2a_field(fn, fst.fn, 8);
        e2a_field(ft, fst.ft, 8);
        int n = snprintf(l, sizeof(l), "%-8s %-8s %c%u", fn, ft, d->mode, fst.fm_number);
        char fmt[24];
        snprintf(fmt, sizeof(fmt), " %c %5u", fst.recfm == 0xC6 ? 'F' : 'V', (unsigned)fst.lrecl);
        if (form >= LF_FORMAT)
            n += snprintf(l + n, sizeof(l) - (size_t)n, "%s", fmt);
        if (form >= LF_ALLOC)
            n += snprintf(l + n, sizeof(l) - (size_t)n, " %10u %6u", (unsigned)fst.records,
                          (unsigned)fst.datablocks + 1);
        if (form >= LF_DATE) {
            date_text(dt, sizeof(dt), &fst.written);
            n += snprintf(l + n, sizeof(l) - (size_t)n, " %s", dt);
        }
        if (label) {
            struct cmsfs_info in;
            cmsfs_disk_info(d->fs, &in);
            char lab[7];
            e2a_field(lab, in.label, 6);
            snprintf(l + n, sizeof(l) - (size_t)n, " %s", lab);
        }
        con_type(l);
    }
    if (found == 0) {
        if (!nucon.nomsg)
            cms_emsg("DMSLST002E", "FILE NOT FOUND");
        return 28;
    }
    return 0;
}

/* ---------------------------------------------------------------- STATE */

static int state(char (*tok)[8], int ntok, bool writable)
{
    struct fileid f;
    int rc = 0;
    int n = cmd_fileid("STT", tok, cmd_paren(tok, ntok), 1, &f, &rc);
    if (n < 0)
        return rc;
    if (n < 2) {
        cms_emsg("DMSSTT054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    if (!f.mode)
        f.mode = '*';
    struct adt *d = NULL;
    unsigned cursor = 0;
    struct cmsfs_fst fst;
    while (fileid_next(&f, &d, &cursor, &fst))
        if (!writable || !d->io.readonly)
            return 0;
    if (f.mode == '*')
        f.mode = 'A';
    return cmd_not_found("STT", &f);
}

int cmd_state(char (*tok)[8], int ntok, const char *line) { return state(tok, ntok, false); }
int cmd_statew(char (*tok)[8], int ntok, const char *line) { return state(tok, ntok, true); }

/* ---------------------------------------------------------------- ERASE */

int cmd_erase(char (*tok)[8], int ntok, const char *line)
{
    struct fileid f;
    int rc = 0;
    int paren = cmd_paren(tok, ntok);
    int n = cmd_fileid("ERS", tok, paren, 1, &f, &rc);
    if (n < 0)
        return rc;
    if (n < 2) {
        cms_emsg("DMSERS054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    bool type = false;
    for (int i = paren + 1; i < ntok && tok[i][0] != ')'; i++) {
        if (cmd_opt(tok[i], "TYPE", 1))
            type = true;
        else if (cmd_opt(tok[i], "NOTYPE", 3))
            type = false;
        else
            return cmd_bad_option("ERS", tok[i]);
    }
    if (!f.mode)
        f.mode = 'A';
    if (!strcmp(f.fn, "*") && !strcmp(f.ft, "*") && (f.mode == '*' || !f.num)) {
        cms_emsg("DMSERS071E", "ERASE * * %c%s NOT ALLOWED", f.mode, f.num ? "*" : "");
        return 24;
    }
    if (f.mode != '*' && !adt_of(f.mode)) {
        cms_emsg("DMSERS069E", "DISK '%c' NOT ACCESSED", f.mode);
        return 36;
    }
    unsigned erased = 0;
    char mode = 0;
    rc = afile_erase(&f, type, &erased, &mode);
    if (rc)
        return cmd_fs_error("ERS", rc, mode);
    if (erased == 0) {
        if (f.mode == '*')
            f.mode = 'A';
        return cmd_not_found("ERS", &f);
    }
    return 0;
}

/* ---------------------------------------------------------------- RENAME */

int cmd_rename(char (*tok)[8], int ntok, const char *line)
{
    int paren = cmd_paren(tok, ntok);
    if (paren != 7) {
        cms_emsg("DMSRNM054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    struct fileid a;
    int rc = 0;
    if (cmd_fileid("RNM", tok, paren, 1, &a, &rc) < 0)
        return rc;
    /* the new id: "=" keeps a field */
    char n[3][9];
    for (int i = 0; i < 3; i++)
        cms_tokstr(tok[4 + i], n[i]);
    if (!strcmp(n[0], "="))
        snprintf(n[0], 9, "%s", a.fn);
    if (!strcmp(n[1], "="))
        snprintf(n[1], 9, "%s", a.ft);
    if (!strcmp(n[2], "="))
        snprintf(n[2], 9, "%c%c", a.mode, a.num ? a.num : '1');
    uint8_t nfn[8], nft[8];
    if (!fileid_field(nfn, n[0]) || !fileid_field(nft, n[1])) {
        cms_emsg("DMSRNM062E", "INVALID CHARACTER IN FILEID");
        return 20;
    }
    if (n[2][0] != a.mode || (n[2][1] && (n[2][1] < '0' || n[2][1] > '6')) || strlen(n[2]) > 2) {
        cms_emsg("DMSRNM048E", "INVALID MODE '%s'", n[2]);
        return 24;
    }
    bool type = false;
    for (int i = paren + 1; i < ntok && tok[i][0] != ')'; i++) {
        if (cmd_opt(tok[i], "TYPE", 1))
            type = true;
        else if (!cmd_opt(tok[i], "NOTYPE", 3) && !cmd_opt(tok[i], "UPDIRT", 6) &&
                 !cmd_opt(tok[i], "NOUPDIRT", 8))
            return cmd_bad_option("RNM", tok[i]);
    }
    struct adt *d;
    struct cmsfs_fst fst;
    if (!adt_of(a.mode)) {
        cms_emsg("DMSRNM069E", "DISK '%c' NOT ACCESSED", a.mode);
        return 36;
    }
    if (strchr(a.fn, '*') || strchr(a.ft, '*') || !fileid_find(&a, &d, &fst))
        return cmd_not_found("RNM", &a);
    if (d->io.readonly)
        return cmd_fs_error("RNM", CMSFS_ERDONLY, d->mode);
    rc = cmsfs_rename(d->fs, fst.fn, fst.ft, nfn, nft, n[2][1] ? n[2][1] - '0' : -1);
    if (rc == CMSFS_EEXIST) {
        cms_emsg("DMSRNM024E", "FILE '%s %s %s' ALREADY EXISTS", n[0], n[1], n[2]);
        return 28;
    }
    if (rc)
        return cmd_fs_error("RNM", rc, d->mode);
    if (type)
        con_typef("%s %s %s", n[0], n[1], n[2]);
    return 0;
}
