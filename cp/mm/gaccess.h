/*
 * gaccess.h - the one door to a virtual machine's storage for CP's
 * simulation of its instructions (≈ the TRANS macro and DMKVAT lookups).
 *
 * Logical addresses are what the guest's instruction named: virtual when
 * its EC-mode PSW has DAT on, real otherwise. Accesses are checked as the
 * CPU would check them: translation (segment and page translation
 * exceptions, with the translation-exception address left in *tea),
 * addressing, low-address protection (CR0 bit 3), segment protection and
 * key-controlled protection with the given access key. A store either
 * completes or stores nothing. Return 0 or the program-interruption code.
 */
#ifndef CP_MM_GACCESS_H
#define CP_MM_GACCESS_H

#include <stdbool.h>
#include <stdint.h>

struct vmblok;

/* Logical to real (DAT on: the guest's tables). */
int gacc_translate(struct vmblok *vm, uint32_t laddr, bool store, uint32_t *raddr,
                   uint32_t *tea);
int gacc_fetch(struct vmblok *vm, uint32_t laddr, void *buf, uint32_t len, uint8_t key,
               uint32_t *tea);
int gacc_store(struct vmblok *vm, uint32_t laddr, const void *buf, uint32_t len, uint8_t key,
               uint32_t *tea);
/* The instruction at a logical address (fetch protection applies). */
int gacc_ifetch(struct vmblok *vm, uint32_t laddr, uint8_t out[6], uint32_t *tea);

/* Guest real storage, no checks (CP's own bookkeeping in low storage). */
int greal_fetch(struct vmblok *vm, uint32_t raddr, void *buf, uint32_t len);
int greal_store(struct vmblok *vm, uint32_t raddr, const void *buf, uint32_t len);

#endif
