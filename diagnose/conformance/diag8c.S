/*
 * diag8c.S - DIAGNOSE X'8C', the console's 3270 characteristics
 * (DIAGNOSE.md 3.17), on MAINT's 3270 terminal.
 * PASS X'0C0D63'; FAIL X'BADnnn' with the check numbers below.
 *
 * CP stores min(Ry, 16) bytes at Rx (any alignment): flags 0, colours 0,
 * 80 columns, 24 rows, model 2, the display's type (X'32xx'), 22 output
 * lines, 2 input lines, 4 zero bytes; cc 0. Registers stay. Bytes to be
 * stored beyond storage: addressing (none to store: none).
 */
#include "diag.inc"

        GUEST_START 0x63

        mvi     area-base(%r12),0xEE
        mvc     area+1-base(31,%r12),area-base(%r12)
        la      %r2,area+1-base(%r12)           /* an odd address */
        la      %r3,16
        SETCC   3
        DIAG    %r2, %r3, 0x08C
        EXPECTCC 0, 0x001
        la      %r1,area+1-base(%r12)
        CHKRR   %r2, %r1, 0x002
        CHKR    %r3, 16, 0x003
        clc     0(8,%r2),want-base(%r12)        /* flags .. model */
        FAILNE  0x004
        CHKB    8(%r2), 0x32, 0x005             /* a 32xx */
        clc     10(6,%r2),want+10-base(%r12)    /* lines, reserved */
        FAILNE  0x006
        CHKB    16(%r2), 0xEE, 0x007
        /* Ry = 5: five bytes */
        mvi     area-base(%r12),0xEE
        mvc     area+1-base(31,%r12),area-base(%r12)
        la      %r3,5
        DIAG    %r2, %r3, 0x08C
        clc     0(5,%r2),want-base(%r12)
        FAILNE  0x010
        CHKB    5(%r2), 0xEE, 0x011
        /* Ry = 0: nothing, cc 0 */
        mvi     area+1-base(%r12),0xEE
        la      %r3,0
        SETCC   2
        DIAG    %r2, %r3, 0x08C
        EXPECTCC 0, 0x012
        CHKB    0(%r2), 0xEE, 0x013
        /* Ry large: 16 */
        LV      %r3, 0x7FFFFFFF
        DIAG    %r2, %r3, 0x08C
        CHKB    16(%r2), 0xEE, 0x014
        CHKB    4(%r2), 0x00, 0x015
/* ---- the end of storage ------------------------------------------------ */
        LV      %r2, STORSIZE-8
        la      %r3,16
        PGMCHK  PGM_ADDR, 0x020, %r2, %r3, 0x08C
        la      %r3,8
        DIAG    %r2, %r3, 0x08C
        EXPECTCC 0, 0x023
        LV      %r2, STORSIZE
        la      %r3,0
        DIAG    %r2, %r3, 0x08C
        EXPECTCC 0, 0x024
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r3, 0x08C
        PASS

        .balign 8
area:   .fill   32, 1, 0
want:   .byte   0x00, 0x00, 0x00, 80, 0x00, 24, 0x00, 2
        .byte   0x32, 0x00, 22, 2, 0, 0, 0, 0
        GUEST_END
