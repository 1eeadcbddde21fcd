/*
 * print.c - PRINT (R6's DMSPRT, a transient command; reference vm370.md
 * 5.5 and 6): a file to the virtual printer, one record a line.
 *
 *   PRint fn ft [fm] [( CC|NOCC  LINECOUN nn  UPCASE )]
 *
 * NOCC (the default): each record a line (its first 132 characters),
 * written and spaced one line; after every LINECOUN lines (default 55, 0:
 * never) a skip to channel 1 begins a new page. CC: column 1 is an ASA
 * carriage control, done before the line as an immediate space or skip
 * (' ' one line, '0' two, '-' three, '1' a new page, '+' none), the rest
 * written without spacing. UPCASE prints lower-case letters in upper
 * case. Then the printer is closed (CP CLOSE 00E). R6's headings, HEX
 * and MEMBER are not done.
 *
 * Returns 0; 24 bad operands and options; 28 not found; 100 DMSPRT104S
 * read error, DMSPRT118S PRINTER 00E NOT OPERATIONAL or ERROR PRINTING
 * (ours, unverified).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "PRT"

#define PRT_WRITE     0x01 /* write, no space */
#define PRT_WRITE_SP1 0x09
#define PRT_SKIP1     0x8B /* skip to channel 1 immediately */
#define PRT_LINE      132

enum { O_CC, O_NOCC, O_LINECOUN, O_UPCASE, NOPT };
static const struct util_opt opts[NOPT] = {{"CC", 2, UTIL_ARG_NONE},
                                           {"NOCC", 3, UTIL_ARG_NONE},
                                           {"LINECOUN", 5, UTIL_ARG_WORD},
                                           {"UPCASE", 2, UTIL_ARG_NONE}};
static const uint8_t conflicts[][2] = {{O_CC, O_NOCC}};

/* The immediate command for an ASA character (EBCDIC), 0 for none; -1
 * if it is not one. */
static int asa(uint8_t c)
{
    switch (util_e2a(c)) {
    case ' ': return 0x0B; /* space 1 */
    case '0': return 0x13; /* space 2 */
    case '-': return 0x1B; /* space 3 */
    case '1': return PRT_SKIP1;
    case '+': return 0;
    default: return -1;
    }
}

static int print_error(int rc)
{
    if (rc == 3)
        util_msg(MOD, "118S", "PRINTER 00E NOT OPERATIONAL");
    else
        util_msg(MOD, "118S", "ERROR PRINTING, RC %d", rc);
    return 100;
}

int print_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    struct util_optval ov[NOPT];
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, ov);
    if (rc || (rc = util_conflicts(MOD, opts, ov, conflicts, 1)) != 0)
        return rc;
    uint32_t per_page = 55;
    if (ov[O_LINECOUN].set && strcmp(ov[O_LINECOUN].word, "0") != 0 &&
        !util_number(ov[O_LINECOUN].word, &per_page)) {
        util_msg(MOD, "029E", "INVALID PARAMETER '%s' IN THE OPTION 'LINECOUN' FIELD",
                 ov[O_LINECOUN].word);
        return 24;
    }
    if (ov[O_LINECOUN].set && !strcmp(ov[O_LINECOUN].word, "0"))
        per_page = 0;
    struct util_fid f;
    struct cms_fst fst;
    if ((rc = util_existing_file(MOD, argv, 1, paren, &f, &fst)) != 0)
        return rc;
    uint8_t xl[256];
    util_xlate_identity(xl);
    if (ov[O_UPCASE].set)
        util_xlate_case(xl, true);
    uint8_t *rec = util_alloc(MOD, UTIL_MAXREC);
    if (!rec)
        return UTIL_NOSTORAGE;
    uint32_t lines = 0;
    for (;;) {
        size_t len = 0;
        rc = fsread(f.fn, f.ft, f.fm, 0, rec, UTIL_MAXREC, &len);
        if (rc == 12)
            break;
        if (rc) {
            fsclose(f.fn, f.ft, f.fm);
            util_free(rec, UTIL_MAXREC);
            return util_read_error(MOD, rc, &f);
        }
        for (size_t i = 0; i < len; i++)
            rec[i] = xl[rec[i]];
        const uint8_t *line = rec;
        uint8_t cmd = PRT_WRITE_SP1;
        if (ov[O_CC].set) {
            int c = len ? asa(rec[0]) : 0;
            if (c > 0 && (rc = printr(NULL, 0, (uint8_t)c)) != 0)
                break;
            line++;
            len = len ? len - 1 : 0;
            cmd = PRT_WRITE;
        } else if (per_page && lines && lines % per_page == 0 &&
                   (rc = printr(NULL, 0, PRT_SKIP1)) != 0) {
            break;
        }
        if ((rc = printr(line, len > PRT_LINE ? PRT_LINE : len, cmd)) != 0)
            break;
        lines++;
    }
    fsclose(f.fn, f.ft, f.fm);
    util_free(rec, UTIL_MAXREC);
    if (rc && rc != 12)
        return print_error(rc);
    cp_command("CLOSE 00E", NULL, 0);
    return 0;
}
