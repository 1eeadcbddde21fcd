/*
 * diag_seg.c - DIAGNOSE X'64', named segments (≈ DMKATS): LOADSYS shared
 * and non-shared, PURGESYS, FINDSYS (diagnose/DIAGNOSE.md 3.16).
 *
 * Entry point: diag_x64. A named segment is a saved system of the
 * system specification (NAMESYS) loaded into a running machine at its own
 * addresses, without its registers and PSW (vm/savesys.c). A shared load
 * maps the system's SHARED segments read-only onto frames every machine
 * shares; the rest of its pages, and everything in a non-shared load, are
 * the machine's own copy.
 */
#include <string.h>
#include "console/ebcdic.h"
#include "diagnose/diag.h"
#include "hw/s370.h"
#include "mm/gaccess.h"
#include "sim/diagsim.h"
#include "vm/savesys.h"

static int result(struct simctx *s, int cc, unsigned rx, uint32_t vx, unsigned ry, uint32_t vy)
{
    sim_set_cc(s, cc);
    if (rx < 16)
        diag_set_reg(s, rx, vx);
    if (ry < 16)
        diag_set_reg(s, ry, vy);
    return 0;
}

static uint32_t rc_of(enum savesys_err e)
{
    return e == SAVESYS_IOERROR || e == SAVESYS_NOTMOUNTED ? DIAG64_RC_IOERR : DIAG64_RC_NOSEG;
}

int diag_x64(struct simctx *s, unsigned rx, unsigned ry)
{
    struct vmblok *vm = s->vm;
    uint32_t a = diag_addr(s, rx), sub = diag_reg(s, ry);
    if ((a & 7) || rx == ry ||
        (sub != DIAG64_LOADSHR && sub != DIAG64_LOADNSHR && sub != DIAG64_PURGE &&
         sub != DIAG64_FIND))
        return PGM_SPECIFICATION;
    uint8_t e[8];
    if ((uint64_t)a + 8 > vm->stor.size || greal_fetch(vm, a, e, 8) != 0)
        return PGM_ADDRESSING;
    char name[9];
    e2a(name, e, 8);
    name[8] = '\0';
    for (int i = 7; i >= 0 && name[i] == ' '; i--)
        name[i] = '\0';
    const struct vol_namesys *n = savesys_find(name);
    if (!n)
        return result(s, 2, 16, 0, ry, DIAG64_RC_NOSEG);
    uint32_t start = n->first * 4096u, last = start + n->npages * 4096u - 1;

    switch (sub) {
    case DIAG64_PURGE:
        if (savesys_purge_segment(vm, n))
            return result(s, 0, 16, 0, 16, 0);
        return result(s, savesys_find_segment(n) == SAVESYS_OK ? 1 : 2, 16, 0, ry, DIAG64_RC_NOSEG);
    case DIAG64_FIND: {
        if (savesys_segment_loaded(vm, n))
            return result(s, 0, rx, start, ry, last);
        enum savesys_err err = savesys_find_segment(n);
        if (err != SAVESYS_OK)
            return result(s, 2, 16, 0, ry, rc_of(err));
        return result(s, 1, rx, start, ry, last);
    }
    default: {
        bool overlap;
        uint32_t released;
        enum savesys_err err =
            savesys_load_segment(vm, n, sub == DIAG64_LOADSHR, &overlap, &released);
        if (err != SAVESYS_OK)
            return result(s, 2, 16, 0, ry, rc_of(err));
        if (overlap)
            return result(s, 1, rx, start, ry, released);
        return result(s, 0, rx, start, 16, 0);
    }
    }
}
