/*
 * message.c - messages in the R6 form "DMSxxxnnns text", the messages
 * for failed file functions, and storage (util.h).
 *
 * Message texts follow R6's style as its nucleus shows it (substituted
 * fields in quotes: FILE 'fn ft fm' NOT FOUND, DISK 'm' IS READ/ONLY,
 * ERROR 'nn' WRITING FILE '...' ON DISK). They are typed with WRTERM,
 * id and all: a program cannot see SET EMSG.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cms/util/common/util.h"

static void vtype(const char *prefix, const char *fmt, va_list ap)
{
    char line[240];
    size_t n = prefix ? (size_t)snprintf(line, sizeof(line), "%s ", prefix) : 0;
    vsnprintf(line + n, sizeof(line) - n, fmt, ap);
    wrterm(line, strlen(line));
}

void util_msg(const char *mod, const char *id, const char *fmt, ...)
{
    char prefix[16];
    snprintf(prefix, sizeof(prefix), "DMS%s%s", mod, id);
    va_list ap;
    va_start(ap, fmt);
    vtype(prefix, fmt, ap);
    va_end(ap);
}

void util_type(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vtype(NULL, fmt, ap);
    va_end(ap);
}

int util_not_found(const char *mod, const struct util_fid *f)
{
    char id[32];
    util_fid_text(id, sizeof(id), f);
    util_msg(mod, "002E", "FILE '%s' NOT FOUND", id);
    return 28;
}

int util_read_error(const char *mod, int rc, const struct util_fid *f)
{
    char id[32];
    util_fid_text(id, sizeof(id), f);
    util_msg(mod, "104S", "ERROR '%d' READING FILE '%s' FROM DISK", rc, id);
    return 100;
}

int util_write_error(const char *mod, int rc, const struct util_fid *f)
{
    if (rc == 12) {
        util_msg(mod, "037E", "DISK '%c' IS READ/ONLY", f->fm[0]);
        return 36;
    }
    if (rc == 36) {
        util_msg(mod, "069E", "DISK '%c' NOT ACCESSED", f->fm[0]);
        return 36;
    }
    char id[32];
    util_fid_text(id, sizeof(id), f);
    util_msg(mod, "105S", "ERROR '%d' WRITING FILE '%s' ON DISK", rc, id);
    return 100;
}

void *util_alloc(const char *mod, size_t bytes)
{
    void *p = dmsfree(bytes);
    if (!p)
        util_msg(mod, "109S", "VIRTUAL STORAGE CAPACITY EXCEEDED");
    return p;
}

void util_free(void *p, size_t bytes)
{
    if (p)
        dmsfret(p, bytes);
}
