/*
 * peek.c - PEEK: look at a reader file without reading it in (VM/SP's
 * command, in a line-mode form: VM/370 users had only READCARD).
 *
 *   PEEK [spoolid] [( FOR n | ALL )]
 *
 * The file spoolid (or the reader's first) is read with DIAGNOSE X'14', a
 * 4 KB buffer at a time, and its first n records (default 50; ALL: every
 * one) are typed, after a line "FILE nnnn: n RECORDS SHOWN". The file
 * stays in the reader, whole: PEEK never reads past its last buffer, and
 * READCARD or RECEIVE after it read the file from its first card.
 *
 * Returns 0; 24 bad operands; 28 DMSPEK042E SPOOLID nnnn IS NOT IN YOUR
 * READER; 8 DMSPEK702E NO FILE IN THE READER; 100 a reader error (ids
 * ours).
 */
#include <stdio.h>
#include <string.h>
#include "cms/util/common/commands.h"
#include "cms/util/common/util.h"
#include "diagnose/diag.h"
#include "lib/bytes.h"

#define MOD "PEK"

enum { O_FOR, O_ALL, NOPT };
static const struct util_opt opts[NOPT] = {{"FOR", 3, UTIL_ARG_NUM}, {"ALL", 3, UTIL_ARG_NONE}};
static const uint8_t conflicts[][2] = {{O_FOR, O_ALL}};

/* Type the records of buffer b, up to *left of them. */
static void show(const uint8_t *b, uint32_t *left, uint32_t *shown)
{
    unsigned off = SPB_FIRST, end = get_be16(b + SPB_END), n = get_be16(b + SPB_NRECS);
    for (unsigned i = 0; i < n && *left && off + 16 <= end; i++) {
        unsigned data = get_be32(b + off) & 0xFFFFFF, len = get_be16(b + off + 6);
        if (data + len > SPB_SIZE)
            break;
        char line[SPB_SIZE];
        for (unsigned k = 0; k < len; k++)
            line[k] = util_e2a(b[data + k]);
        while (len && line[len - 1] == ' ')
            len--;
        line[len] = 0;
        util_type("%s", line);
        (*left)--;
        (*shown)++;
        off = get_be32(b + off + 8) & 0xFFFFFF;
    }
}

int peek_main(int argc, char **argv)
{
    int paren = util_paren(argc, argv);
    struct util_optval ov[NOPT];
    int rc = util_options(MOD, argc, argv, paren + 1, opts, NOPT, ov);
    if (rc || (rc = util_conflicts(MOD, opts, ov, conflicts, 1)) != 0)
        return rc;
    uint32_t spid = 0, left = ov[O_ALL].set ? UINT32_MAX : ov[O_FOR].set ? ov[O_FOR].num : 50;
    if (paren > 2 || (paren == 2 && (!util_number(argv[1], &spid) || spid > 9999))) {
        util_msg(MOD, "070E", "INVALID PARAMETER '%s'", argv[paren > 2 ? 2 : 1]);
        return 24;
    }
    unsigned reason = 0;
    if (spid && rdrdiag(DIAG14_SELECT, spid, NULL, &reason) != 0) {
        util_msg(MOD, "042E", "SPOOLID %u IS NOT IN YOUR READER", (unsigned)spid);
        return 28;
    }
    uint8_t *mem = util_alloc(MOD, 2 * SPB_SIZE);
    if (!mem)
        return UTIL_NOSTORAGE;
    uint8_t *b = (uint8_t *)(((uintptr_t)mem + SPB_SIZE - 1) & ~(uintptr_t)(SPB_SIZE - 1));
    uint32_t shown = 0, file = 0;
    /* from the first buffer (RESTART when a file is active already), and
     * the next one only while one follows: never the end of file, which
     * would purge the file */
    rc = rdrdiag(DIAG14_RESTART, 0, b, &reason);
    if (rc == 2)
        rc = rdrdiag(DIAG14_READ, 0, b, &reason);
    while (rc == 0) {
        file = get_be32(b + SPB_SPOOLID);
        show(b, &left, &shown);
        if (!left || get_be32(b + SPB_NEXT) == 0)
            break;
        rc = rdrdiag(DIAG14_READ, 0, b, &reason);
    }
    util_free(mem, 2 * SPB_SIZE);
    if (rc == 2) {
        util_msg(MOD, "702E", "NO FILE IN THE READER");
        return 8;
    }
    if (rc) {
        util_msg(MOD, "118S", "ERROR READING THE READER, CC %d REASON %u", rc, reason);
        return 100;
    }
    util_type("FILE %04u: %u RECORDS SHOWN", (unsigned)file, (unsigned)shown);
    return 0;
}
