/*
 * userdir.c - the directory in use: loaded at IPL, switched by DIAGNOSE
 * X'3C' (see userdir.h).
 *
 * Entry points: userdir_load, userdir, userdir_switch. Both readers go
 * through read_area: the area header (magic, version, a length that fits
 * the area), the image's SHA-256, then dir_check of every field; a new
 * directory must also name, on its DIRECTORY statement, the volume it was
 * read from. Only a directory that passed all of that replaces the one in
 * use, in one assignment, so LOGON and LINK see the old one or the new
 * one, never a mixture. The old image's pages are given back.
 */
#include <string.h>
#include "dasd/ckdgeom.h"
#include "dir/dir.h"
#include "io/ckd.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "kern/log.h"
#include "lib/sha256.h"
#include "vm/userdir.h"

struct loaded {
    struct dir_image img;
    uint8_t *pages; /* the image's storage */
    unsigned npages;
};

static struct loaded cur;
static bool loaded;

const struct dir_image *userdir(void) { return loaded ? &cur.img : NULL; }

/* Read and check the directory in v's DRCT area into new pages. Tells the
 * operator what is wrong. */
static enum userdir_rc read_area(struct volume *v, struct loaded *out)
{
    static uint8_t hdr[VOLFMT_PAGE] __attribute__((aligned(8)));
    const char *volser = v->rdev->volser;
    char why[160];
    const struct vol_extent *x = v->cpformatted ? alloc_find(&v->alloc, AREA_DRCT, -1) : NULL;
    if (!x || !v->rdev->geom) {
        cp_log("DMKUDR475E NO DIRECTORY AREA ON VOLUME %s", volser);
        return UDR_NOAREA;
    }
    if (ckd_read_pages(v->rdev, x->first, 0, 1, hdr) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s NOT READABLE", volser);
        return UDR_IOERR;
    }
    uint32_t length;
    uint8_t sum[SHA256_LEN], got[SHA256_LEN];
    if (drcthdr_decode(hdr, sizeof(hdr), &length, sum, why, sizeof(why)) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s IS INVALID: %s", volser, why);
        return UDR_BAD;
    }
    /* the header page, then the image: all within the area */
    unsigned room = (x->last - x->first + 1u) * vol_pages_per_cyl(v->rdev->geom);
    unsigned pages = (length + VOLFMT_PAGE - 1) / VOLFMT_PAGE;
    if (length == 0 || pages + 1 > room) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s IS INVALID: the header gives %u bytes, "
               "the area holds %u",
               volser, length, (room - 1) * VOLFMT_PAGE);
        return UDR_BAD;
    }
    uint8_t *buf = pages_alloc(pages);
    if (!buf) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s NOT READABLE: CP STORAGE EXHAUSTED", volser);
        return UDR_IOERR;
    }
    enum userdir_rc rc = UDR_OK;
    bool readable = ckd_read_pages(v->rdev, x->first, 1, pages, buf) == 0;
    if (readable)
        sha256(buf, length, got);
    if (!readable) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s NOT READABLE", volser);
        rc = UDR_IOERR;
    } else if (memcmp(got, sum, SHA256_LEN) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s IS DAMAGED (CHECKSUM)", volser);
        rc = UDR_BAD;
    } else if (dir_check(buf, length, &out->img, why, sizeof(why)) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s IS INVALID: %s", volser, why);
        rc = UDR_BAD;
    } else if (strcmp(out->img.dir.volser, volser) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s IS INVALID: its DIRECTORY statement names %s",
               volser, out->img.dir.volser);
        rc = UDR_BAD;
    }
    if (rc != UDR_OK) {
        pages_free(buf, pages);
        return rc;
    }
    out->pages = buf;
    out->npages = pages;
    return UDR_OK;
}

static void use(const struct loaded *n, const char *volser)
{
    struct loaded old = cur;
    cur = *n;
    if (loaded)
        pages_free(old.pages, old.npages);
    loaded = true;
    cp_log("DMKUDR476I SYSTEM DIRECTORY LOADED FROM VOLUME %s, %u USERS", volser, cur.img.nusers);
}

int userdir_load(struct volume *sysres)
{
    struct loaded n;
    if (read_area(sysres, &n) != UDR_OK)
        return -1;
    use(&n, sysres->rdev->volser);
    return 0;
}

enum userdir_rc userdir_switch(const char *volser)
{
    struct volume *v = volume_by_label(volser);
    if (!v || !v->rdev->online)
        return UDR_NOVOL;
    if (v->rdev->active || v->rdev->qhead)
        return UDR_BUSY; /* CP's reads run only on an idle device */
    struct loaded n;
    enum userdir_rc rc = read_area(v, &n);
    if (rc == UDR_OK)
        use(&n, volser);
    return rc;
}
