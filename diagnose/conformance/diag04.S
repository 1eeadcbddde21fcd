/*
 * diag04.S - DIAGNOSE X'04', examine real storage (DIAGNOSE.md 3.2), as a
 * user of class C or E (MAINT).
 * PASS X'0C0D41'; FAIL X'BADnnn' with the check numbers below.
 *
 * Rx points at a list of Ry host real addresses, Ry+1 at the result
 * area; CP stores the fullword at each address. The four words of CP's
 * nucleus at X'10000' are left at X'20000': the test compares them with
 * build/cp/cpnuc.bin. The list and the result area must each be on a
 * fullword within one page, Ry at most 1024 and not R15, every entry a
 * multiple of 4 (specification); the areas within the machine's storage,
 * the entries within the host's (addressing). Nothing is stored then.
 */
#include "diag.inc"

        .equ    RES, 0x20000                    /* results the test reads */
        .equ    RES2, 0x20100                   /* results that must not come */
        .equ    LIST, 0x21000

        GUEST_START 0x41

        FILL    RES, 0x200, 0xEE
        LV      %r2, LIST
        mvc     0(16,%r2),nuc-base(%r12)
        LV      %r5, RES
        la      %r4,4
        SETCC   1
        DIAG    %r2, %r4, 0x004
        EXPECTCC 1, 0x001
        CHKR    %r2, LIST, 0x002
        CHKR    %r4, 4, 0x003
        CHKR    %r5, RES, 0x004
        l       %r6,0(%r5)
        c       %r6,eeee-base(%r12)
        FAILEQ  0x005                           /* stored */
        l       %r6,12(%r5)
        c       %r6,eeee-base(%r12)
        FAILEQ  0x006
        CHKW    16(%r5), 0xEEEEEEEE, 0x007      /* four words, no more */
        /* the same address twice: the same word */
        mvc     0(4,%r2),nuc-base(%r12)
        mvc     4(4,%r2),nuc-base(%r12)
        LV      %r5, RES2
        la      %r4,2
        DIAG    %r2, %r4, 0x004
        clc     0(4,%r5),4(%r5)
        FAILNE  0x008
        LV      %r6, RES
        clc     0(4,%r5),0(%r6)
        FAILNE  0x009
        /* Ry = 0: nothing */
        FILL    RES2, 16, 0xEE
        la      %r4,0
        DIAG    %r2, %r4, 0x004
        CHKW    0(%r5), 0xEEEEEEEE, 0x00A

/* ---- errors: each leaves RES2 alone --------------------------------- */
        LV      %r5, RES2
        LV      %r15, 1
        PGMCHK  PGM_SPEC, 0x010, %r2, %r15, 0x004   /* Ry = 15 */
        LV      %r4, 1025
        PGMCHK  PGM_SPEC, 0x013, %r2, %r4, 0x004
        la      %r4,2
        LV      %r2, LIST+0xFFC                 /* the list crosses a page */
        PGMCHK  PGM_SPEC, 0x016, %r2, %r4, 0x004
        LV      %r2, LIST
        LV      %r5, RES+0xFFC                  /* the results cross one */
        PGMCHK  PGM_SPEC, 0x019, %r2, %r4, 0x004
        LV      %r5, RES2
        LV      %r2, LIST+2                     /* not on a fullword */
        la      %r4,1
        PGMCHK  PGM_SPEC, 0x01C, %r2, %r4, 0x004
        LV      %r2, LIST
        LV      %r5, RES2+1
        PGMCHK  PGM_SPEC, 0x01F, %r2, %r4, 0x004
        LV      %r5, RES2
        mvc     4(4,%r2),odd-base(%r12)         /* an entry not a multiple of 4 */
        la      %r4,2
        PGMCHK  PGM_SPEC, 0x022, %r2, %r4, 0x004
        mvc     4(4,%r2),far-base(%r12)         /* an entry beyond the host's storage */
        PGMCHK  PGM_ADDR, 0x025, %r2, %r4, 0x004
        la      %r4,1
        LV      %r2, STORSIZE                   /* the list beyond the machine's */
        PGMCHK  PGM_ADDR, 0x028, %r2, %r4, 0x004
        LV      %r2, LIST
        LV      %r5, STORSIZE                   /* the results too */
        PGMCHK  PGM_ADDR, 0x02B, %r2, %r4, 0x004
        LV      %r5, RES2
        CHKW    0(%r5), 0xEEEEEEEE, 0x02E
        CHKW    4(%r5), 0xEEEEEEEE, 0x02F

/* ---- the results may replace the list ------------------------------- */
        mvc     0(8,%r2),nuc-base(%r12)
        lr      %r5,%r2
        la      %r4,2
        DIAG    %r2, %r4, 0x004
        LV      %r6, RES
        clc     0(8,%r2),0(%r6)
        FAILNE  0x030
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r4, 0x004
        PASS

        .balign 4
nuc:    .long   0x10000, 0x10004, 0x10008, 0x1000C
eeee:   .long   0xEEEEEEEE
odd:    .long   0x10002
far:    .long   0x7FFFFFFC
        GUEST_END
