/*
 * ecbc.S - switching between BC and EC mode, and where each mode puts
 * interruption codes.
 * PASS X'0C0D08'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000 chapters 4 and 6):
 *  - PSW bit 12 selects EC mode; LPSW and interruption new PSWs switch
 *    in either direction. The mode of the old PSW decides where an
 *    interruption's code goes: BC mode in old-PSW bits 16-31 (SVC: with
 *    the ILC in bits 32-33), EC mode in low storage (SVC X'8A', program
 *    X'8E', external X'86'), which BC-mode interruptions leave alone.
 *  - An EC-mode PSW with a one in bits 0, 2-4, 17 or 24-39 is invalid: a
 *    specification exception (0006) is recognized as soon as it is
 *    loaded; after LPSW the ILC is 0.
 *  - External interruptions: interval timer X'0080' (CR0 bit 24), an
 *    event kept pending until taken; clock comparator X'1004' (CR0 bit
 *    20), a condition that stays while the TOD clock is past the
 *    comparator, so it interrupts again as soon as it is enabled.
 */
#include "s370.inc"

        GUEST_START 0x08

        lctl    %c0,%c0,cr0_none-base(%r12)

/* ---- LPSW BC -> EC: an SVC shows EC mode ---------------------------------- */
        SETNEW  SVCNEW, sv1
        mvc     SVCID(4,%r0),ffs-base(%r12)
        GOPSW   PSW_EC, e1
e1:     svc     1
        FAIL    0x001
sv1:    CHKPSW  SVCOLD, 0x00080000, e1+2, 0x002 /* EC: no code in the PSW */
        CHKW    SVCID, 0x00020001, 0x003

/* ---- LPSW EC -> BC -------------------------------------------------------- */
        SETNEW  SVCNEW, sv2
        mvc     SVCID(4,%r0),ffs-base(%r12)
        GOPSW   PSW_EC, e2
e2:     GOPSW   0, b2
b2:     svc     2
        FAIL    0x010
sv2:    CHKPSW  SVCOLD, 0x00000002, 0x40000000+b2+2, 0x011 /* BC: code, ILC 1 */
        CHKW    SVCID, 0xFFFFFFFF, 0x012

/* ---- an EC-mode new PSW: from BC into EC through an interruption ---------- */
        SETNEW  SVCNEW, sv3, PSW_EC
b3:     svc     3
        FAIL    0x020
sv3:    CHKPSW  SVCOLD, 0x00000003, 0x40000000+b3+2, 0x021
        SETNEW  SVCNEW, sv4
e4:     svc     4                       /* running in EC mode now */
        FAIL    0x022
sv4:    CHKPSW  SVCOLD, 0x00080000, e4+2, 0x023
        CHKW    SVCID, 0x00020004, 0x024

/* ---- an invalid EC-mode PSW ------------------------------------------------ */
        SETNEW  PGMNEW, f1
        mvc     PGMID(4,%r0),ffs-base(%r12)
        lpsw    badpsw-base(%r12)
        FAIL    0x030
f0:     FAIL    0x031                   /* ran with the bad PSW */
f1:     CHKH    PGMCODE, 0x0006, 0x032
        CHKB    PGMILC, 0, 0x033        /* ILC 0 after LPSW */
        /* the old PSW is the invalid PSW as it was loaded */
        CHKPSW  PGMOLD, PSW_EC, 0x80000000+f0, 0x034

/* ---- interval timer: BC, then EC ------------------------------------------- */
        lctl    %c0,%c0,cr0_itim-base(%r12)
        SETNEW  EXTNEW, drained         /* drop an interruption left from IPL */
        ssm     extmask-base(%r12)
        l       %r15,turns-base(%r12)
1:      bct     %r15,1b-base(%r12)
        ssm     zero-base(%r12)
drained:
        mvc     EXTCODE(2,%r0),ffs-base(%r12)
        l       %r2,it5ms-base(%r12)
        st      %r2,ITIMER
        SETNEW  EXTNEW, x1
        GOPSW   PSW_EXT+PSW_WAIT, w1
w1:     FAIL    0x040
x1:     CHKW    EXTOLD, 0x01020080, 0x041 /* BC: code in the PSW */
        CHKIA   EXTOLD, w1, 0x042
        CHKH    EXTCODE, 0xFFFF, 0x043  /* and not at X'86' */
        l       %r2,it5ms-base(%r12)
        st      %r2,ITIMER
        SETNEW  EXTNEW, x2
        GOPSW   PSW_EC+PSW_EXT+PSW_WAIT, w2
w2:     FAIL    0x044
x2:     CHKPSW  EXTOLD, 0x010A0000, w2, 0x045 /* EC: not in the PSW */
        CHKH    EXTCODE, 0x0080, 0x046  /* but at X'86' */
        lctl    %c0,%c0,cr0_none-base(%r12)

/* ---- clock comparator: BC, then EC while the condition stays --------------- */
        stck    tod-base(%r12)
        lm      %r2,%r3,tod-base(%r12)
        al      %r3,ms1-base(%r12)
        bc      12,2f-base(%r12)
        al      %r2,one-base(%r12)
2:      stm     %r2,%r3,tod-base(%r12)
        sckc    tod-base(%r12)          /* now + 1 ms */
        lctl    %c0,%c0,cr0_ckc-base(%r12)
        mvc     EXTCODE(2,%r0),ffs-base(%r12)
        SETNEW  EXTNEW, x3
        GOPSW   PSW_EXT+PSW_WAIT, w3
w3:     FAIL    0x050
x3:     CHKW    EXTOLD, 0x01021004, 0x051
        CHKH    EXTCODE, 0xFFFF, 0x052
        SETNEW  EXTNEW, x4
        l       %r15,turns-base(%r12)
        GOPSW   PSW_EC+PSW_EXT, e5      /* enabled, not waiting */
e5:     bct     %r15,e5-base(%r12)      /* still pending: taken here */
        FAIL    0x053
x4:     CHKH    EXTCODE, 0x1004, 0x054
        tm      EXTOLD+1,0x08
        EXPECTCC 3, 0x055               /* the old PSW is the EC one */
        sckc    ffs-base(%r12)
        lctl    %c0,%c0,cr0_none-base(%r12)
        PASS

        .balign 8
badpsw: .long   PSW_EC, 0x80000000 + f0 /* bit 32 on: invalid in EC mode */
tod:    .quad   0
ffs:    .long   0xFFFFFFFF, 0xFFFFFFFF
ms1:    .long   1000 << 12
one:    .long   1
turns:  .long   20000
it5ms:  .long   384                     /* interval timer: 76800 a second */
cr0_none: .long 0x00000000
cr0_ckc: .long  0x00000800              /* bit 20 */
cr0_itim: .long 0x00000080              /* bit 24 */
extmask: .byte  0x01
zero:   .byte   0x00

        GUEST_END
