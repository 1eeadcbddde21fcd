/*
 * cmsfstool.c - the cmsfs command: CMS minidisks in Hercules CKD images,
 * while the system is down (format, list, read, write, erase, rename,
 * and raw blocks for IPL records and the CMS nucleus).
 *
 * Entry point: cmsfstool_main (cmsfstool.h). Subcommands are rows of a
 * table: name, positional arguments, options allowed, handler, usage.
 * Every subcommand that changes a disk first checks it all (cmsfs_open):
 * a disk that is not CMS or whose directory is damaged is refused with
 * the problem named, and nothing is written to it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "console/ebcdic.h"
#include "lib/bytes.h"
#include "tools/cmsfs/cmsfstool.h"
#include "tools/cmsfs/mdisk.h"
#include "tools/cmsfs/userdisk.h"

#define EB_F          0xC6
#define EB_V          0xE5
#define MODULE_HEADER 80 /* a MODULE file's first record */

struct tool {
    FILE *out, *err;
    const char *pos[6]; /* positional arguments after the subcommand */
    int npos;
    long cyls, lrecl; /* -1: not given */
    char recfm;       /* 0: not given */
    bool binary;
    bool module; /* write --module: a MODULE image (header record, then the image) */
    const char *user, *vaddr, *state, *spec; /* --user USERID VADDR: the disk from the directory */
    char disk[700];
};

static int fail(struct tool *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct tool *t, const char *fmt, ...)
{
    va_list ap;
    fputs("cmsfs: ", t->err);
    va_start(ap, fmt);
    vfprintf(t->err, fmt, ap);
    va_end(ap);
    fputc('\n', t->err);
    return 1;
}

/* ---------------------------------------------------------------- disks, names, host files */

struct disk {
    struct mdisk md;
    struct cmsfs_disk *d;
};

static int open_disk(struct tool *t, struct disk *k, const char *spec, bool writable)
{
    char why[1024];
    k->d = NULL;
    if (mdisk_open(&k->md, spec, writable, why, sizeof(why)))
        return fail(t, "%s", why);
    char fwhy[200] = "";
    int rc = cmsfs_open_why(&k->md.io, &k->d, fwhy, sizeof(fwhy));
    if (rc == CMSFS_OK)
        return 0;
    if (rc == CMSFS_ENOTCMS)
        fail(t, "%s is not a CMS disk (%s)", spec, fwhy);
    else if (rc == CMSFS_EIO)
        fail(t, "%s is not a CMS disk: %s", spec, k->md.why);
    else if (rc == CMSFS_ECORRUPT)
        fail(t, "%s: the CMS directory is damaged: %s; nothing written", spec, fwhy);
    else
        fail(t, "%s: %s", spec, cmsfs_strerror(rc));
    mdisk_close(&k->md);
    return 1;
}

static void close_disk(struct disk *k)
{
    if (k->d)
        cmsfs_close(k->d);
    mdisk_close(&k->md);
}

/* The end of a change: a message if it failed (what: the file or disk), the disk closed. */
static int done(struct tool *t, struct disk *k, int rc, const char *what1, const char *what2)
{
    if (rc)
        fail(t, "%s%s%s: %s", what1, what2 ? " " : "", what2 ? what2 : "", cmsfs_strerror(rc));
    close_disk(k);
    return rc ? 1 : 0;
}

static int bad_name(struct tool *t, const char *fn, const char *ft, uint8_t efn[8], uint8_t eft[8])
{
    if (!cmsfs_name(efn, fn))
        return fail(t, "%s: not a CMS file name (1-8 of A-Z 0-9 $ # @ + - : _)", fn);
    if (!cmsfs_name(eft, ft))
        return fail(t, "%s: not a CMS file type (1-8 of A-Z 0-9 $ # @ + - : _)", ft);
    return 0;
}

/* FN FT (the second and third arguments) in EBCDIC, and the disk opened. */
static int open_for(struct tool *t, struct disk *k, uint8_t fn[8], uint8_t ft[8], bool writable)
{
    return bad_name(t, t->pos[1], t->pos[2], fn, ft) || open_disk(t, k, t->pos[0], writable);
}

/* The whole of a host file ("-": standard input). NULL with a message. */
static uint8_t *slurp(struct tool *t, const char *path, size_t *len)
{
    uint8_t *buf = hostfile_read(path, len);
    if (!buf)
        fail(t, "%s: %s", path, strerror(errno));
    return buf;
}

/* A host file's contents, and the disk opened to write; NULL with a message. */
static uint8_t *slurp_open(struct tool *t, const char *path, size_t *len, struct disk *k)
{
    uint8_t *data = slurp(t, path, len);
    if (data && open_disk(t, k, t->pos[0], true)) {
        free(data);
        data = NULL;
    }
    return data;
}

/* ---------------------------------------------------------------- format, label, info, list */

/* The label argument (the second) as 6 EBCDIC bytes; 0, or 1 with a message. */
static int label_arg(struct tool *t, uint8_t out[6])
{
    const char *s = t->pos[1];
    char up[7];
    size_t n = strlen(s);
    for (size_t i = 0; i < n && n <= 6; i++) {
        char c = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("$#@+-:_", c)))
            n = 0;
        up[i] = c;
    }
    if (n == 0 || n > 6)
        return fail(t, "%s: a label is 1-6 of A-Z 0-9 $ # @ + - : _", s);
    up[n] = 0;
    a2e_field(out, 6, up);
    return 0;
}

static int cmd_format(struct tool *t)
{
    uint8_t lbl[6];
    if (label_arg(t, lbl))
        return 1;
    struct mdisk md;
    char why[1024];
    if (mdisk_open(&md, t->pos[0], true, why, sizeof(why)))
        return fail(t, "%s", why);
    unsigned cyls = t->cyls < 0 ? md.ncyl : (unsigned)t->cyls;
    int rc = 1;
    if (cyls == 0 || cyls > md.ncyl)
        fail(t, "--cyls %ld: the minidisk has %u cylinders", t->cyls, md.ncyl);
    else if (mdisk_format_tracks(&md, why, sizeof(why)))
        fail(t, "%s", why);
    else if ((rc = cmsfs_format(&md.io, lbl, cyls)) != CMSFS_OK)
        rc = fail(t, "%s: %s", t->pos[0], rc == CMSFS_EIO ? md.why : cmsfs_strerror(rc));
    else
        fprintf(t->out, "%s: %u cylinders formatted (%u blocks of 800 bytes a track)\n", t->pos[0],
                cyls, md.rpt);
    mdisk_close(&md);
    return rc;
}

static int cmd_label(struct tool *t)
{
    uint8_t lbl[6];
    struct disk k;
    if (label_arg(t, lbl) || open_disk(t, &k, t->pos[0], true))
        return 1;
    return done(t, &k, cmsfs_relabel(&k.md.io, lbl), t->pos[0], NULL);
}

static int cmd_info(struct tool *t)
{
    struct disk k;
    if (open_disk(t, &k, t->pos[0], false))
        return 1;
    struct cmsfs_info in;
    cmsfs_disk_info(k.d, &in);
    char lbl[7];
    e2a_field(lbl, in.label, 6);
    fprintf(t->out, "LABEL   CYL TYPE BLKSIZE FILES  BLKS USED-(%%) BLKS LEFT  BLK TOTAL\n");
    fprintf(t->out, "%-6s %4u %-4s %7u %5u %10u-%02u %10u %10u\n", lbl, in.cylinders,
            k.md.im.g->name, 800u, in.files, (unsigned)in.used,
            (unsigned)(in.used * 100u / in.total), (unsigned)in.left, (unsigned)in.total);
    fprintf(t->out, "%s: cylinders %u-%u of a %s, %u blocks a track\n", t->pos[0], k.md.cyl0,
            k.md.cyl0 + k.md.ncyl - 1, k.md.im.g->name, in.blocks_per_track);
    close_disk(&k);
    return 0;
}

static int cmd_list(struct tool *t)
{
    struct disk k;
    if (open_disk(t, &k, t->pos[0], false))
        return 1;
    unsigned cur = 0;
    struct cmsfs_fst f;
    while (cmsfs_next(k.d, &cur, &f)) {
        char fn[9], ft[9];
        e2a_field(fn, f.fn, 8);
        e2a_field(ft, f.ft, 8);
        fprintf(t->out, "%-8s %-8s %c%u %c %5u %6u %6u %2u/%02u/%02u %2u:%02u\n", fn, ft,
                ebc2asc[f.fm_letter], f.fm_number, f.recfm == EB_F ? 'F' : 'V', (unsigned)f.lrecl,
                (unsigned)f.records, (unsigned)f.datablocks, f.written.month, f.written.day,
                f.written.year, f.written.hour, f.written.min);
    }
    close_disk(&k);
    return 0;
}

/* ---------------------------------------------------------------- read, write */

static int cmd_read(struct tool *t)
{
    uint8_t fn[8], ft[8];
    struct disk k;
    if (open_for(t, &k, fn, ft, false))
        return 1;
    struct cmsfs_rfile *r;
    struct cmsfs_fst st;
    int rc = cmsfs_find(k.d, fn, ft, &st);
    if (rc == CMSFS_OK)
        rc = cmsfs_ropen(k.d, fn, ft, &r);
    if (rc) {
        fail(t, "%s %s: %s", t->pos[1], t->pos[2], cmsfs_strerror(rc));
        close_disk(&k);
        return 1;
    }
    const char *path = t->npos > 3 ? t->pos[3] : "-";
    FILE *f = strcmp(path, "-") == 0 ? t->out : fopen(path, "wb");
    uint8_t *buf = malloc(65536 + 1);
    if (!f || !buf)
        rc = fail(t, "%s: %s", path, strerror(errno));
    size_t len;
    while (rc == 0 && (rc = cmsfs_read(r, 0, buf, 65536, &len)) == CMSFS_OK) {
        if (!t->binary) {
            e2a(buf, buf, len);
            while (st.recfm == EB_F && len > 0 && buf[len - 1] == ' ')
                len--;
            buf[len++] = '\n';
        }
        if (fwrite(buf, 1, len, f) != len)
            rc = fail(t, "%s: %s", path, strerror(errno));
    }
    if (rc == CMSFS_EEOF)
        rc = 0;
    else if (rc > 0)
        rc = 1;
    else if (rc)
        rc = fail(t, "%s %s: %s", t->pos[1], t->pos[2], cmsfs_strerror(rc));
    if (f && f != t->out && fclose(f) != 0 && rc == 0)
        rc = fail(t, "%s: %s", path, strerror(errno));
    free(buf);
    cmsfs_rclose(r);
    close_disk(&k);
    return rc;
}

/* The records of a host file: lines (text) or LRECL-sized pieces. */
struct recs {
    uint8_t *data;
    size_t len, pos;
    unsigned line;
};

static bool next_rec(struct tool *t, struct recs *s, uint8_t recfm, uint32_t lrecl, uint8_t *rec,
                     size_t *len, int *err)
{
    *err = 0;
    if (s->pos >= s->len)
        return false;
    const uint8_t *p = s->data + s->pos;
    size_t left = s->len - s->pos;
    s->line++;
    if (t->binary) {
        size_t piece = t->module && s->line == 1 ? MODULE_HEADER : lrecl;
        size_t n = left < piece ? left : piece;
        memcpy(rec, p, n);
        s->pos += n;
        if (recfm == EB_F && n < lrecl)
            memset(rec + n, 0, lrecl - n); /* the last piece, padded */
        *len = recfm == EB_F ? lrecl : n;
        return true;
    }
    const uint8_t *nl = memchr(p, '\n', left);
    size_t n = nl ? (size_t)(nl - p) : left;
    s->pos += n + (nl != NULL);
    if (n > 0 && p[n - 1] == '\r')
        n--;
    if (n > (recfm == EB_F ? lrecl : CMSFS_MAXLRECL)) {
        *err = fail(t, "line %u is %zu characters, longer than LRECL %u", s->line, n,
                    recfm == EB_F ? (unsigned)lrecl : CMSFS_MAXLRECL);
        return false;
    }
    a2e(rec, p, n);
    if (recfm == EB_F) {
        memset(rec + n, EBCDIC_BLANK, lrecl - n);
        n = lrecl;
    } else if (n == 0)
        rec[n++] = EBCDIC_BLANK; /* CMS has no empty records */
    *len = n;
    return true;
}

/* A MODULE image (tools/cmscc, docs/cms.md "MODULE files"): the 80-byte
 * header, whose FRSTLOC and LASTLOC (offsets 4 and 8) bound the storage
 * image that follows it. */
static bool module_image(const uint8_t *data, size_t len)
{
    if (len <= MODULE_HEADER)
        return false;
    uint32_t first = get_be32(data + 4), last = get_be32(data + 8);
    return first < last && last - first == len - MODULE_HEADER;
}

static int cmd_write(struct tool *t)
{
    uint8_t fn[8], ft[8];
    if (bad_name(t, t->pos[1], t->pos[2], fn, ft))
        return 1;
    const char *fm = t->npos == 5 ? t->pos[3] : "A1";
    const char *path = t->pos[t->npos - 1];
    char letter = fm[0] >= 'a' && fm[0] <= 'z' ? (char)(fm[0] - 'a' + 'A') : fm[0];
    if (letter < 'A' || letter > 'Z' || (fm[1] && (fm[1] < '0' || fm[1] > '6' || fm[2])))
        return fail(t, "%s: a file mode is a letter and a number 0-6", fm);
    if (t->module) {
        if (t->recfm == 'F')
            return fail(t, "a MODULE file is RECFM V");
        t->binary = true;
        t->recfm = 'V';
    }
    uint8_t recfm = (t->recfm ? t->recfm : t->binary ? 'F' : 'V') == 'F' ? EB_F : EB_V;
    uint32_t lrecl = t->lrecl > 0 ? (uint32_t)t->lrecl : t->module ? CMSFS_MAXLRECL : 80;
    size_t len;
    struct disk k;
    uint8_t *data = slurp_open(t, path, &len, &k);
    if (!data)
        return 1;
    if (t->module && !module_image(data, len)) {
        close_disk(&k);
        free(data);
        return fail(t,
                    "%s is not a MODULE image (an 80-byte header and the storage from "
                    "FRSTLOC to LASTLOC: tools/cmscc)",
                    path);
    }
    struct cmsfs_wfile *w;
    uint8_t eletter;
    a2e(&eletter, &letter, 1);
    int rc = cmsfs_wopen(k.d, fn, ft, eletter, (uint8_t)(fm[1] ? fm[1] - '0' : 1), recfm, lrecl,
                         CMSFS_W_REPLACE, &w);
    if (rc) {
        fail(t, "%s %s: %s", t->pos[1], t->pos[2], cmsfs_strerror(rc));
        close_disk(&k);
        free(data);
        return 1;
    }
    struct recs s = {data, len, 0, 0};
    uint8_t *rec = malloc(CMSFS_MAXLRECL + 1);
    size_t n;
    int err = 0;
    unsigned count = 0;
    while (rc == 0 && next_rec(t, &s, recfm, lrecl, rec, &n, &err)) {
        rc = cmsfs_write(w, 0, rec, n);
        count++;
    }
    if (rc || err) {
        cmsfs_wclose(w, false);
        if (rc)
            fail(t, "%s %s: record %u: %s; the file is as it was", t->pos[1], t->pos[2], count,
                 cmsfs_strerror(rc));
        rc = 1;
    } else if ((rc = cmsfs_wclose(w, true)) != CMSFS_OK)
        rc = fail(t, "%s %s: %s; the file is as it was", t->pos[1], t->pos[2], cmsfs_strerror(rc));
    else if (count == 0)
        fprintf(t->err, "cmsfs: %s is empty: no file %s %s\n", path, t->pos[1], t->pos[2]);
    free(rec);
    free(data);
    close_disk(&k);
    return rc;
}

/* ---------------------------------------------------------------- erase, rename, putblocks */

static int cmd_erase(struct tool *t)
{
    uint8_t fn[8], ft[8];
    struct disk k;
    if (open_for(t, &k, fn, ft, true))
        return 1;
    return done(t, &k, cmsfs_erase(k.d, fn, ft), t->pos[1], t->pos[2]);
}

static int cmd_rename(struct tool *t)
{
    uint8_t fn[8], ft[8], nfn[8], nft[8];
    struct disk k;
    if (bad_name(t, t->pos[3], t->pos[4], nfn, nft) || open_for(t, &k, fn, ft, true))
        return 1;
    return done(t, &k, cmsfs_rename(k.d, fn, ft, nfn, nft, -1), t->pos[1], t->pos[2]);
}

static int cmd_putblocks(struct tool *t)
{
    char *end;
    unsigned long first = strtoul(t->pos[1], &end, 10);
    if (*end || first == 0 || t->pos[1][0] < '0' || t->pos[1][0] > '9')
        return fail(t, "%s: not a block number", t->pos[1]);
    size_t len;
    struct disk k;
    uint8_t *data = slurp_open(t, t->pos[2], &len, &k);
    if (!data)
        return 1;
    struct cmsfs_info in;
    cmsfs_disk_info(k.d, &in);
    unsigned long n = (len + CMSFS_BLKSIZE - 1) / CMSFS_BLKSIZE, last = first + n - 1;
    int rc = 0;
    if (n == 0)
        rc = fail(t, "%s is empty", t->pos[2]);
    else if (last > mdisk_blocks(&k.md))
        rc = fail(t, "blocks %lu-%lu: the minidisk has %u blocks; nothing written", first, last,
                  (unsigned)mdisk_blocks(&k.md));
    else if (last >= 3 && first <= in.total)
        rc = fail(t, "blocks %lu-%lu: blocks 3-%u are the file system's; nothing written", first,
                  last, (unsigned)in.total);
    uint8_t *buf = calloc(n ? n : 1, CMSFS_BLKSIZE);
    struct cmsfs_blk *v = calloc(n ? n : 1, sizeof(*v));
    if (rc == 0 && (!buf || !v))
        rc = fail(t, "out of memory");
    if (rc == 0) {
        memcpy(buf, data, len);
        for (unsigned long i = 0; i < n; i++)
            v[i] = (struct cmsfs_blk){(uint32_t)(first + i), buf + i * CMSFS_BLKSIZE};
        if (k.md.io.io(k.md.io.ctx, true, v, (unsigned)n))
            rc = fail(t, "%s: %s", t->pos[0], k.md.why);
        else
            fprintf(t->out, "%s: blocks %lu-%lu written\n", t->pos[0], first, last);
    }
    free(buf);
    free(v);
    free(data);
    close_disk(&k);
    return rc;
}

/* ---------------------------------------------------------------- the table */

static const struct cmd {
    const char *name;
    int minpos, maxpos;
    const char *opts; /* c: --cyls, b: --binary, r: --recfm, l: --lrecl, m: --module */
    int (*fn)(struct tool *);
    const char *usage;
} cmds[] = {
    {"format", 2, 2, "c", cmd_format, "format DISK LABEL [--cyls N]"},
    {"label", 2, 2, "", cmd_label, "label DISK LABEL"},
    {"info", 1, 1, "", cmd_info, "info DISK"},
    {"list", 1, 1, "", cmd_list, "list DISK"},
    {"read", 3, 4, "b", cmd_read, "read DISK FN FT [HOSTFILE|-] [--binary]"},
    {"write", 4, 5, "brlm", cmd_write,
     "write DISK FN FT [FM] HOSTFILE|- [--recfm F|V] [--lrecl N] [--binary|--module]"},
    {"erase", 3, 3, "", cmd_erase, "erase DISK FN FT"},
    {"rename", 5, 5, "", cmd_rename, "rename DISK FN FT NEWFN NEWFT"},
    {"putblocks", 3, 3, "", cmd_putblocks, "putblocks DISK FIRSTBLOCK HOSTFILE|-"},
};

static int usage(struct tool *t, const struct cmd *only)
{
    fprintf(t->err, "usage:\n");
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
        if (!only || only == &cmds[i])
            fprintf(t->err, "  cmsfs %s\n", cmds[i].usage);
    if (!only)
        fprintf(t->err, "DISK is IMAGE:CYL:NCYL, a minidisk of a Hercules CKD volume image, or\n"
                        "  --user USERID VADDR [--state DIR] [--spec FILE]: a user's minidisk\n"
                        "  in a system's state directory (default $CPCMS_STATE or\n"
                        "  ~/.cpcms/default), from its specification (dasd/system/cpcms.spec)\n");
    return 2;
}

/* --user USERID VADDR: the disk's IMAGE:CYL:NCYL into t->disk. */
static int find_disk(struct tool *t)
{
    char home[600], why[600];
    const char *state = t->state ? t->state : getenv("CPCMS_STATE");
    if (!state) {
        snprintf(home, sizeof(home), "%s/.cpcms/default", getenv("HOME") ? getenv("HOME") : ".");
        state = home;
    }
    const char *spec = t->spec ? t->spec : "dasd/system/cpcms.spec";
    if (userdisk_find(spec, state, t->user, t->vaddr, t->disk, sizeof(t->disk), why, sizeof(why)))
        return fail(t, "%s %s: %s", t->user, t->vaddr, why);
    return 0;
}

static bool number(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

int cmsfstool_main(int argc, char **argv, FILE *out, FILE *err)
{
    struct tool t = {.out = out, .err = err, .cyls = -1, .lrecl = -1};
    if (argc < 2)
        return usage(&t, NULL);
    const struct cmd *c = NULL;
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
        if (strcmp(argv[1], cmds[i].name) == 0)
            c = &cmds[i];
    if (!c)
        return usage(&t, NULL);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--binary") == 0 && strchr(c->opts, 'b'))
            t.binary = true;
        else if (strcmp(a, "--module") == 0 && strchr(c->opts, 'm'))
            t.module = true;
        else if (strcmp(a, "--user") == 0 && i + 2 < argc) {
            t.user = argv[++i];
            t.vaddr = argv[++i];
        } else if (strcmp(a, "--state") == 0 && has_value)
            t.state = argv[++i];
        else if (strcmp(a, "--spec") == 0 && has_value)
            t.spec = argv[++i];
        else if (strcmp(a, "--cyls") == 0 && strchr(c->opts, 'c') && has_value &&
                 number(argv[i + 1], 1, 65535, &t.cyls))
            i++;
        else if (strcmp(a, "--lrecl") == 0 && strchr(c->opts, 'l') && has_value &&
                 number(argv[i + 1], 1, CMSFS_MAXLRECL, &t.lrecl))
            i++;
        else if (strcmp(a, "--recfm") == 0 && strchr(c->opts, 'r') && has_value &&
                 strlen(argv[i + 1]) == 1 && strchr("FfVv", argv[i + 1][0])) {
            t.recfm = (char)(argv[++i][0] & ~0x20);
        } else if (a[0] == '-' && a[1] == '-')
            return usage(&t, c);
        else if (t.npos == (int)(sizeof(t.pos) / sizeof(t.pos[0])))
            return usage(&t, c);
        else
            t.pos[t.npos++] = a;
    }
    if (t.user && t.npos < (int)(sizeof(t.pos) / sizeof(t.pos[0]))) {
        memmove(&t.pos[1], &t.pos[0], (size_t)t.npos * sizeof(t.pos[0]));
        t.pos[0] = t.disk;
        t.npos++;
    }
    if (t.npos < c->minpos || t.npos > c->maxpos || (!t.user && (t.state || t.spec)))
        return usage(&t, c);
    if (t.user && find_disk(&t))
        return 1;
    return c->fn(&t);
}
