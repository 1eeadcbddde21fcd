/*
 * cmdtab.c - the nucleus's command table (R6's DMSFNC function table),
 * each name with the shortest abbreviation R6 accepted, and DMSINA's
 * system abbreviations of the commands that are MODULE files on the
 * S-disk (a name found in neither table is looked for as given).
 */
#include <stddef.h>
#include "cms/cmd/cmd.h"

const struct cms_cmd cms_commands[] = {
    {"CP", 2, cmd_cp},
    {"DESBUF", 6, cmd_desbuf},
    {"DROPBUF", 7, cmd_dropbuf},
    {"ERASE", 5, cmd_erase},
    {"EXEC", 2, cmd_exec},
    {"MAKEBUF", 7, cmd_makebuf},
    {"SENTRIES", 8, cmd_sentries},
    {"STATE", 5, cmd_state},
    {"STATEW", 6, cmd_statew},
    {"SVCTRACE", 4, cmd_svctrace},
    {NULL, 0, NULL},
};

const struct cms_cmd cms_abbrevs[] = {
    {"ACCESS", 2, NULL},   {"COMPARE", 3, NULL}, {"COPYFILE", 4, NULL}, {"EDIT", 1, NULL},
    {"LISTFILE", 1, NULL}, {"QUERY", 1, NULL},   {"RELEASE", 3, NULL},  {"RENAME", 1, NULL},
    {"TYPE", 1, NULL},     {"PRINT", 2, NULL},   {"PUNCH", 2, NULL},    {"READCARD", 4, NULL},
    {NULL, 0, NULL},
};
