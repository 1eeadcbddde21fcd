/*
 * cms.h - the CMS nucleus's shared state and services (the role of R6's
 * NUCON and the DMSxxx entry points). docs/cms.md describes the whole.
 *
 * Text inside the nucleus is ASCII (ISO 8859-1), as in CP: console lines
 * are translated at the console, file names when they reach the file
 * system; file contents stay EBCDIC.
 */
#ifndef CMS_NUCLEUS_CMS_H
#define CMS_NUCLEUS_CMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CMS_LINE_MAX 130 /* a console line (R6: 130) */

/* The nucleus's settings and state (NUCON). */
struct nucon {
    uint32_t storage;      /* virtual storage size (DIAG X'60') */
    uint16_t console;      /* the console's address */
    uint16_t ipldev;       /* the device CMS was IPLed from */
    bool console_3270;     /* the virtual console's terminal is a display */
    bool rdymsg_short;     /* SET RDYMSG SMSG */
    bool impcp, impex;     /* SET IMPCP, SET IMPEX */
    bool typing_halted;    /* HT in effect */
    bool halt;             /* HX: end what runs, back to Ready */
    uint64_t vtime, ttime; /* CPU times at the last Ready (microseconds) */
};
extern struct nucon nucon;

/* ---------------------------------------------------------------- start.S */
struct cms_jmp {
    uint32_t r[10]; /* R6-R15 */
};
void cms_wait(void);
int cms_setjmp(struct cms_jmp *j) __attribute__((returns_twice));
_Noreturn void cms_longjmp(const struct cms_jmp *j);
void cms_io_entry(void);
void cms_pgm_entry(void);
void cms_svc_entry(void);
void cms_ext_entry(void);

/* Called by the handlers with the interrupted registers. */
void cms_io_interrupt(uint32_t *regs);
void cms_program_check(uint32_t *regs);
void cms_svc(uint32_t *regs);
_Noreturn void cms_main(unsigned ipldev);
_Noreturn void cms_loop(void);

/* ---------------------------------------------------------------- io.c */
/* Start the channel program at ccws on dev and wait for its end (channel
 * end and device end). Returns the unit status | channel status << 8 of
 * the ending, or -1 if the device is not operational. *residual gets the
 * CSW count when not NULL. */
int io_run(unsigned dev, const void *ccws, unsigned *residual);
/* Build a format-0 CCW. */
void ccw0(void *ccw, unsigned cmd, const void *data, unsigned flags, unsigned count);

/* ---------------------------------------------------------------- console.c */
void con_init(void);
/* Type a line (ASCII). Cut to the console's width in pieces. */
void con_type(const char *line);
void con_typef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Read the next line: the console stack first, then the terminal. upper:
 * translate to upper case (WAITRD 'U'). Returns its length. */
int con_read(char *buf, size_t size, bool upper);
/* The console stack (&STACK, ATTN, typed-ahead lines). */
void con_stack(const char *line, bool lifo);
int con_stacked(void);
void con_desbuf(void);
/* MAKEBUF: a new buffer, read before the older ones; returns its number.
 * DROPBUF n: drop buffer n and the newer ones (0: the newest). */
int con_makebuf(void);
int con_dropbuf(int n);
/* Process an attention that arrived: read the line; an immediate command
 * (HX, HT, RT, ...) takes effect, another line joins the typed-ahead
 * lines. Returns true if HX was given. */
bool con_attention_check(void);
/* The same, first letting in an attention that is pending while the
 * nucleus computes (for loops that do no I/O, such as an EXEC's). */
bool con_attention_poll(void);

/* ---------------------------------------------------------------- free.c */
void free_init(uint32_t low, uint32_t high);
void *cms_malloc(size_t n);
void *cms_calloc(size_t n);
void cms_mfree(void *p);
uint32_t free_user_top(void); /* the user area ends below this */

/* ---------------------------------------------------------------- dmsint.c */
/* Run one command line (ASCII); returns its return code (-3 unknown). */
int cms_command_line(const char *line);
/* Run a tokenised command (tok[0] the name). */
int cms_command(char (*tok)[8], int ntok, const char *line);

/* A nucleus command: tok[0] is its name; tokens are ASCII, 8 characters,
 * blank padded; line is the whole command line. Returns the return code. */
typedef int cms_cmd_fn(char (*tok)[8], int ntok, const char *line);
struct cms_cmd {
    const char *name;
    int minlen; /* the shortest abbreviation R6 accepts */
    cms_cmd_fn *fn;
};
extern const struct cms_cmd cms_commands[]; /* cmdtab.c; ends with a NULL name */
const struct cms_cmd *cms_find_command(const char *name);
int cms_scan(const char *line, char (*tok)[8], int max);
void cms_tokstr(const char tok[8], char out[9]);
int cms_cp(const char *cmd);
int cms_first_command(const char *line);
void cms_startup_disks(void);
void cms_abend_cleanup(void);

/* ---------------------------------------------------------------- exec.c */
bool cms_exec_exists(const char *name);
int cms_exec(char (*tok)[8], int ntok, const char *line);
/* ---------------------------------------------------------------- module.c */
/* Load and run "name MODULE"; -3 if there is none. */
int cms_run_module(const char *name, char (*tok)[8], int ntok, const char *line);

/* ---------------------------------------------------------------- messages */
/* A DMS message: id like "DMSSTT002E", text formatted. Honours SET EMSG
 * (DIAG X'5C'). */
void cms_emsg(const char *id, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
