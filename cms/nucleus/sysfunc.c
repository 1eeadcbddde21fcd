/*
 * sysfunc.c - the nucleus functions behind the transient commands
 * (ACCESS, RELEASE, QUERY, SET, LISTFILE ( LABEL) and FORMAT: SVC 202
 * DISKINFO, DISKACC, DISKREL, NUCON, QRYSVC and DISKFMT; plist.h has
 * their parameter lists, docs/cms.md "The program interface" the whole).
 *
 * R6's transient commands ran in the nucleus key and read and changed
 * NUCON and the ADTs themselves; ours are programs in the user key, so
 * the nucleus keeps its tables and these functions are the doors: the
 * command parses, asks, and types its messages; the nucleus changes
 * what is its own. FORMAT's track formatting (DMSFOR's channel program)
 * is here too, since only the nucleus takes I/O interruptions.
 */
#include <string.h>
#include "cms/lib/plist.h"
#include "cms/nucleus/cms.h"
#include "cms/nucleus/fileid.h"
#include "console/ebcdic.h"
#include "lib/bytes.h"

static inline uint8_t *at(uint32_t a) { return (uint8_t *)(uintptr_t)a; }

/* A mode letter in a plist byte (EBCDIC): 'A'-'Z', or 0. */
static char letter_of(uint8_t b)
{
    char c;
    e2a(&c, &b, 1);
    return c >= 'A' && c <= 'Z' ? c : 0;
}

static void put_letter(uint8_t *out, char c) { a2e(out, &c, 1); }

/* ---------------------------------------------------------------- DISKINFO */

static void disk_area(uint8_t *a, const struct adt *d)
{
    struct cmsfs_info in;
    cmsfs_disk_info(d->fs, &in);
    memset(a, 0, DI_SIZE);
    put_letter(a + DI_MODE, d->mode);
    put_letter(a + DI_PARENT, d->parent ? d->parent : ' ');
    put_be16(a + DI_VADDR, d->vaddr);
    put_be16(a + DI_TYPE, d->model);
    a[DI_FLAGS] = (uint8_t)((d->io.readonly ? DI_RDONLY : 0) | (d->rw ? DI_LINKRW : 0) |
                            (d->filtered ? DI_FILTER : 0));
    memcpy(a + DI_LABEL, in.label, 6);
    put_be32(a + DI_CYL, in.cylinders);
    put_be32(a + DI_FILES, in.files);
    put_be32(a + DI_USED, (uint32_t)in.used);
    put_be32(a + DI_LEFT, (uint32_t)in.left);
    put_be32(a + DI_TOTAL, (uint32_t)in.total);
}

int sys_diskinfo(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, DIPL_LEN))
        return 24;
    const uint8_t *p = at(pl);
    uint32_t area = get_be32(p + DIPL_AREA) & 0xFFFFFF;
    if (!cms_writable(area, DI_SIZE))
        return 2;
    const struct adt *d;
    if (p[DIPL_MODE] == 0) {
        d = adt_of_vaddr(get_be16(p + DIPL_VADDR));
    } else {
        char m = letter_of(p[DIPL_MODE]);
        if (!m)
            return 24;
        d = adt_of(m);
    }
    if (!d)
        return 36;
    disk_area(at(area), d);
    return 0;
}

/* ---------------------------------------------------------------- DISKACC, DISKREL */

/* A name field of a plist: "" when blank; false if no file could have it. */
static bool filter_field(const uint8_t *f, char out[9])
{
    e2a_field(out, f, 8);
    return !out[0] || fileid_valid(out, true);
}

int sys_diskacc(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, DAPL_LEN))
        return 24;
    const uint8_t *p = at(pl);
    char mode = letter_of(p[DAPL_MODE]), parent = 0;
    if (!mode)
        return 24;
    if (p[DAPL_PARENT] != EBCDIC_BLANK && !(parent = letter_of(p[DAPL_PARENT])))
        return 24;
    if (parent == mode)
        return 24;
    char fn[9], ft[9], num;
    if (!filter_field(p + DAPL_FN, fn) || !filter_field(p + DAPL_FT, ft))
        return 24;
    e2a(&num, p + DAPL_NUM, 1);
    if (num == ' ' || num == 0)
        num = '*';
    if (num != '*' && (num < '0' || num > '6'))
        return 24;
    bool filtered = fn[0] || ft[0] || num != '*';
    if (filtered) {
        if (!fn[0])
            memcpy(fn, "*", 2);
        if (!ft[0])
            memcpy(ft, "*", 2);
    }
    int rc =
        disk_access_filtered(get_be16(p + DAPL_VADDR), mode, parent, filtered ? fn : NULL, ft, num);
    switch (rc) {
    case 0: return 0;
    case DISK_NODEV:
    case DISK_NOTDASD: return DISKACC_NODEV;
    case DISK_NOTCMS: return DISKACC_NOTCMS;
    case DISK_CORRUPT: return DISKACC_CORRUPT;
    default: return DISKACC_IOERR;
    }
}

int sys_diskrel(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, DRPL_LEN))
        return 24;
    char m = letter_of(at(pl)[DRPL_MODE]);
    if (!m)
        return 24;
    switch (disk_release(m)) {
    case 0: return 0;
    case DISK_NOTACC: return 36;
    default: return 40;
    }
}

/* ---------------------------------------------------------------- NUCON, QRYSVC */

static int onoff(const char *v, bool *flag)
{
    if (!strcmp(v, "ON"))
        *flag = true;
    else if (!strcmp(v, "OFF"))
        *flag = false;
    else
        return 24;
    return 0;
}

int sys_nucon(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, NUPL_LEN))
        return 24;
    char name[9], value[9];
    e2a_field(name, at(pl + NUPL_NAME), 8);
    e2a_field(value, at(pl + NUPL_VALUE), 8);
    int rc = 0;
    if (!name[0])
        ;
    else if (!strcmp(name, "IMPCP"))
        rc = onoff(value, &nucon.impcp);
    else if (!strcmp(name, "IMPEX"))
        rc = onoff(value, &nucon.impex);
    else if (!strcmp(name, "RDYMSG") && !strcmp(value, "SMSG"))
        nucon.rdymsg_short = true;
    else if (!strcmp(name, "RDYMSG") && !strcmp(value, "LMSG"))
        nucon.rdymsg_short = false;
    else
        rc = 24;
    s->r[0] = (nucon.impcp ? NUC_IMPCP : 0) | (nucon.impex ? NUC_IMPEX : 0) |
              (nucon.rdymsg_short ? NUC_SMSG : 0) | (nucon.nomsg ? NUC_NOMSG : 0);
    return rc;
}

int sys_qrysvc(struct svcrec *s, uint32_t pl)
{
    svc_query();
    return 0;
}

/* ---------------------------------------------------------------- DISKFMT */

#define MAXREC 40 /* records per track of the largest type (3390: 39) */

/* The channel program and its data, in free storage below 16M. */
struct fmt_area {
    uint64_t ccw[3 + MAXREC];
    uint8_t seek[8], search[8];
    uint8_t recs[MAXREC][8 + CMSFS_BLKSIZE];
};

/* One track: Search ID R0, then Write Count Key Data for R1-Rk (which
 * CP allows on any minidisk it may write). */
static int format_track(const struct adt *d, struct fmt_area *a, unsigned cyl, unsigned head)
{
    uint8_t *c = (uint8_t *)a->ccw, *seek = a->seek, *search = a->search;
    memset(seek, 0, 8);
    put_be16(seek + 2, (uint16_t)cyl);
    put_be16(seek + 4, (uint16_t)head);
    memcpy(search, seek + 2, 4);
    search[4] = 0; /* R0 */
    ccw0(c, 0x07, seek, 0x40, 6);
    ccw0(c + 8, 0x31, search, 0x40, 5);
    ccw0(c + 16, 0x08, c + 8, 0, 0);
    for (unsigned r = 0; r < d->per_track; r++) {
        uint8_t *rec = a->recs[r];
        memset(rec, 0, sizeof(a->recs[r]));
        memcpy(rec, seek + 2, 4);
        rec[4] = (uint8_t)(r + 1);
        rec[5] = 0;
        put_be16(rec + 6, CMSFS_BLKSIZE);
        ccw0(c + 24 + 8 * r, 0x1D, rec, r + 1 < d->per_track ? 0x40 : 0, 8 + CMSFS_BLKSIZE);
    }
    int st = io_run(d->vaddr, a->ccw, NULL);
    return st == 0x0C ? 0 : -1;
}

static int format_all(struct adt *g)
{
    struct fmt_area *a = cms_malloc(sizeof(*a));
    if (!a)
        return 104;
    int rc = 0;
    for (unsigned c = 0; c < g->cylinders && rc == 0; c++)
        for (unsigned h = 0; h < g->heads && rc == 0; h++)
            rc = format_track(g, a, c, h);
    cms_mfree(a);
    return rc ? 100 : 0;
}

int sys_diskfmt(struct svcrec *s, uint32_t pl)
{
    if (!cms_readable(pl, DFPL_LEN))
        return 24;
    const uint8_t *p = at(pl);
    uint32_t area = get_be32(p + DFPL_AREA) & 0xFFFFFF;
    if (!cms_writable(area, DI_SIZE))
        return 2;
    char what;
    e2a(&what, p + DFPL_WHAT, 1);
    if (!what || !strchr("GFLR", what))
        return 24;
    struct adt g;
    memset(&g, 0, sizeof(g));
    unsigned vaddr = get_be16(p + DFPL_VADDR);
    if (disk_geometry(vaddr, &g))
        return 1;
    uint8_t *a = at(area);
    memset(a, 0, DI_SIZE);
    put_be16(a + DI_VADDR, (uint16_t)vaddr);
    put_be16(a + DI_TYPE, g.model);
    a[DI_FLAGS] = g.rw ? DI_LINKRW : DI_RDONLY;
    put_be32(a + DI_CYL, g.cylinders);
    if (what == 'G')
        return 0;
    if (!g.rw)
        return 36;
    if (adt_of_vaddr(vaddr))
        return 24; /* the command releases it first */
    uint32_t want = get_be32(p + DFPL_CYL);
    if (want == 0 || want > g.cylinders)
        want = g.cylinders;
    g.io.ctx = &g;
    int rc;
    if (what == 'L') {
        rc = cmsfs_relabel(&g.io, p + DFPL_LABEL);
    } else if (what == 'R') {
        rc = cmsfs_recomp(&g.io, want);
        if (rc == CMSFS_EFULL)
            return 8;
    } else {
        rc = format_all(&g);
        if (rc)
            return rc;
        rc = cmsfs_format(&g.io, p + DFPL_LABEL, want);
    }
    if (rc == CMSFS_ENOTCMS || rc == CMSFS_ECORRUPT)
        return 9;
    if (rc == CMSFS_ENOMEM)
        return 104;
    return rc ? 100 : 0;
}
