/*
 * volfmt.c - encode and decode the records of a CP-formatted volume:
 * the VOL1 label, the allocation map, the system record and the directory
 * area header (layouts in volfmt.h). Portable: the volume builder writes
 * these records and CP reads them at IPL, through the same code.
 */
#include <stdio.h>
#include <string.h>
#include "lib/bytes.h"
#include "console/ebcdic.h"
#include "dasd/volfmt.h"
#include "dasd/ckdgeom.h"

static const char *const area_names[] = {
    [AREA_NONE] = "NONE", [AREA_NUCLEUS] = "NUCLEUS", [AREA_DRCT] = "DRCT",
    [AREA_WARM] = "WARM", [AREA_PAGE] = "PAGE",       [AREA_SPOOL] = "SPOOL",
    [AREA_TDSK] = "TDSK", [AREA_PERM] = "PERM",       [AREA_SAVED] = "SAVED",
};

const char *area_name(enum vol_area type)
{
    if ((unsigned)type < sizeof(area_names) / sizeof(area_names[0]))
        return area_names[type];
    return "?";
}

unsigned vol_pages_per_cyl(const struct ckd_geom *g)
{
    return ckd_recs_per_track(g, 0, VOLFMT_PAGE) * g->heads;
}

void vol_page_location(const struct ckd_geom *g, unsigned first_cyl, unsigned page, unsigned *cyl,
                       unsigned *head, unsigned *rec)
{
    unsigned rpt = ckd_recs_per_track(g, 0, VOLFMT_PAGE);
    unsigned track = page / rpt;
    *cyl = first_cyl + track / g->heads;
    *head = track % g->heads;
    *rec = page % rpt + 1;
}

/* Magic words are EBCDIC on the volume, like everything else there. */
static void put_magic(uint8_t *p, const char *m) { a2e_field(p, 8, m); }

static bool has_magic(const uint8_t *p, const char *m)
{
    uint8_t e[8];
    a2e_field(e, 8, m);
    return memcmp(p, e, 8) == 0;
}

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        if (why)                                                                                   \
            snprintf(why, whylen, __VA_ARGS__);                                                    \
        return -1;                                                                                 \
    } while (0)

/* A label or name field must be printable EBCDIC and not empty. */
static bool valid_name(const uint8_t *p, size_t n)
{
    if (p[0] == EBCDIC_BLANK || p[0] == 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint8_t a = ebc2asc[p[i]];
        if (a < 0x20 || a >= 0x7F)
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------- VOL1 */

void vol1_encode(uint8_t out[VOL1_LEN], const char *volser, const char *owner)
{
    memset(out, EBCDIC_BLANK, VOL1_LEN);
    a2e_field(out + VOL1_OFF_ID, 4, "VOL1");
    a2e_field(out + VOL1_OFF_VOLSER, 6, volser);
    a2e_field(out + VOL1_OFF_SEC, 1, "0");
    memset(out + VOL1_OFF_VTOC, 0, 5);
    a2e_field(out + VOL1_OFF_OWNER, 10, owner);
}

int vol1_decode(const uint8_t *rec, size_t len, char volser[7])
{
    uint8_t id[4];
    a2e_field(id, 4, "VOL1");
    if (len < VOL1_LEN || memcmp(rec, id, 4) != 0 || !valid_name(rec + VOL1_OFF_VOLSER, 6))
        return -1;
    e2a_field(volser, rec + VOL1_OFF_VOLSER, 6);
    return 0;
}

/* ---------------------------------------------------------------- allocation map */

void alloc_encode(uint8_t out[VOLFMT_PAGE], const struct vol_alloc *a)
{
    memset(out, 0, VOLFMT_PAGE);
    put_magic(out + ALLOC_OFF_MAGIC, "CPALLOC");
    put_be16(out + ALLOC_OFF_VERSION, ALLOC_VERSION);
    put_be16(out + ALLOC_OFF_DEVTYPE, a->devtype);
    put_be16(out + ALLOC_OFF_CYLS, a->cyls);
    put_be16(out + ALLOC_OFF_HEADS, a->heads);
    a2e_field(out + ALLOC_OFF_VOLSER, 6, a->volser);
    put_be16(out + ALLOC_OFF_FLAGS, a->sysres ? ALLOC_FLAG_SYSRES : 0);
    put_be16(out + ALLOC_OFF_COUNT, (uint16_t)a->count);
    for (int i = 0; i < a->count; i++) {
        uint8_t *e = out + ALLOC_OFF_EXTENTS + i * ALLOC_EXT_LEN;
        e[0] = (uint8_t)a->ext[i].type;
        put_be16(e + 2, a->ext[i].first);
        put_be16(e + 4, a->ext[i].last);
    }
}

int alloc_decode(const uint8_t *rec, size_t len, struct vol_alloc *a, char *why, size_t whylen)
{
    if (len < VOLFMT_PAGE || !has_magic(rec, "CPALLOC"))
        FAIL("no allocation map (record 4 of cylinder 0 track 0 is not one)");
    if (get_be16(rec + ALLOC_OFF_VERSION) != ALLOC_VERSION)
        FAIL("allocation map version %u is not %u", get_be16(rec + ALLOC_OFF_VERSION),
             ALLOC_VERSION);
    memset(a, 0, sizeof(*a));
    a->devtype = get_be16(rec + ALLOC_OFF_DEVTYPE);
    a->cyls = get_be16(rec + ALLOC_OFF_CYLS);
    a->heads = get_be16(rec + ALLOC_OFF_HEADS);
    if (!valid_name(rec + ALLOC_OFF_VOLSER, 6))
        FAIL("allocation map: invalid volume label");
    e2a_field(a->volser, rec + ALLOC_OFF_VOLSER, 6);
    a->sysres = (get_be16(rec + ALLOC_OFF_FLAGS) & ALLOC_FLAG_SYSRES) != 0;
    a->count = get_be16(rec + ALLOC_OFF_COUNT);
    if (a->cyls < 2 || a->heads == 0)
        FAIL("allocation map: impossible geometry %u cylinders x %u heads", a->cyls, a->heads);
    if (a->count > (int)ALLOC_MAX_EXTENTS)
        FAIL("allocation map: %d extents, at most %d fit", a->count, (int)ALLOC_MAX_EXTENTS);
    for (int i = 0; i < a->count; i++) {
        const uint8_t *e = rec + ALLOC_OFF_EXTENTS + i * ALLOC_EXT_LEN;
        struct vol_extent *x = &a->ext[i];
        x->type = (enum vol_area)e[0];
        x->first = get_be16(e + 2);
        x->last = get_be16(e + 4);
        if (x->type <= AREA_NONE || x->type > AREA_SAVED)
            FAIL("allocation map: extent %d has unknown type %u", i + 1, e[0]);
        if (x->first == 0 || x->first > x->last || x->last >= a->cyls)
            FAIL("allocation map: %s extent %u-%u is outside cylinders 1-%u", area_name(x->type),
                 x->first, x->last, a->cyls - 1);
        for (int j = 0; j < i; j++)
            if (x->first <= a->ext[j].last && a->ext[j].first <= x->last)
                FAIL("allocation map: %s extent %u-%u overlaps %s extent %u-%u", area_name(x->type),
                     x->first, x->last, area_name(a->ext[j].type), a->ext[j].first, a->ext[j].last);
    }
    return 0;
}

const struct vol_extent *alloc_find(const struct vol_alloc *a, enum vol_area type, int cyl)
{
    for (int i = 0; i < a->count; i++) {
        const struct vol_extent *x = &a->ext[i];
        if (x->type == type && (cyl < 0 || (cyl >= x->first && cyl <= x->last)))
            return x;
    }
    return NULL;
}

/* ---------------------------------------------------------------- system record */

void sysrec_encode(uint8_t out[VOLFMT_PAGE], const struct vol_sysrec *s)
{
    memset(out, 0, VOLFMT_PAGE);
    put_magic(out + SYSREC_OFF_MAGIC, "CPSYSREC");
    put_be16(out + SYSREC_OFF_VERSION, SYSREC_VERSION);
    a2e_field(out + SYSREC_OFF_SYSNAME, 8, s->sysname);
    a2e_field(out + SYSREC_OFF_SYSOPER, 8, s->sysoper);
    put_be16(out + SYSREC_OFF_SYSCONS, s->syscons);
    put_be32(out + SYSREC_OFF_ZONESEC, (uint32_t)s->zone_sec);
    a2e_field(out + SYSREC_OFF_ZONEID, 4, s->zone_id);
    put_be16(out + SYSREC_OFF_NUCPAGES, s->nuc_pages);
    put_be16(out + SYSREC_OFF_MORE1, s->more1);
    put_be16(out + SYSREC_OFF_MORE2, s->more2);
    memcpy(out + SYSREC_OFF_NUCSUM, s->nuc_sum, 32);
    put_be64(out + SYSREC_OFF_BUILT, s->built_tod);
    put_be16(out + SYSREC_OFF_NLOGMSG, (uint16_t)s->nlogmsg);
    for (int i = 0; i < s->nlogmsg; i++)
        a2e_field(out + SYSREC_OFF_LOGMSG + i * SYSREC_LOGMSG_LEN, SYSREC_LOGMSG_LEN, s->logmsg[i]);
    put_be16(out + SYSREC_OFF_NNAMESYS, (uint16_t)s->nnamesys);
    for (int i = 0; i < s->nnamesys; i++) {
        const struct vol_namesys *n = &s->namesys[i];
        uint8_t *e = out + SYSREC_OFF_NAMESYS + i * SYSREC_NAMESYS_LEN;
        a2e_field(e + NAMESYS_OFF_NAME, 8, n->name);
        a2e_field(e + NAMESYS_OFF_VOLSER, 6, n->volser);
        put_be16(e + NAMESYS_OFF_AREA, n->area_cyl);
        put_be16(e + NAMESYS_OFF_SLOT, n->slot);
        put_be16(e + NAMESYS_OFF_FIRST, n->first);
        put_be16(e + NAMESYS_OFF_NPAGES, n->npages);
        e[NAMESYS_OFF_SHFIRST] = n->shfirst;
        e[NAMESYS_OFF_SHLAST] = n->shlast;
    }
}

int sysrec_decode(const uint8_t *rec, size_t len, struct vol_sysrec *s, char *why, size_t whylen)
{
    if (len < VOLFMT_PAGE || !has_magic(rec, "CPSYSREC"))
        FAIL("no system record (record 5 of cylinder 0 track 0 is not one)");
    if (get_be16(rec + SYSREC_OFF_VERSION) != SYSREC_VERSION)
        FAIL("system record version %u is not %u", get_be16(rec + SYSREC_OFF_VERSION),
             SYSREC_VERSION);
    memset(s, 0, sizeof(*s));
    if (!valid_name(rec + SYSREC_OFF_SYSNAME, 8) || !valid_name(rec + SYSREC_OFF_SYSOPER, 8))
        FAIL("system record: invalid system name or operator userid");
    e2a_field(s->sysname, rec + SYSREC_OFF_SYSNAME, 8);
    e2a_field(s->sysoper, rec + SYSREC_OFF_SYSOPER, 8);
    s->syscons = get_be16(rec + SYSREC_OFF_SYSCONS);
    s->zone_sec = (int32_t)get_be32(rec + SYSREC_OFF_ZONESEC);
    if (s->zone_sec < -14 * 3600 || s->zone_sec > 14 * 3600)
        FAIL("system record: time zone offset %ld seconds is out of range", (long)s->zone_sec);
    e2a_field(s->zone_id, rec + SYSREC_OFF_ZONEID, 4);
    s->nuc_pages = get_be16(rec + SYSREC_OFF_NUCPAGES);
    s->more1 = get_be16(rec + SYSREC_OFF_MORE1);
    s->more2 = get_be16(rec + SYSREC_OFF_MORE2);
    memcpy(s->nuc_sum, rec + SYSREC_OFF_NUCSUM, 32);
    s->built_tod = get_be64(rec + SYSREC_OFF_BUILT);
    s->nlogmsg = get_be16(rec + SYSREC_OFF_NLOGMSG);
    if (s->nlogmsg > SYSREC_LOGMSG_MAX)
        FAIL("system record: %d log message lines, at most %d", s->nlogmsg, SYSREC_LOGMSG_MAX);
    for (int i = 0; i < s->nlogmsg; i++)
        e2a_field(s->logmsg[i], rec + SYSREC_OFF_LOGMSG + i * SYSREC_LOGMSG_LEN, SYSREC_LOGMSG_LEN);
    s->nnamesys = get_be16(rec + SYSREC_OFF_NNAMESYS);
    if (s->nnamesys > SYSREC_NAMESYS_MAX)
        FAIL("system record: %d saved systems, at most %d", s->nnamesys, SYSREC_NAMESYS_MAX);
    for (int i = 0; i < s->nnamesys; i++) {
        struct vol_namesys *n = &s->namesys[i];
        const uint8_t *e = rec + SYSREC_OFF_NAMESYS + i * SYSREC_NAMESYS_LEN;
        if (!valid_name(e + NAMESYS_OFF_NAME, 8) || !valid_name(e + NAMESYS_OFF_VOLSER, 6))
            FAIL("system record: saved system %d has an invalid name or volume", i + 1);
        e2a_field(n->name, e + NAMESYS_OFF_NAME, 8);
        e2a_field(n->volser, e + NAMESYS_OFF_VOLSER, 6);
        n->area_cyl = get_be16(e + NAMESYS_OFF_AREA);
        n->slot = get_be16(e + NAMESYS_OFF_SLOT);
        n->first = get_be16(e + NAMESYS_OFF_FIRST);
        n->npages = get_be16(e + NAMESYS_OFF_NPAGES);
        n->shfirst = e[NAMESYS_OFF_SHFIRST];
        n->shlast = e[NAMESYS_OFF_SHLAST];
        if (n->npages == 0 || n->npages > SAVEHDR_MAXPAGES || n->first + n->npages > 4096)
            FAIL("system record: saved system %s has an invalid page range", n->name);
    }
    return 0;
}

/* ---------------------------------------------------------------- directory area header */

void drcthdr_encode(uint8_t out[VOLFMT_PAGE], uint32_t length, const uint8_t sum[32])
{
    memset(out, 0, VOLFMT_PAGE);
    put_magic(out + DRCTHDR_OFF_MAGIC, "CPDRCT");
    put_be16(out + DRCTHDR_OFF_VERSION, DRCTHDR_VERSION);
    put_be32(out + DRCTHDR_OFF_LENGTH, length);
    memcpy(out + DRCTHDR_OFF_SUM, sum, 32);
}

int drcthdr_decode(const uint8_t *rec, size_t len, uint32_t *length, uint8_t sum[32], char *why,
                   size_t whylen)
{
    if (len < VOLFMT_PAGE || !has_magic(rec, "CPDRCT"))
        FAIL("the directory area does not begin with a directory header");
    if (get_be16(rec + DRCTHDR_OFF_VERSION) != DRCTHDR_VERSION)
        FAIL("directory header version %u is not %u", get_be16(rec + DRCTHDR_OFF_VERSION),
             DRCTHDR_VERSION);
    *length = get_be32(rec + DRCTHDR_OFF_LENGTH);
    memcpy(sum, rec + DRCTHDR_OFF_SUM, 32);
    return 0;
}
