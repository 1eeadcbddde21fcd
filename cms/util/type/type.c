/*
 * type.c - TYPE: a file's records on the terminal (R6's DMSTYP, a
 * transient command; reference vm370.md 5.5).
 *
 *   Type fn ft [fm|*] [rec1|* [recn|*]] [( HEX COL mmm-[nnn] [)]]
 *
 * Entry: type_main(argc, argv). Without fm (or with *) the file is looked
 * for on every accessed disk in the search order. Records rec1 to recn
 * (default all) are typed as text, trailing blanks left out, or with HEX
 * in hexadecimal, 32 bytes a line behind their offset; COL keeps columns
 * mmm to nnn (nnn defaulting to the end of the record).
 *
 * Returns: 0; 20 invalid characters; 24 bad operands or options
 * (DMSTYP054E INCOMPLETE FILEID SPECIFIED, DMSTYP048E INVALID MODE,
 * DMSTYP070E INVALID PARAMETER, DMSTYP003E INVALID OPTION); 28 not found;
 * 36 disk not accessed; 100 read error; 104 no storage.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/util.h"
#include "cms/util/type/type.h"

#define MOD "TYP"

enum { O_HEX, O_COL, NOPT };
static const struct util_opt opts[NOPT] = {{"HEX", 1, UTIL_ARG_NONE}, {"COL", 3, UTIL_ARG_WORD}};

/* A record number or "*" (def). */
static bool recno(const char *t, uint32_t def, uint32_t *v)
{
    if (!strcmp(t, "*")) {
        *v = def;
        return true;
    }
    return util_number(t, v);
}

/* "mmm-nnn" or "mmm-" or "mmm". */
static bool columns(const char *w, uint32_t *from, uint32_t *to)
{
    uint32_t a = 0, b = 0;
    const char *p = w;
    while (*p >= '0' && *p <= '9' && a < 65536)
        a = a * 10 + (uint32_t)(*p++ - '0');
    if (*p == '-') {
        p++;
        while (*p >= '0' && *p <= '9' && b < 65536)
            b = b * 10 + (uint32_t)(*p++ - '0');
        if (b == 0)
            b = UTIL_MAXREC;
    } else {
        b = UTIL_MAXREC;
    }
    if (a == 0 || b < a || *p)
        return false;
    *from = a;
    *to = b;
    return true;
}

static void type_hex(const uint8_t *rec, size_t len)
{
    char l[100];
    for (size_t off = 0; off < len || off == 0; off += 32) {
        int n = snprintf(l, sizeof(l), "%5u ", (unsigned)off);
        for (size_t i = off; i < len && i < off + 32; i++)
            n += snprintf(l + n, sizeof(l) - (size_t)n, "%02X%s", rec[i], (i % 4 == 3) ? " " : "");
        wrterm(l, (size_t)n);
        if (len == 0)
            break;
    }
}

static void type_text(const uint8_t *rec, size_t len, char *text)
{
    for (size_t i = 0; i < len; i++)
        text[i] = util_e2a(rec[i]);
    while (len > 0 && text[len - 1] == ' ')
        len--;
    wrterm(text, len);
}

int type_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    if (paren < 3) {
        util_msg(MOD, "054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    struct util_fid f;
    memset(&f, 0, sizeof(f));
    snprintf(f.fn, sizeof(f.fn), "%s", argv[1]);
    snprintf(f.ft, sizeof(f.ft), "%s", argv[2]);
    snprintf(f.fm, sizeof(f.fm), "%s", paren > 3 ? argv[3] : "*");
    int rc = util_fid_check(MOD, &f, UTIL_STAR); /* "*" as fm: every disk */
    if (rc)
        return rc;
    uint32_t first = 1, last = 0xFFFFFFFF;
    int bad = paren > 4 && !recno(argv[4], 1, &first)     ? 4
              : paren > 5 && !recno(argv[5], last, &last) ? 5
              : paren > 6                                 ? 6
                                                          : 0;
    if (bad) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", argv[bad]);
        return 24;
    }
    struct util_optval val[NOPT];
    if ((rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, val)))
        return rc;
    uint32_t from = 1, to = UTIL_MAXREC;
    if (val[O_COL].set && !columns(val[O_COL].word, &from, &to)) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", val[O_COL].word);
        return 24;
    }
    struct cms_fst fst;
    rc = util_has(f.fn, '*') || util_has(f.ft, '*') ? 28 : util_state(MOD, &f, &fst, false);
    if (rc == 28) {
        if (!strcmp(f.fm, "*"))
            strcpy(f.fm, "A");
        return util_not_found(MOD, &f);
    }
    if (rc)
        return util_state(MOD, &f, &fst, true);
    struct util_fid found;
    util_fst_fid(&found, &fst);
    size_t size = fst.lrecl ? fst.lrecl : 1;
    uint8_t *rec = util_alloc(MOD, size);
    char *text = rec ? util_alloc(MOD, size) : NULL;
    if (!text) {
        if (rec)
            util_free(rec, size);
        return UTIL_NOSTORAGE;
    }
    rc = 0;
    for (uint32_t k = first; k <= last; k++) {
        size_t len;
        int r = fsread(found.fn, found.ft, found.fm, k, rec, size, &len);
        if (r == 12 || r == 7)
            break; /* past the last record */
        if (r && r != 8) {
            rc = util_read_error(MOD, r, &found);
            break;
        }
        if (len > size)
            len = size;
        size_t a = from - 1 < len ? from - 1 : len, b = to < len ? to : len;
        if (val[O_HEX].set)
            type_hex(rec + a, b - a);
        else
            type_text(rec + a, b - a, text);
    }
    fsclose(found.fn, found.ft, found.fm);
    util_free(text, size);
    util_free(rec, size);
    return rc;
}
