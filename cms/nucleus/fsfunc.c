/*
 * fsfunc.c - the file-system functions programs call with SVC 202, and
 * the active-file table that keeps their files open between calls (the
 * jobs of R6's DMSSTT, DMSBRD, DMSBWR, DMSFNS and DMSERS as functions,
 * and of the AFT; reference vm370.md 5.6, docs/cms.md "The active-file
 * table").
 *
 * Parameter lists are FSCBs: name, fn, ft, fm (2 bytes), record number,
 * buffer, size, record format, flags, records per call, bytes read. A
 * tokenised plist has the same bytes up to the file mode, so STATE fn ft
 * fm and the like work with either; a field that holds the fence (X'FF')
 * counts as not given.
 *
 * A file read (RDBUF) or written (WRBUF) becomes active: it stays open,
 * with its position, until FINIS, until the command typed at the terminal
 * ends (the command loop closes every file, as R6 did FINIS * * *), or an
 * abend or HX. A file being written is a new version beside the old one
 * (cms/fs): FINIS commits it; until then STATE and other readers see the
 * old one. FSCBFLG X'01' (ours) starts a file that is not active anew
 * instead of appending to it: the C runtime's fopen "w".
 *
 * Entry points: fs_state, fs_statew, fs_rdbuf, fs_wrbuf, fs_finis,
 * fs_erase, fs_fstlist (svc.c's function table); afile_close_all,
 * afile_close_mode, afile_erase.
 */
#include <string.h>
#include "cms/lib/plist.h"
#include "cms/nucleus/cms.h"
#include "cms/nucleus/fileid.h"
#include "console/ebcdic.h"
#include "lib/bytes.h"

#define EB_F 0xC6
#define EB_V 0xE5

#define AFT_MAX 32

struct afile {
    bool used;
    uint8_t fn[8], ft[8]; /* EBCDIC */
    struct adt *d;
    struct cmsfs_rfile *r; /* reading, or */
    struct cmsfs_wfile *w; /* writing */
    uint8_t recfm;
    uint32_t lrecl;
    int werr;         /* a WRBUF failed for good: the new version is dropped at FINIS */
    bool erase_after; /* a mode-3 file read from a R/W disk: erased when closed */
};
static struct afile aft[AFT_MAX];

static inline uint8_t *at(uint32_t a) { return (uint8_t *)(uintptr_t)a; }

/* ---------------------------------------------------------------- the parameter list */

struct fid {
    char fn[9], ft[9]; /* ASCII; "" when not given */
    char letter, num;  /* ASCII; 0 when not given */
    uint8_t efn[8], eft[8];
};

/* A name field: 0 given (valid), 1 not given, -1 invalid. */
static int name_field(const uint8_t *f, char out[9], bool pattern)
{
    out[0] = 0;
    if (f[0] == PLIST_FENCE)
        return 1;
    e2a_field(out, f, 8);
    if (!out[0])
        return 1;
    return fileid_valid(out, pattern) ? 0 : -1;
}

enum { FID_PATTERN = 1, FID_NEEDED = 2 };

/* The file id of a parameter list: patterns allowed with FID_PATTERN, fn
 * and ft required with FID_NEEDED. Returns 0, or the return code for a
 * bad (or missing) fn (badfn), ft (badft) or file mode (badfm). */
static int fid_parse(uint32_t pl, struct fid *f, int how, int badfn, int badft, int badfm)
{
    const uint8_t *p = at(pl);
    bool pattern = how & FID_PATTERN;
    memset(f, 0, sizeof(*f));
    if (name_field(p + FSCB_FN, f->fn, pattern) < 0 || (!f->fn[0] && (how & FID_NEEDED)))
        return badfn;
    if (f->fn[0] &&
        (name_field(p + FSCB_FT, f->ft, pattern) < 0 || (!f->ft[0] && (how & FID_NEEDED))))
        return badft;
    if (f->fn[0] && f->ft[0]) {
        a2e_field(f->efn, 8, f->fn);
        a2e_field(f->eft, 8, f->ft);
        uint8_t m = p[FSCB_FM], n = p[FSCB_FM + 1];
        if (m != PLIST_FENCE && m != EBCDIC_BLANK) {
            char c;
            e2a(&c, &m, 1);
            if (!((c >= 'A' && c <= 'Z') || c == '*'))
                return badfm;
            f->letter = c;
            if (n != PLIST_FENCE && n != EBCDIC_BLANK) {
                e2a(&c, &n, 1);
                if (!((c >= '0' && c <= '6') || c == '*'))
                    return badfm;
                f->num = c;
            }
        }
    }
    return 0;
}

/* The search pattern of a parsed id: letter 0 means mode dflt. */
static void fid_fileid(const struct fid *f, struct fileid *out, char dflt)
{
    memset(out, 0, sizeof(*out));
    memcpy(out->fn, f->fn[0] ? f->fn : "*", f->fn[0] ? strlen(f->fn) + 1 : 2);
    memcpy(out->ft, f->ft[0] ? f->ft : "*", f->ft[0] ? strlen(f->ft) + 1 : 2);
    out->mode = f->letter ? f->letter : dflt;
    out->num = f->num;
}

/* A disk letter that is given must be accessed. */
static bool mode_accessed(char letter) { return !letter || letter == '*' || adt_of(letter); }

/* ---------------------------------------------------------------- the FST copy */

/* The 40-byte FST of a file as a program sees it (STATE's STATEFST): the
 * mode letter the disk is accessed as, FSTFLAGS X'80' on a R/W disk,
 * X'C0' / X'40' on an extension of a R/W / R/O one. */
static void fst_copy(uint8_t *e, const struct adt *d, const struct cmsfs_fst *f)
{
    struct cmsfs_fst c = *f;
    char letter = fileid_mode_of(d);
    a2e(&c.fm_letter, &letter, 1);
    cmsfs_fst_entry(&c, e);
    const struct adt *parent = d->parent ? adt_of(d->parent) : NULL;
    if (parent)
        e[CMSFS_FST_FLAGS] = parent->io.readonly ? 0x40 : 0xC0;
    else
        e[CMSFS_FST_FLAGS] = d->io.readonly ? 0 : 0x80;
}

/* ---------------------------------------------------------------- the table */

static bool same_file(const struct afile *a, const uint8_t fn[8], const uint8_t ft[8])
{
    return memcmp(a->fn, fn, 8) == 0 && memcmp(a->ft, ft, 8) == 0;
}

/* The active file fn ft on the disk letter selects (0, '*': any). */
static struct afile *afile_find(const uint8_t fn[8], const uint8_t ft[8], char letter)
{
    for (int i = 0; i < AFT_MAX; i++) {
        struct afile *a = &aft[i];
        if (a->used && same_file(a, fn, ft) &&
            (!letter || letter == '*' || a->d->mode == letter || a->d->parent == letter))
            return a;
    }
    return NULL;
}

static struct afile *afile_new(struct adt *d, const uint8_t fn[8], const uint8_t ft[8])
{
    for (int i = 0; i < AFT_MAX; i++)
        if (!aft[i].used) {
            struct afile *a = &aft[i];
            memset(a, 0, sizeof(*a));
            a->used = true;
            a->d = d;
            memcpy(a->fn, fn, 8);
            memcpy(a->ft, ft, 8);
            return a;
        }
    return NULL;
}

/* Close one active file: a reader is closed, a writer committed or
 * dropped. Returns the commit's error. */
static int afile_close(struct afile *a, bool commit)
{
    int rc = 0;
    if (a->r)
        cmsfs_rclose(a->r);
    if (a->r && a->erase_after && commit)
        (void)cmsfs_erase(a->d->fs, a->fn, a->ft); /* mode 3: gone once read */
    if (a->w)
        rc = cmsfs_wclose(a->w, commit);
    memset(a, 0, sizeof(*a));
    return rc;
}

int afile_close_all(bool commit)
{
    int first = 0;
    for (int i = 0; i < AFT_MAX; i++)
        if (aft[i].used) {
            int rc = afile_close(&aft[i], commit);
            if (rc && !first)
                first = rc;
        }
    return first;
}

void afile_close_mode(char mode)
{
    for (int i = 0; i < AFT_MAX; i++)
        if (aft[i].used && aft[i].d->mode == mode)
            (void)afile_close(&aft[i], true);
}

/* The file-system error of a write as WRBUF's return code. */
static int write_rc(int err, uint8_t recfm)
{
    switch (err) {
    case CMSFS_OK: return 0;
    case CMSFS_ERDONLY: return 12;
    case CMSFS_EFULL: return 13;
    case CMSFS_EDIRFULL: return 10;
    case CMSFS_ETOOBIG: return 19;
    case CMSFS_EINVAL: return recfm == EB_V ? 7 : 6;
    case CMSFS_EBUSY: return 9;
    case CMSFS_ENOMEM: return 25;
    default: return 3;
    }
}

/* ---------------------------------------------------------------- STATE, STATEW */

static int state(struct svcrec *s, uint32_t pl, bool writable)
{
    if (!cms_readable(pl, FSCB_BUFF + 4))
        return 24;
    struct fid id;
    int rc = fid_parse(pl, &id, FID_PATTERN, 20, 20, 24);
    if (rc)
        return rc;
    if (!id.fn[0] || !id.ft[0])
        return 24;
    if (!mode_accessed(id.letter))
        return 36;
    struct fileid f;
    fid_fileid(&id, &f, '*');
    struct adt *d = NULL;
    unsigned cursor = 0;
    struct cmsfs_fst fst;
    while (fileid_next(&f, &d, &cursor, &fst)) {
        if (writable && d->io.readonly)
            continue;
        static uint8_t statefst[CMSFS_FSTLEN] __attribute__((aligned(8)));
        fst_copy(statefst, d, &fst);
        if (cms_writable(pl + FSCB_BUFF, 4))
            put_be32(at(pl + FSCB_BUFF), (uint32_t)(uintptr_t)statefst);
        return 0;
    }
    return 28;
}

int fs_state(struct svcrec *s, uint32_t pl) { return state(s, pl, false); }
int fs_statew(struct svcrec *s, uint32_t pl) { return state(s, pl, true); }

/* ---------------------------------------------------------------- RDBUF */

int fs_rdbuf(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, FSCB_LEN))
        return 2;
    const uint8_t *p = at(pl);
    struct fid id;
    int rc = fid_parse(pl, &id, FID_NEEDED, 14, 15, 1);
    if (rc)
        return rc;
    uint32_t buf = get_be32(p + FSCB_BUFF) & 0xFFFFFF, size = get_be32(p + FSCB_SIZE);
    if (size == 0 || !cms_writable(buf, size))
        return 2;
    unsigned noit = get_be16(p + FSCB_NOIT), itno = get_be16(p + FSCB_ITNO);
    if (noit == 0)
        noit = 1;
    struct afile *a = afile_find(id.efn, id.eft, id.letter);
    if (a && a->w)
        return 9;
    if (!a) {
        if (!mode_accessed(id.letter))
            return 1;
        struct fileid f;
        fid_fileid(&id, &f, '*');
        struct adt *d;
        struct cmsfs_fst fst;
        if (!fileid_find(&f, &d, &fst))
            return 1;
        a = afile_new(d, fst.fn, fst.ft);
        if (!a)
            return 25;
        a->recfm = fst.recfm;
        a->lrecl = fst.lrecl;
        a->erase_after = fst.fm_number == 3 && d->rw && !d->io.readonly;
        rc = cmsfs_ropen(d->fs, fst.fn, fst.ft, &a->r);
        if (rc) {
            afile_close(a, false);
            return rc == CMSFS_ENOMEM ? 25 : rc == CMSFS_EBUSY ? 9 : 3;
        }
    }
    if (noit > 1 && a->recfm == EB_V)
        return 11;
    if (noit > 1 && size < noit * a->lrecl)
        return 8;
    size_t total = 0, len = 0;
    for (unsigned k = 0; k < noit; k++) {
        uint32_t want = noit > 1 ? a->lrecl : size;
        rc = cmsfs_read(a->r, itno ? itno + k : 0, at(buf + (uint32_t)total), want, &len);
        if (rc == CMSFS_ETRUNC) {
            total += len; /* the record's whole length: rc 8 says it did not fit */
            break;
        }
        if (rc)
            break;
        total += len;
    }
    if (rc == CMSFS_EEOF && total > 0)
        rc = 0;
    int ret = rc == 0              ? 0
              : rc == CMSFS_EEOF   ? 12
              : rc == CMSFS_ETRUNC ? 8
              : rc == CMSFS_ENOMEM ? 25
                                   : 3;
    s->r[0] = (uint32_t)total;
    if (cms_writable(pl + FSCB_NORD, 4))
        put_be32(at(pl + FSCB_NORD), (uint32_t)total);
    return ret;
}

/* ---------------------------------------------------------------- WRBUF */

int fs_wrbuf(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, FSCB_NORD))
        return 2;
    const uint8_t *p = at(pl);
    struct fid id;
    int rc = fid_parse(pl, &id, FID_NEEDED, 20, 21, 4);
    if (rc)
        return rc;
    if (id.letter == '*')
        return 4;
    if (id.num == '*')
        return 5;
    char letter = id.letter ? id.letter : 'A';
    struct adt *d = adt_of(letter);
    if (!d || !d->fs)
        return 36;
    if (d->io.readonly)
        return 12;
    uint32_t buf = get_be32(p + FSCB_BUFF) & 0xFFFFFF, size = get_be32(p + FSCB_SIZE);
    if (size == 0)
        return 8;
    if (!cms_readable(buf, size))
        return 2;
    uint8_t recfm = p[FSCB_FV] == 0 || p[FSCB_FV] == EBCDIC_BLANK ? EB_F : p[FSCB_FV];
    if (recfm != EB_F && recfm != EB_V)
        return 11;
    unsigned noit = get_be16(p + FSCB_NOIT), itno = get_be16(p + FSCB_ITNO);
    if (noit == 0)
        noit = 1;
    if (recfm == EB_V && noit != 1)
        return 18;
    if (size % noit)
        return 14;
    uint32_t reclen = size / noit;
    if (reclen > CMSFS_MAXLRECL)
        return 17;
    struct afile *a = NULL;
    for (int i = 0; i < AFT_MAX && !a; i++)
        if (aft[i].used && aft[i].d == d && same_file(&aft[i], id.efn, id.eft))
            a = &aft[i];
    if (a && a->r)
        return 9;
    if (!a) {
        struct cmsfs_fst fst;
        bool exists = cmsfs_find(d->fs, id.efn, id.eft, &fst) == CMSFS_OK;
        bool replace = (p[FSCB_FLG] & FSCB_REPL) != 0;
        /* the mode number: as given, else the file's own, else 1 */
        unsigned num = id.num ? (unsigned)(id.num - '0') : exists ? fst.fm_number : 1;
        if (exists && !replace) {
            if (fst.recfm != recfm)
                return 16;
            if (recfm == EB_F && fst.lrecl != reclen)
                return 15;
        }
        a = afile_new(d, id.efn, id.eft);
        if (!a)
            return 10;
        a->recfm = recfm;
        a->lrecl = reclen;
        uint8_t el;
        a2e(&el, &letter, 1);
        rc = cmsfs_wopen(d->fs, id.efn, id.eft, el, (uint8_t)num, recfm, reclen,
                         replace ? CMSFS_W_REPLACE : CMSFS_W_APPEND, &a->w);
        if (rc) {
            afile_close(a, false);
            return rc == CMSFS_EINVAL ? 16 : write_rc(rc, recfm);
        }
    } else {
        if (recfm != a->recfm)
            return 16;
        if (recfm == EB_F && reclen != a->lrecl)
            return 15;
    }
    if (a->werr)
        return a->werr;
    for (unsigned k = 0; k < noit; k++) {
        rc = cmsfs_write(a->w, itno ? itno + k : 0, at(buf + k * reclen), reclen);
        if (rc == CMSFS_EFULL || rc == CMSFS_EIO || rc == CMSFS_ENOMEM) {
            a->werr = write_rc(rc, recfm); /* the new version can only be dropped */
            break;
        }
        if (rc)
            break;
    }
    return write_rc(rc, recfm);
}

/* ---------------------------------------------------------------- FINIS */

static bool pattern_match(const char *pat, const uint8_t field[8])
{
    if (!pat[0] || !strcmp(pat, "*"))
        return true;
    char name[9];
    e2a_field(name, field, 8);
    size_t n = strlen(pat);
    if (pat[n - 1] == '*')
        return strncmp(name, pat, n - 1) == 0;
    return strcmp(name, pat) == 0;
}

int fs_finis(struct svcrec *s, uint32_t pl)
{
    struct fid id;
    memset(&id, 0, sizeof(id));
    if (cms_readable(pl, FSCB_ITNO)) {
        int rc = fid_parse(pl, &id, FID_PATTERN, 20, 20, 24);
        if (rc)
            return rc;
    }
    int first = 0;
    for (int i = 0; i < AFT_MAX; i++) {
        struct afile *a = &aft[i];
        if (!a->used || !pattern_match(id.fn, a->fn) || !pattern_match(id.ft, a->ft))
            continue;
        if (id.letter && id.letter != '*' && a->d->mode != id.letter && a->d->parent != id.letter)
            continue;
        uint8_t recfm = a->recfm;
        int rc = afile_close(a, true);
        if (rc && !first)
            first = write_rc(rc, recfm);
    }
    return first;
}

/* ---------------------------------------------------------------- ERASE */

int afile_erase(const struct fileid *f, bool type, unsigned *erased, char *mode)
{
    *erased = 0;
    for (;;) {
        struct adt *d = NULL;
        unsigned cursor = 0;
        struct cmsfs_fst fst;
        bool any = false;
        while (fileid_next(f, &d, &cursor, &fst)) {
            if (d->io.readonly) {
                if (f->mode != '*' && d->mode == f->mode) {
                    *mode = d->mode;
                    return CMSFS_ERDONLY;
                }
                continue;
            }
            for (int i = 0; i < AFT_MAX; i++)
                if (aft[i].used && aft[i].d == d && same_file(&aft[i], fst.fn, fst.ft))
                    (void)afile_close(&aft[i], false);
            char id[32];
            fileid_text(id, sizeof(id), d, &fst);
            int rc = cmsfs_erase(d->fs, fst.fn, fst.ft);
            if (rc) {
                *mode = d->mode;
                return rc;
            }
            if (type)
                con_type(id);
            (*erased)++;
            any = true;
            break; /* the directory changed: search again */
        }
        if (!any)
            return 0;
    }
}

int fs_erase(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, FSCB_ITNO))
        return 24;
    struct fid id;
    int rc = fid_parse(pl, &id, FID_PATTERN, 20, 20, 24);
    if (rc)
        return rc;
    if (!id.fn[0] || !id.ft[0])
        return 24;
    struct fileid f;
    fid_fileid(&id, &f, 'A');
    if (!strcmp(f.fn, "*") && !strcmp(f.ft, "*") && (f.mode == '*' || !f.num))
        return 24; /* ERASE * * needs a disk letter and number */
    if (!mode_accessed(f.mode))
        return 36;
    unsigned erased;
    char mode = 0;
    rc = afile_erase(&f, false, &erased, &mode);
    if (rc == CMSFS_ERDONLY)
        return 12;
    if (rc)
        return write_rc(rc, EB_F);
    return erased ? 0 : 28;
}

/* ---------------------------------------------------------------- FSTLIST */

int fs_fstlist(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, FSTL_LEN))
        return 24;
    const uint8_t *p = at(pl);
    struct fid id;
    int rc = fid_parse(pl, &id, FID_PATTERN, 20, 20, 24);
    if (rc)
        return rc;
    if (!mode_accessed(id.letter))
        return 36;
    uint32_t buf = get_be32(p + FSTL_BUFF) & 0xFFFFFF, cur = get_be32(p + FSTL_CURSOR);
    if (!cms_writable(buf, CMSFS_FSTLEN) || !cms_writable(pl + FSTL_CURSOR, 4))
        return 2;
    /* the cursor: the disk's index + 1 in the high byte, the position on it below */
    unsigned di = cur >> 24, cursor = cur & 0xFFFFFF;
    if (di > 26)
        return 24;
    struct fileid f;
    fid_fileid(&id, &f, '*');
    struct adt *d = di ? &adts[di - 1] : NULL;
    if (d && !d->mode) { /* released since: go on with the next disk */
        d = disk_next(d);
        cursor = 0;
        if (!d)
            return 28;
    }
    struct cmsfs_fst fst;
    if (!fileid_next(&f, &d, &cursor, &fst))
        return 28;
    fst_copy(at(buf), d, &fst);
    put_be32(at(pl + FSTL_CURSOR), (uint32_t)((d - adts) + 1) << 24 | (cursor & 0xFFFFFF));
    return 0;
}

/* ---------------------------------------------------------------- FSRENAME */

int fs_rename(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, FSRN_LEN))
        return 24;
    const uint8_t *p = at(pl);
    struct fid id;
    int rc = fid_parse(pl, &id, FID_NEEDED, 20, 20, 24);
    if (rc)
        return rc;
    if (!id.letter || id.letter == '*' || id.num == '*')
        return 24;
    char nfn[9], nft[9], nm, nn;
    if (name_field(p + FSRN_NFN, nfn, false) != 0 || name_field(p + FSRN_NFT, nft, false) != 0)
        return 20;
    e2a(&nm, p + FSRN_NFM, 1);
    e2a(&nn, p + FSRN_NFM + 1, 1);
    if (nm != id.letter || (nn != ' ' && (nn < '0' || nn > '6')))
        return 24;
    if (!adt_of(id.letter))
        return 36;
    struct fileid f;
    fid_fileid(&id, &f, 'A');
    struct adt *d;
    struct cmsfs_fst fst;
    if (!fileid_find(&f, &d, &fst))
        return 28;
    if (d->io.readonly)
        return 12;
    for (int i = 0; i < AFT_MAX; i++)
        if (aft[i].used && aft[i].d == d && same_file(&aft[i], fst.fn, fst.ft))
            (void)afile_close(&aft[i], true);
    uint8_t efn[8], eft[8];
    a2e_field(efn, 8, nfn);
    a2e_field(eft, 8, nft);
    rc = cmsfs_rename(d->fs, fst.fn, fst.ft, efn, eft, nn == ' ' ? -1 : nn - '0');
    if (rc == CMSFS_EEXIST)
        return 8;
    return rc ? 100 : 0;
}
