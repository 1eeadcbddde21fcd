/*
 * entry.S - the interruption entry points (new PSWs point here), the
 * dispatcher's enabled wait, and entering and leaving a guest.
 *
 * CP runs disabled and in supervisor state. It gives up the CPU in two
 * ways only:
 *  - cpu_wait() loads an enabled wait PSW. An external or I/O interruption
 *    of that wait resumes after it with the class in %r2; no state is saved
 *    because none was live.
 *  - run_guest() saves CP's registers 6-15, loads the guest's registers and
 *    its problem-state PSW. Any interruption from problem state is a guest
 *    exit: the stub stores the guest's registers (before touching any),
 *    restores CP's and returns from run_guest() with the class. The old PSW
 *    stays in its lowcore slot for the C code.
 * Anything else - a program check, SVC, machine check or restart while CP
 * runs, an external or I/O interruption outside the wait - is an abend
 * (cp_abend in kern/abend.c), with the old PSW and CP's registers in lowcore.
 * Only TM and relative branches run before the guest's registers are saved.
 */
#include "machine/lowcore.h"

#define EXIT_EXT 1
#define EXIT_IO  2
#define EXIT_PGM 3
#define EXIT_SVC 4

        .text

/* int cpu_wait(uint64_t mask): %r2 = PSW mask bits to wait with */
        .globl  cpu_wait
cpu_wait:
        stg     %r2,LC_WAIT_PSW(%r0)
        larl    %r1,wait_resume
        stg     %r1,LC_WAIT_PSW+8(%r0)  /* not executed: the wait PSW's address */
        lpswe   LC_WAIT_PSW(%r0)
wait_resume:
        br      %r14

/* int run_guest(void) */
        .globl  run_guest
run_guest:
        stmg    %r6,%r15,LC_CP_SAVE(%r0)
        lmg     %r0,%r15,LC_GUEST_REGS(%r0)
        lpswe   LC_GUEST_PSW(%r0)
guest_exit:                             /* %r2 = class; guest registers saved */
        lmg     %r6,%r15,LC_CP_SAVE(%r0)
        br      %r14

/* External interruption */
        .globl  ext_entry
ext_entry:
        tm      LC_EXT_OLD+1(%r0),0x01  /* from a guest (problem state)? */
        jo      ext_guest
        tm      LC_EXT_OLD+1(%r0),0x02  /* was CP in its enabled wait? */
        jz      ext_not_wait
        lghi    %r2,1                   /* CPU_WAIT_EXT */
        j       wait_resume
ext_guest:
        stmg    %r0,%r15,LC_GUEST_REGS(%r0)
        lghi    %r2,EXIT_EXT
        j       guest_exit
ext_not_wait:
        mvc     LC_ABEND_PSW(16,%r0),LC_EXT_OLD(%r0)
        lghi    %r0,5
        j       abend_common

/* I/O interruption */
        .globl  io_entry
io_entry:
        tm      LC_IO_OLD+1(%r0),0x01
        jo      io_guest
        tm      LC_IO_OLD+1(%r0),0x02
        jz      io_not_wait
        lghi    %r2,2                   /* CPU_WAIT_IO */
        j       wait_resume
io_guest:
        stmg    %r0,%r15,LC_GUEST_REGS(%r0)
        lghi    %r2,EXIT_IO
        j       guest_exit
io_not_wait:
        mvc     LC_ABEND_PSW(16,%r0),LC_IO_OLD(%r0)
        lghi    %r0,6
        j       abend_common

/* Program interruption */
        .globl  pgm_entry
pgm_entry:
        tm      LC_PGM_OLD+1(%r0),0x01
        jz      pgm_cp
        stmg    %r0,%r15,LC_GUEST_REGS(%r0)
        lghi    %r2,EXIT_PGM
        j       guest_exit
pgm_cp:
        mvc     LC_ABEND_PSW(16,%r0),LC_PGM_OLD(%r0)
        lghi    %r0,1
        j       abend_common

/* SVC interruption: a guest's SVC; CP issues none */
        .globl  svc_entry
svc_entry:
        tm      LC_SVC_OLD+1(%r0),0x01
        jz      svc_cp
        stmg    %r0,%r15,LC_GUEST_REGS(%r0)
        lghi    %r2,EXIT_SVC
        j       guest_exit
svc_cp:
        mvc     LC_ABEND_PSW(16,%r0),LC_SVC_OLD(%r0)
        lghi    %r0,2
        j       abend_common

/* Machine check, restart: CP abends. */
        .globl  mck_entry
mck_entry:
        mvc     LC_ABEND_PSW(16,%r0),LC_MCK_OLD(%r0)
        lghi    %r0,3
        j       abend_common
        .globl  restart_entry
restart_entry:
        mvc     LC_ABEND_PSW(16,%r0),LC_RESTART_OLD(%r0)
        lghi    %r0,4
        j       abend_common

/* %r0 = abend class; CP's registers other than %r0 are as they were. */
abend_common:
        stmg    %r1,%r15,LC_ABEND_REGS+8(%r0)
        st      %r0,LC_ABEND_CODE(%r0)
        lghi    %r15,LC_ABEND_STACK-160
        lghi    %r0,0
        stg     %r0,0(%r15)
        brasl   %r14,cp_abend
1:      j       1b

/* void fpregs_save(uint64_t fpr[16], uint32_t *fpc): the four registers a
 * S/370 has (0, 2, 4, 6). CP runs with the AFP-register control off, so
 * the others do not exist for a guest either; there is no FPC to keep. */
        .globl  fpregs_save
fpregs_save:
        std     %f0,0(%r2)
        std     %f2,16(%r2)
        std     %f4,32(%r2)
        std     %f6,48(%r2)
        br      %r14

/* void fpregs_load(const uint64_t fpr[16], uint32_t fpc) */
        .globl  fpregs_load
fpregs_load:
        ld      %f0,0(%r2)
        ld      %f2,16(%r2)
        ld      %f4,32(%r2)
        ld      %f6,48(%r2)
        br      %r14
