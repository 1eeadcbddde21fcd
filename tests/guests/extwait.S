/*
 * extwait.S - reports external interruptions on the console, for the
 * tests of CP's EXTERNAL command and TRACE EXTERNAL (tests/system/
 * test_vm.py). It writes "EXTWAIT READY", then waits enabled for external
 * interruptions (BC mode, CR0 bit 25: the interrupt key) and writes
 * "EXTERNAL cccc" for each one, cccc its code in hex, and waits again.
 * It never ends by itself; its pass code X'0C0D0B' is only reserved.
 *
 * Architecture (GA22-7000, "External Interruption"): the interrupt key
 * makes an external interruption with code X'0040', subclass mask CR0 bit
 * 25; it is taken when PSW bit 7 is on. In BC mode the code is in bits
 * 16-31 of the external old PSW at X'18', which is the wait PSW itself.
 * Console writes wait for their I/O interruption with the external mask
 * off, so an interruption that comes meanwhile stays pending.
 */
#include "s370.inc"

        GUEST_START 0x0B

        .equ    CONS, 0x009

        lctl    %c0,%c0,cr0key-base(%r12)
        SETNEW  IONEW, iodone
        SETNEW  EXTNEW, ext
        la      %r2,ccwready-base(%r12)
        bal     %r14,write-base(%r12)
wait:   GOPSW   PSW_EXT+PSW_WAIT, w1
w1:     FAIL    0x001

ext:    CHKIA   EXTOLD, w1, 0x002
        mvc     code-base(2,%r12),EXTOLD+2 /* BC: the code in bits 16-31 */
        unpk    hex-base(5,%r12),code-base(3,%r12)
        nc      hex-base(4,%r12),low4-base(%r12) /* X'Fn' -> X'0n' */
        tr      hex-base(4,%r12),hextab-base(%r12)
        la      %r2,ccwext-base(%r12)
        bal     %r14,write-base(%r12)
        b       wait-base(%r12)

/* write: start the CCW at R2 on the console, wait for its ending */
write:  st      %r2,CAW
        .insn   s,0x9c000000,CONS       /* SIO */
        EXPECTCC 0, 0x010
        GOPSW   PSW_CH0+PSW_WAIT, w2
w2:     FAIL    0x011
iodone: CHKW    IOOLD, 0x80020009, 0x012
        CHKB    CSW+4, 0x0C, 0x013      /* CE+DE */
        br      %r14

        .balign 8
ccwready: CCW   0x09, ready, 0x20, 13
ccwext: CCW     0x09, exttext, 0x20, 13
cr0key: .long   0x00000040              /* bit 25: interrupt key */
low4:   .long   0x0F0F0F0F
code:   .byte   0, 0, 0                 /* the code and a pad byte for UNPK */
ready:  .byte   0xC5, 0xE7, 0xE3, 0xE6, 0xC1, 0xC9, 0xE3, 0x40, 0xD9, 0xC5, 0xC1, 0xC4, 0xE8 /* EXTWAIT READY */
exttext: .byte  0xC5, 0xE7, 0xE3, 0xC5, 0xD9, 0xD5, 0xC1, 0xD3, 0x40 /* "EXTERNAL " */
hex:    .space  5                       /* 4 hex digits (and UNPK's last byte) */
hextab: .byte   0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7 /* 0-7 */
        .byte   0xF8, 0xF9, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6 /* 8-9, A-F */

        GUEST_END
