/*
 * editint.h - the editor's session, shared by the files of cms/edit/:
 *
 *   edit.c     EDIT itself: options, filetype defaults, loading, the
 *              console loop, input mode, the subcommand table, messages
 *   editbuf.c  the file in storage: one allocation a record, an array of
 *              record pointers; text helpers (case, tabs, truncation)
 *   editcmd.c  the line pointer and the text: TOP ... CHANGE, OVERLAY
 *   editset.c  the settings: ZONE, TRUNC, VERIFY, SERIAL, TABSET ...
 *   editfile.c writing: FILE, SAVE, QUIT, AUTOSAVE, the CMS subset
 *
 * Not for use outside cms/edit/.
 */
#ifndef CMS_EDIT_EDITINT_H
#define CMS_EDIT_EDITINT_H

#include <stdarg.h>
#include "cms/edit/edit.h"

#define EDIT_MAXTABS 28

/* One record: its text without trailing blanks. */
struct eline {
    unsigned short len, cap;
    char text[];
};

/* What PRESERVE keeps and RESTORE puts back. Columns are 1-based. */
struct edit_settings {
    unsigned zone1, zone2; /* ZONE: the columns CHANGE, LOCATE ... look at */
    unsigned trunc;        /* TRUNC: the last column input may fill */
    unsigned vcol;         /* VERIFY: the last column typed (0: all) */
    bool verify;
    bool upper;   /* CASE U */
    bool image;   /* IMAGE ON: expand tabs */
    bool longmsg; /* LONG (else SHORT) */
    unsigned char ntabs;
    unsigned char tabs[EDIT_MAXTABS];
    char serial;     /* 0 off, 'N' the name's first three, 'A' ALL, 'S' serid */
    char serid[4];   /* SERIAL xxx */
    unsigned serinc; /* SERIAL increment */
};

struct edit {
    const struct edit_env *env;
    struct edit_fileid id;
    char recfm;
    unsigned lrecl;
    bool nodisp;

    /* the file: lines[0 .. n-1] are records 1 .. n */
    struct eline **lines;
    unsigned n, cap;
    unsigned cur; /* the current line: 0 TOF, 1..n, n + 1 EOF */

    struct edit_settings set, saved;
    unsigned autosave; /* 0: OFF */
    unsigned updates;  /* since the last save */

    bool input; /* input mode */
    bool done;  /* FILE, QUIT, HX */
    int rc;
    bool nomem;               /* storage ran out while the file was read */
    bool failed;              /* the last subcommand typed an error (X n stops) */
    bool toolong;             /* a loaded record longer than EDIT_MAXLRECL */
    unsigned repeat, rep_now; /* REPEAT: set, and taken by this subcommand */

    const char *cmdline; /* the subcommand line being run (for ?EDIT:) */
    char in[EDIT_LINEBUF];
    char last[EDIT_LINEBUF];    /* for = and ? */
    char xcmd[2][EDIT_LINEBUF]; /* X and Y */
    char work[EDIT_LINEBUF];    /* a record being built */
    unsigned saveidx;           /* save(): the next record */
};

typedef void (*edit_cmd_fn)(struct edit *ed, const char *ops);

/* ------------------------------------------------------------ edit.c */
void ed_type(struct edit *ed, const char *s);
void ed_typef(struct edit *ed, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ed_error(struct edit *ed, const char *text); /* an error: text, or ?EDIT: when SHORT */
void ed_invalid(struct edit *ed);                 /* ?EDIT: the subcommand line */
void ed_nomem(struct edit *ed);
bool ed_halted(struct edit *ed);
void ed_typeline(struct edit *ed, unsigned i);
void ed_showpos(struct edit *ed); /* TOF:, EOF:, or the line when VERIFY ON */
void ed_updated(struct edit *ed, unsigned n);
void ed_enter_input(struct edit *ed);
void ed_dispatch(struct edit *ed, const char *line, bool remember);

void ed_strcpy(char *dst, size_t size, const char *src); /* cut to size - 1 */

/* operand scanning */
const char *ed_skip(const char *p);
const char *ed_text(const char *ops); /* the text after one blank */
bool ed_end(const char *p);           /* only blanks left */
/* The next blank-delimited token: *tok its start, returns its length (0
 * at the end of the line); *p moves past it. */
size_t ed_token(const char **p, const char **tok);
bool ed_word(const char *tok, size_t len, const char *w); /* case-blind */
bool ed_number(const char *tok, size_t len, unsigned *n);
/* [n|*]: 0 nothing there, 1 a count in *n (* gives ED_ALL), -1 not a count */
int ed_count(const char **p, unsigned *n);
#define ED_ALL 0xFFFFFFFFu
/* FILE/SAVE operands [fn [ft [fm]]]: the parts left out come from the
 * file being edited. 0, or -1 when they are not a file id. */
int ed_parse_fileid(struct edit *ed, const char *ops, struct edit_fileid *id);
bool ed_name_ok(const char *t, size_t len);
bool ed_mode_ok(const char *t, size_t len);

/* ----------------------------------------------------------- editbuf.c */
const char *eb_text(const struct edit *ed, unsigned i, size_t *len);
int eb_insert(struct edit *ed, unsigned after, const char *t, size_t len);
int eb_set(struct edit *ed, unsigned i, const char *t, size_t len);
void eb_delete(struct edit *ed, unsigned first, unsigned count);
void eb_freeall(struct edit *ed);
size_t eb_strip(const char *t, size_t len);
void eb_upper(char *s);
size_t eb_expand(const struct edit *ed, const char *in, char *out, size_t outsz);
size_t eb_trunc(struct edit *ed, char *t, size_t len, unsigned limit);
int eb_store_input(struct edit *ed, unsigned after, const char *text, bool replace);

/* ----------------------------------------------------------- editcmd.c */
void sub_top(struct edit *, const char *);
void sub_bottom(struct edit *, const char *);
void sub_next(struct edit *, const char *);
void sub_up(struct edit *, const char *);
void sub_locate(struct edit *, const char *);
void sub_slash(struct edit *, const char *);
void sub_find(struct edit *, const char *);
void sub_change(struct edit *, const char *);
void sub_alter(struct edit *, const char *);
void sub_delete(struct edit *, const char *);
void sub_dstring(struct edit *, const char *);
void sub_type(struct edit *, const char *);
void sub_overlay(struct edit *, const char *);
void sub_repeat(struct edit *, const char *);
void sub_input(struct edit *, const char *);
void sub_replace(struct edit *, const char *);

/* ----------------------------------------------------------- editset.c */
void ed_defaults(struct edit *ed, bool newfile, unsigned lrecl_opt, const struct edit_fileinfo *fi);
void sub_zone(struct edit *, const char *);
void sub_trunc(struct edit *, const char *);
void sub_case(struct edit *, const char *);
void sub_verify(struct edit *, const char *);
void sub_long(struct edit *, const char *);
void sub_short(struct edit *, const char *);
void sub_tabset(struct edit *, const char *);
void sub_image(struct edit *, const char *);
void sub_serial(struct edit *, const char *);
void sub_autosave(struct edit *, const char *);
void sub_preserve(struct edit *, const char *);
void sub_restore(struct edit *, const char *);
void sub_fname(struct edit *, const char *);
void sub_fmode(struct edit *, const char *);
void sub_recfm(struct edit *, const char *);

/* ---------------------------------------------------------- editfile.c */
int ed_write(struct edit *ed); /* 0, or the CMS rc after its message */
void ed_autosave(struct edit *ed);
void sub_file(struct edit *, const char *);
void sub_save(struct edit *, const char *);
void sub_quit(struct edit *, const char *);
void sub_cms(struct edit *, const char *);

#endif
