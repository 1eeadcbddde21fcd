/*
 * graf.h - local 3270 displays as CP terminals (see graf.c).
 */
#ifndef CP_CONS_GRAF_H
#define CP_CONS_GRAF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The screen CP formats (a 3270 model 2): the output area, the input
 * area and the status area of the last two rows. */
#define GRAF_ROWS      24
#define GRAF_COLS      80
#define GRAF_OUT_LINES 22
#define GRAF_IN_LINES  2

struct rdevblok;
struct term;

/* Make a 3270 a terminal and show it the logo. */
struct term *graf_attach(struct rdevblok *rd);
/* How long MORE... waits before the alarm, and then before clearing. */
void graf_set_more(unsigned first_sec, unsigned second_sec);

/*
 * DIAGNOSE X'58' (sim/diag_cons.c): a program's use of its user's screen
 * (docs/console.md, "A program's use of the screen"). The terminal must be
 * a display (graf_is). Nothing here waits: what cannot be written at once
 * is written when the display is free.
 */
bool graf_is(const struct term *t);
/* A cell is what one position of the output area shows: an EBCDIC
 * character, or GRAF_CELL_ATTR + the 6 bits of a field attribute. */
#define GRAF_CELL_ATTR 0x100
/* Show n cells in the output area from line `line`, after erasing the
 * output area if erase. CP's next lines go below them. */
void graf_display(struct term *t, bool erase, unsigned line, const uint16_t *cells, unsigned n);
/* Erase the screen and show CP's layout again, cursor in the input area. */
void graf_redraw(struct term *t);

enum graf_fs_rc {
    GRAF_FS_DONE,
    GRAF_FS_NOINPUT, /* read: the user has sent nothing since the last read */
    GRAF_FS_NOTFS,   /* the screen is CP's now (or CP has output waiting for it) */
    GRAF_FS_BUSY,    /* write: the last one is not out yet; try again */
};
/* Full screen: the program's 3270 write (WCC, orders, data). With erase it
 * is an erase/write and the screen becomes the program's (pa1: PA1 too);
 * without, the screen must be the program's already. */
enum graf_fs_rc graf_fs_write(struct term *t, bool erase, bool pa1, const uint8_t *stream,
                              size_t len);
/* Full screen: the user's last input, as Read Modified gave it (AID,
 * cursor address, modified fields): at most cap bytes to buf, *len of
 * them. The input is then gone. */
enum graf_fs_rc graf_fs_read(struct term *t, uint8_t *buf, size_t cap, size_t *len);

#endif
