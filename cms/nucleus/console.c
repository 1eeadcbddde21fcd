/*
 * console.c - the virtual console and the console stack (the job of R6's
 * DMSCWR, DMSCRD, DMSCIT and DMSCAT).
 *
 * The console is the virtual machine's 3215 (DIAGNOSE X'24' finds it),
 * driven with Write (X'09') and Read (X'0A') CCWs; CP shows it on the
 * user's terminal. Lines come first from the console stack (lines stacked
 * by EXEC or programs, LIFO or FIFO), then from lines typed while CMS was
 * busy (read after an attention), then from the terminal.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include "cms/nucleus/cms.h"
#include "console/ebcdic.h"
#include "diagnose/diagcall.h"

extern bool con_attention; /* io.c */

#define STACK_MAX 64

struct line {
    struct line *next;
    int buf; /* the console stack's buffer it is in (MAKEBUF) */
    char text[];
};

static struct line *stack_head, *stack_tail; /* program stack */
static struct line *typed_head, *typed_tail; /* typed ahead */
static int nstacked;
static int nbuf; /* buffers made by MAKEBUF: the newest is read first */
static unsigned width = 130;

void con_init(void)
{
    uint32_t rx = 0, vinfo = 0, rinfo = 0;
    if (diag_devtype_console(&rx, &vinfo, &rinfo) != DIAG24_CC_NODEV)
        nucon.console = (uint16_t)rx;
    nucon.console_3270 = (vinfo & VDEVFLAG_ON3270) != 0;
    width = 130;
}

static void write_ebcdic(const uint8_t *e, unsigned n)
{
    static uint64_t ccw[1];
    ccw0(ccw, 0x09, e, 0x20, n ? n : 1);
    if (n == 0) {
        static const uint8_t blank = 0x40;
        ccw0(ccw, 0x09, &blank, 0x20, 1);
    }
    (void)io_run(nucon.console, ccw, NULL);
}

void con_type(const char *line)
{
    static uint8_t e[CMS_LINE_MAX];
    size_t n = strlen(line);
    if (nucon.typing_halted)
        return;
    do {
        size_t k = n > width ? width : n;
        a2e(e, line, k);
        write_ebcdic(e, (unsigned)k);
        line += k;
        n -= k;
    } while (n > 0);
    (void)con_attention_check();
}

void con_typef(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    con_type(buf);
}

static struct line *newline(const char *text)
{
    size_t n = strlen(text);
    if (n > CMS_LINE_MAX)
        n = CMS_LINE_MAX;
    struct line *l = cms_malloc(sizeof(*l) + n + 1);
    if (!l)
        return NULL;
    l->next = NULL;
    memcpy(l->text, text, n);
    l->text[n] = 0;
    return l;
}

/* The stack holds the newest buffer's lines first, then the older
 * buffers' in turn. A line joins the newest buffer: LIFO at its front,
 * FIFO after its last line. */
void con_stack(const char *text, bool lifo)
{
    struct line *l = newline(text);
    if (!l)
        return;
    l->buf = nbuf;
    struct line **at = &stack_head;
    if (!lifo)
        while (*at && (*at)->buf == nbuf)
            at = &(*at)->next;
    l->next = *at;
    *at = l;
    if (!l->next)
        stack_tail = l;
    nstacked++;
}

int con_makebuf(void) { return ++nbuf; }

int con_dropbuf(int n)
{
    if (n <= 0 || n > nbuf)
        n = nbuf;
    if (n == 0)
        n = 1;
    while (stack_head && stack_head->buf >= n) {
        struct line *l = stack_head;
        stack_head = l->next;
        cms_mfree(l);
        nstacked--;
    }
    if (!stack_head)
        stack_tail = NULL;
    nbuf = n - 1;
    return 0;
}

/* A read takes the first line; the buffers it emptied end. */
static void buffers_emptied(void)
{
    int top = stack_head ? stack_head->buf : 0;
    if (nbuf > top)
        nbuf = top;
}

int con_stacked(void) { return nstacked; }

static void drop_all(struct line **head, struct line **tail)
{
    while (*head) {
        struct line *l = *head;
        *head = l->next;
        cms_mfree(l);
    }
    *tail = NULL;
}

void con_desbuf(void)
{
    drop_all(&stack_head, &stack_tail);
    nstacked = 0;
    nbuf = 0;
}

/* Read one line from the terminal (a VM READ), as typed, in ASCII. */
static int terminal_read(char *buf, size_t size)
{
    static uint64_t ccw[1];
    static uint8_t e[CMS_LINE_MAX];
    unsigned residual = CMS_LINE_MAX;
    ccw0(ccw, 0x0A, e, 0x20, CMS_LINE_MAX);
    int st = io_run(nucon.console, ccw, &residual);
    if (st < 0 || (st & 0x02))
        return 0;
    unsigned n = CMS_LINE_MAX - (residual > CMS_LINE_MAX ? CMS_LINE_MAX : residual);
    if (n >= size)
        n = (unsigned)size - 1;
    e2a(buf, e, n);
    buf[n] = 0;
    return (int)n;
}

static bool immediate(const char *l)
{
    char w[4] = {0};
    size_t n = strlen(l);
    while (n && l[n - 1] == ' ')
        n--;
    while (*l == ' ')
        l++, n--;
    if (n != 2)
        return false;
    w[0] = (char)toupper((unsigned char)l[0]);
    w[1] = (char)toupper((unsigned char)l[1]);
    if (!strcmp(w, "HX")) {
        nucon.halt = true;
        nucon.typing_halted = false;
    } else if (!strcmp(w, "HT")) {
        nucon.typing_halted = true;
    } else if (!strcmp(w, "RT")) {
        nucon.typing_halted = false;
    } else if (!strcmp(w, "SO")) {
        nucon.svctrace_held = true; /* SVC tracing suspended */
    } else if (!strcmp(w, "RO")) {
        nucon.svctrace_held = false;
    } else if (!strcmp(w, "HO")) {
        nucon.svctrace = nucon.svctrace_held = false;
    } else if (!strcmp(w, "HB")) {
        /* the end of a CMSBATCH job: there is no CMSBATCH */
    } else {
        return false;
    }
    return true;
}

/* Let a pending I/O interruption in (the nucleus runs disabled): the
 * system mask opens for I/O for one instruction. Each opening is an SSM
 * that CP simulates, so a busy caller (a looping EXEC) opens it only
 * every POLL_EVERY checks. */
#define POLL_EVERY 16

static void io_window(void)
{
    uint8_t mask = 0;
    __asm__ volatile("stosm %0,0xfe\n\tssm %0" : "+Q"(mask) : : "memory", "cc");
}

bool con_attention_poll(void)
{
    static unsigned calls;
    if (++calls % POLL_EVERY == 0)
        io_window();
    return con_attention_check();
}

bool con_attention_check(void)
{
    while (con_attention) {
        con_attention = false;
        char buf[CMS_LINE_MAX + 1];
        terminal_read(buf, sizeof(buf));
        if (!immediate(buf)) {
            struct line *l = newline(buf);
            if (l) {
                if (typed_tail)
                    typed_tail->next = l;
                else
                    typed_head = l;
                typed_tail = l;
            }
        }
    }
    return nucon.halt;
}

static int take(struct line **head, struct line **tail, char *buf, size_t size)
{
    struct line *l = *head;
    *head = l->next;
    if (!*head)
        *tail = NULL;
    size_t n = strlen(l->text);
    if (n >= size)
        n = size - 1;
    memcpy(buf, l->text, n);
    buf[n] = 0;
    cms_mfree(l);
    return (int)n;
}

int con_read(char *buf, size_t size, bool upper)
{
    int n;
    if (stack_head) {
        n = take(&stack_head, &stack_tail, buf, size);
        nstacked--;
        buffers_emptied();
    } else {
        (void)con_attention_check();
        if (typed_head) {
            n = take(&typed_head, &typed_tail, buf, size);
        } else {
            n = terminal_read(buf, size);
            nucon.typing_halted = false;
        }
    }
    if (upper)
        for (int i = 0; i < n; i++)
            buf[i] = (char)toupper((unsigned char)buf[i]);
    return n;
}
