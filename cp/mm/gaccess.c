/*
 * gaccess.c - guest storage accesses on behalf of simulated instructions
 * (see gaccess.h; System/370 Principles of Operation, "Protection" and
 * "Dynamic Address Translation").
 */
#include <string.h>
#include "hw/s370.h"
#include "mm/dat370.h"
#include "mm/gaccess.h"
#include "sim/insn.h"
#include "vm/vmblok.h"

static bool dat_on(const struct vmblok *vm)
{
    return vm->cpu.psw.ec && (vm->cpu.psw.sysmask & PSW370_EC_DAT);
}

static int xlate(struct vmblok *vm, uint32_t laddr, bool store, uint32_t *raddr, uint32_t *tea,
                 bool *segprot)
{
    laddr &= 0x00FFFFFF;
    *segprot = false;
    if (!dat_on(vm)) {
        *raddr = laddr;
        return laddr < vm->stor.size ? 0 : PGM_ADDRESSING;
    }
    struct dat370_result r;
    int pgm = dat370_translate(&vm->stor.ops, vm->cpu.cr[0], vm->cpu.cr[1], laddr, &r);
    if (pgm) {
        if (tea)
            *tea = r.tea;
        return pgm;
    }
    *raddr = r.raddr;
    *segprot = r.seg_protected;
    if (store && r.seg_protected)
        return PGM_PROTECTION;
    return r.raddr < vm->stor.size ? 0 : PGM_ADDRESSING;
}

int gacc_translate(struct vmblok *vm, uint32_t laddr, bool store, uint32_t *raddr, uint32_t *tea)
{
    bool sp;
    return xlate(vm, laddr, store, raddr, tea, &sp);
}

/* Key-controlled protection for one 2K block. */
static bool key_allows(struct vmblok *vm, uint32_t raddr, uint8_t key, bool store)
{
    if (key == 0)
        return true;
    uint8_t sk = gstor_key(&vm->stor, raddr);
    if ((sk >> 4) == key)
        return true;
    return !store && !(sk & 0x08);
}

/* Translate one 2K block's address and check its key: 0 and the real
 * address, or the program-interruption code. */
static int block(struct vmblok *vm, uint32_t a, uint8_t key, bool store, uint32_t *raddr,
                 uint32_t *tea)
{
    bool sp;
    int pgm = xlate(vm, a, store, raddr, tea, &sp);
    if (pgm)
        return pgm;
    return key_allows(vm, *raddr, key, store) ? 0 : PGM_PROTECTION;
}

static int move(struct vmblok *vm, uint32_t raddr, void *p, uint32_t n, bool store)
{
    return store ? vm->stor.ops.write(vm->stor.ops.ctx, raddr, p, n)
                 : vm->stor.ops.read(vm->stor.ops.ctx, raddr, p, n);
}

/* Check every 2K block of an access first, then move the data. */
static int access(struct vmblok *vm, uint32_t laddr, void *buf, uint32_t len, uint8_t key,
                  bool store, uint32_t *tea)
{
    uint32_t a = laddr & 0x00FFFFFF, raddr;
    uint32_t left = len;
    if (store && (vm->cpu.cr[0] & CR0_LOW_PROT) && a < 512)
        return PGM_PROTECTION;
    if ((a & 2047) + len <= 2048) {
        /* the common case: one 2K block, one translation */
        int pgm = block(vm, a, key, store, &raddr, tea);
        return pgm ? pgm : move(vm, raddr, buf, len, store);
    }
    while (left > 0) {
        int pgm = block(vm, a, key, store, &raddr, tea);
        if (pgm)
            return pgm;
        uint32_t n = 2048 - (a & 2047);
        if (n > left)
            n = left;
        left -= n;
        a = (a + n) & 0x00FFFFFF;
    }
    a = laddr & 0x00FFFFFF;
    uint8_t *p = buf;
    while (len > 0) {
        bool sp;
        xlate(vm, a, store, &raddr, NULL, &sp);
        uint32_t n = 2048 - (a & 2047);
        if (n > len)
            n = len;
        int rc = move(vm, raddr, p, n, store);
        if (rc)
            return rc;
        p += n;
        len -= n;
        a = (a + n) & 0x00FFFFFF;
    }
    return 0;
}

int gacc_fetch(struct vmblok *vm, uint32_t laddr, void *buf, uint32_t len, uint8_t key,
               uint32_t *tea)
{
    return access(vm, laddr, buf, len, key, false, tea);
}

int gacc_store(struct vmblok *vm, uint32_t laddr, const void *buf, uint32_t len, uint8_t key,
               uint32_t *tea)
{
    return access(vm, laddr, (void *)buf, len, key, true, tea);
}

int gacc_ifetch(struct vmblok *vm, uint32_t laddr, uint8_t out[6], uint32_t *tea)
{
    laddr &= 0x00FFFFFF;
    if ((laddr & 2047) <= 2048 - 6)
        return gacc_fetch(vm, laddr, out, 6, vm->cpu.psw.key, tea); /* one block: one access */
    int pgm = gacc_fetch(vm, laddr, out, 2, vm->cpu.psw.key, tea);
    if (pgm)
        return pgm;
    unsigned len = insn_length(out[0]);
    if (len > 2)
        pgm = gacc_fetch(vm, laddr + 2, out + 2, len - 2, vm->cpu.psw.key, tea);
    return pgm;
}

int greal_fetch(struct vmblok *vm, uint32_t raddr, void *buf, uint32_t len)
{
    return vm->stor.ops.read(vm->stor.ops.ctx, raddr, buf, len);
}

int greal_store(struct vmblok *vm, uint32_t raddr, const void *buf, uint32_t len)
{
    return vm->stor.ops.write(vm->stor.ops.ctx, raddr, buf, len);
}
