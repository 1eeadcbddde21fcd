/*
 * stdio.h - standard I/O for C programs on CMS (cms/lib/stdio.c).
 *
 * A FILE is a CMS file or the console. fopen("FN FT FM", mode): mode "r",
 * "w" or "a", optionally with "b" (binary), then IBM C-style keywords
 * after a comma: "w,recfm=F,lrecl=80". Text mode translates EBCDIC <->
 * ASCII, one record per line (trailing blanks of F records dropped when
 * read, lines padded with blanks when written). stdin, stdout and stderr
 * are the console; a line "/" "*" alone at the terminal is end of file.
 * No floating point in the printf family.
 */
#ifndef CMS_LIB_STDIO_H
#define CMS_LIB_STDIO_H

#include <stdarg.h>
#include <stddef.h>

typedef struct __cms_file FILE;

#define EOF          (-1)
#define BUFSIZ       1024
#define FILENAME_MAX 20
#define FOPEN_MAX    16

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;

FILE *fopen(const char *name, const char *mode);
int fclose(FILE *f);
int fflush(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);

int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);
char *fgets(char *s, int size, FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *s, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
int vfprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
int vsprintf(char *s, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

int remove(const char *name);
int rename(const char *from, const char *to);

#endif
