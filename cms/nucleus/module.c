/*
 * module.c - MODULE files and the program that runs in the user area
 * (the jobs of R6's DMSMOD, LOADMOD and of DMSINT's START; docs/cms.md,
 * "MODULE files").
 *
 * A MODULE file is R6's: RECFM V; record 1 is an 80-byte header whose
 * first words are the loader's (STRTADDR, FRSTLOC, LASTLOC, LOCCNT, as
 * NUCON keeps them), the records after it are the storage image from
 * FRSTLOC to LASTLOC, end to end (any lengths; R6 GENMOD wrote 65535-byte
 * records, so does `cmsfs write --module`). Anything after the image (a
 * load map) is not read. LOCCNT beyond LASTLOC is storage the program
 * expects to find zeroed (its BSS: our extension; R6 modules have
 * LOCCNT = LASTLOC or a map). cms/lib/module.ld and tools/cmscc make
 * them for C programs.
 *
 * cms_run_module finds "name MODULE" in the search order, checks the
 * header, loads the image at FRSTLOC (X'50000' or above, below free
 * storage; a transient MODULE, linked for X'40000', into the transient
 * area X'40000'-X'4FFFF'), and calls STRTADDR with R1 -> the tokenised plist (8-byte
 * EBCDIC tokens, fence X'FF'*8), R13 -> a save area, R14 the return, R12
 * and R15 the entry, enabled for I/O. Its R15 is the return code. One
 * program at a time: a MODULE asked for while one runs (a program's SVC
 * 202) is refused with DMSMOD120S and return code 104, since it would be
 * loaded over the caller. A transient MODULE may run while a program is
 * in the user area (a program's SVC 202 COMPARE): one at a time too. It
 * keeps its DMSFREE storage until the program around it ends.
 */
#include <string.h>
#include "cms/nucleus/cms.h"
#include "cms/nucleus/fileid.h"
#include "cms/nucleus/lowcore.h"
#include "console/ebcdic.h"
#include "lib/bytes.h"

/* The header (R6 NUCON's loader fields, in the MODULE's first record) */
#define MH_STRTADDR 0x00
#define MH_FRSTLOC  0x04
#define MH_LASTLOC  0x08
#define MH_LOCCNT   0x0C
#define MH_LEN      80 /* R6 GENMOD's */
#define MH_MIN      16 /* the words we need */

#define MAXTOK   64
#define EB_V     0xE5
#define EB_FENCE 0xFF

static bool running, transient;
static char running_name[9], transient_name[9];
uint32_t cms_program_sp; /* start.S: the nucleus's stack pointer while a program runs */

/* The plist a program gets: in segment 0, which it may read but not
 * change. Its save area is after its image, in the user area. */
static uint8_t plist[(MAXTOK + 1) * 8] __attribute__((aligned(8)));
static uint8_t tplist[(MAXTOK + 1) * 8] __attribute__((aligned(8))); /* a transient's */
#define SAVEAREA 72

bool cms_program_running(void) { return running || transient; }

void cms_program_end(void)
{
    running = transient = false;
    free_release_user();
}

static void build_plist(uint8_t *pl, char (*tok)[8], int ntok)
{
    int n = ntok > MAXTOK ? MAXTOK : ntok;
    for (int i = 0; i < n; i++)
        a2e(pl + 8 * i, tok[i], 8);
    memset(pl + 8 * n, EB_FENCE, 8);
}

static int bad_module(const char *id)
{
    cms_emsg("DMSMOD032E", "'%s' IS NOT A VALID MODULE FILE", id);
    return 32;
}

/* Read the image into storage at first..last (records end to end). */
static int load_image(struct cmsfs_rfile *r, uint32_t first, uint32_t last)
{
    uint32_t off = 0, size = last - first;
    while (off < size) {
        size_t len;
        int rc = cmsfs_read(r, 0, (uint8_t *)(uintptr_t)(first + off), size - off, &len);
        if (rc == CMSFS_ETRUNC)
            return 0; /* the last record goes on past LASTLOC: the rest is not the image */
        if (rc)
            return rc;
        off += (uint32_t)len;
    }
    return 0;
}

int cms_run_module(const char *name, char (*tok)[8], int ntok, const char *line)
{
    struct fileid f;
    memset(&f, 0, sizeof(f));
    if (!fileid_valid(name, false))
        return -3;
    memcpy(f.fn, name, strlen(name) + 1);
    memcpy(f.ft, "MODULE", 7);
    f.mode = '*';
    struct adt *d;
    struct cmsfs_fst fst;
    if (!fileid_find(&f, &d, &fst))
        return -3;
    char id[32];
    fileid_text(id, sizeof(id), d, &fst);
    if (fst.recfm != EB_V)
        return bad_module(id);
    struct cmsfs_rfile *r;
    int rc = cmsfs_ropen(d->fs, fst.fn, fst.ft, &r);
    uint8_t head[MH_LEN];
    size_t len = 0;
    if (rc == 0) {
        rc = cmsfs_read(r, 1, head, sizeof(head), &len);
        if (rc == CMSFS_ETRUNC)
            rc = 0;
    }
    if (rc) {
        if (r)
            cmsfs_rclose(r);
        cms_emsg("DMSMOD104S", "ERROR %d READING FILE '%s' FROM DISK", -rc, id);
        return 104;
    }
    uint32_t start = get_be32(head + MH_STRTADDR), first = get_be32(head + MH_FRSTLOC);
    uint32_t last = get_be32(head + MH_LASTLOC), loccnt = get_be32(head + MH_LOCCNT);
    if (loccnt < last)
        loccnt = last;
    bool trans = first == CMS_TRANS_AREA;
    if (len < MH_MIN || (first < CMS_USER_AREA && !trans) || last <= first || start < first ||
        start >= loccnt || last > 0xFFFFFF || loccnt > 0xFFFFFF) {
        cmsfs_rclose(r);
        return bad_module(id);
    }
    if (trans ? transient : running) {
        cmsfs_rclose(r);
        cms_emsg("DMSMOD120S", "'%s' NOT LOADED: PROGRAM '%s' IS RUNNING IN THE %s AREA", id,
                 trans ? transient_name : running_name, trans ? "TRANSIENT" : "USER");
        return 104;
    }
    uint32_t save = (loccnt + 7) & ~7u; /* the save area, after the image */
    bool fits = trans ? save + SAVEAREA <= CMS_TRANS_END
                      : save + SAVEAREA <= free_user_top() && free_take_user_area(save + SAVEAREA);
    if (!fits) {
        cmsfs_rclose(r);
        cms_emsg("DMSMOD109S", "VIRTUAL STORAGE CAPACITY EXCEEDED");
        return 104;
    }
    rc = load_image(r, first, last);
    cmsfs_rclose(r);
    if (rc) {
        if (!trans)
            free_release_user();
        if (rc == CMSFS_EEOF)
            return bad_module(id);
        cms_emsg("DMSMOD104S", "ERROR %d READING FILE '%s' FROM DISK", -rc, id);
        return 104;
    }
    memset((void *)(uintptr_t)last, 0, loccnt - last);
    build_plist(trans ? tplist : plist, tok, ntok);
    memset((void *)(uintptr_t)save, 0, SAVEAREA);
    if (trans) {
        /* perhaps called by the program in the user area: its state stays */
        uint32_t sp = cms_program_sp;
        transient = true;
        memcpy(transient_name, name, strlen(name) + 1);
        rc = cms_call_program(start, (uint32_t)(uintptr_t)tplist, save);
        transient = false;
        cms_program_sp = sp;
        if (!running)
            free_release_user();
        return rc;
    }
    running = true;
    memcpy(running_name, name, strlen(name) + 1);
    rc = cms_call_program(start, (uint32_t)(uintptr_t)plist, save);
    cms_program_end();
    return rc;
}
