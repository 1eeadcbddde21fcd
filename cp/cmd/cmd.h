/*
 * cmd.h - CP's command processor (≈ DMKCFC/DMKCFM): the command table,
 * privilege classes, and how a command talks back.
 *
 * A command runs with a context: who issued it (a user, or a terminal
 * that is not logged on yet), and where its response goes (c->out: the
 * terminal, or a program's DIAGNOSE X'08' buffer, sim/diag_cmd.c). A
 * command writes its response only through cmd_put, cmd_printf and
 * cmd_emsg, so that a program can capture it. Errors are issued with
 * cmd_emsg, which honours SET EMSG and sets the return code to the
 * message number, as VM/370 returns it to programs.
 */
#ifndef CP_CMD_CMD_H
#define CP_CMD_CMD_H

#include <stdbool.h>
#include <stdint.h>
#include "lib/cmdscan.h"

struct term;
struct vmblok;

struct cmdctx {
    struct term *term; /* the terminal the command came from, or NULL */
    struct vmblok *vm; /* the user issuing it; NULL before logon */
    void (*out)(struct cmdctx *c, uint8_t flags, const char *line);
    void *outarg;
    int rc; /* 0, or the number of the error message issued */
    /* from a program: DIAGNOSE X'08' Ry flags (X'80': a LINK password on
     * the line is refused); 0 when typed */
    uint8_t diag08_flags;
};

/* Command flags */
#define CMD_PRELOGON 0x01 /* may be used before logon */
#define CMD_LOGGEDON 0x02 /* may be used by a logged-on user */
#define CMD_ANYCLASS 0x04 /* no privilege class needed ("any") */

struct cmd_def {
    const char *name;
    uint8_t minlen;  /* minimum abbreviation */
    uint8_t classes; /* CLASS_A ... CLASS_H: any one of them permits */
    uint8_t flags;
    void (*fn)(struct cmdctx *c, struct scan *s);
};

/* One logical line typed at a terminal. */
void cmd_from_terminal(struct term *t, const char *line);
/* A context whose responses go to terminal t (its user issues the command). */
void cmd_context_for(struct cmdctx *c, struct term *t);
/* Run one command line in a context (response through c->out). */
void cmd_execute(struct cmdctx *c, const char *line);

/* Responses */
void cmd_printf(struct cmdctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_put(struct cmdctx *c, uint8_t flags, const char *line);
/* "DMKCFC001E" + text, per SET EMSG; the message number becomes c->rc. */
void cmd_emsg(struct cmdctx *c, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Common operand errors */
void cmd_err_operand(struct cmdctx *c, const char *module);                 /* 026E */
void cmd_err_option(struct cmdctx *c, const char *module, const char *opt); /* 003E */

/* The user's classes (0 before logon). */
uint8_t cmd_classes(const struct cmdctx *c);
bool cmd_has_class(const struct cmdctx *c, uint8_t classes);

/* Counters: how often each command ran (for QUERY and the studious). */
struct cmd_count {
    const char *name;
    uint32_t count;
};
int cmd_counts(const struct cmd_count **tab);

/* The handlers, by area (≈ their DMK modules) */
void cmd_logon(struct cmdctx *c, struct scan *s);  /* cons/logon.c: DMKLOG */
void cmd_logoff(struct cmdctx *c, struct scan *s); /* cons/logon.c: DMKUSO */
void cmd_disconn(struct cmdctx *c, struct scan *s);
void cmd_force(struct cmdctx *c, struct scan *s);
void cmd_query(struct cmdctx *c, struct scan *s);   /* cmd/query.c: DMKCQG */
void cmd_set(struct cmdctx *c, struct scan *s);     /* cmd/set.c: DMKCFS */
void cmd_message(struct cmdctx *c, struct scan *s); /* cmd/message.c: DMKMSG */
void cmd_warning(struct cmdctx *c, struct scan *s);
void cmd_shutdown(struct cmdctx *c, struct scan *s); /* kern/shutdown.c: DMKCPI */
/* cmd/vmcmd.c: running the virtual machine */
void cmd_begin(struct cmdctx *c, struct scan *s);    /* DMKCFC */
void cmd_ipl(struct cmdctx *c, struct scan *s);      /* DMKCFG */
void cmd_system(struct cmdctx *c, struct scan *s);   /* DMKCPB */
void cmd_define(struct cmdctx *c, struct scan *s);   /* DMKDEF */
void cmd_attach(struct cmdctx *c, struct scan *s);   /* DMKVDA */
void cmd_detach(struct cmdctx *c, struct scan *s);   /* DMKVDD */
void cmd_request(struct cmdctx *c, struct scan *s);  /* DMKCFC */
void cmd_external(struct cmdctx *c, struct scan *s); /* DMKCPB */
void cmd_adstop(struct cmdctx *c, struct scan *s);   /* DMKCFD */
void cmd_indicate(struct cmdctx *c, struct scan *s); /* DMKTHI */
void cmd_trace(struct cmdctx *c, struct scan *s);    /* DMKTRC */
/* cmd/link.c: minidisks (DMKLNK) */
void cmd_link(struct cmdctx *c, struct scan *s);
struct dir_dev;
/* A directory MDISK or LINK statement at LOGON (messages to the console) */
void link_logon(struct vmblok *vm, const struct dir_dev *dd);
/* DEFINE Txxxx: false when CP's storage is exhausted; the response comes
 * once the space has been cleared */
bool define_tdisk(struct cmdctx *c, uint16_t devtype, uint16_t vaddr, unsigned ncyl);
/* vm/savesys.c: SAVESYS (DMKCFH) */
void cmd_savesys(struct cmdctx *c, struct scan *s);
/* cmd/spoolcmd.c: spooled devices (DMKCSP, DMKCSQ, DMKCST, DMKDEF) */
void cmd_spool(struct cmdctx *c, struct scan *s);
void cmd_close(struct cmdctx *c, struct scan *s);
void cmd_tag(struct cmdctx *c, struct scan *s);
/* DEFINE of a reader, punch or printer: the type (0 if tok names none) */
uint16_t define_ur_type(const char *tok, bool *reader);
void define_ur(struct cmdctx *c, struct scan *s);
/* A userid of the directory, or * for the issuer */
bool spoolcmd_user(struct cmdctx *c, const char *tok, char out[9]);
/* cmd/spoolfile.c: closed spool files (DMKCSU, DMKCSV, DMKCQP) */
void cmd_change(struct cmdctx *c, struct scan *s);
void cmd_order(struct cmdctx *c, struct scan *s);
void cmd_purge(struct cmdctx *c, struct scan *s);
void cmd_transfer(struct cmdctx *c, struct scan *s);
void spool_query_files(struct cmdctx *c, struct scan *s);
void spool_query_queue(struct cmdctx *c, struct scan *s, uint8_t queue);
/* spool/rspool.c: real spooling devices (DMKCSO) */
void cmd_start(struct cmdctx *c, struct scan *s);
void cmd_drain(struct cmdctx *c, struct scan *s);
void cmd_flush(struct cmdctx *c, struct scan *s);
/* QUERY raddr of a real spooling device; false if tok names none */
bool rspool_query(struct cmdctx *c, const char *tok);
/* cmd/display.c */
void cmd_display(struct cmdctx *c, struct scan *s); /* DMKCDB */
void cmd_store(struct cmdctx *c, struct scan *s);   /* DMKCDS */

#endif
