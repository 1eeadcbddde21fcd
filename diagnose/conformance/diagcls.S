/*
 * diagcls.S - privilege classes, as USER01 (class G only): DIAGNOSE.md
 * section 1. PASS X'0C0D80'; FAIL X'BADnnn' with the check numbers below.
 *
 * A code reserved to classes the user has none of is a specification
 * exception, like a code that does not exist: X'04' (classes C, E),
 * X'1C' (class F) and X'3C' (classes A, B, C). X'00' (any class) works and names the user. The
 * commands of X'08' run with the user's classes: FORCE (class A) is
 * answered as an unknown command, return code 1.
 */
#include "diag.inc"

        GUEST_START 0x80

        LV      %r2, 0x21000
        la      %r4,1
        LV      %r5, 0x20000
        mvc     0(4,%r2),nuc-base(%r12)
        PGMCHK  PGM_SPEC, 0x001, %r2, %r4, 0x004
        la      %r2,1
        PGMCHK  PGM_SPEC, 0x004, %r2, %r3, 0x01C
        mvc     area-base(8,%r12),label-base(%r12) /* a volume that exists */
        l       %r2,area-base(%r12)
        l       %r3,area+4-base(%r12)
        PGMCHK  PGM_SPEC, 0x00A, %r2, %r3, 0x03C
        la      %r2,area-base(%r12)
        la      %r3,32
        DIAG    %r2, %r3, 0x000
        clc     area+16-base(8,%r12),user-base(%r12)
        FAILNE  0x007
        la      %r2,force-base(%r12)
        LV      %r4, force_len
        DIAG    %r2, %r4, 0x008
        CHKR    %r4, 1, 0x008
        PASS

        .balign 8
area:   .fill   32, 1, 0
nuc:    .long   0x10000
label:  .byte   0xC3, 0xD7, 0xE2, 0xE8, 0xE2, 0xF1, 0x00, 0x00   /* CPSYS1 */
user:   .byte   0xE4, 0xE2, 0xC5, 0xD9, 0xF0, 0xF1, 0x40, 0x40   /* USER01 */
force: .byte  0xC6, 0xD6, 0xD9, 0xC3, 0xC5, 0x40, 0xD4, 0xC1, 0xC9, 0xD5, 0xE3  /* FORCE MAINT */
        .equ    force_len, 11
        GUEST_END
