/*
 * diag_cmd.c - DIAGNOSE X'08': CP commands from a program (≈ DMKHVC
 * calling DMKCFM), diagnose/DIAGNOSE.md section 3.3.
 *
 * Entry point: diag_x08. The text holds commands separated by X'15';
 * each runs through the command processor with the user's classes, its
 * response going to the terminal or, with flag X'40', to a buffer
 * (cmdctx.out is the capture hook: commands answer only through it). Ry
 * gets the last command's return code (the number of its error message).
 *
 * A command that stops, resets or logs off the machine ends the
 * instruction: the rest of the text is not run and nothing is stored,
 * since the program does not resume there. LOGOFF itself waits: while
 * the commands run vm->diag_cmd is set and user_logoff (cons/logon.c)
 * only stops the machine and queues the logoff, so the machine's blocks
 * stay valid until the instruction's simulation is over.
 */
#include <string.h>
#include "cmd/cmd.h"
#include "cons/term.h"
#include "diagnose/diag.h"
#include "hw/s370.h"
#include "mm/gaccess.h"
#include "sim/diag_rules.h"
#include "sim/diagsim.h"

static void to_buffer(struct cmdctx *c, uint8_t flags, const char *line)
{
    diag08_resp_line(c->outarg, line);
}

static void to_terminal(struct cmdctx *c, uint8_t flags, const char *line)
{
    if (c->vm->term) /* not c->term: a DISCONN among the commands takes it away */
        term_put(c->vm->term, flags, line);
}

static bool blank(const char *p)
{
    while (*p == ' ')
        p++;
    return *p == '\0';
}

/* Rx: the text; Ry: flags and length; Rx+1, Ry+1: the response buffer. */
int diag_x08(struct simctx *s, unsigned rx, unsigned ry)
{
    static uint8_t resp[DIAG08_MAXBUF];
    struct vmblok *vm = s->vm;
    uint32_t ryval = diag_reg(s, ry);
    if (ryval == 0)
        return 0; /* a no-operation */
    uint8_t flags = (uint8_t)(ryval >> 24);
    bool tobuf = (flags & DIAG08_RESPBUF) != 0;
    uint32_t buflen = tobuf ? diag_reg(s, ry + 1) : 0;
    int pgm = diag08_check_regs(rx, ry, ryval, buflen);
    if (pgm)
        return pgm;
    uint32_t ta = diag_addr(s, rx), tlen = ryval & 0x00FFFFFF;
    uint32_t ba = tobuf ? diag_addr(s, rx + 1) : 0;
    if (!diag_in_storage(ta, tlen, vm->stor.size) ||
        (tobuf && !diag_in_storage(ba, buflen, vm->stor.size)))
        return PGM_ADDRESSING;
    uint8_t text[DIAG08_MAXCMD];
    if (tlen && (pgm = greal_fetch(vm, ta, text, tlen)) != 0)
        return pgm;

    struct diag08_resp r = {.buf = resp, .cap = buflen};
    struct cmdctx c = {.term = vm->term,
                       .vm = vm,
                       .out = tobuf ? to_buffer : to_terminal,
                       .outarg = &r,
                       .diag08_flags = flags};
    char cmd[DIAG08_MAXCMD + 1];
    size_t pos = 0;
    int rc = 0;
    uint32_t resets = vm->resets;
    vm->diag_cmd = true;
    while (diag08_next_command(text, tlen, &pos, cmd, sizeof(cmd))) {
        if (blank(cmd))
            continue;
        c.term = vm->term;
        cmd_execute(&c, cmd);
        rc = c.rc;
        if (vm->state != VM_RUN || vm->resets != resets)
            break;
    }
    vm->diag_cmd = false;
    if (vm->state != VM_RUN || vm->resets != resets)
        return 0; /* stopped, reset or logging off: the instruction does not complete */
    if (tobuf) {
        uint32_t ry1;
        pgm = greal_store(vm, ba, resp, diag08_resp_stored(&r));
        if (pgm)
            return pgm;
        sim_set_cc(s, diag08_resp_result(&r, &ry1));
        diag_set_reg(s, ry + 1, ry1);
    }
    diag_set_reg(s, ry, (uint32_t)rc);
    return 0;
}
