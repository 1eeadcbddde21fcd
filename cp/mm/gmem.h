/*
 * gmem.h - a virtual machine's real storage, as portable code reaches it.
 *
 * CP's own guest-storage layer (mm/gstor.c) implements these operations
 * over the host frames that back a virtual machine; the host unit tests
 * implement them over an ordinary buffer. Portable modules (channel
 * program translation, S/370 DAT, instruction decoding) never touch guest
 * storage any other way.
 *
 * Addresses are guest real addresses (24 bits for a S/370). Operations
 * return 0, or a program-interruption code (PGM_ADDRESSING when any byte
 * lies beyond the guest's storage). No key checking happens here: callers
 * that must check keys ask for them with key().
 */
#ifndef CP_MM_GMEM_H
#define CP_MM_GMEM_H

#include <stdint.h>

struct gmem {
    void *ctx;
    uint32_t size; /* bytes of guest real storage */
    int (*read)(void *ctx, uint32_t raddr, void *buf, uint32_t len);
    int (*write)(void *ctx, uint32_t raddr, const void *buf, uint32_t len);
    /* The host real address of one guest byte, for a real channel program
     * that transfers to or from guest storage directly. The byte's whole
     * 2K block stays at that host address while the program runs. */
    int (*host_addr)(void *ctx, uint32_t raddr, uint64_t *haddr);
    /* The 7-bit storage key (ACC 4, F, R, C) of the 2K block holding raddr. */
    uint8_t (*key)(void *ctx, uint32_t raddr);
    /* Optional: true if the page holding raddr may not be stored into at
     * all (a shared segment's): a channel program's store is a protection
     * check whatever its key. */
    bool (*readonly)(void *ctx, uint32_t raddr);
};

#endif
