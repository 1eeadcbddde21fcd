/*
 * dasdfuzz.S - random channel programs on the disk at X'191', for a time
 * or a number of iterations the parameter card gives: whatever they do,
 * the channel and the disk (under CP: CP's translation of the programs
 * for a minidisk) must end each one with an interruption or a condition
 * code, and nothing may touch storage outside the data area. Natively a
 * whole Hercules 3350; under CP a minidisk, with canary cylinders around
 * it that the test checks afterwards. PASS X'0C0D21' when the budget is
 * used up; FAIL X'BADnnn' or X'EEkccc' on what cannot happen.
 *
 * The parameter card, the first card after the deck in the reader the
 * program was IPLed from (mkdeck.py --card), in EBCDIC:
 *   columns  1-4   N, the disk's cylinders (4 decimal digits)
 *   columns  6-13  the seed (8 hex digits; 00000000: from the TOD clock)
 *   columns 15-22  iterations (8 decimal digits; 0: no limit)
 *   columns 24-27  seconds (4 decimal digits; 0: no limit)
 * e.g. "0005 0000BEEF 00002000 0000". The run ends when either budget
 * is used up (with both 0 it never ends). The same seed gives the same
 * channel programs, so a failing run can be replayed.
 *
 * Each iteration builds a channel program of 1-8 CCWs at `slots` (X'1040',
 * followed by two zero doublewords a runaway chain meets: program check)
 * and starts it with SIO:
 *  - 7 times in 8 a CCW is a DASD command from `cmdtab`: Seek, Seek
 *    Cylinder, Seek Head (BBCCHH: BB 0, 1 in 16 random; CC mostly below
 *    N+4, 1 in 8 any 16-bit value; HH mostly below 32), Search ID
 *    Equal/High/Equal or High and their multitrack forms (CCHHR), Search
 *    HA (CCHH), Search Key, Read Data, Read Key and Data, Read Count,
 *    Read R0, Read CKD, Read HA, Read IPL, Write CKD, Write R0, Erase
 *    (count fields with such cylinders and heads, random key and data
 *    lengths), Write Data, Write HA, Recalibrate, Set File Mask (mostly
 *    X'00', X'40', X'80', X'C0', X'08', X'10', X'18'; 1 in 4 any byte),
 *    TIC; argument counts exact, 1 in 8 random;
 *  - 1 time in 8 it is random: any command byte (but a TIC), any of the
 *    flags CD, CC, SLI, SKIP, PCI (1 in 16 bits 38-39 as well, never
 *    IDA), a count of 0-511;
 *  - the flags chain commands, now and then data (CD), end early, add
 *    SLI, SKIP or PCI; the last CCW mostly ends the chain;
 *  - a TIC goes forward to a later CCW, or back to a Search ID just
 *    before it (the search loop; it ends at no record found or the end
 *    of the cylinder). No other way back: every program ends. (A Search
 *    HA loop that never matches would not: no TIC back to one.)
 *  - every data address is in the data area X'8000'-X'8FFF' (random
 *    contents at the start, then whatever the reads leave there; a read
 *    backward command's address is the last byte of its area); the
 *    arguments are written at random places in it. The 4K on either
 *    side (X'7000', X'9000') hold X'A5' and are checked after every
 *    program: a byte changed there is FAIL X'BAD0F4'.
 * SIO cc 0: the interruption ends it (PCI interruptions and a channel
 * end alone are waited past); cc 1: the status stored ends it; cc 2:
 * counted; cc 3: FAIL X'BAD0E3' (the disk has gone). After a unit check,
 * a Sense. The waits are enabled for channel 1 only and for the clock
 * comparator, set 10 seconds ahead: an interruption from another device
 * is FAIL X'BAD0F1', no ending within 10 seconds FAIL X'BAD0F2'. A
 * program check, or any other interruption, in the fuzzer itself is
 * X'EEkccc'.
 *
 * The console 009 gets "DASDFUZZ SEED ssssssss" at the start and
 * "DASDFUZZ SEED ssssssss DONE iiiiiiii" (hex) at the end.
 *
 *   X'1010'  iterations
 *   X'1014'  the seed
 *   X'1018'  SIO cc 0, 1, 2, 3 (4 words)
 *   X'1028'  endings with unit check
 *   X'102C'  endings with channel status (incorrect length, program
 *            check, ...; not PCI)
 *   X'1030'  PCI interruptions
 *   X'1038'  the last CSW
 *   X'1040'  the channel program (10 doublewords)
 *   X'1090'  the last sense bytes (24)
 *   X'10A8'  the parameter card (80)
 */
#include "s370.inc"

        GUEST_START 0x21

        .equ    DISK, 0x191
        .equ    CONS, 0x009
        .equ    FBUF, 0x8000            /* the data area */
        .equ    FBLEN, 0x1000
        .equ    GUARD1, 0x7000          /* 4K of X'A5' either side */
        .equ    GUARD2, 0x9000
        .equ    GUARDLEN, 0x1000
        .equ    NSLOT, 8
        .equ    WAITPSW, 0x41020000     /* channel 1, external, wait */
        /* kinds of cmdtab entries (branch-table offsets) */
        .equ    K_SEEK, 0
        .equ    K_SID, 4                /* Search ID: CCHHR */
        .equ    K_SHA, 8                /* Search HA: CCHH */
        .equ    K_HA5, 12               /* Write HA: 0 CCHH */
        .equ    K_CNT, 16               /* a count field, key and data */
        .equ    K_READ, 20
        .equ    K_WDATA, 24
        .equ    K_CTL, 28
        .equ    K_SFM, 32
        .equ    K_TIC, 36
        .equ    K_RAND, 40              /* a random CCW */

        b       init-base(%r12)

        .balign 16
iter:   .long   0                       /* X'1010' */
seed0:  .long   0                       /* X'1014' */
nsio:   .long   0, 0, 0, 0              /* X'1018' */
nuc:    .long   0                       /* X'1028' */
nchk:   .long   0                       /* X'102C' */
npci:   .long   0                       /* X'1030' */
        .long   0
lastcsw: .long  0, 0                    /* X'1038' */
slots:  .fill   (NSLOT+2)*8, 1, 0       /* X'1040' */
sense:  .fill   24, 1, 0                /* X'1090' */
card:   .fill   80, 1, 0                /* X'10A8' */

/* ---- the parameter card ------------------------------------------------- */
init:   PARMCARD card, 0x001
        la      %r2,card-base(%r12)     /* N */
        la      %r3,4
        bal     %r14,decimal-base(%r12)
        ltr     %r1,%r1
        FAILEQ  0x004
        st      %r1,ncyl-base(%r12)
        la      %r1,4(%r1)
        st      %r1,ncyl4-base(%r12)
        la      %r2,card+5-base(%r12)   /* the seed */
        sr      %r3,%r3
        la      %r4,8
1:      sr      %r1,%r1
        ic      %r1,0(%r2)
        la      %r0,0xF0
        sr      %r1,%r0
        bnm     2f-base(%r12)           /* 0-9 */
        la      %r1,0xF0-0xC1+10(%r1)   /* A-F: C1-C6 */
        la      %r0,10
        cr      %r1,%r0
        FAILIF  CC1, 0x005
2:      la      %r0,15
        cr      %r1,%r0
        FAILIF  CC2, 0x005
        sll     %r3,4
        or      %r3,%r1
        la      %r2,1(%r2)
        bct     %r4,1b-base(%r12)
        ltr     %r3,%r3
        bnz     3f-base(%r12)
        stck    dw-base(%r12)           /* 0: from the clock */
        l       %r3,dw+4-base(%r12)
        x       %r3,dw-base(%r12)
        ltr     %r3,%r3
        bnz     3f-base(%r12)
        la      %r3,1                   /* xorshift needs a nonzero state */
3:      st      %r3,seed-base(%r12)
        st      %r3,seed0-base(%r12)
        la      %r2,card+14-base(%r12)  /* iterations */
        la      %r3,8
        bal     %r14,decimal-base(%r12)
        st      %r1,maxit-base(%r12)
        la      %r2,card+23-base(%r12)  /* seconds */
        la      %r3,4
        bal     %r14,decimal-base(%r12)
        xc      deadline-base(8,%r12),deadline-base(%r12) /* 0: none */
        ltr     %r1,%r1
        bz      4f-base(%r12)
        m       %r0,million-base(%r12)  /* R0:R1 microseconds */
        sldl    %r0,12                  /* TOD units */
        stck    dw-base(%r12)
        lm      %r2,%r3,dw-base(%r12)
        bal     %r14,add64-base(%r12)
        stm     %r2,%r3,deadline-base(%r12)
4:
        /* CR0: external interruptions from the clock comparator only
           (not the interval timer, interrupt key, external signal) */
        stctl   %c0,%c0,dw-base(%r12)
        l       %r1,dw-base(%r12)
        n       %r1,cr0off-base(%r12)
        o       %r1,cr0cc-base(%r12)
        st      %r1,dw-base(%r12)
        lctl    %c0,%c0,dw-base(%r12)
        /* random contents in the data area */
        l       %r2,fbuf-base(%r12)
        la      %r3,FBLEN/4
5:      bal     %r14,rand-base(%r12)
        st      %r1,0(%r2)
        la      %r2,4(%r2)
        bct     %r3,5b-base(%r12)
        l       %r2,guard1-base(%r12)   /* the guard areas */
        bal     %r14,gfill-base(%r12)
        l       %r2,guard2-base(%r12)
        bal     %r14,gfill-base(%r12)
        l       %r1,seed0-base(%r12)
        la      %r2,msgseed-base(%r12)
        bal     %r14,hex8-base(%r12)
        la      %r1,ccwm1-base(%r12)
        bal     %r14,conwrite-base(%r12)
        /* the disk to a track first: Hercules 3.13 fails (segmentation
           fault, CPU check-stop) on a read or search before any seek */
        la      %r1,precal-base(%r12)
        st      %r1,CAW
        bal     %r11,start-base(%r12)
        CHKB    lastcsw+4-base(%r12), 0x0C, 0x006

/* ---- the loop ---------------------------------------------------------------- */
loop:   l       %r1,maxit-base(%r12)
        ltr     %r1,%r1
        bz      1f-base(%r12)
        cl      %r1,iter-base(%r12)
        bnh     done-base(%r12)
1:      l       %r1,deadline-base(%r12)
        ltr     %r1,%r1
        bz      2f-base(%r12)
        stck    dw-base(%r12)
        clc     dw-base(8,%r12),deadline-base(%r12)
        bnl     done-base(%r12)
2:      bal     %r11,gen-base(%r12)
        la      %r1,slots-base(%r12)
        st      %r1,CAW
        bal     %r11,start-base(%r12)
        tm      lastcsw+4-base(%r12),0x02
        bz      3f-base(%r12)
        l       %r1,nuc-base(%r12)      /* unit check: the sense */
        al      %r1,one-base(%r12)
        st      %r1,nuc-base(%r12)
        la      %r1,psense-base(%r12)
        st      %r1,CAW
        bal     %r11,start-base(%r12)
3:      l       %r2,guard1-base(%r12)   /* nothing outside the data area */
        bal     %r14,gcheck-base(%r12)
        l       %r2,guard2-base(%r12)
        bal     %r14,gcheck-base(%r12)
        l       %r1,iter-base(%r12)
        al      %r1,one-base(%r12)
        st      %r1,iter-base(%r12)
        b       loop-base(%r12)

done:   l       %r1,iter-base(%r12)
        la      %r2,msgiter-base(%r12)
        bal     %r14,hex8-base(%r12)
        la      %r1,ccwm2-base(%r12)
        bal     %r14,conwrite-base(%r12)
        PASS

/* ---- start: SIO of the program the CAW names and its ending: the CSW of
   the interruption, or the status SIO stored (cc 1), in lastcsw (zeros
   after cc 2). BAL R11. ----------------------------------------------------- */
start:  xc      lastcsw-base(8,%r12),lastcsw-base(%r12)
        mvc     CSW(8,%r0),lastcsw-base(%r12)
        .insn   s,0x9c000000,DISK       /* SIO */
        la      %r2,0
        bc      CC0,1f-base(%r12)
        la      %r2,4
        bc      CC1,1f-base(%r12)
        la      %r2,8
        bc      CC2,1f-base(%r12)
        FAIL    0x0E3                   /* cc 3: not operational */
1:      l       %r1,nsio-base(%r2,%r12)
        al      %r1,one-base(%r12)
        st      %r1,nsio-base(%r2,%r12)
        ltr     %r2,%r2
        bz      stwait-base(%r12)
        la      %r0,8
        cr      %r2,%r0
        ber     %r11                    /* cc 2 */
        mvc     lastcsw-base(8,%r12),CSW /* cc 1 */
        b       stend-base(%r12)
        /* wait, at most 10 seconds (the clock comparator) */
stwait: stck    dw-base(%r12)
        lm      %r2,%r3,dw-base(%r12)
        lm      %r0,%r1,tensec-base(%r12)
        bal     %r14,add64-base(%r12)
        stm     %r2,%r3,dw-base(%r12)
        sckc    dw-base(%r12)
        SETNEW  IONEW, stio
        SETNEW  EXTNEW, stext
        GOPSW   WAITPSW, stwait
stext:  FAIL    0x0F2                   /* no ending within 10 seconds */
stio:   clc     IOOLD+2(2,%r0),disk-base(%r12)
        FAILNE  0x0F1                   /* another device */
        mvc     lastcsw-base(8,%r12),CSW
        tm      CSW+4,0xF7              /* more than channel end */
        bnz     stend-base(%r12)
        tm      CSW+5,0x7F              /* channel status but PCI */
        bnz     stend-base(%r12)
        tm      CSW+5,0x80
        bz      stwait-base(%r12)       /* channel end alone */
        l       %r1,npci-base(%r12)
        al      %r1,one-base(%r12)
        st      %r1,npci-base(%r12)
        b       stwait-base(%r12)
stend:  DEFAULT_NEW
        tm      lastcsw+5-base(%r12),0x7F
        bzr     %r11
        l       %r1,nchk-base(%r12)
        al      %r1,one-base(%r12)
        st      %r1,nchk-base(%r12)
        br      %r11

/* ---- gen: the next channel program at slots. BAL R11.
   R10 = i, R9 = n, R8 -> slot i, R7 = the kind of CCW i-1, R6 = the kind
   of CCW i; a kind's code leaves the command in R3, the data address in
   R4, the count in R5, and goes to gflags (normal flags) or, with the
   flags in R2, to gemit. ------------------------------------------------ */
gen:    xc      slots-base((NSLOT+2)*8,%r12),slots-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        la      %r9,1(%r1)
        sr      %r10,%r10
        la      %r8,slots-base(%r12)
        la      %r7,K_RAND
gnext:  bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        bnz     1f-base(%r12)
        la      %r6,K_RAND              /* 1 in 8 */
        b       2f-base(%r12)
1:      bal     %r14,rand-base(%r12)
        n       %r1,m31-base(%r12)
        sll     %r1,1
        la      %r1,cmdtab-base(%r1,%r12)
        sr      %r3,%r3
        ic      %r3,0(%r1)
        sr      %r6,%r6
        ic      %r6,1(%r1)
2:      b       kinds-base(%r6,%r12)
kinds:  b       kseek-base(%r12)
        b       ksid-base(%r12)
        b       ksha-base(%r12)
        b       kha5-base(%r12)
        b       kcnt-base(%r12)
        b       kread-base(%r12)
        b       kwdata-base(%r12)
        b       kctl-base(%r12)
        b       ksfm-base(%r12)
        b       ktic-base(%r12)
        b       krand-base(%r12)

/* BBCCHH */
kseek:  bal     %r13,place16-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        bnz     1f-base(%r12)
        bal     %r14,rand-base(%r12)    /* 1 in 16 a random BB */
        b       2f-base(%r12)
1:      sr      %r1,%r1
2:      sth     %r1,0(%r4)
        la      %r2,2(%r4)
        bal     %r13,cchh-base(%r12)
        la      %r5,6
        b       gargc-base(%r12)
/* CCHHR */
ksid:   bal     %r13,place16-base(%r12)
        lr      %r2,%r4
        bal     %r13,cchh-base(%r12)
        bal     %r13,rrec-base(%r12)
        stc     %r1,4(%r4)
        la      %r5,5
        b       gargc-base(%r12)
/* CCHH */
ksha:   bal     %r13,place16-base(%r12)
        lr      %r2,%r4
        bal     %r13,cchh-base(%r12)
        la      %r5,4
        b       gargc-base(%r12)
/* 0 CCHH: a home address */
kha5:   bal     %r13,place16-base(%r12)
        mvi     0(%r4),0
        la      %r2,1(%r4)
        bal     %r13,cchh-base(%r12)
        la      %r5,5
        b       gargc-base(%r12)
/* CCHHR KL DLDL, key, data: KL mostly 0, else 0-7; DL 0-63, 1 in 16 any */
kcnt:   sr      %r2,%r2
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bnz     1f-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        lr      %r2,%r1                 /* KL */
1:      bal     %r14,rand-base(%r12)
        lr      %r15,%r1
        n       %r15,m63-base(%r12)     /* DL */
        n       %r1,m15ff-base(%r12)    /* (bits 8-11 of the same word) */
        bnz     2f-base(%r12)
        bal     %r14,rand-base(%r12)
        lr      %r15,%r1
        n       %r15,mffff-base(%r12)
2:      la      %r5,8(%r2,%r15)
        c       %r5,m511-base(%r12)
        bnh     3f-base(%r12)
        l       %r5,m511-base(%r12)
3:      bal     %r13,place-base(%r12)
        stc     %r2,5(%r4)
        sth     %r15,6(%r4)
        lr      %r2,%r4
        bal     %r13,cchh-base(%r12)
        bal     %r13,rrec-base(%r12)
        stc     %r1,4(%r4)
        b       gflags-base(%r12)
/* read 1-256 bytes */
kread:  bal     %r14,rand-base(%r12)
        n       %r1,m255-base(%r12)
        la      %r5,1(%r1)
        bal     %r13,place-base(%r12)
        b       gflags-base(%r12)
/* write 1-128 bytes */
kwdata: bal     %r14,rand-base(%r12)
        n       %r1,m127-base(%r12)
        la      %r5,1(%r1)
        bal     %r13,place-base(%r12)
        b       gflags-base(%r12)
/* a control command: count 1, 1 in 4 1-16 */
kctl:   bal     %r13,place16-base(%r12)
        la      %r5,1
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bnz     gflags-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        la      %r5,1(%r1)
        b       gflags-base(%r12)
/* Set File Mask: a usual mask, 1 in 4 any byte */
ksfm:   bal     %r13,place16-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bnz     1f-base(%r12)
        bal     %r14,rand-base(%r12)
        b       2f-base(%r12)
1:      bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        ic      %r1,fmtab-base(%r1,%r12)
2:      stc     %r1,0(%r4)
        la      %r5,1
        b       gargc-base(%r12)
/* TIC: back to a Search ID just before (3 in 4), or forward to a later
   CCW; the last CCW, with no search before it, becomes a No-op */
ktic:   c       %r7,ksidv-base(%r12)
        bne     1f-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bz      1f-base(%r12)
        lr      %r4,%r8                 /* the search loop */
        sh      %r4,eight-base(%r12)
        ni      4(%r4),0x20             /* the search: command chaining */
        oi      4(%r4),0x40             /* only (and SLI as it was) */
        b       3f-base(%r12)
1:      lr      %r2,%r9
        sr      %r2,%r10
        bctr    %r2,0                   /* CCWs after this one */
        ltr     %r2,%r2
        bp      2f-base(%r12)
        la      %r3,0x03                /* none: a No-op */
        la      %r6,K_CTL
        b       kctl-base(%r12)
2:      bal     %r14,rand-base(%r12)
        srl     %r1,1
        sr      %r0,%r0
        dr      %r0,%r2
        la      %r4,1(%r10)
        ar      %r4,%r0                 /* i+1 .. n-1 */
        sll     %r4,3
        la      %r4,slots-base(%r4,%r12)
3:      la      %r3,0x08
        sr      %r2,%r2
        sr      %r5,%r5
        b       gemit-base(%r12)
/* any command byte but a TIC, any flags but IDA, count 0-511 */
krand:  bal     %r14,rand-base(%r12)
        lr      %r3,%r1
        n       %r3,m255-base(%r12)
        lr      %r1,%r3
        n       %r1,m15-base(%r12)
        c       %r1,eightw-base(%r12)
        bne     1f-base(%r12)
        x       %r3,m15-base(%r12)      /* xxxx1000 -> xxxx0111 */
1:      bal     %r14,rand-base(%r12)
        lr      %r2,%r1
        n       %r2,mflags-base(%r12)   /* CD CC SLI SKIP PCI */
        n       %r1,m15ff-base(%r12)
        bnz     2f-base(%r12)
        bal     %r14,rand-base(%r12)    /* 1 in 16 bits 38-39 too */
        n       %r1,m3-base(%r12)
        or      %r2,%r1
2:      bal     %r14,rand-base(%r12)
        lr      %r5,%r1
        n       %r5,m511-base(%r12)
        lr      %r15,%r5
        ltr     %r5,%r5
        bnz     3f-base(%r12)
        la      %r5,1
3:      bal     %r13,place-base(%r12)
        lr      %r5,%r15
        lr      %r1,%r3
        n       %r1,m15-base(%r12)
        c       %r1,twelve-base(%r12)   /* read backward: the last byte */
        bne     gemit-base(%r12)
        ltr     %r5,%r5
        bz      gemit-base(%r12)
        ar      %r4,%r5
        bctr    %r4,0
        b       gemit-base(%r12)

/* an argument's count: as it is, 1 in 8 1-16 */
gargc:  bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        bnz     gflags-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        la      %r5,1(%r1)
/* the flags: command chaining (1 in 16 data chaining, 1 in 32 none), the
   last CCW none (1 in 16 command chaining, into the zeros after it);
   SLI 1 in 2, SKIP 1 in 16, PCI 1 in 32 */
gflags: sr      %r2,%r2
        la      %r1,1(%r10)
        cr      %r1,%r9
        bnl     2f-base(%r12)           /* the last */
        bal     %r14,rand-base(%r12)
        n       %r1,m31-base(%r12)
        bz      3f-base(%r12)
        la      %r2,0x40
        la      %r0,2
        cr      %r1,%r0
        bh      3f-base(%r12)
        la      %r2,0x80
        b       3f-base(%r12)
2:      bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        bnz     3f-base(%r12)
        la      %r2,0x40
3:      bal     %r14,rand-base(%r12)
        lr      %r0,%r1
        n       %r0,one-base(%r12)
        bz      4f-base(%r12)
        la      %r0,0x20                /* SLI */
        or      %r2,%r0
4:      lr      %r0,%r1
        n       %r0,mskip-base(%r12)
        bnz     5f-base(%r12)
        la      %r0,0x10                /* SKIP */
        or      %r2,%r0
5:      n       %r1,mpci-base(%r12)
        bnz     gemit-base(%r12)
        la      %r0,0x08                /* PCI */
        or      %r2,%r0
gemit:  sll     %r3,24
        or      %r3,%r4
        st      %r3,0(%r8)
        sll     %r2,24
        or      %r2,%r5
        st      %r2,4(%r8)
        lr      %r7,%r6
        la      %r8,8(%r8)
        la      %r10,1(%r10)
        cr      %r10,%r9
        bl      gnext-base(%r12)
        br      %r11

/* ---- small routines ------------------------------------------------------ */
/* place: R4 = a random address in the data area with R5 (1-FBLEN) bytes
   from it inside; place16: 16 bytes (an argument). BAL R13. */
place16: la     %r5,16
place:  l       %r4,fblen1-base(%r12)
        sr      %r4,%r5
        bal     %r14,rand-base(%r12)
        srl     %r1,1
        sr      %r0,%r0
        dr      %r0,%r4
        l       %r4,fbuf-base(%r12)
        ar      %r4,%r0
        br      %r13

/* cchh: a cylinder and a head (rcyl, rhead) at R2 (uses R15). rcyl: R1 =
   a cylinder below N+4, 1 in 8 any 16-bit value; rhead: a head below
   32, 1 in 16 any 16-bit value; rrec: a record number below 8, 1 in 8
   any byte. BAL R13. */
cchh:   lr      %r15,%r13
        bal     %r13,rcyl-base(%r12)
        sth     %r1,0(%r2)
        bal     %r13,rhead-base(%r12)
        sth     %r1,2(%r2)
        br      %r15
rcyl:   bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        bz      rany-base(%r12)
        bal     %r14,rand-base(%r12)
        srl     %r1,1
        sr      %r0,%r0
        d       %r0,ncyl4-base(%r12)
        lr      %r1,%r0
        br      %r13
rhead:  bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        bz      rany-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m31-base(%r12)
        br      %r13
rany:   bal     %r14,rand-base(%r12)
        n       %r1,mffff-base(%r12)
        br      %r13
rrec:   bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        bz      rany-base(%r12)         /* (a byte of it is stored) */
        bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        br      %r13

/* rand: R1 = the next xorshift32 value (uses R0). BAL R14. */
rand:   XORSHIFT32 seed-base(%r12)
        br      %r14

/* decimal: R1 = the R3 decimal digits at R2 (FAIL 0x004 if they are
   not). BAL R14. */
decimal: sr     %r1,%r1
1:      cli     0(%r2),0xF0
        FAILIF  CC1, 0x004
        cli     0(%r2),0xF9
        FAILIF  CC2, 0x004
        mh      %r1,ten-base(%r12)
        sr      %r0,%r0
        ic      %r0,0(%r2)
        n       %r0,m15-base(%r12)
        ar      %r1,%r0
        la      %r2,1(%r2)
        bct     %r3,1b-base(%r12)
        br      %r14

/* gfill: the guard area at R2 filled with X'A5'; gcheck: still so, or
   FAIL 0x0F4. BAL R14. */
gfill:  l       %r3,glen-base(%r12)
        sr      %r4,%r4
        l       %r5,gpad-base(%r12)
        mvcl    %r2,%r4
        br      %r14
gcheck: l       %r3,glen-base(%r12)
        sr      %r4,%r4
        l       %r5,gpad-base(%r12)
        clcl    %r2,%r4
        FAILNE  0x0F4                   /* the channel wrote there */
        br      %r14

/* add64: R2:R3 += R0:R1. BAL R14. */
add64:  alr     %r3,%r1
        bc      CC0+CC1,1f-base(%r12)   /* no carry */
        al      %r2,one-base(%r12)
1:      alr     %r2,%r0
        br      %r14

/* hex8: R1 as 8 EBCDIC hex digits at R2. BAL R14. */
hex8:   st      %r1,dw-base(%r12)
        unpk    hexw-base(9,%r12),dw-base(5,%r12)
        tr      hexw-base(8,%r12),trtab-0xF0-base(%r12)
        mvc     0(8,%r2),hexw-base(%r12)
        br      %r14

/* conwrite: the CCW at R1 on the console 009, and its ending (no console:
   nothing). BAL R14. */
conwrite: st    %r1,CAW
        .insn   s,0x9c000000,CONS       /* SIO */
        bnzr    %r14
        SETNEW  IONEW, cwio
cwait:  GOPSW   PSW_CH0+PSW_WAIT, cwait /* channel 0 */
cwio:   clc     IOOLD+2(2,%r0),cons-base(%r12)
        FAILNE  0x0F3                   /* another device */
        tm      CSW+4,0x04              /* device end */
        bz      cwait-base(%r12)
        br      %r14

/* ---- channel programs, constants, variables --------------------------------- */
        .balign 8
psense: CCW     0x04, sense, 0x20, 24
precal: CCW     0x13, sense, 0x20, 1    /* Recalibrate */
ccwm1:  CCW     0x09, msg, 0x20, 22     /* write + carriage return */
ccwm2:  CCW     0x09, msg, 0x20, 36
tensec: .long   0x00000009, 0x89680000  /* 10 seconds in TOD units */
dw:     .long   0, 0
deadline: .long 0, 0
hexw:   .fill   9, 1, 0
        .balign 4
seed:   .long   0
maxit:  .long   0
ncyl:   .long   0
ncyl4:  .long   0
one:    .long   1
m3:     .long   3
m7:     .long   7
m15:    .long   15
m31:    .long   31
m63:    .long   63
m127:   .long   127
m255:   .long   255
m511:   .long   511
mffff:  .long   0xFFFF
m15ff:  .long   0x00000F00
mskip:  .long   0x0000001E
mpci:   .long   0x000003E0
mflags: .long   0xF8                    /* not IDA, bits 38-39 */
eightw: .long   8
twelve: .long   12
guard1: .long   GUARD1
guard2: .long   GUARD2
glen:   .long   GUARDLEN
gpad:   .long   0xA5000000              /* pad byte X'A5', length 0 */
ksidv:  .long   K_SID
million: .long  1000000
cr0off: .long   0xFFFFFF1F              /* interval timer, key, signal */
cr0cc:  .long   0x00000800              /* clock comparator */
fbuf:   .long   FBUF
fblen1: .long   FBLEN+1
ten:    .short  10
eight:  .short  8
disk:   .short  DISK
cons:   .short  CONS
/* command, kind */
cmdtab: .byte   0x07, K_SEEK, 0x07, K_SEEK, 0x0B, K_SEEK, 0x1B, K_SEEK
        .byte   0x31, K_SID, 0x31, K_SID, 0x51, K_SID, 0x71, K_SID
        .byte   0xB1, K_SID, 0xD1, K_SID, 0xF1, K_SID, 0x39, K_SHA
        .byte   0xB9, K_SHA, 0x29, K_WDATA, 0x06, K_READ, 0x86, K_READ
        .byte   0x0E, K_READ, 0x12, K_READ, 0x16, K_READ, 0x1E, K_READ
        .byte   0x9E, K_READ, 0x1A, K_READ, 0x02, K_READ, 0x1D, K_CNT
        .byte   0x1D, K_CNT, 0x15, K_CNT, 0x11, K_CNT, 0x05, K_WDATA
        .byte   0x19, K_HA5, 0x13, K_CTL, 0x1F, K_SFM, 0x08, K_TIC
fmtab:  .byte   0x00, 0x40, 0x80, 0xC0, 0x08, 0x10, 0x18, 0xC0
trtab:  .byte   0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7
        .byte   0xF8, 0xF9, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6
/* "DASDFUZZ SEED ssssssss DONE iiiiiiii" */
msg:    .byte   0xC4, 0xC1, 0xE2, 0xC4, 0xC6, 0xE4, 0xE9, 0xE9, 0x40
        .byte   0xE2, 0xC5, 0xC5, 0xC4, 0x40
msgseed: .fill  8, 1, 0x40
        .byte   0x40, 0xC4, 0xD6, 0xD5, 0xC5, 0x40
msgiter: .fill  8, 1, 0x40

        GUEST_END
