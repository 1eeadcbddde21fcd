/*
 * settings.c - CP, SVCTRACE, and the console-stack commands DESBUF,
 * SENTRIES, MAKEBUF and DROPBUF. QUERY and SET are transient MODULEs (cms/util).
 */
#include <stdio.h>
#include <string.h>
#include "cms/cmd/cmd.h"

int cmd_cp(char (*tok)[8], int ntok, const char *line)
{
    const char *p = line;
    while (*p == ' ')
        p++;
    while (*p && *p != ' ')
        p++; /* the word CP */
    while (*p == ' ')
        p++;
    return cms_cp(p);
}

int cmd_desbuf(char (*tok)[8], int ntok, const char *line)
{
    con_desbuf();
    return 0;
}

int cmd_sentries(char (*tok)[8], int ntok, const char *line) { return con_stacked(); }

/* MAKEBUF: rc = the new buffer's number. */
int cmd_makebuf(char (*tok)[8], int ntok, const char *line)
{
    if (ntok > 1) {
        char t[9];
        cms_tokstr(tok[1], t);
        cms_emsg("DMSMKB070E", "INVALID PARAMETER '%s'", t);
        return 24;
    }
    return con_makebuf();
}

/* DROPBUF [n]: drop buffer n (default the newest) and every newer one. */
int cmd_dropbuf(char (*tok)[8], int ntok, const char *line)
{
    int n = 0;
    if (ntok > 1) {
        char t[9];
        cms_tokstr(tok[1], t);
        for (const char *p = t; *p; p++) {
            if (*p < '0' || *p > '9' || n > 9999) {
                cms_emsg("DMSDRB070E", "INVALID PARAMETER '%s'", t);
                return 24;
            }
            n = n * 10 + (*p - '0');
        }
    }
    if (ntok > 2) {
        char t[9];
        cms_tokstr(tok[2], t);
        cms_emsg("DMSDRB070E", "INVALID PARAMETER '%s'", t);
        return 24;
    }
    return con_dropbuf(n);
}

/* SVCTRACE ON|OFF (R6's SVCTRACE, a nucleus command): the nucleus types
 * a line as each SVC 202/203 starts and one as it returns (our format:
 * the caller's address, R0, R1; the return code). The immediate commands
 * SO and RO suspend and resume it, HO ends it. */
int cmd_svctrace(char (*tok)[8], int ntok, const char *line)
{
    char t[9] = "";
    if (ntok > 1)
        cms_tokstr(tok[1], t);
    if (ntok != 2 || (strcmp(t, "ON") != 0 && strcmp(t, "OFF") != 0)) {
        cms_emsg("DMSOVR070E", "INVALID PARAMETER '%s'", t);
        return 24;
    }
    nucon.svctrace = t[1] == 'N';
    nucon.svctrace_held = false;
    return 0;
}
