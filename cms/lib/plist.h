/*
 * plist.h - the parameter lists of CMS's program interface as bytes,
 * declared once for both sides: the nucleus that reads them
 * (cms/nucleus/svc.c, fsfunc.c) and the C runtime that builds them
 * (cms/lib). Layouts: reference vm370.md 5.6; docs/cms.md, "The program
 * interface". Names and file ids in them are EBCDIC, 8 bytes, blank padded.
 */
#ifndef CMS_LIB_PLIST_H
#define CMS_LIB_PLIST_H

/* A tokenised plist: 8-byte tokens, then this byte 8 times (the fence). */
#define PLIST_FENCE 0xFF

/* The FSCB: the plist of STATE, RDBUF, WRBUF, FINIS, ERASE (FSCBD). */
#define FSCB_COMM 0  /* CL8 the function */
#define FSCB_FN   8  /* CL8 */
#define FSCB_FT   16 /* CL8 */
#define FSCB_FM   24 /* CL2 letter, number */
#define FSCB_ITNO 26 /* H  record number, 0 = the next */
#define FSCB_BUFF 28 /* A  buffer; STATE: the FST copy's address comes back here */
#define FSCB_SIZE 32 /* F  buffer length */
#define FSCB_FV   36 /* CL1 record format F/V */
#define FSCB_FLG  37 /* X  flags */
#define FSCB_NOIT 38 /* H  records per call */
#define FSCB_NORD 40 /* F  bytes read (RDBUF) */
#define FSCB_LEN  44
#define FSCB_REPL 0x01 /* FSCBFLG: start a file that is not active anew (ours) */

/* FSTLIST (ours): fn ft fm as in an FSCB, then the address of a 40-byte
 * area for the next FST and the cursor (0 to start, in and out). */
#define FSTL_BUFF   28
#define FSTL_CURSOR 32
#define FSTL_LEN    36

/* TYPLIN, WAITRD: CL8 name, AL4(buffer), CL1 code, AL3(length).
 * ATTN: CL8 'ATTN', CL4 'FIFO'|'LIFO', AL1(length), AL3(line). */
#define CONPL_ADDR 8
#define CONPL_CODE 12
#define CONPL_LEN  12 /* the low 3 bytes of the word */
#define CONPL_SIZE 16

/* The nucleus functions our transient commands call (ours: R6's
 * transients read and changed NUCON and the ADTs directly, in the
 * nucleus key; ours run in the user key and ask). */

/* DISKINFO: CL8'DISKINFO', CL1 mode letter (X'00': look the disk up by
 * its address instead), X, H vaddr, A(area of DI_SIZE bytes). R15: 0; 24
 * invalid mode; 36 no disk accessed there; 2 area not writable. */
#define DIPL_MODE  8
#define DIPL_VADDR 10
#define DIPL_AREA  12
#define DIPL_LEN   16
/* The area (DISKINFO, and DISKFMT's geometry): */
#define DI_MODE   0  /* CL1 the mode letter (EBCDIC) */
#define DI_PARENT 1  /* CL1 the mode it extends, or blank */
#define DI_VADDR  2  /* H */
#define DI_TYPE   4  /* H the device type, X'3350' ... */
#define DI_FLAGS  6  /* X  below */
#define DI_LABEL  8  /* CL6 the label (EBCDIC) */
#define DI_CYL    16 /* F  cylinders the file system uses (DISKFMT: the minidisk's) */
#define DI_FILES  20 /* F */
#define DI_USED   24 /* F  800-byte blocks in use */
#define DI_LEFT   28 /* F */
#define DI_TOTAL  32 /* F */
#define DI_SIZE   36
#define DI_RDONLY 0x80 /* accessed read-only */
#define DI_LINKRW 0x40 /* the link is read/write */
#define DI_FILTER 0x20 /* only some files are seen (ACCESS fn ft fm) */

/* DISKACC: CL8'DISKACC', H vaddr, CL1 mode, CL1 parent (blank: none),
 * CL8 fn, CL8 ft (blank: every file), CL1 fm number ('*', blank or X'00':
 * every number but 0; a digit), X'00' x3. The disk at that mode is replaced.
 * R15: 0; 24 bad operands; DISKACC_* below. */
#define DAPL_VADDR      8
#define DAPL_MODE       10
#define DAPL_PARENT     11
#define DAPL_FN         12
#define DAPL_FT         20
#define DAPL_NUM        28
#define DAPL_LEN        32
#define DISKACC_NODEV   1 /* no such device, or not a DASD CMS knows */
#define DISKACC_NOTCMS  3 /* not formatted for CMS */
#define DISKACC_IOERR   4
#define DISKACC_CORRUPT 5 /* its directory is damaged */

/* DISKREL: CL8'DISKREL', CL1 mode. R15: 0; 24 invalid mode; 36 not
 * accessed; 40 its directory could not be written (in use). */
#define DRPL_MODE 8
#define DRPL_LEN  16

/* FSRENAME: CL8'FSRENAME', fn ft fm as an FSCB (CL8 CL8 CL2), then the
 * new CL8 fn, CL8 ft, CL2 fm (the same letter; a new number or blank).
 * R15: 0; 20 invalid character; 24 invalid mode (or another letter); 28
 * not found; 36 disk not accessed; 12 read-only; 8 the new id exists;
 * 100 a disk error. */
#define FSRN_NFN 26
#define FSRN_NFT 34
#define FSRN_NFM 42
#define FSRN_LEN 44

/* NUCON: CL8'NUCON', CL8 a setting to change (IMPCP, IMPEX, RDYMSG) or
 * blanks, CL8 its value (ON, OFF; SMSG, LMSG). R15: 0; 24 bad setting or
 * value. R0 = the settings after the call: */
#define NUPL_NAME  8
#define NUPL_VALUE 16
#define NUPL_LEN   24
#define NUC_IMPCP  0x80
#define NUC_IMPEX  0x40
#define NUC_SMSG   0x20 /* SET RDYMSG SMSG */
#define NUC_NOMSG  0x10 /* the EXEC that runs has &CONTROL NOMSG */

/* QRYSVC: CL8'QRYSVC': the nucleus types its SVC counts (QUERY SVC). */

/* DISKFMT: CL8'DISKFMT', H vaddr, CL1 what: 'G' geometry only, 'F'
 * format every track and make an empty file system, 'L' a new label,
 * 'R' the file system's size changed keeping its files; X, F cylinders
 * for the file system (0: all), CL6 label, XL2, A(area of DI_SIZE:
 * DI_TYPE, DI_FLAGS DI_LINKRW, DI_CYL of the minidisk). The disk must
 * not be accessed. R15: 0; 1 no such disk; 24 bad operands; 36
 * read-only; 8 (R) the files need more cylinders; 9 (R, L) not a CMS
 * disk; 100 I/O error; 104 no storage. */
#define DFPL_VADDR 8
#define DFPL_WHAT  10
#define DFPL_CYL   12
#define DFPL_LABEL 16
#define DFPL_AREA  24
#define DFPL_LEN   28

/* The unit-record functions (R6's names; the layouts are TYPLIN's):
 * CARDPH: CL8'CARDPH', AL4(card), CL1 X'00', AL3(length <= 80): one card
 *   punched on 00D (blank padded to 80).
 * PRINTR: CL8'PRINTR', AL4(line), CL1 the CCW command (X'00': X'09',
 *   write and space a line), AL3(length <= 132): one line printed on 00E.
 * CARDRD: CL8'CARDRD', AL4(buffer), CL1 X'00', AL3(size): the next card
 *   of the reader 00C; R0 = its length (80).
 * R15: 0; 2 bad buffer or length; 3 no such device; 8 (CARDRD) no file
 *   to read (intervention required); 12 (CARDRD) end of file; 100 an I/O
 *   error (unit check, channel status). */
#define UR_READER  0x00C
#define UR_PUNCH   0x00D
#define UR_PRINTER 0x00E
#define UR_CARD    80
#define UR_LINE    132

/* SVC 203 codes (the halfword after the SVC; negative: error return). */
#define SVC203_DMSFREE 1 /* R0 doublewords -> R1 the block */
#define SVC203_DMSFRET 2 /* R0 doublewords, R1 the block */

#endif
