/*
 * disk.c - DISK DUMP and DISK LOAD (R6's DMSDSK, a transient command;
 * reference vm370.md 5.5 and 6): a file through the punch and the reader
 * whole, F or V, any record length, its name and format kept.
 *
 *   DISK DUMP fn ft [fm]
 *   DISK LOAD
 *
 * DUMP punches the file as a byte stream (F: the records end to end; V:
 * each record after its 2-byte length, as on the disk) in 50-byte pieces,
 * one card each, then an end card, and closes the punch (CP CLOSE 00D).
 * LOAD reads the reader's next file and makes every file in it on the
 * A-disk (a file of that name is replaced when the new one is whole).
 *
 * The cards (R6's elements: X'02' CMS, N in column 5 for the end card,
 * sequence numbers; the exact R6 columns are not verified, so decks
 * interchange with this system only):
 *   col 1 X'02', 2-4 "CMS", 5 blank (data) or "N" (end),
 *   6-55 data: 50 bytes of the stream (the last card zero padded);
 *     the end card: the file's directory entry, 40 bytes: fn, ft (8 each),
 *     fm (2), recfm (1), X'00', lrecl (4), records (4), the stream's
 *     length (4), the date written (mm dd yy hh mm: 5 bytes), 4 zero,
 *   56-71 fn and ft, 73-80 the card's number (decimal, from 1).
 *
 * Returns 0; 24 bad operands; 28 not found; 8 no file in the reader; 32
 * a card out of sequence or not a DISK DUMP card (DMSDSK078E, ours);
 * 100 punch or reader errors; the write errors of the new file.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"
#include "lib/bytes.h"

#define MOD    "DSK"
#define CHUNK  50
#define C_FLAG 4  /* column 5 */
#define C_DATA 5  /* column 6 */
#define C_ID   55 /* columns 56-71 */
#define C_SEQ  72 /* columns 73-80 */

/* The directory entry on the end card. */
#define E_FN      0
#define E_FT      8
#define E_FM      16
#define E_RECFM   18
#define E_LRECL   20
#define E_RECORDS 24
#define E_LENGTH  28
#define E_DATE    32

static void ebcdic(uint8_t *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = util_a2e(i < strlen(s) ? s[i] : ' ');
}

static void ascii(char *out, const uint8_t *in, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        out[k++] = util_e2a(in[i]);
    while (k && out[k - 1] == ' ')
        k--;
    out[k] = 0;
}

/* ---------------------------------------------------------------- DUMP */

struct deck {
    const struct util_fid *f;
    uint32_t seq;
    uint8_t card[80];
    size_t fill; /* data bytes in card */
};

static int punch_card(struct deck *d, char flag)
{
    d->card[0] = 0x02;
    ebcdic(d->card + 1, "CMS", 3);
    d->card[C_FLAG] = util_a2e(flag);
    ebcdic(d->card + C_ID, d->f->fn, 8);
    ebcdic(d->card + C_ID + 8, d->f->ft, 8);
    char seq[9];
    snprintf(seq, sizeof(seq), "%08u", (unsigned)++d->seq);
    ebcdic(d->card + C_SEQ, seq, 8);
    int rc = cardph(d->card, 80);
    memset(d->card, 0, sizeof(d->card));
    d->fill = 0;
    return rc;
}

static int put_bytes(struct deck *d, const uint8_t *p, size_t n)
{
    while (n) {
        size_t k = CHUNK - d->fill < n ? CHUNK - d->fill : n;
        memcpy(d->card + C_DATA + d->fill, p, k);
        d->fill += k;
        p += k;
        n -= k;
        if (d->fill == CHUNK) {
            int rc = punch_card(d, ' ');
            if (rc)
                return rc;
        }
    }
    return 0;
}

static int ur_error(const char *dev, int rc)
{
    util_msg(MOD, "118S", "ERROR %s, RC %d", dev, rc);
    return 100;
}

static int dump(char **argv, int paren)
{
    struct util_fid f;
    struct cms_fst fst;
    int rc = util_existing_file(MOD, argv, 2, paren, &f, &fst);
    if (rc)
        return rc;
    uint8_t *rec = util_alloc(MOD, UTIL_MAXREC + 2);
    if (!rec)
        return UTIL_NOSTORAGE;
    struct deck d = {&f, 0, {0}, 0};
    uint32_t length = 0, records = 0;
    for (;;) {
        size_t len = 0;
        rc = fsread(f.fn, f.ft, f.fm, 0, rec + 2, UTIL_MAXREC, &len);
        if (rc == 12) {
            rc = 0;
            break;
        }
        if (rc) {
            rc = util_read_error(MOD, rc, &f);
            break;
        }
        put_be16(rec, (uint16_t)len);
        bool v = fst.recfm == 'V';
        if ((rc = put_bytes(&d, v ? rec : rec + 2, v ? len + 2 : len)) != 0) {
            rc = ur_error("PUNCHING", rc);
            break;
        }
        length += (uint32_t)(v ? len + 2 : len);
        records++;
    }
    fsclose(f.fn, f.ft, f.fm);
    util_free(rec, UTIL_MAXREC + 2);
    if (rc)
        return rc;
    if (d.fill && (rc = punch_card(&d, ' ')) != 0)
        return ur_error("PUNCHING", rc);
    uint8_t *e = d.card + C_DATA;
    ebcdic(e + E_FN, f.fn, 8);
    ebcdic(e + E_FT, f.ft, 8);
    ebcdic(e + E_FM, f.fm, 2);
    e[E_RECFM] = util_a2e(fst.recfm);
    put_be32(e + E_LRECL, fst.lrecl);
    put_be32(e + E_RECORDS, records);
    put_be32(e + E_LENGTH, length);
    uint8_t date[5] = {fst.month, fst.day, fst.year, fst.hour, fst.minute};
    memcpy(e + E_DATE, date, 5);
    if ((rc = punch_card(&d, 'N')) != 0)
        return ur_error("PUNCHING", rc);
    cp_command("CLOSE 00D", NULL, 0);
    return 0;
}

/* ---------------------------------------------------------------- LOAD */

/* The stream of one file, gathered in DMSFREE storage. */
struct stream {
    uint8_t *p;
    size_t n, cap;
};

static bool grow(struct stream *s, size_t more)
{
    if (s->n + more <= s->cap)
        return true;
    size_t cap = s->cap ? s->cap * 2 : 4096;
    while (cap < s->n + more)
        cap *= 2;
    uint8_t *p = util_alloc(MOD, cap);
    if (!p)
        return false;
    if (s->n)
        memcpy(p, s->p, s->n);
    util_free(s->p, s->cap);
    s->p = p;
    s->cap = cap;
    return true;
}

/* Write the stream as the file its end card describes. */
static int make_file(const struct stream *s, const uint8_t *e)
{
    struct util_fid f;
    ascii(f.fn, e + E_FN, 8);
    ascii(f.ft, e + E_FT, 8);
    char fm[3];
    ascii(fm, e + E_FM, 2);
    snprintf(f.fm, sizeof(f.fm), "A%c", fm[1] ? fm[1] : '1');
    char recfm = util_e2a(e[E_RECFM]);
    uint32_t lrecl = get_be32(e + E_LRECL), records = get_be32(e + E_RECORDS);
    uint32_t length = get_be32(e + E_LENGTH);
    int rc = util_fid_check(MOD, &f, 0);
    if (rc)
        return rc;
    if ((recfm != 'F' && recfm != 'V') || length > s->n || (recfm == 'F' && lrecl == 0)) {
        util_msg(MOD, "078E", "END CARD OF '%s %s' IS NOT VALID", f.fn, f.ft);
        return 32;
    }
    struct cms_fst old;
    bool exists = fsstate(f.fn, f.ft, f.fm, &old) == 0;
    struct util_work w;
    util_work_start(&w, MOD, "DISK", "CMSUT1", &f, recfm);
    size_t at = 0;
    for (uint32_t i = 0; i < records; i++) {
        size_t len = lrecl;
        if (recfm == 'V') {
            if (at + 2 > length)
                break;
            len = get_be16(s->p + at);
            at += 2;
        }
        if (at + len > length || len == 0)
            break;
        if ((rc = util_work_write(&w, s->p + at, len)) != 0)
            return rc;
        at += len;
    }
    if (at != length) {
        util_work_drop(&w);
        util_msg(MOD, "078E", "END CARD OF '%s %s' IS NOT VALID", f.fn, f.ft);
        return 32;
    }
    rc = util_work_commit(&w, exists);
    if (rc == 0)
        util_type("%s %s %s", f.fn, f.ft, f.fm);
    return rc;
}

/* The rest of the reader's file, so that it ends. */
static void drain(void)
{
    uint8_t card[80];
    size_t len;
    while (util_cardrd(card, &len) == 0)
        ;
}

static int load(char **argv, int paren)
{
    if (paren > 2) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", argv[2]);
        return 24;
    }
    struct stream s = {NULL, 0, 0};
    uint32_t seq = 0, files = 0;
    int rc = 0;
    for (;;) {
        uint8_t card[80];
        size_t len;
        rc = util_cardrd(card, &len);
        if (rc == 12) {
            rc = 0;
            break;
        }
        if (rc) {
            if (rc == 8)
                util_msg(MOD, "702E", "NO FILE IN THE READER");
            else
                rc = ur_error("READING THE READER", rc);
            break;
        }
        char seqtext[9], want[9];
        ascii(seqtext, card + C_SEQ, 8);
        snprintf(want, sizeof(want), "%08u", (unsigned)++seq);
        if (card[0] != 0x02 || util_e2a(card[1]) != 'C' || util_e2a(card[2]) != 'M' ||
            util_e2a(card[3]) != 'S' || strcmp(seqtext, want) != 0) {
            util_msg(MOD, "078E", "CARD %u IS NOT THE NEXT DISK DUMP CARD", (unsigned)seq);
            drain();
            rc = 32;
            break;
        }
        if (util_e2a(card[C_FLAG]) == 'N') {
            if ((rc = make_file(&s, card + C_DATA)) != 0) {
                drain();
                break;
            }
            files++;
            s.n = 0;
            seq = 0;
            continue;
        }
        if (!grow(&s, CHUNK)) {
            drain();
            rc = UTIL_NOSTORAGE;
            break;
        }
        memcpy(s.p + s.n, card + C_DATA, CHUNK);
        s.n += CHUNK;
    }
    util_free(s.p, s.cap);
    if (rc == 0 && files == 0) {
        util_msg(MOD, "078E", "NO END CARD");
        rc = 32;
    }
    return rc;
}

int disk_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    if (paren > 1 && !strcmp(argv[1], "DUMP"))
        return dump(argv, paren);
    if (paren > 1 && !strcmp(argv[1], "LOAD"))
        return load(argv, paren);
    util_msg(MOD, "070E", "INVALID PARAMETER '%s'", paren > 1 ? argv[1] : "");
    return 24;
}
