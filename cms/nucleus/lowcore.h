/*
 * lowcore.h - fixed storage of the CMS nucleus (docs/cms.md, "Storage"):
 * the architecture's low storage and, from X'200', the nucleus's own
 * fixed fields (the role of R6's NUCON), with the stacks' places.
 * Included by C and by assembler.
 */
#ifndef CMS_NUCLEUS_LOWCORE_H
#define CMS_NUCLEUS_LOWCORE_H

#define LC_IPLDEV 0x02 /* the IPL device address */
#define LC_EXTOLD 0x18
#define LC_SVCOLD 0x20
#define LC_PGMOLD 0x28
#define LC_MCKOLD 0x30
#define LC_IOOLD  0x38
#define LC_CSW    0x40
#define LC_CAW    0x48
#define LC_EXTNEW 0x58
#define LC_SVCNEW 0x60
#define LC_PGMNEW 0x68
#define LC_MCKNEW 0x70
#define LC_IONEW  0x78

/* The nucleus's fixed fields. */
#define LC_IOSAVE   0x200 /* registers at an I/O interruption (64 bytes) */
#define LC_PGMSAVE  0x240 /* registers at a program interruption */
#define LC_SVCSAVE  0x280 /* registers at an SVC */
#define LC_WAITPSW  0x2C0 /* the enabled wait PSW of cms_wait */
#define LC_SVCRET   0x2C8 /* the PSW a nucleus level goes back to (start.S) */
#define LC_SVCDEPTH 0x2D0 /* nucleus levels (SVC, attention) in progress */
#define LC_SCRATCH  0x2D4 /* a byte for STNSM */

/* Stacks (segment 0, after the nucleus's data; docs/cms.md, "Storage"). */
#define CMS_DATA_LIMIT   0x6000 /* the nucleus's data and BSS end below */
#define CMS_SVCSTACK_LO  0x6000 /* X'6000'-X'9FFF': SVC levels, program checks */
#define CMS_SVCSTACK_TOP 0xA000
#define CMS_SVCREC       72     /* an SVC level's record: R0-R15, old PSW */
#define CMS_IRQSTACK_TOP 0xB000 /* X'A000'-X'AFFF': the I/O interruption handler */
#define CMS_STACK_TOP    0x10000 /* X'B000'-X'FFFF': the nucleus */

/* The nucleus image: data at X'2000', code at X'10000' (cms.ld). */
#define CMS_NUC_LOAD  0x2000
#define CMS_NUC_ENTRY 0x10000

/* After the shared segments, the transient area (one transient MODULE
 * at a time, which may run while a program is in the user area: R6's
 * X'E000'-X'FFFF', larger here for C programs), then the user program
 * area; free storage is taken from the top of storage down (free.c). */
#define CMS_TRANS_AREA 0x40000
#define CMS_TRANS_END  0x50000
#define CMS_USER_AREA  0x50000
#define CMS_USER_KEY  0xE0 /* the storage key of the user area, and programs' PSW key */

#endif
