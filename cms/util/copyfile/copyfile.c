/*
 * copyfile.c - COPYFILE: copy, combine and change CMS files (R6's
 * DMSCPY; reference vm370.md 5.5 and the R6 COPYFILE help).
 *
 *   COPYfile fileidi1 [fileidi2 ...] [fileido] [( options [)]]
 *
 * Entry: copyfile_main(argc, argv), argv[1..] the command's tokens.
 * Returns the CMS return code: 0; 20 invalid character in a file id; 24
 * bad operands, options or lists; 28 input not found, or the output
 * exists (NEWFILE); 32 FROM or FRLABEL past a file's records; 36 disk
 * read-only or not accessed; 40 nothing copied; 100 read or write error
 * (disk full); 104 no storage.
 *
 * Validate, then act: the operands and options are checked, every input
 * is found (patterns listed once, so outputs made on the way are never
 * read back in) and every output is checked before anything is written.
 * Each output is then written as a work file, COPYFILE CMSUT1 on the
 * output's disk, and made the output only when whole (util_work_*): a
 * failure leaves the old output as it was.
 *
 * Options: TYPE/NOTYPE, NEWDATE, NEWFILE/REPLACE, PROMPT/NOPROMPT,
 * FROM/FRLABEL, FOR/TOLABEL, OVLY/APPEND, SPECS/NOSPECS, RECFM, LRECL,
 * TRUNC/NOTRUNC, FILL, EBCDIC, UPCASE/LOWCASE, TRANS. Not these: OLDDATE
 * (cmsapi.h cannot set a file's date), PACK and UNPACK.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/util.h"
#include "cms/util/copyfile/copyfile.h"

#define MOD "CPY"

enum {
    O_NOTYPE,
    O_TYPE,
    O_NEWDATE,
    O_NEWFILE,
    O_REPLACE,
    O_PROMPT,
    O_NOPROMPT,
    O_FROM,
    O_FRLABEL,
    O_FOR,
    O_TOLABEL,
    O_OVLY,
    O_APPEND,
    O_NOSPECS,
    O_SPECS,
    O_RECFM,
    O_LRECL,
    O_NOTRUNC,
    O_TRUNC,
    O_FILL,
    O_EBCDIC,
    O_TRANS,
    O_UPCASE,
    O_LOWCASE,
    NOPT
};

/* Names and shortest forms as in R6's help (NOType, FRom, APpend ...). */
static const struct util_opt opts[NOPT] = {
    [O_NOTYPE] = {"NOTYPE", 3, UTIL_ARG_NONE},     [O_TYPE] = {"TYPE", 1, UTIL_ARG_NONE},
    [O_NEWDATE] = {"NEWDATE", 4, UTIL_ARG_NONE},   [O_NEWFILE] = {"NEWFILE", 4, UTIL_ARG_NONE},
    [O_REPLACE] = {"REPLACE", 3, UTIL_ARG_NONE},   [O_PROMPT] = {"PROMPT", 2, UTIL_ARG_NONE},
    [O_NOPROMPT] = {"NOPROMPT", 4, UTIL_ARG_NONE}, [O_FROM] = {"FROM", 2, UTIL_ARG_NUM},
    [O_FRLABEL] = {"FRLABEL", 3, UTIL_ARG_WORD},   [O_FOR] = {"FOR", 3, UTIL_ARG_NUM},
    [O_TOLABEL] = {"TOLABEL", 3, UTIL_ARG_WORD},   [O_OVLY] = {"OVLY", 2, UTIL_ARG_NONE},
    [O_APPEND] = {"APPEND", 2, UTIL_ARG_NONE},     [O_NOSPECS] = {"NOSPECS", 4, UTIL_ARG_NONE},
    [O_SPECS] = {"SPECS", 2, UTIL_ARG_NONE},       [O_RECFM] = {"RECFM", 3, UTIL_ARG_WORD},
    [O_LRECL] = {"LRECL", 2, UTIL_ARG_NUM},        [O_NOTRUNC] = {"NOTRUNC", 4, UTIL_ARG_NONE},
    [O_TRUNC] = {"TRUNC", 3, UTIL_ARG_NONE},       [O_FILL] = {"FILL", 2, UTIL_ARG_WORD},
    [O_EBCDIC] = {"EBCDIC", 2, UTIL_ARG_NONE},     [O_TRANS] = {"TRANS", 3, UTIL_ARG_NONE},
    [O_UPCASE] = {"UPCASE", 2, UTIL_ARG_NONE},     [O_LOWCASE] = {"LOWCASE", 2, UTIL_ARG_NONE},
};

/* R6's incompatible options (those of PACK/UNPACK and OLDDATE aside). */
static const uint8_t conflicts[][2] = {
    {O_APPEND, O_LRECL},  {O_APPEND, O_NEWDATE},  {O_APPEND, O_NEWFILE},  {O_APPEND, O_OVLY},
    {O_APPEND, O_RECFM},  {O_APPEND, O_REPLACE},  {O_FOR, O_TOLABEL},     {O_FRLABEL, O_FROM},
    {O_NEWFILE, O_OVLY},  {O_NEWFILE, O_REPLACE}, {O_NOPROMPT, O_PROMPT}, {O_NOSPECS, O_SPECS},
    {O_NOTRUNC, O_TRUNC}, {O_NOTYPE, O_TYPE},     {O_OVLY, O_REPLACE},    {O_UPCASE, O_LOWCASE},
};

/* One output file and the inputs that make it. */
struct job {
    struct util_fid out;
    uint32_t first, n; /* its inputs: cp->in[first ... first+n-1] */
};

struct cpy {
    struct util_optval o[NOPT];
    enum { NEW, REPLACE, APPEND, OVLY } how;
    bool type, prompt, trunc, xlate;
    uint8_t fill;
    uint8_t table[256];
    uint8_t frlabel[8], tolabel[8];
    size_t frlen, tolen;
    struct cpy_specs *specs;
    struct util_fid id[64]; /* the file ids as typed; id[nid-1] the output */
    int nid;
    bool multiple;
    struct cms_fst *in;
    uint32_t nin, capin;
    struct job *job;
    uint32_t njob, capjob;
    uint8_t *ibuf, *obuf; /* an input record; the output record (on an OVLY base) */
    char line[CPY_MAXLIST];
};

/* ---------------------------------------------------------------- storage */

/* Make room for one more element in a growing array. */
static bool grow(void **arr, uint32_t *cap, uint32_t n, size_t size)
{
    if (n < *cap)
        return true;
    uint32_t ncap = *cap ? *cap * 2 : 16;
    void *p = util_alloc(MOD, ncap * size);
    if (!p)
        return false;
    if (*arr) {
        memcpy(p, *arr, n * size);
        util_free(*arr, *cap * size);
    }
    *arr = p;
    *cap = ncap;
    return true;
}

static void cpy_free(struct cpy *cp)
{
    util_free(cp->in, cp->capin * sizeof(*cp->in));
    util_free(cp->job, cp->capjob * sizeof(*cp->job));
    util_free(cp->specs, sizeof(*cp->specs));
    util_free(cp->ibuf, UTIL_MAXREC);
    util_free(cp->obuf, UTIL_MAXREC);
    util_free(cp, sizeof(*cp));
}

/* ---------------------------------------------------------------- operands */

static int parse_options(struct cpy *cp, int argc, char **argv, int paren)
{
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, cp->o);
    if (!rc)
        rc = util_conflicts(MOD, opts, cp->o, conflicts, (int)(sizeof(conflicts) / 2));
    if (rc)
        return rc;
    const struct util_optval *o = cp->o;
    if (o[O_RECFM].set && strcmp(o[O_RECFM].word, "F") && strcmp(o[O_RECFM].word, "V")) {
        util_msg(MOD, "029E", "INVALID PARAMETER '%s' IN THE OPTION 'RECFM' FIELD",
                 o[O_RECFM].word);
        return 24;
    }
    if (o[O_LRECL].set && o[O_LRECL].num > UTIL_MAXREC) {
        util_msg(MOD, "029E", "INVALID PARAMETER '%u' IN THE OPTION 'LRECL' FIELD",
                 (unsigned)o[O_LRECL].num);
        return 24;
    }
    cp->fill = 0x40;
    if (o[O_FILL].set) {
        const char *w = o[O_FILL].word;
        size_t l = strlen(w);
        if (l == 1)
            cp->fill = util_a2e(w[0]);
        else if (l != 2 || !util_hexbyte(w, &cp->fill)) {
            util_msg(MOD, "029E", "INVALID PARAMETER '%s' IN THE OPTION 'FILL' FIELD", w);
            return 24;
        }
    }
    cp->type = o[O_TYPE].set;
    cp->prompt = !o[O_NOPROMPT].set;
    cp->trunc = o[O_TRUNC].set;
    for (size_t i = 0; i < strlen(o[O_FRLABEL].word); i++)
        cp->frlabel[cp->frlen++] = util_a2e(o[O_FRLABEL].word[i]);
    for (size_t i = 0; i < strlen(o[O_TOLABEL].word); i++)
        cp->tolabel[cp->tolen++] = util_a2e(o[O_TOLABEL].word[i]);
    util_xlate_identity(cp->table);
    if (o[O_EBCDIC].set) {
        /* 026 keypunch (BCD) characters to their 029 ones, as R6's help lists them */
        static const char from[] = "{&%#@'", to[] = ")+(=':";
        for (int i = 0; from[i]; i++)
            cp->table[util_a2e(from[i])] = util_a2e(to[i]);
    }
    if (o[O_UPCASE].set || o[O_LOWCASE].set)
        util_xlate_case(cp->table, o[O_UPCASE].set);
    cp->xlate = o[O_EBCDIC].set || o[O_UPCASE].set || o[O_LOWCASE].set || o[O_TRANS].set;
    return 0;
}

static bool all_eq(const struct util_fid *f)
{
    return !strcmp(f->fn, "=") && !strcmp(f->ft, "=") && !strcmp(f->fm, "=");
}

static bool star(const struct util_fid *f)
{
    return util_has(f->fn, '*') || util_has(f->ft, '*') || util_has(f->fm, '*');
}

static int star_error(const struct util_fid *f)
{
    char id[32];
    util_fid_text(id, sizeof(id), f);
    util_msg(MOD, "062E", "INVALID CHARACTER '*' IN FILEID '%s'", id);
    return 20;
}

/* The file ids: every one has all three parts; the first may hold
 * patterns, later inputs "=" and (one output only) patterns, the output
 * "=" but no patterns. */
static int parse_fileids(struct cpy *cp, char **argv, int paren)
{
    int nops = paren - 1;
    if (nops == 0) {
        util_msg(MOD, "001E", "NO FILENAME SPECIFIED");
        return 24;
    }
    if (nops % 3 || nops / 3 > (int)(sizeof(cp->id) / sizeof(cp->id[0]))) {
        util_msg(MOD, "054E", "INCOMPLETE FILEID SPECIFIED");
        return 24;
    }
    cp->nid = nops / 3;
    for (int k = 0; k < cp->nid; k++)
        util_fid_take(&cp->id[k], argv, 1 + 3 * k);
    bool one = cp->nid == 1;
    if (one) { /* the output is "= = =" */
        struct util_fid *o = &cp->id[cp->nid++];
        snprintf(o->fn, sizeof(o->fn), "=");
        snprintf(o->ft, sizeof(o->ft), "=");
        snprintf(o->fm, sizeof(o->fm), "=");
    }
    const struct util_fid *in1 = &cp->id[0], *out = &cp->id[cp->nid - 1];
    int rc = util_fid_check(MOD, in1, UTIL_STAR);
    for (int k = 1; k < cp->nid - 1 && !rc; k++)
        rc = util_fid_check(MOD, &cp->id[k], UTIL_STAR | UTIL_EQ);
    if (!rc)
        rc = util_fid_check(MOD, out, UTIL_EQ);
    if (rc)
        return rc;
    /* "=" in the output where the first input has "*": a file per input */
    cp->multiple = (util_has(out->fn, '=') && util_has(in1->fn, '*')) ||
                   (util_has(out->ft, '=') && util_has(in1->ft, '*')) ||
                   (util_has(out->fm, '=') && util_has(in1->fm, '*'));
    for (int k = 1; k < cp->nid - 1; k++) {
        const struct util_fid *f = &cp->id[k];
        if ((cp->multiple && star(f)) ||
            (!strcmp(f->fn, "*") && !strcmp(f->ft, "*") && !strcmp(f->fm, "*")))
            return star_error(f);
    }
    const struct util_optval *o = cp->o;
    if (o[O_APPEND].set)
        cp->how = APPEND;
    else if (o[O_OVLY].set)
        cp->how = OVLY;
    else if (o[O_REPLACE].set || (!o[O_NEWFILE].set && (one || all_eq(out))))
        cp->how = REPLACE;
    else
        cp->how = NEW;
    return 0;
}

/* ---------------------------------------------------------------- the plan */

static bool reserved(const struct cms_fst *f)
{
    return !strcmp(f->fn, "COPYFILE") && !strcmp(f->ft, "CMSUT1");
}

static bool add_input(struct cpy *cp, const struct cms_fst *f)
{
    struct cms_fst copy = *f; /* f may be in cp->in, which grow() moves */
    if (!grow((void **)&cp->in, &cp->capin, cp->nin, sizeof(*cp->in)))
        return false;
    cp->in[cp->nin++] = copy;
    return true;
}

/* Every file f names (patterns through FSLIST) added as inputs. */
static int find_inputs(struct cpy *cp, const struct util_fid *f)
{
    struct cms_fst fst;
    if (!star(f)) {
        int rc = util_state(MOD, f, &fst, true);
        if (rc)
            return rc;
        return add_input(cp, &fst) ? 0 : UTIL_NOSTORAGE;
    }
    uint32_t cursor = 0, found = 0;
    int rc;
    while ((rc = fslist(f->fn, f->ft, f->fm, &cursor, &fst)) == 0) {
        if (reserved(&fst))
            continue;
        if (!add_input(cp, &fst))
            return UTIL_NOSTORAGE;
        found++;
    }
    if (rc == 36) {
        util_msg(MOD, "069E", "DISK '%c' NOT ACCESSED", f->fm[0]);
        return 36;
    }
    return found ? 0 : util_not_found(MOD, f);
}

/* f with its "=" taken from the file ids of "like" (fm: its letter). */
static void subst_fid(struct util_fid *out, const struct util_fid *f, const struct util_fid *like)
{
    char letter[2] = {like->fm[0], 0};
    util_subst(out->fn, f->fn, like->fn);
    util_subst(out->ft, f->ft, like->ft);
    util_subst(out->fm, f->fm, letter);
}

static int add_job(struct cpy *cp, const struct util_fid *like, uint32_t first)
{
    if (!grow((void **)&cp->job, &cp->capjob, cp->njob, sizeof(*cp->job)))
        return UTIL_NOSTORAGE;
    struct job *j = &cp->job[cp->njob++];
    subst_fid(&j->out, &cp->id[cp->nid - 1], like);
    j->first = first;
    j->n = cp->nin - first;
    return 0;
}

static int plan(struct cpy *cp)
{
    const struct util_fid *in1 = &cp->id[0];
    int rc;
    if (!cp->multiple) {
        for (int k = 0; k < cp->nid - 1; k++) {
            struct util_fid f = cp->id[k];
            if (k)
                subst_fid(&f, &cp->id[k], in1);
            if ((rc = find_inputs(cp, &f)))
                return rc;
        }
        return add_job(cp, in1, 0);
    }
    if ((rc = find_inputs(cp, in1)))
        return rc;
    uint32_t n1 = cp->nin;
    for (uint32_t m = 0; m < n1; m++) {
        struct util_fid like;
        util_fst_fid(&like, &cp->in[m]);
        uint32_t first = cp->nin;
        if (!add_input(cp, &cp->in[m]))
            return UTIL_NOSTORAGE;
        for (int k = 1; k < cp->nid - 1; k++) {
            struct util_fid f;
            subst_fid(&f, &cp->id[k], &like);
            if ((rc = find_inputs(cp, &f)))
                return rc;
        }
        if ((rc = add_job(cp, &like, first)))
            return rc;
    }
    return 0;
}

/* The output's mode number (an existing output's, else the first
 * input's) and whether it exists: 0, or the message and rc. */
static int check_output(struct cpy *cp, struct job *j, struct cms_fst *ofst, bool *exists)
{
    int rc = util_out_state(MOD, &j->out, cp->in[j->first].fm[1], ofst, exists);
    if (!rc && *exists && cp->how == NEW) {
        char id[32];
        util_fid_text(id, sizeof(id), &j->out);
        util_msg(MOD, "024E", "FILE '%s' ALREADY EXISTS", id);
        return 28;
    }
    return rc;
}

/* ---------------------------------------------------------------- copying */

struct out {
    struct util_work w;
    char recfm;
    uint32_t lrecl; /* F */
    bool exists;    /* the output: the base of APPEND and OVLY */
    struct cms_fst ofst;
    uint32_t base; /* OVLY: the next record of the old output */
};

static bool has_label(const uint8_t *rec, size_t len, const uint8_t *label, size_t n)
{
    return n && len >= n && memcmp(rec, label, n) == 0;
}

/* Read record r of f into buf: 0 with *len, 12 at its end, or the
 * message and rc. */
static int read_rec(const struct cms_fst *fst, uint32_t r, uint8_t *buf, size_t *len)
{
    int rc = fsread(fst->fn, fst->ft, fst->fm, r, buf, UTIL_MAXREC, len);
    if (rc == 0 || rc == 12)
        return rc;
    struct util_fid f;
    util_fst_fid(&f, fst);
    return util_read_error(MOD, rc, &f);
}

/* Write one record made from rec (len bytes): translated, through the
 * specification list, over the OVLY base, padded or truncated for F or
 * stripped of trailing fill characters (TRUNC) for V. */
static int put(struct cpy *cp, struct out *o, uint8_t *rec, size_t len)
{
    size_t cap = o->recfm == 'F' ? o->lrecl : UTIL_MAXREC, n = 0;
    uint8_t *ob = cp->obuf;
    if (cp->xlate)
        for (size_t i = 0; i < len; i++)
            rec[i] = cp->table[rec[i]];
    if (cp->how == OVLY && o->exists && o->base <= o->ofst.records) {
        int rc = read_rec(&o->ofst, o->base, ob, &n);
        if (rc == 12)
            n = 0;
        else if (rc)
            return rc;
        if (n > cap)
            n = cap;
    }
    o->base++;
    if (cp->specs)
        cpy_apply_specs(cp->specs, rec, len, ob, cap, &n, cp->fill);
    else {
        size_t l = len < cap ? len : cap;
        memcpy(ob, rec, l);
        if (l > n)
            n = l;
    }
    if (o->recfm == 'F') {
        memset(ob + n, cp->fill, cap - n);
        n = cap;
    } else if (cp->trunc)
        while (n > 1 && ob[n - 1] == cp->fill)
            n--;
    if (n == 0) /* a V record has at least one byte */
        ob[n++] = cp->fill;
    return util_work_write(&o->w, ob, n);
}

/* The records of one input, within FROM/FRLABEL and FOR/TOLABEL. */
static int copy_input(struct cpy *cp, struct out *o, const struct cms_fst *in)
{
    const struct util_optval *opt = cp->o;
    uint32_t r = opt[O_FROM].set ? opt[O_FROM].num : 1;
    uint32_t left = opt[O_FOR].set ? opt[O_FOR].num : UINT32_MAX;
    struct util_fid id;
    util_fst_fid(&id, in);
    char text[32];
    util_fid_text(text, sizeof(text), &id);
    if (r > in->records) {
        util_msg(MOD, "156E", "'FROM %u' NOT FOUND - FILE '%s' HAS ONLY '%u' RECORDS", (unsigned)r,
                 text, (unsigned)in->records);
        return 32;
    }
    bool looking = cp->frlen > 0;
    for (; left && r <= in->records; r++) {
        size_t len;
        int rc = read_rec(in, r, cp->ibuf, &len);
        if (rc == 12)
            break;
        if (rc)
            return rc;
        if (looking && !has_label(cp->ibuf, len, cp->frlabel, cp->frlen))
            continue;
        looking = false;
        if (has_label(cp->ibuf, len, cp->tolabel, cp->tolen))
            break;
        if ((rc = put(cp, o, cp->ibuf, len)))
            return rc;
        left--;
    }
    if (looking) {
        util_msg(MOD, "157E", "LABEL '%s' NOT FOUND IN FILE '%s'", opt[O_FRLABEL].word, text);
        return 32;
    }
    return 0;
}

/* The output's record format and length. */
static void out_format(const struct cpy *cp, const struct job *j, struct out *o)
{
    const struct util_optval *opt = cp->o;
    bool base = o->exists && (cp->how == APPEND || cp->how == OVLY);
    o->recfm = opt[O_RECFM].set ? opt[O_RECFM].word[0]
               : base           ? o->ofst.recfm
                                : cp->in[j->first].recfm;
    if (opt[O_LRECL].set)
        o->lrecl = opt[O_LRECL].num;
    else if (base && o->ofst.recfm == 'F')
        o->lrecl = o->ofst.lrecl;
    else
        for (uint32_t i = 0; i < j->n; i++)
            if (cp->in[j->first + i].lrecl > o->lrecl)
                o->lrecl = cp->in[j->first + i].lrecl;
}

static void type_copy(const struct cpy *cp, const struct out *o, const struct cms_fst *in,
                      bool first)
{
    if (!cp->type)
        return;
    struct util_fid f;
    char a[32], b[32];
    util_fst_fid(&f, in);
    util_fid_text(a, sizeof(a), &f);
    if (!first) {
        util_type("COPY '%s'", a);
        return;
    }
    static const char *const verb[] = {"TO", "TO", "APPEND", "OVLY"};
    util_fid_text(b, sizeof(b), &o->w.out);
    util_type("COPY '%s' %s '%s' (%s FILE)", a, verb[cp->how], b, o->exists ? "OLD" : "NEW");
}

static void close_all(const struct cpy *cp, const struct job *j, const struct out *o)
{
    for (uint32_t i = 0; i < j->n; i++) {
        const struct cms_fst *f = &cp->in[j->first + i];
        fsclose(f->fn, f->ft, f->fm);
    }
    if (o->exists)
        fsclose(o->ofst.fn, o->ofst.ft, o->ofst.fm);
}

/* The old output's records from r on, as they are. */
static int copy_old(struct cpy *cp, struct out *o, uint32_t r)
{
    int rc = 0;
    for (; r <= o->ofst.records && !rc; r++) {
        size_t len;
        if ((rc = read_rec(&o->ofst, r, cp->ibuf, &len)) == 12)
            return 0;
        if (!rc)
            rc = util_work_write(&o->w, cp->ibuf, len);
    }
    return rc;
}

static int run_job(struct cpy *cp, struct job *j)
{
    struct out out;
    memset(&out, 0, sizeof(out));
    int rc = check_output(cp, j, &out.ofst, &out.exists);
    if (rc)
        return rc;
    out_format(cp, j, &out);
    util_work_start(&out.w, MOD, "COPYFILE", "CMSUT1", &j->out, out.recfm);
    out.base = 1;
    if (cp->how == APPEND && out.exists) /* the old records first */
        rc = copy_old(cp, &out, 1);
    for (uint32_t i = 0; i < j->n && !rc; i++) {
        type_copy(cp, &out, &cp->in[j->first + i], i == 0);
        rc = copy_input(cp, &out, &cp->in[j->first + i]);
    }
    if (!rc && cp->how == OVLY && out.exists) /* the old records past the new ones */
        rc = copy_old(cp, &out, out.base);
    close_all(cp, j, &out);
    if (!rc && out.w.records == 0) {
        char id[32];
        util_fid_text(id, sizeof(id), &j->out);
        util_msg(MOD, "173E", "NO RECORDS WERE COPIED TO OUTPUT FILE '%s'", id);
        rc = 40;
    }
    if (rc) {
        util_work_drop(&out.w);
        return rc;
    }
    return util_work_commit(&out.w, out.exists);
}

/* ---------------------------------------------------------------- the command */

static int copyfile(struct cpy *cp, int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    int rc = parse_options(cp, argc, argv, paren);
    if (!rc)
        rc = parse_fileids(cp, argv, paren);
    if (!rc)
        rc = plan(cp);
    /* every output checked before anything is written */
    for (uint32_t k = 0; k < cp->njob && !rc; k++) {
        struct cms_fst fst;
        bool exists;
        struct util_fid keep = cp->job[k].out;
        rc = check_output(cp, &cp->job[k], &fst, &exists);
        cp->job[k].out = keep;
    }
    if (rc)
        return rc;
    if (cp->o[O_SPECS].set) {
        if (!(cp->specs = util_alloc(MOD, sizeof(*cp->specs))))
            return UTIL_NOSTORAGE;
        cpy_read_list(cp->prompt, "601R", "ENTER SPECIFICATION LIST:", cp->line);
        if ((rc = cpy_parse_specs(cp->line, cp->specs)))
            return rc;
    }
    if (cp->o[O_TRANS].set) {
        cpy_read_list(cp->prompt, "602R", "ENTER TRANSLATION LIST:", cp->line);
        if ((rc = cpy_parse_trans(cp->line, cp->table)))
            return rc;
    }
    if (!(cp->ibuf = util_alloc(MOD, UTIL_MAXREC)) || !(cp->obuf = util_alloc(MOD, UTIL_MAXREC)))
        return UTIL_NOSTORAGE;
    for (uint32_t k = 0; k < cp->njob && !rc; k++)
        rc = run_job(cp, &cp->job[k]);
    return rc;
}

int copyfile_main(int argc, char **argv)
{
    struct cpy *cp = util_alloc(MOD, sizeof(*cp));
    if (!cp)
        return UTIL_NOSTORAGE;
    memset(cp, 0, sizeof(*cp));
    int rc = copyfile(cp, argc, argv);
    cpy_free(cp);
    return rc;
}
