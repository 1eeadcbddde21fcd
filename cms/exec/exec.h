/*
 * exec.h - the CMS EXEC interpreter: the EXEC language of VM/370 Release 6
 * ("EXEC 1", CMS module DMSEXT). The language as implemented is described
 * for users in docs/exec.md; the decisions behind it in cms/exec/README.md.
 *
 * Portable: the same code runs in the CMS nucleus (s390, -m31,
 * freestanding) and in the host unit tests. The interpreter does no I/O
 * and keeps no global state: everything it needs from CMS comes through a
 * struct exec_env of callbacks, and everything it knows about one running
 * EXEC lives in storage it gets from env->alloc. An EXEC calls another
 * EXEC with the CMS command `EXEC fn args`, which env->command receives
 * like any other command; the nucleus answers it by calling exec_run again
 * with the same env, so nesting goes through the caller. &GLOBAL and
 * &GLOBAL0-9 are kept in the struct exec_shared that env points to.
 *
 * Text is ASCII (ISO 8859-1): the caller translates EBCDIC files and
 * terminal lines at its edges. Nothing is upper-cased here: tokens are
 * taken as stored.
 */
#ifndef CMS_EXEC_EXEC_H
#define CMS_EXEC_EXEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EXEC_TOKLEN   8   /* a token or a value: at most 8 characters */
#define EXEC_MAXARGS  30  /* &1 ... &30 */
#define EXEC_LINEMAX  130 /* an EXEC record or a line read from the terminal */
#define EXEC_FIXEDCOL 72  /* the columns scanned in an F-format file */
#define EXEC_MAXLOOPS 4   /* &LOOP nesting */
#define EXEC_MAXDEPTH 19  /* EXECs calling EXECs: &GLOBAL is 1 ... 19 */

/*
 * Return codes of exec_run besides the EXEC's own (&EXIT rc, 0 at the end
 * of the file, or the return code of a command that failed inside the
 * &ERROR action): an error in the EXEC file ends it with a message
 *     DMSEXT072E ERROR IN EXEC FILE fn, LINE nnn - text
 * and one of these codes.
 */
enum exec_rc {
    EXEC_RC_NOTFOUND = 801, /* FILE NOT FOUND (for the caller: exec_error) */
    EXEC_RC_SKIP = 802,     /* &SKIP OR &GOTO ERROR */
    EXEC_RC_FORMAT = 803,   /* BAD FILE FORMAT (for the caller: exec_error) */
    EXEC_RC_ARGS = 804,     /* TOO MANY ARGUMENTS */
    EXEC_RC_LOOPS = 805,    /* MAX DEPTH OF LOOP NESTING EXCEEDED */
    EXEC_RC_LOOPEOF = 806,  /* EOF FOUND IN LOOP */
    EXEC_RC_SYNTAX = 807,   /* INVALID SYNTAX */
    EXEC_RC_SPECIAL = 808,  /* MISUSE OF SPECIAL VARIABLE */
    EXEC_RC_CONVERT = 809,  /* CONVERSION ERROR */
    EXEC_RC_DEPTH = 810,    /* MAX DEPTH OF EXEC NESTING EXCEEDED */
    EXEC_RC_STORAGE = 811,  /* INSUFFICIENT FREE STORAGE */
    /* env->halted said stop (HX): the EXEC ends at once, without a
     * message, and so does every EXEC that called it. */
    EXEC_RC_HALTED = 999,
};

/* What all the nesting levels of one CMS session share. */
struct exec_shared {
    int depth;          /* EXECs running now: &GLOBAL of the innermost */
    int maxdepth;       /* EXEC_MAXDEPTH unless the caller sets another */
    int32_t global[10]; /* &GLOBAL0 ... &GLOBAL9 */
};

/* Before the first EXEC: no level running, &GLOBALn all 1. */
void exec_shared_init(struct exec_shared *sh);

/* env->clock requests */
enum exec_clock {
    EXEC_CLOCK_TOD,    /* the time of day "hh:mm:ss" (&CONTROL TIME) */
    EXEC_CLOCK_RESET,  /* start timing anew (&TIME) */
    EXEC_CLOCK_TIMING, /* the times since the reset as the Ready message
                          gives them: "T=v.vv/t.tt hh:mm:ss" (&TIME) */
};

/* env->command flags. NOMSG: &CONTROL NOMSG is in force, so ERASE,
 * LISTFILE, RENAME and STATE leave out FILE NOT FOUND. */
#define EXEC_CMD_NOMSG 0x01u

/*
 * The caller's side. Only shared, command, type, alloc and free are
 * required; any other callback may be NULL and then does what its
 * comment says.
 */
struct exec_env {
    void *ctx; /* passed to every callback */
    struct exec_shared *shared;

    /* Run a CMS command: tok holds ntok tokens of 8 characters, blank
     * padded (the tokenised plist without its fence; ntok >= 1), line the
     * same tokens separated by blanks. Returns the command's return code,
     * -3 for an unknown command. `EXEC fn args` is how EXECs nest. */
    int (*command)(void *ctx, const char (*tok)[EXEC_TOKLEN], int ntok, const char *line,
                   unsigned flags);
    /* Type a line on the terminal (HT, SET CMSTYPE, is the caller's). */
    void (*type)(void *ctx, const char *line);
    /* An error message (&EMSG, &BEGEMSG, DMSEXT072E): the first idlen
     * characters of line are the message id "DMSmmmnnns" (idlen 0: none),
     * to be shown as CP's SET EMSG says. NULL: typed as it is. */
    void (*emsg)(void *ctx, const char *line, size_t idlen);
    /* The next line of the console stack, else of the terminal, into buf
     * (at most size-1 characters, NUL-terminated): its length, or -1 when
     * there is none (taken as a null line). */
    int (*read)(void *ctx, char *buf, size_t size);
    /* Put a line in the console stack, first out (lifo) or last. NULL:
     * the line is dropped. */
    void (*stack)(void *ctx, const char *line, bool lifo);
    /* Lines in the console stack (&READFLAG). NULL: 0. */
    int (*stacked)(void *ctx);
    /* Punch an 80-column card. NULL: nothing is punched. */
    void (*punch)(void *ctx, const char card[80]);
    /* A CMS immediate command, "HT" or "RT" (&STACK HT|RT). NULL: none. */
    void (*immediate)(void *ctx, const char *cmd);
    /* Typing halted by HT (&TYPEFLAG). NULL: never. */
    bool (*typing_halted)(void *ctx);
    /* The variables that describe CMS: name is "&DISKx" (x a mode
     * letter), "&DISK*", "&DISK?" or "&DOS"; the value (at most 8
     * characters, NUL-terminated) goes to value. False: not known, and
     * the defaults are NA, NONE, NONE and OFF. NULL: always the defaults. */
    bool (*sysvar)(void *ctx, const char *name, char value[EXEC_TOKLEN + 1]);
    /* Times for &CONTROL TIME and &TIME (see enum exec_clock); buf gets a
     * NUL-terminated text. NULL: "00:00:00" and "T=0.00/0.00 00:00:00". */
    void (*clock)(void *ctx, enum exec_clock what, char *buf, size_t size);
    /* HX: true ends every running EXEC. Asked before each line and in
     * every loop that types or reads. NULL: never. */
    bool (*halted)(void *ctx);
    /* Free storage: one block of about 4.2K for each running EXEC and
     * one of about 330 bytes for every 18 variables it sets (31-bit
     * sizes). alloc returns storage or NULL; nothing is kept across
     * exec_run. */
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *p, size_t size);
};

/*
 * The EXEC file. Its lines are fetched by number (&GOTO, &SKIP and &LOOP
 * go backwards), so the caller keeps the file where it likes: line(n)
 * points *text at record n (1 ... nlines) and returns its length, or -1 if
 * it cannot. The text must stay valid until the next call of line.
 * Records longer than EXEC_LINEMAX are cut there.
 */
struct exec_file {
    char name[EXEC_TOKLEN + 1]; /* fn: &0 and &EXEC */
    bool fixed;                 /* RECFM F: only columns 1-72 are scanned */
    unsigned nlines;
    int (*line)(void *fctx, unsigned n, const char **text);
    void *fctx;
};

/*
 * Run an EXEC with the arguments of its command (the tokens after the
 * file name: 8 characters each, blank padded). Returns its return code
 * (above). Reentrant: env->command may call exec_run again, up to
 * env->shared->maxdepth levels.
 */
int exec_run(const struct exec_env *env, const struct exec_file *file,
             const char (*args)[EXEC_TOKLEN], int nargs);

/*
 * Report an error the caller finds before the EXEC runs (801 FILE NOT
 * FOUND, 803 BAD FILE FORMAT) or any other exec_rc, in the form exec_run
 * uses; returns rc.
 */
int exec_error(const struct exec_env *env, const char *fn, unsigned line, int rc);

/* The text of an exec_rc ("" for others). */
const char *exec_errtext(int rc);

#endif
