/*
 * volumes.c - find the volumes and read their allocation maps at IPL.
 *
 * Entry point: volumes_init. A disk without a readable VOL1 label is
 * listed with an empty label; one with a label but no valid allocation
 * map is an ordinary (not CP-formatted) volume. Problems are reported on
 * the system console; none stops CP unless it concerns the residence volume.
 */
#include <string.h>
#include "dasd/ckdgeom.h"
#include "io/ckd.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/log.h"

#define MAX_VOLUMES 64

static struct volume vols[MAX_VOLUMES];
static int nvols;
static struct volume *sysres;

int volume_count(void) { return nvols; }
struct volume *volume_at(int i) { return i >= 0 && i < nvols ? &vols[i] : NULL; }
struct volume *volume_sysres(void) { return sysres; }

unsigned volume_cylinders(const struct volume *v)
{
    if (v->cpformatted)
        return v->alloc.cyls;
    return v->rdev->geom ? v->rdev->geom->cyls : 0;
}

struct volume *volume_by_label(const char *volser)
{
    for (int i = 0; i < nvols; i++)
        if (vols[i].rdev->volser[0] && strcmp(vols[i].rdev->volser, volser) == 0)
            return &vols[i];
    return NULL;
}

int volumes_init(uint32_t ipl_sid)
{
    static uint8_t page[VOLFMT_PAGE] __attribute__((aligned(8)));
    for (int i = 0; i < rdev_count() && nvols < MAX_VOLUMES; i++) {
        struct rdevblok *rd = rdev_at(i);
        if (rd->cls != RDEV_DASD || !rd->online)
            continue;
        struct volume *v = &vols[nvols++];
        memset(v, 0, sizeof(*v));
        v->rdev = rd;
        int n = ckd_read_record(rd, 0, 0, VOLFMT_R_VOL1, page, VOL1_LEN);
        if (n != VOL1_LEN || vol1_decode(page, (size_t)n, rd->volser) != 0) {
            rd->volser[0] = '\0';
            cp_log("DMKCPI954E DASD %03X VOLID NOT READABLE", rd->devno);
            continue;
        }
        char why[128];
        n = ckd_read_record(rd, 0, 0, VOLFMT_R_ALLOC, page, VOLFMT_PAGE);
        if (n == VOLFMT_PAGE && alloc_decode(page, VOLFMT_PAGE, &v->alloc, why, sizeof(why)) == 0)
            v->cpformatted = true;
        for (int j = 0; j < nvols - 1; j++) {
            if (strcmp(vols[j].rdev->volser, rd->volser) == 0)
                cp_log("DMKCPI953W DASD %03X VOLID %s IS A DUPLICATE OF DASD %03X", rd->devno,
                       rd->volser, vols[j].rdev->devno);
        }
        if ((uint16_t)ipl_sid == rd->schno)
            sysres = v;
    }
    return nvols;
}
