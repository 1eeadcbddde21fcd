/*
 * vmblok.h - a logged-on user and the virtual machine CP gives it
 * (≈ VMBLOK, built by DMKBLD at LOGON).
 *
 * The session part: identity, privilege classes, the terminal (none while
 * disconnected), the SET and TERMINAL options, accounting times. The
 * machine part: a virtual S/370 CPU (struct vcpu), its real storage
 * (mm/gstor.h), its devices (vdev/vdev.h), and what the dispatcher needs.
 * One VMBLOK owns all of its machine's state; nothing about a virtual
 * machine is kept anywhere else.
 */
#ifndef CP_VM_VMBLOK_H
#define CP_VM_VMBLOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hw/s370.h"
#include "kern/timer.h"
#include "kern/work.h"
#include "mm/gstor.h"

struct term;
struct vdev;
struct shadow;

/* Privilege classes: bit per class, as the directory stores them */
#define CLASS_A 0x80
#define CLASS_B 0x40
#define CLASS_C 0x20
#define CLASS_D 0x10
#define CLASS_E 0x08
#define CLASS_F 0x04
#define CLASS_G 0x02
#define CLASS_H 0x01

enum emsg_mode { EMSG_ON, EMSG_TEXT, EMSG_CODE, EMSG_OFF };

/* Event external interruptions waiting for the guest to enable them
 * (the clock comparator and CPU timer are conditions, computed each time). */
#define EXTP_ITIMER 0x01 /* interval timer went negative */
#define EXTP_KEY    0x02 /* EXTERNAL command (interrupt key) */

struct vcpu {
    struct psw370 psw;
    uint64_t gpr[16]; /* the guest uses bits 32-63; the rest is kept too */
    uint64_t fpr[16];
    uint32_t fpc;
    uint32_t ar[16]; /* access registers: not S/370, but the host runs SAR/EAR for a guest */
    uint32_t cr[16];
    uint64_t ckc;         /* clock comparator */
    int64_t cpt;          /* CPU timer, TOD units */
    uint64_t itimer_rest; /* TOD units not yet taken off the interval timer */
    uint8_t ext_pending;  /* EXTP_* */
    uint16_t ext_code;    /* code of the EXTERNAL command's interruption */
    bool restart_pending;
    /* a PSW with a format error was loaded: the next old PSW is its image */
    bool bad_psw_pending;
    uint8_t bad_psw[8];
};

enum vm_state {
    VM_CPMODE, /* stopped: CP READ (no IPL yet, PA1, a trace stop, a problem) */
    VM_RUN,    /* runnable */
    VM_WAIT,   /* in an enabled wait: runs again when an interruption is pending */
    VM_IPL,    /* the IPL channel program is running */
    VM_DIAGIO, /* a DIAGNOSE's I/O is running (X'18', X'20', X'250'): the machine waits */
};

/* TRACE: the events traced (TRACE command, vm/trace.c) */
#define TR_SVC  0x01
#define TR_PGM  0x02
#define TR_EXT  0x04
#define TR_IO   0x08
#define TR_PRIV 0x10
#define TR_ALL  0x1F

struct vmblok {
    struct vmblok *next;
    char userid[9];
    uint8_t classes;
    struct term *term; /* NULL while disconnected */
    uint64_t logon_tod;
    uint64_t vtime; /* virtual CPU time used (TOD units) */
    uint64_t ttime; /* total: virtual plus CP's time on its behalf */
    /* SET options */
    bool msg, wng, imsg, run;
    enum emsg_mode emsg;
    /* TERMINAL options: the line-editing characters, 0 when off */
    char linend, linedel, chardel, escape;
    int link_failures; /* wrong LINK passwords this session */

    /* ------------------------------------------------ the virtual machine */
    struct vcpu cpu;
    struct gstor stor;
    uint32_t maxstor;                               /* the most DEFINE STORAGE may give */
    uint8_t options;                                /* directory OPTION bits (DIR_OPT_*) */
    uint32_t cpuid;                                 /* OPTION CPUID, 0 for the default */
    enum { TIMER_ON, TIMER_OFF, TIMER_REAL } timer; /* SET TIMER */
    bool attn_stop; /* stopped by the user (PA1, #CP): SET RUN ON resumes */
    enum vm_state state;
    struct shadow *shadow;          /* shadow tables while the guest's DAT is on */
    struct vdev *devs;              /* virtual devices, in address order */
    struct vdev *io_head, *io_tail; /* devices with an interruption pending, oldest first */
    struct vdev *console;           /* the virtual console (directory CONSOLE) */
    /* dispatching */
    struct vmblok *runq_next;
    bool on_runq;
    struct timer wake;   /* the clock comparator of a waiting guest */
    uint64_t wait_start; /* TOD the current wait began (0: not waiting) */
    /* problems noticed about the guest */
    uint32_t loop_addr; /* program-interruption loop detection */
    int loop_count;
    /* TRACE, ADSTOP */
    uint8_t trace;  /* TR_* */
    bool trace_run; /* TRACE ... RUN: do not stop after an event */
    bool adstop;
    uint32_t adstop_addr;
    uint8_t adstop_save[2];
    /* a DIAGNOSE's synchronous I/O: its device and what to do at the end */
    struct vdev *dio_dev;
    void (*dio_done)(struct vmblok *vm, struct vdev *vd, const uint8_t csw[8]);
    unsigned dio_ry; /* the DIAGNOSE's Ry */
    void *dio_page;  /* X'250': CP's page for its channel programs (kept) */
    /* named segments loaded (DIAGNOSE X'64' LOADSYS) */
    struct {
        const void *ns;    /* the NAMESYS entry (struct vol_namesys) */
        uint32_t old_size; /* the storage size before it was loaded */
        bool shared;
    } segs[4];
    int nsegs;
    /* IPL in progress */
    struct vdev *ipl_dev;
    bool ipl_clear;
    /* DIAGNOSE */
    bool pa2_ext;            /* X'54': PA2 is the machine's interrupt key */
    bool diag_cmd;           /* X'08' is running commands: a LOGOFF waits for the work queue */
    uint32_t resets;         /* system resets so far (X'08' sees one among its commands) */
    bool logoff_forced;      /* the LOGOFF that waits was a FORCE */
    struct work logoff_work; /* ...and runs from here */
};

/* Create a user's block and put it on the list (NULL: no storage). */
struct vmblok *vm_create(const char *userid);
void vm_destroy(struct vmblok *vm);
struct vmblok *vm_find(const char *userid);
struct vmblok *vm_first(void);
int vm_count(void);

/* "CONNECT= hh:mm:ss VIRTCPU= mmm:ss.hs TOTCPU= mmm:ss.hs" (LOGOFF, QUERY TIME) */
void vm_times_line(const struct vmblok *vm, char *buf, size_t len);

/* The default line-editing characters (VM/370: # ¢ @ "). */
#define DEFAULT_LINEND  '#'
#define DEFAULT_LINEDEL '\xA2' /* the cent sign, EBCDIC X'4A' */
#define DEFAULT_CHARDEL '@'
#define DEFAULT_ESCAPE  '"'

#endif
