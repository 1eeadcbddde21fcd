/*
 * echo.S - an interactive program for the virtual console: it writes the
 * prompt "ECHO READY", reads a line from the 3215 at X'009' and writes it
 * back as "ECHO: " + the line, for ever. It is driven by a user at a
 * terminal (tests/system/test_vm.py); it never ends by itself. Lines:
 *
 *   END     load the disabled wait PSW 00020000 000C0D09 (the pass code)
 *   SVC     SVC X'42' first (the handler checks the code and returns)
 *   PGM     an operation exception (X'0000') first; the handler checks the
 *           code and the ILC and returns after the instruction
 *   PAUSE   write "PAUSED" and wait with no read outstanding, enabled for
 *           I/O: the next attention (REQUEST, or a line typed now) ends it
 *
 * Any attention interruption (unit status X'80' alone, from REQUEST or a
 * line typed while no read is outstanding) is answered by a line
 * "ATTENTION" before the next prompt; a line typed then is read as usual.
 * Everything waits in enabled waits for I/O interruptions, never by
 * polling. Any other interruption, or unexpected status, stops with
 * X'BADnnn' / X'EEkccc' (s370.inc).
 *
 * Architecture (GA22-7000, "Input/Output Operations" and "I/O
 * Interruption"; 3215: X'09' write + carriage return, X'0A' read
 * inquiry): SIO gives cc 0 when started; cc 1 with the status stored in
 * the CSW when the device has an interruption condition of its own
 * pending (an attention: busy + attention); the end of the operation is an
 * I/O interruption with CE+DE in the CSW (X'40'), taken in BC mode when
 * PSW bit 0 (channel 0) is on, the device address in old-PSW bits 16-31.
 * A read's residual count (CSW bytes 6-7) gives the length of the line.
 */
#include "s370.inc"

        GUEST_START 0x09

        .equ    CONS, 0x009
        .equ    BUFLEN, 130

        SETNEW  IONEW, ioint
        SETNEW  SVCNEW, svcint
        SETNEW  PGMNEW, pgmint

/* ---- the main loop --------------------------------------------------------- */
loop:   cli     attn-base(%r12),0
        be      1f-base(%r12)
        mvi     attn-base(%r12),0
        la      %r2,ccwattn-base(%r12)  /* an attention came: say so */
        bal     %r14,doio-base(%r12)
        b       loop-base(%r12)         /* (another may have come meanwhile) */
1:      la      %r2,ccwprompt-base(%r12)
        bal     %r14,doio-base(%r12)
        la      %r2,ccwread-base(%r12)
        bal     %r14,doio-base(%r12)
        lh      %r3,CSW+6               /* residual count */
        la      %r4,BUFLEN
        sr      %r4,%r3                 /* R4 = the length of the line */
        FAILIF  CC1, 0x020              /* more than was asked for */

        la      %r5,3
        cr      %r4,%r5
        bne     2f-base(%r12)
        clc     buf-base(3,%r12),eend-base(%r12)
        be      done-base(%r12)
        clc     buf-base(3,%r12),esvc-base(%r12)
        be      dosvc-base(%r12)
        clc     buf-base(3,%r12),epgm-base(%r12)
        be      dopgm-base(%r12)
        b       echo-base(%r12)
2:      la      %r5,5
        cr      %r4,%r5
        bne     echo-base(%r12)
        clc     buf-base(5,%r12),epause-base(%r12)
        be      dopause-base(%r12)

/* ---- "ECHO: " + the line ---------------------------------------------------- */
echo:   ltr     %r4,%r4
        bz      3f-base(%r12)
        bctr    %r4,0
        ex      %r4,mvcline-base(%r12)
        la      %r4,1(%r4)
3:      la      %r4,6(%r4)
        sth     %r4,ccwecho+6-base(%r12) /* the count */
        la      %r2,ccwecho-base(%r12)
        bal     %r14,doio-base(%r12)
        b       loop-base(%r12)
mvcline: mvc    out+6-base(1,%r12),buf-base(%r12)

done:   PASS

/* ---- SVC X'42' ------------------------------------------------------------- */
dosvc:  mvi     insvc-base(%r12),1
        svc     0x42
        cli     insvc-base(%r12),2      /* the handler ran */
        FAILNE  0x030
        b       echo-base(%r12)

svcint: CHKW    SVCOLD, 0x00000042, 0x031 /* BC: the code in bits 16-31 */
        CHKILC  SVCOLD, 1, 0x032
        cli     insvc-base(%r12),1
        FAILNE  0x033                   /* not from dosvc */
        mvi     insvc-base(%r12),2
        lpsw    SVCOLD                  /* back after the SVC */

/* ---- an operation exception ------------------------------------------------ */
dopgm:  mvi     inpgm-base(%r12),1
        .short  0x0000                  /* not an instruction */
pgmret: cli     inpgm-base(%r12),2
        FAILNE  0x040
        b       echo-base(%r12)

pgmint: CHKW    PGMOLD, 0x00000001, 0x041 /* operation exception */
        CHKILC  PGMOLD, 1, 0x042
        CHKIA   PGMOLD, pgmret, 0x043   /* suppressed: after the instruction */
        cli     inpgm-base(%r12),1
        FAILNE  0x044
        mvi     inpgm-base(%r12),2
        lpsw    PGMOLD

/* ---- PAUSE: wait for an attention ------------------------------------------ */
dopause: la     %r2,ccwpaused-base(%r12)
        bal     %r14,doio-base(%r12)
        cli     attn-base(%r12),0
        bne     loop-base(%r12)         /* one came already */
        GOPSW   PSW_CH0+PSW_WAIT, pwait /* ioint goes to loop on the attention */
pwait:  FAIL    0x050

/*
 * doio: run the channel program whose first CCW is at R2 on the console
 * and return (BR R14) when it has ended. An attention on the way sets
 * attn. Uses R0, R1.
 */
doio:   st      %r2,CAW                 /* key 0 */
        mvi     inio-base(%r12),1
4:      .insn   s,0x9c000000,CONS       /* SIO */
        bc      CC0,iowait-base(%r12)
        bc      CC1,5f-base(%r12)
        FAIL    0x001                   /* cc 2 or 3: no console, or busy */
5:      tm      CSW+4,0x80              /* status stored: an attention? */
        FAILIF  CC0, 0x002
        mvi     attn-base(%r12),1
        b       4b-base(%r12)           /* start it again */
iowait: GOPSW   PSW_CH0+PSW_WAIT, w1    /* channel 0 enabled */
w1:     FAIL    0x003

/* The I/O interruption: the end of doio's operation or an attention. */
ioint:  CHKW    IOOLD, 0x80020009, 0x010 /* the wait PSW + the console's address */
        tm      CSW+4,0x80
        bz      6f-base(%r12)
        mvi     attn-base(%r12),1
6:      tm      CSW+4,0x03              /* unit check, unit exception */
        FAILNE  0x011
        tm      CSW+5,0xFF              /* channel status */
        FAILNE  0x012
        tm      CSW+4,0x04              /* device end: the operation is over */
        bo      7f-base(%r12)
        cli     inio-base(%r12),0       /* an attention alone */
        bne     iowait-base(%r12)       /* doio still waits */
        b       loop-base(%r12)         /* PAUSE ends */
7:      cli     inio-base(%r12),1
        FAILNE  0x013                   /* an ending nobody waited for */
        mvi     inio-base(%r12),0
        br      %r14

        .balign 8
ccwprompt: CCW  0x09, prompt, 0x20, 10  /* write + carriage return, SLI */
ccwread: CCW    0x0A, buf, 0x20, BUFLEN /* read inquiry, SLI */
ccwecho: CCW    0x09, out, 0x20, 6      /* the count is set each time */
ccwattn: CCW    0x09, attntext, 0x20, 9
ccwpaused: CCW  0x09, pausedtext, 0x20, 6

attn:   .byte   0                       /* an attention to report */
inio:   .byte   0                       /* doio waits for an ending */
insvc:  .byte   0
inpgm:  .byte   0
        /* EBCDIC texts */
prompt: .byte   0xC5, 0xC3, 0xC8, 0xD6, 0x40, 0xD9, 0xC5, 0xC1, 0xC4, 0xE8 /* ECHO READY */
attntext: .byte 0xC1, 0xE3, 0xE3, 0xC5, 0xD5, 0xE3, 0xC9, 0xD6, 0xD5  /* ATTENTION */
pausedtext: .byte 0xD7, 0xC1, 0xE4, 0xE2, 0xC5, 0xC4                /* PAUSED */
eend:   .byte   0xC5, 0xD5, 0xC4                                    /* END */
esvc:   .byte   0xE2, 0xE5, 0xC3                                    /* SVC */
epgm:   .byte   0xD7, 0xC7, 0xD4                                    /* PGM */
epause: .byte   0xD7, 0xC1, 0xE4, 0xE2, 0xC5                        /* PAUSE */
out:    .byte   0xC5, 0xC3, 0xC8, 0xD6, 0x7A, 0x40                  /* "ECHO: " */
        .space  BUFLEN
buf:    .space  BUFLEN

        GUEST_END
