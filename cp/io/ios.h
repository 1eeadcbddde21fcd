/*
 * ios.h - real devices and the I/O supervisor (≈ DMKIOS, with the real
 * device blocks of DMKRIO built at IPL instead of assembled).
 *
 * CP finds its devices at IPL by walking the subchannels (STSCH until
 * condition code 3) and asking each device who it is (SENSE ID), so a
 * device added to the Hercules configuration needs no rebuild of CP.
 * Every device gets an rdevblok; every channel program an ioblok, queued
 * per device and started with SSCH. The completion callback runs from the
 * dispatcher once the interruption has been taken (and, after a unit
 * check, once the sense bytes have been read).
 */
#ifndef CP_IO_IOS_H
#define CP_IO_IOS_H

#include <stdbool.h>
#include <stdint.h>
#include "io/css.h"

struct rdevblok;
struct ckd_geom;
struct ioblok;

enum rdev_class {
    RDEV_OTHER = 0,
    RDEV_TERM3270, /* local 3270 display */
    RDEV_TERM3215, /* 3215/1052 typewriter console, integrated or telnet */
    RDEV_DASD,     /* CKD disk */
    RDEV_UR,       /* card reader, punch, printer */
    RDEV_TAPE,
};

/* Called for status the device presents on its own (attention, device
 * end after a terminal connects). */
typedef void (*rdev_unsol_fn)(struct rdevblok *rd, uint8_t dstat);

struct rdevblok {
    uint16_t devno;
    uint16_t schno; /* subchannel number */
    enum rdev_class cls;
    uint16_t cutype, devtype; /* from SENSE ID */
    uint8_t cumodel, devmodel;
    bool online;           /* enabled and answered SENSE ID */
    struct ioblok *active; /* channel program in progress */
    struct ioblok *qhead, *qtail;
    rdev_unsol_fn unsol;
    void *owner;        /* the terminal, volume ... using the device */
    uint32_t sio_count; /* channel programs started */
    char volser[7];     /* DASD: the VOL1 label, "" if none */
    const struct ckd_geom *geom;
};

typedef void (*io_done_fn)(struct ioblok *io);

struct ioblok {
    struct ioblok *next;
    struct rdevblok *rdev;
    struct ccw1 *ccw; /* the channel program, below 2 GB */
    io_done_fn done;
    void *ctx;
    /* optional: intermediate status with PCI (program-controlled
     * interruption) while the program runs on; the SCSW as stored */
    void (*pci)(struct ioblok *io, const uint8_t scsw[12]);
    /* results */
    int cc;               /* SSCH condition code: 3 = not operational */
    uint8_t dstat, sstat; /* device and subchannel status of the ending */
    uint16_t residual;    /* of the last CCW executed */
    uint8_t scsw[12];     /* the SCSW of the primary ending, as stored */
    uint8_t sense[32];    /* valid when dstat has unit check */
    uint16_t senselen;
    /* CP's use */
    bool sensing; /* the sense channel program is running */
    struct ccw1 sense_ccw;
};

/* Discover and enable every device. Returns the number found. */
int ios_init(void);

/* A device that did not answer SENSE ID at IPL (a tape drive with no tape
 * mounted, say) is asked again: true if it is online now. */
bool ios_probe(struct rdevblok *rd);
/* Queue a channel program; done() is called when it has ended. */
void ios_start(struct ioblok *io);
/* Run a channel program synchronously, polling for the ending (IPL time,
 * the abend path, and short probes). Returns 0, or -1 on timeout (the
 * operation is then cleared). */
int ios_sync(struct ioblok *io, uint64_t timeout_tod);
/* An I/O interruption for subchannel sid has been taken. */
void ios_interrupt(uint32_t sid);

struct rdevblok *rdev_by_devno(uint16_t devno);
/* All devices, in subchannel order. */
int rdev_count(void);
struct rdevblok *rdev_at(int i);

/* True if the ending was clean: channel end and device end, no errors. */
bool io_ok(const struct ioblok *io);
/* True if the device reported intervention required (for a terminal:
 * nobody is connected). */
bool io_intreq(const struct ioblok *io);

#endif
