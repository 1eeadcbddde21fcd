/*
 * diagcall.h - DIAGNOSE from a C program running in a virtual machine:
 * one static inline function per code (diagnose/DIAGNOSE.md).
 *
 * For programs in the virtual machine's supervisor state (CMS, stand-alone
 * programs), compiled for s390 (-m31 for CMS). Addresses are guest real:
 * with the machine's DAT off they are the program's own pointers. Each
 * function pins the registers the code uses as a pair (Rx+1, Ry+1) and
 * returns the condition code where the code sets one. The formats are in
 * diag.h, which the host can include as well; this header only on s390.
 */
#ifndef DIAGNOSE_DIAGCALL_H
#define DIAGNOSE_DIAGCALL_H

#if !defined(__s390__) && !defined(__s390x__)
#error "diagcall.h is for programs in a virtual machine (s390)"
#endif

#include <stdint.h>
#include "diagnose/diag.h"

/* DIAGNOSE Rx,Ry,code; then the condition code into cc. */
#define DIAG_INSN(code)                                                                            \
    ".insn rs,0x83000000,%[rx],%[ry]," #code "(%%r0)\n"                                            \
    "\tipm %[cc]\n"                                                                                \
    "\tsrl %[cc],28\n"

typedef unsigned long diag_reg; /* a general register: 32 bits with -m31 */

static inline diag_reg diag_addr(const volatile void *p) { return (diag_reg)(uintptr_t)p; }

/* The common form: Rx (R2) and Ry (R3) in, only the condition code out. */
#define DIAG_RR(code, x, y)                                                                        \
    __extension__({                                                                                \
        register diag_reg rx_ __asm__("2") = (x);                                                  \
        register diag_reg ry_ __asm__("3") = (y);                                                  \
        int cc_;                                                                                   \
        __asm__ volatile(DIAG_INSN(code)                                                           \
                         : [cc] "=&d"(cc_)                                                         \
                         : [rx] "d"(rx_), [ry] "d"(ry_)                                            \
                         : "cc", "memory");                                                        \
        cc_;                                                                                       \
    })

/* X'00': store up to len bytes of the identification at buf (doubleword aligned). */
static inline void diag_ident(void *buf, unsigned len)
{
    (void)DIAG_RR(0x000, diag_addr(buf), len);
}

/* X'04' (class C or E): result[i] = the fullword at host real address list[i]. */
static inline void diag_examine(const uint32_t *list, unsigned n, uint32_t *result)
{
    register diag_reg rx __asm__("2") = diag_addr(list);
    register diag_reg ry __asm__("4") = n;
    register diag_reg ry1 __asm__("5") = diag_addr(result);
    int cc;
    __asm__ volatile(DIAG_INSN(0x004)
                     : [cc] "=&d"(cc)
                     : [rx] "d"(rx), [ry] "d"(ry), "d"(ry1)
                     : "cc", "memory");
    (void)cc;
}

/* X'08' with a response buffer: run the commands in cmd (len bytes,
 * EBCDIC, X'15' between commands). Returns the condition code: 0, and
 * *count = the response length; 1, the buffer was too small, and *count =
 * the bytes that did not fit. *rc = the last command's return code. */
static inline int diag_cp_command_count(const void *cmd, unsigned len, void *buf, unsigned buflen,
                                        unsigned *rc, unsigned *count)
{
    register diag_reg rx __asm__("2") = diag_addr(cmd);
    register diag_reg rx1 __asm__("3") = diag_addr(buf);
    register diag_reg ry __asm__("4") = ((diag_reg)DIAG08_RESPBUF << 24) | len;
    register diag_reg ry1 __asm__("5") = buflen;
    int cc;
    __asm__ volatile(DIAG_INSN(0x008)
                     : [cc] "=&d"(cc), [ry] "+d"(ry), "+d"(ry1)
                     : [rx] "d"(rx), "d"(rx1)
                     : "cc", "memory");
    *rc = (unsigned)ry;
    *count = (unsigned)ry1;
    return cc;
}

/* X'08', the short form: the response length, or -1 when it did not fit
 * (the buffer then holds its first buflen bytes). */
static inline int diag_cp_command(const void *cmd, unsigned len, void *buf, unsigned buflen,
                                  unsigned *rc)
{
    unsigned count;
    return diag_cp_command_count(cmd, len, buf, buflen, rc, &count) == 0 ? (int)count : -1;
}

/* X'08' without a buffer: the response goes to the terminal. Returns the
 * return code. */
static inline unsigned diag_cp_command_show(const void *cmd, unsigned len)
{
    register diag_reg rx __asm__("2") = diag_addr(cmd);
    register diag_reg ry __asm__("4") = len;
    int cc;
    __asm__ volatile(DIAG_INSN(0x008)
                     : [cc] "=&d"(cc), [ry] "+d"(ry)
                     : [rx] "d"(rx)
                     : "cc", "memory");
    (void)cc;
    return (unsigned)ry;
}

/* X'0C': date, time, virtual and total CPU time into area (32 bytes, doubleword aligned). */
static inline void diag_timer(void *area) { (void)DIAG_RR(0x00C, diag_addr(area), 0); }

/* X'10': release the pages first..last (page-aligned addresses). */
static inline void diag_release(uint32_t first, uint32_t last)
{
    (void)DIAG_RR(0x010, first, last);
}

/* X'14': reader vaddr, subcode, operand rx. Returns the condition code;
 * with cc 3, *reason = the reason code. */
static inline int diag_spool_reader(unsigned vaddr, unsigned subcode, diag_reg operand,
                                    unsigned *reason)
{
    register diag_reg rx __asm__("2") = operand;
    register diag_reg ry __asm__("4") = vaddr;
    register diag_reg ry1 __asm__("5") = subcode;
    int cc;
    __asm__ volatile(DIAG_INSN(0x014)
                     : [cc] "=&d"(cc), "+d"(ry1)
                     : [rx] "d"(rx), [ry] "d"(ry)
                     : "cc", "memory");
    *reason = (unsigned)ry1;
    return cc;
}

/* X'18': run the DASD channel program at ccws (nrw READ/WRITE CCWs) on
 * vaddr. Returns the condition code, *r15 = the code in R15. R15 is the
 * stack pointer of C code: the asm gives it the count and takes it back. */
static inline int diag_dasd_io(unsigned vaddr, const void *ccws, unsigned nrw, unsigned *r15)
{
    register diag_reg rx __asm__("2") = vaddr;
    register diag_reg ry __asm__("3") = diag_addr(ccws);
    diag_reg n = nrw, save;
    int cc;
    __asm__ volatile("lr %[save],%%r15\n"
                     "\tlr %%r15,%[n]\n"
                     "\t" DIAG_INSN(0x018) "\tlr %[n],%%r15\n"
                                           "\tlr %%r15,%[save]\n"
                     : [cc] "=&d"(cc), [n] "+&d"(n), [save] "=&d"(save)
                     : [rx] "d"(rx), [ry] "d"(ry)
                     : "cc", "memory");
    *r15 = (unsigned)n;
    return cc;
}

/* X'1C' (class F): how = DIAG1C_KEEPFRAMES or DIAG1C_ALL. */
static inline void diag_clear_errrec(unsigned how) { (void)DIAG_RR(0x01C, how, 0); }

/* X'20': run the channel program at ccws on vaddr with key (0-15),
 * synchronously. Returns the condition code, *r15 its code, *sense the
 * first two sense bytes after cc 3. The CSW is at X'40'. */
static inline int diag_general_io(unsigned vaddr, const void *ccws, unsigned key, unsigned *r15,
                                  unsigned *sense)
{
    register diag_reg rx __asm__("2") = vaddr;
    register diag_reg ry __asm__("3") = ((diag_reg)key << 28) | diag_addr(ccws);
    diag_reg n = 0, save;
    int cc;
    __asm__ volatile("lr %[save],%%r15\n"
                     "\tlr %%r15,%[n]\n"
                     "\t" DIAG_INSN(0x020) "\tlr %[n],%%r15\n"
                                           "\tlr %%r15,%[save]\n"
                     : [cc] "=&d"(cc), [n] "+&d"(n), [save] "=&d"(save), [ry] "+d"(ry)
                     : [rx] "d"(rx)
                     : "cc", "memory");
    *r15 = (unsigned)n;
    *sense = (unsigned)ry & 0xFFFF;
    return cc;
}

/* X'24' with Rx = *rx (a device address, or -1 for the console; with -1
 * it comes back as the terminal code and the console's address). Returns
 * the condition code: 0 both words set, 2 only *vinfo, 3 no such device. */
static inline int diag_devtype_rx(diag_reg *rxio, uint32_t *vinfo, uint32_t *rinfo)
{
    register diag_reg rx __asm__("2") = *rxio;
    register diag_reg ry __asm__("4") = 0;
    register diag_reg ry1 __asm__("5") = 0;
    int cc;
    __asm__ volatile(DIAG_INSN(0x024)
                     : [cc] "=&d"(cc), [ry] "+d"(ry), "+d"(ry1), [rx] "+d"(rx)
                     :
                     : "cc", "memory");
    *rxio = rx;
    *vinfo = (uint32_t)ry;
    *rinfo = (uint32_t)ry1;
    return cc;
}

/* X'24': the virtual device vaddr. */
static inline int diag_devtype(unsigned vaddr, uint32_t *vinfo, uint32_t *rinfo)
{
    diag_reg rx = vaddr;
    return diag_devtype_rx(&rx, vinfo, rinfo);
}

/* X'24' with -1: the virtual console; *rxout = terminal code and address. */
static inline int diag_devtype_console(uint32_t *rxout, uint32_t *vinfo, uint32_t *rinfo)
{
    diag_reg rx = DIAG24_CONSOLE;
    int cc = diag_devtype_rx(&rx, vinfo, rinfo);
    *rxout = (uint32_t)rx;
    return cc;
}

/* X'3C' (class A, B, C): volser, 6 EBCDIC characters. Returns the condition code. */
static inline int diag_directory_update(const uint8_t volser[6])
{
    return DIAG_RR(0x03C,
                   (diag_reg)volser[0] << 24 | (diag_reg)volser[1] << 16 |
                       (diag_reg)volser[2] << 8 | volser[3],
                   (diag_reg)volser[4] << 24 | (diag_reg)volser[5] << 16);
}

/* X'54': on nonzero, PA2 gives an external interruption; zero, it clears. */
static inline void diag_pa2(int external) { (void)DIAG_RR(0x054, external != 0, 0); }

/* X'58': the CCWs (doubleword aligned: X'19' displays, or one X'29'
 * full-screen write) on the console at vaddr. Returns the condition code. */
static inline int diag_display(const void *ccws, unsigned vaddr)
{
    return DIAG_RR(0x058, diag_addr(ccws), vaddr);
}

/* X'58' with one X'2A' full-screen read: *count = the bytes read. Returns
 * the condition code (1: no input yet, 2: the screen is CP's). */
static inline int diag_display_read(const void *ccws, unsigned vaddr, unsigned *count)
{
    register diag_reg rx __asm__("2") = diag_addr(ccws);
    register diag_reg ry __asm__("4") = vaddr;
    register diag_reg ry1 __asm__("5") = 0;
    int cc;
    __asm__ volatile(DIAG_INSN(0x058)
                     : [cc] "=&d"(cc), "+d"(ry1)
                     : [rx] "d"(rx), [ry] "d"(ry)
                     : "cc", "memory");
    *count = (unsigned)ry1;
    return cc;
}

/* X'5C': edit a message per SET EMSG: *msg and *len become what to write. */
static inline void diag_edit_emsg(const char **msg, unsigned *len)
{
    register diag_reg rx __asm__("2") = diag_addr(*msg);
    register diag_reg ry __asm__("3") = *len;
    int cc;
    __asm__ volatile(DIAG_INSN(0x05C) : [cc] "=&d"(cc), [rx] "+d"(rx), [ry] "+d"(ry) : : "cc");
    (void)cc;
    *msg = (const char *)(uintptr_t)rx;
    *len = (unsigned)ry;
}

/* X'60': the machine's storage size in bytes. */
static inline uint32_t diag_storage_size(void)
{
    register diag_reg rx __asm__("2") = 0;
    register diag_reg ry __asm__("3") = 0;
    int cc;
    __asm__ volatile(DIAG_INSN(0x060) : [cc] "=&d"(cc), [rx] "+d"(rx) : [ry] "d"(ry) : "cc");
    (void)cc;
    return (uint32_t)rx;
}

/* X'64': name (8 characters, doubleword aligned), subcode DIAG64_*.
 * Returns the condition code; *rxout and *ryout as the code sets them. */
static inline int diag_segment(const void *name, unsigned subcode, uint32_t *rxout, uint32_t *ryout)
{
    register diag_reg rx __asm__("2") = diag_addr(name);
    register diag_reg ry __asm__("3") = subcode;
    int cc;
    __asm__ volatile(DIAG_INSN(0x064)
                     : [cc] "=&d"(cc), [rx] "+d"(rx), [ry] "+d"(ry)
                     :
                     : "cc", "memory");
    *rxout = (uint32_t)rx;
    *ryout = (uint32_t)ry;
    return cc;
}

/* X'8C': the console's 3270 characteristics, up to len bytes at buf. */
static inline int diag_terminal(void *buf, unsigned len)
{
    return DIAG_RR(0x08C, diag_addr(buf), len);
}

/* X'250': function BIO_FN_* with the BIOPL at biopl (doubleword aligned).
 * Returns the condition code, *rc = the return code. */
static inline int diag_block_io(void *biopl, unsigned fn, unsigned *rc)
{
    register diag_reg rx __asm__("2") = diag_addr(biopl);
    register diag_reg ry __asm__("3") = fn;
    int cc;
    __asm__ volatile(DIAG_INSN(0x250)
                     : [cc] "=&d"(cc), [ry] "+d"(ry)
                     : [rx] "d"(rx)
                     : "cc", "memory");
    *rc = (unsigned)ry;
    return cc;
}

#endif
