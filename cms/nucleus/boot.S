/*
 * boot.S - the IPL records of the system disk (blocks 1 and 2 of the 190
 * minidisk; docs/cms.md, "IPL").
 *
 * Block 1: Read IPL brings its first 24 bytes to 0: a BC-mode PSW that
 * starts at X'800' and a CCW that reads the next record, block 2, there.
 * Block 2 is this program: it keeps the registers (IPL PARM text) at
 * X'300', binds the disk with DIAGNOSE X'250' for 800-byte blocks, reads
 * the nucleus image (NUCBLKS blocks from NUCFIRST, filled in by
 * mkboot.py) to X'2000', and enters it at X'10000' with R2 = the device.
 * A failure ends in a disabled wait, PSW address X'BB0002' (INIT failed)
 * or X'BB0004' (READ failed).
 *
 * The code uses only base-displacement addressing (it runs at X'800'
 * whatever address it was assembled for).
 */
        .equ    BIOPL, 0xB80
        .equ    LIST, 0xC00             /* 64 entries of 16 bytes, to X'1000' */
        .equ    PER, 64
        .equ    LOAD, 0x2000
        .equ    ENTRY, 0x10000

        .text
        .globl  _start
_start:
/* ---------------------------------------------------------------- block 1 */
        .long   0x00000000, 0x00000800  /* IPL PSW: BC, disabled, X'800' */
        .long   0x06000800, 0x20000320  /* read block 2 to X'800' (SLI) */
        .long   0, 0
        .fill   800-24, 1, 0

/* ---------------------------------------------------------------- block 2 */
b2:     b       go-b2+0x800
        .ascii  "CMSBOOT "              /* mkboot.py finds the fields by it */
nucfirst: .long 0
nucblks: .long  0
go:     stm     %r0,%r15,0x300          /* the PARM text */
        la      %r12,0x800              /* base: block 2 is at X'800' */
        xc      BIOPL(32),BIOPL
        mvc     BIOPL(2),2              /* the IPL device */
        mvc     BIOPL+4(4),c800-b2(%r12)
        la      %r4,BIOPL
        sr      %r5,%r5                 /* INIT */
        .insn   rs,0x83000000,%r4,%r5,0x250
        la      %r1,2
        bnz     fail-b2(%r12)
        l       %r6,nucfirst-b2(%r12)   /* next block */
        l       %r7,nucblks-b2(%r12)    /* blocks to go */
        l       %r8,cload-b2(%r12)      /* where it goes */
next:   lr      %r9,%r7                 /* this time: min(to go, PER) */
        c       %r9,cper-b2(%r12)
        bnh     1f-b2(%r12)
        l       %r9,cper-b2(%r12)
1:      la      %r10,LIST
        lr      %r11,%r9
2:      xc      0(16,%r10),0(%r10)
        mvi     0(%r10),0x02            /* read */
        st      %r6,4(%r10)
        st      %r8,12(%r10)
        la      %r6,1(%r6)
        a       %r8,c800-b2(%r12)
        la      %r10,16(%r10)
        bct     %r11,2b-b2(%r12)
        xc      BIOPL+4(28),BIOPL+4
        st      %r9,BIOPL+8
        la      %r1,LIST
        st      %r1,BIOPL+12
        la      %r4,BIOPL
        la      %r5,1                   /* READ */
        .insn   rs,0x83000000,%r4,%r5,0x250
        la      %r1,4
        bnz     fail-b2(%r12)
        sr      %r7,%r9
        bp      next-b2(%r12)
        la      %r5,2                   /* REMOVE */
        .insn   rs,0x83000000,%r4,%r5,0x250
        sr      %r2,%r2
        icm     %r2,3,2                 /* R2 = the IPL device */
        l       %r1,centry-b2(%r12)
        br      %r1
fail:   st      %r1,wait+4-b2(%r12)
        oi      wait+5-b2(%r12),0xBB
        lpsw    wait-b2(%r12)
        .align  8
wait:   .long   0x00020000, 0
c800:   .long   800
cper:   .long   PER
cload:  .long   LOAD
centry: .long   ENTRY
        .fill   800-(.-b2), 1, 0
