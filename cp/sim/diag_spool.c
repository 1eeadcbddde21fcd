/*
 * diag_spool.c - DIAGNOSE X'14', input spool file manipulation (DMKDRD's
 * job; diagnose/DIAGNOSE.md 3.6): a program reads its reader's files a
 * 4 KB buffer at a time, with their descriptors, selects one by spoolid,
 * repeats, restarts or backs up. The operands are checked here, before
 * anything changes; the reader's side is vdev/vur.c's vur_diag14.
 */
#include <string.h>
#include "diagnose/diag.h"
#include "hw/s370.h"
#include "kern/alloc.h"
#include "mm/gaccess.h"
#include "sim/diag_rules.h"
#include "sim/diagsim.h"
#include "vdev/vdev.h"
#include "vdev/vur.h"

int diag_x14(struct simctx *s, unsigned rx, unsigned ry)
{
    struct vmblok *vm = s->vm;
    if (ry & 1)
        return PGM_SPECIFICATION;
    unsigned sub = diag_reg(s, ry + 1);
    uint32_t op = diag_reg(s, rx), area = diag_addr(s, rx);
    switch (sub) {
    case DIAG14_READ:
    case DIAG14_RESTART:
        if (area & (SPB_SIZE - 1))
            return PGM_SPECIFICATION;
        if (!diag_in_storage(area, SPB_SIZE, vm->stor.size))
            return PGM_ADDRESSING;
        break;
    case DIAG14_PRTSFB:
    case DIAG14_PUNSFB:
        if (area & 7)
            return PGM_SPECIFICATION;
        if (!diag_in_storage(area, SFB_SIZE, vm->stor.size))
            return PGM_ADDRESSING;
        break;
    case DIAG14_REPEAT:
        if (op < 1 || op > 255)
            return PGM_SPECIFICATION;
        break;
    case DIAG14_SELECT:
    case DIAG14_BACKUP:
    case DIAG14_MONSFB:
    case DIAG14_MONREAD: break;
    default: return PGM_SPECIFICATION;
    }
    uint32_t dev = diag_reg(s, ry);
    struct vdev *vd = dev <= 0xFFF ? vdev_find(vm, (uint16_t)dev) : NULL;
    unsigned reason = 0;
    int cc;
    if (!vd) {
        cc = 3;
        reason = DIAG14_RC_NODEV;
    } else if (!vur_is_reader(vd)) {
        cc = 3;
        reason = vd->cls == VC_RDR ? DIAG14_RC_BUSY : DIAG14_RC_NOTRDR; /* a real reader */
    } else {
        uint8_t *out = kmalloc(SPB_SIZE);
        if (!out) {
            diag_again(s); /* CP storage: try again */
            return 0;
        }
        unsigned len = 0;
        cc = vur_diag14(vm, vd, sub, op, out, &len, &reason);
        int pgm = len ? greal_store(vm, area, out, len) : 0;
        kfree(out);
        if (pgm)
            return pgm;
    }
    if (cc == 3)
        diag_set_reg(s, ry + 1, reason);
    sim_set_cc(s, cc);
    return 0;
}
