/*
 * cpu.h - every privileged instruction CP issues, as a static inline
 * function (z/Architecture Principles of Operation, SA22-7832). Nothing
 * outside cp/machine uses inline assembly.
 */
#ifndef CP_MACHINE_CPU_H
#define CP_MACHINE_CPU_H

#include <stdint.h>

/* z/Architecture PSW mask bits (first doubleword) */
#define PSW_PER     0x4000000000000000ULL
#define PSW_DAT     0x0400000000000000ULL
#define PSW_IO      0x0200000000000000ULL
#define PSW_EXT     0x0100000000000000ULL
#define PSW_MCHK    0x0004000000000000ULL
#define PSW_WAIT    0x0002000000000000ULL
#define PSW_PROBLEM 0x0001000000000000ULL
#define PSW_EA      0x0000000100000000ULL
#define PSW_BA      0x0000000080000000ULL
#define PSW_64      (PSW_EA | PSW_BA)

struct psw {
    uint64_t mask;
    uint64_t addr;
} __attribute__((aligned(8)));

/* Store Clock: the TOD clock (bit 51 = 1 microsecond). */
static inline uint64_t stck(void)
{
    uint64_t t;
    __asm__ volatile("stck %0" : "=Q"(t) : : "cc");
    return t;
}

/* The 16 access registers. S/370 has none, but SAR, EAR, LAM, STAM and
 * CPYA are unprivileged on the host: each machine gets its own set. */
static inline void stam_all(uint32_t ar[16])
{
    __asm__ volatile("stam 0,15,%0" : "=Q"(*(uint32_t(*)[16])ar));
}
static inline void lam_all(const uint32_t ar[16])
{
    __asm__ volatile("lam 0,15,%0" : : "Q"(*(const uint32_t(*)[16])ar));
}

static inline void sckc(uint64_t t) { __asm__ volatile("sckc %0" : : "Q"(t)); }

static inline void spt(uint64_t t) { __asm__ volatile("spt %0" : : "Q"(t)); }

static inline uint64_t stpt(void)
{
    uint64_t t;
    __asm__ volatile("stpt %0" : "=Q"(t));
    return t;
}

static inline uint64_t stctg(int cr)
{
    uint64_t v;
    switch (cr) {
#define STCTG(n)                                                                                   \
    case n: __asm__ volatile("stctg " #n "," #n ",%0" : "=Q"(v)); break;
        STCTG(0)
        STCTG(1) STCTG(2) STCTG(3) STCTG(6) STCTG(7) STCTG(8) STCTG(13) STCTG(14)
#undef STCTG
            default : v = 0;
    }
    return v;
}

static inline void lctlg(int cr, uint64_t v)
{
    switch (cr) {
#define LCTLG(n)                                                                                   \
    case n: __asm__ volatile("lctlg " #n "," #n ",%0" : : "Q"(v)); break;
        LCTLG(0) LCTLG(1) LCTLG(2) LCTLG(3) LCTLG(6) LCTLG(7) LCTLG(8) LCTLG(13) LCTLG(14)
#undef LCTLG
    }
}

static inline uint16_t stap(void)
{
    uint16_t a;
    __asm__ volatile("stap %0" : "=Q"(a));
    return a;
}

/* SIGNAL PROCESSOR; returns the condition code, status in *status. */
static inline int sigp(uint16_t cpu, uint8_t order, uint64_t parm, uint64_t *status)
{
    register uint64_t r1 __asm__("1") = parm;
    int cc;
    __asm__ volatile("sigp %1,%2,0(%3)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc), "+d"(r1)
                     : "d"((uint64_t)cpu), "a"((uint64_t)order)
                     : "cc");
    if (status)
        *status = r1;
    return cc;
}

/* ---------------------------------------------------------------- channel subsystem
 * Each takes the subsystem-identification word (0x0001nnnn) and returns
 * the condition code. */
static inline int stsch(uint32_t sid, void *schib)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("stsch 0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc)
                     : "d"(r1), "a"(schib)
                     : "cc", "memory");
    return cc;
}

static inline int msch(uint32_t sid, void *schib)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("msch 0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc)
                     : "d"(r1), "a"(schib)
                     : "cc", "memory");
    return cc;
}

static inline int ssch(uint32_t sid, void *orb)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("ssch 0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc)
                     : "d"(r1), "a"(orb)
                     : "cc", "memory");
    return cc;
}

static inline int tsch(uint32_t sid, void *irb)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("tsch 0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc)
                     : "d"(r1), "a"(irb)
                     : "cc", "memory");
    return cc;
}

static inline int csch(uint32_t sid)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("csch\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "d"(r1) : "cc", "memory");
    return cc;
}

static inline int hsch(uint32_t sid)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("hsch\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "d"(r1) : "cc", "memory");
    return cc;
}

/* TEST PENDING INTERRUPTION with operand 0: the interruption code goes to
 * lowcore 0xB8-0xC3. Returns 1 if an interruption was pending. */
static inline int tpi(void)
{
    int cc;
    __asm__ volatile("tpi 0\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : : "cc", "memory");
    return cc;
}

/* SERVICE CALL (SCLP); returns the condition code. */
static inline int servc(uint32_t command, void *sccb)
{
    int cc;
    __asm__ volatile(".insn rre,0xb2200000,%1,%2\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc)
                     : "d"((uint64_t)command), "a"(sccb)
                     : "cc", "memory");
    return cc;
}

/* Load a PSW; does not return. */
static inline void __attribute__((noreturn)) lpswe(const struct psw *p)
{
    __asm__ volatile("lpswe %0" : : "Q"(*p) : "memory");
    __builtin_unreachable();
}

/* Enter a disabled wait with a code in the address (the CP "wait state
 * code" an operator reads from the PSW). */
static inline void __attribute__((noreturn)) disabled_wait(uint64_t code)
{
    struct psw p = {PSW_64 | PSW_WAIT, code};
    lpswe(&p);
}

/* ---------------------------------------------------------------- storage keys and TLB */
/* SET STORAGE KEY EXTENDED: the 7-bit key (ACC, F, R, C in bits 56-62) of
 * the 4K frame at addr. */
static inline void sske(uint64_t addr, uint8_t key)
{
    __asm__ volatile("sske %0,%1" : : "d"((uint64_t)key), "a"(addr) : "memory");
}

/* INSERT STORAGE KEY EXTENDED */
static inline uint8_t iske(uint64_t addr)
{
    uint64_t k = 0;
    __asm__ volatile("iske %0,%1" : "+d"(k) : "a"(addr));
    return (uint8_t)k;
}

/* RESET REFERENCE BIT EXTENDED; returns the condition code (R and C before). */
static inline int rrbe(uint64_t addr)
{
    int cc;
    __asm__ volatile("rrbe 0,%1\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(addr) : "cc");
    return cc;
}

/* PURGE TLB (this CPU) */
static inline void ptlb(void) { __asm__ volatile("ptlb" : : : "memory"); }

/* ---------------------------------------------------------------- floating point */
/* The virtual machine's floating-point registers 0, 2, 4 and 6 (all a
 * S/370 has): CP itself never uses them (it is built soft-float), so they
 * stay loaded while the same virtual machine runs again. */
void fpregs_save(uint64_t fpr[16], uint32_t *fpc);
void fpregs_load(const uint64_t fpr[16], uint32_t fpc);

/* ---------------------------------------------------------------- running a guest */
/* Enter the guest whose registers are at LC_GUEST_REGS and whose real PSW
 * is at LC_GUEST_PSW (entry.S). Returns when an interruption ends it: the
 * class, with the guest's registers back at LC_GUEST_REGS and the old PSW
 * in the class's lowcore slot. */
#define EXIT_EXT 1
#define EXIT_IO  2
#define EXIT_PGM 3
#define EXIT_SVC 4
int run_guest(void);

/* The enabled wait of the dispatcher (entry.S): returns when an external
 * (CPU_WAIT_EXT) or I/O (CPU_WAIT_IO) interruption has been taken; the
 * interruption's lowcore fields are then valid and CP runs disabled again. */
#define CPU_WAIT_EXT 1
#define CPU_WAIT_IO  2
int cpu_wait(uint64_t psw_mask);

#endif
