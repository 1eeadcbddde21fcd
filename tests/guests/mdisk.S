/*
 * mdisk.S - a disk of N cylinders driven by the program's own channel
 * programs: records written and read back at both ends, count fields,
 * seeks beyond the end, Recalibrate, file masks, Write R0, read-only
 * rejection and the end of a cylinder in a multitrack search. The disk
 * is at X'191': natively a whole Hercules 3350 of N cylinders, under CP
 * a minidisk of N cylinders. The same program must pass both ways.
 * PASS X'0C0D20'; FAIL X'BADnnn'.
 *
 * The parameter card, the first card after the deck in the reader the
 * program was IPLed from (mkdeck.py --card), in EBCDIC:
 *   columns 1-4  N, the disk's cylinders (4 decimal digits, 0001-9999)
 *   column  6    W (the disk may be written) or R (read-only)
 *   column  8    F (full pack: Write R0 allowed) or P (partial: not)
 * e.g. "0005 W F". The disk has 30 heads (3350).
 *
 * Architecture (GA22-7000 I/O chapter; IBM 3830/3330 and 3350 reference
 * manuals, the commands and sense bytes of a CKD drive):
 *  - Seek X'07' (BBCCHH), Seek Cylinder X'0B', Seek Head X'1B' (HH of the
 *    current cylinder). BB must be 0, CC below the drive's cylinders, HH
 *    below its heads: otherwise the seek is rejected, channel end + device
 *    end + unit check, and the sense (Sense X'04', 24 bytes) shows command
 *    reject, byte 0 bit 0 (X'80'). Recalibrate X'13' goes to cylinder 0
 *    head 0.
 *  - Search ID Equal X'31' (CCHHR) compares the next count field; on a
 *    match it presents status modifier, which skips the TIC back to it.
 *    Search HA Equal X'39' (CCHH) compares the home address. The
 *    multitrack forms (X'B1', ...) go on to the next head at the index
 *    point; on the last head of a cylinder they end with unit check,
 *    sense byte 1 bit 2 (X'20') end of cylinder.
 *  - Read Data X'06', Read Count X'12' (the next count field, R0
 *    skipped), Read R0 X'16' (count, key and data of R0), Read CKD X'1E'
 *    and Read HA X'1A' (flag byte and CCHH). A count field is CC HH R KL
 *    DL DL; the count fields written by dasdinit and by Write CKD X'1D'
 *    and Write R0 X'15' hold the address of their track.
 *  - Write CKD after a Search ID Equal (or another Write CKD) writes a
 *    record and erases the rest of the track: three chained after a
 *    search for R0 format the track. Write Data X'05' rewrites a
 *    record's data after a Search ID Equal that matched. Erase X'11'.
 *    Write R0 needs a Search HA Equal that matched (or a Write HA).
 *  - Set File Mask X'1F' (one byte; at most once in a channel program, a
 *    second one is rejected: command reject). Bits 0-1 write control: 00
 *    inhibit Write HA and Write R0 (the mask in effect without a Set
 *    File Mask), 01 (X'40') inhibit all writes, 10 (X'80') write update
 *    only, 11 (X'C0') allow all; a write the mask forbids is rejected
 *    with command reject. Bits 3-4 (X'18') seek control: 00 allow all
 *    seeks, 11 inhibit all seeks and multitrack; a seek the mask forbids
 *    ends with unit check, sense byte 1 bit 5 (X'04') file protected.
 *  - Read IPL X'02' reads the data of record 1 of cylinder 0 head 0.
 * Under CP a minidisk of N cylinders must look exactly like a drive of N
 * cylinders: the cylinders in every argument and count field relative
 * to its first, the same status and sense. A read-only link rejects
 * every write command (command reject), and a minidisk that is not a
 * whole pack rejects Write R0 even after Set File Mask X'C0'.
 *
 * Natively (Hercules 3.13, a 3350 made by dasdinit): a whole volume is
 * always a full pack, so a 'P' card fails at check X'543' (the Write R0
 * works); a drive opened read-only (`ro`) answers a write with equipment
 * check + write inhibited (sense 10 02 00 00), so an 'R' card fails at
 * X'546'. The Read IPL check compares with R1 of cylinder 0 head 0 read
 * the ordinary way, and is left out when there is no R1 there. Every
 * program seeks before it reads: Hercules 3.13 fails (segmentation
 * fault) on a read or search to a drive never positioned.
 *
 * The channel programs take their arguments (BBCCHH, CCHHR, count
 * fields) from areas `track` fills for a cylinder and head. Each ends in
 * an I/O interruption (the CSW: unit status, channel status 0, CCW
 * address) or, allowed for a command rejected at once, SIO cc 1 with the
 * status stored. After a unit check the sense bytes are read. A FAIL code
 * names the check; n+1 SIO cc 2/3, n+2 an interruption from another
 * device, n+3 the unit status, n+4 the channel status, n+5 the CCW
 * address, n+6 sense byte 0, n+7 sense bytes 1-2, n+9..n+13 the Sense
 * itself. For a look after a failure:
 *
 *   X'1010'  the last CSW
 *   X'1018'  the last sense bytes (24)
 *   X'1030'  N (halfword), N-1 (halfword), the parameter card (80)
 */
#include "s370.inc"

        GUEST_START 0x20

        .equ    DISK, 0x191
        .equ    HEADS, 30
        .equ    DLEN, 32                /* the data of the records written */
        .equ    RLEN, 8+DLEN            /* count + data */

/* IO prog, status, end, n [, s0, s1, s2]: start the channel program at
   prog on the disk; it must end with unit status `status`, channel
   status 0 and the CCW address `end` (the CCW after the last one used).
   With unit check in `status`, the sense bytes 0-2 read right after must
   be s0 s1 s2. Checks n..n+13 (doio). */
        .macro  IO prog, status, end, n, s0=0, s1=0, s2=0
        bal     %r14,doio-base(%r12)
        .long   \prog, \end
        .short  \n
        .byte   \status, \s0, \s1, \s2
        .endm

/* OK: channel end + device end. REJECT: channel end + device end + unit
   check, sense command reject (byte 0 X'80', bytes 1-2 zero). */
        .macro  OK prog, end, n
        IO      \prog, 0x0C, \end, \n
        .endm

        .macro  REJECT prog, end, n
        IO      \prog, 0x0E, \end, \n, 0x80
        .endm

/* TRACK cyl, head: the arguments of the channel programs for that track
   (registers or LA operands) */
        .macro  TRACK cyl, head
        lr      %r6,\cyl
        la      %r7,\head
        bal     %r14,track-base(%r12)
        .endm

/* READBACK n: the records `track` describes, as pfmt wrote them, read
   back every way. Checks n..n+0x3E. */
        .macro  READBACK n
        xc      dat1-base(3*DLEN,%r12),dat1-base(%r12)
        OK      prd, prde, \n           /* Search ID + Read Data, R1-R3 */
        clc     dat1-base(3*DLEN,%r12),recdata-base(%r12)
        FAILNE  \n+0xE
        xc      cnt-base(24,%r12),cnt-base(%r12)
        OK      pcnt, pcnte, \n+0x10    /* Read Count after R0, 3 times */
        clc     cnt-base(8,%r12),rec1-base(%r12)
        FAILNE  \n+0x1D
        clc     cnt+8-base(8,%r12),rec2-base(%r12)
        FAILNE  \n+0x1E
        clc     cnt+16-base(8,%r12),rec3-base(%r12)
        FAILNE  \n+0x1F
        xc      ckdb-base(2*RLEN,%r12),ckdb-base(%r12)
        xc      hab-base(5,%r12),hab-base(%r12)
        OK      pckd, pckde, \n+0x20    /* Read HA, R0, CKD of R1 and R2 */
        clc     hab-base(5,%r12),ha0-base(%r12)
        FAILNE  \n+0x2D
        clc     r0b-base(5,%r12),ida-base(%r12)
        FAILNE  \n+0x2E
        clc     ckdb-base(2*RLEN,%r12),rec1-base(%r12)
        FAILNE  \n+0x2F
        xc      dat1-base(DLEN,%r12),dat1-base(%r12)
        OK      pmt, pmte, \n+0x30      /* multitrack from the head before */
        clc     dat1-base(DLEN,%r12),recdata-base(%r12)
        FAILNE  \n+0x3E
        .endm

        b       init-base(%r12)

        .balign 16
lastcsw: .long  0, 0                    /* X'1010' */
sense:  .fill   24, 1, 0                /* X'1018' */
ncyl:   .short  0                       /* X'1030' */
lastcyl: .short 0
card:   .fill   80, 1, 0

/* ---- the parameter card ------------------------------------------------- */
init:   PARMCARD card, 0x001
        /* columns 1-4: N in decimal */
        la      %r2,card-base(%r12)
        la      %r3,4
1:      cli     0(%r2),0xF0
        FAILIF  CC1, 0x004
        cli     0(%r2),0xF9
        FAILIF  CC2, 0x004
        la      %r2,1(%r2)
        bct     %r3,1b-base(%r12)
        pack    dw-base(8,%r12),card-base(4,%r12)
        cvb     %r8,dw-base(%r12)       /* R8 = N for the whole program */
        ltr     %r8,%r8
        FAILEQ  0x004
        lr      %r9,%r8
        bctr    %r9,0                   /* R9 = N-1 */
        sth     %r8,ncyl-base(%r12)
        sth     %r9,lastcyl-base(%r12)
        cli     card+5-base(%r12),0xE6  /* W */
        be      2f-base(%r12)
        cli     card+5-base(%r12),0xD9  /* R */
        FAILNE  0x005
2:      cli     card+7-base(%r12),0xC6  /* F */
        be      3f-base(%r12)
        cli     card+7-base(%r12),0xD7  /* P */
        FAILNE  0x006
3:
        /* the arguments beyond the disk: cylinder N, head 30 */
        sth     %r8,skn+2-base(%r12)
        sth     %r9,idnone-base(%r12)

/* ---- read-write: records at both ends ----------------------------------- */
        cli     card+5-base(%r12),0xE6
        bne     rdonly1-base(%r12)
        sr      %r10,%r10
        TRACK   %r10, 1                 /* cylinder 0 head 1 */
        OK      pfmt, pfmte, 0x100      /* R1-R3 written */
        READBACK 0x110                  /* checks 0x110-0x14E */
        TRACK   %r9, HEADS-1            /* cylinder N-1 head 29 */
        OK      pfmt, pfmte, 0x180
        READBACK 0x190                  /* checks 0x190-0x1CE */
rdonly1:

/* ---- R0 and the home address of the last track, of the first one ---- */
        TRACK   %r9, HEADS-1
        OK      pr0, pr0e, 0x1E0
        clc     hab-base(5,%r12),ha0-base(%r12)
        FAILNE  0x1EE                   /* Read HA: 00 CCHH */
        clc     r0b-base(5,%r12),ida-base(%r12)
        FAILNE  0x1EF                   /* R0's count: CCHH 0 */
        sr      %r10,%r10
        TRACK   %r10, 0
        OK      pr0, pr0e, 0x1F0
        clc     hab-base(5,%r12),ha0-base(%r12)
        FAILNE  0x1FE
        clc     r0b-base(5,%r12),ida-base(%r12)
        FAILNE  0x1FF

/* ---- seeks beyond the disk: command reject ---------------------------- */
        REJECT  pskn, pskne, 0x200      /* Seek, cylinder N */
        REJECT  pskcn, pskcne, 0x210    /* Seek Cylinder, cylinder N */
        REJECT  pskh, pskhe, 0x220      /* Seek, head 30 */
        REJECT  pshd, pshde, 0x230      /* Seek Head 30 after a good Seek */
        REJECT  pskbb, pskbbe, 0x240    /* Seek, BB = 0001 */
        REJECT  pskff, pskffe, 0x250    /* Seek, cylinder X'FFFF' */

/* ---- Recalibrate from the last track, then Read R0: cylinder 0 head 0 --- */
        TRACK   %r9, HEADS-1
        xc      r0b-base(16,%r12),r0b-base(%r12)
        OK      precal, precale, 0x300
        clc     r0b-base(5,%r12),zero-base(%r12)
        FAILNE  0x30E

/* ---- file masks ------------------------------------------------------------ */
        REJECT  psfm2, psfm2e, 0x400    /* a second Set File Mask */
        IO      psfmsk, 0x0E, psfmske, 0x410, 0x00, 0x04 /* X'18': no seeks, */
                                        /* file protected */
        cli     card+5-base(%r12),0xE6
        bne     rdonly2-base(%r12)
        sr      %r10,%r10
        TRACK   %r10, 1
        REJECT  psfm40, psfm40e, 0x420  /* X'40': Write Data rejected */
        xc      dat1-base(3*DLEN,%r12),dat1-base(%r12)
        OK      prd, prde, 0x430        /* and R1 still there */
        clc     dat1-base(3*DLEN,%r12),recdata-base(%r12)
        FAILNE  0x43E
rdonly2:

/* ---- Write R0 on cylinder 0 head 2 -------------------------------------- */
        sr      %r10,%r10
        TRACK   %r10, 2
        REJECT  pwr0d, pwr0de, 0x500    /* file mask 00: never */
        cli     card+5-base(%r12),0xE6
        bne     wr0no-base(%r12)
        cli     card+7-base(%r12),0xC6
        bne     wr0no-base(%r12)
        /* read-write, full pack: Write R0 and R1 format the track */
        OK      pwr0, pwr0e, 0x510
        xc      r0b-base(16,%r12),r0b-base(%r12)
        OK      pr0, pr0e, 0x520
        clc     hab-base(5,%r12),ha0-base(%r12)
        FAILNE  0x52E
        clc     r0b-base(16,%r12),r0new-base(%r12)
        FAILNE  0x52F                   /* R0 as written: count and data */
        xc      dat1-base(DLEN,%r12),dat1-base(%r12)
        OK      prd1, prd1e, 0x530
        clc     dat1-base(DLEN,%r12),recdata-base(%r12)
        FAILNE  0x53E
        b       wr0done-base(%r12)
wr0no:  REJECT  pwr0, pwr0e0, 0x540     /* read-only or partial: rejected */
wr0done:

/* ---- read-only: every write rejected ------------------------------------- */
        cli     card+5-base(%r12),0xD9
        bne     rdonly3-base(%r12)
        sr      %r10,%r10
        TRACK   %r10, 0
        REJECT  pwd0, pwd0e, 0x600      /* Write Data of R0 */
        TRACK   %r9, HEADS-2
        REJECT  pwckd, pwckde, 0x610    /* Write CKD after R0 */
        REJECT  pera, perae, 0x620      /* Erase after R0 */
        sr      %r10,%r10
        TRACK   %r10, 0
        xc      r0b-base(16,%r12),r0b-base(%r12)
        OK      pr0, pr0e, 0x630        /* reads work */
        clc     r0b-base(5,%r12),ida-base(%r12)
        FAILNE  0x63E
rdonly3:

/* ---- multitrack search from the last head: end of cylinder -------------- */
        TRACK   %r9, HEADS-1
        IO      pmteoc, 0x0E, pmteoce, 0x700, 0x00, 0x20

/* ---- Read IPL: the data of R1 of cylinder 0 head 0, when there is one --- */
        sr      %r10,%r10
        TRACK   %r10, 0
        xc      dat1-base(24,%r12),dat1-base(%r12)
        la      %r1,pipl1-base(%r12)
        st      %r1,CAW
        la      %r5,0x800
        bal     %r14,sio-base(%r12)
        cli     CSW+4,0x0C
        be      1f-base(%r12)
        OK      psense, psense+8, 0x810 /* no R1 there */
        b       noipl-base(%r12)
1:      xc      ipl-base(24,%r12),ipl-base(%r12)
        OK      pipl, pipl+8, 0x820
        clc     ipl-base(24,%r12),dat1-base(%r12)
        FAILNE  0x82E
noipl:
        PASS

/* ---- subroutines --------------------------------------------------------- */

/* track: R6 = cylinder, R7 = head -> the arguments: sk, skp (head-1),
   ida/id1-id3 (CCHHR), ha0 (00CCHH), ha (CCHH), the Write CKD records
   rec1-rec3 (count CCHHR 00 0020; data: CCHHR, then R in every byte),
   their data again in recdata, and r0new (Write R0: count CCHH0 00 0008,
   data "R0NEW"). BAL R14. */
track:  sth     %r6,sk+2-base(%r12)
        sth     %r7,sk+4-base(%r12)
        mvc     skp-base(6,%r12),sk-base(%r12)
        lr      %r1,%r7
        bctr    %r1,0
        sth     %r1,skp+4-base(%r12)
        mvc     ha-base(4,%r12),sk+2-base(%r12)
        mvc     ha0+1-base(4,%r12),ha-base(%r12)
        mvc     ida-base(4,%r12),ha-base(%r12)
        mvc     id1-base(4,%r12),ha-base(%r12)
        mvc     id2-base(4,%r12),ha-base(%r12)
        mvc     id3-base(4,%r12),ha-base(%r12)
        mvc     r0new-base(4,%r12),ha-base(%r12)
        la      %r2,rec1-base(%r12)
        la      %r4,recdata-base(%r12)
        la      %r3,1
1:      mvc     0(4,%r2),ha-base(%r12)          /* the count field */
        stc     %r3,4(%r2)
        mvi     5(%r2),0
        mvc     6(2,%r2),dlen-base(%r12)
        stc     %r3,8(%r2)                      /* the data */
        mvc     9(DLEN-1,%r2),8(%r2)
        mvc     8(5,%r2),0(%r2)
        mvc     0(DLEN,%r4),8(%r2)              /* and all three data */
        la      %r2,RLEN(%r2)
        la      %r4,DLEN(%r4)
        la      %r3,1(%r3)
        c       %r3,four-base(%r12)
        bl      1b-base(%r12)
        br      %r14

/* doio: the I/O of an IO macro; R14 -> its parameters: program, end
   (words), n (halfword), status, s0, s1, s2 (bytes). Returns after
   them. n+3 the unit status, n+4 the channel status, n+5 the CCW
   address, n+6 sense byte 0, n+7 sense bytes 1-2; the Sense itself
   n+9..n+13. */
doio:   lr      %r6,%r14
        mvc     CAW(4,%r0),0(%r6)
        lh      %r5,8(%r6)
        bal     %r14,sio-base(%r12)
        clc     CSW+4(1,%r0),10(%r6)
        la      %r1,3(%r5)
        bne     gfail-base(%r12)
        cli     CSW+5,0
        la      %r1,4(%r5)
        bne     gfail-base(%r12)
        cli     viacc1-base(%r12),0     /* cc 1: only the status stored */
        bne     1f-base(%r12)
        l       %r1,CSW
        n       %r1,gmask24-base(%r12)
        c       %r1,4(%r6)
        la      %r1,5(%r5)
        bne     gfail-base(%r12)
1:      tm      10(%r6),0x02            /* unit check: the sense */
        bz      2f-base(%r12)
        xc      sense-base(24,%r12),sense-base(%r12)
        la      %r1,psense-base(%r12)
        st      %r1,CAW
        la      %r5,8(%r5)
        bal     %r14,sio-base(%r12)
        cli     CSW+4,0x0C
        la      %r1,3(%r5)
        bne     gfail-base(%r12)
        sh      %r5,eight-base(%r12)
        clc     sense-base(1,%r12),11(%r6)
        la      %r1,6(%r5)
        bne     gfail-base(%r12)
        clc     sense+1-base(2,%r12),12(%r6)
        la      %r1,7(%r5)
        bne     gfail-base(%r12)
2:      b       14(%r6)

/* sio: SIO to the disk of the program the CAW names; cc 0: wait for its
   interruption; cc 1: the status stored. R5 = n: n+1 cc 2/3, n+2 an
   interruption from another device. The CSW is kept at X'1010'. BAL R14. */
sio:    mvc     CSW(8,%r0),ffs-base(%r12)
        mvi     viacc1-base(%r12),0
        SETNEW  IONEW, sioint
        .insn   s,0x9c000000,DISK
        bc      CC0,siowait-base(%r12)
        bc      CC1,siocc1-base(%r12)
        la      %r1,1(%r5)
        b       gfail-base(%r12)
siowait: GOPSW  0x40000000+PSW_WAIT, siowait /* channel 1 */
sioint: clc     IOOLD+2(2,%r0),disk-base(%r12)
        la      %r1,2(%r5)
        bne     gfail-base(%r12)
        b       siocsw-base(%r12)
siocc1: mvi     viacc1-base(%r12),1
siocsw: mvc     lastcsw-base(8,%r12),CSW
        br      %r14

/* ---- the channel programs ------------------------------------------------ */
/* SEARCH cmd, arg, count: a search and the TIC back to it (a match
   presents status modifier, which skips the TIC). SEEKID id [, seek,
   cmd]: Seek (BBCCHH at `seek`, default sk), then Search ID Equal (or
   cmd) for the CCHHR at id. SEEKHA: Seek sk, Search HA Equal ha. */
        .macro  SEARCH cmd, arg, count
.Lsr\@: CCW     \cmd, \arg, 0x40, \count
        CCW     0x08, .Lsr\@, 0, 0
        .endm

        .macro  SEEKID id, seek=sk, cmd=0x31
        CCW     0x07, \seek, 0x40, 6
        SEARCH  \cmd, \id, 5
        .endm

        .macro  SEEKHA
        CCW     0x07, sk, 0x40, 6
        SEARCH  0x39, ha, 4
        .endm

        .balign 8
psense: CCW     0x04, sense, 0x20, 24
/* format the track: R1-R3 after R0 */
pfmt:   SEEKID  ida
        CCW     0x1D, rec1, 0x40, RLEN
        CCW     0x1D, rec2, 0x40, RLEN
        CCW     0x1D, rec3, 0x00, RLEN
pfmte:
/* Search ID Equal + Read Data of R1, R2, R3 */
prd:    SEEKID  id1
        CCW     0x06, dat1, 0x40, DLEN
        SEARCH  0x31, id2, 5
        CCW     0x06, dat2, 0x40, DLEN
        SEARCH  0x31, id3, 5
        CCW     0x06, dat3, 0x00, DLEN
prde:
/* the count fields after R0 */
pcnt:   SEEKID  ida
        CCW     0x12, cnt, 0x40, 8
        CCW     0x12, cnt+8, 0x40, 8
        CCW     0x12, cnt+16, 0x00, 8
pcnte:
/* Read HA, Read R0, Read CKD of R1 and R2 */
pckd:   CCW     0x07, sk, 0x40, 6
        CCW     0x1A, hab, 0x40, 5
        CCW     0x16, r0b, 0x60, 16
        CCW     0x1E, ckdb, 0x40, RLEN
        CCW     0x1E, ckdb+RLEN, 0x00, RLEN
pckde:
/* Search ID Equal multitrack for R1 from the head before */
pmt:    SEEKID  id1, skp, 0xB1
        CCW     0x06, dat1, 0x00, DLEN
pmte:
/* Read HA and Read R0 */
pr0:    CCW     0x07, sk, 0x40, 6
        CCW     0x1A, hab, 0x40, 5
        CCW     0x16, r0b, 0x20, 16
pr0e:
/* seeks beyond the disk (one CCW each, but the Seek Head) */
pskn:   CCW     0x07, skn, 0x20, 6
pskne:
pskcn:  CCW     0x0B, skn, 0x20, 6
pskcne:
pskh:   CCW     0x07, skh, 0x20, 6
pskhe:
pshd:   CCW     0x07, sk0, 0x40, 6
        CCW     0x1B, skh, 0x20, 6
pshde:
pskbb:  CCW     0x07, skbb, 0x20, 6
pskbbe:
pskff:  CCW     0x07, skff, 0x20, 6
pskffe:
/* from the last track, Recalibrate, then Read R0 */
precal: CCW     0x07, sk, 0x40, 6
        CCW     0x13, 0, 0x60, 1
        CCW     0x16, r0b, 0x20, 16
precale:
/* two Set File Masks */
psfm2:  CCW     0x1F, fmc0, 0x40, 1
        CCW     0x1F, fmc0, 0x20, 1
psfm2e:
/* Set File Mask X'18' (no seeks), then a Seek */
psfmsk: CCW     0x1F, fm18, 0x40, 1
        CCW     0x07, sk0, 0x20, 6
psfmske:
/* Set File Mask X'40' (no writes), then Write Data of R1 */
psfm40: CCW     0x1F, fm40, 0x40, 1
        SEEKID  id1
        CCW     0x05, rec1+8, 0x20, DLEN
psfm40e:
/* Write R0 without a Set File Mask */
pwr0d:  SEEKHA
        CCW     0x15, r0new, 0x20, 16
pwr0de:
/* Set File Mask X'C0' (all writes), Write R0, Write CKD R1 */
pwr0:   CCW     0x1F, fmc0, 0x40, 1
        SEEKHA
        CCW     0x15, r0new, 0x60, 16
pwr0e0:                                 /* (a rejected Write R0 ends it) */
        CCW     0x1D, rec1, 0x00, RLEN
pwr0e:
/* Search ID Equal + Read Data of R1 */
prd1:   SEEKID  id1
        CCW     0x06, dat1, 0x00, DLEN
prd1e:
/* read-only: Write Data of R0, Write CKD after R0, Erase after R0 */
pwd0:   SEEKID  ida
        CCW     0x05, zero, 0x20, 8
pwd0e:
pwckd:  SEEKID  ida
        CCW     0x1D, rec1, 0x20, RLEN
pwckde:
pera:   SEEKID  ida
        CCW     0x11, rec1, 0x20, RLEN
perae:
/* multitrack search for a record nobody wrote, from the last head */
pmteoc: CCW     0x07, sk, 0x40, 6
1:      CCW     0xB1, idnone, 0x60, 5
pmteoce:                                /* (the search ends it) */
        CCW     0x08, 1b, 0, 0
/* Read IPL; and R1 of cylinder 0 head 0 the ordinary way */
pipl:   CCW     0x02, ipl, 0x20, 24
pipl1:  SEEKID  id1
        CCW     0x06, dat1, 0x20, 24

/* ---- the arguments and buffers ------------------------------------------- */
        .balign 8
dw:     .long   0, 0
ffs:    .long   0xFFFFFFFF, 0xFFFFFFFF
viacc1: .byte   0                       /* 1: the last SIO gave cc 1 */
four:   .long   4
eight:  .short  8
disk:   .short  DISK
dlen:   .short  DLEN
zero:   .fill   8, 1, 0
sk0:    .fill   6, 1, 0                 /* BBCCHH 0 0 */
skn:    .short  0, 0, 0                 /* cylinder N */
skh:    .short  0, 0, HEADS             /* head 30 */
skbb:   .short  1, 0, 0                 /* BB 0001 */
skff:   .short  0, 0xFFFF, 0            /* cylinder 65535 */
idnone: .short  0, HEADS-1              /* N-1, 29, R 200 */
        .byte   200
fm18:   .byte   0x18
fm40:   .byte   0x40
fmc0:   .byte   0xC0
sk:     .fill   6, 1, 0                 /* BBCCHH */
skp:    .fill   6, 1, 0                 /* BBCCHH of head-1 */
ha:     .fill   4, 1, 0                 /* CCHH */
ha0:    .fill   5, 1, 0                 /* 00 CCHH: a home address */
ida:    .fill   5, 1, 0                 /* CCHH 0 */
id1:    .fill   4, 1, 0
        .byte   1
id2:    .fill   4, 1, 0
        .byte   2
id3:    .fill   4, 1, 0
        .byte   3
r0new:  .long   0, 0x00000008           /* CCHH 0, KL 0, DL 8 */
        .byte   0xD9, 0xF0, 0xD5, 0xC5, 0xE6, 0x40, 0x40, 0x40 /* R0NEW */
hab:    .fill   5, 1, 0
ipl:    .fill   24, 1, 0
        .balign 4
rec1:   .fill   RLEN, 1, 0              /* count + data of R1 */
rec2:   .fill   RLEN, 1, 0
rec3:   .fill   RLEN, 1, 0
recdata: .fill  3*DLEN, 1, 0            /* the data of R1-R3 */
dat1:   .fill   DLEN, 1, 0              /* read back */
dat2:   .fill   DLEN, 1, 0
dat3:   .fill   DLEN, 1, 0
cnt:    .fill   24, 1, 0
r0b:    .fill   16, 1, 0
ckdb:   .fill   2*RLEN, 1, 0

        GUEST_END
