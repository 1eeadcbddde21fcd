/*
 * ckdimg.c - read and write Hercules CKD image files (layout in ckdimg.h).
 *
 * Entry points: ckdimg_create, ckdimg_open, ckdimg_read_track,
 * ckdimg_write_track, and the track-buffer helpers ckdtrk_init,
 * ckdtrk_append and ckdtrk_parse. All return 0 (or a count) on success and
 * -1 with a readable reason on failure; a corrupt image is reported, never
 * trusted.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib/bytes.h"
#include "dasd/ckdimg.h"

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        if (why)                                                                                   \
            snprintf(why, whylen, __VA_ARGS__);                                                    \
        return -1;                                                                                 \
    } while (0)

static const uint8_t eot[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
static const uint8_t zero8[8];

static off_t track_offset(const struct ckdimg *im, unsigned cyl, unsigned head)
{
    return CKDIMG_HDR_LEN + ((off_t)cyl * im->heads + head) * im->trksize;
}

static void put_count(uint8_t *p, unsigned cyl, unsigned head, uint8_t r, uint8_t kl, uint16_t dl)
{
    put_be16(p, (uint16_t)cyl);
    put_be16(p + 2, (uint16_t)head);
    p[4] = r;
    p[5] = kl;
    put_be16(p + 6, dl);
}

void ckdtrk_init(uint8_t *buf, uint32_t trksize, unsigned cyl, unsigned head)
{
    memset(buf, 0, trksize);
    put_be16(buf + 1, (uint16_t)cyl);
    put_be16(buf + 3, (uint16_t)head);
    put_count(buf + CKDTRK_HDR_LEN, cyl, head, 0, 0, 8);
    memcpy(buf + CKDTRK_HDR_LEN + CKD_COUNT_LEN + 8, eot, 8);
}

/* Offset of the end-of-track marker and the capacity used by the records
 * before it; -1 if the chain is broken. */
static long track_end(const uint8_t *buf, uint32_t trksize, const struct ckd_geom *g,
                      uint32_t *used)
{
    uint32_t off = CKDTRK_HDR_LEN + CKD_COUNT_LEN + 8;
    *used = 0;
    while (off + 8 <= trksize) {
        if (memcmp(buf + off, eot, 8) == 0)
            return (long)off;
        uint8_t kl = buf[off + 5];
        uint16_t dl = get_be16(buf + off + 6);
        if (g)
            *used += ckd_record_space(g, kl, dl);
        off += CKD_COUNT_LEN + kl + dl;
    }
    return -1;
}

int ckdtrk_append(uint8_t *buf, uint32_t trksize, const struct ckd_geom *g, unsigned cyl,
                  unsigned head, uint8_t r, const void *key, uint8_t kl, const void *data,
                  uint16_t dl)
{
    uint32_t used;
    long end = track_end(buf, trksize, g, &used);
    if (end < 0 || !ckd_record_fits(g, used, kl, dl, NULL))
        return -1;
    if ((uint32_t)end + CKD_COUNT_LEN + kl + dl + 8 > trksize)
        return -1;
    uint8_t *p = buf + end;
    put_count(p, cyl, head, r, kl, dl);
    if (kl)
        memcpy(p + CKD_COUNT_LEN, key, kl);
    if (dl)
        memcpy(p + CKD_COUNT_LEN + kl, data, dl);
    memcpy(p + CKD_COUNT_LEN + kl + dl, eot, 8);
    return 0;
}

int ckdtrk_parse(const uint8_t *buf, uint32_t trksize, unsigned cyl, unsigned head,
                 struct ckdrec *recs, int maxrecs, char *why, size_t whylen)
{
    if (buf[0] != 0 || get_be16(buf + 1) != cyl || get_be16(buf + 3) != head)
        FAIL("cylinder %u head %u: the track header says cylinder %u head %u", cyl, head,
             get_be16(buf + 1), get_be16(buf + 3));
    const uint8_t *r0 = buf + CKDTRK_HDR_LEN;
    if (get_be16(r0) != cyl || get_be16(r0 + 2) != head || r0[4] != 0 || r0[5] != 0 ||
        get_be16(r0 + 6) != 8)
        FAIL("cylinder %u head %u: record 0 is missing or malformed", cyl, head);
    uint32_t off = CKDTRK_HDR_LEN + CKD_COUNT_LEN + 8;
    int n = 0;
    for (;;) {
        if (off + 8 > trksize)
            FAIL("cylinder %u head %u: no end-of-track marker", cyl, head);
        if (memcmp(buf + off, eot, 8) == 0)
            return n;
        /* zero padding where a count or the marker should be: the marker is gone */
        if (memcmp(buf + off, zero8, 8) == 0)
            FAIL("cylinder %u head %u: no end-of-track marker after record %d", cyl, head, n);
        const uint8_t *c = buf + off;
        uint8_t kl = c[5];
        uint16_t dl = get_be16(c + 6);
        if (get_be16(c) != cyl || get_be16(c + 2) != head)
            FAIL("cylinder %u head %u: record %d's count names cylinder %u head %u", cyl, head,
                 n + 1, get_be16(c), get_be16(c + 2));
        if (off + CKD_COUNT_LEN + kl + dl + 8 > trksize)
            FAIL("cylinder %u head %u: record %u runs past the end of the track", cyl, head, c[4]);
        if (n == maxrecs)
            FAIL("cylinder %u head %u: more than %d records", cyl, head, maxrecs);
        recs[n].cyl = (uint16_t)cyl;
        recs[n].head = (uint16_t)head;
        recs[n].r = c[4];
        recs[n].kl = kl;
        recs[n].dl = dl;
        recs[n].key = c + CKD_COUNT_LEN;
        recs[n].data = c + CKD_COUNT_LEN + kl;
        n++;
        off += CKD_COUNT_LEN + kl + dl;
    }
}

int ckdimg_create(struct ckdimg *im, const char *path, const struct ckd_geom *g, unsigned cyls,
                  ckd_progress_fn progress, void *ctx, char *why, size_t whylen)
{
    memset(im, 0, sizeof(*im));
    im->g = g;
    im->cyls = cyls;
    im->heads = g->heads;
    im->trksize = ckd_image_track_size(g);
    im->writable = true;
    snprintf(im->path, sizeof(im->path), "%s", path);
    im->fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (im->fd < 0)
        FAIL("%s: %s", path, strerror(errno));

    uint8_t hdr[CKDIMG_HDR_LEN] = {0};
    memcpy(hdr, "CKD_P370", 8);
    put_le32(hdr + 8, g->heads);
    put_le32(hdr + 12, im->trksize);
    hdr[16] = ckd_image_devcode(g);
    hdr[17] = 0; /* the only file of the volume */
    put_le16(hdr + 18, 0);
    if (pwrite(im->fd, hdr, sizeof(hdr), 0) != (ssize_t)sizeof(hdr))
        goto ioerr;

    /* An empty track is header + R0 + end marker: 29 bytes, the rest holes. */
    uint8_t empty[CKDTRK_HDR_LEN + CKD_COUNT_LEN + 8 + 8];
    for (unsigned c = 0; c < cyls; c++) {
        for (unsigned h = 0; h < g->heads; h++) {
            memset(empty, 0, sizeof(empty));
            put_be16(empty + 1, (uint16_t)c);
            put_be16(empty + 3, (uint16_t)h);
            put_count(empty + CKDTRK_HDR_LEN, c, h, 0, 0, 8);
            memcpy(empty + CKDTRK_HDR_LEN + CKD_COUNT_LEN + 8, eot, 8);
            if (pwrite(im->fd, empty, sizeof(empty), track_offset(im, c, h)) !=
                (ssize_t)sizeof(empty))
                goto ioerr;
        }
        if (progress)
            progress(ctx, c + 1, cyls);
    }
    if (ftruncate(im->fd, track_offset(im, cyls, 0)) != 0)
        goto ioerr;
    return 0;
ioerr:
    snprintf(why, whylen, "%s: write failed: %s", path, strerror(errno));
    close(im->fd);
    im->fd = -1;
    return -1;
}

int ckdimg_open(struct ckdimg *im, const char *path, bool writable, char *why, size_t whylen)
{
    memset(im, 0, sizeof(*im));
    im->fd = -1;
    snprintf(im->path, sizeof(im->path), "%s", path);
    int fd = open(path, writable ? O_RDWR : O_RDONLY);
    if (fd < 0)
        FAIL("%s: %s", path, strerror(errno));
    uint8_t hdr[CKDIMG_HDR_LEN];
    struct stat st;
    if (pread(fd, hdr, sizeof(hdr), 0) != (ssize_t)sizeof(hdr) || fstat(fd, &st) != 0) {
        close(fd);
        FAIL("%s: not a CKD image (shorter than its 512-byte header)", path);
    }
    if (memcmp(hdr, "CKD_P370", 8) != 0) {
        close(fd);
        if (memcmp(hdr, "CKD_C370", 8) == 0)
            FAIL("%s: a compressed (CCKD) image; only uncompressed images are supported", path);
        FAIL("%s: not a CKD image (no CKD_P370 header)", path);
    }
    uint32_t heads = get_le32(hdr + 8), trksize = get_le32(hdr + 12);
    const struct ckd_geom *g = NULL;
    for (const struct ckd_geom *t = ckd_geom_table; t->name; t++)
        if (ckd_image_devcode(t) == hdr[16]) {
            g = t;
            break;
        }
    if (!g) {
        close(fd);
        FAIL("%s: unsupported device code X'%02X' in the image header", path, hdr[16]);
    }
    if (heads != g->heads || trksize != ckd_image_track_size(g)) {
        close(fd);
        FAIL("%s: header geometry (%u heads, track size %u) does not match a %s", path, heads,
             trksize, g->name);
    }
    off_t data = st.st_size - CKDIMG_HDR_LEN;
    off_t cylsize = (off_t)heads * trksize;
    if (data <= 0 || data % cylsize != 0) {
        close(fd);
        FAIL("%s: file size %lld is not a whole number of %s cylinders", path,
             (long long)st.st_size, g->name);
    }
    im->fd = fd;
    im->writable = writable;
    im->g = g;
    im->heads = heads;
    im->trksize = trksize;
    im->cyls = (unsigned)(data / cylsize);
    return 0;
}

void ckdimg_close(struct ckdimg *im)
{
    if (im->fd >= 0)
        close(im->fd);
    im->fd = -1;
}

int ckdimg_read_track(struct ckdimg *im, unsigned cyl, unsigned head, uint8_t *buf)
{
    if (cyl >= im->cyls || head >= im->heads)
        return -1;
    ssize_t n = pread(im->fd, buf, im->trksize, track_offset(im, cyl, head));
    return n == (ssize_t)im->trksize ? 0 : -1;
}

int ckdimg_write_track(struct ckdimg *im, unsigned cyl, unsigned head, const uint8_t *buf)
{
    if (!im->writable || cyl >= im->cyls || head >= im->heads)
        return -1;
    ssize_t n = pwrite(im->fd, buf, im->trksize, track_offset(im, cyl, head));
    return n == (ssize_t)im->trksize ? 0 : -1;
}
