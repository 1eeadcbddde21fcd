/*
 * mdbench.S - minidisk throughput: 4 KB blocks read from the disk at
 * X'191', a 3350 (30 heads, four 4 KB blocks a track), by one of four
 * methods. IPLed from a card deck natively on a S/370 Hercules (a whole
 * small dasdinit volume) and in a CP virtual machine (a minidisk);
 * tests/bench/run compares the times.
 *
 * The parameter card (the first card after the deck, mkdeck.py --card),
 * in EBCDIC:
 *   column  1     the method:
 *                   S  SIO: per block Seek, Search ID Equal, TIC, Read
 *                      Data of one 4096-byte record; the I/O interruption
 *                      taken in an enabled wait
 *                   T  SIO as S, but each block is two 2048-byte records:
 *                      Seek, Search ID, TIC, Read Data 2048, Search ID,
 *                      TIC, Read Data 2048 (the chain of D by SIO)
 *                   D  DIAGNOSE X'18', one per block, with the chain of T
 *                      (X'18' reads at most 2048 bytes per READ)
 *                   B  DIAGNOSE X'250': INIT with block size 4096, then
 *                      READ lists of L entries
 *   columns 3-7   N, the blocks to read (decimal, at least 1)
 *   columns 9-12  C, the disk's cylinders (decimal, at least 1)
 *   columns 14-15 L, the entries of one X'250' READ list (decimal, 01-64;
 *                 used by B only, checked always)
 * e.g. "S 00600 0005 16".
 *
 * The disk holds C * 30 * 4 blocks; the program uses the first M of
 * them, M = the smaller of N and that. First it formats the tracks they
 * take, from cylinder 0 head 0 on, by SIO: Seek, Search ID Equal R0,
 * TIC, then Write CKD of R1-R4 (4096 bytes each; S and B) or R1-R8 (2048
 * bytes each; T and D), command-chained; each record's data holds its
 * block number (1-based, CMS numbering: block n is on track (n-1)/4) in
 * its first and last word. Then it reads N blocks in order, 1 to M and
 * round again from 1 (a small disk read many times over), each into the
 * next of 64 buffers of 4 KB at X'40000', and checks the block number at
 * both ends of every buffer (and zeroes it again, so a read that moved
 * nothing is noticed). Both phases are timed with STCK; the result is
 * written on the console (3215 at 009), columns 1-15 of the card echoed:
 *   MDBENCH S 00600 0005 16 FORMAT tttttttttttttttt READ tttttttttttttttt
 * the TOD-clock units each phase took, in hex (bit 51 is a microsecond).
 * Then a disabled wait with the pass code X'0C0DB2'. D and B are for CP
 * only: natively (Hercules) the DIAGNOSE is a specification exception,
 * X'EE3006'.
 *
 * A bad card is FAIL X'BAD004' (the method), X'BAD005' (N), X'BAD006'
 * (C) or X'BAD007' (L); no card, X'BAD001'-X'BAD003'. I/O checks: n+1
 * SIO cc not 0, n+2 an interruption from another device, n+3 the unit
 * status not channel end + device end, n+4 the channel status not 0;
 * format n = X'100', S X'200', T X'300'. D: X'400' cc not 0, X'401' R15
 * not 0. B: X'500' INIT cc, X'501' INIT Ry, X'502' the blocks INIT
 * returns not C * 120, X'503' blocks a track not 4, X'510' READ cc,
 * X'511' READ Ry, X'512' an entry's status, X'520' REMOVE cc. X'600',
 * X'601': a buffer without its block number at the start, at the end.
 * For a look after a failure:
 *
 *   X'1010'  the method (byte), M (3 bytes), N (word at X'1014'), C, L
 *   X'1020'  the format time, X'1028' the read time (TOD units)
 *   X'1030'  the last CSW of the disk
 *   X'1038'  the last DIAGNOSE: condition code (word), R15 or Ry (word)
 *   X'1040'  the parameter card (80)
 */
#include "../guests/s370.inc"

        GUEST_START 0xB2

        .equ    DISK, 0x191
        .equ    CONS, 0x009
        .equ    HEADS, 30
        .equ    PERTRK, 4               /* 4 KB blocks a track, either layout */
        .equ    FMTAREA, 0x20000        /* the records Write CKD writes */
        .equ    RING, 0x40000           /* 64 buffers of 4 KB */
        .equ    R4LEN, 8+4096           /* count field + data */
        .equ    R2LEN, 8+2048
        .equ    MAXLIST, 64

        .macro  DIAG rx, ry, code
        .insn   rs,0x83000000,\rx,\ry,\code(%r0)
        .endm

        b       init-base(%r12)

        .balign 16
meth:   .byte   0                       /* X'1010' */
mblk:   .byte   0, 0, 0                 /* M */
nblk:   .long   0                       /* X'1014' N */
ncyl:   .long   0                       /* X'1018' C */
nlist:  .long   0                       /* X'101C' L */
tfmt:   .long   0, 0                    /* X'1020' */
tread:  .long   0, 0                    /* X'1028' */
lastcsw: .long  0, 0                    /* X'1030' */
dcc:    .long   0                       /* X'1038' */
dreg:   .long   0                       /* X'103C' */
card:   .fill   80, 1, 0                /* X'1040' */

/* DECIMAL col, len, reg, n: columns col..col+len-1 of the card, decimal
   digits only, into reg; FAIL n otherwise. */
        .macro  DECIMAL col, len, reg, n
        la      %r2,card+\col-1-base(%r12)
        la      %r3,\len
.Ldg\@: cli     0(%r2),0xF0
        FAILIF  CC1, \n
        cli     0(%r2),0xF9
        FAILIF  CC2, \n
        la      %r2,1(%r2)
        bct     %r3,.Ldg\@-base(%r12)
        pack    dw-base(8,%r12),card+\col-1-base(\len,%r12)
        cvb     \reg,dw-base(%r12)
        .endm

/* ---- the parameter card -------------------------------------------------- */
init:   PARMCARD card, 0x001
        mvc     meth-base(1,%r12),card-base(%r12)
        DECIMAL 3, 5, %r8, 0x005        /* R8 = N */
        DECIMAL 9, 4, %r9, 0x006        /* R9 = C */
        DECIMAL 14, 2, %r10, 0x007      /* R10 = L */
        st      %r8,nblk-base(%r12)
        st      %r9,ncyl-base(%r12)
        st      %r10,nlist-base(%r12)
        ltr     %r8,%r8
        FAILEQ  0x005
        ltr     %r9,%r9
        FAILEQ  0x006
        lr      %r5,%r9                 /* M = min(N, C * 30 * 4) */
        mh      %r5,perc-base(%r12)
        cr      %r8,%r5
        bh      1f-base(%r12)
        lr      %r5,%r8
1:      stcm    %r5,7,mblk-base(%r12)
        ltr     %r10,%r10
        FAILEQ  0x007
        c       %r10,maxl-base(%r12)
        FAILIF  CC2, 0x007
        /* the layout: 4096-byte records for S and B, 2048 for T and D */
        la      %r11,fmt4-base(%r12)    /* R11 = the format channel program */
        cli     meth-base(%r12),0xE2    /* S */
        be      1f-base(%r12)
        cli     meth-base(%r12),0xC2    /* B */
        be      1f-base(%r12)
        la      %r11,fmt2-base(%r12)
        cli     meth-base(%r12),0xE3    /* T */
        be      1f-base(%r12)
        cli     meth-base(%r12),0xC4    /* D */
        FAILNE  0x004
1:
        /* the buffers and the records: zeros */
        LV      %r2, RING
        LV      %r3, 64*4096
        sr      %r4,%r4
        sr      %r5,%r5
        mvcl    %r2,%r4
        LV      %r2, FMTAREA
        LV      %r3, 4*R4LEN+8*R2LEN
        mvcl    %r2,%r4

/* ---- format: one channel program a track --------------------------------- */
        stck    t0-base(%r12)
        l       %r7,meth-base(%r12)     /* tracks: (M + 3) / 4 */
        n       %r7,gmask24-base(%r12)
        la      %r7,PERTRK-1(%r7)
        srl     %r7,2
        sr      %r3,%r3                 /* R3 = track */
fmtnext: bal    %r14,locate-base(%r12)
        bal     %r14,records-base(%r12)
        st      %r11,CAW
        la      %r5,0x100
        bal     %r14,sio-base(%r12)
        la      %r3,1(%r3)
        bct     %r7,fmtnext-base(%r12)
        stck    t1-base(%r12)
        la      %r2,tfmt-base(%r12)
        bal     %r14,elapsed-base(%r12)

/* ---- read --------------------------------------------------------------- */
        cli     meth-base(%r12),0xC2
        bne     1f-base(%r12)
        bal     %r14,binit-base(%r12)   /* B: INIT is not timed */
1:      stck    t0-base(%r12)
        la      %r7,1                   /* R7 = block, 1 to M and round */
        sr      %r11,%r11               /* R11 = blocks read; R8 = to read */
        cli     meth-base(%r12),0xE2
        be      rds-base(%r12)
        cli     meth-base(%r12),0xE3
        be      rdt-base(%r12)
        cli     meth-base(%r12),0xC4
        be      rdd-base(%r12)
        b       rdb-base(%r12)

/* S: SIO of Seek, Search ID, TIC, Read Data 4096 */
rds:    bal     %r14,where-base(%r12)
        stc     %r2,id1+4-base(%r12)
        stcm    %r6,7,prs4+25-base(%r12)
        mvc     CAW(4,%r0),caws-base(%r12)
        la      %r5,0x200
        bal     %r14,sio-base(%r12)
        bal     %r14,stamp-base(%r12)
        bal     %r14,next-base(%r12)
        bct     %r8,rds-base(%r12)
        b       done-base(%r12)

/* T: SIO of the two-record chain */
rdt:    bal     %r14,where2-base(%r12)
        mvc     CAW(4,%r0),cawt-base(%r12)
        la      %r5,0x300
        bal     %r14,sio-base(%r12)
        bal     %r14,stamp-base(%r12)
        bal     %r14,next-base(%r12)
        bct     %r8,rdt-base(%r12)
        b       done-base(%r12)

/* D: DIAGNOSE X'18' of the same chain, R15 = 2 READs */
rdd:    bal     %r14,where2-base(%r12)
        la      %r2,DISK
        la      %r3,prs2-base(%r12)
        la      %r15,2
        DIAG    %r2, %r3, 0x18
        bc      CC0,1f-base(%r12)
        bal     %r14,savecc-base(%r12)
        st      %r15,dreg-base(%r12)
        FAIL    0x400
1:      st      %r15,dreg-base(%r12)
        ltr     %r15,%r15
        FAILNE  0x401
        bal     %r14,stamp-base(%r12)
        bal     %r14,next-base(%r12)
        bct     %r8,rdd-base(%r12)
        b       done-base(%r12)

/* B: DIAGNOSE X'250' READ of lists of up to L entries */
rdb:    lr      %r9,%r8                 /* R9 = the entries of this list */
        cr      %r9,%r10
        bnh     1f-base(%r12)
        lr      %r9,%r10
1:      st      %r9,bread+8-base(%r12)  /* BIOR_COUNT */
        stm     %r7,%r11,bfirst-base(%r12) /* the list's first block, R11 */
        la      %r4,blist-base(%r12)
        lr      %r3,%r9
2:      bal     %r14,slot-base(%r12)
        mvc     0(4,%r4),etype-base(%r12) /* X'02', status X'FF', 0 */
        st      %r7,4(%r4)              /* BIOE_BLOCK */
        xc      8(4,%r4),8(%r4)
        st      %r6,12(%r4)             /* BIOE_BUFFER */
        la      %r4,16(%r4)
        bal     %r14,next-base(%r12)
        bct     %r3,2b-base(%r12)
        la      %r2,bread-base(%r12)
        la      %r3,1                   /* READ/WRITE */
        DIAG    %r2, %r3, 0x250
        bal     %r14,savecc-base(%r12)
        st      %r3,dreg-base(%r12)
        CHKW    dcc-base(%r12), 0, 0x510
        ltr     %r3,%r3
        FAILNE  0x511
        la      %r4,blist-base(%r12)    /* every entry done, every block there */
        lr      %r3,%r9
        l       %r7,bfirst-base(%r12)
        l       %r11,bfirst+16-base(%r12)
3:      cli     1(%r4),0
        FAILNE  0x512
        bal     %r14,slot-base(%r12)
        bal     %r14,stamp-base(%r12)
        la      %r4,16(%r4)
        bal     %r14,next-base(%r12)
        bct     %r3,3b-base(%r12)
        sr      %r8,%r9
        bp      rdb-base(%r12)
        stck    t1-base(%r12)           /* REMOVE is not timed */
        la      %r2,brem-base(%r12)
        la      %r3,2
        DIAG    %r2, %r3, 0x250
        FAILIF  CC1+CC2+CC3, 0x520
        b       done1-base(%r12)

done:   stck    t1-base(%r12)
done1:  la      %r2,tread-base(%r12)
        bal     %r14,elapsed-base(%r12)

/* ---- the result line ---------------------------------------------------- */
        mvc     line+8-base(15,%r12),card-base(%r12)
        la      %r2,tfmt-base(%r12)
        la      %r3,line+31-base(%r12)
        bal     %r14,hex16-base(%r12)
        la      %r2,tread-base(%r12)
        la      %r3,line+53-base(%r12)
        bal     %r14,hex16-base(%r12)
        mvc     CAW(4,%r0),wcaw-base(%r12)
        .insn   s,0x9c000000,CONS       /* SIO */
2:      .insn   s,0x9d000000,CONS       /* TIO until the ending is taken */
        bc      CC2,2b-base(%r12)
        PASS

/* ---- subroutines --------------------------------------------------------- */

/* binit: DIAGNOSE X'250' INIT, block size 4096, on the disk; it must have
   C * 30 * 4 blocks, 4 a track. BAL R14. */
binit:  lr      %r11,%r14
        la      %r2,binitpl-base(%r12)
        sr      %r3,%r3                 /* INIT */
        DIAG    %r2, %r3, 0x250
        bal     %r14,savecc-base(%r12)
        st      %r3,dreg-base(%r12)
        CHKW    dcc-base(%r12), 0, 0x500
        ltr     %r3,%r3
        FAILNE  0x501
        l       %r5,ncyl-base(%r12)
        mh      %r5,perc-base(%r12)
        c       %r5,binitpl+8-base(%r12) /* BIOI_NBLOCKS */
        FAILNE  0x502
        CHKW    binitpl+12-base(%r12), PERTRK, 0x503
        br      %r11

/* savecc: the condition code of the instruction before into dcc. */
savecc: la      %r1,0
        bc      CC0,1f-base(%r12)
        la      %r1,1
        bc      CC1,1f-base(%r12)
        la      %r1,2
        bc      CC2,1f-base(%r12)
        la      %r1,3
1:      st      %r1,dcc-base(%r12)
        br      %r14

/* locate: R3 = track -> the seek argument sk (BBCCHH) and the CCHH of the
   search arguments (id0: R0; id1, id2). BAL R14; changes R4, R5. */
locate: sr      %r4,%r4
        lr      %r5,%r3
        d       %r4,heads-base(%r12)    /* R5 cylinder, R4 head */
        sth     %r5,sk+2-base(%r12)
        sth     %r4,sk+4-base(%r12)
        mvc     id0-base(4,%r12),sk+2-base(%r12)
        mvc     id1-base(4,%r12),sk+2-base(%r12)
        mvc     id2-base(4,%r12),sk+2-base(%r12)
        br      %r14

/* records: the count fields and block numbers of track R3's records in
   the areas the format program R11 writes. BAL R14; changes R1, R2, R4-R6. */
records: lr     %r5,%r3
        sll     %r5,2                   /* the track's first block - 1 */
        LV      %r4, FMTAREA
        la      %r6,1                   /* R */
        c       %r11,fmt4a-base(%r12)
        bne     2f-base(%r12)
1:      mvc     0(4,%r4),sk+2-base(%r12) /* 4096: R1-R4, block = R */
        stc     %r6,4(%r4)
        mvc     5(3,%r4),dl4-base(%r12)
        lr      %r2,%r5
        ar      %r2,%r6
        st      %r2,8(%r4)
        la      %r1,8(%r4)
        st      %r2,4092(%r1)
        LV      %r1, R4LEN
        ar      %r4,%r1
        la      %r6,1(%r6)
        c       %r6,five-base(%r12)
        bl      1b-base(%r12)
        br      %r14
2:      mvc     0(4,%r4),sk+2-base(%r12) /* 2048: R1-R8, block = (R + 1) / 2 */
        stc     %r6,4(%r4)
        mvc     5(3,%r4),dl2-base(%r12)
        lr      %r2,%r6
        la      %r2,1(%r2)
        srl     %r2,1
        ar      %r2,%r5
        st      %r2,8(%r4)
        st      %r2,8+2044(%r4)
        la      %r4,R2LEN(%r4)
        la      %r6,1(%r6)
        c       %r6,nine-base(%r12)
        bl      2b-base(%r12)
        br      %r14

/* slot: R6 = the buffer of the R11-th block read (0 first): X'40000' +
   (R11 mod 64) * 4096. BAL R14. */
slot:   lr      %r6,%r11
        n       %r6,m63-base(%r12)
        sll     %r6,12
        a       %r6,ring-base(%r12)
        br      %r14

/* next: R7 = the block after R7 (1 after M); R11 + 1. BAL R14. */
next:   la      %r11,1(%r11)
        la      %r7,1(%r7)
        l       %r1,meth-base(%r12)
        n       %r1,gmask24-base(%r12)
        cr      %r7,%r1
        bnhr    %r14
        la      %r7,1
        br      %r14

/* where: block R7 -> sk, id CCHH (locate), R2 = its record (1-4) on the
   4096 layout, R6 its buffer. where2: the same for the 2048 layout, with
   the records and buffer halves put in the chain prs2. BAL R14. */
where:  lr      %r13,%r14
        lr      %r3,%r7
        bctr    %r3,0
        lr      %r2,%r3
        srl     %r3,2
        bal     %r14,locate-base(%r12)
        n       %r2,three-base(%r12)
        la      %r2,1(%r2)
        bal     %r14,slot-base(%r12)
        br      %r13
where2: lr      %r15,%r14
        bal     %r14,where-base(%r12)
        ar      %r2,%r2                 /* R = 2 * (block's record) - 1, then + 1 */
        bctr    %r2,0
        stc     %r2,id1+4-base(%r12)
        la      %r2,1(%r2)
        stc     %r2,id2+4-base(%r12)
        stcm    %r6,7,prs2+25-base(%r12)
        la      %r6,2048(%r6)
        stcm    %r6,7,prs2+49-base(%r12)
        sh      %r6,h2048-base(%r12)
        br      %r15

/* stamp: the buffer R6 must hold block R7 in its first and last word;
   both are zeroed again. BAL R14. */
stamp:  c       %r7,0(%r6)
        FAILNE  0x600
        c       %r7,4092(%r6)
        FAILNE  0x601
        xc      0(4,%r6),0(%r6)
        xc      4092(4,%r6),4092(%r6)
        br      %r14

/* sio: SIO to the disk of the channel program the CAW names, the I/O
   interruption taken in an enabled wait; it must end with channel end +
   device end and channel status 0. R5 = n: checks n+1..n+4. BAL R14. */
sio:    SETNEW  IONEW, sioint
        .insn   s,0x9c000000,DISK
        bc      CC0,siowait-base(%r12)
        la      %r1,1(%r5)
        b       gfail-base(%r12)
siowait: GOPSW  0x40000000+PSW_WAIT, siowait /* channel 1 */
sioint: mvc     lastcsw-base(8,%r12),CSW
        clc     IOOLD+2(2,%r0),disk-base(%r12)
        la      %r1,2(%r5)
        bne     gfail-base(%r12)
        cli     CSW+4,0x0C
        la      %r1,3(%r5)
        bne     gfail-base(%r12)
        cli     CSW+5,0
        la      %r1,4(%r5)
        bne     gfail-base(%r12)
        br      %r14

/* elapsed: the doubleword at R2 = t1 - t0. BAL R14. */
elapsed: TODDELTA %r4, %r5, t0, t1
        stm     %r4,%r5,0(%r2)
        br      %r14

/* hex16: the doubleword at R2 as 16 hex digits at R3. BAL R14. */
hex16:  unpk    hx-base(9,%r12),0(5,%r2)
        unpk    hx+8-base(9,%r12),4(5,%r2)
        tr      hx-base(16,%r12),hex-240-base(%r12)
        mvc     0(16,%r3),hx-base(%r12)
        br      %r14

/* ---- the channel programs ------------------------------------------------ */
        .balign 8
/* format: Seek, Search ID Equal R0, TIC, Write CKD R1-R4 of 4096 bytes */
fmt4:   CCW     0x07, sk, 0x40, 6
1:      CCW     0x31, id0, 0x40, 5
        CCW     0x08, 1b, 0, 0
        CCW     0x1D, FMTAREA+0*R4LEN, 0x40, R4LEN
        CCW     0x1D, FMTAREA+1*R4LEN, 0x40, R4LEN
        CCW     0x1D, FMTAREA+2*R4LEN, 0x40, R4LEN
        CCW     0x1D, FMTAREA+3*R4LEN, 0x00, R4LEN
/* format: the same with R1-R8 of 2048 bytes */
fmt2:   CCW     0x07, sk, 0x40, 6
1:      CCW     0x31, id0, 0x40, 5
        CCW     0x08, 1b, 0, 0
        CCW     0x1D, FMTAREA+0*R2LEN, 0x40, R2LEN
        CCW     0x1D, FMTAREA+1*R2LEN, 0x40, R2LEN
        CCW     0x1D, FMTAREA+2*R2LEN, 0x40, R2LEN
        CCW     0x1D, FMTAREA+3*R2LEN, 0x40, R2LEN
        CCW     0x1D, FMTAREA+4*R2LEN, 0x40, R2LEN
        CCW     0x1D, FMTAREA+5*R2LEN, 0x40, R2LEN
        CCW     0x1D, FMTAREA+6*R2LEN, 0x40, R2LEN
        CCW     0x1D, FMTAREA+7*R2LEN, 0x00, R2LEN
/* S: one 4096-byte record (the Read's address is set per block) */
prs4:   CCW     0x07, sk, 0x40, 6
1:      CCW     0x31, id1, 0x40, 5
        CCW     0x08, 1b, 0, 0
        CCW     0x06, 0, 0x00, 4096
/* T and D: two 2048-byte records, the shape DIAGNOSE X'18' takes */
prs2:   CCW     0x07, sk, 0x40, 6
1:      CCW     0x31, id1, 0x40, 5
        CCW     0x08, 1b, 0, 0
        CCW     0x06, 0, 0x60, 2048
2:      CCW     0x31, id2, 0x40, 5
        CCW     0x08, 2b, 0, 0
        CCW     0x06, 0, 0x20, 2048
wline:  CCW     0x09, line, 0x20, 69

/* DIAGNOSE X'250' parameter lists (diagnose/diag.h) */
binitpl: .short DISK                    /* INIT: BIO_DEVNO, flags, 0 */
        .byte   0, 0
        .long   4096                    /* BIOI_BLKSIZE */
        .fill   24, 1, 0
bread:  .short  DISK                    /* READ/WRITE */
        .byte   0, 0
        .byte   0, 0, 0, 0              /* key 0, flags, reserved */
        .long   0                       /* BIOR_COUNT */
        .long   blist                   /* BIOR_LIST */
        .fill   16, 1, 0
brem:   .short  DISK                    /* REMOVE */
        .fill   6, 1, 0
blist:  .fill   MAXLIST*16, 1, 0        /* the entries */

dw:     .long   0, 0
bfirst: .long   0, 0, 0, 0, 0           /* R7-R11 at a list's start */
t0:     .long   0, 0
t1:     .long   0, 0
caws:   .long   prs4
cawt:   .long   prs2
wcaw:   .long   wline
fmt4a:  .long   fmt4
ring:   .long   RING
heads:  .long   HEADS
m63:    .long   63
three:  .long   3
five:   .long   5
nine:   .long   9
maxl:   .long   MAXLIST
etype:  .byte   0x02, 0xFF, 0, 0        /* read; a status CP must replace */
perc:   .short  HEADS*PERTRK
h2048:  .short  2048
disk:   .short  DISK
sk:     .fill   6, 1, 0                 /* BBCCHH */
id0:    .fill   5, 1, 0                 /* CCHH 0 */
id1:    .fill   5, 1, 0                 /* CCHHR */
id2:    .fill   5, 1, 0
dl4:    .byte   0, 0x10, 0x00           /* KL 0, DL 4096 */
dl2:    .byte   0, 0x08, 0x00           /* KL 0, DL 2048 */
hx:     .fill   17, 1, 0
hex:    .byte   0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7
        .byte   0xF8, 0xF9, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6
        /* "MDBENCH " card(15) " FORMAT " 16 " READ " 16 */
line:   .byte   0xD4, 0xC4, 0xC2, 0xC5, 0xD5, 0xC3, 0xC8, 0x40
        .fill   15, 1, 0x40
        .byte   0x40, 0xC6, 0xD6, 0xD9, 0xD4, 0xC1, 0xE3, 0x40 /* " FORMAT " */
        .fill   16, 1, 0x40
        .byte   0x40, 0xD9, 0xC5, 0xC1, 0xC4, 0x40 /* " READ " */
        .fill   16, 1, 0x40

        GUEST_END
