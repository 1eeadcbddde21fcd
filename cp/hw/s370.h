/*
 * s370.h - the System/370 formats a virtual machine sees (IBM System/370
 * Principles of Operation, GA22-7000): the PSW in BC and EC mode, the
 * assigned storage locations, interruption codes, control-register bits,
 * and the channel formats (CAW, format-0 CCW, CSW). Byte offsets and
 * masks only; portable (CP, tools and the host unit tests use it).
 * Bit numbers in comments are IBM's (bit 0 is the leftmost).
 */
#ifndef CP_HW_S370_H
#define CP_HW_S370_H

#include <stdbool.h>
#include <stdint.h>

/* ---------------------------------------------------------------- assigned storage locations */
#define PSA_IPL_PSW      0x000 /* restart new PSW after IPL */
#define PSA_RESTART_NEW  0x000
#define PSA_RESTART_OLD  0x008
#define PSA_IPL_CCW1     0x008
#define PSA_IPL_CCW2     0x010
#define PSA_EXT_OLD      0x018
#define PSA_SVC_OLD      0x020
#define PSA_PGM_OLD      0x028
#define PSA_MCK_OLD      0x030
#define PSA_IO_OLD       0x038
#define PSA_CSW          0x040
#define PSA_CAW          0x048
#define PSA_TIMER        0x050 /* interval timer */
#define PSA_EXT_NEW      0x058
#define PSA_SVC_NEW      0x060
#define PSA_PGM_NEW      0x068
#define PSA_MCK_NEW      0x070
#define PSA_IO_NEW       0x078
#define PSA_EXT_PARAM    0x080
#define PSA_EXT_CPUADDR  0x084
#define PSA_EXT_CODE     0x086 /* EC mode */
#define PSA_SVC_ILC      0x089 /* EC mode: ILC x 2 */
#define PSA_SVC_CODE     0x08A
#define PSA_PGM_ILC      0x08D
#define PSA_PGM_CODE     0x08E
#define PSA_TEA          0x090 /* translation-exception address, EC mode */
#define PSA_MON_CLASS    0x094
#define PSA_PER_CODE     0x096
#define PSA_PER_ADDR     0x098
#define PSA_MON_CODE     0x09C
#define PSA_CHANID       0x0A8 /* STIDC */
#define PSA_IO_ADDR      0x0BA /* EC mode: I/O address of an I/O interruption or IPL */
#define PSA_BC_IPL_ADDR  0x002 /* BC mode: I/O address of the IPL device */
#define PSA_TIMER_SAVE   0x0D8
#define PSA_CKC_SAVE     0x0E0
#define PSA_MCIC         0x0E8
#define PSA_FPR_SAVE     0x160
#define PSA_GPR_SAVE     0x180
#define PSA_CR_SAVE      0x1C0

/* ---------------------------------------------------------------- PSW (8 bytes) */
/* byte 0 */
#define PSW370_BC_CHMASK  0xFE /* BC: channel masks 0-6 (bit 6: channels 6 and up with CR2) */
#define PSW370_EC_PER     0x40 /* EC bit 1 */
#define PSW370_EC_DAT     0x04 /* EC bit 5 */
#define PSW370_EC_IO      0x02 /* EC bit 6 */
#define PSW370_EXT        0x01 /* bit 7, both modes */
/* byte 1 */
#define PSW370_KEY_MASK   0xF0
#define PSW370_EC         0x08 /* bit 12 */
#define PSW370_MCHECK     0x04 /* bit 13 */
#define PSW370_WAIT       0x02 /* bit 14 */
#define PSW370_PROBLEM    0x01 /* bit 15 */
/* EC byte 2 */
#define PSW370_EC_SS      0x80 /* bit 16: secondary space (DAS) */

/* A PSW decoded: what the simulators and the dispatcher work with. */
struct psw370 {
    uint8_t sysmask;  /* byte 0 */
    uint8_t key;      /* 0-15 */
    bool ec;
    bool mcheck, wait, problem;
    uint8_t cc;       /* 0-3 */
    uint8_t pm;       /* program mask, 4 bits */
    uint32_t addr;    /* 24 bits */
    /* BC mode only, stored in old PSWs */
    uint16_t intcode;
    uint8_t ilc;      /* in halfwords, 0-3 */
    bool ss;          /* EC bit 16 */
};

/* Encode and decode the 8-byte image. Decoding keeps every bit it can;
 * psw370_valid says whether a loaded PSW has a format error. */
void psw370_encode(const struct psw370 *p, uint8_t out[8]);
void psw370_decode(const uint8_t in[8], struct psw370 *p);
/* Early-recognized specification errors of a PSW about to become
 * current (EC bits 0, 2-4, 16, 17, 24-39 nonzero). */
bool psw370_valid(const uint8_t in[8]);
/* Enabled for I/O on a channel (0-31): BC channels 0-5 by PSW bits 0-5,
 * 6 and up by PSW bit 6 and CR2; EC by PSW bit 6 and CR2. */
bool psw370_io_enabled(const struct psw370 *p, uint32_t cr2, unsigned channel);

/* ---------------------------------------------------------------- program-interruption codes */
#define PGM_OPERATION       0x01
#define PGM_PRIVILEGED      0x02
#define PGM_EXECUTE         0x03
#define PGM_PROTECTION      0x04
#define PGM_ADDRESSING      0x05
#define PGM_SPECIFICATION   0x06
#define PGM_DATA            0x07
#define PGM_FIXED_OVERFLOW  0x08
#define PGM_FIXED_DIVIDE    0x09
#define PGM_DEC_OVERFLOW    0x0A
#define PGM_DEC_DIVIDE      0x0B
#define PGM_EXP_OVERFLOW    0x0C
#define PGM_EXP_UNDERFLOW   0x0D
#define PGM_SIGNIFICANCE    0x0E
#define PGM_FP_DIVIDE       0x0F
#define PGM_SEGMENT_TRANS   0x10
#define PGM_PAGE_TRANS      0x11
#define PGM_TRANS_SPEC      0x12
#define PGM_SPECIAL_OP      0x13
#define PGM_MONITOR         0x40
#define PGM_PER             0x80

/* ---------------------------------------------------------------- external-interruption codes */
#define EXT370_INTERVAL_TIMER 0x0080
#define EXT370_INTERRUPT_KEY  0x0040
#define EXT370_EXTERNAL_CALL  0x1202
#define EXT370_CLOCK_COMP     0x1004
#define EXT370_CPU_TIMER      0x1005

/* ---------------------------------------------------------------- control registers */
/* CR0 */
#define CR0_SSM_SUPPRESS   0x40000000u /* bit 1 */
#define CR0_LOW_PROT       0x10000000u /* bit 3 */
#define CR0_EXTRACT_AUTH   0x08000000u /* bit 4 */
#define CR0_TRANS_FORMAT   0x00F80000u /* bits 8-12 */
#define CR0_CKC_MASK       0x00000800u /* bit 20 */
#define CR0_CPUT_MASK      0x00000400u /* bit 21 */
#define CR0_ITIMER_MASK    0x00000080u /* bit 24 */
#define CR0_INTKEY_MASK    0x00000040u /* bit 25 */
#define CR0_EXTSIG_MASK    0x00000020u /* bit 26 */
#define CR0_EXTCALL_MASK   0x00002000u /* bit 18 */
#define CR0_INITIAL        0x000000E0u
#define CR2_INITIAL        0xFFFFFFFFu
#define CR14_INITIAL       0xC2000000u
#define CR15_INITIAL       0x00000200u

/* ---------------------------------------------------------------- channel formats */
/* CAW (4 bytes at 72): key bits 0-3, CCW address bits 8-31 */
#define CAW_KEY(caw)  ((uint8_t)((caw) >> 28))
#define CAW_ADDR(caw) ((caw)&0x00FFFFFFu)

/* Format-0 CCW (8 bytes): command, data address (24 bits), flags, 0, count */
#define CCW0_CMD   0
#define CCW0_ADDR  1 /* 3 bytes */
#define CCW0_FLAGS 4
#define CCW0_COUNT 6 /* 2 bytes */
#define CCWF_CD    0x80
#define CCWF_CC    0x40
#define CCWF_SLI   0x20
#define CCWF_SKIP  0x10
#define CCWF_PCI   0x08
#define CCWF_IDA   0x04
#define CCWF_SUSP  0x02
#define CCWF_ZERO  0x01 /* bit 39 must be zero */

/* CSW (8 bytes at 64): key(4 bits) flags, CCW address (3), unit status,
 * channel status, residual count (2) */
#define CSW_KEYFLAGS 0
#define CSW_CCWADDR  1
#define CSW_USTAT    4
#define CSW_CSTAT    5
#define CSW_COUNT    6

/* unit status */
#define US_ATTN 0x80
#define US_SM   0x40
#define US_CUE  0x20
#define US_BUSY 0x10
#define US_CE   0x08
#define US_DE   0x04
#define US_UC   0x02
#define US_UX   0x01
/* channel status */
#define CS_PCI    0x80
#define CS_IL     0x40
#define CS_PROG   0x20
#define CS_PROT   0x10
#define CS_CDATA  0x08
#define CS_CCTL   0x04
#define CS_ICTL   0x02
#define CS_CHAIN  0x01

/* Command classes of a CCW command byte */
static inline bool ccw_is_tic(uint8_t cmd) { return (cmd & 0x0F) == 0x08; }
static inline bool ccw_is_invalid(uint8_t cmd) { return (cmd & 0x0F) == 0x00; }
static inline bool ccw_is_write(uint8_t cmd) { return (cmd & 0x03) == 0x01; }
static inline bool ccw_is_read(uint8_t cmd) { return (cmd & 0x03) == 0x02; }
static inline bool ccw_is_readback(uint8_t cmd) { return (cmd & 0x0F) == 0x0C; }
static inline bool ccw_is_control(uint8_t cmd) { return (cmd & 0x03) == 0x03; }
static inline bool ccw_is_sense(uint8_t cmd) { return (cmd & 0x0F) == 0x04; }

#endif
