/*
 * main.c - CP initialization (≈ DMKCPI): from the IPL entry to the first
 * wait of the dispatcher.
 *
 *  1. the new PSWs, control registers, and how much storage there is;
 *  2. the system record the IPL program loaded (name, operator, console);
 *  3. the devices (subchannels and SENSE ID); the system console and
 *     every other terminal, which shows the logo;
 *  4. the volumes by label, the user directory from the residence volume;
 *  5. the hardware console's events (shutdown signal, messages);
 *  6. DMKCPI966I INITIALIZATION COMPLETE, and the dispatcher.
 * A problem that makes the system unusable (no system record, no usable
 * directory) is reported on the system console and ends in a disabled
 * wait whose code says which (kern/cp.h).
 */
#include <stdio.h>
#include <string.h>
#include "cons/graf.h"
#include "cons/term.h"
#include "cons/tty.h"
#include "io/ios.h"
#include "io/volumes.h"
#include "kern/alloc.h"
#include "kern/cp.h"
#include "kern/log.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "machine/lowcore.h"
#include "spool/spool.h"
#include "vdev/tdisk.h"
#include "vm/userdir.h"

struct vol_sysrec cp_sys;
uint64_t cp_storage_size;
uint64_t cp_ipl_tod;

extern char _nuc_start[], _end[];
void ext_entry(void), io_entry(void), pgm_entry(void), svc_entry(void), mck_entry(void),
    restart_entry(void);
void cp_main(void) __attribute__((noreturn));

void cp_localtime(uint64_t tod, struct datetime *dt) { tod_to_datetime(tod, cp_sys.zone_sec, dt); }

static void set_new_psw(unsigned off, void (*handler)(void))
{
    lc_put64(off, PSW_64);
    lc_put64(off + 8, (uint64_t)(uintptr_t)handler);
}

static void machine_init(void)
{
    set_new_psw(LC_RESTART_NEW, restart_entry);
    set_new_psw(LC_EXT_NEW, ext_entry);
    set_new_psw(LC_SVC_NEW, svc_entry);
    set_new_psw(LC_PGM_NEW, pgm_entry);
    set_new_psw(LC_MCK_NEW, mck_entry);
    set_new_psw(LC_IO_NEW, io_entry);
    /* external subclasses: clock comparator, CPU timer (guest time slices),
     * service signal, interrupt key */
    lctlg(0, stctg(0) | CR0_CLOCK_COMP | CR0_CPU_TIMER | CR0_SERVICE_SIGNAL | CR0_INTERRUPT_KEY);
    /* I/O: every device is in CP's interruption subclass */
    lctlg(6, 0x80000000u >> CP_ISC);
    sckc(UINT64_MAX);
    /* the CPU timer runs only while a guest does: a negative one (as the
     * IPL may leave it) would end every wait with an external interruption
     * ahead of the I/O ones */
    spt(INT64_MAX);
}

static void consoles_init(void)
{
    struct rdevblok *sc = rdev_by_devno(cp_sys.syscons);
    struct term *t = NULL;
    if (sc && sc->cls == RDEV_TERM3215)
        t = tty_attach(sc);
    else if (sc && sc->cls == RDEV_TERM3270)
        t = graf_attach(sc);
    term_set_syscons(t);
    log_consoles_ready();
    if (!t)
        cp_milestone("DMKCPI952E SYSTEM CONSOLE %03X NOT FOUND", cp_sys.syscons);
    for (int i = 0; i < rdev_count(); i++) {
        struct rdevblok *rd = rdev_at(i);
        if (rd == sc)
            continue;
        if (rd->cls == RDEV_TERM3270)
            graf_attach(rd);
        else if (rd->cls == RDEV_TERM3215)
            tty_attach(rd);
    }
}

static void count_devices(int *terms, int *dasd, int *other)
{
    *terms = *dasd = *other = 0;
    for (int i = 0; i < rdev_count(); i++) {
        struct rdevblok *rd = rdev_at(i);
        if (rd->cls == RDEV_TERM3270 || rd->cls == RDEV_TERM3215)
            (*terms)++;
        else if (rd->cls == RDEV_DASD)
            (*dasd)++;
        else
            (*other)++;
    }
}

void cp_main(void)
{
    char why[128];
    machine_init();
    cp_ipl_tod = stck();

    cp_storage_size = sclp_storage_size();
    uintptr_t free_start = ((uintptr_t)_end + PAGE_SIZE - 1) & ~(uintptr_t)(PAGE_SIZE - 1);
    if (cp_storage_size < free_start + (1u << 20))
        disabled_wait(WAIT_NO_STORAGE);
    alloc_init((void *)free_start, cp_storage_size - free_start);

    if (sysrec_decode((const uint8_t *)(uintptr_t)VOLFMT_SYSREC_ADDR, VOLFMT_PAGE, &cp_sys, why,
                      sizeof(why)) != 0)
        disabled_wait(WAIT_NO_SYSRES);
    for (int i = 0; i < cp_sys.nlogmsg; i++)
        logmsg_add(cp_sys.logmsg[i]);

    if (cp_sys.more1 && cp_sys.more2)
        graf_set_more(cp_sys.more1, cp_sys.more2);
    ios_init();
    consoles_init();

    struct datetime dt;
    char when[64];
    cp_localtime(cp_ipl_tod, &dt);
    fmt_vmdate(when, sizeof(when), &dt, cp_sys.zone_id);
    cp_log("CPCMS CP - SYSTEM %s", cp_sys.sysname);
    cp_log("NOW %s", when);

    int terms, dasd, other;
    count_devices(&terms, &dasd, &other);
    cp_log("DMKCPI958I %d DEVICES: %d TERMINALS, %d DASD, %d OTHER", rdev_count(), terms, dasd,
           other);

    volumes_init(lc_get32(LC_IPL_SSID));
    struct volume *res = volume_sysres();
    if (!res || !res->cpformatted) {
        cp_log("DMKCPI950E SYSTEM RESIDENCE VOLUME UNUSABLE");
        cp_fatal(WAIT_NO_SYSRES);
    }
    cp_log("DMKCPI959I SYSRES %s ON DASD %03X", res->rdev->volser, res->rdev->devno);
    if (userdir_load(res) != 0) {
        cp_fatal(WAIT_NO_SYSRES);
    }
    tdisk_init();
    spool_init();

    if (!sclp_enable_events())
        cp_log("DMKCPI956W HARDWARE CONSOLE SHUTDOWN SIGNAL NOT AVAILABLE");

    struct alloc_stats st;
    alloc_get_stats(&st);
    cp_log("DMKCPI957I STORAGE SIZE = %uK, NUCLEUS = %uK, FREE STORAGE = %uK",
           (unsigned)(cp_storage_size >> 10),
           (unsigned)((free_start - (uintptr_t)_nuc_start) >> 10),
           (unsigned)(st.pages_free * (PAGE_SIZE >> 10)));
    cp_milestone("DMKCPI966I INITIALIZATION COMPLETE");
    dispatch_loop();
}
