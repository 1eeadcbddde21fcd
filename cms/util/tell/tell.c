/*
 * tell.c - TELL: a message to another user (VM/SP's command; under
 * VM/370 a user typed CP MSG).
 *
 *   TELL userid text
 *
 * The text goes with CP MSG, as typed (upper case, words of at most 8
 * characters: a CMS command line's tokens). Returns CP's return code;
 * 24 DMSTEL054E when there is no user or no text (ours).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "TEL"

int tell_main(int argc, char **argv)
{
    if (argc < 3) {
        util_msg(MOD, "054E", "NO USERID OR NO TEXT SPECIFIED");
        return 24;
    }
    char line[200];
    size_t n = (size_t)snprintf(line, sizeof(line), "MSG %s", argv[1]);
    for (int i = 2; i < argc && n < sizeof(line); i++)
        n += (size_t)snprintf(line + n, sizeof(line) - n, " %s", argv[i]);
    return cp_command(line, NULL, 0);
}
