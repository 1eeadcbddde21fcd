/*
 * graf.h - local 3270 displays as CP terminals (see graf.c).
 */
#ifndef CP_CONS_GRAF_H
#define CP_CONS_GRAF_H

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

#endif
