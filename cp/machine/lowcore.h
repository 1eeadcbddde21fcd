/*
 * lowcore.h - CP's prefix area (z/Architecture lowcore, real 0-8191).
 *
 * The architected fields (z/Architecture Principles of Operation, "Assigned
 * Storage Locations") and CP's own save areas in the part the architecture
 * leaves to software (0x200-0x11FF). Used from C through lc_* accessors and
 * from the assembly stubs through the same offsets.
 */
#ifndef CP_MACHINE_LOWCORE_H
#define CP_MACHINE_LOWCORE_H

/* ---------------------------------------------------------------- architected */
#define LC_EXT_PARAM     0x080 /* external-interruption parameter (4) */
#define LC_EXT_CPU_ADDR  0x084 /* (2) */
#define LC_EXT_CODE      0x086 /* external-interruption code (2) */
#define LC_SVC_ILC       0x089
#define LC_SVC_CODE      0x08A
#define LC_PGM_ILC       0x08D
#define LC_PGM_CODE      0x08E /* program-interruption code (2) */
#define LC_DXC           0x093 /* data-exception code */
#define LC_TRANS_EXC_ID  0x0A8 /* translation-exception identification (8) */
#define LC_SUBCHANNEL_ID 0x0B8 /* I/O: subsystem-identification word (4) */
#define LC_IO_INT_PARM   0x0BC /* I/O: interruption parameter (4) */
#define LC_IO_INT_WORD   0x0C0 /* I/O: interruption-identification word (4) */
#define LC_RESTART_OLD   0x120
#define LC_EXT_OLD       0x130
#define LC_SVC_OLD       0x140
#define LC_PGM_OLD       0x150
#define LC_MCK_OLD       0x160
#define LC_IO_OLD        0x170
#define LC_RESTART_NEW   0x1A0
#define LC_EXT_NEW       0x1B0
#define LC_SVC_NEW       0x1C0
#define LC_PGM_NEW       0x1D0
#define LC_MCK_NEW       0x1E0
#define LC_IO_NEW        0x1F0

/* ---------------------------------------------------------------- CP's own (0x200-0x11FF) */
#define LC_IPL_SSID    0x200  /* subchannel of the IPL device, saved at entry (4) */
#define LC_WAIT_PSW    0x210  /* the enabled-wait PSW cpu_wait loads (16) */
#define LC_ABEND_PSW   0x220  /* old PSW of the interruption that abended CP (16) */
#define LC_ABEND_CODE  0x230  /* which: 1 pgm 2 svc 3 mck 4 restart 5 ext 6 I/O (4) */
#define LC_ABEND_REGS  0x280  /* CP's registers at the abend (128) */
#define LC_GUEST_REGS  0x300  /* a guest's general registers while it runs (128) */
#define LC_CP_SAVE     0x380  /* CP's registers 6-15 while a guest runs (80) */
#define LC_GUEST_PSW   0x3E0  /* the real PSW a guest is entered with (16) */
#define LC_FPC_TEMP    0x3F0  /* fpregs_load's FPC operand (4) */
#define LC_ABEND_STACK 0x1000 /* top of a small stack for the abend path (below: 0x800) */

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <string.h>

/* Lowcore is at real address 0 (CP runs with prefix 0 and DAT off). The
 * volatile pointer keeps the compiler from reasoning about address 0. */
static inline volatile uint8_t *lowcore(void)
{
    volatile uint8_t *p;
    __asm__("lghi %0,0" : "=d"(p));
    return p;
}

/* Blocks to and from low storage (one MVC: the guest's registers). */
static inline void lc_copy_in(unsigned off, const void *src, size_t len)
{
    memcpy((void *)(uintptr_t)(lowcore() + off), src, len);
}
static inline void lc_copy_out(void *dst, unsigned off, size_t len)
{
    memcpy(dst, (const void *)(uintptr_t)(lowcore() + off), len);
}

static inline uint8_t lc_get8(unsigned off) { return *(lowcore() + off); }
static inline uint16_t lc_get16(unsigned off) { return *(volatile uint16_t *)(lowcore() + off); }
static inline uint32_t lc_get32(unsigned off) { return *(volatile uint32_t *)(lowcore() + off); }
static inline uint64_t lc_get64(unsigned off) { return *(volatile uint64_t *)(lowcore() + off); }
static inline void lc_put32(unsigned off, uint32_t v)
{
    *(volatile uint32_t *)(lowcore() + off) = v;
}
static inline void lc_put64(unsigned off, uint64_t v)
{
    *(volatile uint64_t *)(lowcore() + off) = v;
}
#endif

#endif
