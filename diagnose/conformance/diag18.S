/*
 * diag18.S - DIAGNOSE X'18', standard DASD I/O (DIAGNOSE.md 3.7), in the
 * machine of test_diagnose.py's user DIAGIO: a 3350 minidisk of 5
 * cylinders at 191 (read-write) and the same disk linked read-only at 192.
 * PASS X'0C0D46'; FAIL X'BADnnn' with the check numbers below.
 *
 * The program formats cylinder 1, heads 2 and 3, with its own SIO
 * channel program (Search ID Equal R0, Write CKD R1-R3 of 800 bytes),
 * writes R1-R3 of head 2 again with a SEEK/SEARCH/TIC/WRITE DATA chain
 * by X'18' and reads them back by X'18' (on 191 and 192) and by SIO. The
 * cylinders in the arguments are relative to the minidisk. Every call
 * must give the condition code and R15 of the specification, leave Rx,
 * Ry and the registers it does not name alone, and store the CSW of the
 * ending at X'40' with cc 0 (exactly: key 0, the address after the last
 * CCW, channel end + device end, count 0) and cc 3 (the CCW address and
 * the unit status, unit check; the channel status is the device's: the
 * SEARCH without SLI may add incorrect length), nothing with cc 1 and 2. Then every error a program can
 * cause: cc 1 no device or not a DASD, a write on the read-only disk, a
 * cylinder beyond the disk, the device busy (an SIO's interruption still
 * pending); cc 2 for each fault of the chain and of R15; cc 3 for a record
 * that is not there, whose sense (no record found) the next SENSE by SIO
 * gets. No I/O interruption follows an X'18' (TIO cc 0).
 */
#include "diag.inc"

        .equ    DISK, 0x191
        .equ    RODISK, 0x192
        .equ    NODEV, 0x5FF
        .equ    CONS, 0x009
        .equ    DLEN, 800                       /* the records' data */
        .equ    FMTBUF, 0x10000                 /* count + data of R1-R3 */
        .equ    WBUF, 0x11000                   /* R1-R3 as X'18' writes them, 1K apart */
        .equ    RBUF, 0x12000                   /* read back by X'18' */
        .equ    RBUF2, 0x13000                  /* read back by X'18', the SEEK HEAD chain */
        .equ    RBUF3, 0x14000                  /* read back by SIO */

/* D18 dev, chain, cnt, cc, rc, end, n [, resid]: DIAGNOSE X'18' with Rx
 * (R2) = dev, Ry (R4) = chain and R15 = cnt must give condition code cc
 * and R15 = rc, with R2, R4 and R3, R5 unchanged; the CSW at X'40' (X'FF's
 * before): for cc 0 exactly 00 end 0C00 resid, for cc 3 the CCW address
 * end and unit status X'0E', for cc 1 and 2 unchanged. Checks n (cc), n+1
 * (R15), n+2 (Rx), n+3 (Ry), n+4 (R3, R5), n+5 and n+6 (the CSW). */
        .macro  D18 dev, chain, cnt, cc, rc, end, n, resid=0
        bal     %r14,d18-base(%r12)
        .long   \chain, \end
        .short  \dev, \cnt, \n, \resid
        .byte   \cc, \rc
        .endm

/* SIOCHK prog, end, n: SIO of prog to the disk, ended by channel end and
 * device end at the CCW address end. Checks n+1, n+2 (sio), n+3. */
        .macro  SIOCHK prog, end, n
        la      %r1,\prog-base(%r12)
        st      %r1,CAW
        LV      %r3, DISK
        la      %r5,\n
        bal     %r14,sio-base(%r12)
        clc     CSW(8,%r0),.Lsc\@-base(%r12)
        FAILNE  \n+3
        DCONST  .Lsc\@, \end, 0x0C000000
        .endm

/* CMP a, b, n: the DLEN bytes at a and b (addresses) are equal. */
        .macro  CMP a, b, n
        LV      %r6, \a
        LV      %r8, \b
        bal     %r14,cmp-base(%r12)
        FAILNE  \n
        .endm

        GUEST_START 0x46

/* ---- cylinder 1 heads 2 and 3 formatted by SIO; the data to write ------ */
        la      %r7,2
        la      %r9,0xA1
        bal     %r13,fmt-base(%r12)             /* checks 0x001-0x003 */
        la      %r7,3
        la      %r9,0xB1
        bal     %r13,fmt-base(%r12)             /* FMTBUF keeps head 3's */
        LV      %r6, WBUF
        la      %r9,0x10
        bal     %r13,pat-base(%r12)
        LV      %r6, WBUF+0x400
        la      %r9,0x20
        bal     %r13,pat-base(%r12)
        LV      %r6, WBUF+0x800
        la      %r9,0x30
        bal     %r13,pat-base(%r12)

/* ---- WRITE DATA of R1-R3, read back by X'18' and by SIO ---------------- */
        D18     DISK, cw3, 3, 0, 0, cw3e, 0x010
        FILL    RBUF, 0x1000, 0xEE
        D18     DISK, cr3, 3, 0, 0, cr3e, 0x020
        CMP     RBUF, WBUF, 0x027
        CMP     RBUF+0x400, WBUF+0x400, 0x028
        CMP     RBUF+0x800, WBUF+0x800, 0x029
        LV      %r6, RBUF+DLEN
        CHKB    0(%r6), 0xEE, 0x02A             /* no byte beyond the record */
        FILL    RBUF3, 0x1000, 0xEE
        SIOCHK  pver, pvere, 0x030
        CMP     RBUF3, WBUF, 0x034
        CMP     RBUF3+0x400, WBUF+0x400, 0x035
        CMP     RBUF3+0x800, WBUF+0x800, 0x036
        /* no interruption after X'18': TIO finds the disk available */
        LV      %r3, DISK
        .insn   s,0x9d000000,0(%r3)             /* TIO */
        EXPECTCC 0, 0x037
        /* on the read-only link of the same disk */
        FILL    RBUF, 0x1000, 0xEE
        D18     RODISK, cr3, 3, 0, 0, cr3e, 0x040
        CMP     RBUF, WBUF, 0x047
        CMP     RBUF+0x800, WBUF+0x800, 0x048
        /* SET SECTOR, and SEEK HEAD to head 3: its R1 as formatted */
        FILL    RBUF2, 0x1000, 0xEE
        D18     DISK, crx, 2, 0, 0, crxe, 0x050
        CMP     RBUF2, WBUF, 0x057
        CMP     RBUF2+0x400, FMTBUF+8, 0x058
        /* R15 may be more than the READs and WRITEs (15) */
        FILL    RBUF, 0x1000, 0xEE
        D18     DISK, cr3, 15, 0, 0, cr3e, 0x060
        CMP     RBUF+0x400, WBUF+0x400, 0x067
        /* the device address is bits 20-31 of Rx */
        LV      %r2, 0xFFFFF191
        la      %r4,cr1-base(%r12)
        la      %r15,1
        SETCC   3
        DIAG    %r2, %r4, 0x018
        EXPECTCC 0, 0x070
        CHKR    %r15, 0, 0x071
        CHKR    %r2, 0xFFFFF191, 0x072

/* ---- cc 1 ------------------------------------------------------------- */
        D18     NODEV, cr3, 3, 1, 1, 0, 0x100   /* no such device */
        D18     CONS, cr3, 3, 1, 1, 0, 0x110    /* not a DASD */
        D18     RODISK, cw3, 3, 1, 3, 0, 0x120  /* a write on a read-only disk */
        FILL    RBUF3, 0x1000, 0xEE
        SIOCHK  pver, pvere, 0x128
        CMP     RBUF3, WBUF, 0x12C              /* nothing written */
        D18     DISK, ecyl, 1, 1, 4, 0, 0x130   /* cylinder 5 of 0-4 */
        /* busy: the interruption of an SIO still pending (I/O disabled) */
        la      %r1,psk-base(%r12)
        st      %r1,CAW
        LV      %r3, DISK
        .insn   s,0x9c000000,0(%r3)
        EXPECTCC 0, 0x140
        D18     DISK, cr3, 3, 1, 5, 0, 0x141
        LV      %r3, DISK
        la      %r5,0x148
        bal     %r14,iowait-base(%r12)          /* 0x14A */
        CHKB    CSW+4, 0x0C, 0x14B
        D18     DISK, cr3, 3, 0, 0, cr3e, 0x150 /* and then it works */

/* ---- cc 2: the chain and R15 ------------------------------------------ */
        D18     DISK, cr3+4, 3, 2, 5, 0, 0x200  /* not on a doubleword */
        D18     DISK, eskad, 1, 2, 6, 0, 0x210  /* SEEK argument beyond storage */
        D18     DISK, esrad, 1, 2, 6, 0, 0x220  /* SEARCH argument beyond storage */
        D18     DISK, eop, 1, 2, 7, 0, 0x230    /* READ KEY AND DATA */
        D18     DISK, ezero, 1, 2, 8, 0, 0x240  /* count 0 */
        D18     DISK, elong, 1, 2, 9, 0, 0x250  /* count 2049 */
        D18     DISK, ebuf, 1, 2, 10, 0, 0x260  /* data beyond storage */
        D18     DISK, cr3, 0, 2, 11, 0, 0x270   /* R15 0 */
        D18     DISK, cr3, 16, 2, 11, 0, 0x280  /* R15 16 */
        D18     DISK, cr3, 2, 2, 11, 0, 0x290   /* R15 below the 3 READs */
        D18     DISK, ehead, 2, 2, 12, 0, 0x2A0 /* SEEK HEAD to cylinder 2 */
        /* a count of 2048 is allowed (the record is shorter: SLI) */
        D18     DISK, emax, 1, 0, 0, emaxe, 0x2B0, 2048-DLEN

/* ---- cc 3: a record that is not there; its sense to the next SENSE ---- */
        D18     DISK, enrf, 1, 3, 13, enrf+16, 0x300
        xc      senseb-base(24,%r12),senseb-base(%r12)
        SIOCHK  psense, psensee, 0x310
        CHKB    senseb-base(%r12), 0x00, 0x314
        CHKB    senseb+1-base(%r12), 0x08, 0x315 /* no record found */
        /* the record before it in the chain was read */
        FILL    RBUF, 0x1000, 0xEE
        D18     DISK, enrf2, 2, 3, 13, enrf2+40, 0x320
        CMP     RBUF, WBUF, 0x327
        LV      %r6, RBUF+0x400
        CHKB    0(%r6), 0xEE, 0x328
        SIOCHK  psense, psensee, 0x330          /* (clears the sense) */

/* ---- problem state: a privileged-operation exception ------------------ */
        PROBCHK 0x3F0, %r2, %r4, 0x018
        PASS

/* ---- subroutines ---------------------------------------------------------- */

/* d18: the DIAGNOSE of a D18 macro; R14 -> its parameters: chain, end
 * (words), dev, cnt, n, resid (halfwords), cc, rc (bytes). Returns after
 * them. */
d18:    lr      %r6,%r14
        mvc     CSW(8,%r0),ffs-base(%r12)
        lh      %r2,8(%r6)
        l       %r4,0(%r6)
        lh      %r15,10(%r6)
        l       %r3,k33-base(%r12)
        l       %r5,k55-base(%r12)
        lh      %r7,12(%r6)                     /* n */
        CCBEFORE 16(%r6)
        DIAG    %r2, %r4, 0x018
        CCAFTER 16(%r6), 0
        sr      %r0,%r0
        ic      %r0,17(%r6)
        cr      %r15,%r0
        la      %r1,1(%r7)
        bne     gfail-base(%r12)
        lh      %r0,8(%r6)
        cr      %r2,%r0
        la      %r1,2(%r7)
        bne     gfail-base(%r12)
        REGIS   %r4, 0(%r6), 3
        REGIS   %r3, k33-base(%r12), 4
        REGIS   %r5, k55-base(%r12), 4
        la      %r1,5(%r7)
        cli     16(%r6),0
        bne     1f-base(%r12)
        clc     CSW(4,%r0),4(%r6)               /* cc 0: key 0, the end */
        bne     gfail-base(%r12)
        clc     CSW+4(2,%r0),st0c-base(%r12)    /* CE DE, channel status 0 */
        la      %r1,6(%r7)
        bne     gfail-base(%r12)
        clc     CSW+6(2,%r0),14(%r6)            /* the residual count */
        bne     gfail-base(%r12)
        b       9f-base(%r12)
1:      cli     16(%r6),3
        bne     2f-base(%r12)
        clc     CSW+1(3,%r0),5(%r6)             /* cc 3: the CCW address */
        bne     gfail-base(%r12)
        cli     CSW+4,0x0E                      /* CE DE UC */
        la      %r1,6(%r7)
        bne     gfail-base(%r12)
        b       9f-base(%r12)
2:      clc     CSW(8,%r0),ffs-base(%r12)       /* cc 1, 2: nothing stored */
        bne     gfail-base(%r12)
9:      b       18(%r6)

/* fmt: cylinder 1 head R7 formatted by SIO: R1-R3 of DLEN bytes, their
 * data the pattern from seed R9 on (R1 first). Checks 0x001-0x003 (R5 =
 * 0). BAL R13. */
fmt:    stc     %r7,fsk+5-base(%r12)
        stc     %r7,fid+3-base(%r12)
        LV      %r6, FMTBUF
        la      %r8,1
1:      mvc     0(4,%r6),fid-base(%r12)         /* CCHH */
        stc     %r8,4(%r6)                      /* R */
        mvc     5(3,%r6),kldl-base(%r12)        /* KL 0, DL 800 */
        la      %r6,8(%r6)
        lr      %r10,%r13
        bal     %r13,pat-base(%r12)
        lr      %r13,%r10
        la      %r8,1(%r8)
        ch      %r8,four-base(%r12)
        bl      1b-base(%r12)
        la      %r1,pfmt-base(%r12)
        st      %r1,CAW
        LV      %r3, DISK
        sr      %r5,%r5
        bal     %r14,sio-base(%r12)
        clc     CSW(8,%r0),fmtend-base(%r12)
        FAILNE  0x003
        br      %r13

/* pat: the DLEN bytes at R6 become R9, R9+1, ... (mod 256); R6 and R9
 * end after them. R1 changed. BAL R13. */
pat:    la      %r1,DLEN
1:      stc     %r9,0(%r6)
        la      %r6,1(%r6)
        la      %r9,1(%r9)
        bct     %r1,1b-base(%r12)
        br      %r13

/* cmp: CLCL of DLEN bytes at R6 and R8: the condition code. R6-R9 changed. */
cmp:    la      %r7,DLEN
        la      %r9,DLEN
        clcl    %r6,%r8
        br      %r14

        SIOSUB

/* ---- the channel programs --------------------------------------------- */
        .balign 8
/* X'18': WRITE DATA and READ DATA of R1-R3 of cylinder 1 head 2 */
cw3:    CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x05, WBUF, 0x60, DLEN
        SRCH    id22
        CCW     0x05, WBUF+0x400, 0x60, DLEN
        SRCH    id23
        CCW     0x05, WBUF+0x800, 0x20, DLEN
cw3e:
cr3:    CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF, 0x60, DLEN
        SRCH    id22
        CCW     0x06, RBUF+0x400, 0x60, DLEN
        SRCH    id23
        CCW     0x06, RBUF+0x800, 0x20, DLEN
cr3e:
cr1:    CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF, 0x20, DLEN
/* SET SECTOR; R1 of head 2, SEEK HEAD, R1 of head 3 */
crx:    CCW     0x07, sk2, 0x40, 6
        CCW     0x23, sec0, 0x40, 1
        SRCH    id21
        CCW     0x06, RBUF2, 0x60, DLEN
        CCW     0x1B, sk3, 0x40, 6
        CCW     0x23, sec0, 0x40, 1
        SRCH    id31
        CCW     0x06, RBUF2+0x400, 0x20, DLEN
crxe:
/* the errors */
ecyl:   CCW     0x07, sk5, 0x40, 6
        SRCH    id51
        CCW     0x06, RBUF, 0x20, DLEN
eskad:  CCW     0x07, STORSIZE-2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF, 0x20, DLEN
esrad:  CCW     0x07, sk2, 0x40, 6
1:      CCW     0x31, STORSIZE-3, 0x40, 5
        CCW     0x08, 1b, 0, 0
        CCW     0x06, RBUF, 0x20, DLEN
eop:    CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x0E, RBUF, 0x20, DLEN
ezero:  CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF, 0x20, 0
elong:  CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF, 0x20, 2049
emax:   CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF, 0x20, 2048
emaxe:
ebuf:   CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, STORSIZE-400, 0x20, DLEN
ehead:  CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF, 0x60, DLEN
        CCW     0x1B, sk23, 0x40, 6
        SRCH    id231
        CCW     0x06, RBUF+0x400, 0x20, DLEN
enrf:   CCW     0x07, sk2, 0x40, 6
        SRCH    id24                            /* at enrf+8: the CSW says +16 */
        CCW     0x06, RBUF, 0x20, DLEN
enrf2:  CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF, 0x60, DLEN
        SRCH    id24                            /* at enrf2+32 */
        CCW     0x06, RBUF+0x400, 0x20, DLEN
/* SIO: format (R0 searched, R1-R3 written), read R1-R3, a seek, sense */
pfmt:   CCW     0x07, fsk, 0x40, 6
        SRCH    fid
        CCW     0x1D, FMTBUF, 0x40, 8+DLEN
        CCW     0x1D, FMTBUF+8+DLEN, 0x40, 8+DLEN
        CCW     0x1D, FMTBUF+16+2*DLEN, 0x00, 8+DLEN
pfmte:
pver:   CCW     0x07, sk2, 0x40, 6
        SRCH    id21
        CCW     0x06, RBUF3, 0x60, DLEN
        SRCH    id22
        CCW     0x06, RBUF3+0x400, 0x60, DLEN
        SRCH    id23
        CCW     0x06, RBUF3+0x800, 0x20, DLEN
pvere:
psk:    CCW     0x07, sk2, 0x20, 6
psense: CCW     0x04, senseb, 0x20, 24
psensee:

/* ---- the arguments -------------------------------------------------------- */
        .balign 4
ffs:    .long   0xFFFFFFFF, 0xFFFFFFFF
k33:    .long   0x33333333
k55:    .long   0x55555555
fmtend: .long   pfmte, 0x0C000000               /* the CSW of pfmt */
st0c:   .short  0x0C00                          /* CE DE */
four:   .short  4
kldl:   .byte   0, DLEN >> 8, DLEN & 0xFF
sec0:   .byte   0
fsk:    .short  0, 1, 0                         /* BBCCHH: cylinder 1, head set by fmt */
fid:    .short  1, 0                            /* CCHHR: R0 */
        .byte   0
sk2:    .short  0, 1, 2                         /* cylinder 1 head 2 */
sk3:    .short  0, 1, 3
sk23:   .short  0, 2, 3                         /* another cylinder */
sk5:    .short  0, 5, 0                         /* beyond the disk */
id21:   .short  1, 2
        .byte   1
id22:   .short  1, 2
        .byte   2
id23:   .short  1, 2
        .byte   3
id24:   .short  1, 2
        .byte   4                               /* not written */
id31:   .short  1, 3
        .byte   1
id231:  .short  2, 3
        .byte   1
id51:   .short  5, 0
        .byte   1
senseb: .fill   24, 1, 0
        GUEST_END
