/*
 * format.c - FORMAT (R6's DMSFOR, a user-area command; reference
 * vm370.md 5.5): a minidisk prepared for CMS files.
 *
 *   FORMAT cuu mode [cyl] [( Label | Recomp )]
 *
 * Without options: asks DMSFOR603R whether to erase everything (YES goes
 * on) and DMSFOR605R for a label, formats every track into 800-byte
 * records, writes an empty file system on the first cyl cylinders (all
 * by default) and accesses it as mode. LABEL only writes a new label;
 * RECOMP changes the number of cylinders the file system uses and keeps
 * the files. The nucleus's DISKFMT does the channel programs (only the
 * nucleus takes I/O interruptions); the disk is released while it works.
 *
 * Returns 0 (also after NO: DMSFOR705I DISK REMAINS UNCHANGED); 24
 * DMSFOR017E NO DEVICE SPECIFIED, 050E INVALID DEVICE ADDRESS, 048E
 * INVALID MODE, 070E INVALID PARAMETER, 003E INVALID OPTION; 36
 * DMSFOR037E READ/ONLY, 069E ACCESSED AS ANOTHER MODE, DMSFOR217E (ours:
 * RECOMP below the files); 100 DMSFOR113S NOT ATTACHED, 069E NOT A CMS
 * DISK, 125S PERMANENT UNIT CHECK; 104 storage.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "FOR"

enum { O_LABEL, O_RECOMP, NOPT };
static const struct util_opt opts[NOPT] = {{"LABEL", 1, UTIL_ARG_NONE},
                                           {"RECOMP", 1, UTIL_ARG_NONE}};

static bool answer_yes(void)
{
    char a[132];
    rdterm(a, sizeof(a), true);
    return !strcmp(a, "YES");
}

int format_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    if (paren < 3) {
        util_msg(MOD, "017E", "NO DEVICE SPECIFIED");
        return 24;
    }
    unsigned vaddr = 0;
    if (!util_vaddr(argv[1], &vaddr)) {
        util_msg(MOD, "050E", "INVALID DEVICE ADDRESS '%s'", argv[1]);
        return 24;
    }
    const char *m = argv[2];
    if (strlen(m) != 1 || m[0] < 'A' || m[0] > 'Z' || m[0] == 'S') {
        util_msg(MOD, "048E", "INVALID MODE '%s'", m);
        return 24;
    }
    char mode = m[0];
    uint32_t want = 0;
    if (paren > 3 && (paren > 4 || !util_number(argv[3], &want))) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", argv[paren > 4 ? 4 : 3]);
        return 24;
    }
    struct util_optval ov[NOPT];
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, ov);
    if (rc)
        return rc;
    bool label_only = ov[O_LABEL].set, recomp = ov[O_RECOMP].set;
    struct cms_disk g;
    rc = cms_diskfmt(vaddr, 'G', 0, NULL, &g);
    if (rc) {
        util_msg(MOD, "113S", "%c(%03X) NOT ATTACHED", mode, vaddr);
        return 100;
    }
    if (!g.link_rw) {
        util_msg(MOD, "037E", "DISK '%c(%03X)' IS READ/ONLY", mode, vaddr);
        return 36;
    }
    if (want == 0 || want > g.cylinders)
        want = g.cylinders;
    struct cms_disk cur;
    bool accessed = cms_diskinfo(0, vaddr, &cur) == 0;
    if (accessed && cur.mode != mode) {
        util_msg(MOD, "069E", "DISK '%03X' IS ACCESSED AS '%c'", vaddr, cur.mode);
        return 36;
    }
    char label[132] = "";
    if (!label_only && !recomp) {
        util_msg(MOD, "603R",
                 "FORMAT WILL ERASE ALL FILES ON DISK '%c(%03X)'. DO YOU WISH TO CONTINUE? "
                 "(YES|NO):",
                 mode, vaddr);
        if (!answer_yes()) {
            util_msg(MOD, "705I", "DISK REMAINS UNCHANGED");
            return 0;
        }
    }
    if (!recomp) {
        util_msg(MOD, "605R", "ENTER DISK LABEL:");
        rdterm(label, sizeof(label), true);
    }
    if (accessed)
        cms_release(cur.mode);
    if (!label_only && !recomp)
        util_msg(MOD, "733I", "FORMATTING DISK '%c'", mode);
    rc = cms_diskfmt(vaddr, label_only ? 'L' : recomp ? 'R' : 'F', want, label, NULL);
    switch (rc) {
    case 0: break;
    case 8:
        util_msg(MOD, "217E", "FILES ON DISK '%c(%03X)' USE MORE THAN %u CYLINDERS", mode, vaddr,
                 (unsigned)want);
        cms_access(vaddr, mode, 0, NULL, NULL, 0);
        return 36;
    case 9: util_msg(MOD, "069E", "DISK '%c(%03X)' IS NOT A CMS DISK", mode, vaddr); return 100;
    case 104: util_msg(MOD, "109S", "VIRTUAL STORAGE CAPACITY EXCEEDED"); return 104;
    default:
        util_msg(MOD, "125S", "PERMANENT UNIT CHECK ON DISK '%c(%03X)'", mode, vaddr);
        return 100;
    }
    if (!label_only)
        util_msg(MOD, "732I", "'%u' CYLINDERS FORMATTED ON DISK '%c(%03X)'", (unsigned)want, mode,
                 vaddr);
    if (cms_access(vaddr, mode, 0, NULL, NULL, 0) != 0) {
        util_msg(MOD, "113S", "%c(%03X) NOT ACCESSED", mode, vaddr);
        return 100;
    }
    return 0;
}
