/*
 * iplrec.c - the IPL records of the system residence volume.
 *
 * Entry points: ipl_build (IPL1 and the IPL2 channel program) and
 * ipl_build_dummy (IPL1 of a volume that is not IPL-able).
 *
 * Hercules starts an IPL in ESA/390 mode: a Read IPL command reads the data
 * of R1 into storage 0-23 and the channel continues with the format-0 CCWs
 * at 8 and 16. Ours read R2 (the program below) and branch to it. The
 * program reads the system record (R5 of the same track) and then every
 * nucleus page: per cylinder one Seek, a Search ID Equal on R1 with a TIC
 * back to it, a Read Data, and Read Data Multitrack for the rest of the
 * cylinder (it moves to the next head by itself). The channel ends with
 * channel end and device end only, as an IPL must, and the PSW in IPL1 (an
 * ESA/390 EC-mode PSW, 31-bit) starts CP at VOLFMT_NUC_ADDR. CP itself
 * then switches the machine to z/Architecture.
 */
#include <stdio.h>
#include <string.h>
#include "lib/bytes.h"
#include "dasd/iplrec.h"
#include "dasd/volfmt.h"

#define CCW_SEEK    0x07
#define CCW_SEARCH  0x31 /* search ID equal */
#define CCW_TIC     0x08
#define CCW_READ    0x06 /* read data */
#define CCW_READ_MT 0x86 /* read data, multitrack */
#define CCW_CC      0x40
#define CCW_SLI     0x20

static void ccw0(uint8_t *p, uint8_t cmd, uint32_t addr, uint8_t flags, uint16_t count)
{
    p[0] = cmd;
    put_be24(p + 1, addr);
    p[4] = flags;
    p[5] = 0;
    put_be16(p + 6, count);
}

int ipl_build(const struct ckd_geom *g, unsigned nuc_cyl, unsigned nuc_pages,
              uint8_t ipl1[IPL1_LEN], uint8_t *ipl2, size_t *ipl2len, char *why, size_t whylen)
{
    /* Count what the program needs: CCWs first, then their arguments. */
    unsigned per_cyl = vol_pages_per_cyl(g);
    unsigned ncyls = (nuc_pages + per_cyl - 1) / per_cyl;
    size_t nccw = 3 + ncyls * 3 + nuc_pages;
    size_t args_off = nccw * 8;
    size_t len = args_off + 5 /* search R5 */ + ncyls * (6 + 5);
    if (nuc_pages == 0) {
        snprintf(why, whylen, "the nucleus is empty: there is nothing to IPL");
        return -1;
    }
    if (len > VOLFMT_IPL2_MAX) {
        snprintf(why, whylen,
                 "the IPL program for a %u-page nucleus needs %zu bytes, more than the %u "
                 "that fit in record 2",
                 nuc_pages, len, VOLFMT_IPL2_MAX);
        return -1;
    }
    memset(ipl2, 0, len);
    const uint32_t base = VOLFMT_IPL2_ADDR;
    uint8_t *ccw = ipl2;
    uint8_t *arg = ipl2 + args_off;

    /* The system record: R5 of cylinder 0 head 0, where Read IPL left us. */
    uint32_t srch = base + (uint32_t)(arg - ipl2);
    put_be16(arg, 0);
    put_be16(arg + 2, 0);
    arg[4] = VOLFMT_R_SYSREC;
    arg += 5;
    ccw0(ccw, CCW_SEARCH, srch, CCW_CC, 5);
    ccw0(ccw + 8, CCW_TIC, base + (uint32_t)(ccw - ipl2), 0, 0);
    ccw0(ccw + 16, CCW_READ, VOLFMT_SYSREC_ADDR, CCW_CC | CCW_SLI, VOLFMT_PAGE);
    ccw += 24;

    for (unsigned page = 0; page < nuc_pages; page++) {
        uint32_t dest = VOLFMT_NUC_ADDR + page * VOLFMT_PAGE;
        if (page % per_cyl == 0) {
            unsigned cyl = nuc_cyl + page / per_cyl;
            uint32_t seek = base + (uint32_t)(arg - ipl2);
            put_be16(arg, 0); /* BB */
            put_be16(arg + 2, (uint16_t)cyl);
            put_be16(arg + 4, 0);
            uint32_t search = seek + 6;
            put_be16(arg + 6, (uint16_t)cyl);
            put_be16(arg + 8, 0);
            arg[10] = 1;
            arg += 11;
            ccw0(ccw, CCW_SEEK, seek, CCW_CC, 6);
            ccw0(ccw + 8, CCW_SEARCH, search, CCW_CC, 5);
            ccw0(ccw + 16, CCW_TIC, base + (uint32_t)(ccw + 8 - ipl2), 0, 0);
            ccw0(ccw + 24, CCW_READ, dest, CCW_CC | CCW_SLI, VOLFMT_PAGE);
            ccw += 32;
        } else {
            ccw0(ccw, CCW_READ_MT, dest, CCW_CC | CCW_SLI, VOLFMT_PAGE);
            ccw += 8;
        }
    }
    ccw[-8 + 4] &= (uint8_t)~CCW_CC; /* the last CCW ends the chain */

    /* IPL1: ESA/390 EC-mode PSW, 31-bit, disabled, at the nucleus entry;
     * CCW1 reads R2 (this program), CCW2 branches to it. */
    memset(ipl1, 0, IPL1_LEN);
    put_be32(ipl1, 0x00080000);
    put_be32(ipl1 + 4, 0x80000000u | VOLFMT_NUC_ADDR);
    ccw0(ipl1 + 8, CCW_READ, base, CCW_CC | CCW_SLI, (uint16_t)len);
    ccw0(ipl1 + 16, CCW_TIC, base, 0, 0);
    *ipl2len = len;
    return 0;
}

void ipl_build_dummy(uint8_t ipl1[IPL1_LEN])
{
    /* A volume that is not IPL-able: a disabled-wait PSW (ESA/390 format,
     * so an IPL of it ends in a clean wait rather than an invalid PSW). */
    memset(ipl1, 0, IPL1_LEN);
    put_be32(ipl1, 0x000A0000);
    put_be32(ipl1 + 4, 0x80000000u | 0x0000DEAD);
}
