/*
 * settings.c - QUERY and SET (R6's DMSQRY and DMSSET), CP, and the
 * console-stack commands DESBUF, SENTRIES and MAKEBUF.
 */
#include <stdio.h>
#include <string.h>
#include "cms/cmd/cmd.h"

static int onoff(const char *mod, char (*tok)[8], int ntok, bool *flag)
{
    char s[9];
    if (ntok < 3) {
        cms_emsg(mod, "NO OPERAND SPECIFIED");
        return 24;
    }
    cms_tokstr(tok[2], s);
    if (!strcmp(s, "ON"))
        *flag = true;
    else if (!strcmp(s, "OFF"))
        *flag = false;
    else {
        cms_emsg(mod, "INVALID PARAMETER '%s'", s);
        return 24;
    }
    return 0;
}

int cmd_set(char (*tok)[8], int ntok, const char *line)
{
    char s[9];
    if (ntok < 2) {
        cms_emsg("DMSSET061E", "NO FUNCTION SPECIFIED");
        return 24;
    }
    cms_tokstr(tok[1], s);
    if (!strcmp(s, "IMPCP"))
        return onoff("DMSSET070E", tok, ntok, &nucon.impcp);
    if (!strcmp(s, "IMPEX"))
        return onoff("DMSSET070E", tok, ntok, &nucon.impex);
    if (!strcmp(s, "RDYMSG")) {
        char v[9] = "";
        if (ntok >= 3)
            cms_tokstr(tok[2], v);
        if (!strcmp(v, "SMSG"))
            nucon.rdymsg_short = true;
        else if (!strcmp(v, "LMSG"))
            nucon.rdymsg_short = false;
        else {
            cms_emsg("DMSSET070E", "INVALID PARAMETER '%s'", v);
            return 24;
        }
        return 0;
    }
    cms_emsg("DMSSET070E", "INVALID PARAMETER '%s'", s);
    return 24;
}

int cmd_query(char (*tok)[8], int ntok, const char *line)
{
    char s[9];
    if (ntok < 2) {
        cms_emsg("DMSQRY061E", "NO FUNCTION SPECIFIED");
        return 24;
    }
    cms_tokstr(tok[1], s);
    if (!strcmp(s, "DISK"))
        return query_disk(tok, ntok);
    if (!strcmp(s, "SEARCH"))
        return query_search();
    if (!strcmp(s, "IMPCP")) {
        con_typef("IMPCP = %s", nucon.impcp ? "ON" : "OFF");
        return 0;
    }
    if (!strcmp(s, "IMPEX")) {
        con_typef("IMPEX = %s", nucon.impex ? "ON" : "OFF");
        return 0;
    }
    if (!strcmp(s, "RDYMSG")) {
        con_typef("RDYMSG = %s", nucon.rdymsg_short ? "SMSG" : "LMSG");
        return 0;
    }
    if (!strcmp(s, "SVC")) {
        svc_query();
        return 0;
    }
    if (!strcmp(s, "CMSLEVEL")) {
        con_type("CMS LEVEL 6.0");
        return 0;
    }
    if (nucon.impcp) /* anything else is CP's */
        return cms_cp(line);
    cms_emsg("DMSQRY070E", "INVALID PARAMETER '%s'", s);
    return 24;
}

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
