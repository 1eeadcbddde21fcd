/*
 * exec.c - EXEC files: finding "name EXEC", reading it into storage, and
 * running it with the interpreter of cms/exec (R6's DMSEXT), whose
 * callbacks are the nucleus's console, console stack and command search.
 */
#include <stdio.h>
#include <string.h>
#include "cms/cmd/cmd.h"
#include "cms/exec/exec.h"
#include "cms/nucleus/disk.h"
#include "console/ebcdic.h"

static struct exec_shared shared;
static bool shared_ready;

struct loaded {
    unsigned n;
    char **lines;
    struct loaded *outer; /* the EXEC that runs this one, or NULL */
};
static struct loaded *innermost; /* the EXECs running now */

static int get_line(void *fctx, unsigned n, const char **text)
{
    struct loaded *l = fctx;
    if (n < 1 || n > l->n)
        return -1;
    *text = l->lines[n - 1];
    return (int)strlen(*text);
}

static int x_command(void *ctx, const char (*tok)[EXEC_TOKLEN], int ntok, const char *line,
                     unsigned flags)
{
    char t[64][8];
    int n = ntok > 64 ? 64 : ntok;
    memcpy(t, tok, (size_t)n * 8);
    bool was = nucon.nomsg;
    nucon.nomsg = (flags & EXEC_CMD_NOMSG) != 0;
    int rc = cms_command(t, n, line); /* no implied EXEC or CP inside an EXEC: R6 */
    nucon.nomsg = was;
    return rc;
}

static void x_type(void *ctx, const char *line) { con_type(line); }
static int x_read(void *ctx, char *buf, size_t size) { return con_read(buf, size, true); }
static void x_stack(void *ctx, const char *line, bool lifo) { con_stack(line, lifo); }
static int x_stacked(void *ctx) { return con_stacked(); }
static bool x_halted(void *ctx) { return con_attention_poll(); }
static void *x_alloc(void *ctx, size_t n) { return cms_calloc(n); }

static void x_immediate(void *ctx, const char *cmd)
{
    nucon.typing_halted = cmd[0] == 'H';
}

static bool x_typing_halted(void *ctx) { return nucon.typing_halted; }

static void x_emsg(void *ctx, const char *line, size_t idlen)
{
    char id[16];
    if (idlen == 0 || idlen >= sizeof(id)) {
        con_type(line);
        return;
    }
    memcpy(id, line, idlen);
    id[idlen] = 0;
    cms_emsg(id, "%s", line[idlen] == ' ' ? line + idlen + 1 : line + idlen);
}

/* &DISKx, &DISK*, &DISK?: what CMS knows of its disks. */
static bool x_sysvar(void *ctx, const char *name, char value[EXEC_TOKLEN + 1])
{
    if (strncmp(name, "&DISK", 5) != 0 || !name[5] || name[6])
        return false;
    char m = name[5];
    if (m == '*' || m == '?') {
        struct adt *best = NULL;
        uint32_t most = 0;
        for (struct adt *d = disk_next(NULL); d; d = disk_next(d)) {
            if (!d->rw || !d->fs)
                continue;
            struct cmsfs_info in;
            cmsfs_disk_info(d->fs, &in);
            if (!best || (m == '?' && in.left > most)) {
                best = d;
                most = in.left;
            }
        }
        if (!best)
            return false; /* NONE */
        value[0] = best->mode;
        value[1] = 0;
        return true;
    }
    struct adt *d = adt_of(m);
    if (!d || !d->fs)
        return false; /* NA */
    memcpy(value, "CMS", 4);
    return true;
}
static void x_free(void *ctx, void *p, size_t n) { cms_mfree(p); }

static const struct exec_env env = {
    .shared = &shared,
    .command = x_command,
    .type = x_type,
    .read = x_read,
    .stack = x_stack,
    .stacked = x_stacked,
    .halted = x_halted,
    .immediate = x_immediate,
    .typing_halted = x_typing_halted,
    .emsg = x_emsg,
    .sysvar = x_sysvar,
    .alloc = x_alloc,
    .free = x_free,
};

static bool find(const char *name, struct adt **d, struct cmsfs_fst *fst)
{
    struct fileid f;
    memset(&f, 0, sizeof(f));
    if (strlen(name) > 8)
        return false;
    memcpy(f.fn, name, strlen(name) + 1);
    memcpy(f.ft, "EXEC", 5);
    f.mode = '*';
    return fileid_find(&f, d, fst);
}

bool cms_exec_exists(const char *name)
{
    struct adt *d;
    struct cmsfs_fst fst;
    return find(name, &d, &fst);
}

static void unload(struct loaded *l)
{
    if (!l)
        return;
    for (unsigned i = 0; i < l->n; i++)
        cms_mfree(l->lines[i]);
    cms_mfree(l->lines);
    cms_mfree(l);
}

int cms_exec(char (*tok)[8], int ntok, const char *line)
{
    char name[9];
    cms_tokstr(tok[0], name);
    if (!shared_ready) {
        exec_shared_init(&shared);
        shared_ready = true;
    }
    struct adt *d;
    struct cmsfs_fst fst;
    if (!find(name, &d, &fst))
        return exec_error(&env, name, 0, EXEC_RC_NOTFOUND);
    struct cmsfs_rfile *r;
    if (cmsfs_ropen(d->fs, fst.fn, fst.ft, &r) != 0)
        return exec_error(&env, name, 0, EXEC_RC_FORMAT);
    /* in free storage, not on the stack: cms_exec_abandon finds it after an unwind */
    struct loaded *l = cms_calloc(sizeof(*l));
    if (l)
        l->lines = cms_calloc((fst.records ? fst.records : 1) * sizeof(char *));
    uint8_t rec[EXEC_LINEMAX];
    int rc = l && l->lines ? 0 : EXEC_RC_STORAGE;
    while (rc == 0 && l->n < fst.records) {
        size_t len;
        int e = cmsfs_read(r, 0, rec, sizeof(rec), &len);
        if (e && e != CMSFS_ETRUNC)
            break;
        if (len > sizeof(rec))
            len = sizeof(rec);
        char *t = cms_malloc(len + 1);
        if (!t) {
            rc = EXEC_RC_STORAGE;
            break;
        }
        e2a(t, rec, len);
        while (len > 0 && t[len - 1] == ' ')
            len--;
        t[len] = 0;
        l->lines[l->n++] = t;
    }
    cmsfs_rclose(r);
    if (rc) {
        unload(l);
        return exec_error(&env, name, 0, rc);
    }
    struct exec_file file = {.fixed = fst.recfm == 0xC6, .nlines = l->n, .line = get_line, .fctx = l};
    memcpy(file.name, name, sizeof(file.name));
    l->outer = innermost;
    innermost = l;
    rc = exec_run(&env, &file, (const char (*)[EXEC_TOKLEN])(tok + 1), ntok - 1);
    innermost = l->outer;
    unload(l);
    return rc;
}

void cms_exec_abandon(void)
{
    /* the EXECs' frames are gone (an abend or HX unwound them): their
     * storage is given back and no level runs */
    while (innermost) {
        struct loaded *l = innermost;
        innermost = l->outer;
        unload(l);
    }
    shared.depth = 0;
}

int cmd_exec(char (*tok)[8], int ntok, const char *line)
{
    if (ntok < 2) {
        cms_emsg("DMSEXT001E", "NO FILENAME SPECIFIED");
        return 24;
    }
    return cms_exec(tok + 1, ntok - 1, line);
}
