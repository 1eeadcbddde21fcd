/*
 * urccw.h - what the commands of a spooled unit record device do
 * (≈ the CCW decoding of DMKVSP), portable.
 *
 * A virtual reader, punch or printer is simulated by CP, which moves its
 * records to and from spool files; ur_decode says what one command is for
 * a device type, following the command codes of the IBM 2540, 3505,
 * 3525, 1403 and 3211 (component descriptions; shared/reference/vm370.md
 * section 6.4):
 *
 *   reader   X'02' read a card, with stacker selection in bits 0-1
 *            (X'42', X'82', X'C2'); X'03' no-op and X'x3' feed/select
 *   punch    X'01' punch a card, with stacker selection (X'41', X'81',
 *            X'C1'); X'03' no-op and X'x3' feed/select
 *   printer  X'01' write without spacing, X'09' X'11' X'19' write and
 *            space 1-3 lines, X'89'-X'E1' write and skip to channel 1-12;
 *            X'0B' X'13' X'1B' space immediate, X'8B'-X'E3' skip
 *            immediate; X'03' no-op; X'63' load FCB (3211), X'F3' X'FB'
 *            load UCS buffer, X'6B' X'73' X'7B' X'EB' (block/allow data
 *            check, fold, unfold) are accepted and do nothing
 *   all      X'04' sense (one byte)
 *
 * Anything else is a command reject (unit check, sense X'80').
 */
#ifndef CP_SPOOL_URCCW_H
#define CP_SPOOL_URCCW_H

#include <stdint.h>

enum ur_kind { UR_READER, UR_PUNCH, UR_PRINTER };

enum ur_act {
    URA_REJECT, /* unit check, command reject */
    URA_NOOP,   /* channel end and device end, nothing moved */
    URA_SENSE,  /* the sense byte */
    URA_READ,   /* the next card of the reader's file */
    URA_WRITE,  /* a record with data, kept with its command code */
    URA_CONTROL /* a printer space or skip without data: kept as a record of length 0 */
};

/* Sense byte 0 */
#define UR_SNS_CMDREJ 0x80
#define UR_SNS_INTREQ 0x40

enum ur_act ur_decode(enum ur_kind kind, uint8_t cmd);

/* Bytes of one record the device takes or gives: 80 for cards, the line
 * width for printers (132 on a 1403, 150 on a 3211). */
uint16_t ur_width(enum ur_kind kind, uint16_t devtype);

/* The device class for a device type (0x2540 needs the kind it was
 * defined as); -1 for a type that is not spooled unit record. */
int ur_kind_of(uint16_t devtype, int reader);

#endif
