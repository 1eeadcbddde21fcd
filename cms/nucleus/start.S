/*
 * start.S - the CMS nucleus's entry and its interruption handlers (the
 * job of DMSNUC's low-storage PSWs and DMSITI/DMSITP/DMSITS's entries).
 *
 * CMS runs in the virtual machine's supervisor state, BC mode, key 0,
 * DAT off. Nucleus code runs disabled; it enables for I/O only while it
 * waits (cms_wait), so an I/O interruption arrives either in a wait or
 * while a user program runs enabled. Each handler saves the registers,
 * switches to the interruption stack, calls C, and returns with LPSW to
 * the old PSW; an old PSW in the wait state goes on after the wait, still
 * enabled, and the code that waited decides what to mask.
 *
 * Only System/370 instructions for the privileged work (SIO and friends
 * are written with .insn in cmsio.h); the rest is ordinary 31-bit code
 * that runs natively on the host.
 */
#include "cms/nucleus/lowcore.h"

        .section .text.head,"ax"
        .globl  _start
/*
 * Entered from the bootstrap at X'10000', disabled, with R2 = the IPL
 * device address; or from a saved system, which resumes inside
 * cms_main (nothing here runs again).
 */
_start:
        basr    %r13,0
0:      l       %r15,.Lstack-0b(%r13)
        xc      0(96,%r15),0(%r15)      /* backchain 0 */
        /* clear the BSS */
        l       %r4,.Lbss-0b(%r13)
        l       %r5,.Lbssend-0b(%r13)
        sr      %r5,%r4
        sr      %r6,%r6
        sr      %r7,%r7
        mvcl    %r4,%r6
        l       %r1,.Lmain-0b(%r13)
        basr    %r14,%r1                /* cms_main(devno): never returns */
        .long   0                       /* invalid op: a safe stop */
        .align  4
.Lstack: .long  CMS_STACK_TOP-96
.Lbss:   .long  __bss_start
.Lbssend: .long __bss_end
.Lmain:  .long  cms_main

        .text
/*
 * The handlers. Each first stores the interrupted registers in its own
 * save area in low storage (fixed addresses, so no register is needed),
 * then gets a base, the interruption stack, and calls C with the save
 * area's address.
 */
        .macro  HANDLER name, save, cfunc
        .globl  \name
\name:
        stm     %r0,%r15,\save
        basr    %r13,0
0:      l       %r15,.Lirqstack-0b(%r13)
        xc      0(96,%r15),0(%r15)
        bras    %r1,1f
        .long   \cfunc
1:      l       %r1,0(%r1)
        la      %r2,\save              /* the interrupted registers */
        basr    %r14,%r1
        lm      %r0,%r15,\save
        .endm

        HANDLER cms_io_entry, LC_IOSAVE, cms_io_interrupt
        /* an I/O interruption that ended a wait: go on after it */
        tm      LC_IOOLD+1,0x02
        jz      1f
        ni      LC_IOOLD+1,0xFD
1:      lpsw    LC_IOOLD

        HANDLER cms_pgm_entry, LC_PGMSAVE, cms_program_check
        lpsw    LC_PGMOLD               /* only if C returns: resume */

        HANDLER cms_svc_entry, LC_SVCSAVE, cms_svc
        lpsw    LC_SVCOLD

        .globl  cms_ext_entry
cms_ext_entry:
        lpsw    LC_EXTOLD               /* nothing is enabled for these */

        .align  4
.Lirqstack: .long CMS_IRQSTACK_TOP-96

/*
 * void cms_wait(void): an enabled wait for any I/O interruption. The
 * caller has disabled, checked that what it waits for has not happened,
 * and calls this; it returns after one I/O interruption, disabled again.
 */
        .globl  cms_wait
cms_wait:
        basr    %r1,0
0:      mvc     LC_WAITPSW(4),.Lwaitmask-0b(%r1)
        la      %r0,1f-0b(%r1)
        st      %r0,LC_WAITPSW+4
        lpsw    LC_WAITPSW
1:      ssm     .Lzero-0b(%r1)          /* disabled again */
        br      %r14
        .align  4
.Lwaitmask: .long 0xFE020000            /* I/O enabled, wait */
.Lzero:  .byte  0
        .align  4

/*
 * void cms_resume(const struct cms_jmp *j): continue at a point saved by
 * cms_setjmp (the command loop after an abend). int cms_setjmp(struct
 * cms_jmp *j): 0 when called, 1 when resumed.
 */
        .globl  cms_setjmp
cms_setjmp:
        stm     %r6,%r15,0(%r2)
        sr      %r2,%r2
        br      %r14
        .globl  cms_longjmp
cms_longjmp:
        lm      %r6,%r15,0(%r2)
        la      %r2,1
        br      %r14
