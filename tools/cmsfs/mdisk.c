/*
 * mdisk.c - a CMS minidisk in a Hercules CKD image (mdisk.h): the block
 * I/O the file system runs on, and the CMS track format.
 *
 * Entry points: mdisk_parse, mdisk_open, mdisk_close, mdisk_blocks,
 * mdisk_format_tracks. One track is kept in storage; a transfer that
 * writes ends with the track written back, so when io() returns the
 * blocks are in the image file (the file system's commit order depends on
 * it). A track that does not hold the block asked for as an 800-byte
 * keyless record fails the transfer, and mdisk.why says where.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tools/cmsfs/mdisk.h"

bool mdisk_parse(const char *spec, char *path, size_t pathlen, unsigned *cyl, unsigned *ncyl)
{
    const char *c2 = strrchr(spec, ':');
    if (!c2 || c2 == spec)
        return false;
    const char *c1 = c2 - 1;
    while (c1 > spec && *c1 != ':')
        c1--;
    if (*c1 != ':' || c1 == spec || (size_t)(c1 - spec) >= pathlen)
        return false;
    char *end;
    unsigned long a = strtoul(c1 + 1, &end, 10);
    if (end != c2 || c1[1] < '0' || c1[1] > '9')
        return false;
    unsigned long b = strtoul(c2 + 1, &end, 10);
    if (*end || c2[1] < '0' || c2[1] > '9' || a > 65535 || b == 0 || b > 65535)
        return false;
    memcpy(path, spec, (size_t)(c1 - spec));
    path[c1 - spec] = 0;
    *cyl = (unsigned)a;
    *ncyl = (unsigned)b;
    return true;
}

uint32_t mdisk_blocks(const struct mdisk *m) { return m->ncyl * m->im.heads * m->rpt; }

static int flush(struct mdisk *m)
{
    if (!m->dirty)
        return 0;
    m->dirty = false;
    if (ckdimg_write_track(&m->im, (unsigned)m->tc, (unsigned)m->th, m->trk) == 0)
        return 0;
    snprintf(m->why, sizeof(m->why), "%s: cannot write cylinder %d head %d", m->im.path, m->tc,
             m->th);
    return -1;
}

/* Bring track (c, h) in and find its 800-byte records. */
static int load(struct mdisk *m, unsigned c, unsigned h)
{
    if (m->tc == (int)c && m->th == (int)h)
        return 0;
    if (flush(m))
        return -1;
    m->tc = -1;
    if (ckdimg_read_track(&m->im, c, h, m->trk)) {
        snprintf(m->why, sizeof(m->why), "%s: cannot read cylinder %u head %u", m->im.path, c, h);
        return -1;
    }
    struct ckdrec recs[CKDTRK_MAX_RECS];
    char why[200];
    int n = ckdtrk_parse(m->trk, m->im.trksize, c, h, recs, CKDTRK_MAX_RECS, why, sizeof(why));
    if (n < 0) {
        snprintf(m->why, sizeof(m->why), "cylinder %u head %u: %s", c, h, why);
        return -1;
    }
    memset(m->off, 0, sizeof(m->off));
    for (int i = 0; i < n; i++)
        if (recs[i].r >= 1 && recs[i].r <= m->rpt && recs[i].kl == 0 && recs[i].dl == CMSFS_BLKSIZE)
            m->off[recs[i].r] = (uint32_t)(recs[i].data - m->trk);
    m->tc = (int)c;
    m->th = (int)h;
    return 0;
}

static int blk_io(void *ctx, bool write, struct cmsfs_blk *v, unsigned n)
{
    struct mdisk *m = ctx;
    int rc = 0;
    for (unsigned i = 0; i < n && rc == 0; i++) {
        uint32_t b = v[i].block;
        if (b < 1 || b > mdisk_blocks(m)) {
            snprintf(m->why, sizeof(m->why), "block %u is outside the minidisk", (unsigned)b);
            rc = -1;
            break;
        }
        uint32_t t = (b - 1) / m->rpt;
        unsigned r = (b - 1) % m->rpt + 1;
        unsigned c = m->cyl0 + t / m->im.heads, h = t % m->im.heads;
        if ((rc = load(m, c, h)))
            break;
        if (!m->off[r]) {
            snprintf(m->why, sizeof(m->why),
                     "cylinder %u head %u has no 800-byte record %u (not formatted for CMS)", c, h,
                     r);
            rc = -1;
            break;
        }
        if (write) {
            memcpy(m->trk + m->off[r], v[i].buf, CMSFS_BLKSIZE);
            m->dirty = true;
        } else
            memcpy(v[i].buf, m->trk + m->off[r], CMSFS_BLKSIZE);
    }
    if (flush(m))
        rc = -1;
    return rc;
}

int mdisk_open(struct mdisk *m, const char *spec, bool writable, char *why, size_t whylen)
{
    memset(m, 0, sizeof(*m));
    m->im.fd = -1;
    char path[512];
    if (!mdisk_parse(spec, path, sizeof(path), &m->cyl0, &m->ncyl)) {
        snprintf(why, whylen, "%s: a minidisk is IMAGE:CYL:NCYL", spec);
        return -1;
    }
    if (ckdimg_open(&m->im, path, writable, why, whylen))
        return -1;
    if (m->cyl0 + m->ncyl > m->im.cyls) {
        snprintf(why, whylen, "%s: cylinders %u-%u are past the volume's %u", spec, m->cyl0,
                 m->cyl0 + m->ncyl - 1, m->im.cyls);
        ckdimg_close(&m->im);
        return -1;
    }
    m->rpt = ckd_recs_per_track(m->im.g, 0, CMSFS_BLKSIZE);
    m->trk = malloc(m->im.trksize);
    if (!m->trk) {
        snprintf(why, whylen, "out of memory");
        ckdimg_close(&m->im);
        return -1;
    }
    m->tc = m->th = -1;
    m->io = (struct cmsfs_io){m, m->rpt, m->im.heads, m->ncyl, !writable, blk_io};
    return 0;
}

void mdisk_close(struct mdisk *m)
{
    flush(m);
    free(m->trk);
    m->trk = NULL;
    ckdimg_close(&m->im);
}

int mdisk_format_tracks(struct mdisk *m, char *why, size_t whylen)
{
    uint8_t ipl[2][CMSFS_BLKSIZE];
    memset(ipl, 0, sizeof(ipl));
    struct cmsfs_blk v[2] = {{1, ipl[0]}, {2, ipl[1]}};
    if (blk_io(m, false, v, 2))
        memset(ipl, 0, sizeof(ipl)); /* not formatted yet: nothing to keep */
    m->tc = m->th = -1;
    const struct ckd_geom *g = m->im.g;
    for (unsigned c = m->cyl0; c < m->cyl0 + m->ncyl; c++)
        for (unsigned h = 0; h < m->im.heads; h++) {
            ckdtrk_init(m->trk, m->im.trksize, c, h);
            for (unsigned r = 1; r <= m->rpt; r++) {
                static const uint8_t zero[CMSFS_BLKSIZE];
                const uint8_t *data = c == m->cyl0 && h == 0 && r <= 2 ? ipl[r - 1] : zero;
                if (ckdtrk_append(m->trk, m->im.trksize, g, c, h, (uint8_t)r, NULL, 0, data,
                                  CMSFS_BLKSIZE)) {
                    snprintf(why, whylen, "cylinder %u head %u: record %u does not fit", c, h, r);
                    return -1;
                }
            }
            if (ckdimg_write_track(&m->im, c, h, m->trk)) {
                snprintf(why, whylen, "%s: cannot write cylinder %u head %u", m->im.path, c, h);
                return -1;
            }
        }
    return 0;
}
