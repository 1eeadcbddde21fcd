/*
 * savesys.c - saved systems (≈ DMKSNT's NAMESYS table, DMKCFH's SAVESYS
 * and the saved-system side of DMKCFG's IPL).
 *
 * Entry points: savesys_find, cmd_savesys, savesys_ipl.
 *
 * The system specification names each saved system with NAMESYS: the 4K
 * pages of a machine's storage it holds, and its place in a SAVED area
 * (dasd/sysspec.c puts it there; the table is in the system record, CP's
 * cp_sys). SAVESYS name writes, for a machine in CP mode, a header page
 * (the PSW, general, control and floating-point registers, the storage
 * keys of the pages, the storage size and the time) and then the pages,
 * each a page record of the area. IPL name resets the machine, reads them
 * back into its storage and resumes it where it was saved: a system that
 * takes a long time to come up (CMS reading its nucleus) is saved once,
 * after it has come up, and IPLed by name from then on.
 *
 * CP does both synchronously, one record per channel program: a saved
 * system of 256 pages is written or read in well under a second, and CP
 * does nothing else meanwhile. The pages of shared segments (NAMESYS ...
 * SHARED) are read once into frames of CP's and mapped read-only into
 * every machine that loads the system (gstor_map_shared); DIAGNOSE X'64'
 * loads and purges named segments the same way (savesys_load_segment).
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cons/vcons.h"
#include "dasd/volfmt.h"
#include "hw/s370.h"
#include "io/ckd.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "kern/cp.h"
#include "lib/bytes.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "mm/gaccess.h"
#include "mm/gstor.h"
#include "mm/shadow.h"
#include "vm/dispatch.h"
#include "vm/machine.h"
#include "vm/savesys.h"
#include "vm/vmblok.h"

#define MAGIC "CPSAVSYS"

/* The frames of a saved system's shared segments, read once and then
 * mapped read-only into every machine that loads the system; a SAVESYS
 * of it starts a new set (the old one stays with the machines using it). */
static uint8_t **shared_frames[SYSREC_NAMESYS_MAX];

static unsigned index_of(const struct vol_namesys *n) { return (unsigned)(n - cp_sys.namesys); }

const struct vol_namesys *savesys_find(const char *name)
{
    for (int i = 0; i < cp_sys.nnamesys; i++)
        if (strcmp(cp_sys.namesys[i].name, name) == 0)
            return &cp_sys.namesys[i];
    return NULL;
}

static struct rdevblok *volume_of(const struct vol_namesys *n)
{
    struct volume *v = volume_by_label(n->volser);
    return v && v->rdev->online ? v->rdev : NULL;
}

/* The header page of a machine's state. */
static void make_header(uint8_t *h, struct vmblok *vm, const struct vol_namesys *n)
{
    struct vcpu *c = &vm->cpu;
    memset(h, 0, VOLFMT_PAGE);
    memcpy(h + SAVEHDR_OFF_MAGIC, MAGIC, 8);
    memcpy(h + SAVEHDR_OFF_NAME, n->name, strlen(n->name));
    put_be16(h + SAVEHDR_OFF_FIRST, n->first);
    put_be16(h + SAVEHDR_OFF_NPAGES, n->npages);
    put_be32(h + SAVEHDR_OFF_STOR, vm->stor.size);
    put_be64(h + SAVEHDR_OFF_TOD, stck());
    psw370_encode(&c->psw, h + SAVEHDR_OFF_PSW);
    for (int i = 0; i < 16; i++) {
        put_be32(h + SAVEHDR_OFF_GPR + 4 * i, (uint32_t)c->gpr[i]);
        put_be32(h + SAVEHDR_OFF_CR + 4 * i, c->cr[i]);
    }
    for (int i = 0; i < 4; i++)
        put_be64(h + SAVEHDR_OFF_FPR + 8 * i, c->fpr[2 * i]);
    for (unsigned b = 0; b < 2u * n->npages; b++)
        h[SAVEHDR_OFF_KEYS + b] = gstor_key(&vm->stor, (n->first * 2u + b) * 2048u);
}

/* SAVESYS name: the machine, stopped, into the saved system's slot. */
void cmd_savesys(struct cmdctx *c, struct scan *s)
{
    char name[16];
    struct vmblok *vm = c->vm;
    if (!scan_token_upper(s, name, sizeof(name)) || strlen(name) > 8) {
        cmd_emsg(c, "DMKCFH026E", "OPERAND MISSING OR INVALID");
        return;
    }
    const struct vol_namesys *n = savesys_find(name);
    if (!n) {
        cmd_emsg(c, "DMKCFH435E", "SYSTEM %s DOES NOT EXIST", name);
        return;
    }
    uint32_t end = (n->first + (uint32_t)n->npages) * VOLFMT_PAGE;
    if (end > vm->stor.size) {
        cmd_emsg(c, "DMKCFH436E", "SYSTEM %s NEEDS %uK STORAGE", name, end >> 10);
        return;
    }
    struct rdevblok *rd = volume_of(n);
    if (!rd) {
        cmd_emsg(c, "DMKCFH437E", "SYSTEM %s VOLID %s NOT MOUNTED", name, n->volser);
        return;
    }
    if (vm->state != VM_CPMODE)
        vm_stop(vm, NULL);
    vm_save_regs(vm);
    uint8_t *hdr = kmalloc(VOLFMT_PAGE);
    if (!hdr) {
        cmd_emsg(c, "DMKCFH067E", "CP STORAGE EXHAUSTED");
        return;
    }
    make_header(hdr, vm, n);
    int rc = 0;
    for (unsigned i = 0; rc == 0 && i < n->npages; i++) {
        /* the page itself (its frame, CP storage below 2G) */
        const uint8_t *page = gstor_page(&vm->stor, (n->first + i) * VOLFMT_PAGE);
        rc = page ? ckd_write_pages(rd, n->area_cyl, n->slot + 1u + i, 1, page) : -1;
    }
    /* the header last: a system half written is not one */
    if (rc == 0)
        rc = ckd_write_pages(rd, n->area_cyl, n->slot, 1, hdr);
    kfree(hdr);
    if (rc != 0) {
        cmd_emsg(c, "DMKCFH438E", "SYSTEM %s NOT SAVED; I/O ERROR ON %s", name, n->volser);
        return;
    }
    shared_frames[index_of(n)] = NULL; /* the next loads share the new pages */
    cmd_printf(c, "SYSTEM %s SAVED", name);
}

/* ---------------------------------------------------------------- loading */

static bool in_shared(const struct vol_namesys *n, unsigned page)
{
    return n->shfirst != NAMESYS_NOSHARE && page >= n->shfirst * 16u &&
           page < (n->shlast + 1u) * 16u;
}

/* The shared frame of page `page` of n, reading the shared pages the
 * first time; NULL on an I/O error or no storage. */
static uint8_t *shared_frame(const struct vol_namesys *n, struct rdevblok *rd, unsigned page)
{
    unsigned k = index_of(n), first = n->shfirst * 16u, count = (n->shlast - n->shfirst + 1u) * 16u;
    if (!shared_frames[k]) {
        uint8_t **f = kmalloc(count * sizeof(*f));
        if (!f)
            return NULL;
        for (unsigned i = 0; i < count; i++) {
            f[i] = pages_alloc(1);
            if (!f[i] || ckd_read_pages(rd, n->area_cyl, n->slot + 1u + (first + i - n->first), 1,
                                        f[i]) != 0) {
                for (unsigned j = 0; j <= i; j++)
                    if (f[j])
                        pages_free(f[j], 1);
                kfree(f);
                return NULL;
            }
            sske((uint64_t)(uintptr_t)f[i], 0);
        }
        shared_frames[k] = f;
    }
    return shared_frames[k][page - first];
}

/* The header of a saved system from its slot (hdr: a page). */
static enum savesys_err read_header(const struct vol_namesys *n, struct rdevblok **rdp,
                                    uint8_t *hdr)
{
    struct rdevblok *rd = volume_of(n);
    if (!rd)
        return SAVESYS_NOTMOUNTED;
    if (ckd_read_pages(rd, n->area_cyl, n->slot, 1, hdr) != 0)
        return SAVESYS_IOERROR;
    if (memcmp(hdr + SAVEHDR_OFF_MAGIC, MAGIC, 8) != 0 ||
        get_be16(hdr + SAVEHDR_OFF_FIRST) != n->first ||
        get_be16(hdr + SAVEHDR_OFF_NPAGES) != n->npages)
        return SAVESYS_NOTSAVED;
    *rdp = rd;
    return SAVESYS_OK;
}

/* The saved pages into the machine's storage (shared segments mapped
 * when share) and their keys. */
static enum savesys_err load_pages(struct vmblok *vm, const struct vol_namesys *n,
                                   struct rdevblok *rd, const uint8_t *hdr, bool share)
{
    for (unsigned i = 0; i < n->npages; i++) {
        unsigned page = n->first + i;
        uint32_t a = page * VOLFMT_PAGE;
        if (share && in_shared(n, page)) {
            uint8_t *f = shared_frame(n, rd, page);
            if (!f)
                return SAVESYS_IOERROR;
            gstor_map_shared(&vm->stor, a, f);
            continue;
        }
        uint8_t *frame = gstor_page(&vm->stor, a);
        if (gstor_is_shared(&vm->stor, a)) { /* a shared page before: a copy of its own now */
            gstor_release_pages(&vm->stor, a, a, false);
            frame = gstor_page(&vm->stor, a);
        }
        if (!frame)
            return SAVESYS_NOSTORAGE;
        if (ckd_read_pages(rd, n->area_cyl, n->slot + 1u + i, 1, frame) != 0)
            return SAVESYS_IOERROR;
    }
    for (unsigned b = 0; b < 2u * n->npages; b++)
        gstor_set_key(&vm->stor, (n->first * 2u + b) * 2048u, hdr[SAVEHDR_OFF_KEYS + b]);
    shadow_purge(vm);
    return SAVESYS_OK;
}

/* IPL name: reset, load the pages and the state, and resume. */
enum savesys_err savesys_ipl(struct vmblok *vm, const struct vol_namesys *n, const char *parm)
{
    uint32_t end = (n->first + (uint32_t)n->npages) * VOLFMT_PAGE;
    if (end > vm->stor.size)
        return SAVESYS_STORAGE;
    uint8_t *hdr = kmalloc(VOLFMT_PAGE);
    if (!hdr)
        return SAVESYS_NOSTORAGE;
    struct rdevblok *rd = NULL;
    enum savesys_err e = read_header(n, &rd, hdr);
    if (e == SAVESYS_OK) {
        vm_reset(vm, true);
        e = load_pages(vm, n, rd, hdr, true);
        if (e != SAVESYS_OK)
            vm_reset(vm, true);
    }
    if (e != SAVESYS_OK) {
        kfree(hdr);
        return e;
    }
    struct vcpu *c = &vm->cpu;
    for (int i = 0; i < 16; i++) {
        c->gpr[i] = get_be32(hdr + SAVEHDR_OFF_GPR + 4 * i);
        c->cr[i] = get_be32(hdr + SAVEHDR_OFF_CR + 4 * i);
    }
    for (int i = 0; i < 4; i++)
        c->fpr[2 * i] = get_be64(hdr + SAVEHDR_OFF_FPR + 8 * i);
    psw370_decode(hdr + SAVEHDR_OFF_PSW, &c->psw);
    kfree(hdr);
    vm_ipl_parm(vm, parm); /* as for a device IPL */
    vm_start(vm);
    return SAVESYS_OK;
}

/* ---------------------------------------------------------------- named segments */

static int seg_slot(const struct vmblok *vm, const struct vol_namesys *n)
{
    for (int i = 0; i < vm->nsegs; i++)
        if (vm->segs[i].ns == n)
            return i;
    return -1;
}

enum savesys_err savesys_find_segment(const struct vol_namesys *n)
{
    uint8_t *hdr = kmalloc(VOLFMT_PAGE);
    struct rdevblok *rd;
    if (!hdr)
        return SAVESYS_NOSTORAGE;
    enum savesys_err e = read_header(n, &rd, hdr);
    kfree(hdr);
    return e;
}

bool savesys_segment_loaded(const struct vmblok *vm, const struct vol_namesys *n)
{
    return seg_slot(vm, n) >= 0;
}

enum savesys_err savesys_load_segment(struct vmblok *vm, const struct vol_namesys *n, bool share,
                                      bool *overlap, uint32_t *released_end)
{
    uint32_t start = n->first * (uint32_t)VOLFMT_PAGE;
    uint32_t end = start + n->npages * (uint32_t)VOLFMT_PAGE;
    int slot = seg_slot(vm, n);
    if (slot < 0 && vm->nsegs == (int)(sizeof(vm->segs) / sizeof(vm->segs[0])))
        return SAVESYS_NOSTORAGE;
    uint8_t *hdr = kmalloc(VOLFMT_PAGE);
    if (!hdr)
        return SAVESYS_NOSTORAGE;
    struct rdevblok *rd = NULL;
    enum savesys_err e = read_header(n, &rd, hdr);
    uint32_t old = vm->stor.size;
    if (e == SAVESYS_OK && end > old && gstor_resize(&vm->stor, end) != 0)
        e = SAVESYS_NOSTORAGE;
    if (e == SAVESYS_OK)
        e = load_pages(vm, n, rd, hdr, share);
    kfree(hdr);
    if (e != SAVESYS_OK)
        return e;
    *overlap = start < old;
    *released_end = (end < old ? end : old) - 1;
    if (slot < 0) {
        slot = vm->nsegs++;
        vm->segs[slot].old_size = old;
    }
    vm->segs[slot].ns = n;
    vm->segs[slot].shared = share;
    return SAVESYS_OK;
}

bool savesys_purge_segment(struct vmblok *vm, const struct vol_namesys *n)
{
    int slot = seg_slot(vm, n);
    if (slot < 0)
        return false;
    uint32_t start = n->first * (uint32_t)VOLFMT_PAGE;
    uint32_t end = start + n->npages * (uint32_t)VOLFMT_PAGE;
    gstor_release_pages(&vm->stor, start, end - 1, false);
    if (vm->segs[slot].old_size < vm->stor.size && end >= vm->stor.size)
        gstor_resize(&vm->stor, vm->segs[slot].old_size > start ? vm->segs[slot].old_size : start);
    shadow_purge(vm);
    vm->segs[slot] = vm->segs[--vm->nsegs];
    return true;
}
