/*
 * diag3c.S - DIAGNOSE X'3C', dynamic directory update (DIAGNOSE.md 3.11):
 * a directory program in miniature. It runs in MAINT's machine in
 * test_diagnose.py, whose directory gives MAINT the directory area of the
 * system residence volume as a minidisk, writes the pages of a directory
 * area (made by `cpvol direct --drct`) onto it, and asks CP to use them.
 * PASS X'0C0D4F'; FAIL X'BADnnn' with the check numbers below.
 *
 * The cards after the deck: a control card, then the pages, 80 bytes to a
 * card (the last padded):
 *    0  4  "DRCT" in EBCDIC
 *    4  4  the number of pages, 1-32
 *    8  4  4 KB records per track, 1-16
 *   12  4  tracks per cylinder
 *   16  2  the minidisk's address
 *   18  6  the label of the volume whose area it is
 *   24  6  the label of a volume that is mounted and has no directory area
 *   30  2  zero
 *   32  4  the condition code X'3C' gives before the pages are written
 *          (-1: not checked)
 *   36  4  ... and after
 *
 * Checks: in the problem state X'3C' is a privileged operation; a label
 * no volume has, and the volume without a directory area: cc 2; the
 * registers never change, and bits 16-31 of Ry are not looked at. Then
 * X'3C' on the volume gives the card's condition codes, before and after
 * the pages are written: track by track, a Search ID Equal on R0 and a
 * Write Count, Key and Data of R1 ... Rk (count field and page in one
 * area), so each track is formatted as cpvol formats the area.
 */
#include "diag.inc"

        GUEST_START 0x4F

        .equ    BUF, 0x40000            /* the pages */
        .equ    STAGE, 0x60000          /* a track's records: count field, page */
        .equ    MAXPAGES, 32
        .equ    MAXRECS, 16

/* EXPECTCCR reg, n: fail unless the condition code is the value (0-3) in
 * reg; the check that fails is n + 4 + the condition code found. Uses R1. */
        .macro  EXPECTCCR reg, n
        la      %r1,0
        bc      8,.Lcc\@-base(%r12)
        la      %r1,1
        bc      4,.Lcc\@-base(%r12)
        la      %r1,2
        bc      2,.Lcc\@-base(%r12)
        la      %r1,3
.Lcc\@:  cr      %r1,\reg
        be      .Lok\@-base(%r12)
        la      %r1,\n+4(%r1)
        b       gfail-base(%r12)
.Lok\@:
        .endm

/* VOLDIAG label: DIAGNOSE X'3C' with the 6 characters at label, Ry bits
 * 16-31 X'ABCD'; R2, R3 as given (vol, vol+4 hold them). */
        .macro  VOLDIAG label
        mvc     vol-base(6,%r12),\label-base(%r12)
        l       %r2,vol-base(%r12)
        l       %r3,vol+4-base(%r12)
        SETCC   1
        DIAG    %r2, %r3, 0x03C
        .endm

/* REGSAME n: R2, R3 as VOLDIAG set them. Checks n, n+1. */
        .macro  REGSAME n
        c       %r2,vol-base(%r12)
        FAILNE  \n
        c       %r3,vol+4-base(%r12)
        FAILNE  \n+1
        .endm

        PROBCHK 0x0F0, %r2, %r3, 0x03C
        PARMCARD ctl, 0x001
        clc     ctl-base(4,%r12),magic-base(%r12)
        FAILNE  0x004
        l       %r6,ctl+4-base(%r12)    /* R6: pages */
        ltr     %r6,%r6
        FAILIF  CC0+CC1, 0x005
        LV      %r1, MAXPAGES
        cr      %r6,%r1
        FAILIF  CC2, 0x006
        l       %r1,ctl+8-base(%r12)
        ltr     %r1,%r1
        FAILIF  CC0+CC1, 0x007
        la      %r0,MAXRECS
        cr      %r1,%r0
        FAILIF  CC2, 0x008

/* ---- no such volume, no directory area: cc 2 -------------------------- */
        VOLDIAG nosuch
        EXPECTCC 2, 0x010
        REGSAME 0x011
        VOLDIAG ctl+24
        EXPECTCC 2, 0x013
        REGSAME 0x014

/* ---- the volume, before the pages are written --------------------------- */
        l       %r4,ctl+32-base(%r12)
        VOLDIAG ctl+18
        ltr     %r4,%r4                 /* -1: whatever the area holds */
        bm      1f-base(%r12)
        EXPECTCCR %r4, 0x020
1:      REGSAME 0x028

/* ---- the pages from the cards ------------------------------------------- */
        lr      %r9,%r6
        sll     %r9,12
        la      %r9,79(%r9)
        sr      %r8,%r8
        d       %r8,eighty-base(%r12)   /* R9: cards */
        LV      %r5, BUF
rdloop: st      %r5,rccw-base(%r12)
        mvi     rccw-base(%r12),0x02    /* read */
        la      %r3,rccw-base(%r12)
        lh      %r2,IPLDEV
        la      %r15,0x0C0
        bal     %r14,doio-base(%r12)
        la      %r5,80(%r5)
        bct     %r9,rdloop-base(%r12)

/* ---- ... onto the minidisk, track by track ------------------------------ */
        sr      %r11,%r11               /* R11: the track */
        LV      %r10, BUF               /* R10: the next page */
trk:    sr      %r8,%r8
        lr      %r9,%r11
        d       %r8,ctl+12-base(%r12)   /* R9: cylinder, R8: head */
        sth     %r9,seekarg+2-base(%r12)
        sth     %r8,seekarg+4-base(%r12)
        sth     %r9,srcharg-base(%r12)
        sth     %r8,srcharg+2-base(%r12)
        mvi     srcharg+4-base(%r12),0  /* R0 */
        la      %r4,wccws-base(%r12)
        LV      %r13, STAGE
        la      %r3,1                   /* R3: the record */
rec:    sth     %r9,0(%r13)             /* its count field: CCHHR, KL 0, DL 4096 */
        sth     %r8,2(%r13)
        stc     %r3,4(%r13)
        mvi     5(%r13),0
        mvc     6(2,%r13),h4096-base(%r12)
        la      %r14,8(%r13)            /* the page right after it */
        l       %r15,f4096-base(%r12)
        lr      %r0,%r10
        lr      %r1,%r15
        mvcl    %r14,%r0
        st      %r13,0(%r4)             /* Write CKD, command chained */
        mvi     0(%r4),0x1D
        mvc     4(4,%r4),ccflags-base(%r12)
        la      %r4,8(%r4)
        a       %r13,f4104-base(%r12)
        a       %r10,f4096-base(%r12)
        bctr    %r6,0
        ltr     %r6,%r6
        bz      1f-base(%r12)
        la      %r3,1(%r3)
        c       %r3,ctl+8-base(%r12)
        bnh     rec-base(%r12)
1:      lr      %r1,%r4                 /* the last CCW ends the chain */
        sh      %r1,h8-base(%r12)
        ni      4(%r1),0xBF
        la      %r3,chain-base(%r12)
        lh      %r2,ctl+16-base(%r12)
        la      %r15,0x0D0
        bal     %r14,doio-base(%r12)
        la      %r11,1(%r11)
        ltr     %r6,%r6
        bnz     trk-base(%r12)

/* ---- the volume, after ---------------------------------------------------- */
        l       %r4,ctl+36-base(%r12)
        VOLDIAG ctl+18
        EXPECTCCR %r4, 0x030
        REGSAME 0x038
        PASS

/*
 * doio: run the channel program at R3 on the device at R2 and return (BR
 * R14) when it has ended with channel end and device end and no error.
 * Its checks are R15 + 0 to R15 + 4. Uses R0, R1.
 */
        .macro  FAILR k
        la      %r1,\k(%r15)
        b       gfail-base(%r12)
        .endm

doio:   st      %r3,CAW
        SETNEW  IONEW, 2f
        .insn   s,0x9c000000,0(%r2)     /* SIO */
        bc      8,3f-base(%r12)
        FAILR   0
3:      GOPSW   0xFE000000+PSW_WAIT, 2f /* every channel */
2:      lh      %r1,IOOLD+2
        cr      %r1,%r2
        be      4f-base(%r12)
        FAILR   1
4:      tm      CSW+4,0x03              /* unit check, unit exception (no card) */
        bz      5f-base(%r12)
        tm      CSW+4,0x02              /* unit check: the sense bytes to X'300' */
        bz      8f-base(%r12)
        mvc     CAW(4,%r0),sensecaw-base(%r12)
        SETNEW  IONEW, 8f
        .insn   s,0x9c000000,0(%r2)     /* SIO */
        GOPSW   0xFE000000+PSW_WAIT, 8f
8:      FAILR   2
5:      tm      CSW+5,0xFF
        bz      6f-base(%r12)
        FAILR   3
6:      tm      CSW+4,0x0C              /* channel end and device end */
        bo      7f-base(%r12)
        FAILR   4
7:      DEFAULT_NEW
        br      %r14

        .balign 8
chain:  CCW     0x07, seekarg, 0x40, 6  /* seek */
        CCW     0x31, srcharg, 0x40, 5  /* search ID equal */
        CCW     0x08, chain+8, 0x00, 0  /* TIC back to it */
wccws:  .fill   MAXRECS*8, 1, 0
rccw:   CCW     0x02, 0, 0x20, 80       /* a card */
sensecw: CCW    0x04, 0x300, 0x20, 32   /* sense */
sensecaw: .long sensecw
ctl:    .fill   80, 1, 0
vol:    .byte   0, 0, 0, 0, 0, 0, 0xAB, 0xCD
seekarg: .fill  8, 1, 0
srcharg: .fill  8, 1, 0
eighty: .long   80
f4096:  .long   4096
f4104:  .long   4104
ccflags: .long  0x40001008
magic:  .byte   0xC4, 0xD9, 0xC3, 0xE3  /* DRCT */
nosuch: .byte   0xD5, 0xD6, 0xE2, 0xE4, 0xC3, 0xC8 /* NOSUCH */
h4096:  .short  4096
h8:     .short  8
        GUEST_END
