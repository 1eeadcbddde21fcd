/*
 * rename.c - RENAME (R6's DMSRNM, a transient command; reference
 * vm370.md 5.5): a file gets a new name, type or mode number on its disk.
 *
 *   Rename fn1 ft1 fm1 fn2 ft2 fm2 [( TYPE|NOTYPE UPDIRT|NOUPDIRT )]
 *
 * Both ids are complete; "=" in the new one keeps that field. fm2 has
 * fm1's letter (a file cannot move between disks). TYPE types the new
 * id. UPDIRT/NOUPDIRT are accepted: the directory is always written.
 *
 * Returns 0; 24 DMSRNM054E INCOMPLETE FILEID SPECIFIED, DMSRNM048E
 * INVALID MODE, DMSRNM003E INVALID OPTION; 20 DMSRNM062E invalid
 * character; 28 DMSRNM002E FILE NOT FOUND (not typed under &CONTROL
 * NOMSG), DMSRNM024E FILE ALREADY EXISTS; 36 not accessed, read-only;
 * 100 a disk error.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "RNM"

enum { O_TYPE, O_NOTYPE, O_UPDIRT, O_NOUPDIRT, NOPT };
static const struct util_opt opts[NOPT] = {{"TYPE", 1, UTIL_ARG_NONE},
                                           {"NOTYPE", 3, UTIL_ARG_NONE},
                                           {"UPDIRT", 6, UTIL_ARG_NONE},
                                           {"NOUPDIRT", 8, UTIL_ARG_NONE}};

int rename_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    if (paren != 7) {
        util_msg(MOD, "054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    struct util_optval ov[NOPT];
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, ov);
    if (rc)
        return rc;
    struct util_fid a, b;
    util_fid_take(&a, argv, 1);
    util_fid_take(&b, argv, 4);
    if ((rc = util_fid_check(MOD, &a, 0)) != 0)
        return rc;
    struct cms_fst fst;
    rc = fsstate(a.fn, a.ft, a.fm, &fst);
    if (rc == 36) {
        util_msg(MOD, "069E", "DISK '%c' NOT ACCESSED", a.fm[0]);
        return 36;
    }
    if (rc != 0)
        return util_nomsg() ? 28 : util_not_found(MOD, &a);
    if (fst.fm[0] != a.fm[0]) { /* found on a read-only extension */
        util_msg(MOD, "037E", "DISK '%c' IS READ/ONLY", fst.fm[0]);
        return 36;
    }
    struct util_fid n;
    util_subst(n.fn, b.fn, a.fn);
    util_subst(n.ft, b.ft, a.ft);
    util_subst(n.fm, b.fm, fst.fm);
    if ((rc = util_fid_check(MOD, &n, 0)) != 0)
        return rc;
    if (n.fm[0] != fst.fm[0]) {
        util_msg(MOD, "048E", "INVALID MODE '%s'", n.fm);
        return 24;
    }
    if (!n.fm[1]) {
        n.fm[1] = fst.fm[1];
        n.fm[2] = 0;
    }
    rc = fsrename(a.fn, a.ft, fst.fm, n.fn, n.ft, n.fm[1]);
    switch (rc) {
    case 0: break;
    case 12: util_msg(MOD, "037E", "DISK '%c' IS READ/ONLY", a.fm[0]); return 36;
    case 8: {
        char id[32];
        util_fid_text(id, sizeof(id), &n);
        util_msg(MOD, "024E", "FILE '%s' ALREADY EXISTS", id);
        return 28;
    }
    default: return util_write_error(MOD, rc, &n);
    }
    if (ov[O_TYPE].set)
        util_type("%s %s %s", n.fn, n.ft, n.fm);
    return 0;
}
