/*
 * diag1c.S - DIAGNOSE X'1C', clear error-recording cylinders (DIAGNOSE.md
 * 3.8), as a user of class F (MAINT).
 * PASS X'0C0D47'; FAIL X'BADnnn' with the check numbers below.
 *
 * Bits 24-31 of Rx: X'01' or X'02'; CP keeps no error records, so a valid
 * request just completes, changing no register and no condition code.
 * Any other value is a specification exception.
 */
#include "diag.inc"

        GUEST_START 0x47

        la      %r2,1
        LV      %r3, 0x33333333
        SETCC   3
        DIAG    %r2, %r3, 0x01C
        EXPECTCC 3, 0x001
        CHKR    %r2, 1, 0x002
        CHKR    %r3, 0x33333333, 0x003
        la      %r2,2
        SETCC   0
        DIAG    %r2, %r3, 0x01C
        EXPECTCC 0, 0x004
        LV      %r2, 0xFFFFFF01                 /* bits 0-23 do not count */
        DIAG    %r2, %r3, 0x01C
        CHKR    %r2, 0xFFFFFF01, 0x005
        la      %r2,0
        PGMCHK  PGM_SPEC, 0x010, %r2, %r3, 0x01C
        la      %r2,3
        PGMCHK  PGM_SPEC, 0x013, %r2, %r3, 0x01C
        LV      %r2, 0x00000200
        PGMCHK  PGM_SPEC, 0x016, %r2, %r3, 0x01C    /* X'02', but in bits 16-23 */
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r3, 0x01C
        PASS
        GUEST_END
