/*
 * keys.S - storage keys: SSK, ISK, RRB and key-controlled protection.
 * PASS X'0C0D03'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000 chapter 3 "Protection", chapter 10 SSK/ISK/RRB):
 *  - Each 2K block has a 7-bit key: access-control bits 0-3, fetch-
 *    protection bit 4 (F), reference bit 5 (R), change bit 6 (C).
 *    SSK sets it from R1 bits 24-30 for the 2K block addressed by R2
 *    bits 8-20; ISK inserts it into R1 bits 24-31. R2 bits 28-31 must
 *    be zero (else specification, 0006).
 *  - ISK in EC mode: the 7-bit key in bits 24-30, bit 31 zero. In BC mode
 *    only key bits 0-4 (ACC, F) in bits 24-28 and zeros in 29-31. Bits
 *    0-23 of R1 are unchanged in both modes.
 *  - A store is allowed when the PSW key is 0 or equals the block's
 *    access-control bits; a fetch also when F is 0. Otherwise protection
 *    (0004); the store is not made; the old PSW points after the
 *    instruction (ST/L: ILC 2).
 *  - R is set by every fetch or store of the block, C by every store.
 *    RRB resets R and sets the condition code from the old R and C:
 *    cc 0 R0C0, 1 R0C1, 2 R1C0, 3 R1C1.
 *
 * ISK and SSK are checked on the two 2K halves of one 4K block with
 * different keys. The protection checks use whole 4K blocks (both halves
 * with the same key): a CP on a z/Architecture host has one hardware key
 * per 4K frame, so it enforces protection per 4K (docs/vm.md).
 */
#include "s370.inc"

        GUEST_START 0x03

        .equ    BLKA, 0x4000            /* key 3, fetch allowed */
        .equ    BLKB, 0x4800            /* key 5, fetch-protected */
        .equ    BLKC, 0x5000            /* for RRB */
        .equ    BLKP, 0x6000            /* key 5, fetch-protected: 4K, for protection */

        LV      %r6, BLKA
        LV      %r7, BLKB
        LV      %r8, BLKC
        la      %r2,0x36                /* key 3, F 0, R 1, C 1 */
        .insn   rr,0x0800,%r2,%r6       /* SSK 2,6 */
        .insn   s,0xb2130000,0(%r6)     /* RRB: R and C were set by SSK */
        EXPECTCC 3, 0x001
        .insn   rr,0x0800,%r2,%r6       /* again */
        la      %r2,0x58                /* key 5, F 1, R 0, C 0 */
        .insn   rr,0x0800,%r2,%r7       /* SSK 2,7 */

/* ---- ISK in BC mode ------------------------------------------------- */
        l       %r2,ones-base(%r12)
        .insn   rr,0x0900,%r2,%r6       /* ISK 2,6 */
        CHKR    %r2, 0xFFFFFF30, 0x002  /* bits 0-23 kept, key 3, F 0, no R C */
        l       %r2,ones-base(%r12)
        .insn   rr,0x0900,%r2,%r7       /* ISK 2,7: the other 2K half */
        CHKR    %r2, 0xFFFFFF58, 0x003

/* ---- ISK in EC mode: all seven bits ---------------------------------- */
        GOPSW   PSW_EC, ec1
ec1:    l       %r2,ones-base(%r12)
        .insn   rr,0x0900,%r2,%r6
        CHKR    %r2, 0xFFFFFF36, 0x004
        l       %r2,ones-base(%r12)
        .insn   rr,0x0900,%r2,%r7
        CHKR    %r2, 0xFFFFFF58, 0x005
        GOPSW   0, bc1
bc1:

/* ---- ISK with R2 bits 28-31 not zero: specification ------------------ */
        SETNEW  PGMNEW, c6
        la      %r3,1(%r6)
i6:     .insn   rr,0x0900,%r2,%r3       /* ISK 2,3 with X'4001' */
        FAIL    0x006
c6:     CHKH    PGMOLD+2, 0x0006, 0x007
        CHKILC  PGMOLD, 1, 0x008
        CHKIA   PGMOLD, i6+2, 0x009

/* ---- stores and fetches under PSW keys 3, 4, 5 and 0 ----------------- */
        la      %r2,0x30                /* the whole 4K of BLKA: key 3 */
        LV      %r7, BLKA+0x800
        .insn   rr,0x0800,%r2,%r7
        la      %r2,0x58                /* BLKP, both halves: key 5, F */
        LV      %r7, BLKP+0x800
        .insn   rr,0x0800,%r2,%r7
        LV      %r7, BLKP
        .insn   rr,0x0800,%r2,%r7
        SETNEW  PGMNEW, c10
        GOPSW   0x00300000, key3        /* BC, key 3 */
key3:   l       %r2,val1-base(%r12)
        st      %r2,0(%r6)              /* key 3 into key 3: allowed */
        GOPSW   0x00400000, key4        /* key 4 */
key4:   l       %r2,0(%r6)              /* fetch from key 3, F 0: allowed */
        CHKR    %r2, 0x11111111, 0x00A
        l       %r2,val2-base(%r12)
i10:    st      %r2,0(%r6)              /* key 4 into key 3: protection */
        FAIL    0x00B
c10:    CHKW    PGMOLD, 0x00400004, 0x00C /* key 4, BC, code 0004 */
        CHKILC  PGMOLD, 2, 0x00D
        CHKIA   PGMOLD, i10+4, 0x00E
        CHKW    0(%r6), 0x11111111, 0x00F /* not stored */

        SETNEW  PGMNEW, c11
        GOPSW   0x00400000, key4b
key4b:
i11:    l       %r2,0(%r7)              /* key 4 from key 5 with F: protection */
        FAIL    0x010
c11:    CHKW    PGMOLD, 0x00400004, 0x011
        CHKILC  PGMOLD, 2, 0x012
        CHKIA   PGMOLD, i11+4, 0x013

        DEFAULT_NEW
        GOPSW   0x00500000, key5        /* key 5: its own block */
key5:   l       %r2,val2-base(%r12)
        st      %r2,0(%r7)
        l       %r3,0(%r7)
        CHKR    %r3, 0x22222222, 0x014
        GOPSW   0, key0                 /* key 0: everything */
key0:   l       %r2,val3-base(%r12)
        st      %r2,4(%r6)
        st      %r2,4(%r7)
        l       %r3,4(%r7)
        CHKR    %r3, 0x33333333, 0x015
        CHKW    4(%r6), 0x33333333, 0x016

/* ---- RRB: reference and change bits ----------------------------------- */
        sr      %r2,%r2
        .insn   rr,0x0800,%r2,%r8       /* SSK: key 0, R 0, C 0 */
        .insn   s,0xb2130000,0(%r8)     /* RRB */
        EXPECTCC 0, 0x020               /* R0 C0 */
        l       %r2,0(%r8)              /* a fetch sets R */
        .insn   s,0xb2130000,0(%r8)
        EXPECTCC 2, 0x021               /* R1 C0 */
        .insn   s,0xb2130000,0(%r8)
        EXPECTCC 0, 0x022               /* R was reset */
        l       %r2,8(%r8)              /* fetch again after the reset */
        .insn   s,0xb2130000,0(%r8)
        EXPECTCC 2, 0x023
        st      %r2,0(%r8)              /* a store sets R and C */
        .insn   s,0xb2130000,0(%r8)
        EXPECTCC 3, 0x024               /* R1 C1 */
        .insn   s,0xb2130000,0(%r8)
        EXPECTCC 1, 0x025               /* R0 C1: C stays */
        GOPSW   PSW_EC, ec2
ec2:    l       %r2,ones-base(%r12)
        .insn   rr,0x0900,%r2,%r8       /* ISK in EC mode shows it */
        CHKR    %r2, 0xFFFFFF02, 0x026
        GOPSW   0, bc2
bc2:    la      %r2,0x10                /* SSK: key 1, F 0, R 0, C 0 */
        .insn   rr,0x0800,%r2,%r8
        .insn   s,0xb2130000,0(%r8)
        EXPECTCC 0, 0x027               /* SSK set R and C too */
        PASS

        .balign 4
ones:   .long   0xFFFFFFFF
val1:   .long   0x11111111
val2:   .long   0x22222222
val3:   .long   0x33333333

        GUEST_END
