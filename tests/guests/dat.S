/*
 * dat.S - dynamic address translation: 64K segments, 4K pages.
 * PASS X'0C0D07'; FAIL X'BADnnn' with the check numbers below.
 *
 * Architecture (GA22-7000 chapter 3 "Dynamic Address Translation",
 * chapter 6, chapter 10 LRA/PTLB):
 *  - CR0 bits 8-12 = 10000: 4K pages, 64K segments. CR1: segment-table
 *    length (bits 0-7, in units of 16 entries, minus 1) and origin (bits
 *    8-25, 64-byte aligned). DAT is on with EC-mode PSW bit 5.
 *  - Segment-table entry (4 bytes): page-table length (bits 0-3, in
 *    sixteenths, minus 1), page-table origin (bits 8-28), invalid (bit
 *    31). Page-table entry (2 bytes): frame address bits 8-19 in bits
 *    0-11, invalid bit 12 (X'0008').
 *  - Segment index beyond the segment-table length or an invalid STE:
 *    segment-translation exception (0010). Page index beyond the
 *    page-table length or an invalid PTE: page-translation exception
 *    (0011). Both nullify: the old PSW points AT the instruction. The
 *    segment and page index of the address go to the translation-
 *    exception address at X'90' (bits 8-19 of the word; bits 0-7 zero
 *    for a primary-space address; the byte index part is unpredictable).
 *    EC-mode interruption identification at X'8C'.
 *  - LRA translates without the TLB, in BC or EC mode, DAT on or off:
 *    cc 0 and the real address; cc 1 STE invalid, cc 2 PTE invalid
 *    (with the address of that entry in R1); cc 3 a segment- or page-
 *    table length violation.
 *  - A changed table entry takes effect for certain only after PTLB.
 *
 * Map: virtual 0-X'7FFF' = real (the program at X'1000' runs through
 * it); X'8000' -> real X'A000'; X'9000'-X'FFFF' invalid pages; segment 1
 * (X'10000') invalid; segment 2: a one-sixteenth page table, page 0 ->
 * real X'C000'; segments 3-15 invalid; 16 and up beyond the table.
 */
#include "s370.inc"

        GUEST_START 0x07

        /* real contents the translations must find */
        LV      %r4, 0x8000
        LV      %r3, 0x88888888
        st      %r3,0(%r4)
        st      %r3,4(%r4)
        LV      %r4, 0xA000
        LV      %r3, 0xAAAAAAAA
        st      %r3,0(%r4)
        st      %r3,4(%r4)
        LV      %r4, 0xB000
        LV      %r3, 0xBBBBBBBB
        st      %r3,0(%r4)
        LV      %r4, 0xC000
        LV      %r3, 0xCCCCCCCC
        st      %r3,0(%r4)
        st      %r3,16(%r4)
        lctl    %c0,%c1,crs-base(%r12)
        ptlb

/* ---- LRA, in BC mode with DAT off -------------------------------------- */
        LV      %r4, 0x8123
        lra     %r2,0(%r4)
        EXPECTCC 0, 0x001
        CHKR    %r2, 0x0000A123, 0x002
        LV      %r4, 0x9000
        lra     %r2,0(%r4)
        EXPECTCC 2, 0x003               /* PTE invalid */
        CHKR    %r2, pt0+2*9, 0x004     /* its address */
        LV      %r4, 0x12345
        lra     %r2,0(%r4)
        EXPECTCC 1, 0x005               /* STE invalid */
        CHKR    %r2, segtab+4*1, 0x006
        LV      %r4, 0x21000
        lra     %r2,0(%r4)
        EXPECTCC 3, 0x007               /* beyond the page table */
        LV      %r4, 0x100000
        lra     %r2,0(%r4)
        EXPECTCC 3, 0x008               /* beyond the segment table */
        LV      %r4, 0x20010
        lra     %r2,0(%r4)
        EXPECTCC 0, 0x009
        CHKR    %r2, 0x0000C010, 0x00A

/* ---- DAT on: mapped pages -------------------------------------------- */
        GOPSW   PSW_EC+PSW_DAT, d1
d1:     LV      %r4, 0x8000
        l       %r2,0(%r4)
        CHKR    %r2, 0xAAAAAAAA, 0x010  /* from real X'A000' */
        LV      %r3, 0x55555555
        st      %r3,4(%r4)              /* into real X'A004' */
        LV      %r4, 0x20000
        l       %r2,16(%r4)
        CHKR    %r2, 0xCCCCCCCC, 0x011
        LV      %r4, 0x7000
        l       %r2,0(%r4)              /* identity part */
        lra     %r2,0(%r4)              /* LRA with DAT on */
        EXPECTCC 0, 0x012
        CHKR    %r2, 0x00007000, 0x013

/* DATFAULT op, addr, code, chk: "op %r2,8(%r4)" with R4 = addr and DAT
   on must give translation exception code, nullified (old PSW at the
   instruction), ILC 2, and the page address of addr in the TEA.
   Check numbers chk..chk+3. */
        .macro  DATFAULT op, addr, code, chk
        SETNEW  PGMNEW, .Lx\@
        mvc     TEA(4,%r0),ffs-base(%r12)
        GOPSW   PSW_EC+PSW_DAT, .Ld\@
.Ld\@:  LV      %r4, \addr
.Li\@:  \op     %r2,8(%r4)
        FAIL    \chk
.Lx\@:  CHKPSW  PGMOLD, 0x04080000, .Li\@, \chk+1 /* DAT, EC; AT the instruction */
        CHKW    PGMID, 0x00040000+\code, \chk+2 /* ILC 2 (4 bytes), code */
        l       %r2,TEA
        n       %r2,pagemask-base(%r12)
        CHKR    %r2, \addr & 0xFFF000, \chk+3
        .endm

        DATFAULT l, 0x9ABC, 0x0011, 0x020 /* invalid page */
        DATFAULT l, 0x12345, 0x0010, 0x030 /* invalid segment */
        DATFAULT l, 0x100000, 0x0010, 0x040 /* beyond the segment table */
        DATFAULT st, 0x21000, 0x0011, 0x050 /* beyond the page table */

/* ---- instruction fetch from an invalid page --------------------------------- */
        SETNEW  PGMNEW, x5
        GOPSW   PSW_EC+PSW_DAT, 0x9000
x5:     CHKPSW  PGMOLD, 0x04080000, 0x9000, 0x061 /* AT the address */
        CHKH    PGMCODE, 0x0011, 0x062
        l       %r2,TEA
        n       %r2,pagemask-base(%r12)
        CHKR    %r2, 0x00009000, 0x063

/* ---- a changed PTE after PTLB ---------------------------------------------- */
        LV      %r4, 0xA000
        CHKW    4(%r4), 0x55555555, 0x070 /* the store at X'8004' above */
        LV      %r4, 0x8000
        CHKW    4(%r4), 0x88888888, 0x071
        mvc     pt0+2*8-base(2,%r12),pteb-base(%r12) /* X'8000' -> X'B000' */
        ptlb
        GOPSW   PSW_EC+PSW_DAT, d6
d6:     LV      %r4, 0x8000
        l       %r2,0(%r4)
        CHKR    %r2, 0xBBBBBBBB, 0x072
        lra     %r2,0(%r4)
        EXPECTCC 0, 0x073
        CHKR    %r2, 0x0000B000, 0x074
        GOPSW   0, b7
b7:     oi      pt0+2*8+1-base(%r12),0x08 /* now invalid */
        ptlb
        SETNEW  PGMNEW, x7
        GOPSW   PSW_EC+PSW_DAT, d7
d7:     LV      %r4, 0x8000
i7:     l       %r2,0(%r4)
        FAIL    0x075
x7:     CHKPSW  PGMOLD, 0x04080000, i7, 0x076
        CHKH    PGMCODE, 0x0011, 0x077
        PASS

        .balign 4
ffs:    .long   0xFFFFFFFF
pagemask: .long 0xFFFFF000              /* TEA: keep bits 0-19 */
crs:    .long   0x00800000              /* CR0: 4K pages, 64K segments */
        .long   segtab                  /* CR1: STL 0 (16 entries), STO */
pteb:   .short  0x00B0

/* the tables */
        .balign 64
segtab: .long   0xF0000000 + pt0        /* 0: PTL 15 (16 pages) */
        .long   0x00000001              /* 1: invalid */
        .long   0x00000000 + pt2        /* 2: PTL 0 (1 page) */
        .rept   13
        .long   0x00000001              /* 3-15: invalid */
        .endr
        .balign 8
pt0:    .short  0x0000, 0x0010, 0x0020, 0x0030 /* pages 0-7: real 0-X'7FFF' */
        .short  0x0040, 0x0050, 0x0060, 0x0070
        .short  0x00A0                  /* 8: real X'A000' */
        .short  0x0008, 0x0008, 0x0008, 0x0008 /* 9-15: invalid */
        .short  0x0008, 0x0008, 0x0008
        .balign 8
pt2:    .short  0x00C0                  /* page 0: real X'C000' */
        .short  0x00D0                  /* (beyond the length) */

        GUEST_END
