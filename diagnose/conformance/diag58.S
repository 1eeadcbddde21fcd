/*
 * diag58.S - DIAGNOSE X'58', the 3270 virtual console interface
 * (DIAGNOSE.md 3.13), in MAINT's machine on a 3270; driven by
 * test_diagnose.py, which looks at the screen and answers at the steps
 * below. PASS X'0C0D56'; FAIL X'BADnnn' with the check numbers below.
 *
 *  1. Every error: a specification or addressing exception, suppressed
 *     (a chain whose second CCW is bad shows nothing of its first:
 *     "BAD" never appears); the problem state. On a typewriter terminal
 *     (X'24' says so) every form then gives cc 3, and the program ends.
 *  2. Displays in CP's output area: "DIAG58 GONE" (line 10), erased by
 *     X'FF'; "DIAG58 ALSO GONE" (line 12), erased by the next one's X'80';
 *     "DIAG58 LINE 1" (line 0), "DIAG58 CHAINED" (line 3, two CCWs data
 *     chained), "DIAG58 FIRST" (line 5) and, command chained, "DIAG58
 *     BRIGHT" in a highlighted field (line 6) followed by "HIDDEN" in a
 *     non-display one. cc 0, registers unchanged. Then a console read:
 *     the test checks the screen and enters GO, whose echo CP puts below
 *     the program's last line.
 *  3. Full screen: an erase/write ("DIAG58 FULL SCREEN", an input field
 *     on row 11 with the cursor in it); X'2A' finds no input (cc 1,
 *     Ry+1 = 0); a write adds "DIAG58 WRITE" on row 13. The test types
 *     HELLO and ENTER: an attention; X'2A' gives AID ENTER, the field's
 *     address and HELLO (cc 0, Ry+1 = 11); then no input again.
 *     An erase/write ("DIAG58 STOP ME"): the test presses PA1, which
 *     stops the machine, and CP READ takes the screen back; the test
 *     checks, enters BEGIN, then Y: an attention from the console; X'2A'
 *     gives cc 2; the console read gets Y.
 *  4. An erase/write with X'90' ("DIAG58 PA1 PLEASE"): PA1 is the
 *     program's: the test presses it, X'2A' gives AID PA1.
 *  5. A line on the console ("DIAG58 LINE MODE"): CP takes the screen
 *     back; a full-screen write and read now give cc 2. A console read:
 *     the test checks CP's layout and enters OK.
 *  6. An erase/write ("DIAG58 WAITING"), then a wait: the test sends a
 *     message to MAINT, which takes the screen back, and enters X: an
 *     attention from the console; X'2A' gives cc 2; the console read gets
 *     X. X'FE' puts CP's screen back; PASS.
 */
#include "diag.inc"

        GUEST_START 0x56
        LV      %r11, data              /* R11: the base of the CCWs and texts */

        .equ    CONS, 0x009
        .equ    VDEVFLAG_ON3270, 0x10   /* X'24' Ry byte 3: a console on a 3270 */

/* DCCW cmd, addr, flags, ctl, count: a CCW with X'58''s control byte */
        .macro  DCCW cmd, addr, flags, ctl, count
        .long   ((\cmd) << 24) + \addr
        .long   ((\flags) << 24) + ((\ctl) << 16) + \count
        .endm

/* X58 ccws, cc, n: DIAGNOSE X'58' with the chain at ccws on the console;
 * the condition code must be cc and R2, R3 unchanged. Checks n .. n+2. */
        .macro  X58 ccws, cc, n
        la      %r2,\ccws-data(%r11)
        la      %r3,CONS
        SETCC   (\cc+1)&3
        DIAG    %r2, %r3, 0x058
        EXPECTCC \cc, \n
        la      %r1,\ccws-data(%r11)
        CHKRR   %r2, %r1, \n+1
        CHKR    %r3, CONS, \n+2
        .endm

/* READ cc, n: X'2A' into inbuf (Ry = R3, Ry+1 = R4): cc, and R4 = 0
 * unless cc 0. Checks n .. n+1. */
        .macro  READ cc, n
        LV      %r4, 0xEEEEEEEE
        X58     rd, \cc, \n
        .if     \cc
        CHKR    %r4, 0, \n+3
        .endif
        .endm

/* ---- 1. errors ------------------------------------------------------------- */
        la      %r2,d1+4-data(%r11)     /* not on a doubleword */
        la      %r3,CONS
        PGMCHK  PGM_SPEC, 0x010, %r2, %r3, 0x058
        la      %r2,d1-data(%r11)
        la      %r3,0x00C               /* not the console */
        PGMCHK  PGM_SPEC, 0x013, %r2, %r3, 0x058
        /* the chains of badtab: check 0x100 + 4 * i for entry i */
        la      %r5,badtab-data(%r11)
        la      %r6,0x100
bloop:  l       %r2,0(%r5)
        ltr     %r2,%r2
        bz      bdone-base(%r12)
        la      %r3,CONS
        SETNEW  PGMNEW, bpc
        SETCC   3
bpi:    DIAG    %r2, %r3, 0x058
        .short  0x0000                  /* executed: an operation exception */
bpc:    lh      %r1,PGMOLD+2
        ch      %r1,6(%r5)              /* the interruption code */
        be      1f-base(%r12)
        la      %r1,0(%r6)
        b       gfail-base(%r12)
1:      CHKIA   PGMOLD, bpi+4, 0x0FA    /* suppressed */
        tm      PGMOLD+4,0x30           /* cc 3 kept */
        bo      2f-base(%r12)
        la      %r1,2(%r6)
        b       gfail-base(%r12)
2:      la      %r5,8(%r5)
        la      %r6,4(%r6)
        b       bloop-base(%r12)
bdone:  DEFAULT_NEW
        LV      %r2, STORSIZE           /* the CCW beyond storage */
        la      %r3,CONS
        PGMCHK  PGM_ADDR, 0x043, %r2, %r3, 0x058
        LV      %r2, STORSIZE-8         /* ... its successor */
        mvc     0(8,%r2),bchain-data(%r11)
        PGMCHK  PGM_ADDR, 0x046, %r2, %r3, 0x058
        la      %r2,rd-data(%r11)
        la      %r15,CONS               /* X'2A' with Ry = 15 */
        PGMCHK  PGM_SPEC, 0x049, %r2, %r15, 0x058
        PROBCHK 0x0F0, %r2, %r3, 0x058

/* ---- a typewriter terminal: cc 3 for every form ------------------------------ */
        LV      %r2, 0xFFFFFFFF         /* X'24': is the console on a 3270? */
        DIAG    %r2, %r4, 0x024
        la      %r1,VDEVFLAG_ON3270
        nr      %r1,%r4
        bnz     on3270-base(%r12)
        X58     d1, 3, 0x060
        X58     fs1, 3, 0x063
        X58     rd, 3, 0x066
        PASS
on3270:

/* ---- 2. displays ----------------------------------------------------------- */
        X58     d1, 0, 0x050
        X58     dff, 0, 0x053
        X58     d2, 0, 0x056
        X58     d3, 0, 0x059
        X58     d4, 0, 0x05C
        X58     d5, 0, 0x05F
        la      %r2,ccwread-data(%r11)  /* the test looks, then enters GO */
        bal     %r14,doio-base(%r12)

/* ---- 3. full screen -------------------------------------------------------- */
        X58     fs1, 0, 0x070
        READ    1, 0x073
        X58     fs2, 0, 0x077
        bal     %r14,waitattn-base(%r12)
        READ    0, 0x07A
        CHKR    %r4, 11, 0x07E
        clc     inbuf-data(1,%r11),aidenter-data(%r11)
        FAILNE  0x07F
        clc     inbuf+3-data(8,%r11),hellofld-data(%r11)
        FAILNE  0x080
        READ    1, 0x081
        /* PA1 stops the machine: CP READ takes the screen back */
        X58     fs5, 0, 0x085
        bal     %r14,waitattn-base(%r12) /* the line the test enters after BEGIN */
        READ    2, 0x088
        la      %r2,ccwread-data(%r11)
        bal     %r14,doio-base(%r12)
        CHKB    inbuf-data(%r11), 0xE8, 0x08C /* Y */

/* ---- 4. PA1 for the program ------------------------------------------------ */
        X58     fs3, 0, 0x090
        bal     %r14,waitattn-base(%r12)
        READ    0, 0x093
        CHKB    inbuf-data(%r11), 0x6C, 0x097 /* AID PA1 */

/* ---- 5. CP takes the screen back --------------------------------------------- */
        la      %r2,ccwline-data(%r11)
        bal     %r14,doio-base(%r12)
        X58     fs2, 2, 0x0A0
        READ    2, 0x0A3
        la      %r2,ccwread-data(%r11)  /* the test looks, then enters OK */
        bal     %r14,doio-base(%r12)

/* ---- 6. a message takes the screen ------------------------------------------- */
        X58     fs4, 0, 0x0B0
        bal     %r14,waitattn-base(%r12) /* the line the test enters */
        READ    2, 0x0B3
        la      %r2,ccwread-data(%r11)
        bal     %r14,doio-base(%r12)
        CHKB    inbuf-data(%r11), 0xE7, 0x0B7 /* X */
        X58     dfe, 0, 0x0B8
        PASS

/*
 * doio: run the console channel program at R2 and return (BR R14) when
 * it has ended (channel end, device end, nothing else). Uses R0, R1.
 */
doio:   st      %r2,CAW
        SETNEW  IONEW, 2f
        .insn   s,0x9c000000,CONS       /* SIO */
        EXPECTCC 0, 0x0E0
        GOPSW   PSW_CH0+PSW_WAIT, 2f
2:      CHKW    IOOLD, 0x80020009, 0x0E1
        tm      CSW+4,0xF3              /* nothing but channel end, device end */
        FAILNE  0x0E2
        tm      CSW+4,0x0C
        FAILIF  CC0+CC1, 0x0E3
        DEFAULT_NEW
        br      %r14

/* waitattn: wait for an attention from the console. Uses R0, R1. */
waitattn:
        SETNEW  IONEW, 3f
        GOPSW   PSW_CH0+PSW_WAIT, 3f
3:      CHKW    IOOLD, 0x80020009, 0x0E8
        CHKB    CSW+4, 0x80, 0x0E9      /* attention alone */
        DEFAULT_NEW
        br      %r14

/* The CCWs and texts, after the macros' constants (R11 is their base) */
        .pushsection .text,2
        .balign 8
data:
/* errors */
bcmd:   DCCW    0x01, tgone, 0x20, 0, 11         /* not a display command */
bsli:   DCCW    0x19, tgone, 0x00, 0, 11         /* no SLI */
bcnt0:  DCCW    0x19, tgone, 0x20, 0, 0          /* count 0 */
bcnt:   DCCW    0x19, tgone, 0x20, 0, 1761       /* count above 1760 */
bline:  DCCW    0x19, tgone, 0x20, 22, 11        /* line 22 */
bpast:  DCCW    0x19, tgone, 0x20, 21, 81        /* past the output area */
bskip:  DCCW    0x19, tgone, 0x30, 0, 11         /* skip */
bpci:   DCCW    0x19, tgone, 0x28, 0, 11         /* PCI */
bida:   DCCW    0x19, tgone, 0x24, 0, 11         /* IDA */
bfe:    DCCW    0x19, tgone, 0xA0, 0xFE, 11      /* X'FE' data chained */
        DCCW    0x19, tgone, 0x20, 0, 11
bfsctl: DCCW    0x29, fs1data, 0x00, 0x40, 10    /* an unknown control */
bfsrb:  DCCW    0x2A, inbuf, 0x00, 0x00, 10      /* read buffer */
bfsmix: DCCW    0x29, fs1data, 0x40, 0x80, 10    /* full screen, then a display */
        DCCW    0x19, tgone, 0x20, 0, 11
bsecond: DCCW   0x19, tbad, 0x60, 20, 3          /* "BAD", then a bad CCW */
        DCCW    0x19, tgone, 0x20, 23, 11
bdata:  DCCW    0x19, STORSIZE-4, 0x20, 0, 5     /* data beyond storage */
bchain: DCCW    0x19, tgone, 0x60, 0, 11         /* command chains off the end */
/* the bad chains and their interruption codes (checks 0x100 + 4 * i) */
badtab: .long   bcmd, PGM_SPEC                   /* 0x100 */
        .long   bsli, PGM_SPEC                   /* 0x104 */
        .long   bcnt0, PGM_SPEC                  /* 0x108 */
        .long   bcnt, PGM_SPEC                   /* 0x10C */
        .long   bline, PGM_SPEC                  /* 0x110 */
        .long   bpast, PGM_SPEC                  /* 0x114 */
        .long   bskip, PGM_SPEC                  /* 0x118 */
        .long   bpci, PGM_SPEC                   /* 0x11C */
        .long   bida, PGM_SPEC                   /* 0x120 */
        .long   bfe, PGM_SPEC                    /* 0x124 */
        .long   bfsctl, PGM_SPEC                 /* 0x128 */
        .long   bfsrb, PGM_SPEC                  /* 0x12C */
        .long   bfsmix, PGM_SPEC                 /* 0x130 */
        .long   bsecond, PGM_SPEC                /* 0x134 */
        .long   bdata, PGM_ADDR                  /* 0x138 */
        .long   0, 0
/* displays */
d1:     DCCW    0x19, tgone, 0x20, 10, 11
dff:    DCCW    0x19, 0, 0x20, 0xFF, 0
d2:     DCCW    0x19, tagone, 0x20, 12, 16
d3:     DCCW    0x19, tline1, 0x20, 0x80, 13
d4:     DCCW    0x19, tch1, 0xA0, 3, 7
        DCCW    0x19, tch2, 0x20, 0, 7
d5:     DCCW    0x19, tfirst, 0x60, 5, 12
        DCCW    0x19, tbright, 0x20, 6, tbright_len
dfe:    DCCW    0x19, 0, 0x20, 0xFE, 0
/* full screen */
fs1:    DCCW    0x29, fs1data, 0x00, 0x80, fs1_len
fs2:    DCCW    0x29, fs2data, 0x00, 0x00, fs2_len
fs3:    DCCW    0x29, fs3data, 0x00, 0x90, fs3_len
fs4:    DCCW    0x29, fs4data, 0x00, 0x80, fs4_len
fs5:    DCCW    0x29, fs5data, 0x00, 0x80, fs5_len
rd:     DCCW    0x2A, inbuf, 0x80, 0x80, 4       /* read into two areas */
        DCCW    0x2A, inbuf+4, 0x00, 0x00, 96
/* the console */
ccwread: CCW    0x0A, inbuf, 0x20, 130
ccwline: CCW    0x09, tlmode, 0x20, 16

/* texts (EBCDIC) */
tgone:  .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xC7, 0xD6, 0xD5, 0xC5 /* DIAG58 GONE */
tagone: .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xC1, 0xD3, 0xE2, 0xD6, 0x40
        .byte   0xC7, 0xD6, 0xD5, 0xC5                           /* DIAG58 ALSO GONE */
tline1: .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xD3, 0xC9, 0xD5, 0xC5, 0x40
        .byte   0xF1                                             /* DIAG58 LINE 1 */
tch1:   .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40         /* "DIAG58 " */
tch2:   .byte   0xC3, 0xC8, 0xC1, 0xC9, 0xD5, 0xC5, 0xC4         /* CHAINED */
tfirst: .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xC6, 0xC9, 0xD9, 0xE2, 0xE3
tbright: .byte  0x1D, 0xE8                                       /* SF intensified */
        .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xC2, 0xD9, 0xC9, 0xC7, 0xC8
        .byte   0xE3                                             /* DIAG58 BRIGHT */
        .byte   0x1D, 0x4C                                       /* SF non-display */
        .byte   0xC8, 0xC9, 0xC4, 0xC4, 0xC5, 0xD5               /* HIDDEN */
        .equ    tbright_len, . - tbright
tbad:   .byte   0xC2, 0xC1, 0xC4                                 /* BAD */
tlmode: .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xD3, 0xC9, 0xD5, 0xC5, 0x40
        .byte   0xD4, 0xD6, 0xC4, 0xC5                           /* DIAG58 LINE MODE */

/* full-screen writes: WCC, orders, data */
fs1data: .byte  0xC3                                    /* restore, reset MDT */
        .byte   0x11, 0x40, 0x40, 0x1D, 0x60            /* SBA 0, SF protected */
        .byte   0x11, 0xC1, 0x50                        /* SBA 80 (row 2) */
        .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xC6, 0xE4, 0xD3, 0xD3, 0x40
        .byte   0xE2, 0xC3, 0xD9, 0xC5, 0xC5, 0xD5      /* DIAG58 FULL SCREEN */
        .byte   0x11, 0x4C, 0xE9, 0x1D, 0x40, 0x13      /* SBA 809, SF unprotected, IC */
        .byte   0x11, 0x4C, 0x7E, 0x1D, 0x60            /* SBA 830, SF protected */
        .equ    fs1_len, . - fs1data
fs2data: .byte  0x40                                    /* no WCC function */
        .byte   0x11, 0x4F, 0x40                        /* SBA 960 (row 13) */
        .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xE6, 0xD9, 0xC9, 0xE3, 0xC5
        .equ    fs2_len, . - fs2data                    /* DIAG58 WRITE */
fs3data: .byte  0xC3
        .byte   0x11, 0xC1, 0x50
        .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xD7, 0xC1, 0xF1, 0x40, 0xD7
        .byte   0xD3, 0xC5, 0xC1, 0xE2, 0xC5            /* DIAG58 PA1 PLEASE */
        .equ    fs3_len, . - fs3data
fs4data: .byte  0xC3
        .byte   0x11, 0xC1, 0x50
        .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xE6, 0xC1, 0xC9, 0xE3, 0xC9
        .byte   0xD5, 0xC7                              /* DIAG58 WAITING */
        .equ    fs4_len, . - fs4data
fs5data: .byte  0xC3
        .byte   0x11, 0xC1, 0x50
        .byte   0xC4, 0xC9, 0xC1, 0xC7, 0xF5, 0xF8, 0x40, 0xE2, 0xE3, 0xD6, 0xD7, 0x40
        .byte   0xD4, 0xC5                              /* DIAG58 STOP ME */
        .equ    fs5_len, . - fs5data

aidenter: .byte 0x7D
hellofld: .byte 0x11, 0x4C, 0x6A                        /* SBA 810 */
        .byte   0xC8, 0xC5, 0xD3, 0xD3, 0xD6            /* HELLO */
        .balign 8
inbuf:  .space  136
        .popsection
        GUEST_END
