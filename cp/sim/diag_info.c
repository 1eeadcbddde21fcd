/*
 * diag_info.c - the DIAGNOSE codes that tell a program about itself and
 * its devices, and the console's (≈ the small functions of DMKHVC):
 *
 *   X'00' store extended identification   X'54' PA2 function
 *   X'0C' pseudo timer                    X'5C' error message editing
 *   X'1C' clear error recording           X'60' storage size
 *   X'24' device type and features        X'8C' 3270 characteristics
 *
 * Entry points: diag_x00 ... diag_x8c (diagsim.h), diag24_dasd_flags.
 * Each returns 0 or the program-interruption code (diagnose/DIAGNOSE.md,
 * sections 3.1, 3.4, 3.8, 3.10, 3.12, 3.14, 3.15, 3.17).
 */
#include <string.h>
#include "cons/graf.h"
#include "cons/term.h"
#include "diagnose/diag.h"
#include "hw/s370.h"
#include "io/ios.h"
#include "kern/cp.h"
#include "lib/bytes.h"
#include "machine/cpu.h"
#include "mm/gaccess.h"
#include "sim/diag_rules.h"
#include "sim/diagsim.h"
#include "vdev/mdisk.h"
#include "vdev/vded.h"
#include "vdev/vdev.h"

/* X'00': the identification record, min(Ry, 32) bytes at Rx. */
int diag_x00(struct simctx *s, unsigned rx, unsigned ry)
{
    uint32_t a = diag_addr(s, rx), n = diag_reg(s, ry);
    uint8_t rec[DIAG00_SIZE];
    if (a & 7)
        return PGM_SPECIFICATION;
    if (n > DIAG00_SIZE)
        n = DIAG00_SIZE;
    if (!diag_in_storage(a, n, s->vm->stor.size))
        return PGM_ADDRESSING;
    diag00_record(rec, s->vm->userid);
    return n ? greal_store(s->vm, a, rec, n) : 0;
}

/* X'0C': date, time and the CPU times at Rx. */
int diag_x0c(struct simctx *s, unsigned rx, unsigned ry)
{
    uint32_t a = diag_addr(s, rx);
    uint8_t area[DIAG0C_SIZE];
    struct datetime dt;
    if (a & 7)
        return PGM_SPECIFICATION;
    if (!diag_in_storage(a, DIAG0C_SIZE, s->vm->stor.size))
        return PGM_ADDRESSING;
    cp_localtime(stck(), &dt);
    diag0c_area(area, &dt, s->vm->vtime, s->vm->ttime);
    return greal_store(s->vm, a, area, DIAG0C_SIZE);
}

/* X'1C': CP keeps no error-recording cylinders, so a valid request has
 * nothing to clear. */
int diag_x1c(struct simctx *s, unsigned rx, unsigned ry)
{
    uint8_t how = (uint8_t)diag_reg(s, rx);
    return how == DIAG1C_KEEPFRAMES || how == DIAG1C_ALL ? 0 : PGM_SPECIFICATION;
}

/* ---------------------------------------------------------------- X'24' */

uint8_t diag24_dasd_flags(struct vmblok *vm, struct vdev *vd)
{
    /* A dedicated disk is read/write and permanent; a minidisk has its
     * link mode (VDEVFLAG_RDONLY), a temporary disk VDEVFLAG_TDISK. */
    struct mdisk_info mi;
    (void)vm;
    if (!mdisk_info(vd, &mi))
        return 0;
    return (uint8_t)((mi.rw ? 0 : VDEVFLAG_RDONLY) | (mi.tdisk ? VDEVFLAG_TDISK : 0));
}

static uint8_t vdev_status(const struct vdev *vd)
{
    uint8_t st = 0;
    if (vd->busy)
        st |= VDEVSTAT_BUSY;
    if (vd->pending)
        st |= VDEVSTAT_PENDING;
    struct mdisk_info mi;
    if (vded_rdev(vd) && !mdisk_info(vd, &mi)) /* a minidisk shares its volume */
        st |= VDEVSTAT_DED;
    return st;
}

static uint8_t vdev_flags(struct vmblok *vm, struct vdev *vd)
{
    if (vd->cls == VC_DASD)
        return diag24_dasd_flags(vm, vd);
    if (vd == vm->console && vm->term && vm->term->rdev->cls == RDEV_TERM3270)
        return VDEVFLAG_ON3270;
    return 0;
}

/* A register of four bytes, byte 0 the leftmost. */
static uint32_t word(uint8_t b0, uint8_t b1, uint8_t b2, uint8_t b3)
{
    return (uint32_t)b0 << 24 | (uint32_t)b1 << 16 | (uint32_t)b2 << 8 | b3;
}

/* The real-device word of a terminal: a 3270 display (model 2) or a typewriter. */
static uint32_t terminal_word(const struct rdevblok *rd)
{
    if (rd->cls == RDEV_TERM3270)
        return word(DEVC_GRAF, DEVT_3270, 2, DIAG24_LLEN_3270);
    return word(DEVC_TERM, DEVT_3215, 0, DIAG24_LLEN_3215);
}

/* Rx: a device address or -1 (the console). Ry: the virtual device's
 * word; Ry+1 (unless Ry is 15): the real device's. */
int diag_x24(struct simctx *s, unsigned rx, unsigned ry)
{
    struct vmblok *vm = s->vm;
    uint32_t want = diag_reg(s, rx);
    struct vdev *vd = NULL;
    if (want == DIAG24_CONSOLE)
        vd = vm->console;
    else if (want <= 0xFFF)
        vd = vdev_find(vm, (uint16_t)want);
    if (!vd) {
        sim_set_cc(s, DIAG24_CC_NODEV);
        return 0;
    }
    uint8_t c, t;
    diag24_codes(vd->cls, vd->devtype, &c, &t);
    uint32_t vinfo =
        (uint32_t)c << 24 | (uint32_t)t << 16 | (uint32_t)vdev_status(vd) << 8 | vdev_flags(vm, vd);
    uint32_t rinfo = 0;
    bool real = true;
    struct rdevblok *rd = vded_rdev(vd);
    if (vd == vm->console) {
        real = vm->term != NULL;
        if (real)
            rinfo = terminal_word(vm->term->rdev);
    } else if (rd) {
        diag24_codes(vd->cls, rd->devtype, &c, &t);
        rinfo = word(c, t, rd->devmodel, 0);
    } else {
        real = false;
    }
    if (want == DIAG24_CONSOLE)
        diag_set_reg(s, rx,
                     word(DIAG24_TMCD_EBCDIC, 0, (uint8_t)(vd->vaddr >> 8), (uint8_t)vd->vaddr));
    diag_set_reg(s, ry, vinfo);
    if (real && ry != 15)
        diag_set_reg(s, ry + 1, rinfo);
    sim_set_cc(s, real ? DIAG24_CC_BOTH : DIAG24_CC_VIRT);
    return 0;
}

/* ---------------------------------------------------------------- the console */

/* X'54': PA2 becomes the interrupt key (Rx nonzero) or clears again. */
int diag_x54(struct simctx *s, unsigned rx, unsigned ry)
{
    s->vm->pa2_ext = diag_reg(s, rx) != 0;
    return 0;
}

/* X'5C': Rx and Ry edited by the user's SET EMSG. */
int diag_x5c(struct simctx *s, unsigned rx, unsigned ry)
{
    uint32_t a = diag_reg(s, rx), n = diag_reg(s, ry);
    enum emsg_mode m = s->vm->emsg;
    diag5c_edit(m == EMSG_ON || m == EMSG_CODE, m == EMSG_ON || m == EMSG_TEXT, &a, &n);
    diag_set_reg(s, rx, a);
    diag_set_reg(s, ry, n); /* Rx = Ry: the length wins */
    return 0;
}

/* X'60': the storage size into Rx. */
int diag_x60(struct simctx *s, unsigned rx, unsigned ry)
{
    diag_set_reg(s, rx, s->vm->stor.size);
    return 0;
}

/* X'8C': the console's 3270, min(Ry, 16) bytes at Rx. */
int diag_x8c(struct simctx *s, unsigned rx, unsigned ry)
{
    struct vmblok *vm = s->vm;
    uint32_t a = diag_addr(s, rx), n = diag_reg(s, ry);
    if (!vm->console) {
        sim_set_cc(s, DIAG8C_CC_NOCON);
        return 0;
    }
    if (!vm->term || vm->term->rdev->cls != RDEV_TERM3270) {
        sim_set_cc(s, DIAG8C_CC_NOTDS);
        return 0;
    }
    if (n > DIAG8C_SIZE)
        n = DIAG8C_SIZE;
    if (!diag_in_storage(a, n, vm->stor.size))
        return PGM_ADDRESSING;
    const struct rdevblok *rd = vm->term->rdev;
    uint8_t area[DIAG8C_SIZE];
    memset(area, 0, sizeof(area));
    put_be16(area + DIAG8C_COLS, GRAF_COLS);
    put_be16(area + DIAG8C_ROWS, GRAF_ROWS);
    put_be16(area + DIAG8C_MODEL, 2);
    put_be16(area + DIAG8C_DEVTYPE, rd->devtype);
    area[DIAG8C_OUTLINES] = GRAF_OUT_LINES;
    area[DIAG8C_INLINES] = GRAF_IN_LINES;
    int pgm = n ? greal_store(vm, a, area, n) : 0;
    if (!pgm)
        sim_set_cc(s, DIAG8C_CC_OK);
    return pgm;
}
