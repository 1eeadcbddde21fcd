/*
 * diag250.S - DIAGNOSE X'250', block I/O (DIAGNOSE.md 3.18), in the
 * machine of test_diagnose.py's user DIAGIO: a 3350 minidisk of 5
 * cylinders at 191 (read-write) and the same disk linked read-only at 192.
 * PASS X'0C0DD4' (X'40' + X'250'/4); FAIL X'BADnnn' with the check
 * numbers below.
 *
 * The program formats with its own SIO channel programs the tracks it
 * uses with R1-R19 of 800 bytes (block size 800: 19 a track on a 3350,
 * 30 heads, 5 cylinders: N = 2850): cylinder 0 heads 0, 1 and 29,
 * cylinder 1 head 0, cylinder 4 head 29; the data of the record of block
 * n is its image img(n, 0) (below). Cylinder 2 head 0 gets R1-R3 of 32
 * bytes, for I/O errors. Then:
 *  - READ/WRITE before any INIT (and, when the program runs a second
 *    time, after the IPL that removed the binding the first run left):
 *    cc 2, Ry 12; REMOVE likewise;
 *  - INIT: every error (cc 2 Ry 20 reserved fields, cc 3 Ry 8 no device,
 *    12 not a DASD, 16 a block size not allowed), nothing returned then;
 *    each block size with its k and N; a new INIT replaces the block size
 *    (a 512-byte block of an 800-byte record is an I/O error); the
 *    read-only link: cc 0 Ry 4 and X'80';
 *  - READ/WRITE: the errors of the request (cc 3 Ry 8, cc 2 Ry 12, 16, 20,
 *    24); reads of blocks at the ends of tracks and cylinders and the last
 *    one, which must hold the images of their records; writes of such
 *    blocks, read back by SIO from the record the mapping names (block n
 *    is record ((n-1) mod 19) + 1 of relative track (n-1) div 19) with
 *    their neighbours unchanged; a write and a read of one block in one
 *    request, done in order; each entry status 1-6 with the entries
 *    before it done and those after it status 6 (3: a buffer beyond
 *    storage, and a storage key BIOR_KEY does not match; a matching key
 *    and key 0 read);
 *  - specification (Rx not on a doubleword, Rx = Ry, function 3 and -1,
 *    the entry list not on a doubleword) and addressing (the BIOPL or
 *    the entry list beyond storage; a REMOVE BIOPL of 8 bytes at the end
 *    is not), suppressed; the problem state;
 *  - REMOVE (cc 0, then cc 2 Ry 12; flags cc 2 Ry 20; no device cc 3 Ry
 *    8); DETACH (by DIAGNOSE X'08') removes the binding too.
 * At the end 191 is bound again, for the next run to find unbound.
 *
 * img(n, v): the word n, the word v, then bytes n+v, n+v+1, ... (mod 256).
 */
#include "diag.inc"

        .equ    DISK, 0x191
        .equ    RODISK, 0x192
        .equ    NODEV, 0x5FF
        .equ    CONS, 0x009
        .equ    BSIZE, 800
        .equ    NBLK, 2850                      /* 5 x 30 x 19 */
        .equ    FMTBUF, 0x20000                 /* 19 x (count + data) */
        .equ    EXP, 0x24000                    /* an expected image */
        .equ    RB, 0x25000                     /* read buffers, 1K apart */
        .equ    WB, 0x28000                     /* write buffers, 1K apart */
        .equ    SIOB, 0x2C000                   /* read by SIO */
        .equ    KEYPG, 0x30000                  /* a page with storage key 5 */
        .equ    CMDBUF, 0x31000                 /* X'08' responses */
        .equ    LASTBUF, STORSIZE-BSIZE         /* a buffer up to the last byte */
        /* the parameter lists and variables, in low storage */
        .equ    WORK, 0x800
        .equ    PLI, WORK                       /* INIT BIOPL, 32 bytes */
        .equ    PLRW, WORK+0x20                 /* READ/WRITE BIOPL, 32 */
        .equ    PLRM, WORK+0x40                 /* REMOVE BIOPL, 8 */
        .equ    SAVR, WORK+0x48                 /* a return address */
        .equ    RSVN, WORK+0x4C                 /* n, cc 2, Ry 20 (biox) */
        .equ    FSK, WORK+0x50                  /* BBCCHH (fmt) */
        .equ    FID, WORK+0x58                  /* CCHHR (fmt) */
        .equ    VSK, WORK+0x60                  /* BBCCHH (siorec) */
        .equ    VID, WORK+0x68                  /* CCHHR (siorec) */

/* The checks are subroutines with their parameters after the BAL (the
 * program must stay within the 4K its base register reaches); the entry
 * lists, the records and the channel programs are beyond that, in
 * subsection 2, named by their addresses. */

/* BIO fn, pl, cc, rc, n: DIAGNOSE X'250' with Rx (R2) = pl and Ry (R4) =
 * fn must give condition code cc and Ry = rc, R2 and R3, R5 unchanged.
 * Checks n (cc), n+1 (Ry), n+2 (Rx), n+3 (R3, R5). */
        .macro  BIO fn, pl, cc, rc, n
        bal     %r14,bio-base(%r12)
        .long   \pl
        .short  \n
        .byte   \cc, \rc, \fn, 0
        .endm

/* RW dev, count, list, cc, rc, n [, key]: BIO of READ/WRITE with the
 * BIOPL PLRW for dev, count, list and key, the rest zero; the statuses
 * of the list (count 1-16, in storage) X'EE' before. */
        .macro  RW dev, count, list, cc, rc, n, key=0
        bal     %r14,rw-base(%r12)
        .long   \count, \list
        .short  \n
        .byte   \cc, \rc
        .short  \dev
        .byte   \key, 0
        .endm

/* SETRW dev, count, list: only the BIOPL PLRW of RW (no statuses). */
        .macro  SETRW dev, count, list
        xc      PLRW(32),PLRW
        mvc     PLRW(2),.Lsd\@-base(%r12)
        mvc     PLRW+8(8),.Lsc\@-base(%r12)
        DCONST  .Lsc\@, \count, \list
        .pushsection .text,1
.Lsd\@: .short  \dev
        .popsection
        .endm

/* SETI dev, size: the INIT BIOPL PLI for dev and size, the fields
 * returned X'EE' (BIOI_RFLAGS X'FF'), the rest zero. */
        .macro  SETI dev, size
        bal     %r14,seti-base(%r12)
        .long   \size
        .short  \dev
        .endm

/* INITOK dev, size, k, nblk, rc, rflags, n: INIT gives cc 0, Ry rc and
 * returns nblk, k, rflags and zeros. Checks n..n+7. */
        .macro  INITOK dev, size, k, nblk, rc, rflags, n
        bal     %r14,initok-base(%r12)
        .long   \size, \nblk, \k
        .short  \n
        .byte   0, \rc
        .short  \dev
        .byte   \rflags, 0
        .endm

/* PGM250 code, rx, fn, n: DIAGNOSE X'250' with R2 = rx and R4 = fn is
 * program interruption code, suppressed: the old PSW after it, the
 * condition code (3 before) and R2, R4 unchanged. Checks n..n+3. */
        .macro  PGM250 code, rx, fn, n
        bal     %r14,pgm250-base(%r12)
        .long   \rx, \fn
        .short  \n, \code
        .endm

/* STATS list, n, s...: the statuses of the entries of list are s... (check n). */
        .macro  STATS list, n, st:vararg
        bal     %r14,stats-base(%r12)
        .long   \list
        .short  \n
        .byte   .Lse\@-.Lsb\@
.Lsb\@: .byte   \st
.Lse\@: .balign 2
        .endm

/* IMG buf, n, v, c: the BSIZE bytes at buf are img(n, v) (check c). */
        .macro  IMG buf, n, v, c
        bal     %r14,imgchk-base(%r12)
        .long   \buf, \n
        .short  \v, \c
        .endm

/* MKIMG buf, n, v: the BSIZE bytes at buf become img(n, v). */
        .macro  MKIMG buf, n, v
        bal     %r14,mkimg-base(%r12)
        .long   \buf, \n
        .short  \v
        .endm

/* SIOREC n, v, c: the record of block n, read by SIO, is img(n, v).
 * Checks c+1..c+4. */
        .macro  SIOREC n, v, c
        bal     %r14,siorec-base(%r12)
        .long   \n
        .short  \v, \c
        .endm

/* CPCMD text, len, n: the CP command by DIAGNOSE X'08', the response
 * into CMDBUF; return code 0 (check n). */
        .macro  CPCMD text, len, n
        bal     %r14,cpcmd-base(%r12)
        .long   \text, 0x40000000+\len
        .short  \n
        .endm

/* CLR addr, len, byte: len bytes from addr become byte (MVCL). R8-R11
 * changed. */
        .macro  CLR addr, len, byte
        bal     %r14,clr-base(%r12)
        .long   \addr, \len
        .byte   \byte, 0
        .endm

        GUEST_START 0xD4
        xc      WORK(0x70,%r0),WORK
        mvi     RSVN+2,2
        mvi     RSVN+3,20

/* ---- nothing bound yet: READ/WRITE and REMOVE cc 2 Ry 12 ------------------ */
        RW      DISK, 1, l1, 2, 12, 0x001
        mvc     PLRM(2),disk-base(%r12)
        BIO     2, PLRM, 2, 12, 0x005

/* ---- the tracks formatted by SIO ----------------------------------------- */
        LV      %r11, trks
1:      lh      %r10,0(%r11)                    /* cylinder */
        lh      %r9,2(%r11)                     /* head */
        bal     %r14,fmt-base(%r12)             /* checks 0x010-0x013 */
        la      %r11,4(%r11)
        cli     0(%r11),0xFF
        bne     1b-base(%r12)
        LV      %r1, pfmts                      /* cylinder 2 head 0: 32 bytes */
        st      %r1,CAW
        lh      %r3,disk-base(%r12)
        la      %r5,0x014
        bal     %r14,sio-base(%r12)
        CHKPSW  CSW, pfmtse, 0x0C000000, 0x017

/* ---- INIT: the errors (the table ierr), nothing returned ------------------- */
        LV      %r10, ierr
1:      xc      PLI(32),PLI
        mvc     PLI(2),0(%r10)                  /* the device */
        mvc     PLI+4(4),8(%r10)                /* the block size */
        mvc     PLI+8(9),ees-base(%r12)         /* returned: X'EE's, X'FF' */
        sr      %r1,%r1
        ic      %r1,6(%r10)                     /* a byte to set */
        ltr     %r1,%r1
        bz      2f-base(%r12)
        la      %r1,PLI(%r1)
        mvi     0(%r1),0x01
2:      la      %r2,PLI
        sr      %r4,%r4
        la      %r6,2(%r10)
        bal     %r8,biox-base(%r12)
        clc     PLI+8(9),ees-base(%r12)         /* nothing returned */
        la      %r1,4(%r7)
        bne     gfail-base(%r12)
        la      %r10,12(%r10)
        cli     0(%r10),0xFF
        bne     1b-base(%r12)

/* ---- INIT of each block size; the last one counts --------------------------- */
        INITOK  DISK, 1024, 15, 2250, 0, 0, 0x050
        INITOK  DISK, 2048, 8, 1200, 0, 0, 0x058
        INITOK  DISK, 4096, 4, 600, 0, 0, 0x060
        INITOK  DISK, 512, 27, 4050, 0, 0, 0x068
        RW      DISK, 1, l1, 1, 4, 0x070        /* 512 bytes of an 800-byte record */
        STATS   l1, 0x074, 5
        INITOK  DISK, BSIZE, 19, NBLK, 0, 0, 0x078
        INITOK  RODISK, BSIZE, 19, NBLK, 4, 0x80, 0x080

/* ---- READ/WRITE: the errors of the request ---------------------------------- */
        RW      NODEV, 1, l1, 3, 8, 0x100
        RW      CONS, 1, l1, 2, 12, 0x104       /* not bound */
        RW      DISK, 0, l1, 2, 16, 0x108
        RW      DISK, 257, l1, 2, 16, 0x10C
        RW      DISK, 1, l1, 2, 20, 0x110, 0x01 /* key bits 4-7 */
        /* a bit in a byte of each other field: checks X'180' + 4 x offset */
        LV      %r10, rsvd
1:      SETRW   DISK, 1, l1
        sr      %r9,%r9
        ic      %r9,0(%r10)
        la      %r1,PLRW
        ar      %r1,%r9
        xi      0(%r1),0x01
        sll     %r9,2
        la      %r9,0x180(%r9)
        sth     %r9,RSVN                        /* the check: cc 2, Ry 20 */
        la      %r2,PLRW
        la      %r4,1
        la      %r6,RSVN
        bal     %r8,biox-base(%r12)
        la      %r10,1(%r10)
        cli     0(%r10),0xFF
        bne     1b-base(%r12)
        /* busy: the interruption of an SIO still pending (I/O disabled) */
        LV      %r1, psk
        st      %r1,CAW
        lh      %r3,disk-base(%r12)
        .insn   s,0x9c000000,0(%r3)
        EXPECTCC 0, 0x118
        RW      DISK, 1, l1, 2, 24, 0x119
        lh      %r3,disk-base(%r12)
        la      %r5,0x11D
        bal     %r14,iowait-base(%r12)          /* 0x11F */

/* ---- READ: blocks at the ends of tracks and cylinders ----------------------- */
        CLR     RB, 0x2000, 0xEE
        RW      DISK, 6, l1, 0, 0, 0x200
        STATS   l1, 0x204, 0, 0, 0, 0, 0, 0
        IMG     RB, 1, 0, 0x205
        IMG     RB+0x400, 19, 0, 0x206
        IMG     RB+0x800, 20, 0, 0x207
        IMG     RB+0xC00, 570, 0, 0x208
        IMG     RB+0x1000, 571, 0, 0x209
        IMG     RB+0x1400, NBLK, 0, 0x20A

/* ---- WRITE: the records the mapping names, read back by SIO --------------- */
        MKIMG   WB, 2, 1
        MKIMG   WB+0x400, 38, 1
        MKIMG   WB+0x800, 552, 1
        MKIMG   WB+0xC00, 589, 1
        MKIMG   WB+0x1000, NBLK-1, 1
        RW      DISK, 5, l2, 0, 0, 0x210
        STATS   l2, 0x214, 0, 0, 0, 0, 0
        SIOREC  2, 1, 0x220                     /* cylinder 0 head 0 R2 */
        SIOREC  38, 1, 0x228                    /* cylinder 0 head 1 R19 */
        SIOREC  552, 1, 0x230                   /* cylinder 0 head 29 R1 */
        SIOREC  589, 1, 0x238                   /* cylinder 1 head 0 R19 */
        SIOREC  NBLK-1, 1, 0x240                /* cylinder 4 head 29 R18 */
        SIOREC  1, 0, 0x248                     /* the neighbours as they were */
        SIOREC  3, 0, 0x250
        SIOREC  37, 0, 0x258
        SIOREC  553, 0, 0x260
        SIOREC  588, 0, 0x268
        SIOREC  NBLK, 0, 0x270
        /* a write and a read of one block, in order */
        MKIMG   WB+0x1400, 3, 2
        CLR     RB, 0x800, 0xEE
        RW      DISK, 3, l3, 0, 0, 0x280
        STATS   l3, 0x284, 0, 0, 0
        IMG     RB, 3, 2, 0x285
        IMG     RB+0x400, 2, 1, 0x286
        SIOREC  3, 2, 0x288

/* ---- the statuses: the entries before the failure done, after it 6 -------- */
        CLR     RB, 0x1000, 0xEE
        RW      DISK, 3, l4, 1, 4, 0x300        /* block 0 */
        STATS   l4, 0x304, 0, 1, 6
        IMG     RB, 1, 0, 0x305
        LV      %r6, RB+0x800
        CHKB    0(%r6), 0xEE, 0x306             /* not read */
        RW      DISK, 2, l5, 1, 4, 0x308        /* block N+1 */
        STATS   l5, 0x30C, 0, 1
        RW      RODISK, 3, l6, 1, 4, 0x310      /* a write on the read-only link */
        STATS   l6, 0x314, 0, 2, 6
        SIOREC  1, 0, 0x318                     /* not written */
        CLR     RB, 0x1000, 0xEE
        RW      DISK, 2, l7, 1, 4, 0x320        /* a buffer beyond storage */
        STATS   l7, 0x324, 0, 3
        IMG     LASTBUF, 1, 0, 0x325            /* (up to the last byte: fine) */
        /* a storage key that does not match BIOR_KEY */
        la      %r2,0x50
        LV      %r3, KEYPG
        .insn   rr,0x0800,%r2,%r3               /* SSK: key 5 */
        LV      %r3, KEYPG+0x800
        .insn   rr,0x0800,%r2,%r3
        CLR     KEYPG, 0x1000, 0xEE
        RW      DISK, 1, l8, 1, 4, 0x330, 0x30
        STATS   l8, 0x334, 3
        LV      %r6, KEYPG
        CHKB    0(%r6), 0xEE, 0x335
        RW      DISK, 1, l8, 0, 0, 0x338, 0x50
        IMG     KEYPG, 1, 0, 0x33C
        CLR     KEYPG, 0x1000, 0xEE
        RW      DISK, 1, l8, 0, 0, 0x340        /* key 0: no checking */
        IMG     KEYPG, 1, 0, 0x344
        /* a type not 1 or 2, reserved fields not zero */
        RW      DISK, 3, l9, 1, 4, 0x350
        STATS   l9, 0x354, 0, 4, 6
        RW      DISK, 1, l9a, 1, 4, 0x358
        STATS   l9a, 0x35C, 4
        RW      DISK, 1, l9b, 1, 4, 0x360
        STATS   l9b, 0x364, 4
        RW      DISK, 1, l9c, 1, 4, 0x368
        STATS   l9c, 0x36C, 4
        /* I/O errors: a record of 32 bytes, a record not there */
        RW      DISK, 3, l10, 1, 4, 0x370
        STATS   l10, 0x374, 0, 5, 6
        RW      DISK, 1, l10a, 1, 4, 0x378
        STATS   l10a, 0x37C, 5

/* ---- an entry list up to the end of storage -------------------------------- */
        CLR     RB, 0x400, 0xEE
        LV      %r6, STORSIZE-16
        LV      %r7, l1
        mvc     0(16,%r6),0(%r7)                /* block 1 */
        mvi     1(%r6),0xEE
        RW      DISK, 1, STORSIZE-16, 0, 0, 0x380
        STATS   STORSIZE-16, 0x384, 0
        IMG     RB, 1, 0, 0x385

/* ---- exceptions, suppressed ------------------------------------------------- */
        SETI    DISK, BSIZE
        PGM250  PGM_SPEC, PLI+4, 0, 0x400       /* Rx not on a doubleword */
        CHKW    PLI+8, 0xEEEEEEEE, 0x404
        sr      %r4,%r4
        PGMCHK  PGM_SPEC, 0x405, %r4, %r4, 0x250     /* Rx = Ry */
        PGM250  PGM_SPEC, PLI, 3, 0x408         /* function 3 */
        PGM250  PGM_SPEC, PLI, 0xFFFFFFFF, 0x40C
        SETRW   DISK, 1, l1+4
        PGM250  PGM_SPEC, PLRW, 1, 0x410        /* the list not on a doubleword */
        SETRW   DISK, 2, STORSIZE-16
        PGM250  PGM_ADDR, PLRW, 1, 0x414        /* the list beyond storage */
        LV      %r2, STORSIZE-16
        mvc     0(16,%r2),PLI
        PGM250  PGM_ADDR, STORSIZE-16, 0, 0x418 /* the BIOPL beyond storage */
        PGM250  PGM_ADDR, STORSIZE-16, 1, 0x41C
        PGM250  PGM_ADDR, STORSIZE-8, 0, 0x420  /* INIT: 32 bytes */
        PROBCHK 0x424, %r2, %r4, 0x250

/* ---- REMOVE --------------------------------------------------------------- */
        mvi     PLRM+2,0x01
        BIO     2, PLRM, 2, 20, 0x500           /* a flag */
        mvi     PLRM+2,0
        BIO     2, PLRM, 0, 0, 0x504
        BIO     2, PLRM, 2, 12, 0x508           /* not bound any more */
        RW      DISK, 1, l1, 2, 12, 0x50C
        mvc     PLRM(2),nodev-base(%r12)
        BIO     2, PLRM, 3, 8, 0x510
        /* a REMOVE BIOPL of 8 bytes at the end of storage */
        INITOK  DISK, BSIZE, 19, NBLK, 0, 0, 0x518
        LV      %r6, STORSIZE-8
        xc      0(8,%r6),0(%r6)
        mvc     0(2,%r6),disk-base(%r12)
        BIO     2, STORSIZE-8, 0, 0, 0x520
        RW      DISK, 1, l1, 2, 12, 0x524
        /* DETACH of the read-only link, bound since 0x080; linked again */
        CPCMD   detach, detach_len, 0x530
        CPCMD   link, link_len, 0x531
        RW      RODISK, 1, l1, 2, 12, 0x534

/* ---- 191 left bound: the next run finds it unbound after its IPL ------------ */
        INITOK  DISK, BSIZE, 19, NBLK, 0, 0, 0x540
        PASS

/* ---- subroutines ---------------------------------------------------------- */

/* bio: the DIAGNOSE of a BIO macro; R14 -> pl (word), n (halfword), cc,
 * rc, fn (bytes) and one more. Returns after them. biox: R2 = pl, R4 =
 * fn, R6 -> n, cc, rc; returns to R8. */
bio:    lr      %r8,%r14
        la      %r8,10(%r8)
        l       %r2,0(%r14)
        sr      %r4,%r4
        ic      %r4,8(%r14)
        la      %r6,4(%r14)
biox:   l       %r3,k33-base(%r12)
        l       %r5,k55-base(%r12)
        lh      %r7,0(%r6)                      /* n */
        CCBEFORE 2(%r6)
        lr      %r9,%r2
        DIAG    %r2, %r4, 0x250
        CCAFTER 2(%r6), 0
        sr      %r0,%r0
        ic      %r0,3(%r6)
        cr      %r4,%r0
        la      %r1,1(%r7)
        bne     gfail-base(%r12)
        cr      %r2,%r9
        la      %r1,2(%r7)
        bne     gfail-base(%r12)
        REGIS   %r3, k33-base(%r12), 3
        REGIS   %r5, k55-base(%r12), 3
        br      %r8

/* rw: the READ/WRITE of an RW macro; R14 -> count, list (words), n
 * (halfword), cc, rc (bytes), dev (halfword), key (byte) and one more. */
rw:     xc      PLRW(32),PLRW
        mvc     PLRW(2),12(%r14)
        mvc     PLRW+4(1),14(%r14)
        mvc     PLRW+8(8),0(%r14)
        l       %r1,0(%r14)                     /* the statuses: count 1-16 */
        bctr    %r1,0
        cl      %r1,k15-base(%r12)
        bh      2f-base(%r12)
        la      %r1,1(%r1)
        l       %r6,4(%r14)                     /* a list in storage */
        cl      %r6,lastlist-base(%r12)
        bh      2f-base(%r12)
1:      mvi     1(%r6),0xEE
        la      %r6,16(%r6)
        bct     %r1,1b-base(%r12)
2:      la      %r8,16(%r14)
        la      %r2,PLRW
        la      %r4,1
        la      %r6,8(%r14)
        b       biox-base(%r12)

/* seti: the INIT BIOPL; R14 -> size (word), dev (halfword). */
seti:   xc      PLI(32),PLI
        mvc     PLI(2),4(%r14)
        mvc     PLI+4(4),0(%r14)
        mvc     PLI+8(8),ees-base(%r12)
        mvi     PLI+16,0xFF
        b       6(%r14)

/* initok: an INITOK macro; R14 -> size, nblk, k (words), n (halfword),
 * 0, rc (bytes), dev (halfword), rflags (byte) and one more. */
initok: lr      %r10,%r14
        xc      PLI(32),PLI
        mvc     PLI(2),16(%r10)
        mvc     PLI+4(4),0(%r10)
        mvc     PLI+8(8),ees-base(%r12)
        mvi     PLI+16,0xFF
        la      %r2,PLI
        sr      %r4,%r4
        la      %r6,12(%r10)
        bal     %r8,biox-base(%r12)
        lh      %r7,12(%r10)
        clc     PLI+8(8),4(%r10)                /* N, k */
        la      %r1,4(%r7)
        bne     gfail-base(%r12)
        clc     PLI+16(1),18(%r10)              /* the flags */
        la      %r1,5(%r7)
        bne     gfail-base(%r12)
        clc     PLI+17(15),zeros-base(%r12)
        la      %r1,6(%r7)
        bne     gfail-base(%r12)
        b       20(%r10)

/* pgm250: a PGM250 macro; R14 -> rx, fn (words), n, code (halfwords).
 * The old PSW: ILC 2, cc 3, after the DIAGNOSE. */
pgm250: lr      %r10,%r14
        l       %r2,0(%r10)
        l       %r4,4(%r10)
        lh      %r7,8(%r10)
        SETNEW  PGMNEW, pgmc
        SETCC   3
pgmi:   DIAG    %r2, %r4, 0x250
        .short  0x0000                          /* (executed: operation) */
pgmc:   DEFAULT_NEW
        clc     PGMOLD+2(2,%r0),10(%r10)
        la      %r1,0(%r7)
        bne     gfail-base(%r12)
        l       %r1,PGMOLD+4
        n       %r1,gmask24-base(%r12)
        la      %r0,pgmi+4-base(%r12)
        cr      %r1,%r0
        la      %r1,1(%r7)
        bne     gfail-base(%r12)
        cli     PGMOLD+4,0xB0                   /* ILC 2, cc 3, mask 0 */
        la      %r1,2(%r7)
        bne     gfail-base(%r12)
        c       %r2,0(%r10)
        la      %r1,3(%r7)
        bne     gfail-base(%r12)
        c       %r4,4(%r10)
        bne     gfail-base(%r12)
        b       12(%r10)

/* stats: R14 -> the list (word), n (halfword), the count, the statuses
 * (bytes); returns after them (halfword aligned). */
stats:  l       %r6,0(%r14)
        sr      %r7,%r7
        ic      %r7,6(%r14)
        la      %r8,7(%r14)
1:      clc     1(1,%r6),0(%r8)
        lh      %r1,4(%r14)
        bne     gfail-base(%r12)
        la      %r6,16(%r6)
        la      %r8,1(%r8)
        bct     %r7,1b-base(%r12)
        la      %r8,1(%r8)
        n       %r8,kfffe-base(%r12)
        br      %r8

/* img: the BSIZE bytes at R6 become img(R7, R9); R6 ends after them. R0,
 * R1 changed. BAL R13. */
img:    st      %r7,0(%r6)
        st      %r9,4(%r6)
        lr      %r1,%r7
        ar      %r1,%r9
        la      %r0,BSIZE-8
        la      %r6,8(%r6)
1:      stc     %r1,0(%r6)
        la      %r6,1(%r6)
        la      %r1,1(%r1)
        bct     %r0,1b-base(%r12)
        br      %r13

/* mkimg: an MKIMG macro; R14 -> buf, n (words), v (halfword). */
mkimg:  l       %r6,0(%r14)
        l       %r7,4(%r14)
        lh      %r9,8(%r14)
        bal     %r13,img-base(%r12)
        b       10(%r14)

/* cpcmd: a CPCMD macro; R14 -> text, flags and length (words), n
 * (halfword). */
cpcmd:  lr      %r10,%r14
        l       %r2,0(%r10)
        l       %r4,4(%r10)
        LV      %r3, CMDBUF
        LV      %r5, 4096
        DIAG    %r2, %r4, 0x008
        ltr     %r4,%r4
        lh      %r1,8(%r10)
        bnz     gfail-base(%r12)
        b       10(%r10)

/* clr: a CLR macro; R14 -> addr, len (words), byte. */
clr:    lm      %r10,%r11,0(%r14)
        sr      %r8,%r8
        sr      %r9,%r9
        ic      %r9,8(%r14)
        sll     %r9,24
        mvcl    %r10,%r8
        b       10(%r14)

/* cmpimg: the condition code of comparing the BSIZE bytes at R8 with
 * img(R7, R9). R0, R1, R6-R9 changed. BAL R11. */
cmpimg: LV      %r6, EXP
        bal     %r13,img-base(%r12)
        LV      %r6, EXP
        la      %r7,BSIZE
        la      %r9,BSIZE
        clcl    %r6,%r8
        br      %r11

/* imgchk: an IMG macro; R14 -> buf, n (words), v, c (halfwords). */
imgchk: lr      %r10,%r14
        l       %r8,0(%r10)
        l       %r7,4(%r10)
        lh      %r9,8(%r10)
        bal     %r11,cmpimg-base(%r12)
        lh      %r1,10(%r10)
        bne     gfail-base(%r12)
        b       12(%r10)

/* fmt: cylinder R10 head R9 formatted by SIO with R1-R19 of BSIZE bytes,
 * the data of block n img(n, 0). Checks 0x010-0x013. */
fmt:    st      %r14,SAVR
        sth     %r10,FSK+2
        sth     %r9,FSK+4
        sth     %r10,FID
        sth     %r9,FID+2
        lr      %r7,%r10                        /* n = (c * 30 + h) * 19 + 1 */
        mh      %r7,k30-base(%r12)
        ar      %r7,%r9
        mh      %r7,k19-base(%r12)
        la      %r7,1(%r7)
        LV      %r6, FMTBUF
        la      %r8,1                           /* R */
1:      mvc     0(4,%r6),FID                    /* count: CCHH R, KL 0, DL 800 */
        stc     %r8,4(%r6)
        mvc     5(3,%r6),kldl-base(%r12)
        la      %r6,8(%r6)
        sr      %r9,%r9
        bal     %r13,img-base(%r12)
        la      %r7,1(%r7)
        la      %r8,1(%r8)
        ch      %r8,k20-base(%r12)
        bl      1b-base(%r12)
        LV      %r1, pfmt
        st      %r1,CAW
        lh      %r3,disk-base(%r12)
        la      %r5,0x010
        bal     %r14,sio-base(%r12)
        CHKPSW  CSW, pfmte, 0x0C000000, 0x013
        l       %r14,SAVR
        br      %r14

/* siorec: a SIOREC macro; R14 -> n (word), v, c (halfwords). The record
 * of block n read by SIO into SIOB (checks c+1 to c+3) and compared
 * (c+4). */
siorec: lr      %r10,%r14
        lh      %r5,6(%r10)                     /* c */
        l       %r1,0(%r10)
        bctr    %r1,0
        sr      %r0,%r0
        d       %r0,k19w-base(%r12)             /* R1 = track, R0 = R - 1 */
        a       %r0,k1-base(%r12)
        stc     %r0,VID+4
        sr      %r0,%r0
        d       %r0,k30w-base(%r12)             /* R1 = cylinder, R0 = head */
        sth     %r1,VSK+2
        sth     %r0,VSK+4
        sth     %r1,VID
        sth     %r0,VID+2
        LV      %r1, psio
        st      %r1,CAW
        lh      %r3,disk-base(%r12)
        bal     %r14,sio-base(%r12)
        clc     CSW(8,%r0),psiocsw-base(%r12)
        la      %r1,3(%r5)
        bne     gfail-base(%r12)
        LV      %r8, SIOB
        l       %r7,0(%r10)
        lh      %r9,4(%r10)
        bal     %r11,cmpimg-base(%r12)
        la      %r1,4(%r5)
        bne     gfail-base(%r12)
        b       8(%r10)

        SIOSUB
/* ---- beyond the base register's reach: channel programs, lists, text ---- */
        .pushsection .text,2
        .balign 8
/* R1-R19 of BSIZE bytes after R0 */
pfmt:   CCW     0x07, FSK, 0x40, 6
        SRCH    FID
        .set    .Lr, 0
        .rept   18
        CCW     0x1D, FMTBUF+.Lr*(8+BSIZE), 0x40, 8+BSIZE
        .set    .Lr, .Lr+1
        .endr
        CCW     0x1D, FMTBUF+18*(8+BSIZE), 0x00, 8+BSIZE
pfmte:
/* cylinder 2 head 0: R1-R3 of 32 bytes */
pfmts:  CCW     0x07, sk20, 0x40, 6
        SRCH    id20
        CCW     0x1D, srec, 0x40, 40
        CCW     0x1D, srec+40, 0x40, 40
        CCW     0x1D, srec+80, 0x00, 40
pfmtse:
/* Read Data of the record VID */
psio:   CCW     0x07, VSK, 0x40, 6
        SRCH    VID
        CCW     0x06, SIOB, 0x00, BSIZE
psioe:
psk:    CCW     0x07, sk20, 0x20, 6

/* IERR dev, size, byte, cc, rc, n: an INIT with PLI byte `byte` X'01'
 * (0: none) gives cc and Ry rc, nothing returned. Checks n..n+4. */
        .macro  IERR dev, size, byte, cc, rc, n
        .short  \dev, \n
        .byte   \cc, \rc, \byte, 0
        .long   \size
        .endm
ierr:   IERR    DISK, BSIZE, 2, 2, 20, 0x018    /* BIO_FLAGS */
        IERR    DISK, BSIZE, 3, 2, 20, 0x01D    /* BIO_RES0 */
        IERR    DISK, BSIZE, 17, 2, 20, 0x022   /* the first byte of BIOI_RES */
        IERR    DISK, BSIZE, 31, 2, 20, 0x027   /* its last byte */
        IERR    NODEV, BSIZE, 0, 3, 8, 0x02C
        IERR    CONS, BSIZE, 0, 3, 12, 0x031    /* not a DASD */
        IERR    DISK, 0, 0, 3, 16, 0x036        /* block sizes not allowed */
        IERR    DISK, 256, 0, 3, 16, 0x03B
        IERR    DISK, 1000, 0, 3, 16, 0x040
        IERR    DISK, 8192, 0, 3, 16, 0x045
        IERR    DISK, 0x80000200, 0, 3, 16, 0x04A
        .short  0xFFFF

/* ---- the entry lists -------------------------------------------------------- */
/* ENT type, block, buffer [, res0, res1]: a block entry, status X'EE' */
        .macro  ENT type, block, buffer, res0=0, res1=0
        .byte   \type, 0xEE
        .short  \res0
        .long   \block, \res1, \buffer
        .endm
        .equ    W, 0x01
        .equ    R, 0x02

        .balign 8
l1:     ENT     R, 1, RB                        /* reads at the ends of tracks, cylinders */
        ENT     R, 19, RB+0x400
        ENT     R, 20, RB+0x800
        ENT     R, 570, RB+0xC00
        ENT     R, 571, RB+0x1000
        ENT     R, NBLK, RB+0x1400
l2:     ENT     W, 2, WB                        /* writes */
        ENT     W, 38, WB+0x400
        ENT     W, 552, WB+0x800
        ENT     W, 589, WB+0xC00
        ENT     W, NBLK-1, WB+0x1000
l3:     ENT     W, 3, WB+0x1400                 /* write, read it, read another */
        ENT     R, 3, RB
        ENT     R, 2, RB+0x400
l4:     ENT     R, 1, RB                        /* block 0 */
        ENT     R, 0, RB+0x400
        ENT     R, 2, RB+0x800
l5:     ENT     R, NBLK, RB                     /* block N+1 */
        ENT     R, NBLK+1, RB+0x400
l6:     ENT     R, 1, RB                        /* a write on the read-only link */
        ENT     W, 1, WB
        ENT     R, 2, RB+0x400
l7:     ENT     R, 1, LASTBUF                   /* a buffer beyond storage */
        ENT     R, 1, STORSIZE-400
l8:     ENT     R, 1, KEYPG                     /* storage key 5 */
l9:     ENT     R, 1, RB                        /* type 3 */
        ENT     3, 1, RB+0x400
        ENT     R, 2, RB+0x800
l9a:    ENT     0, 1, RB                        /* type 0 */
l9b:    ENT     R, 1, RB, 1, 0                  /* BIOE_RES0 */
l9c:    ENT     R, 1, RB, 0, 1                  /* BIOE_RES1 */
l10:    ENT     R, 1, RB                        /* 32 bytes; not there */
        ENT     R, 1141, RB+0x400
        ENT     R, 1145, RB+0x800
l10a:   ENT     R, 1145, RB

rsvd:   .byte   2, 3, 5, 6, 7, 16, 20, 24, 31, 0xFF /* reserved bytes of PLRW */
        .balign 2
trks:   .short  0, 0, 0, 1, 0, 29, 1, 0, 4, 29, 0xFFFF /* cylinder, head */
sk20:   .short  0, 2, 0                         /* cylinder 2 head 0 */
id20:   .short  2, 0
        .byte   0
srec:   .short  2, 0                            /* R1-R3 of 32 bytes */
        .byte   1, 0
        .short  32
        .fill   32, 1, 0x51
        .short  2, 0
        .byte   2, 0
        .short  32
        .fill   32, 1, 0x52
        .short  2, 0
        .byte   3, 0
        .short  32
        .fill   32, 1, 0x53
detach: .byte   0xC4, 0xC5, 0xE3, 0xC1, 0xC3, 0xC8, 0x40, 0xF1, 0xF9, 0xF2  /* DETACH 192 */
        .equ    detach_len, 10
link:   .byte   0xD3, 0xC9, 0xD5, 0xD2, 0x40, 0x5C, 0x40, 0xF1, 0xF9, 0xF1, 0x40, 0xF1, 0xF9, 0xF2, 0x40, 0xD9, 0xD9  /* LINK * 191 192 RR */
        .equ    link_len, 17
        .popsection

/* ---- the parameter lists, the arguments ----------------------------------- */
        .balign 8
ees:    .long   0xEEEEEEEE, 0xEEEEEEEE
        .byte   0xFF
        .balign 4
zeros:  .fill   16, 1, 0
psiocsw: .long  psioe, 0x0C000000
k1:     .long   1
k15:    .long   15
k19w:   .long   19
k30w:   .long   30
k33:    .long   0x33333333
k55:    .long   0x55555555
kfffe:  .long   0xFFFFFFFE
lastlist: .long STORSIZE-256
k19:    .short  19
k20:    .short  20
k30:    .short  30
disk:   .short  DISK
nodev:  .short  NODEV
kldl:   .byte   0, BSIZE >> 8, BSIZE & 0xFF
        GUEST_END
