/*
 * diag00.S - DIAGNOSE X'00', store extended identification (DIAGNOSE.md 3.1).
 * PASS X'0C0D40'; FAIL X'BADnnn' with the check numbers below.
 *
 * CP stores the first min(Ry, 32) bytes of: "VM/370  ", version X'06' level
 * X'00' PLC X'11', version code X'FF', MCEL 0, CPU address 0, the userid
 * (this program runs as MAINT), 8 bytes of zeros. Nothing beyond, no
 * register or condition code changed. Rx must be on a doubleword; the
 * bytes to be stored must be within storage.
 */
#include "diag.inc"

        GUEST_START 0x40

/* ---- Ry = 32: the whole record, nothing after it --------------------- */
        mvi     area-base(%r12),0xEE
        mvc     area+1-base(47,%r12),area-base(%r12)
        la      %r2,area-base(%r12)
        la      %r3,32
        SETCC   2
        DIAG    %r2, %r3, 0x000
        EXPECTCC 2, 0x001
        la      %r1,area-base(%r12)
        CHKRR   %r2, %r1, 0x002
        CHKR    %r3, 32, 0x003
        CHKMEM  area, 32, want, 0x004
        CHKB    area+32-base(%r12), 0xEE, 0x005

/* ---- Ry = 10: ten bytes ---------------------------------------------- */
        mvi     area-base(%r12),0xEE
        mvc     area+1-base(47,%r12),area-base(%r12)
        la      %r3,10
        DIAG    %r2, %r3, 0x000
        CHKMEM  area, 10, want, 0x010
        CHKB    area+10-base(%r12), 0xEE, 0x011
        CHKB    area+11-base(%r12), 0xEE, 0x012

/* ---- Ry = 0: nothing; Ry large: 32 ----------------------------------- */
        mvi     area-base(%r12),0xEE
        mvc     area+1-base(47,%r12),area-base(%r12)
        la      %r3,0
        DIAG    %r2, %r3, 0x000
        CHKB    area-base(%r12), 0xEE, 0x020
        LV      %r3, 0x7FFFFFFF
        DIAG    %r2, %r3, 0x000
        CHKMEM  area, 32, want, 0x021
        CHKB    area+32-base(%r12), 0xEE, 0x022
        CHKR    %r3, 0x7FFFFFFF, 0x023

/* ---- the last doubleword of storage: 8 bytes fit, 32 do not ---------- */
        LV      %r2, STORSIZE-8
        la      %r3,8
        DIAG    %r2, %r3, 0x000
        LV      %r4, STORSIZE-8
        clc     0(8,%r4),want-base(%r12)
        FAILNE  0x030
        la      %r3,9
        PGMCHK  PGM_ADDR, 0x031, %r2, %r3, 0x000
        LV      %r2, STORSIZE
        la      %r3,0                           /* nothing to store: fine */
        DIAG    %r2, %r3, 0x000

/* ---- Rx not on a doubleword ------------------------------------------- */
        la      %r2,area+4-base(%r12)
        la      %r3,32
        mvi     area-base(%r12),0xEE
        mvc     area+1-base(47,%r12),area-base(%r12)
        PGMCHK  PGM_SPEC, 0x040, %r2, %r3, 0x000
        CHKB    area+4-base(%r12), 0xEE, 0x043  /* nothing stored */
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r3, 0x000
        PASS

        .balign 8
area:   .fill   48, 1, 0
want:   .byte   0xE5, 0xD4, 0x61, 0xF3, 0xF7, 0xF0, 0x40, 0x40   /* VM/370 */
        .byte   0x06, 0x00, 0x11, 0xFF, 0x00, 0x00, 0x00, 0x00
        .byte   0xD4, 0xC1, 0xC9, 0xD5, 0xE3, 0x40, 0x40, 0x40   /* MAINT */
        .byte   0, 0, 0, 0, 0, 0, 0, 0
        GUEST_END
