/*
 * diag_rules.h - the portable part of DIAGNOSE (≈ the operand checks of
 * DMKHVC): operand checks that decide between going on, a specification
 * and an addressing exception, and the result images CP stores, with no
 * access to a virtual machine. CP's handlers (diag_info.c, diag_stor.c,
 * diag_cmd.c) call them; the unit tests (tests/unit/test_diag.c) run
 * them on the host. The rules are diagnose/DIAGNOSE.md's.
 *
 * Checks return 0, PGM_SPECIFICATION or PGM_ADDRESSING.
 */
#ifndef CP_SIM_DIAG_RULES_H
#define CP_SIM_DIAG_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cons/graf.h"
#include "diagnose/diag.h"
#include "lib/tod.h"
#include "vdev/vdev.h"

/* An area of len bytes at addr lies within storage of `size` bytes
 * (len 0 always does). */
bool diag_in_storage(uint32_t addr, uint32_t len, uint32_t size);

/* X'00': the identification record of a user. */
void diag00_record(uint8_t out[DIAG00_SIZE], const char *userid);

/* X'04': the operands; host_size = bytes of the host's storage. entries
 * are the list as read (n of them), checked after the registers. */
int diag04_check_regs(unsigned ry, uint32_t list, uint32_t n, uint32_t result, uint32_t size);
int diag04_check_entries(const uint8_t *entries, uint32_t n, uint64_t host_size);

/* X'08': the registers. ryval = Ry's contents, buflen = Ry+1's (used
 * only with DIAG08_RESPBUF). */
int diag08_check_regs(unsigned rx, unsigned ry, uint32_t ryval, uint32_t buflen);
/* The next command of the text (EBCDIC, X'15' between commands) as an
 * ASCII string; false when the text is used up. *pos advances. */
bool diag08_next_command(const uint8_t *text, size_t len, size_t *pos, char *out, size_t outsz);

/* X'08' response buffer: lines go in as ASCII and come out as EBCDIC,
 * each followed by X'15'. Bytes past cap are counted, not kept. */
struct diag08_resp {
    uint8_t *buf;
    uint32_t cap;
    uint32_t total; /* bytes of the whole response */
};
void diag08_resp_line(struct diag08_resp *r, const char *line);
/* The bytes stored and the condition code and Ry+1 value of the result. */
uint32_t diag08_resp_stored(const struct diag08_resp *r);
int diag08_resp_result(const struct diag08_resp *r, uint32_t *ry1);

/* X'0C': the pseudo-timer area; dt is local time, the times in TOD units. */
void diag0c_area(uint8_t out[DIAG0C_SIZE], const struct datetime *dt, uint64_t vtime,
                 uint64_t ttime);

/* X'10': first and last page; size = the machine's storage size. */
int diag10_check(uint32_t first, uint32_t last, uint32_t size);

/* X'24': the class and type bytes of a device of class cls, type devtype. */
void diag24_codes(enum vdev_class cls, uint16_t devtype, uint8_t *cls_byte, uint8_t *type_byte);

/* X'58': a chain of CCWs, checked. An operation is one CCW and those
 * data-chained to it (CD); command chaining (CC) starts the next. */
struct diag58_op {
    uint8_t cmd;   /* DIAG58_DISPLAY, DIAG58_FSWRITE, DIAG58_FSREAD */
    uint8_t ctl;   /* the first CCW's control byte */
    uint8_t first; /* its CCWs: ccw[first] .. ccw[first + nccw - 1] */
    uint8_t nccw;
    uint32_t total; /* data bytes of all of them (0 for X'FF' and X'FE') */
};

struct diag58_chain {
    uint8_t ccw[DIAG58_MAXCCW][8];
    unsigned nccw;
    struct diag58_op op[DIAG58_MAXCCW];
    unsigned nop;
};

/* Fetch the 8 bytes of a CCW at a guest address: 0 or a program-
 * interruption code. */
typedef int diag58_fetch_fn(void *ctx, uint32_t addr, uint8_t out[8]);

/* Check the chain at addr in storage of `size` bytes (DIAGNOSE.md 3.13):
 * 0, PGM_SPECIFICATION or PGM_ADDRESSING, the first problem in chain
 * order; nothing is fetched beyond it. */
int diag58_parse(uint32_t addr, uint32_t size, diag58_fetch_fn *fetch, void *ctx,
                 struct diag58_chain *c);
/* A CCW's data address and count. */
uint32_t diag58_data(const uint8_t ccw[8]);
uint16_t diag58_count(const uint8_t ccw[8]);

/* X'19' data as screen cells (cons/graf.h): an EBCDIC character, or
 * GRAF_CELL_ATTR + the field attribute's 6 bits for a start-field order
 * (always protected: the output area is CP's). Characters below X'40' other than X'00', and
 * X'FF', show as blanks; after data that started fields, one more
 * attribute (protected, normal) ends them, if the position before 1759
 * allows. Returns the cells stored at out (at most DIAG58_MAXCNT - start). */
unsigned diag58_cells(const uint8_t *data, size_t len, unsigned start, uint16_t *out);

/* X'5C': the registers after editing, by SET EMSG: show the code, the text. */
void diag5c_edit(bool code, bool text, uint32_t *rx, uint32_t *ry);

#endif
