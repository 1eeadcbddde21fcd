/*
 * diag54.S - DIAGNOSE X'54', the PA2 key (DIAGNOSE.md 3.12); driven by
 * test_diagnose.py, which presses PA2 and enters a line.
 * PASS X'0C0D55'; FAIL X'BADnnn' with the check numbers below.
 *
 * After X'54' with Rx nonzero, PA2 pressed while the console reads (VM
 * READ) is an external interruption with the interrupt key's code X'0040'.
 * After X'54' with Rx zero, PA2 only clears the screen: no interruption,
 * and the read ends with the line the user enters next.
 *
 * The program starts a read on its console 009 and waits, enabled for
 * I/O (channel 0) and external interruptions (CR0 bit 25, the interrupt
 * key): first it must get the external interruption (the test's first
 * PA2), then, with PA2 back to clearing, the read's ending (the test's
 * second PA2, then a line); an external interruption there fails.
 */
#include "diag.inc"

        GUEST_START 0x55

        .equ    CONS, 0x009

        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r3, 0x054
        lctl    %c0,%c0,cr0key-base(%r12)
        la      %r2,1
        LV      %r3, 0x54545454
        SETCC   1
        DIAG    %r2, %r3, 0x054
        EXPECTCC 1, 0x001
        CHKR    %r2, 1, 0x002
        CHKR    %r3, 0x54545454, 0x003
        la      %r4,ccwread-base(%r12)
        st      %r4,CAW
        .insn   s,0x9c000000,CONS       /* SIO: the read waits for a line */
        EXPECTCC 0, 0x004
        SETNEW  EXTNEW, ext1
        GOPSW   PSW_CH0+PSW_EXT+PSW_WAIT, w1
w1:     FAIL    0x005

ext1:   CHKH    EXTOLD+2, 0x0040, 0x010 /* the interrupt key's code */
        la      %r2,0
        DIAG    %r2, %r3, 0x054         /* PA2 clears again */
        DEFAULT_NEW                     /* an external interruption now: EE1040 */
        SETNEW  IONEW, io2
        GOPSW   PSW_CH0+PSW_EXT+PSW_WAIT, w2
w2:     FAIL    0x011

io2:    CHKW    IOOLD, 0x81020009, 0x020
        CHKB    CSW+4, 0x0C, 0x021      /* CE+DE: the line came */
        PASS

        .balign 8
ccwread: CCW    0x0A, line, 0x20, 130
cr0key: .long   0x00000040              /* bit 25: interrupt key */
line:   .space  130
        GUEST_END
