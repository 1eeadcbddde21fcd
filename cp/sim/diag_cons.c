/*
 * diag_cons.c - DIAGNOSE X'58', the 3270 virtual console interface
 * (≈ DMKHVC calling DMKGRF), diagnose/DIAGNOSE.md section 3.13.
 *
 * Entry point: diag_x58. Rx points to a chain of CCWs, Ry names the
 * virtual console. The whole chain is checked first (diag_rules.c:
 * diag58_parse) and any program interruption suppresses the instruction;
 * then each operation is done on the user's display through cons/graf.c:
 *   X'19' display: data in CP's output area (X'FF' erases that area,
 *         X'FE' the whole screen, which shows CP's layout again);
 *   X'29' full-screen write or erase/write, X'2A' full-screen read of
 *         the user's last input (VM/SP's forms; each alone in its chain).
 * A display never waits. A full-screen write while the previous one is
 * still going out to the display is run again when the machine is next
 * dispatched (diag_again), so a program cannot outrun its terminal.
 */
#include <string.h>
#include "cons/graf.h"
#include "cons/term.h"
#include "diagnose/diag.h"
#include "hw/s370.h"
#include "mm/gaccess.h"
#include "sim/diag_rules.h"
#include "sim/diagsim.h"
#include "vdev/vdev.h"

static int fetch_ccw(void *ctx, uint32_t addr, uint8_t out[8])
{
    return greal_fetch(ctx, addr, out, 8);
}

/* An operation's data, gathered from its data-chained CCWs. */
static int gather(struct vmblok *vm, const struct diag58_chain *c, const struct diag58_op *op,
                  uint8_t *buf)
{
    uint32_t off = 0;
    for (unsigned i = 0; i < op->nccw; i++) {
        const uint8_t *ccw = c->ccw[op->first + i];
        uint16_t n = diag58_count(ccw);
        int pgm = greal_fetch(vm, diag58_data(ccw), buf + off, n);
        if (pgm)
            return pgm;
        off += n;
    }
    return 0;
}

/* ... and spread back over them (X'2A'): len bytes. */
static int scatter(struct vmblok *vm, const struct diag58_chain *c, const struct diag58_op *op,
                   const uint8_t *buf, uint32_t len)
{
    for (unsigned i = 0; i < op->nccw && len; i++) {
        const uint8_t *ccw = c->ccw[op->first + i];
        uint32_t n = diag58_count(ccw) < len ? diag58_count(ccw) : len;
        int pgm = greal_store(vm, diag58_data(ccw), buf, n);
        if (pgm)
            return pgm;
        buf += n;
        len -= n;
    }
    return 0;
}

/* X'19': one display. */
static void display(struct term *t, const struct diag58_op *op, const uint8_t *data)
{
    static uint16_t cells[DIAG58_MAXCNT];
    if (op->ctl == DIAG58_CTL_CLEAR) {
        graf_display(t, true, 0, NULL, 0);
    } else if (op->ctl == DIAG58_CTL_REDRAW) {
        graf_redraw(t);
    } else {
        unsigned line = op->ctl & DIAG58_CTL_LINE;
        unsigned n = diag58_cells(data, op->total, line * DIAG58_COLS, cells);
        graf_display(t, (op->ctl & DIAG58_CTL_ERASE) != 0, line, cells, n);
    }
}

/* Rx: the CCWs; Ry: the console. cc 0 done; X'2A': cc 1 no input, Ry+1 =
 * the bytes stored; cc 2 the screen is not the program's (X'29', X'2A');
 * cc 3 a typewriter terminal. */
int diag_x58(struct simctx *s, unsigned rx, unsigned ry)
{
    static struct diag58_chain chain;
    static uint8_t data[DIAG58_FSMAX];
    struct vmblok *vm = s->vm;
    if (!vm->console || (diag_reg(s, ry) & 0xFFF) != vm->console->vaddr)
        return PGM_SPECIFICATION;
    int pgm = diag58_parse(diag_addr(s, rx), vm->stor.size, fetch_ccw, vm, &chain);
    if (pgm)
        return pgm;
    const struct diag58_op *op0 = &chain.op[0];
    if (op0->cmd == DIAG58_FSREAD && ry == 15)
        return PGM_SPECIFICATION; /* the count goes to Ry+1 */
    struct term *t = vm->term;    /* NULL while disconnected */
    if (t && !graf_is(t)) {
        if (op0->cmd == DIAG58_FSREAD)
            diag_set_reg(s, ry + 1, 0);
        sim_set_cc(s, DIAG58_CC_TTY);
        return 0;
    }

    if (op0->cmd == DIAG58_FSWRITE || op0->cmd == DIAG58_FSREAD) {
        enum graf_fs_rc rc = GRAF_FS_NOTFS;
        size_t n = 0;
        if (op0->cmd == DIAG58_FSWRITE) {
            if ((pgm = gather(vm, &chain, op0, data)) != 0)
                return pgm;
            if (t)
                rc = graf_fs_write(t, (op0->ctl & DIAG58_FS_ERASE) != 0,
                                   (op0->ctl & DIAG58_FS_PA1) != 0, data, op0->total);
        } else if (t) {
            rc = graf_fs_read(t, data, op0->total, &n);
            if (rc == GRAF_FS_DONE && (pgm = scatter(vm, &chain, op0, data, (uint32_t)n)) != 0)
                return pgm;
        }
        if (rc == GRAF_FS_BUSY) {
            diag_again(s);
            return 0;
        }
        if (op0->cmd == DIAG58_FSREAD)
            diag_set_reg(s, ry + 1, (uint32_t)n);
        sim_set_cc(s, rc == GRAF_FS_DONE      ? DIAG58_CC_OK
                      : rc == GRAF_FS_NOINPUT ? DIAG58_CC_NOINPUT
                                              : DIAG58_CC_NOTFS);
        return 0;
    }

    for (unsigned i = 0; i < chain.nop; i++) {
        const struct diag58_op *op = &chain.op[i];
        if (op->total && (pgm = gather(vm, &chain, op, data)) != 0)
            return pgm;
        if (t)
            display(t, op, data); /* disconnected: nobody to show it to */
    }
    sim_set_cc(s, DIAG58_CC_OK);
    return 0;
}
