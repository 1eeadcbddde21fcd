/*
 * psw_interrupts.S - SVC and program interruptions, BC and EC mode.
 * PASS X'0C0D01'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000, chapters 4 and 6):
 *  - An interruption stores the current PSW as the old PSW (SVC X'20',
 *    program X'28') and loads the new PSW (X'60', X'68').
 *  - BC mode: the old PSW carries the interruption code in bits 16-31,
 *    the ILC in bits 32-33, the condition code in 34-35 and the program
 *    mask in 36-39. Nothing is stored at X'88'-X'8F'.
 *  - EC mode: bits 16-31 of the old PSW keep their EC meaning (condition
 *    code in 18-19, program mask in 20-23, the rest zero); the SVC
 *    identification goes to X'88' (0, ILC*2, code halfword at X'8A'), the
 *    program identification to X'8C' (0, ILC*2 at X'8D', code at X'8E').
 *  - SVC: code = the I field, ILC 1, old PSW points after the SVC.
 *  - Operation exception (code 0001) for an unassigned opcode is
 *    suppressing: the old PSW points after the instruction, whose length
 *    (ILC 1, 2, 3 for opcodes 00-3F, 40-BF, C0-FF) is in the ILC.
 * The opcodes used (00, 52, FF) are unassigned in S/370, ESA/390 and
 * z/Architecture alike, so a hypervisor on a z host sees them fail too.
 */
#include "s370.inc"

        GUEST_START 0x01

/* ---- SVC in BC mode ------------------------------------------------ */
        SETNEW  SVCNEW, svc1
        mvc     SVCID(4,%r0),ones-base(%r12)
        l       %r2,spm_c2-base(%r12)
        spm     %r2                     /* cc 2, program mask 0 */
s1:     svc     0x42
        FAIL    0x001                   /* no SVC interruption */
svc1:   /* 0000 0042: key 0, BC, code X'42'; 60: ILC 1, cc 2, mask 0 */
        CHKPSW  SVCOLD, 0x00000042, 0x60000000+s1+2, 0x002
        CHKW    SVCID, 0xFFFFFFFF, 0x003 /* BC mode: X'88' not stored */

/* ---- SVC in EC mode ------------------------------------------------ */
        SETNEW  SVCNEW, svc2
        GOPSW   PSW_EC, ec1
ec1:    l       %r2,spm_c1-base(%r12)
        spm     %r2                     /* cc 1, program mask 0 */
s2:     svc     0x99
        FAIL    0x010
svc2:   /* EC old PSW: 0008 (EC), byte 2 = cc 1 in bits 18-19 */
        CHKPSW  SVCOLD, 0x00081000, s2+2, 0x011
        CHKW    SVCID, 0x00020099, 0x012 /* 0, ILC 1 (2 bytes), code X'0099' */

/* ---- program interruption (operation, 0001) in BC mode ------------- */
        SETNEW  PGMNEW, p1
        mvc     PGMID(4,%r0),ones-base(%r12)
        l       %r2,spm_c3a-base(%r12)
        spm     %r2                     /* cc 3, program mask X'A' */
op1:    .short  0x0000                  /* opcode 00: ILC 1 */
        FAIL    0x020
p1:     /* code 0001; 7A: ILC 1, cc 3, program mask A */
        CHKPSW  PGMOLD, 0x00000001, 0x7A000000+op1+2, 0x021
        CHKW    PGMID, 0xFFFFFFFF, 0x022 /* BC mode: X'8C' not stored */

        SETNEW  PGMNEW, p2
        l       %r2,spm_c0-base(%r12)
        spm     %r2
op2:    .long   0x52000000              /* opcode 52: ILC 2 */
        FAIL    0x023
p2:     CHKPSW  PGMOLD, 0x00000001, 0x80000000+op2+4, 0x024

        SETNEW  PGMNEW, p3
op3:    .short  0xFF00, 0x0000, 0x0000  /* opcode FF: ILC 3 */
        FAIL    0x025
p3:     CHKPSW  PGMOLD, 0x00000001, 0xC0000000+op3+6, 0x026
        CHKW    PGMID, 0xFFFFFFFF, 0x027

/* ---- program interruption (operation, 0001) in EC mode ------------- */
        SETNEW  PGMNEW, p4
        GOPSW   PSW_EC, ec2
ec2:    l       %r2,spm_c25-base(%r12)
        spm     %r2                     /* cc 2, program mask 5 */
op4:    .long   0x52000000              /* ILC 2 */
        FAIL    0x030
p4:     /* EC: byte 2 = cc 2 (bits 18-19) + mask 5 (20-23); word 2 = IA */
        CHKPSW  PGMOLD, 0x00082500, op4+4, 0x031
        CHKW    PGMID, 0x00040001, 0x032 /* 0, ILC 2 (4 bytes), code 0001 */

        SETNEW  PGMNEW, p5
        GOPSW   PSW_EC, ec3
ec3:    l       %r2,spm_c0-base(%r12)
        spm     %r2
op5:    .short  0x0000                  /* ILC 1 */
        FAIL    0x033
p5:     CHKPSW  PGMOLD, 0x00080000, op5+2, 0x034
        CHKW    PGMID, 0x00020001, 0x035

        SETNEW  PGMNEW, p6
        GOPSW   PSW_EC, op6
op6:    .short  0xFF00, 0x0000, 0x0000  /* ILC 3 */
        FAIL    0x036
p6:     CHKPSW  PGMOLD, 0x00080000, op6+6, 0x037
        CHKW    PGMID, 0x00060001, 0x038

        PASS

        .balign 4
ones:   .long   0xFFFFFFFF
/* SPM operands: bits 2-3 condition code, bits 4-7 program mask */
spm_c0: .long   0x00000000
spm_c1: .long   0x10000000
spm_c2: .long   0x20000000
spm_c25: .long  0x25000000
spm_c3a: .long  0x3A000000

        GUEST_END
