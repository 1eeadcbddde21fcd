/*
 * userdisk.c - a user's minidisk found as CP finds it at LOGON: the
 * system specification names the user directory and the volumes; the
 * user's MDISK statement (or LINK to another user's) gives the volume and
 * the cylinders; the volume's image is in the state directory's dasd/.
 *
 * Entry points: userdisk_find, hostfile_read.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dasd/sysspec.h"
#include "dir/dir.h"
#include "tools/cmsfs/userdisk.h"

uint8_t *hostfile_read(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0, got;
    uint8_t *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        uint8_t *bigger = n == cap ? realloc(buf, cap * 2) : buf;
        if (!bigger) {
            free(buf);
            errno = ENOMEM;
        } else if (n == cap)
            cap *= 2;
        buf = bigger;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
        errno = EIO;
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return buf;
}

/* The MDISK behind userid's vaddr, following LINKs; NULL with why. */
static const struct dir_dev *find_mdisk(const struct dir_src *src, const char *userid,
                                        unsigned vaddr, char *why, size_t whylen)
{
    char who[DIR_NAME_MAX + 1];
    snprintf(who, sizeof(who), "%s", userid);
    for (int hop = 0; hop < 8; hop++) {
        const struct dir_src_user *u = NULL;
        for (uint32_t i = 0; i < src->nusers && !u; i++)
            if (strcmp(src->users[i].u.userid, who) == 0)
                u = &src->users[i];
        if (!u) {
            snprintf(why, whylen, "no user %s in the directory", who);
            return NULL;
        }
        const struct dir_dev *d = NULL;
        for (uint32_t i = u->first_dev; i < u->first_dev + u->u.ndev && !d; i++)
            if (src->devs[i].d.vaddr == vaddr &&
                (src->devs[i].d.stmt == DIR_STMT_MDISK || src->devs[i].d.stmt == DIR_STMT_LINK))
                d = &src->devs[i].d;
        if (!d) {
            snprintf(why, whylen, "user %s has no minidisk %03X", who, vaddr);
            return NULL;
        }
        if (d->stmt == DIR_STMT_MDISK)
            return d;
        if (strcmp(d->userid, "*") != 0)
            snprintf(who, sizeof(who), "%s", d->userid);
        vaddr = d->target;
    }
    snprintf(why, whylen, "user %s %03X: too many LINKs", userid, vaddr);
    return NULL;
}

int userdisk_find(const char *specpath, const char *state, const char *userid, const char *vaddr,
                  char *out, size_t outlen, char *why, size_t whylen)
{
    char *end, uid[DIR_NAME_MAX + 1];
    unsigned long va = strtoul(vaddr, &end, 16);
    if (!*vaddr || *end || va > 0xFFF) {
        snprintf(why, whylen, "%s: not a virtual address", vaddr);
        return -1;
    }
    size_t n = strlen(userid);
    if (n == 0 || n > DIR_NAME_MAX) {
        snprintf(why, whylen, "%s: not a userid", userid);
        return -1;
    }
    for (size_t i = 0; i <= n; i++)
        uid[i] = (char)toupper((unsigned char)userid[i]);

    struct sysspec *spec = malloc(sizeof(*spec));
    char errs[2048];
    struct dir_src src = {0};
    char *text = NULL;
    int rc = -1;
    if (!spec || spec_load(specpath, spec, errs, sizeof(errs))) {
        snprintf(why, whylen, "%s", spec ? errs : "out of memory");
        goto out;
    }
    size_t len;
    text = (char *)hostfile_read(spec->direct, &len);
    if (!text) {
        snprintf(why, whylen, "%s: %s", spec->direct, strerror(errno));
        goto out;
    }
    struct dir_counts cnt = dir_measure(text, len);
    src.users = calloc(cnt.users + 1, sizeof(*src.users));
    src.devs = calloc(cnt.devs + 1, sizeof(*src.devs));
    src.maxusers = cnt.users + 1;
    src.maxdevs = cnt.devs + 1;
    if (!src.users || !src.devs || dir_parse(&src, text, len)) {
        snprintf(why, whylen, "%s: the directory does not parse (cpvol direct shows why)",
                 spec->direct);
        goto out;
    }
    const struct dir_dev *d = find_mdisk(&src, uid, (unsigned)va, why, whylen);
    if (!d)
        goto out;
    const struct spec_volume *v = spec_find(spec, d->volser);
    if (!v) {
        snprintf(why, whylen, "volume %s is not in %s", d->volser, specpath);
        goto out;
    }
    char name[64];
    spec_image_name(v, name, sizeof(name));
    snprintf(out, outlen, "%s/dasd/%s:%u:%u", state, name, d->cyl, d->ncyl);
    rc = 0;
out:
    free(src.users);
    free(src.devs);
    free(text);
    free(spec);
    return rc;
}
