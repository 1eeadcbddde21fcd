/*
 * workfile.c - writing an output file through a work file (util.h).
 *
 * The file system commits a file only at FSCLOSE, and after a failed
 * FSWRITE (disk full, I/O error) FSCLOSE drops the new version and
 * returns the error (cms/fs/cmsfs.h, cmsfs_write): the file stays as it
 * was. cmsapi.h has no call that drops a new version otherwise, so the
 * new data goes to a work file: on a failure the work file is closed and
 * erased, and the output is never touched. Only a whole work file is
 * made the output: FSCLOSE, FSERASE of the old output, RENAME.
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/util.h"

void util_work_start(struct util_work *w, const char *mod, const char *wfn, const char *wft,
                     const struct util_fid *out, char recfm)
{
    memset(w, 0, sizeof(*w));
    w->mod = mod;
    w->out = *out;
    snprintf(w->work.fn, sizeof(w->work.fn), "%s", wfn);
    snprintf(w->work.ft, sizeof(w->work.ft), "%s", wft);
    memcpy(w->work.fm, out->fm, sizeof(w->work.fm));
    w->recfm = recfm;
    /* one left behind by a failure (ours always erase theirs) */
    fserase(w->work.fn, w->work.ft, w->work.fm);
}

int util_work_write(struct util_work *w, const void *rec, size_t len)
{
    int rc = fswrite(w->work.fn, w->work.ft, w->work.fm, 0, w->recfm, rec, len);
    if (rc) {
        util_work_drop(w);
        return util_write_error(w->mod, rc, &w->out);
    }
    w->records++;
    return 0;
}

void util_work_drop(struct util_work *w)
{
    /* after a failed FSWRITE this drops the new version; otherwise it
     * commits a work file that is erased at once */
    fsclose(w->work.fn, w->work.ft, w->work.fm);
    fserase(w->work.fn, w->work.ft, w->work.fm);
    w->records = 0;
}

int util_work_commit(struct util_work *w, bool exists)
{
    int rc = fsclose(w->work.fn, w->work.ft, w->work.fm);
    if (rc) {
        fserase(w->work.fn, w->work.ft, w->work.fm);
        return util_write_error(w->mod, rc, &w->out);
    }
    if (exists && (rc = fserase(w->out.fn, w->out.ft, w->out.fm)) != 0) {
        fserase(w->work.fn, w->work.ft, w->work.fm);
        return util_write_error(w->mod, rc, &w->out);
    }
    if ((rc = fsrename(w->work.fn, w->work.ft, w->work.fm, w->out.fn, w->out.ft, w->out.fm[1])) !=
        0)
        return util_write_error(w->mod, rc, &w->out);
    return 0;
}
