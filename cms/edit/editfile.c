/*
 * editfile.c - writing the file and leaving the editor: FILE, SAVE, QUIT,
 * AUTOSAVE's saves, and the CMS subset.
 *
 * The records go to env->save one at a time: F records padded with
 * blanks to the LRECL (and serialized in 73-80 under SERIAL), V records
 * without trailing blanks (a blank record is one blank: CMS has no empty
 * records). When the save fails, on a read-only disk, a full disk or a
 * disk that is not accessed, the editor types the CMS error and keeps
 * everything: FILE does not leave, and FMODE or FILE fn ft fm can try
 * elsewhere. QUIT leaves without writing, changed or not (R6 asked
 * nothing). An empty file is not written: FILE IS EMPTY.
 */
#include <stdio.h>
#include <string.h>
#include "cms/edit/editint.h"

/* Columns 73-80 of record i under SERIAL. */
static void serialize(const struct edit *ed, char *rec, unsigned i)
{
    const struct edit_settings *s = &ed->set;
    unsigned long seq = (unsigned long)i * s->serinc;
    char num[16];
    if (s->serial == 'A') {
        snprintf(num, sizeof(num), "%08lu", seq % 100000000ul);
        memcpy(rec + 72, num, 8);
        return;
    }
    const char *id = s->serial == 'N' ? ed->id.fn : s->serid;
    size_t idl = strnlen(id, 3);
    memset(rec + 72, ' ', 3);
    memcpy(rec + 72, id, idl);
    snprintf(num, sizeof(num), "%05lu", seq % 100000ul);
    memcpy(rec + 75, num, 5);
}

static const char *next_record(void *sctx, size_t *len)
{
    struct edit *ed = sctx;
    if (ed->saveidx >= ed->n)
        return NULL;
    unsigned i = ++ed->saveidx;
    size_t l;
    const char *t = eb_text(ed, i, &l);
    if (l > ed->lrecl)
        l = ed->lrecl;
    memcpy(ed->work, t, l);
    if (ed->recfm == 'F') {
        memset(ed->work + l, ' ', ed->lrecl - l);
        l = ed->lrecl;
        if (ed->set.serial && ed->lrecl == 80)
            serialize(ed, ed->work, i);
    } else if (l == 0) {
        ed->work[l++] = ' ';
    }
    *len = l;
    return ed->work;
}

int ed_write(struct edit *ed)
{
    const struct edit_env *env = ed->env;
    const struct edit_fileid *id = &ed->id;
    if (ed->n == 0) {
        ed_type(ed, "FILE IS EMPTY");
        return -1;
    }
    ed->saveidx = 0;
    int rc = env->save(env->ctx, id, ed->recfm, ed->lrecl, next_record, ed);
    if (rc == 0) {
        ed->updates = 0;
        return 0;
    }
    ed->failed = true;
    if (rc == 12)
        ed_typef(ed, "DMSEDI037E DISK '%c' IS READ/ONLY", id->fm[0]);
    else if (rc == 36)
        ed_typef(ed, "DMSEDI069E DISK '%c' NOT ACCESSED", id->fm[0]);
    else
        ed_typef(ed, "DMSEDI105S ERROR '%d' WRITING FILE '%s %s %s' ON DISK", rc, id->fn, id->ft,
                 id->fm);
    return rc;
}

/* AUTOSAVE n: a SAVE after every n updates. A failed one says how to go
 * on and leaves input mode, so the user sees it. */
void ed_autosave(struct edit *ed)
{
    if (!ed->autosave || ed->updates < ed->autosave || ed->n == 0)
        return;
    ed->updates = 0;
    if (ed_write(ed) == 0) {
        ed_type(ed, "SAVED");
        return;
    }
    ed_type(ed, "SET NEW FILEMODE AND RETRY");
    if (ed->input) {
        ed->input = false;
        ed_type(ed, "EDIT:");
    }
}

/* FILE and SAVE [fn [ft [fm]]]: a new file id is kept even when the
 * write fails, so FMODE x and FILE can retry it on another disk. */
static int write_as(struct edit *ed, const char *ops)
{
    struct edit_fileid id;
    if (ed_parse_fileid(ed, ops, &id) != 0) {
        ed_invalid(ed);
        return -1;
    }
    ed->id = id;
    return ed_write(ed);
}

void sub_file(struct edit *ed, const char *ops)
{
    if (write_as(ed, ops) == 0) {
        ed->done = true;
        ed->rc = 0;
    }
}

void sub_save(struct edit *ed, const char *ops) { write_as(ed, ops); }

void sub_quit(struct edit *ed, const char *ops)
{
    if (!ed_end(ops)) {
        ed_invalid(ed);
        return;
    }
    ed->done = true;
    ed->rc = 0;
}

static void run_cms(struct edit *ed, const char *line)
{
    if (ed->env->cms)
        ed->env->cms(ed->env->ctx, line);
    else
        ed_type(ed, "INVALID SUBSET COMMAND");
}

/* CMS: the subset, until RETURN. CMS line: that one command. */
void sub_cms(struct edit *ed, const char *ops)
{
    char line[EDIT_LINEBUF];
    if (!ed_end(ops)) {
        run_cms(ed, ed_skip(ops));
        return;
    }
    ed_type(ed, "CMS SUBSET");
    while (!ed_halted(ed)) {
        int n = ed->env->read(ed->env->ctx, line, sizeof(line));
        if (n < 0) {
            ed->done = true;
            ed->rc = EDIT_RC_HALT;
            return;
        }
        if ((size_t)n >= sizeof(line))
            n = sizeof(line) - 1;
        line[n] = '\0';
        const char *p = line, *tok;
        size_t len = ed_token(&p, &tok);
        if (len == 0)
            continue;
        if (ed_word(tok, len, "RETURN") && ed_end(p)) {
            ed_type(ed, "EDIT:");
            return;
        }
        run_cms(ed, ed_skip(line));
    }
}
