/*
 * cardcopy.S - copies the cards that follow it in its deck to the punch
 * at 00D, then prints two lines on the printer at 00E: a program for
 * test_spool.py, which runs it in a CP virtual machine whose 00D and 00E
 * are spooled, so that the cards become a punch file and the lines a
 * printer file. It reads its IPL device (the real reader attached to the
 * machine) until unit exception; every read must end with channel end
 * and device end, every card is punched with one CCW X'01' of 80 bytes
 * (channel end + device end, residual 0). The printer gets X'09' (write,
 * space 1), X'8B' (skip to channel 1 immediately) and X'11' (write,
 * space 2), command-chained. The number of cards copied is left at
 * X'1200'. PASS X'0C0D31'; FAIL X'BADnnn' with the check numbers below.
 */
#include "s370.inc"

        GUEST_START 0x31

        lh      %r7,IPLDEV              /* the reader */
        la      %r8,0x00D               /* the punch */
        la      %r9,0x00E               /* the printer */
        sr      %r10,%r10               /* cards copied */

next:   mvc     CAW(4,%r0),cawr-base(%r12)
        SETNEW  IONEW, rdone
        .insn   s,0x9c000000,0(%r7)     /* SIO */
        EXPECTCC 0, 0x001
        GOPSW   PSW_CH0+PSW_WAIT, w1
w1:     FAIL    0x002
rdone:  tm      CSW+4,0x01              /* unit exception: the end of the deck */
        bo      print-base(%r12)
        CHKB    CSW+4, 0x0C, 0x003

        mvc     CAW(4,%r0),cawp-base(%r12)
        SETNEW  IONEW, pdone
        .insn   s,0x9c000000,0(%r8)
        EXPECTCC 0, 0x004
        GOPSW   PSW_CH0+PSW_WAIT, w2
w2:     FAIL    0x005
pdone:  CHKPSW  CSW, pun+8, 0x0C000000, 0x006
        la      %r10,1(%r10)
        b       next-base(%r12)

print:  LV      %r2, 0x1200
        st      %r10,0(%r2)
        ltr     %r10,%r10
        FAILEQ  0x007
        mvc     CAW(4,%r0),cawl-base(%r12)
        SETNEW  IONEW, ldone
        .insn   s,0x9c000000,0(%r9)
        EXPECTCC 0, 0x008
        GOPSW   PSW_CH0+PSW_WAIT, w3
w3:     FAIL    0x009
ldone:  CHKPSW  CSW, prt+24, 0x0C000000, 0x00A
        PASS

        .balign 8
rdr:    CCW     0x02, buf, 0x20, 80     /* read a card, SLI */
pun:    CCW     0x01, buf, 0x00, 80     /* punch it */
prt:    CCW     0x09, line1, 0x40, 17   /* write, space 1; command chain */
        CCW     0x8B, line1, 0x60, 1    /* skip to channel 1 immediately */
        CCW     0x11, line2, 0x00, 17   /* write, space 2 */
cawr:   .long   rdr
cawp:   .long   pun
cawl:   .long   prt
/* EBCDIC: "CARDCOPY PRINTED1" / "CARDCOPY PRINTED2" (17 characters each) */
line1:  .byte   0xC3,0xC1,0xD9,0xC4,0xC3,0xD6,0xD7,0xE8,0x40,0xD7,0xD9,0xC9,0xD5,0xE3,0xC5,0xC4,0xF1
line2:  .byte   0xC3,0xC1,0xD9,0xC4,0xC3,0xD6,0xD7,0xE8,0x40,0xD7,0xD9,0xC9,0xD5,0xE3,0xC5,0xC4,0xF2
buf:    .skip   80

        GUEST_END
