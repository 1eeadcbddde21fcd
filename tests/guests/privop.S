/*
 * privop.S - privileged instructions in the problem state.
 * PASS X'0C0D02'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000, chapters 4, 6, 10): with PSW bit 15 (P) on,
 * a privileged instruction is not executed; a privileged-operation
 * exception (program interruption code 0002) is recognized and the
 * operation is suppressed: the old PSW (X'28') is the problem-state PSW
 * with the condition code unchanged, the ILC of the instruction (1 for
 * RR, 2 for RS/S) and the address of the next instruction. Tried here:
 * SSM (S), LPSW (S), SSK (RR), ISK (RR), LCTL (RS), SIO (S) and
 * DIAGNOSE (RS). SSK,
 * ISK and SIO exist only in S/370: on a z/Architecture host they are
 * operation exceptions, so a hypervisor must turn them into 0002 itself.
 * SVC works in either state and its new PSW returns to the supervisor
 * state; the SVC old PSW shows the problem state (BC: byte 1 = X'01').
 * Back in the supervisor state, DIAGNOSE with a code nothing assigns
 * (X'01FC') is a specification exception, on Hercules as under CP (which
 * gives what VM/370 gives for an unsupported code).
 *
 * Every privileged instruction is followed by an invalid opcode (0000):
 * had the instruction been executed, that one would interrupt with code
 * 0001 and the checks of the old PSW would fail.
 */
#include "s370.inc"

        GUEST_START 0x02

        stctl   %c0,%c0,cr0save-base(%r12)
        /* block X'4000' gets key 0; SSK below must not change it */
        LV      %r3, 0x4000
        sr      %r2,%r2
        .insn   rr,0x0800,%r2,%r3       /* SSK 2,3 */

/* ---- SSM ------------------------------------------------------------ */
        SETNEW  PGMNEW, c1
        GOPSW   PSW_PROB, prob1
prob1:  l       %r2,spm_c1-base(%r12)
        spm     %r2                     /* cc 1 */
i1:     ssm     ffs-base(%r12)          /* would open every mask */
        .short  0x0000
c1:     /* BC, key 0, P; code 0002; 90: ILC 2, cc 1; system mask still 00 */
        CHKPSW  PGMOLD, 0x00010002, 0x90000000+i1+4, 0x001

/* ---- LPSW ----------------------------------------------------------- */
        SETNEW  PGMNEW, c2
        GOPSW   PSW_PROB, prob2
prob2:  l       %r2,spm_c0-base(%r12)
        spm     %r2                     /* cc 0 */
i2:     lpsw    suppsw-base(%r12)       /* would go to supervisor state at esc */
        .short  0x0000
c2:     CHKPSW  PGMOLD, 0x00010002, 0x80000000+i2+4, 0x002

/* ---- SSK ------------------------------------------------------------ */
        SETNEW  PGMNEW, c3
        GOPSW   PSW_PROB, prob3
prob3:  l       %r2,spm_c2-base(%r12)
        spm     %r2                     /* cc 2 */
        la      %r2,0xF0
        LV      %r3, 0x4000
i3:     .insn   rr,0x0800,%r2,%r3       /* SSK 2,3: key F for X'4000' */
        .short  0x0000
c3:     /* 60: ILC 1, cc 2 */
        CHKPSW  PGMOLD, 0x00010002, 0x60000000+i3+2, 0x003
        LV      %r3, 0x4000
        l       %r2,ones-base(%r12)
        .insn   rr,0x0900,%r2,%r3       /* ISK 2,3 (supervisor state) */
        CHKR    %r2, 0xFFFFFF00, 0x004   /* the key is still 0 */

/* ---- ISK ------------------------------------------------------------ */
        SETNEW  PGMNEW, c4
        GOPSW   PSW_PROB, prob4
prob4:  l       %r2,spm_c3-base(%r12)
        spm     %r2                     /* cc 3 */
        l       %r5,ones-base(%r12)
        LV      %r3, 0x4000
i4:     .insn   rr,0x0900,%r5,%r3       /* ISK 5,3 */
        .short  0x0000
c4:     /* 70: ILC 1, cc 3 */
        CHKPSW  PGMOLD, 0x00010002, 0x70000000+i4+2, 0x005
        CHKR    %r5, 0xFFFFFFFF, 0x006   /* R1 not changed */

/* ---- LCTL ----------------------------------------------------------- */
        SETNEW  PGMNEW, c5
        GOPSW   PSW_PROB, prob5
prob5:  l       %r2,spm_c1-base(%r12)
        spm     %r2                     /* cc 1 */
i5:     lctl    %c0,%c0,ffs-base(%r12)
        .short  0x0000
c5:     CHKPSW  PGMOLD, 0x00010002, 0x90000000+i5+4, 0x007
        stctl   %c0,%c0,cr0-base(%r12)
        clc     cr0-base(4,%r12),cr0save-base(%r12)
        FAILNE  0x008                   /* CR0 unchanged */

/* ---- SIO ------------------------------------------------------------ */
        SETNEW  PGMNEW, c6
        GOPSW   PSW_PROB, prob6
prob6:  l       %r2,spm_c2-base(%r12)
        spm     %r2                     /* cc 2 */
i6:     .insn   s,0x9c000000,0x0FF      /* SIO X'0FF' */
        .short  0x0000
c6:     /* A0: ILC 2, cc 2 */
        CHKPSW  PGMOLD, 0x00010002, 0xA0000000+i6+4, 0x009

/* ---- DIAGNOSE -------------------------------------------------------- */
        SETNEW  PGMNEW, c8
        GOPSW   PSW_PROB, prob8
prob8:  l       %r2,spm_c1-base(%r12)
        spm     %r2                     /* cc 1 */
i8:     .insn   rs,0x83000000,%r2,%r4,0x1FC(%r0)  /* DIAGNOSE 2,4,X'1FC' */
        .short  0x0000
c8:     /* 90: ILC 2, cc 1 */
        CHKPSW  PGMOLD, 0x00010002, 0x90000000+i8+4, 0x00C

/* ---- SVC back to the supervisor state -------------------------------- */
        DEFAULT_NEW
        SETNEW  SVCNEW, c7
        GOPSW   PSW_PROB, prob7
prob7:  l       %r2,spm_c0-base(%r12)
        spm     %r2
i7:     svc     0x0C
        .short  0x0000
c7:     /* SVC old PSW: P on, code X'000C'; 40: ILC 1, cc 0 */
        CHKPSW  SVCOLD, 0x0001000C, 0x40000000+i7+2, 0x00A
        /* now in the supervisor state: a privileged instruction works */
        mvc     cr0-base(4,%r12),ffs-base(%r12)
        stctl   %c0,%c0,cr0-base(%r12)
        clc     cr0-base(4,%r12),cr0save-base(%r12)
        FAILNE  0x00B
        /* in the supervisor state, a DIAGNOSE code no one assigned (the
         * last of the installation range): specification exception */
        SETNEW  PGMNEW, c9
i9:     .insn   rs,0x83000000,%r2,%r4,0x1FC(%r0)
        .short  0x0000
c9:     CHKW    PGMOLD, 0x00000006, 0x00D
        CHKIA   PGMOLD, i9+4, 0x00E
        CHKILC  PGMOLD, 2, 0x010
        PASS

esc:    FAIL    0x00F                   /* LPSW was executed */

        .balign 8
suppsw: .long   0, esc
ones:   .long   0xFFFFFFFF
ffs:    .long   0xFFFFFFFF
cr0:    .long   0
cr0save: .long  0
spm_c0: .long   0x00000000
spm_c1: .long   0x10000000
spm_c2: .long   0x20000000
spm_c3: .long   0x30000000

        GUEST_END
