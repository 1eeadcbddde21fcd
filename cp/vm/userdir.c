/*
 * userdir.c - load the compiled directory at IPL (see userdir.h).
 */
#include <string.h>
#include "dir/dir.h"
#include "io/ckd.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "kern/log.h"
#include "lib/sha256.h"
#include "vm/userdir.h"

static struct dir_image image;
static bool loaded;

const struct dir_image *userdir(void) { return loaded ? &image : NULL; }

int userdir_load(struct volume *sysres)
{
    static uint8_t hdr[VOLFMT_PAGE] __attribute__((aligned(8)));
    char why[160];
    const struct vol_extent *x = alloc_find(&sysres->alloc, AREA_DRCT, -1);
    if (!x) {
        cp_log("DMKUDR475E NO DIRECTORY AREA ON VOLUME %s", sysres->rdev->volser);
        return -1;
    }
    uint32_t length;
    uint8_t sum[SHA256_LEN], got[SHA256_LEN];
    if (ckd_read_pages(sysres->rdev, x->first, 0, 1, hdr) != 0 ||
        drcthdr_decode(hdr, sizeof(hdr), &length, sum, why, sizeof(why)) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s NOT READABLE", sysres->rdev->volser);
        return -1;
    }
    unsigned pages = (length + VOLFMT_PAGE - 1) / VOLFMT_PAGE;
    uint8_t *buf = pages_alloc(pages ? pages : 1);
    if (!buf || ckd_read_pages(sysres->rdev, x->first, 1, pages, buf) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s NOT READABLE", sysres->rdev->volser);
        return -1;
    }
    sha256(buf, length, got);
    if (memcmp(got, sum, SHA256_LEN) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s IS DAMAGED (CHECKSUM)", sysres->rdev->volser);
        return -1;
    }
    if (dir_check(buf, length, &image, why, sizeof(why)) != 0) {
        cp_log("DMKUDR475E DIRECTORY ON VOLUME %s IS INVALID: %s", sysres->rdev->volser, why);
        return -1;
    }
    loaded = true;
    cp_log("DMKUDR476I SYSTEM DIRECTORY LOADED FROM VOLUME %s, %u USERS", sysres->rdev->volser,
           image.nusers);
    return 0;
}
