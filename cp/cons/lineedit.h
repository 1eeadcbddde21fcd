/*
 * lineedit.h - CP's line editing of terminal input (VM/370 CP Command
 * Reference, "Logical Line Editing"): one physical line becomes one or
 * more logical lines.
 *
 *   line end  (#)  ends a logical line; what follows is the next one
 *   line delete (¢) erases everything before it on the logical line
 *   char delete (@) erases the character before it
 *   escape    (")  takes the next character literally
 *
 * A character that is 0 is switched off (TERMINAL LINEND OFF ...).
 * Portable; tested on the host.
 */
#ifndef CP_CONS_LINEEDIT_H
#define CP_CONS_LINEEDIT_H

#include <stddef.h>

struct edit_chars {
    char linend, linedel, chardel, escape;
};

typedef void (*logical_line_fn)(void *ctx, const char *line, size_t len);

/* Edit `in` and call fn once per logical line (always at least once, so
 * an empty entry is an empty line). Returns the number of logical lines. */
int line_edit(const char *in, size_t len, const struct edit_chars *ec, logical_line_fn fn,
              void *ctx);

#endif
