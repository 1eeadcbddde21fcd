/*
 * diag_dir.c - DIAGNOSE X'3C', dynamic directory update (≈ DMKHVC calling
 * DMKUDR), diagnose/DIAGNOSE.md section 3.11.
 *
 * Entry point: diag_x3c. Rx holds the first four characters of a volume
 * label, Ry bits 0-15 the last two. A directory program (DIRECT) has
 * written a new directory into that volume's DRCT area; CP reads it,
 * checks it as at IPL and uses it from now on (vm/userdir.c). Users
 * already logged on keep their machines: nothing of a session depends
 * on the directory's numbering. CP reads the area while the device is
 * idle; when it is busy (a machine's minidisk I/O), the instruction is
 * run again once the machine is next dispatched.
 */
#include "console/ebcdic.h"
#include "diagnose/diag.h"
#include "lib/bytes.h"
#include "sim/diagsim.h"
#include "vm/userdir.h"

/* Rx, Ry bits 0-15: the volume label. cc 0 switched; cc 2 no such volume,
 * no directory area, or an unsound directory; cc 3 an I/O error. */
int diag_x3c(struct simctx *s, unsigned rx, unsigned ry)
{
    uint8_t label[6];
    char volser[7];
    put_be32(label, diag_reg(s, rx));
    put_be16(label + 4, (uint16_t)(diag_reg(s, ry) >> 16));
    e2a_field(volser, label, sizeof(label));
    switch (userdir_switch(volser)) {
    case UDR_BUSY: diag_again(s); break;
    case UDR_OK: sim_set_cc(s, 0); break;
    case UDR_IOERR: sim_set_cc(s, DIAG3C_CC_IOERR); break;
    default: sim_set_cc(s, DIAG3C_CC_NOVOL); break;
    }
    return 0;
}
