/*
 * cmsapi.c - cmsapi.h for programs running on CMS: every function is an
 * SVC 202 call with the parameter list R6's macro would build (FSSTATE,
 * FSREAD, FSWRITE, FSCLOSE, FSERASE, WRTERM, RDTERM, ATTN ...), in
 * EBCDIC; cp_command is DIAGNOSE X'08' and dmsfree/dmsfret SVC 203.
 * cms/lib/README.md maps them to R6's macros.
 */
#include <stdlib.h>
#include <string.h>
#include "cms/fs/cmsfs.h"
#include "cms/lib/cmsapi.h"
#include "cms/lib/cmslib.h"
#include "console/ebcdic.h"
#include "diagnose/diagcall.h"
#include "lib/bytes.h"

#define EB_F 0xC6
#define EB_V 0xE5

/* ------------------------------------------------------------ files */

/* The return code for a file id the plist cannot hold: fn, ft, fm. */
static int bad_id(const char *fn, const char *ft, int badfn, int badft, int badfm)
{
    if (!fn || !fn[0] || strlen(fn) > 8)
        return badfn;
    if (!ft || !ft[0] || strlen(ft) > 8)
        return badft;
    return badfm;
}

static void fst_out(const uint8_t *e, struct cms_fst *out)
{
    struct cmsfs_fst f;
    cmsfs_fst_decode(e, &f);
    memset(out, 0, sizeof(*out));
    e2a_field(out->fn, f.fn, 8);
    e2a_field(out->ft, f.ft, 8);
    e2a(&out->fm[0], &f.fm_letter, 1);
    out->fm[1] = (char)('0' + f.fm_number);
    out->recfm = f.recfm == EB_F ? 'F' : 'V';
    out->lrecl = f.lrecl;
    out->records = f.records;
    out->blocks = f.datablocks;
    out->year = f.written.year;
    out->month = f.written.month;
    out->day = f.written.day;
    out->hour = f.written.hour;
    out->minute = f.written.min;
    unsigned y = f.written.year % 100, mo = f.written.month % 100, d = f.written.day % 100;
    unsigned h = f.written.hour % 100, mi = f.written.min % 100;
    char *p = out->date;
    p[0] = (char)('0' + mo / 10), p[1] = (char)('0' + mo % 10), p[2] = '/';
    p[3] = (char)('0' + d / 10), p[4] = (char)('0' + d % 10), p[5] = '/';
    p[6] = (char)('0' + y / 10), p[7] = (char)('0' + y % 10), p[8] = 0;
    p = out->time;
    p[0] = (char)('0' + h / 10), p[1] = (char)('0' + h % 10), p[2] = ':';
    p[3] = (char)('0' + mi / 10), p[4] = (char)('0' + mi % 10), p[5] = 0;
    out->readonly = e[CMSFS_FST_FLAGS] != 0x80;
}

int fsstate(const char *fn, const char *ft, const char *fm, struct cms_fst *fst)
{
    uint8_t p[FSCB_LEN] __attribute__((aligned(8)));
    if (!cmslib_fscb(p, "STATE", fn, ft, fm))
        return bad_id(fn, ft, 20, 20, 24);
    int rc = cmslib_svc202(p, NULL);
    if (rc == 0 && fst)
        fst_out((const uint8_t *)(uintptr_t)(get_be32(p + FSCB_BUFF) & 0xFFFFFF), fst);
    return rc;
}

int fslist(const char *fn, const char *ft, const char *fm, uint32_t *cursor, struct cms_fst *fst)
{
    uint8_t p[FSCB_LEN] __attribute__((aligned(8)));
    uint8_t e[CMSFS_FSTLEN] __attribute__((aligned(8)));
    if (!cmslib_fscb(p, "FSTLIST", fn, ft, fm))
        return bad_id(fn, ft, 20, 20, 24);
    put_be32(p + FSTL_BUFF, (uint32_t)(uintptr_t)e);
    put_be32(p + FSTL_CURSOR, *cursor);
    int rc = cmslib_svc202(p, NULL);
    if (rc == 0) {
        *cursor = get_be32(p + FSTL_CURSOR);
        if (fst)
            fst_out(e, fst);
    }
    return rc;
}

int fsread(const char *fn, const char *ft, const char *fm, uint32_t recno, void *buf, size_t size,
           size_t *len)
{
    uint8_t p[FSCB_LEN] __attribute__((aligned(8)));
    if (len)
        *len = 0;
    if (!cmslib_fscb(p, "RDBUF", fn, ft, fm))
        return bad_id(fn, ft, 14, 15, 1);
    if (recno > 0xFFFF)
        return 12;
    put_be16(p + FSCB_ITNO, (uint16_t)recno);
    put_be32(p + FSCB_BUFF, (uint32_t)(uintptr_t)buf);
    put_be32(p + FSCB_SIZE, (uint32_t)size);
    put_be16(p + FSCB_NOIT, 1);
    uint32_t r0 = 0;
    int rc = cmslib_svc202(p, &r0);
    if (len)
        *len = r0;
    return rc;
}

/* WRBUF, with FSCBFLG flags (stdio's "w" starts the file anew). */
int cmslib_wrbuf(const char *fn, const char *ft, const char *fm, uint32_t recno, char recfm,
                 const void *buf, size_t len, uint8_t flags);
int cmslib_wrbuf(const char *fn, const char *ft, const char *fm, uint32_t recno, char recfm,
                 const void *buf, size_t len, uint8_t flags)
{
    uint8_t p[FSCB_LEN] __attribute__((aligned(8)));
    if (!cmslib_fscb(p, "WRBUF", fn, ft, fm))
        return bad_id(fn, ft, 20, 21, 4);
    if (recno > 0xFFFF)
        return 6;
    if (recfm != 'F' && recfm != 'V')
        return 11;
    put_be16(p + FSCB_ITNO, (uint16_t)recno);
    put_be32(p + FSCB_BUFF, (uint32_t)(uintptr_t)buf);
    put_be32(p + FSCB_SIZE, (uint32_t)len);
    p[FSCB_FV] = recfm == 'F' ? EB_F : EB_V;
    p[FSCB_FLG] = flags;
    put_be16(p + FSCB_NOIT, 1);
    return cmslib_svc202(p, NULL);
}

int fswrite(const char *fn, const char *ft, const char *fm, uint32_t recno, char recfm,
            const void *buf, size_t len)
{
    return cmslib_wrbuf(fn, ft, fm, recno, recfm, buf, len, 0);
}

/* FINIS or ERASE: an FSCB with the file id ("*" allowed). */
static int by_id(const char *func, const char *fn, const char *ft, const char *fm)
{
    uint8_t p[FSCB_LEN] __attribute__((aligned(8)));
    if (!cmslib_fscb(p, func, fn, ft, fm))
        return bad_id(fn, ft, 20, 20, 24);
    return cmslib_svc202(p, NULL);
}

int fsclose(const char *fn, const char *ft, const char *fm)
{
    return by_id("FINIS", fn, ft && ft[0] ? ft : "*", fm);
}

int fserase(const char *fn, const char *ft, const char *fm) { return by_id("ERASE", fn, ft, fm); }

int fsrename(const char *fn, const char *ft, const char *fm, const char *nfn, const char *nft,
             char nnum)
{
    uint8_t p[FSRN_LEN] __attribute__((aligned(8)));
    uint8_t t[FSCB_LEN];
    if (!cmslib_fscb(t, "FSRENAME", fn, ft, fm) || !fm || !fm[0])
        return bad_id(fn, ft, 20, 20, 24);
    memcpy(p, t, FSRN_NFN);
    if (!cmslib_field(p + FSRN_NFN, nfn) || !cmslib_field(p + FSRN_NFT, nft))
        return 20;
    char m[3] = {fm[0], nnum ? nnum : ' ', 0};
    cmslib_fmode(p + FSRN_NFM, m);
    return cmslib_svc202(p, NULL);
}

static int addr_plist(const char *func, const void *addr, uint8_t code, size_t len, uint32_t *r0);

/* ------------------------------------------------------------ disks */

static void disk_out(const uint8_t *a, struct cms_disk *d)
{
    memset(d, 0, sizeof(*d));
    e2a(&d->mode, a + DI_MODE, 1);
    e2a(&d->parent, a + DI_PARENT, 1);
    if (d->parent == ' ')
        d->parent = 0;
    d->vaddr = get_be16(a + DI_VADDR);
    d->type = get_be16(a + DI_TYPE);
    d->readonly = a[DI_FLAGS] & DI_RDONLY;
    d->link_rw = a[DI_FLAGS] & DI_LINKRW;
    d->filtered = a[DI_FLAGS] & DI_FILTER;
    e2a_field(d->label, a + DI_LABEL, 6);
    d->cylinders = get_be32(a + DI_CYL);
    d->files = get_be32(a + DI_FILES);
    d->used = get_be32(a + DI_USED);
    d->left = get_be32(a + DI_LEFT);
    d->total = get_be32(a + DI_TOTAL);
}

/* A mode letter as a plist byte. */
static uint8_t mode_byte(char m)
{
    uint8_t b;
    if (m >= 'a' && m <= 'z')
        m = (char)(m - 'a' + 'A');
    a2e(&b, &m, 1);
    return b;
}

int cms_diskinfo(char mode, unsigned vaddr, struct cms_disk *d)
{
    uint8_t p[DIPL_LEN] __attribute__((aligned(8))), a[DI_SIZE] __attribute__((aligned(8)));
    memset(p, 0, sizeof(p));
    cmslib_field(p, "DISKINFO");
    p[DIPL_MODE] = mode ? mode_byte(mode) : 0;
    put_be16(p + DIPL_VADDR, (uint16_t)vaddr);
    put_be32(p + DIPL_AREA, (uint32_t)(uintptr_t)a);
    int rc = cmslib_svc202(p, NULL);
    if (rc == 0 && d)
        disk_out(a, d);
    return rc;
}

int cms_access(unsigned vaddr, char mode, char parent, const char *fn, const char *ft, char num)
{
    uint8_t p[DAPL_LEN] __attribute__((aligned(8)));
    memset(p, 0, sizeof(p));
    cmslib_field(p, "DISKACC");
    put_be16(p + DAPL_VADDR, (uint16_t)vaddr);
    p[DAPL_MODE] = mode_byte(mode);
    p[DAPL_PARENT] = mode_byte(parent ? parent : ' ');
    (void)cmslib_field(p + DAPL_FN, fn && fn[0] ? fn : NULL);
    (void)cmslib_field(p + DAPL_FT, ft && ft[0] ? ft : NULL);
    p[DAPL_NUM] = mode_byte(fn && num ? num : ' ');
    return cmslib_svc202(p, NULL);
}

int cms_release(char mode)
{
    uint8_t p[DRPL_LEN] __attribute__((aligned(8)));
    memset(p, 0, sizeof(p));
    cmslib_field(p, "DISKREL");
    p[DRPL_MODE] = mode_byte(mode);
    return cmslib_svc202(p, NULL);
}

int cms_diskfmt(unsigned vaddr, char what, unsigned cyl, const char *label, struct cms_disk *geom)
{
    uint8_t p[DFPL_LEN] __attribute__((aligned(8))), a[DI_SIZE] __attribute__((aligned(8)));
    memset(p, 0, sizeof(p));
    cmslib_field(p, "DISKFMT");
    put_be16(p + DFPL_VADDR, (uint16_t)vaddr);
    p[DFPL_WHAT] = mode_byte(what);
    put_be32(p + DFPL_CYL, cyl);
    memset(p + DFPL_LABEL, EBCDIC_BLANK, 6);
    size_t n = label ? strlen(label) : 0;
    a2e(p + DFPL_LABEL, label ? label : "", n > 6 ? 6 : n);
    put_be32(p + DFPL_AREA, (uint32_t)(uintptr_t)a);
    int rc = cmslib_svc202(p, NULL);
    if (geom && (rc == 0 || rc == 36))
        disk_out(a, geom);
    return rc;
}

/* ------------------------------------------------------------ unit record */

int cardph(const void *card, size_t len) { return addr_plist("CARDPH", card, 0, len, NULL); }

int printr(const void *line, size_t len, uint8_t ccw)
{
    return addr_plist("PRINTR", line, ccw, len, NULL);
}

int cardrd(void *buf, size_t size, size_t *len)
{
    uint32_t n = 0;
    int rc = addr_plist("CARDRD", buf, 0, size, &n);
    if (len)
        *len = rc == 0 ? n : 0;
    return rc;
}

int rdrdiag(unsigned sub, uint32_t op, void *area, unsigned *reason)
{
    unsigned r = 0;
    int cc = diag_spool_reader(0x00C, sub, area ? (diag_reg)(uintptr_t)area : op, &r);
    if (reason)
        *reason = r;
    return cc;
}

/* ------------------------------------------------------------ settings */

int cms_nucon(const char *name, const char *value, unsigned *flags)
{
    uint8_t p[NUPL_LEN] __attribute__((aligned(8)));
    cmslib_field(p, "NUCON");
    (void)cmslib_field(p + NUPL_NAME, name);
    (void)cmslib_field(p + NUPL_VALUE, value);
    uint32_t r0 = 0;
    int rc = cmslib_svc202(p, &r0);
    if (flags)
        *flags = r0;
    return rc;
}

int cms_query_svc(void)
{
    uint8_t p[16] __attribute__((aligned(8)));
    cmslib_field(p, "QRYSVC");
    memset(p + 8, PLIST_FENCE, 8);
    return cmslib_svc202(p, NULL);
}

/* ------------------------------------------------------------ console */

/* A plist of a name, an address and a 3-byte length with a code byte:
 * TYPLIN, WAITRD. */
static int addr_plist(const char *func, const void *addr, uint8_t code, size_t len, uint32_t *r0)
{
    uint8_t p[CONPL_SIZE] __attribute__((aligned(8)));
    cmslib_field(p, func);
    put_be32(p + CONPL_ADDR, (uint32_t)(uintptr_t)addr);
    put_be32(p + CONPL_LEN, (uint32_t)len & 0xFFFFFF);
    p[CONPL_CODE] = code;
    return cmslib_svc202(p, r0);
}

int wrterm(const char *text, size_t len)
{
    uint8_t small[256], *e = small;
    if (len > sizeof(small)) {
        e = malloc(len);
        if (!e)
            return 25;
    }
    a2e(e, text, len);
    int rc = addr_plist("TYPLIN", e, 0xC2 /* B */, len, NULL);
    if (e != small)
        free(e);
    return rc;
}

int rdterm(char *buf, size_t size, bool upper)
{
    uint8_t e[256];
    uint32_t n = 0;
    if (size == 0)
        return 0;
    if (addr_plist("WAITRD", e, upper ? 0xE4 : 0x40, sizeof(e), &n) != 0)
        n = 0;
    if (n > size - 1)
        n = (uint32_t)size - 1;
    e2a(buf, e, n);
    buf[n] = 0;
    return (int)n;
}

int attn(const char *line, bool lifo)
{
    uint8_t p[CONPL_SIZE] __attribute__((aligned(8))), e[255];
    size_t n = strlen(line);
    if (n > sizeof(e))
        n = sizeof(e);
    a2e(e, line, n);
    cmslib_field(p, "ATTN");
    a2e(p + CONPL_ADDR, lifo ? "LIFO" : "FIFO", 4);
    put_be32(p + CONPL_LEN, (uint32_t)(uintptr_t)e & 0xFFFFFF);
    p[CONPL_CODE] = (uint8_t)n;
    return cmslib_svc202(p, NULL);
}

int sentries(void)
{
    uint8_t p[16] __attribute__((aligned(8)));
    cmslib_field(p, "SENTRIES");
    memset(p + 8, PLIST_FENCE, 8);
    return cmslib_svc202(p, NULL);
}

/* ------------------------------------------------------------ commands */

int cmscmd(const char *line)
{
    uint8_t p[(CMSLIB_MAXTOK + 1) * 8] __attribute__((aligned(8)));
    if (cmslib_tokens(line, p, CMSLIB_MAXTOK) == 0)
        return 0;
    return cmslib_svc202(p, NULL);
}

int cp_command(const char *line, char *resp, size_t size)
{
    uint8_t cmd[240];
    size_t n = strlen(line);
    if (n > sizeof(cmd))
        n = sizeof(cmd);
    a2e(cmd, line, n);
    if (!resp || size == 0)
        return (int)diag_cp_command_show(cmd, (unsigned)n);
    unsigned rc = 0;
    int got = diag_cp_command(cmd, (unsigned)n, resp, (unsigned)(size - 1), &rc);
    size_t len = got < 0 ? size - 1 : (size_t)got;
    for (size_t i = 0; i < len; i++) {
        uint8_t e = (uint8_t)resp[i];
        resp[i] = e == 0x15 ? '\n' : (char)ebc2asc[e]; /* X'15' ends each line */
    }
    resp[len] = 0;
    return (int)rc;
}

/* ------------------------------------------------------------ storage */

void *dmsfree(size_t bytes)
{
    uint32_t r1 = 0;
    if (bytes == 0 || bytes > 0xFFFFFF)
        return NULL;
    if (cmslib_svc203(-SVC203_DMSFREE, (uint32_t)((bytes + 7) / 8), &r1) != 0)
        return NULL;
    return (void *)(uintptr_t)r1;
}

void dmsfret(void *p, size_t bytes)
{
    uint32_t r1 = (uint32_t)(uintptr_t)p;
    if (p && bytes)
        (void)cmslib_svc203(-SVC203_DMSFRET, (uint32_t)((bytes + 7) / 8), &r1);
}
