/*
 * fuzz.S - random privileged instructions and random channel programs,
 * for ever (tests/system/test_isolation.py): whatever a virtual machine
 * does, CP must not fail and must not change another machine's storage
 * (a canary machine, canary.S, checks its own). It writes nothing on the
 * console and never stops by itself; its pass code X'0C0D1E' is only
 * reserved.
 *
 * Each iteration:
 *  - a xorshift32 generator (the word `seed`, seeded from the TOD clock;
 *    the first value is kept at X'1208') chooses an entry of `optab`:
 *    every S/370 privileged or S/370-only instruction (SSM, LPSW, DIAG,
 *    STNSM, STOSM, SIGP, LRA, STCTL, LCTL, SSK, ISK, the B2xx ones, SIO,
 *    SIOF, TIO, CLRIO, HIO, HDV, TCH), SVC, and opcodes S/370 does not
 *    have (operation exceptions), among them the z/Architecture ones a
 *    CP on a z/Architecture host may let reach its CPU in the problem
 *    state: 00xx, 71, B2xx with any second byte (PC, SAC, BAKR, MVPG,
 *    ...; not SPX, STPX, SIE), 01xx (PR, SAM31, SAM64, TRAP2, ...), BSM
 *    and BASSM (R2 = TRAMP with random addressing-mode bits), E3xx, EBxx,
 *    B9xx, MVCLE, E6xx, FFxx;
 *  - the register fields and displacement are random, and all 16 GPRs get
 *    random contents, except those the instruction uses for an address:
 *    its base (and index) register is set so that base + index +
 *    displacement is an address inside the scratch area (bits 0-7
 *    random: 24-bit addressing ignores them), or 1 time in 16 anywhere in
 *    16M (mostly beyond the 1M of storage: addressing exceptions); SSK/ISK
 *    get such an address in R2. An I/O instruction's address is the reader
 *    00C (3 times in 4), or a random device on channel 0, never the
 *    console 009 nor 00D/00E (spooled output devices), or a random address
 *    from X'1000' up (no such devices; never X'100'-X'FFF', where the
 *    machine's minidisks may be); 3 times in 4 it first gets a new
 *    channel program of 1-4 random CCWs (random command, flags, count,
 *    data address in the scratch area or 1 time in 8 anywhere) with the
 *    CAW key 8 (1 time in 16 a random CAW); its deck has 2000 data cards
 *    for the random reads to read. SIGP's order (the address's last
 *    byte) is never one that stops or resets the CPU; its CPU address
 *    register is 0 half the time. DIAG's code is below X'200', never
 *    X'08' (CP commands), X'10' (release pages), X'3C'/X'84' (directory),
 *    X'58' (display output), X'64', X'80' or X'94'. LPSW's operand is in
 *    the scratch area (1 time in 16 above 2M: an addressing exception
 *    natively too), first filled with a random PSW whose wait bit is off
 *    and whose instruction address is TRAMP (an LPSW of BACKPSW); its
 *    system mask, key, EC, M and P bits, DAT and invalid bits stay random
 *    (1 time in 4 it is made a valid EC-mode PSW). LCTL, SCK, SCKC and
 *    SPT operands are filled with random bytes;
 *  - the instruction is stored in `slot` (self-modifying code), followed
 *    by LPSW BACKPSW, and run with all 16 GPRs loaded from X'800', in the
 *    supervisor state, disabled, PSW key 8: half the time in BC mode, a
 *    quarter in EC mode, a quarter in EC mode with DAT on (the tables
 *    map the 1M one to one; never for LCTL), 1 time in 16 in the problem
 *    state.
 *
 * Storage: X'0'-X'7FFF' (low storage, this program, its tables) has key
 * 0 and the scratch area X'8000'-X'9FFF' key 8 (whole 4K frames: CP on a
 * z/Architecture host protects per 4K), so no store of the fuzzed
 * instruction or channel program can reach the code. Every way back -
 * the trailer's LPSW, a random PSW, the external, SVC, program, machine-
 * check, I/O and restart (X'0') new PSWs - ends at `resume` in BC mode,
 * key 0, DAT off, disabled. resume loads R12 from X'858', counts the
 * interruption, reloads CR0-CR15 from the copy made at the start, puts
 * back the new PSWs, the trampolines and the CAW, and after an SSK (and
 * every 256 iterations) the storage keys, then builds the next one.
 *
 *   X'1200'  progress: + 1 every 1000 iterations
 *   X'1204'  iterations
 *   X'1208'  the seed
 *   X'1210'  the last instruction (8 bytes; the GPRs are at X'800')
 *   X'1218'  the last random PSW written for LPSW
 *   X'1220'  ways back to resume: trailer, restart, external, SVC,
 *            program, machine check, I/O (7 words)
 *   X'1240'  program interruptions by code X'00'-X'1F' (32 words; codes
 *            above X'1E' count as X'1F')
 */
#include "s370.inc"

        GUEST_START 0x1E

        .equ    SCR, 0x8000             /* the scratch area, key 8 */
        .equ    SCRLEN, 0x2000
        .equ    CODEEND, 0x8000         /* X'0'-X'7FFF' key 0 */
        .equ    RESTNEW, 0x000          /* restart new PSW */
        .equ    REGS, 0x800             /* the 16 GPRs of the fuzzed instruction */
        .equ    FUZZPSW, 0x840          /* the PSW it runs with */
        .equ    BACKPSW, 0x848          /* BC, key 0, disabled -> rs_back */
        .equ    TRAMP, 0x850            /* LPSW BACKPSW: where random PSWs lead */
        .equ    BASEW, 0x858            /* R12's value for resume */

        /* optab entries: opcode byte(s), flags, kind, length */
        .equ    F_OP2, 0x80             /* a 2-byte opcode */
        .equ    F_RX, 0x40              /* RX: an index register */
        .equ    F_VAL, 0x20             /* 64 random bytes at the operand */
        .equ    F_NODAT, 0x10           /* never with DAT on */
        .equ    F_DIRTY, 0x08           /* storage keys to restore after */
        .equ    F_RANDB2, 0x04          /* B2xx, xx random */
        .equ    K_NONE, 0               /* (branch-table offsets) */
        .equ    K_MEM, 4                /* a storage operand at B2+D2 */
        .equ    K_PSW, 8                /* LPSW */
        .equ    K_SIGP, 12
        .equ    K_DIAG, 16
        .equ    K_IO, 20                /* a device address at B2+D2 */
        .equ    K_RR2, 24               /* SSK, ISK: an address in R2 */
        .equ    K_BR, 28                /* BSM, BASSM: R2 -> TRAMP */

        .macro  OP op1, op2, flags, kind, len
        .byte   \op1, \op2, \flags, \kind, \len, 0, 0, 0
        .endm

        b       init-base(%r12)

        .org    _start+0x200
progress: .long 0                       /* X'1200' */
iter:   .long   0                       /* X'1204' */
seed0:  .long   0                       /* X'1208' */
        .long   0
lastins: .long  0, 0                    /* X'1210' */
lastpsw: .long  0, 0                    /* X'1218' */
cnts:   .long   0, 0, 0, 0, 0, 0, 0     /* X'1220' */
        .long   0
pgmcnt: .fill   32, 4, 0                /* X'1240' */

/* ---- the start ------------------------------------------------------------- */
init:   stck    tod-base(%r12)
        l       %r1,tod+4-base(%r12)
        x       %r1,tod-base(%r12)
        ltr     %r1,%r1
        bnz     1f-base(%r12)
        l       %r1,pattern-base(%r12)  /* xorshift needs a nonzero state */
1:      st      %r1,seed-base(%r12)
        st      %r1,seed0-base(%r12)
        /* CR0-CR15 as CP (or the machine) made them, with CR0's
           translation format 4K pages / 64K segments and CR1 -> segtab */
        stctl   %c0,%c15,crsave-base(%r12)
        l       %r1,crsave-base(%r12)
        n       %r1,mcr0-base(%r12)
        o       %r1,cr0dat-base(%r12)
        st      %r1,crsave-base(%r12)
        mvc     crsave+4-base(4,%r12),cr1dat-base(%r12)
        /* random contents in the scratch area */
        l       %r2,mscr-base(%r12)
        l       %r3,mscrend-base(%r12)
2:      bal     %r14,rand-base(%r12)
        st      %r1,0(%r2)
        la      %r2,4(%r2)
        clr     %r2,%r3
        bl      2b-base(%r12)
        l       %r1,mscr-base(%r12)
        o       %r1,mkey8-base(%r12)
        st      %r1,lastcaw-base(%r12)
        mvi     dirty-base(%r12),1
        b       rcommon-base(%r12)

/* ---- xorshift32: R1 = the next random word (uses R0; BAL R14) -------------- */
rand:   XORSHIFT32 seed-base(%r12)
        br      %r14

/* ---- the ways back (BC, key 0, DAT off, disabled; registers unknown) ------ */
rs_back: l      %r12,BASEW
        la      %r1,0
        b       rcount-base(%r12)
rs_rst: l       %r12,BASEW
        la      %r1,4
        b       rcount-base(%r12)
rs_ext: l       %r12,BASEW
        la      %r1,8
        b       rcount-base(%r12)
rs_svc: l       %r12,BASEW
        la      %r1,12
        b       rcount-base(%r12)
rs_mck: l       %r12,BASEW
        la      %r1,20
        b       rcount-base(%r12)
rs_io:  l       %r12,BASEW
        la      %r1,24
        b       rcount-base(%r12)
rs_pgm: l       %r12,BASEW
        lh      %r3,PGMOLD+2            /* BC: the code in bits 16-31 */
        tm      PGMOLD+1,0x08
        bz      1f-base(%r12)
        lh      %r3,PGMCODE             /* EC */
1:      n       %r3,m255-base(%r12)
        la      %r4,31
        clr     %r3,%r4
        bnh     2f-base(%r12)
        lr      %r3,%r4
2:      sll     %r3,2
        l       %r0,pgmcnt-base(%r3,%r12)
        al      %r0,one-base(%r12)
        st      %r0,pgmcnt-base(%r3,%r12)
        la      %r1,16
rcount: l       %r0,cnts-base(%r1,%r12)
        al      %r0,one-base(%r12)
        st      %r0,cnts-base(%r1,%r12)

/* ---- resume: everything back as it was ---------------------------------------- */
resume:
rcommon: lctl   %c0,%c15,crsave-base(%r12)
        mvc     RESTNEW(8,%r0),pswrst-base(%r12)
        mvc     EXTNEW(40,%r0),newpsws-base(%r12)
        mvc     BACKPSW(12,%r0),pswback-base(%r12) /* and TRAMP */
        st      %r12,BASEW
        mvc     CAW(4,%r0),lastcaw-base(%r12)
        cli     dirty-base(%r12),0
        bne     1f-base(%r12)
        tm      iter+3-base(%r12),0xFF  /* every 256 iterations anyway */
        bnz     3f-base(%r12)
1:      mvi     dirty-base(%r12),0
        sr      %r2,%r2
        sr      %r3,%r3                 /* key 0: low storage and the program */
        l       %r4,blk-base(%r12)
        l       %r5,mcodeend-base(%r12)
2:      .insn   rr,0x0800,%r3,%r2       /* SSK 3,2 */
        ar      %r2,%r4
        clr     %r2,%r5
        bl      2b-base(%r12)
        la      %r3,0x80                /* key 8: the scratch area */
        l       %r5,mscrend-base(%r12)
4:      .insn   rr,0x0800,%r3,%r2
        ar      %r2,%r4
        clr     %r2,%r5
        bl      4b-base(%r12)
        ptlb
3:      l       %r1,iter-base(%r12)
        al      %r1,one-base(%r12)
        st      %r1,iter-base(%r12)
        l       %r1,kdown-base(%r12)
        bct     %r1,5f-base(%r12)
        l       %r0,progress-base(%r12)
        al      %r0,one-base(%r12)
        st      %r0,progress-base(%r12)
        la      %r1,1000
5:      st      %r1,kdown-base(%r12)

/* ---- the next instruction -------------------------------------------------- */
        la      %r2,REGS                /* random GPRs */
        la      %r3,16
6:      bal     %r14,rand-base(%r12)
        st      %r1,0(%r2)
        la      %r2,4(%r2)
        bct     %r3,6b-base(%r12)
        bal     %r14,rand-base(%r12)    /* random instruction bytes */
        st      %r1,insn-base(%r12)
        bal     %r14,rand-base(%r12)
        st      %r1,insn+4-base(%r12)
        bal     %r14,rand-base(%r12)    /* the table entry */
        n       %r1,m127-base(%r12)
        sll     %r1,3
        la      %r11,optab-base(%r1,%r12)
        mvc     insn-base(1,%r12),0(%r11)
        tm      2(%r11),F_OP2
        bz      7f-base(%r12)
        mvc     insn+1-base(1,%r12),1(%r11)
7:      tm      2(%r11),F_RANDB2
        bz      8f-base(%r12)
        cli     insn+1-base(%r12),0x10  /* not SPX, STPX, SIE */
        be      9f-base(%r12)
        cli     insn+1-base(%r12),0x11
        be      9f-base(%r12)
        cli     insn+1-base(%r12),0x14
        bne     8f-base(%r12)
9:      mvi     insn+1-base(%r12),0x1F
8:      tm      2(%r11),F_DIRTY
        bz      10f-base(%r12)
        mvi     dirty-base(%r12),1
10:     sr      %r9,%r9
        ic      %r9,3(%r11)
        b       kinds-base(%r9,%r12)
kinds:  b       emit-base(%r12)         /* K_NONE */
        b       kmem-base(%r12)
        b       kpsw-base(%r12)
        b       ksigp-base(%r12)
        b       kdiag-base(%r12)
        b       kio-base(%r12)
        b       krr2-base(%r12)
        b       kbr-base(%r12)

/* K_MEM: a storage operand in the scratch area (or anywhere) */
kmem:   bal     %r13,memtarget-base(%r12)
        tm      2(%r11),F_VAL
        bz      1f-base(%r12)
        bal     %r13,fillval-base(%r12)
1:      bal     %r13,mkaddr-base(%r12)
        b       emit-base(%r12)

/* K_PSW: LPSW of a random PSW leading back to TRAMP */
kpsw:   bal     %r13,forceb-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        bnz     1f-base(%r12)
        bal     %r14,rand-base(%r12)    /* 1 in 16: beyond storage */
        n       %r1,mbeyond-base(%r12)
        a       %r1,m2m-base(%r12)
        lr      %r2,%r1
        b       3f-base(%r12)
1:      bal     %r13,scrtarget-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,mnowait-base(%r12)
        lr      %r3,%r1                 /* first word: random, no wait */
        bal     %r14,rand-base(%r12)
        lr      %r4,%r1
        n       %r4,mhi-base(%r12)      /* BC: random ILC, CC, program mask */
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bnz     2f-base(%r12)
        n       %r3,mecok-base(%r12)    /* 1 in 4: a valid EC-mode PSW */
        o       %r3,mec-base(%r12)
        sr      %r4,%r4
2:      la      %r1,TRAMP
        or      %r4,%r1
        stm     %r3,%r4,lastpsw-base(%r12)
        mvc     0(8,%r2),lastpsw-base(%r12)
3:      bal     %r13,mkaddr-base(%r12)
        b       emit-base(%r12)

/* K_SIGP: an order that leaves the CPU running */
ksigp:  bal     %r13,forceb-base(%r12)
        bal     %r14,rand-base(%r12)
        lr      %r2,%r1
        n       %r2,mnolow-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        sr      %r3,%r3
        ic      %r3,sigpord-base(%r1,%r12)
        or      %r2,%r3
        bal     %r14,rand-base(%r12)
        n       %r1,m1-base(%r12)
        bz      1f-base(%r12)
        ic      %r3,insn+1-base(%r12)   /* half the time CPU address 0 in R3 */
        n       %r3,m15-base(%r12)
        sll     %r3,2
        sr      %r1,%r1
        st      %r1,REGS(%r3)
1:      bal     %r13,mkaddr-base(%r12)
        b       emit-base(%r12)

/* K_DIAG: a code below X'200', none of the blacklist */
kdiag:  bal     %r13,forceb-base(%r12)
        bal     %r14,rand-base(%r12)
        lr      %r2,%r1
        n       %r2,m1fc-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bnz     1f-base(%r12)
        bal     %r14,rand-base(%r12)    /* 1 in 4 any code below X'200' */
        lr      %r2,%r1
        n       %r2,m1ff-base(%r12)
1:      la      %r3,dblack-base(%r12)
        la      %r4,NBLACK
2:      ch      %r2,0(%r3)
        bne     3f-base(%r12)
        sr      %r2,%r2
3:      la      %r3,2(%r3)
        bct     %r4,2b-base(%r12)
        bal     %r13,mkaddr-base(%r12)
        b       emit-base(%r12)

/* K_IO: the reader 00C, or a random device on channel 0 (never 009, 00D,
   00E), or a random address from X'1000' up, where no device can be (not
   X'100'-X'FFF': MAINT's minidisks may be there); mostly a new channel
   program first */
kio:    bal     %r13,forceb-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bz      1f-base(%r12)
        bal     %r13,mkccws-base(%r12)
1:      bal     %r14,rand-base(%r12)
        lr      %r2,%r1
        n       %r1,m3-base(%r12)
        bz      2f-base(%r12)
        la      %r2,0x00C               /* 3 in 4: the reader */
        b       3f-base(%r12)
2:      bal     %r14,rand-base(%r12)
        n       %r1,m1-base(%r12)
        bz      5f-base(%r12)
        n       %r2,m24-base(%r12)
        o       %r2,m1000-base(%r12)    /* X'1000'-X'FFFF': no device there */
        b       3f-base(%r12)
5:      n       %r2,mch0-base(%r12)     /* a device on channel 0 */
        lr      %r1,%r2
        n       %r1,mffff-base(%r12)
        la      %r3,0x009
        cr      %r1,%r3
        be      4f-base(%r12)
        la      %r3,0x00D
        cr      %r1,%r3
        be      4f-base(%r12)
        la      %r3,0x00E
        cr      %r1,%r3
        bne     3f-base(%r12)
4:      la      %r2,0x00C
3:      bal     %r13,mkaddr-base(%r12)
        b       emit-base(%r12)

/* K_RR2: SSK, ISK - R2 holds the address */
krr2:   bal     %r13,memtarget-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bz      1f-base(%r12)
        n       %r2,mlow0-base(%r12)    /* 3 in 4: bits 28-31 zero */
1:      bal     %r14,rand-base(%r12)
        n       %r1,mhi-base(%r12)
        n       %r2,m24-base(%r12)
        or      %r2,%r1
        sr      %r3,%r3
        ic      %r3,insn+1-base(%r12)
        n       %r3,m15-base(%r12)
        sll     %r3,2
        st      %r2,REGS(%r3)
        b       emit-base(%r12)

/* K_BR: BSM, BASSM - the branch address in R2 is TRAMP with a random
   addressing-mode bit (0 and 63), 1 in 4 with a random high byte */
kbr:    bal     %r14,rand-base(%r12)
        lr      %r2,%r1
        n       %r2,mbsm-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bnz     1f-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,mhi-base(%r12)
        or      %r2,%r1
1:      la      %r1,TRAMP
        or      %r2,%r1
        sr      %r3,%r3
        ic      %r3,insn+1-base(%r12)
        n       %r3,m15-base(%r12)
        sll     %r3,2
        st      %r2,REGS(%r3)
        b       emit-base(%r12)

/* ---- run it ------------------------------------------------------------------ */
emit:   l       %r4,pswbc-base(%r12)    /* BC, key 8 */
        bal     %r14,rand-base(%r12)
        lr      %r3,%r1
        n       %r1,m2-base(%r12)
        bz      1f-base(%r12)           /* half the time BC */
        o       %r4,mec-base(%r12)      /* EC mode */
        tm      2(%r11),F_NODAT
        bnz     1f-base(%r12)
        n       %r3,m1-base(%r12)
        bz      1f-base(%r12)
        o       %r4,mdat-base(%r12)     /* with DAT on */
1:      bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        bnz     2f-base(%r12)
        o       %r4,mprob-base(%r12)    /* 1 in 16: the problem state */
2:      st      %r4,FUZZPSW
        la      %r1,slot-base(%r12)
        st      %r1,FUZZPSW+4
        mvc     slot-base(8,%r12),insn-base(%r12)
        mvc     lastins-base(8,%r12),insn-base(%r12)
        sr      %r1,%r1
        ic      %r1,4(%r11)             /* its length */
        la      %r1,slot-base(%r1,%r12)
        mvc     0(4,%r1),trailer-base(%r12)
        lm      %r0,%r15,REGS
        lpsw    FUZZPSW

/* ---- subroutines (BAL R13; they use R0, R1, R14 and the registers named) -- */

/* memtarget: R2 = an address in the scratch area, 1 in 16 anywhere in 16M */
memtarget: bal  %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        bnz     scrtarget-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m24-base(%r12)
        lr      %r2,%r1
        br      %r13
/* scrtarget: R2 = an address in the scratch area with 64 bytes after it,
   7 in 8 doubleword-aligned */
scrtarget: bal  %r14,rand-base(%r12)
        lr      %r2,%r1
        n       %r2,m1fff-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        bz      1f-base(%r12)
        n       %r2,mdw-base(%r12)
1:      c       %r2,mroom-base(%r12)
        bl      2f-base(%r12)
        la      %r1,64
        sr      %r2,%r1
2:      a       %r2,mscr-base(%r12)
        br      %r13

/* fillval: 64 random bytes at R2 if it is in the scratch area (R3, R4) */
fillval: c      %r2,mscr-base(%r12)
        bl      2f-base(%r12)
        c       %r2,mscrlim-base(%r12)
        bh      2f-base(%r12)
        lr      %r3,%r2
        la      %r4,16
1:      bal     %r14,rand-base(%r12)
        st      %r1,0(%r3)
        la      %r3,4(%r3)
        bct     %r4,1b-base(%r12)
2:      br      %r13

/* forceb: a nonzero base register field (R3) */
forceb: tm      insn+2-base(%r12),0xF0
        bnzr    %r13
        bal     %r14,rand-base(%r12)
        n       %r1,m255-base(%r12)
        o       %r1,m16-base(%r12)      /* B2 = 1, 3, 5 ... 15 */
        ic      %r3,insn+2-base(%r12)
        n       %r3,m15-base(%r12)
        n       %r1,mf0-base(%r12)
        or      %r3,%r1
        stc     %r3,insn+2-base(%r12)
        br      %r13

/* mkaddr: make B2 + X2 + D2 of the instruction in `insn` equal R2 (24
   bits) by setting the base (and index) registers at REGS; X2 = B2 is
   changed to X2 = 0, B2 = 0 with X2 to B2 = X2, X2 = 0. With neither the
   address is D2. (R3, R4, R5) */
mkaddr: sr      %r3,%r3
        ic      %r3,insn+2-base(%r12)
        srl     %r3,4                   /* B2 */
        lh      %r4,insn+2-base(%r12)
        n       %r4,mfff-base(%r12)     /* D2 */
        sr      %r5,%r5
        tm      2(%r11),F_RX
        bz      1f-base(%r12)
        ic      %r5,insn+1-base(%r12)
        n       %r5,m15-base(%r12)      /* X2 */
        cr      %r5,%r3
        bne     1f-base(%r12)
        ni      insn+1-base(%r12),0xF0
        sr      %r5,%r5
1:      ltr     %r3,%r3
        bnz     2f-base(%r12)
        ltr     %r5,%r5
        bzr     %r13                    /* no registers: D2 alone */
        lr      %r3,%r5                 /* the index becomes the base */
        sr      %r5,%r5
        ni      insn+1-base(%r12),0xF0
        lr      %r1,%r3
        sll     %r1,4
        ic      %r0,insn+2-base(%r12)
        n       %r0,m15-base(%r12)
        or      %r0,%r1
        stc     %r0,insn+2-base(%r12)
2:      sr      %r2,%r4                 /* address - D2 */
        ltr     %r5,%r5
        bz      3f-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,mxval-base(%r12)    /* index: random high byte, 0-X'FFF' */
        sll     %r5,2
        st      %r1,REGS(%r5)
        n       %r1,mfff-base(%r12)
        sr      %r2,%r1
3:      bal     %r14,rand-base(%r12)
        n       %r1,mhi-base(%r12)
        n       %r2,m24-base(%r12)
        or      %r2,%r1
        sll     %r3,2
        st      %r2,REGS(%r3)
        br      %r13

/* mkccws: 1-4 random CCWs at a random place of the scratch area and the
   CAW (key 8) for them, 1 in 16 a random CAW (R3, R4, R6, R7, R8) */
mkccws: bal     %r14,rand-base(%r12)
        lr      %r6,%r1
        n       %r6,m1ff8-base(%r12)
        c       %r6,mroom-base(%r12)
        bl      1f-base(%r12)
        la      %r1,64
        sr      %r6,%r1
1:      a       %r6,mscr-base(%r12)     /* R6: the first CCW */
        lr      %r7,%r6
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        la      %r8,1(%r1)              /* R8: how many */
2:      bal     %r14,rand-base(%r12)    /* data address */
        lr      %r3,%r1
        n       %r3,m1fff-base(%r12)
        a       %r3,mscr-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m7-base(%r12)
        bnz     3f-base(%r12)
        bal     %r14,rand-base(%r12)    /* 1 in 8 anywhere */
        lr      %r3,%r1
3:      n       %r3,m24-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,mhi-base(%r12)      /* command */
        or      %r3,%r1
        st      %r3,0(%r7)
        bal     %r14,rand-base(%r12)
        lr      %r4,%r1                 /* flags, byte 5, count */
        bal     %r14,rand-base(%r12)
        n       %r1,m3-base(%r12)
        bz      4f-base(%r12)
        n       %r4,mccwok-base(%r12)   /* 3 in 4: defined flags, count < 256 */
4:      st      %r4,4(%r7)
        la      %r7,8(%r7)
        bct     %r8,2b-base(%r12)
        lr      %r1,%r6
        o       %r1,mkey8-base(%r12)
        st      %r1,lastcaw-base(%r12)
        bal     %r14,rand-base(%r12)
        n       %r1,m15-base(%r12)
        bnz     5f-base(%r12)
        bal     %r14,rand-base(%r12)
        st      %r1,lastcaw-base(%r12)
5:      mvc     CAW(4,%r0),lastcaw-base(%r12)
        br      %r13

/* ---- data ------------------------------------------------------------------- */
        .balign 8
tod:    .long   0, 0
insn:   .long   0, 0                    /* the instruction being built */
slot:   .long   0, 0, 0, 0              /* ... and where it runs */
pswrst: .long   0, rs_rst               /* restart new PSW (X'0') */
newpsws: .long  0, rs_ext, 0, rs_svc, 0, rs_pgm, 0, rs_mck, 0, rs_io
pswback: .long  0, rs_back              /* BACKPSW */
trailer: .long  0x82000000 + BACKPSW    /* TRAMP: LPSW BACKPSW */
seed:   .long   0
kdown:  .long   1000
lastcaw: .long  0
pattern: .long  0x5A5AA5A5
mcr0:   .long   0xFF07FFFF              /* CR0 without bits 8-12 */
cr0dat: .long   0x00800000              /* 4K pages, 64K segments */
cr1dat: .long   segtab                  /* STL 0 (16 entries), STO */
pswbc:  .long   0x00800000              /* BC, key 8, disabled */
mec:    .long   PSW_EC
mdat:   .long   PSW_DAT
mprob:  .long   PSW_PROB
mnowait: .long  ~PSW_WAIT
mecok:  .long   0x47F53F00              /* EC bits that may be 1 */
mscr:   .long   SCR
mscrend: .long  SCR+SCRLEN
mscrlim: .long  SCR+SCRLEN-64
mroom:  .long   SCRLEN-64
mcodeend: .long CODEEND
mkey8:  .long   0x80000000              /* CAW key 8 */
m2m:    .long   0x200000                /* above 1M (CP) and 2M (native) */
mbeyond: .long  0x00DFFFFF
mhi:    .long   0xFF000000
m24:    .long   0x00FFFFFF
mnolow: .long   0x00FFFF00
mffff:  .long   0x0000FFFF
mch0:   .long   0x00FF00FF
m1000:  .long   0x00001000
mfff:   .long   0x00000FFF
mxval:  .long   0xFF000FFF
m1fff:  .long   0x00001FFF
m1ff8:  .long   0x00001FF8
mdw:    .long   0xFFFFFFF8
mbsm:   .long   0x80000001
mlow0:  .long   0xFFFFFFF0
m1ff:   .long   0x000001FF
m1fc:   .long   0x000001FC
m255:   .long   255
mf0:    .long   0xF0
m127:   .long   127
m16:    .long   16
m15:    .long   15
m7:     .long   7
m3:     .long   3
m2:     .long   2
m1:     .long   1
one:    .long   1
blk:    .long   2048
mccwok: .long   0xF80000FF              /* CD CC SLI SKIP PCI, count < 256 */
crsave: .fill   16, 4, 0
dirty:  .byte   0
        /* SIGP orders: sense, external call, emergency signal, start,
           restart, set prefix and store status (refused: the CPU is
           running), and undefined ones; never stop, the resets or IMPL */
sigpord: .byte  0x00, 0x01, 0x02, 0x03, 0x04, 0x06, 0x06, 0x0D
        .byte   0x0E, 0x01, 0x02, 0x03, 0x80, 0xA5, 0xC3, 0xFF
        .balign 2
dblack: .short  0x008, 0x010, 0x03C, 0x058, 0x064, 0x080, 0x084, 0x094
        .equ    NBLACK, 8

        .balign 8
optab:  .rept   6
        OP      0x80, 0, 0, K_MEM, 4            /* SSM */
        .endr
        .rept   10
        OP      0x82, 0, 0, K_PSW, 4            /* LPSW */
        .endr
        .rept   6
        OP      0x83, 0, 0, K_DIAG, 4           /* DIAG */
        .endr
        .rept   3
        OP      0xAC, 0, 0, K_MEM, 4            /* STNSM */
        OP      0xAD, 0, 0, K_MEM, 4            /* STOSM */
        .endr
        .rept   5
        OP      0xAE, 0, 0, K_SIGP, 4           /* SIGP */
        .endr
        .rept   3
        OP      0xB1, 0, F_RX, K_MEM, 4         /* LRA */
        OP      0xB6, 0, 0, K_MEM, 4            /* STCTL */
        .endr
        .rept   5
        OP      0xB7, 0, F_VAL+F_NODAT, K_MEM, 4 /* LCTL */
        OP      0x08, 0, F_DIRTY, K_RR2, 2      /* SSK */
        .endr
        .rept   2
        OP      0x09, 0, 0, K_RR2, 2            /* ISK */
        OP      0xB2, 0x06, F_OP2+F_VAL, K_MEM, 4 /* SCKC */
        OP      0xB2, 0x08, F_OP2+F_VAL, K_MEM, 4 /* SPT */
        OP      0xB2, 0x0A, F_OP2, K_MEM, 4     /* SPKA */
        OP      0xB2, 0x0D, F_OP2, K_NONE, 4    /* PTLB */
        OP      0xB2, 0x13, F_OP2, K_MEM, 4     /* RRB */
        .endr
        OP      0xB2, 0x02, F_OP2, K_MEM, 4     /* STIDP */
        OP      0xB2, 0x03, F_OP2, K_IO, 4      /* STIDC */
        OP      0xB2, 0x04, F_OP2+F_VAL, K_MEM, 4 /* SCK */
        OP      0xB2, 0x07, F_OP2, K_MEM, 4     /* STCKC */
        OP      0xB2, 0x09, F_OP2, K_MEM, 4     /* STPT */
        OP      0xB2, 0x0B, F_OP2, K_NONE, 4    /* IPK */
        OP      0xB2, 0x12, F_OP2, K_MEM, 4     /* STAP */
        OP      0xB2, 0x05, F_OP2, K_MEM, 4     /* STCK */
        .rept   10
        OP      0x9C, 0x00, F_OP2, K_IO, 4      /* SIO */
        .endr
        .rept   4
        OP      0x9C, 0x01, F_OP2, K_IO, 4      /* SIOF */
        OP      0x9D, 0x00, F_OP2, K_IO, 4      /* TIO */
        .endr
        .rept   3
        OP      0x9D, 0x01, F_OP2, K_IO, 4      /* CLRIO */
        OP      0x9E, 0x00, F_OP2, K_IO, 4      /* HIO */
        .endr
        .rept   2
        OP      0x9E, 0x01, F_OP2, K_IO, 4      /* HDV */
        OP      0x9F, 0x00, F_OP2, K_IO, 4      /* TCH */
        OP      0x0A, 0, 0, K_NONE, 2           /* SVC */
        .endr
        OP      0xB2, 0x00, F_OP2, K_MEM, 4     /* CONCS */
        OP      0xB2, 0x01, F_OP2, K_MEM, 4     /* DISCS */
        /* not S/370: operation exceptions. Under CP many reach the host
           (z/Architecture) CPU in the problem state, which runs them or
           gives its own exception: they must not hurt CP either */
        OP      0x00, 0, 0, K_NONE, 2           /* 00xx */
        OP      0x71, 0, F_RX, K_MEM, 4         /* 71 (RX) */
        .rept   8
        OP      0xB2, 0, F_RANDB2, K_MEM, 4     /* B2xx: PC, SAC, BAKR, PR, MVPG ... */
        .endr
        .rept   4
        OP      0x01, 0, 0, K_NONE, 2           /* 01xx: PR, SAM24/31/64, TRAP2 ... */
        .endr
        .rept   2
        OP      0x0B, 0, 0, K_BR, 2             /* BSM */
        OP      0x0C, 0, 0, K_BR, 2             /* BASSM */
        OP      0xE3, 0, 0, K_NONE, 6           /* E3xx (RXY: LG, STG ...) */
        OP      0xEB, 0, 0, K_NONE, 6           /* EBxx (RSY: LMG, STMG ...) */
        OP      0xB9, 0, 0, K_NONE, 4           /* B9xx (RRE) */
        .endr
        OP      0xA8, 0, 0, K_NONE, 4           /* MVCLE */
        OP      0xE6, 0, 0, K_NONE, 6           /* E6xx */
        OP      0xFF, 0, 0, K_NONE, 6           /* FFxx */
optabend:
        .if     optabend - optab - 128*8
        .error  "optab must have 128 entries"
        .endif

/* The DAT tables (CR1): 16 segments of 64K, 16 pages of 4K each, virtual =
   real. Subsection 2 follows the macros' constants. */
        .pushsection .text,2
        .balign 64
segtab:
        .irp    s, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .long   0xF0000000 + pt\s       /* PTL 15: 16 pages */
        .endr
        .irp    s, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .balign 8
pt\s:
        .irp    p, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .short  ((\s * 16 + \p) << 4)   /* frame address bits 8-19 */
        .endr
        .endr
        .popsection

        GUEST_END
