/*
 * abend.c - when CP itself fails (≈ DMKDMP): a program check, SVC,
 * machine check or restart while CP was running, or an unusable system.
 *
 * Entry points: cp_abend (from entry.S, on the abend stack, with the old
 * PSW and CP's registers saved in lowcore) and cp_fatal. The abend writes
 * a readable report to the system console synchronously - the failing
 * PSW, the interruption code, every register, and the return addresses
 * of the stack (CP is built with the back chain), which tools/cpcms dump
 * turns into function names with build/cp/cp.map - then stops with wait
 * code X'908'.
 */
#include <stdio.h>
#include <string.h>
#include "cons/term.h"
#include "cons/tty.h"
#include "io/ios.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "kern/work.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "machine/lowcore.h"

void cp_abend(void);

static const char *const kinds[] = {"", "PRG", "SVC", "MCK", "RST", "EXT", "IOI"};

/* A line of the report: on a typewriter system console directly, else to
 * the hardware console (a 3270 cannot be trusted to be connected). */
static void say(const char *line)
{
    struct term *sc = term_syscons();
    if (sc && sc->rdev->cls == RDEV_TERM3215)
        tty_emergency_write(sc->rdev, line);
    else
        sclp_message(line);
}

void cp_abend(void)
{
    char line[128];
    uint32_t kind = lc_get32(LC_ABEND_CODE);
    uint64_t mask = lc_get64(LC_ABEND_PSW), addr = lc_get64(LC_ABEND_PSW + 8);
    uint64_t regs[16];
    for (int i = 0; i < 16; i++)
        regs[i] = lc_get64(LC_ABEND_REGS + 8 * i);
    unsigned code = kind == 1 ? lc_get16(LC_PGM_CODE) : 0;
    snprintf(line, sizeof(line), "DMKDMP908I SYSTEM FAILURE, CODE - %s%03X",
             kind < 7 ? kinds[kind] : "???", code);
    say(line);
    snprintf(line, sizeof(line), "PSW = %016llX %016llX", (unsigned long long)mask,
             (unsigned long long)addr);
    say(line);
    for (int i = 0; i < 16; i += 4) {
        snprintf(line, sizeof(line), "GR%-2d %016llX %016llX %016llX %016llX", i,
                 (unsigned long long)regs[i], (unsigned long long)regs[i + 1],
                 (unsigned long long)regs[i + 2], (unsigned long long)regs[i + 3]);
        say(line);
    }
    /* return addresses along the back chain */
    uint64_t sp = regs[15];
    extern char cp_stack[], cp_stack_top[];
    for (int depth = 0; depth < 16; depth++) {
        if (sp < (uint64_t)(uintptr_t)cp_stack || sp + 160 > (uint64_t)(uintptr_t)cp_stack_top)
            break;
        uint64_t ret = *(uint64_t *)(uintptr_t)(sp + 112);
        snprintf(line, sizeof(line), "CALLED FROM %016llX", (unsigned long long)ret);
        say(line);
        sp = *(uint64_t *)(uintptr_t)sp;
        if (sp == 0)
            break;
    }
    for (int i = 5; i >= 0; i--) {
        const char *l = log_recent(i);
        if (l) {
            snprintf(line, sizeof(line), "LOG: %s", l);
            say(line);
        }
    }
    disabled_wait(WAIT_ABEND);
}

void cp_fatal(uint64_t code)
{
    uint64_t limit = stck() + TOD_SEC(2);
    struct term *sc = term_syscons();
    while (sc && stck() < limit) {
        work_run();
        if (!term_peek(sc) && !sc->rdev->active)
            break;
        sckc(limit);
        if (cpu_wait(PSW_64 | PSW_IO | PSW_EXT | PSW_WAIT) == CPU_WAIT_IO)
            ios_interrupt(lc_get32(LC_SUBCHANNEL_ID));
    }
    disabled_wait(code);
}
