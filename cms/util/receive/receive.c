/*
 * receive.c - RECEIVE: a file from the reader onto the A-disk (VM/SP's
 * command, in its form; VM/370 users did READCARD or DISK LOAD by hand).
 *
 *   RECEIVE [spoolid|*] [fn ft [fm]]
 *
 * The reader file spoolid (ordered first with CP ORDER), or the first
 * one, is looked at by its first card: a DISK DUMP deck (SENDFILE, or
 * the host bridge's binary decks) is loaded with DISK LOAD under the name
 * it carries; a deck with PUNCH's :READ card is read with READCARD,
 * named by that card unless fn ft is given; other cards need fn ft. A
 * file RECEIVE cannot take stays in the reader (CLOSE 00C HOLD). Returns
 * what DISK LOAD or READCARD returns; 8 no file; 24 bad operands;
 * 28 DMSRCV042E the spoolid is not in the reader (ids ours).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "RCV"

static bool all_digits(const char *s)
{
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return *s != 0;
}

int receive_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    int i = 1;
    char cmd[64], resp[200];
    if (i < paren && (all_digits(argv[i]) || !strcmp(argv[i], "*"))) {
        if (strcmp(argv[i], "*") != 0) {
            snprintf(cmd, sizeof(cmd), "ORDER READER %s", argv[i]);
            if (cp_command(cmd, resp, sizeof(resp)) != 0) {
                util_msg(MOD, "042E", "SPOOLID %s IS NOT IN YOUR READER", argv[i]);
                return 28;
            }
        }
        i++;
    }
    int named = paren - i;
    if (named == 1 || named > 3) {
        util_msg(MOD, named == 1 ? "054E" : "070E",
                 named == 1 ? "INCOMPLETE FILEID SPECIFIED" : "INVALID PARAMETER '%s'",
                 named == 1 ? "" : argv[i + 3]);
        return 24;
    }
    uint8_t card[80];
    size_t len;
    int rc = util_cardrd(card, &len);
    if (rc == 8 || rc == 12) {
        util_msg(MOD, "702E", "NO FILE IN THE READER");
        return 8;
    }
    if (rc) {
        util_msg(MOD, "118S", "ERROR READING THE READER, RC %d", rc);
        return 100;
    }
    util_unread(card);
    bool dump = card[0] == 0x02 && util_e2a(card[1]) == 'C' && util_e2a(card[2]) == 'M' &&
                util_e2a(card[3]) == 'S';
    char head[7];
    for (int k = 0; k < 6; k++)
        head[k] = util_e2a(card[k]);
    head[6] = 0;
    bool header = !strcmp(head, ":READ ");
    if (dump) {
        char *dargv[] = {"DISK", "LOAD", NULL};
        return disk_main(2, dargv);
    }
    if (!header && named == 0) {
        util_cardrd(card, &len); /* the card given back: the file stays whole */
        cp_command("CLOSE 00C HOLD", resp, sizeof(resp));
        util_msg(MOD, "054E", "THE FILE HAS NO NAME: GIVE FN FT");
        return 24;
    }
    char *rargv[5] = {"READCARD", "*", NULL, NULL, NULL};
    int rargc = 2;
    if (named) {
        rargv[1] = argv[i];
        rargv[2] = argv[i + 1];
        rargv[3] = named == 3 ? argv[i + 2] : NULL;
        rargc = named == 3 ? 4 : 3;
    }
    return readcard_main(rargc, rargv);
}
