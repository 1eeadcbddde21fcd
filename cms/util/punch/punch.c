/*
 * punch.c - PUNCH (R6's DMSPUN, a transient command; reference vm370.md
 * 5.5 and 6): a file to the virtual punch, one record a card.
 *
 *   PUnch fn ft [fm] [( HEADER|NOHEADER )]
 *
 * HEADER (the default) punches a control card first,
 * ":READ  fn       ft       fm" (the name at columns 8, 17 and 26), from
 * which READCARD * names the file it makes. Records are punched as they
 * are, blank padded to 80 columns; a file with longer records is refused
 * before anything is punched. Then the punch is closed (CP CLOSE 00D): the
 * spool file goes where SPOOL PUNCH sends it (SPOOL PUNCH TO userid: that
 * user's reader).
 *
 * Returns 0; 24 DMSPUN054E, 048E, 003E, 066E; 28 not found; 32
 * DMSPUN039E RECORDS LONGER THAN 80 (ours); 100 DMSPUN104S read error,
 * DMSPUN118S PUNCH 00D NOT OPERATIONAL or ERROR PUNCHING (ours, unverified).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "PUN"

enum { O_HEADER, O_NOHEADER, NOPT };
static const struct util_opt opts[NOPT] = {{"HEADER", 3, UTIL_ARG_NONE},
                                           {"NOHEADER", 3, UTIL_ARG_NONE}};
static const uint8_t conflicts[][2] = {{O_HEADER, O_NOHEADER}};

/* The :READ card of READCARD. */
static void read_card(uint8_t card[80], const struct util_fid *f)
{
    char a[81];
    snprintf(a, sizeof(a), ":READ  %-8s %-8s %-2s", f->fn, f->ft, f->fm);
    for (size_t i = 0; i < 80; i++)
        card[i] = util_a2e(i < strlen(a) ? a[i] : ' ');
}

static int punch_error(int rc)
{
    if (rc == 3)
        util_msg(MOD, "118S", "PUNCH 00D NOT OPERATIONAL");
    else
        util_msg(MOD, "118S", "ERROR PUNCHING, RC %d", rc);
    return 100;
}

int punch_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    struct util_optval ov[NOPT];
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, ov);
    if (rc || (rc = util_conflicts(MOD, opts, ov, conflicts, 1)) != 0)
        return rc;
    struct util_fid f;
    struct cms_fst fst;
    if ((rc = util_existing_file(MOD, argv, 1, paren, &f, &fst)) != 0)
        return rc;
    if (fst.lrecl > 80) {
        char id[32];
        util_fid_text(id, sizeof(id), &f);
        util_msg(MOD, "039E", "FILE '%s' HAS RECORDS LONGER THAN 80", id);
        return 32;
    }
    uint8_t card[80];
    if (!ov[O_NOHEADER].set) {
        read_card(card, &f);
        if ((rc = cardph(card, 80)) != 0)
            return punch_error(rc);
    }
    for (;;) {
        size_t len = 0;
        rc = fsread(f.fn, f.ft, f.fm, 0, card, sizeof(card), &len);
        if (rc == 12)
            break;
        if (rc) {
            fsclose(f.fn, f.ft, f.fm);
            return util_read_error(MOD, rc, &f);
        }
        if ((rc = cardph(card, len)) != 0) {
            fsclose(f.fn, f.ft, f.fm);
            return punch_error(rc);
        }
    }
    fsclose(f.fn, f.ft, f.fm);
    cp_command("CLOSE 00D", NULL, 0);
    return 0;
}
