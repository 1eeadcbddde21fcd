/*
 * vur.h - spooled unit record devices of a virtual machine (≈ DMKVSP,
 * virtual spooling, and the device side of DMKCSP/DMKCSQ): a reader,
 * punch or printer whose records CP moves to and from spool files
 * (cp/spool/spool.h). The guest drives it with ordinary channel
 * programs (vdev/vchan.c; the commands: spool/urccw.h).
 *
 * The SPOOL options of a device are in struct vur_opts; the SPOOL
 * command changes them, CLOSE ends the file with the attributes of
 * struct vur_close.
 */
#ifndef CP_VDEV_VUR_H
#define CP_VDEV_VUR_H

#include <stdbool.h>
#include <stdint.h>
#include "spool/spoolfmt.h"

struct vmblok;
struct vdev;
struct spf;

struct vur_opts {
    char cls;       /* output: A-Z 0-9; reader: also '*' (any) */
    bool cont;      /* CONT */
    bool hold;      /* HOLD */
    bool eof;       /* reader: EOF (else NOEOF) */
    uint8_t copies; /* output: 1-99 */
    char to[9];     /* output: TO userid ("" = none) */
    char forusr[9]; /* output: FOR userid ("" = none) */
    char dist[9];
    char tag[SPF_TAGMAX + 1];
};

/* Define a spooled device of devtype (0x2540 with reader true for a
 * 2540 reader) at vaddr. false: the address is taken or no storage. */
bool vur_create(struct vmblok *vm, uint16_t vaddr, uint16_t devtype, bool reader, char cls);
/* Is vd a spooled device? Its options (NULL if not). */
struct vur_opts *vur_opts(struct vdev *vd);
bool vur_is_reader(struct vdev *vd);

struct vur_close {
    bool purge;          /* PURGE: throw the file away */
    int hold;            /* -1 as spooled, 0 NOHOLD, 1 HOLD */
    const char *dist;    /* DIST, or NULL */
    const char *fn, *ft; /* NAME, or NULL */
    bool force;          /* close even when spooled CONT (LOGOFF, DETACH) */
};
/* CLOSE the device's file: output files go on their queue (a response
 * line to the user), a reader's file is purged or kept. */
void vur_close(struct vmblok *vm, struct vdev *vd, const struct vur_close *how);

/* A closed file arrived in its owner's reader queue, from `from`:
 * tell the owner and give a waiting reader device end. */
void vur_file_arrived(struct spf *f, const char *from);
/* A file in userid's reader queue may be read now (released from hold):
 * a reader that found nothing gets device end. */
void vur_kick_readers(const char *userid);

/* DIAGNOSE X'14' on the reader vd (diagnose/DIAGNOSE.md 3.6): subcode
 * sub with operand rx, checked by the caller (sim/diag_spool.c). What is
 * to be stored at the program's area goes to out (*outlen bytes: a 4096-
 * byte buffer or the 104-byte descriptor). Returns the condition code;
 * with cc 3, *reason (DIAG14_RC_*). */
int vur_diag14(struct vmblok *vm, struct vdev *vd, unsigned sub, uint32_t rx, uint8_t *out,
               unsigned *outlen, unsigned *reason);

#endif
