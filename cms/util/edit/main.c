/*
 * main.c - EDIT MODULE: the line editor of cms/edit over CMS's program
 * interface (cms/lib/cmsapi.h). R6's EDIT was a user-area MODULE too.
 *
 * Files are read with FSREAD and translated from EBCDIC; FILE and SAVE
 * write the new version as "EDIT CMSUT1" on the target disk, and only
 * when that is whole erase the old file and rename the new one into its
 * place (as R6's editor did with its work file), so a failure while
 * writing - a full disk, a read-only disk - leaves the old file as it was.
 */
#include <stdio.h>
#include <string.h>
#include "cms/edit/edit.h"
#include "cms/lib/cmsapi.h"
#include "console/ebcdic.h"

#define WORKFN "EDIT"
#define WORKFT "CMSUT1"

/* DMSFREE needs the length back: keep it before the block. */
static void *x_alloc(void *ctx, size_t size)
{
    (void)ctx;
    size_t *p = dmsfree(size + 8);
    if (!p)
        return NULL;
    p[0] = size + 8;
    return (char *)p + 8;
}

static void x_free(void *ctx, void *p)
{
    (void)ctx;
    if (p) {
        size_t *h = (size_t *)((char *)p - 8);
        dmsfret(h, h[0]);
    }
}

static int x_read(void *ctx, char *buf, size_t size)
{
    (void)ctx;
    return rdterm(buf, size, false);
}

static void x_type(void *ctx, const char *line)
{
    (void)ctx;
    wrterm(line, strlen(line));
}

static int x_load(void *ctx, const struct edit_fileid *id, struct edit_fileinfo *info,
                  edit_add_fn add, void *actx)
{
    (void)ctx;
    struct cms_fst fst;
    int rc = fsstate(id->fn, id->ft, id->fm, &fst);
    if (rc)
        return rc;
    memcpy(info->fm, fst.fm, sizeof(info->fm));
    info->recfm = fst.recfm;
    info->lrecl = fst.lrecl;
    static char rec[EDIT_MAXLRECL + 1], text[EDIT_MAXLRECL + 1];
    for (;;) {
        size_t len;
        rc = fsread(fst.fn, fst.ft, fst.fm, 0, rec, EDIT_MAXLRECL, &len);
        if (rc == 12)
            break; /* end of file */
        if (rc == 8)
            len = EDIT_MAXLRECL; /* longer than the editor holds: add() refuses it */
        else if (rc) {
            fsclose(fst.fn, fst.ft, fst.fm);
            return rc;
        }
        e2a(text, rec, len);
        if (add(actx, text, len)) {
            fsclose(fst.fn, fst.ft, fst.fm);
            return 0;
        }
    }
    fsclose(fst.fn, fst.ft, fst.fm);
    return 0;
}

static int x_save(void *ctx, const struct edit_fileid *id, char recfm, unsigned lrecl,
                  edit_next_fn next, void *sctx)
{
    (void)ctx;
    static char rec[EDIT_MAXLRECL];
    char fm[3] = {id->fm[0] ? id->fm[0] : 'A', id->fm[1] ? id->fm[1] : '1', 0};
    char mode[2] = {fm[0], 0};
    struct cms_fst fst;
    if (fsstate(WORKFN, WORKFT, mode, &fst) == 0)
        fserase(WORKFN, WORKFT, mode);
    const char *line;
    size_t len;
    int rc = 0;
    while (rc == 0 && (line = next(sctx, &len)) != NULL) {
        if (recfm == 'F') {
            memset(rec, 0x40, lrecl);
            a2e(rec, line, len < lrecl ? len : lrecl);
            len = lrecl;
        } else {
            if (len == 0) { /* a V record of length 0 is not allowed: one blank */
                line = " ";
                len = 1;
            }
            a2e(rec, line, len);
        }
        rc = fswrite(WORKFN, WORKFT, fm, 0, recfm, rec, len);
    }
    if (rc) {
        /* nothing of the work file is committed: forget it */
        fsclose(WORKFN, WORKFT, fm);
        fserase(WORKFN, WORKFT, mode);
        return rc;
    }
    rc = fsclose(WORKFN, WORKFT, fm);
    if (rc)
        return rc;
    if (fsstate(id->fn, id->ft, mode, &fst) == 0) {
        rc = fserase(id->fn, id->ft, mode);
        if (rc)
            return rc;
    }
    return fsrename(WORKFN, WORKFT, fm, id->fn, id->ft, fm[1]);
}

static int x_cms(void *ctx, const char *line)
{
    (void)ctx;
    return cmscmd(line);
}

int main(int argc, char **argv)
{
    static const struct edit_env env = {
        .alloc = x_alloc,
        .free = x_free,
        .read = x_read,
        .type = x_type,
        .load = x_load,
        .save = x_save,
        .cms = x_cms,
    };
    return edit_run(&env, argc - 1, (const char *const *)argv + 1);
}
