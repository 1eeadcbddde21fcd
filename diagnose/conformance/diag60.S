/*
 * diag60.S - DIAGNOSE X'60', virtual storage size (DIAGNOSE.md 3.15).
 * PASS X'0C0D58'; FAIL X'BADnnn' with the check numbers below.
 *
 * Rx gets the size of the machine's storage in bytes (MAINT: 1M); Ry and
 * the condition code stay. The size is the real end of storage: the last
 * word below it can be loaded, the first word at it is an addressing
 * exception.
 */
#include "diag.inc"

        GUEST_START 0x58

        LV      %r2, 0xFFFFFFFF
        LV      %r3, 0x12121212
        SETCC   2
        DIAG    %r2, %r3, 0x060
        EXPECTCC 2, 0x001
        CHKR    %r2, STORSIZE, 0x002
        CHKR    %r3, 0x12121212, 0x003
        SETCC   0
        DIAG    %r4, %r3, 0x060                 /* another register */
        EXPECTCC 0, 0x004
        CHKRR   %r4, %r2, 0x005
        /* the size is where storage ends */
        lr      %r5,%r2
        s       %r5,four-base(%r12)
        l       %r6,0(%r5)
        SETNEW  PGMNEW, c10
i10:    l       %r6,0(%r2)
        FAIL    0x00F
c10:    CHKH    PGMOLD+2, PGM_ADDR, 0x010
        CHKIA   PGMOLD, i10+4, 0x011
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r3, 0x060
        PASS

        .balign 4
four:   .long   4
        GUEST_END
