/*
 * ccwtrans.h - channel-program translation (≈ DMKCCW, and DMKUNT for the
 * way back): a virtual machine's S/370 channel program, format-0 CCWs in
 * guest real storage, becomes a program a real z/Architecture channel can
 * run, format-1 CCWs whose data go through format-1 IDAWs to the host
 * frames that back the guest's storage. The real ending status becomes
 * the guest's CSW.
 *
 * Portable; guest storage is reached only through struct gmem.
 *
 * Rules (System/370 Principles of Operation, "Input/Output Operations";
 * shared/reference/s370.md section 9):
 *  - Each guest CCW becomes one real CCW with the same command, flags
 *    (CD, CC, SLI, SKIP, PCI) and count; its data area is described by
 *    IDAWs, split at every 2K boundary (the first IDAW may start anywhere,
 *    the others are 2K aligned). A guest CCW with the IDA flag has its own
 *    IDAW list (format-1, 4 bytes, guest real addresses); it is followed.
 *  - TIC is followed: the real program gets a TIC to the real CCW that was
 *    made from the target, so search loops work. A target already
 *    translated is reused (programs may loop).
 *  - A program check the real channel would give for a guest CCW (command
 *    with low 4 bits 0000, count 0 other than TIC, TIC to TIC, a TIC or
 *    CCW address that is odd-word or beyond storage, flag bit 38 S or bit 39
 *    set, a data area or IDAW beyond storage, IDAW bits 0-7 set, an IDAW
 *    after the first not 2K aligned) ends the translation at that CCW:
 *    the CCWs before it form the program and the error is reported with
 *    the guest address of the failing CCW, so the caller can present the
 *    status the real channel would give after running the good part.
 *  - Self-modifying programs: when a CCW would be fetched from, or a TIC
 *    would go to, guest storage that an earlier CCW of this translation
 *    reads into (the IPL sequence, loader decks), the translation stops
 *    before it and reports where to resume; the caller runs the program so
 *    far and translates again from that address once it has ended.
 *    (Reads with SKIP store nothing; a CCW's own IDAW list counts only
 *    against earlier CCWs, so the resumed translation always progresses.)
 *  - Reading backward, the data area is the count bytes that end at the
 *    data address. The first real IDAW addresses that last byte, each
 *    further one the last byte of the next lower 2K block (the format-1
 *    read-backward rule); guest IDAW lists follow the same rule.
 *  - Keys: gmem key() is taken in ISK's layout (ACC X'F0', F X'08', R
 *    X'04', C X'02'). With a nonzero CAW key, CCWs, IDAWs and the data of
 *    write and control commands are fetch-protected (ACC differs and F),
 *    the data of reads and senses (without SKIP) store-protected (ACC
 *    differs): a protection check at that CCW, checked for the whole data
 *    area before the program runs.
 *  - Status modifier makes the channel skip a CCW. A TIC back to a CCW
 *    already translated (a search loop, "search; TIC *-8; read") is
 *    followed by the CCW after the TIC when the CCW before the TIC chained
 *    commands; a TIC forward is followed at once, so status modifier on
 *    the CCW before it is not supported.
 *  - The stop CCW: wherever the translation ends, the real slot after the
 *    program, ccw[nccw], holds a CCW the real channel rejects with a
 *    program check (one slot of maxccw is kept for it), and guest_ccw[nccw]
 *    is the guest CCW it stands for. So the program as built can always be
 *    started: the channel reaches the stop CCW exactly when the guest's
 *    channel would go on to resume_addr or fail at fail_addr, and
 *    ccw_at_stop() tells the caller it did.
 */
#ifndef CP_IO_CCWTRANS_H
#define CP_IO_CCWTRANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "io/css.h"
#include "mm/gmem.h"

/* How a translation ended */
enum ccwt_end {
    CCWT_COMPLETE,  /* the whole program (up to its last chained CCW) */
    CCWT_RESUME,    /* stopped before a CCW the program reads into: resume_addr */
    CCWT_PROGCHECK, /* stopped at a guest CCW the channel rejects (fail_addr, fail_cstat) */
    CCWT_NOSPACE,   /* the caller's arrays are too small (resume_addr: what did not fit) */
    CCWT_DEVCHECK,  /* stopped at a guest CCW the device's rules reject (fail_addr) */
};

/*
 * A device's own rules (minidisks, cp/vdev/mdisk.c): the caller may look
 * at every command (not a data-chained continuation, not a TIC) before it
 * is translated, with the first bytes of its data (a seek's BBCCHH, a
 * search argument, a count field), and let it through, replace it with up
 * to CCWDEV_MAXPIECE real CCWs, or reject it. A replacement piece takes
 * its data from CP's storage (host != 0: the real address, no IDA) or
 * from guest storage (host == 0: data, count), translated as usual. All
 * pieces stand for the same guest CCW; resid_adj is added to the residual
 * count when the ending names that piece (a piece shorter than the guest
 * CCW). The argument bytes are checked as the channel would check data
 * (storage, fetch protection) and a translation stops to resume before a
 * command whose argument an earlier CCW reads into.
 */
#define CCWDEV_MAXPIECE 3
#define CCWDEV_MAXARG   16

struct ccwpiece {
    uint8_t cmd, flags; /* flags: CCWF_CD CC SLI SKIP PCI (IDA is the translation's) */
    uint16_t count;
    uint32_t host; /* real address of the data in CP's storage, or 0 */
    uint32_t data; /* guest real address of the data when host is 0 */
    uint16_t resid_adj;
};

enum ccwdev_act {
    CCWD_PASS,    /* translate it as usual */
    CCWD_REPLACE, /* by the pieces in out[] */
    CCWD_REJECT,  /* the device rejects it: the translation stops (CCWT_DEVCHECK) */
    CCWD_FULL,    /* the rules' own tables are full: stop before it (CCWT_NOSPACE) */
};

struct ccwdev {
    void *ctx;
    /* the bytes of a command's data the rules look at (0: none) */
    unsigned (*argbytes)(void *ctx, uint8_t cmd);
    /* gccw: the guest CCW at gaddr; arg: narg bytes of its data (fewer
     * than argbytes asked when the count is smaller or the CCW has IDA);
     * first: the index the first real CCW it becomes will have */
    enum ccwdev_act (*command)(void *ctx, uint32_t gaddr, const uint8_t gccw[8], const uint8_t *arg,
                               unsigned narg, unsigned first, struct ccwpiece out[CCWDEV_MAXPIECE],
                               unsigned *nout);
};

struct ccwprog {
    /* set by the caller: the arrays the real program is built in; ccw and
     * idaw must be below 2 GB in host storage (format-1 addresses) */
    struct ccw1 *ccw;
    uint32_t *guest_ccw; /* per real CCW: the guest address of the CCW it came from */
    unsigned maxccw;     /* entries of ccw and guest_ccw, the stop CCW's included */
    uint32_t *idaw;      /* format-1 IDAWs, stored big-endian */
    unsigned maxidaw;
    uint32_t (*host_ptr)(const void *p); /* the real address of a caller's array element */
    /* optional */
    const struct ccwdev *dev;  /* the device's own rules */
    const struct ccw1 *prefix; /* real CCWs run before the program (command-chained) */
    unsigned nprefix;
    uint16_t *resid_adj; /* per real CCW (maxccw entries), needed with dev */

    /* results */
    unsigned nccw, nidaw; /* real CCWs (the stop CCW not counted) and IDAWs used */
    enum ccwt_end end;
    uint32_t resume_addr; /* CCWT_RESUME, CCWT_NOSPACE: guest address of the next CCW */
    uint32_t fail_addr;   /* CCWT_PROGCHECK, CCWT_DEVCHECK: guest address of the rejected CCW */
    uint8_t fail_cstat;   /* its channel status: CS_PROG (or CS_PROT) */
    uint16_t fail_count;  /* CCWT_DEVCHECK: the rejected CCW's count */
};

/*
 * Translate the guest channel program whose first CCW is at guest real
 * address ccw_addr (from the CAW). key is the CAW key: it goes to the real
 * ORB, and CCW and IDAW fetches are checked against it (fetch protection)
 * as the channel would. Returns p->end.
 */
enum ccwt_end ccw_translate(const struct gmem *g, uint32_t ccw_addr, uint8_t key,
                            struct ccwprog *p);

/*
 * The guest CSW for the ending status of a translated program: the real
 * SCSW (12 bytes, format-1 CCW address) becomes key, guest CCW address
 * (the guest CCW the last real CCW came from, + 8), unit and channel status
 * and residual count. The real address in the SCSW is matched against the
 * program's CCW array, the stop CCW included (at CCWT_PROGCHECK its program
 * check becomes fail_cstat); an address outside it (status with no CCW,
 * such as device-only status) gives CCW address 0.
 */
void ccw_csw_from_scsw(const struct ccwprog *p, const uint8_t scsw[12], uint8_t key,
                       uint8_t csw[8]);

/*
 * Whether the real program ended at its stop CCW: the guest's channel
 * would have gone on to resume_addr (CCWT_RESUME, CCWT_NOSPACE: translate
 * again from there) or failed at fail_addr (CCWT_PROGCHECK: the CSW from
 * ccw_csw_from_scsw then has fail_addr + 8 and fail_cstat).
 */
bool ccw_at_stop(const struct ccwprog *p, const uint8_t scsw[12]);

/* The index of the real CCW the SCSW names (the last one the channel
 * used; p->nccw for the stop CCW), or -1 when it names none. */
int ccw_last_index(const struct ccwprog *p, const uint8_t scsw[12]);

#endif
