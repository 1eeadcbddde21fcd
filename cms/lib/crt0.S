/*
 * crt0.S - how a C program starts and ends as a CMS MODULE (the work an
 * assembler program does with SAVE and RETURN; cms/lib/README.md).
 *
 * CMS enters _start (X'50000', or X'40000' for a transient: module.ld) with R1 -> the tokenised plist,
 * R13 -> its save area, R14 the return address, R15 the entry. _start
 * keeps the caller's registers in that save area (STM 14,12,12(13)),
 * switches to the program's stack (__cms_stack_top, module.ld) and calls
 * __cms_start (stdlib.c: argc/argv, main, exit). __cms_return(rc), called
 * by exit(), goes back to CMS from any depth: the caller's registers come
 * back from its save area, with R15 = rc.
 */
        .section .text.crt0,"ax"
        .globl  _start
_start:
        stm     %r14,%r12,12(%r13)
        basr    %r12,0
0:      l       %r2,.Lcaller-0b(%r12)
        st      %r13,0(%r2)
        l       %r15,.Lstack-0b(%r12)
        xc      0(96,%r15),0(%r15)
        lr      %r2,%r1                 /* __cms_start(plist) */
        l       %r1,.Lstart-0b(%r12)
        basr    %r14,%r1
        /* __cms_start does not return; fall into __cms_return(R2) */

        .globl  __cms_return
__cms_return:
        basr    %r12,0
1:      l       %r1,.Lcaller2-1b(%r12)
        l       %r13,0(%r1)
        st      %r2,16(%r13)            /* the caller gets R15 = rc */
        lm      %r14,%r12,12(%r13)
        br      %r14

        .align  4
.Lcaller:  .long __cms_caller_sa
.Lcaller2: .long __cms_caller_sa
.Lstack:   .long __cms_stack_top-96
.Lstart:   .long __cms_start
