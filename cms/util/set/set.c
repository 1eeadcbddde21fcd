/*
 * set.c - SET (R6's DMSSET, a transient command; reference vm370.md
 * 5.5): one CMS setting per command.
 *
 *   SET IMPCP ON|OFF | IMPEX ON|OFF | RDYMSG LMSG|SMSG
 *
 * The nucleus keeps the settings (its NUCON function changes them).
 * Returns 0; 24 DMSSET061E NO FUNCTION SPECIFIED, DMSSET070E NO OPERAND
 * SPECIFIED / INVALID PARAMETER 'x'.
 */
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "SET"

int set_main(int argc, char **argv)
{
    if (argc < 2) {
        util_msg(MOD, "061E", "NO FUNCTION SPECIFIED");
        return 24;
    }
    const char *what = argv[1];
    bool onoff = !strcmp(what, "IMPCP") || !strcmp(what, "IMPEX");
    if (!onoff && strcmp(what, "RDYMSG") != 0) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", what);
        return 24;
    }
    if (argc < 3) {
        if (onoff) {
            util_msg(MOD, "070E", "NO OPERAND SPECIFIED");
            return 24;
        }
        util_msg(MOD, "070E", "INVALID PARAMETER ''");
        return 24;
    }
    if (cms_nucon(what, argv[2], NULL) != 0) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", argv[2]);
        return 24;
    }
    return 0;
}
