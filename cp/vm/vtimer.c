/*
 * vtimer.c - virtual timers (see vtimer.h; System/370 Principles of
 * Operation, "Timing"; shared/reference/s370.md section 8).
 *
 * The interval timer is the signed word at real X'50'. Bit 23 counts
 * 1/300 s, so one unit of bit 31 is 1/76800 s: 76800 units per 4096 x 10^6
 * TOD units, 3 per 160000. When it goes from zero or positive to negative
 * the interval-timer interruption becomes pending (an event, kept until
 * taken). The CPU timer and clock comparator interruptions are conditions:
 * pending while the timer is negative, or while the TOD clock is past the
 * comparator.
 */
#include "hw/s370.h"
#include "kern/timer.h"
#include "vm/reflect.h"
#include "lib/bytes.h"
#include "machine/cpu.h"
#include "mm/gstor.h"
#include "vm/dispatch.h"
#include "vm/vmblok.h"
#include "vm/vtimer.h"

#define ITIMER_NUM 3ULL
#define ITIMER_DEN 160000ULL

/* The interval timer word in the guest's storage (its first page is
 * always there: CP stores into it at IPL), or NULL. Read on every guest
 * exit, so directly rather than through the storage operations. */
static uint8_t *itimer_word(struct vmblok *vm) { return gstor_page(&vm->stor, PSA_TIMER); }

/* Take `used` TOD units off the interval timer at X'50'. */
static void itimer_advance(struct vmblok *vm, uint64_t used)
{
    struct vcpu *c = &vm->cpu;
    uint64_t total = c->itimer_rest + used * ITIMER_NUM;
    if (total < ITIMER_DEN) {
        c->itimer_rest = total; /* less than one unit of bit 31 yet */
        return;
    }
    uint8_t *w = itimer_word(vm);
    if (!w)
        return;
    uint32_t units = (uint32_t)(total / ITIMER_DEN);
    c->itimer_rest = total % ITIMER_DEN;
    int32_t old = (int32_t)get_be32(w);
    int32_t now = (int32_t)((uint32_t)old - units);
    put_be32(w, (uint32_t)now);
    if (old >= 0 && now < 0)
        c->ext_pending |= EXTP_ITIMER;
}

void vtimer_account(struct vmblok *vm, uint64_t used)
{
    vm->cpu.cpt -= (int64_t)used;
    if (vm->timer != TIMER_OFF)
        itimer_advance(vm, used);
}

/* The wall-clock time a guest waited: SET TIMER REAL counts it too. */
static void account_wait(struct vmblok *vm)
{
    uint64_t now = stck();
    if (vm->timer == TIMER_REAL && vm->wait_start && now > vm->wait_start) {
        itimer_advance(vm, now - vm->wait_start);
        vm->cpu.cpt -= (int64_t)(now - vm->wait_start);
    }
    vm->wait_start = 0;
}

void vtimer_end_wait(struct vmblok *vm) { account_wait(vm); }

bool vtimer_ckc_pending(struct vmblok *vm) { return stck() > vm->cpu.ckc; }

bool vtimer_cpt_pending(struct vmblok *vm) { return vm->cpu.cpt < 0; }

uint64_t vtimer_run_limit(struct vmblok *vm, uint64_t limit)
{
    struct vcpu *c = &vm->cpu;
    if (c->cpt >= 0 && (uint64_t)c->cpt + 1 < limit)
        limit = (uint64_t)c->cpt + 1;
    const uint8_t *w = vm->timer != TIMER_OFF ? itimer_word(vm) : NULL;
    if (w) {
        int32_t v = (int32_t)get_be32(w);
        if (v >= 0) {
            uint64_t need = ((uint64_t)v + 1) * ITIMER_DEN;
            need = need > c->itimer_rest ? need - c->itimer_rest : 1;
            need = (need + ITIMER_NUM - 1) / ITIMER_NUM;
            if (need < limit)
                limit = need;
        }
    }
    return limit ? limit : 1;
}

static void wake_expired(struct timer *t)
{
    struct vmblok *vm = t->arg;
    if (vm->state != VM_WAIT)
        return;
    account_wait(vm);
    vm->wait_start = stck();
    if (vm_interruption_ready(vm))
        vm_wake(vm);
    else
        vtimer_arm_wake(vm); /* not yet: the interval timer has a little to go */
}

void vtimer_arm_wake(struct vmblok *vm)
{
    struct vcpu *c = &vm->cpu;
    uint64_t when = UINT64_MAX;
    if (!vm->wake.fn)
        timer_init(&vm->wake, wake_expired, vm);
    if (!vm->wait_start)
        vm->wait_start = stck();
    if (c->psw.sysmask & PSW370_EXT) {
        if (c->cr[0] & CR0_CKC_MASK)
            when = c->ckc + 1;
        if (vm->timer == TIMER_REAL && (c->cr[0] & CR0_CPUT_MASK) && c->cpt >= 0 &&
            vm->wait_start + (uint64_t)c->cpt + 1 < when)
            when = vm->wait_start + (uint64_t)c->cpt + 1;
        uint8_t w[4];
        if (vm->timer == TIMER_REAL && (c->cr[0] & CR0_ITIMER_MASK) &&
            vm->stor.ops.read(vm->stor.ops.ctx, PSA_TIMER, w, 4) == 0) {
            int32_t v = (int32_t)get_be32(w);
            if (v >= 0) {
                uint64_t need = ((uint64_t)v + 1) * ITIMER_DEN;
                need = need > c->itimer_rest ? need - c->itimer_rest : 1;
                need = (need + ITIMER_NUM - 1) / ITIMER_NUM;
                if (vm->wait_start + need < when)
                    when = vm->wait_start + need;
            }
        }
    }
    if (when != UINT64_MAX)
        timer_set(&vm->wake, when);
    else
        timer_cancel(&vm->wake);
}
