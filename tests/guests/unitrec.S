/*
 * unitrec.S - a printer and a card punch driven with the program's own
 * channel programs: two lines printed on the 1403 at X'00E', two cards
 * punched on the 3525 at X'00D'. Natively they are the Hercules devices
 * of the test configuration; under CP the real devices 00E and 00D
 * attached to the virtual machine (DEDICATE/ATTACH). The test reads the
 * host files the devices wrote (printer.txt, punch.txt).
 * PASS X'0C0D0D'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000 I/O chapter; 1403 and 3525 component
 * descriptions): printer CCW X'09' writes a line and spaces one line
 * after it; punch CCW X'01' writes (punches) one card of up to 80 bytes.
 * Each operation ends with channel end + device end (X'0C') in the CSW,
 * residual 0, CCW address + 8. The two lines of one chain are data of two
 * command-chained CCWs (the second starts when the first ends).
 */
#include "s370.inc"

        GUEST_START 0x0D

        .equ    PRT, 0x00E
        .equ    PUN, 0x00D

        SETNEW  IONEW, pdone
        mvc     CAW(4,%r0),cawp-base(%r12)
        .insn   s,0x9c000000,PRT        /* SIO */
        EXPECTCC 0, 0x001
        GOPSW   PSW_CH0+PSW_WAIT, w1
w1:     FAIL    0x002
pdone:  CHKW    IOOLD, 0x8002000E, 0x003
        CHKPSW  CSW, prt+16, 0x0C000000, 0x004

        SETNEW  IONEW, cdone
        mvc     CAW(4,%r0),cawc-base(%r12)
        .insn   s,0x9c000000,PUN
        EXPECTCC 0, 0x005
        GOPSW   PSW_CH0+PSW_WAIT, w2
w2:     FAIL    0x006
cdone:  CHKW    IOOLD, 0x8002000D, 0x007
        CHKPSW  CSW, pun+16, 0x0C000000, 0x008
        PASS

        .balign 8
prt:    CCW     0x09, line1, 0x40, 20   /* write, space 1; command chain */
        CCW     0x09, line2, 0x00, 20
pun:    CCW     0x01, card1, 0x40, 80   /* punch; command chain */
        CCW     0x01, card2, 0x00, 80
cawp:   .long   prt
cawc:   .long   pun
/* EBCDIC: "UNITREC PRINT LINE 1" / "...2", "UNITREC PUNCH CARD 1" / "...2" */
line1:  .byte   0xE4,0xD5,0xC9,0xE3,0xD9,0xC5,0xC3,0x40,0xD7,0xD9,0xC9,0xD5,0xE3,0x40,0xD3,0xC9,0xD5,0xC5,0x40,0xF1
line2:  .byte   0xE4,0xD5,0xC9,0xE3,0xD9,0xC5,0xC3,0x40,0xD7,0xD9,0xC9,0xD5,0xE3,0x40,0xD3,0xC9,0xD5,0xC5,0x40,0xF2
card1:  .byte   0xE4,0xD5,0xC9,0xE3,0xD9,0xC5,0xC3,0x40,0xD7,0xE4,0xD5,0xC3,0xC8,0x40,0xC3,0xC1,0xD9,0xC4,0x40,0xF1
        .fill   60,1,0x40
card2:  .byte   0xE4,0xD5,0xC9,0xE3,0xD9,0xC5,0xC3,0x40,0xD7,0xE4,0xD5,0xC3,0xC8,0x40,0xC3,0xC1,0xD9,0xC4,0x40,0xF2
        .fill   60,1,0x40

        GUEST_END
