/*
 * diag10.S - DIAGNOSE X'10', release pages (DIAGNOSE.md 3.5).
 * PASS X'0C0D44'; FAIL X'BADnnn' with the check numbers below.
 *
 * Rx and Ry are the first and last page; afterwards those pages read as
 * zeros, their neighbours are untouched, and their frames have gone back
 * to CP: INDICATE (by DIAGNOSE X'08') shows fewer resident pages (RES-nnnn)
 * than before. Addresses not on a page, Ry below Rx: specification; the
 * last page beyond storage: addressing; nothing is released then.
 */
#include "diag.inc"

        .equ    PAGES, 0x40000                  /* four pages of X'5A' */
        .equ    BUF, 0x10000

        GUEST_START 0x44

        FILL    PAGES, 0x4000, 0x5A
        bal     %r14,indicate-base(%r12)
        mvc     before-base(4,%r12),11(%r6)     /* RES-nnnn before */
        LV      %r2, PAGES+0x1000
        LV      %r3, PAGES+0x2000
        SETCC   1
        DIAG    %r2, %r3, 0x010
        EXPECTCC 1, 0x001
        CHKR    %r2, PAGES+0x1000, 0x002
        CHKR    %r3, PAGES+0x2000, 0x003
        bal     %r14,indicate-base(%r12)
        clc     11(4,%r6),before-base(%r12)
        FAILIF  CC0+CC2, 0x004                  /* fewer pages resident now */
        /* the two pages read as zeros */
        LV      %r6, PAGES+0x1000
        LV      %r7, 0x2000
        sr      %r8,%r8
        sr      %r9,%r9                         /* pad X'00' */
        clcl    %r6,%r8
        FAILNE  0x005
        /* their neighbours are as they were */
        LV      %r6, PAGES
        CHKB    0(%r6), 0x5A, 0x006
        CHKB    0xFFF(%r6), 0x5A, 0x007
        LV      %r6, PAGES+0x3000
        CHKB    0(%r6), 0x5A, 0x008
        CHKB    0xFFF(%r6), 0x5A, 0x009
        /* one page, Rx = Ry, and a page never touched */
        LV      %r2, PAGES+0x3000
        DIAG    %r2, %r2, 0x010
        CHKB    0(%r2), 0x00, 0x00A
        LV      %r2, 0x80000
        DIAG    %r2, %r2, 0x010
        CHKB    0(%r2), 0x00, 0x00B
        LV      %r2, STORSIZE-0x1000            /* the last page */
        DIAG    %r2, %r2, 0x010

/* ---- errors: nothing released ------------------------------------------ */
        LV      %r2, PAGES+0x800
        LV      %r3, PAGES
        PGMCHK  PGM_SPEC, 0x010, %r2, %r3, 0x010    /* Rx not a page */
        LV      %r2, PAGES
        LV      %r3, PAGES+4
        PGMCHK  PGM_SPEC, 0x013, %r2, %r3, 0x010    /* Ry not a page */
        LV      %r2, PAGES+0x1000
        LV      %r3, PAGES
        PGMCHK  PGM_SPEC, 0x016, %r2, %r3, 0x010    /* Ry below Rx */
        LV      %r2, PAGES
        LV      %r3, STORSIZE
        PGMCHK  PGM_ADDR, 0x019, %r2, %r3, 0x010    /* beyond storage */
        LV      %r6, PAGES
        CHKB    0(%r6), 0x5A, 0x01C
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r3, 0x010
        PASS

/* INDICATE into BUF; R6 = BUF, checked to start "PAGES: RES-". */
indicate:
        la      %r2,indcmd-base(%r12)
        LV      %r3, BUF
        LV      %r4, 0x40000000+indcmd_len
        LV      %r5, 256
        DIAG    %r2, %r4, 0x008
        EXPECTCC 0, 0x020
        CHKR    %r4, 0, 0x021
        LV      %r6, BUF
        clc     0(pages_len,%r6),pages-base(%r12)
        FAILNE  0x022
        br      %r14

        .balign 4
before: .long   0
indcmd: .byte  0xC9, 0xD5, 0xC4, 0xC9, 0xC3, 0xC1, 0xE3, 0xC5  /* INDICATE */
        .equ    indcmd_len, 8
pages: .byte  0xD7, 0xC1, 0xC7, 0xC5, 0xE2, 0x7A, 0x40, 0xD9, 0xC5, 0xE2, 0x60  /* PAGES: RES- */
        .equ    pages_len, 11
        GUEST_END
