/*
 * test_cmsutil.c - COPYFILE, SORT and COMPARE (cms/util/) as CMS would
 * run them, over the host's cmsapi.h (cmsapi_host.c): real minidisks in
 * storage at A (R/W), B (R/W, 40 blocks) and S (R/O), a scripted console.
 *
 * Each row of the tables is a command: the files on the disks at the
 * start (a common set plus the row's own), the console lines it will
 * read, the command line, and what must come of it: the return code, the
 * exact transcript of the console, files read back record by record, and
 * files that must not be there. After every row the disks must reopen
 * with their directories whole, with no file left open, no storage held
 * and no work file left. Then: a full disk and a read-only disk leaving
 * the old output as it was, and storage running out at every DMSFREE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cms/lib/cmsapi.h"
#include "cms/util/common/commands.h"
#include "cms/util/compare/compare.h"
#include "cms/util/type/type.h"
#include "cms/util/copyfile/copyfile.h"
#include "cms/util/sort/sort.h"
#include "tests/unit/cmsapi_host.h"
#include "unit.h"

#define MAXREC 12

struct tfile {
    const char *id; /* NULL ends a list */
    char recfm;
    unsigned lrecl; /* F; 0 in a check: any */
    const char *rec[MAXREC];
};

struct tcase {
    const char *name;
    int (*prog)(int, char **);
    const char *cmd;
    int rc;
    const char *out;
    struct tfile after[4]; /* these files, exactly */
    const char *gone[3];   /* and not these */
    const char *input[3];  /* console lines */
    struct tfile before[3];
};

/* On every disk at the start of every row. */
static const struct tfile common[] = {
    {"ALPHA TEST A1", 'F', 80, {"ALPHA 1", "ALPHA 2"}},
    {"BETA TEST A1", 'F', 80, {"BETA 1"}},
    {"GAMMA DATA A1", 'V', 0, {"one", "two two", "three three three"}},
    {"MIXED CASE A1", 'V', 0, {"Hello World", "abc XYZ 123"}},
    {"FIVE RECS A2", 'F', 10, {"AAA 1", "BBB 2", "START 3", "CCC 4", "END 5"}},
    {"PROFILE EXEC S2", 'V', 0, {"&CONTROL OFF", "ACCESS 192 C"}},
    {NULL, 0, 0, {NULL}},
};

static unsigned nrec(const struct tfile *f)
{
    unsigned n = 0;
    while (n < MAXREC && f->rec[n])
        n++;
    return n;
}

static void put_all(const struct tfile *fs, size_t max)
{
    for (size_t i = 0; i < max && fs[i].id; i++)
        host_put(fs[i].id, fs[i].recfm, fs[i].lrecl, fs[i].rec, nrec(&fs[i]));
}

/* The file on disk is f: format, length, records (an F record shorter in
 * the table is blank padded). */
static bool file_is(const struct tfile *f, char *why, size_t size)
{
    struct host_file h;
    if (!host_get(f->id, &h)) {
        snprintf(why, size, "%s: not there", f->id);
        return false;
    }
    bool ok = true;
    unsigned n = nrec(f);
    if (h.recfm != f->recfm || (f->lrecl && h.lrecl != f->lrecl) || h.n != n) {
        snprintf(why, size, "%s: %c %u, %u records", f->id, h.recfm, h.lrecl, h.n);
        ok = false;
    }
    for (unsigned i = 0; ok && i < n; i++) {
        char want[200];
        snprintf(want, sizeof(want), "%s", f->rec[i]);
        size_t l = strlen(want);
        while (h.recfm == 'F' && l < h.lrecl && l < sizeof(want) - 1)
            want[l++] = ' ';
        want[l] = 0;
        if (strcmp(h.rec[i], want) != 0) {
            snprintf(why, size, "%s record %u: [%s]", f->id, i + 1, h.rec[i]);
            ok = false;
        }
    }
    host_file_free(&h);
    return ok;
}

static bool exists(const char *id)
{
    struct host_file h;
    bool found = host_get(id, &h);
    host_file_free(&h);
    return found;
}

static void setup(const struct tfile *extra, size_t n)
{
    host_reset();
    put_all(common, NELEM(common));
    put_all(extra, n);
}

static void clean(const char *name)
{
    char why[200] = "";
    bool ok = host_check(why, sizeof(why));
    if (!ok)
        printf("\n    %s: %s", name, why);
    CU_ASSERT_TRUE(ok);
}

static void run_rows(const struct tcase *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct tcase *c = &rows[i];
        setup(c->before, NELEM(c->before));
        for (size_t k = 0; k < NELEM(c->input) && c->input[k]; k++)
            host_input(c->input[k]);
        int rc = host_run(c->prog, c->cmd);
        bool ok = rc == c->rc && strcmp(host_output(), c->out) == 0;
        if (!ok)
            printf("\n    %s: rc %d, typed:\n%s", c->name, rc, host_output());
        CU_ASSERT_TRUE(ok);
        for (size_t k = 0; k < NELEM(c->after) && c->after[k].id; k++) {
            char why[200] = "";
            bool same = file_is(&c->after[k], why, sizeof(why));
            if (!same)
                printf("\n    %s: %s", c->name, why);
            CU_ASSERT_TRUE(same);
        }
        for (size_t k = 0; k < NELEM(c->gone) && c->gone[k]; k++) {
            bool there = exists(c->gone[k]);
            if (there)
                printf("\n    %s: %s is there", c->name, c->gone[k]);
            CU_ASSERT_FALSE(there);
        }
        clean(c->name);
    }
}

/* ---------------------------------------------------------------- COPYFILE */

static const struct tcase copy_rows[] = {
    {.name = "one file to another",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A NEW TEST A",
     .rc = 0,
     .out = "",
     .after = {{"NEW TEST A1", 'F', 80, {"ALPHA 1", "ALPHA 2"}},
               {"ALPHA TEST A1", 'F', 80, {"ALPHA 1", "ALPHA 2"}}}},
    {.name = "= keeps the input's ids",
     .prog = copyfile_main,
     .cmd = "copy alpha test a = copy b",
     .rc = 0,
     .out = "",
     .after = {{"ALPHA COPY B1", 'F', 80, {"ALPHA 1", "ALPHA 2"}}}},
    {.name = "= as prefix and suffix",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A X= =Y A",
     .rc = 0,
     .out = "",
     .after = {{"XALPHA TESTY A1", 'F', 80, {"ALPHA 1", "ALPHA 2"}}}},
    {.name = "the input's mode number",
     .prog = copyfile_main,
     .cmd = "COPYFILE FIVE RECS A = = B",
     .rc = 0,
     .out = "",
     .after = {{"FIVE RECS B2", 'F', 10, {"AAA 1", "BBB 2", "START 3", "CCC 4", "END 5"}}}},
    {.name = "from the S disk",
     .prog = copyfile_main,
     .cmd = "COPYFILE PROFILE EXEC S = = A",
     .rc = 0,
     .out = "",
     .after = {{"PROFILE EXEC A2", 'V', 12, {"&CONTROL OFF", "ACCESS 192 C"}}}},
    {.name = "an explicit mode number",
     .prog = copyfile_main,
     .cmd = "COPYFILE BETA TEST A = = B5",
     .rc = 0,
     .out = "",
     .after = {{"BETA TEST B5", 'F', 80, {"BETA 1"}}}},
    {.name = "the output exists: NEWFILE",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A BETA TEST A",
     .rc = 28,
     .out = "DMSCPY024E FILE 'BETA TEST A1' ALREADY EXISTS\n",
     .after = {{"BETA TEST A1", 'F', 80, {"BETA 1"}}}},
    {.name = "REPLACE, keeping the old mode number",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A FIVE RECS A (REP",
     .rc = 0,
     .out = "",
     .after = {{"FIVE RECS A2", 'F', 80, {"ALPHA 1", "ALPHA 2"}}}},
    {.name = "input not found",
     .prog = copyfile_main,
     .cmd = "COPYFILE NOSUCH FILE A NEW FILE A",
     .rc = 28,
     .out = "DMSCPY002E FILE 'NOSUCH FILE A' NOT FOUND\n",
     .gone = {"NEW FILE A"}},
    {.name = "pattern not found",
     .prog = copyfile_main,
     .cmd = "COPYFILE * NONE A ALL NONE A",
     .rc = 28,
     .out = "DMSCPY002E FILE '* NONE A' NOT FOUND\n"},
    {.name = "the second input not found: nothing written",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A MISSING TEST A BOTH TEST A",
     .rc = 28,
     .out = "DMSCPY002E FILE 'MISSING TEST A' NOT FOUND\n",
     .gone = {"BOTH TEST A"}},
    {.name = "two files combined",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A BETA = = BOTH TEST B",
     .rc = 0,
     .out = "",
     .after = {{"BOTH TEST B1", 'F', 80, {"ALPHA 1", "ALPHA 2", "BETA 1"}}}},
    {.name = "a pattern combined, TYPE",
     .prog = copyfile_main,
     .cmd = "COPYFILE * TEST A ALL TEST B (TYPE",
     .rc = 0,
     .out = "COPY 'ALPHA TEST A1' TO 'ALL TEST B1' (NEW FILE)\n"
            "COPY 'BETA TEST A1'\n",
     .after = {{"ALL TEST B1", 'F', 80, {"ALPHA 1", "ALPHA 2", "BETA 1"}}}},
    {.name = "x* patterns",
     .prog = copyfile_main,
     .cmd = "COPYFILE AL* TEST* A ALL TEST A (T",
     .rc = 0,
     .out = "COPY 'ALPHA TEST A1' TO 'ALL TEST A1' (NEW FILE)\n",
     .after = {{"ALL TEST A1", 'F', 80, {"ALPHA 1", "ALPHA 2"}}}},
    {.name = "a file per input",
     .prog = copyfile_main,
     .cmd = "COPYFILE * TEST A = SAVE B (TYPE",
     .rc = 0,
     .out = "COPY 'ALPHA TEST A1' TO 'ALPHA SAVE B1' (NEW FILE)\n"
            "COPY 'BETA TEST A1' TO 'BETA SAVE B1' (NEW FILE)\n",
     .after = {{"ALPHA SAVE B1", 'F', 80, {"ALPHA 1", "ALPHA 2"}},
               {"BETA SAVE B1", 'F', 80, {"BETA 1"}}}},
    {.name = "a file per input, with a second input each",
     .prog = copyfile_main,
     .cmd = "COPYFILE * TEST A = MORE A = SUMMARY B (TYPE",
     .rc = 0,
     .out = "COPY 'ALPHA TEST A1' TO 'ALPHA SUMMARY B1' (NEW FILE)\n"
            "COPY 'ALPHA MORE A1'\n"
            "COPY 'BETA TEST A1' TO 'BETA SUMMARY B1' (NEW FILE)\n"
            "COPY 'BETA MORE A1'\n",
     .after = {{"ALPHA SUMMARY B1", 'F', 80, {"ALPHA 1", "ALPHA 2", "MORE A"}},
               {"BETA SUMMARY B1", 'F', 80, {"BETA 1", "MORE B"}}},
     .before = {{"ALPHA MORE A1", 'F', 80, {"MORE A"}}, {"BETA MORE A1", 'F', 80, {"MORE B"}}}},
    {.name = "every file of a disk",
     .prog = copyfile_main,
     .cmd = "COPYFILE * * S = = B",
     .rc = 0,
     .out = "",
     .after = {{"PROFILE EXEC B2", 'V', 0, {"&CONTROL OFF", "ACCESS 192 C"}}}},
    {.name = "a file per input, one exists: nothing written",
     .prog = copyfile_main,
     .cmd = "COPYFILE * TEST A = SAVE A",
     .rc = 28,
     .out = "DMSCPY024E FILE 'BETA SAVE A1' ALREADY EXISTS\n",
     .after = {{"BETA SAVE A1", 'V', 0, {"OLD"}}},
     .gone = {"ALPHA SAVE A"},
     .before = {{"BETA SAVE A1", 'V', 0, {"OLD"}}}},
    {.name = "* in a second input of a file per input",
     .prog = copyfile_main,
     .cmd = "COPYFILE * TEST A * MORE A = SUM A",
     .rc = 20,
     .out = "DMSCPY062E INVALID CHARACTER '*' IN FILEID '* MORE A'\n"},
    {.name = "APPEND",
     .prog = copyfile_main,
     .cmd = "COPYFILE BETA TEST A ALPHA TEST A (APPEND TYPE",
     .rc = 0,
     .out = "COPY 'BETA TEST A1' APPEND 'ALPHA TEST A1' (OLD FILE)\n",
     .after = {{"ALPHA TEST A1", 'F', 80, {"ALPHA 1", "ALPHA 2", "BETA 1"}},
               {"BETA TEST A1", 'F', 80, {"BETA 1"}}}},
    {.name = "APPEND V to F: padded and truncated to the old LRECL",
     .prog = copyfile_main,
     .cmd = "COPYFILE GAMMA DATA A FIVE RECS A (AP",
     .rc = 0,
     .out = "",
     .after = {{"FIVE RECS A2",
                'F',
                10,
                {"AAA 1", "BBB 2", "START 3", "CCC 4", "END 5", "one", "two two", "three thre"}}}},
    {.name = "APPEND to itself",
     .prog = copyfile_main,
     .cmd = "COPYFILE BETA TEST A = = = (APPEND",
     .rc = 0,
     .out = "",
     .after = {{"BETA TEST A1", 'F', 80, {"BETA 1", "BETA 1"}}}},
    {.name = "APPEND to a new file",
     .prog = copyfile_main,
     .cmd = "COPYFILE BETA TEST A NEW TEST A (APPEND TYPE",
     .rc = 0,
     .out = "COPY 'BETA TEST A1' APPEND 'NEW TEST A1' (NEW FILE)\n",
     .after = {{"NEW TEST A1", 'F', 80, {"BETA 1"}}}},
    {.name = "in place: RECFM F LRECL, REPLACE implied",
     .prog = copyfile_main,
     .cmd = "COPYFILE GAMMA DATA A (RECFM F LRECL 10",
     .rc = 0,
     .out = "",
     .after = {{"GAMMA DATA A1", 'F', 10, {"one", "two two", "three thre"}}}},
    {.name = "= = = is REPLACE too",
     .prog = copyfile_main,
     .cmd = "COPYFILE MIXED CASE A = = = (UPCASE",
     .rc = 0,
     .out = "",
     .after = {{"MIXED CASE A1", 'V', 11, {"HELLO WORLD", "ABC XYZ 123"}}}},
    {.name = "V to F: the longest record, FILL c",
     .prog = copyfile_main,
     .cmd = "COPYFILE GAMMA DATA A G DATA A (RECFM F FILL *",
     .rc = 0,
     .out = "",
     .after =
         {{"G DATA A1", 'F', 17, {"one**************", "two two**********", "three three three"}}}},
    {.name = "FILL hh",
     .prog = copyfile_main,
     .cmd = "COPYFILE GAMMA DATA A G DATA A (RECFM F LRECL 5 FILL 5C",
     .rc = 0,
     .out = "",
     .after = {{"G DATA A1", 'F', 5, {"one**", "two t", "three"}}}},
    {.name = "F to V keeps the records",
     .prog = copyfile_main,
     .cmd = "COPYFILE FIVE RECS A V RECS A (RECFM V",
     .rc = 0,
     .out = "",
     .after = {{"V RECS A2",
                'V',
                10,
                {"AAA 1     ", "BBB 2     ", "START 3   ", "CCC 4     ", "END 5     "}}}},
    {.name = "F to V, TRUNC",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A V TEST A (RECFM V TRUNC",
     .rc = 0,
     .out = "",
     .after = {{"V TEST A1", 'V', 7, {"ALPHA 1", "ALPHA 2"}}}},
    {.name = "TRUNC of the FILL character",
     .prog = copyfile_main,
     .cmd = "COPYFILE STARS DATA A V DATA A (RECFM V TRUNC FILL *",
     .rc = 0,
     .out = "",
     .after = {{"V DATA A1", 'V', 3, {"AB", "*", "A*B"}}},
     .before = {{"STARS DATA A1", 'F', 6, {"AB****", "******", "A*B***"}}}},
    {.name = "LRECL with RECFM V is ignored",
     .prog = copyfile_main,
     .cmd = "COPYFILE GAMMA DATA A G DATA A (RECFM V LRECL 3",
     .rc = 0,
     .out = "",
     .after = {{"G DATA A1", 'V', 17, {"one", "two two", "three three three"}}}},
    {.name = "FROM and FOR",
     .prog = copyfile_main,
     .cmd = "COPYFILE FIVE RECS A PART RECS A (FROM 2 FOR 2",
     .rc = 0,
     .out = "",
     .after = {{"PART RECS A2", 'F', 10, {"BBB 2", "START 3"}}}},
    {.name = "FOR on each input",
     .prog = copyfile_main,
     .cmd = "COPYFILE * TEST A FIRST TEST A (FOR 1",
     .rc = 0,
     .out = "",
     .after = {{"FIRST TEST A1", 'F', 80, {"ALPHA 1", "BETA 1"}}}},
    {.name = "FROM past the end",
     .prog = copyfile_main,
     .cmd = "COPYFILE FIVE RECS A PART RECS A (FROM 6",
     .rc = 32,
     .out = "DMSCPY156E 'FROM 6' NOT FOUND - FILE 'FIVE RECS A2' HAS ONLY '5' RECORDS\n",
     .gone = {"PART RECS A"}},
    {.name = "FROM past the end of the second input: nothing written",
     .prog = copyfile_main,
     .cmd = "COPYFILE FIVE RECS A ALPHA TEST A OUT RECS A (FROM 3",
     .rc = 32,
     .out = "DMSCPY156E 'FROM 3' NOT FOUND - FILE 'ALPHA TEST A1' HAS ONLY '2' RECORDS\n",
     .gone = {"OUT RECS A"}},
    {.name = "a file per input: the second fails, the first is made",
     .prog = copyfile_main,
     .cmd = "COPYFILE * TEST A = PART A (FRLABEL ALPHA TYPE",
     .rc = 32,
     .out = "COPY 'ALPHA TEST A1' TO 'ALPHA PART A1' (NEW FILE)\n"
            "COPY 'BETA TEST A1' TO 'BETA PART A1' (NEW FILE)\n"
            "DMSCPY157E LABEL 'ALPHA' NOT FOUND IN FILE 'BETA TEST A1'\n",
     .after = {{"ALPHA PART A1", 'F', 80, {"ALPHA 1", "ALPHA 2"}}},
     .gone = {"BETA PART A"}},
    {.name = "FRLABEL and TOLABEL",
     .prog = copyfile_main,
     .cmd = "COPYFILE FIVE RECS A PART RECS A (FRLABEL START TOLABEL END",
     .rc = 0,
     .out = "",
     .after = {{"PART RECS A2", 'F', 10, {"START 3", "CCC 4"}}}},
    {.name = "FRLABEL not found",
     .prog = copyfile_main,
     .cmd = "COPYFILE FIVE RECS A PART RECS A (FRL NOSUCH",
     .rc = 32,
     .out = "DMSCPY157E LABEL 'NOSUCH' NOT FOUND IN FILE 'FIVE RECS A2'\n",
     .gone = {"PART RECS A"}},
    {.name = "TOLABEL at the first record: nothing copied",
     .prog = copyfile_main,
     .cmd = "COPYFILE FIVE RECS A PART RECS A (TOL AAA",
     .rc = 40,
     .out = "DMSCPY173E NO RECORDS WERE COPIED TO OUTPUT FILE 'PART RECS A2'\n",
     .gone = {"PART RECS A"}},
    {.name = "UPCASE",
     .prog = copyfile_main,
     .cmd = "COPYFILE MIXED CASE A UP CASE A (UPCASE",
     .rc = 0,
     .out = "",
     .after = {{"UP CASE A1", 'V', 0, {"HELLO WORLD", "ABC XYZ 123"}}}},
    {.name = "LOWCASE",
     .prog = copyfile_main,
     .cmd = "COPYFILE MIXED CASE A LOW CASE A (LOWCASE",
     .rc = 0,
     .out = "",
     .after = {{"LOW CASE A1", 'V', 0, {"hello world", "abc xyz 123"}}}},
    {.name = "EBCDIC: 026 characters to 029",
     .prog = copyfile_main,
     .cmd = "COPYFILE OLD CARDS A NEW CARDS A (EBCDIC",
     .rc = 0,
     .out = "",
     .after = {{"NEW CARDS A1", 'F', 8, {"A+B(C=':"}}},
     .before = {{"OLD CARDS A1", 'F', 8, {"A&B%C#@'"}}}},
    {.name = "TRANS, after UPCASE",
     .prog = copyfile_main,
     .cmd = "COPYFILE MIXED CASE A T CASE A (TRANS UPCASE",
     .rc = 0,
     .out = "DMSCPY602R ENTER TRANSLATION LIST:\n",
     .after = {{"T CASE A1", 'V', 0, {"HELLO-WORLD", "xBC-XYZ-1F3"}}},
     .input = {"40 - a x ++", "2 c6"}},
    {.name = "TRANS NOPROMPT, continued",
     .prog = copyfile_main,
     .cmd = "COPYFILE MIXED CASE A T CASE A (TRANS NOPR",
     .rc = 0,
     .out = "",
     .after = {{"T CASE A1", 'V', 0, {"Hello+World", "abc+XYZ+123"}}},
     .input = {"40 ++", "+"}},
    {.name = "SPECS",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A S TEST A (SPECS RECFM V",
     .rc = 0,
     .out = "DMSCPY601R ENTER SPECIFICATION LIST:\n",
     .after = {{"S TEST A1", 'V', 0, {"* ALPHA  *** 1", "* ALPHA  *** 2"}}},
     .input = {"/*/ 1 1-5 3 /***/ 10 ++", "7-7 14"}},
    {.name = "SPECS NOPROMPT, LRECL and FILL",
     .prog = copyfile_main,
     .cmd = "COPYFILE GAMMA DATA A S DATA A (SPECS NOPROMPT LRECL 20 FILL $",
     .rc = 0,
     .out = "",
     .after = {{"S DATA A1", 'V', 20, {"$$$$$one", "$$$$$two two", "$$$$$three three thr"}}},
     .input = {"1-15 6"}},
    {.name = "SPECS with hex, into F",
     .prog = copyfile_main,
     .cmd = "COPYFILE BETA TEST A S TEST A (SPECS NOPR LR 8",
     .rc = 0,
     .out = "",
     .after = {{"S TEST A1", 'F', 8, {"1BETA(  "}}},
     .input = {"HF1 1 1-4 2 h4d 6"}},
    {.name = "OVLY",
     .prog = copyfile_main,
     .cmd = "COPYFILE BETA TEST A ALPHA TEST A (OVLY TYPE",
     .rc = 0,
     .out = "COPY 'BETA TEST A1' OVLY 'ALPHA TEST A1' (OLD FILE)\n",
     .after = {{"ALPHA TEST A1", 'F', 80, {"BETA 1", "ALPHA 2"}}}},
    {.name = "OVLY with SPECS in place",
     .prog = copyfile_main,
     .cmd = "COPYFILE GAMMA DATA A (OVLY SPECS NOPROMPT",
     .rc = 0,
     .out = "",
     .after = {{"GAMMA DATA A1", 'V', 0, {"(ne)", "(wo)two", "(hr)e three three"}}},
     .input = {"/(/ 1 2-3 2 /)/ 4"}},
    {.name = "bad specification list",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A S TEST A (SPECS NOPR",
     .rc = 24,
     .out = "DMSCPY070E INVALID PARAMETER '5-3'\n",
     .gone = {"S TEST A"},
     .input = {"5-3 1"}},
    {.name = "bad translation list",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A T TEST A (TRANS NOPR",
     .rc = 24,
     .out = "DMSCPY070E INVALID PARAMETER 'XYZ'\n",
     .gone = {"T TEST A"},
     .input = {"A XYZ"}},
    {.name = "invalid option",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (BOGUS",
     .rc = 24,
     .out = "DMSCPY003E INVALID OPTION 'BOGUS'\n"},
    {.name = "PACK is not there",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (PACK",
     .rc = 24,
     .out = "DMSCPY003E INVALID OPTION 'PACK'\n"},
    {.name = "OLDDATE is not there",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (OLDDATE",
     .rc = 24,
     .out = "DMSCPY003E INVALID OPTION 'OLDDATE'\n"},
    {.name = "conflicting options",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (APPEND REPLACE",
     .rc = 24,
     .out = "DMSCPY066E 'APPEND' AND 'REPLACE' ARE CONFLICTING OPTIONS\n"},
    {.name = "TYPE NOTYPE",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (TYPE NOT",
     .rc = 24,
     .out = "DMSCPY066E 'NOTYPE' AND 'TYPE' ARE CONFLICTING OPTIONS\n"},
    {.name = "FROM without a number",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (FROM )",
     .rc = 24,
     .out = "DMSCPY005E NO 'FROM' SPECIFIED\n"},
    {.name = "FOR not a number",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (FOR X",
     .rc = 24,
     .out = "DMSCPY029E INVALID PARAMETER 'X' IN THE OPTION 'FOR' FIELD\n"},
    {.name = "RECFM not F or V",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (RECFM U",
     .rc = 24,
     .out = "DMSCPY029E INVALID PARAMETER 'U' IN THE OPTION 'RECFM' FIELD\n"},
    {.name = "LRECL too big",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (LRECL 65536",
     .rc = 24,
     .out = "DMSCPY029E INVALID PARAMETER '65536' IN THE OPTION 'LRECL' FIELD\n"},
    {.name = "FILL not a character",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A B TEST A (FILL XYZ",
     .rc = 24,
     .out = "DMSCPY029E INVALID PARAMETER 'XYZ' IN THE OPTION 'FILL' FIELD\n"},
    {.name = "no file id",
     .prog = copyfile_main,
     .cmd = "COPYFILE",
     .rc = 24,
     .out = "DMSCPY001E NO FILENAME SPECIFIED\n"},
    {.name = "incomplete file id",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST",
     .rc = 24,
     .out = "DMSCPY054E INCOMPLETE FILEID SPECIFIED\n"},
    {.name = "incomplete output id",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A NEW TEST (TYPE",
     .rc = 24,
     .out = "DMSCPY054E INCOMPLETE FILEID SPECIFIED\n"},
    {.name = "invalid character",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A NEW.1 TEST A",
     .rc = 20,
     .out = "DMSCPY062E INVALID CHARACTER '.' IN FILEID 'NEW.1 TEST A'\n"},
    {.name = "invalid mode",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A NEW TEST 1A",
     .rc = 24,
     .out = "DMSCPY048E INVALID MODE '1A'\n"},
    {.name = "a mode of three characters",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A NEW TEST A12",
     .rc = 24,
     .out = "DMSCPY048E INVALID MODE 'A12'\n"},
    {.name = "disk not accessed",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A = = C",
     .rc = 36,
     .out = "DMSCPY069E DISK 'C' NOT ACCESSED\n"},
    {.name = "read-only disk",
     .prog = copyfile_main,
     .cmd = "COPYFILE ALPHA TEST A = = S",
     .rc = 36,
     .out = "DMSCPY037E DISK 'S' IS READ/ONLY\n",
     .gone = {"ALPHA TEST S"}},
    {.name = "read-only in place",
     .prog = copyfile_main,
     .cmd = "COPYFILE PROFILE EXEC S (UPCASE",
     .rc = 36,
     .out = "DMSCPY037E DISK 'S' IS READ/ONLY\n",
     .after = {{"PROFILE EXEC S2", 'V', 0, {"&CONTROL OFF", "ACCESS 192 C"}}}},
};

static void t_copyfile(void) { run_rows(copy_rows, NELEM(copy_rows)); }

/* ---------------------------------------------------------------- SORT */

static const struct tcase sort_rows[] = {
    {.name = "one field",
     .prog = sort_main,
     .cmd = "SORT NAMES LIST A SORTED LIST A",
     .rc = 0,
     .out = "DMSSRT604R ENTER SORT FIELDS:\n",
     .after = {{"SORTED LIST A1", 'F', 10, {"ALPHA", "BRAVO", "CHARLIE", "DELTA"}},
               {"NAMES LIST A1", 'F', 10, {"CHARLIE", "ALPHA", "DELTA", "BRAVO"}}},
     .input = {"1 10"},
     .before = {{"NAMES LIST A1", 'F', 10, {"CHARLIE", "ALPHA", "DELTA", "BRAVO"}}}},
    {.name = "two fields, stable",
     .prog = sort_main,
     .cmd = "SORT KEYS DATA A KEYS SORTED B",
     .rc = 0,
     .out = "DMSSRT604R ENTER SORT FIELDS:\n",
     .after = {{"KEYS SORTED B1", 'F', 5, {"A 1 w", "B 1 z", "A 2 y", "A 2 q", "B 2 x"}}},
     .input = {"3 3  1 1"},
     .before = {{"KEYS DATA A1", 'F', 5, {"B 2 x", "A 2 y", "B 1 z", "A 1 w", "A 2 q"}}}},
    {.name = "equal keys keep their order",
     .prog = sort_main,
     .cmd = "SORT KEYS DATA A KEYS OUT A",
     .rc = 0,
     .out = "DMSSRT604R ENTER SORT FIELDS:\n",
     .after = {{"KEYS OUT A1", 'F', 5, {"A 2 y", "A 1 w", "A 2 q", "B 2 x", "B 1 z"}}},
     .input = {"1 1"},
     .before = {{"KEYS DATA A1", 'F', 5, {"B 2 x", "A 2 y", "B 1 z", "A 1 w", "A 2 q"}}}},
    {.name = "EBCDIC order: letters before digits",
     .prog = sort_main,
     .cmd = "SORT MIX DATA A MIX OUT A",
     .rc = 0,
     .out = "DMSSRT604R ENTER SORT FIELDS:\n",
     .after = {{"MIX OUT A1", 'F', 3, {"abc", "ABC", "123"}}},
     .input = {"1 3"},
     .before = {{"MIX DATA A1", 'F', 3, {"123", "ABC", "abc"}}}},
    {.name = "the output is replaced",
     .prog = sort_main,
     .cmd = "SORT FIVE RECS A BETA TEST A",
     .rc = 0,
     .out = "DMSSRT604R ENTER SORT FIELDS:\n",
     .after = {{"BETA TEST A1", 'F', 10, {"START 3", "AAA 1", "BBB 2", "CCC 4", "END 5"}}},
     .input = {"5 5"}},
    {.name = "the input's mode number",
     .prog = sort_main,
     .cmd = "SORT FIVE RECS A FIVE SORTED B",
     .rc = 0,
     .out = "DMSSRT604R ENTER SORT FIELDS:\n",
     .after = {{"FIVE SORTED B2", 'F', 10, {"AAA 1", "BBB 2", "CCC 4", "END 5", "START 3"}}},
     .input = {"1 10"}},
    {.name = "identical file ids",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A ALPHA TEST A",
     .rc = 24,
     .out = "DMSSRT019E IDENTICAL FILEIDS\n"},
    {.name = "V input",
     .prog = sort_main,
     .cmd = "SORT GAMMA DATA A G DATA A",
     .rc = 32,
     .out = "DMSSRT034E FILE 'GAMMA DATA A1' IS NOT FIXED LENGTH\n"},
    {.name = "input not found",
     .prog = sort_main,
     .cmd = "SORT NOSUCH FILE A X FILE A",
     .rc = 28,
     .out = "DMSSRT002E FILE 'NOSUCH FILE A' NOT FOUND\n"},
    {.name = "incomplete",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A ALPHA",
     .rc = 24,
     .out = "DMSSRT054E INCOMPLETE FILEID SPECIFIED\n"},
    {.name = "no operands",
     .prog = sort_main,
     .cmd = "SORT",
     .rc = 24,
     .out = "DMSSRT001E NO FILENAME SPECIFIED\n"},
    {.name = "too many operands",
     .prog = sort_main,
     .cmd = "SORT A B A C D A E",
     .rc = 24,
     .out = "DMSSRT070E INVALID PARAMETER 'E'\n"},
    {.name = "options",
     .prog = sort_main,
     .cmd = "SORT A B A C D A (X",
     .rc = 24,
     .out = "DMSSRT003E INVALID OPTION 'X'\n"},
    {.name = "start after end",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A X TEST A",
     .rc = 24,
     .out = "DMSSRT604R ENTER SORT FIELDS:\nDMSSRT053E INVALID SORT FIELD PAIR DEFINED\n",
     .gone = {"X TEST A"},
     .input = {"5 3"}},
    {.name = "a pair not whole",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A X TEST A",
     .rc = 24,
     .out = "DMSSRT604R ENTER SORT FIELDS:\nDMSSRT053E INVALID SORT FIELD PAIR DEFINED\n",
     .gone = {"X TEST A"},
     .input = {"1 5 7"}},
    {.name = "not a number",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A X TEST A",
     .rc = 24,
     .out = "DMSSRT604R ENTER SORT FIELDS:\nDMSSRT053E INVALID SORT FIELD PAIR DEFINED\n",
     .gone = {"X TEST A"},
     .input = {"1 A"}},
    {.name = "more than 253 positions",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A X TEST A",
     .rc = 24,
     .out = "DMSSRT604R ENTER SORT FIELDS:\nDMSSRT053E INVALID SORT FIELD PAIR DEFINED\n",
     .gone = {"X TEST A"},
     .input = {"1 80 1 80 1 80 1 14"}},
    {.name = "past the record",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A X TEST A",
     .rc = 24,
     .out = "DMSSRT604R ENTER SORT FIELDS:\nDMSSRT009E COLUMN '81' EXCEEDS RECORD LENGTH\n",
     .gone = {"X TEST A"},
     .input = {"1 81"}},
    {.name = "no fields",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A X TEST A",
     .rc = 24,
     .out = "DMSSRT604R ENTER SORT FIELDS:\nDMSSRT063E NO LIST ENTERED\n",
     .gone = {"X TEST A"}},
    {.name = "read-only output",
     .prog = sort_main,
     .cmd = "SORT ALPHA TEST A X TEST S",
     .rc = 36,
     .out = "DMSSRT604R ENTER SORT FIELDS:\nDMSSRT037E DISK 'S' IS READ/ONLY\n",
     .gone = {"X TEST S"},
     .input = {"1 1"}},
};

static void t_sort(void) { run_rows(sort_rows, NELEM(sort_rows)); }

/* ---------------------------------------------------------------- COMPARE */

static const struct tcase compare_rows[] = {
    {.name = "equal",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A ALPHA COPY B",
     .rc = 0,
     .out = "DMSCMP179I COMPARING ALPHA TEST A1 WITH ALPHA COPY B1\n",
     .before = {{"ALPHA COPY B1", 'F', 80, {"ALPHA 1", "ALPHA 2"}}}},
    {.name = "= and the search order",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST * = COPY =",
     .rc = 0,
     .out = "DMSCMP179I COMPARING ALPHA TEST A1 WITH ALPHA COPY B1\n",
     .before = {{"ALPHA COPY B1", 'F', 80, {"ALPHA 1", "ALPHA 2"}}}},
    {.name = "different",
     .prog = compare_main,
     .cmd = "COMPARE FIVE RECS A = = B",
     .rc = 4,
     .out = "DMSCMP179I COMPARING FIVE RECS A2 WITH FIVE RECS B1\n"
            "BBB 2     \nBBB 3     \n\n"
            "END 5     \nEND       \n\n"
            "DMSCMP209W FILES DO NOT COMPARE\n",
     .before = {{"FIVE RECS B1", 'F', 10, {"AAA 1", "BBB 3", "START 3", "CCC 4", "END"}}}},
    {.name = "COL: the difference outside",
     .prog = compare_main,
     .cmd = "COMPARE FIVE RECS A = = B (COL 1-4",
     .rc = 0,
     .out = "DMSCMP179I COMPARING FIVE RECS A2 WITH FIVE RECS B1\n",
     .before = {{"FIVE RECS B1", 'F', 10, {"AAA 1", "BBB 3", "START 3", "CCC 4", "END"}}}},
    {.name = "COL to the end",
     .prog = compare_main,
     .cmd = "COMPARE FIVE RECS A = = B (COL 5-)",
     .rc = 4,
     .out = "DMSCMP179I COMPARING FIVE RECS A2 WITH FIVE RECS B1\n"
            "BBB 2     \nBBB 3     \n\n"
            "END 5     \nEND       \n\n"
            "DMSCMP209W FILES DO NOT COMPARE\n",
     .before = {{"FIVE RECS B1", 'F', 10, {"AAA 1", "BBB 3", "START 3", "CCC 4", "END"}}}},
    {.name = "V records of other lengths differ",
     .prog = compare_main,
     .cmd = "COMPARE GAMMA DATA A = = B",
     .rc = 4,
     .out = "DMSCMP179I COMPARING GAMMA DATA A1 WITH GAMMA DATA B1\n"
            "two two\ntwo two \n\n"
            "DMSCMP209W FILES DO NOT COMPARE\n",
     .before = {{"GAMMA DATA B1", 'V', 0, {"one", "two two ", "three three three"}}}},
    {.name = "COL past a short record",
     .prog = compare_main,
     .cmd = "COMPARE GAMMA DATA A = = B (COL 9-20",
     .rc = 0,
     .out = "DMSCMP179I COMPARING GAMMA DATA A1 WITH GAMMA DATA B1\n",
     .before = {{"GAMMA DATA B1", 'V', 0, {"ONE", "TWO TWO", "three three three"}}}},
    {.name = "one file shorter",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A SHORT TEST A",
     .rc = 40,
     .out = "DMSCMP179I COMPARING ALPHA TEST A1 WITH SHORT TEST A1\n"
            "DMSCMP010E PREMATURE EOF ON FILE 'SHORT TEST A1'\n",
     .before = {{"SHORT TEST A1", 'F', 80, {"ALPHA 1"}}}},
    {.name = "= = =",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A = = =",
     .rc = 24,
     .out = "DMSCMP019E IDENTICAL FILEIDS\n"},
    {.name = "not found",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A = = B",
     .rc = 28,
     .out = "DMSCMP002E FILE 'ALPHA TEST B' NOT FOUND\n"},
    {.name = "disk not accessed",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A = = D",
     .rc = 36,
     .out = "DMSCMP069E DISK 'D' NOT ACCESSED\n"},
    {.name = "bad COL",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A BETA = = (COL 5",
     .rc = 24,
     .out = "DMSCMP029E INVALID PARAMETER '5' IN THE OPTION 'COL' FIELD\n"},
    {.name = "COL backwards",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A BETA = = (COL 5-4",
     .rc = 24,
     .out = "DMSCMP029E INVALID PARAMETER '5-4' IN THE OPTION 'COL' FIELD\n"},
    {.name = "invalid option",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A BETA = = (HEX",
     .rc = 24,
     .out = "DMSCMP003E INVALID OPTION 'HEX'\n"},
    {.name = "incomplete",
     .prog = compare_main,
     .cmd = "COMPARE ALPHA TEST A BETA",
     .rc = 24,
     .out = "DMSCMP054E INCOMPLETE FILEID SPECIFIED\n"},
};

static void t_compare(void) { run_rows(compare_rows, NELEM(compare_rows)); }

/* ---------------------------------------------------------------- TYPE */

static const struct tcase type_rows[] = {
    {.name = "a whole F file, trailing blanks left out",
     .prog = type_main,
     .cmd = "TYPE FIVE RECS",
     .rc = 0,
     .out = "AAA 1\nBBB 2\nSTART 3\nCCC 4\nEND 5\n"},
    {.name = "a range, * for the end",
     .prog = type_main,
     .cmd = "TYPE FIVE RECS A 2 3",
     .rc = 0,
     .out = "BBB 2\nSTART 3\n"},
    {.name = "from a record to the end",
     .prog = type_main,
     .cmd = "TYPE FIVE RECS * 4 *",
     .rc = 0,
     .out = "CCC 4\nEND 5\n"},
    {.name = "a V file in columns",
     .prog = type_main,
     .cmd = "TYPE GAMMA DATA A * * ( COL 3-5",
     .rc = 0,
     .out = "e\no t\nree\n"},
    {.name = "HEX",
     .prog = type_main,
     .cmd = "TYPE BETA TEST A 1 1 (HEX",
     .rc = 0,
     .out = "    0 C2C5E3C1 40F14040 40404040 40404040 40404040 40404040 40404040 40404040 \n"
            "   32 40404040 40404040 40404040 40404040 40404040 40404040 40404040 40404040 \n"
            "   64 40404040 40404040 40404040 40404040 \n"},
    {.name = "the S-disk in the search order",
     .prog = type_main,
     .cmd = "TYPE PROFILE EXEC",
     .rc = 0,
     .out = "&CONTROL OFF\nACCESS 192 C\n"},
    {.name = "not found",
     .prog = type_main,
     .cmd = "TYPE NOSUCH FILE",
     .rc = 28,
     .out = "DMSTYP002E FILE 'NOSUCH FILE A' NOT FOUND\n"},
    {.name = "a pattern is not a file",
     .prog = type_main,
     .cmd = "TYPE * TEST A",
     .rc = 28,
     .out = "DMSTYP002E FILE '* TEST A' NOT FOUND\n"},
    {.name = "incomplete",
     .prog = type_main,
     .cmd = "TYPE ALPHA",
     .rc = 24,
     .out = "DMSTYP054E INCOMPLETE FILEID SPECIFIED\n"},
    {.name = "bad record number",
     .prog = type_main,
     .cmd = "TYPE ALPHA TEST A X",
     .rc = 24,
     .out = "DMSTYP070E INVALID PARAMETER 'X'\n"},
    {.name = "bad option",
     .prog = type_main,
     .cmd = "TYPE ALPHA TEST A (BOGUS",
     .rc = 24,
     .out = "DMSTYP003E INVALID OPTION 'BOGUS'\n"},
    {.name = "bad columns",
     .prog = type_main,
     .cmd = "TYPE ALPHA TEST A (COL 5-2",
     .rc = 24,
     .out = "DMSTYP070E INVALID PARAMETER '5-2'\n"},
};

static void t_type(void) { run_rows(type_rows, NELEM(type_rows)); }

/* ---------------------------------------------------------------- LISTFILE, RENAME */

static const struct tcase listfile_rows[] = {
    {.name = "the A-disk",
     .prog = listfile_main,
     .cmd = "LISTFILE",
     .out = "ALPHA    TEST     A1\nBETA     TEST     A1\nGAMMA    DATA     A1\n"
            "MIXED    CASE     A1\nFIVE     RECS     A2\n"},
    {.name = "a pattern, abbreviated",
     .prog = listfile_main,
     .cmd = "L * TEST",
     .out = "ALPHA    TEST     A1\nBETA     TEST     A1\n"},
    {.name = "FORMAT with a header",
     .prog = listfile_main,
     .cmd = "LISTFILE G* * A (FORMAT HEADER",
     .out = "FILENAME FILETYPE FM FORMAT\nGAMMA    DATA     A1 V    17\n"},
    {.name = "ALLOC",
     .prog = listfile_main,
     .cmd = "LISTFILE FIVE RECS A (ALLOC",
     .out = "FIVE     RECS     A2 F    10          5      2\n"},
    {.name = "every disk, DATE and LABEL",
     .prog = listfile_main,
     .cmd = "LISTFILE * EXEC * (DATE LABEL",
     .out = "PROFILE  EXEC     S2 V    12          2      2 11/24/26 21:07 VOL190\n"},
    {.name = "none",
     .prog = listfile_main,
     .cmd = "LISTFILE NOSUCH FILE",
     .rc = 28,
     .out = "DMSLST002E FILE NOT FOUND\n"},
    {.name = "a disk not accessed",
     .prog = listfile_main,
     .cmd = "LISTFILE * * C",
     .rc = 36,
     .out = "DMSLST069E DISK 'C' NOT ACCESSED\n"},
    {.name = "a bad option",
     .prog = listfile_main,
     .cmd = "LISTFILE * * A (BOGUS",
     .rc = 24,
     .out = "DMSLST003E INVALID OPTION 'BOGUS'\n"},
    {.name = "EXEC: CMS EXEC A1 made anew",
     .prog = listfile_main,
     .cmd = "LISTFILE * TEST A (EXEC",
     .out = "",
     .after =
         {{"CMS EXEC A1", 'F', 80, {"&1 &2 ALPHA    TEST     A1", "&1 &2 BETA     TEST     A1"}}},
     .gone = {"LISTFILE CMSUT1 A"},
     .before = {{"CMS EXEC A1", 'F', 80, {"OLD"}}}},
    {.name = "APPEND",
     .prog = listfile_main,
     .cmd = "LISTFILE G* DATA (APPEND",
     .out = "",
     .after = {{"CMS EXEC A1", 'F', 80, {"OLD", "&1 &2 GAMMA    DATA     A1"}}},
     .before = {{"CMS EXEC A1", 'F', 80, {"OLD"}}}},
};

static void t_listfile(void)
{
    run_rows(listfile_rows, NELEM(listfile_rows));
    /* in an EXEC with &CONTROL NOMSG: rc 28, silently */
    setup(NULL, 0);
    host_set_nucon(CMS_NOMSG);
    CU_ASSERT_EQUAL(host_run(listfile_main, "LISTFILE NOSUCH FILE"), 28);
    CU_ASSERT_STRING_EQUAL(host_output(), "");
    host_set_nucon(0);
}

static const struct tcase rename_rows[] = {
    {.name = "a new name, = keeps the rest",
     .prog = rename_main,
     .cmd = "RENAME ALPHA TEST A OMEGA = =",
     .out = "",
     .after = {{"OMEGA TEST A1", 'F', 80, {"ALPHA 1", "ALPHA 2"}}},
     .gone = {"ALPHA TEST A"}},
    {.name = "a new mode number, TYPE",
     .prog = rename_main,
     .cmd = "R FIVE RECS A = = A5 (TYPE",
     .out = "FIVE RECS A5\n",
     .after = {{"FIVE RECS A5", 'F', 10, {"AAA 1", "BBB 2", "START 3", "CCC 4", "END 5"}}}},
    {.name = "the new id exists",
     .prog = rename_main,
     .cmd = "RENAME ALPHA TEST A BETA TEST A",
     .rc = 28,
     .out = "DMSRNM024E FILE 'BETA TEST A1' ALREADY EXISTS\n",
     .after = {{"ALPHA TEST A1", 'F', 80, {"ALPHA 1", "ALPHA 2"}},
               {"BETA TEST A1", 'F', 80, {"BETA 1"}}}},
    {.name = "not found",
     .prog = rename_main,
     .cmd = "RENAME NOSUCH FILE A X Y A",
     .rc = 28,
     .out = "DMSRNM002E FILE 'NOSUCH FILE A' NOT FOUND\n"},
    {.name = "incomplete",
     .prog = rename_main,
     .cmd = "RENAME ALPHA TEST A",
     .rc = 24,
     .out = "DMSRNM054E INCOMPLETE FILEID SPECIFIED\n"},
    {.name = "a read-only disk",
     .prog = rename_main,
     .cmd = "RENAME PROFILE EXEC S X EXEC S",
     .rc = 36,
     .out = "DMSRNM037E DISK 'S' IS READ/ONLY\n",
     .after = {{"PROFILE EXEC S2", 'V', 0, {"&CONTROL OFF", "ACCESS 192 C"}}}},
    {.name = "another disk",
     .prog = rename_main,
     .cmd = "RENAME ALPHA TEST A ALPHA TEST B",
     .rc = 24,
     .out = "DMSRNM048E INVALID MODE 'B'\n"},
    {.name = "a disk not accessed",
     .prog = rename_main,
     .cmd = "RENAME ALPHA TEST C X Y C",
     .rc = 36,
     .out = "DMSRNM069E DISK 'C' NOT ACCESSED\n"},
    {.name = "a bad character",
     .prog = rename_main,
     .cmd = "RENAME ALPHA TEST A AL.PHA = =",
     .rc = 20,
     .out = "DMSRNM062E INVALID CHARACTER '.' IN FILEID 'AL.PHA TEST A1'\n"},
};

static void t_rename(void) { run_rows(rename_rows, NELEM(rename_rows)); }

/* ---------------------------------------------------------------- disks and settings */

/* One command of a session: its return code and exactly what it typed. */
static void step(int (*prog)(int, char **), const char *cmd, int rc, const char *out)
{
    size_t before = strlen(host_output());
    int got = host_run(prog, cmd);
    const char *typed = host_output() + before;
    bool ok = got == rc && (!out || strcmp(typed, out) == 0);
    if (!ok)
        printf("\n    %s: rc %d, typed:\n%s", cmd, got, typed);
    CU_ASSERT_TRUE(ok);
}

#define QHEAD "LABEL  CUU M  STAT  CYL TYPE NO.FILES BLKS USED-(%) BLKS LEFT  BLK TOTAL\n"

static void t_query_set(void)
{
    setup(NULL, 0);
    step(query_main, "QUERY DISK B", 0,
         QHEAD "VOL192 192 B   R/W    4 3350     0      5-12     35     40\n");
    step(query_main, "QUERY DISK R/W", 0,
         QHEAD "VOL191 191 A   R/W    1 3350     5     15-02    555    570\n"
               "VOL192 192 B   R/W    4 3350     0      5-12     35     40\n");
    step(query_main, "QUERY SEARCH", 0,
         "VOL191 191 A   R/W\nVOL192 192 B   R/W\nVOL190 190 S   R/O\n");
    step(query_main, "QUERY DISK C", 36, "DMSQRY069E DISK 'C' NOT ACCESSED\n");
    step(query_main, "QUERY DISK 12", 24, "DMSQRY048E INVALID MODE '12'\n");
    step(query_main, "QUERY", 24, "DMSQRY061E NO FUNCTION SPECIFIED\n");
    step(query_main, "Q IMPCP", 0, "IMPCP = OFF\n");
    step(set_main, "SET IMPCP ON", 0, "");
    step(set_main, "SET RDYMSG SMSG", 0, "");
    step(query_main, "Q IMPCP", 0, "IMPCP = ON\n");
    step(query_main, "QUERY RDYMSG", 0, "RDYMSG = SMSG\n");
    step(query_main, "QUERY IMPEX", 0, "IMPEX = OFF\n");
    step(set_main, "SET IMPEX MAYBE", 24, "DMSSET070E INVALID PARAMETER 'MAYBE'\n");
    step(set_main, "SET IMPEX", 24, "DMSSET070E NO OPERAND SPECIFIED\n");
    step(set_main, "SET BOGUS ON", 24, "DMSSET070E INVALID PARAMETER 'BOGUS'\n");
    step(set_main, "SET", 24, "DMSSET061E NO FUNCTION SPECIFIED\n");
    step(query_main, "QUERY IMPEX", 0, "IMPEX = OFF\n");
    step(query_main, "QUERY BOGUS", 1, ""); /* IMPCP is on: CP's (here: none) */
    step(set_main, "SET IMPCP OFF", 0, "");
    step(query_main, "QUERY BOGUS", 24, "DMSQRY070E INVALID PARAMETER 'BOGUS'\n");
    host_set_nucon(0);
    clean("QUERY and SET");
}

static void t_access_release(void)
{
    setup(NULL, 0);
    static const char *const one[] = {"ON B"};
    host_put("KEEP FILE B1", 'F', 80, one, 1);
    step(access_main, "ACCESS 19F C", 0, "");
    step(query_main, "QUERY DISK C", 0,
         QHEAD "VOL19F 19F C   R/W    2 3350     0      5-25     15     20\n");
    step(access_main, "ACCESS 19F B", 0,
         "DMSACC726I 19F C RELEASED\nDMSACC724I 19F REPLACES B (192)\n");
    step(query_main, "QUERY DISK C", 36, "DMSQRY069E DISK 'C' NOT ACCESSED\n");
    step(access_main, "AC 192 D/A", 0, "DMSACC723I D (192) R/O\n");
    step(query_main, "QUERY SEARCH", 0,
         "VOL191 191 A   R/W\nVOL19F 19F B   R/W\nVOL192 192 D   R/O\nVOL190 190 S   R/O\n");
    step(access_main, "ACCESS 190 E * MODULE", 0,
         "DMSACC726I 190 S RELEASED\nDMSACC723I E (190) R/O\n");
    step(access_main, "ACCESS 999 C", 100, "DMSACC113S C(999) NOT ATTACHED\n");
    step(access_main, "ACCESS XYZ C", 24, "DMSACC050E INVALID DEVICE ADDRESS 'XYZ'\n");
    step(access_main, "ACCESS 192 1", 24, "DMSACC048E INVALID MODE '1'\n");
    step(access_main, "ACCESS 192 C/C", 24, "DMSACC048E INVALID MODE 'C/C'\n");
    step(access_main, "ACCESS 192 C * * X", 24, "DMSACC048E INVALID MODE 'X'\n");
    step(access_main, "ACCESS 192 C (BOGUS", 24, "DMSACC003E INVALID OPTION 'BOGUS'\n");
    /* ERASE empties a read/write disk */
    step(access_main, "ACCESS 192 B (ERASE", 0,
         "DMSACC726I 192 D RELEASED\nDMSACC724I 192 REPLACES B (19F)\n");
    CU_ASSERT_FALSE(exists("KEEP FILE B"));
    step(release_main, "RELEASE B", 0, "");
    step(release_main, "REL 191", 0, "");
    step(release_main, "RELEASE A", 36, "DMSARE069E DISK 'A' NOT ACCESSED\n");
    step(release_main, "RELEASE", 24, "DMSARE017E NO DEVICE SPECIFIED\n");
    step(release_main, "RELEASE 12345", 24, "DMSARE048E INVALID MODE '12345'\n");
    step(release_main, "RELEASE E (BOGUS", 24, "DMSARE003E INVALID OPTION 'BOGUS'\n");
    host_reset();
}

static void t_format(void)
{
    setup(NULL, 0);
    host_input("YES");
    host_input("scratch");
    step(format_main, "FORMAT 19F C", 0,
         "DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK 'C(19F)'. DO YOU WISH TO CONTINUE? "
         "(YES|NO):\nDMSFOR605R ENTER DISK LABEL:\nDMSFOR733I FORMATTING DISK 'C'\n"
         "DMSFOR732I '2' CYLINDERS FORMATTED ON DISK 'C(19F)'\n");
    step(query_main, "QUERY DISK C", 0,
         QHEAD "SCRATC 19F C   R/W    2 3350     0      5-25     15     20\n");
    host_input("no");
    step(format_main, "FORMAT 19F C", 0,
         "DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK 'C(19F)'. DO YOU WISH TO CONTINUE? "
         "(YES|NO):\nDMSFOR705I DISK REMAINS UNCHANGED\n");
    step(format_main, "FORMAT 19F C 1 (RECOMP", 0,
         "DMSFOR732I '1' CYLINDERS FORMATTED ON DISK 'C(19F)'\n");
    step(query_main, "QUERY DISK C", 0,
         QHEAD "SCRATC 19F C   R/W    1 3350     0      5-50      5     10\n");
    /* LABEL: the files stay */
    host_input("MYDISK");
    step(format_main, "FORMAT 191 A (LABEL", 0, "DMSFOR605R ENTER DISK LABEL:\n");
    CU_ASSERT_TRUE(file_is(&common[0], (char[200]){0}, 200));
    step(query_main, "QUERY SEARCH", 0,
         "MYDISK 191 A   R/W\nVOL192 192 B   R/W\nSCRATC 19F C   R/W\nVOL190 190 S   R/O\n");
    step(format_main, "FORMAT 190 C", 36, "DMSFOR037E DISK 'C(190)' IS READ/ONLY\n");
    step(format_main, "FORMAT 191 C", 36, "DMSFOR069E DISK '191' IS ACCESSED AS 'A'\n");
    step(format_main, "FORMAT 19F S", 24, "DMSFOR048E INVALID MODE 'S'\n");
    step(format_main, "FORMAT 19F", 24, "DMSFOR017E NO DEVICE SPECIFIED\n");
    step(format_main, "FORMAT 999 C", 100, "DMSFOR113S C(999) NOT ATTACHED\n");
    step(format_main, "FORMAT 19F C X", 24, "DMSFOR070E INVALID PARAMETER 'X'\n");
    clean("FORMAT");
}

/* ---------------------------------------------------------------- PUNCH, PRINT, READCARD */

/* Eighty columns: s and blanks. */
static const char *col80(const char *s)
{
    static char buf[8][82];
    static int k;
    char *b = buf[k++ % 8];
    snprintf(b, 82, "%-80s", s);
    return b;
}

static void t_punch_print(void)
{
    setup(NULL, 0);
    step(punch_main, "PUNCH ALPHA TEST", 0, "");
    char want[400];
    snprintf(want, sizeof(want), "%s\n%s\n%s\n", col80(":READ  ALPHA    TEST     A1"),
             col80("ALPHA 1"), col80("ALPHA 2"));
    CU_ASSERT_STRING_EQUAL(host_punched(), want);
    CU_ASSERT_PTR_NOT_NULL(strstr(host_commands(), "CLOSE 00D\n"));
    step(punch_main, "PU GAMMA DATA A (NOHEADER", 0, "");
    CU_ASSERT_PTR_NOT_NULL(strstr(host_punched(), col80("three three three")));
    step(punch_main, "PUNCH NOSUCH FILE", 28, "DMSPUN002E FILE 'NOSUCH FILE *' NOT FOUND\n");
    step(punch_main, "PUNCH ALPHA", 24, "DMSPUN054E INCOMPLETE FILEID SPECIFIED\n");
    step(punch_main, "PUNCH ALPHA TEST A (HEADER NOHEADER", 24,
         "DMSPUN066E 'HEADER' AND 'NOHEADER' ARE CONFLICTING OPTIONS\n");
    static const char *const wide[] = {"x"};
    host_put("WIDE FILE A1", 'F', 81, wide, 1);
    step(punch_main, "PUNCH WIDE FILE", 32, "DMSPUN039E FILE 'WIDE FILE A1' HAS RECORDS LONGER THAN 80\n");
    /* PRINT: lines written and spaced; CC: ASA controls as immediate commands */
    step(print_main, "PRINT GAMMA DATA (UPCASE", 0, "");
    CU_ASSERT_STRING_EQUAL(host_printed(), "09 ONE\n09 TWO TWO\n09 THREE THREE THREE\n");
    static const char *const asa[] = {"1TITLE", " LINE", "0TWO DOWN", "+OVER", "-THREE"};
    host_put("ASA LISTING A1", 'V', 0, asa, 5);
    step(print_main, "PRINT ASA LISTING A (CC", 0, "");
    CU_ASSERT_PTR_NOT_NULL(strstr(host_printed(), "8B \n01 TITLE\n0B \n01 LINE\n13 \n01 TWO DOWN\n"
                                                  "01 OVER\n1B \n01 THREE\n"));
    step(print_main, "PRINT FIVE RECS A (LINECOUN 2", 0, "");
    CU_ASSERT_PTR_NOT_NULL(strstr(host_printed(), "09 AAA 1     \n09 BBB 2     \n8B \n09 START 3   \n"));
    step(print_main, "PRINT ALPHA TEST A (LINECOUN X", 24,
         "DMSPRT029E INVALID PARAMETER 'X' IN THE OPTION 'LINECOUN' FIELD\n");
    clean("PUNCH and PRINT");
}

static void t_readcard(void)
{
    setup(NULL, 0);
    /* a deck with PUNCH's header, named from it */
    host_reader_card(":READ  DECK     DATA     A1");
    host_reader_card("CARD ONE");
    host_reader_card("CARD TWO");
    step(readcard_main, "READCARD *", 0, "DMSRDC738I RECORD LENGTH IS 80 BYTES\n");
    struct tfile deck = {"DECK DATA A1", 'F', 80, {"CARD ONE", "CARD TWO"}};
    char why[200] = "";
    bool same = file_is(&deck, why, sizeof(why));
    if (!same)
        printf("\n    READCARD *: %s", why);
    CU_ASSERT_TRUE(same);
    step(readcard_main, "READCARD *", 8, "DMSRDC702E NO FILE IN THE READER\n");
    /* a name given: the header is not data; the file replaces ALPHA TEST */
    setup(NULL, 0);
    host_reader_card(":READ  OTHER    NAME     A1");
    host_reader_card("NEW 1");
    step(readcard_main, "READ ALPHA TEST", 0, "DMSRDC738I RECORD LENGTH IS 80 BYTES\n");
    struct tfile alpha = {"ALPHA TEST A1", 'F', 80, {"NEW 1"}};
    CU_ASSERT_TRUE(file_is(&alpha, why, sizeof(why)));
    CU_ASSERT_FALSE(exists("OTHER NAME A"));
    /* two :READ cards, two files, on B */
    setup(NULL, 0);
    host_reader_card(":READ  ONE      FILE");
    host_reader_card("1");
    host_reader_card(":READ  TWO      FILE     A1");
    host_reader_card("2");
    step(readcard_main, "READCARD * B", 0,
         "DMSRDC738I RECORD LENGTH IS 80 BYTES\nDMSRDC738I RECORD LENGTH IS 80 BYTES\n");
    CU_ASSERT_TRUE(exists("ONE FILE B1") && exists("TWO FILE B1"));
    /* no header with *: refused, the deck read to its end */
    setup(NULL, 0);
    host_reader_card("DATA");
    step(readcard_main, "READCARD *", 28, "DMSRDC703E NO ':READ' CARD AT THE START OF THE FILE\n");
    step(readcard_main, "READCARD *", 8, "DMSRDC702E NO FILE IN THE READER\n");
    step(readcard_main, "READCARD", 24, "DMSRDC001E NO FILENAME SPECIFIED\n");
    step(readcard_main, "READCARD A.B C", 20, "DMSRDC062E INVALID CHARACTER '.' IN FILEID 'A.B C A1'\n");
    /* a full disk: the old file stays */
    setup(NULL, 0);
    static const char *const old[] = {"OLD"};
    host_put("OLD FILE B1", 'F', 80, old, 1);
    for (int i = 0; i < 600; i++)
        host_reader_card("FILLER");
    step(readcard_main, "READCARD OLD FILE B", 100,
         "DMSRDC105S ERROR '13' WRITING FILE 'OLD FILE B1' ON DISK\n");
    struct tfile kept = {"OLD FILE B1", 'F', 80, {"OLD"}};
    CU_ASSERT_TRUE(file_is(&kept, why, sizeof(why)));
    clean("READCARD");
}

/* DISK DUMP, then DISK LOAD of the cards: the files come back the same
 * (V with long and short records, F, a binary byte in them). */
static void t_disk_dump_load(void)
{
    setup(NULL, 0);
    static char longrec[151]; /* file_is compares up to 199 characters */
    memset(longrec, 'L', 150);
    const char *v[] = {"one", longrec, "x"};
    host_put("VAR FILE A1", 'V', 0, v, 3);
    step(disk_main, "DISK DUMP VAR FILE", 0, "");
    step(disk_main, "DISK DUMP FIVE RECS A", 0, "");
    CU_ASSERT_PTR_NOT_NULL(strstr(host_commands(), "CLOSE 00D\n"));
    /* 3 + 150 + 1 bytes and 6 lengths: 4 data cards and the end card;
     * 5 x 10 bytes: 1 and 1 */
    CU_ASSERT_EQUAL(host_punch_to_reader(), 7);
    CU_ASSERT_EQUAL(fserase("VAR", "FILE", "A"), 0);
    CU_ASSERT_EQUAL(fserase("FIVE", "RECS", "A"), 0);
    step(disk_main, "DISK LOAD", 0, "VAR FILE A1\nFIVE RECS A2\n");
    struct tfile back[] = {
        {"VAR FILE A1", 'V', 0, {"one", longrec, "x"}},
        {"FIVE RECS A2", 'F', 10, {"AAA 1", "BBB 2", "START 3", "CCC 4", "END 5"}},
    };
    for (size_t i = 0; i < NELEM(back); i++) {
        char why[200] = "";
        bool same = file_is(&back[i], why, sizeof(why));
        if (!same)
            printf("\n    DISK LOAD: %s", why);
        CU_ASSERT_TRUE(same);
    }
    step(disk_main, "DISK LOAD", 8, "DMSDSK702E NO FILE IN THE READER\n");
    /* cards that are not a DISK DUMP deck */
    host_reader_card("HELLO");
    step(disk_main, "DISK LOAD", 32, "DMSDSK078E CARD 1 IS NOT THE NEXT DISK DUMP CARD\n");
    step(disk_main, "DISK DUMP NOSUCH FILE", 28, "DMSDSK002E FILE 'NOSUCH FILE *' NOT FOUND\n");
    step(disk_main, "DISK", 24, "DMSDSK070E INVALID PARAMETER ''\n");
    step(disk_main, "DISK DUMP ONLY", 24, "DMSDSK054E INCOMPLETE FILEID SPECIFIED\n");
    clean("DISK");
}

/* SENDFILE, then RECEIVE of what it punched; RECEIVE of PUNCH's deck and
 * of unnamed cards; TELL. */
static void t_sendfile_receive(void)
{
    setup(NULL, 0);
    step(sendfile_main, "SENDFILE GAMMA DATA A TO USER02", 0,
         "DMSSND705I FILE 'GAMMA DATA A1' SENT TO USER02\n");
    CU_ASSERT_PTR_NOT_NULL(strstr(host_commands(), "SPOOL 00D TO USER02\nCLOSE 00D\n"
                                                   "SPOOL 00D TO SYSTEM\n"));
    CU_ASSERT_TRUE(host_punch_to_reader() > 1);
    CU_ASSERT_EQUAL(fserase("GAMMA", "DATA", "A"), 0);
    step(receive_main, "RECEIVE", 0, "GAMMA DATA A1\n");
    CU_ASSERT_TRUE(file_is(&common[2], (char[200]){0}, 200));
    step(sendfile_main, "SENDFILE GAMMA DATA", 24, "DMSSND054E INCOMPLETE FILEID SPECIFIED\n");
    step(sendfile_main, "SENDFILE NOSUCH FILE USER02", 28,
         "DMSSND002E FILE 'NOSUCH FILE *' NOT FOUND\n");
    /* PUNCH's deck: named by its :READ card */
    step(punch_main, "PUNCH BETA TEST A", 0, "");
    host_punch_to_reader();
    CU_ASSERT_EQUAL(fserase("BETA", "TEST", "A"), 0);
    step(receive_main, "RECEIVE *", 0, "DMSRDC738I RECORD LENGTH IS 80 BYTES\n");
    struct tfile beta = {"BETA TEST A1", 'F', 80, {"BETA 1"}};
    CU_ASSERT_TRUE(file_is(&beta, (char[200]){0}, 200));
    /* cards with no name: refused (the file stays), then given a name */
    host_reader_card("PLAIN CARD");
    step(receive_main, "RECEIVE", 24, "DMSRCV054E THE FILE HAS NO NAME: GIVE FN FT\n");
    CU_ASSERT_PTR_NOT_NULL(strstr(host_commands(), "CLOSE 00C HOLD\n"));
    host_reader_card("PLAIN CARD");
    step(receive_main, "RECEIVE 12 PLAIN FILE", 0, "DMSRDC738I RECORD LENGTH IS 80 BYTES\n");
    CU_ASSERT_PTR_NOT_NULL(strstr(host_commands(), "ORDER READER 12\n"));
    struct tfile plain = {"PLAIN FILE A1", 'F', 80, {"PLAIN CARD"}};
    CU_ASSERT_TRUE(file_is(&plain, (char[200]){0}, 200));
    step(receive_main, "RECEIVE", 8, "DMSRCV702E NO FILE IN THE READER\n");
    step(tell_main, "TELL USER02 HELLO THERE", 0, "");
    CU_ASSERT_PTR_NOT_NULL(strstr(host_commands(), "MSG USER02 HELLO THERE\n"));
    step(tell_main, "TELL USER02", 24, "DMSTEL054E NO USERID OR NO TEXT SPECIFIED\n");
    clean("SENDFILE and RECEIVE");
}

/* PEEK: the first records of the reader's file, over buffers; the file
 * stays to be read. */
static void t_peek(void)
{
    setup(NULL, 0);
    step(peek_main, "PEEK", 8, "DMSPEK702E NO FILE IN THE READER\n");
    char card[24];
    for (int i = 1; i <= 70; i++) {
        snprintf(card, sizeof(card), "CARD %d", i);
        host_reader_card(card);
    }
    step(peek_main, "PEEK ( FOR 2", 0, "CARD 1\nCARD 2\nFILE 0001: 2 RECORDS SHOWN\n");
    CU_ASSERT_EQUAL(host_reads(), 0);
    step(peek_main, "PEEK 1 ( ALL", 0, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(host_output(), "CARD 61\nCARD 62\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(host_output(), "CARD 70\nFILE 0001: 70 RECORDS SHOWN\n"));
    step(peek_main, "PEEK 7", 28, "DMSPEK042E SPOOLID 7 IS NOT IN YOUR READER\n");
    step(peek_main, "PEEK X", 24, "DMSPEK070E INVALID PARAMETER 'X'\n");
    step(peek_main, "PEEK (FOR 2 ALL", 24, "DMSPEK066E 'FOR' AND 'ALL' ARE CONFLICTING OPTIONS\n");
    /* the file is still there, whole, for READCARD */
    step(readcard_main, "READCARD PEEKED CARDS", 0, "DMSRDC738I RECORD LENGTH IS 80 BYTES\n");
    struct host_file h;
    CU_ASSERT_TRUE(host_get("PEEKED CARDS A1", &h) && h.n == 70);
    host_file_free(&h);
    clean("PEEK");
}

/* ---------------------------------------------------------------- failures */

/* A file of n F-80 records "RECORD nnnnn". */
static void put_big(const char *id, unsigned n)
{
    const char **recs = malloc(n * sizeof(*recs));
    char *text = malloc((size_t)n * 16);
    for (unsigned i = 0; i < n; i++) {
        snprintf(text + i * 16, 16, "RECORD %05u", (i + 1) % 100000u);
        recs[i] = text + i * 16;
    }
    host_put(id, 'F', 80, recs, n);
    free(text);
    free(recs);
}

/* A full disk: the write fails, the old output and the disk's use are as
 * they were, and nothing is left open or behind. */
static void t_disk_full(void)
{
    static const struct {
        int (*prog)(int, char **);
        const char *cmd, *input;
        const char *out;
    } rows[] = {
        {copyfile_main, "COPYFILE BIG FILE A = = B", NULL,
         "DMSCPY105S ERROR '13' WRITING FILE 'BIG FILE B1' ON DISK\n"},
        {copyfile_main, "COPYFILE BIG FILE A OLD FILE B (REPLACE", NULL,
         "DMSCPY105S ERROR '13' WRITING FILE 'OLD FILE B1' ON DISK\n"},
        {copyfile_main, "COPYFILE BIG FILE A OLD FILE B (APPEND", NULL,
         "DMSCPY105S ERROR '13' WRITING FILE 'OLD FILE B1' ON DISK\n"},
        {copyfile_main, "COPYFILE * FILE * = SAVE B", NULL,
         "DMSCPY105S ERROR '13' WRITING FILE 'BIG SAVE B1' ON DISK\n"},
        {copyfile_main, "COPYFILE OLD FILE B (RECFM F LRECL 12000", NULL,
         "DMSCPY105S ERROR '13' WRITING FILE 'OLD FILE B1' ON DISK\n"},
        {sort_main, "SORT BIG FILE A OLD FILE B", "8 12",
         "DMSSRT604R ENTER SORT FIELDS:\n"
         "DMSSRT105S ERROR '13' WRITING FILE 'OLD FILE B1' ON DISK\n"},
    };
    static const char *const old[] = {"OLD 1", "OLD 2", "OLD 3"};
    for (size_t i = 0; i < NELEM(rows); i++) {
        host_reset();
        put_big("BIG FILE A1", 600); /* 60 blocks: more than B holds */
        host_put("OLD FILE B1", 'F', 80, old, 3);
        uint32_t left = host_blocks_left('B');
        if (rows[i].input)
            host_input(rows[i].input);
        int rc = host_run(rows[i].prog, rows[i].cmd);
        bool ok = rc == 100 && strcmp(host_output(), rows[i].out) == 0;
        if (!ok)
            printf("\n    %s: rc %d, typed:\n%s", rows[i].cmd, rc, host_output());
        CU_ASSERT_TRUE(ok);
        struct tfile f = {"OLD FILE B1", 'F', 80, {"OLD 1", "OLD 2", "OLD 3"}};
        char why[200] = "";
        bool same = file_is(&f, why, sizeof(why));
        if (!same)
            printf("\n    %s: %s", rows[i].cmd, why);
        CU_ASSERT_TRUE(same);
        CU_ASSERT_FALSE(exists("BIG FILE B") || exists("BIG SAVE B"));
        CU_ASSERT_EQUAL(host_blocks_left('B'), left);
        clean(rows[i].cmd);
    }
}

/* An I/O error at every block read in turn: the message (104S, or 105S
 * when the erase of the old output is what fails) and rc 100, the output
 * as it was; past the last read, the command works. */
static void t_read_error(void)
{
    static const struct {
        int (*prog)(int, char **);
        const char *cmd, *input, *msg;
    } rows[] = {
        {copyfile_main, "COPYFILE BIG FILE A GAMMA DATA A (REPLACE", NULL, "DMSCPY10"},
        {copyfile_main, "COPYFILE GAMMA DATA A BIG FILE A GAMMA DATA A (APPEND", NULL, "DMSCPY10"},
        {sort_main, "SORT BIG FILE A GAMMA DATA A", "1 12", "DMSSRT10"},
        {compare_main, "COMPARE BIG FILE A GAMMA DATA A", NULL, "DMSCMP104S ERROR '3' READING"},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        int rc = 100;
        long k;
        for (k = 1; rc == 100 && k < 200; k++) {
            setup(NULL, 0);
            put_big("BIG FILE A1", 300);
            if (rows[i].input)
                host_input(rows[i].input);
            host_fail_read(k);
            rc = host_run(rows[i].prog, rows[i].cmd);
            host_fail_read(0);
            if (rc == 100) {
                /* 104S reading, or 105S: the erase of the old output could not read */
                bool said =
                    strstr(host_output(), rows[i].msg) && strstr(host_output(), "ERROR '3'");
                if (!said)
                    printf("\n    %s (read %ld): %s", rows[i].cmd, k, host_output());
                CU_ASSERT_TRUE(said);
                char why[200] = "";
                bool same = file_is(&common[2], why, sizeof(why));
                if (!same)
                    printf("\n    %s: %s", rows[i].cmd, why);
                CU_ASSERT_TRUE(same);
            }
            clean(rows[i].cmd);
        }
        CU_ASSERT_TRUE(k > 2); /* some read failed */
        CU_ASSERT_NOT_EQUAL(rc, 100);
    }
}

/* A file per input for 20 inputs: every one copied, each to its own. */
static void t_many_files(void)
{
    host_reset();
    char id[32], rec[24];
    for (int i = 1; i <= 20; i++) {
        const char *recs[] = {rec};
        snprintf(id, sizeof(id), "F%02d MANY A1", i);
        snprintf(rec, sizeof(rec), "FILE %02d", i);
        host_put(id, 'V', 0, recs, 1);
    }
    CU_ASSERT_EQUAL(host_run(copyfile_main, "COPYFILE * MANY A = COPY A"), 0);
    CU_ASSERT_STRING_EQUAL(host_output(), "");
    for (int i = 1; i <= 20; i++) {
        snprintf(id, sizeof(id), "F%02d COPY A1", i);
        snprintf(rec, sizeof(rec), "FILE %02d", i);
        struct tfile f = {id, 'V', 7, {rec}};
        char why[200] = "";
        bool same = file_is(&f, why, sizeof(why));
        if (!same)
            printf("\n    many files: %s", why);
        CU_ASSERT_TRUE(same);
    }
    clean("many files");
}

/* Copies that fill a disk exactly are whole; a read-only disk is left
 * byte for byte as it was. */
static void t_read_only(void)
{
    host_reset();
    put_all(common, NELEM(common));
    void *s = host_image('S');
    CU_ASSERT_EQUAL(host_run(copyfile_main, "COPYFILE * * A = = S (REPLACE"), 36);
    CU_ASSERT_STRING_EQUAL(host_output(), "DMSCPY037E DISK 'S' IS READ/ONLY\n");
    CU_ASSERT_TRUE(host_image_same('S', s));
    free(s);
    clean("read-only");
}

/* Storage running out at every DMSFREE in turn: the message and rc 104,
 * nothing half done, nothing held; past the last one, the command works. */
static void t_no_storage(void)
{
    static const struct {
        int (*prog)(int, char **);
        const char *cmd, *input, *msg;
        const char *made;
    } rows[] = {
        {copyfile_main, "COPYFILE * TEST A = SAVE B (TYPE SPECS NOPROMPT", "1-80 1",
         "DMSCPY109S VIRTUAL STORAGE CAPACITY EXCEEDED\n", "BETA SAVE B"},
        {sort_main, "SORT FIVE RECS A SORTED RECS B", "1 3",
         "DMSSRT109S VIRTUAL STORAGE CAPACITY EXCEEDED\n", "SORTED RECS B"},
        {compare_main, "COMPARE ALPHA TEST A BETA TEST A", NULL,
         "DMSCMP109S VIRTUAL STORAGE CAPACITY EXCEEDED\n", NULL},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        int rc = 104;
        for (long k = 1; rc == 104 && k < 100; k++) {
            setup(NULL, 0);
            if (rows[i].input)
                host_input(rows[i].input);
            host_fail_dmsfree(k);
            rc = host_run(rows[i].prog, rows[i].cmd);
            host_fail_dmsfree(0);
            const char *out = host_output();
            size_t lo = strlen(out), lm = strlen(rows[i].msg);
            if (rc == 104) {
                CU_ASSERT_TRUE(lo >= lm && strcmp(out + lo - lm, rows[i].msg) == 0);
                if (rows[i].made)
                    CU_ASSERT_FALSE(exists(rows[i].made));
            }
            clean(rows[i].cmd);
        }
        CU_ASSERT_NOT_EQUAL(rc, 104);
        if (rows[i].made)
            CU_ASSERT_TRUE(exists(rows[i].made));
    }
}

/* A bigger SORT: 3,000 records by two fields against a simple reference. */
static void t_sort_many(void)
{
    enum { N = 3000 };
    host_reset();
    const char **recs = malloc(N * sizeof(*recs));
    char *text = malloc(N * 12);
    unsigned seed = 12345;
    for (unsigned i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        snprintf(text + i * 12, 12, "%c%02u%05u", 'A' + (seed >> 16) % 3, (seed >> 8) % 50, i);
        recs[i] = text + i * 12;
    }
    host_put("MANY KEYS A1", 'F', 8, recs, N);
    host_input("2 3 1 1");
    CU_ASSERT_EQUAL(host_run(sort_main, "SORT MANY KEYS A MANY SORTED A"), 0);
    struct host_file h;
    CU_ASSERT_FATAL(host_get("MANY SORTED A1", &h));
    CU_ASSERT_EQUAL(h.n, N);
    for (unsigned i = 1; i < h.n; i++) {
        const char *a = h.rec[i - 1], *b = h.rec[i];
        int c = memcmp(a + 1, b + 1, 2);
        if (!c)
            c = a[0] - b[0];
        if (!c)
            c = strcmp(a + 3, b + 3); /* the input's order */
        CU_ASSERT_TRUE(c < 0);
    }
    host_file_free(&h);
    free(text);
    free(recs);
    clean("sort many");
}

static CU_TestInfo cases[] = {
    {"COPYFILE", t_copyfile},
    {"SORT", t_sort},
    {"COMPARE", t_compare},
    {"TYPE", t_type},
    {"LISTFILE", t_listfile},
    {"RENAME", t_rename},
    {"QUERY and SET", t_query_set},
    {"ACCESS and RELEASE", t_access_release},
    {"FORMAT", t_format},
    {"PUNCH and PRINT", t_punch_print},
    {"READCARD", t_readcard},
    {"DISK DUMP and LOAD", t_disk_dump_load},
    {"SENDFILE, RECEIVE, TELL", t_sendfile_receive},
    {"PEEK", t_peek},
    {"disk full leaves the old output", t_disk_full},
    {"read-only disk untouched", t_read_only},
    {"a file per input for 20 files", t_many_files},
    {"I/O errors leave the old output", t_read_error},
    {"storage running out", t_no_storage},
    {"SORT of 3000 records", t_sort_many},
    CU_TEST_INFO_NULL,
};
UNIT_SUITE("cmsutil", cases);
