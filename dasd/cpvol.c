/*
 * cpvol.c - the volume builder (≈ VM/370's DMKFMT format/allocate and the
 * DMKDIR directory program, as one host tool).
 *
 *   cpvol build  SPEC DIR --nucleus FILE [--force]
 *       Create every volume of the system specification as a Hercules CKD
 *       image in DIR: labels, allocation map, IPL records, the system
 *       record, the CP nucleus and the compiled user directory.
 *   cpvol update SPEC DIR --nucleus FILE
 *       Rewrite IPL records, system record and nucleus on existing volumes
 *       (user data untouched); rewrite the directory only if its source
 *       changed; create volumes the specification added.
 *   cpvol list   IMAGE     print what a volume holds
 *   cpvol check  IMAGE     verify a volume; exit status 1 if it is damaged
 *   cpvol direct SPEC [--drct FILE]
 *       Check the directory source; with --drct, also write to FILE what
 *       the directory area would hold (the header page and the image, in
 *       4 KB pages): a directory program in a virtual machine writes those
 *       pages to the area and switches CP to them (DIAGNOSE X'3C').
 *   cpvol volumes SPEC [DIR]  print "address type image-file [SYSRES]" per volume
 *   cpvol coldstart IMAGE
 *       Erase the warm start data (the spool checkpoint in the WARM area)
 *       of a system residence volume while the system is down: the next
 *       IPL is a cold start, and every spool file is gone (docs/spool.md).
 *
 * Errors name the file, line and problem; exit status 0 ok, 1 a problem
 * with the input, 2 usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dasd/ckdimg.h"
#include "dasd/sysspec.h"
#include "dasd/volbuild.h"
#include "dasd/volfmt.h"
#include "dir/dir.h"
#include "lib/sha256.h"

static const char *prog = "cpvol";

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("%s: %s", path, strerror(errno));
    size_t cap = 65536, n = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        die("out of memory");
    *len = n;
    return buf;
}

/* ---------------------------------------------------------------- the directory */

static void report(void *ctx, unsigned line, const char *msg)
{
    const char *path = ctx;
    (void)line;
    fprintf(stderr, "%s: %s\n", path, msg);
}

static int urandom_salt(void *ctx, uint8_t salt[8])
{
    (void)ctx;
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, salt, 8);
    close(fd);
    return n == 8 ? 0 : -1;
}

struct compiled_dir {
    uint8_t *img;
    size_t len;
    uint8_t source_sha[32];
};

/* True if cylinders first..first+n-1 all lie in the volume's PERM areas. */
static bool in_perm(const struct spec_volume *v, unsigned first, unsigned n)
{
    for (unsigned c = first; c < first + n; c++)
        if (!alloc_find(&v->alloc, AREA_PERM, (int)c))
            return false;
    return true;
}

/* Parse and compile the directory named by the specification, and check
 * it against the volumes. Exits with every error listed. */
static void compile_directory(const struct sysspec *spec, struct compiled_dir *out, bool compile)
{
    size_t len;
    char *text = (char *)read_file(spec->direct, &len);
    struct dir_counts n = dir_measure(text, len);
    struct dir_src src = {0};
    src.users = calloc(n.users + 1, sizeof(*src.users));
    src.devs = calloc(n.devs + 1, sizeof(*src.devs));
    if (!src.users || !src.devs)
        die("out of memory");
    src.maxusers = n.users + 1;
    src.maxdevs = n.devs + 1;
    src.report = report;
    src.report_ctx = (void *)spec->direct;
    unsigned errors = dir_parse(&src, text, len);

    /* The directory must agree with the system specification. */
    const struct spec_volume *res = spec_sysres(spec);
    if (src.has_directory && res) {
        const struct dir_devtype_info *dt = dir_devtype(src.dir.type);
        if (strcmp(src.dir.volser, res->volser) != 0) {
            fprintf(stderr,
                    "%s: line %u: DIRECTORY names volume %s, but the system residence "
                    "volume is %s\n",
                    spec->direct, src.dir_line, src.dir.volser, res->volser);
            errors++;
        } else if (!dt || !res->g || dir_model_code(dt->model) != res->g->devtype) {
            fprintf(stderr, "%s: line %u: DIRECTORY device type is not the %s of volume %s\n",
                    spec->direct, src.dir_line, res->g ? res->g->name : "?", res->volser);
            errors++;
        } else if (src.dir.cuu != (res->devno & 0xFFF)) {
            fprintf(stderr, "%s: line %u: DIRECTORY address %03X is not volume %s's address %03X\n",
                    spec->direct, src.dir_line, src.dir.cuu, res->volser, res->devno);
            errors++;
        }
    }
    bool have_oper = false;
    for (uint32_t i = 0; i < src.nusers; i++)
        if (strcmp(src.users[i].u.userid, spec->sys.sysoper) == 0 &&
            !(src.users[i].u.flags & DIR_USER_NOLOG))
            have_oper = true;
    if (!have_oper && errors == 0) {
        fprintf(stderr, "%s: the system operator %s (SYSOPER in %s) is not a user who can log on\n",
                spec->direct, spec->sys.sysoper, spec->path);
        errors++;
    }
    for (uint32_t i = 0; i < src.ndevs; i++) {
        const struct dir_src_dev *d = &src.devs[i];
        if (d->d.stmt != DIR_STMT_MDISK)
            continue;
        const struct spec_volume *v = spec_find(spec, d->d.volser);
        if (!v) {
            /* a volume of its own, mounted or not: LINK says NOT MOUNTED */
            fprintf(stderr, "%s: line %u: MDISK %03X: warning: volume %s is not in %s\n",
                    spec->direct, d->line, d->d.vaddr, d->d.volser, spec->path);
        } else if (v->g && (unsigned)d->d.cyl + d->d.ncyl > v->g->cyls) {
            fprintf(stderr,
                    "%s: line %u: MDISK %03X: cylinders %u-%u are beyond the end of %s "
                    "(%u cylinders)\n",
                    spec->direct, d->line, d->d.vaddr, d->d.cyl,
                    (unsigned)(d->d.cyl + d->d.ncyl - 1), v->volser, v->g->cyls);
            errors++;
        } else if (!(d->d.cyl == 0 && d->d.ncyl == v->g->cyls) &&
                   !in_perm(v, d->d.cyl, d->d.ncyl)) {
            /* a full-pack minidisk may span everything; others belong in PERM */
            fprintf(stderr,
                    "%s: line %u: MDISK %03X: warning: cylinders %u-%u of %s are not "
                    "all in a PERM area\n",
                    spec->direct, d->line, d->d.vaddr, d->d.cyl,
                    (unsigned)(d->d.cyl + d->d.ncyl - 1), v->volser);
        }
    }
    if (errors)
        die("%u error%s in the directory %s: nothing was written", errors, errors > 1 ? "s" : "",
            spec->direct);
    memcpy(out->source_sha, src.source_sha, 32);
    if (compile) {
        size_t size = dir_image_size(&src);
        out->img = malloc(size);
        long got = out->img ? dir_compile(&src, out->img, size, urandom_salt, NULL) : -1;
        if (got < 0)
            die("cannot compile the directory (error %ld)", got);
        out->len = (size_t)got;
    }
    memset(text, 0, len); /* the source holds clear passwords */
    free(text);
    free(src.users);
    memset(src.devs, 0, (n.devs + 1) * sizeof(*src.devs));
    free(src.devs);
}

/* ---------------------------------------------------------------- building */

struct progress {
    const char *volser;
    int last;
};

static void show_progress(void *ctx, unsigned done, unsigned total)
{
    struct progress *p = ctx;
    int pct = (int)(done * 100 / total);
    if (isatty(1)) {
        if (pct != p->last)
            printf("\r%s: formatting %3d%%", p->volser, pct);
        if (done == total)
            printf("\n");
        fflush(stdout);
    } else if (pct / 25 != p->last / 25 || done == total) {
        printf("%s: formatting %d%%\n", p->volser, pct);
    }
    p->last = pct;
}

static void image_path(const char *dir, const struct spec_volume *v, char *out, size_t len)
{
    char name[64];
    spec_image_name(v, name, sizeof(name));
    snprintf(out, len, "%s/%s", dir, name);
}

static struct sysres_content sysres_content(const struct sysspec *spec, const char *nucfile,
                                            uint8_t **nuc)
{
    struct sysres_content c = {0};
    c.sys = spec->sys;
    size_t len;
    uint8_t *raw = read_file(nucfile, &len);
    if (len == 0)
        die("%s: the nucleus is empty", nucfile);
    /* whole pages, as they are on the volume and in storage */
    c.sys.nuc_pages = (uint16_t)((len + VOLFMT_PAGE - 1) / VOLFMT_PAGE);
    c.nuc_len = (size_t)c.sys.nuc_pages * VOLFMT_PAGE;
    *nuc = calloc(1, c.nuc_len);
    if (!*nuc)
        die("out of memory");
    memcpy(*nuc, raw, len);
    free(raw);
    c.nucleus = *nuc;
    sha256(c.nucleus, c.nuc_len, c.sys.nuc_sum);
    /* TOD clock of now: seconds since 1900 in bits 0-51 */
    uint64_t secs = (uint64_t)time(NULL) + 2208988800ull;
    c.sys.built_tod = (secs * 1000000ull) << 12;
    return c;
}

static void write_sysres_parts(struct ckdimg *im, const struct spec_volume *v,
                               const struct sysres_content *c, bool directory)
{
    char why[512];
    const struct vol_extent *nuc = alloc_find(&v->alloc, AREA_NUCLEUS, -1);
    if (vol_write_labels(im, v, c, why, sizeof(why)) != 0 ||
        vol_write_area(im, nuc, c->nucleus, c->nuc_len, why, sizeof(why)) != 0)
        die("%s", why);
    if (directory && vol_write_directory(im, &v->alloc, c->dir, c->dir_len, why, sizeof(why)) != 0)
        die("%s", why);
}

static void create_volume(const char *dir, const struct spec_volume *v,
                          const struct sysres_content *c)
{
    char path[600], why[512];
    struct ckdimg im;
    struct progress p = {v->volser, -1};
    image_path(dir, v, path, sizeof(path));
    if (ckdimg_create(&im, path, v->g, v->g->cyls, show_progress, &p, why, sizeof(why)) != 0)
        die("%s", why);
    if (v->sysres)
        write_sysres_parts(&im, v, c, true);
    else if (vol_write_labels(&im, v, c, why, sizeof(why)) != 0)
        die("%s", why);
    /* SAVED areas: empty page records, written in place by SAVESYS */
    for (int i = 0; i < v->alloc.count; i++) {
        const struct vol_extent *x = &v->alloc.ext[i];
        if (x->type != AREA_SAVED)
            continue;
        size_t len = (size_t)(x->last - x->first + 1u) * vol_pages_per_cyl(v->g) * VOLFMT_PAGE;
        uint8_t *zero = calloc(1, len);
        if (!zero)
            die("out of memory");
        if (vol_write_area(&im, x, zero, len, why, sizeof(why)) != 0)
            die("%s", why);
        free(zero);
    }
    ckdimg_close(&im);
    printf("%s: %s, %u cylinders, built as %s\n", v->volser, v->g->name, v->g->cyls, path);
}

static void load_spec(const char *path, struct sysspec *spec)
{
    static char errs[8192];
    if (spec_load(path, spec, errs, sizeof(errs)) != 0) {
        fputs(errs, stderr);
        die("errors in the system specification %s: nothing was written", path);
    }
}

static int cmd_build(const char *specfile, const char *dir, const char *nucfile, bool force)
{
    struct sysspec spec;
    struct compiled_dir cd = {0};
    uint8_t *nuc;
    load_spec(specfile, &spec);
    compile_directory(&spec, &cd, true);
    struct sysres_content c = sysres_content(&spec, nucfile, &nuc);
    c.dir = cd.img;
    c.dir_len = cd.len;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
        die("%s: %s", dir, strerror(errno));
    for (int i = 0; i < spec.nvol; i++) {
        char path[600];
        image_path(dir, &spec.vol[i], path, sizeof(path));
        if (!force && access(path, F_OK) == 0)
            die("%s exists; use update to refresh it, or --force to rebuild (its data is lost)",
                path);
    }
    for (int i = 0; i < spec.nvol; i++)
        create_volume(dir, &spec.vol[i], &c);
    free(nuc);
    free(cd.img);
    return 0;
}

static bool same_layout(const struct vol_alloc *a, const struct vol_alloc *b)
{
    if (a->devtype != b->devtype || a->cyls != b->cyls || a->count != b->count ||
        a->sysres != b->sysres)
        return false;
    for (int i = 0; i < a->count; i++)
        if (a->ext[i].type != b->ext[i].type || a->ext[i].first != b->ext[i].first ||
            a->ext[i].last != b->ext[i].last)
            return false;
    return true;
}

static int cmd_update(const char *specfile, const char *dir, const char *nucfile)
{
    struct sysspec spec;
    struct compiled_dir cd = {0};
    uint8_t *nuc;
    char why[512];
    load_spec(specfile, &spec);
    compile_directory(&spec, &cd, false);
    struct sysres_content c = sysres_content(&spec, nucfile, &nuc);
    for (int i = 0; i < spec.nvol; i++) {
        const struct spec_volume *v = &spec.vol[i];
        char path[600];
        image_path(dir, v, path, sizeof(path));
        if (access(path, F_OK) != 0) {
            /* a volume the specification added */
            if (!cd.img)
                compile_directory(&spec, &cd, true);
            c.dir = cd.img;
            c.dir_len = cd.len;
            create_volume(dir, v, &c);
            continue;
        }
        struct ckdimg im;
        uint8_t page[VOLFMT_PAGE];
        struct vol_alloc old;
        if (ckdimg_open(&im, path, true, why, sizeof(why)) != 0)
            die("%s", why);
        if (vol_read_label_record(&im, VOLFMT_R_ALLOC, page, sizeof(page), why, sizeof(why)) < 0 ||
            alloc_decode(page, sizeof(page), &old, why, sizeof(why)) != 0)
            die("%s: %s", path, why);
        if (!same_layout(&old, &v->alloc))
            die("%s: the specification changes the layout of volume %s; its areas on disk "
                "differ. Rebuild it (cpvol build --force) if its data may be lost.",
                path, v->volser);
        if (!v->sysres) {
            if (vol_write_labels(&im, v, &c, why, sizeof(why)) != 0)
                die("%s", why);
            ckdimg_close(&im);
            continue;
        }
        /* The directory is rewritten only when its source changed, so a
         * directory updated while the system ran is kept. */
        uint8_t *img = NULL;
        size_t len = 0;
        bool rewrite = true;
        struct dir_image di;
        if (vol_read_directory(&im, &old, &img, &len, why, sizeof(why)) == 0 &&
            dir_check(img, len, &di, why, sizeof(why)) == 0 &&
            memcmp(di.source_sha, cd.source_sha, 32) == 0)
            rewrite = false;
        free(img);
        if (rewrite && !cd.img)
            compile_directory(&spec, &cd, true);
        c.dir = cd.img;
        c.dir_len = cd.len;
        write_sysres_parts(&im, v, &c, rewrite);
        ckdimg_close(&im);
        printf("%s: nucleus updated (%u pages)%s\n", v->volser, c.sys.nuc_pages,
               rewrite ? ", directory rewritten" : "");
    }
    free(nuc);
    free(cd.img);
    return 0;
}

/* ---------------------------------------------------------------- list and check */

static int inspect(const char *path, bool full_check)
{
    struct ckdimg im;
    char why[512];
    uint8_t page[VOLFMT_PAGE];
    int problems = 0;
    if (ckdimg_open(&im, path, false, why, sizeof(why)) != 0)
        die("%s", why);
    printf("%s: %s image, %u cylinders of %u tracks\n", path, im.g->name, im.cyls, im.heads);
    if (full_check) {
        /* every track image must be well formed */
        uint8_t *t = malloc(im.trksize);
        struct ckdrec recs[CKDTRK_MAX_RECS];
        for (unsigned c = 0; t && c < im.cyls; c++)
            for (unsigned h = 0; h < im.heads; h++)
                if (ckdimg_read_track(&im, c, h, t) != 0 ||
                    ckdtrk_parse(t, im.trksize, c, h, recs, CKDTRK_MAX_RECS, why, sizeof(why)) <
                        0) {
                    if (problems++ < 10)
                        printf("  DAMAGED: %s\n", why);
                }
        free(t);
    }
    int n = vol_read_label_record(&im, VOLFMT_R_VOL1, page, sizeof(page), why, sizeof(why));
    char volser[7];
    if (n < 0 || vol1_decode(page, (size_t)n, volser) != 0) {
        printf("  DAMAGED: no valid VOL1 label in record 3 of cylinder 0\n");
        ckdimg_close(&im);
        return 1;
    }
    printf("  label %s\n", volser);
    struct vol_alloc a;
    if (vol_read_label_record(&im, VOLFMT_R_ALLOC, page, sizeof(page), why, sizeof(why)) < 0 ||
        alloc_decode(page, sizeof(page), &a, why, sizeof(why)) != 0) {
        printf("  not a CP-formatted volume: %s\n", why);
        ckdimg_close(&im);
        return full_check ? 1 : 0;
    }
    if (strcmp(a.volser, volser) != 0) {
        printf("  DAMAGED: the allocation map says %s, the label %s\n", a.volser, volser);
        problems++;
    }
    if (a.cyls > im.cyls) {
        printf("  DAMAGED: the allocation map counts %u cylinders, the image has %u\n", a.cyls,
               im.cyls);
        problems++;
    }
    printf("  %s areas:\n", a.sysres ? "system residence volume," : "CP volume,");
    for (int i = 0; i < a.count; i++)
        printf("    %-8s cylinders %5u-%-5u (%u)\n", area_name(a.ext[i].type), a.ext[i].first,
               a.ext[i].last, (unsigned)(a.ext[i].last - a.ext[i].first + 1));
    if (a.sysres) {
        struct vol_sysrec s;
        if (vol_read_label_record(&im, VOLFMT_R_SYSREC, page, sizeof(page), why, sizeof(why)) < 0 ||
            sysrec_decode(page, sizeof(page), &s, why, sizeof(why)) != 0) {
            printf("  DAMAGED: %s\n", why);
            problems++;
        } else {
            printf("  system %s, operator %s, console %03X, zone %s %+d min\n", s.sysname,
                   s.sysoper, s.syscons, s.zone_id, (int)(s.zone_sec / 60));
            for (int i = 0; i < s.nnamesys; i++) {
                const struct vol_namesys *ns = &s.namesys[i];
                printf("  saved system %-8s pages %u-%u", ns->name, ns->first,
                       ns->first + ns->npages - 1u);
                if (ns->shfirst != NAMESYS_NOSHARE)
                    printf(", segments %u-%u shared", ns->shfirst, ns->shlast);
                printf(": %s SAVED area at cylinder %u, page %u\n", ns->volser, ns->area_cyl,
                       ns->slot);
            }
            const struct vol_extent *x = alloc_find(&a, AREA_NUCLEUS, -1);
            uint8_t *nuc = x ? malloc((size_t)s.nuc_pages * VOLFMT_PAGE) : NULL;
            uint8_t sum[32];
            if (nuc && vol_read_area(&im, x, nuc, s.nuc_pages, why, sizeof(why)) == 0) {
                sha256(nuc, (size_t)s.nuc_pages * VOLFMT_PAGE, sum);
                if (memcmp(sum, s.nuc_sum, 32) == 0) {
                    printf("  nucleus: %u pages, checksum correct\n", s.nuc_pages);
                } else {
                    printf("  DAMAGED: the nucleus does not match its checksum\n");
                    problems++;
                }
            } else {
                printf("  DAMAGED: nucleus unreadable: %s\n", why);
                problems++;
            }
            free(nuc);
        }
        uint8_t *img;
        size_t len;
        struct dir_image di;
        if (vol_read_directory(&im, &a, &img, &len, why, sizeof(why)) != 0 ||
            dir_check(img, len, &di, why, sizeof(why)) != 0) {
            printf("  DAMAGED: directory: %s\n", why);
            problems++;
        } else {
            printf("  directory: %u users, %u device entries, %zu bytes\n", di.nusers, di.ndevs,
                   len);
            free(img);
        }
    }
    ckdimg_close(&im);
    if (problems)
        printf("%s: %d problem%s found\n", path, problems, problems > 1 ? "s" : "");
    else if (full_check)
        printf("%s: no problems found\n", path);
    return problems ? 1 : 0;
}

static int cmd_volumes(const char *specfile, const char *dir)
{
    struct sysspec spec;
    load_spec(specfile, &spec);
    for (int i = 0; i < spec.nvol; i++) {
        char path[600];
        image_path(dir, &spec.vol[i], path, sizeof(path));
        printf("%04X %s %s%s\n", spec.vol[i].devno, spec.vol[i].g->name, path,
               spec.vol[i].sysres ? " SYSRES" : "");
    }
    return 0;
}

/* Empty tracks over the WARM area: no checkpoint, the next IPL cold starts. */
static int cmd_coldstart(const char *path)
{
    struct ckdimg im;
    struct vol_alloc a;
    uint8_t page[VOLFMT_PAGE];
    char why[512];
    if (ckdimg_open(&im, path, true, why, sizeof(why)) != 0)
        die("%s", why);
    if (vol_read_label_record(&im, VOLFMT_R_ALLOC, page, sizeof(page), why, sizeof(why)) < 0 ||
        alloc_decode(page, sizeof(page), &a, why, sizeof(why)) != 0)
        die("%s: %s", path, why);
    const struct vol_extent *x = alloc_find(&a, AREA_WARM, -1);
    if (!x)
        die("%s: the volume has no WARM area", path);
    uint8_t *t = calloc(1, im.trksize);
    if (!t)
        die("out of memory");
    for (unsigned cyl = x->first; cyl <= x->last; cyl++) {
        for (unsigned head = 0; head < im.heads; head++) {
            ckdtrk_init(t, im.trksize, cyl, head);
            if (ckdimg_write_track(&im, cyl, head, t) != 0)
                die("%s: cannot write cylinder %u head %u", path, cyl, head);
        }
    }
    free(t);
    ckdimg_close(&im);
    printf("%s: warm start data erased; the next IPL is a cold start\n", path);
    return 0;
}

/* The pages of the directory area, as a file. */
static void write_drct(const char *path, const struct compiled_dir *cd)
{
    size_t len;
    uint8_t *pages = vol_directory_pages(cd->img, cd->len, &len);
    if (!pages)
        die("out of memory");
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(pages, 1, len, f) != len || fclose(f) != 0)
        die("%s: %s", path, strerror(errno));
    printf("%s: %zu pages of the directory area\n", path, len / VOLFMT_PAGE);
    free(pages);
}

static void usage(void)
{
    fprintf(stderr,
            "usage: %s build SPEC DIR --nucleus FILE [--force]\n"
            "       %s update SPEC DIR --nucleus FILE\n"
            "       %s list IMAGE | check IMAGE\n"
            "       %s direct SPEC [--drct FILE] | volumes SPEC [DIR]\n"
            "       %s coldstart IMAGE\n",
            prog, prog, prog, prog, prog);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *nucfile = NULL, *drctfile = NULL;
    bool force = false;
    char *args[4];
    int nargs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--nucleus") == 0 && i + 1 < argc)
            nucfile = argv[++i];
        else if (strcmp(argv[i], "--drct") == 0 && i + 1 < argc)
            drctfile = argv[++i];
        else if (strcmp(argv[i], "--force") == 0)
            force = true;
        else if (argv[i][0] == '-')
            usage();
        else if (nargs < 4)
            args[nargs++] = argv[i];
        else
            usage();
    }
    if (nargs == 0)
        usage();
    const char *cmd = args[0];
    if (strcmp(cmd, "build") == 0 && nargs == 3 && nucfile)
        return cmd_build(args[1], args[2], nucfile, force);
    if (strcmp(cmd, "update") == 0 && nargs == 3 && nucfile)
        return cmd_update(args[1], args[2], nucfile);
    if (strcmp(cmd, "list") == 0 && nargs == 2)
        return inspect(args[1], false);
    if (strcmp(cmd, "check") == 0 && nargs == 2)
        return inspect(args[1], true);
    if (strcmp(cmd, "coldstart") == 0 && nargs == 2)
        return cmd_coldstart(args[1]);
    if (strcmp(cmd, "volumes") == 0 && (nargs == 2 || nargs == 3))
        return cmd_volumes(args[1], nargs == 3 ? args[2] : ".");
    if (strcmp(cmd, "direct") == 0 && nargs == 2) {
        struct sysspec spec;
        struct compiled_dir cd = {0};
        load_spec(args[1], &spec);
        compile_directory(&spec, &cd, true);
        printf("%s: no errors, %zu bytes compiled\n", spec.direct, cd.len);
        if (drctfile)
            write_drct(drctfile, &cd);
        free(cd.img);
        return 0;
    }
    usage();
}
