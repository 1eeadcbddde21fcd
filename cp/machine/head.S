/*
 * head.S - CP's IPL entry.
 *
 * The IPL program (dasd/iplrec.c) loaded the nucleus at 0x10000 and the
 * ESA/390 IPL PSW brings us here in 31-bit ESA/390 mode with everything
 * disabled. We switch the machine to z/Architecture (SIGNAL PROCESSOR set
 * architecture), go to 64-bit addressing, keep the IPL subchannel, clear
 * BSS, and call cp_main() on CP's stack. Only ESA/390 instructions may run
 * before the SIGP.
 */
#include "machine/lowcore.h"

        .section .text.head,"ax"
        .globl  _start
_start:
        la      %r1,1                   /* parameter: ESA/390 -> z/Architecture */
        sigp    %r1,%r0,0x12            /* set architecture (cc1 if already z) */
        sam64
        /* The IPL left the IPL device's subsystem-id word at 0xB8. */
        l       %r1,0xb8(%r0)
        st      %r1,LC_IPL_SSID(%r0)
        /* Clear BSS: MVCLE with a zero-length source pads with zeros. */
        larl    %r2,__bss_start
        larl    %r3,__bss_end
        sgr     %r3,%r2
        lghi    %r4,0
        lghi    %r5,0
1:      mvcle   %r2,%r4,0
        jo      1b
        larl    %r15,cp_stack_top
        aghi    %r15,-160
        lghi    %r0,0
        stg     %r0,0(%r15)             /* end of the back chain */
        brasl   %r14,cp_main
        /* cp_main does not return; if it did, stop with code X'DEAD'. */
        larl    %r1,dead_psw
        lpswe   0(%r1)

        .section .rodata
        .balign 8
dead_psw:
        .quad   0x0002000180000000, 0xDEAD

        .section .bss
        .balign 4096
        .globl  cp_stack
cp_stack:
        .skip   65536
        .globl  cp_stack_top
cp_stack_top:
