/*
 * diag08.S - DIAGNOSE X'08', CP commands from a program (DIAGNOSE.md 3.3).
 * PASS X'0C0D42'; FAIL X'BADnnn' with the check numbers below.
 *
 * With flag X'40' the response comes back in the buffer at Rx+1, in
 * EBCDIC, each line followed by X'15': cc 0 and Ry+1 = its length when it
 * fits, cc 1 and Ry+1 = the bytes that did not fit when it does not; Ry =
 * the return code (the error message's number: DMKCFC001E gives 1), of
 * the last command when several are separated by X'15'. Ry = 0 is a
 * no-operation. Without X'40' the response goes to the terminal (the
 * test looks for "DMKCFC001E ?CP: XYZZYSHOW" on the screen) and the
 * condition code stays. Operand errors are specification or addressing
 * exceptions, found before any command runs. Registers: Rx R2, Rx+1 R3,
 * Ry R4, Ry+1 R5; the buffer at X'10000'.
 */
#include "diag.inc"

        .equ    BUF, 0x10000

        GUEST_START 0x42

/* ---- QUERY TIME: "TIME IS ..." X'15' "CONNECT= ..." X'15' ------------ */
        FILL    BUF, 4096, 0xEE
        la      %r2,qtime-base(%r12)
        LV      %r3, BUF
        LV      %r4, 0x40000000+qtime_len
        LV      %r5, 4096
        SETCC   3
        DIAG    %r2, %r4, 0x008
        EXPECTCC 0, 0x001
        CHKR    %r4, 0, 0x002                   /* return code 0 */
        CHKR    %r3, BUF, 0x003                 /* Rx+1 unchanged */
        la      %r1,qtime-base(%r12)
        CHKRR   %r2, %r1, 0x004                 /* Rx unchanged */
        lr      %r9,%r5                         /* R9: the response length */
        ltr     %r9,%r9
        FAILIF  CC0+CC1, 0x005                  /* > 0 */
        la      %r1,200
        cr      %r9,%r1
        FAILIF  CC0+CC2, 0x006                  /* < 200 */
        LV      %r6, BUF
        clc     0(timeis_len,%r6),timeis-base(%r12)
        FAILNE  0x007
        lr      %r7,%r6
        ar      %r7,%r9                         /* R7: after the response */
        CHKB    0(%r7), 0xEE, 0x008             /* nothing beyond it */
        bctr    %r7,0
        CHKB    0(%r7), 0x15, 0x009             /* the last line ends in X'15' */
        /* exactly two X'15', the first followed by CONNECT= */
        sr      %r8,%r8
        lr      %r7,%r6
scan:   cli     0(%r7),0x15
        bne     next-base(%r12)
        la      %r8,1(%r8)
        c       %r8,one-base(%r12)
        bne     next-base(%r12)
        clc     1(connect_len,%r7),connect-base(%r12)
        FAILNE  0x00A
next:   la      %r7,1(%r7)
        lr      %r1,%r7
        sr      %r1,%r6
        cr      %r1,%r9
        bl      scan-base(%r12)
        CHKR    %r8, 2, 0x00B

/* ---- an unknown command, in lower case: return code 1 --------------- */
        FILL    BUF, 256, 0xEE
        la      %r2,xyzzy-base(%r12)
        LV      %r4, 0x40000000+xyzzy_len
        LV      %r5, 4096
        SETCC   2
        DIAG    %r2, %r4, 0x008
        EXPECTCC 0, 0x010
        CHKR    %r4, 1, 0x011
        CHKR    %r5, err1_len, 0x012
        LV      %r6, BUF
        clc     0(err1_len,%r6),err1-base(%r12)
        FAILNE  0x013
        CHKB    err1_len(%r6), 0xEE, 0x014

/* ---- a buffer too small: cc 1, Ry+1 = what did not fit --------------- */
        FILL    BUF, 256, 0xEE
        la      %r2,qtime-base(%r12)
        LV      %r4, 0x40000000+qtime_len
        LV      %r5, 10
        DIAG    %r2, %r4, 0x008
        EXPECTCC 1, 0x020
        CHKR    %r4, 0, 0x021
        lr      %r1,%r9
        s       %r1,ten-base(%r12)
        CHKRR   %r5, %r1, 0x022
        LV      %r6, BUF
        clc     0(timeis_len,%r6),timeis-base(%r12)
        FAILNE  0x023
        CHKB    10(%r6), 0xEE, 0x024            /* the buffer's end respected */
        /* a buffer of 0 bytes: nothing stored, all of it left over */
        FILL    BUF, 256, 0xEE
        LV      %r4, 0x40000000+qtime_len
        LV      %r5, 0
        DIAG    %r2, %r4, 0x008
        EXPECTCC 1, 0x025
        CHKRR   %r5, %r9, 0x026
        CHKB    0(%r6), 0xEE, 0x027

/* ---- several commands: the last one's return code --------------------- */
        FILL    BUF, 256, 0xEE
        la      %r2,multi1-base(%r12)
        LV      %r4, 0x40000000+multi1_len
        LV      %r5, 4096
        DIAG    %r2, %r4, 0x008
        EXPECTCC 0, 0x030
        CHKR    %r4, 1, 0x031
        CHKR    %r5, err1_len, 0x032            /* SET answers nothing */
        la      %r2,multi2-base(%r12)
        LV      %r4, 0x40000000+multi2_len
        DIAG    %r2, %r4, 0x008
        CHKR    %r4, 0, 0x033                   /* SET EMSG ON was last */
        CHKR    %r5, err1_len, 0x034
        LV      %r6, BUF
        clc     0(err1_len,%r6),err1-base(%r12)
        FAILNE  0x035
        la      %r2,multi3-base(%r12)           /* blank commands do not count */
        LV      %r4, 0x40000000+multi3_len
        DIAG    %r2, %r4, 0x008
        CHKR    %r4, 1, 0x036

/* ---- Ry = 0: nothing at all -------------------------------------------- */
        LV      %r2, 0xFFFFFFF0                 /* would be beyond storage */
        LV      %r3, 0x12345678
        LV      %r4, 0
        LV      %r5, 0x9ABCDEF0
        SETCC   2
        DIAG    %r2, %r4, 0x008
        EXPECTCC 2, 0x040
        CHKR    %r2, 0xFFFFFFF0, 0x041
        CHKR    %r3, 0x12345678, 0x042
        CHKR    %r4, 0, 0x043
        CHKR    %r5, 0x9ABCDEF0, 0x044

/* ---- without a buffer: to the terminal, cc unchanged ------------------- */
        FILL    BUF, 256, 0xEE
        la      %r2,show-base(%r12)
        LV      %r3, BUF
        LV      %r4, show_len
        LV      %r5, 4096
        SETCC   3
        DIAG    %r2, %r4, 0x008
        EXPECTCC 3, 0x050
        CHKR    %r4, 1, 0x051
        CHKR    %r5, 4096, 0x052
        CHKB    0(%r6), 0xEE, 0x053             /* the buffer not used */
        /* X'80' (refuse a LINK password) is accepted with X'40' */
        la      %r2,xyzzy-base(%r12)
        LV      %r4, 0xC0000000+xyzzy_len
        DIAG    %r2, %r4, 0x008
        EXPECTCC 0, 0x054
        CHKR    %r4, 1, 0x055

/* ---- operand errors ---------------------------------------------------- */
        la      %r2,xyzzy-base(%r12)
        LV      %r3, BUF
        LV      %r5, 4096
        LV      %r4, 0x20000000+xyzzy_len       /* an undefined flag */
        PGMCHK  PGM_SPEC, 0x060, %r2, %r4, 0x008
        LV      %r4, 133                        /* too long */
        PGMCHK  PGM_SPEC, 0x063, %r2, %r4, 0x008
        CHKR    %r4, 133, 0x066                 /* Ry not changed */
        /* Rx and Ry consecutive: Rx+1 = Ry ... */
        LV      %r3, 0x40000000+xyzzy_len
        LV      %r4, 4096
        PGMCHK  PGM_SPEC, 0x067, %r2, %r3, 0x008
        /* ... and Ry+1 = Rx */
        la      %r4,xyzzy-base(%r12)
        PGMCHK  PGM_SPEC, 0x06A, %r4, %r3, 0x008
        PGMCHK  PGM_SPEC, 0x06D, %r3, %r3, 0x008   /* Rx = Ry */
        LV      %r3, BUF
        LV      %r4, 0x40000000+xyzzy_len
        LV      %r5, 4096
        la      %r15,xyzzy-base(%r12)
        PGMCHK  PGM_SPEC, 0x070, %r15, %r4, 0x008  /* Rx = 15 */
        lr      %r15,%r4
        PGMCHK  PGM_SPEC, 0x073, %r2, %r15, 0x008  /* Ry = 15 */
        LV      %r5, 8193                       /* a buffer above 8192 */
        PGMCHK  PGM_SPEC, 0x076, %r2, %r4, 0x008
        LV      %r5, 8192                       /* 8192 is allowed */
        DIAG    %r2, %r4, 0x008
        EXPECTCC 0, 0x079
        CHKR    %r4, 1, 0x07A
        /* the text beyond storage */
        LV      %r2, STORSIZE-3
        LV      %r4, 0x40000000+xyzzy_len
        PGMCHK  PGM_ADDR, 0x080, %r2, %r4, 0x008
        LV      %r4, xyzzy_len                  /* in either form */
        PGMCHK  PGM_ADDR, 0x083, %r2, %r4, 0x008
        /* the buffer beyond storage: the command does not run */
        la      %r2,emcode-base(%r12)
        LV      %r3, STORSIZE-100
        LV      %r4, 0x40000000+emcode_len
        LV      %r5, 101
        PGMCHK  PGM_ADDR, 0x086, %r2, %r4, 0x008
        CHKR    %r4, 0x40000000+emcode_len, 0x089
        LV      %r5, 100                        /* up to the last byte: fine */
        LV      %r4, 0x40000000+xyzzy_len
        la      %r2,xyzzy-base(%r12)
        DIAG    %r2, %r4, 0x008
        EXPECTCC 0, 0x08A
        /* SET EMSG CODE did not run: the message still has its text */
        FILL    BUF, 256, 0xEE
        LV      %r3, BUF
        LV      %r4, 0x40000000+xyzzy_len
        LV      %r5, 4096
        DIAG    %r2, %r4, 0x008
        CHKR    %r5, err1_len, 0x08B
        LV      %r6, BUF
        clc     0(err1_len,%r6),err1-base(%r12)
        FAILNE  0x08C
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r4, 0x008
        PASS

        .balign 4
one:    .long   1
ten:    .long   10
qtime: .byte  0xD8, 0xE4, 0xC5, 0xD9, 0xE8, 0x40, 0xE3, 0xC9, 0xD4, 0xC5  /* QUERY TIME */
        .equ    qtime_len, 10
timeis: .byte  0xE3, 0xC9, 0xD4, 0xC5, 0x40, 0xC9, 0xE2, 0x40  /* TIME IS  */
        .equ    timeis_len, 8
connect: .byte  0xC3, 0xD6, 0xD5, 0xD5, 0xC5, 0xC3, 0xE3, 0x7E  /* CONNECT= */
        .equ    connect_len, 8
xyzzy: .byte  0xA7, 0xA8, 0xA9, 0xA9, 0xA8  /* xyzzy (lower case) */
        .equ    xyzzy_len, 5
err1: .byte  0xC4, 0xD4, 0xD2, 0xC3, 0xC6, 0xC3, 0xF0, 0xF0, 0xF1, 0xC5, 0x40, 0x6F, 0xC3, 0xD7, 0x7A, 0x40, 0xE7, 0xE8, 0xE9, 0xE9, 0xE8, 0x15  /* DMKCFC001E ?CP: XYZZY, X'15' */
        .equ    err1_len, 22
multi1: .byte  0xE2, 0xC5, 0xE3, 0x40, 0xC5, 0xD4, 0xE2, 0xC7, 0x40, 0xD6, 0xD5, 0x15, 0xA7, 0xA8, 0xA9, 0xA9, 0xA8  /* SET EMSG ON, X'15', xyzzy */
        .equ    multi1_len, 17
multi2: .byte  0xA7, 0xA8, 0xA9, 0xA9, 0xA8, 0x15, 0xE2, 0xC5, 0xE3, 0x40, 0xC5, 0xD4, 0xE2, 0xC7, 0x40, 0xD6, 0xD5  /* xyzzy, X'15', SET EMSG ON */
        .equ    multi2_len, 17
multi3: .byte  0xA7, 0xA8, 0xA9, 0xA9, 0xA8, 0x15, 0x40, 0x15  /* xyzzy, X'15', blank, X'15' */
        .equ    multi3_len, 8
show: .byte  0xE7, 0xE8, 0xE9, 0xE9, 0xE8, 0xE2, 0xC8, 0xD6, 0xE6  /* XYZZYSHOW */
        .equ    show_len, 9
emcode: .byte  0xE2, 0xC5, 0xE3, 0x40, 0xC5, 0xD4, 0xE2, 0xC7, 0x40, 0xC3, 0xD6, 0xC4, 0xC5  /* SET EMSG CODE */
        .equ    emcode_len, 13
        GUEST_END
