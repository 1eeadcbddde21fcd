/*
 * diag_stor.c - the DIAGNOSE codes about storage (≈ DMKHVC's examine and
 * release functions):
 *
 *   X'04' examine real storage (classes C, E): fullwords of the host's storage
 *   X'10' release pages: the machine's pages back to demand-zero
 *
 * Entry points: diag_x04, diag_x10 (diagsim.h). Each returns 0 or the
 * program-interruption code (diagnose/DIAGNOSE.md, sections 3.2, 3.5).
 */
#include "diagnose/diag.h"
#include "hw/s370.h"
#include "kern/cp.h"
#include "lib/bytes.h"
#include "mm/gaccess.h"
#include "mm/gstor.h"
#include "mm/shadow.h"
#include "sim/diag_rules.h"
#include "sim/diagsim.h"
#include "vdev/vdev.h"

/* Rx: the list of host real addresses, Ry entries; Ry+1: the results. */
int diag_x04(struct simctx *s, unsigned rx, unsigned ry)
{
    static uint8_t list[4 * DIAG04_MAX], result[4 * DIAG04_MAX];
    uint32_t la = diag_addr(s, rx), n = diag_reg(s, ry);
    uint32_t ra = ry == 15 ? 0 : diag_addr(s, ry + 1);
    int pgm = diag04_check_regs(ry, la, n, ra, s->vm->stor.size);
    if (pgm || n == 0)
        return pgm;
    pgm = greal_fetch(s->vm, la, list, 4 * n);
    if (!pgm)
        pgm = diag04_check_entries(list, n, cp_storage_size);
    if (pgm)
        return pgm;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t a = get_be32(list + 4 * i);
        put_be32(result + 4 * i, *(const volatile uint32_t *)(uintptr_t)a);
    }
    return greal_store(s->vm, ra, result, 4 * n);
}

/* A real device of the machine may be moving data into its frames. */
static bool channel_busy(struct vmblok *vm)
{
    for (struct vdev *vd = vm->devs; vd; vd = vd->next)
        if (vd->busy && vd != vm->console)
            return true; /* the console's simulated channel uses no frames of its own */
    return false;
}

/* Rx: the first page, Ry: the last. */
int diag_x10(struct simctx *s, unsigned rx, unsigned ry)
{
    struct vmblok *vm = s->vm;
    uint32_t first = diag_addr(s, rx), last = diag_addr(s, ry);
    int pgm = diag10_check(first, last, vm->stor.size);
    if (pgm)
        return pgm;
    if (vm->adstop && vm->adstop_addr >= first && vm->adstop_addr < last + 4096)
        vm->adstop = false; /* the instruction under it is gone with the page */
    gstor_release_pages(&vm->stor, first, last, channel_busy(vm));
    shadow_purge(vm); /* shadow entries may point at the frames */
    return 0;
}
