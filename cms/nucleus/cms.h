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
    bool nomsg;            /* an EXEC's &CONTROL NOMSG: no FILE NOT FOUND */
    bool svctrace;         /* SVCTRACE ON (HO: off) */
    bool svctrace_held;    /* SO: suspended until RO */
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
int cms_io_interrupt(uint32_t *regs); /* 1: interrupt the running program (attention) */
void cms_program_check(uint32_t *regs);
_Noreturn void cms_main(unsigned ipldev);

/* A nucleus level (start.S): an SVC, or an attention that interrupts a
 * running program. The record holds the interrupted registers and PSW
 * (BC mode); the level resumes from it, so a handler changes what the
 * caller gets back by changing the record. */
struct svcrec {
    uint32_t r[16];
    uint8_t psw[8];
};
_Static_assert(sizeof(struct svcrec) == 72, "CMS_SVCREC in lowcore.h");
void cms_svc(struct svcrec *s);
void cms_user_attention(struct svcrec *s);
/* Run a program in the user area (start.S): its R15. */
int cms_call_program(uint32_t entry, uint32_t plist, uint32_t save);
extern uint32_t cms_program_sp;
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
/* DMSFREE TYPE=USER / DMSFRET (SVC 203): blocks given back by
 * free_release_user when the program ends. free_user_put checks that p is
 * such a block of at least n bytes. */
void *free_user_get(size_t n);
bool free_user_put(void *p, size_t n);
void free_release_user(void);
/* Take the user area from its start to top (a program's image) out of
 * free storage until free_release_user; false if it is not free. */
bool free_take_user_area(uint32_t top);

/* May the nucleus read (or, for a program, write) n bytes at a, an
 * address a program gave it? Writes go only to the user area and above,
 * never to low storage or the nucleus. */
static inline bool cms_readable(uint32_t a, uint32_t n)
{
    return a < nucon.storage && n <= nucon.storage - a;
}
bool cms_writable(uint32_t a, uint32_t n);

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
extern const struct cms_cmd cms_abbrevs[];  /* MODULE commands' abbreviations (no fn) */
const struct cms_cmd *cms_find_command(const char *name);
/* The full name name abbreviates (cms_abbrevs), or NULL. */
const char *cms_abbrev(const char *name);
/* A nucleus command or a MODULE by name, then by the full name of an
 * abbreviation; -3 if none. */
int cms_run_named(const char *name, char (*tok)[8], int ntok, const char *line);
int cms_scan(const char *line, char (*tok)[8], int max);
void cms_tokstr(const char tok[8], char out[9]);
int cms_cp(const char *cmd);
int cms_first_command(const char *line);
void cms_startup_disks(void);
/* End what runs (a program, EXECs, commands) and go back to the command
 * loop: files closed (committed if commit), user storage given back.
 * hx: HX (the loop types "CMS", then Ready); otherwise an abend with return
 * code rc. */
_Noreturn void cms_unwind(bool hx, bool commit, int rc);

/* ---------------------------------------------------------------- exec.c */
bool cms_exec_exists(const char *name);
int cms_exec(char (*tok)[8], int ntok, const char *line);
/* After an unwind: the EXECs that were running are forgotten, their
 * storage given back. */
void cms_exec_abandon(void);
/* ---------------------------------------------------------------- module.c */
/* Load and run "name MODULE"; -3 if there is none. */
int cms_run_module(const char *name, char (*tok)[8], int ntok, const char *line);
/* Is a program running in the user area? */
bool cms_program_running(void);
/* The program has ended (or is abandoned): its storage is given back. */
void cms_program_end(void);

/* ---------------------------------------------------------------- svc.c */
/* SVC 202 by name, as a program calls it: the function table, the
 * nucleus commands, a MODULE. plist: the address the program gave. */
int svc_call(struct svcrec *s, uint32_t plist);
/* QUERY SVC: how often programs called what (our addition to QUERY). */
void svc_query(void);

/* ---------------------------------------------------------------- fsfunc.c */
/* The file-system functions of SVC 202: rc as R6's FS macros. */
int fs_state(struct svcrec *s, uint32_t plist);
int fs_statew(struct svcrec *s, uint32_t plist);
int fs_rdbuf(struct svcrec *s, uint32_t plist);
int fs_wrbuf(struct svcrec *s, uint32_t plist);
int fs_finis(struct svcrec *s, uint32_t plist);
int fs_erase(struct svcrec *s, uint32_t plist);
int fs_fstlist(struct svcrec *s, uint32_t plist);
int fs_rename(struct svcrec *s, uint32_t plist);

/* ---------------------------------------------------------------- unitrec.c */
/* CARDPH, PRINTR, CARDRD: the virtual punch, printer and reader. */
int ur_cardph(struct svcrec *s, uint32_t plist);
int ur_printr(struct svcrec *s, uint32_t plist);
int ur_cardrd(struct svcrec *s, uint32_t plist);

/* ---------------------------------------------------------------- sysfunc.c */
/* What the transient commands ask of the nucleus (plist.h). */
int sys_diskinfo(struct svcrec *s, uint32_t plist);
int sys_diskacc(struct svcrec *s, uint32_t plist);
int sys_diskrel(struct svcrec *s, uint32_t plist);
int sys_nucon(struct svcrec *s, uint32_t plist);
int sys_qrysvc(struct svcrec *s, uint32_t plist);
int sys_diskfmt(struct svcrec *s, uint32_t plist);
/* The active-file table: close every file (FINIS * * *): writes committed
 * if commit, else dropped. Returns the first commit's cmsfs error. */
int afile_close_all(bool commit);
/* Close the active files of the disk at mode letter (ACCESS, RELEASE). */
void afile_close_mode(char mode);

/* ---------------------------------------------------------------- messages */
/* A DMS message: id like "DMSSTT002E", text formatted. Honours SET EMSG
 * (DIAG X'5C'). */
void cms_emsg(const char *id, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
