/*
 * readcard.c - READCARD (R6's DMSRDC, a transient command; reference
 * vm370.md 5.5 and 6): the reader's next file onto a disk.
 *
 *   READcard fn ft [fm]
 *   READcard * [fm]
 *
 * The cards of the reader's next file become the records of an F 80
 * file (default mode A1; a file of that name is replaced when the new
 * one is whole). A first card ":READ fn ft fm" (PUNCH's header) is not
 * data: with * it names the file (its mode letter replaced by fm when
 * one is given), and with * every later :READ card starts a new file.
 * After each file: DMSRDC738I RECORD LENGTH IS 80 BYTES. The reader's
 * end of file ends the command (CP purges the spool file unless the
 * reader is spooled HOLD).
 *
 * Returns 0; 24 bad operands; 8 DMSRDC702E NO FILE IN THE READER (ours,
 * unverified); 28 DMSRDC703E with *: NO :READ CARD (ours); 100
 * DMSRDC118S ERROR READING THE READER (ours) or a write error; the write
 * errors of the file (13 disk full: the old file stays).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"

#define MOD "RDC"

/* A ":READ fn ft [fm]" card: the id in f (fm kept if the card has none). */
static bool header(const uint8_t card[80], struct util_fid *f)
{
    char a[81], w[3][9];
    for (int i = 0; i < 80; i++)
        a[i] = util_e2a(card[i]);
    a[80] = 0;
    if (strncmp(a, ":READ ", 6) != 0)
        return false;
    int n = 0;
    for (const char *p = a + 6; *p && n < 3;) {
        while (*p == ' ')
            p++;
        size_t l = 0;
        while (p[l] && p[l] != ' ')
            l++;
        if (l == 0)
            break;
        if (l > 8)
            return false;
        memcpy(w[n], p, l);
        w[n++][l] = 0;
        p += l;
    }
    if (n < 2)
        return false;
    memcpy(f->fn, w[0], sizeof(w[0]));
    memcpy(f->ft, w[1], sizeof(w[1]));
    if (n == 3 && strlen(w[2]) <= 2)
        memcpy(f->fm, w[2], 3);
    return true;
}

/* Make the work file the output f. */
static int finish(struct util_work *w, struct util_fid *out)
{
    struct cms_fst fst;
    bool exists = fsstate(out->fn, out->ft, out->fm, &fst) == 0;
    int rc = util_work_commit(w, exists);
    if (rc == 0)
        util_msg(MOD, "738I", "RECORD LENGTH IS 80 BYTES");
    return rc;
}

static int reader_error(int rc)
{
    if (rc == 8) {
        util_msg(MOD, "702E", "NO FILE IN THE READER");
        return 8;
    }
    util_msg(MOD, "118S", "ERROR READING THE READER, RC %d", rc);
    return 100;
}

int readcard_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    if (paren < 2) {
        util_msg(MOD, "001E", "NO FILENAME SPECIFIED");
        return 24;
    }
    bool star = !strcmp(argv[1], "*");
    struct util_fid f = {"", "", "A1"};
    char letter = 'A';
    if (star) {
        if (paren > 3) {
            util_msg(MOD, "070E", "INVALID PARAMETER '%s'", argv[3]);
            return 24;
        }
        if (paren == 3)
            letter = argv[2][0];
        snprintf(f.fn, sizeof(f.fn), "X");
        snprintf(f.ft, sizeof(f.ft), "X");
        snprintf(f.fm, sizeof(f.fm), "%c", letter);
    } else {
        if (paren < 3 || paren > 4) {
            util_msg(MOD, paren < 3 ? "054E" : "070E",
                     paren < 3 ? "INCOMPLETE FILEID SPECIFIED" : "INVALID PARAMETER '%s'",
                     paren < 3 ? "" : argv[4]);
            return 24;
        }
        snprintf(f.fn, sizeof(f.fn), "%s", argv[1]);
        snprintf(f.ft, sizeof(f.ft), "%s", argv[2]);
        if (paren == 4)
            snprintf(f.fm, sizeof(f.fm), "%s", argv[3]);
    }
    int rc = util_fid_check(MOD, &f, 0);
    if (rc)
        return rc;
    if (!f.fm[1])
        snprintf(f.fm + 1, sizeof(f.fm) - 1, "1");
    uint8_t card[80];
    size_t len;
    bool open = false, first = true;
    struct util_work w;
    for (;;) {
        rc = util_cardrd(card, &len);
        if (rc == 12)
            break;
        if (rc) {
            if (open)
                util_work_drop(&w);
            return reader_error(rc);
        }
        struct util_fid h = f;
        bool is_header = (first || star) && header(card, &h);
        first = false;
        if (is_header && star) {
            if (open && (rc = finish(&w, &f)) != 0)
                return rc;
            f = h;
            if (paren == 3 || !f.fm[0])
                f.fm[0] = letter;
            if (!f.fm[1])
                f.fm[1] = '1', f.fm[2] = 0;
            if ((rc = util_fid_check(MOD, &f, 0)) != 0)
                return rc;
            util_work_start(&w, MOD, "READCARD", "CMSUT1", &f, 'F');
            open = true;
            continue;
        }
        if (is_header)
            continue; /* a named file: PUNCH's header is not data */
        if (!open) {
            if (star) {
                util_msg(MOD, "703E", "NO ':READ' CARD AT THE START OF THE FILE");
                while (util_cardrd(card, &len) == 0)
                    ; /* the rest of the file, to its end */
                return 28;
            }
            util_work_start(&w, MOD, "READCARD", "CMSUT1", &f, 'F');
            open = true;
        }
        if ((rc = util_work_write(&w, card, 80)) != 0) {
            while (util_cardrd(card, &len) == 0)
                ;
            return rc;
        }
    }
    if (!open) {
        util_msg(MOD, "701I", "NULL FILE");
        return 0;
    }
    return finish(&w, &f);
}
