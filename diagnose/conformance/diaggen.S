/*
 * diaggen.S - the rules every DIAGNOSE code shares (DIAGNOSE.md section 1).
 * PASS X'0C0D3F'; FAIL X'BADnnn' with the check numbers below.
 *
 * In the problem state DIAGNOSE is a privileged-operation exception (0002),
 * whatever the code, before its code is looked at, and suppressed: the
 * registers and condition code stay. In the supervisor state, a code that
 * is not a multiple of 4, one above X'1FC' or one CP does not implement is
 * a specification exception (0006). The code is the second-operand
 * address: base register plus displacement, 24 bits, so a base register
 * can carry it. X'60' (storage size into Rx) serves as the valid code.
 */
#include "diag.inc"

        GUEST_START 0x3F

/* ---- problem state: 0002 for a valid code, an unassigned one, an odd one */
        LV      %r2, 0x12345678
        SETNEW  PGMNEW, c1
        GOPSW   PSW_PROB, p1
p1:     SETCC   1
i1:     DIAG    %r2, %r3, 0x060
        .short  0x0000
c1:     CHKPSW  PGMOLD, 0x00010002, 0x90000000+i1+4, 0x001  /* ILC 2, cc 1 */
        CHKR    %r2, 0x12345678, 0x002                       /* Rx unchanged */
        SETNEW  PGMNEW, c3
        GOPSW   PSW_PROB, p3
p3:     SETCC   0
i3:     DIAG    %r2, %r3, 0x1FC
        .short  0x0000
c3:     CHKPSW  PGMOLD, 0x00010002, 0x80000000+i3+4, 0x003
        SETNEW  PGMNEW, c4
        GOPSW   PSW_PROB, p4
p4:     SETCC   2
i4:     DIAG    %r2, %r3, 0x002
        .short  0x0000
c4:     CHKPSW  PGMOLD, 0x00010002, 0xA0000000+i4+4, 0x004
        DEFAULT_NEW

/* ---- supervisor state: codes that are no code ---------------------- */
        PGMCHK  PGM_SPEC, 0x010, %r2, %r3, 0x002     /* not a multiple of 4 */
        PGMCHK  PGM_SPEC, 0x013, %r2, %r3, 0x001
        PGMCHK  PGM_SPEC, 0x016, %r2, %r3, 0x0FC     /* IBM's, not implemented */
        PGMCHK  PGM_SPEC, 0x019, %r2, %r3, 0x100     /* the installation's */
        PGMCHK  PGM_SPEC, 0x01C, %r2, %r3, 0x1FC
        PGMCHK  PGM_SPEC, 0x01F, %r2, %r3, 0x200     /* above the range */
        PGMCHK  PGM_SPEC, 0x022, %r2, %r3, 0xFFC
        CHKR    %r2, 0x12345678, 0x025               /* nothing changed */

/* ---- the code is base + displacement, 24 bits ---------------------- */
        LV      %r5, 0x1000
        SETNEW  PGMNEW, c30
        SETCC   3
i30:    .insn   rs,0x83000000,%r2,%r3,0x060(%r5)    /* X'1060': no code */
        .short  0x0000
c30:    CHKH    PGMOLD+2, PGM_SPEC, 0x030
        CHKIA   PGMOLD, i30+4, 0x031
        DEFAULT_NEW
        LV      %r5, 0x40
        LV      %r3, 0xCAFE
        SETCC   1
        .insn   rs,0x83000000,%r2,%r3,0x020(%r5)    /* X'60' */
        EXPECTCC 1, 0x032                            /* X'60' sets no cc */
        CHKR    %r2, STORSIZE, 0x033
        CHKR    %r3, 0xCAFE, 0x034                   /* Ry unchanged */
        LV      %r2, 0
        LV      %r5, 0xFF000060                      /* bits 0-7 are not the code's */
        .insn   rs,0x83000000,%r2,%r3,0(%r5)
        CHKR    %r2, STORSIZE, 0x035
        /* Rx = Ry is allowed: the register gets the size */
        LV      %r7, 0
        DIAG    %r7, %r7, 0x060
        CHKR    %r7, STORSIZE, 0x036
        PASS
        GUEST_END
