/*
 * stdio.c - standard I/O over CMS files and the console (stdio.h;
 * cms/lib/README.md).
 *
 * A disk FILE reads with RDBUF and writes with WRBUF, one record at a
 * time, through the nucleus's active-file table (so one FILE per CMS file
 * at a time: two would share a position). Text mode: a record read
 * becomes a line (EBCDIC to ASCII, trailing blanks of F records dropped,
 * '\n' added); a line written becomes a record (ASCII to EBCDIC; F: padded
 * with blanks, a longer line is cut and ferror set; V: an empty line is
 * one blank, as CMS has no empty records). Binary mode: the records'
 * bytes end to end; written in records of LRECL bytes, the last one
 * padded with zeros for F, shorter for V. Defaults for a new file: V, and
 * for binary files records of 80 bytes; "a" takes an existing file's
 * format. "w" starts the file anew when the first record is written (the
 * old one stays until fclose commits the new one); a "w" file closed with
 * nothing written is erased.
 *
 * The console: stdin reads lines with WAITRD (a line "/" "*" alone is end
 * of file, as in IBM's C for CMS), stdout and stderr type lines with
 * TYPLIN (a line is typed at '\n', at fflush, before stdin reads, and at
 * 4096 characters).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cms/lib/cmsapi.h"
#include "cms/lib/cmslib.h"
#include "console/ebcdic.h"
#include "lib/fmt.h"

int errno, __cms_rc;

int cmslib_wrbuf(const char *fn, const char *ft, const char *fm, uint32_t recno, char recfm,
                 const void *buf, size_t len, uint8_t flags);

enum { K_CONIN, K_CONOUT, K_DISK };
#define CON_LINE   4096
#define V_TEXT_MAX 65535

struct __cms_file {
    int kind;
    char how; /* 'r', 'w', 'a' */
    bool binary, eof, err, cut;
    char fn[9], ft[9], fm[3];
    char recfm;
    uint32_t lrecl;
    char *buf;            /* a record or line */
    size_t cap, len, pos; /* its room, its length, the next byte read */
    int unget;            /* a character pushed back, or EOF */
    uint32_t written;     /* records written */
};

static char in_line[CON_LINE + 2], out_line[CON_LINE], err_line[CON_LINE];
static FILE con_in = {
    .kind = K_CONIN, .how = 'r', .buf = in_line, .cap = sizeof(in_line), .unget = EOF};
static FILE con_out = {
    .kind = K_CONOUT, .how = 'w', .buf = out_line, .cap = sizeof(out_line), .unget = EOF};
static FILE con_err = {
    .kind = K_CONOUT, .how = 'w', .buf = err_line, .cap = sizeof(err_line), .unget = EOF};
FILE *const stdin = &con_in;
FILE *const stdout = &con_out;
FILE *const stderr = &con_err;

static FILE *open_files[FOPEN_MAX];

/* A CMS return code as errno; EOF. */
static int fail(FILE *f, int rc, int err)
{
    __cms_rc = rc;
    errno = err;
    if (f)
        f->err = true;
    return EOF;
}

static int errno_of(int rc)
{
    switch (rc) {
    case 1:
    case 28: return ENOENT;
    case 9: return EBUSY;
    case 12:
    case 36: return EACCES;
    case 13:
    case 19: return ENOSPC;
    case 25:
    case 104: return ENOMEM;
    case 4:
    case 5:
    case 14:
    case 15:
    case 20:
    case 21:
    case 24: return EINVAL;
    default: return EIO;
    }
}

/* ---------------------------------------------------------------- open, close */

FILE *fopen(const char *name, const char *mode)
{
    struct cmslib_fopen o;
    if (!name || !mode || cmslib_fopen_parse(name, mode, &o) != 0) {
        fail(NULL, 20, EINVAL);
        return NULL;
    }
    int slot = -1;
    for (int i = 0; i < FOPEN_MAX && slot < 0; i++)
        if (!open_files[i])
            slot = i;
    if (slot < 0) {
        fail(NULL, 10, ENOMEM);
        return NULL;
    }
    FILE *f = calloc(1, sizeof(*f));
    if (!f) {
        fail(NULL, 25, ENOMEM);
        return NULL;
    }
    f->kind = K_DISK;
    f->how = o.how;
    f->binary = o.binary;
    f->unget = EOF;
    memcpy(f->fn, o.fn, sizeof(f->fn));
    memcpy(f->ft, o.ft, sizeof(f->ft));
    memcpy(f->fm, o.fm, sizeof(f->fm));
    struct cms_fst st;
    int rc = 0;
    if (o.how == 'r') {
        rc = fsstate(f->fn, f->ft, f->fm[0] ? f->fm : "*", &st);
        if (rc == 0) {
            memcpy(f->fm, st.fm, 3); /* read the file STATE found */
            f->recfm = st.recfm;
            f->lrecl = st.lrecl;
        }
    } else {
        f->recfm = o.recfm ? o.recfm : 'V';
        if (o.how == 'a' && fsstate(f->fn, f->ft, f->fm[0] ? f->fm : "A", &st) == 0) {
            f->recfm = o.recfm ? o.recfm : st.recfm;
            f->lrecl = st.lrecl;
        }
        if (o.lrecl)
            f->lrecl = o.lrecl;
        if (!f->lrecl || (o.how == 'a' && !o.lrecl && f->recfm == 'V' && !f->binary))
            f->lrecl = f->recfm == 'F' || f->binary ? 80 : V_TEXT_MAX;
    }
    if (rc) {
        free(f);
        fail(NULL, rc, errno_of(rc));
        return NULL;
    }
    /* the record buffer: a whole record, and a '\n' after a text one */
    f->cap = o.how == 'r' ? f->lrecl + 1 : f->binary || f->recfm == 'F' ? f->lrecl : 256;
    f->buf = malloc(f->cap ? f->cap : 1);
    if (!f->buf) {
        free(f);
        fail(NULL, 25, ENOMEM);
        return NULL;
    }
    open_files[slot] = f;
    return f;
}

/* Write the record in f->buf (f->len bytes, EBCDIC or binary). */
static int put_record(FILE *f, size_t n)
{
    uint8_t flags = f->how == 'w' && f->written == 0 ? FSCB_REPL : 0;
    int rc = cmslib_wrbuf(f->fn, f->ft, f->fm, 0, f->recfm, f->buf, n, flags);
    f->len = 0;
    if (rc)
        return fail(f, rc, errno_of(rc));
    f->written++;
    return 0;
}

/* The line (text) or the partial record (binary) in the buffer, written. */
static int end_record(FILE *f)
{
    size_t n = f->len;
    if (f->binary) {
        if (n == 0)
            return 0;
        if (f->recfm == 'F') {
            memset(f->buf + n, 0, f->lrecl - n);
            n = f->lrecl;
        }
        return put_record(f, n);
    }
    if (f->recfm == 'F') {
        memset(f->buf + n, ' ', f->lrecl - n);
        n = f->lrecl;
    } else if (n == 0) {
        f->buf[n++] = ' ';
    }
    a2e(f->buf, f->buf, n);
    return put_record(f, n);
}

/* Type the console line in the buffer. */
static int con_flush(FILE *f)
{
    if (f->len == 0)
        return 0;
    int rc = wrterm(f->buf, f->len);
    f->len = 0;
    return rc ? fail(f, rc, EIO) : 0;
}

int fflush(FILE *f)
{
    if (!f) {
        con_flush(stdout);
        con_flush(stderr);
        return 0;
    }
    return f->kind == K_CONOUT ? con_flush(f) : 0;
}

int fclose(FILE *f)
{
    if (!f)
        return EOF;
    if (f->kind != K_DISK)
        return fflush(f);
    int rc = 0;
    if (f->how != 'r' && f->len > 0)
        rc = end_record(f);
    if (f->how == 'w' && f->written == 0 && !f->err) {
        int e = fserase(f->fn, f->ft, f->fm[0] ? f->fm : "A"); /* C's "w" empties it */
        if (e && e != 28)
            rc = fail(f, e, errno_of(e));
    } else {
        int e = fsclose(f->fn, f->ft, f->fm[0] ? f->fm : "A");
        if (e && e != 6 && !rc) /* 6: nothing was read or written */
            rc = fail(f, e, errno_of(e));
    }
    if (f->cut && !rc)
        rc = EOF;
    for (int i = 0; i < FOPEN_MAX; i++)
        if (open_files[i] == f)
            open_files[i] = NULL;
    free(f->buf);
    free(f);
    return rc ? EOF : 0;
}

void cmslib_close_all(void)
{
    for (int i = 0; i < FOPEN_MAX; i++)
        if (open_files[i])
            fclose(open_files[i]);
    fflush(NULL);
}

int feof(FILE *f) { return f->eof; }
int ferror(FILE *f) { return f->err; }

void clearerr(FILE *f) { f->eof = f->err = false; }

/* ---------------------------------------------------------------- reading */

/* The next record or console line into the buffer: 0, or EOF. */
static int fill(FILE *f)
{
    f->pos = f->len = 0;
    if (f->kind == K_CONIN) {
        fflush(NULL);
        int n = rdterm(f->buf, f->cap - 1, false);
        if (n == 2 && f->buf[0] == '/' && f->buf[1] == '*') {
            f->eof = true;
            return EOF;
        }
        f->buf[n++] = '\n';
        f->len = (size_t)n;
        return 0;
    }
    size_t len = 0;
    int rc = fsread(f->fn, f->ft, f->fm, 0, f->buf, f->lrecl ? f->lrecl : 1, &len);
    if (rc == 12) {
        f->eof = true;
        return EOF;
    }
    if (rc == 8) /* longer than the longest record the FST had: cut */
        len = f->lrecl;
    else if (rc)
        return fail(f, rc, errno_of(rc));
    if (!f->binary) {
        e2a(f->buf, f->buf, len);
        while (f->recfm == 'F' && len > 0 && f->buf[len - 1] == ' ')
            len--;
        f->buf[len++] = '\n';
    }
    f->len = len;
    return 0;
}

int fgetc(FILE *f)
{
    if (f->how != 'r')
        return fail(f, 0, EBADF);
    if (f->unget != EOF) {
        int c = f->unget;
        f->unget = EOF;
        return c;
    }
    if (f->eof)
        return EOF;
    while (f->pos >= f->len)
        if (fill(f) == EOF)
            return EOF;
    return (unsigned char)f->buf[f->pos++];
}

int getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }

int ungetc(int c, FILE *f)
{
    if (c == EOF || f->unget != EOF)
        return EOF;
    f->unget = (unsigned char)c;
    f->eof = false;
    return c;
}

char *fgets(char *s, int size, FILE *f)
{
    int n = 0;
    while (n < size - 1) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        s[n++] = (char)c;
        if (c == '\n')
            break;
    }
    if (n == 0 || size <= 0)
        return NULL;
    s[n] = 0;
    return s;
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
    unsigned char *d = p;
    size_t total = size * n, got = 0;
    if (size == 0 || n == 0)
        return 0;
    while (got < total) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        d[got++] = (unsigned char)c;
    }
    return got / size;
}

/* ---------------------------------------------------------------- writing */

int fputc(int c, FILE *f)
{
    unsigned char ch = (unsigned char)c;
    if (f->how == 'r')
        return fail(f, 0, EBADF);
    if (f->kind == K_CONOUT) {
        if (ch == '\n')
            return con_flush(f) ? EOF : ch;
        if (f->len == f->cap && con_flush(f))
            return EOF;
        f->buf[f->len++] = (char)ch;
        return ch;
    }
    if (f->binary) {
        f->buf[f->len++] = (char)ch;
        if (f->len == f->lrecl && put_record(f, f->len))
            return EOF;
        return ch;
    }
    if (ch == '\n')
        return end_record(f) ? EOF : ch;
    if (f->len == f->cap) {
        if (f->recfm == 'F' || f->cap >= f->lrecl) {
            f->cut = f->err = true; /* longer than LRECL: cut */
            return ch;
        }
        size_t ncap = f->cap * 2 > f->lrecl ? f->lrecl : f->cap * 2;
        char *nb = realloc(f->buf, ncap);
        if (!nb)
            return fail(f, 25, ENOMEM);
        f->buf = nb;
        f->cap = ncap;
    }
    f->buf[f->len++] = (char)ch;
    return ch;
}

int putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }

static int put_n(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fputc((unsigned char)s[i], f) == EOF)
            return EOF;
    return (int)n;
}

int fputs(const char *s, FILE *f) { return put_n(f, s, strlen(s)) == EOF ? EOF : 0; }

int puts(const char *s)
{
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
        return EOF;
    return 0;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    if (size == 0 || n == 0)
        return 0;
    const unsigned char *s = p;
    size_t total = size * n, done = 0;
    while (done < total && fputc(s[done], f) != EOF)
        done++;
    return done / size;
}

/* ---------------------------------------------------------------- formatting */

int vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
    return lib_vsnprintf(s, n, fmt, ap);
}

int snprintf(char *s, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lib_vsnprintf(s, n, fmt, ap);
    va_end(ap);
    return r;
}

int vsprintf(char *s, const char *fmt, va_list ap) { return lib_vsnprintf(s, 0x7FFFFFFF, fmt, ap); }

int sprintf(char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsprintf(s, fmt, ap);
    va_end(ap);
    return r;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    char small[512], *s = small;
    va_list again;
    va_copy(again, ap);
    int n = lib_vsnprintf(small, sizeof(small), fmt, ap);
    if (n >= (int)sizeof(small)) {
        s = malloc((size_t)n + 1);
        if (!s) {
            va_end(again);
            return fail(f, 25, ENOMEM);
        }
        lib_vsnprintf(s, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    int r = put_n(f, s, (size_t)n);
    if (s != small)
        free(s);
    return r;
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

int vprintf(const char *fmt, va_list ap) { return vfprintf(stdout, fmt, ap); }

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

/* ---------------------------------------------------------------- files by name */

int remove(const char *name)
{
    struct cmslib_fopen o;
    if (!name || cmslib_fopen_parse(name, "r", &o) != 0)
        return fail(NULL, 20, EINVAL), -1;
    int rc = fserase(o.fn, o.ft, o.fm);
    if (rc)
        return fail(NULL, rc, errno_of(rc)), -1;
    return 0;
}

int rename(const char *from, const char *to)
{
    struct cmslib_fopen a, b;
    if (!from || !to || cmslib_fopen_parse(from, "r", &a) != 0 ||
        cmslib_fopen_parse(to, "r", &b) != 0)
        return fail(NULL, 20, EINVAL), -1;
    const char *fm = a.fm[0] ? a.fm : "A";
    if (b.fm[0] && b.fm[0] != fm[0]) /* a file stays on its disk */
        return fail(NULL, 24, errno_of(24)), -1;
    int rc = fsrename(a.fn, a.ft, fm, b.fn, b.ft, b.fm[0] ? b.fm[1] : 0);
    if (rc)
        return fail(NULL, rc, errno_of(rc)), -1;
    return 0;
}
