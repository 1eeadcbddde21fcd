/*
 * lineedit.c - logical line editing (see lineedit.h).
 */
#include "cons/lineedit.h"

#define LOGICAL_MAX 256

int line_edit(const char *in, size_t len, const struct edit_chars *ec, logical_line_fn fn,
              void *ctx)
{
    char out[LOGICAL_MAX];
    size_t n = 0;
    int lines = 0;
    for (size_t i = 0; i < len; i++) {
        char c = in[i];
        if (ec->escape && c == ec->escape && i + 1 < len) {
            c = in[++i];
        } else if (ec->linend && c == ec->linend) {
            fn(ctx, out, n);
            lines++;
            n = 0;
            continue;
        } else if (ec->chardel && c == ec->chardel) {
            if (n > 0)
                n--;
            continue;
        } else if (ec->linedel && c == ec->linedel) {
            n = 0;
            continue;
        }
        if (n < LOGICAL_MAX)
            out[n++] = c;
    }
    fn(ctx, out, n);
    return lines + 1;
}
