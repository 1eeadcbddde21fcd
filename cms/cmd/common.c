/*
 * common.c - what the commands share (cmd.h).
 */
#include <stdio.h>
#include <string.h>
#include "cms/cmd/cmd.h"

int cmd_paren(char (*tok)[8], int ntok)
{
    for (int i = 1; i < ntok; i++)
        if (tok[i][0] == '(')
            return i;
    return ntok;
}

bool cmd_opt(const char t[8], const char *name, int min)
{
    char s[9];
    cms_tokstr(t, s);
    size_t n = strlen(s);
    return n >= (size_t)min && n <= strlen(name) && memcmp(s, name, n) == 0;
}

int cmd_bad_option(const char *mod, const char t[8])
{
    char s[9], id[16];
    cms_tokstr(t, s);
    snprintf(id, sizeof(id), "DMS%s003E", mod);
    cms_emsg(id, "INVALID OPTION '%s'", s);
    return 24;
}

int cmd_fileid(const char *mod, char (*tok)[8], int ntok, int i, struct fileid *f, int *rc)
{
    const char *err = NULL;
    int n = fileid_parse(tok, ntok, i, f, &err);
    if (n < 0) {
        char id[16];
        bool mode = strcmp(err, "INVALID MODE") == 0;
        snprintf(id, sizeof(id), "DMS%s%s", mod, mode ? "048E" : "062E");
        cms_emsg(id, "%s", err);
        *rc = mode ? 24 : 20;
    }
    return n;
}

int cmd_not_found(const char *mod, const struct fileid *f)
{
    if (nucon.nomsg && strcmp(mod, "TYP") != 0)
        return 28; /* ERASE and STATE in an EXEC with NOMSG */
    char id[16];
    snprintf(id, sizeof(id), "DMS%s002E", mod);
    char num[2] = {f->num ? f->num : 0, 0};
    cms_emsg(id, "FILE '%s %s %c%s' NOT FOUND", f->fn, f->ft, f->mode ? f->mode : 'A', num);
    return 28;
}

int cmd_fs_error(const char *mod, int err, char mode)
{
    char id[16];
    switch (err) {
    case CMSFS_ERDONLY:
        snprintf(id, sizeof(id), "DMS%s037E", mod);
        cms_emsg(id, "DISK '%c' IS READ/ONLY", mode);
        return 36;
    case CMSFS_EFULL:
    case CMSFS_EDIRFULL:
    case CMSFS_ETOOBIG:
        snprintf(id, sizeof(id), "DMS%s105S", mod);
        cms_emsg(id, "DISK '%c' IS FULL", mode);
        return 13;
    case CMSFS_ENOMEM:
        snprintf(id, sizeof(id), "DMS%s109S", mod);
        cms_emsg(id, "VIRTUAL STORAGE CAPACITY EXCEEDED");
        return 104;
    default:
        snprintf(id, sizeof(id), "DMS%s104S", mod);
        cms_emsg(id, "ERROR %d (%s) ON DISK '%c'", -err, cmsfs_strerror(err), mode);
        return 100;
    }
}
