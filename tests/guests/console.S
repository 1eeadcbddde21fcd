/*
 * console.S - channel I/O to the 3215 console at X'009': SIO, the I/O
 * interruption and its CSW, TIO. Writes three lines, "CONSOLE TEST
 * LINE 1" to "3", which the test runner also looks for in the log.
 * PASS X'0C0D05'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000 chapter on I/O, chapter 6 "I/O Interruption"):
 *  - SIO (9C00) takes the CCW address from the CAW at X'48' (key in
 *    bits 0-3, address in 8-31) and gives cc 0 when the channel program
 *    has been started.
 *  - The end of the operation (channel end + device end) makes an I/O
 *    interruption condition. It is taken when the channel is enabled: BC
 *    mode PSW bit n for channel n (0-5); EC mode PSW bit 6 and the
 *    channel's CR2 bit (all ones after reset). The old PSW goes to X'38';
 *    the I/O address (channel and device) is in old-PSW bits 16-31 in BC
 *    mode, at X'BA' in EC mode (X'B8' = 0). The CSW at X'40' holds the
 *    key, the address of the last CCW + 8, unit status (X'0C' = CE+DE),
 *    channel status (0) and the residual count (0 when the count was
 *    used up).
 *  - TIO (9D00): cc 0 for an available device; cc 1 with a CSW stored
 *    when an interruption condition is pending (TIO clears it).
 */
#include "s370.inc"

        GUEST_START 0x05

        .equ    CONS, 0x009

/* ---- write, I/O interruption in BC mode ---------------------------------- */
        mvc     CAW(4,%r0),caw1-base(%r12)
        mvc     CSW(8,%r0),ffs-base(%r12)
        SETNEW  IONEW, io1
        .insn   s,0x9c000000,CONS       /* SIO */
        EXPECTCC 0, 0x001
        GOPSW   PSW_CH0+PSW_WAIT, w1    /* enabled for channel 0 */
w1:     FAIL    0x002
io1:    CHKW    IOOLD, 0x80020009, 0x003 /* old PSW: the wait PSW + I/O address */
        CHKIA   IOOLD, w1, 0x004
        CHKPSW  CSW, ccw1+8, 0x0C000000, 0x005 /* CE+DE, count used up */
        .insn   s,0x9d000000,CONS       /* TIO */
        EXPECTCC 0, 0x006

/* ---- write, I/O interruption in EC mode ---------------------------------- */
        mvc     CAW(4,%r0),caw2-base(%r12)
        mvc     CSW(8,%r0),ffs-base(%r12)
        mvc     0xB8(4,%r0),ffs-base(%r12)
        SETNEW  IONEW, io2
        .insn   s,0x9c000000,CONS
        EXPECTCC 0, 0x010
        GOPSW   PSW_EC+PSW_IO+PSW_WAIT, w2
w2:     FAIL    0x011
io2:    CHKPSW  IOOLD, 0x020A0000, w2, 0x012 /* EC: the code is not in the PSW */
        CHKW    0xB8, 0x00000009, 0x013  /* EC: I/O address at X'BA' */
        CHKPSW  CSW, ccw2+8, 0x0C000000, 0x014

/* ---- an interruption left pending: TIO takes it ---------------------------- */
        mvc     CAW(4,%r0),caw3-base(%r12)
        mvc     CSW(8,%r0),ffs-base(%r12)
        DEFAULT_NEW                     /* no I/O interruption is taken now */
        .insn   s,0x9c000000,CONS
        EXPECTCC 0, 0x020
        l       %r5,turns-base(%r12)
1:      .insn   s,0x9d000000,CONS       /* TIO until the device is done */
        bc      CC2,2f-base(%r12)       /* cc 2: still working */
        b       3f-base(%r12)
2:      bct     %r5,1b-base(%r12)
        FAIL    0x021                   /* never done */
3:      EXPECTCC 1, 0x022               /* CSW stored */
        CHKPSW  CSW, ccw3+8, 0x0C000000, 0x023
        .insn   s,0x9d000000,CONS
        EXPECTCC 0, 0x024               /* the condition was cleared */
        PASS

        .balign 8
ccw1:   CCW     0x09, line1, 0x20, 19   /* write + carriage return, SLI */
ccw2:   CCW     0x09, line2, 0x20, 19
ccw3:   CCW     0x09, line3, 0x20, 19
caw1:   .long   ccw1                    /* key 0 */
caw2:   .long   ccw2
caw3:   .long   ccw3
ffs:    .long   0xFFFFFFFF, 0xFFFFFFFF
turns:  .long   10000000
        /* "CONSOLE TEST LINE n" in EBCDIC */
line1:  .byte   0xC3, 0xD6, 0xD5, 0xE2, 0xD6, 0xD3, 0xC5, 0x40, 0xE3, 0xC5
        .byte   0xE2, 0xE3, 0x40, 0xD3, 0xC9, 0xD5, 0xC5, 0x40, 0xF1
line2:  .byte   0xC3, 0xD6, 0xD5, 0xE2, 0xD6, 0xD3, 0xC5, 0x40, 0xE3, 0xC5
        .byte   0xE2, 0xE3, 0x40, 0xD3, 0xC9, 0xD5, 0xC5, 0x40, 0xF2
line3:  .byte   0xC3, 0xD6, 0xD5, 0xE2, 0xD6, 0xD3, 0xC5, 0x40, 0xE3, 0xC5
        .byte   0xE2, 0xE3, 0x40, 0xD3, 0xC9, 0xD5, 0xC5, 0x40, 0xF3

        GUEST_END
