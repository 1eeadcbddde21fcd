/*
 * fsfst.c - one FST entry as bytes (FSTD, docs/cms-disk.md): its dates
 * and the whole entry to and from struct cmsfs_fst. Used by the file
 * system, by the nucleus for STATE's copy, and by the C runtime of
 * programs (cms/lib), which reads that copy.
 */
#include <string.h>
#include "cms/fs/fsint.h"
#include "lib/bytes.h"

static uint8_t bcd(unsigned v) { return (uint8_t)(((v / 10 % 10) << 4) | (v % 10)); }
static uint8_t unbcd(uint8_t b) { return (uint8_t)((b >> 4) * 10 + (b & 15)); }

void fs_put_date(uint8_t *e, const struct cmsfs_date *dt)
{
    e[FST_DATEW] = bcd(dt->month);
    e[FST_DATEW + 1] = bcd(dt->day);
    e[FST_TIMEW] = bcd(dt->hour);
    e[FST_TIMEW + 1] = bcd(dt->min);
    e[FST_YEARW] = (uint8_t)(EB_0 + dt->year / 10 % 10);
    e[FST_YEARW + 1] = (uint8_t)(EB_0 + dt->year % 10);
}

void fs_get_date(const uint8_t *e, struct cmsfs_date *dt)
{
    dt->month = unbcd(e[FST_DATEW]);
    dt->day = unbcd(e[FST_DATEW + 1]);
    dt->hour = unbcd(e[FST_TIMEW]);
    dt->min = unbcd(e[FST_TIMEW + 1]);
    unsigned y1 = e[FST_YEARW] - EB_0, y2 = e[FST_YEARW + 1] - EB_0;
    dt->year = (uint8_t)(y1 <= 9 && y2 <= 9 ? y1 * 10 + y2 : 0);
}

_Static_assert(CMSFS_FSTLEN == FST_LEN, "one FST length");
_Static_assert(CMSFS_FST_FLAGS == FST_FLAGS, "one FSTFLAGS offset");

void cmsfs_fst_entry(const struct cmsfs_fst *f, uint8_t e[CMSFS_FSTLEN])
{
    memset(e, 0, FST_LEN);
    memcpy(e + FST_FNAME, f->fn, 8);
    memcpy(e + FST_FTYPE, f->ft, 8);
    fs_put_date(e, &f->written);
    put_be16(e + FST_WRPNT, (uint16_t)(f->records + 1));
    put_be16(e + FST_RDPNT, 1);
    e[FST_FMODE] = f->fm_letter;
    e[FST_FMODE + 1] = (uint8_t)(EB_0 + f->fm_number);
    put_be16(e + FST_RECCT, (uint16_t)f->records);
    e[FST_RECFM] = f->recfm;
    put_be32(e + FST_LRECL, f->lrecl);
    put_be16(e + FST_BLKCT, (uint16_t)f->datablocks);
}

void cmsfs_fst_decode(const uint8_t e[CMSFS_FSTLEN], struct cmsfs_fst *f)
{
    memcpy(f->fn, e + FST_FNAME, 8);
    memcpy(f->ft, e + FST_FTYPE, 8);
    f->fm_letter = e[FST_FMODE];
    f->fm_number = (uint8_t)(e[FST_FMODE + 1] - EB_0);
    f->recfm = e[FST_RECFM];
    f->lrecl = get_be32(e + FST_LRECL);
    f->records = get_be16(e + FST_RECCT);
    f->datablocks = get_be16(e + FST_BLKCT);
    fs_get_date(e, &f->written);
}
