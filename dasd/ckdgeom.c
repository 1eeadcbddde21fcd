/*
 * ckdgeom.c - the CKD geometry table and track-capacity arithmetic.
 *
 * Sources: the device reference manuals' track-capacity formulas (IBM 3330
 * Series, 3350, 3380 and 3390 Direct Access Storage references), with the
 * constants as Hercules emulates those devices (its image track sizes and
 * largest R1).
 *
 *  formula 1 (3330, 3340, 3350): space = KL + DL + (KL ? c : 0) + x
 *  formula 2 (3380):             cells of 32: ceil((DL+f2)/32)*32 + (KL ? ceil((KL+f3)/32)*32 : 0)
 *  formula 3 (3390):             as the 3390 manual: data and key areas in 34-byte
 *                                cells with 6-byte ECC groups of 232 bytes
 */
#include <string.h>
#include "dasd/ckdgeom.h"

/* clang-format off */
const struct ckd_geom ckd_geom_table[] = {
    /* name      type    mod  cyls heads maxr1  trklen  f  factors                cu */
    {"3330",    0x3330, 0x01, 404, 19, 13030, 13165, 1, {56, 135, 0, 0, 0, 0},   "3830"},
    {"3330-1",  0x3330, 0x01, 404, 19, 13030, 13165, 1, {56, 135, 0, 0, 0, 0},   "3830"},
    {"3330-11", 0x3330, 0x11, 808, 19, 13030, 13165, 1, {56, 135, 0, 0, 0, 0},   "3830"},
    {"3350",    0x3350, 0x00, 555, 30, 19069, 19254, 1, {82, 185, 0, 0, 0, 0},   "3830"},
    {"3380",    0x3380, 0x02, 885, 15, 47476, 47968, 2, {32, 492, 236, 0, 0, 0}, "3880"},
    {"3380-E",  0x3380, 0x0A, 1770, 15, 47476, 47968, 2, {32, 492, 236, 0, 0, 0}, "3880"},
    {"3380-K",  0x3380, 0x1E, 2655, 15, 47476, 47968, 2, {32, 492, 236, 0, 0, 0}, "3880"},
    {"3390",    0x3390, 0x02, 1113, 15, 56664, 58786, 3, {34, 19, 9, 6, 116, 6}, "3990"},
    {"3390-1",  0x3390, 0x02, 1113, 15, 56664, 58786, 3, {34, 19, 9, 6, 116, 6}, "3990"},
    {"3390-2",  0x3390, 0x06, 2226, 15, 56664, 58786, 3, {34, 19, 9, 6, 116, 6}, "3990"},
    {"3390-3",  0x3390, 0x0A, 3339, 15, 56664, 58786, 3, {34, 19, 9, 6, 116, 6}, "3990"},
    {"3390-9",  0x3390, 0x0C, 10017, 15, 56664, 58786, 3, {34, 19, 9, 6, 116, 6}, "3990"},
    {NULL, 0, 0, 0, 0, 0, 0, 0, {0}, NULL},
};
/* clang-format on */

const struct ckd_geom *ckd_geom_by_name(const char *name)
{
    for (const struct ckd_geom *g = ckd_geom_table; g->name; g++)
        if (strcmp(g->name, name) == 0)
            return g;
    return NULL;
}

const struct ckd_geom *ckd_geom_by_type(uint16_t devtype)
{
    for (const struct ckd_geom *g = ckd_geom_table; g->name; g++)
        if (g->devtype == devtype)
            return g;
    return NULL;
}

static uint32_t roundup(uint32_t v, uint32_t unit) { return (v + unit - 1) / unit * unit; }

uint32_t ckd_record_space(const struct ckd_geom *g, unsigned kl, unsigned dl)
{
    const uint16_t *f = g->f;
    switch (g->formula) {
    case 1: return kl + dl + (kl ? f[0] : 0) + f[1];
    case 2: return roundup(dl + f[1], f[0]) + (kl ? roundup(kl + f[2], f[0]) : 0);
    case 3: {
        /* f: cell size, data overhead cells, key overhead cells, ECC bytes
         * per group, half the group size, ECC pad */
        uint32_t groups_d = (dl + f[5] + (f[4] * 2 - 1)) / (f[4] * 2);
        uint32_t groups_k = (kl + f[5] + (f[4] * 2 - 1)) / (f[4] * 2);
        uint32_t d = f[0] * f[1] + dl + f[5] + f[3] * groups_d;
        uint32_t k = kl ? f[0] * f[2] + kl + f[5] + f[3] * groups_k : 0;
        return roundup(d, f[0]) + (kl ? roundup(k, f[0]) : 0);
    }
    }
    return g->trklen + 1;
}

unsigned ckd_recs_per_track(const struct ckd_geom *g, unsigned kl, unsigned dl)
{
    if (dl > g->maxr1)
        return 0;
    return g->trklen / ckd_record_space(g, kl, dl);
}

bool ckd_record_fits(const struct ckd_geom *g, uint32_t used, unsigned kl, unsigned dl,
                     uint32_t *newused)
{
    uint32_t need = ckd_record_space(g, kl, dl);
    if (used + need > g->trklen)
        return false;
    if (newused)
        *newused = used + need;
    return true;
}

uint32_t ckd_image_track_size(const struct ckd_geom *g)
{
    /* track header 5, HA/R0 count 8 + R0 data 8, one max record's count 8,
     * end-of-track marker 8, rounded to 512 */
    return roundup(5 + 8 + 8 + 8 + g->maxr1 + 8, 512);
}
