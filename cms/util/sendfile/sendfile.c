/*
 * sendfile.c - SENDFILE: a file to another user's reader (VM/370 users
 * did this by hand, SPOOL PUNCH TO userid and DISK DUMP; VM/SP made it a
 * command, and we follow its form).
 *
 *   SENDfile fn ft [fm] [TO] userid
 *
 * The punch is spooled to userid, the file punched with DISK DUMP (so
 * any file, F or V, binary, arrives whole: RECEIVE or DISK LOAD makes it
 * again), and the punch's destination is put back as it was. Returns 0
 * (DMSSND705I FILE 'fn ft fm' SENT TO userid); 24 bad operands; 28 not
 * found; 40 DMSSND020E the user is not in the directory (ids ours).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "SND"

/* The punch's TO user from QUERY VIRTUAL 00D ("00D TO  userid ..."), or
 * "SYSTEM". */
static void punch_route(char to[9])
{
    char resp[400];
    snprintf(to, 9, "SYSTEM");
    if (cp_command("QUERY VIRTUAL 00D", resp, sizeof(resp)) != 0)
        return;
    const char *p = strstr(resp, "00D TO ");
    if (!p)
        return;
    p += 7;
    while (*p == ' ')
        p++;
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != '\n' && n < 8)
        n++;
    if (n) {
        memcpy(to, p, n);
        to[n] = 0;
    }
}

int sendfile_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    int i = 3; /* after fn ft: fm? TO? userid */
    if (paren < 4) {
        util_msg(MOD, "054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    struct util_fid f = {"", "", "*"};
    snprintf(f.fn, sizeof(f.fn), "%s", argv[1]);
    snprintf(f.ft, sizeof(f.ft), "%s", argv[2]);
    /* fn ft userid | fn ft TO userid | fn ft fm userid | fn ft fm TO userid */
    int left = paren - 3;
    if (left == 3 || (left == 2 && strcmp(argv[3], "TO") != 0)) {
        snprintf(f.fm, sizeof(f.fm), "%s", argv[3]);
        i = 4;
    }
    if (i < paren && !strcmp(argv[i], "TO"))
        i++;
    if (i != paren - 1) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", i < paren ? argv[i] : "");
        return 24;
    }
    const char *user = argv[i];
    struct cms_fst fst;
    int rc = util_state(MOD, &f, &fst, true);
    if (rc)
        return rc;
    util_fst_fid(&f, &fst);
    char old[9], cmd[64];
    punch_route(old);
    snprintf(cmd, sizeof(cmd), "SPOOL 00D TO %s", user);
    char resp[200];
    if (cp_command(cmd, resp, sizeof(resp)) != 0) {
        util_msg(MOD, "020E", "USERID '%s' IS NOT VALID", user);
        return 40;
    }
    char *dargv[] = {"DISK", "DUMP", f.fn, f.ft, f.fm, NULL};
    rc = disk_main(5, dargv);
    snprintf(cmd, sizeof(cmd), "SPOOL 00D TO %s", old);
    cp_command(cmd, resp, sizeof(resp));
    if (rc)
        return rc;
    char id[32];
    util_fid_text(id, sizeof(id), &f);
    util_msg(MOD, "705I", "FILE '%s' SENT TO %s", id, user);
    return 0;
}
