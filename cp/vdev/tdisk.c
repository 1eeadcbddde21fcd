/*
 * tdisk.c - temporary-disk space (see tdisk.h).
 *
 * Entry points: tdisk_init, tdisk_alloc, tdisk_release, tdisk_space.
 * Each TDSK area keeps one state byte per cylinder: dirty (free, but it
 * may hold someone's data), clean (free and empty) or used. A request
 * takes the first run of free cylinders long enough, marks it used and
 * clears its dirty cylinders one channel program per cylinder: Set File
 * Mask allowing all writes (Write R0 needs it), then for each head a
 * Seek, a Search Home Address Equal with a TIC back to it, and a Write R0
 * of an empty record 0, which erases the rest of the track.
 */
#include <stdio.h>
#include <string.h>
#include "dasd/ckdgeom.h"
#include "dasd/volfmt.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "kern/log.h"
#include "lib/bytes.h"
#include "vdev/mdisk.h"
#include "vdev/tdisk.h"

#define MAX_AREAS 16
#define MAX_HEADS 30

enum {
    T_DIRTY,    /* free; may hold someone's data */
    T_CLEAN,    /* free and empty */
    T_CLEARING, /* taken by a request, to be cleared first */
    T_USED,     /* part of a temporary disk */
};

struct tarea {
    struct volume *vol;
    uint16_t first, n; /* cylinders [first, first + n) */
    uint8_t *state;
};

static struct tarea areas[MAX_AREAS];
static int nareas;

struct trackargs {
    uint8_t seek[8];   /* BBCCHH */
    uint8_t search[8]; /* CCHH */
    uint8_t r0[16];    /* count CCHH R KL DL, then 8 bytes of data */
};

struct clearjob {
    struct tarea *a;
    unsigned start, n, next; /* area-relative cylinders; next: the one being cleared */
    tdisk_done_fn done;
    void *arg;
    struct ioblok io;
    uint8_t mask[8];
    struct ccw1 ccw[1 + 4 * MAX_HEADS];
    struct trackargs t[MAX_HEADS];
};

static uint32_t real(const void *p) { return (uint32_t)(uintptr_t)p; }

void tdisk_init(void)
{
    for (int i = 0; i < volume_count(); i++) {
        struct volume *v = volume_at(i);
        if (!v->cpformatted || !v->rdev->geom || v->alloc.heads > MAX_HEADS)
            continue;
        for (int e = 0; e < v->alloc.count && nareas < MAX_AREAS; e++) {
            const struct vol_extent *x = &v->alloc.ext[e];
            if (x->type != AREA_TDSK)
                continue;
            struct tarea *a = &areas[nareas];
            a->n = (uint16_t)(x->last - x->first + 1);
            a->state = kmalloc(a->n);
            if (!a->state)
                break;
            memset(a->state, T_DIRTY, a->n);
            a->vol = v;
            a->first = x->first;
            nareas++;
        }
    }
}

void tdisk_space(uint16_t devtype, unsigned *total, unsigned *free)
{
    *total = *free = 0;
    for (int i = 0; i < nareas; i++) {
        if (devtype && areas[i].vol->rdev->devtype != devtype)
            continue;
        *total += areas[i].n;
        for (unsigned c = 0; c < areas[i].n; c++)
            *free += areas[i].state[c] <= T_CLEAN;
    }
}

static void finish(struct clearjob *j, const char *why)
{
    struct tarea *a = j->a;
    if (why) /* the space is free again, what was not cleared dirty */
        for (unsigned c = j->start; c < j->start + j->n; c++)
            a->state[c] = a->state[c] == T_USED ? T_CLEAN : T_DIRTY;
    j->done(j->arg, why ? NULL : a->vol, a->first + j->start, why);
    kfree(j);
}

static void clear_next(struct clearjob *j);

static void cleared(struct ioblok *io)
{
    struct clearjob *j = io->ctx;
    if (!io_ok(io)) {
        cp_log("DMKTDK210E DASD %03X TEMP SPACE CYLINDER %u NOT CLEARED; I/O ERROR",
               j->a->vol->rdev->devno, j->a->first + j->next);
        finish(j, "I/O ERROR");
        return;
    }
    j->a->state[j->next++] = T_USED;
    clear_next(j);
}

/* Start clearing the next dirty cylinder of the job, or finish it. */
static void clear_next(struct clearjob *j)
{
    struct tarea *a = j->a;
    while (j->next < j->start + j->n && a->state[j->next] != T_CLEARING)
        j->next++;
    if (j->next == j->start + j->n) {
        finish(j, NULL);
        return;
    }
    uint16_t cyl = (uint16_t)(a->first + j->next);
    unsigned heads = a->vol->alloc.heads, k = 0;
    j->mask[0] = 0xC0; /* allow all writes: Write R0 needs it */
    ccw1_set(&j->ccw[k++], 0x1F, CCW_CC, 1, real(j->mask));
    for (unsigned h = 0; h < heads; h++) {
        struct trackargs *t = &j->t[h];
        memset(t, 0, sizeof(*t));
        put_be16(t->seek + 2, cyl);
        put_be16(t->seek + 4, (uint16_t)h);
        put_be16(t->search, cyl);
        put_be16(t->search + 2, (uint16_t)h);
        put_be16(t->r0, cyl);
        put_be16(t->r0 + 2, (uint16_t)h);
        put_be16(t->r0 + 6, 8); /* R 0, KL 0, DL 8 */
        uint8_t last = h + 1 < heads ? CCW_CC : 0;
        ccw1_set(&j->ccw[k++], 0x07, CCW_CC, 6, real(t->seek));
        unsigned search = k++;
        ccw1_set(&j->ccw[search], 0x39, CCW_CC, 4, real(t->search));
        ccw1_set(&j->ccw[k++], 0x08, 0, 0, real(&j->ccw[search]));
        ccw1_set(&j->ccw[k++], 0x15, last, 16, real(t->r0));
    }
    memset(&j->io, 0, sizeof(j->io));
    j->io.rdev = a->vol->rdev;
    j->io.ccw = j->ccw;
    j->io.done = cleared;
    j->io.ctx = j;
    ios_start(&j->io);
}

/* The first run of n free cylinders of area a, or -1. */
static int find_run(const struct tarea *a, unsigned n)
{
    unsigned run = 0;
    for (unsigned c = 0; c < a->n; c++) {
        run = a->state[c] <= T_CLEAN ? run + 1 : 0;
        if (run == n && !mdisk_extent_in_use(a->vol, a->first + c + 1 - n, n))
            return (int)(c + 1 - n);
    }
    return -1;
}

bool tdisk_alloc(uint16_t devtype, unsigned n, tdisk_done_fn done, void *arg)
{
    for (int i = 0; n && i < nareas; i++) {
        struct tarea *a = &areas[i];
        if (a->vol->rdev->devtype != devtype || !a->vol->rdev->online)
            continue;
        int start = find_run(a, n);
        if (start < 0)
            continue;
        struct clearjob *j = kmalloc(sizeof(*j));
        if (!j)
            return false;
        memset(j, 0, sizeof(*j));
        j->a = a;
        j->start = j->next = (unsigned)start;
        j->n = n;
        j->done = done;
        j->arg = arg;
        for (unsigned c = j->start; c < j->start + n; c++)
            a->state[c] = a->state[c] == T_CLEAN ? T_USED : T_CLEARING;
        clear_next(j);
        return true;
    }
    return false;
}

void tdisk_release(struct volume *vol, unsigned start, unsigned n)
{
    for (int i = 0; i < nareas; i++) {
        struct tarea *a = &areas[i];
        if (a->vol != vol || start < a->first || start + n > (unsigned)a->first + a->n)
            continue;
        for (unsigned c = start - a->first; c < start - a->first + n; c++)
            a->state[c] = T_DIRTY;
        return;
    }
}
