/*
 * tape.S - a tape drive driven with the program's own channel programs:
 * rewind, write two 80-byte blocks and a tape mark, rewind, read both
 * blocks back and read into the tape mark. The drive is at X'181'
 * (natively a Hercules 3420 of the test configuration; under CP a real
 * drive ATTACHed as 181). PASS X'0C0D0E'; FAIL X'BADnnn'.
 *
 * Architecture (GA22-7000 I/O chapter; 3420 component description):
 * CCW X'07' rewind, X'01' write, X'1F' write tape mark, X'02' read. Each
 * ends with channel end + device end (X'0C') in the CSW; a read that
 * meets a tape mark ends with unit exception too (X'0D'), no data moved.
 */
#include "s370.inc"

        GUEST_START 0x0E

        .equ    TAPE, 0x181

/* DOIO ccw, status, n: run the one-CCW program at ccw on the drive;
   the CSW must show unit status `status` (channel status 0); checks
   n..n+3 */
        .macro  DOIO ccw, status, n
        la      %r1,\ccw-base(%r12)
        st      %r1,CAW(%r0)
        SETNEW  IONEW, .Lio\@
        .insn   s,0x9c000000,TAPE
        EXPECTCC 0, \n
        GOPSW   0x40000000+PSW_WAIT, .Lw\@     /* channel 1 */
.Lw\@:  FAIL    \n+1
.Lio\@: CHKW    IOOLD, 0x40020181, \n+2
        CHKB    CSW+4, \status, \n+3
        CHKB    CSW+5, 0x00, \n+3
        .endm

        DOIO    rew, 0x0C, 0x010
        DOIO    wr1, 0x0C, 0x020
        DOIO    wr2, 0x0C, 0x030
        DOIO    wtm, 0x0C, 0x040
        DOIO    rew, 0x0C, 0x050
        xc      buf-base(80,%r12),buf-base(%r12)
        DOIO    rd, 0x0C, 0x060
        clc     buf-base(80,%r12),rec1-base(%r12)
        FAILNE  0x064
        xc      buf-base(80,%r12),buf-base(%r12)
        DOIO    rd, 0x0C, 0x070
        clc     buf-base(80,%r12),rec2-base(%r12)
        FAILNE  0x074
        DOIO    rd, 0x0D, 0x080         /* the tape mark */
        PASS

        .balign 8
rew:    CCW     0x07, 0, 0x20, 1
wr1:    CCW     0x01, rec1, 0x00, 80
wr2:    CCW     0x01, rec2, 0x00, 80
wtm:    CCW     0x1F, 0, 0x20, 1
rd:     CCW     0x02, buf, 0x20, 80
rec1:   .fill   40,1,0xC1
        .fill   40,1,0xF1
rec2:   .fill   40,1,0xC2
        .fill   40,1,0xF2
buf:    .skip   80

        GUEST_END
