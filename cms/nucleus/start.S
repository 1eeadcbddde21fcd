/*
 * start.S - the CMS nucleus's entry, its interruption handlers, and the
 * way into a program (the jobs of DMSNUC's low-storage PSWs and of
 * DMSITI/DMSITP/DMSITS's entries; docs/cms.md, "Interruptions and
 * nucleus levels").
 *
 * CMS runs in the virtual machine's supervisor state, BC mode, key 0,
 * DAT off. Nucleus code runs disabled; it enables for I/O only while it
 * waits (cms_wait), so an I/O interruption arrives either in a wait or
 * while a program runs (enabled, in the user key). SVCs and attentions
 * that interrupt a program run as nucleus levels on the SVC stack;
 * program checks abandon what they interrupt.
 *
 * Only System/370 instructions for the privileged work (SIO and friends
 * are written with .insn in io.c); the rest is ordinary 31-bit code
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
 * CALLC save, stack, func: keep the interrupted registers at save (a
 * fixed address: no register is needed for it), take the stack whose top
 * the word at stack holds, and call the C function whose address the
 * word at func holds with R2 = save.
 */
        .macro  CALLC   save, stack, cfunc
        stm     %r0,%r15,\save
        basr    %r13,0
0:      l       %r15,\stack-0b(%r13)
        xc      0(96,%r15),0(%r15)
        l       %r1,\cfunc-0b(%r13)
        la      %r2,\save
        basr    %r14,%r1
        .endm

/*
 * The handlers (docs/cms.md, "Interruptions and nucleus levels"). Each
 * first stores the interrupted registers in its own save area in low
 * storage (fixed addresses, so no register is needed), then gets a base
 * and a stack and calls C with the save area's address.
 *
 * Three stacks: the nucleus's own (X'B000'-X'FFFF', the command loop and
 * what it calls); the I/O handler's (X'A000'-X'AFFF'), used by nothing
 * else, since that handler never waits and runs disabled; and the SVC
 * stack (X'6000'-X'9FFF'), on which a "nucleus level" runs: an SVC, or a
 * console attention that interrupts a running program. A level keeps the
 * interrupted registers and PSW in a record of CMS_SVCREC bytes at the
 * top of its stack and resumes from the record when its C function
 * returns. The first level starts at the top of the SVC stack; a level
 * entered from the nucleus code of another one (an SVC the nucleus issues
 * while it serves one) goes below that code's stack pointer. Program
 * checks also run on the SVC stack, from its top: they never return to
 * what they interrupted (dmsint.c unwinds to the command loop).
 */
        .macro  LEVEL   save, oldpsw, cfunc
        basr    %r13,0
0:      l       %r15,.Lsvctop\@-0b(%r13)
        l       %r1,LC_SVCDEPTH
        ltr     %r1,%r1
        jz      1f
        l       %r15,\save+60           /* nested: below the nucleus code's stack */
        n       %r15,.Lalign\@-0b(%r13)
1:      ahi     %r1,1
        st      %r1,LC_SVCDEPTH
        ahi     %r15,-CMS_SVCREC
        mvc     0(64,%r15),\save
        mvc     64(8,%r15),\oldpsw
        lr      %r2,%r15                /* the record */
        ahi     %r15,-96
        xc      0(96,%r15),0(%r15)
        l       %r1,.Lfunc\@-0b(%r13)
        basr    %r14,%r1
        la      %r1,96(%r15)            /* the record again */
        l       %r2,LC_SVCDEPTH
        ahi     %r2,-1
        st      %r2,LC_SVCDEPTH
        mvc     LC_SVCRET(8),64(%r1)
        lm      %r0,%r15,0(%r1)
        lpsw    LC_SVCRET
        .align  4
.Lsvctop\@: .long CMS_SVCSTACK_TOP
.Lalign\@:  .long 0x00FFFFF8
.Lfunc\@:   .long \cfunc
        .endm

/*
 * I/O: cms_io_interrupt on the interruption stack. It returns 0: back to
 * the old PSW (one in the wait state goes on after the wait, still
 * enabled; the code that waited decides what to mask). It returns 1 when
 * a console attention arrived while a program ran: a nucleus level reads
 * the line (cms_user_attention) before the program goes on, or ends the
 * program for HX.
 */
        .globl  cms_io_entry
cms_io_entry:
        CALLC   LC_IOSAVE, .Lirqstack, .Lioint
        ltr     %r2,%r2
        jnz     2f
        lm      %r0,%r15,LC_IOSAVE
        tm      LC_IOOLD+1,0x02
        jz      1f
        ni      LC_IOOLD+1,0xFD
1:      lpsw    LC_IOOLD
2:      LEVEL   LC_IOSAVE, LC_IOOLD, cms_user_attention

/* SVC: a nucleus level runs cms_svc (svc.c). */
        .globl  cms_svc_entry
cms_svc_entry:
        stm     %r0,%r15,LC_SVCSAVE
        LEVEL   LC_SVCSAVE, LC_SVCOLD, cms_svc

/* Program check: cms_program_check on the SVC stack; it does not return. */
        .globl  cms_pgm_entry
cms_pgm_entry:
        CALLC   LC_PGMSAVE, .Lpgmstack, .Lpgmcheck
        lm      %r0,%r15,LC_PGMSAVE
        lpsw    LC_PGMOLD               /* only if C returns: resume */

        .globl  cms_ext_entry
cms_ext_entry:
        lpsw    LC_EXTOLD               /* nothing is enabled for these */

        .align  4
.Lirqstack: .long CMS_IRQSTACK_TOP-96
.Lpgmstack: .long CMS_SVCSTACK_TOP-96
.Lioint:    .long cms_io_interrupt
.Lpgmcheck: .long cms_program_check

/*
 * int cms_call_program(uint32_t entry, uint32_t plist, uint32_t save):
 * run a program in the user area (module.c) with R6's entry registers:
 * R1 the tokenised plist, R13 a save area, R14 the return point, R12 and
 * R15 the entry. It runs enabled for I/O (a console attention reaches
 * CMS: HX) with the user key (CMS_USER_KEY), so it can store only into
 * the user area and free storage. Returns its R15. Where the nucleus's stack pointer was is kept
 * in cms_program_sp, so nothing the program does to its registers
 * matters.
 */
        .globl  cms_call_program
cms_call_program:
        stm     %r6,%r15,24(%r15)
        basr    %r11,0
0:      l       %r1,.Lprogsp-0b(%r11)
        st      %r15,0(%r1)
        la      %r14,2f-0b(%r11)
        lr      %r12,%r2
        lr      %r1,%r3
        lr      %r13,%r4
        lr      %r15,%r2
        sr      %r0,%r0
        ssm     .Lenable-0b(%r11)
        spka    CMS_USER_KEY            /* the user key: the nucleus is protected */
        br      %r15
2:      spka    0                       /* the nucleus's key again */
        stnsm   LC_SCRATCH,0x00         /* disabled again */
        basr    %r11,0
3:      l       %r1,.Lprogsp-3b(%r11)
        lr      %r2,%r15
        l       %r15,0(%r1)
        lm      %r6,%r15,24(%r15)
        br      %r14
        .align  4
.Lprogsp: .long cms_program_sp
.Lenable: .byte 0xFE                    /* I/O interruptions enabled */
        .align  4

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
