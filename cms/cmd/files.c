/*
 * files.c - STATE/STATEW and ERASE, the nucleus-resident file commands
 * (R6's DMSSTT and DMSERS; reference vm370.md 5.5). LISTFILE, RENAME
 * and TYPE are transient MODULEs (cms/util).
 */
#include <stdio.h>
#include <string.h>
#include "cms/cmd/cmd.h"
#include "console/ebcdic.h"

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
