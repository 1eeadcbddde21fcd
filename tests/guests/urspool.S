/*
 * urspool.S - channel programs a spooled punch, printer and reader must
 * refuse or flag, for test_spool.py (run in a CP virtual machine whose
 * 00C, 00D and 00E are spooled; MAINT IPLs it from the real reader).
 * Each SIO starts at once (cc 0) and ends with an I/O interruption whose
 * CSW is checked whole:
 *   1  punch, read command (X'02', SLI): unit check, CE+DE, nothing moved
 *   2  sense: X'80' command reject
 *   3  punch 40 bytes without SLI: a card is 80: incorrect length
 *   4  punch 40+40 bytes data-chained: one card, no incorrect length
 *   5  punch with count 0: program check
 *   6  reader with no file: unit check; sense X'40' intervention required
 *   7  printer X'09' of 200 bytes: 132 printed, incorrect length, residual 68
 *   8  printer X'05' (no such command): unit check
 * The punch file then holds two cards, the printer file one line.
 * PASS X'0C0D32'; FAIL X'BADnnn' with the check numbers below.
 */
#include "s370.inc"

        GUEST_START 0x32

/* IO dev, caw, chk: SIO of the program at caw on dev; wait for its end */
        .macro  IO dev, caw, chk
        mvc     CAW(4,%r0),\caw-base(%r12)
        mvc     CSW(8,%r0),ffs-base(%r12)
        SETNEW  IONEW, .Lio\@
        la      %r2,\dev
        .insn   s,0x9c000000,0(%r2)     /* SIO */
        EXPECTCC 0, \chk
        GOPSW   PSW_CH0+PSW_WAIT, .Lw\@
.Lw\@:  FAIL    \chk+1
.Lio\@:
        .endm

        IO      0x00D, a1, 0x010
        CHKPSW  CSW, c1+8, 0x0E000050, 0x012
        IO      0x00D, a2, 0x020
        CHKPSW  CSW, c2+8, 0x0C000000, 0x022
        CHKB    sense-base(%r12), 0x80, 0x023
        IO      0x00D, a3, 0x030
        CHKPSW  CSW, c3+8, 0x0C400000, 0x032
        IO      0x00D, a4, 0x040
        CHKPSW  CSW, c4+16, 0x0C000000, 0x042
        IO      0x00D, a5, 0x050
        CHKPSW  CSW, c5+8, 0x00200000, 0x052
        IO      0x00C, a6, 0x060
        CHKPSW  CSW, c6+8, 0x0E000050, 0x062
        IO      0x00C, a2r, 0x064
        CHKB    sense-base(%r12), 0x40, 0x066
        IO      0x00E, a7, 0x070
        CHKPSW  CSW, c7+8, 0x0C400044, 0x072
        IO      0x00E, a8, 0x080
        CHKPSW  CSW, c8+8, 0x0E000001, 0x082
        PASS

        .balign 8
c1:     CCW     0x02, buf, 0x20, 80     /* read on a punch, SLI */
c2:     CCW     0x04, sense, 0x00, 1    /* sense */
c3:     CCW     0x01, buf, 0x00, 40     /* punch 40 bytes */
c4:     CCW     0x01, buf, 0x80, 40     /* punch 40 + 40, data chained */
        CCW     0x01, buf+40, 0x00, 40
c5:     CCW     0x01, buf, 0x00, 0      /* count 0 */
c6:     CCW     0x02, buf, 0x20, 80     /* read, SLI */
c7:     CCW     0x09, buf, 0x00, 200    /* write and space, 200 bytes */
c8:     CCW     0x05, buf, 0x20, 1      /* no such printer command */
a1:     .long   c1
a2:     .long   c2
a2r:    .long   c2
a3:     .long   c3
a4:     .long   c4
a5:     .long   c5
a6:     .long   c6
a7:     .long   c7
a8:     .long   c8
ffs:    .long   0xFFFFFFFF, 0xFFFFFFFF
sense:  .byte   0xFF
        .balign 8
buf:    .fill   200,1,0xC1              /* EBCDIC A */

        GUEST_END
