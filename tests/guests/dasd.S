/*
 * dasd.S - a disk driven with the program's own channel programs: read
 * the volume label, then write record 1 of cylinder 0 head 0 and read it
 * back, and put the record (the volume's IPL record) back as it was. The drive is at X'190': natively a Hercules 3350 made by dasdinit
 * (volume SPARE1), under CP the real volume at 132 attached as 190.
 * PASS X'0C0D10'; FAIL X'BADnnn'.
 *
 * Architecture (GA22-7000 I/O chapter; 3350 reference): Seek X'07' with
 * BBCCHH, Search ID Equal X'31' with CCHHR and a TIC back to it (the
 * search is repeated until the record comes round; status modifier skips
 * the TIC), then Read Data X'06' or Write Data X'05' of the record's data.
 * dasdinit writes IPL1 (R1, 24 bytes), IPL2 (R2) and VOL1 (R3, 80 bytes:
 * "VOL1" and the volume serial) on track 0. Each program ends with
 * channel end + device end (X'0C').
 */
#include "s370.inc"

        GUEST_START 0x10

        .equ    DISK, 0x190

        .macro  DOIO caw, n
        mvc     CAW(4,%r0),\caw-base(%r12)
        SETNEW  IONEW, .Lio\@
        .insn   s,0x9c000000,DISK
        EXPECTCC 0, \n
        GOPSW   0x40000000+PSW_WAIT, .Lw\@      /* channel 1 */
.Lw\@:  FAIL    \n+1
.Lio\@: CHKW    IOOLD, 0x40020190, \n+2
        CHKB    CSW+4, 0x0C, \n+3
        CHKB    CSW+5, 0x00, \n+4
        .endm

        DOIO    cawvol, 0x010
        clc     buf-base(10,%r12),vol1-base(%r12)
        FAILNE  0x015
        DOIO    cawsv, 0x040                    /* keep R1 (the IPL record) */
        DOIO    cawwr, 0x020
        DOIO    cawrd, 0x030
        clc     buf-base(24,%r12),data-base(%r12)
        FAILNE  0x035
        DOIO    cawrs, 0x050                    /* and put it back */
        PASS

        .balign 8
/* read R3 (VOL1) */
pvol:   CCW     0x07, seek, 0x40, 6
svol:   CCW     0x31, id3, 0x40, 5
        CCW     0x08, svol, 0, 0
        CCW     0x06, buf, 0x20, 80
/* write R1 */
pwr:    CCW     0x07, seek, 0x40, 6
swr:    CCW     0x31, id1, 0x40, 5
        CCW     0x08, swr, 0, 0
        CCW     0x05, data, 0x00, 24
/* read R1 */
prd:    CCW     0x07, seek, 0x40, 6
srd:    CCW     0x31, id1, 0x40, 5
        CCW     0x08, srd, 0, 0
        CCW     0x06, buf, 0x00, 24
/* read R1 into save; write save back to R1 */
psv:    CCW     0x07, seek, 0x40, 6
ssv:    CCW     0x31, id1, 0x40, 5
        CCW     0x08, ssv, 0, 0
        CCW     0x06, save, 0x00, 24
prs:    CCW     0x07, seek, 0x40, 6
srs:    CCW     0x31, id1, 0x40, 5
        CCW     0x08, srs, 0, 0
        CCW     0x05, save, 0x00, 24
cawsv:  .long   psv
cawrs:  .long   prs
cawvol: .long   pvol
cawwr:  .long   pwr
cawrd:  .long   prd
seek:   .byte   0, 0, 0, 0, 0, 0        /* BB CC HH */
id1:    .byte   0, 0, 0, 0, 1           /* CC HH R */
id3:    .byte   0, 0, 0, 0, 3
vol1:   .byte   0xE5,0xD6,0xD3,0xF1,0xE2,0xD7,0xC1,0xD9,0xC5,0xF1 /* VOL1SPARE1 */
data:   .fill   12,1,0xD1
        .fill   12,1,0xF7
buf:    .skip   80
save:   .skip   24

        GUEST_END
