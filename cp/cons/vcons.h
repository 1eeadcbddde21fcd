/*
 * vcons.h - a virtual machine's console (≈ DMKVCN for the 3215 the guest
 * sees, DMKQCN for what CP shows): a virtual 3215 at the directory's
 * CONSOLE address, carried by the user's real terminal.
 *
 * The guest's writes (X'01', X'09') become output lines on the terminal
 * (the terminal's MORE... and HOLDING apply; a guest that writes faster
 * than the user reads waits for the screen). A read (X'0A') shows VM READ
 * and ends with the next line the user enters. A line entered while the
 * guest is not reading is kept for its next read and presented as an
 * attention interruption (unit status X'80'), as is the REQUEST command.
 */
#ifndef CP_CONS_VCONS_H
#define CP_CONS_VCONS_H

#include <stdbool.h>
#include <stdint.h>

struct vmblok;
struct term;

/* Give the machine its console at vaddr; false if CP storage ran out or
 * the address is taken. */
bool vcons_create(struct vmblok *vm, uint16_t vaddr);
/* A line the user entered for the machine (already edited). */
/* A line typed at the terminal is coming, in one or more logical lines
 * (the line-end character): only the first may raise attention. */
void vcons_input_start(struct vmblok *vm);
void vcons_input(struct vmblok *vm, const char *line);
/* REQUEST: an attention interruption from the console. */
void vcons_attention(struct vmblok *vm);
/* Whether the guest has a console read waiting. */
bool vcons_reading(struct vmblok *vm);
/* Show CP READ, VM READ or RUNNING as the machine's state says. */
void vcons_show_state(struct vmblok *vm);
/* A CP message for the user (nothing while disconnected). */
void vcons_cp_message(struct vmblok *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The terminal showed some of its output, or went away (term.c): a guest
 * write that waits for room can end now. */
void vcons_output_drained(struct vmblok *vm);

#endif
