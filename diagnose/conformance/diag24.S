/*
 * diag24.S - DIAGNOSE X'24', device type and features (DIAGNOSE.md 3.10),
 * in MAINT's machine of test_diagnose.py: console 009 on a 3270, and the
 * real devices attached to it: 3505 reader 00C, 3525 punch 00D, 1403
 * printer 00E, 3420 tape 181 (which has no SENSE ID, so CP knows it only
 * as a device: class and type 0), 3350 disk 190; and its minidisks: its
 * own 191, USER01's 191 linked read-only as 192, a temporary disk 193.
 * PASS X'0C0D49'; FAIL X'BADnnn' with the check numbers below.
 *
 * Ry = virtual class, type, status (X'20' dedicated), flags (console on
 * a 3270: X'10'); Ry+1 = real class, type, model, features or line
 * length; cc 0. Rx = -1 names the console, and Rx then gets its address.
 * No such device: cc 3 and nothing changed. Ry = 15: only R15 is set.
 * The real model byte comes from the device and is not checked.
 */
#include "diag.inc"

/* DEVCHK vaddr, vword, vmask, rword, rmask, n: checks n, n+1, n+2 */
        .macro  DEVCHK vaddr, vword, vmask, rword, rmask, n
        LV      %r2, \vaddr
        LV      %r4, 0xDEADBEEF
        LV      %r5, 0xDEADBEEF
        SETCC   3
        DIAG    %r2, %r4, 0x024
        EXPECTCC 0, \n
        lr      %r6,%r4
        n       %r6,.Ldm\@-base(%r12)
        CHKR    %r6, \vword, \n+1
        lr      %r6,%r5
        n       %r6,.Ldr\@-base(%r12)
        CHKR    %r6, \rword, \n+2
        .pushsection .text,1
        .balign 4
.Ldm\@: .long   \vmask
.Ldr\@: .long   \rmask
        .popsection
        .endm

        GUEST_START 0x49

/* ---- the console, by -1 and by address -------------------------------- */
        LV      %r2, 0xFFFFFFFF
        LV      %r4, 0
        LV      %r5, 0
        SETCC   3
        DIAG    %r2, %r4, 0x024
        EXPECTCC 0, 0x001
        CHKR    %r2, 0x00000009, 0x002          /* terminal code 0, address 009 */
        CHKR    %r4, 0x80000010, 0x003          /* 3215, idle, on a 3270 */
        CHKR    %r5, 0x40010250, 0x004          /* 3270 display, model 2, 80 columns */
        DEVCHK  0x009, 0x80000010, 0xFFFFFFFF, 0x40010250, 0xFFFFFFFF, 0x005
        CHKR    %r2, 0x009, 0x008               /* Rx unchanged */

/* ---- dedicated devices ------------------------------------------------- */
        DEVCHK  0x00C, 0x20842000, 0xFFFF20FF, 0x20840000, 0xFFFF00FF, 0x010
        DEVCHK  0x00D, 0x10842000, 0xFFFF20FF, 0x10840000, 0xFFFF00FF, 0x013
        DEVCHK  0x00E, 0x10412000, 0xFFFF20FF, 0x10410000, 0xFFFF00FF, 0x016
        /* a 3420 answers no SENSE ID: CP does not know what it is */
        DEVCHK  0x181, 0x00002000, 0xFFFF20FF, 0x00000000, 0xFFFF00FF, 0x019
        DEVCHK  0x190, 0x04082000, 0xFFFF20FF, 0x04080000, 0xFFFF00FF, 0x01C

/* ---- minidisks: not dedicated; flags X'80' read-only, X'40' T-disk ---- */
        DEVCHK  0x191, 0x04080000, 0xFFFF20FF, 0x04080000, 0xFFFF00FF, 0x040
        DEVCHK  0x192, 0x04080080, 0xFFFF20FF, 0x04080000, 0xFFFF00FF, 0x043
        DEVCHK  0x193, 0x04080040, 0xFFFF20FF, 0x04080000, 0xFFFF00FF, 0x046

/* ---- no such device: cc 3, registers unchanged ------------------------ */
        LV      %r2, 0xFFF
        LV      %r4, 0x11111111
        LV      %r5, 0x22222222
        SETCC   0
        DIAG    %r2, %r4, 0x024
        EXPECTCC 3, 0x020
        CHKR    %r2, 0xFFF, 0x021
        CHKR    %r4, 0x11111111, 0x022
        CHKR    %r5, 0x22222222, 0x023
        LV      %r2, 0x1009                     /* not a device address */
        DIAG    %r2, %r4, 0x024
        EXPECTCC 3, 0x024
        LV      %r2, 0xFFFFFFFE
        DIAG    %r2, %r4, 0x024
        EXPECTCC 3, 0x025

/* ---- Ry = 15: R0 (Ry+1) is not touched -------------------------------- */
        LV      %r2, 0xFFFFFFFF
        LV      %r15, 0
        LV      %r0, 0x77777777
        DIAG    %r2, %r15, 0x024
        EXPECTCC 0, 0x031
        CHKR    %r0, 0x77777777, 0x030
        CHKR    %r15, 0x80000010, 0x032
        CHKR    %r2, 0x00000009, 0x033
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r4, 0x024
        PASS
        GUEST_END
