/*
 * release.c - RELEASE (R6's DMSARE, a transient command; reference
 * vm370.md 5.5): a disk leaves the search order.
 *
 *   RELease cuu|mode [( DET )]
 *
 * The disk's files are closed and its directory written if it changed;
 * its extensions lose their parent. DET also detaches the device from
 * the virtual machine (CP DETACH). Errors: DMSARE017E NO DEVICE
 * SPECIFIED, DMSARE048E INVALID MODE, DMSARE003E INVALID OPTION (24);
 * DMSARE069E DISK 'x' NOT ACCESSED (36); DMSARE070E DISK 'm' IS IN USE
 * (40: its directory could not be written).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "ARE"

enum { O_DET, NOPT };
static const struct util_opt opts[NOPT] = {{"DET", 3, UTIL_ARG_NONE}};

int release_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    if (paren < 2) {
        util_msg(MOD, "017E", "NO DEVICE SPECIFIED");
        return 24;
    }
    struct util_optval ov[NOPT];
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, ov);
    if (rc)
        return rc;
    const char *s = argv[1];
    unsigned vaddr = 0;
    struct cms_disk d;
    if (strlen(s) == 1 && s[0] >= 'A' && s[0] <= 'Z')
        rc = cms_diskinfo(s[0], 0, &d);
    else if (util_vaddr(s, &vaddr))
        rc = cms_diskinfo(0, vaddr, &d);
    else {
        util_msg(MOD, "048E", "INVALID MODE '%s'", s);
        return 24;
    }
    if (rc) {
        util_msg(MOD, "069E", "DISK '%s' NOT ACCESSED", s);
        return 36;
    }
    if (cms_release(d.mode) != 0) {
        util_msg(MOD, "070E", "DISK '%c' IS IN USE", d.mode);
        return 40;
    }
    if (ov[O_DET].set) {
        char cmd[32];
        snprintf(cmd, sizeof(cmd), "DETACH %03X", d.vaddr);
        cp_command(cmd, NULL, 0);
    }
    return 0;
}
