/*
 * access.c - ACCESS (R6's DMSACC, a transient command; reference
 * vm370.md 5.5): a minidisk made one of the accessed disks.
 *
 *   ACcess [cuu [mode[/ext [fn [ft [fm]]]]]] [( ERASE NODISK NOPROF )]
 *
 * Default 191 A. mode/ext makes the disk a read-only extension of the
 * disk at ext. fn ft fm (patterns as LISTFILE's; fm a mode number or *,
 * which is every number but 0) show only those files, read-only. ERASE
 * erases every file of a read/write disk. NODISK and NOPROF mean
 * something only in the first command after IPL (the nucleus looks at
 * that line itself); here they are accepted and ignored.
 *
 * Responses: DMSACC723I mode (cuu) R/O; DMSACC724I cuu REPLACES mode
 * (cuu2) when another disk was at that mode; DMSACC726I cuu mode RELEASED
 * when the disk was accessed at another mode before. Errors: DMSACC050E
 * INVALID DEVICE ADDRESS, DMSACC048E INVALID MODE, DMSACC003E INVALID
 * OPTION (24); DMSACC113S mode(cuu) NOT ATTACHED, NOT ACCESSED; NOT A CMS
 * DISK, or ITS DIRECTORY IS DAMAGED, DMSACC112S DEVICE ERROR (100).
 * The nucleus's DISKINFO, DISKACC and DISKREL do the work.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "ACC"

enum { O_ERASE, O_NODISK, O_NOPROF, NOPT };
static const struct util_opt opts[NOPT] = {
    {"ERASE", 2, UTIL_ARG_NONE}, {"NODISK", 6, UTIL_ARG_NONE}, {"NOPROF", 6, UTIL_ARG_NONE}};

static int bad_mode(const char *s)
{
    util_msg(MOD, "048E", "INVALID MODE '%s'", s);
    return 24;
}

/* "m" or "m/p" */
static bool mode_arg(const char *s, char *mode, char *parent)
{
    bool letter0 = s[0] >= 'A' && s[0] <= 'Z';
    *mode = s[0];
    *parent = 0;
    if (!letter0)
        return false;
    if (!s[1])
        return true;
    if (s[1] != '/' || !(s[2] >= 'A' && s[2] <= 'Z') || s[3] || s[2] == s[0])
        return false;
    *parent = s[2];
    return true;
}

/* The file filter: fn [ft [fm]], fm a number or "*" (perhaps after the
 * mode letter). */
static int filter_args(char **argv, int first, int paren, char mode, struct util_fid *f, char *num)
{
    snprintf(f->fn, sizeof(f->fn), "%s", argv[first]);
    snprintf(f->ft, sizeof(f->ft), "%s", first + 1 < paren ? argv[first + 1] : "*");
    snprintf(f->fm, sizeof(f->fm), "%c", mode);
    const char *fm = first + 2 < paren ? argv[first + 2] : "*";
    if (first + 3 < paren) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", argv[first + 3]);
        return 24;
    }
    int rc = util_fid_check(MOD, f, UTIL_STAR);
    if (rc)
        return rc;
    if (strlen(fm) == 2 && fm[0] == mode)
        fm++;
    if (strlen(fm) != 1 || !(*fm == '*' || (*fm >= '0' && *fm <= '6')))
        return bad_mode(fm);
    *num = *fm;
    return 0;
}

int access_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    struct util_optval ov[NOPT];
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, ov);
    if (rc)
        return rc;
    unsigned vaddr = 0x191;
    char mode = 'A', parent = 0, num = 0;
    if (paren > 1 && !util_vaddr(argv[1], &vaddr)) {
        util_msg(MOD, "050E", "INVALID DEVICE ADDRESS '%s'", argv[1]);
        return 24;
    }
    if (paren > 2 && !mode_arg(argv[2], &mode, &parent))
        return bad_mode(argv[2]);
    struct util_fid filter;
    if (paren > 3 && (rc = filter_args(argv, 3, paren, mode, &filter, &num)) != 0)
        return rc;
    struct cms_disk same, prev;
    bool had_same = cms_diskinfo(0, vaddr, &same) == 0;
    bool had_prev = cms_diskinfo(mode, 0, &prev) == 0;
    rc = paren > 3 ? cms_access(vaddr, mode, parent, filter.fn, filter.ft, num)
                   : cms_access(vaddr, mode, parent, NULL, NULL, 0);
    switch (rc) {
    case 0: break;
    case 1: util_msg(MOD, "113S", "%c(%03X) NOT ATTACHED", mode, vaddr); return 100;
    case 3: util_msg(MOD, "113S", "%c(%03X) NOT ACCESSED; NOT A CMS DISK", mode, vaddr); return 100;
    case 5:
        util_msg(MOD, "113S", "%c(%03X) NOT ACCESSED; ITS DIRECTORY IS DAMAGED", mode, vaddr);
        return 100;
    default: util_msg(MOD, "112S", "DISK '%c(%03X)' DEVICE ERROR", mode, vaddr); return 100;
    }
    if (had_same && same.mode != mode) {
        cms_release(same.mode);
        util_msg(MOD, "726I", "%03X %c RELEASED", vaddr, same.mode);
    }
    if (had_prev && prev.vaddr != vaddr)
        util_msg(MOD, "724I", "%03X REPLACES %c (%03X)", vaddr, mode, prev.vaddr);
    struct cms_disk now;
    if (cms_diskinfo(mode, 0, &now) != 0)
        return 100;
    if (ov[O_ERASE].set && !now.readonly) {
        char fm[3] = {mode, '*', 0};
        rc = fserase("*", "*", fm);
        if (rc != 0 && rc != 28) {
            util_msg(MOD, "105S", "ERROR '%d' ERASING FILES ON DISK '%c'", rc, mode);
            return 100;
        }
    }
    if (now.readonly)
        util_msg(MOD, "723I", "%c (%03X) R/O", mode, vaddr);
    return 0;
}
