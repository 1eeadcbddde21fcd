/*
 * cmd.h - the CMS commands (cms/cmd/README.md maps them to R6's modules)
 * and what they share: options after "(", file-id messages.
 */
#ifndef CMS_CMD_CMD_H
#define CMS_CMD_CMD_H

#include "cms/nucleus/cms.h"
#include "cms/nucleus/fileid.h"

/* The index of the "(" that starts the options, or ntok: the operands
 * are tok[1] to tok[paren-1], the options tok[paren+1] on (to a ")"). */
int cmd_paren(char (*tok)[8], int ntok);
/* Is option token t (ASCII, blank padded) an abbreviation of name with
 * at least min characters? */
bool cmd_opt(const char t[8], const char *name, int min);
/* DMSxxx003E INVALID OPTION 'opt': rc 24. */
int cmd_bad_option(const char *mod, const char t[8]);
/* Parse a file id or type the message; returns the count or -1 (rc in *rc). */
int cmd_fileid(const char *mod, char (*tok)[8], int ntok, int i, struct fileid *f, int *rc);
/* DMSxxx002E FILE 'fn ft fm' NOT FOUND: rc 28. */
int cmd_not_found(const char *mod, const struct fileid *f);
/* The file-system error err as a message and CMS return code. */
int cmd_fs_error(const char *mod, int err, char mode);

cms_cmd_fn cmd_erase, cmd_state, cmd_statew, cmd_cp, cmd_desbuf, cmd_sentries, cmd_makebuf,
    cmd_dropbuf, cmd_exec, cmd_svctrace;

#endif
