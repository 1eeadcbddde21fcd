/*
 * diag0c.S - DIAGNOSE X'0C', pseudo timer (DIAGNOSE.md 3.4).
 * PASS X'0C0D43'; FAIL X'BADnnn' with the check numbers below.
 *
 * CP stores 32 bytes at Rx (a doubleword address): "MM/DD/YY", "HH:MM:SS",
 * the virtual CPU time and the total CPU time in microseconds (unsigned
 * doublewords). No register or condition code changes. The area of the
 * first call stays at X'20000': the test compares its date with QUERY
 * TIME. Here: the shape of date and time, times that are not zero, total
 * not below virtual, and times that do not go back between two calls.
 */
#include "diag.inc"

        .equ    AREA, 0x20000

        GUEST_START 0x43

        FILL    AREA, 0x80, 0xEE
        LV      %r2, AREA
        LV      %r3, 0x5A5A5A5A
        SETCC   2
        DIAG    %r2, %r3, 0x00C
        EXPECTCC 2, 0x001
        CHKR    %r2, AREA, 0x002
        CHKR    %r3, 0x5A5A5A5A, 0x003
        CHKW    32(%r2), 0xEEEEEEEE, 0x004      /* 32 bytes, no more */
        /* the date and time: digits where the template has 0 */
        sr      %r4,%r4
shape:  la      %r5,0(%r4,%r2)
        la      %r6,tmpl-base(%r12)
        ar      %r6,%r4
        cli     0(%r6),0
        bne     punct-base(%r12)
        cli     0(%r5),0xF0
        FAILIF  CC1, 0x005                      /* below '0' */
        cli     0(%r5),0xF9
        FAILIF  CC2, 0x006                      /* above '9' */
        b       nextc-base(%r12)
punct:  clc     0(1,%r5),0(%r6)
        FAILNE  0x007
nextc:  la      %r4,1(%r4)
        c       %r4,sixteen-base(%r12)
        bl      shape-base(%r12)
        /* the times */
        lm      %r6,%r7,16(%r2)                 /* virtual */
        or      %r6,%r7
        FAILEQ  0x008                           /* some time has been used */
        clc     24(8,%r2),16(%r2)
        FAILIF  CC1, 0x009                      /* total >= virtual */
        /* a second call: neither time goes back */
        LV      %r2, AREA+0x40
        DIAG    %r2, %r3, 0x00C
        LV      %r4, AREA
        clc     16(8,%r2),16(%r4)
        FAILIF  CC1, 0x00A
        clc     24(8,%r2),24(%r4)
        FAILIF  CC1, 0x00B

/* ---- errors ------------------------------------------------------------ */
        FILL    AREA+0x40, 0x40, 0xEE
        LV      %r2, AREA+0x44                  /* not on a doubleword */
        PGMCHK  PGM_SPEC, 0x010, %r2, %r3, 0x00C
        LV      %r2, STORSIZE-24                /* the area runs off storage */
        PGMCHK  PGM_ADDR, 0x013, %r2, %r3, 0x00C
        LV      %r4, AREA+0x40
        CHKW    4(%r4), 0xEEEEEEEE, 0x016
        LV      %r2, STORSIZE-32                /* the last 32 bytes: fine */
        DIAG    %r2, %r3, 0x00C
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r3, 0x00C
        PASS

        .balign 4
sixteen: .long  16
tmpl:   .byte   0, 0, 0x61, 0, 0, 0x61, 0, 0        /* MM/DD/YY */
        .byte   0, 0, 0x7A, 0, 0, 0x7A, 0, 0        /* HH:MM:SS */
        GUEST_END
