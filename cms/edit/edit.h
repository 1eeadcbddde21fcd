/*
 * edit.h - the CMS line editor (EDIT), as VM/370 Release 6 had it (DMSEDI).
 *
 * Portable: the same code runs in the CMS nucleus or as a MODULE (s390,
 * -m31, freestanding) and on the host (the unit tests). The editor does no
 * I/O of its own: the caller hands it a struct edit_env with the console,
 * the file system, the CMS subset, the halt flag and storage. Nothing here
 * keeps state outside the session, so any number of sessions can run.
 *
 * Text is ASCII (ISO 8859-1) inside the editor: the caller translates
 * EBCDIC at its edges, and does CP's logical line editing (# @ ...)
 * before a line reaches the editor.
 *
 * Entry point: edit_run(). See cms/edit/README.md for the design and the
 * decisions, docs/edit.md for the subcommands.
 */
#ifndef CMS_EDIT_EDIT_H
#define CMS_EDIT_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#define EDIT_MAXLRECL 160 /* the longest record the editor holds */
#define EDIT_LINEBUF  256 /* the longest console line it reads */

/* Return codes of edit_run besides 0 (FILE or QUIT) and the CMS return
 * codes of its error messages (24 bad operands, 32 record lengths, ...). */
#define EDIT_RC_HALT (-1) /* HX, or the console has no more input */

/* A file identifier: NUL-terminated, upper case. fm is a mode letter and
 * number ("A1"), a letter, "*" (every accessed disk) or "" (the A-disk and
 * its extensions). */
struct edit_fileid {
    char fn[9], ft[9], fm[3];
};

/* What load() says about the file it found. */
struct edit_fileinfo {
    char fm[3];     /* letter and number of the disk written to by SAVE/FILE:
                        for a read-only extension, its parent's letter */
    char recfm;     /* 'F' or 'V' */
    unsigned lrecl; /* F: record length; V: longest record */
};

/* load() calls this once per record, in order; a non-zero return asks it
 * to stop (the editor's storage is full, or a record is too long). */
typedef int (*edit_add_fn)(void *actx, const char *rec, size_t len);
/* save() calls this for each record in turn; NULL after the last. The
 * record is valid until the next call. */
typedef const char *(*edit_next_fn)(void *sctx, size_t *len);

struct edit;

struct edit_env {
    void *ctx; /* passed to every callback */

    /* Storage (the nucleus' free storage). alloc returns NULL when full. */
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *p);

    /* The next console line (the console stack first): stores at most
     * size - 1 characters and a NUL, returns their number; -1 when no line
     * will ever come (the editor then ends as for HX). */
    int (*read)(void *ctx, char *buf, size_t size);
    /* Type one line on the console. */
    void (*type)(void *ctx, const char *line);

    /* Read fn ft fm: fill *info, then call add() per record. Returns 0,
     * 28 when there is no such file (a new file), 36 when the disk is not
     * accessed, another CMS return code for a read error. */
    int (*load)(void *ctx, const struct edit_fileid *id, struct edit_fileinfo *info,
                edit_add_fn add, void *actx);
    /* Write fn ft fm anew with the records next() hands out (at least one).
     * The old file must survive a failure. Returns 0 or the CMS return
     * code: 12 read-only disk, 13 disk full, 36 disk not accessed, ... */
    int (*save)(void *ctx, const struct edit_fileid *id, char recfm, unsigned lrecl,
                edit_next_fn next, void *sctx);

    /* The CMS subset: run one CMS command line (types its own messages and
     * Ready). May be NULL: then the subset answers INVALID SUBSET COMMAND. */
    int (*cms)(void *ctx, const char *line);
    /* HX: true once the user asked to halt. May be NULL. */
    bool (*halted)(void *ctx);

    /* Optional: called after every subcommand and input line with the
     * session, for a display front-end (DIAGNOSE X'58') to redraw from the
     * accessors below. NULL in line mode. */
    void (*show)(void *ctx, const struct edit *ed);
    /* Optional: EDIT_NCMDS counters, one per subcommand (edit_cmdname()),
     * bumped each time it runs; owned by the caller so they outlive the
     * session and can be shown by a command. */
    unsigned long *counters;
};

/*
 * EDIT fn ft [fm|*] [( LRECL nn NODISP [)]]: argv holds the tokens after
 * the command name, as the CMS scanner made them. Returns 0 when the
 * session ended with FILE or QUIT, EDIT_RC_HALT on HX, or the return code
 * of the error message it typed (the session did not start).
 */
int edit_run(const struct edit_env *env, int argc, const char *const *argv);

/* ---------------------------------------------------- for the show hook */

#define EDIT_NCMDS 50
const char *edit_cmdname(unsigned i); /* NULL past the last */

unsigned edit_lines(const struct edit *ed);   /* records in the file */
unsigned edit_current(const struct edit *ed); /* 0 TOF, 1..lines, lines+1 EOF */
/* Record i (1..lines), without trailing blanks; NULL out of range. */
const char *edit_line(const struct edit *ed, unsigned i, size_t *len);
const struct edit_fileid *edit_file(const struct edit *ed);
bool edit_inputmode(const struct edit *ed);
bool edit_nodisp(const struct edit *ed);

#endif
