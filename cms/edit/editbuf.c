/*
 * editbuf.c - the file in storage, and the text rules every input line
 * goes through.
 *
 * A record is one allocation (struct eline: length, capacity, text) and
 * the file is an array of pointers to them that doubles when it is full.
 * Records are kept without trailing blanks: F records get them back when
 * they are written, V records were written without them by R6 EDIT too.
 * 2,000 records of 80 bytes take about 190 KB with the array; inserting
 * or deleting moves pointers, never text.
 *
 * A failed allocation leaves the file as it was: callers type AVAILABLE
 * STORAGE IS NOW FULL and stop what they were doing (ed_nomem).
 */
#include <ctype.h>
#include <string.h>
#include "cms/edit/editint.h"

static void *ed_alloc(struct edit *ed, size_t size) { return ed->env->alloc(ed->env->ctx, size); }

static void ed_free(struct edit *ed, void *p)
{
    if (p)
        ed->env->free(ed->env->ctx, p);
}

/* Records are rounded up to 8 bytes so that small changes fit in place. */
static struct eline *line_new(struct edit *ed, const char *t, size_t len)
{
    size_t cap = (len + 7) & ~(size_t)7;
    if (cap == 0)
        cap = 8;
    struct eline *l = ed_alloc(ed, sizeof(*l) + cap);
    if (!l)
        return NULL;
    l->len = (unsigned short)len;
    l->cap = (unsigned short)cap;
    memcpy(l->text, t, len);
    return l;
}

const char *eb_text(const struct edit *ed, unsigned i, size_t *len)
{
    if (i < 1 || i > ed->n) {
        *len = 0;
        return "";
    }
    const struct eline *l = ed->lines[i - 1];
    *len = l->len;
    return l->text;
}

static int grow(struct edit *ed)
{
    unsigned ncap = ed->cap ? ed->cap * 2 : 64;
    struct eline **nl = ed_alloc(ed, ncap * sizeof(*nl));
    if (!nl)
        return -1;
    if (ed->n)
        memcpy(nl, ed->lines, ed->n * sizeof(*nl));
    ed_free(ed, ed->lines);
    ed->lines = nl;
    ed->cap = ncap;
    return 0;
}

/* A new record after record `after` (0: at the top). */
int eb_insert(struct edit *ed, unsigned after, const char *t, size_t len)
{
    if (after > ed->n)
        after = ed->n;
    len = eb_strip(t, len);
    if (ed->n == ed->cap && grow(ed) != 0)
        return -1;
    struct eline *l = line_new(ed, t, len);
    if (!l)
        return -1;
    memmove(&ed->lines[after + 1], &ed->lines[after], (ed->n - after) * sizeof(*ed->lines));
    ed->lines[after] = l;
    ed->n++;
    return 0;
}

/* Record i gets new text (t may point into the old text). */
int eb_set(struct edit *ed, unsigned i, const char *t, size_t len)
{
    if (i < 1 || i > ed->n)
        return 0;
    len = eb_strip(t, len);
    struct eline *l = ed->lines[i - 1];
    if (len <= l->cap) {
        memmove(l->text, t, len);
        l->len = (unsigned short)len;
        return 0;
    }
    struct eline *nl = line_new(ed, t, len);
    if (!nl)
        return -1;
    ed_free(ed, l);
    ed->lines[i - 1] = nl;
    return 0;
}

void eb_delete(struct edit *ed, unsigned first, unsigned count)
{
    if (first < 1 || first > ed->n || count == 0)
        return;
    if (count > ed->n - first + 1)
        count = ed->n - first + 1;
    for (unsigned k = 0; k < count; k++)
        ed_free(ed, ed->lines[first - 1 + k]);
    memmove(&ed->lines[first - 1], &ed->lines[first - 1 + count],
            (ed->n - (first - 1) - count) * sizeof(*ed->lines));
    ed->n -= count;
}

void eb_freeall(struct edit *ed)
{
    for (unsigned k = 0; k < ed->n; k++)
        ed_free(ed, ed->lines[k]);
    ed_free(ed, ed->lines);
    ed->lines = NULL;
    ed->n = ed->cap = 0;
}

size_t eb_strip(const char *t, size_t len)
{
    while (len > 0 && t[len - 1] == ' ')
        len--;
    return len;
}

void eb_upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

/* IMAGE ON: a tab moves to the next tab stop (TABSET), or one column when
 * there is none. Returns the length of out (at most outsz - 1). */
size_t eb_expand(const struct edit *ed, const char *in, char *out, size_t outsz)
{
    size_t o = 0;
    for (; *in && o + 1 < outsz; in++) {
        if (*in != '\t' || !ed->set.image) {
            out[o++] = *in;
            continue;
        }
        size_t to = o + 1;
        for (unsigned k = 0; k < ed->set.ntabs; k++) {
            if ((size_t)ed->set.tabs[k] - 1 > o) {
                to = (size_t)ed->set.tabs[k] - 1;
                break;
            }
        }
        while (o < to && o + 1 < outsz)
            out[o++] = ' ';
    }
    out[o] = '\0';
    return o;
}

/* Cut t at column `limit`; TRUNCATED when something other than blanks
 * is lost. */
size_t eb_trunc(struct edit *ed, char *t, size_t len, unsigned limit)
{
    if (len <= limit)
        return len;
    if (eb_strip(t, len) > limit)
        ed_type(ed, "TRUNCATED");
    return limit;
}

/* An input line (INPUT, REPLACE, input mode): tabs, TRUNC, then a new
 * record after record `at`, or record `at` itself when replace. The new
 * record becomes the current line. */
int eb_store_input(struct edit *ed, unsigned at, const char *text, bool replace)
{
    char buf[EDIT_LINEBUF];
    size_t len = eb_expand(ed, text, buf, sizeof(buf));
    len = eb_trunc(ed, buf, len, ed->set.trunc);
    int rc = replace ? eb_set(ed, at, buf, len) : eb_insert(ed, at, buf, len);
    if (rc != 0) {
        ed_nomem(ed);
        return -1;
    }
    ed->cur = replace ? at : (at > ed->n - 1 ? ed->n : at + 1);
    ed_updated(ed, 1);
    return 0;
}
