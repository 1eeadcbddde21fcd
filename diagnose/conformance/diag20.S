/*
 * diag20.S - DIAGNOSE X'20', general I/O (DIAGNOSE.md 3.9), in the machine
 * of test_diagnose.py's user DIAGIO: a 3350 minidisk of 5 cylinders at 191
 * (read-write). PASS X'0C0D48'; FAIL X'BADnnn' with the check numbers below.
 *
 * Channel programs like those of tests/guests/mdisk.S, run by X'20' on
 * cylinder 1 head 5 of the minidisk: Write CKD of R1-R3 (32 bytes) and of
 * an end-of-file record R4 after a search for R0; Read Data of R1-R3, with
 * data chaining, Read Count; R2 read back by the program's own SIO too.
 * cc 0 leaves every register alone (R15 too) and stores the CSW at X'40';
 * the key in Ry bits 0-3 is the key of the channel program (the CSW's key,
 * protection against storage keys); bits 0-19 of Rx are ignored. Then
 * the errors: cc 1 no such device (R15 1) and the device busy with an
 * SIO's interruption pending (R15 5), nothing stored; cc 2 with the CSW:
 * incorrect length without SLI (R15 3), unit exception reading the
 * end-of-file record (R15 2); cc 3, R15 13 with the CSW: unit check (a
 * seek beyond the disk: Ry = X'00008000', command reject; a record that
 * is not there: Ry = X'00000008', no record found), a program check (the
 * first CCW beyond storage, a TIC there) and a protection check (Ry =
 * 0), and the console, neither tape nor DASD (Ry = 0); key bits 4-7 of Ry
 * not zero: specification exception; the problem state: privileged
 * operation. No I/O interruption follows an X'20' (TIO cc 0).
 */
#include "diag.inc"

        .equ    DISK, 0x191
        .equ    NODEV, 0x5FF
        .equ    CONS, 0x009
        .equ    DLEN, 32                        /* the records' data */
        .equ    KEYPG, 0x30000                  /* a page with storage key 3 */

/* D20 dev, ry, cc, rc, ryout, csw0, csws, how, n: DIAGNOSE X'20' with Rx
 * (R2) = dev and Ry (R4) = ry must give condition code cc, R15 = rc (X'FF':
 * R15 unchanged), Ry = ryout, R2 and R3, R5 unchanged; the CSW at X'40'
 * (X'FF's before) by `how`: 0 unchanged, 1 the first word csw0 and the
 * status halfword csws, 2 those and count 0, 3 the channel status bits of
 * csws' low byte on, 4 not looked at. Checks n (cc), n+1 (R15), n+2 (Rx),
 * n+3 (Ry), n+4 (R3, R5), n+5 and n+6 (the CSW). */
        .macro  D20 dev, ry, cc, rc, ryout, csw0, csws, how, n
        bal     %r14,d20-base(%r12)
        .long   \ry, \ryout, \csw0
        .short  \dev, \csws, \n
        .byte   \cc, \rc, \how, 0
        .endm

/* OK20 prog, end, n: X'20' of prog on the disk with key 0 ends with cc 0,
 * the CSW 00 end 0C00 0000. */
        .macro  OK20 prog, end, n
        D20     DISK, \prog, 0, 0xFF, \prog, \end, 0x0C00, 2, \n
        .endm

        GUEST_START 0x48

/* ---- the track formatted by X'20'; R1-R3 read back by X'20' and SIO ---- */
        OK20    pfmt, pfmte, 0x010
        xc      dat1-base(3*DLEN,%r12),dat1-base(%r12)
        OK20    prd, prde, 0x020
        CHKMEM  dat1, DLEN, rec1+8, 0x027
        CHKMEM  dat2, DLEN, rec2+8, 0x028
        CHKMEM  dat3, DLEN, rec3+8, 0x029
        /* no interruption after X'20': TIO finds the disk available */
        LV      %r3, DISK
        .insn   s,0x9d000000,0(%r3)             /* TIO */
        EXPECTCC 0, 0x02A
        xc      dat2-base(DLEN,%r12),dat2-base(%r12)
        la      %r1,sprd2-base(%r12)
        st      %r1,CAW
        la      %r5,0x02B
        bal     %r14,sio-base(%r12)             /* 0x02C, 0x02D */
        CHKPSW  CSW, sprd2e, 0x0C000000, 0x02E
        CHKMEM  dat2, DLEN, rec2+8, 0x02F
        /* data chaining: R1 into two areas */
        xc      dca-base(DLEN,%r12),dca-base(%r12)
        OK20    pdc, pdce, 0x030
        CHKMEM  dca, DLEN, rec1+8, 0x037
        /* Read Count after R0: the four count fields */
        xc      cnt-base(32,%r12),cnt-base(%r12)
        OK20    pcnt, pcnte, 0x040
        CHKMEM  cnt, 8, rec1, 0x047
        CHKMEM  cnt+8, 8, rec2, 0x048
        CHKMEM  cnt+16, 8, rec3, 0x049
        CHKMEM  cnt+24, 8, rec4, 0x04A
        /* the device address is bits 20-31 of Rx */
        LV      %r2, 0xFFFFF191
        la      %r4,prd-base(%r12)
        SETCC   3
        DIAG    %r2, %r4, 0x020
        EXPECTCC 0, 0x050
        CHKR    %r2, 0xFFFFF191, 0x051

/* ---- the key in Ry bits 0-3 ----------------------------------------------- */
        LV      %r2, 0x30                       /* key 3 on both 2K blocks */
        LV      %r3, KEYPG
        .insn   rr,0x0800,%r2,%r3               /* SSK */
        LV      %r3, KEYPG+0x800
        .insn   rr,0x0800,%r2,%r3
        FILL    KEYPG, 64, 0xEE
        /* key 5 into key-3 storage: protection check, nothing stored */
        D20     DISK, 0x50000000+pprot, 3, 13, 0, 0, 0x0010, 3, 0x060
        LV      %r6, KEYPG
        CHKB    0(%r6), 0xEE, 0x067
        /* key 3: stored, and the CSW has the key */
        D20     DISK, 0x30000000+pprot, 0, 0xFF, 0x30000000+pprot, 0x30000000+pprote, 0x0C00, 2, 0x070
        LV      %r6, KEYPG
        clc     0(DLEN,%r6),rec1+8-base(%r12)
        FAILNE  0x077
        /* key 0 stores anywhere */
        FILL    KEYPG, 64, 0xEE
        OK20    pprot, pprote, 0x080
        LV      %r6, KEYPG
        clc     0(DLEN,%r6),rec1+8-base(%r12)
        FAILNE  0x087

/* ---- cc 1: no device, busy ------------------------------------------------ */
        D20     NODEV, prd, 1, 1, prd, 0, 0, 0, 0x100
        /* busy: the interruption of an SIO still pending (I/O disabled) */
        la      %r1,psk-base(%r12)
        st      %r1,CAW
        LV      %r3, DISK
        .insn   s,0x9c000000,0(%r3)
        EXPECTCC 0, 0x110
        D20     DISK, prd, 1, 5, prd, 0, 0, 0, 0x111
        LV      %r3, DISK
        la      %r5,0x118
        bal     %r14,iowait-base(%r12)          /* 0x11A */
        CHKB    CSW+4, 0x0C, 0x11B
        OK20    prd, prde, 0x120                /* and then it works */

/* ---- cc 2: incorrect length, unit exception ------------------------------- */
        D20     DISK, pil, 2, 3, pil, pile, 0x0C40, 2, 0x200
        D20     DISK, pue, 2, 2, pue, puee, 0x0D00, 1, 0x210

/* ---- cc 3 ----------------------------------------------------------------- */
        D20     DISK, puc, 3, 13, 0x00008000, puc+8, 0x0E00, 1, 0x300   /* command reject */
        D20     DISK, pnrf, 3, 13, 0x00000008, pnrf+16, 0x0E00, 1, 0x310 /* no record found */
        D20     DISK, STORSIZE, 3, 13, 0, 0, 0x0020, 3, 0x320  /* the first CCW beyond storage */
        D20     DISK, ptic, 3, 13, 0, 0, 0x0020, 3, 0x330      /* a TIC beyond storage */
        D20     CONS, prd, 3, 13, 0, 0, 0, 4, 0x340            /* neither tape nor DASD */

/* ---- exceptions ------------------------------------------------------------- */
        LV      %r2, DISK
        LV      %r4, 0x01000000+prd             /* key bits 4-7 */
        l       %r15,k0f-base(%r12)
        PGMCHK  PGM_SPEC, 0x400, %r2, %r4, 0x020
        CHKR    %r4, 0x01000000+prd, 0x403
        c       %r15,k0f-base(%r12)
        FAILNE  0x404
        LV      %r4, 0x08000000+prd
        PGMCHK  PGM_SPEC, 0x405, %r2, %r4, 0x020
        PROBCHK 0x4F0, %r2, %r4, 0x020
        PASS

/* ---- subroutines ---------------------------------------------------------- */

/* d20: the DIAGNOSE of a D20 macro; R14 -> its parameters: ry, ryout, csw0
 * (words), dev, csws, n (halfwords), cc, rc, how (bytes) and one more.
 * Returns after them. */
d20:    lr      %r6,%r14
        mvc     CSW(8,%r0),ffs-base(%r12)
        l       %r4,0(%r6)
        lh      %r2,12(%r6)
        l       %r15,k0f-base(%r12)
        l       %r3,k33-base(%r12)
        l       %r5,k55-base(%r12)
        lh      %r7,16(%r6)                     /* n */
        CCBEFORE 18(%r6)
        DIAG    %r2, %r4, 0x020
        CCAFTER 18(%r6), 0
        la      %r1,1(%r7)
        cli     19(%r6),0xFF
        bne     1f-base(%r12)
        c       %r15,k0f-base(%r12)             /* R15 unchanged */
        bne     gfail-base(%r12)
        b       2f-base(%r12)
1:      sr      %r0,%r0
        ic      %r0,19(%r6)
        cr      %r15,%r0
        bne     gfail-base(%r12)
2:      lh      %r0,12(%r6)
        cr      %r2,%r0
        la      %r1,2(%r7)
        bne     gfail-base(%r12)
        REGIS   %r4, 4(%r6), 3
        REGIS   %r3, k33-base(%r12), 4
        REGIS   %r5, k55-base(%r12), 4
        la      %r1,5(%r7)
        cli     20(%r6),0
        be      3f-base(%r12)
        cli     20(%r6),3
        be      4f-base(%r12)
        cli     20(%r6),4
        be      9f-base(%r12)
        clc     CSW(4,%r0),8(%r6)               /* 1, 2: the key and CCW address */
        bne     gfail-base(%r12)
        clc     CSW+4(2,%r0),14(%r6)            /* the status */
        la      %r1,6(%r7)
        bne     gfail-base(%r12)
        cli     20(%r6),2
        bne     9f-base(%r12)
        clc     CSW+6(2,%r0),zero-base(%r12)    /* 2: count 0 */
        bne     gfail-base(%r12)
        b       9f-base(%r12)
3:      clc     CSW(8,%r0),ffs-base(%r12)       /* 0: nothing stored */
        bne     gfail-base(%r12)
        b       9f-base(%r12)
4:      sr      %r0,%r0                         /* 3: these channel status bits */
        sr      %r8,%r8
        ic      %r0,CSW+5
        ic      %r8,15(%r6)
        nr      %r0,%r8
        cr      %r0,%r8
        la      %r1,6(%r7)
        bne     gfail-base(%r12)
9:      b       22(%r6)

        SIOSUB

/* ---- the channel programs ----------------------------------------------- */
        .balign 8
/* Write CKD R1-R3 and the end-of-file record R4 after R0 */
pfmt:   CCW     0x07, sk, 0x40, 6
        SRCH    id0
        CCW     0x1D, rec1, 0x40, 8+DLEN
        CCW     0x1D, rec2, 0x40, 8+DLEN
        CCW     0x1D, rec3, 0x40, 8+DLEN
        CCW     0x1D, rec4, 0x00, 8
pfmte:
/* Read Data of R1-R3 */
prd:    CCW     0x07, sk, 0x40, 6
        SRCH    id1
        CCW     0x06, dat1, 0x40, DLEN
        SRCH    id2
        CCW     0x06, dat2, 0x40, DLEN
        SRCH    id3
        CCW     0x06, dat3, 0x00, DLEN
prde:
/* Read Data of R1 into two areas */
pdc:    CCW     0x07, sk, 0x40, 6
        SRCH    id1
        CCW     0x06, dca, 0x80, 10
        CCW     0x00, dca+10, 0x00, DLEN-10
pdce:
/* Read Count after R0, four times */
pcnt:   CCW     0x07, sk, 0x40, 6
        SRCH    id0
        CCW     0x12, cnt, 0x40, 8
        CCW     0x12, cnt+8, 0x40, 8
        CCW     0x12, cnt+16, 0x40, 8
        CCW     0x12, cnt+24, 0x00, 8
pcnte:
/* R1 into the page of key 3 */
pprot:  CCW     0x07, sk, 0x40, 6
        SRCH    id1
        CCW     0x06, KEYPG, 0x00, DLEN
pprote:
/* half of R1 without SLI: incorrect length */
pil:    CCW     0x07, sk, 0x40, 6
        SRCH    id1
        CCW     0x06, dat1, 0x00, DLEN/2
pile:
/* Read Data of the end-of-file record: unit exception */
pue:    CCW     0x07, sk, 0x40, 6
        SRCH    id4
        CCW     0x06, dat1, 0x20, DLEN
puee:
/* a seek to cylinder 5 of 0-4: command reject */
puc:    CCW     0x07, sk5, 0x20, 6
/* R5 is not on the track: no record found */
pnrf:   CCW     0x07, sk, 0x40, 6
1:      CCW     0x31, id5, 0x60, 5              /* at pnrf+8; SLI: no IL */
        CCW     0x08, 1b, 0, 0
        CCW     0x06, dat1, 0x20, DLEN
/* a TIC beyond storage */
ptic:   CCW     0x07, sk, 0x40, 6
        CCW     0x08, STORSIZE, 0, 0
/* SIO: Read Data of R2; a seek */
sprd2:  CCW     0x07, sk, 0x40, 6
        SRCH    id2
        CCW     0x06, dat2, 0x00, DLEN
sprd2e:
psk:    CCW     0x07, sk, 0x20, 6

/* ---- the records and arguments ------------------------------------------ */
/* REC r, dl: a record of cylinder 1 head 5: count (CCHH r, KL 0, DL dl)
 * and dl bytes of data r*32, r*32+1, ... */
        .macro  REC r, dl
        .short  1, 5
        .byte   \r, 0
        .short  \dl
        .set    .Li, 0
        .rept   \dl
        .byte   (\r << 5) + .Li
        .set    .Li, .Li + 1
        .endr
        .endm

        .balign 4
ffs:    .long   0xFFFFFFFF, 0xFFFFFFFF
k0f:    .long   0x0F0F0F0F
k33:    .long   0x33333333
k55:    .long   0x55555555
zero:   .short  0
rec1:   REC     1, DLEN
rec2:   REC     2, DLEN
rec3:   REC     3, DLEN
rec4:   REC     4, 0                            /* end of file */
sk:     .short  0, 1, 5                         /* BBCCHH: cylinder 1 head 5 */
sk5:    .short  0, 5, 0                         /* beyond the disk */
id0:    .short  1, 5
        .byte   0
id1:    .short  1, 5
        .byte   1
id2:    .short  1, 5
        .byte   2
id3:    .short  1, 5
        .byte   3
id4:    .short  1, 5
        .byte   4
id5:    .short  1, 5
        .byte   5
dat1:   .fill   DLEN, 1, 0
dat2:   .fill   DLEN, 1, 0
dat3:   .fill   DLEN, 1, 0
dca:    .fill   DLEN, 1, 0
cnt:    .fill   32, 1, 0
        GUEST_END
