/*
 * timers.S - TOD clock, clock comparator, CPU timer and interval timer.
 * PASS X'0C0D04'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000 chapter 4 "Timing", chapter 6 "External
 * Interruption"):
 *  - STCK stores the 64-bit TOD clock (bit 51 = 1 microsecond), cc 0
 *    when the clock is running; later values are higher.
 *  - SCKC/STCKC set and store the clock comparator. A clock-comparator
 *    interruption (code X'1004', CR0 bit 20) is pending while the TOD
 *    clock is higher than the comparator.
 *  - SPT/STPT set and store the CPU timer, a signed 64-bit value that
 *    counts down in TOD units. A CPU-timer interruption (X'1005', CR0
 *    bit 21) is pending while it is negative.
 *  - The interval timer is the signed word at X'50', counted down (bit 23
 *    = 1/300 s). When it goes from positive or zero to negative, an
 *    interruption (X'0080', CR0 bit 24) is made pending.
 *  - An external interruption needs PSW bit 7 and the source's CR0 bit.
 *    Old PSW at X'18'. BC mode: code in old-PSW bits 16-31; EC mode: at
 *    X'86'. Interruptions are taken in the wait state; the old PSW is the
 *    wait PSW.
 * Waits are enabled waits (wait bit + external mask); the interruption
 * ends them. Under VM/370 a virtual machine needs the real-timer option
 * for its interval timer to run while it waits.
 */
#include "s370.inc"

        GUEST_START 0x04

        lctl    %c0,%c0,cr0_none-base(%r12) /* no external subclass */

/* ---- TOD clock --------------------------------------------------------- */
        stck    tod1-base(%r12)
        EXPECTCC 0, 0x001
        bal     %r14,delay-base(%r12)
        stck    tod2-base(%r12)
        EXPECTCC 0, 0x002
        clc     tod2-base(8,%r12),tod1-base(%r12)
        EXPECTCC 2, 0x003               /* later is higher */

/* ---- clock comparator: set and store ------------------------------------ */
        sckc    ckval-base(%r12)
        stckc   tmp1-base(%r12)
        clc     tmp1-base(8,%r12),ckval-base(%r12)
        EXPECTCC 0, 0x004

/* ---- CPU timer: set, store, counting down -------------------------------- */
        spt     ptval-base(%r12)
        bal     %r14,delay-base(%r12)
        stpt    tmp1-base(%r12)
        bal     %r14,delay-base(%r12)
        stpt    tmp2-base(%r12)
        clc     tmp1-base(8,%r12),ptval-base(%r12)
        EXPECTCC 1, 0x005               /* lower than set */
        clc     tmp2-base(8,%r12),tmp1-base(%r12)
        EXPECTCC 1, 0x006               /* and still going down */
        tm      tmp2-base(%r12),0x80
        EXPECTCC 0, 0x007               /* not yet negative */

/* ---- a negative CPU timer with CR0 bit 21 off: no interruption ------------- */
        spt     ffs-base(%r12)          /* -1 */
        ssm     extmask-base(%r12)      /* external mask on (an interruption */
        bal     %r14,delay-base(%r12)   /* here ends in X'EE1005') */
        ssm     zero-base(%r12)

/* ---- CPU-timer interruption in EC mode ------------------------------------ */
        spt     ms1-base(%r12)          /* 1 ms */
        lctl    %c0,%c0,cr0_cput-base(%r12)
        SETNEW  EXTNEW, ext1
        mvc     EXTCODE(2,%r0),ffs-base(%r12)
        GOPSW   PSW_EC+PSW_EXT+PSW_WAIT, w1
w1:     FAIL    0x010
ext1:   CHKH    EXTCODE, 0x1005, 0x011
        CHKPSW  EXTOLD, 0x010A0000, w1, 0x012 /* the EC wait PSW, unchanged */
        stpt    tmp1-base(%r12)
        tm      tmp1-base(%r12),0x80
        EXPECTCC 3, 0x013               /* the timer is negative */
        spt     ptval-base(%r12)
        lctl    %c0,%c0,cr0_none-base(%r12)

/* ---- clock-comparator interruption in BC mode ------------------------------ */
        stck    tod1-base(%r12)
        lm      %r2,%r3,tod1-base(%r12)
        l       %r4,ms2-base(%r12)
        bal     %r14,add64-base(%r12)
        stm     %r2,%r3,tmp1-base(%r12) /* now + 2 ms */
        sckc    tmp1-base(%r12)
        lctl    %c0,%c0,cr0_ckc-base(%r12)
        SETNEW  EXTNEW, ext2
        GOPSW   PSW_EXT+PSW_WAIT, w2
w2:     FAIL    0x020
ext2:   CHKW    EXTOLD, 0x01021004, 0x021 /* BC: code X'1004' in bits 16-31 */
        CHKIA   EXTOLD, w2, 0x022
        stck    tod2-base(%r12)
        clc     tod2-base(8,%r12),tmp1-base(%r12)
        FAILIF  CC1, 0x023              /* not before the comparator */
        sckc    ffs-base(%r12)
        lctl    %c0,%c0,cr0_none-base(%r12)

/* ---- interval timer counting down ---------------------------------------- */
        l       %r2,itbig-base(%r12)
        st      %r2,ITIMER
        l       %r5,ITIMER
        stck    tod1-base(%r12)
        lm      %r2,%r3,tod1-base(%r12)
        l       %r4,sec1-base(%r12)
        bal     %r14,add64-base(%r12)
        stm     %r2,%r3,tmp1-base(%r12) /* give up after 1 s */
it1:    l       %r6,ITIMER
        cr      %r6,%r5
        bl      it2-base(%r12)          /* it went down */
        stck    tod2-base(%r12)
        clc     tod2-base(8,%r12),tmp1-base(%r12)
        bl      it1-base(%r12)
        FAIL    0x030
it2:    ltr     %r6,%r6
        EXPECTCC 2, 0x031               /* positive still */

/* ---- interval-timer interruption in BC mode -------------------------------- */
        lctl    %c0,%c0,cr0_itim-base(%r12)
        /* an interruption from the timer's first crossing, still pending
           from the IPL, is taken and dropped here */
        SETNEW  EXTNEW, drained
        ssm     extmask-base(%r12)
        bal     %r14,delay-base(%r12)
        ssm     zero-base(%r12)
drained:
        l       %r2,it10ms-base(%r12)
        st      %r2,ITIMER
        stck    tod1-base(%r12)
        SETNEW  EXTNEW, ext3
        GOPSW   PSW_EXT+PSW_WAIT, w3
w3:     FAIL    0x040
ext3:   CHKW    EXTOLD, 0x01020080, 0x041 /* BC: code X'0080' */
        CHKIA   EXTOLD, w3, 0x042
        l       %r2,ITIMER
        ltr     %r2,%r2
        EXPECTCC 1, 0x043               /* negative now */
        stck    tod2-base(%r12)
        lm      %r2,%r3,tod1-base(%r12)
        l       %r4,ms5-base(%r12)
        bal     %r14,add64-base(%r12)
        stm     %r2,%r3,tmp1-base(%r12)
        clc     tod2-base(8,%r12),tmp1-base(%r12)
        FAILIF  CC1, 0x044              /* not before 5 of the 10 ms */
        lctl    %c0,%c0,cr0_none-base(%r12)
        PASS

/* R2-R3 += R4 (unsigned 64 + 32 bits) */
add64:  alr     %r3,%r4
        bc      12,1f-base(%r12)        /* no carry */
        al      %r2,one-base(%r12)
1:      br      %r14

/* a short delay: 20000 turns of a loop */
delay:  l       %r15,turns-base(%r12)
1:      bct     %r15,1b-base(%r12)
        br      %r14

        .balign 8
tod1:   .quad   0
tod2:   .quad   0
tmp1:   .quad   0
tmp2:   .quad   0
ckval:  .quad   0xFEDCBA9876543000      /* far in the future */
ptval:  .quad   0x000000007FFFF000      /* about 0.5 s */
ms1:    .quad   1000 << 12
ffs:    .quad   0xFFFFFFFFFFFFFFFF
ms2:    .long   2000 << 12
ms5:    .long   5000 << 12
sec1:   .long   1000000 << 12
one:    .long   1
turns:  .long   20000
itbig:  .long   0x7FFFFF00
it10ms: .long   768                     /* 76800 units a second (bit 23 = 1/300 s) */
cr0_none: .long 0x00000000
cr0_ckc: .long  0x00000800              /* bit 20 */
cr0_cput: .long 0x00000400              /* bit 21 */
cr0_itim: .long 0x00000080              /* bit 24 */
extmask: .byte  0x01                    /* PSW byte 0: external mask */
zero:   .byte   0x00

        GUEST_END
