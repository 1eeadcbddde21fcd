/*
 * diag5c.S - DIAGNOSE X'5C', error message editing (DIAGNOSE.md 3.14).
 * PASS X'0C0D57'; FAIL X'BADnnn' with the check numbers below.
 *
 * Rx = a message "DMSmmmnnns text", Ry = its length; CP edits the two
 * registers by the user's SET EMSG (set here with DIAGNOSE X'08'): ON
 * leaves them, TEXT skips the code and its blank, CODE keeps the 10
 * characters of the code, OFF makes the length 0. The message is not
 * read: an address beyond storage is no exception. The condition code
 * stays. SET EMSG is ON again at the end.
 */
#include "diag.inc"

/* EMSG cmd: DIAGNOSE X'08' of the command at label cmd (no response). */
        .macro  EMSG cmd
        la      %r6,\cmd-base(%r12)
        LV      %r7, \cmd\()_len
        DIAG    %r6, %r7, 0x008
        CHKR    %r7, 0, 0x0FF
        .endm

        GUEST_START 0x57

        la      %r8,msg-base(%r12)              /* R8: the message */
/* ---- ON ---------------------------------------------------------------- */
        EMSG    eon
        lr      %r2,%r8
        LV      %r3, msg_len
        SETCC   1
        DIAG    %r2, %r3, 0x05C
        EXPECTCC 1, 0x001
        CHKRR   %r2, %r8, 0x002
        CHKR    %r3, msg_len, 0x003
/* ---- TEXT -------------------------------------------------------------- */
        EMSG    etext
        LV      %r3, msg_len
        SETCC   2
        DIAG    %r2, %r3, 0x05C
        EXPECTCC 2, 0x010
        la      %r1,11(%r8)
        CHKRR   %r2, %r1, 0x011
        CHKR    %r3, msg_len-11, 0x012
        lr      %r2,%r8                         /* shorter than code and blank */
        la      %r3,5
        DIAG    %r2, %r3, 0x05C
        la      %r1,5(%r8)
        CHKRR   %r2, %r1, 0x013
        CHKR    %r3, 0, 0x014
/* ---- CODE -------------------------------------------------------------- */
        EMSG    ecode
        lr      %r2,%r8
        LV      %r3, msg_len
        DIAG    %r2, %r3, 0x05C
        CHKRR   %r2, %r8, 0x020
        CHKR    %r3, 10, 0x021
        la      %r3,7                           /* shorter than a code */
        DIAG    %r2, %r3, 0x05C
        CHKR    %r3, 7, 0x022
        LV      %r3, msg_len                    /* Rx = Ry: the length */
        DIAG    %r3, %r3, 0x05C
        CHKR    %r3, 10, 0x023
/* ---- OFF, and an address beyond storage -------------------------------- */
        EMSG    eoff
        LV      %r2, 0x00FFFFF0
        LV      %r3, msg_len
        SETCC   3
        DIAG    %r2, %r3, 0x05C
        EXPECTCC 3, 0x030
        CHKR    %r2, 0x00FFFFF0, 0x031
        CHKR    %r3, 0, 0x032
        EMSG    eon
        /* in the problem state: a privileged-operation exception */
        PROBCHK 0x0F0, %r2, %r3, 0x05C
        PASS

msg: .byte  0xC4, 0xD4, 0xE2, 0xC1, 0xC2, 0xC3, 0xF1, 0xF2, 0xF3, 0xC5, 0x40, 0xE2, 0xD6, 0xD4, 0xC5, 0x40, 0xE3, 0xC5, 0xE7, 0xE3  /* DMSABC123E SOME TEXT */
        .equ    msg_len, 20
eon: .byte  0xE2, 0xC5, 0xE3, 0x40, 0xC5, 0xD4, 0xE2, 0xC7, 0x40, 0xD6, 0xD5  /* SET EMSG ON */
        .equ    eon_len, 11
etext: .byte  0xE2, 0xC5, 0xE3, 0x40, 0xC5, 0xD4, 0xE2, 0xC7, 0x40, 0xE3, 0xC5, 0xE7, 0xE3  /* SET EMSG TEXT */
        .equ    etext_len, 13
ecode: .byte  0xE2, 0xC5, 0xE3, 0x40, 0xC5, 0xD4, 0xE2, 0xC7, 0x40, 0xC3, 0xD6, 0xC4, 0xC5  /* SET EMSG CODE */
        .equ    ecode_len, 13
eoff: .byte  0xE2, 0xC5, 0xE3, 0x40, 0xC5, 0xD4, 0xE2, 0xC7, 0x40, 0xD6, 0xC6, 0xC6  /* SET EMSG OFF */
        .equ    eoff_len, 12
        GUEST_END
