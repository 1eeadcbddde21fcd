/*
 * spool.c - spool files: the queue, the pages on the SPOOL areas, the
 * checkpoint on the WARM area, warm and cold start (see spool.h;
 * shared/reference/vm370.md section 6; the formats are in spoolfmt.h and
 * ckptfmt.h).
 *
 * Entry points: spool_init, spool_shutdown; spool_out_open/put/close/
 * discard; spool_reader_next, spool_in_open/next/release; spool_first,
 * spool_find, spool_commit, spool_purge, spool_to_front, spool_space.
 *
 * All disk I/O here is synchronous (ckd.c): CP waits for it, so the order
 * of the writes is the order of the calls. That order is what makes a
 * crash harmless: a file's pages are written before the checkpoint that
 * names it, and pages of purged files are reused only after a checkpoint
 * without them has been written.
 */
#include <stdio.h>
#include <string.h>
#include "dasd/ckdgeom.h"
#include "dasd/volfmt.h"
#include "io/ckd.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "kern/log.h"
#include "lib/bytes.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "spool/ckptfmt.h"
#include "spool/spool.h"

#define FILE_ROOM 200 /* files the checkpoint must have room for at least */

struct area {
    struct volume *vol;
    uint16_t first, last;
    uint32_t base; /* global number of its first page, less 1 */
    uint32_t pages;
};

static struct {
    bool up;
    struct area area[CKPT_AREAS];
    unsigned narea;
    struct spmap map;
    /* the checkpoint */
    struct volume *warm;
    uint16_t warm_cyl;
    uint32_t slot_pages;
    int newest; /* the slot that holds the newest checkpoint: 0 or 1 */
    uint64_t gen;
    uint8_t *ckbuf; /* slot_pages pages */
    uint32_t max_files;
    /* the files */
    struct spf *head, *tail;
    uint32_t nclosed, nopen;
    uint8_t ids[SPID_MAPLEN];
    uint16_t cursor;
    bool full_told;
} sp;

void (*spool_reader_lost)(void *reader);
void (*spool_rdev_lost)(void *dev);

/* ---------------------------------------------------------------- pages */

static struct area *area_of(uint32_t page, uint32_t *local)
{
    for (unsigned i = 0; i < sp.narea; i++) {
        struct area *a = &sp.area[i];
        if (page > a->base && page <= a->base + a->pages) {
            *local = page - a->base - 1;
            return a;
        }
    }
    return NULL;
}

static int page_write(uint32_t page, const void *buf)
{
    uint32_t local;
    struct area *a = area_of(page, &local);
    if (!a || ckd_write_page_fmt(a->vol->rdev, a->first, local, buf) != 0)
        return SPE_IO;
    return 0;
}

static int page_read(uint32_t page, void *buf)
{
    uint32_t local;
    struct area *a = area_of(page, &local);
    if (!a || ckd_read_pages(a->vol->rdev, a->first, local, 1, buf) != 0)
        return SPE_IO;
    return 0;
}

/* ---------------------------------------------------------------- the checkpoint */

static void describe_areas(struct ckpt_hdr *h)
{
    h->narea = (uint16_t)sp.narea;
    h->npages = sp.map.npages;
    for (unsigned i = 0; i < sp.narea; i++) {
        snprintf(h->area[i].volser, sizeof(h->area[i].volser), "%s", sp.area[i].vol->rdev->volser);
        h->area[i].first = sp.area[i].first;
        h->area[i].last = sp.area[i].last;
        h->area[i].pages = sp.area[i].pages;
    }
}

static int ckpt_write(void)
{
    static const struct spf *list[SPF_MAXID];
    uint32_t n = 0;
    for (struct spf *f = sp.head; f && n < SPF_MAXID; f = f->next)
        list[n++] = f;
    struct ckpt_hdr h = {.gen = sp.gen + 1, .nfiles = n, .cursor = sp.cursor};
    describe_areas(&h);
    uint32_t body = ckpt_body_pages(h.npages, n);
    if (body + 1 > sp.slot_pages)
        return SPE_LIMIT;
    uint8_t *hdr = sp.ckbuf, *b = sp.ckbuf + SPL_PAGE;
    ckpt_encode_body(b, &sp.map, list, n);
    ckpt_encode_hdr(hdr, &h, b);
    int slot = 1 - sp.newest;
    uint32_t at = (uint32_t)slot * sp.slot_pages;
    struct rdevblok *rd = sp.warm->rdev;
    for (uint32_t i = 0; i < body; i++)
        if (ckd_write_page_fmt(rd, sp.warm_cyl, at + 1 + i, b + (size_t)i * SPL_PAGE) != 0)
            return SPE_IO;
    if (ckd_write_page_fmt(rd, sp.warm_cyl, at, hdr) != 0)
        return SPE_IO;
    sp.newest = slot;
    sp.gen = h.gen;
    return 0;
}

int spool_commit(void)
{
    if (!sp.up)
        return SPE_NOSPOOL;
    int rc = ckpt_write();
    if (rc != 0)
        cp_opmsg("DMKCKP910E SPOOL CHECKPOINT NOT WRITTEN; %s",
                 rc == SPE_IO ? "I/O ERROR ON WARM AREA" : "TOO MANY FILES");
    return rc;
}

static void queue_append(struct spf *f)
{
    f->next = NULL;
    if (sp.tail)
        sp.tail->next = f;
    else
        sp.head = f;
    sp.tail = f;
    sp.nclosed++;
}

static void queue_unlink(struct spf *f)
{
    struct spf *prev = NULL;
    for (struct spf *g = sp.head; g; prev = g, g = g->next) {
        if (g != f)
            continue;
        if (prev)
            prev->next = f->next;
        else
            sp.head = f->next;
        if (sp.tail == f)
            sp.tail = prev;
        sp.nclosed--;
        f->next = NULL;
        return;
    }
}

struct load_ctx {
    unsigned bad;
};

static void load_ok(void *arg, const struct spf *f)
{
    (void)arg;
    struct spf *n = kmalloc(sizeof(*n));
    if (!n)
        return; /* its pages stay in use until the next cold start */
    *n = *f;
    n->reader = NULL;
    n->open_out = false;
    spid_mark(sp.ids, n->spid, true);
    queue_append(n);
}

static void load_bad(void *arg, const char *why)
{
    struct load_ctx *c = arg;
    c->bad++;
    cp_log("DMKWRM912W SPOOL FILE LOST ON WARM START: %s", why);
}

/* Read slot s: its header into h, its body into sp.ckbuf. */
static bool slot_read(int s, struct ckpt_hdr *h, bool *blank)
{
    char why[80];
    uint32_t at = (uint32_t)s * sp.slot_pages;
    struct rdevblok *rd = sp.warm->rdev;
    *blank = true;
    if (ckd_read_pages(rd, sp.warm_cyl, at, 1, sp.ckbuf) != 0)
        return false;
    if (ckpt_decode_hdr(sp.ckbuf, h, blank, why, sizeof(why)) != 0)
        return false;
    if (h->body_pages + 1 > sp.slot_pages ||
        ckd_read_pages(rd, sp.warm_cyl, at + 1, h->body_pages, sp.ckbuf + SPL_PAGE) != 0)
        return false;
    return ckpt_body_ok(h, sp.ckbuf + SPL_PAGE);
}

static void warm_start(void)
{
    struct ckpt_hdr h[2], now = {0};
    bool ok[2], blank[2];
    describe_areas(&now);
    for (int s = 0; s < 2; s++)
        ok[s] = slot_read(s, &h[s], &blank[s]);
    int use = -1;
    for (int s = 0; s < 2; s++)
        if (ok[s] && (use < 0 || h[s].gen > h[use].gen))
            use = s;
    for (int s = 0; s < 2; s++)
        if (!blank[s] && h[s].gen > sp.gen)
            sp.gen = h[s].gen;
    if (use < 0) {
        if (blank[0] && blank[1])
            cp_milestone("DMKWRM903I COLD START: NO WARM START DATA");
        else
            cp_milestone("DMKWRM904W NO VALID WARM START DATA; COLD START");
        sp.newest = 1;
        return;
    }
    if (!ckpt_same_areas(&h[use], &now)) {
        cp_milestone("DMKWRM905W SPOOL AREAS CHANGED SINCE THE CHECKPOINT; COLD START");
        sp.newest = use;
        return;
    }
    /* sp.ckbuf holds what was read of slot 1: slot 0 is read again */
    if (use == 0 && !slot_read(0, &h[0], &blank[0])) {
        cp_milestone("DMKWRM904W NO VALID WARM START DATA; COLD START");
        return;
    }
    uint8_t *seen = kmalloc(sp.map.npages + 1u);
    if (!seen) {
        cp_milestone("DMKWRM904W NO VALID WARM START DATA; COLD START");
        return;
    }
    struct load_ctx c = {0};
    ckpt_load(&h[use], sp.ckbuf + SPL_PAGE, &sp.map, seen, load_ok, load_bad, &c);
    kfree(seen);
    sp.cursor = h[use].cursor;
    sp.newest = use;
    sp.gen = h[use].gen > sp.gen ? h[use].gen : sp.gen;
    cp_milestone("DMKWRM902I WARM START: %u SPOOL FILES RECOVERED", sp.nclosed);
}

void spool_init(void)
{
    uint32_t total = 0;
    for (int i = 0; i < volume_count(); i++) {
        struct volume *v = volume_at(i);
        if (!v->cpformatted || !v->rdev->geom)
            continue;
        for (int j = 0; j < v->alloc.count; j++) {
            const struct vol_extent *x = &v->alloc.ext[j];
            if (x->type == AREA_WARM && !sp.warm && v == volume_sysres()) {
                sp.warm = v;
                sp.warm_cyl = x->first;
                sp.slot_pages = (x->last - x->first + 1u) * vol_pages_per_cyl(v->rdev->geom) / 2;
            }
            if (x->type != AREA_SPOOL || sp.narea == CKPT_AREAS)
                continue;
            struct area *a = &sp.area[sp.narea++];
            a->vol = v;
            a->first = x->first;
            a->last = x->last;
            a->pages = (x->last - x->first + 1u) * vol_pages_per_cyl(v->rdev->geom);
            a->base = total;
            total += a->pages;
        }
    }
    if (!sp.narea || !sp.warm || sp.slot_pages < 2) {
        cp_log("DMKCKP901W NO %s AREA: SPOOLING IS NOT AVAILABLE", sp.narea ? "WARM" : "SPOOL");
        return;
    }
    /* the checkpoint must hold the page map and some files */
    uint32_t room = (sp.slot_pages - 1) * SPL_PAGE;
    uint32_t most = room > FILE_ROOM * SPE_LEN ? (room - FILE_ROOM * SPE_LEN) / 4 : 0;
    if (total > most) {
        /* the last areas are used in part only */
        uint32_t keep = most;
        for (unsigned i = 0; i < sp.narea; i++) {
            if (sp.area[i].pages > keep)
                sp.area[i].pages = keep;
            keep -= sp.area[i].pages;
        }
        total = most;
    }
    uint32_t mpages = ((total + 1u) * 4 + SPL_PAGE - 1) / SPL_PAGE;
    uint32_t *next = pages_alloc(mpages);
    sp.ckbuf = pages_alloc(sp.slot_pages);
    if (!next || !sp.ckbuf) {
        cp_log("DMKCKP901W CP STORAGE EXHAUSTED: SPOOLING IS NOT AVAILABLE");
        return;
    }
    spm_init(&sp.map, total, next);
    sp.max_files = ckpt_max_files(sp.slot_pages, total);
    sp.up = true;
    warm_start();
    if (ckpt_write() != 0)
        cp_log("DMKCKP910E SPOOL CHECKPOINT NOT WRITTEN; I/O ERROR ON WARM AREA");
    rspool_init();
}

void spool_shutdown(void)
{
    if (sp.up && ckpt_write() == 0)
        cp_milestone("DMKCKT960I SYSTEM WARM START DATA SAVED");
}

void spool_space(struct spool_space *s)
{
    s->pages = sp.map.npages;
    s->free = sp.map.nfree;
    s->files = sp.nclosed;
    s->max_files = sp.max_files;
}

/* ---------------------------------------------------------------- output */

int spool_out_open(struct spout *o, const char *userid, uint8_t type, uint16_t devtype)
{
    if (!sp.up)
        return SPE_NOSPOOL;
    if (sp.nclosed + sp.nopen >= sp.max_files)
        return SPE_LIMIT;
    struct spf *f = kmalloc(sizeof(*f));
    uint8_t *buf = kmalloc(SPL_PAGE);
    if (!f || !buf) {
        kfree(f);
        kfree(buf);
        return SPE_STORAGE;
    }
    uint32_t page = spm_alloc(&sp.map);
    uint16_t id = page ? spid_take(sp.ids, &sp.cursor) : 0;
    if (!page || !id) {
        if (page)
            spm_free_chain(&sp.map, page);
        kfree(f);
        kfree(buf);
        return page ? SPE_LIMIT : SPE_FULL;
    }
    memset(f, 0, sizeof(*f));
    f->spid = id;
    f->type = type;
    f->devtype = devtype;
    f->cls = 'A';
    f->copies = 1;
    snprintf(f->owner, sizeof(f->owner), "%s", userid);
    snprintf(f->origin, sizeof(f->origin), "%s", userid);
    snprintf(f->dist, sizeof(f->dist), "%s", userid);
    f->tod = stck();
    f->first = f->last = page;
    f->pages = 1;
    f->open_out = true;
    spp_init(buf, id, 0, 0);
    o->f = f;
    o->buf = buf;
    o->page = page;
    o->seq = 0;
    sp.nopen++;
    return 0;
}

int spool_out_put(struct spout *o, uint8_t op, const uint8_t *data, uint16_t len)
{
    if (spp_add(o->buf, op, data, len)) {
        o->f->recs++;
        return 0;
    }
    uint32_t page = spm_alloc(&sp.map);
    if (!page) {
        if (!sp.full_told)
            cp_opmsg("DMKPGT400I SYSTEM SPOOL SPACE FULL");
        sp.full_told = true;
        return SPE_FULL;
    }
    sp.map.next[o->page] = page;
    put_be32(o->buf + SPP_NEXT, page);
    if (page_write(o->page, o->buf) != 0) {
        sp.map.next[o->page] = SPM_END;
        spm_free_chain(&sp.map, page);
        put_be32(o->buf + SPP_NEXT, 0);
        return SPE_IO;
    }
    spp_init(o->buf, o->f->spid, ++o->seq, o->page);
    o->page = page;
    o->f->last = page;
    o->f->pages++;
    spp_add(o->buf, op, data, len);
    o->f->recs++;
    return 0;
}

static void out_forget(struct spout *o)
{
    kfree(o->buf);
    o->buf = NULL;
    o->f = NULL;
    o->page = 0;
    sp.nopen--;
}

void spool_out_discard(struct spout *o)
{
    if (!o->f)
        return;
    /* its pages were never in a checkpoint: free at once */
    spm_free_chain(&sp.map, o->f->first);
    spid_mark(sp.ids, o->f->spid, false);
    kfree(o->f);
    out_forget(o);
    sp.full_told = false;
}

int spool_out_close(struct spout *o, struct spf **closed)
{
    struct spf *f = o->f;
    *closed = NULL;
    if (!f)
        return 0;
    put_be32(o->buf + SPP_NEXT, 0);
    if (page_write(o->page, o->buf) != 0) {
        spool_out_discard(o);
        return SPE_IO;
    }
    out_forget(o);
    f->open_out = false;
    queue_append(f);
    *closed = f;
    return spool_commit();
}

/* ---------------------------------------------------------------- input */

struct spf *spool_reader_next(const char *userid, char cls)
{
    for (struct spf *f = sp.head; f; f = f->next)
        if (f->queue == SPQ_RDR && !f->hold && !f->reader && strcmp(f->owner, userid) == 0 &&
            (cls == '*' || cls == f->cls))
            return f;
    return NULL;
}

int spool_in_open(struct spin *in, struct spf *f, void *reader)
{
    uint8_t *buf = kmalloc(SPL_PAGE);
    if (!buf)
        return SPE_STORAGE;
    in->f = f;
    in->buf = buf;
    in->page = 0;
    in->off = SPP_DATA;
    f->reader = reader;
    return 0;
}

static int in_load(struct spin *in, uint32_t page)
{
    char why[64];
    if (page_read(page, in->buf) != 0 || spp_check(in->buf, in->f->spid, why, sizeof(why)) != 0) {
        cp_opmsg("DMKRSP911E SPOOL FILE %04u OF %s UNREADABLE; PAGE %u", in->f->spid, in->f->owner,
                 page);
        return SPE_IO;
    }
    in->page = page;
    in->off = SPP_DATA;
    return 0;
}

int spool_in_next(struct spin *in, struct spp_rec *r)
{
    if (!in->f)
        return 0;
    if (in->page == 0 && in_load(in, in->f->first) != 0)
        return SPE_IO;
    for (;;) {
        int rc = spp_next_record(in->buf, &in->off, r);
        if (rc == 1)
            return 1;
        if (rc < 0)
            return SPE_IO;
        uint32_t next = sp.map.next[in->page];
        if (next == SPM_END || next == SPM_FREE)
            return 0;
        if (in_load(in, next) != 0)
            return SPE_IO;
    }
}

void spool_in_release(struct spin *in, bool hold)
{
    if (in->f) {
        in->f->reader = NULL;
        if (hold && !(in->f->hold & SPH_USER)) {
            in->f->hold |= SPH_USER;
            spool_commit();
        }
    }
    kfree(in->buf);
    in->buf = NULL;
    in->f = NULL;
    in->page = 0;
}

int spool_page_read(uint32_t page, void *buf) { return page_read(page, buf); }

uint32_t spool_page_next(uint32_t page)
{
    if (page < 1 || page > sp.map.npages)
        return 0;
    uint32_t n = sp.map.next[page];
    return n == SPM_END || n == SPM_FREE ? 0 : n;
}

/* ---------------------------------------------------------------- the queue */

struct spf *spool_first(void) { return sp.head; }

struct spf *spool_find(uint16_t spid)
{
    for (struct spf *f = sp.head; f; f = f->next)
        if (f->spid == spid)
            return f;
    return NULL;
}

void spool_to_front(struct spf *f)
{
    queue_unlink(f);
    f->next = sp.head;
    sp.head = f;
    if (!sp.tail)
        sp.tail = f;
    sp.nclosed++;
}

int spool_purge(struct spf **files, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (files[i]->reader && files[i]->rdev) {
            if (spool_rdev_lost)
                spool_rdev_lost(files[i]->reader);
        } else if (files[i]->reader && spool_reader_lost) {
            spool_reader_lost(files[i]->reader);
        }
        files[i]->reader = NULL;
        files[i]->rdev = false;
        queue_unlink(files[i]);
    }
    int rc = spool_commit();
    for (unsigned i = 0; i < n; i++) {
        /* pages reused only once a checkpoint without them is written */
        if (rc == 0)
            spm_free_chain(&sp.map, files[i]->first);
        spid_mark(sp.ids, files[i]->spid, false);
        kfree(files[i]);
    }
    if (rc == 0)
        sp.full_told = false;
    return rc;
}
