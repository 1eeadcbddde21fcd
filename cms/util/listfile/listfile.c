/*
 * listfile.c - LISTFILE (R6's DMSLST, a transient command; reference
 * vm370.md 5.5): the files that match, in the search order.
 *
 *   Listfile [fn [ft [fm]]] [( options )]
 *
 * fn and ft default to *, fm to A (the A-disk and its extensions); * or
 * xx* patterns, fm * for every disk. Options: HEADER; FNAME, FTYPE,
 * FMODE (the default form: fn ft fm), FORMAT (and recfm lrecl), ALLOC
 * (and records, blocks), DATE (and mm/dd/yy hh:mm); LABEL (and the
 * disk's label); EXEC writes CMS EXEC A1 instead, one record per file
 * "&1 &2 fn ft fm" (F 80), APPEND adds those records to it.
 *
 * Returns 0; 28 nothing matched (DMSLST002E FILE NOT FOUND, not typed in
 * an EXEC with &CONTROL NOMSG); 36 disk not accessed; 20/24 bad id or
 * options; and the write errors for EXEC.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "LST"

enum {
    O_HEADER,
    O_FNAME,
    O_FTYPE,
    O_FMODE,
    O_FORMAT,
    O_ALLOC,
    O_DATE,
    O_LABEL,
    O_EXEC,
    O_APPEND,
    NOPT
};
static const struct util_opt opts[NOPT] = {
    {"HEADER", 1, UTIL_ARG_NONE}, {"FNAME", 2, UTIL_ARG_NONE},  {"FTYPE", 2, UTIL_ARG_NONE},
    {"FMODE", 2, UTIL_ARG_NONE},  {"FORMAT", 1, UTIL_ARG_NONE}, {"ALLOC", 1, UTIL_ARG_NONE},
    {"DATE", 1, UTIL_ARG_NONE},   {"LABEL", 1, UTIL_ARG_NONE},  {"EXEC", 1, UTIL_ARG_NONE},
    {"APPEND", 2, UTIL_ARG_NONE}};

enum { LF_NAMES, LF_FORMAT, LF_ALLOC, LF_DATE };

#define EXEC_LRECL 80

/* One line of the listing. */
static void list_line(char *l, size_t size, const struct cms_fst *f, int form, bool label)
{
    int n = snprintf(l, size, "%-8s %-8s %s", f->fn, f->ft, f->fm);
    if (form >= LF_FORMAT)
        n += snprintf(l + n, size - (size_t)n, " %c %5u", f->recfm, (unsigned)f->lrecl);
    if (form >= LF_ALLOC)
        n += snprintf(l + n, size - (size_t)n, " %10u %6u", (unsigned)f->records,
                      (unsigned)f->blocks + 1);
    if (form >= LF_DATE)
        n += snprintf(l + n, size - (size_t)n, " %2u/%02u/%02u %2u:%02u", f->month, f->day, f->year,
                      f->hour, f->minute);
    if (label) {
        struct cms_disk d;
        if (cms_diskinfo(f->fm[0], 0, &d) != 0)
            d.label[0] = 0;
        snprintf(l + n, size - (size_t)n, " %s", d.label);
    }
}

/* The EXEC option: the records are gathered first, so the listing does
 * not see the file it makes; then written to CMS EXEC A1 (through a work
 * file unless APPEND). */
static int list_exec(const struct util_fid *f, bool append)
{
    uint32_t cursor = 0, n = 0;
    struct cms_fst fst;
    while (fslist(f->fn, f->ft, f->fm, &cursor, &fst) == 0)
        n++;
    if (n == 0)
        return 28;
    size_t size = (size_t)n * EXEC_LRECL;
    uint8_t *recs = util_alloc(MOD, size);
    if (!recs)
        return UTIL_NOSTORAGE;
    uint32_t k = 0;
    cursor = 0;
    while (k < n && fslist(f->fn, f->ft, f->fm, &cursor, &fst) == 0) {
        char l[EXEC_LRECL + 1];
        snprintf(l, sizeof(l), "&1 &2 %-8s %-8s %s", fst.fn, fst.ft, fst.fm);
        uint8_t *r = recs + (size_t)k++ * EXEC_LRECL;
        for (size_t i = 0; i < EXEC_LRECL; i++)
            r[i] = util_a2e(i < strlen(l) ? l[i] : ' ');
    }
    struct util_fid out = {"CMS", "EXEC", "A1"};
    int rc = 0;
    if (append) {
        for (uint32_t i = 0; i < k && rc == 0; i++)
            rc = fswrite(out.fn, out.ft, out.fm, 0, 'F', recs + (size_t)i * EXEC_LRECL, EXEC_LRECL);
        int c = fsclose(out.fn, out.ft, out.fm);
        rc = rc ? rc : c;
        if (rc)
            rc = util_write_error(MOD, rc, &out);
    } else {
        struct cms_fst old;
        bool exists = fsstate(out.fn, out.ft, out.fm, &old) == 0;
        struct util_work w;
        util_work_start(&w, MOD, "LISTFILE", "CMSUT1", &out, 'F');
        for (uint32_t i = 0; i < k && rc == 0; i++)
            rc = util_work_write(&w, recs + (size_t)i * EXEC_LRECL, EXEC_LRECL);
        if (rc == 0)
            rc = util_work_commit(&w, exists);
    }
    util_free(recs, size);
    return rc;
}

int listfile_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    struct util_optval ov[NOPT];
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, ov);
    if (rc)
        return rc;
    if (paren > 4) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", argv[4]);
        return 24;
    }
    struct util_fid f = {"*", "*", "A"};
    if (paren > 1)
        snprintf(f.fn, sizeof(f.fn), "%s", argv[1]);
    if (paren > 2)
        snprintf(f.ft, sizeof(f.ft), "%s", argv[2]);
    if (paren > 3)
        snprintf(f.fm, sizeof(f.fm), "%s", argv[3]);
    bool anydisk = f.fm[0] == '*';
    if (anydisk)
        f.fm[0] = 'A'; /* for the check: "*" is a valid mode here */
    if ((rc = util_fid_check(MOD, &f, UTIL_STAR)) != 0)
        return rc;
    if (anydisk)
        f.fm[0] = '*';
    struct cms_disk d;
    if (!anydisk && cms_diskinfo(f.fm[0], 0, &d) != 0) {
        util_msg(MOD, "069E", "DISK '%c' NOT ACCESSED", f.fm[0]);
        return 36;
    }
    int form = ov[O_DATE].set     ? LF_DATE
               : ov[O_ALLOC].set  ? LF_ALLOC
               : ov[O_FORMAT].set ? LF_FORMAT
                                  : LF_NAMES;
    if (ov[O_EXEC].set || ov[O_APPEND].set)
        rc = list_exec(&f, ov[O_APPEND].set);
    else {
        uint32_t cursor = 0, found = 0;
        struct cms_fst fst;
        while (fslist(f.fn, f.ft, f.fm, &cursor, &fst) == 0) {
            if (found++ == 0 && ov[O_HEADER].set) {
                static const char *const head[] = {
                    "FILENAME FILETYPE FM",
                    "FILENAME FILETYPE FM FORMAT",
                    "FILENAME FILETYPE FM FORMAT       RECS BLOCKS",
                    "FILENAME FILETYPE FM FORMAT       RECS BLOCKS   DATE     TIME",
                };
                util_type("%s%s", head[form], ov[O_LABEL].set ? " LABEL" : "");
            }
            char l[120];
            list_line(l, sizeof(l), &fst, form, ov[O_LABEL].set);
            util_type("%s", l);
        }
        rc = found ? 0 : 28;
    }
    if (rc == 28 && !util_nomsg())
        util_msg(MOD, "002E", "FILE NOT FOUND");
    return rc;
}
