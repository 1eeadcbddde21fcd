/*
 * spin.S - a CPU-bound program for the tests of CP's dispatcher and of
 * PA1, #CP, BEGIN and ADSTOP (tests/system/test_vm.py). It writes "SPIN
 * STARTED" on the console at X'009' (SIO, then an enabled wait for the
 * I/O interruption), then adds 1 to the fullword at X'1200' for ever in
 * a loop at fixed addresses, disabled for every interruption:
 *
 *   X'1100'  L    R3,count
 *   X'1104'  AL   R3,one
 *   X'1108'  ST   R3,count
 *   X'110C'  B    X'1100'
 *   X'1200'  count (starts at 0)
 *
 * It never ends by itself; its pass code X'0C0D0A' is only reserved.
 */
#include "s370.inc"

        GUEST_START 0x0A

        .equ    CONS, 0x009

        mvc     CAW(4,%r0),caw-base(%r12)
        SETNEW  IONEW, written
        .insn   s,0x9c000000,CONS       /* SIO */
        EXPECTCC 0, 0x001
        GOPSW   PSW_CH0+PSW_WAIT, w1
w1:     FAIL    0x002
written: CHKW   IOOLD, 0x80020009, 0x003
        CHKB    CSW+4, 0x0C, 0x004      /* CE+DE */
        DEFAULT_NEW
        b       spin-base(%r12)

        .org    _start+0x100
spin:   l       %r3,count-base(%r12)    /* X'1100' */
        al      %r3,one-base(%r12)      /* X'1104' */
        st      %r3,count-base(%r12)    /* X'1108' */
        b       spin-base(%r12)         /* X'110C' */

        .balign 8
ccw:    CCW     0x09, text, 0x20, 12
caw:    .long   ccw
one:    .long   1
text:   .byte   0xE2, 0xD7, 0xC9, 0xD5, 0x40, 0xE2, 0xE3, 0xC1, 0xD9, 0xE3, 0xC5, 0xC4 /* SPIN STARTED */

        .org    _start+0x200
count:  .long   0                       /* X'1200' */

        GUEST_END
