/*
 * entry.S - the interruption entry points (new PSWs point here) and the
 * dispatcher's enabled wait.
 *
 * CP runs disabled; it enables only in cpu_wait(), by loading an enabled
 * wait PSW. An external or I/O interruption from that wait lands in
 * ext_entry/io_entry, which leave every register as cpu_wait had it and
 * resume after the wait with the interruption class in %r2: no state is
 * saved because none was live. An interruption from problem state is a
 * guest exit; in this release no guest runs yet, so it and every program
 * check, SVC, machine check or restart in CP is an abend (cp_abend in
 * kern/abend.c), with the old PSW and CP's registers kept in lowcore.
 */
#include "machine/lowcore.h"

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

/* External interruption */
        .globl  ext_entry
ext_entry:
        tm      LC_EXT_OLD+1(%r0),0x02  /* was CP in its enabled wait? */
        jz      ext_not_wait
        lghi    %r2,1                   /* CPU_WAIT_EXT */
        j       wait_resume
ext_not_wait:
        mvc     LC_ABEND_PSW(16,%r0),LC_EXT_OLD(%r0)
        lghi    %r0,5
        j       abend_common

/* I/O interruption */
        .globl  io_entry
io_entry:
        tm      LC_IO_OLD+1(%r0),0x02
        jz      io_not_wait
        lghi    %r2,2                   /* CPU_WAIT_IO */
        j       wait_resume
io_not_wait:
        mvc     LC_ABEND_PSW(16,%r0),LC_IO_OLD(%r0)
        lghi    %r0,6
        j       abend_common

/* Program check, SVC, machine check, restart: CP abends. */
        .globl  pgm_entry
pgm_entry:
        mvc     LC_ABEND_PSW(16,%r0),LC_PGM_OLD(%r0)
        lghi    %r0,1
        j       abend_common
        .globl  svc_entry
svc_entry:
        mvc     LC_ABEND_PSW(16,%r0),LC_SVC_OLD(%r0)
        lghi    %r0,2
        j       abend_common
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
