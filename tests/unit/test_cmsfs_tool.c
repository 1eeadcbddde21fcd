/*
 * test_cmsfs_tool.c - the cmsfs command (tools/cmsfs/) end to end, on
 * real Hercules CKD images in a temporary directory: run as the shell
 * would run it (cmsfstool_main with an argument vector), its output and
 * messages captured.
 *
 * Checked: IMAGE:CYL:NCYL parsing; format, write (text as V and as F,
 * binary as F and V), read back byte-exact, list, info, rename, erase;
 * the tracks around the minidisk untouched; putblocks outside the file
 * system and refused inside it, blocks 1-2 kept by a new format; a disk
 * that is not CMS and a damaged one refused with the problem named and
 * the image file left byte for byte as it was; usage errors; a user's
 * minidisk found through the system specification and directory; MODULE
 * files written from a host image and read back byte-exact.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/bytes.h"
#include "dasd/ckdimg.h"
#include "tools/cmsfs/cmsfstool.h"
#include "tools/cmsfs/mdisk.h"
#include "unit.h"

/* ---------------------------------------------------------------- helpers */

static char tmpdir[64];
static char img[128];  /* an 8-cylinder 3350 */
static char disk[160]; /* cylinders 2-6 of it */

static void make_image(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/cmsfs-test-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(tmpdir));
    snprintf(img, sizeof(img), "%s/vol.3350", tmpdir);
    snprintf(disk, sizeof(disk), "%s:2:5", img);
    struct ckdimg im;
    char why[300];
    CU_ASSERT_EQUAL_FATAL(
        ckdimg_create(&im, img, ckd_geom_by_name("3350"), 8, NULL, NULL, why, sizeof(why)), 0);
    ckdimg_close(&im);
}

static void remove_image(void)
{
    char cmd[200];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

static char *host(const char *name)
{
    static char path[4][200];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof(path[k]), "%s/%s", tmpdir, name);
    return path[k];
}

static void put_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
    fclose(f);
}

static uint8_t *get_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    rewind(f);
    uint8_t *buf = malloc(*len + 1);
    CU_ASSERT_EQUAL(fread(buf, 1, *len, f), *len);
    buf[*len] = 0;
    fclose(f);
    return buf;
}

static char out[65536], err[4096];

static void capture(FILE *f, char *buf, size_t size)
{
    rewind(f);
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = 0;
    fclose(f);
}

/* Run cmsfs with the arguments (a NULL ends them); out and err hold what it said. */
static int toolv(const char *const *args)
{
    char *argv[16] = {"cmsfs"};
    int argc = 1;
    while (args[argc - 1] && argc < 15) {
        argv[argc] = (char *)args[argc - 1];
        argc++;
    }
    FILE *o = tmpfile(), *e = tmpfile();
    int rc = cmsfstool_main(argc, argv, o, e);
    capture(o, out, sizeof(out));
    capture(e, err, sizeof(err));
    return rc;
}

static int tool(const char *first, ...)
{
    const char *args[16] = {first};
    int n = 1;
    va_list ap;
    va_start(ap, first);
    while (n < 15 && (args[n] = va_arg(ap, const char *)) != NULL)
        n++;
    va_end(ap);
    args[n] = NULL;
    return toolv(args);
}

static void expect(int rc, int want, const char *what)
{
    if (rc != want)
        printf("\n    %s: exit %d, expected %d; said: %s%s", what, rc, want, out, err);
    CU_ASSERT_EQUAL(rc, want);
}

/* ---------------------------------------------------------------- IMAGE:CYL:NCYL */

static void test_spec(void)
{
    static const struct {
        const char *spec;
        bool ok;
        const char *path;
        unsigned cyl, ncyl;
    } rows[] = {
        {"vol.3350:2:5", true, "vol.3350", 2, 5},
        {"dir:x/vol:0:1", true, "dir:x/vol", 0, 1},
        {"/a/b.3390:1112:1", true, "/a/b.3390", 1112, 1},
        {"vol.3350:2", false, NULL, 0, 0},
        {"vol.3350::5", false, NULL, 0, 0},
        {"vol.3350:2:0", false, NULL, 0, 0},
        {"vol.3350:2:x", false, NULL, 0, 0},
        {"vol.3350:-1:5", false, NULL, 0, 0},
        {":2:5", false, NULL, 0, 0},
        {"vol.3350", false, NULL, 0, 0},
    };
    for (size_t i = 0; i < NELEM(rows); i++) {
        char path[100];
        unsigned c = 99, n = 99;
        bool ok = mdisk_parse(rows[i].spec, path, sizeof(path), &c, &n);
        CU_ASSERT_EQUAL(ok, rows[i].ok);
        if (ok && rows[i].ok) {
            CU_ASSERT_STRING_EQUAL(path, rows[i].path);
            CU_ASSERT_EQUAL(c, rows[i].cyl);
            CU_ASSERT_EQUAL(n, rows[i].ncyl);
        }
    }
}

/* ---------------------------------------------------------------- files in and out */

static void test_roundtrip(void)
{
    make_image();
    struct ckdimg im;
    char why[300];
    CU_ASSERT_EQUAL_FATAL(ckdimg_open(&im, img, false, why, sizeof(why)), 0);
    uint8_t *before1 = malloc(im.trksize), *before7 = malloc(im.trksize), *t = malloc(im.trksize);
    CU_ASSERT_EQUAL(ckdimg_read_track(&im, 1, 29, before1), 0);
    CU_ASSERT_EQUAL(ckdimg_read_track(&im, 7, 0, before7), 0);

    expect(tool("format", disk, "user01", NULL), 0, "format");
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "5 cylinders formatted"));

    /* text: trailing blanks, an empty line, CRLF, no newline at the end */
    static const char text[] = "HELLO WORLD\n&TRACE ALL   \n\nDOS LINE\r\nlast line, no newline";
    put_file(host("t.txt"), text, strlen(text));
    expect(tool("write", disk, "profile", "exec", host("t.txt"), NULL), 0, "write V");
    expect(tool("write", disk, "card", "data", "b2", host("t.txt"), "--recfm", "F", "--lrecl", "30",
                NULL),
           0, "write F");
    expect(tool("read", disk, "profile", "exec", NULL), 0, "read V");
    CU_ASSERT_STRING_EQUAL(out, "HELLO WORLD\n&TRACE ALL   \n \nDOS LINE\nlast line, no newline\n");
    expect(tool("read", disk, "CARD", "DATA", host("back.txt"), NULL), 0, "read F");
    size_t len;
    uint8_t *back = get_file(host("back.txt"), &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(back);
    CU_ASSERT_STRING_EQUAL((char *)back,
                           "HELLO WORLD\n&TRACE ALL\n\nDOS LINE\nlast line, no newline\n");
    free(back);
    /* the F file's records are 30 EBCDIC bytes, blank padded */
    expect(tool("read", disk, "card", "data", "--binary", NULL), 0, "read F binary");
    CU_ASSERT_EQUAL(memcmp(out, "\xC8\xC5\xD3\xD3\xD6\x40\xE6\xD6\xD9\xD3\xC4\x40\x40", 13), 0);

    /* a line longer than LRECL: refused, no file */
    expect(
        tool("write", disk, "long", "data", host("t.txt"), "--recfm", "F", "--lrecl", "12", NULL),
        1, "too long");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "line 2"));

    /* binary, F 80 by default (the last record padded with zeros) and V */
    size_t n = 10001;
    uint8_t *bin = malloc(n + 80);
    for (size_t i = 0; i < n; i++)
        bin[i] = (uint8_t)(i * 7 + (i >> 8));
    memset(bin + n, 0, 80);
    put_file(host("b.bin"), bin, n);
    expect(tool("write", disk, "obj", "text", host("b.bin"), "--binary", NULL), 0, "write bin F");
    expect(tool("read", disk, "obj", "text", host("b.out"), "--binary", NULL), 0, "read bin F");
    back = get_file(host("b.out"), &len);
    CU_ASSERT_EQUAL(len, 10080);
    CU_ASSERT_TRUE(back && memcmp(back, bin, 10080) == 0);
    free(back);
    expect(tool("write", disk, "obj", "bin", host("b.bin"), "--binary", "--recfm", "V", "--lrecl",
                "1000", NULL),
           0, "write bin V");
    expect(tool("read", disk, "obj", "bin", host("b.out"), "--binary", NULL), 0, "read bin V");
    back = get_file(host("b.out"), &len);
    CU_ASSERT_EQUAL(len, n);
    CU_ASSERT_TRUE(back && memcmp(back, bin, n) == 0);
    free(back);
    free(bin);

    /* list and info */
    expect(tool("list", disk, NULL), 0, "list");
    static const char *lines[] = {
        "PROFILE  EXEC     A1 V    21      5      1 ",
        "CARD     DATA     B2 F    30      5      1 ",
        "OBJ      TEXT     A1 F    80    126     13 ",
        "OBJ      BIN      A1 V  1000     11     13 ",
    };
    for (size_t i = 0; i < NELEM(lines); i++) {
        if (!strstr(out, lines[i]))
            printf("\n    list lacks \"%s\":\n%s", lines[i], out);
        CU_ASSERT_PTR_NOT_NULL(strstr(out, lines[i]));
    }
    CU_ASSERT_PTR_NULL(strstr(out, "LONG"));
    expect(tool("info", disk, NULL), 0, "info");
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "USER01    5 3350     800     4 "));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "2850"));

    /* rename, erase */
    expect(tool("rename", disk, "obj", "bin", "profile", "exec", NULL), 1, "rename onto a file");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "exists"));
    expect(tool("rename", disk, "obj", "bin", "obj2", "bin", NULL), 0, "rename");
    expect(tool("erase", disk, "profile", "exec", NULL), 0, "erase");
    expect(tool("erase", disk, "profile", "exec", NULL), 1, "erase again");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "not found"));
    expect(tool("list", disk, NULL), 0, "list");
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "OBJ2     BIN"));
    CU_ASSERT_PTR_NULL(strstr(out, "PROFILE"));

    /* the cylinders around the minidisk are as they were */
    CU_ASSERT_EQUAL(ckdimg_read_track(&im, 1, 29, t), 0);
    CU_ASSERT_EQUAL(memcmp(t, before1, im.trksize), 0);
    CU_ASSERT_EQUAL(ckdimg_read_track(&im, 7, 0, t), 0);
    CU_ASSERT_EQUAL(memcmp(t, before7, im.trksize), 0);
    /* and the minidisk's tracks hold 19 keyless 800-byte records */
    CU_ASSERT_EQUAL(ckdimg_read_track(&im, 6, 29, t), 0);
    struct ckdrec recs[40];
    CU_ASSERT_EQUAL(ckdtrk_parse(t, im.trksize, 6, 29, recs, 40, why, sizeof(why)), 19);
    CU_ASSERT_TRUE(recs[18].r == 19 && recs[18].kl == 0 && recs[18].dl == 800);
    ckdimg_close(&im);
    free(before1);
    free(before7);
    free(t);
    remove_image();
}

/* ---------------------------------------------------------------- raw blocks */

static void test_putblocks(void)
{
    make_image();
    expect(tool("format", disk, "SYS", "--cyls", "2", NULL), 0, "format");
    uint8_t data[1600];
    for (size_t i = 0; i < sizeof(data); i++)
        data[i] = (uint8_t)(i * 13);
    put_file(host("ipl.bin"), data, sizeof(data));
    put_file(host("nuc.bin"), data, 900); /* two blocks, the second zero padded */
    expect(tool("putblocks", disk, "1", host("ipl.bin"), NULL), 0, "IPL records");
    expect(tool("putblocks", disk, "2", host("ipl.bin"), NULL), 1, "into block 3");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "nothing written"));
    expect(tool("putblocks", disk, "1140", host("ipl.bin"), NULL), 1, "into the last FS block");
    expect(tool("putblocks", disk, "1141", host("nuc.bin"), NULL), 0, "past the file system");
    expect(tool("putblocks", disk, "2850", host("ipl.bin"), NULL), 1, "past the minidisk");
    expect(tool("putblocks", disk, "0", host("ipl.bin"), NULL), 1, "block 0");

    /* a new format keeps blocks 1-2 */
    expect(tool("format", disk, "SYS2", "--cyls", "2", NULL), 0, "format again");
    struct mdisk md;
    char why[300];
    CU_ASSERT_EQUAL_FATAL(mdisk_open(&md, disk, false, why, sizeof(why)), 0);
    uint8_t b[4][800];
    struct cmsfs_blk v[4] = {{1, b[0]}, {2, b[1]}, {1141, b[2]}, {1142, b[3]}};
    CU_ASSERT_EQUAL(md.io.io(md.io.ctx, false, v, 4), 0);
    CU_ASSERT_EQUAL(memcmp(b[0], data, 1600), 0);
    CU_ASSERT_EQUAL(b[2][0], 0); /* formatting the tracks cleared the rest */
    mdisk_close(&md);
    expect(tool("putblocks", disk, "1141", host("nuc.bin"), NULL), 0, "past the file system");
    CU_ASSERT_EQUAL_FATAL(mdisk_open(&md, disk, false, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(md.io.io(md.io.ctx, false, v, 4), 0);
    CU_ASSERT_EQUAL(memcmp(b[2], data, 800), 0);
    CU_ASSERT_EQUAL(memcmp(b[3], data + 800, 100), 0);
    static const uint8_t zeros[700];
    CU_ASSERT_EQUAL(memcmp(b[3] + 100, zeros, 700), 0);
    mdisk_close(&md);
    expect(tool("info", disk, NULL), 0, "info");
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "SYS2      2 3350"));
    remove_image();
}

/* ---------------------------------------------------------------- refusals */

static void test_refused(void)
{
    make_image();
    /* not formatted */
    expect(tool("list", disk, NULL), 1, "unformatted");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "is not a CMS disk"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "800-byte record 3"));
    /* formatted for CMS tracks but no label */
    expect(tool("format", disk, "ok", NULL), 0, "format");
    struct mdisk md;
    char why[300];
    CU_ASSERT_EQUAL_FATAL(mdisk_open(&md, disk, true, why, sizeof(why)), 0);
    uint8_t blk[800] = {0};
    struct cmsfs_blk v = {3, blk};
    CU_ASSERT_EQUAL(md.io.io(md.io.ctx, true, &v, 1), 0);
    mdisk_close(&md);
    expect(tool("info", disk, NULL), 1, "no label");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "is not a CMS disk (block 3 has no CMS= label)"));

    /* a damaged directory: refused, and the image not written */
    expect(tool("format", disk, "ok", NULL), 0, "format");
    put_file(host("t.txt"), "A\nB\n", 4);
    expect(tool("write", disk, "a", "b", host("t.txt"), NULL), 0, "write");
    CU_ASSERT_EQUAL_FATAL(mdisk_open(&md, disk, true, why, sizeof(why)), 0);
    v.block = 4;
    CU_ASSERT_EQUAL(md.io.io(md.io.ctx, false, &v, 1), 0);
    put_be32(blk + 368, get_be32(blk + 368) + 1); /* ADTUSED */
    put_be32(blk + 372, get_be32(blk + 372) - 1);
    CU_ASSERT_EQUAL(md.io.io(md.io.ctx, true, &v, 1), 0);
    mdisk_close(&md);
    size_t len0, len1;
    uint8_t *before = get_file(img, &len0);
    const char *t = host("t.txt");
    const char *changes[][7] = {
        {"write", disk, "c", "d", t, NULL},         {"erase", disk, "a", "b", NULL},
        {"rename", disk, "a", "b", "c", "d", NULL}, {"label", disk, "new", NULL},
        {"putblocks", disk, "1", t, NULL},          {"list", disk, NULL},
    };
    for (size_t i = 0; i < NELEM(changes); i++) {
        expect(toolv(changes[i]), 1, changes[i][0]);
        CU_ASSERT_PTR_NOT_NULL(strstr(err, "the CMS directory is damaged: ADTUSED"));
    }
    uint8_t *after = get_file(img, &len1);
    CU_ASSERT_TRUE(len0 == len1 && memcmp(before, after, len0) == 0);
    free(before);
    free(after);

    /* usage, names, places */
    expect(tool("frobnicate", NULL), 2, "unknown subcommand");
    expect(tool("list", NULL), 2, "no disk");
    expect(tool("list", disk, "--binary", NULL), 2, "option not for list");
    expect(tool("write", disk, "a", "b", host("t.txt"), "--recfm", "U", NULL), 2, "bad recfm");
    expect(tool("write", disk, "a", "b", host("t.txt"), "--lrecl", "0", NULL), 2, "bad lrecl");
    expect(tool("read", disk, "a.b", "c", NULL), 1, "bad name");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "not a CMS file name"));
    expect(tool("format", disk, "toolong7", NULL), 1, "bad label");
    expect(tool("format", disk, "x", "--cyls", "6", NULL), 1, "too many cylinders");
    expect(tool("info", img, NULL), 1, "no extent");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "IMAGE:CYL:NCYL"));
    char spec[200];
    snprintf(spec, sizeof(spec), "%s:6:3", img);
    expect(tool("info", spec, NULL), 1, "past the volume");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "past the volume"));
    snprintf(spec, sizeof(spec), "%s/none:0:1", tmpdir);
    expect(tool("info", spec, NULL), 1, "no image");
    remove_image();
}

/* ---------------------------------------------------------------- --user */

/* USER01's 191 on CPUSR1 (cylinders 1-5) in a state directory of its own,
 * found through the shipped specification and directory. */
static void test_user(void)
{
    make_image();
    const char *spec = "dasd/system/cpcms.spec";
    FILE *f = fopen(spec, "r");
    if (!f)
        spec = "../../dasd/system/cpcms.spec";
    else
        fclose(f);
    char state[100], dasd[120], vol[160], cmd[600];
    snprintf(state, sizeof(state), "%s/state", tmpdir);
    snprintf(dasd, sizeof(dasd), "%s/dasd", state);
    snprintf(vol, sizeof(vol), "%s/cpusr1.3350", dasd);
    snprintf(cmd, sizeof(cmd), "mkdir -p '%s' && cp '%s' '%s'", dasd, img, vol);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    expect(tool("format", "--user", "user01", "191", "--state", state, "--spec", spec, "u01", NULL),
           0, "format --user");
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "cpusr1.3350:1:5: 5 cylinders formatted"));
    put_file(host("t.txt"), "HELLO\n", 6);
    expect(tool("write", "--user", "USER01", "191", "--state", state, "--spec", spec, "a", "b",
                host("t.txt"), NULL),
           0, "write --user");
    char disk1[200];
    snprintf(disk1, sizeof(disk1), "%s:1:5", vol);
    expect(tool("list", disk1, NULL), 0, "list");
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "A        B        A1 V     5      1      1 "));
    /* USER01 190 is a LINK to MAINT's 190 on CPSYS1, which this state lacks */
    expect(tool("info", "--user", "user01", "190", "--state", state, "--spec", spec, NULL), 1,
           "LINK");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "cpsys1.3350"));
    expect(tool("info", "--user", "user01", "999", "--state", state, "--spec", spec, NULL), 1,
           "no such minidisk");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "user USER01 has no minidisk 999"));
    expect(tool("info", "--user", "nobody", "191", "--state", state, "--spec", spec, NULL), 1,
           "no such user");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "no user NOBODY"));
    expect(tool("info", disk, "--state", state, NULL), 2, "--state without --user");
    remove_image();
}

/* ---------------------------------------------------------------- MODULE files */

/* write --module: the 80-byte header record, then the image in pieces of
 * up to 65535 bytes (V); read --binary gives the host file back. */
static void test_module(void)
{
    make_image();
    expect(tool("format", disk, "mod191", NULL), 0, "format");
    size_t image = 70000, len = 80 + image;
    uint8_t *mod = calloc(1, len);
    put_be32(mod + 0, 0x40000);          /* STRTADDR */
    put_be32(mod + 4, 0x40000);          /* FRSTLOC */
    put_be32(mod + 8, 0x40000 + image);  /* LASTLOC */
    put_be32(mod + 12, 0x40000 + image); /* LOCCNT */
    mod[0x2B] = 0x80;
    for (size_t i = 80; i < len; i++)
        mod[i] = (uint8_t)(i * 7);
    put_file(host("p.module"), mod, len);
    expect(tool("write", disk, "prog", "module", host("p.module"), "--module", NULL), 0, "write");
    expect(tool("list", disk, NULL), 0, "list");
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "PROG     MODULE   A1 V 65535      3"));
    expect(tool("read", disk, "prog", "module", host("back.module"), "--binary", NULL), 0, "read");
    size_t blen;
    uint8_t *back = get_file(host("back.module"), &blen);
    CU_ASSERT_PTR_NOT_NULL_FATAL(back);
    CU_ASSERT_EQUAL(blen, len);
    CU_ASSERT_EQUAL(memcmp(back, mod, len), 0);
    free(back);
    /* not a MODULE image: LASTLOC - FRSTLOC is not the image's size */
    put_be32(mod + 8, 0x40000 + image - 1);
    put_file(host("bad.module"), mod, len);
    expect(tool("write", disk, "bad", "module", host("bad.module"), "--module", NULL), 1, "bad");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "is not a MODULE image"));
    expect(tool("write", disk, "bad", "module", host("p.module"), "--module", "--recfm", "F", NULL),
           1, "F");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "RECFM V"));
    free(mod);
    remove_image();
}

static CU_TestInfo cases[] = {
    {"IMAGE:CYL:NCYL", test_spec},
    {"MODULE files (write --module)", test_module},
    {"files in and out of a CKD image", test_roundtrip},
    {"putblocks, and blocks 1-2 kept", test_putblocks},
    {"not CMS, damaged, usage: refused", test_refused},
    {"a user's minidisk from the directory", test_user},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("cmsfs_tool", cases);
