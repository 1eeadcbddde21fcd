/*
 * cmsapi_host.c - cms/lib/cmsapi.h on the host, for the unit tests of the
 * programs written against it (cmsapi_host.h says what the tests get).
 *
 * The file functions run the real file system (cms/fs/) over disks in
 * storage, with R6's return codes: FSSTATE/FSLIST look in the search
 * order A, B, S (mode-0 files of the R/O disk hidden), FSREAD and FSWRITE
 * open a file on first use and keep it open until FSCLOSE, and FSCLOSE
 * commits what was written. As in the nucleus, a failed FSWRITE leaves the
 * new version to be dropped: FSCLOSE returns the error and the file stays
 * as it was (cmsfs_write). FSRENAME renames on the same disk. The disks
 * have addresses (A 191, B 192, S 190 and 19F, formatted and not
 * accessed) for DISKINFO, DISKACC, DISKREL and DISKFMT; the search order
 * stays A, B, S whatever letters ACCESS gives, and a file filter is
 * recorded, not applied. The console and the stack are queues, cmscmd
 * only records its lines, NUCON keeps the settings in a word, DMSFREE is
 * malloc with its size kept to check DMSFRET.
 *
 * cmsfs_alloc, cmsfs_free and cmsfs_now come from test_cmsfs.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "console/ebcdic.h"
#include "cms/fs/cmsfs.h"
#include "cms/lib/cmsapi.h"
#include "tests/unit/cmsapi_host.h"

#define NDISK   4
#define MAXOPEN 32
#define EB_F    0xC6
#define EB_V    0xE5

struct hdisk {
    char mode; /* 0: not accessed */
    unsigned vaddr;
    bool ro_link;  /* a read-only link: never written */
    bool filtered; /* accessed with a file id (the host does not filter) */
    struct cmsfs_io io;
    uint8_t *data;
    uint32_t nblocks;
    struct cmsfs_disk *fs;
};

struct hopen {
    bool used;
    int disk;
    uint8_t fn[8], ft[8];
    struct cmsfs_rfile *r;
    struct cmsfs_wfile *w;
    int werr; /* FSWRITE's error: FSCLOSE then drops the new version */
};

struct text {
    char *s;
    size_t n, cap;
};

static struct host {
    struct hdisk disk[NDISK];
    struct hopen open[MAXOPEN];
    struct text out, cmds;
    char **in; /* the console stack and typed lines, first to be read first */
    size_t nin, capin;
    int reads;
    long live;      /* DMSFREE blocks held */
    long fail_in;   /* the DMSFREE call, counted down, that fails */
    long fail_read; /* the block read, counted down, that fails */
    int misuse;
    char misusewhy[160];
    unsigned nucon;           /* CMS_IMPCP ... */
    struct text punch, print; /* cards punched, lines printed (ASCII) */
    uint8_t (*punched)[80];   /* the cards punched, as punched */
    size_t npunched;
    uint8_t (*reader)[80];    /* the reader's cards (EBCDIC), then end of file */
    size_t nreader, nread;
    bool reader_eof_seen;
    size_t diag14_at; /* the next card DIAGNOSE X'14' gives */
} H;

static void add_text(struct text *t, const char *s, size_t n)
{
    if (t->n + n + 2 > t->cap) {
        t->cap = (t->n + n + 2) * 2;
        t->s = realloc(t->s, t->cap);
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n++] = '\n';
    t->s[t->n] = 0;
}

static void misuse(const char *why)
{
    if (!H.misuse++)
        snprintf(H.misusewhy, sizeof(H.misusewhy), "%s", why);
}

/* ---------------------------------------------------------------- disks */

static int disk_io(void *ctx, bool write, struct cmsfs_blk *v, unsigned n)
{
    struct hdisk *d = ctx;
    if (!write && H.fail_read > 0 && --H.fail_read == 0)
        return CMSFS_EIO;
    for (unsigned i = 0; i < n; i++) {
        if (v[i].block < 1 || v[i].block > d->nblocks)
            return CMSFS_EIO;
        uint8_t *b = d->data + (size_t)(v[i].block - 1) * CMSFS_BLKSIZE;
        if (write)
            memcpy(b, v[i].buf, CMSFS_BLKSIZE);
        else
            memcpy(v[i].buf, b, CMSFS_BLKSIZE);
    }
    return 0;
}

static void disk_open(struct hdisk *d)
{
    if (cmsfs_open(&d->io, &d->fs) != CMSFS_OK) {
        fprintf(stderr, "cmsapi_host: disk %c does not open\n", d->mode);
        abort();
    }
}

static void disk_make(struct hdisk *d, char mode, unsigned vaddr, unsigned bpt, unsigned tpc,
                      unsigned cyls, bool readonly)
{
    d->mode = mode;
    d->vaddr = vaddr;
    d->ro_link = readonly;
    d->nblocks = bpt * tpc * cyls;
    d->data = calloc(d->nblocks, CMSFS_BLKSIZE);
    d->io = (struct cmsfs_io){d, bpt, tpc, cyls, false, disk_io};
    uint8_t label[6];
    char l[8];
    snprintf(l, sizeof(l), "VOL%03X", vaddr);
    a2e_field(label, 6, l);
    if (cmsfs_format(&d->io, label, cyls) != CMSFS_OK)
        abort();
    d->io.readonly = readonly;
    disk_open(d);
}

static struct hdisk *disk_of(char mode)
{
    for (int i = 0; mode && i < NDISK; i++)
        if (H.disk[i].mode == mode)
            return &H.disk[i];
    return NULL;
}

static int write_rc(int err)
{
    switch (err) {
    case CMSFS_OK: return 0;
    case CMSFS_ERDONLY: return 12;
    case CMSFS_EFULL: return 13;
    case CMSFS_EDIRFULL: return 10;
    case CMSFS_ETOOBIG: return 19;
    case CMSFS_ENOMEM: return 25;
    case CMSFS_EINVAL: return 15;
    default: return 3;
    }
}

static void close_handle(struct hopen *o, int *rc)
{
    if (o->w) {
        int e = cmsfs_wclose(o->w, true);
        if (rc)
            *rc = o->werr ? o->werr : write_rc(e);
    }
    if (o->r)
        cmsfs_rclose(o->r);
    memset(o, 0, sizeof(*o));
}

void host_reset(void)
{
    for (int i = 0; i < MAXOPEN; i++)
        if (H.open[i].used)
            close_handle(&H.open[i], NULL);
    for (int i = 0; i < NDISK; i++) {
        if (H.disk[i].fs)
            cmsfs_close(H.disk[i].fs);
        free(H.disk[i].data);
    }
    for (size_t i = 0; i < H.nin; i++)
        free(H.in[i]);
    free(H.in);
    free(H.out.s);
    free(H.cmds.s);
    free(H.punch.s);
    free(H.print.s);
    free(H.reader);
    free(H.punched);
    memset(&H, 0, sizeof(H));
    disk_make(&H.disk[0], 'A', 0x191, 19, 30, 1, false);
    disk_make(&H.disk[1], 'B', 0x192, 10, 1, 4, false);
    disk_make(&H.disk[2], 'S', 0x190, 19, 30, 1, true);
    disk_make(&H.disk[3], 0, 0x19F, 10, 1, 2, false);
    H.out.s = calloc(1, H.out.cap = 64);
    H.cmds.s = calloc(1, H.cmds.cap = 64);
    H.punch.s = calloc(1, H.punch.cap = 64);
    H.print.s = calloc(1, H.print.cap = 64);
}

/* ---------------------------------------------------------------- file ids */

/* A mode: letter (0: any accessed disk) and number (-1: any). */
struct mode {
    char letter;
    int num;
};

static bool parse_mode(const char *fm, struct mode *m)
{
    m->letter = 0;
    m->num = -1;
    if (!fm || !fm[0] || !strcmp(fm, "*"))
        return true;
    size_t n = strlen(fm);
    if (n > 2 || !(fm[0] >= 'A' && fm[0] <= 'Z'))
        return false;
    m->letter = fm[0];
    if (n == 2) {
        if (fm[1] == '*')
            return true;
        if (fm[1] < '0' || fm[1] > '6')
            return false;
        m->num = fm[1] - '0';
    }
    return true;
}

/* A name or a pattern ("*", "xx*"): valid? */
static bool good_name(const char *s, bool pattern)
{
    uint8_t f[8];
    size_t n = strlen(s);
    if (pattern && n && s[n - 1] == '*') {
        char buf[9];
        if (n == 1)
            return true;
        snprintf(buf, sizeof(buf), "%.*s", (int)(n - 1), s);
        return cmsfs_name(f, buf);
    }
    return cmsfs_name(f, s);
}

static bool match_name(const char *pat, const uint8_t field[8])
{
    char name[9];
    e2a_field(name, field, 8);
    size_t n = strlen(pat);
    if (n && pat[n - 1] == '*')
        return strncmp(name, pat, n - 1) == 0;
    return strcmp(name, pat) == 0;
}

static void to_fst(const struct hdisk *d, const struct cmsfs_fst *f, struct cms_fst *o)
{
    memset(o, 0, sizeof(*o));
    e2a_field(o->fn, f->fn, 8);
    e2a_field(o->ft, f->ft, 8);
    o->fm[0] = d->mode;
    o->fm[1] = (char)('0' + f->fm_number);
    o->recfm = f->recfm == EB_F ? 'F' : 'V';
    o->lrecl = f->lrecl;
    o->records = f->records;
    o->blocks = f->datablocks;
    const struct cmsfs_date *w = &f->written;
    snprintf(o->date, sizeof(o->date), "%02u/%02u/%02u", w->month % 100u, w->day % 100u,
             w->year % 100u);
    snprintf(o->time, sizeof(o->time), "%02u:%02u", w->hour % 100u, w->min % 100u);
    o->year = w->year;
    o->month = w->month;
    o->day = w->day;
    o->hour = w->hour;
    o->minute = w->min;
    o->readonly = d->io.readonly;
}

/* The next file matching fn ft m from (*di, *cur). */
static bool next_match(const char *fn, const char *ft, const struct mode *m, int *di, unsigned *cur,
                       struct cmsfs_fst *f)
{
    for (; *di < NDISK; (*di)++, *cur = 0) {
        struct hdisk *d = &H.disk[*di];
        if (!d->mode || (m->letter && m->letter != d->mode))
            continue;
        while (cmsfs_next(d->fs, cur, f)) {
            if (f->fm_number == 0 && d->io.readonly)
                continue;
            if (m->num >= 0 && f->fm_number != m->num)
                continue;
            if (match_name(fn, f->fn) && match_name(ft, f->ft))
                return true;
        }
    }
    return false;
}

/* Check a file id for the file functions: 0, 20 or 24 or 36. */
static int check_id(const char *fn, const char *ft, const char *fm, bool pattern, struct mode *m)
{
    if (!parse_mode(fm, m))
        return 24;
    if (!good_name(fn, pattern) || !good_name(ft, pattern))
        return 20;
    if (m->letter && !disk_of(m->letter))
        return 36;
    return 0;
}

/* The first file fn ft fm (no patterns) in the search order. */
static bool find_file(const char *fn, const char *ft, const struct mode *m, int *di,
                      struct cmsfs_fst *f)
{
    unsigned cur = 0;
    *di = 0;
    return next_match(fn, ft, m, di, &cur, f);
}

static struct hopen *handle(int di, const uint8_t fn[8], const uint8_t ft[8])
{
    for (int i = 0; i < MAXOPEN; i++) {
        struct hopen *o = &H.open[i];
        if (o->used && o->disk == di && !memcmp(o->fn, fn, 8) && !memcmp(o->ft, ft, 8))
            return o;
    }
    return NULL;
}

static struct hopen *new_handle(int di, const uint8_t fn[8], const uint8_t ft[8])
{
    for (int i = 0; i < MAXOPEN; i++) {
        struct hopen *o = &H.open[i];
        if (!o->used) {
            o->used = true;
            o->disk = di;
            memcpy(o->fn, fn, 8);
            memcpy(o->ft, ft, 8);
            return o;
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------- files */

int fsstate(const char *fn, const char *ft, const char *fm, struct cms_fst *fst)
{
    struct mode m;
    int rc = check_id(fn, ft, fm, true, &m);
    if (rc)
        return rc;
    int di;
    struct cmsfs_fst f;
    if (!find_file(fn, ft, &m, &di, &f))
        return 28;
    to_fst(&H.disk[di], &f, fst);
    return 0;
}

int fslist(const char *fn, const char *ft, const char *fm, uint32_t *cursor, struct cms_fst *fst)
{
    struct mode m;
    int rc = check_id(fn, ft, fm, true, &m);
    if (rc)
        return rc;
    int di = (int)(*cursor >> 24);
    unsigned cur = *cursor & 0xFFFFFF;
    struct cmsfs_fst f;
    if (!next_match(fn, ft, &m, &di, &cur, &f))
        return 28;
    to_fst(&H.disk[di], &f, fst);
    *cursor = (uint32_t)di << 24 | cur;
    return 0;
}

int fsread(const char *fn, const char *ft, const char *fm, uint32_t recno, void *buf, size_t size,
           size_t *len)
{
    struct mode m;
    int rc = check_id(fn, ft, fm, false, &m);
    if (rc)
        return rc == 36 ? 1 : rc;
    int di;
    struct cmsfs_fst f;
    if (!find_file(fn, ft, &m, &di, &f))
        return 1;
    struct hopen *o = handle(di, f.fn, f.ft);
    if (o && o->w) {
        misuse("FSREAD of a file open for writing");
        return 9;
    }
    if (!o) {
        if (!(o = new_handle(di, f.fn, f.ft)))
            return 25;
        if (cmsfs_ropen(H.disk[di].fs, f.fn, f.ft, &o->r)) {
            memset(o, 0, sizeof(*o));
            return 3;
        }
    }
    size_t l = 0;
    rc = cmsfs_read(o->r, recno, buf, size, &l);
    *len = l;
    switch (rc) {
    case CMSFS_OK: return 0;
    case CMSFS_ETRUNC: return 8;
    case CMSFS_EEOF: return 12;
    default: return 3;
    }
}

int fswrite(const char *fn, const char *ft, const char *fm, uint32_t recno, char recfm,
            const void *buf, size_t len)
{
    struct mode m;
    if (!fm || !fm[0])
        fm = "A1";
    int rc = check_id(fn, ft, fm, false, &m);
    if (rc)
        return rc;
    if (!m.letter)
        return 24;
    if (recfm != 'F' && recfm != 'V')
        return 11;
    if (len == 0)
        return 8;
    if (len > CMSFS_MAXLRECL)
        return 17;
    int di = (int)(disk_of(m.letter) - H.disk);
    struct hdisk *d = &H.disk[di];
    uint8_t efn[8], eft[8];
    cmsfs_name(efn, fn);
    cmsfs_name(eft, ft);
    struct hopen *o = handle(di, efn, eft);
    if (o && o->r) {
        misuse("FSWRITE of a file open for reading");
        return 9;
    }
    if (!o) {
        if (d->io.readonly)
            return 12;
        struct cmsfs_fst f;
        bool exists = cmsfs_find(d->fs, efn, eft, &f) == CMSFS_OK;
        if (exists && f.recfm != (recfm == 'F' ? EB_F : EB_V))
            return 16;
        if (exists && recfm == 'F' && f.lrecl != len)
            return 15;
        int num = m.num >= 0 ? m.num : exists ? f.fm_number : 1;
        if (!(o = new_handle(di, efn, eft)))
            return 25;
        rc = cmsfs_wopen(d->fs, efn, eft, asc2ebc[(uint8_t)m.letter], (uint8_t)num,
                         recfm == 'F' ? EB_F : EB_V, (uint32_t)len, CMSFS_W_APPEND, &o->w);
        if (rc) {
            memset(o, 0, sizeof(*o));
            return write_rc(rc);
        }
    }
    if (o->werr)
        return o->werr;
    rc = write_rc(cmsfs_write(o->w, recno, buf, len));
    if (rc && rc != 15)
        o->werr = rc;
    return rc;
}

int fsclose(const char *fn, const char *ft, const char *fm)
{
    int rc = 0, closed = 0;
    bool all = !strcmp(fn, "*");
    struct mode m;
    if (!all && !parse_mode(fm, &m))
        return 24;
    for (int i = 0; i < MAXOPEN; i++) {
        struct hopen *o = &H.open[i];
        if (!o->used)
            continue;
        if (!all) {
            char n[9], t[9];
            e2a_field(n, o->fn, 8);
            e2a_field(t, o->ft, 8);
            if (strcmp(n, fn) || strcmp(t, ft) || (m.letter && m.letter != H.disk[o->disk].mode))
                continue;
        }
        int e = 0;
        close_handle(o, &e);
        if (e && !rc)
            rc = e;
        closed++;
    }
    return closed ? rc : 6;
}

int fserase(const char *fn, const char *ft, const char *fm)
{
    struct mode m;
    if (!fm || !fm[0])
        fm = "A";
    int rc = check_id(fn, ft, fm, true, &m);
    if (rc)
        return rc;
    if (!m.letter || (!strcmp(fn, "*") && !strcmp(ft, "*") && !strchr(fm, '*') && m.num < 0))
        return 24; /* ERASE * * needs a letter and a number */
    int di, erased = 0;
    struct cmsfs_fst f;
    while (find_file(fn, ft, &m, &di, &f)) {
        if (handle(di, f.fn, f.ft)) {
            misuse("FSERASE of an open file");
            return 12;
        }
        if ((rc = write_rc(cmsfs_erase(H.disk[di].fs, f.fn, f.ft))) != 0)
            return rc;
        erased++;
    }
    return erased ? 0 : 28;
}

int fsrename(const char *fn, const char *ft, const char *fm, const char *nfn, const char *nft,
             char nnum)
{
    struct mode m;
    int rc = check_id(fn, ft, fm, false, &m);
    if (rc)
        return rc;
    uint8_t efn[8], eft[8];
    if (!m.letter || m.num < -1 || (nnum && (nnum < '0' || nnum > '6')))
        return 24;
    if (!cmsfs_name(efn, nfn) || !cmsfs_name(eft, nft))
        return 20;
    int di;
    struct cmsfs_fst f;
    if (!find_file(fn, ft, &m, &di, &f))
        return 28;
    if (handle(di, f.fn, f.ft) || handle(di, efn, eft)) {
        misuse("FSRENAME of an open file");
        return 12;
    }
    switch (cmsfs_rename(H.disk[di].fs, f.fn, f.ft, efn, eft, nnum ? nnum - '0' : -1)) {
    case CMSFS_OK: return 0;
    case CMSFS_EEXIST: return 8;
    case CMSFS_ERDONLY: return 12;
    default: return 100;
    }
}

/* ---------------------------------------------------------------- disks */

/* The host's disks have addresses: A 191, B 192, S 190 (and 19F, a
 * minidisk no one accessed, for ACCESS and FORMAT). */
static struct hdisk *disk_at(unsigned vaddr)
{
    for (int i = 0; i < NDISK; i++)
        if (H.disk[i].data && H.disk[i].vaddr == vaddr)
            return &H.disk[i];
    return NULL;
}

int cms_diskinfo(char mode, unsigned vaddr, struct cms_disk *out)
{
    struct hdisk *d = mode ? disk_of(mode) : disk_at(vaddr);
    if (!d || !d->mode)
        return 36;
    struct cmsfs_info in;
    cmsfs_disk_info(d->fs, &in);
    memset(out, 0, sizeof(*out));
    out->mode = d->mode;
    out->vaddr = (uint16_t)d->vaddr;
    out->type = 0x3350;
    out->readonly = d->io.readonly;
    out->link_rw = !d->ro_link;
    out->filtered = d->filtered;
    e2a_field(out->label, in.label, 6);
    out->cylinders = in.cylinders;
    out->files = in.files;
    out->used = (uint32_t)in.used;
    out->left = (uint32_t)in.left;
    out->total = (uint32_t)in.total;
    return 0;
}

int cms_access(unsigned vaddr, char mode, char parent, const char *fn, const char *ft, char num)
{
    struct hdisk *d = disk_at(vaddr);
    if (!d)
        return 1;
    if (mode < 'A' || mode > 'Z' || parent == mode)
        return 24;
    if (!d->fs)
        return 3; /* FORMAT left it unreadable */
    struct hdisk *there = disk_of(mode);
    if (there && there != d)
        there->mode = 0; /* replaced */
    d->mode = mode;
    d->filtered = fn != NULL;
    d->io.readonly = d->ro_link || parent || d->filtered;
    (void)ft, (void)num;
    return 0;
}

int cms_release(char mode)
{
    struct hdisk *d = disk_of(mode);
    if (!d)
        return 36;
    d->mode = 0;
    return 0;
}

int cms_diskfmt(unsigned vaddr, char what, unsigned cyl, const char *label, struct cms_disk *geom)
{
    struct hdisk *d = disk_at(vaddr);
    if (!d)
        return 1;
    if (geom) {
        memset(geom, 0, sizeof(*geom));
        geom->vaddr = (uint16_t)vaddr;
        geom->type = 0x3350;
        geom->link_rw = !d->ro_link;
        geom->cylinders = d->io.cylinders;
    }
    if (what == 'G')
        return 0;
    if (d->ro_link)
        return 36;
    if (d->mode)
        return 24;
    uint8_t l[6];
    a2e_field(l, 6, label ? label : "");
    if (cyl == 0 || cyl > d->io.cylinders)
        cyl = d->io.cylinders;
    if (d->fs)
        cmsfs_close(d->fs);
    d->fs = NULL;
    int rc = what == 'L'   ? cmsfs_relabel(&d->io, l)
             : what == 'R' ? cmsfs_recomp(&d->io, cyl)
                           : cmsfs_format(&d->io, l, cyl);
    if (cmsfs_open(&d->io, &d->fs) != CMSFS_OK)
        d->fs = NULL;
    if (rc == CMSFS_EFULL && what == 'R')
        return 8;
    if (rc == CMSFS_ENOTCMS || rc == CMSFS_ECORRUPT)
        return 9;
    return rc ? 100 : 0;
}

/* ---------------------------------------------------------------- settings */

int cms_nucon(const char *name, const char *value, unsigned *flags)
{
    int rc = 0;
    unsigned bit = 0;
    if (name && !strcmp(name, "IMPCP"))
        bit = CMS_IMPCP;
    else if (name && !strcmp(name, "IMPEX"))
        bit = CMS_IMPEX;
    else if (name && !strcmp(name, "RDYMSG"))
        bit = CMS_SMSG;
    else if (name)
        rc = 24;
    if (bit) {
        bool on = bit == CMS_SMSG ? !strcmp(value, "SMSG") : !strcmp(value, "ON");
        bool off = bit == CMS_SMSG ? !strcmp(value, "LMSG") : !strcmp(value, "OFF");
        if (on)
            H.nucon |= bit;
        else if (off)
            H.nucon &= ~bit;
        else
            rc = 24;
    }
    if (flags)
        *flags = H.nucon;
    return rc;
}

int cms_query_svc(void)
{
    add_text(&H.out, "SVC 202 0, SVC 203 0", 20);
    return 0;
}

void host_set_nucon(unsigned flags) { H.nucon = flags; }

/* ---------------------------------------------------------------- console */

int wrterm(const char *text, size_t len)
{
    add_text(&H.out, text, len);
    return 0;
}

int rdterm(char *buf, size_t size, bool upper)
{
    H.reads++;
    buf[0] = 0;
    if (H.nin == 0 || size == 0)
        return 0;
    char *l = H.in[0];
    memmove(H.in, H.in + 1, --H.nin * sizeof(*H.in));
    size_t n = strlen(l);
    if (n > size - 1)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = upper ? (char)toupper((unsigned char)l[i]) : l[i];
    buf[n] = 0;
    free(l);
    return (int)n;
}

int attn(const char *line, bool lifo)
{
    if (H.nin == H.capin) {
        H.capin = H.capin ? 2 * H.capin : 8;
        H.in = realloc(H.in, H.capin * sizeof(*H.in));
    }
    if (lifo) {
        memmove(H.in + 1, H.in, H.nin * sizeof(*H.in));
        H.in[0] = strdup(line);
    } else
        H.in[H.nin] = strdup(line);
    H.nin++;
    return 0;
}

int sentries(void) { return (int)H.nin; }

void host_input(const char *line) { attn(line, false); }

const char *host_output(void) { return H.out.s; }

int host_reads(void) { return H.reads; }

const char *host_commands(void) { return H.cmds.s; }

/* ---------------------------------------------------------------- commands */

int cmscmd(const char *line)
{
    add_text(&H.cmds, line, strlen(line));
    char t[10][9];
    int n = 0;
    for (const char *p = line; *p && n < 10;) {
        while (*p == ' ')
            p++;
        size_t l = 0;
        while (p[l] && p[l] != ' ')
            l++;
        if (!l)
            break;
        snprintf(t[n++], 9, "%.*s", (int)(l > 8 ? 8 : l), p);
        p += l;
    }
    (void)t;
    return -3;
}

int cp_command(const char *line, char *resp, size_t size) /* CLOSE, SPOOL, ORDER, MSG: 0 */
{
    if (resp && size)
        resp[0] = 0;
    add_text(&H.cmds, line, strlen(line));
    static const char *const known[] = {"CLOSE ", "SPOOL ", "ORDER ", "MSG "};
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (strncmp(line, known[i], strlen(known[i])) == 0)
            return 0;
    return 1;
}

/* ---------------------------------------------------------------- unit record */

int cardph(const void *card, size_t len)
{
    char a[81];
    if (len > 80)
        return 2;
    memset(a, ' ', 80);
    e2a(a, card, len);
    a[80] = 0;
    add_text(&H.punch, a, 80);
    H.punched = realloc(H.punched, (H.npunched + 1) * sizeof(*H.punched));
    memset(H.punched[H.npunched], 0x40, 80);
    memcpy(H.punched[H.npunched++], card, len);
    return 0;
}

int printr(const void *line, size_t len, uint8_t ccw)
{
    char a[140];
    if (len > 132)
        return 2;
    snprintf(a, sizeof(a), "%02X ", ccw ? ccw : 0x09);
    e2a(a + 3, line, len);
    add_text(&H.print, a, 3 + len);
    return 0;
}

int cardrd(void *buf, size_t size, size_t *len)
{
    *len = 0;
    if (H.nread == H.nreader) {
        if (H.reader_eof_seen || H.nreader == 0)
            return 8;
        H.reader_eof_seen = true;
        return 12;
    }
    size_t n = size < 80 ? size : 80;
    memcpy(buf, H.reader[H.nread++], n);
    *len = n;
    return 0;
}

static uint8_t *new_reader_card(void)
{
    H.reader = realloc(H.reader, (H.nreader + 1) * sizeof(*H.reader));
    H.reader_eof_seen = false;
    return H.reader[H.nreader++];
}

void host_reader_card(const char *card)
{
    char a[80];
    memset(a, ' ', 80);
    memcpy(a, card, strlen(card) > 80 ? 80 : strlen(card));
    a2e(new_reader_card(), a, 80);
}

size_t host_punch_to_reader(void)
{
    for (size_t i = 0; i < H.npunched; i++)
        memcpy(new_reader_card(), H.punched[i], 80);
    size_t n = H.npunched;
    H.npunched = 0;
    return n;
}

/* DIAGNOSE X'14' over the reader's cards: they are file 0001, 40 cards a
 * buffer (punch records, X'41'). */
int rdrdiag(unsigned sub, uint32_t op, void *area, unsigned *reason)
{
    enum { PER = 40, FIRST = 16 };
    uint8_t *b = area;
    *reason = 0;
    if (H.nreader == 0 || H.nread == H.nreader)
        return 2;
    if (sub == 0x000C)
        return op == 1 ? 0 : 2;
    if (sub == 0x0014 && H.diag14_at == 0)
        return 2; /* no active file */
    if (sub == 0x0014)
        H.diag14_at = 0;
    else if (sub != 0x0000)
        return 2;
    size_t start = H.diag14_at, n = H.nreader - start < PER ? H.nreader - start : PER;
    if (n == 0) {
        H.nread = H.nreader; /* the end of the file: read, purged */
        H.diag14_at = 0;
        return 1;
    }
    memset(b, 0, 4096);
    unsigned off = FIRST;
    for (size_t i = 0; i < n; i++, off += 96) {
        uint8_t *c = b + off;
        c[0] = 0x41;
        c[1] = 0, c[2] = (uint8_t)((off + 16) >> 8), c[3] = (uint8_t)(off + 16);
        c[4] = 0x60, c[6] = 0, c[7] = 80;
        c[8] = 0x08, c[10] = (uint8_t)((off + 96) >> 8), c[11] = (uint8_t)(off + 96);
        memcpy(c + 16, H.reader[start + i], 80);
    }
    H.diag14_at = start + n;
    b[3] = H.diag14_at < H.nreader; /* another buffer follows */
    b[4] = (uint8_t)(n >> 8), b[5] = (uint8_t)n;
    b[6] = (uint8_t)(off >> 8), b[7] = (uint8_t)off;
    b[11] = start > 0;
    b[15] = 1;
    return 0;
}

const char *host_punched(void) { return H.punch.s; }
const char *host_printed(void) { return H.print.s; }

/* ---------------------------------------------------------------- storage */

void host_fail_dmsfree(long k) { H.fail_in = k; }

void host_fail_read(long k) { H.fail_read = k; }

void *dmsfree(size_t bytes)
{
    if (H.fail_in > 0 && --H.fail_in == 0)
        return NULL;
    size_t *p = malloc(bytes + 16);
    if (!p)
        return NULL;
    p[0] = bytes;
    H.live++;
    return (uint8_t *)p + 16;
}

void dmsfret(void *p, size_t bytes)
{
    size_t *h = (size_t *)(void *)((uint8_t *)p - 16);
    if (h[0] != bytes)
        misuse("DMSFRET of another size than DMSFREE's");
    H.live--;
    free(h);
}

/* ---------------------------------------------------------------- controls */

int host_run(int (*prog)(int, char **), const char *line)
{
    char tok[64][9], *argv[65];
    int argc = 0;
    for (const char *p = line; *p && argc < 64;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *e = p + 1;
        if (*p != '(' && *p != ')')
            while (*e && *e != ' ' && *e != '(' && *e != ')')
                e++;
        size_t l = (size_t)(e - p);
        snprintf(tok[argc], sizeof(tok[argc]), "%.*s", (int)(l > 8 ? 8 : l), p);
        for (char *c = tok[argc]; *c; c++)
            *c = (char)toupper((unsigned char)*c);
        argv[argc] = tok[argc];
        argc++;
        p += l;
    }
    argv[argc] = NULL;
    return prog(argc, argv);
}

/* "FN FT M[n]" */
static bool parse_id(const char *id, char *fn, char *ft, struct mode *m)
{
    char fm[4] = "";
    return sscanf(id, "%8s %8s %3s", fn, ft, fm) == 3 && parse_mode(fm, m) && m->letter &&
           disk_of(m->letter);
}

void host_put(const char *id, char recfm, unsigned lrecl, const char *const *recs, unsigned n)
{
    char fn[9], ft[9];
    struct mode m;
    if (!parse_id(id, fn, ft, &m))
        abort();
    struct hdisk *d = disk_of(m.letter);
    bool ro = d->io.readonly;
    if (ro) { /* as the owner of the S disk would, R/W */
        cmsfs_close(d->fs);
        d->io.readonly = false;
        disk_open(d);
    }
    uint8_t efn[8], eft[8];
    if (!cmsfs_name(efn, fn) || !cmsfs_name(eft, ft))
        abort();
    struct cmsfs_wfile *w;
    uint32_t l = recfm == 'F' ? lrecl : 0;
    if (cmsfs_wopen(d->fs, efn, eft, asc2ebc[(uint8_t)m.letter], (uint8_t)(m.num < 0 ? 1 : m.num),
                    recfm == 'F' ? EB_F : EB_V, l, CMSFS_W_REPLACE, &w))
        abort();
    for (unsigned i = 0; i < n; i++) {
        size_t len = strlen(recs[i]), rl = recfm == 'F' ? lrecl : len;
        uint8_t *rec = malloc(rl ? rl : 1);
        memset(rec, EBCDIC_BLANK, rl);
        a2e(rec, recs[i], len < rl ? len : rl);
        if (cmsfs_write(w, 0, rec, rl))
            abort();
        free(rec);
    }
    if (cmsfs_wclose(w, true))
        abort();
    if (ro) {
        cmsfs_close(d->fs);
        d->io.readonly = true;
        disk_open(d);
    }
}

bool host_get(const char *id, struct host_file *f)
{
    char fn[9], ft[9];
    struct mode m;
    memset(f, 0, sizeof(*f));
    if (!parse_id(id, fn, ft, &m))
        return false;
    struct hdisk *d = disk_of(m.letter);
    uint8_t efn[8], eft[8];
    struct cmsfs_fst fst;
    struct cmsfs_rfile *r;
    if (!cmsfs_name(efn, fn) || !cmsfs_name(eft, ft) || cmsfs_find(d->fs, efn, eft, &fst) ||
        cmsfs_ropen(d->fs, efn, eft, &r))
        return false;
    f->found = true;
    f->recfm = fst.recfm == EB_F ? 'F' : 'V';
    f->lrecl = fst.lrecl;
    f->fm[0] = d->mode;
    f->fm[1] = (char)('0' + fst.fm_number);
    f->rec = calloc(fst.records + 1, sizeof(*f->rec));
    f->len = calloc(fst.records + 1, sizeof(*f->len));
    uint8_t *buf = malloc(CMSFS_MAXLRECL);
    size_t len;
    while (cmsfs_read(r, 0, buf, CMSFS_MAXLRECL, &len) == CMSFS_OK) {
        f->rec[f->n] = malloc(len + 1);
        e2a(f->rec[f->n], buf, len);
        f->rec[f->n][len] = 0;
        f->len[f->n++] = len;
    }
    free(buf);
    cmsfs_rclose(r);
    return true;
}

void host_file_free(struct host_file *f)
{
    for (unsigned i = 0; i < f->n; i++)
        free(f->rec[i]);
    free(f->rec);
    free(f->len);
    memset(f, 0, sizeof(*f));
}

uint32_t host_blocks_left(char mode)
{
    struct cmsfs_info info;
    cmsfs_disk_info(disk_of(mode)->fs, &info);
    return info.left;
}

void *host_image(char mode)
{
    const struct hdisk *d = disk_of(mode);
    void *p = malloc((size_t)d->nblocks * CMSFS_BLKSIZE);
    memcpy(p, d->data, (size_t)d->nblocks * CMSFS_BLKSIZE);
    return p;
}

bool host_image_same(char mode, const void *image)
{
    const struct hdisk *d = disk_of(mode);
    return memcmp(d->data, image, (size_t)d->nblocks * CMSFS_BLKSIZE) == 0;
}

bool host_check(char *why, size_t size)
{
    for (int i = 0; i < MAXOPEN; i++)
        if (H.open[i].used) {
            char n[9], t[9];
            e2a_field(n, H.open[i].fn, 8);
            e2a_field(t, H.open[i].ft, 8);
            snprintf(why, size, "%s %s %c left open", n, t, H.disk[H.open[i].disk].mode);
            return false;
        }
    if (H.live) {
        snprintf(why, size, "%ld DMSFREE blocks not returned", H.live);
        return false;
    }
    if (H.misuse) {
        snprintf(why, size, "%s", H.misusewhy);
        return false;
    }
    static const char *const work[][2] = {{"COPYFILE", "CMSUT1"}, {"SORT", "CMSUT1"}};
    for (int i = 0; i < NDISK; i++) {
        struct hdisk *d = &H.disk[i];
        for (size_t k = 0; k < 2; k++) {
            uint8_t fn[8], ft[8];
            struct cmsfs_fst f;
            cmsfs_name(fn, work[k][0]);
            cmsfs_name(ft, work[k][1]);
            if (cmsfs_find(d->fs, fn, ft, &f) == CMSFS_OK) {
                snprintf(why, size, "%s %s left on %c", work[k][0], work[k][1], d->mode);
                return false;
            }
        }
        char w[160] = "";
        if (!d->fs)
            continue; /* unformatted */
        cmsfs_close(d->fs);
        d->fs = NULL;
        if (cmsfs_open_why(&d->io, &d->fs, w, sizeof(w)) != CMSFS_OK) {
            snprintf(why, size, "disk %c: %s", d->mode, w);
            return false;
        }
    }
    return true;
}
