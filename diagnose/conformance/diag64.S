/*
 * diag64.S - DIAGNOSE X'64', named segments (DIAGNOSE.md 3.16).
 * PASS X'0C0D59'; FAIL X'BADnnn' with the check numbers below.
 *
 * The test saves TESTSEG first (dasd/system/cpcms.spec: NAMESYS TESTSEG
 * 256-287 SHARED 16-16, that is X'100000'-X'11FFFF', the first 64K
 * segment shared): X'C1C2C3C4' at X'100000' (shared) and X'C5C6C7C8' at
 * X'110000' (not shared). The machine has 1M. Then:
 *  - FINDSYS of TESTSEG: cc 1 (exists, not loaded), Rx X'100000', Ry
 *    X'11FFFF'; of NOSUCH: cc 2, Ry 44;
 *  - LOADSYS shared: cc 0, Rx X'100000'; the storage now reaches
 *    X'11FFFF' and holds the saved words; a store into the shared segment
 *    is a protection exception (and changes nothing), one into the other
 *    segment works; FINDSYS cc 0 with the addresses;
 *  - PURGESYS: cc 0, and X'100000' is beyond storage again (addressing
 *    exception); FINDSYS cc 1; PURGESYS again cc 1;
 *  - LOADSYS non-shared: cc 0, the saved word is back (the earlier store
 *    into the private segment is gone) and a store into the first segment
 *    works; PURGESYS cc 0;
 *  - LOADSYS and PURGESYS of NOSUCH: cc 2, Ry 44;
 *  - the name not on a doubleword, Rx = Ry, an unknown subcode:
 *    specification exception; the name beyond storage: addressing; in the
 *    problem state: privileged operation.
 */
#include "diag.inc"

        GUEST_START 0x59

        .equ    PGM_PROT, 0x0004
        .equ    SEG, 0x100000

        la      %r2,testseg-base(%r12)
        /* FINDSYS: there, not loaded */
        LV      %r3, 0x0C
        SETCC   0
        DIAG    %r2, %r3, 0x064
        EXPECTCC 1, 0x001
        CHKR    %r2, SEG, 0x002
        CHKR    %r3, SEG+0x1FFFF, 0x003
        la      %r2,nosuch-base(%r12)
        LV      %r3, 0x0C
        DIAG    %r2, %r3, 0x064
        EXPECTCC 2, 0x004
        CHKR    %r3, 44, 0x005

        /* LOADSYS shared */
        la      %r2,testseg-base(%r12)
        LV      %r3, 0x00
        SETCC   3
        DIAG    %r2, %r3, 0x064
        EXPECTCC 0, 0x010
        CHKR    %r2, SEG, 0x011
        LV      %r5, SEG
        CHKW    0(%r5), 0xC1C2C3C4, 0x012
        LV      %r6, SEG+0x10000
        CHKW    0(%r6), 0xC5C6C7C8, 0x013
        LV      %r7, 0x11111111
        SETNEW  PGMNEW, c20
i20:    st      %r7,0(%r5)                      /* the shared segment */
        FAIL    0x020
c20:    CHKH    PGMOLD+2, PGM_PROT, 0x021
        DEFAULT_NEW
        CHKW    0(%r5), 0xC1C2C3C4, 0x022       /* unchanged */
        st      %r7,0(%r6)                      /* its own segment */
        CHKW    0(%r6), 0x11111111, 0x023
        la      %r2,testseg-base(%r12)
        LV      %r3, 0x0C
        DIAG    %r2, %r3, 0x064
        EXPECTCC 0, 0x024
        CHKR    %r2, SEG, 0x025
        CHKR    %r3, SEG+0x1FFFF, 0x026

        /* PURGESYS */
        LV      %r3, 0x08
        la      %r2,testseg-base(%r12)
        DIAG    %r2, %r3, 0x064
        EXPECTCC 0, 0x030
        SETNEW  PGMNEW, c31
i31:    l       %r7,0(%r5)
        FAIL    0x031
c31:    CHKH    PGMOLD+2, PGM_ADDR, 0x032
        DEFAULT_NEW
        LV      %r3, 0x0C
        la      %r2,testseg-base(%r12)
        DIAG    %r2, %r3, 0x064
        EXPECTCC 1, 0x033
        LV      %r3, 0x08
        la      %r2,testseg-base(%r12)
        DIAG    %r2, %r3, 0x064
        EXPECTCC 1, 0x034

        /* LOADSYS non-shared */
        LV      %r3, 0x04
        la      %r2,testseg-base(%r12)
        DIAG    %r2, %r3, 0x064
        EXPECTCC 0, 0x040
        CHKW    0(%r6), 0xC5C6C7C8, 0x041       /* the saved word again */
        CHKW    0(%r5), 0xC1C2C3C4, 0x042
        LV      %r7, 0x22222222
        st      %r7,0(%r5)
        CHKW    0(%r5), 0x22222222, 0x043
        LV      %r3, 0x08
        la      %r2,testseg-base(%r12)
        DIAG    %r2, %r3, 0x064
        EXPECTCC 0, 0x044

        /* no such segment */
        la      %r2,nosuch-base(%r12)
        LV      %r3, 0x00
        DIAG    %r2, %r3, 0x064
        EXPECTCC 2, 0x050
        CHKR    %r3, 44, 0x051
        LV      %r3, 0x08
        DIAG    %r2, %r3, 0x064
        EXPECTCC 2, 0x052
        CHKR    %r3, 44, 0x053

        /* operand errors */
        la      %r2,testseg+4-base(%r12)
        LV      %r3, 0x0C
        PGMCHK  PGM_SPEC, 0x060, %r2, %r3, 0x064
        la      %r2,testseg-base(%r12)
        LV      %r3, 0x10
        PGMCHK  PGM_SPEC, 0x063, %r2, %r3, 0x064
        PGMCHK  PGM_SPEC, 0x066, %r2, %r2, 0x064
        LV      %r2, STORSIZE
        LV      %r3, 0x0C
        PGMCHK  PGM_ADDR, 0x069, %r2, %r3, 0x064
        la      %r2,testseg-base(%r12)
        PROBCHK 0x0F0, %r2, %r3, 0x064
        PASS

        .balign 8
testseg: .byte  0xE3,0xC5,0xE2,0xE3,0xE2,0xC5,0xC7,0x40  /* TESTSEG */
nosuch:  .byte  0xD5,0xD6,0xE2,0xE4,0xC3,0xC8,0x40,0x40  /* NOSUCH */
        GUEST_END
