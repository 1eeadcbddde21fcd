/*
 * spoolfmt.c - spool pages, spool file entries, QUERY lines and
 * spoolids (see spoolfmt.h). Portable: no CP services.
 *
 * Entry points: spp_init, spp_add, spp_next_record, spp_check,
 * spe_encode, spe_decode, spf_query_line, spid_take. Decoders never
 * trust what they read: a bad CCW, a count running past the page, an
 * unknown type or class is reported, not followed.
 */
#include <stdio.h>
#include <string.h>
#include "console/ebcdic.h"
#include "lib/bytes.h"
#include "spool/spoolfmt.h"

#define CCW_TIC   0x08
#define CCWF_CC   0x40
#define CCWF_SLI  0x20
#define MAGIC_EBC "\xE2\xD7\xD3\xD7" /* SPLP */

/* ---------------------------------------------------------------- pages */

void spp_init(uint8_t *pg, uint16_t spid, uint16_t seq, uint32_t prev)
{
    memset(pg, 0, SPL_PAGE);
    put_be32(pg + SPP_PREV, prev);
    memcpy(pg + SPP_MAGIC, MAGIC_EBC, 4);
    put_be16(pg + SPP_SPID, spid);
    put_be16(pg + SPP_SEQ, seq);
    put_be16(pg + SPP_USED, SPP_DATA);
}

unsigned spp_recsize(uint16_t len) { return 16u + ((len + 7u) & ~7u); }

bool spp_add(uint8_t *pg, uint8_t op, const uint8_t *data, uint16_t len)
{
    unsigned at = get_be16(pg + SPP_USED);
    if (len > SPP_RECMAX || at + spp_recsize(len) + 8 > SPL_PAGE)
        return false;
    unsigned dat = at + 16, next = dat + ((len + 7u) & ~7u);
    uint8_t *ccw = pg + at;
    ccw[0] = op;
    put_be24(ccw + 1, dat);
    ccw[4] = CCWF_CC | CCWF_SLI;
    ccw[5] = 0;
    put_be16(ccw + 6, len);
    memset(ccw + 8, 0, 8);
    ccw[8] = CCW_TIC;
    put_be24(ccw + 9, next);
    memset(pg + dat, 0, next - dat);
    if (len)
        memcpy(pg + dat, data, len);
    memset(pg + next, 0, 8); /* the ending CCW */
    put_be16(pg + SPP_USED, (uint16_t)next);
    put_be16(pg + SPP_NREC, (uint16_t)(get_be16(pg + SPP_NREC) + 1));
    return true;
}

int spp_next_record(const uint8_t *pg, unsigned *off, struct spp_rec *r)
{
    unsigned at = *off;
    if (at < SPP_DATA || at % 8 || at + 8 > SPL_PAGE)
        return -1;
    const uint8_t *ccw = pg + at;
    if (ccw[0] == 0)
        return 0;
    if (at + 16 > SPL_PAGE || (ccw[8] & 0x0F) != CCW_TIC)
        return -1;
    uint16_t len = get_be16(ccw + 6);
    unsigned dat = get_be24(ccw + 1), next = get_be24(ccw + 9);
    if (dat != at + 16 || len > SPP_RECMAX || next != dat + ((len + 7u) & ~7u) ||
        next + 8 > SPL_PAGE)
        return -1;
    r->op = ccw[0];
    r->len = len;
    r->data = pg + dat;
    *off = next;
    return 1;
}

int spp_check(const uint8_t *pg, uint16_t spid, char *why, size_t whylen)
{
    if (memcmp(pg + SPP_MAGIC, MAGIC_EBC, 4) != 0) {
        snprintf(why, whylen, "not a spool page");
        return -1;
    }
    if (get_be16(pg + SPP_SPID) != spid) {
        snprintf(why, whylen, "page of file %u, not %u", get_be16(pg + SPP_SPID), spid);
        return -1;
    }
    unsigned off = SPP_DATA, n = 0;
    struct spp_rec r;
    int rc;
    while ((rc = spp_next_record(pg, &off, &r)) == 1)
        n++;
    if (rc < 0 || off != get_be16(pg + SPP_USED) || n != get_be16(pg + SPP_NREC)) {
        snprintf(why, whylen, "damaged records at offset %u", off);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- entries */

bool spf_class_ok(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

const char *spf_type_name(unsigned type)
{
    switch (type) {
    case SPT_PRT: return "PRT";
    case SPT_PUN: return "PUN";
    case SPT_CON: return "CON";
    case SPT_RDR: return "RDR";
    default: return "???";
    }
}

const char *spf_hold_name(unsigned hold)
{
    static const char *const n[] = {"NONE", "USER", "SYS ", "USYS"};
    return n[hold & 3];
}

void spe_encode(uint8_t *e, const struct spf *f)
{
    memset(e, 0, SPE_LEN);
    put_be16(e + SPE_SPID, f->spid);
    e[SPE_TYPE] = f->type;
    e[SPE_QUEUE] = f->queue;
    a2e(e + SPE_CLASS, &f->cls, 1);
    e[SPE_COPIES] = f->copies;
    e[SPE_HOLD] = f->hold;
    size_t tl = strlen(f->tag);
    e[SPE_TAGLEN] = (uint8_t)tl;
    a2e_field(e + SPE_OWNER, 8, f->owner);
    a2e_field(e + SPE_ORIGIN, 8, f->origin);
    a2e_field(e + SPE_FORM, 8, f->form);
    a2e_field(e + SPE_DIST, 8, f->dist);
    a2e_field(e + SPE_FN, 8, f->fn);
    a2e_field(e + SPE_FT, 8, f->ft);
    put_be64(e + SPE_TOD, f->tod);
    put_be32(e + SPE_RECS, f->recs);
    put_be32(e + SPE_FIRST, f->first);
    put_be32(e + SPE_LAST, f->last);
    put_be32(e + SPE_PAGES, f->pages);
    put_be16(e + SPE_DEVTYPE, f->devtype);
    memset(e + SPE_TAG, EBCDIC_BLANK, SPF_TAGMAX);
    a2e(e + SPE_TAG, f->tag, tl);
}

#define BAD(...)                                                                                   \
    do {                                                                                           \
        snprintf(why, whylen, __VA_ARGS__);                                                        \
        return -1;                                                                                 \
    } while (0)

static bool name_ok(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
            return false;
    return true;
}

int spe_decode(const uint8_t *e, struct spf *f, char *why, size_t whylen)
{
    memset(f, 0, sizeof(*f));
    f->spid = get_be16(e + SPE_SPID);
    f->type = e[SPE_TYPE];
    f->queue = e[SPE_QUEUE];
    e2a(&f->cls, e + SPE_CLASS, 1);
    f->copies = e[SPE_COPIES];
    f->hold = e[SPE_HOLD];
    e2a_field(f->owner, e + SPE_OWNER, 8);
    e2a_field(f->origin, e + SPE_ORIGIN, 8);
    e2a_field(f->form, e + SPE_FORM, 8);
    e2a_field(f->dist, e + SPE_DIST, 8);
    e2a_field(f->fn, e + SPE_FN, 8);
    e2a_field(f->ft, e + SPE_FT, 8);
    f->tod = get_be64(e + SPE_TOD);
    f->recs = get_be32(e + SPE_RECS);
    f->first = get_be32(e + SPE_FIRST);
    f->last = get_be32(e + SPE_LAST);
    f->pages = get_be32(e + SPE_PAGES);
    f->devtype = get_be16(e + SPE_DEVTYPE);
    unsigned tl = e[SPE_TAGLEN];
    if (tl > SPF_TAGMAX)
        BAD("tag length %u", tl);
    e2a(f->tag, e + SPE_TAG, tl);
    f->tag[tl] = '\0';
    if (f->spid == 0 || f->spid > SPF_MAXID)
        BAD("spoolid %u", f->spid);
    if (f->type < SPT_PRT || f->type > SPT_RDR)
        BAD("file %u: device type %u", f->spid, f->type);
    if (f->queue < SPQ_RDR || f->queue > SPQ_PUN)
        BAD("file %u: queue %u", f->spid, f->queue);
    if (!spf_class_ok(f->cls))
        BAD("file %u: class", f->spid);
    if (f->copies < 1 || f->copies > SPF_COPYMAX || (f->hold & ~3))
        BAD("file %u: copies or hold", f->spid);
    if (!f->owner[0] || !f->origin[0] || !name_ok(f->owner) || !name_ok(f->origin) ||
        !name_ok(f->form) || !name_ok(f->dist) || !name_ok(f->fn) || !name_ok(f->ft) ||
        !name_ok(f->tag))
        BAD("file %u: names", f->spid);
    if (f->first == 0 || f->last == 0 || f->pages == 0)
        BAD("file %u: no pages", f->spid);
    return 0;
}

void spf_query_line(char *buf, size_t len, const struct spf *f, bool all, int month, int day,
                    int hour, int min, int sec)
{
    int n = snprintf(buf, len, "%-8s %04u %c %s %06u %02u  %s", f->owner, f->spid, f->cls,
                     spf_type_name(f->type), f->recs > 999999 ? 999999u : (unsigned)f->recs,
                     f->copies, spf_hold_name(f->hold));
    if (all && n > 0 && (size_t)n < len)
        snprintf(buf + n, len - (size_t)n, " %02d/%02d %02d:%02d:%02d %-8s %-8s %s", month, day,
                 hour, min, sec, f->fn, f->ft, f->dist);
    /* no trailing blanks */
    size_t l = strlen(buf);
    while (l && buf[l - 1] == ' ')
        buf[--l] = '\0';
}

/* ---------------------------------------------------------------- spoolids */

bool spid_used(const uint8_t *used, uint16_t spid) { return used[spid / 8] & (1u << (spid % 8)); }

void spid_mark(uint8_t *used, uint16_t spid, bool inuse)
{
    if (spid == 0 || spid > SPF_MAXID)
        return;
    if (inuse)
        used[spid / 8] |= (uint8_t)(1u << (spid % 8));
    else
        used[spid / 8] &= (uint8_t) ~(1u << (spid % 8));
}

uint16_t spid_take(uint8_t *used, uint16_t *cursor)
{
    uint16_t id = *cursor;
    for (unsigned i = 0; i < SPF_MAXID; i++) {
        id = id >= SPF_MAXID ? 1 : (uint16_t)(id + 1);
        if (!spid_used(used, id)) {
            spid_mark(used, id, true);
            *cursor = id;
            return id;
        }
    }
    return 0;
}
