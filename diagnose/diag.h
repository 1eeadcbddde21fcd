/*
 * diag.h - the DIAGNOSE interface as byte images: code numbers, parameter
 * lists and results as offsets, flags, condition and return codes.
 *
 * The specification is diagnose/DIAGNOSE.md (section numbers below refer
 * to it). CP (64-bit), CMS and guest programs (31-bit) and the host tools
 * include this header; it has no code and no C structures, only offsets
 * into big-endian byte images, read and written with lib/bytes.h.
 */
#ifndef DIAGNOSE_DIAG_H
#define DIAGNOSE_DIAG_H

/* ---------------------------------------------------------------- codes */
#define DIAG_IDENT    0x000 /* 3.1  store extended identification (any class) */
#define DIAG_EXAMINE  0x004 /* 3.2  examine real storage (C, E) */
#define DIAG_CPCMD    0x008 /* 3.3  CP command from a program */
#define DIAG_TIMER    0x00C /* 3.4  pseudo timer */
#define DIAG_RELPAGE  0x010 /* 3.5  release pages */
#define DIAG_SPOOLRDR 0x014 /* 3.6  input spool file manipulation */
#define DIAG_DASDIO   0x018 /* 3.7  standard DASD I/O */
#define DIAG_CLEARREC 0x01C /* 3.8  clear error-recording cylinders (F) */
#define DIAG_GENIO    0x020 /* 3.9  general I/O */
#define DIAG_DEVTYPE  0x024 /* 3.10 device type and features */
#define DIAG_DIRUPD   0x03C /* 3.11 dynamic directory update (A, B, C) */
#define DIAG_PA2      0x054 /* 3.12 PA2 function */
#define DIAG_CONSOLE  0x058 /* 3.13 3270 virtual console interface */
#define DIAG_EMSG     0x05C /* 3.14 error message editing */
#define DIAG_STORSIZE 0x060 /* 3.15 virtual storage size */
#define DIAG_NAMESEG  0x064 /* 3.16 named segments */
#define DIAG_TERMCHAR 0x08C /* 3.17 3270 console characteristics */
#define DIAG_BLOCKIO  0x250 /* 3.18 block I/O (the one code above X'1FC') */

#define DIAG_CODE_MAX 0x1FC /* X'000'-X'0FC' IBM, X'100'-X'1FC' the installation */

/* ---------------------------------------------------------------- X'00' */
#define DIAG00_SYSNAME 0  /* 8  "VM/370  " */
#define DIAG00_VERSION 8  /* 3  version, level, PLC */
#define DIAG00_VCODE   11 /* 1  X'FF' */
#define DIAG00_MCEL    12 /* 2  0 */
#define DIAG00_CPUADDR 14 /* 2  0 */
#define DIAG00_USERID  16 /* 8  EBCDIC, blank padded */
#define DIAG00_PPMAP   24 /* 8  zeros */
#define DIAG00_SIZE    32
#define DIAG00_VER     0x06 /* R6 */
#define DIAG00_LEVEL   0x00
#define DIAG00_PLC     0x11 /* PLC 17 */

/* ---------------------------------------------------------------- X'04' */
#define DIAG04_MAX 1024 /* entries: each area within one 4K page */

/* ---------------------------------------------------------------- X'08' */
#define DIAG08_PWREJECT 0x80u /* Ry bits 0-7: refuse a LINK password on the line */
#define DIAG08_RESPBUF  0x40u /* response to the buffer at Rx+1 */
#define DIAG08_FLAGS    (DIAG08_PWREJECT | DIAG08_RESPBUF)
#define DIAG08_MAXCMD   132  /* bytes of command text */
#define DIAG08_MAXBUF   8192 /* bytes of response buffer */
#define DIAG08_SEP      0x15 /* EBCDIC new line: between commands, after each response line */

/* ---------------------------------------------------------------- X'0C' */
#define DIAG0C_DATE  0  /* 8  "MM/DD/YY" */
#define DIAG0C_TIME  8  /* 8  "HH:MM:SS" */
#define DIAG0C_VTIME 16 /* 8  virtual CPU microseconds */
#define DIAG0C_TTIME 24 /* 8  total CPU microseconds */
#define DIAG0C_SIZE  32

/* ---------------------------------------------------------------- X'14' */
/* Ry+1 subcodes */
#define DIAG14_READ    0x0000
#define DIAG14_PRTSFB  0x0004
#define DIAG14_PUNSFB  0x0008
#define DIAG14_SELECT  0x000C
#define DIAG14_REPEAT  0x0010
#define DIAG14_RESTART 0x0014
#define DIAG14_BACKUP  0x0018
#define DIAG14_MONSFB  0x001C
#define DIAG14_MONREAD 0x0020
/* Ry+1 with cc 3 */
#define DIAG14_RC_NODEV  4
#define DIAG14_RC_NOTRDR 8
#define DIAG14_RC_BUSY   12
#define DIAG14_RC_IOERR  16
/* a spool buffer as the program sees it */
#define SPB_NEXT    0  /* 4  nonzero: another buffer follows */
#define SPB_NRECS   4  /* 2  records in this buffer */
#define SPB_END     6  /* 2  offset after the last record */
#define SPB_PREV    8  /* 4  nonzero: a buffer precedes */
#define SPB_SPOOLID 12 /* 4 */
#define SPB_FIRST   16 /* the first record: CCW, TIC, data */
#define SPB_SIZE    4096
/* the file descriptor (SFBLOK image) */
#define SFB_RES0       0  /* 4 */
#define SFB_RES1       4  /* 4 */
#define SFB_USER       8  /* 8  owner */
#define SFB_ORIG       16 /* 8  origin */
#define SFB_RECNO      24 /* 4  records */
#define SFB_RECSZ      28 /* 2  largest record */
#define SFB_SPOOLID    30 /* 2 */
#define SFB_FLAG       32 /* 1  SFB_F_* */
#define SFB_TYPE       33 /* 1  SFB_T_* */
#define SFB_RES2       34 /* 6 */
#define SFB_FNAME      40 /* 12 */
#define SFB_FTYPE      52 /* 12 */
#define SFB_DATE       64 /* 8  "MM/DD/YY" */
#define SFB_TIME       72 /* 8  "HH:MM:SS" */
#define SFB_RES3       80 /* 4 */
#define SFB_COPY       84 /* 2 */
#define SFB_CLASS      86 /* 1 */
#define SFB_FLAG2      87 /* 1  SFB_F2_* */
#define SFB_DIST       88 /* 8 */
#define SFB_RES4       96 /* 8 */
#define SFB_SIZE       104
#define SFB_F_USERHOLD 0x20
#define SFB_F_SYSHOLD  0x04
#define SFB_T_PRT      0x01
#define SFB_T_PUN      0x02
#define SFB_T_CON      0x04
#define SFB_T_RDR      0x08
#define SFB_T_DMP      0x10
#define SFB_F2_HOLD    0x80
#define SFB_F2_NOHOLD  0x40

/* ---------------------------------------------------------------- X'18' */
#define DIAG18_MAXRW  15   /* READ/WRITE CCWs in one chain */
#define DIAG18_MAXCNT 2048 /* bytes of one READ/WRITE */
/* R15 with cc 1 */
#define DIAG18_RC_NODEV  1
#define DIAG18_RC_TYPE   2
#define DIAG18_RC_RDONLY 3
#define DIAG18_RC_EXTENT 4
#define DIAG18_RC_BUSY   5
/* R15 with cc 2 */
#define DIAG18_RC_ALIGN   5
#define DIAG18_RC_ARGADDR 6
#define DIAG18_RC_OPCODE  7
#define DIAG18_RC_ZERO    8
#define DIAG18_RC_LONG    9
#define DIAG18_RC_BUFADDR 10
#define DIAG18_RC_COUNT   11
#define DIAG18_RC_HEAD    12
/* R15 with cc 3 */
#define DIAG18_RC_IOERR 13

/* ---------------------------------------------------------------- X'1C' */
#define DIAG1C_KEEPFRAMES 0x01
#define DIAG1C_ALL        0x02

/* ---------------------------------------------------------------- X'20' */
#define DIAG20_RC_NODEV 1  /* cc 1 */
#define DIAG20_RC_BUSY  5  /* cc 1 */
#define DIAG20_RC_UEXC  2  /* cc 2 */
#define DIAG20_RC_WLEN  3  /* cc 2 */
#define DIAG20_RC_ERROR 13 /* cc 3 */

/* ---------------------------------------------------------------- X'24' */
#define DIAG24_CONSOLE 0xFFFFFFFFu /* Rx = -1: the virtual console */
/* byte 0 of Ry / Ry+1: device class */
#define DEVC_TERM 0x80
#define DEVC_GRAF 0x40
#define DEVC_URI  0x20
#define DEVC_URO  0x10
#define DEVC_TAPE 0x08
#define DEVC_DASD 0x04
/* byte 1: device type within the class */
#define DEVT_3215  0x00
#define DEVT_3270  0x01
#define DEVT_2540R 0x82
#define DEVT_3505  0x84
#define DEVT_2501  0x88
#define DEVT_1403  0x41
#define DEVT_3211  0x42
#define DEVT_1443  0x48
#define DEVT_2540P 0x82
#define DEVT_3525  0x84
#define DEVT_3420  0x10
#define DEVT_3480  0x02
#define DEVT_3490  0x04
#define DEVT_3340  0x01
#define DEVT_2305  0x02
#define DEVT_3375  0x04
#define DEVT_3350  0x08
#define DEVT_3330  0x10
#define DEVT_3380  0x20
#define DEVT_2314  0x40
#define DEVT_3390  0x82
/* byte 2 of Ry: VDEVSTAT */
#define VDEVSTAT_BUSY    0x80
#define VDEVSTAT_PENDING 0x40
#define VDEVSTAT_DED     0x20
/* byte 3 of Ry: VDEVFLAG */
#define VDEVFLAG_ON3270 0x10 /* a console on a 3270 display */
#define VDEVFLAG_RDONLY 0x80 /* a DASD: read-only */
#define VDEVFLAG_TDISK  0x40 /* a DASD: temporary disk */
/* byte 0 of Rx after -1: the terminal code */
#define DIAG24_TMCD_EBCDIC 0x00
#define DIAG24_LLEN_3270   80
#define DIAG24_LLEN_3215   130
/* the result */
#define DIAG24_CC_BOTH  0
#define DIAG24_CC_VIRT  2
#define DIAG24_CC_NODEV 3

/* ---------------------------------------------------------------- X'3C' */
#define DIAG3C_CC_OK    0 /* the new directory is in use */
#define DIAG3C_CC_NOVOL 2 /* no such volume, no directory area, or not a sound directory */
#define DIAG3C_CC_IOERR 3 /* the directory area could not be read */

/* ---------------------------------------------------------------- X'58' */
/* CCW commands */
#define DIAG58_DISPLAY 0x19 /* show data in CP's output area */
#define DIAG58_FSWRITE 0x29 /* full screen: write, erase/write (not R6: VM/SP) */
#define DIAG58_FSREAD  0x2A /* full screen: the user's last input (not R6: VM/SP) */
/* X'19' control byte */
#define DIAG58_CTL_ERASE  0x80 /* erase the output area first */
#define DIAG58_CTL_LINE   0x7F /* the start line, 0-21 */
#define DIAG58_CTL_CLEAR  0xFF /* erase the output area, no data */
#define DIAG58_CTL_REDRAW 0xFE /* erase the screen, CP's fields again, no data */
/* X'29' control byte */
#define DIAG58_FS_ERASE 0x80 /* erase/write: the screen becomes the program's */
#define DIAG58_FS_PA1   0x10 /* with X'80': PA1 is the program's key too */
/* X'2A' control byte */
#define DIAG58_FS_RM 0x80 /* read modified (the only form) */
/* CCW flags CP accepts (format 0, byte 4) */
#define DIAG58_F_CD  0x80
#define DIAG58_F_CC  0x40
#define DIAG58_F_SLI 0x20
/* limits */
#define DIAG58_LINES  22 /* lines of the output area */
#define DIAG58_COLS   80
#define DIAG58_MAXCNT 1760 /* bytes of one display (X'19') */
#define DIAG58_FSMAX  4096 /* bytes of one full-screen write or read */
#define DIAG58_MAXCCW 64   /* CCWs of one DIAGNOSE */
/* condition codes */
#define DIAG58_CC_OK      0
#define DIAG58_CC_NOINPUT 1 /* X'2A': no input is waiting */
#define DIAG58_CC_NOTFS   2 /* X'29', X'2A': the screen is not the program's */
#define DIAG58_CC_TTY     3 /* the console is on a typewriter terminal */

/* ---------------------------------------------------------------- X'5C' */
#define DIAG5C_CODELEN 10 /* "DMSmmmnnns" */

/* ---------------------------------------------------------------- X'64' */
#define DIAG64_LOADSHR  0x00
#define DIAG64_LOADNSHR 0x04
#define DIAG64_PURGE    0x08
#define DIAG64_FIND     0x0C
#define DIAG64_RC_NOSEG 44 /* Ry with cc 2 */
#define DIAG64_RC_IOERR 177

/* ---------------------------------------------------------------- X'8C' */
#define DIAG8C_FLAGS    0  /* 1 */
#define DIAG8C_COLOURS  1  /* 1 */
#define DIAG8C_COLS     2  /* 2 */
#define DIAG8C_ROWS     4  /* 2 */
#define DIAG8C_MODEL    6  /* 2 */
#define DIAG8C_DEVTYPE  8  /* 2 */
#define DIAG8C_OUTLINES 10 /* 1 */
#define DIAG8C_INLINES  11 /* 1 */
#define DIAG8C_RES      12 /* 4 */
#define DIAG8C_SIZE     16
#define DIAG8C_F_COLOUR 0x80
#define DIAG8C_F_HILITE 0x40
#define DIAG8C_F_PS     0x20
#define DIAG8C_CC_OK    0
#define DIAG8C_CC_NOTDS 2
#define DIAG8C_CC_NOCON 3

/* ---------------------------------------------------------------- X'250' */
/* Ry on entry */
#define BIO_FN_INIT   0
#define BIO_FN_RW     1
#define BIO_FN_REMOVE 2
/* common */
#define BIO_DEVNO       0  /* 2 */
#define BIO_FLAGS       2  /* 1  zero */
#define BIO_RES0        3  /* 1  zero */
#define BIO_SIZE        32 /* INIT and READ/WRITE */
#define BIO_REMOVE_SIZE 8
/* INIT */
#define BIOI_BLKSIZE   4  /* 4 */
#define BIOI_NBLOCKS   8  /* 4  returned */
#define BIOI_BLKPTRK   12 /* 4  returned */
#define BIOI_RFLAGS    16 /* 1  returned: BIOI_RF_* */
#define BIOI_RES       17 /* 15 */
#define BIOI_RF_RDONLY 0x80
/* READ/WRITE */
#define BIOR_KEY      4  /* 1  key in bits 0-3 */
#define BIOR_RFLAGS   5  /* 1  zero */
#define BIOR_RES1     6  /* 2 */
#define BIOR_COUNT    8  /* 4 */
#define BIOR_LIST     12 /* 4 */
#define BIOR_RES2     16 /* 16 */
#define BIOR_MAXCOUNT 256
/* a block entry */
#define BIOE_TYPE      0  /* 1  BIOE_T_* */
#define BIOE_STATUS    1  /* 1  returned: BIOE_S_* */
#define BIOE_RES0      2  /* 2 */
#define BIOE_BLOCK     4  /* 4  1..N */
#define BIOE_RES1      8  /* 4 */
#define BIOE_BUFFER    12 /* 4 */
#define BIOE_SIZE      16
#define BIOE_T_WRITE   0x01
#define BIOE_T_READ    0x02
#define BIOE_S_OK      0
#define BIOE_S_RANGE   1
#define BIOE_S_RDONLY  2
#define BIOE_S_ADDR    3
#define BIOE_S_INVALID 4
#define BIOE_S_IOERR   5
#define BIOE_S_NOTDONE 6
/* return codes in Ry */
#define BIO_RC_OK       0
#define BIO_RC_RDONLY   4 /* INIT cc 0; READ/WRITE cc 1: an entry failed */
#define BIO_RC_ENTRY    4
#define BIO_RC_NODEV    8  /* cc 3 */
#define BIO_RC_NOTDASD  12 /* INIT cc 3 */
#define BIO_RC_NOTBOUND 12 /* READ/WRITE, REMOVE cc 2 */
#define BIO_RC_BLKSIZE  16 /* INIT cc 3 */
#define BIO_RC_COUNT    16 /* READ/WRITE cc 2 */
#define BIO_RC_RESERVED 20 /* cc 2 */
#define BIO_RC_BUSY     24 /* READ/WRITE cc 2 */

/* ---------------------------------------------------------------- the sizes hold */
_Static_assert(DIAG00_PPMAP + 8 == DIAG00_SIZE, "X'00' record");
_Static_assert(DIAG0C_TTIME + 8 == DIAG0C_SIZE, "X'0C' area");
_Static_assert(SFB_RES4 + 8 == SFB_SIZE && SFB_SIZE == 13 * 8, "X'14' descriptor");
_Static_assert(DIAG8C_RES + 4 == DIAG8C_SIZE, "X'8C' area");
_Static_assert(BIOI_RES + 15 == BIO_SIZE && BIOR_RES2 + 16 == BIO_SIZE, "X'250' BIOPL");
_Static_assert(BIOE_BUFFER + 4 == BIOE_SIZE, "X'250' block entry");

#endif
