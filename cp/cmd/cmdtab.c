/*
 * cmdtab.c - the CP command table and dispatcher (≈ DMKCFC).
 *
 * Entry points: cmd_from_terminal, cmd_execute, and the response helpers
 * cmd_printf, cmd_put, cmd_emsg.
 *
 * The first token is matched against the table in table order; a name
 * matches when the token abbreviates it to at least its minimum length
 * (shared/reference/vm370.md section 1.3). Entries that only make sense
 * before logon (LOGON) are searched only then, so "LOG" means LOGON on a
 * terminal nobody is logged on at and LOGOFF for a logged-on user, as in
 * VM/370. A command the user's classes do not allow is answered exactly
 * like an unknown one: DMKCFC001E ?CP: followed by the command word.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cons/term.h"
#include "vm/vmblok.h"

static void cmd_cp(struct cmdctx *c, struct scan *s);

#define ALLCLASSES 0xFF
#define PRE        CMD_PRELOGON
#define ON         CMD_LOGGEDON
#define ANY        CMD_ANYCLASS

static const struct cmd_def table[] = {
    {"LOGON", 1, ALLCLASSES, PRE | ANY, cmd_logon},
    {"ATTACH", 3, CLASS_B, ON, cmd_attach},
    {"ATTN", 4, CLASS_G, ON, cmd_request},
    {"ADSTOP", 6, CLASS_G, ON, cmd_adstop},
    {"BEGIN", 1, CLASS_G, ON, cmd_begin},
    {"CHANGE", 2, CLASS_D | CLASS_G, ON, cmd_change},
    {"CLOSE", 1, CLASS_G, ON, cmd_close},
    {"DISPLAY", 1, CLASS_G, ON, cmd_display},
    {"DEFINE", 3, CLASS_G, ON, cmd_define},
    {"DETACH", 3, CLASS_B | CLASS_G, ON, cmd_detach},
    {"EXTERNAL", 3, CLASS_G, ON, cmd_external},
    {"INDICATE", 3, CLASS_E | CLASS_G, ON, cmd_indicate},
    {"IPL", 1, CLASS_G, ON, cmd_ipl},
    {"REQUEST", 3, CLASS_G, ON, cmd_request},
    {"STORE", 2, CLASS_G, ON, cmd_store},
    {"SYSTEM", 3, CLASS_G, ON, cmd_system},
    {"TRACE", 2, CLASS_G, ON, cmd_trace},
    {"LINK", 4, CLASS_G, ON, cmd_link},
    {"LOGIN", 4, ALLCLASSES, PRE | ANY, cmd_logon},
    {"DISCONN", 4, ALLCLASSES, ON | ANY, cmd_disconn},
    {"FORCE", 5, CLASS_A, ON, cmd_force},
    {"LOGOFF", 3, ALLCLASSES, ON | ANY, cmd_logoff},
    {"LOGOUT", 4, ALLCLASSES, ON | ANY, cmd_logoff},
    {"MSG", 1, ALLCLASSES, PRE | ON | ANY, cmd_message},
    {"MESSAGE", 2, ALLCLASSES, PRE | ON | ANY, cmd_message},
    {"ORDER", 3, CLASS_D | CLASS_G, ON, cmd_order},
    {"PURGE", 3, CLASS_D | CLASS_G, ON, cmd_purge},
    {"QUERY", 1, ALLCLASSES, ON, cmd_query},
    {"TRANSFER", 4, CLASS_D | CLASS_G, ON, cmd_transfer},
    {"SET", 3, CLASS_A | CLASS_B | CLASS_C | CLASS_F | CLASS_G, ON, cmd_set},
    {"SAVESYS", 4, CLASS_C | CLASS_E, ON, cmd_savesys},
    {"SHUTDOWN", 8, CLASS_A, ON, cmd_shutdown},
    {"SPOOL", 2, CLASS_G, ON, cmd_spool},
    {"TAG", 2, CLASS_G, ON, cmd_tag},
    {"WARNING", 1, CLASS_A | CLASS_B, ON, cmd_warning},
    {"WNG", 3, CLASS_A | CLASS_B, ON, cmd_warning},
    {"START", 3, CLASS_D, ON, cmd_start},
    {"DRAIN", 2, CLASS_D, ON, cmd_drain},
    {"FLUSH", 1, CLASS_D, ON, cmd_flush},
    {"CP", 2, ALLCLASSES, PRE | ON | ANY, cmd_cp},
};
#define NCMDS (sizeof(table) / sizeof(table[0]))

static struct cmd_count counts[NCMDS];

int cmd_counts(const struct cmd_count **tab)
{
    for (size_t i = 0; i < NCMDS; i++)
        counts[i].name = table[i].name;
    *tab = counts;
    return (int)NCMDS;
}

uint8_t cmd_classes(const struct cmdctx *c) { return c->vm ? c->vm->classes : 0; }

bool cmd_has_class(const struct cmdctx *c, uint8_t classes)
{
    return (cmd_classes(c) & classes) != 0;
}

/* ---------------------------------------------------------------- responses */

void cmd_put(struct cmdctx *c, uint8_t flags, const char *line)
{
    if (c->out)
        c->out(c, flags, line);
}

void cmd_printf(struct cmdctx *c, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    cmd_put(c, 0, line);
}

void cmd_emsg(struct cmdctx *c, const char *id, const char *fmt, ...)
{
    char text[400], line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    /* the message number: DMKmmmNNNs */
    int num = 0;
    for (int i = 6; i < 9 && id[i]; i++)
        num = num * 10 + (id[i] - '0');
    c->rc = num;
    enum emsg_mode mode = c->vm ? c->vm->emsg : EMSG_ON;
    switch (mode) {
    case EMSG_ON: snprintf(line, sizeof(line), "%s %s", id, text); break;
    case EMSG_TEXT: snprintf(line, sizeof(line), "%s", text); break;
    case EMSG_CODE: snprintf(line, sizeof(line), "%s", id); break;
    case EMSG_OFF: return;
    }
    cmd_put(c, 0, line);
}

void cmd_err_operand(struct cmdctx *c, const char *module)
{
    char id[16];
    snprintf(id, sizeof(id), "DMK%s026E", module);
    cmd_emsg(c, id, "OPERAND MISSING OR INVALID");
}

void cmd_err_option(struct cmdctx *c, const char *module, const char *opt)
{
    char id[16];
    snprintf(id, sizeof(id), "DMK%s003E", module);
    cmd_emsg(c, id, "INVALID OPTION - %s", opt);
}

/* ---------------------------------------------------------------- dispatch */

static const struct cmd_def *lookup(const struct cmdctx *c, const char *word, size_t *index)
{
    uint8_t when = c->vm ? CMD_LOGGEDON : CMD_PRELOGON;
    for (size_t i = 0; i < NCMDS; i++) {
        const struct cmd_def *d = &table[i];
        if (!(d->flags & when))
            continue;
        if (!abbrev(word, d->name, d->minlen))
            continue;
        *index = i;
        return d;
    }
    return NULL;
}

void cmd_execute(struct cmdctx *c, const char *line)
{
    struct scan s;
    char word[16];
    c->rc = 0;
    scan_init(&s, line, strlen(line));
    if (scan_token_upper(&s, word, sizeof(word)) == 0)
        return; /* an empty line does nothing */
    /* "*" is a comment (any class, before logon too), even when run
     * together with its text */
    if (word[0] == '*')
        return;
    size_t i;
    const struct cmd_def *d = lookup(c, word, &i);
    if (!d || (!(d->flags & CMD_ANYCLASS) && !cmd_has_class(c, d->classes))) {
        cmd_emsg(c, "DMKCFC001E", "?CP: %s", word);
        return;
    }
    counts[i].count++;
    d->fn(c, &s);
}

static void cmd_cp(struct cmdctx *c, struct scan *s)
{
    size_t len;
    const char *rest = scan_rest(s, &len);
    char line[256];
    if (len >= sizeof(line))
        len = sizeof(line) - 1;
    memcpy(line, rest, len);
    line[len] = '\0';
    cmd_execute(c, line);
}

static void to_terminal(struct cmdctx *c, uint8_t flags, const char *line)
{
    term_put(c->term, flags, line);
}

void cmd_context_for(struct cmdctx *c, struct term *t)
{
    *c = (struct cmdctx){.term = t, .vm = t->vm, .out = to_terminal};
}

void cmd_from_terminal(struct term *t, const char *line)
{
    struct cmdctx c;
    cmd_context_for(&c, t);
    cmd_execute(&c, line);
}
