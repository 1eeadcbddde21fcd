/*
 * volbuild.c - write and read the parts of a CP volume (volfmt.h) in a
 * Hercules image: cylinder 0's labels, page-record areas, the directory.
 *
 * Entry points: vol_write_labels, vol_write_area, vol_read_area,
 * vol_read_label_record, vol_write_directory, vol_read_directory.
 * Return 0 or -1 with a reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/sha256.h"
#include "console/ebcdic.h"
#include "dasd/iplrec.h"
#include "dasd/volbuild.h"
#include "dasd/volfmt.h"

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        snprintf(why, whylen, __VA_ARGS__);                                                        \
        return -1;                                                                                 \
    } while (0)

static uint8_t *trkbuf(struct ckdimg *im)
{
    static uint8_t *buf;
    static size_t size;
    if (size < im->trksize) {
        free(buf);
        buf = malloc(im->trksize);
        size = buf ? im->trksize : 0;
    }
    return buf;
}

static int append(uint8_t *t, struct ckdimg *im, unsigned rec, const char *key, const void *data,
                  size_t dl, char *why, size_t whylen)
{
    uint8_t k[4] = {0};
    if (key)
        a2e_field(k, 4, key);
    if (ckdtrk_append(t, im->trksize, im->g, 0, 0, (uint8_t)rec, key ? k : NULL, key ? 4 : 0, data,
                      (uint16_t)dl) != 0)
        FAIL("%s: record %u of cylinder 0 does not fit on the track", im->path, rec);
    return 0;
}

int vol_write_labels(struct ckdimg *im, const struct spec_volume *v, const struct sysres_content *c,
                     char *why, size_t whylen)
{
    uint8_t *t = trkbuf(im);
    uint8_t ipl1[IPL1_LEN], ipl2[VOLFMT_IPL2_MAX], vol1[VOL1_LEN], page[VOLFMT_PAGE];
    size_t ipl2len = 8;
    if (!t)
        FAIL("out of memory");
    memset(ipl2, 0, sizeof(ipl2));
    if (v->sysres) {
        const struct vol_extent *nuc = alloc_find(&v->alloc, AREA_NUCLEUS, -1);
        unsigned pages = (unsigned)((c->nuc_len + VOLFMT_PAGE - 1) / VOLFMT_PAGE);
        if (!nuc)
            FAIL("volume %s has no NUCLEUS area", v->volser);
        if (ipl_build(v->g, nuc->first, pages, ipl1, ipl2, &ipl2len, why, whylen) != 0)
            return -1;
    } else {
        ipl_build_dummy(ipl1);
    }
    ckdtrk_init(t, im->trksize, 0, 0);
    vol1_encode(vol1, v->volser, "CPCMS");
    alloc_encode(page, &v->alloc);
    if (append(t, im, VOLFMT_R_IPL1, "IPL1", ipl1, IPL1_LEN, why, whylen) ||
        append(t, im, VOLFMT_R_IPL2, "IPL2", ipl2, ipl2len, why, whylen) ||
        append(t, im, VOLFMT_R_VOL1, "VOL1", vol1, VOL1_LEN, why, whylen) ||
        append(t, im, VOLFMT_R_ALLOC, NULL, page, VOLFMT_PAGE, why, whylen))
        return -1;
    if (v->sysres) {
        sysrec_encode(page, &c->sys);
        if (append(t, im, VOLFMT_R_SYSREC, NULL, page, VOLFMT_PAGE, why, whylen))
            return -1;
    }
    if (ckdimg_write_track(im, 0, 0, t) != 0)
        FAIL("%s: cannot write cylinder 0", im->path);
    return 0;
}

int vol_write_area(struct ckdimg *im, const struct vol_extent *x, const uint8_t *data, size_t len,
                   char *why, size_t whylen)
{
    uint8_t *t = trkbuf(im);
    unsigned rpt = ckd_recs_per_track(im->g, 0, VOLFMT_PAGE);
    unsigned ncyl = x->last - x->first + 1u;
    size_t pages = (len + VOLFMT_PAGE - 1) / VOLFMT_PAGE;
    if (!t)
        FAIL("out of memory");
    if (pages > (size_t)ncyl * vol_pages_per_cyl(im->g))
        FAIL("%s: %zu pages do not fit in the %s area (cylinders %u-%u, %u pages)", im->path, pages,
             area_name(x->type), x->first, x->last, ncyl * vol_pages_per_cyl(im->g));
    size_t page = 0;
    uint8_t buf[VOLFMT_PAGE];
    for (unsigned cyl = x->first; cyl <= x->last; cyl++) {
        for (unsigned head = 0; head < im->heads; head++) {
            ckdtrk_init(t, im->trksize, cyl, head);
            for (unsigned r = 1; r <= rpt && page < pages; r++, page++) {
                size_t off = page * VOLFMT_PAGE;
                size_t n = len - off < VOLFMT_PAGE ? len - off : VOLFMT_PAGE;
                memset(buf, 0, sizeof(buf));
                memcpy(buf, data + off, n);
                if (ckdtrk_append(t, im->trksize, im->g, cyl, head, (uint8_t)r, NULL, 0, buf,
                                  VOLFMT_PAGE) != 0)
                    FAIL("%s: page record does not fit on cylinder %u head %u", im->path, cyl,
                         head);
            }
            if (ckdimg_write_track(im, cyl, head, t) != 0)
                FAIL("%s: cannot write cylinder %u head %u", im->path, cyl, head);
        }
    }
    return 0;
}

int vol_read_area(struct ckdimg *im, const struct vol_extent *x, uint8_t *buf, unsigned npages,
                  char *why, size_t whylen)
{
    uint8_t *t = trkbuf(im);
    struct ckdrec recs[CKDTRK_MAX_RECS];
    unsigned rpt = ckd_recs_per_track(im->g, 0, VOLFMT_PAGE);
    if (!t)
        FAIL("out of memory");
    if (npages > (x->last - x->first + 1u) * vol_pages_per_cyl(im->g))
        FAIL("%s: %u pages is more than the %s area holds", im->path, npages, area_name(x->type));
    for (unsigned page = 0; page < npages; page += rpt) {
        unsigned cyl, head, rec;
        vol_page_location(im->g, x->first, page, &cyl, &head, &rec);
        if (ckdimg_read_track(im, cyl, head, t) != 0)
            FAIL("%s: cannot read cylinder %u head %u", im->path, cyl, head);
        int n = ckdtrk_parse(t, im->trksize, cyl, head, recs, CKDTRK_MAX_RECS, why, whylen);
        if (n < 0)
            return -1;
        for (unsigned i = 0; i < rpt && page + i < npages; i++) {
            if ((int)i >= n || recs[i].r != i + 1 || recs[i].kl != 0 || recs[i].dl != VOLFMT_PAGE)
                FAIL("%s: %s area, cylinder %u head %u: page record %u is missing or not 4 KB",
                     im->path, area_name(x->type), cyl, head, i + 1);
            memcpy(buf + (size_t)(page + i) * VOLFMT_PAGE, recs[i].data, VOLFMT_PAGE);
        }
    }
    return 0;
}

int vol_read_label_record(struct ckdimg *im, unsigned rec, uint8_t *buf, size_t buflen, char *why,
                          size_t whylen)
{
    uint8_t *t = trkbuf(im);
    struct ckdrec recs[CKDTRK_MAX_RECS];
    if (!t)
        FAIL("out of memory");
    if (ckdimg_read_track(im, 0, 0, t) != 0)
        FAIL("%s: cannot read cylinder 0 head 0", im->path);
    int n = ckdtrk_parse(t, im->trksize, 0, 0, recs, CKDTRK_MAX_RECS, why, whylen);
    if (n < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        if (recs[i].r == rec) {
            if (recs[i].dl > buflen)
                FAIL("%s: record %u of cylinder 0 is %u bytes, more than expected", im->path, rec,
                     recs[i].dl);
            memcpy(buf, recs[i].data, recs[i].dl);
            return recs[i].dl;
        }
    }
    FAIL("%s: cylinder 0 head 0 has no record %u", im->path, rec);
}

uint8_t *vol_directory_pages(const uint8_t *img, size_t len, size_t *outlen)
{
    size_t pages = 1 + (len + VOLFMT_PAGE - 1) / VOLFMT_PAGE;
    uint8_t *all = calloc(pages, VOLFMT_PAGE);
    if (!all)
        return NULL;
    uint8_t sum[SHA256_LEN];
    sha256(img, len, sum);
    drcthdr_encode(all, (uint32_t)len, sum);
    memcpy(all + VOLFMT_PAGE, img, len);
    *outlen = pages * VOLFMT_PAGE;
    return all;
}

int vol_write_directory(struct ckdimg *im, const struct vol_alloc *a, const uint8_t *img,
                        size_t len, char *why, size_t whylen)
{
    const struct vol_extent *x = alloc_find(a, AREA_DRCT, -1);
    if (!x)
        FAIL("volume %s has no DRCT area", a->volser);
    size_t total;
    uint8_t *all = vol_directory_pages(img, len, &total);
    if (!all)
        FAIL("out of memory");
    int rc = vol_write_area(im, x, all, total, why, whylen);
    free(all);
    return rc;
}

int vol_read_directory(struct ckdimg *im, const struct vol_alloc *a, uint8_t **img, size_t *len,
                       char *why, size_t whylen)
{
    const struct vol_extent *x = alloc_find(a, AREA_DRCT, -1);
    uint8_t hdr[VOLFMT_PAGE], sum[SHA256_LEN], got[SHA256_LEN];
    uint32_t length;
    if (!x)
        FAIL("volume %s has no DRCT area", a->volser);
    if (vol_read_area(im, x, hdr, 1, why, whylen) != 0 ||
        drcthdr_decode(hdr, sizeof(hdr), &length, sum, why, whylen) != 0)
        return -1;
    unsigned pages = 1 + (length + VOLFMT_PAGE - 1) / VOLFMT_PAGE;
    if (pages > (x->last - x->first + 1u) * vol_pages_per_cyl(im->g))
        FAIL("directory header claims %u bytes, more than the DRCT area holds", length);
    uint8_t *all = malloc((size_t)pages * VOLFMT_PAGE);
    if (!all)
        FAIL("out of memory");
    if (vol_read_area(im, x, all, pages, why, whylen) != 0) {
        free(all);
        return -1;
    }
    sha256(all + VOLFMT_PAGE, length, got);
    if (memcmp(got, sum, SHA256_LEN) != 0) {
        free(all);
        FAIL("the directory image does not match its checksum: it is damaged");
    }
    memmove(all, all + VOLFMT_PAGE, length);
    *img = all;
    *len = length;
    return 0;
}
