/*
 * query.c - QUERY (R6's DMSQRY, a transient command; reference vm370.md
 * 5.5): CMS's settings and disks.
 *
 *   Query DISK [*|mode|R/W|MAX] | SEARCH | IMPCP | IMPEX | RDYMSG |
 *         CMSLEVEL | SVC
 *
 * DISK: a header and one line per disk (label, cuu, mode or mode/parent,
 * R/O or R/W, cylinders, device type, files, blocks used (%), left,
 * total); R/W or MAX: the read/write disks. SEARCH: the search order.
 * SVC (ours): how often programs called each nucleus function. Anything
 * else goes to CP when IMPCP is on (QUERY TIME...), else DMSQRY070E.
 * Returns 0; 24 DMSQRY061E NO FUNCTION SPECIFIED, DMSQRY070E, DMSQRY048E
 * INVALID MODE; 36 DMSQRY069E DISK 'm' NOT ACCESSED.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "QRY"

static void mode_text(const struct cms_disk *d, char out[4])
{
    out[0] = d->mode;
    out[1] = d->parent ? '/' : 0;
    out[2] = d->parent;
    out[3] = 0;
}

static int query_disk(int argc, char **argv)
{
    char mode = 0; /* one disk, or every one */
    bool rw_only = false;
    if (argc >= 3) {
        const char *s = argv[2];
        if (!strcmp(s, "R/W") || !strcmp(s, "MAX"))
            rw_only = true;
        else if (strcmp(s, "*") != 0) {
            if (strlen(s) != 1 || s[0] < 'A' || s[0] > 'Z') {
                util_msg(MOD, "048E", "INVALID MODE '%s'", s);
                return 24;
            }
            mode = s[0];
        }
    }
    struct cms_disk d;
    if (mode && cms_diskinfo(mode, 0, &d) != 0) {
        util_msg(MOD, "069E", "DISK '%c' NOT ACCESSED", mode);
        return 36;
    }
    util_type("LABEL  CUU M  STAT  CYL TYPE NO.FILES BLKS USED-(%%) BLKS LEFT  BLK TOTAL");
    for (char m = 'A'; m <= 'Z'; m++) {
        if ((mode && m != mode) || cms_diskinfo(m, 0, &d) != 0 || (rw_only && d.readonly))
            continue;
        char mt[4];
        mode_text(&d, mt);
        util_type("%-6s %03X %-3s %s %4u %04X %5u %6u-%02u %6u %6u", d.label, d.vaddr, mt,
                  d.readonly ? "R/O" : "R/W", (unsigned)d.cylinders, d.type, (unsigned)d.files,
                  (unsigned)d.used, d.total ? (unsigned)(d.used * 100 / d.total) : 0,
                  (unsigned)d.left, (unsigned)d.total);
    }
    return 0;
}

static void query_search(void)
{
    struct cms_disk d;
    for (char m = 'A'; m <= 'Z'; m++)
        if (cms_diskinfo(m, 0, &d) == 0) {
            char mt[4];
            mode_text(&d, mt);
            util_type("%-6s %03X %-3s %s", d.label, d.vaddr, mt, d.readonly ? "R/O" : "R/W");
        }
}

/* The command line as typed, from argv (for CP). */
static void join(char *out, size_t size, int argc, char **argv)
{
    size_t n = 0;
    out[0] = 0;
    for (int i = 0; i < argc && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s%s", i ? " " : "", argv[i]);
}

int query_main(int argc, char **argv)
{
    if (argc < 2) {
        util_msg(MOD, "061E", "NO FUNCTION SPECIFIED");
        return 24;
    }
    const char *s = argv[1];
    unsigned flags = 0;
    cms_nucon(NULL, NULL, &flags);
    if (!strcmp(s, "DISK"))
        return query_disk(argc, argv);
    if (!strcmp(s, "SEARCH"))
        query_search();
    else if (!strcmp(s, "IMPCP"))
        util_type("IMPCP = %s", flags & CMS_IMPCP ? "ON" : "OFF");
    else if (!strcmp(s, "IMPEX"))
        util_type("IMPEX = %s", flags & CMS_IMPEX ? "ON" : "OFF");
    else if (!strcmp(s, "RDYMSG"))
        util_type("RDYMSG = %s", flags & CMS_SMSG ? "SMSG" : "LMSG");
    else if (!strcmp(s, "SVC"))
        cms_query_svc();
    else if (!strcmp(s, "CMSLEVEL"))
        util_type("CMS LEVEL 6.0");
    else if (flags & CMS_IMPCP) { /* anything else is CP's */
        char line[160];
        join(line, sizeof(line), argc, argv);
        return cp_command(line, NULL, 0);
    } else {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", s);
        return 24;
    }
    return 0;
}
