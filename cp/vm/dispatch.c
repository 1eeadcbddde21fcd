/*
 * dispatch.c - CP's one loop (≈ DMKDSP): take an event, act on it, run a
 * virtual machine, and wait when there is nothing to do.
 *
 * CP runs disabled. Each turn runs the expired timers and the deferred
 * work and advances a shutdown in progress; then the first machine on the
 * run queue gets a time slice: its pending interruptions are presented,
 * a wait state takes it off the queue, and otherwise it is entered in host
 * problem state (run_guest) until an interruption brings CP back: the
 * slice ended (CPU timer), a device or the clock needs CP, or the guest
 * did something CP must simulate or reflect. A machine still runnable
 * goes to the end of the queue, so machines share the CPU evenly. With no
 * machine to run, CP waits enabled for I/O and external interruptions.
 */
#include <stdint.h>
#include <stdio.h>
#include "cons/vcons.h"
#include "io/ios.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "kern/shutdown.h"
#include "kern/timer.h"
#include "kern/work.h"
#include "machine/cpu.h"
#include "machine/lowcore.h"
#include "mm/shadow.h"
#include "sim/sim.h"
#include "vm/dispatch.h"
#include "vm/machine.h"
#include "vm/reflect.h"
#include "vm/vmblok.h"
#include "vm/vtimer.h"

static struct vmblok *runq_head, *runq_tail;
static struct vmblok *fp_owner; /* whose floating-point and access registers are loaded */
static uint64_t cr8_loaded;
static uint64_t cr1_loaded; /* what the host's CR1 holds */
static struct dispatch_stats stats;

void dispatch_get_stats(struct dispatch_stats *st) { *st = stats; }

/* ---------------------------------------------------------------- the run queue */

static void enqueue(struct vmblok *vm)
{
    if (vm->on_runq)
        return;
    vm->on_runq = true;
    vm->runq_next = NULL;
    if (runq_tail)
        runq_tail->runq_next = vm;
    else
        runq_head = vm;
    runq_tail = vm;
}

static void dequeue(struct vmblok *vm)
{
    if (!vm->on_runq)
        return;
    struct vmblok *prev = NULL;
    for (struct vmblok *p = runq_head; p; prev = p, p = p->runq_next) {
        if (p == vm) {
            if (prev)
                prev->runq_next = p->runq_next;
            else
                runq_head = p->runq_next;
            if (runq_tail == p)
                runq_tail = prev;
            break;
        }
    }
    vm->on_runq = false;
    vm->runq_next = NULL;
}

void vm_wake(struct vmblok *vm)
{
    if (vm->state == VM_WAIT && vm_interruption_ready(vm)) {
        timer_cancel(&vm->wake);
        vtimer_end_wait(vm);
        vm->state = VM_RUN;
        enqueue(vm);
    }
}

void vm_stop(struct vmblok *vm, const char *why)
{
    vm->state = VM_CPMODE;
    dequeue(vm);
    timer_cancel(&vm->wake);
    vm->attn_stop = false; /* the user's PA1 or #CP sets it again after this */
    if (why)
        vcons_cp_message(vm, "DMKDSP450W CP ENTERED; %s", why);
    vcons_show_state(vm);
}

void vm_start(struct vmblok *vm)
{
    vm->state = VM_RUN;
    vm->loop_count = 0;
    enqueue(vm);
    vcons_show_state(vm);
}

void vm_save_regs(struct vmblok *vm)
{
    if (vm && fp_owner == vm) {
        fpregs_save(vm->cpu.fpr, &vm->cpu.fpc);
        stam_all(vm->cpu.ar);
        fp_owner = NULL; /* the next entry loads them again, changed or not */
    }
}

void vm_unschedule(struct vmblok *vm)
{
    dequeue(vm);
    timer_cancel(&vm->wake);
    if (fp_owner == vm)
        fp_owner = NULL;
}

/* ---------------------------------------------------------------- running a guest */

static uint64_t real_psw_mask(const struct psw370 *p)
{
    /* problem state, DAT on, enabled for I/O, external and machine check,
     * 24-bit addressing; the guest's key, condition code and program mask */
    return PSW_DAT | PSW_IO | PSW_EXT | PSW_MCHK | PSW_PROBLEM | ((uint64_t)p->key << 52) |
           ((uint64_t)p->cc << 44) | ((uint64_t)p->pm << 40);
}

static void psw_from_real(struct psw370 *p, unsigned old)
{
    uint64_t mask = lc_get64(old), addr = lc_get64(old + 8);
    p->key = (mask >> 52) & 0xF;
    p->cc = (mask >> 44) & 3;
    p->pm = (mask >> 40) & 0xF;
    p->addr = (uint32_t)addr & 0x00FFFFFF;
}

/* The address space the guest runs in: its real storage, or shadow
 * tables of its own when its DAT is on. 0 if it cannot run. */
static uint64_t guest_asce(struct vmblok *vm)
{
    if (!(vm->cpu.psw.ec && (vm->cpu.psw.sysmask & PSW370_EC_DAT)))
        return gstor_asce(&vm->stor);
    int pgm = 0;
    uint64_t asce = shadow_asce(vm, &pgm);
    if (asce)
        return asce;
    if (pgm > 0) {
        /* the translation format is invalid: the guest's exception,
         * recognized when it fetches its next instruction */
        reflect_program(vm, (uint16_t)pgm, 0, 0);
    } else if (pgm == -1) {
        vm_stop(vm, "2K PAGES NOT SUPPORTED; USE 4K PAGES");
    } else {
        vm_out_of_storage(vm);
    }
    return 0;
}

static void exit_external(void)
{
    switch (lc_get16(LC_EXT_CODE)) {
    case EXT_SERVICE_SIGNAL: sclp_interrupt(lc_get32(LC_EXT_PARAM)); break;
    case EXT_INTERRUPT_KEY: cp_log("DMKDSP451I EXTERNAL INTERRUPT KEY IGNORED"); break;
    default: break; /* the slice ended, or a clock comparator: handled by the loop */
    }
}

/* Present what is pending; settle a wait. False if the machine cannot be
 * entered now (it waits, stopped, or its translation cannot be shadowed);
 * else the address space to enter it in, in *asce. */
static bool ready_to_enter(struct vmblok *vm, uint64_t *asce)
{
    struct vcpu *c = &vm->cpu;
    /* interruptions first: each may enable the next */
    for (int i = 0; i < 16 && vm->state == VM_RUN && reflect_pending(vm); i++)
        ;
    if (vm->state != VM_RUN)
        return false;
    if (c->psw.wait) {
        if ((c->psw.sysmask & PSW370_EXT) || (c->psw.ec && (c->psw.sysmask & PSW370_EC_IO)) ||
            (!c->psw.ec && (c->psw.sysmask & 0xFE))) {
            vm->state = VM_WAIT;
            dequeue(vm);
            vtimer_arm_wake(vm);
            vcons_show_state(vm);
        } else {
            uint8_t img[8];
            char why[64];
            psw370_encode(&c->psw, img);
            snprintf(why, sizeof(why), "DISABLED WAIT PSW '%02X%02X%02X%02X %02X%02X%02X%02X'",
                     img[0], img[1], img[2], img[3], img[4], img[5], img[6], img[7]);
            vm_stop(vm, why);
        }
        return false;
    }
    *asce = guest_asce(vm);
    return *asce != 0; /* 0: the guest's translation cannot be shadowed (handled) */
}

/* Load what the host needs for this entry and did not have yet: the
 * address space, the clock comparator (CP's next timer, or the guest's
 * comparator if earlier and enabled) and the CPU timer if one of the
 * guest's timers now wants CP sooner than the running one. */
static void prepare_entry(struct vmblok *vm, uint64_t asce, uint64_t *timer_left)
{
    struct vcpu *c = &vm->cpu;
    if (asce != cr1_loaded) {
        lctlg(1, asce);
        cr1_loaded = asce;
    }
    uint64_t ckc = timer_next();
    if ((c->psw.sysmask & PSW370_EXT) && (c->cr[0] & CR0_CKC_MASK) && c->ckc < ckc)
        ckc = c->ckc;
    timer_load_ckc(ckc);
    uint64_t limit = vtimer_run_limit(vm, *timer_left);
    if (limit < *timer_left) {
        spt(limit);
        *timer_left = limit;
    }
}

/* The guest's time slice: it runs, CP handles each exit, and as long as
 * the exits are the guest's own (a simulated instruction, a reflected
 * SVC or program interruption) and nothing else needs CP, the guest is
 * entered again at once. An external or I/O interruption, deferred work,
 * a wait, a stop or the end of the slice go back to the dispatcher's loop.
 *
 * The host's CPU timer measures the guest: set once per slice (to the
 * slice, or less if one of the guest's timers runs out sooner) and read
 * once per exit. Hercules takes each timer instruction to its host clock,
 * which costs as much as many ordinary instructions, so an exit does no
 * more than that one read. */
static void run_slice(struct vmblok *vm)
{
    struct vcpu *c = &vm->cpu;
    uint64_t asce, left;
    if (!ready_to_enter(vm, &asce))
        return;
    if (((uint64_t)c->cr[8] & 0xFFFF) != cr8_loaded) {
        cr8_loaded = c->cr[8] & 0xFFFF;
        lctlg(8, cr8_loaded);
    }
    if (fp_owner != vm) {
        vm_save_regs(fp_owner);
        fpregs_load(c->fpr, c->fpc);
        lam_all(c->ar);
        fp_owner = vm;
    }
    left = vtimer_run_limit(vm, SLICE_TOD);
    spt(left);
    stats.slices++;
    for (;;) {
        prepare_entry(vm, asce, &left);
        lc_copy_in(LC_GUEST_REGS, c->gpr, sizeof(c->gpr));
        lc_put64(LC_GUEST_PSW, real_psw_mask(&c->psw));
        lc_put64(LC_GUEST_PSW + 8, c->psw.addr);
        int why = run_guest();
        int64_t now = (int64_t)stpt();
        lc_copy_out(c->gpr, LC_GUEST_REGS, sizeof(c->gpr));
        uint64_t used = (uint64_t)((int64_t)left - now);
        left = now > 0 ? (uint64_t)now : 0;
        stats.entries++;
        stats.guest_time += used;
        if (why > 0 && why < 5)
            stats.exits[why]++;
        vm->vtime += used;
        vm->ttime += used;
        vtimer_account(vm, used);

        switch (why) {
        case EXIT_EXT:
            psw_from_real(&c->psw, LC_EXT_OLD);
            vm->loop_count = 0;
            exit_external();
            break;
        case EXIT_IO:
            psw_from_real(&c->psw, LC_IO_OLD);
            vm->loop_count = 0;
            ios_interrupt(lc_get32(LC_SUBCHANNEL_ID));
            break;
        case EXIT_PGM:
            psw_from_real(&c->psw, LC_PGM_OLD);
            sim_program_check(vm);
            break;
        case EXIT_SVC: {
            psw_from_real(&c->psw, LC_SVC_OLD);
            uint8_t ilc = (uint8_t)(lc_get8(LC_SVC_ILC) >> 1);
            reflect_svc(vm, (uint8_t)lc_get16(LC_SVC_CODE), ilc ? ilc : 1);
            break;
        }
        }
        /* CP's own business, or the slice is over: back to the loop */
        if (why == EXIT_EXT || why == EXIT_IO || left == 0 || work_pending() || cp_shutting_down())
            break;
        if (!ready_to_enter(vm, &asce))
            break;
    }
    spt(INT64_MAX);
}

void dispatch_loop(void)
{
    spt(INT64_MAX);
    for (;;) {
        timer_run(stck());
        work_run();
        shutdown_progress();
        if (work_pending())
            continue;
        struct vmblok *vm = runq_head;
        if (vm && !cp_shutting_down()) {
            dequeue(vm);
            run_slice(vm);
            if (vm->state == VM_RUN)
                enqueue(vm);
            while (tpi())
                ios_interrupt(lc_get32(LC_SUBCHANNEL_ID));
            continue;
        }
        uint64_t next = timer_next();
        uint64_t sd = shutdown_deadline();
        if (sd && sd < next)
            next = sd;
        if (next <= stck())
            continue;
        timer_load_ckc(next);
        if (cpu_wait(PSW_64 | PSW_IO | PSW_EXT | PSW_WAIT) == CPU_WAIT_IO)
            ios_interrupt(lc_get32(LC_SUBCHANNEL_ID));
        else
            exit_external();
        while (tpi())
            ios_interrupt(lc_get32(LC_SUBCHANNEL_ID));
    }
}
