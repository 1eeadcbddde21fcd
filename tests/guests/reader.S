/*
 * reader.S - the card reader the program was IPLed from: read the data
 * cards that follow the program in its deck, then read past the end.
 * The deck is built with `mkdeck.py --data-cards 5`; the reader is a
 * 3505 defined with the `eof` option (end of deck = unit exception).
 * PASS X'0C0D06'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000 chapter 4 "Initial Program Loading", the I/O
 * chapter; 3505 component description):
 *  - After an IPL into a BC-mode PSW the I/O address of the IPL device is
 *    at locations 2-3.
 *  - Read (CCW X'02') of 80 bytes reads the next card; the end of the
 *    operation is channel end + device end with residual count 0, and
 *    the CSW's CCW address is that of the CCW + 8.
 *  - A CCW with the PCI flag (X'08') makes a program-controlled
 *    interruption while the chain goes on: channel status X'80', unit
 *    status 0, the CCW address of the chain's progress. The channel may
 *    also present it with the ending (PCI bit in the final CSW), if the
 *    program ended first: either is accepted, but a PCI must be seen.
 *  - With no card left, the read ends with unit exception (X'01') along
 *    with channel end and device end; no data are transferred, so the
 *    residual count is the whole count. The read CCW has SLI: without it
 *    Hercules 3.13 adds incorrect length (channel status X'40') to the
 *    end-of-file status, which this test does not try to judge.
 * Card n (mkdeck.py) is "CPCMS TEST CARD nnnn" in columns 1-20, blanks,
 * and "SEQnnnnn" in columns 73-80, in EBCDIC.
 */
#include "s370.inc"

        GUEST_START 0x06

        CHKH    IPLDEV, 0x000C, 0x001
        lh      %r7,IPLDEV              /* the reader's address */
        mvc     CAW(4,%r0),caw-base(%r12)

/* READCARD n, chk: read card n into buf, check the CSW and the text;
   check numbers chk..chk+5 */
        .macro  READCARD n, chk
        xc      buf-base(80,%r12),buf-base(%r12)
        mvc     CSW(8,%r0),ffs-base(%r12)
        SETNEW  IONEW, .Lio\@
        .insn   s,0x9c000000,0(%r7)     /* SIO */
        EXPECTCC 0, \chk
        GOPSW   PSW_CH0+PSW_WAIT, .Lw\@
.Lw\@:  FAIL    \chk+1
.Lio\@: CHKW    IOOLD, 0x8002000C, \chk+2 /* I/O address X'00C' */
        CHKPSW  CSW, ccw+8, 0x0C000000, \chk+3 /* CE+DE, residual 0 */
        /* the card as mkdeck.py makes it */
        mvi     exp-base(%r12),0x40
        mvc     exp+1-base(79,%r12),exp-base(%r12)
        mvc     exp-base(20,%r12),hdr-base(%r12)
        mvi     exp+19-base(%r12),0xF0+\n
        mvc     exp+72-base(8,%r12),seq-base(%r12)
        mvi     exp+79-base(%r12),0xF0+\n
        clc     buf-base(80,%r12),exp-base(%r12)
        FAILNE  \chk+4
        .endm

        READCARD 1, 0x010
        READCARD 2, 0x020
        READCARD 3, 0x030

/* ---- a program-controlled interruption: cards 4 and 5 in one chain ---- */
        xc      buf-base(80,%r12),buf-base(%r12)
        xc      buf2-base(80,%r12),buf2-base(%r12)
        mvc     CAW(4,%r0),cawp-base(%r12)
        sr      %r8,%r8                 /* interruptions seen */
        sr      %r9,%r9                 /* PCI seen */
        SETNEW  IONEW, io5
        .insn   s,0x9c000000,0(%r7)
        EXPECTCC 0, 0x050
wait5:  GOPSW   PSW_CH0+PSW_WAIT, w5
w5:     FAIL    0x051
io5:    CHKW    IOOLD, 0x8002000C, 0x052
        la      %r8,1(%r8)
        tm      CSW+5,0x80              /* PCI in the channel status? */
        bz      nopci-base(%r12)
        la      %r9,1
nopci:  tm      CSW+4,0x0C              /* the ending (CE+DE)? */
        bo      end5-base(%r12)
        /* an intermediate interruption: only the PCI, no unit status */
        CHKB    CSW+4, 0x00, 0x053
        CHKB    CSW+5, 0x80, 0x054
        l       %r1,CSW                 /* its CCW address: in the chain */
        n       %r1,gmask24-base(%r12)
        la      %r0,ccwp+8-base(%r12)
        cr      %r1,%r0
        be      wait5-base(%r12)
        la      %r0,ccwp+16-base(%r12)
        cr      %r1,%r0
        be      wait5-base(%r12)
        FAIL    0x055
end5:   /* the ending: CE+DE after the second CCW, residual 0 (plus PCI
           if it was not presented by itself) */
        CHKB    CSW+4, 0x0C, 0x056
        CHKH    CSW+6, 0x0000, 0x05C
        tm      CSW+5,0x7F              /* no channel status but PCI */
        FAILIF  CC1+CC3, 0x05D
        l       %r1,CSW
        n       %r1,gmask24-base(%r12)
        la      %r0,ccwp+16-base(%r12)
        cr      %r1,%r0
        FAILNE  0x057
        ltr     %r9,%r9
        FAILEQ  0x058                   /* a PCI was seen */
        c       %r8,two-base(%r12)
        FAILIF  CC2, 0x059                /* at most two interruptions */
        /* cards 4 and 5 */
        mvc     exp-base(20,%r12),hdr-base(%r12)
        mvi     exp+19-base(%r12),0xF4
        clc     buf-base(20,%r12),exp-base(%r12)
        FAILNE  0x05A
        mvi     exp+19-base(%r12),0xF5
        clc     buf2-base(20,%r12),exp-base(%r12)
        FAILNE  0x05B
        mvc     CAW(4,%r0),caw-base(%r12)

/* ---- past the last card: unit exception -------------------------------- */
        mvc     buf-base(80,%r12),exp-base(%r12)
        mvc     CSW(8,%r0),ffs-base(%r12)
        SETNEW  IONEW, io4
        .insn   s,0x9c000000,0(%r7)
        EXPECTCC 0, 0x040
        GOPSW   PSW_CH0+PSW_WAIT, w4
w4:     FAIL    0x041
io4:    CHKW    IOOLD, 0x8002000C, 0x042
        CHKPSW  CSW, ccw+8, 0x0D000050, 0x043 /* CE+DE+UX, nothing read */
        clc     buf-base(80,%r12),exp-base(%r12)
        FAILNE  0x044                   /* the buffer was not touched */
        PASS

        .balign 8
ccw:    CCW     0x02, buf, 0x20, 80     /* read a card, SLI */
caw:    .long   ccw
        .balign 8
ccwp:   CCW     0x02, buf, 0x68, 80     /* read, CC + SLI + PCI */
        CCW     0x02, buf2, 0x20, 80    /* read, SLI */
cawp:   .long   ccwp
two:    .long   2
ffs:    .long   0xFFFFFFFF, 0xFFFFFFFF
hdr:    .byte   0xC3, 0xD7, 0xC3, 0xD4, 0xE2, 0x40, 0xE3, 0xC5, 0xE2, 0xE3 /* CPCMS TEST */
        .byte   0x40, 0xC3, 0xC1, 0xD9, 0xC4, 0x40, 0xF0, 0xF0, 0xF0, 0xF0 /*  CARD 0000 */
seq:    .byte   0xE2, 0xC5, 0xD8, 0xF0, 0xF0, 0xF0, 0xF0, 0xF0 /* SEQ00000 */
buf:    .skip   80
buf2:   .skip   80
exp:    .skip   80

        GUEST_END
