/*
 * exec.c - EXEC files: finding "name EXEC" and running it through the
 * interpreter of cms/exec (R6's DMSEXT).
 */
#include <string.h>
#include "cms/cmd/cmd.h"

bool cms_exec_exists(const char *name)
{
    struct fileid f;
    memset(&f, 0, sizeof(f));
    if (strlen(name) > 8)
        return false;
    memcpy(f.fn, name, strlen(name) + 1);
    memcpy(f.ft, "EXEC", 5);
    f.mode = '*';
    struct adt *d;
    struct cmsfs_fst fst;
    return fileid_find(&f, &d, &fst);
}

int cms_exec(char (*tok)[8], int ntok, const char *line)
{
    cms_emsg("DMSEXT001E", "EXEC INTERPRETER NOT AVAILABLE");
    return -3;
}

int cmd_exec(char (*tok)[8], int ntok, const char *line)
{
    if (ntok < 2) {
        cms_emsg("DMSEXT001E", "NO FILENAME SPECIFIED");
        return 24;
    }
    return cms_exec(tok + 1, ntok - 1, line);
}
