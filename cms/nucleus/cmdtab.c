/*
 * cmdtab.c - the nucleus's command table (R6's DMSFNC function table and
 * DMSINA's system abbreviations): each name with the shortest
 * abbreviation R6 accepted.
 */
#include <stddef.h>
#include "cms/cmd/cmd.h"

const struct cms_cmd cms_commands[] = {
    {"ACCESS", 2, cmd_access},
    {"CP", 2, cmd_cp},
    {"DESBUF", 6, cmd_desbuf},
    {"DROPBUF", 7, cmd_dropbuf},
    {"ERASE", 5, cmd_erase},
    {"EXEC", 2, cmd_exec},
    {"FORMAT", 6, cmd_format},
    {"LISTFILE", 1, cmd_listfile},
    {"MAKEBUF", 7, cmd_makebuf},
    {"QUERY", 1, cmd_query},
    {"RELEASE", 3, cmd_release},
    {"RENAME", 1, cmd_rename},
    {"SENTRIES", 8, cmd_sentries},
    {"SET", 3, cmd_set},
    {"STATE", 5, cmd_state},
    {"STATEW", 6, cmd_statew},
    {NULL, 0, NULL},
};
