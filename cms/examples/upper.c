/*
 * upper.c - UPPER MODULE: an upper-cased copy of a CMS file.
 *
 *   UPPER fn ft [fm [outfn [outft [outfm]]]]
 *
 * reads fn ft fm (default: the first one in the search order) and writes
 * outfn outft outfm (default fn UPPER A1) with the same record format and
 * length, every lower-case letter made upper case, then says how many
 * records it copied. Return codes as CMS commands: 24 bad operands, 28
 * the file is not there, 36 the output disk is read-only or missing.
 * Shows stdio over CMS files (fopen's IBM-style "w,recfm=F,lrecl=80")
 * and cmsapi.h's fsstate.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cmsapi.h"

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 7) {
        printf("USAGE: UPPER FN FT [FM [OUTFN [OUTFT [OUTFM]]]]\n");
        return 24;
    }
    const char *fm = argc > 3 ? argv[3] : "*";
    struct cms_fst st;
    int rc = fsstate(argv[1], argv[2], fm, &st);
    if (rc) {
        printf("DMSUPP002E FILE '%s %s %s' NOT FOUND\n", argv[1], argv[2], fm);
        return rc;
    }
    char in[24], out[24], mode[40];
    snprintf(in, sizeof(in), "%s %s %s", st.fn, st.ft, st.fm);
    snprintf(out, sizeof(out), "%s %s %s", argc > 4 ? argv[4] : st.fn, argc > 5 ? argv[5] : "UPPER",
             argc > 6 ? argv[6] : "A1");
    /* the output keeps the record format: F records stay LRECL long */
    if (st.recfm == 'F')
        snprintf(mode, sizeof(mode), "w,recfm=F,lrecl=%u", (unsigned)st.lrecl);
    else
        snprintf(mode, sizeof(mode), "w,recfm=V");
    FILE *r = fopen(in, "r");
    if (!r) {
        printf("DMSUPP104S CANNOT READ '%s': %s\n", in, strerror(errno));
        return 100;
    }
    FILE *w = fopen(out, mode);
    if (!w) {
        fclose(r);
        printf("DMSUPP104S CANNOT WRITE '%s': %s\n", out, strerror(errno));
        return 36;
    }
    char line[1024];
    unsigned records = 0;
    while (fgets(line, sizeof(line), r)) {
        for (char *p = line; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        fputs(line, w);
        records++;
    }
    bool bad = ferror(r) || ferror(w);
    fclose(r);
    if (fclose(w) != 0 || bad) {
        printf("DMSUPP105S ERROR WRITING '%s': %s\n", out, strerror(errno));
        return errno == EACCES ? 36 : errno == ENOSPC ? 13 : 100;
    }
    printf("%u RECORD%s COPIED FROM %s TO %s\n", records, records == 1 ? "" : "S", in, out);
    return 0;
}
