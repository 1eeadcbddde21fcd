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

/* SVC 203 codes (the halfword after the SVC; negative: error return). */
#define SVC203_DMSFREE 1 /* R0 doublewords -> R1 the block */
#define SVC203_DMSFRET 2 /* R0 doublewords, R1 the block */

#endif
