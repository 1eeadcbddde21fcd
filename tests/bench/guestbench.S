/*
 * guestbench.S - what a virtual machine costs, phase by phase. IPLed from
 * a card deck, natively on a S/370 Hercules and in a CP virtual machine;
 * tests/bench/run compares the times.
 *
 * Each phase is timed with STCK and reported on the console (3215 at 009)
 * as "BENCH name tttttttttttttttt": the TOD-clock units it took, in hex.
 *   compute  5,000,000 turns of a register loop: runs natively under CP
 *   svc      20,000 SVCs and the LPSW that returns from each: two exits
 *   ssm      20,000 SSMs, each simulated by CP
 *   lpsw     20,000 LPSWs
 *   isk      20,000 ISKs (S/370-only: an operation exception on the host)
 *   sio      5,000 SIO of a NOP CCW to the console, then TIO to take the
 *            ending: I/O simulated by CP
 * Then a disabled wait with the pass code X'0C0DB1'.
 */
#include "../guests/s370.inc"

        GUEST_START 0xB1

        .equ    CONS, 0x009

        .macro  PHASE name, label
        stck    t0-base(%r12)
        bal     %r14,\label-base(%r12)
        stck    t1-base(%r12)
        la      %r2,\name-base(%r12)
        bal     %r14,report-base(%r12)
        .endm

        PHASE   n_compute, p_compute
        PHASE   n_svc, p_svc
        PHASE   n_ssm, p_ssm
        PHASE   n_lpsw, p_lpsw
        PHASE   n_isk, p_isk
        PHASE   n_sio, p_sio
        PASS

p_compute:
        LV      %r5, 5000000
        sr      %r3,%r3
1:      ar      %r3,%r5
        bct     %r5,1b-base(%r12)
        br      %r14

p_svc:  SETNEW  SVCNEW, svch
        LV      %r5, 20000
1:      svc     1
        bct     %r5,1b-base(%r12)
        br      %r14
svch:   lpsw    SVCOLD                  /* back after the SVC */

p_ssm:  LV      %r5, 20000
1:      ssm     zero-base(%r12)
        bct     %r5,1b-base(%r12)
        br      %r14

p_lpsw: LV      %r5, 20000
1:      lpsw    lp-base(%r12)
lpnext: bct     %r5,1b-base(%r12)
        br      %r14
        DCONST  lp, 0, lpnext

p_isk:  LV      %r5, 20000
        LV      %r6, 0x2000
1:      .insn   rr,0x0900,%r2,%r6       /* ISK 2,6 */
        bct     %r5,1b-base(%r12)
        br      %r14

p_sio:  LV      %r5, 5000
        mvc     CAW(4,%r0),nopcaw-base(%r12)
1:      .insn   s,0x9c000000,CONS       /* SIO */
2:      .insn   s,0x9d000000,CONS       /* TIO until the ending is taken */
        bc      CC2,2b-base(%r12)
        bct     %r5,1b-base(%r12)
        br      %r14

/* report: R2 = 8-byte EBCDIC name; writes "BENCH name " + t1 - t0 in hex */
report: TODDELTA %r6, %r7, t0, t1
        stm     %r6,%r7,delta-base(%r12)
        mvc     line+6-base(8,%r12),0(%r2)
        unpk    line+15-base(9,%r12),delta-base(5,%r12)
        unpk    line+23-base(9,%r12),delta+4-base(5,%r12)
        tr      line+15-base(16,%r12),hex-240-base(%r12)
        mvi     line+31-base(%r12),0x40
        mvc     CAW(4,%r0),wcaw-base(%r12)
        .insn   s,0x9c000000,CONS
2:      .insn   s,0x9d000000,CONS
        bc      CC2,2b-base(%r12)
        br      %r14

        .balign 8
t0:     .long   0, 0
t1:     .long   0, 0
delta:  .long   0, 0, 0
zero:   .long   0
nopccw: CCW     0x03, 0, 0x20, 1
wline:  CCW     0x09, line, 0x20, 31
nopcaw: .long   nopccw
wcaw:   .long   wline
        /* "BENCH " + name(8) + " " + 16 hex digits */
line:   .byte   0xC2, 0xC5, 0xD5, 0xC3, 0xC8, 0x40
        .fill   26, 1, 0x40             /* one spare for UNPK */
hex:    .byte   0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7
        .byte   0xF8, 0xF9, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6
n_compute: .byte 0x83, 0x96, 0x94, 0x97, 0xA4, 0xA3, 0x85, 0x40 /* compute */
n_svc:  .byte   0xA2, 0xA5, 0x83, 0x40, 0x40, 0x40, 0x40, 0x40
n_ssm:  .byte   0xA2, 0xA2, 0x94, 0x40, 0x40, 0x40, 0x40, 0x40
n_lpsw: .byte   0x93, 0x97, 0xA2, 0xA6, 0x40, 0x40, 0x40, 0x40
n_isk:  .byte   0x89, 0xA2, 0x92, 0x40, 0x40, 0x40, 0x40, 0x40
n_sio:  .byte   0xA2, 0x89, 0x96, 0x40, 0x40, 0x40, 0x40, 0x40

        GUEST_END
